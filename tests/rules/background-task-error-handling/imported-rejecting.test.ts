import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * A route handler that drops the promise of a plain function of another project module which returns
 * `new Promise((resolve, reject) => …)` and rejects it itself: the rejection goes unhandled. The modules
 * are written to a temporary project and linted through `filename` (trimmed from a put/delete helper
 * module answering through an update callback).
 */
const { root, write } = tempProject('background-task-imported-rejecting-', ['src/interfaces']);
write(
  'src/put.js',
  `function putPath(app, path, body, updateCb) {
  return new Promise((resolve, reject) => {
    createRequest(app, path, body, updateCb)
      .then((request) => resolve(request))
      .catch(reject);
  });
}
function notifyPath(app, path) {
  return new Promise((resolve) => {
    app.emit('changed', path);
    resolve();
  });
}
async function savePath(app, path) {
  await app.store.save(path);
}
exports.putPath = putPath;
exports.notifyPath = notifyPath;
exports.savePath = savePath;
`,
);

const filename = join(root, 'src', 'interfaces', 'playground.js');
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (an imported function returning a promise it rejects)', rule, {
  valid: [
    // the promise is caught
    {
      filename,
      code: `const { putPath } = require('../put');
app.post('/input', (req, res) => {
  putPath(app, req.body.path, req.body, (reply) => res.json(reply)).catch((err) => {
    console.error('put failed', err);
  });
});`,
    },
    // the helper's promise only resolves
    {
      filename,
      code: `const { notifyPath } = require('../put');
app.post('/input', (req, res) => {
  notifyPath(app, req.body.path);
  res.end();
});`,
    },
    // an async helper of another module is not guessed about here
    {
      filename,
      code: `const { savePath } = require('../put');
app.post('/input', (req, res) => {
  savePath(app, req.body.path);
  res.end();
});`,
    },
    // outside any handler or background callback
    {
      filename,
      code: `const { putPath } = require('../put');
function warmUp(app) {
  putPath(app, 'navigation.state', { value: 'idle' }, () => {});
}
module.exports = { warmUp };`,
    },
  ],
  invalid: [
    {
      filename,
      code: `const { putPath } = require('../put');
app.post('/input', (req, res) => {
  new Promise((resolve) => {
    setTimeout(() => resolve('timed out'), 5000);
    putPath(app, req.body.path, req.body, (reply) => resolve(reply));
  }).then((reply) => res.json(reply));
});`,
      errors: [{ messageId: 'floatingPromise', line: 5, suggestions: [{ messageId: 'addCatch', output: `const { putPath } = require('../put');
app.post('/input', (req, res) => {
  new Promise((resolve) => {
    setTimeout(() => resolve('timed out'), 5000);
    putPath(app, req.body.path, req.body, (reply) => resolve(reply)).catch((err) => console.error('putPath failed', err));
  }).then((reply) => res.json(reply));
});` }] }],
    },
  ],
});
