import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid, suggested } from './cases.js';

/**
 * Precision on real applications (issue 15, session 32): text-only logs where no real operation's error
 * is lost — a teardown (`dispose()`, `stopApp()`), a template or expression evaluated from a value in
 * hand, the JSON body of an answer already held, a health check's one file-system read before
 * `process.exit`, the `'error'` event of an object built by a connection
 * class (`new Redis(…)`), a pipeline a client hands out whose client's `'error'` listener logs the stack,
 * and a rejection handler on a same-file async method that catches everything itself. Shapes trimmed
 * from kuzzle, flowise, express-gateway, sillytavern, vendure and homebridge-config-ui-x.
 * Their twins (an operation named for another object, a callback inside the teardown, a method not named
 * for templates, a fetch beside the body read, two file-system calls, a
 * worker's `'error'`, no listener, a method that can fail, `reportExpectedFailures`) stay reported.
 */
const ruleTester = new RuleTester();

const renewer = (method: string) =>
  `class Renewer { async ${method}() { clearInterval(this.timer); try { await this.redis.commands.del(this.nodeIdKey) } catch (error) { console.error(\`Could not delete key '\${this.nodeIdKey}' from redis: \${error.message}\`) } } }`;
const stopApp = `class App { async stopApp() { try { this.sseStreamer.stopHeartbeat(); const removePromises = []; removePromises.push(this.telemetry.flush()); removePromises.push(this.redisSubscriber.disconnect()); await Promise.all(removePromises) } catch (e) { console.error(\`Server shut down error: \${e}\`) } } }`;
/** The same teardown shapes with two commands (one command alone is an expected failure since session 34). */
const renewerTwo = (method: string) =>
  `class Renewer { async ${method}() { clearInterval(this.timer); try { await this.redis.commands.del(this.nodeIdKey); await this.redis.commands.srem(this.setKey, this.nodeIdKey) } catch (error) { console.error(\`Could not delete key '\${this.nodeIdKey}' from redis: \${error.message}\`) } } }`;
const stopLaterTwo = `class Renewer { stop() { this.timer = setInterval(async () => { try { await this.redis.commands.pexpire(this.key, 1000); await this.redis.commands.sadd(this.setKey, this.key) } catch (error) { console.error(\`Failed to refresh: \${error.message}\`) } }, 1000) } }`;
const stopLater = `class Renewer { stop() { this.timer = setInterval(async () => { try { await this.redis.commands.pexpire(this.key, 1000) } catch (error) { console.error(\`Failed to refresh: \${error.message}\`) } }, 1000) } }`;

const templatePolicy = (work: string) =>
  `module.exports = (params) => (req, res, next) => { try { ${work} } catch (e) { console.error(\`failed to build log message: \${e.message}\`) } next() }`;

const errorBody = (work: string) =>
  `async function readError(apiResponse) { try { ${work} } catch (jsonError) { console.error(\`Could not read the error answer: \${jsonError.message}\`); return null } }`;

const healthcheck = (work: string) =>
  `import fs from 'fs';
try {
  if (!fs.existsSync(heartbeatFile)) { console.error('Heartbeat file not found'); process.exit(1) }
  ${work}
  process.exit(0);
} catch (err) {
  console.error('Healthcheck error:', err.message);
  process.exit(1);
}`;

const redisSet = (listener: string) =>
  `class RedisCache { async init() { this.client = new Redis(this.options); ${listener} } async set(key, value) { try { const multi = this.client.multi(); multi.set(this.namespace(key), JSON.stringify(value), 'EX', 60); const results = await multi.exec(); const failed = results?.find(([err]) => err); if (failed) throw failed[0] } catch (e) { Logger.error(\`Could not set cache item \${key}: \${e.message}\`, loggerCtx) } } namespace(key) { return \`cache:\${key}\` } }`;

const cleanupJob = (body: string) =>
  `class ConfigEditor { schedule() { this.scheduler.scheduleJob('cleanup', rule, () => { this.cleanupConfigBackups().catch((e) => { console.error(\`backup cleanup failed as \${e?.message || e}.\`) }) }) } async cleanupConfigBackups() { ${body} } }`;

ruleTester.run('log-error-with-stack: teardowns, templates and handed-out handles', rule, {
  valid: [
    // A teardown: what is let go is going away, and the message says what was left behind.
    renewer('dispose'),
    renewerTwo('dispose'),
    stopApp,
    renewer('onModuleDestroy'),
    // A configured template evaluated from a value in hand: the message names the bad template.
    templatePolicy('console.info(req.egContext.evaluateAsTemplateString(params.message))'),
    'function keyGenerator(req) { try { return req.egContext.evaluateAsTemplateString(params.rateLimitBy) } catch (err) { console.error("Failed to generate rate-limit key with config: %s; %s", params.rateLimitBy, err.message) } }',
    // The JSON body of an answer already held: what fails is the parse.
    errorBody('const data = await apiResponse.json(); return data.message'),
    // …also where the caught error is never read (the log prints the answer's own text).
    "async function ttsError(apiResponse) { let message; try { const errorData = await apiResponse.json(); console.error('TTS API error (JSON):', errorData); message = errorData.message } catch (jsonError) { try { const errorText = await apiResponse.text(); console.error('TTS API error (Text):', errorText); message = errorText } catch (textError) { message = `HTTP ${apiResponse.status}` } } return message }",
    // A health check's one file-system read, answered with the exit status.
    healthcheck('const stats = fs.statSync(heartbeatFile); if (Date.now() - stats.mtimeMs > threshold) { console.error(`Server is unresponsive.`); process.exit(1) }'),
    // The 'error' event of an object built by a connection class: ECONNREFUSED host:port says it all.
    "const Redis = require('ioredis'); const db = new Redis(redisOptions); db.on('error', (err) => { logger.error(`Error in Redis: ${err}`); });",
    // A pipeline the client hands out: the client's 'error' listener logs the stack.
    redisSet('this.client.on("error", (err) => Logger.error(err.message, loggerCtx, err.stack));'),
    // A rejection handler on a same-file async method that catches everything itself: it never runs.
    cleanupJob('try { const backups = await this.listConfigBackups(); for (const backup of backups) { await remove(backup.file) } } catch (e) { this.logger.warn(`Failed to cleanup old backups as ${e.message}`) }'),
  ],
  invalid: [
    // An operation on another object is no teardown.
    invalid(renewerTwo('stopWorkflow'), 'error', '${error.message}`'),
    // A callback the teardown sets up runs at another time.
    invalid(stopLaterTwo, 'error', '${error.message}`'),
    // With one command each, `reportExpectedFailures` reports them (recommended leaves one store command alone).
    invalid(renewer('stopWorkflow'), 'error', '${error.message}`', [{ reportExpectedFailures: true }]),
    invalid(stopLater, 'error', '${error.message}`', [{ reportExpectedFailures: true }]),
    // Strict asks for the stack at a teardown too.
    invalid(renewer('dispose'), 'error', '${error.message}`', [{ reportExpectedFailures: true }]),
    // A method not named for templates runs whatever it runs.
    invalid(templatePolicy('console.info(req.egContext.run(params.message))'), 'e', '${e.message}`'),
    // An awaited render may load the template from disk.
    invalid(templatePolicy('res.send(await engine.renderTemplate(params.view, req.query))'), 'e', '${e.message}`'),
    // The request itself goes out beside the body read.
    invalid(errorBody('const data = await (await fetch(url)).json(); return data.message'), 'jsonError', '${jsonError.message}`'),
    // Two file-system calls: which one failed is the stack's to tell.
    invalid(healthcheck('const stats = fs.statSync(heartbeatFile); const beat = fs.readFileSync(beatLog, "utf8"); if (beat !== String(stats.mtimeMs)) process.exit(1)'), 'err', 'err.message'),
    // A worker's 'error' comes from code with a stack of its own.
    suggested("const worker = new Worker(file); worker.on('error', (err) => { logger.error(`worker failed: ${err}`); });", '`worker failed: ${err}`', ', err'),
    // No 'error' listener records the client's failures.
    { code: redisSet(''), output: null, errors: [{ messageId: 'stackLost' as const }] },
    // The method can fail: the handler runs.
    invalid(cleanupJob('const backups = await this.listConfigBackups(); for (const backup of backups) { await remove(backup.file) }'), 'e', '${e?.message || e}.`'),
  ],
});
