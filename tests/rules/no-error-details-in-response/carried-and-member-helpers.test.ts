import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// Recall classes (session 36):
// - a value a same-file function (or `this.method`) builds from its arguments carries them: `res.send(page(false, err.message))`;
// - a parameter every call of a class method hands a caught error holds one, whatever it is called
//   (`.catch((e) => this.handleErrorRequest(e, res))`), and a helper hung on the response (`res.e = (error) => …`)
//   called from a catch with the caught error receives it;
// - a compiled indirect call `(0, util_1.escapeHtml)(err.message)` is the call it names;
// - an awaited tagged template (`await this.prisma.$queryRaw\`SELECT 1\``) is work that goes out, not in-process code.
ruleTester.run('no-error-details-in-response (carried by a same-file function, member helpers, tagged templates)', rule, {
  valid: [
    // the page function ignores the error text it is given
    "function page(ok, error) {\n  return `<p>${ok ? 'Done' : 'Failed'}</p>`;\n}\napp.get('/cb', async (req, res) => {\n  try {\n    await exchange(req.query.code);\n    res.send(page(true));\n  } catch (err) {\n    logger.error(err);\n    res.status(500).send(page(false, err.message));\n  }\n});",
    // a class method only ever given errors the code made itself
    "class Server {\n  reply(e, res) {\n    res.statusCode = 400;\n    res.end(e.message);\n  }\n  onRequest(req, res) {\n    if (!req.url) return this.reply(new Error('Missing URL'), res);\n    res.end('ok');\n  }\n}",
    // a class method also handed out as a callback: its callers are not all in view, and its name says nothing
    "class Server {\n  reply(e, res) {\n    res.statusCode = 500;\n    res.end(e.message);\n  }\n  start(req, res) {\n    load().catch((e) => this.reply(e, res));\n    emitter.on('done', this.reply);\n  }\n}",
    // the response helper is only given the app's own errors
    "app.use((req, res, next) => {\n  res.e = (error, status) => {\n    res.statusCode = status || 500;\n    res.end('Server ' + error);\n  };\n  next();\n});\napp.get('/x', (req, res) => {\n  if (!req.query.slug) return res.e(new Error('missing slug'), 400);\n  res.end('ok');\n});",
    // a tagged template that is not awaited builds text in hand
    "app.get('/q', (req, res) => {\n  try {\n    const query = sql`SELECT * FROM t WHERE id = ${req.params.id}`;\n    res.json({ query: query.text });\n  } catch (error) {\n    res.json({ status: 'error', error: error.message });\n  }\n});",
    // compiled code's indirect call of an imported escaping function, given the request's path, not the error
    "const util_1 = require('./util');\nconst errorHandler = (err, req, res, next) => {\n  logger.error(err);\n  res.status(500);\n  res.send(page\n    .replace(/{{ERROR_TITLE}}/g, '500')\n    .replace(/{{ERROR_BODY}}/g, (0, util_1.escapeHtml)(req.path)));\n};\napp.use(errorHandler);",
  ],
  invalid: [
    // local-mcp-backend's OAuth controller: res.send(this.renderCallbackPage(false, message)), the page built from the message
    {
      code: "class OAuthController {\n  async authorize(serverId, req, res) {\n    try {\n      const authorizationUrl = await this.oauthService.discoverAndAuthorize(serverId);\n      res.redirect(authorizationUrl);\n    } catch (error) {\n      const message = error instanceof Error ? error.message : 'Unknown error';\n      this.logger.error(`OAuth authorize failed for ${serverId}: ${message}`);\n      res.status(400).send(this.renderCallbackPage(false, message));\n    }\n  }\n  renderCallbackPage(success, error) {\n    const message = JSON.stringify({ type: 'oauth-callback', success, error: error || null });\n    return `<p>${success ? 'Authorization successful!' : `Error: ${error}`}</p><script>window.opener.postMessage(${message}, '*');</script>`;\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 9, suggestions: [{ messageId: 'sendGeneric', output: "class OAuthController {\n  async authorize(serverId, req, res) {\n    try {\n      const authorizationUrl = await this.oauthService.discoverAndAuthorize(serverId);\n      res.redirect(authorizationUrl);\n    } catch (error) {\n      const message = error instanceof Error ? error.message : 'Unknown error';\n      this.logger.error(`OAuth authorize failed for ${serverId}: ${message}`);\n      console.warn('oauthService.discoverAndAuthorize failed', error);\n      res.status(400).send(this.renderCallbackPage(false, 'Bad Request'));\n    }\n  }\n  renderCallbackPage(success, error) {\n    const message = JSON.stringify({ type: 'oauth-callback', success, error: error || null });\n    return `<p>${success ? 'Authorization successful!' : `Error: ${error}`}</p><script>window.opener.postMessage(${message}, '*');</script>`;\n  }\n}" }] }],
    },
    // a same-file page function given the message directly
    {
      code: "const errorPage = (title, details) => '<h1>' + title + '</h1><pre>' + details + '</pre>';\napp.get('/cb', async (req, res) => {\n  try {\n    await exchange(req.query.code);\n    res.send('ok');\n  } catch (err) {\n    res.status(500).send(errorPage('Token exchange failed', err.message));\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 7, suggestions: [{ messageId: 'sendGeneric', output: "const errorPage = (title, details) => '<h1>' + title + '</h1><pre>' + details + '</pre>';\napp.get('/cb', async (req, res) => {\n  try {\n    await exchange(req.query.code);\n    res.send('ok');\n  } catch (err) {\n    console.error('exchange failed', err);\n    res.status(500).send(errorPage('Token exchange failed', 'Internal Server Error'));\n  }\n});" }] }],
    },
    // browserless's server: a class method whose every call hands it a rejection's error
    {
      code: "class HTTPServer {\n  handleErrorRequest(e, res) {\n    this.logger.error(`Error handling request: ${e}`);\n    res.writeHead(500);\n    return res.end(e.toString());\n  }\n  async handleRequest(req, res) {\n    const body = await readBody(req).catch((e) => this.handleErrorRequest(e, res));\n    return this.router.handle(req, res, body).catch((e) => this.handleErrorRequest(e, res));\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: 'sendGeneric', output: "class HTTPServer {\n  handleErrorRequest(e, res) {\n    this.logger.error(`Error handling request: ${e}`);\n    res.writeHead(500);\n    console.error('handleErrorRequest failed', e);\n    return res.end('Internal Server Error');\n  }\n  async handleRequest(req, res) {\n    const body = await readBody(req).catch((e) => this.handleErrorRequest(e, res));\n    return this.router.handle(req, res, body).catch((e) => this.handleErrorRequest(e, res));\n  }\n}" }] }],
    },
    // wiki-server's res.e helper, hung on the response by a middleware and called from catches with the caught error
    {
      code: "app.use((req, res, next) => {\n  res.e = (error, status) => {\n    res.statusCode = status || 500;\n    res.end('Server ' + error);\n  };\n  next();\n});\napp.get('/plugins', async (req, res) => {\n  try {\n    res.send(await fs.promises.readdir(pluginDir));\n  } catch (e) {\n    return res.e(e);\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 4, suggestions: [{ messageId: 'sendGeneric', output: "app.use((req, res, next) => {\n  res.e = (error, status) => {\n    res.statusCode = status || 500;\n    console.error('e failed', error);\n    res.end('Internal Server Error');\n  };\n  next();\n});\napp.get('/plugins', async (req, res) => {\n  try {\n    res.send(await fs.promises.readdir(pluginDir));\n  } catch (e) {\n    return res.e(e);\n  }\n});" }] }],
    },
    // local-mcp-backend's readiness probe: an awaited tagged-template query fails with the database's message
    {
      code: "app.get('/ready', async (req, res) => {\n  try {\n    await prisma.$queryRaw`SELECT 1`;\n    res.json({ status: 'ok' });\n  } catch (error) {\n    res.json({ status: 'error', error: error instanceof Error ? error.message : 'Unknown error' });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "app.get('/ready', async (req, res) => {\n  try {\n    await prisma.$queryRaw`SELECT 1`;\n    res.json({ status: 'ok' });\n  } catch (error) {\n    console.error('code at line 6 failed', error);\n    res.json({ status: 'error', error: 'Internal Server Error' });\n  }\n});" }] }],
    },
    // code-server's error page: compiled code escapes the message through the indirect form `(0, util_1.escapeHtml)(err.message)`
    {
      code: "const util_1 = require('./util');\nconst errorHandler = (err, req, res, next) => {\n  res.status(500);\n  res.send(page\n    .replace(/{{ERROR_TITLE}}/g, '500')\n    .replace(/{{ERROR_BODY}}/g, (0, util_1.escapeHtml)(err.message)));\n};\napp.use(errorHandler);",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "const util_1 = require('./util');\nconst errorHandler = (err, req, res, next) => {\n  res.status(500);\n  console.error('errorHandler failed', err);\n  res.send(page\n    .replace(/{{ERROR_TITLE}}/g, '500')\n    .replace(/{{ERROR_BODY}}/g, (0, util_1.escapeHtml)('Internal Server Error')));\n};\napp.use(errorHandler);" }] }],
    },
  ],
});
