import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * An async callback handed to a same-file function that only calls it as a statement
 * (`function createServer(app, cb) { …; cb(null, server) }`): the function drops the callback's
 * promise as a timer would, so the callback must catch its own failures.
 */
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (callbacks a same-file function drops)', rule, {
  valid: [
    // The callback catches and logs.
    `function createServer(app, cb) {
  let server;
  try {
    server = http.createServer(app);
  } catch (e) {
    cb(e);
    return;
  }
  cb(null, server);
}
createServer(app, async (err, server) => {
  try {
    await startInterfaces(app);
    server.listen(3000);
  } catch (e) {
    console.error('start-up failed', e);
  }
});`,
    // The function awaits its callback.
    `async function withConnection(fn) {
  const conn = await pool.connect();
  try {
    await fn(conn);
  } finally {
    conn.release();
  }
}
withConnection(async (conn) => {
  await conn.query('select 1');
});`,
    // The function returns what its callback returns: the caller gets the promise.
    `function inTransaction(fn) {
  return db.transaction((trx) => fn(trx));
}
function run(fn) {
  return fn();
}
run(async () => {
  await db.migrate();
});`,
    // The callback is passed on to an API this file cannot see.
    `function readConfig(path, cb) {
  fs.readFile(path, 'utf8', cb);
}
readConfig('app.json', async (err, text) => {
  await apply(JSON.parse(text));
});`,
    // A synchronous callback.
    `function createServer(app, cb) {
  cb(null, http.createServer(app));
}
createServer(app, (err, server) => {
  server.listen(3000);
});`,
  ],
  invalid: [
    {
      code: `function createServer(app, cb) {
  if (app.config.ssl) {
    getCertificateOptions(app, (err, options) => {
      if (err) cb(err);
      else cb(null, https.createServer(options, app));
    });
    return;
  }
  cb(null, http.createServer(app));
}
createServer(app, async (err, server) => {
  if (err) return;
  app.apis = await startApis(app);
  server.listen(3000);
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 11,
          data: { api: 'createServer', owner: 'createServer()', line: '13', name: 'This function' },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `function createServer(app, cb) {
  if (app.config.ssl) {
    getCertificateOptions(app, (err, options) => {
      if (err) cb(err);
      else cb(null, https.createServer(options, app));
    });
    return;
  }
  cb(null, http.createServer(app));
}
createServer(app, async (err, server) => {
  try {
    if (err) return;
    app.apis = await startApis(app);
    server.listen(3000);
  } catch (error) {
    console.error('createServer task failed', error);
  }
});`,
            },
          ],
        },
      ],
    },
  ],
});
