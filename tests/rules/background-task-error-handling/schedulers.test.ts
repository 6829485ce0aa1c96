import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { cjsPino } from './_shared.js';

/**
 * Cron and schedulers: node-cron, cron's CronJob (and its errorHandler), @nestjs/schedule, node-schedule
 * through the `backgroundFunctions` option. A same-file function named `schedule` and an unknown
 * `calendar.schedule` are no scheduler.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (cron and schedulers)', rule, {
  valid: [
    {
      code: `const cron = require('node-cron');
cron.schedule('0 * * * * *', async () => {
  try {
    await testScheduler();
  } catch (error) {
    console.error(\`Error running async task: \${error}\`);
  }
});`,
    },
    {
      code: `import cron from 'node-cron';
cron.schedule('* * * * *', () => {
  console.log('running a task every minute');
});`,
    },
    {
      code: `import { CronJob } from 'cron';
new CronJob('0 * * * *', async () => { await rotate(); }, null, true, 'UTC', null, false, undefined, undefined, false, (err) => logger.error({ err }, 'rotate failed'));`,
    },
    {
      code: `import { CronJob } from 'cron';
CronJob.from({ cronTime: '0 0 * * *', onTick: async () => { await rebuild(); }, errorHandler: (err) => logger.error(err), start: true });`,
    },
    {
      code: `import { CronJob } from 'cron';
export class Jobs {
  constructor(private readonly schedulerRegistry: SchedulerRegistry) {}
  add(name: string) {
    const job = new CronJob('* * * * *', async () => { await this.run(name); });
    this.schedulerRegistry.addCronJob(name, job);
    job.start();
  }
  async run(name: string) {}
}`,
    },
    {
      code: `import { Injectable } from '@nestjs/common';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';
@Injectable()
export class TasksService {
  @Cron(CronExpression.EVERY_30_SECONDS)
  async handleCron(): Promise<void> {
    await this.reports.generate();
  }
  @Interval(10_000)
  async poll() {
    const items = await this.queue.pull();
    await Promise.all(items.map((i) => this.handle(i)));
  }
}`,
    },
    {
      code: `function schedule(fn) { return fn; }
schedule('x', async () => { await y(); });`,
    },
    {
      code: `import { CronJob } from 'cron';
new CronJob('* * * * *', function () {
  console.log('You will see this message every minute');
}, null, true, 'America/Los_Angeles');`,
    },
    {
      code: `import cron from 'node-cron';
import { task } from './task';
cron.schedule('* * * * *', task);`,
    },
    {
      code: `calendar.schedule('standup', async () => {
  await notifyTeam();
});`,
    },
    // --- fix outputs: applying a fix once leaves nothing to report (idempotent) ---
    {
      code: `import { CronJob } from 'cron';
const job = new CronJob('0 */10 * * * *', async () => {
  try {
    await refreshRates();
  } catch (err) {
    console.error('cron job failed', err);
  }
});
job.start();`,
    },
  ],
  invalid: [
    // --- node-cron, cron (CronJob), and the backgroundFunctions option ---
    {
      code: `import cron from 'node-cron';

cron.schedule('0 3 * * *', async () => {
  await cleanupExpiredSessions();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import cron from 'node-cron';

cron.schedule('0 3 * * *', async () => {
  try {
    await cleanupExpiredSessions();
  } catch (err) {
    console.error('cron job failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `const nodeCron = require('node-cron');
nodeCron.schedule('*/5 * * * *', async () => {
  const users = await User.find({ active: true });
  for (const user of users) {
    await sendDigest(user);
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `const nodeCron = require('node-cron');
nodeCron.schedule('*/5 * * * *', async () => {
  try {
    const users = await User.find({ active: true });
    for (const user of users) {
      await sendDigest(user);
    }
  } catch (err) {
    console.error('cron job failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `import { schedule } from 'node-cron';
schedule('* * * * *', async () => { await tick(); });`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import { schedule } from 'node-cron';
schedule('* * * * *', async () => { try { await tick(); } catch (err) { console.error('cron job failed', err); } });` },
          ],
        },
      ],
    },
    {
      code: `import { CronJob } from 'cron';
const job = new CronJob('0 */10 * * * *', async () => {
  await refreshRates();
});
job.start();`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import { CronJob } from 'cron';
const job = new CronJob('0 */10 * * * *', async () => {
  try {
    await refreshRates();
  } catch (err) {
    console.error('cron job failed', err);
  }
});
job.start();` },
          ],
        },
      ],
    },
    {
      code: `import { CronJob } from 'cron';
CronJob.from({
  cronTime: '0 0 * * *',
  onTick: async function () {
    await rebuildIndex();
  },
  start: true,
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 4,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import { CronJob } from 'cron';
CronJob.from({
  cronTime: '0 0 * * *',
  onTick: async function () {
    try {
      await rebuildIndex();
    } catch (err) {
      console.error('cron job failed', err);
    }
  },
  start: true,
});` },
          ],
        },
      ],
    },
    {
      code: `const cron = require('node-cron');

cron.schedule('*/10 * * * *', async () => {
  await syncInventory();
});`,
      settings: cjsPino,
      output: `const cron = require('node-cron');
const log = require('./log');

cron.schedule('*/10 * * * *', async () => {
  try {
    await syncInventory();
  } catch (err) {
    log.error({ err }, 'cron job failed');
  }
});`,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `const cron = require('node-cron');
const log = require('./log');

cron.schedule('*/10 * * * *', async () => {
  try {
    await syncInventory();
  } catch (err) {
    log.error({ err }, 'cron job failed');
  }
});` },
          ],
        },
      ],
    },
    {
      code: `const schedule = require('node-schedule');
schedule.scheduleJob('*/5 * * * *', async () => {
  await pruneUploads();
});`,
      options: [{"backgroundFunctions":["schedule.scheduleJob"]}],
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `const schedule = require('node-schedule');
schedule.scheduleJob('*/5 * * * *', async () => {
  try {
    await pruneUploads();
  } catch (err) {
    console.error('schedule.scheduleJob task failed', err);
  }
});` },
          ],
        },
      ],
    },
  ],
});
