import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// Where else the client sees an error's text: its WebSocket / socket.io / Primus connection, a redirect URL, a flash message in the session, a same-file helper that sends its parameter, a Nest WsException, terminus health causes (issue 18).
ruleTester.run("no-error-details-in-response (client sockets, redirects, session flashes, sending helpers)", rule, {
  valid: [
    // a client socket opened by the code: its writes go to a server
    "const socket = io(serverUrl);\nsocket.on('connect_error', (err) => console.error(err));\nasync function sync() {\n  try {\n    await store.flush();\n  } catch (err) {\n    socket.emit('client-error', { message: err.message });\n  }\n}",
    "const ws = new WebSocket(upstreamUrl);\nasync function push(doc) {\n  try {\n    await cache.put(doc);\n  } catch (err) {\n    ws.send(JSON.stringify({ error: err.message }));\n  }\n}",
    // the client gets a fixed text; the error is logged
    "wss.on('connection', (ws) => {\n  ws.on('message', async (data) => {\n    try {\n      await devices.update(JSON.parse(data));\n    } catch (e) {\n      logger.error({ err: e }, 'update failed');\n      ws.send(JSON.stringify({ error: 'The update failed' }));\n    }\n  });\n});",
    // a redirect without the error
    "app.get('/auth/callback', async (req, res) => {\n  try {\n    await finishLogin(req, res);\n  } catch (err) {\n    req.log.error({ err }, 'login failed');\n    res.redirect('/login?error=oauth_failed');\n  }\n});",
    // a same-file helper given only fixed text
    "app.get('/oidc/callback', async (req, res) => {\n  const redirectWithError = (message) => res.redirect(`/login?message=${encodeURIComponent(message)}`);\n  try {\n    await finishLogin(req, res);\n  } catch (err) {\n    console.error('OIDC callback error:', err);\n    redirectWithError('Authentication failed');\n  }\n});",
    // a same-file helper that logs its parameter and sends nothing
    "function noteFailure(message) {\n  logger.warn(`sync failed: ${message}`);\n}\nasync function run(req, res) {\n  try {\n    await sync();\n  } catch (err) {\n    noteFailure(err.message);\n  }\n  res.sendStatus(204);\n}",
    // a redirect helper given fixed text only
    "const redirectWithPayload = (ctx, callbackUrl, payload) => {\n  const url = new URL(callbackUrl);\n  url.search = new URLSearchParams(payload).toString();\n  ctx.redirect(url.toString());\n};\nmodule.exports = () => async (ctx) => {\n  try {\n    return await handleCallback(ctx);\n  } catch (err) {\n    ctx.log.error({ err }, 'oauth callback failed');\n    return redirectWithPayload(ctx, callbackUrl, { error: 'oauth_error' });\n  }\n};",
    // a helper named for redirecting that does not redirect
    "function redirectTarget(base, message) {\n  return base + '?m=' + message;\n}\napp.get('/x', async (req, res) => {\n  try {\n    await run();\n  } catch (err) {\n    logger.warn(redirectTarget('/login', err.message));\n    res.sendStatus(500);\n  }\n});",
    // a session field that is not a message shown to the user
    "app.post('/login', async (req, res) => {\n  try {\n    req.session.user = await users.login(req.body);\n  } catch (err) {\n    req.session.lastError = err;\n    req.log.warn({ err }, 'login failed');\n  }\n  res.redirect('/');\n});",
    // a flash message of fixed text
    "exp.addCollection = async function (req, res) {\n  try {\n    await req.db.createCollection(req.body.name);\n    req.session.success = 'Collection created!';\n  } catch (error) {\n    console.error(error);\n    req.session.error = 'Could not create the collection';\n  }\n  res.redirect('back');\n};",
    // a WsException with the app's own text
    "import { WsException } from '@nestjs/websockets';\n\nexport class ChatGateway {\n  async join(client, room) {\n    try {\n      return await this.rooms.join(client, room);\n    } catch (e) {\n      this.logger.error(e);\n      return new WsException('Could not join the room');\n    }\n  }\n}",
    // an emit on a socket whose event payload carries no error text
    "io.on('connection', (socket) => {\n  socket.on('save', async (doc) => {\n    try {\n      await docs.save(doc);\n      socket.emit('saved', { ok: true });\n    } catch (err) {\n      logger.error(err);\n      socket.emit('saved', { ok: false, code: err.code });\n    }\n  });\n});",
  ],
  invalid: [
    // a Primus spark handed to a helper: the error of a PUT handler written to the client (signalk)
    {
      code: "function processPutRequest(app, spark, msg) {\n  putPath(app, msg.put.path, msg.put).catch((err) => {\n    console.error(err);\n    spark.write({ requestId: msg.requestId, statusCode: 502, message: err.message });\n  });\n}",
      errors: [
        { messageId: "detailsInResponse", line: 4, suggestions: [{ messageId: "sendGeneric", output: "function processPutRequest(app, spark, msg) {\n  putPath(app, msg.put.path, msg.put).catch((err) => {\n    console.error(err);\n    spark.write({ requestId: msg.requestId, statusCode: 502, message: 'Internal Server Error' });\n  });\n}" }] },
      ],
    },
    // socket.io: a connection listener's socket emits the error
    {
      code: "io.on('connection', (socket) => {\n  socket.on('install', (name) => {\n    installer.install(name, (err) => {\n      socket.emit('finished:install', { plugin: name, error: err ? err.message : null });\n    });\n  });\n});",
      errors: [
        { messageId: "detailsInResponse", line: 4, suggestions: [{ messageId: "sendGeneric", output: "io.on('connection', (socket) => {\n  socket.on('install', (name) => {\n    installer.install(name, (err) => {\n      console.error('installer.install failed', err);\n      socket.emit('finished:install', { plugin: name, error: 'Internal Server Error' });\n    });\n  });\n});" }] },
      ],
    },
    // ws: an alias of the connection parameter
    {
      code: "wss.on('connection', (connection) => {\n  const ws = connection;\n  ws.on('message', async (data) => {\n    try {\n      await devices.update(JSON.parse(data));\n    } catch (e) {\n      ws.send(JSON.stringify({ error: e.message }));\n    }\n  });\n});",
      errors: [
        { messageId: "detailsInResponse", line: 7, suggestions: [{ messageId: "sendGeneric", output: "wss.on('connection', (connection) => {\n  const ws = connection;\n  ws.on('message', async (data) => {\n    try {\n      await devices.update(JSON.parse(data));\n    } catch (e) {\n      console.error('devices.update failed', e);\n      ws.send(JSON.stringify({ error: 'Internal Server Error' }));\n    }\n  });\n});" }] },
      ],
    },
    // a NestJS gateway returns a WsException with the message (homebridge)
    {
      code: "import { WebSocketGateway, WsException } from '@nestjs/websockets';\n\n@WebSocketGateway()\nexport class StatusGateway {\n  async getDashboardLayout() {\n    try {\n      return await this.statusService.getDashboardLayout();\n    } catch (e) {\n      return new WsException(e.message);\n    }\n  }\n}",
      errors: [
        { messageId: "detailsInResponse", line: 9, suggestions: [{ messageId: "sendGeneric", output: "import { WebSocketGateway, WsException } from '@nestjs/websockets';\n\n@WebSocketGateway()\nexport class StatusGateway {\n  async getDashboardLayout() {\n    try {\n      return await this.statusService.getDashboardLayout();\n    } catch (e) {\n      console.error('statusService.getDashboardLayout failed', e);\n      return new WsException('Internal Server Error');\n    }\n  }\n}" }] },
      ],
    },
    // a redirect URL carrying the error text (node-red's strategy error handler)
    {
      code: "function handleStrategyError(err, req, res, next) {\n  if (res.headersSent) {\n    return next(err);\n  }\n  res.redirect(settings.httpAdminRoot + '?session_message=' + err.toString());\n}\napp.get('/auth/callback', passport.authenticate('oauth'), complete, handleStrategyError);",
      errors: [
        { messageId: "detailsInResponse", line: 5 },
      ],
    },
    // Koa: ctx.redirect with the message
    {
      code: "router.get('/connect/callback', async (ctx) => {\n  try {\n    await exchangeCode(ctx.query.code);\n  } catch (err) {\n    ctx.redirect(`/login?error=${encodeURIComponent(err.message)}`);\n  }\n});",
      errors: [
        { messageId: "detailsInResponse", line: 5 },
      ],
    },
    // a same-file helper whose body redirects with its parameter (signalk's OIDC callback)
    {
      code: "app.get('/oidc/callback', async (req, res) => {\n  const redirectWithError = (message) => {\n    const errorParam = encodeURIComponent(message);\n    res.redirect(`/admin/#/login?oidcError=true&message=${errorParam}`);\n  };\n  try {\n    await finishLogin(req, res);\n  } catch (err) {\n    console.error('OIDC callback error:', err);\n    redirectWithError(err instanceof Error ? err.message : 'Authentication failed');\n  }\n});",
      errors: [
        { messageId: "detailsInResponse", line: 10, suggestions: [{ messageId: "sendGeneric", output: "app.get('/oidc/callback', async (req, res) => {\n  const redirectWithError = (message) => {\n    const errorParam = encodeURIComponent(message);\n    res.redirect(`/admin/#/login?oidcError=true&message=${errorParam}`);\n  };\n  try {\n    await finishLogin(req, res);\n  } catch (err) {\n    console.error('OIDC callback error:', err);\n    redirectWithError('Internal Server Error');\n  }\n});" }] },
      ],
    },
    // a helper named for redirecting that builds the URL from an object of parameters (Strapi's OAuth connect)
    {
      code: "const redirectWithPayload = (ctx, callbackUrl, payload) => {\n  const url = new URL(callbackUrl);\n  const params = new URLSearchParams();\n  Object.entries(payload).forEach(([key, value]) => params.set(key, String(value)));\n  url.search = params.toString();\n  ctx.redirect(url.toString());\n};\nmodule.exports = () => async (ctx) => {\n  try {\n    return await handleCallback(ctx);\n  } catch (err) {\n    return redirectWithPayload(ctx, callbackUrl, { error: 'oauth_error', error_description: err.message });\n  }\n};",
      errors: [
        { messageId: "detailsInResponse", line: 12, suggestions: [{ messageId: "sendGeneric", output: "const redirectWithPayload = (ctx, callbackUrl, payload) => {\n  const url = new URL(callbackUrl);\n  const params = new URLSearchParams();\n  Object.entries(payload).forEach(([key, value]) => params.set(key, String(value)));\n  url.search = params.toString();\n  ctx.redirect(url.toString());\n};\nmodule.exports = () => async (ctx) => {\n  try {\n    return await handleCallback(ctx);\n  } catch (err) {\n    console.error('handleCallback failed', err);\n    return redirectWithPayload(ctx, callbackUrl, { error: 'oauth_error', error_description: 'Internal Server Error' });\n  }\n};" }] },
      ],
    },
    // a session flash message with the driver error (mongo-express)
    {
      code: "exp.addCollection = async function (req, res) {\n  await req.db.createCollection(req.body.name).then(() => {\n    res.redirect('back');\n  }).catch((error) => {\n    console.error('Could not create collection. Err:' + error);\n    req.session.error = 'Could not create collection. Err:' + error;\n    res.redirect('back');\n  });\n};",
      errors: [
        { messageId: "detailsInResponse", line: 6, suggestions: [{ messageId: "sendGeneric", output: "exp.addCollection = async function (req, res) {\n  await req.db.createCollection(req.body.name).then(() => {\n    res.redirect('back');\n  }).catch((error) => {\n    console.error('Could not create collection. Err:' + error);\n    console.error('db.createCollection failed', error);\n    req.session.error = 'Internal Server Error';\n    res.redirect('back');\n  });\n};" }] },
      ],
    },
    // terminus: the causes of a HealthCheckError (vendure's database health indicator)
    {
      code: "import { HealthCheckError } from '@nestjs/terminus';\n\nexport async function pingCheck(key) {\n  try {\n    await connection.query('SELECT 1');\n    return { [key]: { status: 'up' } };\n  } catch (err) {\n    const message = err.message;\n    throw new HealthCheckError(message, { [key]: { status: 'down', message } });\n  }\n}",
      errors: [
        { messageId: "detailsInResponse", line: 9, suggestions: [{ messageId: "sendGeneric", output: "import { HealthCheckError } from '@nestjs/terminus';\n\nexport async function pingCheck(key) {\n  try {\n    await connection.query('SELECT 1');\n    return { [key]: { status: 'up' } };\n  } catch (err) {\n    const message = err.message;\n    console.error('connection.query failed', err);\n    throw new HealthCheckError(message, { [key]: { status: 'down', message: 'Service Unavailable' } });\n  }\n}" }] },
      ],
    },
  ],
});
