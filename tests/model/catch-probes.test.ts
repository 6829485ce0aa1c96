import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  PREDICATE_NAME,
  fileMayCatch,
  isAvailabilityCheck,
  isConnectionTest,
  isNoopHandler,
  isObservedElsewhere,
  isOnlyStatement,
  isProbeCall,
  isProbePromise,
  isProbeTry,
  isPureHelper,
  isResultDiscarded,
  isYesNoCheck,
  isYesNoPromise,
  promiseFailureSource,
} from '../../src/model/catch-probes.js';
import { BUILTIN_PROBES } from '../../src/model/fallible.js';
import { describeEnclosingFunction } from '../../src/fixes/log-message.js';
import { catches, promiseCatches } from '../helpers/catches.js';
import { callResult, probeCalls } from '../helpers/probe.js';

const probes = new Set([...BUILTIN_PROBES, 'yaml.load']);

describe('isProbeCall / isPureHelper', () => {
  const code = `
    JSON.parse(text);
    yaml.load(src);
    fs.promises.stat(file);
    db.users.find(id);
    path.join(a, b);
    name.trim();
  `;
  it('isProbeCall: built-in probes, an allowed path, an fs read', () => {
    const results = probeCalls(code, (_context, node) => isProbeCall(node, probes));
    expect(callResult(results, 'JSON.parse(text)')).toBe(true);
    expect(callResult(results, 'yaml.load(src)')).toBe(true);
    expect(callResult(results, 'fs.promises.stat(file)')).toBe(true);
    expect(callResult(results, 'db.users.find(id)')).toBe(false);
  });
  it('isProbeCall: an allowed probe only when given', () => {
    const results = probeCalls(code, (_context, node) => isProbeCall(node, new Set(BUILTIN_PROBES)));
    expect(callResult(results, 'yaml.load(src)')).toBe(false);
  });
  it('isPureHelper: path and string helpers, not a store call', () => {
    const results = probeCalls(code, (_context, node) => isPureHelper(node));
    expect(callResult(results, 'path.join(a, b)')).toBe(true);
    expect(callResult(results, 'name.trim()')).toBe(true);
    expect(callResult(results, 'db.users.find(id)')).toBe(false);
  });
});

describe('isProbeTry', () => {
  it('a short try of probes and pure helpers; not one that reaches a store', () => {
    const code = `
      function read(text) {
        try { return JSON.parse(text.trim()) } catch { return null }
        try { const row = db.users.find(id); return JSON.parse(row) } catch { return null }
        try { } catch { }
      }
    `;
    expect(catches(code, (context, c) => isProbeTry(context, c.parent.block, probes))).toEqual([true, false, false]);
  });
});

describe('isProbePromise / isObservedElsewhere / promiseFailureSource', () => {
  const code = `
    async function f() {
      const exists = await fs.promises.access(p).then(() => true).catch(() => false);
      reader.cancel().catch(() => {});
      this.teardownSandbox(id).catch(noop);
      orders.cancel(id).catch(() => {});
      const pending = queue.add(job);
      pending.catch(() => {});
      await pending;
      const other = queue.add(job);
      other.catch(() => {});
      analytics.track(event).catch(() => {});
    }
  `;
  it('isProbePromise: a probe behind .then(), a no-argument cleanup method, a cleanup name; not orders.cancel(id)', () => {
    expect(promiseCatches(code, (_context, call) => isProbePromise(call.callee.object, probes))).toEqual([true, true, true, false, false, false, false]);
  });
  it('isObservedElsewhere: a promise variable awaited elsewhere, not one only caught', () => {
    expect(promiseCatches(code, (context, call) => isObservedElsewhere(context, call.callee.object))).toEqual([false, false, false, false, true, false, false]);
  });
  it('promiseFailureSource: external work, telemetry is no failure by default', () => {
    const answers = promiseCatches(code, (context, call) => promiseFailureSource(context, call.callee.object, {}, false));
    expect(answers[3]).toBe('external');
    expect(answers[6]).toBe('none');
  });
  it('promiseFailureSource: reportFallbacks keeps a telemetry send whose result is used reported', () => {
    const wrapper = `function track(e) { analytics.track(e).catch(() => {}) }\nconst sent = analytics.track(x).catch(() => null);`;
    expect(promiseCatches(wrapper, (context, call) => promiseFailureSource(context, call.callee.object, {}, true))).toEqual(['external', 'external']);
  });
});

describe('isResultDiscarded / isOnlyStatement', () => {
  const code = `
    function a() { void send(x).catch(() => {}) }
    function b() { send(x).catch(() => {}); other() }
    function c() { const r = send(x).catch(() => {}); return r }
  `;
  it('isResultDiscarded: void or expression statement, not a declaration', () => {
    expect(promiseCatches(code, (_context, call) => isResultDiscarded(call.callee.object))).toEqual([true, true, false]);
  });
  it('isOnlyStatement: the whole body of its function', () => {
    expect(promiseCatches(code, (_context, call) => isOnlyStatement(call.callee.object))).toEqual([true, false, false]);
  });
});

describe('isYesNoCheck / isAvailabilityCheck / PREDICATE_NAME', () => {
  const code = `
    async function isMountable(dir) { try { await fs.access(dir); return true } catch { return false } }
    async function loadConfig(dir) { try { return await fs.readFile(dir) } catch { return false } }
    async function checkConnection() { try { await db.ping(); return { available: true, latency: 3 } } catch { return { available: false } } }
    async function getStatus() { try { await db.ping(); return { available: true } } catch { return { available: false } } }
  `;
  it('isYesNoCheck: return true in the try, false in the catch', () => {
    expect(catches(code, (_context, c) => isYesNoCheck(c.parent.block, c.body))).toEqual([true, false, false, false]);
  });
  it('isAvailabilityCheck: the "no" as an object, in a predicate', () => {
    expect(catches(code, (_context, c) => isAvailabilityCheck(c.parent.block, c, describeEnclosingFunction(c)))).toEqual([false, false, true, false]);
  });
  it('PREDICATE_NAME: names that ask a question', () => {
    expect(['isMountable', 'checkConnection', 'canConnect', 'validate', 'loadConfig', 'issue'].map((n) => PREDICATE_NAME.test(n))).toEqual([true, true, true, true, false, false]);
  });
});

describe('isYesNoPromise', () => {
  it('then answers true and the rejection handler the same way with false', () => {
    const code = `
      commandExists('x').then(() => res.json(true)).catch(() => res.json(false));
      access(p).then(() => true).catch(() => { return false; });
      sessions.get(id).then((s) => res.json(s)).catch(() => res.json(false));
      commandExists('x').then(() => res.json(true)).catch(() => res.send(false));
      commandExists('x').catch(() => false);
    `;
    expect(promiseCatches(code, (context, call, handler) => isYesNoPromise(context, handler, call))).toEqual([true, true, false, false, false]);
  });
});

describe('isNoopHandler', () => {
  it('an empty same-file function or a name that says so; not a function that does something', () => {
    const code = `
      function swallowIt() {}
      function report(e) { logger.error(e) }
      function commentedOut() { /* handled by the caller */ }
      p.catch(noop);
      p.catch(_.noop);
      p.catch(swallowIt);
      p.catch(report);
      p.catch(commentedOut);
      p.catch(handler);
    `;
    expect(promiseCatches(code, (context, _call, handler) => isNoopHandler(context, handler as TSESTree.Node))).toEqual([true, true, true, false, false, false]);
  });
});

describe('fileMayCatch', () => {
  it('examines a file with a catch clause, a .catch, a two-argument .then or a \\u escape', () => {
    expect(fileMayCatch({ text: 'try { a() } catch { b() }', ast: {} })).toBe(true);
    expect(fileMayCatch({ text: 'p.catch(() => {})', ast: {} })).toBe(true);
    expect(fileMayCatch({ text: 'p.then(ok, fail)', ast: {} })).toBe(true);
    expect(fileMayCatch({ text: 'p.c\\u0061tch(() => {})', ast: {} })).toBe(true);
  });
  it('answers per file when the host hands every file the same SourceCode object (oxlint)', () => {
    let file = { text: 'try { a() } catch { b() }', ast: {} };
    const shared = {
      get text() {
        return file.text;
      },
      get ast() {
        return file.ast;
      },
    };
    expect(fileMayCatch(shared)).toBe(true);
    file = { text: 'const a = 1;', ast: {} };
    expect(fileMayCatch(shared)).toBe(false);
  });
  it('skips a file that can hold none of them', () => {
    expect(fileMayCatch({ text: "const a = require('a');\nmodule.exports = (x) => a(x) + 1;", ast: {} })).toBe(false);
  });
});

describe('isConnectionTest', () => {
  it('is a try whose last awaited work tests a connection', () => {
    const code = `
      async function a() { try { await driver.testConnection(); res.json('ok'); } catch (e) {} }
      async function b() { try { const c = await mysql.createConnection(cfg); await c.execute('SELECT 1'); c.end(); } catch (e) {} }
      async function c() { try { await this.redis.ping(); } catch (e) {} }
      async function d() { try { await checkDbConnection(cfg); } catch (e) {} }
      async function e() { try { await db.ping(); await db.insert(row); } catch (e) {} }
      async function f() { try { await db.query('SELECT * FROM users'); } catch (e) {} }
      async function g() { try { await driver.connect(); } catch (e) {} }
      async function h() { try { driver.testConnection(); } catch (e) {} }
    `;
    expect(catches(code, (context, c) => isConnectionTest(context, c.parent.block))).toEqual([true, true, true, true, false, false, false, false]);
  });
});
