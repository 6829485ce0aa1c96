export interface AloneTogetherFile {
  relativePath: string;
  text: string;
  typescript?: boolean;
  sourceType?: 'module' | 'commonjs';
}
export function compareAloneTogether(
  plugin: object,
  files: AloneTogetherFile[],
  rules: Record<string, unknown>,
): { files: number; reports: number; differences: { file: string; rule: string; alone: string[]; together: string[] }[] };
