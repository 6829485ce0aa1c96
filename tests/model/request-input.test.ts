import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { type RequestInput, type RequestInputOptions, type RequestInputTracker, canCarryLineBreak, createRequestInputTracker } from '../../src/model/request-input.js';
import { hasNonTextType } from '../../src/model/non-text-values.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

/** Classify the argument of every `check(…)` call, keyed by the argument's text. */
function classifyChecks(code: string, options: ProbeOptions = {}, trackerOptions: RequestInputOptions = {}): Map<string, RequestInput | null> {
  const results = new Map<string, RequestInput | null>();
  let tracker: RequestInputTracker | null = null;
  probe(
    code,
    (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'check' || !node.arguments[0]) return;
        tracker ??= createRequestInputTracker(context, trackerOptions);
        results.set(context.sourceCode.getText(node.arguments[0]), tracker.classify(node.arguments[0]));
      },
    }),
    options,
  );
  return results;
}

function result(results: Map<string, RequestInput | null>, text: string): RequestInput | null {
  if (!results.has(text)) throw new Error(`no check(${text}); checks: ${JSON.stringify([...results.keys()])}`);
  return results.get(text)!;
}

describe('createRequestInputTracker: Express', () => {
  const results = classifyChecks(`
    app.post('/users/:id', (req, res) => {
      check(req);
      check(req.body);
      check(req.body.email);
      check(req.query.q);
      check(req.params.id);
      check(req.headers['user-agent']);
      check(req.cookies.sid);
      check(req.signedCookies.sid);
      check(req.get('x-api-version'));
      check(req.header('referer'));
      check(req.method);
      check(req.ip);
      check(req.originalUrl);
      check(req.user.email);
      const { email, profile: { name }, ...rest } = req.body;
      check(email);
      check(name);
      check(rest);
      const [first] = req.body.tags;
      check(first);
      const q = req.query.q.trim().toLowerCase();
      check(q);
      check(req.query.q.length);
      check(Number(req.query.page));
      check(parseInt(req.query.page, 10));
      check(JSON.stringify(req.body));
      check(encodeURIComponent(req.query.q));
      check(req.query.q.replace(/[\\r\\n]/g, ''));
      check(req.query.q.replace(/</g, ''));
      check(req.query.q.replace(/\\n/, ''));
      check(req.query.q.replaceAll('\\n', ''));
      check(String(req.query.q));
      check(\`hi \${req.query.q}\`);
      check('hi ' + req.query.q);
      check(req.query.q || 'none');
      check(findUser(req.params.id));
      check(req.body.a === 'b');
    });
  `);
  it.each([
    ['req', 'request'],
    ['req.body', 'container'],
    ['req.body.email', 'value'],
    ['req.query.q', 'value'],
    ['req.params.id', 'value'],
    ["req.headers['user-agent']", 'value'],
    ['req.cookies.sid', 'value'],
    ['req.signedCookies.sid', 'value'],
    ["req.get('x-api-version')", 'value'],
    ["req.header('referer')", 'value'],
    ['email', 'value'],
    ['name', 'value'],
    ['rest', 'container'],
    ['first', 'value'],
    ['q', 'value'],
    ["req.query.q.replace(/</g, '')", 'value'],
    ["req.query.q.replace(/\\n/, '')", 'value'],
    ['String(req.query.q)', 'value'],
    ['`hi ${req.query.q}`', 'value'],
    ["'hi ' + req.query.q", 'value'],
    ["req.query.q || 'none'", 'value'],
  ])('%s is %s', (text, kind) => {
    expect(result(results, text)?.kind).toBe(kind);
  });
  it.each([
    'req.method',
    'req.ip',
    'req.originalUrl',
    'req.user.email',
    'req.query.q.length',
    'Number(req.query.page)',
    'parseInt(req.query.page, 10)',
    'JSON.stringify(req.body)',
    'encodeURIComponent(req.query.q)',
    "req.query.q.replace(/[\\r\\n]/g, '')",
    "req.query.q.replaceAll('\\n', '')",
    'findUser(req.params.id)',
    "req.body.a === 'b'",
  ])('%s carries no request input', (text) => {
    expect(result(results, text)).toBeNull();
  });
  it('names the origin', () => {
    expect(result(results, 'req.body.email')?.origin).toBe('body');
    expect(result(results, "req.headers['user-agent']")?.origin).toBe('headers');
    expect(result(results, "req.get('x-api-version')")?.origin).toBe('headers');
    expect(result(results, 'req.cookies.sid')?.origin).toBe('cookies');
    expect(result(results, 'req.params.id')?.origin).toBe('params');
  });
});

describe('createRequestInputTracker: destructured requests of handlers recognized by their parameters', () => {
  const results = classifyChecks(`
    export const makeSearch = (svc) => async ({ query, body: { note } }, res) => {
      check(query.q);
      check(note);
    };
    const page = ({ data }, response) => {
      check(data.q);
    };
  `);
  it.each([
    ['query.q', 'value'],
    ['note', 'value'],
  ])('%s is %s', (text, kind) => {
    expect(result(results, text)?.kind).toBe(kind);
  });
  it('leaves a destructured object without request fields alone', () => {
    expect(result(results, 'data.q')).toBeNull();
  });
});

describe('createRequestInputTracker: header values cannot carry a line break until decoded', () => {
  const results = classifyChecks(`app.get('/', (req, res) => {
    check(req.get('user-agent'));
    check(req.headers.origin);
    check(decodeURIComponent(req.get('x-file-name')));
    check(decodeURIComponent(req.get('x-file-name')).trim());
    check(String(req.headers.host));
    check(\`\${req.get('host')}/\${req.query.q}\`);
    check(req.query.q || req.get('x-q'));
    check(req.get('x-q') || req.query.q);
    check(req.cookies.sid);
  });`);
  it.each([["req.get('user-agent')"], ['req.headers.origin'], ['String(req.headers.host)']])('%s is a header value that cannot hold CR/LF', (text) => {
    const input = result(results, text);
    expect(input).toMatchObject({ kind: 'value', origin: 'headers' });
    expect(canCarryLineBreak(input)).toBe(false);
  });
  it.each([["decodeURIComponent(req.get('x-file-name'))"], ["decodeURIComponent(req.get('x-file-name')).trim()"]])('%s is decoded and can', (text) => {
    expect(canCarryLineBreak(result(results, text))).toBe(true);
  });
  it('prefers the value that can carry a line break when text combines several', () => {
    expect(result(results, "`${req.get('host')}/${req.query.q}`")?.origin).toBe('query');
    expect(result(results, "req.query.q || req.get('x-q')")?.origin).toBe('query');
    expect(result(results, "req.get('x-q') || req.query.q")?.origin).toBe('query');
    expect(canCarryLineBreak(result(results, 'req.cookies.sid'))).toBe(true);
  });
});

describe('createRequestInputTracker: other frameworks', () => {
  const results = classifyChecks(`
    router.get('/', async (ctx) => {
      check(ctx.query.q);
      check(ctx.request.body.name);
      check(ctx.get('user-agent'));
      check(ctx.cookies.get('sid'));
      check(ctx.path);
      check(ctx.body);
    });
    fastify.post('/', async (request, reply) => {
      check(request.body.user);
      check(request.id);
    });
    app.get('/h', async (c) => {
      check(c.req.param('id'));
      check(c.req.query('q'));
      check(c.req.query());
      check(c.req.header('x-trace'));
      const body = await c.req.json();
      check(body.title);
      check(c.req.path);
    });
    export async function GET(request) {
      const { searchParams } = new URL(request.url);
      check(searchParams.get('page'));
      check(request.nextUrl.searchParams.get('ref'));
      check(request.headers.get('x-forwarded-for'));
      const data = await request.json();
      check(data.email);
      const form = await request.formData();
      check(form.get('file'));
      check(new URL(request.url).pathname);
    }
    export async function DELETE(request, { params }) {
      const { slug } = await params;
      check(slug);
    }
    export async function PATCH(request, context) {
      check(context.params.id);
    }
    app.post('/v', zValidator('json', schema), async (c) => {
      const { title } = c.req.valid('json');
      check(title);
      check(c.req.valid('query').q);
      return c.json({});
    });
    function audit(req) { check(req.params.id); }
    function greet(user) { check(user.name); }
    axios.interceptors.request.use((request) => { check(request.params.id); return request; });
    let shadow = 'x';
    app.get('/s', (req, res) => {
      let v = req.query.v;
      v = v.replace(/\\n/g, '');
      check(v);
      let w = 'safe';
      w = req.query.w;
      check(w);
      for (const tag of req.body.tags) check(tag);
      req.body.items.forEach((item) => check(item.name));
      [1, 2].map((n) => check(n));
    });
  `);
  it.each([
    ['ctx.query.q', 'value'],
    ['ctx.request.body.name', 'value'],
    ["ctx.get('user-agent')", 'value'],
    ["ctx.cookies.get('sid')", 'value'],
    ['request.body.user', 'value'],
    ["c.req.param('id')", 'value'],
    ["c.req.query('q')", 'value'],
    ['c.req.query()', 'container'],
    ["c.req.header('x-trace')", 'value'],
    ['body.title', 'value'],
    ["searchParams.get('page')", 'value'],
    ["request.nextUrl.searchParams.get('ref')", 'value'],
    ["request.headers.get('x-forwarded-for')", 'value'],
    ['data.email', 'value'],
    ["form.get('file')", 'value'],
    ['req.params.id', 'value'],
    ['slug', 'value'],
    ['context.params.id', 'value'],
    ['title', 'value'],
    ["c.req.valid('query').q", 'value'],
    ['w', 'value'],
    ['tag', 'value'],
    ['item.name', 'value'],
  ])('%s is %s', (text, kind) => {
    expect(result(results, text)?.kind).toBe(kind);
  });
  it.each(['ctx.path', 'ctx.body', 'request.id', 'c.req.path', 'new URL(request.url).pathname', 'user.name', 'request.params.id', 'v', 'n'])(
    '%s carries no request input',
    (text) => {
      expect(result(results, text)).toBeNull();
    },
  );
});

describe('createRequestInputTracker: NestJS parameters', () => {
  const results = classifyChecks(
    `
    @Controller('users')
    class UsersController {
      @Get(':id')
      one(
        @Param('id') id: string,
        @Param('n', ParseIntPipe) n: number,
        @Query('page') page: number,
        @Query() query: ListDto,
        @Body() { email }: LoginDto,
        @Headers('x-tenant') tenant: string,
        @Param('u', new ParseUUIDPipe()) u: string,
        @Req() req: Request,
      ) {
        check(id);
        check(n);
        check(page);
        check(query);
        check(query.term);
        check(email);
        check(tenant);
        check(u);
        check(req.body.name);
      }
    }
  `,
    { ts: true },
  );
  it.each([
    ['id', 'value'],
    ['query', 'container'],
    ['query.term', 'value'],
    ['email', 'value'],
    ['tenant', 'value'],
    ['req.body.name', 'value'],
  ])('%s is %s', (text, kind) => {
    expect(result(results, text)?.kind).toBe(kind);
  });
  it.each(['n', 'page', 'u'])('%s is not text (pipe or number type)', (text) => {
    expect(result(results, text)).toBeNull();
  });
});

describe('createRequestInputTracker: NestJS guards and interceptors', () => {
  const results = classifyChecks(
    `
    @Injectable()
    class ApiKeyGuard implements CanActivate {
      canActivate(context: ExecutionContext): boolean {
        const request = context.switchToHttp().getRequest<Request>();
        check(request.headers['x-api-key']);
        check(context.switchToHttp().getRequest().query);
        const ws = context.switchToWs().getClient();
        check(ws.handshake);
        check(this.reflector.getRequest());
        return true;
      }
    }
  `,
    { ts: true },
  );
  it("reads the request of context.switchToHttp().getRequest()", () => {
    expect(result(results, "request.headers['x-api-key']")).toEqual({ kind: 'value', origin: 'headers' });
    expect(result(results, 'context.switchToHttp().getRequest().query')).toEqual({ kind: 'container', origin: 'query' });
  });
  it('does not take other getRequest() or clients for the HTTP request', () => {
    expect(result(results, 'ws.handshake')).toBeNull();
    expect(result(results, 'this.reflector.getRequest()')).toBeNull();
  });
});

describe('createRequestInputTracker: next/headers', () => {
  const results = classifyChecks(`
    import { cookies, headers } from 'next/headers';
    export async function GET() {
      const list = await headers();
      check(list.get('x-api-key'));
      check(headers().get('user-agent'));
      check((await cookies()).get('session'));
      check(list);
    }
    function headersOf(x) { return x; }
    check(headersOf(1));
  `);
  it('reads the incoming request through headers() and cookies()', () => {
    expect(result(results, "list.get('x-api-key')")).toEqual({ kind: 'value', origin: 'headers' });
    expect(result(results, "headers().get('user-agent')")).toEqual({ kind: 'value', origin: 'headers' });
    expect(result(results, "(await cookies()).get('session')")).toEqual({ kind: 'value', origin: 'cookies' });
    expect(result(results, 'list')).toEqual({ kind: 'container', origin: 'headers' });
  });
  it('does not take other functions named like them for request readers', () => {
    expect(result(results, 'headersOf(1)')).toBeNull();
  });
});

describe('createRequestInputTracker: sanitizers option', () => {
  const code = `app.get('/', (req, res) => { check(clean(req.query.a)); check(req.query.b.scrub()); check(log.redact(req.query.c)); check(String(req.query.d)); });`;
  it('treats configured sanitizers as clean', () => {
    const results = classifyChecks(code, {}, { sanitizers: ['scrub', 'log.redact', 'String'] });
    expect(result(results, 'req.query.b.scrub()')).toBeNull();
    expect(result(results, 'log.redact(req.query.c)')).toBeNull();
    expect(result(results, 'String(req.query.d)')).toBeNull();
    // unknown functions do not propagate anyway
    expect(result(results, 'clean(req.query.a)')).toBeNull();
  });
  it('keeps text-preserving calls tainted without the option', () => {
    const results = classifyChecks(code);
    expect(result(results, 'String(req.query.d)')?.kind).toBe('value');
  });
});

describe('hasNonTextType', () => {
  it('is false without type information', () => {
    const answers: boolean[] = [];
    probe(
      'const n = 1; check(n);',
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.arguments[0]) answers.push(hasNonTextType(context, node.arguments[0]));
        },
      }),
      { ts: true },
    );
    expect(answers).toEqual([false]);
  });
});

describe('hasNonTextType with type information', () => {
  it('reads number, boolean and enum types from the checker, and not strings', async () => {
    const { Linter } = await import('eslint');
    const tsParserModule = await import('@typescript-eslint/parser');
    const { fileURLToPath } = await import('node:url');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const answers = new Map<string, boolean>();
    const linter = new Linter({ configType: 'flat', cwd: root });
    const code = `
      declare const req: { query: Record<string, string> };
      enum Color { Red, Green }
      const page: number = Number(req.query.page);
      const flag = req.query.flag === 'yes';
      const color = Color.Red;
      const userName = req.query.name;
      check(page); check(flag); check(color); check(userName);
    `;
    linter.verify(
      code,
      {
        files: ['**/*.ts'],
        plugins: {
          probe: {
            rules: {
              probe: {
                meta: { type: 'problem', schema: [], messages: {} },
                create: (context: unknown) => ({
                  CallExpression(node: TSESTree.CallExpression) {
                    const arg = node.arguments[0];
                    if (arg?.type === 'Identifier') answers.set(arg.name, hasNonTextType(context as unknown as Context, arg));
                  },
                }),
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
        languageOptions: {
          parser: tsParserModule.default as never,
          parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: root },
        },
      } as never,
      `${root}type-probe.ts`,
    );
    expect(Object.fromEntries(answers)).toEqual({ page: true, flag: true, color: true, userName: false });
  });
});

describe('createRequestInputTracker: WebSocket and socket.io messages', () => {
  const results = classifyChecks(`
    io.on('connection', (client) => {
      client.on('join', (room, ack) => { check(room); });
      client.on('disconnect', (reason) => { check(reason); });
    });
    wss.on('connection', (conn) => {
      conn.on('message', (data) => { check(data); });
      conn.on('close', (code) => { check(code); });
    });
    socket.on('chat', (text) => { check(text); });
    queue.on('job', (job) => { check(job); });
  `);

  it('a client message is input; lifecycle events and other emitters are not', () => {
    expect(result(results, 'room')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'data')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'text')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'reason')).toBeNull();
    expect(result(results, 'code')).toBeNull();
    expect(result(results, 'job')).toBeNull();
  });
});

describe('createRequestInputTracker: socket listeners registered by name, terminal styling', () => {
  const results = classifyChecks(`
    const chalk_1 = __importDefault(require('chalk'));
    io.on('connection', (socket) => {
      socket.on('auth:perform', performAuthentication);
      socket.on('rename', rename);
      socket.on('nick', setNick);
      if (publicMode) performAuthentication.call(socket, {});
    });
    function performAuthentication(data) { check(data); check(chalk_1.default.bold(data.user)); }
    function rename(name) { check(name); }
    rename(config.defaultName);
    const setNick = (nick) => { check(nick); };
    function unused(text) { check(text); }
    function styled(req) { check(chalk_1.default.bold(req.body.name)); check(chalk_1.default.bold(hostname)); }
    app.post('/x', (req, res) => styled(req));
  `);

  it('a same-file function every use of which registers it for client messages (or calls it with constants) reads input', () => {
    expect(result(results, 'data')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'nick')).toEqual({ kind: 'value', origin: 'message' });
    // also called with a value of the server's own: not only client input
    expect(result(results, 'name')).toBeNull();
    expect(result(results, 'text')).toBeNull();
  });

  it('chalk and other terminal styling keep the text they wrap', () => {
    expect(result(results, 'chalk_1.default.bold(data.user)')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'chalk_1.default.bold(req.body.name)')).toEqual({ kind: 'value', origin: 'body' });
    expect(result(results, 'chalk_1.default.bold(hostname)')).toBeNull();
  });
});

describe('createRequestInputTracker: parsed forms and JSON', () => {
  const results = classifyChecks(`
    app.post('/diag', (req, res) => {
      new formidable.IncomingForm().parse(req, (err, fields, files) => { check(fields.diagnosticInfo); check(err); });
      form.parse(req.body.raw, (err, parsed) => { check(parsed); });
      parser.parse(template, (err, ast) => { check(ast); });
      const data = JSON.parse(req.body.errorInfo);
      check(data.msg);
      check(JSON.parse(settingsText).name);
    });
  `);

  it("a form parser's fields for the request are body input; JSON parsed from input holds input", () => {
    expect(result(results, 'fields.diagnosticInfo')).toEqual({ kind: 'value', origin: 'body' });
    expect(result(results, 'data.msg')).toEqual({ kind: 'value', origin: 'body' });
    // the error, a parse of anything but the request, JSON of the server's own text: not input
    expect(result(results, 'err')).toBeNull();
    expect(result(results, 'ast')).toBeNull();
    expect(result(results, 'parsed')).toBeNull();
    expect(result(results, 'JSON.parse(settingsText).name')).toBeNull();
  });
});

describe('createRequestInputTracker: same-file helpers (issue 18)', () => {
  const results = classifyChecks(`
    const fmt = (u) => \`user \${u}\`;
    function describeAttempt(name, tries) { return 'login by ' + name.trim() + ' after ' + Number(tries) + ' tries'; }
    const upper = (u) => u.toUpperCase();
    const pick = (u) => (u ? \`user \${u}\` : 'anonymous');
    function clean(u) { return \`user \${u.replace(/[\\r\\n]/g, '')}\`; }
    app.get('/a', (req, res) => {
      check(fmt(req.query.u));
      check(describeAttempt(req.body.name, 3));
      check(describeAttempt('admin', req.body.tries));
      check(upper(req.query.v));
      check(pick(req.query.w));
      check(clean(req.query.x));
      check(fmt('fixed'));
    });

    function audit(name) { check(name); }
    app.post('/b', (req, res) => { audit(req.body.name); });
    app.post('/c', (req, res) => { audit(req.query.other); });

    function note(label) { check(label); }
    app.post('/d', (req, res) => { note(req.body.label); });
    note('startup');

    function escaped(text) { check(text); }
    app.post('/e', (req, res) => { escaped(req.body.text); });
    jobs.forEach(escaped);

    export function exported(title) { check(title); }
    app.post('/f', (req, res) => { exported(req.body.title); });

    function reassigned(who) { who = who.slice(0, 10); check(who); }
    app.post('/g', (req, res) => { reassigned(req.body.who); });

    function agent(ua) { check(ua); }
    app.post('/h', (req, res) => { agent(req.get('user-agent')); });
  `);

  it("a helper that returns text built from its parameter carries the caller's input", () => {
    expect(result(results, 'fmt(req.query.u)')).toEqual({ kind: 'value', origin: 'query' });
    expect(result(results, 'describeAttempt(req.body.name, 3)')).toEqual({ kind: 'value', origin: 'body' });
    expect(result(results, 'pick(req.query.w)')).toBeNull();
  });
  it('is quiet for parameters the returned text does not hold, non-text helpers, sanitized pieces and constants', () => {
    expect(result(results, "describeAttempt('admin', req.body.tries)")).toBeNull();
    expect(result(results, 'upper(req.query.v)')).toBeNull();
    expect(result(results, 'clean(req.query.x)')).toBeNull();
    expect(result(results, "fmt('fixed')")).toBeNull();
  });
  it('a parameter every same-file call site fills with request input is input', () => {
    expect(result(results, 'name')).toEqual({ kind: 'value', origin: 'body' });
    expect(result(results, 'ua')).toEqual({ kind: 'value', origin: 'headers' });
  });
  it('is quiet when one call site passes something else, the helper escapes, or the parameter is rewritten', () => {
    expect(result(results, 'label')).toBeNull();
    expect(result(results, 'text')).toBeNull();
    expect(result(results, 'title')).toBeNull();
    expect(result(results, 'who')).toBeNull();
  });
});

describe('createRequestInputTracker: conditional reassignment (issue 18)', () => {
  const results = classifyChecks(`
    app.get('/a/:x', async (req, res) => {
      let id = req.params.x;
      if (req.query.resolve) id = await lookup(id);
      check(id);
    });
    app.get('/b/:x', async (req, res) => {
      let key = req.params.x;
      if (req.query.resolve) { key = await lookup(key); } else { key = 'default'; }
      check(key);
    });
    app.get('/c/:x', async (req, res) => {
      let ref = req.params.x;
      if (req.query.resolve) { ref = await lookup(ref); } else { return res.end(); }
      check(ref);
    });
    app.get('/d/:x', async (req, res) => {
      let slug = req.params.x;
      slug = await lookup(slug);
      check(slug);
    });
    app.get('/e/:x', async (req, res) => {
      let tag = req.params.x;
      try { tag = await lookup(tag); } catch { tag = 'none'; }
      check(tag);
    });
    app.get('/f/:x', async (req, res) => {
      let code = 'none';
      if (req.query.raw) code = req.params.x;
      check(code);
    });
    app.get('/g/:x', async (req, res) => {
      let item = req.params.x;
      if (req.query.resolve) { item = await lookup(item); check(item); }
    });
  `);

  it('the raw value survives the path around an if that rewrites it', () => {
    expect(result(results, 'id')).toEqual({ kind: 'value', origin: 'params' });
    expect(result(results, 'code')).toEqual({ kind: 'value', origin: 'params' });
  });
  it('keeps the last write when every path rewrites it, or when not sure (try)', () => {
    expect(result(results, 'key')).toBeNull();
    expect(result(results, 'ref')).toBeNull();
    expect(result(results, 'slug')).toBeNull();
    expect(result(results, 'tag')).toBeNull();
    expect(result(results, 'item')).toBeNull();
  });
});

describe('createRequestInputTracker: a whole message handed to a same-file helper', () => {
  const results = classifyChecks(`
    wss.on('connection', (ws) => {
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data));
        processUpdates(ws, msg);
        saveAll(ws, msg);
        saveAll(ws, msg.path);
      });
    });
    function processUpdates(ws, update) { check(update.path); }
    function saveAll(ws, value) { check(value); }
  `);

  it('makes the parameter a container when every call site passes one', () => {
    expect(result(results, 'update.path')).toEqual({ kind: 'value', origin: 'message' });
  });

  it('stays quiet when call sites pass a container at one and a value at another', () => {
    expect(result(results, 'value')).toBeNull();
  });
});
