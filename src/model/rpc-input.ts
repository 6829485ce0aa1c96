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
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, getStringValue, ownEntry, skipTransparent } from './ast.js';
import { decoratorArguments, decoratorName, hasDecoratedParameter, methodDecorators, parameterDecorators } from './decorators.js';
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
