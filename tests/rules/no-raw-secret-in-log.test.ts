import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});
/** Plain JavaScript, parsed by ESLint's default parser. */
const js = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } as const;

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/no-raw-secret-in-log');
const typedTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixtureDir } },
});
const typedFile = 'file.ts';

const fp = { 'security-logging': { fingerprint: { name: 'fingerprint', importFrom: './fingerprint' } } };
const fpInScope = { 'security-logging': { fingerprint: { name: 'fingerprint' } } };

/** The truncated SHA-256 the suggestion writes around a value. */
const sha = (value: string, fn = 'createHash') => `${fn}('sha256').update(String(${value})).digest('hex').slice(0, 12)`;
const esmImport = "import { createHash } from 'node:crypto';\n";

ruleTester.run('no-raw-secret-in-log', rule, {
  valid: [
    // express-session's id: the cookie that carries it is HMAC-signed, so the bare id cannot be replayed (@sap/approuter's lazy refresh)
    "function refresh(req) {\n  const sessionId = req.sessionID;\n  logger.error('Lazy refresh: timeout for session %s', sessionId);\n  logger.info({ session: req.session.id }, 'refreshed');\n}",
    // a decoded / verified JWT is its claims, not the token (cactus's socket.io authorizer)
    "io.use(authorize({ ...opts, onAuthentication: (decodedToken) => { this.log.debug('Socket authorized OK: %o', decodedToken); } }));",
    "const decoded_jwt = jwt.decode(raw, { complete: true });\nlogger.debug({ decodedJwt: decoded_jwt }, 'token claims');",
    // not a database's connection parameters: a count, a socket's connection info, settings under the configObjects option only
    'console.log(db.connectionCount); logger.info(socket.connectionInfo); console.log(db.config);',
    // a label names the list, but the map callback prints only each token's name and type
    "class S { init(tokens) { this.logger.info(`Created initial API tokens: ${tokens.map((t) => `(name: ${t.tokenName}, type: ${t.type})`).join(', ')}`); } }",
    // a copy the author named as redacted (n8n's npm registry request): the Authorization header replaced by a mask
    "async function request(url, { authToken, headers: extraHeaders } = {}) {\n  const authHeaders = authToken ? { Authorization: `Bearer ${authToken}` } : {};\n  const headers = { ...extraHeaders, ...authHeaders };\n  const redactedHeaders = authToken ? { ...headers, Authorization: 'Bearer *****' } : { ...headers };\n  logger.debug('Executing npm registry request', { url, headers: redactedHeaders });\n  return fetch(url, { headers });\n}",
    // a query string or URL builder without the key (issue 18)
    "const params = new URLSearchParams({ q: query, page: String(page) });\nlogger.info({ url: `https://maps.example.com/geo?${params}` }, 'search');",
    "function buildGeoUrl(q) {\n  return `https://maps.example.com/geo?q=${encodeURIComponent(q)}`;\n}\nlogger.debug(`GET ${buildGeoUrl('Berlin')}`);",
    // --- *_KEY variables whose qualifier says they are not credentials ---
    "logger.info({ sortKey: process.env.SORT_KEY, siteKey: process.env.RECAPTCHA_SITE_KEY }, 'search configured');",
    "logger.info({ publishable: process.env.STRIPE_PUBLISHABLE_KEY, vapid: process.env.VAPID_PUBLIC_KEY }, 'client keys');",
    // Fastify's default `req` serializer logs method, url, host and ip only.
    'fastify.get("/", async (request, reply) => { request.log.info({ req: request }, "incoming request"); return {} })',
    // --- words in plain message text are not secret values ---
    "logger.info('Invalid password for user')",
    "logger.warn('token expired', { userId })",
    "console.log('Password reset email sent to', email)",
    'logger.info(`Refreshing token for ${userId}`)',
    "logger.error('Login failed: invalid credentials', { username })",
    "console.log('Token refreshed for user', userId)",
    "logger.info('user %s logged in', username)",
    'console.log(`Authorization scheme: ${scheme}`)',
    'console.log(`token ${i} of ${tokens.length}`)',
    "logger.warn(`Invalid token: ${err.message}`, { userId })",
    'this.logger.log(`getAccessToken: ${username}`)',
    'logger.info(`Token is ${status}`, `reset link sent to: ${email}`)',
    "const createPost = asyncHandler(async (req, res) => { console.log(req.body); });",
    // --- message and name tables ---
    'this.logger.warn({ key: verifyKey }, VERIFICATION_MESSAGES.TOKEN_NOT_FOUND_REDIS)',
    'logger.info(TOKEN_MESSAGES.CREATING_TOKEN); logger.debug({ key: CACHE_KEYS.REFRESH_TOKEN })',
    'logger.error(ErrorCodes.INVALID_PASSWORD, { userId })',
    // --- harmless qualifiers ---
    "logger.info({ passwordResetUrl }, 'reset link created')",
    'logger.info({ tokenCount, tokenExpiresAt, tokenType })',
    'logger.info({ secretName, apiKeyId })',
    'logger.debug({ isPasswordValid, hasToken, passwordLength: password.length })',
    "logger.info({ csrfTokenHeaderName: 'x-csrf-token' })",
    'logger.info({ jwtExpiresIn: config.jwt.expiresIn, cookieName: cfg.cookieName, cookieOptions })',
    "logger.info({ withCredentials: true, credentialsProvider: 'aws', secretArn })",
    'logger.info({ passwordChangedAt: user.passwordChangedAt, otpAttempts })',
    // --- false friends: pagination, LLM and lexer tokens, pins, session ids ---
    'logger.info({ nextPageToken: res.nextPageToken, pageToken })',
    'logger.info({ promptTokens: usage.prompt_tokens, totalTokens: usage.total_tokens })',
    "console.log('tokens used:', usage.total_tokens)",
    'const tokens = tokenize(src); console.log(tokens)',
    'logger.info({ tokens: lexer.tokens.length })',
    'console.log(spinner, mapping, pinned)',
    "const ledPin = 13; console.log('led on pin', ledPin)",
    'const pin = 13; console.log({ pin })',
    "logger.info({ sessionId }, 'chat message received')",
    'console.log({ tokenAddress, tokenBalance, tokenSymbol })',
    'logger.debug({ cancelToken, deviceToken })',
    // --- fingerprints, hashes, sanitizers ---
    {
      code: "import { fingerprint } from './fingerprint'; logger.info({ token: fingerprint(token) })",
      settings: fp,
    },
    "import { createHash } from 'node:crypto'; logger.info({ apiKey: createHash('sha256').update(apiKey).digest('hex').slice(0, 12) })",
    'logger.info({ password: redact(password), token: mask(token), key: sanitize(apiKey) })',
    'logger.info({ headers: redactHeaders(req.headers), body: scrubSecrets(req.body) })',
    {
      code: 'logger.info({ token: logUtils.protect(token) })',
      options: [{ sanitizers: ['logUtils.protect'] }],
    },
    // --- sizes, types and yes/no checks ---
    'logger.info({ hasToken: !!token, tokenPresent: Boolean(token), tokenKind: typeof token })',
    "console.log('token set:', token ? 'yes' : 'no')",
    'logger.debug({ authenticated: token != null, same: password === confirmation })',
    'logger.info(`token length ${token.length}`)',
    'logger.info({ hasAuth: req.headers.authorization !== undefined, cookieCount: Object.keys(req.cookies).length })',
    'logger.info(`key ${apiKey.slice(0, 4)}…, card …${cardNumber.slice(-4)}`)',
    "logger.info({ password: '[REDACTED]', token: undefined })",
    'logger.info({ user: { ...user, password: undefined } })',
    "app.post('/login', (req, res) => { logger.info({ body: { ...req.body, password: '[hidden]' } }, 'login'); });",
    // --- request fields that are not secrets ---
    "logger.info({ method: req.method, url: req.originalUrl, ip: req.ip, agent: req.headers['user-agent'] })",
    "logger.info({ requestId: req.headers['x-request-id'] })",
    'logger.info({ email: req.body.email, name: req.body.name })',
    'console.log(process.env.NODE_ENV, process.env.PORT, process.env.PWD)',
    "req.log.info({ userId: req.user.id }, 'login')",
    'logger.info(Object.keys(req.headers))',
    "console.log(req.cookies.theme, req.cookies['lang'])",
    'const request = { id: 1 }; logger.info(request)',
    'function draw(ctx) { console.log(ctx); ctx.fillRect(0, 0, 10, 10); }',
    // --- a whole body outside credential routes is not a secret leak ---
    "router.post('/products', (req, res) => { console.log(req.body); res.sendStatus(201); });",
    'exports.createProduct = async (req, res) => { logger.info({ body: req.body }, "create product"); };',
    "app.put('/posts/:id', async (req, res) => { const { title, text } = req.body; logger.debug(JSON.stringify(req.body)); });",
    `
@Controller('orders')
export class OrdersController {
  private readonly logger = new Logger(OrdersController.name);
  @Post()
  create(@Req() req: Request) { this.logger.log(req.body); }
}`,
    'function handle(request: CreateOrderCommand) { logger.info(request) }',
    // --- the logger's own redaction covers the path ---
    `
import pino from 'pino';
const logger = pino({ redact: ['req.headers.authorization'] });
app.use((req, res, next) => { logger.info({ req }, 'incoming'); next(); });`,
    `
const pino = require('pino');
const logger = pino({ redact: { paths: ['password', '*.password'], censor: '***' } });
function login(password) { logger.info({ password }, 'login'); logger.info({ user: { password } }, 'nested'); }`,
    `
import { pino } from 'pino';
const REDACT = ['headers.authorization', 'headers.cookie'];
const log = pino({ level: 'info', redact: REDACT }).child({ module: 'auth' });
app.get('/', (req, res) => { log.info({ headers: req.headers }, 'incoming'); });`,
    `
import pinoHttp from 'pino-http';
app.use(pinoHttp({ redact: ['req.headers.authorization'] }));
app.get('/', (req, res) => { req.log.info({ req }, 'handled'); res.end(); });`,
    `
import Fastify from 'fastify';
const app = Fastify({ logger: { redact: ['token', 'user.password'] } });
app.post('/login', async (request) => { request.log.info({ token: request.body.token, user: { password: request.body.password } }); });`,
    // --- not log calls ---
    'res.json({ token })',
    "Sentry.captureException(err, { extra: { token } })",
    "localStorage.setItem('token', token)",
    'fetch(url, { headers: { Authorization: `Bearer ${token}` } })',
    'logger.setToken(token)',
    // --- options ---
    { code: 'logger.info({ demoApiKey })', options: [{ allowedNames: ['demoApiKey'] }] },
    // --- JS through espree, Nest, winston, TSX ---
    { code: "const winston = require('winston'); const logger = winston.createLogger({}); logger.log('info', 'password changed', { userId });", languageOptions: js },
    `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  changePassword(user: User) { this.logger.log(\`User \${user.id} changed password\`); }
}`,
    {
      code: "function Login() { console.log('render login'); return <input type=\"password\" value={password} />; }",
      filename: 'login.tsx',
    },
    // --- a name is not a value; a logger whose serializer leaves the headers out ---
    // The file's own logger has a request serializer that leaves the credential headers out.
    `import pino from 'pino';
const logger = pino({
  serializers: {
    req: (req) => ({ method: req.method, url: req.url, headers: redactHeaders(req.headers) }),
  },
});
app.use((req, res, next) => {
  logger.info({ req }, 'request received');
  next();
});`,
    // bunyan, a named serializer without headers, through a child logger.
    `const bunyan = require('bunyan');
function reqSerializer(req) {
  return { method: req.method, url: req.url, remoteAddress: req.connection.remoteAddress };
}
const log = bunyan.createLogger({ name: 'api', serializers: { req: reqSerializer } });
app.use((req, res, next) => {
  log.child({ component: 'http' }).info({ req, res }, 'request finished');
  next();
});`,
    // The logger module this file imports has that serializer (one import away).
    {
      code: `const logger = require('./redacting-logger');
module.exports = function logRequest(req, res, next) {
  res.on('finish', () => logger.info({ req: req, res: res }, 'request'));
  next();
};`,
      filename: path.join(fixtureDir, 'loggers', 'routes.js'),
    },
    // pino redact paths in the imported module (a TypeScript ESM import written with .js).
    {
      code: `import { logger } from './redact-paths-logger.js';
export function logRequest(req: Request, res: Response, next: () => void) {
  logger.warn({ req }, 'slow request');
  next();
}`,
      filename: path.join(fixtureDir, 'loggers', 'middleware.ts'),
    },
    // Public identifiers of keys and tokens: a DID, a key id, the subject of a token, an auth method name.
    `logger.info({ repoDid, signingKeyDid, rotationKeys: plcOp.rotationKeys }, 'account created');
logger.info('rotated signing key', { kid: jwk.kid, jwtKid, publicKey: keypair.publicKey });
logger.debug('Resolved subject from access token', { subject: tokenSubject });
logger.debug({ client_id: result.client_id, token_endpoint_auth_method: result.token_endpoint_auth_method });`,
    // Ghost's request log: @tryghost/logging's req serializer strips Authorization, cookies and secrets (checked in 5.4.5).
    `const logging = require('@tryghost/logging');
module.exports = function logRequest(req, res, next) {
  res.on('finish', () => logging.info({ req: req, res: res }));
  next();
};`,
    // A logger package the project declares as redacting.
    {
      code: "import log from '@acme/logging';\nexport function logRequest(req, res, next) {\n  res.on('finish', () => log.info({ req }));\n  next();\n}",
      settings: { 'security-logging': { redactingLoggers: ['@acme/logging'] } },
    },
    // Verdaccio: the key of a token is its id (what the revoke route takes), not the token.
    `router.delete('/-/npm/v1/tokens/token/:tokenKey', async (req, res, next) => {
  const { params: { tokenKey } } = req;
  await storage.deleteToken(req.remote_user.name, tokenKey);
  logger.info({ tokenKey }, 'token id @{tokenKey} was revoked');
});
const ACCESS_TOKEN_KEY = 'access_token';
console.log('stored under', ACCESS_TOKEN_KEY);`,
    // n8n's chat service: a map key made of the session id and the execution id, passed to the handler that logs it.
    `class ChatService {
  startSession(sessionId, executionId, isPublic) {
    const key = \`\${sessionId}|\${executionId}|\${isPublic ? 'public' : 'integrated'}\`;
    this.pollAndProcessChatResponses(key);
  }
  pollAndProcessChatResponses(sessionKey) {
    return async () => {
      try { await this.process(sessionKey); } catch (e) { this.logger.error(\`Error sending message to chat in session \${sessionKey}: \${e.message}\`); }
    };
  }
}`,
    'const sessionKey = `${userId}|${projectId}`;\nlogger.info(`session ${sessionKey}`);',
    // n8n's workflow nodes: the file reads node.credentials[type].id, so the map holds references ({ id, name }).
    `function getNodesWithInaccessibleCreds(workflow, allowed) {
  return workflow.nodes.filter((node) => Object.keys(node.credentials ?? {}).some((type) => !allowed.includes(node.credentials[type]?.id)));
}
function blockUpdate(node) {
  logger.warn('Blocked workflow update due to tampering attempt', { nodeName: node.name, nodeCredentials: node.credentials });
}`,
    // --- security-question answers and configuration dumps (issue 18): the quiet twins ---
    "function gradeQuiz(quiz, answer) { logger.info({ quizId: quiz.id, answer }, 'graded'); }",
    "router.post('/security-question', (req, res) => { logger.info({ answerId: req.body.answerId, hasSecurityAnswer: true }, 'security answer checked'); res.end(); });",
    // a whole configuration object is reported only with configObjects (strict)
    "import config from './config';\nlogger.info(config);",
    { code: "import config from './config';\nlogger.info({ port: config.port, env: config.env }, 'server started');", options: [{ configObjects: true }] },
    { code: "const env = process.env.NODE_ENV;\nconsole.log('starting in', env);", options: [{ configObjects: true }] },
    { code: "const uiConfig = { theme: 'dark', pageSize: 20 };\nlogger.debug(uiConfig);", options: [{ configObjects: true }] },
    // n8n's workflow-history compaction: an injected, scoped settings object (batch sizes, ages)
    { code: "class WorkflowHistoryCompactionService {\n  constructor(config, logger) { this.config = config; this.logger = logger; }\n  async compact() {\n    this.logger.debug('Starting workflow history compaction', { config: this.config });\n    return this.config.batchSize;\n  }\n}", options: [{ configObjects: true }] },
    // a part taken out of a decoded credential and named for a non-secret attribute is that attribute (wildduck's SASL PLAIN / POP3 AUTH PLAIN)
    "function authenticate(connection, token, cb) {\n  let data = Buffer.from(token, 'base64').toString().split('\\x00');\n  let username = (data[1] || '').toString().trim();\n  let password = (data[2] || '').toString().trim();\n  connection.onAuth({ username, password }, (err) => {\n    if (err) connection.logger.info({ tnx: 'auth', username, action: 'fail' }, 'Authentication error for %s', username);\n  });\n}",
    "function auth(plain) {\n  let credentials = Buffer.from(plain, 'base64').toString().split('\\x00');\n  let username = credentials[1] || credentials[0] || '';\n  this.logger.info({ user: username }, '%s authenticated using %s', username, 'PLAIN');\n}",
    // the scheme and the user of a Basic Authorization header, by array destructuring
    "function basic(req) {\n  const [scheme, encoded] = req.headers.authorization.split(' ');\n  const [user, pass] = Buffer.from(encoded, 'base64').toString().split(':');\n  logger.info('auth scheme %s for user %s', scheme, user);\n}",
    // a render request (jsreport): the file reads only fields no HTTP request has, so it carries no headers
    "module.exports = (reporter) => {\n  reporter.beforeRenderListeners.add('templates', async (req, res) => {\n    if (!req.template.name) {\n      reporter.logger.info(`Rendering anonymous template { recipe: ${req.template.recipe} }`, req);\n    }\n  });\n};",
    "async function executeEngine(reporter, request, response) {\n  reporter.logger.debug(`Rendering engine ${request.template.engine}`, request);\n  return request.data;\n}",
    // an ACME http-01 challenge token is published on purpose (wildduck's /.well-known/acme-challenge route); so is a token read off a challenge
    "async function acme(req, res) {\n  const token = req.params.token;\n  let challenge;\n  try {\n    challenge = await acmeChallenge.get({ challenge: { token, identifier: { value: req.hostname } } });\n  } catch (err) {\n    log.error('ACME', `Error verifying challenge: ${token} ${err.message}`);\n  }\n}",
    "function challengeCreateFn(authz, challenge, keyAuthorization) { logger.info('http-01 challenge %s for %s', challenge.token, authz.identifier.value); }",
    // a generic value given to a store of something else, or to a store method that is no setter
    "class TokenBucket {\n  set(name, value) { this.debug(`setting ${name} to ${value}`); }\n}\nclass UserStore {\n  set(name, value) { logger.debug(`setting ${name} to ${value}`); }\n}\nclass SecretsDb {\n  get(name, value) { logger.debug(`getting ${name} default ${value}`); }\n}",
    "function updateTokenExpiry(id, value) { logger.info('token %s expires %s', id, value); }",
    // terminal colouring of something that is no secret
    "console.log(color.blue(`${user.name}, your account is ready`) + color.magenta(user.email));",
  ],
  invalid: [
    // the password part of the same decoded credential stays a secret, and so does a copy of the whole token whatever it is called
    {
      code: "function authenticate(connection, token) {\n  let data = Buffer.from(token, 'base64').toString().split('\\x00');\n  let username = (data[1] || '').toString().trim();\n  let secretPart = (data[2] || '').toString().trim();\n  connection.logger.info('login %s with %s', username, secretPart);\n}",
      errors: [
        {
          messageId: 'rawSecret',
          line: 5,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function authenticate(connection, token) {\n  let data = Buffer.from(token, 'base64').toString().split('\\x00');\n  let username = (data[1] || '').toString().trim();\n  let secretPart = (data[2] || '').toString().trim();\n  connection.logger.info('login %s with %s', username, ${sha('secretPart')});\n}` },
            { messageId: 'dropValue', output: "function authenticate(connection, token) {\n  let data = Buffer.from(token, 'base64').toString().split('\\x00');\n  let username = (data[1] || '').toString().trim();\n  let secretPart = (data[2] || '').toString().trim();\n  connection.logger.info('login %s with %s', username);\n}" },
            { messageId: 'redactValue', output: "function authenticate(connection, token) {\n  let data = Buffer.from(token, 'base64').toString().split('\\x00');\n  let username = (data[1] || '').toString().trim();\n  let secretPart = (data[2] || '').toString().trim();\n  connection.logger.info('login %s with %s', username, '[REDACTED]');\n}" },
          ],
        },
      ],
    },
    {
      code: "function check(req) {\n  const userId = req.headers.authorization;\n  logger.info('auth %s', userId);\n}",
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function check(req) {\n  const userId = req.headers.authorization;\n  logger.info('auth %s', ${sha('userId')});\n}` },
            { messageId: 'dropValue', output: "function check(req) {\n  const userId = req.headers.authorization;\n  logger.info('auth %s');\n}" },
            { messageId: 'redactValue', output: "function check(req) {\n  const userId = req.headers.authorization;\n  logger.info('auth %s', '[REDACTED]');\n}" },
          ],
        },
      ],
    },
    // an owner that is no kind of token (a request's context) does not clear the token under it, nor does a token filed under one
    {
      code: "function refresh(request) {\n  logger.debug('refreshing %s', request.context.token);\n  return save({ context: { token: request.token } });\n}",
      errors: [
        {
          messageId: 'rawSecret',
          line: 2,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function refresh(request) {\n  logger.debug('refreshing %s', ${sha('request.context.token')});\n  return save({ context: { token: request.token } });\n}` },
            { messageId: 'dropValue', output: "function refresh(request) {\n  logger.debug('refreshing %s');\n  return save({ context: { token: request.token } });\n}" },
            { messageId: 'redactValue', output: "function refresh(request) {\n  logger.debug('refreshing %s', '[REDACTED]');\n  return save({ context: { token: request.token } });\n}" },
          ],
        },
      ],
    },
    {
      code: "function issue(user, token) {\n  store.set({ session: { token } });\n  logger.info('issued %s', token);\n}",
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function issue(user, token) {\n  store.set({ session: { token } });\n  logger.info('issued %s', ${sha('token')});\n}` },
            { messageId: 'dropValue', output: "function issue(user, token) {\n  store.set({ session: { token } });\n  logger.info('issued %s');\n}" },
            { messageId: 'redactValue', output: "function issue(user, token) {\n  store.set({ session: { token } });\n  logger.info('issued %s', '[REDACTED]');\n}" },
          ],
        },
      ],
    },
    // the value a store of secrets is given is a secret (@actual-app/sync-server's SecretsDb), also logged through a debug function the class keeps
    {
      code: "class SecretsDb {\n  constructor() { this.debug = createDebug('actual:secrets-db'); }\n  set(name, value) {\n    this.debug(`setting secret '${name}' to '${value}'`);\n    return this.db.mutate('INSERT OR REPLACE INTO secrets (name, value) VALUES (?,?)', [name, value]);\n  }\n}",
      errors: [{ messageId: 'rawSecret', line: 4, data: { description: "The secret `value` (the value a store of secrets is given)" }, suggestions: [
        { messageId: 'useSha256', output: "import { createHash } from 'node:crypto';\nclass SecretsDb {\n  constructor() { this.debug = createDebug('actual:secrets-db'); }\n  set(name, value) {\n    this.debug(`setting secret '${name}' to '${" + sha('value') + "}'`);\n    return this.db.mutate('INSERT OR REPLACE INTO secrets (name, value) VALUES (?,?)', [name, value]);\n  }\n}" },
        { messageId: 'redactValue', output: "class SecretsDb {\n  constructor() { this.debug = createDebug('actual:secrets-db'); }\n  set(name, value) {\n    this.debug(`setting secret '${name}' to '[REDACTED]'`);\n    return this.db.mutate('INSERT OR REPLACE INTO secrets (name, value) VALUES (?,?)', [name, value]);\n  }\n}" },
      ] }],
    },
    {
      code: "function saveToken(userId, value) {\n  logger.debug('saving %s for %s', value, userId);\n}",
      errors: [{ messageId: 'rawSecret', line: 2, suggestions: [
        { messageId: 'useSha256', output: `${esmImport}function saveToken(userId, value) {\n  logger.debug('saving %s for %s', ${sha('value')}, userId);\n}` },
        { messageId: 'dropValue', output: "function saveToken(userId, value) {\n  logger.debug('saving %s for %s', userId);\n}" },
        { messageId: 'redactValue', output: "function saveToken(userId, value) {\n  logger.debug('saving %s for %s', '[REDACTED]', userId);\n}" },
      ] }],
    },
    // terminal colouring keeps the text: a recovery code printed in colour (SillyTavern)
    {
      code: "console.log(color.blue(`${user.name}, your password recovery code is: `) + color.magenta(mfaCode));",
      errors: [{ messageId: 'rawSecret', line: 1, suggestions: [
        { messageId: 'useSha256', output: `${esmImport}console.log(color.blue(\`\${user.name}, your password recovery code is: \`) + color.magenta(${sha('mfaCode')}));` },
        { messageId: 'redactValue', output: "console.log(color.blue(`${user.name}, your password recovery code is: `) + color.magenta('[REDACTED]'));" },
      ] }],
    },
    // a request the file reads HTTP fields from is the HTTP request, whatever else it reads
    {
      code: "async function render(reporter, req) {\n  if (req.headers['x-debug']) reporter.logger.debug('rendering', req);\n  return req.template;\n}",
      errors: [
        {
          messageId: 'secretObject',
          line: 2,
          suggestions: [
            { messageId: 'dropValue', output: "async function render(reporter, req) {\n  if (req.headers['x-debug']) reporter.logger.debug('rendering');\n  return req.template;\n}" },
            { messageId: 'redactValue', output: "async function render(reporter, req) {\n  if (req.headers['x-debug']) reporter.logger.debug('rendering', '[REDACTED]');\n  return req.template;\n}" },
          ],
        },
      ],
    },
    // a request parameter the file never reads a field from: the name decides
    {
      code: "function logAccess(connection, request) {\n  accessLogger.info(connection.id, request);\n}",
      errors: [
        {
          messageId: 'secretObject',
          line: 2,
          suggestions: [
            { messageId: 'dropValue', output: "function logAccess(connection, request) {\n  accessLogger.info(connection.id);\n}" },
            { messageId: 'redactValue', output: "function logAccess(connection, request) {\n  accessLogger.info(connection.id, '[REDACTED]');\n}" },
          ],
        },
      ],
    },
    // the encoded token beside its decoded claims is still the replayable token
    {
      code: "function onAuth(encodedToken, decodedToken) { logger.debug('authorized %o with %s', decodedToken, encodedToken); }",
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The token `encodedToken`' },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function onAuth(encodedToken, decodedToken) { logger.debug('authorized %o with %s', decodedToken, ${sha('encodedToken')}); }` },
            { messageId: 'dropValue', output: "function onAuth(encodedToken, decodedToken) { logger.debug('authorized %o with %s', decodedToken); }" },
            { messageId: 'redactValue', output: "function onAuth(encodedToken, decodedToken) { logger.debug('authorized %o with %s', decodedToken, '[REDACTED]'); }" },
          ],
        },
      ],
    },
    // --- an environment variable named <SERVICE>_KEY is an API key, also inside a URL built from it (issue 18) ---
    {
      "code": "logger.info({ stripeKey: process.env.STRIPE_KEY }, 'payments configured');",
      "errors": [
        {
          "messageId": "rawSecret",
          "line": 1,
          "suggestions": [
            {
              "messageId": "useSha256",
              "data": {
                "text": "process.env.STRIPE_KEY"
              },
              "output": "import { createHash } from 'node:crypto';\nlogger.info({ stripeKey: createHash('sha256').update(String(process.env.STRIPE_KEY)).digest('hex').slice(0, 12) }, 'payments configured');"
            },
            {
              "messageId": "dropValue",
              "data": {
                "text": "process.env.STRIPE_KEY"
              },
              "output": "logger.info({}, 'payments configured');"
            },
            {
              "messageId": "redactValue",
              "data": {
                "text": "process.env.STRIPE_KEY"
              },
              "output": "logger.info({ stripeKey: '[REDACTED]' }, 'payments configured');"
            }
          ]
        }
      ]
    },
    {
      "code": "const url = `https://maps.example.com/geo?key=${process.env.GEO_KEY}&q=${query}`;\nlogger.info({ url }, 'geocoding');",
      "errors": [
        {
          "messageId": "rawSecret",
          "line": 2,
          "suggestions": [
            {
              "messageId": "dropValue",
              "data": {
                "text": "url"
              },
              "output": "const url = `https://maps.example.com/geo?key=${process.env.GEO_KEY}&q=${query}`;\nlogger.info({}, 'geocoding');"
            },
            {
              "messageId": "redactValue",
              "data": {
                "text": "url"
              },
              "output": "const url = `https://maps.example.com/geo?key=${process.env.GEO_KEY}&q=${query}`;\nlogger.info({ url: '[REDACTED]' }, 'geocoding');"
            }
          ]
        }
      ]
    },
    // the key put into a query string by URLSearchParams, and a same-file URL builder that adds it (issue 18)
    {
      code: "const params = new URLSearchParams({ q: query, key: process.env.GEO_KEY });\nlogger.info({ url: `https://maps.example.com/geo?${params}` }, 'geocoding');",
      errors: [{ messageId: 'rawSecret', line: 2, suggestions: [{ messageId: 'redactValue', data: { text: 'params' }, output: "const params = new URLSearchParams({ q: query, key: process.env.GEO_KEY });\nlogger.info({ url: `https://maps.example.com/geo?[REDACTED]` }, 'geocoding');" }] }],
    },
    {
      code: "function buildGeoUrl(q) {\n  return `https://maps.example.com/geo?key=${process.env.GEO_KEY}&q=${encodeURIComponent(q)}`;\n}\nexport async function geocode(q) {\n  const url = buildGeoUrl(q);\n  logger.debug(`GET ${url}`);\n  return fetch(url);\n}",
      errors: [{ messageId: 'rawSecret', line: 6, suggestions: [{ messageId: 'redactValue', data: { text: 'url' }, output: "function buildGeoUrl(q) {\n  return `https://maps.example.com/geo?key=${process.env.GEO_KEY}&q=${encodeURIComponent(q)}`;\n}\nexport async function geocode(q) {\n  const url = buildGeoUrl(q);\n  logger.debug(`GET [REDACTED]`);\n  return fetch(url);\n}" }] }],
    },
    // A logger package nobody declared: its serializer is unknown.
    {
      code: "import log from '@acme/logging';\nexport function logRequest(req, res, next) {\n  res.on('finish', () => log.info({ req }));\n  next();\n}",
      errors: [
        {
          messageId: 'secretObject',
          line: 3,
          suggestions: [
            { messageId: 'dropValue', output: "import log from '@acme/logging';\nexport function logRequest(req, res, next) {\n  res.on('finish', () => log.info({}));\n  next();\n}" },
            { messageId: 'redactValue', output: "import log from '@acme/logging';\nexport function logRequest(req, res, next) {\n  res.on('finish', () => log.info({ req: '[REDACTED]' }));\n  next();\n}" },
          ],
        },
      ],
    },
    // A session key that is key material, and a handler whose caller passes a secret, stay reported.
    {
      code: "const sessionKey = crypto.randomBytes(32).toString('hex');\nlogger.info(`session key ${sessionKey}`);",
      errors: [
        {
          messageId: 'rawSecret',
          line: 2,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}const sessionKey = crypto.randomBytes(32).toString('hex');\nlogger.info(\`session key \${${sha('sessionKey')}}\`);` },
            { messageId: 'redactValue', output: "const sessionKey = crypto.randomBytes(32).toString('hex');\nlogger.info(`session key [REDACTED]`);" },
          ],
        },
      ],
    },
    {
      code: 'const sessionKey = `${userId}|${password}`;\nlogger.info(`session ${sessionKey}`);',
      errors: [
        {
          messageId: 'rawSecret',
          line: 2,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}const sessionKey = \`\${userId}|\${password}\`;\nlogger.info(\`session \${${sha('sessionKey')}}\`);` },
            { messageId: 'redactValue', output: 'const sessionKey = `${userId}|${password}`;\nlogger.info(`session [REDACTED]`);' },
          ],
        },
      ],
    },
    {
      code: 'class ChatService {\n  start(secret) {\n    this.poll(secret);\n  }\n  poll(sessionKey) {\n    this.logger.error(`Error in session ${sessionKey}`);\n  }\n}',
      errors: [
        {
          messageId: 'rawSecret',
          line: 6,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}class ChatService {\n  start(secret) {\n    this.poll(secret);\n  }\n  poll(sessionKey) {\n    this.logger.error(\`Error in session \${${sha('sessionKey')}}\`);\n  }\n}` },
            { messageId: 'redactValue', output: 'class ChatService {\n  start(secret) {\n    this.poll(secret);\n  }\n  poll(sessionKey) {\n    this.logger.error(`Error in session [REDACTED]`);\n  }\n}' },
          ],
        },
      ],
    },
    // Without the file showing that its entries are references, a credentials object is a secret.
    {
      code: "function blockUpdate(node) {\n  logger.warn('Blocked update', { nodeName: node.name, nodeCredentials: node.credentials });\n}",
      errors: [
        {
          messageId: 'rawSecret',
          line: 2,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function blockUpdate(node) {\n  logger.warn('Blocked update', { nodeName: node.name, nodeCredentials: ${sha('node.credentials')} });\n}` },
            { messageId: 'dropValue', output: "function blockUpdate(node) {\n  logger.warn('Blocked update', { nodeName: node.name });\n}" },
            { messageId: 'redactValue', output: "function blockUpdate(node) {\n  logger.warn('Blocked update', { nodeName: node.name, nodeCredentials: '[REDACTED]' });\n}" },
          ],
        },
      ],
    },
    // --- pino, object first ---
    {
      code: "logger.info({ password }, 'login');",
      errors: [
        {
          messageId: 'rawSecret',
          line: 1,
          suggestions: [
            { messageId: 'useSha256', data: { text: 'password' }, output: `${esmImport}logger.info({ password: ${sha('password')} }, 'login');` },
            { messageId: 'dropValue', data: { text: 'password' }, output: "logger.info({}, 'login');" },
            { messageId: 'redactValue', data: { text: 'password' }, output: "logger.info({ password: '[REDACTED]' }, 'login');" },
          ],
        },
      ],
    },
    {
      code: "import pino from 'pino';\nconst log = pino();\nlog.info({ userId, apiKey: account.apiKey }, 'called upstream');",
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256',
              output: `import pino from 'pino';\n${esmImport.trimEnd()}\nconst log = pino();\nlog.info({ userId, apiKey: ${sha('account.apiKey')} }, 'called upstream');`,
            },
            { messageId: 'dropValue', output: "import pino from 'pino';\nconst log = pino();\nlog.info({ userId }, 'called upstream');" },
            { messageId: 'redactValue', output: "import pino from 'pino';\nconst log = pino();\nlog.info({ userId, apiKey: '[REDACTED]' }, 'called upstream');" },
          ],
        },
      ],
    },
    // --- winston, meta last ---
    {
      code: "logger.info('login attempt', { email, password: input.password });",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logger.info('login attempt', { email, password: ${sha('input.password')} });` },
            { messageId: 'dropValue', output: "logger.info('login attempt', { email });" },
            { messageId: 'redactValue', output: "logger.info('login attempt', { email, password: '[REDACTED]' });" },
          ],
        },
      ],
    },
    {
      code: "const winston = require('winston');\nconst logger = winston.createLogger({});\nlogger.log('warn', 'refresh failed', { refreshToken });",
      languageOptions: js,
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256',
              output: `const winston = require('winston');\nconst { createHash } = require('node:crypto');\nconst logger = winston.createLogger({});\nlogger.log('warn', 'refresh failed', { refreshToken: ${sha('refreshToken')} });`,
            },
            { messageId: 'dropValue', output: "const winston = require('winston');\nconst logger = winston.createLogger({});\nlogger.log('warn', 'refresh failed', {});" },
            { messageId: 'redactValue', output: "const winston = require('winston');\nconst logger = winston.createLogger({});\nlogger.log('warn', 'refresh failed', { refreshToken: '[REDACTED]' });" },
          ],
        },
      ],
    },
    // --- console varargs ---
    {
      code: "console.log('Login with', username, password);",
      languageOptions: js,
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}console.log('Login with', username, ${sha('password')});` },
            { messageId: 'dropValue', output: "console.log('Login with', username);" },
            { messageId: 'redactValue', output: "console.log('Login with', username, '[REDACTED]');" },
          ],
        },
      ],
    },
    {
      code: "console.log('password:', input);",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}console.log('password:', ${sha('input')});` },
            { messageId: 'dropValue', output: "console.log('password:');" },
            { messageId: 'redactValue', output: "console.log('password:', '[REDACTED]');" },
          ],
        },
      ],
    },
    // --- Nest Logger ---
    {
      code: `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  issue(user: User, accessToken: string) {
    this.logger.log(\`Issued token \${accessToken} for \${user.id}\`);
  }
}`,
      errors: [
        {
          messageId: 'rawSecret',
          line: 7,
          suggestions: [
            {
              messageId: 'useSha256',
              output: `
import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  issue(user: User, accessToken: string) {
    this.logger.log(\`Issued token \${${sha('accessToken')}} for \${user.id}\`);
  }
}`,
            },
            {
              messageId: 'redactValue',
              output: `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  issue(user: User, accessToken: string) {
    this.logger.log(\`Issued token [REDACTED] for \${user.id}\`);
  }
}`,
            },
          ],
        },
      ],
    },
    // --- member names, env, getters, producers ---
    {
      code: 'logger.debug(user.password);',
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logger.debug(${sha('user.password')});` },
            { messageId: 'redactValue', output: "logger.debug('[REDACTED]');" },
          ],
        },
      ],
    },
    {
      code: "console.log('stripe', process.env.STRIPE_SECRET_KEY);",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}console.log('stripe', ${sha('process.env.STRIPE_SECRET_KEY')});` },
            { messageId: 'dropValue', output: "console.log('stripe');" },
            { messageId: 'redactValue', output: "console.log('stripe', '[REDACTED]');" },
          ],
        },
      ],
    },
    {
      code: "this.logger.debug(`jwt secret: ${this.configService.get('JWT_SECRET')}`);",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}this.logger.debug(\`jwt secret: \${${sha("this.configService.get('JWT_SECRET')")}}\`);` },
            { messageId: 'redactValue', output: 'this.logger.debug(`jwt secret: [REDACTED]`);' },
          ],
        },
      ],
    },
    {
      code: 'logger.info({ key: generateApiKey() });',
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logger.info({ key: ${sha('generateApiKey()')} });` },
            { messageId: 'dropValue', output: 'logger.info({});' },
            { messageId: 'redactValue', output: "logger.info({ key: '[REDACTED]' });" },
          ],
        },
      ],
    },
    // --- labels: message parts and format strings ---
    {
      code: 'function call(t) { logger.info(`calling upstream with token=${t}`); }',
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function call(t) { logger.info(\`calling upstream with token=\${${sha('t')}}\`); }` },
            { messageId: 'redactValue', output: 'function call(t) { logger.info(`calling upstream with token=[REDACTED]`); }' },
          ],
        },
      ],
    },
    {
      code: "function call(t) { logger.debug('Authorization: Bearer ' + t); }",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function call(t) { logger.debug('Authorization: Bearer ' + ${sha('t')}); }` },
            { messageId: 'redactValue', output: "function call(t) { logger.debug('Authorization: Bearer ' + '[REDACTED]'); }" },
          ],
        },
      ],
    },
    {
      code: "logger.info('user=%s password=%s', name, secretInput);",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logger.info('user=%s password=%s', name, ${sha('secretInput')});` },
            { messageId: 'dropValue', output: "logger.info('user=%s password=%s', name);" },
            { messageId: 'redactValue', output: "logger.info('user=%s password=%s', name, '[REDACTED]');" },
          ],
        },
      ],
    },
    // --- request sources ---
    {
      code: "app.get('/', (req, res) => { logger.info({ headers: req.headers }, 'incoming'); });",
      errors: [
        {
          messageId: 'secretObject',
          data: { text: 'req.headers', what: 'the request headers', carries: 'the Authorization header and cookies' },
          suggestions: [
            { messageId: 'dropValue', output: "app.get('/', (req, res) => { logger.info({}, 'incoming'); });" },
            { messageId: 'redactValue', output: "app.get('/', (req, res) => { logger.info({ headers: '[REDACTED]' }, 'incoming'); });" },
          ],
        },
      ],
    },
    {
      code: "app.post('/login', (req, res) => { console.log(req.body); });",
      languageOptions: js,
      errors: [
        {
          messageId: 'secretObject',
          suggestions: [{ messageId: 'redactValue', output: "app.post('/login', (req, res) => { console.log('[REDACTED]'); });" }],
        },
      ],
    },
    {
      // the handler reads the password from the body it logs
      code: "router.post('/', async (req, res) => { const { email, password } = req.body; logger.info({ body: req.body }); });",
      errors: [
        {
          messageId: 'secretObject',
          data: { text: 'req.body', what: 'the request body', carries: 'whatever the client sent, passwords and tokens included' },
          suggestions: [
            { messageId: 'dropValue', output: "router.post('/', async (req, res) => { const { email, password } = req.body; logger.info({}); });" },
            { messageId: 'redactValue', output: "router.post('/', async (req, res) => { const { email, password } = req.body; logger.info({ body: '[REDACTED]' }); });" },
          ],
        },
      ],
    },
    {
      // a database's connection parameters printed after a failed connection (saltcorn): the password is in them
      code: "const db = require('@saltcorn/data/db');\nasync function main() {\n  try { await db.connect(); } catch (e) {\n    console.error('Database is not reachable. The error was: ', e.message);\n    console.error('Connection parameters tried: ');\n    console.error(db.connectObj);\n  }\n}\n",
      errors: [{ messageId: 'secretObject', line: 6, data: { text: 'db.connectObj', what: "a database's connection parameters", carries: "the database user's password" } }],
    },
    {
      code: 'logger.info({ pgConnectionOptions }, "connecting");',
      errors: [{ messageId: 'secretObject', data: { text: 'pgConnectionOptions', what: "a database's connection parameters", carries: "the database user's password" }, suggestions: [{ messageId: 'dropValue', data: { text: 'pgConnectionOptions' }, output: 'logger.info({}, "connecting");' }] }],
    },
    {
      // the text a map callback builds carries a secret field: the label 'API tokens' applies to it
      code: "function created(logger, tokens) { logger.info(`Created initial API tokens: ${tokens.map((t) => `${t.tokenName}=${t.secret}`).join(', ')}`); }",
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The token `tokens.map((t) => `${t.tokenName}=${t…` (logged as `API tokens`)' },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function created(logger, tokens) { logger.info(\`Created initial API tokens: \${${sha("tokens.map((t) => `${t.tokenName}=${t.secret}`).join(', ')")}}\`); }` },
            { messageId: 'redactValue', output: "function created(logger, tokens) { logger.info(`Created initial API tokens: [REDACTED]`); }" },
          ],
        },
      ],
    },
    {
      code: 'function sendCode(email, code) { console.log(`Your verification code is ${code}`); }',
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The one-time code `code` (logged as `verification code`)' },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function sendCode(email, code) { console.log(\`Your verification code is \${${sha('code')}}\`); }` },
            { messageId: 'redactValue', output: 'function sendCode(email, code) { console.log(`Your verification code is [REDACTED]`); }' },
          ],
        },
      ],
    },
    {
      // express-async-handler / catchAsync wrappers keep the handler's name
      code: 'const loginUser = asyncHandler(async (req, res) => { console.log(req.body); });',
      languageOptions: js,
      errors: [{ messageId: 'secretObject', suggestions: [{ messageId: 'redactValue', output: "const loginUser = asyncHandler(async (req, res) => { console.log('[REDACTED]'); });" }] }],
    },
    {
      code: "io.on('connection', (socket) => { logger.debug({ headers: socket.handshake.headers }, 'socket connected'); });",
      errors: [
        {
          messageId: 'secretObject',
          suggestions: [
            { messageId: 'dropValue', output: "io.on('connection', (socket) => { logger.debug({}, 'socket connected'); });" },
            { messageId: 'redactValue', output: "io.on('connection', (socket) => { logger.debug({ headers: '[REDACTED]' }, 'socket connected'); });" },
          ],
        },
      ],
    },
    {
      // request-wide middleware sees every body, logins included
      code: 'app.use((req, res, next) => { console.log(`${req.method} ${req.url}`, JSON.stringify(req.body)); next(); });',
      errors: [
        {
          messageId: 'secretObject',
          suggestions: [
            { messageId: 'redactValue', output: "app.use((req, res, next) => { console.log(`${req.method} ${req.url}`, JSON.stringify('[REDACTED]')); next(); });" },
          ],
        },
      ],
    },
    {
      code: 'const requestLogger = (req, res, next) => {\n  const { body } = req;\n  logger.info({ path: req.path, body });\n  next();\n};',
      errors: [
        {
          messageId: 'secretObject',
          line: 3,
          data: { text: 'body', what: 'the request body', carries: 'whatever the client sent, passwords and tokens included' },
          suggestions: [
            { messageId: 'dropValue', output: 'const requestLogger = (req, res, next) => {\n  const { body } = req;\n  logger.info({ path: req.path });\n  next();\n};' },
            { messageId: 'redactValue', output: "const requestLogger = (req, res, next) => {\n  const { body } = req;\n  logger.info({ path: req.path, body: '[REDACTED]' });\n  next();\n};" },
          ],
        },
      ],
    },
    {
      code: `
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  login(@Req() req: Request) { this.logger.log(req.body); }
}`,
      errors: [{ messageId: 'secretObject', line: 6, suggestions: [{ messageId: 'redactValue', output: `
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  login(@Req() req: Request) { this.logger.log('[REDACTED]'); }
}` }] }],
    },
    {
      code: 'app.use((req, res, next) => { logger.info(`cookies: ${JSON.stringify(req.cookies)}`); next(); });',
      errors: [
        {
          messageId: 'secretObject',
          suggestions: [
            { messageId: 'redactValue', output: "app.use((req, res, next) => { logger.info(`cookies: ${JSON.stringify('[REDACTED]')}`); next(); });" },
          ],
        },
      ],
    },
    {
      code: "app.use((req, res, next) => { logger.info(req, 'incoming'); next(); });",
      errors: [
        {
          messageId: 'secretObject',
          data: { text: 'req', what: 'the whole request object', carries: 'its headers (Authorization, cookies)' },
          suggestions: [
            { messageId: 'dropValue', output: "app.use((req, res, next) => { logger.info('incoming'); next(); });" },
            { messageId: 'redactValue', output: "app.use((req, res, next) => { logger.info('[REDACTED]', 'incoming'); next(); });" },
          ],
        },
      ],
    },
    {
      code: "router.get('/me', async (ctx) => { logger.info({ ctx }, 'me'); });",
      errors: [
        {
          messageId: 'secretObject',
          data: { text: 'ctx', what: 'the whole request object', carries: 'its headers (Authorization, cookies)' },
          suggestions: [
            { messageId: 'dropValue', output: "router.get('/me', async (ctx) => { logger.info({}, 'me'); });" },
            { messageId: 'redactValue', output: "router.get('/me', async (ctx) => { logger.info({ ctx: '[REDACTED]' }, 'me'); });" },
          ],
        },
      ],
    },
    {
      code: 'app.use(async (ctx, next) => { console.log(ctx.request.headers); await next(); });',
      errors: [{ messageId: 'secretObject', suggestions: [{ messageId: 'redactValue', output: "app.use(async (ctx, next) => { console.log('[REDACTED]'); await next(); });" }] }],
    },
    {
      code: "function auth(req, res, next) {\n  const { authorization } = req.headers;\n  logger.debug({ authorization }, 'auth header');\n  next();\n}",
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function auth(req, res, next) {\n  const { authorization } = req.headers;\n  logger.debug({ authorization: ${sha('authorization')} }, 'auth header');\n  next();\n}` },
            { messageId: 'dropValue', output: "function auth(req, res, next) {\n  const { authorization } = req.headers;\n  logger.debug({}, 'auth header');\n  next();\n}" },
            { messageId: 'redactValue', output: "function auth(req, res, next) {\n  const { authorization } = req.headers;\n  logger.debug({ authorization: '[REDACTED]' }, 'auth header');\n  next();\n}" },
          ],
        },
      ],
    },
    {
      // renamed while destructuring: still the password
      code: "app.post('/login', (req, res) => { const { password: pw, email } = req.body; logger.info({ email, pw }); });",
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The password `pw` (destructured from `password`)' },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}app.post('/login', (req, res) => { const { password: pw, email } = req.body; logger.info({ email, pw: ${sha('pw')} }); });` },
            { messageId: 'dropValue', output: "app.post('/login', (req, res) => { const { password: pw, email } = req.body; logger.info({ email }); });" },
            { messageId: 'redactValue', output: "app.post('/login', (req, res) => { const { password: pw, email } = req.body; logger.info({ email, pw: '[REDACTED]' }); });" },
          ],
        },
      ],
    },
    {
      code: "function mw(req, res, next) { const auth = req.headers.authorization; const [, t] = auth.split(' '); logger.debug(auth); logger.debug(t); next(); }",
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The Authorization header `auth` (from `req.headers.authorization`)' },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function mw(req, res, next) { const auth = req.headers.authorization; const [, t] = auth.split(' '); logger.debug(${sha('auth')}); logger.debug(t); next(); }` },
            { messageId: 'redactValue', output: "function mw(req, res, next) { const auth = req.headers.authorization; const [, t] = auth.split(' '); logger.debug('[REDACTED]'); logger.debug(t); next(); }" },
          ],
        },
        {
          messageId: 'rawSecret',
          data: { description: "The Authorization header `t` (from `auth.split(' ')`)" },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function mw(req, res, next) { const auth = req.headers.authorization; const [, t] = auth.split(' '); logger.debug(auth); logger.debug(${sha('t')}); next(); }` },
            { messageId: 'redactValue', output: "function mw(req, res, next) { const auth = req.headers.authorization; const [, t] = auth.split(' '); logger.debug(auth); logger.debug('[REDACTED]'); next(); }" },
          ],
        },
      ],
    },
    {
      code: 'console.log(process.env);',
      errors: [{ messageId: 'secretObject', suggestions: [{ messageId: 'redactValue', output: "console.log('[REDACTED]');" }] }],
    },
    {
      // the signed session cookie itself is replayable; the bare express-session id only with `secretWords: ['sessionId']`
      code: "app.get('/', (req, res) => { logger.info({ sid: req.cookies['connect.sid'], session: req.sessionID }); });",
      options: [{ secretWords: ['sessionId'] }],
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}app.get('/', (req, res) => { logger.info({ sid: ${sha("req.cookies['connect.sid']")}, session: req.sessionID }); });` },
            { messageId: 'dropValue', output: "app.get('/', (req, res) => { logger.info({ session: req.sessionID }); });" },
            { messageId: 'redactValue', output: "app.get('/', (req, res) => { logger.info({ sid: '[REDACTED]', session: req.sessionID }); });" },
          ],
        },
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}app.get('/', (req, res) => { logger.info({ sid: req.cookies['connect.sid'], session: ${sha('req.sessionID')} }); });` },
            { messageId: 'dropValue', output: "app.get('/', (req, res) => { logger.info({ sid: req.cookies['connect.sid'] }); });" },
            { messageId: 'redactValue', output: "app.get('/', (req, res) => { logger.info({ sid: req.cookies['connect.sid'], session: '[REDACTED]' }); });" },
          ],
        },
      ],
    },
    {
      // Nest interceptor
      code: `
class LoggingInterceptor {
  private readonly logger = new Logger('HTTP');
  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest();
    this.logger.debug(request.headers);
    return next.handle();
  }
}`,
      errors: [{ messageId: 'secretObject', line: 6, suggestions: [{ messageId: 'redactValue', output: `
class LoggingInterceptor {
  private readonly logger = new Logger('HTTP');
  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest();
    this.logger.debug('[REDACTED]');
    return next.handle();
  }
}` }] }],
    },
    {
      // Hono and Next.js route handlers
      code: "app.get('/', (c) => { console.log(c.req.header('Authorization')); return c.text('ok'); });",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}app.get('/', (c) => { console.log(${sha("c.req.header('Authorization')")}); return c.text('ok'); });` },
            { messageId: 'redactValue', output: "app.get('/', (c) => { console.log('[REDACTED]'); return c.text('ok'); });" },
          ],
        },
      ],
    },
    {
      code: "export async function GET(request: NextRequest) { console.info('session', cookies().get('token')?.value); }",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}export async function GET(request: NextRequest) { console.info('session', ${sha("cookies().get('token')?.value")}); }` },
            { messageId: 'dropValue', output: "export async function GET(request: NextRequest) { console.info('session'); }" },
            { messageId: 'redactValue', output: "export async function GET(request: NextRequest) { console.info('session', '[REDACTED]'); }" },
          ],
        },
      ],
    },
    // --- the logger's redaction does not cover it ---
    {
      // `*.password` censors nested fields only, not a top-level `password`
      code: "import pino from 'pino';\nconst logger = pino({ redact: ['*.password'] });\nfunction login(password) { logger.info({ password }, 'login'); }",
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            { messageId: 'useSha256', output: `import pino from 'pino';\n${esmImport}const logger = pino({ redact: ['*.password'] });\nfunction login(password) { logger.info({ password: ${sha('password')} }, 'login'); }` },
            { messageId: 'dropValue', output: "import pino from 'pino';\nconst logger = pino({ redact: ['*.password'] });\nfunction login(password) { logger.info({}, 'login'); }" },
            { messageId: 'redactValue', output: "import pino from 'pino';\nconst logger = pino({ redact: ['*.password'] });\nfunction login(password) { logger.info({ password: '[REDACTED]' }, 'login'); }" },
          ],
        },
      ],
    },
    {
      // redaction applies to the merging object, not to format arguments; console is not that logger
      code: "import pino from 'pino';\nconst logger = pino({ redact: ['token', 'req.headers.authorization'] });\napp.get('/', (req, res) => {\n  logger.info({}, 'token %s', req.query.token);\n  console.log({ req });\n});",
      errors: [
        {
          messageId: 'rawSecret',
          line: 4,
          suggestions: [
            { messageId: 'useSha256', output: `import pino from 'pino';\n${esmImport}const logger = pino({ redact: ['token', 'req.headers.authorization'] });\napp.get('/', (req, res) => {\n  logger.info({}, 'token %s', ${sha('req.query.token')});\n  console.log({ req });\n});` },
            { messageId: 'dropValue', output: "import pino from 'pino';\nconst logger = pino({ redact: ['token', 'req.headers.authorization'] });\napp.get('/', (req, res) => {\n  logger.info({}, 'token %s');\n  console.log({ req });\n});" },
            { messageId: 'redactValue', output: "import pino from 'pino';\nconst logger = pino({ redact: ['token', 'req.headers.authorization'] });\napp.get('/', (req, res) => {\n  logger.info({}, 'token %s', '[REDACTED]');\n  console.log({ req });\n});" },
          ],
        },
        {
          messageId: 'secretObject',
          line: 5,
          suggestions: [
            { messageId: 'dropValue', output: "import pino from 'pino';\nconst logger = pino({ redact: ['token', 'req.headers.authorization'] });\napp.get('/', (req, res) => {\n  logger.info({}, 'token %s', req.query.token);\n  console.log({});\n});" },
            { messageId: 'redactValue', output: "import pino from 'pino';\nconst logger = pino({ redact: ['token', 'req.headers.authorization'] });\napp.get('/', (req, res) => {\n  logger.info({}, 'token %s', req.query.token);\n  console.log({ req: '[REDACTED]' });\n});" },
          ],
        },
      ],
    },
    // --- fingerprint autofix ---
    {
      code: "import { logger } from './logger';\nexport function call(apiKey) { logger.info({ apiKey }, 'calling'); }",
      settings: fp,
      output: "import { logger } from './logger';\nimport { fingerprint } from './fingerprint';\nexport function call(apiKey) { logger.info({ apiKey: fingerprint(apiKey) }, 'calling'); }",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'dropValue', output: "import { logger } from './logger';\nexport function call(apiKey) { logger.info({}, 'calling'); }" },
            { messageId: 'redactValue', output: "import { logger } from './logger';\nexport function call(apiKey) { logger.info({ apiKey: '[REDACTED]' }, 'calling'); }" },
          ],
        },
      ],
    },
    {
      code: "import { fingerprint } from './fingerprint';\nfunction call(token) { logger.info(`token=${token}`); logger.warn('retry', { token }); }",
      settings: fp,
      output: "import { fingerprint } from './fingerprint';\nfunction call(token) { logger.info(`token=${fingerprint(token)}`); logger.warn('retry', { token: fingerprint(token) }); }",
      errors: [
        { messageId: 'rawSecret', suggestions: [{ messageId: 'redactValue', output: "import { fingerprint } from './fingerprint';\nfunction call(token) { logger.info(`token=[REDACTED]`); logger.warn('retry', { token }); }" }] },
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'dropValue', output: "import { fingerprint } from './fingerprint';\nfunction call(token) { logger.info(`token=${token}`); logger.warn('retry', {}); }" },
            { messageId: 'redactValue', output: "import { fingerprint } from './fingerprint';\nfunction call(token) { logger.info(`token=${token}`); logger.warn('retry', { token: '[REDACTED]' }); }" },
          ],
        },
      ],
    },
    {
      code: "const logger = require('./logger');\nfunction login(password) { logger.debug('pw: ' + password); }",
      languageOptions: js,
      settings: fp,
      output: "const logger = require('./logger');\nconst { fingerprint } = require('./fingerprint');\nfunction login(password) { logger.debug('pw: ' + fingerprint(password)); }",
      errors: [{ messageId: 'rawSecret', suggestions: [{ messageId: 'redactValue', output: "const logger = require('./logger');\nfunction login(password) { logger.debug('pw: ' + '[REDACTED]'); }" }] }],
    },
    {
      // a whole object is not fingerprinted
      code: "app.get('/', (req, res) => { logger.info({ cookies: req.cookies }); });",
      settings: fp,
      errors: [
        {
          messageId: 'secretObject',
          suggestions: [
            { messageId: 'dropValue', output: "app.get('/', (req, res) => { logger.info({}); });" },
            { messageId: 'redactValue', output: "app.get('/', (req, res) => { logger.info({ cookies: '[REDACTED]' }); });" },
          ],
        },
      ],
    },
    {
      // a configured helper that is neither in scope nor importable: suggestions only
      code: 'function f(secret) { logger.info({ secret }); }',
      settings: fpInScope,
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function f(secret) { logger.info({ secret: ${sha('secret')} }); }` },
            { messageId: 'dropValue', output: 'function f(secret) { logger.info({}); }' },
            { messageId: 'redactValue', output: "function f(secret) { logger.info({ secret: '[REDACTED]' }); }" },
          ],
        },
      ],
    },
    // --- how the SHA-256 suggestion reaches createHash ---
    {
      code: "import { createHash } from 'node:crypto';\nlogger.info({ otp });",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `import { createHash } from 'node:crypto';\nlogger.info({ otp: ${sha('otp')} });` },
            { messageId: 'dropValue', output: "import { createHash } from 'node:crypto';\nlogger.info({});" },
            { messageId: 'redactValue', output: "import { createHash } from 'node:crypto';\nlogger.info({ otp: '[REDACTED]' });" },
          ],
        },
      ],
    },
    {
      code: "const crypto = require('crypto');\nconsole.log('cvv', card.cvv);",
      languageOptions: js,
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `const crypto = require('crypto');\nconsole.log('cvv', ${sha('card.cvv', 'crypto.createHash')});` },
            { messageId: 'dropValue', output: "const crypto = require('crypto');\nconsole.log('cvv');" },
            { messageId: 'redactValue', output: "const crypto = require('crypto');\nconsole.log('cvv', '[REDACTED]');" },
          ],
        },
      ],
    },
    {
      // `createHash` means something else here: import node's under another name
      code: "import { createHash } from './ids';\nlogger.info({ clientSecret });",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            {
              messageId: 'useSha256',
              output: `import { createHash } from './ids';\nimport { createHash as createSha256Hash } from 'node:crypto';\nlogger.info({ clientSecret: ${sha('clientSecret', 'createSha256Hash')} });`,
            },
            { messageId: 'dropValue', output: "import { createHash } from './ids';\nlogger.info({});" },
            { messageId: 'redactValue', output: "import { createHash } from './ids';\nlogger.info({ clientSecret: '[REDACTED]' });" },
          ],
        },
      ],
    },
    {
      code: "const { createHash } = require('./ids');\nfunction f(bearer) { console.debug('auth', bearer); }",
      languageOptions: js,
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            {
              messageId: 'useSha256',
              output: `const { createHash } = require('./ids');\nconst { createHash: createSha256Hash } = require('node:crypto');\nfunction f(bearer) { console.debug('auth', ${sha('bearer', 'createSha256Hash')}); }`,
            },
            { messageId: 'dropValue', output: "const { createHash } = require('./ids');\nfunction f(bearer) { console.debug('auth'); }" },
            { messageId: 'redactValue', output: "const { createHash } = require('./ids');\nfunction f(bearer) { console.debug('auth', '[REDACTED]'); }" },
          ],
        },
      ],
    },
    // --- containers and TypeScript syntax ---
    {
      code: 'logger.info(JSON.stringify({ email, password }));',
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logger.info(JSON.stringify({ email, password: ${sha('password')} }));` },
            { messageId: 'dropValue', output: 'logger.info(JSON.stringify({ email }));' },
            { messageId: 'redactValue', output: "logger.info(JSON.stringify({ email, password: '[REDACTED]' }));" },
          ],
        },
      ],
    },
    {
      code: "function f(token?: string) { logger.info({ auth: token ? token : 'none' }); }",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}function f(token?: string) { logger.info({ auth: token ? ${sha('token')} : 'none' }); }` },
            { messageId: 'redactValue', output: "function f(token?: string) { logger.info({ auth: token ? '[REDACTED]' : 'none' }); }" },
          ],
        },
      ],
    },
    {
      code: "app.get('/', (req: Request, res: Response) => { logger.warn({ auth: req.headers.authorization! as string } satisfies object); });",
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}app.get('/', (req: Request, res: Response) => { logger.warn({ auth: ${sha('req.headers.authorization! as string')} } satisfies object); });` },
            { messageId: 'dropValue', output: "app.get('/', (req: Request, res: Response) => { logger.warn({} satisfies object); });" },
            { messageId: 'redactValue', output: "app.get('/', (req: Request, res: Response) => { logger.warn({ auth: '[REDACTED]' } satisfies object); });" },
          ],
        },
      ],
    },
    {
      code: 'function login(user, password) { const msg = `login ${user} pw=${password}`; logger.info(msg); }',
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The value `msg` (built from the password `password`)' },
          suggestions: [{ messageId: 'redactValue', output: "function login(user, password) { const msg = `login ${user} pw=${password}`; logger.info('[REDACTED]'); }" }],
        },
      ],
    },
    // --- configured log functions and options ---
    {
      code: "logError('upstream failed', { token });",
      settings: { 'security-logging': { logFunctions: ['logError'] } },
      errors: [
        {
          messageId: 'rawSecret',
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logError('upstream failed', { token: ${sha('token')} });` },
            { messageId: 'dropValue', output: "logError('upstream failed', {});" },
            { messageId: 'redactValue', output: "logError('upstream failed', { token: '[REDACTED]' });" },
          ],
        },
      ],
    },
    {
      code: "logger.info({ sessionId }, 'login');",
      options: [{ secretWords: ['sessionId'] }],
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The sessionId `sessionId`' },
          suggestions: [
            { messageId: 'useSha256', output: `${esmImport}logger.info({ sessionId: ${sha('sessionId')} }, 'login');` },
            { messageId: 'dropValue', output: "logger.info({}, 'login');" },
            { messageId: 'redactValue', output: "logger.info({ sessionId: '[REDACTED]' }, 'login');" },
          ],
        },
      ],
    },
    // --- what still carries the secret ---
    {
      // The imported logger logs headers as they come (bunyan.stdSerializers.req).
      code: `const log = require('./plain-logger');
module.exports = (req, res, next) => {
  log.info({ req }, 'request');
  next();
};`,
      filename: path.join(fixtureDir, 'loggers', 'routes.js'),
      errors: [
        {
          messageId: 'secretObject',
          line: 3,
          suggestions: [
            { messageId: 'dropValue', output: `const log = require('./plain-logger');
module.exports = (req, res, next) => {
  log.info({}, 'request');
  next();
};` },
            { messageId: 'redactValue', output: `const log = require('./plain-logger');
module.exports = (req, res, next) => {
  log.info({ req: '[REDACTED]' }, 'request');
  next();
};` },
          ],
        },
      ],
    },
    {
      // A serializer that copies the headers is no redaction.
      code: `import logger from './copying-logger.mjs';
export const logRequest = (req, res, next) => {
  logger.info({ req }, 'request');
  next();
};`,
      filename: path.join(fixtureDir, 'loggers', 'routes.mjs'),
      errors: [
        {
          messageId: 'secretObject',
          line: 3,
          suggestions: [
            { messageId: 'dropValue', output: `import logger from './copying-logger.mjs';
export const logRequest = (req, res, next) => {
  logger.info({}, 'request');
  next();
};` },
            { messageId: 'redactValue', output: `import logger from './copying-logger.mjs';
export const logRequest = (req, res, next) => {
  logger.info({ req: '[REDACTED]' }, 'request');
  next();
};` },
          ],
        },
      ],
    },
    {
      // A logger module that cannot be read: the rule assumes nothing.
      code: `const logger = require('./no-such-logger');
app.use((req, res, next) => {
  logger.info({ req }, 'request');
  next();
});`,
      filename: path.join(fixtureDir, 'loggers', 'routes.js'),
      errors: [
        {
          messageId: 'secretObject',
          line: 3,
          suggestions: [
            { messageId: 'dropValue', output: `const logger = require('./no-such-logger');
app.use((req, res, next) => {
  logger.info({}, 'request');
  next();
});` },
            { messageId: 'redactValue', output: `const logger = require('./no-such-logger');
app.use((req, res, next) => {
  logger.info({ req: '[REDACTED]' }, 'request');
  next();
});` },
          ],
        },
      ],
    },
    {
      // A serializer that hands the request back keeps its headers.
      code: `import pino from 'pino';
const logger = pino({ serializers: { req: (req) => { req.body = undefined; return req; } } });
app.use((req, res, next) => {
  logger.info({ req }, 'request');
  next();
});`,
      errors: [
        {
          messageId: 'secretObject',
          line: 4,
          suggestions: [
            { messageId: 'dropValue', output: `import pino from 'pino';
const logger = pino({ serializers: { req: (req) => { req.body = undefined; return req; } } });
app.use((req, res, next) => {
  logger.info({}, 'request');
  next();
});` },
            { messageId: 'redactValue', output: `import pino from 'pino';
const logger = pino({ serializers: { req: (req) => { req.body = undefined; return req; } } });
app.use((req, res, next) => {
  logger.info({ req: '[REDACTED]' }, 'request');
  next();
});` },
          ],
        },
      ],
    },
    {
      // A req serializer does not cover another field: the raw headers.
      code: `import pino from 'pino';
const logger = pino({ serializers: { req: (req) => ({ method: req.method, url: req.url }) } });
app.use((req, res, next) => {
  logger.info({ headers: req.headers }, 'request');
  next();
});`,
      errors: [
        {
          messageId: 'secretObject',
          line: 4,
          suggestions: [
            { messageId: 'dropValue', output: `import pino from 'pino';
const logger = pino({ serializers: { req: (req) => ({ method: req.method, url: req.url }) } });
app.use((req, res, next) => {
  logger.info({}, 'request');
  next();
});` },
            { messageId: 'redactValue', output: `import pino from 'pino';
const logger = pino({ serializers: { req: (req) => ({ method: req.method, url: req.url }) } });
app.use((req, res, next) => {
  logger.info({ headers: '[REDACTED]' }, 'request');
  next();
});` },
          ],
        },
      ],
    },
    {
      // The key itself, next to its id, is still a secret.
      code: `logger.info({ signingKeyDid, signingKey }, 'account created');`,
      errors: [
        {
          messageId: 'rawSecret',
          line: 1,
          suggestions: [
            { messageId: 'useSha256', output: `import { createHash } from 'node:crypto';
logger.info({ signingKeyDid, signingKey: createHash('sha256').update(String(signingKey)).digest('hex').slice(0, 12) }, 'account created');` },
            { messageId: 'dropValue', output: `logger.info({ signingKeyDid }, 'account created');` },
            { messageId: 'redactValue', output: `logger.info({ signingKeyDid, signingKey: '[REDACTED]' }, 'account created');` },
          ],
        },
      ],
    },
    // --- security-question answers and configuration dumps (issue 18) ---
    {
      code: "router.post('/reset', async (req, res) => {\n  const { email, securityAnswer } = req.body;\n  logger.warn(`reset attempt for ${email} with answer ${securityAnswer}`);\n  res.end();\n});",
      errors: [{ messageId: 'rawSecret', line: 3, suggestions: [{"messageId": "useSha256", "output": "import { createHash } from 'node:crypto';\nrouter.post('/reset', async (req, res) => {\n  const { email, securityAnswer } = req.body;\n  logger.warn(`reset attempt for ${email} with answer ${createHash('sha256').update(String(securityAnswer)).digest('hex').slice(0, 12)}`);\n  res.end();\n});"}, {"messageId": "redactValue", "output": "router.post('/reset', async (req, res) => {\n  const { email, securityAnswer } = req.body;\n  logger.warn(`reset attempt for ${email} with answer [REDACTED]`);\n  res.end();\n});"}] }],
    },
    {
      code: "async function checkSecurityAnswer(email, answer) {\n  const stored = await SecurityAnswer.findOne({ email });\n  logger.debug({ email, answer }, 'checking security answer');\n  return stored && stored.answer === hmac(answer);\n}",
      errors: [{ messageId: 'rawSecret', line: 3, suggestions: [{"messageId": "useSha256", "output": "import { createHash } from 'node:crypto';\nasync function checkSecurityAnswer(email, answer) {\n  const stored = await SecurityAnswer.findOne({ email });\n  logger.debug({ email, answer: createHash('sha256').update(String(answer)).digest('hex').slice(0, 12) }, 'checking security answer');\n  return stored && stored.answer === hmac(answer);\n}"}, {"messageId": "dropValue", "output": "async function checkSecurityAnswer(email, answer) {\n  const stored = await SecurityAnswer.findOne({ email });\n  logger.debug({ email }, 'checking security answer');\n  return stored && stored.answer === hmac(answer);\n}"}, {"messageId": "redactValue", "output": "async function checkSecurityAnswer(email, answer) {\n  const stored = await SecurityAnswer.findOne({ email });\n  logger.debug({ email, answer: '[REDACTED]' }, 'checking security answer');\n  return stored && stored.answer === hmac(answer);\n}"}] }],
    },
    {
      code: "import config from './config';\napp.listen(config.port, () => {\n  logger.info(config, 'server started');\n});",
      options: [{ configObjects: true }],
      errors: [{ messageId: 'secretObject', line: 3, suggestions: [{"messageId": "dropValue", "output": "import config from './config';\napp.listen(config.port, () => {\n  logger.info('server started');\n});"}] }],
    },
    {
      code: "const { settings } = require('./settings');\nconsole.log('config', JSON.stringify(settings, null, 2));",
      options: [{ configObjects: true }],
      errors: [{ messageId: 'secretObject', line: 2, suggestions: [] }],
    },
    {
      code: "class Server {\n  async start() {\n    await this.db.connect(this.config.databaseUrl, this.config.dbPassword);\n    this.logger.debug({ config: this.config }, 'starting');\n  }\n}",
      options: [{ configObjects: true }],
      errors: [{ messageId: 'secretObject', line: 4, suggestions: [{ messageId: 'dropValue', output: "class Server {\n  async start() {\n    await this.db.connect(this.config.databaseUrl, this.config.dbPassword);\n    this.logger.debug({}, 'starting');\n  }\n}" }] }],
    },
  ],
});

typedTester.run('no-raw-secret-in-log (type information)', rule, {
  valid: [
    {
      code: 'interface User { id: string; email: string; passwordChangedAt: Date }\ndeclare const logger: { info(...a: unknown[]): void };\nexport function f(user: User) { logger.info({ user }, "loaded"); }',
      filename: typedFile,
    },
    {
      code: 'interface User { id: string; passwordHash: string }\ndeclare const logger: { info(...a: unknown[]): void };\nexport function f(user: User) { const { passwordHash, ...safeUser } = user; logger.info({ user: safeUser }); }',
      filename: typedFile,
    },
    {
      code: 'declare const logger: { info(...a: unknown[]): void };\nexport function f(token: boolean, tokenCount: number, secret: number) { logger.info({ token, secret }); }',
      filename: typedFile,
    },
    {
      code: 'interface Req { body: { title: string; tags: string[] } }\ndeclare const logger: { info(...a: unknown[]): void };\nexport function create(req: Req) { logger.info(req.body); }',
      filename: typedFile,
    },
  ],
  invalid: [
    {
      code: 'interface User { id: string; passwordHash: string }\ndeclare const logger: { info(...a: unknown[]): void };\nexport function f(user: User) { logger.info({ user }, "loaded"); }',
      filename: typedFile,
      errors: [
        {
          messageId: 'secretObject',
          line: 3,
          data: { text: 'user', what: 'an object of type `User`', carries: 'the secret field `passwordHash`' },
          suggestions: [
            { messageId: 'dropValue', output: 'interface User { id: string; passwordHash: string }\ndeclare const logger: { info(...a: unknown[]): void };\nexport function f(user: User) { logger.info({}, "loaded"); }' },
            { messageId: 'redactValue', output: "interface User { id: string; passwordHash: string }\ndeclare const logger: { info(...a: unknown[]): void };\nexport function f(user: User) { logger.info({ user: '[REDACTED]' }, \"loaded\"); }" },
          ],
        },
      ],
    },
    {
      code: `
class LoginDto { email!: string; password!: string; }
declare class Logger { constructor(name: string); log(...a: unknown[]): void }
export class AuthController {
  private readonly logger = new Logger('Auth');
  login(dto: LoginDto) { this.logger.log(dto); }
}`,
      filename: typedFile,
      errors: [{ messageId: 'secretObject', line: 6, suggestions: [{ messageId: 'redactValue', output: `
class LoginDto { email!: string; password!: string; }
declare class Logger { constructor(name: string); log(...a: unknown[]): void }
export class AuthController {
  private readonly logger = new Logger('Auth');
  login(dto: LoginDto) { this.logger.log('[REDACTED]'); }
}` }] }],
    },
  ],
});
