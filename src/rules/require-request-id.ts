import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AccessLoggerCreation, getAccessLoggerCreation, property, takesLoggerForOptions } from '../model/access-logs.js';
import { getEnclosingFunction, getModuleLevelDefinition, resolveFunction, skipTransparent } from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import { extraNamesOption } from '../core/rule-options.js';
import { generatedIdOptionFix } from '../fixes/generated-id.js';
import { findEnclosingHandler } from '../model/handlers.js';
import { fileLogsThrough, getFrameworkLogger, isFastifyInstanceLogger } from '../model/request-context.js';
import { resolveLoggerStyle } from '../model/logger-styles.js';
import { getLoggerCall } from '../model/loggers.js';
import {
  ID_LESS_LOGGERS,
  accessLogRecordsId,
  callsSetGenReqId,
  fastifyRequestIdHeader,
  fileAssignsRequestIds,
  findInboundIdRead,
  functionValidates,
  genReqIdSetterArgument,
  idGeneratorOption,
  idLessLoggerRemedy,
  idHeaderReadsIn,
  isIdGeneratorProperty,
  isRequestIdSetter,
  isRequestIdTarget,
  loggerAddsRequestContext,
  mountedIdLessLoggers,
  readsContextStore,
} from '../model/request-ids.js';
import { findProperty } from '../model/ast.js';
import { type ServerCreation, collectServers, isFalsyLiteral, isTestFile } from '../model/servers.js';

export type Options = [{ requestIdMiddlewares?: string[] }];
export type MessageIds = 'counterRequestId' | 'noRequestId' | 'untrustedRequestId' | 'addGenReqId' | 'moduleLoggerInHandler' | 'useRequestLogger';

const OPTIONS = extraNamesOption(
  'requestIdMiddlewares',
  'Allow these as request-id middleware too: package names a middleware is imported from (`"@acme/request-context"`) or middleware names (`"withTraceContext"`)',
);

export default createRule<Options, MessageIds>({
  name: 'require-request-id',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a globally unique, validated id on every request the server logs',
      recommended: 'strict',
      cwe: ['CWE-778', 'CWE-117'],
      owasp: ['A09:2025'],
    },
    hasSuggestions: true,
    messages: {
      counterRequestId:
        "{{logger}} is set up without `{{option}}`: its request id is a per-process counter ({{example}}), which restarts at 1 with every process and repeats across replicas, so one request's log lines cannot be told apart from another's. Generate a unique id: `{{option}}: () => randomUUID()` (node:crypto), or accept an inbound id only after validating it.",
      noRequestId:
        '{{logger}} logs each request without a request id, and nothing in this file gives requests one: the access log cannot be joined with the application\'s own log lines for the same request. Register a request-id middleware before it ({{remedy}}) and log the id.',
      untrustedRequestId:
        'The inbound `{{header}}` header is used as the request id without validation: any client can choose it — reuse another request\'s id to hide among its events, or send a huge or log-breaking value. Accept it only if it matches a safe pattern (for example `/^[\\w-]{1,64}$/`), else generate `randomUUID()`; echo the id in the response header.',
      addGenReqId: 'Add `{{option}}: () => randomUUID()` (imported from node:crypto).',
      moduleLoggerInHandler:
        '`{{logger}}` is not the request\'s logger: inside this request handler its lines carry no request id, so they cannot be joined with the other lines of the same request. Log with the request\'s logger `{{requestLogger}}`, which carries the id.',
      useRequestLogger: 'Log with `{{requestLogger}}` instead of `{{logger}}`.',
    },
    schema: OPTIONS.schema,
    defaultOptions: [OPTIONS.defaults],
  },
  create(context, [options]) {
    const extra = options.requestIdMiddlewares ?? [];
    const filename = context.physicalFilename || context.filename;
    if (isTestFile(filename)) return {};
    const sourceCode = context.sourceCode;
    const assignments: TSESTree.AssignmentExpression[] = [];
    const { calls, creations, onCall, onNew } = collectServers(context);
    const accessLoggers: AccessLoggerCreation[] = [];
    const reported = new Set<TSESTree.Node>();
    let assignsIds: boolean | null = null;
    const fileGivesIds = () => (assignsIds ??= fileAssignsRequestIds(context, calls, assignments, extra));

    return {
      CallExpression(node) {
        onCall(node);
        const logger = getAccessLoggerCreation(context, node);
        if (logger && logger.kind === 'pino-http') accessLoggers.push(logger);
        checkIdSetter(node);
        checkModuleLogger(node);
      },
      NewExpression: onNew,
      // `genReqId` is pino-http's and Fastify's option name: check it wherever the options are built
      // (a nestjs-pino `loggerOptions()` factory, a shared config module).
      Property(node) {
        if (isIdGeneratorProperty(node)) checkGenerator(node.value);
      },
      AssignmentExpression(node) {
        assignments.push(node);
        if (isRequestIdTarget(node.left)) checkInbound(node.right, node);
      },
      'Program:exit'() {
        for (const creation of creations) if (creation.framework === 'fastify') checkFastify(creation);
        for (const logger of accessLoggers) checkPinoHttp(logger);
        for (const call of calls) checkIdLessLogger(call);
      },
    };

    /**
     * `logger.info(…)` on a module-level logger inside a handler whose request has its own logger
     * (`request.log`, `req.log`, `ctx.log`, used in this file). A suggestion, not a fix: the request
     * logger may be another pino instance with other destinations, serializers or redaction.
     */
    function checkModuleLogger(node: TSESTree.CallExpression): void {
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const object = skipTransparent(callee.object);
      if (object.type === AST_NODE_TYPES.MemberExpression) {
        checkInstanceLogger(node, object);
        return;
      }
      if (object.type !== AST_NODE_TYPES.Identifier) return;
      const call = getLoggerCall(context, node);
      if (!call || call.via !== 'logger') return;
      const def = getModuleLevelDefinition(context, object);
      if (!def) return;
      const handler = findEnclosingHandler(context, node);
      if (!handler || handler.framework === 'nest') return;
      const requestLogger = getFrameworkLogger(context, handler, node);
      if (!requestLogger || requestLogger.expression === object.name) return;
      // Fastify's request.log is a no-op when the instance has no logger: only a file that logs through it shows it is on.
      if (!fileLogsThrough(context, requestLogger.expression)) return;
      if (loggerAddsRequestContext(context, def)) return;
      const style = resolveLoggerStyle(context, object);
      const data = { logger: object.name, requestLogger: requestLogger.expression };
      context.report({
        node: object,
        messageId: 'moduleLoggerInHandler',
        data,
        suggest: style?.style === 'pino' ? [{ messageId: 'useRequestLogger', data, fix: (fixer) => fixer.replaceText(object, requestLogger.expression) }] : [],
      });
    }

    /**
     * `fastify.log.info(…)` inside a Fastify route: the instance logger, whose child `request.log`
     * carries the request id. A suggestion: a route's `logLevel` can make `request.log` quieter.
     */
    function checkInstanceLogger(node: TSESTree.CallExpression, object: TSESTree.MemberExpression): void {
      if (!isFastifyInstanceLogger(object)) return;
      const call = getLoggerCall(context, node);
      if (!call || call.via !== 'logger') return;
      const handler = findEnclosingHandler(context, node);
      if (!handler || handler.framework !== 'fastify') return;
      const requestLogger = getFrameworkLogger(context, handler, node);
      if (!requestLogger || readsContextStore(sourceCode.text)) return;
      const logger = sourceCode.getText(object);
      const data = { logger, requestLogger: requestLogger.expression };
      context.report({
        node: object,
        messageId: 'moduleLoggerInHandler',
        data,
        suggest: [{ messageId: 'useRequestLogger', data, fix: (fixer) => fixer.replaceText(object, requestLogger.expression) }],
      });
    }

    /** `c.set('requestId', c.req.header('x-request-id') ?? randomUUID())`, `fastify.setGenReqId(fn)`. */
    function checkIdSetter(node: TSESTree.CallExpression): void {
      if (isRequestIdSetter(node)) {
        checkInbound(node.arguments[1]!, node);
        return;
      }
      const generator = genReqIdSetterArgument(node);
      if (generator) checkGenerator(generator);
    }

    /** An id value that takes an inbound header (directly, as a fallback chain, or through a variable), in a function that validates nothing. */
    function checkInbound(value: TSESTree.Node, at: TSESTree.Node): void {
      const read = findInboundIdRead(context, value);
      if (!read) return;
      const fn = getEnclosingFunction(at);
      if (fn && functionValidates(context, fn)) return;
      report(read.node, read.header);
    }

    /** A `genReqId` function: report an inbound id header it reads when it validates nothing. */
    function checkGenerator(value: TSESTree.Node): void {
      const fn = resolveFunction(context, value);
      if (!fn || functionValidates(context, fn)) return;
      for (const read of idHeaderReadsIn(fn, sourceCode.visitorKeys)) report(read.node, read.header);
    }

    function report(node: TSESTree.Node, header: string): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'untrustedRequestId', data: { header } });
    }

    function checkFastify(creation: ServerCreation): void {
      const options = creation.options;
      if (creation.opaqueOptions || !options || options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return;
      const header = findProperty(options, 'requestIdHeader');
      const name = header && !header.shorthand ? fastifyRequestIdHeader(header) : null;
      if (header && name !== null) {
        reported.add(header);
        context.report({ node: header, messageId: 'untrustedRequestId', data: { header: name } });
      }
      const gen = findProperty(options, 'genReqId');
      if (gen) {
        checkGenerator(gen.value);
        return;
      }
      const logger = findProperty(options, 'logger') ?? findProperty(options, 'loggerInstance');
      if (!logger || isFalsyLiteral(logger.value)) return;
      if (callsSetGenReqId(calls)) return;
      const inline = creation.node.arguments[0] && skipTransparent(creation.node.arguments[0]) === options;
      context.report({
        node: creation.node,
        messageId: 'counterRequestId',
        data: { logger: 'This Fastify instance', option: 'genReqId', example: '`req-1`, `req-2`' },
        suggest: inline ? [addOption(options, 'genReqId')] : [],
      });
    }

    function checkPinoHttp(logger: AccessLoggerCreation): void {
      let opts = logger.options;
      if (logger.opaque) {
        // pinoHttp(logger): a pino instance in place of options
        if (!takesLoggerForOptions(context, logger)) return;
        opts = null;
      }
      const { holder, option, shown, nested } = idGeneratorOption(logger, opts);
      if (holder === undefined) return;
      const gen = holder ? property(holder, option) : null;
      if (gen) {
        checkGenerator(gen);
        return;
      }
      if (fileGivesIds()) return;
      const inline = !nested && holder !== null && logger.call.arguments[0] && skipTransparent(logger.call.arguments[0]) === holder;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (inline && holder) suggest.push(addOption(holder, option));
      context.report({
        node: logger.call,
        messageId: 'counterRequestId',
        data: { logger: `This ${logger.source} logger`, option: shown, example: '1, 2, 3' },
        suggest,
      });
    }

    /** `app.use(morgan('combined'))`, `app.use(expressWinston.logger(…))`, `app.use(logger())` from hono/logger. */
    function checkIdLessLogger(call: TSESTree.CallExpression): void {
      for (const { node: a, source } of mountedIdLessLoggers(context, call)) {
        if (accessLogRecordsId(context, a, source)) continue;
        if (fileGivesIds()) return;
        context.report({ node: a, messageId: 'noRequestId', data: { logger: ID_LESS_LOGGERS[source]!, remedy: idLessLoggerRemedy(source) } });
      }
    }

    function addOption(options: TSESTree.ObjectExpression, option: string): TSESLint.SuggestionReportDescriptor<MessageIds> {
      return { messageId: 'addGenReqId', data: { option }, fix: generatedIdOptionFix(context, options, option) };
    }
  },
});

