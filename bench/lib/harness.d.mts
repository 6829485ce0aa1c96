import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';

export { Linter };
export const NAMESPACE: 'security-logging';
export const SOURCE_FILES: string[];
export const NODE_GLOBALS: Readonly<Record<string, 'readonly'>>;
export const LINTER_OPTIONS: Readonly<{ noInlineConfig: true; reportUnusedDisableDirectives: 'off' }>;
export const CONFIGURED_LOGGER_SETTINGS: Readonly<Record<string, unknown>>;

export interface PluginLike {
  rules: Record<string, unknown>;
  [key: string]: unknown;
}
export function languageOptionsFor(kind: { typescript?: boolean; sourceType?: 'module' | 'commonjs' | 'script'; jsx?: boolean }): LinterType.LanguageOptions;
export function allRules(plugin: PluginLike): Record<string, 'error'>;
export interface Configs {
  lint: LinterType.Config[];
  check: LinterType.Config[];
}
export function makeConfigs(
  plugin: PluginLike,
  options: { rules: Record<string, unknown>; languageOptions: LinterType.LanguageOptions; settings?: Record<string, unknown> },
): Configs;

export interface Report {
  ruleId: string;
  line: number;
  column: number;
  endLine?: number;
  message: string;
  messageId?: string;
  fixable: boolean;
  suggestions: number;
}
export type ProblemKind =
  | 'crash'
  | 'fix-parse'
  | 'fix-undefined'
  | 'fix-not-idempotent'
  | 'suggestion-parse'
  | 'suggestion-undefined'
  | 'suggestion-noop';
export interface Problem {
  kind: ProblemKind;
  ruleId: string | null;
  detail: string;
  code?: string;
}
export interface CheckResult {
  parseError?: string;
  reports: Report[];
  problems: Problem[];
  fixedOutput?: string;
}
export function checkSource(linter: Linter, text: string, configs: Configs, filename: string): CheckResult;
export function excerpt(text: string, line: number, radius?: number): string;
