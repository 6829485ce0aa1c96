import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { pino } from './_shared.js';

/**
 * Async callbacks given to timers (setInterval, setTimeout, setImmediate, process.nextTick,
 * queueMicrotask, an injected timer object) and async functions passed to them by name: a rejection
 * there is unhandled. Callbacks that catch and log, sync callbacks and waits are fine. Also TS-only
 * syntax and JSX, and how the try/catch suggestion keeps the layout.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (timers)', rule, {
  valid: [
    // --- timers whose callbacks already catch and log, sync callbacks, waits ---
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
      code: `setInterval(async () => {
  try {
    await step();
  } catch {
    // retried on the next tick
  }
}, 1000);`,
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

    // --- more real idioms: sync callbacks, callbacks that cannot reject, injected timers ---
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
      code: `emitter.on('noop', async () => {});
setTimeout(async () => { logger.info('warmup scheduled'); }, 0);`,
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
      code: `setInterval(() => {
  return;
}, 10);`,
    },
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
  ],
  invalid: [
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
  ],
});
