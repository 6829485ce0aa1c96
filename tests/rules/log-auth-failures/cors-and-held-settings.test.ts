import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Two conditions that test no caller:
 * - a CORS preflight that asks for a method or header the server does not support (`access-control-request-method`,
 *   `access-control-request-headers`, also through `split` / `trim` / `toLowerCase`): the browser's protocol, not
 *   who is asking (deepstream's HTTP service). A request from an Origin outside the allow-list stays reported;
 * - a permission switched off in the app's settings read through the object that holds them (`app.settings.get(scope)`,
 *   FlowFuse's `needsPermission`). The role check of the same chain stays reported.
 */
const ruleTester = new RuleTester();

const preflight = `class HttpServer {
  handleOptions(request, response) {
    const requestMethod = request.headers['access-control-request-method'];
    if (!requestMethod) {
      this.terminateResponse(response, 400, 'Missing header "Access-Control-Request-Method".');
      return;
    }
    if (this.methods.indexOf(requestMethod) === -1) {
      this.terminateResponse(response, 403, \`Method \${requestMethod} is forbidden.\`);
      return;
    }
    const requestHeaders = request.headers['access-control-request-headers'].split(',');
    for (let i = 0; i < requestHeaders.length; i++) {
      if (this.headersLower.indexOf(requestHeaders[i].trim().toLowerCase()) === -1) {
        this.terminateResponse(response, 403, \`Header \${requestHeaders[i]} is forbidden.\`);
        return;
      }
    }
    this.terminateResponse(response, 204);
  }
  terminateResponse(response, code, message) {
    response.writeHead(code);
    response.end(message);
  }
}
server.on('request', (req, res) => { if (req.method === 'OPTIONS') httpServer.handleOptions(req, res); });`;

ruleTester.run('log-auth-failures (CORS preflight, settings held by the app)', rule, {
  valid: [
    preflight,
    `module.exports = fp(async function (app) {
  app.decorate('needsPermission', (scope) => async (request, reply) => {
    const permission = Permissions[scope];
    if (permission.role === Roles.Admin && !request.session.User.admin) {
      app.log.warn({ user: request.session.User.id, scope }, 'admin permission required');
      reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' });
      throw new Error();
    } else if (app.settings.get(scope) === false) {
      reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' });
      throw new Error();
    }
  });
});`,
  ],
  invalid: [
    {
      // an Origin outside the allow-list is refused: that is about who is asking
      code: `class HttpServer {
  verifyOrigin(request, response) {
    const requestOriginUrl = request.headers.origin || request.headers.referer;
    if (this.pluginOptions.origins.indexOf(requestOriginUrl) === -1) {
      this.terminateResponse(response, 403, \`Origin "\${requestOriginUrl}" is forbidden.\`);
      return false;
    }
    response.setHeader('Access-Control-Allow-Origin', requestOriginUrl);
    return true;
  }
  terminateResponse(response, code, message) {
    response.writeHead(code);
    response.end(message);
  }
}
server.on('request', (req, res) => { if (httpServer.verifyOrigin(req, res)) route(req, res); });`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{"messageId": "logFailure", "output": "class HttpServer {\n  verifyOrigin(request, response) {\n    const requestOriginUrl = request.headers.origin || request.headers.referer;\n    if (this.pluginOptions.origins.indexOf(requestOriginUrl) === -1) {\n      console.warn('Access denied', { reason: 'forbidden', method: request.method, path: request.originalUrl.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });\n      this.terminateResponse(response, 403, `Origin \"${requestOriginUrl}\" is forbidden.`);\n      return false;\n    }\n    response.setHeader('Access-Control-Allow-Origin', requestOriginUrl);\n    return true;\n  }\n  terminateResponse(response, code, message) {\n    response.writeHead(code);\n    response.end(message);\n  }\n}\nserver.on('request', (req, res) => { if (httpServer.verifyOrigin(req, res)) route(req, res); });"}] }],
    },
    {
      // the role check of the same chain, unlogged
      code: `module.exports = fp(async function (app) {
  app.decorate('needsPermission', (scope) => async (request, reply) => {
    const permission = Permissions[scope];
    if (permission.role === Roles.Admin && !request.session.User.admin) {
      reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' });
      throw new Error();
    } else if (app.settings.get(scope) === false) {
      reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' });
      throw new Error();
    }
  });
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{"messageId": "logFailure", "output": "module.exports = fp(async function (app) {\n  app.decorate('needsPermission', (scope) => async (request, reply) => {\n    const permission = Permissions[scope];\n    if (permission.role === Roles.Admin && !request.session.User.admin) {\n      request.log.warn({ reason: 'forbidden', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Access denied');\n      reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' });\n      throw new Error();\n    } else if (app.settings.get(scope) === false) {\n      reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' });\n      throw new Error();\n    }\n  });\n});"}] }],
    },
  ],
});
