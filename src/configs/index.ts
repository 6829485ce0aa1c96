import type { TSESLint } from '@typescript-eslint/utils';
import type { SecurityLoggingDocs } from '../core/create-rule.js';

type RuleMap = Record<string, { meta: { docs?: SecurityLoggingDocs & { description: string } } }>;
export type ConfigName = 'recommended' | 'strict' | 'all';

const INCLUDES: Record<ConfigName, (docs: SecurityLoggingDocs) => boolean> = {
  recommended: (docs) => docs.recommended === 'recommended',
  strict: (docs) => docs.recommended === 'recommended' || docs.recommended === 'strict',
  all: () => true,
};

/** Build the flat configs from the rules' own docs metadata. */
export function buildConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: RuleMap,
  prefix: string,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const make = (name: ConfigName): TSESLint.FlatConfig.Config => ({
    name: `${prefix}/${name}`,
    plugins: { [prefix]: plugin },
    rules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => rule.meta.docs && INCLUDES[name](rule.meta.docs))
        .map(([ruleName, rule]) => {
          const strictOptions = rule.meta.docs?.strictOptions;
          const entry: TSESLint.FlatConfig.RuleEntry =
            name !== 'recommended' && strictOptions ? ['error', { ...strictOptions }] : 'error';
          return [`${prefix}/${ruleName}`, entry];
        }),
    ),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
