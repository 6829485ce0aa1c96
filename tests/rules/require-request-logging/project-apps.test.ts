import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * What the project's other files say about an app: the sub-apps it mounts from modules of the
 * project log their requests (mongo-express's app mounts a factory's app whose router uses morgan;
 * actual-sync-server mounts API sub-apps that each use express-winston), a Hono app exported as the
 * default export that no other file imports is the one the platform serves (Cloudflare Workers,
 * Bun, Deno), and one another file imports is a sub-app it mounts. A setup server that one of its own
 * routes closes is done after one exchange.
 */
const { tree: project } = tempProject('require-request-logging-projects-');

const rootApp = `import express from 'express';
import middleware from './lib/middleware.js';
const app = express();
async function bootstrap(config) {
  const resolvedMiddleware = await middleware(config);
  app.use(config.site.baseUrl, resolvedMiddleware);
  app.listen(config.site.port);
}
bootstrap({ site: { baseUrl: '/', port: 8081 } });
`;
const middlewareModule = "import express from 'express';\nimport router from './router.js';\nconst middleware = async function (config) {\n  const app = express();\n  app.set('view engine', 'html');\n  app.use('/', await router(config));\n  return app;\n};\nexport default middleware;\n";
const routerWith = (logger: string) =>
  `import express from 'express';\n${logger}\nconst router = async function (config) {\n  const appRouter = express.Router();\n  appRouter.get('/db/:database', (req, res) => res.json({}));\n  return appRouter;\n};\nexport default router;\n`;
const factoryLogs = project('factory-logs', {
  'package.json': JSON.stringify({ name: 'mongo-admin', dependencies: { express: '^4.0.0', morgan: '^1.0.0' } }),
  'app.js': rootApp,
  'lib/middleware.js': middlewareModule,
  'lib/router.js': routerWith("import logger from 'morgan';\nconst useLogger = (r) => r.use(logger('dev'));"),
});
const factoryQuiet = project('factory-quiet', {
  'package.json': JSON.stringify({ name: 'mongo-admin', dependencies: { express: '^4.0.0' } }),
  'app.js': rootApp,
  'lib/middleware.js': middlewareModule,
  'lib/router.js': routerWith(''),
});

const subApp = (logs: boolean) =>
  `import express from 'express';\nimport { ${logs ? 'requestLoggerMiddleware, ' : ''}validateSessionMiddleware } from './util/middlewares.js';\nconst app = express();\napp.use(express.json());\n${logs ? 'app.use(requestLoggerMiddleware);\n' : ''}app.use(validateSessionMiddleware);\nexport { app as handlers };\n`;
const apiRoot = `import express from 'express';
import cors from 'cors';
import * as syncApp from './app-sync.js';
import * as accountApp from './app-account.js';
const app = express();
app.disable('x-powered-by');
app.use(cors());
app.use('/sync', syncApp.handlers);
app.use('/account', accountApp.handlers);
app.get('/health', (_req, res) => {
  res.status(200).json({ status: 'UP' });
});
export async function run() {
  app.listen(5006);
}
`;
const middlewares = "import * as expressWinston from 'express-winston';\nimport * as winston from 'winston';\nconst requestLoggerMiddleware = expressWinston.logger({ transports: [new winston.transports.Console()] });\nconst validateSessionMiddleware = (req, res, next) => next();\nexport { requestLoggerMiddleware, validateSessionMiddleware };\n";
const allLogged = project('all-logged', {
  'package.json': JSON.stringify({ name: 'sync', type: 'module' }),
  'app.js': apiRoot,
  'app-sync.js': subApp(true),
  'app-account.js': subApp(true),
  'util/middlewares.js': middlewares,
});
const oneUnlogged = project('one-unlogged', {
  'package.json': JSON.stringify({ name: 'sync', type: 'module' }),
  'app.js': apiRoot,
  'app-sync.js': subApp(true),
  'app-account.js': subApp(false),
  'util/middlewares.js': middlewares,
});

// Hono on Cloudflare Workers / Bun / Deno: `export default app` of a file nobody imports is served
const honoRoutes = "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('Hello'));\napp.post('/items', async (c) => c.json(await c.req.json()));\nexport default app;\n";
const workers = project('workers', {
  'package.json': JSON.stringify({ name: 'worker', dependencies: { hono: '^4.0.0' } }),
  'src/index.ts': honoRoutes,
  'src/index.test.ts': "import app from './index';\ntest('GET /', async () => { expect((await app.request('/')).status).toBe(200); });\n",
});
const mounted = project('mounted', {
  'package.json': JSON.stringify({ name: 'api', dependencies: { hono: '^4.0.0' } }),
  'src/index.ts': "import { Hono } from 'hono';\nimport { logger } from 'hono/logger';\nimport items from './routes/items';\nconst app = new Hono();\napp.use(logger());\napp.route('/items', items);\nexport default app;\n",
  'src/routes/items.ts': honoRoutes,
});
const aliased = project('aliased', {
  'package.json': JSON.stringify({ name: 'api', dependencies: { hono: '^4.0.0' } }),
  'src/index.ts': "import { Hono } from 'hono';\nimport { logger } from 'hono/logger';\nimport items from '@/routes/items';\nconst app = new Hono();\napp.use(logger());\napp.route('/items', items);\nexport default app;\n",
  'src/routes/items.ts': honoRoutes,
});

// trimmed from uptime-kuma's setup-database.js: the first-run page closes its own server once it is done
const setupServer = `const express = require("express");
class SetupDatabase {
  start(hostname, port) {
    return new Promise((resolve) => {
      const app = express();
      let tempServer;
      app.use(express.json());
      app.get("/setup-database-info", (request, response) => {
        response.json({ isEnabledEmbeddedMariaDB: false });
      });
      app.post("/setup-database", async (request, response) => {
        writeDBConfig(request.body.dbConfig);
        response.json({ ok: true });
        if (tempServer) {
          tempServer.close(() => {
            resolve();
          });
        } else {
          resolve();
        }
      });
      tempServer = app.listen(port, hostname);
    });
  }
}
module.exports = { SetupDatabase };`;

const ruleTester = new RuleTester();

ruleTester.run('require-request-logging (what the project says about an app)', rule, {
  valid: [
    { filename: join(factoryLogs, 'app.js'), code: rootApp },
    { filename: join(allLogged, 'app.js'), code: apiRoot },
    { filename: join(mounted, 'src', 'routes', 'items.ts'), code: honoRoutes },
    { filename: join(aliased, 'src', 'routes', 'items.ts'), code: honoRoutes },
    // no file of a project holds it (not saved yet), no project at all: nothing to tell, quiet as before
    { filename: join(workers, 'src', 'unsaved.ts'), code: honoRoutes },
    { filename: '/nonexistent-project-dir/src/index.ts', code: honoRoutes },
    setupServer,
  ],
  invalid: [
    { filename: join(factoryQuiet, 'app.js'), code: rootApp, errors: [{"messageId": "missingRequestLogging", "line": 3}] },
    { filename: join(oneUnlogged, 'app.js'), code: apiRoot, errors: [{"messageId": "missingRequestLogging", "line": 5}] },
    // nobody imports it but its test: the platform serves it
    { filename: join(workers, 'src', 'index.ts'), code: honoRoutes, errors: [{"messageId": "missingRequestLogging", "line": 2, "suggestions": [{"messageId": "addRequestLogger", "output": "import { Hono } from 'hono';\nimport { logger } from 'hono/logger';\nconst app = new Hono();\napp.use(logger());\napp.get('/', (c) => c.text('Hello'));\napp.post('/items', async (c) => c.json(await c.req.json()));\nexport default app;\n"}]}] },
    // closed on shutdown, not by a route of its own: the real server
    {
      code: setupServer.replace(/ {8}if \(tempServer\) \{[\s\S]*? {8}\}\n/u, '').replace('      tempServer = app.listen(port, hostname);', "      tempServer = app.listen(port, hostname);\n      process.on('SIGTERM', () => tempServer.close());"),
      errors: [{"messageId": "missingRequestLogging", "line": 5}],
    },
  ],
});
