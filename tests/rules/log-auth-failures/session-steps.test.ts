import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * After the strategy accepted the caller: the error `req.login(user, cb)` / `req.session.regenerate(cb)` hand
 * their callback is the session store failing (a failure of the server, not a decision about who is asking),
 * and a `catch` in passport's custom callback around code that awaits nothing catches the server's own
 * failure — the strategy's verdict came in as the callback's parameters. A 401 there refuses nobody.
 * The strategy's refusal itself (`if (err || !user)`), and a `catch` around a check the callback awaits, stay reported.
 */
const ruleTester = new RuleTester();

/** A passport custom callback of an SSO route (trimmed from a real app), with the strategy's refusal logged. */
const ssoCallback = (tail: string) => `app.get('/auth/google/callback', (req, res, next) => {
  passport.authenticate('google', async (err, user) => {
    try {
      if (err || !user) {
        logger.warn('SSO login refused', { ip: req.ip, reason: err?.message });
        return res.status(401).json({ message: 'Login failed' });
      }
      req.session.regenerate((regenerateErr) => {
        if (regenerateErr) return res.status(500).json({ message: 'Session regeneration failed' });
        req.login(user, { session: true }, async (error) => {
          if (error) return next ? next(error) : res.status(401).json(error);
          return setTokenOrCookies(res, user, true, req);
        });
      });
    } catch (error) {
${tail}
    }
  })(req, res, next);
});`;

ruleTester.run('log-auth-failures (session steps)', rule, {
  valid: [
    // req.login's error and a catch around code that awaits nothing: the server failed, nobody was refused
    ssoCallback('      return next ? next(error) : res.status(401).json(error);'),
    // the same with a callback stored in a const and logIn
    `router.post('/login', (req, res, next) => {
  const onVerdict = (err, user) => {
    try {
      if (err || !user) {
        logger.warn('login refused', { ip: req.ip });
        return res.status(401).end();
      }
      req.logIn(user, (loginErr) => {
        if (loginErr != null) return res.sendStatus(401);
        res.json({ ok: true });
      });
    } catch (e) {
      res.status(401).json({ message: 'Login failed' });
    }
  };
  passport.authenticate('local', onVerdict)(req, res, next);
});`,
    // session.save's error
    `app.post('/session/refresh', (req, res) => {
  if (!req.user) return res.sendStatus(204);
  req.session.save((saveErr) => {
    if (saveErr) return res.status(401).json({ message: 'Please log in again' });
    res.json({ user: req.user.id });
  });
});`,
  ],
  invalid: [
    {
      // the strategy's refusal itself is still the failed login
      code: `app.get('/auth/google/callback', (req, res, next) => {
  passport.authenticate('google', async (err, user) => {
    try {
      if (err || !user) return res.status(401).json({ message: 'Login failed' });
      req.login(user, (error) => {
        if (error) return res.status(500).end();
        res.redirect('/');
      });
    } catch (error) {
      next(error);
    }
  })(req, res, next);
});`,
      errors: [{ messageId: 'unlogged', line: 4, suggestions: [{"messageId": "logFailure", "output": "app.get('/auth/google/callback', (req, res, next) => {\n  passport.authenticate('google', async (err, user) => {\n    try {\n      if (err || !user) {\n        console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n        return res.status(401).json({ message: 'Login failed' });\n      }\n      req.login(user, (error) => {\n        if (error) return res.status(500).end();\n        res.redirect('/');\n      });\n    } catch (error) {\n      next(error);\n    }\n  })(req, res, next);\n});"}] }],
    },
    {
      // a catch around a check the callback awaits: what it catches may be the refusal
      code: `app.get('/auth/callback', (req, res, next) => {
  passport.authenticate('oidc', async (err, user) => {
    try {
      if (err || !user) {
        logger.warn('SSO login refused', { ip: req.ip });
        return res.status(401).end();
      }
      await tenants.assertMember(user, req.query.tenant);
      req.login(user, () => res.redirect('/'));
    } catch (e) {
      return res.status(403).json({ message: 'Forbidden' });
    }
  })(req, res, next);
});`,
      errors: [{ messageId: 'unlogged', line: 11, suggestions: [{"messageId": "logFailure", "output": "app.get('/auth/callback', (req, res, next) => {\n  passport.authenticate('oidc', async (err, user) => {\n    try {\n      if (err || !user) {\n        logger.warn('SSO login refused', { ip: req.ip });\n        return res.status(401).end();\n      }\n      await tenants.assertMember(user, req.query.tenant);\n      req.login(user, () => res.redirect('/'));\n    } catch (e) {\n      console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(403).json({ message: 'Forbidden' });\n    }\n  })(req, res, next);\n});"}] }],
    },
    {
      // the error of an ordinary callback (a membership look-up) is no session step
      code: `app.get('/teams/:id', (req, res) => {
  teams.checkMember(req.user, req.params.id, (error) => {
    if (error) return res.status(403).json({ message: 'Forbidden' });
    res.json({ ok: true });
  });
});`,
      errors: [{ messageId: 'unlogged', line: 3, suggestions: [{"messageId": "logFailure", "output": "app.get('/teams/:id', (req, res) => {\n  teams.checkMember(req.user, req.params.id, (error) => {\n    if (error) {\n      console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(403).json({ message: 'Forbidden' });\n    }\n    res.json({ ok: true });\n  });\n});"}] }],
    },
  ],
});
