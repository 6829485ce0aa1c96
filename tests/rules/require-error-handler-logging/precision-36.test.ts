import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';

/**
 * Session 36, by class:
 * - a variable holding the error's stack text (`const detail = err.stack || err.message`, `const { stack } = err`)
 *   carries the stack: logging it interpolated or concatenated records the error, as `${err.stack}` written
 *   in the log call does (errors.ts holdsStackText), also text composed around it (`'… :: ' + util.inspect(err.stack)`,
 *   Sails' body-parser error handler, session 45);
 * - a module loaded with `import()` whose path names a logger is that logger, whatever its binding is called
 *   (`import('../lib/log/logger.js').then((m) => m.error(e))`, loggers.ts), and a log of the error in an inline
 *   callback the handler starts reads as a log in the handler: whole is a record, text only loses the stack
 *   (handler-logs.ts classifyCallbackLog).
 * Each quieted shape has a reported twin.
 */
const ruleTester = new RuleTester();

ruleTester.run('require-error-handler-logging (session 36)', rule, {
  valid: [
    // errsole: the stack text, held in a variable and interpolated
    {
      code: `process.on('uncaughtException', async (err, origin) => {
  const errorOrigin = 'Origin: ' + origin;
  const errorMessage = err.stack || err.message;
  console.error(\`\${errorOrigin}\\n\${errorMessage}\`);
  process.exit(1);
});`,
    },
    // destructured stack, concatenated
    {
      code: `process.on('uncaughtException', (err) => {
  const { stack } = err;
  console.error('crash: ' + stack);
  process.exit(1);
});`,
    },
    // Sails' body-parser error handler: text composed around the stack (util.inspect of err.stack), logged at error
    {
      code: `const util = require('util');
app.use(function onBodyParserError(err, req, res, next) {
  var msg = 'Unable to parse HTTP body- error occurred :: ' + util.inspect((err && err.stack) ? err.stack : err, false, null);
  logger.error(msg);
  res.status(400).send(msg);
});`,
    },
    // evershop: a logger module loaded with import()
    {
      code: `process.on('uncaughtException', function (exception) {
  import('../../lib/log/logger.js').then((module) => {
    module.error(exception);
  });
});`,
    },
    // the awaited form, in an Express error handler
    {
      code: `app.use(async (err, req, res, next) => {
  const log = await import('./logging.js');
  log.error(err);
  res.status(500).end();
});`,
    },
  ],
  invalid: [
    // only the message, held in a variable
    {
      code: `process.on('uncaughtException', (err) => {
  const text = err.message || String(err);
  console.error(\`crash: \${text}\`);
  process.exit(1);
});`,
      errors: [{"messageId": "noError", "line": 1, "suggestions": [{"messageId": "passError", "output": "process.on('uncaughtException', (err) => {\n  const text = err.message || String(err);\n  console.error(`crash: ${text}`, err);\n  process.exit(1);\n});"}]}],
    },
    // evershop's unhandledRejection twin: the logger module logs only the text
    {
      code: `process.on('unhandledRejection', (reason, p) => {
  import('../../lib/log/logger.js').then((module) => {
    module.error(\`Unhandled Rejection: \${reason} at: \${p}\`);
  });
});`,
      errors: [{"messageId": "stackLost", "line": 1, "suggestions": [{"messageId": "passError", "output": "process.on('unhandledRejection', (reason, p) => {\n  import('../../lib/log/logger.js').then((module) => {\n    module.error(`Unhandled Rejection: ${reason} at: ${p}`, reason);\n  });\n});"}]}],
    },
    // a module whose path names no logger is no logger
    {
      code: `process.on('uncaughtException', function (exception) {
  import('../../lib/metrics.js').then((module) => {
    module.error(exception);
  });
});`,
      errors: [{"messageId": "processSilent", "line": 1, "suggestions": [{"messageId": "addLog", "output": "process.on('uncaughtException', function (exception) {\n  console.error('uncaught exception', exception);\n  import('../../lib/metrics.js').then((module) => {\n    module.error(exception);\n  });\n});"}]}],
    },
  ],
});
