import bcrypt from 'bcryptjs';
import { SignJWT } from 'jose';
import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { logger } from '@/lib/logger';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);

export async function POST(request: Request) {
  const { email, password } = (await request.json()) as { email: string; password: string };
  const user = await db.findUserByEmail(email);
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    return NextResponse.json({ error: 'Invalid email or password' }, { status: 401 }); // planted: log-auth-failures
  }
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setExpirationTime('1h').sign(key);
  logger.info({ userId: user.id, token }, 'login succeeded'); // planted: no-raw-secret-in-log
  const response = NextResponse.json({ ok: true });
  response.cookies.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  return response;
}
