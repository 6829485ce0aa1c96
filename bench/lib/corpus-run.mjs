/**
 * Lint the third-party corpus (bench/corpus.mjs) with every rule of the plugin, twice per file:
 * with the default settings (what a user sees first) and with a configured logger (the settings
 * under which rules autofix by inserting log calls and imports), checking crashes, fixes and
 * suggestions with bench/lib/harness.mjs.
 *
 * CLI: `node bench/lib/corpus-run.mjs` (after `npm run build`) prints the report counts and
 * problems and writes every report with context to bench/.tmp/corpus-findings.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT, loadCorpus } from '../corpus.mjs';
import { CONFIGURED_LOGGER_SETTINGS, Linter, allRules, checkSource, excerpt, languageOptionsFor, makeConfigs } from './harness.mjs';

export const FINDINGS_FILE = join(ROOT, 'bench', '.tmp', 'corpus-findings.txt');

export const PASSES = /** @type {const} */ ([
  { name: 'default', settings: {} },
  { name: 'configured-logger', settings: CONFIGURED_LOGGER_SETTINGS, mentions: CONFIGURED_LOGGER_SETTINGS['security-logging'].logger.name },
]);

/**
 * @param {object} plugin the built plugin
 * @param {{ files?: import('../corpus.mjs').CorpusFile[] }} [options]
 */
export function runCorpus(plugin, options = {}) {
  const corpus = options.files ? { files: options.files, skipped: [] } : loadCorpus();
  const rules = allRules(plugin);
  const linter = new Linter();
  /** @type {Map<string, ReturnType<typeof makeConfigs>>} */
  const configCache = new Map();
  const configsFor = (file, pass) => {
    const key = `${file.typescript}:${file.sourceType}:${pass.name}`;
    let configs = configCache.get(key);
    if (!configs) {
      configs = makeConfigs(plugin, { rules, languageOptions: languageOptionsFor(file), settings: pass.settings });
      configCache.set(key, configs);
    }
    return configs;
  };

  /** @type {{ file: string, error: string }[]} */
  const parseErrors = [];
  /** @type {(import('./harness.mjs').Problem & { file: string, pass: string })[]} */
  const problems = [];
  /** @type {Record<string, Record<string, number>>} pass → rule → count */
  const counts = Object.fromEntries(PASSES.map((pass) => [pass.name, Object.fromEntries(Object.keys(rules).map((r) => [r, 0]))]));
  /** @type {{ file: string, pass: string, report: import('./harness.mjs').Report, context: string }[]} */
  const findings = [];
  let fixedFiles = 0;
  let linted = 0;
  let configuredPassFiles = 0;
  /** @type {Record<string, number>} */
  const filesPerPackage = {};

  for (const file of corpus.files) {
    let parsed = true;
    let reported = false;
    for (const pass of PASSES) {
      // The configured logger changes what rules see only where its name occurs, and what they
      // fix only where they report: elsewhere the second pass would repeat the first.
      if (pass.mentions && !reported && !file.text.includes(pass.mentions)) continue;
      const result = checkSource(linter, file.text, configsFor(file, pass), file.relativePath);
      if (result.parseError) {
        parseErrors.push({ file: file.relativePath, error: result.parseError });
        parsed = false;
        break;
      }
      if (result.fixedOutput !== undefined) fixedFiles++;
      if (pass !== PASSES[0]) configuredPassFiles++;
      for (const problem of result.problems) problems.push({ ...problem, file: file.relativePath, pass: pass.name });
      if (result.reports.length) reported = true;
      for (const report of result.reports) {
        counts[pass.name][report.ruleId] = (counts[pass.name][report.ruleId] ?? 0) + 1;
        findings.push({ file: file.relativePath, pass: pass.name, report, context: excerpt(file.text, report.line, 1) });
      }
    }
    if (parsed) {
      linted++;
      filesPerPackage[file.pkg] = (filesPerPackage[file.pkg] ?? 0) + 1;
    }
  }
  return { files: corpus.files.length, linted, filesPerPackage, configuredPassFiles, skipped: corpus.skipped, parseErrors, problems, counts, findings, fixedFiles };
}

/** Every finding with its context, grouped by rule; the configured-logger pass lists only reports the default pass lacks. */
export function formatFindings(result) {
  const seen = new Set(
    result.findings.filter((f) => f.pass === 'default').map((f) => `${f.file}:${f.report.line}:${f.report.column}:${f.report.ruleId}`),
  );
  const byRule = new Map();
  for (const finding of result.findings) {
    // The same place reported under both settings (the message may name a different logger) is one finding.
    const key = `${finding.file}:${finding.report.line}:${finding.report.column}:${finding.report.ruleId}`;
    if (finding.pass !== 'default' && seen.has(key)) continue;
    const list = byRule.get(finding.report.ruleId) ?? [];
    list.push(finding);
    byRule.set(finding.report.ruleId, list);
  }
  const out = [`# Corpus findings: ${result.linted} files linted, ${result.findings.length} reports over ${PASSES.length} passes`, ''];
  for (const [rule, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`## ${rule} (${list.length})`, '');
    list.forEach((f, index) => {
      const tags = [f.pass !== 'default' ? `[${f.pass} only]` : '', f.report.fixable ? '[autofix]' : '', f.report.suggestions ? `[${f.report.suggestions} suggestion(s)]` : '']
        .filter(Boolean)
        .join(' ');
      out.push(`### ${index + 1}. ${f.file}:${f.report.line}:${f.report.column} ${f.report.messageId ?? ''} ${tags}`.trimEnd());
      out.push(f.report.message, f.context, '');
    });
  }
  return `${out.join('\n')}\n`;
}

export function writeFindings(result, file = FINDINGS_FILE) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, formatFindings(result));
  return file;
}

/** Per-rule report counts as a table for the console. */
export function formatCounts(result) {
  const rules = Object.keys(result.counts[PASSES[0].name]).sort();
  const width = Math.max(...rules.map((r) => r.length), 4);
  const lines = [`${'rule'.padEnd(width)}  ${PASSES.map((p) => p.name.padStart(18)).join('')}`];
  for (const rule of rules) lines.push(`${rule.padEnd(width)}  ${PASSES.map((p) => String(result.counts[p.name][rule] ?? 0).padStart(18)).join('')}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { default: plugin } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const started = performance.now();
  const result = runCorpus(plugin);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.linted}/${result.files} files linted in ${seconds}s; ${result.fixedFiles} fixed outputs checked; ${result.configuredPassFiles} files in the configured-logger pass; ${result.skipped.length} skipped by selection`);
  console.log(formatCounts(result));
  for (const e of result.parseErrors) console.log(`parse error (file skipped): ${e.file} ${e.error}`);
  for (const p of result.problems) console.log(`PROBLEM [${p.kind}] ${p.ruleId} ${p.file} (${p.pass}): ${p.detail}`);
  console.log(`findings: ${writeFindings(result)}`);
}
