import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Rejections an app writes its own way: Koa's `ctx.assert(value, 403)`, a status chosen by a
 * ternary, an app's error factories called without `new`, the app's own response helpers, handlers
 * whose request is destructured or that are registered by name, a service that throws when bcrypt
 * says no. A catch around a token check that reports a server failure is no rejection.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

// Backstage's devtools router (round 17): the permission framework's DENY answered with @backstage/errors' NotAllowedError (a 403)
const BACKSTAGE_DENY = "router.get('/info', async (req, response) => {\n  const decision = (await permissions.authorize([{ permission: devToolsInfoReadPermission }], { credentials: await httpAuth.credentials(req) }))[0];\n  if (decision.result === AuthorizeResult.DENY) {\n    throw new errors.NotAllowedError('Unauthorized');\n  }\n  response.status(200).json(await api.listInfo());\n});";

ruleTester.run('log-auth-failures (rejection shapes)', rule, {
  valid: [
    // the same DENY logged at warn; and a 405 named alike is no refusal of the caller
    "router.get('/info', async (req, response) => {\n  const decision = (await permissions.authorize([{ permission: devToolsInfoReadPermission }], { credentials: await httpAuth.credentials(req) }))[0];\n  if (decision.result === AuthorizeResult.DENY) {\n    logger.warn({ path: req.path, ip: req.ip, reason: 'forbidden' }, 'devtools: permission denied');\n    throw new errors.NotAllowedError('Unauthorized');\n  }\n  response.status(200).json(await api.listInfo());\n});",
    "app.post('/x', (req, res) => {\n  if (req.method !== 'POST') throw new MethodNotAllowedError();\n  res.end();\n});",
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
  ],
  invalid: [
    {
      code: BACKSTAGE_DENY,
      errors: [{ messageId: 'unlogged', line: 4, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "router.get('/info', async (req, response) => {\n  const decision = (await permissions.authorize([{ permission: devToolsInfoReadPermission }], { credentials: await httpAuth.credentials(req) }))[0];\n  if (decision.result === AuthorizeResult.DENY) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    throw new errors.NotAllowedError('Unauthorized');\n  }\n  response.status(200).json(await api.listInfo());\n});" }] }],
    },
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
      options: [{ includeAnonymous: true }],
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
  ],
});
