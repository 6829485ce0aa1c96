/**
 * `mayCallAsyncFunction` / `mayCallFunction` (called-functions.ts) are the name checks asked before resolving a
 * callee (`mayReject`; background.ts `isOwnRegistry`): they must never say no where `resolveCalledFunction`
 * finds an async function of the file (`asyncBody` non-null) / any function, or a promise that may reject
 * would go unreported. Checked on the shapes resolution knows and on every call of the third-party corpus.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { mayCallAsyncFunction, mayCallFunction, resolveCalledFunction } from '../../src/model/called-functions.js';
import { asyncBody } from '../../src/model/downlevel.js';
import { probeCorpus } from '../helpers/corpus-probe.js';
import { probe } from '../helpers/probe.js';

interface Answer {
  gate: boolean;
  async: boolean;
}

function answer(context: Context, call: TSESTree.CallExpression): Answer {
  const fn = resolveCalledFunction(context, call.callee);
  return { gate: mayCallAsyncFunction(context, call.callee), async: fn !== null && asyncBody(fn) !== null };
}

/** `mayCallFunction`'s answer and whether resolution finds any function. */
function anyAnswer(context: Context, call: TSESTree.CallExpression): { gate: boolean; resolved: boolean } {
  return { gate: mayCallFunction(context, call.callee), resolved: resolveCalledFunction(context, call.callee) !== null };
}

function answers(code: string, ts = false): Record<string, Answer> {
  const found: Record<string, Answer> = {};
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const text = context.sourceCode.getText(node.callee);
        found[text] ??= answer(context, node);
      },
    }),
    { ts },
  );
  return found;
}

describe('mayCallAsyncFunction', () => {
  it('says yes for every shape resolution finds an async function under, and no for other names', () => {
    const code = [
      'async function load() {}',
      'const fetchAll = async () => {};',
      'const plain = () => 1;',
      'class Job { async run() {} stop() {} tick = async () => {}; }',
      'const job = new Job();',
      'function makeResponder() { return async () => {}; }',
      'const respond = makeResponder();',
      'module.exports = { init(self) { self.cleanup(); }, methods(self) { return { async cleanup() {} }; } };',
      'class Poller { poll() { this.run(); this.tick(); this.stop(); } async run() {} tick = async () => {}; stop() {} }',
      'load(); fetchAll(); plain(); job.run(); job.stop(); respond(); makeResponder()(); (async () => {})(); other.send(); missing();',
    ].join('\n');
    const found = answers(code);
    for (const [callee, { gate, async }] of Object.entries(found)) if (async) expect(gate, callee).toBe(true);
    expect(Object.entries(found).filter(([, a]) => a.async).map(([c]) => c)).toEqual(
      expect.arrayContaining(['load', 'fetchAll', 'job.run', 'respond', 'makeResponder()', 'self.cleanup', 'this.run', 'this.tick']),
    );
    expect(found['plain']!.gate).toBe(false);
    expect(found['job.stop']!.gate).toBe(false);
    expect(found['this.stop']!.gate).toBe(false);
    expect(found['other.send']!.gate).toBe(false);
    expect(found['missing']!.gate).toBe(false);
  });

  it('reads names through type wrappers and in downleveled async functions', () => {
    const ts = ['type Job = () => Promise<void>;', 'const work = (async () => {}) satisfies Job;', 'const other = (() => 1) as () => number;', 'work(); other();'].join('\n');
    const typed = answers(ts, true);
    expect(typed['work']).toEqual({ gate: true, async: true });
    expect(typed['other']!.gate).toBe(false);
    const compiled = [
      'class Sync {',
      '  refresh() { return __awaiter(this, void 0, void 0, function* () { yield load(); }); }',
      '  start() { this.refresh(); this.start2(); }',
      '  start2() {}',
      '}',
    ].join('\n');
    const down = answers(compiled);
    expect(down['this.refresh']).toEqual({ gate: true, async: true });
    expect(down['this.start2']!.gate).toBe(false);
  });

  it('says yes for a method of an instance a static factory returns (static-factories.ts)', () => {
    const code = [
      'class Challenge { static create(c) { return new Challenge(c); } async get(q) {} sync() {} }',
      'class Cache { static make() { return new this(); } async flush() {} }',
      'const challenge = Challenge.create({ db });',
      'const cache = Cache.make();',
      'challenge.get({}); challenge.sync(); cache.flush();',
    ].join('\n');
    const found = answers(code);
    expect(found['challenge.get']).toEqual({ gate: true, async: true });
    expect(found['cache.flush']).toEqual({ gate: true, async: true });
    expect(found['challenge.sync']!.gate).toBe(false);
  });

  it('mayCallFunction says yes wherever resolution finds a function, async or not', () => {
    const found: Record<string, { gate: boolean; resolved: boolean }> = {};
    probe(
      [
        'function load() {}',
        'const plain = () => 1;',
        'class Bus { on(e, f) {} emit() { this.on("x", f); } }',
        'const bus = new Bus();',
        'load(); plain(); bus.on("y", g); emitter.on("z", h); other();',
      ].join('\n'),
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          found[context.sourceCode.getText(node.callee)] ??= anyAnswer(context, node);
        },
      }),
    );
    expect(found).toMatchObject({
      load: { gate: true, resolved: true },
      plain: { gate: true, resolved: true },
      'this.on': { gate: true, resolved: true },
      'bus.on': { gate: true, resolved: true },
      other: { gate: false, resolved: false },
    });
    // `emitter.on` names a method of the file (`on`): the gate says yes, resolution finds none.
    expect(found['emitter.on']).toEqual({ gate: true, resolved: false });
  });

  it('says no for every callee in a file without an async function', () => {
    const found = answers('function load() {} const f = () => 1; load(); f(); x.y(); (function () {})();');
    expect(Object.values(found).every((a) => !a.gate && !a.async)).toBe(true);
  });

  it('never says no where resolution finds a function (an async one), on every call of the third-party corpus', () => {
    let calls = 0;
    let asyncCallees = 0;
    let resolvedCallees = 0;
    const misses: string[] = [];
    probeCorpus(1, (context, filename) => ({
      CallExpression(call: TSESTree.CallExpression) {
        const a = answer(context, call);
        const any = anyAnswer(context, call);
        calls++;
        if (a.async) asyncCallees++;
        if (any.resolved) resolvedCallees++;
        if (a.async && !a.gate) misses.push(`async ${filename}:${call.loc.start.line}`);
        if (any.resolved && !any.gate) misses.push(`any ${filename}:${call.loc.start.line}`);
      },
    }));
    expect(misses).toEqual([]);
    expect(calls).toBeGreaterThan(50_000);
    expect(asyncCallees).toBeGreaterThan(100);
    expect(resolvedCallees).toBeGreaterThan(asyncCallees);
  }, 300_000);
});
