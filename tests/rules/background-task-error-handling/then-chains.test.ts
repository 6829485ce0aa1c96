import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { winstonInScope } from './_shared.js';

/**
 * `x.then(cb)` set aside with no rejection handler, where `x` is a call the file cannot see
 * (imported, injected, a method of another module): the author's `.then` says it returns a promise,
 * as `void x()` does. Reported inside route handlers and middleware, background callbacks (also a
 * same-file helper only ever called from one), and callback-style functions whose continuation
 * (`done`, `cb`, `next`) is called only from the chain's `.then` callbacks — passport verify
 * callbacks, oauth2orize exchanges — where a rejection leaves the caller waiting forever.
 * Shapes trimmed from Node-RED's editor API (auth/index.js, auth/strategies.js, editor/comms.js,
 * editor/index.js) and The Lounge's socket authentication (server.js).
 */
const ruleTester = new RuleTester();

/** The suggestion: `.catch` that logs with console, appended to the chain that `after` (its one occurrence) follows. */
function addCatch(code: string, after: string, label: string) {
  if (code.split(after).length !== 2) throw new Error(`ambiguous anchor ${after}`);
  return [{ messageId: 'addCatch' as const, output: code.replace(after, `.catch((err) => console.error('${label} failed', err))${after}`) }];
}

const ENSURE = `const logger = require('./logger');
var ensureRuntimeStarted = function (req, res, next) {
  runtimeAPI.isStarted().then((started) => {
    if (!started) res.status(503).send('Not started');
    else next();
  });
};
editorApp.get('/', ensureRuntimeStarted, ui.editor);`;
const BEARER = `var bearerStrategy = function (accessToken, done) {
  Tokens.get(accessToken).then(function (token) {
    if (token) {
      Users.get(token.user).then(function (user) {
        if (user) done(null, user, { scope: token.scope });
        else done(null, false);
      });
    } else {
      done(null, false);
    }
  });
};
bearerStrategy.BearerStrategy = new BearerStrategy(bearerStrategy);`;
const LOUNGE = `function performAuthentication(data) {
  const authCallback = (success) => { if (!success) socket.emit('auth:failed'); };
  auth.initialize().then(() => {
    auth.auth(manager, client, data.user, data.password, authCallback);
  });
}
socket.on('auth:perform', performAuthentication);`;
const COMMS = `function ConnectedClient(ws) {
  const handleAuthPacket = function (msg) {
    Tokens.get(msg.auth).then(function (client) {
      completeConnection(msg, client);
    });
  };
  ws.on('message', function (data) {
    var msg = JSON.parse(data);
    if (msg.auth) handleAuthPacket(msg);
  });
}
module.exports = ConnectedClient;`;
const LOAD = `function load(id) { return db.get(id); }
app.get('/item/:id', (req, res) => { load(req.params.id).then((item) => res.json(item)); });`;
const ENSURE_FIXED = `const logger = require('./logger');
var ensureRuntimeStarted = function (req, res, next) {
  runtimeAPI.isStarted().then((started) => {
    if (!started) res.status(503).send('Not started');
    else next();
  }).catch((err) => logger.error('isStarted failed', err));
};
editorApp.get('/', ensureRuntimeStarted, ui.editor);`;

ruleTester.run('background-task-error-handling (.then chains)', rule, {
  valid: [
    // The helper is only called at start-up, outside any handler.
    `function findModules() {
  return Promise.all([search('plugin'), search('webapp')]);
}
function announceModules() {
  findModules().then(([plugins, webapps]) => app.emit('modules', { plugins, webapps }));
}
announceModules();`,
    // The helper's chain has a rejection handler.
    `function findModules() {
  return Promise.all([search('plugin'), search('webapp')]);
}
function announceModules() {
  findModules()
    .then(([plugins, webapps]) => app.emit('modules', { plugins, webapps }))
    .catch((err) => console.error('module search failed', err));
}
router.post('/install/:name', (req, res) => {
  queue.push(req.params.name);
  announceModules();
  res.json({ queued: true });
});`,
    // A same-file function whose Promise.resolve wraps a plain value: nothing to adopt.
    `function settled(plugin) {
  const result = Promise.resolve(plugin.lastState);
  return result;
}
router.post('/plugins/:id/config', (req, res) => {
  settled(plugin).then(() => {
    res.json('saved');
  });
});`,
    // The chain on the adopted promise has a rejection handler.
    `function stopPlugin(plugin) {
  const result = Promise.resolve(plugin.stop());
  return result;
}
router.post('/plugins/:id/config', (req, res) => {
  stopPlugin(plugin)
    .then(() => startPlugin(plugin))
    .catch((err) => console.error('plugin restart failed', err));
  res.json('saved');
});`,
    // A later link handles the rejection: `.catch(h)` or a two-argument `.then(ok, fail)`.
    `function revoke(req, res) {
  Tokens.revoke(req.body.token).then(() => res.status(200).end()).catch((err) => { log.error(err); res.status(500).end(); });
}
app.post('/auth/revoke', revoke);`,
    `function revoke(req, res) {
  Tokens.revoke(req.body.token).then(() => res.status(200).end(), (err) => { log.error(err); res.status(500).end(); });
}
app.post('/auth/revoke', revoke);`,
    // Returned, awaited or kept: the caller deals with the promise.
    `function revoke(req, res) {
  return Tokens.revoke(req.body.token).then(() => res.status(200).end());
}
app.post('/auth/revoke', revoke);`,
    `app.post('/auth/revoke', async (req, res) => {
  await Tokens.revoke(req.body.token).then(() => res.status(200).end());
});`,
    `function revoke(req, res) {
  const pending = Tokens.revoke(req.body.token).then(() => res.status(200).end());
  track(pending);
}
app.post('/auth/revoke', revoke);`,
    // A resolved promise, a wait, a fire-and-forget helper: nothing to reject.
    `app.get('/ping', (req, res) => { Promise.resolve().then(() => res.end('pong')); });`,
    `app.get('/later', (req, res) => { sleep(100).then(() => res.end('done')); });`,
    `app.get('/bg', (req, res) => { fireAndForget(job.run()).then(() => metrics.inc()); res.end(); });`,
    // A same-file function shown not to reject: sync with no promise returned, or async catching everything.
    `function settingsFor(user) { return cache[user]; }
app.get('/settings', (req, res) => { settingsFor(req.user).then((s) => res.json(s)); });`,
    `async function load(id) { try { return await db.get(id); } catch (err) { log.error(err); return null; } }
app.get('/item/:id', (req, res) => { load(req.params.id).then((item) => res.json(item)); });`,
    // Every element of Promise.all catches its own failure.
    `const requestURIs = (locations, method, headers, callback) => {
  Promise.all(locations.map(async (loc) => {
    try { return await requestURI(loc, method, headers); } catch (err) { logger.debug(\`failed: \${err.stack}\`); return [500, headers, '']; }
  })).then((responses) => callback(responses.map((x) => x[0])));
};`,
    // Outside any handler, background callback or callback-style function: no context says it matters.
    `function warm() { cache.load().then((n) => console.log('loaded', n)); }
module.exports = { warm };`,
    // A callback-style function whose continuation is not called from the chain.
    `function start(config, callback) {
  metrics.flush().then(() => console.log('flushed'));
  callback(null, config);
}
module.exports = { start };`,
    // Test code: a test runner times out and reports.
    `it('loads', (done) => { store.get('a').then((v) => { expect(v).toBe(1); done(); }); });`,
    // A chain on a value, not a call: only types can tell it is a promise.
    `app.get('/x', (req, res) => { pending.then((v) => res.json(v)); });`,
    // A helper also called outside background callbacks: no context.
    `const handleAuthPacket = function (msg) { Tokens.get(msg.auth).then((client) => complete(msg, client)); };
ws.on('message', (data) => handleAuthPacket(JSON.parse(data)));
module.exports = { handleAuthPacket, reauth: () => handleAuthPacket({}) };`,
  ],
  invalid: [
    // signalk-style app store: a same-file helper a route handler calls floats a registry search.
    {
      code: `function findModules() {
  return Promise.all([search('plugin'), search('webapp')]);
}
function announceModules() {
  findModules().then(([plugins, webapps]) => app.emit('modules', { plugins, webapps }));
}
router.post('/install/:name', (req, res) => {
  queue.push(req.params.name);
  announceModules();
  res.json({ queued: true });
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          data: { call: 'findModules()', context: 'helper announceModules, called from the express route handler at line 9' },
          suggestions: [
            {
              messageId: 'addCatch',
              output: `function findModules() {
  return Promise.all([search('plugin'), search('webapp')]);
}
function announceModules() {
  findModules().then(([plugins, webapps]) => app.emit('modules', { plugins, webapps })).catch((err) => console.error('findModules failed', err));
}
router.post('/install/:name', (req, res) => {
  queue.push(req.params.name);
  announceModules();
  res.json({ queued: true });
});`,
            },
          ],
        },
      ],
    },
    // signalk-style plugin restart: Promise.resolve(plugin.stop()) adopts the plugin's promise.
    {
      code: `function stopPlugin(plugin) {
  onStopHandlers[plugin.id] = [];
  const result = Promise.resolve(plugin.stop());
  return result;
}
router.post('/plugins/:id/config', (req, res) => {
  res.json('saved');
  stopPlugin(plugin).then(() => {
    startPlugin(plugin, req.body.configuration);
  });
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 8,
          data: { call: 'stopPlugin()', context: 'express route handler' },
          suggestions: [
            {
              messageId: 'addCatch',
              output: `function stopPlugin(plugin) {
  onStopHandlers[plugin.id] = [];
  const result = Promise.resolve(plugin.stop());
  return result;
}
router.post('/plugins/:id/config', (req, res) => {
  res.json('saved');
  stopPlugin(plugin).then(() => {
    startPlugin(plugin, req.body.configuration);
  }).catch((err) => console.error('stopPlugin failed', err));
});`,
            },
          ],
        },
      ],
    },
    // Node-RED auth/index.js: an Express route handler registered in another file (params say so).
    {
      code: `function revoke(req, res) {
  var token = req.body.token;
  Tokens.revoke(token).then(function () {
    log.audit({ event: 'auth.login.revoke' }, req);
    res.status(200).end();
  });
}
module.exports = { revoke: revoke };`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          data: { call: 'Tokens.revoke()', context: 'express route handler' },
          suggestions: [
            {
              messageId: 'addCatch',
              output: `function revoke(req, res) {
  var token = req.body.token;
  Tokens.revoke(token).then(function () {
    log.audit({ event: 'auth.login.revoke' }, req);
    res.status(200).end();
  }).catch((err) => console.error('revoke failed', err));
}
module.exports = { revoke: revoke };`,
            },
          ],
        },
      ],
    },
    // Node-RED editor/index.js: middleware registered by name; with a configured logger the fix is automatic.
    {
      code: ENSURE,
      settings: winstonInScope,
      output: ENSURE_FIXED,
      errors: [{ messageId: 'floatingPromise', line: 3, data: { call: 'runtimeAPI.isStarted()', context: 'express middleware' }, suggestions: [{ messageId: 'addCatch', output: ENSURE_FIXED }] }],
    },
    // Node-RED auth/strategies.js: a passport verify callback; each nested chain strands `done`.
    {
      code: BEARER,
      output: null,
      errors: [
        { messageId: 'strandedCallback', line: 2, data: { call: 'Tokens.get()', name: 'bearerStrategy', continuation: 'done' }, suggestions: addCatch(BEARER, ';\n};\nbearerStrategy', 'get') },
        { messageId: 'strandedCallback', line: 4, data: { call: 'Users.get()', name: 'bearerStrategy', continuation: 'done' }, suggestions: addCatch(BEARER, ';\n    } else', 'get') },
      ],
    },
    // Node-RED auth/index.js: a helper that answers a passport verify through its `done`.
    {
      code: `function completeVerify(profile, done) {
  Users.authenticate(profile).then(function (user) {
    if (user) done(null, user);
    else done(null, false);
  });
}
module.exports = { completeVerify };`,
      output: null,
      errors: [
        {
          messageId: 'strandedCallback',
          line: 2,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `function completeVerify(profile, done) {
  Users.authenticate(profile).then(function (user) {
    if (user) done(null, user);
    else done(null, false);
  }).catch((err) => console.error('authenticate failed', err));
}
module.exports = { completeVerify };`,
            },
          ],
        },
      ],
    },
    // The Lounge server.js: a socket listener registered by name.
    {
      code: LOUNGE,
      output: null,
      errors: [{ messageId: 'floatingPromise', line: 3, data: { call: 'auth.initialize()', context: "'auth:perform' listener" }, suggestions: addCatch(LOUNGE, ';\n}\nsocket', 'initialize') }],
    },
    // Node-RED editor/comms.js: a helper only ever called from a WebSocket 'message' listener.
    {
      code: COMMS,
      output: null,
      errors: [{ messageId: 'floatingPromise', line: 3, data: { call: 'Tokens.get()', context: "'message' listener" }, suggestions: addCatch(COMMS, ';\n  };', 'get') }],
    },
    // A same-file plain function returning another module's promise.
    {
      code: LOAD,
      output: null,
      errors: [{ messageId: 'floatingPromise', line: 2, data: { call: 'load()', context: 'express route handler' }, suggestions: addCatch(LOAD, '; });', 'load') }],
    },
  ],
});
