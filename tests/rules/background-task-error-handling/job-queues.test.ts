import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { pino, nest } from './_shared.js';

/**
 * Job runners and emitters: bull, bullmq and agenda workers without a failure listener, worker_threads
 * workers without an error listener, and EventEmitters that emit 'error' with no listener for it. A
 * failure listener (inline, through a helper, a bound logger or QueueEvents) is enough.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (job queues, worker threads and emitters)', rule, {
  valid: [
    {
      code: `import { Worker } from 'bullmq';
const worker = new Worker('foo', async (job) => {
  console.log(job.data);
}, { connection });
worker.on('completed', (job) => {
  console.log(\`\${job.id} has completed!\`);
});
worker.on('failed', (job, err) => {
  console.log(\`\${job.id} has failed with \${err.message}\`);
});`,
    },
    {
      code: `import { Worker } from 'bullmq';
const worker = new Worker('emails', async (job) => {
  try {
    await sendEmail(job.data);
  } catch (err) {
    logger.error({ err, jobId: job.id }, 'email failed');
    throw err;
  }
}, { connection });`,
    },
    {
      code: `import { Worker } from 'bullmq';
export const worker = new Worker('emails', processEmail, { connection });`,
    },
    {
      code: `import { Worker } from 'bullmq';
const worker = new Worker('emails', processEmail, { connection });
logWorkerEvents(worker);`,
    },
    {
      code: `import { Worker } from 'bullmq';
export function createWorker() {
  return new Worker('jobs', processJob, { connection });
}`,
    },
    {
      code: `import { Worker, QueueEvents } from 'bullmq';
const worker = new Worker('emails', processEmail, { connection });
const events = new QueueEvents('emails', { connection });
events.on('failed', ({ jobId, failedReason }) => logger.error({ jobId, failedReason }, 'job failed'));`,
    },
    {
      code: `import { Queue } from 'bullmq';
const queue = new Queue('emails', { connection });
export async function enqueue(data) {
  await queue.add('send', data);
}`,
    },
    {
      code: `const Queue = require('bull');
const q = new Queue('video');
q.process(async (job) => { await transcode(job.data); });
q.on('failed', (job, err) => logger.error({ err, jobId: job.id }, 'transcode failed'));`,
    },
    {
      code: `const Queue = require('bull');
const q = new Queue('video');
export function enqueue(path) { return q.add({ path }); }`,
    },
    {
      code: `import { Worker } from 'node:worker_threads';
export function run(file) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}`,
    },
    {
      code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('error', (err) => logger.error({ err }, 'bus error'));
export function fail(err) { bus.emit('error', err); }`,
    },
    {
      code: `import { EventEmitter } from 'events';
const bus = new EventEmitter();
bus.on('order', (o) => console.log(o));
bus.emit('order', { id: 1 });`,
    },
    {
      code: `module.exports = (agenda) => {
  agenda.define('send email report', async (job) => {
    await emailReport(job.attrs.data);
  });
};`,
    },
    {
      code: `import Agenda from 'agenda';
const agenda = new Agenda({ db: { address } });
agenda.on('fail', (err, job) => logger.error({ err, job: job.attrs.name }, 'job failed'));
agenda.define('cleanup', async () => { await cleanup(); });`,
    },
    {
      code: `const worker = new Worker('worker.js');
worker.onmessage = (e) => console.log(e.data);`,
    },
    {
      code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter({ captureRejections: true });
bus.on('order', async (o) => { await save(o); });
bus.on('error', (err) => logger.error(err));`,
    },
    {
      code: `export function register(queue) {
  queue.process(async (job) => {
    await render(job.data);
  });
}`,
    },
    {
      code: `const { Worker } = require('bullmq');
class QueueWorker extends Worker {
  constructor(name, processor) {
    super(name, processor, { connection });
    this.on('failed', (job, err) => logger.error(\`Job failed on \${name}\`, err));
  }
}`,
    },
    {
      code: `import { Worker } from 'bullmq';
import { onJobFailed } from './events';
const worker = new Worker('pdf', renderPdf, { connection });
worker.on('failed', onJobFailed);`,
    },
    {
      code: `import { Worker } from 'bullmq';
const worker = new Worker('pdf', renderPdf, { connection });
worker.on('failed', logger.error.bind(logger));`,
    },
    {
      code: `import { Worker } from 'node:worker_threads';
export class Pool {
  spawn() {
    const worker = new Worker('./task.js');
    this.workers.push(worker);
    return worker;
  }
}`,
    },
    {
      code: `import { EventEmitter } from 'node:events';
export const bus = new EventEmitter();
export function fail(err) { bus.emit('error', err); }`,
    },
    {
      code: `import { EventEmitter } from 'node:events';
class Uploader extends EventEmitter {
  fail(err) { this.emit('error', err); }
}`,
    },
    {
      code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter().on('error', (err) => logger.error({ err }, 'bus error'));
bus.emit('error', new Error('x'));`,
    },
    {
      code: `const Queue = require('bull');
const q = new Queue('video');
q.process(async (job) => { await transcode(job.data); });
q.on('global:failed', (jobId, err) => logger.error({ jobId, err }, 'video job failed'));`,
    },
    {
      code: `import Agenda from 'agenda';
const agenda = new Agenda({ db: { address } });
agenda.on('fail:cleanup', (err, job) => logger.error({ err }, 'cleanup failed'));
agenda.define('cleanup', async () => { await cleanup(); });`,
    },
    {
      code: `import { Worker } from 'bullmq';
const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });
worker.on('failed', (job, err) => notifySlack(job, err));`,
    },
    // --- fix outputs: applying a fix once leaves nothing to report (idempotent) ---
    {
      code: `import { Worker } from 'bullmq';

const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });
worker.on('failed', (job, err) => console.error('emails job failed', err, { jobId: job?.id }));`,
    },
    {
      code: `const { Worker } = require('bullmq');
new Worker('thumbnails', processThumbnail, { connection }).on('failed', (job, err) => console.error('thumbnails job failed', err, { jobId: job?.id }));`,
    },
    {
      code: `const { Worker } = require('worker_threads');
function spawn() {
  const w = new Worker(__filename);
  w.on('error', (err) => console.error('worker thread failed', err));
  w.postMessage('start');
}`,
    },
    {
      code: `import Agenda from 'agenda';
const agenda = new Agenda({ db: { address: mongoUrl } });
agenda.on('fail', (err, job) => console.error('agenda job failed', err, { job: job?.attrs?.name }));
agenda.define('send newsletter', async (job) => {
  await newsletter.send(job.attrs.data);
});
await agenda.start();`,
    },
  ],
  invalid: [
    // --- bull / bullmq / agenda without a failure listener; worker_threads and emitters without an error listener ---
    {
      code: `import { Worker } from 'bullmq';

const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });

worker.on('completed', (job) => console.log(\`\${job.id} done\`));`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 3,
          suggestions: [
            { messageId: 'addListener', output: `import { Worker } from 'bullmq';

const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });
worker.on('failed', (job, err) => console.error('emails job failed', err, { jobId: job?.id }));

worker.on('completed', (job) => console.log(\`\${job.id} done\`));` },
          ],
        },
      ],
    },
    {
      code: `import { Worker } from 'bullmq';

const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });`,
      settings: pino,
      output: `import { Worker } from 'bullmq';
import { logger } from './logger';

const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });
worker.on('failed', (job, err) => logger.error({ err, jobId: job?.id }, 'emails job failed'));`,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 3,
          suggestions: [
            { messageId: 'addListener', output: `import { Worker } from 'bullmq';
import { logger } from './logger';

const worker = new Worker('emails', async (job) => {
  await sendEmail(job.data);
}, { connection });
worker.on('failed', (job, err) => logger.error({ err, jobId: job?.id }, 'emails job failed'));` },
          ],
        },
      ],
    },
    {
      code: `const { Worker } = require('bullmq');
new Worker('thumbnails', processThumbnail, { connection });`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `const { Worker } = require('bullmq');
new Worker('thumbnails', processThumbnail, { connection }).on('failed', (job, err) => console.error('thumbnails job failed', err, { jobId: job?.id }));` },
          ],
        },
      ],
    },
    {
      code: `import { Worker } from 'bullmq';
export class MailConsumer {
  private worker: Worker;
  constructor(private readonly logger: Logger) {
    this.worker = new Worker('mail', async (job) => this.send(job), { connection });
  }
  async send(job) { await this.mailer.send(job.data); }
}`,
      settings: nest,
      output: `import { Worker } from 'bullmq';
export class MailConsumer {
  private worker: Worker;
  constructor(private readonly logger: Logger) {
    this.worker = new Worker('mail', async (job) => this.send(job), { connection });
    this.worker.on('failed', (job, err) => this.logger.error({ message: 'mail job failed', jobId: job?.id }, err instanceof Error ? err.stack : String(err)));
  }
  async send(job) { await this.mailer.send(job.data); }
}`,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 5,
          suggestions: [
            { messageId: 'addListener', output: `import { Worker } from 'bullmq';
export class MailConsumer {
  private worker: Worker;
  constructor(private readonly logger: Logger) {
    this.worker = new Worker('mail', async (job) => this.send(job), { connection });
    this.worker.on('failed', (job, err) => this.logger.error({ message: 'mail job failed', jobId: job?.id }, err instanceof Error ? err.stack : String(err)));
  }
  async send(job) { await this.mailer.send(job.data); }
}` },
          ],
        },
      ],
    },
    {
      code: `import { Worker } from 'bullmq';
const worker = new Worker('q', processJob, { connection });
worker.on('failed', () => {});`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `import { Worker } from 'bullmq';
const worker = new Worker('q', processJob, { connection });
worker.on('failed', (job, err) => console.error('q job failed', err, { jobId: job?.id }));
worker.on('failed', () => {});` },
          ],
        },
      ],
    },
    {
      code: `const Queue = require('bull');
const videoQueue = new Queue('video transcoding', redisUrl);
videoQueue.process(async (job) => {
  await transcode(job.data.path);
});
videoQueue.on('completed', (job) => console.log('done', job.id));`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `const Queue = require('bull');
const videoQueue = new Queue('video transcoding', redisUrl);
videoQueue.on('failed', (job, err) => console.error('video transcoding job failed', err, { jobId: job?.id }));
videoQueue.process(async (job) => {
  await transcode(job.data.path);
});
videoQueue.on('completed', (job) => console.log('done', job.id));` },
          ],
        },
      ],
    },
    {
      code: `const Bull = require('bull');
const q = new Bull('mail');
q.process('welcome', 5, async (job) => { await sendWelcome(job.data); });`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `const Bull = require('bull');
const q = new Bull('mail');
q.on('failed', (job, err) => console.error('mail job failed', err, { jobId: job?.id }));
q.process('welcome', 5, async (job) => { await sendWelcome(job.data); });` },
          ],
        },
      ],
    },
    {
      code: `import Agenda from 'agenda';
const agenda = new Agenda({ db: { address: mongoUrl } });
agenda.define('send newsletter', async (job) => {
  await newsletter.send(job.attrs.data);
});
await agenda.start();`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `import Agenda from 'agenda';
const agenda = new Agenda({ db: { address: mongoUrl } });
agenda.on('fail', (err, job) => console.error('agenda job failed', err, { job: job?.attrs?.name }));
agenda.define('send newsletter', async (job) => {
  await newsletter.send(job.attrs.data);
});
await agenda.start();` },
          ],
        },
      ],
    },
    {
      code: `import { Agenda } from '@hokify/agenda';
const agenda = new Agenda({ db: { address } });
agenda.define('cleanup', async () => { await cleanup(); });
agenda.on('start', (job) => console.log(job.attrs.name));`,
      output: null,
      errors: [
        {
          messageId: 'missingFailureListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `import { Agenda } from '@hokify/agenda';
const agenda = new Agenda({ db: { address } });
agenda.on('fail', (err, job) => console.error('agenda job failed', err, { job: job?.attrs?.name }));
agenda.define('cleanup', async () => { await cleanup(); });
agenda.on('start', (job) => console.log(job.attrs.name));` },
          ],
        },
      ],
    },
    {
      code: `import { Worker } from 'node:worker_threads';
export function resize(file) {
  const worker = new Worker(new URL('./resize-worker.js', import.meta.url), { workerData: file });
  worker.on('message', (msg) => console.log(msg));
}`,
      output: null,
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 3,
          suggestions: [
            { messageId: 'addListener', output: `import { Worker } from 'node:worker_threads';
export function resize(file) {
  const worker = new Worker(new URL('./resize-worker.js', import.meta.url), { workerData: file });
  worker.on('error', (err) => console.error('worker thread failed', err));
  worker.on('message', (msg) => console.log(msg));
}` },
          ],
        },
      ],
    },
    {
      code: `const { Worker } = require('worker_threads');
function spawn() {
  const w = new Worker(__filename);
  w.postMessage('start');
}`,
      output: null,
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 3,
          suggestions: [
            { messageId: 'addListener', output: `const { Worker } = require('worker_threads');
function spawn() {
  const w = new Worker(__filename);
  w.on('error', (err) => console.error('worker thread failed', err));
  w.postMessage('start');
}` },
          ],
        },
      ],
    },
    {
      code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function publish(evt) {
  try {
    await broker.send(evt);
  } catch (err) {
    bus.emit('error', err);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 2,
          suggestions: [
            { messageId: 'addListener', output: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('error', (err) => console.error('bus emitter failed', err));
export async function publish(evt) {
  try {
    await broker.send(evt);
  } catch (err) {
    bus.emit('error', err);
  }
}` },
          ],
        },
      ],
    },
    {
      code: `import EventEmitter from 'events';
class Uploader {
  constructor() {
    this.events = new EventEmitter();
  }
  async upload(file) {
    try {
      await s3.put(file);
    } catch (err) {
      this.events.emit('error', err);
    }
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'missingErrorListener',
          line: 4,
          suggestions: [
            { messageId: 'addListener', output: `import EventEmitter from 'events';
class Uploader {
  constructor() {
    this.events = new EventEmitter();
    this.events.on('error', (err) => console.error('events emitter failed', err));
  }
  async upload(file) {
    try {
      await s3.put(file);
    } catch (err) {
      this.events.emit('error', err);
    }
  }
}` },
          ],
        },
      ],
    },
  ],
});
