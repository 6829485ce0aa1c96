import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// A branch taken only when the error's message matched a text written in the code and answered with a 4xx
// sends a message the app knows as its own (SillyTavern's "Folder … not found.", express-gateway's "… already
// exists"); a branch that a registered handler's `next` makes dead never sends anything (Flowise's SSO
// callbacks). See also next-and-known-text.test.ts.
ruleTester.run('no-error-details-in-response (known texts and dead branches)', rule, {
  valid: [
    "router.post('/folders/update', async (request, response) => {\n  try {\n    response.json(await updateFolder(request.body.id));\n  } catch (error) {\n    if (error.message.includes('not found')) {\n      return response.status(404).json({ error: error.message });\n    }\n    console.error('Folder update error:', error);\n    return response.status(500).json({ error: 'Internal server error.' });\n  }\n});",
    "router.post('/apps', (req, res, next) => {\n  apps.insert(req.body)\n    .then((app) => res.json(app))\n    .catch((err) => {\n      if (err.message.indexOf('exist') >= 0) {\n        res.status(409).send(err.message);\n      } else {\n        next(err);\n      }\n    });\n});",
    "router.put('/scopes/:name', async (req, res, next) => {\n  try {\n    res.json(await scopes.update(req.params.name, req.body));\n  } catch (err) {\n    if (/already exists?/i.test(err.message) && req.query.strict) return res.status(409).send({ error: err.message });\n    next(err);\n  }\n});",
    "router.delete('/users/:id', async (req, res, next) => {\n  try {\n    res.json(await users.remove(req.params.id));\n  } catch (err) {\n    const message = err.message;\n    if (message === 'The specified user does not exist') return res.status(404).send(message);\n    next(err);\n  }\n});",
    "app.post('/api/v1/auth/login', (req, res, next) => {\n  passport.authenticate('login', async (err, user) => {\n    try {\n      if (err || !user) {\n        return next ? next(err) : res.status(401).json(err);\n      }\n      await session.start(req, user);\n      res.json({ ok: true });\n    } catch (error) {\n      return next ? next(error) : res.status(401).json(error);\n    }\n  })(req, res, next);\n});",
    "app.get('/callback', (req, res, next) => {\n  client.exchange(req.query.code, (err, token) => {\n    if (!next) return res.status(500).json(err);\n    if (err) return next(err);\n    res.json(token);\n  });\n});",
  ],
  invalid: [
    // the message is only checked for being there
    {
      code: "router.post('/folders/update', async (request, response) => {\n  try {\n    response.json(await updateFolder(request.body.id));\n  } catch (error) {\n    if (error.message) {\n      return response.status(500).json({ error: error.message });\n    }\n  }\n});",
      errors: [{"messageId": "detailsInResponse", "line": 6, "suggestions": [{"messageId": "sendGeneric", "output": "router.post('/folders/update', async (request, response) => {\n  try {\n    response.json(await updateFolder(request.body.id));\n  } catch (error) {\n    if (error.message) {\n      console.error('updateFolder failed', error);\n      return response.status(500).json({ error: 'Internal Server Error' });\n    }\n  }\n});"}]}],
    },
    // the branch where the message did not match
    {
      code: "router.post('/apps', (req, res) => {\n  apps.insert(req.body).then((app) => res.json(app)).catch((err) => {\n    if (err.message.indexOf('exist') === -1) {\n      res.status(500).send(err.message);\n    } else {\n      res.status(409).send('Exists');\n    }\n  });\n});",
      errors: [{"messageId": "detailsInResponse", "line": 4, "suggestions": [{"messageId": "sendGeneric", "output": "router.post('/apps', (req, res) => {\n  apps.insert(req.body).then((app) => res.json(app)).catch((err) => {\n    if (err.message.indexOf('exist') === -1) {\n      console.error('apps.insert failed', err);\n      res.status(500).send({ error: 'Internal Server Error' });\n    } else {\n      res.status(409).send('Exists');\n    }\n  });\n});"}]}],
    },
    {
      code: "router.post('/apps', async (req, res) => {\n  try {\n    res.json(await apps.insert(req.body));\n  } catch (err) {\n    if (err.message.includes('exist')) res.status(409).send('Exists');\n    else res.status(500).send(err.message);\n  }\n});",
      errors: [{"messageId": "detailsInResponse", "line": 6, "suggestions": [{"messageId": "sendGeneric", "output": "router.post('/apps', async (req, res) => {\n  try {\n    res.json(await apps.insert(req.body));\n  } catch (err) {\n    if (err.message.includes('exist')) res.status(409).send('Exists');\n    else { console.error('apps.insert failed', err); res.status(500).send({ error: 'Internal Server Error' }); }\n  }\n});"}]}],
    },
    // a matched message does not make the stack the app's
    {
      code: "router.post('/apps', async (req, res) => {\n  try {\n    res.json(await apps.insert(req.body));\n  } catch (err) {\n    if (err.message.includes('exist')) res.status(409).json({ error: 'Exists', stack: err.stack });\n  }\n});",
      errors: [{"messageId": "detailsInResponse", "line": 5, "suggestions": [{"messageId": "sendGeneric", "output": "router.post('/apps', async (req, res) => {\n  try {\n    res.json(await apps.insert(req.body));\n  } catch (err) {\n    if (err.message.includes('exist')) { console.warn('apps.insert failed', err); res.status(409).json({ error: 'Exists', stack: 'Conflict' }); }\n  }\n});"}]}],
    },
    // words a database driver writes: the message names the constraint and the table
    {
      code: "router.post('/users', async (req, res) => {\n  try {\n    res.json(await users.create(req.body));\n  } catch (err) {\n    if (err.message.includes('duplicate key')) return res.status(409).json({ error: err.message });\n    res.status(500).json({ error: 'Internal error' });\n  }\n});",
      errors: [{"messageId": "detailsInResponse", "line": 5, "suggestions": [{"messageId": "sendGeneric", "output": "router.post('/users', async (req, res) => {\n  try {\n    res.json(await users.create(req.body));\n  } catch (err) {\n    if (err.message.includes('duplicate key')) { console.warn('users.create failed', err); return res.status(409).json({ error: 'Conflict' }); }\n    res.status(500).json({ error: 'Internal error' });\n  }\n});"}]}],
    },
    // a function its own file calls directly may be handed no `next`
    {
      code: "function finishLogin(req, res, next) {\n  passport.authenticate('login', (err, user) => {\n    if (err) return next ? next(err) : res.status(401).json(err);\n    res.json(user);\n  })(req, res, next);\n}\nfunction relogin(req, res) {\n  return finishLogin(req, res);\n}\nmodule.exports = { relogin };",
      errors: [{"messageId": "detailsInResponse", "line": 3, "suggestions": [{"messageId": "sendGeneric", "output": "function finishLogin(req, res, next) {\n  passport.authenticate('login', (err, user) => {\n    if (err) return next ? next(err) : res.status(401).json({ error: 'Unauthorized' });\n    res.json(user);\n  })(req, res, next);\n}\nfunction relogin(req, res) {\n  return finishLogin(req, res);\n}\nmodule.exports = { relogin };"}]}],
    },
  ],
});
