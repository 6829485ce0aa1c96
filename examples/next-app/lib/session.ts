import { jwtVerify } from 'jose';
import type { NextRequest } from 'next/server';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);

/** The signed-in user's id, or null when the session cookie is missing, expired or forged. */
export async function getUserId(request: NextRequest): Promise<string | null> {
  const cookie = request.cookies.get('session')?.value;
  if (!cookie) return null;
  try {
    const { payload } = await jwtVerify(cookie, key);
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    // An invalid or expired cookie is the same as no session; callers log the rejection.
    return null;
  }
}
