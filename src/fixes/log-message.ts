/**
 * The message and level of a log a fix inserts: what failed (the awaited call of the `try`, the
 * promise a `.catch()` hangs on, the enclosing function), never a generic phrase; `warn` when the
 * handler recovers with a fallback, else `error`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, describeEnclosingFunction, getPropertyName, walkSameFunction } from '../model/ast.js';
import { classifyCall } from '../model/fallible.js';
import type { LogLevel } from '../model/loggers.js';

// The function's name is a question about the code: answered in model/ast.ts, re-exported for the fix builders.
export { describeEnclosingFunction };

/**
 * Messages a fix must never write: they tell an operator nothing about what failed.
 * tests/integration/messages.test.ts checks every message the rule tests make fixes insert.
 */
export const GENERIC_MESSAGES: ReadonlySet<string> = new Set([
  'error',
  'failed',
  'failure',
  'operation failed',
  'request failed',
  'unhandled error',
  'an error occurred',
  'error occurred',
  'something went wrong',
  'server error',
  'internal error',
  'unexpected error',
  'task failed',
  'background task failed',
  'callback failed',
]);

/** `this.users.loadUserSettings` → `users.loadUserSettings`; long chains keep their last two segments. */
function operationName(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'this');
  return parts.slice(-2).join('.');
}

function calleeOperation(node: TSESTree.Node): string | null {
  const n = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  let call: TSESTree.Node = n;
  while (call.type === AST_NODE_TYPES.TSAsExpression || call.type === AST_NODE_TYPES.TSNonNullExpression || call.type === AST_NODE_TYPES.ChainExpression) {
    call = call.expression;
  }
  // fetchUser(id).then(…).catch(…): the root call is the operation.
  while (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['then', 'catch', 'finally'].includes(getPropertyName(call.callee) ?? '') &&
    (call.callee.object.type === AST_NODE_TYPES.CallExpression || call.callee.object.type === AST_NODE_TYPES.NewExpression)
  ) {
    call = call.callee.object;
  }
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return null;
  const path = getMemberPathText(call.callee);
  if (path === null) return null;
  const name = operationName(path);
  // `await next()` in middleware: what failed is whatever ran downstream.
  if (name === 'next') return 'downstream handler';
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
}

function getMemberPathText(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = getMemberPathText(node.object);
    const name = getPropertyName(node);
    if (name === null) return null;
    return object === null ? name : `${object}.${name}`;
  }
  return null;
}

/** Calls that are never "the operation" of a try block: logging, responding, building values. */
const NOT_AN_OPERATION = /^(?:console|logger|log|this\.logger|req\.log|request\.log|res|reply|ctx|c|Object|Array|Math|String|Number|Boolean|Date|Symbol)\.|^(?:String|Number|Boolean|parseInt|parseFloat|setTimeout|clearTimeout)$/u;

/**
 * The first awaited call in `block` (same function), else its first call that can fail for an
 * outside reason, else its first call that is not a pure helper (`trim`, `split`, a getter), else
 * its first call: `users.findById` rather than `email.trim` in `const e = email.trim(); user = db.find(e)`.
 */
function firstOperationIn(context: Context, block: TSESTree.Node): string | null {
  let awaited: string | null = null;
  let external: string | null = null;
  let work: string | null = null;
  let called: string | null = null;
  walkSameFunction(
    block,
    (node) => {
      if (awaited !== null) return false;
      if (node.type === AST_NODE_TYPES.AwaitExpression) {
        const op = calleeOperation(node);
        if (op !== null) awaited = op;
      } else if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && external === null) {
        const path = getMemberPathText(node.callee);
        if (path === null || NOT_AN_OPERATION.test(path)) return undefined;
        const op = calleeOperation(node);
        if (op === null) return undefined;
        const kind = classifyCall(context, node);
        if (kind === 'external') external = op;
        else if (work === null && kind !== 'pure' && kind !== 'logs' && kind !== 'telemetry') work = op;
        called ??= op;
      }
      return undefined;
    },
    context.sourceCode.visitorKeys,
  );
  return awaited ?? external ?? work ?? called;
}

/**
 * What failed, for the message of an inserted log: the awaited (else first) call of the `try`
 * block a catch belongs to, the call a `.catch()` / `.then(_, onRejected)` handler is attached
 * to, else the enclosing function's name. `loadUserSettings`, `users.findById`, `refund`.
 */
export function describeFailedOperation(context: Context, node: TSESTree.Node): string | null {
  let current: TSESTree.Node | undefined = node;
  while (current) {
    if (current.type === AST_NODE_TYPES.CatchClause) {
      const op = current.parent.type === AST_NODE_TYPES.TryStatement ? firstOperationIn(context, current.parent.block) : null;
      if (op !== null) return op;
      break;
    }
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      const call = current.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        ((getPropertyName(call.callee) === 'catch' && call.arguments[0] === current) || (getPropertyName(call.callee) === 'then' && call.arguments[1] === current))
      ) {
        const object = call.callee.object;
        const path = object.type === AST_NODE_TYPES.Identifier || object.type === AST_NODE_TYPES.MemberExpression ? getMemberPathText(object) : null;
        // `p.then(render, onError)`: the promise's name is what failed.
        const op = calleeOperation(object) ?? (path !== null ? operationName(path) : null);
        if (op !== null) return op;
      }
      // An error-first callback: `User.find({}, (err, users) => …)` → `User.find`; an error
      // handler (`app.onError`, `setErrorHandler`, Express `(err, req, res, next)`) → the request handler.
      const first = current.params[0];
      if (call?.type === AST_NODE_TYPES.CallExpression && first?.type === AST_NODE_TYPES.Identifier && /^(?:err|error|e|ex|exception)$/u.test(first.name)) {
        const registration = call.callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(call.callee) : null;
        if (registration === 'onError' || registration === 'setErrorHandler' || current.params.length === 4) return 'request handler';
        if (call.arguments[call.arguments.length - 1] === current) {
          const op = calleeOperation(call);
          if (op !== null) return op;
        }
      }
      // A function stored, not called here (`this.errorHandler = (err, req, res, next) => …` in a
      // constructor): its own name, not the name of the function that stores it.
      if (call?.type === AST_NODE_TYPES.AssignmentExpression && call.right === current) {
        if (current.params.length === 4 && first?.type === AST_NODE_TYPES.Identifier && /^(?:err|error|e|ex|exception)$/u.test(first.name)) return 'request handler';
        const name = call.left.type === AST_NODE_TYPES.Identifier ? call.left.name : call.left.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(call.left) : null;
        if (name) return name;
      }
      break;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) break;
    current = current.parent;
  }
  const enclosing = describeEnclosingFunction(node);
  // A Nest exception filter's `catch(exception, host)`: the request handler failed, not `catch`.
  return enclosing === 'catch' ? 'request handler' : enclosing;
}

/** `<operation> failed`, or the place in the file when nothing names the operation. */
export function failureMessage(context: Context, node: TSESTree.Node): string {
  const op = describeFailedOperation(context, node);
  return op !== null ? `${op} failed` : `code at line ${node.loc.start.line} failed`;
}

/** `<operation> failed` for a rejection of `promise` (`load().then(f)` → `load failed`). */
export function promiseFailureMessage(context: Context, promise: TSESTree.Node): string {
  const path = promise.type === AST_NODE_TYPES.Identifier || promise.type === AST_NODE_TYPES.MemberExpression ? getMemberPathText(promise) : null;
  const op = calleeOperation(promise) ?? (path !== null ? operationName(path) : null);
  return op !== null ? `${op} failed` : failureMessage(context, promise);
}

/**
 * The level of a log a fix inserts into a handler that swallowed a failure: `warn` when the
 * handler recovers with a fallback (it returns a value, assigns a default, continues a loop) —
 * an expected but notable failure — else `error`.
 */
export function swallowedFailureLevel(body: TSESTree.Node | null | undefined): LogLevel {
  if (!body) return 'error';
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // `() => null`, `() => []`: an expression body is the fallback value.
    return body.type === AST_NODE_TYPES.Identifier && body.name === 'undefined' ? 'error' : 'warn';
  }
  const recovers = body.body.some(
    (s) =>
      (s.type === AST_NODE_TYPES.ReturnStatement && s.argument !== null && !isServerErrorResponse(s.argument)) ||
      s.type === AST_NODE_TYPES.ContinueStatement ||
      // `result = fallback`: a local default. (`ctx.body = …` is a response, not a recovery.)
      (s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.AssignmentExpression && s.expression.left.type === AST_NODE_TYPES.Identifier),
  );
  return recovers ? 'warn' : 'error';
}

/** The root identifier of a call / member chain: `res` in `res.status(503).json(…)`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    if (n.type === AST_NODE_TYPES.CallExpression) n = n.callee;
    else if (n.type === AST_NODE_TYPES.MemberExpression) n = n.object;
    else if (n.type === AST_NODE_TYPES.AwaitExpression) n = n.argument;
    else return n;
  }
}

/**
 * `res.status(503).json(…)`, `reply.code(500).send(…)`, `NextResponse.json(…, { status: 500 })`:
 * answering with a server error is reporting the failure, not recovering from it. A response with
 * a 4xx (or no visible status) is an expected outcome.
 */
function isServerErrorResponse(node: TSESTree.Node): boolean {
  const root = chainRoot(node);
  const isResponse =
    (root.type === AST_NODE_TYPES.Identifier && /^(?:res|reply|response|c|ctx|NextResponse|Response)$/u.test(root.name)) ||
    (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Response');
  if (!isResponse) return false;
  let serverError = false;
  const visit = (n: TSESTree.Node): void => {
    if (serverError) return;
    if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number' && n.value >= 500 && n.value < 600) serverError = true;
    else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
      visit(n.callee);
      n.arguments.forEach(visit);
    } else if (n.type === AST_NODE_TYPES.MemberExpression) visit(n.object);
    else if (n.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of n.properties) if (p.type === AST_NODE_TYPES.Property) visit(p.value);
    } else if (n.type === AST_NODE_TYPES.AwaitExpression) visit(n.argument);
  };
  visit(node);
  return serverError;
}
