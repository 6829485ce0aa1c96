import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, propertyValue, getMemberPath, getPropertyName, getStringValue, getVariableInit, isFunctionNode, skipTransparent, walkTree } from './ast.js';
import { findEnclosingHandler } from './handlers.js';
import type { LoggerCall } from './loggers.js';
import { getImportSource, readImportedSource } from './modules.js';
import { moduleValues, parseProjectFileOnHost } from './project-files.js';
import { getSettings } from '../core/settings.js';

/**
 * Logger packages whose own `req` / `res` serializers strip credentials, read in their sources:
 * @tryghost/logging 5.x (GhostLogger's `serializers.req` keeps `headers`, `query` and `body` only
 * through `removeSensitiveData`, which drops every key matching
 * pin|password|pass|key|authorization|bearer|cookie). More come from
 * `settings['security-logging'].redactingLoggers`.
 */
export const KNOWN_REDACTING_LOGGERS: readonly string[] = ['@tryghost/logging'];
/** The record fields such a logger's request serializers handle. */
const REQUEST_FIELDS = new Set(['req', 'res']);

/**
 * What a logger's own configuration does to one top-level field of a log record:
 * a `serializers: { req: (req) => ({ method: req.method, url: req.url }) }` entry (pino,
 * bunyan, pino-http) that leaves the headers out, or censoring `redact` paths (pino).
 *
 * The configuration is read where the logger is created: in this file, or one import away in
 * a relative module (`import logger from './logger'`), which is read from disk and parsed with
 * the parser of the file being linted. Nothing is kept beyond one file's lint.
 */
export interface LogFieldFilter {
  /** Whether the logger keeps `field` + each of `subPaths` out of its output. */
  drops(field: string, subPaths: readonly (readonly string[])[]): boolean;
}

interface LoggerOptions {
  serializers: Map<string, TSESTree.Node>;
  /** A logger package (built in or configured) whose `req` / `res` serializers strip credentials. */
  redactsRequest?: boolean;
  redact: string[][];
  /** Top-level declarations of the module the options live in, to resolve names in it. */
  lookup: (name: string) => TSESTree.Node | null;
}

/** Calls that copy what they are given (`Object.assign({}, req.headers)`, pino's `stdSerializers.req(req)`, which keeps the headers): no redaction. */
const COPYING_CALLS = /^(?:Object\.assign|structuredClone|JSON\.parse|_\.clone|_\.cloneDeep|cloneDeep|clone|Object\.fromEntries|(?:[\w$]+\.)*stdSerializers\.req)$/u;

export interface LogFieldFilters {
  /** What the logger of `logger.info(…)` drops; null when unknown or when it drops nothing. */
  forLogCall(call: TSESTree.CallExpression): LogFieldFilter | null;
  /**
   * What the logger a name holds drops (`pinoHttp({ logger })`): null when its creation cannot be
   * read; a filter that drops nothing when it is created (`pino()`) without serializers or redact.
   */
  forLogger(logger: TSESTree.Node): LogFieldFilter | null;
}

/** A reader for the loggers of one file. Per-file caches only. */
export function createLogFieldFilters(context: Context): LogFieldFilters {
  const moduleCache = new Map<string, LoggerOptions[] | null>();
  const redacting = new Set([...KNOWN_REDACTING_LOGGERS, ...getSettings(context).redactingLoggers]);

  return {
    forLogCall(call) {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const configs = loggerOptionsOf(callee.object);
      if (!configs || configs.length === 0) return null;
      return {
        drops: (field, subPaths) => configs.every((c) => optionsDrop(c, field, subPaths)),
      };
    },
    forLogger(logger) {
      const configs = loggerOptionsOf(logger);
      if (configs === null) return null;
      return {
        drops: (field, subPaths) => configs.length > 0 && configs.every((c) => optionsDrop(c, field, subPaths)),
      };
    },
  };

  /**
   * The option objects a logger was created with: null when unknown, [] when it is created by a
   * logger factory without serializers or redact.
   */
  function loggerOptionsOf(logger: TSESTree.Node): LoggerOptions[] | null {
    let target: TSESTree.Node = skipTransparent(logger);
    // log.child({ module: 'auth' }).info(…): the child keeps its parent's serializers.
    while (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(target.callee) === 'child') {
      target = skipTransparent(target.callee.object);
    }
    // logger_1.log.info(…): compiled CommonJS reads a relative module's export off the module object.
    if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed) {
      const owner = skipTransparent(target.object);
      const name = getPropertyName(target);
      const from = owner.type === AST_NODE_TYPES.Identifier && name !== null ? getImportSource(context, owner) : null;
      return from && (from.imported === 'default' || from.imported === '*') && /^[.#]/u.test(from.source) ? moduleOptions(from.source, name!) : null;
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return null;
    const imported = getImportSource(context, target);
    if (imported && redacting.has(imported.source)) return [{ serializers: new Map(), redact: [], redactsRequest: true, lookup: () => null }];
    if (imported) return /^[.#]/u.test(imported.source) ? moduleOptions(imported.source, imported.imported) : null;
    const init = getVariableInit(findVariable(context, target));
    if (!init) return null;
    const options = factoryOptions(init, (name) => sameFileLookup(name));
    if (options) return [options];
    return isLoggerFactoryCall(init) ? [] : null;
  }

  function sameFileLookup(name: string): TSESTree.Node | null {
    return moduleValues(context.sourceCode.ast)(name);
  }

  /**
   * The option objects of the loggers a module creates: of the one exported under `name`
   * (`export const oauthLogger = createLogger('pds:oauth', { serializers })`) when the module
   * creates it at its top level, else of every logger it creates.
   */
  function moduleOptions(source: string, name: string): LoggerOptions[] | null {
    const cacheKey = `${source}\0${name}`;
    if (moduleCache.has(cacheKey)) return moduleCache.get(cacheKey)!;
    const text = readImportedSource(context, source);
    const parsed = text === null ? null : parseProjectFileOnHost(context, text);
    const ast = parsed === null || parsed === 'unavailable' ? parsed : parsed.ast;
    let result: LoggerOptions[] | null = null;
    // A host without a parser to lend (oxlint): read only the `redact` list from the text.
    if (ast === 'unavailable' && text !== null) result = redactOptionsFromText(text) as LoggerOptions[] | null;
    else if (ast && ast !== 'unavailable') {
      const lookup = moduleValues(ast);
      const own = name === 'default' || name === '*' ? null : lookup(name);
      const ownOptions = own ? factoryOptions(own, lookup) : null;
      if (ownOptions || (own && isLoggerFactoryCall(own))) {
        result = ownOptions ? [ownOptions] : [];
        moduleCache.set(cacheKey, result);
        return result;
      }
      const found: LoggerOptions[] = [];
      walkTree(ast, (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
          const options = factoryOptions(node, lookup);
          if (options) found.push(options);
        }
      });
      // A module that creates its logger with no serializers or redact drops nothing.
      let createsLogger = false;
      if (found.length === 0) walkTree(ast, (node) => (createsLogger ||= isLoggerFactoryCall(node)));
      result = found.length > 0 ? found : createsLogger ? [] : null;
    }
    moduleCache.set(cacheKey, result);
    return result;
  }
}

/**
 * Without a parser: the quoted paths of the module's `redact: [...]` (or `redact: { paths: [...] }`)
 * as the only option; [] for a module that creates a logger with no `redact` and no `serializers`;
 * null when it cannot tell.
 */
export function redactOptionsFromText(text: string): { redact: string[][] }[] | null {
  const createsLogger = /\b(?:pino|createLogger)\s*\(/u.test(text);
  if (/\bserializers\b/u.test(text)) return null;
  if (!/\bredact\b/u.test(text)) return createsLogger ? [] : null;
  const start = /\bredact\s*:\s*(?:\{[^[]*?\bpaths\s*:\s*)?\[/u.exec(text);
  if (!start) return null;
  // The array's string elements, up to its closing bracket (brackets inside strings do not count).
  const element = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*(,|\])/uy;
  const paths: string[][] = [];
  const options = (): LoggerOptions[] => [{ serializers: new Map(), redact: paths, lookup: () => null }];
  let position = start.index + start[0].length;
  for (;;) {
    element.lastIndex = position;
    const m = element.exec(text);
    if (!m) return /^\s*\]/u.test(text.slice(position)) ? options() : null;
    paths.push(parseRedactPath((m[1] ?? m[2]!).replace(/\\(.)/gu, '$1')));
    position = element.lastIndex;
    if (m[3] === ']') return options();
  }
}

/** `pino(…)`, `pino.default(…)`, `bunyan.createLogger(…)`, `winston.createLogger(…)`. */
function isLoggerFactoryCall(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const path = getMemberPath(n.callee);
  return path !== null && /^(?:pino(?:\.default)?|bunyan\.createLogger|winston\.createLogger)$/u.test(path);
}

/** `pino(opts)`, `bunyan.createLogger(opts)`, `pinoHttp({ logger, serializers })`: options with `serializers` or `redact`. */
function factoryOptions(node: TSESTree.Node, lookup: (name: string) => TSESTree.Node | null): LoggerOptions | null {
  let n = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(n.callee) === 'child') n = skipTransparent(n.callee.object);
  if (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression) return null;
  // pino(opts), createLogger('pds:oauth', opts): the first argument that is an options object
  let object: TSESTree.ObjectExpression | null = null;
  for (const arg of n.arguments.slice(0, 2)) {
    object = resolveObject(arg, lookup);
    if (object) break;
  }
  if (!object) return null;
  const serializers = new Map<string, TSESTree.Node>();
  const serializerObject = resolveObject(propertyValue(object, 'serializers'), lookup);
  for (const p of serializerObject?.properties ?? []) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    const key = getPropertyName(p);
    if (key !== null) serializers.set(key, p.value);
  }
  const redact = readRedact(propertyValue(object, 'redact'), lookup);
  if (serializers.size === 0 && redact.length === 0) return null;
  return { serializers, redact, lookup };
}

function optionsDrop(options: LoggerOptions, field: string, subPaths: readonly (readonly string[])[]): boolean {
  if (options.redactsRequest) return REQUEST_FIELDS.has(field) && subPaths.every((sub) => sub.length > 0);
  return subPaths.every((sub) => {
    const full = [field, ...sub];
    if (redactCovers(options.redact, full)) return true;
    const serializer = options.serializers.get(field);
    return serializer !== undefined && sub.length > 0 && serializerDrops(serializer, sub, options.lookup);
  });
}

/** Whether a serializer's output leaves `sub` (e.g. `headers.authorization`) out. Unknown serializers keep everything. */
function serializerDrops(value: TSESTree.Node, sub: readonly string[], lookup: (name: string) => TSESTree.Node | null, depth = 0): boolean {
  if (depth > 3) return false;
  const n = skipTransparent(value);
  let fn: TSESTree.Node | null = null;
  if (isFunctionNode(n)) fn = n;
  else if (n.type === AST_NODE_TYPES.Identifier || (n.type === AST_NODE_TYPES.MemberExpression && /^(?:module\.)?exports\.[\w$]+$/u.test(getMemberPath(n) ?? ''))) {
    // sanitiseHeaders, or `exports.sanitise` in compiled CommonJS
    const name = n.type === AST_NODE_TYPES.Identifier ? n.name : getPropertyName(n)!;
    const declared = lookup(name);
    return declared && declared !== n ? serializerDrops(declared, sub, lookup, depth + 1) : false;
  } else if (n.type === AST_NODE_TYPES.CallExpression) {
    // pino.stdSerializers.wrapRequestSerializer((req) => ({ … }))
    const inner = n.arguments.find((a) => isFunctionNode(a));
    if (inner) fn = inner;
  }
  if (!fn || !isFunctionNode(fn)) return false;
  const param = fn.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const outputs: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) outputs.push(fn.body);
  else {
    walkTree(fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) outputs.push(node.argument ?? node);
    }, undefined, true);
  }
  // const headers = obfuscateHeaders(serialized.headers); return { ...serialized, headers }
  const locals = new Map<string, TSESTree.Node>();
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of fn.body.body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
      for (const d of statement.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.init && d.id.name !== param.name) locals.set(d.id.name, d.init);
    }
  }
  return outputs.length > 0 && outputs.every((out) => !carries(out, sub, param.name, [], locals));
}

/**
 * Whether `value` (built in a serializer whose parameter is `param`) still holds `param.<prefix>.<rest>`.
 * `locals` are the serializer's own `const`s; the last property of an object literal that sets a key decides.
 */
function carries(value: TSESTree.Node, rest: readonly string[], param: string, prefix: readonly string[], locals: ReadonlyMap<string, TSESTree.Node>, depth = 0): boolean {
  const n = skipTransparent(value);
  const rawPath = [param, ...prefix].join('.');
  if (rest.length === 0) return true;
  if (n.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const local = locals.get(n.name);
    if (local) return carries(local, rest, param, prefix, locals, depth + 1);
  }
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    for (const p of [...n.properties].reverse()) {
      if (p.type === AST_NODE_TYPES.SpreadElement) {
        const spread = getMemberPath(p.argument);
        if (spread === null || spread === rawPath || spread === [param, ...prefix, rest[0]].join('.')) return true;
        // { ...serialized } with const serialized = stdSerializers.req(req)
        const local = p.argument.type === AST_NODE_TYPES.Identifier && depth < 4 ? locals.get(p.argument.name) : undefined;
        if (local && carries(local, rest, param, prefix, locals, depth + 1)) return true;
        continue;
      }
      const key = getPropertyName(p);
      if (key === null) return true;
      if (key.toLowerCase() === rest[0]!.toLowerCase()) return carries(p.value, rest.slice(1), param, [...prefix, rest[0]!], locals, depth);
    }
    return false;
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = getMemberPath(n.callee);
    // redactHeaders(req.headers), omit(req.headers, ['authorization']): the app chose what to keep.
    return callee !== null && COPYING_CALLS.test(callee);
  }
  if (n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.TemplateLiteral || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined')) return false;
  // req, req.headers, anything unread: assume it is kept.
  return true;
}

function resolveObject(node: TSESTree.Node | null | undefined, lookup: (name: string) => TSESTree.Node | null, depth = 0): TSESTree.ObjectExpression | null {
  if (!node || depth > 3) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const declared = lookup(n.name);
    return declared ? resolveObject(declared, lookup, depth + 1) : null;
  }
  return null;
}

function readRedact(node: TSESTree.Node | null | undefined, lookup: (name: string) => TSESTree.Node | null, depth = 0): string[][] {
  if (!node || depth > 3) return [];
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const declared = lookup(n.name);
    return declared ? readRedact(declared, lookup, depth + 1) : [];
  }
  if (n.type === AST_NODE_TYPES.ObjectExpression) return readRedact(propertyValue(n, 'paths'), lookup, depth + 1);
  if (n.type !== AST_NODE_TYPES.ArrayExpression) return [];
  const out: string[][] = [];
  for (const el of n.elements) {
    const value = el ? getStringValue(el) : null;
    if (value !== null) out.push(parseRedactPath(value));
  }
  return out;
}

/** One censored path of a pino `redact` option: `req.headers.authorization` → ['req', 'headers', 'authorization']. */
export type RedactPattern = readonly string[];

/** Whether a censored path covers `full` (a pattern covers the paths under it; `*` matches any key; keys ignore case). */
export function redactCovers(patterns: readonly RedactPattern[], full: readonly string[]): boolean {
  return patterns.some((p) => p.length <= full.length && p.every((seg, i) => seg === '*' || seg.toLowerCase() === full[i]!.toLowerCase()));
}

/** Whether the censored paths cover every path `base` + a sub-path of `subPaths` (none is empty): a logged value whose secrets are all censored. */
export function redactCoversAll(patterns: readonly RedactPattern[], base: readonly string[], subPaths: readonly (readonly string[])[]): boolean {
  return subPaths.every((sub) => {
    const full = [...base, ...sub];
    return full.length > 0 && redactCovers(patterns, full);
  });
}

/** `request.log.info({ req })` in a Fastify handler: Fastify's own `req` serializer writes method, url, host and ip, never headers or body. */
export function fastifySerializesRequest(context: Context, call: LoggerCall): boolean {
  return /^(?:request|req|reply)\.log$/u.test(call.loggerPath ?? '') && findEnclosingHandler(context, call.node)?.framework === 'fastify';
}

/** `a.b["c-d"][*].e` → ['a', 'b', 'c-d', '*', 'e']. */
export function parseRedactPath(text: string): string[] {
  const out: string[] = [];
  const re = /\[\s*(?:"([^"]*)"|'([^']*)'|([^\]]*?))\s*\]|([^.[\]]+)/gu;
  for (const m of text.matchAll(re)) {
    const seg = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (seg !== undefined && seg !== '') out.push(seg.trim());
  }
  return out;
}


