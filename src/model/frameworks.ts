/**
 * Framework recognition shared by the rules that reason about HTTP handlers: which
 * functions are route handlers, middleware, hooks, guards, filters or error handlers
 * (Express, Koa, Fastify, NestJS, Hono, Next.js route handlers, plain `http`), which
 * HTTP status a node produces, and which request expressions a log line can use.
 *
 * Every answer is syntactic and conservative: a function counts as a handler only when
 * its registration, its decorators or its parameter names say so, because rules built
 * on this core must not fire on utilities that merely look alike.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  type Context,
  contains,
  findEnclosingClass,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getStringValue,
  getVariableInit,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  getRootIdentifier,
} from './ast.js';
import { isLoggerObject } from './loggers.js';
import type { LoggerStyle } from '../core/settings.js';

export type Framework = 'express' | 'koa' | 'fastify' | 'nest' | 'hono' | 'next' | 'node-http';

export type HandlerKind =
  | 'route'
  | 'middleware'
  | 'error-handler'
  | 'hook'
  | 'guard'
  | 'filter'
  | 'interceptor'
  | 'strategy'
  | 'resolver';

export interface HandlerInfo {
  fn: AnyFunction;
  framework: Framework;
  kind: HandlerKind;
  /**
   * What says it is a handler: NestJS decorators or method role, a Next.js route export,
   * registration with a framework (`app.get(path, fn)`), or only its parameter names
   * (the weakest evidence: rules may want more before they report).
   */
  via: 'nest' | 'export' | 'registration' | 'params';
  /** The binding of the request object (`req`, `request`, a Nest `@Req()` parameter or `const req = ctx.switchToHttp().getRequest()`). */
  req?: TSESTree.Identifier;
  /** The binding of the response object (`res`, `reply`, `@Res()`, `host.getResponse()`). */
  res?: TSESTree.Identifier;
  next?: TSESTree.Identifier;
  /** Koa `ctx`, Hono `c`, Nest `ExecutionContext` / `ArgumentsHost`. */
  ctx?: TSESTree.Identifier;
  /** The error parameter of an error handler or exception filter. */
  error?: TSESTree.Identifier;
}

/**
 * What a node does with an HTTP status:
 * - `response`: sends or sets a response (`res.status(401)`, `ctx.status = 401`, `new Response(…, { status })`);
 * - `throw`: throws it (`throw new UnauthorizedException()`, `ctx.throw(401)`);
 * - `forward`: hands an HTTP error on (`next(createError(401))`, `reply.send(err)`, `done(err)`, `reject(err)`);
 * - `error`: builds an HTTP error value without throwing it (`new ForbiddenException()`, `Boom.unauthorized()`).
 */
export type HttpOutcomeKind = 'response' | 'throw' | 'forward' | 'error';

export interface HttpOutcome {
  status: number;
  kind: HttpOutcomeKind;
  /** The root binding the status is set on (`res` in `res.status(401).json()`), for `response` outcomes that have one. */
  receiver?: TSESTree.Identifier;
  /**
   * For errors: the class or factory that builds it (`UnauthorizedException`, `createError`,
   * `Boom`, `HTTPException`, `ctx.throw`); null for plain objects and responses.
   */
  errorName: string | null;
  /** The error comes from a framework's HTTP-error API (Nest, Hono, http-errors, Boom, @fastify/sensible) rather than an app's own class. */
  frameworkError: boolean;
}

/** Status names used by `HttpStatus.X`, `StatusCodes.X`, `httpStatus.X`, `constants.HTTP_STATUS_X` and error classes. */
const STATUS_BY_NAME: Record<string, number> = {
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  I_AM_A_TEAPOT: 418,
  IM_A_TEAPOT: 418,
  UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** Error class / factory names (lower case, no separators, suffix stripped) → status. */
const ERROR_STATUS_BY_NAME: Record<string, number> = {
  badrequest: 400,
  unauthorized: 401,
  unauthorised: 401,
  unauthenticated: 401,
  notauthenticated: 401,
  authentication: 401,
  paymentrequired: 402,
  forbidden: 403,
  accessdenied: 403,
  notfound: 404,
  methodnotallowed: 405,
  notacceptable: 406,
  requesttimeout: 408,
  conflict: 409,
  gone: 410,
  preconditionfailed: 412,
  payloadtoolarge: 413,
  unsupportedmediatype: 415,
  imateapot: 418,
  unprocessableentity: 422,
  toomanyrequests: 429,
  internalserver: 500,
  internalservererror: 500,
  notimplemented: 501,
  badgateway: 502,
  serviceunavailable: 503,
  gatewaytimeout: 504,
};

/** Classes whose status is an argument: `new HttpException(msg, 401)`, `new HTTPException(401)`. */
const STATUS_ARGUMENT_CLASSES = new Set(['HttpException', 'HTTPException', 'HttpError', 'HTTPError', 'HttpErrors', 'createError', 'createHttpError']);
/** Factories: `createError(401)`, `createError.Unauthorized()`, `httpErrors.Unauthorized()`, `fastify.httpErrors.unauthorized()`. */
const ERROR_FACTORIES = new Set(['createError', 'createHttpError', 'httpErrors', 'HttpErrors', 'httpError', 'createHttpErrors']);
const BOOM = new Set(['Boom', 'boom']);

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'any', 'on', 'param']);
const FASTIFY_HOOK_KEYS = new Set([
  'handler',
  'preHandler',
  'onRequest',
  'preValidation',
  'preParsing',
  'preSerialization',
  'onSend',
  'onResponse',
  'onTimeout',
  'errorHandler',
]);
const NEXT_ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search', 'Sse']);
const NEST_RESOLVER_DECORATORS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField']);

const REQ_NAME = /^(?:req|request)$/u;
const RES_NAME = /^(?:res|response|resp|reply|rep)$/u;
const ERR_NAME = /^_?(?:err|error|e|ex|exception)$/u;
/** A continuation parameter in last position: `next`, `_next`, `done`. */
const NEXT_LIKE = /^_?(?:next|done)$/u;
/** Names a response object goes by in handlers: receivers of `.status()`, `.json()`, `.send()`. */
const RESPONSE_RECEIVER = /^_?(?:res|resp|response|reply|rep|ctx|context|c)$/u;

const handlerCache = new WeakMap<AnyFunction, HandlerInfo | null>();
const outcomeCache = new WeakMap<TSESTree.Node, HttpOutcome | null>();
const calledCache = new WeakMap<AnyFunction, boolean>();
const nestImportCache = new WeakMap<TSESTree.Program, boolean>();

// ---------------------------------------------------------------------------
// HTTP status
// ---------------------------------------------------------------------------

/** The status an expression denotes: `401`, `HttpStatus.UNAUTHORIZED`, `StatusCodes.FORBIDDEN`, a `const` holding one. */
export function getStatusValue(context: Context, node: TSESTree.Node | null | undefined, depth = 0): number | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number') return isStatus(n.value) ? n.value : null;
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    return name === null ? null : statusFromConstantName(name);
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    if (depth < 3) {
      const init = getVariableInit(findVariable(context, n));
      if (init) {
        const value = getStatusValue(context, init, depth + 1);
        if (value !== null) return value;
      }
    }
    // `import { UNAUTHORIZED } from 'http-status-codes'`
    return /^[A-Z][A-Z_]+$/u.test(n.name) ? statusFromConstantName(n.name) : null;
  }
  return null;
}

function isStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 100 && value <= 599;
}

function statusFromConstantName(name: string): number | null {
  // UNAUTHORIZED, HTTP_STATUS_UNAUTHORIZED, and enums in PascalCase: HttpStatusCode.Unauthorized, TooManyRequests
  const key = /^[A-Z][a-z]/u.test(name) ? name.replace(/(?<=[a-z])(?=[A-Z])/gu, '_').toUpperCase() : name.replace(/^HTTP_STATUS_/u, '');
  return STATUS_BY_NAME[key] ?? null;
}

/** The status an error class or factory name stands for: `UnauthorizedException` → 401, `forbidden` → 403. */
export function statusFromErrorName(name: string): number | null {
  const key = name.replace(/[_\s-]/gu, '').toLowerCase();
  const direct = ERROR_STATUS_BY_NAME[key];
  if (direct !== undefined) return direct;
  const stripped = key.replace(/(?:http)?(?:exception|error)$/u, '');
  if (stripped === key || stripped.length === 0) return null;
  return ERROR_STATUS_BY_NAME[stripped] ?? null;
}

/**
 * The error status a factory's name stands for: `createUnauthorizedError` → 401, `Unauthorized` → 401,
 * `makeForbiddenException` → 403, `forbidden` → 403. Only 4xx/5xx.
 */
function statusFromFactoryName(name: string): number | null {
  const bare = name.replace(/^(?:create|make|new|build)(?=[A-Z_])/u, '');
  const status = statusFromErrorName(bare);
  return status !== null && status >= 400 ? status : null;
}

function statusFromInit(context: Context, init: TSESTree.Node | undefined): number | null {
  if (!init) return null;
  const n = skipTransparent(init);
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return getStatusValue(context, n);
  for (const prop of n.properties) {
    if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === 'status') return getStatusValue(context, prop.value);
  }
  return null;
}

/** The HTTP status a node produces (see `getHttpOutcome`), or null. */
export function getHttpStatus(context: Context, node: TSESTree.Node): number | null {
  return getHttpOutcome(context, node)?.status ?? null;
}

/**
 * What a node does with an HTTP status. Recognizes `res.status(n)` (and anything chained
 * on it), `res.sendStatus(n)`, `res.writeHead(n)`, `res.statusCode = n`, `reply.code(n)`,
 * `ctx.status = n`, `ctx.throw(n)`, `c.json(body, n)`, `c.text(…, n)`, `new Response(…, { status })`,
 * `Response.json` / `NextResponse.json(…, { status })`, Nest exceptions, `HttpException(…, n)`,
 * Hono `HTTPException(n)`, http-errors, Boom, @fastify/sensible, `throw { statusCode: n }`,
 * and `next(err)` / `done(err)` / `reply.send(err)` with such an error.
 */
export function getHttpOutcome(context: Context, node: TSESTree.Node): HttpOutcome | null {
  if (outcomeCache.has(node)) return outcomeCache.get(node)!;
  outcomeCache.set(node, null); // recursion guard through `const` initializers
  const result = computeOutcome(context, node, 0);
  outcomeCache.set(node, result);
  return result;
}

function computeOutcome(context: Context, node: TSESTree.Node, depth: number): HttpOutcome | null {
  if (depth > 4) return null;
  switch (node.type) {
    case AST_NODE_TYPES.ThrowStatement: {
      const error = errorOutcome(context, node.argument, depth + 1);
      return error ? { ...error, kind: 'throw' } : null;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      return assignmentOutcome(context, node);
    case AST_NODE_TYPES.CallExpression:
      return callOutcome(context, node, depth);
    case AST_NODE_TYPES.NewExpression:
      return newOutcome(context, node);
    case AST_NODE_TYPES.ExpressionStatement:
      return getHttpOutcome(context, node.expression);
    case AST_NODE_TYPES.ReturnStatement:
      return node.argument ? getHttpOutcome(context, node.argument) : null;
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.ChainExpression:
      return getHttpOutcome(context, skipTransparent(node));
    case AST_NODE_TYPES.Identifier: {
      const init = getVariableInit(findVariable(context, node));
      if (!init) return null;
      const error = errorOutcome(context, init, depth + 1);
      return error;
    }
    default:
      return null;
  }
}

/** An error value with a status (not thrown yet): `new UnauthorizedException()`, `createError(401)`, `{ statusCode: 401 }`. */
function errorOutcome(context: Context, node: TSESTree.Node, depth: number): HttpOutcome | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    for (const prop of n.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      const key = getPropertyName(prop);
      if (key === 'statusCode' || key === 'status' || key === 'code') {
        const status = getStatusValue(context, prop.value);
        if (status !== null && status >= 400) return { status, kind: 'error', errorName: null, frameworkError: false };
      }
    }
    return null;
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    if (depth > 3) return null;
    const init = getVariableInit(findVariable(context, n));
    return init ? errorOutcome(context, init, depth + 1) : null;
  }
  const outcome = n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression ? getHttpOutcome(context, n) : null;
  return outcome && outcome.kind === 'error' ? outcome : null;
}

function assignmentOutcome(context: Context, node: TSESTree.AssignmentExpression): HttpOutcome | null {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const prop = getPropertyName(node.left);
  if (prop !== 'status' && prop !== 'statusCode') return null;
  const receiver = getRootIdentifier(node.left.object, true);
  // `err.status = 401` labels an error; only a response (or Koa context) answers the caller.
  if (!receiver || !RESPONSE_RECEIVER.test(receiver.name)) return null;
  const status = getStatusValue(context, node.right);
  return status === null ? null : { status, kind: 'response', receiver, errorName: null, frameworkError: false };
}

function callOutcome(context: Context, node: TSESTree.CallExpression, depth: number): HttpOutcome | null {
  const callee = skipTransparent(node.callee);
  const args = node.arguments;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(callee);
    const objectPath = getMemberPath(callee.object);
    const receiver = getRootIdentifier(callee.object, true);
    const isResponseReceiver = !!receiver && RESPONSE_RECEIVER.test(receiver.name);
    if (method !== null) {
      // Response.json(body, { status }), NextResponse.json(...)
      if ((objectPath === 'Response' || objectPath === 'NextResponse') && (method === 'json' || method === 'redirect')) {
        const status = method === 'json' ? statusFromInit(context, args[1]) : getStatusValue(context, args[1]);
        return status === null ? null : { status, kind: 'response', errorName: null, frameworkError: false };
      }
      // Boom.unauthorized(), boom.forbidden()
      if (objectPath !== null && BOOM.has(objectPath)) {
        const status = statusFromErrorName(method);
        return status === null ? null : { status, kind: 'error', errorName: objectPath, frameworkError: true };
      }
      // createError.Unauthorized(), httpErrors.Unauthorized(), fastify.httpErrors.unauthorized()
      if (objectPath !== null && ERROR_FACTORIES.has(lastSegment(objectPath))) {
        const status = statusFromErrorName(method);
        return status === null ? null : { status, kind: 'error', errorName: lastSegment(objectPath), frameworkError: true };
      }
      // An app's static error factory: ApiError.unauthorized(), AppError.forbidden('…'), errors.createForbiddenError()
      if (objectPath !== null && /(?:error|exception)s?$/iu.test(lastSegment(objectPath))) {
        const status = statusFromFactoryName(method);
        if (status !== null) return { status, kind: 'error', errorName: lastSegment(objectPath), frameworkError: false };
      }
      if (isResponseReceiver) {
        const own = responseMethodOutcome(context, method, args, receiver);
        if (own) return own;
      }
      // ctx.throw(401), ctx.throw('msg', 401), this.throw(401)
      if (method === 'throw' && (isResponseReceiver || callee.object.type === AST_NODE_TYPES.ThisExpression)) {
        const status = args.map((a) => getStatusValue(context, a)).find((s) => s !== null) ?? null;
        return status === null ? null : { status, kind: 'throw', errorName: 'ctx.throw', frameworkError: true };
      }
      // reply.send(createError(401)): Fastify answers with the error's status.
      if (method === 'send' && receiver && /^_?(?:reply|rep)$/u.test(receiver.name) && args[0]) {
        const error = errorOutcome(context, args[0], depth + 1);
        if (error) return { ...error, kind: 'forward' };
      }
      // Anything chained on a status: res.status(401).json(...), reply.code(403).send()
      const inner = skipTransparent(callee.object);
      if (inner.type === AST_NODE_TYPES.CallExpression) {
        const chained = getHttpOutcome(context, inner);
        if (chained && chained.kind === 'response') return chained;
      }
      if (isResponseReceiver || isLoggerObject(context, callee.object)) return null;
      return helperResponseOutcome(context, method, args);
    }
    return null;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // createError(401), httpErrors(403, 'nope')
    if (ERROR_FACTORIES.has(callee.name)) {
      const status = args.map((a) => getStatusValue(context, a)).find((s) => s !== null) ?? null;
      return status === null ? null : { status, kind: 'error', errorName: callee.name, frameworkError: true };
    }
    // An app's error factory called without `new`: createUnauthorizedError(), Unauthorized(), forbidden('…').
    // Only a thrown or forwarded error matters to the rules, so a predicate named alike stays harmless.
    const factoryStatus = statusFromFactoryName(callee.name);
    if (factoryStatus !== null) return { status: factoryStatus, kind: 'error', errorName: callee.name, frameworkError: false };
    // next(err), done(err), cb(err): hand an HTTP error to the framework.
    if (/^(?:next|done|cb|callback|reject)$/u.test(callee.name) && args[0]) {
      const error = errorOutcome(context, args[0], depth + 1);
      if (error) return { ...error, kind: 'forward' };
    }
    return helperResponseOutcome(context, callee.name, args);
  }
  return null;
}

/** A response object handed to an app's helper by its conventional name. */
const RESPONSE_ARGUMENT = /^_?(?:res|resp|response|reply|rep)$/u;
/** Helpers whose number is a duration or a count, not a status: `withTimeout(res, 500)`. */
const NOT_A_STATUS_HELPER = /timeout|delay|wait|sleep|retry|throttle|debounce|interval|limit|expire|cache|ttl|page/iu;

/**
 * The app's own response helper: a call that receives the response object and an error status
 * (`sendStatus(403, res)`, `formatResponse(401, res, body)`, `utils.respond(res, HttpStatus.FORBIDDEN)`)
 * answers with that status. Only a 4xx/5xx counts: a number beside `res` may be anything else.
 */
function helperResponseOutcome(context: Context, name: string | null, args: readonly TSESTree.CallExpressionArgument[]): HttpOutcome | null {
  if (args.length < 2 || name === null || NOT_A_STATUS_HELPER.test(name)) return null;
  let receiver: TSESTree.Identifier | undefined;
  let status: number | null = null;
  for (const arg of args) {
    const a = skipTransparent(arg);
    if (a.type === AST_NODE_TYPES.Identifier && RESPONSE_ARGUMENT.test(a.name)) {
      receiver ??= a;
      continue;
    }
    status ??= getStatusValue(context, a);
  }
  if (!receiver || status === null || status < 400) return null;
  return { status, kind: 'response', receiver, errorName: null, frameworkError: false };
}

export interface Assertion {
  status: number;
  /** The value that must be truthy, or the call throws. */
  value: TSESTree.Expression;
}

/**
 * Koa's `ctx.assert(value, 401, msg)` (http-assert): a throw of that status when `value` is falsy.
 * A conditional throw, kept out of getHttpOutcome: the call runs on every path, the throw on some.
 */
export function getAssertion(context: Context, node: TSESTree.CallExpression): Assertion | null {
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'assert') return null;
  const object = skipTransparent(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || !/^_?(?:ctx|context)$/u.test(object.name)) return null;
  const [value, statusArg] = node.arguments;
  if (!value || value.type === AST_NODE_TYPES.SpreadElement) return null;
  const status = getStatusValue(context, statusArg);
  return status === null || status < 400 ? null : { status, value };
}

export interface StatusChoice {
  status: number;
  /** The branch that holds it (`403` in `res.status(userId ? 404 : 403)`): what chooses it is the ternary's test. */
  node: TSESTree.Expression;
}

/**
 * The statuses a response chooses between with a ternary: `res.status(userId ? 404 : 403)`,
 * `res.sendStatus(ok ? 200 : FORBIDDEN)`, `reply.code(…)`, `res.writeHead(…)`, `res.statusCode = … ? … : …`,
 * `ctx.status = … ? … : …`. One entry per branch that denotes a status; null when `node` sets no
 * status this way. Only the call or assignment that holds the ternary answers (not calls chained on it),
 * and getHttpOutcome leaves these out: which branch runs is the caller's question.
 */
export function getStatusChoices(context: Context, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): StatusChoice[] | null {
  let chosen: TSESTree.Node | undefined;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return null;
    const prop = getPropertyName(node.left);
    const receiver = getRootIdentifier(node.left.object, true);
    if ((prop !== 'status' && prop !== 'statusCode') || !receiver || !RESPONSE_RECEIVER.test(receiver.name)) return null;
    chosen = node.right;
  } else {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getPropertyName(callee);
    const receiver = getRootIdentifier(callee.object, true);
    if (!receiver || !RESPONSE_RECEIVER.test(receiver.name) || !['status', 'code', 'sendStatus', 'writeHead'].includes(method ?? '')) return null;
    chosen = node.arguments[0];
  }
  const ternary = chosen && skipTransparent(chosen);
  if (ternary?.type !== AST_NODE_TYPES.ConditionalExpression) return null;
  const choices: StatusChoice[] = [];
  for (const branch of [ternary.consequent, ternary.alternate]) {
    const status = getStatusValue(context, branch);
    if (status !== null) choices.push({ status, node: branch });
  }
  return choices.length > 0 ? choices : null;
}

/** `res.status(401)`, `res.sendStatus(401)`, `res.writeHead(401)`, `reply.code(401)`, `c.json(body, 401)`, `reply.unauthorized()`. */
function responseMethodOutcome(
  context: Context,
  method: string,
  args: readonly TSESTree.CallExpressionArgument[],
  receiver: TSESTree.Identifier,
): HttpOutcome | null {
  const make = (status: number | null): HttpOutcome | null =>
    status === null ? null : { status, kind: 'response', receiver, errorName: null, frameworkError: false };
  switch (method) {
    case 'status':
    case 'code':
    case 'sendStatus':
    case 'writeHead':
      return make(getStatusValue(context, args[0]));
    case 'json':
    case 'text':
    case 'html':
    case 'body':
    case 'newResponse':
      // Hono: c.json(body, 401) or c.json(body, { status: 401 }); Express 3: res.json(body, 401)
      return args.length >= 2 ? make(statusFromInit(context, args[1])) : null;
    case 'send':
      // Express 3 / restify: res.send(401, body)
      return args.length >= 2 ? make(getStatusValue(context, args[0])) : null;
    default: {
      // @fastify/sensible: reply.unauthorized(), reply.forbidden(), reply.tooManyRequests()
      if (!/^_?(?:reply|rep|res)$/u.test(receiver.name)) return null;
      const status = /^[a-z][A-Za-z]+$/u.test(method) ? statusFromErrorName(method) : null;
      return status !== null && status >= 400 ? make(status) : null;
    }
  }
}

function newOutcome(context: Context, node: TSESTree.NewExpression): HttpOutcome | null {
  const path = getCalleePath(node);
  if (path === null) return null;
  const last = lastSegment(path);
  const args = node.arguments;
  if (path === 'Response' || path === 'NextResponse') {
    const status = statusFromInit(context, args[1]);
    return status === null ? null : { status, kind: 'response', errorName: null, frameworkError: false };
  }
  // new createError.Unauthorized(), new httpErrors.Forbidden()
  const owner = path.includes('.') ? lastSegment(path.slice(0, path.lastIndexOf('.'))) : null;
  if (owner !== null && ERROR_FACTORIES.has(owner)) {
    const status = statusFromErrorName(last);
    return status === null ? null : { status, kind: 'error', errorName: owner, frameworkError: true };
  }
  if (STATUS_ARGUMENT_CLASSES.has(last)) {
    const status = args.map((a) => getStatusValue(context, a)).find((s) => s !== null && s >= 400) ?? null;
    if (status === null) return null;
    return { status, kind: 'error', errorName: last, frameworkError: last !== 'HttpError' && last !== 'HTTPError' };
  }
  if (!/(?:Exception|Error)$/u.test(last)) return null;
  const named = statusFromErrorName(last);
  if (named !== null) {
    // Nest's built-in exceptions all end in `Exception`; `*Error` classes are the app's own.
    return { status: named, kind: 'error', errorName: last, frameworkError: /Exception$/u.test(last) };
  }
  // new ApiError(401, 'Unauthorized'), new AppError('Forbidden', 403)
  const status = args.map((a) => getStatusValue(context, a)).find((s) => s !== null && s >= 400) ?? null;
  return status === null ? null : { status, kind: 'error', errorName: last, frameworkError: false };
}

// ---------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------

function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  const p = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (p.type === AST_NODE_TYPES.Identifier) return p.name.replace(/^_+/u, '');
  if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier) return p.left.name.replace(/^_+/u, '');
  return null;
}

function paramId(param: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!param) return undefined;
  const p = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (p.type === AST_NODE_TYPES.Identifier) return p;
  if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier) return p.left;
  return undefined;
}

function paramTypeName(param: TSESTree.Parameter | undefined): string | null {
  // `({ body }: Request, res)`: a destructured parameter carries its own annotation.
  const pattern = destructuredParam(param);
  const id = pattern ?? paramId(param);
  const type = id?.typeAnnotation?.typeAnnotation;
  if (!type || type.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return null;
}

/** The object pattern a parameter destructures (`{ body, query }` in `({ body, query }: Request, res)`), or null. */
function destructuredParam(param: TSESTree.Parameter | undefined): TSESTree.ObjectPattern | null {
  if (!param) return null;
  const p = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return p.type === AST_NODE_TYPES.ObjectPattern ? p : null;
}

/**
 * Fields only a request has: a first parameter destructuring one of them (`({ body }, res)`)
 * is a request. `user`, `path` or `method` alone are not enough, other objects have them too.
 */
const REQUEST_ONLY_FIELDS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'session', 'originalUrl']);

function destructuresRequest(param: TSESTree.Parameter | undefined): boolean {
  const pattern = destructuredParam(param);
  return !!pattern && pattern.properties.some((p) => p.type === AST_NODE_TYPES.Property && REQUEST_ONLY_FIELDS.has(getPropertyName(p) ?? ''));
}

type Registration = { framework: Framework | null; kind: HandlerKind } | null;

/**
 * How a function is handed to a framework: `app.get(path, fn)`, `fastify.addHook('preHandler', fn)`,
 * `createMiddleware(fn)`…, inline or by the name it is declared under in this file
 * (`async function login(req, res) {…}` … `router.post('/login', limiter, login)`).
 */
function getRegistration(context: Context, fn: AnyFunction): Registration {
  const inline = registrationOf(fn);
  if (inline) return inline;
  const variable = declaredVariable(context, fn);
  if (!variable) return null;
  for (const ref of variable.references) {
    if (ref.init || ref.identifier === variable.identifiers[0]) continue;
    const registration = registrationOf(ref.identifier);
    if (registration) return registration;
  }
  return null;
}

/** The variable a function is declared as: `function f() {}`, `const f = () => {}`. */
function declaredVariable(context: Context, fn: AnyFunction): TSESLint.Scope.Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    return context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) ?? null;
  }
  const declarator = fn.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fn && declarator.id.type === AST_NODE_TYPES.Identifier) {
    return context.sourceCode.getDeclaredVariables(declarator)[0] ?? null;
  }
  return null;
}

/** How `node` (a function, or a name for one) is handed to a framework where it appears. */
function registrationOf(node: TSESTree.Node): Registration {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  // app.get('/', [auth, handler]) and fastify.route({ preHandler: [a, b] })
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
    child = parent;
    parent = parent.parent;
  }
  // fastify.route({ handler }), fastify.get('/', { preHandler, handler })
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === child) {
    const key = getPropertyName(parent);
    const object = parent.parent;
    const call = object?.parent;
    if (key !== null && FASTIFY_HOOK_KEYS.has(key) && call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(object as TSESTree.ObjectExpression)) {
      return { framework: 'fastify', kind: key === 'handler' ? 'route' : key === 'errorHandler' ? 'error-handler' : 'hook' };
    }
    return null;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return null;
  const call = parent;
  const callee = skipTransparent(call.callee);
  const path = getCalleePath(call);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (callee.name === 'createServer') return { framework: 'node-http', kind: 'route' };
    if (callee.name === 'createMiddleware') return { framework: 'hono', kind: 'middleware' };
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (method === null) return null;
  // Mock Service Worker handlers (rest.get(path, (req, res, ctx) => …)) mock a server in tests.
  if (path === `rest.${method}` || path === `graphql.${method}`) return null;
  if (path === 'http.createServer' || path === 'https.createServer' || path === 'http2.createServer') return { framework: 'node-http', kind: 'route' };
  if (method === 'createMiddleware' || method === 'createHandlers') return { framework: 'hono', kind: method === 'createMiddleware' ? 'middleware' : 'route' };
  if (method === 'addHook') return { framework: 'fastify', kind: 'hook' };
  if (method === 'setErrorHandler') return { framework: 'fastify', kind: 'error-handler' };
  if (method === 'onError' && call.arguments[0] === child) return { framework: 'hono', kind: 'error-handler' };
  if (method === 'notFound' || method === 'setNotFoundHandler') return { framework: null, kind: 'route' };
  if (!ROUTE_METHODS.has(method)) return null;
  if (isTestClientCall(call)) return null;
  if (method === 'on') {
    // Hono: app.on('GET', '/path', handler); an event emitter's 'on' has no path.
    if (call.arguments.length < 3 || !isPathLike(call.arguments[1])) return null;
    return { framework: 'hono', kind: 'route' };
  }
  const first = call.arguments[0];
  // router.route('/x').get(fn), but not nock(url).post('/send', fn): the inner callee may be a plain call.
  const inner = skipTransparent(callee.object);
  const innerCallee = inner.type === AST_NODE_TYPES.CallExpression ? skipTransparent(inner.callee) : null;
  const chainedRoute =
    innerCallee?.type === AST_NODE_TYPES.MemberExpression && ['route', 'prefix'].includes(getPropertyName(innerCallee) ?? '');
  if (method === 'use') return { framework: null, kind: 'middleware' };
  if (method === 'param') return { framework: 'express', kind: 'middleware' };
  if ((first && first !== child && isPathLike(first)) || chainedRoute) return { framework: null, kind: 'route' };
  return null;
}

/** Calls that return an app or router a route can be registered on directly. */
const APP_FACTORIES = new Set(['express', 'Router', 'fastify', 'Fastify', 'polka', 'createRouter']);

function isPathLike(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const n = skipTransparent(node);
  if (getStringValue(n) !== null) return true;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (n.type === AST_NODE_TYPES.Literal && 'regex' in n && n.regex) return true;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.length > 0 && n.elements.every((e) => e !== null && isPathLike(e));
  // app.get(ROUTES.login, handler), app.get(`${base}/x`, handler)
  return n.type === AST_NODE_TYPES.MemberExpression || (n.type === AST_NODE_TYPES.Identifier && /(?:path|route|url|prefix|endpoint)s?$/iu.test(n.name));
}

/**
 * The handler a function is, or null. Cached per function.
 * Recognition, strongest first: NestJS decorators and guard/filter/strategy methods;
 * Next.js `export function GET/POST(request)` and `middleware(request)`; registration with a
 * framework (`app.get(path, fn)`, `router.use(fn)`, `fastify.addHook`, `createMiddleware`,
 * `http.createServer`); finally parameter names alone (`(req, res, next)`, `(err, req, res, next)`,
 * `(request, reply)`, `(ctx, next)`, `(c, next)`) for functions not called directly in this file.
 */
export function getHandlerInfo(context: Context, fn: AnyFunction): HandlerInfo | null {
  if (handlerCache.has(fn)) return handlerCache.get(fn)!;
  const result = computeHandlerInfo(context, fn);
  handlerCache.set(fn, result);
  return result;
}

function computeHandlerInfo(context: Context, fn: AnyFunction): HandlerInfo | null {
  const nest = nestHandler(context, fn);
  if (nest) return nest;
  const next = nextHandler(fn);
  if (next) return next;
  const registration = getRegistration(context, fn);
  if (registration) {
    const info = fromParams(context, fn, registration.framework, true);
    if (info) {
      if (registration.kind !== 'route' && registration.kind !== 'middleware') info.kind = registration.kind;
      else if (info.kind !== 'error-handler' && registration.kind === 'middleware' && info.next === undefined && info.framework !== 'express') info.kind = 'middleware';
      return info;
    }
    return null;
  }
  if (isCalledInSameFile(context, fn)) return null;
  const holder = fn.parent?.type === AST_NODE_TYPES.ArrayExpression ? fn.parent.parent : fn.parent;
  if (holder?.type === AST_NODE_TYPES.CallExpression && isTestClientCall(holder)) return null;
  return fromParams(context, fn, null, false);
}

/**
 * `request(app).get(…)` (supertest), `nock(url).post(…)`: a route method on what a plain
 * function returned is a test client or a mock, not an app — except the app factories themselves.
 */
function isTestClientCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTransparent(callee.object);
  if (receiver.type !== AST_NODE_TYPES.CallExpression) return false;
  const inner = skipTransparent(receiver.callee);
  return inner.type === AST_NODE_TYPES.Identifier && !APP_FACTORIES.has(inner.name);
}

/** Classify by parameters. `registered` relaxes the names (the registration already says it is a handler). */
function fromParams(context: Context, fn: AnyFunction, hint: Framework | null, registered: boolean): HandlerInfo | null {
  const info = classifyParams(fn, hint, registered);
  return info ? ({ ...info, via: registered ? 'registration' : 'params' } as HandlerInfo) : null;
}

function classifyParams(fn: AnyFunction, hint: Framework | null, registered: boolean): Omit<HandlerInfo, 'via'> | null {
  const params = fn.params;
  const names = params.map((p) => paramName(p));
  const types = params.map((p) => paramTypeName(p));
  const isReq = (i: number) =>
    REQ_NAME.test(names[i] ?? '') || /^(?:Request|FastifyRequest|IncomingMessage|NextApiRequest)$/u.test(types[i] ?? '') || destructuresRequest(params[i]);
  const isRes = (i: number) => RES_NAME.test(names[i] ?? '') || /^(?:Response|FastifyReply|ServerResponse|NextApiResponse)$/u.test(types[i] ?? '');
  const isNext = (i: number) => names[i] === 'next' || types[i] === 'NextFunction' || types[i] === 'Next';
  const fastifyish = (i: number) => names[i] === 'reply' || names[i] === 'rep' || types[i] === 'FastifyReply';
  const nodeHttp = types[1] === 'ServerResponse' || types[0] === 'IncomingMessage';

  // (err, req, res, next): Express error middleware
  // By parameters alone, `(error, request, reply, payload)` (an internal continuation) is not an error
  // middleware: without a registration the fourth parameter must be `next`.
  // Registered or not, a four-parameter function is error middleware only when it looks like one:
  // registered, an error-like first or a next-like last parameter; by parameters alone, both.
  const errorLike = ERR_NAME.test(names[0] ?? '');
  const nextLike = isNext(3) || NEXT_LIKE.test(names[3] ?? '');
  if (params.length === 4 && (registered ? errorLike || nextLike : errorLike && nextLike) && isReq(1) && isRes(2)) {
    return { fn, framework: hint ?? 'express', kind: 'error-handler', error: paramId(params[0]), req: paramId(params[1]), res: paramId(params[2]), next: paramId(params[3]) };
  }
  // Fastify setErrorHandler((error, request, reply) => ...) / Hono app.onError((err, c) => ...)
  if (registered && hint === 'fastify' && params.length === 3 && ERR_NAME.test(names[0] ?? '') && isRes(2)) {
    return { fn, framework: 'fastify', kind: 'error-handler', error: paramId(params[0]), req: paramId(params[1]), res: paramId(params[2]) };
  }
  if (registered && hint === 'hono' && params.length === 2 && ERR_NAME.test(names[0] ?? '')) {
    return { fn, framework: 'hono', kind: 'error-handler', error: paramId(params[0]), ctx: paramId(params[1]) };
  }
  // Fastify hooks and handlers may take the request alone: preHandler: async (request) => …
  if (registered && hint === 'fastify' && params.length === 1 && isReq(0)) {
    return { fn, framework: 'fastify', kind: 'hook', req: paramId(params[0]) };
  }
  // (req, res, ctx): a Mock Service Worker resolver, not a server
  if (names[2] === 'ctx' && params.length === 3) return null;
  // (req, res, next), (request, reply), (req, res)
  if (params.length >= 2 && params.length <= 3 && ((isReq(0) && isRes(1)) || (registered && params.length >= 2 && (isRes(1) || names[1] !== null) && !isNext(1) && names[0] !== 'c' && names[0] !== 'ctx'))) {
    const framework: Framework = hint ?? (fastifyish(1) ? 'fastify' : nodeHttp ? 'node-http' : 'express');
    const third = params.length === 3 ? paramId(params[2]) : undefined;
    return {
      fn,
      framework,
      kind: third && isNext(2) ? 'middleware' : 'route',
      req: paramId(params[0]),
      res: paramId(params[1]),
      ...(third && (isNext(2) || names[2] === 'done') ? { next: third } : {}),
    };
  }
  // Koa: (ctx, next); registered (ctx)
  const koaCtx = names[0] === 'ctx' || (names[0] === 'context' && isNext(1)) || /^(?:Context|ParameterizedContext|RouterContext|DefaultContext)$/u.test(types[0] ?? '');
  if (koaCtx && hint !== 'hono' && ((params.length === 2 && isNext(1)) || (registered && params.length <= 2))) {
    return { fn, framework: 'koa', kind: params.length === 2 ? 'middleware' : 'route', ctx: paramId(params[0]), ...(params.length === 2 ? { next: paramId(params[1]) } : {}) };
  }
  // Hono: (c, next); registered (c)
  if (names[0] === 'c' && ((params.length === 2 && isNext(1)) || (registered && params.length <= 2))) {
    return { fn, framework: 'hono', kind: params.length === 2 ? 'middleware' : 'route', ctx: paramId(params[0]), ...(params.length === 2 ? { next: paramId(params[1]) } : {}) };
  }
  // Koa or Hono registered with a context by another name: app.use(async (context, next) => …)
  if (registered && params.length === 2 && isNext(1) && names[0] !== null) {
    const framework: Framework = hint ?? 'koa';
    return { fn, framework, kind: 'middleware', ctx: paramId(params[0]), next: paramId(params[1]) };
  }
  return null;
}

/** Next.js App Router: `export async function GET(request)`, `export const POST = withAuth(async (req) => …)`, `export function middleware(request)`. */
function nextHandler(fn: AnyFunction): HandlerInfo | null {
  let name: string | null = null;
  let exported = false;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    name = fn.id?.name ?? null;
    exported = fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || fn.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  } else {
    let node: TSESTree.Node = fn;
    // export const GET = auth(async (req) => …)
    if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.includes(node as TSESTree.CallExpressionArgument)) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === node && declarator.id.type === AST_NODE_TYPES.Identifier) {
      name = declarator.id.name;
      exported = declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    }
  }
  if (!exported || name === null) return null;
  const isRoute = NEXT_ROUTE_EXPORTS.has(name);
  const isMiddleware = name === 'middleware' || name === 'proxy';
  if (!isRoute && !isMiddleware) return null;
  if (isMiddleware && !REQ_NAME.test(paramName(fn.params[0]) ?? '') && paramTypeName(fn.params[0]) !== 'NextRequest') return null;
  if (fn.params.length > 2) return null;
  const req = paramId(fn.params[0]);
  return { fn, framework: 'next', kind: isRoute ? 'route' : 'middleware', via: 'export', ...(req ? { req } : {}) };
}

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expr = skipTransparent(decorator.expression);
  const target = expr.type === AST_NODE_TYPES.CallExpression ? skipTransparent(expr.callee) : expr;
  const path = getMemberPath(target);
  return path === null ? null : lastSegment(path);
}

function hasDecorator(node: { decorators?: TSESTree.Decorator[] }, names: ReadonlySet<string> | string): boolean {
  return (node.decorators ?? []).some((d) => {
    const name = decoratorName(d);
    return name !== null && (typeof names === 'string' ? name === names : names.has(name));
  });
}

/** The call a class extends, by callee name: `AuthGuard('jwt')` → 'AuthGuard', `PassportStrategy(Strategy)` → 'PassportStrategy'. */
function superCallName(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  const sup = cls.superClass ? skipTransparent(cls.superClass) : null;
  if (!sup) return null;
  if (sup.type === AST_NODE_TYPES.CallExpression) {
    const path = getMemberPath(sup.callee);
    return path === null ? null : lastSegment(path);
  }
  const path = getMemberPath(sup);
  return path === null ? null : lastSegment(path);
}

function fileImportsNest(context: Context): boolean {
  const program = context.sourceCode.ast;
  const cached = nestImportCache.get(program);
  if (cached !== undefined) return cached;
  const result = program.body.some(
    (s) =>
      (s.type === AST_NODE_TYPES.ImportDeclaration && /^@nestjs\//u.test(s.source.value)) ||
      (s.type === AST_NODE_TYPES.VariableDeclaration && /require\(\s*['"]@nestjs\//u.test(context.sourceCode.getText(s))),
  );
  nestImportCache.set(program, result);
  return result;
}

/** Whether a class is a NestJS provider, controller, guard, filter, strategy or resolver. */
export function isNestClass(context: Context, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  if (hasDecorator(cls, new Set(['Injectable', 'Controller', 'Catch', 'Resolver', 'WebSocketGateway']))) return true;
  const sup = superCallName(cls);
  if (sup === 'AuthGuard' || sup === 'PassportStrategy') return true;
  return fileImportsNest(context) && (cls.implements ?? []).length > 0;
}

/** `const request = context.switchToHttp().getRequest()` at the top of a guard or filter body. */
function findLocalFromCall(fn: AnyFunction, methods: readonly string[]): TSESTree.Identifier | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const init = skipTransparent(declarator.init);
      if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      if (methods.includes(getPropertyName(init.callee) ?? '')) return declarator.id;
    }
  }
  return undefined;
}

function decoratedParam(fn: AnyFunction, names: ReadonlySet<string>): TSESTree.Identifier | undefined {
  for (const param of fn.params) {
    const id = paramId(param);
    const decorated = param.type === AST_NODE_TYPES.TSParameterProperty ? param : id;
    if (id && decorated && hasDecorator(decorated as { decorators?: TSESTree.Decorator[] }, names)) return id;
  }
  return undefined;
}

function nestHandler(context: Context, fn: AnyFunction): HandlerInfo | null {
  const method = fn.parent;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) return null;
  const cls = method.parent.parent;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return null;
  const name = getPropertyName(method);
  const firstType = paramTypeName(fn.params[0]);
  const nestContext = fileImportsNest(context) || firstType === 'ExecutionContext' || firstType === 'ArgumentsHost';
  const sup = superCallName(cls);
  const base = { fn, framework: 'nest' as const, via: 'nest' as const };
  if (hasDecorator(cls, 'Controller') && hasDecorator(method, NEST_ROUTE_DECORATORS)) {
    const req = decoratedParam(fn, new Set(['Req', 'Request']));
    const res = decoratedParam(fn, new Set(['Res', 'Response']));
    return { ...base, kind: 'route', ...(req ? { req } : {}), ...(res ? { res } : {}) };
  }
  if (hasDecorator(cls, 'Resolver') && hasDecorator(method, NEST_RESOLVER_DECORATORS)) {
    return { ...base, kind: 'resolver' };
  }
  // canActivate(context: ExecutionContext); Angular's route guards take (route, state).
  if (name === 'canActivate' && fn.params.length <= 1 && (nestContext || sup === 'AuthGuard')) {
    const ctx = paramId(fn.params[0]);
    const req = findLocalFromCall(fn, ['getRequest']);
    return { ...base, kind: 'guard', ...(ctx ? { ctx } : {}), ...(req ? { req } : {}) };
  }
  if (name === 'handleRequest' && sup === 'AuthGuard') {
    return { ...base, kind: 'guard', ...(paramId(fn.params[0]) ? { error: paramId(fn.params[0])! } : {}) };
  }
  if (name === 'catch' && hasDecorator(cls, 'Catch')) {
    const error = paramId(fn.params[0]);
    const ctx = paramId(fn.params[1]);
    const res = findLocalFromCall(fn, ['getResponse']);
    const req = findLocalFromCall(fn, ['getRequest']);
    return { ...base, kind: 'filter', ...(error ? { error } : {}), ...(ctx ? { ctx } : {}), ...(res ? { res } : {}), ...(req ? { req } : {}) };
  }
  if (name === 'intercept' && nestContext && fn.params.length === 2) {
    const ctx = paramId(fn.params[0]);
    return { ...base, kind: 'interceptor', ...(ctx ? { ctx } : {}) };
  }
  if (name === 'validate' && sup === 'PassportStrategy') {
    return { ...base, kind: 'strategy' };
  }
  return null;
}

/** The handler whose body holds `node` (the innermost handler; nested callbacks belong to it), or null. */
export function findEnclosingHandler(context: Context, node: TSESTree.Node): HandlerInfo | null {
  let current: TSESTree.Node | undefined = isFunctionNode(node) ? node : node.parent;
  while (current) {
    if (isFunctionNode(current)) {
      const info = getHandlerInfo(context, current);
      if (info) return info;
    }
    current = current.parent;
  }
  return null;
}

/** Whether an error handler (Express 4-argument middleware, Fastify `setErrorHandler`, Hono `onError`, Nest `@Catch` filter). */
export function isErrorHandler(info: HandlerInfo): boolean {
  return info.kind === 'error-handler' || info.kind === 'filter';
}

/**
 * Whether a same-file function is called directly by name in this file (`deny(res)`):
 * then it is a helper, not a handler the framework calls.
 */
export function isCalledInSameFile(context: Context, fn: AnyFunction): boolean {
  const cached = calledCache.get(fn);
  if (cached !== undefined) return cached;
  let variable: TSESLint.Scope.Variable | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) ?? null;
  } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn) {
    variable = context.sourceCode.getDeclaredVariables(fn.parent)[0] ?? null;
  }
  const result =
    !!variable &&
    variable.references.some((ref) => {
      const parent = ref.identifier.parent;
      return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier;
    });
  calledCache.set(fn, result);
  return result;
}

/** The class a handler method belongs to (Nest), for `this.logger`. */
export function getHandlerClass(info: HandlerInfo): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  return info.framework === 'nest' ? findEnclosingClass(info.fn) : null;
}

// ---------------------------------------------------------------------------
// Request context for log lines
// ---------------------------------------------------------------------------

export interface RequestContextExpressions {
  method?: string;
  path?: string;
  ip?: string;
  userAgent?: string;
}

/** Whether `id` is what its name resolves to at `at` (not shadowed, declared before `at`). */
function bindingVisibleAt(context: Context, id: TSESTree.Identifier, at: TSESTree.Node | undefined): boolean {
  if (!at) return true;
  if (id.range[1] > at.range[0] && !isParamOf(id)) return false;
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(at);
  while (scope) {
    const variable = scope.set.get(id.name);
    if (variable) return variable.defs.some((d) => d.name === id);
    scope = scope.upper;
  }
  return false;
}

function isParamOf(id: TSESTree.Identifier): boolean {
  let node: TSESTree.Node | undefined = id.parent;
  while (node && (node.type === AST_NODE_TYPES.AssignmentPattern || node.type === AST_NODE_TYPES.TSParameterProperty)) node = node.parent;
  return isFunctionNode(node);
}

/**
 * The one set of request fields every fix logs (field name → what it holds): `method`, `path`
 * (without the query string, where API keys and tokens often travel), `ip`, `userAgent`.
 * Expressions for them that are valid where a log line would go (`at`), in the handler's
 * framework: `req.method`, `req.originalUrl.split('?')[0]`, `request.url.split('?')[0]`,
 * `ctx.path`, `c.req.path`, `req.ip`, `request.ip`,
 * `ctx.ip`, `req.headers['user-agent']`, `ctx.get('user-agent')`, `c.req.header('user-agent')`.
 * Only what the framework really provides; an entry is missing when unknown.
 */
export function getRequestContextExpressions(context: Context, handler: HandlerInfo, at?: TSESTree.Node): RequestContextExpressions {
  const binding = handler.framework === 'koa' || handler.framework === 'hono' ? handler.ctx : handler.req;
  if (!binding || !bindingVisibleAt(context, binding, at)) return {};
  return requestFieldExpressions(handler.framework, binding.name);
}

/**
 * The shared request fields for a request (or Koa / Hono context) object named `name` in `framework`:
 * what getRequestContextExpressions answers for a handler, also used where a fix writes its own
 * callback (a rate limiter's `handler: (req, res) => …`).
 */
export function requestFieldExpressions(framework: Framework, name: string): RequestContextExpressions {
  switch (framework) {
    case 'koa':
      return { method: `${name}.method`, path: `${name}.path`, ip: `${name}.ip`, userAgent: `${name}.get('user-agent')` };
    case 'hono':
      return { method: `${name}.req.method`, path: `${name}.req.path`, ip: `${name}.req.header('x-forwarded-for')`, userAgent: `${name}.req.header('user-agent')` };
    case 'next':
      return { method: `${name}.method`, path: `${name}.url.split('?')[0]`, ip: `${name}.headers.get('x-forwarded-for')`, userAgent: `${name}.headers.get('user-agent')` };
    case 'fastify':
      return { method: `${name}.method`, path: `${name}.url.split('?')[0]`, ip: `${name}.ip`, userAgent: `${name}.headers['user-agent']` };
    case 'node-http':
      return { method: `${name}.method`, path: `${name}.url?.split('?')[0]`, ip: `${name}.socket.remoteAddress`, userAgent: `${name}.headers['user-agent']` };
    case 'nest':
      // Nest runs on Express or Fastify: both requests have these.
      return { method: `${name}.method`, path: `${name}.url?.split('?')[0]`, ip: `${name}.ip`, userAgent: `${name}.headers['user-agent']` };
    case 'express':
    default:
      return { method: `${name}.method`, path: `${name}.originalUrl.split('?')[0]`, ip: `${name}.ip`, userAgent: `${name}.headers['user-agent']` };
  }
}

export interface FrameworkLogger {
  /** `request.log`, `ctx.log`, `req.log`, `this.logger`. */
  expression: string;
  style: LoggerStyle;
}

/**
 * The request-scoped logger the framework provides where a log line would go: Fastify's
 * `request.log` (always there), `req.log` / `ctx.log` when the file already uses them
 * (pino-http, koa-pino-logger), and a Nest class's own `this.logger`.
 */
export function getFrameworkLogger(context: Context, handler: HandlerInfo, at?: TSESTree.Node): FrameworkLogger | null {
  const visible = (id: TSESTree.Identifier | undefined): string | null => (id && bindingVisibleAt(context, id, at) ? id.name : null);
  const usedInFile = (expr: string) => new RegExp(`(?<![\\w$.])${expr.replace(/[.$]/gu, '\\$&')}\\.(?:warn|error|info)\\(`, 'u').test(context.sourceCode.text);
  switch (handler.framework) {
    case 'fastify': {
      const req = visible(handler.req);
      return req ? { expression: `${req}.log`, style: 'pino' } : null;
    }
    case 'express': {
      const req = visible(handler.req);
      return req && usedInFile(`${req}.log`) ? { expression: `${req}.log`, style: 'pino' } : null;
    }
    case 'koa': {
      const ctx = visible(handler.ctx);
      return ctx && usedInFile(`${ctx}.log`) ? { expression: `${ctx}.log`, style: 'pino' } : null;
    }
    case 'nest': {
      const cls = findEnclosingClass(at ?? handler.fn.body);
      if (!cls || cls !== findEnclosingClass(handler.fn.body)) return null;
      const name = classLoggerMember(context, cls);
      return name ? { expression: `this.${name}`, style: 'nest' } : null;
    }
    default:
      return null;
  }
}

/** The name of a class's logger member (`logger` in `private readonly logger = new Logger(X.name)`), if any. */
function classLoggerMember(context: Context, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  for (const member of cls.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.key.type === AST_NODE_TYPES.Identifier) {
      if (/logger$/iu.test(member.key.name) && (member.value || member.typeAnnotation)) {
        const probe = member.value ?? member.key;
        if (member.value ? isLoggerObject(context, probe) || /Logger/u.test(context.sourceCode.getText(member.value)) : true) return member.key.name;
      }
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const id = paramId(param);
        if (id && /logger$/iu.test(id.name)) return id.name;
      }
    }
  }
  return null;
}

/** Whether `node` lies in the handler's own function (not only in a callback nested in it). */
export function isDirectlyInHandler(handler: HandlerInfo, node: TSESTree.Node): boolean {
  let current = node.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  return current === handler.fn && contains(handler.fn, node);
}

const functionOutcomeCache = new WeakMap<AnyFunction, HttpOutcome | null>();

/**
 * The response or throw a function produces unconditionally (its top-level statements
 * before any branch): `function deny(res) { res.status(403).end(); }`,
 * `const unauthorized = () => NextResponse.json(…, { status: 401 })`. Null otherwise.
 * Lets a rule treat a call of such a same-file helper as the response itself.
 */
export function getFunctionOutcome(context: Context, fn: AnyFunction): HttpOutcome | null {
  if (functionOutcomeCache.has(fn)) return functionOutcomeCache.get(fn)!;
  functionOutcomeCache.set(fn, null);
  let result: HttpOutcome | null = null;
  const accept = (o: HttpOutcome | null) => (o && (o.kind === 'response' || o.kind === 'throw' || o.kind === 'forward') ? o : null);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    result = accept(getHttpOutcome(context, fn.body));
  } else {
    for (const statement of fn.body.body) {
      if (
        statement.type === AST_NODE_TYPES.ExpressionStatement ||
        statement.type === AST_NODE_TYPES.ReturnStatement ||
        statement.type === AST_NODE_TYPES.ThrowStatement
      ) {
        result = accept(getHttpOutcome(context, statement));
        if (result || statement.type !== AST_NODE_TYPES.ExpressionStatement) break;
      } else if (statement.type !== AST_NODE_TYPES.VariableDeclaration) {
        break;
      }
    }
  }
  functionOutcomeCache.set(fn, result);
  return result;
}
