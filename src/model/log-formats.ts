/**
 * Does the logger behind a log call write JSON lines — one JSON object per record, with the message
 * a JSON string whose CR / LF are escaped, so that no value written into it can start a line of its
 * own? Read where the logger is created: in this file (through `const`s, `.child()`, a class field
 * `this.logger = …`), one import away in a relative module (`const logger_1 = require('../logs/logger')`
 * then `logger_1.log.info(…)`, `import logger from './logger'`), or the Fastify request / instance
 * logger inside a Fastify route.
 *
 * - pino: JSON, unless a pretty printer is configured (`prettyPrint`, a `pino-pretty` transport or
 *   stream) or the options cannot be read.
 * - bunyan: JSON, unless a formatting stream is given (`bunyan-format`, a `pretty` stream).
 * - winston: the last finalizing format decides — `json()` / `logstash()` (also winston's default,
 *   no `format` at all) against `printf()` / `simple()` / `cli()` / `prettyPrint()` — on the logger
 *   and on every transport; a transport or a format the code does not show is not known to be JSON.
 * - Fastify's `request.log` / `reply.log` / `app.log` inside a Fastify route: its pino logger.
 * - Nest's `new ConsoleLogger(name, { json: true })`.
 * - Backstage's LoggerService in a backend module (one importing `@backstage/backend-…` or a `…-node` /
 *   `…-backend` plugin package, or any file of a package that depends on `@backstage/backend-plugin-api`:
 *   package-manifest.ts), when the code does not show the logger's creation: its root logger writes
 *   JSON in production.
 * - Anything else (console, log4js layouts, debug, a project's own logger, DI-injected loggers): no.
 *
 * Nothing is kept beyond the question; the caller asks only for a log call it would report.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findProperty, findVariable, getMemberPath, getPropertyName, getVariableInit, lastSegment, skipTransparent } from './ast.js';
import { thisMemberInit } from './class-members.js';
import { fileCache, perFile } from './file-cache.js';
import { findEnclosingHandler } from './handlers.js';
import type { LoggerCall } from './loggers.js';
import { loggerFactory } from './logger-styles.js';
import { getImportSource, readImportedSource } from './modules.js';
import { moduleExport, parseProjectFileAnyHost } from './project-files.js';
import { packageDependencies } from './package-manifest.js';
import { isFastifyInstanceLogger } from './request-context.js';

type Format = 'json' | 'text' | null;

/** Winston formats that write the record's final text. */
const JSON_FORMATS = new Set(['json', 'logstash']);
const TEXT_FORMATS = new Set(['printf', 'simple', 'cli', 'prettyPrint']);
/** Winston formats that only add or change fields; the finalizing format comes after them. */
const FIELD_FORMATS = new Set(['timestamp', 'errors', 'colorize', 'uncolorize', 'label', 'splat', 'metadata', 'align', 'ms', 'padLevels']);
const REQUEST_LOGGER = /^(?:req|request|reply)\.log$/u;
/** `require('@backstage/plugin-events-node')`, `from '@backstage/backend-plugin-api'`: a Backstage backend module. */
const BACKSTAGE_IMPORT = /(?:\brequire\s*\(\s*|\bfrom\s+)['"]@backstage\/(?:backend-|plugin-[\w-]+-(?:node|backend)\b)/u;

/** Whether the logger of `call` writes JSON lines (see the module comment). */
export function writesJsonLines(context: Context, call: LoggerCall): boolean {
  if (call.via !== 'logger') return false;
  const callee = skipTransparent(call.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const logger = skipTransparent(callee.object);
  const path = getMemberPath(logger);
  if (path === 'console') return false;
  // Fastify's request logger, or the instance logger inside one of its routes: pino. `request.log` /
  // `reply.log` in a file that names Fastify (`fastify.get('/', async (request) => …)`, a handler the
  // handler model does not place) is Fastify's too.
  if ((path !== null && REQUEST_LOGGER.test(path)) || isFastifyInstanceLogger(logger)) {
    if (path !== null && /^(?:request|reply)\.log$/u.test(path) && /\bfastify\b/iu.test(context.sourceCode.text)) return true;
    return findEnclosingHandler(context, call.node)?.framework === 'fastify';
  }
  const format = loggerFormat(context, logger, 0, true);
  if (format !== null) return format === 'json';
  // Backstage's LoggerService, handed to a backend plugin (`options.logger.child(…)`, `deps.logger`, `this.logger`):
  // its root logger writes winston `json()` lines in production.
  return perFile(backstageModules, context.sourceCode, () => BACKSTAGE_IMPORT.test(context.sourceCode.text) || isBackstageBackendPackage(context));
}

/**
 * Whether the file's package is a Backstage backend plugin or module: it depends on Backstage's backend
 * plugin API (a service file of `@backstage/plugin-signals-backend` is handed `options.logger` and imports
 * nothing of Backstage).
 */
function isBackstageBackendPackage(context: Context): boolean {
  const deps = packageDependencies(context);
  return deps.has('@backstage/backend-plugin-api') || deps.has('@backstage/backend-common');
}

/** Whether the file is a Backstage backend module: one text test per file, not per log call. */
const backstageModules = fileCache<boolean>();

/** The format of the logger an expression holds; `crossModule` allows one hop into a relative module. */
function loggerFormat(context: Context, node: TSESTree.Node, depth: number, crossModule: boolean): Format {
  if (depth > 5) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTransparent(n.callee);
    // log.child({ module: 'auth' }): the parent's output.
    if (n.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'child') {
      return loggerFormat(context, callee.object, depth + 1, crossModule);
    }
    return creationFormat(context, n);
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const imported = crossModule ? getImportSource(context, n) : null;
    if (imported) return /^[.#]/u.test(imported.source) ? moduleExportFormat(context, imported.source, imported.imported) : null;
    const init = getVariableInit(findVariable(context, n));
    return init ? loggerFormat(context, init, depth + 1, crossModule) : null;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed) {
    const owner = skipTransparent(n.object);
    const name = getPropertyName(n);
    if (name === null) return null;
    if (owner.type === AST_NODE_TYPES.ThisExpression) {
      const init = thisMemberInit(n);
      return init ? loggerFormat(context, init, depth + 1, crossModule) : null;
    }
    // logger_1.log.info(…): compiled CommonJS reads a relative module's export off the module object.
    if (owner.type === AST_NODE_TYPES.Identifier && crossModule) {
      const from = getImportSource(context, owner);
      if (from && (from.imported === 'default' || from.imported === '*') && /^[.#]/u.test(from.source)) return moduleExportFormat(context, from.source, name);
    }
  }
  return null;
}

/** The format of the logger a relative module exports under `name` (`default` / `*`: its default export). */
function moduleExportFormat(context: Context, source: string, name: string): Format {
  const text = readImportedSource(context, source);
  // Only a module that names a logger package can create one.
  if (text === null || !/\b(?:pino|bunyan|winston|ConsoleLogger)\b/u.test(text)) return null;
  const module = parseProjectFileAnyHost(context, text);
  if (!module) return null;
  const value = moduleExport(module.ast, name);
  return value ? loggerFormat(module.context, value, 0, false) : null;
}

/** The format a logger factory call writes. */
function creationFormat(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression): Format {
  const factory = loggerFactory(context, call);
  if (!factory) return null;
  const options = call.arguments[0] ? resolveObject(context, call.arguments[0]) : null;
  const sourceText = (node: TSESTree.Node): string => context.sourceCode.getText(node);
  switch (factory.style) {
    case 'pino': {
      // pino(), pino(destination): the defaults. pino(opts, stream): a pretty stream prints text.
      if (call.arguments.some((a) => /pretty/iu.test(sourceText(a)))) return 'text';
      const first = call.arguments[0];
      if (!first) return 'json';
      if (!options) return skipTransparent(first).type === AST_NODE_TYPES.CallExpression ? 'json' : null;
      if (options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return null;
      const transport = property(options, 'transport');
      // A transport whose targets are not literal is not known.
      if (transport && !/\btarget\s*:\s*['"][^'"]+['"]/u.test(sourceText(transport))) return null;
      return property(options, 'prettyPrint') && !isFalse(property(options, 'prettyPrint')!) ? 'text' : 'json';
    }
    case 'bunyan':
      if (!options || options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return null;
      // A formatting stream (bunyan-format, a pretty printer) writes text; a raw stream gets the record object.
      if (/pretty|format/iu.test(sourceText(options))) return 'text';
      return /\btype\s*:\s*['"]raw['"]/u.test(sourceText(options)) ? null : 'json';
    case 'winston':
      // winston 2's `new winston.Logger(…)` printed text by default.
      return factory.name === 'createLogger' ? winstonFormat(context, call, options) : null;
    case 'nest': {
      // `new Logger(…)` hands records to the app's logger, whose format this file does not show.
      if (factory.name !== 'ConsoleLogger') return null;
      const nestOptions = call.arguments[1] ? resolveObject(context, call.arguments[1]) : options;
      const json = nestOptions ? property(nestOptions, 'json') : null;
      return json && skipTransparent(json).type === AST_NODE_TYPES.Literal && (skipTransparent(json) as TSESTree.Literal).value === true ? 'json' : 'text';
    }
    default:
      // log4js (its layouts decide) and the rest: not known here.
      return null;
  }
}

function winstonFormat(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression, options: TSESTree.ObjectExpression | null): Format {
  if (!call.arguments[0]) return 'json';
  if (!options || options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return null;
  const formatValue = property(options, 'format');
  const own = formatValue ? formatOf(context, formatValue, 0) : 'json';
  if (own !== 'json') return own;
  const transports = property(options, 'transports');
  if (!transports) return 'json';
  const list = skipTransparent(transports);
  const items = list.type === AST_NODE_TYPES.ArrayExpression ? list.elements : [list];
  for (const item of items) {
    // A transport the code does not show here may format its own text.
    if (!item || item.type === AST_NODE_TYPES.SpreadElement) return null;
    const t = skipTransparent(item);
    if (t.type !== AST_NODE_TYPES.NewExpression) return null;
    const transportOptions = t.arguments[0] ? resolveObject(context, t.arguments[0]) : null;
    if (t.arguments[0] && !transportOptions) return null;
    const transportFormat = transportOptions ? property(transportOptions, 'format') : null;
    const written = transportFormat ? formatOf(context, transportFormat, 0) : 'json';
    if (written !== 'json') return written;
  }
  return 'json';
}

/** The final text a winston format writes: the last finalizing format of a `combine(…)`. */
function formatOf(context: Context, node: TSESTree.Node, depth: number): Format {
  if (depth > 4) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = getVariableInit(findVariable(context, n));
    return init ? formatOf(context, init, depth + 1) : null;
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return null;
  const path = getMemberPath(n.callee);
  const name = path !== null ? lastSegment(path) : null;
  if (name === null) return null;
  if (JSON_FORMATS.has(name)) return 'json';
  if (TEXT_FORMATS.has(name)) return 'text';
  if (name !== 'combine') return null;
  for (let i = n.arguments.length - 1; i >= 0; i--) {
    const arg = skipTransparent(n.arguments[i]!);
    const argPath = arg.type === AST_NODE_TYPES.CallExpression ? getMemberPath(arg.callee) : null;
    if (argPath !== null && FIELD_FORMATS.has(lastSegment(argPath))) continue;
    return formatOf(context, arg, depth + 1);
  }
  return null;
}

function resolveObject(context: Context, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
  if (n.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const init = getVariableInit(findVariable(context, n));
    return init ? resolveObject(context, init, depth + 1) : null;
  }
  return null;
}

/** A property's value by name, as at run time (the last one wins): servers.ts's findProperty. */
function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | null {
  return findProperty(object, name)?.value ?? null;
}

function isFalse(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.Literal && n.value === false;
}
