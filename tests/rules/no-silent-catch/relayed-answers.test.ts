/**
 * The caught error answered to the client, whatever the status (`res.status(404).json({ msg: e.message })`,
 * `reply.code(400).send({ error: err.toString() })`, `(error) => response.status(400).json(error)`), is shown
 * to the caller and recorded nowhere. General rule (catch-handling.ts answersWithCaughtError, catch-scope.ts
 * failsOutsideForAnswer): after work outside the process (a database, a store, the network) such an answer is
 * reported like a 5xx answer — the code relays whatever failed, so an outage reads as a client error and the
 * operators never hear of it (uptime-kuma's push route, flowfuse's token routes, tinylicious's storage routes,
 * wildduck's address routes). After in-process work only (a parse, the app's own check) it is the verdict on the
 * client's input; an answer naming the failure as invalid input in words of its own, a logged failure and
 * Fastify's `reply.send(err)` (its error handler logs) stay valid.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

// uptime-kuma: the push route's database write failed, answered 404 with the message, nothing logs
const CASE_1 = `router.get('/api/push/:pushToken', async (request, response) => {
  try {
    const monitor = await R.findOne('monitor', ' push_token = ? AND active = 1 ', [request.params.pushToken]);
    if (!monitor) throw new Error('Monitor not found or not active.');
    await R.store(bean);
    response.json({ ok: true });
  } catch (e) {
    response.status(404).json({ ok: false, msg: e.message });
  }
});`;

// flowfuse: the token store failed, answered 400 with the error's text through a const, nothing logs
const CASE_2 = `app.post('/', async (request, reply) => {
  try {
    const token = await app.db.controllers.AccessToken.createHTTPNodeToken(request.project, request.body.name);
    reply.send(token || {});
  } catch (err) {
    const resp = { code: 'unexpected_error', error: err.toString() };
    reply.code(400).send(resp);
  }
});`;

// tinylicious: the document store failed, the rejection answered 400 with the error object, nothing logs
const CASE_3 = `router.post('/:tenantId', (request, response) => {
  const createP = storage.createDocument(request.params.tenantId, request.body.id, request.body.summary);
  createP.then(
    () => {
      response.status(201).json(request.body.id);
    },
    (error) => {
      response.status(400).json(error);
    },
  );
});`;

// returned early: the database failed, answered 400 with the message, nothing logs
const CASE_4 = `app.post('/tokens', async (req, res) => {
  try {
    res.send(await db.tokens.insert(req.body));
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
});`;

// wildduck: the database failure answered with the status set before, the driver's message returned, nothing logs
const CASE_5 = `router.put('/addresses/:id', async (req, res) => {
  try {
    await db.users.collection('addresses').updateOne({ _id: req.params.id }, { $set: req.body });
  } catch (err) {
    if (err.code === 11000) {
      res.status(400);
      return res.json({ error: 'Address already exists', code: 'AddressExistsError' });
    }
    res.status(500);
    return res.json({ error: 'MongoDB Error: ' + err.message, code: 'InternalDatabaseError' });
  }
  res.json({ success: true });
});`;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (the caught error answered to the client after outside work)', rule, {
  valid: [
    // the caught error of a parse of the request body answered 400: the verdict on the client's input
    `app.post('/import', (req, res) => {
  let doc;
  try {
    doc = JSON.parse(req.body.raw);
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
  res.json(importer.preview(doc));
});`,
    // logged, then answered 404 with the message
    `router.get('/api/push/:pushToken', async (request, response) => {
  try {
    await R.store(bean);
    response.json({ ok: true });
  } catch (e) {
    log.error('push', e);
    response.status(404).json({ ok: false, msg: e.message });
  }
});`,
    // Fastify: reply.send(err) hands the error to Fastify's error handler, which logs it
    `fastify.get('/items/:id', async (request, reply) => {
  try {
    return await db.items.findById(request.params.id);
  } catch (err) {
    reply.code(400).send(err);
  }
});`,
    // an own check of the request answered 400 with the check's message: in-process work only
    `app.post('/users', (req, res) => {
  try {
    assertValidUser(req.body);
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
  res.json(users.create(req.body));
});`,
    // wildduck: a check of the client's key answered 400 as invalid input in words of its own
    `router.post('/users', async (req, res) => {
  try {
    await getKeyInfo(req.body.pubKey);
  } catch (err) {
    res.status(400);
    return res.json({ error: 'PGP key validation failed. ' + err.message, code: 'InputValidationError' });
  }
  res.json(await userHandler.create(req.body));
});`,
  ],
  invalid: [
    {
      code: CASE_1,
      errors: [
        {
          messageId: 'silentCatch',
          line: 7,
          suggestions: [
            { messageId: 'logIt', data: { call: 'console.error' }, output: CASE_1.replace("  } catch (e) {\n", "  } catch (e) {\n    console.error('R.findOne failed', e);\n") },
          ],
        },
      ],
    },
    {
      code: CASE_2,
      errors: [
        {
          messageId: 'silentCatch',
          line: 5,
          suggestions: [
            { messageId: 'logIt', data: { call: 'request.log.error' }, output: CASE_2.replace("  } catch (err) {\n", "  } catch (err) {\n    request.log.error({ err }, 'AccessToken.createHTTPNodeToken failed');\n") },
          ],
        },
      ],
    },
    {
      code: CASE_3,
      errors: [
        {
          messageId: 'silentPromiseCatch',
          line: 7,
          suggestions: [
            { messageId: 'logIt', data: { call: 'console.error' }, output: CASE_3.replace("    (error) => {\n", "    (error) => {\n      console.error('createP failed', error);\n") },
          ],
        },
      ],
    },
    {
      code: CASE_4,
      errors: [
        {
          messageId: 'silentCatch',
          line: 5,
          suggestions: [
            { messageId: 'logIt', data: { call: 'console.error' }, output: CASE_4.replace("  } catch (err) {\n", "  } catch (err) {\n    console.warn('tokens.insert failed', err);\n") },
          ],
        },
      ],
    },
    {
      code: CASE_5,
      errors: [
        {
          messageId: 'silentCatch',
          line: 10,
          suggestions: [
            { messageId: 'logIt', data: { call: 'console.error' }, output: CASE_5.replace("    res.status(500);\n", "    res.status(500);\n    console.warn('updateOne failed', err);\n") },
          ],
        },
      ],
    },
  ],
});
