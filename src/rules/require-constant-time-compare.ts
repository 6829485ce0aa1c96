import { type CredentialSource, createCredentialClassifier, getSecretBufferEquals, getSecretComparison, getSecretLookup } from '../model/credentials.js';
import { createRule } from '../core/create-rule.js';
import { SAFE_EQUAL, projectSafeCompareFix, safeEqualFix } from '../fixes/safe-compare.js';
import { createRequestInputTracker } from '../model/request-input.js';
import { getSettings } from '../core/settings.js';

export type Options = [{ includeLookups?: boolean }];
export type MessageIds = 'nonConstantTimeCompare' | 'nonConstantTimeLookup' | 'useSafeEqual' | 'useSafeCompare';

const DESCRIBE: Partial<Record<CredentialSource, string>> = {
  presented: 'a credential the client sent',
  parameter: 'a credential passed in',
  stored: 'a secret the server holds',
  record: 'a stored secret',
  mac: 'a signature the server computed',
};

export default createRule<Options, MessageIds>({
  name: 'require-constant-time-compare',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require secrets, API keys and signatures to be compared in constant time',
      recommended: 'strict',
      cwe: ['CWE-208'],
      owasp: ['A09:2025'],
      strictOptions: { includeLookups: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      nonConstantTimeCompare:
        '`{{operator}}` compares {{left}} with {{right}} and stops at the first differing character, so the response time tells an attacker how much of the secret they have guessed (CWE-208). Compare in constant time: hash both sides to equal-length digests and use crypto.timingSafeEqual.',
      nonConstantTimeLookup:
        '`.{{method}}()` looks a credential the client sent up in a list of secrets with `===`, which leaks through timing how much of a key matched. Compare against each key in constant time (crypto.timingSafeEqual on equal-length digests).',
      useSafeEqual: 'Compare with a constant-time helper `{{helper}}` (SHA-256 of both sides, then crypto.timingSafeEqual).',
      useSafeCompare: "Compare with the project's constant-time helper `{{helper}}` (settings['security-logging'].safeCompare).",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          includeLookups: {
            type: 'boolean',
            description: 'Require `keys.includes(presented)` / `keys.indexOf(presented)` over a list of secrets to be reported too.',
          },
        },
      },
    ],
    defaultOptions: [{ includeLookups: false }],
  },
  create(context, [options]) {
    const credentials = createCredentialClassifier(context, createRequestInputTracker(context));
    const { safeCompare } = getSettings(context);

    return {
      BinaryExpression(node) {
        const comparison = getSecretComparison(credentials, node);
        if (!comparison) return;
        const { left, right, presented, held, negated } = comparison;
        // The project's helper, when settings name it: an autofix (it is the team's own, length-safe compare).
        const configured = safeCompare ? projectSafeCompareFix(context, node, presented, held, negated) : null;
        context.report({
          node,
          messageId: 'nonConstantTimeCompare',
          data: { operator: node.operator, left: describe(left), right: describe(right) },
          fix: configured,
          suggest: configured
            ? [{ messageId: 'useSafeCompare', data: { helper: safeCompare!.name }, fix: configured }]
            : [{ messageId: 'useSafeEqual', data: { helper: SAFE_EQUAL }, fix: safeEqualFix(context, node, presented, held, negated) }],
        });
      },
      CallExpression(node) {
        // Buffer's equals stops at the first differing byte too. No suggestion: the string helper
        // would refuse buffers (and turn a valid signature away).
        const equals = getSecretBufferEquals(credentials, node);
        if (equals) context.report({ node, messageId: 'nonConstantTimeCompare', data: { operator: '.equals()', left: describe(equals.left), right: describe(equals.right) } });
        if (!options.includeLookups) return;
        const method = getSecretLookup(credentials, node);
        if (method) context.report({ node, messageId: 'nonConstantTimeLookup', data: { method } });
      },
    };

    function describe(source: CredentialSource): string {
      return DESCRIBE[source] ?? 'a value';
    }
  },
});
