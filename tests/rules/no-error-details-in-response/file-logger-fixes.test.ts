import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// The suggestion's server-side log goes to the file's own logger when the file shows its style
// (fixes/log-target.ts precedence, model/file-loggers.ts), in the call shape that keeps the error
// with that logger; console where the style is not visible.
ruleTester.run('no-error-details-in-response (the log of a suggestion goes to the file logger)', rule, {
  valid: [],
  invalid: [
    // tinylicious' routes: winston's default logger bound by its import — the Error as winston's meta
    {
      code: "import winston from 'winston';\nrouter.get('/:id', (request, response) => {\n  winston.info(`get ${request.params.id}`);\n  storage.getDocument(request.params.id).then(\n    (document) => response.status(200).json(document),\n    (error) => {\n      response.status(500).json(error);\n    },\n  );\n});",
      errors: [{ messageId: 'detailsInResponse', suggestions: [{ messageId: 'sendGeneric', output: "import winston from 'winston';\nrouter.get('/:id', (request, response) => {\n  winston.info(`get ${request.params.id}`);\n  storage.getDocument(request.params.id).then(\n    (document) => response.status(200).json(document),\n    (error) => {\n      winston.error('storage.getDocument failed', error);\n      response.status(500).json({ error: 'Internal Server Error' });\n    },\n  );\n});" }] }],
    },
    // a pino logger created in the file: the error under pino's `err` key
    {
      code: "const pino = require('pino');\nconst log = pino();\napp.get('/a', async (req, res) => {\n  log.info('a');\n  try {\n    res.json(await db.load());\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', suggestions: [{ messageId: 'sendGeneric', output: "const pino = require('pino');\nconst log = pino();\napp.get('/a', async (req, res) => {\n  log.info('a');\n  try {\n    res.json(await db.load());\n  } catch (err) {\n    log.error({ err }, 'db.load failed');\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});" }] }],
    },
    // a project logger module: its style is not in this file, so console (pino would drop an Error after the message)
    {
      code: "const log = require('./log');\napp.get('/a', async (req, res) => {\n  log.info('a');\n  try {\n    res.json(await db.load());\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', suggestions: [{ messageId: 'sendGeneric', output: "const log = require('./log');\napp.get('/a', async (req, res) => {\n  log.info('a');\n  try {\n    res.json(await db.load());\n  } catch (err) {\n    console.error('db.load failed', err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});" }] }],
    },
  ],
});
