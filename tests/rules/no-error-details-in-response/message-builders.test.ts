import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

/**
 * A helper named for building a message or a page (`format…Message`, `build…Page`, `generate…Html`), imported or
 * not, returns the text it is given inside what it builds: given an unknown error's message it carries it
 * (unleash-proxy's `format500ErrorMessage(err.message)`, flowise's `generateErrorPage(…, error.message)`; round 10's
 * held-out recall). Given only the app's own text it carries nothing.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-error-details-in-response (message builders)', rule, {
  valid: ["app.get('/x', async (req, res) => {\n  try {\n    res.json(await db.query(req.query.q));\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: formatErrorMessage('Something went wrong', req.id) });\n  }\n});\n"],
  invalid: [
    { code: "import { format500ErrorMessage } from './util';\n\napp.use((err, req, res, next) => {\n  if (isValidationError(err)) {\n    res.status(400).json({ error: 'Invalid request' });\n    return;\n  }\n  res.status(500).json({ error: format500ErrorMessage(err.message) });\n});\n", filename: 'app.ts', errors: [{ messageId: 'detailsInResponse', line: 8, suggestions: [{ messageId: 'sendGeneric', output: "import { format500ErrorMessage } from './util';\n\napp.use((err, req, res, next) => {\n  if (isValidationError(err)) {\n    res.status(400).json({ error: 'Invalid request' });\n    return;\n  }\n  console.error('request handler failed', err);\n  res.status(500).json({ error: format500ErrorMessage('Internal Server Error') });\n});\n" }] }] },
    { code: "router.get('/callback', async (req, res) => {\n  try {\n    await oauth.exchange(req.query.code);\n    res.redirect('/');\n  } catch (error) {\n    const errorHtml = generateErrorPage('An unexpected error occurred', 'Please try again.', error.message);\n    res.status(500).send(errorHtml);\n  }\n});\n", errors: [{ messageId: 'detailsInResponse', line: 7, suggestions: [{ messageId: 'sendGeneric', output: "router.get('/callback', async (req, res) => {\n  try {\n    await oauth.exchange(req.query.code);\n    res.redirect('/');\n  } catch (error) {\n    const errorHtml = generateErrorPage('An unexpected error occurred', 'Please try again.', error.message);\n    console.error('oauth.exchange failed', error);\n    res.status(500).send({ error: 'Internal Server Error' });\n  }\n});\n" }] }] },
  ],
});
