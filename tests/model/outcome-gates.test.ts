/**
 * Two cheap gates (session 39's perf39b) repeat knowledge held elsewhere; these tests fail when they drift:
 *  - http-outcomes.ts `mayHaveCallOutcome`, a name check, must say yes wherever `callOutcome` finds an outcome;
 *  - catch-scope.ts `weighSilence` asks first whether the `try` guards a security control, assuming that
 *    `weighCatch` answers 'external' / 'unknown' only around one: the gated and ungated answers must agree.
 * Both are asked of real code: the bench corpus (bench/corpus.mjs, the published sources of express, koa,
 * fastify, NestJS, hono, bullmq, pino, winston, passport, jsonwebtoken, node-cron), parsed as the harness parses
 * it, and the code snippets of the rule tests that exercise these answers. The corpus is sampled (every
 * `STRIDE`-th file, all files with GATES_FULL=1) to keep the test short; the sample holds calls with an outcome
 * and catches whose `try` fails outside, so a gate that drifts on a common shape fails it (checked in session 40:
 * `mayHaveCallOutcome` without its response-receiver clause, and `weighCatch` without its guard, each fail it).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { weighCatch, weighSilence, weighSilenceUngated } from '../../src/model/catch-scope.js';
import { probeSets } from '../../src/model/catch-probes.js';
import { classifyFailures } from '../../src/model/fallible.js';
import { callOutcome, mayHaveCallOutcome } from '../../src/model/http-outcomes.js';
import { describeEnclosingFunction } from '../../src/fixes/log-message.js';
import { type ProbeRuleListeners, codeTemplates, nodeAt, corpusStride, probeCorpus, probeSnippets, ruleTestFiles } from '../helpers/corpus-probe.js';

const STRIDE = corpusStride(8);
const FAILURE_OPTIONS = probeSets({}).failureOptions;

interface Sweep {
  files: number;
  calls: number;
  outcomes: number;
  /** Calls callOutcome finds an outcome in that mayHaveCallOutcome turns away. */
  missed: string[];
  catches: number;
  /** Catches whose `try` can fail for an outside or unexplained reason (classifyFailures), where the gate matters. */
  outside: number;
  /** Catches weighCatch answers 'external' / 'unknown' for. */
  weighed: number;
  /** Catches whose gated and ungated weighSilence answers differ. */
  disagreements: string[];
}

function emptySweep(): Sweep {
  return { files: 0, calls: 0, outcomes: 0, missed: [], catches: 0, outside: 0, weighed: 0, disagreements: [] };
}

/** A probe that asks both questions of every call and catch clause, counting into `out`. */
const sweep =
  (out: Sweep) =>
  (context: Context, filename: string): ProbeRuleListeners => {
    const where = (node: TSESTree.Node) => nodeAt(context, filename, node);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        out.calls += 1;
        if (callOutcome(context, node, 0) === null) return;
        out.outcomes += 1;
        if (!mayHaveCallOutcome(node)) out.missed.push(where(node));
      },
      CatchClause(node: TSESTree.CatchClause) {
        out.catches += 1;
        const name = describeEnclosingFunction(node);
        const fails = classifyFailures(context, node.parent.block, FAILURE_OPTIONS);
        if (fails === 'external' || fails === 'unknown') out.outside += 1;
        const source = weighCatch(context, node, name, FAILURE_OPTIONS);
        if (source === 'external' || source === 'unknown') out.weighed += 1;
        const gated = weighSilence(context, node, name, () => false, FAILURE_OPTIONS);
        const ungated = weighSilenceUngated(context, node, name, FAILURE_OPTIONS);
        if (gated.silentReported !== ungated.silentReported || gated.mayFailOutside !== ungated.mayFailOutside) out.disagreements.push(where(node));
      },
    };
  };

/** The code snippets of the rule tests that exercise these answers (template literals without interpolation). */
const testSnippets = (): string[] => ['no-silent-catch', 'log-auth-failures', 'no-fail-open-auth', 'no-error-details-in-response'].flatMap((rule) => codeTemplates(ruleTestFiles(rule)));

describe('cheap gates agree with the answers they spare', () => {
  const corpus = emptySweep();
  const snippets = emptySweep();

  beforeAll(() => {
    corpus.files = probeCorpus(STRIDE, sweep(corpus));
    snippets.files = probeSnippets(testSnippets(), sweep(snippets));
    const line = (name: string, s: Sweep) => `${name}: ${s.files} files, ${s.calls} calls (${s.outcomes} with an outcome), ${s.catches} catches (${s.outside} whose try fails outside, ${s.weighed} weighed external/unknown)`;
    console.log(`${line(`corpus (every ${STRIDE}th file)`, corpus)}\n${line('rule-test snippets', snippets)}`);
  }, 120_000);

  it('the sample is real: files, calls with an outcome, catches whose try fails outside (where the gate decides)', () => {
    expect(corpus.files).toBeGreaterThan(120);
    expect(corpus.outcomes).toBeGreaterThan(50);
    expect(corpus.outside).toBeGreaterThan(20);
    expect(snippets.files).toBeGreaterThan(200);
    expect(snippets.outcomes).toBeGreaterThan(100);
    expect(snippets.weighed).toBeGreaterThan(10);
  });

  it('mayHaveCallOutcome says yes wherever callOutcome finds an outcome (corpus and test snippets)', () => {
    expect(corpus.missed).toEqual([]);
    expect(snippets.missed).toEqual([]);
  });

  it("weighSilence's gate (a security control around the try) changes no answer of weighCatch's (corpus and test snippets)", () => {
    expect(corpus.disagreements).toEqual([]);
    expect(snippets.disagreements).toEqual([]);
  });
});
