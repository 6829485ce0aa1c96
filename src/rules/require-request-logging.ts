import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../core/create-rule.js';
import { extraNamesOption } from '../core/rule-options.js';
import { enableFastifyLoggerFix, registerRequestLoggerFix } from '../fixes/request-logger-setup.js';
import { type AppUsage, getAppUsage, redirectsOnly } from '../model/app-usage.js';
import { fileRegistersRequestLogging, getServerListener, handsRequestOn, isFrameworkListen, nestAdapterLogs, nestModuleMayLog, readsRequestTarget } from '../model/request-logging.js';
import { type ServerCreation, type ServerFramework, collectServers, fastifyLogsRequests, isTestFile, logsEveryRequest } from '../model/servers.js';

export type Options = [{ requestLoggers?: string[] }];
export type MessageIds = 'missingRequestLogging' | 'addRequestLogger' | 'enableFastifyLogger';

const FRAMEWORK_LABEL: Record<ServerFramework, string> = {
  express: 'Express app',
  koa: 'Koa app',
  fastify: 'Fastify instance',
  hono: 'Hono app',
  nest: 'NestJS app',
  'node-http': 'HTTP server',
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

const OPTIONS = extraNamesOption(
  'requestLoggers',
  'Allow these as request logging too: package names a middleware is imported from (`"@acme/http-log"`) or middleware names (`"auditTrail"`, `"logging.middleware"`)',
);

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
    schema: OPTIONS.schema,
    defaultOptions: [OPTIONS.defaults],
  },
  create(context, [options]) {
    const extra = options.requestLoggers ?? [];
    const filename = context.physicalFilename || context.filename;
    // Test files create throwaway apps around a router under test.
    if (isTestFile(filename)) return {};
    const { calls, creations, onCall, onNew } = collectServers(context);

    return {
      CallExpression: onCall,
      NewExpression: onNew,
      'Program:exit'() {
        if (creations.length === 0) return;
        let fileLogs: boolean | null = null;
        const hasFileLogging = () => (fileLogs ??= fileRegistersRequestLogging(context, calls, extra));
        for (const creation of creations) check(creation, hasFileLogging);
      },
    };

    function check(creation: ServerCreation, hasFileLogging: () => boolean): void {
      const usage = getAppUsage(context, creation.node, creation.framework, calls, extra);
      switch (creation.framework) {
        case 'fastify':
          if (fastifyLogsRequests(creation) || hasFileLogging()) return;
          break;
        case 'node-http': {
          const listener = getServerListener(context, creation);
          // createServer(app) wraps a framework app; a listener that ignores the request is a probe endpoint.
          if (!listener || !readsRequestTarget(context, listener) || handsRequestOn(context, listener) || logsEveryRequest(context, listener) || hasFileLogging()) return;
          // An HTTP-to-HTTPS redirect server answers nothing else; a framework's own `app.listen` serves its users' app.
          if (redirectsOnly(context, listener) || isFrameworkListen(creation)) return;
          break;
        }
        case 'nest':
          // A Nest app that never listens is a script (seeds, migrations) run through the DI container.
          if (!usage.served || hasFileLogging() || nestAdapterLogs(creation) || nestModuleMayLog(context, creation)) return;
          break;
        default:
          // An app that only answers health probes or redirects has no API to keep a record of.
          if (usage.mounted || usage.passed || (usage.returned && !usage.assembled) || usage.probesOnly) return;
          // Logged by the sub-apps it mounts; a one-shot server its own route closes.
          if (usage.mountsLoggedApps || usage.closedByOwnRoute) return;
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
        const fix = enableFastifyLoggerFix(context, creation);
        if (fix) suggest.push({ messageId: 'enableFastifyLogger', data: { what: '`logger: true`' }, fix });
      } else if (usage.path !== null && usage.statement) {
        const setup = registerRequestLoggerFix(context, creation.framework, usage.path, usage.statement);
        if (setup) suggest.push({ messageId: 'addRequestLogger', data: { what: setup.what, framework }, fix: setup.fix });
      }
      context.report({
        node: creation.node,
        messageId: 'missingRequestLogging',
        data: { framework, remedy: remedyFor(creation.framework, app) },
        suggest,
      });
    }
  },
});
