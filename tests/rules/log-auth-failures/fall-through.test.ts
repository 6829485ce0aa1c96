import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Shapes of issue #18 (session 31):
 * - a login that answers after the passing branch returned: `if (match) { return user; } throw new PasswordMismatchError()`,
 *   `if (user && (await bcrypt.compare(…))) { …; return res.redirect('/'); } res.render('login', { error })` — only a failed
 *   (or never made) check reaches the statement after it;
 * - a status named by the app's own constants (`ERR_UNAUTHORIZED`, `HTTP_FORBIDDEN`);
 * - a status read off the error the code built (`const error = new UnauthorizedError(…); res.status(error.statusCode)`);
 * - a failed check that rejects the promise around it (`new Promise((resolve, reject) => … if (!user) reject(new AuthError())`),
 *   also in passport's custom callback stored in a `const` and handed to `passport.authenticate` by name.
 * Valid twins: the same answers logged at warn, a failing branch that returns before the success, a passing branch that
 * does not leave, a caught error's own status.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (fall-through and status names)', rule, {
  valid: [
    "// the throw after the passing branch is logged at warn first\nexport class UserService {\n  async loginUser(email, password) {\n    const user = await this.store.findByEmail(email);\n    if (user) {\n      const match = await bcrypt.compare(password, user.passwordHash);\n      if (match) {\n        return user;\n      }\n    }\n    this.logger.warn('login failed', { email: hash(email) });\n    throw new PasswordMismatchError('The combination of email and password is invalid');\n  }\n}",
    "// the failing branch returns (and logs); what follows it is the successful login\nrouter.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) {\n    logger.warn('login failed', { ip: req.ip });\n    return res.render('login', { error: 'Invalid email or password' });\n  }\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
    "// the passing branch does not leave: the render after it runs on both outcomes, no failure path of its own\nrouter.post('/profile/password', async (req, res) => {\n  let changed = false;\n  if (await bcrypt.compare(req.body.current, req.user.passwordHash)) {\n    await req.user.setPassword(req.body.next);\n    changed = true;\n  }\n  res.render('profile', { changed });\n});",
    "// ERR_UNAUTHORIZED answered after a warn log\nimport { ERR_UNAUTHORIZED } from './constants';\nexport function signin(req, res) {\n  const user = users.find((u) => u.id === req.session.userId && u.token === req.headers['x-token']);\n  if (!user) {\n    logger.warn('signin refused', { ip: req.ip });\n    return res.status(ERR_UNAUTHORIZED).send({ msg: 'Authentication failed' });\n  }\n  res.send({ ok: true });\n}",
    "// a caught error's own status says nothing: the error handler answers what it was given\napp.use((err, req, res, next) => {\n  const error = err;\n  res.status(error.statusCode || 500).json({ message: 'Request failed' });\n});",
    "// the refused login is logged before the promise rejects\nexport class PassportWrapper {\n  authenticate(request, response, strategyName) {\n    return new Promise((resolve, reject) => {\n      const onAuthenticated = (err, user, info) => {\n        if (err) return reject(err);\n        if (!user) {\n          logger.warn('login refused', { strategy: strategyName, reason: info?.message });\n          return reject(new AuthenticationError(info.message));\n        }\n        resolve(user);\n      };\n      passport.authenticate(strategyName, { session: false }, onAuthenticated)(request, response);\n    });\n  }\n}",
    "// a reject for a failed file read is no credential check\nexport function readConfig(path) {\n  return new Promise((resolve, reject) => {\n    fs.readFile(path, 'utf8', (err, text) => {\n      if (err) return reject(new ConfigError(err.message));\n      resolve(JSON.parse(text));\n    });\n  });\n}",
    "// a callback stored in a const and handed to something other than passport says nothing of a login\nexport function load(id) {\n  return new Promise((resolve, reject) => {\n    const done = (err, user) => {\n      if (!user) return reject(new NotFoundError('no such user'));\n      resolve(user);\n    };\n    users.fetch(id, done);\n  });\n}",
  ],
  invalid: [
    {
      "code": "// a login service: the throw after the passing branch runs when the password check failed (or there was no such user)\nexport class UserService {\n  async loginUser(email, password) {\n    const user = await this.store.findByEmail(email);\n    if (user) {\n      const match = await bcrypt.compare(password, user.passwordHash);\n      if (match) {\n        await this.store.recordLogin(user.id);\n        return user;\n      }\n    }\n    throw new PasswordMismatchError('The combination of email and password is invalid');\n  }\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 12,
          "suggestions": [
            {
              "messageId": "logFailureWithIdentity",
              "data": {
                "call": "console.warn"
              },
              "output": "import { createHash } from 'node:crypto';\n// a login service: the throw after the passing branch runs when the password check failed (or there was no such user)\nexport class UserService {\n  async loginUser(email, password) {\n    const user = await this.store.findByEmail(email);\n    if (user) {\n      const match = await bcrypt.compare(password, user.passwordHash);\n      if (match) {\n        await this.store.recordLogin(user.id);\n        return user;\n      }\n    }\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) });\n    throw new PasswordMismatchError('The combination of email and password is invalid');\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// the login form is rendered again after the passing branch returned: only a failed password check reaches it\nrouter.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (user && (await bcrypt.compare(req.body.password, user.passwordHash))) {\n    req.session.userId = user.id;\n    return res.redirect('/');\n  }\n  res.render('login', { error: 'Invalid email or password' });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// the login form is rendered again after the passing branch returned: only a failed password check reaches it\nrouter.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (user && (await bcrypt.compare(req.body.password, user.passwordHash))) {\n    req.session.userId = user.id;\n    return res.redirect('/');\n  }\n  console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n  res.render('login', { error: 'Invalid email or password' });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// the status comes from the app's own constants module (ERR_UNAUTHORIZED = 401)\nimport { ERR_UNAUTHORIZED } from './constants';\nexport function signin(req, res) {\n  jwt.verify(req.body.token, secret, (err, claims) => {\n    if (err) {\n      logger.warn('token rejected', { reason: err.name, ip: req.ip });\n      return res.status(ERR_UNAUTHORIZED).send({ msg: 'Invalid token' });\n    }\n    const user = enabledUsers.find((u) => u.id === claims.id);\n    if (!user) {\n      res.status(ERR_UNAUTHORIZED).send({ msg: 'Authentication failed' });\n      return;\n    }\n    res.send({ token: sign(user) });\n  });\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 11,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// the status comes from the app's own constants module (ERR_UNAUTHORIZED = 401)\nimport { ERR_UNAUTHORIZED } from './constants';\nexport function signin(req, res) {\n  jwt.verify(req.body.token, secret, (err, claims) => {\n    if (err) {\n      logger.warn('token rejected', { reason: err.name, ip: req.ip });\n      return res.status(ERR_UNAUTHORIZED).send({ msg: 'Invalid token' });\n    }\n    const user = enabledUsers.find((u) => u.id === claims.id);\n    if (!user) {\n      console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      res.status(ERR_UNAUTHORIZED).send({ msg: 'Authentication failed' });\n      return;\n    }\n    res.send({ token: sign(user) });\n  });\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// the status is read off the error the middleware built: an Authorization header that no step accepted\nexport const requireUser = () => async (req, res, next) => {\n  if (req.user) return next();\n  if (req.header('authorization')) {\n    const error = new UnauthorizedError('You must log in.');\n    return res.status(error.statusCode).json(error);\n  }\n  return res.redirect('/login');\n};",
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
              "output": "// the status is read off the error the middleware built: an Authorization header that no step accepted\nexport const requireUser = () => async (req, res, next) => {\n  if (req.user) return next();\n  if (req.header('authorization')) {\n    const error = new UnauthorizedError('You must log in.');\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(error.statusCode).json(error);\n  }\n  return res.redirect('/login');\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "// passport's custom callback stored in a const and handed to authenticate: the refused login rejects the promise the caller awaits\nexport class PassportWrapper {\n  authenticate(request, response, strategyName) {\n    return new Promise((resolve, reject) => {\n      const onAuthenticated = (err, user, info) => {\n        if (err) {\n          reject(err);\n        } else if (!user) {\n          reject(new AuthenticationError(info.message));\n        } else {\n          resolve(user);\n        }\n      };\n      passport.authenticate(strategyName, { session: false }, onAuthenticated)(request, response);\n    });\n  }\n}",
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
              "output": "// passport's custom callback stored in a const and handed to authenticate: the refused login rejects the promise the caller awaits\nexport class PassportWrapper {\n  authenticate(request, response, strategyName) {\n    return new Promise((resolve, reject) => {\n      const onAuthenticated = (err, user, info) => {\n        if (err) {\n          reject(err);\n        } else if (!user) {\n          console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: request.method, path: request.originalUrl.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });\n          reject(new AuthenticationError(info.message));\n        } else {\n          resolve(user);\n        }\n      };\n      passport.authenticate(strategyName, { session: false }, onAuthenticated)(request, response);\n    });\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// a failed password check rejects the promise of a callback-style login service\nexport function login(email, password) {\n  return new Promise((resolve, reject) => {\n    User.findOne({ email }, (err, user) => {\n      if (err || !user) return reject(new LoginError('Invalid email or password'));\n      bcrypt.compare(password, user.passwordHash, (err2, same) => {\n        if (!same) return reject(new LoginError('Invalid email or password'));\n        resolve(user);\n      });\n    });\n  });\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logFailureWithIdentity",
              "data": {
                "call": "console.warn"
              },
              "output": "import { createHash } from 'node:crypto';\n// a failed password check rejects the promise of a callback-style login service\nexport function login(email, password) {\n  return new Promise((resolve, reject) => {\n    User.findOne({ email }, (err, user) => {\n      if (err || !user) return reject(new LoginError('Invalid email or password'));\n      bcrypt.compare(password, user.passwordHash, (err2, same) => {\n        if (!same) {\n          console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) });\n          return reject(new LoginError('Invalid email or password'));\n        }\n        resolve(user);\n      });\n    });\n  });\n}"
            }
          ]
        }
      ]
    },
  ],
});
