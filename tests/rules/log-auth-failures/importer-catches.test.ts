import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * A failure the caller records is not unlogged: a verification helper exported for other files of the project
 * (signalk's `validateIdToken`, evershop's `verifyToken`) throws on a token that fails its check, and every file that
 * calls it catches the failure and logs it at warn or above, or answers the request with a 401/403 of its own (judged
 * there). The throw is then no unlogged refusal. One caller that swallows it (strapi's `getToken` answering
 * `{ authenticated: false }`), or no caller found, keeps it reported.
 */
const { tree: project } = tempProject('log-auth-failures-importer-catches-');

const cjsHelper = "const jose = require('jose');\nexports.validateIdToken = validateIdToken;\nasync function validateIdToken(idToken, jwks) {\n  let payload;\n  try {\n    ({ payload } = await jose.jwtVerify(idToken, jwks));\n  } catch (err) {\n    throw new OIDCError('ID token signature verification failed', { cause: err });\n  }\n  return payload;\n}\n";
const esHelper = "import jwt from 'jsonwebtoken';\nexport function verifyToken(token, secret) {\n  try {\n    return jwt.verify(token, secret);\n  } catch (error) {\n    throw new Error('Invalid token');\n  }\n}\n";
const loggingCaller = "const id_token_validation_1 = require(\"./id-token-validation\");\napp.get('/oidc/callback', async (req, res) => {\n  try {\n    const claims = await (0, id_token_validation_1.validateIdToken)(req.query.token, jwks);\n    res.json(claims);\n  } catch (err) {\n    console.error('OIDC callback error:', err);\n    res.redirect('/login?error=' + encodeURIComponent(err.message));\n  }\n});\n";
const answeringCaller = "import { verifyToken } from '../lib/jwt.js';\nexport default (request, response, next) => {\n  try {\n    request.locals = { user: verifyToken(request.headers.authorization.slice(7), secret).user };\n    return next();\n  } catch (error) {\n    response.status(401);\n    return response.json({ error: { status: 401, message: error.message || 'Invalid token' } });\n  }\n};\n";
const silentCaller = "const id_token_validation_1 = require(\"./id-token-validation\");\nasync function getToken(ctx) {\n  try {\n    return await (0, id_token_validation_1.validateIdToken)(ctx.request.header.authorization, jwks);\n  } catch (err) {\n    return { authenticated: false };\n  }\n}\nmodule.exports = { getToken };\n";

const logged = project('logged', { 'package.json': '{"name":"a"}', 'oidc/id-token-validation.js': cjsHelper, 'oidc/oidc-auth.js': loggingCaller });
const answered = project('answered', { 'package.json': '{"name":"b"}', 'lib/jwt.js': esHelper, 'api/auth.js': answeringCaller });
const otherExport = "import { generateToken } from '../lib/jwt.js';\nexport default (request, response) => response.json({ token: generateToken(request.body.user) });\n";
const manyImporters = project('many-importers', {
  'package.json': '{"name":"e"}',
  'lib/jwt.js': esHelper + 'export function generateToken(user) {\n  return jwt.sign({ user }, secret);\n}\n',
  'api/auth.js': answeringCaller,
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`api/token${i}.js`, otherExport])),
});
const oneSilent = project('one-silent', { 'package.json': '{"name":"c"}', 'oidc/id-token-validation.js': cjsHelper, 'oidc/oidc-auth.js': loggingCaller, 'oidc/strategy.js': silentCaller });
const noCaller = project('no-caller', { 'package.json': '{"name":"d"}', 'oidc/id-token-validation.js': cjsHelper });

const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (failures the callers in other files record)', rule, {
  valid: [
    // signalk: the OIDC callback's catch logs the failed ID-token validation with console.error
    { filename: join(logged, 'oidc/id-token-validation.js'), code: cjsHelper },
    // evershop: the middleware's catch answers the failed verification with a 401 (reported there when unlogged)
    { filename: join(answered, 'lib/jwt.js'), code: esHelper },
    // a widely imported module: only the importers that name the function are read as its callers
    { filename: join(manyImporters, 'lib/jwt.js'), code: esHelper + 'export function generateToken(user) {\n  return jwt.sign({ user }, secret);\n}\n' },
  ],
  invalid: [
    {
      // one caller swallows the failure into a result: nobody records it
      filename: join(oneSilent, 'oidc/id-token-validation.js'),
      code: cjsHelper,
      errors: [{"messageId": "unlogged", "line": 8, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "const jose = require('jose');\nexports.validateIdToken = validateIdToken;\nasync function validateIdToken(idToken, jwks) {\n  let payload;\n  try {\n    ({ payload } = await jose.jwtVerify(idToken, jwks));\n  } catch (err) {\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });\n    throw new OIDCError('ID token signature verification failed', { cause: err });\n  }\n  return payload;\n}\n"}]}],
    },
    {
      // no caller in the project: the helper is where the failure is lost
      filename: join(noCaller, 'oidc/id-token-validation.js'),
      code: cjsHelper,
      errors: [{"messageId": "unlogged", "line": 8, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "const jose = require('jose');\nexports.validateIdToken = validateIdToken;\nasync function validateIdToken(idToken, jwks) {\n  let payload;\n  try {\n    ({ payload } = await jose.jwtVerify(idToken, jwks));\n  } catch (err) {\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });\n    throw new OIDCError('ID token signature verification failed', { cause: err });\n  }\n  return payload;\n}\n"}]}],
    },
  ],
});
