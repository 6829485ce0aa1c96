import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createRule } from '../core/create-rule.js';
import { fingerprintFix } from '../fixes/configured-helpers.js';
import { dropTrailingValueFix } from '../fixes/secret-value.js';
import { getLoggerCall } from '../model/loggers.js';
import { type PiiCategory, type PiiFinding, PII_CATEGORIES, createPiiAnalyzer } from '../model/pii.js';
import { getSettings } from '../core/settings.js';
import { inCommandLineCommand } from '../model/command-line.js';

export type Options = [
  {
    categories?: PiiCategory[];
    piiWords?: string[];
    allowedNames?: string[];
    sanitizers?: string[];
  },
];
export type MessageIds = 'piiInLog' | 'useFingerprint' | 'dropValue';

export default createRule<Options, MessageIds>({
  name: 'no-pii-in-log',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow e-mail addresses, phone numbers, national ids, dates of birth and people's names in log calls",
      recommended: 'strict',
      cwe: ['CWE-532', 'CWE-359'],
      owasp: ['A09:2025'],
    },
    hasSuggestions: true,
    messages: {
      piiInLog:
        '{{description}} is personal data written to the log in clear text: everyone who can read the logs (and every log processor they are shipped to) gets it, and retention and erasure rules now apply to the logs. Log an opaque id or a keyed fingerprint instead, or leave it out.',
      useFingerprint: 'Replace `{{text}}` with `{{helper}}({{text}})`.',
      dropValue: 'Remove `{{text}}` from the log call.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          categories: {
            type: 'array',
            items: { type: 'string', enum: [...PII_CATEGORIES] },
            uniqueItems: true,
            description: 'Require only these kinds of personal data to stay out of logs (`email`, `phone`, `national-id`, `birth-date`, `name`); all by default.',
          },
          piiWords: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Disallow these extra words or names too (tokenized like identifiers, e.g. `iban`, `homeAddress`).',
          },
          allowedNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Allow these names even though they end in a personal-data word (e.g. `authorEmail` on a public blog).',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Allow values passed through these functions (names or member paths, e.g. `pseudonymize`, `privacy.blind`), in addition to the built-in hash/mask/redact/anonymize helpers and the configured `fingerprint`.',
          },
        },
      },
    ],
    defaultOptions: [{ categories: [...PII_CATEGORIES], piiWords: [], allowedNames: [], sanitizers: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const fingerprint = getSettings(context).fingerprint;
    const analyzer = createPiiAnalyzer(context, {
      categories: options.categories ?? PII_CATEGORIES,
      piiWords: options.piiWords ?? [],
      allowedNames: options.allowedNames ?? [],
      sanitizers: [...(options.sanitizers ?? []), ...(fingerprint ? [fingerprint.name] : [])],
    });

    return {
      CallExpression(node) {
        const call = getLoggerCall(context, node);
        if (!call || (call.via !== 'logger' && call.via !== 'logFunction')) return;
        // A command-line command answers the operator who ran it on their terminal.
        if (inCommandLineCommand(node, sourceCode)) return;
        for (const arg of call.args) {
          const value = arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg;
          for (const finding of analyzer.findPii(value)) report(node, finding);
        }
      },
    };

    function shortText(node: TSESTree.Node): string {
      const t = sourceCode.getText(node).replace(/\s+/gu, ' ');
      return t.length > 40 ? `${t.slice(0, 37)}…` : t;
    }

    function report(call: TSESTree.CallExpression, finding: PiiFinding): void {
      const text = shortText(finding.node);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const wrap = fingerprintFix(context, finding.node);
      if (wrap && fingerprint) suggest.push({ messageId: 'useFingerprint', data: { text, helper: fingerprint.name }, fix: wrap });
      const drop = dropTrailingValueFix(call, finding.node);
      if (drop) suggest.push({ messageId: 'dropValue', data: { text }, fix: drop });
      const description = `${finding.concept} \`${text}\`${finding.detail}`;
      context.report({
        node: finding.node,
        messageId: 'piiInLog',
        data: { description: description.charAt(0).toUpperCase() + description.slice(1) },
        suggest,
      });
    }
  },
});
