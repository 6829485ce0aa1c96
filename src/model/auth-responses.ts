/**
 * Answers around an auth check: a plain response in a handler (`res.json({ ok: false })`,
 * `res.redirect('/login')`) that a failed credential check may choose, a 401/403 branch chosen by
 * an error code that is not about authentication, same-file helpers that always reject
 * (`deny(res)`), and where a thrown error reaches the caller (a handler or a Nest class).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findEnclosingClass, getEnclosingFunction, getMemberPath, getPropertyName, getStringValue, isFunctionNode, resolveFunction, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perNode } from './file-cache.js';
import { type HandlerInfo, findEnclosingHandler, getHandlerInfo, isCalledInSameFile } from './handlers.js';
import { type HttpOutcome, getCallOutcome, getFunctionOutcome } from './http-outcomes.js';
import { isNestClass } from './nest.js';
import { isExportedHelper, isVariableInit } from './placement.js';
import { isResponseOrContextName } from './response-names.js';
import { isResponseHelperCall } from './responses.js';

const RESPONSE_METHODS = new Set(['send', 'json', 'end', 'render', 'redirect', 'sendStatus', 'jsonp', 'text', 'html', 'body']);
const AUTH_WORDS = /auth|token|jwt|credential|permission|forbidden|unauthori[sz]ed|access|denied|login|session|csrf|signature|expired|invalid/iu;

/**
 * A response call in a handler, whatever its status: `res.json(…)`, `res.status(…).send()`,
 * `reply.redirect(…)`, `ctx.body(…)`, `return NextResponse.json(…)` (not `const r = NextResponse.json(…)`),
 * an app's helper named for answering and handed the response (`sendRedirect(res, '/')`).
 */
export function isPlainResponse(context: Context, node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  // `sendRedirect(res, '/')`, `sendError(res, msg)`: an app's helper named for answering, handed the response.
  if (callee.type === AST_NODE_TYPES.Identifier) return isResponseHelperCall(node, []) && !isVariableInit(node) && !!findEnclosingHandler(context, node);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  // The method first (asked of most calls by log-auth-failures): the object's path only for `.json` / `.redirect`.
  if (method === 'json' || method === 'redirect') {
    const objectPath = getMemberPath(callee.object);
    if (objectPath === 'NextResponse' || objectPath === 'Response') return !isVariableInit(node) && !!findEnclosingHandler(context, node);
  }
  if (method === null || !RESPONSE_METHODS.has(method)) return false;
  let root = skipTransparent(callee.object);
  while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.callee.object);
  if (root.type !== AST_NODE_TYPES.Identifier || !isResponseOrContextName(root.name)) return false;
  return !!findEnclosingHandler(context, node);
}

/**
 * `case 'ER_BAD_FIELD_ERROR': ctx.throw(403, …)`, `if (err.code === 'EACCES') return res.sendStatus(403)`:
 * the innermost branch around `node` (up to `region`) was chosen by an error code or name that is
 * not about authentication.
 */
export function translatesOtherError(node: TSESTree.Node, region: AnyFunction): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== region) {
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && child !== parent.test) {
      const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
      return isOtherErrorCode(discriminant, parent.test);
    }
    if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent) {
      const test = skipTransparent(parent.test);
      if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
      return isOtherErrorCode(test.left as TSESTree.Node, test.right) || isOtherErrorCode(test.right, test.left as TSESTree.Node);
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** `err.code` compared with `'EACCES'`: an error code, name or type that says nothing about auth. */
function isOtherErrorCode(subject: TSESTree.Node, value: TSESTree.Node): boolean {
  const literal = getStringValue(skipTransparent(value));
  if (literal === null || !/(?:^|\.)(?:code|errno|name|type)$/u.test(getMemberPath(subject) ?? '')) return false;
  return !AUTH_WORDS.test(literal);
}

/**
 * A helper whose whole body is a rejection (`function deny(res) { res.status(403).end(); }`,
 * `unauthorized()` exported for other files, a class method): its callers are the sites of the
 * rejection, not the helper itself.
 */
export function isRejectionHelper(context: Context, fn: AnyFunction): boolean {
  if (!getFunctionOutcome(context, fn)) return false;
  const info = getHandlerInfo(context, fn);
  return info ? info.via === 'params' : isCalledInSameFile(context, fn) || fn.parent?.type === AST_NODE_TYPES.MethodDefinition || isExportedHelper(fn);
}

/**
 * `deny(res)`, `this.unauthorized()`: the outcome of a call of a same-file helper that always answers or throws
 * (not an inline function); for a status parameter with a default (`deny(res, code = 403)`), the call's argument or the default.
 */
export function helperCallOutcome(context: Context, call: TSESTree.CallExpression): HttpOutcome | null {
  if (isFunctionNode(skipTransparent(call.callee))) return null;
  const fn = resolveFunction(context, call.callee);
  // What the helper answers first (cached per function, most answer nothing); whether it is a handler only then.
  const outcome = fn ? getCallOutcome(context, fn, call) : null;
  if (!outcome) return null;
  const info = getHandlerInfo(context, fn!);
  return !info || info.via === 'params' ? outcome : null;
}

/** In a handler, or a Nest provider / guard / strategy, where a thrown app error reaches the caller. */
export function inServerContext(context: Context, node: TSESTree.Node): HandlerInfo | 'nest' | null {
  const handler = findEnclosingHandler(context, node);
  if (handler) return handler;
  const cls = findEnclosingClass(node);
  return cls && isNestClass(context, cls) ? 'nest' : null;
}

/** `return false` from `canActivate()` of a Nest guard: a 403 (ForbiddenException); the guard's handler info, else null. */
export function guardDenial(context: Context, node: TSESTree.ReturnStatement): HandlerInfo | null {
  const arg = node.argument ? skipTransparent(node.argument) : null;
  if (arg?.type !== AST_NODE_TYPES.Literal || arg.value !== false) return null;
  const fn = getEnclosingFunction(node);
  const info = fn ? getHandlerInfo(context, fn) : null;
  if (info?.kind !== 'guard' || fn!.parent?.type !== AST_NODE_TYPES.MethodDefinition || getPropertyName(fn!.parent) !== 'canActivate') return null;
  return info;
}

const CALLER_ITSELF = /^(?:user|session|account|principal|identity|auth|currentUser)$/iu;

/**
 * `return request.user.admin` from `canActivate()` of a Nest guard: the caller's own flag read and returned,
 * a 403 (ForbiddenException) when it is falsy. Only a property read (also `!!x`, `Boolean(x)`): a computed
 * answer (`roles.some(…)`) is not read as a denial. The guard's handler info and the value, else null;
 * whether the value tests the caller is the caller's question (access-control.ts).
 */
export function guardFlagReturn(context: Context, node: TSESTree.ReturnStatement): { info: HandlerInfo; value: TSESTree.MemberExpression } | null {
  let arg = node.argument ? skipTransparent(node.argument) : null;
  if (arg?.type === AST_NODE_TYPES.UnaryExpression && arg.operator === '!' && arg.argument.type === AST_NODE_TYPES.UnaryExpression && arg.argument.operator === '!') arg = skipTransparent(arg.argument.argument);
  if (arg?.type === AST_NODE_TYPES.CallExpression && arg.callee.type === AST_NODE_TYPES.Identifier && arg.callee.name === 'Boolean' && arg.arguments.length === 1) arg = skipTransparent(arg.arguments[0]!);
  // `return request.user`: whether anyone signed in, not a flag of the caller.
  if (arg?.type !== AST_NODE_TYPES.MemberExpression || arg.computed || arg.object.type === AST_NODE_TYPES.Super || CALLER_ITSELF.test(getPropertyName(arg) ?? '')) return null;
  const fn = getEnclosingFunction(node);
  const info = fn ? getHandlerInfo(context, fn) : null;
  if (info?.kind !== 'guard' || fn!.parent?.type !== AST_NODE_TYPES.MethodDefinition || getPropertyName(fn!.parent) !== 'canActivate') return null;
  return { info, value: arg };
}

/** The values a `throw` may throw: both sides of `a || b`, both branches of `c ? d : e`. */
export function thrownValues(node: TSESTree.Node): TSESTree.Node[] {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.LogicalExpression) return [...thrownValues(n.left), ...thrownValues(n.right)];
  if (n.type === AST_NODE_TYPES.ConditionalExpression) return [...thrownValues(n.consequent), ...thrownValues(n.alternate)];
  return [n];
}

const handlerCallsCache = fileCache<Map<AnyFunction, TSESTree.CallExpression[]>>();
/** How many same-file helpers a rejection is followed through to a handler (`route → assertAdmin → checkRole`). */
const MAX_HELPER_CHAIN = 3;

/**
 * `function assertAdmin(user) { if (!user.isAdmin) throw new ForbiddenError(); }` called as
 * `assertAdmin(req.user)` in a route: the calls by name of a same-file helper (a function
 * declaration or a `const` function that is not itself a handler) through which a 401/403 the helper
 * throws or answers reaches a handler or a Nest class: made there directly, or in another same-file
 * helper that reaches one (`checkRole(user, 'admin')` in `assertAdmin`), up to three helpers deep.
 * Empty when there are none (a helper only other files call, a handler, an inline callback, a cycle).
 */
export function handlerCallsOf(context: Context, fn: AnyFunction): TSESTree.CallExpression[] {
  return perNode(handlerCallsCache, context.sourceCode, fn, () => helperCallsReaching(context, fn, [fn]));
}

/** The calls of `fn` that reach a handler; `chain` holds the helpers already on the way (no cycles, bounded depth). */
function helperCallsReaching(context: Context, fn: AnyFunction, chain: readonly AnyFunction[]): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  if (!isCalledInSameFile(context, fn) || getHandlerInfo(context, fn)) return calls;
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  const variable = fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
    ? (context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) ?? null)
    : declarator ? (context.sourceCode.getDeclaredVariables(declarator)[0] ?? null) : null;
  for (const ref of variable?.references ?? []) {
    const call = ref.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier || contains(fn, call)) continue;
    if (inServerContext(context, call)) {
      calls.push(call);
      continue;
    }
    const caller = getEnclosingFunction(call);
    if (caller && chain.length < MAX_HELPER_CHAIN && !chain.includes(caller) && helperCallsReaching(context, caller, [...chain, caller]).length > 0) calls.push(call);
  }
  return calls;
}

/**
 * Whether every call that carries a helper's rejection to a handler logs it on that path
 * (callerLogsAround at the call, or — for a call made in another helper — at every call of that one).
 */
export function callersLogAround(context: Context, fn: AnyFunction, isLog: (node: TSESTree.CallExpression) => boolean, chain: readonly AnyFunction[] = [fn]): boolean {
  const calls = chain.length === 1 ? handlerCallsOf(context, fn) : helperCallsReaching(context, fn, chain);
  return (
    calls.length > 0 &&
    calls.every((call) => {
      if (callerLogsAround(call, isLog, context.sourceCode.visitorKeys)) return true;
      const caller = inServerContext(context, call) ? null : getEnclosingFunction(call);
      return !!caller && chain.length < MAX_HELPER_CHAIN && !chain.includes(caller) && callersLogAround(context, caller, isLog, [...chain, caller]);
    })
  );
}

/**
 * Whether the caller of a helper logs the rejection the helper produced on the path through
 * `call`: the call sits in a `try` whose `catch` logs (`isLog`), or it is tested by an `if` /
 * `?:` with a branch that logs (`if (!requireOwner(req, res, doc)) { log.warn(…); return; }`).
 */
export function callerLogsAround(call: TSESTree.CallExpression, isLog: (node: TSESTree.CallExpression) => boolean, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const logsIn = (root: TSESTree.Node | null | undefined): boolean => {
    let found = false;
    if (root) {
      walkSameFunction(root, (n) => {
        if (found) return false;
        if (n.type === AST_NODE_TYPES.CallExpression && isLog(n)) found = true;
        return !found;
      }, visitorKeys);
    }
    return found;
  };
  let child: TSESTree.Node = call;
  let parent: TSESTree.Node | undefined = call.parent;
  for (; parent && !isFunctionNode(parent); child = parent, parent = parent.parent as TSESTree.Node | undefined) {
    if (parent.type === AST_NODE_TYPES.TryStatement && child === parent.block && logsIn(parent.handler?.body)) return true;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child === parent.test) {
      return logsIn(parent.consequent) || logsIn(parent.alternate);
    }
  }
  return false;
}
