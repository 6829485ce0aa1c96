/**
 * Which identifier is a client's WebSocket / socket.io connection: one answer for the rules that
 * read what a client sends over it (request-input.ts, origin 'message') and those that see it refused
 * (socket-refusals.ts); and which function listens for a client's messages on it (isSocketMessageListener).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getCalleePath, getPropertyName, getRootIdentifier, getStringValue, lastSegment, skipTransparent } from './ast.js';
import { getImportSource } from './modules.js';
import { hasDecoratedParameter, hasDecoratorNamed, methodDecorators, parameterDecorators } from './decorators.js';

/**
 * A parameter of `io.on('connection', (socket) => …)` / `wss.on('connection', (ws) => …)`, or a variable
 * named `socket` / `ws` / `spark` (Primus calls a client's connection a spark) that does not hold a
 * connection this process opened to a server (`new WebSocket(url)`, socket.io-client's `io(url)`).
 */
export function isClientSocket(context: Context, id: TSESTree.Identifier): boolean {
  return mayBeClientSocket(id) && isClientSocketUngated(context, id);
}

/** isClientSocket without its cheap gate (mayBeClientSocket): the reference tests/model/param-gates.test.ts holds the gate to. */
export function isClientSocketUngated(context: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (def?.type === 'Parameter') {
    const listener = def.node as AnyFunction;
    const registration = listener.parent;
    if (
      registration?.type === AST_NODE_TYPES.CallExpression &&
      registration.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(registration.callee) === 'on' &&
      registration.arguments[0] &&
      getStringValue(registration.arguments[0]) === 'connection' &&
      listener.params[0] === def.name
    ) {
      return true;
    }
  }
  if (def?.type === 'Parameter' && isGatewayClientParameter(def.node as AnyFunction, def.name)) return true;
  // const ws = new WebSocket(url): a connection this process opened; what arrives on it is the server's.
  if (variable?.references.some((r) => r.writeExpr && opensConnection(context, r.writeExpr))) return false;
  return CLIENT_SOCKET_NAME.test(id.name);
}

const CLIENT_SOCKET_NAME = /^(?:socket|ws|webSocket|websocket|spark)$/u;

/**
 * What isClientSocket needs, read without a scope look-up (it is asked of the receiver of many calls): the name is one a
 * connection goes by, or a function around `id` takes that name as a parameter that could be a connection listener's
 * first (a function handed to a call) or a method's (a gateway's client). A parameter is read only inside its function.
 */
function mayBeClientSocket(id: TSESTree.Identifier): boolean {
  if (CLIENT_SOCKET_NAME.test(id.name)) return true;
  for (let n: TSESTree.Node | undefined = id.parent; n; n = n.parent) {
    if (n.type !== AST_NODE_TYPES.ArrowFunctionExpression && n.type !== AST_NODE_TYPES.FunctionExpression && n.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const isMethod = n.parent?.type === AST_NODE_TYPES.MethodDefinition && n.parent.value === n;
    if (!isMethod && n.parent?.type !== AST_NODE_TYPES.CallExpression) continue;
    const params = isMethod ? n.params : n.params.slice(0, 1);
    for (const p of params) {
      const param = p.type === AST_NODE_TYPES.TSParameterProperty ? p.parameter : p;
      if (param.type === AST_NODE_TYPES.Identifier && param.name === id.name) return true;
    }
  }
  return false;
}

/** WebSocket clients: `new WebSocket(url)` (ws, the browser class), `new ReconnectingWebSocket(url)`. */
const CLIENT_SOCKET_CLASS = /^(?:WebSocket|ReconnectingWebSocket|W3CWebSocket|WS)$/u;
const SOCKET_CLIENT_MODULES = /^(?:socket\.io-client|engine\.io-client)$/u;

/** `new WebSocket(url)`, `io(url)` / `io.connect(url)` from socket.io-client: a connection to a server, not a client's. */
function opensConnection(context: Context, value: TSESTree.Node): boolean {
  const n = skipTransparent(value);
  if (n.type === AST_NODE_TYPES.NewExpression) {
    const path = getCalleePath(n);
    return n.arguments.length > 0 && path !== null && CLIENT_SOCKET_CLASS.test(lastSegment(path));
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = getRootIdentifier(n.callee);
  return !!root && SOCKET_CLIENT_MODULES.test(getImportSource(context, root)?.source ?? '');
}

/**
 * The client of a Nest gateway's `@SubscribeMessage(…)` method: the parameter marked
 * `@ConnectedSocket()`, or, when no parameter is decorated, the first one (Nest passes `(client, data)`).
 * Compiled decorators (`__decorate([(0, websockets_1.SubscribeMessage)('x')], …)`) count too.
 */
function isGatewayClientParameter(fn: AnyFunction, param: TSESTree.Node): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return false;
  if (!hasDecoratorNamed(methodDecorators(method), 'SubscribeMessage')) return false;
  const index = fn.params.findIndex((p) => p === param || (p.type === AST_NODE_TYPES.TSParameterProperty && p.parameter === param));
  if (index < 0) return false;
  if (!hasDecoratedParameter(fn)) return index === 0;
  return hasDecoratorNamed(parameterDecorators(fn, index), 'ConnectedSocket');
}

/** Socket events that carry no client data: connection lifecycle of socket.io and ws. */
const RESERVED_SOCKET_EVENTS = new Set([
  'connect', 'connection', 'disconnect', 'disconnecting', 'error', 'close', 'open', 'ping', 'pong', 'upgrade',
  'unexpected-response', 'headers', 'listening', 'connect_error', 'reconnect', 'newListener', 'removeListener', 'end', 'drain', 'timeout',
]);

/** Reserved events whose listeners get no arguments. */
const NO_ARGUMENT_EVENTS = new Set(['open', 'end', 'drain', 'listening']);

function takesArguments(listener: TSESTree.Node): boolean {
  const fn = skipTransparent(listener);
  return (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.params.length > 0;
}

/**
 * `socket.on('join', (room, ack) => …)` (socket.io), `ws.on('message', (data) => …)` (ws), or a same-file
 * function registered by name (`socket.on('auth:perform', performAuthentication)`): a listener for what a
 * client sends over a WebSocket. The socket is a parameter of a `'connection'` listener or named like one;
 * reserved events (`disconnect`, `error`, `close`, …) carry no client data.
 */
export function isSocketMessageListener(context: Context, fn: AnyFunction): boolean {
  return isMessageListenerRegistration(context, fn, fn.parent) || isNamedMessageListener(context, fn);
}

/** Names of a function that handles one message of a connection: `handleMessage`, `onClientMessage`, `processMessage`. */
const MESSAGE_HANDLER_NAME = /^(?:handle|on|process)\w*Message$/u;
const MESSAGE_PARAM_NAME = /^(?:message|msg|data|payload|packet)$/u;

/**
 * Whether the parameter at `index` of `fn` holds what a client sent over a WebSocket: any parameter of
 * a message listener (isSocketMessageListener), or the message of a function named for handling one
 * that takes the connection first (etherpad's `exports.handleMessage = async (socket, message) => …`,
 * which another file calls from its `socket.on('message', …)`): `(socket, message)`, `(client, msg)`.
 */
export function isSocketMessageParameter(context: Context, fn: AnyFunction, index: number): boolean {
  if (isSocketMessageListener(context, fn)) return true;
  const param = fn.params[index];
  const before = fn.params[index - 1];
  if (param?.type !== AST_NODE_TYPES.Identifier || before?.type !== AST_NODE_TYPES.Identifier || !MESSAGE_PARAM_NAME.test(param.name)) return false;
  if (!/^(?:socket|ws|webSocket|websocket|spark|client)$/u.test(before.name)) return false;
  const name = functionName(fn);
  return name !== null && MESSAGE_HANDLER_NAME.test(name);
}

/** `function handleMessage`, `const handleMessage = …`, `exports.handleMessage = …`, `{ handleMessage(…) {} }`. */
export function functionName(fn: AnyFunction): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(parent.left);
  if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) && parent.value === fn) return getPropertyName(parent);
  return null;
}

/** `socket.on('join', listener)`: `call` registers `listener` for a client's messages (not a reserved event). */
function isMessageListenerRegistration(context: Context, listener: TSESTree.Node, call: TSESTree.Node | undefined): boolean {
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== listener || call.arguments.length !== 2) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !/^(?:on|once|addListener|prependListener)$/u.test(getPropertyName(callee) ?? '')) return false;
  const event = getStringValue(call.arguments[0]!);
  if (event === null) return false;
  // `'open'`, `'end'`, `'drain'`, `'listening'` pass nothing: a listener that takes arguments
  // (cncjs's `socket.on('open', (port, options) => …)`) is for a message of the app's own.
  if (RESERVED_SOCKET_EVENTS.has(event) && !(NO_ARGUMENT_EVENTS.has(event) && takesArguments(listener))) return false;
  const socket = skipTransparent(callee.object);
  return socket.type === AST_NODE_TYPES.Identifier && isClientSocket(context, socket);
}

/**
 * `function performAuthentication(data) { … }` registered by name, `socket.on('auth:perform',
 * performAuthentication)`: a same-file function whose every use is such a registration (or its
 * removal with `socket.off`) and that nothing calls directly.
 */
function isNamedMessageListener(context: Context, fn: AnyFunction): boolean {
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && !declarator) return false;
  const variable = context.sourceCode.getDeclaredVariables(declarator ?? fn)[0];
  if (!variable) return false;
  let registered = false;
  for (const ref of variable.references) {
    if (ref.init) continue;
    const parent = ref.identifier.parent;
    if (isMessageListenerRegistration(context, ref.identifier, parent)) {
      registered = true;
      continue;
    }
    const removal = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && /^(?:off|removeListener)$/u.test(getPropertyName(parent.callee) ?? '');
    if (!removal && (ref.identifier.type !== AST_NODE_TYPES.Identifier || !isConstantCall(ref.identifier))) return false;
  }
  return registered;
}

/** `auth(socket, {})`, `performAuthentication.call(socket, {})`: a direct call that hands the function only constants. */
function isConstantCall(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id) return parent.arguments.every(isConstant);
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== id || getPropertyName(parent) !== 'call') return false;
  const call = parent.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && call.arguments.slice(1).every(isConstant);
}

/** A literal, or an object / array literal of literals (`{}`, `{ user: 'guest' }`, `[1, 2]`). */
function isConstant(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return true;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isConstant(e));
  if (n.type === AST_NODE_TYPES.ObjectExpression) return n.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isConstant(p.value));
  return false;
}
