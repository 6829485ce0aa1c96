import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import logger from '../lib/logger.js';
import { requireUser } from '../middleware/auth.js';

export const accountRouter = new Router({ prefix: '/account' });
const resets = new Map();

accountRouter.post('/password-reset', async (ctx) => {
  const { email } = ctx.request.body;
  const token = randomBytes(32).toString('hex');
  resets.set(token, { email, expiresAt: Date.now() + 15 * 60_000 });
  logger.info(`password reset for ${email}: ${token}`); // planted: no-raw-secret-in-log (winston json() escapes CR/LF: no-log-injection reports it only in strict)
  await sendResetMail(email, token);
  ctx.status = 202;
});

accountRouter.get('/me', requireUser, async (ctx) => {
  ctx.body = { id: ctx.state.user.sub };
});

async function sendResetMail(email, token) {
  try {
    await fetch(process.env.MAILER_URL, { method: 'POST', body: JSON.stringify({ to: email, token }) });
  } catch (err) {
    logger.error('reset mail failed: ' + err); // planted: log-error-with-stack
  }
}
