import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Fastify and Hono: `request.log` in a preHandler and as the fix's target, `setErrorHandler` /
 * `app.onError` in the same file, `fastify.httpErrors`, `c.json(…, 401)` and `HTTPException`.
 * (One file for both: the Fastify cases alone have fewer valid than invalid cases.)
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (Fastify and Hono)', rule, {
  valid: [
    // --- Fastify ---
    `// request.log.warn in a preHandler
export async function authenticate(request, reply) {
  try {
    await request.jwtVerify();
  } catch (err) {
    request.log.warn({ err }, 'invalid token');
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}`,
    `// Fastify: setErrorHandler in the same file logs client errors at warn
fastify.addHook('preHandler', async (request) => {
  if (!request.user) throw fastify.httpErrors.unauthorized();
});
fastify.setErrorHandler((error, request, reply) => {
  if (error.statusCode && error.statusCode < 500) request.log.warn({ err: error }, 'client error');
  else request.log.error({ err: error }, 'server error');
  reply.send(error);
});`,
    // --- Hono ---
    `// logged before c.json(…, 401)
app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) {
    logger.warn({ path: c.req.path }, 'bad api key');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await next();
});`,
    `// Hono: app.onError in the same file logs the thrown HTTPException
app.use('/admin/*', async (c, next) => {
  if (!c.get('user')?.isAdmin) throw new HTTPException(403, { message: 'Admins only' });
  await next();
});
app.onError((err, c) => {
  logger.warn({ err, path: c.req.path }, err.message);
  return c.json({ error: err.message }, err instanceof HTTPException ? err.status : 500);
});`,
    `// Hono: the Response built for an HTTPException is a value; the throw is the rejection, and it is logged
app.use('/admin/*', async (c, next) => {
  if (!checkBasicAuth(c.req.header('authorization'))) {
    const res = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Basic' } });
    logger.warn({ path: c.req.path }, 'basic auth failed');
    throw new HTTPException(401, { res });
  }
  await next();
});`,
  ],
  invalid: [
    // --- Fastify ---
    {
      // request.log in the suggestion (no configured logger)
      code: `export async function authenticate(request: FastifyRequest, reply: FastifyReply) {
  try {
    await request.jwtVerify();
  } catch (err) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "request.log.warn" },
              output: `export async function authenticate(request: FastifyRequest, reply: FastifyReply) {
  try {
    await request.jwtVerify();
  } catch (err) {
    request.log.warn({ reason: 'invalid_token', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed: invalid token');
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // request.log as the autofix target when a logger is configured
      options: [{ includeAnonymous: true }],
      code: `fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers['x-token']) return reply.unauthorized();
});`,
      settings: pino,
      output: `import { logger } from './logger';
fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers['x-token']) {
    logger.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed');
    return reply.unauthorized();
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers['x-token']) {
    logger.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed');
    return reply.unauthorized();
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // fastify.route preHandler throwing httpErrors
      code: `fastify.route({
  method: 'GET',
  url: '/admin',
  preHandler: async (request) => {
    if (!request.user?.isAdmin) throw fastify.httpErrors.forbidden();
  },
  handler: async () => ({ ok: true }),
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "request.log.warn" },
              output: `fastify.route({
  method: 'GET',
  url: '/admin',
  preHandler: async (request) => {
    if (!request.user?.isAdmin) {
      request.log.warn({ reason: 'forbidden', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Access denied');
      throw fastify.httpErrors.forbidden();
    }
  },
  handler: async () => ({ ok: true }),
});`,
            },
          ],
        },
      ],
    },
    // --- Hono ---
    {
      // c.json(…, 401) in middleware
      code: `app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) return c.json({ error: 'Unauthorized' }, 401);
  await next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) {
    logger.warn({ reason: 'invalid_api_key', method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent') }, 'Authentication failed: invalid API key');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) {
    logger.warn({ reason: 'invalid_api_key', method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent') }, 'Authentication failed: invalid API key');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // throw new HTTPException(401)
      code: `import { HTTPException } from 'hono/http-exception';
app.post('/auth', async (c, next) => {
  if (authorized === false) {
    throw new HTTPException(401, { message: 'Custom error message' });
  }
  await next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `import { HTTPException } from 'hono/http-exception';
app.post('/auth', async (c, next) => {
  if (authorized === false) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent') });
    throw new HTTPException(401, { message: 'Custom error message' });
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
  ],
});
