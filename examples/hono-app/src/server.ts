import { serve } from '@hono/node-server';
import { app } from './app.js';
import { logger } from './lib/logger.js';

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000) }, (info) => {
  logger.info({ port: info.port }, 'listening');
});
