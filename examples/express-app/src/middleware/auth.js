import { timingSafeEqual } from 'node:crypto';
import { logger } from '#logger';
import { db } from '../db.js';

const adminKey = Buffer.from(process.env.ADMIN_API_KEY ?? '');

/** Admin endpoints: the caller must present the admin API key. */
export function requireApiKey(req, res, next) {
  const presented = req.get('x-api-key') ?? '';
  logger.debug(`admin request to ${req.path} with key ${presented}`); // planted: no-raw-secret-in-log
  const candidate = Buffer.from(presented);
  if (candidate.length !== adminKey.length || !timingSafeEqual(candidate, adminKey)) {
    return res.status(403).json({ error: 'Forbidden' }); // planted: log-auth-failures
  }
  return next();
}

/** User endpoints: the caller must hold a live session. */
export async function requireSession(req, res, next) {
  const session = await db.sessions.find(req.get('x-session-id'));
  if (!session) {
    logger.warn({ ip: req.ip, reason: 'invalid_session', method: req.method, path: req.originalUrl }, 'request without a valid session rejected');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  req.session = session;
  return next();
}

/** The metrics scraper presents a bearer token. */
export function requireMetricsToken(req, res, next) {
  if (req.get('authorization') !== `Bearer ${process.env.METRICS_TOKEN}`) { // planted: require-constant-time-compare
    logger.warn({ ip: req.ip, reason: 'invalid_token', method: req.method, path: req.path }, 'metrics request with a wrong token rejected');
    return res.status(401).end();
  }
  return next();
}

/** Attaches the caller's account; a failed check must reject, not let the request in. */
export async function authenticate(req, res, next) {
  try {
    req.user = await db.sessions.verify(req.get('authorization'));
    return next();
  } catch (err) {
    logger.warn({ err }, 'session check failed');
    return next(); // planted: no-fail-open-auth
  }
}
