#!/usr/bin/env node
/**
 * `npm run accuracy`: do the findings hold up on real applications nobody here wrote?
 *
 * The pinned applications of bench/accuracy/apps.json are fetched with `npm pack` into a cache
 * (bench/.tmp/accuracy, or $ACCURACY_CACHE), extracted, and their selected server files linted with
 * the built plugin (dist/) through the `ESLint` class, once with `recommended` and once with
 * `strict`: default settings, no type information, @typescript-eslint/parser for TypeScript, and for
 * JavaScript the source type each file is written in (bench/corpus.mjs decides; a `.js` file with
 * `require` / `module.exports` and no `import` / `export` is CommonJS). Parse errors are counted and
 * listed, not fatal.
 *
 * Each finding is judged in bench/accuracy/triage.json (app, file, line, rule → verdict, reason);
 * precision per rule is computed from the judged findings. Written:
 * - <cache>/findings-<config>.json: findings grouped per rule;
 * - <cache>/untriaged.json: findings without a verdict, per rule, in sample order (a seeded hash of
 *   app, file, line and rule: judging the first n of a rule is a reproducible random sample);
 * - <cache>/parse-errors.json;
 * - <cache>/recall-missed.json: the labeled sites of bench/accuracy/recall.json (where a reviewer
 *   wants a rule to report) that no finding of `strict` matches, per rule;
 * - bench/accuracy/results.md: the generated part between its markers (text outside them is kept).
 *
 * Options: --apps a,b (only these apps; results.md is then not written), --no-results.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { ROOT } from '../bench/corpus.mjs';
import { fetchApp, selectFiles } from '../bench/lib/accuracy-apps.mjs';
import { LINTER_OPTIONS, NAMESPACE, SOURCE_FILES, languageOptionsFor } from '../bench/lib/harness.mjs';

const { values } = parseArgs({
  options: {
    apps: { type: 'string' },
    'no-results': { type: 'boolean', default: false },
  },
});

const ACCURACY_DIR = join(ROOT, 'bench', 'accuracy');
const CACHE = resolve(process.env.ACCURACY_CACHE || join(ROOT, 'bench', '.tmp', 'accuracy'));
const RESULTS = join(ACCURACY_DIR, 'results.md');
const CONFIGS = /** @type {const} */ (['recommended', 'strict']);
const SAMPLE_SEED = 'accuracy-sample-1';

const entry = join(ROOT, 'dist', 'index.js');
if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
const { default: plugin } = await import(pathToFileURL(entry).href);

const allApps = JSON.parse(readFileSync(join(ACCURACY_DIR, 'apps.json'), 'utf8')).apps;
const only = values.apps ? new Set(values.apps.split(',')) : null;
const apps = only ? allApps.filter((app) => only.has(app.name)) : allApps;
if (only && apps.length !== only.size) throw new Error(`unknown app in --apps ${values.apps}`);

// ---------------------------------------------------------------------------------------------
// Linting

/** One ESLint instance per config and kind of file (its parser and source type), rooted at the app. */
function linterFor(cache, root, configName, file) {
  const key = `${root}\0${configName}\0${file.typescript}\0${file.jsx}\0${file.sourceType}`;
  let eslint = cache.get(key);
  if (!eslint) {
    const { rules } = plugin.configs[configName];
    eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      ignore: false,
      overrideConfig: [
        { files: SOURCE_FILES, plugins: { [NAMESPACE]: plugin }, rules, languageOptions: languageOptionsFor(file), linterOptions: LINTER_OPTIONS },
      ],
    });
    cache.set(key, eslint);
  }
  return eslint;
}

const PREFIX = `${NAMESPACE}/`;
/** @type {Record<string, { app: string, file: string, line: number, column: number, rule: string, message: string }[]>} */
const findings = Object.fromEntries(CONFIGS.map((c) => [c, []]));
const parseErrors = [];
const crashes = [];
const appStats = [];
const eslintCache = new Map();
const started = performance.now();

for (const app of apps) {
  const root = fetchApp(app, CACHE);
  const { files, skipped } = selectFiles(app, root);
  // An include that selects only files the corpus rules skip (a `dist/cjs` beside a `dist/esm` copy)
  // would measure nothing and say so nowhere.
  if (files.length === 0) {
    throw new Error(`${app.name}: apps.json include/exclude select no file to lint (skipped: ${skipped.duplicate} duplicate builds, ${skipped.generated} minified or generated)`);
  }
  const stats = { app, files: files.length, skipped, parseErrors: 0, lines: 0, kinds: { commonjs: 0, module: 0, typescript: 0 } };
  for (const file of files) {
    stats.lines += file.text.split('\n').length;
    stats.kinds[file.typescript ? 'typescript' : file.sourceType]++;
    for (const configName of CONFIGS) {
      let results;
      try {
        results = await linterFor(eslintCache, root, configName, file).lintText(file.text, { filePath: file.path });
      } catch (error) {
        crashes.push({ app: app.name, file: file.file, config: configName, error: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') });
        continue;
      }
      for (const m of results[0].messages) {
        if (m.fatal) {
          if (configName === CONFIGS[0]) {
            parseErrors.push({ app: app.name, file: file.file, sourceType: file.typescript ? 'typescript' : file.sourceType, error: `${m.line}:${m.column} ${m.message}` });
            stats.parseErrors++;
          }
          continue;
        }
        if (!m.ruleId?.startsWith(PREFIX)) continue;
        findings[configName].push({ app: app.name, file: file.file, line: m.line, column: m.column, rule: m.ruleId.slice(PREFIX.length), message: m.message });
      }
    }
  }
  appStats.push(stats);
  console.log(
    `${app.name}@${app.version}: ${files.length} files (${stats.parseErrors} parse errors), ` +
      CONFIGS.map((c) => `${c} ${findings[c].filter((f) => f.app === app.name).length}`).join(', ') +
      ` findings (${((performance.now() - started) / 1000).toFixed(0)}s)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Triage

const triage = JSON.parse(readFileSync(join(ACCURACY_DIR, 'triage.json'), 'utf8'));
const keyOf = (f) => `${f.app}\0${f.file}\0${f.line}\0${f.rule}`;
/** @type {Map<string, { verdict: 'true' | 'false', reason: string }>} */
const verdicts = new Map();
for (const t of triage) {
  if (t.verdict !== 'true' && t.verdict !== 'false') throw new Error(`triage.json: verdict must be "true" or "false": ${JSON.stringify(t)}`);
  if (!t.reason?.trim()) throw new Error(`triage.json: an entry has no reason: ${JSON.stringify(t)}`);
  const key = keyOf(t);
  if (verdicts.has(key)) throw new Error(`triage.json: duplicate entry ${t.app} ${t.file}:${t.line} ${t.rule}`);
  verdicts.set(key, t);
}
/** Sample order: a seeded hash, stable while the finding exists, independent of the other findings. */
const rank = (f) => createHash('sha256').update(`${SAMPLE_SEED}\0${keyOf(f)}`).digest('hex');

const rules = [...new Set([...Object.keys(plugin.configs.strict.rules), ...Object.keys(plugin.configs.recommended.rules)])]
  .map((r) => r.slice(PREFIX.length))
  .sort();
const inRecommended = new Set(Object.keys(plugin.configs.recommended.rules).map((r) => r.slice(PREFIX.length)));

/** Per config and rule: findings, judged true / false, untriaged. */
function tally(configName) {
  const out = {};
  for (const rule of rules) out[rule] = { findings: 0, true: 0, false: 0, untriaged: [], perApp: {} };
  for (const f of findings[configName]) {
    const row = (out[f.rule] ??= { findings: 0, true: 0, false: 0, untriaged: [], perApp: {} });
    row.findings++;
    row.perApp[f.app] = (row.perApp[f.app] ?? 0) + 1;
    const v = verdicts.get(keyOf(f));
    if (v) row[v.verdict]++;
    else row.untriaged.push(f);
  }
  return out;
}
const tallies = Object.fromEntries(CONFIGS.map((c) => [c, tally(c)]));

// ---------------------------------------------------------------------------------------------
// Recall: labeled sites a reviewer wants reported (bench/accuracy/recall.json), found or not

const recallDoc = JSON.parse(readFileSync(join(ACCURACY_DIR, 'recall.json'), 'utf8'));
const recallSites = recallDoc.sites.filter((site) => apps.some((app) => app.name === site.app));
for (const site of recallDoc.sites) {
  if (!allApps.some((app) => app.name === site.app)) throw new Error(`recall.json: unknown app ${JSON.stringify(site.app)}`);
  if (!rules.includes(site.rule)) throw new Error(`recall.json: unknown rule ${JSON.stringify(site.rule)}`);
  if (site.confidence !== 'high' && site.confidence !== 'low') throw new Error(`recall.json: confidence must be "high" or "low": ${JSON.stringify(site)}`);
  if (!Number.isInteger(site.line) || !site.file || !site.reason?.trim()) throw new Error(`recall.json: a site needs file, line and reason: ${JSON.stringify(site)}`);
  if (!Number.isInteger(site.round) || site.round < 1) throw new Error(`recall.json: round must be a labeling round (1, 2, …): ${JSON.stringify(site)}`);
}
/** The labeling round nobody has tuned a rule to yet (its numbers are the honest ones), if any. */
const heldOutRound = recallDoc.heldOutRound ?? null;
const roundLabel = (round) => `round ${round}${round === heldOutRound ? ' (held out)' : ''}`;
/** Whether a finding of the site's rule is in its file within `span` lines (default 3) of its line. */
const isFound = (site, configName) =>
  findings[configName].some((f) => f.app === site.app && f.file === site.file && f.rule === site.rule && Math.abs(f.line - site.line) <= (site.span ?? 3));
/** Per rule: labeled sites (all / high confidence) and those found per config. */
const recallRows = {};
for (const site of recallSites) {
  const row = (recallRows[site.rule] ??= { labeled: 0, high: 0, found: Object.fromEntries(CONFIGS.map((c) => [c, 0])), foundHigh: Object.fromEntries(CONFIGS.map((c) => [c, 0])), missed: [] });
  row.labeled++;
  if (site.confidence === 'high') row.high++;
  for (const c of CONFIGS) {
    if (!isFound(site, c)) continue;
    row.found[c]++;
    if (site.confidence === 'high') row.foundHigh[c]++;
  }
  if (!isFound(site, 'strict')) row.missed.push(site);
}
const recallTotal = (key, c) => Object.values(recallRows).reduce((sum, row) => sum + row[key][c], 0);

// Triage entries that match no finding of either config: the code is pinned, so the rule changed.
const current = new Set(CONFIGS.flatMap((c) => findings[c].map(keyOf)));
const stale = triage.filter((t) => !current.has(keyOf(t)));

// ---------------------------------------------------------------------------------------------
// Output

mkdirSync(CACHE, { recursive: true });
const grouped = (list) => {
  const byRule = {};
  for (const f of list) (byRule[f.rule] ??= []).push(f);
  return byRule;
};
for (const c of CONFIGS) writeFileSync(join(CACHE, `findings-${c}.json`), `${JSON.stringify(grouped(findings[c]), null, 1)}\n`);
writeFileSync(join(CACHE, 'parse-errors.json'), `${JSON.stringify({ parseErrors, crashes }, null, 1)}\n`);
const untriaged = {};
for (const c of CONFIGS) {
  for (const [rule, row] of Object.entries(tallies[c])) {
    for (const f of row.untriaged) {
      const list = (untriaged[rule] ??= new Map());
      const key = keyOf(f);
      if (!list.has(key)) list.set(key, { ...f, configs: [], rank: rank(f) });
      list.get(key).configs.push(c);
    }
  }
}
const untriagedOut = Object.fromEntries(
  Object.entries(untriaged)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, map]) => [rule, [...map.values()].sort((a, b) => a.rank.localeCompare(b.rank)).map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'rank')))]),
);
writeFileSync(join(CACHE, 'untriaged.json'), `${JSON.stringify(untriagedOut, null, 1)}\n`);
writeFileSync(join(CACHE, 'recall-missed.json'), `${JSON.stringify(Object.fromEntries(Object.entries(recallRows).map(([rule, row]) => [rule, row.missed])), null, 1)}\n`);

const seconds = ((performance.now() - started) / 1000).toFixed(0);
const pct = (row) => (row.true + row.false ? `${((100 * row.true) / (row.true + row.false)).toFixed(0)}%` : '—');
const precision = (row) => (row.true + row.false ? (row.true / (row.true + row.false)).toFixed(2) : '—');

console.log(`\n${apps.length} apps, ${appStats.reduce((s, a) => s + a.files, 0)} files, ${parseErrors.length} parse errors, ${crashes.length} crashes, ${seconds}s`);
for (const c of CONFIGS) {
  console.log(`\n${c}: ${findings[c].length} findings`);
  for (const [rule, row] of Object.entries(tallies[c])) {
    if (!row.findings) continue;
    console.log(`  ${rule.padEnd(34)} ${String(row.findings).padStart(5)}  judged ${row.true + row.false} (true ${row.true}, false ${row.false}, precision ${precision(row)}), untriaged ${row.untriaged.length}`);
  }
}
const ratio = (a, b) => (b ? (a / b).toFixed(2) : '—');
console.log(`\nrecall on ${recallSites.length} labeled sites (found with ${CONFIGS.join(' / ')}; high-confidence sites in brackets):`);
for (const [rule, row] of Object.entries(recallRows).sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${rule.padEnd(34)} ${String(row.labeled).padStart(3)}  ${CONFIGS.map((c) => `${row.found[c]} (${row.foundHigh[c]}/${row.high}) ${ratio(row.found[c], row.labeled)}`).join(' / ')}`);
}
// Per labeling round of the apps (0: the apps the rules were first tuned on): precision of the judged
// findings and recall of the labeled sites. A held-out round is the measure of code nobody tuned to.
const roundOf = (appName) => allApps.find((app) => app.name === appName)?.round ?? 0;
console.log('\nby labeling round of the apps (precision of judged findings; recall of labeled sites):');
for (const round of [...new Set(apps.map((app) => app.round ?? 0))].sort()) {
  const parts = CONFIGS.map((c) => {
    const inRound = findings[c].filter((f) => roundOf(f.app) === round);
    const judged = inRound.map((f) => verdicts.get(keyOf(f))).filter(Boolean);
    const trueCount = judged.filter((v) => v.verdict === 'true').length;
    const sites = recallSites.filter((site) => site.round === round);
    const recall = sites.length ? `, recall ${sites.filter((site) => isFound(site, c)).length}/${sites.length} ${ratio(sites.filter((site) => isFound(site, c)).length, sites.length)}` : '';
    return `${c} ${inRound.length} findings, judged ${judged.length}, precision ${trueCount}/${judged.length} ${ratio(trueCount, judged.length)}${recall}`;
  });
  console.log(`  ${round === 0 ? 'round 0 (first apps)' : roundLabel(round)}: ${parts.join('; ')}`);
}
if (stale.length) console.log(`\n${stale.length} triage entries match no current finding (the rule no longer reports them): listed in results.md`);
console.log(`\nuntriaged findings (in sample order): ${join(CACHE, 'untriaged.json')}`);
if (crashes.length) {
  console.error(`\n${crashes.length} lint runs crashed:`);
  for (const c of crashes.slice(0, 5)) console.error(`${c.app} ${c.file} (${c.config}): ${c.error}`);
  process.exitCode = 1;
}

if (!only && !values['no-results']) writeResults();

function writeResults() {
  const total = (c) => findings[c].length;
  const lines = [];
  const appNames = apps.map((a) => a.name);
  lines.push(
    `Generated by \`npm run accuracy\` (scripts/accuracy.mjs) with the plugin built from this tree: default settings, no type information. ` +
      `${appStats.reduce((s, a) => s + a.files, 0)} files linted in ${seconds}s (both configs).`,
    '',
    '### Applications',
    '',
    '| app | package | version | files linted | lines | CommonJS / ESM / TS | parse errors | skipped (duplicate build / generated) | linted |',
    '|---|---|---|--:|--:|---|--:|---|---|',
    ...appStats.map(
      (s) =>
        `| ${s.app.name} | \`${s.app.package}\` | ${s.app.version} | ${s.files} | ${s.lines.toLocaleString('en-US')} | ${s.kinds.commonjs} / ${s.kinds.module} / ${s.kinds.typescript} | ${s.parseErrors} | ${s.skipped.duplicate} / ${s.skipped.generated} | ${s.app.include.map((g) => `\`${g}\``).join(', ')}${s.app.exclude?.length ? ` minus ${s.app.exclude.map((g) => `\`${g}\``).join(', ')}` : ''} |`,
    ),
    '',
  );
  if (parseErrors.length) {
    lines.push('Parse errors:', '', ...parseErrors.map((e) => `- ${e.app} \`${e.file}\` (${e.sourceType}): ${e.error}`), '');
  }
  for (const c of CONFIGS) {
    lines.push(
      `### Findings with \`${c}\` (${total(c)})`,
      '',
      `| rule | ${appNames.join(' | ')} | total | share | judged | true | false | precision | untriaged |`,
      `|---|${appNames.map(() => '--:').join('|')}|--:|--:|--:|--:|--:|--:|--:|`,
    );
    for (const rule of rules) {
      const row = tallies[c][rule];
      if (!row) continue;
      const ruleName = `${rule}${c === 'strict' && !inRecommended.has(rule) ? ' (strict only)' : ''}`;
      lines.push(
        `| ${ruleName} | ${appNames.map((a) => row.perApp[a] ?? 0).join(' | ')} | ${row.findings} | ${total(c) ? `${((100 * row.findings) / total(c)).toFixed(0)}%` : '—'} | ${row.true + row.false} | ${row.true} | ${row.false} | ${pct(row)} | ${row.untriaged.length} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    'Precision = judged true / judged (bench/accuracy/triage.json, matched by app, file, line and rule). ' +
      `Judged findings are a seeded random sample per rule (the order of \`untriaged.json\`, seed \`${SAMPLE_SEED}\`) or all of them.`,
    '',
  );
  const sitesHigh = recallSites.filter((site) => site.confidence === 'high').length;
  lines.push(
    `### Recall on labeled real sites (${recallSites.length}, ${sitesHigh} high confidence)`,
    '',
    'Sites in bench/accuracy/recall.json where a reviewer wants the rule to report, labeled by reading the code of apps the rules were not tuned on; found = the rule reports in the same file within a few lines. Missed sites: `recall-missed.json` in the cache.',
    '',
    `| rule | labeled | high confidence | ${CONFIGS.map((c) => `found (${c})`).join(' | ')} | ${CONFIGS.map((c) => `recall (${c})`).join(' | ')} | ${CONFIGS.map((c) => `recall, high confidence (${c})`).join(' | ')} |`,
    `|---|--:|--:|${CONFIGS.map(() => '--:').join('|')}|${CONFIGS.map(() => '--:').join('|')}|${CONFIGS.map(() => '--:').join('|')}|`,
    ...Object.entries(recallRows)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([rule, row]) =>
          `| ${rule} | ${row.labeled} | ${row.high} | ${CONFIGS.map((c) => row.found[c]).join(' | ')} | ${CONFIGS.map((c) => ratio(row.found[c], row.labeled)).join(' | ')} | ${CONFIGS.map((c) => ratio(row.foundHigh[c], row.high)).join(' | ')} |`,
      ),
    `| **all** | ${recallSites.length} | ${sitesHigh} | ${CONFIGS.map((c) => recallTotal('found', c)).join(' | ')} | ${CONFIGS.map((c) => ratio(recallTotal('found', c), recallSites.length)).join(' | ')} | ${CONFIGS.map((c) => ratio(recallTotal('foundHigh', c), sitesHigh)).join(' | ')} |`,
    ...[...new Set(recallSites.map((site) => site.round))].sort().map((round) => {
      const sites = recallSites.filter((site) => site.round === round);
      const high = sites.filter((site) => site.confidence === 'high');
      const found = (list, c) => list.filter((site) => isFound(site, c)).length;
      return `| all, ${roundLabel(round)} | ${sites.length} | ${high.length} | ${CONFIGS.map((c) => found(sites, c)).join(' | ')} | ${CONFIGS.map((c) => ratio(found(sites, c), sites.length)).join(' | ')} | ${CONFIGS.map((c) => ratio(found(high, c), high.length)).join(' | ')} |`;
    }),
    '',
  );
  if (stale.length) {
    lines.push(
      `### Triage entries no current finding matches (${stale.length})`,
      '',
      'The code is pinned, so these are findings the rules no longer report (verdict shown: a "false" here is a false alarm fixed, a "true" one a real finding lost).',
      '',
      ...stale.map((t) => `- ${t.verdict === 'true' ? '**lost real finding**' : 'fixed false alarm'}: ${t.rule} — ${t.app} \`${t.file}:${t.line}\` (${t.reason})`),
      '',
    );
  }
  const START = '<!-- accuracy:generated:start -->';
  const END = '<!-- accuracy:generated:end -->';
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : `# Accuracy on real applications\n\n${START}\n${END}\n`;
  const from = previous.indexOf(START);
  const to = previous.indexOf(END);
  if (from === -1 || to === -1) throw new Error(`${RESULTS}: the generated-section markers are missing`);
  writeFileSync(RESULTS, `${previous.slice(0, from + START.length)}\n${lines.join('\n')}\n${previous.slice(to)}`);
  console.log(`wrote ${relative(ROOT, RESULTS)}`);
}
