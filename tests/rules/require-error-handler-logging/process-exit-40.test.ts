import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';

/**
 * Session 40: "does this end the process" is answered once (src/model/process-exit.ts). The crash handler's final
 * exit is its main path: an if/else whose branches both exit chooses a path per kind of error, weighed branch by
 * branch (parse-server's 'uncaughtException' handler: the EADDRINUSE branch writes its own message, every other
 * crash writes the stack). Its reported twin: the exit every other crash takes after the logged branch returned.
 * `process.kill(process.pid, …)` ends the process like `process.exit(1)`; `process.kill(pid)` signals another
 * process (before session 40 it counted as an exit here, only the message changes).
 */
const ruleTester = new RuleTester();

ruleTester.run('require-error-handler-logging (process exits, session 40)', rule, {
  valid: [
    // parse-server 9.10 lib/ParseServer.js
    {
      code: `process.on('uncaughtException', err => {
  if (err.code === 'EADDRINUSE') {
    process.stderr.write(\`Unable to listen on port \${err.port}. The port is already in use.\`);
    process.exit(0);
  } else {
    if (err.message) {
      process.stderr.write('An uncaught exception occurred: ' + err.message);
    }
    if (err.stack) {
      process.stderr.write('Stack Trace:\\n' + err.stack);
    } else {
      process.stderr.write(err);
    }
    process.exit(1);
  }
});`,
    },
  ],
  invalid: [
    // one kind of crash is logged, every other one ends the process on the main path without its reason
    {
      code: `process.on('uncaughtException', (err) => {
  if (err.code === 'EADDRINUSE') {
    logger.error('port in use', err);
    return;
  }
  process.stderr.write('crashed');
  process.exit(1);
});`,
      errors: [{ messageId: 'pathNotLogged', line: 1, data: { handler: "'uncaughtException' handler", name: 'err', ends: 'exits' }, suggestions: 1 as never }],
    },
    // the handler ends the process by signalling itself: it exits without logging
    {
      code: `process.on('uncaughtException', (err) => {
  process.kill(process.pid, 'SIGTERM');
});`,
      errors: [{ messageId: 'processExitsSilently', line: 1, suggestions: 1 as never }],
    },
    // signalling another process is no exit: the handler neither logs nor exits
    {
      code: `process.on('uncaughtException', (err) => {
  process.kill(workerPid);
});`,
      errors: [{ messageId: 'processSilent', line: 1, suggestions: 1 as never }],
    },
  ],
});
