import jwt from 'jsonwebtoken';

/**
 * API clients present a bearer token. The caller is stored on the request but not bound to the
 * request logger (pino-http's `req.log`), so this request's later log lines name no one.
 */
export function requireBearer(req, res, next) {
  try {
    req.user = jwt.verify(req.get('authorization')?.replace(/^Bearer /u, ''), process.env.JWT_SECRET);
  } catch {
    req.log.warn({ ip: req.ip, reason: 'invalid_token' }, 'bearer token rejected');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  return next(); // planted: log-auth-success (bindIdentity: no req.log.child({ userId }))
}
