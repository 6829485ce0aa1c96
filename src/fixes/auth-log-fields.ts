/**
 * The auth-log schema in fixes (`requiredFields`, `eventField` of log-auth-failures and
 * log-auth-success): the event names the fixes write, the value of each required field a fix can
 * derive (`reason` from the failure kind, `ip` / `method` / `path` / `userAgent` from the request
 * object, the event name), and the edit that adds fields to a log call already there.
 * A field the fix cannot derive (a team's own `tenant`) is never invented.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getStringValue, skipTransparent } from '../model/ast.js';
import type { HandlerInfo } from '../model/handlers.js';
import { findMessageIndex, logCallStyle } from '../model/log-messages.js';
import { missingLogFields } from '../model/log-fields.js';
import { getLoggerCall } from '../model/loggers.js';
import { getRequestContextExpressions } from '../model/request-context.js';
import type { AuthLogSchema } from '../core/rule-options.js';
import type { AuthFailureReason } from './auth-log.js';
import { type LogField, REQUEST_FIELDS, quote } from './log-call.js';

/** The event vocabulary: one name per failure kind the rules tell apart, and the success. */
export const AUTH_EVENTS: Readonly<Record<AuthFailureReason | 'success', string>> = {
  invalid_credentials: 'login_failure',
  invalid_token: 'token_invalid',
  invalid_api_key: 'api_key_invalid',
  invalid_otp: 'otp_invalid',
  invalid_passkey: 'passkey_invalid',
  unauthorized: 'authn_failure',
  forbidden: 'access_denied',
  guard_denied: 'access_denied',
  rate_limited: 'rate_limited',
  expired_credential: 'credential_expired',
  success: 'login_success',
};

/** The `eventField` entry for an event, or null when none is configured. */
export function eventLogField(schema: AuthLogSchema, kind: AuthFailureReason | 'success'): LogField | null {
  return schema.event ? { key: schema.event.key, value: quote(`${schema.event.prefix}${AUTH_EVENTS[kind]}`) } : null;
}

/**
 * The schema fields (`schema.keys`) a fix can write at `at`, with their values: the event name,
 * `reason` of a failure, and the request fields of the enclosing handler visible there.
 */
export function derivableSchemaFields(context: Context, schema: AuthLogSchema, kind: AuthFailureReason | 'success', handler: HandlerInfo | null, at: TSESTree.Node): Map<string, string> {
  const values = new Map<string, string>();
  const request = handler ? getRequestContextExpressions(context, handler, at) : {};
  for (const key of schema.keys) {
    if (schema.event && key === schema.event.key) values.set(key, eventLogField(schema, kind)!.value!);
    else if (key === 'reason' && kind !== 'success') values.set(key, quote(kind));
    else if ((REQUEST_FIELDS as readonly string[]).includes(key) && request[key as (typeof REQUEST_FIELDS)[number]]) values.set(key, request[key as (typeof REQUEST_FIELDS)[number]]!);
  }
  return values;
}

function fieldsText(fields: readonly LogField[]): string {
  return fields.map((f) => (f.value === undefined || f.value === f.key ? f.key : `${f.key}: ${f.value}`)).join(', ');
}

function plainObject(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | null {
  const n = node && skipTransparent(node);
  return n?.type === AST_NODE_TYPES.ObjectExpression && n.properties.every((p) => p.type === AST_NODE_TYPES.Property) ? n : null;
}

function isStringMessage(node: TSESTree.Node | undefined): boolean {
  const n = node && skipTransparent(node);
  return !!n && (getStringValue(n) !== null || n.type === AST_NODE_TYPES.TemplateLiteral);
}

function appendToObject(context: Context, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, fields: readonly LogField[]): TSESLint.RuleFix {
  const text = fieldsText(fields);
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  const after = context.sourceCode.getTokenAfter(last)!;
  return after.value === ',' ? fixer.insertTextAfter(after, ` ${text}`) : fixer.insertTextAfter(last, `, ${text}`);
}

/**
 * Add `fields` to the log call, where its logger keeps them as fields: pino / bunyan's merging
 * object (written before a lone message), winston / console meta after a lone message, a Nest
 * object message (a lone string message becomes `{ message, …fields }`). `known`: the logger's style is resolved, not guessed from the call's shape.
 * Null when the call leaves no safe place (printf arguments, a `%` in a console message, a
 * merging object built elsewhere).
 */
export function addLogFieldsFix(context: Context, call: TSESTree.CallExpression, fields: readonly LogField[]): { fix: TSESLint.ReportFixFunction; known: boolean } | null {
  const log = getLoggerCall(context, call);
  if (!log || log.via !== 'logger' || fields.length === 0 || log.args.length === 0) return null;
  const { style, known } = logCallStyle(context, log);
  const args = log.args;
  const messageIndex = findMessageIndex(args);
  const text = fieldsText(fields);
  switch (style) {
    case 'pino':
    case 'bunyan': {
      const object = messageIndex === 1 ? plainObject(args[0]) : null;
      if (object && args.length === 2) return { known, fix: (fixer) => appendToObject(context, fixer, object, fields) };
      if (messageIndex === 0 && args.length === 1 && isStringMessage(args[0])) return { known, fix: (fixer) => fixer.insertTextBefore(args[0]!, `{ ${text} }, `) };
      return null;
    }
    case 'nest': {
      const object = plainObject(args[0]);
      if (object && args.length <= 2) return { known, fix: (fixer) => appendToObject(context, fixer, object, fields) };
      // Nest's Logger takes an object message (the no-log-injection fix writes the same shape).
      if (args.length === 1 && isStringMessage(args[0])) {
        const message = context.sourceCode.getText(args[0]!);
        return { known, fix: (fixer) => fixer.replaceText(args[0]!, `{ message: ${message}, ${text} }`) };
      }
      return null;
    }
    default: {
      if (messageIndex !== 0 || !isStringMessage(args[0])) return null;
      const meta = args.length === 2 ? plainObject(args[1]) : null;
      if (meta) return { known, fix: (fixer) => appendToObject(context, fixer, meta, fields) };
      // A `%` would make console / winston's splat read the object as a format argument.
      if (args.length !== 1 || context.sourceCode.getText(args[0]!).includes('%')) return null;
      return { known, fix: (fixer) => fixer.insertTextAfter(args[0]!, `, { ${text} }`) };
    }
  }
}

/**
 * For a log that lacks the schema's fields (or none, when no log is there to complete): which fields
 * are missing, the autofix that adds them (only when every missing one can be derived and the
 * logger's style is known), and the suggestion that adds the derivable ones.
 */
export function missingFieldsRepair(
  context: Context,
  schema: AuthLogSchema,
  log: TSESTree.CallExpression | null,
  kind: AuthFailureReason | 'success',
  handler: HandlerInfo | null,
): { missing: string; fix: TSESLint.ReportFixFunction | null; suggestion: { fields: string; fix: TSESLint.ReportFixFunction } | null } {
  const missing = log ? missingLogFields(context, log, schema.keys) : [...schema.keys];
  const values = log ? derivableSchemaFields(context, schema, kind, handler, log) : new Map<string, string>();
  const derivable = missing.filter((key) => values.has(key)).map((key) => ({ key, value: values.get(key)! }));
  const edit = log ? addLogFieldsFix(context, log, derivable) : null;
  return {
    missing: missing.join(', '),
    fix: edit && edit.known && derivable.length === missing.length ? edit.fix : null,
    suggestion: edit ? { fields: derivable.map((f) => f.key).join(', '), fix: edit.fix } : null,
  };
}
