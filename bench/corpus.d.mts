export const ROOT: string;
export const CORPUS_PACKAGES: string[];
export function isTypeScript(file: string): boolean;
export function sourceTypeOf(file: string, text?: string, root?: string): 'module' | 'commonjs';
export function hasEsmSyntax(text: string): boolean;
export function walk(dir: string, out?: string[]): string[];
export function isDuplicateBuild(file: string): boolean;
export function isMinifiedOrGenerated(file: string, text: string): boolean;
export interface CorpusFile {
  path: string;
  relativePath: string;
  pkg: string;
  text: string;
  typescript: boolean;
  sourceType: 'module' | 'commonjs';
}
export function loadCorpus(options?: { packages?: string[] }): { files: CorpusFile[]; skipped: { path: string; reason: string }[] };
