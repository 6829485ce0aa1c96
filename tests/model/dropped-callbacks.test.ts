import { describe, expect, it } from 'vitest';
import { droppedCallbackPositions } from '../../src/model/dropped-callbacks.js';
import { callResult, probeCalls } from '../helpers/probe.js';

describe('droppedCallbackPositions', () => {
  it('lists the parameters a same-file function only calls as statements (issue 18)', () => {
    const results = probeCalls(
      `
      function createServer(app, cb) { try { cb(null, make(app)); } catch (e) { cb(e); } }
      function nested(path, done) { read(path, (err, text) => { if (err) done(err); else done(null, text); }); }
      function returns(fn) { return fn(); }
      function passes(path, cb) { fs.readFile(path, cb); }
      function awaits(fn) { return (async () => { await fn(); })(); }
      function unused(a, cb) { return a; }
      async function asyncOwner(cb) { cb(); }
      createServer(app, h);
      nested(p, h);
      returns(h);
      passes(p, h);
      awaits(h);
      unused(1, h);
      asyncOwner(h);
      imported(h);
    `,
      (context, node) => [...droppedCallbackPositions(context, node)].join(','),
    );
    expect(callResult(results, 'createServer(app, h)')).toBe('1');
    expect(callResult(results, 'nested(p, h)')).toBe('1');
    expect(callResult(results, 'returns(h)')).toBe('');
    expect(callResult(results, 'passes(p, h)')).toBe('');
    expect(callResult(results, 'awaits(h)')).toBe('');
    expect(callResult(results, 'unused(1, h)')).toBe('');
    expect(callResult(results, 'asyncOwner(h)')).toBe('');
    expect(callResult(results, 'imported(h)')).toBe('');
  });
});
