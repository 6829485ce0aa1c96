import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// A schema validation hands the client's values back (Joi's `validate(...).value`, `validateAsync`, zod's
// `parse` / `safeParse(...).data`): a free string field is still the client's text, line breaks included;
// a field its schema in the file types as a number, a hex / UUID string or an anchored pattern is not.

// wildduck's ACME route (lib/api/acme.js), trimmed: the token is validated as a string of at most 256 characters.
const acme = (tokenSchema: string) =>
  "const Joi = require('joi');\nconst log = require('npmlog');\nserver.get({ path: '/.well-known/acme-challenge/:token' }, async (req, res) => {\n  const schema = Joi.object().keys({\n    token: " +
  tokenSchema +
  "\n  });\n  const result = schema.validate(req.params, { abortEarly: false, convert: true, allowUnknown: true });\n  if (result.error) {\n    res.status(400);\n    return res.json({ error: result.error.message });\n  }\n  const token = result.value.token;\n  const challenge = await acmeChallenge.get({ challenge: { token } });\n  if (!challenge) {\n    log.error('ACME', `Unknown challenge ${token}`);\n  }\n  res.send(challenge.keyAuthorization);\n});";

// zod: the parsed body, and the `data` of a safe parse.
const zodBody = (field: string) =>
  "import { z } from 'zod';\nimport logger from './logger';\nconst CreateUser = z.object({ name: z.string(), age: z.number().int(), id: z.string().uuid() });\nexport async function POST(request) {\n  const body = CreateUser.parse(await request.json());\n  logger.info(`creating user ${body." +
  field +
  '}`);\n  return Response.json(await users.create(body));\n}';

ruleTester.run('no-log-injection (validated input)', rule, {
  valid: [
    // the schema lets only hex through
    acme('Joi.string().hex().length(24).required()'),
    // an anchored pattern without line breaks
    acme('Joi.string().pattern(/^[A-Za-z0-9_-]+$/).required()'),
    // a number
    acme('Joi.number().integer().required()'),
    // zod: a number field and a UUID field of the parsed body
    zodBody('age'),
    zodBody('id'),
    // the validation's error is not the client's value
    "const Joi = require('joi');\napp.post('/users', (req, res) => {\n  const result = userSchema.validate(req.body);\n  if (result.error) console.log(`invalid user: ${result.error}`);\n  res.sendStatus(400);\n});",
    // Hapi: the route's own schema keeps the id to hex (route-schemas.ts reads string rules as well as numbers)
    "const Joi = require('joi');\nmodule.exports = {\n  method: 'GET',\n  path: '/audit/{audit}',\n  options: {\n    handler: async (request, h) => {\n      console.log(`exporting audit ${request.params.audit}`);\n      return exportAudit(request.params.audit);\n    },\n    validate: { params: Joi.object({ audit: Joi.string().hex().length(24) }) }\n  }\n};",
    // parsing is not validating: querystring.parse of a body field is the app's concern elsewhere
    "const querystring = require('querystring');\napp.post('/q', (req, res) => {\n  const parsed = querystring.parse(req.body.raw);\n  console.log(`parsed ${parsed.length} fields`);\n  res.end();\n});",
  ],
  invalid: [
    // a free string stays the client's text after validation
    { code: acme('Joi.string().empty("").max(256).required()'), errors: [{"messageId": "injection", "line": 15}] },
    // zod: a string field of the parsed body
    { code: zodBody('name'), errors: [{"messageId": "injection", "line": 6, "suggestions": [{"messageId": "useFields", "output": "import { z } from 'zod';\nimport logger from './logger';\nconst CreateUser = z.object({ name: z.string(), age: z.number().int(), id: z.string().uuid() });\nexport async function POST(request) {\n  const body = CreateUser.parse(await request.json());\n  logger.info('creating user', { name: body.name });\n  return Response.json(await users.create(body));\n}"}]}] },
    // safeParse: the result's data
    {
      code: "import { z } from 'zod';\nconst Query = z.object({ q: z.string() });\napp.get('/search', async (req, res) => {\n  const parsed = Query.safeParse(req.query);\n  if (!parsed.success) return res.status(400).end();\n  console.log('searching for ' + parsed.data.q);\n  res.json(await search(parsed.data.q));\n});",
      errors: [{"messageId": "injection", "line": 6, "suggestions": [{"messageId": "useFields", "output": "import { z } from 'zod';\nconst Query = z.object({ q: z.string() });\napp.get('/search', async (req, res) => {\n  const parsed = Query.safeParse(req.query);\n  if (!parsed.success) return res.status(400).end();\n  console.log('searching for', { q: parsed.data.q });\n  res.json(await search(parsed.data.q));\n});"}]}],
      output: "import { z } from 'zod';\nconst Query = z.object({ q: z.string() });\napp.get('/search', async (req, res) => {\n  const parsed = Query.safeParse(req.query);\n  if (!parsed.success) return res.status(400).end();\n  console.log('searching for', { q: parsed.data.q });\n  res.json(await search(parsed.data.q));\n});",
    },
    // Joi's validateAsync resolves to the value
    {
      code: "const Joi = require('joi');\nconst bodySchema = Joi.object({ title: Joi.string().max(200) });\nrouter.post('/posts', async (req, res) => {\n  const post = await bodySchema.validateAsync(req.body);\n  console.warn(`creating post ${post.title}`);\n  res.json(await posts.create(post));\n});",
      errors: [{"messageId": "injection", "line": 5, "suggestions": [{"messageId": "useFields", "output": "const Joi = require('joi');\nconst bodySchema = Joi.object({ title: Joi.string().max(200) });\nrouter.post('/posts', async (req, res) => {\n  const post = await bodySchema.validateAsync(req.body);\n  console.warn('creating post', { title: post.title });\n  res.json(await posts.create(post));\n});"}]}],
      output: "const Joi = require('joi');\nconst bodySchema = Joi.object({ title: Joi.string().max(200) });\nrouter.post('/posts', async (req, res) => {\n  const post = await bodySchema.validateAsync(req.body);\n  console.warn('creating post', { title: post.title });\n  res.json(await posts.create(post));\n});",
    },
  ],
});
