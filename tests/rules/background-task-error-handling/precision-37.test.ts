import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (session 37), by class: does anything await what the callback returns?
 * - a handler that takes a `next` continuation after its payload is a link of a middleware chain its
 *   dispatcher runs and awaits; no emitter hands its listeners a continuation;
 * - a SAP CAP service's `srv.on(event, handler)` registers a handler `srv.dispatch()` awaits (the sender's
 *   `await srv.emit(…)` rejects with its error): `this` in a class extending the package's service class or in
 *   `cds.service.impl(function () {…})`, a parameter of a callback handed to `cds`, a variable
 *   `cds.connect.to(…)` resolves to. The `cds` object itself is a plain EventEmitter;
 * - an Emittery emitter awaits its listeners (`await emitter.emit(…)` rejects with a listener's error);
 * - a listener of an application's own 'shutdown' event runs as the process ends, as a signal handler does
 *   (reported only with `includeShutdownHandlers`).
 * Promises such a handler starts without awaiting still escape; each quieted shape has a reported twin.
 */
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (precision on real applications, session 37)', rule, {
  valid: [
    // Emittery awaits its listeners
    {
      code: `import Emittery from 'emittery';
const bus = new Emittery();
bus.on('saved', async (doc) => {
  await fetch('/index/' + doc.id);
});
class Store extends Emittery {
  init() {
    this.on('flush', async () => { await fetch('/flush'); });
  }
}`,
    },
    // sap-cds remote service: a request handler continuing the chain with next()
    {
      code: `const cds = require('@sap/cds');
class RemoteService extends cds.Service {
  init() {
    this.on('*', async function on_handler(req, next) {
      if (!req.query) return next();
      return await run(req.query);
    });
  }
}`,
    },
    // any receiver: a handler taking next is a middleware link
    {
      code: `provisioningSrv.on('dependencies', async (_req, next) => {
  const res = (await next()) || [];
  res.push({ xsappname: await lookup() });
  return res;
});`,
    },
    // sap-cds scheduling service: this.on in a class extending cds.Service
    {
      code: `const cds = require('@sap/cds');
module.exports = class SchedulingService extends cds.Service {
  init() {
    this.on('flush', async (msg) => {
      await cds.flush(msg.data.target);
    });
  }
};`,
    },
    // sap-cds messaging: srv handed out by cds.on('serving')
    {
      code: `const cds = require('@sap/cds');
cds.on('serving', (srv) => {
  for (const declared of srv.events) {
    srv.on(declared.name, async (msg) => {
      const messaging = await cds.connect.to('messaging');
      return messaging.emit({ event: declared.name, data: msg.data });
    });
  }
});`,
    },
    // a service connected with cds.connect.to, and a service implementation function
    {
      code: `import cds from '@sap/cds';
const db = await cds.connect.to('db');
db.on('deleted', async (msg) => { await audit(msg.data); });
module.exports = cds.service.impl(function () {
  this.on('submitOrder', async (req) => { await db.run(req.query); });
});`,
    },
    // cds.on('shutdown', …): the application's shutdown event
    {
      code: `const cds = require('@sap/cds');
class AMQPClient {
  constructor() { cds.on('shutdown', () => this.disconnect()); }
  async disconnect() { await this.client.close(); }
}`,
    },
  ],
  invalid: [
    // a Node EventEmitter drops what its listeners return
    {
      code: `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('saved', async (doc) => {
  await fetch('/index/' + doc.id);
});`,
      errors: [{ messageId: 'asyncCallback', line: 3, suggestions: 1 as never }],
    },
    // the cds object itself is an EventEmitter: its 'serving' listeners' promises are dropped
    {
      code: `const cds = require('@sap/cds');
cds.on('served', async () => {
  await fetch('/register');
});`,
      errors: [{ messageId: 'asyncCallback', line: 2, suggestions: [{ messageId: 'wrapInTryCatch', output: "const cds = require('@sap/cds');\ncds.on('served', async () => {\n  try {\n    await fetch('/register');\n  } catch (err) {\n    console.error('served listener failed', err);\n  }\n});" }] }],
    },
    // a class extending another package's emitter stays a listener
    {
      code: `const { EventEmitter } = require('events');
class Bus extends EventEmitter {
  init() {
    this.on('flush', async (msg) => {
      await fetch(msg.url);
    });
  }
}`,
      errors: [{ messageId: 'asyncCallback', line: 4, suggestions: [{ messageId: 'wrapInTryCatch', output: "const { EventEmitter } = require('events');\nclass Bus extends EventEmitter {\n  init() {\n    this.on('flush', async (msg) => {\n      try {\n        await fetch(msg.url);\n      } catch (err) {\n        console.error('init flush listener failed', err);\n      }\n    });\n  }\n}" }] }],
    },
    // a listener with a second payload parameter (no continuation) stays a listener
    {
      code: `ws.on('message', async (data, isBinary) => {
  await fetch('/relay', { body: data });
});`,
      errors: [{ messageId: 'asyncCallback', line: 1, suggestions: [{ messageId: 'wrapInTryCatch', output: "ws.on('message', async (data, isBinary) => {\n  try {\n    await fetch('/relay', { body: data });\n  } catch (err) {\n    console.error('message listener failed', err);\n  }\n});" }] }],
    },
    // a promise a CAP handler starts without awaiting still escapes
    {
      code: `const cds = require('@sap/cds');
class Orders extends cds.ApplicationService {
  init() {
    this.on('submit', async (req) => {
      fetch('/notify').then((r) => r.json());
      return req.data;
    });
  }
}`,
      errors: [{ messageId: 'floatingPromise', line: 5, suggestions: 1 as never }],
    },
    // a 'shutdown' listener is reported with includeShutdownHandlers
    {
      code: `const cds = require('@sap/cds');
async function disconnect() { await client.close(); }
cds.on('shutdown', () => disconnect());`,
      options: [{ includeShutdownHandlers: true }],
      errors: [{ messageId: 'returnedPromise', line: 3, suggestions: 1 as never }],
    },
  ],
});
