/**
 * Refused WebSocket and socket.io connections: the real-time twin of a 401/403 answer.
 *
 * - `ws.close(4003, 'Invalid auth token')`, `ws.close(4401)`, `ws.close(1008)` — the `ws` package's
 *   close with an application auth code (4001/4401 → 401, 4003/4403 → 403), or the protocol's
 *   "policy violation" (1008), or any code whose reason names an auth failure;
 * - `socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n')` on an HTTP upgrade, before `socket.destroy()`;
 * - `next(new Error('unauthorized'))` in socket.io middleware (`io.use((socket, next) => …)`, also one a
 *   factory returns for another file's `io.use`), which refuses the handshake with that error (its text or
 *   its class says so: `new UnauthorizedError(code, 'no credentials found')`);
 * - `socket.disconnect()` / `ws.terminate()` — only a refusal where a credential check failed (the
 *   caller decides that: a disconnect is also how a client leaves);
 * - `socket.emit('unauthorized', …)` — an event that tells the client it was refused: in an `if` branch
 *   it is judged like a 401/403 by that condition; elsewhere (a `catch`, the listener's top, where some
 *   apps emit it to start their auth handshake) only where a credential check failed;
 * - a connection authorizer's callback refusing: Primus `primus.authorize((req, done) => done(new Error('Unauthorized')))`
 *   (also with the error its `catch` caught, and from a factory `primus.authorize(makeAuthorize(…))`), ws's
 *   `verifyClient: (info, cb) => cb(false, 401)`;
 * - a message written to the socket (`send`, `write`, `emit`, `socket.json.send`) that says it was refused:
 *   `{ statusCode: 403 }`, `{ accessStatus }`, `{ errorMessage: 'requires admin permissions' }` — judged, in
 *   an `if` branch, by that condition; elsewhere only where a credential check failed;
 * - `socket.emit(event, …)` of any other event — only where a credential check failed (a password
 *   change answered `socket.emit('change-password', { error: 'password_incorrect' })`).
 *
 * Whether the refusal is access control is decided like any 401/403: by what the condition that
 * chooses it tests (access-control.ts) or by a failed credential check on its path.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getCalleePath, getEnclosingFunction, getNumberValue, getPropertyName, getStringValue, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { getStatusValue, statusFromErrorName, statusLineOf } from './http-status.js';
import { sameFileCallSites } from './input-flow.js';
import { isClientSocket } from './sockets.js';

export interface SocketRefusal {
  /** The HTTP status it stands for. */
  status: 401 | 403;
  /** How the report names it. */
  what: string;
  /** `socket.disconnect()`, a bare `ws.close(1008)`: a refusal only on a failed credential check's path. */
  needsCredentialFailure: boolean;

}

/** What a WebSocket / socket.io connection (or the raw upgrade socket) is called; any connection listener's parameter counts too (sockets.ts). */
const SOCKET_NAME = /^_?(?:ws|websocket|webSocket|socket|client|conn|connection)$/u;
/** Refusal reasons (auth-mentions.ts lists the same words in its text pre-check). */
const AUTH_TEXT = /un[_\s-]*authori[sz]ed|authenticat|forbidden|access[_\s-]*denied|invalid[_\s-]*(?:auth[_\s-]*)?token|token[_\s-]*(?:expired|invalid)/iu;
const FORBIDDEN_TEXT = /forbidden|denied/iu;
/** The socket methods that can refuse a connection (see getSocketRefusal). */
const REFUSING_METHODS = new Set(['close', 'write', 'emit', 'disconnect', 'terminate', 'send']);
/** A refusal's text in a message written to the socket: `'Server log access requires admin permissions'`. */
const PERMISSION_TEXT = /(?:requires?|needs?)\s+(?:\w+\s+)?(?:admin|permissions?|privileges?)|permission\s+denied|not\s+authori[sz]ed/iu;
/** A message field that carries the outcome of an access check: `{ accessStatus }`, `{ authError: … }`. */
const ACCESS_FIELD = /^(?:access|auth|authorization|permission)[_-]?(?:status|result|error)$/iu;
const STATUS_FIELD = /^(?:statusCode|status|code)$/u;
/** Events that tell a socket.io client it was refused: `unauthorized`, `auth_error`, `authentication-failed`, `forbidden`. */
const AUTH_EVENT = /^(?:un[_\s-]*authori[sz]ed|unauthenticated|auth(?:entication)?[_\s-]*(?:error|fail(?:ed|ure)?)|forbidden|access[_\s-]*denied)$/iu;
const CLOSE_CODES = new Map<number, 401 | 403>([
  [4001, 401],
  [4401, 401],
  [4003, 403],
  [4403, 403],
]);

function isSocketReceiver(context: Context, node: TSESTree.Node): boolean {
  const receiver = skipTransparent(node);
  if (receiver.type === AST_NODE_TYPES.Identifier) return SOCKET_NAME.test(receiver.name) || isClientSocket(context, receiver);
  // `req.ws`, `this.socket`, `request.socket`
  if (receiver.type === AST_NODE_TYPES.MemberExpression) {
    // socket.io's `socket.json.send(…)`, `socket.volatile.emit(…)`: flags on the socket itself.
    if ((getPropertyName(receiver) === 'json' || getPropertyName(receiver) === 'volatile') && isSocketReceiver(context, receiver.object)) return true;
    return SOCKET_NAME.test(getPropertyName(receiver) ?? '');
  }
  return false;
}

function statusOfText(text: string): 401 | 403 {
  return FORBIDDEN_TEXT.test(text) ? 403 : 401;
}

/**
 * `io.use((socket, next) => …)`: `fn` is socket.io middleware, its second parameter the `next` that refuses.
 * Also middleware a factory returns for another file's `io.use(createSocketAuth(db))`:
 * `return async function (socket, next) {…}`, then with the continuation named `next`.
 */
function socketMiddlewareNext(fn: TSESTree.Node | null): string | null {
  if (!fn || !isFunctionNode(fn) || fn.params.length !== 2) return null;
  const [socket, next] = fn.params;
  if (socket?.type !== AST_NODE_TYPES.Identifier || !SOCKET_NAME.test(socket.name) || next?.type !== AST_NODE_TYPES.Identifier) return null;
  const call = fn.parent;
  if (call?.type === AST_NODE_TYPES.ReturnStatement || (call && isFunctionNode(call) && call.body === fn)) return NEXT_NAME.test(next.name) ? next.name : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
  const path = getCalleePath(call);
  return path !== null && lastSegment(path) === 'use' ? next.name : null;
}

const NEXT_NAME = /^_?next$/u;

/**
 * The status an error handed to socket.io's `next` refuses with: its class says so (`new UnauthorizedError(code, 'no credentials found')`),
 * or a text argument names an auth failure (`new Error('unauthorized')`). The text, for the report.
 */
function handshakeRefusal(error: TSESTree.NewExpression): { status: 401 | 403; text: string } | null {
  const texts = error.arguments.map((a) => getStringValue(a)).filter((t): t is string => t !== null);
  const named = texts.find((t) => AUTH_TEXT.test(t));
  if (named !== undefined) return { status: statusOfText(named), text: named };
  const callee = getCalleePath(error);
  const byClass = callee === null ? null : statusFromErrorName(lastSegment(callee));
  return byClass === 401 || byClass === 403 ? { status: byClass, text: texts[0] ?? lastSegment(callee!) } : null;
}

/** `primus.authorize(fn)`: `fn` given directly, or returned by a same-file factory whose call is (`primus.authorize(makeAuthorize(…))`). */
function isPrimusAuthorizer(context: Context, fn: AnyFunction): boolean {
  const givenTo = (node: TSESTree.Node): boolean => {
    const call = node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node || call.arguments.length !== 1) return false;
    const callee = skipTransparent(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'authorize';
  };
  if (givenTo(fn)) return true;
  const factory = fn.parent?.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(fn.parent) : null;
  const calls = factory ? sameFileCallSites(context, factory) : null;
  return !!calls && calls.length > 0 && calls.every((c) => givenTo(c));
}

/** `verifyClient: (info, cb) => …` in the options of a `ws` server: `cb(false, 401)` refuses the upgrade. */
function isVerifyClient(fn: AnyFunction): boolean {
  const prop = fn.parent;
  return prop?.type === AST_NODE_TYPES.Property && prop.value === fn && getPropertyName(prop) === 'verifyClient';
}

/**
 * The callback of a connection authorizer refusing: Primus's `authorize(req, done)` called with an auth error
 * (`done(new Error('Unauthorized'))`) or with the error its `catch` caught, ws's `verifyClient(info, cb)`
 * called `cb(false)` / `cb(false, 401 | 403)`.
 */
function authorizerRefusal(context: Context, call: TSESTree.CallExpression, callee: TSESTree.Identifier): SocketRefusal | null {
  const def = findVariable(context, callee)?.defs[0];
  const fn = def?.type === 'Parameter' ? def.node : null;
  if (!fn || !isFunctionNode(fn) || fn.params.length !== 2 || fn.params[1]?.type !== AST_NODE_TYPES.Identifier || fn.params[1].name !== callee.name) return null;
  const arg = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return null;
  if (isVerifyClient(fn)) {
    if (arg.type !== AST_NODE_TYPES.Literal || arg.value !== false) return null;
    const status = call.arguments[1] ? getStatusValue(context, call.arguments[1]) : 401;
    return status === 401 || status === 403 ? { status, what: `the upgrade refused by verifyClient (${status})`, needsCredentialFailure: false } : null;
  }
  if (!isPrimusAuthorizer(context, fn)) return null;
  if (arg.type === AST_NODE_TYPES.NewExpression) {
    const message = arg.arguments[0] ? getStringValue(arg.arguments[0]) : null;
    if (message === null || !AUTH_TEXT.test(message)) return null;
    return { status: statusOfText(message), what: `the connection refused by the authorizer ('${message}')`, needsCredentialFailure: false };
  }
  // authorized(error) in the `catch` around the token check: the access-control test reads what chose it.
  const caught = arg.type === AST_NODE_TYPES.Identifier ? findVariable(context, arg)?.defs[0] : undefined;
  return caught?.type === 'CatchClause' ? { status: 401, what: 'the connection refused by the authorizer with the caught error', needsCredentialFailure: false } : null;
}

/** Whether the innermost branch around `node` in its function is an `if`'s consequent or alternate (not a `catch`, a ternary, or none). */
function inIfBranch(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let n = node.parent; n && !isFunctionNode(n); child = n, n = n.parent) {
    if (n.type === AST_NODE_TYPES.IfStatement) return child !== n.test;
    if (n.type === AST_NODE_TYPES.CatchClause || n.type === AST_NODE_TYPES.ConditionalExpression || n.type === AST_NODE_TYPES.LogicalExpression) return false;
  }
  return false;
}

function isEmitCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'emit';
}

/** `ws.close(4003); ws.terminate()`, `socket.emit('unauthorized'); socket.disconnect()`: the disconnect ends a refusal already made in the same block. */
function followsRefusal(context: Context, call: TSESTree.CallExpression): boolean {
  const statement = call.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.SwitchCase)) return false;
  const siblings: TSESTree.Statement[] = block.type === AST_NODE_TYPES.BlockStatement ? block.body : block.consequent;
  return siblings.slice(0, siblings.indexOf(statement)).some((st) => {
    const expr = st.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(st.expression) : null;
    if (expr?.type !== AST_NODE_TYPES.CallExpression) return false;
    const refusal = getSocketRefusal(context, expr);
    return refusal !== null && (refusal.needsCredentialFailure === false || isEmitCall(expr));
  });
}

/**
 * A message written to a client's socket that says it was refused: `{ statusCode: 403, … }`, a field that carries
 * an access check's outcome (`{ accessStatus }`), a text naming an auth failure
 * (`{ errorMessage: 'Server log access requires admin permissions' }`); also `JSON.stringify`'d. Its status, else null.
 */
function refusalMessage(context: Context, node: TSESTree.Node | undefined): 401 | 403 | null {
  let value = node ? skipTransparent(node) : null;
  if (value?.type === AST_NODE_TYPES.CallExpression && getCalleePath(value) === 'JSON.stringify' && value.arguments[0]) value = skipTransparent(value.arguments[0]);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const prop of value.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const key = getPropertyName(prop) ?? '';
    if (STATUS_FIELD.test(key)) {
      const status = getStatusValue(context, prop.value);
      if (status === 401 || status === 403) return status;
    }
    if (ACCESS_FIELD.test(key)) return 403;
    const text = getStringValue(prop.value);
    if (text !== null && (AUTH_TEXT.test(text) || PERMISSION_TEXT.test(text))) return AUTH_TEXT.test(text) ? statusOfText(text) : 403;
  }
  return null;
}

/**
 * Whether some function around `node` has `name` as its parameter number `index` (an identifier, not a pattern), with
 * exactly `count` parameters when given. A call of a parameter is made inside that parameter's function, so a callee
 * that no function around the call names so cannot resolve to one: the check comes before any scope look-up (asked of
 * every call by log-auth-failures).
 */
export function mayBeEnclosingParameter(node: TSESTree.Node, name: string, index: number, count?: number): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (!isFunctionNode(n) || (count !== undefined && n.params.length !== count)) continue;
    const param = n.params[index];
    if (param?.type === AST_NODE_TYPES.Identifier && param.name === name) return true;
  }
  return false;
}

/** The refusal `call` makes, or null. */
export function getSocketRefusal(context: Context, call: TSESTree.CallExpression): SocketRefusal | null {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // Both refusals below are the call of a two-parameter function's second parameter: the authorizer's callback
    // (authorizerRefusal) and socket.io middleware's `next` (socketMiddlewareNext, also when the name is shadowed).
    if (!mayBeEnclosingParameter(call, callee.name, 1, 2)) return null;
    const authorizer = authorizerRefusal(context, call, callee);
    if (authorizer) return authorizer;
    // next(new Error('unauthorized')) in io.use middleware, also from a callback inside it (`jwt.verify(t, key, (err) => next(…))`)
    const arg = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
    if (arg?.type !== AST_NODE_TYPES.NewExpression) return null;
    const def = findVariable(context, callee)?.defs[0];
    const fn = def?.type === 'Parameter' ? def.node : getEnclosingFunction(call);
    if (socketMiddlewareNext(fn) !== callee.name) return null;
    const refusal = handshakeRefusal(arg);
    if (!refusal) return null;
    return { status: refusal.status, what: `the socket.io handshake refused (next(new ${lastSegment(getCalleePath(arg) ?? 'Error')}('${refusal.text}')))`, needsCredentialFailure: false };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  // The method first: whether the receiver is a socket may take a scope lookup.
  if (!REFUSING_METHODS.has(method ?? '') || !isSocketReceiver(context, callee.object)) return null;
  if (method === 'close') {
    // `socket.close()` with no code: how a server also ends a session it is done with; a refusal only after a failed check.
    if (call.arguments.length === 0) return followsRefusal(context, call) ? null : { status: 401, what: 'the socket closed after a failed check', needsCredentialFailure: true };
    const code = call.arguments[0] ? getNumberValue(call.arguments[0]) : null;
    const reason = call.arguments[1] ? getStringValue(call.arguments[1]) : null;
    const byCode = code === null ? undefined : CLOSE_CODES.get(code);
    const status = byCode ?? (reason !== null && AUTH_TEXT.test(reason) ? statusOfText(reason) : code === 1008 ? 403 : null);
    if (status === null) return null;
    // A bare 1008 "policy violation" also ends sessions for bad input: a refusal only after a failed credential check.
    const explicit = byCode !== undefined || (reason !== null && AUTH_TEXT.test(reason));
    return { status, what: `the WebSocket closed with ${code ?? 'a refusal'}${reason ? ` ('${reason}')` : ''}`, needsCredentialFailure: !explicit };
  }
  if (method === 'write') {
    // The status line of the hand-written answer (one reading with getResponseSink's raw socket sink).
    const status = call.arguments[0] ? statusLineOf(call.arguments[0]) : null;
    if (status === 401 || status === 403) return { status, what: `the upgrade answered ${status}`, needsCredentialFailure: false };
  }
  if (method === 'write' || method === 'send' || method === 'emit') {
    const message = refusalMessage(context, call.arguments[method === 'emit' ? 1 : 0]);
    if (message) return { status: message, what: `a refusal written to the socket`, needsCredentialFailure: !inIfBranch(call) };
    if (method !== 'emit') return null;
  }
  if (method === 'emit') {
    const event = call.arguments[0] ? getStringValue(call.arguments[0]) : null;
    if (event === null) return null;
    // Any other event is the socket's answer only where a credential check failed:
    // `if (!matching) { socket.emit('change-password', { error: 'password_incorrect' }); return }`.
    if (!AUTH_EVENT.test(event)) return { status: 401, what: `the '${event}' event emitted to the socket after a failed check`, needsCredentialFailure: true };
    return { status: statusOfText(event), what: `the '${event}' event emitted to the socket`, needsCredentialFailure: !inIfBranch(call) };
  }
  if ((method === 'disconnect' || method === 'terminate') && !followsRefusal(context, call)) {
    return { status: 401, what: `the socket ${method === 'disconnect' ? 'disconnected' : 'terminated'} after a failed check`, needsCredentialFailure: true };
  }
  return null;
}

