import { type NextRequest, NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { logger } from '@/lib/logger';
import { getUserId } from '@/lib/session';

export async function GET(request: NextRequest) {
  const userId = await getUserId(request);
  if (!userId) {
    logger.warn({ path: request.nextUrl.pathname }, 'search without a valid session');
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const text = request.nextUrl.searchParams.get('q') ?? '';
  logger.info(`order search by ${userId}: ${text}`); // planted: no-log-injection
  try {
    return NextResponse.json(await db.searchOrders(userId, text));
  } catch (error) {
    logger.error({ err: error, userId }, 'order search failed');
    return NextResponse.json({ error: 'Search failed' }, { status: 500 });
  }
}
