import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-silent-catch.js';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
const winstonInScope = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };
const cjsPino = { 'security-logging': { logger: { name: 'log', importFrom: './log', importKind: 'default', style: 'pino' } } };

ruleTester.run('no-silent-catch', rule, {
  valid: [
    // A reply settled with a 4xx answer: the client's problem.
    `function issueToken(user, secret) {
  return new Promise((resolve) => {
    try {
      resolve({ statusCode: 200, token: jwt.sign({ id: user.id }, secret) });
    } catch (signErr) {
      resolve({ statusCode: 400, message: 'Invalid token options' });
    }
  });
}`,
    // A 5xx answer beside a log of the error.
    `function putDefaults(app, value, cb) {
  config.writeDefaultsFile(app, value)
    .then(() => cb({ state: 'COMPLETED', statusCode: 200 }))
    .catch((err) => {
      console.error('Unable to save to defaults file', err);
      cb({ state: 'COMPLETED', statusCode: 502, message: 'Unable to save to defaults file' });
    });
}`,
    // next() with a 5xx error hands it to the framework's error handler.
    `app.get('/x', (req, res, next) => {
  load(req.params.id)
    .then((row) => res.json(row))
    .catch(() => next({ status: 500, message: 'load failed' }));
});`,
    // --- logged, per logger ---
    'try { await save() } catch (err) { console.error(err) }',
    'try { await save() } catch (err) { console.log("save failed", err) }',
    'try { await save() } catch (err) { logger.error({ err }, "save failed") }',
    'try { await save() } catch (err) { logger.warn("save failed, retrying later") }',
    // a logger facade (n8n's LoggerProxy), also under the broad strict policy
    {
      code: "function stringifyError(error) {\n  try {\n    return JSON.stringify(error, null, 2);\n  } catch {\n    n8n_workflow_1.LoggerProxy.warn('Failed to stringify agent streaming error');\n  }\n  return 'Unknown error';\n}",
      options: [{ minimumLevel: 'warn', reportFallbacks: true }],
    },
    "import pino from 'pino'; const log = pino(); async function f() { try { await save() } catch (e) { log.error(e) } }",
    "const winston = require('winston'); const audit = winston.createLogger({}); try { run() } catch (e) { audit.log('error', e.message, { e }) }",
    "const bunyan = require('bunyan'); const l = bunyan.createLogger({ name: 'x' }); try { run() } catch (e) { l.error(e) }",
    'app.get("/", async (req, res) => { try { await work() } catch (err) { req.log.error({ err }, "work failed"); res.sendStatus(500) } })',
    'fastify.get("/", async (request, reply) => { try { await work() } catch (err) { request.log.error(err); return reply.code(500).send() } })',
    'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.log.error(err); ctx.status = 500 } })',
    {
      code: `
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  async find(id: string) {
    try { return await this.repo.findOne(id); }
    catch (error) { this.logger.error(\`find \${id} failed\`, (error as Error).stack); return null; }
  }
}`,
    },
    {
      code: `
@Injectable()
export class Payments {
  constructor(private readonly audit: AuditLogger) {}
  async charge() { try { await this.api.charge() } catch (e) { this.audit.warn('charge failed') } }
}`,
    },
    // --- configured loggers, helpers, reporters ---
    {
      code: 'try { run() } catch (e) { appLog.write(e) ; myAudit.error(e) }',
      settings: { 'security-logging': { loggers: ['myAudit'] } },
    },
    {
      code: 'try { run() } catch { reportFailure() }',
      settings: { 'security-logging': { logFunctions: ['reportFailure'] } },
    },
    'try { run() } catch (e) { Sentry.captureException(e) }',
    'try { run() } catch (e) { newrelic.noticeError(e) }',
    'try { run() } catch (e) { Bugsnag.notify(e) }',
    'function logFailure() { logger.error("sync failed") } try { sync() } catch { logFailure() }',
    'const fail = (what) => console.warn(`${what} failed`); try { sync() } catch { fail("sync") }',
    'class A { note() { this.logger.error("x") } run() { try { go() } catch { this.note() } } }',
    // --- rethrow and hand-off ---
    'try { run() } catch (e) { throw e }',
    'try { run() } catch (e) { throw new Error("run failed", { cause: e }) }',
    'try { run() } catch { throw new BadRequestException("invalid payload") }',
    'function mw(req, res, next) { try { run() } catch (err) { next(err) } }',
    'function mw(req, res, next) { try { run() } catch (err) { return next(err) } }',
    'new Promise((resolve, reject) => { try { resolve(run()) } catch (e) { reject(e) } })',
    'function load(cb) { try { cb(null, read()) } catch (err) { cb(err) } }',
    'function load(done) { try { read() } catch (err) { done(new Error("read failed")) } }',
    'async function f() { try { return await run() } catch (e) { return Promise.reject(e) } }',
    'class S extends EventEmitter { run() { try { go() } catch (e) { this.emit("error", e) } } }',
    'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.throw(500, "failed") } })',
    // --- the error is returned or stored as data: someone else's to log ---
    'function parse(s) { try { return [null, decode(s)] } catch (e) { return [e, null] } }',
    'async function f() { try { await run(); return { ok: true } } catch (error) { return { ok: false, error } } }',
    'try { run() } catch (e) { this.lastError = e }',
    'try { run() } catch (e) { errors.push(e) }',
    'try { validate(body) } catch (e) { const message = e instanceof Error ? e.message : String(e); res.status(400).json({ message }) }',
    'try { run() } catch (e) { return res.status(422).send({ errors: e.errors }) }',
    'try { run() } catch (e) { setImmediate(() => { throw e }) }',
    // --- deliberate triage of the error ---
    "async function exists(p) { try { await fs.promises.stat(p); return true } catch (err) { if (err.code === 'ENOENT') return false; throw err } }",
    "try { fs.mkdirSync(dir) } catch (err) { if (err.code !== 'EEXIST') throw err }",
    'try { await db.insert(row) } catch (err) { if (err instanceof UniqueViolation) { return existing } logger.error(err); throw err }',
    'try { run() } catch (_err) { return null }',
    'try { run() } catch (ignore) { return false }',
    'let lastError; for (const key of keys) { try { return verify(key) } catch (error) { lastError = error } } throw lastError',
    'try { await heartbeat() } catch (error) { if (!silent) { logger.error({ err: error }, "heartbeat failed") } }',
    'const done = upload(); done.catch(() => {}); await other(); await done',
    'async function revert() { try { await api.revert() } catch { toast.error(t("error:reverting")) } }',
    'async function find(options) { try { return await request(options) } catch (err) { if (options.disableErrors) { return null } throw err } }',
    'function transform(value) { try { return convert(value) } catch (e) { if (validateRelationships) { throw e } return value } }',
    // --- found on the third-party corpus ---
    'fastify.get("/", async (request, reply) => { try { await work() } catch (err) { reply.send(err) } })',
    'fastify.get("/", async (request, reply) => { try { await work() } catch (err) { reply.code(500).send(err) } })',
    'async function get(key) { try { return await this.client.get(key) } catch (err) { if (this.closing) return null; throw err } }',
    'function isMountable(app) { try { app.use(probe); return true } catch { return false } }',
    'function validate(expr) { try { parse(expr); return true } catch { return false } }',
    'const swallow = (_) => { /* surfaces through EXEC */ }; multi.exec().catch(swallow)',
    'try { require.resolve(target, { paths }) } catch (e) {\n  // Silent catch\n}',
    // --- tests that expect or reject the throw ---
    'test("throws", async (t) => { try { await app.inject(bad); t.assert.fail() } catch (e) { t.assert.ok(true) } })',
    'it("works", async () => { try { await run() } catch (e) { assert.fail("should not throw") } })',
    'it("rejects", async () => { try { await run() } catch (e) { expect(e).toBeInstanceOf(TypeError) } })',
    // --- intentional probes ---
    'function tryParse(s) { try { return JSON.parse(s) } catch { return null } }',
    'let config = {}; try { config = JSON.parse(fs.readFileSync(path, "utf8")) } catch {}',
    'function isUrl(s) { try { new URL(s); return true } catch { return false } }',
    'let hasSharp = true; try { require.resolve("sharp") } catch { hasSharp = false }',
    'async function optional() { try { return await import("optional-dep") } catch { return undefined } }',
    'function exists(p) { try { fs.accessSync(p); return true } catch { return false } }',
    'for (const line of lines) { try { out.push(JSON.parse(line)) } catch { continue } }',
    'function decode(s) { try { return decodeURIComponent(s) } catch { return s } }',
    'function charset(req) { try { const { parameters } = contentType.parse(req); return parameters.charset || "" } catch (e) { return "" } }',
    'let url; try { url = PREFIX.test(raw) ? new URL(raw) : new URL(`${proto}://${host}${raw}`) } catch (err) { url = Object.create(null) }',
    'reader.cancel().catch(noop)',
    'stream.close().catch(() => {})',
    { code: 'function read(s) { try { return yaml.load(s) } catch { return {} } }', options: [{ allowedProbes: ['yaml.load'] }] },
    'await fs.promises.unlink(tmp).catch(() => {})',
    'const exists = await fs.promises.access(p).then(() => true).catch(() => false)',
    'const mod = await import("pino-pretty").catch(() => null)',
    // --- the author said why ---
    'try { socket.destroy() } catch { /* ignore: already closed */ }',
    'try { cleanup() } catch (e) {\n  // intentionally swallowed: best effort cleanup\n}',
    'try { cleanup() } catch { // expected when the file is gone\n}',
    { code: 'try { cleanup() } catch { /* fine */ }', options: [{ allowWithComment: 'fine' }] },
    'try { value = localStorage.getItem(key) } catch {\n  // localStorage can throw in privacy modes\n  value = null\n}',
    'if (!res.ok) { const body = await res.json().catch(() => ({})); throw new HttpError(res.status, body.message) }',
    'const text = await res.text().catch(() => "<unreadable body>")',
    'function read(dir, f) { try { return fs.readFileSync(path.join(dir, f), "utf8") } catch { return null } }',
    'for (const dir of dirs) { let files; try { files = fs.readdirSync(dir).filter((f) => f.endsWith(".js")) } catch { continue } use(files) }',
    'function same(a, b) { try { return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b)) } catch { return false } }',
    'p.catch(() => { /* ignored: the caller retries */ })',
    // --- promise handlers ---
    'p.catch((err) => logger.error({ err }, "failed"))',
    'p.catch(console.error)',
    'p.catch(logger.error.bind(logger))',
    'p.catch(next)',
    'p.catch(reject)',
    'p.catch(handleError)',
    'p.catch((err) => { throw new AppError("wrapped", { cause: err }) })',
    'p.then(ok, (err) => next(err))',
    'p.then((v) => v)',
    'p.catch()',
    'const r = await fetch(u).catch((e) => ({ error: e }))',
    // --- nested and weird-but-valid ---
    'try { a() } catch (outer) { try { b() } catch (inner) { logger.error(inner) } logger.error(outer) }',
    'try { a() } catch (e) { if (retry) { logger.warn(e) } else { logger.error(e) } }',
    'try { a() } catch (e) { switch (mode) { case 1: logger.warn(e); break; default: throw e } }',
    'try { a() } finally { release() }',
    'label: try { a() } catch (e) { logger.error(e); break label }',
    {
      code: 'const C = () => { try { return <div>{render()}</div> } catch (e) { console.error(e); return <p>error</p> } }',
    },
    {
      code: 'try { run() } catch (e: unknown) { logger.error({ err: e as Error }, "run failed") }',
    },
    {
      code: 'try { run() satisfies void } catch (e) { (logger as Logger).error(e) }',
    },
  ],
  invalid: [
    // --- empty and default-returning catches ---
    {
      code: 'try { await save() } catch (e) {}',
      options: [{ reportFallbacks: true }],
      errors: [
        {
          messageId: 'silentCatch',
          line: 1,
          suggestions: [
            { messageId: 'logIt', data: { call: 'console.error' }, output: "try { await save() } catch (e) {\n  console.error('save failed', e);\n}" },
            { messageId: 'rethrow', output: 'try { await save() } catch (e) {\n  throw e;\n}' },
          ],
        },
      ],
    },
    {
      code: 'async function saveUser(u) {\n  try {\n    await db.save(u);\n  } catch {\n    return null;\n  }\n}',
      options: [{ reportFallbacks: true }],
      errors: [
        {
          messageId: 'silentCatch',
          line: 5,
          suggestions: [
            {
              messageId: 'logIt',
              data: { call: 'console.error' },
              output: "async function saveUser(u) {\n  try {\n    await db.save(u);\n  } catch (err) {\n    console.warn('db.save failed', err);\n    return null;\n  }\n}",
            },
          ],
        },
      ],
    },
    // --- autofix with a configured pino logger, import added ---
    {
      code: "import express from 'express';\nasync function sync() {\n  try {\n    await pull();\n  } catch (e) {}\n}",
      options: [{ reportFallbacks: true }],
      settings: pino,
      output: "import express from 'express';\nimport { logger } from './logger';\nasync function sync() {\n  try {\n    await pull();\n  } catch (e) {\n    logger.error({ err: e }, 'pull failed');\n  }\n}",
      errors: [{ messageId: 'silentCatch', line: 5, suggestions: [
        { messageId: 'logIt', data: { call: 'logger.error' }, output: "import express from 'express';\nimport { logger } from './logger';\nasync function sync() {\n  try {\n    await pull();\n  } catch (e) {\n    logger.error({ err: e }, 'pull failed');\n  }\n}" },
        { messageId: 'rethrow', output: "import express from 'express';\nasync function sync() {\n  try {\n    await pull();\n  } catch (e) {\n    throw e;\n  }\n}" },
      ] }],
    },
    // --- CommonJS file: require added ---
    {
      code: "const db = require('./db');\nfunction purge() {\n  try {\n    db.purge();\n  } catch {\n    // TODO\n  }\n}",
      options: [{ reportFallbacks: true }],
      settings: cjsPino,
      output: "const db = require('./db');\nconst log = require('./log');\nfunction purge() {\n  try {\n    db.purge();\n  } catch (err) {\n    log.error({ err }, 'db.purge failed');\n    // TODO\n  }\n}",
      errors: [{ messageId: 'silentCatch', line: 5, suggestions: [
        { messageId: 'logIt', data: { call: 'log.error' }, output: "const db = require('./db');\nconst log = require('./log');\nfunction purge() {\n  try {\n    db.purge();\n  } catch (err) {\n    log.error({ err }, 'db.purge failed');\n    // TODO\n  }\n}" },
        { messageId: 'rethrow', output: "const db = require('./db');\nfunction purge() {\n  try {\n    db.purge();\n  } catch (err) {\n    throw err;\n    // TODO\n  }\n}" },
      ] }],
    },
    // --- winston logger already in scope: no import ---
    // A neutral value after a call that cannot fail for an outside reason is a fallback: reported with reportFallbacks (strict).
    {
      code: "const logger = require('./logger');\nfunction f() {\n  try { a(); } catch (error) { return false; }\n}",
      options: [{ reportFallbacks: true }],
      settings: winstonInScope,
      output: "const logger = require('./logger');\nfunction f() {\n  try { a(); } catch (error) { logger.warn('a failed', error); return false; }\n}",
      errors: [{ messageId: 'silentCatch', line: 3, suggestions: [
        { messageId: 'logIt', data: { call: 'logger.error' }, output: "const logger = require('./logger');\nfunction f() {\n  try { a(); } catch (error) { logger.warn('a failed', error); return false; }\n}" },
      ] }],
    },
    // --- Nest service with this.logger ---
    {
      code: "@Injectable()\nexport class Orders {\n  private readonly logger = new Logger(Orders.name);\n  async cancel(id: string) {\n    try {\n      await this.api.cancel(id);\n    } catch (err) {\n      return false;\n    }\n  }\n}",
      options: [{ reportFallbacks: true }],
      settings: nest,
      output: "@Injectable()\nexport class Orders {\n  private readonly logger = new Logger(Orders.name);\n  async cancel(id: string) {\n    try {\n      await this.api.cancel(id);\n    } catch (err) {\n      this.logger.warn({ message: 'api.cancel failed', stack: err instanceof Error ? err.stack : String(err) });\n      return false;\n    }\n  }\n}",
      errors: [{ messageId: 'silentCatch', line: 8, suggestions: [
        { messageId: 'logIt', data: { call: 'this.logger.error' }, output: "@Injectable()\nexport class Orders {\n  private readonly logger = new Logger(Orders.name);\n  async cancel(id: string) {\n    try {\n      await this.api.cancel(id);\n    } catch (err) {\n      this.logger.warn({ message: 'api.cancel failed', stack: err instanceof Error ? err.stack : String(err) });\n      return false;\n    }\n  }\n}" },
      ] }],
    },
    // --- Express middleware with next: pass-to-next suggestion ---
    // A synchronous validator answered with a 4xx is a probe by default (log-auth-failures covers the 401); reportFallbacks reports it.
    // No rethrow: the catch has sent its answer, and a throw after it would answer a finished response again.
    {
      code: 'function auth(req, res, next) {\n  try {\n    verify(req);\n  } catch (err) {\n    res.status(401).end();\n  }\n}',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentCatch', line: 4, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "function auth(req, res, next) {\n  try {\n    verify(req);\n  } catch (err) {\n    console.error('verify failed', err);\n    res.status(401).end();\n  }\n}" },
        { messageId: 'passToNext', output: 'function auth(req, res, next) {\n  try {\n    verify(req);\n  } catch (err) {\n    return next(err);\n    res.status(401).end();\n  }\n}' },
      ] }],
    },
    // --- Koa: status set, error dropped ---
    {
      code: 'app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (e) {\n    ctx.status = 500;\n  }\n});',
      errors: [{ messageId: 'silentCatch', line: 4, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (e) {\n    console.error('downstream handler failed', e);\n    ctx.status = 500;\n  }\n});" },
        { messageId: 'rethrow', output: 'app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (e) {\n    ctx.status = 500;\n    throw e;\n  }\n});' },
      ] }],
    },
    // --- a log on one branch only: the silent branch is reported ---
    {
      code: 'function f() {\n  try {\n    a();\n  } catch (e) {\n    if (e.status >= 500) {\n      logger.error(e);\n      return 1;\n    }\n    return 0;\n  }\n}',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentPath', line: 9, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "function f() {\n  try {\n    a();\n  } catch (e) {\n    if (e.status >= 500) {\n      logger.error(e);\n      return 1;\n    }\n    console.warn('a failed', e);\n    return 0;\n  }\n}" },
      ] }],
    },
    // --- the complement of an error test: unknown errors are swallowed ---
    {
      code: 'async function proxy(req, res) {\n  try {\n    res.json(await upstream(req));\n  } catch (err) {\n    if (err.response) {\n      logger.error({ err }, "upstream failed");\n      return res.status(502).end();\n    }\n    return res.status(500).end();\n  }\n}',
      errors: [{ messageId: 'silentPath', line: 9, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: 'async function proxy(req, res) {\n  try {\n    res.json(await upstream(req));\n  } catch (err) {\n    if (err.response) {\n      logger.error({ err }, "upstream failed");\n      return res.status(502).end();\n    }\n    console.error(\'upstream failed\', err);\n    return res.status(500).end();\n  }\n}' },
      ] }],
    },
    // --- a reply callback or promise settled with a 5xx answer: the caller hears of it, operators do not ---
    {
      code: `function putDefaults(app, value, cb) {
  config.writeDefaultsFile(app, value)
    .then(() => cb({ state: 'COMPLETED', statusCode: 200 }))
    .catch(() => {
      cb({ state: 'COMPLETED', statusCode: 502, message: 'Unable to save to defaults file' });
    });
  return { state: 'PENDING' };
}`,
      errors: [{ messageId: 'silentPromiseCatch', line: 4, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: `function putDefaults(app, value, cb) {
  config.writeDefaultsFile(app, value)
    .then(() => cb({ state: 'COMPLETED', statusCode: 200 }))
    .catch((err) => {
      console.error('config.writeDefaultsFile failed', err);
      cb({ state: 'COMPLETED', statusCode: 502, message: 'Unable to save to defaults file' });
    });
  return { state: 'PENDING' };
}` },
      ] }],
    },
    {
      code: `function issueToken(user, secret) {
  return new Promise((resolve) => {
    try {
      resolve({ statusCode: 200, token: jwt.sign({ id: user.id }, secret) });
    } catch (signErr) {
      resolve({ statusCode: 500, message: 'Unable to sign token: ' + signErr.message });
    }
  });
}`,
      errors: [{ messageId: 'silentCatch', line: 5, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: `function issueToken(user, secret) {
  return new Promise((resolve) => {
    try {
      resolve({ statusCode: 200, token: jwt.sign({ id: user.id }, secret) });
    } catch (signErr) {
      console.error('resolve failed', signErr);
      resolve({ statusCode: 500, message: 'Unable to sign token: ' + signErr.message });
    }
  });
}` },
        { messageId: 'rethrow', output: `function issueToken(user, secret) {
  return new Promise((resolve) => {
    try {
      resolve({ statusCode: 200, token: jwt.sign({ id: user.id }, secret) });
    } catch (signErr) {
      resolve({ statusCode: 500, message: 'Unable to sign token: ' + signErr.message });
      throw signErr;
    }
  });
}` },
      ] }],
    },
    // --- the error goes to the client in a 5xx answer, not to the people who run the service ---
    // (no rethrow suggestion after the answer is sent; Koa's ctx.body below sends nothing yet, so a rethrow is offered there)
    {
      code: 'try { run() } catch (e) { res.status(500).json({ error: e.message }) }',
      errors: [{ messageId: 'silentCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "try { run() } catch (e) { console.error('run failed', e); res.status(500).json({ error: e.message }) }" },
      ] }],
    },
    {
      code: 'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.body = { error: err.message } } })',
      errors: [{ messageId: 'silentCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "app.use(async (ctx, next) => { try { await next() } catch (err) { console.error('downstream handler failed', err); ctx.body = { error: err.message } } })" },
        { messageId: 'rethrow', output: 'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.body = { error: err.message }; throw err; } })' },
      ] }],
    },
    // --- too quiet ---
    {
      code: 'try { run() } catch (e) { logger.debug(e) }',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'tooQuiet', line: 1, data: { minimumLevel: 'info' } }],
    },
    {
      code: 'try { run() } catch (e) { logger.info(e) }',
      options: [{ minimumLevel: 'warn', reportFallbacks: true }],
      errors: [{ messageId: 'tooQuiet', line: 1 }],
    },
    // --- error inspected but nothing done (peers miss this) ---
    {
      code: 'try { run() } catch (e) { if (e.code) {} }',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "try { run() } catch (e) { console.error('run failed', e); if (e.code) {} }" },
        { messageId: 'rethrow', output: 'try { run() } catch (e) { if (e.code) {} throw e; }' },
      ] }],
    },
    // --- a probe whose catch does real work: a fallback chain by default, reported with reportFallbacks ---
    {
      code: 'try { JSON.parse(s) } catch { cleanup() }',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "try { JSON.parse(s) } catch (err) { console.error('JSON.parse failed', err); cleanup() }" },
        { messageId: 'rethrow', output: 'try { JSON.parse(s) } catch (err) { cleanup(); throw err; }' },
      ] }],
    },
    // --- a comment that does not explain ---
    {
      code: 'try { run() } catch {\n  // TODO handle\n}',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "try { run() } catch (err) {\n  console.error('run failed', err);\n  // TODO handle\n}" },
        { messageId: 'rethrow', output: 'try { run() } catch (err) {\n  throw err;\n  // TODO handle\n}' },
      ] }],
    },
    // --- promise handlers ---
    {
      code: 'sendEmail(user).catch(() => {});',
      options: [{ reportFallbacks: true }],
      settings: pino,
      output: "import { logger } from './logger';\nsendEmail(user).catch((err) => {\n  logger.error({ err }, 'sendEmail failed');\n});",
      errors: [{ messageId: 'silentPromiseCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'logger.error' }, output: "import { logger } from './logger';\nsendEmail(user).catch((err) => {\n  logger.error({ err }, 'sendEmail failed');\n});" },
      ] }],
    },
    {
      code: 'const user = await findUser(id).catch(() => null);',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentPromiseCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "const user = await findUser(id).catch((err) => {\n  console.warn('findUser failed', err);\n  return null;\n});" },
      ] }],
    },
    {
      code: 'p.then(render, function () {});',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentPromiseCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "p.then(render, function (err) {\n  console.error('p failed', err);\n});" },
      ] }],
    },
    {
      code: 'const noop = () => {};\nrefresh().catch(noop);',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentPromiseCatch', line: 2, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "const noop = () => {};\nrefresh().catch((err) => console.error('refresh failed', err));" },
      ] }],
    },
    {
      code: 'orders.cancel(id).catch(() => {});',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentPromiseCatch', line: 1, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "orders.cancel(id).catch((err) => {\n  console.error('orders.cancel failed', err);\n});" },
      ] }],
    },
    {
      code: 'refresh().catch(console.debug);',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'tooQuiet', line: 1 }],
    },
    // --- TypeScript: typed catch binding ---
    {
      code: 'async function load(): Promise<Config | null> {\n  try {\n    return (await fetchConfig()) as Config;\n  } catch (e: unknown) {\n    return null;\n  }\n}',
      options: [{ reportFallbacks: true }],
      errors: [{ messageId: 'silentCatch', line: 5, suggestions: [
        { messageId: 'logIt', data: { call: 'console.error' }, output: "async function load(): Promise<Config | null> {\n  try {\n    return (await fetchConfig()) as Config;\n  } catch (e: unknown) {\n    console.warn('fetchConfig failed', e);\n    return null;\n  }\n}" },
      ] }],
    },
  ],
});
