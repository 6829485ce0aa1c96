/**
 * "Does this error reach the client with its message?" — errors a framework answers clients with,
 * message (and details) included, wherever they are thrown: Strapi's `@strapi/utils` `errors`
 * classes (its error middleware sends `{ name, message, details }` for every `ApplicationError` and
 * `HttpError`), and errors http-errors marks `expose` (a status below 500: `createError(400, msg)`,
 * Koa's `ctx.throw(400, msg)` / `ctx.assert(ok, 400, msg)`; Koa sends an exposed message, and an
 * app's own handler that sends `err.message` when `err.expose` trusts it). NestJS's and Hono's HTTP
 * exceptions are getResponseSink's (responses.ts). Only no-error-details-in-response asks: these are
 * not responses for the rules that ask whether a handler answered.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getPropertyName, getVariableInit, skipTransparent } from './ast.js';
import { fileCache, perNode } from './file-cache.js';
import { statusFromErrorName, getStatusValue } from './http-status.js';
import { getImportSource, getRequiredModule } from './modules.js';
import { namesModule } from './job-runners.js';
import type { ResponseSink } from './responses.js';
import { responseNameKind } from './responses.js';

/** Modules whose error namespace holds classes the framework answers clients with: `require('@strapi/utils').errors`. */
const EXPOSED_ERROR_NAMESPACES: ReadonlyMap<string, string> = new Map([['@strapi/utils', 'errors']]);
/** http-errors and its usual import names. */
const HTTP_ERRORS_MODULE = 'http-errors';
/** Statuses of Strapi's error classes (`formatApplicationError`); any other class of the namespace answers 400. */
const STRAPI_STATUS: Readonly<Record<string, number>> = {
  UnauthorizedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  PayloadTooLargeError: 413,
  RateLimitError: 429,
  NotImplementedError: 501,
};

/** A module object (`require('@strapi/utils')`, `const utils = require('@strapi/utils')`, `import * as utils`): its specifier. */
function moduleOf(context: Context, node: TSESTree.Node): string | null {
  const n = skipTransparent(node);
  const required = getRequiredModule(n);
  if (required !== null) return required;
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const source = getImportSource(context, n);
  return source && (source.imported === 'default' || source.imported === '*') ? source.source : null;
}

/** `utils.errors`, `require('@strapi/utils').errors`, an `errors` imported or destructured from the module, or a `const` holding one. */
function isErrorNamespace(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed) {
    const module = moduleOf(context, n.object);
    return module !== null && EXPOSED_ERROR_NAMESPACES.get(module) === getPropertyName(n);
  }
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
  const source = getImportSource(context, n);
  if (source && EXPOSED_ERROR_NAMESPACES.get(source.source) === source.imported) return true;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable' || variable.defs[0]!.node.id !== variable.defs[0]!.name) return false;
  const init = getVariableInit(variable);
  return init !== null && isErrorNamespace(context, init, depth + 1);
}

/**
 * The class name when `callee` is one of a framework's client-facing error classes:
 * `errors.ApplicationError`, `utils.errors.ForbiddenError`, or `ApplicationError` destructured from
 * such a namespace (`const { ApplicationError } = require('@strapi/utils').errors`).
 */
export function exposedErrorClass(context: Context, callee: TSESTree.Node): string | null {
  const c = skipTransparent(callee);
  let name: string | null = null;
  if (c.type === AST_NODE_TYPES.MemberExpression && !c.computed) {
    name = getPropertyName(c);
    if (name === null || !isErrorNamespace(context, c.object)) return null;
  } else if (c.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, c);
    const def = variable && variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || !def.node.init) return null;
    const pattern = def.node.id;
    const init = def.node.init;
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      // const ApplicationError = errors.ApplicationError
      const value = skipTransparent(init);
      if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed || !isErrorNamespace(context, value.object)) return null;
      name = getPropertyName(value);
    } else if (pattern.type === AST_NODE_TYPES.ObjectPattern && isErrorNamespace(context, init)) {
      for (const prop of pattern.properties) {
        if (prop.type !== AST_NODE_TYPES.Property) continue;
        const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
        if (value === def.name) name = getPropertyName(prop);
      }
    }
  }
  return name !== null && /Error$/u.test(name) ? name : null;
}

/** The callee is http-errors' factory (`createError`, `createHttpError`, `httpErrors` from 'http-errors'). */
function isHttpErrorsFactory(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const source = getImportSource(context, n);
  return source !== null && source.source === HTTP_ERRORS_MODULE && (source.imported === 'default' || source.imported === '*');
}

/** The message arguments of an http-errors call: not the status, not a properties object. */
function messageArguments(context: Context, args: readonly TSESTree.CallExpressionArgument[]): TSESTree.Expression[] {
  return args.filter(
    (a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement && getStatusValue(context, a) === null && skipTransparent(a).type !== AST_NODE_TYPES.ObjectExpression,
  );
}

const cache = fileCache<Map<TSESTree.Node, ResponseSink | null>>();

/**
 * The error a framework sends to the client with its message: `new ApplicationError(msg, details)`
 * (Strapi), `createError(400, msg)` / `new createError.BadRequest(msg)` (http-errors, status below 500),
 * `ctx.throw(400, msg)` and `ctx.assert(ok, 400, msg)` (Koa). Its payload is the message (and
 * Strapi's details). Null for a 5xx (http-errors does not expose it) or a status the code does not say.
 */
export function getExposedErrorSink(context: Context, node: TSESTree.NewExpression | TSESTree.CallExpression): ResponseSink | null {
  if (node.arguments.length === 0) return null;
  // Only Koa's ctx.throw / ctx.assert need no module: in a file that names neither @strapi/utils nor
  // http-errors, every other call is answered by its method name, without a cache entry or a look-up.
  if (!namesModule(context, EXPOSING_MODULES) && !isKoaThrowOrAssert(node)) return null;
  return perNode(cache, context.sourceCode, node, () => computeSink(context, node));
}

function computeSink(context: Context, node: TSESTree.NewExpression | TSESTree.CallExpression): ResponseSink | null {
  const args = node.arguments;
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const callee = skipTransparent(node.callee);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const strapi = exposedErrorClass(context, callee);
    if (strapi !== null) {
      const payload = args.slice(0, 2) as TSESTree.Expression[];
      return { node, kind: 'exception', payload, description: `\`new ${strapi}()\``, receiver: null, status: STRAPI_STATUS[strapi] ?? 400 };
    }
  }
  // createError(400, msg), new createError(400, msg)
  if (isHttpErrorsFactory(context, callee)) {
    const status = args.map((a) => getStatusValue(context, a)).find((s) => s !== null) ?? null;
    return exposedHttpError(node, status, messageArguments(context, args), `\`${getCalleePath(node) ?? 'createError'}()\``);
  }
  // createError.BadRequest(msg), new createError.NotFound(msg)
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && isHttpErrorsFactory(context, callee.object)) {
    const name = getPropertyName(callee);
    const status = name === null ? null : statusFromErrorName(name);
    return exposedHttpError(node, status, messageArguments(context, args), `\`${getCalleePath(node) ?? 'createError'}()\``);
  }
  // Koa: ctx.throw(400, msg), ctx.throw(msg, 400), ctx.assert(ok, 400, msg)
  if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
    const method = getPropertyName(callee);
    const object = skipTransparent(callee.object);
    if ((method === 'throw' || method === 'assert') && object.type === AST_NODE_TYPES.Identifier && responseNameKind(object.name) === 'context') {
      const rest = method === 'assert' ? args.slice(1) : args;
      const status = rest.map((a) => getStatusValue(context, a)).find((s) => s !== null) ?? null;
      return exposedHttpError(node, status, messageArguments(context, rest), `\`${object.name}.${method}()\``);
    }
  }
  return null;
}

/** The modules whose errors reach the client (the text check before any look-up). */
const EXPOSING_MODULES: ReadonlySet<string> = new Set([...EXPOSED_ERROR_NAMESPACES.keys(), HTTP_ERRORS_MODULE]);

/** `ctx.throw(…)`, `ctx.assert(…)` by the method's name (computeSink then checks the receiver). */
function isKoaThrowOrAssert(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  if (node.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return false;
  const method = getPropertyName(callee);
  return method === 'throw' || method === 'assert';
}

function exposedHttpError(node: TSESTree.NewExpression | TSESTree.CallExpression, status: number | null, payload: TSESTree.Expression[], description: string): ResponseSink | null {
  if (status === null || status >= 500 || payload.length === 0) return null;
  return { node, kind: 'exception', payload, description, receiver: null, status };
}
