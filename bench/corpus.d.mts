export const ROOT: string;
export const CORPUS_PACKAGES: string[];
export function isTypeScript(file: string): boolean;
export function sourceTypeOf(file: string, text?: string): 'module' | 'commonjs';
export interface CorpusFile {
  path: string;
  relativePath: string;
  pkg: string;
  text: string;
  typescript: boolean;
  sourceType: 'module' | 'commonjs';
}
export function loadCorpus(options?: { packages?: string[] }): { files: CorpusFile[]; skipped: { path: string; reason: string }[] };
