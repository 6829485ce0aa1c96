import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AccessLoggerCreation,
  DEFAULT_SECRET_HEADERS,
  accessLoggerWritesFullUrl,
  SET_COOKIE,
  getAccessLoggerCreation,
  headerOfRedactPath,
  morganSecretTokens,
  property,
  redactPaths,
  serializerWritesHeaders,
} from '../model/access-logs.js';
import { findVariable, getPropertyName, getStringValue, isFunctionNode, skipTransparent } from '../model/ast.js';
import { createRequestInputTracker } from '../model/request-input.js';
import { isSecretName } from '../model/secrets/names.js';
import { createRule } from '../core/create-rule.js';
import { getSettings } from '../core/settings.js';
import { createLogFieldFilters } from '../model/log-serializers.js';
import { isTestFile } from '../model/servers.js';

export type Options = [{ secretHeaders?: string[] }];

export type MessageIds = 'headersLogged' | 'morganSecretToken' | 'secretInUrl' | 'stripQuery';

export default createRule<Options, MessageIds>({
  name: 'no-credentials-in-request-log',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow access-log middleware that records Authorization, Cookie, API-key or Set-Cookie headers',
      recommended: 'strict',
      cwe: ['CWE-532'],
      owasp: ['A09:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      headersLogged:
        '{{source}} writes every request header{{response}} of every request to the log, and nothing here redacts {{missing}}: bearer tokens, session cookies and API keys end up in log storage. Add them to `{{option}}`.',
      morganSecretToken: 'This morgan format prints {{tokens}}: a credential written to the access log on every request. Remove it from the format.',
      secretInUrl:
        '{{source}} writes the full URL of every request to the log, query string included, and this file reads the credential {{param}} from the query string ({{read}}): every request that carries it leaves it in log storage. Log the path without the query (a `req` serializer or format without it), or accept the credential in a header.',
      stripQuery: 'Log the request URL without its query string ({{how}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          secretHeaders: {
            type: 'array',
            items: { type: 'string' },
            description: 'Require these request headers (lowercase, besides authorization, cookie and x-api-key) to be redacted too.',
          },
        },
      },
    ],
    defaultOptions: [{ secretHeaders: [] }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const logFieldFilters = createLogFieldFilters(context);
    const secretHeaders = [
      ...new Set([...DEFAULT_SECRET_HEADERS, ...getSettings(context).secretHeaders, ...(options.secretHeaders ?? []).map((h) => h.toLowerCase())]),
    ];

    /** Access loggers of the file that write the full URL, and the first secret query parameter the file reads. */
    const urlLoggers: AccessLoggerCreation[] = [];
    const requestInput = createRequestInputTracker(context);
    let secretQuery: { param: string; node: TSESTree.Node } | null = null;

    return {
      CallExpression(node) {
        if (!secretQuery) {
          const param = secretQueryCall(node);
          if (param) secretQuery = { param, node };
        }
        const creation = getAccessLoggerCreation(context, node);
        if (!creation) return;
        if (accessLoggerWritesFullUrl(creation, sourceCode)) urlLoggers.push(creation);
        if (creation.kind === 'morgan') checkMorgan(creation);
        else if (creation.kind === 'pino-http') checkPinoHttp(creation);
        else checkExpressWinston(creation);
      },
      MemberExpression(node) {
        if (secretQuery) return;
        const param = secretQueryMember(node);
        if (param) secretQuery = { param, node };
      },
      'Program:exit'() {
        if (!secretQuery) return;
        const read = sourceCode.getText(secretQuery.node);
        for (const creation of urlLoggers) {
          const strip = stripQueryFix(creation);
          context.report({
            node: creation.call,
            messageId: 'secretInUrl',
            data: {
              source: creation.source === 'nestjs-pino' ? 'nestjs-pino (pino-http)' : creation.source,
              param: `\`${secretQuery.param}\``,
              read: read.length > 60 ? `${read.slice(0, 57)}…` : read,
            },
            suggest: strip ? [{ messageId: 'stripQuery', data: { how: strip.how }, fix: strip.fix }] : [],
          });
        }
      },
    };

    /**
     * A suggestion that logs the URL without its query: pino-http gets a `req` serializer that keeps
     * id, method and the path (it receives pino's standard request object; headers are left out too);
     * express-winston gets a `requestFilter` that trims `url` / `originalUrl` and drops `query`.
     * morgan formats are left to a human (the fix would be a custom token).
     */
    function stripQueryFix(creation: AccessLoggerCreation): { how: string; fix: TSESLint.ReportFixFunction } | null {
      if (creation.kind === 'pino-http' && creation.source === 'pino-http') {
        const serializer = "serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }) }";
        const how = 'a `req` serializer that keeps the path';
        if (creation.options) return property(creation.options, 'serializers') ? null : { how, fix: addProperty(creation.options, serializer) };
        if (creation.call.arguments.length === 0) {
          const close = sourceCode.getLastToken(creation.call)!;
          return { how, fix: (fixer) => fixer.insertTextBefore(close, `{ ${serializer} }`) };
        }
        return null;
      }
      // The default message (`HTTP {{req.method}} {{req.url}}`) reads the raw request: the message is replaced too.
      if (creation.kind === 'express-winston' && creation.options && !property(creation.options, 'requestFilter') && !property(creation.options, 'msg')) {
        return {
          how: 'a `requestFilter` that trims `url` and `originalUrl` and drops `query`, and a message with the path only',
          fix: addProperty(
            creation.options,
            "msg: \"HTTP {{req.method}} {{String(req.originalUrl || req.url).split('?')[0]}}\", requestFilter: (req, propName) => (propName === 'url' || propName === 'originalUrl' ? String(req[propName]).split('?')[0] : propName === 'query' ? undefined : req[propName])",
          ),
        };
      }
      return null;
    }

    /** `req.query.api_key`, `ctx.query.token`, `const { token } = req.query`: a secret-named value the shared request-input tracker traces to the query string. */
    function secretQueryMember(node: TSESTree.MemberExpression): string | null {
      const name = getPropertyName(node);
      return name !== null && isSecretName(name) && requestInput.classify(node)?.origin === 'query' ? name : null;
    }

    /** `url.searchParams.get('token')`, `c.req.query('api_key')`: a secret-named query parameter read by name. */
    function secretQueryCall(node: TSESTree.CallExpression): string | null {
      const first = node.arguments[0];
      const name = first ? getStringValue(first) : null;
      return name !== null && isSecretName(name) && requestInput.classify(node)?.origin === 'query' ? name : null;
    }

    function checkMorgan(creation: AccessLoggerCreation): void {
      const format = getStringValue(creation.call.arguments[0]);
      if (format === null) return;
      const tokens = morganSecretTokens(format, secretHeaders);
      if (tokens.length === 0) return;
      context.report({ node: creation.call.arguments[0]!, messageId: 'morganSecretToken', data: { tokens: tokens.map((t) => `\`${t}\``).join(', ') } });
    }

    function checkPinoHttp(creation: AccessLoggerCreation): void {
      if (creation.opaque) return;
      const opts = creation.options;
      if (opts) {
        const autoLogging = property(opts, 'autoLogging');
        if (autoLogging && autoLogging.type === AST_NODE_TYPES.Literal && autoLogging.value === false) return;
      }
      let requestCovered = false;
      let responseCovered = false;
      const serializers = opts ? property(opts, 'serializers') : null;
      if (serializers) {
        const s = skipTransparent(serializers);
        if (s.type !== AST_NODE_TYPES.ObjectExpression) return;
        const req = property(s, 'req');
        const res = property(s, 'res');
        if (req) {
          const verdict = serializerLeavesHeadersOut(req);
          if (verdict === null) return;
          requestCovered = verdict;
        }
        if (res) {
          const verdict = serializerLeavesHeadersOut(res);
          if (verdict === null) return;
          responseCovered = verdict;
        }
      }
      const redacted: { side: 'req' | 'res'; header: string }[] = [];
      const redact = opts ? property(opts, 'redact') : null;
      if (redact) {
        const paths = redactPaths(redact);
        if (paths === null) return;
        for (const p of paths) {
          const h = headerOfRedactPath(p);
          if (h) redacted.push(h);
        }
      }
      // pinoHttp({ logger }): what that logger's own redact and serializers drop counts too.
      const loggerOption = opts ? property(opts, 'logger') : null;
      const loggerFilter = loggerOption ? logFieldFilters.forLogger(loggerOption) : null;
      if (loggerOption && !loggerFilter) return;
      const has = (side: 'req' | 'res', header: string) =>
        redacted.some((r) => r.side === side && (r.header === header || r.header === '*')) || (loggerFilter?.drops(side, [['headers', header]]) ?? false);
      const missingRequest = requestCovered ? [] : secretHeaders.filter((h) => !has('req', h));
      const missingResponse = responseCovered || has('res', SET_COOKIE) ? [] : [SET_COOKIE];
      if (missingRequest.length === 0 && missingResponse.length === 0) return;
      const missing = [...missingRequest, ...missingResponse.map((h) => `the response's ${h}`)];
      const paths = [...missingRequest.map((h) => redactPathFor('req', h)), ...missingResponse.map((h) => redactPathFor('res', h))];
      context.report({
        node: creation.call,
        messageId: 'headersLogged',
        data: {
          source: creation.source === 'nestjs-pino' ? 'nestjs-pino (pino-http)' : creation.source,
          response: ' and response header',
          missing: missing.join(', '),
          option: 'redact',
        },
        fix: redactFix(creation, redact, paths),
      });
    }

    function checkExpressWinston(creation: AccessLoggerCreation): void {
      if (creation.opaque) return;
      const opts = creation.options;
      if (opts) {
        const meta = property(opts, 'meta');
        if (meta && meta.type === AST_NODE_TYPES.Literal && meta.value === false) return;
        // requestFilter can drop anything: trust it.
        if (property(opts, 'requestFilter')) return;
        const whitelist = property(opts, 'requestWhitelist');
        if (whitelist) {
          const w = skipTransparent(whitelist);
          if (w.type !== AST_NODE_TYPES.ArrayExpression) return;
          if (!w.elements.some((e) => e && getStringValue(e) === 'headers')) return;
        }
      }
      const blacklist = opts ? property(opts, 'headerBlacklist') : null;
      let listed: string[] = [];
      if (blacklist) {
        const b = skipTransparent(blacklist);
        if (b.type !== AST_NODE_TYPES.ArrayExpression) return;
        listed = b.elements.map((e) => (e ? (getStringValue(e) ?? '') : '').toLowerCase());
      }
      const missing = secretHeaders.filter((h) => !listed.includes(h));
      if (missing.length === 0) return;
      context.report({
        node: creation.call,
        messageId: 'headersLogged',
        data: { source: 'express-winston', response: '', missing: missing.join(', '), option: 'headerBlacklist' },
        fix: listFix(creation, blacklist, 'headerBlacklist', missing.map((h) => `'${h}'`)),
      });
    }

    /** True: the serializer leaves whole headers out; false: it writes them; null: cannot tell. */
    function serializerLeavesHeadersOut(value: TSESTree.Node): boolean | null {
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
      if (n.type === AST_NODE_TYPES.MemberExpression && /stdSerializers/u.test(sourceCode.getText(n))) return false;
      return null;
    }

    function redactFix(creation: AccessLoggerCreation, redact: TSESTree.Node | null, paths: string[]): TSESLint.ReportFixFunction | null {
      const quoted = paths.map((p) => `'${p.replace(/'/gu, "\\'")}'`);
      if (redact) {
        let r = skipTransparent(redact);
        if (r.type === AST_NODE_TYPES.ObjectExpression) {
          const inner = property(r, 'paths');
          if (!inner) return null;
          r = skipTransparent(inner);
        }
        return r.type === AST_NODE_TYPES.ArrayExpression ? appendToArray(r, quoted) : null;
      }
      if (creation.options) return addProperty(creation.options, `redact: [${quoted.join(', ')}]`);
      // pinoHttp() with no options
      if (creation.source !== 'nestjs-pino' && creation.call.arguments.length === 0) {
        const call = creation.call;
        const close = sourceCode.getLastToken(call)!;
        return (fixer) => fixer.insertTextBefore(close, `{ redact: [${quoted.join(', ')}] }`);
      }
      return null;
    }

    function listFix(creation: AccessLoggerCreation, list: TSESTree.Node | null, key: string, items: string[]): TSESLint.ReportFixFunction | null {
      if (list) {
        const l = skipTransparent(list);
        return l.type === AST_NODE_TYPES.ArrayExpression ? appendToArray(l, items) : null;
      }
      return creation.options ? addProperty(creation.options, `${key}: [${items.join(', ')}]`) : null;
    }

    function appendToArray(array: TSESTree.ArrayExpression, items: string[]): TSESLint.ReportFixFunction {
      const last = array.elements[array.elements.length - 1];
      if (!last) {
        const close = sourceCode.getLastToken(array)!;
        return (fixer) => fixer.insertTextBefore(close, items.join(', '));
      }
      return (fixer) => fixer.insertTextAfter(last, `, ${items.join(', ')}`);
    }

    function addProperty(object: TSESTree.ObjectExpression, text: string): TSESLint.ReportFixFunction {
      const last = object.properties[object.properties.length - 1];
      if (!last) return (fixer) => fixer.replaceText(object, `{ ${text} }`);
      const multiline = object.loc.start.line !== object.loc.end.line;
      if (!multiline) return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
      const indent = sourceCode.lines[last.loc.start.line - 1]!.match(/^\s*/u)![0];
      const after = sourceCode.getTokenAfter(last);
      const hasComma = after?.value === ',';
      return (fixer) => fixer.insertTextAfter(hasComma ? after! : last, `${hasComma ? '' : ','}\n${indent}${text},`);
    }
  },
});

/** A pino redact path for a header: dotted when the name allows it, bracketed otherwise. */
function redactPathFor(side: 'req' | 'res', header: string): string {
  return /^[A-Za-z_$][\w$]*$/u.test(header) ? `${side}.headers.${header}` : `${side}.headers["${header}"]`;
}
