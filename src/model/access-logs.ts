/**
 * Access-log middleware and what it records of each request: pino-http and the packages
 * built on it (express-pino-logger, koa-pino-logger, hono-pino, nestjs-pino's `pinoHttp`),
 * express-winston, and morgan formats. Their default serializers write every request
 * header (Authorization, Cookie, X-API-Key) and the response's `set-cookie`; this module
 * answers which of those a creation leaves unredacted.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getPropertyName, getStringValue, isFunctionNode, readOptionsArgument, skipTransparent, walkTree } from './ast.js';
import { type LogFieldFilters, parseRedactPath } from './log-serializers.js';
import { isLoggerObject } from './loggers.js';
import { getImportSource, getRequiredModule } from './modules.js';

export type AccessLoggerKind = 'pino-http' | 'express-winston' | 'morgan';

export interface AccessLoggerCreation {
  kind: AccessLoggerKind;
  /** The package it comes from, for messages. */
  source: string;
  call: TSESTree.CallExpression;
  /** The options object written in the call (null: none given). */
  options: TSESTree.ObjectExpression | null;
  /** Options that cannot be read (a variable from elsewhere, a spread, a call). */
  opaque: boolean;
}

/** The access logger's name in a message: its package (nestjs-pino's middleware is pino-http). */
export function accessLoggerLabel(creation: AccessLoggerCreation): string {
  return creation.source === 'nestjs-pino' ? 'nestjs-pino (pino-http)' : creation.source;
}

/** Request headers that carry credentials by default, lowercase. */
export const DEFAULT_SECRET_HEADERS: readonly string[] = ['authorization', 'cookie', 'x-api-key'];
/** The response header that carries session cookies. */
export const SET_COOKIE = 'set-cookie';

const PINO_HTTP_SOURCES = new Map<string, string | null>([
  // source → the named export that creates the middleware (null: the default export / module itself)
  ['pino-http', null],
  ['express-pino-logger', null],
  ['koa-pino-logger', null],
  ['hono-pino', 'pinoLogger'],
]);


/** The module a callee's root name comes from, and which export of it. */
function calleeModule(context: Context, callee: TSESTree.Node): { source: string; imported: string; member: string | null } | null {
  const n = skipTransparent(callee);
  const required = getRequiredModule(n);
  if (required !== null) return { source: required, imported: 'default', member: null };
  if (n.type === AST_NODE_TYPES.Identifier) {
    const binding = getImportSource(context, n);
    return binding ? { ...binding, member: null } : null;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.Identifier) {
    const binding = getImportSource(context, n.object);
    return binding ? { ...binding, member: getPropertyName(n) } : null;
  }
  return null;
}

/** The access-log middleware a call creates, or null. */
export function getAccessLoggerCreation(context: Context, call: TSESTree.CallExpression): AccessLoggerCreation | null {
  const from = calleeModule(context, call.callee);
  if (!from) return null;
  const named = PINO_HTTP_SOURCES.get(from.source);
  if (named !== undefined) {
    const creates =
      from.member === null
        ? from.imported === 'default' || from.imported === '*' || from.imported === 'pinoHttp' || from.imported === named
        : from.member === 'pinoHttp' || from.member === named || from.member === 'default';
    if (!creates) return null;
    return { kind: 'pino-http', source: from.source, call, ...readOptionsArgument(context, call.arguments[0], true) };
  }
  if (from.source === 'nestjs-pino' && from.member !== null && (from.imported === 'LoggerModule' || from.imported === '*')) {
    // LoggerModule.forRoot({ pinoHttp: {...} }), forRootAsync({ useFactory: () => ({ pinoHttp: {...} }) })
    const method = from.member;
    if (method !== 'forRoot' && method !== 'forRootAsync') return null;
    const params = readOptionsArgument(context, call.arguments[0], true);
    if (params.opaque || !params.options) return method === 'forRoot' && !call.arguments[0] ? { kind: 'pino-http', source: 'nestjs-pino', call, options: null, opaque: false } : null;
    const holder = method === 'forRoot' ? params.options : factoryResult(params.options);
    if (!holder) return null;
    const pinoHttp = property(holder, 'pinoHttp');
    if (!pinoHttp) return { kind: 'pino-http', source: 'nestjs-pino', call, options: null, opaque: false };
    return { kind: 'pino-http', source: 'nestjs-pino', call, ...readOptionsArgument(context, pinoHttp, true) };
  }
  if (from.source === 'express-winston' && (from.member === 'logger' || (from.member === null && from.imported === 'logger'))) {
    return { kind: 'express-winston', source: from.source, call, ...readOptionsArgument(context, call.arguments[0], true) };
  }
  if (from.source === 'morgan' && from.member === null) {
    return { kind: 'morgan', source: from.source, call, options: null, opaque: false };
  }
  return null;
}

/** `useFactory: () => ({ … })` / `useFactory: async () => { return { … } }`. */
function factoryResult(options: TSESTree.ObjectExpression): TSESTree.ObjectExpression | null {
  const factory = property(options, 'useFactory');
  if (!factory || !isFunctionNode(factory)) return null;
  const body = factory.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const value = skipTransparent(body);
    return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
  }
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      const value = skipTransparent(statement.argument);
      return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
    }
  }
  return null;
}

export function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | null {
  for (const p of object.properties) {
    if (p.type !== AST_NODE_TYPES.Property || p.computed) continue;
    const key = p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : getStringValue(p.key);
    if (key === name) return p.value;
  }
  return null;
}

/** A pino redact path → the header it removes (`req.headers.authorization` → `req:authorization`; `req.headers` → `req:*`). */
export function headerOfRedactPath(redactPath: string): { side: 'req' | 'res'; header: string } | null {
  const [root, headers, header, ...rest] = parseRedactPath(redactPath);
  if (headers !== 'headers' || rest.length > 0 || root === undefined) return null;
  const side = root === 'res' || root === 'response' ? 'res' : root === 'req' || root === 'request' || root === '*' ? 'req' : null;
  return side === null ? null : { side, header: (header ?? '*').toLowerCase() };
}

/** The strings of a `redact: [...]` or `redact: { paths: [...] }` option, or null when it cannot be read. */
export function redactPaths(value: TSESTree.Node): string[] | null {
  let n = skipTransparent(value);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    const paths = property(n, 'paths');
    if (!paths) return null;
    n = skipTransparent(paths);
  }
  if (n.type !== AST_NODE_TYPES.ArrayExpression) return null;
  const out: string[] = [];
  for (const element of n.elements) {
    const text = element ? getStringValue(element) : null;
    if (text === null) return null;
    out.push(text);
  }
  return out;
}

/** Whether a custom serializer (`serializers.req`) writes the whole `headers` object. */
export function serializerWritesHeaders(fn: TSESTree.Node): boolean {
  let found = false;
  walkTree(fn, (node) => {
    if (found || node.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(node) !== 'headers') return;
    // req.headers['user-agent'] reads one header; req.headers as a value writes them all
    const parent = node.parent;
    const readsOne = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node;
    if (!readsOne) found = true;
  });
  // `req => req` or a serializer that returns the raw request writes everything.
  if (isFunctionNode(fn) && fn.params[0]?.type === AST_NODE_TYPES.Identifier) {
    const param = fn.params[0].name;
    const body = fn.body;
    const returnsParam = (value: TSESTree.Node | null | undefined) => value?.type === AST_NODE_TYPES.Identifier && value.name === param;
    if (body.type !== AST_NODE_TYPES.BlockStatement && returnsParam(body)) return true;
    if (body.type === AST_NODE_TYPES.BlockStatement && body.body.some((s) => s.type === AST_NODE_TYPES.ReturnStatement && returnsParam(s.argument))) return true;
  }
  return found;
}

/** Whether a morgan format string prints a credential header: `:req[authorization]`. */
export function morganSecretTokens(format: string, secretHeaders: readonly string[]): string[] {
  return [...format.matchAll(/:(req|res)\[([^\]]+)\]/gu)]
    .filter((m) => (m[1] === 'res' ? m[2]!.toLowerCase() === SET_COOKIE : secretHeaders.includes(m[2]!.toLowerCase())))
    .map((m) => m[0]);
}

/** morgan's predefined formats that print `:url`. */
const MORGAN_URL_FORMATS = new Set(['combined', 'common', 'dev', 'short', 'tiny']);

/** The middleware logs `req.url` with its query string: morgan's `:url`, pino-http's default request serializer, express-winston's default fields. */
export function accessLoggerWritesFullUrl(creation: AccessLoggerCreation, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (creation.opaque) return false;
  const opts = creation.options;
  if (creation.kind === 'morgan') {
    const format = creation.call.arguments[0] ? getStringValue(creation.call.arguments[0]) : null;
    if (format === null) return false;
    return MORGAN_URL_FORMATS.has(format) || format.includes(':url');
  }
  if (creation.kind === 'pino-http') {
    if (!opts) return true;
    const autoLogging = property(opts, 'autoLogging');
    if (autoLogging && autoLogging.type === AST_NODE_TYPES.Literal && autoLogging.value === false) return false;
    const serializers = property(opts, 'serializers');
    // A request serializer of its own decides what it writes; a `redact` path on `req.url` drops it.
    if (serializers && (skipTransparent(serializers).type !== AST_NODE_TYPES.ObjectExpression || property(skipTransparent(serializers) as TSESTree.ObjectExpression, 'req'))) return false;
    const redact = property(opts, 'redact');
    const paths = redact ? redactPaths(redact) : [];
    return paths !== null && !paths.some((p) => p === 'req.url' || p === 'req');
  }
  if (!opts) return true;
  if (property(opts, 'requestFilter')) return false;
  const meta = property(opts, 'meta');
  if (meta && meta.type === AST_NODE_TYPES.Literal && meta.value === false) {
    const msg = property(opts, 'msg');
    return !msg || /\{\{\s*req\.url\s*\}\}/u.test(sourceCode.getText(msg));
  }
  const whitelist = property(opts, 'requestWhitelist');
  if (!whitelist) return true;
  const w = skipTransparent(whitelist);
  return w.type === AST_NODE_TYPES.ArrayExpression && w.elements.some((e) => e && getStringValue(e) === 'url');
}

/**
 * What a pino-http `serializers.req` / `serializers.res` value does with headers: true, it leaves
 * them out (a custom serializer that writes no whole `headers`); false, it writes them (also
 * `pino.stdSerializers.req`, the default); null, it cannot be told (a value defined elsewhere).
 */
export function serializerLeavesHeadersOut(context: Context, value: TSESTree.Node): boolean | null {
  let n = skipTransparent(value);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, n);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'FunctionName') n = def.node as TSESTree.FunctionDeclaration;
    else if (def?.type === 'Variable' && def.node.init) n = skipTransparent(def.node.init);
    else return null;
  }
  if (isFunctionNode(n)) return !serializerWritesHeaders(n);
  // pino.stdSerializers.req: the default, which writes every header
  if (n.type === AST_NODE_TYPES.MemberExpression && /stdSerializers/u.test(context.sourceCode.getText(n))) return false;
  return null;
}

/**
 * The secret headers a pino-http logger (or one built on it) writes unredacted: `request`, the
 * request headers of `secretHeaders` that neither its `serializers.req`, its `redact` nor the
 * `logger` it is given (`filters`) leaves out; `response`, `set-cookie` unless covered likewise.
 * `redact` is the option's value, for a fix. Null when it cannot be told (options from elsewhere,
 * an unreadable serializer, redact list or logger) or it logs no requests (`autoLogging: false`).
 */
export function pinoHttpUnredactedHeaders(
  context: Context,
  creation: AccessLoggerCreation,
  secretHeaders: readonly string[],
  filters: LogFieldFilters,
): { request: string[]; response: string[]; redact: TSESTree.Node | null } | null {
  if (creation.opaque) return null;
  const opts = creation.options;
  if (opts) {
    const autoLogging = property(opts, 'autoLogging');
    if (autoLogging && autoLogging.type === AST_NODE_TYPES.Literal && autoLogging.value === false) return null;
  }
  let requestCovered = false;
  let responseCovered = false;
  const serializers = opts ? property(opts, 'serializers') : null;
  if (serializers) {
    const s = skipTransparent(serializers);
    if (s.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const req = property(s, 'req');
    const res = property(s, 'res');
    if (req) {
      const verdict = serializerLeavesHeadersOut(context, req);
      if (verdict === null) return null;
      requestCovered = verdict;
    }
    if (res) {
      const verdict = serializerLeavesHeadersOut(context, res);
      if (verdict === null) return null;
      responseCovered = verdict;
    }
  }
  const redacted: { side: 'req' | 'res'; header: string }[] = [];
  const redact = opts ? property(opts, 'redact') : null;
  if (redact) {
    const paths = redactPaths(redact);
    if (paths === null) return null;
    for (const p of paths) {
      const h = headerOfRedactPath(p);
      if (h) redacted.push(h);
    }
  }
  // pinoHttp({ logger }): what that logger's own redact and serializers drop counts too.
  const loggerOption = opts ? property(opts, 'logger') : null;
  const loggerFilter = loggerOption ? filters.forLogger(loggerOption) : null;
  if (loggerOption && !loggerFilter) return null;
  const has = (side: 'req' | 'res', header: string) =>
    redacted.some((r) => r.side === side && (r.header === header || r.header === '*')) || (loggerFilter?.drops(side, [['headers', header]]) ?? false);
  const request = requestCovered ? [] : secretHeaders.filter((h) => !has('req', h));
  const response = responseCovered || has('res', SET_COOKIE) ? [] : [SET_COOKIE];
  return { request, response, redact };
}

/**
 * The secret headers an express-winston logger writes: those of `secretHeaders` its
 * `headerBlacklist` (`blacklist`, for a fix) does not list. Null when it cannot be told or it
 * writes no headers (`meta: false`, a `requestFilter`, a `requestWhitelist` without `headers`).
 */
export function expressWinstonUnlistedHeaders(creation: AccessLoggerCreation, secretHeaders: readonly string[]): { missing: string[]; blacklist: TSESTree.Node | null } | null {
  if (creation.opaque) return null;
  const opts = creation.options;
  if (opts) {
    const meta = property(opts, 'meta');
    if (meta && meta.type === AST_NODE_TYPES.Literal && meta.value === false) return null;
    // requestFilter can drop anything: trust it.
    if (property(opts, 'requestFilter')) return null;
    const whitelist = property(opts, 'requestWhitelist');
    if (whitelist) {
      const w = skipTransparent(whitelist);
      if (w.type !== AST_NODE_TYPES.ArrayExpression) return null;
      if (!w.elements.some((e) => e && getStringValue(e) === 'headers')) return null;
    }
  }
  const blacklist = opts ? property(opts, 'headerBlacklist') : null;
  let listed: string[] = [];
  if (blacklist) {
    const b = skipTransparent(blacklist);
    if (b.type !== AST_NODE_TYPES.ArrayExpression) return null;
    listed = b.elements.map((e) => (e ? (getStringValue(e) ?? '') : '').toLowerCase());
  }
  return { missing: secretHeaders.filter((h) => !listed.includes(h)), blacklist };
}

/** `pinoHttp(logger)`: opaque options that are a pino instance passed in their place (so every option has its default); not nestjs-pino's. */
export function takesLoggerForOptions(context: Context, creation: AccessLoggerCreation): boolean {
  const arg = creation.call.arguments[0];
  return creation.opaque && creation.source !== 'nestjs-pino' && !!arg && isLoggerObject(context, arg);
}
