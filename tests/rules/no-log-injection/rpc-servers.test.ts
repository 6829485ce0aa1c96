import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// Plain RPC servers (issue 18): the methods of a gRPC server's implementation object take the call, whose
// `.request` is the client's message; a jayson JSON-RPC method takes the client's params first.
ruleTester.run('no-log-injection (gRPC and jayson server methods)', rule, {
  valid: [
    // the call's peer address, its cancelled flag and its metadata are not message text
    "const grpc = require('@grpc/grpc-js');\nconst server = new grpc.Server();\nserver.addService(proto.Greeter.service, {\n  sayHello(call, callback) {\n    logger.info(`call from ${call.getPeer()} cancelled=${call.cancelled} agent=${call.metadata.get('user-agent')}`);\n    callback(null, { message: 'hi' });\n  },\n});",
    // a number made of the message
    "const grpc = require('@grpc/grpc-js');\nserver.addService(proto.Store.service, {\n  getItem(call, callback) {\n    logger.info(`item ${Number(call.request.id)}`);\n  },\n});",
    // an object with the same method shape handed to something that is no gRPC server
    "registry.addService('mailer', {\n  send(call, callback) {\n    logger.info(`mail to ${call.request.to}`);\n  },\n});",
    "plugins.register({\n  sayHello(call) {\n    logger.info(`hello ${call.request.name}`);\n  },\n});",
    // the message object itself prints [object Object]
    "const grpc = require('@grpc/grpc-js');\nserver.addService(proto.Greeter.service, {\n  sayHello(call, callback) {\n    logger.info(`hello ${call.request}`);\n  },\n});",
    // jayson: the callback is no input; a Server of another module is no jayson server
    "const jayson = require('jayson');\nconst server = new jayson.Server({\n  add(args, callback) {\n    logger.info(`add called, callback ${callback.name}`);\n  },\n});",
    "const { Server } = require('./rpc');\nconst server = new Server({\n  add(args, callback) {\n    logger.info(`add ${args[0]}`);\n  },\n});",
  ],
  invalid: [
    // @grpc/grpc-js, an inline implementation object
    {
      code: "const grpc = require('@grpc/grpc-js');\nconst server = new grpc.Server();\nserver.addService(proto.Greeter.service, {\n  sayHello(call, callback) {\n    logger.info(`hello ${call.request.name}`);\n    callback(null, { message: 'hi' });\n  },\n});",
      errors: [{ messageId: 'injection', line: 5, suggestions: [{ messageId: 'useFields', output: "const grpc = require('@grpc/grpc-js');\nconst server = new grpc.Server();\nserver.addService(proto.Greeter.service, {\n  sayHello(call, callback) {\n    logger.info('hello', { name: call.request.name });\n    callback(null, { message: 'hi' });\n  },\n});" }] }],
    },
    // legacy grpc, functions named in the object, a destructured request
    {
      code: "const grpc = require('grpc');\nfunction sayHello(call, callback) {\n  console.log('Greeting ' + call.request.name);\n  callback(null, {});\n}\nfunction sayBye({ request }, callback) {\n  log.warn(`bye ${request.name}`);\n}\nconst server = new grpc.Server();\nserver.addProtoService(hello_proto.Greeter.service, { sayHello: sayHello, sayBye });",
      output: "const grpc = require('grpc');\nfunction sayHello(call, callback) {\n  console.log('Greeting', { name: call.request.name });\n  callback(null, {});\n}\nfunction sayBye({ request }, callback) {\n  log.warn(`bye ${request.name}`);\n}\nconst server = new grpc.Server();\nserver.addProtoService(hello_proto.Greeter.service, { sayHello: sayHello, sayBye });",
      errors: [{ messageId: 'injection', line: 3, suggestions: [{ messageId: 'useFields', output: "const grpc = require('grpc');\nfunction sayHello(call, callback) {\n  console.log('Greeting', { name: call.request.name });\n  callback(null, {});\n}\nfunction sayBye({ request }, callback) {\n  log.warn(`bye ${request.name}`);\n}\nconst server = new grpc.Server();\nserver.addProtoService(hello_proto.Greeter.service, { sayHello: sayHello, sayBye });" }] }, { messageId: 'injection', line: 7, suggestions: [{ messageId: 'useFields', output: "const grpc = require('grpc');\nfunction sayHello(call, callback) {\n  console.log('Greeting ' + call.request.name);\n  callback(null, {});\n}\nfunction sayBye({ request }, callback) {\n  log.warn('bye', { name: request.name });\n}\nconst server = new grpc.Server();\nserver.addProtoService(hello_proto.Greeter.service, { sayHello: sayHello, sayBye });" }] }],
    },
    // TypeScript: a ServerUnaryCall-typed parameter, a message a client streams
    {
      code: "import type { ServerUnaryCall, ServerDuplexStream, sendUnaryData } from '@grpc/grpc-js';\nclass Greeter {\n  sayHello(call: ServerUnaryCall<HelloRequest, HelloReply>, callback: sendUnaryData<HelloReply>) {\n    logger.info(`hello ${call.request.name}`);\n  }\n  routeChat(call: ServerDuplexStream<Note, Note>) {\n    call.on('data', (note) => {\n      logger.info(`note ${note.message}`);\n    });\n  }\n}",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: "import type { ServerUnaryCall, ServerDuplexStream, sendUnaryData } from '@grpc/grpc-js';\nclass Greeter {\n  sayHello(call: ServerUnaryCall<HelloRequest, HelloReply>, callback: sendUnaryData<HelloReply>) {\n    logger.info('hello', { name: call.request.name });\n  }\n  routeChat(call: ServerDuplexStream<Note, Note>) {\n    call.on('data', (note) => {\n      logger.info(`note ${note.message}`);\n    });\n  }\n}" }] }, { messageId: 'injection', line: 8, suggestions: [{ messageId: 'useFields', output: "import type { ServerUnaryCall, ServerDuplexStream, sendUnaryData } from '@grpc/grpc-js';\nclass Greeter {\n  sayHello(call: ServerUnaryCall<HelloRequest, HelloReply>, callback: sendUnaryData<HelloReply>) {\n    logger.info(`hello ${call.request.name}`);\n  }\n  routeChat(call: ServerDuplexStream<Note, Note>) {\n    call.on('data', (note) => {\n      logger.info('note', { message: note.message });\n    });\n  }\n}" }] }],
    },
    // static codegen: the generated getter of a field
    {
      code: "var grpc = require('grpc');\nvar service = require('./static_codegen/helloworld_grpc_pb');\nvar server = new grpc.Server();\nserver.addService(service.GreeterService, { sayHello: sayHello2 });\nfunction sayHello2(call, callback) {\n  var name = call.request.getName();\n  console.log('request: ' + name);\n  callback(null, new HelloReply());\n}",
      output: "var grpc = require('grpc');\nvar service = require('./static_codegen/helloworld_grpc_pb');\nvar server = new grpc.Server();\nserver.addService(service.GreeterService, { sayHello: sayHello2 });\nfunction sayHello2(call, callback) {\n  var name = call.request.getName();\n  console.log('request', { name });\n  callback(null, new HelloReply());\n}",
      errors: [{ messageId: 'injection', line: 7, suggestions: [{ messageId: 'useFields', output: "var grpc = require('grpc');\nvar service = require('./static_codegen/helloworld_grpc_pb');\nvar server = new grpc.Server();\nserver.addService(service.GreeterService, { sayHello: sayHello2 });\nfunction sayHello2(call, callback) {\n  var name = call.request.getName();\n  console.log('request', { name });\n  callback(null, new HelloReply());\n}" }] }],
    },
    // a streamed message named like an HTTP request (grpc-node's interceptors example), a method's call named req
    {
      code: "const grpc = require('@grpc/grpc-js');\nfunction bidirectionalStreamingEcho(call) {\n  call.on('data', (request) => {\n    console.log(`bidi echoing message ${request.message}`);\n    call.write(request);\n  });\n}\nfunction unaryEcho(req, callback) {\n  logger.info(`echo ${req.request.message}`);\n}\nserver.addService(echoProto.Echo.service, { bidirectionalStreamingEcho, unaryEcho });",
      output: "const grpc = require('@grpc/grpc-js');\nfunction bidirectionalStreamingEcho(call) {\n  call.on('data', (request) => {\n    console.log('bidi echoing message', { message: request.message });\n    call.write(request);\n  });\n}\nfunction unaryEcho(req, callback) {\n  logger.info(`echo ${req.request.message}`);\n}\nserver.addService(echoProto.Echo.service, { bidirectionalStreamingEcho, unaryEcho });",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: "const grpc = require('@grpc/grpc-js');\nfunction bidirectionalStreamingEcho(call) {\n  call.on('data', (request) => {\n    console.log('bidi echoing message', { message: request.message });\n    call.write(request);\n  });\n}\nfunction unaryEcho(req, callback) {\n  logger.info(`echo ${req.request.message}`);\n}\nserver.addService(echoProto.Echo.service, { bidirectionalStreamingEcho, unaryEcho });" }] }, { messageId: 'injection', line: 9, suggestions: [{ messageId: 'useFields', output: "const grpc = require('@grpc/grpc-js');\nfunction bidirectionalStreamingEcho(call) {\n  call.on('data', (request) => {\n    console.log(`bidi echoing message ${request.message}`);\n    call.write(request);\n  });\n}\nfunction unaryEcho(req, callback) {\n  logger.info('echo', { message: req.request.message });\n}\nserver.addService(echoProto.Echo.service, { bidirectionalStreamingEcho, unaryEcho });" }] }],
    },
    // jayson: the params of a method
    {
      code: "const jayson = require('jayson');\nconst methods = {\n  echo(args, callback) {\n    logger.info(`echo ${args.text}`);\n    callback(null, args.text);\n  },\n};\njayson.server(methods).http().listen(3000);",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: "const jayson = require('jayson');\nconst methods = {\n  echo(args, callback) {\n    logger.info('echo', { text: args.text });\n    callback(null, args.text);\n  },\n};\njayson.server(methods).http().listen(3000);" }] }],
    },
    {
      code: "const jayson = require('jayson');\nconst server = new jayson.Server({\n  add(args, callback) {\n    console.log('add ' + args[0] + ' and ' + args[1]);\n    callback(null, args[0] + args[1]);\n  },\n});",
      output: "const jayson = require('jayson');\nconst server = new jayson.Server({\n  add(args, callback) {\n    console.log('add and', { _0: args[0], _1: args[1] });\n    callback(null, args[0] + args[1]);\n  },\n});",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: "const jayson = require('jayson');\nconst server = new jayson.Server({\n  add(args, callback) {\n    console.log('add and', { _0: args[0], _1: args[1] });\n    callback(null, args[0] + args[1]);\n  },\n});" }] }],
    },
  ],
});
