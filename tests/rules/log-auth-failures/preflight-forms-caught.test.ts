import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Six general rules about what a reviewer does not count as an unlogged failed attempt (round 9 of the
 * accuracy harness), each with the nearby shape that stays reported:
 * - the answer to a CORS preflight (`if (req.method === 'OPTIONS')`) stops the browser, not a caller;
 * - a sign-in form that lacks its login name or password presented nothing to check (`!req.body.email`);
 * - a 401/403 whose own text describes the input's shape (`fields must be undefined, a string, or an array`);
 * - a 5xx answered where a password check failed to run (`else if (err) res.status(500)`) is the server's failure;
 * - a 403 chosen by how the request travels (`!req.secure`: an HTTPS-only policy) refuses no caller;
 * - a rejection thrown inside a `try` whose `catch` in the same function answers a rejection of its own is one
 *   refusal: the catch's answer is reported, not the throw as well.
 */
const ruleTester = new RuleTester();

ruleTester.run("log-auth-failures (preflight, sign-in forms, input text, caught throws)", rule, {
  valid: [
    // mockoon's admin API: a preflight from an origin outside the allow-list answered 403
    "app.use((req, res, next) => {\n  const requestOrigin = req.headers.origin;\n  const matchedOrigin = requestOrigin && allowedOrigins.includes(requestOrigin) ? requestOrigin : undefined;\n  if (matchedOrigin) res.setHeader('Access-Control-Allow-Origin', matchedOrigin);\n  if (req.method === 'OPTIONS') {\n    res.status(matchedOrigin ? 204 : 403).end();\n    return;\n  }\n  next();\n});",
    // a switch on the method: the OPTIONS case answers the preflight
    "app.use((req, res, next) => {\n  switch (req.method) {\n    case 'OPTIONS':\n      if (!allowed.includes(req.headers.origin)) return res.sendStatus(403);\n      return res.sendStatus(204);\n    default:\n      next();\n  }\n});",
    // keystone's sign-in: the form lacks its login name or password (the wrong password is logged)
    "app.post('/signin', (req, res) => {\n  if (!req.body.email || !req.body.password) {\n    return res.status(401).json({ error: 'email and password required' });\n  }\n  authenticate(req.body.email, req.body.password).then((user) => {\n    if (!user) {\n      logger.warn('failed sign-in');\n      return res.status(401).end();\n    }\n    res.json(user);\n  });\n});",
    // keystone's item API: a malformed query parameter answered 401
    "app.get('/api/items/:id', function (req, res) {\n  let fields = req.query.fields;\n  if (typeof fields === 'string') fields = fields.split(',');\n  if (fields && !Array.isArray(fields)) {\n    return res.status(401).json({ error: 'fields must be undefined, a string, or an array' });\n  }\n  res.json(load(req.params.id, fields));\n});",
    // supertokens: a throw inside the outer try is answered by its catch, which logs the refusal
    "app.get('/session', async (req, res) => {\n  try {\n    let payload;\n    try {\n      payload = (await jose.jwtVerify(req.headers.authorization, jwks)).payload;\n    } catch (error) {\n      payload = undefined;\n    }\n    if (payload === undefined) {\n      throw new jose.errors.JWSSignatureVerificationFailed();\n    }\n    res.json({ userId: payload.sub });\n  } catch (err) {\n    logger.warn('access token validation failed', { err });\n    res.status(401).json({ message: 'try refresh token' });\n  }\n});",
    // parse-dashboard: remote plain-HTTP requests refused 403 (transport policy)
    "function enforceRemoteAccessRestrictions(req, res, next) {\n  if (!options.dev && !isLocalRequest(req)) {\n    if (!req.secure && !options.allowInsecureHTTP) {\n      return res.status(403).json({ error: 'Parse Dashboard can only be remotely accessed via HTTPS' });\n    }\n  }\n  next();\n}\napp.use(enforceRemoteAccessRestrictions);",
  ],
  invalid: [
    {
      // the same origin check outside a preflight branch refuses the request itself
      code: "app.use((req, res, next) => {\n  if (!allowedOrigins.includes(req.headers.origin)) {\n    return res.status(403).end();\n  }\n  next();\n});",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.use((req, res, next) => {\n  if (!allowedOrigins.includes(req.headers.origin)) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).end();\n  }\n  next();\n});"}]}],
    },
    {
      // the wrong password of the same sign-in form stays reported
      code: "app.post('/signin', (req, res) => {\n  if (!req.body.email || !req.body.password) {\n    return res.status(401).json({ error: 'email and password required' });\n  }\n  authenticate(req.body.email, req.body.password).then((user) => {\n    if (!user) return res.status(401).json({ error: 'invalid details' });\n    res.json(user);\n  });\n});",
      errors: [{"messageId": "unlogged", "line": 6, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.post('/signin', (req, res) => {\n  if (!req.body.email || !req.body.password) {\n    return res.status(401).json({ error: 'email and password required' });\n  }\n  authenticate(req.body.email, req.body.password).then((user) => {\n    if (!user) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(401).json({ error: 'invalid details' });\n    }\n    res.json(user);\n  });\n});"}]}],
    },
    {
      // an e-mail read from the signed-in identity is not a form field: refusing a user without one is a decision about them
      code: "app.post('/export', (req, res) => {\n  if (!req.user.email) {\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  res.json(exportFor(req.user));\n});",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.post('/export', (req, res) => {\n  if (!req.user.email) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  res.json(exportFor(req.user));\n});"}]}],
    },
    {
      // a 401 whose text names the caller stays access control, whatever else it says
      code: "app.get('/api/items/:id', function (req, res) {\n  if (!req.user.roles.includes('editor')) {\n    return res.status(403).json({ error: 'you must be an editor' });\n  }\n  res.json(load(req.params.id));\n});",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.get('/api/items/:id', function (req, res) {\n  if (!req.user.roles.includes('editor')) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'you must be an editor' });\n  }\n  res.json(load(req.params.id));\n});"}]}],
    },
    {
      // supertokens: the throw inside the outer try is answered by the catch; only the catch's refusal is reported
      code: "app.get('/session', async (req, res) => {\n  try {\n    let payload;\n    try {\n      payload = (await jose.jwtVerify(req.headers.authorization, jwks)).payload;\n    } catch (error) {\n      payload = undefined;\n    }\n    if (payload === undefined) {\n      throw new jose.errors.JWSSignatureVerificationFailed();\n    }\n    res.json({ userId: payload.sub });\n  } catch (err) {\n    logDebugMessage('access token validation failed - ' + err.message);\n    res.status(401).json({ message: 'try refresh token' });\n  }\n});",
      errors: [{"messageId": "unlogged", "line": 15, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.get('/session', async (req, res) => {\n  try {\n    let payload;\n    try {\n      payload = (await jose.jwtVerify(req.headers.authorization, jwks)).payload;\n    } catch (error) {\n      payload = undefined;\n    }\n    if (payload === undefined) {\n      throw new jose.errors.JWSSignatureVerificationFailed();\n    }\n    res.json({ userId: payload.sub });\n  } catch (err) {\n    logDebugMessage('access token validation failed - ' + err.message);\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    res.status(401).json({ message: 'try refresh token' });\n  }\n});"}]}],
    },
    {
      // a throw whose catch hands the error on (no answer of its own) stays the site
      code: "app.get('/admin', async (req, res, next) => {\n  try {\n    const payload = await jwt.verify(req.headers.authorization, secret);\n    if (!payload.admin) throw new ForbiddenError('admins only');\n    res.json(payload);\n  } catch (err) {\n    next(err);\n  }\n});",
      errors: [{"messageId": "unlogged", "line": 4, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.get('/admin', async (req, res, next) => {\n  try {\n    const payload = await jwt.verify(req.headers.authorization, secret);\n    if (!payload.admin) {\n      console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      throw new ForbiddenError('admins only');\n    }\n    res.json(payload);\n  } catch (err) {\n    next(err);\n  }\n});"}]}],
    },
    {
      // keystone's sign-in: the compare error answered 500 is the server's failure; the wrong password (401) stays reported
      code: "app.post('/signin', (req, res) => {\n  User.findOne({ email: req.body.email }, (err, user) => {\n    if (!user) {\n      logger.warn('sign-in for an unknown e-mail');\n      return res.status(401).json({ error: 'invalid details' });\n    }\n    bcrypt.compare(req.body.password, user.password, (err, isMatch) => {\n      if (isMatch) {\n        return res.json({ success: true });\n      } else if (err) {\n        return res.status(500).json({ error: 'bcrypt error', detail: err });\n      } else {\n        return res.status(401).json({ error: 'invalid details' });\n      }\n    });\n  });\n});",
      errors: [{"messageId": "unlogged", "line": 13, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.post('/signin', (req, res) => {\n  User.findOne({ email: req.body.email }, (err, user) => {\n    if (!user) {\n      logger.warn('sign-in for an unknown e-mail');\n      return res.status(401).json({ error: 'invalid details' });\n    }\n    bcrypt.compare(req.body.password, user.password, (err, isMatch) => {\n      if (isMatch) {\n        return res.json({ success: true });\n      } else if (err) {\n        return res.status(500).json({ error: 'bcrypt error', detail: err });\n      } else {\n        console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n        return res.status(401).json({ error: 'invalid details' });\n      }\n    });\n  });\n});"}]}],
    },
    {
      // a role tested beside the transport stays access control
      code: "function adminOnly(req, res, next) {\n  if (!req.secure || !req.user.isAdmin) {\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n}\napp.use(adminOnly);",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "function adminOnly(req, res, next) {\n  if (!req.secure || !req.user.isAdmin) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n}\napp.use(adminOnly);"}]}],
    },
    {
      // a catch that rethrows the caught refusal on some path lets the thrown one through: both stay sites
      code: "app.post('/login', async (req, res) => {\n  try {\n    const user = await findUser(req.body.username);\n    if (!(await bcrypt.compare(req.body.password, user.hash))) {\n      throw new UnauthorizedError('Invalid credentials');\n    }\n    res.json(user);\n  } catch (e) {\n    if (e instanceof UnauthorizedError) throw e;\n    throw new UnauthorizedError('login failed');\n  }\n});",
      errors: [{"messageId": "unlogged", "line": 5, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.post('/login', async (req, res) => {\n  try {\n    const user = await findUser(req.body.username);\n    if (!(await bcrypt.compare(req.body.password, user.hash))) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      throw new UnauthorizedError('Invalid credentials');\n    }\n    res.json(user);\n  } catch (e) {\n    if (e instanceof UnauthorizedError) throw e;\n    throw new UnauthorizedError('login failed');\n  }\n});"}]}, {"messageId": "unlogged", "line": 10, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.post('/login', async (req, res) => {\n  try {\n    const user = await findUser(req.body.username);\n    if (!(await bcrypt.compare(req.body.password, user.hash))) {\n      throw new UnauthorizedError('Invalid credentials');\n    }\n    res.json(user);\n  } catch (e) {\n    if (e instanceof UnauthorizedError) throw e;\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    throw new UnauthorizedError('login failed');\n  }\n});"}]}],
    },
  ],
});
