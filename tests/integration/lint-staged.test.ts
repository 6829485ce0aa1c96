/**
 * The pre-commit setup of docs/guides/ci.md, run for real: the two lint-staged configurations
 * documented there (read from the page, the JSON blocks after `<!-- tested: lint-staged … -->`),
 * run by lint-staged in a temporary git repository holding a copy of examples/express-app (whose
 * eslint.config.js imports the plugin by its package name: a node_modules link to this repository).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const lintStagedBin = require.resolve('lint-staged/bin');
const env = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  // lint-staged runs `eslint` from the PATH; the repository's copy stands in for the project's.
  PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** The lint-staged configuration documented under `<!-- tested: <label> -->` in docs/guides/ci.md. */
function documentedConfig(label: string): Record<string, string> {
  const page = readFileSync(join(root, 'docs', 'guides', 'ci.md'), 'utf8');
  const marker = `<!-- tested: ${label} -->\n\`\`\`json\n`;
  const start = page.indexOf(marker);
  if (start === -1) throw new Error(`docs/guides/ci.md has no JSON block marked "tested: ${label}"`);
  const body = page.slice(start + marker.length, page.indexOf('\n```', start + marker.length));
  return (JSON.parse(body) as { 'lint-staged': Record<string, string> })['lint-staged'];
}

const SWALLOWED = `import { Router } from 'express';

export const healthRouter = Router();

healthRouter.get('/health', async (req, res) => {
  try {
    await fetch(process.env.UPSTREAM_URL);
  } catch (err) {
    return res.status(503).json({ status: 'down' });
  }
  return res.json({ status: 'up' });
});
`;

const LEAKED_KEY = `import { logger } from '#logger';

export function auditKey(req) {
  logger.info({ apiKey: req.get('x-api-key'), path: req.path }, 'admin call');
}
`;

const CLEAN = `import { logger } from '#logger';

export function auditCall(req) {
  logger.info({ path: req.path, ip: req.ip }, 'admin call');
}
`;

let work = '';

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: work, encoding: 'utf8', env });
}

function lintStaged() {
  const result = spawnSync(process.execPath, [lintStagedBin], { cwd: work, encoding: 'utf8', env });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Use a lint-staged configuration, committed in package.json like a project would. */
function useConfig(config: Record<string, string>): void {
  const pkg = JSON.parse(readFileSync(join(work, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(work, 'package.json'), `${JSON.stringify({ ...pkg, 'lint-staged': config }, null, 2)}\n`);
  git('add', 'package.json');
  git('commit', '--quiet', '--no-verify', '-m', 'Configure lint-staged');
}

function stage(path: string, text: string): void {
  writeFileSync(join(work, path), text);
  git('add', path);
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'security-logging-lint-staged-'));
  cpSync(join(root, 'examples', 'express-app'), work, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', 'eslint-plugin-security-logging'), 'junction');
  writeFileSync(join(work, '.gitignore'), 'node_modules/\n');
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '--no-verify', '-m', 'The example app, with its findings');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('lint-staged with `eslint --max-warnings=0`', () => {
  beforeAll(() => useConfig(documentedConfig('lint-staged')));

  it('stops a commit that adds a finding, reporting only the staged file', () => {
    stage('src/routes/health.js', SWALLOWED);
    const { status, output } = lintStaged();
    expect(status, output).toBe(1);
    expect(output).toContain('src/routes/health.js');
    expect(output).toContain('security-logging/no-silent-catch');
    // The committed files have findings too, but they are not part of this commit.
    expect(output).not.toContain('cleanup.js');
    // Without --fix nothing changes: the staged file is as it was.
    expect(git('show', ':src/routes/health.js')).toBe(SWALLOWED);
    git('rm', '--quiet', '--cached', 'src/routes/health.js');
    rmSync(join(work, 'src', 'routes', 'health.js'));
  });

  it('lets a clean change through', () => {
    stage('src/routes/audit.js', CLEAN);
    const { status, output } = lintStaged();
    expect(status, output).toBe(0);
    git('commit', '--quiet', '--no-verify', '-m', 'Add an audit helper');
  });
});

describe('lint-staged with `eslint --fix --max-warnings=0`', () => {
  beforeAll(() => useConfig(documentedConfig('lint-staged --fix')));

  it('applies the autofix to the staged file and lets the commit through', () => {
    stage('src/routes/health.js', SWALLOWED);
    const { status, output } = lintStaged();
    expect(status, output).toBe(0);
    const staged = git('show', ':src/routes/health.js');
    expect(staged).not.toBe(SWALLOWED);
    // The example configures its pino logger behind the `#logger` import for fixes.
    expect(staged).toContain("import { logger } from '#logger';");
    expect(staged).toMatch(/catch \(err\) \{\n\s+logger\.error\(\{ err \}, '[^']+'\);\n\s+return res\.status\(503\)/u);
    git('commit', '--quiet', '--no-verify', '-m', 'Add a health route');
  });

  it('still stops a commit whose finding needs a human', () => {
    stage('src/routes/keys.js', LEAKED_KEY);
    const { status, output } = lintStaged();
    expect(status, output).toBe(1);
    expect(output).toContain('src/routes/keys.js');
    expect(output).toContain('security-logging/no-raw-secret-in-log');
  });
});
