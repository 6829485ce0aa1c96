import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Two general rules about what a reviewer does not count as an unlogged failed attempt (session 38), each with
 * the nearby shape that stays reported:
 * - a CAPTCHA check (reCAPTCHA, hCaptcha, Turnstile, an app's image CAPTCHA) asks whether a human is there, not who
 *   is asking: a 401/403 in a function named for one and for nothing of signing in is a bot challenge (bot-challenges.ts);
 * - a `let` named for a credential that the code fills in only from the request (body, query, a header, a look-up
 *   in one, pieces of those) is absent exactly when the request carried none: refusing it refuses an anonymous
 *   request (anonymous-callers.ts), reported only with `includeAnonymous`.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (CAPTCHA checks, credentials gathered from the request)', rule, {
  valid: [
    // waline: a CAPTCHA check (reCAPTCHA / Turnstile) answers a missing or failed token with 403: is a human there, not who
    "class BaseLogic {\n  async useRecaptchaOrTurnstileCheck(req, res, { secret, api }) {\n    if (!secret) return;\n    const token = req.body.token;\n    if (!token) return res.status(403).end();\n    const response = await fetch(`${api}?secret=${secret}&response=${token}`).then((r) => r.json());\n    if (!response.success) {\n      debug('RecaptchaV3 or Turnstile Result: %o', response);\n      return res.status(403).end();\n    }\n  }\n}",
    // meshcentral: the CrowdSec CAPTCHA wall page answered 401 to an IP until it solves the puzzle
    "async function applyCaptchaEx(ip, req, res, next) {\n  if (captchas[ip] && captchas[ip].resolved) {\n    next();\n    return;\n  }\n  if (req.body && req.body.phrase === captchas[ip].text) {\n    captchas[ip].resolved = true;\n    res.redirect(req.originalUrl);\n    return;\n  }\n  const captchaWallTemplate = await renderCaptchaWall({ image: captchas[ip].data });\n  res.status(401);\n  res.send(captchaWallTemplate);\n}",
    // redis-commander: a `let token` filled in from the body, the query or the Authorization header, and nothing there: an anonymous request
    "function verifyAuthorizationToken(req, res, next) {\n  let token;\n  if (req.body && req.body.redisCommanderQueryToken) {\n    token = req.body.redisCommanderQueryToken;\n  } else if (req.query.redisCommanderQueryToken) {\n    token = req.query.redisCommanderQueryToken;\n  } else {\n    let authorization = `${req.get(req.app.locals.httpAuthHeaderName) || ''}`.split(/\\s+/);\n    if (/^Bearer$/i.test(authorization[0])) {\n      token = `${authorization[1] || ''}`;\n    }\n  }\n  if (!token) {\n    return res.status(401).end('Unauthorized - Missing Token');\n  }\n  return jwtVerify(secret, token).then((ok) => (ok ? next() : res.redirect('/signin')));\n}\napp.use(verifyAuthorizationToken);",
    // express-gateway: a `let apikey` looked up in the headers (scheme stripped, a wrong scheme cleared) or the query: no key presented
    "app.use((req, res, next) => {\n  let apikey = lookup(req.headers, options.apiKeyHeader);\n  if (apikey) {\n    const parts = apikey.split(' ');\n    apikey = parts[parts.length - 1];\n    if (parts[0].toLowerCase() !== 'apikey') apikey = undefined;\n  }\n  if (!apikey) apikey = lookup(req.query, options.apiKeyField);\n  if (!apikey) {\n    return res.status(401).json({ error: 'Missing API Key' });\n  }\n  next();\n});",
  ],
  invalid: [
    {
      // a function named for the CAPTCHA and the sign-in also checks the password: both refusals stay reported
      code: "async function verifyCaptchaAndLogin(req, res) {\n  const token = req.body['cf-turnstile-response'];\n  if (!token) return res.status(403).json({ error: 'captcha required' });\n  const user = await users.findByEmail(req.body.email);\n  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'invalid credentials' });\n  res.json({ token: sign(user) });\n}\napp.post('/login', verifyCaptchaAndLogin);",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "async function verifyCaptchaAndLogin(req, res) {\n  const token = req.body['cf-turnstile-response'];\n  if (!token) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'captcha required' });\n  }\n  const user = await users.findByEmail(req.body.email);\n  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'invalid credentials' });\n  res.json({ token: sign(user) });\n}\napp.post('/login', verifyCaptchaAndLogin);"}]}, {"messageId": "unlogged", "line": 5, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "async function verifyCaptchaAndLogin(req, res) {\n  const token = req.body['cf-turnstile-response'];\n  if (!token) return res.status(403).json({ error: 'captcha required' });\n  const user = await users.findByEmail(req.body.email);\n  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(401).json({ error: 'invalid credentials' });\n  }\n  res.json({ token: sign(user) });\n}\napp.post('/login', verifyCaptchaAndLogin);"}]}],
    },
    {
      // the same token test in a function not named for a CAPTCHA: the token is the caller's
      code: "async function checkAccess(req, res, next) {\n  const token = req.body['cf-turnstile-response'];\n  if (!token) return res.status(403).json({ error: 'forbidden' });\n  next();\n}\napp.use(checkAccess);",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "async function checkAccess(req, res, next) {\n  const token = req.body['cf-turnstile-response'];\n  if (!token) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n}\napp.use(checkAccess);"}]}],
    },
    {
      // a `let token` one path fills in from an awaited look-up: absent also when the look-up found nothing
      code: "app.use(async (req, res, next) => {\n  let token;\n  if (req.query.accessToken) {\n    token = req.query.accessToken;\n  } else {\n    token = await sessions.tokenFor(req.cookies.sid);\n  }\n  if (!token) {\n    return res.status(401).end('Unauthorized');\n  }\n  next();\n});",
      errors: [{"messageId": "unlogged", "line": 9, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.use(async (req, res, next) => {\n  let token;\n  if (req.query.accessToken) {\n    token = req.query.accessToken;\n  } else {\n    token = await sessions.tokenFor(req.cookies.sid);\n  }\n  if (!token) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(401).end('Unauthorized');\n  }\n  next();\n});"}]}],
    },
    {
      // a `let token` overwritten by a verification: its absence is a failed check
      code: "app.use((req, res, next) => {\n  let token = req.headers.authorization;\n  token = verifyToken(token);\n  if (!token) {\n    return res.status(401).end('Unauthorized');\n  }\n  next();\n});",
      errors: [{"messageId": "unlogged", "line": 5, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.use((req, res, next) => {\n  let token = req.headers.authorization;\n  token = verifyToken(token);\n  if (!token) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(401).end('Unauthorized');\n  }\n  next();\n});"}]}],
    },
    {
      // redis-commander: the presented token that fails to verify stays reported
      code: "function verifyAuthorizationToken(req, res, next) {\n  let token;\n  if (req.body && req.body.redisCommanderQueryToken) {\n    token = req.body.redisCommanderQueryToken;\n  } else if (req.query.redisCommanderQueryToken) {\n    token = req.query.redisCommanderQueryToken;\n  } else {\n    let authorization = `${req.get(req.app.locals.httpAuthHeaderName) || ''}`.split(/\\s+/);\n    if (/^Bearer$/i.test(authorization[0])) {\n      token = `${authorization[1] || ''}`;\n    }\n  }\n  if (!token) {\n    return res.status(401).end('Unauthorized - Missing Token');\n  }\n  return jwtVerify(secret, token).then((ok) => (ok ? next() : res.status(401).end('Unauthorized - Token invalid')));\n}\napp.use(verifyAuthorizationToken);",
      errors: [{"messageId": "unlogged", "line": 16, "suggestions": []}],
    },
  ],
});
