import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Two answers to a failed credential check that carry no status of their own:
 * - an app's helper named for answering, handed the response (`return sendRedirect(res, '/')` when passport's
 *   custom callback gets no user: SAP's approuter login callback);
 * - a WebSocket closed with no code (`ws.close()`) in the failure branch of a token check.
 * The same helper after a successful login, and a close when the client leaves, stay quiet.
 */
const ruleTester = new RuleTester();

const loginCallback = `const passport = require('passport');
module.exports = function loginCallback(req, res, next) {
  oauthConfig.getStrategy(req, function (err, strategy) {
    if (err) return next(err);
    passport.authenticate(strategy, function (err, user) {
      if (err) return next(err);
      if (!user) {
        return sendRedirect(res, '/');
      }
      req.logIn(user, function (err) {
        if (err) return next(err);
        sendRedirect(res, req.session.returnTo);
      });
    })(req, res, next);
  });
};
function sendRedirect(res, location) { res.statusCode = 302; res.setHeader('Location', location); res.end(); }`;

const socketToken = `const jwt = require('jsonwebtoken');
const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws, req) => {
  const token = new URL(req.url, 'http://x').searchParams.get('token');
  jwt.verify(token, process.env.SECRET, (err, payload) => {
    if (err) {
      ws.close();
      return;
    }
    ws.on('message', (m) => handle(payload, m));
    ws.on('end', () => ws.close());
  });
});`;

const withWarn = (code: string, before: string, line: string): string => code.replace(before, `${line}\n${before}`);

ruleTester.run('log-auth-failures (answers to a failed check without a status)', rule, {
  valid: [
    withWarn(loginCallback, "        return sendRedirect(res, '/');", "        logger.warn({ ip: req.ip }, 'login refused by the identity provider');"),
    withWarn(socketToken, '      ws.close();', "      console.warn('socket token refused', err.message);"),
    // a close when the client leaves, no check around it
    `const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => { ws.on('end', () => ws.close()); });`,
  ],
  invalid: [
    {
      code: loginCallback,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            {
              messageId: 'logFailure',
              output: withWarn(
                loginCallback,
                "        return sendRedirect(res, '/');",
                "        console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });",
              ),
            },
          ],
        },
      ],
    },
    {
      code: socketToken,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [{ messageId: 'logFailure', output: withWarn(socketToken, '      ws.close();', "      console.warn('Authentication failed: invalid token', { reason: 'invalid_token' });") }],
        },
      ],
    },
  ],
});
