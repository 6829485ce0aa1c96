import express from 'express';
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

// A second, internal server for metrics scrapes: nobody records who calls it.
const metrics = express(); // planted: require-request-logging
metrics.get('/metrics', (req, res) => res.type('text/plain').send(`uptime_seconds ${process.uptime()}`));
metrics.listen(9100);

process.on('unhandledRejection', (reason) => { // planted: require-error-handler-logging
  logger.warn({ reason }, 'unhandled rejection');
});
