import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { buildConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version, namespace: 'security-logging' },
  rules,
  configs: {} as ReturnType<typeof buildConfigs>,
};

plugin.configs = buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules, 'security-logging');

export { rules };
export type { SecurityLoggingSettings, LoggerSetting, FingerprintSetting, LoggerStyle } from './core/settings.js';
export default plugin;
// `require()` of this ESM package (CommonJS `eslint.config.cjs`, eslint-doc-generator) returns the plugin itself, not `{ default, rules }`.
export { plugin as 'module.exports' };
