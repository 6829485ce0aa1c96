import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/require-request-id.js';

const ruleTester = new RuleTester();
/** CommonJS JavaScript, parsed by ESLint's default parser. */
const cjs = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } } as const;

ruleTester.run('require-request-id', rule, {
  valid: [
    // --- Fastify: a unique id, or no logger at all ---
    "import Fastify from 'fastify';\nimport { randomUUID } from 'node:crypto';\nconst app = Fastify({ logger: true, genReqId: () => randomUUID() });",
    "import Fastify from 'fastify';\nconst app = Fastify();",
    "import Fastify from 'fastify';\nconst app = Fastify({ logger: false });",
    "import Fastify from 'fastify';\nconst app = Fastify(options);",
    "import Fastify from 'fastify';\nconst app = Fastify({ ...base, logger: true });",
    "import Fastify from 'fastify';\nconst app = Fastify({ logger: true, requestIdHeader: false, genReqId: newId });",
    "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.setGenReqId(() => crypto.randomUUID());",
    // an inbound id checked against a pattern before it is trusted
    `import Fastify from 'fastify';
const SAFE = /^[\\w-]{1,64}$/;
const app = Fastify({
  logger: true,
  genReqId: (req) => {
    const inbound = req.headers['x-request-id'];
    return typeof inbound === 'string' && SAFE.test(inbound) ? inbound : crypto.randomUUID();
  },
});`,
    // --- pino-http and the packages built on it ---
    "import pinoHttp from 'pino-http';\nimport { randomUUID } from 'node:crypto';\napp.use(pinoHttp({ genReqId: () => randomUUID() }));",
    "import pinoHttp from 'pino-http';\napp.use(pinoHttp(httpOptions));",
    "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ ...config.http }));",
    // an earlier middleware sets req.id, which pino-http's default generator keeps
    "import pinoHttp from 'pino-http';\nimport { randomUUID } from 'node:crypto';\napp.use((req, res, next) => { req.id = randomUUID(); next(); });\napp.use(pinoHttp());",
    "import pinoHttp from 'pino-http';\nimport requestId from 'express-request-id';\napp.use(requestId());\napp.use(pinoHttp());",
    { code: "const rTracer = require('cls-rtracer');\nconst pinoHttp = require('pino-http');\napp.use(rTracer.expressMiddleware());\napp.use(pinoHttp());", languageOptions: cjs },
    "import { LoggerModule } from 'nestjs-pino';\nLoggerModule.forRoot({ pinoHttp: { genReqId: (req, res) => randomUUID() } });",
    "import { LoggerModule } from 'nestjs-pino';\nLoggerModule.forRootAsync({ useFactory: (config) => config.get('logger') });",
    "import { pinoLogger } from 'hono-pino';\nimport { requestId } from 'hono/request-id';\napp.use(requestId());\napp.use(pinoLogger());",
    "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ http: { reqId: () => crypto.randomUUID() } }));",
    // a pino (not pino-http) logger is not a request logger
    "import pino from 'pino';\nconst logger = pino();",
    // --- loggers without ids, in a file that gives requests ids ---
    "import morgan from 'morgan';\nimport { randomUUID } from 'node:crypto';\napp.use((req, res, next) => { req.requestId = randomUUID(); next(); });\napp.use(morgan('combined'));",
    "import morgan from 'morgan';\napp.use(morgan(':id :method :url :status'));",
    "import morgan from 'morgan';\nif (process.env.NODE_ENV !== 'production') app.use(morgan('dev'));",
    "import morgan from 'morgan';\napp.use(morgan(':req[x-request-id] :method :url'));",
    { code: "import morgan from 'morgan';\napp.use(traceContext());\napp.use(morgan('tiny'));", options: [{ requestIdMiddlewares: ['traceContext'] }] },
    { code: "import morgan from 'morgan';\nimport ctx from '@acme/request-context';\napp.use(ctx());\napp.use(morgan('tiny'));", options: [{ requestIdMiddlewares: ['@acme/request-context'] }] },
    "import { Hono } from 'hono';\nimport { logger } from 'hono/logger';\nimport { requestId } from 'hono/request-id';\nconst app = new Hono();\napp.use(requestId());\napp.use(logger());",
    "import Koa from 'koa';\nimport koaLogger from 'koa-logger';\nconst app = new Koa();\napp.use(async (ctx, next) => { ctx.state.requestId = crypto.randomUUID(); await next(); });\napp.use(koaLogger());",
    // a local function called logger is not hono/logger
    "const logger = () => (c, next) => next();\napp.use(logger());",
    "import expressWinston from 'express-winston';\napp.use(expressWinston.logger({ transports, dynamicMeta: (req) => ({ requestId: req.id }) }));",
    "import koaLogger from 'koa-logger';\napp.use(koaLogger({ transporter: (line, args) => log.info({ requestId: ctx.state.requestId }, line) }));",
    // express-winston's error logger is not a request logger
    "import expressWinston from 'express-winston';\napp.use(expressWinston.errorLogger({ transports }));",
    // --- inbound ids that are validated, or headers that are not request ids ---
    "app.use((req, res, next) => { const id = req.get('x-request-id'); req.id = id && /^[\\w-]{1,64}$/.test(id) ? id : randomUUID(); next(); });",
    "app.use((req, res, next) => { const inbound = req.headers['x-request-id']; req.requestId = isUUID(inbound) ? inbound : uuid(); next(); });",
    "app.use((req, res, next) => { req.id = randomUUID(); res.setHeader('x-request-id', req.id); next(); });",
    "app.use((req, res, next) => { req.requestId = req.headers['x-parse-request-id']; next(); });",
    "const requestId = req.headers['x-request-id'];\nlogger.info({ requestId }, 'got');",
    "app.use((c, next) => { c.set('requestId', crypto.randomUUID()); return next(); });",
    "export function loggerOptions(config: AppConfig): Params {\n  return {\n    pinoHttp: {\n      genReqId: (req: IncomingMessage) => {\n        const inbound = req.headers['x-request-id'];\n        return typeof inbound === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(inbound) ? inbound : randomUUID();\n      },\n    },\n  };\n}",
    "const options = { genReqId: createRequestId, logger: true };",
    // a cache or a map is not the request
    "app.use((req, res, next) => { seen.set('requestId', req.headers['x-request-id']); next(); });",
    // --- module-level loggers in handlers ---
    // no request logger in use in this file (Fastify's request.log may be a no-op)
    "import pino from 'pino';\nconst logger = pino();\nexport default async function routes(fastify) {\n  fastify.get('/x', async (request, reply) => {\n    logger.info('listing');\n    return [];\n  });\n}",
    // the module logger adds the id itself from AsyncLocalStorage
    "import pino from 'pino';\nimport { AsyncLocalStorage } from 'node:async_hooks';\nconst als = new AsyncLocalStorage();\nconst logger = pino({ mixin: () => ({ reqId: als.getStore()?.reqId }) });\napp.get('/x', (req, res) => {\n  req.log.info('start');\n  logger.info('listing');\n  res.json([]);\n});",
    // a logger imported from a package or an unreadable module: unknown, quiet
    "import { logger } from '@acme/logging';\napp.get('/x', (req, res) => {\n  req.log.info('start');\n  logger.info('listing');\n  res.json([]);\n});",
    // outside any handler
    "import pino from 'pino';\nconst logger = pino();\nlogger.info('starting');\napp.get('/x', (req, res) => { req.log.info('x'); res.end(); });",
    // the request's own logger, and a logger local to the handler
    "app.get('/x', (req, res) => {\n  req.log.info('listing');\n  res.json([]);\n});",
    "import pino from 'pino';\nconst base = pino();\napp.get('/x', (req, res) => {\n  const log = req.log.child({ route: 'x' });\n  log.info('listing');\n  req.log.warn('x');\n  res.json([]);\n});",
    // console is not the module logger this rule is about
    "app.get('/x', (req, res) => {\n  req.log.info('x');\n  console.log('debug');\n  res.end();\n});",
    // the instance logger outside routes (startup, hooks that are not handlers)
    "export default async function routes(fastify) {\n  fastify.log.info('registering routes');\n  fastify.get('/x', async (request, reply) => {\n    request.log.info('x');\n    return {};\n  });\n}",
    // an Express app has no instance logger; app.log here is something else
    "app.get('/x', (req, res) => {\n  app.log.info('x');\n  res.end();\n});",
    // test files build throwaway servers
    { code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });", filename: '/repo/test/app.test.ts' },
  ],
  invalid: [
    // --- Fastify ---
    {
      code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });",
      errors: [
        {
          messageId: 'counterRequestId',
          line: 2,
          suggestions: [
            {
              messageId: 'addGenReqId',
              data: { option: 'genReqId' },
              output: "import Fastify from 'fastify';\nimport { randomUUID } from 'node:crypto';\nconst app = Fastify({ genReqId: () => randomUUID(), logger: true });",
            },
          ],
        },
      ],
    },
    {
      code: "import fastify from 'fastify';\nimport { randomUUID } from 'node:crypto';\nexport const server = fastify({\n  loggerInstance: logger,\n  trustProxy: true,\n});",
      errors: [
        {
          messageId: 'counterRequestId',
          line: 3,
          suggestions: [
            {
              messageId: 'addGenReqId',
              data: { option: 'genReqId' },
              output: "import fastify from 'fastify';\nimport { randomUUID } from 'node:crypto';\nexport const server = fastify({\n  genReqId: () => randomUUID(),\n  loggerInstance: logger,\n  trustProxy: true,\n});",
            },
          ],
        },
      ],
    },
    {
      code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true, requestIdHeader: 'x-request-id', genReqId: () => crypto.randomUUID() });",
      errors: [{ messageId: 'untrustedRequestId', data: { header: 'x-request-id' }, line: 2, column: 37 }],
    },
    {
      code: "import Fastify from 'fastify';\nconst app = Fastify({\n  logger: true,\n  genReqId: (req) => req.headers['x-request-id'] ?? crypto.randomUUID(),\n});",
      errors: [{ messageId: 'untrustedRequestId', data: { header: 'x-request-id' }, line: 4, column: 22 }],
    },
    // --- pino-http family ---
    {
      code: "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ logger }));",
      errors: [
        {
          messageId: 'counterRequestId',
          line: 2,
          suggestions: [
            {
              messageId: 'addGenReqId',
              data: { option: 'genReqId' },
              output: "import pinoHttp from 'pino-http';\nimport { randomUUID } from 'node:crypto';\napp.use(pinoHttp({ genReqId: () => randomUUID(), logger }));",
            },
          ],
        },
      ],
    },
    {
      code: "const pino = require('pino');\nconst pinoHttp = require('pino-http');\nconst logger = pino();\napp.use(pinoHttp(logger));",
      languageOptions: cjs,
      errors: [{ messageId: 'counterRequestId', line: 4, suggestions: [] }],
    },
    {
      code: "import { LoggerModule } from 'nestjs-pino';\n@Module({ imports: [LoggerModule.forRoot()] })\nexport class AppModule {}",
      errors: [{ messageId: 'counterRequestId', line: 2, suggestions: [] }],
    },
    {
      code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ pino: logger }));",
      errors: [{ messageId: 'counterRequestId', data: { logger: 'This hono-pino logger', option: 'http.reqId', example: '1, 2, 3' }, line: 2, suggestions: [] }],
    },
    {
      code: "import pinoHttp from 'pino-http';\napp.use(pinoHttp({\n  genReqId(req) {\n    return req.headers['x-correlation-id'] || randomUUID();\n  },\n}));",
      errors: [{ messageId: 'untrustedRequestId', data: { header: 'x-correlation-id' }, line: 4 }],
    },
    {
      // nestjs-pino options built in a factory of their own
      code: "export function loggerOptions(config: AppConfig): Params {\n  return {\n    pinoHttp: {\n      level: config.logLevel,\n      genReqId: (req, res) => {\n        const id = (req.headers['x-request-id'] as string) ?? randomUUID();\n        res.setHeader('x-request-id', id);\n        return id;\n      },\n    },\n  };\n}",
      errors: [{ messageId: 'untrustedRequestId', data: { header: 'x-request-id' }, line: 6, column: 21 }],
    },
    // --- loggers that write no id ---
    {
      code: "import express from 'express';\nimport morgan from 'morgan';\nconst app = express();\napp.use(morgan('combined'));",
      errors: [{ messageId: 'noRequestId', line: 4, column: 9 }],
    },
    {
      code: "const expressWinston = require('express-winston');\napp.use(expressWinston.logger({ transports }));",
      languageOptions: cjs,
      errors: [{ messageId: 'noRequestId', line: 2 }],
    },
    {
      code: "import { Hono } from 'hono';\nimport { logger } from 'hono/logger';\nconst app = new Hono();\napp.use(logger());\nexport default app;",
      errors: [{ messageId: 'noRequestId', line: 4 }],
    },
    {
      code: "import Koa from 'koa';\nimport koaLogger from 'koa-logger';\nconst app = new Koa();\napp.use(koaLogger());",
      errors: [{ messageId: 'noRequestId', line: 4 }],
    },
    // --- module-level loggers in handlers ---
    {
      code: "import pino from 'pino';\nconst logger = pino();\napp.get('/items', (req, res) => {\n  req.log.info('listing');\n  logger.warn({ count: 0 }, 'no items');\n  res.json([]);\n});",
      errors: [
        {
          messageId: 'moduleLoggerInHandler',
          data: { logger: 'logger', requestLogger: 'req.log' },
          line: 5,
          suggestions: [
            {
              messageId: 'useRequestLogger',
              data: { logger: 'logger', requestLogger: 'req.log' },
              output: "import pino from 'pino';\nconst logger = pino();\napp.get('/items', (req, res) => {\n  req.log.info('listing');\n  req.log.warn({ count: 0 }, 'no items');\n  res.json([]);\n});",
            },
          ],
        },
      ],
    },
    {
      code: "import Fastify from 'fastify';\nimport pino from 'pino';\nconst log = pino();\nconst app = Fastify({ logger: true, genReqId: () => crypto.randomUUID() });\napp.get('/x', async (request, reply) => {\n  request.log.info('x');\n  log.error('lost');\n  return {};\n});",
      errors: [
        {
          messageId: 'moduleLoggerInHandler',
          line: 7,
          suggestions: [
            {
              messageId: 'useRequestLogger',
              output: "import Fastify from 'fastify';\nimport pino from 'pino';\nconst log = pino();\nconst app = Fastify({ logger: true, genReqId: () => crypto.randomUUID() });\napp.get('/x', async (request, reply) => {\n  request.log.info('x');\n  request.log.error('lost');\n  return {};\n});",
            },
          ],
        },
      ],
    },
    {
      // winston: a different call shape, so a suggestion would not keep the line as written
      code: "import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\napp.post('/x', (req, res) => {\n  req.log.info('x');\n  logger.info('saved', { id: 1 });\n  res.end();\n});",
      errors: [{ messageId: 'moduleLoggerInHandler', line: 5, suggestions: [] }],
    },
    {
      // the Fastify instance logger in a route: request.log is its child with the request id
      code: "export default async function routes(fastify) {\n  fastify.delete('/stash/:id', async (request, reply) => {\n    const res = await remove(request.params.id);\n    fastify.log.info(res.toString());\n    reply.code(204).send();\n  });\n}",
      errors: [
        {
          messageId: 'moduleLoggerInHandler',
          data: { logger: 'fastify.log', requestLogger: 'request.log' },
          line: 4,
          suggestions: [
            {
              messageId: 'useRequestLogger',
              data: { logger: 'fastify.log', requestLogger: 'request.log' },
              output: "export default async function routes(fastify) {\n  fastify.delete('/stash/:id', async (request, reply) => {\n    const res = await remove(request.params.id);\n    request.log.info(res.toString());\n    reply.code(204).send();\n  });\n}",
            },
          ],
        },
      ],
    },
    // --- inbound ids trusted in a middleware ---
    {
      code: "app.use((req, res, next) => {\n  req.requestId = req.headers['x-request-id'] ?? uuid();\n  next();\n});",
      errors: [{ messageId: 'untrustedRequestId', data: { header: 'x-request-id' }, line: 2, column: 19 }],
    },
    {
      code: "function requestId(req, res, next) {\n  const id = req.get('X-Request-ID') || crypto.randomUUID();\n  req.requestId = id;\n  next();\n}",
      errors: [{ messageId: 'untrustedRequestId', data: { header: 'X-Request-ID' }, line: 2, column: 14 }],
    },
    {
      code: "app.use(async (c, next) => {\n  c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID());\n  await next();\n});",
      errors: [{ messageId: 'untrustedRequestId', line: 2 }],
    },
    {
      code: "app.use(async (ctx: Context, next: Next) => {\n  ctx.state.requestId = (ctx.get('X-Request-Id') as string) || randomUUID();\n  await next();\n});",
      errors: [{ messageId: 'untrustedRequestId', line: 2 }],
    },
  ],
});
