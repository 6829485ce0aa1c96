#!/usr/bin/env node
/**
 * Longer fuzz runs than the test's: `npm run fuzz -- --count 20000 [--seed N] [--stop-after K]`.
 * Every rule of the built plugin (run `npm run build` first) on every generated program, with
 * fixes: no crash, every fix output parses and is idempotent, every suggestion parses. Prints the
 * seed, the counts, and each failure with how to replay it and its minimal program; exits 1 on a
 * failure. `--seed` with the test's `--count` (2000) replays a failing `npm test` run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatFailure, runFuzz, splitCount } from '../bench/lib/fuzz-run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    'stop-after': { type: 'string', default: '10' },
  },
});
const count = Number(values.count);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const stopAfter = Number(values['stop-after']);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !Number.isInteger(stopAfter)) {
  console.error('usage: npm run fuzz -- [--count N] [--seed N] [--stop-after N]');
  process.exit(2);
}
const entry = join(root, 'dist', 'index.js');
if (!existsSync(entry)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const { default: plugin } = await import(pathToFileURL(entry).href);

const { templates, eslump } = splitCount(count);
console.log(`fuzz: seed ${seed}, ${templates} template programs + ${eslump} eslump programs, ${Object.keys(plugin.rules).length} rules`);
const started = performance.now();
let last = started;
const result = runFuzz(plugin, {
  seed,
  templates,
  eslump,
  stopAfter,
  onProgress(done) {
    const now = performance.now();
    if (now - last > 10_000) {
      last = now;
      console.log(`  ${done} programs, ${((now - started) / 1000).toFixed(0)}s`);
    }
  },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`done in ${seconds}s:`, result.stats);
console.log('reports per rule:', result.reportsPerRule);
for (const example of result.parseErrorExamples) console.log(`generator produced an unparsable program (${example.error}):\n${example.program.code}`);
for (const failure of result.failures) console.log(`\nFAILURE ${formatFailure(failure)}`);
if (result.failures.length) {
  console.log(`\n${result.failures.length} failure(s); replay with: npm run fuzz -- --seed ${seed} --count ${count}`);
  process.exit(1);
}
