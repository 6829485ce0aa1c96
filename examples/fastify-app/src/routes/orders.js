import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

const orders = new Map();
const events = new EventEmitter();

async function sendConfirmation(order) {
  const response = await fetch(process.env.MAILER_URL, { method: 'POST', body: JSON.stringify({ orderId: order.id }) });
  if (!response.ok) throw new Error(`mailer answered ${response.status}`);
}

export async function ordersRoutes(fastify) {
  events.on('order.created', async (order) => { // planted: background-task-error-handling
    await sendConfirmation(order);
  });

  fastify.addHook('onRequest', fastify.authenticate);

  fastify.get('/', async (request) => {
    request.log.info(`order search: ${request.query.q}`); // pino writes JSON lines (CR/LF escaped): no-log-injection reports it only in strict
    const query = String(request.query.q ?? '');
    return [...orders.values()].filter((order) => order.userId === request.user.sub && order.item.includes(query));
  });

  fastify.get('/:id', async (request, reply) => {
    const order = orders.get(request.params.id);
    if (!order || order.userId !== request.user.sub) return reply.code(404).send({ error: 'Not found' });
    return order;
  });

  fastify.post('/', async (request, reply) => {
    const order = { id: randomUUID(), userId: request.user.sub, item: request.body.item, paymentToken: request.body.paymentToken };
    request.log.info({ order }, 'order received'); // planted: no-raw-secret-in-log (the order holds the payment token)
    try {
      await chargeCard(order);
    } catch (err) {
      request.log.error(`payment failed: ${err.message}`); // planted: log-error-with-stack
      return reply.code(502).send({ error: 'Payment failed', detail: err.message }); // planted: no-error-details-in-response
    }
    orders.set(order.id, order);
    events.emit('order.created', order);
    return reply.code(201).send({ id: order.id });
  });

  fastify.delete('/:id', { preHandler: fastify.requireRole('admin') }, async (request, reply) => {
    orders.delete(request.params.id);
    request.log.warn({ orderId: request.params.id, by: request.user.sub }, 'order deleted by an administrator');
    return reply.code(204).send();
  });
}

async function chargeCard(order) {
  const response = await fetch(process.env.PAYMENTS_URL, { method: 'POST', body: JSON.stringify({ token: order.paymentToken }) });
  if (!response.ok) throw new Error(`payments answered ${response.status}`);
}
