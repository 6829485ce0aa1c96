/**
 * Tests about the plugin itself: every rule exported, documented and placed in the right
 * configs, and every ❌ / ✅ example in docs/rules/*.md really reports / stays quiet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../src/index.js';
import { ruleDocsUrl } from '../src/core/create-rule.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = join(root, 'src', 'rules');
const docsDir = join(root, 'docs', 'rules');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

type AnyRule = {
  meta: {
    docs?: { description?: string; url?: string; cwe?: readonly string[]; owasp?: readonly string[]; recommended?: unknown; strictOptions?: Record<string, unknown> };
    schema?: unknown;
  };
};
const ruleEntries = Object.entries(rules as Record<string, AnyRule>);
const ruleFileNames = readdirSync(rulesDir)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => basename(file, '.ts'))
  .sort();
const docFileNames = existsSync(docsDir)
  ? readdirSync(docsDir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => basename(file, '.md'))
      .sort()
  : [];

/** Names of the options a rule's schema declares, at any depth of object properties. */
function optionNames(schema: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') {
      for (const [name, child] of Object.entries(record.properties as Record<string, unknown>)) {
        names.add(name);
        visit(child);
      }
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf']) visit(record[key]);
  };
  visit(schema);
  return [...names];
}

describe('plugin object', () => {
  it('carries meta.name and meta.version from package.json', () => {
    expect(plugin.meta.name).toBe(pkg.name);
    expect(plugin.meta.version).toBe(pkg.version);
  });

  it('exports every file in src/rules under its file name, and nothing else', () => {
    expect(ruleFileNames.length).toBeGreaterThan(0);
    expect(Object.keys(rules).sort()).toEqual(ruleFileNames);
    expect(plugin.rules).toBe(rules);
  });

  it('has a rule for every page in docs/rules', () => {
    for (const doc of docFileNames) expect(ruleFileNames, `docs/rules/${doc}.md has no rule`).toContain(doc);
  });
});

describe.each(ruleEntries)('rule %s', (name, rule) => {
  const docs = rule.meta.docs;

  it('has a one-line description without a trailing period', () => {
    expect(typeof docs?.description).toBe('string');
    expect(docs?.description?.trim()).not.toBe('');
    expect(docs?.description).not.toMatch(/[.\n]$/u);
    expect(docs?.description).not.toContain('\n');
  });

  it('points meta.docs.url at docs/rules/<name>.md, a page that exists', () => {
    expect(docs?.url).toBe(ruleDocsUrl(name));
    expect(docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, 'u'));
    // Until a public home is set, the link is the page shipped inside the package.
    expect(docs?.url?.startsWith('file://')).toBe(true);
    expect(existsSync(fileURLToPath(docs!.url!)), docs?.url).toBe(true);
    expect(ruleDocsUrl(name, 'https://example.org/docs/rules/')).toBe(`https://example.org/docs/rules/${name}.md`);
  });

  it('is tagged with CWE ids and OWASP Top 10:2025 categories', () => {
    expect(docs?.cwe?.length).toBeGreaterThan(0);
    for (const cwe of docs?.cwe ?? []) expect(cwe).toMatch(/^CWE-\d+$/u);
    expect(docs?.owasp?.length).toBeGreaterThan(0);
    for (const category of docs?.owasp ?? []) expect(['A09:2025', 'A10:2025']).toContain(category);
    expect(['recommended', 'strict', false]).toContain(docs?.recommended);
  });

  it('has docs/rules/<name>.md that names each option and the CWE', () => {
    const path = join(docsDir, `${name}.md`);
    expect(existsSync(path), `missing docs/rules/${name}.md`).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(`# security-logging/${name}\n`)).toBe(true);
    for (const option of optionNames(rule.meta.schema)) {
      expect(text, `docs/rules/${name}.md does not mention option "${option}"`).toContain(option);
    }
    for (const cwe of docs?.cwe ?? []) expect(text).toContain(cwe);
  });
});

describe('configs', () => {
  const expected = {
    recommended: ruleEntries.filter(([, rule]) => rule.meta.docs?.recommended === 'recommended'),
    strict: ruleEntries.filter(([, rule]) => ['recommended', 'strict'].includes(rule.meta.docs?.recommended as string)),
    all: ruleEntries,
  };

  it.each(Object.keys(expected) as (keyof typeof expected)[])('%s holds exactly the rules its meta.docs asks for', (config) => {
    const flat = plugin.configs[config];
    expect(flat.name).toBe(`security-logging/${config}`);
    expect(flat.plugins?.['security-logging']).toBe(plugin);
    expect(flat.rules).toEqual(
      Object.fromEntries(
        expected[config].map(([name, rule]) => {
          const strictOptions = rule.meta.docs?.strictOptions;
          return [`security-logging/${name}`, config !== 'recommended' && strictOptions ? ['error', strictOptions] : 'error'];
        }),
      ),
    );
  });

  it('makes strict stricter than recommended: every recommended rule, and more rules or stricter options', () => {
    const recommended = plugin.configs.recommended.rules ?? {};
    const strict = plugin.configs.strict.rules ?? {};
    for (const rule of Object.keys(recommended)) expect(strict).toHaveProperty(rule);
    expect(strict).not.toEqual(recommended);
    const stricter = Object.keys(strict).filter((rule) => !(rule in recommended) || Array.isArray(strict[rule]));
    expect(stricter.length).toBeGreaterThan(0);
  });

  it("lists each rule's strict options in the README's tier table", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| \[[\w-]+\]\(docs\/rules\/[\w-]+\.md\) \| [^|]+ \| [^|]+ \|$/u.test(line));
    const withStrictOptions = ruleEntries.filter(([, rule]) => rule.meta.docs?.strictOptions);
    expect(rows.map((row) => /^\| \[([\w-]+)\]/u.exec(row)![1]).sort()).toEqual(withStrictOptions.map(([name]) => name).sort());
    for (const [name, rule] of withStrictOptions) {
      const row = rows.find((line) => line.startsWith(`| [${name}](`))!;
      for (const [key, value] of Object.entries(rule.meta.docs!.strictOptions!)) {
        expect(row, name).toContain(`${key}: ${typeof value === 'string' ? `'${value}'` : JSON.stringify(value)}`);
      }
    }
  });

  it('sets in strict only options that the rule schema declares', () => {
    for (const [name, rule] of ruleEntries) {
      const strictOptions = rule.meta.docs?.strictOptions;
      if (!strictOptions) continue;
      const declared = optionNames(rule.meta.schema);
      for (const key of Object.keys(strictOptions)) expect(declared, `${name}: strictOptions.${key}`).toContain(key);
    }
  });

  it('has only the configs recommended, strict and all', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'recommended', 'strict']);
  });
});

// ---------------------------------------------------------------------------------------------
// Docs examples: a line starting with ❌ or ✅, optionally `<!-- settings: {...} -->` and/or
// `<!-- options: [...] -->` on the next lines, then a fenced js/jsx/ts/tsx block.

interface Example {
  kind: 'incorrect' | 'correct';
  line: number;
  lang: string;
  code: string;
  settings: Record<string, unknown>;
  options: unknown[] | undefined;
}

const LINTABLE = new Set(['js', 'jsx', 'ts', 'tsx']);

function parseExamples(file: string, text: string): Example[] {
  const lines = text.split('\n');
  const examples: Example[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const marker = lines[index].trimStart();
    if (!marker.startsWith('❌') && !marker.startsWith('✅')) continue;
    const where = `${file}:${index + 1}`;
    let settings: Record<string, unknown> = {};
    let options: unknown[] | undefined;
    let next = index + 1;
    for (;;) {
      const line = lines[next]?.trim();
      const comment = line === undefined ? null : /^<!--\s*(settings|options):\s*([\s\S]*?)\s*-->$/u.exec(line);
      if (line === '') next += 1;
      else if (comment) {
        let value: unknown;
        try {
          value = JSON.parse(comment[2]);
        } catch (error) {
          throw new Error(`${where}: the ${comment[1]} comment is not valid JSON: ${(error as Error).message}`, { cause: error });
        }
        if (comment[1] === 'settings') settings = value as Record<string, unknown>;
        else options = value as unknown[];
        next += 1;
      } else break;
    }
    const fence = /^```(\w+)\s*$/u.exec(lines[next]?.trim() ?? '');
    if (!fence) throw new Error(`${where}: a ❌/✅ line must be followed by a fenced code block`);
    const lang = fence[1];
    if (!LINTABLE.has(lang)) throw new Error(`${where}: example blocks must be js, jsx, ts or tsx, got ${lang}`);
    const end = lines.findIndex((line, at) => at > next && line.trim() === '```');
    if (end === -1) throw new Error(`${where}: unterminated code block`);
    examples.push({
      kind: marker.startsWith('❌') ? 'incorrect' : 'correct',
      line: next + 2,
      lang,
      code: lines.slice(next + 1, end).join('\n'),
      settings,
      options,
    });
    index = end;
  }
  return examples;
}

function lintExample(ruleName: string, example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const isTs = example.lang === 'ts' || example.lang === 'tsx';
  const jsx = example.lang === 'jsx' || example.lang === 'tsx';
  const ruleId = `security-logging/${ruleName}`;
  const config: Linter.Config = {
    files: [`**/*.${example.lang}`],
    plugins: { 'security-logging': plugin as unknown as ESLint.Plugin },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      ...(isTs ? { parser: tsParser as unknown as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx } },
    },
    settings: example.settings,
    rules: { [ruleId]: example.options ? ['error', ...example.options] : 'error' },
  };
  return linter.verify(example.code, [config], { filename: `example.${example.lang}` });
}

describe('docs examples', () => {
  it('exist for every rule', () => {
    for (const [name] of ruleEntries) expect(docFileNames, `missing docs/rules/${name}.md`).toContain(name);
  });

  describe.each(docFileNames.filter((doc) => doc in rules))('docs/rules/%s.md', (name) => {
    const file = `docs/rules/${name}.md`;
    const examples = parseExamples(file, readFileSync(join(docsDir, `${name}.md`), 'utf8'));

    it('has at least one ❌ and one ✅ example', () => {
      expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
      expect(examples.some((example) => example.kind === 'correct')).toBe(true);
    });

    it.each(examples.map((example) => [`${example.kind === 'incorrect' ? '❌' : '✅'} ${file}:${example.line}`, example] as const))(
      '%s',
      (_label, example) => {
        const messages = lintExample(name, example);
        // Parse errors and "no matching configuration" come without a rule id: the example did not run.
        const problems = messages.filter((message) => message.fatal || message.ruleId === null);
        expect(problems.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
        const reports = messages.filter((message) => message.ruleId === `security-logging/${name}`);
        if (example.kind === 'incorrect') {
          expect(reports.length, `expected at least one ${name} report`).toBeGreaterThan(0);
        } else {
          expect(reports.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([]);
        }
      },
    );
  });
});

describe('settings validation', () => {
  const lintWith = (settings: Record<string, unknown>) =>
    new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.all as Linter.Config, { settings: { 'security-logging': settings } }],
    }).lintText('const answer = 42;\n', { filePath: join(root, 'settings-check.js') });

  it('rejects a wrong logger style with one readable error naming logger.style', async () => {
    const error = await lintWith({ logger: { name: 'logger', style: 'log4j' } }).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain(`invalid settings['security-logging']: "logger.style" must be one of "pino", "winston", "bunyan", "console", "nest", "log4js"; got "log4j".`);
    // The message names the key once and carries no stack frames from inside the plugin.
    expect(error?.message.match(/logger\.style/gu)).toHaveLength(1);
    expect(error?.stack).not.toMatch(/\n\s+at /u);
  });

  it('rejects an unknown top-level key', async () => {
    await expect(lintWith({ loger: {} })).rejects.toThrow(`"loger" is not a known key; expected one of loggers, logFunctions, reporters, logger, fingerprint, identity, redactingLoggers, safeCompare, secretHeaders, logsUnhandledRejections.`);
  });

  it('accepts a complete, valid settings object', async () => {
    const [result] = await lintWith({
      loggers: ['appLogger', 'this.audit'],
      logFunctions: ['logError'],
      reporters: ['Rollbar.error'],
      logger: { name: 'logger', importFrom: './logger', importKind: 'named', style: 'pino' },
      fingerprint: { name: 'fingerprint', importFrom: './crypto' },
    });
    expect(result.messages).toEqual([]);
  });
});
