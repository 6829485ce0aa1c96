import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';

/**
 * Precision on real applications (session 37), by class:
 * - a message of its own in a branch chosen for one failure the code names by its code (`if (err.code ===
 *   'EADDRINUSE')`, `case 'EACCES':` of `switch (err.code)`) records that path: it says what happened and what
 *   to do; other failures take the other paths, which must still log (json-server, keystone 4);
 * - a method of a same-file class that logs at error level, handed the error's stack text, logs it — also
 *   called through a parameter every call of which passes an instance of that class
 *   (`registerErrorHandlers(upgradeManager)` of ioBroker's upgrade manager).
 * Each quieted shape has a reported twin.
 */
const ruleTester = new RuleTester();

ruleTester.run('require-error-handler-logging (precision on real applications, session 37)', rule, {
  valid: [
    // json-server: the EADDRINUSE branch prints its own message, every other crash is printed whole
    {
      code: `process.on('uncaughtException', (error) => {
  if (error.errno === 'EADDRINUSE') console.error('Cannot bind to the port ' + error.port + '. Please specify another port');
  else console.error('Some error occurred', error);
  process.exit(1);
});`,
    },
    // a switch over the code, with a value read from the error
    {
      code: `server.on('error', (err) => {
  const code = err.code;
  switch (code) {
    case 'EACCES':
      console.error('port requires elevated privileges');
      process.exit(1);
      break;
    default:
      console.error(err);
      process.exit(1);
  }
});`,
    },
    // ioBroker: the same-file class's log method writes at error level; the manager comes in as a parameter
    {
      code: `class UpgradeManager {
  constructor(args) { this.logger = args.logger; }
  log(message, error = false) {
    if (error) { this.logger.error(message); return; }
    this.logger.info(message);
  }
}
function main(args) {
  const upgradeManager = new UpgradeManager(args);
  registerErrorHandlers(upgradeManager);
}
function registerErrorHandlers(upgradeManager) {
  process.on('uncaughtException', (e) => {
    upgradeManager.log(\`Uncaught Exception: \${e.stack}\`, true);
  });
}`,
    },
  ],
  invalid: [
    // the known failure is handled, every other crash is dropped
    {
      code: `process.on('uncaughtException', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error('Cannot bind to the port: pick another one');
    process.exit(1);
  }
});`,
      errors: [{ messageId: 'processExitsSilently', line: 1, suggestions: 1 as never }],
    },
    // a branch on the message text is no failure code: the message without the error stays reported
    {
      code: `process.on('uncaughtException', (error) => {
  if (error.message === 'boom') console.error('something failed');
  else console.error('Some error occurred', error);
  process.exit(1);
});`,
      errors: [{ messageId: 'pathNotLogged', line: 1, suggestions: 1 as never }],
    },
    // a method that logs only at info level is no record
    {
      code: `class Manager {
  log(message) { this.logger.info(message); }
}
function main() {
  const manager = new Manager();
  register(manager);
}
function register(manager) {
  process.on('uncaughtException', (e) => {
    manager.log(\`Uncaught Exception: \${e.stack}\`);
  });
}`,
      errors: [{ messageId: 'processSilent', line: 9, suggestions: 1 as never }],
    },
    // the parameter is not always the class's instance: unknown
    {
      code: `class Manager {
  log(message) { this.logger.error(message); }
}
function main(other) {
  const manager = new Manager();
  register(manager);
  register(other);
}
function register(manager) {
  process.on('uncaughtException', (e) => {
    manager.log(\`Uncaught Exception: \${e.message}\`);
  });
}`,
      errors: [{ messageId: 'processSilent', line: 10, suggestions: 1 as never }],
    },
  ],
});
