import { type NextRequest, NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { logger } from '@/lib/logger';
import { getUserId } from '@/lib/session';

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getUserId(request);
  if (!userId) {
    logger.warn({ path: request.nextUrl.pathname, ip: request.headers.get('x-forwarded-for') }, 'request without a valid session');
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { id } = await params;
  try {
    const order = await db.findOrder(id);
    if (!order || order.userId !== userId) return NextResponse.json({ error: 'Not found' }, { status: 404 });
    return NextResponse.json(order);
  } catch (error) {
    return NextResponse.json({ error: String(error) }, { status: 500 }); // planted: no-error-details-in-response, no-silent-catch
  }
}

export async function DELETE(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getUserId(request);
  if (!userId) {
    logger.warn({ path: request.nextUrl.pathname }, 'cancellation without a valid session');
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { id } = await params;
  try {
    await db.cancelOrder(id, userId);
  } catch {
    return NextResponse.json({ error: 'The order cannot be cancelled' }, { status: 409 });
  }
  logger.info({ orderId: id, userId }, 'order cancelled');
  return new Response(null, { status: 204 });
}
