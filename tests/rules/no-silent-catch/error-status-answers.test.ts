import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * A catch that answers with the caught error's own status and a 5xx default (`res.status(err.status || 500)`,
 * `res.statusCode = error.statusCode || 500`, Koa's `ctx.status = err.status || 500`), a returned 5xx answer
 * after a probe-like `try` (`return response.sendStatus(500)` after `fs.readFileSync`), and an
 * expression-bodied rejection handler that answers 500 (`.catch((err) => res.status(500).send(err.message))`):
 * the client is told, the operators are not (session 34 recall: sap-approuter, sillytavern, express-gateway,
 * cnpmjs shapes, trimmed and rewritten). Reading the error for its status is no hand-off.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (answered with the error status or a returned 5xx)', rule, {
  valid: [
    "// logged, then answered with the error's status\nrouter.get('/credentials', async (req, res) => {\n  try {\n    res.json(await db.credentials.findAll());\n  } catch (err) {\n    logger.error({ err }, 'listing credentials failed');\n    res.status(err.status || 500).json({ error: 'could not list the credentials' });\n  }\n});",
    "// a 4xx default: the error's status or 'bad request' \u2014 the client's problem\nrouter.post('/import', async (req, res) => {\n  try {\n    res.json(await importer.run(req.body));\n  } catch (err) {\n    res.status(err.status || 400).json({ error: 'invalid import' });\n  }\n});",
    "// a file probe that falls back to 404: the missing file is the expected case\nconst fs = require('fs');\nrouter.get('/theme', (req, res) => {\n  let css;\n  try {\n    css = fs.readFileSync(path.join(themesDir, 'custom.css'), 'utf8');\n  } catch (e) {\n    return res.sendStatus(404);\n  }\n  res.type('css').send(css);\n});",
    "// the error is the resolved value: the caller's to log\nconst result = await services.credential.findAll().catch((err) => ({ error: err }));",
    "// an expression-bodied handler answering 404 without the error: not a 5xx, nothing relayed\nrouter.get('/:id', (req, res) => {\n  services.credential.find(req.params.id).then((c) => res.json(c)).catch(() => res.status(404).send('not found'));\n});",
    "// a parse of a query parameter answered 500: the answer to bad input, not a failed system\nrouter.get('/stats', async (req, res) => {\n  let filters;\n  try {\n    filters = JSON.parse(req.query.filters);\n  } catch (e) {\n    return res.status(500).send(e);\n  }\n  res.json(await stats.get(filters));\n});",
  ],
  invalid: [
    {
      // an expression-bodied handler answering 404 with the message of the lookup's failure (the credential store): an
      // outage reads as "not found" (valid until session 38 as "not a 5xx"; relayed-answers.test.ts states the general rule)
      "code": "router.get('/:id', (req, res) => {\n  services.credential.find(req.params.id).then((c) => res.json(c)).catch((err) => res.status(404).send(err.message));\n});",
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 2,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": { "call": "console.error" },
              "output": "router.get('/:id', (req, res) => {\n  services.credential.find(req.params.id).then((c) => res.json(c)).catch((err) => {\n    console.warn('credential.find failed', err);\n    return res.status(404).send(err.message);\n  });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// the error's own status, 500 when it has none, answered with no log (an HTML5 app download proxied to a backing service)\nasync function downloadApp(req, res, options) {\n  try {\n    await request.pipe(options, res);\n  } catch (error) {\n    res.statusCode = error.statusCode || 500;\n    return res.end();\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// the error's own status, 500 when it has none, answered with no log (an HTML5 app download proxied to a backing service)\nasync function downloadApp(req, res, options) {\n  try {\n    await request.pipe(options, res);\n  } catch (error) {\n    res.statusCode = error.statusCode || 500;\n    console.warn('request.pipe failed', error);\n    return res.end();\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// res.status(err.status || 500): an unknown error (the database) is answered 500 and nobody hears of it\nrouter.get('/credentials', async (req, res) => {\n  try {\n    const credentials = await db.credentials.findAll({ where: { consumerId: req.params.id } });\n    res.json({ credentials });\n  } catch (err) {\n    res.status(err.status || 500).json({ error: 'could not list the credentials' });\n  }\n});",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// res.status(err.status || 500): an unknown error (the database) is answered 500 and nobody hears of it\nrouter.get('/credentials', async (req, res) => {\n  try {\n    const credentials = await db.credentials.findAll({ where: { consumerId: req.params.id } });\n    res.json({ credentials });\n  } catch (err) {\n    console.error('credentials.findAll failed', err);\n    res.status(err.status || 500).json({ error: 'could not list the credentials' });\n  }\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// Koa: ctx.status = err.status || 500\nrouter.post('/user', async (ctx) => {\n  try {\n    ctx.body = await userService.authAndSave(ctx.request.body.name, ctx.request.body.password);\n  } catch (err) {\n    ctx.status = err.status || 500;\n    ctx.body = { error: 'login failed' };\n  }\n});",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// Koa: ctx.status = err.status || 500\nrouter.post('/user', async (ctx) => {\n  try {\n    ctx.body = await userService.authAndSave(ctx.request.body.name, ctx.request.body.password);\n  } catch (err) {\n    console.error('userService.authAndSave failed', err);\n    ctx.status = err.status || 500;\n    ctx.body = { error: 'login failed' };\n  }\n});"
            },
            {
              "messageId": "rethrow",
              "output": "// Koa: ctx.status = err.status || 500\nrouter.post('/user', async (ctx) => {\n  try {\n    ctx.body = await userService.authAndSave(ctx.request.body.name, ctx.request.body.password);\n  } catch (err) {\n    ctx.status = err.status || 500;\n    ctx.body = { error: 'login failed' };\n    throw err;\n  }\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a settings file read in a probe-like try, answered 500 with no log\nconst fs = require('fs');\nconst path = require('path');\nrouter.post('/get', (request, response) => {\n  let settings;\n  try {\n    settings = fs.readFileSync(path.join(request.user.root, 'settings.json'), 'utf8');\n  } catch (e) {\n    return response.sendStatus(500);\n  }\n  response.send({ settings });\n});",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 9,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// a settings file read in a probe-like try, answered 500 with no log\nconst fs = require('fs');\nconst path = require('path');\nrouter.post('/get', (request, response) => {\n  let settings;\n  try {\n    settings = fs.readFileSync(path.join(request.user.root, 'settings.json'), 'utf8');\n  } catch (e) {\n    console.error('fs.readFileSync failed', e);\n    return response.sendStatus(500);\n  }\n  response.send({ settings });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// an expression-bodied rejection handler that answers 500 with the message and logs nothing\nrouter.get('/', (req, res) => {\n  services.credential.findAll()\n    .then((credentials) => res.json({ credentials }))\n    .catch((err) => res.status(500).send(err.message));\n});",
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// an expression-bodied rejection handler that answers 500 with the message and logs nothing\nrouter.get('/', (req, res) => {\n  services.credential.findAll()\n    .then((credentials) => res.json({ credentials }))\n    .catch((err) => {\n      console.warn('credential.findAll failed', err);\n      return res.status(500).send(err.message);\n    });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// the error's status with a 5xx default held in a const, then answered\nrouter.get('/credentials', async (req, res) => {\n  try {\n    const credentials = await db.credentials.findAll({ where: { consumerId: req.params.id } });\n    res.json({ credentials });\n  } catch (err) {\n    const status = err.status || 500;\n    res.status(status).json({ error: 'could not list the credentials' });\n  }\n});",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// the error's status with a 5xx default held in a const, then answered\nrouter.get('/credentials', async (req, res) => {\n  try {\n    const credentials = await db.credentials.findAll({ where: { consumerId: req.params.id } });\n    res.json({ credentials });\n  } catch (err) {\n    console.error('credentials.findAll failed', err);\n    const status = err.status || 500;\n    res.status(status).json({ error: 'could not list the credentials' });\n  }\n});"
            }
          ]
        }
      ]
    },
  ],
});
