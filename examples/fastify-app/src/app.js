import Fastify from 'fastify';
import { logger } from '#logger';
import { authPlugin } from './plugins/auth.js';
import { ordersRoutes } from './routes/orders.js';
import { webhookRoutes } from './routes/webhooks.js';

export async function buildApp() {
  // Fastify logs every request through the pino instance it is given.
  const app = Fastify({ loggerInstance: logger, trustProxy: true });

  await app.register(authPlugin);
  await app.register(ordersRoutes, { prefix: '/orders' });
  await app.register(webhookRoutes, { prefix: '/webhooks' });

  app.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'request failed');
    const status = error.statusCode ?? 500;
    // Fastify's own 4xx errors (validation, bad JSON) are written for the client.
    return reply.code(status).send({ error: status < 500 ? error.message : 'Internal Server Error' });
  });

  return app;
}
