import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';

/**
 * The text of a caught error under other shapes (issue 18): a variable that holds only the text
 * (`const message = e instanceof Error ? e.message : String(e)`, vendure's scheduler), a fallback
 * (`${e?.message || e}`, homebridge's scheduled backup), and a message chosen by an `instanceof`
 * test (`error instanceof Error ? error.message : String(error)`, nocobase's heartbeat), and a helper named for
 * turning an error into its text (`getErrorMessage(err)`, flowise's compiled `(0, utils_1.getErrorMessage)(err)`), and text
 * composed around the message in a const (`const reason = \`${error.name}: ${error.message}\``, nocobase's notification manager).
 */
const ruleTester = new RuleTester();

ruleTester.run('log-error-with-stack (text variables, fallbacks, instanceof)', rule, {
  valid: [
    // Vendure's email plugin: the \`else\` of \`err instanceof Error\` logs a value that is no Error, which has no stack to lose
    // (the Error branch logs the stack); also \`if (!(e instanceof Error))\` and the conditional form.
    `async function loadData(handler, event, loggerCtx) {
  try {
    event.data = await handler.loadDataFn({ event });
  } catch (err) {
    if (err instanceof Error) {
      Logger.error(err.message, loggerCtx, err.stack);
    } else {
      Logger.error(String(err), loggerCtx);
    }
    return;
  }
}`,
    'async function run(job) { try { await job.run() } catch (e) { if (!(e instanceof Error)) { console.error(`job failed: ${e}`) } else { retry(job, e) } } }',
    'async function run(job) { try { await job.run() } catch (e) { e instanceof Error ? console.error(e) : console.error(`job failed: ${e}`) } }',
    // Any error type guard the model knows (catch-guards.ts): \`util.types.isNativeError(e)\` too.
    "const util = require('util');\nasync function run(job) { try { await job.run() } catch (e) { if (util.types.isNativeError(e)) { retry(job, e) } else { console.error(`job failed: ${e}`) } } }",
    // A helper not named for the error's text receives the error itself.
    'async function run(flow) { try { await execute(flow) } catch (err) { console.error(`flow failed: ${describe(err)}`, report(err)) } }',
    // The error with a literal fallback goes to the logger as the object.
    'async function load(path) { try { await importPlugin(path) } catch (err) { console.error("Failed to import plugin:", err || "unknown") } }',
    // The error object is logged beside the text variable.
    `import pino from 'pino';
const logger = pino();
export async function runScheduled(task) {
  try {
    await task.execute();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.error({ err: e }, \`Error executing scheduled task \${task.id}: \${message}\`);
  }
}`,
    // The variable also holds more than the text on another path.
    `import pino from 'pino';
const logger = pino();
export async function runScheduled(task) {
  try {
    await task.execute();
  } catch (e) {
    let detail = e.message;
    if (e.cause) detail = describeChain(e);
    logger.error(\`Error executing scheduled task \${task.id}: \${detail}\`);
  }
}`,
    // The fallback passes the error object itself to the logger.
    `import pino from 'pino';
const logger = pino();
export function scheduleBackup(service) {
  service.runScheduledBackupJob().catch((e) => {
    logger.error(e ?? new Error('backup failed'));
  });
}`,
    // An instanceof test picks the expected case; the rest is logged whole.
    `import pino from 'pino';
const logger = pino();
setInterval(async () => {
  try {
    await discovery.heartbeat(getEnvironmentInfo());
  } catch (error) {
    if (error instanceof TimeoutError) return;
    logger.error({ err: error }, 'heartbeat failed');
  }
}, 30000);`,
  ],
  invalid: [
    // NocoBase's notification manager: text composed around the message (`${error.name}: ${error.message}`) in a const, logged as a field
    {
      "code": "async function sendNow(plugin, params) {\n  try {\n    const channel = await plugin.findChannel(params.channelName);\n    await channel.send(params.message);\n  } catch (error) {\n    const reason = `${error.name}: ${error.message}`;\n    plugin.logger.error('notification send failed', { channelName: params.channelName, reason });\n  }\n}\n",
      "errors": [
        {
          "messageId": "stackLost",
          "line": 7,
          "suggestions": [
            {
              "messageId": "addError",
              "data": {
                "remedy": "plugin.logger.error('\u2026', error)"
              },
              "output": "async function sendNow(plugin, params) {\n  try {\n    const channel = await plugin.findChannel(params.channelName);\n    await channel.send(params.message);\n  } catch (error) {\n    const reason = `${error.name}: ${error.message}`;\n    plugin.logger.error('notification send failed', { channelName: params.channelName, reason }, error);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      code: "const utils_1 = require('../errors/utils'); async function fire(chatId, run) { try { await run() } catch (err) { console.error(`[webhookController] fire-and-forget execution failed for chatId=${chatId}: ${(0, utils_1.getErrorMessage)(err)}`) } }",
      output: "const utils_1 = require('../errors/utils'); async function fire(chatId, run) { try { await run() } catch (err) { console.error(`[webhookController] fire-and-forget execution failed for chatId=${chatId}: ${(0, utils_1.getErrorMessage)(err)}`, err) } }",
      errors: [{ messageId: 'stackLost', data: { name: 'err', form: 'getErrorMessage(err)', remedy: "console.error('…', err)" }, suggestions: [{ messageId: 'addError', output: "const utils_1 = require('../errors/utils'); async function fire(chatId, run) { try { await run() } catch (err) { console.error(`[webhookController] fire-and-forget execution failed for chatId=${chatId}: ${(0, utils_1.getErrorMessage)(err)}`, err) } }" }] }],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export async function runScheduled(task) {
  try {
    await task.execute();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.error(\`Error executing scheduled task \${task.id}: \${message}\`);
  }
}`,
      output: `import pino from 'pino';
const logger = pino();
export async function runScheduled(task) {
  try {
    await task.execute();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.error({ err: e }, \`Error executing scheduled task \${task.id}: \${message}\`);
  }
}`,
      errors: [
        {
          messageId: 'stackLost',
          line: 8,
          data: { name: 'e', form: 'message, the text of e', remedy: "logger.error({ err: e }, '…')" },
          suggestions: [{ messageId: 'addError', data: { remedy: "logger.error({ err: e }, '…')" }, output: `import pino from 'pino';
const logger = pino();
export async function runScheduled(task) {
  try {
    await task.execute();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.error({ err: e }, \`Error executing scheduled task \${task.id}: \${message}\`);
  }
}` }],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
export function scheduleBackup(service) {
  service.runScheduledBackupJob().catch((e) => {
    logger.error(\`Scheduled instance backup failed as \${e?.message || e}.\`);
  });
}`,
      output: `import pino from 'pino';
const logger = pino();
export function scheduleBackup(service) {
  service.runScheduledBackupJob().catch((e) => {
    logger.error({ err: e }, \`Scheduled instance backup failed as \${e?.message || e}.\`);
  });
}`,
      errors: [
        {
          messageId: 'stackLost',
          line: 5,
          data: { name: 'e', form: 'e.message', remedy: "logger.error({ err: e }, '…')" },
          suggestions: [{ messageId: 'addError', data: { remedy: "logger.error({ err: e }, '…')" }, output: `import pino from 'pino';
const logger = pino();
export function scheduleBackup(service) {
  service.runScheduledBackupJob().catch((e) => {
    logger.error({ err: e }, \`Scheduled instance backup failed as \${e?.message || e}.\`);
  });
}` }],
        },
      ],
    },
    {
      code: `import pino from 'pino';
const logger = pino();
setInterval(async () => {
  try {
    await discovery.heartbeat(getEnvironmentInfo());
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error), { method: 'heartbeat' });
  }
}, 30000);`,
      output: `import pino from 'pino';
const logger = pino();
setInterval(async () => {
  try {
    await discovery.heartbeat(getEnvironmentInfo());
  } catch (error) {
    logger.error({ err: error }, error instanceof Error ? error.message : String(error), { method: 'heartbeat' });
  }
}, 30000);`,
      errors: [
        {
          messageId: 'stackLost',
          line: 7,
          data: { name: 'error', form: 'error.message', remedy: "logger.error({ err: error }, '…')" },
          suggestions: [{ messageId: 'addError', data: { remedy: "logger.error({ err: error }, '…')" }, output: `import pino from 'pino';
const logger = pino();
setInterval(async () => {
  try {
    await discovery.heartbeat(getEnvironmentInfo());
  } catch (error) {
    logger.error({ err: error }, error instanceof Error ? error.message : String(error), { method: 'heartbeat' });
  }
}, 30000);` }],
        },
      ],
    },
    // The error as the fallback of its own message (budibase's plugin watcher): the log gets the text whenever there is one.
    {
      code: 'async function load(path) { try { await importPlugin(path) } catch (err) { const message = err?.message ? err?.message : err; console.error("Failed to import plugin:", message) } }',
      output: 'async function load(path) { try { await importPlugin(path) } catch (err) { const message = err?.message ? err?.message : err; console.error("Failed to import plugin:", message, err) } }',
      errors: [{ messageId: 'stackLost', suggestions: [{ messageId: 'addError', output: 'async function load(path) { try { await importPlugin(path) } catch (err) { const message = err?.message ? err?.message : err; console.error("Failed to import plugin:", message, err) } }' }] }],
    },
    {
      code: 'async function load(path) { try { await importPlugin(path) } catch (err) { console.error("Failed to import plugin:", err?.message || err) } }',
      output: 'async function load(path) { try { await importPlugin(path) } catch (err) { console.error("Failed to import plugin:", err?.message || err, err) } }',
      errors: [{ messageId: 'stackLost', suggestions: [{ messageId: 'addError', output: 'async function load(path) { try { await importPlugin(path) } catch (err) { console.error("Failed to import plugin:", err?.message || err, err) } }' }] }],
    },
  ],
});
