import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type CredentialSource, createCredentialClassifier } from '../model/credentials.js';
import { createRule } from '../core/create-rule.js';
import { configuredHelperFix } from '../fixes/configured-helpers.js';
import { importFix } from '../fixes/imports.js';
import { chooseUnusedName, isNameInScope } from '../fixes/names.js';
import { createRequestInputTracker } from '../model/request-input.js';
import { getSettings } from '../core/settings.js';

export type Options = [{ includeLookups?: boolean }];
export type MessageIds = 'nonConstantTimeCompare' | 'nonConstantTimeLookup' | 'useSafeEqual' | 'useSafeCompare';

const EQUALITY = new Set(['===', '!==', '==', '!=']);

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
    const sourceCode = context.sourceCode;
    const credentials = createCredentialClassifier(context, createRequestInputTracker(context));
    const { safeCompare } = getSettings(context);

    /** `safeCompare(presented, expected)` (negated for `!==`), through the shared configured-helper fix. */
    function projectHelperFix(node: TSESTree.BinaryExpression, presented: TSESTree.Node, held: TSESTree.Node, negated: boolean): TSESLint.ReportFixFunction | null {
      const helper = safeCompare!;
      return configuredHelperFix(context, helper, node, (fixer) => {
        const call = `${helper.name}(${sourceCode.getText(presented)}, ${sourceCode.getText(held)})`;
        return fixer.replaceText(node, negated ? `!${call}` : call);
      });
    }

    return {
      BinaryExpression(node) {
        if (!EQUALITY.has(node.operator) || node.left.type === AST_NODE_TYPES.PrivateIdentifier) return;
        const left = credentials.classify(node.left);
        const right = credentials.classify(node.right);
        if (!isSecretComparison(left, right, node)) return;
        const leftPresents = left === 'presented' || left === 'parameter' || (left === 'unknown' && right === 'mac');
        const [presented, held] = leftPresents ? [node.left, node.right] : [node.right, node.left];
        const negated = node.operator === '!==' || node.operator === '!=';
        // The project's helper, when settings name it: an autofix (it is the team's own, length-safe compare).
        const configured = safeCompare ? projectHelperFix(node, presented, held, negated) : null;
        context.report({
          node,
          messageId: 'nonConstantTimeCompare',
          data: { operator: node.operator, left: describe(left), right: describe(right) },
          fix: configured,
          suggest: configured
            ? [{ messageId: 'useSafeCompare', data: { helper: safeCompare!.name }, fix: configured }]
            : [suggestion(node, presented, held, negated)],
        });
      },
      CallExpression(node) {
        if (!options.includeLookups) return;
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        const method = callee.property.name;
        if ((method !== 'includes' && method !== 'indexOf') || node.arguments.length !== 1) return;
        const argument = node.arguments[0]!;
        if (argument.type === AST_NODE_TYPES.SpreadElement) return;
        if (credentials.classify(argument) !== 'presented') return;
        const list = credentials.classify(callee.object);
        if (list !== 'stored' && list !== 'record') return;
        context.report({ node, messageId: 'nonConstantTimeLookup', data: { method } });
      },
    };

    function isSecretComparison(left: CredentialSource, right: CredentialSource, node: TSESTree.BinaryExpression): boolean {
      const pair = new Set([left, right]);
      if (pair.has('constant') || pair.has('hash')) return false;
      // request input against configuration, a stored record or a computed signature
      if (pair.has('presented') && (pair.has('stored') || pair.has('record') || pair.has('mac'))) return true;
      // a credential-named parameter: only against configuration or a signature (a record
      // compared with a parameter is as often a duplicate check as an authentication)
      if (pair.has('parameter') && (pair.has('stored') || pair.has('mac'))) return true;
      // signature !== expected, where expected is an HMAC the server computed
      if (pair.has('mac') && (left === 'unknown' || right === 'unknown')) {
        const other = left === 'mac' ? node.right : node.left;
        return other.type === AST_NODE_TYPES.Identifier || other.type === AST_NODE_TYPES.MemberExpression;
      }
      return false;
    }

    function describe(source: CredentialSource): string {
      return DESCRIBE[source] ?? 'a value';
    }

    function suggestion(
      node: TSESTree.BinaryExpression,
      presented: TSESTree.Node,
      held: TSESTree.Node,
      negated: boolean,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> {
      const program = sourceCode.ast;
      // A `safeEqual` already in scope is this fix's helper from an earlier finding, or the
      // project's own: reuse it rather than adding a second one.
      const helper = 'safeEqual';
      const exists = isNameInScope(context, node, helper);
      const cryptoName = chooseUnusedName(context, program, program, ['nodeCrypto']);
      return {
        messageId: 'useSafeEqual',
        data: { helper },
        fix(fixer) {
          const call = `${helper}(${sourceCode.getText(presented)}, ${sourceCode.getText(held)})`;
          const fixes: TSESLint.RuleFix[] = [fixer.replaceText(node, negated ? `!${call}` : call)];
          if (exists) return fixes;
          const typed = /\.(?:m|c)?tsx?$/u.test(context.filename);
          const params = typed ? 'presented: unknown, expected: unknown): boolean' : 'presented, expected)';
          fixes.push(
            fixer.insertTextAfterRange(
              [program.range[1], program.range[1]],
              `\n\n/** Compare a presented credential with the expected one in constant time; false unless both are non-empty strings. */\nfunction ${helper}(${params} {\n` +
                `  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;\n` +
                `  const a = ${cryptoName}.createHash('sha256').update(presented).digest();\n` +
                `  const b = ${cryptoName}.createHash('sha256').update(expected).digest();\n` +
                `  return ${cryptoName}.timingSafeEqual(a, b);\n}\n`,
            ),
          );
          const imported = importFix(context, fixer, cryptoName, 'node:crypto', 'default');
          if (imported) fixes.push(imported);
          return fixes;
        },
      };
    }
  },
});
