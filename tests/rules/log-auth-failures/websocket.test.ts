import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Issue 18: refused WebSocket and socket.io connections are auth failures too — a close with an
 * auth code or reason, an upgrade answered 401/403, socket.io middleware refusing the handshake with
 * an auth error, an 'unauthorized' event told to the client, and a bare 1008 or a disconnect after a
 * failed credential check. Shapes trimmed from
 * n8n and Directus.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (WebSocket refusals)', rule, {
  valid: [
    "// the failed current-password check is logged before the socket is answered\nio.on('connection', (socket) => {\n  socket.on('change-password', (data) => {\n    helper.password.compare(data.old_password || '', client.config.password).then((matching) => {\n      if (!matching) {\n        log.warn(`Password change refused for ${client.name}`);\n        socket.emit('change-password', { error: 'password_incorrect', success: false });\n        return;\n      }\n      client.setPassword(helper.password.hash(data.new_password));\n    });\n  });\n});",
    "// an event answering a mismatch of the two new passwords: input validation, no credential was checked\nio.on('connection', (socket) => {\n  socket.on('change-password', (data) => {\n    if (data.new_password !== data.verify_password) {\n      socket.emit('change-password', { error: 'mismatch', success: false });\n      return;\n    }\n    client.setPassword(helper.password.hash(data.new_password));\n  });\n});",
    // the refusal is logged first
    "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ noServer: true });\nwss.on('connection', (ws, req) => {\n  const token = new URL(req.url, 'http://localhost').searchParams.get('token');\n  if (!sessions.isValidToken(token)) {\n    logger.warn({ ip: req.socket.remoteAddress }, 'websocket auth failed');\n    ws.close(4003, 'Invalid auth token');\n    return;\n  }\n  attach(ws);\n});",
    // a bare 1008 for missing input (n8n chat: no session or execution id) is not an auth failure
    "wss.on('connection', (ws, req) => {\n  const { sessionId, executionId } = parse(req.url);\n  if (!sessionId || !executionId) {\n    ws.close(1008);\n    return;\n  }\n  attach(ws);\n});",
    // a client leaving is not a refusal
    "io.on('connection', (socket) => {\n  socket.on('leave', () => {\n    socket.disconnect(true);\n  });\n});",
    // closing every client at shutdown is not a refusal
    "process.on('SIGTERM', () => {\n  for (const ws of wss.clients) ws.close(1001, 'Server shutting down');\n});",
    "// the failed token check logs before it disconnects\nio.on('connection', (socket) => {\n  try {\n    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);\n  } catch (err) {\n    logger.warn({ ip: socket.handshake.address, reason: 'invalid_token' }, 'socket.io connection refused');\n    socket.disconnect(true);\n    return;\n  }\n  attach(socket);\n});",
    "// the failed token check is logged before the client is told\nio.on('connection', (socket) => {\n  socket.on('authenticate', (token) => {\n    try {\n      socket.userId = jwt.verify(token, process.env.JWT_SECRET).id;\n    } catch (err) {\n      logger.warn({ reason: 'invalid_token', ip: socket.handshake.address }, 'socket authentication failed');\n      socket.emit('unauthorized');\n    }\n  });\n});",
    "// an 'unauthorized' event sent to every new client starts the app's auth handshake: nothing was refused yet\nio.on('connection', (socket) => {\n  socket.emit('unauthorized', 0);\n  socket.on('login', (data) => attach(socket, data));\n});",
    "// a room limit is no access control\nio.on('connection', (socket) => {\n  socket.on('join', (room) => {\n    if (rooms.size >= MAX_ROOMS) {\n      socket.emit('forbidden', 'Too many rooms');\n      return;\n    }\n    socket.join(room);\n  });\n});",
    // socket.io middleware refusing for load, not auth
    "io.use((socket, next) => {\n  if (connections.size > MAX_CONNECTIONS) return next(new Error('server busy'));\n  next();\n});",
    // Primus authorize and ws verifyClient
    `const jwt = require('jsonwebtoken');
const log = require('./log');

function createAuthorize(authorizeRequest) {
  return function (req, authorized) {
    try {
      authorizeRequest(req);
      authorized();
    } catch (error) {
      if (error instanceof jwt.JsonWebTokenError || error instanceof jwt.TokenExpiredError) {
        log.warn(\`WebSocket connection refused from \${req.socket.remoteAddress}: \${error.message}\`);
        authorized(error);
      } else {
        authorized();
      }
    }
  };
}
primus.authorize(createAuthorize(security.authorizeWS));`,
    `// a connection limit refused through the authorizer is no auth failure
primus.authorize(function (req, authorized) {
  const ip = req.socket.remoteAddress;
  if ((connectionCounts.get(ip) ?? 0) >= maxConnectionsPerIp) {
    const err = Object.assign(new Error('Too many concurrent connections'), { statusCode: 429 });
    authorized(err);
    return;
  }
  authorized();
});`,
    `const { WebSocketServer } = require('ws');
const logger = require('./logger');

const wss = new WebSocketServer({
  server,
  verifyClient: (info, cb) => {
    const token = new URL(info.req.url, 'http://localhost').searchParams.get('token');
    if (!token || !sessions.has(token)) {
      logger.warn({ ip: info.req.socket.remoteAddress }, 'websocket upgrade refused: invalid session token');
      return cb(false, 401, 'Unauthorized');
    }
    if (wss.clients.size >= MAX_CLIENTS) return cb(false, 503, 'Server busy');
    cb(true);
  },
});`,
    "// the refused access check is logged before the socket is answered\nio.on('connection', (socket) => {\n  socket.on('message', async (message) => {\n    const { accessStatus } = await securityManager.checkAccess(message.padId, message.token, socket.request.session.user);\n    if (accessStatus !== 'grant') {\n      logger.warn({ ip: socket.request.ip, accessStatus }, 'pad access refused');\n      socket.json.send({ accessStatus });\n      return;\n    }\n    handle(socket, message);\n  });\n});",
    "// an error message about a missing path is no refusal\nprimus.on('connection', (spark) => {\n  spark.on('data', (msg) => {\n    if (!tree.has(msg.path)) {\n      spark.write({ errorMessage: 'Path not found' });\n      return;\n    }\n    subscribe(spark, msg);\n  });\n});",
    "// a refusal text chosen by a room limit is no access control\nio.on('connection', (socket) => {\n  socket.on('join', (room) => {\n    if (rooms.size >= MAX_ROOMS) {\n      socket.emit('join-result', { error: 'Not authorized to create more rooms than the server limit' , limit: MAX_ROOMS });\n      return;\n    }\n    socket.join(room);\n  });\n});",
  ],
  invalid: [
    {
      code: "// socket.io: a password change whose current-password check fails is answered with the event's error, no log\nio.on('connection', (socket) => {\n  socket.on('change-password', (data) => {\n    helper.password.compare(data.old_password || '', client.config.password).then((matching) => {\n      if (!matching) {\n        socket.emit('change-password', { error: 'password_incorrect', success: false });\n        return;\n      }\n      client.setPassword(helper.password.hash(data.new_password));\n    });\n  });\n});",
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// socket.io: a password change whose current-password check fails is answered with the event's error, no log\nio.on('connection', (socket) => {\n  socket.on('change-password', (data) => {\n    helper.password.compare(data.old_password || '', client.config.password).then((matching) => {\n      if (!matching) {\n        console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });\n        socket.emit('change-password', { error: 'password_incorrect', success: false });\n        return;\n      }\n      client.setPassword(helper.password.hash(data.new_password));\n    });\n  });\n});" }] }],
    },
    // ws: close 4003 after a failed token check (n8n browser-session upgrade)
    {
      "code": "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ noServer: true });\nwss.on('connection', (ws, req) => {\n  const token = new URL(req.url, 'http://localhost').searchParams.get('token');\n  if (!sessions.isValidToken(token)) {\n    ws.close(4003, 'Invalid auth token');\n    return;\n  }\n  attach(ws);\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ noServer: true });\nwss.on('connection', (ws, req) => {\n  const token = new URL(req.url, 'http://localhost').searchParams.get('token');\n  if (!sessions.isValidToken(token)) {\n    console.warn('Access denied', { reason: 'forbidden' });\n    ws.close(4003, 'Invalid auth token');\n    return;\n  }\n  attach(ws);\n});"
            }
          ]
        }
      ]
    },
    // socket.io middleware: next(new Error('unauthorized')) in the catch of jwt.verify
    {
      "code": "io.use((socket, next) => {\n  try {\n    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);\n    next();\n  } catch (err) {\n    next(new Error('unauthorized'));\n  }\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "io.use((socket, next) => {\n  try {\n    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);\n    next();\n  } catch (err) {\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });\n    next(new Error('unauthorized'));\n  }\n});"
            }
          ]
        }
      ]
    },
    // raw upgrade answered 401 (Directus websocket controller)
    {
      "code": "server.on('upgrade', async (request, socket, head) => {\n  const user = await authenticate(request.headers.authorization);\n  if (!user) {\n    socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');\n    socket.destroy();\n    return;\n  }\n  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "server.on('upgrade', async (request, socket, head) => {\n  const user = await authenticate(request.headers.authorization);\n  if (!user) {\n    console.warn('Authentication failed', { reason: 'unauthorized' });\n    socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');\n    socket.destroy();\n    return;\n  }\n  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));\n});"
            }
          ]
        }
      ]
    },
    // ws: a bare 1008 after a failed timingSafeEqual token check (n8n chat resume token)
    {
      "code": "wss.on('connection', async (ws, req) => {\n  const execution = await executions.find(req.query.executionId);\n  if (!req.query.token || !crypto.timingSafeEqual(Buffer.from(req.query.token), Buffer.from(execution.resumeToken))) {\n    ws.send('Connection rejected');\n    ws.close(1008);\n    return;\n  }\n  attach(ws, execution);\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "wss.on('connection', async (ws, req) => {\n  const execution = await executions.find(req.query.executionId);\n  if (!req.query.token || !crypto.timingSafeEqual(Buffer.from(req.query.token), Buffer.from(execution.resumeToken))) {\n    ws.send('Connection rejected');\n    console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials' });\n    ws.close(1008);\n    return;\n  }\n  attach(ws, execution);\n});"
            }
          ]
        }
      ]
    },
    {
      code: "// socket.io: a connection whose token fails to verify is disconnected\nio.on('connection', (socket) => {\n  try {\n    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);\n  } catch (err) {\n    socket.disconnect(true);\n    return;\n  }\n  attach(socket);\n});",
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// socket.io: a connection whose token fails to verify is disconnected\nio.on('connection', (socket) => {\n  try {\n    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);\n  } catch (err) {\n    console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });\n    socket.disconnect(true);\n    return;\n  }\n  attach(socket);\n});" }] }],
    },
    // socket.io: an 'unauthorized' event told to the client (issue 18)
    {
      code: "// socket.io: the token sent in an 'authenticate' message fails to verify, and the client is told so\nio.on('connection', (socket) => {\n  socket.on('authenticate', (token) => {\n    try {\n      socket.userId = jwt.verify(token, process.env.JWT_SECRET).id;\n      socket.emit('authenticated');\n    } catch (err) {\n      socket.emit('unauthorized');\n    }\n  });\n});",
      errors: [{ messageId: 'unlogged', line: 8, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// socket.io: the token sent in an 'authenticate' message fails to verify, and the client is told so\nio.on('connection', (socket) => {\n  socket.on('authenticate', (token) => {\n    try {\n      socket.userId = jwt.verify(token, process.env.JWT_SECRET).id;\n      socket.emit('authenticated');\n    } catch (err) {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });\n      socket.emit('unauthorized');\n    }\n  });\n});" }] }],
    },
    {
      code: "// socket.io: an event refused to a device that may not send it\nconst handlerWithAuth = (socket, eventName, handler) => {\n  socket.on(eventName, async (payload, ack) => {\n    const { authz } = await authorizeDevice(socket.decoded_token.sub, eventName);\n    if (!authz) {\n      socket.emit('unauthorized', 'You are not authorized.');\n      return;\n    }\n    handler(payload, ack);\n  });\n};",
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// socket.io: an event refused to a device that may not send it\nconst handlerWithAuth = (socket, eventName, handler) => {\n  socket.on(eventName, async (payload, ack) => {\n    const { authz } = await authorizeDevice(socket.decoded_token.sub, eventName);\n    if (!authz) {\n      console.warn('Authentication failed', { reason: 'unauthorized' });\n      socket.emit('unauthorized', 'You are not authorized.');\n      return;\n    }\n    handler(payload, ack);\n  });\n};" }] }],
    },
    {
      code: "// socket.io: a room the caller is no member of, refused with an 'auth_error' event\nio.on('connection', (socket) => {\n  socket.on('join', async (room) => {\n    const member = await Rooms.isMember(room, socket.userId);\n    if (!member) {\n      socket.emit('auth_error', 'not a member');\n      return;\n    }\n    socket.join(room);\n  });\n});",
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// socket.io: a room the caller is no member of, refused with an 'auth_error' event\nio.on('connection', (socket) => {\n  socket.on('join', async (room) => {\n    const member = await Rooms.isMember(room, socket.userId);\n    if (!member) {\n      console.warn('Authentication failed', { reason: 'unauthorized' });\n      socket.emit('auth_error', 'not a member');\n      return;\n    }\n    socket.join(room);\n  });\n});" }] }],
    },
    {
      code: `const jwt = require('jsonwebtoken');
const Primus = require('primus');

function createAuthorize(authorizeRequest) {
  return function (req, authorized) {
    if (!authorizeRequest) {
      authorized();
      return;
    }
    try {
      authorizeRequest(req);
      authorized();
    } catch (error) {
      if (error instanceof jwt.JsonWebTokenError || error instanceof jwt.TokenExpiredError) {
        authorized(error);
      } else {
        authorized();
      }
    }
  };
}

function start(server, security) {
  const primus = new Primus(server, { transformer: 'websockets' });
  primus.authorize(createAuthorize(security.authorizeWS));
  return primus;
}
module.exports = { start };`,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 15,
          suggestions: [
            { messageId: 'logFailure', data: {"call":"console.warn"}, output: `const jwt = require('jsonwebtoken');
const Primus = require('primus');

function createAuthorize(authorizeRequest) {
  return function (req, authorized) {
    if (!authorizeRequest) {
      authorized();
      return;
    }
    try {
      authorizeRequest(req);
      authorized();
    } catch (error) {
      if (error instanceof jwt.JsonWebTokenError || error instanceof jwt.TokenExpiredError) {
        console.warn('Authentication failed', { reason: 'unauthorized' });
        authorized(error);
      } else {
        authorized();
      }
    }
  };
}

function start(server, security) {
  const primus = new Primus(server, { transformer: 'websockets' });
  primus.authorize(createAuthorize(security.authorizeWS));
  return primus;
}
module.exports = { start };` },
          ],
        },
      ],
    },
    {
      code: `const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({
  server,
  verifyClient: (info, cb) => {
    const token = new URL(info.req.url, 'http://localhost').searchParams.get('token');
    if (!token || !sessions.has(token)) return cb(false, 401, 'Unauthorized');
    cb(true);
  },
});`,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            { messageId: 'logFailure', data: {"call":"console.warn"}, output: `const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({
  server,
  verifyClient: (info, cb) => {
    const token = new URL(info.req.url, 'http://localhost').searchParams.get('token');
    if (!token || !sessions.has(token)) {
      console.warn('Authentication failed', { reason: 'unauthorized' });
      return cb(false, 401, 'Unauthorized');
    }
    cb(true);
  },
});` },
          ],
        },
      ],
    },
    {
      code: "// socket.io message handler: an access check that fails is answered on the socket, no log\nio.on('connection', (socket) => {\n  socket.on('message', async (message) => {\n    const { accessStatus } = await securityManager.checkAccess(message.padId, message.token, socket.request.session.user);\n    if (accessStatus !== 'grant') {\n      socket.json.send({ accessStatus });\n      return;\n    }\n    handle(socket, message);\n  });\n});",
      errors: [{"messageId":"unlogged","line":6,"suggestions":[{"messageId":"logFailure","data":{"call":"console.warn"},"output":"// socket.io message handler: an access check that fails is answered on the socket, no log\nio.on('connection', (socket) => {\n  socket.on('message', async (message) => {\n    const { accessStatus } = await securityManager.checkAccess(message.padId, message.token, socket.request.session.user);\n    if (accessStatus !== 'grant') {\n      console.warn('Access denied', { reason: 'forbidden' });\n      socket.json.send({ accessStatus });\n      return;\n    }\n    handle(socket, message);\n  });\n});"}]}],
    },
    {
      code: "// Primus: a non-admin subscribing to the server log is refused with a message and a debug line\nprimus.on('connection', (spark) => {\n  spark.on('data', (msg) => {\n    if (!security.hasAdminAccess(spark.request)) {\n      debug('log subscription denied: admin access required');\n      spark.write({ errorMessage: 'Server log access requires admin permissions' });\n      return;\n    }\n    subscribe(spark, msg);\n  });\n});",
      errors: [{"messageId":"unlogged","line":6,"suggestions":[{"messageId":"logFailure","data":{"call":"console.warn"},"output":"// Primus: a non-admin subscribing to the server log is refused with a message and a debug line\nprimus.on('connection', (spark) => {\n  spark.on('data', (msg) => {\n    if (!security.hasAdminAccess(spark.request)) {\n      debug('log subscription denied: admin access required');\n      console.warn('Access denied', { reason: 'forbidden' });\n      spark.write({ errorMessage: 'Server log access requires admin permissions' });\n      return;\n    }\n    subscribe(spark, msg);\n  });\n});"}]}],
    },
  ],
});
