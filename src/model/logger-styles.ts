/**
 * What each logger does with an Error, in one place. Error properties (`message`, `stack`,
 * `cause`) are not enumerable, so a logger prints `{}` unless it knows a value is an Error:
 *
 * - pino: the error serializer runs on the `err` key (always) and on the `errorKey` and
 *   `serializers` keys given at creation; an Error as the first argument also works.
 *   `{ error: err }` prints `"error":{}`.
 * - bunyan: an Error as the first argument always keeps it; the `err` key (or any other
 *   key) only with a serializer for it (`serializers: bunyan.stdSerializers`).
 * - winston (`format.errors({ stack: true })`): an Error as the message or as the meta
 *   argument itself (`logger.error('msg', err)`); `{ err }` meta prints `"err":{}`. Extra
 *   fields go on a child logger: `logger.child({ id }).error('msg', err)`.
 * - Nest `Logger.error(message, stack?, context?)`: the stack is the second argument.
 * - console, log4js: the Error as an argument (util.format prints its stack).
 *
 * tests/integration/logger-runtime.test.ts runs the real loggers on the text the fixes write.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type Context,
  findVariable,
  getMemberPath,
  getPropertyName,
  getStringValue,
  getVariableInit,
  lastSegment,
  skipTransparent,
  unwrapIndirectCall,
} from './ast.js';
import { fileCache, perNode } from './file-cache.js';
import { getImportSource, getRequiredModule } from './modules.js';
import { moduleImportOf } from './project-files.js';
import { thisMemberInit } from './class-members.js';
import type { LoggerCall } from './loggers.js';
import { type LoggerStyle, getSettings } from '../core/settings.js';

export type StyleSource = 'configured' | 'creation' | 'framework' | 'console' | 'convention';

export interface ResolvedLoggerStyle {
  style: LoggerStyle;
  /**
   * How we know: the configured logger itself, the logger's creation in this file, a framework
   * request logger, `console`, or only the configured style taken as the project's convention.
   */
  source: StyleSource;
  /**
   * pino / bunyan: keys whose values are serialized as errors, when the creation call is in
   * this file (pino: `err` plus `errorKey` and error serializers; bunyan: its serializer keys).
   * Null when the creation is not visible.
   */
  errorKeys: ReadonlySet<string> | null;
}

/** Request-scoped loggers frameworks attach (Fastify, pino-http, koa-pino-logger, restify/bunyan share pino's call shape). */
export const FRAMEWORK_LOGGER_PATH = /^(?:req|request|reply|ctx|fastify|app|server)\.log$/u;

const cache = fileCache<Map<TSESTree.Node, ResolvedLoggerStyle | null>>();

/**
 * The one style resolution every rule uses for a logger object (the `x` in `x.error(…)`):
 * `console`; the configured logger (`settings['security-logging'].logger.style`); the style
 * its creation in this file shows (`pino()`, `winston.createLogger()`, `bunyan.createLogger()`,
 * `log4js.getLogger()`, `new Logger()` from @nestjs/common, `.child()` of one of those); a
 * framework request logger (`req.log`, `request.log`, `ctx.log`: pino's shape); otherwise the
 * configured style as the project's convention; otherwise null (unknown).
 */
export function resolveLoggerStyle(context: Context, loggerObject: TSESTree.Node): ResolvedLoggerStyle | null {
  const n = skipTransparent(loggerObject);
  return perNode(cache, context.sourceCode, n, () => computeStyle(context, n));
}

function computeStyle(context: Context, n: TSESTree.Node): ResolvedLoggerStyle | null {
  const path = getMemberPath(n);
  if (path === 'console') return { style: 'console', source: 'console', errorKeys: null };
  const configured = getSettings(context).logger;
  const created = creationOf(context, n, 0);
  if (configured && path === configured.name) {
    return { style: configured.style, source: 'configured', errorKeys: created?.style === configured.style ? created.errorKeys : null };
  }
  if (created) return created;
  if (path !== null && FRAMEWORK_LOGGER_PATH.test(path)) return { style: 'pino', source: 'framework', errorKeys: null };
  if (path === 'winston') return { style: 'winston', source: 'creation', errorKeys: null };
  if (configured) return { style: configured.style, source: 'convention', errorKeys: null };
  return null;
}

/** The style shown by the call that created the logger `n` refers to, in this file. */
function creationOf(context: Context, n: TSESTree.Node, depth: number): ResolvedLoggerStyle | null {
  if (depth > 4) return null;
  let init: TSESTree.Node | null = null;
  if (n.type === AST_NODE_TYPES.Identifier) {
    init = getVariableInit(findVariable(context, n));
  } else if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression) {
    init = thisMemberInit(n);
  } else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    init = n;
  }
  if (!init) return null;
  const created = skipTransparent(init);
  if (created.type !== AST_NODE_TYPES.CallExpression && created.type !== AST_NODE_TYPES.NewExpression) {
    return created.type === AST_NODE_TYPES.Identifier || created.type === AST_NODE_TYPES.MemberExpression
      ? creationOf(context, created, depth + 1)
      : null;
  }
  const callee = skipTransparent(created.callee);
  // pino().child({...}), logger.child(...): the parent's style and serializers.
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'child') {
    return creationOf(context, skipTransparent(callee.object), depth + 1);
  }
  const style = loggerFactory(context, created)?.style;
  if (!style) return null;
  return { style, source: 'creation', errorKeys: style === 'pino' || style === 'bunyan' ? serializedKeys(style, created.arguments[0]) : null };
}

/** The logger package a creation call uses, and the factory it calls (`createLogger`, `ConsoleLogger`, …; null for `pino()`). */
export interface LoggerFactory {
  style: LoggerStyle;
  name: string | null;
}

/**
 * Which logger package a call creates a logger with — the one answer for every question about a
 * logger's creation (its call style here, its output format in log-formats.ts): `pino(…)`,
 * `require('pino')(…)`, `(0, pino_1.default)(…)`, `bunyan.createLogger(…)` / `new bunyan(…)`,
 * `winston.createLogger(…)` (winston 2's `new winston.Logger(…)` too), `log4js.getLogger(…)`,
 * `new Logger(…)` / `new ConsoleLogger(…)` from @nestjs/common, nestjs-pino's `PinoLogger`. The
 * package is the import's (TypeScript's `x_1.default.createLogger` interop included), else the
 * package's own global name. Any other call of those modules (`winston.format.json()`,
 * `log4js.configure()`) creates no logger.
 */
export function loggerFactory(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression): LoggerFactory | null {
  const callee = skipTransparent(unwrapIndirectCall(call.callee));
  if (getRequiredModule(callee) === 'pino') return { style: 'pino', name: null };
  let root = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : callee;
  // bunyan_1.default.createLogger(…): TypeScript's default-import interop.
  if (root.type === AST_NODE_TYPES.MemberExpression && getPropertyName(root) === 'default') root = skipTransparent(root.object);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  let module: string | null = null;
  let imported: string | null = null;
  if (root.type === AST_NODE_TYPES.CallExpression) module = getRequiredModule(root);
  else if (root.type === AST_NODE_TYPES.Identifier) {
    const source = getImportSource(context, root) ?? moduleImportOf(context.sourceCode.ast, root.name);
    // No import in sight: the well-known global names, in their factory form only (below).
    module = source ? source.source : GLOBAL_FACTORY_NAMES.has(root.name) ? root.name : null;
    imported = source?.imported ?? null;
  }
  const name = method ?? imported;
  switch (module) {
    case 'pino':
      return method === null || method === 'default' || method === 'pino' ? { style: 'pino', name: null } : null;
    case 'nestjs-pino':
      return name === 'PinoLogger' ? { style: 'pino', name } : null;
    case 'bunyan':
      return name === 'createLogger' || (method === null && call.type === AST_NODE_TYPES.NewExpression) ? { style: 'bunyan', name } : null;
    case 'winston':
      return name === 'createLogger' || (name === 'Logger' && call.type === AST_NODE_TYPES.NewExpression) ? { style: 'winston', name } : null;
    case 'log4js':
      return name === 'getLogger' ? { style: 'log4js', name } : null;
    case '@nestjs/common':
      return name === 'Logger' || name === 'ConsoleLogger' ? { style: 'nest', name } : null;
    default:
      return null;
  }
}

const GLOBAL_FACTORY_NAMES = new Set(['pino', 'bunyan', 'winston', 'log4js']);


/** The keys a pino / bunyan creation call serializes as errors. */
function serializedKeys(style: 'pino' | 'bunyan', options: TSESTree.Node | undefined): ReadonlySet<string> | null {
  const keys = new Set<string>(style === 'pino' ? ['err'] : []);
  if (style === 'bunyan') {
    // bunyan.createLogger({ name, serializers })
    if (!options || options.type !== AST_NODE_TYPES.ObjectExpression) return null;
  }
  if (!options) return keys;
  const opts = skipTransparent(options);
  if (opts.type !== AST_NODE_TYPES.ObjectExpression) {
    // pino(destination), pino(process.stdout): defaults. An options variable we cannot read: unknown.
    return style === 'pino' && opts.type === AST_NODE_TYPES.CallExpression ? keys : null;
  }
  for (const prop of opts.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) return null;
    const key = getPropertyName(prop);
    if (key === 'errorKey') {
      const value = getStringValue(prop.value);
      if (value === null) return null;
      keys.add(value);
    } else if (key === 'serializers') {
      const value = skipTransparent(prop.value);
      const path = getMemberPath(value);
      // serializers: bunyan.stdSerializers / pino.stdSerializers
      if (path !== null && lastSegment(path) === 'stdSerializers') keys.add('err');
      else if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const s of value.properties) {
          if (s.type === AST_NODE_TYPES.SpreadElement) {
            const spread = getMemberPath(s.argument);
            if (spread !== null && lastSegment(spread) === 'stdSerializers') keys.add('err');
            else return null;
            continue;
          }
          const name = getPropertyName(s);
          const fn = getMemberPath(skipTransparent(s.value));
          if (name !== null && (fn === null || /err/iu.test(lastSegment(fn)))) keys.add(name);
        }
      } else {
        return null;
      }
    }
  }
  return keys;
}

/** Whether an object key keeps an Error value in this logger's output. */
export function keyKeepsError(resolved: ResolvedLoggerStyle, key: string): boolean | null {
  switch (resolved.style) {
    case 'pino':
      if (key === 'err') return true;
      return resolved.errorKeys ? resolved.errorKeys.has(key) : null;
    case 'bunyan':
      return resolved.errorKeys ? resolved.errorKeys.has(key) : null;
    case 'winston':
      // winston copies meta's own enumerable properties: an Error nested in meta prints {}.
      return false;
    default:
      return null;
  }
}

export interface ErrorLogParts {
  /** Logger expression: `logger`, `this.logger`, `req.log`. */
  logger: string;
  method: string;
  /** Expression text of the message (already quoted when literal). */
  message: string;
  /** Expression text of the error, if any. */
  error?: string;
  /** Object-literal text of extra fields (`{ id, path: req.path }`), if any. */
  fields?: string;
  /** pino / bunyan keys known to serialize errors (from the creation call). */
  errorKeys?: ReadonlySet<string> | null;
}

/**
 * The text of a log call that keeps the error's message, stack and cause with this style.
 * Fields that cannot sit beside the error without hiding it go on a child logger.
 */
export function errorLogCallText(style: LoggerStyle, parts: ErrorLogParts): string {
  const { logger, method, message, error, fields } = parts;
  if (error === undefined) {
    switch (style) {
      case 'pino':
      case 'bunyan':
        return `${logger}.${method}(${fields ? `${fields}, ` : ''}${message})`;
      case 'nest':
        return `${logger}.${method}(${fields ? mergeIntoObject(fields, `message: ${message}`) : message})`;
      default:
        return `${logger}.${method}(${message}${fields ? `, ${fields}` : ''})`;
    }
  }
  const errProp = error === 'err' ? 'err' : `err: ${error}`;
  switch (style) {
    case 'pino':
      return `${logger}.${method}(${fields ? mergeIntoObject(fields, errProp) : `{ ${errProp} }`}, ${message})`;
    case 'bunyan':
      if (!fields) return `${logger}.${method}(${error}, ${message})`;
      if (parts.errorKeys?.has('err')) return `${logger}.${method}(${mergeIntoObject(fields, errProp)}, ${message})`;
      return `${logger}.child(${fields}).${method}(${error}, ${message})`;
    case 'winston':
      return fields ? `${logger}.child(${fields}).${method}(${message}, ${error})` : `${logger}.${method}(${message}, ${error})`;
    case 'nest': {
      const stack = `${error} instanceof Error ? ${error}.stack : String(${error})`;
      if (method === 'error' || method === 'fatal') {
        return `${logger}.${method}(${fields ? mergeIntoObject(fields, `message: ${message}`) : message}, ${stack})`;
      }
      // warn/log/debug take (message, context): the stack travels inside the message object.
      const base = `message: ${message}, stack: ${stack}`;
      return `${logger}.${method}(${fields ? mergeIntoObject(fields, base) : `{ ${base} }`})`;
    }
    case 'log4js':
    case 'console':
    default:
      return `${logger}.${method}(${message}, ${error}${fields ? `, ${fields}` : ''})`;
  }
}

/** `{ a, b }` + `x` → `{ x, a, b }`. */
function mergeIntoObject(objectText: string, prop: string): string {
  const inner = objectText.trim().replace(/^\{/u, '').replace(/\}$/u, '').trim().replace(/,$/u, '');
  return inner === '' ? `{ ${prop} }` : `{ ${prop}, ${inner} }`;
}

/** One line per style for messages and docs: the call shape that keeps the error. */
export function keepingShape(style: LoggerStyle, logger: string, method: string, error: string): string {
  return errorLogCallText(style, { logger, method, message: "'…'", error });
}

/**
 * Unknown logger: the one guess from the call's shape, for a suggestion only (never an autofix):
 * an object first argument is pino's shape; `this.logger` / `Logger` called with any method but
 * `info` (Nest's Logger has none) and no object after the message is Nest's; anything else console's, whose `(message, error)` and
 * `(message, fields)` shapes winston and log4js print as well.
 */
export function guessLoggerStyle(call: LoggerCall): { style: LoggerStyle; confident: false } {
  const path = call.loggerPath ?? '';
  const first = call.node.arguments[0];
  if (first && skipTransparent(first).type === AST_NODE_TYPES.ObjectExpression) return { style: 'pino', confident: false };
  // Nest's Logger: no `info`, and what follows the message is a stack or context string, never an object.
  const objectAfterMessage = call.node.arguments.slice(1).some((a) => skipTransparent(a).type === AST_NODE_TYPES.ObjectExpression);
  if (/^(?:this\.#?_?logger|Logger)$/u.test(path) && call.method !== 'info' && !objectAfterMessage) return { style: 'nest', confident: false };
  return { style: 'console', confident: false };
}
