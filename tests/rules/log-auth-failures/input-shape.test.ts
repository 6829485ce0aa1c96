import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A 401/403 chosen by the shape of the input is not access control (issue 15): a parameter of the
 * wrong type (`typeof req.body._SessionToken !== 'string'`) or a body that does not parse is refused
 * whatever the name of the field, before anyone is identified (Parse Server's middleware, judged on
 * the accuracy harness). A malformed credential answered 401 stays a failed authentication, and
 * the opt-in `includeNonAccessControl` reports the rest.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (input shape)', rule, {
  valid: [
    "// Parse Server: parameters of the wrong type are refused 403 before anyone is identified\nfunction invalidRequest(req, res) {\n  res.status(403);\n  res.end('{\"error\":\"unauthorized\"}');\n}\nexport async function handleParseHeaders(req, res, next) {\n  const info = { sessionToken: req.get('X-Parse-Session-Token') };\n  if (req.body._SessionToken) {\n    if (typeof req.body._SessionToken !== 'string') {\n      return invalidRequest(req, res);\n    }\n    info.sessionToken = req.body._SessionToken;\n  }\n  if (info.sessionToken && typeof info.sessionToken !== 'string') {\n    return invalidRequest(req, res);\n  }\n  return next();\n}",
    "// Parse Server: a body that does not parse is refused 403 (input, not identity)\nfunction invalidRequest(req, res) {\n  res.status(403);\n  res.end('{\"error\":\"unauthorized\"}');\n}\nexport async function handleParseHeaders(req, res, next) {\n  if (Buffer.isBuffer(req.body)) {\n    try {\n      req.body = JSON.parse(req.body);\n    } catch {\n      return invalidRequest(req, res);\n    }\n  }\n  return next();\n}",
    "// a master key of the wrong type: Express, 403\napp.post('/batch', (req, res, next) => {\n  if (req.body._MasterKey && typeof req.body._MasterKey !== 'string') {\n    return res.status(403).json({ error: 'unauthorized' });\n  }\n  next();\n});",
    // the twin of the missing-credential case below: a token that is present (tested first) but not a string
    "app.post('/graphql', (req, res, next) => {\n  const params = req.body.connectionParams ?? {};\n  if (params.access_token) {\n    if (typeof params.access_token !== 'string') {\n      return res.status(403).json({ error: 'forbidden' });\n    }\n    req.user = authenticate(params.access_token);\n  }\n  next();\n});",
    // a value that is no credential, missing or of the wrong type: input validation
    "app.post('/graphql', (req, res, next) => {\n  const params = req.body.connectionParams ?? {};\n  if (typeof params.cursor === 'string') {\n    req.cursor = params.cursor;\n  } else {\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n});",
    "// a token sent as an object or array (qs parsing) is refused 403: the shape of the input\nrouter.get('/share', (req, res) => {\n  if (typeof req.query.token === 'object') {\n    return res.status(403).send('Bad request');\n  }\n  res.render('share');\n});",
  ],
  invalid: [
    {
      "code": "// a credential that is not there at all is refused 403: the caller presented none (Directus' graphql-ws handshake)\napp.post('/graphql', (req, res, next) => {\n  const params = req.body.connectionParams ?? {};\n  if (typeof params.access_token === 'string') {\n    req.user = authenticate(params.access_token);\n  } else {\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n});",
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
              "output": "// a credential that is not there at all is refused 403: the caller presented none (Directus' graphql-ws handshake)\napp.post('/graphql', (req, res, next) => {\n  const params = req.body.connectionParams ?? {};\n  if (typeof params.access_token === 'string') {\n    req.user = authenticate(params.access_token);\n  } else {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a malformed credential answered 401 is a failed authentication\napp.get('/me', (req, res, next) => {\n  const token = req.headers['x-api-key'];\n  if (typeof token !== 'string') {\n    return res.status(401).json({ error: 'unauthorized' });\n  }\n  next();\n});",
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
              "output": "// a malformed credential answered 401 is a failed authentication\napp.get('/me', (req, res, next) => {\n  const token = req.headers['x-api-key'];\n  if (typeof token !== 'string') {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(401).json({ error: 'unauthorized' });\n  }\n  next();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a token that fails verification in a catch stays access control\napp.get('/files', (req, res, next) => {\n  try {\n    req.user = jwt.verify(req.headers.authorization, secret);\n  } catch {\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n});",
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
              "output": "// a token that fails verification in a catch stays access control\napp.get('/files', (req, res, next) => {\n  try {\n    req.user = jwt.verify(req.headers.authorization, secret);\n  } catch {\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  next();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a present session token that is not the caller's: the typeof test sits beside a test of who\napp.post('/logout', (req, res) => {\n  if (typeof req.body.sessionToken !== 'string' || req.body.sessionToken !== req.session.token) {\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  res.json({ ok: true });\n});",
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
              "output": "// a present session token that is not the caller's: the typeof test sits beside a test of who\napp.post('/logout', (req, res) => {\n  if (typeof req.body.sessionToken !== 'string' || req.body.sessionToken !== req.session.token) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'forbidden' });\n  }\n  res.json({ ok: true });\n});"
            }
          ]
        }
      ]
    },
    // the opt-in includeNonAccessControl reports input validation too
    {
      "code": "// Parse Server: parameters of the wrong type are refused 403 before anyone is identified\nfunction invalidRequest(req, res) {\n  res.status(403);\n  res.end('{\"error\":\"unauthorized\"}');\n}\nexport async function handleParseHeaders(req, res, next) {\n  const info = { sessionToken: req.get('X-Parse-Session-Token') };\n  if (req.body._SessionToken) {\n    if (typeof req.body._SessionToken !== 'string') {\n      return invalidRequest(req, res);\n    }\n    info.sessionToken = req.body._SessionToken;\n  }\n  if (info.sessionToken && typeof info.sessionToken !== 'string') {\n    return invalidRequest(req, res);\n  }\n  return next();\n}",
      "options": [
        {
          "includeNonAccessControl": true
        }
      ],
      "errors": [
        {
          "messageId": "unlogged",
          "line": 10,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// Parse Server: parameters of the wrong type are refused 403 before anyone is identified\nfunction invalidRequest(req, res) {\n  res.status(403);\n  res.end('{\"error\":\"unauthorized\"}');\n}\nexport async function handleParseHeaders(req, res, next) {\n  const info = { sessionToken: req.get('X-Parse-Session-Token') };\n  if (req.body._SessionToken) {\n    if (typeof req.body._SessionToken !== 'string') {\n      console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return invalidRequest(req, res);\n    }\n    info.sessionToken = req.body._SessionToken;\n  }\n  if (info.sessionToken && typeof info.sessionToken !== 'string') {\n    return invalidRequest(req, res);\n  }\n  return next();\n}"
            }
          ]
        },
        {
          "messageId": "unlogged",
          "line": 15,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// Parse Server: parameters of the wrong type are refused 403 before anyone is identified\nfunction invalidRequest(req, res) {\n  res.status(403);\n  res.end('{\"error\":\"unauthorized\"}');\n}\nexport async function handleParseHeaders(req, res, next) {\n  const info = { sessionToken: req.get('X-Parse-Session-Token') };\n  if (req.body._SessionToken) {\n    if (typeof req.body._SessionToken !== 'string') {\n      return invalidRequest(req, res);\n    }\n    info.sessionToken = req.body._SessionToken;\n  }\n  if (info.sessionToken && typeof info.sessionToken !== 'string') {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return invalidRequest(req, res);\n  }\n  return next();\n}"
            }
          ]
        }
      ]
    },
  ],
});
