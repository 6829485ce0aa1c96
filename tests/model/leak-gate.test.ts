/**
 * no-error-details-in-response asks for a sink only where some argument (or the assigned or returned value)
 * may carry an error's details: error-leaks.ts `mayCarryLeak`, a shape check, must say yes wherever
 * `collectLeaks` finds a leak. It repeats what collectLeaks' `visit` follows, so this test fails when the two
 * drift. Both are asked of real code: the bench corpus (bench/corpus.mjs, sampled every `STRIDE`-th file, all with
 * GATES_FULL=1) and the code snippets of no-error-details-in-response's tests, which hold the leaking shapes
 * (messages, stacks, whole errors, text helpers, templates, variables holding them, same-file builders). Every
 * expression a sink can take its payload from is asked: each argument of a call or `new`, each property value of
 * an object literal given as one, an assigned value, a returned value and an arrow's expression body.
 */
import { readFileSync } from 'node:fs';
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Context, skipTransparent } from '../../src/model/ast.js';
import { type Leak, collectLeaks, mayCarryLeak } from '../../src/model/error-leaks.js';
import type { ResponseSink } from '../../src/model/responses.js';
import { type ProbeRuleListeners, corpusStride, nodeAt, probeCorpus, probeSnippets, ruleTestFiles } from '../helpers/corpus-probe.js';

const STRIDE = corpusStride(8);

interface Sweep {
  files: number;
  values: number;
  /** Values the gate turns away (where it saves the sink look-ups). */
  turnedAway: number;
  /** Values collectLeaks finds a leak in. */
  leaking: number;
  /** Leaking values the gate turns away: must stay empty. */
  missed: string[];
}

const emptySweep = (): Sweep => ({ files: 0, values: 0, turnedAway: 0, leaking: 0, missed: [] });

/** A probe that asks the gate and collectLeaks of every value a sink can take its payload from, counting into `out`. */
const sweep =
  (out: Sweep) =>
  (context: Context, filename: string): ProbeRuleListeners => {
    const ask = (value: TSESTree.Node) => {
      out.values += 1;
      const gate = mayCarryLeak(value);
      if (!gate) out.turnedAway += 1;
      const sink: ResponseSink = { node: value as TSESTree.Expression, kind: 'text', payload: [value as TSESTree.Expression], description: 'probe', receiver: null, status: null };
      const leaks: Leak[] = [];
      collectLeaks(context, value, sink, leaks);
      if (leaks.length === 0) return;
      out.leaking += 1;
      if (!gate) out.missed.push(nodeAt(context, filename, value));
    };
    const askArguments = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      for (const arg of node.arguments) {
        if (arg.type === 'SpreadElement') continue;
        ask(arg);
        const n = skipTransparent(arg);
        if (n.type === 'ObjectExpression') for (const prop of n.properties) if (prop.type === 'Property') ask(prop.value);
      }
    };
    return {
      CallExpression: askArguments,
      NewExpression: askArguments,
      AssignmentExpression: (node: TSESTree.AssignmentExpression) => ask(node.right),
      ReturnStatement: (node: TSESTree.ReturnStatement) => node.argument && ask(node.argument),
      ArrowFunctionExpression: (node: TSESTree.ArrowFunctionExpression) => node.expression && ask(node.body),
    };
  };

/**
 * The code snippets of no-error-details-in-response's tests: every string or template literal (without an
 * interpolation) of its test files, read with the TypeScript parser — valid cases are bare strings, invalid ones
 * `code:` properties in either quote. A literal that does not parse as JavaScript or TypeScript is skipped.
 */
function testSnippets(): string[] {
  const snippets: string[] = [];
  for (const file of ruleTestFiles('no-error-details-in-response')) {
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      if (typeof value !== 'object' || value === null || !('type' in value)) return;
      const node = value as TSESTree.Node;
      if (node.type === 'Literal' && typeof node.value === 'string' && node.value.length > 30) snippets.push(node.value);
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis[0]!.value.cooked) snippets.push(node.quasis[0]!.value.cooked);
      for (const [key, child] of Object.entries(node)) if (key !== 'parent' && key !== 'loc' && key !== 'range') walk(child);
    };
    walk(parse(readFileSync(file, 'utf8'), { sourceType: 'module' }));
  }
  return snippets;
}

describe('mayCarryLeak says yes wherever collectLeaks finds a leak', () => {
  const corpus = emptySweep();
  const snippets = emptySweep();

  beforeAll(() => {
    corpus.files = probeCorpus(STRIDE, sweep(corpus));
    snippets.files = probeSnippets(testSnippets(), sweep(snippets));
    const line = (name: string, s: Sweep) => `${name}: ${s.files} files, ${s.values} values (${s.turnedAway} turned away by the gate, ${s.leaking} leaking)`;
    console.log(`${line(`corpus (every ${STRIDE}th file)`, corpus)}\n${line('rule-test snippets', snippets)}`);
  }, 120_000);

  it('the sample is real: values the gate turns away, and leaking values of every kind the rule tests', () => {
    expect(corpus.files).toBeGreaterThan(120);
    expect(corpus.turnedAway).toBeGreaterThan(1000);
    expect(snippets.files).toBeGreaterThan(200);
    expect(snippets.leaking).toBeGreaterThan(300);
    expect(snippets.turnedAway).toBeGreaterThan(100);
  });

  it('no leaking value is turned away (corpus and test snippets)', () => {
    expect(corpus.missed).toEqual([]);
    expect(snippets.missed).toEqual([]);
  });
});
