import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-error-handler-logging.js';

// @typescript-eslint/parser throughout: decorators, type annotations and `satisfies` parse.
const ruleTester = new RuleTester();

const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };

ruleTester.run('require-error-handler-logging', rule, {
  valid: [
    // --- the token endpoint's error middleware logs before oauth2orize answers; a hand-off to another server's errorHandler ---
    "const oauth2orize = require('oauth2orize');\nconst server = oauth2orize.createServer();\nmodule.exports = {\n  errorHandler: function (err, req, res, next) {\n    log.error({ err }, 'token endpoint failed');\n    return server.errorHandler()(err, req, res, next);\n  },\n};",
    "const reporting = require('./reporting');\nconst server = reporting.createServer();\nmodule.exports = {\n  errorHandler: function (err, req, res, next) {\n    return server.errorHandler()(err, req, res, next);\n  },\n};",
    // --- Nest's logger stays on for errors, is installed later, or is off only in tests ---
    "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { bufferLogs: true, logger: false });\n  app.useLogger(app.get(PinoLogger));\n  await app.listen(3000);\n}",
    "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });\n  await app.listen(3000);\n}",
    "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { logger: process.env.NODE_ENV === 'test' ? false : new ConsoleLogger() });\n  await app.listen(3000);\n}",
    "import { NestFactory } from '@nestjs/core';\nasync function run() {\n  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: false });\n  await ctx.get(Migrator).run();\n}",
    // --- a helper that may log (not named for answering), and a log that runs in production ---
    "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  handleError(err, res);\n});\napp.listen(3000);",
    "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  if (process.env.NODE_ENV !== 'production') console.error(err.stack);\n  else logger.error({ err }, 'request failed');\n  sendError(res, err);\n});\napp.listen(3000);",
    "import express from 'express';\nconst app = express();\nfunction sendError(res, err) {\n  logger.error({ err }, 'request failed');\n  res.status(500).end();\n}\napp.use((err, req, res, next) => {\n  sendError(res, err);\n});\napp.listen(3000);",
    // --- the error goes on to a handler that logs it ---
    // directus middleware/error-handler: a wrapper delegating to the real error handler
    `function asyncErrorHandler(fn) {
  return (err, req, res, next) => fn(err, req, res, next).catch((error) => {
    try {
      useLogger().error(error, 'Unexpected error in error handler');
    } catch {}
    if (res.headersSent) return next(err);
    res.status(500);
    return res.json({ errors: [{ message: 'Internal error' }] });
  });
}`,
    // ghost frontend error-handler: the renderer runs after Sentry's error handler in the same chain
    `const themeErrorRenderer = function themeErrorRenderer(err, req, res, next) {
  res.status(err.statusCode || 500);
  res.render('error', { message: err.message });
};
module.exports.handleThemeResponse = [prepareError, sentry.errorHandler, prepareStack, themeErrorRenderer];`,
    `function logErrors(err, req, res, next) {
  logger.error({ err }, 'request failed');
  next(err);
}
function renderError(err, req, res, next) {
  res.status(500).render('error');
}
app.use(logErrors, renderError);`,
    // ghost private-blogging: only an expected 404 reaches the redirect; every other error goes on
    `const privateBlogging = {
  handle404: function handle404(err, req, res, next) {
    if (!res.isPrivateBlog) {
      return next(err);
    }
    if (err.statusCode !== 404) {
      return next(err);
    }
    return authenticatePrivateSession(req, res, function onSessionVerified() {
      return next(err);
    });
  },
};
app.use(privateBlogging.handle404);`,
    // ghost-server: the listen error rejects the start promise, and boot reports it
    `class GhostServer {
  start(rootApp) {
    return new Promise((resolve, reject) => {
      const httpServer = rootApp.listen(port, host);
      httpServer.on('error', (error) => {
        const ghostError = new InternalServerError({ message: 'address in use', code: error.code });
        return notify.notifyServerStarted().finally(() => {
          reject(ghostError);
        });
      });
    });
  }
}`,
    // ---------------------------------------------------------------- Express
    // the Express guide's own example
    `app.use((err, req, res, next) => {
  console.error(err.stack);
  res.status(500).send('Something broke!');
});`,
    `app.use((err, req, res, next) => {
  logger.error({ err, url: req.originalUrl }, 'unhandled error');
  res.status(500).json({ error: 'Internal Server Error' });
});`,
    // handing the error on: the next handler (or Express's default one) logs it
    `app.use((err, req, res, next) => next(err));`,
    `app.use(function (err, req, res, next) {
  req.log.error(err);
  next(err);
});`,
    // an error reporter counts
    `app.use((err, req, res, next) => {
  Sentry.captureException(err);
  res.status(500).end();
});`,
    // expected client errors are answered under a test of the error; unknown ones are logged
    `app.use(function (err, req, res, next) {
  if (err instanceof ValidationError) return res.status(400).json({ errors: err.errors });
  if (err.name === 'UnauthorizedError') {
    return res.status(401).json({ error: 'invalid token' });
  }
  logger.error({ err }, 'unhandled error');
  res.status(500).end();
});`,
    // the response is already on its way: delegate
    `export function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
  return res.status(err.status ?? 500).json({ error: 'Internal Server Error' });
}`,
    // only server errors are logged: a deliberate choice of level
    `app.use((err, req, res, next) => {
  const status = err.statusCode || 500;
  if (status >= 500) logger.error({ err }, 'request failed');
  res.status(status).json({ message: status >= 500 ? 'Internal error' : err.message });
});`,
    // a same-file helper that logs
    `function logError(err, req) {
  logger.error({ err, url: req.url }, 'unhandled error');
}
app.use((err, req, res, next) => {
  logError(err, req);
  res.status(500).end();
});`,
    // delegating to an error-handling module
    `app.use((err, req, res, next) => errorHandler.handleError(err, res));`,
    `app.use(async (err, req, res, next) => {
  await handleError(err, res);
});`,
    // winston: the error in the metadata
    `app.use((err, req, res, next) => {
  logger.error('unhandled error', { error: err, path: req.path });
  res.sendStatus(500);
});`,
    // an alias of the error
    `app.use((err, req, res, next) => {
  const error = err instanceof Error ? err : new Error(String(err));
  logger.error({ err: error }, 'unhandled error');
  res.status(500).end();
});`,
    // TypeScript
    `import type { ErrorRequestHandler } from 'express';
export const errorHandler: ErrorRequestHandler = (err: Error, req, res, _next) => {
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'Internal Server Error' } satisfies ApiError);
};`,
    // not error handlers
    `app.use((req, res, next) => { res.status(404).json({ error: 'Not found' }); });`,
    // four parameters that do not look like error middleware: a page renderer, a Fastify onSend wrapper (issue 18)
    "import express from 'express';\nconst app = express();\nexport function renderPage(view, req, res, locals) {\n  res.status(200).render(view, locals);\n}\napp.get('/', (req, res) => renderPage('home', req, res, {}));\napp.listen(3000);",
    "export function wrapOnSendEnd(err, request, reply, payload) {\n  reply.send(payload);\n}",
    // a mock server's route, chained on a call (must not crash handler recognition)
    `nock('http://mailer.com').post('/send', (payload) => ((emailPayload = payload), true)).reply(202);`,
    `request(app).get('/', [(err, req, res, next) => res.end()]);`,
    // tests build error handlers to assert the framework's behaviour
    {
      filename: 'test/app.router.js',
      code: `app.use(function (err, req, res, next) { res.status(500).send(err.message); });`,
    },
    {
      filename: 'src/error.spec.ts',
      code: `app.use((err, req, res, next) => res.sendStatus(500));`,
    },
    `function format(err, req, res, next) { return res.json({ message: err.message }); }
format(error, request, response, noop);`,

    // ---------------------------------------------------------------- Fastify
    `fastify.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.status(500).send({ ok: false });
});`,
    // sending the error on calls the parent (ultimately Fastify's default) handler, which logs
    `fastify.setErrorHandler(function (error, request, reply) {
  if (error.validation) {
    return reply.status(400).send({ message: error.message });
  }
  reply.send(error);
});`,
    `fastify.setErrorHandler(async (error) => {
  throw new AppError('wrapped', { cause: error });
});`,
    `fastify.setErrorHandler(function (error, request, reply) {
  this.log.error({ err: error }, 'request failed');
  reply.code(500).send({ message: 'Internal error' });
});`,

    // ---------------------------------------------------------------- Hono
    `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ message: 'Internal Server Error' }, 500);
});`,
    `import { Hono } from 'hono';
const app = new Hono();
const onError = (err, c) => {
  c.var.logger.error({ err }, 'unhandled');
  return c.text('Internal Server Error', 500);
};
app.onError(onError);`,

    // ---------------------------------------------------------------- Koa
    // the Koa wiki's error middleware: emit to the app, whose listener logs
    `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { message: err.expose ? err.message : 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
});
app.on('error', (err, ctx) => {
  logger.error({ err, url: ctx?.url }, 'server error');
});`,
    `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err.status === 404) { ctx.status = 404; return; }
    throw err;
  }
});`,
    // a catch that does not wrap next() is a route's own business
    `app.use(async (ctx, next) => {
  try { ctx.body = await load(); } catch (err) { ctx.status = 502; }
});`,

    // ---------------------------------------------------------------- NestJS
    `import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
@Catch()
export class AllExceptionsFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    super.catch(exception, host);
  }
}`,
    // filters for HTTP exceptions format expected errors (Nest does not log them either)
    `import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
@Catch(HttpException)
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(exception.getStatus()).json({ message: exception.message });
  }
}`,
    `import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);
  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest();
    this.logger.error(\`\${request.method} \${request.url}\`, exception instanceof Error ? exception.stack : String(exception));
    ctx.getResponse().status(500).json({ statusCode: 500 });
  }
}`,
    `import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');
  catch(exception: unknown, host: ArgumentsHost) {
    this.report(exception);
    host.switchToHttp().getResponse().status(500).json({ statusCode: 500 });
  }
  private report(exception: unknown) {
    this.logger.error('unhandled exception', (exception as Error).stack);
  }
}`,

    // ---------------------------------------------------------------- process
    `process.on('uncaughtException', (err) => {
  console.error('Uncaught exception', err);
  process.exit(1);
});`,
    `process.on('unhandledRejection', (reason, promise) => {
  logger.fatal({ err: reason, promise }, 'unhandled rejection');
});`,
    `process.on('unhandledRejection', (reason) => { throw reason; });`,
    `process.on('uncaughtException', (err) => {
  Sentry.captureException(err);
  Sentry.flush(2000).then(() => process.exit(1));
});`,
    // an expected kind skipped early, the main path logs before it exits
    `process.on('uncaughtException', async (err) => {
  if (err?.code === 'ECONNRESET') return;
  logger.fatal({ err }, 'uncaught exception');
  await shutdown();
  process.exit(1);
});`,
    // the log is in the shutdown callback
    `process.on('uncaughtException', (err) => {
  server.close(() => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
});`,
    `process.on('SIGTERM', () => server.close());`,
    // n8n-core's error reporter (trimmed): the class is the reporter, its own error() reports the crash
    `let ErrorReporter = class ErrorReporter {
  error(e) { if (e instanceof Error) this.report(e); }
  init() {
    process.on('uncaughtException', (error) => {
      this.error(error);
    });
  }
};`,

    // ---------------------------------------------------------------- server 'error'
    // express-generator's bin/www: the message names the failure and the process exits
    `const server = http.createServer(app);
server.on('error', onError);
function onError(error) {
  if (error.syscall !== 'listen') {
    throw error;
  }
  switch (error.code) {
    case 'EACCES':
      console.error(bind + ' requires elevated privileges');
      process.exit(1);
      break;
    default:
      throw error;
  }
}`,
    `const server = app.listen(port);
server.on('error', (err) => logger.error({ err }, 'server error'));`,
    // not servers
    `stream.on('error', () => {});`,
    `socket.on('error', () => socket.destroy());`,
    // --- node-red editor-api: an OAuth strategy's failure route records the error in the audit trail, then redirects ---
    "function handleStrategyError(err, req, res, next) {\n  if (res.headersSent) {\n    return next(err);\n  }\n  res.removeHeader('WWW-Authenticate');\n  log.audit({ event: 'auth.login.fail.oauth', error: err.toString() });\n  res.redirect(settings.httpAdminRoot + '?session_message=' + err.toString());\n}\napp.get('/auth/strategy/callback', passport.authenticate('oidc', { failWithError: true }), completeAuth, handleStrategyError);",
    "app.use((err, req, res, next) => {\n  auditLog.record('request.failed', { reason: err, user: req.user?.id });\n  res.status(500).json({ error: 'internal' });\n});",
  ],
  invalid: [
    {
      // an audit record that leaves the error out is no record of it
      code: "app.use((err, req, res, next) => {\n  log.audit({ event: 'api.error', path: req.path });\n  res.status(500).json({ error: 'internal' });\n});",
      errors: [{ messageId: 'notLogged', line: 1, suggestions: [{ messageId: 'addLog', output: "app.use((err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n  log.audit({ event: 'api.error', path: req.path });\n  res.status(500).json({ error: 'internal' });\n});" }] }],
    },
    {
      // an audit record made only in development
      code: "app.use((err, req, res, next) => {\n  if (process.env.NODE_ENV === 'development') log.audit({ event: 'api.error', error: err });\n  res.status(500).json({ error: 'internal' });\n});",
      errors: [{ messageId: 'notLogged', line: 1, suggestions: [{ messageId: 'addLog', output: "app.use((err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n  if (process.env.NODE_ENV === 'development') log.audit({ event: 'api.error', error: err });\n  res.status(500).json({ error: 'internal' });\n});" }] }],
    },
    {
      // node-red editor-api auth: the token endpoint's error middleware only delegates to oauth2orize, which answers and never logs
      code: "var oauth2orize = require('oauth2orize');\nvar server = oauth2orize.createServer();\nmodule.exports = {\n  errorHandler: function (err, req, res, next) {\n    //console.log(err.stack);\n    return server.errorHandler()(err, req, res, next);\n  },\n};",
      errors: [{ messageId: 'libraryAnswers', line: 6, suggestions: [{ messageId: 'addLog', output: "var oauth2orize = require('oauth2orize');\nvar server = oauth2orize.createServer();\nmodule.exports = {\n  errorHandler: function (err, req, res, next) {\n    console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n    //console.log(err.stack);\n    return server.errorHandler()(err, req, res, next);\n  },\n};" }] }],
    },
    {
      code: "import oauth2orize from 'oauth2orize';\nconst server = oauth2orize.createServer();\napp.post('/oauth/token', server.token(), (err, req, res, next) => server.errorHandler()(err, req, res, next));",
      errors: [{ messageId: 'libraryAnswers', line: 3, suggestions: [{ messageId: 'addLog', output: "import oauth2orize from 'oauth2orize';\nconst server = oauth2orize.createServer();\napp.post('/oauth/token', server.token(), (err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n  return server.errorHandler()(err, req, res, next);\n});" }] }],
    },
    {
      // homebridge-config-ui-x main: Nest's logger only in debug mode, so production 500s are never logged
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {\n    logger: (config.debug || process.env.UI_DEVELOPMENT === '1') ? new Logger() : false,\n  });\n  await app.listen(8581);\n}",
      errors: [{ messageId: 'nestLoggerOff', line: 4 }],
    },
    {
      code: "const core_1 = require('@nestjs/core');\nasync function bootstrap() {\n  const app = await core_1.NestFactory.create(AppModule, { logger: ['warn', 'log'] });\n  await app.listen(3000);\n}",
      errors: [{ messageId: 'nestLoggerOff', line: 3 }],
    },
    {
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { logger: false });\n  await app.listen(3000);\n}",
      errors: [{ messageId: 'nestLoggerOff', line: 3 }],
    },
    {
      // the Express-documented headersSent delegation is the only hand-off: the 500 path logs nothing (signalk's API error middleware)
      code: `export function errorHandler(err, req, res, next) {
  if (res.headersSent) {
    return next(err);
  }
  res.status(500).json({ error: 'Internal Server Error' });
}`,
      errors: [
        {
          messageId: 'notLogged',
          line: 1,
          suggestions: [
            {
              messageId: 'addLog',
              output: `export function errorHandler(err, req, res, next) {
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  if (res.headersSent) {
    return next(err);
  }
  res.status(500).json({ error: 'Internal Server Error' });
}`,
            },
          ],
        },
      ],
    },
    // --- the error handed only to a response helper, or logged only in development (issue 18) ---
    {
      "code": "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  sendError(res, err);\n});\napp.listen(3000);",
      "errors": [
        {
          "messageId": "notLogged",
          "line": 3,
          "suggestions": [
            {
              "messageId": "addLog",
              "data": {
                "call": "console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] })"
              },
              "output": "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n  sendError(res, err);\n});\napp.listen(3000);"
            }
          ]
        }
      ]
    },
    {
      "code": "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  if (process.env.NODE_ENV === 'development') console.error(err.stack);\n  res.status(500).json({ error: 'Internal' });\n});\napp.listen(3000);",
      "errors": [
        {
          "messageId": "notLogged",
          "line": 3,
          "suggestions": [
            {
              "messageId": "addLog",
              "data": {
                "call": "console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] })"
              },
              "output": "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n  if (process.env.NODE_ENV === 'development') console.error(err.stack);\n  res.status(500).json({ error: 'Internal' });\n});\napp.listen(3000);"
            }
          ]
        }
      ]
    },
    {
      "code": "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  if (process.env.NODE_ENV !== 'production') {\n    console.error(err);\n  }\n  formatResponse(500, res, { message: err.message });\n});\napp.listen(3000);",
      "errors": [
        {
          "messageId": "notLogged",
          "line": 3,
          "suggestions": [
            {
              "messageId": "addLog",
              "data": {
                "call": "console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] })"
              },
              "output": "import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n  if (process.env.NODE_ENV !== 'production') {\n    console.error(err);\n  }\n  formatResponse(500, res, { message: err.message });\n});\napp.listen(3000);"
            }
          ]
        }
      ]
    },
    // a call that is not in the shape of an error handler (err, req, res, next) is no hand-off
    {
      code: `app.use((err, req, res, next) => send(res, err).catch(() => res.status(500).end()));`,
      errors: [{ messageId: 'notLogged', line: 1, suggestions: [{ messageId: 'addLog', output: `app.use((err, req, res, next) => {
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  return send(res, err).catch(() => res.status(500).end());
});` }] }],
    },
    // the reporter comes after the renderer in the chain: the renderer answers first
    {
      code: `const renderError = function renderError(err, req, res, next) {
  res.status(err.statusCode || 500);
  res.render('error', { message: err.message });
};
module.exports = [prepareError, renderError, sentry.errorHandler];`,
      errors: [{ messageId: 'notLogged', line: 1, suggestions: [{ messageId: 'addLog', output: `const renderError = function renderError(err, req, res, next) {
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  res.status(err.statusCode || 500);
  res.render('error', { message: err.message });
};
module.exports = [prepareError, renderError, sentry.errorHandler];` }] }],
    },
    // the early exit tests the response, not the error: every error is redirected unlogged
    {
      code: `app.use(function handle404(err, req, res, next) {
  if (!res.isPrivateBlog) {
    return next(err);
  }
  return res.redirect('/private/');
});`,
      errors: [{ messageId: 'pathNotLogged', line: 5, suggestions: [{ messageId: 'addLog', output: `app.use(function handle404(err, req, res, next) {
  if (!res.isPrivateBlog) {
    return next(err);
  }
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  return res.redirect('/private/');
});` }] }],
    },
    // the listen error resolves the start promise: nobody hears of it
    {
      code: `function start(app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(3000);
    server.on('error', (error) => {
      notify().finally(() => {
        resolve(null);
      });
    });
  });
}`,
      errors: [{ messageId: 'notLogged', line: 4, suggestions: [{ messageId: 'addLog', output: `function start(app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(3000);
    server.on('error', (error) => {
      console.error('server emitted an \\'error\\' event', error);
      notify().finally(() => {
        resolve(null);
      });
    });
  });
}` }] }],
    },
    // ---------------------------------------------------------------- Express
    {
      code: `app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal Server Error' });
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 1,
          column: 10,
          suggestions: [
            {
              messageId: 'addLog',
              output: `app.use((err, req, res, next) => {
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  res.status(500).json({ error: 'Internal Server Error' });
});`,
            },
          ],
        },
      ],
    },
    {
      // configured logger: an autofix, with its import
      code: `import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal Server Error' });
});`,
      settings: pino,
      output: `import express from 'express';
import { logger } from './logger';
const app = express();
app.use((err, req, res, next) => {
  logger.error({ err, method: req.method, path: req.originalUrl.split('?')[0] }, 'unhandled error reached the Express error handler');
  res.status(500).json({ error: 'Internal Server Error' });
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 3,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import express from 'express';
import { logger } from './logger';
const app = express();
app.use((err, req, res, next) => {
  logger.error({ err, method: req.method, path: req.originalUrl.split('?')[0] }, 'unhandled error reached the Express error handler');
  res.status(500).json({ error: 'Internal Server Error' });
});`,
            },
          ],
        },
      ],
    },
    {
      // express-generator's error handler renders the page and forgets the error
      code: `app.use(function(err, req, res, next) {
  res.locals.message = err.message;
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(err.status || 500);
  res.render('error');
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 1,
          column: 18,
          suggestions: [
            {
              messageId: 'addLog',
              output: `app.use(function(err, req, res, next) {
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  res.locals.message = err.message;
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(err.status || 500);
  res.render('error');
});`,
            },
          ],
        },
      ],
    },
    {
      // an expression body becomes a block
      code: `app.use((err, req, res, next) => res.status(500).json({ message: 'Internal error' }));`,
      settings: pino,
      output: `import { logger } from './logger';
app.use((err, req, res, next) => {
  logger.error({ err, method: req.method, path: req.originalUrl.split('?')[0] }, 'unhandled error reached the Express error handler');
  return res.status(500).json({ message: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 1,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import { logger } from './logger';
app.use((err, req, res, next) => {
  logger.error({ err, method: req.method, path: req.originalUrl.split('?')[0] }, 'unhandled error reached the Express error handler');
  return res.status(500).json({ message: 'Internal error' });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((err, req, res, next) => {
  console.error(err.message);
  res.status(500).send('Internal error');
});`,
      errors: [
        {
          messageId: 'stackLost',
          line: 1,
          column: 10,
          data: { handler: 'Express error handler', name: 'err', form: 'err.message', example: "console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] })" },
          suggestions: [
            {
              messageId: 'passError',
              output: `app.use((err, req, res, next) => {
  console.error(err.message, err);
  res.status(500).send('Internal error');
});`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((err, req, res, next) => {
  req.log.error(\`request failed: \${err}\`);
  res.sendStatus(500);
});`,
      errors: [
        {
          messageId: 'stackLost',
          line: 1,
          suggestions: [
            {
              messageId: 'passError',
              output: `app.use((err, req, res, next) => {
  req.log.error({ err }, \`request failed: \${err}\`);
  res.sendStatus(500);
});`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((err, req, res, next) => {
  console.log(err);
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'lowLevel',
          line: 1,
          data: { handler: 'Express error handler', level: 'info', example: "console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] })" },
          suggestions: [
            {
              messageId: 'raiseLevel',
              output: `app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'Internal error' });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((error, req, res, next) => {
  logger.error({ status: error.status }, 'request failed');
  res.status(500).end();
});`,
      errors: [
        {
          messageId: 'noError',
          line: 1,
          suggestions: [
            {
              messageId: 'passError',
              output: `app.use((error, req, res, next) => {
  logger.error({ status: error.status, err: error }, 'request failed');
  res.status(500).end();
});`,
            },
          ],
        },
      ],
    },
    {
      // one path answers without logging
      code: `app.use((err, req, res, next) => {
  if (req.accepts('html')) {
    return res.status(500).render('error');
  }
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'pathNotLogged',
          line: 3,
          suggestions: [
            {
              messageId: 'addLog',
              output: `app.use((err, req, res, next) => {
  if (req.accepts('html')) {
    console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
    return res.status(500).render('error');
  }
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'Internal error' });
});`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript, exported by name
      code: `import type { NextFunction, Request, Response } from 'express';
export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  res.status(500).json({ message: (err as AppError).publicMessage ?? 'Internal error' });
}`,
      errors: [
        {
          messageId: 'notLogged',
          line: 2,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import type { NextFunction, Request, Response } from 'express';
export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });
  res.status(500).json({ message: (err as AppError).publicMessage ?? 'Internal error' });
}`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Fastify
    {
      code: `fastify.setErrorHandler((error, request, reply) => {
  reply.status(500).send({ ok: false });
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 1,
          column: 26,
          suggestions: [
            {
              messageId: 'addLog',
              output: `fastify.setErrorHandler((error, request, reply) => {
  request.log.error({ err: error, method: request.method, path: request.url.split('?')[0] }, 'unhandled error reached the Fastify error handler');
  reply.status(500).send({ ok: false });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `function onError(error, request, reply) {
  reply.code(500).send({ message: 'Internal error' });
}
fastify.setErrorHandler(onError);`,
      errors: [
        {
          messageId: 'notLogged',
          line: 1,
          suggestions: [
            {
              messageId: 'addLog',
              output: `function onError(error, request, reply) {
  request.log.error({ err: error, method: request.method, path: request.url.split('?')[0] }, 'unhandled error reached the Fastify error handler');
  reply.code(500).send({ message: 'Internal error' });
}
fastify.setErrorHandler(onError);`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Hono
    {
      // the Hono docs' example stringifies the error
      code: `import { Hono } from 'hono';
const app = new Hono();
app.onError((err, c) => {
  console.error(\`\${err}\`);
  return c.text('Custom Error Message', 500);
});`,
      errors: [
        {
          messageId: 'stackLost',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'passError',
              output: `import { Hono } from 'hono';
const app = new Hono();
app.onError((err, c) => {
  console.error(\`\${err}\`, err);
  return c.text('Custom Error Message', 500);
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
const handleError = (err, c) => c.json({ message: 'Internal Server Error' }, 500);
app.onError(handleError);`,
      errors: [
        {
          messageId: 'notLogged',
          line: 3,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import { Hono } from 'hono';
const app = new Hono();
const handleError = (err, c) => {
  console.error('unhandled error reached the Hono onError handler', err, { method: c.req.method, path: c.req.path });
  return c.json({ message: 'Internal Server Error' }, 500);
};
app.onError(handleError);`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- Koa
    {
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { message: err.message };
  }
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    console.error('unhandled error reached the Koa error middleware', err, { method: ctx.method, path: ctx.path });
    ctx.status = err.status || 500;
    ctx.body = { message: err.message };
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import Koa from 'koa';
const app = new Koa();
app.on('error', () => {});`,
      settings: pino,
      output: `import Koa from 'koa';
import { logger } from './logger';
const app = new Koa();
app.on('error', (err) => {
  logger.error({ err }, 'unhandled error reached the Koa \\'error\\' listener');
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 3,
          column: 8,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import Koa from 'koa';
import { logger } from './logger';
const app = new Koa();
app.on('error', (err) => {
  logger.error({ err }, 'unhandled error reached the Koa \\'error\\' listener');
});`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- NestJS
    {
      // the Nest docs' catch-everything filter replaces BaseExceptionFilter, which logged
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
@Catch()
export class CatchEverythingFilter implements ExceptionFilter {
  constructor(private readonly httpAdapterHost: HttpAdapterHost) {}
  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.httpAdapterHost;
    const ctx = host.switchToHttp();
    const httpStatus = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    httpAdapter.reply(ctx.getResponse(), { statusCode: httpStatus }, httpStatus);
  }
}`,
      errors: [
        {
          messageId: 'notLogged',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
@Catch()
export class CatchEverythingFilter implements ExceptionFilter {
  constructor(private readonly httpAdapterHost: HttpAdapterHost) {}
  catch(exception: unknown, host: ArgumentsHost): void {
    console.error('unhandled error reached the NestJS exception filter', exception);
    const { httpAdapter } = this.httpAdapterHost;
    const ctx = host.switchToHttp();
    const httpStatus = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    httpAdapter.reply(ctx.getResponse(), { statusCode: httpStatus }, httpStatus);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
@Catch(Error)
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);
  catch(exception: Error, host: ArgumentsHost) {
    host.switchToHttp().getResponse().status(500).json({ statusCode: 500 });
  }
}`,
      settings: nest,
      output: `import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
@Catch(Error)
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);
  catch(exception: Error, host: ArgumentsHost) {
    this.logger.error('unhandled error reached the NestJS exception filter', exception instanceof Error ? exception.stack : String(exception));
    host.switchToHttp().getResponse().status(500).json({ statusCode: 500 });
  }
}`,
      errors: [
        {
          messageId: 'notLogged',
          line: 5,
          suggestions: [
            {
              messageId: 'addLog',
              output: `import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
@Catch(Error)
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);
  catch(exception: Error, host: ArgumentsHost) {
    this.logger.error('unhandled error reached the NestJS exception filter', exception instanceof Error ? exception.stack : String(exception));
    host.switchToHttp().getResponse().status(500).json({ statusCode: 500 });
  }
}`,
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------- process
    {
      // the twin of n8n's reporter in a class named for nothing that reports: its error() is no log
      code: `let Worker = class Worker {
  error(e) { if (e instanceof Error) this.report(e); }
  init() {
    process.on('uncaughtException', (error) => {
      this.error(error);
    });
  }
};`,
      errors: [
        {
          messageId: 'processSilent',
          line: 4,
          suggestions: [{ messageId: 'addLog', output: `let Worker = class Worker {
  error(e) { if (e instanceof Error) this.report(e); }
  init() {
    process.on('uncaughtException', (error) => {
      console.error('uncaught exception', error);
      this.error(error);
    });
  }
};` }],
        },
      ],
    },
    {
      code: `process.on('unhandledRejection', () => {});`,
      errors: [
        {
          messageId: 'processSilent',
          line: 1,
          column: 12,
          data: { event: 'unhandledRejection', example: "console.error('unhandled rejection', err)" },
          suggestions: [{ messageId: 'addLog', output: `process.on('unhandledRejection', (err) => {
  console.error('unhandled rejection', err);
});` }],
        },
      ],
    },
    {
      // one kind of crash is logged and kept alive; every other crash exits without its reason (budibase)
      code: `process.on('uncaughtException', async (err) => {
  if (err?.code === 'ERR_INVALID_CHAR') {
    logging.logAlert('Uncaught exception.', err);
    return;
  }
  await shutdown();
  if (!env.isTest()) {
    process.exit(1);
  }
});`,
      errors: [
        {
          messageId: 'pathNotLogged',
          line: 1,
          data: { handler: "'uncaughtException' handler", name: 'err', ends: 'exits' },
          suggestions: [{ messageId: 'addLog', output: `process.on('uncaughtException', async (err) => {
  if (err?.code === 'ERR_INVALID_CHAR') {
    logging.logAlert('Uncaught exception.', err);
    return;
  }
  await shutdown();
  console.error('uncaught exception', err);
  if (!env.isTest()) {
    process.exit(1);
  }
});` }],
        },
      ],
    },
    {
      code: `process.on('uncaughtException', (err) => {
  process.exit(1);
});`,
      settings: pino,
      output: `import { logger } from './logger';
process.on('uncaughtException', (err) => {
  logger.error({ err }, 'uncaught exception');
  process.exit(1);
});`,
      errors: [
        {
          messageId: 'processExitsSilently',
          line: 1,
          column: 34,
          suggestions: [{ messageId: 'addLog', output: `import { logger } from './logger';
process.on('uncaughtException', (err) => {
  logger.error({ err }, 'uncaught exception');
  process.exit(1);
});` }],
        },
      ],
    },
    {
      code: `process.on('unhandledRejection', (err) => {
  console.log('UNHANDLED REJECTION! Shutting down...');
  console.log(err.name, err.message);
  server.close(() => process.exit(1));
});`,
      errors: [
        {
          messageId: 'stackLost',
          line: 1,
          suggestions: [{ messageId: 'passError', output: `process.on('unhandledRejection', (err) => {
  console.log('UNHANDLED REJECTION! Shutting down...');
  console.log(err.name, err.message, err);
  server.close(() => process.exit(1));
});` }],
        },
      ],
    },

    // ---------------------------------------------------------------- server 'error'
    {
      code: `const server = app.listen(3000);
server.on('error', (e) => {
  if (e.code === 'EADDRINUSE') setTimeout(() => server.listen(3000), 1000);
});`,
      errors: [
        {
          messageId: 'notLogged',
          line: 2,
          suggestions: [{ messageId: 'addLog', output: `const server = app.listen(3000);
server.on('error', (e) => {
  console.error('server emitted an \\'error\\' event', e);
  if (e.code === 'EADDRINUSE') setTimeout(() => server.listen(3000), 1000);
});` }],
        },
      ],
    },
  ],
});
