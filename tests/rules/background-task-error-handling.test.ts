import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/background-task-error-handling.js';

/**
 * Request handlers and server hooks (Express, Koa, Fastify, Hono, NestJS): an async handler is the
 * framework's to catch, but a promise set aside inside one is lost. Middleware run by hand and
 * callback-style calls under `void` set no promise aside.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (request handlers and server hooks)', rule, {
  valid: [
    {
      code: `app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user);
});`,
    },
    {
      code: `router.post('/orders', async (ctx) => {
  ctx.body = await orders.create(ctx.request.body);
});`,
    },
    {
      code: `fastify.get('/health', async (request, reply) => {
  await db.ping();
  return { ok: true };
});`,
    },
    {
      code: `app.on('GET', '/items', async (c) => c.json(await items.list()));`,
    },
    {
      code: `fastify.addHook('onClose', async (instance) => {
  await instance.db.close();
});`,
    },
    {
      code: `fastify.addHook('onReady', async function () {
  await loadCacheFromDatabase();
});`,
    },
    {
      code: `fastify.addHook('onRequest', async (request) => {
  await verifyToken(request);
});`,
    },
    {
      code: `router.use(async (req, res, next) => {
  req.user = await authenticate(req);
  next();
});`,
    },
    {
      code: `app.use(async (ctx, next) => {
  const start = Date.now();
  await next();
  ctx.set('X-Response-Time', \`\${Date.now() - start}ms\`);
});`,
    },
    {
      code: `app.get('/', async (c) => c.text(await greeting()));`,
    },
    {
      code: `import { Controller, Get, Param } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get(':id')
  async findOne(@Param('id') id: string) {
    return await this.users.findOne(id);
  }
}`,
    },
    // `void` on middleware run by hand and on callback-style calls (seen in a real app that
    // voids every call its linter flags): not a promise set aside
    `app.use('/api', (req, res, next) => {
  void cachedRouter(req, res, next);
});`,
    `export function array(fieldName) {
  return (req, res, next) => {
    void this.upload.array(fieldName, 10)(req, res, (error) => {
      if (error) req.fileUploadError = error;
      next();
    });
  };
}`,
    `app.get('/trace', (req, res) => {
  void traceRequestHandler(async () => { app(req, res); }, req, res, '/trace');
});`,
    // --- fix outputs: applying a fix once leaves nothing to report (idempotent) ---
    {
      code: `import express from 'express';
const app = express();
async function sendWelcome(user) { await mailer.send(user.email, 'welcome'); }
app.post('/signup', async (req, res) => {
  const user = await User.create(req.body);
  sendWelcome(user).catch((err) => req.log.error({ err }, 'welcome mail failed'));
  res.status(201).json(user);
});`,
    },
    {
      code: `import { trackSignup } from './analytics';
app.post('/signup', async (req, res) => {
  trackSignup(req.body);
  res.sendStatus(201);
});`,
    },
  ],
  invalid: [
    {
      code: `import express from 'express';
const app = express();
app.post('/orders', (req, res) => {
  void mailer.sendReceipt(req.body.orderId);
  res.sendStatus(202);
});`,
      options: [{ includeVoidedCalls: true }],
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `import express from 'express';
const app = express();
app.post('/orders', (req, res) => {
  void mailer.sendReceipt(req.body.orderId).catch((err) => console.error('sendReceipt failed', err));
  res.sendStatus(202);
});`,
            },
          ],
        },
      ],
    },
    {
      code: `async function flushMetrics() { await metrics.flush(); }
fastify.addHook('onClose', async (instance) => {
  flushMetrics();
  await instance.db.close();
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            { messageId: 'addCatch', output: `async function flushMetrics() { await metrics.flush(); }
fastify.addHook('onClose', async (instance) => {
  flushMetrics().catch((err) => console.error('flushMetrics failed', err));
  await instance.db.close();
});` },
          ],
        },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
async function sendWelcome(user) { await mailer.send(user.email, 'welcome'); }
app.post('/signup', async (req, res) => {
  const user = await User.create(req.body);
  sendWelcome(user);
  res.status(201).json(user);
});`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          suggestions: [
            { messageId: 'addCatch', output: `import express from 'express';
const app = express();
async function sendWelcome(user) { await mailer.send(user.email, 'welcome'); }
app.post('/signup', async (req, res) => {
  const user = await User.create(req.body);
  sendWelcome(user).catch((err) => console.error('sendWelcome failed', err));
  res.status(201).json(user);
});` },
          ],
        },
      ],
    },
    {
      code: `import { Controller, Post, Body } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() dto: CreateUserDto) {
    const user = await this.users.create(dto);
    this.audit(user.id);
    return user;
  }
  private async audit(id: string) { await this.auditRepo.insert({ id }); }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 7,
          suggestions: [
            { messageId: 'addCatch', output: `import { Controller, Post, Body } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Post()
  async create(@Body() dto: CreateUserDto) {
    const user = await this.users.create(dto);
    this.audit(user.id).catch((err) => console.error('audit failed', err));
    return user;
  }
  private async audit(id: string) { await this.auditRepo.insert({ id }); }
}` },
          ],
        },
      ],
    },
  ],
});
