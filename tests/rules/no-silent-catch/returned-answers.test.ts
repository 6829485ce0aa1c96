import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * Round-5 recall shapes (session 33): a 5xx answer *returned* (`return reply.code(500).send({ error: err.toString() })`,
 * the usual early exit of an Express / Fastify handler) is an answer to the client, not the error returned to a
 * caller; and Koa 0.x generator middleware answering through `this` (`this.status = 500; this.body = {…}`) answers
 * the client like `ctx.status` / `ctx.body` do. Both tell only the client. Twins: a 4xx answer with a parse's error
 * text (the verdict on the client's input), an error returned as data, and the logged versions. A 4xx answer with the
 * error's text after outside work is reported (session 38, relayed-answers.test.ts).
 */
const TOKENS_400 = `app.post('/tokens', async (req, res) => {
  try {
    res.send(await tokens.create(req.body));
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
});`;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (returned 5xx answers, Koa 0.x generators)', rule, {
  valid: [
    `// a 4xx answer with a parse's error text: the verdict on the client's input (in-process work only)
app.post('/tokens', async (req, res) => {
  let spec;
  try {
    spec = JSON.parse(req.body.spec);
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
  res.send(await tokens.create(spec));
});`,
    `// the error returned to the caller as data
async function load(id) {
  try {
    return { ok: true, value: await db.items.findById(id) };
  } catch (err) {
    return { ok: false, error: err };
  }
}`,
    `// logged before the 5xx answer
app.get('/apps/:id', async (req, res) => {
  try {
    req.application = await db.models.Application.byId(req.params.id);
  } catch (err) {
    logger.error({ err }, 'loading the application failed');
    return res.status(500).send({ code: 'unexpected_error', error: err.toString() });
  }
  res.send(req.application);
});`,
    `// Koa 0.x: logged before the 500
module.exports = function* addUser() {
  var user;
  try {
    user = yield* userService.authAndSave(this.request.body.name, this.request.body.password);
  } catch (err) {
    logger.error(err);
    this.status = 500;
    this.body = { error: 'internal' };
    return;
  }
  this.body = { ok: true, id: user.login };
};`,
  ],
  invalid: [
    {
      // a 4xx answer with the error's text after outside work (the token store): an outage reads as a client error
      // (valid until session 38 as "the client's problem"; relayed-answers.test.ts states the general rule)
      code: TOKENS_400,
      errors: [
        {
          messageId: 'silentCatch',
          line: 5,
          suggestions: [
            {
              messageId: 'logIt',
              data: { call: 'console.error' },
              output: TOKENS_400.replace("  } catch (err) {\n", "  } catch (err) {\n    console.warn('tokens.create failed', err);\n"),
            },
          ],
        },
      ],
    },
    {
      // a Fastify-style early exit: the 5xx answer is returned, nothing logs
      code: `app.get('/apps/:id', async (req, res) => {
  try {
    req.application = await db.models.Application.byId(req.params.id);
  } catch (err) {
    return res.status(500).send({ code: 'unexpected_error', error: err.toString() });
  }
  res.send(req.application);
});`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 5,
          suggestions: [
            {
              messageId: 'logIt',
              data: { call: 'console.error' },
              output: `app.get('/apps/:id', async (req, res) => {
  try {
    req.application = await db.models.Application.byId(req.params.id);
  } catch (err) {
    console.error('Application.byId failed', err);
    return res.status(500).send({ code: 'unexpected_error', error: err.toString() });
  }
  res.send(req.application);
});`,
            },
          ],
        },
      ],
    },
    {
      // Koa 0.x: the failed user store answered 500 through \`this\`, nothing logs
      code: `module.exports = function* addUser() {
  var user;
  try {
    user = yield* userService.authAndSave(this.request.body.name, this.request.body.password);
  } catch (err) {
    this.status = 500;
    this.body = { error: err.name, reason: err.message };
    return;
  }
  this.body = { ok: true, id: user.login };
};`,
      errors: [
        {
          messageId: 'silentCatch',
          line: 8,
          suggestions: [
            {
              messageId: 'logIt',
              data: { call: 'console.error' },
              output: `module.exports = function* addUser() {
  var user;
  try {
    user = yield* userService.authAndSave(this.request.body.name, this.request.body.password);
  } catch (err) {
    this.status = 500;
    this.body = { error: err.name, reason: err.message };
    console.error('userService.authAndSave failed', err);
    return;
  }
  this.body = { ok: true, id: user.login };
};`,
            },
          ],
        },
      ],
    },
  ],
});
