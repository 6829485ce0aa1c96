import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Plain node:http: `writeHead(401)` and `statusCode = 403`.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (node:http)', rule, {
  valid: [
    // --- http ---
    `// plain http: logged before writeHead(401)
http.createServer((req, res) => {
  if (req.headers.authorization !== expected) {
    log.warn({ ip: req.socket.remoteAddress }, 'bad credentials');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    return res.end();
  }
  serve(req, res);
});`,
  ],
  invalid: [
    // --- http ---
    {
      // writeHead(401) and statusCode = 403
      options: [{ includeAnonymous: true }],
      code: `http.createServer((req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
      settings: pino,
      output: [
        `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
        `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
      ],
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
            },
          ],
        },
      ],
    },
  ],
});
