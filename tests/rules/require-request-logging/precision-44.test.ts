import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';

/**
 * Precision on real applications (session 44): an app created into a variable declared elsewhere
 * (`nodeApp = express()` inside `init()`) and handed out by a getter or function of the module
 * (`get httpNode() { return nodeApp; }`) is handed on like a factory's returned app — the embedding
 * application mounts it and owns the request log (node-red runtime). Kept the same way but served
 * here, or never handed out, it stays reported.
 */
const ruleTester = new RuleTester();

ruleTester.run('require-request-logging (precision on real applications, session 44)', rule, {
  valid: [
    {
      code: `const express = require('express');
let nodeApp;
let adminApp;
function init(userSettings) {
  nodeApp = express();
  adminApp = express();
  for (const option in userSettings.httpServerOptions) {
    nodeApp.set(option, userSettings.httpServerOptions[option]);
    adminApp.set(option, userSettings.httpServerOptions[option]);
  }
}
module.exports = {
  init,
  get httpNode() { return nodeApp; },
  get httpAdmin() { return adminApp; },
};`,
    },
    {
      code: `import express from 'express';
let app: express.Express | undefined;
export function setup(): void {
  app = express();
  app.disable('x-powered-by');
}
export function getApp() {
  return app;
}`,
    },
  ],
  invalid: [
    {
      // assigned the same way, but served here: the request log belongs to this file
      code: `const express = require('express');
let app;
function start(port) {
  app = express();
  app.get('/items', (req, res) => res.json([]));
  app.listen(port);
}
start(3000);`,
      errors: [{ messageId: 'missingRequestLogging' }],
    },
    {
      // assigned to a module variable and configured, but handed out by nothing
      code: `const express = require('express');
let app;
function init() {
  app = express();
  app.set('trust proxy', 1);
  app.use('/api', require('./api'));
}
init();`,
      errors: [{ messageId: 'missingRequestLogging' }],
    },
  ],
});
