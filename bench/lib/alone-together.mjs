/**
 * "Alone == together" (issue 17): each rule, run alone, reports exactly what it reports when it runs
 * inside a config with every other rule. Rules share recognition through caches keyed by AST node
 * or SourceCode; a cached answer that depends on one rule's options, or a cache another rule fills
 * differently, shows up here as a difference.
 *
 * Used by tests/integration/alone-together.test.ts (a fixed sample of the corpus) and by
 * `npm run bench` (the whole corpus).
 */
import { Linter, languageOptionsFor, makeConfigs } from './harness.mjs';

/** `rule line:column message` of one report: the identity compared between the two runs. */
const reportKey = (m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`;

/**
 * @param {object} plugin the built plugin (or any plugin under the security-logging namespace)
 * @param {{ relativePath: string, text: string, typescript?: boolean, sourceType?: 'module' | 'commonjs' }[]} files
 * @param {Record<string, unknown>} rules the config's rule entries (e.g. `plugin.configs.all.rules`)
 * @returns {{ files: number, reports: number, differences: { file: string, rule: string, alone: string[], together: string[] }[] }}
 */
export function compareAloneTogether(plugin, files, rules) {
  const linter = new Linter();
  // The same config shape as the corpus test's (bench/lib/harness.mjs), with the given rule entries.
  const configFor = (file, ruleEntries) => makeConfigs(plugin, { rules: ruleEntries, languageOptions: languageOptionsFor(file) }).lint;
  const differences = [];
  let linted = 0;
  let reports = 0;
  for (const file of files) {
    const together = linter.verify(file.text, configFor(file, rules), { filename: file.relativePath });
    if (together.some((m) => m.fatal)) continue; // unparsable fixtures: nothing to compare
    linted++;
    const ours = together.filter((m) => m.ruleId);
    reports += ours.length;
    for (const [rule, entry] of Object.entries(rules)) {
      const alone = linter
        .verify(file.text, configFor(file, { [rule]: entry }), { filename: file.relativePath })
        .filter((m) => m.ruleId)
        .map(reportKey)
        .sort();
      const inside = ours.filter((m) => m.ruleId === rule).map(reportKey).sort();
      if (alone.join('\n') !== inside.join('\n')) differences.push({ file: file.relativePath, rule, alone, together: inside });
    }
  }
  return { files: linted, reports, differences };
}
