import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// A value logged only where the code found it equal to a value the server already holds (a configured account
// name, a stored record's field) — by `===`, by an equality helper (`comparePasswords(a, b)`, `safeCompare`), or
// through a flag set to `true` only where such a check held — carries no text the server did not have.
// redis-commander's sign-in (lib/app.js), trimmed:
const signin = (flagWrite: string, logged: string) =>
  "app.post('/signin', function (req, res) {\n  let validUser = false;\n  let validPass = false;\n  if (comparePasswords(String(req.body.username), String(config.get('server.httpAuth.username')))) {\n    " + flagWrite + "\n  }\n  validPass = bcrypt.compareSync(String(req.body.password), String(config.get('server.httpAuth.passwordHash')));\n  if (validUser && validPass) {\n    console.log('Login success for user ' + " + logged + " + ' from remote ip ' + req.ip);\n  }\n  res.json(validUser && validPass);\n});";
const admin = (other: string) => "router.post('/grant', (req, res) => {\n  if (req.body.name === " + other + ") {\n    console.warn('granting admin to ' + req.body.name);\n  }\n  res.end();\n});";

ruleTester.run('no-log-injection (server-held equality)', rule, {
  valid: [
    // the name equals the configured account name: the success line is logged only then
    signin('validUser = true;', 'String(req.body.username)'),
    // equal to a setting
    admin('settings.adminName'),
  ],
  invalid: [
  // the flag is also set where the name was not checked
    {
      code: signin('validUser = true;\n  } else if (req.body.remember) {\n    validUser = true;', 'String(req.body.username)'),
      errors: [{"messageId": "injection", "line": 11, "suggestions": [{"messageId": "useFields", "output": "app.post('/signin', function (req, res) {\n  let validUser = false;\n  let validPass = false;\n  if (comparePasswords(String(req.body.username), String(config.get('server.httpAuth.username')))) {\n    validUser = true;\n  } else if (req.body.remember) {\n    validUser = true;\n  }\n  validPass = bcrypt.compareSync(String(req.body.password), String(config.get('server.httpAuth.passwordHash')));\n  if (validUser && validPass) {\n    console.log(`Login success for user from remote ip ${req.ip}`, { username: String(req.body.username) });\n  }\n  res.json(validUser && validPass);\n});"}]}],
      output: "app.post('/signin', function (req, res) {\n  let validUser = false;\n  let validPass = false;\n  if (comparePasswords(String(req.body.username), String(config.get('server.httpAuth.username')))) {\n    validUser = true;\n  } else if (req.body.remember) {\n    validUser = true;\n  }\n  validPass = bcrypt.compareSync(String(req.body.password), String(config.get('server.httpAuth.passwordHash')));\n  if (validUser && validPass) {\n    console.log(`Login success for user from remote ip ${req.ip}`, { username: String(req.body.username) });\n  }\n  res.json(validUser && validPass);\n});",
    },
  // compared with another request value: the client chose both
    {
      code: admin('req.query.expected'),
      errors: [{"messageId": "injection", "line": 3, "suggestions": [{"messageId": "useFields", "output": "router.post('/grant', (req, res) => {\n  if (req.body.name === req.query.expected) {\n    console.warn('granting admin to', { name: req.body.name });\n  }\n  res.end();\n});"}]}],
      output: "router.post('/grant', (req, res) => {\n  if (req.body.name === req.query.expected) {\n    console.warn('granting admin to', { name: req.body.name });\n  }\n  res.end();\n});",
    },
  // the login-failure branch logs an unchecked name
    {
      code: "app.post('/signin', function (req, res) {\n  if (safeCompare(req.body.username, config.user)) {\n    return res.json(true);\n  }\n  console.log('Login failed for user ' + req.body.username);\n  res.json(false);\n});",
      errors: [{"messageId": "injection", "line": 5, "suggestions": [{"messageId": "useFields", "output": "app.post('/signin', function (req, res) {\n  if (safeCompare(req.body.username, config.user)) {\n    return res.json(true);\n  }\n  console.log('Login failed for user', { username: req.body.username });\n  res.json(false);\n});"}]}],
      output: "app.post('/signin', function (req, res) {\n  if (safeCompare(req.body.username, config.user)) {\n    return res.json(true);\n  }\n  console.log('Login failed for user', { username: req.body.username });\n  res.json(false);\n});",
    },
  ],
});
