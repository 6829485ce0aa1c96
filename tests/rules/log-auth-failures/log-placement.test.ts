import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino, winston } from './_shared.js';

/**
 * What counts as the log and where the fix puts it (Express): a log on the same path before or after
 * the answer, a same-file helper or error middleware that logs, request-scoped and configured loggers.
 * A log below warn, or a request log at the top of the handler, does not count. The fix keeps the
 * layout (braces for a braceless else, a block for an expression body, comments where they were) and
 * is left out where the log would also run on the success path.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (where the log is)', rule, {
  valid: [
    `// a same-file helper that logs before it answers
function deny(res, reason) {
  logger.warn({ reason }, 'access denied');
  return res.status(403).json({ error: 'forbidden' });
}
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) return deny(res, 'not admin');
  res.json(report());
});`,
    `// login failure logged with pino-http's req.log
app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  if (!ok) {
    req.log.warn({ user: req.body.email }, 'login failed');
    return res.status(401).send();
  }
  res.send(issue());
});`,
    `// 401s inside a branch that already logged
const auth = (req, res, next) => {
  const token = req.headers.authorization;
  if (!token) {
    logger.warn({ ip: req.ip }, 'missing token');
    if (req.xhr) return res.status(401).json({ error: 'unauthorized' });
    return res.status(401).send('unauthorized');
  }
  next();
};`,
    `// the log comes right after the response, on the same path
app.use((req, res, next) => {
  if (!req.user) {
    res.status(401).end();
    logger.warn({ path: req.path }, 'anonymous request');
    return;
  }
  next();
});`,
    `// error middleware: status unknown, logged anyway
app.use((err, req, res, next) => {
  logger.error(err);
  res.status(err.status || 500).json({ message: 'error' });
});`,
    `// a forwarded 401 logged by the error middleware in the same file
app.get('/account', (req, res, next) => {
  if (!req.user) return next(createError(401));
  res.json(req.user);
});
app.use((err, req, res, next) => {
  logger.warn({ err, path: req.path }, err.message);
  res.status(err.status || 500).json({ error: err.message });
});`,
    `// a security-audit helper counts as the log
app.post('/login', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, hash))) {
    await audit.record('login_failed', req.ip);
    return res.status(401).end();
  }
  res.end();
});`,
    `// unreachable code after the logged rejection
app.get('/x', (req, res) => {
  logger.warn('denied');
  return res.sendStatus(403);
  res.sendStatus(401);
});`,
    {
      code: `// a configured log function
app.use((req, res, next) => {
  if (!req.user) {
    securityAudit('anonymous', req);
    return res.sendStatus(401);
  }
  next();
});`,
      settings: { 'security-logging': { logFunctions: ['securityAudit'] } },
    },
    {
      code: `// a configured logger object
app.use((req, res, next) => {
  if (!req.user) {
    sec.warning('anonymous');
    return res.sendStatus(401);
  }
  next();
});`,
      settings: { 'security-logging': { loggers: ['sec'] } },
    },
  ],
  invalid: [
    {
      // logged only at info: reported separately, with a suggestion to raise the level
      code: `app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  if (!ok) {
    logger.info('login failed');
    return res.status(401).send();
  }
  res.send(issue());
});`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 5,
          suggestions: [
            {
              messageId: 'raiseLevel',
              data: { from: "logger.info", to: "logger.warn" },
              output: `app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  if (!ok) {
    logger.warn('login failed');
    return res.status(401).send();
  }
  res.send(issue());
});`,
            },
          ],
        },
      ],
    },
    {
      // a request log at the top of the handler does not log the failure: reported and fixed
      code: `app.post('/login', async (req, res) => {
  logger.debug({ path: req.path }, 'login attempt');
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.hash))) return res.status(401).end();
  res.json({ token: sign(user) });
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/login', async (req, res) => {
  logger.debug({ path: req.path }, 'login attempt');
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login failed: invalid credentials');
    return res.status(401).end();
  }
  res.json({ token: sign(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
app.post('/login', async (req, res) => {
  logger.debug({ path: req.path }, 'login attempt');
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return res.status(401).end();
  }
  res.json({ token: sign(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // winston logger.log('info', …) below warn
      options: [{ includeAnonymous: true }],
      code: `app.use((req, res, next) => {
  if (!req.user) {
    logger.log('info', 'anonymous request');
    return res.sendStatus(401);
  }
  next();
});`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 4,
          suggestions: [
            {
              messageId: 'raiseLevel',
              data: { from: "'info'", to: "'warn'" },
              output: `app.use((req, res, next) => {
  if (!req.user) {
    logger.log('warn', 'anonymous request');
    return res.sendStatus(401);
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // braceless else: the fix adds braces
      options: [{ includeAnonymous: true }],
      code: `app.get('/me', (req, res) => {
  if (req.user) res.json(req.user);
  else res.sendStatus(401);
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (req.user) res.json(req.user);
  else {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.sendStatus(401);
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (req.user) res.json(req.user);
  else {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.sendStatus(401);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // expression-bodied handler: the fix makes a block
      code: `router.all('/admin/*', (req, res) => res.sendStatus(403));`,
      settings: pino,
      output: `import { logger } from './logger';
router.all('/admin/*', (req, res) => {
  logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
  return res.sendStatus(403);
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
router.all('/admin/*', (req, res) => {
  logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
  return res.sendStatus(403);
});`,
            },
          ],
        },
      ],
    },
    {
      // a comment between the condition and the statement stays where it is
      options: [{ includeAnonymous: true }],
      code: `app.get('/me', (req, res) => {
  if (!req.user) /* anonymous */ return res.sendStatus(401);
  res.json(req.user);
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (!req.user) /* anonymous */ {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.sendStatus(401);
  }
  res.json(req.user);
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (!req.user) /* anonymous */ {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.sendStatus(401);
  }
  res.json(req.user);
});`,
            },
          ],
        },
      ],
    },
    {
      // a block on one line
      options: [{ includeAnonymous: true }],
      code: `app.get('/me', (req, res) => { if (!req.user) { return res.sendStatus(401); } res.json(req.user); });`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/me', (req, res) => { if (!req.user) { logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed'); return res.sendStatus(401); } res.json(req.user); });`,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.get('/me', (req, res) => { if (!req.user) { logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed'); return res.sendStatus(401); } res.json(req.user); });`,
            },
          ],
        },
      ],
    },
    {
      // an expression body after a comment: reported without a fix (the comment would be lost)
      code: `router.all('/admin/*', (req, res) => /* nobody */ res.sendStatus(403));`,
      settings: pino,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
        },
      ],
    },
    {
      // a switch case (winston logger in scope)
      code: `const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.use((req, res, next) => {
  switch (check(req)) {
    case 'ok':
      return next();
    case 'expired':
      return res.status(401).json({ error: 'expired' });
    default:
      logger.warn('denied');
      return res.status(403).end();
  }
});`,
      settings: winston,
      output: `const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.use((req, res, next) => {
  switch (check(req)) {
    case 'ok':
      return next();
    case 'expired':
      logger.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.status(401).json({ error: 'expired' });
    default:
      logger.warn('denied');
      return res.status(403).end();
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.use((req, res, next) => {
  switch (check(req)) {
    case 'ok':
      return next();
    case 'expired':
      logger.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.status(401).json({ error: 'expired' });
    default:
      logger.warn('denied');
      return res.status(403).end();
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // a ternary: reported without a fix (a log before it would run on the success path too)
      options: [{ includeAnonymous: true }],
      code: `app.get('/me', (req, res) => (req.user ? res.json(req.user) : res.status(401).end()));`,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
        },
      ],
    },
  ],
});
