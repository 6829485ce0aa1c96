import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type Options } from '../../../src/rules/log-auth-success.js';

/**
 * The auth-log schema options of log-auth-success (issue 20, section 4): with `requiredFields` /
 * `eventField`, a log naming the principal counts only when it carries the fields; with
 * `bindIdentity`, an authentication step that stores the caller on the request must bind who it
 * is to the request logger before letting the request through. Fixed outputs are also valid
 * cases: a second pass changes nothing.
 */
const ruleTester = new RuleTester();
const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
const ipEvent: Options = [{ requiredFields: ['ip'], eventField: { key: 'event', prefix: 'auth.' } }];
const bind: Options = [{ bindIdentity: true }];

const addedFixed = `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'invalid' });
  logger.info({ userId: user.id, ip: req.ip, event: 'auth.login_success' }, 'login succeeded');
  res.json({ ok: true });
});`;

const insertedFixed = `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const { userId, password } = req.body;
  const user = await User.findById(userId);
  if (!user || !(await bcrypt.compare(password, user.hash))) return res.status(401).json({ error: 'invalid' });
  logger.info({ userId, ip: req.ip, userAgent: req.headers['user-agent'], event: 'login_success' }, 'Login succeeded');
  res.json({ ok: true });
});`;

const unloggedLogin = `import bcrypt from 'bcrypt';
app.post('/login', async (req, res) => {
  const { userId, password } = req.body;
  const user = await User.findById(userId);
  if (!user || !(await bcrypt.compare(password, user.hash))) return res.status(401).json({ error: 'invalid' });
  res.json({ ok: true });
});`;

ruleTester.run('log-auth-success (requiredFields, eventField, bindIdentity)', rule, {
  valid: [
    // --- requiredFields: the success log carries the ip ---
    {
      code: `import bcrypt from 'bcrypt';
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.sendStatus(401);
  logger.info({ userId: user.id, ip: req.ip }, 'login succeeded');
  res.json({ ok: true });
});`,
      options: [{ requiredFields: ['ip'] }] satisfies Options,
    },
    // --- a request logger child bound with the ip ---
    {
      code: `import bcrypt from 'bcrypt';
app.post('/login', async (req, res) => {
  const log = logger.child({ ip: req.ip });
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.sendStatus(401);
  log.info({ userId: user.id }, 'login succeeded');
  res.json({ ok: true });
});`,
      options: [{ requiredFields: ['ip'] }] satisfies Options,
    },
    // --- the fixed outputs ---
    { code: addedFixed, options: ipEvent, settings: pino },
    { code: insertedFixed, options: [{ requiredFields: ['ip'], eventField: { key: 'event' } }] satisfies Options, settings: pino },
    // --- bindIdentity: no request logger in the file (passport's req.logout is no logger): nothing to bind to ---
    {
      code: `export function requireAuth(req, res, next) {
  const payload = jwt.verify(req.headers.authorization, secret);
  if (payload.revoked) return req.logout(() => res.sendStatus(401));
  req.user = payload;
  next();
}`,
      options: bind,
    },
    // --- bindIdentity: Express middleware rebinding req.log to a child with the user id ---
    {
      code: `import jwt from 'jsonwebtoken';
export function requireAuth(req, res, next) {
  const payload = jwt.verify(req.headers.authorization, secret);
  req.user = payload;
  req.log = req.log.child({ userId: payload.sub });
  next();
}`,
      options: bind,
    },
    // --- Fastify: request.log.setBindings in the authenticate hook ---
    {
      code: `fastify.decorate('authenticate', async (request, reply) => {
  request.user = await request.jwtVerify();
  request.log.setBindings({ userId: request.user.id });
});`,
      options: bind,
    },
    // --- an AsyncLocalStorage store entered with the user, read by a pino mixin in the file ---
    {
      code: `import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
const context = new AsyncLocalStorage();
export const logger = pino({ mixin: () => context.getStore() ?? {} });
export function authMiddleware(req, res, next) {
  req.user = jwt.verify(req.headers.authorization, secret);
  context.enterWith({ userId: req.user.id });
  next();
}`,
      options: bind,
    },
    // --- pino-http customProps reading the user: the request-completed line carries it ---
    {
      code: `import pinoHttp from 'pino-http';
app.use(pinoHttp({ customProps: (req) => ({ userId: req.user?.id }) }));
export function authMiddleware(req, res, next) {
  req.user = jwt.verify(req.headers.authorization, secret);
  next();
}`,
      options: bind,
    },
    // --- nestjs-pino: PinoLogger.assign in a guard ---
    {
      code: `import { PinoLogger } from 'nestjs-pino';
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly logger: PinoLogger) {}
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    request.user = this.jwt.verify(request.headers.authorization);
    this.logger.assign({ userId: request.user.sub });
    return true;
  }
}`,
      options: bind,
    },
    // --- no request logger in the file (no req.log, pino-http, ALS): nothing to bind to ---
    {
      code: `export function authMiddleware(req, res, next) {
  req.user = jwt.verify(req.headers.authorization, secret);
  next();
}`,
      options: bind,
    },
    // --- bindIdentity off (the default): not asked ---
    `fastify.decorate('authenticate', async (request, reply) => {
  request.user = await request.jwtVerify();
});`,
    // --- a middleware not named like auth (a request-id middleware) ---
    {
      code: `export function requestContext(req, res, next) {
  req.log = req.log.child({ requestId: req.id });
  req.user = anonymous;
  next();
}`,
      options: bind,
    },
  ],
  invalid: [
    // --- a success log naming the user but not the ip: the fields are added ---
    {
      code: `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'invalid' });
  logger.info({ userId: user.id }, 'login succeeded');
  res.json({ ok: true });
});`,
      options: ipEvent,
      settings: pino,
      output: addedFixed,
      errors: [
        {
          messageId: 'missingFields',
          line: 7,
          data: { what: 'a password check succeeds here', fields: 'ip, event' },
          suggestions: [{ messageId: 'addFields', data: { fields: 'ip, event' }, output: addedFixed }],
        },
      ],
    },
    // --- unlogged: the inserted log carries the event name ---
    {
      code: unloggedLogin,
      options: [{ requiredFields: ['ip'], eventField: { key: 'event' } }] satisfies Options,
      settings: pino,
      output: insertedFixed,
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logSuccess', data: { call: 'logger.info' }, output: insertedFixed }] }],
    },
    // --- a required field the fix cannot derive: suggestion only ---
    {
      code: unloggedLogin,
      options: [{ requiredFields: ['ip', 'sessionId'] }] satisfies Options,
      settings: pino,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logSuccess',
              data: { call: 'logger.info' },
              output: `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const { userId, password } = req.body;
  const user = await User.findById(userId);
  if (!user || !(await bcrypt.compare(password, user.hash))) return res.status(401).json({ error: 'invalid' });
  logger.info({ userId, ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login succeeded');
  res.json({ ok: true });
});`,
            },
          ],
        },
      ],
    },
    // --- bindIdentity: Express middleware with pino-http's req.log in the file, not rebound ---
    {
      code: `import jwt from 'jsonwebtoken';
export function authMiddleware(req, res, next) {
  try {
    req.user = jwt.verify(req.headers.authorization?.slice(7), process.env.JWT_SECRET);
  } catch {
    req.log.warn({ ip: req.ip }, 'invalid token');
    return res.status(401).json({ error: 'invalid token' });
  }
  next();
}`,
      options: bind,
      errors: [{ messageId: 'unboundIdentity', line: 9, data: { holder: 'req.user', how: 'calls next() without the error' } }],
    },
    // --- a binding without the identity (only a request id) does not count ---
    {
      code: `export function checkJwt(req, res, next) {
  req.user = jwt.verify(req.headers.authorization, secret);
  req.log = req.log.child({ requestId: req.id });
  next();
}`,
      options: bind,
      errors: [{ messageId: 'unboundIdentity', line: 4 }],
    },
    // --- Fastify: the authenticate hook stores the user and returns ---
    {
      code: `fastify.decorate('authenticate', async (request, reply) => {
  request.user = await request.jwtVerify();
});`,
      options: bind,
      errors: [{ messageId: 'unboundIdentity', line: 2, data: { holder: 'request.user', how: 'returns' } }],
    },
  ],
});
