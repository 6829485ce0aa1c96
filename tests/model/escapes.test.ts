import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findEscape } from '../../src/model/escapes.js';
import { mayReject } from '../../src/model/promises.js';
import { resolveCalledFunction } from '../../src/model/called-functions.js';
import { isShutdownWork } from '../../src/model/shutdown-listeners.js';
import { exitsWhenDone } from '../../src/model/process-exit.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

/** findEscape's answer (the escaping node's type, or null) for each named function declaration or class method of `code`. */
function escapes(code: string): Record<string, string | null> {
  const results: Record<string, string | null> = {};
  probe(code, (context) => {
    const record = (name: string, fn: Parameters<typeof findEscape>[1]) => {
      const escape = findEscape(context, fn, context.sourceCode.visitorKeys);
      results[name] = escape ? escape.type : null;
    };
    return {
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        record(node.id!.name, node);
      },
      MethodDefinition(node: TSESTree.MethodDefinition) {
        if (node.key.type === 'Identifier' && node.value.type === 'FunctionExpression' && node.value.async) record(node.key.name, node.value);
      },
    };
  });
  return results;
}

describe('findEscape (session 31 shapes)', () => {
  it('reads an awaited Promise.all / race as mayReject does: a mapper that catches everything cannot reject', () => {
    expect(
      escapes(`
        async function caughtMap() { await Promise.all(urls.map(async (u) => { try { await got(u); } catch (err) { log.warn(err); } })); }
        async function loudMap() { await Promise.all(urls.map(async (u) => { await got(u); })); }
        async function waitsOrResolves() { await Promise.race([new Promise((resolve) => child.on('exit', resolve)), sleep(1000)]); }
        async function unknownList() { await Promise.all(list); }
      `),
    ).toEqual({ caughtMap: null, loudMap: 'AwaitExpression', waitsOrResolves: null, unknownList: 'AwaitExpression' });
  });

  it('trusts a field the class only sets to null or a promise that cannot reject', () => {
    expect(
      escapes(`
        class Safe {
          start() { this.done = new Promise((resolve) => this.child.on('exit', resolve)); }
          stop() { this.done = null; }
          async waitSafe() { await this.done; }
        }
        class Rejecting {
          start() { this.done = new Promise((resolve, reject) => { this.child.on('exit', resolve); this.child.on('error', reject); }); }
          async waitRejecting() { await this.done; }
        }
        class Assigned {
          start(p) { this.done = p; }
          async waitAssigned() { await this.done; }
        }
        class Compound {
          start() { this.done ??= load(); }
          async waitCompound() { await this.done; }
        }
        class Never {
          async waitNever() { await this.done; }
        }
      `),
    ).toEqual({ waitSafe: null, waitRejecting: 'AwaitExpression', waitAssigned: 'AwaitExpression', waitCompound: 'AwaitExpression', waitNever: 'AwaitExpression' });
  });

  it('trusts a context helper whose inline callback catches everything, not a transaction or lock', () => {
    expect(
      escapes(`
        async function tenant() { await tenancy.doInTenant(id, async () => { try { await work(); } catch (err) { log.error(err); } }); }
        async function span() { await tracer.startActiveSpan('job', async (s) => { try { await work(); } catch (err) { log.error(err); } finally { s.end(); } }); }
        async function loudCallback() { await tenancy.doInTenant(id, async () => { await work(); }); }
        async function transaction() { await db.runInTransaction(async () => { try { await work(); } catch (err) { log.error(err); } }); }
        async function computedContext() { await doInContext(await loadContext(), async () => { try { await work(); } catch (err) { log.error(err); } }); }
      `),
    ).toEqual({ tenant: null, span: null, loudCallback: 'AwaitExpression', transaction: 'AwaitExpression', computedContext: 'AwaitExpression' });
  });
});

describe('mayReject of Promise.all over a local array', () => {
  const code = `
    function safe() { const puts = []; puts.push(new Promise((resolve) => setTimeout(resolve, 10))); if (puts.length) p(Promise.all(puts)); }
    function rejecting() { const puts = []; puts.push(new Promise((resolve, reject) => go(resolve, reject))); p(Promise.all(puts)); }
    function unknown() { const puts = []; puts.push(load()); p(Promise.all(puts)); }
    function passed() { const puts = [new Promise((resolve) => go(resolve))]; collect(puts); p(Promise.all(puts)); }
    function reassigned() { let puts = []; puts = other; p(Promise.all(puts)); }
  `;
  it('is false only when every element, initial or pushed, cannot reject and the array is not handed on', () => {
    const results = probeCalls(code, (context, node) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'p') return null;
      return mayReject(context, node.arguments[0]!, context.sourceCode.visitorKeys);
    });
    // Each `p(Promise.all(puts))` has the same text: probeCalls keeps the first; check each function alone.
    expect(callResult(results, 'p(Promise.all(puts))')).toBe(false);
    for (const [name, expected] of [
      ['rejecting', true],
      ['unknown', true],
      ['passed', true],
      ['reassigned', true],
    ] as const) {
      const only = code.split('\n').find((line) => line.includes(`function ${name}(`))!;
      const r = probeCalls(`async function keep() {}\n${only}`, (context, node) =>
        node.callee.type === 'Identifier' && node.callee.name === 'p' ? mayReject(context, node.arguments[0]!, context.sourceCode.visitorKeys) : null,
      );
      expect([name, callResult(r, 'p(Promise.all(puts))')]).toEqual([name, expected]);
    }
  });
});

describe('resolveCalledFunction: a const instance of a same-file class', () => {
  it('finds the class own method, and nothing for inherited methods, reassigned variables or other classes', () => {
    const code = `
      class Renewer extends Base { async dispose() {} }
      const renewer = new Renewer();
      let later = new Renewer();
      later = other;
      const made = make();
      renewer.dispose(); renewer.inherited(); later.dispose(); made.dispose();
    `;
    const results = probeCalls(code, (context, node) => {
      const fn = resolveCalledFunction(context, node.callee);
      return fn ? context.sourceCode.getText(fn.parent!).split('(')[0]! : null;
    });
    expect(callResult(results, 'renewer.dispose()')).toBe('async dispose');
    expect(callResult(results, 'renewer.inherited()')).toBeNull();
    expect(callResult(results, 'later.dispose()')).toBeNull();
    expect(callResult(results, 'made.dispose()')).toBeNull();
  });
});

describe('exitsWhenDone', () => {
  it('is true when the last statement of a block body calls process.exit', () => {
    const results: Record<string, boolean> = {};
    probe(
      `
      function ends() { stop(); process.exit(0); }
      function branch() { if (x) process.exit(1); stop(); }
      function plain() { stop(); }
    `,
      (context) => ({
        FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
          results[node.id!.name] = exitsWhenDone(node, context.sourceCode.visitorKeys);
        },
      }),
    );
    expect(results).toEqual({ ends: true, branch: false, plain: false });
  });

  it('is true for a once-only guard whose branches end by exiting when nothing before it awaits (session 33)', () => {
    const results: Record<string, boolean> = {};
    probe(
      `
      async function once() { if (!stopping) { stopping = true; await server.close(); process.exit(0); } }
      async function both() { log('bye'); if (x) { await a(); process.exit(1); } else process.exit(0); }
      async function awaitedFirst() { await save(); if (x) { process.exit(1); } }
      async function awaitedTest() { if (await check()) { process.exit(1); } }
      async function oneBranch() { if (x) { process.exit(1); } else { await reload(); } }
      async function noExit() { if (!busy) { busy = true; await reload(); busy = false; } }
      async function nestedFn() { const f = async () => { await a(); }; if (x) { process.exit(0); } }
      function chained() { if (!stopping) { stopping = true; RED.stop().then(() => process.exit()); } }
      function chainedBlock() { app.stop().finally(function () { log('bye'); process.exit(0); }); }
      function chainedOther() { app.stop().then(() => log('stopped')); }
    `,
      (context) => ({
        FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
          results[node.id!.name] = exitsWhenDone(node, context.sourceCode.visitorKeys);
        },
      }),
    );
    expect(results).toEqual({ once: true, both: true, awaitedFirst: false, awaitedTest: false, oneBranch: false, noExit: false, nestedFn: true, chained: true, chainedBlock: true, chainedOther: false });
  });
});

describe('isShutdownWork', () => {
  it('is true for a call of a same-file function that exitsWhenDone, and for a call inside one (session 33)', () => {
    const results = probeCalls(
      `
      async function exitWhenStopped() { if (!stopping) { stopping = true; await server.close(); process.exit(0); } }
      async function refresh() { await cache.reload(); }
      function stopAll() { if (!stopping) { stopping = true; RED.stop().then(() => process.exit()); } }
      exitWhenStopped();
      refresh();
      other.stop();
    `,
      (context, call) => isShutdownWork(context, call.parent, call),
    );
    expect([callResult(results, 'exitWhenStopped()'), callResult(results, 'refresh()'), callResult(results, 'other.stop()'), callResult(results, 'RED.stop()')]).toEqual([true, false, false, true]);
  });
});

describe("resolveCalledFunction: Apostrophe's module sections", () => {
  it('follows self.name into methods(self) and self.section.name into a section of the same module object', () => {
    const code = `
      module.exports = {
        restApiRoutes: (self) => ({ async delete(req, id) {} }),
        methods(self) {
          return {
            async cleanup() {},
            run() { self.cleanup(); self.restApiRoutes.delete(req, id); self.missing(); self.apos.db.find(); },
          };
        },
      };
      function unrelated(self) { self.cleanup(); }
    `;
    const results = probeCalls(code, (context, node) => {
      const fn = resolveCalledFunction(context, node.callee);
      return fn ? context.sourceCode.getText(fn.parent!).split('(')[0]! : null;
    });
    expect(callResult(results, 'self.cleanup()')).toBe('async cleanup');
    expect(callResult(results, 'self.restApiRoutes.delete(req, id)')).toBe('async delete');
    expect(callResult(results, 'self.missing()')).toBeNull();
    expect(callResult(results, 'self.apos.db.find()')).toBeNull();
  });
});
