import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Koa: `ctx.throw(401)`, `ctx.status = 401` in the koa-jwt error handler, a failed argon2 check answered
 * through `ctx.body` (the fix logs through koa-pino-logger's `ctx.log`); a database error code
 * translated to 403 and an error handler that rethrows are no rejections.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (Koa)', rule, {
  valid: [
    // --- Koa ---
    `// koa-pino-logger's ctx.log before ctx.throw
router.use(async (ctx, next) => {
  if (!ctx.state.user) {
    ctx.log.warn('anonymous');
    ctx.throw(401, 'Authentication required');
  }
  await next();
});`,
    `// a database error code translated to 403 is not an auth failure
router.post('/members', async (ctx) => {
  try {
    ctx.body = await Member.insert(ctx.request.body);
  } catch (e) {
    switch (e.code) {
      case 'ER_BAD_FIELD_ERROR':
        ctx.throw(403, 'Unrecognised Member field');
        break;
      default:
        throw e;
    }
  }
});
app.use((err, req, res, next) => {
  if (err.code === 'EBADCSRFTOKEN') {
    logger.warn({ ip: req.ip }, 'bad CSRF token');
    return res.status(403).send('form tampered with');
  }
  if (err.code === 'LIMIT_FILE_SIZE') return res.status(403).send('file too large');
  next(err);
});`,
    `// a Koa error handler that rethrows: not a rejection of its own
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err instanceof UnauthorizedException) throw err;
    logger.error(err);
    ctx.status = 500;
  }
});`,
    `// Strapi's Koa context helpers: the refusal logged first; a 400 for a missing field is no access control
router.post('/auth/refresh', async (ctx) => {
  const { refreshToken } = ctx.request.body;
  if (!refreshToken) return ctx.badRequest('Missing refresh token');
  const rotation = await strapi.sessionManager('users-permissions').rotateRefreshToken(refreshToken);
  if ('error' in rotation) {
    strapi.log.warn('refresh token rejected', { ip: ctx.ip });
    return ctx.unauthorized('Invalid refresh token');
  }
  ctx.send({ jwt: rotation.token });
});`,
    `// a password check reached through a service getter, logged on the failure branch
router.post('/auth/local', async (ctx) => {
  const { identifier, password } = ctx.request.body;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: identifier } });
  const validPassword = await getService('user').validatePassword(password, user.password);
  if (!validPassword) {
    strapi.log.warn('login failed', { identifier: hash(identifier), ip: ctx.ip });
    throw new ValidationError('Invalid identifier or password');
  }
  ctx.send({ jwt: issue(user) });
});`,
    `// a Strapi controller (mounted by a router in another file) that logs the refusal
module.exports = ({ strapi }) => ({
  async me(ctx) {
    const authUser = ctx.state.user;
    if (!authUser) {
      strapi.log.warn('GET /users/me without a user', { ip: ctx.ip });
      return ctx.unauthorized();
    }
    ctx.body = await getService('user').fetch(authUser.id);
  },
});`,
    `// a bot framework's ctx is no Koa context: no request is refused here
const commands = {
  async start(ctx) {
    if (!ctx.state.user) return ctx.reply('Please /login first');
    await ctx.reply('Welcome');
  },
};`,
  ],
  invalid: [
    // --- Koa ---
    {
      // a Strapi controller: the router that mounts it is in another file; the unlogged 401 is still a refusal
      options: [{ includeAnonymous: true }],
      code: `module.exports = ({ strapi }) => ({
  async me(ctx) {
    const authUser = ctx.state.user;
    if (!authUser) {
      return ctx.unauthorized();
    }
    ctx.body = await getService('user').fetch(authUser.id);
  },
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `module.exports = ({ strapi }) => ({
  async me(ctx) {
    const authUser = ctx.state.user;
    if (!authUser) {
      console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });
      return ctx.unauthorized();
    }
    ctx.body = await getService('user').fetch(authUser.id);
  },
});`,
            },
          ],
        },
      ],
    },
    {
      // Strapi's Koa context helper ctx.unauthorized(): a 401 answered with no log
      code: `router.post('/auth/refresh', async (ctx) => {
  const { refreshToken } = ctx.request.body;
  if (!refreshToken) return ctx.badRequest('Missing refresh token');
  const rotation = await strapi.sessionManager('users-permissions').rotateRefreshToken(refreshToken);
  if ('error' in rotation) {
    return ctx.unauthorized('Invalid refresh token');
  }
  ctx.send({ jwt: rotation.token });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `router.post('/auth/refresh', async (ctx) => {
  const { refreshToken } = ctx.request.body;
  if (!refreshToken) return ctx.badRequest('Missing refresh token');
  const rotation = await strapi.sessionManager('users-permissions').rotateRefreshToken(refreshToken);
  if ('error' in rotation) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });
    return ctx.unauthorized('Invalid refresh token');
  }
  ctx.send({ jwt: rotation.token });
});`,
            },
          ],
        },
      ],
    },
    {
      // a password check whose receiver is a call (getService('user').validatePassword): the failed branch throws a 400 error, no log
      code: `router.post('/auth/local', async (ctx) => {
  const { identifier, password } = ctx.request.body;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: identifier } });
  const validPassword = await getService('user').validatePassword(password, user.password);
  if (!validPassword) {
    throw new ValidationError('Invalid identifier or password');
  }
  ctx.send({ jwt: issue(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `router.post('/auth/local', async (ctx) => {
  const { identifier, password } = ctx.request.body;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: identifier } });
  const validPassword = await getService('user').validatePassword(password, user.password);
  if (!validPassword) {
    console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });
    throw new ValidationError('Invalid identifier or password');
  }
  ctx.send({ jwt: issue(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // ctx.throw(401)
      options: [{ includeAnonymous: true }],
      code: `router.use(async (ctx, next) => {
  if (!ctx.state.user) ctx.throw(401, 'Authentication required');
  await next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
router.use(async (ctx, next) => {
  if (!ctx.state.user) {
    logger.warn({ reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Authentication failed');
    ctx.throw(401, 'Authentication required');
  }
  await next();
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
router.use(async (ctx, next) => {
  if (!ctx.state.user) {
    logger.warn({ reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Authentication failed');
    ctx.throw(401, 'Authentication required');
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // ctx.status = 401 in the koa-jwt error handler
      code: `module.exports = (ctx, next) =>
  next().catch((err) => {
    if (err.status === 401) {
      ctx.status = 401;
      ctx.body = 'Protected resource';
    } else {
      throw err;
    }
  });`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `module.exports = (ctx, next) =>
  next().catch((err) => {
    if (err.status === 401) {
      console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });
      ctx.status = 401;
      ctx.body = 'Protected resource';
    } else {
      throw err;
    }
  });`,
            },
          ],
        },
      ],
    },
    {
      // ctx.body on a failed argon2 check (koa-pino-logger in the file): the fix logs through ctx.log, whose lines
      // carry the request id, rather than the configured module logger (require-request-id would report that)
      code: `router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  const valid = user && (await argon2.verify(user.hash, password));
  if (!valid) {
    ctx.body = { success: false };
    return;
  }
  ctx.log.info({ username }, 'login');
  ctx.body = { token: sign(user) };
});`,
      settings: pino,
      output: `router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  const valid = user && (await argon2.verify(user.hash, password));
  if (!valid) {
    ctx.log.warn({ reason: 'invalid_credentials', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Login failed: invalid credentials');
    ctx.body = { success: false };
    return;
  }
  ctx.log.info({ username }, 'login');
  ctx.body = { token: sign(user) };
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "ctx.log.warn" },
              output: `import { createHash } from 'node:crypto';
router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  const valid = user && (await argon2.verify(user.hash, password));
  if (!valid) {
    ctx.log.warn({ reason: 'invalid_credentials', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent'), usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    ctx.body = { success: false };
    return;
  }
  ctx.log.info({ username }, 'login');
  ctx.body = { token: sign(user) };
});`,
            },
          ],
        },
      ],
    },
  ],
});
