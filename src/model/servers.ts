/**
 * Server-level recognition for the rules about global error handlers and request logging:
 * which calls create an HTTP server (`express()`, `new Koa()`, `fastify()`, `new Hono()`,
 * `NestFactory.create`, `http.createServer`), which functions are registered as process-,
 * server- or framework-level error handlers, which middleware logs every request, and which
 * packages the nearest package.json declares.
 *
 * Creation and logger packages are recognised by where a name is imported from, never by the
 * name alone, so a local `express()` helper or a `logger()` factory of another library does
 * not count. Names only decide for the app's own middleware (`requestLogger`, `LoggingInterceptor`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  readOptionsArgument,
  skipTransparent,
  getRootIdentifier,
  unwrapIndirectCall,
  getCreationCall,
  findProperty,
} from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { resolveCallbackArgument } from './background.js';
import { isOnOnlyInDebugOrDevelopment } from './environment.js';
import { namesModule } from './job-runners.js';
import { getImportSource, getImportedBinding, getRequiredModule } from './modules.js';
import { getLoggerCall } from './loggers.js';
import { isOutgoingSocket, isTemporaryProcessListener } from './listener-targets.js';
import { isProcessObject } from './process-object.js';
import { importedFunctionSatisfies } from './project-modules.js';

export type ServerFramework = 'express' | 'koa' | 'fastify' | 'hono' | 'nest' | 'node-http';

export interface ServerCreation {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  framework: ServerFramework;
  /** The options object passed at creation (Fastify), when written inline or held by a `const`. */
  options: TSESTree.ObjectExpression | null;
  /** The creation's options argument cannot be read (a parameter, a spread, a call). */
  opaqueOptions: boolean;
}

const HTTP_MODULES = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2']);
const HONO_MODULES = new Set(['hono', 'hono/tiny', 'hono/quick']);

/** Packages whose middleware logs every request, by module specifier. */
export const REQUEST_LOGGER_PACKAGES = new Set([
  'morgan',
  'pino-http',
  'express-pino-logger',
  'express-winston',
  'express-bunyan-logger',
  'express-requests-logger',
  'koa-logger',
  'koa-pino-logger',
  'koa-morgan',
  'hono/logger',
  'hono-pino',
  'nestjs-pino',
]);
/** Members of a logger package that log errors, not requests (`expressWinston.errorLogger`). */
const ERROR_ONLY_MEMBERS = new Set(['errorLogger']);

const creationCache = fileCache<Map<TSESTree.Node, ServerCreation | null>>();
const requestLoggingFnCache = fileCache<Map<AnyFunction, boolean>>();

/**
 * The server a call creates, or null: `express()`, `require('express')()`, `new Koa()`,
 * `fastify({...})`, `Fastify()`, `new Hono()`, `new OpenAPIHono()`, `NestFactory.create(...)`,
 * `http.createServer(listener)`, `createServer(listener)` from `node:http`.
 */
export function getServerCreation(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): ServerCreation | null {
  // Most calls of a file create nothing and are answered without a look-up: keep the cache for files
  // that name a server module (a WeakMap entry for every call costs more than the answer).
  const cacheable = namesModule(context, SERVER_MODULES);
  const answers = perFileMap(creationCache, context.sourceCode);
  const cached = cacheable ? answers.get(node) : undefined;
  if (cached !== undefined) return cached;
  const framework = creationFramework(context, node);
  let result: ServerCreation | null = null;
  if (framework) {
    const { options, opaque } = framework === 'fastify' ? readOptionsArgument(context, node.arguments[0]) : { options: null, opaque: false };
    result = { node, framework, options, opaqueOptions: opaque };
  }
  if (cacheable) answers.set(node, result);
  return result;
}

/** Every module a server is created from (by import), for the per-file text check. */
const SERVER_MODULES: ReadonlySet<string> = new Set(['express', 'fastify', 'koa', '@nestjs/core', '@hono/zod-openapi', ...HTTP_MODULES, ...HONO_MODULES]);

function creationFramework(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): ServerFramework | null {
  const callee = skipTransparent(node.callee);
  const isNew = node.type === AST_NODE_TYPES.NewExpression;
  const direct = getRequiredModule(callee);
  if (direct !== null) {
    if (!isNew && direct === 'express') return 'express';
    if (!isNew && direct === 'fastify') return 'fastify';
    // Koa 0.x / 1.x also made its app by a plain call: `var app = koa()`.
    if (direct === 'koa') return 'koa';
    return null;
  }
  // Below, only a name imported from one of SERVER_MODULES creates a server: without one named in the file, skip the look-ups.
  if (!namesModule(context, SERVER_MODULES)) return null;
  // `NestFactory.create(…)`, `http.createServer(…)`, `fastify.fastify(…)`; compiled: `core_1.NestFactory.create(…)`.
  if (callee.type === AST_NODE_TYPES.MemberExpression && !isNew) {
    const method = getPropertyName(callee);
    if (method === 'create' || method === 'createServer' || method === 'fastify') {
      const binding = getImportedBinding(context, callee.object);
      if (!binding) return null;
      if (method === 'create' && binding.source === '@nestjs/core' && (binding.imported === 'NestFactory' || binding.imported === '*')) return 'nest';
      if (method === 'createServer' && HTTP_MODULES.has(binding.source) && (binding.imported === 'default' || binding.imported === '*')) return 'node-http';
      if (method === 'fastify' && binding.source === 'fastify') return 'fastify';
      return null;
    }
  }
  // `express()`, `new Koa()`, `new Hono()`; compiled: `(0, express_1.default)()`, `new koa_1.default()`, `new hono_1.Hono()`.
  const binding = getImportedBinding(context, callee);
  if (!binding) return null;
  const { source, imported } = binding;
  const whole = imported === 'default' || imported === '*';
  if (!isNew) {
    if (source === 'express' && whole) return 'express';
    if (source === 'fastify' && (whole || imported === 'fastify' || imported === 'Fastify')) return 'fastify';
    if (HTTP_MODULES.has(source) && imported === 'createServer') return 'node-http';
    if (source === 'koa' && whole) return 'koa';
    return null;
  }
  if (source === 'koa' && (whole || imported === 'Koa')) return 'koa';
  if (HONO_MODULES.has(source) && imported === 'Hono') return 'hono';
  if (source === '@hono/zod-openapi' && imported === 'OpenAPIHono') return 'hono';
  return null;
}

/** A file's calls and the servers they create, gathered while ESLint traverses the file. */
export interface ServerCollector {
  /** Every call expression of the file, in traversal order. */
  calls: TSESTree.CallExpression[];
  /** Every server creation (`express()`, `new Koa()`, `fastify()`…), in traversal order. */
  creations: ServerCreation[];
  /** The `CallExpression` listener. */
  onCall(node: TSESTree.CallExpression): void;
  /** The `NewExpression` listener. */
  onNew(node: TSESTree.NewExpression): void;
}

/**
 * Collect a file's calls and server creations for a rule that decides at `Program:exit`.
 * One collector per file (call it in `create`); it holds nothing across files.
 */
export function collectServers(context: Context): ServerCollector {
  const calls: TSESTree.CallExpression[] = [];
  const creations: ServerCreation[] = [];
  const onNew = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
    const creation = getServerCreation(context, node);
    if (creation) creations.push(creation);
  };
  return {
    calls,
    creations,
    onCall(node) {
      calls.push(node);
      onNew(node);
    },
    onNew,
  };
}


/** A falsy literal (`false`, `0`, `''`, `null`) or `undefined`, through parentheses and type assertions. */
export function isFalsyLiteral(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return !n.value;
  return n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined';
}

/**
 * Whether Fastify's built-in request logging is on for this creation: `logger: true`,
 * `logger: {…}`, `logger: pinoInstance`, `loggerInstance: x`, or any value that is not a
 * literal `false`; and `disableRequestLogging` is not literally `true`. Options that cannot
 * be read count as on.
 */
export function fastifyLogsRequests(creation: ServerCreation): boolean {
  if (creation.opaqueOptions) return true;
  const options = creation.options;
  if (!options) return false;
  if (options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return true;
  const disabled = findProperty(options, 'disableRequestLogging');
  if (disabled) {
    const v = skipTransparent(disabled.value);
    if (v.type === AST_NODE_TYPES.Literal && v.value === true) return false;
  }
  const logger = findProperty(options, 'logger');
  const instance = findProperty(options, 'loggerInstance');
  if (instance && !isFalsyLiteral(instance.value) && !isOnOnlyInDebugOrDevelopment(instance.value)) return true;
  return !!logger && !isFalsyLiteral(logger.value) && !isOnOnlyInDebugOrDevelopment(logger.value);
}

// ---------------------------------------------------------------------------
// Request-logging middleware
// ---------------------------------------------------------------------------

/** Words of an identifier or path: `requestLogger` → request, logger; `http-logger` → http, logger. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .split(/[^A-Za-z0-9]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const LOGGING_WORDS = new Set(['log', 'logs', 'logger', 'loggers', 'logging', 'morgan', 'accesslog']);
const ERROR_WORDS = new Set(['error', 'errors', 'err', 'exception', 'exceptions']);

/** `requestLogger`, `httpLogger`, `LoggingInterceptor`, `logRequests`, `./middleware/http-logger`; not `errorLogger`, `login`, `blogRouter`. */
export function isLoggingName(name: string): boolean {
  const ws = words(name);
  return ws.some((w) => LOGGING_WORDS.has(w)) && !ws.some((w) => ERROR_WORDS.has(w));
}

function matchesExtra(names: readonly string[], path: string | null, source: string | null): boolean {
  if (names.length === 0) return false;
  if (source !== null && names.includes(source)) return true;
  if (path === null) return false;
  return names.includes(path) || names.includes(lastSegment(path)) || names.includes(path.split('.')[0]!);
}

/**
 * What the name of a middleware (or of the call that makes it) says: an error-only member of a
 * logger package is not request logging (false), a request-logger package, a configured name or a
 * logging name is (true); null when the name says nothing.
 */
function namesRequestLogger(context: Context, node: TSESTree.Node, path: string | null, extra: readonly string[]): boolean | null {
  if (path !== null && ERROR_ONLY_MEMBERS.has(lastSegment(path))) return false;
  const root = getRootIdentifier(unwrapIndirectCall(node)); // `(0, morgan_1.default)('dev')`, a bundle's `(0, $x$morgan)('dev')`
  const binding = root ? getImportSource(context, root) : null;
  if (binding && (REQUEST_LOGGER_PACKAGES.has(binding.source) || extra.includes(binding.source))) return true;
  if (matchesExtra(extra, path, null)) return true;
  if (path !== null && isLoggingName(path)) return true;
  return null;
}

/**
 * Whether a middleware argument logs every request: a known package's middleware
 * (`morgan('combined')`, `pinoHttp()`, `expressWinston.logger({...})`, `logger()` from
 * `hono/logger`), a configured name, the app's own middleware named like logging
 * (`requestLogger`, `new LoggingInterceptor()`), or a same-file function that logs
 * per request (see `logsEveryRequest`).
 */
export function isRequestLoggerMiddleware(context: Context, arg: TSESTree.Node, extra: readonly string[], depth = 0): boolean {
  if (depth > 3 || arg.type === AST_NODE_TYPES.SpreadElement) return false;
  const n = skipTransparent(arg);
  if (isFunctionNode(n)) return logsEveryRequest(context, n);
  if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTransparent(n.callee);
    // require('morgan')('dev'), require('./middleware/request-logger')
    const required = getRequiredModule(callee) ?? (n.type === AST_NODE_TYPES.CallExpression ? getRequiredModule(n) : null);
    if (required !== null) return REQUEST_LOGGER_PACKAGES.has(required) || extra.includes(required) || isLoggingName(required);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'bind') {
      return isRequestLoggerMiddleware(context, callee.object, extra, depth + 1);
    }
    const path = getMemberPath(callee);
    const named = namesRequestLogger(context, callee, path, extra);
    if (named !== null) return named;
    // requestLogger() defined in this file: the function it returns logs
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const factory = resolveFunction(context, callee);
      if (factory && returnsRequestLogger(context, factory)) return true;
    }
    // unless(morgan('dev'), { path: ['/health'] }), ignoreAssets(logger()): a wrapper around a logger
    if (n.arguments.some((a) => (a.type === AST_NODE_TYPES.CallExpression || a.type === AST_NODE_TYPES.NewExpression) && isRequestLoggerMiddleware(context, a, extra, depth + 1))) return true;
    // app.useLogger(app.get(Logger)) with nestjs-pino
    return n.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && isImportedLogger(context, a, extra));
  }
  if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) {
    const path = getMemberPath(n);
    const named = namesRequestLogger(context, n, path, extra);
    if (named !== null) return named;
    // app.use(header), `header` the middleware a project module exports, which logs each request (`ctx.url`).
    if (importedFunctionSatisfies(context, n, 'logsEveryRequest', (module, fn) => logsEveryRequest(module.context, fn))) return true;
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = def?.type === 'Variable' ? def.node.init : null;
      if (init) return isRequestLoggerMiddleware(context, init, extra, depth + 1);
    }
    const fn = resolveCallbackArgument(context, n);
    return fn !== null && logsEveryRequest(context, fn);
  }
  return false;
}

/** `Logger` imported from nestjs-pino (or a configured package) as an argument: `app.get(Logger)`. */
function isImportedLogger(context: Context, node: TSESTree.Node, extra: readonly string[]): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = getImportSource(context, n);
  return !!binding && (REQUEST_LOGGER_PACKAGES.has(binding.source) || extra.includes(binding.source));
}

function returnsRequestLogger(context: Context, factory: AnyFunction): boolean {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTransparent(factory.body);
    return isFunctionNode(body) && logsEveryRequest(context, body);
  }
  for (const statement of factory.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      const value = skipTransparent(statement.argument);
      if (isFunctionNode(value)) return logsEveryRequest(context, value);
      const fn = resolveCallbackArgument(context, value);
      if (fn && fn !== factory) return logsEveryRequest(context, fn);
    }
  }
  return false;
}

/** Request fields a per-request log line mentions. */
const REQUEST_FIELDS = new Set(['method', 'url', 'originalUrl', 'path', 'statusCode', 'status', 'routerPath', 'routeOptions', 'elapsedTime', 'responseTime']);
/** Events that mark the end of a response. */
const FINISH_EVENTS = new Set(['finish', 'close']);
const MAX_WALK = 4000;

/**
 * Whether a middleware / hook function writes a log line for every request: it contains a
 * logger call that mentions the request (`req.method`, `ctx.url`, `c.req.path`,
 * `res.statusCode`), or a logger call inside a `res.on('finish' | 'close')` /
 * `onFinished(res, …)` callback. Nested callbacks of the function are searched (bounded).
 */
export function logsEveryRequest(context: Context, fn: AnyFunction): boolean {
  const answers = perFileMap(requestLoggingFnCache, context.sourceCode);
  const cached = answers.get(fn);
  if (cached !== undefined) return cached;
  answers.set(fn, false);
  const keys = context.sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [fn.body];
  let visited = 0;
  let result = false;
  while (stack.length > 0 && !result && visited < MAX_WALK) {
    const node = stack.pop()!;
    visited += 1;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const call = getLoggerCall(context, node);
      if (call && call.via === 'logger' && (mentionsRequestField(call.args, keys) || inFinishCallback(node, fn))) {
        result = true;
        break;
      }
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof (c as TSESTree.Node).type === 'string') stack.push(c as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  answers.set(fn, result);
  return result;
}

function mentionsRequestField(args: readonly TSESTree.Node[], keys: TSESLint.SourceCode.VisitorKeys): boolean {
  const stack: TSESTree.Node[] = [...args];
  let visited = 0;
  while (stack.length > 0 && visited < 500) {
    const node = stack.pop()!;
    visited += 1;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(node);
      if (name !== null && REQUEST_FIELDS.has(name)) return true;
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof (c as TSESTree.Node).type === 'string') stack.push(c as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

/** `res.on('finish', () => log(...))`, `onFinished(res, () => log(...))` between `node` and `fn`. */
function inFinishCallback(node: TSESTree.Node, fn: AnyFunction): boolean {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && current !== fn) {
    if (isFunctionNode(current) && current.parent?.type === AST_NODE_TYPES.CallExpression) {
      const call = current.parent;
      const path = getCalleePath(call);
      const last = path === null ? (call.callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(call.callee) : null) : lastSegment(path);
      if ((last === 'on' || last === 'once') && FINISH_EVENTS.has(getStringValue(call.arguments[0]) ?? '')) return true;
      if (last === 'onFinished' || last === 'onHeaders') return true;
    }
    current = current.parent;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Error-handler registrations that frameworks.ts does not model
// ---------------------------------------------------------------------------

export type ErrorEventKind = 'process' | 'server' | 'koa-app' | 'fastify' | 'hono';

export interface ErrorEventRegistration {
  kind: ErrorEventKind;
  /** `uncaughtException`, `unhandledRejection`, `error`; for Fastify/Hono the registering method. */
  event: string;
  call: TSESTree.CallExpression;
  /** The event-name argument, for reports on handlers without parameters. */
  eventNode: TSESTree.Node | null;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const PROCESS_EVENTS = new Set(['uncaughtException', 'unhandledRejection']);
const SERVER_NAME = /^(?:server|httpServer|httpsServer|http2Server|webServer|apiServer|srv)$/iu;
const registrationCache = fileCache<Map<AnyFunction, ErrorEventRegistration | null>>();

/**
 * How a function is registered as a process- or server-level error handler:
 * `process.on('uncaughtException' | 'unhandledRejection', fn)`, `server.on('error', fn)` on
 * an HTTP server (`http.createServer()`, `app.listen()`, a variable named `server`),
 * Koa's `app.on('error', fn)`, Fastify's `setErrorHandler(fn)` and Hono's `app.onError(fn)`
 * whether `fn` is written inline or passed by name.
 */
export function getErrorEventRegistration(context: Context, fn: AnyFunction): ErrorEventRegistration | null {
  const answers = perFileMap(registrationCache, context.sourceCode);
  if (answers.has(fn)) return answers.get(fn)!;
  let result: ErrorEventRegistration | null = null;
  for (const site of registrationSites(context, fn)) {
    result = classifyRegistration(context, site.call, site.arg);
    if (result) break;
  }
  answers.set(fn, result);
  return result;
}

function registrationSites(context: Context, fn: AnyFunction): { call: TSESTree.CallExpression; arg: TSESTree.Node }[] {
  const sites: { call: TSESTree.CallExpression; arg: TSESTree.Node }[] = [];
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    sites.push({ call: parent, arg: fn });
    return sites;
  }
  let variable: TSESLint.Scope.Variable | null | undefined = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name);
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    variable = context.sourceCode.getDeclaredVariables(parent)[0];
  }
  for (const ref of variable?.references ?? []) {
    const p = ref.identifier.parent;
    if (p?.type === AST_NODE_TYPES.CallExpression && p.arguments.includes(ref.identifier as TSESTree.Identifier)) {
      sites.push({ call: p, arg: ref.identifier });
    }
  }
  return sites;
}

function classifyRegistration(context: Context, call: TSESTree.CallExpression, arg: TSESTree.Node): ErrorEventRegistration | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (method === null) return null;
  const receiver = skipTransparent(callee.object);
  if (method === 'setErrorHandler' && call.arguments[0] === arg) return { kind: 'fastify', event: method, call, eventNode: null };
  if (method === 'onError' && call.arguments.length === 1 && call.arguments[0] === arg && isHonoApp(context, receiver)) {
    return { kind: 'hono', event: method, call, eventNode: null };
  }
  if (!LISTENER_METHODS.has(method) || call.arguments.length !== 2 || call.arguments[1] !== arg) return null;
  const eventNode = call.arguments[0]!;
  const event = getStringValue(eventNode);
  if (event === null) return null;
  if (PROCESS_EVENTS.has(event) && isProcessObject(receiver, context)) {
    return isTemporaryProcessListener(context, call) ? null : { kind: 'process', event, call, eventNode };
  }
  if (event !== 'error') return null;
  const creation = getCreationCall(context, receiver);
  if (creation && getServerCreation(context, creation)?.framework === 'koa') return { kind: 'koa-app', event, call, eventNode };
  if (isHttpServer(context, receiver, creation)) return { kind: 'server', event, call, eventNode };
  return null;
}

function isHonoApp(context: Context, receiver: TSESTree.Node): boolean {
  const creation = getCreationCall(context, receiver);
  if (creation) return getServerCreation(context, creation)?.framework === 'hono';
  // app.onError in a file that imports Hono: the app may come from a factory.
  return context.sourceCode.ast.body.some(
    (s) => s.type === AST_NODE_TYPES.ImportDeclaration && (HONO_MODULES.has(s.source.value) || s.source.value.startsWith('@hono/')),
  );
}

/** `app.listen(...)`, `http.createServer(...)`, `fastify.server`, or a variable named like a server. */
function isHttpServer(context: Context, receiver: TSESTree.Node, creation: TSESTree.CallExpression | TSESTree.NewExpression | null): boolean {
  if (creation) {
    if (creation.type === AST_NODE_TYPES.CallExpression) {
      const path = getCalleePath(creation);
      const last = path === null ? null : lastSegment(path);
      if (last === 'listen' || last === 'createServer' || last === 'createSecureServer') return true;
    }
    const created = getServerCreation(context, creation);
    return created?.framework === 'node-http';
  }
  const path = getMemberPath(receiver);
  return path !== null && SERVER_NAME.test(lastSegment(path)) && !isOutgoingSocket(context, receiver);
}

const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e|fixtures?)[\\/]|\.(?:test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/iu;

/** Test code: `*.test.*`, `*.spec.*`, `*.e2e-spec.*`, or under `test/`, `tests/`, `__tests__/`, `spec/`, `e2e/`, `fixtures/`. */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}

// ---------------------------------------------------------------------------
// package.json
// ---------------------------------------------------------------------------

/** Nearest package.json's runtime dependencies, by directory. Package manifests do not depend on the linted file. */
const dependencyCache = new Map<string, ReadonlySet<string> | null>();

/**
 * The `dependencies` (and `optionalDependencies` / `peerDependencies`) of the package.json
 * nearest to the linted file, or null when there is none or it cannot be read.
 * Read once per directory and cached.
 */
export function getDependencies(context: Context): ReadonlySet<string> | null {
  const filename = context.physicalFilename || context.filename;
  if (!filename || filename.startsWith('<')) return null;
  const absolute = isAbsolute(filename) ? filename : resolve(context.cwd, filename);
  return dependenciesFrom(dirname(absolute));
}

function dependenciesFrom(start: string): ReadonlySet<string> | null {
  const visited: string[] = [];
  let dir = start;
  let result: ReadonlySet<string> | null = null;
  for (;;) {
    if (dependencyCache.has(dir)) {
      result = dependencyCache.get(dir)!;
      break;
    }
    visited.push(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      result = readManifest(manifest);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of visited) dependencyCache.set(d, result);
  return result;
}

function readManifest(path: string): ReadonlySet<string> | null {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      const deps = json[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
    return names;
  } catch {
    // A malformed manifest only turns the suggestions off; the lint run must not fail on it.
    return null;
  }
}

