import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Auth plugins that read the credential and ask an app validator (hapi's `server.auth.strategy(…, { validate })`
 * refused with `{ isValid: false }`; @fastify/basic-auth's `done(new Error())`), and Egg.js / ThinkJS controllers
 * answering through `this.ctx.throw(403)`. Valid twins: the same refusals logged at warn, a form validator's
 * `{ isValid: false }`, an anonymous caller (an empty `userInfo`) refused with 401.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (auth plugin validators, Egg and ThinkJS controllers)', rule, {
  valid: [
    `// hapi validator: the refusal recorded as a request event tagged 'error' (written by @hapi/good / hapi-pino)
server.auth.strategy('token', 'bearer-access-token', {
  validate: async (request, tokenValue) => {
    try {
      return { isValid: true, credentials: await scm.decorate(tokenValue) };
    } catch (err) {
      request.log(['auth', 'error'], err);
      return { isValid: false, credentials: {} };
    }
  },
});`,
"// hapi validator that logs the refused token at warn\nserver.auth.strategy('token', 'bearer-access-token', {\n  validate: async (request, tokenValue) => {\n    const token = await tokenFactory.get({ value: tokenValue });\n    if (!token) {\n      logger.warn({ ip: request.info.remoteAddress }, 'unknown API token');\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: {} };\n  },\n});",
"// { isValid: false } of a form validator is no auth refusal\nconst rules = {\n  validate: (value) => {\n    if (!value || value.length < 3) return { isValid: false, message: 'too short' };\n    return { isValid: true };\n  },\n};\nform.register('name', rules);",
"// @fastify/basic-auth validator that logs before refusing\nimport fastifyBasicAuth from '@fastify/basic-auth';\nexport default async function basicAuth(fastify, opts) {\n  fastify.register(fastifyBasicAuth, {\n    validate(username, password, req, reply, done) {\n      if (opts.passphrases.includes(password)) return done();\n      req.log.warn({ username }, 'wrong passphrase');\n      done(new Error('Wrong Passphrase'));\n    },\n  });\n}",
"// ThinkJS logic: nobody signed in (an empty userInfo) answered 401 is anonymous, quiet by default\nmodule.exports = class extends think.Logic {\n  async deleteAction() {\n    const { userInfo } = this.ctx.state;\n    if (think.isEmpty(userInfo)) {\n      return this.ctx.throw(401);\n    }\n  }\n};"
  ],
  invalid: [
{
  "code": "// hapi-auth-bearer-token: an unknown API token refused by the validator, no log\nserver.auth.strategy('token', 'bearer-access-token', {\n  allowQueryToken: true,\n  validate: async (request, tokenValue) => {\n    const token = await tokenFactory.get({ value: tokenValue });\n    if (!token) {\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { scope: token.scope } };\n  },\n});",
  "errors": [
    {
      "messageId": "unlogged",
      "line": 7,
      "suggestions": [
        {
          "messageId": "logFailure",
          "data": {
            "call": "console.warn"
          },
          "output": "// hapi-auth-bearer-token: an unknown API token refused by the validator, no log\nserver.auth.strategy('token', 'bearer-access-token', {\n  allowQueryToken: true,\n  validate: async (request, tokenValue) => {\n    const token = await tokenFactory.get({ value: tokenValue });\n    if (!token) {\n      console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials' });\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { scope: token.scope } };\n  },\n});"
        }
      ]
    }
  ]
},
{
  "code": "// @hapi/basic: a same-file validate function named in the strategy's options\nasync function validate(request, username, password) {\n  const user = await users.findByName(username);\n  if (!user || !(await Bcrypt.compare(password, user.hash))) {\n    return { isValid: false, credentials: null };\n  }\n  return { isValid: true, credentials: { id: user.id } };\n}\nexports.plugin = { name: 'auth', register: async (server) => {\n  await server.register(require('@hapi/basic'));\n  server.auth.strategy('simple', 'basic', { validate });\n} };",
  "errors": [
    {
      "messageId": "unlogged",
      "line": 5,
      "suggestions": [
        {
          "messageId": "logFailureWithIdentity",
          "data": {
            "call": "console.warn"
          },
          "output": "const { createHash } = require('node:crypto');\n// @hapi/basic: a same-file validate function named in the strategy's options\nasync function validate(request, username, password) {\n  const user = await users.findByName(username);\n  if (!user || !(await Bcrypt.compare(password, user.hash))) {\n    console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });\n    return { isValid: false, credentials: null };\n  }\n  return { isValid: true, credentials: { id: user.id } };\n}\nexports.plugin = { name: 'auth', register: async (server) => {\n  await server.register(require('@hapi/basic'));\n  server.auth.strategy('simple', 'basic', { validate });\n} };"
        }
      ]
    }
  ]
},
{
  "code": "// @fastify/basic-auth: the admin passphrase refused through done(err), no log\nimport fastifyBasicAuth from '@fastify/basic-auth';\nexport default async function basicAuth(fastify, opts) {\n  fastify.register(fastifyBasicAuth, {\n    validate(username, password, req, reply, done) {\n      if (opts.passphrases.includes(password)) {\n        done();\n      } else {\n        done(new Error('Wrong Passphrase'));\n      }\n    },\n  });\n}",
  "errors": [
    {
      "messageId": "unlogged",
      "line": 9,
      "suggestions": [
        {
          "messageId": "logFailureWithIdentity",
          "data": {
            "call": "console.warn"
          },
          "output": "// @fastify/basic-auth: the admin passphrase refused through done(err), no log\nimport fastifyBasicAuth from '@fastify/basic-auth';\nimport { createHash } from 'node:crypto';\nexport default async function basicAuth(fastify, opts) {\n  fastify.register(fastifyBasicAuth, {\n    validate(username, password, req, reply, done) {\n      if (opts.passphrases.includes(password)) {\n        done();\n      } else {\n        console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });\n        done(new Error('Wrong Passphrase'));\n      }\n    },\n  });\n}"
        }
      ]
    }
  ]
},
{
  "code": "// Egg.js controller: someone else's post refused with this.ctx.throw(403), no log\nconst { Controller } = require('egg');\nclass PostController extends Controller {\n  async update() {\n    const post = await this.ctx.service.post.find(this.ctx.params.id);\n    if (post.authorId !== this.ctx.state.user.id) {\n      this.ctx.throw(403, 'not your post');\n    }\n    await post.update(this.ctx.request.body);\n    this.ctx.body = post;\n  }\n}\nmodule.exports = PostController;",
  "errors": [
    {
      "messageId": "unlogged",
      "line": 7,
      "suggestions": [
        {
          "messageId": "logFailure",
          "data": {
            "call": "console.warn"
          },
          "output": "// Egg.js controller: someone else's post refused with this.ctx.throw(403), no log\nconst { Controller } = require('egg');\nclass PostController extends Controller {\n  async update() {\n    const post = await this.ctx.service.post.find(this.ctx.params.id);\n    if (post.authorId !== this.ctx.state.user.id) {\n      console.warn('Access denied', { reason: 'forbidden' });\n      this.ctx.throw(403, 'not your post');\n    }\n    await post.update(this.ctx.request.body);\n    this.ctx.body = post;\n  }\n}\nmodule.exports = PostController;"
        }
      ]
    }
  ]
},
{
  "code": "// ThinkJS logic: a signed-in non-administrator refused with this.ctx.throw(403), no log\nmodule.exports = class extends think.Logic {\n  checkAdmin() {\n    const { userInfo } = this.ctx.state;\n    if (think.isEmpty(userInfo)) {\n      return this.ctx.throw(401);\n    }\n    if (userInfo.type !== 'administrator') {\n      return this.ctx.throw(403);\n    }\n  }\n};",
  "errors": [
    {
      "messageId": "unlogged",
      "line": 9,
      "suggestions": [
        {
          "messageId": "logFailure",
          "data": {
            "call": "console.warn"
          },
          "output": "// ThinkJS logic: a signed-in non-administrator refused with this.ctx.throw(403), no log\nmodule.exports = class extends think.Logic {\n  checkAdmin() {\n    const { userInfo } = this.ctx.state;\n    if (think.isEmpty(userInfo)) {\n      return this.ctx.throw(401);\n    }\n    if (userInfo.type !== 'administrator') {\n      console.warn('Access denied', { reason: 'forbidden' });\n      return this.ctx.throw(403);\n    }\n  }\n};"
        }
      ]
    }
  ]
}
  ],
});
