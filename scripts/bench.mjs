#!/usr/bin/env node
/**
 * `npm run bench`: what the plugin costs on real code, against the floors and against peers.
 *
 * Corpus: the third-party sources of the corpus test (bench/corpus.mjs). In one run, interleaved
 * repetitions (default 5; the median is reported, with CPU time of this process as the measure so
 * that other load on the machine disturbs it less):
 * - parse floor: the same parsers called directly (espree + eslint-scope, @typescript-eslint/parser), no ESLint;
 * - ESLint with no rules, and the traverse floor: one no-op rule with a single `Program` listener
 *   (ESLint's traversal and code-path analysis) — ratios are taken against the traverse floor;
 * - the plugin's `recommended` and `all` configs, each rule alone, @eslint/js `recommended` for scale;
 * - peers on the same files: sonarjs `no-ignored-exceptions`, promise `catch-or-return`;
 * - the TypeScript part with type information: typescript-eslint `no-floating-promises` and our
 *   `recommended`, against a type-aware traverse floor.
 * Then: heap after N files vs 2N files (after GC), each rule alone == inside `all` (whole corpus),
 * and identical results with ESLint's `cache` and
 * `concurrency: 'auto'`. Prints the table and writes bench/results.md.
 *
 * Options: --reps N (default 5), --no-checks (skip memory/cache/concurrency), --out FILE.
 * Run with `node --expose-gc` (npm run bench does) for the memory check.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import promisePlugin from 'eslint-plugin-promise';
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';
import { ROOT, loadCorpus } from '../bench/corpus.mjs';
import { compareAloneTogether } from '../bench/lib/alone-together.mjs';
import { LINTER_OPTIONS, NODE_GLOBALS, SOURCE_FILES, languageOptionsFor } from '../bench/lib/harness.mjs';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    'no-checks': { type: 'boolean', default: false },
    // A smoke test of the script itself: only every k-th file of the corpus.
    sample: { type: 'string', default: '1' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.md') },
  },
});
const REPS = Number(values.reps);
if (!Number.isInteger(REPS) || REPS < 1) throw new Error('--reps must be a positive integer');

const entry = join(ROOT, 'dist', 'index.js');
if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
const { default: plugin } = await import(pathToFileURL(entry).href);
const NS = 'security-logging';

// ESLint's own parser and scope analyser, as ESLint resolves them.
const requireFromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
const espree = requireFromEslint('espree');
const eslintScope = requireFromEslint('eslint-scope');
const eslintVisitorKeys = requireFromEslint('eslint-visitor-keys');

/*
 * ESLint's CLI normalizes its config array once; `Linter#verify` with a plain array normalizes it
 * on every call (about 0.3 ms here, a few % of the floor). To measure what users pay, pass a
 * normalized `FlatConfigArray`, which `verify` accepts as is. It is internal to ESLint: if it
 * moves, fall back to plain arrays (and say so in the results).
 */
let FlatConfigArray = null;
try {
  ({ FlatConfigArray } = createRequire(import.meta.url)(join(ROOT, 'node_modules', 'eslint', 'lib', 'config', 'flat-config-array.js')));
} catch {
  FlatConfigArray = null;
}
function prepare(configs, basePath = ROOT) {
  if (!FlatConfigArray) return configs;
  const array = new FlatConfigArray(configs, { basePath });
  array.normalizeSync();
  return array;
}

// ---------------------------------------------------------------------------------------------
// Corpus

const corpus = loadCorpus();
const SAMPLE = Number(values.sample);
if (SAMPLE > 1) corpus.files = corpus.files.filter((file, index) => index % SAMPLE === 0 || file.typescript);
const probe = new Linter();
const files = corpus.files.filter(
  (file) => !probe.verify(file.text, [{ files: SOURCE_FILES, languageOptions: languageOptionsFor(file) }], { filename: file.relativePath }).some((m) => m.fatal),
);
const unparsable = corpus.files.length - files.length;
const jsFiles = files.filter((f) => !f.typescript);
const tsFiles = files.filter((f) => f.typescript);
const bytes = (list) => list.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
const lines = (list) => list.reduce((sum, f) => sum + f.text.split('\n').length, 0);
const kindOf = (file) => (file.typescript ? 'ts' : file.sourceType);

// ---------------------------------------------------------------------------------------------
// Configurations

const noopPlugin = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } };

/** A configuration: a rules entry per file kind (espree module / commonjs, TS), prepared once. */
function linterConfig(name, { plugins = {}, rules = {}, group, files: subset = files, languageOptionsOf = languageOptionsFor, basePath, extra = [] }) {
  const prepared = new Map();
  const configFor = (file) => {
    const kind = kindOf(file);
    let config = prepared.get(kind);
    if (!config) {
      config = prepare([...extra, { files: SOURCE_FILES, plugins, rules, languageOptions: languageOptionsOf(file), linterOptions: LINTER_OPTIONS }], basePath);
      prepared.set(kind, config);
    }
    return config;
  };
  return { name, group, files: subset, configFor, filenameOf: (file) => file.relativePath };
}

const pluginRules = Object.keys(plugin.rules).sort();
const recommendedRules = plugin.configs.recommended.rules;
const allRulesEntries = plugin.configs.all.rules;
const ours = { [NS]: plugin };
const sameRules = (a, b) => Object.keys(a).sort().join() === Object.keys(b).sort().join();

/** Type-aware parsing of the corpus TS files where they live (absolute paths, node_modules un-ignored). */
const tsconfigDir = join(ROOT, 'bench', '.tmp', 'typed');
mkdirSync(tsconfigDir, { recursive: true });
const tsconfigPath = join(tsconfigDir, 'tsconfig.json');
writeFileSync(
  tsconfigPath,
  `${JSON.stringify(
    {
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], experimentalDecorators: true },
      files: tsFiles.map((f) => relative(tsconfigDir, f.path)),
    },
    null,
    2,
  )}\n`,
);
const typedLanguageOptions = () => ({
  parser: tsParser,
  ecmaVersion: 'latest',
  sourceType: 'module',
  globals: NODE_GLOBALS,
  parserOptions: { project: tsconfigPath, tsconfigRootDir: tsconfigDir },
});
const typed = (name, plugins, rules) => ({
  ...linterConfig(name, { plugins, rules, group: 'typed', files: tsFiles, languageOptionsOf: typedLanguageOptions, basePath: '/', extra: [{ ignores: ['!**/node_modules/'] }] }),
  filenameOf: (file) => file.path,
});

const measurements = [
  { name: 'parse floor (parsers only, no ESLint)', group: 'floor', files, parseOnly: true },
  linterConfig('ESLint, no rules', { group: 'floor' }),
  linterConfig('traverse floor (one no-op Program listener)', { group: 'floor', plugins: { bench: noopPlugin }, rules: { 'bench/noop': 'error' } }),
  linterConfig(`${NS} recommended (${Object.keys(recommendedRules).length} rules${sameRules(allRulesEntries, recommendedRules) ? ', the same as all' : ''})`, { group: 'ours', plugins: ours, rules: recommendedRules }),
  ...(sameRules(allRulesEntries, recommendedRules) ? [] : [linterConfig(`${NS} all (${Object.keys(allRulesEntries).length} rules)`, { group: 'ours', plugins: ours, rules: allRulesEntries })]),
  ...pluginRules.map((rule) => linterConfig(`${NS}/${rule}`, { group: 'rule', plugins: ours, rules: { [`${NS}/${rule}`]: 'error' } })),
  linterConfig('sonarjs/no-ignored-exceptions', { group: 'peer', plugins: { sonarjs }, rules: { 'sonarjs/no-ignored-exceptions': 'error' } }),
  linterConfig('promise/catch-or-return', { group: 'peer', plugins: { promise: promisePlugin }, rules: { 'promise/catch-or-return': 'error' } }),
  linterConfig('@eslint/js recommended (for scale)', { group: 'peer', rules: js.configs.recommended.rules }),
  typed('TS, type-aware: ESLint, no rules', {}, {}),
  typed('TS, type-aware: traverse floor', { bench: noopPlugin }, { 'bench/noop': 'error' }),
  typed('TS, type-aware: @typescript-eslint/no-floating-promises', { '@typescript-eslint': tseslint.plugin }, { '@typescript-eslint/no-floating-promises': 'error' }),
  typed(`TS, type-aware: ${NS} recommended`, ours, recommendedRules),
];

// ---------------------------------------------------------------------------------------------
// Running

const linter = new Linter();

function parseOnly(file) {
  if (file.typescript) {
    tsParser.parseForESLint(file.text, { sourceType: 'module', ecmaVersion: 'latest', range: true, loc: true, tokens: true, comment: true, filePath: file.relativePath });
    return;
  }
  const ast = espree.parse(file.text, { ecmaVersion: 'latest', sourceType: file.sourceType, range: true, loc: true, tokens: true, comment: true, raw: true, eslintVisitorKeys: true, eslintScopeManager: true });
  eslintScope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: file.sourceType === 'commonjs',
    ecmaVersion: espree.latestEcmaVersion,
    sourceType: file.sourceType,
    childVisitorKeys: eslintVisitorKeys.KEYS,
    fallback: eslintVisitorKeys.getKeys,
  });
}

/** One pass over a measurement's files; returns CPU and wall milliseconds and the number of reports. */
function runOnce(measurement) {
  // Start every pass from a collected heap, so that one pass does not pay for the garbage of another.
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  let reports = 0;
  const perFile = [];
  for (const file of measurement.files) {
    const fileStart = performance.now();
    if (measurement.parseOnly) {
      parseOnly(file);
      perFile.push(performance.now() - fileStart);
      continue;
    }
    const messages = linter.verify(file.text, measurement.configFor(file), { filename: measurement.filenameOf(file) });
    perFile.push(performance.now() - fileStart);
    for (const m of messages) {
      if (m.fatal || (!m.ruleId && /No matching configuration|ignored/iu.test(m.message))) throw new Error(`${measurement.name}: ${file.relativePath}: ${m.message}`);
      if (m.ruleId && m.ruleId !== 'bench/noop') reports++;
    }
  }
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall, reports, p99: percentile(perFile, 0.99) };
}

/** The q-quantile (nearest rank) of per-file times: p99 is what the slowest 1% of files (the editor's keystroke latency on them) costs. */
function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const startLoad = loadavg()[0];
const started = performance.now();
console.log(
  `corpus: ${files.length} files (${jsFiles.length} JS, ${tsFiles.length} TS), ${(bytes(files) / 1e6).toFixed(2)} MB, ${lines(files)} lines; ` +
    `${corpus.skipped.length} skipped by selection, ${unparsable} unparsable; ${REPS} repetitions; load average ${startLoad.toFixed(1)} on ${cpus().length} CPUs`,
);
if (!FlatConfigArray) console.log('note: ESLint internal FlatConfigArray not found; configs are normalized on every verify call');

// Warm-up: one pass of each (JIT, caches, type-aware program creation), not counted.
for (const m of measurements) {
  const { reports } = runOnce(m);
  m.reports = reports;
  m.samples = [];
  process.stdout.write('.');
}
console.log(' warmed up');
// Interleaved repetitions, rotating the order, so that slow phases of the machine hit every row alike.
for (let rep = 0; rep < REPS; rep++) {
  const order = measurements.map((_, i) => measurements[(i + rep) % measurements.length]);
  for (const m of order) {
    const sample = runOnce(m);
    if (sample.reports !== m.reports) throw new Error(`${m.name}: ${sample.reports} reports, ${m.reports} in the warm-up`);
    m.samples.push(sample);
  }
  console.log(`repetition ${rep + 1}/${REPS} done (${((performance.now() - started) / 1000).toFixed(0)}s)`);
}
for (const m of measurements) {
  m.cpu = median(m.samples.map((s) => s.cpu));
  m.wall = median(m.samples.map((s) => s.wall));
  m.cpuMin = Math.min(...m.samples.map((s) => s.cpu));
  m.cpuMax = Math.max(...m.samples.map((s) => s.cpu));
  m.p99 = median(m.samples.map((s) => s.p99));
}

const byName = (prefix) => measurements.find((m) => m.name.startsWith(prefix));
const floor = byName('traverse floor');
const typedFloor = byName('TS, type-aware: traverse floor');
// Each repetition's time over the floor's time in the same repetition, then the median: paired
// ratios cancel slow phases of the machine that a ratio of medians would not.
for (const m of measurements) {
  const base = m.group === 'typed' ? typedFloor : floor;
  m.ratio = median(m.samples.map((s, i) => s.cpu / base.samples[i].cpu));
}
const ratio = (m) => m.ratio;
const added = (m) => (ratio(m) - 1) * 100;
const fmtMs = (ms) => `${Math.round(ms).toLocaleString('en-US')}`;
const fmtAdded = (m) => (m === floor || m === typedFloor ? '—' : `${added(m) >= 0 ? '+' : ''}${added(m).toFixed(1)}%`);

const RECOMMENDED_TARGET = 10;
const RULE_TARGET = 3;
const recommended = byName(`${NS} recommended`);
const ruleRows = measurements.filter((m) => m.group === 'rule');
const verdict = (m) => {
  if (m === recommended) return added(m) <= RECOMMENDED_TARGET ? `✅ ≤ ${RECOMMENDED_TARGET}%` : `❌ > ${RECOMMENDED_TARGET}%`;
  // Per rule, judged on the stats attribution: at the 3% level the paired ratios of a single rule are within run-to-run noise.
  // Rules outside recommended (strict-only) have no attribution: the target is about recommended.
  if (m.group === 'rule') return attributionOf(m) === undefined ? 'not in recommended' : attributionOf(m) <= RULE_TARGET ? `✅ ≤ ${RULE_TARGET}%` : `❌ > ${RULE_TARGET}%`;
  return '';
};

function table() {
  const rows = [
    '| configuration | files | reports | CPU ms (median) | min–max | wall ms (median) | p99 ms per file | × traverse floor | added | in recommended (ESLint stats) | target |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const m of measurements) {
    rows.push(
      `| ${m.name} | ${m.files.length} | ${m.parseOnly ? '—' : m.reports} | ${fmtMs(m.cpu)} | ${fmtMs(m.cpuMin)}–${fmtMs(m.cpuMax)} | ${fmtMs(m.wall)} | ${m.p99.toFixed(1)} | ${ratio(m).toFixed(3)} | ${fmtAdded(m)} | ${fmtShare(attributionOf(m))} | ${verdict(m)} |`,
    );
  }
  return rows.join('\n');
}


// ---------------------------------------------------------------------------------------------
// Checks: memory, cache, concurrency

const checks = [];
if (!values['no-checks']) {
  try {
    await runChecks();
  } catch (error) {
    checks.push(`- ❌ **Checks failed to run**: ${String(error?.message ?? error).split('\n')[0]}`);
    console.error(error);
  }
}

async function runChecks() {
  // Memory: heap after linting every file once (N) and twice (2N), after GC. Rules must keep no
  // state across files, so the second pass adds nothing.
  if (typeof globalThis.gc === 'function') {
    const all = measurements.find((m) => m.name.startsWith(`${NS} all`)) ?? measurements.find((m) => m.name.startsWith(`${NS} recommended`));
    const heapAfter = (passes) => {
      for (let i = 0; i < passes; i++) runOnce(all);
      globalThis.gc();
      globalThis.gc();
      return process.memoryUsage().heapUsed;
    };
    const base = heapAfter(0);
    const afterN = heapAfter(1);
    const after2N = heapAfter(1);
    const after3N = heapAfter(1);
    const growth = after2N - afterN;
    const flat = Math.abs(growth) < 0.02 * afterN + 2 * 2 ** 20 && Math.abs(after3N - after2N) < 0.02 * afterN + 2 * 2 ** 20;
    const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
    checks.push(
      `- **Memory** (${all.name}, heapUsed after GC): before ${mb(base)}; after N = ${files.length} files ${mb(afterN)}; after 2N ${mb(after2N)} ` +
        `(${growth >= 0 ? '+' : ''}${mb(growth)}); after 3N ${mb(after3N)} — ${flat ? '✅ flat' : '❌ grows with the number of files'}.`,
    );
  } else {
    checks.push('- **Memory**: not measured (run with `node --expose-gc`, as `npm run bench` does).');
  }

  // ESLint class on a copy of the corpus with a real config file: no cache / cache (write, then
  // read) / concurrency auto must give identical results.
  const dir = join(ROOT, 'bench', '.tmp', 'eslint-class');
  rmSync(dir, { recursive: true, force: true });
  const srcDir = join(dir, 'src');
  for (const file of files) {
    mkdirSync(dirname(join(srcDir, file.relativePath)), { recursive: true });
    cpSync(file.path, join(srcDir, file.relativePath));
  }
  const commonjs = files.filter((f) => !f.typescript && f.sourceType === 'commonjs').map((f) => `src/${f.relativePath}`);
  const module = files.filter((f) => !f.typescript && f.sourceType === 'module').map((f) => `src/${f.relativePath}`);
  writeFileSync(
    join(dir, 'eslint.config.mjs'),
    [
      `import tsParser from '@typescript-eslint/parser';`,
      `import plugin from ${JSON.stringify(pathToFileURL(entry).href)};`,
      `const globals = ${JSON.stringify(NODE_GLOBALS)};`,
      `const linterOptions = ${JSON.stringify(LINTER_OPTIONS)};`,
      `export default [`,
      `  { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], ...plugin.configs.all, linterOptions },`,
      `  { files: ${JSON.stringify(module)}, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals } },`,
      `  { files: ${JSON.stringify(commonjs)}, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals } },`,
      `  { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', globals } },`,
      `];`,
      '',
    ].join('\n'),
  );
  const cacheLocation = join(dir, '.eslintcache');
  // The corpus holds fastify's and pino's own eslint.config.js: name ours explicitly, or ESLint 10
  // would look those up for the files beside them.
  const overrideConfigFile = join(dir, 'eslint.config.mjs');
  const runEslint = async (label, options) => {
    const t = performance.now();
    const eslint = new ESLint({ cwd: dir, overrideConfigFile, ...options });
    const results = await eslint.lintFiles(['src']);
    const seconds = ((performance.now() - t) / 1000).toFixed(1);
    const messages = results
      .flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith(`${NS}/`)).map((m) => `${relative(dir, r.filePath)}:${m.line}:${m.column}:${m.ruleId}:${m.message}`))
      .sort();
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`));
    console.log(`ESLint class, ${label}: ${results.length} files, ${messages.length} reports, ${seconds}s`);
    return { label, files: results.length, messages, fatal, seconds };
  };
  const plain = await runEslint('no cache, no concurrency', { cache: false, concurrency: 'off' });
  const cacheWrite = await runEslint('cache (first run, writes the cache)', { cache: true, cacheLocation, concurrency: 'off' });
  const cacheRead = await runEslint('cache (second run, reads the cache)', { cache: true, cacheLocation, concurrency: 'off' });
  const concurrent = await runEslint("concurrency 'auto'", { cache: false, concurrency: 'auto' });
  // The Linter runs above, with the same files and config: the same number of reports.
  const linterAll = measurements.find((m) => m.name.startsWith(`${NS} all`)) ?? measurements.find((m) => m.name.startsWith(`${NS} recommended`));
  const same = (a, b) => a.messages.length === b.messages.length && a.messages.every((m, i) => m === b.messages[i]);
  const identical = [cacheWrite, cacheRead, concurrent].every((run) => same(plain, run)) && plain.fatal.length === 0;
  checks.push(
    `- **ESLint class, \`cache\` and \`concurrency\`** (all rules, ${plain.files} files copied to bench/.tmp/eslint-class with an \`eslint.config.mjs\`): ` +
      [plain, cacheWrite, cacheRead, concurrent].map((r) => `${r.label}: ${r.messages.length} reports in ${r.seconds}s`).join('; ') +
      ` — ${identical ? '✅ identical reports' : '❌ results differ'}; the \`Linter\` runs above: ${linterAll.reports} reports ${linterAll.reports === plain.messages.length ? '(same count ✅)' : '(❌ different count)'}.`,
  );
  rmSync(dir, { recursive: true, force: true });

  // Alone == together: each rule of `all`, run alone on every file, reports exactly what it reports inside `all`.
  const t = performance.now();
  const aloneTogether = compareAloneTogether(plugin, files, allRulesEntries);
  const diffs = aloneTogether.differences;
  console.log(`alone == together: ${aloneTogether.files} files, ${diffs.length} differences, ${((performance.now() - t) / 1000).toFixed(0)}s`);
  checks.push(
    `- **Alone == together** (each of the ${Object.keys(allRulesEntries).length} rules of \`all\` run alone on all ${aloneTogether.files} files, against the same rule inside \`all\`; ${aloneTogether.reports} reports): ` +
      (diffs.length === 0 ? '✅ identical' : `❌ ${diffs.length} differences, e.g. ${diffs.slice(0, 3).map((d) => `${d.rule} in ${d.file}`).join('; ')}`) +
      '.',
  );
}

// ---------------------------------------------------------------------------------------------
// Attribution inside the recommended config: ESLint's own per-rule listener timing (`stats`),
// measured within the same passes, so machine noise cancels. A rule's share is its listener time
// over the time of everything else in those passes (parse, traversal, code-path analysis).

const attribution = new Map();
{
  const rec = measurements.find((m) => m.name.startsWith(`${NS} recommended`));
  let passTotal = 0;
  const ruleTotals = new Map();
  const ATTRIBUTION_PASSES = 3;
  for (let pass = 0; pass < ATTRIBUTION_PASSES; pass++) {
    for (const file of rec.files) {
      // `stats` is collected by verifyAndFix (which resets it per call); `fix: false` makes it one verify pass.
      linter.verifyAndFix(file.text, rec.configFor(file), { filename: rec.filenameOf(file), stats: true, fix: false });
      const times = linter.getTimes().passes[0];
      passTotal += times.total ?? 0;
      for (const [ruleId, { total }] of Object.entries(times.rules ?? {})) ruleTotals.set(ruleId, (ruleTotals.get(ruleId) ?? 0) + total);
    }
  }
  const rulesTotal = [...ruleTotals.values()].reduce((a, b) => a + b, 0);
  const rest = passTotal - rulesTotal;
  for (const [ruleId, total] of ruleTotals) attribution.set(ruleId, (100 * total) / rest);
  attribution.set('*', (100 * rulesTotal) / rest);
}
const fmtShare = (value) => (value === undefined ? '—' : `+${value.toFixed(1)}%`);
const attributionOf = (m) => (m.group === 'rule' ? attribution.get(m.name) : m.name.startsWith(`${NS} recommended`) ? attribution.get('*') : undefined);

console.log(`\n${table()}\n`);

// ---------------------------------------------------------------------------------------------
// Results

const over = ruleRows.filter((m) => attributionOf(m) > RULE_TARGET);
const peers = measurements.filter((m) => m.group === 'peer');
const noFloating = byName('TS, type-aware: @typescript-eslint/no-floating-promises');
const typedOurs = byName(`TS, type-aware: ${NS} recommended`);
const costliest = ruleRows.filter((m) => attributionOf(m) !== undefined).reduce((a, b) => (attributionOf(a) >= attributionOf(b) ? a : b));
const inRecommended = ruleRows.filter((m) => attributionOf(m) !== undefined);
const headline =
  `On ${files.length} files (${(bytes(files) / 1e6).toFixed(1)} MB) of express, koa, fastify, NestJS, hono, bullmq, pino, winston, passport, jsonwebtoken and node-cron, ` +
  `the \`recommended\` config adds **${added(recommended).toFixed(1)}%** to ESLint's traverse floor (target ≤ ${RECOMMENDED_TARGET}%), ` +
  `${byName(`${NS} all`) ? `\`all\` adds ${added(byName(`${NS} all`)).toFixed(1)}%; ` : ''}the costliest rule, ${costliest.name.replace(`${NS}/`, '')}, adds ${fmtShare(attributionOf(costliest))} inside recommended ` +
  `(ESLint stats) and ${fmtAdded(costliest)} alone (target ≤ ${RULE_TARGET}% per rule); ${over.length} of the ${inRecommended.length} recommended rules are over ${RULE_TARGET}%; ` +
  `per file, recommended's p99 is ${recommended.p99.toFixed(1)} ms against the floor's ${floor.p99.toFixed(1)} ms (${(recommended.p99 / floor.p99).toFixed(2)}×). ` +
  `For scale: ${peers.map((m) => `${m.name.replace(' (for scale)', '')} ${fmtAdded(m)}`).join(', ')}; on the TypeScript part with type information, ` +
  `no-floating-promises ${fmtAdded(noFloating)} and our recommended ${fmtAdded(typedOurs)} over the type-aware floor.`;

const md = [
  '# Benchmark results',
  '',
  `Generated by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ESLint ${ESLint.version}, ` +
    `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${startLoad.toFixed(1)} at the start; ${REPS} interleaved repetitions after a warm-up, median CPU time of the process` +
    `${FlatConfigArray ? '' : ' (configs normalized on every verify call)'}.`,
  '',
  `**Headline.** ${headline}`,
  '',
  `Corpus: ${files.length} files (${jsFiles.length} JavaScript with espree, ${tsFiles.length} TypeScript with @typescript-eslint/parser), ` +
    `${(bytes(files) / 1e6).toFixed(2)} MB, ${lines(files).toLocaleString('en-US')} lines; selection in bench/corpus.mjs (${corpus.skipped.length} duplicate builds, minified or generated files skipped; ${unparsable} unparsable fixture).`,
  '',
  '"× traverse floor" is the median over repetitions of CPU time divided by the traverse floor\'s CPU time in the same repetition (same parser, one no-op `Program` listener, which makes ESLint traverse and run code-path analysis); ' +
    '"added" is the extra cost in percent. TS, type-aware rows are divided by the type-aware traverse floor on the same TS files ' +
    '(parsed with `parserOptions.project` on a tsconfig listing them; those files are mostly type tests of fastify and pino — the only TypeScript the corpus packages publish). ' +
    '"in recommended (ESLint stats)" is each rule\'s listener time as ESLint\'s `stats` option measures it inside the recommended config (3 passes), over the time of everything else in the same passes: ' +
    'it does not suffer from run-to-run noise, and it credits analysis shared between rules (cached per node) to the rule that asks first.',
  '',
  table(),
  '',
  '## Checks',
  '',
  ...(checks.length ? checks : ['- skipped (--no-checks)']),
  '',
  '## Targets',
  '',
  `- recommended adds ≤ ${RECOMMENDED_TARGET}% over the traverse floor: ${verdict(recommended)} (${fmtAdded(recommended)})`,
  `- per-file p99 (the slowest 1% of files, what a keystroke in the editor waits for on them): recommended ${recommended.p99.toFixed(1)} ms, traverse floor ${floor.p99.toFixed(1)} ms (${(recommended.p99 / floor.p99).toFixed(2)}×)`,
  `- no single rule adds > ${RULE_TARGET}% (ESLint stats inside recommended): ${over.length ? `❌ ${over.map((m) => `${m.name.replace(`${NS}/`, '')} ${fmtShare(attributionOf(m))}`).join(', ')}` : '✅'}`,
  '',
  `Reproduce: \`npm run bench\` (options: \`-- --reps N\`, \`-- --no-checks\`). Differences of 1–2% are within the run-to-run noise of a shared machine; compare the min–max columns.`,
  '',
].join('\n');
writeFileSync(values.out, md);
console.log(checks.join('\n'));
console.log(`\n${headline}\n\nwritten to ${relative(process.cwd(), values.out)} in ${((performance.now() - started) / 1000).toFixed(0)}s`);
