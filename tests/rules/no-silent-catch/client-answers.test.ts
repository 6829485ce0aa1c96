import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * A failure told only to the client over its WebSocket / socket.io connection (issue 18: a Nest
 * gateway's `client.emit('accessory-control-failure', e.message)`, trimmed from homebridge-config-ui-x):
 * the client sees it, the operators do not — an answer like a 5xx response, not an error handed on.
 * The connection must be one the code was handed (a 'connection' listener's socket, a gateway
 * method's client); writing to a connection the code opened hands the error on to another service.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (errors told to the client over a socket)', rule, {
  valid: [
    "// the client is told, without the error, that its message was not JSON: a probe\nio.on('connection', (socket) => {\n  socket.on('cmd', (raw) => {\n    let cmd;\n    try {\n      cmd = JSON.parse(raw);\n    } catch {\n      socket.emit('bad-request');\n      return;\n    }\n    run(cmd);\n  });\n});",
    "// a connection the code opened itself: writing to it hands the error on to another service\nconst socket = io(process.env.EVENTS_URL);\nasync function publish(event) {\n  try {\n    await store.save(event);\n  } catch (err) {\n    socket.emit('store-failed', { id: event.id, message: err.message });\n  }\n}",
    "// a method without @SubscribeMessage: `client` is no client connection, the error is handed on\nclass Forwarder {\n  forward(client, job) {\n    this.queue.add(job).catch((e) => {\n      client.emit('job-failed', e);\n    });\n  }\n}",
    "// logged and told to the client\nio.on('connection', (socket) => {\n  socket.on('load-board', async (boardId) => {\n    try {\n      socket.emit('board', await db.boards.findById(boardId));\n    } catch (err) {\n      logger.error({ err, boardId }, 'loading a board failed');\n      socket.emit('load-failed', { message: 'Could not load the board' });\n    }\n  });\n});",
  ],
  invalid: [
    {
      "code": "// a failure told only to the client over its socket (a Nest gateway's client)\nclass AccessoriesGateway {\n  connect(client, payload) {\n    this.accessoriesService.connect(client).catch((e) => {\n      client.emit('accessory-control-failure', e.message);\n    });\n  }\n}\n__decorate([(0, websockets_1.SubscribeMessage)('get-accessories')], AccessoriesGateway.prototype, \"connect\", null);\n",
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logIt",
              "output": "// a failure told only to the client over its socket (a Nest gateway's client)\nclass AccessoriesGateway {\n  connect(client, payload) {\n    this.accessoriesService.connect(client).catch((e) => {\n      console.error('accessoriesService.connect failed', e);\n      client.emit('accessory-control-failure', e.message);\n    });\n  }\n}\n__decorate([(0, websockets_1.SubscribeMessage)('get-accessories')], AccessoriesGateway.prototype, \"connect\", null);\n"
            }
          ]
        }
      ]
    },
    {
      "code": "// a socket.io message handler that tells only the client that the database failed\nio.on('connection', (socket) => {\n  socket.on('load-board', async (boardId) => {\n    try {\n      const board = await db.boards.findById(boardId);\n      socket.emit('board', board);\n    } catch (err) {\n      socket.emit('load-failed', { message: err.message });\n    }\n  });\n});\n",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logIt",
              "output": "// a socket.io message handler that tells only the client that the database failed\nio.on('connection', (socket) => {\n  socket.on('load-board', async (boardId) => {\n    try {\n      const board = await db.boards.findById(boardId);\n      socket.emit('board', board);\n    } catch (err) {\n      console.error('boards.findById failed', err);\n      socket.emit('load-failed', { message: err.message });\n    }\n  });\n});\n"
            },
            {
              "messageId": "rethrow",
              "output": "// a socket.io message handler that tells only the client that the database failed\nio.on('connection', (socket) => {\n  socket.on('load-board', async (boardId) => {\n    try {\n      const board = await db.boards.findById(boardId);\n      socket.emit('board', board);\n    } catch (err) {\n      socket.emit('load-failed', { message: err.message });\n      throw err;\n    }\n  });\n});\n"
            }
          ]
        }
      ]
    },
    {
      "code": "// a Nest gateway whose client parameter is marked @ConnectedSocket()\n@WebSocketGateway()\nexport class LogsGateway {\n  @SubscribeMessage('tail-log')\n  async tail(@MessageBody() payload: TailRequest, @ConnectedSocket() client: Socket) {\n    try {\n      await this.logsService.tail(payload.file, client);\n    } catch (e) {\n      client.emit('tail-failed', e.message);\n    }\n  }\n}\n",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logIt",
              "output": "// a Nest gateway whose client parameter is marked @ConnectedSocket()\n@WebSocketGateway()\nexport class LogsGateway {\n  @SubscribeMessage('tail-log')\n  async tail(@MessageBody() payload: TailRequest, @ConnectedSocket() client: Socket) {\n    try {\n      await this.logsService.tail(payload.file, client);\n    } catch (e) {\n      console.error('logsService.tail failed', e);\n      client.emit('tail-failed', e.message);\n    }\n  }\n}\n"
            },
            {
              "messageId": "rethrow",
              "output": "// a Nest gateway whose client parameter is marked @ConnectedSocket()\n@WebSocketGateway()\nexport class LogsGateway {\n  @SubscribeMessage('tail-log')\n  async tail(@MessageBody() payload: TailRequest, @ConnectedSocket() client: Socket) {\n    try {\n      await this.logsService.tail(payload.file, client);\n    } catch (e) {\n      client.emit('tail-failed', e.message);\n      throw e;\n    }\n  }\n}\n"
            }
          ]
        }
      ]
    },
  ],
});
