import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { nest } from './_shared.js';

/**
 * Event listeners: sockets, streams, servers, `res.on('finish')`, process signals and IPC,
 * worker-thread ports, listen callbacks, bot middleware, and async functions a listener registers by
 * name or returns. Listeners that catch and log, and sync listeners, are fine.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (event listeners)', rule, {
  valid: [
    // The process's own 'exit' listener runs as the process ends: nothing it awaits completes (Budibase's
    // Redis client cleanup), so a catch there would log nothing either.
    "process.on('exit', async () => {\n  if (client) {\n    await client.finish();\n  }\n});",
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
      code: `client.once('ready', () => console.log(\`Logged in as \${client.user.tag}\`));`,
    },
    {
      code: `emitter.on('x', async function* gen() { yield await next(); });`,
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
    "// the same listener function is also awaited elsewhere: the promise is not only the listener's\nclass PollingJobQueue {\n  async activate(nextJob) {\n    await this.jobQueueStrategy.update(nextJob);\n    const onProgress = (job) => this.jobQueueStrategy.update(job);\n    nextJob.on('progress', onProgress);\n    await onProgress(nextJob);\n  }\n}",
    "// the listener is also called directly (its promise awaited there), and detached later\nclass PollingJobQueue {\n  async activate(nextJob) {\n    await this.jobQueueStrategy.update(nextJob);\n    const onProgress = (job) => this.jobQueueStrategy.update(job);\n    nextJob.on('progress', onProgress);\n    await onProgress(nextJob);\n    nextJob.off('progress', onProgress);\n  }\n}",
    "// a method the file never awaits: nothing says it returns a promise\nclass PollingJobQueue {\n  async activate(nextJob) {\n    const onProgress = (job) => this.metrics.record(job);\n    nextJob.on('progress', onProgress);\n    await nextJob.start();\n  }\n}",
  ],
  invalid: [
    // … reported as a shutdown handler under includeShutdownHandlers
    {
      code: "process.on('exit', async () => {\n  if (client) {\n    await client.finish();\n  }\n});",
      options: [{ includeShutdownHandlers: true }],
      errors: [{ messageId: 'asyncCallback', line: 1, suggestions: [{ messageId: 'wrapInTryCatch', output: "process.on('exit', async () => {\n  try {\n    if (client) {\n      await client.finish();\n    }\n  } catch (err) {\n    console.error('exit listener failed', err);\n    process.exitCode = 1;\n  }\n});" }] }],
    },
    // a child process's 'exit' event is an ordinary listener: the parent keeps running
    {
      code: "child.on('exit', async (code) => {\n  await pruneDocker();\n  res.end();\n});",
      errors: [{ messageId: 'asyncCallback', line: 1, suggestions: [{ messageId: 'wrapInTryCatch', output: "child.on('exit', async (code) => {\n  try {\n    await pruneDocker();\n    res.end();\n  } catch (err) {\n    console.error('exit listener failed', err);\n  }\n});" }] }],
    },
    {
      "code": "// the progress listener is detached when the job ends: the detaching read is no other use of it\nclass PollingJobQueue {\n  async activate(nextJob) {\n    await this.jobQueueStrategy.update(nextJob);\n    const onProgress = (job) => this.jobQueueStrategy.update(job);\n    nextJob.on('progress', onProgress);\n    await nextJob.start();\n    nextJob.off('progress', onProgress);\n  }\n}\n",
      "errors": [
        {
          "messageId": "returnedPromise",
          "line": 5,
          "suggestions": [
            {
              "messageId": "addCatch",
              "output": "// the progress listener is detached when the job ends: the detaching read is no other use of it\nclass PollingJobQueue {\n  async activate(nextJob) {\n    await this.jobQueueStrategy.update(nextJob);\n    const onProgress = (job) => this.jobQueueStrategy.update(job).catch((err) => console.error('update failed', err));\n    nextJob.on('progress', onProgress);\n    await nextJob.start();\n    nextJob.off('progress', onProgress);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "code": "// a job's progress listener returns the promise of a store write the same class awaits elsewhere (Vendure polling job queue)\nclass PollingJobQueue {\n  async activate(nextJob) {\n    await this.jobQueueStrategy.update(nextJob);\n    const onProgress = (job) => this.jobQueueStrategy.update(job);\n    nextJob.on('progress', onProgress);\n    await nextJob.start();\n  }\n}\n",
      "errors": [
        {
          "messageId": "returnedPromise",
          "line": 5,
          "suggestions": [
            {
              "messageId": "addCatch",
              "output": "// a job's progress listener returns the promise of a store write the same class awaits elsewhere (Vendure polling job queue)\nclass PollingJobQueue {\n  async activate(nextJob) {\n    await this.jobQueueStrategy.update(nextJob);\n    const onProgress = (job) => this.jobQueueStrategy.update(job).catch((err) => console.error('update failed', err));\n    nextJob.on('progress', onProgress);\n    await nextJob.start();\n  }\n}\n"
            }
          ]
        }
      ]
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
  ],
});
