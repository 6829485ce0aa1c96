import jwt from 'jsonwebtoken';
import logger from '../lib/logger.js';

export async function requireUser(ctx, next) {
  const token = ctx.get('authorization').replace(/^Bearer /u, '');
  try {
    ctx.state.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch (err) {
    logger.warn('rejected token', { reason: err.name, ip: ctx.ip, path: ctx.path });
    ctx.throw(401, 'Unauthorized');
  }
  await next();
}

export async function requireAdmin(ctx, next) {
  if (ctx.state.user?.role !== 'admin') {
    ctx.throw(403, 'Forbidden'); // planted: log-auth-failures
  }
  await next();
}
