import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findVariable, getCalleePath, getMemberPath, getPropertyName, getStringValue, isFunctionNode, lastSegment, resolveFunction, skipTransparent } from '../model/ast.js';
import { resolveCallbackArgument } from '../model/background.js';
import { createRule } from '../core/create-rule.js';
import { getImportSource, readImportedSource } from '../model/modules.js';
import { lineIndent } from '../fixes/edits.js';
import { importFix, isModuleFile } from '../fixes/imports.js';
import { chooseUnusedName } from '../fixes/names.js';
import {
  type ServerCreation,
  type ServerFramework,
  REQUEST_LOGGER_PACKAGES,
  fastifyLogsRequests,
  findProperty,
  getDependencies,
  getServerCreation,
  isLoggingName,
  isRequestLoggerMiddleware,
  isTestFile,
  logsEveryRequest,
} from '../model/servers.js';

export type Options = [{ requestLoggers?: string[] }];
export type MessageIds = 'missingRequestLogging' | 'addRequestLogger' | 'enableFastifyLogger';

/** Calls that register middleware, plugins, hooks or interceptors on an app. */
const REGISTER_METHODS = new Set(['use', 'register', 'useGlobalInterceptors', 'apply', 'addHook', 'all']);
/** Fastify hooks that run once per request. */
const REQUEST_HOOKS = new Set(['onRequest', 'preHandler', 'onResponse', 'onSend', 'preValidation', 'preParsing']);
/** Methods that mount one app into another. */
const MOUNT_METHODS = new Set(['use', 'route', 'mount', 'register', 'basePath']);
/** Configuration only the top-level app gets. */
const APP_SETTINGS = new Set(['set', 'disable', 'enable', 'engine', 'listen', 'setGlobalPrefix', 'enableCors', 'useGlobalPipes', 'useGlobalFilters', 'useGlobalGuards']);
/** Consumers that serve an app without configuring it. */
const SERVING = /^(?:createServer|createSecureServer|serverless|serverlessExpress|handle|serve|listen|startServer|start|run|bootstrap)$/iu;
/** Test drivers: an app handed to them lives in a test. */
const TEST_DRIVERS = /^(?:supertest|request|agent|inject|testClient)$/u;
/** Modules that register routes or integrations, not request logging. */
const NON_LOGGING_WORDS = /(?:route|router|routes|routing|swagger|openapi|docs|graphql|apollo|socket|websocket|\bws\b|database|\bdb\b|mongo|prisma|sequelize|typeorm|passport|auth|session|static|views|metrics|health|sentry|cron)/iu;
/** A module file that registers logging (or any middleware or global interceptor) for a Nest app. */
const NEST_MODULE_LOGGING = /nestjs-pino|LoggerModule|Logging|LoggerMiddleware|RequestLogger|HttpLogger|morgan|pino-http|APP_INTERCEPTOR|MiddlewareConsumer/u;

/** A helper named for logging requests: `logRequest`, `responseLogger`, `httpLog`, `accessLogger`. */
const REQUEST_LOG_CALL = /(?:request|response|http|access)/iu;

const FRAMEWORK_LABEL: Record<ServerFramework, string> = {
  express: 'Express app',
  koa: 'Koa app',
  fastify: 'Fastify instance',
  hono: 'Hono app',
  nest: 'NestJS app',
  'node-http': 'HTTP server',
};

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

function remedyFor(framework: ServerFramework, app: string): string {
  switch (framework) {
    case 'express':
      return `Register a request logger right after creating the app, with credentials redacted: \`${app}.use(pinoHttp({ redact: [...] }))\` (pino-http), \`${app}.use(expressWinston.logger({ headerBlacklist: [...] }))\` (express-winston) or \`${app}.use(morgan('combined'))\` (morgan)`;
    case 'koa':
      return `Register a request logger first: \`${app}.use(koaPinoLogger({ redact: [...] }))\` (koa-pino-logger, credentials redacted) or \`${app}.use(koaLogger())\` (koa-logger)`;
    case 'fastify':
      return 'Turn on Fastify\'s request logging: pass `{ logger: true }` (or `loggerInstance`) when creating the instance, and leave `disableRequestLogging` off';
    case 'hono':
      return `Register \`${app}.use(logger())\` with \`import { logger } from 'hono/logger'\` (or hono-pino)`;
    case 'nest':
      return 'Register request logging: nestjs-pino\'s LoggerModule with `app.useLogger(app.get(Logger))`, a LoggingInterceptor via `app.useGlobalInterceptors()`, or `app.use(morgan(\'combined\'))`';
    case 'node-http':
    default:
      return 'Log every request in the listener (method, url, status and duration when the response finishes)';
  }
}

interface AppUsage {
  path: string | null;
  /** The statement the app is created in, when a registration can be inserted after it. */
  statement: TSESTree.Statement | null;
  returned: boolean;
  passed: boolean;
  mounted: boolean;
  served: boolean;
  configured: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'require-request-logging',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a request-logging middleware on every HTTP server a file creates',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
    },
    hasSuggestions: true,
    messages: {
      missingRequestLogging:
        'This {{framework}} is created without request logging: nothing in this file logs each request, so there is no record of who called which endpoint, when, and with which result. {{remedy}}.',
      addRequestLogger: 'Register {{what}} right after the {{framework}} is created.',
      enableFastifyLogger: 'Turn on Fastify\'s request logging ({{what}}).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requestLoggers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Allow these as request logging too: package names a middleware is imported from (`"@acme/http-log"`) or middleware names (`"auditTrail"`, `"logging.middleware"`)',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requestLoggers: [] }],
  },
  create(context, [options]) {
    const extra = options.requestLoggers ?? [];
    const filename = context.physicalFilename || context.filename;
    // Test files create throwaway apps around a router under test.
    if (isTestFile(filename)) return {};
    const sourceCode = context.sourceCode;
    const creations: ServerCreation[] = [];
    const calls: TSESTree.CallExpression[] = [];

    function onCreation(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const creation = getServerCreation(context, node);
      if (creation) creations.push(creation);
    }

    return {
      CallExpression(node) {
        calls.push(node);
        onCreation(node);
      },
      NewExpression: onCreation,
      'Program:exit'() {
        if (creations.length === 0) return;
        let fileLogs: boolean | null = null;
        const hasFileLogging = () => (fileLogs ??= registersRequestLogging());
        for (const creation of creations) check(creation, hasFileLogging);
      },
    };

    function check(creation: ServerCreation, hasFileLogging: () => boolean): void {
      const usage = analyzeUsage(creation.node, creation.framework);
      switch (creation.framework) {
        case 'fastify':
          if (fastifyLogsRequests(creation) || hasFileLogging()) return;
          break;
        case 'node-http': {
          const listener = creation.node.arguments.map((a) => resolveCallbackArgument(context, a)).find((fn) => fn !== null);
          // createServer(app) wraps a framework app; a listener that ignores the request is a probe endpoint.
          if (!listener || !readsRequestTarget(listener) || logsEveryRequest(context, listener) || hasFileLogging()) return;
          break;
        }
        case 'nest':
          // A Nest app that never listens is a script (seeds, migrations) run through the DI container.
          if (!usage.served || hasFileLogging() || nestAdapterLogs(creation) || nestModuleMayLog(creation)) return;
          break;
        default:
          if (usage.mounted || usage.passed || usage.returned) return;
          if (!usage.served && !usage.configured) return;
          if (hasFileLogging()) return;
      }
      report(creation, usage);
    }

    function report(creation: ServerCreation, usage: AppUsage): void {
      const framework = FRAMEWORK_LABEL[creation.framework];
      const app = usage.path ?? 'app';
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (creation.framework === 'fastify') {
        const fix = fastifyFix(creation);
        if (fix) suggest.push({ messageId: 'enableFastifyLogger', data: { what: '`logger: true`' }, fix });
      } else {
        const pkg = suggestedPackage(creation.framework);
        if (pkg && usage.path !== null && usage.statement) {
          const statement = usage.statement;
          const local = chooseUnusedName(context, statement, sourceCode.ast, [pkg.name, `${pkg.name}Middleware`]);
          const imported = pkg.kind === 'named' && local !== pkg.name ? (isModuleFile(context) ? `${pkg.name} as ${local}` : `${pkg.name}: ${local}`) : local;
          const line = `${usage.path}.use(${pkg.call(local)});`;
          suggest.push({
            messageId: 'addRequestLogger',
            data: { what: `\`${line.slice(0, -1)}\` (${pkg.dependency})`, framework },
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
          });
        }
      }
      context.report({
        node: creation.node,
        messageId: 'missingRequestLogging',
        data: { framework, remedy: remedyFor(creation.framework, app) },
        suggest,
      });
    }

    function suggestedPackage(framework: ServerFramework): LoggerPackage | null {
      const candidates = SUGGESTED_PACKAGES[framework];
      if (!candidates) return null;
      const deps = getDependencies(context);
      if (!deps) return null;
      if (framework === 'nest' && deps.has('@nestjs/platform-fastify')) return null;
      return candidates.find((c) => deps.has(c.dependency) && (!c.also || deps.has(c.also.dependency))) ?? null;
    }

    function fastifyFix(creation: ServerCreation): TSESLint.ReportFixFunction | null {
      const node = creation.node;
      const arg = node.arguments[0];
      if (!arg) {
        const open = sourceCode.getTokenAfter(node.callee, { filter: (t) => t.value === '(' });
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
      if (options.properties.length === 0) return (fixer) => fixer.replaceText(options, '{ logger: true }');
      const open = sourceCode.getFirstToken(options)!;
      const first = options.properties[0]!;
      const sameLine = first.loc.start.line === open.loc.end.line;
      return (fixer) =>
        sameLine ? fixer.insertTextAfter(open, ' logger: true,') : fixer.insertTextBefore(first, `logger: true,\n${lineIndent(context, first)}`);
    }

    function isLiteralFalse(node: TSESTree.Node): boolean {
      const v = skipTransparent(node);
      return v.type === AST_NODE_TYPES.Literal && v.value === false;
    }

    /** Anything in this file registers request logging: middleware, a hook, an interceptor, nestjs-pino's logger. */
    function registersRequestLogging(): boolean {
      for (const call of calls) {
        const callee = skipTransparent(call.callee);
        // responseLogger(request) in an Apollo formatResponse, logRequest(req) in a hook
        const calleePath = getCalleePath(call);
        if (calleePath !== null && REQUEST_LOG_CALL.test(lastSegment(calleePath)) && isLoggingName(lastSegment(calleePath)) && call.arguments.length > 0) return true;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
        const method = getPropertyName(callee);
        if (method === null) continue;
        if (method === 'useLogger') {
          if (call.arguments.some((a) => mentionsLoggerPackage(a))) return true;
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
    function mentionsLoggerPackage(node: TSESTree.Node): boolean {
      const n = skipTransparent(node);
      if (n.type === AST_NODE_TYPES.Identifier) {
        const binding = getImportSource(context, n);
        return !!binding && (REQUEST_LOGGER_PACKAGES.has(binding.source) || extra.includes(binding.source));
      }
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        return n.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && mentionsLoggerPackage(a)) || mentionsLoggerPackage(n.callee);
      }
      if (n.type === AST_NODE_TYPES.MemberExpression) return mentionsLoggerPackage(n.object);
      return false;
    }

    /** `NestFactory.create(AppModule, new FastifyAdapter({ logger: true }))`. */
    function nestAdapterLogs(creation: ServerCreation): boolean {
      return creation.node.arguments.some((arg) => {
        const a = skipTransparent(arg);
        if (a.type !== AST_NODE_TYPES.NewExpression || getCalleePath(a) !== 'FastifyAdapter') return false;
        const opts = a.arguments[0] ? skipTransparent(a.arguments[0]) : null;
        if (!opts) return false;
        if (opts.type !== AST_NODE_TYPES.ObjectExpression) return true;
        const logger = findProperty(opts, 'logger');
        return !!logger && !isLiteralFalse(logger.value);
      });
    }

    /**
     * Nest apps register request logging in their root module (`consumer.apply(LoggerMiddleware)`,
     * an `APP_INTERCEPTOR`, nestjs-pino's `LoggerModule`). Read that module's file; when it cannot be
     * read, assume it may.
     */
    function nestModuleMayLog(creation: ServerCreation): boolean {
      const first = creation.node.arguments[0] ? skipTransparent(creation.node.arguments[0]) : null;
      if (!first || first.type !== AST_NODE_TYPES.Identifier) return true;
      const variable = findVariable(context, first);
      const def = variable?.defs[0];
      if (def && def.type === 'ClassName') return NEST_MODULE_LOGGING.test(sourceCode.getText(def.node));
      const binding = getImportSource(context, first);
      if (!binding) return true;
      const text = readImportedSource(context, binding.source);
      return text === null || NEST_MODULE_LOGGING.test(text);
    }

    /** The listener reads `req.url` / `req.method`: it serves an application, not a probe. */
    function readsRequestTarget(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression): boolean {
      const param = fn.params[0];
      if (!param || param.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = sourceCode.getDeclaredVariables(fn).find((v) => v.name === param.name);
      return !!variable?.references.some((ref) => {
        const parent = ref.identifier.parent;
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) return false;
        const name = getPropertyName(parent);
        return name === 'url' || name === 'method';
      });
    }

    /** How the file uses the app a creation returns. */
    function analyzeUsage(node: TSESTree.CallExpression | TSESTree.NewExpression, framework: ServerCreation['framework']): AppUsage {
      const usage: AppUsage = { path: null, statement: null, returned: false, passed: false, mounted: false, served: false, configured: false };
      let value: TSESTree.Node = node;
      while (
        value.parent &&
        (value.parent.type === AST_NODE_TYPES.AwaitExpression ||
          value.parent.type === AST_NODE_TYPES.TSAsExpression ||
          value.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          value.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
      ) {
        value = value.parent;
      }
      // var app = module.exports = express()
      while (
        value.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
        value.parent.right === value &&
        (value.parent.parent.type === AST_NODE_TYPES.VariableDeclarator || value.parent.parent.type === AST_NODE_TYPES.AssignmentExpression)
      ) {
        value = value.parent;
      }
      const parent = value.parent;
      let variable: ReturnType<typeof findVariable> = null;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
        usage.path = parent.id.name;
        variable = sourceCode.getDeclaredVariables(parent)[0] ?? null;
        const declaration = parent.parent;
        const statement = declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
        if (declaration.declarations.length === 1 && isInsertable(statement)) usage.statement = statement;
      } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
        usage.path = getMemberPath(parent.left);
        if (parent.parent.type === AST_NODE_TYPES.ExpressionStatement && isInsertable(parent.parent)) usage.statement = parent.parent;
      } else if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === value && !parent.static) {
        const key = getPropertyName(parent);
        usage.path = key === null ? null : `this.${key}`;
      } else if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent && isFunctionNode(parent) && parent.body === value)) {
        usage.returned = true;
        return usage;
      } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
        classifyConsumer(parent, usage);
        return usage;
      } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
        // express().listen(3000)
        usage.served = getPropertyName(parent) === 'listen';
        return usage;
      }
      if (usage.path === null) return usage;
      const path = usage.path;
      if (variable) {
        for (const ref of variable.references) {
          const p = ref.identifier.parent;
          if (p?.type === AST_NODE_TYPES.ReturnStatement || (p && isFunctionNode(p) && p.body === ref.identifier)) usage.returned = true;
          // return { app, server }
          if (p?.type === AST_NODE_TYPES.Property && p.value === ref.identifier && p.parent.parent?.type === AST_NODE_TYPES.ReturnStatement) usage.returned = true;
        }
      }
      let mountsSubApps = false;
      for (const call of calls) {
        const callee = skipTransparent(call.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberPath(callee.object) === path) {
          const method = getPropertyName(callee);
          if (method === 'listen') usage.served = true;
          if (method === 'route' && call.arguments.length === 2) mountsSubApps = true;
          if (method !== null && APP_SETTINGS.has(method)) usage.configured = true;
          if (method === 'use' && isAppLevelUse(call)) usage.configured = true;
          continue;
        }
        if (call.arguments.some((a) => refersToApp(a, path))) classifyConsumer(call, usage);
      }
      // export default { fetch: app.fetch } (Bun, Workers)
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
        if (refersToApp(statement.declaration, path) && statement.declaration.type === AST_NODE_TYPES.ObjectExpression) {
          usage.served = true;
        }
        // `export default app` is how Cloudflare Workers, Bun and Deno serve a Hono app. A sub-app
        // of routes is exported the same way, so only the root counts: one that mounts sub-apps
        // (`app.route('/users', users)`) or registers app-wide middleware.
        if (framework === 'hono' && getMemberPath(skipTransparent(statement.declaration)) === path && (mountsSubApps || usage.configured)) {
          usage.served = true;
        }
      }
      return usage;
    }

    function isInsertable(statement: TSESTree.Node): statement is TSESTree.Statement {
      const p = statement.parent;
      return p?.type === AST_NODE_TYPES.Program || p?.type === AST_NODE_TYPES.BlockStatement;
    }

    /** `app`, `app.fetch`, `app.callback()`, `{ app }`, `{ fetch: app.fetch }`. */
    function refersToApp(node: TSESTree.Node, path: string): boolean {
      const n = skipTransparent(node);
      const own = getMemberPath(n);
      if (own === path || own === `${path}.fetch` || own === `${path}.handle` || own === `${path}.server`) return true;
      if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && getMemberPath(n.callee.object) === path) {
        return ['callback', 'getHttpServer', 'getInstance'].includes(getPropertyName(n.callee) ?? '');
      }
      if (n.type === AST_NODE_TYPES.ObjectExpression) {
        return n.properties.some((p) => p.type === AST_NODE_TYPES.Property && refersToApp(p.value, path));
      }
      return false;
    }

    /** What a call that receives the app does with it. */
    function classifyConsumer(call: TSESTree.CallExpression, usage: AppUsage): void {
      const callee = skipTransparent(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && MOUNT_METHODS.has(getPropertyName(callee) ?? '')) {
        usage.mounted = true;
        return;
      }
      const required = callee.type === AST_NODE_TYPES.CallExpression && callee.callee.type === AST_NODE_TYPES.Identifier && callee.callee.name === 'require'
        ? getStringValue(callee.arguments[0])
        : null;
      const path = required ?? getCalleePath(call);
      const name = path === null ? '' : lastSegment(path.replace(/[/\\]index$/u, '').replace(/^.*[/\\]/u, ''));
      if (SERVING.test(name)) {
        usage.served = true;
        return;
      }
      // A same-file setup function's registrations are in this file already.
      if (resolveFunction(context, callee)) return;
      if (TEST_DRIVERS.test(name)) {
        usage.passed = true;
        return;
      }
      // Routes, docs, sockets and database setup do not log requests; anything else might.
      if (path !== null && NON_LOGGING_WORDS.test(path) && !isLoggingName(path)) return;
      usage.passed = true;
    }

    /**
     * `app.use(express.json())`, `app.use(cors())`, `app.use('*', secureHeaders())`: cross-cutting
     * middleware from a factory, for every path — what only the top-level app gets. Handlers
     * (`app.use(async (ctx) => …)` is a Koa route), mounted routers and middleware scoped to a
     * path (`api.use('/posts/*', cors())` in a Hono sub-app) do not say so.
     */
    function isAppLevelUse(call: TSESTree.CallExpression): boolean {
      const [first, ...rest] = call.arguments;
      if (!first) return false;
      const path = getStringValue(first);
      const args = path === null ? call.arguments : ['*', '/*', '/'].includes(path) ? rest : [];
      return args.some((arg) => {
        const a = skipTransparent(arg);
        if (a.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = skipTransparent(a.callee);
        return !(callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require');
      });
    }
  },
});
