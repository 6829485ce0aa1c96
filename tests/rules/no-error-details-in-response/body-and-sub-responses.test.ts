import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// Values that reach the answer from the client's own request or from another response, not from an unknown failure:
// body-parser's errors (they describe the body), a sub-response's body forwarded with its status, and the whole
// object of an error only in-process code throws (JSON keeps its enumerable fields only).
ruleTester.run('no-error-details-in-response (body parsers, sub-responses)', rule, {
  valid: [
    // an error handler right after the JSON body parser, before any route: a SyntaxError there is the body's (formio's router)
    "const bodyParser = require('body-parser');\nrouter.use(bodyParser.json({ limit: '16mb' }));\nrouter.use((err, req, res, next) => {\n  if (err instanceof SyntaxError) {\n    return res.status(400).send(err.message);\n  }\n  next(err);\n});",
    // the same in one registration: express.json() then the handler
    "import express from 'express';\nconst app = express();\napp.use(express.json(), (err, req, res, next) => {\n  if (err instanceof SyntaxError) return res.status(400).json({ error: err.message });\n  next(err);\n});",
    // a body parser the code runs itself: its callback gets only the parser's errors (deepstream's HTTP service)
    "const bodyParser = require('body-parser');\nclass HttpService {\n  constructor() {\n    this.jsonBodyParser = bodyParser.json({ inflate: true, limit: '1mb' });\n  }\n  handlePost(request, response) {\n    this.jsonBodyParser(request, response, (err) => {\n      if (err) {\n        response.writeHead(400);\n        response.end(`Failed to parse body of request: ${err.message}`);\n        return;\n      }\n      this.route(request, response);\n    });\n  }\n}",
    // a sub-response's callback forwards what the sub-request answered, with its status (formio's nested submissions)
    "module.exports = (router) => (req, res, next) => {\n  const childRes = router.formio.util.createSubResponse((err) => {\n    if (childRes.statusCode > 299) {\n      return res.headersSent ? next() : res.status(childRes.statusCode).json(err);\n    }\n  });\n  router.resourcejs[req.route.path].get(router.formio.util.createSubRequest(req), childRes, next);\n};",
    // the whole error of a try only in-process code throws into: JSON keeps only its enumerable fields (`{}` for JSON.parse's SyntaxError)
    "app.get('/stats', async (req, res) => {\n  let filters;\n  if (req.query.feedbackType) {\n    try {\n      const types = JSON.parse(req.query.feedbackType);\n      filters = types.includes('UP') ? ['UP'] : undefined;\n    } catch (e) {\n      return res.status(500).send(e);\n    }\n  }\n  res.json(await stats.get(filters));\n});",
  ],
  invalid: [
    // twin: a SyntaxError handler mounted after the routes gets their parse errors too (a stored document, a config file)
    {
      code: "import express from 'express';\nconst app = express();\napp.use(express.json());\napp.use('/api', api);\napp.use((err, req, res, next) => {\n  if (err instanceof SyntaxError) return res.status(400).json({ error: err.message });\n  next(err);\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "import express from 'express';\nconst app = express();\napp.use(express.json());\napp.use('/api', api);\napp.use((err, req, res, next) => {\n  if (err instanceof SyntaxError) return res.status(400).json({ error: 'Bad Request' });\n  next(err);\n});" }] }],
    },
    // twin: the callback of another middleware the code runs itself (an upload's storage errors name paths)
    {
      code: "class HttpService {\n  constructor() {\n    this.upload = multer({ dest: '/var/uploads' }).single('file');\n  }\n  handlePost(request, response) {\n    this.upload(request, response, (err) => {\n      if (err) {\n        response.writeHead(400);\n        response.end(`Upload failed: ${err.message}`);\n      }\n    });\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 9, suggestions: [{ messageId: 'sendGeneric', output: "class HttpService {\n  constructor() {\n    this.upload = multer({ dest: '/var/uploads' }).single('file');\n  }\n  handlePost(request, response) {\n    this.upload(request, response, (err) => {\n      if (err) {\n        response.writeHead(400);\n        console.error('upload failed', err);\n        response.end('Internal Server Error');\n      }\n    });\n  }\n}" }] }],
    },
    // twin: a callback handed to a function named for handling a response is an error-first callback
    {
      code: "app.get('/x', (req, res) => {\n  client.get(url, handleResponse((err) => {\n    if (err) return res.status(502).json(err);\n  }));\n});",
      errors: [{ messageId: 'detailsInResponse', line: 3, suggestions: [{ messageId: 'sendGeneric', output: "app.get('/x', (req, res) => {\n  client.get(url, handleResponse((err) => {\n    if (err) { console.error('handleResponse failed', err); return res.status(502).json({ error: 'Bad Gateway' }); }\n  }));\n});" }] }],
    },
    // twin: the whole error of a try that awaits outside work
    {
      code: "app.get('/stats', async (req, res) => {\n  try {\n    res.json(await stats.get(JSON.parse(req.query.filter)));\n  } catch (e) {\n    return res.status(500).send(e);\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: 'sendGeneric', output: "app.get('/stats', async (req, res) => {\n  try {\n    res.json(await stats.get(JSON.parse(req.query.filter)));\n  } catch (e) {\n    console.error('stats.get failed', e);\n    return res.status(500).send({ error: 'Internal Server Error' });\n  }\n});" }] }],
    },
  ],
});
