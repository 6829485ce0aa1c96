/**
 * The gate tests (tests/model/*-gate*.test.ts, call-path-tail): a cheap check in front of a costly answer must
 * never say no where the answer says yes, and they hold it to that on real code — the bench corpus
 * (bench/corpus.mjs, parsed as the harness parses it) and the code snippets of rule tests. One place for what
 * they share: the corpus sample, the probe rule's lint, and reading a rule's test files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { type Linter as LinterType, Linter, type Rule } from 'eslint';
import { loadCorpus } from '../../bench/corpus.mjs';
import { LINTER_OPTIONS, SOURCE_FILES, languageOptionsFor } from '../../bench/lib/harness.mjs';
import type { Context } from '../../src/model/ast.js';

/** Listeners of a probe rule, by ESLint selector. */
export type ProbeRuleListeners = Record<string, (node: never) => void>;

/** Where a gate test points a reviewer: `file:line` and the node's first 120 characters. */
export function nodeAt(context: Context, filename: string, node: TSESTree.Node): string {
  return `${filename}:${node.loc.start.line} ${context.sourceCode.getText(node).slice(0, 120)}`;
}

/** Every `sampled`-th corpus file keeps a gate test short; GATES_FULL=1 asks every file. */
export function corpusStride(sampled: number): number {
  return process.env.GATES_FULL ? 1 : sampled;
}

const linter = new Linter({ configType: 'flat' });

/** Lint `text` with a probe rule whose listeners `create` makes; false when the text does not parse. */
export function lintWithProbe(text: string, filename: string, languageOptions: LinterType.LanguageOptions, create: (context: Context) => ProbeRuleListeners): boolean {
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [], messages: {} },
    create: (context) => create(context as unknown as Context) as unknown as Rule.RuleListener,
  };
  const config: LinterType.Config[] = [
    { files: SOURCE_FILES, plugins: { gates: { rules: { probe: rule } } }, rules: { 'gates/probe': 'error' }, languageOptions, linterOptions: LINTER_OPTIONS },
  ];
  return !linter.verify(text, config, { filename }).some((m) => m.fatal);
}

/** Lint every `stride`-th corpus file with the probe (`create` is told the file's path); how many were linted. */
export function probeCorpus(stride: number, create: (context: Context, filename: string) => ProbeRuleListeners): number {
  let linted = 0;
  loadCorpus().files.forEach((file, index) => {
    if (index % stride !== 0) return;
    const filename = `corpus/${file.relativePath}`;
    if (lintWithProbe(file.text, filename, languageOptionsFor(file) as LinterType.LanguageOptions, (context) => create(context, filename))) linted += 1;
  });
  return linted;
}

/** Lint each snippet as a JavaScript module, else as TypeScript (a fragment that parses as neither is skipped); how many were linted. */
export function probeSnippets(snippets: readonly string[], create: (context: Context, filename: string) => ProbeRuleListeners): number {
  let linted = 0;
  for (const text of snippets) {
    const asJs = lintWithProbe(text, 'snippet.js', languageOptionsFor({ sourceType: 'module' }) as LinterType.LanguageOptions, (context) => create(context, 'snippet.js'));
    if (asJs || lintWithProbe(text, 'snippet.ts', languageOptionsFor({ typescript: true }) as LinterType.LanguageOptions, (context) => create(context, 'snippet.ts'))) linted += 1;
  }
  return linted;
}

/** The test files of a rule that exist: tests/rules/<rule>.test.ts and tests/rules/<rule>/*.test.ts. */
export function ruleTestFiles(rule: string): string[] {
  const root = fileURLToPath(new URL('../rules', import.meta.url));
  const files: string[] = [];
  try {
    readFileSync(join(root, `${rule}.test.ts`));
    files.push(join(root, `${rule}.test.ts`));
  } catch {
    // the rule's tests are all split per framework
  }
  try {
    for (const entry of readdirSync(join(root, rule))) if (entry.endsWith('.test.ts')) files.push(join(root, rule, entry));
  } catch {
    // no directory of split tests for this rule
  }
  return files;
}

/** Every `code:` template literal without an interpolation in `files`, as the test wrote it. */
export function codeTemplates(files: readonly string[]): string[] {
  const snippets: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/code:\s*`((?:[^`\\$]|\\.|\$(?!\{))*)`/gu)) snippets.push(match[1]!.replace(/\\`/gu, '`').replace(/\\\\/gu, '\\'));
  }
  return snippets;
}
