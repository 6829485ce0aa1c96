/**
 * The package as a user gets it: `npm pack` the build, install the tarball with eslint into a
 * temporary project, and lint with flat configs written as ESM (`eslint.config.mjs`) and as
 * CommonJS (`eslint.config.cjs`). Each README usage snippet (marked `<!-- consumer-test: name -->`)
 * is copied verbatim into its own folder with the sources of tests/fixtures/consumer/<name>/ and
 * must produce the expected findings. The project also holds a newer typescript-eslint 8.x than
 * the plugin was built with: npm must install one @typescript-eslint/utils, not two.
 * Also run publint on the same tarball.
 * Needs dist/ (built by `npm test` before vitest) and npm; packages come from npm's cache when
 * `npm ci` has filled it, else from the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const eslintVersion = versionOf('eslint');
const typescriptVersion = versionOf('typescript');
/** Newer than the @typescript-eslint/utils the plugin is developed with (8.72.0). */
const NEWER_TYPESCRIPT_ESLINT = '8.74.0';
const fixturesDir = join(root, 'tests', 'fixtures', 'consumer');

const SILENT_CATCH = readFileSync(join(fixturesDir, 'esm', 'profile.js'), 'utf8');

/** The README's usage snippets, by the name in their `<!-- consumer-test: name -->` marker. */
function readmeSnippets(): Map<string, { file: string; code: string }> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const snippets = new Map<string, { file: string; code: string }>();
  for (const match of readme.matchAll(/<!-- consumer-test: ([\w-]+) -->\n```js\n([\s\S]*?)```/gu)) {
    const code = match[2];
    const file = /^\/\/ (eslint\.config\.[cm]?js)\n/u.exec(code)?.[1];
    if (!file) throw new Error(`README snippet ${match[1]} does not start with // eslint.config.*`);
    snippets.set(match[1], { file, code });
  }
  return snippets;
}

/** What each README snippet must report on its fixture folder: [file, rule, line]. */
const EXPECTED: Record<string, [string, string, number][]> = {
  esm: [['profile.js', 'security-logging/no-silent-catch', 4]],
  cjs: [['profile.js', 'security-logging/no-silent-catch', 9]],
  ts: [['profile.ts', 'security-logging/no-silent-catch', 15]],
  'ts-typed': [
    ['profile.ts', 'security-logging/no-silent-catch', 15],
    ['profile.ts', 'security-logging/background-task-error-handling', 20],
  ],
};

let workDir = '';
let tarball = '';

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[];
}

function eslintIn(dir: string, args: string[]) {
  return run(process.execPath, [join(workDir, 'consumer', 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], dir);
}

function lint(dir: string): { ruleId: string | null; line: number; message: string }[] {
  const result = eslintIn(dir, ['--format', 'json', 'profile.js']);
  // ESLint exits 1 when it found errors, 2 when it crashed.
  expect(result.status, result.stderr).toBe(1);
  const [file, ...others] = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
  expect(others).toEqual([]);
  expect(file.filePath).toBe(join(dir, 'profile.js'));
  return file.messages;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  workDir = mkdtempSync(join(tmpdir(), 'security-logging-consumer-'));
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string }[];
  tarball = join(workDir, packed[0].filename);

  const project = join(workDir, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true }, null, 2)}\n`);
  const install = run(
    npm,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      tarball,
      `eslint@${eslintVersion}`,
      `typescript@${typescriptVersion}`,
      `typescript-eslint@${NEWER_TYPESCRIPT_ESLINT}`,
      `@typescript-eslint/parser@${NEWER_TYPESCRIPT_ESLINT}`,
    ],
    project,
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);

  for (const [dir, configFile, config] of [
    [
      'esm',
      'eslint.config.mjs',
      "import securityLogging from 'eslint-plugin-security-logging';\n\nexport default [securityLogging.configs.recommended];\n",
    ],
    [
      'cjs',
      'eslint.config.cjs',
      "const securityLogging = require('eslint-plugin-security-logging');\n\nmodule.exports = [securityLogging.configs.recommended];\n",
    ],
    [
      'bad-settings',
      'eslint.config.mjs',
      "import securityLogging from 'eslint-plugin-security-logging';\n\nexport default [\n  securityLogging.configs.recommended,\n  { settings: { 'security-logging': { logger: { name: 'logger', style: 'log4j' } } } },\n];\n",
    ],
  ]) {
    mkdirSync(join(project, dir));
    writeFileSync(join(project, dir, configFile), config);
    writeFileSync(join(project, dir, 'profile.js'), SILENT_CATCH);
  }

  for (const [name, snippet] of readmeSnippets()) {
    const dir = join(project, 'readme', name);
    mkdirSync(dir, { recursive: true });
    cpSync(join(fixturesDir, name), dir, { recursive: true });
    writeFileSync(join(dir, snippet.file), snippet.code);
  }
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('installed from the packed tarball', () => {
  it('ships only the build, docs, README and LICENSE', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/index.js');
    expect(listing).toContain('package/dist/index.d.ts');
    expect(listing).toContain('package/README.md');
    expect(listing).toContain('package/LICENSE');
    const unexpected = listing.filter((path) => !/^package\/(?:dist\/|docs\/|README\.md$|LICENSE$|package\.json$)/u.test(path));
    expect(unexpected).toEqual([]);
  });

  it.each(['esm', 'cjs'])('reports a silent catch with a %s flat config', (dir) => {
    const messages = lint(join(workDir, 'consumer', dir));
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([['security-logging/no-silent-catch', 4]]);
    expect(messages[0].message).toMatch(/swallows the error/u);
  });

  it('stops with one readable error naming the key when a setting is wrong', () => {
    const dir = join(workDir, 'consumer', 'bad-settings');
    const result = run(process.execPath, [join(workDir, 'consumer', 'node_modules', 'eslint', 'bin', 'eslint.js'), 'profile.js'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `SettingsError: eslint-plugin-security-logging: invalid settings['security-logging']: "logger.style" must be one of "pino", "winston", "bunyan", "console", "nest", "log4js"; got "log4j".`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('installs one @typescript-eslint/utils beside a newer typescript-eslint 8.x', () => {
    const result = run(npm, ['ls', '@typescript-eslint/utils', '--all', '--json'], join(workDir, 'consumer'));
    expect(result.status, result.stderr).toBe(0);
    const versions = new Set<string>();
    const visit = (node: { dependencies?: Record<string, { version?: string; dependencies?: unknown }> }): void => {
      for (const [dependency, child] of Object.entries(node.dependencies ?? {})) {
        if (dependency === '@typescript-eslint/utils' && child.version) versions.add(child.version);
        visit(child as Parameters<typeof visit>[0]);
      }
    };
    visit(JSON.parse(result.stdout) as Parameters<typeof visit>[0]);
    expect([...versions]).toEqual([NEWER_TYPESCRIPT_ESLINT]);
    const copies = readdirSync(join(workDir, 'consumer', 'node_modules', '@typescript-eslint')).filter((entry) => entry === 'utils');
    expect(copies).toEqual(['utils']);
    const nested = run('find', ['node_modules', '-path', '*/node_modules/*/node_modules/@typescript-eslint/utils'], join(workDir, 'consumer'));
    expect(nested.stdout.trim()).toBe('');
  });

  it('passes publint with no errors, warnings or suggestions', () => {
    const result = run(process.execPath, [join(root, 'node_modules', 'publint', 'src', 'cli.js'), 'run', tarball, '--strict'], root);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('All good!');
    expect(result.stdout).not.toMatch(/Suggestions?:|Warnings?:|Errors?:/u);
  });
});

describe('the README usage snippets, pasted into a project', () => {
  it('marks the four snippets: ES modules, CommonJS, TypeScript parser-only and typed', () => {
    expect([...readmeSnippets().keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s: reports the expected findings and nothing else', (name) => {
    const dir = join(workDir, 'consumer', 'readme', name);
    const result = eslintIn(dir, ['--format', 'json', '.']);
    expect(result.status, result.stderr).toBe(1);
    const findings = (JSON.parse(result.stdout) as LintResult[]).flatMap((file) =>
      file.messages.map((message) => [file.filePath.slice(dir.length + 1), message.ruleId, message.line]),
    );
    expect(findings.sort()).toEqual([...EXPECTED[name]].sort());
  });

  it('needs the CommonJS snippet: the ES-modules one cannot parse a CommonJS file with a top-level return', () => {
    const dir = join(workDir, 'consumer', 'readme', 'cjs');
    const esm = readmeSnippets().get('esm')!;
    writeFileSync(join(dir, 'esm.config.mjs'), esm.code);
    const result = eslintIn(dir, ['--format', 'json', '--config', 'esm.config.mjs', 'profile.js']);
    const [file] = JSON.parse(result.stdout) as LintResult[];
    expect(file.messages.filter((message) => message.fatal).map((message) => message.line)).toEqual([4]);
  });

  it("gives every finding a docs link to the rule's page inside the installed package", () => {
    const dir = join(workDir, 'consumer', 'readme', 'ts-typed');
    const result = eslintIn(dir, ['--format', 'json-with-metadata', '.']);
    const { results, metadata } = JSON.parse(result.stdout) as {
      results: LintResult[];
      metadata: { rulesMeta: Record<string, { docs?: { url?: string } }> };
    };
    const ruleIds = new Set(results.flatMap((file) => file.messages.map((message) => message.ruleId!)));
    expect(ruleIds.size).toBeGreaterThan(0);
    const installed = join(workDir, 'consumer', 'node_modules', 'eslint-plugin-security-logging');
    for (const ruleId of ruleIds) {
      const url = metadata.rulesMeta[ruleId]?.docs?.url;
      const name = ruleId.replace('security-logging/', '');
      expect(url).toBe(pathToFileURL(join(installed, 'docs', 'rules', `${name}.md`)).href);
      expect(existsSync(fileURLToPath(url!)), url).toBe(true);
    }
  });
});
