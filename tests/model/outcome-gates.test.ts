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
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { type Linter as LinterType, Linter, type Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../bench/corpus.mjs';
import { languageOptionsFor } from '../../bench/lib/harness.mjs';
import type { Context } from '../../src/model/ast.js';
import { weighCatch, weighSilence, weighSilenceUngated } from '../../src/model/catch-scope.js';
import { probeSets } from '../../src/model/catch-probes.js';
import { classifyFailures } from '../../src/model/fallible.js';
import { callOutcome, mayHaveCallOutcome } from '../../src/model/http-outcomes.js';
import { describeEnclosingFunction } from '../../src/fixes/log-message.js';

const STRIDE = process.env.GATES_FULL ? 1 : 8;
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

/** Lint `text` with a probe rule that asks both questions of every call and catch clause. */
function sweep(out: Sweep, text: string, filename: string, languageOptions: LinterType.LanguageOptions): boolean {
  const where = (node: TSESTree.Node, context: Context) => `${filename}:${node.loc.start.line} ${context.sourceCode.getText(node).slice(0, 120)}`;
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [], messages: {} },
    create: (ruleContext) => {
      const context = ruleContext as unknown as Context;
      return {
        CallExpression(node: TSESTree.CallExpression) {
          out.calls += 1;
          if (callOutcome(context, node, 0) === null) return;
          out.outcomes += 1;
          if (!mayHaveCallOutcome(node)) out.missed.push(where(node, context));
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
          if (gated.silentReported !== ungated.silentReported || gated.mayFailOutside !== ungated.mayFailOutside) out.disagreements.push(where(node, context));
        },
      } as unknown as Rule.RuleListener;
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const config: LinterType.Config[] = [
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], plugins: { gates: { rules: { probe: rule } } }, rules: { 'gates/probe': 'error' }, languageOptions },
  ];
  const messages = linter.verify(text, config, filename);
  if (messages.some((m) => m.fatal)) return false;
  out.files += 1;
  return true;
}

/**
 * The code snippets of the rule tests that exercise these answers: every `code:` template literal without an
 * interpolation (and every single-quoted one) in the test files of the rules that ask them. A snippet that does
 * not parse as JavaScript or TypeScript (a fragment) is skipped.
 */
function testSnippets(): { text: string; typescript: boolean }[] {
  const dirs = ['no-silent-catch', 'log-auth-failures', 'no-fail-open-auth', 'no-error-details-in-response'];
  const root = fileURLToPath(new URL('../rules', import.meta.url));
  const files: string[] = [];
  for (const dir of dirs) {
    files.push(join(root, `${dir}.test.ts`));
    try {
      for (const entry of readdirSync(join(root, dir))) if (entry.endsWith('.test.ts')) files.push(join(root, dir, entry));
    } catch {
      // no directory of split tests for this rule
    }
  }
  const snippets: { text: string; typescript: boolean }[] = [];
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const match of source.matchAll(/code:\s*`((?:[^`\\$]|\\.|\$(?!\{))*)`/gu)) snippets.push({ text: match[1]!.replace(/\\`/gu, '`').replace(/\\\\/gu, '\\'), typescript: false });
  }
  return snippets;
}

describe('cheap gates agree with the answers they spare', () => {
  const corpus = emptySweep();
  const snippets = emptySweep();

  beforeAll(() => {
    const { files } = loadCorpus();
    files.forEach((file, index) => {
      if (index % STRIDE !== 0) return;
      sweep(corpus, file.text, `corpus/${file.relativePath}`, languageOptionsFor({ typescript: file.typescript, sourceType: file.sourceType }) as LinterType.LanguageOptions);
    });
    for (const snippet of testSnippets()) {
      if (!sweep(snippets, snippet.text, 'snippet.js', languageOptionsFor({ sourceType: 'module' }) as LinterType.LanguageOptions)) {
        sweep(snippets, snippet.text, 'snippet.ts', languageOptionsFor({ typescript: true }) as LinterType.LanguageOptions);
      }
    }
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
