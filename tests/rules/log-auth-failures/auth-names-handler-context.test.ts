import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Two general rules for refusals the rule did not see (session 38, atproto's PDS):
 * - an error class whose name says the caller must authenticate or presented a wrong secret is a 401 wherever it is
 *   thrown: `AuthRequiredError` (XRPC), `AuthenticationRequired`, `LoginRequired`, `InvalidCredentialsError`,
 *   `InvalidPasswordError` (http-status.ts);
 * - a route's `handler` handed one context object it destructures (`server.add(nsid, { handler: async ({ input, auth })
 *   => … })`) is the route's handler: what it throws answers the request (handlers.ts). Only when the object names a
 *   request's or a caller's part (`req`, `input`, `auth`, `params`, `body`, …): a job queue's `{ handler: ({ attempt }) }` is not.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (auth error names, handler context objects)', rule, {
  valid: [
    // an XRPC handler refusing with a 400, and a job queue's handler (its context names no request part): no route refuses a caller
    "export default function (server, ctx) {\n  server.add(com.atproto.repo.getRecord, {\n    handler: async ({ params }) => {\n      const record = await ctx.records.get(params.repo, params.rkey);\n      if (!record) {\n        throw new InvalidRequestError('Could not locate record');\n      }\n      return { encoding: 'application/json', body: record };\n    },\n  });\n  jobs.add(name, {\n    handler: async ({ attempt }) => {\n      if (attempt > 3) throw new AuthRequiredError();\n    },\n  });\n}",
  ],
  invalid: [
    {
      // atproto's createRecord: the repo belongs to another DID than the caller's credentials
      code: "export default function (server, ctx) {\n  server.add(com.atproto.repo.createRecord, {\n    auth: ctx.authVerifier.authorization({}),\n    handler: async ({ input, auth }) => {\n      const account = await ctx.authVerifier.findAccount(input.body.repo);\n      if (account.did !== auth.credentials.did) {\n        throw new AuthRequiredError();\n      }\n      return { encoding: 'application/json', body: await ctx.write(account.did, input.body.record) };\n    },\n  });\n}",
      errors: [{"messageId": "unlogged", "line": 7, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "export default function (server, ctx) {\n  server.add(com.atproto.repo.createRecord, {\n    auth: ctx.authVerifier.authorization({}),\n    handler: async ({ input, auth }) => {\n      const account = await ctx.authVerifier.findAccount(input.body.repo);\n      if (account.did !== auth.credentials.did) {\n        console.warn('Authentication failed', { reason: 'unauthorized' });\n        throw new AuthRequiredError();\n      }\n      return { encoding: 'application/json', body: await ctx.write(account.did, input.body.record) };\n    },\n  });\n}"}]}],
    },
    {
      // a wrong share password answered with InvalidCredentialsError (401)
      code: "app.post('/share/:id/auth', async (req, res) => {\n  const share = await shares.find(req.params.id);\n  if (share.password && !(await argon2.verify(share.password, req.body.password))) {\n    throw new InvalidCredentialsError();\n  }\n  res.json(await shares.issueToken(share));\n});",
      errors: [{"messageId": "unlogged", "line": 4, "suggestions": [{"messageId": "logFailure", "data": {"call": "console.warn"}, "output": "app.post('/share/:id/auth', async (req, res) => {\n  const share = await shares.find(req.params.id);\n  if (share.password && !(await argon2.verify(share.password, req.body.password))) {\n    console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    throw new InvalidCredentialsError();\n  }\n  res.json(await shares.issueToken(share));\n});"}]}],
    },
  ],
});
