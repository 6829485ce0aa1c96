/**
 * The package as a user gets it: `npm pack` the build, install the tarball with eslint into a
 * temporary project, and lint with flat configs written as ESM (`eslint.config.mjs`) and as
 * CommonJS (`eslint.config.cjs`). Also run publint on the same tarball.
 * Needs dist/ (built by `npm test` before vitest) and npm; packages come from npm's cache when
 * `npm ci` has filled it, else from the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const eslintVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'eslint', 'package.json'), 'utf8')) as { version: string })
  .version;

const SILENT_CATCH = `export async function loadProfile(cache, id) {
  try {
    return await cache.get(id);
  } catch (err) {
    return null;
  }
}
`;

let workDir = '';
let tarball = '';

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function lint(dir: string): { ruleId: string | null; line: number; message: string }[] {
  const result = run(process.execPath, [join(workDir, 'consumer', 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', 'profile.js'], dir);
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
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `eslint@${eslintVersion}`],
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
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([['security-logging/no-silent-catch', 5]]);
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

  it('passes publint with no errors, warnings or suggestions', () => {
    const result = run(process.execPath, [join(root, 'node_modules', 'publint', 'src', 'cli.js'), 'run', tarball, '--strict'], root);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('All good!');
    expect(result.stdout).not.toMatch(/Suggestions?:|Warnings?:|Errors?:/u);
  });
});
