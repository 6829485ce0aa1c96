import type { TSESTree } from '@typescript-eslint/utils';
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
  serializerLeavesHeadersOut,
} from '../model/access-logs.js';
import { getStringValue, skipTransparent } from '../model/ast.js';
import { createSecretQueryReader } from '../model/secret-queries.js';
import { redactFix, listFix, redactPathFor, stripQueryFix } from '../fixes/access-log-redaction.js';
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
    const secretQueries = createSecretQueryReader(context);
    let secretQuery: { param: string; node: TSESTree.Node } | null = null;

    return {
      CallExpression(node) {
        if (!secretQuery) {
          const param = secretQueries.call(node);
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
        const param = secretQueries.member(node);
        if (param) secretQuery = { param, node };
      },
      'Program:exit'() {
        if (!secretQuery) return;
        const read = sourceCode.getText(secretQuery.node);
        for (const creation of urlLoggers) {
          const strip = stripQueryFix(context, creation);
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
          const verdict = serializerLeavesHeadersOut(context, req);
          if (verdict === null) return;
          requestCovered = verdict;
        }
        if (res) {
          const verdict = serializerLeavesHeadersOut(context, res);
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
        fix: redactFix(context, creation, redact, paths),
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
        fix: listFix(context, creation, blacklist, 'headerBlacklist', missing.map((h) => `'${h}'`)),
      });
    }
  },
});
