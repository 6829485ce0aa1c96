import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Next.js route handlers and middleware: `NextResponse.json(…, { status: 401 })`, `new Response(…,
 * { status: 401 })` through a same-file helper, a response kept in a variable. A redirect to the login
 * page and a response builder whose callers live in other files are no sites.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (Next.js)', rule, {
  valid: [
    // --- Next.js ---
    `// a response builder: its callers in other files are the sites
import { NextResponse } from 'next/server';
export function unauthorized() {
  return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
}`,
    `// logged before the 401
import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  const session = await auth();
  if (!session) {
    console.warn('unauthenticated', request.url);
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json(await load(session.user.id));
}`,
    `// a middleware redirect to the login page is not a 401
import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  if (!request.cookies.get('session')) return NextResponse.redirect(new URL('/login', request.url));
  return NextResponse.next();
}`,
  ],
  invalid: [
    // --- Next.js ---
    {
      // route handler returning NextResponse.json(…, { status: 401 })
      code: `import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json(await load(session.user.id));
}`,
      settings: pino,
      output: `import { NextResponse } from 'next/server';
import { logger } from './logger';
export async function GET(request: Request) {
  const session = await getServerSession(authOptions);
  if (!session) {
    logger.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') }, 'Authentication failed');
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json(await load(session.user.id));
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { NextResponse } from 'next/server';
import { logger } from './logger';
export async function GET(request: Request) {
  const session = await getServerSession(authOptions);
  if (!session) {
    logger.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') }, 'Authentication failed');
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json(await load(session.user.id));
}`,
            },
          ],
        },
      ],
    },
    {
      // new Response(…, { status: 401 }) and a same-file helper
      code: `function unauthorized() {
  return new Response('Unauthorized', { status: 401 });
}
export const POST = async (req: Request) => {
  const user = await currentUser();
  if (!user) return unauthorized();
  return Response.json(await create(user, await req.json()));
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `function unauthorized() {
  return new Response('Unauthorized', { status: 401 });
}
export const POST = async (req: Request) => {
  const user = await currentUser();
  if (!user) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.url.split('?')[0], ip: req.headers.get('x-forwarded-for'), userAgent: req.headers.get('user-agent') });
    return unauthorized();
  }
  return Response.json(await create(user, await req.json()));
};`,
            },
          ],
        },
      ],
    },
    {
      // a response kept in a variable is reported where it is returned
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const { token } = await request.json();
  if (!(await verifySession(token))) {
    const response = NextResponse.json({ error: 'Session expired' }, { status: 401 });
    response.cookies.delete('session');
    return response;
  }
  return NextResponse.json({ ok: true });
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const { token } = await request.json();
  if (!(await verifySession(token))) {
    const response = NextResponse.json({ error: 'Session expired' }, { status: 401 });
    response.cookies.delete('session');
    console.warn('Authentication failed', { reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') });
    return response;
  }
  return NextResponse.json({ ok: true });
}`,
            },
          ],
        },
      ],
    },
  ],
});
