import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * A rejection that escapes background work reaches the application's
 * `process.on('unhandledRejection')` handler, installed in another file (Ghost's `core/boot.js`,
 * Unleash's `server-impl.js`, Kuzzle's `kuzzle.js`). When that handler logs the reason with its stack the
 * failure is recorded: recommended is quiet, strict (`includeRecordedRejections`) still reports it for
 * the context the global record lacks. A handler that logs only the reason's text records no stack and
 * counts as no handler; so does a forked child's own file, which runs in another process.
 */
const { tree: project } = tempProject('background-task-process-handlers-');

const logging = project('logging', {
  'package.json': JSON.stringify({ name: 'blog' }),
  'index.js': "require('./core/boot')();\n",
  'core/boot.js':
    "const logging = require('./shared/logging');\nmodule.exports = function boot() {\n  process.on('unhandledRejection', (error) => {\n    logging.error('Unhandled rejection:', error);\n  });\n};\n",
});
const textOnly = project('text-only', {
  'package.json': JSON.stringify({ name: 'flags', main: 'dist/server.js' }),
  'dist/server.js':
    "process.on('unhandledRejection', (reason) => {\n  logger.error(`Unhandled promise rejection detected: ${String(reason)}`);\n});\n",
});

const service = join(logging, 'core', 'server', 'services', 'activitypub.js');
const child = join(logging, 'core', 'server', 'workers', 'renewer.js');
const textService = join(textOnly, 'dist', 'lib', 'metrics.js');

// trimmed from Ghost's activity-pub-service-wrapper.js and milestones service
const listener = `async function configureActivityPub() {
  await ActivityPubServiceWrapper.instance.enable();
}
events.on('settings.social_web.edited', configureActivityPub);
setTimeout(async () => {
  await milestones.run();
}, 1000);`;

const addCatch = {
  messageId: 'addCatch' as const,
  output: listener.replace(
    "events.on('settings.social_web.edited', configureActivityPub);",
    "events.on('settings.social_web.edited', () => configureActivityPub().catch((err) => console.error('configureActivityPub failed', err)));",
  ),
};
const wrapInTryCatch = {
  messageId: 'wrapInTryCatch' as const,
  output: listener.replace('  await milestones.run();\n', "  try {\n    await milestones.run();\n  } catch (err) {\n    console.error('timeout task failed', err);\n  }\n"),
};
const listenerErrors = [
  { messageId: 'asyncReference' as const, line: 4, suggestions: [addCatch] },
  { messageId: 'asyncCallback' as const, line: 5, suggestions: [wrapInTryCatch] },
];

const connect =
  "function connect() {\n  return new Promise((resolve, reject) => {\n    client.once('ready', async () => {\n      await client.client('SETNAME', name);\n      resolve();\n    });\n    client.once('error', reject);\n  });\n}";

const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (a process handler in another file logs rejections)', rule, {
  valid: [
    { filename: service, code: listener },
    // a fire-and-forget promise in a listener reaches the same handler
    { filename: service, code: "events.on('member.added', (member) => {\n  mailer.sendWelcome(member).then(() => stats.count('welcome'));\n});" },
    // the same connect whose listener does not settle the promise: the handler's record is all there is to lose
    { filename: service, code: connect.replace('      resolve();\n', '') },
    // a promise escaping a try outside any request handler (Homebridge's scheduler init) reaches the handler too
    { filename: service, code: "async function refreshRestartSchedules() {\n  await config.read();\n}\nfunction onModuleInit() {\n  try {\n    void refreshRestartSchedules();\n  } catch (error) {\n    logger.warn(`Failed to initialize restart schedules: ${error.message}`);\n  }\n}" },
    // the setting declares it for an application whose handler the search cannot find
    { filename: textService, code: listener, settings: { 'security-logging': { logsUnhandledRejections: true } } },
  ],
  invalid: [
    // the handler logs only the reason's text: the stack is lost, nothing says where it failed
    {
      filename: textService,
      code: listener,
      errors: listenerErrors,
    },
    // … and where the handler logs only the text, the escape stays reported
    {
      filename: textService,
      code: "async function refreshRestartSchedules() {\n  await config.read();\n}\nfunction onModuleInit() {\n  try {\n    void refreshRestartSchedules();\n  } catch (error) {\n    logger.warn(`Failed to initialize restart schedules: ${error.message}`);\n  }\n}",
      errors: [{ messageId: 'promiseEscapesTry', line: 6, suggestions: [{ messageId: 'addCatch', output: "async function refreshRestartSchedules() {\n  await config.read();\n}\nfunction onModuleInit() {\n  try {\n    void refreshRestartSchedules().catch((err) => console.error('refreshRestartSchedules failed', err));\n  } catch (error) {\n    logger.warn(`Failed to initialize restart schedules: ${error.message}`);\n  }\n}" }] }],
    },
    // the setting says no, whatever the files hold
    {
      filename: service,
      code: listener,
      settings: { 'security-logging': { logsUnhandledRejections: false } },
      errors: listenerErrors,
    },
    // a forked child of the same package runs in its own process: the parent's handler never sees it
    {
      filename: child,
      code: "process.on('message', async (msg) => {\n  await renew(msg.id);\n  process.send({ renewed: msg.id });\n});",
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch' as const,
              output:
                "process.on('message', async (msg) => {\n  try {\n    await renew(msg.id);\n    process.send({ renewed: msg.id });\n  } catch (err) {\n    console.error('message listener failed', err);\n    process.exitCode = 1;\n  }\n});",
            },
          ],
        },
      ],
    },
    // a callback that resolves the promise around it (Kuzzle's Redis init): when it rejects the promise stays
    // pending, and whoever awaits it waits forever, whatever the process handler logs
    {
      filename: service,
      code: connect,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output:
                "function connect() {\n  return new Promise((resolve, reject) => {\n    client.once('ready', async () => {\n      try {\n        await client.client('SETNAME', name);\n        resolve();\n      } catch (err) {\n        console.error('connect ready listener failed', err);\n      }\n    });\n    client.once('error', reject);\n  });\n}",
            },
          ],
        },
      ],
    },
    // a route handler that answers from the promise's .then (Signal K's plugin stop): a rejection leaves the client
    // without an answer, whatever the process handler logs
    {
      filename: service,
      code: "app.post('/plugins/:id/stop', (req, res) => {\n  stopPlugin(plugin).then(() => {\n    res.json({ stopped: true });\n  });\n});\nasync function stopPlugin(plugin) {\n  await plugin.stop();\n  return plugin;\n}",
      errors: [{ messageId: 'floatingPromise', line: 2, suggestions: [{ messageId: 'addCatch', output: "app.post('/plugins/:id/stop', (req, res) => {\n  stopPlugin(plugin).then(() => {\n    res.json({ stopped: true });\n  }).catch((err) => console.error('stopPlugin failed', err));\n});\nasync function stopPlugin(plugin) {\n  await plugin.stop();\n  return plugin;\n}" }] }],
    },
    // a continuation called only from .then (Saltcorn's TOTP strategy): passport waits forever
    {
      filename: service,
      code: "passport.use(new TotpStrategy((user, done) => {\n  User.findOne({ id: user.id }).then((u) => {\n    done(null, u.totp_key, 30);\n  });\n}));",
      errors: [{ messageId: 'strandedCallback', line: 2, suggestions: [{ messageId: 'addCatch', output: "passport.use(new TotpStrategy((user, done) => {\n  User.findOne({ id: user.id }).then((u) => {\n    done(null, u.totp_key, 30);\n  }).catch((err) => console.error('findOne failed', err));\n}));" }] }],
    },
    // strict: recorded, but without which task failed
    {
      filename: service,
      code: listener,
      options: [{ includeRecordedRejections: true }],
      errors: [
        { messageId: 'recordedWithoutContext', line: 4, data: { what: 'configureActivityPub' }, suggestions: [addCatch] },
        { messageId: 'recordedWithoutContext', line: 5, data: { what: 'this async setTimeout callback' }, suggestions: [wrapInTryCatch] },
      ],
    },
  ],
});
