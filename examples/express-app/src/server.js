import { logger } from '#logger';
import { app } from './app.js';
import { startAuditRotation, startSessionCleanup } from './jobs/cleanup.js';

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => logger.info({ port }, 'listening'));
const timers = [startSessionCleanup(), startAuditRotation()];

process.on('SIGTERM', () => {
  timers.forEach(clearInterval);
  server.close((err) => {
    if (err) logger.error({ err }, 'shutdown failed');
    process.exit(err ? 1 : 0);
  });
});
