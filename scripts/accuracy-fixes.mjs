#!/usr/bin/env node
/**
 * `npm run accuracy:fixes`: are the plugin's fixes safe on real applications nobody here wrote?
 *
 * The pinned applications of bench/accuracy/apps.json (fetched into the accuracy cache as
 * scripts/accuracy.mjs does) are linted with every rule of the built plugin through ESLint's
 * `Linter`, with the default settings and again with a configured logger (the settings under which
 * rules autofix by inserting log calls and imports) — the checks of the third-party corpus test
 * (bench/lib/corpus-run.mjs, bench/lib/harness.mjs): no rule throws, every autofixed output parses
 * and introduces no undefined name, a second fix pass changes nothing, and every suggestion turns
 * the file into code that parses without new undefined names.
 *
 * Writes <cache>/fix-problems.json (every problem with its app, file, pass and the code it produced)
 * and exits with 1 when there is any. Not part of `npm test` (it fetches and lints ~100 apps).
 *
 * Options: --apps a,b (only these apps).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../bench/corpus.mjs';
import { fetchApp, selectFiles } from '../bench/lib/accuracy-apps.mjs';
import { runCorpus } from '../bench/lib/corpus-run.mjs';

const { values } = parseArgs({ options: { apps: { type: 'string' } } });

const CACHE = resolve(process.env.ACCURACY_CACHE || join(ROOT, 'bench', '.tmp', 'accuracy'));
const entry = join(ROOT, 'dist', 'index.js');
if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
const { default: plugin } = await import(pathToFileURL(entry).href);

const allApps = JSON.parse(readFileSync(join(ROOT, 'bench', 'accuracy', 'apps.json'), 'utf8')).apps;
const only = values.apps ? new Set(values.apps.split(',')) : null;
const apps = only ? allApps.filter((app) => only.has(app.name)) : allApps;
if (only && apps.length !== only.size) throw new Error(`unknown app in --apps ${values.apps}`);

const started = performance.now();
const problems = [];
const totals = { files: 0, linted: 0, parseErrors: 0, fixedFiles: 0, configuredPassFiles: 0, reports: 0, fixable: 0, suggestions: 0 };
for (const app of apps) {
  const root = fetchApp(app, CACHE);
  // The file's path inside the app is its name for the rules (relative, as the corpus test lints):
  // what a rule reads from disk beside the file is not part of what is checked here.
  const files = selectFiles(app, root).files.map((f) => ({ ...f, relativePath: f.file, pkg: app.name }));
  const result = runCorpus(plugin, { files });
  totals.files += result.files;
  totals.linted += result.linted;
  totals.parseErrors += result.parseErrors.length;
  totals.fixedFiles += result.fixedFiles;
  totals.configuredPassFiles += result.configuredPassFiles;
  for (const f of result.findings) {
    totals.reports++;
    if (f.report.fixable) totals.fixable++;
    totals.suggestions += f.report.suggestions;
  }
  for (const p of result.problems) problems.push({ app: app.name, ...p });
  console.log(
    `${app.name}: ${result.linted}/${result.files} files, ${result.findings.length} reports, ${result.fixedFiles} fixed outputs, ` +
      `${result.problems.length} problems (${((performance.now() - started) / 1000).toFixed(0)}s)`,
  );
}

mkdirSync(CACHE, { recursive: true });
const out = join(CACHE, 'fix-problems.json');
writeFileSync(out, `${JSON.stringify(problems, null, 1)}\n`);
console.log(
  `\n${apps.length} apps, ${totals.linted} files linted (${totals.parseErrors} parse errors), ${totals.reports} reports ` +
    `(${totals.fixable} autofixable, ${totals.suggestions} suggestions), ${totals.fixedFiles} fixed outputs checked, ` +
    `${totals.configuredPassFiles} files also with a configured logger: ${problems.length} problems (${out})`,
);
for (const p of problems) console.log(`[${p.kind}] ${p.ruleId ?? '?'} ${p.app} ${p.file} (${p.pass}): ${p.detail}`);
process.exitCode = problems.length ? 1 : 0;
