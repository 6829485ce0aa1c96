import { createHmac, timingSafeEqual } from 'node:crypto';
import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { logger } from '@/lib/logger';

function verify(body: string, signature: string): boolean {
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update(body).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function notifyWarehouse(orderId: string): Promise<void> {
  const response = await fetch(`${process.env.WAREHOUSE_URL}/orders/${orderId}/ship`, { method: 'POST' });
  if (!response.ok) throw new Error(`warehouse answered ${response.status}`);
}

export async function POST(request: Request) {
  const body = await request.text();
  if (!verify(body, request.headers.get('x-signature') ?? '')) {
    logger.warn({ ip: request.headers.get('x-forwarded-for') }, 'payment webhook with a bad signature');
    return new Response('Bad signature', { status: 401 });
  }
  const event = JSON.parse(body) as { type: string; orderId: string };
  if (event.type === 'payment.succeeded') {
    try {
      const order = await db.findOrder(event.orderId);
      if (order) await db.markPaid(order.id);
    } catch (err) {
      logger.error('could not mark order paid: ' + (err as Error).message); // planted: log-error-with-stack
      return NextResponse.json({ received: false }, { status: 500 });
    }
    notifyWarehouse(event.orderId); // planted: background-task-error-handling
  }
  return NextResponse.json({ received: true });
}
