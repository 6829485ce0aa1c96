import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
const winston = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };

ruleTester.run('no-log-injection', rule, {
  valid: [
    // What every object inherits (\`constructor\`, \`toString\`) is not a request container.
    "app.get('/', (req, res) => { console.log('handler ' + req.constructor.name + req.toString()); res.end(); });",
    // --- socket lifecycle events and other emitters carry no client text ---
    "io.on('connection', (socket) => {\n  socket.on('disconnect', (reason) => {\n    logger.info(`client left: ${reason}`);\n  });\n});",
    "queue.on('completed', (job) => {\n  logger.info(`job ${job} done`);\n});",
    // --- NestJS gateways and microservice handlers: the quiet twins (issue 18) ---
    {
      code: `
@WebSocketGateway()
export class RoomsGateway {
  private logger = new Logger('Rooms');

  handleConnection(client: Socket) {
    this.logger.log(\`Client connected: \${client.id}\`);
  }

  @SubscribeMessage('user:joinRoom')
  handleJoinRoom(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {
    this.logger.log({ message: 'joined room', roomId, client: client.id });
    client.join(roomId);
  }
}`,
      settings: nest,
    },
    // sanitized or JSON-quoted before it is written into the message
    `
@WebSocketGateway()
export class RoomsGateway {
  private logger = new Logger('Rooms');
  @SubscribeMessage('user:joinRoom')
  handleJoinRoom(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {
    this.logger.log(\`Client \${client.id} joined room \${JSON.stringify(roomId)}\`);
    this.logger.log(\`Client joined room \${roomId.replace(/[\\r\\n]/g, ' ')}\`);
  }
}`,
    // fields that are not text: a parse pipe, a number annotation, a count of a DTO's list
    `
@WebSocketGateway()
export class BoardGateway {
  private logger = new Logger('Board');
  @SubscribeMessage('resize')
  resize(@MessageBody('size', ParseIntPipe) size: number, @MessageBody('count') count: number, @MessageBody() dto: ResizeDto) {
    this.logger.log(\`resize to \${size} x \${count}, \${dto.cells.length} cells\`);
  }
}`,
    // a field the message's inline type says is a number
    `
@WebSocketGateway()
export class SedeGateway {
  private readonly logger = new Logger(SedeGateway.name);
  @SubscribeMessage('join-sede')
  async handleJoin(@ConnectedSocket() socket: Socket, @MessageBody() data: { sedeId: number }) {
    this.logger.log(\`joining sede \${data.sedeId}\`);
    await socket.join(\`room:sede-\${data.sedeId}\`);
  }
}`,
    // one parameter decorated: Nest fills only that one, an undecorated string parameter gets nothing
    `
@WebSocketGateway()
export class ChatGateway {
  private logger = new Logger('Chat');
  @SubscribeMessage('typing')
  typing(@ConnectedSocket() client: Socket, label: string) {
    this.logger.log(\`typing \${label}\`);
  }
  describe(label: string) {
    this.logger.log(\`label \${label}\`);
  }
}`,
    // a microservice handler: the context and a numeric payload carry no client text
    `
@Controller()
export class MathController {
  private readonly logger = new Logger(MathController.name);
  @MessagePattern({ cmd: 'sum' })
  sum(@Payload() data: number[], @Ctx() context: RmqContext) {
    this.logger.log(\`sum of \${data.length} numbers for \${context.getPattern()}\`);
  }
  @EventPattern('order_paid')
  paid(@Payload('orderId', ParseUUIDPipe) orderId: string) {
    this.logger.log(\`order \${orderId} paid\`);
  }
}`,
    // --- the same shapes where the first parameter is no request: no request fields destructured; a function only called here ---
    {
      code: `export const makeCard = (index) => async ({ data }, response) => {
  logger.info(\`card for \${data.q}\`);
  response.json(await index.search(data.q));
};`,
    },
    {
      code: `async function lookup(ctx) {
  logger.info(\`lookup \${ctx.query.name}\`);
  ctx.body = await directory.find(ctx.query.name);
}

lookup(fakeContext);`,
    },
    // console: an object argument is inspected (strings quoted and escaped), not printed raw
    "app.post('/login', (req, res) => { console.log('login attempt', { user: req.body.username }); res.end(); });",
    // winston-style meta after a plain message; a tag with a constant message
    "app.post('/login', (req, res) => { logger.info('login attempt', req.body.username); log.info('auth', 'login attempt'); res.end(); });",
    // printf-style with only server values
    "app.post('/login', (req, res) => { logger.info('login attempt from %s at %d', req.ip, Date.now()); res.end(); });",
    // --- request headers: Node's HTTP parser rejects CR/LF and control characters in header values ---
    'app.get("/", (req, res) => { req.log.info(`agent=${req.get("user-agent")}`) })',
    'app.get("/", (req, res) => { console.warn(`bad token from ${req.headers["x-client-id"]}`) })',
    // ghost core/app.js: the host a request came in on
    "app.use((req, res, next) => { logging.warn(`Unknown host ${req.headers.host} requested ${req.url}`); next() })",
    // n8n push: a rejected Origin header
    'function handle(req, res) { const origin = req.headers.origin; logger.warn(`Origin header does NOT match the expected origin. (Origin: "${origin}")`) }',
    'app.get("/posts/:id", (c) => { console.log(`ua ${c.req.header("user-agent")}`); return c.text("ok") })',
    'export async function GET(request) { console.log(`ua ${request.headers.get("user-agent")}`) }',
    {
      code: `
@Controller()
export class SearchController {
  @Get('search')
  search(@Headers('x-tenant') tenant: string) {
    console.log(\`search for \${tenant}\`);
  }
}`,
    },
    // --- a value checked against an allow-list, a pattern or a validator before the log ---
    // directus deployment-webhooks: the provider is one of the known types or the request ends
    `router.post("/:provider", async (req, res) => {
  const provider = req.params["provider"];
  if (!DEPLOYMENT_PROVIDER_TYPES.includes(provider)) return res.sendStatus(404);
  if (!req.rawBody) {
    logger.debug(\`[webhook:\${provider}] No raw body\`);
    return res.sendStatus(400);
  }
  logger.info(\`[webhook:\${provider}] Processed\`);
})`,
    'app.get("/:kind", (req, res) => { if (ALLOWED.has(req.params.kind)) { logger.info(`kind ${req.params.kind}`) } })',
    'app.get("/:kind", (req, res) => { const { kind } = req.params; if (!(kind in HANDLERS)) { throw new NotFound() } logger.info(`kind ${kind.toLowerCase()}`) })',
    'app.get("/", (req, res) => { const sort = req.query.sort; if (sort !== "asc" && sort !== "desc") return res.sendStatus(400); logger.info(`sort ${sort}`) })',
    'app.get("/:slug", (req, res) => { const slug = req.params.slug; if (!/^[a-z0-9-]+$/.test(slug)) return next(); logger.info(`page ${slug}`) })',
    'const SLUG = /^[\\w-]+$/u; app.get("/:slug", (req, res) => { const { slug } = req.params; if (!SLUG.test(slug)) return next(); logger.info(`page ${slug}`) })',
    'app.get("/:id", (req, res) => { const id = req.params.id; if (!validator.isUUID(id)) { return res.sendStatus(400) } logger.info(`item ${id}`) })',
    'app.get("/:id", (req, res) => { for (const id of req.body.ids) { if (!isMongoId(id)) continue; logger.info(`item ${id}`) } })',
    'app.get("/", (req, res) => { const mode = req.query.mode; MODES.includes(mode) && logger.info(`mode ${mode}`) })',
    // --- a value that has just loaded an existing record by that key ---
    // n8n waiting-webhooks: the execution was found by this id
    `class WaitingWebhooks {
  async executeWebhook(req, res) {
    const { path: executionId } = req.params;
    const execution = await this.getExecution(executionId);
    if (!execution) {
      throw new NotFoundError(\`The execution "\${executionId}" does not exist.\`);
    }
    if (execution.data?.resultData?.error) {
      const message = \`The execution "\${executionId}" has finished with error.\`;
      this.logger.debug(message, { error: execution.data.resultData.error });
    }
  }
}`,
    'app.get("/:name", async (req, res) => { const pkg = await storage.findOne({ name: req.params.name }); if (pkg == null) return res.sendStatus(404); logger.info(`starred ${req.params.name}`) })',
    // --- Express: structured fields, extra arguments, framework-derived values ---
    'app.post("/login", (req, res) => { logger.info({ email: req.body.email }, "login attempt") })',
    'app.post("/login", (req, res) => { logger.info("login attempt", { email: req.body.email }) })',
    'app.get("/u/:id", (req, res) => { logger.warn({ userId: req.params.id, ip: req.ip }, "sessions revoked") })',
    'app.use((req, res, next) => { console.log(`${req.method} ${req.originalUrl} from ${req.ip}`); next() })',
    'app.use((req, res, next) => { logger.info(`${req.method} ${req.path} ${req.url} ${req.hostname} ${req.protocol}`); next() })',
    'app.get("/", (req, res) => { logger.info(`request ${req.id} took ${Date.now() - start}ms`) })',
    // the whole container interpolated prints [object Object]
    'app.post("/", (req, res) => { console.log(`body: ${req.body}`) })',
    // sanitized or not text
    'app.post("/", (req, res) => { console.log(`body: ${JSON.stringify(req.body)}`) })',
    'app.get("/", (req, res) => { logger.info(`q=${encodeURIComponent(req.query.q)}`) })',
    'app.get("/u/:id", (req, res) => { logger.info(`user ${Number(req.params.id)}`) })',
    'app.get("/", (req, res) => { logger.info(`page ${parseInt(req.query.page, 10)}`) })',
    'app.get("/", (req, res) => { logger.info(`name ${req.query.name.replace(/[\\r\\n]/g, "")}`) })',
    'app.get("/", (req, res) => { logger.info(`name ${String(req.query.name).replace(/\\s+/g, " ")}`) })',
    'app.get("/", (req, res) => { logger.info(`name ${req.query.name.replaceAll("\\n", " ")}`) })',
    'app.post("/", (req, res) => { logger.info(`got ${req.body.items.length} items`) })',
    'app.post("/", (req, res) => { logger.info(`keys ${Object.keys(req.body).length}`) })',
    'app.post("/", (req, res) => { const n = +req.body.count; logger.info(`count ${n}`) })',
    'app.post("/", (req, res) => { logger.info(`admin? ${req.body.role === "admin"}`) })',
    // app data looked up with the input is not the input
    'app.get("/u/:id", async (req, res) => { const user = await db.find(req.params.id); logger.info(`found ${user.name}`) })',
    'app.post("/", async (req, res) => { const saved = await save(req.body); console.log(`saved ${saved.id}`) })',
    'app.get("/", (req, res) => { console.log(`user ${req.user.email} signed in`) })',
    // reassigned with a sanitized value before logging
    'app.get("/", (req, res) => { let name = req.query.name; name = name.replace(/\\n/g, ""); logger.info(`hi ${name}`) })',
    // configured sanitizer
    {
      code: 'app.get("/", (req, res) => { logger.info(`q=${cleanLog(req.query.q)} ${req.query.p.scrub()}`) })',
      options: [{ sanitizers: ['cleanLog', 'scrub'] }],
    },
    {
      code: 'app.get("/", (req, res) => { logger.info(`q=${utils.clean(req.query.q)}`) })',
      options: [{ sanitizers: ['utils.clean'] }],
    },
    // not a log call, or not a request
    'app.get("/", (req, res) => { res.send(`hello ${req.query.name}`) })',
    'function greet(user) { console.log(`hello ${user.name}`) }',
    'function handle(event) { console.log(`got ${event.body.name}`) }',
    'axios.interceptors.request.use((request) => { console.log(`calling ${request.params.id}`); return request })',
    'app.get("/", (req, res) => { Sentry.captureMessage(`bad ${req.query.q}`) })',
    // --- Koa ---
    'router.get("/", async (ctx) => { ctx.log.info({ q: ctx.query.q }, "search") })',
    'app.use(async (ctx, next) => { await next(); logger.info(`${ctx.method} ${ctx.path} ${ctx.status}`) })',
    // --- Fastify ---
    'fastify.post("/", async (request, reply) => { request.log.info({ user: request.body.user }, "created") })',
    'fastify.get("/", async (request, reply) => { request.log.info(`request ${request.id} from ${request.ip}`) })',
    // --- Hono ---
    'app.get("/", (c) => { console.log("search", { q: c.req.query("q") }); return c.text("ok") })',
    'app.get("/", (c) => { console.log(`${c.req.method} ${c.req.path}`); return c.text("ok") })',
    // --- Next.js ---
    'export async function GET(request) { const { searchParams } = new URL(request.url); console.log("page", { page: searchParams.get("page") }) }',
    'export async function GET(request) { console.log(`GET ${new URL(request.url).pathname}`) }',
    // --- NestJS ---
    `
import { Controller, Get, Logger, Param, ParseIntPipe, Query } from '@nestjs/common';
@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);
  @Get(':id')
  findOne(@Param('id', ParseIntPipe) id: number, @Query('verbose') verbose: boolean) {
    this.logger.log(\`find user \${id} verbose=\${verbose}\`);
  }
  @Get()
  list(@Query('page') page: number) {
    this.logger.log(\`list page \${page}\`);
  }
  @Get('x/:id')
  other(@Param('id', new ParseUUIDPipe()) id: string) {
    this.logger.log(\`other \${id}\`);
  }
}`,
    `
@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);
  @Post()
  create(@Body() dto: CreateUserDto) {
    this.logger.log({ message: 'create user', email: dto.email });
  }
}`,
    `
@Controller('audit')
export class AuditController {
  private readonly logger = new Logger(AuditController.name);
  @Get()
  list(@Req() req: Request) {
    this.logger.log(\`\${req.method} \${req.url} from \${req.ip}\`);
  }
}`,
    // a service method's parameter is not known to be request input
    `
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  create(dto: CreateUserDto) {
    this.logger.log(\`creating \${dto.email}\`);
  }
}`,
    // --- winston and log4js: meta objects and extra arguments ---
    'app.get("/", (req, res) => { logger.log("info", "search", { q: req.query.q }) })',
    // TS-only syntax around clean values
    'app.get("/", (req, res) => { const n = Number(req.query.n) satisfies number; logger.info(`n ${n as number}`) })',
    // Verdaccio's star route: the log runs only from the callback of getPackage({ name }) after its error check, so the package exists under that name.
    `export default function star(storage) {
  return (req, res, next) => {
    const name = req.params.package;
    const afterChangePackage = function (err) {
      if (err) return next(err);
      logger.debug(\`package \${name} starred by user \${req.remote_user?.name}\`);
      next({ success: true });
    };
    storage.getPackage({
      name,
      req,
      callback: function (err, info) {
        if (err) return next(err);
        if (info.starred) return afterChangePackage();
        storage.changePackage(name, info, req.body._rev, function (err) { afterChangePackage(err); });
      },
    });
  };
}`,
    // Directus: the folder was loaded by this primary key (its fields are taken) before the log.
    `router.post('/folder/:pk', asyncHandler(async (req, res) => {
  const { archive, complete, metadata } = await new AssetsService({ schema: req.schema }).zipFolder(req.params['pk']);
  archive.pipe(res);
  try {
    await complete();
  } catch (error) {
    logger.error(error, \`Couldn't archive folder \${req.params['pk']} to the client\`);
  }
}));`,
    // a lifecycle 'open' listener takes nothing from the client
    "io.on('connection', (socket) => {\n  socket.on('open', () => {\n    log.debug(\"socket open: \".concat(socket.id));\n  });\n});",
    // --- same-file helpers and conditional reassignment (issue 18): the quiet twins ---
    // a message helper given server text, or stripping line breaks itself
    "const describeLogin = (username) => `login attempt by ${username}`;\nrouter.post('/login', async (req, res) => {\n  logger.warn(describeLogin(req.user.name));\n  logger.warn(describeLogin('admin'));\n  res.status(401).end();\n});",
    "const describeLogin = (username) => `login attempt by ${username.replace(/[\\r\\n]/g, '')}`;\nrouter.post('/login', async (req, res) => {\n  logger.warn(describeLogin(req.body.username));\n  res.status(401).end();\n});",
    "const describeLogin = (username) => `login attempt by ${username}`;\nrouter.post('/login', async (req, res) => {\n  let line = describeLogin(req.body.username);\n  line = 'login attempt';\n  logger.warn(line);\n  res.status(401).end();\n});",
    // an audit helper one call site feeds with the app's own value, or that escapes the file
    "function auditRename(name) {\n  logger.info(`renaming project to ${name}`);\n}\nrouter.post('/projects/:id/rename', (req, res) => {\n  auditRename(req.body.name);\n  res.end();\n});\nauditRename(defaults.projectName);",
    "export function auditRename(name) {\n  logger.info(`renaming project to ${name}`);\n}\nrouter.post('/projects/:id/rename', (req, res) => {\n  auditRename(req.body.name);\n  res.end();\n});",
    // a call site that pinned the value down first
    "function auditRename(name) {\n  logger.info(`renaming project to ${name}`);\n}\nrouter.post('/projects/:id/rename', (req, res) => {\n  if (!/^[\\w-]+$/.test(req.body.name)) return res.status(400).end();\n  auditRename(req.body.name);\n  res.end();\n});",
    // every path rewrites the value before the log
    "router.get('/items/:id', async (req, res) => {\n  let id = req.params.id;\n  if (id.startsWith('slug:')) { id = await resolveSlug(id); } else { id = Number(id); }\n  logger.info(`fetching item ${id}`);\n  res.json(await items.get(id));\n});",
    "router.get('/items/:id', async (req, res) => {\n  let id = req.params.id;\n  id = await resolveSlug(id);\n  logger.info(`fetching item ${id}`);\n  res.json(await items.get(id));\n});",
  ],
  invalid: [
    {
      // a template as Babel compiles it, in a socket.io listener for the app's own 'open' message (cncjs)
      code: "io.on('connection', (socket) => {\n  socket.on('open', (port, options) => {\n    log.debug(\"socket.open(\\\"\".concat(port, \"\\\"): id=\").concat(socket.id));\n  });\n});\n",
      errors: [{ messageId: 'injection', line: 3, data: { expression: 'port', origin: 'a WebSocket message', remedy: 'log.debug(`socket.open(): id=${socket.id}`, { port })' }, suggestions: [{ messageId: 'useFields', output: "io.on('connection', (socket) => {\n  socket.on('open', (port, options) => {\n    log.debug(`socket.open(): id=${socket.id}`, { port });\n  });\n});\n" }] }],
    },
    // --- NestJS gateways and microservice handlers: the message is client input (issue 18) ---
    {
      // a gateway's @MessageBody(), socket.io through @nestjs/websockets
      code: "@WebSocketGateway()\nexport class RoomsGateway {\n  private logger = new Logger('Rooms');\n\n  @SubscribeMessage('user:joinRoom')\n  handleJoinRoom(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {\n    this.logger.log(`Client ${client.id} joined room ${roomId}`);\n    client.join(roomId);\n  }\n}\n",
      settings: nest,
      output: "@WebSocketGateway()\nexport class RoomsGateway {\n  private logger = new Logger('Rooms');\n\n  @SubscribeMessage('user:joinRoom')\n  handleJoinRoom(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {\n    this.logger.log({ message: `Client ${client.id} joined room`, roomId });\n    client.join(roomId);\n  }\n}\n",
      errors: [{ messageId: 'injection', line: 7, data: { expression: 'roomId', origin: 'a WebSocket message', remedy: "this.logger.log({ message: `Client ${client.id} joined room`, roomId })" }, suggestions: [{ messageId: 'useFields', output: "@WebSocketGateway()\nexport class RoomsGateway {\n  private logger = new Logger('Rooms');\n\n  @SubscribeMessage('user:joinRoom')\n  handleJoinRoom(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {\n    this.logger.log({ message: `Client ${client.id} joined room`, roomId });\n    client.join(roomId);\n  }\n}\n" }] }],
    },
    {
      // no parameter decorated: Nest passes (client, data)
      code: "@WebSocketGateway({ namespace: '/room' })\nexport class RoomGateway {\n  constructor(private readonly logger: Logger) {}\n\n  @SubscribeMessage(RoomEvents.JOIN)\n  handleJoinRoom(socket: Socket, room: string) {\n    socket.join(room);\n    console.log(`joined ${room}`);\n  }\n}\n",
      output: "@WebSocketGateway({ namespace: '/room' })\nexport class RoomGateway {\n  constructor(private readonly logger: Logger) {}\n\n  @SubscribeMessage(RoomEvents.JOIN)\n  handleJoinRoom(socket: Socket, room: string) {\n    socket.join(room);\n    console.log('joined', { room });\n  }\n}\n",
      errors: [{ messageId: 'injection', line: 8, suggestions: [{ messageId: 'useFields', output: "@WebSocketGateway({ namespace: '/room' })\nexport class RoomGateway {\n  constructor(private readonly logger: Logger) {}\n\n  @SubscribeMessage(RoomEvents.JOIN)\n  handleJoinRoom(socket: Socket, room: string) {\n    socket.join(room);\n    console.log('joined', { room });\n  }\n}\n" }] }],
    },
    {
      // a microservice @MessagePattern handler's @Payload(), no configured logger: a suggestion only
      code: "@Controller()\nexport class AppController {\n  private readonly logger = new Logger(AppController.name);\n\n  @MessagePattern('test')\n  action(@Payload() data: string) {\n    this.logger.log('action1 - ' + data);\n  }\n}\n",
      errors: [{ messageId: 'injection', line: 7, data: { expression: 'data', origin: 'a microservice message', remedy: "this.logger.log({ message: 'action1', data })" }, suggestions: [{ messageId: 'useFields', output: "@Controller()\nexport class AppController {\n  private readonly logger = new Logger(AppController.name);\n\n  @MessagePattern('test')\n  action(@Payload() data: string) {\n    this.logger.log({ message: 'action1', data });\n  }\n}\n" }] }],
    },
    {
      // a field of an @EventPattern payload typed as a DTO
      code: "@Controller()\nexport class UsersConsumer {\n  private readonly logger = new Logger(UsersConsumer.name);\n\n  @EventPattern('user_created')\n  async handleUserCreated(@Payload() event: UserCreatedEvent, @Ctx() context: KafkaContext) {\n    this.logger.log(`user created: ${event.email}`);\n    await this.mailer.welcome(event.email);\n  }\n}\n",
      settings: nest,
      output: "@Controller()\nexport class UsersConsumer {\n  private readonly logger = new Logger(UsersConsumer.name);\n\n  @EventPattern('user_created')\n  async handleUserCreated(@Payload() event: UserCreatedEvent, @Ctx() context: KafkaContext) {\n    this.logger.log({ message: 'user created', email: event.email });\n    await this.mailer.welcome(event.email);\n  }\n}\n",
      errors: [{ messageId: 'injection', line: 7, data: { expression: 'event.email', origin: 'a microservice message', remedy: "this.logger.log({ message: 'user created', email: event.email })" }, suggestions: [{ messageId: 'useFields', output: "@Controller()\nexport class UsersConsumer {\n  private readonly logger = new Logger(UsersConsumer.name);\n\n  @EventPattern('user_created')\n  async handleUserCreated(@Payload() event: UserCreatedEvent, @Ctx() context: KafkaContext) {\n    this.logger.log({ message: 'user created', email: event.email });\n    await this.mailer.welcome(event.email);\n  }\n}\n" }] }],
    },
    {
      // a field of a message typed inline, through a local variable
      code: "@WebSocketGateway()\nexport class PaymentGateway {\n  private readonly logger = new Logger(PaymentGateway.name);\n\n  @SubscribeMessage('join_payment_room')\n  handleJoinRoom(@MessageBody() data: { userId: string; paymentId: string }, @ConnectedSocket() client: Socket) {\n    const roomName = `payment_${data.paymentId}`;\n    this.logger.log(`Join room: client ${client.id}, room ${roomName}`);\n    client.join(roomName);\n  }\n}\n",
      settings: nest,
      output: "@WebSocketGateway()\nexport class PaymentGateway {\n  private readonly logger = new Logger(PaymentGateway.name);\n\n  @SubscribeMessage('join_payment_room')\n  handleJoinRoom(@MessageBody() data: { userId: string; paymentId: string }, @ConnectedSocket() client: Socket) {\n    const roomName = `payment_${data.paymentId}`;\n    this.logger.log({ message: `Join room: client ${client.id}, room`, roomName });\n    client.join(roomName);\n  }\n}\n",
      errors: [{ messageId: 'injection', line: 8, suggestions: [{ messageId: 'useFields', output: "@WebSocketGateway()\nexport class PaymentGateway {\n  private readonly logger = new Logger(PaymentGateway.name);\n\n  @SubscribeMessage('join_payment_room')\n  handleJoinRoom(@MessageBody() data: { userId: string; paymentId: string }, @ConnectedSocket() client: Socket) {\n    const roomName = `payment_${data.paymentId}`;\n    this.logger.log({ message: `Join room: client ${client.id}, room`, roomName });\n    client.join(roomName);\n  }\n}\n" }] }],
    },
    // --- a WebSocket / socket.io message is client input (issue 18) ---
    {
      "code": "io.on('connection', (socket) => {\n  socket.on('join', (room) => {\n    logger.info(`joining room ${room}`);\n    socket.join(room);\n  });\n});",
      "errors": [
        {
          "messageId": "injection",
          "line": 3,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "logger.info('joining room', { room })"
              },
              "output": "io.on('connection', (socket) => {\n  socket.on('join', (room) => {\n    logger.info('joining room', { room });\n    socket.join(room);\n  });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "wss.on('connection', (ws) => {\n  ws.on('message', (data) => {\n    console.log('received: ' + data);\n  });\n});",
      "output": "wss.on('connection', (ws) => {\n  ws.on('message', (data) => {\n    console.log('received', { data });\n  });\n});",
      "errors": [
        {
          "messageId": "injection",
          "line": 3,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "console.log('received', { data })"
              },
              "output": "wss.on('connection', (ws) => {\n  ws.on('message', (data) => {\n    console.log('received', { data });\n  });\n});"
            }
          ]
        }
      ]
    },
    // --- a handler whose request is destructured, returned by a factory ---
    {
      code: `export const makeSearch = (index) => async ({ query }: Request, res: Response) => {
  logger.info(\`search for \${query.q}\`);
  res.json(await index.search(query.q));
};`,
      errors: [{ messageId: 'injection', line: 2, suggestions: [{ messageId: 'useFields', data: { remedy: "logger.info('search for', { q: query.q })" }, output: `export const makeSearch = (index) => async ({ query }: Request, res: Response) => {
  logger.info('search for', { q: query.q });
  res.json(await index.search(query.q));
};` }] }],
    },
    // --- a one-parameter Koa handler declared above and registered by name ---
    {
      code: `async function lookup(ctx) {
  logger.info(\`lookup \${ctx.query.name}\`);
  ctx.body = await directory.find(ctx.query.name);
}

router.get('/lookup', lookup);`,
      errors: [{ messageId: 'injection', line: 2, suggestions: [{ messageId: 'useFields', data: { remedy: "logger.info('lookup', { name: ctx.query.name })" }, output: `async function lookup(ctx) {
  logger.info('lookup', { name: ctx.query.name });
  ctx.body = await directory.find(ctx.query.name);
}

router.get('/lookup', lookup);` }] }],
    },
    // --- a lookup that does not decide whether the log runs, a call that loads nothing, a value that is not an id ---
    {
      code: `export default function star(storage) {
  return (req, res, next) => {
    const name = req.params.package;
    const afterChangePackage = function (err) {
      if (err) return next(err);
      logger.debug(\`package \${name} starred\`);
    };
    afterChangePackage();
    storage.getPackage({ name, req, callback: function (err, info) { if (err) return next(err); afterChangePackage(); } });
  };
}`,
      errors: [
        {
          messageId: 'injection',
          line: 6,
          suggestions: [
            {
              messageId: 'useFields',
              output: `export default function star(storage) {
  return (req, res, next) => {
    const name = req.params.package;
    const afterChangePackage = function (err) {
      if (err) return next(err);
      logger.debug('package starred', { name });
    };
    afterChangePackage();
    storage.getPackage({ name, req, callback: function (err, info) { if (err) return next(err); afterChangePackage(); } });
  };
}`,
            },
          ],
        },
      ],
    },
    {
      code: "router.post('/folder/:pk', async (req, res) => {\n  await service.touch(req.params.pk);\n  logger.info(`touched ${req.params.pk}`);\n});",
      errors: [
        {
          messageId: 'injection',
          line: 3,
          suggestions: [{ messageId: 'useFields', output: "router.post('/folder/:pk', async (req, res) => {\n  await service.touch(req.params.pk);\n  logger.info('touched', { pk: req.params.pk });\n});" }],
        },
      ],
    },
    {
      code: "router.post('/folder/:name', async (req, res) => {\n  const { archive } = await service.zipFolder(req.params.name);\n  logger.info(`zipped ${req.params.name}`);\n});",
      errors: [
        {
          messageId: 'injection',
          line: 3,
          suggestions: [{ messageId: 'useFields', output: "router.post('/folder/:name', async (req, res) => {\n  const { archive } = await service.zipFolder(req.params.name);\n  logger.info('zipped', { name: req.params.name });\n});" }],
        },
      ],
    },
    // --- console and printf-style loggers print string arguments after the first as they are ---
    {
      code: "app.post('/login', (req, res) => { console.log('login attempt by', req.body.username); res.end(); });",
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'req.body.username', origin: 'the request body', remedy: "console.log('message', { field })" }, suggestions: [] }],
    },
    {
      code: "app.post('/login', (req, res) => { logger.info('login attempt by %s from %s', req.body.username, req.ip); res.end(); });",
      errors: [{ messageId: 'injection', line: 1, suggestions: [] }],
    },
    // These two were valid before: console and %s print the value raw, so a CR/LF in it forges a line.
    {
      code: 'app.post("/login", (req, res) => { console.log("login attempt", req.body.email) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [] }],
    },
    {
      code: 'app.get("/", (req, res) => { log4js.getLogger().info("search %s", req.query.q) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [] }],
    },
    // --- a tag first, then the message (npmlog style) ---
    {
      code: "app.post('/login', (req, res) => { log.info('auth', `login attempt by ${req.body.username}`); res.end(); });",
      errors: [{ messageId: 'injection', line: 1 }],
    },
    // --- a decoded header can hold a line break again ---
    {
      code: 'app.get("/", (req, res) => { console.log(`file ${decodeURIComponent(req.get("x-file-name"))}`) })',
      output: 'app.get("/", (req, res) => { console.log(\'file\', { xFileName: decodeURIComponent(req.get("x-file-name")) }) })',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'decodeURIComponent(req.get("x-file-name"))', origin: 'a request header', remedy: 'console.log(\'file\', { xFileName: decodeURIComponent(req.get("x-file-name")) })' }, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { console.log(\'file\', { xFileName: decodeURIComponent(req.get("x-file-name")) }) })' }] }],
    },
    {
      // a header beside a query value: the query value is reported
      code: 'app.get("/", (req, res) => { const line = `${req.get("host")}: ${req.query.q}`; logger.info(line) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [] }],
    },
    // --- checks that do not pin the value down ---
    {
      // the log runs whether or not the check passed
      code: 'app.get("/:kind", (req, res) => { if (!ALLOWED.includes(req.params.kind)) { res.status(404) } logger.info(`kind ${req.params.kind}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/:kind", (req, res) => { if (!ALLOWED.includes(req.params.kind)) { res.status(404) } logger.info(\'kind\', { kind: req.params.kind }) })' }] }],
    },
    {
      // the pattern lets a line break through: no anchors, `\s`, the `m` flag, top-level alternation
      code: 'app.get("/:slug", (req, res) => { const slug = req.params.slug; if (!/^[\\w\\s]+$/.test(slug)) return next(); logger.info(`page ${slug}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/:slug", (req, res) => { const slug = req.params.slug; if (!/^[\\w\\s]+$/.test(slug)) return next(); logger.info(\'page\', { slug }) })' }] }],
    },
    {
      code: 'app.get("/:slug", (req, res) => { const slug = req.params.slug; if (!/^a|b$/.test(slug)) return next(); logger.info(`page ${slug}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/:slug", (req, res) => { const slug = req.params.slug; if (!/^a|b$/.test(slug)) return next(); logger.info(\'page\', { slug }) })' }] }],
    },
    {
      // the allow-list comes from the request itself
      code: 'app.get("/", (req, res) => { const q = req.query.q; if (!req.body.tags.includes(q)) return; logger.info(`tag ${q}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { const q = req.query.q; if (!req.body.tags.includes(q)) return; logger.info(\'tag\', { q }) })' }] }],
    },
    {
      // checked, then reassigned from the request
      code: 'app.get("/", (req, res) => { let sort = req.query.sort; if (sort !== "asc") return; sort = req.query.other; logger.info(`sort ${sort}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { let sort = req.query.sort; if (sort !== "asc") return; sort = req.query.other; logger.info(\'sort\', { sort }) })' }] }],
    },
    {
      // a search is not a lookup by key, and the found record is not checked
      code: 'app.get("/", async (req, res) => { const hits = await index.search(req.query.q); if (!hits) return; logger.info(`search ${req.query.q}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", async (req, res) => { const hits = await index.search(req.query.q); if (!hits) return; logger.info(\'search\', { q: req.query.q }) })' }] }],
    },
    {
      code: 'app.get("/:id", async (req, res) => { const row = await repo.findOne(req.params.id); logger.info(`loaded ${req.params.id}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/:id", async (req, res) => { const row = await repo.findOne(req.params.id); logger.info(\'loaded\', { id: req.params.id }) })' }] }],
    },
    {
      // checked after trimming, logged untrimmed: the trailing text may hold a line break
      code: 'app.get("/", (req, res) => { const sort = req.query.sort; if (sort.trim() !== "asc") return; logger.info(`sort ${sort}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { const sort = req.query.sort; if (sort.trim() !== "asc") return; logger.info(\'sort\', { sort }) })' }] }],
    },
    // --- Express ---
    {
      code: 'app.post("/login", (req, res) => { console.info(`login ${req.body.email}`) })',
      output: 'app.post("/login", (req, res) => { console.info(\'login\', { email: req.body.email }) })',
      errors: [
        {
          messageId: 'injection',
          line: 1,
          column: 58,
          data: { expression: 'req.body.email', origin: 'the request body', remedy: "console.info('login', { email: req.body.email })" },
          suggestions: [{ messageId: 'useFields', output: 'app.post("/login", (req, res) => { console.info(\'login\', { email: req.body.email }) })' }],
        },
      ],
    },
    {
      code: 'app.get("/", (req, res) => { console.log("User: " + req.query.user + " from " + req.ip) })',
      output: 'app.get("/", (req, res) => { console.log(`User from ${req.ip}`, { user: req.query.user }) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { console.log(`User from ${req.ip}`, { user: req.query.user }) })' }] }],
    },
    {
      // destructured, through a local, with a trimmed value; no configured logger: suggestion only
      code: 'app.post("/login", (req, res) => { const { email } = req.body; const who = email.trim(); logger.info(`login ${who}`) })',
      errors: [
        {
          messageId: 'injection',
          line: 1,
          data: { expression: 'who', origin: 'the request body', remedy: "logger.info('login', { who })" },
          suggestions: [{ messageId: 'useFields', output: 'app.post("/login", (req, res) => { const { email } = req.body; const who = email.trim(); logger.info(\'login\', { who }) })' }],
        },
      ],
    },
    {
      code: 'app.post("/login", (req, res) => { logger.info(`login ${req.body.email}`) })',
      settings: pino,
      output: 'app.post("/login", (req, res) => { logger.info({ email: req.body.email }, \'login\') })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.post("/login", (req, res) => { logger.info({ email: req.body.email }, \'login\') })' }] }],
    },
    {
      code: 'app.post("/login", (req, res) => { logger.info(`login ${req.body.email}`) })',
      settings: winston,
      output: 'app.post("/login", (req, res) => { logger.info(\'login\', { email: req.body.email }) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.post("/login", (req, res) => { logger.info(\'login\', { email: req.body.email }) })' }] }],
    },
    {
      // merged into an existing winston meta object, keys kept unique
      code: 'app.get("/", (req, res) => { logger.warn(`denied user=${req.query.user} q=${req.query.q}`, { user: id }) })',
      settings: winston,
      output: 'app.get("/", (req, res) => { logger.warn(\'denied\', { user: id, user2: req.query.user, q: req.query.q }) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { logger.warn(\'denied\', { user: id, user2: req.query.user, q: req.query.q }) })' }] }],
    },
    {
      // pino with a merging object already there
      code: 'app.get("/", (req, res) => { logger.info({ route: "search" }, "searching for " + req.query.q) })',
      settings: pino,
      output: 'app.get("/", (req, res) => { logger.info({ route: "search", q: req.query.q }, \'searching for\') })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { logger.info({ route: "search", q: req.query.q }, \'searching for\') })' }] }],
    },
    {
      // pino-http's req.log: style known
      // a header value: reported with includeHeaders (an opt-in for servers run with insecureHTTPParser)
      code: 'app.get("/", (req, res) => { req.log.info(`agent=${req.get("user-agent")}`) })',
      options: [{ includeHeaders: true }],
      output: 'app.get("/", (req, res) => { req.log.info({ agent: req.get("user-agent") }, \'agent\') })',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'req.get("user-agent")', origin: 'a request header', remedy: "req.log.info({ agent: req.get(\"user-agent\") }, 'agent')" }, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { req.log.info({ agent: req.get("user-agent") }, \'agent\') })' }] }],
    },
    {
      code: 'app.get("/", (req, res) => { console.warn(`bad token from ${req.headers["x-client-id"]}`) })',
      options: [{ includeHeaders: true }],
      output: 'app.get("/", (req, res) => { console.warn(\'bad token from\', { xClientId: req.headers["x-client-id"] }) })',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'req.headers["x-client-id"]', origin: 'a request header', remedy: 'console.warn(\'bad token from\', { xClientId: req.headers["x-client-id"] })' }, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { console.warn(\'bad token from\', { xClientId: req.headers["x-client-id"] }) })' }] }],
    },
    {
      // the message built one step before the call: reported, no fix
      code: 'app.get("/", (req, res) => { const msg = "search " + req.query.q; logger.info(msg) })',
      errors: [{ messageId: 'injection', line: 1, column: 79, data: { expression: 'req.query.q', origin: 'the query string', remedy: "logger.info('message', { field })" }, suggestions: [] }],
    },
    {
      // a `.replace` that does not strip line breaks, on a multi-line call
      code: 'router.post("/", function (req, res) {\n  const name = req.body.name.replace(/</g, "");\n  console.error(\n    `invalid name ${name}`,\n  );\n})',
      output: 'router.post("/", function (req, res) {\n  const name = req.body.name.replace(/</g, "");\n  console.error(\n    \'invalid name\', { name },\n  );\n})',
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: 'router.post("/", function (req, res) {\n  const name = req.body.name.replace(/</g, "");\n  console.error(\n    \'invalid name\', { name },\n  );\n})' }] }],
    },
    {
      // a destructured request parameter and a cookie
      code: 'app.get("/", ({ cookies }, res) => { console.log(`theme ${cookies.theme}`) })',
      output: 'app.get("/", ({ cookies }, res) => { console.log(\'theme\', { theme: cookies.theme }) })',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'cookies.theme', origin: 'a cookie', remedy: "console.log('theme', { theme: cookies.theme })" }, suggestions: [{ messageId: 'useFields', output: 'app.get("/", ({ cookies }, res) => { console.log(\'theme\', { theme: cookies.theme }) })' }] }],
    },
    {
      // a helper that takes the request by its conventional name
      code: 'function audit(req) { console.log(`audit ${req.params.id}`) }',
      output: 'function audit(req) { console.log(\'audit\', { id: req.params.id }) }',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'function audit(req) { console.log(\'audit\', { id: req.params.id }) }' }] }],
    },
    {
      // a `%` in the message: console would read the object as a format argument; suggestion none
      code: 'app.get("/", (req, res) => { console.log(`100% done for ${req.query.job}`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [] }],
    },
    {
      // iterating request input
      code: 'app.post("/", (req, res) => { for (const tag of req.body.tags) console.log(`tag ${tag}`) })',
      output: 'app.post("/", (req, res) => { for (const tag of req.body.tags) console.log(\'tag\', { tag }) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.post("/", (req, res) => { for (const tag of req.body.tags) console.log(\'tag\', { tag }) })' }] }],
    },
    // --- Koa ---
    {
      code: 'router.get("/search", async (ctx) => { ctx.log.info(`search ${ctx.query.q}`) })',
      output: 'router.get("/search", async (ctx) => { ctx.log.info({ q: ctx.query.q }, \'search\') })',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'ctx.query.q', origin: 'the query string', remedy: "ctx.log.info({ q: ctx.query.q }, 'search')" }, suggestions: [{ messageId: 'useFields', output: 'router.get("/search", async (ctx) => { ctx.log.info({ q: ctx.query.q }, \'search\') })' }] }],
    },
    {
      code: 'router.post("/", async (ctx) => { const { name } = ctx.request.body; console.log(`created ${name}`) })',
      output: 'router.post("/", async (ctx) => { const { name } = ctx.request.body; console.log(\'created\', { name }) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'router.post("/", async (ctx) => { const { name } = ctx.request.body; console.log(\'created\', { name }) })' }] }],
    },
    // --- Fastify ---
    {
      // Fastify's request logger writes JSON lines: reported with includeJsonLoggers (strict); the fix keeps its shape
      code: 'fastify.post("/users", async (request, reply) => { request.log.info(`creating ${request.body.username} (${request.id})`) })',
      options: [{ includeJsonLoggers: true }],
      output: 'fastify.post("/users", async (request, reply) => { request.log.info({ username: request.body.username }, `creating (${request.id})`) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'fastify.post("/users", async (request, reply) => { request.log.info({ username: request.body.username }, `creating (${request.id})`) })' }] }],
    },
    // --- Hono ---
    {
      code: 'app.get("/posts/:id", (c) => { console.log(`post ${c.req.param("id")}`); return c.text("ok") })',
      output: 'app.get("/posts/:id", (c) => { console.log(\'post\', { id: c.req.param("id") }); return c.text("ok") })',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'c.req.param("id")', origin: 'the route parameters', remedy: 'console.log(\'post\', { id: c.req.param("id") })' }, suggestions: [{ messageId: 'useFields', output: 'app.get("/posts/:id", (c) => { console.log(\'post\', { id: c.req.param("id") }); return c.text("ok") })' }] }],
    },
    {
      code: 'app.post("/", async (c) => { const body = await c.req.json(); console.log("got " + body.title); return c.json({}) })',
      output: 'app.post("/", async (c) => { const body = await c.req.json(); console.log(\'got\', { title: body.title }); return c.json({}) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.post("/", async (c) => { const body = await c.req.json(); console.log(\'got\', { title: body.title }); return c.json({}) })' }] }],
    },
    // --- Next.js ---
    {
      code: 'export async function GET(request) { const { searchParams } = new URL(request.url); console.log(`page ${searchParams.get("page")}`) }',
      output: 'export async function GET(request) { const { searchParams } = new URL(request.url); console.log(\'page\', { page: searchParams.get("page") }) }',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'export async function GET(request) { const { searchParams } = new URL(request.url); console.log(\'page\', { page: searchParams.get("page") }) }' }] }],
    },
    {
      code: 'export async function POST(request: NextRequest) { const { email } = await request.json(); console.log(`signup ${email}; ref ${request.nextUrl.searchParams.get("ref")}`) }',
      output: 'export async function POST(request: NextRequest) { const { email } = await request.json(); console.log(\'signup; ref\', { email, ref: request.nextUrl.searchParams.get("ref") }) }',
      errors: [{ messageId: 'injection', line: 1, data: { expression: 'email', origin: 'the request body', remedy: 'console.log(\'signup; ref\', { email, ref: request.nextUrl.searchParams.get("ref") })' }, suggestions: [{ messageId: 'useFields', output: 'export async function POST(request: NextRequest) { const { email } = await request.json(); console.log(\'signup; ref\', { email, ref: request.nextUrl.searchParams.get("ref") }) }' }] }],
    },
    // --- NestJS ---
    {
      code: `
@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);
  @Get(':id')
  findOne(@Param('id') id: string) {
    this.logger.log(\`find user \${id}\`);
  }
}`,
      settings: nest,
      output: `
@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);
  @Get(':id')
  findOne(@Param('id') id: string) {
    this.logger.log({ message: 'find user', id });
  }
}`,
      errors: [{ messageId: 'injection', line: 7, data: { expression: 'id', origin: 'the route parameters', remedy: "this.logger.log({ message: 'find user', id })" }, suggestions: [{ messageId: 'useFields', output: `
@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);
  @Get(':id')
  findOne(@Param('id') id: string) {
    this.logger.log({ message: 'find user', id });
  }
}` }] }],
    },
    {
      // a DTO from @Body(), no configured logger: a Nest-style suggestion only
      code: `
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  login(@Body() dto: LoginDto) {
    this.logger.warn('login failed for ' + (dto.email as string));
  }
}`,
      errors: [{ messageId: 'injection', line: 7, suggestions: [{ messageId: 'useFields', output: `
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  login(@Body() dto: LoginDto) {
    this.logger.warn({ message: 'login failed for', email: dto.email as string });
  }
}` }] }],
    },
    {
      code: `
@Controller()
export class SearchController {
  @Get('search')
  search(@Query() query: SearchDto, @Headers('x-tenant') tenant: string) {
    console.log(\`search \${query.term} for \${tenant}\`);
  }
}`,
      options: [{ includeHeaders: true }],
      output: `
@Controller()
export class SearchController {
  @Get('search')
  search(@Query() query: SearchDto, @Headers('x-tenant') tenant: string) {
    console.log('search for', { term: query.term, tenant });
  }
}`,
      errors: [{ messageId: 'injection', line: 6, suggestions: [{ messageId: 'useFields', output: `
@Controller()
export class SearchController {
  @Get('search')
  search(@Query() query: SearchDto, @Headers('x-tenant') tenant: string) {
    console.log('search for', { term: query.term, tenant });
  }
}` }] }],
    },
    {
      // winston's log(level, message)
      code: 'app.get("/", (req, res) => { logger.log("warn", `search ${req.query.q} failed`) })',
      settings: winston,
      output: 'app.get("/", (req, res) => { logger.log("warn", \'search failed\', { q: req.query.q }) })',
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: 'app.get("/", (req, res) => { logger.log("warn", \'search failed\', { q: req.query.q }) })' }] }],
    },
    // --- a logger created in the file: its style is known ---
    {
      // pino writes JSON lines: reported with includeJsonLoggers (strict)
      code: "import pino from 'pino'; const log = pino(); app.get('/', (req, res) => { log.info(`q ${req.query.q}`) })",
      options: [{ includeJsonLoggers: true }],
      output: "import pino from 'pino'; const log = pino(); app.get('/', (req, res) => { log.info({ q: req.query.q }, 'q') })",
      errors: [{ messageId: 'injection', line: 1, suggestions: [{ messageId: 'useFields', output: "import pino from 'pino'; const log = pino(); app.get('/', (req, res) => { log.info({ q: req.query.q }, 'q') })" }] }],
    },
    // --- same-file helpers and conditional reassignment (issue 18) ---
    {
      // the message is built by a helper around the input: reported at the input, no fix
      code: "const describeLogin = (username) => `login attempt by ${username}`;\nrouter.post('/login', async (req, res) => {\n  logger.warn(describeLogin(req.body.username));\n  res.status(401).end();\n});",
      errors: [{ messageId: 'injection', line: 3 }],
    },
    {
      // the helper's text held in a const one step earlier
      code: "const describeLogin = (username) => `login attempt by ${username}`;\nrouter.post('/login', async (req, res) => {\n  const line = describeLogin(req.body.username);\n  logger.warn(line);\n  res.status(401).end();\n});",
      errors: [{ messageId: 'injection', line: 3 }],
    },
    {
      // every call site passes request input: reported once, at the log call in the helper
      code: "function auditRename(name) {\n  logger.info(`renaming project to ${name}`);\n}\nrouter.post('/projects/:id/rename', (req, res) => {\n  auditRename(req.body.name);\n  res.end();\n});\nrouter.post('/projects/new', (req, res) => {\n  auditRename(req.body.title);\n  res.end();\n});",
      errors: [{ messageId: 'injection', line: 2, suggestions: [{ messageId: 'useFields', output: "function auditRename(name) {\n  logger.info('renaming project to', { name });\n}\nrouter.post('/projects/:id/rename', (req, res) => {\n  auditRename(req.body.name);\n  res.end();\n});\nrouter.post('/projects/new', (req, res) => {\n  auditRename(req.body.title);\n  res.end();\n});" }] }],
    },
    {
      // the raw value survives the path around the `if`
      code: "router.get('/items/:id', async (req, res) => {\n  let id = req.params.id;\n  if (id.startsWith('slug:')) id = await resolveSlug(id);\n  logger.info(`fetching item ${id}`);\n  res.json(await items.get(id));\n});",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: "router.get('/items/:id', async (req, res) => {\n  let id = req.params.id;\n  if (id.startsWith('slug:')) id = await resolveSlug(id);\n  logger.info('fetching item', { id });\n  res.json(await items.get(id));\n});" }] }],
    },
  ],
});
