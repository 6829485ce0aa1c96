/**
 * Request ids: where an inbound id header is read (`req.headers['x-request-id']`,
 * `req.get('X-Request-ID')`, `c.req.header('x-correlation-id')`), whether a function checks such
 * a value before using it, and whether a file gives each request an id of its own (a request-id
 * middleware, `req.id = randomUUID()`, Hono's `requestId()`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getRootIdentifier,
  getStringValue,
  lastSegment,
  skipTransparent,
  walkTree,
} from './ast.js';
import { type AccessLoggerCreation, property } from './access-logs.js';
import { getImportSource, getRequiredModule, readImportedSource } from './modules.js';

/** `x-request-id`, `request-id`, `x-correlation-id`, `x-trace-id`, `x-amzn-trace-id`; not `x-parse-request-id` (an idempotency key). */
const ID_HEADER = /^(?:x-)?(?:amzn-)?(?:request|req|correlation|trace)[-_]?id$/iu;
/** Methods that read one request header: Express `req.get`/`req.header`, Koa `ctx.get`, Hono `c.req.header`, fetch `headers.get`. */
const HEADER_GETTERS = new Set(['get', 'header']);

/**
 * The header a node reads when it reads an inbound request-id header, else null:
 * `req.headers['x-request-id']`, `request.headers['request-id']`, `req.get('X-Request-ID')`,
 * `req.header('x-request-id')`, `c.req.header('X-Request-Id')`, `request.headers.get('x-request-id')`.
 */
export function readRequestIdHeader(node: TSESTree.Node): string | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparent(n.object);
    if (object.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(object) !== 'headers') return null;
    const name = n.computed ? getStringValue(n.property) : getPropertyName(n);
    return name !== null && ID_HEADER.test(name) ? name : null;
  }
  if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(n.callee);
    if (method === null || !HEADER_GETTERS.has(method) || n.arguments.length !== 1) return null;
    const name = getStringValue(n.arguments[0]);
    return name !== null && ID_HEADER.test(name) ? name : null;
  }
  return null;
}

/** A check that bounds a value: a regex `.test()`/`.match()`, a validator (`isUUID`, `validate`, `uuidValidate`, `safeParse`), a length limit. */
const VALIDATION = /\.test\(|\.match\(|\bvalid|\bisUuid|\bisUUID|safeParse|\.length\s*[<>]=?|\bmatches\(/iu;

/** Whether a function (a `genReqId`, a middleware) checks anything before using a value. */
export function functionValidates(context: Context, fn: AnyFunction): boolean {
  return VALIDATION.test(context.sourceCode.getText(fn));
}

/** Packages that give each request an id (by module specifier, matched on words). */
const REQUEST_ID_PACKAGE = /(?:^|[/@-])(?:request|req|correlation|trace)[-_]?id(?:$|[/-])|rtracer|express-request-context|express-http-context|hono\/request-id|koa-requestid/iu;
/** Request properties that hold its id. */
const ID_PROPERTY = /^(?:id|requestId|reqId|request_id|req_id|correlationId|correlation_id|traceId)$/u;
/** Request objects a middleware assigns the id on. */
const REQUEST_ROOT = /^(?:req|request|ctx|context|c)$/u;
/** Middleware named for request ids: `requestId()`, `addRequestId`, `correlationId`, `requestIdMiddleware`. */
const ID_MIDDLEWARE_NAME = /(?:request|req|correlation|trace)[-_]?id/iu;

/**
 * Whether anything in a file gives requests an id of their own (ignoring `genReqId` options):
 * a request-id package is imported (`express-request-id`, `cls-rtracer`, `hono/request-id`,
 * `koa-requestid`), a middleware named for it is registered (`app.use(requestId())`,
 * `app.use(correlationIdMiddleware)`), or a request's id property is assigned
 * (`req.id = …`, `req.requestId = …`, `ctx.state.requestId = …`, `c.set('requestId', …)`).
 * `extra`: configured package names or middleware names.
 */
export function fileAssignsRequestIds(context: Context, calls: readonly TSESTree.CallExpression[], assignments: readonly TSESTree.AssignmentExpression[], extra: readonly string[]): boolean {
  const program = context.sourceCode.ast;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && isIdPackage(statement.source.value, extra)) return true;
  }
  for (const call of calls) {
    const required = getRequiredModule(call);
    if (required !== null && isIdPackage(required, extra)) return true;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getPropertyName(callee);
    if (method === 'set' && getStringValue(call.arguments[0]) !== null && ID_PROPERTY.test(getStringValue(call.arguments[0])!)) return true;
    if (method !== 'use' && method !== 'register' && method !== 'addHook') continue;
    for (const arg of call.arguments) {
      const a = skipTransparent(arg);
      const target = a.type === AST_NODE_TYPES.CallExpression || a.type === AST_NODE_TYPES.NewExpression ? skipTransparent(a.callee) : a;
      const path = getMemberPath(target) ?? (a.type === AST_NODE_TYPES.CallExpression ? getCalleePath(a) : null);
      if (path !== null && (ID_MIDDLEWARE_NAME.test(lastSegment(path)) || extra.includes(path) || extra.includes(lastSegment(path)))) return true;
      const root = getRootIdentifier(target);
      const binding = root ? getImportSource(context, root) : null;
      if (binding && isIdPackage(binding.source, extra)) return true;
    }
  }
  return assignments.some((assignment) => isRequestIdTarget(assignment.left));
}

/** `req.id`, `request.requestId`, `ctx.state.correlationId`, `c.traceId`: where a middleware keeps a request's id. */
export function isRequestIdTarget(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(node);
  if (name === null || !ID_PROPERTY.test(name)) return false;
  const root = getRootIdentifier(node);
  return !!root && REQUEST_ROOT.test(root.name);
}

/** `c.set('requestId', …)`, `ctx.set('traceId', …)`: a request-scoped setter given an id key. */
export function isRequestIdSetter(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'set' || call.arguments.length !== 2) return false;
  const receiver = skipTransparent(callee.object);
  const key = getStringValue(call.arguments[0]);
  return receiver.type === AST_NODE_TYPES.Identifier && REQUEST_ROOT.test(receiver.name) && key !== null && ID_PROPERTY.test(key);
}

/**
 * The inbound id header an id value takes, and the node that reads it: directly
 * (`req.headers['x-request-id']`), in a fallback chain (`… ?? randomUUID()`, `a ? b : c`), or
 * through a `const` that holds it. Null when the value reads no id header.
 */
export function findInboundIdRead(context: Context, value: TSESTree.Node, depth = 0): { node: TSESTree.Node; header: string } | null {
  const n = skipTransparent(value);
  const header = readRequestIdHeader(n);
  if (header !== null) return { node: n, header };
  if (depth > 3) return null;
  if (n.type === AST_NODE_TYPES.LogicalExpression) return findInboundIdRead(context, n.left, depth + 1) ?? findInboundIdRead(context, n.right, depth + 1);
  if (n.type === AST_NODE_TYPES.ConditionalExpression) return findInboundIdRead(context, n.consequent, depth + 1) ?? findInboundIdRead(context, n.alternate, depth + 1);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, n);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) return findInboundIdRead(context, def.node.init, depth + 1);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Loggers that add the id themselves, and access loggers that write none
// ---------------------------------------------------------------------------

/** A logger that adds the request id itself, from an AsyncLocalStorage store (pino `mixin`, a winston format reading the store). */
const CONTEXT_AWARE_LOGGER = /\bmixin\b|AsyncLocalStorage|\.getStore\(|rTracer|cls-rtracer|cls-hooked|express-http-context|continuation-local-storage/u;

/** Whether source text sets up a logger that reads the request's id from a context store. */
export function readsContextStore(text: string): boolean {
  return CONTEXT_AWARE_LOGGER.test(text);
}

/**
 * Whether the logger a module-level binding holds adds the request id from a context store:
 * its creation in this file, or in the project module it is imported or required from, reads
 * one. A module that cannot be read counts as yes.
 */
export function loggerAddsRequestContext(context: Context, def: TSESLint.Scope.Definition): boolean {
  if (def.type === 'ImportBinding') {
    const source = def.parent.type === AST_NODE_TYPES.ImportDeclaration ? def.parent.source.value : null;
    const text = source === null ? null : readImportedSource(context, source);
    return text === null || readsContextStore(text);
  }
  const init = def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
  if (!init) return true;
  const required = getRequiredModule(skipTransparent(init));
  if (required !== null) {
    const text = readImportedSource(context, required);
    return text === null || readsContextStore(text);
  }
  const root = getRootIdentifier(skipTransparent(init), true);
  const binding = root ? getImportSource(context, root) : null;
  // const logger = createLogger() from ./logging: read that module
  if (binding && binding.source.startsWith('.')) {
    const text = readImportedSource(context, binding.source);
    return text === null || readsContextStore(text);
  }
  return readsContextStore(context.sourceCode.text);
}

/** Request loggers that write no request id of their own (by module specifier), with the name a message gives them. */
export const ID_LESS_LOGGERS: Readonly<Record<string, string>> = {
  morgan: 'morgan',
  'express-winston': 'express-winston',
  'koa-logger': 'koa-logger',
  'koa-morgan': 'koa-morgan',
  'hono/logger': "Hono's logger()",
};

/**
 * The module of an access logger that writes no request id, when `call` creates one:
 * `morgan('combined')`, `expressWinston.logger(…)`, `koaLogger()`, `logger()` from hono/logger.
 */
export function getIdLessLoggerSource(context: Context, call: TSESTree.CallExpression): string | null {
  const callee = skipTransparent(call.callee);
  const required = getRequiredModule(callee);
  if (required !== null) return Object.hasOwn(ID_LESS_LOGGERS, required) ? required : null;
  const root = getRootIdentifier(callee);
  const binding = root ? getImportSource(context, root) : null;
  if (!binding || !Object.hasOwn(ID_LESS_LOGGERS, binding.source)) return null;
  if (binding.source === 'express-winston') {
    const member = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : binding.imported;
    return member === 'logger' ? binding.source : null;
  }
  if (binding.source === 'hono/logger') return binding.imported === 'logger' && callee.type === AST_NODE_TYPES.Identifier ? binding.source : null;
  return callee.type === AST_NODE_TYPES.Identifier ? binding.source : null;
}

function isIdPackage(source: string, extra: readonly string[]): boolean {
  return REQUEST_ID_PACKAGE.test(source) || extra.includes(source);
}

/** Logger options that write a request id: `req.id`, `requestId`, `ctx.state.correlationId`. */
const WRITES_ID = /\b(?:req|request)\.id\b|\b(?:requestId|reqId|request_id|correlationId|correlation_id|traceId)\b/u;
/** A morgan format that prints an id token: `:id`, `:request-id`, `:req[x-request-id]`. */
const MORGAN_ID_TOKEN = /:(?:[\w-]*id\b|req\[[^\]]*id\])/iu;

/**
 * Whether an id-less access logger's setup (`call`, of module `source`) records a request id
 * after all, or is no access log: morgan's `dev` format (a developer's console) or a format with
 * an id token (`:id`, `:req[x-request-id]`), or options that write an id set elsewhere
 * (`expressWinston.logger({ dynamicMeta: (req) => ({ requestId: req.id }) })`).
 */
export function accessLogRecordsId(context: Context, call: TSESTree.CallExpression, source: string): boolean {
  const format = source === 'morgan' ? getStringValue(call.arguments[0]) : null;
  if (format !== null && (format === 'dev' || MORGAN_ID_TOKEN.test(format))) return true;
  return WRITES_ID.test(context.sourceCode.getText(call));
}

/** hono-pino's `{ http: { reqId } }` holder: the `http` object; null when there is none; undefined when `http` cannot be read. */
export function honoPinoHttpOptions(opts: TSESTree.ObjectExpression | null): TSESTree.ObjectExpression | null | undefined {
  if (!opts) return null;
  const http = property(opts, 'http');
  if (!http) return null;
  const v = skipTransparent(http);
  return v.type === AST_NODE_TYPES.ObjectExpression ? v : undefined;
}

/** Where a pino-http-style access logger takes its request-id generator, and the option's name in messages and fixes. */
export interface IdGeneratorOption {
  /** The object that holds the option (null: none written; undefined: it cannot be read). */
  holder: TSESTree.ObjectExpression | null | undefined;
  option: 'genReqId' | 'reqId';
  /** The option's path from the options argument, as a message names it. */
  shown: string;
  /** The holder is nested in the options argument (hono-pino's `http`), not the argument itself. */
  nested: boolean;
}

/** pino-http, express-pino-logger, nestjs-pino: `genReqId` in the options; hono-pino: `{ http: { reqId } }`. */
export function idGeneratorOption(logger: AccessLoggerCreation, opts: TSESTree.ObjectExpression | null): IdGeneratorOption {
  if (logger.source === 'hono-pino') return { holder: honoPinoHttpOptions(opts), option: 'reqId', shown: 'http.reqId', nested: true };
  return { holder: opts, option: 'genReqId', shown: 'genReqId', nested: false };
}

/** `genReqId: …` in an object literal: pino-http's and Fastify's option that makes request ids, wherever the options are built. */
export function isIdGeneratorProperty(node: TSESTree.Property): boolean {
  return node.parent.type === AST_NODE_TYPES.ObjectExpression && !node.computed && getPropertyName(node) === 'genReqId';
}

/** What a message proposes instead of an id-less access logger from `source` (a key of ID_LESS_LOGGERS). */
export function idLessLoggerRemedy(source: string): string {
  if (source === 'hono/logger') return "`app.use(requestId())` from 'hono/request-id', then log `c.get('requestId')`";
  if (source.startsWith('koa')) return '`ctx.state.requestId = randomUUID()` in a first middleware, or koa-requestid';
  return "`req.id = randomUUID()` in a first middleware, and a morgan token / express-winston `dynamicMeta` that writes it";
}

/** `app.use(morgan('combined'), …)`: the id-less access loggers `call` mounts, with their modules, in argument order. */
export function mountedIdLessLoggers(context: Context, call: TSESTree.CallExpression): { node: TSESTree.CallExpression; source: string }[] {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'use') return [];
  const found: { node: TSESTree.CallExpression; source: string }[] = [];
  for (const arg of call.arguments) {
    const a = skipTransparent(arg);
    if (a.type !== AST_NODE_TYPES.CallExpression) continue;
    const source = getIdLessLoggerSource(context, a);
    if (source !== null) found.push({ node: a, source });
  }
  return found;
}

/** `fastify.setGenReqId(fn)`: the generator a call installs as the request-id source, else null. */
export function genReqIdSetterArgument(call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'setGenReqId' && call.arguments[0] ? call.arguments[0] : null;
}

/** Fastify's `requestIdHeader` option: the inbound header it takes ids from (`true` is `request-id`), else null (`false`, unreadable). */
export function fastifyRequestIdHeader(option: TSESTree.Property): string | null {
  const v = skipTransparent(option.value);
  const name = v.type === AST_NODE_TYPES.Literal && v.value === true ? 'request-id' : getStringValue(v);
  return name !== null && name.length > 0 ? name : null;
}

/** Every inbound request-id header read inside `fn` (`req.headers['x-request-id']`, `req.get('X-Request-ID')`), in the order `walkTree` visits them. */
export function idHeaderReadsIn(fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys): { node: TSESTree.Node; header: string }[] {
  const reads: { node: TSESTree.Node; header: string }[] = [];
  walkTree(
    fn.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
      const header = readRequestIdHeader(node);
      if (header !== null) reads.push({ node, header });
    },
    visitorKeys,
  );
  return reads;
}

/**
 * Some call of the file installs an id generator with `x.setGenReqId(fn)` (the one reading of the
 * setter, genReqIdSetterArgument: through `!` / `as`, and only with a generator to install).
 */
export function callsSetGenReqId(calls: readonly TSESTree.CallExpression[]): boolean {
  return calls.some((c) => genReqIdSetterArgument(c) !== null);
}
