import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/log-auth-failures.js';

// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

/** A configured logger: fixes become autofixes and import it. */
const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
/** A CommonJS default export. */
const cjs = { 'security-logging': { logger: { name: 'log', importFrom: './log', importKind: 'default', style: 'pino' } } };
/** A logger the file declares itself. */
const winston = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
/** A configured fingerprint helper for presented keys and tokens. */
const fingerprint = {
  'security-logging': {
    logger: { name: 'logger', importFrom: './logger', style: 'pino' },
    fingerprint: { name: 'fingerprint', importFrom: './crypto' },
  },
};
/** NestJS: the class's own logger. */
const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };

ruleTester.run('log-auth-failures', rule, {
  valid: [
    // Koa ctx.assert: a feature switch (not access control), a 400, or written out as a logged throw.
    {
      code: `router.post('/exports', async (ctx) => {
  ctx.assert(config.exportsEnabled, 403, 'Exports are disabled');
  ctx.assert(ctx.request.body.format, 400, 'format is required');
  ctx.body = await exports.create(ctx.request.body);
});`,
      settings: pino,
    },
    {
      code: `router.get('/admin/stats', async (ctx) => {
  if (!ctx.state.user?.isAdmin) {
    logger.warn({ reason: 'forbidden', path: ctx.path }, 'Access denied');
    ctx.throw(403, 'Admins only');
  }
  ctx.body = await stats.collect();
});`,
      settings: pino,
    },
    // A status chosen by a ternary: logged on the way; or chosen by a resource's state (not access control, as with an if).
    {
      code: `router.get('/documents/:id', async (req, res) => {
  const userId = req.session.userId;
  const doc = await Document.findOne({ _id: req.params.id, ownerId: userId });
  if (!doc) {
    logger.warn({ reason: userId ? 'not_found' : 'unauthorized', path: req.path }, 'Document not available');
    return res.status(userId ? 404 : 401).json({ error: 'Not available' });
  }
  res.json(doc);
});`,
      settings: pino,
    },
    {
      code: `router.get('/documents/:id', async (req, res) => {
  const doc = await Document.findById(req.params.id);
  if (!doc || doc.archived) {
    return res.status(doc ? 403 : 404).json({ error: 'Not available' });
  }
  res.json(doc);
});`,
      settings: pino,
    },
    // An app's error factories called without `new`: logged, or not thrown (a predicate named alike).
    {
      code: `export const requireApiKey = async (req: Request, res: Response, next: NextFunction) => {
  const key = await ApiKey.findOne({ token: req.get('x-api-key') });
  if (!key) {
    logger.warn({ reason: 'unauthorized', path: req.path }, 'Invalid API key');
    return next(createUnauthorizedError('Invalid API key'));
  }
  next();
};`,
      settings: pino,
    },
    {
      code: `router.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (forbidden(post, req.user)) return res.redirect('/posts');
  await post.remove();
  res.sendStatus(204);
});`,
      settings: pino,
    },
    // The app's own response helpers: logged, or given a number that is no status.
    {
      code: `export async function deleteTeam(req: Request, res: Response) {
  const team = await Team.findById(req.params.id);
  if (team.ownerId !== req.user.id) {
    logger.warn({ reason: 'forbidden', path: req.path }, 'Access denied');
    return sendStatus(403, res);
  }
  return sendStatus(204, res);
}`,
      settings: pino,
    },
    {
      code: `router.get('/reports/:id', async (req, res) => {
  const report = await Report.findById(req.params.id);
  if (!req.user.canRead(report)) {
    return withTimeout(res, 403);
  }
  return formatResponse(200, res, report);
});`,
      settings: pino,
    },
    // The same shapes, logged.
    {
      code: `export const makeUpdate = (users) => async ({ body, params }: Request, res: Response) => {
  const user = await users.find(params.id);
  if (user.ownerId !== body.ownerId) {
    logger.warn({ reason: 'forbidden' }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json(await users.update(user, body));
};`,
      settings: pino,
    },
    {
      code: `async function showInvoice(ctx) {
  const invoice = await Invoice.findById(ctx.params.id);
  if (invoice.accountId !== ctx.state.user.accountId) {
    logger.warn({ reason: 'forbidden', path: ctx.path }, 'Access denied');
    ctx.status = 403;
    return;
  }
  ctx.body = invoice;
}

router.get('/invoices/:id', requireLogin, showInvoice);`,
      settings: pino,
    },
    // Not handlers: a destructured object without request fields, and a one-parameter function that is only called.
    {
      code: `export const renderCard = ({ data, user }, response) => {
  if (!user) return response.status(403).json({ error: 'Forbidden' });
  return response.json(data);
};`,
      settings: pino,
    },
    {
      code: `async function showInvoice(ctx) {
  if (!ctx.state.user) {
    ctx.status = 403;
    return;
  }
  ctx.body = 1;
}

jobs.on('invoice', showInvoice);
showInvoice(fakeContext);`,
      settings: pino,
    },
    // A password re-check that is logged (at warn, with its reason) is fine whatever identity mode says.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', path: req.path }, 'password re-check failed');
    return res.status(401).json({ error: 'Wrong password' });
  }
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'omit' } },
    },
    {
      code: `app.post('/account/email', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, req.user.hash))) {
    req.log.warn({ reason: 'invalid_credentials' }, 'password re-check failed');
    return res.status(401).end();
  }
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'raw' } },
    },
    {
      code: `app.post('/account/email', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, req.user.hash))) {
    logger.warn({ reason: 'invalid_credentials', userHash: fingerprint(String(req.user.id)) }, 'password re-check failed');
    return res.status(401).end();
  }
  res.sendStatus(204);
});`,
      settings: fingerprint,
    },
    {
      code: `app.post('/account/email', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, req.user.hash))) {
    console.warn('password re-check failed', { reason: 'invalid_credentials' });
    return res.status(401).end();
  }
  res.sendStatus(204);
});`,
    },

    // A catch around a token check that reports a server failure (5xx, timeout) is not a rejection.
    {
      code: `
async function getProfile(token) {
  try {
    await verifyAccessToken(token);
    return await fetchProfile(token);
  } catch (error) {
    if (error.name === 'TimeoutError') {
      throw new HttpException('Facebook API request timeout', HttpStatus.REQUEST_TIMEOUT);
    }
    throw new HttpException('Failed to get Facebook profile', HttpStatus.INTERNAL_SERVER_ERROR);
  }
}`,
    },
    // --- Express ---
    `// res.status(401) in a utility that is not a handler
function sendError(res, status, message) {
  res.status(401).json({ message });
}`,
    `// a same-file helper that logs before it answers
function deny(res, reason) {
  logger.warn({ reason }, 'access denied');
  return res.status(403).json({ error: 'forbidden' });
}
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) return deny(res, 'not admin');
  res.json(report());
});`,
    `// login failure logged with pino-http's req.log
app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  if (!ok) {
    req.log.warn({ user: req.body.email }, 'login failed');
    return res.status(401).send();
  }
  res.send(issue());
});`,
    `// 401s inside a branch that already logged
const auth = (req, res, next) => {
  const token = req.headers.authorization;
  if (!token) {
    logger.warn({ ip: req.ip }, 'missing token');
    if (req.xhr) return res.status(401).json({ error: 'unauthorized' });
    return res.status(401).send('unauthorized');
  }
  next();
};`,
    `// the log comes right after the response, on the same path
app.use((req, res, next) => {
  if (!req.user) {
    res.status(401).end();
    logger.warn({ path: req.path }, 'anonymous request');
    return;
  }
  next();
});`,
    `// error middleware: status unknown, logged anyway
app.use((err, req, res, next) => {
  logger.error(err);
  res.status(err.status || 500).json({ message: 'error' });
});`,
    `// express-jwt errors answered and logged
app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    logger.warn({ err, ip: req.ip }, 'invalid token');
    return res.status(401).send('invalid token');
  }
  next(err);
});`,
    `// a forwarded 401 logged by the error middleware in the same file
app.get('/account', (req, res, next) => {
  if (!req.user) return next(createError(401));
  res.json(req.user);
});
app.use((err, req, res, next) => {
  logger.warn({ err, path: req.path }, err.message);
  res.status(err.status || 500).json({ error: err.message });
});`,
    `// not an auth failure: 404
app.get('/items/:id', async (req, res) => {
  const item = await Item.findById(req.params.id);
  if (!item) return res.status(404).json({ error: 'not found' });
  res.json(item);
});`,
    `// a security-audit helper counts as the log
app.post('/login', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, hash))) {
    await audit.record('login_failed', req.ip);
    return res.status(401).end();
  }
  res.end();
});`,
    `// bcrypt used to refuse reusing the old password: not a failed login
app.post('/password', async (req, res) => {
  if (await bcrypt.compare(req.body.newPassword, req.user.hash)) {
    return res.status(400).json({ error: 'choose a new password' });
  }
  res.end();
});`,
    `// a token error handed to the error middleware as it is
const auth = (req, res, next) => {
  try {
    req.user = jwt.verify(req.headers.authorization, secret);
    next();
  } catch (err) {
    next(err);
  }
};`,
    `// a token helper that answers null, not the caller
export function verifyToken(token) {
  try {
    return jwt.verify(token, secret);
  } catch {
    return null;
  }
}`,
    `// a client checking an upstream 401
app.get('/proxy', async (req, res) => {
  const upstream = await fetch(url);
  if (upstream.status === 401) throw new Error('upstream credentials expired');
  res.json(await upstream.json());
});`,
    `// browser code: an axios interceptor
axios.interceptors.response.use(
  (response) => response,
  (error) => {
    if (error.response?.status === 401) window.location.href = '/login';
    return Promise.reject(error);
  },
);`,
    `// test code: mocks that throw
const guard = { canActivate: vi.fn(() => { throw new UnauthorizedException(); }) };
authService.signIn.mockImplementation(async () => { throw new UnauthorizedException(); });
it('rejects', () => {
  const res = mockResponse();
  res.status(401);
});`,
    `// unreachable code after the logged rejection
app.get('/x', (req, res) => {
  logger.warn('denied');
  return res.sendStatus(403);
  res.sendStatus(401);
});`,
    `// a response builder: its callers in other files are the sites
import { NextResponse } from 'next/server';
export function unauthorized() {
  return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
}`,
    `// 429 is not checked unless includeRateLimit
app.use((req, res, next) => {
  if (limiter.isLimited(req.ip)) return res.status(429).send('slow down');
  next();
});`,
    {
      code: `// a configured log function
app.use((req, res, next) => {
  if (!req.user) {
    securityAudit('anonymous', req);
    return res.sendStatus(401);
  }
  next();
});`,
      settings: { 'security-logging': { logFunctions: ['securityAudit'] } },
    },
    {
      code: `// a configured logger object
app.use((req, res, next) => {
  if (!req.user) {
    sec.warning('anonymous');
    return res.sendStatus(401);
  }
  next();
});`,
      settings: { 'security-logging': { loggers: ['sec'] } },
    },
    // --- Koa ---
    `// koa-pino-logger's ctx.log before ctx.throw
router.use(async (ctx, next) => {
  if (!ctx.state.user) {
    ctx.log.warn('anonymous');
    ctx.throw(401, 'Authentication required');
  }
  await next();
});`,
    `// a database error code translated to 403 is not an auth failure
router.post('/members', async (ctx) => {
  try {
    ctx.body = await Member.insert(ctx.request.body);
  } catch (e) {
    switch (e.code) {
      case 'ER_BAD_FIELD_ERROR':
        ctx.throw(403, 'Unrecognised Member field');
        break;
      default:
        throw e;
    }
  }
});
app.use((err, req, res, next) => {
  if (err.code === 'EBADCSRFTOKEN') {
    logger.warn({ ip: req.ip }, 'bad CSRF token');
    return res.status(403).send('form tampered with');
  }
  if (err.code === 'LIMIT_FILE_SIZE') return res.status(403).send('file too large');
  next(err);
});`,
    `// a Koa error handler that rethrows: not a rejection of its own
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err instanceof UnauthorizedException) throw err;
    logger.error(err);
    ctx.status = 500;
  }
});`,
    // --- Fastify ---
    `// request.log.warn in a preHandler
export async function authenticate(request, reply) {
  try {
    await request.jwtVerify();
  } catch (err) {
    request.log.warn({ err }, 'invalid token');
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}`,
    `// Fastify: setErrorHandler in the same file logs client errors at warn
fastify.addHook('preHandler', async (request) => {
  if (!request.user) throw fastify.httpErrors.unauthorized();
});
fastify.setErrorHandler((error, request, reply) => {
  if (error.statusCode && error.statusCode < 500) request.log.warn({ err: error }, 'client error');
  else request.log.error({ err: error }, 'server error');
  reply.send(error);
});`,
    // --- Hono ---
    `// logged before c.json(…, 401)
app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) {
    logger.warn({ path: c.req.path }, 'bad api key');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await next();
});`,
    `// Hono: app.onError in the same file logs the thrown HTTPException
app.use('/admin/*', async (c, next) => {
  if (!c.get('user')?.isAdmin) throw new HTTPException(403, { message: 'Admins only' });
  await next();
});
app.onError((err, c) => {
  logger.warn({ err, path: c.req.path }, err.message);
  return c.json({ error: err.message }, err instanceof HTTPException ? err.status : 500);
});`,
    // --- Next.js ---
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
    `// Hono: the Response built for an HTTPException is a value; the throw is the rejection, and it is logged
app.use('/admin/*', async (c, next) => {
  if (!checkBasicAuth(c.req.header('authorization'))) {
    const res = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Basic' } });
    logger.warn({ path: c.req.path }, 'basic auth failed');
    throw new HTTPException(401, { res });
  }
  await next();
});`,
    // --- Next.js ---
    `// a middleware redirect to the login page is not a 401
import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  if (!request.cookies.get('session')) return NextResponse.redirect(new URL('/login', request.url));
  return NextResponse.next();
}`,
    // --- http ---
    `// plain http: logged before writeHead(401)
http.createServer((req, res) => {
  if (req.headers.authorization !== expected) {
    log.warn({ ip: req.socket.remoteAddress }, 'bad credentials');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    return res.end();
  }
  serve(req, res);
});`,
    // --- NestJS ---
    `// a guard that logs before it throws
import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.user) {
      this.logger.warn(\`Unauthenticated \${request.method} \${request.url}\`);
      throw new UnauthorizedException();
    }
    return true;
  }
}`,
    `// a roles guard that returns a computed boolean
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>('roles', context.getHandler());
    if (!roles) return true;
    const { user } = context.switchToHttp().getRequest();
    return roles.some((role) => user.roles?.includes(role));
  }
}`,
    `// an Angular route guard (two parameters) returning false is not a server rejection
@Injectable({ providedIn: 'root' })
export class AuthGuard implements CanActivate {
  canActivate(route: ActivatedRouteSnapshot, state: RouterStateSnapshot): boolean {
    if (!this.auth.loggedIn) {
      this.router.navigate(['/login']);
      return false;
    }
    return true;
  }
}`,
    `// an exception filter in the same file logs every 4xx at warn
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(exception.message, exception.stack);
    else this.logger.warn(\`\${status} \${exception.message}\`);
    host.switchToHttp().getResponse().status(status).json({ statusCode: status });
  }
}
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (user?.password !== pass) throw new UnauthorizedException();
    return user;
  }
}`,
    {
      code: `// auditedElsewhere: a global filter in another file logs these
import { Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (!user || !(await bcrypt.compare(pass, user.hash))) throw new UnauthorizedException();
    return user;
  }
}`,
      options: [{ auditedElsewhere: ['UnauthorizedException'] }],
    },
    {
      code: `// auditedElsewhere: true
app.get('/account', (req, res, next) => {
  if (!req.user) return next(createError(401));
  res.json(req.user);
});`,
      options: [{ auditedElsewhere: true }],
    },
    `// passport AuthGuard.handleRequest that logs
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(JwtAuthGuard.name);
  handleRequest(err, user, info) {
    if (err || !user) {
      this.logger.warn(\`JWT rejected: \${info?.message}\`);
      throw err || new UnauthorizedException();
    }
    return user;
  }
}`,
    `// validateUser answers null; the strategy decides (and is checked where it throws)
@Injectable()
export class AuthService {
  async validateUser(email: string, pass: string): Promise<Omit<User, 'password'> | null> {
    const user = await this.users.findOne(email);
    if (user && (await bcrypt.compare(pass, user.password))) {
      const { password, ...result } = user;
      return result;
    }
    return null;
  }
}`,
    `// a controller with @Res() that logs through the class logger
import { Controller, HttpStatus, Logger, Post, Res } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  async login(@Body() dto: LoginDto, @Res() res: Response) {
    const user = await this.auth.validate(dto.email, dto.password);
    if (!user) {
      this.logger.warn(\`failed login for \${dto.email}\`);
      return res.status(HttpStatus.UNAUTHORIZED).json({ message: 'Invalid credentials' });
    }
    return res.json(await this.auth.login(user));
  }
}`,
    // --- TypeScript ---
    `// satisfies and type assertions around a logged rejection
export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') {
    logger.warn({ user: req.user?.id }, 'admin required');
    return res.status(403 as const).end();
  }
  next();
}) satisfies RequestHandler;`,
    `// a guard that logs before returning false
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
@Injectable()
export class IpAllowListGuard implements CanActivate {
  private readonly logger = new Logger(IpAllowListGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (!this.allowed.has(request.ip)) {
      this.logger.warn(\`blocked \${request.ip}\`);
      return false;
    }
    return true;
  }
}`,
    `// a filter for UnauthorizedException in the same file logs what the guard throws
import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Catch(UnauthorizedException)
export class AuthFailureFilter implements ExceptionFilter {
  private readonly logger = new Logger('Auth');
  catch(exception: UnauthorizedException, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest();
    this.logger.warn(\`401 \${request.method} \${request.url} from \${request.ip}\`);
    host.switchToHttp().getResponse().status(401).json({ statusCode: 401, message: 'Unauthorized' });
  }
}
@Injectable()
export class SessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest().session?.userId) throw new UnauthorizedException();
    return true;
  }
}`,
    `// 404 for a missing resource in a Nest controller
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
@Controller('posts')
export class PostsController {
  @Get(':id')
  async find(@Param('id') id: string) {
    const post = await this.posts.find(id);
    if (!post) throw new NotFoundException();
    return post;
  }
}`,
    `// reading a response status in a finish listener is not producing one
app.use((req, res, next) => {
  res.on('finish', () => {
    if (res.statusCode === 401) metrics.increment('auth.rejected');
  });
  next();
});`,
    `// tests asserting a 401
it('rejects anonymous users', async () => {
  await request(app).get('/me').expect(401);
  expect(res.status).toHaveBeenCalledWith(401);
});`,
    `// a status object in API docs is not a response
export const responses = { 401: { description: 'Unauthorized' } };
function isUnauthorized(res) {
  return res.status === 401;
}`,
    // --- 401/403 that is not access control: the condition tests no caller ---
    // A 403 chosen by a feature flag (registration disabled) answers no caller: not access control.
    `app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  const user = await users.create(req.body);
  res.status(201).json(user);
});`,
    // An environment switch (OIDC login disabled).
    `router.get('/auth/oidc', (req, res, next) => {
  if (process.env.AUTH_OIDC_ENABLED !== 'true') return res.status(403).send('OIDC login is disabled');
  passport.authenticate('oidc')(req, res, next);
});`,
    // A setting read through Nest's ConfigService.
    `@Controller('auth')
export class SignupController {
  constructor(private readonly configService: ConfigService, private readonly users: UsersService) {}
  @Post('signup')
  async signup(@Body() dto: SignupDto) {
    if (!this.configService.get<boolean>('SIGNUP_ENABLED')) {
      throw new ForbiddenException('Sign-up is closed');
    }
    return this.users.create(dto);
  }
}`,
    // A paywall: the plan, not the caller's rights, chooses the 403.
    `router.get('/reports/export', async (req, res) => {
  if (req.user.plan === 'free') {
    return res.status(403).json({ error: 'Exports need the Pro plan' });
  }
  res.json(await reports.export(req.user.id));
});`,
    // Ghost's comment gate: paid-only comments for a free member.
    `app.post('/comments', async (req, res) => {
  const member = res.locals.member;
  if (commentsEnabled === 'paid' && member.status === 'free') {
    return res.status(403).json({ message: 'Only paid members can comment' });
  }
  res.json(await comments.add(member, req.body));
});`,
    // A business rule: an admin may not delete themself (the caller IS the target).
    `router.delete('/users/:id', requireAdmin, async (req, res) => {
  if (req.params.id === req.user.id) {
    return res.status(403).json({ error: 'You cannot delete your own account' });
  }
  await users.remove(req.params.id);
  res.sendStatus(204);
});`,
    // A blocklist of email domains (Ghost's signup).
    `app.post('/members/signup', async (req, res) => {
  const emailDomain = req.body.email.split('@')[1]?.toLowerCase();
  if (emailDomain && blockedEmailDomains.includes(emailDomain)) {
    return res.status(403).json({ error: 'This email domain is not accepted' });
  }
  res.json(await members.signup(req.body));
});`,
    // An IP blocklist hit, counted by a metric elsewhere.
    `app.use((req, res, next) => {
  if (ipBlocklist.has(req.ip)) {
    metrics.blockedRequests.inc();
    return res.sendStatus(403);
  }
  next();
});`,
    // The state of a resource (Ghost: the tier is archived).
    `app.put('/subscription', async (req, res) => {
  const product = await products.get(req.body.productId);
  if (product.get('active') !== true) {
    res.writeHead(403);
    return res.end('Tier is archived.');
  }
  res.json(await subscriptions.update(product));
});`,
    // Directus answers invalid input with 403: request input checked against fixed values and types.
    `import { ForbiddenError } from '@directus/errors';
router.get('/registry', asyncHandler(async (req, res, next) => {
  const type = req.sanitizedQuery.type;
  if (type && isIn(type, EXTENSION_TYPES) === false) {
    throw new ForbiddenError();
  }
  return next();
}));
router.get('/registry/account/:pk', asyncHandler(async (req, res, next) => {
  if (typeof req.params['pk'] !== 'string') {
    throw new ForbiddenError();
  }
  return next();
}));
router.post('/registry/install', asyncHandler(async (req, _res, next) => {
  const { version, extension } = req.body;
  if (!version || !extension) {
    throw new ForbiddenError();
  }
  return next();
}));`,
    // Directus: an unknown or system collection is a 403, chosen by the request path, not the caller.
    `import { ForbiddenError } from '@directus/errors';
const collectionExists = asyncHandler(async (req, _res, next) => {
  if (req.params['collection'] in req.schema.collections === false) {
    throw new ForbiddenError();
  }
  return next();
});
router.post('/:collection', collectionExists, asyncHandler(async (req, res, next) => {
  if (isSystemCollection(req.params['collection'])) throw new ForbiddenError();
  return next();
}));`,
    // --- not access control on real code (issue #15): paywalls and switches in a conjunction, predicates, routes, link tokens ---
    // n8n: a licence quota refuses, the owner role only exempts (a paywall in a conjunction).
    `export class PasswordResetController {
  async resolvePasswordToken(req, res, payload) {
    const user = await this.authService.resolvePasswordResetToken(payload.token);
    if (user.role.slug !== GLOBAL_OWNER_ROLE.slug && !this.license.isWithinUsersLimit()) {
      this.logger.debug('Request to resolve password token failed because the user limit was reached');
      throw new ForbiddenError('Maximum number of users reached');
    }
  }
}`,
    // Directus: OAuth callers refused because MCP OAuth is switched off (a switch in a conjunction with a fact the caller has).
    `import { ForbiddenError } from '@directus/errors';
const mcpHandler = asyncHandler(async (req, res) => {
  const env = useEnv();
  const { mcp_oauth_enabled } = await new SettingsService({ schema: req.schema }).readSingleton({ fields: ['mcp_oauth_enabled'] });
  if (req.accountability?.oauth && (toBoolean(env['MCP_OAUTH_ENABLED']) !== true || toBoolean(mcp_oauth_enabled) !== true)) {
    throw new ForbiddenError({ reason: 'MCP OAuth must be enabled' });
  }
  res.json(await mcp.handle(req));
});
router.post('/', mcpHandler);`,
    // n8n: the instance is read-only; the predicate's name, not the service's, says what is tested.
    `const branchWriteAccessMiddleware = (_req, _res, next) => {
  if (Container.get(InstanceWriteAccessService).isReadOnly()) {
    throw new ForbiddenError('This instance is in read-only mode.');
  }
  next();
};
router.post('/data-tables', branchWriteAccessMiddleware, createTable);`,
    // n8n: an account provisioned from environment variables cannot change its password (account state).
    `export class MeController {
  async updatePassword(req, res, payload) {
    const { user } = req;
    if (this.isUserManagedByEnv(user)) {
      throw new ForbiddenError('This account is managed via environment variables');
    }
    return this.userService.updatePassword(user, payload);
  }
}`,
    // n8n: a caught UserError from a licence check becomes a 403: what the try called decides.
    `export class InsightsController {
  async getInsights(req, res, query) {
    try {
      this.insightsService.validateDateFiltersLicense({ startDate: query.startDate, endDate: query.endDate });
    } catch (error) {
      if (error instanceof UserError) {
        throw new ForbiddenError(error.message);
      }
      throw error;
    }
    return this.insightsService.getInsights(query);
  }
}`,
    // Directus: the model is not in the allowlist read from the AI settings (what is asked for, not who asks).
    `import { ForbiddenError } from '@directus/errors';
export const aiObjectPostHandler = async (req, res) => {
  const { provider, model } = req.body;
  const aiSettings = res.locals.ai.settings;
  const allowedModelsMap = { openai: aiSettings.openaiAllowedModels, anthropic: aiSettings.anthropicAllowedModels };
  const allowedModels = allowedModelsMap[provider];
  if (!allowedModels || allowedModels.length === 0 || !allowedModels.includes(model)) {
    throw new ForbiddenError({ reason: 'Model not allowed for this provider' });
  }
  res.json(await generate(provider, model));
};
router.post('/object', aiObjectPostHandler);`,
    // n8n: an invite link whose JWT does not verify is a broken link, answered 400.
    `export class UserService {
  getInvitationIdsFromToken(token) {
    try {
      const decoded = this.jwtService.verify(token);
      return { inviterId: decoded.inviterId, inviteeId: decoded.inviteeId };
    } catch (error) {
      this.logger.debug('Failed to verify JWT token', { error });
      throw new BadRequestError('Invalid invite URL');
    }
  }
}`,
    // Directus: a signed consent form field that fails to verify, answered 400 invalid_request.
    `app.post('/oauth/consent', async (req, res) => {
  const { signed_params } = req.body;
  let claims;
  try {
    claims = jwt.verify(signed_params, consentKey, { algorithms: ['HS256'] });
  } catch {
    return res.status(400).json({ error: 'invalid_request', error_description: 'Invalid or expired consent token' });
  }
  res.json(await decide(claims));
});`,
    // Directus: an Origin header that does not parse as a URL is malformed input.
    `function requireSameOrigin(req, res, next) {
  let requestOrigin;
  try {
    requestOrigin = new URL(String(req.headers.origin));
  } catch {
    res.status(403).json({ error: 'access_denied', error_description: 'Malformed Origin header' });
    return;
  }
  next();
}
router.post('/oauth/authorize/decision', requireSameOrigin, decide);`,
    // Medusa: the stored API key being edited is of the wrong type: a field of a record, not a presented key.
    `export const POST = async (req, res) => {
  const apiKey = await refetchApiKey(req.params.id, req.scope, ['id', 'type']);
  if (apiKey.type !== ApiKeyType.PUBLISHABLE) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Sales channels can only be associated with publishable API keys');
  }
  res.status(200).json({ api_key: await link(apiKey, req.validatedBody) });
};`,
    // n8n: any other path under /types is refused whoever asks (a routing rule on the path).
    `app.use((req, res, next) => {
  if (requestPath.mayReachDirectory(req.path, 'types')) {
    res.status(401).end();
    return;
  }
  next();
});`,
    // Directus: the route predicate only picks an HTML or JSON answer; the settings switch refuses.
    `async function checkOAuthSettings(req, res, next) {
  const settings = await settingsService.readSingleton({ fields: ['mcp_enabled', 'mcp_oauth_enabled'] });
  if (toBoolean(settings?.mcp_oauth_enabled) !== true) {
    if (isOAuthHtmlEndpoint(req)) {
      res.status(403).send(await renderErrorPage('MCP OAuth is disabled in project settings.'));
      return;
    }
    res.status(403).json({ error: 'access_denied' });
    return;
  }
  next();
}
router.use(checkOAuthSettings);`,
    // n8n: the local gateway is not connected (the state of a resource).
    `export class InstanceAiController {
  async gatewayEvents(req, res) {
    const gateway = this.gatewayService.getLocalGateway(req.user.id);
    if (!gateway.isConnected) {
      throw new ForbiddenError('Local gateway not initialized');
    }
    res.flushHeaders();
  }
}`,
  ],
  invalid: [
    // Koa ctx.assert(value, 403): a conditional throw, reported without a fix (a log before it would run when it holds too).
    {
      code: `router.get('/admin/stats', async (ctx) => {
  ctx.assert(ctx.state.user?.isAdmin, 403, 'Admins only');
  ctx.body = await stats.collect();
});`,
      settings: pino,
      errors: [{ messageId: 'unlogged', line: 2, column: 3 }],
    },
    // A 401 chosen by a ternary on who is asking: reported at the branch, without a fix (a log before the statement would run for the 404 too).
    {
      code: `router.get('/documents/:id', async (req, res) => {
  const userId = req.session.userId;
  const doc = await Document.findOne({ _id: req.params.id, ownerId: userId });
  if (!doc) {
    return res.status(userId ? 404 : 401).json({ error: 'Not available' });
  }
  res.json(doc);
});`,
      settings: pino,
      errors: [{ messageId: 'unlogged', line: 5, column: 38 }],
    },
    // An app's error factory called without `new`, handed to next.
    {
      code: `import { createUnauthorizedError } from '../errors';

export const requireApiKey = async (req: Request, res: Response, next: NextFunction) => {
  const key = await ApiKey.findOne({ token: req.get('x-api-key') });
  if (!key) {
    return next(createUnauthorizedError('Invalid API key'));
  }
  next();
};`,
      settings: pino,
      output: `import { createUnauthorizedError } from '../errors';
import { logger } from './logger';

export const requireApiKey = async (req: Request, res: Response, next: NextFunction) => {
  const key = await ApiKey.findOne({ token: req.get('x-api-key') });
  if (!key) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return next(createUnauthorizedError('Invalid API key'));
  }
  next();
};`,
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { createUnauthorizedError } from '../errors';
import { logger } from './logger';

export const requireApiKey = async (req: Request, res: Response, next: NextFunction) => {
  const key = await ApiKey.findOne({ token: req.get('x-api-key') });
  if (!key) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return next(createUnauthorizedError('Invalid API key'));
  }
  next();
};` }] }],
    },
    // A same-file error factory called without `new` and thrown.
    {
      code: `function Forbidden(message = 'Forbidden') {
  return Object.assign(new Error(message), { status: 403 });
}

router.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.authorId !== req.user.id) throw Forbidden();
  await post.remove();
  res.sendStatus(204);
});`,
      settings: pino,
      output: `import { logger } from './logger';
function Forbidden(message = 'Forbidden') {
  return Object.assign(new Error(message), { status: 403 });
}

router.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.authorId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    throw Forbidden();
  }
  await post.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 7, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
function Forbidden(message = 'Forbidden') {
  return Object.assign(new Error(message), { status: 403 });
}

router.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.authorId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    throw Forbidden();
  }
  await post.remove();
  res.sendStatus(204);
});` }] }],
    },
    // The app's own response helper given the response and a 403.
    {
      code: `import { sendStatus } from '../utils/http';

export async function deleteTeam(req: Request, res: Response) {
  const team = await Team.findById(req.params.id);
  if (team.ownerId !== req.user.id) {
    return sendStatus(403, res);
  }
  await team.remove();
  return sendStatus(204, res);
}`,
      settings: pino,
      output: `import { sendStatus } from '../utils/http';
import { logger } from './logger';

export async function deleteTeam(req: Request, res: Response) {
  const team = await Team.findById(req.params.id);
  if (team.ownerId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return sendStatus(403, res);
  }
  await team.remove();
  return sendStatus(204, res);
}`,
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { sendStatus } from '../utils/http';
import { logger } from './logger';

export async function deleteTeam(req: Request, res: Response) {
  const team = await Team.findById(req.params.id);
  if (team.ownerId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return sendStatus(403, res);
  }
  await team.remove();
  return sendStatus(204, res);
}` }] }],
    },
    // The app's own response helper given a 401 and the response.
    {
      code: `router.get('/reports/:id', async (req, res) => {
  const report = await Report.findById(req.params.id);
  if (!req.user.canRead(report)) {
    return formatResponse(401, res, { message: 'Not allowed' });
  }
  return formatResponse(200, res, report);
});`,
      settings: pino,
      output: `import { logger } from './logger';
router.get('/reports/:id', async (req, res) => {
  const report = await Report.findById(req.params.id);
  if (!req.user.canRead(report)) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return formatResponse(401, res, { message: 'Not allowed' });
  }
  return formatResponse(200, res, report);
});`,
      errors: [{ messageId: 'unlogged', line: 4, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
router.get('/reports/:id', async (req, res) => {
  const report = await Report.findById(req.params.id);
  if (!req.user.canRead(report)) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return formatResponse(401, res, { message: 'Not allowed' });
  }
  return formatResponse(200, res, report);
});` }] }],
    },
    // A handler whose request is destructured, returned by a factory (no `req` binding: the log has no request fields).
    {
      code: `export const makeUpdate = (users) => async ({ body, params }: Request, res: Response) => {
  const user = await users.find(params.id);
  if (user.ownerId !== body.ownerId) {
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json(await users.update(user, body));
};`,
      settings: pino,
      output: `import { logger } from './logger';
export const makeUpdate = (users) => async ({ body, params }: Request, res: Response) => {
  const user = await users.find(params.id);
  if (user.ownerId !== body.ownerId) {
    logger.warn({ reason: 'forbidden' }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json(await users.update(user, body));
};`,
      errors: [{ messageId: 'unlogged', line: 4, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
export const makeUpdate = (users) => async ({ body, params }: Request, res: Response) => {
  const user = await users.find(params.id);
  if (user.ownerId !== body.ownerId) {
    logger.warn({ reason: 'forbidden' }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json(await users.update(user, body));
};` }] }],
    },
    // A Koa `(ctx)` handler declared above and registered by name.
    {
      code: `async function showInvoice(ctx) {
  const invoice = await Invoice.findById(ctx.params.id);
  if (invoice.accountId !== ctx.state.user.accountId) {
    ctx.status = 403;
    return;
  }
  ctx.body = invoice;
}

router.get('/invoices/:id', requireLogin, showInvoice);`,
      settings: pino,
      output: `import { logger } from './logger';
async function showInvoice(ctx) {
  const invoice = await Invoice.findById(ctx.params.id);
  if (invoice.accountId !== ctx.state.user.accountId) {
    logger.warn({ reason: 'forbidden', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Access denied');
    ctx.status = 403;
    return;
  }
  ctx.body = invoice;
}

router.get('/invoices/:id', requireLogin, showInvoice);`,
      errors: [{ messageId: 'unlogged', line: 4, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
async function showInvoice(ctx) {
  const invoice = await Invoice.findById(ctx.params.id);
  if (invoice.accountId !== ctx.state.user.accountId) {
    logger.warn({ reason: 'forbidden', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Access denied');
    ctx.status = 403;
    return;
  }
  ctx.body = invoice;
}

router.get('/invoices/:id', requireLogin, showInvoice);` }] }],
    },
    // A destructured-request handler registered by name after a middleware.
    {
      code: `const removeProject = async ({ params, user }: Request, res: Response) => {
  const project = await Project.findById(params.id);
  if (project.ownerId !== user.id) return res.sendStatus(403);
  await project.remove();
  res.sendStatus(204);
};

router.delete('/projects/:id', auth, removeProject);`,
      settings: pino,
      output: `import { logger } from './logger';
const removeProject = async ({ params, user }: Request, res: Response) => {
  const project = await Project.findById(params.id);
  if (project.ownerId !== user.id) {
    logger.warn({ reason: 'forbidden' }, 'Access denied');
    return res.sendStatus(403);
  }
  await project.remove();
  res.sendStatus(204);
};

router.delete('/projects/:id', auth, removeProject);`,
      errors: [{ messageId: 'unlogged', line: 3, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
const removeProject = async ({ params, user }: Request, res: Response) => {
  const project = await Project.findById(params.id);
  if (project.ownerId !== user.id) {
    logger.warn({ reason: 'forbidden' }, 'Access denied');
    return res.sendStatus(403);
  }
  await project.remove();
  res.sendStatus(204);
};

router.delete('/projects/:id', auth, removeProject);` }] }],
    },
    // identity: 'raw' logs the attempted identity as is; the message says what was checked (a re-check, not a login).
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'raw' } },
      output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], email }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], email }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // identity: 'omit' never logs it, not even in the suggestion.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'omit' } },
      output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // identity: 'hash' (default) with a fingerprint helper: through the helper, imported.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: fingerprint,
      output: `import { logger } from './logger';
import { fingerprint } from './crypto';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailFingerprint: email ? fingerprint(String(email)) : undefined }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
import { fingerprint } from './crypto';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailFingerprint: email ? fingerprint(String(email)) : undefined }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // identity: 'hash' without a helper: the autofix leaves it out; the suggestion hashes it inline.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailureWithIdentity', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // --- Express ---
    {
      // a log in only one of two failing branches reports the other
      code: `app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ email }, 'unknown user');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ email }, 'unknown user');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login failed: invalid credentials');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ email }, 'unknown user');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // auth middleware from a real code base
      code: `const jwtAuth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (token == null) return res.sendStatus(401);
  jwt.verify(token, process.env.SECRET, (err, user) => {
    if (err) return res.sendStatus(403);
    req.user = user;
    next();
  });
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `const jwtAuth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (token == null) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.sendStatus(401);
  }
  jwt.verify(token, process.env.SECRET, (err, user) => {
    if (err) return res.sendStatus(403);
    req.user = user;
    next();
  });
};`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `const jwtAuth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (token == null) return res.sendStatus(401);
  jwt.verify(token, process.env.SECRET, (err, user) => {
    if (err) {
      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.sendStatus(403);
    }
    req.user = user;
    next();
  });
};`,
            },
          ],
        },
      ],
    },
    {
      // a failed password check answered with 400 (autofix with import, CommonJS)
      code: `const bcrypt = require('bcryptjs');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return res.status(400).json({ msg: 'Invalid credentials' });
  res.json({ token: sign(user) });
});`,
      settings: cjs,
      output: `const bcrypt = require('bcryptjs');
const log = require('./log');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    log.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login failed: invalid credentials');
    return res.status(400).json({ msg: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "log.warn" },
              output: `const bcrypt = require('bcryptjs');
const log = require('./log');
const { createHash } = require('node:crypto');
router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    log.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return res.status(400).json({ msg: 'Invalid credentials' });
  }
  res.json({ token: sign(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // an API key check: the fix logs a fingerprint of the key with the configured helper, never the key
      code: `export function apiKeyAuth(req, res, next) {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !keys.has(apiKey)) return res.status(401).json({ error: 'invalid key' });
  next();
}`,
      settings: fingerprint,
      output: `import { logger } from './logger';
import { fingerprint } from './crypto';
export function apiKeyAuth(req, res, next) {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !keys.has(apiKey)) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], keyFingerprint: apiKey ? fingerprint(apiKey) : undefined }, 'Authentication failed');
    return res.status(401).json({ error: 'invalid key' });
  }
  next();
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { fingerprint } from './crypto';
export function apiKeyAuth(req, res, next) {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !keys.has(apiKey)) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], keyFingerprint: apiKey ? fingerprint(apiKey) : undefined }, 'Authentication failed');
    return res.status(401).json({ error: 'invalid key' });
  }
  next();
}`,
            },
          ],
        },
      ],
    },
    {
      // a failed login that re-renders the form
      code: `app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username });
  if (!user || !(await user.validPassword(req.body.password))) {
    req.flash('error', 'Invalid username or password');
    return res.redirect('/login');
  }
  req.session.userId = user.id;
  res.redirect('/');
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.post('/login', async (req, res) => {
  const user = await User.findOne({ username: req.body.username });
  if (!user || !(await user.validPassword(req.body.password))) {
    req.flash('error', 'Invalid username or password');
    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.redirect('/login');
  }
  req.session.userId = user.id;
  res.redirect('/');
});`,
            },
          ],
        },
      ],
    },
    {
      // an ownership check answered with 403
      code: `router.delete('/posts/:id', auth, async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.author.toString() !== req.user.id) {
    return res.status(403).json({ msg: 'User not authorized' });
  }
  await post.deleteOne();
  res.json({ msg: 'Post removed' });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `router.delete('/posts/:id', auth, async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.author.toString() !== req.user.id) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(403).json({ msg: 'User not authorized' });
  }
  await post.deleteOne();
  res.json({ msg: 'Post removed' });
});`,
            },
          ],
        },
      ],
    },
    {
      // a same-file helper that answers without logging
      code: `function deny(res) {
  return res.status(403).json({ error: 'forbidden' });
}
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) return deny(res);
  res.json(report());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `function deny(res) {
  return res.status(403).json({ error: 'forbidden' });
}
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return deny(res);
  }
  res.json(report());
});`,
            },
          ],
        },
      ],
    },
    {
      // a 401 handed to next() without an error handler that logs it
      code: `app.use((req, res, next) => {
  if (!req.session.user) return next(createError(401, 'Please log in'));
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use((req, res, next) => {
  if (!req.session.user) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return next(createError(401, 'Please log in'));
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // an error middleware that turns token errors into 401s
      code: `app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    res.status(401).send('invalid token');
  } else {
    next(err);
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(401).send('invalid token');
  } else {
    next(err);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // a token check in a catch answered with 400
      code: `module.exports = function (req, res, next) {
  try {
    req.user = jwt.verify(req.header('auth-token'), process.env.TOKEN_SECRET);
    next();
  } catch (err) {
    res.status(400).send('Invalid Token');
  }
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `module.exports = function (req, res, next) {
  try {
    req.user = jwt.verify(req.header('auth-token'), process.env.TOKEN_SECRET);
    next();
  } catch (err) {
    console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(400).send('Invalid Token');
  }
};`,
            },
          ],
        },
      ],
    },
    {
      // an API key comparison that fails
      code: `app.use('/internal', (req, res, next) => {
  if (req.get('x-api-key') !== process.env.INTERNAL_API_KEY) {
    return res.status(400).json({ error: 'bad key' });
  }
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use('/internal', (req, res, next) => {
  if (req.get('x-api-key') !== process.env.INTERNAL_API_KEY) {
    console.warn('Authentication failed: invalid API key', { reason: 'invalid_api_key', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(400).json({ error: 'bad key' });
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // logged only at info: reported separately, with a suggestion to raise the level
      code: `app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  if (!ok) {
    logger.info('login failed');
    return res.status(401).send();
  }
  res.send(issue());
});`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 5,
          suggestions: [
            {
              messageId: 'raiseLevel',
              data: { from: "logger.info", to: "logger.warn" },
              output: `app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, hash);
  if (!ok) {
    logger.warn('login failed');
    return res.status(401).send();
  }
  res.send(issue());
});`,
            },
          ],
        },
      ],
    },
    {
      // a request log at the top of the handler does not log the failure: reported and fixed
      code: `app.post('/login', async (req, res) => {
  logger.debug({ path: req.path }, 'login attempt');
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.hash))) return res.status(401).end();
  res.json({ token: sign(user) });
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/login', async (req, res) => {
  logger.debug({ path: req.path }, 'login attempt');
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login failed: invalid credentials');
    return res.status(401).end();
  }
  res.json({ token: sign(user) });
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
app.post('/login', async (req, res) => {
  logger.debug({ path: req.path }, 'login attempt');
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!user || !(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return res.status(401).end();
  }
  res.json({ token: sign(user) });
});`,
            },
          ],
        },
      ],
    },
    {
      // winston logger.log('info', …) below warn
      code: `app.use((req, res, next) => {
  if (!req.user) {
    logger.log('info', 'anonymous request');
    return res.sendStatus(401);
  }
  next();
});`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 4,
          suggestions: [
            {
              messageId: 'raiseLevel',
              data: { from: "'info'", to: "'warn'" },
              output: `app.use((req, res, next) => {
  if (!req.user) {
    logger.log('warn', 'anonymous request');
    return res.sendStatus(401);
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // braceless else: the fix adds braces
      code: `app.get('/me', (req, res) => {
  if (req.user) res.json(req.user);
  else res.sendStatus(401);
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (req.user) res.json(req.user);
  else {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.sendStatus(401);
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (req.user) res.json(req.user);
  else {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.sendStatus(401);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // expression-bodied handler: the fix makes a block
      code: `router.all('/admin/*', (req, res) => res.sendStatus(403));`,
      settings: pino,
      output: `import { logger } from './logger';
router.all('/admin/*', (req, res) => {
  logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
  return res.sendStatus(403);
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
router.all('/admin/*', (req, res) => {
  logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
  return res.sendStatus(403);
});`,
            },
          ],
        },
      ],
    },
    {
      // a comment between the condition and the statement stays where it is
      code: `app.get('/me', (req, res) => {
  if (!req.user) /* anonymous */ return res.sendStatus(401);
  res.json(req.user);
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (!req.user) /* anonymous */ {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.sendStatus(401);
  }
  res.json(req.user);
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.get('/me', (req, res) => {
  if (!req.user) /* anonymous */ {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.sendStatus(401);
  }
  res.json(req.user);
});`,
            },
          ],
        },
      ],
    },
    {
      // a block on one line
      code: `app.get('/me', (req, res) => { if (!req.user) { return res.sendStatus(401); } res.json(req.user); });`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/me', (req, res) => { if (!req.user) { logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed'); return res.sendStatus(401); } res.json(req.user); });`,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.get('/me', (req, res) => { if (!req.user) { logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed'); return res.sendStatus(401); } res.json(req.user); });`,
            },
          ],
        },
      ],
    },
    {
      // an expression body after a comment: reported without a fix (the comment would be lost)
      code: `router.all('/admin/*', (req, res) => /* nobody */ res.sendStatus(403));`,
      settings: pino,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
        },
      ],
    },
    {
      // a switch case (winston logger in scope)
      code: `const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.use((req, res, next) => {
  switch (check(req)) {
    case 'ok':
      return next();
    case 'expired':
      return res.status(401).json({ error: 'expired' });
    default:
      logger.warn('denied');
      return res.status(403).end();
  }
});`,
      settings: winston,
      output: `const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.use((req, res, next) => {
  switch (check(req)) {
    case 'ok':
      return next();
    case 'expired':
      logger.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.status(401).json({ error: 'expired' });
    default:
      logger.warn('denied');
      return res.status(403).end();
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
app.use((req, res, next) => {
  switch (check(req)) {
    case 'ok':
      return next();
    case 'expired':
      logger.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.status(401).json({ error: 'expired' });
    default:
      logger.warn('denied');
      return res.status(403).end();
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // a ternary: reported without a fix (a log before it would run on the success path too)
      code: `app.get('/me', (req, res) => (req.user ? res.json(req.user) : res.status(401).end()));`,
      errors: [
        {
          messageId: 'unlogged',
          line: 1,
        },
      ],
    },
    {
      // 429 with includeRateLimit
      code: `app.use((req, res, next) => {
  if (limiter.isLimited(req.ip)) return res.status(429).send('slow down');
  next();
});`,
      options: [{ includeRateLimit: true }],
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `app.use((req, res, next) => {
  if (limiter.isLimited(req.ip)) {
    console.warn('Rate limit exceeded', { reason: 'rate_limited', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(429).send('slow down');
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // passport local strategy: done(null, false) on both failures
      code: `passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) return done(null, false, { message: 'Incorrect email.' });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
      settings: pino,
      output: [
        `import { logger } from './logger';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect email.' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
        `import { logger } from './logger';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect email.' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect password.' });
  }
  return done(null, user);
}));`,
      ],
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) {
    logger.warn({ reason: 'invalid_credentials', emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect email.' });
  }
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user) return done(null, false, { message: 'Incorrect email.' });
  const isMatch = await bcrypt.compare(password, user.password);
  if (!isMatch) {
    logger.warn({ reason: 'invalid_credentials', emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    return done(null, false, { message: 'Incorrect password.' });
  }
  return done(null, user);
}));`,
            },
          ],
        },
      ],
    },
    {
      // a service that throws when bcrypt says no
      code: `const checkPassword = async (password, correctPassword) => {
  const isPasswordMatch = await bcrypt.compare(password, correctPassword);
  if (!isPasswordMatch) {
    throw new ApiError(httpStatus.BAD_REQUEST, 'Passwords do not match');
  }
};`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `const checkPassword = async (password, correctPassword) => {
  const isPasswordMatch = await bcrypt.compare(password, correctPassword);
  if (!isPasswordMatch) {
    console.warn('Password check failed: invalid credentials', { reason: 'invalid_credentials' });
    throw new ApiError(httpStatus.BAD_REQUEST, 'Passwords do not match');
  }
};`,
            },
          ],
        },
      ],
    },
    {
      // pages API route (Next.js pages router)
      code: `export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) {
    res.status(401).json({ message: 'Unauthorized' });
    return;
  }
  res.json({ ok: true });
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `export default async function handler(req, res) {
  const session = await getSession({ req });
  if (!session) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(401).json({ message: 'Unauthorized' });
    return;
  }
  res.json({ ok: true });
}`,
            },
          ],
        },
      ],
    },
    // --- TypeScript ---
    {
      // satisfies, non-null and type assertions around the rejection
      code: `export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') return res.status(403 as const)!.end();
  next();
}) satisfies RequestHandler;`,
      settings: pino,
      output: `import { logger } from './logger';
export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403 as const)!.end();
  }
  next();
}) satisfies RequestHandler;`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
export const requireAdmin = ((req, res, next) => {
  if ((req.user as User | undefined)?.role !== 'admin') {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403 as const)!.end();
  }
  next();
}) satisfies RequestHandler;`,
            },
          ],
        },
      ],
    },
    // --- Koa ---
    {
      // ctx.throw(401)
      code: `router.use(async (ctx, next) => {
  if (!ctx.state.user) ctx.throw(401, 'Authentication required');
  await next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
router.use(async (ctx, next) => {
  if (!ctx.state.user) {
    logger.warn({ reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Authentication failed');
    ctx.throw(401, 'Authentication required');
  }
  await next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
router.use(async (ctx, next) => {
  if (!ctx.state.user) {
    logger.warn({ reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Authentication failed');
    ctx.throw(401, 'Authentication required');
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // ctx.status = 401 in the koa-jwt error handler
      code: `module.exports = (ctx, next) =>
  next().catch((err) => {
    if (err.status === 401) {
      ctx.status = 401;
      ctx.body = 'Protected resource';
    } else {
      throw err;
    }
  });`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `module.exports = (ctx, next) =>
  next().catch((err) => {
    if (err.status === 401) {
      console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });
      ctx.status = 401;
      ctx.body = 'Protected resource';
    } else {
      throw err;
    }
  });`,
            },
          ],
        },
      ],
    },
    {
      // ctx.body on a failed argon2 check (koa-pino-logger in the file): the fix logs through ctx.log, whose lines
      // carry the request id, rather than the configured module logger (require-request-id would report that)
      code: `router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  const valid = user && (await argon2.verify(user.hash, password));
  if (!valid) {
    ctx.body = { success: false };
    return;
  }
  ctx.log.info({ username }, 'login');
  ctx.body = { token: sign(user) };
});`,
      settings: pino,
      output: `router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  const valid = user && (await argon2.verify(user.hash, password));
  if (!valid) {
    ctx.log.warn({ reason: 'invalid_credentials', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') }, 'Login failed: invalid credentials');
    ctx.body = { success: false };
    return;
  }
  ctx.log.info({ username }, 'login');
  ctx.body = { token: sign(user) };
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "ctx.log.warn" },
              output: `import { createHash } from 'node:crypto';
router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  const valid = user && (await argon2.verify(user.hash, password));
  if (!valid) {
    ctx.log.warn({ reason: 'invalid_credentials', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent'), usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) }, 'Login failed: invalid credentials');
    ctx.body = { success: false };
    return;
  }
  ctx.log.info({ username }, 'login');
  ctx.body = { token: sign(user) };
});`,
            },
          ],
        },
      ],
    },
    // --- Fastify ---
    {
      // request.log in the suggestion (no configured logger)
      code: `export async function authenticate(request: FastifyRequest, reply: FastifyReply) {
  try {
    await request.jwtVerify();
  } catch (err) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "request.log.warn" },
              output: `export async function authenticate(request: FastifyRequest, reply: FastifyReply) {
  try {
    await request.jwtVerify();
  } catch (err) {
    request.log.warn({ reason: 'invalid_token', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed: invalid token');
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // request.log as the autofix target when a logger is configured
      code: `fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers['x-token']) return reply.unauthorized();
});`,
      settings: pino,
      output: `import { logger } from './logger';
fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers['x-token']) {
    logger.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed');
    return reply.unauthorized();
  }
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
fastify.addHook('onRequest', async (request, reply) => {
  if (!request.headers['x-token']) {
    logger.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed');
    return reply.unauthorized();
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // fastify.route preHandler throwing httpErrors
      code: `fastify.route({
  method: 'GET',
  url: '/admin',
  preHandler: async (request) => {
    if (!request.user?.isAdmin) throw fastify.httpErrors.forbidden();
  },
  handler: async () => ({ ok: true }),
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "request.log.warn" },
              output: `fastify.route({
  method: 'GET',
  url: '/admin',
  preHandler: async (request) => {
    if (!request.user?.isAdmin) {
      request.log.warn({ reason: 'forbidden', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Access denied');
      throw fastify.httpErrors.forbidden();
    }
  },
  handler: async () => ({ ok: true }),
});`,
            },
          ],
        },
      ],
    },
    // --- Hono ---
    {
      // c.json(…, 401) in middleware
      code: `app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) return c.json({ error: 'Unauthorized' }, 401);
  await next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) {
    logger.warn({ reason: 'invalid_api_key', method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent') }, 'Authentication failed: invalid API key');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
app.use('/api/*', async (c, next) => {
  if (c.req.header('x-api-key') !== c.env.API_KEY) {
    logger.warn({ reason: 'invalid_api_key', method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent') }, 'Authentication failed: invalid API key');
    return c.json({ error: 'Unauthorized' }, 401);
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // throw new HTTPException(401)
      code: `import { HTTPException } from 'hono/http-exception';
app.post('/auth', async (c, next) => {
  if (authorized === false) {
    throw new HTTPException(401, { message: 'Custom error message' });
  }
  await next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `import { HTTPException } from 'hono/http-exception';
app.post('/auth', async (c, next) => {
  if (authorized === false) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: c.req.method, path: c.req.path, ip: c.req.header('x-forwarded-for'), userAgent: c.req.header('user-agent') });
    throw new HTTPException(401, { message: 'Custom error message' });
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
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
    // --- http ---
    {
      // writeHead(401) and statusCode = 403
      code: `http.createServer((req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
      settings: pino,
      output: [
        `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
        `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
      ],
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "logger.warn" },
              output: `import { logger } from './logger';
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    res.end();
    return;
  }
  if (!allowed(req)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.url?.split('?')[0], ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.statusCode = 403;
    return res.end();
  }
  serve(req, res);
});`,
            },
          ],
        },
      ],
    },
    // --- NestJS ---
    {
      // a guard that throws and one that returns false (class logger used by the fix)
      code: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) throw new UnauthorizedException('Missing API key');
    if (key !== this.config.apiKey) return false;
    return true;
  }
}`,
      settings: nest,
      output: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) {
      this.logger.warn({ message: 'Authentication failed', reason: 'unauthorized', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      throw new UnauthorizedException('Missing API key');
    }
    if (key !== this.config.apiKey) {
      this.logger.warn({ message: 'Access denied by guard', reason: 'guard_denied', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      return false;
    }
    return true;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "this.logger.warn" },
              output: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) {
      this.logger.warn({ message: 'Authentication failed', reason: 'unauthorized', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      throw new UnauthorizedException('Missing API key');
    }
    if (key !== this.config.apiKey) return false;
    return true;
  }
}`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "this.logger.warn" },
              output: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) throw new UnauthorizedException('Missing API key');
    if (key !== this.config.apiKey) {
      this.logger.warn({ message: 'Access denied by guard', reason: 'guard_denied', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      return false;
    }
    return true;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // a passport strategy validate()
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private authService: AuthService) {
    super();
  }
  async validate(username: string, password: string): Promise<any> {
    const user = await this.authService.validateUser(username, password);
    if (!user) {
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 12,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "console.warn" },
              output: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { createHash } from 'node:crypto';
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private authService: AuthService) {
    super();
  }
  async validate(username: string, password: string): Promise<any> {
    const user = await this.authService.validateUser(username, password);
    if (!user) {
      console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // a service throwing HttpException(…, HttpStatus.FORBIDDEN) (configured this.logger, class without one: suggestion only)
      code: `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
@Injectable()
export class PostsService {
  async remove(id: string, userId: string) {
    const post = await this.repo.findOneByOrFail({ id });
    if (post.authorId !== userId) throw new HttpException('Not yours', HttpStatus.FORBIDDEN);
    await this.repo.delete(id);
  }
}`,
      settings: nest,
      output: `import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);

  async remove(id: string, userId: string) {
    const post = await this.repo.findOneByOrFail({ id });
    if (post.authorId !== userId) {
      this.logger.warn({ message: 'Access denied', reason: 'forbidden' });
      throw new HttpException('Not yours', HttpStatus.FORBIDDEN);
    }
    await this.repo.delete(id);
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "this.logger.warn" },
              output: `import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);

  async remove(id: string, userId: string) {
    const post = await this.repo.findOneByOrFail({ id });
    if (post.authorId !== userId) {
      this.logger.warn({ message: 'Access denied', reason: 'forbidden', userIdHash: createHash('sha256').update(String(userId)).digest('hex').slice(0, 16) });
      throw new HttpException('Not yours', HttpStatus.FORBIDDEN);
    }
    await this.repo.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // AuthGuard.handleRequest throwing err || new UnauthorizedException()
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest(err, user) {
    if (err || !user) {
      throw err || new UnauthorizedException();
    }
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest(err, user) {
    if (err || !user) {
      console.warn('Authentication failed', { reason: 'unauthorized' });
      throw err || new UnauthorizedException();
    }
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // an exception filter that logs only 5xx does not cover a 401
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(exception.message, exception.stack);
    host.switchToHttp().getResponse().status(status).json({ statusCode: status });
  }
}
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (user?.password !== pass) throw new UnauthorizedException();
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 15,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "console.warn" },
              output: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { createHash } from 'node:crypto';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(exception.message, exception.stack);
    host.switchToHttp().getResponse().status(status).json({ statusCode: status });
  }
}
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (user?.password !== pass) {
      console.warn('Authentication failed', { reason: 'unauthorized', usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
    // --- access control stays reported: the condition tests who is asking ---
    {
      // Directus: the admin check stays reported; the input check after it does not.
      code: `import { ForbiddenError } from '@directus/errors';
router.post('/registry/install', asyncHandler(async (req, _res, next) => {
  if (req.accountability && req.accountability.admin !== true) {
    throw new ForbiddenError();
  }
  const { version, extension } = req.body;
  if (!version || !extension) {
    throw new ForbiddenError();
  }
  return next();
}));`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `import { ForbiddenError } from '@directus/errors';
router.post('/registry/install', asyncHandler(async (req, _res, next) => {
  if (req.accountability && req.accountability.admin !== true) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    throw new ForbiddenError();
  }
  const { version, extension } = req.body;
  if (!version || !extension) {
    throw new ForbiddenError();
  }
  return next();
}));` },
          ],
        },
      ],
    },
    {
      // Ownership: the caller is not the author.
      code: `router.patch('/posts/:id', async (req, res) => {
  const post = await posts.find(req.params.id);
  if (post.authorId !== req.user.id) {
    return res.status(403).json({ error: 'Not your post' });
  }
  res.json(await posts.update(post, req.body));
});`,
      settings: pino,
      output: `import { logger } from './logger';
router.patch('/posts/:id', async (req, res) => {
  const post = await posts.find(req.params.id);
  if (post.authorId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Not your post' });
  }
  res.json(await posts.update(post, req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
router.patch('/posts/:id', async (req, res) => {
  const post = await posts.find(req.params.id);
  if (post.authorId !== req.user.id) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Not your post' });
  }
  res.json(await posts.update(post, req.body));
});` },
          ],
        },
      ],
    },
    {
      // Ghost: no member identity token.
      code: `app.put('/member/email', async (req, res) => {
  const identity = req.body.identity;
  if (!identity) {
    res.writeHead(403);
    return res.end('No Permission.');
  }
  res.json(await members.updateEmail(identity, req.body.email));
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.put('/member/email', async (req, res) => {
  const identity = req.body.identity;
  if (!identity) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.writeHead(403);
    return res.end('No Permission.');
  }
  res.json(await members.updateEmail(identity, req.body.email));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.put('/member/email', async (req, res) => {
  const identity = req.body.identity;
  if (!identity) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    res.writeHead(403);
    return res.end('No Permission.');
  }
  res.json(await members.updateEmail(identity, req.body.email));
});` },
          ],
        },
      ],
    },
    {
      // A 401 chosen by request input: the input is the presented credential.
      code: `const authMemberByUuid = async function (req, res, next) {
  const key = req.query.key;
  if (!key) {
    throw new UnauthorizedError({ message: 'Missing key' });
  }
  next();
};
app.use(authMemberByUuid);`,
      settings: pino,
      output: `import { logger } from './logger';
const authMemberByUuid = async function (req, res, next) {
  const key = req.query.key;
  if (!key) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    throw new UnauthorizedError({ message: 'Missing key' });
  }
  next();
};
app.use(authMemberByUuid);`,
      errors: [
        {
          messageId: 'unlogged',
          line: 4,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
const authMemberByUuid = async function (req, res, next) {
  const key = req.query.key;
  if (!key) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    throw new UnauthorizedError({ message: 'Missing key' });
  }
  next();
};
app.use(authMemberByUuid);` },
          ],
        },
      ],
    },
    {
      // Caller and setting in one condition: the caller decides.
      code: `app.get('/exports', (req, res) => {
  if (!req.user || !settings.exportsEnabled) return res.sendStatus(403);
  res.json(exportsFor(req.user));
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/exports', (req, res) => {
  if (!req.user || !settings.exportsEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json(exportsFor(req.user));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.get('/exports', (req, res) => {
  if (!req.user || !settings.exportsEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json(exportsFor(req.user));
});` },
          ],
        },
      ],
    },
    {
      // A role check inside a feature flag: the innermost condition decides.
      code: `app.get('/admin/stats', (req, res) => {
  if (config.adminApiEnabled) {
    if (!req.user.isAdmin) return res.sendStatus(403);
  }
  res.json(stats());
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/admin/stats', (req, res) => {
  if (config.adminApiEnabled) {
    if (!req.user.isAdmin) {
      logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
      return res.sendStatus(403);
    }
  }
  res.json(stats());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.get('/admin/stats', (req, res) => {
  if (config.adminApiEnabled) {
    if (!req.user.isAdmin) {
      logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
      return res.sendStatus(403);
    }
  }
  res.json(stats());
});` },
          ],
        },
      ],
    },
    {
      // includeNonAccessControl (strict) reports a feature-flag 403 too.
      code: `app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  res.status(201).json(await users.create(req.body));
});`,
      settings: pino,
      options: [{includeNonAccessControl: true}],
      output: `import { logger } from './logger';
app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  res.status(201).json(await users.create(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.post('/register', async (req, res) => {
  if (!config.registrationEnabled) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Registration is disabled' });
  }
  res.status(201).json(await users.create(req.body));
});` },
          ],
        },
      ],
    },
    // --- issue #15: the real shapes that stay reported ---
    {
      // Directus: an OAuth session outside its endpoints — the route test follows an early exit for other sessions, so it refuses a token's scope.
      code: `import { ForbiddenError } from '@directus/errors';
function mcpOAuthGuard(req, _res, next) {
  if (!req.accountability?.oauth) {
    next();
    return;
  }
  if (!isMcpPath(req.path)) {
    next(new ForbiddenError());
    return;
  }
  next();
}
app.use(mcpOAuthGuard);`,
      settings: pino,
      output: `import { ForbiddenError } from '@directus/errors';
import { logger } from './logger';
function mcpOAuthGuard(req, _res, next) {
  if (!req.accountability?.oauth) {
    next();
    return;
  }
  if (!isMcpPath(req.path)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    next(new ForbiddenError());
    return;
  }
  next();
}
app.use(mcpOAuthGuard);`,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { ForbiddenError } from '@directus/errors';
import { logger } from './logger';
function mcpOAuthGuard(req, _res, next) {
  if (!req.accountability?.oauth) {
    next();
    return;
  }
  if (!isMcpPath(req.path)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    next(new ForbiddenError());
    return;
  }
  next();
}
app.use(mcpOAuthGuard);` },
          ],
        },
      ],
    },
    {
      // n8n: a credential the caller may not read (the error class names the caller's rights) becomes a 403.
      code: `export class CredentialsController {
  async testCredentials(req, res, payload) {
    try {
      return await this.credentialsService.testWithCredentials(req.user, payload.credentials);
    } catch (error) {
      if (error instanceof CredentialNotFoundError) {
        throw new ForbiddenError();
      }
      throw error;
    }
  }
}`,
      settings: pino,
      output: `import { logger } from './logger';
export class CredentialsController {
  async testCredentials(req, res, payload) {
    try {
      return await this.credentialsService.testWithCredentials(req.user, payload.credentials);
    } catch (error) {
      if (error instanceof CredentialNotFoundError) {
        logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
        throw new ForbiddenError();
      }
      throw error;
    }
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
export class CredentialsController {
  async testCredentials(req, res, payload) {
    try {
      return await this.credentialsService.testWithCredentials(req.user, payload.credentials);
    } catch (error) {
      if (error instanceof CredentialNotFoundError) {
        logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
        throw new ForbiddenError();
      }
      throw error;
    }
  }
}` },
          ],
        },
      ],
    },
    {
      // An IP allowlist matched against the caller stays access control.
      code: `app.use('/admin', (req, res, next) => {
  if (!allowedIps.includes(req.ip)) {
    return res.status(403).json({ error: 'Forbidden' });
  }
  next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.use('/admin', (req, res, next) => {
  if (!allowedIps.includes(req.ip)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.use('/admin', (req, res, next) => {
  if (!allowedIps.includes(req.ip)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  next();
});` },
          ],
        },
      ],
    },
    {
      // An anonymous caller refused unless a switch opens the API: the caller's absence refuses.
      code: `app.get('/api/items', (req, res) => {
  if (!req.user && !features.publicApiEnabled) {
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(items.list());
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/api/items', (req, res) => {
  if (!req.user && !features.publicApiEnabled) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(items.list());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.get('/api/items', (req, res) => {
  if (!req.user && !features.publicApiEnabled) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(items.list());
});` },
          ],
        },
      ],
    },
    {
      // A bearer token from the Authorization header that fails to verify, answered 400, stays reported.
      code: `app.use((req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return res.status(400).json({ error: 'Invalid token' });
  }
  next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.use((req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid token' });
  }
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.use((req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid token' });
  }
  next();
});` },
          ],
        },
      ],
    },
    {
      // includeNonAccessControl (strict) reports a link token answered 400 too.
      code: `app.post('/invites/accept', async (req, res) => {
  try {
    jwt.verify(req.body.inviteToken, inviteSecret);
  } catch {
    return res.status(400).json({ error: 'Invalid invite URL' });
  }
  res.json(await invites.accept(req.body));
});`,
      settings: pino,
      options: [{"includeNonAccessControl":true}],
      output: `import { logger } from './logger';
app.post('/invites/accept', async (req, res) => {
  try {
    jwt.verify(req.body.inviteToken, inviteSecret);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid invite URL' });
  }
  res.json(await invites.accept(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.post('/invites/accept', async (req, res) => {
  try {
    jwt.verify(req.body.inviteToken, inviteSecret);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid invite URL' });
  }
  res.json(await invites.accept(req.body));
});` },
          ],
        },
      ],
    },
    {
      // includeNonAccessControl (strict) reports a paywall in a conjunction too.
      code: `app.post('/users', async (req, res) => {
  if (req.user.role !== 'owner' && !license.isWithinUsersLimit()) {
    return res.status(403).json({ error: 'Maximum number of users reached' });
  }
  res.json(await users.create(req.body));
});`,
      settings: pino,
      options: [{"includeNonAccessControl":true}],
      output: `import { logger } from './logger';
app.post('/users', async (req, res) => {
  if (req.user.role !== 'owner' && !license.isWithinUsersLimit()) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Maximum number of users reached' });
  }
  res.json(await users.create(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.post('/users', async (req, res) => {
  if (req.user.role !== 'owner' && !license.isWithinUsersLimit()) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Maximum number of users reached' });
  }
  res.json(await users.create(req.body));
});` },
          ],
        },
      ],
    },
  ],
});
