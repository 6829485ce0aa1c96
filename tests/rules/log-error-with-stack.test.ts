import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/log-error-with-stack.js';

const ruleTester = new RuleTester();

const pinoSettings = { 'security-logging': { logger: { name: 'logger', style: 'pino' } } };
const winstonSettings = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
const nestSettings = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };

ruleTester.run('log-error-with-stack', rule, {
  valid: [
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
      output: 'try { run() } catch (error) { logger.error(`sync failed: ${error.message}`, { jobId, error }) }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'try { run() } catch (error) { logger.error(`sync failed: ${error.message}`, { jobId, error }) }' }] }],
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
