import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it, vi } from 'vitest';
import { contains } from '../../src/model/ast.js';
import { createPathTracker, findJumpTarget, mergeListeners, withIfConsequentListener } from '../../src/analysis/code-path.js';
import { type ProbeListeners, type ProbeOptions, probe } from '../helpers/probe.js';

/**
 * A probe rule on the tracker. Regions: every `catch` clause and every function declared
 * as `function handler…`. `mark()` marks; `check('x')` requires a mark on every path from
 * the innermost region's start; `checkLater('x')` does so with `acceptLaterInSegment`;
 * `reach('x')` records `isReachable()`. `clear('k')` is a mark keyed `k` that satisfies only
 * `checkCleared('x', 'k')`. With `exits`, falling off the end of a region requires
 * a mark too (label `exit:<line>`). Returns the labels of unsatisfied checkpoints, in report order.
 */
function unsatisfied(
  code: string,
  { exits = false, sharing, ...options }: ProbeOptions & { exits?: boolean; sharing?: 'owner first' | 'owner last' } = {},
): { labels: string[]; reach: Record<string, boolean> } {
  const labels: string[] = [];
  const reach: Record<string, boolean> = {};
  probe(
    code,
    (context) => {
      // With `sharing`, the tracker reads the current segments from another tracker (whose listeners run first or last).
      const owner = sharing ? createPathTracker<string>(() => labels.push('owner reported')) : undefined;
      const tracker = createPathTracker<string>((checkpoint) => labels.push(checkpoint.data), owner);
      const regions: TSESTree.Node[] = [];
      const cleared = new Map<string, TSESTree.Node[]>();
      const innermost = (node: TSESTree.Node) => regions.filter((r) => contains(r, node)).at(-1);
      const label = (node: TSESTree.CallExpression) => {
        const arg = node.arguments[0];
        return arg && arg.type === 'Literal' ? String(arg.value) : context.sourceCode.getText(node);
      };
      const enter = (node: TSESTree.Node) => {
        regions.push(node);
        tracker.openRegion(node);
      };
      const exit = (node: TSESTree.Node) => {
        if (!regions.includes(node)) return;
        if (exits && tracker.isReachable()) tracker.require(node, node, `exit:${node.loc.start.line}`);
        regions.splice(regions.indexOf(node), 1);
      };
      const listeners: ProbeListeners = {
        CatchClause: enter,
        'CatchClause:exit': exit,
        FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
          if (node.id?.name.startsWith('handler')) enter(node);
        },
        'FunctionDeclaration:exit': exit,
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier') return;
          const region = innermost(node);
          switch (node.callee.name) {
            case 'mark':
              tracker.mark(node);
              break;
            case 'check':
              if (region) tracker.require(node, region, label(node));
              break;
            case 'checkLater':
              if (region) tracker.require(node, region, label(node), { acceptLaterInSegment: true });
              break;
            case 'clear': {
              // a keyed mark: satisfies only checkpoints that name its label (checkCleared('x', 'key'))
              const key = label(node);
              cleared.set(key, [...(cleared.get(key) ?? []), node]);
              tracker.mark(node, node);
              break;
            }
            case 'checkCleared': {
              const key = node.arguments[1];
              const by = key && key.type === 'Literal' ? (cleared.get(String(key.value)) ?? []) : [];
              if (region) tracker.require(node, region, label(node), { clearedBy: by });
              break;
            }
            case 'reach':
              reach[label(node)] = tracker.isReachable();
              break;
            default:
          }
        },
      };
      if (owner) return sharing === 'owner first' ? mergeListeners(owner.listeners, tracker.listeners, listeners) : mergeListeners(tracker.listeners, listeners, owner.listeners);
      return mergeListeners(tracker.listeners, listeners);
    },
    options,
  );
  return { labels, reach };
}

const labelsOf = (code: string, options?: ProbeOptions & { exits?: boolean }) => unsatisfied(code, options).labels;
const exits = { exits: true };

describe('createPathTracker: straight lines and branches', () => {
  it('a mark on the only path satisfies the checkpoint', () => {
    expect(labelsOf('try { run() } catch (e) { mark(); check("a"); }')).toEqual([]);
  });

  it('no mark at all leaves the checkpoint unsatisfied', () => {
    expect(labelsOf('try { run() } catch (e) { other(); check("a"); }')).toEqual(['a']);
  });

  it('a mark after the checkpoint does not count', () => {
    expect(labelsOf('try { run() } catch (e) { check("a"); mark(); }')).toEqual(['a']);
  });

  it('a mark on only one branch of an if leaves it unsatisfied', () => {
    expect(labelsOf('try { run() } catch (e) { if (e.code) { mark(); } check("a"); }')).toEqual(['a']);
  });

  it('marks on both branches of an if satisfy it', () => {
    expect(labelsOf('try { run() } catch (e) { if (e.code) mark(); else mark(); check("a"); }')).toEqual([]);
  });

  it('a branch that leaves before the checkpoint does not need the mark', () => {
    expect(labelsOf('function f() { try { run() } catch (e) { if (e.code) return; mark(); check("a"); } }')).toEqual([]);
    expect(labelsOf('function f() { try { run() } catch (e) { if (e.code) { mark(); return; } check("a"); } }')).toEqual(['a']);
  });

  it('follows && and ?: inside expressions', () => {
    expect(labelsOf('try { run() } catch (e) { e.code && mark(); check("a"); }')).toEqual(['a']);
    expect(labelsOf('try { run() } catch (e) { e.code ? mark() : mark(); check("a"); }')).toEqual([]);
  });

  it('a checkpoint that contains the mark is satisfied by it', () => {
    expect(labelsOf('try { run() } catch (e) { check(mark()); }')).toEqual([]);
  });

  it('reports a checkpoint once however many unmarked paths reach it', () => {
    expect(labelsOf('try { run() } catch (e) { if (a) x(); else if (b) y(); else z(); check("a"); }')).toEqual(['a']);
  });

  it('reports each unsatisfied checkpoint and only those', () => {
    expect(labelsOf('try { run() } catch (e) { check("before"); if (a) { mark(); check("inside"); } check("after"); }')).toEqual([
      'before',
      'after',
    ]);
  });

  it('requires a mark where the region falls off its end', () => {
    expect(labelsOf('try { run() } catch (e) {\n if (e.code) mark();\n}', exits)).toEqual(['exit:1']);
    expect(labelsOf('try { run() } catch (e) {\n mark();\n}', exits)).toEqual([]);
    expect(labelsOf('function f() { try { run() } catch (e) {\n if (e.code) { mark(); return; }\n} }', exits)).toEqual(['exit:1']);
  });
});

describe('createPathTracker: keyed marks (clearedBy)', () => {
  it('a keyed mark satisfies the checkpoint that names it on its path only', () => {
    expect(labelsOf('try { run() } catch (e) { if (e.code) clear("k"); checkCleared("a", "k"); }')).toEqual(['a']);
    expect(labelsOf('try { run() } catch (e) { if (e.code) clear("k"); else mark(); checkCleared("a", "k"); }')).toEqual([]);
  });

  it('a keyed mark satisfies no other checkpoint, and another key does not satisfy it', () => {
    expect(labelsOf('try { run() } catch (e) { if (e.code) clear("k"); else mark(); check("b"); }')).toEqual(['b']);
    expect(labelsOf('try { run() } catch (e) { if (e.code) clear("j"); else mark(); checkCleared("a", "k"); }')).toEqual(['a']);
  });

  it('checkpoints with and without keys in one region are each judged on their own', () => {
    expect(labelsOf('try { run() } catch (e) { if (e.code) clear("k"); else mark(); checkCleared("a", "k"); check("b"); }')).toEqual(['b']);
    expect(labelsOf('try { run() } catch (e) { if (e.code) clear("k"); checkCleared("a", "k"); check("b"); }')).toEqual(['b', 'a']);
  });
});

describe('createPathTracker: loops', () => {
  it('a loop body may not run', () => {
    expect(labelsOf('try { run() } catch (e) { for (const x of xs) { mark(); } check("a"); }')).toEqual(['a']);
    expect(labelsOf('try { run() } catch (e) { while (more()) mark(); check("a"); }')).toEqual(['a']);
  });

  it('a do-while body runs at least once', () => {
    expect(labelsOf('try { run() } catch (e) { do { mark(); } while (more()); check("a"); }')).toEqual([]);
  });

  it('a checkpoint before the mark inside a loop is unsatisfied on the first iteration', () => {
    expect(labelsOf('try { run() } catch (e) { for (;;) { check("a"); mark(); if (done()) break; } }')).toEqual(['a']);
  });

  it('an endless loop left only after a mark satisfies what follows', () => {
    expect(labelsOf('try { run() } catch (e) { while (true) { if (ready()) { mark(); break; } } check("a"); }')).toEqual([]);
  });

  it('break before the mark skips it', () => {
    expect(labelsOf('try { run() } catch (e) { while (true) { if (skip()) break; mark(); break; } check("a"); }')).toEqual(['a']);
  });
});

describe('createPathTracker: try/catch/finally inside a region', () => {
  it('a throw before the mark in a nested try reaches the checkpoint unmarked', () => {
    expect(labelsOf('try { run() } catch (e) { try { risky(); mark(); } catch {} check("a"); }')).toEqual(['a']);
  });

  it('a mark in the nested catch does not cover the path where nothing threw', () => {
    expect(labelsOf('try { run() } catch (e) { try { risky(); } catch (e2) { mark(); } check("a"); }')).toEqual(['a']);
  });

  it('a mark in finally covers every path', () => {
    expect(labelsOf('try { run() } catch (e) { try { risky(); } catch (e2) { other(); } finally { mark(); } check("a"); }')).toEqual([]);
  });

  it('marks on both the try and the catch path satisfy it', () => {
    expect(labelsOf('try { run() } catch (e) { try { risky(); mark(); } catch (e2) { mark(); } check("a"); }')).toEqual([]);
  });
});

describe('createPathTracker: switch', () => {
  it('falling through into a case skips the case above it', () => {
    expect(labelsOf('try { run() } catch (e) { switch (e.code) { case 1: mark(); case 2: check("a"); break; } }')).toEqual(['a']);
  });

  it('grouped cases share the mark', () => {
    expect(labelsOf('try { run() } catch (e) { switch (e.code) { case 1: case 2: mark(); check("a"); break; } }')).toEqual([]);
  });

  it('with a default, every case marking satisfies what follows', () => {
    expect(labelsOf('try { run() } catch (e) { switch (e.code) { case 1: mark(); break; default: mark(); } check("a"); }')).toEqual([]);
  });

  it('without a default, no case may match', () => {
    expect(labelsOf('try { run() } catch (e) { switch (e.code) { case 1: mark(); break; case 2: mark(); break; } check("a"); }')).toEqual(['a']);
  });
});

describe('createPathTracker: acceptLaterInSegment', () => {
  it('counts a mark later in the same straight-line segment', () => {
    expect(labelsOf('try { run() } catch (e) { checkLater("a"); mark(); }')).toEqual([]);
  });

  it('does not count a mark in a later segment', () => {
    expect(labelsOf('try { run() } catch (e) { if (x) { checkLater("a"); } mark(); }')).toEqual(['a']);
  });

  it('does not count a mark on another branch', () => {
    expect(labelsOf('try { run() } catch (e) { checkLater("a"); if (x) mark(); }')).toEqual(['a']);
  });
});

describe('createPathTracker: regions', () => {
  it('marks before the region do not count', () => {
    expect(labelsOf('mark(); try { run() } catch (e) { check("a"); }')).toEqual(['a']);
  });

  it('marks in the try block do not count for its catch region', () => {
    expect(labelsOf('try { mark(); } catch (e) { check("a"); }')).toEqual(['a']);
  });

  it('an inner region does not see the outer region’s marks', () => {
    expect(labelsOf('try { run() } catch (e) { mark(); try { go() } catch (e2) { check("inner"); } check("outer"); }')).toEqual(['inner']);
  });

  it('the outer region sees marks in the inner region on the paths through it', () => {
    expect(labelsOf('function f() { try { run() } catch (e) { try { go() } catch (e2) { mark(); return; } check("outer"); } }')).toEqual(['outer']);
    expect(labelsOf('try { run() } catch (e) { try { go() } catch (e2) { mark(); } finally { mark(); } check("outer"); }')).toEqual([]);
  });

  it('a function region starts at the function’s start', () => {
    expect(labelsOf('function handler(req) {\n if (req.ok) return;\n mark();\n}', exits)).toEqual([]);
    expect(labelsOf('function handler(req) {\n if (req.ok) mark();\n check("a");\n}', exits)).toEqual(['a', 'exit:1']);
  });

  it('a region in a function that is never checked reports nothing', () => {
    expect(labelsOf('function other() { check("a"); }')).toEqual([]);
  });
});

describe('createPathTracker: nested functions are separate code paths', () => {
  it('a mark in a callback does not cover the enclosing path', () => {
    expect(labelsOf('try { run() } catch (e) { setTimeout(() => mark()); check("a"); }')).toEqual(['a']);
    expect(labelsOf('function handler() { const later = function () { mark(); }; check("a"); }', exits)).toEqual(['a', 'exit:1']);
  });

  it('a region inside a callback is checked on the callback’s own paths', () => {
    expect(labelsOf('function outer() { if (x) return; items.forEach((i) => { try { i.run() } catch (e) { mark(); check("a"); } }); }')).toEqual([]);
    expect(labelsOf('function outer() { mark(); items.forEach((i) => { try { i.run() } catch (e) { check("a"); } }); }')).toEqual(['a']);
  });

  it('an outer checkpoint is not evaluated by an inner function’s end', () => {
    expect(labelsOf('try { run() } catch (e) { const f = () => { other(); }; f(); mark(); check("a"); }')).toEqual([]);
  });
});

describe('createPathTracker: unreachable code', () => {
  it('never reports a checkpoint after return or throw', () => {
    expect(labelsOf('function f() { try { run() } catch (e) { return; check("a"); } }')).toEqual([]);
    expect(labelsOf('try { run() } catch (e) { throw e; check("b"); }')).toEqual([]);
    expect(labelsOf('function handler() { return 1; check("c"); }')).toEqual([]);
  });

  it('isReachable answers for the current position', () => {
    const { reach } = unsatisfied('function f() { reach("start"); if (x) { return; reach("dead"); } reach("after"); throw e; reach("gone"); }');
    expect(reach).toEqual({ start: true, dead: false, after: true, gone: false });
  });

  it('opening a region in unreachable code opens nothing', () => {
    expect(labelsOf('function f() { return; try { run() } catch (e) { check("a"); } }')).toEqual([]);
  });
});

describe('createPathTracker: TypeScript input', () => {
  it('works on code parsed by @typescript-eslint/parser', () => {
    const code = `
      class Svc {
        @Get() async find(id: string): Promise<User | null> {
          try { return await this.repo.find(id) as User; } catch (e: unknown) {
            if (e instanceof NotFound) { mark(); return null; }
            check("a");
            return null;
          }
        }
      }`;
    expect(labelsOf(code, { ts: true })).toEqual(['a']);
  });
});

describe('mergeListeners', () => {
  it('calls every listener for a key, in order, with the arguments', () => {
    const calls: string[] = [];
    const merged = mergeListeners(
      { A: (x: never) => calls.push(`first ${String(x)}`), B: () => calls.push('only b') },
      { A: (x: never) => calls.push(`second ${String(x)}`) },
      { A: (x: never) => calls.push(`third ${String(x)}`), C: undefined },
    );
    (merged.A as (x: string) => void)('node');
    (merged.B as () => void)();
    expect(calls).toEqual(['first node', 'second node', 'third node', 'only b']);
    expect(Object.keys(merged).sort()).toEqual(['A', 'B']);
  });

  it('keeps the keys in the order they first appear', () => {
    const f = () => undefined;
    const merged = mergeListeners({ onCodePathStart: f, B: f }, { 'CallExpression:exit': f, onCodePathStart: f }, { A: f, B: f });
    expect(Object.keys(merged)).toEqual(['onCodePathStart', 'B', 'CallExpression:exit', 'A']);
  });

  it('passes a lone listener through unchanged', () => {
    const fn = vi.fn();
    expect(mergeListeners({ X: fn }, {}).X).toBe(fn);
  });

  it('lets a rule and the tracker both see code-path events', () => {
    const starts: string[] = [];
    probe('function f() { g(); }', () => {
      const tracker = createPathTracker<string>(() => {});
      return mergeListeners(tracker.listeners, {
        onCodePathStart: ((codePath: { origin: string }) => starts.push(codePath.origin)) as never,
        CallExpression: (() => {
          starts.push(`reachable:${String(tracker.isReachable())}`);
        }) as never,
      });
    });
    expect(starts).toEqual(['program', 'function', 'reachable:true']);
  });
});

describe('findJumpTarget', () => {
  /** For each break / continue of `code`: the type (and label) of the statement it leaves, or null. */
  function targets(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    const record = (node: TSESTree.BreakStatement | TSESTree.ContinueStatement): void => {
      const target = findJumpTarget(node);
      out.push(target === null ? null : target.type === 'LabeledStatement' ? `label:${target.label.name}` : target.type);
    };
    probe(code, () => ({ BreakStatement: record, ContinueStatement: record }));
    return out;
  }
  it('the innermost loop, or for a break the innermost switch', () => {
    expect(targets('for (const a of b) { switch (a) { case 1: break; default: continue } } while (x) { break }')).toEqual([
      'SwitchStatement',
      'ForOfStatement',
      'WhileStatement',
    ]);
  });
  it('a labeled statement by name', () => {
    expect(targets('outer: for (;;) { for (;;) { continue outer } }')).toEqual(['label:outer']);
  });
  it('no target across a function boundary', () => {
    expect(targets('for (;;) { items.forEach(() => { try { a() } catch { return } }) } function f() { switch (x) { case 1: g(() => { while (y) break }) } }')).toEqual(['WhileStatement']);
  });
});

describe('withIfConsequentListener', () => {
  const code = `function m() {
    if (a) b();
    if (c) { d(); } else { e(); }
    if (f) return; else if (g) throw h;
    while (i) { j(); }
    if (k) l: for (;;) break l;
  }`;

  it('sees every if consequent, of any statement type, and nothing else', () => {
    const seen: string[] = [];
    probe(
      code,
      (context) =>
        withIfConsequentListener({}, (node) => seen.push(`${node.type} ${context.sourceCode.getText((node.parent as TSESTree.IfStatement).test)}`)) as ProbeListeners,
    );
    expect(seen).toEqual(['ExpressionStatement a', 'BlockStatement c', 'ReturnStatement f', 'ThrowStatement g', 'LabeledStatement k']);
  });

  it('runs as the consequent is entered: after the map\'s own segment listener, before the statement\'s own listeners', () => {
    const calls: string[] = [];
    probe(
      code,
      () =>
        withIfConsequentListener(
          {
            onCodePathSegmentStart: (_segment: unknown, node: TSESTree.Node) => {
              if (node.parent?.type === 'IfStatement' && node.parent.consequent === node) calls.push(`segment ${node.loc.start.line}`);
            },
            BlockStatement: (node: TSESTree.BlockStatement) => calls.push(`own ${node.loc.start.line}`),
            ReturnStatement: () => calls.push('own return'),
          } as unknown as TSESLint.RuleListener,
          (node) => calls.push(`consequent ${node.loc.start.line}`),
        ) as ProbeListeners,
    );
    expect(calls).toEqual([
      'own 1',
      'segment 2',
      'consequent 2',
      'segment 3',
      'consequent 3',
      'own 3',
      'own 3',
      'segment 4',
      'consequent 4',
      'own return',
      'segment 4',
      'consequent 4',
      'own 5',
      'segment 6',
      'consequent 6',
    ]);
  });

  it('adds one listener (the segment start), not one per statement type', () => {
    const listeners = withIfConsequentListener({ ReturnStatement: () => {} }, () => {});
    expect(Object.keys(listeners).sort()).toEqual(['ReturnStatement', 'onCodePathSegmentStart']);
  });

  it('is not called for a consequent no path reaches (a mark there would count on no path)', () => {
    const seen: number[] = [];
    probe('function f() { return; if (a) b(); }\nfunction g() { if (c) d(); }', () => withIfConsequentListener({}, (node) => seen.push(node.loc.start.line)) as ProbeListeners);
    expect(seen).toEqual([2]);
  });
});

describe('createPathTracker: sharing the segments of another tracker', () => {
  const cases: [string, (ProbeOptions & { exits?: boolean })?][] = [
    ['try { run() } catch (e) { if (x) { mark(); } check("a"); }'],
    ['try { run() } catch (e) { if (x) { mark(); } else { mark(); } check("a"); }'],
    ['try { run() } catch (e) { for (const y of ys) { mark(); } check("a"); reach("r"); }'],
    ['function handlerF() { try { run() } catch (e) { if (x) return check("early"); mark(); check("late"); } }'],
    ['function handlerA() { const f = () => { mark(); }; check("outer"); function inner() { try { a() } catch (e) { check("inner"); } } }'],
    ['function handlerB() { if (a) { clear("k"); } checkCleared("c", "k"); if (b) mark(); check("d"); }'],
    ['function handlerC(x) { switch (x) { case 1: mark(); break; default: other(); } checkLater("s"); mark(); }'],
    ['function handlerD() { try { if (a) throw e; mark(); } catch (err) { check("in catch"); } }', exits],
    ['function handlerE() { while (a) { if (b) continue; mark(); } reach("after"); return; reach("dead"); }'],
  ];

  it('reports what a tracker of its own reports, whichever tracker\'s listeners run first', () => {
    const reported: string[][] = [];
    for (const [code, options] of cases) {
      const own = unsatisfied(code, options);
      reported.push(own.labels);
      for (const sharing of ['owner first', 'owner last'] as const) {
        expect(unsatisfied(code, { ...options, sharing }), `${sharing}: ${code}`).toEqual(own);
      }
    }
    // The cases exercise both answers: some checkpoints are satisfied on every path, some are not.
    expect(reported.flat().length).toBeGreaterThan(3);
    expect(reported.some((labels) => labels.length === 0)).toBe(true);
  });
});
