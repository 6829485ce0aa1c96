import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * A background task that calls an async function of another module of the project (issue 15, "the
 * callee already logs"): when that function catches every failure and logs it, its promise cannot
 * reject, and the task loses nothing. The modules are written to a temporary project and linted
 * through `filename`; the callee is trimmed from n8n's external-secrets cache refresh (every
 * provider refreshed in its own try/catch that logs).
 */
const project = tempProject('background-task-callee-modules-', ['src/secrets']);
const root = project.root;
const write = (file: string, text: string) => project.write(join('src', file), text);

write(
  'secrets/cache.js',
  `const { logger } = require('../logger');
async function refreshProvider(provider) {
  try {
    await provider.update();
  } catch (error) {
    logger.error('Error updating secrets provider', { providerName: provider.displayName, error });
  }
}
async function refreshAll() {
  try {
    await Promise.allSettled(providers.map((provider) => refreshProvider(provider)));
  } catch (error) {
    logger.error('Could not refresh external secrets', { error });
  }
}
async function refreshAllQuietly() {
  await Promise.all(providers.map((provider) => provider.update()));
}
module.exports = { refreshAll, refreshAllQuietly };
`,
);

const file = join(root, 'src', 'secrets', 'manager.js');
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (an imported callee that cannot reject)', rule, {
  valid: [
    // the chain's root is the cache refresh, which catches and logs every failure
    {
      filename: file,
      code: `const secretsCache = require('./cache');
function startUpdateInterval(interval) {
  this.updateInterval = setInterval(() => {
    secretsCache.refreshAll().then(() => {
      lastRefresh = Date.now();
    });
  }, interval);
}`,
    },
    // \`void\` on the same call under includeVoidedCalls
    {
      filename: file,
      options: [{ includeVoidedCalls: true }],
      code: `const { refreshAll } = require('./cache');
function startUpdateInterval(interval) {
  this.updateInterval = setInterval(() => void refreshAll(), interval);
}`,
    },
  ],
  invalid: [
    // the refresh that lets a provider's failure reject: nobody records it
    {
      filename: file,
      code: `const secretsCache = require('./cache');
function startUpdateInterval(interval) {
  this.updateInterval = setInterval(() => {
    secretsCache.refreshAllQuietly().then(() => {
      lastRefresh = Date.now();
    });
  }, interval);
}`,
      errors: [{ messageId: 'floatingPromise', line: 4, suggestions: [{ messageId: "addCatch", data: { call: "console.error" }, output: "const secretsCache = require('./cache');\nfunction startUpdateInterval(interval) {\n  this.updateInterval = setInterval(() => {\n    secretsCache.refreshAllQuietly().then(() => {\n      lastRefresh = Date.now();\n    }).catch((err) => console.error('refreshAllQuietly failed', err));\n  }, interval);\n}" }] }],
    },
    {
      filename: file,
      options: [{ includeVoidedCalls: true }],
      code: `const { refreshAllQuietly } = require('./cache');
function startUpdateInterval(interval) {
  this.updateInterval = setInterval(() => void refreshAllQuietly(), interval);
}`,
      errors: [{ messageId: 'floatingPromise', line: 3, suggestions: [{ messageId: "addCatch", data: { call: "console.error" }, output: "const { refreshAllQuietly } = require('./cache');\nfunction startUpdateInterval(interval) {\n  this.updateInterval = setInterval(() => void refreshAllQuietly().catch((err) => console.error('refreshAllQuietly failed', err)), interval);\n}" }] }],
    },
  ],
});
