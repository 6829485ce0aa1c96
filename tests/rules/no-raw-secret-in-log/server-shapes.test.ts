import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();
const loggers = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/no-raw-secret-in-log/loggers');

// Issue 15: a request logged through a logger whose own req serializer scrubs the headers, a body the handler
// takes apart into named fields none of which is a credential, a route that exists only in development.
ruleTester.run('no-raw-secret-in-log (serializer of the named logger, bodies taken apart, development-only routes)', rule, {
  valid: [
    // the imported logger (one of several in its module) has a req serializer that scrubs the headers
    {
      code: "import { webLogger } from './named-loggers.js';\nexport function onError(req, res, err, msg) {\n  webLogger.error({ err, req }, msg);\n}",
      filename: path.join(loggers, 'routes.js'),
    },
    // the handler reads the body only as non-secret fields; the token is in the path
    "class TokenController {\n  async updateApiToken(req, res) {\n    const { token } = req.params;\n    const { expiresAt, enabled } = req.body;\n    if (!expiresAt && enabled === undefined) {\n      this.logger.error(req.body);\n      return res.status(400).send();\n    }\n    await this.tokens.update(token, { expiresAt: new Date(expiresAt), enabled });\n    res.status(200).end();\n  }\n}",
    // a route registered only in development
    "if (isDev) {\n  app.use(express.urlencoded({ extended: true }));\n  app.post('/test-webhook', async (request, response) => {\n    log.debug('test', request.headers);\n    response.send('OK');\n  });\n}",
    "if (process.env.NODE_ENV === 'development') {\n  router.post('/debug/echo', (req, res) => {\n    console.log('echo', req.headers);\n    res.json(req.body);\n  });\n}",
  ],
  invalid: [
    // another logger of that module has no req serializer
    {
      code: "import { auditLogger } from './named-loggers.js';\nexport function onError(req, res, err, msg) {\n  auditLogger.error({ err, req }, msg);\n}",
      errors: [{ messageId: 'secretObject', line: 3, suggestions: [{ messageId: 'dropValue', output: "import { auditLogger } from './named-loggers.js';\nexport function onError(req, res, err, msg) {\n  auditLogger.error({ err }, msg);\n}" }, { messageId: 'redactValue', output: "import { auditLogger } from './named-loggers.js';\nexport function onError(req, res, err, msg) {\n  auditLogger.error({ err, req: '[REDACTED]' }, msg);\n}" }] }],
      filename: path.join(loggers, 'routes.js'),
    },
    // the body is handed on whole: it may carry anything
    {
      code: "class TokenController {\n  async updateApiToken(req, res) {\n    const { token } = req.params;\n    const { expiresAt } = req.body;\n    if (!expiresAt) {\n      this.logger.error(req.body);\n      return res.status(400).send();\n    }\n    await this.tokens.update(token, req.body);\n  }\n}",
      errors: [{ messageId: 'secretObject', line: 6, suggestions: [{ messageId: 'redactValue', output: "class TokenController {\n  async updateApiToken(req, res) {\n    const { token } = req.params;\n    const { expiresAt } = req.body;\n    if (!expiresAt) {\n      this.logger.error('[REDACTED]');\n      return res.status(400).send();\n    }\n    await this.tokens.update(token, req.body);\n  }\n}" }] }],
    },
    // a login that hands the request on whole (passport reads the password from it)
    {
      code: "router.post('/login', (req, res, next) => {\n  const { username } = req.body;\n  if (!username) logger.warn(req.body);\n  passport.authenticate('local')(req, res, next);\n});",
      errors: [{ messageId: 'secretObject', line: 3, suggestions: [{ messageId: 'redactValue', output: "router.post('/login', (req, res, next) => {\n  const { username } = req.body;\n  if (!username) logger.warn('[REDACTED]');\n  passport.authenticate('local')(req, res, next);\n});" }] }],
    },
    // the same development route without the guard, and a 'not production' test (holds when NODE_ENV is unset)
    {
      code: "app.post('/test-webhook', async (request, response) => {\n  log.debug('test', request.headers);\n  response.send('OK');\n});",
      errors: [{ messageId: 'secretObject', line: 2, suggestions: [{ messageId: 'dropValue', output: "app.post('/test-webhook', async (request, response) => {\n  log.debug('test');\n  response.send('OK');\n});" }, { messageId: 'redactValue', output: "app.post('/test-webhook', async (request, response) => {\n  log.debug('test', '[REDACTED]');\n  response.send('OK');\n});" }] }],
    },
    {
      code: "if (process.env.NODE_ENV !== 'production') {\n  app.post('/test-webhook', async (request, response) => {\n    log.debug('test', request.headers);\n    response.send('OK');\n  });\n}",
      errors: [{ messageId: 'secretObject', line: 3, suggestions: [{ messageId: 'dropValue', output: "if (process.env.NODE_ENV !== 'production') {\n  app.post('/test-webhook', async (request, response) => {\n    log.debug('test');\n    response.send('OK');\n  });\n}" }, { messageId: 'redactValue', output: "if (process.env.NODE_ENV !== 'production') {\n  app.post('/test-webhook', async (request, response) => {\n    log.debug('test', '[REDACTED]');\n    response.send('OK');\n  });\n}" }] }],
    },
  ],
});
