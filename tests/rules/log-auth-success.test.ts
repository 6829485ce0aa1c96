import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/log-auth-success.js';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});
/** Plain JavaScript, parsed by ESLint's default parser. */
const js = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } as const;
/** A configured pino logger: fixes may be applied unreviewed. */
const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };

ruleTester.run('log-auth-success', rule, {
  valid: [
    // --- Express + bcrypt: logged with the user id before answering ---
    `import bcrypt from 'bcrypt';
    app.post('/login', async (req, res) => {
      const user = await User.findOne({ email: req.body.email });
      if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'invalid' });
      logger.info({ userId: user.id, ip: req.ip }, 'login succeeded');
      res.json({ token: jwt.sign({ sub: user.id }, secret) });
    });`,
    // the log in the success branch itself
    `import argon2 from 'argon2';
    router.post('/signin', async (req, res) => {
      const account = await accounts.byName(req.body.username);
      if (await argon2.verify(account.hash, req.body.password)) {
        req.log.info(\`sign-in \${account.id}\`);
        req.session.accountId = account.id;
        return res.redirect('/');
      }
      res.status(401).send('invalid');
    });`,
    // a security-audit helper counts
    `import bcrypt from 'bcrypt';
    app.post('/login', async (req, res) => {
      const user = await findUser(req.body.email);
      const ok = await bcrypt.compare(req.body.password, user.hash);
      if (!ok) return res.sendStatus(401);
      await audit.record({ action: 'login', userId: user.id });
      res.json({ ok: true });
    });`,
    // an activity record (Directus-style) counts
    `class AuthenticationService {
      async login(user, payload) {
        const accessToken = jwt.sign({ id: user.id }, secret);
        await this.activityService.createOne({ action: 'login', user: user.id, ip: this.accountability.ip });
        return { accessToken };
      }
    }`,
    // a password helper hands its answer to the caller: the caller signs in
    `import bcrypt from 'bcrypt';
    export async function checkPassword(user, password) {
      if (!(await bcrypt.compare(password, user.hash))) return null;
      return user;
    }`,
    // a re-check of a signed-in user's password before changing it is no login
    `import bcrypt from 'bcrypt';
    app.post('/account/password', async (req, res) => {
      if (!(await bcrypt.compare(req.body.current, req.user.hash))) return res.sendStatus(403);
      await setPassword(req.user, req.body.next);
      res.json({ ok: true });
    });`,
    // a token signed outside a login (an email verification link)
    `import jwt from 'jsonwebtoken';
    export function verificationLink(user) {
      const token = jwt.sign({ sub: user.id, purpose: 'verify' }, secret);
      return \`https://example.com/verify?t=\${token}\`;
    }`,
    // only failure answers after the check
    `import bcrypt from 'bcrypt';
    app.post('/login', async (req, res) => {
      const ok = await bcrypt.compare(req.body.password, hash);
      if (!ok) return res.status(401).json({ error: 'invalid' });
    });`,
    // the session holds something other than the principal
    `app.post('/login', (req, res) => {
      req.session.returnTo = req.query.next;
      res.render('login');
    });`,
    // req.login with the log before it
    `app.post('/signup', async (req, res, next) => {
      const user = await User.create(req.body);
      logger.info({ userId: user.id }, 'signed up and signed in');
      req.login(user, (err) => (err ? next(err) : res.redirect('/')));
    });`,
    // passport local strategy that logs the principal
    {
      code: `import bcrypt from 'bcrypt';
      passport.use(new LocalStrategy(async (username, password, done) => {
        const user = await User.findOne({ username });
        if (!user || !(await bcrypt.compare(password, user.hash))) return done(null, false);
        logger.info({ userId: user.id }, 'login succeeded');
        return done(null, user);
      }));`,
      languageOptions: js,
    },
    // TypeScript: Nest-style service that logs through its own logger
    `import * as bcrypt from 'bcrypt';
    export class AuthService {
      private readonly logger = new Logger(AuthService.name);
      async login(dto: LoginDto): Promise<{ accessToken: string }> {
        const user = (await this.users.findByEmail(dto.email)) as User;
        if (!(await bcrypt.compare(dto.password, user.hash))) throw new UnauthorizedException();
        this.logger.log(\`User \${user.id} logged in\`);
        return { accessToken: await this.jwtService.signAsync({ sub: user.id } satisfies Payload) };
      }
    }`,
    // NestJS LocalStrategy that logs the principal
    `import { Strategy } from 'passport-local';
    @Injectable()
    export class LocalStrategy extends PassportStrategy(Strategy) {
      private readonly logger = new Logger(LocalStrategy.name);
      async validate(email: string, password: string): Promise<User> {
        const user = await this.auth.validateUser(email, password);
        if (!user) throw new UnauthorizedException();
        this.logger.log({ userId: user.id }, 'login succeeded');
        return user;
      }
    }`,
    // NestJS JwtStrategy validates every request: not a login
    `import { ExtractJwt, Strategy } from 'passport-jwt';
    @Injectable()
    export class JwtStrategy extends PassportStrategy(Strategy) {
      async validate(payload: JwtPayload) {
        return { userId: payload.sub, roles: payload.roles };
      }
    }`,
  ],
  invalid: [
    // --- Express: a token answered without any log ---
    {
      code: `import bcrypt from 'bcrypt';
app.post('/login', async (req, res) => {
  const userId = await findUserId(req.body.email);
  const ok = await bcrypt.compare(req.body.password, await hashOf(userId));
  if (!ok) return res.status(401).json({ error: 'invalid' });
  res.json({ token: issue(userId) });
});`,
      settings: pino,
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
  const userId = await findUserId(req.body.email);
  const ok = await bcrypt.compare(req.body.password, await hashOf(userId));
  if (!ok) return res.status(401).json({ error: 'invalid' });
  logger.info({ userId, ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login succeeded');
  res.json({ token: issue(userId) });
});`,
            },
          ],
        },
      ],
      output: `import bcrypt from 'bcrypt';
import { logger } from './logger';
app.post('/login', async (req, res) => {
  const userId = await findUserId(req.body.email);
  const ok = await bcrypt.compare(req.body.password, await hashOf(userId));
  if (!ok) return res.status(401).json({ error: 'invalid' });
  logger.info({ userId, ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login succeeded');
  res.json({ token: issue(userId) });
});`,
    },
    // --- a log without the principal ---
    {
      code: `import argon2 from 'argon2';
router.post('/signin', async (req, res) => {
  const account = await accounts.byName(req.body.username);
  if (await argon2.verify(account.hash, req.body.password)) {
    req.log.info('sign-in ok');
    req.session.accountId = account.id;
    return res.redirect('/');
  }
  res.status(401).send('invalid');
});`,
      errors: [{ messageId: 'noPrincipal', line: 7, suggestions: [] }],
    },
    // --- a login service issuing a token: autofix with the opaque id ---
    {
      code: `import jwt from 'jsonwebtoken';
export async function login(userId, password) {
  await verifyCredentials(userId, password);
  const token = jwt.sign({ sub: userId }, secret);
  return { token };
}`,
      settings: pino,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logSuccess',
              data: { call: 'logger.info' },
              output: `import jwt from 'jsonwebtoken';
import { logger } from './logger';
export async function login(userId, password) {
  await verifyCredentials(userId, password);
  const token = jwt.sign({ sub: userId }, secret);
  logger.info({ userId }, 'Login succeeded');
  return { token };
}`,
            },
          ],
        },
      ],
      output: `import jwt from 'jsonwebtoken';
import { logger } from './logger';
export async function login(userId, password) {
  await verifyCredentials(userId, password);
  const token = jwt.sign({ sub: userId }, secret);
  logger.info({ userId }, 'Login succeeded');
  return { token };
}`,
    },
    // --- passport req.login(): user.id is a guess, so a suggestion only ---
    {
      code: `app.post('/auth/callback', async (req, res, next) => {
  const user = await upsertUser(req.body.profile);
  req.login(user, (err) => (err ? next(err) : res.redirect('/')));
});`,
      settings: pino,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            {
              messageId: 'logSuccess',
              data: { call: 'logger.info' },
              output: `import { logger } from './logger';
app.post('/auth/callback', async (req, res, next) => {
  const user = await upsertUser(req.body.profile);
  logger.info({ userId: user.id, ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login succeeded');
  req.login(user, (err) => (err ? next(err) : res.redirect('/')));
});`,
            },
          ],
        },
      ],
    },
    // --- passport LocalStrategy accepting the user ---
    {
      code: `import bcrypt from 'bcrypt';
passport.use(new LocalStrategy(async (username, password, done) => {
  const user = await User.findOne({ username });
  if (!user || !(await bcrypt.compare(password, user.hash))) return done(null, false);
  return done(null, user);
}));`,
      languageOptions: js,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            {
              messageId: 'logSuccess',
              data: { call: 'console.info' },
              output: `import bcrypt from 'bcrypt';
passport.use(new LocalStrategy(async (username, password, done) => {
  const user = await User.findOne({ username });
  if (!user || !(await bcrypt.compare(password, user.hash))) return done(null, false);
  console.info('Login succeeded', { userId: user.id });
  return done(null, user);
}));`,
            },
          ],
        },
      ],
    },
    // --- TypeScript: Next.js route handler signing a JWT with jose ---
    {
      filename: 'app/api/login/route.ts',
      code: `import { SignJWT } from 'jose';
import { compare } from 'bcryptjs';
export async function POST(request: Request) {
  const { email, password } = (await request.json()) as Credentials;
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !(await compare(password, user.hash))) return NextResponse.json({ error: 'invalid' }, { status: 401 });
  const token = await new SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'HS256' }).sign(key);
  return NextResponse.json({ ok: true } satisfies Body, { headers: { 'Set-Cookie': \`session=\${token}\` } });
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            {
              messageId: 'logSuccess',
              data: { call: 'console.info' },
              output: `import { SignJWT } from 'jose';
import { compare } from 'bcryptjs';
export async function POST(request: Request) {
  const { email, password } = (await request.json()) as Credentials;
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !(await compare(password, user.hash))) return NextResponse.json({ error: 'invalid' }, { status: 401 });
  const token = await new SignJWT({ sub: user.id }).setProtectedHeader({ alg: 'HS256' }).sign(key);
  console.info('Login succeeded', { userId: user.id, ip: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') });
  return NextResponse.json({ ok: true } satisfies Body, { headers: { 'Set-Cookie': \`session=\${token}\` } });
}`,
            },
          ],
        },
      ],
    },
    // --- NestJS LocalStrategy returning the user ---
    {
      code: `import { Strategy } from 'passport-local';
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  async validate(email: string, password: string): Promise<User> {
    const user = await this.auth.validateUser(email, password);
    if (!user) throw new UnauthorizedException();
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logSuccess',
              data: { call: 'console.info' },
              output: `import { Strategy } from 'passport-local';
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  async validate(email: string, password: string): Promise<User> {
    const user = await this.auth.validateUser(email, password);
    if (!user) throw new UnauthorizedException();
    console.info('Login succeeded', { userId: user.id });
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
