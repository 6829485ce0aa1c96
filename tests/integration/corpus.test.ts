/**
 * Real third-party code: the published sources of express, koa, fastify, NestJS, hono, bullmq,
 * pino, winston, passport, jsonwebtoken and node-cron (devDependencies, selected by
 * bench/corpus.mjs), linted with every rule of the built plugin (dist/) through ESLint's `Linter`:
 * espree for JavaScript, @typescript-eslint/parser for TypeScript, with the default settings and
 * again with a configured logger (the settings under which rules autofix by inserting log calls).
 *
 * No rule may throw, every autofixed output must parse and introduce no undefined name, a second
 * fix pass must change nothing, and every suggestion must change the code into code that parses.
 * Every report is written with its context to bench/.tmp/corpus-findings.txt for review.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_PACKAGES, ROOT } from '../../bench/corpus.mjs';
import { type CorpusResult, FINDINGS_FILE, PASSES, formatCounts, runCorpus, writeFindings } from '../../bench/lib/corpus-run.mjs';
import { type PluginLike, type Problem, Linter, checkSource, languageOptionsFor, makeConfigs } from '../../bench/lib/harness.mjs';

/** Files of the corpus that are invalid on purpose (parser test fixtures): they are skipped, nothing else is. */
const KNOWN_UNPARSABLE = ['pino/test/fixtures/syntax-error-esm.mjs'];

async function loadBuiltPlugin(): Promise<PluginLike> {
  const entry = join(ROOT, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
  return ((await import(pathToFileURL(entry).href)) as { default: PluginLike }).default;
}

function describeProblem(problem: Problem & { file?: string; pass?: string }): string {
  const code = problem.code && problem.code.length < 1500 ? `\n${problem.code}` : '';
  return `[${problem.kind}] ${problem.ruleId ?? '?'} ${problem.file ?? ''}${problem.pass ? ` (${problem.pass})` : ''}: ${problem.detail}${code}`;
}

describe('third-party corpus', () => {
  let plugin: PluginLike;
  let result: CorpusResult;

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    const started = performance.now();
    result = runCorpus(plugin);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const findingsFile = writeFindings(result);
    console.log(
      `corpus: ${result.linted} files linted in ${seconds}s (${result.fixedFiles} fixed outputs checked, ` +
        `${result.configuredPassFiles} files also with a configured logger); reports per rule:\n${formatCounts(result)}\n` +
        `every report with its context: ${findingsFile}`,
    );
  }, 600_000);

  it('lints real server code from every corpus package', () => {
    expect(result.files).toBeGreaterThan(1000);
    for (const pkg of CORPUS_PACKAGES) expect(result.filesPerPackage[pkg] ?? 0, pkg).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.report.ruleId).length).toBeGreaterThan(0);
  });

  it('parses every file except the known invalid fixtures', () => {
    expect(result.parseErrors.map((e) => e.file)).toEqual(KNOWN_UNPARSABLE);
    expect(result.linted).toBe(result.files - KNOWN_UNPARSABLE.length);
  });

  it('no rule throws', () => {
    expect(result.problems.filter((p) => p.kind === 'crash').map(describeProblem)).toEqual([]);
  });

  it('every autofixed output parses and introduces no undefined name', () => {
    expect(result.fixedFiles).toBeGreaterThan(0);
    expect(result.problems.filter((p) => p.kind === 'fix-parse' || p.kind === 'fix-undefined').map(describeProblem)).toEqual([]);
  });

  it('fixing the fixed output again changes nothing', () => {
    expect(result.problems.filter((p) => p.kind === 'fix-not-idempotent').map(describeProblem)).toEqual([]);
  });

  it('every suggestion changes the code into code that parses and introduces no undefined name', () => {
    expect(result.findings.some((f) => f.report.suggestions > 0)).toBe(true);
    expect(result.problems.filter((p) => p.kind.startsWith('suggestion-')).map(describeProblem)).toEqual([]);
  });

  it('counts reports for every rule of the plugin and writes every report for review', () => {
    for (const pass of PASSES) {
      expect(Object.keys(result.counts[pass.name]).sort()).toEqual(Object.keys(plugin.rules).map((name) => `security-logging/${name}`).sort());
    }
    const total = Object.values(result.counts.default).reduce((a, b) => a + b, 0);
    expect(result.findings.filter((f) => f.pass === 'default')).toHaveLength(total);
    const written = readFileSync(FINDINGS_FILE, 'utf8');
    expect(written.match(/^### /gmu)?.length ?? 0).toBeGreaterThanOrEqual(total);
  });
});

/** The checks above must be able to fail: a plugin that crashes, breaks code or fixes forever is caught. */
describe('corpus checks catch broken rules', () => {
  const linter = new Linter();
  const code = 'try { run(); } catch (err) {}\nexport const x = 1;\n';

  function check(create: Rule.RuleModule['create'], meta: Rule.RuleModule['meta'] = {}) {
    const plugin = { rules: { probe: { meta, create } } };
    const configs = makeConfigs(plugin, { rules: { 'security-logging/probe': 'error' }, languageOptions: languageOptionsFor({}) });
    return checkSource(linter, code, configs, 'probe.js');
  }

  it('reports a rule that throws as a crash naming the rule', () => {
    const { problems } = check(() => ({
      CatchClause() {
        throw new TypeError('boom');
      },
    }));
    expect(problems.map((p) => [p.kind, p.ruleId])).toEqual([['crash', 'security-logging/probe']]);
  });

  it('reports a fix whose output does not parse', () => {
    const { problems } = check(
      (context) => ({
        CatchClause(node) {
          context.report({ node, message: 'x', fix: (fixer) => fixer.insertTextAfter(node, ' {') });
        },
      }),
      { fixable: 'code' },
    );
    expect(problems.map((p) => p.kind)).toEqual(['fix-parse']);
  });

  it('reports a fix that inserts an undefined name', () => {
    const { problems } = check(
      (context) => ({
        CatchClause(node) {
          if (node.body.body.length === 0) {
            context.report({ node, message: 'x', fix: (fixer) => fixer.insertTextAfterRange([node.body.range![0], node.body.range![0] + 1], 'log.error(err);') });
          }
        },
      }),
      { fixable: 'code' },
    );
    expect(problems.map((p) => [p.kind, p.detail])).toEqual([['fix-undefined', 'fixed output introduces undefined log']]);
  });

  it('reports a fix that keeps fixing', () => {
    const { problems } = check(
      (context) => ({
        CatchClause(node) {
          context.report({ node, message: 'x', fix: (fixer) => fixer.insertTextAfterRange([node.body.range![0], node.body.range![0] + 1], ' ') });
        },
      }),
      { fixable: 'code' },
    );
    expect(problems.map((p) => p.kind)).toEqual(['fix-not-idempotent']);
  });

  it('reports a suggestion that changes nothing or breaks the code', () => {
    const { problems } = check(
      (context) => ({
        CatchClause(node) {
          context.report({
            node,
            message: 'x',
            suggest: [
              { desc: 'nothing', fix: (fixer) => fixer.insertTextAfter(node, '') },
              { desc: 'broken', fix: (fixer) => fixer.insertTextBefore(node, '(') },
            ],
          });
        },
      }),
      { hasSuggestions: true },
    );
    expect(problems.map((p) => p.kind)).toEqual(['suggestion-noop', 'suggestion-parse']);
  });

  it('applies a suggestion to a file with a byte order mark as ESLint does (ranges count after the BOM)', () => {
    const plugin = {
      rules: {
        probe: {
          meta: { hasSuggestions: true },
          create: (context: Rule.RuleContext) => ({
            CatchClause(node: Parameters<NonNullable<Rule.RuleListener['CatchClause']>>[0]) {
              context.report({ node, message: 'x', suggest: [{ desc: 'log', fix: (fixer) => fixer.insertTextAfterRange([node.body.range![0], node.body.range![0] + 1], ' console.error(err); ') }] });
            },
          }),
        },
      },
    };
    const configs = makeConfigs(plugin, { rules: { 'security-logging/probe': 'error' }, languageOptions: languageOptionsFor({}) });
    const result = checkSource(linter, `\uFEFF${code}`, configs, 'bom.js');
    expect(result.reports).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });

  it('skips a file that does not parse without blaming a rule', () => {
    const configs = makeConfigs({ rules: {} }, { rules: {}, languageOptions: languageOptionsFor({}) });
    const result = checkSource(linter, 'let = ;', configs, 'broken.js');
    expect(result.parseError).toMatch(/Parsing error/u);
    expect(result.problems).toEqual([]);
  });
});
