import bcrypt from 'bcrypt';
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import jwt from 'jsonwebtoken';
import { logger } from '#logger';
import { db } from '../db.js';

const JWT_SECRET = process.env.JWT_SECRET;

export const authRouter = Router();

authRouter.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 })); // planted: log-rate-limit-violations

authRouter.post('/login', async (req, res) => {
  logger.info({ body: req.body }, 'login attempt'); // planted: no-raw-secret-in-log (the body holds the password)
  const { email, password } = req.body;

  const user = await db.users.findByEmail(email);
  if (!user) {
    return res.status(401).json({ error: 'Invalid email or password' }); // planted: log-auth-failures
  }

  const passwordMatches = await bcrypt.compare(password, user.passwordHash);
  if (!passwordMatches) {
    logger.warn({ userId: user.id, ip: req.ip }, 'login failed: wrong password');
    return res.status(401).json({ error: 'Invalid email or password' });
  }

  const session = await db.sessions.create(user.id);
  const token = jwt.sign({ sub: user.id, sid: session.id }, JWT_SECRET, { expiresIn: '1h' });
  logger.info({ userId: user.id, ip: req.ip, sessionExpiresAt: session.expiresAt }, 'login succeeded');
  return res.json({ token }); // planted: log-auth-success (eventField: the log has no event)
});

// A short-lived confirmation token is issued, and the successful login leaves no trace.
authRouter.post('/login/confirm', async (req, res) => {
  const user = await db.users.findById(req.body.userId);
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) {
    logger.warn({ userId: req.body.userId, ip: req.ip, reason: 'invalid_credentials' }, 'login confirmation failed');
    return res.status(401).json({ error: 'Invalid email or password' });
  }
  return res.json({ token: jwt.sign({ sub: user.id, confirmed: true }, JWT_SECRET, { expiresIn: '5m' }) }); // planted: log-auth-success
});

// One-time codes: the success line names the account and the event, but not the client address.
authRouter.post('/login/otp', async (req, res) => {
  const user = await db.users.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.code, user.otpHash))) {
    logger.warn({ ip: req.ip, reason: 'invalid_otp' }, 'one-time code rejected');
    return res.status(401).json({ error: 'Invalid code' });
  }
  logger.info({ userId: user.id, event: 'auth.login_success' }, 'login with a one-time code succeeded');
  return res.json({ token: jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' }) }); // planted: log-auth-success (requiredFields: the log has no ip)
});

authRouter.post('/refresh', async (req, res) => {
  const token = req.get('authorization')?.replace(/^Bearer /u, '');
  try {
    const claims = jwt.verify(token, JWT_SECRET);
    // A database outage here answers "Session expired" and leaves no trace.
    await db.sessions.touch(claims.sid);
    return res.json({ token: jwt.sign({ sub: claims.sub, sid: claims.sid }, JWT_SECRET, { expiresIn: '1h' }) });
  } catch (err) {
    return res.status(401).json({ error: 'Session expired' }); // planted: no-silent-catch, log-auth-failures
  }
});

authRouter.post('/password-reset', async (req, res) => {
  logger.info(`password reset requested for ${req.body.email}`); // planted: no-log-injection, no-pii-in-log
  const user = await db.users.findByEmail(req.body.email);
  if (user) {
    const { tokenExpiresAt } = await db.passwordResets.create(user.id);
    logger.info({ userId: user.id, tokenExpiresAt }, 'password reset link issued');
  }
  // The same answer whether or not the account exists.
  res.status(202).json({ status: 'If the account exists, an email is on its way' });
});
