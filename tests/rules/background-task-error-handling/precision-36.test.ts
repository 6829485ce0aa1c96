import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (session 36), by class:
 * - a combinator over promises that each settle as fulfilled cannot reject, however many functions build
 *   them: `Promise.all(list.map((p) => getFactory(p)))` where the same-file `getFactory` returns
 *   `new Promise((resolve) => …)`, or a plain mapper returning `load(p).catch(f)`;
 * - a callback handed to a registration method the project defines in the file (Hubot's `Robot#listen`,
 *   which stores it as `new Listener(…)`) is the project's own registry, not an emitter's or a server's
 *   API dropping what it returns; unless the method hands the callback straight on to such an API.
 * Each quieted shape has a reported twin.
 */
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (precision on real applications, session 36)', rule, {
  valid: [
    // wiki-server: Promise.all over a same-file helper's promises that only resolve
    {
      code: `app.get('/system/factories.json', (req, res) => {
  const factories = [];
  const getPackageFactory = (plugin) => {
    return new Promise((resolve) => {
      import(plugin + '/factory.json').then((m) => resolve(factories.push(m.default))).catch(() => resolve());
    });
  };
  Promise.all(
    plugins.map((plugin) => {
      return getPackageFactory(plugin);
    }),
  ).then(() => res.end(JSON.stringify(factories)));
});`,
    },
    // an array of such calls, one level of helpers deeper
    {
      code: `app.get('/system/version.json', (req, res) => {
  const getVersion = (name) => new Promise((resolve) => { resolve({ [name]: lookup(name) }); });
  const security = () => new Promise((resolve) => {
    Promise.all(names.map((key) => getVersion(key))).then((values) => resolve(values));
  });
  Promise.all([getVersion('wiki-server'), security()]).then((v) => res.json(v));
});`,
    },
    // signalk: a plain mapper returning a chain with its own rejection handler, in a timer
    {
      code: `async function loadPluginDetail(name) { return await fetch(name); }
setImmediate(async () => {
  try {
    await Promise.all(names.map((name) => loadPluginDetail(name).catch((err) => console.error(err))));
  } finally {
    busy = false;
  }
});`,
    },
    // hubot: the project's own listener registry
    {
      code: `class Robot {
  constructor() { this.listeners = []; }
  listen(matcher, options, callback) {
    this.listeners.push(new Listener(this, matcher, options, callback));
  }
  catchAll(options, callback) {
    this.listen(isCatchAllMessage, options, async (msg) => {
      await callback(msg);
    });
  }
}`,
    },
    // the same registry called on a same-file instance
    {
      code: `class Bus {
  constructor() { this.handlers = new Map(); }
  on(event, handler) { this.handlers.set(event, handler); }
}
const bus = new Bus();
bus.on('saved', async (doc) => {
  await fetch('/index/' + doc.id);
});`,
    },
  ],
  invalid: [
    // an element of the list may reject: a helper whose promise can
    {
      code: `app.get('/system/factories.json', (req, res) => {
  const getPackageFactory = (plugin) => {
    return new Promise((resolve, reject) => {
      import(plugin + '/factory.json').then(resolve, reject);
    });
  };
  Promise.all(plugins.map((plugin) => getPackageFactory(plugin))).then((f) => res.end(JSON.stringify(f)));
});`,
      errors: [{"messageId": "floatingPromise", "line": 7, "suggestions": [{"messageId": "addCatch", "output": "app.get('/system/factories.json', (req, res) => {\n  const getPackageFactory = (plugin) => {\n    return new Promise((resolve, reject) => {\n      import(plugin + '/factory.json').then(resolve, reject);\n    });\n  };\n  Promise.all(plugins.map((plugin) => getPackageFactory(plugin))).then((f) => res.end(JSON.stringify(f))).catch((err) => console.error('Promise.all failed', err));\n});"}]}],
    },
    // a plain mapper returning an unhandled fetch
    {
      code: `app.get('/all', (req, res) => {
  Promise.all(urls.map((u) => fetch(u))).then((r) => res.json(r));
});`,
      errors: [{"messageId": "floatingPromise", "line": 2, "suggestions": [{"messageId": "addCatch", "output": "app.get('/all', (req, res) => {\n  Promise.all(urls.map((u) => fetch(u))).then((r) => res.json(r)).catch((err) => console.error('Promise.all failed', err));\n});"}]}],
    },
    // a method of the file that hands the callback on to an emitter is that emitter's registration
    {
      code: `class Bus {
  constructor() { this.emitter = new EventEmitter(); }
  on(event, handler) { this.emitter.on(event, handler); }
}
const bus = new Bus();
bus.on('saved', async (doc) => {
  await fetch('/index/' + doc.id);
});`,
      errors: [{"messageId": "asyncCallback", "line": 6, "suggestions": [{"messageId": "wrapInTryCatch", "output": "class Bus {\n  constructor() { this.emitter = new EventEmitter(); }\n  on(event, handler) { this.emitter.on(event, handler); }\n}\nconst bus = new Bus();\nbus.on('saved', async (doc) => {\n  try {\n    await fetch('/index/' + doc.id);\n  } catch (err) {\n    console.error('saved listener failed', err);\n  }\n});"}]}],
    },
    // a server's listen (no method of the file) stays a listener
    {
      code: `server.listen(port, async () => {
  await fetch('/register');
});`,
      errors: [{"messageId": "asyncCallback", "line": 1, "suggestions": [{"messageId": "wrapInTryCatch", "output": "server.listen(port, async () => {\n  try {\n    await fetch('/register');\n  } catch (err) {\n    console.error('listen callback failed', err);\n  }\n});"}]}],
    },
  ],
});
