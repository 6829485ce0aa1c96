/**
 * The framework examples (examples/<name>/ with an expected-findings.json): lint each with its own
 * eslint.config (the plugin's recommended config, typescript-eslint's parser for TypeScript, and a
 * logger setting for fixes) through the built plugin (dist/, built by `npm test` before vitest) and
 * compare the findings — file, line, rule, message id — with the checked-in list, exactly. Each
 * listed line carries a `// planted: <rule>` comment and each such comment is listed.
 * Then `eslint --fix` a copy of the example and check that what is left is exactly the list of
 * findings that need a human (`afterFix`), that the fixes parse, introduce no undefined name and
 * are stable (a second --fix changes nothing).
 * examples/express-app is checked by example-app.test.ts (planted markers only).
 *
 * The guides in docs/guides/ show those findings: a line `❌ <text naming the rules>` or
 * `✅ <text>`, optionally followed by `<!-- settings: {...} -->`, then a fenced js/ts block. A ❌
 * block must report exactly the rules named on its marker line (as `security-logging/<rule>`), a
 * ✅ block nothing; a ✅ block that says it is "what `eslint --fix` writes" must be exactly the
 * fixed output of the ❌ block before it, linted with that block's settings.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const examplesDir = join(root, 'examples');
const pluginEntry = pathToFileURL(join(root, 'dist', 'index.js')).href;

// The examples are not installed; resolve their `eslint-plugin-security-logging` import to dist/.
// (typescript-eslint, imported by the TypeScript examples' configs, resolves to the repository's.)
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'eslint-plugin-security-logging') return { url: ${JSON.stringify(pluginEntry)}, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);

interface Finding {
  file: string;
  line: number;
  rule: string;
  messageId: string;
}
type Remaining = Omit<Finding, 'line'> & { reason: string };
interface Expected {
  findings: Finding[];
  afterFix: Remaining[];
}

const PREFIX = 'security-logging/';
const FRAMEWORK_EXAMPLES = ['fastify-app', 'hono-app', 'koa-app', 'nestjs-app', 'next-app'];
const examples = readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, 'expected-findings.json')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.[cm]?[jt]sx?$/u.test(entry.name) && !/^eslint\.config\./u.test(entry.name) ? [path] : [];
  });
}

function configFile(dir: string): string {
  const found = readdirSync(dir).filter((file) => /^eslint\.config\.[cm]?[jt]s$/u.test(file));
  expect(found, `one eslint.config in ${dir}`).toHaveLength(1);
  return join(dir, found[0]);
}

/** `file:line rule` for every `// planted: <rule>[, <rule>]` comment of an example. */
function plantedMarks(dir: string): string[] {
  return sourceFiles(dir).flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((text, index) =>
        (/\/\/ planted: ([a-z-]+(?:, [a-z-]+)*)/u.exec(text)?.[1].split(', ') ?? []).map(
          (rule) => `${toPosix(relative(dir, path))}:${index + 1} ${rule}`,
        ),
      ),
  );
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.messageId.localeCompare(b.messageId);
}

/** The plugin's findings in lint results, and any problem that is not a rule's finding (parse or config errors). */
function collect(results: ESLint.LintResult[], dir: string) {
  const findings: (Finding & { fixable: boolean })[] = [];
  const problems: string[] = [];
  const undefinedNames = new Set<string>();
  for (const result of results) {
    const file = toPosix(relative(dir, result.filePath));
    for (const message of result.messages) {
      if (message.ruleId === 'no-undef') {
        undefinedNames.add(`${file} ${/'([^']+)'/u.exec(message.message)?.[1]}`);
      } else if (message.ruleId?.startsWith(PREFIX) && !message.fatal) {
        findings.push({
          file,
          line: message.line,
          rule: message.ruleId.slice(PREFIX.length),
          messageId: message.messageId ?? '',
          fixable: message.fix !== undefined,
        });
      } else {
        problems.push(`${file}:${message.line} ${message.ruleId ?? ''} ${message.message}`);
      }
    }
  }
  return { findings: findings.sort(byPosition), problems, undefinedNames };
}

const recommended = Object.keys(plugin.configs.recommended.rules ?? {}).map((id) => id.slice(PREFIX.length));

it('has a checked example for every framework', () => {
  expect(examples).toEqual(expect.arrayContaining(FRAMEWORK_EXAMPLES));
});

describe.each(examples)('examples/%s', (name) => {
  const dir = join(examplesDir, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected-findings.json'), 'utf8')) as Expected;
  let linted: ReturnType<typeof collect>;

  beforeAll(async () => {
    linted = collect(await new ESLint({ cwd: dir }).lintFiles(['.']), dir);
  });

  it('lists its planted findings, one entry per `// planted:` comment', () => {
    const listed = expected.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`).sort();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(plantedMarks(dir).sort());
    for (const finding of expected.findings) expect(recommended, `${name}: ${finding.rule} is not in recommended`).toContain(finding.rule);
  });

  it('is linted by its eslint.config without parse or config errors', () => {
    expect(sourceFiles(dir).length).toBeGreaterThanOrEqual(4);
    expect(linted.problems).toEqual([]);
  });

  it('gets exactly the expected findings (file, line, rule, message id)', () => {
    expect(linted.findings.map(({ fixable: _fixable, ...finding }) => finding)).toEqual([...expected.findings].sort(byPosition));
  });

  describe('after eslint --fix', () => {
    let work = '';
    let before: ReturnType<typeof collect>;
    let after: ReturnType<typeof collect>;
    let secondPass: ESLint.LintResult[] = [];

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), `security-logging-${name}-`));
      cpSync(dir, work, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
      // The copy uses the example's own config file (so its imports resolve from the repository);
      // relative paths in the settings resolve against `cwd`, the copy. `no-undef` is added to see
      // whether a fix introduced a name that is not defined.
      const options: ESLint.Options = {
        cwd: work,
        overrideConfigFile: configFile(dir),
        overrideConfig: { rules: { 'no-undef': 'error' } },
      };
      before = collect(await new ESLint(options).lintFiles(['.']), work);
      await ESLint.outputFixes(await new ESLint({ ...options, fix: true }).lintFiles(['.']));
      after = collect(await new ESLint(options).lintFiles(['.']), work);
      secondPass = await new ESLint({ ...options, fix: true }).lintFiles(['.']);
    });

    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('sees the same findings in the copy before fixing', () => {
      expect(before.findings.map(({ fixable: _fixable, ...finding }) => finding)).toEqual([...expected.findings].sort(byPosition));
    });

    it('leaves exactly the findings that need a human, none of them autofixable', () => {
      expect(after.problems).toEqual([]);
      const key = (finding: Omit<Finding, 'line'>) => `${finding.file} ${finding.rule} ${finding.messageId}`;
      expect(after.findings.map(key).sort()).toEqual(expected.afterFix.map(key).sort());
      expect(after.findings.filter((finding) => finding.fixable)).toEqual([]);
      for (const remaining of expected.afterFix) expect(remaining.reason, key(remaining)).toMatch(/\w{3,}/u);
    });

    it('fixes every other finding', () => {
      expect(expected.findings.length).toBeGreaterThan(expected.afterFix.length);
      const changed = sourceFiles(work).filter((path) => readFileSync(path, 'utf8') !== readFileSync(join(dir, relative(work, path)), 'utf8'));
      const fixedFiles = new Set(expected.findings.map((finding) => finding.file));
      for (const path of changed) expect(fixedFiles).toContain(toPosix(relative(work, path)));
      expect(changed.length).toBeGreaterThan(0);
    });

    it('introduces no undefined name', () => {
      // no-undef ran: it reports Node globals such as `process` in every example.
      expect(before.undefinedNames.size).toBeGreaterThan(0);
      expect([...after.undefinedNames].filter((entry) => !before.undefinedNames.has(entry))).toEqual([]);
    });

    it('is stable: a second --fix changes nothing', () => {
      expect(secondPass.filter((result) => result.output !== undefined).map((result) => relative(work, result.filePath))).toEqual([]);
    });
  });
});

interface GuideBlock {
  guide: string;
  line: number;
  kind: '❌' | '✅';
  marker: string;
  language: string;
  settings: Record<string, unknown> | undefined;
  code: string;
}

const guidesDir = join(root, 'docs', 'guides');
const FRAMEWORK_GUIDES = ['express.md', 'fastify.md', 'hono.md', 'koa.md', 'nestjs.md', 'nextjs.md'];
const FIX_CLAIM = 'what `eslint --fix` writes';

function guideBlocks(guide: string): GuideBlock[] {
  const lines = readFileSync(join(guidesDir, guide), 'utf8').split('\n');
  const blocks: GuideBlock[] = [];
  lines.forEach((text, index) => {
    const marker = /^(❌|✅)(.*)$/u.exec(text);
    if (!marker) return;
    let next = index + 1;
    const settings = /^<!-- settings: (.*) -->$/u.exec(lines[next] ?? '');
    if (settings) next += 1;
    while (lines[next]?.trim() === '') next += 1;
    const fence = /^```(js|jsx|ts|tsx)$/u.exec(lines[next] ?? '');
    if (!fence) throw new Error(`docs/guides/${guide}:${index + 1}: a ${marker[1]} line must be followed by a fenced js or ts block`);
    const end = lines.indexOf('```', next + 1);
    blocks.push({
      guide,
      line: index + 1,
      kind: marker[1] as '❌' | '✅',
      marker: marker[2],
      language: fence[1],
      settings: settings ? (JSON.parse(settings[1]) as Record<string, unknown>) : undefined,
      code: `${lines.slice(next + 1, end).join('\n')}\n`,
    });
  });
  return blocks;
}

function guideConfig(block: GuideBlock): Linter.Config[] {
  const typescript = block.language.startsWith('ts');
  return [
    {
      files: [`**/*.${block.language}`],
      ...(plugin.configs.recommended as Linter.Config),
      settings: block.settings ?? {},
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
        parserOptions: { ecmaFeatures: { jsx: block.language.endsWith('x') } },
      },
    },
  ];
}

// A file two folders down, so that a relative `importFrom` ('./src/lib/logger.js') is rewritten
// as it would be in src/<folder>/<file>.
const guideFile = (block: GuideBlock) => join(root, 'src', 'guide', `example.${block.language}`);
const guides = existsSync(guidesDir) ? readdirSync(guidesDir).filter((file) => file.endsWith('.md')) : [];

describe('docs/guides', () => {
  it('has a page per framework with checked examples', () => {
    expect(guides).toEqual(expect.arrayContaining(FRAMEWORK_GUIDES));
    for (const guide of FRAMEWORK_GUIDES) {
      const kinds = guideBlocks(guide).map((block) => block.kind);
      expect(kinds, guide).toContain('❌');
      expect(kinds, guide).toContain('✅');
    }
  });

  const blocks = guides.flatMap(guideBlocks);
  const linter = new Linter({ cwd: root });

  it.each(blocks.map((block) => [`${block.guide}:${block.line} ${block.kind}`, block] as const))('%s', (_label, block) => {
    const messages = linter.verify(block.code, guideConfig(block), { filename: guideFile(block) });
    expect(messages.filter((message) => !message.ruleId?.startsWith(PREFIX))).toEqual([]);
    const reported = [...new Set(messages.map((message) => message.ruleId!.slice(PREFIX.length)))].sort();
    const named = [...block.marker.matchAll(/`security-logging\/([a-z-]+)`/gu)].map((match) => match[1]).sort();
    if (block.kind === '✅') {
      expect(named).toEqual([]);
      expect(reported).toEqual([]);
    } else {
      expect(named.length, 'a ❌ line names the rules it reports').toBeGreaterThan(0);
      expect(reported).toEqual(named);
    }
  });

  const fixClaims = blocks.flatMap((block, index) =>
    block.kind === '✅' && block.marker.includes(FIX_CLAIM) ? [[`${block.guide}:${block.line}`, blocks[index - 1], block] as const] : [],
  );

  it('backs the claims about --fix output', () => {
    expect([...new Set(fixClaims.map(([, , after]) => after.guide))].sort()).toEqual(expect.arrayContaining(['express.md', 'fastify.md', 'koa.md', 'nestjs.md', 'nextjs.md']));
  });

  it.each(fixClaims)('%s is the --fix output of the block before it', (_label, before, after) => {
    expect(before.kind).toBe('❌');
    expect(before.guide).toBe(after.guide);
    expect(before.settings, 'the ❌ block carries the settings the fix uses').toBeDefined();
    const fixed = linter.verifyAndFix(before.code, guideConfig(before), { filename: guideFile(before) });
    expect(fixed.fixed).toBe(true);
    expect(fixed.output).toBe(after.code);
  });
});
