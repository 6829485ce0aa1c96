import fastifyJwt from '@fastify/jwt';
import fp from 'fastify-plugin';

export const authPlugin = fp(async (fastify) => {
  await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET });

  fastify.decorate('authenticate', async (request, reply) => {
    try {
      await request.jwtVerify();
    } catch (err) {
      request.log.warn({ err, ip: request.ip }, 'invalid or expired token');
      return reply.code(401).send({ error: 'Unauthorized' });
    }
  });

  fastify.decorate('requireRole', (role) => async (request, reply) => {
    if (request.user.role !== role) {
      return reply.code(403).send({ error: 'Forbidden' }); // planted: log-auth-failures
    }
  });
});
