import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';

/**
 * Bundled output (Parcel, esbuild) calls an imported module through `(0, ns)`: `(0, $x$express)()` creates
 * the app, `(0, $x$nodehttp).createServer(app)` serves it, `(0, $x$morgan)('combined')` logs its requests.
 * A bundle also puts several functions with their own `const app` in one file: what one function does with
 * its `app` says nothing about another's (session 34 recall: PeerJS's bundled server, rewritten).
 */
const ruleTester = new RuleTester();

ruleTester.run('require-request-logging (bundled apps)', rule, {
  valid: [
    "// a helper's `app` parameter may be this app: handed on from there to a project module (which may log), it still counts\nimport express from 'express';\nimport http from 'node:http';\nimport { registerPlugins } from './plugins.js';\nfunction setup({ app }) {\n  registerPlugins(app);\n}\nexport function start() {\n  const app = express();\n  setup({ app });\n  http.createServer(app).listen(3000);\n}\n",
    "// the same bundle with a request logger\nimport $a$express from 'express';\nimport $a$morgan from 'morgan';\nimport $a$nodehttp from 'node:http';\nfunction $a$export$start(options = {}) {\n  const app = (0, $a$express)();\n  app.use((0, $a$morgan)('combined'));\n  const server = (0, $a$nodehttp).createServer(app);\n  app.get('/peers', (req, res) => res.json(listPeers()));\n  server.listen(options.port);\n}\nexport { $a$export$start as startServer };\n",
    "// an app handed to a setup function of another module (which may log) in the same function: still passed on\nimport $a$express from 'express';\nimport $a$nodehttp from 'node:http';\nfunction $a$export$start(options = {}) {\n  const app = (0, $a$express)();\n  (0, $a$setup)({ app: app });\n  (0, $a$nodehttp).createServer(app).listen(options.port);\n}\nexport { $a$export$start as startServer };\n",
  ],
  invalid: [
    {
      "code": "// a bundle (Parcel) calls the imported express through (0, ns) and serves it with (0, ns).createServer\nimport $a$express from 'express';\nimport $a$nodehttp from 'node:http';\nfunction $a$export$start(options = {}) {\n  const app = (0, $a$express)();\n  const server = (0, $a$nodehttp).createServer(app);\n  app.get('/peers', (req, res) => res.json(listPeers()));\n  server.listen(options.port);\n  return server;\n}\nexport { $a$export$start as startServer };\n",
      "errors": [
        {
          "messageId": "missingRequestLogging",
          "line": 5
        }
      ]
    },
    {
      "code": "// another function's `app` (a mounted sub-app handed to a setup call) is not this function's app\nimport $a$express from 'express';\nimport $a$nodehttp from 'node:http';\nfunction $a$export$router(server, options) {\n  const app = (0, $a$express)();\n  app.on('mount', () => $a$setup({ app: app, server: server, options: options }));\n  return app;\n}\nfunction $a$export$start(options = {}) {\n  const app = (0, $a$express)();\n  const server = (0, $a$nodehttp).createServer(app);\n  app.use($a$export$router(server, options));\n  server.listen(options.port);\n}\nexport { $a$export$router as ExpressServer, $a$export$start as startServer };\n",
      "errors": [
        {
          "messageId": "missingRequestLogging",
          "line": 10
        }
      ]
    },
  ],
});
