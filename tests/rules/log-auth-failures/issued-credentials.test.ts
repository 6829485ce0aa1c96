import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A catch around nothing but the issuing of a credential to a caller already accepted (`await userHandler.generateAuthToken(user)`,
 * `createSession`, `jwt.sign`) answers the server's failure (a store, a signing key), even with a 403: no refusal of who is
 * asking (access-control.ts onlyIssuesCredentials). A catch around a verification of the presented token stays reported.
 */
const ruleTester = new RuleTester();

/** wildduck's POST /authenticate: the password check passed and logged; the token store failed. */
const issuedToken = "app.post('/authenticate', async (req, res) => {\n  const authData = await users.authenticate(req.body.username, req.body.password);\n  if (!authData) {\n    logger.warn({ ip: req.ip }, 'Authentication failed');\n    return res.status(403).json({ error: 'Authentication failed' });\n  }\n  const authResponse = { success: true, id: authData.user };\n  if (req.body.token) {\n    try {\n      authResponse.token = await userHandler.generateAuthToken(authData.user);\n    } catch (err) {\n      res.status(403);\n      return res.json({ error: err.message, code: 'AuthFailed' });\n    }\n  }\n  res.json(authResponse);\n});";
/** the nearby real refusal: the presented token fails verification. */
const verifiedToken = "app.get('/session', async (req, res) => {\n  try {\n    const payload = await verifyAccessToken(req.headers.authorization);\n    res.json(payload);\n  } catch (err) {\n    return res.status(403).json({ error: 'Invalid token' });\n  }\n});";

ruleTester.run('log-auth-failures (a failed credential issue after acceptance)', rule, {
  valid: [issuedToken],
  invalid: [
    { code: verifiedToken, errors: [{ messageId: 'unlogged' as const, line: 6, suggestions: [{"messageId": "logFailure" as const, "output": "app.get('/session', async (req, res) => {\n  try {\n    const payload = await verifyAccessToken(req.headers.authorization);\n    res.json(payload);\n  } catch (err) {\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(403).json({ error: 'Invalid token' });\n  }\n});"}] }] },
  ],
});
