import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * A background task that awaits a method of a service injected into its class (`this.cache.refreshAll()`,
 * the constructor keeping a parameter whose class TypeScript's `design:paramtypes` metadata or a type
 * annotation names): when that method, read in the service's own module, catches every failure, the task
 * cannot reject through it, directly or through a same-file method. Trimmed from n8n's secrets refresh
 * (`setInterval(async () => await this.secretsCache.refreshAll(), …)`) and publication reconciler (a
 * follower's `await this.deactivator.sweepGhostTriggers()`, caught and reported there). A method that lets
 * the failure escape, a service of a package (not the project), or a field not injected stays reported.
 */
const project = tempProject('background-task-injected-', ['dist', 'src']);
const root = project.root;

project.write(
  'dist/secrets-cache.service.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SecretsCache = void 0;
let SecretsCache = class SecretsCache {
    constructor(logger, registry) {
        this.logger = logger;
        this.registry = registry;
    }
    async refreshAll() {
        await Promise.allSettled(this.registry.getAll().map(async (provider) => await this.refreshProvider(provider)));
        this.logger.debug('Refreshed secrets from all providers');
    }
    async refreshProvider(provider) {
        try {
            await provider.update();
        }
        catch (error) {
            this.logger.error('Error refreshing secrets', { error });
        }
    }
    async refreshLoudly() {
        await Promise.all(this.registry.getAll().map((provider) => provider.update()));
    }
};
exports.SecretsCache = SecretsCache;
exports.SecretsCache = SecretsCache = __decorate([(0, di_1.Service)()], SecretsCache);
`,
);
project.write(
  'src/secrets-cache.service.ts',
  `export class SecretsCache {
  constructor(private readonly logger: Logger) {}
  async refreshAll(): Promise<void> {
    try {
      await this.update();
    } catch (error) {
      this.logger.error('Error refreshing secrets', { error });
    }
  }
  async refreshLoudly(): Promise<void> {
    await this.update();
  }
}
`,
);

const compiled = (call: string) => `"use strict";
const backend_common_1 = require("@n8n/backend-common");
const secrets_cache_service_1 = require("./secrets-cache.service");
let SecretsManager = class SecretsManager {
    constructor(logger, secretsCache) {
        this.logger = logger;
        this.secretsCache = secretsCache;
    }
    startSecretsRefresh() {
        this.refreshInterval = setInterval(async () => await this.secretsCache.${call}(), 60000);
    }
    async reconcile() {
        await this.secretsCache.${call}();
    }
    startReconciler() {
        this.reconcileInterval = setInterval(async () => await this.reconcile(), 60000);
    }
};
exports.SecretsManager = SecretsManager;
exports.SecretsManager = SecretsManager = __decorate([
    (0, di_1.Service)(),
    __metadata("design:paramtypes", [backend_common_1.Logger, secrets_cache_service_1.SecretsCache])
], SecretsManager);
`;
const source = (call: string) => `import { Logger } from '@n8n/backend-common';
import { SecretsCache } from './secrets-cache.service';
export class SecretsManager {
  private refreshInterval?: NodeJS.Timeout;
  constructor(private readonly logger: Logger, private readonly secretsCache: SecretsCache) {}
  startSecretsRefresh() {
    this.refreshInterval = setInterval(async () => await this.secretsCache.${call}(), 60000);
  }
}
`;

/** The suggestion wrapping `await <inner>` of the interval callback in try/catch, at the line's indent (`pad`) and unit (`unit`). */
const wrapped = (code: string, inner: string, label: string, pad: string, unit: string) => ({
  messageId: 'wrapInTryCatch' as const,
  output: code.replace(
    `setInterval(async () => await ${inner}, 60000)`,
    `setInterval(async () => {\n${pad}${unit}try {\n${pad}${unit}${unit}await ${inner};\n${pad}${unit}} catch (err) {\n${pad}${unit}${unit}console.error('${label} interval task failed', err);\n${pad}${unit}}\n${pad}}, 60000)`,
  ),
});
const compiledErrors = (code: string, call: string) => [
  { messageId: 'asyncCallback' as const, line: 10, suggestions: [wrapped(code, `this.secretsCache.${call}()`, 'startSecretsRefresh', '        ', '    ')] },
  { messageId: 'asyncCallback' as const, line: 16, suggestions: [wrapped(code, 'this.reconcile()', 'startReconciler', '        ', '    ')] },
];
const noMetadata = compiled('refreshAll').replace(/__metadata\("design:paramtypes", \[[^\]]*\]\)/u, '(0, di_1.Service)()');

const compiledFile = join(root, 'dist', 'secrets-manager.js');
const sourceFile = join(root, 'src', 'secrets-manager.ts');
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (an injected service that cannot reject)', rule, {
  valid: [
    // TypeScript's CommonJS output: the paramtypes metadata names the service's class; directly and through a method
    { filename: compiledFile, code: compiled('refreshAll') },
    // the TypeScript source: the parameter property's type annotation names it
    { filename: sourceFile, code: source('refreshAll') },
  ],
  invalid: [
    // the injected method lets a provider's failure escape
    { filename: compiledFile, code: compiled('refreshLoudly'), errors: compiledErrors(compiled('refreshLoudly'), 'refreshLoudly') },
    {
      filename: sourceFile,
      code: source('refreshLoudly'),
      errors: [{ messageId: 'asyncCallback', line: 7, suggestions: [wrapped(source('refreshLoudly'), 'this.secretsCache.refreshLoudly()', 'startSecretsRefresh', '    ', '  ')] }],
    },
    // no metadata names the field's class: nothing to read
    { filename: compiledFile, code: noMetadata, errors: compiledErrors(noMetadata, 'refreshAll') },
  ],
});
