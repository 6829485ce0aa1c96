/**
 * Is this function an HTTP handler, and of which kind: route handlers, middleware, hooks,
 * guards, filters or error handlers (Express, Koa, Fastify, NestJS, Hono, Next.js route
 * handlers, plain `http`)? Which handler encloses a node?
 *
 * Every answer is syntactic and conservative: a function counts as a handler only when
 * its registration, its decorators or its parameter names say so, because rules built
 * on this core must not fire on utilities that merely look alike.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  getCalleePath,
  getEnclosingFunction,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  skipTransparent,
} from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { destructuresRequest, paramId, paramName, paramTypeName } from './handler-params.js';
import { koaControllerContext } from './koa-controllers.js';
import { isKoaGeneratorMiddleware } from './koa-generators.js';
import { graphqlResolver } from './graphql.js';
import { nestHandler } from './nest.js';
import { isResponseName } from './response-names.js';
import { sameFileCallSites } from './input-flow.js';

/** `better-call`: better-call's endpoints (better-auth's `createAuthEndpoint(path, options, async (ctx) => …)`). */
export type Framework = 'express' | 'koa' | 'fastify' | 'nest' | 'hono' | 'next' | 'node-http' | 'graphql' | 'better-call';

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
  /** A plain GraphQL resolver's field-arguments parameter (client input): its index in `fn.params`. */
  argsIndex?: number;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'any', 'on', 'param']);
/** The methods registrationOf answers for (each returns null for any other method name). */
const REGISTERING_METHODS: ReadonlySet<string> = new Set([
  ...ROUTE_METHODS,
  'createServer',
  'createMiddleware',
  'createHandlers',
  'addHook',
  'setErrorHandler',
  'onError',
  'notFound',
  'setNotFoundHandler',
]);

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

const REQ_NAME = /^(?:req|request)$/u;
const ERR_NAME = /^_?(?:err|error|e|ex|exception)$/u;
/** A continuation parameter in last position: `next`, `_next`, `done`. */
const NEXT_LIKE = /^_?(?:next|done)$/u;

/**
 * Per-function answers of a file: plain Maps, as a WeakMap entry per function cost more than the look-ups it
 * saved (asked for every function).
 */
interface FileCaches {
  /** getHandlerInfo: null for "no handler", never undefined. */
  handlers: Map<AnyFunction, HandlerInfo | null>;
  called: Map<AnyFunction, boolean>;
  /** handlerAtOrAround. */
  enclosing: Map<AnyFunction, HandlerInfo | null>;
}
const fileCaches = fileCache<FileCaches>();

function cachesFor(context: Context): FileCaches {
  return perFile(fileCaches, context.sourceCode, () => ({ handlers: new Map(), called: new Map(), enclosing: new Map() }));
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
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (callee.name === 'createServer') return { framework: 'node-http', kind: 'route' };
    if (callee.name === 'createMiddleware') return { framework: 'hono', kind: 'middleware' };
    // better-call's endpoints (better-auth's and its plugins'): createAuthEndpoint('/admin/set-role', options, async (ctx) => …)
    if (ENDPOINT_FACTORY.test(callee.name) && call.arguments.length >= 2 && call.arguments[call.arguments.length - 1] === child && isRoutePathString(call.arguments[0])) {
      return { framework: 'better-call', kind: 'route' };
    }
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  // Every method below that registers is one of REGISTERING_METHODS: any other call registers nothing,
  // so the callee's path (a string built per call) is only read for those.
  if (method === null || !REGISTERING_METHODS.has(method)) return null;
  const path = getCalleePath(call);
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

/** A factory that builds an HTTP endpoint from a path and a handler: better-call's `createEndpoint`, better-auth's `createAuthEndpoint`. */
const ENDPOINT_FACTORY = /^create[A-Z]?\w*Endpoint$/u;

/** A route path written out: `'/admin/set-role'`. */
function isRoutePathString(node: TSESTree.Node | undefined): boolean {
  const text = node ? getStringValue(skipTransparent(node)) : null;
  return text !== null && text.startsWith('/');
}

/** A route path argument: a string, a template, a regex, an array of those, a `ROUTES.x` member or a `…Path` name. */
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
  const cache = cachesFor(context).handlers;
  const cached = cache.get(fn);
  if (cached !== undefined) return cached;
  const result = computeHandlerInfo(context, fn);
  cache.set(fn, result);
  return result;
}

/** getHandlerInfo without the cache. */
function computeHandlerInfo(context: Context, fn: AnyFunction): HandlerInfo | null {
  // Before Nest: a type-graphql `@Resolver` class has Nest's decorator names but is no Nest class.
  const graphql = graphqlResolver(context, fn);
  if (graphql) return graphql;
  const nest = nestHandler(context, fn);
  if (nest) return nest;
  const next = nextHandler(fn);
  if (next) return next;
  // Koa 0.x: `function* (next) { … this.status = 403 … }`, `this` is the context (registered or exported).
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.generator && isKoaGeneratorMiddleware(context, fn)) {
    const next = paramId(fn.params[0]);
    return { fn, framework: 'koa', kind: 'middleware', via: 'params', ...(next ? { next } : {}) };
  }
  // What follows classifies by parameters (classifyParams), and no parameter list outside one to four
  // parameters makes a handler there: registered or not, such a function is none. Skip the look-ups.
  if (fn.params.length === 0 || fn.params.length > 4) return null;
  let registration = getRegistration(context, fn);
  // A better-call endpoint's one parameter is its context (`ctx.body`, `ctx.headers`, `ctx.json()`), no Koa context;
  // another endpoint factory's `(req, res)` handler is read by its parameters, as if unregistered.
  if (registration?.framework === 'better-call') {
    const ctx = fn.params.length === 1 ? paramId(fn.params[0]) : undefined;
    if (ctx) return { fn, framework: 'better-call', kind: 'route', via: 'registration', ctx };
    registration = null;
  }
  if (registration) {
    const info = fromParams(context, fn, registration.framework, true);
    if (info) {
      if (registration.kind !== 'route' && registration.kind !== 'middleware') info.kind = registration.kind;
      else if (info.kind !== 'error-handler' && registration.kind === 'middleware' && info.next === undefined && info.framework !== 'express') info.kind = 'middleware';
      return info;
    }
    return null;
  }
  // A Koa controller mounted by a router in another file: `async login(ctx) { … ctx.body = … }`.
  if (fn.params.length === 1) {
    const ctx = koaControllerContext(context, fn);
    return ctx && !isCalledInSameFile(context, fn) ? { fn, framework: 'koa', kind: 'route', via: 'params', ctx } : null;
  }
  // By parameters alone only two to four parameters make a handler (see classifyParams): skip the look-ups.
  if (fn.params.length < 2) return null;
  const holder = fn.parent?.type === AST_NODE_TYPES.ArrayExpression ? fn.parent.parent : fn.parent;
  if (holder?.type === AST_NODE_TYPES.CallExpression && isTestClientCall(holder)) return null;
  // The parameter names first (most lists are no handler's), the same-file call look-up only for a handler-like list.
  const info = fromParams(context, fn, null, false);
  return info && !isCalledInSameFile(context, fn) ? info : null;
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

/** What a route handler's single context object carries: the request, its input, the verified caller. */
const HANDLER_CONTEXT_FIELDS = new Set(['req', 'request', 'input', 'auth', 'params', 'body', 'query', 'headers']);

/** `({ input, auth })`: a destructured context object with a request's or a caller's part. */
function destructuresHandlerContext(param: TSESTree.Parameter | undefined): boolean {
  const p = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return p?.type === AST_NODE_TYPES.ObjectPattern && p.properties.some((q) => q.type === AST_NODE_TYPES.Property && HANDLER_CONTEXT_FIELDS.has(getPropertyName(q) ?? ''));
}

/** Classify by parameters. `registered` relaxes the names (the registration already says it is a handler). */
function fromParams(context: Context, fn: AnyFunction, hint: Framework | null, registered: boolean): HandlerInfo | null {
  const info = classifyParams(fn, hint, registered);
  return info ? ({ ...info, via: registered ? 'registration' : 'params' } as HandlerInfo) : null;
}

/** The handler a parameter list describes, by names and annotated types, or null. */
function classifyParams(fn: AnyFunction, hint: Framework | null, registered: boolean): Omit<HandlerInfo, 'via'> | null {
  const params = fn.params;
  // No branch below accepts an empty list; by parameters alone, none accepts one parameter or more than four.
  if (params.length === 0 || (!registered && (params.length === 1 || params.length > 4))) return null;
  const names = params.map((p) => paramName(p));
  const types = params.map((p) => paramTypeName(p));
  const isReq = (i: number) =>
    REQ_NAME.test(names[i] ?? '') || /^(?:Request|FastifyRequest|IncomingMessage|NextApiRequest)$/u.test(types[i] ?? '') || destructuresRequest(params[i]);
  const isRes = (i: number) => isResponseName(names[i] ?? '') || /^(?:Response|FastifyReply|ServerResponse|NextApiResponse)$/u.test(types[i] ?? '');
  const isNext = (i: number) => names[i] === 'next' || types[i] === 'NextFunction' || types[i] === 'Next';
  const fastifyish = (i: number) => names[i] === 'reply' || names[i] === 'rep' || types[i] === 'FastifyReply';
  const nodeHttp = types[1] === 'ServerResponse' || types[0] === 'IncomingMessage';
  // By parameters alone every branch below that answers wants a request second of four (error middleware),
  // a request first (`(req, res)`), or `next` second of two (Koa's and Hono's `(ctx, next)`): reject the rest at once.
  if (!registered && (params.length === 4 ? !isReq(1) : !isReq(0) && !(params.length === 2 && isNext(1)))) return null;

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
  // A route's `handler` handed one context object it destructures (atproto's XRPC server:
  // `server.add(nsid, { auth, handler: async ({ input, auth, params }) => … })`): registered as the route's
  // handler, answering with what it returns or throws. Only when the object names a request's or a caller's part.
  if (registered && hint === 'fastify' && params.length === 1 && destructuresHandlerContext(params[0])) {
    return { fn, framework: 'fastify', kind: 'route' };
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

/** The handler whose body holds `node` (the innermost handler; nested callbacks belong to it), or null. */
export function findEnclosingHandler(context: Context, node: TSESTree.Node): HandlerInfo | null {
  const fn = isFunctionNode(node) ? node : getEnclosingFunction(node);
  return fn ? handlerAtOrAround(context, fn) : null;
}

/**
 * The handler `fn` is, or else the one around it (findEnclosingHandler from a function), cached per function:
 * asked for many nodes of one function, the walk past it up to the file's top is made once.
 */
function handlerAtOrAround(context: Context, fn: AnyFunction): HandlerInfo | null {
  const cache = cachesFor(context).enclosing;
  const cached = cache.get(fn);
  if (cached !== undefined) return cached;
  const outer = getEnclosingFunction(fn);
  const result = getHandlerInfo(context, fn) ?? (outer ? handlerAtOrAround(context, outer) : null);
  cache.set(fn, result);
  return result;
}

/**
 * The handler a same-file helper holding `node` runs for: the function around it (or one around that)
 * is called by name only in this file, and one of those calls sits in a handler
 * (`function sendChangedEvent() { … }` called inside `router.post(…)`). Null when the helper is
 * exported or passed on (other callers may run it anywhere) or no call is in a handler.
 */
export function findCallingHandler(context: Context, node: TSESTree.Node): { handler: HandlerInfo; helper: AnyFunction; call: TSESTree.CallExpression } | null {
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
    if (getHandlerInfo(context, fn)) return null;
    for (const call of sameFileCallSites(context, fn) ?? []) {
      const handler = findEnclosingHandler(context, call);
      if (handler) return { handler, helper: fn, call };
    }
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
  const cache = cachesFor(context).called;
  const cached = cache.get(fn);
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
  cache.set(fn, result);
  return result;
}
