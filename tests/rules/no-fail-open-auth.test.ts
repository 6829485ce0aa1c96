import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-fail-open-auth.js';

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

const EXPRESS_CATCH_NEXT = `import jwt from 'jsonwebtoken';
export function requireAuth(req, res, next) {
  try {
    req.user = jwt.verify(req.headers.authorization?.slice(7), process.env.JWT_SECRET);
    next();
  } catch (err) {
    next();
  }
}`;

const NEST_GUARD = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class JwtAuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      await this.jwt.verifyAsync(token);
      return true;
    } catch {
      return true;
    }
  }
}`;

const PASSPORT_GUEST = `passport.use(
  new JwtStrategy(options, async (payload, done) => {
    try {
      return done(null, await User.findById(payload.sub));
    } catch (err) {
      return done(null, { id: 'guest' });
    }
  }),
);`;

/** An auth middleware whose catch passes the request on inside `if (<test>)`. */
const branchPassThrough = (test: string): string => `function authMiddleware(req, res, next) {
${test === '!isPublicRoute' ? '  const isPublicRoute = PUBLIC_PATHS.includes(req.path);\n' : ''}  try {
    req.user = jwt.verify(req.headers.authorization, secret);
    return next();
  } catch (err) {
    if (${test}) {
      return next();
    }
    return res.status(401).end();
  }
}`;

ruleTester.run('no-fail-open-auth', rule, {
  valid: [
    // rejects with 401 in the catch
    `export function requireAuth(req, res, next) {
  try {
    req.user = jwt.verify(req.headers.authorization?.slice(7), process.env.JWT_SECRET);
    next();
  } catch (err) {
    logger.warn({ err }, 'token check failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
}`,
    // Ghost (core/server/services/auth/session/middleware.js): the error is handed on
    `async function authenticate(req, res, next) {
  try {
    const user = await sessionService.getUserForSession(req, res);
    if (user) req.user = user;
    next();
  } catch (err) {
    next(err);
  }
}`,
    // Directus (middleware/authenticate.js): the catch rethrows
    `const handler = async (req, res, next) => {
  try {
    req.accountability = await getAccountabilityForToken(req.token, defaultAccountability);
  } catch (err) {
    if (isDirectusError(err, ErrorCode.InvalidToken)) res.clearCookie(env.SESSION_COOKIE_NAME);
    throw err;
  }
  return next();
};
export const authenticate = asyncHandler(handler);`,
    // n8n (auth/auth.service.js): the catch only clears the cookie; a later check decides
    `class AuthService {
  createAuthMiddleware({ allowUnauthenticated }) {
    return async (req, res, next) => {
      const token = req.cookies[AUTH_COOKIE_NAME];
      if (token) {
        try {
          const [user] = await this.resolveJwt(token, req, res);
          req.user = user;
        } catch (error) {
          if (error instanceof JsonWebTokenError || error instanceof AuthError) this.clearCookie(res);
          else throw error;
        }
      }
      if (req.user) next();
      else if (allowUnauthenticated) next();
      else res.status(401).json({ status: 'error', message: 'Unauthorized' });
    };
  }
}`,
    // n8n (engine-control-plane-auth.middleware.js): a same-file helper answers 401
    `export function engineAuthMiddleware(engineConfig) {
  return (req, res, next) => {
    try {
      verifyActionToken(engineConfig.authSecret, req.header('authorization'));
    } catch (error) {
      if (!(error instanceof InvalidActionTokenError)) throw error;
      res.status(401).json({ code: 401, message: 'token rejected' });
      return;
    }
    next();
  };
}`,
    // Ghost (members/middleware.js): loading a session is not an auth step by name
    `const loadMemberSession = async function loadMemberSession(req, res, next) {
  try {
    const member = await membersService.ssr.getMemberDataFromSession(req, res);
    Object.assign(req, { member });
    next();
  } catch (err) {
    Object.assign(req, { member: null });
    next();
  }
};`,
    // optional authentication, named as such
    `export const optionalAuth = (req, res, next) => {
  try {
    req.user = jwt.verify(req.headers.authorization?.slice(7), key);
  } catch {}
  next();
};`,
    `export function attachUserIfPresent(req, res, next) {
  jwt.verify(req.cookies.token, key, (err, decoded) => {
    if (err) return next();
    req.user = decoded;
    next();
  });
}`,
    // listed as optional in the options
    {
      code: `export const viewerAuth = async (req, res, next) => {
  try {
    req.user = await sessions.getUser(req.cookies.sid);
  } catch {
    return next();
  }
  next();
};`,
      options: [{ optionalAuthNames: ['viewerAuth'] }],
    },
    // the catch leaves the user unset and a check after it rejects
    `export const authMiddleware = (req, res, next) => {
  let user;
  try {
    user = jwt.verify(token, key);
  } catch {}
  if (!user) return res.sendStatus(401);
  req.user = user;
  next();
};`,
    // a catch around something that is not the authentication
    `export async function requireAuth(req, res, next) {
  if (!req.session.userId) return res.sendStatus(401);
  try {
    await metrics.increment('requests');
  } catch (e) {
    logger.warn(e);
  }
  next();
}`,
    // verify callback that rejects on error
    `const authenticate = (req, res, next) => {
  jwt.verify(req.cookies.token, key, (err, decoded) => {
    if (err) return res.status(401).json({ message: 'Invalid token' });
    req.user = decoded;
    next();
  });
};`,
    // passport: done(err) and done(null, false)
    `passport.use(new LocalStrategy(async (username, password, done) => {
  try {
    const user = await User.findOne({ username });
    if (!user || !(await user.verifyPassword(password))) return done(null, false);
    return done(null, user);
  } catch (err) {
    return done(err);
  }
}));`,
    // Nest guard that throws
    `@Injectable()
export class ApiKeyGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.keys.verify(context.switchToHttp().getRequest().headers['x-api-key']);
    } catch {
      throw new UnauthorizedException();
    }
  }
}`,
    // Nest guard that returns false
    `export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    try {
      return this.reflector.get('roles', context.getHandler()).includes(getUser(context).role);
    } catch {
      return false;
    }
  }
}`,
    // Fastify: reply.send(err) answers 401
    `fastify.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});`,
    // a promise chain that rejects
    `export function authenticate(req, res, next) {
  verifyToken(req.get('authorization'))
    .then((user) => { req.user = user; next(); })
    .catch((err) => next(err));
}`,
    // Koa: ctx.throw(401) in the catch
    `export async function requireAuth(ctx, next) {
  try {
    ctx.state.user = await verifyToken(ctx.get('authorization'));
  } catch (err) {
    ctx.throw(401, 'Invalid token');
  }
  await next();
}`,
    // the error handed to next as a function reference
    `export const authenticate = (req, res, next) => {
  verifyToken(req.get('authorization'))
    .then((user) => { req.user = user; next(); })
    .catch(next);
};`,
    // a redirect to the login page rejects too
    `export function ensureLoggedIn(req, res, next) {
  try {
    req.user = sessions.verifySession(req.cookies.sid);
  } catch {
    return res.redirect('/login');
  }
  next();
}`,
    // test files are not checked
    { code: EXPRESS_CATCH_NEXT, filename: 'auth.test.ts' },
    // a session id handed to other work is not a credential check: a refresh of the session's token
    // that is already waited for (sap approuter's lazy JWT refresh)
    `module.exports = function lazyJwtRefreshMiddleware(req, res, next) {
  const sessionId = req.sessionID;
  if (pendingRefreshes.has(sessionId)) {
    pendingRefreshes.get(sessionId).then((result) => {
      if (result && result.user) req.session.user = result.user;
      next();
    }).catch(() => next());
    return;
  }
  next();
};`,
    // the customer is already identified; the try attaches them to the session's cart (evershop)
    `import { select, update } from '@evershop/postgres-query-builder';
import { error } from './logger.js';
export default async function authAddCustomerToCart(request, response, next) {
  try {
    const { sessionID } = request;
    const customer = request.getCurrentCustomer();
    if (customer) {
      const cart = await select().from('cart').where('sid', '=', sessionID).and('status', '=', 1).load(pool);
      if (cart) await update('cart').given({ customer_id: customer.customer_id }).where('cart_id', '=', cart.cart_id).execute(pool);
    }
  } catch (e) {
    error(e);
  }
  next();
}`,
    // an invalid token on a route declared public goes on without a user, flagged (dbgate)
    `function authMiddleware(req, res, next) {
  const skipAuth = SKIP_AUTH_PATHS.includes(req.path);
  const token = req.headers.authorization.split(' ')[1];
  try {
    req.user = jwt.verify(token, getTokenSecret());
    return next();
  } catch (err) {
    if (skipAuth) {
      req.isInvalidToken = true;
      return next();
    }
    logger.error({ err }, 'Sending invalid token error');
    return res.status(401).json({ error: 'invalid token' });
  }
}`,
  ],
  invalid: [
    // only the branch for routes that need no user may pass an invalid token on: `if (!isPublicRoute)` is the other one;
    // and a flag that does not say the route is public is no excuse
    ...[
      { test: '!isPublicRoute', line: 8 },
      { test: 'req.isAdminRoute', line: 7 },
    ].map(({ test, line }) => {
      const code = branchPassThrough(test);
      return {
        code,
        errors: [
          {
            messageId: 'failOpen' as const,
            line,
            suggestions: [
              {
                messageId: 'reject' as const,
                data: { how: '401' },
                output: code.replace(`if (${test}) {\n      return next();`, `if (${test}) {\n      console.warn('Authentication failed', err);\n      return res.status(401).json({ error: 'Unauthorized' });`),
              },
            ],
          },
        ],
      };
    }),
    // Express: next() in the catch
    {
      code: EXPRESS_CATCH_NEXT,
      errors: [
        {
          messageId: 'failOpen',
          line: 7,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: '401' },
              output: EXPRESS_CATCH_NEXT.replace("  } catch (err) {\n    next();", "  } catch (err) {\n    console.warn('Authentication failed', err);\n    return res.status(401).json({ error: 'Unauthorized' });"),
            },
          ],
        },
      ],
    },
    // the request logger the file already logs through goes into the suggestion (one log-target precedence)
    {
      code: `export const authMiddleware = async (req, res, next) => {
  req.log.info('checking session');
  try {
    req.user = await authService.validateSession(req.cookies.sid);
  } catch (err) {
    return next();
  }
  next();
};`,
      settings: { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } },
      errors: [
        {
          messageId: 'failOpen',
          line: 6,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: '401' },
              output: `export const authMiddleware = async (req, res, next) => {
  req.log.info('checking session');
  try {
    req.user = await authService.validateSession(req.cookies.sid);
  } catch (err) {
    req.log.warn({ err }, 'Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  next();
};`,
            },
          ],
        },
      ],
    },
    // logging does not make it safe; a configured logger goes into the suggestion
    {
      code: `import { logger } from './logger';
export const authMiddleware = async (req, res, next) => {
  try {
    req.user = await authService.validateSession(req.cookies.sid);
  } catch (err) {
    logger.error({ err }, 'session lookup failed');
    return next();
  }
  next();
};`,
      settings: { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } },
      errors: [
        {
          messageId: 'failOpen',
          line: 7,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: '401' },
              output: `import { logger } from './logger';
export const authMiddleware = async (req, res, next) => {
  try {
    req.user = await authService.validateSession(req.cookies.sid);
  } catch (err) {
    logger.error({ err }, 'session lookup failed');
    logger.warn({ err }, 'Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  next();
};`,
            },
          ],
        },
      ],
    },
    // the error branch of jwt.verify's callback
    {
      code: `const authenticate = (req, res, next) => {
  jwt.verify(req.cookies.token, key, (err, decoded) => {
    if (err) return next();
    req.user = decoded;
    next();
  });
};`,
      errors: [{ messageId: 'failOpen', line: 3, suggestions: [] }],
    },
    // if (err || !user) next()
    {
      code: `export function isAuthenticated(req, res, next) {
  passport.authenticate('jwt', { session: false }, (err, user) => {
    if (err || !user) {
      next();
      return;
    }
    req.user = user;
    next();
  })(req, res, next);
}`,
      errors: [{ messageId: 'failOpen', line: 4, suggestions: [{ messageId: 'reject', data: { how: '401' }, output: `export function isAuthenticated(req, res, next) {
  passport.authenticate('jwt', { session: false }, (err, user) => {
    if (err || !user) {
      console.warn('Authentication failed', err);
      return res.status(401).json({ error: 'Unauthorized' });
      return;
    }
    req.user = user;
    next();
  })(req, res, next);
}` }] }],
    },
    // the catch logs and falls through to next()
    {
      code: `export const authMw = (req, res, next) => {
  try {
    req.user = jwt.verify(token, key);
  } catch (e) {
    logger.warn(e);
  }
  next();
};`,
      errors: [
        {
          messageId: 'failOpen',
          line: 7,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: '401' },
              output: `export const authMw = (req, res, next) => {
  try {
    req.user = jwt.verify(token, key);
  } catch (e) {
    logger.warn(e);
    console.warn('Authentication failed', e);
    return res.status(401).json({ error: 'Unauthorized' });
  }
  next();
};`,
            },
          ],
        },
      ],
    },
    // Koa: falls through to await next()
    {
      code: `router.use(async function authenticate(ctx, next) {
  try {
    ctx.state.user = await verifyToken(ctx.get('authorization'));
  } catch (err) {
    ctx.log.warn(err);
  }
  await next();
});`,
      errors: [{ messageId: 'failOpen', line: 7, suggestions: [] }],
    },
    // Fastify: the hook ends without answering
    {
      code: `fastify.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    request.log.warn(err);
  }
});`,
      errors: [
        {
          messageId: 'failOpen',
          line: 2,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: '401' },
              output: `fastify.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    request.log.warn(err);
    request.log.warn({ err }, 'Authentication failed');
    return reply.code(401).send({ error: 'Unauthorized' });
  }
});`,
            },
          ],
        },
      ],
    },
    // a promise chain: .catch(() => next())
    {
      code: `export function authenticate(req, res, next) {
  verifyToken(req.get('authorization'))
    .then((user) => { req.user = user; next(); })
    .catch(() => next());
}`,
      errors: [{ messageId: 'failOpen', line: 4 }],
    },
    // Nest guard: return true in the catch (the suggestion imports UnauthorizedException)
    {
      code: NEST_GUARD,
      errors: [
        {
          messageId: 'failOpen',
          line: 9,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: 'UnauthorizedException (401)' },
              output: NEST_GUARD.replace(
                "@Injectable()",
                "import { UnauthorizedException } from '@nestjs/common';\n@Injectable()",
              ).replace("    } catch {\n      return true;", "    } catch {\n      console.warn('Authentication failed');\n      throw new UnauthorizedException();"),
            },
          ],
        },
      ],
    },
    // Nest guard: the catch logs and falls through to return true
    {
      code: `@Injectable()
export class ApiKeyGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      context.switchToHttp().getRequest().client = await this.apiKeys.verifyKey(key);
    } catch (err) {
      this.logger.warn(err);
    }
    return true;
  }
}`,
      errors: [
        {
          messageId: 'failOpen',
          line: 9,
          data: { what: 'the credential check in the try', kind: 'guard', how: 'swallows the error and goes on to return true' },
          suggestions: [
            {
              messageId: 'reject',
              data: { how: 'UnauthorizedException (401)' },
              output: `import { UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      context.switchToHttp().getRequest().client = await this.apiKeys.verifyKey(key);
    } catch (err) {
      this.logger.warn(err);
      console.warn('Authentication failed', err);
      throw new UnauthorizedException();
    }
    return true;
  }
}`,
            },
          ],
        },
      ],
    },
    // Nest guard: a promise chain that answers true on failure
    {
      code: `@Injectable()
export class SessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): Promise<boolean> {
    return this.sessions.verify(context.switchToHttp().getRequest().cookies.sid).then(() => true).catch(() => true);
  }
}`,
      errors: [{ messageId: 'failOpen', line: 4 }],
    },
    // Passport: a default user
    {
      code: PASSPORT_GUEST,
      errors: [
        {
          messageId: 'failOpen',
          line: 6,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: 'done(err)' },
              output: PASSPORT_GUEST.replace("      return done(null, { id: 'guest' });", "      console.warn('Authentication failed', err);\n      return done(err);"),
            },
          ],
        },
      ],
    },
    // TypeScript Express middleware in a file named for auth
    {
      code: `import type { NextFunction, Request, Response } from 'express';
export const handler = async (req: Request, res: Response, next: NextFunction) => {
  try {
    (req as any).user = await verifyJwt(req.headers.authorization as string);
  } catch {
    return next();
  }
  return next();
};`,
      filename: 'auth.middleware.ts',
      errors: [
        {
          messageId: 'failOpen',
          line: 6,
          suggestions: [
            {
              messageId: 'reject',
              data: { how: '401' },
              output: `import type { NextFunction, Request, Response } from 'express';
export const handler = async (req: Request, res: Response, next: NextFunction) => {
  try {
    (req as any).user = await verifyJwt(req.headers.authorization as string);
  } catch {
    console.warn('Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  return next();
};`,
            },
          ],
        },
      ],
    },
  ],
});
