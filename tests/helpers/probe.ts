/**
 * Run a util on real parsed code: a tiny probe rule gets a real RuleContext (scope
 * manager, source code, settings, code-path events) from ESLint's `Linter`, and the
 * test's `create` records whatever the util answers.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { type Linter as LinterType, Linter, type Rule } from 'eslint';
import type { AnyFunction, Context } from '../../src/model/ast.js';

export interface ProbeOptions {
  /** Parse with @typescript-eslint/parser (default: espree). */
  ts?: boolean;
  jsx?: boolean;
  /** Full `settings` object (wrap in `{ 'security-logging': … }` yourself). */
  settings?: Record<string, unknown>;
  sourceType?: 'module' | 'script' | 'commonjs';
  /** Absolute path of the linted file, and the working directory ESLint runs in. */
  filename?: string;
  cwd?: string;
}

export type ProbeListeners = Record<string, (...args: never[]) => void>;

/** Lint `code` with a probe rule built by `create`; returns the messages it (or its fixes) produced. */
export function probe(
  code: string,
  create: (context: Context) => ProbeListeners,
  options: ProbeOptions = {},
): LinterType.LintMessage[] {
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', fixable: 'code', hasSuggestions: true, schema: [], messages: { m: 'probe' } },
    create: (context) => create(context as unknown as Context) as unknown as Rule.RuleListener,
  };
  const filename = options.filename ?? (options.ts ? (options.jsx ? 'file.tsx' : 'file.ts') : options.jsx ? 'file.jsx' : 'file.js');
  const linter = new Linter({ configType: 'flat', ...(options.cwd ? { cwd: options.cwd } : {}) });
  const config: LinterType.Config = {
    files: ['**/*.js', '**/*.jsx', '**/*.ts', '**/*.tsx'],
    plugins: { probe: { rules: { probe: rule } } },
    rules: { 'probe/probe': 'error' },
    settings: options.settings ?? {},
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: options.sourceType ?? 'module',
      ...(options.ts ? { parser: tsParser as unknown as LinterType.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: options.jsx ?? false } },
    },
  };
  const messages = linter.verify(code, config, filename);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`probe could not parse: ${fatal.message} (line ${fatal.line})`);
  return messages;
}

/**
 * For every call expression in `code`, the answer of `fn`, keyed by the call's source
 * text (the first occurrence wins, so give each probed call a distinct text).
 */
export function probeCalls<T>(
  code: string,
  fn: (context: Context, node: TSESTree.CallExpression) => T,
  options: ProbeOptions = {},
): Map<string, T> {
  const results = new Map<string, T>();
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const text = context.sourceCode.getText(node);
        if (!results.has(text)) results.set(text, fn(context, node));
      },
    }),
    options,
  );
  return results;
}

/** Look up a probed call by its exact text; fail loudly when the text is not a call in the code. */
export function callResult<T>(results: Map<string, T>, text: string): T {
  if (!results.has(text)) {
    throw new Error(`no call with text ${JSON.stringify(text)}; calls: ${JSON.stringify([...results.keys()])}`);
  }
  return results.get(text) as T;
}

/** Apply the (non-overlapping) fixes of `messages` to `code` once. */
export function applyFixes(code: string, messages: readonly LinterType.LintMessage[]): string {
  const fixes = messages
    .map((m) => m.fix)
    .filter((f): f is Rule.Fix => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0]);
  let out = '';
  let last = 0;
  for (const fix of fixes) {
    if (fix.range[0] < last) throw new Error('overlapping fixes');
    out += code.slice(last, fix.range[0]) + fix.text;
    last = fix.range[1];
  }
  return out + code.slice(last);
}

/** Report at `node` with a fix built by `build` (for testing fix builders). */
export function reportFix(
  context: Context,
  node: TSESTree.Node,
  build: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[] | null,
): void {
  (context as unknown as TSESLint.RuleContext<'m', []>).report({
    node,
    messageId: 'm',
    fix: build,
  } as never);
}

/** `summarize` of every function in `code` (declarations, expressions, arrows) that gives an answer, in source order. */
export function probeFunctions<T extends { line: number }>(code: string, summarize: (context: Context, fn: AnyFunction) => T | null, options: ProbeOptions = {}): T[] {
  const found: T[] = [];
  const visit = (context: Context) => (fn: AnyFunction) => {
    const summary = summarize(context, fn);
    if (summary) found.push(summary);
  };
  probe(code, (context) => ({ FunctionDeclaration: visit(context), FunctionExpression: visit(context), ArrowFunctionExpression: visit(context) }), options);
  return found.sort((a, b) => a.line - b.line);
}
