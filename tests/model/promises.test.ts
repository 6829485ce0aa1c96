import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getPromiseChain,
  getRejectionHandler,
  fileMayHoldRejections,
  isGlobalName,
  isThenableByType,
  voidedCallMayReject,
  asyncCallMayFail,
  chainedCallMayReject,
  mayReject,
  handlesNoRejection,
} from '../../src/model/promises.js';
import { answersFailureAsData } from '../../src/model/escapes.js';
import { discardedCall, discardingPoint, isFireAndForgetCall } from '../../src/model/discards.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('isGlobalName', () => {
  it('is true for an unbound name and false for a local declaration', () => {
    const results = probeCalls(
      `
      fetch('/a');
      { const fetch = (u) => u; fetch('/b'); }
    `,
      (context, node) => isGlobalName(context, node.callee as TSESTree.Identifier),
    );
    expect(callResult(results, "fetch('/a')")).toBe(true);
    expect(callResult(results, "fetch('/b')")).toBe(false);
  });
});

describe('voidedCallMayReject', () => {
  it('treats a voided call of an unseen callee as a promise, not a callback-style call or a same-file sync function', () => {
    const results = probeCalls(
      `
      function syncWork() { return 1; }
      void mailer.send(message);
      void router(req, res, next);
      void syncWork();
    `,
      (context, node) => voidedCallMayReject(context, node, context.sourceCode.visitorKeys),
    );
    expect(callResult(results, 'mailer.send(message)')).toBe(true);
    expect(callResult(results, 'router(req, res, next)')).toBe(false);
    expect(callResult(results, 'syncWork()')).toBe(false);
  });
});

describe('chainedCallMayReject', () => {
  it('treats .then on an unseen call as a promise that may reject, unless handled, a wait, resolved or a same-file function shows otherwise', () => {
    const results = probeCalls(
      `
      function cached(id) { return table[id]; }
      function fromDb(id) { return db.get(id); }
      async function safe() { try { await x(); } catch (e) { log(e); } }
      Tokens.get(a).then(use);
      Tokens.get(b).then(use).catch(report);
      Tokens.get(c).then(use, report);
      Promise.resolve().then(use);
      sleep(10).then(use);
      cached(d).then(use);
      fromDb(e).then(use);
      safe().then(use);
      pending.then(use);
    `,
      (context, node) => chainedCallMayReject(context, node, context.sourceCode.visitorKeys),
    );
    expect(callResult(results, 'Tokens.get(a).then(use)')).toBe(true);
    expect(callResult(results, 'Tokens.get(b).then(use).catch(report)')).toBe(false);
    expect(callResult(results, 'Tokens.get(c).then(use, report)')).toBe(false);
    expect(callResult(results, 'Promise.resolve().then(use)')).toBe(false);
    expect(callResult(results, 'sleep(10).then(use)')).toBe(false);
    expect(callResult(results, 'cached(d).then(use)')).toBe(false);
    expect(callResult(results, 'fromDb(e).then(use)')).toBe(true);
    expect(callResult(results, 'safe().then(use)')).toBe(false);
    expect(callResult(results, 'pending.then(use)')).toBe(false);
  });
  it('follows a returned const and Promise.resolve(call()), which adopts the promise the call may return (issue 18)', () => {
    const results = probeCalls(
      `
      function stopPlugin(plugin) { const result = Promise.resolve(plugin.stop()); result.then(mark); return result; }
      function settle(value) { return Promise.resolve(value); }
      function resolvedLater() { const done = Promise.resolve(42); return done; }
      function rewritten(p) { let r = Promise.resolve(p.stop()); r = null; return r; }
      stopPlugin(a).then(restart);
      settle(b).then(use);
      resolvedLater().then(use);
      rewritten(c).then(use);
    `,
      (context, node) => chainedCallMayReject(context, node, context.sourceCode.visitorKeys),
    );
    expect(callResult(results, 'stopPlugin(a).then(restart)')).toBe(true);
    expect(callResult(results, 'settle(b).then(use)')).toBe(false);
    expect(callResult(results, 'resolvedLater().then(use)')).toBe(false);
    expect(callResult(results, 'rewritten(c).then(use)')).toBe(false);
  });
});

describe('mayReject: Promise.all over an async map', () => {
  it('is false when every mapped async callback catches its own failure', () => {
    const results = probeCalls(
      `
      Promise.all(items.map(async (i) => { try { return await get(i); } catch (e) { return null; } }));
      Promise.all(items.map(async (i) => await get(i)));
      Promise.all(list);
    `,
      (context, node) => mayReject(context, node, context.sourceCode.visitorKeys),
    );
    expect(callResult(results, 'Promise.all(items.map(async (i) => { try { return await get(i); } catch (e) { return null; } }))')).toBe(false);
    expect(callResult(results, 'Promise.all(items.map(async (i) => await get(i)))')).toBe(true);
    expect(callResult(results, 'Promise.all(list)')).toBe(true);
  });
});

describe('isThenableByType', () => {
  it('answers false without type information', () => {
    const results = probeCalls('const p: Promise<void> = load(); load();', (context, node) => isThenableByType(context, node), { ts: true });
    expect(callResult(results, 'load()')).toBe(false);
  });
});

describe('answersFailureAsData', () => {
  it('is true for an awaited result whose ok or success is tested and whose error is read', () => {
    const results = probeCalls(
      `
      async function tick() {
        const renewal = await client.renew();
        if (!renewal.ok) { log.warn('renew failed', { error: renewal.error }); return; }
        const sync = await billing.sync();
        const status = sync.success ? 'ok' : String(sync.error);
        const res = await fetch(url);
        if (!res.ok) throw new Error(res.statusText);
        const lease = await leases.take();
        if (lease.ok === false) return;
        const other = await other.read();
        log.info(other.error);
        await plain.run();
      }
    `,
      (context, node) => answersFailureAsData(context, node),
    );
    expect(callResult(results, 'client.renew()')).toBe(true);
    expect(callResult(results, 'billing.sync()')).toBe(true);
    expect(callResult(results, 'fetch(url)')).toBe(false);
    expect(callResult(results, 'leases.take()')).toBe(false);
    expect(callResult(results, 'other.read()')).toBe(false);
    expect(callResult(results, 'plain.run()')).toBe(false);
  });
});

describe('fileMayHoldRejections', () => {
  it('is false only for a file with no async function, no Promise and no fetch', () => {
    const answer = (code: string): boolean[] => [...new Set(probeCalls(code, (context) => fileMayHoldRejections(context)).values())];
    expect(answer('setInterval(() => tick(), 10);')).toEqual([false]);
    expect(answer('setInterval(async () => tick(), 10);')).toEqual([true]);
    expect(answer('x(Promise.all([a()]));')).toEqual([true]);
    expect(answer('fetch(u);')).toEqual([true]);
  });
});

describe('discardingPoint, discardedCall, isFireAndForgetCall', () => {
  it('finds the statement that discards a call through void, ?. and type wrappers', () => {
    const results = probeCalls(
      'run(1); void run(2); obj?.run(3); (run(4) as Promise<void>); run(5)!; const x = run(6); await run(7); !run(8); f(run(9));' +
        ' const a = () => void run(10); const b = () => void (run(11) as Promise<void>); const c = () => void run(12).then(done); const d = () => (void run(13)) as unknown; const e = () => run(14);',
      (context, node) => {
        const point = discardingPoint(node);
        const discarded = point ? discardedCall(point.value) : null;
        return discarded ? `${context.sourceCode.getText(discarded.expression)}${discarded.voided ? ' (voided)' : ''}` : null;
      },
      { ts: true },
    );
    expect(callResult(results, 'run(1)')).toBe('run(1)');
    expect(callResult(results, 'run(2)')).toBe('run(2) (voided)');
    expect(callResult(results, 'obj?.run(3)')).toBe('obj?.run(3)');
    expect(callResult(results, 'run(4)')).toBe('run(4)');
    expect(callResult(results, 'run(5)')).toBe('run(5)');
    // Kept, awaited, negated or passed on: not discarded.
    expect(callResult(results, 'run(6)')).toBeNull();
    expect(callResult(results, 'run(7)')).toBeNull();
    expect(callResult(results, 'run(8)')).toBeNull();
    expect(callResult(results, 'run(9)')).toBeNull();
    // An arrow whose body is `void call()` discards the call's promise: the call itself (also through `as`), or the chain's last call.
    expect(callResult(results, 'run(10)')).toBe('run(10) (voided)');
    expect(callResult(results, 'run(11)')).toBe('run(11) (voided)');
    expect(callResult(results, 'run(12).then(done)')).toBe('run(12).then(done) (voided)');
    expect(callResult(results, 'run(12)')).toBeNull();
    // A `void` under a wrapper is not the arrow's body; an arrow that returns the call hands its promise on.
    expect(callResult(results, 'run(13)')).toBeNull();
    expect(callResult(results, 'run(14)')).toBeNull();
  });

  it('a discarded value that is no call is no discarded call', () => {
    const out: (string | null)[] = [];
    probe('x; void y; a + b;', (context) => ({
      ExpressionStatement(node: TSESTree.ExpressionStatement) {
        const d = discardedCall(node.expression);
        out.push(d ? context.sourceCode.getText(d.expression) : null);
      },
    }));
    expect(out).toEqual([null, null, null]);
  });

  it('fire-and-forget helpers and configured log functions take a promise on purpose', () => {
    const results = probeCalls('fireAndForget(task()); utils.runInBackground(job()); audit.write(entry()); schedule(work());', (_context, node) => isFireAndForgetCall(node, ['audit.write']));
    expect(callResult(results, 'fireAndForget(task())')).toBe(true);
    expect(callResult(results, 'utils.runInBackground(job())')).toBe(true);
    expect(callResult(results, 'audit.write(entry())')).toBe(true);
    expect(callResult(results, 'schedule(work())')).toBe(false);
  });
});

describe('getRejectionHandler', () => {
  it('.catch(h) and .then(ok, h), as the runtime reads them; not .then(ok), .catch() or another method', () => {
    const results = probeCalls(
      `p.catch(onError); load().then(show, onError); p.then(show); p.catch(); p.catch(a, b); p.then(show, onError, extra); emitter.on('error', h);`,
      (context, node) => {
        const attached = getRejectionHandler(node);
        return attached ? `${context.sourceCode.getText(attached.promise)} / ${context.sourceCode.getText(attached.handler)}` : null;
      },
    );
    expect(callResult(results, 'p.catch(onError)')).toBe('p / onError');
    expect(callResult(results, 'load().then(show, onError)')).toBe('load() / onError');
    expect(callResult(results, 'p.then(show)')).toBeNull();
    expect(callResult(results, 'p.catch()')).toBeNull();
    // Promise.prototype.catch / then ignore extra arguments: the first (second) one still handles the rejection.
    expect(callResult(results, 'p.catch(a, b)')).toBe('p / a');
    expect(callResult(results, 'p.then(show, onError, extra)')).toBe('p / onError');
    expect(callResult(results, "emitter.on('error', h)")).toBeNull();
  });

  it('reads the link through a non-null assertion or a cast on the callee (TypeScript)', () => {
    const results = probeCalls('p.catch!(onError); (p.then as Then)(show, onError);', (context, node) => {
      const attached = getRejectionHandler(node);
      return attached ? `${context.sourceCode.getText(attached.promise)} / ${context.sourceCode.getText(attached.handler)}` : null;
    }, { ts: true });
    expect(callResult(results, 'p.catch!(onError)')).toBe('p / onError');
    expect(callResult(results, '(p.then as Then)(show, onError)')).toBe('p / onError');
  });

  it('is the answer promise chains use: a chain with such a link is handled', () => {
    const handled = probeCalls('load().then(show).catch(onError); load().then(show); load().finally(done).catch!(onError);', (_context, node) => getPromiseChain(node).handled, { ts: true });
    expect(callResult(handled, 'load().then(show).catch(onError)')).toBe(true);
    expect(callResult(handled, 'load().then(show)')).toBe(false);
    expect(callResult(handled, 'load().finally(done).catch!(onError)')).toBe(true);
  });
});

describe('asyncCallMayFail', () => {
  it('is true for a same-file async function that lets a rejection escape or calls anything outside a caught try (issue 18)', () => {
    const results = probeCalls(
      `
      async function refresh(config) { const cfg = config || settings(); cfg.platforms.forEach(schedule); }
      async function guarded() { try { schedule(await load()); } catch (e) { console.error(e); } }
      async function pure(a) { return a + 1; }
      function plain() { return load(); }
      async function rethrows() { try { schedule(); } catch (e) { throw e; } }
      refresh();
      guarded();
      pure(1);
      plain();
      rethrows();
      imported();
    `,
      (context, node) => (node.arguments.length <= 1 && /^(refresh|guarded|pure|plain|rethrows|imported)$/.test(context.sourceCode.getText(node.callee)) ? asyncCallMayFail(context, node, context.sourceCode.visitorKeys) : null),
    );
    expect(callResult(results, 'refresh()')).toBe(true);
    expect(callResult(results, 'guarded()')).toBe(false);
    expect(callResult(results, 'pure(1)')).toBe(false);
    expect(callResult(results, 'plain()')).toBe(false);
    expect(callResult(results, 'rethrows()')).toBe(true);
    expect(callResult(results, 'imported()')).toBe(false);
  });
});

describe('handlesNoRejection', () => {
  it('holds for a handler on the call of a same-file async method that catches everything, not when it can fail or a step sits between', () => {
    const results = probeCalls(
      `
      class S {
        a() { this.clean().catch((e) => mark('a')) }
        b() { this.cleanLoose().catch((e) => mark('b')) }
        c() { this.clean().then(use).catch((e) => mark('c')) }
        d() { this.clean().then(use, (e) => mark('d')) }
        async clean() { try { await remove(this.dir) } catch (e) { this.logger.warn(e.message) } }
        async cleanLoose() { await remove(this.dir) }
      }
    `,
      (context, node) => {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'mark') return null;
        let fn: TSESTree.Node | undefined = node.parent;
        while (fn && fn.type !== 'ArrowFunctionExpression') fn = fn.parent;
        return fn ? handlesNoRejection(context, fn) : null;
      },
    );
    expect(callResult(results, "mark('a')")).toBe(true);
    expect(callResult(results, "mark('b')")).toBe(false);
    expect(callResult(results, "mark('c')")).toBe(false);
    expect(callResult(results, "mark('d')")).toBe(true);
  });
});
