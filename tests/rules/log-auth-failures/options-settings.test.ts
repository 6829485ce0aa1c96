import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * The options a function or middleware factory was given are settings: a switch among them refuses, not the
 * caller (Budibase's tenancy resolution: `if (!opts.allowNoTenant) ctx.throw(403, 'Tenant id not set')`; round 14).
 * A list of callers kept there is still an allowlist: deepstream's Origin check against the plugin's `origins`
 * stays reported, its Host check against the configured `hostUrl` does not.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (options read as settings)', rule, {
  valid: ["const getTenantIDFromCtx = (ctx, opts) => {\n  const header = ctx.request.headers['x-budibase-tenant-id'];\n  if (header) return header;\n  if (!opts.allowNoTenant) {\n    ctx.throw(403, 'Tenant id not set');\n  }\n  return undefined;\n};\nmodule.exports = { getTenantIDFromCtx };\n"],
  invalid: [
    { code: "class NodeHTTP {\n  verifyOrigin(request, response) {\n    const requestOriginUrl = request.headers.origin || request.headers.referer;\n    if (this.pluginOptions.hostUrl && request.headers.host !== this.pluginOptions.hostUrl) {\n      this.terminateResponse(response, 403, 'Forbidden Host.');\n      return false;\n    }\n    if (this.pluginOptions.origins.indexOf(requestOriginUrl) === -1) {\n      response.writeHead(403);\n      response.end(`Origin \"${requestOriginUrl}\" is forbidden.`);\n      return false;\n    }\n    return true;\n  }\n}\n", errors: [{ messageId: 'unlogged', line: 9, suggestions: [{ messageId: 'logFailure', output: "class NodeHTTP {\n  verifyOrigin(request, response) {\n    const requestOriginUrl = request.headers.origin || request.headers.referer;\n    if (this.pluginOptions.hostUrl && request.headers.host !== this.pluginOptions.hostUrl) {\n      this.terminateResponse(response, 403, 'Forbidden Host.');\n      return false;\n    }\n    if (this.pluginOptions.origins.indexOf(requestOriginUrl) === -1) {\n      console.warn('Access denied', { reason: 'forbidden', method: request.method, path: request.originalUrl.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });\n      response.writeHead(403);\n      response.end(`Origin \"${requestOriginUrl}\" is forbidden.`);\n      return false;\n    }\n    return true;\n  }\n}\n" }] }] },
  ],
});
