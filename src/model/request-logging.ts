/**
 * Whether a file turns on request logging for the servers it creates, beyond a middleware
 * argument (`servers.ts` answers that one): a per-request hook or interceptor, nestjs-pino's
 * logger, a Fastify adapter with a logger, a Nest root module that registers logging, or a
 * plain Node listener that serves an application at all.
 *
 * `extra` is the rule's list of configured package or middleware names; it is an argument,
 * never part of a cached answer.
 */
import { posix } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findProperty, findVariable, getCalleePath, getPropertyName, getStringValue, lastSegment, skipTransparent } from './ast.js';
import { resolveCallbackArgument } from './background.js';
import { isOnOnlyInDebugOrDevelopment } from './environment.js';
import { getImportSource, getImportedBinding, readImportedSource } from './modules.js';
import { type ServerCreation, REQUEST_LOGGER_PACKAGES, getServerCreation, isLoggingName, isRequestLoggerMiddleware, logsEveryRequest } from './servers.js';

/** Calls that register middleware, plugins, hooks or interceptors on an app. */
const REGISTER_METHODS = new Set(['use', 'register', 'useGlobalInterceptors', 'apply', 'addHook', 'all']);
/** Fastify hooks that run once per request. */
const REQUEST_HOOKS = new Set(['onRequest', 'preHandler', 'onResponse', 'onSend', 'preValidation', 'preParsing']);
/** A module file that registers logging (or any middleware or global interceptor) for a Nest app. */
const NEST_MODULE_LOGGING = /nestjs-pino|Logging|LoggerMiddleware|RequestLogger|HttpLogger|morgan|pino-http|APP_INTERCEPTOR|MiddlewareConsumer/u;
/** Where a module imports `LoggerModule` from: `import { LoggerModule } from 'x'`, compiled `const m_1 = require("x")` … `m_1.LoggerModule`. */
const LOGGER_MODULE_IMPORT = /import\s*\{[^}]*\bLoggerModule\b[^}]*\}\s*from\s*['"]([^'"]+)['"]/u;
const REQUIRED_BINDINGS = /\b(?:const|var|let)\s+(\w+)\s*=\s*(?:__importStar\()?require\(\s*['"]([^'"]+)['"]\s*\)/gu;
/** A helper named for logging requests: `logRequest`, `responseLogger`, `httpLog`, `accessLogger`. */
const REQUEST_LOG_CALL = /(?:request|response|http|access)/iu;

/**
 * Anything among a file's calls registers request logging: middleware, a per-request hook that
 * logs, an interceptor, nestjs-pino's logger (`app.useLogger(app.get(Logger))`), or a helper named
 * for it called with arguments (`logRequest(req)` in a hook). `calls`: every call of the file.
 */
export function fileRegistersRequestLogging(context: Context, calls: readonly TSESTree.CallExpression[], extra: readonly string[]): boolean {
  for (const call of calls) {
    const callee = skipTransparent(call.callee);
    // responseLogger(request) in an Apollo formatResponse, logRequest(req) in a hook
    const calleePath = getCalleePath(call);
    if (calleePath !== null && REQUEST_LOG_CALL.test(lastSegment(calleePath)) && isLoggingName(lastSegment(calleePath)) && call.arguments.length > 0) return true;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getPropertyName(callee);
    if (method === null) continue;
    if (method === 'useLogger') {
      if (call.arguments.some((a) => mentionsLoggerPackage(context, a, extra))) return true;
      continue;
    }
    if (!REGISTER_METHODS.has(method)) continue;
    if (method === 'addHook') {
      const hook = getStringValue(call.arguments[0]);
      const fn = call.arguments[1] ? resolveCallbackArgument(context, call.arguments[1]) : null;
      if (hook !== null && REQUEST_HOOKS.has(hook) && fn && logsEveryRequest(context, fn)) return true;
      continue;
    }
    if (call.arguments.some((a) => isRequestLoggerMiddleware(context, a, extra))) return true;
  }
  return false;
}

/** `app.get(Logger)` / `Logger` where Logger comes from nestjs-pino or a configured package. */
function mentionsLoggerPackage(context: Context, node: TSESTree.Node, extra: readonly string[]): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const binding = getImportSource(context, n);
    return !!binding && (REQUEST_LOGGER_PACKAGES.has(binding.source) || extra.includes(binding.source));
  }
  if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    return n.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && mentionsLoggerPackage(context, a, extra)) || mentionsLoggerPackage(context, n.callee, extra);
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) return mentionsLoggerPackage(context, n.object, extra);
  return false;
}

/** A literal `false` (through parentheses and type assertions). */
export function isLiteralFalse(node: TSESTree.Node): boolean {
  const v = skipTransparent(node);
  return v.type === AST_NODE_TYPES.Literal && v.value === false;
}

/** `NestFactory.create(AppModule, new FastifyAdapter({ logger: true }))`: the adapter logs requests. */
export function nestAdapterLogs(creation: ServerCreation): boolean {
  return creation.node.arguments.some((arg) => {
    const a = skipTransparent(arg);
    if (a.type !== AST_NODE_TYPES.NewExpression || getCalleePath(a) !== 'FastifyAdapter') return false;
    const opts = a.arguments[0] ? skipTransparent(a.arguments[0]) : null;
    if (!opts) return false;
    if (opts.type !== AST_NODE_TYPES.ObjectExpression) return true;
    const logger = findProperty(opts, 'logger');
    return !!logger && !isLiteralFalse(logger.value) && !isOnOnlyInDebugOrDevelopment(logger.value);
  });
}

/**
 * Nest apps register request logging in their root module (`consumer.apply(LoggerMiddleware)`,
 * an `APP_INTERCEPTOR`, nestjs-pino's `LoggerModule`). Read that module's file; when it cannot be
 * read, assume it may.
 */
export function nestModuleMayLog(context: Context, creation: ServerCreation): boolean {
  const first = creation.node.arguments[0] ? skipTransparent(creation.node.arguments[0]) : null;
  if (!first) return true;
  // `AppModule`; compiled: `app_module_1.AppModule`
  if (first.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context, first)?.defs[0];
    if (def && def.type === 'ClassName') return moduleTextMayLog(context, '.', context.sourceCode.getText(def.node), 0);
  }
  const binding = getImportedBinding(context, first);
  if (!binding) return true;
  const text = readImportedSource(context, binding.source);
  return text === null || moduleTextMayLog(context, binding.source, text, 0);
}

/**
 * A Nest module's text registers logging. `LoggerModule` is nestjs-pino's (request logging) when it
 * comes from a package, but an app's own logger module (`./core/logger/logger.module`) only sets up
 * the app's logger: that one is read in turn (one level) and judged by what it registers.
 */
function moduleTextMayLog(context: Context, source: string, text: string, depth: number): boolean {
  if (NEST_MODULE_LOGGING.test(text)) return true;
  // The app's own logger module defines `LoggerModule`: only what it registers counts.
  if (depth > 0 || !/\bLoggerModule\b/u.test(text)) return false;
  const from = loggerModuleSource(text);
  if (from === null || !from.startsWith('.') || !source.startsWith('.')) return true;
  const nested = posix.join(posix.dirname(source), from);
  const nestedText = readImportedSource(context, nested.startsWith('.') ? nested : `./${nested}`);
  return nestedText === null || moduleTextMayLog(context, nested, nestedText, depth + 1);
}

/** The specifier a module's text imports `LoggerModule` from, or null when it cannot tell. */
function loggerModuleSource(text: string): string | null {
  const named = LOGGER_MODULE_IMPORT.exec(text);
  if (named) return named[1]!;
  for (const [, name, spec] of text.matchAll(REQUIRED_BINDINGS)) {
    if (new RegExp(`\\b${name}\\.LoggerModule\\b`, 'u').test(text)) return spec!;
  }
  return null;
}

/** The listener reads `req.url` / `req.method`: it serves an application, not a probe. */
export function readsRequestTarget(context: Context, fn: AnyFunction): boolean {
  const param = fn.params[0];
  if (!param || param.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === param.name);
  return !!variable?.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) return false;
    const name = getPropertyName(parent);
    return name === 'url' || name === 'method';
  });
}

/**
 * The listener hands the request and response on to a framework app this file creates
 * (`const app = express(); createServer((req, res) => { trace(req); app(req, res); })`): it wraps
 * the app, whose own setup answers for request logging. A hand-written router
 * (`listItems(req, res)`) does not.
 */
export function handsRequestOn(context: Context, fn: AnyFunction): boolean {
  const [req, res] = fn.params;
  if (req?.type !== AST_NODE_TYPES.Identifier || res?.type !== AST_NODE_TYPES.Identifier) return false;
  const variables = context.sourceCode.getDeclaredVariables(fn);
  const reqVar = variables.find((v) => v.name === req.name);
  return !!reqVar?.references.some((ref) => {
    const call = ref.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((a) => a === ref.identifier)) return false;
    if (!call.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === res.name)) return false;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const def = findVariable(context, callee)?.defs[0];
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
    let init = skipTransparent(def.node.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
    return (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression) && getServerCreation(context, init) !== null;
  });
}

/** `http.createServer((req, res) => …)`: the request listener a server creation is given (inline or by name), else null (`createServer(app)` wraps a framework app). */
export function getServerListener(context: Context, creation: ServerCreation): AnyFunction | null {
  return creation.node.arguments.map((a) => resolveCallbackArgument(context, a)).find((fn) => fn !== null) ?? null;
}

/**
 * A framework's own `listen`: `app.listen = function () { const server = http.createServer(this); return
 * server.listen(...arguments) }` (Express's application.js), `handle.listen = (...args) =>
 * http.createServer(handle).listen(...args)` (a connect re-implementation), a class's `listen() {
 * http.createServer(this.callback()) }`. The server serves the app object the `listen` belongs to, whose
 * middleware its users register, a request logger among them: the request log is theirs to set up.
 */
export function isFrameworkListen(creation: ServerCreation): boolean {
  const first = creation.node.arguments[0] ? skipTransparent(creation.node.arguments[0]) : null;
  if (!first) return false;
  let fn: TSESTree.Node | undefined = creation.node.parent;
  while (fn && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionDeclaration) fn = fn.parent;
  const holder = fn?.parent;
  if (!holder) return false;
  // Which object `listen` belongs to: `this` for a method, the assigned object for `x.listen = …`.
  let owner: string | null = null;
  if ((holder.type === AST_NODE_TYPES.MethodDefinition || holder.type === AST_NODE_TYPES.Property) && holder.value === fn && getPropertyName(holder) === 'listen') owner = 'this';
  else if (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.right === fn && holder.left.type === AST_NODE_TYPES.MemberExpression && getPropertyName(holder.left) === 'listen') {
    const object = skipTransparent(holder.left.object);
    owner = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.ThisExpression ? 'this' : null;
  }
  if (owner === null) return false;
  // The server's listener is that object: `this`, `handle`, `this.callback()`.
  const served = first.type === AST_NODE_TYPES.CallExpression && first.callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(first.callee.object) : first;
  if (served.type === AST_NODE_TYPES.ThisExpression) return owner === 'this';
  return served.type === AST_NODE_TYPES.Identifier && served.name === owner;
}
