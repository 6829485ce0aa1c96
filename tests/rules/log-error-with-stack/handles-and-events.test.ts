import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (issue 15): text-only logs whose failure's message is the whole
 * story — a parse or encode of a value in hand beside logs and pure helpers, a cache call on a class
 * field whose `'error'` listener logs the stack, killing a process or writing to a connected peer, a
 * child process's `'error'` event (made inside Node), and the `'error'` event of a stream an LDAP
 * client hands back. Shapes trimmed from signalk, vendure, homebridge-config-ui-x and The Lounge.
 * Their twins (the app's own method, another operation beside, an awaited request, a stream the app
 * made, `reportExpectedFailures`) stay reported.
 */
const ruleTester = new RuleTester();

const parseBeside =
  "function optionsOf(id, text) { try { const options = JSON.parse(text); if (DEFAULT_ENABLED.includes(id)) { options.enabled = true } console.log(text); return options } catch (e) { console.error('Could not parse JSON options:' + e.message + ' ' + text); return {} } }";
const encode =
  'class R { filters(c) { try { return this.codec.encodeOperationIds(Filter, c.filters) } catch (e) { console.error(`Could not decode the filter arguments for ${c.name}: ${e.message}`); return [] } } }';
const cacheField = (listener: string, extra = '') =>
  `class Cache { async init() { this.client = new Redis(this.options); this.client.on('error', ${listener}) } async get(key) { try { const v = await this.client.get(this.namespace(key));${extra} if (v) { return JSON.parse(v) } } catch (e) { console.error(\`Could not get cache item \${key}: \${e.message}\`) } } namespace(key) { return 'cache:' + key } }`;
const killPty = 'class T { destroy() { if (this.pty) { try { console.debug("killing"); this.pty.kill() } catch (e) { console.error(`Error killing terminal: ${e}`) } this.pty = null } } }';
const emitToClients =
  "function broadcast(clients, output) { clients.forEach((client) => { try { client.emit('stdout', output) } catch (e) { console.error(`Error sending output to a client: ${e}`); clients.delete(client) } }) }";
const socketWrite =
  "function send(socket, data) { try { if (socket.writableLength > LIMIT) { console.warn('slow client'); socket.destroy(); return } socket.write(data + '\\r\\n') } catch (e) { console.error(e + ' ' + socket.name) } }";
const spawnError =
  "import { spawn } from 'node:child_process'; function run(argv) { const child = spawn(argv[0], argv.slice(1), { stdio: 'ignore' }); child.on('error', (err) => { console.error(err.message) }) }";
const ldapStream =
  "ldapclient.search(base, options, function (err2, res) { if (err2) { return callback(false) } res.on('error', function (err3) { console.error(`LDAP error: ${err3.toString()}`); callback(false) }) })";

// azurite's GCCriticalErrorCloseHelper, trimmed (session 40): waiting on its own timer, then closing the server it was
// handed. The wait's promise never rejects (an executor without `reject`), so the close is the one failure.
const closeAfterWait = (executor: string) =>
  `function delay(ms) { return new Promise(${executor} => { const timer = setTimeout(resolve, ms); timer.unref() }) }
async function handleCriticalErrorClose(options) {
  try {
    while (options.getStatus() === 'Starting') await delay(100);
    if (options.getStatus() === 'Running') { options.logger.info('Shutting down server'); await options.close(); return }
    options.logger.warn(\`Server status is \${options.getStatus()}\`);
  } catch (err) {
    const errorMsg = err instanceof Error ? err.message : String(err);
    console.error(\`Server error during GC error handling: \${errorMsg}\`);
  }
}`;
const closeAfterWaitAt = 'console.error(`Server error during GC error handling: ${errorMsg}`';

ruleTester.run('log-error-with-stack (handles, peers and events)', rule, {
  valid: [
    // Parsing a value in hand, beside a pure check and a log: the message names the bad input.
    parseBeside,
    // Encoding a value in hand with a codec object (not a method of `this`).
    encode,
    // Every operation is on the class field whose 'error' listener logs the stack.
    cacheField("(err) => console.error('redis error', err.stack)"),
    // Killing a process, writing to a connected peer: the message (no such process, peer gone) says it.
    killPty,
    emitToClients,
    socketWrite,
    // A child process's 'error' event: it could not be spawned (`spawn sudo ENOENT`); Node made the error.
    spawnError,
    "const child_process_1 = require('child_process'); function run(cmd) { (0, child_process_1.spawn)(cmd, { shell: false }).on('error', (err) => console.error(`Failed to run ${cmd}: ${err.message}`)) }",
    // The 'error' event of the result stream an LDAP client hands to its callback.
    ldapStream,
    // One GET to the cache's client, the log naming the step: an expected failure since session 34 (see store-commands.test.ts).
    cacheField('(err) => console.error(err.message)'),
    // A release beside waits on a same-file promise that never rejects: the close is the only failure.
    closeAfterWait('(resolve)'),
  ],
  invalid: [
    // Beside the parse, a call into the app's own code: that is where a stack points.
    invalid(
      "function optionsOf(id, text) { try { const options = JSON.parse(text); register(id, options); return options } catch (e) { console.error('Could not parse JSON options:' + e.message) ; return {} } }",
      'e',
      "console.error('Could not parse JSON options:' + e.message",
    ),
    // The app's own encoder may do anything.
    invalid(
      'class R { filters(c) { try { return this.encodeOperationIds(Filter, c.filters) } catch (e) { console.error(`Could not decode the filter arguments: ${e.message}`); return [] } } }',
      'e',
      'console.error(`Could not decode the filter arguments: ${e.message}`',
    ),
    // The listener logs only text: nothing keeps the stack.
    invalid(cacheField('(err) => console.error(err.message)', ' await this.client.expire(key, 60);'), 'e', 'console.error(`Could not get cache item ${key}: ${e.message}`'),
    // Another operation in the try, not on the emitter.
    invalid(cacheField("(err) => console.error('redis error', err.stack)", ' await this.db.touch(key);'), 'e', 'console.error(`Could not get cache item ${key}: ${e.message}`'),
    // An awaited `send` is a request (`await s3Client.send(command)`), not a write to a peer: with other work beside it stays reported,
    invalid(
      'async function upload(s3Client, db, command, file) { try { await s3Client.send(command); await db.uploads.insert({ file }) } catch (e) { console.error(`Upload failed: ${e.message}`) } }',
      'e',
      'console.error(`Upload failed: ${e.message}`',
    ),
    // and as the one command of the try, `reportExpectedFailures` reports it.
    invalid(
      'async function upload(s3Client, command) { try { await s3Client.send(command) } catch (e) { console.error(`Upload failed: ${e.message}`) } }',
      'e',
      'console.error(`Upload failed: ${e.message}`',
      [{ reportExpectedFailures: true }],
    ),
    // A wait whose executor takes `reject` may fail for its own reasons: a second step beside the close.
    invalid(closeAfterWait('(resolve, reject)'), 'err', closeAfterWaitAt),
    invalid(closeAfterWait('(resolve)'), 'err', closeAfterWaitAt, [{ reportExpectedFailures: true }]),
    // `reportExpectedFailures` (strict) reports releases, peer writes and connection streams too.
    invalid(killPty, 'e', 'console.error(`Error killing terminal: ${e}`', [{ reportExpectedFailures: true }]),
    invalid(emitToClients, 'e', 'console.error(`Error sending output to a client: ${e}`', [{ reportExpectedFailures: true }]),
    invalid(ldapStream, 'err3', 'console.error(`LDAP error: ${err3.toString()}`', [{ reportExpectedFailures: true }]),
    // A stream the app made itself (a GridFS read): its error may come from anywhere in the read.
    invalid(
      "const readstream = gfs.createReadStream({ _id: id }); readstream.on('error', function (err) { console.error('Got error while processing stream ' + err.message); res.end() })",
      'err',
      "console.error('Got error while processing stream ' + err.message",
    ),
    // An emitter that is not a child process: a worker's error comes from its own code.
    invalid(
      "function run(file) { const child = startWorker(file); child.on('error', (err) => { console.error(err.message) }) }",
      'err',
      'console.error(err.message',
    ),
  ],
});
