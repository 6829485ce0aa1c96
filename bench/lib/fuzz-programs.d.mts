import type fc from 'fast-check';

export interface GeneratedProgram {
  code: string;
  typescript: boolean;
  jsx: boolean;
  sourceType: 'module' | 'commonjs' | 'script';
  settings: Record<string, unknown>;
}
export function settingsArbitrary(): fc.Arbitrary<Record<string, unknown>>;
export function programArbitrary(): fc.Arbitrary<GeneratedProgram>;
export function eslumpProgram(seed: number): GeneratedProgram;
