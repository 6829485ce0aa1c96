import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppUsage, getAppUsage } from '../../src/model/app-usage.js';
import type { ProbeOptions } from '../helpers/probe.js';
import { probeServers } from '../helpers/servers.js';

/** getAppUsage of every server the file creates, in order. */
function usages(code: string, options: ProbeOptions = {}): AppUsage[] {
  const out: AppUsage[] = [];
  probeServers(code, (context, servers) => {
    for (const c of servers.creations) out.push(getAppUsage(context, c.node, c.framework, servers.calls));
  }, options);
  return out;
}

function only(code: string, options: ProbeOptions = {}): AppUsage {
  const all = usages(code, options);
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('getAppUsage', () => {
  it('finds a served, configured Express app and where a registration can follow its creation', () => {
    const u = only("import express from 'express';\nconst app = express();\napp.use(express.json());\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);");
    expect(u).toMatchObject({ path: 'app', served: true, configured: true, returned: false, passed: false, mounted: false });
    expect(u.statement?.type).toBe('VariableDeclaration');
  });

  it('sees a factory that returns the app, and a sub-app mounted into another', () => {
    expect(only("import express from 'express';\nexport function createApp() { const app = express(); app.use(cors()); return app; }").returned).toBe(true);
    expect(only("import express from 'express';\nexport default function build() { return express(); }").returned).toBe(true);
    // kept in a module variable assigned later and handed out by a getter (node-red runtime's `init()` / `get httpNode()`)
    expect(only("const express = require('express');\nlet nodeApp;\nfunction init() { nodeApp = express(); nodeApp.set('x-powered-by', false); }\nmodule.exports = { init, get httpNode() { return nodeApp; } };").returned).toBe(true);
    expect(only("const express = require('express');\nlet app;\nfunction start() { app = express(); app.get('/x', h); app.listen(3000); }\nstart();").returned).toBe(false);
    const [api] = usages("import express from 'express';\nconst api = express();\napi.get('/x', h);\nconst root = makeRoot();\nroot.use('/api', api);");
    expect(api).toMatchObject({ path: 'api', mounted: true, served: false });
  });

  it('treats serverless wrappers and createServer(app) as serving, another module\'s setup as handing on', () => {
    expect(only("const express = require('express');\nconst app = express();\nmodule.exports.handler = serverless(app);").served).toBe(true);
    // createServer(app) is a server creation of its own: the Express app is the first one.
    expect(usages("import express from 'express';\nimport http from 'node:http';\nconst app = express();\nhttp.createServer(app).listen(80);")[0]!.served).toBe(true);
    const passed = only("import express from 'express';\nimport { setupMiddleware } from './middleware';\nconst app = express();\nsetupMiddleware(app);");
    expect(passed.passed).toBe(true);
  });

  it('does not count routes, docs or database setup as handing the app on', () => {
    const u = only("import express from 'express';\nimport { registerRoutes } from './routes';\nimport { setupSwagger } from './swagger';\nconst app = express();\nregisterRoutes(app);\nsetupSwagger(app);");
    expect(u.passed).toBe(false);
    expect(u.served).toBe(false);
  });

  it('serves a Hono root app exported by default, but not a sub-app of routes', () => {
    const root = only("import { Hono } from 'hono';\nimport users from './users';\nconst app = new Hono();\napp.route('/users', users);\nexport default app;");
    expect(root.served).toBe(true);
    const sub = only("import { Hono } from 'hono';\nconst users = new Hono();\nusers.get('/', (c) => c.json([]));\nexport default users;");
    expect(sub.served).toBe(false);
    expect(only("import { Hono } from 'hono';\nconst app = new Hono();\nexport default { fetch: app.fetch };").served).toBe(true);
  });

  it('reads route-scoped and handler middleware as not app-wide', () => {
    expect(only("import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.body = 'hi'; });").configured).toBe(false);
    expect(only("import { Hono } from 'hono';\nconst api = new Hono();\napi.use('/posts/*', cors());").configured).toBe(false);
    expect(only("import { Hono } from 'hono';\nconst app = new Hono();\napp.use('*', secureHeaders());").configured).toBe(true);
  });

  it('keeps class fields and member assignments by their path, with no insertion point for a field', () => {
    const field = only("import express from 'express';\nclass Server { app = express(); start() { this.app.listen(3000); } }");
    expect(field).toMatchObject({ path: 'this.app', statement: null, served: true });
    const member = only("const express = require('express');\nmodule.exports.app = express();");
    expect(member.path).toBe('module.exports.app');
    expect(member.statement?.type).toBe('ExpressionStatement');
  });

  it('answers nothing used for an app created and dropped', () => {
    expect(only("import express from 'express';\nexpress();")).toEqual({ path: null, statement: null, returned: false, assembled: false, passed: false, mounted: false, served: false, configured: false, probesOnly: false, mountsLoggedApps: false, closedByOwnRoute: false });
  });

  it('sees a server one of its own routes closes (a one-shot setup server), not one closed on shutdown', () => {
    expect(only("import express from 'express';\nconst app = express();\nlet server;\napp.post('/setup', (req, res) => {\n  res.json({ ok: true });\n  server.close();\n});\nserver = app.listen(3001);").closedByOwnRoute).toBe(true);
    expect(only("import express from 'express';\nconst app = express();\napp.post('/items', create);\nconst server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());").closedByOwnRoute).toBe(false);
  });

  it('sees an app that answers only health, metrics or redirects, and one that serves an API', () => {
    expect(only("import express from 'express';\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\napp.get(config.readinessPath, ready);\napp.listen(9100);").probesOnly).toBe(true);
    expect(only("import express from 'express';\nconst app = express();\napp.get('/healthz', ok);\napp.get('/metrics', metrics);\napp.listen(9100);").probesOnly).toBe(false);
    expect(only("import express from 'express';\nconst app = express();\napp.use((req, res) => res.redirect('https://' + req.headers.host + req.url));\napp.listen(80);").probesOnly).toBe(true);
    expect(only("import express from 'express';\nconst app = express();\napp.get('/health', ok);\napp.post('/api/items', create);\napp.listen(3000);").probesOnly).toBe(false);
    expect(only("import express from 'express';\nconst app = express();\napp.use((req, res) => { if (!req.secure) return res.redirect('/'); res.send(page()); });\napp.listen(80);").probesOnly).toBe(false);
    expect(only("import express from 'express';\nconst app = express();\napp.use(express.json());\napp.listen(3000);").probesOnly).toBe(false);
  });

  it('reads a consumer loaded on the spot by its module name: a dev server is not request logging', () => {
    const dev = only("const express_1 = __importDefault(require('express'));\nasync function f() { const app = (0, express_1.default)(); app.set('x', 1); await (await import('./plugins/dev-server')).default(app); }", { sourceType: 'module' });
    expect(dev.passed).toBe(false);
    const setup = only("const express_1 = __importDefault(require('express'));\nasync function f() { const app = (0, express_1.default)(); app.set('x', 1); (await import('./setup-middleware')).default(app); }", { sourceType: 'module' });
    expect(setup.passed).toBe(true);
  });
});

describe('getAppUsage: setup modules of the project are read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-usage-'));
  writeFileSync(join(dir, 'cors.js'), "exports.setupCors = (app) => app.use((req, res, next) => next());\n");
  writeFileSync(join(dir, 'access.js'), "module.exports = (app) => app.use((req, res, next) => { res.on('finish', () => log.info(res.statusCode)); next(); });\n");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const filename = join(dir, 'server.js');

  it('does not count a module whose source registers no request logging, nor a value utility', () => {
    const u = only("const express = require('express');\nconst c = require('./cors');\nconst app = express();\n(0, c.setupCors)(app);\n_.merge(app, opts);\napp.listen(1);", { filename, cwd: dir });
    expect(u.passed).toBe(false);
  });

  it('counts a module that listens for finish, and one it cannot read', () => {
    expect(only("const express = require('express');\nconst app = express();\nrequire('./access')(app);\napp.listen(1);", { filename, cwd: dir }).passed).toBe(true);
    expect(only("const express = require('express');\nconst app = express();\nrequire('./missing')(app);\napp.listen(1);", { filename, cwd: dir }).passed).toBe(true);
  });
});

describe('getAppUsage: a factory that assembles the whole app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-usage-assembled-'));
  writeFileSync(join(dir, 'api.js'), "const router = require('express').Router();\nrouter.get('/items', list);\nmodule.exports = router;\n");
  writeFileSync(join(dir, 'logged-router.js'), "import morgan from 'morgan';\nexport default async function router(config) { const r = express.Router(); r.use(morgan('dev')); return r; }\n");
  writeFileSync(join(dir, 'wrappers.js'), "exports.error_catcher = (fn) => async (req, res, next) => {\n  state.log(5, `${req.method} ${req.originalUrl}`);\n  try { await fn(req, res); } catch (e) { next(e); }\n};\n");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const filename = join(dir, 'app.js');
  const factory = (mount: string) =>
    `const express = require('express');\nconst api = require('./api');\nmodule.exports = async function getApp() {\n  const app = express();\n  app.set('trust proxy', 1);\n  app.use(helmet());\n  ${mount}\n  return app;\n};`;

  it('settings, app-wide middleware and routes: assembled', () => {
    expect(only(factory("app.use('/api', api);"), { filename, cwd: dir })).toMatchObject({ returned: true, assembled: true });
    // a handler wrapper from a module whose own log line mentions the request is no request logger
    expect(only(factory("app.get('/', require('./wrappers').error_catcher(homepage));"), { filename, cwd: dir }).assembled).toBe(true);
  });

  it('no routes, no settings, or a router module that may log requests: not assembled', () => {
    expect(only(factory('app.use(express.json());'), { filename, cwd: dir }).assembled).toBe(false);
    expect(only(factory("app.use('/api', api);").replace("app.set('trust proxy', 1);", ''), { filename, cwd: dir }).assembled).toBe(false);
    expect(only(factory("app.use('/', await require('./logged-router').default(config));"), { filename, cwd: dir }).assembled).toBe(false);
    expect(only(factory("app.use('/api', require('./missing'));"), { filename, cwd: dir }).assembled).toBe(false);
  });
});

describe('getAppUsage: an app handed in or made here', () => {
  it('`options.app || express()` and `this.app = opts.app ?? express()` are read like the created app', () => {
    const u = only("const express = require('express');\nmodule.exports = (options) => {\n  const app = options.app || express();\n  app.set('trust proxy', 1);\n  app.listen(3000);\n};");
    expect(u).toMatchObject({ path: 'app', served: true, configured: true });
    const member = only("import express from 'express';\nclass S { constructor(o) { this.app = o.app ?? express(); this.app.use(express.json()); } start() { this.app.listen(80); } }");
    expect(member).toMatchObject({ path: 'this.app', served: true });
  });

  it('a promise resolved with the app hands it to the caller like a return; not an app on the left of `||`', () => {
    const u = only("const express = require('express');\nmodule.exports = () => new Promise((resolve) => {\n  const app = express();\n  app.use(cors());\n  resolve({ server: app });\n});");
    expect(u).toMatchObject({ returned: true, passed: false });
    // `express() || fallback`: the created app is not what the variable is known to hold.
    expect(only("const express = require('express');\nconst app = express() || other;\napp.listen(80);").path).toBeNull();
  });
});

describe('getAppUsage: a view engine configured with the app', () => {
  it("nunjucks.configure(dir, { express: app }) registers no request logger: the app is not handed on", () => {
    const u = only("const express = require('express');\nconst nunjucks = require('nunjucks');\nconst app = express();\nnunjucks.configure('views', { autoescape: true, express: app });\napp.use(cors());\napp.listen(3000);");
    expect(u).toMatchObject({ passed: false, served: true });
  });
});
