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
  ],
});
