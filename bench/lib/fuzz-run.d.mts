import type { GeneratedProgram } from './fuzz-programs.mjs';
import type { CheckResult, Linter, PluginLike, Problem } from './harness.mjs';

export interface FuzzFailure {
  source: 'template' | 'eslump';
  seed: number;
  path?: string;
  program: GeneratedProgram;
  problems: Problem[];
}
export interface FuzzStats {
  seed: number;
  templates: number;
  templateParseErrors: number;
  eslump: number;
  eslumpDiscarded: number;
  reports: number;
  suggestions: number;
  fixedPrograms: number;
}
export interface FuzzResult {
  stats: FuzzStats;
  reportsPerRule: Record<string, number>;
  failures: FuzzFailure[];
  parseErrorExamples: { error: string; program: GeneratedProgram }[];
}
export function splitCount(count: number): { templates: number; eslump: number };
export function eslumpSeed(seed: number, index: number, attempt?: number): number;
export function filenameOf(program: GeneratedProgram): string;
export function checkProgram(linter: Linter, plugin: PluginLike, program: GeneratedProgram): CheckResult;
export function reduceProgram(linter: Linter, plugin: PluginLike, program: GeneratedProgram, problem: Problem): GeneratedProgram;
export function runFuzz(
  plugin: PluginLike,
  options: { seed: number; templates: number; eslump: number; onProgress?: (done: number) => void; stopAfter?: number },
): FuzzResult;
export function formatFailure(failure: FuzzFailure): string;
