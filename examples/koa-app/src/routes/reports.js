import Router from '@koa/router';
import logger from '../lib/logger.js';
import { requireAdmin, requireUser } from '../middleware/auth.js';

export const reportsRouter = new Router({ prefix: '/reports' });

reportsRouter.use(requireUser, requireAdmin);

reportsRouter.get('/:name', async (ctx) => {
  try {
    ctx.body = await renderReport(ctx.params.name);
  } catch (err) { // planted: no-silent-catch
    ctx.status = 500;
    ctx.body = { error: err.message, stack: err.stack }; // planted: no-error-details-in-response
  }
});

reportsRouter.post('/:name/refresh', async (ctx) => {
  setTimeout(async () => { // planted: background-task-error-handling
    await renderReport(ctx.params.name);
  }, 0);
  ctx.status = 202;
});

reportsRouter.delete('/cache', async (ctx) => {
  const removed = await clearReportCache().catch((err) => {
    logger.warn('report cache was not cleared', err);
    return 0;
  });
  ctx.body = { removed };
});

async function renderReport(name) {
  const response = await fetch(`${process.env.REPORTS_URL}/${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`reports service answered ${response.status}`);
  return response.json();
}

async function clearReportCache() {
  const response = await fetch(`${process.env.REPORTS_URL}/cache`, { method: 'DELETE' });
  return Number(await response.text());
}
