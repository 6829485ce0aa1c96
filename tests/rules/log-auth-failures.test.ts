import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/log-auth-failures.js';
import { pino, cjs, fingerprint } from './log-auth-failures/_shared.js';

/**
 * Express (and the Next.js pages router, which answers through the same `res`): middleware, login and
 * API-key checks, token errors in a catch or in error middleware, ownership checks, passport's
 * LocalStrategy, `includeRateLimit` for 429, TypeScript syntax around a rejection. Not server
 * rejections: a utility, an upstream client, browser and test code, API docs.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (Express)', rule, {
  valid: [
    // --- Express ---
    `// res.status(401) in a utility that is not a handler
function sendError(res, status, message) {
  res.status(401).json({ message });
}`,
    `// express-jwt errors answered and logged
app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    logger.warn({ err, ip: req.ip }, 'invalid token');
    return res.status(401).send('invalid token');
  }
  next(err);
});`,
    `// not an auth failure: 404
app.get('/items/:id', async (req, res) => {
  const item = await Item.findById(req.params.id);
  if (!item) return res.status(404).json({ error: 'not found' });
  res.json(item);
});`,
    `// bcrypt used to refuse reusing the old password: not a failed login
app.post('/password', async (req, res) => {
  if (await bcrypt.compare(req.body.newPassword, req.user.hash)) {
    return res.status(400).json({ error: 'choose a new password' });
  }
  res.end();
});`,
    `// a token error handed to the error middleware as it is
const auth = (req, res, next) => {
  try {
    req.user = jwt.verify(req.headers.authorization, secret);
    next();
  } catch (err) {
    next(err);
  }
};`,
    `// a token helper that answers null, not the caller
export function verifyToken(token) {
  try {
    return jwt.verify(token, secret);
  } catch {
    return null;
  }
}`,
    `// a client checking an upstream 401
app.get('/proxy', async (req, res) => {
  const upstream = await fetch(url);
  if (upstream.status === 401) throw new Error('upstream credentials expired');
  res.json(await upstream.json());
});`,
    `// browser code: an axios interceptor
axios.interceptors.response.use(
  (response) => response,
  (error) => {
    if (error.response?.status === 401) window.location.href = '/login';
    return Promise.reject(error);
  },
);`,
    `// test code: mocks that throw
const guard = { canActivate: vi.fn(() => { throw new UnauthorizedException(); }) };
authService.signIn.mockImplementation(async () => { throw new UnauthorizedException(); });
it('rejects', () => {
  const res = mockResponse();
  res.status(401);
});`,
    `// 429 is not checked unless includeRateLimit
app.use((req, res, next) => {
  if (limiter.isLimited(req.ip)) return res.status(429).send('slow down');
  next();
});`,
    {
      code: `// auditedElsewhere: true
app.get('/account', (req, res, next) => {
  if (!req.user) return next(createError(401));
  res.json(req.user);
});`,
      options: [{ auditedElsewhere: true }],
    },
    // --- TypeScript ---
    `// satisfies and type assertions around a logged rejection
export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') {
    logger.warn({ user: req.user?.id }, 'admin required');
    return res.status(403 as const).end();
  }
  next();
}) satisfies RequestHandler;`,
    `// reading a response status in a finish listener is not producing one
app.use((req, res, next) => {
  res.on('finish', () => {
    if (res.statusCode === 401) metrics.increment('auth.rejected');
  });
  next();
});`,
    `// tests asserting a 401
it('rejects anonymous users', async () => {
  await request(app).get('/me').expect(401);
  expect(res.status).toHaveBeenCalledWith(401);
});`,
    `// a status object in API docs is not a response
export const responses = { 401: { description: 'Unauthorized' } };
function isUnauthorized(res) {
  return res.status === 401;
}`,
  ],
  invalid: [
    // --- Express ---
    {
      // a log in only one of two failing branches reports the other
      code: `app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ email }, 'unknown user');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ email }, 'unknown user');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login failed: invalid credentials');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ email }, 'unknown user');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // auth middleware from a real code base
      options: [{ includeAnonymous: true }],
      code: `const jwtAuth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (token == null) return res.sendStatus(401);
  jwt.verify(token, process.env.SECRET, (err, user) => {
    if (err) return res.sendStatus(403);
    req.user = user;
    next();
  });
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `const jwtAuth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (token == null) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.sendStatus(401);
  }
  jwt.verify(token, process.env.SECRET, (err, user) => {
    if (err) return res.sendStatus(403);
    req.user = user;
    next();
  });
};`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `const jwtAuth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (token == null) return res.sendStatus(401);
  jwt.verify(token, process.env.SECRET, (err, user) => {
    if (err) {
      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.sendStatus(403);
    }
    req.user = user;
    next();
  });
};`,
            },
          ],
        },
      ],
    },
    {
      // a failed password check answered with 400 (autofix with import, CommonJS)
      code: `const bcrypt = require('bcryptjs');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return res.status(400).json({ msg: 'Invalid credentials' });
  res.json({ token: sign(user) });
});`,
      settings: cjs,
      output: `const bcrypt = require('bcryptjs');
const log = require('./log');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    log.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login failed: invalid credentials');
    return res.status(400).json({ msg: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "log.warn" },
              output: `const bcrypt = require('bcryptjs');
const log = require('./log');
const { createHash } = require('node:crypto');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    log.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return res.status(400).json({ msg: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // an API key check: the fix logs a fingerprint of the key with the configured helper, never the key
      code: `export function apiKeyAuth(req, res, next) {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !keys.has(apiKey)) return res.status(401).json({ error: 'invalid key' });
  next();
}`,
      settings: fingerprint,
      output: `import { logger } from './logger';
import { fingerprint } from './crypto';
export function apiKeyAuth(req, res, next) {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !keys.has(apiKey)) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], keyFingerprint: apiKey ? fingerprint(apiKey) : undefined }, 'Authentication failed');
    return res.status(401).json({ error: 'invalid key' });
  }
  next();
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { fingerprint } from './crypto';
export function apiKeyAuth(req, res, next) {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !keys.has(apiKey)) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], keyFingerprint: apiKey ? fingerprint(apiKey) : undefined }, 'Authentication failed');
    return res.status(401).json({ error: 'invalid key' });
  }
  next();
}`,
            },
          ],
        },
      ],
    },
    {
      // a failed login that re-renders the form
      code: `app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username });
  if (!user || !(await user.validPassword(req.body.password))) {
    req.flash('error', 'Invalid username or password');
    return res.redirect('/login');
  }
  req.session.userId = user.id;
  res.redirect('/');
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username });
  if (!user || !(await user.validPassword(req.body.password))) {
    req.flash('error', 'Invalid username or password');
    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.redirect('/login');
  }
  req.session.userId = user.id;
  res.redirect('/');
});`,
            },
          ],
        },
      ],
    },
    {
      // an ownership check answered with 403
      code: `router.delete('/posts/:id', auth, async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.author.toString() !== req.user.id) {
    return res.status(403).json({ msg: 'User not authorized' });
  }
  await post.deleteOne();
  res.json({ msg: 'Post removed' });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `router.delete('/posts/:id', auth, async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.author.toString() !== req.user.id) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(403).json({ msg: 'User not authorized' });
  }
  await post.deleteOne();
  res.json({ msg: 'Post removed' });
});`,
            },
          ],
        },
      ],
    },
    {
      // a same-file helper that answers without logging
      code: `function deny(res) {
  return res.status(403).json({ error: 'forbidden' });
}
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) return deny(res);
  res.json(report());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `function deny(res) {
  return res.status(403).json({ error: 'forbidden' });
}
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return deny(res);
  }
  res.json(report());
});`,
            },
          ],
        },
      ],
    },
    {
      // a 401 handed to next() without an error handler that logs it
      options: [{ includeAnonymous: true }],
      code: `app.use((req, res, next) => {
  if (!req.session.user) return next(createError(401, 'Please log in'));
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use((req, res, next) => {
  if (!req.session.user) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return next(createError(401, 'Please log in'));
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // an error middleware that turns token errors into 401s
      code: `app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    res.status(401).send('invalid token');
  } else {
    next(err);
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(401).send('invalid token');
  } else {
    next(err);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // a token check in a catch answered with 400
      code: `module.exports = function (req, res, next) {
  try {
    req.user = jwt.verify(req.header('auth-token'), process.env.TOKEN_SECRET);
    next();
  } catch (err) {
    res.status(400).send('Invalid Token');
  }
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `module.exports = function (req, res, next) {
  try {
    req.user = jwt.verify(req.header('auth-token'), process.env.TOKEN_SECRET);
    next();
  } catch (err) {
    console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(400).send('Invalid Token');
  }
};`,
            },
          ],
        },
      ],
    },
    {
      // an API key comparison that fails
      code: `app.use('/internal', (req, res, next) => {
  if (req.get('x-api-key') !== process.env.INTERNAL_API_KEY) {
    return res.status(400).json({ error: 'bad key' });
  }
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use('/internal', (req, res, next) => {
  if (req.get('x-api-key') !== process.env.INTERNAL_API_KEY) {
    console.warn('Authentication failed: invalid API key', { reason: 'invalid_api_key', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(400).json({ error: 'bad key' });
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // 429 with includeRateLimit
      code: `app.use((req, res, next) => {
  if (limiter.isLimited(req.ip)) return res.status(429).send('slow down');
  next();
});`,
      options: [{ includeRateLimit: true }],
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use((req, res, next) => {
  if (limiter.isLimited(req.ip)) {
    console.warn('Rate limit exceeded', { reason: 'rate_limited', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(429).send('slow down');
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // passport local strategy: done(null, false) on both failures
      code: `passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) return done(null, false, { message: 'Incorrect email.' });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
      settings: pino,
      output: [
        `import { logger } from './logger';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect email.' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
        `import { logger } from './logger';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect email.' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect password.' });
  }
  return done(null, user);
}));`,
      ],
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ reason: 'invalid_credentials', emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect email.' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) return done(null, false, { message: 'Incorrect email.' });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    logger.warn({ reason: 'invalid_credentials', emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect password.' });
  }
  return done(null, user);
}));`,
            },
          ],
        },
      ],
    },
    {
      // pages API route (Next.js pages router)
      code: `export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) {
    res.status(401).json({ message: 'Unauthorized' });
    return;
  }
  res.json({ ok: true });
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(401).json({ message: 'Unauthorized' });
    return;
  }
  res.json({ ok: true });
}`,
            },
          ],
        },
      ],
    },
    // --- TypeScript ---
    {
      // satisfies, non-null and type assertions around the rejection
      code: `export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') return res.status(403 as const)!.end();
  next();
}) satisfies RequestHandler;`,
      settings: pino,
      output: `import { logger } from './logger';
export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403 as const)!.end();
  }
  next();
}) satisfies RequestHandler;`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403 as const)!.end();
  }
  next();
}) satisfies RequestHandler;`,
            },
          ],
        },
      ],
    },
  ],
});
