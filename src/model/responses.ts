/**
 * Where a value goes to the client: response sinks of Express, Fastify, Koa, Hono, Next.js
 * and plain `http`, and the HTTP exceptions whose message NestJS and Hono send as the body.
 *
 * A receiver counts as a response when it is the response (or context) binding of a
 * recognized handler, or goes by a response's conventional name (`res`, `response`,
 * `reply`, `ctx`, `c`). A fetch `Response` being read (`await response.json()`) is not a
 * sink: it has no argument.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type Context,
  calleeName,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  isFunctionNode,
  getMemberPath,
  getPropertyName,
  getStringValue,
  lastSegment,
  skipTransparent,
  getRootIdentifier,
  resolveFunction,
} from './ast.js';
import { fileCache, perFileMap, perNode } from './file-cache.js';
import { isLoggerObject } from './loggers.js';
import { findEnclosingHandler, getHandlerInfo } from './handlers.js';
import { getHttpOutcome, getHttpStatus, passesResponseArgument } from './http-outcomes.js';
import { getStatusValue, statusFromErrorName, statusLineOf } from './http-status.js';
import { isResponseName } from './response-names.js';
import { sendsParameter } from './client-channels.js';
import { isKoaThisContext } from './koa-generators.js';

export type ResponseSinkKind =
  /** The body is serialized as JSON (`res.json`, `c.json`, `NextResponse.json`, an object given to `res.send` / `ctx.body`). */
  | 'json'
  /** The body is sent as given (`res.end`, `res.write`, `c.text`, `new Response`). */
  | 'text'
  /** Either, decided by the value (`res.send`, `reply.send`, `ctx.body =`). */
  | 'body'
  /** An HTTP exception whose message becomes the response body (`new BadRequestException(msg)`). */
  | 'exception';

export interface ResponseSink {
  /** The sending call, `new`, assignment, or the `return` (or arrow body) of a handler whose return value is the body. */
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression | TSESTree.ReturnStatement | TSESTree.Expression;
  kind: ResponseSinkKind;
  /** The expressions whose value reaches the client. */
  payload: TSESTree.Expression[];
  /** How the sink reads in a message, in backticks where it is code: `` `res.json()` ``, `` `ctx.body` ``, "the return value of a Fastify handler". */
  description: string;
  /** The root binding of the response (`res` in `res.status(500).json(…)`), when there is one. */
  receiver: TSESTree.Identifier | null;
  /** The HTTP status, when the code says it. */
  status: number | null;
  /**
   * A hand-written HTTP answer on a raw socket (an `'upgrade'` listener's `socket.write(…)`): the payload
   * carries the status line and headers, so replacing it with a generic text would break the answer. Also a
   * gRPC method's `callback(err)`, whose error must stay an object with a code.
   */
  raw?: true;
  /** A redirect's URL (see client-channels.ts): a generic text in its place would break the redirect. */
  url?: true;
  /**
   * The app's response helper handed the response and no status (`sendError(res, err.message)`): a
   * whole error given to it is the helper's to turn into a body (see getErrorHelperSink).
   */
  helper?: true;
  /** A message kept for the next page (`req.flash('error', …)`, `req.session.error = …`): shown to the user, no answer of its own. */
  flash?: true;
}

const CONTEXT_NAME = /^_?(?:ctx|context|c)$/u;
/** hapi's response toolkit `h`, Nest's `ArgumentsHost` (`host`) and `httpAdapter`: they answer for a handler. */
const TOOLKIT_NAME = /^_?(?:h|httpAdapter|host)$/u;
const FASTIFY_REPLY_NAME = /^_?(?:reply|rep)$/u;
/** Helpers named for answering the client: `sendError`, `respond`, `replyWithError`, `formatResponse`, `errorResponse`. */
// (`Response$`, not `\w*Response$`: the same names, without trying every start of the name.)
const RESPONSE_HELPER_NAME = /^(?:send|respond|reply|render|write|format)\w*$|Response$/u;
// Maps, not object literals: a method named `toString` or `constructor` must not find Object.prototype's.
const RESPONSE_METHODS: ReadonlyMap<string, ResponseSinkKind> = new Map([
  ['json', 'json'],
  ['jsonp', 'json'],
  ['send', 'body'],
  ['end', 'text'],
  ['write', 'text'],
]);
const HONO_METHODS: ReadonlyMap<string, ResponseSinkKind> = new Map([
  ['json', 'json'],
  ['text', 'text'],
  ['html', 'text'],
  ['body', 'text'],
]);
/** Methods a response chain goes through before the sink: `res.status(500).json()`, `reply.code(500).type('text').send()`. */
const CHAIN_METHODS = new Set(['status', 'code', 'type', 'set', 'header', 'headers', 'append', 'vary', 'location', 'contentType', 'cookie', 'clearCookie', 'links']);

/** NestJS's built-in HTTP exceptions and Hono's `HTTPException`: their message is the response body. */
/** GraphQL error classes whose message reaches the client: graphql-js, Apollo Server 2/3. */
const GRAPHQL_ERRORS = new Set(['GraphQLError', 'ApolloError', 'UserInputError']);
const HTTP_EXCEPTIONS = new Set([
  'HttpException',
  'BadRequestException',
  'UnauthorizedException',
  'NotFoundException',
  'ForbiddenException',
  'NotAcceptableException',
  'RequestTimeoutException',
  'ConflictException',
  'GoneException',
  'HttpVersionNotSupportedException',
  'PayloadTooLargeException',
  'UnsupportedMediaTypeException',
  'UnprocessableEntityException',
  'InternalServerErrorException',
  'NotImplementedException',
  'ImATeapotException',
  'MethodNotAllowedException',
  'BadGatewayException',
  'ServiceUnavailableException',
  'GatewayTimeoutException',
  'PreconditionFailedException',
  'MisdirectedException',
  'HTTPException',
  // @nestjs/websockets: the gateway's exception filter emits `{ status: 'error', message }` to the client.
  'WsException',
]);

const cache = fileCache<Map<TSESTree.Node, ResponseSink | null>>();

export type ResponseNameKind = 'response' | 'context' | 'toolkit';

/**
 * What a binding's conventional name says it is — the one answer to "what is a response object
 * called": `'response'` (`res`, `resp`, `response`, `reply`, `rep`), `'context'` (Koa / Hono
 * `ctx`, `context`, `c`), `'toolkit'` (hapi's `h`, Nest's `host` and `httpAdapter`), or null.
 * A leading underscore (`_res`) does not change the answer. Callers pick the kinds they accept.
 */
export function responseNameKind(name: string): ResponseNameKind | null {
  if (isResponseName(name)) return 'response';
  if (CONTEXT_NAME.test(name)) return 'context';
  return TOOLKIT_NAME.test(name) ? 'toolkit' : null;
}

/** Fastify's reply by name (`reply`, `rep`): `reply.send(err)` hands the error to the error handler instead of sending it. */
export function isFastifyReplyName(name: string): boolean {
  return FASTIFY_REPLY_NAME.test(name);
}

/**
 * A call named for answering (`sendError(res, err)`, `respondWith(ctx, …)`, `formatResponse(500, res, err)`)
 * that is handed the response object — one of `own` (the handler's response or context binding) or
 * a response, context or toolkit by name. Unlike getResponseSink's helper sinks, no status is needed:
 * the name says the helper answers the client.
 */
export function isResponseHelperCall(node: TSESTree.CallExpression, own: readonly string[]): boolean {
  const path = getCalleePath(node);
  if (path === null || !RESPONSE_HELPER_NAME.test(lastSegment(path))) return false;
  return node.arguments.some((arg) => {
    const a = skipTransparent(arg);
    return a.type === AST_NODE_TYPES.Identifier && (own.includes(a.name) || responseNameKind(a.name) !== null);
  });
}

/**
 * A method call on a response chain (`res.status(500).json(…)`, `reply.send(…)`, `c.json(…)`,
 * `httpAdapter.reply(…)`): its root is one of `own` (the handler's bindings) or a response,
 * context or toolkit by name; `this.…` is not.
 */
export function isResponseObjectCall(node: TSESTree.CallExpression, own: readonly string[]): boolean {
  let n: TSESTree.Node = skipTransparent(node.callee);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) {
    n = skipTransparent(n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee);
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  return own.includes(n.name) || responseNameKind(n.name) !== null;
}

/** Methods that finish a response when called on one (`res.json(…)`, `res.redirect('/')`, `reply.send()`). */
const FINISHING_METHOD = /^(?:send|json|jsonp|end|render|redirect|sendStatus|sendFile|download)$/u;

/**
 * `call` sends the answer now: a response sink other than a flash message kept for the next page,
 * or a finishing method on a response chain (`res.redirect('/')`, `res.status(204).end()`, whose
 * payload carries nothing a sink would name). Koa's `ctx.body = …` is set, not sent: Koa answers
 * after the middleware returns.
 */
export function sendsAnswerNow(context: Context, call: TSESTree.CallExpression): boolean {
  const sink = getResponseSink(context, call);
  if (sink !== null) return !sink.flash;
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && FINISHING_METHOD.test(getPropertyName(callee) ?? '') && isResponseObjectCall(call, []);
}

/** The response sink `node` is (a call, a `new`, or a `ctx.body =` assignment), or null. */
export function getResponseSink(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): ResponseSink | null {
  // Most calls of a file answer nothing: decide those by name, without a cache entry.
  if (node.type === AST_NODE_TYPES.CallExpression && !mayBeSinkCall(node)) return null;
  return perNode(cache, context.sourceCode, node, () => computeSink(context, node));
}

/**
 * A cheap check that every call callSink accepts passes: a helper handed a response by name
 * (helperSink), or a method call with arguments whose method callSink looks up (the same
 * truthiness of the method tables, so the answers stay the same for every name).
 */
function mayBeSinkCall(node: TSESTree.CallExpression): boolean {
  if (passesResponseArgument(node)) return true;
  if (node.arguments.length === 0) return false;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  return method !== null && (method === 'json' || method === 'flash' || RESPONSE_METHODS.has(method) || HONO_METHODS.has(method));
}

function computeSink(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): ResponseSink | null {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return assignmentSink(context, node);
  if (node.type === AST_NODE_TYPES.NewExpression) return newSink(context, node);
  return callSink(context, node);
}

/** `res`, `res.status(500)`, `reply.code(500).type('text/plain')`, `ctx.response`: the receiver of a response method. */
function isResponseChain(node: TSESTree.Node): TSESTree.Identifier | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return responseNameKind(n.name) === 'response' ? n : null;
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(n.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(getPropertyName(callee) ?? '')) return null;
    return isResponseChain(callee.object);
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    // ctx.res (Koa's raw response), this.res
    const name = getPropertyName(n);
    return name !== null && responseNameKind(name) === 'response' ? getRootIdentifier(n, true) : null;
  }
  return null;
}

/** The socket parameter of an HTTP server's `'upgrade'` listener (`server.on('upgrade', (req, socket, head) => …)`). */
function isUpgradeSocket(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(context, n)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node;
  if (!isFunctionNode(fn) || fn.params[1] !== def.name) return false;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return false;
  const callee = skipTransparent(call.callee);
  const on = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  return (on === 'on' || on === 'once' || on === 'addListener') && getStringValue(call.arguments[0]) === 'upgrade';
}

function callSink(context: Context, node: TSESTree.CallExpression): ResponseSink | null {
  const helper = helperSink(context, node);
  if (helper) return helper;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (method === null || node.arguments.length === 0) return null;
  const args = node.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
  if (args.length !== node.arguments.length) return null;
  const objectPath = getMemberPath(callee.object);
  // NextResponse.json(body, init), Response.json(body, init)
  if ((objectPath === 'NextResponse' || objectPath === 'Response') && method === 'json') {
    return { node, kind: 'json', payload: [args[0]!], description: `\`${objectPath}.json()\``, receiver: null, status: getHttpStatus(context, node) };
  }
  // req.flash('error', err.message): shown to the user on the next page
  if (method === 'flash' && args.length >= 2 && objectPath !== null && /^_?(?:req|request)$/u.test(objectPath)) {
    return { node, kind: 'text', payload: [args[1]!], description: `\`${objectPath}.flash()\``, receiver: null, status: null, flash: true };
  }
  const responseKind = RESPONSE_METHODS.get(method);
  // server.on('upgrade', (req, socket) => { … socket.write('HTTP/1.1 500 …' + err.message) }): a hand-written answer
  if ((method === 'write' || method === 'end') && isUpgradeSocket(context, callee.object)) {
    const socket = skipTransparent(callee.object) as TSESTree.Identifier;
    return { node, kind: 'text', payload: [args[0]!], description: `\`${socket.name}.${method}()\``, receiver: socket, status: statusLineOf(args[0]!), raw: true };
  }
  if (responseKind) {
    const receiver = isResponseChain(callee.object);
    if (receiver) {
      // Express 3 / restify: res.send(500, body), res.json(500, body)
      const statusFirst = args.length >= 2 && getStatusValue(context, args[0]) !== null;
      const payload = statusFirst ? args[1]! : args[0]!;
      return {
        node,
        kind: responseKind,
        payload: [payload],
        description: `\`${receiver.name}.${method}()\``,
        receiver,
        status: statusFirst ? getStatusValue(context, args[0]) : getHttpStatus(context, node),
      };
    }
  }
  const honoKind = HONO_METHODS.get(method);
  if (honoKind) {
    const object = skipTransparent(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && responseNameKind(object.name) === 'context') {
      return { node, kind: honoKind, payload: [args[0]!], description: `\`${object.name}.${method}()\``, receiver: object, status: getHttpStatus(context, node) };
    }
  }
  return null;
}

/**
 * The app's own response helper (`formatResponse(500, res, err.message)`, `sendError(res, 500, msg)`):
 * given the response and an error status it answers (see getHttpOutcome), so what else it is
 * given is the body.
 */
function helperSink(context: Context, node: TSESTree.CallExpression): ResponseSink | null {
  // The receiver must be one of the call's own arguments, which only a helper outcome gives.
  if (!passesResponseArgument(node)) return null;
  const outcome = getHttpOutcome(context, node);
  const receiver = outcome?.kind === 'response' ? outcome.receiver : undefined;
  if (!outcome || !receiver || !node.arguments.some((a) => skipTransparent(a) === receiver)) return null;
  const payload = node.arguments.filter(
    (a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement && skipTransparent(a) !== receiver && getStatusValue(context, a) === null,
  );
  if (payload.length === 0) return null;
  const name = getCalleePath(node) ?? 'helper';
  // 'text': the helper's body shape is unknown, so a fix replaces a leak with a string in its place.
  return { node, kind: 'text', payload, description: `\`${name}()\``, receiver, status: outcome.status };
}

const errorHelperCache = fileCache<Map<TSESTree.CallExpression, ResponseSink | null>>();

/**
 * `sendError(res, err.message)`, `respondWithError(res, e.stack)`, `this.oauth.renderCallbackError(res,
 * error.message)`: a helper named for answering (`send…`, `respond…`, `reply…`, `render…`, `…Response`),
 * handed the response object by name and no status, sends what else it is given. Unlike
 * getResponseSink's helper sinks this answer has no status, so it is kept apart from the question
 * "is this call a response" that other rules ask (a success answer, a 5xx): only a rule that asks
 * where an error's text goes uses it.
 *
 * A whole error handed to such a helper (`sendError(res, err)`) is the helper's to turn into a body,
 * and real helpers mostly do so (n8n's `sendErrorResponse(res, error)` classifies the error and
 * serializes a generic body for unknown ones; `handleError(res, error)` helpers commonly answer
 * `instanceof AppError` with its message and anything else with "Internal server error"): `helper`
 * marks it, and the rule judges the helper where it is defined instead. A helper defined in this file
 * counts only for the arguments whose parameter its body puts into a response.
 */
export function getErrorHelperSink(context: Context, node: TSESTree.CallExpression): ResponseSink | null {
  if (node.arguments.length < 2) return null;
  // The name first: most calls are not named for answering, and need no cache entry.
  const name = calleeName(node);
  if (name !== null && !RESPONSE_HELPER_NAME.test(name)) return null;
  const answers = perFileMap(errorHelperCache, context.sourceCode);
  const cached = answers.get(node);
  if (cached !== undefined) return cached;
  // Asked again while its answer is worked out (a helper reaching itself), the call is none.
  if (errorHelperComputing.has(node)) return null;
  errorHelperComputing.add(node);
  let result: ResponseSink | null;
  try {
    result = computeErrorHelperSink(context, node);
  } finally {
    errorHelperComputing.delete(node);
  }
  answers.set(node, result);
  return result;
}

/** The calls whose answer getErrorHelperSink is working out (empty between asks). */
const errorHelperComputing = new Set<TSESTree.CallExpression>();

function computeErrorHelperSink(context: Context, node: TSESTree.CallExpression): ResponseSink | null {
  const path = getCalleePath(node);
  if (path === null || !RESPONSE_HELPER_NAME.test(lastSegment(path))) return null;
  let receiver: TSESTree.Identifier | null = null;
  for (const arg of node.arguments) {
    const a = skipTransparent(arg);
    if (a.type === AST_NODE_TYPES.Identifier && responseNameKind(a.name) === 'response') {
      receiver = a;
      break;
    }
  }
  if (!receiver || node.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const callee = skipTransparent(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && isLoggerObject(context, callee.object)) return null;
  // A helper answering with a status is getResponseSink's (helperSink).
  if (node.arguments.some((a) => skipTransparent(a) !== receiver && getStatusValue(context, a) !== null)) return null;
  const fn = resolveFunction(context, callee);
  const payload = node.arguments.filter(
    (a, index): a is TSESTree.Expression => skipTransparent(a) !== receiver && (!fn || sendsParameter(context, fn, index)),
  );
  if (payload.length === 0) return null;
  return { node, kind: 'text', payload, description: `\`${path}()\``, receiver, status: null, helper: true };
}

function newSink(context: Context, node: TSESTree.NewExpression): ResponseSink | null {
  const path = getCalleePath(node);
  if (path === null) return null;
  const name = lastSegment(path);
  const args = node.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
  if (args.length === 0) return null;
  if (path === 'Response' || path === 'NextResponse') {
    return { node, kind: 'text', payload: [args[0]!], description: `\`new ${path}()\``, receiver: null, status: getHttpStatus(context, node) };
  }
  if (GRAPHQL_ERRORS.has(name)) {
    // A GraphQL error's message is the `errors[].message` the client gets (Apollo Server, graphql-yoga's
    // masking lets GraphQLError through): thrown in a resolver, it answers the client.
    const thrown = node.parent?.type === AST_NODE_TYPES.ThrowStatement;
    return thrown && findEnclosingHandler(context, node)?.framework === 'graphql'
      ? { node, kind: 'exception', payload: [args[0]!], description: `\`new ${name}()\``, receiver: null, status: getHttpStatus(context, node) }
      : null;
  }
  // @nestjs/terminus: the health check answers 503 with the causes an indicator's error carries.
  if (name === 'HealthCheckError' && args[1]) {
    return { node, kind: 'exception', payload: [args[1]], description: `\`new ${name}()\``, receiver: null, status: 503 };
  }
  if (!HTTP_EXCEPTIONS.has(name)) return null;
  const payload: TSESTree.Expression[] = [];
  let status: number | null;
  if (name === 'HTTPException') {
    // Hono: new HTTPException(500, { message })
    status = getStatusValue(context, args[0]);
    const options = args[1] && skipTransparent(args[1]);
    if (options?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const prop of options.properties) {
        if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === 'message') payload.push(prop.value as TSESTree.Expression);
      }
    }
  } else {
    payload.push(args[0]!);
    const second = args[1] && skipTransparent(args[1]);
    if (name === 'HttpException') {
      status = getStatusValue(context, args[1]);
    } else {
      status = statusFromErrorName(name);
      // new BadRequestException(body, 'description') or { description }; `cause` stays on the server.
      if (second?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const prop of second.properties) {
          if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === 'description') payload.push(prop.value as TSESTree.Expression);
        }
      } else if (second && (getStringValue(second) !== null || second.type === AST_NODE_TYPES.TemplateLiteral || second.type === AST_NODE_TYPES.BinaryExpression || second.type === AST_NODE_TYPES.MemberExpression)) {
        payload.push(args[1]!);
      }
    }
  }
  if (payload.length === 0) return null;
  return { node, kind: 'exception', payload, description: `\`new ${name}()\``, receiver: null, status };
}

/**
 * Koa's `app.context.onerror = function (err) { … }`: an override of the error handler every
 * request context runs; its `this` is the request's context and its first parameter the error.
 */
export function isKoaOnerrorOverride(fn: TSESTree.Node): boolean {
  if (fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const assignment = fn.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== fn) return false;
  const target = assignment.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(target) !== 'onerror') return false;
  const owner = skipTransparent(target.object);
  return owner.type === AST_NODE_TYPES.MemberExpression && getPropertyName(owner) === 'context';
}

/** The function whose `this` a `this` inside `node` is (arrows pass it through). */
function thisFunction(node: TSESTree.Node): TSESTree.Node | null {
  let current = node.parent;
  while (current && (!isFunctionNode(current) || current.type === AST_NODE_TYPES.ArrowFunctionExpression)) current = current.parent;
  return current ?? null;
}

/** Keys of a message stored in the session for the next page to show (`req.session.error = …`). */
const SESSION_FLASH_KEY = /^(?:error|errors|errorMessage|message|messages|flash|notice|alert|warning|info|success)$/u;

/**
 * Koa: `ctx.body = …`, `ctx.response.body = …`, and `this.body = …` in an `app.context.onerror` override;
 * `req.session.error = …`: a flash message kept in the session, shown on the next page like `req.flash()`.
 */
function assignmentSink(context: Context, node: TSESTree.AssignmentExpression): ResponseSink | null {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const key = getPropertyName(node.left);
  if (key !== null && key !== 'body' && SESSION_FLASH_KEY.test(key)) return sessionFlashSink(node, node.left);
  if (key !== 'body') return null;
  const object = skipTransparent(node.left.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const fn = thisFunction(node);
    // Also Koa 0.x generator middleware, whose `this` is the context (koa-generators.ts).
    return fn && (isKoaOnerrorOverride(fn) || isKoaThisContext(context, object)) ? { node, kind: 'body', payload: [node.right], description: '`this.body`', receiver: null, status: null } : null;
  }
  let receiver: TSESTree.Identifier | null = null;
  if (object.type === AST_NODE_TYPES.Identifier && responseNameKind(object.name) === 'context' && object.name !== 'c') receiver = object;
  else if (object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'response') {
    const root = skipTransparent(object.object);
    if (root.type === AST_NODE_TYPES.Identifier && responseNameKind(root.name) === 'context') receiver = root;
  }
  if (!receiver) return null;
  return { node, kind: 'body', payload: [node.right], description: `\`${receiver.name}.body\``, receiver, status: null };
}

function sessionFlashSink(node: TSESTree.AssignmentExpression, target: TSESTree.MemberExpression): ResponseSink | null {
  const session = skipTransparent(target.object);
  if (session.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(session) !== 'session') return null;
  const owner = skipTransparent(session.object);
  if (owner.type !== AST_NODE_TYPES.Identifier || !/^_?(?:req|request|ctx)$/u.test(owner.name)) return null;
  return { node, kind: 'text', payload: [node.right], description: `\`${owner.name}.session.${getPropertyName(target)}\``, receiver: null, status: null, flash: true };
}

/**
 * The value a handler returns when the framework sends it as the body: a Fastify route or
 * error handler, a NestJS controller route, a plain GraphQL resolver or a NestJS GraphQL resolver (the field's value). `node` is a `return` statement or an arrow
 * function's expression body.
 */
export function getReturnSink(context: Context, node: TSESTree.ReturnStatement | TSESTree.Expression): ResponseSink | null {
  // Not kept: only the rule asks, once per return (a WeakMap entry per return cost more than the answer).
  let result: ResponseSink | null = null;
  const fn = node.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(node) : node.parent;
  const value = node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : node;
  if (value && isFunctionNode(fn) && (node.type === AST_NODE_TYPES.ReturnStatement || fn.body === node)) {
    const info = getHandlerInfo(context, fn);
    const sends =
      (info?.framework === 'fastify' && (info.kind === 'route' || info.kind === 'error-handler')) ||
      (info?.framework === 'nest' && ((info.kind === 'route' && !info.res) || info.kind === 'resolver')) ||
      info?.framework === 'graphql';
    if (info && sends) {
      result = {
        node,
        // A GraphQL field's value keeps the type the schema gives it: a generic text replaces a text, not an object.
        kind: info.kind === 'resolver' ? 'text' : 'json',
        payload: [value],
        description: `the return value of a ${info.kind === 'resolver' ? (info.framework === 'nest' ? 'NestJS GraphQL resolver' : 'GraphQL resolver') : info.framework === 'nest' ? 'NestJS route' : 'Fastify handler'}`,
        receiver: null,
        status: null,
      };
    }
  }
  return result;
}

/**
 * `return user`, `return { token }`: a return that answers with a value of its own. `return;`,
 * `return null`, `return undefined` answer nothing; `return res.json(…)` and `return await call()`
 * hand on a call's answer, which is read where the call is. `arg` is the returned expression, unwrapped.
 */
export function returnsOwnValue(arg: TSESTree.Node | null): arg is TSESTree.Node {
  if (!arg || arg.type === AST_NODE_TYPES.CallExpression || (arg.type === AST_NODE_TYPES.Literal && !arg.value) || (arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) return false;
  return !(arg.type === AST_NODE_TYPES.AwaitExpression && skipTransparent(arg.argument).type === AST_NODE_TYPES.CallExpression);
}
