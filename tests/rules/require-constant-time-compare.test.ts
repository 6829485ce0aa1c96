import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-constant-time-compare.js';

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/** What the suggestion appends to an ES module (after adding the crypto import). */
const HELPER_JS = `

/** Compare a presented credential with the expected one in constant time; false unless both are non-empty strings. */
function safeEqual(presented, expected) {
  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;
  const a = nodeCrypto.createHash('sha256').update(presented).digest();
  const b = nodeCrypto.createHash('sha256').update(expected).digest();
  return nodeCrypto.timingSafeEqual(a, b);
}
`;
const HELPER_TS = HELPER_JS.replace('safeEqual(presented, expected)', 'safeEqual(presented: unknown, expected: unknown): boolean');

/**
 * The exact text the suggestion leaves: `comparison` replaced by `call`, the crypto import on
 * top (a file without imports), the typed helper at the end (RuleTester's default file is .ts).
 */
function suggested(code: string, comparison: string, call: string): [{ messageId: 'useSafeEqual'; output: string }] {
  if (!code.includes(comparison)) throw new Error(`no ${comparison} in the test code`);
  return [{ messageId: 'useSafeEqual', output: `import nodeCrypto from 'node:crypto';\n${code.replace(comparison, call)}${HELPER_TS}` }];
}

const CASE_1 = `const validateApiKey = (req, res, next) => {
  const authHeader = req.headers.authorization;
  const apiKey = authHeader.substring(7);
  return apiKey === process.env.API_KEY ? next() : res.sendStatus(401);
};`;
const CASE_2 = `export function verifySession(token) {
  const [payload, signature] = token.split('.');
  const expected = hmacHex(process.env.SESSION_SECRET, payload);
  if (signature !== expected) return null;
  return JSON.parse(payload);
}`;
const CASE_3 = `app.post('/login', async (req, res) => {
  const user = await Users.findOne({ email: req.body.email });
  if (!user || req.body.password != user.password) return res.sendStatus(401);
  if (req.query.api_key == config.apiKey) res.json(user);
});`;
const CASE_4 = `const ADMIN_TOKEN = 'hunter2-admin';
const { WEBHOOK_SECRET } = process.env;
app.use((req, res, next) => {
  if (req.get('x-admin-token') === ADMIN_TOKEN) return next();
  if (req.get('x-webhook-secret') === WEBHOOK_SECRET) return next();
  res.sendStatus(401);
});`;
const CASE_5 = "router.use(async (ctx, next) => { if (ctx.get('x-api-key') !== config.apiKey) ctx.throw(401); await next(); });";
const CASE_6 = "fastify.addHook('onRequest', async (request, reply) => { if (request.headers['x-api-key'] !== process.env.API_KEY) return reply.code(401).send(); });";
const CASE_7 = "app.use('/admin/*', async (c, next) => { if (c.req.header('x-api-key') !== c.env.ADMIN_KEY) return c.text('no', 401); await next(); });";
const CASE_8 = `export async function GET(request) {
  if (request.headers.get('authorization') !== \`Bearer \${process.env.CRON_SECRET}\`) return new Response('Unauthorized', { status: 401 });
  return Response.json({ ok: true });
}`;
const CASE_9 = `const validKeys = process.env.API_KEYS.split(',');
app.use((req, res, next) => {
  if (!validKeys.includes(req.get('x-api-key'))) return res.sendStatus(401);
  if (validKeys.find((key) => key === req.query.token)) return next();
  next();
});`;
const METRICS = `router.get('/metrics', (req, res, next) => {
  const metricTokens = env['METRICS_TOKENS'];
  const parts = req.headers.authorization.split(' ');
  if (metricTokens.find((mt) => mt.toString() === parts[1]) !== undefined) return next();
  res.sendStatus(403);
});`;

// Basic auth decoded from the Authorization header (pm2 serve), a signed URL's keyed md5 (node-media-server).
const BASIC_DECODED = `http.createServer(function (request, response) {
  var user = parseBasicAuth(request.headers.authorization);
  if (user.password !== options.basic_auth.password) return sendBasicAuthResponse(response);
});`;
const SIGNED_URL = `export function verifyAuth(authKey, session) {
  const shv = session.streamQuery.sign.split('-')[1];
  const md5 = crypto.createHash('md5');
  const ohv = md5.update(session.streamPath + '-' + authKey).digest('hex');
  return shv === ohv;
}`;

ruleTester.run('require-constant-time-compare', rule, {
  valid: [
    // --- a *_KEY variable that is not a credential ---
    { code: "app.get('/x', (req, res) => { if (req.query.sort !== process.env.SORT_KEY) return res.sendStatus(400); res.end(); });", filename: 'sort.js' },
    // --- the project's helper from settings.safeCompare is a constant-time compare ---
    {
      code: "import { safeCompare } from './security.js';\napp.use((req, res, next) => {\n  if (!safeCompare(req.headers['x-api-key'], process.env.API_KEY)) return res.sendStatus(401);\n  next();\n});",
      settings: { 'security-logging': { safeCompare: { name: 'safeCompare', importFrom: './security.js' } } },
    },
    // --- Express: the comparisons that hold no secret on one side ---
    `app.use((req, res, next) => {
  const token = req.headers['x-api-key'];
  if (token === null || token === undefined || typeof token !== 'string' || token.length === 0) return res.sendStatus(401);
  next();
});`,
    "app.get('/debug', (req, res) => { if (process.env.NODE_ENV === 'production' && req.query.debug === 'true') res.sendStatus(403); });",
    "app.get('/admin', (req, res, next) => { if (req.user.role === 'admin') next(); else res.sendStatus(403); });",
    "app.get('/items', (req, res) => { if (req.query.page === config.defaultPage) return res.json([]); });",
    // a lookup by hash: the hash of the presented key, not the key, is compared
    `import crypto from 'node:crypto';
app.use(async (req, res, next) => {
  const hash = crypto.createHash('sha256').update(req.get('x-api-key') ?? '').digest('hex');
  const record = await ApiKeys.findOne({ hash });
  if (!record || hash !== record.keyHash) return res.sendStatus(401);
  next();
});`,
    // already constant time
    `import { timingSafeEqual, createHash } from 'node:crypto';
app.use((req, res, next) => {
  const a = createHash('sha256').update(String(req.get('x-api-key'))).digest();
  const b = createHash('sha256').update(process.env.API_KEY).digest();
  if (!timingSafeEqual(a, b)) return res.sendStatus(401);
  next();
});`,
    "app.post('/login', async (req, res) => { const ok = await bcrypt.compare(req.body.password, user.passwordHash); if (!ok) res.sendStatus(401); });",
    // two values the client sent, or two the server holds
    "app.post('/signup', (req, res) => { if (req.body.password !== req.body.passwordConfirmation) return res.status(400).end(); });",
    'if (process.env.API_KEY === process.env.LEGACY_API_KEY) console.warn("keys are the same");',
    // a secret compared with a literal: configuration checks, not authentication
    "if (process.env.API_KEY === 'changeme') throw new Error('set API_KEY');",
    // names alone are not enough: a variable called hash or token from nowhere known
    'function same(hash, other) { return hash === other; }',
    'function check(token) { return token === undefined; }',
    'for (const key of Object.keys(settings)) { if (key === process.env.FEATURE_KEY) enable(key); }',
    // a non-secret env var and a non-secret header
    "app.use((req, res, next) => { if (req.get('x-tenant') !== process.env.TENANT_ID) return res.sendStatus(404); next(); });",
    // the same secret of two records is as often change detection as a check (n8n's token revision,
    // a cached OIDC configuration, a duplicate gift): not reported
    'function oauth2TokenRevisionChanged(initial, current) { const currentRevision = getRevision(current); return initial.accessToken !== currentRevision.accessToken; }',
    'function changed(config, cached) { return config.clientSecret !== cached.clientSecret; }',
    // Buffer equals of two values the server made, or of a plain digest
    "export function same(a, b) { return Buffer.from(a).equals(Buffer.from(b)); }",
    "export function unchanged(body, etag) { return crypto.createHash('md5').update(body).digest().equals(Buffer.from(etag, 'hex')); }",
    // the scheme parsed off the whole request, and an unkeyed digest of a key (a lookup), are no secret comparisons
    "export const bearerTokenFromReq = (req) => { const [type, token] = parseAuthorizationHeader(req); return type === AuthType.BEARER ? token : null; };",
    "export function sameKey(apiKey, storedDigest) { const digest = crypto.createHash('sha256').update(apiKey).digest('hex'); return digest === storedDigest; }",
    // a plain (unkeyed) hash compared with a value: integrity, not authentication
    "import crypto from 'node:crypto';\nexport function unchanged(body, etag) { return crypto.createHash('md5').update(body).digest('hex') === etag; }",
    // `.includes` over a list of keys only with includeLookups
    "app.use((req, res, next) => { if (!validKeys.includes(req.get('x-api-key'))) return res.sendStatus(401); next(); });",
    // from real apps: a cache-busting version key, a map key, a duplicate-token check, settings keys
    "function matchCacheKey(req, cache) { if (req.query && req.query.v && cache && cache.key) return req.query.v === cache.key; }",
    'async function validateUniqueVariable(key, projectId) { return (await this.getAllCached()).filter((v) => v.key === key); }',
    `function sessionKeyUsingBotToken(botToken) {
  for (const [key, session] of this.sessions) if (session.botToken === botToken) return key;
}`,
    {
      code: "_.each(getDefaultSettings(), (defaultSetting, defaultSettingKey) => { if (usedKeys.indexOf(defaultSettingKey) === -1) insert(defaultSetting); });\nif (RESERVED_KEYS.includes(key)) throw new Error('reserved');",
      options: [{ includeLookups: true }],
    },
    // includeLookups on, but the list is not one of secrets
    {
      code: "app.get('/x', (req, res) => { if (!['asc', 'desc'].includes(req.query.order)) return res.sendStatus(400); });",
      options: [{ includeLookups: true }],
    },
  ],
  invalid: [
    { code: BASIC_DECODED, errors: [{ messageId: 'nonConstantTimeCompare', line: 3, suggestions: suggested(BASIC_DECODED, 'user.password !== options.basic_auth.password', '!safeEqual(user.password, options.basic_auth.password)') }] },
    // Buffer's equals on a signature the client sent and the HMAC the server computed
    {
      code: "export function verifyWebhook(req) {\n  const sig = Buffer.from(req.headers['x-hub-signature'], 'hex');\n  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest();\n  return sig.equals(expected);\n}",
      errors: [{ messageId: 'nonConstantTimeCompare', line: 4, data: { operator: '.equals()', left: 'a credential the client sent', right: 'a signature the server computed' } }],
    },
    { code: SIGNED_URL, errors: [{ messageId: 'nonConstantTimeCompare', line: 5, suggestions: suggested(SIGNED_URL, 'shv === ohv', 'safeEqual(shv, ohv)') }] },
    // --- a <SERVICE>_KEY environment variable is a stored secret (issue 18) ---
    {
      "code": "app.get('/metrics', (req, res) => {\n  if (req.get('x-metrics-token') !== process.env.METRICS_KEY) return res.sendStatus(401);\n  res.json(collect());\n});",
      "filename": "metrics.js",
      "errors": [
        {
          "messageId": "nonConstantTimeCompare",
          "line": 2,
          "suggestions": [
            {
              "messageId": "useSafeEqual",
              "data": {
                "helper": "safeEqual"
              },
              "output": "import nodeCrypto from 'node:crypto';\napp.get('/metrics', (req, res) => {\n  if (!safeEqual(req.get('x-metrics-token'), process.env.METRICS_KEY)) return res.sendStatus(401);\n  res.json(collect());\n});\n\n/** Compare a presented credential with the expected one in constant time; false unless both are non-empty strings. */\nfunction safeEqual(presented, expected) {\n  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;\n  const a = nodeCrypto.createHash('sha256').update(presented).digest();\n  const b = nodeCrypto.createHash('sha256').update(expected).digest();\n  return nodeCrypto.timingSafeEqual(a, b);\n}\n"
            }
          ]
        }
      ]
    },
    // --- settings.safeCompare names the project's helper: an autofix to it, imported when needed ---
    // (a helper that can be neither seen nor imported here: no autofix, the safeEqual suggestion instead)
    {
      "code": "app.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (apiKey !== process.env.API_KEY) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});",
      "filename": "api-key.js",
      "settings": {
        "security-logging": {
          "safeCompare": {
            "name": "security.safeCompare"
          }
        }
      },
      "errors": [
        {
          "messageId": "nonConstantTimeCompare",
          "line": 3,
          "suggestions": [
            {
              "messageId": "useSafeEqual",
              "data": {
                "helper": "safeEqual"
              },
              "output": "import nodeCrypto from 'node:crypto';\napp.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (!safeEqual(apiKey, process.env.API_KEY)) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});\n\n/** Compare a presented credential with the expected one in constant time; false unless both are non-empty strings. */\nfunction safeEqual(presented, expected) {\n  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;\n  const a = nodeCrypto.createHash('sha256').update(presented).digest();\n  const b = nodeCrypto.createHash('sha256').update(expected).digest();\n  return nodeCrypto.timingSafeEqual(a, b);\n}\n"
            }
          ]
        }
      ]
    },
    {
      "code": "app.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (apiKey !== process.env.API_KEY) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});",
      "filename": "api-key.js",
      "settings": {
        "security-logging": {
          "safeCompare": {
            "name": "safeCompare",
            "importFrom": "./security.js"
          }
        }
      },
      "output": "import { safeCompare } from './security.js';\napp.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (!safeCompare(apiKey, process.env.API_KEY)) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});",
      "errors": [
        {
          "messageId": "nonConstantTimeCompare",
          "line": 3,
          "suggestions": [
            {
              "messageId": "useSafeCompare",
              "data": {
                "helper": "safeCompare"
              },
              "output": "import { safeCompare } from './security.js';\napp.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (!safeCompare(apiKey, process.env.API_KEY)) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "import { safeCompare } from './security.js';\nexport function isAdmin(req) {\n  return req.headers['x-admin-token'] === process.env.ADMIN_TOKEN;\n}",
      "filename": "api-key.js",
      "settings": {
        "security-logging": {
          "safeCompare": {
            "name": "safeCompare",
            "importFrom": "./security.js"
          }
        }
      },
      "output": "import { safeCompare } from './security.js';\nexport function isAdmin(req) {\n  return safeCompare(req.headers['x-admin-token'], process.env.ADMIN_TOKEN);\n}",
      "errors": [
        {
          "messageId": "nonConstantTimeCompare",
          "line": 3,
          "suggestions": [
            {
              "messageId": "useSafeCompare",
              "data": {
                "helper": "safeCompare"
              },
              "output": "import { safeCompare } from './security.js';\nexport function isAdmin(req) {\n  return safeCompare(req.headers['x-admin-token'], process.env.ADMIN_TOKEN);\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "import * as security from './security.js';\napp.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (apiKey !== process.env.API_KEY) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});",
      "filename": "api-key.js",
      "settings": {
        "security-logging": {
          "safeCompare": {
            "name": "security.safeCompare"
          }
        }
      },
      "output": "import * as security from './security.js';\napp.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (!security.safeCompare(apiKey, process.env.API_KEY)) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});",
      "errors": [
        {
          "messageId": "nonConstantTimeCompare",
          "line": 4,
          "suggestions": [
            {
              "messageId": "useSafeCompare",
              "data": {
                "helper": "security.safeCompare"
              },
              "output": "import * as security from './security.js';\napp.use((req, res, next) => {\n  const apiKey = req.headers['x-api-key'];\n  if (!security.safeCompare(apiKey, process.env.API_KEY)) return res.status(401).json({ error: 'Invalid API key' });\n  next();\n});"
            }
          ]
        }
      ]
    },

    // --- Express ---
    {
      code: `app.use((req, res, next) => {
  const apiKey = req.headers['x-api-key'];
  if (apiKey !== process.env.API_KEY) return res.status(401).json({ error: 'Invalid API key' });
  next();
});`,
      filename: 'api-key.js',
      errors: [
        {
          messageId: 'nonConstantTimeCompare',
          line: 3,
          suggestions: [
            {
              messageId: 'useSafeEqual',
              output: `import nodeCrypto from 'node:crypto';
app.use((req, res, next) => {
  const apiKey = req.headers['x-api-key'];
  if (!safeEqual(apiKey, process.env.API_KEY)) return res.status(401).json({ error: 'Invalid API key' });
  next();
});${HELPER_JS}`,
            },
          ],
        },
      ],
    },
    // a bearer token cut from the Authorization header, compared in a return
    {
      code: CASE_1,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 4, suggestions: suggested(CASE_1, 'apiKey === process.env.API_KEY', 'safeEqual(apiKey, process.env.API_KEY)') }],
    },
    // a webhook signature against the HMAC the server computed (CommonJS)
    {
      code: `const crypto = require('crypto');
router.post('/webhook', (req, res) => {
  const signature = req.headers['x-razorpay-signature'];
  const expectedSignature = crypto.createHmac('sha256', process.env.RAZORPAY_WEBHOOK_SECRET).update(JSON.stringify(req.body)).digest('hex');
  if (signature !== expectedSignature) return res.status(400).send('Invalid webhook signature');
  res.sendStatus(200);
});`,
      filename: 'webhook.cjs',
      errors: [
        {
          messageId: 'nonConstantTimeCompare',
          line: 5,
          suggestions: [
            {
              messageId: 'useSafeEqual',
              output: `const crypto = require('crypto');
const nodeCrypto = require('node:crypto');
router.post('/webhook', (req, res) => {
  const signature = req.headers['x-razorpay-signature'];
  const expectedSignature = crypto.createHmac('sha256', process.env.RAZORPAY_WEBHOOK_SECRET).update(JSON.stringify(req.body)).digest('hex');
  if (!safeEqual(signature, expectedSignature)) return res.status(400).send('Invalid webhook signature');
  res.sendStatus(200);
});${HELPER_JS}`,
            },
          ],
        },
      ],
    },
    // a signed token checked by a helper that takes it as a parameter
    {
      code: CASE_2,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 4, suggestions: suggested(CASE_2, 'signature !== expected', '!safeEqual(signature, expected)') }],
    },
    // plain-text password against the stored one, and a key in the query string
    {
      code: CASE_3,
      errors: [
        { messageId: 'nonConstantTimeCompare', line: 3, suggestions: suggested(CASE_3, 'req.body.password != user.password', '!safeEqual(req.body.password, user.password)') },
        { messageId: 'nonConstantTimeCompare', line: 4, suggestions: suggested(CASE_3, 'req.query.api_key == config.apiKey', 'safeEqual(req.query.api_key, config.apiKey)') },
      ],
    },
    // a hard-coded key, and a key held in a same-file constant read from the environment
    {
      code: CASE_4,
      errors: [
        { messageId: 'nonConstantTimeCompare', line: 4, suggestions: suggested(CASE_4, "req.get('x-admin-token') === ADMIN_TOKEN", "safeEqual(req.get('x-admin-token'), ADMIN_TOKEN)") },
        { messageId: 'nonConstantTimeCompare', line: 5, suggestions: suggested(CASE_4, "req.get('x-webhook-secret') === WEBHOOK_SECRET", "safeEqual(req.get('x-webhook-secret'), WEBHOOK_SECRET)") },
      ],
    },
    // --- Koa ---
    {
      code: CASE_5,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 1, suggestions: suggested(CASE_5, "ctx.get('x-api-key') !== config.apiKey", "!safeEqual(ctx.get('x-api-key'), config.apiKey)") }],
    },
    // --- Fastify ---
    {
      code: CASE_6,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 1, suggestions: suggested(CASE_6, "request.headers['x-api-key'] !== process.env.API_KEY", "!safeEqual(request.headers['x-api-key'], process.env.API_KEY)") }],
    },
    // --- Hono (Workers env) ---
    {
      code: CASE_7,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 1, suggestions: suggested(CASE_7, "c.req.header('x-api-key') !== c.env.ADMIN_KEY", "!safeEqual(c.req.header('x-api-key'), c.env.ADMIN_KEY)") }],
    },
    // --- Next.js route handler: the cron secret in a Bearer header, compared as a template ---
    {
      code: CASE_8,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 2, suggestions: suggested(CASE_8, `request.headers.get('authorization') !== \`Bearer \${process.env.CRON_SECRET}\``, `!safeEqual(request.headers.get('authorization'), \`Bearer \${process.env.CRON_SECRET}\`)`) }],
    },
    // --- NestJS guard (TypeScript): the suggestion types the helper ---
    {
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    return request.headers['x-api-key'] === this.config.get<string>('API_KEY');
  }
}`,
      filename: 'api-key.guard.ts',
      errors: [
        {
          messageId: 'nonConstantTimeCompare',
          line: 7,
          suggestions: [
            {
              messageId: 'useSafeEqual',
              output: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import nodeCrypto from 'node:crypto';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    return safeEqual(request.headers['x-api-key'], this.config.get<string>('API_KEY'));
  }
}${HELPER_TS}`,
            },
          ],
        },
      ],
    },
    // a second finding in a file that already has the helper reuses it
    {
      code: `import nodeCrypto from 'node:crypto';
app.use((req, res, next) => {
  if (req.get('x-api-key') !== process.env.API_KEY) return res.sendStatus(401);
  next();
});
function safeEqual(presented, expected) {
  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;
  return nodeCrypto.timingSafeEqual(nodeCrypto.createHash('sha256').update(presented).digest(), nodeCrypto.createHash('sha256').update(expected).digest());
}`,
      errors: [
        {
          messageId: 'nonConstantTimeCompare',
          line: 3,
          suggestions: [
            {
              messageId: 'useSafeEqual',
              output: `import nodeCrypto from 'node:crypto';
app.use((req, res, next) => {
  if (!safeEqual(req.get('x-api-key'), process.env.API_KEY)) return res.sendStatus(401);
  next();
});
function safeEqual(presented, expected) {
  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;
  return nodeCrypto.timingSafeEqual(nodeCrypto.createHash('sha256').update(presented).digest(), nodeCrypto.createHash('sha256').update(expected).digest());
}`,
            },
          ],
        },
      ],
    },
    // from a real app: a metrics token list from the environment searched with ===
    {
      code: METRICS,
      errors: [{ messageId: 'nonConstantTimeCompare', line: 4, suggestions: suggested(METRICS, 'mt.toString() === parts[1]', 'safeEqual(parts[1], mt.toString())') }],
    },
    // --- lookups, with includeLookups (strict) ---
    {
      code: CASE_9,
      options: [{ includeLookups: true }],
      errors: [
        { messageId: 'nonConstantTimeLookup', line: 3 },
        { messageId: 'nonConstantTimeCompare', line: 4, suggestions: suggested(CASE_9, 'key === req.query.token', 'safeEqual(req.query.token, key)') },
      ],
    },
  ],
});
