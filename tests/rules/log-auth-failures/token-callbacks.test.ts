import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Callback-style credential validators: the error branch of `jwt.verify(token, key, (err, payload) => …)`
 * (`if (err)`, `err != null`, the `else` of `if (!err)`) and the rejection handler of a verification's
 * promise (`verifySessionCookie(cookie).then(…).catch(…)`, `.then(ok, fail)`) are the failed token check,
 * whatever they answer with (a 500, `res.json({ success: false })`, a redirect, a socket.io `next(err)`
 * from inside the verification callback). Signing is no check, and a link token carried as data and
 * answered 400 stays a broken link.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (token callbacks)', rule, {
  valid: [
    "// the strategy logs the failed token before it fails the request\nclass TokenStrategy extends passport.Strategy {\n  authenticate(req) {\n    authenticateUserToken(req).then((user) => this.success(user)).catch((err) => {\n      log.warn('token authentication failure', { ip: req.ip, reason: err?.message });\n      this.fail(401);\n    });\n  }\n}",
    "// fail() of an object that is no passport strategy\nclass Uploader {\n  authenticate(req) {\n    if (!req.file) this.fail(400);\n  }\n}",
    "// the error branch logs before it answers\nfunction verifyToken(req, res, next) {\n  const token = req.headers['x-access-token'];\n  jwt.verify(token, config.secret, function (err, decoded) {\n    if (err) {\n      logger.warn('token rejected', { reason: err.name, path: req.path, ip: req.ip });\n      return res.status(500).send({ auth: false, message: 'Failed to authenticate token.' });\n    }\n    req.userId = decoded.id;\n    next();\n  });\n}\nmodule.exports = verifyToken;",
    "// the answer on the verified path is no rejection\napiRoutes.use((req, res, next) => {\n  const token = req.headers['x-access-token'];\n  jwt.verify(token, app.get('superSecret'), (err, decoded) => {\n    if (!err) {\n      req.decoded = decoded;\n      return next();\n    }\n    logger.warn('token rejected', { ip: req.ip });\n    return res.json({ success: false, message: 'Failed to authenticate token.' });\n  });\n});",
    "// socket.io handshake that logs the refusal\nio.use((socket, next) => {\n  const token = socket.handshake.auth.token;\n  jwt.verify(token, process.env.JWT_SECRET, (err, decoded) => {\n    if (err) {\n      console.warn('socket auth failed', socket.handshake.address, err.message);\n      return next(new Error('Authentication error'));\n    }\n    socket.user = decoded;\n    next();\n  });\n});",
    "// Firebase session cookie: the rejection handler logs before redirecting\napp.get('/profile', (req, res) => {\n  const sessionCookie = req.cookies.session || '';\n  admin\n    .auth()\n    .verifySessionCookie(sessionCookie, true)\n    .then((decodedClaims) => serveContentForUser('/profile', req, res, decodedClaims))\n    .catch((error) => {\n      logger.warn('session cookie rejected', { code: error.code, ip: req.ip });\n      res.redirect('/login');\n    });\n});",
    "// signing a token is no check: its callback's error is the server's\nrouter.post('/token', (req, res) => {\n  jwt.sign({ sub: req.user.id }, secret, { expiresIn: '1h' }, (err, token) => {\n    if (err) return res.status(500).json({ error: 'could not sign' });\n    res.json({ token });\n  });\n});",
    "// an invite link carried in the body that fails to verify, answered 400: a broken link\nrouter.post('/invites/accept', (req, res) => {\n  jwt.verify(req.body.inviteToken, process.env.INVITE_SECRET, (err, invite) => {\n    if (err) return res.status(400).json({ error: 'Invalid invite URL' });\n    acceptInvite(invite).then(() => res.status(204).end());\n  });\n});",
    "// the comparePassword callback that logs the failed attempt\nrouter.post('/login', (req, res) => {\n  User.findOne({ email: req.body.email }, (err, user) => {\n    if (err || !user) return res.status(500).json({ msg: 'Server error' });\n    user.comparePassword(req.body.password, (err, isMatch) => {\n      if (!isMatch) {\n        logger.warn('login failed', { ip: req.ip });\n        return res.status(400).json({ msg: 'Invalid credentials' });\n      }\n      res.json({ token: signToken(user) });\n    });\n  });\n});",
    "// the same strategy, its refusal logged at warn\nJwtStrategy.prototype.authenticate = function (req) {\n  var self = this;\n  var token = self._jwtFromRequest(req);\n  verifyToken(token, self._secret, function (jwtErr, payload) {\n    if (jwtErr) {\n      log.warn({ err: jwtErr }, 'jwt rejected');\n      return self.fail(jwtErr);\n    }\n    self.success(payload);\n  });\n};",
    "// passport-jwt: no token could be extracted from the request (its configured extractor): an anonymous request, quiet by default\nJwtStrategy.prototype.authenticate = function (req) {\n  var self = this;\n  var token = self._jwtFromRequest(req);\n  if (!token) {\n    return self.fail(new Error('No auth token'));\n  }\n  self.success(token);\n};",
  ],
  invalid: [
    {
      code: "// passport-jwt / @sap/xssec: the strategy's `this` kept as `self` for the verification callback\nJwtStrategy.prototype.authenticate = function (req) {\n  var self = this;\n  var token = self._jwtFromRequest(req);\n  verifyToken(token, self._secret, function (jwtErr, payload) {\n    if (jwtErr) {\n      return self.fail(jwtErr);\n    }\n    self.success(payload);\n  });\n};",
      errors: [{ messageId: 'unlogged', line: 7, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// passport-jwt / @sap/xssec: the strategy's `this` kept as `self` for the verification callback\nJwtStrategy.prototype.authenticate = function (req) {\n  var self = this;\n  var token = self._jwtFromRequest(req);\n  verifyToken(token, self._secret, function (jwtErr, payload) {\n    if (jwtErr) {\n      console.warn('Authentication failed', { reason: 'unauthorized' });\n      return self.fail(jwtErr);\n    }\n    self.success(payload);\n  });\n};" }] }],
    },
    {
      code: "// a custom passport strategy: a token that resolves to no user fails the request (passport answers 401), logged only at trace\nTokensStrategy.prototype.authenticate = function (req) {\n  authenticateUserToken(req).then((user) => {\n    this.success(user, { scope: user.permissions });\n  }).catch((err) => {\n    if (err) {\n      log.trace('token authentication failure: ' + err.stack);\n    }\n    this.fail(401);\n  });\n};",
      errors: [{ messageId: 'unlogged', line: 9, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// a custom passport strategy: a token that resolves to no user fails the request (passport answers 401), logged only at trace\nTokensStrategy.prototype.authenticate = function (req) {\n  authenticateUserToken(req).then((user) => {\n    this.success(user, { scope: user.permissions });\n  }).catch((err) => {\n    if (err) {\n      log.trace('token authentication failure: ' + err.stack);\n    }\n    console.warn('Authentication failed', { reason: 'unauthorized' });\n    this.fail(401);\n  });\n};" }] }],
    },
    {
      "code": "// the error branch of jwt.verify's callback answered with a 500: a failed token check all the same\nfunction verifyToken(req, res, next) {\n  const token = req.headers['x-access-token'];\n  jwt.verify(token, config.secret, function (err, decoded) {\n    if (err) return res.status(500).send({ auth: false, message: 'Failed to authenticate token.' });\n    req.userId = decoded.id;\n    next();\n  });\n}\nmodule.exports = verifyToken;",
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
              "output": "// the error branch of jwt.verify's callback answered with a 500: a failed token check all the same\nfunction verifyToken(req, res, next) {\n  const token = req.headers['x-access-token'];\n  jwt.verify(token, config.secret, function (err, decoded) {\n    if (err) {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(500).send({ auth: false, message: 'Failed to authenticate token.' });\n    }\n    req.userId = decoded.id;\n    next();\n  });\n}\nmodule.exports = verifyToken;"
            }
          ]
        }
      ]
    },
    {
      "code": "// a failed verification answered with a plain JSON body\napiRoutes.use((req, res, next) => {\n  const token = req.body.token || req.query.token || req.headers['x-access-token'];\n  jwt.verify(token, app.get('superSecret'), (err, decoded) => {\n    if (err) {\n      return res.json({ success: false, message: 'Failed to authenticate token.' });\n    }\n    req.decoded = decoded;\n    next();\n  });\n});",
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
              "output": "// a failed verification answered with a plain JSON body\napiRoutes.use((req, res, next) => {\n  const token = req.body.token || req.query.token || req.headers['x-access-token'];\n  jwt.verify(token, app.get('superSecret'), (err, decoded) => {\n    if (err) {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.json({ success: false, message: 'Failed to authenticate token.' });\n    }\n    req.decoded = decoded;\n    next();\n  });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// socket.io handshake: the callback's error refuses the connection\nio.use((socket, next) => {\n  const token = socket.handshake.auth.token;\n  jwt.verify(token, process.env.JWT_SECRET, (err, decoded) => {\n    if (err) return next(new Error('Authentication error'));\n    socket.user = decoded;\n    next();\n  });\n});",
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
              "output": "// socket.io handshake: the callback's error refuses the connection\nio.use((socket, next) => {\n  const token = socket.handshake.auth.token;\n  jwt.verify(token, process.env.JWT_SECRET, (err, decoded) => {\n    if (err) {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });\n      return next(new Error('Authentication error'));\n    }\n    socket.user = decoded;\n    next();\n  });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// Firebase session cookie: the rejection handler of the verification sends the caller to the login page\napp.get('/profile', (req, res) => {\n  const sessionCookie = req.cookies.session || '';\n  admin\n    .auth()\n    .verifySessionCookie(sessionCookie, true)\n    .then((decodedClaims) => serveContentForUser('/profile', req, res, decodedClaims))\n    .catch((error) => {\n      res.redirect('/login');\n    });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 9,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// Firebase session cookie: the rejection handler of the verification sends the caller to the login page\napp.get('/profile', (req, res) => {\n  const sessionCookie = req.cookies.session || '';\n  admin\n    .auth()\n    .verifySessionCookie(sessionCookie, true)\n    .then((decodedClaims) => serveContentForUser('/profile', req, res, decodedClaims))\n    .catch((error) => {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      res.redirect('/login');\n    });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a Firebase ID token from the Authorization header: the rejection callback of then() answers 400\nexport function firebaseAuth(req, res, next) {\n  const idToken = (req.headers.authorization || '').replace('Bearer ', '');\n  admin.auth().verifyIdToken(idToken).then(\n    (decoded) => {\n      req.user = decoded;\n      next();\n    },\n    () => res.status(400).json({ error: 'bad token' }),\n  );\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 9,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// a Firebase ID token from the Authorization header: the rejection callback of then() answers 400\nexport function firebaseAuth(req, res, next) {\n  const idToken = (req.headers.authorization || '').replace('Bearer ', '');\n  admin.auth().verifyIdToken(idToken).then(\n    (decoded) => {\n      req.user = decoded;\n      next();\n    },\n    () => {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(400).json({ error: 'bad token' });\n    },\n  );\n}"
            }
          ]
        }
      ]
    },
  ],
});
