/**
 * The log lines log-auth-failures and log-auth-success insert: a warn before a rejected auth
 * attempt (reason, request fields, the attempted identity per `settings.identity`, the presented
 * key's fingerprint) and an info before a login's success answer (the principal, IP, user agent);
 * plus the edit that raises a below-warn log of a failure to warn.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getStringValue, getVariableInit, skipTransparent } from '../model/ast.js';
import { type CredentialFailure, LOGIN_CONTEXT, visibleVariable } from '../model/credential-checks.js';
import { type HandlerInfo, findEnclosingHandler } from '../model/handlers.js';
import { getFrameworkLogger, getRequestContextExpressions } from '../model/request-context.js';
import { getLoggerCall, warnMethodBeside } from '../model/loggers.js';
import { enclosingStatement, routeOf } from '../model/placement.js';
import { getSettings } from '../core/settings.js';
import { indentUnit, lineIndent } from './edits.js';
import { importFix } from './imports.js';
import { type LogField, type LogTarget, buildLogCall, requestLogFields } from './log-call.js';
import { describeEnclosingFunction } from './log-message.js';
import { chooseLogTarget, targetSetupFixes } from './log-target.js';
import { isNameInScope } from './names.js';
import type { RejectionReason } from '../model/rejection-sites.js';

/** Why an auth attempt was rejected: the `reason` field of the log line. */
/** The reasons log-auth-failures tells apart (one definition, in the model). */
export type AuthFailureReason = RejectionReason;

const MESSAGES: Record<AuthFailureReason, string> = {
  unauthorized: 'Authentication failed',
  forbidden: 'Access denied',
  rate_limited: 'Rate limit exceeded',
  invalid_credentials: 'Login failed: invalid credentials',
  invalid_token: 'Authentication failed: invalid token',
  invalid_api_key: 'Authentication failed: invalid API key',
  invalid_otp: 'Authentication failed: invalid one-time code',
  invalid_passkey: 'Authentication failed: passkey not verified',
  guard_denied: 'Access denied by guard',
  expired_credential: 'Authentication failed: expired credential',
};

const SENSITIVE_ACTION = /delete|remove|destroy|close|change|update|reset|transfer|withdraw|confirm|reauth|sudo|account|email|password|settings|payout/iu;
const PASSWORD_HELPER = /^(?:check|verify|compare|validate|match)\w*(?:password|passwd|pw|hash|credential)s?$|^(?:is|has)?\w*password\w*$/iu;
/** Variables that hold the presented secret: logged only through the configured fingerprint helper. */
const SECRET_NAMES = ['apiKey', 'apiToken', 'token', 'accessToken', 'bearerToken', 'providedKey', 'presentedKey', 'key'];
/** Names of variables that hold who tried: logged as the attempted identity (never the secret). */
const IDENTITY_NAMES = ['userId', 'username', 'userName', 'email', 'login', 'accountId', 'clientId', 'keyId', 'apiKeyId', 'user_id'];
/** Variables an autofix may log as is: opaque ids. */
const OPAQUE_ID_NAMES = ['userId', 'accountId', 'user_id', 'uid', 'memberId', 'principalId'];
/** Variables of a user record whose `.id` a suggestion (reviewed) may log. */
const USER_RECORD_NAMES = ['user', 'account', 'member', 'existingUser', 'foundUser', 'dbUser'];
/** Identities that are personal data: written per `settings.identity`. */
const PERSONAL_IDENTITY_NAMES = ['username', 'email', 'login'];

/** Where an auth log line goes and what it says. */
export interface AuthFailureSite {
  anchor: TSESTree.Node;
  region: AnyFunction;
  reason: AuthFailureReason;
  handler: HandlerInfo | null;
}

/** The one precedence: the configured logger > the framework's request logger > console. */
export function handlerLogTarget(context: Context, handler: HandlerInfo | null, at: TSESTree.Node): LogTarget {
  const framework = handler ? getFrameworkLogger(context, handler, at) : null;
  return chooseLogTarget(context, at, framework);
}

/** `identity: 'hash'` without a usable fingerprint helper and an identity in scope: only a reviewed suggestion may hash it inline. */
export function identityNeedsInlineHash(context: Context, at: TSESTree.Node): boolean {
  return getSettings(context).identity === 'hash' && !fingerprintUsableAt(context, at) && findIdentity(context, at) !== null;
}

function fingerprintUsableAt(context: Context, at: TSESTree.Node): boolean {
  const fingerprint = getSettings(context).fingerprint;
  return fingerprint !== undefined && (fingerprint.importFrom !== undefined || isNameInScope(context, at, fingerprint.name.split('.')[0]!));
}

/** A variable naming who tried (`email`, `username`, `userId`) visible and initialized before `at`. */
function findIdentity(context: Context, at: TSESTree.Node): string | null {
  return IDENTITY_NAMES.find((name) => visibleVariable(context, at, name) !== null) ?? null;
}

/** A variable holding the presented API key or token, visible and initialized before `at`. */
function findSecret(context: Context, at: TSESTree.Node, reason: AuthFailureReason): string | null {
  for (const name of SECRET_NAMES) {
    const variable = visibleVariable(context, at, name);
    if (!variable) continue;
    // `key` is too common a name to trust without an API-key check or an Authorization read.
    if (name === 'key' && reason !== 'invalid_api_key') {
      const init = getVariableInit(variable);
      if (!init || !/api[-_]?key|authorization/iu.test(context.sourceCode.getText(init))) continue;
    }
    return name;
  }
  return null;
}

/**
 * The log before the rejection: reason, the request fields (path without its query string),
 * the attempted identity per `settings.identity` (`hash`: through the fingerprint helper, or
 * — for `inline-hash` — a truncated SHA-256; `raw`: as is; `omit`: never), and the presented
 * key's fingerprint when a helper is configured.
 */
export function authFailureLogFix(
  context: Context,
  site: AuthFailureSite,
  target: LogTarget,
  identityMode: 'setting' | 'inline-hash',
  extra: readonly LogField[] = [],
): TSESLint.ReportFixFunction {
  const { anchor } = site;
  const settings = getSettings(context);
  const fields = authFailureLogFields(context, site, extra);
  const fingerprint = settings.fingerprint;
  const fingerprintUsable = fingerprintUsableAt(context, anchor);
  const identity = findIdentity(context, anchor);
  let hashName: string | null = null;
  if (identity) {
    if (settings.identity === 'raw') fields.push({ key: identity });
    else if (settings.identity === 'hash' && fingerprintUsable) fields.push({ key: `${identity}Fingerprint`, value: `${identity} ? ${fingerprint!.name}(String(${identity})) : undefined` });
    else if (settings.identity === 'hash' && identityMode === 'inline-hash') {
      hashName = isNameInScope(context, anchor, 'createHash') ? null : 'createHash';
      fields.push({ key: `${identity}Hash`, value: `createHash('sha256').update(String(${identity})).digest('hex').slice(0, 16)` });
    }
  }
  const secret = fingerprint ? findSecret(context, anchor, site.reason) : null;
  if (secret && fingerprintUsable) fields.push({ key: 'keyFingerprint', value: `${secret} ? ${fingerprint!.name}(${secret}) : undefined` });
  const call = `${buildLogCall(target, { level: 'warn', message: authFailureMessage(context, site), fields })};`;
  const needsFingerprintImport = fingerprintUsable && fingerprint!.importFrom !== undefined && fields.some((f) => f.value?.includes(`${fingerprint!.name}(`));
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [insertLogBefore(context, fixer, anchor, site.region, call)];
    fixes.push(...targetSetupFixes(context, fixer, target));
    if (needsFingerprintImport) {
      const imp = importFix(context, fixer, fingerprint!.name, fingerprint!.importFrom!, fingerprint!.importKind);
      if (imp) fixes.push(imp);
    }
    if (hashName) {
      const imp = importFix(context, fixer, 'createHash', 'node:crypto', 'named');
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
}

/** The fields every auth-failure log the fix writes carries: reason, the request fields, then `extra` (the event name) not already there. */
export function authFailureLogFields(context: Context, site: AuthFailureSite, extra: readonly LogField[] = []): LogField[] {
  const fields: LogField[] = [{ key: 'reason', value: `'${site.reason}'` }];
  if (site.handler) fields.push(...requestLogFields(getRequestContextExpressions(context, site.handler, site.anchor)));
  for (const field of extra) if (!fields.some((f) => f.key === field.key)) fields.push(field);
  return fields;
}

/**
 * Say what the check tested: a password check in a login (a named login/sign-in/session
 * function or route, a passport strategy) is a failed login; anywhere else (before deleting
 * an account, changing an email) it is a password re-check of a signed-in user.
 */
function authFailureMessage(context: Context, site: AuthFailureSite): string {
  if (site.reason !== 'invalid_credentials') return MESSAGES[site.reason];
  const name = describeEnclosingFunction(site.anchor);
  const route = routeOf(site.region);
  // Next.js and file-routed frameworks name the route by the file: app/api/login/route.ts.
  const where = [name, route, context.filename.split(/[\\/]/u).slice(-3).join('/')].filter((w): w is string => w !== null).join(' ');
  if (LOGIN_CONTEXT.test(where)) return MESSAGES.invalid_credentials;
  // checkPassword(), comparePasswords(): a helper that may serve a login or a re-check.
  if (PASSWORD_HELPER.test(name ?? '')) return 'Password check failed: invalid credentials';
  // A signed-in user confirming a sensitive action (delete the account, change the email).
  if (SENSITIVE_ACTION.test(`${name ?? ''} ${route ?? ''}`)) return `Password re-check failed in ${name ?? route}`;
  return name === null && route === null ? MESSAGES.invalid_credentials : 'Authentication failed: invalid credentials';
}

/** Insert `call` on its own line before `anchor`; an arrow's expression body becomes a block, a bare `if` branch a braced one. */
function insertLogBefore(context: Context, fixer: TSESLint.RuleFixer, anchor: TSESTree.Node, region: AnyFunction, call: string): TSESLint.RuleFix {
  const sourceCode = context.sourceCode;
  const unit = indentUnit(context);
  if (anchor === region.body) {
    // (req, res) => res.sendStatus(403)
    const indent = lineIndent(context, region);
    const arrow = sourceCode.getTokenBefore(anchor, { filter: (t) => t.value === '=>' })!;
    return fixer.replaceTextRange([arrow.range[1], region.range[1]], ` {\n${indent}${unit}${call}\n${indent}${unit}return ${sourceCode.getText(anchor)};\n${indent}}`);
  }
  const parent = anchor.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase || parent?.type === AST_NODE_TYPES.StaticBlock) {
    const line = sourceCode.lines[anchor.loc.start.line - 1] ?? '';
    const before = line.slice(0, anchor.loc.start.column);
    if (/^\s*$/u.test(before)) return fixer.insertTextBefore(anchor, `${call}\n${before}`);
    return fixer.insertTextBefore(anchor, `${call} `);
  }
  // if (!token) return res.sendStatus(401);
  const outer = lineIndent(context, parent ?? anchor);
  const previous = sourceCode.getTokenBefore(anchor, { includeComments: true })!;
  const block = `{\n${outer}${unit}${call}\n${outer}${unit}${sourceCode.getText(anchor)}\n${outer}}`;
  // Keep a comment between `)` and the statement where it is.
  if (previous.type === 'Block' || previous.type === 'Line') return fixer.replaceText(anchor, block);
  return fixer.replaceTextRange([previous.range[1], anchor.range[1]], ` ${block}`);
}

/** The edit that raises a below-warn log call to warn (`logger.info` → `logger.warn`, `log('info', …)` → `log('warn', …)`). */
export function raiseToWarn(context: Context, log: TSESTree.CallExpression): { from: string; to: string; fix: TSESLint.ReportFixFunction } | null {
  const call = getLoggerCall(context, log);
  const callee = skipTransparent(log.callee);
  if (!call || call.via !== 'logger' || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  const levelArg = log.arguments[0];
  if (call.method === 'log' && call.loggerPath !== 'console' && levelArg && getStringValue(levelArg) !== null) {
    return { from: context.sourceCode.getText(levelArg), to: "'warn'", fix: (fixer) => fixer.replaceText(levelArg, "'warn'") };
  }
  const object = context.sourceCode.getText(callee.object);
  const warn = warnMethodBeside(call.method ?? '');
  return { from: `${object}.${call.method}`, to: `${object}.${warn}`, fix: (fixer) => fixer.replaceText(callee.property, warn) };
}

/** Who signed in, as a log field: an opaque id as is; `user.id` only for a person to review; e-mail per settings. */
function principalField(context: Context, at: TSESTree.Node): { field: LogField; safe: boolean; fingerprintImport: boolean } | null {
  const opaque = OPAQUE_ID_NAMES.find((name) => visibleVariable(context, at, name));
  if (opaque) return { field: { key: opaque }, safe: true, fingerprintImport: false };
  const record = USER_RECORD_NAMES.find((name) => visibleVariable(context, at, name));
  if (record) return { field: { key: 'userId', value: `${record}.id` }, safe: false, fingerprintImport: false };
  const settings = getSettings(context);
  const personal = PERSONAL_IDENTITY_NAMES.find((name) => visibleVariable(context, at, name));
  if (!personal || settings.identity === 'omit') return null;
  if (settings.identity === 'raw') return { field: { key: personal }, safe: true, fingerprintImport: false };
  const fingerprint = settings.fingerprint;
  if (!fingerprint || (fingerprint.importFrom === undefined && !isNameInScope(context, at, fingerprint.name.split('.')[0]!))) return null;
  return { field: { key: `${personal}Fingerprint`, value: `${fingerprint.name}(String(${personal}))` }, safe: true, fingerprintImport: fingerprint.importFrom !== undefined };
}

/**
 * The info log of a login's success before the statement that answers at `node`, with the
 * principal and the caller's IP and user agent. `autofix` when the principal may be logged
 * unreviewed and a logger is configured. Null when the answer is no statement of a block.
 */
export function loginSuccessLogFix(
  context: Context,
  node: TSESTree.Node,
  extra: readonly LogField[] = [],
): { fix: TSESLint.ReportFixFunction; call: string; autofix: boolean; keys: string[] } | null {
  const anchor = enclosingStatement(node);
  const parent = anchor.parent;
  if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.SwitchCase) return null;
  const principal = principalField(context, anchor);
  if (!principal) return null;
  const handler = findEnclosingHandler(context, anchor);
  const target = handlerLogTarget(context, handler, anchor);
  const fields: LogField[] = [principal.field];
  if (handler) fields.push(...requestLogFields(getRequestContextExpressions(context, handler, anchor), ['ip', 'userAgent']));
  for (const field of extra) if (!fields.some((f) => f.key === field.key)) fields.push(field);
  const text = `${buildLogCall(target, { level: 'info', message: 'Login succeeded', fields })};`;
  const line = context.sourceCode.lines[anchor.loc.start.line - 1] ?? '';
  const indent = line.slice(0, anchor.loc.start.column);
  if (!/^\s*$/u.test(indent)) return null;
  const fingerprint = getSettings(context).fingerprint;
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    const fixes = [fixer.insertTextBefore(anchor, `${text}\n${indent}`), ...targetSetupFixes(context, fixer, target)];
    if (principal.fingerprintImport && fingerprint?.importFrom !== undefined) {
      const imp = importFix(context, fixer, fingerprint.name, fingerprint.importFrom, fingerprint.importKind);
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
  return { fix, call: `${target.expression}.info`, autofix: principal.safe && target.configured, keys: fields.map((f) => f.key) };
}

/** What the report calls a failed credential check. */
export function describeCredentialFailure(reason: CredentialFailure): string {
  const what: Record<CredentialFailure, string> = {
    invalid_token: 'a failed token check',
    invalid_api_key: 'a failed API key check',
    invalid_otp: 'a failed one-time code check',
    invalid_passkey: 'a failed passkey (WebAuthn) check',
    invalid_credentials: 'a failed password check',
  };
  return what[reason];
}
