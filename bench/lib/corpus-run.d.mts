import type { CorpusFile } from '../corpus.mjs';
import type { PluginLike, Problem, Report } from './harness.mjs';

export const FINDINGS_FILE: string;
export const PASSES: readonly { name: string; settings: Record<string, unknown>; mentions?: string }[];
export interface CorpusResult {
  files: number;
  linted: number;
  filesPerPackage: Record<string, number>;
  configuredPassFiles: number;
  skipped: { path: string; reason: string }[];
  parseErrors: { file: string; error: string }[];
  problems: (Problem & { file: string; pass: string })[];
  counts: Record<string, Record<string, number>>;
  findings: { file: string; pass: string; report: Report; context: string }[];
  fixedFiles: number;
}
export function runCorpus(plugin: PluginLike, options?: { files?: CorpusFile[] }): CorpusResult;
export function formatFindings(result: CorpusResult): string;
export function writeFindings(result: CorpusResult, file?: string): string;
export function formatCounts(result: CorpusResult): string;
