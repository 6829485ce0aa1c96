/**
 * What a call (or assignment) inside a catch does with the failure, besides logging it: shows it
 * to the user (a toast), asserts on it in a test, counts it in a metric operators watch, hands it
 * to Fastify's error handler, stores it for someone else — or only tells the client in a 5xx
 * answer, which the people who run the service never see.
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, contains, findVariable, getCalleePath, getPropertyName, getRootIdentifier, getVariableInit, skipTransparent, walkSameFunction } from './ast.js';
import { someInSameFunction } from './walks.js';
import { identifierWords } from './fallible.js';
import { getHttpOutcome } from './http-outcomes.js';
import { getResponseSink } from './responses.js';
import { isClientSocketSend } from './client-channels.js';
import { readsAny } from './errors.js';
import { getStatusValue } from './http-status.js';
import { isKoaThisContext } from './koa-generators.js';
import { isResponseOrContextName } from './response-names.js';
import { isAuditCall } from './credential-checks.js';
import { VERDICT_WORD } from './in-hand-work.js';
import { isHandoffCall } from './errors.js';

/** Objects whose `.error()` tells the user in a UI (toast, notification): the failure is shown, not swallowed. */
export const USER_NOTIFIERS = /^(?:toast|notification|notify|message|snackbar|enqueueSnackbar|alert)$/u;

/** Metric objects: `metric.inc()`, `this.errorCounter.add(1)`, `metrics.recordAppendFailure(n)`. */
const METRIC_WORDS = new Set(['metric', 'metrics', 'counter', 'counters', 'gauge', 'histogram', 'meter', 'statsd', 'prometheus']);

/** `toast.error(…)`, `notification.warn(…)`, `alert(…)`, `enqueueSnackbar(…)`: the failure is shown to the user. */
export function isUserNotification(node: TSESTree.CallExpression): boolean {
  const path = getCalleePath(node);
  if (path === null) return false;
  const parts = path.split('.');
  return (
    (parts.length === 1 && (parts[0] === 'alert' || parts[0] === 'enqueueSnackbar')) ||
    (parts.length >= 2 && USER_NOTIFIERS.test(parts.at(-2)!) && /^(?:error|warn|warning|danger)$/u.test(parts.at(-1)!))
  );
}

/**
 * The failure is counted in a metric that operators watch (`catch { metric.inc() }` in a health
 * check): it is recorded, not swallowed.
 */
export function isFailureCount(node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  if (method === null) return false;
  if (/^(?:inc|incr|increment)$/u.test(method)) return true;
  const path = getCalleePath(node);
  return path !== null && identifierWords(path).some((w) => METRIC_WORDS.has(w)) && /^(?:add|observe|record\w*|mark|count)$/u.test(method);
}

/**
 * A test assertion in a catch (`t.assert.fail()`, `assert.ok(true)`, `expect(e).toBeInstanceOf(X)`)
 * checks the error: the test fails or passes on it, nothing is swallowed.
 */
export function isAssertion(node: TSESTree.CallExpression): boolean {
  let callee: TSESTree.Node = skipTransparent(node.callee);
  let member = false;
  for (;;) {
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      member = true;
      if (!callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && /^(?:assert|expect|should|fail)$/u.test(callee.property.name)) return true;
      callee = skipTransparent(callee.object);
    } else if (callee.type === AST_NODE_TYPES.CallExpression) {
      callee = skipTransparent(callee.callee);
    } else {
      break;
    }
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  return /^(?:assert|expect|chai|should)$/u.test(callee.name) || (member && /^(?:t|tap|test)$/u.test(callee.name)) || callee.name === 'fail';
}

/**
 * Sending the error to the client in a 5xx (or unknown-status) response tells the caller, not the
 * people who run the service: it is not handing the error on. A 4xx answer is the client's problem
 * (validation, not found), and an HTTP exception is a throw.
 */
export function isServerErrorResponse(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): boolean {
  const sink = getResponseSink(context, node);
  if (!sink || sink.kind === 'exception') return false;
  return sink.status === null || sink.status >= 500;
}

/**
 * Some path of `body` answers with an explicit 5xx status (`res.status(500).send(…)`, `reply.code(503)`):
 * not an answer of unknown status (`ctx.body = x`, `res.send(x)`), which is as often a fallback's 200.
 */
export function answersExplicitServerStatus(context: Context, body: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(
    body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AssignmentExpression) {
        const status = getResponseSink(context, n)?.status;
        if (typeof status === 'number' && status >= 500) found = true;
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * `req.flash('error', err.message)`, `req.session.error = 'Error: ' + err`: a message for the next page the
 * user sees, beside the answer (a redirect). Neither a 5xx answer nor the error handed to anyone who runs
 * the service: it changes nothing about the catch.
 */
export function isFlashMessage(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): boolean {
  return getResponseSink(context, node)?.flash === true;
}

/**
 * `socket.emit('load-failed', err.message)` in a catch: the client is told of the failure over its
 * connection and the operators are not — an answer, like a 5xx response.
 */
export function sendsErrorToClientSocket(context: Context, node: TSESTree.CallExpression, errorVariables: readonly TSESLint.Scope.Variable[]): boolean {
  return isClientSocketSend(context, node) && node.arguments.some((arg) => readsAny(arg, errorVariables));
}

/**
 * `res.status(500).end()`, `res.sendStatus(503)`, `reply.code(500).send()`: a 5xx answer without a
 * body the response sinks know (the status is the whole answer). Only the outermost call of a chain.
 */
export function answersServerStatus(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
  const outcome = getHttpOutcome(context, node);
  return !!outcome && outcome.kind === 'response' && outcome.status >= 500;
}

/**
 * `resolve({ statusCode: 500, message })`, `cb({ state: 'COMPLETED', statusCode: 502, message })`: a
 * promise or reply callback settled with the answer the caller sends on (an object literal, not an
 * error for a framework's error handler: `next(err)` stays a hand-off).
 */
export function settlesWithServerError(context: Context, node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  const first = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
  if (callee.type !== AST_NODE_TYPES.Identifier || !/^(?:resolve|cb|callback|reply)$/u.test(callee.name) || first?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const outcome = getHttpOutcome(context, node);
  return outcome?.kind === 'forward' && outcome.status >= 500;
}

/** Fastify: `reply.send(err)` hands the error (one of `errorVariables`) to Fastify's error handler, which logs it. */
export function isFastifyErrorForward(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  errorVariables: readonly TSESLint.Scope.Variable[],
): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const sink = getResponseSink(context, node);
  if (!sink?.receiver || !/^_?(?:reply|rep)$/u.test(sink.receiver.name)) return false;
  const first = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
  return first?.type === AST_NODE_TYPES.Identifier && errorVariables.some((v) => v.references.some((r) => r.identifier === first)) && !holdsDataBuiltFromError(context, first);
}

/** Values that are data, not an Error: `{ error: err.toString() }`, `[…]`, `` `Failed: ${err}` ``, `'x: ' + err.message`. */
const DATA_INITS: ReadonlySet<string> = new Set([AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.ArrayExpression, AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.Literal]);

/**
 * `const resp = { code: 'unexpected_error', error: err.toString() }; reply.code(400).send(resp)`: the variable holds an
 * answer built from the caught error (an object, array or text), which Fastify serializes as given — not the error.
 */
function holdsDataBuiltFromError(context: Context, id: TSESTree.Identifier): boolean {
  const init = getVariableInit(findVariable(context, id));
  return !!init && DATA_INITS.has(skipTransparent(init).type);
}

/** The root of an assignment target (`x` in `x.lastError = err`) is declared inside `body`: the error stays local. */
export function isDeclaredInside(context: Context, target: TSESTree.Node, body: TSESTree.Node): boolean {
  let root = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, root);
  return !!variable && variable.defs.some((d) => contains(body, d.name));
}

/**
 * A call in a catch that answers the client with a 5xx (or unknown) status and so tells the caller, not
 * the operators: a 5xx response (`res.status(500).json(…)`, `res.sendStatus(503)`), a reply callback
 * settled with a 5xx answer, the error written to the client's socket — but not Fastify's
 * `reply.send(err)`, which hands the error to Fastify's error handler. `errorVariables`: the caught
 * error's variables. Also the error's own status with a 5xx default (`answersErrorStatus`).
 */
export function answersServerError(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  errorVariables: readonly TSESLint.Scope.Variable[],
): boolean {
  return (
    (isServerErrorResponse(context, node) ||
      answersServerStatus(context, node) ||
      (node.type === AST_NODE_TYPES.CallExpression &&
        (settlesWithServerError(context, node) || sendsErrorToClientSocket(context, node, errorVariables) || answersErrorStatus(context, node, errorVariables)))) &&
    !isFastifyErrorForward(context, node, errorVariables)
  );
}

/** Fields an error carries its HTTP status in (`err.status`, `error.response.statusCode`). */
const ERROR_STATUS_FIELDS: ReadonlySet<string> = new Set(['status', 'statusCode', 'httpStatus', 'httpStatusCode']);

/**
 * `err.status || 500`, `error.statusCode ?? 500`, `e.status ? e.status : 500` (also held in a `const`): the
 * caught error's own HTTP status, a 5xx when it has none. An error the code did not expect (a database or network failure) has
 * none, so the client gets the 5xx and nobody else hears of it.
 */
export function isErrorStatusWithServerDefault(context: Context, node: TSESTree.Node, errorVariables: readonly TSESLint.Scope.Variable[], held = true): boolean {
  if (errorVariables.length === 0) return false;
  const n = skipTransparent(node);
  // `const status = err.status || 500; res.status(status)`: a const that holds it.
  if (n.type === AST_NODE_TYPES.Identifier && held) {
    const variable = findVariable(context, n);
    const init = variable && variable.defs[0]?.parent?.type === AST_NODE_TYPES.VariableDeclaration && variable.defs[0].parent.kind === 'const' ? getVariableInit(variable) : null;
    return !!init && isErrorStatusWithServerDefault(context, init, errorVariables, false);
  }
  let read: TSESTree.Node;
  let fallback: TSESTree.Node;
  if (n.type === AST_NODE_TYPES.LogicalExpression && (n.operator === '||' || n.operator === '??')) [read, fallback] = [n.left, n.right];
  else if (n.type === AST_NODE_TYPES.ConditionalExpression) [read, fallback] = [n.consequent, n.alternate];
  else return false;
  const r = skipTransparent(read);
  if (r.type !== AST_NODE_TYPES.MemberExpression || !ERROR_STATUS_FIELDS.has(getPropertyName(r) ?? '') || !readsAny(r.object, errorVariables)) return false;
  const status = getStatusValue(context, fallback);
  return status !== null && status >= 500;
}

/**
 * `res.status(err.status || 500)`, `res.sendStatus(e.statusCode ?? 500)`, `reply.code(…)`,
 * `res.statusCode = error.statusCode || 500`, `ctx.status = err.status || 500` (also Koa 0.x's
 * `this.status`): the answer takes the caught error's status, a 5xx for an unknown error. Reading the
 * error for its status tells the client, not the operators: it is no hand-off.
 */
export function answersErrorStatus(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.AssignmentExpression,
  errorVariables: readonly TSESLint.Scope.Variable[],
): boolean {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return false;
    const prop = getPropertyName(node.left);
    if (prop !== 'status' && prop !== 'statusCode') return false;
    const receiver = getRootIdentifier(node.left.object);
    if (receiver ? !isResponseOrContextName(receiver.name) : !isKoaThisContext(context, node.left.object)) return false;
    return isErrorStatusWithServerDefault(context, node.right, errorVariables);
  }
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !STATUS_METHODS.has(getPropertyName(callee) ?? '')) return false;
  const receiver = getRootIdentifier(callee.object, true);
  return !!receiver && isResponseOrContextName(receiver.name) && !!node.arguments[0] && isErrorStatusWithServerDefault(context, node.arguments[0], errorVariables);
}

const STATUS_METHODS: ReadonlySet<string> = new Set(['status', 'code', 'sendStatus', 'writeHead']);

/**
 * A call in a catch that handles the failure without a log: hands the error on (`next(err)`, `cb(err)`,
 * `reject(err)` — not a reply callback settled with a 5xx answer: `cb({ statusCode: 502, message })`),
 * shows it to the user (a toast), asserts on it in a test, counts it in a metric or writes a security
 * audit record (`log.audit({ event: 'auth.fail' })`).
 */
export function handlesFailureOtherwise(context: Context, node: TSESTree.CallExpression): boolean {
  return (isHandoffCall(node) && !settlesWithServerError(context, node)) || isUserNotification(node) || isAssertion(node) || isFailureCount(node) || isAuditCall(node);
}

/**
 * The answer `node` gives the client carries the caught error (`res.status(404).json({ msg: e.message })`,
 * `reply.code(400).send({ error: err.toString() })`, `response.status(400).json(error)`, also through a
 * `const` built from it), whatever its status: the error is shown to the caller, not handed to anyone
 * who runs the service. Not a flash message, an HTTP exception (a throw), nor Fastify's `reply.send(err)`
 * (Fastify's error handler logs it). `errorVariables`: the caught error's variables (and those built from it).
 */
export function answersWithCaughtError(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  errorVariables: readonly TSESLint.Scope.Variable[],
): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || errorVariables.length === 0) return false;
  const sink = getResponseSink(context, node);
  if (!sink || sink.kind === 'exception' || sink.flash || sink.node !== node) return false;
  return sink.payload.some((p) => readsAny(p, errorVariables)) && !isFastifyErrorForward(context, node, errorVariables) && !sink.payload.some((p) => namesInvalidInput(context, p));
}

/**
 * `res.json({ error: 'PGP key validation failed. ' + err.message, code: 'InputValidationError' })`: the answer names the
 * failure as the client's invalid input in words of its own (a string of the payload says validation or invalid): the
 * author classified the failure, the error's text is the detail of that verdict.
 */
function namesInvalidInput(context: Context, payload: TSESTree.Node): boolean {
  return someInSameFunction(
    payload,
    context.sourceCode.visitorKeys,
    (n) => (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && VERDICT_WORD.test(n.value)) || (n.type === AST_NODE_TYPES.TemplateElement && VERDICT_WORD.test(n.value.cooked ?? '')),
  );
}

/**
 * `return res.status(500).send({ error: err.message })`, `return res.sendStatus(503)`: a call answering the
 * client with a 5xx (or unknown-status) answer, not the error returned to a caller.
 */
export function isServerAnswerCall(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.CallExpression && (isServerErrorResponse(context, n) || answersServerStatus(context, n));
}

/**
 * `res.statusCode = 500`, `ctx.body = { error }` (no status: unknown), `ctx.status = err.status || 500`: an
 * assignment answering the client with a 5xx (or unknown-status) answer. `errorVariables`: the caught error's.
 */
export function assignsServerAnswer(context: Context, node: TSESTree.AssignmentExpression, errorVariables: readonly TSESLint.Scope.Variable[]): boolean {
  if (isServerErrorResponse(context, node)) return true;
  const status = getHttpOutcome(context, node);
  return (status?.kind === 'response' && status.status >= 500) || answersErrorStatus(context, node, errorVariables);
}
