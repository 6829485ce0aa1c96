/**
 * Fuzz every rule of the plugin with generated programs (bench/lib/fuzz-programs.mjs), with
 * fixes, through the checks of bench/lib/harness.mjs: no crash, every fix output parses and is
 * idempotent, every suggestion parses.
 *
 * Template programs run as fast-check properties (a failure shrinks to a minimal program and
 * carries the seed and path that replay it); eslump programs are seeded one by one and a failing
 * one is reduced by dropping top-level statements while the same problem persists.
 */
import fc from 'fast-check';
import tsParser from '@typescript-eslint/parser';
import { Linter, allRules, checkSource, languageOptionsFor, makeConfigs } from './harness.mjs';
import { eslumpProgram, programArbitrary } from './fuzz-programs.mjs';

/**
 * @typedef {import('./fuzz-programs.mjs').GeneratedProgram} GeneratedProgram
 * @typedef {import('./harness.mjs').Problem} Problem
 * @typedef {{ source: 'template' | 'eslump', seed: number, path?: string, program: GeneratedProgram, problems: Problem[] }} FuzzFailure
 */

/** How a run of `count` programs is split: three quarters from templates (the shapes the rules are about), a quarter from eslump. */
export function splitCount(count) {
  const templates = Math.round(count * 0.75);
  return { templates, eslump: count - templates };
}

/** Seeds for the n-th eslump program of a run, spread so that runs with nearby seeds differ. */
export function eslumpSeed(seed, index, attempt = 0) {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index, 0xc2b2ae35) + Math.imul(attempt, 0x27d4eb2f)) >>> 0;
}

export function filenameOf(program) {
  return program.typescript ? (program.jsx ? 'fuzz.tsx' : 'fuzz.ts') : program.jsx ? 'fuzz.jsx' : 'fuzz.js';
}

/**
 * Check one generated program with every rule.
 * @param {Linter} linter
 * @param {object} plugin
 * @param {GeneratedProgram} program
 */
export function checkProgram(linter, plugin, program) {
  const configs = makeConfigs(plugin, { rules: allRules(plugin), languageOptions: languageOptionsFor(program), settings: program.settings });
  return checkSource(linter, program.code, configs, filenameOf(program));
}

const sameProblem = (a, b) => a.kind === b.kind && a.ruleId === b.ruleId;

/** Drop top-level statements of an eslump program while the first problem still occurs. */
export function reduceProgram(linter, plugin, program, problem) {
  let current = program;
  let changed = true;
  while (changed) {
    changed = false;
    let body;
    try {
      body = tsParser.parse(current.code, { sourceType: current.sourceType === 'script' ? 'script' : 'module', range: true, jsx: current.jsx }).body;
    } catch {
      return current;
    }
    for (let i = body.length - 1; i >= 0; i--) {
      const [start, end] = body[i].range;
      const candidate = { ...current, code: current.code.slice(0, start) + current.code.slice(end) };
      const result = checkProgram(linter, plugin, candidate);
      if (!result.parseError && result.problems.some((p) => sameProblem(p, problem))) {
        current = candidate;
        changed = true;
        break;
      }
    }
  }
  return current;
}

/**
 * @param {object} plugin the built plugin
 * @param {{ seed: number, templates: number, eslump: number, onProgress?: (done: number) => void, stopAfter?: number }} options
 * `stopAfter`: failures to collect before giving up (template runs stop at their first failure, then continue with the next seed).
 */
export function runFuzz(plugin, { seed, templates, eslump, onProgress, stopAfter = 10 }) {
  const linter = new Linter();
  /** @type {FuzzFailure[]} */
  const failures = [];
  const stats = { seed, templates: 0, templateParseErrors: 0, eslump: 0, eslumpDiscarded: 0, reports: 0, suggestions: 0, fixedPrograms: 0 };
  /** @type {Record<string, number>} reports per rule, over every program checked (shrinking included) */
  const reportsPerRule = Object.fromEntries(Object.keys(allRules(plugin)).map((rule) => [rule, 0]));
  const arbitrary = programArbitrary();
  /** @type {{ error: string, program: GeneratedProgram }[]} */
  const parseErrorExamples = [];

  // Template programs, in rounds: a round stops at its first (shrunk) failure.
  let round = 0;
  while (stats.templates < templates && failures.length < stopAfter) {
    const roundSeed = (seed + round * 7919) | 0;
    round++;
    const result = fc.check(
      fc.property(arbitrary, (program) => {
        const checked = checkProgram(linter, plugin, program);
        if (checked.parseError) {
          stats.templateParseErrors++;
          if (parseErrorExamples.length < 3) parseErrorExamples.push({ error: checked.parseError, program });
          return true;
        }
        stats.reports += checked.reports.length;
        for (const report of checked.reports) reportsPerRule[report.ruleId] = (reportsPerRule[report.ruleId] ?? 0) + 1;
        if (checked.fixedOutput !== undefined) stats.fixedPrograms++;
        stats.suggestions += checked.reports.reduce((sum, report) => sum + report.suggestions, 0);
        return checked.problems.length === 0;
      }),
      { seed: roundSeed, numRuns: templates - stats.templates },
    );
    // `numRuns`: programs generated before the failure (shrinking runs are not counted).
    stats.templates += Math.max(1, result.numRuns);
    if (result.failed && result.counterexample) {
      const [program] = result.counterexample;
      failures.push({ source: 'template', seed: roundSeed, path: result.counterexamplePath ?? undefined, program, problems: checkProgram(linter, plugin, program).problems });
    }
    onProgress?.(stats.templates);
  }

  for (let index = 0; index < eslump && failures.length < stopAfter; index++) {
    let program = null;
    let checked = null;
    let programSeed = 0;
    // About half of the eslump programs break an early-error rule; 64 tries make a miss (0.6^64) impossible in practice.
    for (let attempt = 0; attempt < 64; attempt++) {
      programSeed = eslumpSeed(seed, index, attempt);
      const candidate = eslumpProgram(programSeed);
      const result = checkProgram(linter, plugin, candidate);
      if (!result.parseError) {
        program = candidate;
        checked = result;
        break;
      }
      // shift-fuzzer ignores early errors (duplicate bindings); espree rejects those programs.
      stats.eslumpDiscarded++;
    }
    if (!program || !checked) continue;
    stats.eslump++;
    stats.reports += checked.reports.length;
    for (const report of checked.reports) reportsPerRule[report.ruleId] = (reportsPerRule[report.ruleId] ?? 0) + 1;
    stats.suggestions += checked.reports.reduce((sum, report) => sum + report.suggestions, 0);
    if (checked.fixedOutput !== undefined) stats.fixedPrograms++;
    if (checked.problems.length) {
      const reduced = reduceProgram(linter, plugin, program, checked.problems[0]);
      failures.push({ source: 'eslump', seed: programSeed, program: reduced, problems: checkProgram(linter, plugin, reduced).problems });
    }
    if (index % 100 === 99) onProgress?.(stats.templates + stats.eslump);
  }
  return { stats, reportsPerRule, failures, parseErrorExamples };
}

/** A failure as text a rule owner can act on: how to replay it and the minimal program. */
export function formatFailure(failure) {
  const replay =
    failure.source === 'template'
      ? `fast-check seed ${failure.seed}${failure.path ? `, path "${failure.path}"` : ''}`
      : `eslumpProgram(${failure.seed})`;
  const problems = failure.problems.map((p) => `  [${p.kind}] ${p.ruleId ?? '?'}: ${p.detail.split('\n').slice(0, 8).join('\n    ')}`).join('\n');
  const { program } = failure;
  return [
    `${failure.source} program (${replay}); ${program.typescript ? 'TypeScript' : `JavaScript ${program.sourceType}`}${program.jsx ? ' + JSX' : ''}; settings ${JSON.stringify(program.settings)}`,
    problems,
    '--- program ---',
    program.code,
  ].join('\n');
}
