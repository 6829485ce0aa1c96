import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';

/**
 * Console-style and tag-first loggers (every argument printed), TypeScript's CommonJS output
 * (`log_1.default` for `import log from './log'`, `const err = e;` for `const err = e as Error`),
 * and the expected failures whose text says it all: a token verification answered 401, a
 * configuration parse right before `process.exit`. Shapes trimmed from The Lounge (dist/server),
 * Etherpad (node/), and @uppy/companion (src/server/middlewares.js).
 */
const ruleTester = new RuleTester();

ruleTester.run('log-error-with-stack (console style, compiled TypeScript, expected failures)', rule, {
  valid: [
    // The 'error' event of a connection (socket, server, network client): an I/O failure whose stack names only Node's internals.
    "ldapclient.on('error', function (err) { log.error('Unable to connect to LDAP server: ' + err.toString()); callback(false); });",
    "server.on('error', (err) => log.error(`${err}`)); server.listen(port);",
    "io.on('connection', (socket) => { socket.on('error', (err) => log.error(`io socket error: ${err}`)); });",
    // The error object reaches the console-style logger as an argument of its own.
    `const log_1 = __importDefault(require("./log"));
try { this.db.deleteMessages(req); } catch (err) { log_1.default.error("can't clean messages", err); }`,
    // Through the alias, too.
    `const log_1 = __importDefault(require("./log"));
function indexRequest(_req, res) {
  try { res.send(render()); } catch (e) { const err = e; log_1.default.error("failed to serve index request", err); res.sendStatus(500); }
}`,
    // The alias is rethrown: its stack is logged where it lands.
    `try { run(); } catch (e) { const err = e; log.error(\`run failed: \${err.message}\`); throw e; }`,
    // A module that is not a logger, in the same compiled shape.
    `const dialog_1 = __importDefault(require("./dialog"));
try { run(); } catch (err) { dialog_1.default.error("run failed", err.message); }`,
    // companion: a token verification answered 401 — an invalid or expired token is the answer to the check.
    `export const verifyToken = (req, res, next) => {
  try {
    const payload = tokenService.verifyEncryptedAuthToken(token, req.companion.options.secret, providerName);
    req.companion.providerUserSession = payload[providerName];
  } catch (err) {
    logger.error(err.message, 'token.verify.error', req.id);
    res.sendStatus(401);
    return;
  }
  next();
};`,
    `export const gentleVerifyToken = (req, res, next) => {
  try {
    req.user = jwt.verify(req.companion.authToken, secret);
  } catch (err) {
    logger.error(err.message, 'token.gentle.verify.error', req.id);
  }
  next();
};`,
    // Etherpad Settings.js: a settings file that does not parse, told to the operator right before exit.
    `exports.parseSettings = (settingsFilename) => {
  try {
    settingsStr = jsonminify(settingsStr).replace(',]', ']').replace(',}', '}');
    const settings = JSON.parse(settingsStr);
    console.info(\`settings loaded from: \${settingsFilename}\`);
    return lookupEnvironmentVariables(settings);
  } catch (e) {
    console.error(\`There was an error processing your settings file from \${settingsFilename}: \${e.message}\`);
    process.exit(1);
  }
};`,
    `try { config = yaml.parse(text); } catch (e) { console.error('config.yml is not valid YAML: ' + e); process.exit(2); }`,
    // The Lounge plugins/storage.js: an async fs callback's error has no JavaScript frame; its message has the code and path.
    `fs_1.default.unlink(filePath, (err) => {
  if (err) log_1.default.error("Failed to delete stored file", err.message);
});`,
    // The Lounge plugins/auth/ldap.js: a failed bind with the user's password is the answer to the check.
    `ldapclient.bind(bindDN, password, function (err) {
  ldapclient.unbind();
  if (err) { log.error(\`LDAP bind failed: \${err.toString()}\`); callback(false); }
});`,
    // The Lounge command-line/upgrade.js, uninstall.js: yarn rejects with its exit code, not an Error.
    `const log_1 = __importDefault(require("../log"));
utils_1.default.executeYarnCommand(command, ...params).catch((code) => {
  log_1.default.error(\`Failed to upgrade package(s). Exit code \${String(code)}\`);
  process.exit(1);
});`,
    `try { await utils.executeYarnCommand('remove', name); } catch (code_1) { log.error(\`Failed to uninstall \${name}. Exit code: \${code_1}\`); process.exit(1); }`,
  ],
  invalid: [
    // A worker's error comes from its code, with that code's stack: not a connection.
    {
      code: "worker.on('error', (err) => { log.error('worker failed: ' + err.message); });",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "worker.on('error', (err) => { log.error('worker failed: ' + err.message, err); });" }] }],
    },
    // A connection's error event is reported too while reportExpectedFailures is on (strict).
    {
      code: "ldapclient.on('error', function (err) { log.error('Unable to connect to LDAP server: ' + err.toString()); callback(false); });",
      options: [{ reportExpectedFailures: true }],
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "ldapclient.on('error', function (err) { log.error('Unable to connect to LDAP server: ' + err.toString(), err); callback(false); });" }] }],
    },
    // The Lounge storageCleaner.js: a tag-first message with the error's text as a second argument.
    {
      code: `const log_1 = __importDefault(require("./log"));
try { this.db.deleteMessages(req); } catch (err) { log_1.default.error("can't clean messages", err.message); }`,
      output: null,
      errors: [
        {
          messageId: 'stackLost',
          line: 2,
          data: { name: 'err', form: 'err.message', remedy: "log_1.default.error('…', err)" },
          suggestions: [
            {
              messageId: 'addError',
              output: `const log_1 = __importDefault(require("./log"));
try { this.db.deleteMessages(req); } catch (err) { log_1.default.error("can't clean messages", err.message, err); }`,
            },
          ],
        },
      ],
    },
    // The Lounge server.js: name and message of an alias of the caught error are still only text.
    {
      code: `const log_1 = __importDefault(require("./log"));
function indexRequest(_req, res) {
  try { res.send(render()); } catch (e) { const err = e; log_1.default.error(\`failed to serve index request: \${err.name}, \${err.message}\`); res.sendStatus(500); }
}`,
      output: null,
      errors: [
        {
          messageId: 'stackLost',
          line: 3,
          suggestions: [
            {
              messageId: 'addError',
              output: `const log_1 = __importDefault(require("./log"));
function indexRequest(_req, res) {
  try { res.send(render()); } catch (e) { const err = e; log_1.default.error(\`failed to serve index request: \${err.name}, \${err.message}\`, err); res.sendStatus(500); }
}`,
            },
          ],
        },
      ],
    },
    // Etherpad PadMessageHandler.js: console prints every argument; the error's text is the second.
    {
      code: `try { await getChangesetInfo(padId); } catch (err) { console.error(\`Error while handling a changeset info request for \${padId}\`, err.toString(), data); }`,
      output: `try { await getChangesetInfo(padId); } catch (err) { console.error(\`Error while handling a changeset info request for \${padId}\`, err.toString(), data, err); }`,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: `try { await getChangesetInfo(padId); } catch (err) { console.error(\`Error while handling a changeset info request for \${padId}\`, err.toString(), data, err); }` }] }],
    },
    // The Lounge models/chan.js: another callback API (a database driver); one command whose log names the step is an
    // expected failure since session 34, which `reportExpectedFailures` reports.
    {
      code: `db.getMessages(network, channel, (err, messages) => { if (err) console.error(\`Failed to load messages: \${err.message}\`); });`,
      options: [{ reportExpectedFailures: true }],
      output: `db.getMessages(network, channel, (err, messages) => { if (err) console.error(\`Failed to load messages: \${err.message}\`, err); });`,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: `db.getMessages(network, channel, (err, messages) => { if (err) console.error(\`Failed to load messages: \${err.message}\`, err); });` }] }],
    },
    // A try that awaits before the exit: a start-up connection failure keeps its stack.
    {
      code: `try { await db.connect(JSON.parse(raw)); } catch (e) { console.error(\`cannot start: \${e.message}\`); process.exit(1); }`,
      output: `try { await db.connect(JSON.parse(raw)); } catch (e) { console.error(\`cannot start: \${e.message}\`, e); process.exit(1); }`,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: `try { await db.connect(JSON.parse(raw)); } catch (e) { console.error(\`cannot start: \${e.message}\`, e); process.exit(1); }` }] }],
    },
    // A token verification is an expected failure only while reportExpectedFailures is off.
    {
      code: `try { req.user = jwt.verify(token, secret); } catch (err) { logger.error(err.message); res.sendStatus(401); }`,
      options: [{ reportExpectedFailures: true }],
      output: null,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: `try { req.user = jwt.verify(token, secret); } catch (err) { logger.error(err.message, err); res.sendStatus(401); }` }] }],
    },
  ],
});
