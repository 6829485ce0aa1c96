import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * A 401/403 whose condition tests no caller is not access control (a feature flag, an environment
 * switch, a paywall, a business rule, a blocklist, the state of a resource, invalid input);
 * `includeNonAccessControl` (strict) reports those too. When the condition tests who is asking, the
 * rejection stays reported.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (access control)', rule, {
  valid: [
    // --- 401/403 that is not access control: the condition tests no caller ---
    // A licence's seat count refuses, not the caller's rights: Strapi EE's admin user creation (round 13).
    `const { ForbiddenError } = require('@strapi/utils').errors;
const hasAdminSeatsAvaialble = async () => {
  const permittedSeats = strapi.ee.seats;
  if (!permittedSeats) return true;
  const userCount = await strapi.service('admin::user').getCurrentActiveUserCount();
  return userCount < permittedSeats;
};
module.exports = {
  async create(ctx) {
    if (!await hasAdminSeatsAvaialble()) {
      throw new ForbiddenError('License seat limit reached. You cannot create a new user');
    }
    ctx.body = await strapi.service('admin::user').create(ctx.request.body);
  },
};`,
    // A 403 chosen by a feature flag (registration disabled) answers no caller: not access control.
    `app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  const user = await users.create(req.body);
  res.status(201).json(user);
});`,
    // A feature switch named by the verb enable, read from the app's e-mail settings (NocoBase's password reset).
    `class BasicAuth {
  async lostPassword() {
    const ctx = this.ctx;
    const { enableResetPassword } = this.getEmailConfig();
    if (!enableResetPassword) {
      ctx.throw(403, ctx.t('Not allowed to reset password'));
    }
    await this.sendResetMail(ctx.action.params.values.email);
  }
}`,
    // An environment switch (OIDC login disabled).
    `router.get('/auth/oidc', (req, res, next) => {
  if (process.env.AUTH_OIDC_ENABLED !== 'true') return res.status(403).send('OIDC login is disabled');
  passport.authenticate('oidc')(req, res, next);
});`,
    // A setting read through Nest's ConfigService.
    `@Controller('auth')
export class SignupController {
  constructor(private readonly configService: ConfigService, private readonly users: UsersService) {}
  @Post('signup')
  async signup(@Body() dto: SignupDto) {
    if (!this.configService.get<boolean>('SIGNUP_ENABLED')) {
      throw new ForbiddenException('Sign-up is closed');
    }
    return this.users.create(dto);
  }
}`,
    // A paywall: the plan, not the caller's rights, chooses the 403.
    `router.get('/reports/export', async (req, res) => {
  if (req.user.plan === 'free') {
    return res.status(403).json({ error: 'Exports need the Pro plan' });
  }
  res.json(await reports.export(req.user.id));
});`,
    // Ghost's comment gate: paid-only comments for a free member.
    `app.post('/comments', async (req, res) => {
  const member = res.locals.member;
  if (commentsEnabled === 'paid' && member.status === 'free') {
    return res.status(403).json({ message: 'Only paid members can comment' });
  }
  res.json(await comments.add(member, req.body));
});`,
    // A business rule: an admin may not delete themself (the caller IS the target).
    `router.delete('/users/:id', requireAdmin, async (req, res) => {
  if (req.params.id === req.user.id) {
    return res.status(403).json({ error: 'You cannot delete your own account' });
  }
  await users.remove(req.params.id);
  res.sendStatus(204);
});`,
    // A blocklist of email domains (Ghost's signup).
    `app.post('/members/signup', async (req, res) => {
  const emailDomain = req.body.email.split('@')[1]?.toLowerCase();
  if (emailDomain && blockedEmailDomains.includes(emailDomain)) {
    return res.status(403).json({ error: 'This email domain is not accepted' });
  }
  res.json(await members.signup(req.body));
});`,
    // An IP blocklist hit, counted by a metric elsewhere.
    `app.use((req, res, next) => {
  if (ipBlocklist.has(req.ip)) {
    metrics.blockedRequests.inc();
    return res.sendStatus(403);
  }
  next();
});`,
    // The state of a resource (Ghost: the tier is archived).
    `app.put('/subscription', async (req, res) => {
  const product = await products.get(req.body.productId);
  if (product.get('active') !== true) {
    res.writeHead(403);
    return res.end('Tier is archived.');
  }
  res.json(await subscriptions.update(product));
});`,
    // Directus answers invalid input with 403: request input checked against fixed values and types.
    `import { ForbiddenError } from '@directus/errors';
router.get('/registry', asyncHandler(async (req, res, next) => {
  const type = req.sanitizedQuery.type;
  if (type && isIn(type, EXTENSION_TYPES) === false) {
    throw new ForbiddenError();
  }
  return next();
}));
router.get('/registry/account/:pk', asyncHandler(async (req, res, next) => {
  if (typeof req.params['pk'] !== 'string') {
    throw new ForbiddenError();
  }
  return next();
}));
router.post('/registry/install', asyncHandler(async (req, _res, next) => {
  const { version, extension } = req.body;
  if (!version || !extension) {
    throw new ForbiddenError();
  }
  return next();
}));`,
    // Directus: an unknown or system collection is a 403, chosen by the request path, not the caller.
    `import { ForbiddenError } from '@directus/errors';
const collectionExists = asyncHandler(async (req, _res, next) => {
  if (req.params['collection'] in req.schema.collections === false) {
    throw new ForbiddenError();
  }
  return next();
});
router.post('/:collection', collectionExists, asyncHandler(async (req, res, next) => {
  if (isSystemCollection(req.params['collection'])) throw new ForbiddenError();
  return next();
}));`,
  ],
  invalid: [
    // --- access control stays reported: the condition tests who is asking ---
    {
      // Actual's sync server: an action named by the verb disable is no feature switch; the error its result
      // carries (a wrong server password) chooses the 401.
      code: `app.post('/disable', validateSessionMiddleware, async (req, res) => {
  const { error } = (await disableOpenID(req.body)) || {};
  if (error) {
    res.status(401).send({ status: 'error', reason: error });
    return;
  }
  res.send({ status: 'ok' });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `app.post('/disable', validateSessionMiddleware, async (req, res) => {
  const { error } = (await disableOpenID(req.body)) || {};
  if (error) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(401).send({ status: 'error', reason: error });
    return;
  }
  res.send({ status: 'ok' });
});`,
            },
          ],
        },
      ],
    },
    {
      // Directus: the admin check stays reported; the input check after it does not.
      code: `import { ForbiddenError } from '@directus/errors';
router.post('/registry/install', asyncHandler(async (req, _res, next) => {
  if (req.accountability && req.accountability.admin !== true) {
    throw new ForbiddenError();
  }
  const { version, extension } = req.body;
  if (!version || !extension) {
    throw new ForbiddenError();
  }
  return next();
}));`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `import { ForbiddenError } from '@directus/errors';
router.post('/registry/install', asyncHandler(async (req, _res, next) => {
  if (req.accountability && req.accountability.admin !== true) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    throw new ForbiddenError();
  }
  const { version, extension } = req.body;
  if (!version || !extension) {
    throw new ForbiddenError();
  }
  return next();
}));` },
          ],
        },
      ],
    },
    {
      // Ownership: the caller is not the author.
      code: `router.patch('/posts/:id', async (req, res) => {
  const post = await posts.find(req.params.id);
  if (post.authorId !== req.user.id) {
    return res.status(403).json({ error: 'Not your post' });
  }
  res.json(await posts.update(post, req.body));
});`,
      settings: pino,
      output: `import { logger } from './logger';
router.patch('/posts/:id', async (req, res) => {
  const post = await posts.find(req.params.id);
  if (post.authorId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Not your post' });
  }
  res.json(await posts.update(post, req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
router.patch('/posts/:id', async (req, res) => {
  const post = await posts.find(req.params.id);
  if (post.authorId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Not your post' });
  }
  res.json(await posts.update(post, req.body));
});` },
          ],
        },
      ],
    },
    {
      // Ghost: no member identity token.
      options: [{ includeAnonymous: true }],
      code: `app.put('/member/email', async (req, res) => {
  const identity = req.body.identity;
  if (!identity) {
    res.writeHead(403);
    return res.end('No Permission.');
  }
  res.json(await members.updateEmail(identity, req.body.email));
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.put('/member/email', async (req, res) => {
  const identity = req.body.identity;
  if (!identity) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.writeHead(403);
    return res.end('No Permission.');
  }
  res.json(await members.updateEmail(identity, req.body.email));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.put('/member/email', async (req, res) => {
  const identity = req.body.identity;
  if (!identity) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.writeHead(403);
    return res.end('No Permission.');
  }
  res.json(await members.updateEmail(identity, req.body.email));
});` },
          ],
        },
      ],
    },
    {
      // A 401 chosen by request input: the input is the presented credential.
      options: [{ includeAnonymous: true }],
      code: `const authMemberByUuid = async function (req, res, next) {
  const key = req.query.key;
  if (!key) {
    throw new UnauthorizedError({ message: 'Missing key' });
  }
  next();
};
app.use(authMemberByUuid);`,
      settings: pino,
      output: `import { logger } from './logger';
const authMemberByUuid = async function (req, res, next) {
  const key = req.query.key;
  if (!key) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    throw new UnauthorizedError({ message: 'Missing key' });
  }
  next();
};
app.use(authMemberByUuid);`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
const authMemberByUuid = async function (req, res, next) {
  const key = req.query.key;
  if (!key) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    throw new UnauthorizedError({ message: 'Missing key' });
  }
  next();
};
app.use(authMemberByUuid);` },
          ],
        },
      ],
    },
    {
      // Caller and setting in one condition: the caller decides.
      code: `app.get('/exports', (req, res) => {
  if (!req.user || !settings.exportsEnabled) return res.sendStatus(403);
  res.json(exportsFor(req.user));
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/exports', (req, res) => {
  if (!req.user || !settings.exportsEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json(exportsFor(req.user));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.get('/exports', (req, res) => {
  if (!req.user || !settings.exportsEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json(exportsFor(req.user));
});` },
          ],
        },
      ],
    },
    {
      // A role check inside a feature flag: the innermost condition decides.
      code: `app.get('/admin/stats', (req, res) => {
  if (config.adminApiEnabled) {
    if (!req.user.isAdmin) return res.sendStatus(403);
  }
  res.json(stats());
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/admin/stats', (req, res) => {
  if (config.adminApiEnabled) {
    if (!req.user.isAdmin) {
      logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
      return res.sendStatus(403);
    }
  }
  res.json(stats());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.get('/admin/stats', (req, res) => {
  if (config.adminApiEnabled) {
    if (!req.user.isAdmin) {
      logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
      return res.sendStatus(403);
    }
  }
  res.json(stats());
});` },
          ],
        },
      ],
    },
    {
      // includeNonAccessControl (strict) reports a feature-flag 403 too.
      code: `app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  res.status(201).json(await users.create(req.body));
});`,
      settings: pino,
      options: [{includeNonAccessControl: true}],
      output: `import { logger } from './logger';
app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  res.status(201).json(await users.create(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  res.status(201).json(await users.create(req.body));
});` },
          ],
        },
      ],
    },
  ],
});
