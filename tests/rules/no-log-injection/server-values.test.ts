import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// What the logged value really is (issue 15): a key a found record or a sign-in pinned down, a message from the
// server this process connected to, an object the code builds.
ruleTester.run('no-log-injection (values the server found, received or built)', rule, {
  valid: [
    // Koa: the record looked up by the id was found, or ctx.throw(404) left the handler
    "const Router = require('@koa/router');\nconst router = new Router();\nrouter.post('/tables/:tableId/publish', async (ctx) => {\n  const tableId = ctx.params.tableId;\n  const table = await tables.getTable(tableId);\n  if (!table) {\n    ctx.throw(404, 'Table not found');\n  }\n  try {\n    await copyRows(table);\n  } catch (error) {\n    console.warn(`Failed to copy rows for table ${tableId}`, error);\n  }\n});",
    // a sign-in with the name and password returned the account: the name is a stored one
    "io.on('connection', (socket) => {\n  socket.on('login', async (data, callback) => {\n    const user = await login(data.username, data.password);\n    if (user) {\n      log.info(`Successfully logged in user ${data.username}`);\n      callback({ ok: true });\n    }\n  });\n});",
    // a WebSocket this process opened to a server: what arrives is that server's, not a client's
    "const WebSocket = require('ws');\nconst ws = new WebSocket(url, options);\nws.on('message', function incoming(rawdata) {\n  const data = JSON.parse(rawdata);\n  console.log('Connected to server: ' + data.serverinfo.name);\n});",
    "import { io } from 'socket.io-client';\nconst socket = io('https://hub.example.com');\nsocket.on('job', (job) => {\n  logger.info(`job ${job.name} from hub`);\n});",
    // every choice of the const is an object: console prints it inspected, strings quoted
    "app.post('/generate', (req, res) => {\n  const workflow = JSON.parse(req.body.prompt).prompt;\n  const wrapped = workflow?.input?.workflow ? workflow : { input: { workflow: workflow } };\n  console.debug('ComfyUI request:', wrapped);\n});",
  ],
  invalid: [
    // Koa: without a found record the id stays the client's text
    {
      code: "const Router = require('@koa/router');\nconst router = new Router();\nrouter.post('/tables/:tableId/publish', async (ctx) => {\n  const tableId = ctx.params.tableId;\n  try {\n    await copyRows(tableId);\n  } catch (error) {\n    console.warn(`Failed to copy rows for table ${tableId}`, error);\n  }\n});",
      output: "const Router = require('@koa/router');\nconst router = new Router();\nrouter.post('/tables/:tableId/publish', async (ctx) => {\n  const tableId = ctx.params.tableId;\n  try {\n    await copyRows(tableId);\n  } catch (error) {\n    console.warn('Failed to copy rows for table', { tableId }, error);\n  }\n});",
      errors: [{ messageId: 'injection', line: 8, suggestions: [{ messageId: 'useFields', output: "const Router = require('@koa/router');\nconst router = new Router();\nrouter.post('/tables/:tableId/publish', async (ctx) => {\n  const tableId = ctx.params.tableId;\n  try {\n    await copyRows(tableId);\n  } catch (error) {\n    console.warn('Failed to copy rows for table', { tableId }, error);\n  }\n});" }] }],
    },
    // the sign-in failed: the name is whatever the client sent
    {
      code: "io.on('connection', (socket) => {\n  socket.on('login', async (data, callback) => {\n    const user = await login(data.username, data.password);\n    if (user) {\n      callback({ ok: true });\n    } else {\n      log.warn(`Failed login for ${data.username}`);\n    }\n  });\n});",
      errors: [{ messageId: 'injection', line: 7, suggestions: [{ messageId: 'useFields', output: "io.on('connection', (socket) => {\n  socket.on('login', async (data, callback) => {\n    const user = await login(data.username, data.password);\n    if (user) {\n      callback({ ok: true });\n    } else {\n      log.warn('Failed login for', { username: data.username });\n    }\n  });\n});" }] }],
    },
    // a client's connection to this server
    {
      code: "wss.on('connection', (ws) => {\n  ws.on('message', function incoming(rawdata) {\n    console.log('Unable to parse data: ' + rawdata);\n  });\n});",
      output: "wss.on('connection', (ws) => {\n  ws.on('message', function incoming(rawdata) {\n    console.log('Unable to parse data', { rawdata });\n  });\n});",
      errors: [{ messageId: 'injection', line: 3, suggestions: [{ messageId: 'useFields', output: "wss.on('connection', (ws) => {\n  ws.on('message', function incoming(rawdata) {\n    console.log('Unable to parse data', { rawdata });\n  });\n});" }] }],
    },
    // one choice is the client's text
    {
      code: "app.post('/generate', (req, res) => {\n  const name = req.body.name ? req.body.name : { anonymous: true };\n  console.debug('request by', name);\n});",
      errors: [{ messageId: 'injection', line: 3 }],
    },
  ],
});
