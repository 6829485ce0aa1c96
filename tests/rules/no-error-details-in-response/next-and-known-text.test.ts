import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

/**
 * Two shapes where an error's text does not reach the client with internals:
 * - the answer sits on the branch where an Express handler's `next` is missing (`next ? next(err) : res.json(err)`):
 *   the framework always gives a registered handler `next`, so that branch never runs (Flowise's SSO callbacks);
 * - the code found its own phrase in the message (`err.message.includes('not found')`, `indexOf('exist') >= 0`) and
 *   answers a client error (4xx) with it (SillyTavern's image folders, Express Gateway's admin API).
 * Their twins stay reported: a helper called in its own file may be given no `next`; a 5xx, or a search for punctuation.
 */
ruleTester.run('no-error-details-in-response (missing next, recognised message text)', rule, {
  valid: [
    // passport's custom callback inside a registered route: `next` is always there
    `app.post('/api/v1/auth/login', (req, res, next) => {
  passport.authenticate('login', async (err, user) => {
    try {
      if (err || !user) {
        return next ? next(err) : res.status(401).json(err);
      }
      req.session.regenerate((regenerateErr) => {
        if (regenerateErr) return next ? next(regenerateErr) : res.status(500).json({ message: 'Session regeneration failed' });
        req.login(user, { session: true }, async (error) => {
          if (error) return next ? next(error) : res.status(401).json(error);
          return setTokenOrCookies(res, user);
        });
      });
    } catch (error) {
      return next ? next(error) : res.status(401).json(error);
    }
  })(req, res, next);
});`,
    // the same through an if and a typeof test
    `router.get('/callback', (req, res, next) => {
  strategy.handle(req, (err) => {
    if (typeof next === 'function') return next(err);
    res.status(500).send(err.message);
  });
});`,
    // the code recognised its own text and answers 404 / 409 with it
    `router.post('/folders/update', async (request, response) => {
  try {
    const folder = await updateFolder(request.user.directories.root, request.body.id, request.body.updates);
    return response.json(folder);
  } catch (error) {
    if (error.message.includes('not found')) {
      return response.status(404).json({ error: error.message });
    }
    console.error('Folder update error:', error);
    return response.status(500).json({ error: 'Internal server error.' });
  }
});`,
    `router.post('/', (req, res, next) => {
  services.user.find(req.body.userId)
    .then((user) => services.application.insert(req.body, user.id))
    .then((app) => res.json(app))
    .catch((err) => {
      if (err.message.indexOf('exist') >= 0) {
        res.status(409).send(err.message);
      } else {
        next(err);
      }
    });
});`,
  ],
  invalid: [
    // a helper its own file calls with two arguments: `next` may well be missing there
    {
      code: `function finish(req, res, next) {
  store.save(req.body).catch((err) => (next ? next(err) : res.status(500).json({ message: err.message })));
}
app.post('/x', (req, res) => finish(req, res));`,
      errors: [{ messageId: 'detailsInResponse', line: 2, suggestions: [{"messageId": "sendGeneric", "output": "function finish(req, res, next) {\n  store.save(req.body).catch((err) => (next ? next(err) : res.status(500).json({ message: 'Internal Server Error' })));\n}\napp.post('/x', (req, res) => finish(req, res));"}] }],
    },
    // the branch where `next` is there: it answers too
    {
      code: `app.post('/x', (req, res, next) => {
  store.save(req.body).catch((err) => (next ? res.status(500).json({ message: err.message }) : null));
});`,
      errors: [{ messageId: 'detailsInResponse', line: 2, suggestions: [{"messageId": "sendGeneric", "output": "app.post('/x', (req, res, next) => {\n  store.save(req.body).catch((err) => {\n    console.error('store.save failed', err);\n    return (next ? res.status(500).json({ message: 'Internal Server Error' }) : null);\n  });\n});"}] }],
    },
    // recognised text, but answered as a server failure
    {
      code: `router.post('/folders/update', async (request, response) => {
  try {
    return response.json(await updateFolder(request.body.id));
  } catch (error) {
    if (error.message.includes('not found')) return response.status(500).json({ error: error.message });
    return response.status(500).json({ error: 'Internal server error.' });
  }
});`,
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{"messageId": "sendGeneric", "output": "router.post('/folders/update', async (request, response) => {\n  try {\n    return response.json(await updateFolder(request.body.id));\n  } catch (error) {\n    if (error.message.includes('not found')) { console.error('updateFolder failed', error); return response.status(500).json({ error: 'Internal Server Error' }); }\n    return response.status(500).json({ error: 'Internal server error.' });\n  }\n});"}] }],
    },
    // a search for punctuation recognises nothing
    {
      code: `router.post('/folders/update', async (request, response) => {
  try {
    return response.json(await updateFolder(request.body.id));
  } catch (error) {
    if (error.message.includes(':')) return response.status(400).json({ error: error.message });
    return response.status(500).json({ error: 'Internal server error.' });
  }
});`,
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{"messageId": "sendGeneric", "output": "router.post('/folders/update', async (request, response) => {\n  try {\n    return response.json(await updateFolder(request.body.id));\n  } catch (error) {\n    if (error.message.includes(':')) { console.warn('updateFolder failed', error); return response.status(400).json({ error: 'Bad Request' }); }\n    return response.status(500).json({ error: 'Internal server error.' });\n  }\n});"}] }],
    },
  ],
});
