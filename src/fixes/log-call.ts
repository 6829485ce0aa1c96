/**
 * The one log-call builder: the text of a log statement for a target logger in its style
 * (pino / bunyan, winston, Nest, console), in the shape that keeps the error's message, stack and
 * cause with that logger, with the shared request fields (`method`, `path`, `ip`, `userAgent`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { errorLogCallText } from '../model/logger-styles.js';
import type { LogLevel } from '../model/loggers.js';
import type { RequestContextExpressions } from '../model/request-context.js';
import type { LoggerStyle } from '../core/settings.js';

export interface LogTarget {
  /** Expression text for the logger object: `logger`, `this.logger`, `console`. */
  expression: string;
  style: LoggerStyle;
  /** True when the user configured the logger: the fix may be an autofix. */
  configured: boolean;
  /** Module to import `expression` from when it is not in scope. */
  importFrom?: string;
  importKind: 'named' | 'default';
  /** pino / bunyan keys the logger's creation in this file serializes as errors. */
  errorKeys?: ReadonlySet<string> | null;
  /** A Nest logger member the fix must add to the class for `expression` to exist. */
  addMember?: AddedMember;
}

export interface LogField {
  key: string;
  /** Expression text; omitted for shorthand `{ key }`. */
  value?: string;
}

export interface LogStatementSpec {
  level: LogLevel;
  message: string;
  /** Name of the variable holding the caught error, if any. */
  error?: string;
  fields?: readonly LogField[];
}

export interface AddedMember {
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  text: string;
  importLogger: boolean;
}

/** console and winston's default (npm) levels have no `trace` or `fatal` method. */
const CONSOLE_METHOD: Record<LogLevel, string> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'error',
};
const WINSTON_METHOD = CONSOLE_METHOD;
const NEST_METHOD: Record<LogLevel, string> = {
  trace: 'verbose',
  debug: 'debug',
  info: 'log',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** A single-quoted string literal of `text` (one line). */
export function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\r?\n/gu, ' ')}'`;
}

/** `{ key, key: value }` for log fields. */
function objectText(fields: readonly LogField[]): string {
  return `{ ${fields.map((f) => (f.value === undefined || f.value === f.key ? f.key : `${f.key}: ${f.value}`)).join(', ')} }`;
}

/** The method a style calls for a level. */
export function methodFor(style: LoggerStyle, level: LogLevel): string {
  switch (style) {
    case 'winston':
      return WINSTON_METHOD[level];
    case 'nest':
      return NEST_METHOD[level];
    case 'console':
      return CONSOLE_METHOD[level];
    default:
      return level;
  }
}

/**
 * The text of one log call (no semicolon) in the target's style, in the shape that keeps
 * the error's message, stack and cause with that logger (see logger-styles.ts).
 */
export function buildLogCall(target: LogTarget, spec: LogStatementSpec): string {
  const fields = spec.fields && spec.fields.length > 0 ? objectText(spec.fields) : undefined;
  return errorLogCallText(target.style, {
    logger: target.expression,
    method: methodFor(target.style, spec.level),
    message: quote(spec.message),
    error: spec.error,
    fields,
    errorKeys: target.errorKeys ?? null,
  });
}

/** The request field names every fix uses, in this order. */
export const REQUEST_FIELDS = ['method', 'path', 'ip', 'userAgent'] as const;

/** Log fields for the request, under the one shared set of names (`method`, `path`, `ip`, `userAgent`). */
export function requestLogFields(expressions: RequestContextExpressions, which: ReadonlyArray<(typeof REQUEST_FIELDS)[number]> = REQUEST_FIELDS): LogField[] {
  return which.flatMap((key) => (expressions[key] ? [{ key, value: expressions[key] }] : []));
}
