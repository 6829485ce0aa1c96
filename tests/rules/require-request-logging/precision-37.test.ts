import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';

/**
 * Precision on real applications (session 37), by class:
 * - a Node server whose listener only redirects (`res.writeHead(302, { Location }); res.end()`, also
 *   `res.statusCode = 301` with `setHeader('Location', …)`) answers nothing else: an HTTP-to-HTTPS
 *   redirector has no API to keep a record of (jsreport-express), as a framework app of redirects only;
 * - a framework's own `listen` (`handle.listen = (...args) => http.createServer(handle).listen(...args)`,
 *   Express's `app.listen = function () { http.createServer(this) … }`) serves the app object the method
 *   belongs to, whose users register its middleware: the request log is theirs (sap-approuter's connect).
 * - an app nothing is registered on (no route, middleware or setting, handed only to `http.createServer`) answers
 *   every request with a 404: parse-server's carrier app for the LiveQuery WebSocket server has no API;
 * Recall: `require('https').createServer(options, app)` serves the app (the method of a module loaded on the
 * spot names the consumer), as `https.createServer(options, app)` does — not a hand-off to another module's
 * setup (parse-dashboard's standalone server).
 * Each quieted shape has a reported twin.
 */
const ruleTester = new RuleTester();

ruleTester.run('require-request-logging (precision on real applications, session 37)', rule, {
  valid: [
    // parse-server: an empty app carrying a WebSocket server's upgrades
    {
      code: `const express = require('express');
class ParseServer {
  static async createLiveQueryServer(httpServer, config, options) {
    if (!httpServer || (config && config.port)) {
      var app = express();
      httpServer = require('http').createServer(app);
      httpServer.listen(config.port);
    }
    return new LiveQueryServer(httpServer, config, options);
  }
}`,
    },
    // a module loaded on the spot whose function is handed the app: its setup may register logging
    {
      code: `const express = require('express');
const app = express();
require('@acme/http-setup').install(app);
app.listen(3000);`,
    },
    // jsreport-express: the http -> https redirect server
    {
      code: `const http = require('http');
function start(config) {
  const redirectServer = http.createServer((req, res) => {
    const host = req.headers.host || '';
    res.writeHead(302, { Location: 'https://' + host.split(':')[0] + ':' + config.httpsPort + req.url });
    res.end();
  });
  redirectServer.listen(config.httpPort);
}`,
    },
    // statusCode and setHeader
    {
      code: `const http = require('http');
http.createServer((req, res) => {
  res.statusCode = 301;
  res.setHeader('Location', 'https://example.org' + req.url);
  res.end();
}).listen(80);`,
    },
    // sap-approuter: a connect re-implementation's listen
    {
      code: `const http = require('http');
module.exports = function connect() {
  const handle = (req, res, next) => { dispatch(handle.stack, req.url, req, res, next); };
  handle.stack = [];
  handle.use = (fn) => { handle.stack.push(fn); return handle; };
  handle.listen = (...args) => http.createServer(handle).listen(...args);
  return handle;
};`,
    },
    // Express-style application prototype
    {
      code: `const http = require('http');
app.handle = function handle(req, res) { route(this, req.url, req, res); };
app.listen = function listen() {
  const server = http.createServer(this);
  return server.listen.apply(server, arguments);
};`,
    },
  ],
  invalid: [
    // the same carrier app with an API mounted on it
    {
      code: `const express = require('express');
function createLiveQueryServer(config) {
  const app = express();
  app.use('/api', api);
  const httpServer = require('http').createServer(app);
  httpServer.listen(config.port);
}`,
      errors: [{ messageId: 'missingRequestLogging', line: 3, suggestions: [] }],
    },
    // parse-dashboard: the app served by a module loaded on the spot
    {
      code: `const express = require('express');
module.exports = (options) => {
  const app = express();
  app.use('/dashboard', dashboard(options));
  let server;
  if (!options.key) server = app.listen(4040);
  else server = require('https').createServer({ key: options.key, cert: options.cert }, app).listen(4040);
};`,
      errors: [{ messageId: 'missingRequestLogging', line: 3, suggestions: [] }],
    },
    // a redirect on one path and content on another serves an API
    {
      code: `const http = require('http');
http.createServer((req, res) => {
  if (req.url === '/old') { res.writeHead(301, { Location: '/new' }); res.end(); return; }
  res.writeHead(200);
  res.end(render(req.url));
}).listen(80);`,
      errors: [{ messageId: 'missingRequestLogging', line: 2, suggestions: [] }],
    },
    // a function named listen serving another listener is the app's own server
    {
      code: `const http = require('http');
function listen(port) {
  const server = http.createServer((req, res) => { res.end(lookup(req.url)); });
  server.listen(port);
}`,
      errors: [{ messageId: 'missingRequestLogging', line: 3, suggestions: [] }],
    },
  ],
});
