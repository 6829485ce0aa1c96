import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// Same-file helpers that answer with the error they are given, and escaped messages (issue 18).
ruleTester.run('no-error-details-in-response (helpers given caught errors, escaped messages)', rule, {
  valid: [
    // the helper is given only errors the code made itself
    "function routeUploadFile(req, res) {\n  const abortWithError = (err) => {\n    cleanup();\n    return res.status(400).json({ error: err.message });\n  };\n  if (!uploadTokens.delete(req.params.token)) {\n    return abortWithError(Error('Invalid upload token'));\n  }\n  if (req.headers['content-length'] < 1) return abortWithError(new Error('Length Required'));\n}",
    // an escaped value that is not the error
    "import { htmlEscape } from 'escape-goat';\n\napp.get('/connect', async (req, res) => {\n  try {\n    res.redirect(await authorizeUrl(req.query.provider));\n  } catch (err) {\n    logger.error(err);\n    res.status(500).send(`<p>Could not connect to ${htmlEscape(req.query.provider)}</p>`);\n  }\n});",
    // a helper given the caught error that logs it and answers with a fixed text
    "function routeUploadFile(req, res) {\n  const abortWithError = (err) => {\n    log.error(err);\n    return res.status(500).json({ error: 'Upload failed' });\n  };\n  try {\n    fs.mkdirSync(destDir, { recursive: true });\n  } catch (err) {\n    return abortWithError(err);\n  }\n  busboy.on('error', abortWithError);\n}",
    // a listener of another event: its first argument is not an error
    "function track(req, res) {\n  const finish = (err) => res.status(200).json({ done: true, note: err.message });\n  emitter.on('close', finish);\n}",
    // escaped details in a development-only branch
    "const escapeHtml = require('escape-html');\n\napp.use((err, req, res, next) => {\n  logger.error(err);\n  if (process.env.NODE_ENV === 'development') {\n    return res.status(500).send(`<pre>${escapeHtml(err.stack)}</pre>`);\n  }\n  res.status(500).send('Internal error');\n});",
  ],
  invalid: [
    // the message of an unknown error, escaped for HTML, in a page sent as the answer (@uppy/companion's credentials middleware)
    {
      code: "import { htmlEscape } from 'escape-goat';\n\nexport function getCredentialsOverrideMiddleware(providers) {\n  return async (req, res, next) => {\n    try {\n      const credentials = await fetchKeys(req.query.key);\n      res.locals.grant = { dynamic: credentials };\n      next();\n    } catch (keyErr) {\n      res.send(`\n        <h1>Could not fetch credentials</h1>\n        <p>Internal error message: ${htmlEscape(keyErr.message)}</p>\n      `);\n    }\n  };\n}",
      errors: [{ messageId: 'detailsInResponse', line: 12, suggestions: [{ messageId: 'sendGeneric', output: "import { htmlEscape } from 'escape-goat';\n\nexport function getCredentialsOverrideMiddleware(providers) {\n  return async (req, res, next) => {\n    try {\n      const credentials = await fetchKeys(req.query.key);\n      res.locals.grant = { dynamic: credentials };\n      next();\n    } catch (keyErr) {\n      console.error('fetchKeys failed', keyErr);\n      res.send(`\n        <h1>Could not fetch credentials</h1>\n        <p>Internal error message: ${htmlEscape('Internal Server Error')}</p>\n      `);\n    }\n  };\n}" }] }],
    },
    // a same-file helper answering with err.message, called from a catch and registered as an 'error' listener (thelounge's uploader)
    {
      code: "function routeUploadFile(req, res) {\n  const abortWithError = (err) => {\n    cleanup();\n    return res.status(400).json({ error: err.message });\n  };\n  if (!uploadTokens.delete(req.params.token)) {\n    return abortWithError(Error('Invalid upload token'));\n  }\n  try {\n    fs.mkdirSync(destDir, { recursive: true });\n  } catch (err) {\n    log.error(`Error ensuring ${destDir} exists for uploads: ${err.message}`);\n    return abortWithError(err);\n  }\n  busboy.on('error', abortWithError);\n}",
      errors: [{ messageId: 'detailsInResponse', line: 4, suggestions: [{ messageId: 'sendGeneric', output: "function routeUploadFile(req, res) {\n  const abortWithError = (err) => {\n    cleanup();\n    console.warn('abortWithError failed', err);\n    return res.status(400).json({ error: 'Bad Request' });\n  };\n  if (!uploadTokens.delete(req.params.token)) {\n    return abortWithError(Error('Invalid upload token'));\n  }\n  try {\n    fs.mkdirSync(destDir, { recursive: true });\n  } catch (err) {\n    log.error(`Error ensuring ${destDir} exists for uploads: ${err.message}`);\n    return abortWithError(err);\n  }\n  busboy.on('error', abortWithError);\n}" }] }],
    },
    // registered as an 'error' listener only
    {
      code: "function routeUploadFile(req, res) {\n  const abortWithError = (err) => {\n    cleanup();\n    return res.status(400).json({ error: err.message });\n  };\n  if (!uploadTokens.delete(req.params.token)) {\n    return abortWithError(Error('Invalid upload token'));\n  }\n  writer.on('error', abortWithError);\n}",
      errors: [{ messageId: 'detailsInResponse', line: 4, suggestions: [{ messageId: 'sendGeneric', output: "function routeUploadFile(req, res) {\n  const abortWithError = (err) => {\n    cleanup();\n    console.warn('abortWithError failed', err);\n    return res.status(400).json({ error: 'Bad Request' });\n  };\n  if (!uploadTokens.delete(req.params.token)) {\n    return abortWithError(Error('Invalid upload token'));\n  }\n  writer.on('error', abortWithError);\n}" }] }],
    },
    // escape-html in a rejection handler
    {
      code: "const escapeHtml = require('escape-html');\n\napp.get('/preview', (req, res) => {\n  renderPreview(req.query.url)\n    .then((html) => res.send(html))\n    .catch((err) => res.status(502).send(`<p>Preview failed: ${escapeHtml(err.message)}</p>`));\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "const escapeHtml = require('escape-html');\n\napp.get('/preview', (req, res) => {\n  renderPreview(req.query.url)\n    .then((html) => res.send(html))\n    .catch((err) => {\n      console.error('renderPreview failed', err);\n      return res.status(502).send(`<p>Preview failed: ${escapeHtml('Bad Gateway')}</p>`);\n    });\n});" }] }],
    },
    // a helper given as the rejection handler of then()
    {
      code: "function upload(req, res) {\n  function fail(error) {\n    res.status(400).json({ message: error.message });\n  }\n  store.save(req.body).then(() => res.sendStatus(201), fail);\n}",
      errors: [{ messageId: 'detailsInResponse', line: 3, suggestions: [{ messageId: 'sendGeneric', output: "function upload(req, res) {\n  function fail(error) {\n    console.warn('fail failed', error);\n    res.status(400).json({ message: 'Bad Request' });\n  }\n  store.save(req.body).then(() => res.sendStatus(201), fail);\n}" }] }],
    },
  ],
});
