import { createHmac, timingSafeEqual } from 'node:crypto';

const signingSecret = process.env.WEBHOOK_SECRET ?? '';

function signatureMatches(payload, signature) {
  const expected = createHmac('sha256', signingSecret).update(payload).digest('hex');
  try {
    return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature, 'hex'));
  } catch {
    // A signature of the wrong length is simply a mismatch.
    return false;
  }
}

export async function webhookRoutes(fastify) {
  fastify.post('/payments', async (request, reply) => {
    const signature = request.headers['x-signature'] ?? '';
    if (!signatureMatches(JSON.stringify(request.body), signature)) {
      request.log.warn({ ip: request.ip }, 'webhook with a bad signature rejected');
      return reply.code(401).send({ error: 'Bad signature' });
    }
    request.log.info({ event: request.body.type }, 'payment webhook received');
    return { received: true };
  });

  fastify.get('/session', async (request) => {
    try {
      const session = await fastify.sessionStore.get(request.cookies.sid);
      return { user: session.user };
    } catch {} // planted: no-silent-catch
    return { user: null };
  });
}
