/**
 * "Does this code tie the caller's identity to the request's logger?" — the idioms read in real
 * code and the libraries' sources: rebinding the request logger to a child (`req.log =
 * req.log.child({ userId })`, Fastify's `request.log = request.log.child(…)`), pino's
 * `request.log.setBindings({ userId })`, nestjs-pino's `this.logger.assign({ userId })`, an
 * AsyncLocalStorage store entered with the identity (`als.run({ userId }, …)`,
 * `als.enterWith(…)`) that a pino `mixin` in the same file reads, and a pino-http `customProps`
 * reading the user (its bindings reach the request-completed line). Also: which assignment puts
 * an authenticated identity on the request (`req.user = payload`, `ctx.state.user = …`).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getMemberPath, getPropertyName, getRootIdentifier, lastName, skipTransparent } from './ast.js';
import { type AuthFunction, getAuthFunction } from './auth-steps.js';
import { fileLogsThrough } from './request-context.js';
import { tokenizeName } from './secrets/names.js';

/** Words that name who the caller is (not a bare `id`: `requestId`, `traceId` name no one). */
const IDENTITY_WORDS = new Set(['user', 'userid', 'uid', 'username', 'sub', 'subject', 'principal', 'account', 'member', 'customer', 'client', 'actor', 'identity', 'caller', 'key', 'email']);
/** Request properties an authentication step stores the caller under. */
const IDENTITY_TARGET = /^(?:user|currentUser|authUser|auth|principal|identity|account|apiKey|apiClient|client|claims|member|caller|session[Uu]ser)$/u;
const REQUEST_ROOT = /^_?(?:req|request|ctx|context)$/u;
const LOGGER_PROPERTY = /^(?:log|logger)$/u;

/** Whether a name or member path names the caller: `userId`, `req.user.id`, `apiKeyId`, `sub`. */
function namesIdentity(text: string): boolean {
  return text.split('.').some((part) => tokenizeName(part).some((t) => IDENTITY_WORDS.has(t)));
}

/** Whether a bindings argument names the caller by a key or a value. */
function bindingsNameIdentity(node: TSESTree.Node | undefined): boolean {
  const n = node && skipTransparent(node);
  if (!n) return false;
  if (n.type === AST_NODE_TYPES.Identifier) return namesIdentity(n.name);
  if (n.type === AST_NODE_TYPES.MemberExpression) return namesIdentity(getMemberPath(n) ?? '');
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return n.properties.some((p) => {
    if (p.type === AST_NODE_TYPES.SpreadElement) return bindingsNameIdentity(p.argument);
    const key = getPropertyName(p);
    return (key !== null && namesIdentity(key)) || bindingsNameIdentity(p.value);
  });
}

/** `req.user = payload`, `request.auth = …`, `ctx.state.user = …`, `res.locals.user = …`: the step stores who the caller is. */
export function isIdentityAssignment(node: TSESTree.AssignmentExpression): boolean {
  const left = node.left;
  if (left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(left);
  if (name === null || !IDENTITY_TARGET.test(name)) return false;
  const object = skipTransparent(left.object);
  if (object.type === AST_NODE_TYPES.Identifier) return REQUEST_ROOT.test(object.name);
  // ctx.state.user, res.locals.user
  const path = getMemberPath(object);
  return path !== null && /^(?:ctx\.state|context\.state|res\.locals|response\.locals)$/u.test(path);
}

/**
 * Whether this call or assignment binds the caller's identity to the request's logger:
 * `req.log = req.log.child({ userId })`, `request.log.setBindings({ userId })`,
 * `this.logger.assign({ userId })`, `als.run({ userId }, …)` / `als.enterWith(…)` when a pino
 * `mixin` in the file reads that store.
 */
export function bindsIdentity(context: Context, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): boolean {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    const left = node.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || !LOGGER_PROPERTY.test(getPropertyName(left) ?? '')) return false;
    const right = skipTransparent(node.right);
    return right.type === AST_NODE_TYPES.CallExpression && isMethodCall(right, 'child') && bindingsNameIdentity(right.arguments[0]);
  }
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  if (method === 'setBindings' || method === 'assign') {
    // request.log.setBindings(…), this.logger.assign(…): on a logger, not Object.assign.
    return LOGGER_PROPERTY.test(lastName(callee.object) ?? '') && bindingsNameIdentity(node.arguments[0]);
  }
  if (method === 'run' || method === 'enterWith') {
    const store = skipTransparent(callee.object);
    if (store.type !== AST_NODE_TYPES.Identifier && store.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = context.sourceCode.getText(store);
    return bindingsNameIdentity(node.arguments[0]) && mixinReadsStore(context.sourceCode, name);
  }
  return false;
}

function isMethodCall(call: TSESTree.CallExpression, method: string): boolean {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === method;
}

/** A pino `mixin` in the file that reads the store (`mixin: () => als.getStore() ?? {}`). */
function mixinReadsStore(sourceCode: Readonly<TSESLint.SourceCode>, store: string): boolean {
  const text = sourceCode.text;
  return /\bmixin\b/u.test(text) && text.includes(`${store}.getStore(`);
}

/**
 * A pino-http `customProps` option that reads the caller (`customProps: (req) => ({ userId:
 * req.user?.id })`): pino-http calls it again when the response finishes, so the
 * request-completed line carries who the caller was.
 */
export function isIdentityCustomProps(context: Context, property: TSESTree.Property): boolean {
  if (getPropertyName(property) !== 'customProps') return false;
  return /\b(?:user|principal|account|apiKey|client|identity)\b|userId|\.sub\b/u.test(context.sourceCode.getText(property.value));
}

/**
 * Whether the file gives this request a logger to bind to: it uses `req.log` / `ctx.log` (pino-http,
 * koa-pino-logger, Fastify) on the request object named `request`, or sets one up (pino-http,
 * nestjs-pino, an AsyncLocalStorage store). Without one the rule has nothing to ask for.
 */
export function fileHasRequestLogger(context: Context, request: string): boolean {
  // `req.log.info(…)`, `req.log = req.log.child(…)` — not `req.login(user)` or `req.logout()`.
  return fileLogsThrough(context, `${request}.log`) || /pino-http|express-pino-logger|koa-pino-logger|nestjs-pino|AsyncLocalStorage/u.test(context.sourceCode.text);
}

/** The request object a handler names (`req` in `req.user = …`), for messages. */
export function identityHolder(node: TSESTree.AssignmentExpression): string {
  return getRootIdentifier(node.left)?.name ?? 'req';
}

/**
 * `req.user = payload` (`node`) in `fn`, a per-request authentication step (middleware, guard,
 * Fastify hook; not a passport strategy, which runs once per login): the step, when the request
 * has a logger to bind the caller to (Fastify gives every request one; elsewhere the file must use
 * or set one up), else null.
 */
export function identityStoringStep(context: Context, fn: AnyFunction, node: TSESTree.AssignmentExpression): AuthFunction | null {
  const auth = getAuthFunction(context, fn);
  if (!auth || auth.kind === 'strategy') return null;
  if (auth.kind !== 'hook' && !fileHasRequestLogger(context, identityHolder(node))) return null;
  return auth;
}
