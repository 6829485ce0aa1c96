/**
 * Messages of NestJS gateways and microservice handlers: what a client sends to a
 * `@SubscribeMessage('join')` method of a `@WebSocketGateway` (socket.io / ws) or to a
 * `@MessagePattern(…)` / `@EventPattern(…)` / `@GrpcMethod(…)` handler of a microservice is client
 * input like a request body. request-input.ts asks this module about a parameter that carries no
 * HTTP decorator.
 *
 * Which parameter holds the message follows Nest's own binding (@nestjs/websockets 11
 * `DEFAULT_CALLBACK_METADATA`, @nestjs/microservices 11 `RpcParamsFactory`): `@MessageBody()` in a
 * gateway, `@Payload()` in a microservice handler (with a key: `@MessageBody('room')` is that
 * field); when no parameter of the method is decorated, Nest passes `(client, data)` to a gateway
 * method and `(data, context)` to a microservice handler. Once one parameter is decorated, Nest
 * fills only the decorated ones, so an undecorated parameter is then no message.
 *
 * Also what Nest's HTTP and GraphQL parameter decorators bind (`@Query('q')`, `@Body()`, `@Req()`,
 * `@Args('id')`): nestDecoratorInput. Compiled decorators (`__param(0, (0, common_1.Body)())`) count
 * like source ones (decorators.ts).
 *
 * And plain RPC servers (rpcServerInput): the methods of the implementation object a gRPC server
 * is given (`server.addService(def, { sayHello(call, callback) {…} })`, @grpc/grpc-js and the
 * legacy `grpc`) take the RPC call first, whose `.request` is the client's message (its
 * `getPeer()`, `cancelled` and `metadata` are not message text); a jayson JSON-RPC method
 * (`new jayson.Server({ add(args, callback) {…} })`, `jayson.server(methods)`) takes the client's
 * params first.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getCalleePath, getMemberPath, getPropertyName, getRootIdentifier, getStringValue, isFunctionNode, ownEntry, skipTransparent } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { decoratorArguments, decoratorName, hasDecoratedParameter, methodDecorators, parameterDecorators } from './decorators.js';
import { namesModule } from './job-runners.js';
import { getImportSource } from './modules.js';
import { isNonTextPipe } from './non-text-values.js';
import type { RequestInput, RequestInputOrigin } from './request-input.js';

interface MessageHandlerKind {
  /** `message` for a WebSocket gateway, `rpc` for a microservice (a broker or gRPC message). */
  origin: 'message' | 'rpc';
  /** The parameter decorator that binds the message. */
  body: string;
  /** The argument that holds the message when no parameter is decorated. */
  defaultIndex: number;
}

const GATEWAY: MessageHandlerKind = { origin: 'message', body: 'MessageBody', defaultIndex: 1 };
const MICROSERVICE: MessageHandlerKind = { origin: 'rpc', body: 'Payload', defaultIndex: 0 };

/** Method decorators that make a method a message handler. */
const HANDLER_DECORATORS: Record<string, MessageHandlerKind> = {
  SubscribeMessage: GATEWAY,
  MessagePattern: MICROSERVICE,
  EventPattern: MICROSERVICE,
  GrpcMethod: MICROSERVICE,
};

/**
 * What the parameter at `index` of `fn` binds when `fn` is a Nest message handler: a value (a
 * keyed or text-typed message), a container (a message typed as a DTO or object), `'none'` when a
 * pipe turns it into a number / boolean / UUID, null when `fn` is no message handler or the
 * parameter is not the message.
 */
export function messageHandlerInput(fn: AnyFunction, index: number): RequestInput | 'none' | null {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return null;
  const kind = handlerKind(methodDecorators(method));
  const param = fn.params[index];
  if (!kind || !param) return null;
  if (!hasDecoratedParameter(fn)) {
    return index === kind.defaultIndex ? wholeMessage(param, kind) : null;
  }
  for (const decorator of parameterDecorators(fn, index)) {
    if (decoratorName(decorator) !== kind.body) continue;
    const args = decoratorArguments(decorator);
    if (args.some(isNonTextPipe)) return 'none';
    const key = args[0] ? getStringValue(args[0]) : null;
    return key !== null ? { kind: 'value', origin: kind.origin } : wholeMessage(param, kind);
  }
  return null;
}

function handlerKind(decorators: readonly TSESTree.Expression[]): MessageHandlerKind | null {
  for (const decorator of decorators) {
    if (skipTransparent(decorator).type !== AST_NODE_TYPES.CallExpression) continue;
    const name = decoratorName(decorator);
    const kind = name === null ? undefined : ownEntry(HANDLER_DECORATORS, name);
    if (kind) return kind;
  }
  return null;
}

/**
 * The whole message: one value when it can be text (`data: string`, `payload: any`, untyped, as
 * socket.io listener arguments are), a container when its type says it is an object (`dto:
 * JoinRoomDto`, `{ room: string }`, `string[]`) — `${dto}` prints `[object Object]`, `dto.room` is
 * the client's text.
 */
function wholeMessage(param: TSESTree.Parameter, kind: MessageHandlerKind): RequestInput {
  let p: TSESTree.Node = param;
  if (p.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  const type = p.type === AST_NODE_TYPES.Identifier ? p.typeAnnotation?.typeAnnotation : undefined;
  return { kind: !type || mayBeText(type) ? 'value' : 'container', origin: kind.origin };
}

function mayBeText(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
    case AST_NODE_TYPES.TSTemplateLiteralType:
      return true;
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === 'string';
    case AST_NODE_TYPES.TSUnionType:
      return type.types.some(mayBeText);
    default:
      return false;
  }
}

/** Nest parameter decorators that bind request input. */
const NEST_INPUT_DECORATORS: Record<string, RequestInputOrigin> = {
  Query: 'query',
  Param: 'params',
  Body: 'body',
  Headers: 'headers',
  Cookies: 'cookies',
  // GraphQL field arguments: Nest `@Args('id')`, type-graphql `@Arg('id')` / `@Args()`
  Args: 'args',
  Arg: 'args',
};

/**
 * What a Nest-decorated parameter binds: `@Query('q') q` → a value, `@Body() dto` → a container,
 * `@Req() req` → the request; `'none'` for inputs that cannot carry text (`ParseIntPipe`); null
 * when the parameter has no such decorator.
 */
export function nestDecoratorInput(fn: AnyFunction, index: number): RequestInput | 'none' | null {
  for (const decorator of parameterDecorators(fn, index)) {
    const name = decoratorName(decorator);
    if (name === null) continue;
    if (name === 'Req' || name === 'Request') return { kind: 'request', origin: null };
    const origin = ownEntry(NEST_INPUT_DECORATORS, name);
    if (!origin) continue;
    const args = decoratorArguments(decorator);
    if (args.some(isNonTextPipe)) return 'none';
    const key = args[0] ? getStringValue(args[0]) : null;
    return { kind: key !== null ? 'value' : 'container', origin };
  }
  return null;
}

/** The gRPC server packages: @grpc/grpc-js and the legacy native `grpc`. */
const GRPC_MODULES = new Set(['@grpc/grpc-js', 'grpc']);
const JAYSON_MODULES = new Set(['jayson', 'jayson/promise']);
/** @grpc/grpc-js's types of the call a method is handed: `ServerUnaryCall<Req, Res>`, the stream calls. */
const GRPC_CALL_TYPE = /^(?:ServerUnaryCall|ServerReadableStream|ServerWritableStream|ServerDuplexStream)$/u;
/** Its types of a whole method: `const sayHello: grpc.handleUnaryCall<Req, Res> = (call, callback) => …`. */
const GRPC_HANDLER_TYPE = /^handle(?:UnaryCall|ServerStreamingCall|ClientStreamingCall|BidiStreamingCall)$/u;
/** Text a file must hold for an object in it to be registered with an RPC server. */
const REGISTRATION_TEXT = /\badd(?:Proto)?Service\b|\bjayson\b/u;
const registrationTextCache = fileCache<boolean>();
/** Text a file must hold for a function in it to be a gRPC method: a registration, or a grpc-js call / handler type name. */
const GRPC_METHOD_TEXT = /\badd(?:Proto)?Service\b|Server(?:Unary|Readable|Writable|Duplex)(?:Call|Stream)\b|\bhandle(?:Unary|ServerStreaming|ClientStreaming|BidiStreaming)Call\b/u;
const grpcMethodTextCache = fileCache<boolean>();

/**
 * What the parameter at `index` of `fn` holds when `fn` is a method of a plain RPC server: the
 * RPC call (kind `call`: its `.request` is the client's message) for the first parameter of a gRPC
 * implementation method, the client's params (a container) for the first parameter of a jayson
 * method, and a message a client streams (`call.on('data', (note) => …)` on such a call, a
 * container). `classify` answers for the stream's receiver. Null for anything else.
 */
export function rpcServerInput(context: Context, fn: AnyFunction, index: number, classify: (node: TSESTree.Node) => RequestInput | null): RequestInput | null {
  if (index !== 0) return null;
  if (isTypedGrpcMethod(fn)) return { kind: 'call', origin: 'rpc' };
  const parent = fn.parent;
  // call.on('data', (note) => …): a message of a client or bidirectional stream
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === fn && getStringValue(parent.arguments[0]) === 'data') {
    const callee = skipTransparent(parent.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'on' && classify(callee.object)?.kind === 'call') return { kind: 'container', origin: 'rpc' };
  }
  if (!perFile(registrationTextCache, context.sourceCode, () => REGISTRATION_TEXT.test(context.sourceCode.text))) return null;
  for (const object of implementationObjects(context, fn)) {
    const server = registeringServer(context, object);
    if (server === 'grpc') return { kind: 'call', origin: 'rpc' };
    if (server === 'jayson') return { kind: 'container', origin: 'rpc' };
  }
  // server.method('add', (args, callback) => …) on a jayson server
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === fn && isJaysonFile(context)) {
    const callee = skipTransparent(parent.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'method') return { kind: 'container', origin: 'rpc' };
  }
  return null;
}

function isTypedGrpcMethod(fn: AnyFunction): boolean {
  const param = fn.params[0];
  return (!!param && GRPC_CALL_TYPE.test(typeNameOf(param) ?? '')) || GRPC_HANDLER_TYPE.test(declaredTypeName(fn) ?? '');
}

/**
 * `callback` of a gRPC implementation method `sayHello(call, callback)`: what it is handed answers the
 * client — an error's `message` (or `details`) becomes the status text the client reads.
 */
export function isGrpcResponseCallback(context: Context, id: TSESTree.Identifier, findParameterOwner: (id: TSESTree.Identifier) => AnyFunction | null): boolean {
  // Asked for every call of a name no same-file function is bound to: the file's text decides first.
  if (!perFile(grpcMethodTextCache, context.sourceCode, () => GRPC_METHOD_TEXT.test(context.sourceCode.text))) return false;
  const fn = findParameterOwner(id);
  const callback = fn?.params[1];
  if (!fn || callback?.type !== AST_NODE_TYPES.Identifier || callback.name !== id.name) return false;
  if (isTypedGrpcMethod(fn)) return true;
  if (!perFile(registrationTextCache, context.sourceCode, () => REGISTRATION_TEXT.test(context.sourceCode.text))) return false;
  return implementationObjects(context, fn).some((object) => registeringServer(context, object) === 'grpc');
}

/** The object literals `fn` is a method of: `{ sayHello(call, cb) {…} }`, or `{ sayHello }` / `{ sayHello: sayHello }` naming a same-file function. */
function implementationObjects(context: Context, fn: AnyFunction): TSESTree.ObjectExpression[] {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) return parent.parent.type === AST_NODE_TYPES.ObjectExpression ? [parent.parent] : [];
  const declared =
    fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent : null;
  const variable = declared ? context.sourceCode.getDeclaredVariables(declared)[0] : undefined;
  const objects: TSESTree.ObjectExpression[] = [];
  for (const ref of variable?.references ?? []) {
    const property = ref.identifier.parent;
    if (property?.type === AST_NODE_TYPES.Property && property.value === ref.identifier && property.parent.type === AST_NODE_TYPES.ObjectExpression) objects.push(property.parent);
  }
  return objects;
}

/**
 * Which RPC server `object` is handed to: `server.addService(def, object)` (also `addProtoService`,
 * the legacy name) in a file that loads gRPC or with a generated service definition (`proto.Greeter.service`,
 * `GreeterService`), `new jayson.Server(object)` / `jayson.server(object)`; directly or through a `const`.
 */
function registeringServer(context: Context, object: TSESTree.ObjectExpression): 'grpc' | 'jayson' | null {
  const uses: TSESTree.Node[] = [object];
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === object && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = context.sourceCode.getDeclaredVariables(parent)[0];
    for (const ref of variable?.references ?? []) if (!ref.init) uses.push(ref.identifier);
  }
  for (const use of uses) {
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) continue;
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if ((method === 'addService' || method === 'addProtoService') && call.arguments[1] === use && isGrpcDefinition(context, call.arguments[0])) return 'grpc';
    const path = getCalleePath(call);
    if (call.arguments[0] === use && path !== null && /(?:^|\.)(?:Server|server)$/u.test(path)) {
      const root = getRootIdentifier(callee);
      if (root && JAYSON_MODULES.has(getImportSource(context, root)?.source ?? '')) return 'jayson';
    }
  }
  return null;
}

/** The service definition handed to `addService`: in a file that loads gRPC, anything; else one named like a generated definition. */
function isGrpcDefinition(context: Context, definition: TSESTree.Node | undefined): boolean {
  if (!definition) return false;
  if (namesModule(context, GRPC_MODULES)) return true;
  const path = getMemberPath(skipTransparent(definition));
  return path !== null && /(?:\.service|Service)$/u.test(path);
}

function isJaysonFile(context: Context): boolean {
  return namesModule(context, JAYSON_MODULES);
}

/** The type a parameter is annotated with, by its last name: `call: grpc.ServerUnaryCall<A, B>` → `ServerUnaryCall`. */
function typeNameOf(param: TSESTree.Parameter): string | null {
  let p: TSESTree.Node = param;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  const type = p.type === AST_NODE_TYPES.Identifier || p.type === AST_NODE_TYPES.ObjectPattern ? p.typeAnnotation?.typeAnnotation : undefined;
  return type ? referenceName(type) : null;
}

/** The type `fn` is declared with: `const sayHello: handleUnaryCall<A, B> = (call, cb) => …`, a class property so typed. */
function declaredTypeName(fn: AnyFunction): string | null {
  const parent = fn.parent;
  if (!isFunctionNode(fn) || !parent) return null;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    const type = parent.id.typeAnnotation?.typeAnnotation;
    return type ? referenceName(type) : null;
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === fn) {
    const type = parent.typeAnnotation?.typeAnnotation;
    return type ? referenceName(type) : null;
  }
  return null;
}

function referenceName(type: TSESTree.TypeNode): string | null {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return null;
}
