import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();

// An object logged whole is a secret carrier when the same file reads a secret-named field off the same variable and path (issue 18).
ruleTester.run("no-raw-secret-in-log (objects the file reads secrets from)", rule, {
  valid: [
    // the field is deleted before the object is logged
    "async function register(user) {\n  const hash = await bcrypt.hash(user.password, 10);\n  delete user.password;\n  console.log('registering', user);\n  await db.insert({ ...user, hash });\n}",
    // the file reads only harmless fields off it
    "async function callback(req, res) {\n  const grant = req.session.grant || {};\n  logger.debug(grant.response, 'callback.oauth.resp');\n  if (grant.response.error) return res.sendStatus(400);\n}",
    // a field named like a secret but qualified (a count, an expiry)
    "function report(usage) {\n  logger.info(usage);\n  return usage.tokenCount + usage.tokenExpiresAt;\n}",
    // the secret field of another variable
    "async function login(creds, session) {\n  logger.info(session);\n  return check(creds.password);\n}",
  ],
  invalid: [
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
