import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// A gRPC method's callback answers the client (issue 18): grpc-js sends an error's details or message as the
// status text the client reads, and the reply as the answer.
ruleTester.run('no-error-details-in-response (the callback of a gRPC method)', rule, {
  valid: [
    // the app's own error and status text
    "const grpc = require('@grpc/grpc-js');\nfunction getUser(call, callback) {\n  db.find(call.request.id).then((user) => {\n    if (!user) return callback({ code: grpc.status.NOT_FOUND, details: 'User not found' });\n    callback(null, user);\n  }).catch((err) => {\n    logger.error(err);\n    callback({ code: grpc.status.INTERNAL, details: 'Internal error' });\n  });\n}\nserver.addService(proto.Users.service, { getUser });",
    // a function of the same shape that no gRPC server is given
    "function getUser(call, callback) {\n  db.find(call.request.id).catch((err) => callback(err));\n}\nmodule.exports = { getUser };",
    // jayson answers an Error that is no JSON-RPC error with a generic internal error
    "const jayson = require('jayson');\nconst server = new jayson.Server({\n  async add(args, callback) {\n    try {\n      callback(null, await db.add(args));\n    } catch (err) {\n      callback(err);\n    }\n  },\n});",
  ],
  invalid: [
    {
      code: "const grpc = require('@grpc/grpc-js');\nfunction getUser(call, callback) {\n  db.find(call.request.id).then((user) => callback(null, user)).catch((err) => {\n    callback({ code: grpc.status.INTERNAL, details: err.message });\n  });\n}\nserver.addService(proto.Users.service, { getUser });",
      errors: [{ messageId: 'detailsInResponse', line: 4 }],
    },
    {
      code: "import type { ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';\nexport async function listUsers(call: ServerUnaryCall<Empty, UserList>, callback: sendUnaryData<UserList>) {\n  try {\n    callback(null, { users: await db.all() });\n  } catch (err) {\n    callback(err);\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 6 }],
    },
    // typed by the whole handler's type, in a file that registers nothing itself
    {
      code: "import * as grpc from '@grpc/grpc-js';\nexport const getUser: grpc.handleUnaryCall<UserRequest, User> = (call, callback) => {\n  db.find(call.request.id).then((user) => callback(null, user), (err) => callback(err));\n};",
      errors: [{ messageId: 'detailsInResponse', line: 3 }],
    },
    // the legacy registration name
    {
      code: "const grpc = require('grpc');\nfunction getUser(call, callback) {\n  db.find(call.request.id).then((user) => callback(null, user)).catch((err) => callback(err));\n}\nserver.addProtoService(proto.Users.service, { getUser });",
      errors: [{ messageId: 'detailsInResponse', line: 3 }],
    },
  ],
});
