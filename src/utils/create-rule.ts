import { ESLintUtils } from '@typescript-eslint/utils';
import { getSettings } from './settings.js';

/** OWASP Top 10:2025 categories this plugin covers. */
export type OwaspCategory = 'A09:2025' | 'A10:2025';

/** Our additions to `meta.docs`; the configs are built from these. */
export interface SecurityLoggingDocs {
  /** `'recommended'` rules are in `recommended`, `strict` and `all`; `'strict'` ones in `strict` and `all`. */
  recommended: 'recommended' | 'strict' | false;
  /** CWE ids, e.g. `['CWE-390', 'CWE-778']`. */
  cwe: readonly string[];
  /** OWASP Top 10:2025 categories. */
  owasp: readonly OwaspCategory[];
  /** True when the rule gets sharper with type information (it never requires it). */
  usesTypeInformation?: boolean;
  /**
   * Options that the `strict` (and `all`) config sets for this rule: the noisier but useful
   * policies. `recommended` uses the rule's defaults. Keys must be options in the rule's schema.
   */
  strictOptions?: Readonly<Record<string, unknown>>;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-security-logging/eslint-plugin-security-logging';

export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;
}

const baseCreateRule = ESLintUtils.RuleCreator<SecurityLoggingDocs>(ruleDocsUrl);

/**
 * Every rule validates `settings['security-logging']` when it starts on a file, so a wrong
 * setting fails the first file linted with one readable error, not only files that reach a fix.
 */
export const createRule: typeof baseCreateRule = (rule) =>
  baseCreateRule({
    ...rule,
    create(context, options) {
      getSettings(context);
      return rule.create(context, options);
    },
  });
