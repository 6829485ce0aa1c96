import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * An injected service's method whose only fallible work is an awaited method of a service injected into
 * ITS class, which catches every failure in its own module: one more hop is read (session 33). Trimmed from
 * n8n's execution recovery (`this.push.once('editorUiConnected', async () => { await sleep(1000); await
 * this.workflowPushNotifier.notify(id, msg) })`, where `notify` awaits
 * `this.workflowSharingService.getUserIdsWithAccessToWorkflowSafe(id)`, which catches and logs). A second
 * service that lets the failure escape, or a chain one hop longer, stays reported.
 */
const project = tempProject('background-task-hops-', ['dist/push', 'dist/sharing', 'dist/recovery']);
const root = project.root;

/** The service one hop away: `notify` awaits `this.sharing.<method>()`, injected through paramtypes metadata. */
project.write(
  'dist/push/push-notifier.service.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PushNotifier = void 0;
const push_1 = require("./push");
const sharing_service_1 = require("../sharing/sharing.service");
let PushNotifier = class PushNotifier {
    constructor(push, sharingService) {
        this.push = push;
        this.sharingService = sharingService;
    }
    async notify(workflowId, msg) {
        const userIds = await this.sharingService.getUserIdsSafe(workflowId);
        this.push.sendToUsers(msg, userIds);
    }
    async notifyLoudly(workflowId, msg) {
        const userIds = await this.sharingService.getUserIds(workflowId);
        this.push.sendToUsers(msg, userIds);
    }
    async notifyThroughChain(workflowId, msg) {
        const userIds = await this.sharingService.getUserIdsThroughCache(workflowId);
        this.push.sendToUsers(msg, userIds);
    }
};
exports.PushNotifier = PushNotifier;
exports.PushNotifier = PushNotifier = __decorate([
    (0, di_1.Service)(),
    __metadata("design:paramtypes", [push_1.Push, sharing_service_1.SharingService])
], PushNotifier);
`,
);
/** The service two hops away. */
project.write(
  'dist/sharing/sharing.service.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SharingService = void 0;
const cache_service_1 = require("./cache.service");
let SharingService = class SharingService {
    constructor(logger, repository, cache) {
        this.logger = logger;
        this.repository = repository;
        this.cache = cache;
    }
    async getUserIdsSafe(workflowId) {
        try {
            return await this.getUserIds(workflowId);
        }
        catch (error) {
            this.logger.error('Failed to resolve who can access the workflow', { workflowId, error });
            return [];
        }
    }
    async getUserIds(workflowId) {
        const rows = await this.repository.find({ where: { workflowId } });
        return rows.map((row) => row.userId);
    }
    async getUserIdsThroughCache(workflowId) {
        return await this.cache.getSafe(workflowId);
    }
};
exports.SharingService = SharingService;
exports.SharingService = SharingService = __decorate([
    (0, di_1.Service)(),
    __metadata("design:paramtypes", [Logger, Repository, cache_service_1.CacheService])
], SharingService);
`,
);
/** Three hops away: never read. */
project.write(
  'dist/sharing/cache.service.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CacheService = void 0;
let CacheService = class CacheService {
    async getSafe(key) {
        try {
            return await this.client.get(key);
        }
        catch (error) {
            this.logger.error('cache read failed', { error });
            return [];
        }
    }
};
exports.CacheService = CacheService;
`,
);

const recovery = (method: string) => `"use strict";
const sleep_1 = require("@n8n/utils/sleep");
const push_notifier_service_1 = require("../push/push-notifier.service");
let ExecutionRecoveryService = class ExecutionRecoveryService {
    constructor(push, pushNotifier) {
        this.push = push;
        this.pushNotifier = pushNotifier;
    }
    recover(workflowId) {
        this.push.once('editorUiConnected', async () => {
            await (0, sleep_1.sleep)(1000);
            await this.pushNotifier.${method}(workflowId, { type: 'executionRecovered' });
        });
    }
};
exports.ExecutionRecoveryService = ExecutionRecoveryService;
exports.ExecutionRecoveryService = ExecutionRecoveryService = __decorate([
    (0, di_1.Service)(),
    __metadata("design:paramtypes", [Push, push_notifier_service_1.PushNotifier])
], ExecutionRecoveryService);
`;

const filename = join(root, 'dist', 'recovery', 'execution-recovery.service.js');
/** The listener reported, with the suggestion wrapping its body in try/catch. */
const reported = (method: string) => [
  {
    messageId: 'asyncCallback' as const,
    line: 10,
    suggestions: [
      {
        messageId: 'wrapInTryCatch' as const,
        output: recovery(method).replace(
          `            await (0, sleep_1.sleep)(1000);\n            await this.pushNotifier.${method}(workflowId, { type: 'executionRecovered' });\n`,
          `            try {\n                await (0, sleep_1.sleep)(1000);\n                await this.pushNotifier.${method}(workflowId, { type: 'executionRecovered' });\n            } catch (err) {\n                console.error('recover editorUiConnected listener failed', err);\n            }\n`,
        ),
      },
    ],
  },
];
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (an injected service whose injected service cannot reject)', rule, {
  valid: [
    // notify's only fallible work is the second service's method that catches and logs everything
    { filename, code: recovery('notify') },
  ],
  invalid: [
    // the second service's method lets the repository's failure escape
    { filename, code: recovery('notifyLoudly'), errors: reported('notifyLoudly') },
    // one hop further (a third service) is not read: unknown, so reported
    { filename, code: recovery('notifyThroughChain'), errors: reported('notifyThroughChain') },
  ],
});
