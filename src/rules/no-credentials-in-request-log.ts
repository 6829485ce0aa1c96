import type { TSESTree } from '@typescript-eslint/utils';
import {
  type AccessLoggerCreation,
  DEFAULT_SECRET_HEADERS,
  accessLoggerLabel,
  accessLoggerWritesFullUrl,
  expressWinstonUnlistedHeaders,
  getAccessLoggerCreation,
  morganSecretTokens,
  pinoHttpUnredactedHeaders,
} from '../model/access-logs.js';
import { getStringValue } from '../model/ast.js';
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
              source: accessLoggerLabel(creation),
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
      const unredacted = pinoHttpUnredactedHeaders(context, creation, secretHeaders, logFieldFilters);
      if (!unredacted) return;
      const { request: missingRequest, response: missingResponse, redact } = unredacted;
      if (missingRequest.length === 0 && missingResponse.length === 0) return;
      const missing = [...missingRequest, ...missingResponse.map((h) => `the response's ${h}`)];
      const paths = [...missingRequest.map((h) => redactPathFor('req', h)), ...missingResponse.map((h) => redactPathFor('res', h))];
      context.report({
        node: creation.call,
        messageId: 'headersLogged',
        data: {
          source: accessLoggerLabel(creation),
          response: ' and response header',
          missing: missing.join(', '),
          option: 'redact',
        },
        fix: redactFix(context, creation, redact, paths),
      });
    }

    function checkExpressWinston(creation: AccessLoggerCreation): void {
      const unlisted = expressWinstonUnlistedHeaders(creation, secretHeaders);
      if (!unlisted || unlisted.missing.length === 0) return;
      const { missing, blacklist } = unlisted;
      context.report({
        node: creation.call,
        messageId: 'headersLogged',
        data: { source: 'express-winston', response: '', missing: missing.join(', '), option: 'headerBlacklist' },
        fix: listFix(context, creation, blacklist, 'headerBlacklist', missing.map((h) => `'${h}'`)),
      });
    }
  },
});
