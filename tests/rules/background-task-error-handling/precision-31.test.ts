import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (session 31): promises that cannot reject because every element, field value or context-helper callback catches or only resolves, const instances of same-file classes, listeners that end the process. Each quieted shape has a reported twin.
 */
// @typescript-eslint/parser throughout (JS is valid TS).
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (precision on real applications, session 31)', rule, {
  valid: [
    // await Promise.all(urls.map(async (url) => { try … catch (err) { log } })) in a same-file function the timer awaits: no element can reject (Uppy Companion's periodic ping)
    {
      code: `async function pingAll(urls, payload) {
  await Promise.all(
    urls.map(async (url) => {
      try {
        await got.post(url, { json: payload });
      } catch (err) {
        logger.warn(err, 'jobs.periodic.ping');
      }
    }),
  );
}
let busy = false;
setInterval(async () => {
  if (busy) return;
  try {
    busy = true;
    await pingAll(urls, payload);
  } finally {
    busy = false;
  }
}, 60000);`,
    },
    // Promise.all over a local array whose every pushed element is new Promise((resolve) => …) with no reject: it cannot reject (Signal K playground)
    {
      code: `app.post('/playground', (req, res) => {
  const puts = [];
  for (const msg of req.body.msgs) {
    puts.push(new Promise((resolve) => {
      setTimeout(() => resolve('Timed out waiting for put result'), 5000);
      putPath(msg, (reply) => resolve(reply));
    }));
  }
  if (puts.length > 0) {
    Promise.all(puts).then((results) => res.json({ putResults: results }));
  } else {
    res.json({});
  }
});`,
    },
    // a const instance of a same-file class: its method catches and logs its only I/O (Kuzzle's ID card renewer)
    {
      code: `class IdCardRenewer {
  async dispose() {
    try {
      await this.redis.del(this.nodeIdKey);
    } catch (error) {
      console.error(\`Could not delete key '\${this.nodeIdKey}': \${error.message}\`);
    }
  }
}
const renewer = new IdCardRenewer();
cluster.on('node:evicted', async () => {
  await renewer.dispose();
});`,
    },
    // await this._runPromise, a field the class only ever sets to null or new Promise((resolve) => …): the voided call cannot reject (n8n task runner process)
    {
      code: `class RunnerProcess {
  constructor(lifecycle) {
    this._runPromise = null;
    lifecycle.on('runner:unresponsive', () => {
      void this.forceRestart();
    });
  }
  start() {
    this._runPromise = new Promise((resolve) => {
      this.child.on('exit', resolve);
    });
  }
  async forceRestart() {
    if (this.child) {
      this.child.kill('SIGKILL');
      await this._runPromise;
    }
  }
}`,
    },
    // a context helper (doInTenant) whose inline callback catches and logs everything: nothing the listener awaits can reject (Budibase plugin watcher)
    {
      code: `watcher.on('all', async (event, path) => {
  await tenancy.doInTenant(DEFAULT_TENANT_ID, async () => {
    try {
      await processUploaded(path);
    } catch (err) {
      console.error('Failed to import plugin:', err);
    }
  });
});`,
    },
    // a listener whose last statement is process.exit(0): written to end the process, as a shutdown handler (NocoBase console REPL)
    {
      code: `app.command('console').action(async () => {
  await app.start();
  const repl = REPL.start('app > ');
  repl.on('exit', async function (err) {
    if (err) {
      console.log(err);
      process.exit(1);
    }
    await app.stop();
    process.exit(0);
  });
});`,
    },
  ],
  invalid: [
    // the same mapper without its try/catch: a failed request rejects the timer's promise
    {
      code: `async function pingAll(urls, payload) {
  await Promise.all(urls.map(async (url) => {
    await got.post(url, { json: payload });
  }));
}
setInterval(async () => {
  await pingAll(urls, payload);
}, 60000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function pingAll(urls, payload) {
  await Promise.all(urls.map(async (url) => {
    await got.post(url, { json: payload });
  }));
}
setInterval(async () => {
  try {
    await pingAll(urls, payload);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 60000);`,
            },
          ],
        },
      ],
    },
    // the pushed promises take reject and call it: Promise.all may reject with no handler
    {
      code: `app.post('/playground', (req, res) => {
  const puts = [];
  for (const msg of req.body.msgs) {
    puts.push(new Promise((resolve, reject) => {
      putPath(msg, (err, reply) => (err ? reject(err) : resolve(reply)));
    }));
  }
  Promise.all(puts).then((results) => res.json({ putResults: results }));
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 8,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `app.post('/playground', (req, res) => {
  const puts = [];
  for (const msg of req.body.msgs) {
    puts.push(new Promise((resolve, reject) => {
      putPath(msg, (err, reply) => (err ? reject(err) : resolve(reply)));
    }));
  }
  Promise.all(puts).then((results) => res.json({ putResults: results })).catch((err) => console.error('Promise.all failed', err));
});`,
            },
          ],
        },
      ],
    },
    // the array is handed to another function, which may add any promise: still reported
    {
      code: `app.post('/playground', (req, res) => {
  const puts = [];
  for (const msg of req.body.msgs) {
    puts.push(new Promise((resolve) => putPath(msg, resolve)));
  }
  addPending(puts);
  Promise.all(puts).then((results) => res.json({ putResults: results }));
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 7,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `app.post('/playground', (req, res) => {
  const puts = [];
  for (const msg of req.body.msgs) {
    puts.push(new Promise((resolve) => putPath(msg, resolve)));
  }
  addPending(puts);
  Promise.all(puts).then((results) => res.json({ putResults: results })).catch((err) => console.error('Promise.all failed', err));
});`,
            },
          ],
        },
      ],
    },
    // the same instance method without its try/catch: the listener's await may reject
    {
      code: `class IdCardRenewer {
  async dispose() {
    await this.redis.del(this.nodeIdKey);
  }
}
const renewer = new IdCardRenewer();
cluster.on('node:evicted', async () => {
  await renewer.dispose();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 7,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class IdCardRenewer {
  async dispose() {
    await this.redis.del(this.nodeIdKey);
  }
}
const renewer = new IdCardRenewer();
cluster.on('node:evicted', async () => {
  try {
    await renewer.dispose();
  } catch (err) {
    console.error('node:evicted listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
    // the field's promise takes reject (an 'error' event rejects it): the voided call may reject
    {
      code: `class RunnerProcess {
  constructor(lifecycle) {
    this._runPromise = null;
    lifecycle.on('runner:unresponsive', () => {
      void this.forceRestart();
    });
  }
  start() {
    this._runPromise = new Promise((resolve, reject) => {
      this.child.on('exit', resolve);
      this.child.on('error', reject);
    });
  }
  async forceRestart() {
    if (this.child) {
      this.child.kill('SIGKILL');
      await this._runPromise;
    }
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `class RunnerProcess {
  constructor(lifecycle) {
    this._runPromise = null;
    lifecycle.on('runner:unresponsive', () => {
      void this.forceRestart().catch((err) => console.error('forceRestart failed', err));
    });
  }
  start() {
    this._runPromise = new Promise((resolve, reject) => {
      this.child.on('exit', resolve);
      this.child.on('error', reject);
    });
  }
  async forceRestart() {
    if (this.child) {
      this.child.kill('SIGKILL');
      await this._runPromise;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // a transaction runner is not a context helper: its commit can fail outside the callback
    {
      code: `watcher.on('all', async (event, path) => {
  await db.runInTransaction(async () => {
    try {
      await processUploaded(path);
    } catch (err) {
      console.error('Failed to import plugin:', err);
    }
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `watcher.on('all', async (event, path) => {
  try {
    await db.runInTransaction(async () => {
      try {
        await processUploaded(path);
      } catch (err) {
        console.error('Failed to import plugin:', err);
      }
    });
  } catch (caughtError) {
    console.error('all listener failed', caughtError);
  }
});`,
            },
          ],
        },
      ],
    },
    // the context helper's callback does not catch: its rejection reaches the listener
    {
      code: `watcher.on('all', async (event, path) => {
  await tenancy.doInTenant(DEFAULT_TENANT_ID, async () => {
    await processUploaded(path);
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `watcher.on('all', async (event, path) => {
  try {
    await tenancy.doInTenant(DEFAULT_TENANT_ID, async () => {
      await processUploaded(path);
    });
  } catch (err) {
    console.error('all listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
    // includeShutdownHandlers reports it, as it does process signal handlers
    {
      code: `repl.on('exit', async function () {
  await app.stop();
  process.exit(0);
});`,
      options: [{"includeShutdownHandlers":true}],
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `repl.on('exit', async function () {
  try {
    await app.stop();
    process.exit(0);
  } catch (err) {
    console.error('exit listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
    // a child process's 'exit' listener that does not end this process stays reported
    {
      code: `child.on('exit', async (code) => {
  await jobs.markFinished(child.pid, code);
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `child.on('exit', async (code) => {
  try {
    await jobs.markFinished(child.pid, code);
  } catch (err) {
    console.error('exit listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
  ],
});
