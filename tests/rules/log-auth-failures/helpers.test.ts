import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A 401/403 thrown or answered in a same-file helper that a route or middleware calls by name
 * (`function assertAdmin(user) { if (!user.isAdmin) throw new ForbiddenError(); }` … `assertAdmin(req.user)`),
 * also through other same-file helpers up to three deep (`route → assertAdmin → checkRole`, `deny(res)` in `ensureOwner`),
 * is reported once, in the helper, where the rejection is: a log there covers every caller. It stays
 * quiet when the helper logs, when every calling handler logs on that path (a `catch` around the call,
 * or a branch on its result, or a helper on the way that catches and logs), when an error handler in the file logs it, and when no handler calls it.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (same-file helpers)', rule, {
  valid: [
    "// the helper logs before it throws\nimport { ForbiddenError } from '../errors.js';\nfunction assertAdmin(user) {\n  if (!user || user.role !== 'admin') {\n    logger.warn('admin route refused', { user: user?.id });\n    throw new ForbiddenError('Admins only');\n  }\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
    "// the route catches what the helper throws, logs it and rethrows\nimport { ForbiddenError } from '../errors.js';\nfunction assertAdmin(user) {\n  if (!user || user.role !== 'admin') {\n    throw new ForbiddenError('Admins only');\n  }\n}\nrouter.delete('/users/:id', async (req, res) => {\n  try {\n    assertAdmin(req.user);\n  } catch (err) {\n    logger.warn('admin route refused', { user: req.user?.id, path: req.path });\n    throw err;\n  }\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
    "// the route logs on the branch where the helper said no\nfunction ensureOwner(req, res, post) {\n  if (post.authorId !== req.user.id) {\n    res.status(403).json({ error: 'Not your post' });\n    return false;\n  }\n  return true;\n}\napp.put('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (!ensureOwner(req, res, post)) {\n    req.log.warn({ user: req.user.id, post: post.id }, 'edit refused');\n    return;\n  }\n  await post.update(req.body);\n  res.json(post);\n});",
    "// only a command-line script calls the helper: no request is refused\nfunction assertAdmin(user) {\n  if (user.role !== 'admin') throw new ForbiddenError('Admins only');\n}\nexport async function runMigration(user) {\n  assertAdmin(user);\n  await migrate();\n}",
    "// an error middleware in the same file logs the 403 the helper throws\nfunction assertAdmin(user) {\n  if (!user || user.role !== 'admin') throw new ForbiddenError('Admins only');\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});\napp.use((err, req, res, next) => {\n  logger.warn('request failed', { status: err.status, path: req.path, err });\n  res.status(err.status || 500).json({ error: err.message });\n});",
    "// a framework error thrown in a helper, caught, logged and rethrown by the route\nimport createError from 'http-errors';\nfunction assertMember(user, team) {\n  if (!team.members.includes(user.id)) throw createError(403, 'Not a member');\n}\nrouter.get('/teams/:id', async (req, res) => {\n  const team = await Team.get(req.params.id);\n  try {\n    assertMember(req.user, team);\n  } catch (err) {\n    logger.warn('team access refused', { user: req.user.id, team: team.id });\n    throw err;\n  }\n  res.json(team);\n});",
    "// a helper refusing because a feature is switched off is not access control\nfunction assertExportsEnabled(settings) {\n  if (!settings.exportsEnabled) throw new ForbiddenError('Exports are disabled');\n}\nrouter.get('/export', async (req, res) => {\n  assertExportsEnabled(await Settings.load());\n  res.json(await exportAll());\n});",
      "// two helpers deep, and the route logs what comes out of them\nfunction checkRole(user, role) {\n  if (!user?.roles.includes(role)) throw new ForbiddenError(`Requires role ${role}`);\n}\nfunction assertAdmin(user) {\n  checkRole(user, 'admin');\n}\nrouter.delete('/users/:id', async (req, res) => {\n  try {\n    assertAdmin(req.user);\n  } catch (err) {\n    logger.warn('admin route refused', { user: req.user?.id, path: req.path });\n    throw err;\n  }\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
    "// the helper in the middle logs and rethrows\nfunction checkRole(user, role) {\n  if (!user?.roles.includes(role)) throw new ForbiddenError(`Requires role ${role}`);\n}\nfunction assertAdmin(user) {\n  try {\n    checkRole(user, 'admin');\n  } catch (err) {\n    logger.warn('not an admin', { user: user?.id });\n    throw err;\n  }\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  res.status(204).end();\n});",
    "// the chain ends in a command-line script, not a handler\nfunction checkRole(user, role) {\n  if (!user.roles.includes(role)) throw new ForbiddenError(`Requires role ${role}`);\n}\nfunction assertAdmin(user) {\n  checkRole(user, 'admin');\n}\nexport async function runMigration(user) {\n  assertAdmin(user);\n  await migrate();\n}",
    "// the ownership helper logs before the response helper answers\nfunction deny(res, message) {\n  res.status(403).json({ error: message });\n}\nfunction ensureOwner(req, res, doc) {\n  if (doc.ownerId !== req.user.id) {\n    req.log.warn({ user: req.user.id, doc: doc.id }, 'not the owner');\n    deny(res, 'Not yours');\n    return false;\n  }\n  return true;\n}\napp.put('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  if (!ensureOwner(req, res, doc)) return;\n  res.json(await doc.update(req.body));\n});",
    "// a feature switch two helpers deep is no access control\nfunction checkFeature(settings, name) {\n  if (!settings.features[name]) throw new ForbiddenError(`${name} is disabled`);\n}\nfunction assertExportsEnabled(settings) {\n  checkFeature(settings, 'exports');\n}\nrouter.get('/export', async (req, res) => {\n  assertExportsEnabled(await Settings.load());\n  res.json(await exportAll());\n});",
    "// helpers that call each other: the cycle ends, and the route logs around the call\nfunction ping(user, n) {\n  if (!user.active) throw new ForbiddenError('inactive');\n  if (n > 0) pong(user, n - 1);\n}\nfunction pong(user, n) {\n  ping(user, n);\n}\nrouter.get('/ping', (req, res) => {\n  try {\n    pong(req.user, 3);\n  } catch (err) {\n    logger.warn('ping refused', { user: req.user.id });\n    throw err;\n  }\n  res.end();\n});",
    "// a 403 stub chosen because the member already has access (a caching rule), through a helper the route calls\nfunction refuseMembersOnly(res) {\n  return res.status(403).type('text/markdown').send('# Members-only content');\n}\nasync function servePaid(req, res, entry) {\n  if (!payments.isPurchasable(entry)) {\n    if (entry.access === true) return refuseMembersOnly(res);\n    return servePreview(res, entry);\n  }\n  return res.send(await payments.fulfil(entry));\n}\nrouter.get('/:slug.md', async (req, res) => {\n  const entry = await Posts.read(req.params.slug, req.member);\n  if (entry.visibility !== 'public') return servePaid(req, res, entry);\n  res.type('text/markdown').send(entry.markdown);\n});",
  ],
  invalid: [
    {
      "code": "// an admin check in a same-file helper the route calls: the helper's throw is the rejection\nimport { ForbiddenError } from '../errors.js';\nfunction assertAdmin(user) {\n  if (!user || user.role !== 'admin') {\n    throw new ForbiddenError('Admins only');\n  }\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// an admin check in a same-file helper the route calls: the helper's throw is the rejection\nimport { ForbiddenError } from '../errors.js';\nfunction assertAdmin(user) {\n  if (!user || user.role !== 'admin') {\n    console.warn('Access denied', { reason: 'forbidden' });\n    throw new ForbiddenError('Admins only');\n  }\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a const arrow helper called by a middleware, throwing the app's own 401\nconst requireSession = (session) => {\n  if (!session?.userId) throw new UnauthorizedError('Login required');\n  return session.userId;\n};\nexport async function loadUser(req, res, next) {\n  const id = requireSession(req.session);\n  req.user = await User.findById(id);\n  next();\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 3,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// a const arrow helper called by a middleware, throwing the app's own 401\nconst requireSession = (session) => {\n  if (!session?.userId) {\n    console.warn('Authentication failed', { reason: 'unauthorized' });\n    throw new UnauthorizedError('Login required');\n  }\n  return session.userId;\n};\nexport async function loadUser(req, res, next) {\n  const id = requireSession(req.session);\n  req.user = await User.findById(id);\n  next();\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// an ownership check that answers 403 itself and tells the caller to stop\nfunction ensureOwner(req, res, post) {\n  if (post.authorId !== req.user.id) {\n    res.status(403).json({ error: 'Not your post' });\n    return false;\n  }\n  return true;\n}\napp.put('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (!ensureOwner(req, res, post)) return;\n  await post.update(req.body);\n  res.json(post);\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// an ownership check that answers 403 itself and tells the caller to stop\nfunction ensureOwner(req, res, post) {\n  if (post.authorId !== req.user.id) {\n    console.warn('Access denied', { reason: 'forbidden' });\n    res.status(403).json({ error: 'Not your post' });\n    return false;\n  }\n  return true;\n}\napp.put('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (!ensureOwner(req, res, post)) return;\n  await post.update(req.body);\n  res.json(post);\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// two routes call the helper, one logs what it catches, the other does not: reported once, in the helper\nfunction assertCanEdit(user, doc) {\n  if (doc.ownerId !== user.id && !user.isAdmin) throw new ForbiddenError('Cannot edit');\n}\nrouter.put('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  try {\n    assertCanEdit(req.user, doc);\n  } catch (err) {\n    logger.warn('edit refused', { user: req.user.id, doc: doc.id });\n    throw err;\n  }\n  res.json(await doc.save(req.body));\n});\nrouter.delete('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  assertCanEdit(req.user, doc);\n  await doc.remove();\n  res.status(204).end();\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 3,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// two routes call the helper, one logs what it catches, the other does not: reported once, in the helper\nfunction assertCanEdit(user, doc) {\n  if (doc.ownerId !== user.id && !user.isAdmin) {\n    console.warn('Access denied', { reason: 'forbidden' });\n    throw new ForbiddenError('Cannot edit');\n  }\n}\nrouter.put('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  try {\n    assertCanEdit(req.user, doc);\n  } catch (err) {\n    logger.warn('edit refused', { user: req.user.id, doc: doc.id });\n    throw err;\n  }\n  res.json(await doc.save(req.body));\n});\nrouter.delete('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  assertCanEdit(req.user, doc);\n  await doc.remove();\n  res.status(204).end();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a role check two helpers deep: the route calls assertAdmin, which calls checkRole, which throws the 403\nfunction checkRole(user, role) {\n  if (!user?.roles.includes(role)) throw new ForbiddenError(`Requires role ${role}`);\n}\nfunction assertAdmin(user) {\n  checkRole(user, 'admin');\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 3,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// a role check two helpers deep: the route calls assertAdmin, which calls checkRole, which throws the 403\nfunction checkRole(user, role) {\n  if (!user?.roles.includes(role)) {\n    console.warn('Access denied', { reason: 'forbidden' });\n    throw new ForbiddenError(`Requires role ${role}`);\n  }\n}\nfunction assertAdmin(user) {\n  checkRole(user, 'admin');\n}\nrouter.delete('/users/:id', async (req, res) => {\n  assertAdmin(req.user);\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a middleware reaches the 401 through two helpers that read the session cookie\nfunction verifySession(sid) {\n  const session = sessions.get(sid);\n  if (!session || session.expires < Date.now()) throw new UnauthorizedError('Session expired');\n  return session;\n}\nconst currentUser = (req) => verifySession(req.cookies.sid).user;\nexport function requireUser(req, res, next) {\n  req.user = currentUser(req);\n  next();\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// a middleware reaches the 401 through two helpers that read the session cookie\nfunction verifySession(sid) {\n  const session = sessions.get(sid);\n  if (!session || session.expires < Date.now()) {\n    console.warn('Authentication failed', { reason: 'unauthorized' });\n    throw new UnauthorizedError('Session expired');\n  }\n  return session;\n}\nconst currentUser = (req) => verifySession(req.cookies.sid).user;\nexport function requireUser(req, res, next) {\n  req.user = currentUser(req);\n  next();\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// a response helper called from an ownership helper the route calls\nfunction deny(res, message) {\n  res.status(403).json({ error: message });\n}\nfunction ensureOwner(req, res, doc) {\n  if (doc.ownerId !== req.user.id) {\n    deny(res, 'Not yours');\n    return false;\n  }\n  return true;\n}\napp.put('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  if (!ensureOwner(req, res, doc)) return;\n  res.json(await doc.update(req.body));\n});",
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
              "output": "// a response helper called from an ownership helper the route calls\nfunction deny(res, message) {\n  res.status(403).json({ error: message });\n}\nfunction ensureOwner(req, res, doc) {\n  if (doc.ownerId !== req.user.id) {\n    console.warn('Access denied', { reason: 'forbidden' });\n    deny(res, 'Not yours');\n    return false;\n  }\n  return true;\n}\napp.put('/docs/:id', async (req, res) => {\n  const doc = await Doc.get(req.params.id);\n  if (!ensureOwner(req, res, doc)) return;\n  res.json(await doc.update(req.body));\n});"
            }
          ]
        }
      ]
    },
  ],
});
