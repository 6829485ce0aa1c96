import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/background-task-error-handling.js';

// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
const winstonInScope = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };
const cjsPino = { 'security-logging': { logger: { name: 'log', importFrom: './log', importKind: 'default', style: 'pino' } } };

ruleTester.run('background-task-error-handling', rule, {
  valid: [
    // --- the callee catches and logs its own failures (n8n insights-collection.service) ---
    {
      code: `class InsightsCollectionService {
  scheduleFlushing() {
    this.timer = setTimeout(async () => await this.flushEvents(), 1000);
  }
  async flushEvents() {
    let flushPromise = undefined;
    flushPromise = (async () => {
      try {
        await this.saveInsights(this.buffer);
      } catch (e) {
        this.logger.error('Error while saving insights', { error: e });
      } finally {
        this.scheduleFlushing();
      }
    })();
    this.flushesInProgress.add(flushPromise);
    await flushPromise;
  }
}`,
    },
    // --- a callee that logs and exits (n8n base-command exitWithCrash) ---
    {
      code: `class BaseCommand {
  onTerminationSignal() {
    setTimeout(async () => {
      await this.exitWithCrash('Shutdown timed out', new Error('timeout'));
    }, 30000);
  }
  async exitWithCrash(message, error) {
    this.logger.error(message, { error });
    await this.errorReporter.flush();
    process.exit(1);
  }
}`,
    },
    // --- start-up whose failure is a logged crash (medusa commands/start) ---
    {
      code: `async function internalStart() {
  const container = await initializeContainer(directory);
  const logger = container.resolve('logger');
  try {
    await loaders({ directory });
  } catch (err) {
    logger.error('Error starting server', err);
    process.exit(1);
  }
}
process.on('message', async (msg) => {
  return await internalStart();
});`,
    },
    // A child's message listener that already catches, logs and fails the exit code.
    `process.on('message', async (msg) => {
  try {
    await runJob(msg);
  } catch (err) {
    console.error('job failed', err);
    process.exitCode = 1;
  }
});`,
    `parentPort.on('message', (task) => {
  runTask(task).catch((err) => {
    console.error('task failed', err);
    process.exit(1);
  });
});`,
    // --- timers, cron, listeners that already catch and log, sync callbacks, route handlers,
    //     handled / collected / awaited promises, job runners with failure listeners ---
    {
      code: `setInterval(() => {
  console.log('tick');
}, 1000);`,
    },
    {
      code: `let isRunning = false;
setInterval(async () => {
  if (isRunning) return;
  isRunning = true;
  try {
    await processOutbox();
  } catch (err) {
    logger.error({ err }, 'outbox failed');
  } finally {
    isRunning = false;
  }
}, 5000);`,
    },
    {
      code: `await new Promise((resolve) => setTimeout(resolve, 100));`,
    },
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
      code: `app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user);
});`,
    },
    {
      code: `router.post('/orders', async (ctx) => {
  ctx.body = await orders.create(ctx.request.body);
});`,
    },
    {
      code: `fastify.get('/health', async (request, reply) => {
  await db.ping();
  return { ok: true };
});`,
    },
    {
      code: `app.on('GET', '/items', async (c) => c.json(await items.list()));`,
    },
    {
      code: `fastify.addHook('onClose', async (instance) => {
  await instance.db.close();
});`,
    },
    {
      code: `fastify.addHook('onReady', async function () {
  await loadCacheFromDatabase();
});`,
    },
    {
      code: `fastify.addHook('onRequest', async (request) => {
  await verifyToken(request);
});`,
    },
    {
      code: `process.on('unhandledRejection', async (reason) => {
  await notifyOps(reason);
});`,
    },
    {
      code: `stream.on('data', (chunk) => {
  chunks.push(chunk);
});`,
    },
    {
      code: `socket.on('message', async (msg) => {
  try {
    await handle(JSON.parse(msg));
  } catch (err) {
    logger.warn({ err }, 'bad message');
  }
});`,
    },
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
      code: `async function refresh() {
  try {
    await tokens.refresh();
  } catch (err) {
    logger.error({ err }, 'token refresh failed');
  }
}
setInterval(refresh, 60_000);
setTimeout(() => { refresh(); }, 0);
emitter.on('expired', () => refresh());`,
    },
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
      code: `import { setTimeout } from 'node:timers/promises';
await setTimeout(1000);`,
    },
    {
      code: `setTimeout(() => {
  setInterval(async () => {
    try {
      await heartbeat();
    } catch (err) {
      logger.error({ err }, 'heartbeat failed');
    }
  }, 30_000);
}, 1000);`,
    },
    {
      code: `app.use((req, res, next) => {
  res.on('finish', () => {
    logger.info({ status: res.statusCode, path: req.path }, 'request finished');
  });
  next();
});`,
    },
    {
      code: `import { handleMessage } from './handlers';
consumer.on('message', handleMessage);`,
    },
    {
      code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter({ captureRejections: true });
bus.on('order', async (o) => { await save(o); });
bus.on('error', (err) => logger.error(err));`,
    },
    {
      code: `setImmediate(async () => {
  await warmup().catch((err) => logger.warn({ err }, 'warmup failed'));
});`,
    },
    {
      code: `setInterval(async () => {
  try {
    await reconcile();
  } catch (err) {
    logger.error({ err }, 'reconcile failed');
    throw err;
  }
}, 1000);`,
    },
    {
      code: `client.once('ready', () => console.log(\`Logged in as \${client.user.tag}\`));`,
    },
    {
      code: `setInterval((async () => {
  try {
    await tick();
  } catch (err) {
    logger.error(err);
  }
}) as () => void, 1000);`,
    },
    {
      code: `setInterval(async () => {
  try {
    const p = refresh();
    await p;
  } catch (err) {
    logger.error(err);
  }
}, 1000);`,
    },
    {
      code: `setInterval(async () => {
  await sleep(1000);
  counter++;
}, 5000);`,
    },
    {
      code: `async function retry() { await x(); }
async function main() {
  retry();
}`,
    },
    {
      code: `setInterval(async () => {
  try {
    await step();
  } catch {
    // retried on the next tick
  }
}, 1000);`,
    },
    {
      code: `function schedule(fn) { return fn; }
schedule('x', async () => { await y(); });`,
    },
    {
      code: `emitter.on('x', async function* gen() { yield await next(); });`,
    },
    {
      code: `class Poller {
  private timer?: NodeJS.Timeout;
  start(): void {
    this.timer = setInterval(() => this.tick(), 1000);
  }
  private tick(): void {
    this.count++;
  }
}`,
    },
    {
      code: `setInterval(async () => {
  const releaseLock = await lock.acquire().catch(() => null);
  if (!releaseLock) return;
  try { await work(); } catch (err) { logger.error(err); } finally { await releaseLock(); }
}, 1000);`,
    },

    // --- more real idioms: sync callbacks, framework handlers, unknown origins, escaping runners ---
    {
      code: `class Cache {
  start() {
    this.timer = setInterval(() => this.evictExpired(), 60_000);
  }
  evictExpired() {
    for (const [k, v] of this.map) if (v.expires < Date.now()) this.map.delete(k);
  }
}`,
    },
    {
      code: `function checkHealth() { state.ok = pingSync(); }
const interval = setInterval(checkHealth, 1000);`,
    },
    {
      code: `const controller = new AbortController();
setTimeout(() => controller.abort(), 5000);`,
    },
    {
      code: `process.on('SIGINT', () => {
  server.close(() => process.exit(0));
});`,
    },
    {
      code: `server.on('error', (err) => {
  logger.fatal({ err }, 'server error');
  process.exit(1);
});`,
    },
    {
      code: `emitter.on('noop', async () => {});
setTimeout(async () => { logger.info('warmup scheduled'); }, 0);`,
    },
    {
      code: `router.use(async (req, res, next) => {
  req.user = await authenticate(req);
  next();
});`,
    },
    {
      code: `app.use(async (ctx, next) => {
  const start = Date.now();
  await next();
  ctx.set('X-Response-Time', \`\${Date.now() - start}ms\`);
});`,
    },
    {
      code: `app.get('/', async (c) => c.text(await greeting()));`,
    },
    {
      code: `import { Controller, Get, Param } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get(':id')
  async findOne(@Param('id') id: string) {
    return await this.users.findOne(id);
  }
}`,
    },
    {
      code: `mongoose.connection.on('error', (err) => logger.error({ err }, 'mongo connection error'));
redisClient.on('error', (err) => console.error('Redis Client Error', err));`,
    },
    {
      code: `rl.on('line', (line) => lines.push(line));
rl.on('close', () => resolve(lines));`,
    },
    {
      code: `async function reindex() { await search.reindex(); }
emitter.on('changed', () => reindex().then(() => metrics.inc('reindex'), (err) => logger.error({ err }, 'reindex failed')));`,
    },
    {
      code: `class Flusher {
  start(): void {
    setInterval((): void => {
      void this.flushSafely();
    }, 1000);
  }
  private async flushSafely(): Promise<void> {
    try {
      await this.sink.flush();
    } catch (err) {
      this.logger.error('flush failed', err);
    }
  }
}`,
    },
    {
      code: `queueMicrotask(() => {
  resolve(value);
});
process.nextTick(callback, err);
setTimeout(done, 100);`,
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
    {
      code: `setInterval(() => {
  return;
}, 10);`,
    },

    // --- bot middleware (Telegraf / grammY catch errors), listen callbacks that catch ---
    {
      code: `bot.on('text', async (ctx) => {
  await ctx.reply(await answer(ctx.message.text));
});`,
    },
    {
      code: `app.listen(PORT, () => {
  console.log(\`listening on \${PORT}\`);
});
fastify.listen({ port: 3000 }, (err, address) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
});`,
    },
    {
      code: `server.listen(port, async () => {
  try {
    await registerService();
  } catch (err) {
    logger.error({ err }, 'service registration failed');
  }
});`,
    },

    // `void` on a same-file function that cannot reject, on a wait, or on a handled chain; and
    // `void main()` at the top of a script, which is no background or handler context.
    'function refresh() { counter += 1; }\nsetInterval(() => void refresh(), 1000);',
    'setInterval(() => { void sleep(100); }, 1000);',
    "setInterval(() => void sync().catch((err) => logger.error({ err }, 'sync failed')), 1000);",
    'void main();',
    // `void` on middleware run by hand and on callback-style calls (seen in a real app that
    // voids every call its linter flags): not a promise set aside
    `app.use('/api', (req, res, next) => {
  void cachedRouter(req, res, next);
});`,
    `export function array(fieldName) {
  return (req, res, next) => {
    void this.upload.array(fieldName, 10)(req, res, (error) => {
      if (error) req.fileUploadError = error;
      next();
    });
  };
}`,
    `app.get('/trace', (req, res) => {
  void traceRequestHandler(async () => { app(req, res); }, req, res, '/trace');
});`,
    // An injected timer object whose callback catches and logs; a sync callback that cannot reject.
    `export class Poller {
  start() {
    this.timers.setInterval(async () => {
      try {
        await this.outbox.flush();
      } catch (err) {
        this.logger.error({ err }, 'outbox flush failed');
      }
    }, 1000);
    this.clock.setTimeout(() => this.stop(), 5000);
  }
}`,

    // --- fix outputs: applying a fix once leaves nothing to report (idempotent) ---
    {
      code: `setInterval(async () => {
  try {
    const rows = await db.query('select * from outbox');
    await publish(rows);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 5000);`,
    },
    {
      code: `async function poll() {
  const res = await fetch(url);
  await store(await res.json());
}
setInterval(() => poll().catch((err) => console.error('poll failed', err)), 60_000);`,
    },
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
    {
      code: `import express from 'express';
const app = express();
async function sendWelcome(user) { await mailer.send(user.email, 'welcome'); }
app.post('/signup', async (req, res) => {
  const user = await User.create(req.body);
  sendWelcome(user).catch((err) => req.log.error({ err }, 'welcome mail failed'));
  res.status(201).json(user);
});`,
    },
    {
      code: `import { trackSignup } from './analytics';
app.post('/signup', async (req, res) => {
  trackSignup(req.body);
  res.sendStatus(201);
});`,
    },

    // --- precision on real applications (issue 15) ---
    // `void call()` on a callee the file cannot see (medusa's workflow engine subscribe/unsubscribe,
    // which only edit an in-memory map; n8n's publisher; a sync stopExecution): recommended does
    // not guess; `includeVoidedCalls` (strict) does.
    `export const GET = async (req, res) => {
  const workflowEngineService = req.scope.resolve('workflows');
  req.on('close', () => {
    res.end();
    void workflowEngineService.unsubscribe({ workflowId: req.params.workflow_id, subscriberOrId: subscriberId });
  });
  void workflowEngineService.subscribe({ workflowId: req.params.workflow_id, subscriber: async (args) => res.write(format(args)) });
};`,
    `export class McpSettingsController {
  async toggleWorkflowsMCPAccess(req, _res, dto) {
    const { changedWorkflows, ...result } = await this.mcpSettingsService.bulkSetAvailableInMCP(req.user, dto);
    void this.mcpSettingsService.broadcastWorkflowMCPAvailabilityChanged(changedWorkflows);
    return result;
  }
}`,
    `export class WorkflowRunner {
  schedule(executionId, timeout) {
    setTimeout(() => {
      void this.activeExecutions.stopExecution(executionId, new TimeoutError(executionId));
    }, timeout);
  }
}`,
    // Shutdown handlers (strapi, medusa develop): the process is ending; a rejection ends it with the
    // error printed. `includeShutdownHandlers` (strict) reports them.
    `const destroyOnSignal = (strapi) => {
  let signalReceived = false;
  const terminateStrapi = async () => {
    if (!signalReceived) {
      signalReceived = true;
      await strapi.destroy();
      process.exit();
    }
  };
  ['SIGTERM', 'SIGINT'].forEach((signal) => {
    process.on(signal, terminateStrapi);
  });
};`,
    `process.on('SIGINT', async () => {
  await promptClaudeCodePlugin();
  process.exit(0);
});`,
    `for (const signal of ['SIGTERM', 'SIGQUIT']) {
  process.once(signal, async () => {
    await server.stop();
    void db.close();
  });
}`,
    // A same-file factory whose returned callback catches and logs (n8n's chat service).
    `export class ChatService {
  startSession(key) {
    const respondToChat = this.pollAndProcessChatResponses(key);
    const intervalId = setInterval(async () => await respondToChat(), 1000);
    return intervalId;
  }
  pollAndProcessChatResponses(sessionKey) {
    return async () => {
      try {
        await this.processWaitingExecution(sessionKey);
      } catch (e) {
        this.logger.error('Error sending message to chat', { error: e });
      }
    };
  }
}`,
    `function makePoller(source) {
  return async () => {
    try {
      await source.poll();
    } catch (err) {
      logger.error({ err }, 'poll failed');
    }
  };
}
const poll = makePoller(feed);
setInterval(() => poll(), 5000);`,
    // A promise chain that catches the previous pass and runs one that catches itself (n8n's reconciler).
    `export class Reconciler {
  init() {
    setInterval(async () => await this.reconcile('interval'), 60000);
  }
  async reconcile(reason) {
    if (this.inFlight && reason === 'interval') return await this.inFlight.catch(() => {});
    const pass = (this.inFlight ?? Promise.resolve())
      .catch(() => {})
      .then(async () => {
        await this.runPass(reason);
      });
    this.inFlight = pass;
    try {
      await pass;
    } finally {
      if (this.inFlight === pass) this.inFlight = undefined;
    }
  }
  async runPass(reason) {
    try {
      await this.repository.findPublished(reason);
    } catch (error) {
      this.errorReporter.error(error, { shouldBeLogged: true });
    }
  }
}`,
    // A process handler in the same file that logs each unhandled rejection with its stack (Ghost's boot).
    `process.on('unhandledRejection', (error) => {
  logging.error('Unhandled rejection:', error);
});
events.on('settings.labs.edited', async () => {
  await activityPub.enable();
});`,
    // … or one declared by the option when it is installed in another file.
    {
      code: `async function configureActivityPub() {
  await ActivityPubServiceWrapper.instance.enable();
}
events.on('settings.social_web.edited', configureActivityPub);
setTimeout(async () => { await milestones.run(); }, 1000);`,
      options: [{ rejectionsLoggedByProcessHandler: true }],
    },
    // A client that answers failures as data: the caller tests \`ok\` and logs \`error\` (n8n's leader
    // election, whose Redis wrapper returns \`{ ok: false, error }\` instead of rejecting).
    `class MultiMainSetup {
  async init() {
    this.leaderCheckInterval = setInterval(async () => {
      await this.checkLeader();
    }, 3000);
  }
  async checkLeader() {
    this.leaderCheckInProgress = true;
    try {
      await this.checkAreWeStillLeader();
    } finally {
      this.leaderCheckInProgress = false;
    }
  }
  async checkAreWeStillLeader() {
    const renewTtlResult = await this.client.tryRenewLeaderTtl();
    if (!renewTtlResult.ok) {
      this.logger.warn('Failed to renew leader TTL', { error: renewTtlResult.error });
      return;
    }
    const result = await this.client.setLeaderIfNotExists();
    if (result.ok === false) {
      this.logger.warn('Failed to set leader key', { error: result.error });
    }
  }
}`,
    // The same shape in TypeScript, with \`success\` and a type assertion.
    `setInterval(async () => {
  const outcome = (await billing.syncInvoices()) as SyncResult;
  if (!outcome.success) logger.warn({ err: outcome.error }, 'invoice sync failed');
}, 60000);`,
    // A compiled TypeScript call of an imported sleep only waits (n8n's execution recovery).
    `push.once('editorUiConnected', async () => {
  await (0, sleep_1.sleep)(1000);
  notifier.notify('workflowAutoDeactivated');
});`,

  ],
  invalid: [
    // --- precision on real applications (issue 15): the true shapes stay reported ---
    // SIGHUP is often "reload": not a shutdown, so its failure is reported.
    {
      code: `process.on('SIGHUP', async () => {
  await config.reload();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `process.on('SIGHUP', async () => {
  try {
    await config.reload();
  } catch (err) {
    console.error('SIGHUP listener failed', err);
    process.exitCode = 1;
  }
});`,
            },
          ],
        },
      ],
    },
    // A loop over signals one of which is not a shutdown.
    {
      code: `['SIGTERM', 'SIGUSR2'].forEach((signal) => process.on(signal, async () => {
  await cache.flush();
}));`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `['SIGTERM', 'SIGUSR2'].forEach((signal) => process.on(signal, async () => {
  try {
    await cache.flush();
  } catch (err) {
    console.error('event listener failed', err);
    process.exitCode = 1;
  }
}));`,
            },
          ],
        },
      ],
    },
    // A process handler that does not log the rejection it receives records nothing.
    {
      code: `process.on('unhandledRejection', () => {
  metrics.increment('rejections');
});
events.on('settings.labs.edited', async () => {
  await activityPub.enable();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `process.on('unhandledRejection', () => {
  metrics.increment('rejections');
});
events.on('settings.labs.edited', async () => {
  try {
    await activityPub.enable();
  } catch (err) {
    console.error('settings.labs.edited listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
    // \`fetch\`'s response also has \`ok\`, but no \`error\`: a network failure still rejects.
    {
      code: `setInterval(async () => {
  const res = await fetch(statusUrl);
  if (!res.ok) throw new Error(res.statusText);
}, 60000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `setInterval(async () => {
  try {
    const res = await fetch(statusUrl);
    if (!res.ok) throw new Error(res.statusText);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 60000);`,
            },
          ],
        },
      ],
    },
    // A result whose \`ok\` is tested but whose error is never read is no sign of a client that answers
    // failures as data; and a compiled call of something other than a wait stays a risk.
    {
      code: `setInterval(async () => {
  const lease = await this.client.renewLease();
  if (!lease.ok) return;
  await (0, jobs_1.runPending)();
}, 5000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `setInterval(async () => {
  try {
    const lease = await this.client.renewLease();
    if (!lease.ok) return;
    await (0, jobs_1.runPending)();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 5000);`,
            },
          ],
        },
      ],
    },
    // A factory whose callback lets the rejection escape (n8n's prune timer, through a factory).
    {
      code: `function makePruner(repository) {
  return async () => {
    await repository.deleteEarlierThan(Date.now() - 3600000);
  };
}
const prune = makePruner(historyRepository);
setInterval(async () => await prune(), 3600000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 7,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `function makePruner(repository) {
  return async () => {
    await repository.deleteEarlierThan(Date.now() - 3600000);
  };
}
const prune = makePruner(historyRepository);
setInterval(async () => {
  try {
    await prune();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 3600000);`,
            },
          ],
        },
      ],
    },
    // A voided same-class method that can reject is reported without the option (n8n's telemetry pulse).
    {
      code: `export class Telemetry {
  startPulse() {
    this.pulseInterval = setInterval(async () => {
      void this.pulse();
    }, 6 * 60 * 60 * 1000);
  }
  async pulse() {
    const counts = await this.workflowRepository.getActiveCounts();
    await this.track('pulse', counts);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `export class Telemetry {
  startPulse() {
    this.pulseInterval = setInterval(async () => {
      void this.pulse().catch((err) => console.error('pulse failed', err));
    }, 6 * 60 * 60 * 1000);
  }
  async pulse() {
    const counts = await this.workflowRepository.getActiveCounts();
    await this.track('pulse', counts);
  }
}`,
            },
          ],
        },
      ],
    },
    // The strict options report what recommended leaves: a voided call to another module's service,
    // and a shutdown handler (strapi's), here through a loop over the signals.
    {
      code: `export class WsServer {
  onMessage(id, message) {
    connection.on('message', () => {
      void this.taskBroker.onRunnerMessage(id, message);
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
              output: `export class WsServer {
  onMessage(id, message) {
    connection.on('message', () => {
      void this.taskBroker.onRunnerMessage(id, message).catch((err) => console.error('onRunnerMessage failed', err));
    });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const terminate = async () => {
  await strapi.destroy();
  process.exit();
};
['SIGTERM', 'SIGINT'].forEach((signal) => {
  process.on(signal, terminate);
});`,
      options: [{ includeShutdownHandlers: true }],
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 6,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `const terminate = async () => {
  await strapi.destroy();
  process.exit();
};
['SIGTERM', 'SIGINT'].forEach((signal) => {
  process.on(signal, () => terminate().catch((err) => console.error('terminate failed', err)));
});`,
            },
          ],
        },
      ],
    },
    // --- awaited promise held in a variable that an unknown call may reject ---
    {
      code: `class Flusher {
  start() {
    setTimeout(async () => await this.flush(), 1000);
  }
  async flush() {
    let pending = undefined;
    pending = this.repo.save(this.buffer);
    await pending;
  }
}`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `class Flusher {
  start() {
    setTimeout(async () => {
      try {
        await this.flush();
      } catch (err) {
        console.error('start timeout task failed', err);
      }
    }, 1000);
  }
  async flush() {
    let pending = undefined;
    pending = this.repo.save(this.buffer);
    await pending;
  }
}` }] }],
    },
    // --- exits without a log, or ends with a successful exit: the failure is not the author's crash ---
    {
      code: `class Command {
  start() {
    setTimeout(async () => {
      await this.stop();
    }, 1000);
  }
  async stop() {
    await this.db.close();
    process.exit(1);
  }
}`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `class Command {
  start() {
    setTimeout(async () => {
      try {
        await this.stop();
      } catch (err) {
        console.error('start timeout task failed', err);
      }
    }, 1000);
  }
  async stop() {
    await this.db.close();
    process.exit(1);
  }
}` }] }],
    },
    {
      code: `async function start() {
  await connect();
  try {
    await serve();
  } catch (err) {
    logger.error('serve failed', err);
    process.exit(0);
  }
}
process.on('message', async () => {
  await start();
});`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 10, suggestions: [{ messageId: 'wrapInTryCatch', output: `async function start() {
  await connect();
  try {
    await serve();
  } catch (err) {
    logger.error('serve failed', err);
    process.exit(0);
  }
}
process.on('message', async () => {
  try {
    await start();
  } catch (err) {
    console.error('message listener failed', err);
    process.exitCode = 1;
  }
});` }] }],
    },
    // --- timers reached through an injected clock or timer object ---
    {
      code: `export class Poller {
  start() {
    this.timers.setInterval(async () => {
      await this.outbox.flush();
    }, 1000);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `export class Poller {
  start() {
    this.timers.setInterval(async () => {
      try {
        await this.outbox.flush();
      } catch (err) {
        console.error('start interval task failed', err);
      }
    }, 1000);
  }
}`,
            },
          ],
        },
      ],
    },
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
      code: `import express from 'express';
const app = express();
app.post('/orders', (req, res) => {
  void mailer.sendReceipt(req.body.orderId);
  res.sendStatus(202);
});`,
      options: [{ includeVoidedCalls: true }],
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `import express from 'express';
const app = express();
app.post('/orders', (req, res) => {
  void mailer.sendReceipt(req.body.orderId).catch((err) => console.error('sendReceipt failed', err));
  res.sendStatus(202);
});`,
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
    // --- timers: setInterval, setTimeout, setImmediate, process.nextTick, queueMicrotask; nested; TS and JSX ---
    {
      code: `setInterval(async () => {
  const rows = await db.query('select * from outbox');
  await publish(rows);
}, 5000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => {
  try {
    const rows = await db.query('select * from outbox');
    await publish(rows);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 5000);` },
          ],
        },
      ],
    },
    {
      code: `import express from 'express';

function startOutbox() {
  setInterval(async () => {
    const rows = await db.query('select * from outbox');
    await publish(rows);
  }, 5000);
}`,
      settings: pino,
      output: `import express from 'express';
import { logger } from './logger';

function startOutbox() {
  setInterval(async () => {
    try {
      const rows = await db.query('select * from outbox');
      await publish(rows);
    } catch (err) {
      logger.error({ err }, 'startOutbox interval task failed');
    }
  }, 5000);
}`,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 4,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import express from 'express';
import { logger } from './logger';

function startOutbox() {
  setInterval(async () => {
    try {
      const rows = await db.query('select * from outbox');
      await publish(rows);
    } catch (err) {
      logger.error({ err }, 'startOutbox interval task failed');
    }
  }, 5000);
}` },
          ],
        },
      ],
    },
    {
      code: `let running = false;
setTimeout(async () => {
  running = true;
  try {
    await sync();
  } finally {
    running = false;
  }
}, 0);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `let running = false;
setTimeout(async () => {
  try {
    running = true;
    try {
      await sync();
    } finally {
      running = false;
    }
  } catch (err) {
    console.error('timeout task failed', err);
  }
}, 0);` },
          ],
        },
      ],
    },
    {
      code: `setImmediate(async () => {
  if (!(await ready())) throw new Error('not ready');
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setImmediate(async () => {
  try {
    if (!(await ready())) throw new Error('not ready');
  } catch (err) {
    console.error('deferred task failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `process.nextTick(async () => { await flush(); });`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `process.nextTick(async () => { try { await flush(); } catch (err) { console.error('deferred task failed', err); } });` },
          ],
        },
      ],
    },
    {
      code: `queueMicrotask(async function drain() {
  await queue.drain();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `queueMicrotask(async function drain() {
  try {
    await queue.drain();
  } catch (err) {
    console.error('drain failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `setTimeout(() => {
  setInterval(async () => {
    await heartbeat();
  }, 30_000);
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setTimeout(() => {
  setInterval(async () => {
    try {
      await heartbeat();
    } catch (err) {
      console.error('interval task failed', err);
    }
  }, 30_000);
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `async function poll() { await api.poll(); }
setInterval(async () => await poll(), 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `async function poll() { await api.poll(); }
setInterval(async () => {
  try {
    await poll();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(async () => {
  await db.query(\`
    delete from sessions
    where expires_at < now()
  \`);
}, 60_000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => {
  try {
    await db.query(\`
    delete from sessions
    where expires_at < now()
  \`);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 60_000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(async () => {
  try {
    await reconcile();
  } catch (err) {
    throw new Error('reconcile failed', { cause: err });
  }
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => {
  try {
    try {
      await reconcile();
    } catch (err) {
      throw new Error('reconcile failed', { cause: err });
    }
  } catch (error) {
    console.error('interval task failed', error);
  }
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(async () => {
  await Promise.all(tenants.map((t) => t.sync()));
}, 60_000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => {
  try {
    await Promise.all(tenants.map((t) => t.sync()));
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 60_000);` },
          ],
        },
      ],
    },
    {
      // Angle-bracket assertions are TS-only syntax that JSX parsing forbids.
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: false } } },
      code: `setTimeout(<() => void>(async () => {
  await warm();
}), 0);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setTimeout(<() => void>(async () => {
  try {
    await warm();
  } catch (err) {
    console.error('timeout task failed', err);
  }
}), 0);` },
          ],
        },
      ],
    },
    {
      filename: 'clock.tsx',
      code: `export function Clock() {
  useEffect(() => {
    const id = setInterval(async () => {
      setNow(await fetchServerTime());
    }, 1000);
    return () => clearInterval(id);
  }, []);
  return <span>{now}</span>;
}`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `export function Clock() {
  useEffect(() => {
    const id = setInterval(async () => {
      try {
        setNow(await fetchServerTime());
      } catch (err) {
        console.error('Clock interval task failed', err);
      }
    }, 1000);
    return () => clearInterval(id);
  }, []);
  return <span>{now}</span>;
}` },
          ],
        },
      ],
    },
    {
      code: `const handler = (async () => {
  await flush();
}) satisfies () => Promise<void>;
setInterval(handler, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 4,
          suggestions: [
            { messageId: 'addCatch', output: `const handler = (async () => {
  await flush();
}) satisfies () => Promise<void>;
setInterval(() => handler().catch((err) => console.error('interval task failed', err)), 1000);` },
          ],
        },
      ],
    },
    // the try/catch wrap keeps the layout: code after `{` moves inside, a comment stays, template text is untouched
    {
      code: `setInterval(async () => { await a();
  await b();
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => {
  try {
    await a();
    await b();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(async () => { // every minute
  await a();

  await b();
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => { // every minute
  try {
    await a();

    await b();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 1000);` },
          ],
        },
      ],
    },
    {
      code: `setInterval(async () => {
  await db.query(\`   
  select 1
\`);
}, 1000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `setInterval(async () => {
  try {
    await db.query(\`   
  select 1
\`);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 1000);` },
          ],
        },
      ],
    },
    // --- async functions and promise-returning callbacks passed by name ---
    {
      code: `async function poll() {
  const res = await fetch(url);
  await store(await res.json());
}
setInterval(poll, 60_000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 5,
          suggestions: [
            { messageId: 'addCatch', output: `async function poll() {
  const res = await fetch(url);
  await store(await res.json());
}
setInterval(() => poll().catch((err) => console.error('poll failed', err)), 60_000);` },
          ],
        },
      ],
    },
    {
      code: `class Poller {
  start() {
    this.timer = setInterval(this.tick.bind(this), 1000);
  }
  async tick() {
    await this.client.ping();
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `class Poller {
  start() {
    this.timer = setInterval(() => this.tick().catch((err) => console.error('tick failed', err)), 1000);
  }
  async tick() {
    await this.client.ping();
  }
}` },
          ],
        },
      ],
    },
    {
      code: `async function reindex() { await search.reindex(); }
emitter.on('catalog:changed', () => reindex());`,
      output: null,
      errors: [
        {
          messageId: 'returnedPromise',
          line: 2,
          suggestions: [
            { messageId: 'addCatch', output: `async function reindex() { await search.reindex(); }
emitter.on('catalog:changed', () => reindex().catch((err) => console.error('reindex failed', err)));` },
          ],
        },
      ],
    },
    {
      code: `async function reindex() { await search.reindex(); }
emitter.on('changed', () => {
  return reindex();
});`,
      output: null,
      errors: [
        {
          messageId: 'returnedPromise',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `async function reindex() { await search.reindex(); }
emitter.on('changed', () => {
  return reindex().catch((err) => console.error('reindex failed', err));
});` },
          ],
        },
      ],
    },
    {
      code: `async function onData(chunk) { await sink.write(chunk); }
stream.on('data', onData);`,
      output: null,
      errors: [
        { messageId: 'asyncReference', line: 2, suggestions: [] },
      ],
    },
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
    // --- event listeners: sockets, streams, servers, res.on(finish), process signals ---
    {
      code: `io.on('connection', (socket) => {
  socket.on('chat:message', async (payload) => {
    const saved = await Message.create(payload);
    io.emit('chat:message', saved);
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `io.on('connection', (socket) => {
  socket.on('chat:message', async (payload) => {
    try {
      const saved = await Message.create(payload);
      io.emit('chat:message', saved);
    } catch (err) {
      console.error('chat:message listener failed', err);
    }
  });
});` },
          ],
        },
      ],
    },
    {
      code: `stream.on('data', async (chunk) => {
  await sink.write(chunk);
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `stream.on('data', async (chunk) => {
  try {
    await sink.write(chunk);
  } catch (err) {
    console.error('data listener failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `server.on('upgrade', async (req, socket, head) => {
  const user = await authenticate(req);
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, user));
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `server.on('upgrade', async (req, socket, head) => {
  try {
    const user = await authenticate(req);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, user));
  } catch (err) {
    console.error('upgrade listener failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `app.use((req, res, next) => {
  res.on('finish', async () => {
    await AuditLog.create({ path: req.path, status: res.statusCode });
  });
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `app.use((req, res, next) => {
  res.on('finish', async () => {
    try {
      await AuditLog.create({ path: req.path, status: res.statusCode });
    } catch (err) {
      console.error('finish listener failed', err);
    }
  });
  next();
});` },
          ],
        },
      ],
    },
    {
      code: `process.on('SIGTERM', async () => {
  await server.close();
  await db.disconnect();
  process.exit(0);
});`,
      options: [{ includeShutdownHandlers: true }],
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `process.on('SIGTERM', async () => {
  try {
    await server.close();
    await db.disconnect();
    process.exit(0);
  } catch (err) {
    console.error('SIGTERM listener failed', err);
    process.exitCode = 1;
  }
});` },
          ],
        },
      ],
    },
    {
      code: `client.once('ready', async () => {
  await registerCommands();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `client.once('ready', async () => {
  try {
    await registerCommands();
  } catch (err) {
    console.error('ready listener failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      code: `emitter.on('import', async (file) => {
  for await (const row of parse(file)) {
    rows.push(row);
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `emitter.on('import', async (file) => {
  try {
    for await (const row of parse(file)) {
      rows.push(row);
    }
  } catch (err) {
    console.error('import listener failed', err);
  }
});` },
          ],
        },
      ],
    },
    {
      // A child process's IPC listener: even with a configured logger the fix is only a suggestion
      // (whether a failing child exits is the supervisor protocol's call), and it keeps the failure
      // visible to the parent through the exit code.
      code: `process.on('message', async (msg) => {
  await runJob(msg);
});`,
      settings: { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } },
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import { logger } from './logger';
process.on('message', async (msg) => {
  try {
    await runJob(msg);
  } catch (err) {
    logger.error({ err }, 'message listener failed');
    process.exitCode = 1;
  }
});` },
          ],
        },
      ],
    },
    {
      // A worker thread's port, the same.
      code: `parentPort.on('message', async (task) => {
  await runTask(task);
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `parentPort.on('message', async (task) => {
  try {
    await runTask(task);
  } catch (err) {
    console.error('message listener failed', err);
    process.exitCode = 1;
  }
});` },
          ],
        },
      ],
    },
    {
      code: `process.on('message', async (msg) => {
  await handle(msg);
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `process.on('message', async (msg) => {
  try {
    await handle(msg);
  } catch (err) {
    console.error('message listener failed', err);
    process.exitCode = 1;
  }
});` },
          ],
        },
      ],
    },
    {
      code: `import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
@Injectable()
export class PriceFeed implements OnModuleInit {
  private readonly logger = new Logger(PriceFeed.name);
  onModuleInit() {
    this.socket.on('price', async (tick: Tick) => {
      await this.prices.save(tick);
    });
  }
}`,
      settings: nest,
      output: `import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
@Injectable()
export class PriceFeed implements OnModuleInit {
  private readonly logger = new Logger(PriceFeed.name);
  onModuleInit() {
    this.socket.on('price', async (tick: Tick) => {
      try {
        await this.prices.save(tick);
      } catch (err) {
        this.logger.error('onModuleInit price listener failed', err instanceof Error ? err.stack : String(err));
      }
    });
  }
}`,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 6,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
@Injectable()
export class PriceFeed implements OnModuleInit {
  private readonly logger = new Logger(PriceFeed.name);
  onModuleInit() {
    this.socket.on('price', async (tick: Tick) => {
      try {
        await this.prices.save(tick);
      } catch (err) {
        this.logger.error('onModuleInit price listener failed', err instanceof Error ? err.stack : String(err));
      }
    });
  }
}` },
          ],
        },
      ],
    },
    // --- server.listen(port, async () => …) ---
    {
      code: `app.listen(PORT, async () => {
  await mongoose.connect(process.env.MONGO_URL);
  console.log(\`listening on \${PORT}\`);
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `app.listen(PORT, async () => {
  try {
    await mongoose.connect(process.env.MONGO_URL);
    console.log(\`listening on \${PORT}\`);
  } catch (err) {
    console.error('listen callback failed', err);
  }
});` },
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
    {
      code: `async function flushMetrics() { await metrics.flush(); }
fastify.addHook('onClose', async (instance) => {
  flushMetrics();
  await instance.db.close();
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `async function flushMetrics() { await metrics.flush(); }
fastify.addHook('onClose', async (instance) => {
  flushMetrics().catch((err) => console.error('flushMetrics failed', err));
  await instance.db.close();
});` },
          ],
        },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
async function sendWelcome(user) { await mailer.send(user.email, 'welcome'); }
app.post('/signup', async (req, res) => {
  const user = await User.create(req.body);
  sendWelcome(user);
  res.status(201).json(user);
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          suggestions: [
            { messageId: 'addCatch', output: `import express from 'express';
const app = express();
async function sendWelcome(user) { await mailer.send(user.email, 'welcome'); }
app.post('/signup', async (req, res) => {
  const user = await User.create(req.body);
  sendWelcome(user).catch((err) => console.error('sendWelcome failed', err));
  res.status(201).json(user);
});` },
          ],
        },
      ],
    },
    {
      code: `import { Controller, Post, Body } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() dto: CreateUserDto) {
    const user = await this.users.create(dto);
    this.audit(user.id);
    return user;
  }
  private async audit(id: string) { await this.auditRepo.insert({ id }); }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 7,
          suggestions: [
            { messageId: 'addCatch', output: `import { Controller, Post, Body } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() dto: CreateUserDto) {
    const user = await this.users.create(dto);
    this.audit(user.id).catch((err) => console.error('audit failed', err));
    return user;
  }
  private async audit(id: string) { await this.auditRepo.insert({ id }); }
}` },
          ],
        },
      ],
    },
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

// With type information, any call typed as a Promise counts; without it, unknown functions are never guessed at.
const typedTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
  },
});

typedTester.run('background-task-error-handling (type-aware)', rule, {
  valid: [
    'declare function syncRemote(): void;\nsetInterval(() => {\n  syncRemote();\n}, 1000);',
    // Fastify's reply declares `then` to be awaitable; reply.send() is not a floating promise.
    "interface FastifyReply { code(n: number): FastifyReply; send(p?: unknown): FastifyReply; then(ok: () => void, fail: (e: unknown) => void): void }\ndeclare const fastify: { get(path: string, h: (request: unknown, reply: FastifyReply) => void): void };\nfastify.get('/', (request, reply) => {\n  reply.code(200).send('ok');\n});",
    "declare function syncRemote(): Promise<void>;\ndeclare const logger: { error(o: object, m: string): void };\nsetInterval(() => {\n  syncRemote().catch((err) => logger.error({ err }, 'sync failed'));\n}, 1000);",
    // Outside background work and request handlers: typescript-eslint's no-floating-promises covers it.
    'declare function migrate(): Promise<void>;\nmigrate();',
    'declare const repo: { save(): Promise<void> };\nsetInterval(async () => {\n  try {\n    await repo.save();\n  } catch (err) {\n    console.error(err);\n  }\n}, 1000);',
  ],
  invalid: [
    {
      code: 'declare function syncRemote(): Promise<void>;\nsetInterval(() => {\n  syncRemote();\n}, 1000);',
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "declare function syncRemote(): Promise<void>;\nsetInterval(() => {\n  syncRemote().catch((err) => console.error('syncRemote failed', err));\n}, 1000);",
            },
          ],
        },
      ],
    },
    {
      code: "declare const repo: { save(): Promise<void> };\nemitter.on('order', () => repo.save());",
      errors: [
        {
          messageId: 'returnedPromise',
          line: 2,
          suggestions: [
            {
              messageId: 'addCatch',
              output: "declare const repo: { save(): Promise<void> };\nemitter.on('order', () => repo.save().catch((err) => console.error('save failed', err)));",
            },
          ],
        },
      ],
    },
  ],
});
