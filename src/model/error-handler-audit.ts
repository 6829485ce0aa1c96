/**
 * Does a same-file error handler log an auth error for us? An Express error middleware, Koa
 * error handler or Nest exception filter that logs at warn or above audits the errors it
 * receives — those its `@Catch(…)` names, and those no condition around the log rules out
 * (`if (err.status >= 500) logger.error(…)` does not log a 401) nor an early exit before it takes away
 * (`if (exception instanceof HttpException) { …; return; }` before the log does not log a 403).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getMemberPath, getStringValue, isFunctionNode, lastSegment, leavesFunction, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perNode } from './file-cache.js';
import { securityLogLevel } from './credential-checks.js';
import { getHandlerInfo, isErrorHandler } from './handlers.js';
import { getStatusValue, statusFromErrorName } from './http-status.js';
import { getCaughtExceptionTypes } from './exception-filters.js';
import { getLoggerCall, isAtLeast } from './loggers.js';

export interface ErrorHandlerAudit {
  fn: AnyFunction;
  /** Its log calls at warn or above. */
  logs: TSESTree.CallExpression[];
  /** Null: every error; else the exception classes a Nest filter catches. */
  names: Set<string> | null;
}

const auditCache = fileCache<Map<AnyFunction, ErrorHandlerAudit | null>>();

/** The audit an error handler performs (its warn-or-above logs, what it catches), or null for any other function. */
export function getErrorHandlerAudit(context: Context, fn: AnyFunction): ErrorHandlerAudit | null {
  return perNode(auditCache, context.sourceCode, fn, () => computeAudit(context, fn));
}

function computeAudit(context: Context, fn: AnyFunction): ErrorHandlerAudit | null {
  const info = getHandlerInfo(context, fn);
  if (!info || !isErrorHandler(info)) return null;
  const logs: TSESTree.CallExpression[] = [];
  walkSameFunction(
    fn.body,
    (n) => {
      if (n.type !== AST_NODE_TYPES.CallExpression) return;
      const level = securityLogLevel(context, n);
      if (level && isAtLeast(level, 'warn')) logs.push(n);
    },
    context.sourceCode.visitorKeys,
  );
  if (logs.length === 0) return null;
  let names: Set<string> | null = null;
  if (info.kind === 'filter') {
    const types = getCaughtExceptionTypes(fn);
    if (types && types.length > 0) names = new Set(types.filter((t): t is string => t !== null && t !== ''));
  }
  return { fn, logs, names };
}

/**
 * Whether `name` (an error class or factory: `UnauthorizedException`, `createError`) is one of
 * `list`, by full path or last segment; `HttpException` in the list stands for every `…Exception`.
 */
export function errorNameMatches(list: Iterable<string>, name: string | null): boolean {
  if (name === null) return false;
  for (const entry of list) {
    if (entry === name || lastSegment(entry) === name) return true;
    if ((entry === 'HttpException' || entry === 'HTTPException') && /Exception$/u.test(name)) return true;
  }
  return false;
}

/** Whether the audit logs an error with `status` named `errorName`: it catches it, and some log's conditions allow it. */
export function auditLogsError(context: Context, audit: ErrorHandlerAudit, errorName: string | null, status: number): boolean {
  return (audit.names === null || errorNameMatches(audit.names, errorName)) && audit.logs.some((log) => appliesTo(context, log, audit.fn, status));
}

/**
 * `try { … if (!user) throw new ForbiddenException(); … } catch (e) { if (e instanceof ForbiddenException) { logger.warn('Failed login attempt.'); throw e; } … }`:
 * a rejection thrown inside a `try` of its own function whose `catch` logs (`isLog`) under no condition
 * that rules out an error with `status` (an `instanceof` of another status, a test of the status).
 * The log runs after the throw, on the same path.
 */
export function caughtAndLogged(context: Context, node: TSESTree.Node, status: number, isLog: (call: TSESTree.CallExpression) => boolean): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.TryStatement || child !== parent.block || !parent.handler) continue;
    const handler = parent.handler;
    let found = false;
    walkSameFunction(
      handler.body,
      (n) => {
        if (found) return false;
        if (n.type === AST_NODE_TYPES.CallExpression && isLog(n) && appliesTo(context, n, handler, status)) found = true;
        return !found;
      },
      context.sourceCode.visitorKeys,
    );
    // The nearest catch decides: what it does not log, it rethrows or answers itself.
    return found;
  }
  return false;
}

/**
 * The `catch` of the same function that a `throw` at `node` lands in: the nearest `try` whose block holds it and that
 * has a handler (`try { … if (!payload) throw new VerificationFailed(); … } catch (err) { throw new SessionError(…) }`).
 * Null when the throw leaves the function.
 */
export function catchingClause(node: TSESTree.Node): TSESTree.CatchClause | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && child === parent.block && parent.handler) return parent.handler;
  }
  return null;
}

/**
 * Whether a `catch` hands the caught error on whole on some path: rethrows it (`throw e`), passes it to a call
 * (`next(e)`, `reject(e)`, `callback(e)`) or returns it; reading its fields (`e.message`, `e instanceof X`) or
 * logging it does not. A catch without a binding hands nothing on.
 */
export function handsCaughtErrorOn(context: Context, clause: TSESTree.CatchClause): boolean {
  if (clause.param?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = context.sourceCode.getDeclaredVariables(clause).find((v) => v.name === (clause.param as TSESTree.Identifier).name);
  if (!variable) return true;
  return variable.references.some((ref) => {
    const use = ref.identifier as TSESTree.Node;
    const parent = use.parent;
    if (!parent) return true;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) return false;
    if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof' && parent.left === use) return false;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use as TSESTree.Expression) && getLoggerCall(context, parent)) return false;
    return parent.type === AST_NODE_TYPES.ThrowStatement || parent.type === AST_NODE_TYPES.ReturnStatement || parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression || parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ArrowFunctionExpression;
  });
}

/**
 * Whether no condition around `log` (up to `fn`) rules out an error with `status`, and no early exit before it
 * takes that error away (`if (exception instanceof HttpException) { res.status(…).json(…); return; } logger.error(…)`).
 */
function appliesTo(context: Context, log: TSESTree.Node, fn: TSESTree.Node, status: number): boolean {
  let child: TSESTree.Node = log;
  let parent = log.parent;
  while (parent && parent !== fn) {
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && leavesFunction(statement.consequent) && evaluate(context, statement.test, status) === true) return false;
      }
    }
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
      const value = evaluate(context, parent.test, status);
      if (value === (child === parent.consequent ? false : true)) return false;
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) {
      const value = evaluate(context, parent.test, status);
      if (value === (child === parent.consequent ? false : true)) return false;
    } else if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && child !== parent.test) {
      const value = getStatusValue(context, parent.test);
      if (value !== null && value !== status) return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return true;
}

/** Value of an error handler's condition for an error with `status`: true, false, or null when unknown. */
function evaluate(context: Context, test: TSESTree.Node, status: number): boolean | null {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') {
    const v = evaluate(context, t.argument, status);
    return v === null ? null : !v;
  }
  if (t.type === AST_NODE_TYPES.LogicalExpression) {
    const a = evaluate(context, t.left, status);
    const b = evaluate(context, t.right, status);
    if (t.operator === '&&') return a === false || b === false ? false : a === true && b === true ? true : null;
    if (t.operator === '||') return a === true || b === true ? true : a === false && b === false ? false : null;
    return null;
  }
  if (t.type !== AST_NODE_TYPES.BinaryExpression) return null;
  if (t.operator === 'instanceof') {
    const name = getMemberPath(t.right);
    if (name === null) return null;
    const last = lastSegment(name);
    if (last === 'HttpException' || last === 'HTTPException' || last === 'HttpError') return true;
    const s = statusFromErrorName(last);
    return s === null ? null : s === status;
  }
  const left = skipTransparent(t.left as TSESTree.Node);
  const right = skipTransparent(t.right);
  const leftValue = getStatusValue(context, left);
  const rightValue = getStatusValue(context, right);
  const numeric = leftValue !== null ? { value: leftValue, other: right, flipped: true } : rightValue !== null ? { value: rightValue, other: left, flipped: false } : null;
  if (numeric && numeric.other.type !== AST_NODE_TYPES.Literal && /status|code/iu.test(context.sourceCode.getText(numeric.other))) {
    const [a, b] = numeric.flipped ? [numeric.value, status] : [status, numeric.value];
    switch (t.operator) {
      case '===':
      case '==':
        return a === b;
      case '!==':
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
      default:
        return null;
    }
  }
  const text = getStringValue(left) ?? getStringValue(right);
  if (text !== null && (t.operator === '===' || t.operator === '==' || t.operator === '!==' || t.operator === '!=')) {
    const matches = /unauthori[sz]ed|forbidden|auth|jwt|token|credential/iu.test(text);
    const equal = matches ? (status === 401 || status === 403 ? true : null) : /(?:name|code|type)$/u.test(context.sourceCode.getText(text === getStringValue(left) ? right : left)) ? false : null;
    if (equal === null) return null;
    return t.operator === '===' || t.operator === '==' ? equal : !equal;
  }
  return null;
}
