import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createRule } from '../core/create-rule.js';
import { fingerprintFix } from '../fixes/configured-helpers.js';
import { dropValueFix, redactValueFix, sha256Fix } from '../fixes/secret-value.js';
import { type RedactPattern, createLogFieldFilters, fastifySerializesRequest, redactCoversAll } from '../model/log-serializers.js';
import { createLoggerRedaction } from '../model/logger-redaction.js';
import { type LoggerCall, getDebugLogCall, getLoggerCall } from '../model/loggers.js';
import { isAbsentWhereLogged } from '../model/secrets/absent-values.js';
import { type ConfigDump, findConfigDumps } from '../model/secrets/config-objects.js';
import { createSecretAnalyzer } from '../model/secrets/values.js';
import type { SecretFinding } from '../model/secrets/verdicts.js';
import { getSettings } from '../core/settings.js';
import { existsOnlyInDevelopment } from '../model/environment.js';
import { inCommandAction, promptsOperator } from '../model/command-line.js';

export type Options = [
  {
    secretWords?: string[];
    allowedNames?: string[];
    sanitizers?: string[];
    configObjects?: boolean;
  },
];
export type MessageIds = 'rawSecret' | 'secretObject' | 'useSha256' | 'dropValue' | 'redactValue';


export default createRule<Options, MessageIds>({
  name: 'no-raw-secret-in-log',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passwords, tokens, API keys, cookies and other secrets in log calls',
      recommended: 'recommended',
      cwe: ['CWE-532', 'CWE-312'],
      owasp: ['A09:2025'],
      usesTypeInformation: true,
      strictOptions: { configObjects: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      rawSecret:
        '{{description}} is written to the log in clear text; anyone who reads the logs can use it. Log a fingerprint of it instead, redact it, or leave it out.',
      secretObject:
        '`{{text}}` ({{what}}) is logged whole and carries {{carries}}. Log only the fields you need, or redact them in the logger configuration.',
      useSha256: "Replace `{{text}}` with a truncated SHA-256 fingerprint (node:crypto's createHash).",
      dropValue: 'Remove `{{text}}` from the log call.',
      redactValue: "Replace `{{text}}` with '[REDACTED]'.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          secretWords: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Disallow these extra secret words or names too (tokenized like identifiers, e.g. `pat`, `licenseKey`, `sessionId`).',
          },
          allowedNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Allow these names even though they contain a secret word (e.g. `tokenBucket`, `demoApiKey`).',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Allow values passed through these functions (names or member paths, e.g. `redactSecrets`, `logUtils.scrub`), in addition to the built-in redact/mask/sanitize/hash helpers and the configured `fingerprint`.',
          },
          configObjects: {
            type: 'boolean',
            description:
              "Disallow configuration objects logged whole (`logger.info(config)`, `console.log('config', JSON.stringify(settings))`, `console.log(process.env)`): they carry every key, password and connection string the app was given. Off by default (the object's contents are usually in another file); on in `strict`.",
          },
        },
      },
    ],
    defaultOptions: [{ secretWords: [], allowedNames: [], sanitizers: [], configObjects: false }],
  },
  create(context, [options]) {
    const settings = getSettings(context);
    const fingerprint = settings.fingerprint;
    const sourceCode = context.sourceCode;
    const analyzer = createSecretAnalyzer(context, {
      secretWords: options.secretWords ?? [],
      allowedNames: options.allowedNames ?? [],
      sanitizers: [...(options.sanitizers ?? []), ...(fingerprint ? [fingerprint.name] : [])],
    });
    const logCalls: LoggerCall[] = [];
    const redaction = createLoggerRedaction(context);
    const fieldFilters = createLogFieldFilters(context);
    let interactive: boolean | undefined;

    return {
      CallExpression(node) {
        redaction.noteCall(node);
        const call = getLoggerCall(context, node) ?? getDebugLogCall(context, node);
        if (call && (call.via === 'logger' || call.via === 'logFunction')) logCalls.push(call);
      },
      'Program:exit'() {
        for (const call of logCalls) check(call);
      },
    };

    function check(call: LoggerCall): void {
      // `if (isDev) { app.post('/test-webhook', …) }`: code production never runs logs no production secret.
      if (existsOnlyInDevelopment(call.node)) return;
      // An interactive terminal program (it prompts the operator) or a command-line command's handler prints its answer
      // with `console` (the key it was asked to create); that is not a log.
      if (call.loggerPath === 'console' && ((interactive ??= promptsOperator(context)) || inCommandAction(call.node))) return;
      const args = call.args.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a));
      const labels = analyzer.argumentLabels(args);
      let censored: RedactPattern[] | null | undefined;
      args.forEach((arg, index) => {
        const findings = analyzer.findSecrets(arg, labels[index] ?? null, index === 0 ? [] : null);
        // A whole configuration object is reported under `configObjects`; a database's connection
        // parameters always (the password is in them).
        for (const dump of findConfigDumps(context, arg)) {
          if ((!options.configObjects && !dump.connection) || findings.some((f) => f.node === dump.node)) continue;
          reportConfigDump(call, dump);
        }
        for (const finding of findings) {
          // `if (!token) { log.error({ token }, 'missing token') }`: the log records that it is missing.
          if (!finding.whole && !finding.embedded && isAbsentWhereLogged(context, finding.node)) continue;
          if (finding.fieldPath !== null) {
            censored ??= redaction.redactionFor(call.node);
            if (censored && redactCoversAll(censored, finding.fieldPath, finding.redactPaths)) continue;
            // Fastify's own `req` serializer logs method, url, host and ip, never headers or body.
            if (finding.whole === true && finding.fieldPath.length === 1 && finding.fieldPath[0] === 'req' && fastifySerializesRequest(context, call)) continue;
            // The logger's `serializers.req` (here or in the logger module this file imports) leaves the headers out.
            if (droppedBySerializer(call, finding)) continue;
          }
          report(call, finding);
        }
      });
    }

    /** Every secret path of the finding (`logContext` = `{ headers: req.headers }` → `headers.authorization`) goes through a serializer of its field that leaves it out. */
    function droppedBySerializer(call: LoggerCall, finding: SecretFinding): boolean {
      const byField = new Map<string, string[][]>();
      for (const sub of finding.redactPaths) {
        const [field, ...rest] = [...finding.fieldPath!, ...sub];
        if (field === undefined) return false;
        const list = byField.get(field) ?? [];
        list.push(rest);
        byField.set(field, list);
      }
      if (byField.size === 0) return false;
      const filter = fieldFilters.forLogCall(call.node);
      return filter !== null && [...byField].every(([field, subs]) => filter.drops(field, subs));
    }

    // ----- reports and fixes -----

    function shortText(node: TSESTree.Node): string {
      const t = sourceCode.getText(node).replace(/\s+/gu, ' ');
      return t.length > 40 ? `${t.slice(0, 37)}…` : t;
    }

    function report(call: LoggerCall, finding: SecretFinding): void {
      const text = shortText(finding.node);
      const wrapable = !finding.whole && !finding.embedded;
      const wrapFix = wrapable && fingerprint ? fingerprintFix(context, finding.node) : null;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (wrapable && !wrapFix) suggest.push({ messageId: 'useSha256', data: { text }, fix: sha256Fix(context, finding.node) });
      const drop = dropValueFix(call.node, finding.node);
      if (drop) suggest.push({ messageId: 'dropValue', data: { text }, fix: drop });
      const redact = redactValueFix(context, finding.node);
      if (redact) suggest.push({ messageId: 'redactValue', data: { text }, fix: redact });
      if (finding.whole) {
        context.report({
          node: finding.node,
          messageId: 'secretObject',
          data: { text, what: finding.what, carries: finding.carries },
          fix: null,
          suggest,
        });
        return;
      }
      const description = `${finding.what} \`${text}\`${finding.detail}`;
      context.report({
        node: finding.node,
        messageId: 'rawSecret',
        data: { description: description.charAt(0).toUpperCase() + description.slice(1) },
        fix: wrapFix,
        suggest,
      });
    }

    function reportConfigDump(call: LoggerCall, dump: ConfigDump): void {
      const text = shortText(dump.node);
      const drop = dropValueFix(call.node, dump.node);
      context.report({
        node: dump.node,
        messageId: 'secretObject',
        data: { text, what: dump.what, carries: dump.connection ? "the database user's password" : 'every key, password and connection string the app was given' },
        suggest: drop ? [{ messageId: 'dropValue', data: { text }, fix: drop }] : [],
      });
    }
  },
});
