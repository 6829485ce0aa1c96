/**
 * Checks of the package as published and of the repository's hygiene:
 *  - @arethetypeswrong/cli on the packed tarball (publint runs on it in consumer.test.ts);
 *  - knip: no unused files, exports or dependencies (configuration in knip.jsonc).
 * Needs dist/ (built by `npm test` before vitest).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const attwBin = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
const knipBin = join(root, 'node_modules', 'knip', 'bin', 'knip.js');

let workDir = '';
let tarball = '';

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  workDir = mkdtempSync(join(tmpdir(), 'security-logging-package-'));
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string }[];
  tarball = join(workDir, packed[0].filename);
}, 120_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('are the types wrong?', () => {
  interface AttwResult {
    analysis: { problems: { kind: string; entrypoint?: string; resolutionKind?: string }[] };
    problems?: Record<string, unknown[]>;
  }

  function attw(...args: string[]) {
    const result = spawnSync(process.execPath, [attwBin, tarball, '--format', 'json', '--no-color', ...args], { cwd: root, encoding: 'utf8' });
    return { status: result.status, report: JSON.parse(result.stdout) as AttwResult, stderr: result.stderr };
  }

  // The package is ESM only. Node.js >= 20.19 (package.json "engines") can require() it, and
  // consumer.test.ts loads it from an eslint.config.cjs; attw's node10 and node16-from-CommonJS
  // resolutions predate require(esm), which is why the esm-only profile leaves them out.
  it('finds no problem for ESM consumers and bundlers (profile esm-only)', () => {
    const { status, report, stderr } = attw('--profile', 'esm-only');
    expect(stderr).toBe('');
    const problems = report.analysis.problems.filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''));
    expect(problems).toEqual([]);
    expect(status).toBe(0);
  });

  it('finds, under the strict profile, only that CommonJS resolves to ESM', () => {
    const { report } = attw();
    const kinds = [...new Set(report.analysis.problems.map((problem) => problem.kind))];
    expect(kinds).toEqual(['CJSResolvesToESM']);
  });
});

describe('knip', () => {
  interface KnipIssue {
    file: string;
    [type: string]: unknown;
  }

  /** `<file> <type> <name>` for every issue knip reports. */
  function knipIssues(): string[] {
    const result = spawnSync(process.execPath, [knipBin, '--reporter', 'json', '--no-progress'], { cwd: root, encoding: 'utf8' });
    if (result.status === 2 || result.stdout.trim() === '') throw new Error(`knip failed:\n${result.stderr}`);
    const report = JSON.parse(result.stdout) as { issues: KnipIssue[] };
    return report.issues.flatMap((issue) =>
      Object.entries(issue).flatMap(([type, value]) =>
        Array.isArray(value) ? value.map((item: { name: string }) => `${issue.file} ${type} ${item.name}`) : [],
      ),
    );
  }

  // Unused exports in files this check does not own, reported to their authors. Remove an entry
  // when the export is used or deleted; a new issue, or an entry that no longer applies, fails.
  const KNOWN: string[] = [];

  it('reports no unused file, export or dependency beyond the known list', () => {
    expect(knipIssues().sort()).toEqual([...KNOWN].sort());
  }, 240_000);
});
