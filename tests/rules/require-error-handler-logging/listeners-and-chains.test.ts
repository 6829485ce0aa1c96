import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * Handlers that only look like the application's last line of defence: a process listener added
 * and removed around one operation, an 'error' listener on an outgoing UDP socket held under a
 * server-like name, `console.log(err)` in a file whose only log channel is console, and an Express
 * error handler mounted after one that already logged the error and passed it on (in the same file,
 * or in the app file that mounts the handler this module exports).
 */
const { tree: project } = tempProject('require-error-handler-logging-chains-');

// trimmed from cncjs: lib/middleware/errlog.js logs every error's stack and passes it on
const errlog = 'var errlog = function errlog() {\n  return function (err, req, res, next) {\n    console.error(err.stack);\n    next(err);\n  };\n};\nmodule.exports = errlog;\n';
const quietLog = 'var errlog = function errlog() {\n  return function (err, req, res, next) {\n    console.error(err.message);\n    next(err);\n  };\n};\nmodule.exports = errlog;\n';
const errserver = "var errserver = function errserver(options) {\n  options = options || {};\n  var view = options.view || '500';\n  return function (err, req, res, next) {\n    res.status(err.status || 500);\n    res.render(view, { error: options.error });\n  };\n};\nmodule.exports = errserver;\n";
const appFile = (first: string, second: string) =>
  `"use strict";\nvar _express = _interopRequireDefault(require("express"));\nvar _errlog = _interopRequireDefault(require("./lib/middleware/errlog"));\nvar _errserver = _interopRequireDefault(require("./lib/middleware/errserver"));\nfunction _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }\nvar appMain = function appMain() {\n  var app = (0, _express["default"])();\n  ${first}\n  ${second}\n  return app;\n};\nexports["default"] = appMain;\n`;
const logFirst = project('log-first', {
  'package.json': JSON.stringify({ name: 'cnc', main: 'app.js' }),
  'app.js': appFile('app.use((0, _errlog["default"])());', "app.use((0, _errserver[\"default\"])({ view: '500', error: 'Internal server error' }));"),
  'lib/middleware/errlog.js': errlog,
  'lib/middleware/errserver.js': errserver,
});
const logAfter = project('log-after', {
  'package.json': JSON.stringify({ name: 'cnc', main: 'app.js' }),
  'app.js': appFile("app.use((0, _errserver[\"default\"])({ view: '500', error: 'Internal server error' }));", 'app.use((0, _errlog["default"])());'),
  'lib/middleware/errlog.js': errlog,
  'lib/middleware/errserver.js': errserver,
});
const messageOnly = project('message-only', {
  'package.json': JSON.stringify({ name: 'cnc', main: 'app.js' }),
  'app.js': appFile('app.use((0, _errlog["default"])());', "app.use((0, _errserver[\"default\"])({ view: '500', error: 'Internal server error' }));"),
  'lib/middleware/errlog.js': quietLog,
  'lib/middleware/errserver.js': errserver,
});
const errserverIn = (dir: string) => join(dir, 'lib', 'middleware', 'errserver.js');

// trimmed from uptime-kuma's Database.close(): tarn.js rejects a promise nobody can catch while closing
const temporary = `class Database {
  static async close() {
    const listener = (reason, p) => {
      Database.noReject = false;
    };
    process.addListener("unhandledRejection", listener);
    await R.close();
    process.removeListener("unhandledRejection", listener);
  }
}`;

// trimmed from meshcentral's amtscanner.js: UDP sockets that ping devices on the network
const rangeScan = `obj.performRangeScan = function (userid, rangestr) {
  var rangeinfo = { id: userid, range: rangestr, results: {} };
  rangeinfo.server = obj.dgram.createSocket("udp4");
  rangeinfo.server.bind(0);
  rangeinfo.server.on('error', (err) => { });
  rangeinfo.server.on('message', function (data, rinfo) { obj.parseRmcpPacket(data, rinfo, rangeinfo); });
};`;
const presence = `obj.checkAmtPresenceEx = function (host, tag) {
  var server = obj.servers[tag];
  if (server == undefined) {
    server = obj.dgram.createSocket('udp4');
    server.on('error', (err) => { });
    server.on('message', (data, rinfo) => { obj.parseRmcpPacket(data, rinfo, tag); });
    server.bind(0);
    obj.servers[tag] = server;
  }
};`;

// trimmed from actual-sync-server's util/middlewares.js and app.js: every log goes through console
const consoleMiddleware = `async function errorMiddleware(err, req, res, next) {
  if (res.headersSent) {
    return next(err);
  }
  console.log(\`Error on endpoint %s\`, {
    requestUrl: req.url,
    stacktrace: err.stack,
  });
  res.status(500).send({ status: 'error', reason: 'internal-error' });
}
export { errorMiddleware };`;
const consoleRejection = `import express from 'express';
const app = express();
process.on('unhandledRejection', reason => {
  console.log('Rejection:', reason);
});
export async function run() {
  try {
    await bootstrap();
  } catch (err) {
    console.error(err);
  }
  app.listen(5006);
  console.log('Listening on 5006...');
}`;

const consoleApp = project('console-app', {
  'package.json': JSON.stringify({ name: 'sync-server', type: 'module' }),
  'util/middlewares.js': consoleMiddleware,
  'app.js': consoleRejection,
  'load-config.js': "import createDebug from 'debug';\nconst debug = createDebug('sync:config');\ndebug('loading config');\n",
});
const loggerApp = project('logger-app', {
  'package.json': JSON.stringify({ name: 'sync-server', type: 'module' }),
  'util/middlewares.js': consoleMiddleware,
  'app.js': consoleRejection,
  'lib/db.js': "import { logger } from './logger.js';\nexport function connect() {\n  logger.info('connected');\n}\n",
});

// two error middlewares of one file, mounted one after the other
const sameFile = (first: string, second: string) => `import express from 'express';
const app = express();
function errlog(err, req, res, next) {
  console.error(err.stack);
  next(err);
}
function errclient(err, req, res, next) {
  if (req.xhr) {
    res.status(500).send({ error: 'XHR error' });
    return;
  }
  next(err);
}
app.use(${first});
app.use(${second});
app.listen(3000);`;

const ruleTester = new RuleTester();

ruleTester.run('require-error-handler-logging (temporary listeners, client sockets, console-only files, handler chains)', rule, {
  valid: [
    temporary,
    rangeScan,
    presence,
    // the application logs only through console: console.log prints the whole error as console.error would
    { filename: join(consoleApp, 'util', 'middlewares.js'), code: consoleMiddleware },
    { filename: join(consoleApp, 'app.js'), code: consoleRejection },
    sameFile('errlog', 'errclient'),
    { filename: errserverIn(logFirst), code: errserver },
  ],
  invalid: [
    // installed for good: the process's crash handler, silent
    { code: temporary.replace('    process.removeListener("unhandledRejection", listener);\n', ''), errors: [{"messageId": "processSilent", "line": 3, "suggestions": [{"messageId": "addLog", "output": "class Database {\n  static async close() {\n    const listener = (reason, p) => {\n      console.error('unhandled rejection', reason);\n      Database.noReject = false;\n    };\n    process.addListener(\"unhandledRejection\", listener);\n    await R.close();\n  }\n}"}]}] },
    // removed somewhere else (a stop() method): installed while the component runs
    {
      code: "const onReject = (reason) => {\n  state.failed = true;\n};\nfunction start() {\n  process.on('unhandledRejection', onReject);\n}\nfunction stop() {\n  process.removeListener('unhandledRejection', onReject);\n}",
      errors: [{"messageId": "processSilent", "line": 1, "suggestions": [{"messageId": "addLog", "output": "const onReject = (reason) => {\n  console.error('unhandled rejection', reason);\n  state.failed = true;\n};\nfunction start() {\n  process.on('unhandledRejection', onReject);\n}\nfunction stop() {\n  process.removeListener('unhandledRejection', onReject);\n}"}]}],
    },
    // a UDP socket bound to a port of its own is a server (a syslog receiver)
    { code: presence.replace('server.bind(0)', 'server.bind(514)'), errors: [{"messageId": "notLogged", "line": 5, "suggestions": [{"messageId": "addLog", "output": "obj.checkAmtPresenceEx = function (host, tag) {\n  var server = obj.servers[tag];\n  if (server == undefined) {\n    server = obj.dgram.createSocket('udp4');\n    server.on('error', (err) => {\n      console.error('server emitted an \\'error\\' event', err);\n    });\n    server.on('message', (data, rinfo) => { obj.parseRmcpPacket(data, rinfo, tag); });\n    server.bind(514);\n    obj.servers[tag] = server;\n  }\n};"}]}] },
    // the file logs through a leveled logger too: console.log is the lower level
    { filename: join(consoleApp, 'util', 'middlewares.js'), code: `${consoleMiddleware}\nlogger.info('middlewares loaded');`, errors: [{"messageId": "lowLevel", "line": 1, "suggestions": [{"messageId": "raiseLevel", "output": "async function errorMiddleware(err, req, res, next) {\n  if (res.headersSent) {\n    return next(err);\n  }\n  console.error(`Error on endpoint %s`, {\n    requestUrl: req.url,\n    stacktrace: err.stack,\n  });\n  res.status(500).send({ status: 'error', reason: 'internal-error' });\n}\nexport { errorMiddleware };\nlogger.info('middlewares loaded');"}]}] },
    // only the message, in a console-only file: the stack is still lost
    // printed as JSON text in a console-only application (mongo-express's listen error): message and stack are lost
    {
      filename: join(consoleApp, 'app.js'),
      code: "import http from 'node:http';\nconst server = http.createServer(app);\nserver.listen(8081).on('error', (e) => {\n  console.log('Could not start the server');\n  console.log(JSON.stringify(e));\n  return process.exit(1);\n});",
      errors: [{"messageId": "lowLevel", "line": 3, "suggestions": [{"messageId": "raiseLevel", "output": "import http from 'node:http';\nconst server = http.createServer(app);\nserver.listen(8081).on('error', (e) => {\n  console.error('Could not start the server');\n  console.log(JSON.stringify(e));\n  return process.exit(1);\n});"}]}],
    },
    // another file of the application logs through a leveled logger: console.log is the lower level
    { filename: join(loggerApp, 'util', 'middlewares.js'), code: consoleMiddleware, errors: [{"messageId": "lowLevel", "line": 1, "suggestions": [{"messageId": "raiseLevel", "output": "async function errorMiddleware(err, req, res, next) {\n  if (res.headersSent) {\n    return next(err);\n  }\n  console.error(`Error on endpoint %s`, {\n    requestUrl: req.url,\n    stacktrace: err.stack,\n  });\n  res.status(500).send({ status: 'error', reason: 'internal-error' });\n}\nexport { errorMiddleware };"}]}] },
    { filename: join(consoleApp, 'app.js'), code: consoleRejection.replace("console.log('Rejection:', reason)", "console.log('Rejection:', reason.message)"), errors: [{"messageId": "stackLost", "line": 3, "suggestions": [{"messageId": "passError", "output": "import express from 'express';\nconst app = express();\nprocess.on('unhandledRejection', reason => {\n  console.log('Rejection:', reason.message, reason);\n});\nexport async function run() {\n  try {\n    await bootstrap();\n  } catch (err) {\n    console.error(err);\n  }\n  app.listen(5006);\n  console.log('Listening on 5006...');\n}"}]}] },
    // mounted before the handler that logs: its own paths answer unlogged
    { code: sameFile('errclient', 'errlog'), errors: [{"messageId": "pathNotLogged", "line": 10, "suggestions": [{"messageId": "addLog", "output": "import express from 'express';\nconst app = express();\nfunction errlog(err, req, res, next) {\n  console.error(err.stack);\n  next(err);\n}\nfunction errclient(err, req, res, next) {\n  if (req.xhr) {\n    res.status(500).send({ error: 'XHR error' });\n    console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n    return;\n  }\n  next(err);\n}\napp.use(errclient);\napp.use(errlog);\napp.listen(3000);"}]}] },
    { filename: errserverIn(logAfter), code: errserver, errors: [{"messageId": "notLogged", "line": 4, "suggestions": [{"messageId": "addLog", "output": "var errserver = function errserver(options) {\n  options = options || {};\n  var view = options.view || '500';\n  return function (err, req, res, next) {\n    console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n    res.status(err.status || 500);\n    res.render(view, { error: options.error });\n  };\n};\nmodule.exports = errserver;\n"}]}] },
    // the earlier handler logs only the message
    { filename: errserverIn(messageOnly), code: errserver, errors: [{"messageId": "notLogged", "line": 4, "suggestions": [{"messageId": "addLog", "output": "var errserver = function errserver(options) {\n  options = options || {};\n  var view = options.view || '500';\n  return function (err, req, res, next) {\n    console.error('unhandled error reached the Express error handler', err, { method: req.method, path: req.originalUrl.split('?')[0] });\n    res.status(err.status || 500);\n    res.render(view, { error: options.error });\n  };\n};\nmodule.exports = errserver;\n"}]}] },
  ],
});
