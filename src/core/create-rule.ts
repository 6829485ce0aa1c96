import { RuleCreator, applyDefault } from '@typescript-eslint/utils/eslint-utils';
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

/**
 * Where each rule's page is published, ending in `/`, e.g. `https://…/docs/rules/`. The one
 * place a release sets the public home. Until the project has one it stays undefined, and a
 * finding's docs link is the rule's page inside the installed package (`docs/` ships in it),
 * which exists wherever the plugin is installed.
 */
export const PUBLIC_DOCS_BASE_URL: string | undefined = undefined;

/** The docs link of a rule: its public page when there is one, else its page in this package. */
export function ruleDocsUrl(name: string, base: string | undefined = PUBLIC_DOCS_BASE_URL): string {
  if (base !== undefined) return `${base}${name}.md`;
  // src/core/ and dist/core/ both sit two levels below the package root.
  return new URL(`../../docs/rules/${name}.md`, import.meta.url).href;
}

const baseCreateRule = RuleCreator<SecurityLoggingDocs>((name) => ruleDocsUrl(name));

/** How many distinct option sets a rule remembers (a lint run has one per config block). */
const MAX_REMEMBERED_OPTIONS = 32;

/**
 * Whether two schema-validated option values are the same JSON value: same primitives, arrays of the same
 * length with equal elements, objects with the same own keys and equal values (key order aside).
 */
export function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOptions(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameOptions((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Every rule validates `settings['security-logging']` when it starts on a file, so a wrong
 * setting fails the first file linted with one readable error, not only files that reach a fix.
 *
 * The options with defaults applied are worked out once per distinct option set, not on every
 * file: `RuleCreator` deep-clones the defaults (`structuredClone`) for each file and rule, which
 * cost more than some rules' whole work on a small file. ESLint hands `create` schema-validated
 * JSON options (a new array per file); a structural comparison with the option sets seen before
 * finds the merged object (rules never modify their options, so one serves every file). Not a
 * `JSON.stringify` key: on ESLint's freshly merged option objects that cost about 10 µs per rule
 * and file, more than the comparison.
 */
export const createRule: typeof baseCreateRule = (rule) => {
  const created = baseCreateRule(rule);
  type Options = Parameters<typeof rule.create>[1];
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  /** Option sets seen (a private deep copy of each) and their merged options, most recent first. */
  const remembered: { raw: unknown; options: Options }[] = [];
  return {
    ...created,
    create(context) {
      const raw = context.options;
      let options: Options | undefined;
      for (const entry of remembered) {
        if (sameOptions(entry.raw, raw)) {
          options = entry.options;
          break;
        }
      }
      if (options === undefined) {
        options = applyDefault(defaults, raw as Options);
        if (remembered.length >= MAX_REMEMBERED_OPTIONS) remembered.pop();
        remembered.unshift({ raw: structuredClone(raw), options });
      }
      getSettings(context);
      return rule.create(context, options);
    },
  };
};
