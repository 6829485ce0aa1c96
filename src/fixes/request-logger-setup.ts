/**
 * Fixes that turn on request logging for a server a file creates: register the request logger
 * the project already depends on right after the app is created (pino-http, express-winston,
 * morgan, koa-pino-logger, koa-logger, Hono's logger), or switch on Fastify's own logger.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, skipTransparent } from '../model/ast.js';
import { isLiteralFalse } from '../model/request-logging.js';
import { findProperty } from '../model/ast.js';
import { type ServerCreation, type ServerFramework, getDependencies } from '../model/servers.js';
import { lineIndent } from './edits.js';
import { importFix, isModuleFile } from './imports.js';
import { chooseUnusedName } from './names.js';
import { insertFirstProperty } from './object-property.js';

interface LoggerPackage {
  /** The dependency that must be installed. */
  dependency: string;
  /** Module to import from. */
  from: string;
  kind: 'default' | 'named';
  /** Exported name for named imports; preferred local name. */
  name: string;
  call: (local: string) => string;
  /** A second import the call needs (express-winston's `winston` for the transport). */
  also?: { dependency: string; from: string; kind: 'default' | 'named'; name: string };
}

/**
 * pino-http's default serializers record every request header and the response's headers:
 * the setup we insert redacts the credentials among them (checked at runtime with pino-http 11
 * and express-winston 4 in tests/integration/logger-runtime.test.ts).
 */
const PINO_HTTP_REDACT = `{ redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'] }`;
/** express-winston logs request headers by default (`requestWhitelist` has `headers`). */
const EXPRESS_WINSTON_OPTIONS = `{ transports: [new winston.transports.Console()], headerBlacklist: ['authorization', 'cookie', 'x-api-key', 'set-cookie'] }`;

const SUGGESTED_PACKAGES: Partial<Record<ServerFramework, readonly LoggerPackage[]>> = {
  express: [
    { dependency: 'pino-http', from: 'pino-http', kind: 'default', name: 'pinoHttp', call: (n) => `${n}(${PINO_HTTP_REDACT})` },
    {
      dependency: 'express-winston',
      from: 'express-winston',
      kind: 'default',
      name: 'expressWinston',
      call: (n) => `${n}.logger(${EXPRESS_WINSTON_OPTIONS})`,
      also: { dependency: 'winston', from: 'winston', kind: 'default', name: 'winston' },
    },
    { dependency: 'morgan', from: 'morgan', kind: 'default', name: 'morgan', call: (n) => `${n}('combined')` },
  ],
  koa: [
    { dependency: 'koa-pino-logger', from: 'koa-pino-logger', kind: 'default', name: 'koaPinoLogger', call: (n) => `${n}(${PINO_HTTP_REDACT})` },
    { dependency: 'koa-logger', from: 'koa-logger', kind: 'default', name: 'koaLogger', call: (n) => `${n}()` },
  ],
  hono: [{ dependency: 'hono', from: 'hono/logger', kind: 'named', name: 'logger', call: (n) => `${n}()` }],
  nest: [{ dependency: 'morgan', from: 'morgan', kind: 'default', name: 'morgan', call: (n) => `${n}('combined')` }],
};

/** The first suggested request logger of this framework that the nearest package.json already depends on. */
function suggestedPackage(context: Context, framework: ServerFramework): LoggerPackage | null {
  const candidates = SUGGESTED_PACKAGES[framework];
  if (!candidates) return null;
  const deps = getDependencies(context);
  if (!deps) return null;
  if (framework === 'nest' && deps.has('@nestjs/platform-fastify')) return null;
  return candidates.find((c) => deps.has(c.dependency) && (!c.also || deps.has(c.also.dependency))) ?? null;
}

/**
 * Register a request logger on the app kept as `app`, on a line after `statement` (where the app
 * is created), with its imports: `app.use(pinoHttp({ redact: [...] }));`. `what` describes the
 * added line for the suggestion's message. Null when the project depends on none of the
 * framework's request loggers.
 */
export function registerRequestLoggerFix(
  context: Context,
  framework: ServerFramework,
  app: string,
  statement: TSESTree.Statement,
): { what: string; fix: TSESLint.ReportFixFunction } | null {
  const pkg = suggestedPackage(context, framework);
  if (!pkg) return null;
  const local = chooseUnusedName(context, statement, context.sourceCode.ast, [pkg.name, `${pkg.name}Middleware`]);
  const imported = pkg.kind === 'named' && local !== pkg.name ? (isModuleFile(context) ? `${pkg.name} as ${local}` : `${pkg.name}: ${local}`) : local;
  const line = `${app}.use(${pkg.call(local)});`;
  return {
    what: `\`${line.slice(0, -1)}\` (${pkg.dependency})`,
    fix: (fixer) => {
      const fixes = [fixer.insertTextAfter(statement, `\n${lineIndent(context, statement)}${line}`)];
      const imp = importFix(context, fixer, imported, pkg.from, pkg.kind);
      if (imp) fixes.push(imp);
      if (pkg.also) {
        const extra = importFix(context, fixer, pkg.also.name, pkg.also.from, pkg.also.kind);
        if (extra) fixes.push(extra);
      }
      return fixes;
    },
  };
}

/**
 * Turn on Fastify's request logging in the creation's inline options: add `{ logger: true }`,
 * set a literal `disableRequestLogging` to `false` when a logger is on, or a literal
 * `logger: false` to `true`. Null when the options are not written inline or the logger is
 * set to something else.
 */
export function enableFastifyLoggerFix(context: Context, creation: ServerCreation): TSESLint.ReportFixFunction | null {
  const node = creation.node;
  const arg = node.arguments[0];
  if (!arg) {
    const open = context.sourceCode.getTokenAfter(node.callee, { filter: (t) => t.value === '(' });
    return open ? (fixer) => fixer.insertTextAfter(open, '{ logger: true }') : null;
  }
  const options = skipTransparent(arg);
  if (options.type !== AST_NODE_TYPES.ObjectExpression || creation.options !== options) return null;
  const disabled = findProperty(options, 'disableRequestLogging');
  if (disabled && !disabled.shorthand && skipTransparent(disabled.value).type === AST_NODE_TYPES.Literal) {
    const logger = findProperty(options, 'logger') ?? findProperty(options, 'loggerInstance');
    if (logger && !isLiteralFalse(logger.value)) return (fixer) => fixer.replaceText(disabled.value, 'false');
  }
  const logger = findProperty(options, 'logger');
  if (logger) {
    return logger.shorthand || !isLiteralFalse(logger.value) ? null : (fixer) => fixer.replaceText(logger.value, 'true');
  }
  return (fixer) => insertFirstProperty(context, fixer, options, 'logger: true');
}
