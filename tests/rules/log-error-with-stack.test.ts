import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/log-error-with-stack.js';

const ruleTester = new RuleTester();

const pinoSettings = { 'security-logging': { logger: { name: 'logger', style: 'pino' } } };
const winstonSettings = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
const nestSettings = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };

ruleTester.run('log-error-with-stack', rule, {
  valid: [
    // Shapes that keep the error with a logger whose creation is in the file (verified by tests/integration/logger-runtime.test.ts).
    'const logger = pino(); try { run() } catch (err) { logger.error({ err }, "run failed") }',
    'const logger = pino({ errorKey: "error" }); try { run() } catch (e) { logger.error({ error: e }, "run failed") }',
    'const logger = pino({ serializers: { error: pino.stdSerializers.err } }); try { run() } catch (e) { logger.error({ error: e }, "run failed") }',
    'const log = bunyan.createLogger({ name: "a", serializers: bunyan.stdSerializers }); try { run() } catch (err) { log.error({ err }, "run failed") }',
    'const log = bunyan.createLogger({ name: "a" }); try { run() } catch (err) { log.error(err, "run failed") }',
    'const logger = winston.createLogger({}); try { run() } catch (err) { logger.error("run failed", err) }',
    'const logger = winston.createLogger({}); try { run() } catch (err) { logger.child({ jobId }).error("run failed", err) }',
    // The style is unknown (no settings, no creation in sight): `{ error }` may have a serializer.
    'try { run() } catch (e) { log.error({ error: e }, "run failed") }',
    // An options object we cannot read may set errorKey.
    'const logger = pino(opts); try { run() } catch (e) { logger.error({ error: e }, "run failed") }',
    // the error object reaches the logger
    'try { run() } catch (err) { logger.error({ err }, "run failed") }',
    'try { run() } catch (err) { logger.error({ err, userId }, `run failed: ${err.message}`) }',
    'try { run() } catch (error) { logger.error("run failed", { error }) }',
    'try { run() } catch (e) { console.error("run failed", e) }',
    'try { run() } catch (e) { console.error(`run failed: ${e.message}`, e) }',
    'try { run() } catch (e) { console.error(e) }',
    // Nest: message plus stack
    'try { run() } catch (e) { this.logger.error(e.message, e.stack) }',
    'try { run() } catch (e) { this.logger.error(`failed: ${(e as Error).message}`, (e as Error).stack) }',
    // rethrown or handed on: the stack is logged where it lands
    'try { fs.renameSync(a, b) } catch (err) { console.error(`rename failed: ${err}`); throw err }',
    'function mw(req, res, next) { try { run() } catch (err) { logger.error(err.message); next(err) } }',
    'try { run() } catch (err) { logger.error(err.message); throw new AppError("run failed", { cause: err }) }',
    // the cause chain is there
    'try { run() } catch (e) { logger.error({ cause: e.cause }, e.message) }',
    // below error level: not this rule's concern
    'try { run() } catch (e) { logger.warn(`retrying: ${e.message}`) }',
    'try { run() } catch (e) { logger.info("cache miss " + e) }',
    // details beside the error, not the message form
    'try { run() } catch (e) { logger.error({ status: e.response?.status, code: e.code }, "upstream failed") }',
    // not a caught error
    'const message = "x"; logger.error(`failed: ${message}`)',
    'function handle(result) { logger.error(result.message) }',
    'app.get("/", (req, res) => { logger.error(`bad request: ${req.url}`) })',
    // not a logger
    'try { run() } catch (e) { res.status(500).json({ error: e.message }) }',
    'try { run() } catch (e) { toast.error(e.message) }',
    // error callbacks and middleware that pass the whole error
    'fs.readFile(p, (err, data) => { if (err) logger.error({ err }, "read failed") })',
    'app.use((err, req, res, next) => { req.log.error(err); res.status(500).end() })',
    'p.catch((e) => console.error("refresh failed", e))',
    'process.on("unhandledRejection", (reason) => logger.fatal({ reason }, `unhandled: ${reason}`))',
    // The same handler hands the error object to a reporter (n8n active-workflow-manager, load-nodes-and-credentials).
    'class M { async remove(id) { try { await this.clearWebhooks(id) } catch (error) { this.errorReporter.error(error); this.logger.error(`Could not remove webhooks of workflow "${id}" because of error: "${error.message}"`) } } }',
    'class L { async load(p) { for (const x of p) { try { await this.runDirectoryLoader(x) } catch (error) { this.logger.error(error.message); this.errorReporter.error(error) } } } }',
    'async function save(id, data) { try { await store.save(id, data) } catch (e) { errorReporter.error(e); logger.error(`There was a problem saving the workflow with id "${id}": "${e.message}"`, { id }) } }',
    'try { run() } catch (e) { Sentry.captureException(e); logger.error(`run failed: ${e.message}`) }',
    'const onLoop = async (error) => { this.logger.error(error.message); this.errorReporter.error(error); await sleep(1000) }',
    // ... or logs its stack next to the message (n8n commands/execute, export/credentials).
    'class C { async catch(error) { this.logger.error("Error executing workflow."); this.logger.error(error.message); this.logger.error(error.stack) } }',
    'try { mkdir(dir) } catch (e) { this.logger.error("FILESYSTEM ERROR"); if (e instanceof Error) { this.logger.error(e.message); this.logger.error(e.stack) } return }',
    'try { run() } catch (err) { console.error(`run failed: ${err.message}`); console.error(err) }',
    // An expected, named failure: the branch tests the error's class or code (n8n webhook handler, medusa db:generate).
    'try { await handle(req) } catch (e) { const error = ensureError(e); if (e instanceof WebhookNotFoundError) { logger.error(`Received request for unknown webhook: ${e.message}`) } else { logger.error(`Error in handling webhook request: ${error.message}`, { error }) } }',
    'try { generate() } catch (error) { if (error.code && error.code === MedusaError.Codes.UNKNOWN_MODULES) { logger.error(error.message) } else { logger.error(error) } }',
    'try { fs.readFileSync(p) } catch (e) { if (e.code === "ENOENT") logger.error(`config not found: ${e.message}`); else logger.error({ err: e }, "read failed") }',
    'try { fs.mkdirSync(p) } catch (e) { switch (e.code) { case "EACCES": console.error(`no permission: ${e.message}`); break; default: console.error(e) } }',
    'try { connect() } catch (e) { if (["ECONNREFUSED", "ETIMEDOUT"].includes(e.code)) logger.error(`cannot reach the database: ${e.message}`) }',
    // A try that only parses JSON: the SyntaxError's message is the whole story (Ghost tinybird).
    'function parse(response) { let data; try { data = JSON.parse(response.body) } catch (e) { logging.error(`Error parsing response body: ${e.message}`); return null } return data }',
    'try { const config = JSON.parse(text); void config } catch (e) { console.error("bad JSON: " + e) }',
    // Not every four-parameter function is error middleware: a key or a message is not a caught error (n8n retry-manager, agent-execution).
    'class R { scheduleRetry(key, operation, backoff = 1, attempt = 0) { this.logger.error(`Retry failed for ${key}`, { error: this.lastError }) } }',
    'class A { errorResult(message, seed, skipped = [], partial) { this.logger.error(`[EvalAgentMock] ${message}`); return { success: false, errors: [message] } } }',
    'app.use((e, req, res, next) => { console.error("unhandled", e); res.sendStatus(500) })',
    // The stack went out inside a string on an earlier line (verdaccio init).
    'async function start(p) { try { await runServer(p) } catch (err) { console.error(`cannot open config file ${p}: ${err.stack}`); if (logger) logger.fatal({ err }, "cannot open config file"); else console.error(`cannot open config file ${p}: ${err.message}`); process.exit(1) } }',
    'try { run() } catch (e) { console.error("run failed: " + e.stack); console.error(e.message) }',
    // The emitter's error listener logs the whole error of the call that failed (parse-server rate-limit Redis).
    'const client = createClient({ url }); client.on("error", (err) => { log.error("Redis client error", { error: err }) }); const connect = async () => { if (client.isOpen) return; try { await client.connect() } catch (e) { log.error(`Could not connect to redisURL in rate limit: ${e}`) } };',
    // A helper given the error is judged at the catch that hands it: here a format-only try (Ghost i18n).
    'class I18n { formatMessage(string, bindings) { let msg = new MessageFormat(string); try { msg = msg.format(bindings) } catch (err) { this._handleFormatError(err); msg = this.fallback() } return msg } _handleFormatError(err) { logging.error(err.message) } }',
    'function report(err) { console.error(err.message) } function load(text) { try { return yaml.parse(text) } catch (e) { report(e); return null } }',
    'function onFail(error) { logger.error(`sync failed: ${error.message}`) } async function sync() { try { await push() } catch (e) { errorReporter.error(e); onFail(e) } }',
    // A try that only parses or formats a value in hand.
    'let doc; try { doc = yaml.parse(text) } catch (e) { console.error(`invalid YAML: ${e.message}`) }',
    'try { out = util.format(template, ...args) } catch (e) { console.error("bad template: " + e) }',
    // Expected failures whose message says it all (reportExpectedFailures, on in strict, reports them):
    // releasing a handle (n8n active-executions) ...
    'class E { finalize(execution) { if (execution.httpResponse) { try { this.logger.debug("Closing response"); execution.httpResponse.end() } catch (error) { this.logger.error("Error closing streaming response", { error: error.message }) } } } }',
    'async function shutdown() { try { await pool.end() } catch (e) { console.error(`pool close failed: ${e.message}`) } }',
    // ... and checking a password (n8n ldap validUser).
    'class L { async auth(user, password) { try { await this.validUser(user.dn, password) } catch (e) { if (e instanceof Error) { this.logger.error("LDAP - Error validating user against LDAP server", { message: e.message }) } return undefined } return user } }',
    'async function login(user, password) { try { await client.bind(user.dn, password) } catch (e) { console.error(`bind failed: ${e.message}`); return false } return true }',
    // The stack is logged beside under a test that holds whenever there is a stack (signalk's plugin callbacks).
    'function f(cb) { try { cb() } catch (err) { const message = err instanceof Error ? err.message : String(err); console.error(`callback error: ${message}`); if (err instanceof Error && err.stack) { console.error(err.stack); } } }',
    'function f(cb) { try { cb() } catch (err) { console.error(`callback error: ${err.message}`); if (err?.stack) console.error(err.stack); } }',
    // Twins: identical catches in one file get identical verdicts.
    'class H { async a() { try { await this.resA.end() } catch (e) { console.error(`close A: ${e.message}`) } } async b() { try { await this.resB.end() } catch (e) { console.error(`close B: ${e.message}`) } } }',
  ],
  invalid: [
    {
      code: 'const logger = pino(); try { run() } catch (e) { logger.error({ error: e, jobId }, "run failed") }',
      output: 'const logger = pino(); try { run() } catch (e) { logger.error({ err: e, jobId }, "run failed") }',
      errors: [{ messageId: 'errorHidden', line: 1, column: 65, data: { style: 'pino', key: 'error', name: 'e', why: 'pino serializes errors only under `err` (or the `errorKey` / `serializers` keys given at creation)', remedy: "logger.error({ err: e }, '…')" }, suggestions: [{ messageId: 'addError', output: 'const logger = pino(); try { run() } catch (e) { logger.error({ err: e, jobId }, "run failed") }' }] }],
    },
    {
      // bunyan without an err serializer prints `{ err }` as {}: the Error goes first.
      code: 'const log = bunyan.createLogger({ name: "a" }); try { run() } catch (err) { log.error({ err, jobId }, "run failed") }',
      output: 'const log = bunyan.createLogger({ name: "a" }); try { run() } catch (err) { log.child({ jobId }).error(err, "run failed") }',
      errors: [{ messageId: 'errorHidden', line: 1, suggestions: [{ messageId: 'addError', output: 'const log = bunyan.createLogger({ name: "a" }); try { run() } catch (err) { log.child({ jobId }).error(err, "run failed") }' }] }],
    },
    {
      code: 'const logger = winston.createLogger({}); try { run() } catch (err) { logger.error("run failed", { err }) }',
      output: 'const logger = winston.createLogger({}); try { run() } catch (err) { logger.error("run failed", err) }',
      errors: [{ messageId: 'errorHidden', line: 1, suggestions: [{ messageId: 'addError', output: 'const logger = winston.createLogger({}); try { run() } catch (err) { logger.error("run failed", err) }' }] }],
    },
    {
      // configured winston: `{ error: err, jobId }` meta → the error as meta, the fields on a child logger.
      code: 'try { run() } catch (err) { logger.error("run failed", { error: err, jobId }) }',
      settings: winstonSettings,
      output: 'try { run() } catch (err) { logger.child({ jobId }).error("run failed", err) }',
      errors: [{ messageId: 'errorHidden', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (err) { logger.child({ jobId }).error("run failed", err) }' }] }],
    },
    {
      // Only the project's convention says winston (the logger is not the configured one): a suggestion.
      code: 'try { run() } catch (err) { auditLog.error("run failed", { err }) }',
      settings: winstonSettings,
      output: null,
      errors: [{ messageId: 'errorHidden', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (err) { auditLog.error("run failed", err) }' }] }],
    },
    {
      code: 'try { run() } catch (err) { console.error(err.message) }',
      output: 'try { run() } catch (err) { console.error(err.message, err) }',
      errors: [{ messageId: 'stackLost', line: 1, column: 43, data: { name: 'err', form: 'err.message', remedy: "console.error('…', err)" }, suggestions: [{ messageId: 'addError', data: { remedy: "console.error('…', err)" }, output: 'try { run() } catch (err) { console.error(err.message, err) }' }] }],
    },
    {
      code: 'try { run() } catch (e) { console.error(`run failed: ${e}`) }',
      output: 'try { run() } catch (e) { console.error(`run failed: ${e}`, e) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (e) { console.error(`run failed: ${e}`, e) }' }] }],
    },
    {
      code: 'fastify.get("/", async (request) => { try { await run() } catch (err) { request.log.error("run failed: " + err) } })',
      output: 'fastify.get("/", async (request) => { try { await run() } catch (err) { request.log.error({ err }, "run failed: " + err) } })',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'fastify.get("/", async (request) => { try { await run() } catch (err) { request.log.error({ err }, "run failed: " + err) } })' }] }],
    },
    {
      code: 'try { run() } catch (e) { logger.error({ jobId }, e.message) }',
      settings: pinoSettings,
      output: 'try { run() } catch (e) { logger.error({ jobId, err: e }, e.message) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (e) { logger.error({ jobId, err: e }, e.message) }' }] }],
    },
    {
      code: 'try { run() } catch (error) { logger.error(`sync failed: ${error.message}`, { jobId }) }',
      settings: winstonSettings,
      // winston prints `{ error }` meta as {}: the error is the meta argument, the fields go on a child.
      output: 'try { run() } catch (error) { logger.child({ jobId }).error(`sync failed: ${error.message}`, error) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (error) { logger.child({ jobId }).error(`sync failed: ${error.message}`, error) }' }] }],
    },
    {
      code: 'class S { run() { try { go() } catch (e) { this.logger.error(e.message) } } }',
      settings: nestSettings,
      output: 'class S { run() { try { go() } catch (e) { this.logger.error(e.message, e instanceof Error ? e.stack : String(e)) } } }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'class S { run() { try { go() } catch (e) { this.logger.error(e.message, e instanceof Error ? e.stack : String(e)) } } }' }] }],
    },
    {
      // unknown logger style: a suggestion, no autofix
      code: 'try { run() } catch (err) { logger.error(String(err)) }',
      errors: [{ messageId: 'stackLost', line: 1, data: { name: 'err', form: 'String(err)', remedy: "logger.error('…', err)" }, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (err) { logger.error(String(err), err) }' }] }],
    },
    {
      code: 'try { run() } catch (err) { console.error("failed", JSON.stringify(err)) }',
      output: 'try { run() } catch (err) { console.error("failed", JSON.stringify(err), err) }',
      errors: [{ messageId: 'stackLost', line: 1, data: { name: 'err', form: 'JSON.stringify(err), which prints {} for an Error', remedy: "console.error('…', err)" }, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (err) { console.error("failed", JSON.stringify(err), err) }' }] }],
    },
    {
      code: 'app.use((err, req, res, next) => {\n  req.log.error(err.message);\n  res.status(500).end();\n});',
      output: 'app.use((err, req, res, next) => {\n  req.log.error({ err }, err.message);\n  res.status(500).end();\n});',
      errors: [{ messageId: 'stackLost', line: 2, suggestions: [{ messageId: 'addError', output: 'app.use((err, req, res, next) => {\n  req.log.error({ err }, err.message);\n  res.status(500).end();\n});' }] }],
    },
    {
      code: 'refresh().catch((e) => console.error(e.toString()));',
      output: 'refresh().catch((e) => console.error(e.toString(), e));',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'refresh().catch((e) => console.error(e.toString(), e));' }] }],
    },
    {
      code: 'try { run() } catch (e: unknown) { console.error((e as Error).message) }',
      output: 'try { run() } catch (e: unknown) { console.error((e as Error).message, e) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (e: unknown) { console.error((e as Error).message, e) }' }] }],
    },
    {
      // `instanceof Error` is a type guard, not an expected failure (n8n ldap.service).
      code: 'try { search() } catch (e) { if (e instanceof Error) { console.error("LDAP - Error during search", e.message) } }',
      output: 'try { search() } catch (e) { if (e instanceof Error) { console.error("LDAP - Error during search", e.message, e) } }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { search() } catch (e) { if (e instanceof Error) { console.error("LDAP - Error during search", e.message, e) } }' }] }],
    },
    {
      // The else branch of a typed check is the unexpected failure.
      code: 'try { run() } catch (e) { if (e instanceof UserError) { console.error(e) } else { console.error(e.message) } }',
      output: 'try { run() } catch (e) { if (e instanceof UserError) { console.error(e) } else { console.error(e.message, e) } }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (e) { if (e instanceof UserError) { console.error(e) } else { console.error(e.message, e) } }' }] }],
    },
    {
      // A reporter call in another branch does not run with this log.
      code: 'try { run() } catch (e) { if (retry) Sentry.captureException(e); console.error(e.message) }',
      output: 'try { run() } catch (e) { if (retry) Sentry.captureException(e); console.error(e.message, e) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (e) { if (retry) Sentry.captureException(e); console.error(e.message, e) }' }] }],
    },
    {
      // The try does more than parse: the failure may come from the file read.
      code: 'try { const c = JSON.parse(fs.readFileSync(p, "utf8")) } catch (e) { console.error(`bad config: ${e.message}`) }',
      output: 'try { const c = JSON.parse(fs.readFileSync(p, "utf8")) } catch (e) { console.error(`bad config: ${e.message}`, e) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { const c = JSON.parse(fs.readFileSync(p, "utf8")) } catch (e) { console.error(`bad config: ${e.message}`, e) }' }] }],
    },
      {
      // Error middleware registered with the framework: the first parameter is the error whatever its name.
      code: "app.use((e, req, res, next) => { console.error(e.message); res.sendStatus(500) })",
      output: "app.use((e, req, res, next) => { console.error(e.message, e); res.sendStatus(500) })",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "app.use((e, req, res, next) => { console.error(e.message, e); res.sendStatus(500) })" }] }],
    },
    {
      // A helper given an error from a database write: reported in the helper.
      code: "function report(err) { console.error(err.message) } async function save(x) { try { await db.insert(x) } catch (e) { report(e) } }",
      output: "function report(err) { console.error(err.message, err) } async function save(x) { try { await db.insert(x) } catch (e) { report(e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "function report(err) { console.error(err.message, err) } async function save(x) { try { await db.insert(x) } catch (e) { report(e) } }" }] }],
    },
    {
      // One of the helper's callers hands it an outside failure.
      code: "function report(err) { console.error(err.message) } function load(t) { try { return yaml.parse(t) } catch (e) { report(e) } } async function save(x) { try { await db.insert(x) } catch (e) { report(e) } }",
      output: "function report(err) { console.error(err.message, err) } function load(t) { try { return yaml.parse(t) } catch (e) { report(e) } } async function save(x) { try { await db.insert(x) } catch (e) { report(e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "function report(err) { console.error(err.message, err) } function load(t) { try { return yaml.parse(t) } catch (e) { report(e) } } async function save(x) { try { await db.insert(x) } catch (e) { report(e) } }" }] }],
    },
    {
      // A helper other files may call: judged where it is.
      code: "export function onError(err) { console.error(err.message) } function load(t) { try { return yaml.parse(t) } catch (e) { onError(e) } }",
      output: "export function onError(err) { console.error(err.message, err) } function load(t) { try { return yaml.parse(t) } catch (e) { onError(e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "export function onError(err) { console.error(err.message, err) } function load(t) { try { return yaml.parse(t) } catch (e) { onError(e) } }" }] }],
    },
    {
      // The emitter's error listener does not log the error.
      code: "client.on(\"error\", () => metrics.inc(\"redis_error\")); async function connect() { try { await client.connect() } catch (e) { console.error(`connect failed: ${e}`) } }",
      output: "client.on(\"error\", () => metrics.inc(\"redis_error\")); async function connect() { try { await client.connect() } catch (e) { console.error(`connect failed: ${e}`, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "client.on(\"error\", () => metrics.inc(\"redis_error\")); async function connect() { try { await client.connect() } catch (e) { console.error(`connect failed: ${e}`, e) } }" }] }],
    },
    {
      // The try calls another object than the emitter whose listener logs (one query: `reportExpectedFailures` reports it).
      code: "client.on(\"error\", (err) => console.error(err)); async function load(q) { try { await db.query(q) } catch (e) { console.error(`query failed: ${e}`) } }",
      options: [{ reportExpectedFailures: true }],
      output: "client.on(\"error\", (err) => console.error(err)); async function load(q) { try { await db.query(q) } catch (e) { console.error(`query failed: ${e}`, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "client.on(\"error\", (err) => console.error(err)); async function load(q) { try { await db.query(q) } catch (e) { console.error(`query failed: ${e}`, e) } }" }] }],
    },
    {
      // The same with two queries: work of the app's own beyond one command.
      code: "client.on(\"error\", (err) => console.error(err)); async function load(q) { try { await db.query(q); await db.query('COMMIT') } catch (e) { console.error(`query failed: ${e}`) } }",
      output: "client.on(\"error\", (err) => console.error(err)); async function load(q) { try { await db.query(q); await db.query('COMMIT') } catch (e) { console.error(`query failed: ${e}`, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "client.on(\"error\", (err) => console.error(err)); async function load(q) { try { await db.query(q); await db.query('COMMIT') } catch (e) { console.error(`query failed: ${e}`, e) } }" }] }],
    },
    {
      // The app's own parse method may do anything.
      code: "class C { load(t) { try { return this.parse(t) } catch (e) { console.error(e.message) } } }",
      output: "class C { load(t) { try { return this.parse(t) } catch (e) { console.error(e.message, e) } } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "class C { load(t) { try { return this.parse(t) } catch (e) { console.error(e.message, e) } } }" }] }],
    },
    {
      // Removing a folder is not releasing a handle (n8n source-control export).
      code: "class S { async deleteRepositoryFolder() { try { await rm(this.gitFolder, { recursive: true }) } catch (error) { console.error(`Failed to delete work folder: ${error.message}`) } } }",
      output: "class S { async deleteRepositoryFolder() { try { await rm(this.gitFolder, { recursive: true }) } catch (error) { console.error(`Failed to delete work folder: ${error.message}`, error) } } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "class S { async deleteRepositoryFolder() { try { await rm(this.gitFolder, { recursive: true }) } catch (error) { console.error(`Failed to delete work folder: ${error.message}`, error) } } }" }] }],
    },
    {
      // A stack logged only under another condition may not be logged at all.
      code: 'function f(cb, verbose) { try { cb() } catch (err) { console.error(`callback error: ${err.message}`); if (verbose) console.error(err.stack); } }',
      output: 'function f(cb, verbose) { try { cb() } catch (err) { console.error(`callback error: ${err.message}`, err); if (verbose) console.error(err.stack); } }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'function f(cb, verbose) { try { cb() } catch (err) { console.error(`callback error: ${err.message}`, err); if (verbose) console.error(err.stack); } }' }] }],
    },
    {
      // A password-named argument to a call that is not a check: a database write.
      code: "async function change(user, newPassword) { try { await this.userService.changePassword(user, newPassword) } catch (e) { console.error(e.message) } }",
      output: "async function change(user, newPassword) { try { await this.userService.changePassword(user, newPassword) } catch (e) { console.error(e.message, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "async function change(user, newPassword) { try { await this.userService.changePassword(user, newPassword) } catch (e) { console.error(e.message, e) } }" }] }],
    },
    {
      // reportExpectedFailures (strict) reports a failed release ...
      code: "async function shutdown() { try { await pool.end() } catch (e) { console.error(`pool close failed: ${e.message}`) } }",
      options: [{ reportExpectedFailures: true }],
      output: "async function shutdown() { try { await pool.end() } catch (e) { console.error(`pool close failed: ${e.message}`, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "async function shutdown() { try { await pool.end() } catch (e) { console.error(`pool close failed: ${e.message}`, e) } }" }] }],
    },
    {
      // ... and a failed password check.
      code: "async function login(user, password) { try { await client.bind(user.dn, password) } catch (e) { console.error(`bind failed: ${e.message}`); return false } return true }",
      options: [{ reportExpectedFailures: true }],
      output: "async function login(user, password) { try { await client.bind(user.dn, password) } catch (e) { console.error(`bind failed: ${e.message}`, e); return false } return true }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "async function login(user, password) { try { await client.bind(user.dn, password) } catch (e) { console.error(`bind failed: ${e.message}`, e); return false } return true }" }] }],
    },
    {
      // A CLI command's failure hook that prints only the message (n8n import:credentials): the stack is nowhere.
      code: "class ImportCredentialsCommand extends BaseCommand { async catch(error) { console.error(\"An error occurred while importing credentials. See log messages for details.\"); console.error(error.message) } }",
      output: "class ImportCredentialsCommand extends BaseCommand { async catch(error) { console.error(\"An error occurred while importing credentials. See log messages for details.\"); console.error(error.message, error) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "class ImportCredentialsCommand extends BaseCommand { async catch(error) { console.error(\"An error occurred while importing credentials. See log messages for details.\"); console.error(error.message, error) } }" }] }],
    },
    {
      // Twins: both identical catches of an outside send are reported.
      code: "class H { async a() { try { await this.mailA.send() } catch (e) { console.error(`send A: ${e.message}`) } } async b() { try { await this.mailB.send() } catch (e) { console.error(`send B: ${e.message}`) } } }",
      output: "class H { async a() { try { await this.mailA.send() } catch (e) { console.error(`send A: ${e.message}`, e) } } async b() { try { await this.mailB.send() } catch (e) { console.error(`send B: ${e.message}`, e) } } }",
      errors: [
        { messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "class H { async a() { try { await this.mailA.send() } catch (e) { console.error(`send A: ${e.message}`, e) } } async b() { try { await this.mailB.send() } catch (e) { console.error(`send B: ${e.message}`) } } }" }] },
        { messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "class H { async a() { try { await this.mailA.send() } catch (e) { console.error(`send A: ${e.message}`) } } async b() { try { await this.mailB.send() } catch (e) { console.error(`send B: ${e.message}`, e) } } }" }] },
      ],
    },
  ],
});
