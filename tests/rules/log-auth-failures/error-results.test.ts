import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A refused login returned as data: on the failing branch of a credential check (also a plain-text password compared with
 * the one the app holds: `password == process.env.PASSWORD`), a function that returns its success as an object
 * (`{ accessToken }`) and the failure as `{ error: … }` hands the refusal to its caller as the result. General rule: the
 * `{ error }` object is the refusal, like a returned `InvalidCredentialsError`. An `{ error }` for anything else, a password
 * form's own rule and a function that returns only errors stay quiet.
 */
const ruleTester = new RuleTester();

/** dbgate's login provider: the password compared with the one in the environment fails; the refusal is returned as `{ error }` beside `{ accessToken }` */
const envPassword = "class LoginsProvider {\n  async login(login, password) {\n    if (login && password && process.env.LOGIN == login && process.env.PASSWORD == password) {\n      return { accessToken: jwt.sign({ login }, getTokenSecret()) };\n    }\n    return { error: 'Invalid credentials' };\n  }\n}";
/** a directory (LDAP / AD) login that fails, returned as `{ error }` */
const directoryLogin = "class AdProvider {\n  async login(login, password) {\n    const res = await ad.authenticate(login, password);\n    if (!res) {\n      return { error: 'Login failed' };\n    }\n    return { accessToken: jwt.sign({ login }, getTokenSecret()) };\n  }\n}";
/** a missing field answered `{ error }`: no credential was checked */
const missingField = "class Provider {\n  async login(login, password) {\n    if (!login) return { error: 'Login required' };\n    return { accessToken: await issue(login, password) };\n  }\n}";
/** a password confirmation that differs: a form rule, not a password check */
const confirmPassword = "function register(body) {\n  if (body.password !== body.confirmPassword) return { error: 'Passwords do not match' };\n  return { user: createUser(body) };\n}";
/** every return reports an error: an error mapper, not a result beside a success */
const onlyErrors = "async function mapError(e) {\n  if (!(await bcrypt.compare(e.password, e.hash))) return { error: 'bad' };\n  return { error: 'other' };\n}";

ruleTester.run('log-auth-failures (refusals returned as { error })', rule, {
  valid: [missingField, confirmPassword, onlyErrors],
  invalid: [
    { code: envPassword, errors: [{ messageId: 'unlogged' as const, line: 6, suggestions: [{"messageId": "logFailureWithIdentity" as const, "output": "import { createHash } from 'node:crypto';\nclass LoginsProvider {\n  async login(login, password) {\n    if (login && password && process.env.LOGIN == login && process.env.PASSWORD == password) {\n      return { accessToken: jwt.sign({ login }, getTokenSecret()) };\n    }\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', loginHash: createHash('sha256').update(String(login)).digest('hex').slice(0, 16) });\n    return { error: 'Invalid credentials' };\n  }\n}"}] }] },
    { code: directoryLogin, errors: [{ messageId: 'unlogged' as const, line: 5, suggestions: [{"messageId": "logFailureWithIdentity" as const, "output": "import { createHash } from 'node:crypto';\nclass AdProvider {\n  async login(login, password) {\n    const res = await ad.authenticate(login, password);\n    if (!res) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', loginHash: createHash('sha256').update(String(login)).digest('hex').slice(0, 16) });\n      return { error: 'Login failed' };\n    }\n    return { accessToken: jwt.sign({ login }, getTokenSecret()) };\n  }\n}"}] }] },
  ],
});

/**
 * A same-file password predicate that calls nothing (`isValidPassword(p)`: `p != null && p !== ''`) tests the shape of what was
 * sent, not the password: its `{ error }` is no refused login; the bcrypt comparison after it is (Actual's loginWithPassword).
 * A `catch` around a login call handed the password (`await request.loginUserWithEmail(email, password)`, EverShop) answered
 * with a 4xx is the refused login; a catch around a lookup answered 400 is not.
 */
const shapeOnly = "function isValidPassword(password) {\n  return password != null && password !== '';\n}\nexport function loginWithPassword(password) {\n  if (!isValidPassword(password)) {\n    return { error: 'invalid-password' };\n  }\n  const { extra_data: passwordHash } = accountDb.first('SELECT extra_data FROM auth WHERE method = ?', ['password']) || {};\n  const confirmed = bcrypt.compareSync(password, passwordHash);\n  if (!confirmed) {\n    return { error: 'invalid-password' };\n  }\n  return { token: newSession() };\n}";
const loginCallCaught = "export default async (request, response, next) => {\n  try {\n    const { email, password } = request.body;\n    await request.loginUserWithEmail(email, password);\n    response.status(200).json({ data: { sid: request.sessionID } });\n  } catch (error) {\n    response.status(400).json({ error: { message: error.message, status: 400 } });\n  }\n};";
const lookupCaught = "export default async (request, response, next) => {\n  try {\n    const address = await loadAddress(request.params.id);\n    response.status(200).json({ data: address });\n  } catch (error) {\n    response.status(400).json({ error: { message: error.message, status: 400 } });\n  }\n};";

ruleTester.run('log-auth-failures (password shape checks, caught login calls)', rule, {
  valid: [lookupCaught],
  invalid: [
    { code: shapeOnly, errors: [{ messageId: 'unlogged' as const, line: 11, suggestions: [{"messageId": "logFailure" as const, "output": "function isValidPassword(password) {\n  return password != null && password !== '';\n}\nexport function loginWithPassword(password) {\n  if (!isValidPassword(password)) {\n    return { error: 'invalid-password' };\n  }\n  const { extra_data: passwordHash } = accountDb.first('SELECT extra_data FROM auth WHERE method = ?', ['password']) || {};\n  const confirmed = bcrypt.compareSync(password, passwordHash);\n  if (!confirmed) {\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });\n    return { error: 'invalid-password' };\n  }\n  return { token: newSession() };\n}"}] }] },
    { code: loginCallCaught, errors: [{ messageId: 'unlogged' as const, line: 7, suggestions: [{"messageId": "logFailure" as const, "output": "export default async (request, response, next) => {\n  try {\n    const { email, password } = request.body;\n    await request.loginUserWithEmail(email, password);\n    response.status(200).json({ data: { sid: request.sessionID } });\n  } catch (error) {\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: request.method, path: request.originalUrl.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });\n    response.status(400).json({ error: { message: error.message, status: 400 } });\n  }\n};"}] }] },
  ],
});

/**
 * A login call whose result the `try` tests (`const result = await storage.verifyUser(email, password); if (result.item) …`) reports
 * a wrong password as data: its `catch` answering 500 catches the server's failures. A `catch` that rethrows the login's error
 * (`throw new InvalidCredentialsError(err.message)`) hands the failure on to whoever decides. Neither is the refused login.
 */
const testedResult = "exports.loginUser = async (req, res) => {\n  try {\n    const { email, password } = req.body;\n    const result = await storage.verifyUser(email, password);\n    if (result && result.item) {\n      logger.info({ email }, 'login');\n      res.status(200).send({ token: sign(result.item) });\n    } else {\n      logger.warn({ ip: req.ip }, 'Login failed');\n      res.status(401).send({ error: 'Unauthorized' });\n    }\n  } catch (err) {\n    res.status(500).send({ errors: [{ error: 'Internal Server Error', message: err.message }] });\n  }\n};";
const rethrown = "class OAuthStore {\n  async authenticateAccount(credentials) {\n    try {\n      await this.accountManager.login(credentials.username, credentials.password);\n      return this.buildAccount(credentials.username);\n    } catch (err) {\n      if (err instanceof InvalidPasswordError) throw new InvalidCredentialsError(err.message, err.did, err);\n      throw err;\n    }\n  }\n}";

ruleTester.run('log-auth-failures (login calls that report failure as data or rethrow it)', rule, {
  valid: [testedResult, rethrown],
  invalid: [],
});
