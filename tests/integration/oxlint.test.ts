/**
 * oxlint (>= 1.x, `jsPlugins`) runs this ESLint plugin: docs/guides/oxlint.md.
 * For every example app, a `.oxlintrc.json` is derived from what ESLint uses for it (the plugin's
 * rules with their severities, and `settings`) and oxlint runs on a copy of the app, which reaches
 * the plugin by its package name (a node_modules link to this repository, built by `npm test`).
 *  - oxlint reports exactly ESLint's findings: file, line, column, rule and message;
 *  - `oxlint --fix` writes exactly what `eslint --fix` writes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const oxlintBin = join(dirname(require.resolve('oxlint/package.json')), 'bin', 'oxlint');
const examplesDir = join(root, 'examples');
const PLUGIN = 'eslint-plugin-security-logging';
const PREFIX = 'security-logging/';
const SEVERITY = ['off', 'warn', 'error'] as const;

// The examples' eslint.config files import the plugin by name; resolve it to dist/.
const pluginEntry = pathToFileURL(join(root, 'dist', 'index.js')).href;
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === ${JSON.stringify(PLUGIN)}) return { url: ${JSON.stringify(pluginEntry)}, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);

const examples = readdirSync(examplesDir).filter((name) => readdirSync(join(examplesDir, name)).some((file) => /^eslint\.config\.[cm]?js$/u.test(file)));

function configFile(dir: string): string {
  return join(dir, readdirSync(dir).find((file) => /^eslint\.config\.[cm]?js$/u.test(file))!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?[jt]sx?$/u.test(entry.name) && !/^eslint\.config\./u.test(entry.name) ? [path] : [];
  });
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A copy of an example with `.oxlintrc.json` made from the ESLint config, and the plugin linked in. */
async function prepare(name: string, eslintOptions: ESLint.Options): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), `security-logging-oxlint-${name}-`));
  cpSync(join(examplesDir, name), work, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', PLUGIN), 'junction');

  const eslint = new ESLint({ ...eslintOptions, cwd: work });
  const config = (await eslint.calculateConfigForFile(sourceFiles(work)[0]!)) as {
    rules: Record<string, number | [number, ...unknown[]]>;
    settings: Record<string, unknown>;
  };
  const rules = Object.fromEntries(
    Object.entries(config.rules)
      .filter(([id]) => id.startsWith(PREFIX))
      .map(([id, value]) => {
        const [severity, ...options] = Array.isArray(value) ? value : [value];
        return [id, options.length > 0 ? [SEVERITY[severity], ...options] : SEVERITY[severity]];
      }),
  );
  const oxlintrc = {
    jsPlugins: [PLUGIN],
    // Only this plugin's rules, so that the findings can be compared with ESLint's.
    categories: { correctness: 'off' },
    ignorePatterns: ['node_modules/**'],
    rules,
    settings: config.settings,
  };
  writeFileSync(join(work, '.oxlintrc.json'), `${JSON.stringify(oxlintrc, null, 2)}\n`);
  return work;
}

function oxlint(work: string, ...args: string[]) {
  return spawnSync(process.execPath, [oxlintBin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

const works: string[] = [];

afterAll(() => {
  for (const work of works) rmSync(work, { recursive: true, force: true });
});

it('documents a .oxlintrc.json that turns on exactly the recommended rules', () => {
  const page = readFileSync(join(root, 'docs', 'guides', 'oxlint.md'), 'utf8');
  const block = /```jsonc\n([\s\S]*?)\n```/u.exec(page);
  expect(block).not.toBeNull();
  const documented = JSON.parse(block![1]!) as { jsPlugins: string[]; rules: Record<string, string> };
  expect(documented.jsPlugins).toEqual([PLUGIN]);
  expect(documented.rules, 'docs/guides/oxlint.md: list the rules of configs.recommended').toEqual(
    Object.fromEntries(Object.keys(plugin.configs.recommended.rules ?? {}).map((id) => [id, 'error'])),
  );
});

it('finds the examples', () => {
  expect(examples).toEqual(expect.arrayContaining(['express-app', 'fastify-app', 'hono-app', 'koa-app', 'nestjs-app', 'next-app']));
  expect(existsSync(oxlintBin)).toBe(true);
});

describe.each(examples)('oxlint on examples/%s', (name) => {
  const eslintOptions: ESLint.Options = { overrideConfigFile: configFile(join(examplesDir, name)) };
  let work = '';
  let eslintFindings: string[] = [];

  beforeAll(async () => {
    work = await prepare(name, eslintOptions);
    works.push(work);
    const results = await new ESLint({ ...eslintOptions, cwd: work }).lintFiles(['.']);
    eslintFindings = results
      .flatMap((result) =>
        result.messages.map(
          (message) => `${toPosix(relative(work, result.filePath))}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
        ),
      )
      .sort();
  });

  it('loads the plugin and reports exactly what ESLint reports', () => {
    const result = oxlint(work, '--format', 'json', '.');
    expect(result.status, result.stderr).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
    const findings = diagnostics
      .map((diagnostic) => {
        const rule = /^security-logging\((.+)\)$/u.exec(diagnostic.code)?.[1];
        const { line, column } = diagnostic.labels[0]!.span;
        return `${toPosix(diagnostic.filename)}:${line}:${column} ${rule ? PREFIX + rule : diagnostic.code} ${diagnostic.message}`;
      })
      .sort();
    expect(eslintFindings.length).toBeGreaterThan(0);
    expect(findings).toEqual(eslintFindings);
  });

  it('fixes exactly as ESLint does', async () => {
    const eslintWork = await prepare(name, eslintOptions);
    works.push(eslintWork);
    await ESLint.outputFixes(await new ESLint({ ...eslintOptions, cwd: eslintWork, fix: true }).lintFiles(['.']));
    oxlint(work, '--fix', '.');
    const files = sourceFiles(work).map((path) => relative(work, path));
    const changed = files.filter((file) => readFileSync(join(work, file), 'utf8') !== readFileSync(join(examplesDir, name, file), 'utf8'));
    expect(changed.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(join(work, file), 'utf8'), file).toBe(readFileSync(join(eslintWork, file), 'utf8'));
  });
});
