/**
 * Where text reaches the client outside an HTTP response body — asked only by the rule that follows
 * an error's text to the client (no-error-details-in-response), so the other rules' question "is this
 * call a response" (responses.ts) keeps its answer:
 * - a message written to a client's WebSocket / socket.io / Primus connection (`socket.emit('error', …)`,
 *   `ws.send(…)`, `spark.write(…)`), the connection being one the code was handed, not one it opened;
 * - a redirect (`res.redirect(url)`, `ctx.redirect(url)`): the URL's text lands in the browser's
 *   address bar and, read back by the page (`?error=…`), on screen;
 * - a same-file helper whose body sends what it is given (`const redirectWithError = (message) =>
 *   res.redirect(`/login?message=${encodeURIComponent(message)}`)`);
 * - an HTTP answer built as data (`return { statusCode: 500, body }`, see getResultObjectSink);
 * - the callback of a gRPC implementation method (`sayHello(call, callback)`: `callback(err)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findVariable, getPropertyName, isFunctionNode, mayNameFunction, resolveFunction, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { getStatusValue } from './http-status.js';
import { type ResponseSink, getErrorHelperSink, getResponseSink, isResponseObjectCall, responseNameKind } from './responses.js';
import { isGrpcResponseCallback } from './rpc-input.js';
import { isClientSocket } from './sockets.js';
import { unknownErrorOf } from './unknown-errors.js';

const SOCKET_SEND_METHODS = new Set(['write', 'send', 'emit']);

const cache = fileCache<Map<TSESTree.CallExpression, ResponseSink | null>>();

/** The client channel a call writes to (a client socket, a redirect, a same-file helper that sends its argument), or null. */
export function getClientChannelSink(context: Context, node: TSESTree.CallExpression): ResponseSink | null {
  if (node.arguments.length === 0 || node.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const callee = skipTransparent(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(callee);
    if (method !== 'redirect' && !SOCKET_SEND_METHODS.has(method ?? '')) return null;
  } else if (callee.type !== AST_NODE_TYPES.Identifier || !mayNameFunction(context, callee)) {
    // A name no function of the file is bound to (an import, a global, a parameter): no same-file helper, nothing to cache —
    // but a gRPC method's `callback(err)` answers the client.
    return callee.type === AST_NODE_TYPES.Identifier ? grpcCallbackSink(context, node, callee) : null;
  }
  const cached = perFileMap(cache, context.sourceCode).get(node);
  if (cached !== undefined) return cached;
  // A helper that calls itself is not followed twice: asked again while its answer is worked out, the call is none.
  // (A small set of the calls being worked out, not a null cache entry first: a cache write costs more than the rest.)
  if (computing.has(node)) return null;
  computing.add(node);
  let result: ResponseSink | null;
  try {
    result = computeSink(context, node, callee);
  } finally {
    computing.delete(node);
  }
  perFileMap(cache, context.sourceCode).set(node, result);
  return result;
}

/** The calls whose answer getClientChannelSink is working out (empty between asks). */
const computing = new Set<TSESTree.CallExpression>();

/**
 * `callback(err)`, `callback({ code: grpc.status.INTERNAL, details: err.message })` in a gRPC method
 * `sayHello(call, callback)`: grpc-js sends an error's `details` or `message` as the status text, and the
 * reply as the answer. No suggestion: the error must stay an object with a code.
 */
function grpcCallbackSink(context: Context, node: TSESTree.CallExpression, callee: TSESTree.Identifier): ResponseSink | null {
  const owner = (id: TSESTree.Identifier) => {
    const def = findVariable(context, id)?.defs[0];
    return def?.type === 'Parameter' && isFunctionNode(def.node) ? def.node : null;
  };
  if (!isGrpcResponseCallback(context, callee, owner)) return null;
  const payload = (node.arguments as TSESTree.Expression[]).filter((a) => {
    const n = skipTransparent(a);
    return !(n.type === AST_NODE_TYPES.Literal && n.value === null);
  });
  return payload.length === 0 ? null : { node, kind: 'json', payload, description: `\`${callee.name}()\` of a gRPC method`, receiver: null, status: null, raw: true };
}

/**
 * `socket.emit('load-failed', …)`, `ws.send(…)`, `client.emit(…)` in a Nest gateway: a message written
 * to a client's connection that the code was handed (not one it opened).
 */
export function isClientSocketSend(context: Context, node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !SOCKET_SEND_METHODS.has(getPropertyName(callee) ?? '')) return false;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && isClientSocket(context, object) && isReceivedConnection(context, object);
}

function computeSink(context: Context, node: TSESTree.CallExpression, callee: TSESTree.Node): ResponseSink | null {
  const args = node.arguments as TSESTree.Expression[];
  if (callee.type === AST_NODE_TYPES.Identifier) return helperSink(context, node, callee, args);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee)!;
  const object = skipTransparent(callee.object);
  if (method === 'redirect') {
    if (!isResponseObjectCall(node, [])) return null;
    // Express's res.redirect(302, url): the status is not text.
    const payload = args.filter((a) => getStatusValue(context, a) === null);
    const name = object.type === AST_NODE_TYPES.Identifier ? object.name : 'res';
    return payload.length === 0 ? null : { node, kind: 'text', payload, description: `\`${name}.redirect()\``, receiver: null, status: null, url: true };
  }
  if (object.type !== AST_NODE_TYPES.Identifier || !isClientSocket(context, object) || !isReceivedConnection(context, object)) return null;
  // socket.emit('error', payload, …): the event name is the app's own.
  const payload = method === 'emit' ? args.slice(1) : args.slice(0, 1);
  return payload.length === 0 ? null : { node, kind: 'text', payload, description: `\`${object.name}.${method}()\``, receiver: null, status: null };
}

/**
 * A connection the code was handed (a parameter: a `'connection'` listener's, a helper's
 * `processRequest(spark, msg)`, or a `const` alias of one), not one it opened itself
 * (`const socket = io(url)`, `new WebSocket(url)`), whose writes go to a server.
 */
function isReceivedConnection(context: Context, id: TSESTree.Identifier, depth = 0): boolean {
  const variable = findVariable(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'Parameter') return def.name.type === AST_NODE_TYPES.Identifier;
  if (def?.type !== 'Variable' || depth > 2 || def.node.id !== def.name || !def.node.init) return false;
  const init = skipTransparent(def.node.init);
  return init.type === AST_NODE_TYPES.Identifier && isReceivedConnection(context, init, depth + 1);
}

/** `redirectWithError(err.message)`: a same-file function whose body sends the arguments given for some parameters. */
function helperSink(context: Context, node: TSESTree.CallExpression, callee: TSESTree.Identifier, args: TSESTree.Expression[]): ResponseSink | null {
  const fn = resolveFunction(context, callee);
  if (!fn || contains(fn, node)) return null;
  // redirectWithPayload(ctx, callbackUrl, { error_description: err.message }): a helper named for redirecting that does
  // redirect builds the URL from what it is given, however it does (query parameters set in a loop).
  const redirects = /^redirect[A-Z_]/u.test(callee.name) && redirectsIn(context, fn);
  // An argument is payload when the helper sends it and its parameter is not itself a caught error (whose sending the
  // helper's own body is reported for). Both answers are kept per function and parameter and neither depends on the
  // other; the cheap and rarely true one is asked first: few helpers send a parameter, while "is this parameter a caught
  // error" reads every call of the helper.
  const payload = args.filter((a, index) => {
    const n = skipTransparent(a);
    const sent = redirects ? !(n.type === AST_NODE_TYPES.Identifier && responseNameKind(n.name) !== null) : sendsParameter(context, fn, index);
    return sent && !receivesErrorItself(context, fn, index);
  });
  return payload.length === 0 ? null : { node, kind: 'text', payload, description: `\`${callee.name}()\``, receiver: null, status: null };
}

/** `fn`'s own body (not nested functions) redirects the client (`res.redirect(…)`, `ctx.redirect(…)`). */
function redirectsIn(context: Context, fn: AnyFunction): boolean {
  let found = false;
  walkSameFunction(
    fn.body,
    (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression && getClientChannelSink(context, n)?.url) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

const receivesCache = fileCache<Map<AnyFunction, Map<number, boolean>>>();

/**
 * The helper's parameter is itself a caught error there (`(err) => res.json({ error: err.message })`): the helper's body is reported.
 * Kept per function and parameter: asked at every call of the helper, and `unknownErrorOf` may read all of its calls.
 */
function receivesErrorItself(context: Context, fn: AnyFunction, index: number): boolean {
  const byFunction = perFileMap(receivesCache, context.sourceCode);
  let answers = byFunction.get(fn);
  if (!answers) byFunction.set(fn, (answers = new Map()));
  let answer = answers.get(index);
  if (answer === undefined) {
    const param = fn.params[index];
    const id = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    answer = id?.type === AST_NODE_TYPES.Identifier && unknownErrorOf(context, id) !== null;
    answers.set(index, answer);
  }
  return answer;
}

/**
 * Whether `fn`'s body puts its parameter at `index` into a response or another client channel
 * (directly, through one or two variables, or through another helper).
 */
export function sendsParameter(context: Context, fn: AnyFunction, index: number): boolean {
  const byFunction = perFileMap(sendsCache, context.sourceCode);
  let answers = byFunction.get(fn);
  if (!answers) byFunction.set(fn, (answers = new Map()));
  let answer = answers.get(index);
  if (answer === undefined) {
    // A helper that reaches itself is answered no on the way.
    answers.set(index, false);
    answer = computeSendsParameter(context, fn, index);
    answers.set(index, answer);
  }
  return answer;
}

const sendsCache = fileCache<Map<AnyFunction, Map<number, boolean>>>();

function computeSendsParameter(context: Context, fn: AnyFunction, index: number): boolean {
  const param = fn.params[index];
  const id = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (id?.type !== AST_NODE_TYPES.Identifier || !isFunctionNode(fn)) return false;
  const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === id.name);
  if (!variable) return false;
  const reaches = (ref: TSESTree.Node, hops: number): boolean => {
    let child: TSESTree.Node = ref;
    for (let n = ref.parent; n && n !== fn; child = n, n = n.parent) {
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.AssignmentExpression) {
        const sink =
          getResponseSink(context, n) ??
          (n.type === AST_NODE_TYPES.CallExpression ? (getErrorHelperSink(context, n) ?? getClientChannelSink(context, n)) : null);
        if (sink?.payload.some((p) => contains(p, child))) return true;
      }
      // const body = { error: message }; res.json(body)
      if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init === child && n.id.type === AST_NODE_TYPES.Identifier && hops < 2) {
        const local = context.sourceCode.getDeclaredVariables(n)[0];
        return !!local && local.references.some((r) => !r.init && reaches(r.identifier, hops + 1));
      }
    }
    return false;
  };
  return variable.references.some((r) => reaches(r.identifier, 0));
}

const resultCache = fileCache<Map<TSESTree.ObjectExpression, ResponseSink | null>>();
/** Calls a result is handed to: a promise's `resolve`, a node-style callback. */
const RESULT_CALLEE = /^(?:resolve|callback|cb|done)$/u;

/**
 * `{ statusCode: 500, message: 'Unable to sign token: ' + err.message }` returned, resolved or handed
 * to a callback: an HTTP answer built as data — an AWS Lambda proxy result (`{ statusCode, body }`), or
 * the reply of a same-file login function that a route sends as it is (signalk's token security). The
 * status must be an error status written as a number; the other properties are the payload.
 */
export function getResultObjectSink(context: Context, node: TSESTree.ObjectExpression): ResponseSink | null {
  // Asked for every object literal of the file: where it stands decides first, before any property is read.
  if (!isHandedBack(node)) return null;
  const answers = perFileMap(resultCache, context.sourceCode);
  let cached = answers.get(node);
  if (cached === undefined) {
    cached = computeResultObjectSink(context, node);
    answers.set(node, cached);
  }
  return cached;
}

/** The object is returned, an arrow's body, or handed to `resolve` / a node-style callback. */
function isHandedBack(node: TSESTree.ObjectExpression): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.ReturnStatement ||
    (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node) && parent.callee.type === AST_NODE_TYPES.Identifier && RESULT_CALLEE.test(parent.callee.name))
  );
}

function computeResultObjectSink(context: Context, node: TSESTree.ObjectExpression): ResponseSink | null {
  let status: number | null = null;
  const payload: TSESTree.Expression[] = [];
  for (const prop of node.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
    const key = getPropertyName(prop);
    const value = prop.value as TSESTree.Expression;
    if (key === 'statusCode') {
      const v = skipTransparent(value);
      status = v.type === AST_NODE_TYPES.Literal && typeof v.value === 'number' ? v.value : null;
    } else if (key !== null) {
      payload.push(value);
    }
  }
  if (status === null || status < 400 || status > 599 || payload.length === 0) return null;
  return { node, kind: 'text', payload, description: `a result object with \`statusCode: ${status}\``, receiver: null, status };
}
