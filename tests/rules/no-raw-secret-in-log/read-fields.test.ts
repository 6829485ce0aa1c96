import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();

// An object logged whole is a secret carrier when the same file reads a secret-named field off the same variable and path (issue 18).
ruleTester.run("no-raw-secret-in-log (objects the file reads secrets from)", rule, {
  valid: [
    // Verdaccio's request log (@verdaccio/middleware): both credential headers overwritten with fixed text before the request is logged
    "module.exports = function (logger) {\n  return function log(req, res, next) {\n    req.log = logger.child({ sub: 'in' });\n    const _auth = req.headers.authorization;\n    if (_auth != null) req.headers.authorization = '<Classified>';\n    if (req.get('cookie') != null) req.headers.cookie = '<Classified>';\n    req.log.info({ req: req, ip: req.ip }, \"@{ip} requested '@{req.method} @{req.url}'\");\n    next();\n  };\n};",
    // the field is deleted before the object is logged
    "async function register(user) {\n  const hash = await bcrypt.hash(user.password, 10);\n  delete user.password;\n  console.log('registering', user);\n  await db.insert({ ...user, hash });\n}",
    // the file reads only harmless fields off it
    "async function callback(req, res) {\n  const grant = req.session.grant || {};\n  logger.debug(grant.response, 'callback.oauth.resp');\n  if (grant.response.error) return res.sendStatus(400);\n}",
    // a field named like a secret but qualified (a count, an expiry)
    "function report(usage) {\n  logger.info(usage);\n  return usage.tokenCount + usage.tokenExpiresAt;\n}",
    // the secret field of another variable
    "async function login(creds, session) {\n  logger.info(session);\n  return check(creds.password);\n}",
    // the file reads the token only as an object (claims off a parsed token, @sap/cds's auth middleware): no secret text read off the error
    "async function jwtAuth(req, _, next) {\n  try {\n    await createSecurityContext(service, { req });\n  } catch (e) {\n    if (e instanceof ValidationError) {\n      if (e.token?.payload) e.token_payload = e.token.payload;\n      LOG.warn('Unauthenticated request:', e);\n      return next(401);\n    }\n  }\n}",
  ],
  invalid: [
    // only the Authorization header overwritten: the request still carries its cookies
    {
      code: "module.exports = function (logger) {\n  return function log(req, res, next) {\n    req.log = logger.child({ sub: 'in' });\n    if (req.headers.authorization != null) req.headers.authorization = '<Classified>';\n    req.log.info({ req: req, ip: req.ip }, \"@{ip} requested '@{req.method} @{req.url}'\");\n    next();\n  };\n};",
      errors: [{ messageId: "secretObject", line: 5, suggestions: [{ messageId: "dropValue", output: "module.exports = function (logger) {\n  return function log(req, res, next) {\n    req.log = logger.child({ sub: 'in' });\n    if (req.headers.authorization != null) req.headers.authorization = '<Classified>';\n    req.log.info({ ip: req.ip }, \"@{ip} requested '@{req.method} @{req.url}'\");\n    next();\n  };\n};" }, { messageId: "redactValue", output: "module.exports = function (logger) {\n  return function log(req, res, next) {\n    req.log = logger.child({ sub: 'in' });\n    if (req.headers.authorization != null) req.headers.authorization = '<Classified>';\n    req.log.info({ req: '[REDACTED]', ip: req.ip }, \"@{ip} requested '@{req.method} @{req.url}'\");\n    next();\n  };\n};" }] }],
    },
    // a token object whose raw JWT the file reads (kuzzle's refresh: request.context.token.jwt), or read as text (token.split)
    {
      code: "async function refresh(request) {\n  log.debug(JSON.stringify(request));\n  if (!request.context.token) throw error(request.context.token.jwt);\n}",
      errors: [{ messageId: "secretObject", line: 2, suggestions: [{ messageId: "redactValue", output: "async function refresh(request) {\n  log.debug(JSON.stringify('[REDACTED]'));\n  if (!request.context.token) throw error(request.context.token.jwt);\n}" }] }],
    },
    {
      code: "function check(msg) {\n  log.debug(msg);\n  return msg.token.split('.').length === 3;\n}",
      errors: [{ messageId: "secretObject", line: 2, suggestions: [{ messageId: "redactValue", output: "function check(msg) {\n  log.debug('[REDACTED]');\n  return msg.token.split('.').length === 3;\n}" }] }],
    },
    // an OAuth token response logged whole where the file reads its tokens (@uppy/companion's callback)
    {
      code: "async function callback(req, res) {\n  const grant = req.session.grant || {};\n  if (!grant.response?.access_token) {\n    logger.debug(grant.response, 'callback.oauth.resp', req.id);\n    return res.status(400).send(closePage());\n  }\n  const { access_token: accessToken, refresh_token: refreshToken } = grant.response;\n  await store(accessToken, refreshToken);\n}",
      errors: [
        { messageId: "secretObject", line: 4, suggestions: [{ messageId: "dropValue", output: "async function callback(req, res) {\n  const grant = req.session.grant || {};\n  if (!grant.response?.access_token) {\n    logger.debug('callback.oauth.resp', req.id);\n    return res.status(400).send(closePage());\n  }\n  const { access_token: accessToken, refresh_token: refreshToken } = grant.response;\n  await store(accessToken, refreshToken);\n}" }, { messageId: "redactValue", output: "async function callback(req, res) {\n  const grant = req.session.grant || {};\n  if (!grant.response?.access_token) {\n    logger.debug('[REDACTED]', 'callback.oauth.resp', req.id);\n    return res.status(400).send(closePage());\n  }\n  const { access_token: accessToken, refresh_token: refreshToken } = grant.response;\n  await store(accessToken, refreshToken);\n}" }] },
      ],
    },
    // a variable whose password the same file reads, logged through JSON.stringify
    {
      code: "async function register(user) {\n  console.log(`registering ${JSON.stringify(user)}`);\n  await db.insert({ email: user.email, hash: await bcrypt.hash(user.password, 10) });\n}",
      errors: [
        { messageId: "secretObject", line: 2, suggestions: [{ messageId: "redactValue", output: "async function register(user) {\n  console.log(`registering ${JSON.stringify('[REDACTED]')}`);\n  await db.insert({ email: user.email, hash: await bcrypt.hash(user.password, 10) });\n}" }] },
      ],
    },
  ],
});
