import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { winstonInScope } from './_shared.js';

/**
 * Promises set aside inside background callbacks: a call whose promise is neither awaited nor
 * caught, `.then` / `.finally` without a rejection handler, and `void call()` (reported on its own with
 * `includeVoidedCalls`). Handled, collected and awaited promises are fine, and so is `void` on a call
 * that cannot reject or on a handled chain.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (promises set aside)', rule, {
  valid: [
    {
      code: `async function refresh() { await tokens.refresh(); }
setInterval(() => {
  refresh().catch((err) => logger.error({ err }, 'refresh failed'));
}, 60_000);`,
    },
    {
      code: `async function refresh() { await tokens.refresh(); }
setInterval(() => void refresh().catch(console.error), 60_000);`,
    },
    {
      code: `async function a() { await x(); }
async function b() { await y(); }
setInterval(async () => {
  const results = await Promise.allSettled([a(), b()]);
  report(results);
}, 1000);`,
    },
    {
      code: `async function load(id) { await fetchOne(id); }
setInterval(() => {
  const pending = [];
  for (const id of ids) pending.push(load(id));
  Promise.allSettled(pending).then((r) => console.log(r.length));
}, 1000);`,
    },
    {
      code: `async function refresh() { await tokens.refresh(); }
setInterval(() => fireAndForget(refresh(), 'refresh'), 1000);
setInterval(() => { detach(refresh()); }, 1000);`,
    },
    {
      code: `async function runSafely(p) { await p; }
async function refresh() { await tokens.refresh(); }
setInterval(() => { runSafely(refresh()); }, 1000);`,
      settings: {"security-logging":{"logFunctions":["runSafely"]}},
    },
    {
      code: `import { syncRemote } from './sync';
setInterval(() => {
  syncRemote();
}, 1000);`,
    },
    {
      code: `async function retry() { await x(); }
async function main() {
  retry();
}`,
    },

    // `void` on a same-file function that cannot reject, on a wait, or on a handled chain; and
    // `void main()` at the top of a script whose `main` is out of sight (only `includeVoidedCalls` guesses;
    // a same-file `main` that may reject is reported in any context: voided-contexts.test.ts).
    'function refresh() { counter += 1; }\nsetInterval(() => void refresh(), 1000);',
    'setInterval(() => { void sleep(100); }, 1000);',
    "setInterval(() => void sync().catch((err) => logger.error({ err }, 'sync failed')), 1000);",
    'void main();',
    // --- fix outputs: applying a fix once leaves nothing to report (idempotent) ---
    {
      code: `async function warmCache() { await cache.load(); }
setTimeout(() => {
  warmCache().catch((err) => console.error('warmCache failed', err));
}, 10);`,
    },
    {
      code: `async function refresh() { await tokens.refresh(); }
setInterval(() => {
  refresh().then(() => console.log('refreshed')).catch((err) => console.error('refresh failed', err));
}, 1000);`,
    },
    // TypeScript's output of a @nestjs/schedule method (\`__decorate([(0, schedule_1.Cron)(…)], X.prototype, "m", null)\`): every promise awaited
    {
      code: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
const common_1 = require("@nestjs/common");
const schedule_1 = require("@nestjs/schedule");
let SyncService = class SyncService {
    async handleCron() {
        await this.syncUsers();
        await this.report();
    }
};
__decorate([(0, schedule_1.Cron)(schedule_1.CronExpression.EVERY_HOUR)], SyncService.prototype, "handleCron", null);
SyncService = __decorate([(0, common_1.Injectable)()], SyncService);`,
    },
    // a method the compiled class does not schedule: not background work
    {
      code: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
const common_1 = require("@nestjs/common");
const schedule_1 = require("@nestjs/schedule");
let SyncService = class SyncService {
    async handleCron() { await this.report(); }
    sync() {
        this.syncUsers();
    }
    async syncUsers() { await this.api.syncUsers(); }
};
__decorate([(0, schedule_1.Cron)(schedule_1.CronExpression.EVERY_HOUR)], SyncService.prototype, "handleCron", null);
SyncService = __decorate([(0, common_1.Injectable)()], SyncService);`,
    },
  ],
  invalid: [
    // --- `void call()`: the author says it returns a promise; with no .catch, a rejection is lost ---
    {
      code: "import { sync } from './sync';\nsetInterval(() => void sync(), 1000);",
      options: [{ includeVoidedCalls: true }],
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 2,
          suggestions: [
            {
              messageId: 'addCatch',
              output: "import { sync } from './sync';\nsetInterval(() => void sync().catch((err) => console.error('sync failed', err)), 1000);",
            },
          ],
        },
      ],
    },
    {
      code: `export class Billing {
  constructor(emitter, billing) {
    emitter.on('order', (order) => {
      void billing.charge(order);
    });
  }
}`,
      options: [{ includeVoidedCalls: true }],
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `export class Billing {
  constructor(emitter, billing) {
    emitter.on('order', (order) => {
      void billing.charge(order).catch((err) => console.error('charge failed', err));
    });
  }
}`,
            },
          ],
        },
      ],
    },
    // --- fire-and-forget promises in background callbacks and request handlers ---
    // void in a concise arrow body discards the promise just like a statement
    {
      code: `export default function init() {
  async function run(schedule) {
    for (const task of tasks) {
      if (task.interval === schedule) await task.schedule();
    }
  }
  setInterval(() => void run('day'), DAY).unref();
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 7,
          suggestions: [
            { messageId: 'addCatch', output: `export default function init() {
  async function run(schedule) {
    for (const task of tasks) {
      if (task.interval === schedule) await task.schedule();
    }
  }
  setInterval(() => void run('day').catch((err) => console.error('run failed', err)), DAY).unref();
}` },
          ],
        },
      ],
    },
    {
      code: `async function warmCache() { await cache.load(); }
setTimeout(() => {
  warmCache();
}, 10);`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `async function warmCache() { await cache.load(); }
setTimeout(() => {
  warmCache().catch((err) => console.error('warmCache failed', err));
}, 10);` },
          ],
        },
      ],
    },
    {
      code: `import cron from 'node-cron';
async function sendReport() { await mailer.send(await buildReport()); }
cron.schedule('0 8 * * 1', () => {
  void sendReport();
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            { messageId: 'addCatch', output: `import cron from 'node-cron';
async function sendReport() { await mailer.send(await buildReport()); }
cron.schedule('0 8 * * 1', () => {
  void sendReport().catch((err) => console.error('sendReport failed', err));
});` },
          ],
        },
      ],
    },
    {
      code: `async function refresh() { await tokens.refresh(); }
setInterval(() => {
  refresh().then(() => console.log('refreshed'));
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `async function refresh() { await tokens.refresh(); }
setInterval(() => {
  refresh().then(() => console.log('refreshed')).catch((err) => console.error('refresh failed', err));
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `async function snapshot() { await db.snapshot(); }
setInterval(() => {
  snapshot().finally(() => metrics.inc('snapshot'));
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `async function snapshot() { await db.snapshot(); }
setInterval(() => {
  snapshot().finally(() => metrics.inc('snapshot')).catch((err) => console.error('snapshot failed', err));
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(() => {
  fetch('https://example.com/health');
}, 10_000);`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 2,
          suggestions: [
            { messageId: 'addCatch', output: `setInterval(() => {
  fetch('https://example.com/health').catch((err) => console.error('fetch failed', err));
}, 10_000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(() => {
  Promise.all(shards.map((s) => s.flush()));
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 2,
          suggestions: [
            { messageId: 'addCatch', output: `setInterval(() => {
  Promise.all(shards.map((s) => s.flush())).catch((err) => console.error('Promise.all failed', err));
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `class Sync {
  start() {
    setInterval(() => {
      this.run?.();
    }, 1000);
  }
  async run() { await this.api.pull(); }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            { messageId: 'addCatch', output: `class Sync {
  start() {
    setInterval(() => {
      this.run?.().catch((err) => console.error('run failed', err));
    }, 1000);
  }
  async run() { await this.api.pull(); }
}` },
          ],
        },
      ],
    },
    {
      code: `const logger = require('./logger');
async function purge() { await files.purge(); }
setInterval(() => {
  purge();
}, 3600_000);`,
      settings: winstonInScope,
      output: `const logger = require('./logger');
async function purge() { await files.purge(); }
setInterval(() => {
  purge().catch((err) => logger.error('purge failed', err));
}, 3600_000);`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            { messageId: 'addCatch', output: `const logger = require('./logger');
async function purge() { await files.purge(); }
setInterval(() => {
  purge().catch((err) => logger.error('purge failed', err));
}, 3600_000);` },
          ],
        },
      ],
    },
    {
      code: `import { Worker } from 'bullmq';
async function notify(job) { await slack.post(\`job \${job.id}\`); }
const worker = new Worker('reports', async (job) => {
  notify(job);
  await build(job.data);
}, { connection });
worker.on('failed', (job, err) => logger.error({ err, jobId: job?.id }, 'report failed'));`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            { messageId: 'addCatch', output: `import { Worker } from 'bullmq';
async function notify(job) { await slack.post(\`job \${job.id}\`); }
const worker = new Worker('reports', async (job) => {
  notify(job).catch((err) => console.error('notify failed', err));
  await build(job.data);
}, { connection });
worker.on('failed', (job, err) => logger.error({ err, jobId: job?.id }, 'report failed'));` },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
@Injectable()
export class SyncService {
  private readonly logger = new Logger(SyncService.name);
  @Cron(CronExpression.EVERY_HOUR)
  async handleCron() {
    this.syncUsers();
    await this.report();
  }
  async syncUsers() { await this.api.syncUsers(); }
  async report() { await this.api.report(); }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 8,
          suggestions: [
            { messageId: 'addCatch', output: `import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
@Injectable()
export class SyncService {
  private readonly logger = new Logger(SyncService.name);
  @Cron(CronExpression.EVERY_HOUR)
  async handleCron() {
    this.syncUsers().catch((err) => console.error('syncUsers failed', err));
    await this.report();
  }
  async syncUsers() { await this.api.syncUsers(); }
  async report() { await this.api.report(); }
}` },
          ],
        },
      ],
    },
    // the same scheduled method as TypeScript compiles it
    {
      code: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
const common_1 = require("@nestjs/common");
const schedule_1 = require("@nestjs/schedule");
let SyncService = class SyncService {
    async handleCron() {
        this.syncUsers();
        await this.report();
    }
    async syncUsers() { await this.api.syncUsers(); }
    async report() { await this.api.report(); }
};
__decorate([(0, schedule_1.Cron)(schedule_1.CronExpression.EVERY_HOUR)], SyncService.prototype, "handleCron", null);
SyncService = __decorate([(0, common_1.Injectable)()], SyncService);`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 7,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
const common_1 = require("@nestjs/common");
const schedule_1 = require("@nestjs/schedule");
let SyncService = class SyncService {
    async handleCron() {
        this.syncUsers().catch((err) => console.error('syncUsers failed', err));
        await this.report();
    }
    async syncUsers() { await this.api.syncUsers(); }
    async report() { await this.api.report(); }
};
__decorate([(0, schedule_1.Cron)(schedule_1.CronExpression.EVERY_HOUR)], SyncService.prototype, "handleCron", null);
SyncService = __decorate([(0, common_1.Injectable)()], SyncService);`,
            },
          ],
        },
      ],
    },
  ],
});
