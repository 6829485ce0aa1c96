import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Precision on real code (issue #15), second pass: a 401/403 whose own text says it answers the state
 * of a resource or the input (`not found`, `already exists`, `already activated`, `does not have`,
 * `Please enter …`) and names no caller or credential; a capacity reached (`clients.size >= maxConnections`);
 * a rejection thrown inside a `try` whose `catch` logs it at warn. The twins that refuse a caller stay reported.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (answer text, capacity, logging catch)', rule, {
  valid: [
    // Signal K: a missing connection answered 401 — the text says "not found", no caller is refused.
    `app.delete('/skServer/providers/:id', (req, res) => {
  const idx = app.config.settings.pipedProviders.findIndex((p) => p.id === req.params.id);
  if (idx === -1) {
    res.status(401).send(\`Connection with name \${req.params.id} not found\`);
    return;
  }
  app.config.settings.pipedProviders.splice(idx, 1);
  res.send('Connection deleted');
});`,
    // Signal K: missing input answered 401 ("Please enter …").
    `app.put('/skServer/providers/:id', (req, res) => {
  const provider = req.body;
  if (!provider.id || provider.id.length === 0) {
    res.status(401).send('Please enter a provider ID');
    return;
  }
  res.send('ok');
});`,
    // Signal K: the server's state ("Security already enabled"), even with users counted in the condition.
    `app.post('/skServer/enableSecurity', (req, res) => {
  if (securityWasEnabled || app.securityStrategy.getUsers(getSecurityConfig(app)).length > 0) {
    res.status(403).send('Security already enabled');
    return;
  }
  res.send('ok');
});`,
    // Signal K: the route is only registered when activation is switched off; its text says so.
    `if (securityActivationDisabled) {
  app.post('/skServer/enableSecurity', (_req, res) => {
    res.status(403).send('Security activation is disabled');
  });
}`,
    // Directus: a version without an item answered 403; "key" is the record's key here.
    `import { ForbiddenError } from '@directus/errors';
router.get('/:pk/compare', asyncHandler(async (req, res, next) => {
  const version = await service.readOne(req.params['pk']);
  if (!version.item) throw new ForbiddenError({ reason: \`Version with key \${req.params['pk']} does not have an associated item\` });
  res.locals['payload'] = { data: version };
  return next();
}));`,
    // Homebridge: the account's 2FA state, not the caller, refuses a second activation.
    `import { Injectable, ForbiddenException, NotFoundException } from '@nestjs/common';
@Injectable()
export class AuthService {
  @Post('otp/setup')
  async setupOtp(username) {
    const user = this.users.find((x) => x.username === username);
    if (!user) throw new NotFoundException('User not found.');
    if (user.otpActive) {
      throw new ForbiddenException('2FA has already been activated.');
    }
    return this.enroll(user);
  }
}`,
    // Directus: a WebSocket upgrade refused because the server is full (a capacity, not a caller).
    `export class SocketController {
  async handleUpgrade(request, socket, head) {
    if (this.clients.size >= this.maxConnections) {
      logger.debug('WebSocket upgrade denied - max connections reached');
      socket.write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n');
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.onConnect(ws));
  }
}`,
    // Homebridge: the Forbidden thrown in the try is logged at warn by its catch, then rethrown.
    `import { Injectable, ForbiddenException, HttpException } from '@nestjs/common';
@Injectable()
export class AuthService {
  constructor(logger) { this.logger = logger; }
  async authenticate(username, password) {
    try {
      const user = await this.findByUsername(username);
      if (!user) {
        throw new ForbiddenException();
      }
      return user;
    } catch (e) {
      if (e instanceof ForbiddenException) {
        this.logger.warn('Failed login attempt.');
        throw e;
      }
      throw e;
    }
  }
}`,
    // Express: a catch that logs every error at warn covers the 401 thrown in its try.
    `app.get('/me', async (req, res, next) => {
  try {
    if (!req.user) throw createError(401);
    res.json(await profiles.get(req.user.id));
  } catch (err) {
    logger.warn({ err, path: req.path }, 'request refused');
    next(err);
  }
});`,
  ],
  invalid: [
    // The text names the caller: a refused caller, whatever else it says.
    {
      options: [{ includeAnonymous: true }],
      code: `app.get('/docs/:id', (req, res) => {
  if (!req.user) {
    return res.status(401).send('User not found');
  }
  res.json(docs.get(req.params.id));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `app.get('/docs/:id', (req, res) => {
  if (!req.user) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(401).send('User not found');
  }
  res.json(docs.get(req.params.id));
});` },
          ],
        },
      ],
    },
    // A presented API key refused: the text names the credential, whatever state it reports.
    {
      code: `app.get('/api/data', async (req, res) => {
  if (!(await apiKeys.verify(req.headers['x-api-key']))) {
    return res.status(401).send('This API key is disabled');
  }
  res.json(await data.all());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `app.get('/api/data', async (req, res) => {
  if (!(await apiKeys.verify(req.headers['x-api-key']))) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(401).send('This API key is disabled');
  }
  res.json(await data.all());
});` },
          ],
        },
      ],
    },
    // A replayed one-time token: the text names the credential.
    {
      code: `app.post('/invites/accept', async (req, res) => {
  if (await invites.isUsed(req.body.id)) {
    return res.status(401).json({ error: 'Token already used' });
  }
  res.json(await invites.accept(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `app.post('/invites/accept', async (req, res) => {
  if (await invites.isUsed(req.body.id)) {
    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(401).json({ error: 'Token already used' });
  }
  res.json(await invites.accept(req.body));
});` },
          ],
        },
      ],
    },
    // A 403 with text that says nothing of the resource: the admin check stays reported.
    {
      code: `app.delete('/skServer/providers/:id', (req, res) => {
  if (!req.skPrincipal || req.skPrincipal.permissions !== 'admin') {
    res.status(403).send('Not allowed');
    return;
  }
  res.send('Connection deleted');
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `app.delete('/skServer/providers/:id', (req, res) => {
  if (!req.skPrincipal || req.skPrincipal.permissions !== 'admin') {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    res.status(403).send('Not allowed');
    return;
  }
  res.send('Connection deleted');
});` },
          ],
        },
      ],
    },
    // The same upgrade refused because the caller's token does not verify: logged only at debug.
    {
      code: `export class SocketController {
  async handleUpgrade(request, socket, head) {
    if (!(await this.auth.verifyToken(request.headers.authorization))) {
      logger.debug('WebSocket upgrade denied - bad token');
      socket.write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n');
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.onConnect(ws));
  }
}`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 5,
          suggestions: [
            { messageId: 'raiseLevel', data: { from: 'logger.debug', to: 'logger.warn' }, output: `export class SocketController {
  async handleUpgrade(request, socket, head) {
    if (!(await this.auth.verifyToken(request.headers.authorization))) {
      logger.warn('WebSocket upgrade denied - bad token');
      socket.write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n');
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.onConnect(ws));
  }
}` },
          ],
        },
      ],
    },
    // Homebridge: the catch logs only ForbiddenException; the 401 thrown beside it is not logged.
    {
      code: `import { Injectable, ForbiddenException, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthService {
  constructor(logger) { this.logger = logger; }
  async refresh(token) {
    try {
      const user = await this.verify(token);
      if (!user.active) throw new UnauthorizedException();
      return user;
    } catch (e) {
      if (e instanceof ForbiddenException) {
        this.logger.warn('Failed login attempt.');
      }
      throw e;
    }
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            { messageId: 'logFailure', data: { call: 'console.warn' }, output: `import { Injectable, ForbiddenException, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthService {
  constructor(logger) { this.logger = logger; }
  async refresh(token) {
    try {
      const user = await this.verify(token);
      if (!user.active) {
        console.warn('Authentication failed', { reason: 'unauthorized' });
        throw new UnauthorizedException();
      }
      return user;
    } catch (e) {
      if (e instanceof ForbiddenException) {
        this.logger.warn('Failed login attempt.');
      }
      throw e;
    }
  }
}` },
          ],
        },
      ],
    },
    // A catch that turns any failure into a Forbidden without a log: the new throw is its own rejection.
    {
      code: `app.post('/login', async (req, res, next) => {
  try {
    const user = await users.check(req.body.username, req.body.password);
    res.json(user);
  } catch (e) {
    logger.debug('login failed');
    next(createError(403));
  }
});`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 7,
          suggestions: [
            { messageId: 'raiseLevel', data: { from: 'logger.debug', to: 'logger.warn' }, output: `app.post('/login', async (req, res, next) => {
  try {
    const user = await users.check(req.body.username, req.body.password);
    res.json(user);
  } catch (e) {
    logger.warn('login failed');
    next(createError(403));
  }
});` },
          ],
        },
      ],
    },
  ],
});
