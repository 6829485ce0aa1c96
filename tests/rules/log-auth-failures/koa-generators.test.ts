import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Round-5 recall shapes (session 33): Koa 0.x generator middleware answering through `this`
 * (`this.status = 403; this.body = …`), socket.io middleware a factory returns for another file's
 * `io.use(…)` refusing with an app error class (`next(new UnauthorizedError(code, 'no credentials found'))`).
 * Trimmed idioms of an npm registry server and a broadcast-graphics server, in my own code.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (Koa 0.x generators, returned socket.io middleware)', rule, {
  valid: [
    `// Koa 0.x: the ownership refusal is logged first
module.exports = function* editable(next) {
  var username = this.user && this.user.name;
  if (username && (this.user.isAdmin || (yield* packages.isMaintainer(this.params.name, username)))) {
    return yield* next;
  }
  logger.warn('modify refused', { user: username, name: this.params.name });
  this.status = 403;
  this.body = { error: 'forbidden user', reason: 'not authorized to modify ' + this.params.name };
};`,
    `// Koa 0.x: a 422 for missing fields is no refusal
module.exports = function* addUser() {
  var body = this.request.body || {};
  if (!body.name || !body.password) {
    this.status = 422;
    this.body = { error: 'paramError', reason: 'params missing' };
    return;
  }
  this.status = 201;
  this.body = { ok: true };
};`,
    `// Koa 0.x: a record looked up with \`yield*\` (co's await) is missing: the resource's state, not the caller
module.exports = function* updateTag() {
  var name = this.params.name || this.params[0];
  var mod = yield* packageService.getModule(name, this.request.body);
  if (!mod) {
    this.status = 403;
    this.body = { error: 'forbidden', reason: 'setting tag to unknown version' };
    return;
  }
  this.body = { ok: true };
};`,
    `// a class's generator method: \`this\` is the instance, not a request
class Machine {
  *run() {
    if (!this.user.isAdmin) {
      this.status = 403;
    }
    yield this.status;
  }
}`,
    `// returned socket.io middleware: the unknown key is logged before the refusal
export const createSocketAuth = (db) => {
  return async function socketAuth(socket, next) {
    const apiKey = await db.findApiKey(socket.handshake.query.token);
    if (!apiKey) {
      log.warn('socket refused: unknown key');
      next(new UnauthorizedError('invalid_token', 'no credentials found'));
      return;
    }
    next();
  };
};`,
    `// returned middleware refusing for load, not auth
export const limitConnections = (max) => (socket, next) => {
  if (connections.size >= max) return next(new Error('server busy'));
  next();
};`,
  ],
  invalid: [
    {
      // Koa 0.x: a request to edit another user's account refused through \`this\`, no log
      code: `module.exports = function* updateUser(next) {
  var name = this.params.name;
  if (name !== this.user.name) {
    this.status = 401;
    this.body = { error: 'unauthorized', reason: 'Name is incorrect.' };
    return;
  }
  yield* users.update(name, this.request.body);
  this.body = { ok: true };
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `module.exports = function* updateUser(next) {
  var name = this.params.name;
  if (name !== this.user.name) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: this.method, path: this.path, ip: this.ip, userAgent: this.get('user-agent') });
    this.status = 401;
    this.body = { error: 'unauthorized', reason: 'Name is incorrect.' };
    return;
  }
  yield* users.update(name, this.request.body);
  this.body = { ok: true };
};`,
            },
          ],
        },
      ],
    },
    {
      // returned socket.io middleware: an unknown API key refused with the app's error class, no log
      code: `export const createSocketAuth = (db) => {
  return async function socketAuth(socket, next) {
    const apiKey = await db.findApiKey(socket.handshake.query.token);
    if (!apiKey) {
      next(new UnauthorizedError('invalid_token', 'no credentials found'));
      return;
    }
    next();
  };
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `export const createSocketAuth = (db) => {
  return async function socketAuth(socket, next) {
    const apiKey = await db.findApiKey(socket.handshake.query.token);
    if (!apiKey) {
      console.warn('Authentication failed', { reason: 'unauthorized' });
      next(new UnauthorizedError('invalid_token', 'no credentials found'));
      return;
    }
    next();
  };
};`,
            },
          ],
        },
      ],
    },
  ],
});
