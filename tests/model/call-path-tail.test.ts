/**
 * `callPathTail` (promises.ts) is the gate `mayReject` asks before building a call's callee path: the path is
 * built only when the tail is one the path checks name (`Promise.all`, `fetch`, a wait, a fire-and-forget
 * helper). The gate must never hide a path those checks would see: wherever `callPath(call)` is non-null and
 * not `this` / `super`, its last segment is the tail. Checked on the shapes paths take and on every call of the
 * third-party corpus.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { lastSegment } from '../../src/model/ast.js';
import { callPath, callPathTail } from '../../src/model/promises.js';
import { probeCorpus } from '../helpers/corpus-probe.js';
import { probe } from '../helpers/probe.js';

/**
 * The gate hides nothing: with a path, the tail is its last segment (`this()` / `super()`: no tail, as no check
 * names them); without one, any tail is safe (the checks, asked then, see no path either).
 */
function agrees(call: TSESTree.CallExpression): boolean {
  const path = callPath(call);
  const tail = callPathTail(call);
  if (path === null) return true;
  if (path === 'this' || path === 'super') return tail === null;
  return tail === lastSegment(path);
}

function tails(code: string, ts = false): Record<string, { path: string | null; tail: string | null }> {
  const found: Record<string, { path: string | null; tail: string | null }> = {};
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        found[context.sourceCode.getText(node.callee)] ??= { path: callPath(node), tail: callPathTail(node) };
      },
    }),
    { ts },
  );
  return found;
}

describe('callPathTail', () => {
  it('is the last segment of the callee path, also through the indirect call compiled code writes', () => {
    const found = tails(
      [
        'Promise.all([a()]); Promise.allSettled([]); fetch(url); sleep(5); this.queue.add(job); obj["x.delay"](1);',
        'class A extends B { constructor() { super(); } }',
        '(0, sleep_1.sleep)(1000); (0, utils_1.fireAndForget)(p); foo().wait(); a[b].race(); load();',
      ].join('\n'),
    );
    expect(found['Promise.all']).toEqual({ path: 'Promise.all', tail: 'all' });
    expect(found['Promise.allSettled']).toEqual({ path: 'Promise.allSettled', tail: 'allSettled' });
    expect(found['fetch']).toEqual({ path: 'fetch', tail: 'fetch' });
    expect(found['sleep']).toEqual({ path: 'sleep', tail: 'sleep' });
    expect(found['this.queue.add']).toEqual({ path: 'this.queue.add', tail: 'add' });
    // A property name with a dot: the path's last segment is cut at it, and so is the tail.
    expect(found['obj["x.delay"]']).toEqual({ path: 'obj.x.delay', tail: 'delay' });
    expect(found['0, sleep_1.sleep']).toEqual({ path: 'sleep_1.sleep', tail: 'sleep' });
    expect(found['0, utils_1.fireAndForget']).toEqual({ path: 'utils_1.fireAndForget', tail: 'fireAndForget' });
    // No path: the tail may name the method, and the path checks (built then) still see no path.
    expect(found['foo().wait']).toEqual({ path: null, tail: 'wait' });
    expect(found['a[b].race']).toEqual({ path: null, tail: 'race' });
    expect(found['load']).toEqual({ path: 'load', tail: 'load' });
    expect(found['super']).toEqual({ path: 'super', tail: null });
  });

  it('reads through TypeScript wrappers as the path does', () => {
    const found = tails('(Promise as any).all([p]); (sleep as (ms: number) => Promise<void>)(1); queue!.add(job);', true);
    expect(found['(Promise as any).all']).toEqual({ path: 'Promise.all', tail: 'all' });
    expect(found['sleep as (ms: number) => Promise<void>']).toEqual({ path: 'sleep', tail: 'sleep' });
    expect(found['queue!.add']).toEqual({ path: 'queue.add', tail: 'add' });
  });

  it('agrees with the path on every call of the third-party corpus', () => {
    let calls = 0;
    let withPath = 0;
    const misses: string[] = [];
    probeCorpus(1, (_context, filename) => ({
      CallExpression(call: TSESTree.CallExpression) {
        calls++;
        const path = callPath(call);
        if (path !== null && path !== 'this' && path !== 'super') withPath++;
        if (!agrees(call)) misses.push(`${filename}:${call.loc.start.line} ${path} / ${callPathTail(call)}`);
      },
    }));
    expect(misses).toEqual([]);
    expect(calls).toBeGreaterThan(50_000);
    expect(withPath).toBeGreaterThan(40_000);
  }, 300_000);
});
