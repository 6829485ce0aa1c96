/**
 * What does this node do with an HTTP status: send or set a response, throw it, forward an HTTP
 * error to the framework, or build an HTTP error value? Also Koa's `ctx.assert` and the response a same-file
 * helper function always produces (statuses chosen by a ternary or a variable: status-choices.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getRootIdentifier,
  getVariableInit,
  lastName,
  lastSegment,
  skipTransparent,
} from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { graphqlErrorStatus } from './graphql.js';
import { statusFromErrorName, statusFromFactoryName, statusFromInit, statusFromNamedArgument, getStatusValue } from './http-status.js';
import { isLoggerObject } from './loggers.js';
import { isResponseName, isResponseOrContextName } from './response-names.js';
import { isKoaThisContext } from './koa-generators.js';

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

/** Classes whose status is an argument: `new HttpException(msg, 401)`, `new HTTPException(401)`. */
const STATUS_ARGUMENT_CLASSES = new Set(['HttpException', 'HTTPException', 'HttpError', 'HTTPError', 'HttpErrors', 'createError', 'createHttpError']);
/** Factories: `createError(401)`, `createError.Unauthorized()`, `httpErrors.Unauthorized()`, `fastify.httpErrors.unauthorized()`. */
const ERROR_FACTORIES = new Set(['createError', 'createHttpError', 'httpErrors', 'HttpErrors', 'httpError', 'createHttpErrors']);
const BOOM = new Set(['Boom', 'boom']);
const RESPONSE_CLASSES = new Set(['Response', 'NextResponse']);
/** An app's static error factory holder: `ApiError`, `AppErrors`, `HttpException`. */
const ERROR_HOLDER = /(?:error|exception)s?$/iu;

/** Names a response object goes by in handlers: receivers of `.status()`, `.json()`, `.send()`. */

const outcomeCache = fileCache<Map<TSESTree.Node, HttpOutcome | null>>();

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
  // Only `x.status = …` / `x.statusCode = …` assignments have an outcome (see assignmentOutcome): no cache entry for the rest.
  if (node.type === AST_NODE_TYPES.AssignmentExpression && !isStatusAssignment(node)) return null;
  // Most calls of a file have none either (asked of every call by several rules): decided by name, no cache entry.
  if (node.type === AST_NODE_TYPES.CallExpression && !mayHaveCallOutcome(node)) return null;
  const answers = perFileMap(outcomeCache, context.sourceCode);
  if (answers.has(node)) return answers.get(node)!;
  answers.set(node, null); // recursion guard through `const` initializers
  const result = computeOutcome(context, node, 0);
  answers.set(node, result);
  return result;
}

/** getHttpOutcome without the cache: dispatch on the node type. */
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

function isStatusAssignment(node: TSESTree.AssignmentExpression): boolean {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const prop = getPropertyName(node.left);
  return prop === 'status' || prop === 'statusCode';
}

/** `res.statusCode = 401`, `ctx.status = 401`: a status set on a response (not on an error). */
function assignmentOutcome(context: Context, node: TSESTree.AssignmentExpression): HttpOutcome | null {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const prop = getPropertyName(node.left);
  if (prop !== 'status' && prop !== 'statusCode') return null;
  const receiver = getRootIdentifier(node.left.object, true);
  // `err.status = 401` labels an error; only a response (or Koa context, also Koa 0.x's `this`) answers the caller.
  if (receiver ? !isResponseOrContextName(receiver.name) : !isKoaThisContext(context, node.left.object)) return null;
  const status = getStatusValue(context, node.right);
  return status === null ? null : { status, kind: 'response', ...(receiver ? { receiver } : {}), errorName: null, frameworkError: false };
}

/** `this.ctx` / `this.context`: the Koa context an Egg.js or ThinkJS controller holds. */
function isThisContext(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression && /^(?:ctx|context)$/u.test(getPropertyName(n) ?? '');
}

/** A callback's or continuation's name: `next(err)`, `done(err)`, `cb(err)`, `reject(err)`. */
const CONTINUATION_NAME = /^(?:next|done|cb|callback|reject)$/u;
/** A callback parameter named for one: `responseCallback(…)`, `doneCb(…)`. */
const CALLBACK_SUFFIX = /[a-z](?:Callback|Cb)$/u;

/**
 * A name check that every call callOutcome finds an outcome in passes (a superset of its cases, with no
 * scope or import look-up): a method on a response, context, `Response`, Boom, error-factory or error-holder
 * name, a `throw` / `send`, a chain on another call, an error factory or continuation by name, or a
 * response object handed to a helper (passesResponseArgument). tests/model/outcome-gates.test.ts asserts the
 * superset over the calls of a bench-corpus sample and the rule tests' snippets: update both together.
 */
export function mayHaveCallOutcome(node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const name = callee.name;
    if (ERROR_FACTORIES.has(name) || statusFromFactoryName(name) !== null || passesResponseArgument(node)) return true;
    return node.arguments.length > 0 && (CONTINUATION_NAME.test(name) || CALLBACK_SUFFIX.test(name) || name === 'resolve');
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  if (method === null) return false;
  if (method === 'throw' || method === 'send' || skipTransparent(callee.object).type === AST_NODE_TYPES.CallExpression) return true;
  const objectName = lastName(callee.object);
  if (objectName !== null && (RESPONSE_CLASSES.has(objectName) || BOOM.has(objectName) || ERROR_FACTORIES.has(objectName) || ERROR_HOLDER.test(objectName))) return true;
  const receiver = getRootIdentifier(callee.object, true);
  return (!!receiver && isResponseOrContextName(receiver.name)) || passesResponseArgument(node);
}

/** The outcome of a call: response methods, `ctx.throw`, error factories, Boom, `next(err)`, app helpers (ungated: see mayHaveCallOutcome). */
export function callOutcome(context: Context, node: TSESTree.CallExpression, depth: number): HttpOutcome | null {
  const callee = skipTransparent(node.callee);
  const args = node.arguments;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(callee);
    // The object's full path only where its last name could be an error factory or Response (asked of every call).
    const objectName = lastName(callee.object);
    const objectPath = objectName !== null && (RESPONSE_CLASSES.has(objectName) || BOOM.has(objectName) || ERROR_FACTORIES.has(objectName) || ERROR_HOLDER.test(objectName)) ? getMemberPath(callee.object) : null;
    const receiver = getRootIdentifier(callee.object, true);
    const isResponseReceiver = !!receiver && isResponseOrContextName(receiver.name);
    if (method !== null) {
      // Response.json(body, { status }), NextResponse.json(...)
      if (objectPath !== null && RESPONSE_CLASSES.has(objectPath) && (method === 'json' || method === 'redirect')) {
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
      // …or one handed the status by name: better-auth's APIError.from('FORBIDDEN', code)
      if (objectPath !== null && ERROR_HOLDER.test(lastSegment(objectPath))) {
        const status = statusFromFactoryName(method) ?? statusFromNamedArgument(lastSegment(objectPath), args);
        if (status !== null) return { status, kind: 'error', errorName: lastSegment(objectPath), frameworkError: false };
      }
      if (isResponseReceiver) {
        const own = responseMethodOutcome(context, method, args, receiver);
        if (own) return own;
      }
      // ctx.throw(401), ctx.throw('msg', 401), this.throw(401), and a controller's `this.ctx.throw(403)` (Egg.js, ThinkJS)
      if (method === 'throw' && (isResponseReceiver || callee.object.type === AST_NODE_TYPES.ThisExpression || isThisContext(callee.object))) {
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
      if (isResponseReceiver) return null;
      // Ask the (costlier) logger question only of a call that would answer as a helper.
      const helper = helperResponseOutcome(context, method, args);
      return helper && !isLoggerObject(context, callee.object) ? helper : null;
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
    // next(err), done(err), cb(err): hand an HTTP error to the framework; also a callback parameter named so
    // (`responseCallback({ statusCode: HTTPStatus.UNAUTHORIZED, message })`: the caller answers with it).
    if ((CONTINUATION_NAME.test(callee.name) || (CALLBACK_SUFFIX.test(callee.name) && findVariable(context, callee)?.defs[0]?.type === 'Parameter')) && args[0]) {
      const error = errorOutcome(context, args[0], depth + 1);
      if (error) return { ...error, kind: 'forward' };
    }
    // resolve({ statusCode: 401, message }): a promise settled with the answer its caller sends (`res.status(reply.statusCode)`).
    if (callee.name === 'resolve' && args[0] && skipTransparent(args[0]).type === AST_NODE_TYPES.ObjectExpression) {
      const answer = errorOutcome(context, args[0], depth + 1);
      if (answer) return { ...answer, kind: 'forward' };
    }
    return helperResponseOutcome(context, callee.name, args);
  }
  return null;
}

/** A response object handed to an app's helper by its conventional name. */
/** Helpers whose number is a duration or a count, not a status: `withTimeout(res, 500)`. */
const NOT_A_STATUS_HELPER = /timeout|delay|wait|sleep|retry|throttle|debounce|interval|limit|expire|cache|ttl|page/iu;

/**
 * Whether a call hands a response object to a helper by its conventional name — two or more
 * arguments, one of them `res` / `response` / `reply` / …: the only way a call's HTTP outcome can
 * have one of its own arguments as the receiver (see helperResponseOutcome). A cheap pre-check.
 */
export function passesResponseArgument(node: TSESTree.CallExpression): boolean {
  const args = node.arguments;
  if (args.length < 2) return false;
  for (const arg of args) {
    const a = skipTransparent(arg);
    if (a.type === AST_NODE_TYPES.Identifier && isResponseName(a.name)) return true;
  }
  return false;
}

/**
 * The app's own response helper: a call that receives the response object and an error status
 * (`sendStatus(403, res)`, `formatResponse(401, res, body)`, `utils.respond(res, HttpStatus.FORBIDDEN)`)
 * answers with that status. Only a 4xx/5xx counts: a number beside `res` may be anything else.
 */
function helperResponseOutcome(context: Context, name: string | null, args: readonly TSESTree.CallExpressionArgument[]): HttpOutcome | null {
  if (args.length < 2 || name === null || NOT_A_STATUS_HELPER.test(name)) return null;
  let receiver: TSESTree.Identifier | undefined;
  for (const arg of args) {
    const a = skipTransparent(arg);
    if (a.type === AST_NODE_TYPES.Identifier && isResponseName(a.name)) {
      receiver = a;
      break;
    }
  }
  // The receiver first: most calls hand no response on, and reading a status may take a scope lookup.
  if (!receiver) return null;
  let status: number | null = null;
  for (const arg of args) {
    const a = skipTransparent(arg);
    if (a.type === AST_NODE_TYPES.Identifier && isResponseName(a.name)) continue;
    status ??= getStatusValue(context, a);
  }
  if (status === null || status < 400) return null;
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
      // @fastify/sensible: reply.unauthorized(), reply.forbidden(), reply.tooManyRequests(); Strapi's Koa
      // context: ctx.unauthorized('Invalid refresh token'), ctx.forbidden(), ctx.badRequest()
      if (!/^_?(?:reply|rep|res|ctx)$/u.test(receiver.name)) return null;
      // Keystone's `res.apiError(403, 'invalid csrf')`: the response's own error method, given the status first.
      // Only an access-control status is read from it (what else such a helper answers is its own business).
      if (/^(?:[a-z]+Error|error)$/u.test(method) && args.length >= 1) {
        const given = getStatusValue(context, args[0]);
        if (given === 401 || given === 403) return make(given);
      }
      const status = /^[a-z][A-Za-z]+$/u.test(method) ? statusFromErrorName(method) : null;
      return status !== null && status >= 400 ? make(status) : null;
    }
  }
}

/** `new Response(…, { status })`, Nest exceptions, `new HttpException(msg, 401)`, an app's `new ApiError(401)`. */
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
  if (last === 'GraphQLError' || last === 'ApolloError') {
    const status = graphqlErrorStatus(args);
    return status === null ? null : { status, kind: 'error', errorName: last, frameworkError: true };
  }
  const named = statusFromErrorName(last);
  if (named !== null) {
    // Nest's built-in exceptions all end in `Exception`; `*Error` classes are the app's own.
    return { status: named, kind: 'error', errorName: last, frameworkError: /Exception$/u.test(last) };
  }
  // new ApiError(401, 'Unauthorized'), new AppError('Forbidden', 403); by name: new APIError('FORBIDDEN'), new TRPCError({ code: 'UNAUTHORIZED' })
  const status = args.map((a) => getStatusValue(context, a)).find((s) => s !== null && s >= 400) ?? statusFromNamedArgument(last, args);
  return status === null ? null : { status, kind: 'error', errorName: last, frameworkError: false };
}

const functionOutcomeCache = fileCache<Map<AnyFunction, HttpOutcome | null>>();

/**
 * The response or throw a function produces unconditionally (its top-level statements
 * before any branch): `function deny(res) { res.status(403).end(); }`,
 * `const unauthorized = () => NextResponse.json(…, { status: 401 })`. Null otherwise.
 * Lets a rule treat a call of such a same-file helper as the response itself.
 */
export function getFunctionOutcome(context: Context, fn: AnyFunction): HttpOutcome | null {
  const answers = perFileMap(functionOutcomeCache, context.sourceCode);
  if (answers.has(fn)) return answers.get(fn)!;
  answers.set(fn, null);
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
  answers.set(fn, result);
  return result;
}

/**
 * `const sendUnauthorized = (res, message, statusCode = 401) => res.status(statusCode).json({ message })`:
 * the response a call of a same-file helper gives when the helper answers unconditionally with a
 * status taken from a parameter that has a status default: the argument in that position
 * (`sendUnauthorized(res, msg, 403)`), else the default (`sendUnauthorized(res, msg)`). Otherwise
 * what the helper always does (getFunctionOutcome).
 */
export function getCallOutcome(context: Context, fn: AnyFunction, call: TSESTree.CallExpression): HttpOutcome | null {
  const own = getFunctionOutcome(context, fn);
  if (own) return own;
  const defaulted = defaultedStatusResponse(context, fn);
  if (!defaulted) return null;
  const arg = call.arguments[defaulted.index];
  const status = arg === undefined ? defaulted.status : arg.type === AST_NODE_TYPES.SpreadElement ? null : getStatusValue(context, arg);
  return status === null ? null : { status, kind: 'response', errorName: null, frameworkError: false };
}

const defaultedCache = fileCache<Map<AnyFunction, { index: number; status: number } | null>>();

/** The parameter (position and default status) a helper's first statement answers with: `res.status(code)` for `code = 403`. */
function defaultedStatusResponse(context: Context, fn: AnyFunction): { index: number; status: number } | null {
  const answers = perFileMap(defaultedCache, context.sourceCode);
  if (answers.has(fn)) return answers.get(fn)!;
  let result: { index: number; status: number } | null = null;
  const first = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.find((st) => st.type !== AST_NODE_TYPES.VariableDeclaration) : null;
  const expression =
    fn.body.type !== AST_NODE_TYPES.BlockStatement
      ? fn.body
      : first?.type === AST_NODE_TYPES.ExpressionStatement
        ? first.expression
        : first?.type === AST_NODE_TYPES.ReturnStatement
          ? first.argument
          : null;
  const statusArg = expression ? responseStatusArgument(skipTransparent(expression)) : null;
  if (statusArg?.type === AST_NODE_TYPES.Identifier) {
    const index = fn.params.findIndex((p) => p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier && p.left.name === statusArg.name);
    const param = fn.params[index];
    const status = param?.type === AST_NODE_TYPES.AssignmentPattern ? getStatusValue(context, param.right) : null;
    if (status !== null && status >= 400) result = { index, status };
  }
  answers.set(fn, result);
  return result;
}

/** The status expression of a response chain (`res.status(x).json(…)`, `reply.code(x)`, `res.sendStatus(x)`) or `res.statusCode = x`. */
function responseStatusArgument(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    const prop = node.left.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node.left) : null;
    const receiver = node.left.type === AST_NODE_TYPES.MemberExpression ? getRootIdentifier(node.left.object, true) : null;
    return (prop === 'status' || prop === 'statusCode') && receiver && isResponseOrContextName(receiver.name) ? node.right : null;
  }
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getPropertyName(callee);
    const object = skipTransparent(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      return isResponseOrContextName(object.name) && ['status', 'code', 'sendStatus', 'writeHead'].includes(method ?? '') ? (current.arguments[0] ?? null) : null;
    }
    current = object;
  }
  return null;
}
