import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-request-logging.js';

// Projects on disk: the suggestion depends on the nearest package.json, and a Nest entry file
// is judged together with the root module it imports.
const root = mkdtempSync(join(tmpdir(), 'require-request-logging-'));
function project(name: string, dependencies: Record<string, string>, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, dependencies }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
// mongo-express: the assembled factory mounts a router of the project that registers morgan
const mountsLogger = project('mounts-logger', { express: '^5.0.0', morgan: '^1.10.0' }, {
  'router.js': "import express from 'express';\nimport morgan from 'morgan';\nexport default async function router(config) {\n  const r = express.Router();\n  r.use(morgan('dev'));\n  return r;\n}\n",
});
const bare = project('bare', { express: '^5.0.0', koa: '^2.0.0', fastify: '^5.0.0' });
const withMorgan = project('morgan', { express: '^5.0.0', morgan: '^1.10.0' });
const withPinoHttp = project('pino-http', { express: '^5.0.0', 'pino-http': '^10.0.0', morgan: '^1.10.0' });
const koa = project('koa', { koa: '^2.0.0', 'koa-logger': '^3.0.0' });
const hono = project('hono', { hono: '^4.0.0' });
const nest = project('nest', { '@nestjs/core': '^11.0.0', morgan: '^1.10.0' }, {
  'app.module.ts': "import { Module } from '@nestjs/common';\n@Module({ imports: [] })\nexport class AppModule {}\n",
  'logged.module.ts':
    "import { MiddlewareConsumer, Module } from '@nestjs/common';\nimport { LoggerMiddleware } from './logger.middleware';\n@Module({})\nexport class LoggedModule { configure(consumer: MiddlewareConsumer) { consumer.apply(LoggerMiddleware).forRoutes('*'); } }\n",
  'pino.module.ts': "import { Module } from '@nestjs/common';\nimport { LoggerModule } from 'nestjs-pino';\n@Module({ imports: [LoggerModule.forRoot()] })\nexport class PinoModule {}\n",
});
// An app's own LoggerModule (its logger service) registers no request logging; nestjs-pino's does.
const ownLogger = project('own-logger', { '@nestjs/core': '^11.0.0' }, {
  'app.module.js': "import { Module } from '@nestjs/common';\nimport { LoggerModule } from './logger.module.js';\nlet AppModule = class AppModule {};\nAppModule = __decorate([Module({ imports: [LoggerModule] })], AppModule);\nexport { AppModule };\n",
  'logger.module.js': "import { Global, Module } from '@nestjs/common';\nimport { Logger } from './logger.service.js';\nlet LoggerModule = class LoggerModule {};\nLoggerModule = __decorate([Global(), Module({ providers: [Logger], exports: [Logger] })], LoggerModule);\nexport { LoggerModule };\n",
  'wrapped.module.js': "import { Module } from '@nestjs/common';\nimport { LoggerModule } from './pino-logger.module.js';\nlet WrappedModule = class WrappedModule {};\nWrappedModule = __decorate([Module({ imports: [LoggerModule] })], WrappedModule);\nexport { WrappedModule };\n",
  'pino-logger.module.js': "import { Module } from '@nestjs/common';\nimport { LoggerModule as PinoLoggerModule } from 'nestjs-pino';\nlet LoggerModule = class LoggerModule {};\nLoggerModule = __decorate([Module({ imports: [PinoLoggerModule.forRoot()] })], LoggerModule);\nexport { LoggerModule };\n",
});
// Setup modules of the project that receive the app: their text says whether they can log requests.
const setups = project('setups', { express: '^5.0.0' }, {
  'cors.js': "exports.setupCors = (app, config) => { app.use((req, res, next) => { res.set('Access-Control-Allow-Origin', config.origin); next(); }); };\n",
  'logging.js': "module.exports = (app) => { const entries = []; app.on('serverlog', (e) => entries.push(e)); return { entries }; };\n",
  'http-log.js': "const morgan = require('morgan');\nmodule.exports = (app) => app.use(morgan('combined'));\n",
  'trace.js': "module.exports = (app) => app.use((req, res, next) => { console.log(`${req.method} ${req.url}`); next(); });\n",
  'audit.js': "const { auditTrail } = require('@acme/audit');\nmodule.exports = (app) => app.use(auditTrail());\n",
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ruleTester = new RuleTester();

ruleTester.run('require-request-logging', rule, {
  valid: [
    // ---------------------------------------------------------------- Express
    { filename: join(bare, 'app.js'), code: `const express = require('express');
const logger = require('morgan');
const app = express();
app.use(logger('dev'));
app.use(express.json());
module.exports = app;` },
    { filename: join(bare, 'app.ts'), code: `import express from 'express';
import { pinoHttp } from 'pino-http';
import { logger } from './logger';
export const app = express();
app.use(pinoHttp({ logger }));
app.listen(3000);` },
    // registered only in development: still registered
    { filename: join(bare, 'app.js'), code: `import express from 'express';
import morgan from 'morgan';
const app = express();
if (app.get('env') === 'development') app.use(morgan('dev'));
app.listen(3000);` },
    { filename: join(bare, 'app.js'), code: `import express from 'express';
import expressWinston from 'express-winston';
const app = express();
app.use(expressWinston.logger({ transports: [new winston.transports.Console()] }));
app.listen(3000);` },
    // the app's own middleware, named like logging or logging per request
    { filename: join(bare, 'app.js'), code: `import express from 'express';
import { requestLogger } from './middleware/request-logger';
const app = express();
app.use(requestLogger);
app.listen(3000);` },
    { filename: join(bare, 'app.js'), code: `import express from 'express';
const app = express();
app.use((req, res, next) => {
  const start = process.hrtime.bigint();
  res.on('finish', () => {
    logger.info({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }, 'request');
  });
  next();
});
app.listen(3000);` },
    { filename: join(bare, 'app.js'), code: `import express from 'express';
function timing() {
  return (req, res, next) => {
    const t = Date.now();
    next();
    console.log(req.method, req.originalUrl, Date.now() - t);
  };
}
const app = express();
app.use(timing());
app.listen(3000);` },
    // every request goes through Apollo, whose formatResponse logs it
    { filename: join(bare, 'app.ts'), code: `import express from 'express';
import { responseLogger } from '@utils/logger';
const app = express();
app.use(express.json());
const apollo = new ApolloServer({ schema, formatResponse: (response, request) => { responseLogger(request); return response; } });
apollo.applyMiddleware({ app, path: '/graphql' });
app.listen(3000);` },
    // configured with the option
    { filename: join(bare, 'app.js'), options: [{ requestLoggers: ['auditTrail'] }], code: `import express from 'express';
import { auditTrail } from '@acme/audit';
const app = express();
app.use(auditTrail());
app.listen(3000);` },
    { filename: join(bare, 'app.js'), options: [{ requestLoggers: ['@acme/http-log'] }], code: `import express from 'express';
import httpLog from '@acme/http-log';
const app = express();
app.use(httpLog.middleware());
app.listen(3000);` },
    // a setup module of the project that registers morgan, or logs each request's method and URL
    { filename: join(setups, 'server.js'), code: `const express = require('express');
const app = express();
require('./http-log')(app);
app.listen(3000);` },
    { filename: join(setups, 'server.js'), code: `const express = require('express');
const app = express();
_.merge(app, opts);
require('./trace')(app);
app.listen(3000);` },
    // a setup module that registers a request logger the user configured by name
    { filename: join(setups, 'server.js'), options: [{ requestLoggers: ['auditTrail'] }], code: `const express = require('express');
const app = express();
require('./audit')(app);
app.listen(3000);` },
    // configured elsewhere: the app is handed to a setup module, returned by a factory, or mounted
    { filename: join(bare, 'server.js'), code: `const express = require('express');
const app = express();
require('./config/express')(app);
app.listen(3000);` },
    { filename: join(bare, 'app.ts'), code: `import express from 'express';
export function createApp() {
  const app = express();
  app.use(express.json());
  return app;
}` },
    { filename: join(bare, 'app.js'), code: `import express from 'express';
import morgan from 'morgan';
const app = express();
const admin = express();
admin.get('/', (req, res) => res.send('admin'));
app.use(morgan('combined'));
app.use('/admin', admin);
app.listen(3000);` },
    // a sub-app with routes only, exported to be mounted
    { filename: join(bare, 'admin.js'), code: `import express from 'express';
import users from './users';
const admin = express();
admin.use('/users', users);
export default admin;` },
    // a Hono sub-app: middleware scoped to its own paths, mounted with app.route() elsewhere
    { filename: join(hono, 'api.ts'), code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const api = new Hono();
api.use('/posts/*', cors());
api.get('/posts', (c) => c.json([]));
export default api;` },
    // a wrapper around a logger
    { filename: join(koa, 'app.js'), code: `const logger = require('koa-logger');
const Koa = require('koa');
const app = new Koa();
function ignoreAssets(mw) {
  return async function (ctx, next) {
    if (/\\.(?:js|css)$/.test(ctx.path)) await next();
    else await mw.call(this, ctx, next);
  };
}
app.use(ignoreAssets(logger()));
app.listen(3000);` },
    { filename: join(bare, 'app.js'), code: `const express = require('express');
const morgan = require('morgan');
var app = module.exports = express();
app.use(express.urlencoded());
if (!module.parent) app.use(morgan('dev'));` },
    // test files build throwaway apps around a router
    { filename: join(bare, 'users.test.js'), code: `import express from 'express';
const app = express();
app.use(express.json());
app.use('/users', router);
await request(app).get('/users');` },
    { filename: join(bare, '__tests__', 'app.js'), code: `import express from 'express';
const app = express();
app.use(express.json());
app.listen(0);` },
    // not express
    { filename: join(bare, 'app.js'), code: `function express() { return {}; }
const app = express();
app.use(cors());
app.listen(3000);` },

    // ---------------------------------------------------------------- Koa
    { filename: join(koa, 'app.js'), code: `import Koa from 'koa';
import logger from 'koa-logger';
const app = new Koa();
app.use(logger());
app.use(router.routes());
app.listen(3000);` },
    { filename: join(koa, 'app.js'), code: `const Koa = require('koa');
const app = new Koa();
app.use(async (ctx, next) => {
  const start = Date.now();
  await next();
  const ms = Date.now() - start;
  console.log(\`\${ctx.method} \${ctx.url} - \${ms}ms\`);
});
app.use(router.routes());
app.listen(3000);` },
    // Koa 0.x / 1.x made its app by a plain call; its logger mounted as for `new Koa()`
    { filename: join(koa, 'app.js'), code: `var koa = require('koa');
var logger = require('koa-logger');
var app = module.exports = koa();
app.use(logger());
app.listen(7001);` },
    { filename: join(koa, 'app.js'), code: `import Koa from 'koa';
import pino from 'koa-pino-logger';
const app = new Koa();
app.use(pino());
app.listen(3000);` },

    // ---------------------------------------------------------------- Fastify
    { filename: join(bare, 'server.js'), code: `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.listen({ port: 3000 });` },
    { filename: join(bare, 'server.ts'), code: `import fastify from 'fastify';
const app = fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] } });
app.listen({ port: 3000 });` },
    { filename: join(bare, 'server.js'), code: `const app = require('fastify')({ loggerInstance: logger });
app.listen({ port: 3000 });` },
    { filename: join(bare, 'server.js'), code: `import Fastify from 'fastify';
const options = { logger: envToLogger[environment] ?? true };
const app = Fastify(options);
app.listen({ port: 3000 });` },
    { filename: join(bare, 'app.js'), code: `import Fastify from 'fastify';
export function build(opts = {}) {
  return Fastify(opts);
}` },
    { filename: join(bare, 'server.js'), code: `import Fastify from 'fastify';
const app = Fastify({ logger: true, disableRequestLogging: true });
app.addHook('onResponse', async (request, reply) => {
  request.log.info({ url: request.url, statusCode: reply.statusCode, ms: reply.elapsedTime }, 'request completed');
});
app.listen({ port: 3000 });` },

    // ---------------------------------------------------------------- Hono
    { filename: join(hono, 'index.ts'), code: `import { Hono } from 'hono';
import { logger } from 'hono/logger';
const app = new Hono();
app.use(logger());
app.get('/', (c) => c.text('Hello'));
export default app;` },
    { filename: join(hono, 'index.ts'), code: `import { Hono } from 'hono';
const app = new Hono();
app.use('*', async (c, next) => {
  const start = performance.now();
  await next();
  console.log(c.req.method, c.req.path, c.res.status, \`\${Math.round(performance.now() - start)}ms\`);
});
export default app;` },
    // a sub-app: routes only, mounted elsewhere
    { filename: join(hono, 'users.ts'), code: `import { Hono } from 'hono';
const users = new Hono();
users.get('/', (c) => c.json([]));
export default users;` },
    // a sub-app that mounts its own sub-routes but logs through the root's middleware: exported
    // as an object member, not as the default export
    { filename: join(hono, 'admin.ts'), code: `import { Hono } from 'hono';
import audit from './audit';
export const admin = new Hono();
admin.route('/audit', audit);` },
    { filename: join(hono, 'index.ts'), code: `import { Hono } from 'hono';
import { logger } from 'hono/logger';
import users from './users';
const app = new Hono();
app.use(logger());
app.route('/users', users);
export default app;` },

    // ---------------------------------------------------------------- NestJS
    { filename: join(nest, 'main.ts'), code: `import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(3000);
}
bootstrap();` },
    { filename: join(nest, 'main.ts'), code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { LoggingInterceptor } from './common/logging.interceptor';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalInterceptors(new LoggingInterceptor());
  await app.listen(3000);
}
bootstrap();` },
    // the root module applies a logging middleware
    { filename: join(nest, 'main.ts'), code: `import { NestFactory } from '@nestjs/core';
import { LoggedModule } from './logged.module';
async function bootstrap() {
  const app = await NestFactory.create(LoggedModule);
  await app.listen(3000);
}
bootstrap();` },
    { filename: join(nest, 'main.ts'), code: `import { NestFactory } from '@nestjs/core';
import { PinoModule } from './pino.module';
NestFactory.create(PinoModule).then((app) => app.listen(3000));` },
    // a script run through the DI container never listens
    { filename: join(nest, 'seed.ts'), code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const app = await NestFactory.create(AppModule);
await app.get(SeedService).run();
await app.close();` },
    // the root module cannot be read: assume it may log
    { filename: join(nest, 'main.ts'), code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();` },

    // ---------------------------------------------------------------- node:http
    { filename: join(bare, 'server.js'), code: `import http from 'node:http';
import app from './app.js';
http.createServer(app).listen(3000);` },
    // a probe endpoint that ignores the request
    { filename: join(bare, 'health.js'), code: `import { createServer } from 'node:http';
createServer((req, res) => { res.writeHead(200); res.end('ok'); }).listen(9000);` },
    { filename: join(bare, 'server.js'), code: `import http from 'node:http';
http.createServer((req, res) => {
  res.on('finish', () => console.log(req.method, req.url, res.statusCode));
  route(req, res);
}).listen(3000);` },
    // ---------------------------------------------------------------- probes, redirects, wrapped apps
    // a side server that only answers health checks (a worker's health endpoint)
    { filename: join(bare, 'worker-health.js'), code: `const express_1 = __importDefault(require("express"));
const http_1 = __importDefault(require("http"));
function start(port, route) {
  const healthRoute = route || '/health';
  const app = (0, express_1.default)();
  const server = http_1.default.createServer(app);
  app.get(healthRoute, (req, res) => { res.send({ status: 'ok' }); });
  server.listen(port);
}` },
    { filename: join(bare, 'probes.js'), code: `import express from 'express';
const app = express();
app.disable('x-powered-by');
app.get('/readyz', async (req, res) => res.send(await checkReady()));
app.get('/healthz', (req, res) => res.send('ok'));
app.listen(9100);` },
    // an HTTP-to-HTTPS redirect server
    { filename: join(bare, 'redirect.js'), code: `const express_1 = __importDefault(require("express"));
const http_1 = __importDefault(require("http"));
function startRedirectToSsl(port, redirectPort) {
  const redirectApp = (0, express_1.default)();
  redirectApp.use((req, res) => {
    res.redirect(\`https://\${req.headers.host}:\${redirectPort}\${req.path}\`);
  });
  http_1.default.createServer(redirectApp).listen(port);
}` },
    // a Node listener that traces each request and hands it to the Express app the file creates
    { filename: join(bare, 'start.js'), code: `const express_1 = __importDefault(require("express"));
const http_1 = __importDefault(require("http"));
async function start() {
  const app = (0, express_1.default)();
  const server = http_1.default.createServer(async (req, res) => {
    const route = findRoute(req.url);
    if (traceRequestHandler) await traceRequestHandler(() => app(req, res), req, res, route);
    else app(req, res);
  });
  await loaders({ expressApp: app });
  server.listen(9000);
}` },
    // the app is handed to a dev-only module loaded on the spot, and to other setup: quiet because of the setup
    { filename: join(bare, 'handed.js'), code: `const express_1 = __importDefault(require("express"));
async function start(options) {
  const app = (0, express_1.default)();
  app.use(express_1.default.json());
  setupEverything(app);
  app.listen(3000);
}` },
    // Nest: a root module importing nestjs-pino through the app's own LoggerModule wrapper
    { filename: join(ownLogger, 'main.js'), code: `import { NestFactory } from '@nestjs/core';
import { WrappedModule } from './wrapped.module.js';
async function bootstrap() {
  const app = await NestFactory.create(WrappedModule);
  await app.listen(3000);
}
bootstrap();` },
    // a Nest root module loaded with `await import()` that registers request logging
    { filename: join(nest, 'main.js'), code: `import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const appModule = await import('./logged.module');
  const app = await NestFactory.create(appModule.LoggedModule, { logger: new AppLogger() });
  await app.listen(3000);
}
bootstrap();` },
    // a factory returning an app with middleware and routes but no app settings: a sub-app its caller may mount
    { filename: join(bare, 'api.js'), code: `const express = require('express');
module.exports = function createApi() {
  const api = express();
  api.use(express.json());
  api.use('/users', users);
  return api;
};` },
    // a request logger behind a setting of its own (not a debug or verbosity flag) may be on in production
    { filename: join(withMorgan, 'server.js'), code: `const express = require('express');
const morgan = require('morgan');
const app = express();
if (settings.accessLog) app.use(morgan('combined'));
app.use(express.json());
app.listen(3000);` },
    { filename: join(mountsLogger, 'middleware.js'), code: `import express from 'express';
import fileUpload from 'express-fileupload';
import router from './router.js';
const middleware = async function (config) {
  const app = express();
  app.set('view engine', 'html');
  app.use(fileUpload({ limits: { fileSize: 1024 } }));
  app.use('/', await router(config));
  return app;
};
export default middleware;` },
  ],
  invalid: [
    // a Nest root module loaded with `await import()` that registers no request logging
    {
      filename: join(nest, 'boot.js'),
      code: `import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const appModule = await import('./app.module');
  const app = await NestFactory.create(appModule.AppModule, { logger: new AppLogger() });
  await app.listen(3000);
}
bootstrap();`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 4,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `import { NestFactory } from '@nestjs/core';
import morgan from 'morgan';
async function bootstrap() {
  const appModule = await import('./app.module');
  const app = await NestFactory.create(appModule.AppModule, { logger: new AppLogger() });
  app.use(morgan('combined'));
  await app.listen(3000);
}
bootstrap();`,
            },
          ],
        },
      ],
    },
    // a factory that assembles the whole app (settings, app-wide middleware, routes) and returns it
    {
      filename: join(withMorgan, 'app.js'),
      code: `const express = require('express');
const getApp = async (opts = {}) => {
  const app = express();
  app.set('trust proxy', 1);
  app.use(helmet());
  app.use('/api', api);
  app.use(errors);
  return app;
};
module.exports = getApp;`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 3,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `const express = require('express');
const morgan = require('morgan');
const getApp = async (opts = {}) => {
  const app = express();
  app.use(morgan('combined'));
  app.set('trust proxy', 1);
  app.use(helmet());
  app.use('/api', api);
  app.use(errors);
  return app;
};
module.exports = getApp;`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- Express
    {
      filename: join(withMorgan, 'app.js'),
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 2,
          column: 13,
          data: { framework: 'Express app', remedy: "Register a request logger right after creating the app, with credentials redacted: `app.use(pinoHttp({ redact: [...] }))` (pino-http), `app.use(expressWinston.logger({ headerBlacklist: [...] }))` (express-winston) or `app.use(morgan('combined'))` (morgan)" },
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `import express from 'express';
import morgan from 'morgan';
const app = express();
app.use(morgan('combined'));
app.use(express.json());
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, pino-http preferred when installed
      filename: join(withPinoHttp, 'app.js'),
      code: `const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());

module.exports = app;`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 4,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `const express = require('express');
const cors = require('cors');
const pinoHttp = require('pino-http');

const app = express();
app.use(pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'] }));
app.use(cors());

module.exports = app;`,
            },
          ],
        },
      ],
    },
    {
      // the app is handed to setup modules of the project whose text registers no request logging
      // (CORS headers, a server-log buffer) and to a value utility: nothing logs requests (signalk)
      filename: join(setups, 'server.js'),
      code: `const express = require('express');
const _ = require('lodash');
const cors_1 = require('./cors');
const app = express();
app.use(express.json());
_.merge(app, opts);
app.logging = require('./logging')(app);
(0, cors_1.setupCors)(app, config);
app.listen(3000);`,
      errors: [{ messageId: 'missingRequestLogging', line: 4, suggestions: [] }],
    },
    {
      // the same setup module without the option: auditTrail is nobody's request logger by default
      filename: join(setups, 'server.js'),
      code: `const express = require('express');
const app = express();
app.use(express.json());
require('./audit')(app);
app.listen(3000);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2, suggestions: [] }],
    },
    {
      // no logger package installed: the message says what to add, no suggestion
      filename: join(bare, 'index.ts'),
      code: `import express, { type Application } from 'express';
const app: Application = express();
app.use(express.urlencoded({ extended: true }));
app.use('/api', router);
app.listen(Number(process.env.PORT));`,
      errors: [{ messageId: 'missingRequestLogging', line: 2, suggestions: [] }],
    },
    {
      // an error logger is not a request logger; routes modules do not log requests
      filename: join(bare, 'server.js'),
      code: `import express from 'express';
import expressWinston from 'express-winston';
const app = express();
require('./routes')(app);
app.use(expressWinston.errorLogger({ transports }));
app.listen(3000);`,
      errors: [{ messageId: 'missingRequestLogging', line: 3, suggestions: [] }],
    },
    {
      // \`var app = module.exports = express()\`, set up by a same-file function
      filename: join(bare, 'app.js'),
      code: `const express = require('express');
var app = module.exports = express();
function defineRoutes(expressApp) {
  expressApp.use(express.json());
  expressApp.get('/', (req, res) => res.send('ok'));
}
defineRoutes(app);
if (!module.parent) app.listen(3000);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2, suggestions: [] }],
    },
    {
      // a class-based server
      filename: join(bare, 'app.ts'),
      code: `import express from 'express';
export class App {
  public app = express();
  constructor() {
    this.app.use(express.json());
  }
  listen() {
    this.app.listen(3000);
  }
}`,
      errors: [{ messageId: 'missingRequestLogging', line: 3, column: 16, suggestions: [] }],
    },

    // ---------------------------------------------------------------- Koa
    {
      filename: join(koa, 'app.js'),
      code: `import Koa from 'koa';
const app = new Koa();
app.use(bodyParser());
app.use(router.routes());
app.listen(3000);`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 2,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `import Koa from 'koa';
import koaLogger from 'koa-logger';
const app = new Koa();
app.use(koaLogger());
app.use(bodyParser());
app.use(router.routes());
app.listen(3000);`,
            },
          ],
        },
      ],
    },
    {
      // Koa 0.x / 1.x: `koa()` without `new` creates the app too (an npm registry's server)
      filename: join(koa, 'app.js'),
      code: `var koa = require('koa');
var app = module.exports = koa();
app.use(routes);
app.listen(7001);`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 2,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `var koa = require('koa');
const koaLogger = require('koa-logger');
var app = module.exports = koa();
app.use(koaLogger());
app.use(routes);
app.listen(7001);`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Fastify
    {
      filename: join(bare, 'server.js'),
      code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/', async () => ({ hello: 'world' }));
await fastify.listen({ port: 3000 });`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 2,
          column: 17,
          suggestions: [
            {
              messageId: 'enableFastifyLogger',
              output: `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/', async () => ({ hello: 'world' }));
await fastify.listen({ port: 3000 });`,
            },
          ],
        },
      ],
    },
    {
      filename: join(bare, 'server.js'),
      code: `const app = require('fastify')({
  trustProxy: true,
  logger: false,
});
app.listen({ port: 3000 });`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 1,
          suggestions: [
            {
              messageId: 'enableFastifyLogger',
              output: `const app = require('fastify')({
  trustProxy: true,
  logger: true,
});
app.listen({ port: 3000 });`,
            },
          ],
        },
      ],
    },
    {
      filename: join(bare, 'server.ts'),
      code: `import Fastify from 'fastify';
const app = Fastify({ logger: true, disableRequestLogging: true });
app.listen({ port: 3000 });`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 2,
          suggestions: [
            {
              messageId: 'enableFastifyLogger',
              output: `import Fastify from 'fastify';
const app = Fastify({ logger: true, disableRequestLogging: false });
app.listen({ port: 3000 });`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Hono
    {
      filename: join(hono, 'index.ts'),
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { logger } from './lib/logger';
const app = new Hono();
app.use('*', cors());
app.get('/', (c) => { logger.info('hit'); return c.text('Hello'); });
export default app;`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 4,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { logger } from './lib/logger';
import { logger as loggerMiddleware } from 'hono/logger';
const app = new Hono();
app.use(loggerMiddleware());
app.use('*', cors());
app.get('/', (c) => { logger.info('hit'); return c.text('Hello'); });
export default app;`,
            },
          ],
        },
      ],
    },

    // the root app of a Worker / Bun / Deno: served by `export default app`, mounting sub-apps
    {
      filename: join(hono, 'index.ts'),
      code: `import { Hono } from 'hono';
import users from './users';
const app = new Hono();
app.route('/users', users);
app.get('/', (c) => c.text('ok'));
export default app;`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 3,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `import { Hono } from 'hono';
import users from './users';
import { logger } from 'hono/logger';
const app = new Hono();
app.use(logger());
app.route('/users', users);
app.get('/', (c) => c.text('ok'));
export default app;`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- NestJS
    {
      filename: join(nest, 'main.ts'),
      code: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors();
  await app.listen(3000);
}
bootstrap();`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import morgan from 'morgan';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(morgan('combined'));
  app.enableCors();
  await app.listen(3000);
}
bootstrap();`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- compiled output, debug-only loggers
    // TypeScript's CommonJS output of \`import express from 'express'\`
    {
      filename: join(bare, 'server.js'),
      code: `const express_1 = __importDefault(require("express"));
async function start(options) {
  const app = (0, express_1.default)();
  if (options.dev) {
    await (await Promise.resolve().then(() => __importStar(require("./plugins/dev-server")))).default(app);
  }
  app.set("env", "production").disable("x-powered-by").use(allRequests).get("/", indexRequest);
  const createServer = (await Promise.resolve().then(() => __importStar(require("http")))).createServer;
  createServer(app).listen(9000);
}`,
      errors: [{ messageId: 'missingRequestLogging', line: 3 }],
    },
    // Babel's CommonJS output
    {
      filename: join(bare, 'babel.js'),
      code: `var _express = _interopRequireDefault(require("express"));
const app = (0, _express.default)();
app.use(_express.default.json());
app.listen(8000);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2 }],
    },
    // compiled Nest: core_1.NestFactory.create
    {
      filename: join(nest, 'main.js'),
      code: `const core_1 = require("@nestjs/core");
const app_module_1 = require("./app.module");
async function bootstrap() {
  const app = await core_1.NestFactory.create(app_module_1.AppModule);
  await app.listen(3000);
}
bootstrap();`,
      errors: [
        {
          messageId: 'missingRequestLogging',
          line: 4,
          suggestions: [
            {
              messageId: 'addRequestLogger',
              output: `const core_1 = require("@nestjs/core");
const app_module_1 = require("./app.module");
const morgan = require('morgan');
async function bootstrap() {
  const app = await core_1.NestFactory.create(app_module_1.AppModule);
  app.use(morgan('combined'));
  await app.listen(3000);
}
bootstrap();`,
            },
          ],
        },
      ],
    },
    // the app's own LoggerModule sets up its logger service, not request logging; the Fastify
    // adapter's logger is on only with a debug flag
    {
      filename: join(ownLogger, 'main.js'),
      code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
async function bootstrap(startupConfig) {
  const fAdapter = new FastifyAdapter({ logger: startupConfig.debug || false });
  const app = await NestFactory.create(AppModule, fAdapter);
  await app.listen(8581);
}
bootstrap();`,
      errors: [{ messageId: 'missingRequestLogging', line: 6 }],
    },
    {
      filename: join(ownLogger, 'inline.js'),
      code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
async function bootstrap() {
  const app = await NestFactory.create(AppModule, new FastifyAdapter({ logger: isDev ? true : false }));
  await app.listen(8581);
}
bootstrap();`,
      errors: [{ messageId: 'missingRequestLogging', line: 5 }],
    },
    // Fastify with a logger only in debug mode
    {
      filename: join(bare, 'fastify.js'),
      code: `import Fastify from 'fastify';
const app = Fastify({ logger: config.verbose ? { level: 'debug' } : false });
app.get('/items', listItems);
app.listen({ port: 3000 });`,
      errors: [{ messageId: 'missingRequestLogging', line: 2 }],
    },
    // a metrics scrape endpoint hands out the app's internals: who reads it is worth a record
    {
      filename: join(bare, 'metrics.js'),
      code: `import express from 'express';
const app = express();
app.get('/healthz', (req, res) => res.send('ok'));
app.get('/metrics', async (req, res) => res.send(await register.metrics()));
app.listen(9100);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2, suggestions: [] }],
    },
    // a health route beside an API route: the app serves an API
    {
      filename: join(bare, 'api-with-health.js'),
      code: `import express from 'express';
const app = express();
app.get('/healthz', (req, res) => res.send('ok'));
app.post('/runners/auth', authenticate);
app.listen(5679);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2 }],
    },

    // ---------------------------------------------------------------- node:http
    {
      filename: join(bare, 'server.js'),
      code: `import http from 'node:http';
http.createServer((req, res) => {
  if (req.url === '/api/items') return listItems(req, res);
  res.writeHead(404).end();
}).listen(3000);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2, suggestions: [] }],
    },
  ],
});
