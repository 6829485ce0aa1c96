/**
 * Lint examples/express-app with its own eslint.config.js and the built plugin (dist/, built by
 * `npm test` before vitest) and compare the findings with the `// planted: <rule>[, <rule>]`
 * markers in its sources (on a line the finding spans): every planted line is reported by that
 * rule, and that rule reports nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const exampleDir = join(root, 'examples', 'express-app');
const pluginEntry = pathToFileURL(join(root, 'dist', 'index.js')).href;

// The example is not installed; resolve its `eslint-plugin-security-logging` import to dist/.
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'eslint-plugin-security-logging') return { url: ${JSON.stringify(pluginEntry)}, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);

interface Planted {
  file: string;
  line: number;
  rule: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?[jt]sx?$/u.test(entry.name) ? [path] : [];
  });
}

const planted: Planted[] = sourceFiles(join(exampleDir, 'src')).flatMap((path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((text, index) =>
      (/\/\/ planted: ([a-z-]+(?:, [a-z-]+)*)/u.exec(text)?.[1].split(', ') ?? []).map((rule) => ({
        file: relative(exampleDir, path),
        line: index + 1,
        rule,
      })),
    ),
);
const implemented = Object.keys(rules);

describe('examples/express-app', () => {
  let results: ESLint.LintResult[] = [];

  beforeAll(async () => {
    results = await new ESLint({ cwd: exampleDir }).lintFiles(['.']);
  });

  it('is linted by its eslint.config.js without parse or config errors', () => {
    expect(results.length).toBeGreaterThanOrEqual(8);
    const problems = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === null || message.fatal)
        .map((message) => `${relative(exampleDir, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('has planted findings for every rule of the plugin', () => {
    const plantedRules = new Set(planted.map((mark) => mark.rule));
    for (const rule of implemented) expect(plantedRules, `nothing planted for ${rule}`).toContain(rule);
  });

  describe.each(implemented)('%s', (rule) => {
    const findings = () =>
      results.flatMap((result) =>
        result.messages
          .filter((message) => message.ruleId === `security-logging/${rule}`)
          .map((message) => ({
            file: relative(exampleDir, result.filePath),
            line: message.line,
            endLine: message.endLine ?? message.line,
            message: message.message,
          })),
      );
    const expected = planted.filter((mark) => mark.rule === rule);

    it('reports every planted line', () => {
      const missed = expected.filter(
        (mark) => !findings().some((found) => found.file === mark.file && found.line <= mark.line && mark.line <= found.endLine),
      );
      expect(missed.map((mark) => `${mark.file}:${mark.line}`)).toEqual([]);
    });

    it('reports nothing else', () => {
      const extra = findings().filter(
        (found) => !expected.some((mark) => found.file === mark.file && found.line <= mark.line && mark.line <= found.endLine),
      );
      expect(extra.map((found) => `${found.file}:${found.line} ${found.message}`)).toEqual([]);
    });
  });
});
