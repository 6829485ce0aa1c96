import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A 403 chosen by the client's software alone (`user-agent` compared with fixed values: cnpmjs blocks the
 * `ruby` client, in Koa 0.x and Koa 2 middleware) blocks a kind of client, not a caller: a blocklist.
 * The same header beside a signature check stays reported.
 */
const ruleTester = new RuleTester();

const signed = `const express = require('express');
const app = express();
app.use((req, res, next) => {
  if (req.headers['user-agent'] !== process.env.HOOK_AGENT || req.headers['x-hub-signature'] !== sign(req.body)) {
    return res.sendStatus(403);
  }
  next();
});`;

ruleTester.run('log-auth-failures (the client software header)', rule, {
  valid: [
    `module.exports = function () {
  return function* block(next) {
    var ua = String(this.get('user-agent')).toLowerCase();
    if (ua === 'ruby') {
      this.status = 403;
      return this.body = { message: 'forbidden Ruby user-agent, ip: ' + this.ip };
    }
    yield* next;
  };
};`,
    `module.exports = function () {
  return async function block(ctx, next) {
    const ua = String(ctx.get('user-agent')).toLowerCase();
    if (ua === 'ruby') {
      ctx.status = 403;
      ctx.body = { message: 'forbidden Ruby user-agent, ip: ' + ctx.ip };
      return;
    }
    await next();
  };
};`,
    `const express = require('express');
const app = express();
app.use((req, res, next) => {
  const userAgent = req.get('user-agent') || '';
  if (/curl|wget/i.test(userAgent)) return res.status(403).send('blocked');
  next();
});`,
  ],
  invalid: [
    {
      code: signed,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              output: signed.replace(
                '    return res.sendStatus(403);',
                "    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(403);",
              ),
            },
          ],
        },
      ],
    },
  ],
});
