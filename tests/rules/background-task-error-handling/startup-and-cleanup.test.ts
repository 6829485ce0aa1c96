import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * Session 38, by class:
 * - the module's start-up (model/startup.ts `isUnobservedStartup`): a promise discarded by a statement an
 *   entry module runs once when loaded (program body, top-level `if` blocks) — `bootstrap();`, an async IIFE,
 *   `init().then(start)` — is awaited by nobody, so a failed start-up is an unhandled rejection the app's
 *   logger never records. Reported when the file shows the call may reject (a same-file async function
 *   whose failure escapes); quiet when the file installs an unhandled-rejection listener (logging or not),
 *   when the application's process handler logs rejections, and for `void start()`;
 * - the answer itself (model/responders.ts `onlyAnswersClient`): in a handler, a discarded call of a same-file
 *   function (or the one a same-file factory returns) whose every call writes the response or computes what a
 *   write sends is the handler answering, not background work; a responder that first does other work (a
 *   trigger run, a store read) stays reported;
 * - best-effort clean-up (model/cleanups.ts `removesPathOnly`): a discarded removal of a path (`fsp.unlink(tmp)`,
 *   or a same-file async helper whose only work is that removal) is not waited on by design, and a failure
 *   leaves only a stray file; a helper doing any other work stays reported.
 */
const ruleTester = new RuleTester();

/** Start-up cases are linted as files of a temporary project, whose index shows which modules are entries. */
const project = tempProject('background-task-startup-', ['src']);
project.write('package.json', '{ "name": "startup-fixture", "main": "src/index.js" }');
let count = 0;
/** `code` as a module of its own that no project file imports: an entry. */
const entry = (code: string) => ({ filename: project.write(join('bin', `start-${++count}.js`), code), code });
/** `code` as a module `src/index.js` imports. */
const imported = (code: string) => {
  const name = `lib-${++count}`;
  project.write(join('src', 'index.js'), `require('./${name}');\n`);
  return { filename: project.write(join('src', `${name}.js`), code), code };
};

const rmHelper = `const fs = require('fs').promises;
const rm = async (path) => {
  try {
    await fs.unlink(path);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
};
`;

ruleTester.run('background-task-error-handling (start-up and clean-up, session 38)', rule, {
  valid: [
    // cube api-gateway: the handler's answer through a responder a same-file factory returns
    {
      code: `class Gateway {
  resToResultFn(res) {
    return async (message, { status } = {}) => {
      if (status) res.status(status);
      if (message.isWrapper) {
        res.set('Content-Type', 'application/json');
        res.send(Buffer.from(await message.getFinalResult()));
      } else {
        res.json(message);
      }
    };
  }
  initApp(app) {
    app.get('/v1/timezones', async (req, res) => {
      this.resToResultFn(res)({ timezones: await this.timezones(req) });
    });
    app.post('/v1/jobs', async (req, res) => {
      const response = this.resToResultFn(res);
      const result = await this.runJobs(req.body);
      response(result, { status: 200 });
    });
  }
}`,
    },
    // etherpad ImportHandler: temp files removed after the import, not waited on
    {
      code: `${rmHelper}
app.post('/import', async (req, res) => {
  await importFile(req);
  rm(srcFile);
  rm(destFile);
  res.send('ok');
});`,
    },
    // a removal helper (fs-extra, path arithmetic) called from a timer
    {
      code: `import fse from 'fs-extra';
import path from 'node:path';
async function removeUpload(dir, name) {
  await fse.remove(path.join(dir, name));
}
setTimeout(() => {
  removeUpload(uploadDir, 'part');
}, 1000);`,
    },
    // start-up awaited with a catch: handled
    {
      ...entry(`async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  if (!app) throw new Error('no app');
  await app.listen(3000);
}
bootstrap().catch((err) => { logger.error(err); process.exit(1); });`),
    },
    // start-up whose callee catches its failures: cannot reject
    {
      ...entry(`async function main() {
  try {
    await connect();
  } catch (err) {
    logger.error(err);
    process.exit(1);
  }
}
main();`),
    },
    // the application's process handler logs rejections with their stack
    {
      ...entry(`process.on('unhandledRejection', (err) => { logger.error({ err }, 'unhandled rejection'); });
async function bootstrap() {
  const db = await connect();
  if (!db) throw new Error('no database');
}
bootstrap();`),
    },
    // the file's own unhandled-rejection listener receives the start-up's failure (cloudcmd: `exit` prints it and exits)
    {
      ...entry(`import exit from '../server/exit.js';
process.on('unhandledRejection', exit);
async function main() {
  const config = await readConfig();
  if (!config) throw new Error('no config');
}
main();`),
    },
    // \`void start()\`: the author sets the promise aside on purpose (reported with includeVoidedCalls elsewhere)
    {
      ...entry(`async function start() {
  await checkDist();
  if (!ok) throw new Error('stale build');
}
if (require.main === module) {
  void start();
}`),
    },
    // formio main.js: the chain's head is another module's function the file cannot show rejects
    {
      ...entry(`require('./server')().then(function (state) {
  state.server.listen(state.config.port);
});
async function unused() { await fetch('/x'); }`),
    },
    // a module another project file imports: its top-level code runs in the importer's start-up (cloudcmd's
    // user-menu.js warm-up `transpile('')`, flowfuse's lazy `import('random-words')`)
    {
      ...imported(`async function transpile(source) {
  const out = await compile(source);
  if (!out) throw new Error('no output');
  return out;
}
transpile('');`),
    },
    // no project index (a file outside any package): no entry module is shown
    {
      code: `async function bootstrap() {
  const db = await connect();
  if (!db) throw new Error('no database');
}
bootstrap();`,
    },
    // a call inside a function is not the module's start-up
    {
      ...entry(`async function load() { const r = await fetch('/x'); if (!r.ok) throw new Error('bad'); }
function start() {
  load();
}`),
    },
  ],
  invalid: [
    // saltcorn homepage: the responder runs triggers before it answers
    {
      code: `app.get('/', async (req, res) => {
  const wrap = async (contents) => {
    await Trigger.runTableTriggers('PageLoad', contents);
    res.sendWrap({ title: 'home' }, contents);
  };
  wrap(await loadPage(req));
});`,
      errors: [{ messageId: 'floatingPromise', line: 6, suggestions: 1 as never }],
    },
    // a removal helper that also writes elsewhere is work of its own
    {
      code: `const fs = require('fs').promises;
const archive = async (path) => {
  await fs.writeFile(path + '.bak', 'x');
  await fs.unlink(path);
};
app.post('/import', async (req, res) => {
  await importFile(req);
  archive(srcFile);
  res.send('ok');
});`,
      errors: [{ messageId: 'floatingPromise', line: 8, suggestions: 1 as never }],
    },
    // the same timer twin: the helper also notifies
    {
      code: `import fse from 'fs-extra';
import path from 'node:path';
async function removeUpload(dir, name) {
  await fse.remove(path.join(dir, name));
  await notifyRemoved(name);
}
setTimeout(() => {
  removeUpload(uploadDir, 'part');
}, 1000);`,
      errors: [{ messageId: 'floatingPromise', line: 8, suggestions: 1 as never }],
    },
    // local-mcp-backend main.js: the Nest bootstrap called without a catch
    {
      ...entry(`async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  if (!app) throw new Error('no app');
  await app.listen(3000);
}
bootstrap();`),
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  if (!app) throw new Error('no app');
  await app.listen(3000);
}
bootstrap().catch((err) => console.error('bootstrap failed', err));`,
            },
          ],
        },
      ],
    },
    // hubot bin/Hubot.mjs: an async IIFE starting the robot
    {
      ...entry(`(async () => {
  await robot.load('configuration');
  if (!robot.adapter) throw new Error('no adapter');
  await robot.run();
})();`),
      errors: [{ messageId: 'floatingPromise', line: 1, suggestions: 1 as never }],
    },
    // inside the entry point's `if (require.main === module)`; a chained start
    {
      ...entry(`async function init() {
  const db = await connect();
  if (!db) throw new Error('no database');
  return db;
}
if (require.main === module) {
  init().then(start);
}`),
      errors: [{ messageId: 'floatingPromise', line: 7, suggestions: 1 as never }],
    },
  ],
});
