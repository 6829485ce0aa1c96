import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * better-call endpoints (better-auth and its plugins: `createAuthEndpoint(path, options, async (ctx) => …)`) and
 * error classes handed the status by its constant name as text (`APIError.from('FORBIDDEN', code)`, tRPC's
 * `new TRPCError({ code: 'UNAUTHORIZED' })`). better-auth's router logs a 4xx APIError only when the app sets its
 * logger's level: a plugin's refusal needs its own log (round 17 of the accuracy harness: the admin and organization
 * plugins' permission refusals). The fix writes the better-call context's fields (no `ctx.ip`, `headers` optional).
 */
const ruleTester = new RuleTester();

// better-auth 1.7 dist/plugins/admin/routes.mjs (trimmed)
const SET_ROLE = `const setRole = createAuthEndpoint('/admin/set-role', { method: 'POST', use: [adminMiddleware] }, async (ctx) => {
  if (!hasPermission({ userId: ctx.context.session.user.id, permissions: { user: ['set-role'] } })) throw APIError.from('FORBIDDEN', ADMIN_ERROR_CODES.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
  return ctx.json({ ok: true });
});`;
const SET_ROLE_FIXED = `const setRole = createAuthEndpoint('/admin/set-role', { method: 'POST', use: [adminMiddleware] }, async (ctx) => {
  if (!hasPermission({ userId: ctx.context.session.user.id, permissions: { user: ['set-role'] } })) {
    console.warn('Access denied', { reason: 'forbidden', method: ctx.method, path: ctx.path, ip: ctx.headers?.get('x-forwarded-for'), userAgent: ctx.headers?.get('user-agent') });
    throw APIError.from('FORBIDDEN', ADMIN_ERROR_CODES.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
  }
  return ctx.json({ ok: true });
});`;

// better-auth's organization plugin: no signed-in session at all is an anonymous request (reported with includeAnonymous)
const NO_SESSION = `const del = createAuthEndpoint('/organization/delete', { method: 'POST' }, async (ctx) => {
  const session = await getSessionFromCtx(ctx);
  if (!session) throw APIError.fromStatus('UNAUTHORIZED');
  return ctx.json({ ok: true });
});`;

ruleTester.run('log-auth-failures (better-call endpoints, status names as text)', rule, {
  valid: [
    NO_SESSION,
    // the library's own logger at warn on the refusing path
    `const leave = createAuthEndpoint('/organization/leave', { method: 'POST' }, async (ctx) => {
  const member = await findMember(ctx.body.organizationId, ctx.context.session.user.id);
  if (!member) {
    ctx.context.logger.warn('Not a member', { userId: ctx.context.session.user.id, ip: ctx.headers?.get('x-forwarded-for'), reason: 'not_member' });
    throw new APIError('FORBIDDEN', { message: 'Not a member' });
  }
  return ctx.json({ ok: true });
});`,
    // a built-in Error's text is only a message, and a status name that is no refusal
    `app.post('/admin', async (req, res) => {
  if (!req.user.roles.includes('admin')) throw new Error('FORBIDDEN');
  res.json({});
});`,
    `const get = createAuthEndpoint('/organization/get', { method: 'GET' }, async (ctx) => {
  const org = await findOrganization(ctx.query.id);
  if (!org) throw new APIError('NOT_FOUND', { message: 'Organization not found' });
  return ctx.json(org);
});`,
  ],
  invalid: [
    {
      code: NO_SESSION,
      options: [{ includeAnonymous: true }],
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `const del = createAuthEndpoint('/organization/delete', { method: 'POST' }, async (ctx) => {
  const session = await getSessionFromCtx(ctx);
  if (!session) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.headers?.get('x-forwarded-for'), userAgent: ctx.headers?.get('user-agent') });
    throw APIError.fromStatus('UNAUTHORIZED');
  }
  return ctx.json({ ok: true });
});`,
            },
          ],
        },
      ],
    },
    {
      code: SET_ROLE,
      errors: [{ messageId: 'unlogged', line: 2, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: SET_ROLE_FIXED }] }],
    },
    {
      // tRPC's error in an Express handler
      code: `app.post('/admin', async (req, res) => {
  if (!req.user.roles.includes('admin')) throw new TRPCError({ code: 'FORBIDDEN' });
  res.json({});
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `app.post('/admin', async (req, res) => {
  if (!req.user.roles.includes('admin')) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    throw new TRPCError({ code: 'FORBIDDEN' });
  }
  res.json({});
});`,
            },
          ],
        },
      ],
    },
  ],
});
