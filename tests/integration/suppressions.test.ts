/**
 * docs/guides/adopting.md, run for real: ESLint's bulk suppressions with the ESLint CLI
 * (node_modules/.bin/eslint) on a copy of examples/express-app, whose eslint.config.js imports the
 * plugin by its package name (a node_modules link to this repository, built by `npm test`).
 *   1. `eslint --suppress-all` records today's findings in eslint-suppressions.json: exit 0;
 *   2. a new finding fails the run (exit 1) and is the only one reported;
 *   3. once suppressed findings are fixed, ESLint fails on the unused suppressions (exit 2) until
 *      `eslint --prune-suppressions` shrinks the file to what is left.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslintBin =
  process.platform === 'win32' ? join(root, 'node_modules', 'eslint', 'bin', 'eslint.js') : join(root, 'node_modules', '.bin', 'eslint');
const SUPPRESSIONS = 'eslint-suppressions.json';
const UNUSED = 'There are suppressions left that do not occur anymore';

type Counts = Record<string, Record<string, { count: number }>>;

let work = '';

function eslint(...args: string[]) {
  return spawnSync(process.execPath, [eslintBin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Errors per file and rule, in the shape of eslint-suppressions.json. */
function countErrors(results: ESLint.LintResult[]): Counts {
  const counts: Counts = {};
  for (const result of results) {
    for (const message of result.messages) {
      if (message.severity !== 2 || message.ruleId === null) continue;
      const file = (counts[toPosix(relative(work, result.filePath))] ??= {});
      file[message.ruleId] = { count: (file[message.ruleId]?.count ?? 0) + 1 };
    }
  }
  return counts;
}

/** What the plugin finds now, suppressions aside (the Node.js API applies them only when asked). */
async function currentErrors(): Promise<Counts> {
  return countErrors(await new ESLint({ cwd: work }).lintFiles(['.']));
}

function readSuppressions(): Counts {
  return JSON.parse(readFileSync(join(work, SUPPRESSIONS), 'utf8')) as Counts;
}

function total(counts: Counts): number {
  return Object.values(counts)
    .flatMap((rules) => Object.values(rules))
    .reduce((sum, { count }) => sum + count, 0);
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'security-logging-suppressions-'));
  cpSync(join(root, 'examples', 'express-app'), work, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', 'eslint-plugin-security-logging'), 'junction');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('bulk suppressions on examples/express-app', () => {
  let before: Counts = {};

  it('fails before anything is suppressed', async () => {
    before = await currentErrors();
    expect(total(before)).toBeGreaterThan(3);
    const result = eslint('.');
    expect(result.status, result.stderr).toBe(1);
  });

  it('`eslint --suppress-all` records every finding by file and rule, and exits 0', () => {
    const result = eslint('--suppress-all', '.');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readSuppressions()).toEqual(before);
  });

  it('then passes with the suppressions file', () => {
    const result = eslint('.');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });

  it('fails on a new finding, and reports only that one', () => {
    const added = join(work, 'src', 'routes', 'health.js');
    writeFileSync(
      added,
      `import { Router } from 'express';

export const healthRouter = Router();

healthRouter.get('/health', async (req, res) => {
  try {
    await fetch(process.env.UPSTREAM_URL);
  } catch (err) {
    return res.status(503).json({ status: 'down' });
  }
  return res.json({ status: 'up' });
});
`,
    );
    try {
      const result = eslint('--format', 'json', '.');
      expect(result.status, result.stderr).toBe(1);
      const reported = (JSON.parse(result.stdout) as ESLint.LintResult[]).flatMap((file) =>
        file.messages.map((message) => `${toPosix(relative(work, file.filePath))}:${message.line} ${message.ruleId}`),
      );
      expect(reported).toEqual(['src/routes/health.js:9 security-logging/no-silent-catch']);
    } finally {
      unlinkSync(added);
    }
    expect(eslint('.').status).toBe(0);
  });

  it('fails on unused suppressions once findings are fixed, until `--prune-suppressions` shrinks the file', async () => {
    // The example's config sets a logger, so `--fix` inserts the missing logs.
    const fix = eslint('--fix', '.');
    expect(fix.status, fix.stdout).toBe(2);
    expect(fix.stderr).toContain(UNUSED);
    const left = await currentErrors();
    expect(total(left)).toBeLessThan(total(before));

    const again = eslint('.');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(UNUSED);
    expect(eslint('--pass-on-unpruned-suppressions', '.').status).toBe(0);

    const prune = eslint('--prune-suppressions', '.');
    expect(prune.status, prune.stdout + prune.stderr).toBe(0);
    const pruned = readSuppressions();
    expect(total(pruned)).toBeLessThan(total(before));
    expect(pruned).toEqual(left);

    const after = eslint('.');
    expect(after.status, after.stdout + after.stderr).toBe(0);
  });
});
