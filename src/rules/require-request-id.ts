import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AccessLoggerCreation, getAccessLoggerCreation, property } from '../model/access-logs.js';
import { type AnyFunction, findVariable, getPropertyName, getRootIdentifier, getStringValue, isFunctionNode, resolveFunction, skipTransparent, walkTree } from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import { lineIndent } from '../fixes/edits.js';
import { importFix } from '../fixes/imports.js';
import { findEnclosingHandler } from '../model/handlers.js';
import { getFrameworkLogger } from '../model/request-context.js';
import { resolveLoggerStyle } from '../model/logger-styles.js';
import { getLoggerCall, isLoggerObject } from '../model/loggers.js';
import { getImportSource, getRequiredModule, readImportedSource } from '../model/modules.js';
import { fileAssignsRequestIds, functionValidates, readRequestIdHeader } from '../model/request-ids.js';
import { type ServerCreation, findProperty, getServerCreation, isTestFile } from '../model/servers.js';

export type Options = [{ requestIdMiddlewares?: string[] }];
export type MessageIds = 'counterRequestId' | 'noRequestId' | 'untrustedRequestId' | 'addGenReqId' | 'moduleLoggerInHandler' | 'useRequestLogger';

/** Request loggers that write no request id of their own (by module specifier). */
const ID_LESS_LOGGERS: Record<string, string> = {
  morgan: 'morgan',
  'express-winston': 'express-winston',
  'koa-logger': 'koa-logger',
  'koa-morgan': 'koa-morgan',
  'hono/logger': "Hono's logger()",
};
/** Request properties that hold its id, as assigned by a middleware. */
const ID_PROPERTY = /^(?:id|requestId|reqId|request_id|req_id|correlationId|correlation_id|traceId)$/u;
/** Request objects a middleware assigns the id on. */
const REQUEST_ROOT = /^(?:req|request|ctx|context|c)$/u;
/** A logger that adds the request id itself, from an AsyncLocalStorage store (pino `mixin`, a winston format reading the store). */
const CONTEXT_AWARE_LOGGER = /\bmixin\b|AsyncLocalStorage|\.getStore\(|rTracer|cls-rtracer|cls-hooked|express-http-context|continuation-local-storage/u;
/** Logger options that write a request id: `req.id`, `requestId`, `ctx.state.correlationId`. */
const WRITES_ID = /\b(?:req|request)\.id\b|\b(?:requestId|reqId|request_id|correlationId|correlation_id|traceId)\b/u;
/** Names a Fastify instance goes by in a route plugin or a server file. */
const FASTIFY_INSTANCE = /^(?:fastify|app|server|instance|api)$/u;
/** A morgan format that prints an id token: `:id`, `:request-id`, `:req[x-request-id]`. */
const MORGAN_ID_TOKEN = /:(?:[\w-]*id\b|req\[[^\]]*id\])/iu;

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
    schema: [
      {
        type: 'object',
        properties: {
          requestIdMiddlewares: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Allow these as request-id middleware too: package names a middleware is imported from (`"@acme/request-context"`) or middleware names (`"withTraceContext"`)',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requestIdMiddlewares: [] }],
  },
  create(context, [options]) {
    const extra = options.requestIdMiddlewares ?? [];
    const filename = context.physicalFilename || context.filename;
    if (isTestFile(filename)) return {};
    const sourceCode = context.sourceCode;
    const calls: TSESTree.CallExpression[] = [];
    const assignments: TSESTree.AssignmentExpression[] = [];
    const creations: ServerCreation[] = [];
    const accessLoggers: AccessLoggerCreation[] = [];
    const reported = new Set<TSESTree.Node>();
    let assignsIds: boolean | null = null;
    const fileGivesIds = () => (assignsIds ??= fileAssignsRequestIds(context, calls, assignments, extra));

    function onCreation(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const creation = getServerCreation(context, node);
      if (creation) creations.push(creation);
    }

    return {
      CallExpression(node) {
        calls.push(node);
        onCreation(node);
        const logger = getAccessLoggerCreation(context, node);
        if (logger && logger.kind === 'pino-http') accessLoggers.push(logger);
        checkIdSetter(node);
        checkModuleLogger(node);
      },
      NewExpression: onCreation,
      // `genReqId` is pino-http's and Fastify's option name: check it wherever the options are built
      // (a nestjs-pino `loggerOptions()` factory, a shared config module).
      Property(node) {
        if (node.parent.type === AST_NODE_TYPES.ObjectExpression && !node.computed && getPropertyName(node) === 'genReqId') checkGenerator(node.value);
      },
      AssignmentExpression(node) {
        assignments.push(node);
        const left = node.left;
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = getPropertyName(left);
        const root = getRootIdentifier(left);
        if (name === null || !ID_PROPERTY.test(name) || !root || !REQUEST_ROOT.test(root.name)) return;
        checkInbound(node.right, node);
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
      const variable = findVariable(context, object);
      if (!variable || !variable.scope || (variable.scope.type !== 'module' && variable.scope.type !== 'global')) return;
      const def = variable.defs[0];
      if (!def || (def.type !== 'Variable' && def.type !== 'ImportBinding')) return;
      const handler = findEnclosingHandler(context, node);
      if (!handler || handler.framework === 'nest') return;
      const requestLogger = getFrameworkLogger(context, handler, node);
      if (!requestLogger || requestLogger.expression === object.name) return;
      // Fastify's request.log is a no-op when the instance has no logger: only a file that logs through it shows it is on.
      if (!new RegExp(`(?<![\\w$.])${requestLogger.expression.replace(/[.$]/gu, '\\$&')}\\.\\w+\\(`, 'u').test(sourceCode.text)) return;
      if (addsContext(def)) return;
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
      const instance = skipTransparent(object.object);
      if (getPropertyName(object) !== 'log' || instance.type !== AST_NODE_TYPES.Identifier || !FASTIFY_INSTANCE.test(instance.name)) return;
      const call = getLoggerCall(context, node);
      if (!call || call.via !== 'logger') return;
      const handler = findEnclosingHandler(context, node);
      if (!handler || handler.framework !== 'fastify') return;
      const requestLogger = getFrameworkLogger(context, handler, node);
      if (!requestLogger || CONTEXT_AWARE_LOGGER.test(sourceCode.text)) return;
      const logger = sourceCode.getText(object);
      const data = { logger, requestLogger: requestLogger.expression };
      context.report({
        node: object,
        messageId: 'moduleLoggerInHandler',
        data,
        suggest: [{ messageId: 'useRequestLogger', data, fix: (fixer) => fixer.replaceText(object, requestLogger.expression) }],
      });
    }

    /** The logger's creation (this file, or the project module it is imported from) adds the id from a context store; unknown counts as yes. */
    function addsContext(def: NonNullable<ReturnType<typeof findVariable>>['defs'][number]): boolean {
      if (def.type === 'ImportBinding') {
        const source = def.parent.type === AST_NODE_TYPES.ImportDeclaration ? def.parent.source.value : null;
        const text = source === null ? null : readImportedSource(context, source);
        return text === null || CONTEXT_AWARE_LOGGER.test(text);
      }
      const init = def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
      if (!init) return true;
      const required = getRequiredModule(skipTransparent(init));
      if (required !== null) {
        const text = readImportedSource(context, required);
        return text === null || CONTEXT_AWARE_LOGGER.test(text);
      }
      const binding = (() => {
        const root = getRootIdentifier(skipTransparent(init), true);
        return root ? getImportSource(context, root) : null;
      })();
      // const logger = createLogger() from ./logging: read that module
      if (binding && binding.source.startsWith('.')) {
        const text = readImportedSource(context, binding.source);
        return text === null || CONTEXT_AWARE_LOGGER.test(text);
      }
      return CONTEXT_AWARE_LOGGER.test(sourceCode.text);
    }

    /** `c.set('requestId', c.req.header('x-request-id') ?? randomUUID())`, `fastify.setGenReqId(fn)`. */
    function checkIdSetter(node: TSESTree.CallExpression): void {
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getPropertyName(callee);
      const receiver = skipTransparent(callee.object);
      if (method === 'set' && node.arguments.length === 2 && receiver.type === AST_NODE_TYPES.Identifier && REQUEST_ROOT.test(receiver.name)) {
        const key = getStringValue(node.arguments[0]);
        if (key !== null && ID_PROPERTY.test(key)) checkInbound(node.arguments[1]!, node);
      } else if (method === 'setGenReqId' && node.arguments[0]) {
        checkGenerator(node.arguments[0]);
      }
    }

    /** An id value that takes an inbound header (directly, as a fallback chain, or through a variable), in a function that validates nothing. */
    function checkInbound(value: TSESTree.Node, at: TSESTree.Node): void {
      const read = inboundRead(value, 0);
      if (!read) return;
      const fn = enclosingFunction(at);
      if (fn && functionValidates(context, fn)) return;
      report(read.node, read.header);
    }

    function inboundRead(value: TSESTree.Node, depth: number): { node: TSESTree.Node; header: string } | null {
      const n = skipTransparent(value);
      const header = readRequestIdHeader(n);
      if (header !== null) return { node: n, header };
      if (depth > 3) return null;
      if (n.type === AST_NODE_TYPES.LogicalExpression) return inboundRead(n.left, depth + 1) ?? inboundRead(n.right, depth + 1);
      if (n.type === AST_NODE_TYPES.ConditionalExpression) return inboundRead(n.consequent, depth + 1) ?? inboundRead(n.alternate, depth + 1);
      if (n.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(context, n);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) return inboundRead(def.node.init, depth + 1);
      }
      return null;
    }

    /** A `genReqId` function: report an inbound id header it reads when it validates nothing. */
    function checkGenerator(value: TSESTree.Node): void {
      const fn = isFunctionNode(skipTransparent(value)) ? (skipTransparent(value) as AnyFunction) : resolveFunction(context, value);
      if (!fn || functionValidates(context, fn)) return;
      walkTree(
        fn.body,
        (node) => {
          if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
          const header = readRequestIdHeader(node);
          if (header !== null) report(node, header);
        },
        sourceCode.visitorKeys,
      );
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
      if (header && !header.shorthand) {
        const v = skipTransparent(header.value);
        const name = v.type === AST_NODE_TYPES.Literal && v.value === true ? 'request-id' : getStringValue(v);
        if (name !== null && name.length > 0) {
          reported.add(header);
          context.report({ node: header, messageId: 'untrustedRequestId', data: { header: name } });
        }
      }
      const gen = findProperty(options, 'genReqId');
      if (gen) {
        checkGenerator(gen.value);
        return;
      }
      const logger = findProperty(options, 'logger') ?? findProperty(options, 'loggerInstance');
      if (!logger || isFalsy(logger.value)) return;
      if (calls.some((c) => c.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(c.callee) === 'setGenReqId')) return;
      const inline = creation.node.arguments[0] && skipTransparent(creation.node.arguments[0]) === options;
      context.report({
        node: creation.node,
        messageId: 'counterRequestId',
        data: { logger: 'This Fastify instance', option: 'genReqId', example: '`req-1`, `req-2`' },
        suggest: inline ? [addOption(options, 'genReqId')] : [],
      });
    }

    function checkPinoHttp(logger: AccessLoggerCreation): void {
      const hono = logger.source === 'hono-pino';
      let opts = logger.options;
      if (logger.opaque) {
        // pinoHttp(logger): a pino instance in place of options
        const arg = logger.call.arguments[0];
        if (logger.source === 'nestjs-pino' || !arg || !isLoggerObject(context, arg)) return;
        opts = null;
      }
      const holder = hono ? httpOptions(opts) : opts;
      if (holder === undefined) return;
      const option = hono ? 'reqId' : 'genReqId';
      const gen = holder ? property(holder, option) : null;
      if (gen) {
        checkGenerator(gen);
        return;
      }
      if (fileGivesIds()) return;
      const inline = !hono && holder !== null && logger.call.arguments[0] && skipTransparent(logger.call.arguments[0]) === holder;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (inline && holder) suggest.push(addOption(holder, option));
      context.report({
        node: logger.call,
        messageId: 'counterRequestId',
        data: { logger: `This ${logger.source} logger`, option: hono ? 'http.reqId' : option, example: '1, 2, 3' },
        suggest,
      });
    }

    /** hono-pino's `{ http: { reqId } }`; undefined when `http` cannot be read. */
    function httpOptions(opts: TSESTree.ObjectExpression | null): TSESTree.ObjectExpression | null | undefined {
      if (!opts) return null;
      const http = property(opts, 'http');
      if (!http) return null;
      const v = skipTransparent(http);
      return v.type === AST_NODE_TYPES.ObjectExpression ? v : undefined;
    }

    /** `app.use(morgan('combined'))`, `app.use(expressWinston.logger(…))`, `app.use(logger())` from hono/logger. */
    function checkIdLessLogger(call: TSESTree.CallExpression): void {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'use') return;
      for (const arg of call.arguments) {
        const a = skipTransparent(arg);
        if (a.type !== AST_NODE_TYPES.CallExpression) continue;
        const source = loggerSource(a);
        if (source === null) continue;
        const format = source === 'morgan' ? getStringValue(a.arguments[0]) : null;
        // morgan('dev') is a developer's console, not an access log anyone joins
        if (format !== null && (format === 'dev' || MORGAN_ID_TOKEN.test(format))) continue;
        // expressWinston.logger({ dynamicMeta: (req) => ({ requestId: req.id }) }): it writes an id set elsewhere
        if (WRITES_ID.test(sourceCode.getText(a))) continue;
        if (fileGivesIds()) return;
        context.report({ node: a, messageId: 'noRequestId', data: { logger: ID_LESS_LOGGERS[source]!, remedy: remedyFor(source) } });
      }
    }

    function loggerSource(call: TSESTree.CallExpression): string | null {
      const callee = skipTransparent(call.callee);
      const required = getRequiredModule(callee);
      if (required !== null) return required in ID_LESS_LOGGERS ? required : null;
      const root = getRootIdentifier(callee);
      const binding = root ? getImportSource(context, root) : null;
      if (!binding || !(binding.source in ID_LESS_LOGGERS)) return null;
      if (binding.source === 'express-winston') {
        const member = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : binding.imported;
        return member === 'logger' ? binding.source : null;
      }
      if (binding.source === 'hono/logger') return binding.imported === 'logger' && callee.type === AST_NODE_TYPES.Identifier ? binding.source : null;
      return callee.type === AST_NODE_TYPES.Identifier ? binding.source : null;
    }

    function remedyFor(source: string): string {
      if (source === 'hono/logger') return "`app.use(requestId())` from 'hono/request-id', then log `c.get('requestId')`";
      if (source.startsWith('koa')) return '`ctx.state.requestId = randomUUID()` in a first middleware, or koa-requestid';
      return "`req.id = randomUUID()` in a first middleware, and a morgan token / express-winston `dynamicMeta` that writes it";
    }

    function addOption(options: TSESTree.ObjectExpression, option: string): TSESLint.SuggestionReportDescriptor<MessageIds> {
      return {
        messageId: 'addGenReqId',
        data: { option },
        fix: (fixer) => {
          const fixes: TSESLint.RuleFix[] = [];
          const text = `${option}: () => randomUUID()`;
          if (options.properties.length === 0) {
            fixes.push(fixer.replaceText(options, `{ ${text} }`));
          } else {
            const first = options.properties[0]!;
            const open = sourceCode.getFirstToken(options)!;
            fixes.push(
              first.loc.start.line === open.loc.end.line
                ? fixer.insertTextAfter(open, ` ${text},`)
                : fixer.insertTextBefore(first, `${text},\n${lineIndent(context, first)}`),
            );
          }
          const imp = importFix(context, fixer, 'randomUUID', 'node:crypto', 'named');
          if (imp) fixes.push(imp);
          return fixes;
        },
      };
    }
  },
});

function isFalsy(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return !n.value;
  return n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined';
}

function enclosingFunction(node: TSESTree.Node): AnyFunction | null {
  let current = node.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  return current ?? null;
}
