import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (session 33): a once-only shutdown routine (`if (!stopping) { …; process.exit(0) }`)
 * registered for any signal or called from another listener. Each quieted shape has a reported twin.
 */
// @typescript-eslint/parser throughout (JS is valid TS).
const ruleTester = new RuleTester();

/** A shutdown routine guarded to run once: all its work happens on the way out (FlowFuse's forge/app.js). */
const exitWhenStopped = `let stopping = false;
async function exitWhenStopped() {
  if (!stopping) {
    stopping = true;
    server.log.info('Stopping');
    await server.close();
    process.exit(0);
  }
}`;

ruleTester.run('background-task-error-handling (precision on real applications, session 33)', rule, {
  valid: [
    // the once-only routine registered for signals that are not termination signals (SIGHUP, nodemon's SIGUSR2): it ends the process
    {
      code: `${exitWhenStopped}
process.on('SIGTERM', exitWhenStopped);
process.on('SIGHUP', exitWhenStopped);
process.on('SIGUSR2', exitWhenStopped);`,
    },
    // PM2's shutdown message calls the same routine: its rejection ends a process that was already ending
    {
      code: `${exitWhenStopped}
process.on('message', function (m) {
  if (m === 'shutdown') { exitWhenStopped(); }
});`,
    },
    // the same routine in callback style (Node-RED's red.js): the guarded chain's last callback exits
    {
      code: `let stopping = false;
function exitWhenStopped() {
  if (!stopping) {
    stopping = true;
    RED.stop().then(function () {
      process.exit();
    });
  }
}
process.on('SIGHUP', exitWhenStopped);
process.on('message', function (m) {
  if (m === 'shutdown') { exitWhenStopped(); }
});`,
    },
    // an if / else whose both branches end by exiting, inline in a listener
    {
      code: `worker.on('message', async (msg) => {
  if (msg.fatal) {
    await app.stop();
    process.exit(1);
  } else {
    await app.stop();
    process.exit(0);
  }
});`,
    },
  ],
  invalid: [
    // a listener that awaits work before its conditional exit: the earlier await fails outside the way out
    {
      code: `bus.on('message', async (msg) => {
  await jobs.save(msg);
  if (msg.fatal) {
    process.exit(1);
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `bus.on('message', async (msg) => {
  try {
    await jobs.save(msg);
    if (msg.fatal) {
      process.exit(1);
    }
  } catch (err) {
    console.error('message listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
    // a guarded routine that does not exit (a reload on SIGHUP): its failure leaves the process running unlogged
    {
      code: `let reloading = false;
async function reload() {
  if (!reloading) {
    reloading = true;
    await config.reload();
    reloading = false;
  }
}
process.on('SIGHUP', reload);`,
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 9,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `let reloading = false;
async function reload() {
  if (!reloading) {
    reloading = true;
    await config.reload();
    reloading = false;
  }
}
process.on('SIGHUP', () => reload().catch((err) => console.error('reload failed', err)));`,
            },
          ],
        },
      ],
    },
    // a listener calling a same-file routine that does not end the process stays reported
    {
      code: `async function refresh() {
  await cache.reload();
}
process.on('message', function (m) {
  if (m === 'refresh') { refresh(); }
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `async function refresh() {
  await cache.reload();
}
process.on('message', function (m) {
  if (m === 'refresh') { refresh().catch((err) => console.error('refresh failed', err)); }
});`,
            },
          ],
        },
      ],
    },
    // includeShutdownHandlers reports the routine's call from the message listener, as it reports signal handlers
    {
      code: `${exitWhenStopped}
process.on('message', function (m) {
  if (m === 'shutdown') { exitWhenStopped(); }
});`,
      options: [{ includeShutdownHandlers: true }],
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 11,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `${exitWhenStopped}
process.on('message', function (m) {
  if (m === 'shutdown') { exitWhenStopped().catch((err) => console.error('exitWhenStopped failed', err)); }
});`,
            },
          ],
        },
      ],
    },
  ],
});
