import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyFunction, findVariable, getModuleLevelDefinition, isFunctionNode } from '../../src/model/ast.js';
import {
  accessLogRecordsId,
  callsSetGenReqId,
  fastifyRequestIdHeader,
  fileAssignsRequestIds,
  findInboundIdRead,
  genReqIdSetterArgument,
  getIdLessLoggerSource,
  honoPinoHttpOptions,
  idHeaderReadsIn,
  isRequestIdSetter,
  isRequestIdTarget,
  loggerAddsRequestContext,
  mountedIdLessLoggers,
  readRequestIdHeader,
  readsContextStore,
} from '../../src/model/request-ids.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

/** readRequestIdHeader of every member expression and call, keyed by its text (first one wins). */
function headers(code: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  probe(code, (context) => {
    const visit = (node: TSESTree.Node) => {
      const text = context.sourceCode.getText(node);
      if (!out.has(text)) out.set(text, readRequestIdHeader(node));
    };
    return { MemberExpression: visit, CallExpression: visit };
  });
  return out;
}

/** fileAssignsRequestIds for a whole file. */
function assignsIds(code: string, extra: string[] = [], options: ProbeOptions = {}): boolean {
  let answer: boolean | null = null;
  const calls: TSESTree.CallExpression[] = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  probe(
    code,
    (context) => ({
      CallExpression: (node: TSESTree.CallExpression) => calls.push(node),
      AssignmentExpression: (node: TSESTree.AssignmentExpression) => assignments.push(node),
      'Program:exit': () => {
        answer = fileAssignsRequestIds(context, calls, assignments, extra);
      },
    }),
    options,
  );
  return answer!;
}

describe('readRequestIdHeader', () => {
  it('reads id headers from headers objects and header getters, any case', () => {
    const r = headers("req.headers['x-request-id']; request.headers['Request-Id']; req.get('X-Request-ID'); req.header('x-correlation-id'); c.req.header('X-Trace-Id'); request.headers.get('x-amzn-trace-id');");
    expect(r.get("req.headers['x-request-id']")).toBe('x-request-id');
    expect(r.get("request.headers['Request-Id']")).toBe('Request-Id');
    expect(r.get("req.get('X-Request-ID')")).toBe('X-Request-ID');
    expect(r.get("req.header('x-correlation-id')")).toBe('x-correlation-id');
    expect(r.get("c.req.header('X-Trace-Id')")).toBe('X-Trace-Id');
    expect(r.get("request.headers.get('x-amzn-trace-id')")).toBe('x-amzn-trace-id');
  });

  it('answers null for other headers and for ids that are not headers', () => {
    const r = headers("req.headers['x-parse-request-id']; req.get('user-agent'); req.params.id; req.query.requestId; map.get('request-id', 1);");
    expect(r.get("req.headers['x-parse-request-id']")).toBeNull();
    expect(r.get("req.get('user-agent')")).toBeNull();
    expect(r.get('req.params.id')).toBeNull();
    expect(r.get('req.query.requestId')).toBeNull();
    expect(r.get("map.get('request-id', 1)")).toBeNull();
  });
});

describe('fileAssignsRequestIds', () => {
  it('sees request-id packages, middleware named for ids and id assignments', () => {
    expect(assignsIds("import rid from 'express-request-id';")).toBe(true);
    expect(assignsIds("const rTracer = require('cls-rtracer');", [], { sourceType: 'commonjs' })).toBe(true);
    expect(assignsIds("import { requestId } from 'hono/request-id';")).toBe(true);
    expect(assignsIds('app.use(correlationIdMiddleware);')).toBe(true);
    expect(assignsIds('app.use(addRequestId());')).toBe(true);
    expect(assignsIds('app.use((req, res, next) => { req.id = randomUUID(); next(); });')).toBe(true);
    expect(assignsIds('app.use(async (ctx, next) => { ctx.state.requestId = randomUUID(); await next(); });')).toBe(true);
    expect(assignsIds("app.use((c, next) => { c.set('requestId', randomUUID()); return next(); });")).toBe(true);
    expect(assignsIds('app.use(traceContext());', ['traceContext'])).toBe(true);
  });

  it('does not count other middleware, other ids or other objects', () => {
    expect(assignsIds("import morgan from 'morgan';\napp.use(morgan('tiny'));")).toBe(false);
    expect(assignsIds('app.use(cors()); app.use(express.json());')).toBe(false);
    expect(assignsIds('user.id = 1; order.requestId = x;')).toBe(false);
    expect(assignsIds("cache.set('user', u);")).toBe(false);
  });
});

describe('isRequestIdTarget', () => {
  /** isRequestIdTarget of the left side of every assignment, keyed by its text. */
  function targets(code: string): Map<string, boolean> {
    const out = new Map<string, boolean>();
    probe(code, (context) => ({
      AssignmentExpression: (node: TSESTree.AssignmentExpression) => out.set(context.sourceCode.getText(node.left), isRequestIdTarget(node.left)),
    }));
    return out;
  }
  it('is true for id properties on request objects', () => {
    const r = targets("req.id = randomUUID(); request.requestId = id; ctx.state.correlationId = id; c.traceId = t;");
    expect([...r.values()]).toEqual([true, true, true, true]);
  });
  it('is false for other properties, other objects and plain variables', () => {
    const r = targets('req.user = u; user.id = 1; res.locals.requestId = id; requestId = 2;');
    expect([...r.values()]).toEqual([false, false, false, false]);
  });
});

describe('isRequestIdSetter', () => {
  it("is true for c.set('requestId', …) on a request context", () => {
    const r = probeCalls("c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID()); ctx.set('traceId', t);", (_c, n) => isRequestIdSetter(n));
    expect(callResult(r, "c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID())")).toBe(true);
    expect(callResult(r, "ctx.set('traceId', t)")).toBe(true);
  });
  it('is false for other keys, other receivers and header setters', () => {
    const r = probeCalls("c.set('user', u); cache.set('requestId', id); res.set('X-Request-Id', id); c.set('requestId');", (_c, n) => isRequestIdSetter(n));
    expect([...r.values()]).toEqual([false, false, false, false]);
  });
});

describe('findInboundIdRead', () => {
  /** findInboundIdRead of the initializer of `const id = …` (the last declarator named id). */
  function read(code: string): { text: string; header: string } | null {
    let out: { text: string; header: string } | null | undefined;
    probe(code, (context) => ({
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type !== 'Identifier' || node.id.name !== 'id' || !node.init) return;
        const r = findInboundIdRead(context, node.init);
        out = r ? { text: context.sourceCode.getText(r.node), header: r.header } : null;
      },
    }));
    return out!;
  }
  it('finds the header read directly, in a fallback chain, in a conditional, or through a const', () => {
    expect(read("const id = req.headers['x-request-id'];")).toEqual({ text: "req.headers['x-request-id']", header: 'x-request-id' });
    expect(read("const id = req.get('X-Correlation-Id') || randomUUID();")).toEqual({ text: "req.get('X-Correlation-Id')", header: 'X-Correlation-Id' });
    expect(read("const id = fresh ? randomUUID() : req.header('x-request-id');")?.header).toBe('x-request-id');
    expect(read("const inbound = req.headers['x-trace-id'];\nconst id = inbound ?? uuid();")?.header).toBe('x-trace-id');
  });
  it('answers null for generated ids and other headers', () => {
    expect(read('const id = randomUUID();')).toBeNull();
    expect(read("const id = req.headers['x-api-key'] ?? nanoid();")).toBeNull();
  });
});

describe('readsContextStore', () => {
  it('sees a pino mixin, AsyncLocalStorage and cls-rtracer', () => {
    expect(readsContextStore('pino({ mixin() { return { requestId: store.getStore()?.id }; } })')).toBe(true);
    expect(readsContextStore("import rTracer from 'cls-rtracer';")).toBe(true);
    expect(readsContextStore('const als = new AsyncLocalStorage();')).toBe(true);
  });
  it('is false for a plain logger setup', () => {
    expect(readsContextStore("const logger = pino({ level: 'info' });")).toBe(false);
  });
});

describe('loggerAddsRequestContext', () => {
  /** loggerAddsRequestContext for the binding `logger` used in `logger.info()`. */
  function adds(code: string, options: ProbeOptions = {}): boolean {
    let answer: boolean | null = null;
    probe(code, (context) => ({
      'CallExpression[callee.object.name="logger"]'(node: TSESTree.CallExpression) {
        const object = (node.callee as TSESTree.MemberExpression).object as TSESTree.Identifier;
        const def = findVariable(context, object)!.defs[0]!;
        answer = loggerAddsRequestContext(context, def);
      },
    }), options);
    return answer!;
  }
  it('reads a same-file creation', () => {
    expect(adds("import pino from 'pino';\nconst logger = pino({ mixin: () => ({ requestId: als.getStore()?.id }) });\nlogger.info('x');")).toBe(true);
    expect(adds("import pino from 'pino';\nconst logger = pino();\nlogger.info('x');")).toBe(false);
  });
  it('reads the project module a logger is imported from, and assumes yes when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'req-ids-'));
    writeFileSync(join(dir, 'plain.js'), "import pino from 'pino';\nexport const logger = pino();\n");
    writeFileSync(join(dir, 'scoped.js'), "import pino from 'pino';\nimport { store } from './store';\nexport const logger = pino({ mixin: () => store.getStore() });\n");
    const options = { filename: join(dir, 'app.js'), cwd: dir };
    expect(adds("import { logger } from './plain.js';\nlogger.info('x');", options)).toBe(false);
    expect(adds("import { logger } from './scoped.js';\nlogger.info('x');", options)).toBe(true);
    expect(adds("import { logger } from './missing.js';\nlogger.info('x');", options)).toBe(true);
  });
});

describe('getIdLessLoggerSource', () => {
  it('recognises morgan, express-winston.logger, koa-logger and hono/logger by import', () => {
    const code = "import morgan from 'morgan';\nimport expressWinston from 'express-winston';\nimport koaLogger from 'koa-logger';\nimport { logger } from 'hono/logger';\nmorgan('combined'); expressWinston.logger({}); koaLogger(); logger();";
    const r = probeCalls(code, getIdLessLoggerSource);
    expect(callResult(r, "morgan('combined')")).toBe('morgan');
    expect(callResult(r, 'expressWinston.logger({})')).toBe('express-winston');
    expect(callResult(r, 'koaLogger()')).toBe('koa-logger');
    expect(callResult(r, 'logger()')).toBe('hono/logger');
    expect(callResult(probeCalls("require('morgan')('tiny');", getIdLessLoggerSource), "require('morgan')('tiny')")).toBe('morgan');
  });
  it('is null for error loggers, pino-http and local look-alikes', () => {
    const code = "import expressWinston from 'express-winston';\nimport pinoHttp from 'pino-http';\nimport { logger } from './logger';\nexpressWinston.errorLogger({}); pinoHttp(); logger();";
    expect([...probeCalls(code, getIdLessLoggerSource).values()]).toEqual([null, null, null]);
  });
});

describe('accessLogRecordsId', () => {
  const records = (code: string, text: string, source: string) => callResult(probeCalls(code, (context, node) => accessLogRecordsId(context, node, source)), text);
  it("is true for morgan's dev format, a format with an id token, and options that write an id", () => {
    expect(records("morgan('dev');", "morgan('dev')", 'morgan')).toBe(true);
    expect(records("morgan(':id :method :url :status');", "morgan(':id :method :url :status')", 'morgan')).toBe(true);
    expect(records("morgan(':req[x-request-id] :method :url');", "morgan(':req[x-request-id] :method :url')", 'morgan')).toBe(true);
    expect(records('expressWinston.logger({ dynamicMeta: (req) => ({ requestId: req.id }) });', 'expressWinston.logger({ dynamicMeta: (req) => ({ requestId: req.id }) })', 'express-winston')).toBe(true);
  });
  it('is false for a combined access log and plain options', () => {
    expect(records("morgan('combined');", "morgan('combined')", 'morgan')).toBe(false);
    expect(records('expressWinston.logger({ transports, meta: true });', 'expressWinston.logger({ transports, meta: true })', 'express-winston')).toBe(false);
  });
});

describe('honoPinoHttpOptions', () => {
  /** honoPinoHttpOptions of the first argument of pinoLogger(…), as text ('null' / 'undefined' otherwise). */
  function http(code: string): string {
    let out = '';
    probe(code, (context) => ({
      'CallExpression[callee.name="pinoLogger"]'(node: TSESTree.CallExpression) {
        const arg = node.arguments[0];
        const r = honoPinoHttpOptions(arg && arg.type === 'ObjectExpression' ? arg : null);
        out = r === undefined ? 'undefined' : r === null ? 'null' : context.sourceCode.getText(r);
      },
    }));
    return out;
  }
  it('finds the http options object', () => {
    expect(http('pinoLogger({ pino: base, http: { reqId: () => crypto.randomUUID() } });')).toBe('{ reqId: () => crypto.randomUUID() }');
  });
  it('is null without http options and undefined when they cannot be read', () => {
    expect(http('pinoLogger({ pino: base });')).toBe('null');
    expect(http('pinoLogger();')).toBe('null');
    expect(http('pinoLogger({ http: httpOptions });')).toBe('undefined');
  });
});

describe('mountedIdLessLoggers: the id-less access loggers an app.use() mounts', () => {
  it('lists each mounted id-less logger with its module, in argument order', () => {
    const code = [
      "import morgan from 'morgan'; import expressWinston from 'express-winston'; import pinoHttp from 'pino-http';",
      "app.use(helmet(), morgan('combined'), expressWinston.logger({ transports }));",
      'app.use(pinoHttp());',
      "app.get('/', morgan('tiny'));",
    ].join('\n');
    const results = probeCalls(code, (context, node) => mountedIdLessLoggers(context, node).map((m) => `${context.sourceCode.getText(m.node)} <- ${m.source}`));
    expect(callResult(results, "app.use(helmet(), morgan('combined'), expressWinston.logger({ transports }))")).toEqual([
      "morgan('combined') <- morgan",
      'expressWinston.logger({ transports }) <- express-winston',
    ]);
    // pino-http writes an id; a logger passed to a route method is not mounted by use().
    expect(callResult(results, 'app.use(pinoHttp())')).toEqual([]);
    expect(callResult(results, "app.get('/', morgan('tiny'))")).toEqual([]);
  });
});

describe('genReqIdSetterArgument, fastifyRequestIdHeader, idHeaderReadsIn', () => {
  it("reads fastify.setGenReqId(fn)'s generator; other calls install none", () => {
    const results = probeCalls('fastify.setGenReqId(makeId); fastify.setGenReqId(); app.genReqId(makeId2);', (context, node) => {
      const arg = genReqIdSetterArgument(node);
      return arg ? context.sourceCode.getText(arg) : null;
    });
    expect(callResult(results, 'fastify.setGenReqId(makeId)')).toBe('makeId');
    expect(callResult(results, 'fastify.setGenReqId()')).toBeNull();
    expect(callResult(results, 'app.genReqId(makeId2)')).toBeNull();
  });

  it("reads the header Fastify's requestIdHeader option takes ids from", () => {
    const out: (string | null)[] = [];
    probe("Fastify({ requestIdHeader: 'x-request-id' }); Fastify({ requestIdHeader: true }); Fastify({ requestIdHeader: false }); Fastify({ requestIdHeader: '' }); Fastify({ requestIdHeader: name });", () => ({
      Property(node: TSESTree.Property) {
        out.push(fastifyRequestIdHeader(node));
      },
    }));
    expect(out).toEqual(['x-request-id', 'request-id', null, null, null]);
  });

  it('lists every inbound id header a generator reads, not an idempotency key', () => {
    const reads: string[][] = [];
    probe("const gen = (req) => req.headers['x-request-id'] || req.get('X-Correlation-ID') || req.headers['x-parse-request-id'] || randomUUID();", (context) => ({
      ArrowFunctionExpression(node: TSESTree.ArrowFunctionExpression) {
        if (isFunctionNode(node)) reads.push(idHeaderReadsIn(node as AnyFunction, context.sourceCode.visitorKeys).map((r) => `${context.sourceCode.getText(r.node)} <- ${r.header}`).sort());
      },
    }));
    expect(reads).toEqual([["req.get('X-Correlation-ID') <- X-Correlation-ID", "req.headers['x-request-id'] <- x-request-id"]]);
  });
});

describe('getModuleLevelDefinition', () => {
  it('finds module-level variables and imports, not parameters or locals', () => {
    const code = "import log from './log'; const logger = pino(); function h(req, param) { const local = x; log.info(1); logger.info(2); param.info(3); local.info(4); }";
    const results = probeCalls(code, (context, node) => {
      const callee = node.callee as TSESTree.MemberExpression;
      if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return null;
      return getModuleLevelDefinition(context, callee.object)?.type ?? null;
    });
    expect(callResult(results, 'log.info(1)')).toBe('ImportBinding');
    expect(callResult(results, 'logger.info(2)')).toBe('Variable');
    expect(callResult(results, 'param.info(3)')).toBeNull();
    expect(callResult(results, 'local.info(4)')).toBeNull();
  });
});

describe('callsSetGenReqId', () => {
  it('an x.setGenReqId(fn) call among the file\'s calls, read as genReqIdSetterArgument reads it', () => {
    const calls = (code: string) => {
      const found: TSESTree.CallExpression[] = [];
      probe(code, () => ({ CallExpression: (node: TSESTree.CallExpression) => void found.push(node) }), { ts: true });
      return found;
    };
    expect(callsSetGenReqId(calls('fastify.setGenReqId((req) => randomUUID());'))).toBe(true);
    expect(callsSetGenReqId(calls("fastify.register(plugin); app.set('genReqId', f);"))).toBe(false);
    // One reading of the setter: through a non-null assertion it still installs the generator, and with none it installs nothing.
    expect(callsSetGenReqId(calls('fastify.setGenReqId!(makeId);'))).toBe(true);
    expect(callsSetGenReqId(calls('fastify.setGenReqId();'))).toBe(false);
  });
});
