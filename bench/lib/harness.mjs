/**
 * Checks shared by the corpus test, the fuzz test and `npm run fuzz`: lint one source with the
 * plugin's rules through ESLint's `Linter` and verify what a user relies on —
 * - no rule throws (a crash surfaces as a thrown error or a fatal message naming the rule);
 * - every autofixed output parses and introduces no undefined name;
 * - a second `verifyAndFix` on the fixed output changes nothing (fixes are idempotent);
 * - every suggestion changes the code, and its output parses and introduces no undefined name.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

export const NAMESPACE = 'security-logging';
const PREFIX = `${NAMESPACE}/`;

/** Globals a Node.js server file may use without declaring them (so `no-undef` diffs stay meaningful). */
export const NODE_GLOBALS = Object.freeze(
  Object.fromEntries(
    [
      'console',
      'process',
      'Buffer',
      'URL',
      'URLSearchParams',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'queueMicrotask',
      'structuredClone',
      'globalThis',
      'fetch',
      'Request',
      'Response',
      'Headers',
      'AbortController',
      'AbortSignal',
      'TextEncoder',
      'TextDecoder',
      'performance',
      'crypto',
      '__dirname',
      '__filename',
      'require',
      'module',
      'exports',
    ].map((name) => [name, 'readonly']),
  ),
);

/** ESLint directives in third-party code must neither disable our rules nor add reports of their own. */
export const LINTER_OPTIONS = Object.freeze({ noInlineConfig: true, reportUnusedDisableDirectives: 'off' });

/** The configured-logger settings under which rules may autofix by inserting log calls. */
export const CONFIGURED_LOGGER_SETTINGS = Object.freeze({
  [NAMESPACE]: { logger: { name: 'logger', importFrom: './logger', style: 'pino' } },
});

/**
 * @param {{ typescript?: boolean, sourceType?: 'module' | 'commonjs' | 'script', jsx?: boolean }} kind
 */
export function languageOptionsFor({ typescript = false, sourceType = 'module', jsx = false }) {
  if (typescript) {
    return {
      parser: tsParser,
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx } },
      globals: NODE_GLOBALS,
    };
  }
  return { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx } }, globals: NODE_GLOBALS };
}

/** Rule entries (`{ 'security-logging/x': 'error' }`) of every rule the plugin exports. */
export function allRules(plugin) {
  return Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PREFIX}${name}`, 'error']));
}

/**
 * The configs one kind of file is checked with.
 * @param {object} plugin the built plugin (dist/index.js)
 * @param {{ rules: Record<string, unknown>, languageOptions: object, settings?: object }} options
 */
export function makeConfigs(plugin, { rules, languageOptions, settings = {} }) {
  return {
    lint: [{ files: SOURCE_FILES, plugins: { [NAMESPACE]: plugin }, rules, languageOptions, settings, linterOptions: LINTER_OPTIONS }],
    // Parse check plus undefined names, to compare input and output of a fix.
    check: [{ files: SOURCE_FILES, rules: { 'no-undef': 'error' }, languageOptions, linterOptions: LINTER_OPTIONS }],
  };
}

/** Without `files`, a flat config matches only .js/.mjs/.cjs: TypeScript and JSX files would get no rules at all. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** A file no config object matched, or one ESLint ignores, is a harness bug: nothing was checked. */
function assertLinted(messages, filename) {
  const unmatched = messages.find((m) => !m.ruleId && !m.fatal && /No matching configuration|ignored/iu.test(m.message));
  if (unmatched) throw new Error(`harness: ${filename} was not linted: ${unmatched.message}`);
}

/**
 * @typedef {{ ruleId: string, line: number, column: number, endLine?: number, message: string, messageId?: string, fixable: boolean, suggestions: number }} Report
 * @typedef {{ kind: 'crash' | 'fix-parse' | 'fix-undefined' | 'fix-not-idempotent' | 'suggestion-parse' | 'suggestion-undefined' | 'suggestion-noop', ruleId: string | null, detail: string, code?: string }} Problem
 * @typedef {{ parseError?: string, reports: Report[], problems: Problem[], fixedOutput?: string }} CheckResult
 */

/** The rule a thrown error names, if any. */
function ruleOfError(error) {
  if (error && typeof error === 'object' && 'ruleId' in error && typeof error.ruleId === 'string') return error.ruleId;
  const match = /Rule: "([^"]+)"/u.exec(String(error?.message ?? ''));
  return match ? match[1] : null;
}

function describeError(error) {
  const stack = String(error?.stack ?? error);
  // The message plus the first frames inside the plugin are what an owner needs.
  return stack
    .split('\n')
    .filter((line, index) => index < 4 || line.includes('/dist/'))
    .slice(0, 14)
    .join('\n');
}

const UNDEFINED_NAME = /^'(.+)' is not defined\.$/u;

/** Parse `text` with the check config: `null` when it does not parse, else its undefined names. */
function undefinedNames(linter, text, checkConfig, filename) {
  const messages = linter.verify(text, checkConfig, { filename });
  assertLinted(messages, filename);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) return { parseError: `${fatal.line}:${fatal.column} ${fatal.message}` };
  const names = new Set();
  for (const m of messages) {
    const match = m.ruleId === 'no-undef' ? UNDEFINED_NAME.exec(m.message) : null;
    if (match) names.add(match[1]);
  }
  return { names };
}

function newNames(before, after) {
  return [...after].filter((name) => !before.has(name));
}

/** Apply one fix as ESLint does: its range counts from after a byte order mark, which stays in front. */
function applyFix(text, fix) {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  return bom + body.slice(0, fix.range[0]) + fix.text + body.slice(fix.range[1]);
}

/**
 * Lint `text` with `configs.lint` and check every crash, fix and suggestion.
 * @param {Linter} linter
 * @param {string} text
 * @param {{ lint: object[], check: object[] }} configs from `makeConfigs`
 * @param {string} filename relative path (ESLint ignores files under node_modules/)
 * @returns {CheckResult}
 */
export function checkSource(linter, text, configs, filename) {
  /** @type {Problem[]} */
  const problems = [];
  let messages;
  try {
    messages = linter.verify(text, configs.lint, { filename });
  } catch (error) {
    return { reports: [], problems: [{ kind: 'crash', ruleId: ruleOfError(error), detail: describeError(error), code: text }] };
  }
  assertLinted(messages, filename);
  const fatal = messages.find((m) => m.fatal);
  if (fatal) {
    if (fatal.ruleId || fatal.message.includes(NAMESPACE)) {
      return { reports: [], problems: [{ kind: 'crash', ruleId: fatal.ruleId, detail: fatal.message, code: text }] };
    }
    return { parseError: `${fatal.line}:${fatal.column} ${fatal.message}`, reports: [], problems };
  }
  const ours = messages.filter((m) => m.ruleId?.startsWith(PREFIX));
  /** @type {Report[]} */
  const reports = ours.map((m) => ({
    ruleId: m.ruleId,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    message: m.message,
    messageId: m.messageId,
    fixable: Boolean(m.fix),
    suggestions: m.suggestions?.length ?? 0,
  }));
  const needsOriginalNames = ours.some((m) => m.fix || m.suggestions?.length);
  if (!needsOriginalNames) return { reports, problems };

  const original = undefinedNames(linter, text, configs.check, filename);
  const before = original.names ?? new Set();

  for (const m of ours) {
    for (const suggestion of m.suggestions ?? []) {
      const output = applyFix(text, suggestion.fix);
      const where = `${m.ruleId} at ${m.line}:${m.column} suggestion "${suggestion.desc}"`;
      if (output === text) {
        problems.push({ kind: 'suggestion-noop', ruleId: m.ruleId, detail: `${where} changes nothing`, code: text });
        continue;
      }
      const checked = undefinedNames(linter, output, configs.check, filename);
      if (checked.parseError) {
        problems.push({ kind: 'suggestion-parse', ruleId: m.ruleId, detail: `${where}: output does not parse: ${checked.parseError}`, code: output });
      } else {
        const added = newNames(before, checked.names);
        if (added.length) {
          problems.push({ kind: 'suggestion-undefined', ruleId: m.ruleId, detail: `${where} introduces undefined ${added.join(', ')}`, code: output });
        }
      }
    }
  }

  if (!ours.some((m) => m.fix)) return { reports, problems };
  let first;
  try {
    first = linter.verifyAndFix(text, configs.lint, { filename });
  } catch (error) {
    // A rule that crashes on the partly fixed code.
    problems.push({ kind: 'crash', ruleId: ruleOfError(error), detail: `while fixing: ${describeError(error)}`, code: text });
    return { reports, problems };
  }
  const fixers = [...new Set(ours.filter((m) => m.fix).map((m) => m.ruleId))].join(', ');
  const fixedFatal = first.messages.find((m) => m.fatal);
  if (fixedFatal) {
    const kind = fixedFatal.ruleId ? 'crash' : 'fix-parse';
    problems.push({ kind, ruleId: fixedFatal.ruleId ?? fixers, detail: `fixed output: ${fixedFatal.line}:${fixedFatal.column} ${fixedFatal.message}`, code: first.output });
    return { reports, problems, fixedOutput: first.output };
  }
  const checked = undefinedNames(linter, first.output, configs.check, filename);
  if (checked.parseError) {
    problems.push({ kind: 'fix-parse', ruleId: fixers, detail: `fixed output does not parse: ${checked.parseError}`, code: first.output });
    return { reports, problems, fixedOutput: first.output };
  }
  const added = newNames(before, checked.names);
  if (added.length) {
    problems.push({ kind: 'fix-undefined', ruleId: fixers, detail: `fixed output introduces undefined ${added.join(', ')}`, code: first.output });
  }
  let second;
  try {
    second = linter.verifyAndFix(first.output, configs.lint, { filename });
  } catch (error) {
    problems.push({ kind: 'crash', ruleId: ruleOfError(error), detail: `on fixed output: ${describeError(error)}`, code: first.output });
    return { reports, problems, fixedOutput: first.output };
  }
  if (second.fixed) {
    const again = [...new Set(second.messages.filter((m) => m.ruleId?.startsWith(PREFIX)).map((m) => m.ruleId))];
    problems.push({
      kind: 'fix-not-idempotent',
      ruleId: fixers,
      detail: `a second verifyAndFix changed the fixed output again${again.length ? ` (still reporting: ${again.join(', ')})` : ''}`,
      code: first.output,
    });
  }
  return { reports, problems, fixedOutput: first.output };
}

/** A short, readable diff-free excerpt: `line` with `radius` lines around it, numbered. */
export function excerpt(text, line, radius = 1) {
  const lines = text.split('\n');
  const from = Math.max(1, line - radius);
  const to = Math.min(lines.length, line + radius);
  const out = [];
  for (let n = from; n <= to; n++) out.push(`${n === line ? '>' : ' '}${String(n).padStart(5)} | ${lines[n - 1]}`);
  return out.join('\n');
}

export { Linter };
