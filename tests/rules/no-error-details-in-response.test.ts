import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };

ruleTester.run('no-error-details-in-response', rule, {
  valid: [
    // --- the app's response helper handed the response and no status: the quiet twins (issue 18, audit row 7) ---
    // a fixed text; the whole error (the helper decides what of it to send, and is judged where it is defined)
    "import { sendError } from './http';\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    logger.error({ err }, 'creating the order failed');\n    sendError(res, 'Could not create the order');\n  }\n});",
    "import { sendErrorResponse } from './response-helper';\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    sendErrorResponse(res, err);\n  }\n});",
    // a same-file helper given the error that answers with a generic body
    "function sendError(res, error) {\n  logger.error({ err: error }, 'request failed');\n  res.status(500).json({ error: 'Internal error' });\n}\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    sendError(res, err);\n  }\n});",
    // a same-file helper given the message that only logs it
    "function sendError(res, message) {\n  logger.error(message);\n  res.status(500).json({ error: 'Internal error' });\n}\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    sendError(res, err.message);\n  }\n});",
    // logger calls with the response in them, and a helper not named for answering
    "router.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    logger.error(res, err.message);\n    console.error('failed', res.statusCode, err.message);\n    trackFailure(res, err.message);\n    res.status(500).end();\n  }\n});",
    // an error written for the client
    "router.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    if (err instanceof AppError) return sendError(res, err.message);\n    sendError(res, 'Internal error');\n  }\n});",
    // a server on a run-time port of the loopback interface: only processes the app gives the address to reach it
    "class MockServer {\n  async start() {\n    const app = express();\n    app.post('/v1/chat', async (req, res) => {\n      try {\n        res.json(await this.mock(req.body));\n      } catch (error) {\n        this.respondWithError(res, error.message);\n      }\n    });\n    this.server = app.listen(0, '127.0.0.1');\n  }\n  respondWithError(res, message) {\n    res.status(500).json({ error: `Mock generation failed: ${message}` });\n  }\n}",
    // a hand-written refusal on an upgrade socket with fixed text (Directus' WebSocket upgrade)
    "server.on('upgrade', async (request, socket, head) => {\n  try {\n    await authenticateConnection(request);\n  } catch {\n    socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');\n    socket.destroy();\n    return;\n  }\n  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));\n});",
    // the upgrade listener logs the error and writes a generic answer
    "server.on('upgrade', async (request, socket) => {\n  try {\n    await checkLicense();\n  } catch (err) {\n    logger.error({ err }, 'upgrade failed');\n    socket.end('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n');\n  }\n});",
    // Methods every object inherits are not response methods: \`res.toString(x)\` sends nothing.
    "app.get('/', async (req, res) => { try { await db.q() } catch (err) { res.toString(err.message); res.constructor(err.stack); } });",
    // --- a SyntaxError of parsing only what the client sent is the client's own ---
    "app.post('/import', (req, res) => {\n  let doc;\n  try {\n    doc = JSON.parse(req.body.payload);\n  } catch (err) {\n    if (err instanceof SyntaxError) return res.status(400).json({ error: err.message });\n    throw err;\n  }\n  res.json(save(doc));\n});",
    // the app's own response helper with a message the app wrote, and a helper whose number is a timeout
    "router.post('/orders', async (req, res) => {\n  try {\n    return formatResponse(201, res, await orders.create(req.body));\n  } catch (err) {\n    logger.error({ err }, 'creating the order failed');\n    return formatResponse(500, res, 'Could not create the order');\n  }\n});",
    "router.post('/orders', async (req, res) => {\n  try {\n    await orders.create(req.body);\n  } catch (err) {\n    withTimeout(res, 500, err.message);\n  }\n});",
    // a flash message the app wrote, with the error logged; a helper given something else than an error
    "app.post('/settings', async (req, res) => { try { await db.query('x'); } catch (e) { logger.error({ err: e }, 'saving settings failed'); req.flash('error', 'Could not save your settings'); res.redirect('/settings'); } });",
    "app.get('/x', (req, res) => { res.status(400).json({ error: getErrorMessage('INVALID_INPUT') }); });",
    "app.get('/x', (req, res) => { const messages = req.flash('error'); res.render('x', { messages }); });",
    // the other error-to-text helper names, given a message key instead of a caught error
    "app.get('/x', (req, res) => { res.status(400).json({ error: toErrorText('INVALID_INPUT'), detail: errorToString('BAD_FORMAT') }); });",
    // --- Express: generic messages, logged on the server ---
    'app.get("/", async (req, res) => { try { await run() } catch (err) { logger.error({ err }, "run failed"); res.status(500).json({ error: "Internal Server Error" }) } })',
    'app.use((err, req, res, next) => { req.log.error(err); res.status(500).json({ message: "Something went wrong", requestId: req.id }) })',
    // guarded by a development-only check (a "not production" test fails open: see the invalid cases)
    'app.use((err, req, res, next) => { res.status(500).json({ message: "Internal error", stack: process.env.NODE_ENV === "development" ? err.stack : undefined }) })',
    'app.use((err, req, res, next) => { res.status(500).json({ message: "Internal error", ...(process.env.NODE_ENV === "development" && { stack: err.stack }) }) })',
    'app.use((err, req, res, next) => { if (req.app.get("env") === "development") { return res.status(500).send(err.stack) } res.sendStatus(500) })',
    'app.use((err, req, res, next) => { if (process.env.NODE_ENV !== "development") return res.status(500).json({ message: "Internal error" }); res.status(500).json({ message: err.message, stack: err.stack }) })',
    // @uppy/companion's standalone error handler, made explicit
    "app.use((err, req, res, next) => {\n  logger.error(err, 'root.error', req.id);\n  if (app.get('env') === 'development') {\n    return res.status(500).json({ message: err.message, error: err, requestId: req.id });\n  }\n  res.status(500).json({ message: 'Something went wrong', requestId: req.id });\n})",
    'app.use((err, req, res, next) => { res.status(500).json({ error: isDev ? err.message : "Internal error" }) })',
    'app.use((err, req, res, next) => { res.status(500).json({ error: config.isProduction ? "Internal error" : String(err) }) })',
    'app.use((err, req, res, next) => { res.status(500).json({ error: !IS_PROD ? err : {} }) })',
    // errors written for the client
    'app.use((err, req, res, next) => { res.status(err.status || 500).json({ error: err.expose ? err.message : "Internal Server Error" }) })',
    'app.use((err, req, res, next) => { if (err instanceof AppError) return res.status(err.statusCode).json({ message: err.message }); res.status(500).json({ message: "Internal error" }) })',
    'app.use((err, req, res, next) => { if (err.isOperational) { res.status(err.statusCode).json({ message: err.message }) } else { res.status(500).json({ message: "Internal error" }) } })',
    'app.use((err, req, res, next) => { const status = err.status || 500; res.status(status).json({ message: status < 500 ? err.message : "Internal Server Error" }) })',
    'app.use((err, req, res, next) => { const status = err.statusCode ?? 500; res.status(status).json({ message: status === 500 ? "Internal Server Error" : err.message }) })',
    'app.use((err, req, res, next) => { if (err.statusCode >= 500) return res.status(500).json({ message: "Internal" }); res.status(err.statusCode).json({ message: err.message }) })',
    'app.use((err, req, res, next) => { if (err.name === "ValidationError") return res.status(400).json({ message: err.message }); next(err) })',
    'app.use((err, req, res, next) => { switch (err.name) { case "UnauthorizedError": return res.status(401).json({ message: err.message }); default: return res.sendStatus(500) } })',
    'app.use((err, req, res, next) => { if (isHttpError(err)) return res.status(err.status).send(err.message); res.sendStatus(500) })',
    'app.post("/", (req, res) => { try { const data = schema.parse(req.body); res.json(data) } catch (e) { res.status(400).json({ error: e.message }) } })',
    'app.post("/", (req, res) => { let body; try { body = JSON.parse(req.body.raw) } catch (e) { return res.status(400).send(`Invalid JSON: ${e.message}`) } res.json(body) })',
    'app.post("/", async (req, res) => { try { await create(req.body) } catch (e) { if (e instanceof ZodError) return res.status(400).json({ errors: e.issues }); res.status(500).json({ message: "Internal" }) } })',
    // errors this code created, and details beside the message
    'app.get("/", (req, res) => { const err = new HttpError(400, "name is required"); res.status(400).json({ error: err.message }) })',
    'app.get("/", async (req, res) => { try { await run() } catch (err) { res.status(502).json({ code: err.code, upstreamStatus: err.response?.status }) } })',
    'app.get("/", async (req, res) => { try { await run() } catch (err) { res.status(500).json({ message: "Failed", details: err.errors }) } })',
    // not a response: logs, rethrows, hand-offs, locals, fetch responses
    'app.get("/", async (req, res, next) => { try { await run() } catch (err) { next(err) } })',
    'app.use((err, req, res, next) => { res.locals.message = err.message; res.locals.error = req.app.get("env") === "development" ? err : {}; res.status(err.status || 500); res.render("error") })',
    'async function load() { try { return await fetch(url) } catch (err) { console.error(err.message); throw err } }',
    'async function load(response) { try { return await response.json() } catch (err) { return null } }',
    'fastify.setErrorHandler((error, request, reply) => { request.log.error(error); reply.send(error) })',
    'function sendError(res: Response, error: AppError) { res.status(error.statusCode).json({ message: error.message }) }',
    'server.listen(port, (err) => { if (err) console.error(err.message) })',
    'socket.on("message", (raw) => { try { handle(raw) } catch (err) { socket.send(JSON.stringify({ error: "bad message" })) } })',
    `fastify.setErrorHandler((err, request, reply) => {
  request.log.error({ err }, 'unhandled error');
  reply.code(err.statusCode ?? 500);
  let message = 'Internal Server Error';
  if (err.statusCode && err.statusCode < 500) {
    message = err.message;
  }
  return { message };
})`,
    'fastify.get("/", async (request, reply) => { try { return await load() } catch (err) { request.log.error(err); return { message: "Internal Server Error", requestId: request.id } } })',
    'function helper() { try { return load() } catch (err) { return { error: err.message } } }',
    // --- Koa ---
    'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.status = err.status || 500; ctx.body = err.expose ? err.message : "Internal Server Error"; ctx.app.emit("error", err, ctx) } })',
    'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.status = 500; ctx.body = { error: "Internal Server Error" } } })',
    // --- Hono ---
    'app.onError((err, c) => { console.error(err); return c.json({ error: "Internal Server Error" }, 500) })',
    'app.onError((err, c) => { if (err instanceof HTTPException) return err.getResponse(); return c.text("Internal Server Error", 500) })',
    // --- Next.js ---
    'export async function GET() { try { return NextResponse.json(await load()) } catch (error) { console.error(error); return NextResponse.json({ error: "Failed to load" }, { status: 500 }) } }',
    'export async function GET() { try { return Response.json(await load()) } catch (error) { return new Response(process.env.NODE_ENV === "development" ? String(error) : "Internal error", { status: 500 }) } }',
    // --- NestJS ---
    `
@Injectable()
export class UsersService {
  async create(dto: CreateUserDto) {
    try { return await this.repo.save(dto); }
    catch (error) { throw new InternalServerErrorException('Could not create the user', { cause: error }); }
  }
}`,
    `
@Catch(HttpException)
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(exception.getStatus()).json({ message: exception.message });
  }
}`,
    `
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const message = exception instanceof HttpException ? exception.message : 'Internal server error';
    response.status(status).json({ statusCode: status, message });
  }
}`,
    'async function f() { try { await run() } catch (e) { if (e instanceof NotFoundError) throw new NotFoundException((e as NotFoundError).message); throw e } }',
    // --- the app's own client-facing text: not an unknown error ---
    // A helper given only text to send by every call in the file: the parameter is a message, not an error.
    `function sendError(res, error, status = 400) {
  return res.status(status).json({ success: false, error });
}
app.post('/invite', async (req, res) => {
  if (!req.body.email) return sendError(res, 'Email is required');
  if (await invites.exists(req.body.email)) return sendError(res, t('invite.duplicate'), 409);
  res.json(await invites.create(req.body.email));
});`,
    // Typed as text (a string, a union of translation keys).
    `type ErrorKey = 'auth.expired' | 'auth.invalid';
export function fail(res: Response, error: string, status = 400) {
  res.status(status).json({ error });
}
export function failKey(req: Request, res: Response, error: ErrorKey | 'auth.locked') {
  res.status(401).json({ error, message: req.t(error) });
}`,
    // A default message says the parameter is text.
    `export const badRequest = (res, error = 'Bad request') => res.status(400).send({ error });`,
    // The try only validates and throws errors the app composed: their messages were written for the client.
    `app.post('/reports', (req, res) => {
  try {
    const range = schema.parse(req.body);
    if (range.start > range.end) throw new BadRequestError(\`start (\${range.start}) must be before end\`);
    if (range.days > 90) throw new Error('A report covers at most 90 days');
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
  res.json(reports.queue(req.body));
});`,
    // The try answers from memory and calls nothing outside the process (signalk): no message can carry internals.
    `app.get('/providers/default', async (req, res) => {
  try {
    res.status(200).json({ id: defaultProviderId });
  } catch (err) {
    res.status(400).json({ statusCode: 400, state: 'FAILED', message: err.message });
  }
});`,
    // Parse Server's error handler: a namespace's own Error class (Parse.Error) is the app's client-facing error type.
    `function handleParseErrors(err, req, res, next) {
  if (err instanceof Parse.Error) {
    const httpStatus = err.code === Parse.Error.OBJECT_NOT_FOUND ? 404 : 400;
    res.status(httpStatus);
    res.json({ code: err.code, error: err.message });
    return;
  }
  next(err);
}
app.use(handleParseErrors);`,
    // Ghost's theme error renderer: errors outside Ghost's classes are replaced by them before the message is read.
    `const errors = require('@tryghost/errors');
function themeErrorRenderer(err, req, res, next) {
  if (!errors.utils.isGhostError(err)) {
    if (err.statusCode === 404) {
      err = new errors.NotFoundError({ message: tpl(messages.notFound), code: 'STATIC_FILE_NOT_FOUND' });
    } else if (err.statusCode === 403) {
      err = new errors.NoPermissionError({ err: err });
    } else if (err.statusCode) {
      err = new errors.InternalServerError({ err: err });
    }
  }
  const message = err.message || tpl(messages.unexpectedError);
  res.status(err.statusCode || 500);
  res.type('text/plain');
  return res.send(message);
}
module.exports.handleThemeResponse = [prepareError, themeErrorRenderer];`,
    // The same, written with instanceof and an else branch that normalises.
    `app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
  if (err instanceof AppError) {
    res.status(err.status);
  } else {
    err = new AppError('Something went wrong', 500);
  }
  res.json({ message: (err as AppError).message });
});`,
    // --- Koa's app.context.onerror override (issue 18): koa-onerror's own guard, a generic body, another object's onerror ---
    "const http = require('http');\napp.context.onerror = function (err) {\n  if (err == null) return;\n  this.app.emit('error', err, this);\n  this.status = typeof err.status === 'number' ? err.status : 500;\n  this.body = err.expose && err.message ? err.message : http.STATUS_CODES[this.status];\n  this.res.end(this.body);\n};",
    "app.context.onerror = function (err) {\n  if (err == null) return;\n  this.app.emit('error', err, this);\n  this.status = 500;\n  this.body = { error: 'Internal Server Error' };\n  this.res.end(JSON.stringify(this.body));\n};",
    "img.onerror = function (err) {\n  this.body = err.message;\n};",
    "app.on('error', (err, ctx) => {\n  logger.error({ err }, 'request failed');\n  if (ctx) ctx.body = { error: 'Internal Server Error' };\n});",
  ],
  invalid: [
    // @uppy/companion's standalone error handler: the else of `app.get('env') === 'production'`
    {
      code: "app.use((err, req, res, next) => {\n  if (app.get('env') === 'production') {\n    logger.error(err, 'root.error', req.id);\n    res.status(500).json({ message: 'Something went wrong', requestId: req.id });\n  } else {\n    logger.error(err, 'root.error', req.id);\n    res.status(500).json({ message: err.message, error: err, requestId: req.id });\n  }\n})",
      errors: [{ messageId: 'detailsInResponse', line: 7, suggestions: [{ messageId: 'sendGeneric', output: "app.use((err, req, res, next) => {\n  if (app.get('env') === 'production') {\n    logger.error(err, 'root.error', req.id);\n    res.status(500).json({ message: 'Something went wrong', requestId: req.id });\n  } else {\n    logger.error(err, 'root.error', req.id);\n    res.status(500).json({ message: 'Internal Server Error', error: 'Internal Server Error', requestId: req.id });\n  }\n})" }] }],
    },
    // a "not production" guard holds when NODE_ENV is unset (Node's default; Express's app.get('env') then says 'development'): it fails open
    {
      code: "app.use((err, req, res, next) => { res.status(500).json({ message: \"Internal error\", stack: process.env.NODE_ENV === \"production\" ? undefined : err.stack }) })",
      errors: [{ messageId: 'detailsInResponse', suggestions: [{ messageId: 'sendGeneric', output: "app.use((err, req, res, next) => { console.error('request handler failed', err); res.status(500).json({ message: \"Internal error\", stack: 'Internal Server Error' }) })" }] }],
    },
    {
      code: "app.use((err, req, res, next) => { res.status(500).json({ message: \"Internal error\", ...(process.env.NODE_ENV !== \"production\" && { stack: err.stack }) }) })",
      errors: [{ messageId: 'detailsInResponse', suggestions: [{ messageId: 'sendGeneric', output: "app.use((err, req, res, next) => { console.error('request handler failed', err); res.status(500).json({ message: \"Internal error\", ...(process.env.NODE_ENV !== \"production\" && { stack: 'Internal Server Error' }) }) })" }] }],
    },
    {
      code: "app.use((err, req, res, next) => { if (process.env.NODE_ENV === \"production\") return res.status(500).json({ message: \"Internal error\" }); res.status(500).json({ message: err.message, stack: err.stack }) })",
      errors: [{ messageId: 'detailsInResponse', suggestions: [{ messageId: 'sendGeneric', output: "app.use((err, req, res, next) => { if (process.env.NODE_ENV === \"production\") return res.status(500).json({ message: \"Internal error\" }); console.error('request handler failed', err); res.status(500).json({ message: 'Internal Server Error', stack: 'Internal Server Error' }) })" }] }],
    },
    // --- the app's response helper handed the response and an error's text, no status (issue 18, audit row 7) ---
    {
      // an imported helper: its name says it answers
      code: "import { sendError } from './http';\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    sendError(res, err.message);\n  }\n});\n",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "import { sendError } from './http';\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    console.error('orders.create failed', err);\n    sendError(res, 'Internal Server Error');\n  }\n});\n" }] }],
    },
    {
      // the stack, to a helper not defined in this file
      code: "router.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (e) {\n    respondWithError(res, e.stack);\n  }\n});\n",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: 'sendGeneric', output: "router.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (e) {\n    console.error('orders.create failed', e);\n    respondWithError(res, 'Internal Server Error');\n  }\n});\n" }] }],
    },
    {
      // a same-file helper that puts the parameter into its body through a variable
      code: "function sendFailure(res, message) {\n  const body = { ok: false, error: message };\n  res.status(500).json(body);\n}\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    sendFailure(res, err.message);\n  }\n});\n",
      errors: [{ messageId: 'detailsInResponse', line: 9, suggestions: [{ messageId: 'sendGeneric', output: "function sendFailure(res, message) {\n  const body = { ok: false, error: message };\n  res.status(500).json(body);\n}\nrouter.post('/orders', async (req, res) => {\n  try {\n    res.json(await orders.create(req.body));\n  } catch (err) {\n    console.error('orders.create failed', err);\n    sendFailure(res, 'Internal Server Error');\n  }\n});\n" }] }],
    },
    {
      // n8n's consent controller shape: a status the code cannot read (a ternary), a message copied from the error
      code: "class ConsentController {\n  async decide(req, res) {\n    try {\n      res.json(await this.consent.decide(req.body));\n    } catch (error) {\n      this.logger.error('Failed to process consent', { error });\n      const message = error instanceof Error ? error.message : 'Failed to process authorization';\n      this.sendErrorResponse(res, error instanceof UserError ? 400 : 500, message);\n    }\n  }\n  sendErrorResponse(res, statusCode, message) {\n    res.status(statusCode).json({ status: 'error', message });\n  }\n}\n",
      errors: [{ messageId: 'detailsInResponse', line: 8, suggestions: [{ messageId: 'sendGeneric', output: "class ConsentController {\n  async decide(req, res) {\n    try {\n      res.json(await this.consent.decide(req.body));\n    } catch (error) {\n      this.logger.error('Failed to process consent', { error });\n      const message = error instanceof Error ? error.message : 'Failed to process authorization';\n      this.sendErrorResponse(res, error instanceof UserError ? 400 : 500, 'Internal Server Error');\n    }\n  }\n  sendErrorResponse(res, statusCode, message) {\n    res.status(statusCode).json({ status: 'error', message });\n  }\n}\n" }] }],
    },
    {
      // a fixed loopback port: apps bind 127.0.0.1 behind a reverse proxy in production
      code: "const app = express();\napp.get('/report', async (req, res) => {\n  try {\n    res.json(await reports.build());\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});\napp.listen(3000, '127.0.0.1');\n",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "const app = express();\napp.get('/report', async (req, res) => {\n  try {\n    res.json(await reports.build());\n  } catch (err) {\n    console.error('reports.build failed', err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});\napp.listen(3000, '127.0.0.1');\n" }] }],
    },
    // a raw answer on an HTTP upgrade socket carries the error text (reported; no suggestion: the payload is the whole HTTP answer)
    {
      "code": "server.on('upgrade', async (request, socket) => {\n  try {\n    await checkLicense();\n  } catch (err) {\n    socket.write('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n' + err.message);\n    socket.destroy();\n  }\n});",
      "errors": [
        {
          "messageId": "detailsInResponse",
          "line": 5,
          "suggestions": []
        }
      ]
    },
    // --- `instanceof SyntaxError` around `await next()` is not a client-error guard: any downstream parse throws it (issue 18) ---
    {
      "code": "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    if (err instanceof SyntaxError) {\n      ctx.status = 400;\n      ctx.body = { error: err.message };\n      return;\n    }\n    ctx.status = 500;\n    ctx.body = { error: 'Internal' };\n    ctx.app.emit('error', err, ctx);\n  }\n});",
      "errors": [
        {
          "messageId": "detailsInResponse",
          "line": 9,
          "suggestions": [
            {
              "messageId": "sendGeneric",
              "data": {
                "generic": "Internal Server Error",
                "idHint": "",
                "logHint": ""
              },
              "output": "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    if (err instanceof SyntaxError) {\n      ctx.status = 400;\n      ctx.body = { error: 'Internal Server Error' };\n      return;\n    }\n    ctx.status = 500;\n    ctx.body = { error: 'Internal' };\n    ctx.app.emit('error', err, ctx);\n  }\n});"
            }
          ]
        }
      ]
    },
    // --- the app's own response helper given the response and a 500: what else it gets is the body ---
    {
      code: "router.post('/orders', async (req, res) => {\n  try {\n    const order = await orders.create(req.body);\n    return formatResponse(201, res, order);\n  } catch (err) {\n    return formatResponse(500, res, err.message);\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "router.post('/orders', async (req, res) => {\n  try {\n    const order = await orders.create(req.body);\n    return formatResponse(201, res, order);\n  } catch (err) {\n    console.error('orders.create failed', err);\n    return formatResponse(500, res, 'Internal Server Error');\n  }\n});" }] }],
    },
    // --- a check of the app's class that does not replace the error, or replaces it with a built-in ---
    {
      code: "function handler(err, req, res, next) {\n  if (!isAppError(err)) {\n    console.error(err);\n  }\n  res.status(500).send(err.message);\n}\napp.use(handler);",
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 5,
          suggestions: [
            { messageId: 'sendGeneric', output: "function handler(err, req, res, next) {\n  if (!isAppError(err)) {\n    console.error(err);\n  }\n  res.status(500).send({ error: 'Internal Server Error' });\n}\napp.use(handler);" },
          ],
        },
      ],
    },
    {
      code: "function handler(err, req, res, next) {\n  if (!isAppError(err)) {\n    err = new TypeError('x');\n  }\n  res.status(500).send(err.message);\n}\napp.use(handler);",
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 5,
          suggestions: [
            { messageId: 'sendGeneric', output: "function handler(err, req, res, next) {\n  if (!isAppError(err)) {\n    err = new TypeError('x');\n  }\n  console.error('handler failed', err);\n  res.status(500).send({ error: 'Internal Server Error' });\n}\napp.use(handler);" },
          ],
        },
      ],
    },
    // --- the app's own error-to-text helper, and a flash message shown on the next page ---
    {
      code: "app.get('/x', async (req, res) => { try { await db.query('x'); } catch (e) { res.status(500).json({ error: getErrorMessage(e) }); } });",
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.get('/x', async (req, res) => { try { await db.query('x'); } catch (e) { console.error('db.query failed', e); res.status(500).json({ error: 'Internal Server Error' }); } });",
            },
          ],
        },
      ],
    },
    {
      code: "app.get('/x', async (req, res) => { try { await db.query('x'); } catch (e) { res.status(500).json({ error: errorToString(e) }); } });",
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.get('/x', async (req, res) => { try { await db.query('x'); } catch (e) { console.error('db.query failed', e); res.status(500).json({ error: 'Internal Server Error' }); } });",
            },
          ],
        },
      ],
    },
    {
      code: "app.get('/x', async (req, res) => { try { await db.query('x'); } catch (e) { res.status(500).send(toErrorText(e)); } });",
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.get('/x', async (req, res) => { try { await db.query('x'); } catch (e) { console.error('db.query failed', e); res.status(500).send({ error: 'Internal Server Error' }); } });",
            },
          ],
        },
      ],
    },
    {
      code: "app.post('/settings', async (req, res) => { try { await db.query('x'); } catch (e) { req.flash('error', e.message); res.redirect('/settings'); } });",
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.post('/settings', async (req, res) => { try { await db.query('x'); } catch (e) { console.error('db.query failed', e); req.flash('error', 'Internal Server Error'); res.redirect('/settings'); } });",
            },
          ],
        },
      ],
    },
    // --- Express ---
    {
      code: 'app.get("/", async (req, res) => {\n  try {\n    await run();\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 5,
          column: 35,
          data: { what: '`err.message` of an error this code did not create', sink: '`res.json()`', idHint: '' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              data: { generic: 'Internal Server Error', idHint: '', logHint: ', and log the error on the server' },
              output: "app.get(\"/\", async (req, res) => {\n  try {\n    await run();\n  } catch (err) {\n    console.error('run failed', err);\n    res.status(500).json({ error: 'Internal Server Error' });\n  }\n});",
            },
          ],
        },
      ],
    },
    {
      // the configured logger, imported by the fix
      code: 'app.get("/", async (req, res) => {\n  try {\n    await run();\n  } catch (err) {\n    res.status(500).send(err.stack);\n  }\n});',
      settings: pino,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 5,
          data: { what: 'The stack trace `err.stack`', sink: '`res.send()`', idHint: '' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "import { logger } from './logger';\napp.get(\"/\", async (req, res) => {\n  try {\n    await run();\n  } catch (err) {\n    logger.error({ err }, 'run failed');\n    res.status(500).send({ error: 'Internal Server Error' });\n  }\n});",
            },
          ],
        },
      ],
    },
    {
      // error middleware: the status comes from the error, the message too
      code: 'app.use((err, req, res, next) => { logger.error({ err }, "failed"); res.status(err.status || 500).json({ message: err.message, requestId: req.id }) })',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: '`err.message` of an error this code did not create', sink: '`res.json()`', idHint: ' with a request id' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              data: { generic: 'Internal Server Error', idHint: ' with the request id (`req.id`)', logHint: '' },
              output: 'app.use((err, req, res, next) => { logger.error({ err }, "failed"); res.status(err.status || 500).json({ message: \'Internal Server Error\', requestId: req.id }) })',
            },
          ],
        },
      ],
    },
    {
      // a whole error from a node-style callback, in an unbraced branch
      code: 'app.get("/users", (req, res) => { User.find({}, (err, users) => { if (err) return res.status(500).send(err); res.json(users) }) })',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: 'The whole error object `err`', sink: '`res.send()`', idHint: '' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.get(\"/users\", (req, res) => { User.find({}, (err, users) => { if (err) { console.error('User.find failed', err); return res.status(500).send({ error: 'Internal Server Error' }); } res.json(users) }) })",
            },
          ],
        },
      ],
    },
    {
      // a rejection handler with an expression body; the id is in use in the file
      code: 'app.get("/", (req, res) => {\n  load(req.id).then((data) => res.json(data)).catch((e) => res.status(500).json({ message: e.message || "Failed" }));\n});',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 2,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.get(\"/\", (req, res) => {\n  load(req.id).then((data) => res.json(data)).catch((e) => {\n    console.error('load failed', e);\n    return res.status(500).json({ message: 'Internal Server Error', requestId: req.id });\n  });\n});",
            },
          ],
        },
      ],
    },
    {
      // through a variable, with the instanceof Error idiom
      code: 'app.get("/", async (req, res) => {\n  try {\n    await run();\n  } catch (e) {\n    const message = e instanceof Error ? e.message : String(e);\n    res.status(500).json({ message });\n  }\n});',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          column: 28,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.get(\"/\", async (req, res) => {\n  try {\n    await run();\n  } catch (e) {\n    const message = e instanceof Error ? e.message : String(e);\n    console.error('run failed', e);\n    res.status(500).json({ message: 'Internal Server Error' });\n  }\n});",
            },
          ],
        },
      ],
    },
    {
      // a template literal in the body; a helper that takes the response and the error
      code: 'function sendError(res, error) { res.status(400).send(`Request failed: ${error}`) }',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: 'The text of `error` (its class and message)', sink: '`res.send()`', idHint: '' },
          suggestions: [{ messageId: 'sendGeneric', output: "function sendError(res, error) { console.warn('sendError failed', error); res.status(400).send({ error: 'Bad Request' }) }" }],
        },
      ],
    },
    {
      // a 400 does not make an unknown error's message safe
      code: 'app.post("/users", async (req, res) => { try { res.status(201).json(await User.create(req.body)) } catch (error) { res.status(400).json({ message: error.message }) } })',
      errors: [{ messageId: 'detailsInResponse', line: 1, suggestions: [{ messageId: 'sendGeneric', output: "app.post(\"/users\", async (req, res) => { try { res.status(201).json(await User.create(req.body)) } catch (error) { console.warn('User.create failed', error); res.status(400).json({ message: 'Bad Request' }) } })" }] }],
    },
    {
      // instanceof Error says nothing about who wrote the message; several leaks, one report
      code: 'app.use((err, req, res, next) => { if (err instanceof Error) { res.status(500).json({ message: err.message, stack: err.stack }) } })',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "app.use((err, req, res, next) => { if (err instanceof Error) { console.error('request handler failed', err); res.status(500).json({ message: 'Internal Server Error', stack: 'Internal Server Error' }) } })",
            },
          ],
        },
      ],
    },
    {
      // a database error's class is no guard
      code: 'app.use((err, req, res, next) => { if (err instanceof Prisma.PrismaClientKnownRequestError) return res.status(409).json({ error: err.message }); next(err) })',
      errors: [{ messageId: 'detailsInResponse', line: 1, suggestions: [{ messageId: 'sendGeneric', output: "app.use((err, req, res, next) => { if (err instanceof Prisma.PrismaClientKnownRequestError) return res.status(409).json({ error: 'Conflict' }); next(err) })" }] }],
    },
    {
      // an upload callback's error
      code: 'app.post("/upload", (req, res, next) => { upload(req, res, (err) => { if (err) { return res.status(400).json({ error: err.message }); } next(); }) })',
      errors: [{ messageId: 'detailsInResponse', line: 1, suggestions: [{ messageId: 'sendGeneric', output: "app.post(\"/upload\", (req, res, next) => { upload(req, res, (err) => { if (err) { console.warn('upload failed', err); return res.status(400).json({ error: 'Bad Request' }); } next(); }) })" }] }],
    },
    // --- Fastify ---
    {
      code: 'fastify.get("/", async (request, reply) => { try { return await load() } catch (err) { return reply.code(500).send({ message: err.message }) } })',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: '`err.message` of an error this code did not create', sink: '`reply.send()`', idHint: ' with a request id' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "fastify.get(\"/\", async (request, reply) => { try { return await load() } catch (err) { request.log.error({ err }, 'load failed'); return reply.code(500).send({ message: 'Internal Server Error', requestId: request.id }) } })",
            },
          ],
        },
      ],
    },
    {
      // a Fastify handler's return value is the body
      code: 'fastify.get("/", async (request, reply) => { try { return await load() } catch (err) { reply.code(500); return { message: err.message } } })',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: '`err.message` of an error this code did not create', sink: 'the return value of a Fastify handler', idHint: ' with a request id' },
          suggestions: [{ messageId: 'sendGeneric', output: "fastify.get(\"/\", async (request, reply) => { try { return await load() } catch (err) { reply.code(500); request.log.error({ err }, 'load failed'); return { message: 'Internal Server Error', requestId: request.id } } })" }],
        },
      ],
    },
    // --- Koa ---
    {
      code: 'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.status = err.status || 500; ctx.body = err.message; ctx.app.emit("error", err, ctx) } })',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: '`err.message` of an error this code did not create', sink: '`ctx.body`', idHint: '' },
          suggestions: [{ messageId: 'sendGeneric', data: { generic: 'Internal Server Error', idHint: '', logHint: '' }, output: 'app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.status = err.status || 500; ctx.body = { error: \'Internal Server Error\' }; ctx.app.emit("error", err, ctx) } })' }],
        },
      ],
    },
    // --- Hono ---
    {
      code: 'app.onError((err, c) => c.json({ error: err.message }, 500))',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 1,
          data: { what: '`err.message` of an error this code did not create', sink: '`c.json()`', idHint: '' },
          suggestions: [{ messageId: 'sendGeneric', output: "app.onError((err, c) => {\n  console.error('request handler failed', err);\n  return c.json({ error: 'Internal Server Error' }, 500);\n})" }],
        },
      ],
    },
    // --- Next.js ---
    {
      code: 'export async function POST(request: Request) {\n  try {\n    await save(await request.json());\n  } catch (error) {\n    return NextResponse.json({ error: (error as Error).message }, { status: 500 });\n  }\n}',
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 5,
          data: { what: '`error.message` of an error this code did not create', sink: '`NextResponse.json()`', idHint: '' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: "export async function POST(request: Request) {\n  try {\n    await save(await request.json());\n  } catch (error) {\n    console.error('save failed', error);\n    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: 'export async function GET() { try { return Response.json(await load()) } catch (error) { return new Response(String(error), { status: 500 }) } }',
      errors: [{ messageId: 'detailsInResponse', line: 1, suggestions: [{ messageId: 'sendGeneric', output: "export async function GET() { try { return Response.json(await load()) } catch (error) { console.error('load failed', error); return new Response('Internal Server Error', { status: 500 }) } }" }] }],
    },
    // --- NestJS ---
    {
      code: `
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  async create(dto: CreateUserDto) {
    try {
      return await this.repo.save(dto);
    } catch (error) {
      throw new BadRequestException(error.message);
    }
  }
}`,
      settings: { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } },
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 9,
          data: { what: '`error.message` of an error this code did not create', sink: '`new BadRequestException()`', idHint: '' },
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: `
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  async create(dto: CreateUserDto) {
    try {
      return await this.repo.save(dto);
    } catch (error) {
      this.logger.warn({ message: 'repo.save failed', stack: error instanceof Error ? error.stack : String(error) });
      throw new BadRequestException('Bad Request');
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(500).json({ statusCode: 500, message: exception.message });
  }
}`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: `
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    console.error('request handler failed', exception);
    response.status(500).json({ statusCode: 500, message: 'Internal Server Error' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // a controller route's return value is the body
      code: `
@Controller('reports')
export class ReportsController {
  @Get()
  async list() {
    try {
      return await this.reports.list();
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  }
}`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 9,
          data: { what: 'The text of `e` (its class and message)', sink: 'the return value of a NestJS route', idHint: '' },
          suggestions: [{ messageId: 'sendGeneric', output: `
@Controller('reports')
export class ReportsController {
  @Get()
  async list() {
    try {
      return await this.reports.list();
    } catch (e) {
      console.error('reports.list failed', e);
      return { ok: false, error: 'Internal Server Error' };
    }
  }
}` }],
        },
      ],
    },
    {
      code: 'async function f() { try { await run() } catch (err) { throw new HttpException({ status: 500, error: `${err}` }, 500) } }',
      errors: [{ messageId: 'detailsInResponse', line: 1, suggestions: [{ messageId: 'sendGeneric', output: "async function f() { try { await run() } catch (err) { console.error('run failed', err); throw new HttpException({ status: 500, error: 'Internal Server Error' }, 500) } }" }] }],
    },
    // --- what can carry internals stays reported ---
    {
      // One call hands the helper a caught error: every call must pass text.
      code: `function sendError(res, error) {
  return res.status(400).json({ error: error.message });
}
app.post('/invite', async (req, res) => {
  try {
    res.json(await invites.create(req.body.email));
  } catch (err) {
    sendError(res, err);
  }
});`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 2,
          suggestions: [
            { messageId: 'sendGeneric', output: `function sendError(res, error) {
  console.warn('sendError failed', error);
  return res.status(400).json({ error: 'Bad Request' });
}
app.post('/invite', async (req, res) => {
  try {
    res.json(await invites.create(req.body.email));
  } catch (err) {
    sendError(res, err);
  }
});` },
          ],
        },
      ],
    },
    {
      // A try that calls the database too: its errors are unknown, even if it also throws the app's own.
      code: `app.post('/reports', async (req, res) => {
  try {
    const range = schema.parse(req.body);
    if (range.start > range.end) throw new BadRequestError('start must be before end');
    res.json(await db.reports.insert(range));
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 7,
          suggestions: [
            { messageId: 'sendGeneric', output: `app.post('/reports', async (req, res) => {
  try {
    const range = schema.parse(req.body);
    if (range.start > range.end) throw new BadRequestError('start must be before end');
    res.json(await db.reports.insert(range));
  } catch (err) {
    console.warn('reports.insert failed', err);
    res.status(400).json({ error: 'Bad Request' });
  }
});` },
          ],
        },
      ],
    },
    {
      // globalThis.Error is the built-in one.
      code: `app.use((err, req, res, next) => {
  if (err instanceof globalThis.Error) return res.status(500).json({ error: err.message });
  next(err);
});`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 2,
          suggestions: [
            { messageId: 'sendGeneric', output: `app.use((err, req, res, next) => {
  if (err instanceof globalThis.Error) return res.status(500).json({ error: 'Internal Server Error' });
  next(err);
});` },
          ],
        },
      ],
    },
    {
      // Ghost's members middleware: an unknown error's message, status or not.
      code: `const deleteSession = async function deleteSession(req, res) {
  try {
    await membersService.ssr.deleteSession(req, res);
    res.writeHead(204);
    res.end();
  } catch (err) {
    if (!err.statusCode) {
      logging.error(err);
    }
    res.writeHead(err.statusCode ?? 500, { 'Content-Type': 'text/plain;charset=UTF-8' });
    res.end(err.message);
  }
};
router.delete('/session', deleteSession);`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 11,
          suggestions: [
            { messageId: 'sendGeneric', output: `const deleteSession = async function deleteSession(req, res) {
  try {
    await membersService.ssr.deleteSession(req, res);
    res.writeHead(204);
    res.end();
  } catch (err) {
    if (!err.statusCode) {
      logging.error(err);
    }
    res.writeHead(err.statusCode ?? 500, { 'Content-Type': 'text/plain;charset=UTF-8' });
    res.end('Internal Server Error');
  }
};
router.delete('/session', deleteSession);` },
          ],
        },
      ],
    },
    // --- Koa's app.context.onerror override (issue 18): `this` is the request's context ---
    {
      code: "app.context.onerror = function (err) {\n  if (err == null) return;\n  this.app.emit('error', err, this);\n  this.status = err.status || 500;\n  this.type = 'json';\n  this.body = JSON.stringify({ error: err.message });\n  this.res.end(this.body);\n};",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "app.context.onerror = function (err) {\n  if (err == null) return;\n  this.app.emit('error', err, this);\n  this.status = err.status || 500;\n  this.type = 'json';\n  this.body = JSON.stringify({ error: 'Internal Server Error' });\n  this.res.end(this.body);\n};" }] }],
    },
    {
      code: "app.on('error', (err, ctx) => {\n  logger.error({ err }, 'request failed');\n  if (ctx) ctx.body = { error: err.message };\n});",
      errors: [{ messageId: 'detailsInResponse', line: 3, suggestions: [{ messageId: 'sendGeneric', output: "app.on('error', (err, ctx) => {\n  logger.error({ err }, 'request failed');\n  if (ctx) ctx.body = { error: 'Internal Server Error' };\n});" }] }],
    },
  ],
});
