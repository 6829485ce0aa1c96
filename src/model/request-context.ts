/**
 * Which request-scoped logger and which request fields does the framework give where a log line
 * would go? `request.log` (Fastify), `req.log` / `ctx.log` (pino-http, koa-pino-logger), a Nest
 * class's `this.logger`; `method`, `path` (without the query string), `ip`, `userAgent`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findEnclosingClass, getPropertyName, isFunctionNode, skipTransparent } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { paramId } from './handler-params.js';
import type { Framework, HandlerInfo } from './handlers.js';
import { isLoggerObject } from './loggers.js';
import type { LoggerStyle } from '../core/settings.js';
import { koaThisVisibleAt } from './koa-generators.js';

export interface RequestContextExpressions {
  method?: string;
  path?: string;
  ip?: string;
  userAgent?: string;
}

/** Whether `id` is what its name resolves to at `at` (not shadowed, declared before `at`). */
function bindingVisibleAt(context: Context, id: TSESTree.Identifier, at: TSESTree.Node | undefined): boolean {
  if (!at) return true;
  if (id.range[1] > at.range[0] && !isParamOf(id)) return false;
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(at);
  while (scope) {
    const variable = scope.set.get(id.name);
    if (variable) return variable.defs.some((d) => d.name === id);
    scope = scope.upper;
  }
  return false;
}

/** `id` is a function parameter (possibly with a default or as a TS parameter property). */
function isParamOf(id: TSESTree.Identifier): boolean {
  let node: TSESTree.Node | undefined = id.parent;
  while (node && (node.type === AST_NODE_TYPES.AssignmentPattern || node.type === AST_NODE_TYPES.TSParameterProperty)) node = node.parent;
  return isFunctionNode(node);
}

/**
 * The one set of request fields every fix logs (field name → what it holds): `method`, `path`
 * (without the query string, where API keys and tokens often travel), `ip`, `userAgent`.
 * Expressions for them that are valid where a log line would go (`at`), in the handler's
 * framework: `req.method`, `req.originalUrl.split('?')[0]`, `request.url.split('?')[0]`,
 * `ctx.path`, `c.req.path`, `req.ip`, `request.ip`,
 * `ctx.ip`, `req.headers['user-agent']`, `ctx.get('user-agent')`, `c.req.header('user-agent')`.
 * Only what the framework really provides; an entry is missing when unknown.
 */
export function getRequestContextExpressions(context: Context, handler: HandlerInfo, at?: TSESTree.Node): RequestContextExpressions {
  const binding = handler.framework === 'koa' || handler.framework === 'hono' || handler.framework === 'better-call' ? handler.ctx : handler.req;
  // Koa 0.x generator middleware: `this` is the context (`this.method`, `this.ip`).
  if (!binding && handler.framework === 'koa' && at && koaThisVisibleAt(context, handler.fn, at)) return requestFieldExpressions('koa', 'this');
  if (!binding || !bindingVisibleAt(context, binding, at)) return {};
  return requestFieldExpressions(handler.framework, binding.name);
}

/**
 * The shared request fields for a request (or Koa / Hono context) object named `name` in `framework`:
 * what getRequestContextExpressions answers for a handler, also used where a fix writes its own
 * callback (a rate limiter's `handler: (req, res) => …`).
 */
export function requestFieldExpressions(framework: Framework, name: string): RequestContextExpressions {
  switch (framework) {
    case 'koa':
      return { method: `${name}.method`, path: `${name}.path`, ip: `${name}.ip`, userAgent: `${name}.get('user-agent')` };
    case 'hono':
      return { method: `${name}.req.method`, path: `${name}.req.path`, ip: `${name}.req.header('x-forwarded-for')`, userAgent: `${name}.req.header('user-agent')` };
    case 'next':
      return { method: `${name}.method`, path: `${name}.url.split('?')[0]`, ip: `${name}.headers.get('x-forwarded-for')`, userAgent: `${name}.headers.get('user-agent')` };
    case 'fastify':
      return { method: `${name}.method`, path: `${name}.url.split('?')[0]`, ip: `${name}.ip`, userAgent: `${name}.headers['user-agent']` };
    case 'node-http':
      return { method: `${name}.method`, path: `${name}.url?.split('?')[0]`, ip: `${name}.socket.remoteAddress`, userAgent: `${name}.headers['user-agent']` };
    case 'better-call':
      // better-call's endpoint context: `path` and `method` always; `headers` only when called over HTTP (not `auth.api.x()`).
      return { method: `${name}.method`, path: `${name}.path`, ip: `${name}.headers?.get('x-forwarded-for')`, userAgent: `${name}.headers?.get('user-agent')` };
    case 'graphql':
      // A GraphQL resolver gets no request object: its context is the app's own.
      return {};
    case 'nest':
      // Nest runs on Express or Fastify: both requests have these.
      return { method: `${name}.method`, path: `${name}.url?.split('?')[0]`, ip: `${name}.ip`, userAgent: `${name}.headers['user-agent']` };
    case 'express':
    default:
      return { method: `${name}.method`, path: `${name}.originalUrl.split('?')[0]`, ip: `${name}.ip`, userAgent: `${name}.headers['user-agent']` };
  }
}

export interface FrameworkLogger {
  /** `request.log`, `ctx.log`, `req.log`, `this.logger`. */
  expression: string;
  style: LoggerStyle;
}

/**
 * The file calls a method on the logger `expression` (`request.log.info(`, `ctx.log.warn(`,
 * `this.logger.error(`): it logs through it. For Fastify's `request.log` this is also what shows the
 * instance logger is switched on (without one, `request.log` is a no-op). With `levelsOnly`, only a
 * level method counts (`log.error(`, `log.info(`, not `log.child(`), spaces around the dot allowed:
 * what shows a module-level binding is the file's logger (file-loggers.ts).
 */
export function fileLogsThrough(context: Context, expression: string, levelsOnly = false): boolean {
  const source = context.sourceCode;
  const byExpression = perFileMap(logsThroughCache, source);
  const key = levelsOnly ? `${expression}\0levels` : expression;
  let answer = byExpression.get(key);
  if (answer === undefined) {
    const escaped = expression.replace(/[.$]/gu, '\\$&');
    const call = levelsOnly ? '\\s*\\.\\s*(?:fatal|error|warn|warning|info|log|debug|trace|verbose)\\s*\\(' : '\\.\\w+\\(';
    answer = new RegExp(`(?<![\\w$.])${escaped}${call}`, 'u').test(source.text);
    byExpression.set(key, answer);
  }
  return answer;
}

/** Per file (its SourceCode), per logger expression: fileLogsThrough's answer. */
const logsThroughCache = fileCache<Map<string, boolean>>();

/** Names a Fastify instance goes by in a route plugin or a server file. */
const FASTIFY_INSTANCE = /^(?:fastify|app|server|instance|api)$/u;

/** `fastify.log` / `app.log` / `server.log`: the Fastify instance's own logger, not the request's child. */
export function isFastifyInstanceLogger(node: TSESTree.Node): boolean {
  const member = skipTransparent(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(member) !== 'log') return false;
  const instance = skipTransparent(member.object);
  return instance.type === AST_NODE_TYPES.Identifier && FASTIFY_INSTANCE.test(instance.name);
}

/**
 * The request-scoped logger the framework provides where a log line would go: Fastify's
 * `request.log` (always there), `req.log` / `ctx.log` when the file already uses them
 * (pino-http, koa-pino-logger), and a Nest class's own `this.logger`.
 */
export function getFrameworkLogger(context: Context, handler: HandlerInfo, at?: TSESTree.Node): FrameworkLogger | null {
  const visible = (id: TSESTree.Identifier | undefined): string | null => (id && bindingVisibleAt(context, id, at) ? id.name : null);
  const usedInFile = (expr: string) => fileLogsThrough(context, expr);
  switch (handler.framework) {
    case 'fastify': {
      const req = visible(handler.req);
      return req ? { expression: `${req}.log`, style: 'pino' } : null;
    }
    case 'express': {
      const req = visible(handler.req);
      return req && usedInFile(`${req}.log`) ? { expression: `${req}.log`, style: 'pino' } : null;
    }
    case 'koa': {
      const ctx = visible(handler.ctx);
      return ctx && usedInFile(`${ctx}.log`) ? { expression: `${ctx}.log`, style: 'pino' } : null;
    }
    case 'nest': {
      const cls = findEnclosingClass(at ?? handler.fn.body);
      if (!cls || cls !== findEnclosingClass(handler.fn.body)) return null;
      const name = classLoggerMember(context, cls);
      return name ? { expression: `this.${name}`, style: 'nest' } : null;
    }
    default:
      return null;
  }
}

/** The name of a class's logger member (`logger` in `private readonly logger = new Logger(X.name)`), if any. */
function classLoggerMember(context: Context, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  for (const member of cls.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.key.type === AST_NODE_TYPES.Identifier) {
      if (/logger$/iu.test(member.key.name) && (member.value || member.typeAnnotation)) {
        const probe = member.value ?? member.key;
        if (member.value ? isLoggerObject(context, probe) || /Logger/u.test(context.sourceCode.getText(member.value)) : true) return member.key.name;
      }
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const id = paramId(param);
        if (id && /logger$/iu.test(id.name)) return id.name;
      }
    }
  }
  return null;
}
