import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/log-rate-limit-violations.js';

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/** A configured pino logger imported from the app's own module: fixes become autofixes. */
const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };

const EXPRESS_HANDLER = (indent: string, log: string) =>
  [
    'handler: async (req, res, _next, options) => {',
    `${indent}  ${log};`,
    `${indent}  res.status(options.statusCode);`,
    `${indent}  const message = typeof options.message === 'function' ? await options.message(req, res) : options.message;`,
    `${indent}  if (!res.writableEnded) res.send(message);`,
    `${indent}}`,
  ].join('\n');
const EXPRESS_LOG_CONSOLE = "console.warn('Rate limit exceeded', { method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], limit: options.limit })";
const EXPRESS_LOG_PINO = "logger.warn({ method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], limit: options.limit }, 'Rate limit exceeded')";

const LOGIN_LIMITER = `import rateLimit from 'express-rate-limit';

export const loginLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  limit: 5,
  standardHeaders: 'draft-8',
});`;
const loginLimiterWith = (log: string) =>
  LOGIN_LIMITER.replace("standardHeaders: 'draft-8',", `standardHeaders: 'draft-8',\n  ${EXPRESS_HANDLER('  ', log)},`);

const N8N_SERVICE = `const express_rate_limit_1 = require("express-rate-limit");
class RateLimitService {
    createIpRateLimitMiddleware(rateLimit) {
        return (0, express_rate_limit_1.rateLimit)({
            limit: rateLimit.limit,
            windowMs: rateLimit.windowMs,
            message: { message: 'Too many requests' },
        });
    }
}`;

const FASTIFY = `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const fastify = Fastify({ logger: true });
await fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' });`;

const KOA = `import ratelimit from 'koa-ratelimit';
app.use(ratelimit({
  driver: 'memory',
  db: new Map(),
  duration: 60000,
  max: 100,
}));`;

const HONO = `import { rateLimiter } from 'hono-rate-limiter';
app.use(
  rateLimiter({
    windowMs: 15 * 60 * 1000,
    limit: 100,
    keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '',
  }),
);`;

const HAND_WRITTEN = `export function limitLogins(req, res, next) {
  if (attempts.get(req.ip) > MAX_ATTEMPTS) {
    return res.status(429).json({ error: 'Too many login attempts' });
  }
  next();
}`;

const KOA_HAND_WRITTEN = `router.use(async (ctx, next) => {
  const hits = await redis.incr(\`rl:\${ctx.ip}\`);
  if (hits > 100) {
    ctx.status = 429;
    ctx.body = 'Too many requests';
    return;
  }
  await next();
});`;

ruleTester.run('log-rate-limit-violations', rule, {
  valid: [
    // express-rate-limit: a handler that logs at warn
    `import rateLimit from 'express-rate-limit';
export const apiLimiter = rateLimit({
  windowMs: 60_000,
  limit: 100,
  handler: (req, res, next, options) => {
    logger.warn({ ip: req.ip, path: req.originalUrl, limit: options.limit }, 'rate limit exceeded');
    res.status(options.statusCode).send(options.message);
  },
});`,
    // a handler from another module: trusted
    `import { rateLimit } from 'express-rate-limit';
import { onRateLimited } from './security/rate-limit-handler';
app.use(rateLimit({ windowMs: 60_000, limit: 100, handler: onRateLimited }));`,
    // a same-file handler function that logs
    `const rateLimit = require('express-rate-limit');
function tooMany(req, res) {
  console.warn('rate limited', req.ip, req.originalUrl);
  res.status(429).send('Too many requests');
}
app.use(rateLimit({ windowMs: 60_000, max: 100, handler: tooMany }));`,
    // options built elsewhere: cannot tell
    `import rateLimit from 'express-rate-limit';
import { limiterOptions } from './config';
app.use(rateLimit(limiterOptions));`,
    `import rateLimit from 'express-rate-limit';
app.use(rateLimit({ ...baseOptions, windowMs: 1000 }));`,
    // not the package: a local helper named rateLimit
    `import rateLimit from './middleware/rate-limit';
app.use(rateLimit({ limit: 10 }));`,
    // @fastify/rate-limit with a logging onExceeded
    `import rateLimit from '@fastify/rate-limit';
await fastify.register(rateLimit, {
  max: 100,
  timeWindow: '1 minute',
  onExceeded: (request, key) => request.log.warn({ ip: request.ip, url: request.url, key }, 'rate limit exceeded'),
});`,
    // an errorResponseBuilder that logs counts too
    `await fastify.register(import('@fastify/rate-limit'), {
  max: 10,
  errorResponseBuilder(request, context) {
    request.log.warn({ ip: request.ip, max: context.max }, 'rate limit exceeded');
    return { statusCode: 429, error: 'Too Many Requests', message: \`Retry in \${context.after}\` };
  },
});`,
    // fastify.register of another plugin
    `import cors from '@fastify/cors';
await fastify.register(cors, { origin: true });`,
    // koa-ratelimit with onLimited that logs
    `import ratelimit from 'koa-ratelimit';
app.use(ratelimit({ driver: 'redis', db: redis, max: 100, onLimited: (ctx) => logger.warn({ ip: ctx.ip, path: ctx.path }, 'rate limited') }));`,
    // hono-rate-limiter with a handler that logs
    `import { rateLimiter } from 'hono-rate-limiter';
app.use(rateLimiter({
  windowMs: 60_000,
  limit: 50,
  keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? '',
  handler: (c) => {
    console.warn('rate limit exceeded', c.req.path);
    return c.text('Too many requests', 429);
  },
}));`,
    // Nest: a ThrottlerGuard subclass whose throwThrottlingException logs
    `import { Injectable, Logger } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerException } from '@nestjs/throttler';
@Injectable()
export class LoggingThrottlerGuard extends ThrottlerGuard {
  private readonly logger = new Logger(LoggingThrottlerGuard.name);
  protected async throwThrottlingException(context, detail): Promise<void> {
    const req = context.switchToHttp().getRequest();
    this.logger.warn(\`Rate limit exceeded: \${req.ip} \${req.url} (limit \${detail.limit})\`);
    throw new ThrottlerException();
  }
}`,
    // Nest: the stock guard when an exception filter elsewhere logs 429s
    {
      code: `import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
export const providers = [{ provide: APP_GUARD, useClass: ThrottlerGuard }];`,
      options: [{ loggedElsewhere: true }],
    },
    // Nest: a guard of another package
    `import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
export const providers = [{ provide: APP_GUARD, useClass: AuthGuard }];`,
    // hand-written 429 logged at warn before it
    `export function limitLogins(req, res, next) {
  if (attempts.get(req.ip) > MAX_ATTEMPTS) {
    logger.warn({ ip: req.ip, path: req.originalUrl, limit: MAX_ATTEMPTS }, 'login rate limit exceeded');
    return res.status(429).json({ error: 'Too many login attempts' });
  }
  next();
}`,
    // rate-limiter-flexible: the rejection logs before answering
    `app.use((req, res, next) => {
  limiter.consume(req.ip)
    .then(() => next())
    .catch(() => {
      req.log.warn({ ip: req.ip }, 'rate limit exceeded');
      res.status(429).send('Too Many Requests');
    });
});`,
    // a 429 of an upstream service read, not answered
    `export async function fetchWithRetry(url) {
  const response = await fetch(url);
  if (response.status === 429) return retryLater(url);
  return response.json();
}`,
    // a proxy passing on the upstream service's 429
    `app.get('/search', async (req, res) => {
  const upstream = await fetch(searchUrl(req.query.q));
  if (upstream.status === 429) return res.status(429).json({ error: 'Search is busy, retry later' });
  res.json(await upstream.json());
});`,
    // thrown or forwarded 429s go to the error handler (Ghost's express-brute failCallback): only with includeThrown
    `app.post('/otp', async (req, res) => {
  if (await tooManyAttempts(req.body.phone)) throw createError(429, 'Too many attempts');
  res.json(await sendOtp(req.body.phone));
});`,
    `const brute = new ExpressBrute(store, {
  failCallback(req, res, next) {
    return next(new errors.TooManyRequestsError({ message: 'Too many attempts' }));
  },
});`,
    {
      code: `app.post('/otp', async (req, res) => {
  if (await tooManyAttempts(req.body.phone)) throw createError(429, 'Too many attempts');
  res.json(await sendOtp(req.body.phone));
});`,
      options: [{ includeThrown: true, loggedElsewhere: true }],
    },
    // test files are not checked
    {
      code: `import rateLimit from 'express-rate-limit';
const limiter = rateLimit({ windowMs: 1000, limit: 1 });`,
      filename: 'rate-limit.test.ts',
    },
  ],
  invalid: [
    // a hand-written 429 in a Fastify route of a file that logs through request.log: the fix uses it (its lines carry
    // the request id), with a configured logger as an autofix
    {
      "settings": pino,
      "code": "export default async function routes(fastify) {\n  fastify.post('/login', async (request, reply) => {\n    if (await attempts.tooMany(request.ip)) {\n      return reply.code(429).send({ error: 'Too many attempts' });\n    }\n    request.log.info('login attempt');\n    return login(request.body);\n  });\n}",
      "output": "export default async function routes(fastify) {\n  fastify.post('/login', async (request, reply) => {\n    if (await attempts.tooMany(request.ip)) {\n      request.log.warn({ method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Rate limit exceeded');\n      return reply.code(429).send({ error: 'Too many attempts' });\n    }\n    request.log.info('login attempt');\n    return login(request.body);\n  });\n}",
      "errors": [
        {
          "messageId": "handWrittenUnlogged",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logViolation",
              "data": {
                "call": "request.log.warn"
              },
              "output": "export default async function routes(fastify) {\n  fastify.post('/login', async (request, reply) => {\n    if (await attempts.tooMany(request.ip)) {\n      request.log.warn({ method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Rate limit exceeded');\n      return reply.code(429).send({ error: 'Too many attempts' });\n    }\n    request.log.info('login attempt');\n    return login(request.body);\n  });\n}"
            }
          ]
        }
      ]
    },
    // express-rate-limit without a handler: suggestion (no logger configured)
    {
      code: LOGIN_LIMITER,
      errors: [{ messageId: 'limiterUnlogged', line: 3, suggestions: [{ messageId: 'addHook', data: { hook: 'handler', call: 'console.warn' }, output: loginLimiterWith(EXPRESS_LOG_CONSOLE) }] }],
    },
    // with a configured logger: autofix in its style, importing it
    {
      code: LOGIN_LIMITER,
      settings: pino,
      output: `import rateLimit from 'express-rate-limit';\nimport { logger } from './logger';${loginLimiterWith(EXPRESS_LOG_PINO).slice('import rateLimit from \'express-rate-limit\';'.length)}`,
      errors: [
        {
          messageId: 'limiterUnlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'addHook',
              data: { hook: 'handler', call: 'logger.warn' },
              output: `import rateLimit from 'express-rate-limit';\nimport { logger } from './logger';${loginLimiterWith(EXPRESS_LOG_PINO).slice('import rateLimit from \'express-rate-limit\';'.length)}`,
            },
          ],
        },
      ],
    },
    // CommonJS, named export, no options at all
    {
      code: "const { rateLimit } = require('express-rate-limit');\napp.use('/api/', rateLimit());",
      errors: [
        {
          messageId: 'limiterUnlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'addHook',
              data: { hook: 'handler', call: 'console.warn' },
              output: `const { rateLimit } = require('express-rate-limit');\napp.use('/api/', rateLimit({ ${EXPRESS_HANDLER('  ', EXPRESS_LOG_CONSOLE)} }));`,
            },
          ],
        },
      ],
    },
    // compiled TypeScript (n8n's RateLimitService)
    {
      code: N8N_SERVICE,
      errors: [
        {
          messageId: 'limiterUnlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'addHook',
              data: { hook: 'handler', call: 'console.warn' },
              output: N8N_SERVICE.replace(
                "message: { message: 'Too many requests' },",
                `message: { message: 'Too many requests' },\n            ${EXPRESS_HANDLER('            ', EXPRESS_LOG_CONSOLE).replace(/\n {14}/gu, '\n                ')},`,
              ),
            },
          ],
        },
      ],
    },
    // onLimitReached was removed in express-rate-limit v7: it never runs
    {
      code: `import rateLimit from 'express-rate-limit';
app.use(rateLimit({ windowMs: 60_000, limit: 10, onLimitReached: (req) => logger.warn({ ip: req.ip }, 'limited'), handler: (req, res) => res.status(429).send('slow down') }));`,
      errors: [{ messageId: 'hookUnlogged', line: 2, data: { hook: 'handler' } }],
    },
    // a handler that answers but does not log
    {
      code: `import rateLimit from 'express-rate-limit';
export const limiter = rateLimit({
  windowMs: 60_000,
  limit: 10,
  handler(req, res) {
    logger.info('limited');
    res.status(429).json({ error: 'Too many requests' });
  },
});`,
      errors: [{ messageId: 'hookUnlogged', line: 5 }],
    },
    // @fastify/rate-limit: onExceeded defaults to a no-op; the fix uses Fastify's request logger
    {
      code: FASTIFY,
      errors: [
        {
          messageId: 'limiterUnlogged',
          line: 4,
          data: { library: '@fastify/rate-limit', hook: 'onExceeded' },
          suggestions: [
            {
              messageId: 'addHook',
              data: { hook: 'onExceeded', call: 'request.log.warn' },
              output: FASTIFY.replace(
                "timeWindow: '1 minute' }",
                "timeWindow: '1 minute', onExceeded: (request, key) => {\n    request.log.warn({ method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'], key, limit: 100 }, 'Rate limit exceeded');\n  } }",
              ),
            },
          ],
        },
      ],
    },
    // koa-ratelimit: onLimited (in JavaScript: @types/koa-ratelimit does not declare it)
    {
      code: KOA,
      filename: 'server.js',
      errors: [
        {
          messageId: 'limiterUnlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'addHook',
              data: { hook: 'onLimited', call: 'console.warn' },
              output: KOA.replace('  max: 100,', "  max: 100,\n  onLimited: (ctx) => {\n    console.warn('Rate limit exceeded', { method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent'), limit: 100 });\n  },"),
            },
          ],
        },
      ],
    },
    // koa-ratelimit in TypeScript: reported without a fix
    {
      code: KOA,
      errors: [{ messageId: 'limiterUnlogged', line: 2, suggestions: [] }],
    },
    // hono-rate-limiter
    {
      code: HONO,
      errors: [
        {
          messageId: 'limiterUnlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'addHook',
              data: { hook: 'handler', call: 'console.warn' },
              output: HONO.replace(
                "    keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '',",
                [
                  "    keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '',",
                  '    handler: async (c, _next, options) => {',
                  "      console.warn('Rate limit exceeded', { method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent'), limit: 100 });",
                  '      c.status(options.statusCode);',
                  "      const message = typeof options.message === 'function' ? await options.message(c) : options.message;",
                  "      return typeof message === 'string' ? c.text(message) : c.json(message);",
                  '    },',
                ].join('\n'),
              ),
            },
          ],
        },
      ],
    },
    // Nest: the stock ThrottlerGuard as the app guard
    {
      code: `import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}`,
      errors: [{ messageId: 'throttlerUnlogged', line: 5 }],
    },
    // Nest: a subclass that overrides throwThrottlingException without logging
    {
      code: `import { ThrottlerGuard, ThrottlerException } from '@nestjs/throttler';
export class CustomThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Slow down');
  }
}`,
      errors: [{ messageId: 'hookUnlogged', line: 3, data: { hook: 'throwThrottlingException' } }],
    },
    // hand-written 429 in Express middleware
    {
      code: HAND_WRITTEN,
      errors: [
        {
          messageId: 'handWrittenUnlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logViolation',
              data: { call: 'console.warn' },
              output: HAND_WRITTEN.replace("    return res.status(429)", "    console.warn('Rate limit exceeded', { method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(429)"),
            },
          ],
        },
      ],
    },
    // hand-written 429 in Koa middleware
    {
      code: KOA_HAND_WRITTEN,
      errors: [
        {
          messageId: 'handWrittenUnlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logViolation',
              data: { call: 'console.warn' },
              output: KOA_HAND_WRITTEN.replace('    ctx.status = 429;', "    console.warn('Rate limit exceeded', { method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });\n    ctx.status = 429;"),
            },
          ],
        },
      ],
    },
    // includeThrown: a thrown 429 in a route
    {
      code: `app.post('/otp', async (req, res) => {
  if (await tooManyAttempts(req.body.phone)) throw createError(429, 'Too many attempts');
  res.json(await sendOtp(req.body.phone));
});`,
      options: [{ includeThrown: true }],
      errors: [{ messageId: 'handWrittenUnlogged', line: 2, suggestions: [{ messageId: 'logViolation', data: { call: 'console.warn' }, output: `app.post('/otp', async (req, res) => {
  if (await tooManyAttempts(req.body.phone)) {
    console.warn('Rate limit exceeded', { method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    throw createError(429, 'Too many attempts');
  }
  res.json(await sendOtp(req.body.phone));
});` }] }],
    },
    // includeThrown: Koa's ctx.throw(429) is an exposed error that Koa does not log
    {
      code: `router.post('/login', async (ctx) => {
  if (await limiter.isBlocked(ctx.ip)) ctx.throw(429, 'Too many attempts');
  ctx.body = await login(ctx.request.body);
});`,
      options: [{ includeThrown: true }],
      errors: [{ messageId: 'handWrittenUnlogged', line: 2, suggestions: [{ messageId: 'logViolation', data: { call: 'console.warn' }, output: `router.post('/login', async (ctx) => {
  if (await limiter.isBlocked(ctx.ip)) {
    console.warn('Rate limit exceeded', { method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });
    ctx.throw(429, 'Too many attempts');
  }
  ctx.body = await login(ctx.request.body);
});` }] }],
    },
    // logged only below warn, and a one-line if: the fix wraps it in a block
    {
      code: `import { logger } from './logger';
app.post('/login', (req, res) => {
  logger.debug('login attempt');
  if (isLimited(req.ip)) return res.sendStatus(429);
  res.json(login(req.body));
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/login', (req, res) => {
  logger.debug('login attempt');
  if (isLimited(req.ip)) {
    logger.warn({ method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Rate limit exceeded');
    return res.sendStatus(429);
  }
  res.json(login(req.body));
});`,
      errors: [
        {
          messageId: 'handWrittenUnlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logViolation',
              data: { call: 'logger.warn' },
              output: `import { logger } from './logger';
app.post('/login', (req, res) => {
  logger.debug('login attempt');
  if (isLimited(req.ip)) {
    logger.warn({ method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Rate limit exceeded');
    return res.sendStatus(429);
  }
  res.json(login(req.body));
});`,
            },
          ],
        },
      ],
    },
  ],
});
