import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type Options } from '../../../src/rules/log-auth-failures.js';

/**
 * The auth-log schema options (issue 20, section 4): with `requiredFields` a warn log on the
 * rejection's path counts only when it carries every listed field (an object key, winston meta,
 * a `child({…})` binding, a value interpolated under that name); with `eventField` it must carry
 * the event key too. A log that lacks them is reported with `missingFields`, naming them; the fix
 * adds the fields it can derive (`ip` from the request, `reason` from the failure, the event name)
 * and never invents one it cannot. Each fixed output below is also a valid case: a second pass
 * of the fix changes nothing.
 */
const ruleTester = new RuleTester();

const ipReason: Options = [{ requiredFields: ['ip', 'reason'] }];
const withEvent: Options = [{ requiredFields: ['ip', 'reason'], eventField: { key: 'event', prefix: 'auth.' } }];
const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };

const bareWarnFixed = `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn({ ip: req.ip, reason: 'invalid_credentials', event: 'auth.login_failure' }, 'Login failed');
    return res.status(401).json({ error: 'invalid' });
  }
  res.json({ ok: true });
});`;

const winstonFixed = `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
router.post('/login', async (req, res) => {
  const user = await users.find(req.body.username);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn('Login failed', { ip: req.ip, reason: 'invalid_credentials' });
    return res.status(401).send('invalid');
  }
  res.send('ok');
});`;

const insertedFixed = `import { logger } from './logger';
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], event: 'auth.access_denied' }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`;

const addedToObjectFixed = `import { logger } from './logger';
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ ip: req.ip, reason: 'forbidden', event: 'auth.access_denied' }, 'denied');
    return res.sendStatus(403);
  }
  res.json({});
});`;

const nestFailed = (log: string) => `import { Logger, UnauthorizedException } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  async login(@Req() req: Request, @Body() body: LoginDto) {
    const user = await this.users.findByEmail(body.email);
    if (!user || !(await bcrypt.compare(body.password, user.hash))) {
      ${log}
      throw new UnauthorizedException();
    }
    return this.auth.sign(user);
  }
}`;
const nestFixed = nestFailed("this.logger.warn({ message: 'Login failed', ip: req.ip, reason: 'invalid_credentials' });");

ruleTester.run('log-auth-failures (requiredFields, eventField)', rule, {
  valid: [
    // --- pino: the merging object carries the fields ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ ip: req.ip, reason: 'not_admin' }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: ipReason,
    },
    // --- winston: the meta object after the message ---
    {
      code: `router.post('/login', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn('Login failed', { ip: req.ip, reason: 'bad_password' });
    return res.status(401).send('invalid');
  }
  res.send('ok');
});`,
      options: ipReason,
    },
    // --- a child logger bound with the ip carries it ---
    {
      code: `app.get('/admin', (req, res) => {
  const log = logger.child({ ip: req.ip });
  if (!req.user.isAdmin) {
    log.warn({ reason: 'not_admin' }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: ipReason,
    },
    // --- pino-http's req.log writes the client address (its req binding): it carries ip ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    req.log.warn({ reason: 'not_admin' }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: ipReason,
    },
    // --- console: values interpolated under the field's name or label ---
    {
      code: `app.post('/login', async (req, res) => {
  const reason = 'bad_password';
  if (!(await bcrypt.compare(req.body.password, user.hash))) {
    console.warn(\`Login failed reason=\${reason} from \${req.ip}\`);
    return res.sendStatus(401);
  }
  res.json({});
});`,
      options: ipReason,
    },
    // --- a spread may carry any field: not reported ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ ...auditFields(req) }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: ipReason,
    },
    // --- a merging object built by a helper may carry any field ---
    {
      code: `app.get('/admin', (req, res) => {
  const fields = buildAuditFields(req);
  if (!req.user.isAdmin) {
    logger.warn(fields, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: ipReason,
    },
    // --- a configured log function writes what it writes: it counts ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    auditDenied(req, 'forbidden');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: ipReason,
      settings: { 'security-logging': { logFunctions: ['auditDenied'] } },
    },
    // --- NestJS: an object message carries its fields ---
    {
      code: `@Injectable()
export class AdminGuard implements CanActivate {
  private readonly logger = new Logger(AdminGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    if (!req.user?.isAdmin) {
      this.logger.warn({ message: 'Access denied', ip: req.ip, reason: 'not_admin' });
      throw new ForbiddenException();
    }
    return true;
  }
}`,
      options: ipReason,
    },
    // --- without the options a bare warn counts (the recommended default) ---
    `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn('denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
    // --- eventField only: the event key is what counts ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ event: 'auth.access_denied' }, 'denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: [{ eventField: { key: 'event' } }] satisfies Options,
    },
    // --- the fixed outputs: a second pass changes nothing ---
    { code: bareWarnFixed, options: withEvent, settings: pino },
    { code: winstonFixed, options: ipReason },
    { code: insertedFixed, options: withEvent, settings: pino },
    { code: addedToObjectFixed, options: withEvent, settings: pino },
    { code: nestFixed, options: ipReason },
  ],
  invalid: [
    // --- pino: a bare warn no longer counts; the fields go into a new merging object ---
    {
      code: `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn('Login failed');
    return res.status(401).json({ error: 'invalid' });
  }
  res.json({ ok: true });
});`,
      options: withEvent,
      settings: pino,
      output: bareWarnFixed,
      errors: [
        {
          messageId: 'missingFields',
          line: 7,
          data: { what: 'a 401 response', fields: 'ip, reason, event' },
          suggestions: [{ messageId: 'addFields', data: { fields: 'ip, reason, event' }, output: bareWarnFixed }],
        },
      ],
    },
    // --- pino: fields added to the object already there ---
    {
      code: `import { logger } from './logger';
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ ip: req.ip }, 'denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
      options: withEvent,
      settings: pino,
      output: addedToObjectFixed,
      errors: [
        {
          messageId: 'missingFields',
          line: 5,
          data: { what: 'a 403 response', fields: 'reason, event' },
          suggestions: [{ messageId: 'addFields', data: { fields: 'reason, event' }, output: addedToObjectFixed }],
        },
      ],
    },
    // --- winston (created in the file): a meta object after the message ---
    {
      code: `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
router.post('/login', async (req, res) => {
  const user = await users.find(req.body.username);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn('Login failed');
    return res.status(401).send('invalid');
  }
  res.send('ok');
});`,
      options: ipReason,
      output: winstonFixed,
      errors: [
        {
          messageId: 'missingFields',
          line: 7,
          data: { what: 'a 401 response', fields: 'ip, reason' },
          suggestions: [{ messageId: 'addFields', data: { fields: 'ip, reason' }, output: winstonFixed }],
        },
      ],
    },
    // --- a field the fix cannot derive is not invented: suggestion only, with what it can write ---
    {
      code: `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
router.post('/login', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn('Login failed');
    return res.status(401).send('invalid');
  }
  res.send('ok');
});`,
      options: [{ requiredFields: ['ip', 'tenant'] }] satisfies Options,
      output: null,
      errors: [
        {
          messageId: 'missingFields',
          line: 6,
          data: { what: 'a 401 response', fields: 'ip, tenant' },
          suggestions: [
            {
              messageId: 'addFields',
              data: { fields: 'ip' },
              output: `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
router.post('/login', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn('Login failed', { ip: req.ip });
    return res.status(401).send('invalid');
  }
  res.send('ok');
});`,
            },
          ],
        },
      ],
    },
    // --- NestJS Logger: a lone message becomes an object message with the fields ---
    {
      code: nestFailed("this.logger.warn('Login failed');"),
      options: ipReason,
      output: nestFixed,
      errors: [
        {
          messageId: 'missingFields',
          line: 10,
          data: { what: 'UnauthorizedException (401)', fields: 'ip, reason' },
          suggestions: [{ messageId: 'addFields', data: { fields: 'ip, reason' }, output: nestFixed }],
        },
      ],
    },
    // --- console with a positional value: no safe place for an object, no fix ---
    {
      code: `app.post('/login', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, user.hash);
  if (!ok) {
    console.warn('Login failed for', req.body.username);
    return res.sendStatus(401);
  }
  res.json({ ok });
});`,
      options: [{ requiredFields: ['ip'] }] satisfies Options,
      output: null,
      errors: [{ messageId: 'missingFields', line: 5, data: { what: 'a 401 response', fields: 'ip' }, suggestions: [] }],
    },
    // --- unlogged: the inserted log carries the event name ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) return res.sendStatus(403);
  res.json({});
});`,
      options: withEvent,
      settings: pino,
      output: insertedFixed,
      errors: [{ messageId: 'unlogged', line: 2, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: insertedFixed }] }],
    },
    // --- unlogged with a required field the fix cannot derive: suggestion only ---
    {
      code: `app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) return res.sendStatus(403);
  res.json({});
});`,
      options: [{ requiredFields: ['tenant'] }] satisfies Options,
      settings: pino,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 2,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'logger.warn' },
              output: `import { logger } from './logger';
app.get('/admin', (req, res) => {
  if (!req.user.isAdmin) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.sendStatus(403);
  }
  res.json({});
});`,
            },
          ],
        },
      ],
    },
  ],
});
