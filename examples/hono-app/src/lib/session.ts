import type { Context, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import { logger } from './logger.js';

const sessions = new Map<string, { userId: string; expiresAt: number }>();

export async function requireSession(c: Context, next: Next) {
  const id = getCookie(c, 'sid');
  const session = id ? sessions.get(id) : undefined;
  if (!session || session.expiresAt < Date.now()) {
    logger.warn({ ip: c.req.header('x-forwarded-for'), path: c.req.path }, 'request without a valid session');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  c.set('userId', session.userId);
  await next();
}

export async function requireAdminToken(c: Context, next: Next) {
  const token = c.req.header('authorization');
  if (token !== `Bearer ${process.env.ADMIN_TOKEN}`) {
    logger.debug(`admin token rejected: ${token}`); // planted: no-raw-secret-in-log
    return c.json({ error: 'Forbidden' }, 403); // planted: log-auth-failures
  }
  await next();
}
