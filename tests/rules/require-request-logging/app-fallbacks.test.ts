import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';

/**
 * `const app = options.app || express()` (and `??`): the app a module is handed, else the one it makes — the
 * program's own server when nothing is handed in (its entry point calls it with no options). Judged like
 * `const app = express()`; `resolve({ server: app })` hands it to the awaiting caller like a `return`.
 */
const ruleTester = new RuleTester();

ruleTester.run('require-request-logging (an app handed in or made here)', rule, {
  valid: [
{
  "code": "// the same fallback app with morgan registered\nconst express = require('express');\nconst morgan = require('morgan');\nmodule.exports = function (options) {\n  const app = options.app || express();\n  app.use(morgan('combined'));\n  app.use(cors());\n  app.listen(3000);\n};",
  "filename": "server.js"
},
{
  "code": "// a mountable router factory: the fallback app is returned to the host, which decides on logging\nconst express = require('express');\nmodule.exports = function mount(options) {\n  const app = options.app || express();\n  app.get('/status', (req, res) => res.json({ ok: true }));\n  return app;\n};",
  "filename": "server.js"
},
{
  "code": "// an app resolved to the caller without app-wide setup: the caller assembles and logs it\nconst express = require('express');\nmodule.exports = () => new Promise((resolve) => {\n  const app = express();\n  app.get('/orders', listOrders);\n  resolve(app);\n});",
  "filename": "server.js"
}
  ],
  invalid: [
{
  "code": "// an app handed in or made here, configured app-wide and resolved to the caller, no request logger\nconst express = require('express');\nconst cors = require('cors');\nmodule.exports = function (options) {\n  options = options || {};\n  const app = options.app || express();\n  app.set('query parser', 'simple');\n  app.use(cors());\n  app.use('/', express.static('dist'));\n  return new Promise((resolve) => {\n    app.use(options.mount || '/', router);\n    resolve({ server: app, config });\n  });\n};",
  "errors": [
    {
      "messageId": "missingRequestLogging",
      "line": 6,
      "suggestions": []
    }
  ],
  "filename": "server.js"
},
{
  "code": "// this.app = options.app ?? express(), served by the class\nimport express from 'express';\nexport class Server {\n  constructor(options) {\n    this.app = options.app ?? express();\n    this.app.use(express.json());\n    this.app.post('/orders', (req, res) => res.json(orders.create(req.body)));\n  }\n  start() {\n    this.app.listen(3000);\n  }\n}",
  "errors": [
    {
      "messageId": "missingRequestLogging",
      "line": 5,
      "suggestions": []
    }
  ],
  "filename": "server.js"
}
  ],
});
