import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * An `'error'` listener written apart from where it is registered is judged at its registrations, as an
 * inline `socket.on('error', (err) => …)` is: a class field given to `this.res.on('error', this.onError)`, a
 * factory's listener given to `server.on('error', this.handleListenError('HTTP server', port))`, the error
 * callback handed to a network client (`this.rtspClient.onErrorCallback = this.onConnectionError`). What a
 * connection raises is an I/O failure whose message and code are the whole story. Shapes trimmed from
 * node-media-server. A listener also called directly with other errors, or registered on an object that is not a
 * connection, stays reported; and `JSON.stringify(err)`, which prints `{}`, is never excused as an expected
 * failure (mountebank's socket listeners).
 */
const ruleTester = new RuleTester();

const listenFactory = (registration: string) =>
  `class HttpServer { run() { this.httpServer = http.createServer(this.app); ${registration} } handleListenError = (name, port) => { return (err) => { if (err.code === 'EADDRINUSE') { console.error(\`\${name} failed to start: port \${port} is already in use.\`) } else { console.error(\`\${name} failed to start: \${err.message}\`) } process.exit(1) } } }`;
const sessionField = (registration: string) =>
  `class FlvSession { constructor(req, res) { this.req = req; this.res = res; ${registration} } onError = (err) => { console.error(\`FLV session \${this.id} \${this.ip} socket error, \${err}\`) } }`;
const clientCallback = (extra = '') =>
  `class RtspClientSession { createClient() { this.rtspClient = new RtspClient(); this.rtspClient.onErrorCallback = this.onConnectionError;${extra} } onConnectionError = (error) => { console.error(\`RTSP session \${this.id} connection error: \${error.message}\`); this.handleReconnect() } }`;

ruleTester.run('log-error-with-stack (listeners registered by reference)', rule, {
  valid: [
    // A factory's listener, every call of which is a server's 'error' listener: a bind error (EACCES, EADDRNOTAVAIL).
    listenFactory("this.httpServer.on('error', this.handleListenError('HTTP server', config.port));"),
    // Arrow returning arrow, two servers.
    "class S { run() { this.tcpServer.on('error', this.onListenError('RTMP')); this.tlsServer?.on('error', this.onListenError('RTMPS')) } onListenError = (name) => (err) => { console.error(`${name} failed to start: ${err.message}`); process.exit(1) } }",
    // A class field registered on the request and response streams of the session.
    sessionField("this.res.on('error', this.onError); this.req.on('error', this.onError);"),
    // Also through `.bind(this)` on a socket.
    "class Session { start(socket) { this.socket = socket; this.socket.on('error', this.onSocketError.bind(this)) } onSocketError(err) { console.error(`socket error: ${err.message}`) } }",
    // The error callback a network client is handed.
    clientCallback(),
    // A `const` listener given to a socket.
    "function serve(socket) { const onError = (err) => { console.error(`client ${socket.remoteAddress} error: ${err.message}`) }; socket.on('error', onError) }",
  ],
  invalid: [
    // Also called directly with what the app's own code throws: that error carries a stack worth keeping.
    invalid(
      sessionField("this.res.on('error', this.onError); try { this.play() } catch (e) { this.onError(e) }"),
      'err',
      'console.error(`FLV session ${this.id} ${this.ip} socket error, ${err}`',
    ),
    // Registered on an object that is no connection (the app's own task runner).
    invalid(
      listenFactory("this.runner.on('error', this.handleListenError('runner', 0));"),
      'err',
      'console.error(`${name} failed to start: ${err.message}`',
    ),
    // The callback handed to something that is not a network client.
    invalid(
      'class Job { start() { this.task = new Task(); this.task.onErrorCallback = this.onTaskError } onTaskError = (error) => { console.error(`task failed: ${error.message}`) } }',
      'error',
      'console.error(`task failed: ${error.message}`',
    ),
    // `reportExpectedFailures` reports a connection's errors wherever the listener is written.
    invalid(clientCallback(), 'error', 'console.error(`RTSP session ${this.id} connection error: ${error.message}`', [{ reportExpectedFailures: true }]),
    // `JSON.stringify(error)` prints `{}`: even the inline listener of a socket loses the message.
    invalid(
      "function track(socket, name) { socket.on('error', (error) => { console.error(`${name} transmission error X=> ${JSON.stringify(error)}`) }) }",
      'error',
      'console.error(`${name} transmission error X=> ${JSON.stringify(error)}`',
    ),
  ],
});
