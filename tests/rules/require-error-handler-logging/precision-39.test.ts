import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';

/**
 * Precision on real applications (session 39), by class:
 * - an Express error handler mounted right behind a body parser (the `use` before it on the same router,
 *   or the argument before it in one `use`) is reached only by the errors of what was mounted before it:
 *   a route's error goes on to the error handlers mounted after that route. What it answers (400 for
 *   malformed JSON, 413 for a body too large) is the client's own request, not an unexpected server
 *   failure (formio's router);
 * - a crash handler that prints the whole error (its stack) with console and then ends the process on that
 *   path (a later statement of its block or of an enclosing one, no return before it): the process's end is
 *   the signal, its last output holds the stack, and no level filters a console write (keystone 4's
 *   'uncaughtException' handler).
 * Each quieted shape has a reported twin: the handler mounted after a route or another middleware; the
 * process kept running (also by a return before the exit), a leveled logger's info, only the error's text.
 */
const ruleTester = new RuleTester();

const bodyErrors = `(err, req, res, next) => {
  if (err instanceof SyntaxError) {
    return res.status(400).send(err.message);
  }
  if (err.type === 'entity.too.large') {
    return res.status(413).send({ message: 'Request payload too large' });
  }
  next();
}`;

const crash = (exit: string, print = 'console.log(e.stack || e);') => `process.on('uncaughtException', function (e) {
  if (e.code === 'EADDRINUSE') {
    console.log('failed to start: address already in use');
    process.exit();
  } else {
    ${print}
    ${exit}
  }
});`;

const addLog = (code: string) => [
  { messageId: 'addLog' as const, output: code.replace('(err, req, res, next) => {\n', "(err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n") },
];
const afterRoute = `const bodyParser = require('body-parser');
const router = require('express').Router();
router.use(bodyParser.json({ limit: '16mb' }));
router.get('/form', listForms);
router.use(${bodyErrors});`;
const afterMiddleware = `import express from 'express';\nconst app = express();\napp.use(express.json());\napp.use(loadUser);\napp.use(${bodyErrors});`;

ruleTester.run('require-error-handler-logging (precision on real applications, session 39)', rule, {
  valid: [
    // formio: the router's error middleware right behind body-parser
    {
      code: `const bodyParser = require('body-parser');
const router = require('express').Router();
router.use(bodyParser.urlencoded({ extended: true }));
router.use(bodyParser.json({ limit: '16mb' }));
router.use(${bodyErrors});`,
    },
    // the same handler after the parser in one use()
    { code: `import express from 'express';\nconst app = express();\napp.use('/api', express.json(), ${bodyErrors});` },
    // keystone 4: every other crash printed with its stack, then the process ends
    { code: crash('process.exit(1);') },
    { code: crash('return process.exit(1);') },
    // the exit after the if/else that printed the whole error on its branch
    {
      code: `process.on('uncaughtException', (e) => {
  if (e.code === 'EADDRINUSE') console.log('failed to start: address already in use');
  else console.log(e.stack || e);
  process.exit(1);
});`,
    },
  ],
  invalid: [
    // mounted after a route: the route's errors reach it, and the last path drops them unlogged
    { code: afterRoute, errors: [{ messageId: 'notLogged', line: 5, suggestions: addLog(afterRoute) }] },
    // mounted after another middleware, not a parser
    { code: afterMiddleware, errors: [{ messageId: 'notLogged', line: 5, suggestions: addLog(afterMiddleware) }] },
    // the process keeps running: an info line is all the crash leaves
    {
      code: crash('state.failed = true;'),
      errors: [{ messageId: 'lowLevel', line: 1, suggestions: [{ messageId: 'raiseLevel', output: crash('state.failed = true;', 'console.error(e.stack || e);') }] }],
    },
    // a leveled logger's info before the exit: filtered out wherever info is off
    {
      code: crash('process.exit(1);', 'logger.info(e);'),
      errors: [{ messageId: 'lowLevel', line: 1, suggestions: [{ messageId: 'raiseLevel', output: crash('process.exit(1);', 'logger.error(e);') }] }],
    },
    // a return leaves before the exit: the process keeps running after the info line
    {
      code: `process.on('uncaughtException', (e) => {
  if (e.recoverable) {
    console.log(e.stack || e);
    return;
  }
  process.exit(1);
});`,
      errors: [
        {
          messageId: 'lowLevel',
          line: 1,
          suggestions: [
            {
              messageId: 'raiseLevel',
              output: `process.on('uncaughtException', (e) => {
  if (e.recoverable) {
    console.error(e.stack || e);
    return;
  }
  process.exit(1);
});`,
            },
          ],
        },
      ],
    },
    // only the error's text before the exit: the stack is lost
    {
      code: crash('process.exit(1);', 'console.log(e.message);'),
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'passError', output: crash('process.exit(1);', 'console.log(e.message, e);') }] }],
    },
  ],
});
