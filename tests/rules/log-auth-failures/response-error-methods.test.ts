import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A response object's own error method given the status first (Keystone's `res.apiError(403, 'invalid csrf')`) answers
 * with that status, like `res.status(403).json(…)`: a 401/403 there is a refusal. Other statuses it is given
 * (`res.apiError(500, 'database error', err)`) are not read as rejections.
 */
const ruleTester = new RuleTester();

ruleTester.run("log-auth-failures (the response's own error method given the status)", rule, {
  valid: [
    // a server error answered through the same method is no refusal
    "function signin(req, res) {\n  User.findOne({ email: req.body.email }, (err, user) => {\n    if (err) return res.apiError(500, 'database error', err);\n    res.json({ user });\n  });\n}\napp.post('/signin', signin);",
    // a refusal through it that is logged first
    "function signin(req, res) {\n  if (!keystone.security.csrf.validate(req)) {\n    logger.warn('sign-in with an invalid CSRF token', { ip: req.ip });\n    return res.apiError(403, 'invalid csrf');\n  }\n  res.json({ ok: true });\n}\napp.post('/signin', signin);",
  ],
  invalid: [
    {
      // keystone's sign-in: a bad CSRF token refused 403 with no log
      code: "function signin(req, res) {\n  if (!keystone.security.csrf.validate(req)) {\n    return res.apiError(403, 'invalid csrf');\n  }\n  res.json({ ok: true });\n}\napp.post('/signin', signin);",
      errors: [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "function signin(req, res) {\n  if (!keystone.security.csrf.validate(req)) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.apiError(403, 'invalid csrf');\n  }\n  res.json({ ok: true });\n}\napp.post('/signin', signin);"}]}],
    },
  ],
});
