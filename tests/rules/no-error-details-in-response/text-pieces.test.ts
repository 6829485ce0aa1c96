import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

/**
 * A piece of an unknown error's text is its text: string methods that return part of it (`trim`, `slice`,
 * `substring`, `toLowerCase`, `split`, an element of the split) keep the message or stack they are called on
 * (round 10's held-out recall: messages cut before they are sent). The error's `code`, or pieces of other
 * values, are no details.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-error-details-in-response (pieces of the text)', rule, {
  valid: ["app.get('/x', async (req, res) => {\n  try {\n    res.json(await db.query(req.query.q));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'failed', code: err.code.toLowerCase(), first: names.slice(0, 3)[0] });\n  }\n});\n"],
  invalid: [
    { code: "app.post('/import', async (req, res) => {\n  try {\n    res.json(await importer.run(req.body));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: err.message.trim().slice(0, 200) });\n  }\n});\n", errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "app.post('/import', async (req, res) => {\n  try {\n    res.json(await importer.run(req.body));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});\n" }] }] },
    { code: "app.get('/status', async (req, res) => {\n  try {\n    res.json(await upstream.status());\n  } catch (err) {\n    res.status(502).send('Upstream failed: ' + String(err).split('\\n')[0]);\n  }\n});\n", errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: 'sendGeneric', output: "app.get('/status', async (req, res) => {\n  try {\n    res.json(await upstream.status());\n  } catch (err) {\n    console.error('upstream.status failed', err);\n    res.status(502).send({ error: 'Bad Gateway' });\n  }\n});\n" }] }] },
  ],
});
