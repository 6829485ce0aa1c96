import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { fulfilmentCallbacks, strandedContinuation } from '../../src/model/continuations.js';
import { functionName } from '../../src/fixes/task-labels.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** For each `.then(…)` chain: `function/continuation` of the stranded continuation, or '' when there is none. */
function stranded(code: string) {
  const results = probeCalls(code, (context, node: TSESTree.CallExpression) => {
    const found = strandedContinuation(context, node);
    return found ? `${functionName(found.fn) ?? '?'}/${found.name}` : '';
  });
  return (text: string) => callResult(results, text);
}

describe('strandedContinuation', () => {
  it('finds the callback-style function whose continuation only the .then callbacks call', () => {
    const of = stranded(`
      function verify(token, done) { Tokens.get(token).then((t) => done(null, t)); }
      const exchange = function (client, user, password, scope, done) { Users.authenticate(user, password).then(function (u) { if (u) done(null, u); else done(null, false); }); };
      function nested(token, done) { Tokens.get(token).then((t) => { Users.get(t.user).then((u) => done(null, u)); }); }
    `);
    expect(of('Tokens.get(token).then((t) => done(null, t))')).toBe('verify/done');
    expect(of('Users.authenticate(user, password).then(function (u) { if (u) done(null, u); else done(null, false); })')).toBe('exchange/done');
    expect(of('Users.get(t.user).then((u) => done(null, u))')).toBe('nested/done');
    expect(of('Tokens.get(token).then((t) => { Users.get(t.user).then((u) => done(null, u)); })')).toBe('nested/done');
  });

  it('is empty when the continuation is not called from the chain, outside callback-style functions, and in tests', () => {
    const of = stranded(`
      function start(config, callback) { metrics.flush().then(() => log('flushed')); callback(null, config); }
      function plain(id) { store.get(id).then((v) => use(v)); }
      it('loads', (done) => { store.load('a').then(() => done()); });
      function passed(x, cb) { store.read(x).then(cb); }
    `);
    expect(of("metrics.flush().then(() => log('flushed'))")).toBe('');
    expect(of('store.get(id).then((v) => use(v))')).toBe('');
    expect(of("store.load('a').then(() => done())")).toBe('');
    expect(of('store.read(x).then(cb)')).toBe('');
  });
});

describe('fulfilmentCallbacks', () => {
  it('lists the .then fulfilment callbacks of a chain, not its rejection handlers', () => {
    const results = probeCalls('load().then(function a() {}).catch(function b() {}).then(function c() {}, function d() {});', (_context, node) =>
      fulfilmentCallbacks(node).map((fn) => (fn.type === 'FunctionExpression' ? fn.id?.name : '?')).join(','),
    );
    expect(callResult(results, 'load().then(function a() {}).catch(function b() {}).then(function c() {}, function d() {})')).toBe('a,c');
  });
});
