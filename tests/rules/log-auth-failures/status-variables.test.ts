import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A 401/403 held in a variable before it reaches the response: a status chosen into a `const`
 * (`const status = session ? 403 : 401; res.status(status)`), a status variable set on the refusing
 * branch (`let code = 200; if (!user.isAdmin) code = 403; … res.status(code)`, reported at the
 * assignment: the response cannot tell which path set it), and a same-file helper whose status
 * parameter has a default (`function deny(res, msg, code = 403) { return res.status(code).json(…) }`,
 * reported at each call that leaves the default), and a variable declared with the rejection that
 * assignments clear on some paths (`let status = 401; if (await ApiKey.exists(key)) status = 200;`,
 * reported at the response, satisfied on the paths through a clearing assignment or a log; the
 * clearing condition read the other way decides whether it is access control). A variable that may hold an unknown status
 * (`err.status`) is not known to be a rejection.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (status variables)', rule, {
  valid: [
    "// the middleware logs before answering with the chosen status\nexport function requireAuth(req, res, next) {\n  const header = req.headers.authorization;\n  const session = header && sessions.get(header.slice(7));\n  if (!session || session.expiresAt < Date.now()) {\n    const status = session ? 403 : 401;\n    logger.warn('session rejected', { status, path: req.path, ip: req.ip });\n    return res.status(status).json({ error: 'Not allowed' });\n  }\n  req.user = session.user;\n  next();\n}",
    "// the branch that sets 403 logs it\napp.get('/admin/stats', (req, res) => {\n  let code = 200;\n  let body = stats();\n  if (!req.user?.isAdmin) {\n    logger.warn('non-admin asked for stats', { user: req.user?.id });\n    code = 403;\n    body = { error: 'forbidden' };\n  }\n  res.status(code).json(body);\n});",
    "// the 403 is chosen by a setting, not by who asks\nrouter.post('/signup', async (req, res) => {\n  const status = settings.signupEnabled ? 201 : 403;\n  if (status === 201) await User.create(req.body);\n  res.status(status).end();\n});",
    "// the helper's default is 403, but this call answers 404\nfunction deny(res, message, code = 403) {\n  return res.status(code).json({ error: message });\n}\nrouter.get('/projects/:id', async (req, res) => {\n  const project = await Project.get(req.params.id);\n  if (!project) return deny(res, 'No such project', 404);\n  res.json(project);\n});",
    "// the helper that answers with the defaulted status logs first\nfunction deny(req, res, message, code = 403) {\n  req.log.warn({ path: req.path, code }, message);\n  return res.status(code).json({ error: message });\n}\nrouter.post('/projects/:id/members', async (req, res) => {\n  const project = await Project.get(req.params.id);\n  if (project.ownerId !== req.user.id) return deny(req, res, 'Only the owner can add members');\n  res.status(201).end();\n});",
    "// a status variable that holds an error's own status is not known to be a rejection\napp.use('/api', async (req, res, next) => {\n  try {\n    await next();\n  } catch (err) {\n    let status = err.status;\n    if (!status) status = 500;\n    res.status(status).json({ error: 'failed' });\n  }\n});",
    "// statuses that never refuse anyone\nrouter.put('/drafts/:id', async (req, res) => {\n  const created = !(await Draft.exists(req.params.id));\n  const status = created ? 201 : 200;\n  res.status(status).json(await Draft.save(req.params.id, req.body));\n});",
    "// the path where the 401 survives logs it\napp.get('/api/export', async (req, res) => {\n  let status = 401;\n  let body = { error: 'invalid api key' };\n  if (await ApiKey.exists(req.headers['x-api-key'])) {\n    status = 200;\n    body = await exportAll();\n  } else {\n    logger.warn('export refused: unknown api key', { ip: req.ip });\n  }\n  res.status(status).json(body);\n});",
    "// the admin check's else branch logs the 403 it leaves in place\nrouter.post('/admin/reindex', async (req, res) => {\n  let code = 403;\n  if (req.user?.roles.includes('admin')) {\n    await search.reindex();\n    code = 202;\n  } else {\n    req.log.warn({ user: req.user?.id }, 'reindex refused');\n  }\n  res.sendStatus(code);\n});",
    "// a 403 default cleared by a feature switch is a product answer, not access control\nrouter.get('/export', async (req, res) => {\n  let code = 403;\n  if (settings.exportsEnabled) code = 200;\n  res.sendStatus(code);\n});",
    "// every path replaces the 403 default: it never reaches the response\nrouter.get('/items/:id', async (req, res) => {\n  let code = 403;\n  if (await Item.exists(req.params.id)) code = 200;\n  else code = 404;\n  res.sendStatus(code);\n});",
    "// the login proxy logs the plain 401 too: every path where a rejection survives logs\nrouter.post('/auth/login', async (req, res) => {\n  const result = await identity.login(req.body.idToken);\n  if (result.success) return res.json(result.user);\n  let status = 401;\n  if (result.code === 'AUTH_UNAVAILABLE') {\n    status = 503;\n  } else if (result.code === 'DOMAIN_NOT_ALLOWED') {\n    logger.warn('login refused for domain', { code: result.code, ip: req.ip });\n    status = 403;\n  } else {\n    logger.warn('login failed', { code: result.code, ip: req.ip });\n  }\n  res.status(status).json({ error: result.error, code: result.code });\n});",
  ],
  invalid: [
    {
      "code": "// a session middleware picks 401 or 403 into a variable: either way the caller is refused\nexport function requireAuth(req, res, next) {\n  const header = req.headers.authorization;\n  const session = header && sessions.get(header.slice(7));\n  if (!session || session.expiresAt < Date.now()) {\n    const status = session ? 403 : 401;\n    return res.status(status).json({ error: 'Not allowed' });\n  }\n  req.user = session.user;\n  next();\n}",
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
              "output": "// a session middleware picks 401 or 403 into a variable: either way the caller is refused\nexport function requireAuth(req, res, next) {\n  const header = req.headers.authorization;\n  const session = header && sessions.get(header.slice(7));\n  if (!session || session.expiresAt < Date.now()) {\n    const status = session ? 403 : 401;\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(status).json({ error: 'Not allowed' });\n  }\n  req.user = session.user;\n  next();\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// a status computed once from the lookup and the owner: the 403 branch is access control\nrouter.get('/invoices/:id', async (req, res) => {\n  const invoice = await Invoice.findById(req.params.id);\n  const status = !invoice ? 404 : invoice.ownerId !== req.user.id ? 403 : 200;\n  res.status(status).json(status === 200 ? invoice : { error: 'unavailable' });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5
        }
      ]
    },
    {
      "code": "// a status variable set to 403 on the branch that refuses a non-admin\napp.get('/admin/stats', (req, res) => {\n  let code = 200;\n  let body = stats();\n  if (!req.user?.isAdmin) {\n    code = 403;\n    body = { error: 'forbidden' };\n  }\n  res.status(code).json(body);\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// a status variable set to 403 on the branch that refuses a non-admin\napp.get('/admin/stats', (req, res) => {\n  let code = 200;\n  let body = stats();\n  if (!req.user?.isAdmin) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    code = 403;\n    body = { error: 'forbidden' };\n  }\n  res.status(code).json(body);\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a same-file helper whose status parameter defaults to 403\nfunction deny(res, message, code = 403) {\n  return res.status(code).json({ error: message });\n}\nrouter.post('/projects/:id/members', async (req, res) => {\n  const project = await Project.get(req.params.id);\n  if (project.ownerId !== req.user.id) return deny(res, 'Only the owner can add members');\n  await project.addMember(req.body.userId);\n  res.status(201).end();\n});",
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
              "output": "// a same-file helper whose status parameter defaults to 403\nfunction deny(res, message, code = 403) {\n  return res.status(code).json({ error: message });\n}\nrouter.post('/projects/:id/members', async (req, res) => {\n  const project = await Project.get(req.params.id);\n  if (project.ownerId !== req.user.id) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return deny(res, 'Only the owner can add members');\n  }\n  await project.addMember(req.body.userId);\n  res.status(201).end();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// Koa: the status chosen into a variable and set on the context\nrouter.get('/reports/:id', async (ctx) => {\n  if (!ctx.state.user || !ctx.state.user.roles.includes('auditor')) {\n    const status = ctx.state.user ? 403 : 401;\n    ctx.status = status;\n    ctx.body = { error: 'auditors only' };\n    return;\n  }\n  ctx.body = await Report.get(ctx.params.id);\n});",
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
              "output": "// Koa: the status chosen into a variable and set on the context\nrouter.get('/reports/:id', async (ctx) => {\n  if (!ctx.state.user || !ctx.state.user.roles.includes('auditor')) {\n    const status = ctx.state.user ? 403 : 401;\n    console.warn('Access denied', { reason: 'forbidden', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });\n    ctx.status = status;\n    ctx.body = { error: 'auditors only' };\n    return;\n  }\n  ctx.body = await Report.get(ctx.params.id);\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// the status starts as 401 and only a known API key turns it into 200: the 401 survives on the other path\napp.get('/api/export', async (req, res) => {\n  let status = 401;\n  let body = { error: 'invalid api key' };\n  if (await ApiKey.exists(req.headers['x-api-key'])) {\n    status = 200;\n    body = await exportAll();\n  }\n  res.status(status).json(body);\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 9
        }
      ]
    },
    {
      "code": "// a 403 default that an admin check clears\nrouter.post('/admin/reindex', async (req, res) => {\n  let code = 403;\n  if (req.user?.roles.includes('admin')) {\n    await search.reindex();\n    code = 202;\n  }\n  res.sendStatus(code);\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 8
        }
      ]
    },
    {
      "code": "// a login proxy: 401 unless the identity service was down (503) or refused the domain (403, logged on its own path)\nrouter.post('/auth/login', async (req, res) => {\n  const result = await identity.login(req.body.idToken);\n  if (result.success) return res.json(result.user);\n  let status = 401;\n  if (result.code === 'AUTH_UNAVAILABLE') {\n    status = 503;\n  } else if (result.code === 'DOMAIN_NOT_ALLOWED') {\n    logger.warn('login refused for domain', { code: result.code, ip: req.ip });\n    status = 403;\n  }\n  res.status(status).json({ error: result.error, code: result.code });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 12
        }
      ]
    },
  ],
});
