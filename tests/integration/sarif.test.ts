/**
 * The CI job of docs/guides/ci.md, run for real: the ESLint command of the example workflow
 * (docs/guides/ci/security-logging.yml) with the SARIF formatter wrapper
 * (docs/guides/ci/eslint-sarif-formatter.cjs, placed where the workflow expects it) on a copy of
 * examples/express-app. The output must be SARIF 2.1.0 that GitHub code scanning accepts, with one
 * result per ESLint finding, and each result's rule must carry the rule's docs URL (`helpUri`), its
 * CWE ids and its OWASP Top 10:2025 categories (`properties.tags`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';
import { ruleDocsUrl } from '../../src/core/create-rule.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ciDir = join(root, 'docs', 'guides', 'ci');
const eslintBin =
  process.platform === 'win32' ? join(root, 'node_modules', 'eslint', 'bin', 'eslint.js') : join(root, 'node_modules', '.bin', 'eslint');
const PREFIX = 'security-logging/';

interface SarifRule {
  id: string;
  helpUri?: string;
  shortDescription?: { text: string };
  properties?: { tags?: string[] };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number; startColumn?: number } } }[];
}
interface SarifLog {
  version: string;
  $schema: string;
  runs: { tool: { driver: { name: string; informationUri?: string; rules: SarifRule[] } }; artifacts?: { location: { uri: string } }[]; results: SarifResult[] }[];
}

/** The arguments after `npx eslint` in the workflow's ESLint step. */
function workflowEslintArgs(): string[] {
  const workflow = readFileSync(join(ciDir, 'security-logging.yml'), 'utf8');
  const run = /^\s*run: npx eslint (.*--format .*)$/mu.exec(workflow);
  if (!run) throw new Error('docs/guides/ci/security-logging.yml has no `run: npx eslint … --format …` step');
  return run[1].trim().split(/\s+/u);
}

let work = '';
let sarif: SarifLog;
let findings: string[] = [];
let args: string[] = [];

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'security-logging-sarif-'));
  cpSync(join(root, 'examples', 'express-app'), work, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
  mkdirSync(join(work, 'node_modules', '@microsoft'), { recursive: true });
  symlinkSync(root, join(work, 'node_modules', 'eslint-plugin-security-logging'), 'junction');
  symlinkSync(
    join(root, 'node_modules', '@microsoft', 'eslint-formatter-sarif'),
    join(work, 'node_modules', '@microsoft', 'eslint-formatter-sarif'),
    'junction',
  );

  args = workflowEslintArgs();
  const formatter = args[args.indexOf('--format') + 1]!;
  const output = args[args.indexOf('--output-file') + 1]!;
  mkdirSync(dirname(join(work, formatter)), { recursive: true });
  cpSync(join(ciDir, 'eslint-sarif-formatter.cjs'), join(work, formatter));

  const run = (extra: string[]) =>
    spawnSync(process.execPath, [eslintBin, ...extra], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const lint = run(args);
  // ESLint exits 1 when it found errors, 2 when it crashed.
  if (lint.status !== 1) throw new Error(`eslint exited ${lint.status}:\n${lint.stdout}${lint.stderr}`);
  sarif = JSON.parse(readFileSync(join(work, output), 'utf8')) as SarifLog;

  const json = run(['--format', 'json', '.']);
  findings = (JSON.parse(json.stdout) as ESLint.LintResult[])
    .flatMap((result) => result.messages.map((message) => `${relative(work, result.filePath).split(sep).join('/')}:${message.line} ${message.ruleId}`))
    .sort();
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('SARIF output of the CI workflow on examples/express-app', () => {
  it('writes to a file with the wrapper formatter', () => {
    expect(args).toEqual(expect.arrayContaining(['--format', '--output-file']));
    expect(args[args.indexOf('--format') + 1]).toMatch(/^\.\/.+\.cjs$/u);
  });

  it('is a SARIF 2.1.0 log with one ESLint run', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/u);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.name).toBe('ESLint');
    expect(Array.isArray(sarif.runs[0].tool.driver.rules)).toBe(true);
  });

  it('has one result per ESLint finding, each pointing at its rule and a file location', () => {
    const { results, tool } = sarif.runs[0];
    const driverRules = tool.driver.rules;
    expect(results.length).toBeGreaterThan(0);
    const located = results.map((result) => {
      const location = result.locations[0].physicalLocation;
      return `${relative(work, fileURLToPath(location.artifactLocation.uri)).split(sep).join('/')}:${location.region.startLine} ${result.ruleId}`;
    });
    expect(located.sort()).toEqual(findings);
    for (const result of results) {
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(20);
      expect(driverRules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\//u);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(driverRules.map((rule) => rule.id)).size).toBe(driverRules.length);
  });

  it("gives each result's rule its docs URL, CWE ids and OWASP Top 10:2025 categories", () => {
    const { results, tool } = sarif.runs[0];
    const ruleIds = new Set(results.map((result) => result.ruleId));
    expect(ruleIds.size).toBeGreaterThanOrEqual(4);
    for (const ruleId of ruleIds) {
      expect(ruleId.startsWith(PREFIX), ruleId).toBe(true);
      const name = ruleId.slice(PREFIX.length) as keyof typeof rules;
      const docs = rules[name].meta.docs!;
      const rule = tool.driver.rules.find((candidate) => candidate.id === ruleId)!;
      expect(rule.helpUri).toBe(ruleDocsUrl(name));
      expect(rule.shortDescription?.text).toBe(docs.description);
      const tags = rule.properties?.tags ?? [];
      expect(docs.cwe.length).toBeGreaterThan(0);
      expect(docs.owasp.length).toBeGreaterThan(0);
      for (const cwe of docs.cwe) {
        expect(tags).toContain(cwe);
        expect(tags).toContain(`external/cwe/${cwe.toLowerCase()}`);
      }
      for (const category of docs.owasp) {
        expect(category).toMatch(/^A\d{2}:2025$/u);
        expect(tags).toContain(`OWASP-${category}`);
      }
      expect(tags).toContain('security');
    }
  });

  it('links artifacts to the linted files', () => {
    const uris = new Set(sarif.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri));
    for (const uri of uris) expect(existsSync(fileURLToPath(uri)), uri).toBe(true);
    expect([...uris].every((uri) => uri.startsWith(pathToFileURL(work).href))).toBe(true);
  });
});
