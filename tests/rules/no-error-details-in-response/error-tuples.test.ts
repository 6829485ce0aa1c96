import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// Recall class (session 36): the error slot of an error-first result tuple (`const [e, source] = await tryToCatch(readFile, path)`
// from try-to-catch, `tryCatch` from try-catch, `to` from await-to-js) holds whatever the work threw, as a catch binding does.
ruleTester.run('no-error-details-in-response (error-first result tuples)', rule, {
  valid: [
    // a tuple from a function of the app's own: its first slot is whatever the app puts there
    "import { readPair } from './pairs.js';\nexport async function onGET({ res }) {\n  const [e, source] = await readPair();\n  if (e) return res.status(500).send(e.message);\n  res.send(source);\n}",
    // the error of the tuple is logged and a fixed text answered
    "import { tryToCatch } from 'try-to-catch';\nexport async function onGET({ res, readFile, menuPath }) {\n  const [e, source] = await tryToCatch(readFile, menuPath, 'utf8');\n  if (e) {\n    console.error(e);\n    return res.status(500).send('Could not read the menu');\n  }\n  res.send(source);\n}",
    // the second slot is the result, not an error
    "import to from 'await-to-js';\nexport async function show(req, res) {\n  const [err, user] = await to(users.find(req.params.id));\n  if (err) return res.sendStatus(500);\n  res.json({ message: user.message });\n}",
  ],
  invalid: [
    // cloudcmd's user menu: a file-system error's message sent with a 404
    {
      code: "import { tryToCatch } from 'try-to-catch';\nexport async function onGET({ res, readFile, menuPath }) {\n  const [e, source] = await tryToCatch(readFile, menuPath, 'utf8');\n  if (e && e.code !== 'ENOENT')\n    return res.status(404).send(e.message);\n  res.send(source);\n}",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: 'sendGeneric', output: "import { tryToCatch } from 'try-to-catch';\nexport async function onGET({ res, readFile, menuPath }) {\n  const [e, source] = await tryToCatch(readFile, menuPath, 'utf8');\n  if (e && e.code !== 'ENOENT')\n    { console.warn('onGET failed', e); return res.status(404).send({ error: 'Not Found' }); }\n  res.send(source);\n}" }] }],
    },
    // await-to-js
    {
      code: "const { default: to } = require('await-to-js');\napp.get('/users/:id', async (req, res) => {\n  const [err, user] = await to(db.users.findById(req.params.id));\n  if (err) return res.status(500).json({ error: err.message });\n  res.json(user);\n});",
      errors: [{ messageId: 'detailsInResponse', line: 4, suggestions: [{ messageId: 'sendGeneric', output: "const { default: to } = require('await-to-js');\napp.get('/users/:id', async (req, res) => {\n  const [err, user] = await to(db.users.findById(req.params.id));\n  if (err) { console.error('code at line 4 failed', err); return res.status(500).json({ error: 'Internal Server Error' }); }\n  res.json(user);\n});" }] }],
    },
  ],
});
