import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// A function named for handling a connection's message, given (socket, message), reads client text; a value the code reads fields off is an object and prints [object Object] (issue 18).
ruleTester.run("no-log-injection (message handlers of a connection, objects read as objects)", rule, {
  valid: [
    // the message is an object (the code reads fields off it): put into text it prints [object Object]
    "exports.handleMessage = async (socket, message) => {\n  if (message.type === 'COLLABROOM') return;\n  messageLogger.warn(`Dropped message ${message}`);\n};",
    // a field the code reads further fields off
    "exports.handleMessage = async (socket, message) => {\n  if (!message.data.userInfo) return;\n  messageLogger.warn(`Dropped USERINFO_UPDATE ${message.data}`);\n};",
    // not named for a message: its parameters may be anything
    "exports.broadcast = async (socket, message) => {\n  logger.info(`broadcasting ${message.type}`);\n};",
    // a handler whose first parameter is not a connection
    "function handleMessage(queue, message) {\n  logger.info(`job ${message.name}`);\n}",
    // the connection itself is not client text
    "exports.handleMessage = async (socket, message) => {\n  logger.info(`message on ${socket.id}`);\n};",
  ],
  invalid: [
    // an exported message handler taking the connection and its message (etherpad's PadMessageHandler, called from the socket router in another file)
    {
      code: "exports.handleMessage = async (socket, message) => {\n  if (message.type === 'COLLABROOM') {\n    await handleCollabRoom(socket, message);\n  } else {\n    messageLogger.warn(`Dropped message, unknown Message Type ${message.type}`);\n  }\n};",
      errors: [
        { messageId: "injection", line: 5, suggestions: [{ messageId: "useFields", output: "exports.handleMessage = async (socket, message) => {\n  if (message.type === 'COLLABROOM') {\n    await handleCollabRoom(socket, message);\n  } else {\n    messageLogger.warn('Dropped message, unknown Message Type', { type: message.type });\n  }\n};" }] },
      ],
    },
    // a class method named for a client message, (client, msg)
    {
      code: "class Router {\n  onClientMessage(client, msg) {\n    logger.info(`message for room ${msg.room}`);\n  }\n}",
      errors: [
        { messageId: "injection", line: 3, suggestions: [{ messageId: "useFields", output: "class Router {\n  onClientMessage(client, msg) {\n    logger.info('message for room', { room: msg.room });\n  }\n}" }] },
      ],
    },
  ],
});
