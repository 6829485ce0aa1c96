#!/usr/bin/env node
/**
 * Proves a move of RuleTester cases between test files kept every case (issue 17: big rule tests
 * split per framework/topic). Takes two vitest JSON reports of the same cases, before and after:
 *
 *   npx vitest run <old files> --reporter=json --outputFile=/tmp/before.json
 *   npx vitest run <new files> --reporter=json --outputFile=/tmp/after.json
 *   node scripts/compare-test-cases.mjs /tmp/before.json /tmp/after.json
 *
 * A RuleTester case's test name is its code (or its `name`), under a `valid` or `invalid` describe.
 * Compares the multisets of (valid|invalid, name) and the totals; the suite titles above them may
 * differ. Exits 1 on any difference or on a test that did not pass.
 */
import { readFileSync } from 'node:fs';

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: node scripts/compare-test-cases.mjs <before.json> <after.json>');
  process.exit(2);
}

function cases(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const counts = new Map();
  let total = 0;
  const notPassed = [];
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      const kind = test.ancestorTitles.at(-1);
      const key = `${kind}\u0000${test.title}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total += 1;
      if (test.status !== 'passed') notPassed.push(`${file.name}: ${test.fullName}`);
    }
  }
  return { counts, total, notPassed };
}

const before = cases(beforePath);
const after = cases(afterPath);
const differences = [];
for (const key of new Set([...before.counts.keys(), ...after.counts.keys()])) {
  const b = before.counts.get(key) ?? 0;
  const a = after.counts.get(key) ?? 0;
  if (a !== b) differences.push(`${key.replace('\u0000', ': ').slice(0, 160)} (before ${b}, after ${a})`);
}
const byKind = (set, kind) => [...set.counts].filter(([k]) => k.startsWith(`${kind}\u0000`)).reduce((n, [, c]) => n + c, 0);
for (const [label, set] of [['before', before], ['after', after]]) {
  console.log(`${label}: ${set.total} tests (${byKind(set, 'valid')} valid, ${byKind(set, 'invalid')} invalid), ${set.counts.size} distinct names, ${set.notPassed.length} not passed`);
}
for (const line of differences) console.log(`differs: ${line}`);
for (const line of [...before.notPassed, ...after.notPassed]) console.log(`not passed: ${line}`);
const same = differences.length === 0 && before.total === after.total;
console.log(same ? 'identical multisets of cases' : 'the cases differ');
process.exit(same && before.notPassed.length === 0 && after.notPassed.length === 0 ? 0 : 1);
