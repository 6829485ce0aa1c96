import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (session 35): Node's `process` object as compilers and imports name it
 * (`process_1.default.on('SIGTERM', …)`, `import proc from 'node:process'`, a chained
 * `process.once('message', f).once('SIGINT', g)`) is the process, so identical code gets identical verdicts;
 * the branch of a supervisor's 'message' listener taken for a `'shutdown'` message, and a same-file function
 * called only from shutdown work, are shutdown paths. Each quieted shape has a reported twin.
 */
// @typescript-eslint/parser throughout (JS is valid TS).
const ruleTester = new RuleTester();

/** TypeScript's CommonJS output of `import process from 'process'` (a bullmq queue module). */
const compiledHeader = `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const process_1 = __importDefault(require("process"));
const bullmq_1 = require("bullmq");
const queue = new bullmq_1.Queue('mail', { connection: {} });
`;

/** A server entry point's stop routine, called from the stop message and the termination signals. */
const stopRoutine = `function shutdown(server) {
  console.log('closing');
  server.close().then(() => {
    console.log('closed');
  });
}
`;

ruleTester.run('background-task-error-handling (precision on real applications, session 35)', rule, {
  valid: [
    // the compiled form of process.on('SIGTERM', async () => { await queue.close(); })
    { code: `${compiledHeader}process_1.default.on('SIGTERM', async () => {
    await queue.close();
});` },
    // Babel's output of the same import
    { code: `var _process = _interopRequireDefault(require("process"));
_process.default.on('SIGINT', async () => {
  await queue.close();
});` },
    // a namespace import compiled (`import * as process from 'process'`)
    { code: `const process_1 = require("process");
process_1.on('SIGTERM', async () => {
  await queue.close();
});` },
    // the source form under another name
    { code: `import proc from 'node:process';
proc.once('SIGTERM', async () => {
  await server.stop();
});` },
    // the registration returns the process: a chained termination listener
    { code: `async function main() {
  const server = await createServer();
  process
    .once('message', (msg) => {
      console.log(msg);
    })
    .once('SIGINT', () => {
      server.close().then(() => {
        console.log('closed');
      });
    });
}` },
    // the 'shutdown' message of a supervisor (PM2's graceful stop, a parent's IPC stop request)
    { code: `async function main() {
  const server = await createServer();
  process.once('message', (msg) => {
    if (msg === 'shutdown') {
      server.close().then(() => {
        console.log('closed');
      });
    }
  });
}` },
    // a stop routine called only from the stop message and termination signals
    { code: `${stopRoutine}async function main() {
  const server = await createServer();
  process
    .once('message', (msg) => {
      if (msg === 'shutdown') {
        shutdown(server);
      }
    })
    .once('SIGINT', () => shutdown(server))
    .once('SIGTERM', () => shutdown(server));
}` },
    // a listener ending by a compiled process.exit(): all its work runs on the way out
    { code: `const process_1 = __importDefault(require("process"));
repl.on('exit', async () => {
  await app.stop();
  process_1.default.exit(0);
});` },
    // a compiled unhandledRejection handler that logs the reason with its stack records the rejection
    { code: `const process_1 = __importDefault(require("process"));
const logger_1 = __importDefault(require("./logger"));
process_1.default.on('unhandledRejection', (reason) => {
  logger_1.default.error('Unhandled rejection', reason);
});
setInterval(async () => {
  await jobs.sweep();
}, 1000);` },
  ],
  invalid: [
    // a compiled reload on SIGHUP: the process keeps running, the failure goes unlogged
    {
      code: `${compiledHeader}process_1.default.on('SIGHUP', async () => {
    await queue.close();
});`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 9, suggestions: [{"messageId": "wrapInTryCatch", "output": "\"use strict\";\nvar __importDefault = (this && this.__importDefault) || function (mod) {\n    return (mod && mod.__esModule) ? mod : { \"default\": mod };\n};\nObject.defineProperty(exports, \"__esModule\", { value: true });\nconst process_1 = __importDefault(require(\"process\"));\nconst bullmq_1 = require(\"bullmq\");\nconst queue = new bullmq_1.Queue('mail', { connection: {} });\nprocess_1.default.on('SIGHUP', async () => {\n    try {\n        await queue.close();\n    } catch (err) {\n        console.error('SIGHUP listener failed', err);\n        process.exitCode = 1;\n    }\n});"}] }],
    },
    // a compiled process 'message' listener (not a signal): reported as in source form
    {
      code: `${compiledHeader}process_1.default.on('message', async (msg) => {
    await queue.add(msg.name, msg.data);
});`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 9, suggestions: [{"messageId": "wrapInTryCatch", "output": "\"use strict\";\nvar __importDefault = (this && this.__importDefault) || function (mod) {\n    return (mod && mod.__esModule) ? mod : { \"default\": mod };\n};\nObject.defineProperty(exports, \"__esModule\", { value: true });\nconst process_1 = __importDefault(require(\"process\"));\nconst bullmq_1 = require(\"bullmq\");\nconst queue = new bullmq_1.Queue('mail', { connection: {} });\nprocess_1.default.on('message', async (msg) => {\n    try {\n        await queue.add(msg.name, msg.data);\n    } catch (err) {\n        console.error('message listener failed', err);\n        process.exitCode = 1;\n    }\n});"}] }],
    },
    // a chained listener for another event on the process: not a shutdown
    {
      code: `process
  .once('SIGINT', () => process.exit(0))
  .on('message', () => {
    cache.reload().then(() => console.log('reloaded'));
  });`,
      output: null,
      errors: [{ messageId: 'floatingPromise', line: 4, suggestions: [{"messageId": "addCatch", "output": "process\n  .once('SIGINT', () => process.exit(0))\n  .on('message', () => {\n    cache.reload().then(() => console.log('reloaded')).catch((err) => console.error('reload failed', err));\n  });"}] }],
    },
    // a message branch for another request: the process keeps running
    {
      code: `process.on('message', (msg) => {
  if (msg === 'restart') {
    server.close().then(() => server.start());
  }
});`,
      output: null,
      errors: [{ messageId: 'floatingPromise', line: 3, suggestions: [{"messageId": "addCatch", "output": "process.on('message', (msg) => {\n  if (msg === 'restart') {\n    server.close().then(() => server.start()).catch((err) => console.error('close failed', err));\n  }\n});"}] }],
    },
    // a routine also called from a timer: it does not run only while the process ends
    {
      code: `${stopRoutine}process.once('SIGTERM', () => shutdown(server));
setInterval(() => shutdown(server), 60000);`,
      output: null,
      errors: [{ messageId: 'floatingPromise', line: 3, suggestions: [{"messageId": "addCatch", "output": "function shutdown(server) {\n  console.log('closing');\n  server.close().then(() => {\n    console.log('closed');\n  }).catch((err) => console.error('close failed', err));\n}\nprocess.once('SIGTERM', () => shutdown(server));\nsetInterval(() => shutdown(server), 60000);"}] }],
    },
    // a compiled unhandledRejection handler that logs only the text: the stack is lost, still reported
    {
      code: `const process_1 = __importDefault(require("process"));
const logger_1 = __importDefault(require("./logger"));
process_1.default.on('unhandledRejection', (reason) => {
  logger_1.default.error(\`Unhandled rejection: \${reason}\`);
});
setInterval(async () => {
  await jobs.sweep();
}, 1000);`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 6, suggestions: [{"messageId": "wrapInTryCatch", "output": "const process_1 = __importDefault(require(\"process\"));\nconst logger_1 = __importDefault(require(\"./logger\"));\nprocess_1.default.on('unhandledRejection', (reason) => {\n  logger_1.default.error(`Unhandled rejection: ${reason}`);\n});\nsetInterval(async () => {\n  try {\n    await jobs.sweep();\n  } catch (err) {\n    console.error('interval task failed', err);\n  }\n}, 1000);"}] }],
    },
  ],
});
