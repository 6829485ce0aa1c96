/**
 * Issue 17: each rule alone reports exactly what it reports inside `all`. Rules share recognition
 * through caches keyed by AST node or SourceCode; an answer that depends on one rule's options, or a
 * cache filled differently by another rule, would make a rule's findings depend on which other rules
 * are on. This runs on a fixed sample of the third-party corpus (every 5th file; `npm run bench`
 * runs the same check on the whole corpus) and first shows that the check catches such a leak.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, loadCorpus } from '../../bench/corpus.mjs';
import { compareAloneTogether } from '../../bench/lib/alone-together.mjs';

interface BuiltPlugin {
  rules: Record<string, unknown>;
  configs: Record<'recommended' | 'strict' | 'all', { rules: Record<string, unknown> }>;
}

async function loadBuiltPlugin(): Promise<BuiltPlugin> {
  const entry = join(ROOT, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
  return ((await import(pathToFileURL(entry).href)) as { default: BuiltPlugin }).default;
}

describe('alone == together', () => {
  it('catches a shared cache whose answer depends on one rule’s options', () => {
    // Two rules share a node-keyed cache; `wide` puts its option into the cached answer.
    const cache = new WeakMap<object, boolean>();
    const interesting = (node: object, includeAll: boolean): boolean => {
      if (!cache.has(node)) cache.set(node, includeAll);
      return cache.get(node)!;
    };
    const wide: Rule.RuleModule = {
      meta: { schema: [] },
      create: () => ({
        CatchClause(node) {
          interesting(node, true);
        },
      }),
    };
    const narrow: Rule.RuleModule = {
      meta: { schema: [] },
      create: (context) => ({
        CatchClause(node) {
          if (interesting(node, false)) context.report({ node, message: 'reported' });
        },
      }),
    };
    const leaky = { rules: { wide, narrow } };
    const rules = { 'security-logging/wide': 'error', 'security-logging/narrow': 'error' };
    const file = { relativePath: 'leak.js', text: 'try { f() } catch {}', sourceType: 'module' as const };
    const result = compareAloneTogether(leaky, [file], rules);
    expect(result.differences).toEqual([{ file: 'leak.js', rule: 'security-logging/narrow', alone: [], together: ['security-logging/narrow 1:13 reported'] }]);
  });

  describe('on the corpus sample with the `all` config', () => {
    let result: ReturnType<typeof compareAloneTogether>;
    beforeAll(async () => {
      const plugin = await loadBuiltPlugin();
      const sample = loadCorpus().files.filter((_, i) => i % 5 === 0);
      result = compareAloneTogether(plugin, sample, plugin.configs.all.rules);
    }, 600_000);

    it('lints a real sample with reports to compare', () => {
      expect(result.files).toBeGreaterThan(200);
      expect(result.reports).toBeGreaterThan(10);
    });

    it('every rule alone reports exactly what it reports inside `all`', () => {
      expect(result.differences).toEqual([]);
    });
  });
});
