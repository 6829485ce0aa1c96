// The shape issue #17 set for the source: rules are short policies, recognition and fix builders live in modules of a
// readable size. A file that grows past its limit is split (recognition into src/model/, edits into src/fixes/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Lines as `wc -l` counts them (newline characters). */
const lineCount = (path: string): number => readFileSync(path, 'utf8').split('\n').length - 1;

const RULE_LIMIT = 400;
const MODULE_LIMIT = 600;

describe('source layout', () => {
  const files = sourceFiles(src);

  it('finds the rules and the shared modules', () => {
    expect(files.filter((f) => relative(src, f).startsWith('rules/')).length).toBeGreaterThanOrEqual(17);
    expect(files.filter((f) => relative(src, f).startsWith('model/')).length).toBeGreaterThan(50);
  });

  it(`every rule file is under ${RULE_LIMIT} lines`, () => {
    const over = files.filter((f) => relative(src, f).startsWith('rules/') && lineCount(f) >= RULE_LIMIT).map((f) => `${relative(src, f)}: ${lineCount(f)}`);
    expect(over).toEqual([]);
  });

  it(`every other source file (model, fixes, analysis, core, configs) is under ${MODULE_LIMIT} lines`, () => {
    const over = files.filter((f) => !relative(src, f).startsWith('rules/') && lineCount(f) >= MODULE_LIMIT).map((f) => `${relative(src, f)}: ${lineCount(f)}`);
    expect(over).toEqual([]);
  });
});
