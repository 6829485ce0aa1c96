import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Login flows that answer a failed password, token or code check without a 401/403: a redirect to the
 * login or an auth-error page (`res.redirect('/login?error=session_expired')`), the login form
 * re-rendered with an error (`res.render('login', { error })`), also in passport's custom callback
 * (`passport.authenticate('local', (err, user, info) => { if (!user) … })`). Only on the failure branch of
 * a recognised credential check (also an app's own `validateUser(email, password)` / `verifyCredentials(…)` /
 * `User.authenticate(name, pw, cb)` whose empty result is tested): a redirect to the login page for a visitor who is not signed in, a user
 * looked up by the session (`validateUser(req.session.userId)`), the redirect after a successful login and the login page itself stay quiet.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (login answers)', rule, {
  valid: [
    "// a redirect to the login page when nobody is signed in is no failed credential check\nrouter.get('/dashboard', (req, res) => {\n  if (!req.session.userId) return res.redirect('/login');\n  res.render('dashboard');\n});",
    "// the session cookie's catch logs before redirecting\nexport function requireLogin(req, res, next) {\n  try {\n    req.user = jwt.verify(req.cookies.session, process.env.JWT_SECRET);\n    next();\n  } catch (err) {\n    logger.warn('session cookie rejected', { reason: err.name, ip: req.ip });\n    res.clearCookie('session');\n    return res.redirect('/login?error=session_expired');\n  }\n}",
    "// the bcrypt callback's failed branch logs before re-rendering the form\nrouter.post('/login', (req, res) => {\n  User.findOne({ email: req.body.email }).then((user) => {\n    if (!user) {\n      logger.warn('login for unknown account', { ip: req.ip });\n      return res.render('login', { error: 'Unknown account' });\n    }\n    bcrypt.compare(req.body.password, user.passwordHash, (err, same) => {\n      if (err) return res.status(500).render('error');\n      if (!same) {\n        logger.warn('wrong password', { userId: user.id, ip: req.ip });\n        return res.render('login', { error: 'Invalid email or password' });\n      }\n      req.session.userId = user.id;\n      res.redirect('/');\n    });\n  });\n});",
    "// the redirect after a successful check is the login itself\nrouter.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (user && (await bcrypt.compare(req.body.password, user.passwordHash))) {\n    req.session.userId = user.id;\n    logger.info('login', { userId: user.id });\n    return res.redirect('/');\n  }\n  logger.warn('login failed', { ip: req.ip });\n  res.render('login', { error: 'Invalid email or password' });\n});",
    "// a render of the login page for a GET is no rejection\nrouter.get('/login', (req, res) => {\n  res.render('login', { error: req.flash('error') });\n});",
    "// passport custom callback that logs the refused login before redirecting\nrouter.post('/login', (req, res, next) => {\n  passport.authenticate('local', (err, user, info) => {\n    if (err) return next(err);\n    if (!user) {\n      logger.warn('login failed', { reason: info?.message, ip: req.ip });\n      return res.redirect('/login?error=invalid');\n    }\n    req.logIn(user, (err) => (err ? next(err) : res.redirect('/')));\n  })(req, res, next);\n});",
    "// a user looked up by the session id is no credential check: the redirect asks for a login\nrouter.get('/account', (req, res) => {\n  User.findById(req.session.userId, (err, user) => {\n    if (!user) return res.redirect('/login');\n    res.render('account', { user });\n  });\n});",
    // an app's own credential check (validateUser / verifyCredentials / authenticate handed the password) whose empty result is tested
    "// the failed validateUser is logged before the redirect back to the form\nrouter.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await authService.validateUser(email, password);\n  if (!user) {\n    logger.warn('login failed', { ip: req.ip });\n    return res.redirect('/login?error=1');\n  }\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
    "// flash, warn log, redirect\nrouter.post('/login', async (req, res) => {\n  const user = await this.auth.verifyCredentials({ email: req.body.email, password: req.body.password });\n  if (!user) {\n    req.flash('error', 'Invalid email or password');\n    req.log.warn({ ip: req.ip }, 'login failed');\n    return res.redirect('/login');\n  }\n  req.session.userId = user.id;\n  res.redirect('/dashboard');\n});",
    "// the model's own check in a callback, logged before re-rendering\napp.post('/signin', (req, res) => {\n  User.authenticate(req.body.username, req.body.pw, (err, user) => {\n    if (err) return res.status(500).render('error');\n    if (!user) {\n      logger.warn('signin failed', { ip: req.ip });\n      return res.render('signin', { error: 'Wrong username or password' });\n    }\n    req.session.userId = user._id;\n    res.redirect('/');\n  });\n});",
    "// validateUser given only the session's user id asks whether the account still exists: the redirect asks for a login\nrouter.get('/settings', async (req, res) => {\n  const user = await authService.validateUser(req.session.userId);\n  if (!user) return res.redirect('/login');\n  res.render('settings', { user });\n});",
    "// authenticate(req) reads the request's own session: no password was checked\nrouter.get('/inbox', async (req, res) => {\n  const user = await sessions.authenticate(req);\n  if (!user) return res.redirect('/login?next=/inbox');\n  res.render('inbox', { user });\n});",
  ],
  invalid: [
    {
      "code": "// a session cookie holding a JWT: the catch of its verification sends the caller back to the login page\nexport function requireLogin(req, res, next) {\n  try {\n    req.user = jwt.verify(req.cookies.session, process.env.JWT_SECRET);\n    next();\n  } catch (err) {\n    res.clearCookie('session');\n    return res.redirect('/login?error=session_expired');\n  }\n}",
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
              "output": "// a session cookie holding a JWT: the catch of its verification sends the caller back to the login page\nexport function requireLogin(req, res, next) {\n  try {\n    req.user = jwt.verify(req.cookies.session, process.env.JWT_SECRET);\n    next();\n  } catch (err) {\n    res.clearCookie('session');\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.redirect('/login?error=session_expired');\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "// passport-style bcrypt callback in a login route: the false branch re-renders the form with an error\nrouter.post('/login', (req, res) => {\n  User.findOne({ email: req.body.email }).then((user) => {\n    if (!user) return res.render('login', { error: 'Unknown account' });\n    bcrypt.compare(req.body.password, user.passwordHash, (err, same) => {\n      if (err) return res.status(500).render('error');\n      if (!same) return res.render('login', { error: 'Invalid email or password', email: req.body.email });\n      req.session.userId = user.id;\n      res.redirect('/');\n    });\n  });\n});",
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
              "output": "// passport-style bcrypt callback in a login route: the false branch re-renders the form with an error\nrouter.post('/login', (req, res) => {\n  User.findOne({ email: req.body.email }).then((user) => {\n    if (!user) return res.render('login', { error: 'Unknown account' });\n    bcrypt.compare(req.body.password, user.passwordHash, (err, same) => {\n      if (err) return res.status(500).render('error');\n      if (!same) {\n        console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n        return res.render('login', { error: 'Invalid email or password', email: req.body.email });\n      }\n      req.session.userId = user.id;\n      res.redirect('/');\n    });\n  });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a failed verification in jwt.verify's callback redirects to an auth-error page\napp.get('/magic-login', (req, res) => {\n  jwt.verify(req.cookies.pending_login, process.env.LOGIN_SECRET, (err, claims) => {\n    if (err) return res.redirect('/auth/error?reason=expired');\n    req.session.userId = claims.sub;\n    res.redirect('/');\n  });\n});",
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
              "output": "// a failed verification in jwt.verify's callback redirects to an auth-error page\napp.get('/magic-login', (req, res) => {\n  jwt.verify(req.cookies.pending_login, process.env.LOGIN_SECRET, (err, claims) => {\n    if (err) {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.redirect('/auth/error?reason=expired');\n    }\n    req.session.userId = claims.sub;\n    res.redirect('/');\n  });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// passport custom callback: no user, redirect back to the login page\nrouter.post('/login', (req, res, next) => {\n  passport.authenticate('local', (err, user, info) => {\n    if (err) return next(err);\n    if (!user) return res.redirect('/login?error=' + encodeURIComponent(info.message));\n    req.logIn(user, (err) => (err ? next(err) : res.redirect('/')));\n  })(req, res, next);\n});",
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
              "output": "// passport custom callback: no user, redirect back to the login page\nrouter.post('/login', (req, res, next) => {\n  passport.authenticate('local', (err, user, info) => {\n    if (err) return next(err);\n    if (!user) {\n      console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.redirect('/login?error=' + encodeURIComponent(info.message));\n    }\n    req.logIn(user, (err) => (err ? next(err) : res.redirect('/')));\n  })(req, res, next);\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// passport custom callback re-rendering the form\nrouter.post('/login', (req, res, next) => {\n  passport.authenticate('local', (err, user, info) => {\n    if (err) return next(err);\n    if (!user) return res.render('login', { error: info.message });\n    req.logIn(user, () => res.redirect('/'));\n  })(req, res, next);\n});",
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
              "output": "// passport custom callback re-rendering the form\nrouter.post('/login', (req, res, next) => {\n  passport.authenticate('local', (err, user, info) => {\n    if (err) return next(err);\n    if (!user) {\n      console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.render('login', { error: info.message });\n    }\n    req.logIn(user, () => res.redirect('/'));\n  })(req, res, next);\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// the login service checks the password and answers null: the failed login redirects back to the form\nrouter.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await authService.validateUser(email, password);\n  if (!user) return res.redirect('/login?error=1');\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailureWithIdentity",
              "data": {
                "call": "console.warn"
              },
              "output": "import { createHash } from 'node:crypto';\n// the login service checks the password and answers null: the failed login redirects back to the form\nrouter.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await authService.validateUser(email, password);\n  if (!user) {\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) });\n    return res.redirect('/login?error=1');\n  }\n  req.session.userId = user.id;\n  res.redirect('/');\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// a flash message and a redirect on a failed credential check\nrouter.post('/login', async (req, res) => {\n  const user = await this.auth.verifyCredentials({ email: req.body.email, password: req.body.password });\n  if (!user) {\n    req.flash('error', 'Invalid email or password');\n    return res.redirect('/login');\n  }\n  req.session.userId = user.id;\n  res.redirect('/dashboard');\n});",
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
              "output": "// a flash message and a redirect on a failed credential check\nrouter.post('/login', async (req, res) => {\n  const user = await this.auth.verifyCredentials({ email: req.body.email, password: req.body.password });\n  if (!user) {\n    req.flash('error', 'Invalid email or password');\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.redirect('/login');\n  }\n  req.session.userId = user.id;\n  res.redirect('/dashboard');\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// the login form re-rendered after the model's own check says no\napp.post('/signin', (req, res) => {\n  User.authenticate(req.body.username, req.body.pw, (err, user) => {\n    if (err) return res.status(500).render('error');\n    if (!user) return res.render('signin', { error: 'Wrong username or password' });\n    req.session.userId = user._id;\n    res.redirect('/');\n  });\n});",
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
              "output": "// the login form re-rendered after the model's own check says no\napp.post('/signin', (req, res) => {\n  User.authenticate(req.body.username, req.body.pw, (err, user) => {\n    if (err) return res.status(500).render('error');\n    if (!user) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.render('signin', { error: 'Wrong username or password' });\n    }\n    req.session.userId = user._id;\n    res.redirect('/');\n  });\n});"
            }
          ]
        }
      ]
    },
  ],
});
