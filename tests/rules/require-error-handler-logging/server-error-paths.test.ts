import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';

/**
 * Session 38, by class (model/error-handlers.ts `serverErrorAnswer`): an error handler that hands most
 * errors on may pick one kind of error and answer it itself. When that path answers the client's mistake
 * (4xx) it is a choice; when it answers a server error (5xx: a lost store connection, an outage) the server
 * is failing, and the path must log whatever test picked it. Reported on the answer.
 */
const ruleTester = new RuleTester();

const handler = (status: number) => `const express = require('express');
const router = express.Router();
router.use(checkConnectionClosedHandler);
function checkConnectionClosedHandler(err, req, res, next) {
  if (err && !res.headersSent) {
    if (err.message === 'Connection is closed.') {
      res.status(${status}).send({ success: false, message: err.message });
      return;
    }
  }
  next(err);
}`;

ruleTester.run('require-error-handler-logging (guarded server-error paths, session 38)', rule, {
  valid: [
    // the same guarded path answering a client error: a choice
    { code: handler(404) },
    // a guarded 5xx path that logs
    {
      code: `const express = require('express');
const router = express.Router();
router.use((err, req, res, next) => {
  if (err.name === 'RedisError') {
    console.error('store unavailable', err);
    return res.status(503).json({ error: 'unavailable' });
  }
  next(err);
});`,
    },
  ],
  invalid: [
    // redis-commander apiv1.js: a lost Redis connection answered 503 with no log
    { code: handler(503), errors: [{ messageId: 'pathNotLogged', line: 7, suggestions: 1 as never }] },
    // `return res.status(500).json(…)` under a test of the error
    {
      code: `const express = require('express');
const router = express.Router();
router.use((err, req, res, next) => {
  if (err.type === 'db') return res.status(500).json({ error: 'database' });
  next(err);
});`,
      errors: [{ messageId: 'pathNotLogged', line: 4, suggestions: 1 as never }],
    },
  ],
});
