/**
 * Runtime proof that every fix which inserts or changes a log call keeps the error: lint small,
 * runnable fixtures with each rule and a configured logger of each style, apply the autofixes
 * (and, where a rule only suggests, its first suggestion), then run the EXACT fixed text with the
 * real logger — pino, winston (format.errors({ stack: true }) + JSON), bunyan, log4js, Nest's
 * ConsoleLogger, console — writing to memory, and check the output holds the error's message and
 * the first frame of its stack.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Console } from 'node:console';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ConsoleLogger } from '@nestjs/common';
import bunyan from 'bunyan';
import expressWinston from 'express-winston';
import { Linter } from 'eslint';
import log4js from 'log4js';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import plugin from '../../src/index.js';

type Style = 'pino' | 'winston' | 'bunyan' | 'log4js' | 'nest' | 'console';

interface Sink {
  logger: unknown;
  output: () => string;
}

function memoryStream(chunks: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
}

/** A real logger of `style` writing into memory. */
function makeLogger(style: Style): Sink {
  const chunks: string[] = [];
  const output = () => chunks.join('');
  switch (style) {
    case 'pino':
      return { logger: pino({}, memoryStream(chunks)), output };
    case 'winston':
      return {
        logger: winston.createLogger({
          format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()),
          transports: [new winston.transports.Stream({ stream: memoryStream(chunks) })],
        }),
        output,
      };
    case 'bunyan':
      return { logger: bunyan.createLogger({ name: 'runtime', streams: [{ stream: memoryStream(chunks), level: 'trace' }] }), output };
    case 'log4js': {
      const category = `runtime-${Math.random().toString(36).slice(2)}`;
      log4js.configure({
        // log4js's own basic layout (util.format of the arguments), into memory.
        appenders: {
          memory: {
            type: {
              configure: (_config: unknown, layouts: { basicLayout: (event: unknown) => string }) => (event: unknown) => chunks.push(layouts.basicLayout(event)),
            },
          },
        },
        categories: { default: { appenders: ['memory'], level: 'trace' } },
      } as never);
      return { logger: log4js.getLogger(category), output };
    }
    case 'nest': {
      class MemoryLogger extends ConsoleLogger {
        protected override printMessages(messages: unknown[], context?: string, logLevel?: string): void {
          chunks.push(`${logLevel} ${context ?? ''} ${messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ')}`);
        }
        protected override printStackTrace(stack: string): void {
          chunks.push(stack);
        }
      }
      return { logger: new MemoryLogger('Runtime'), output };
    }
    case 'console':
    default: {
      const stream = memoryStream(chunks);
      return { logger: new Console({ stdout: stream, stderr: stream }), output };
    }
  }
}

interface Fixture {
  rule: string;
  name: string;
  /** Runs as the body of an async function with `logger`, `fail`, `app`, `process`, `setTimeout` in scope. */
  code: string;
  /** A Nest-style fixture: the logger is `this.logger`, given to the class. */
  nest?: boolean;
}

/** `fail()` throws this run's error; its stack's first frame names `fail`. */
const FIXTURES: Fixture[] = [
  {
    rule: 'no-silent-catch',
    name: 'empty catch',
    code: `async function loadUserSession() { fail(); }
async function run() {
  try {
    await loadUserSession();
  } catch (err) {}
}
await run();`,
  },
  {
    rule: 'no-silent-catch',
    name: 'noop promise handler',
    code: `async function loadUserSession() { fail(); }
await loadUserSession().catch(() => {});`,
  },
  {
    rule: 'no-silent-catch',
    name: 'fallback value',
    // A failure from outside the process (the session store) turned into a default: reported by
    // default. A same-file function that cannot fail for an outside reason would not be.
    code: `async function sessionsOrDefault() {
  try {
    return await sessions.purge();
  } catch {
    return {};
  }
}
await sessionsOrDefault();`,
  },
  {
    rule: 'require-error-handler-logging',
    name: 'Express error middleware with request fields',
    code: `app.use((err, req, res, next) => {
  res.status(500).json({ message: 'Internal error' });
});
await app.fire();`,
  },
  {
    rule: 'require-error-handler-logging',
    name: 'uncaughtException handler',
    code: `process.on('uncaughtException', (err) => {
  process.exitCode = 1;
});
await process.fire('uncaughtException');`,
  },
  {
    rule: 'no-error-details-in-response',
    name: 'err.message sent to the client',
    code: `async function loadUserSession() { fail(); }
app.get('/settings', async (req, res) => {
  try {
    await loadUserSession();
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});
await app.fire();`,
  },
  {
    rule: 'background-task-error-handling',
    name: 'floating promise in a timer',
    code: `async function purgeSessions() { await sessions.purge(); }
setTimeout(() => {
  purgeSessions();
}, 0);
await setTimeout.fire();`,
  },
  {
    rule: 'background-task-error-handling',
    name: 'async listener wrapped in try/catch',
    code: `socket.on('price', async (tick) => {
  await prices.save(tick);
});
await socket.fire('price');`,
  },
  {
    rule: 'log-error-with-stack',
    name: 'message only',
    code: `async function loadUserSession() { fail(); }
try {
  await loadUserSession();
} catch (err) {
  logger.error('loading settings failed: ' + err.message);
}`,
  },
  {
    rule: 'log-error-with-stack',
    name: 'message and fields',
    code: `async function loadUserSession() { fail(); }
const userId = 7;
try {
  await loadUserSession();
} catch (err) {
  STYLE_CALL
}`,
  },
  {
    rule: 'no-fail-open-auth',
    name: 'token verification failure that let the request through',
    code: `async function authenticate(req, res, next) {
  try {
    req.user = await sessions.verify(req.headers.authorization);
  } catch (err) {
    return next();
  }
  next();
}
app.use(authenticate);
await app.fire();`,
  },
  {
    rule: 'no-silent-catch',
    name: 'Nest service method',
    nest: true,
    code: `class SettingsService {
  constructor(logger) { this.logger = logger; }
  async loadUserSession() { fail(); }
  async get() {
    try {
      await this.loadUserSession();
    } catch (err) {}
  }
}
await new SettingsService(logger).get();`,
  },
];

/** log-error-with-stack's second fixture: a message-only call with fields, in each style's own shape. */
const FIELDS_CALL: Record<Style, string> = {
  pino: "logger.error({ userId }, 'loading settings failed: ' + err.message);",
  bunyan: "logger.error({ userId }, 'loading settings failed: ' + err.message);",
  winston: "logger.error('loading settings failed: ' + err.message, { userId });",
  log4js: "logger.error('loading settings failed: ' + err.message, { userId });",
  console: "logger.error('loading settings failed: ' + err.message, { userId });",
  nest: "logger.error('loading settings failed: ' + err.message);",
};

const GLOBALS = { logger: 'readonly', fail: 'readonly', app: 'readonly', process: 'readonly', setTimeout: 'readonly', socket: 'readonly', sessions: 'readonly', prices: 'readonly' } as const;

/** Apply autofixes, then the first suggestion of each remaining finding of the rule, until nothing changes. */
function fixWithRule(code: string, rule: string, settings: Record<string, unknown>, globals: Record<string, 'readonly'> = GLOBALS, options: unknown[] = []): string {
  const linter = new Linter({ configType: 'flat' });
  const config = [
    {
      plugins: { 'security-logging': plugin as never },
      languageOptions: { sourceType: 'module' as const, ecmaVersion: 'latest' as const, globals },
      settings: { 'security-logging': settings },
      rules: { [`security-logging/${rule}`]: ['error', ...options] as Linter.RuleEntry },
    },
  ];
  let text = linter.verifyAndFix(code, config).output;
  for (let round = 0; round < 10; round++) {
    const messages = linter.verify(text, config);
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`fixed code does not parse: ${fatal.message}\n${text}`);
    const suggestion = messages.find((m) => m.suggestions && m.suggestions.length > 0)?.suggestions?.[0];
    if (!suggestion) break;
    const { range, text: replacement } = suggestion.fix;
    text = text.slice(0, range[0]) + replacement + text.slice(range[1]);
    text = linter.verifyAndFix(text, config).output;
  }
  return text;
}

/** Mocks that call the registered handlers with this run's error. */
function harness(error: Error) {
  const handlers: Array<(...args: unknown[]) => unknown> = [];
  const res = { status: () => res, json: () => res, send: () => res, end: () => res };
  const req = { method: 'GET', originalUrl: '/settings?token=secret', path: '/settings', url: '/settings?token=secret', ip: '127.0.0.1', headers: {} };
  const app = {
    use: (fn: (...args: unknown[]) => unknown) => handlers.push(fn),
    get: (_path: string, fn: (...args: unknown[]) => unknown) => handlers.push(fn),
    fire: async () => {
      for (const h of handlers) await (h.length === 4 ? h(error, req, res, () => {}) : h(req, res, () => {}));
    },
  };
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  const processMock = { on: (event: string, fn: (...args: unknown[]) => unknown) => listeners.set(event, fn), exitCode: 0, fire: async (event: string) => listeners.get(event)?.(error) };
  const socket = { on: (event: string, fn: (...args: unknown[]) => unknown) => listeners.set(event, fn), fire: async (event: string) => listeners.get(event)?.({}) };
  let timer: (() => unknown) | null = null;
  const timeout = Object.assign((fn: () => unknown) => (timer = fn), {
    fire: async () => {
      timer?.();
      // Let the floating promise settle and its .catch run.
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    },
  });
  const fail = () => {
    throw error;
  };
  const failing = { purge: async () => fail(), save: async () => fail(), verify: async () => fail() };
  return { app, process: processMock, socket, setTimeout: timeout, fail, sessions: failing, prices: failing };
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

const STYLES: Style[] = ['pino', 'winston', 'bunyan', 'log4js', 'console'];

describe('fixes keep the error at runtime', () => {
  const cases = FIXTURES.flatMap((fixture) => (fixture.nest ? [[fixture, 'nest' as Style] as const] : STYLES.map((style) => [fixture, style] as const)));
  it.each(cases.map(([f, s]) => [`${f.rule}: ${f.name} (${s})`, f, s] as const))('%s', async (_title, fixture, style) => {
    const settings = { logger: { name: fixture.nest ? 'this.logger' : 'logger', style } };
    const source = fixture.code.replace('STYLE_CALL', FIELDS_CALL[style]);
    const fixed = fixWithRule(source, fixture.rule, settings);
    expect(fixed, 'the rule wrote a fix').not.toBe(source);
    const expression = fixture.nest ? 'this.logger' : 'logger';
    expect(fixed, 'the fix logs with the configured logger').toContain(`${expression}.`);

    const error = new Error(`boom-${fixture.rule}-${style}-${Math.random().toString(36).slice(2)}`);
    const frame = error.stack!.split('\n')[1]!.trim();
    const sink = makeLogger(style);
    const env = harness(error);
    const run = new AsyncFunction('logger', 'fail', 'app', 'process', 'setTimeout', 'socket', 'sessions', 'prices', fixed);
    await run(sink.logger, env.fail, env.app, env.process, env.setTimeout, env.socket, env.sessions, env.prices);
    const output = sink.output();
    expect(output, `message of the error in:\n${fixed}\n--- output ---\n${output}`).toContain(error.message);
    expect(output, `stack of the error in:\n${fixed}\n--- output ---\n${output}`).toContain(frame);
  });
});

/**
 * The shapes docs/guides/logger-setup.md shows: for each logger, the call that keeps the error
 * and the one that loses it (the harness would catch a fix that wrote the losing one).
 */
const SHAPES: Array<{ style: Style; keeps: string; loses: string }> = [
  { style: 'pino', keeps: "logger.error({ err }, 'loading settings failed')", loses: "logger.error({ error: err }, 'loading settings failed')" },
  { style: 'bunyan', keeps: "logger.error(err, 'loading settings failed')", loses: "logger.error({ err }, 'loading settings failed')" },
  { style: 'winston', keeps: "logger.error('loading settings failed', err)", loses: "logger.error('loading settings failed', { err })" },
  { style: 'winston', keeps: "logger.child({ userId }).error('loading settings failed', err)", loses: "logger.error('loading settings failed', { error: err, userId })" },
  { style: 'nest', keeps: "logger.error('loading settings failed', err.stack)", loses: "logger.error('loading settings failed', err.message)" },
  { style: 'console', keeps: "logger.error('loading settings failed', err)", loses: "logger.error('loading settings failed', JSON.stringify(err))" },
  { style: 'log4js', keeps: "logger.error('loading settings failed', err)", loses: "logger.error('loading settings failed: ' + err.message)" },
];

describe('documented shapes (docs/guides/logger-setup.md)', () => {
  it.each(SHAPES.flatMap((s) => [[s.style, 'keeps', s.keeps] as const, [s.style, 'loses', s.loses] as const]))('%s %s: %s', async (style, verdict, call) => {
    const error = new Error(`boom-shape-${Math.random().toString(36).slice(2)}`);
    const frame = error.stack!.split('\n')[1]!.trim();
    const sink = makeLogger(style);
    const run = new AsyncFunction('logger', 'err', 'userId', `${call};`);
    await run(sink.logger, error, 7);
    const output = sink.output();
    const kept = output.includes(frame);
    expect(kept, `${call} → ${output}`).toBe(verdict === 'keeps');
    if (verdict === 'keeps') expect(output).toContain(error.message);
  });
});

/**
 * Fixes that log an event rather than a caught error (an access-control refusal, a rate-limit hit,
 * a validation failure): the exact fixed text runs with each real logger against a request whose
 * URL carries a token in its query string. The line must be written with its message and the
 * request path, and must not hold the query string.
 */
interface EventFixture {
  rule: string;
  name: string;
  code: string;
  /** Text the log line must hold (besides the path). */
  expects: string[];
  /** The line holds the request path (default true). */
  logsPath?: boolean;
  /** The rule's options (the auth-log schema: requiredFields, eventField). */
  options?: unknown[];
}

const AUTH_SCHEMA = { requiredFields: ['ip', 'reason'], eventField: { key: 'event', prefix: 'auth.' } };

const EVENT_FIXTURES: EventFixture[] = [
  {
    rule: 'log-auth-failures',
    name: 'login refused with 401',
    code: `app.post('/settings', async (req, res) => {
  const user = await users.findByEmail(req.body.email);
  if (!user) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ ok: true });
});
await app.fire();`,
    expects: ['Authentication failed', 'unauthorized'],
  },
  {
    rule: 'log-auth-failures',
    name: 'role check refused with 403',
    code: `app.get('/settings', (req, res) => {
  if (req.user.role !== 'admin') {
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json({ ok: true });
});
await app.fire();`,
    expects: ['denied'],
  },
  {
    rule: 'log-rate-limit-violations',
    name: 'hand-written 429',
    code: `app.post('/settings', (req, res) => {
  if (limiter.isLimited(req.ip)) {
    return res.status(429).json({ error: 'Too many requests' });
  }
  res.json({ ok: true });
});
await app.fire();`,
    expects: ['Rate limit exceeded'],
  },
  {
    rule: 'log-rate-limit-violations',
    name: 'express-rate-limit without a handler',
    code: `import rateLimit from 'express-rate-limit';
app.use(rateLimit({ windowMs: 60000, limit: 5 }));
await app.fire();`,
    expects: ['Rate limit exceeded'],
  },
  {
    rule: 'log-auth-success',
    name: 'login answered with a token',
    code: `import bcrypt from 'bcrypt';
app.post('/login', async (req, res) => {
  const user = await accounts.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials' }, 'Login failed');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  const userId = user.id;
  res.json({ token: sign(userId) });
});
await app.fire();`,
    expects: ['Login succeeded', 'account-7', '203.0.113.9'],
    // The success line names the principal and the client, not the route.
    logsPath: false,
  },
  // --- the auth-log schema (requiredFields, eventField): the fields the fixes write reach the output ---
  {
    rule: 'log-auth-failures',
    name: 'requiredFields + eventField: fields added to a bare warn',
    code: `app.get('/settings', (req, res) => {
  if (req.user.role !== 'admin') {
    logger.warn(\`Access denied for \${req.user.id}\`);
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json({ ok: true });
});
await app.fire();`,
    options: [AUTH_SCHEMA],
    expects: ['Access denied for 7', '203.0.113.9', 'forbidden', 'auth.access_denied'],
    logsPath: false,
  },
  {
    rule: 'log-auth-failures',
    name: 'eventField: the inserted log carries the event name',
    code: `app.get('/settings', (req, res) => {
  if (req.user.role !== 'admin') {
    return res.status(403).json({ error: 'Forbidden' });
  }
  res.json({ ok: true });
});
await app.fire();`,
    options: [AUTH_SCHEMA],
    expects: ['Access denied', '203.0.113.9', 'forbidden', 'auth.access_denied'],
  },
  {
    rule: 'log-auth-success',
    name: 'requiredFields + eventField: fields added to the success log',
    code: `app.post('/login', async (req, res) => {
  const user = await accounts.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'Invalid credentials' });
  const userId = user.id;
  logger.info(\`Login succeeded for \${userId}\`);
  res.json({ token: sign(userId) });
});
await app.fire();`,
    options: [{ requiredFields: ['ip'], eventField: { key: 'event', prefix: 'auth.' } }],
    expects: ['Login succeeded for account-7', '203.0.113.9', 'auth.login_success'],
    logsPath: false,
  },
  {
    rule: 'log-auth-success',
    name: 'eventField: the inserted success log carries the event name',
    code: `app.post('/login', async (req, res) => {
  const user = await accounts.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).json({ error: 'Invalid credentials' });
  const userId = user.id;
  res.json({ token: sign(userId) });
});
await app.fire();`,
    options: [{ requiredFields: ['ip'], eventField: { key: 'event', prefix: 'auth.' } }],
    expects: ['Login succeeded', 'account-7', '203.0.113.9', 'auth.login_success'],
    logsPath: false,
  },
  {
    rule: 'log-validation-failures',
    name: 'zod safeParse answered 400',
    code: `app.post('/settings', (req, res) => {
  const result = schema.safeParse(req.body);
  if (!result.success) return res.status(400).json({ error: 'Invalid body' });
  res.json({ ok: true });
});
await app.fire();`,
    expects: ['validation failed', 'invalid_type', 'name'],
    // The validation log names the failing fields, not the request.
    logsPath: false,
  },
];

const EVENT_GLOBALS = ['logger', 'app', 'users', 'limiter', 'rateLimit', 'schema', 'accounts', 'bcrypt', 'sign'] as const;

/** An Express-like app whose routes run once, on a request for /settings?token=… . */
function eventHarness() {
  const handlers: Array<(...args: unknown[]) => unknown> = [];
  const res = {
    statusCode: 200,
    writableEnded: false,
    status: (code: number) => ((res.statusCode = code), res),
    json: () => ((res.writableEnded = true), res),
    send: (_body?: unknown) => ((res.writableEnded = true), res),
    end: () => ((res.writableEnded = true), res),
    sendStatus: () => res,
  };
  const req = {
    method: 'POST',
    originalUrl: '/settings?token=QUERY-SECRET',
    url: '/settings?token=QUERY-SECRET',
    path: '/settings',
    ip: '203.0.113.9',
    headers: { 'user-agent': 'runtime-test' },
    body: { email: 'someone@example.com', name: 42 },
    user: { id: 7, role: 'viewer' },
    get: (name: string) => (name.toLowerCase() === 'user-agent' ? 'runtime-test' : undefined),
  };
  const register = (...args: unknown[]) => {
    const fn = args.at(-1);
    if (typeof fn === 'function') handlers.push(fn as (...a: unknown[]) => unknown);
  };
  const app = {
    use: register,
    get: register,
    post: register,
    fire: async () => {
      for (const h of handlers) await h(req, res, () => {});
    },
  };
  const users = { findByEmail: async () => null };
  const limiter = { isLimited: () => true };
  // express-rate-limit's contract for `handler`: called with (req, res, next, options) once the limit is hit.
  const rateLimit = (options: Record<string, unknown>) => async (rq: unknown, rs: unknown, next: () => void) => {
    const handler = options.handler as ((...a: unknown[]) => unknown) | undefined;
    if (!handler) return void res.status(429).send('Too many requests, please try again later.');
    await handler(rq, rs, next, { ...options, statusCode: 429, message: 'Too many requests, please try again later.' });
  };
  // zod's SafeParseReturnType for a body whose `name` is not a string.
  const schema = {
    safeParse: () => ({ success: false, error: { issues: [{ path: ['name'], code: 'invalid_type', message: 'Expected string, received number' }] } }),
  };
  // A login that succeeds: the account exists and the password matches.
  const accounts = { findByEmail: async () => ({ id: 'account-7', hash: 'stored-hash' }) };
  const bcrypt = { compare: async () => true };
  const sign = (id: unknown) => `token-for-${String(id)}`;
  return { app, users, limiter, rateLimit, schema, accounts, bcrypt, sign, res };
}

describe('fixes that log an event write it with each real logger', () => {
  const cases = EVENT_FIXTURES.flatMap((f) => STYLES.map((style) => [`${f.rule}: ${f.name} (${style})`, f, style] as const));
  it.each(cases)('%s', async (_title, fixture, style) => {
    const fixed = fixWithRule(fixture.code, fixture.rule, { logger: { name: 'logger', style } }, Object.fromEntries(EVENT_GLOBALS.map((g) => [g, 'readonly' as const])), fixture.options);
    expect(fixed, 'the rule wrote a fix').not.toBe(fixture.code);
    expect(fixed, 'the fix logs with the configured logger').toContain('logger.');
    const sink = makeLogger(style);
    const env = eventHarness();
    // The module's imports are the harness's globals (`rateLimit`).
    const run = new AsyncFunction(...EVENT_GLOBALS, fixed.replace(/^import .*$/gmu, ''));
    await run(sink.logger, env.app, env.users, env.limiter, env.rateLimit, env.schema, env.accounts, env.bcrypt, env.sign);
    const output = sink.output();
    for (const text of fixture.expects) expect(output, `"${text}" in:\n${fixed}\n--- output ---\n${output}`).toContain(text);
    if (fixture.logsPath !== false) expect(output, `path in:\n${fixed}\n--- output ---\n${output}`).toContain('/settings');
    expect(output, `query string kept out of:\n${fixed}\n--- output ---\n${output}`).not.toContain('QUERY-SECRET');
    expect(env.res.writableEnded, 'the request is still answered').toBe(true);
  });
});

/**
 * require-request-id's suggestion moves a module-level pino call inside a handler to the request's
 * logger (`logger.error({ err }, …)` → `req.log.error({ err }, …)`): the changed call, run with the
 * real pino-http child logger, still writes the error's message and stack, and now the request id.
 */
describe('require-request-id: the switched log call keeps the error', () => {
  it('req.log from real pino-http', async () => {
    const code = `import pino from 'pino';
import pinoHttp from 'pino-http';
const logger = pino();
app.use(pinoHttp({ logger, genReqId: () => 'req-42' }));
app.get('/a', (req, res) => {
  req.log.info('a');
  res.end();
});
app.get('/settings', async (req, res) => {
  try {
    await loadUserSession();
  } catch (err) {
    logger.error({ err }, 'loading the session failed');
  }
  res.end();
});`;
    const linter = new Linter({ configType: 'flat' });
    const config = [{ plugins: { 'security-logging': plugin as never }, languageOptions: { sourceType: 'module' as const }, rules: { 'security-logging/require-request-id': 'error' as const } }];
    const suggestion = linter.verify(code, config).find((m) => m.messageId === 'moduleLoggerInHandler')?.suggestions?.[0];
    expect(suggestion).toBeDefined();
    const fixed = code.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + code.slice(suggestion!.fix.range[1]);
    expect(fixed).toContain('req.log.error({ err }');

    const error = new Error(`boom-request-id-${Math.random().toString(36).slice(2)}`);
    const frame = error.stack!.split('\n')[1]!.trim();
    const chunks: string[] = [];
    const base = pino({}, memoryStream(chunks));
    const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => unknown>();
    const middleware: Array<(req: IncomingMessage, res: ServerResponse, next: () => void) => void> = [];
    const app = {
      use: (fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void) => middleware.push(fn),
      get: (path: string, fn: (req: IncomingMessage, res: ServerResponse) => unknown) => routes.set(path, fn),
    };
    const body = fixed.replace(/^import .*$/gmu, '');
    const setup = new Function('app', 'pino', 'pinoHttp', 'loadUserSession', 'randomUUID', body);
    setup(app, () => base, pinoHttp, async () => { throw error; }, () => 'unused');
    const server = createServer((req, res) => {
      middleware[0]!(req, res, () => void routes.get('/settings')!(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/settings`);
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const line = chunks.find((c) => c.includes('loading the session failed')) ?? '';
    expect(line, chunks.join('')).toContain(error.message);
    expect(line).toContain(frame.replace(/\\/gu, '\\\\'));
    expect(line).toContain('req-42');
  });
});

/**
 * require-request-logging's suggestion: the exact middleware call it inserts, run with the real
 * pino-http / express-winston on a real HTTP request that carries credentials. The log line must
 * be written and must not contain the Authorization, Cookie, X-API-Key or set-cookie values.
 */
describe('request-logging setup the suggestion inserts', () => {
  const code = `import express from 'express';\n\nconst app = express();\napp.listen(3000);\n`;

  function suggestedLine(dependencies: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'rrl-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { express: '5.0.0', ...dependencies } }));
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const filename = join(dir, 'server.js');
    const messages = linter.verify(code, [{ files: ['**/*.js'], plugins: { 'security-logging': plugin as never }, rules: { 'security-logging/require-request-logging': 'error' } }], { filename });
    const suggestion = messages[0]?.suggestions?.[0];
    expect(suggestion, JSON.stringify(messages)).toBeDefined();
    const fixed = code.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + code.slice(suggestion!.fix.range[1]);
    const line = /^app\.use\((.*)\);$/mu.exec(fixed)?.[1];
    expect(line, fixed).toBeDefined();
    return line!;
  }

  async function request(middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): Promise<void> {
    const server = createServer((req, res) =>
      middleware(req, res, () => {
        res.setHeader('set-cookie', 'sid=SECRET-SET-COOKIE');
        res.end('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/orders?page=2`, {
      headers: { authorization: 'Bearer SECRET-TOKEN', cookie: 'sid=SECRET-COOKIE', 'x-api-key': 'SECRET-KEY' },
    });
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** no-credentials-in-request-log's "log the URL without its query" suggestion, applied to `code`: the options object it leaves. */
  function strippedOptions(code: string, call: RegExp): string {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [{ plugins: { 'security-logging': plugin as never }, languageOptions: { sourceType: 'module' }, rules: { 'security-logging/no-credentials-in-request-log': 'error' } }]);
    const suggestion = messages.find((m) => m.messageId === 'secretInUrl')?.suggestions?.[0];
    expect(suggestion, JSON.stringify(messages)).toBeDefined();
    const fixed = code.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + code.slice(suggestion!.fix.range[1]);
    const options = call.exec(fixed)?.[1];
    expect(options, fixed).toBeDefined();
    return options!;
  }

  it('pino-http: the suggested req serializer logs the path without the query string', async () => {
    const code =
      "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers[\"x-api-key\"]', 'res.headers[\"set-cookie\"]'] }));\napp.get('/orders', (req, res) => res.json(list(req.query.token)));\n";
    const options = new Function(`return ${strippedOptions(code, /pinoHttp\((\{.*\})\)\);/u)};`)() as Record<string, unknown>;
    const chunks: string[] = [];
    await request(pinoHttp({ ...options, logger: pino({}, memoryStream(chunks)) }) as never);
    const output = chunks.join('');
    expect(output).toContain('/orders');
    expect(output).not.toContain('page=2');
    expect(output).not.toMatch(/SECRET/u);
  });

  it('express-winston: the suggested requestFilter logs the path without the query string', async () => {
    const code =
      "import expressWinston from 'express-winston';\napp.use(expressWinston.logger({ transports: [new winston.transports.Console()], headerBlacklist: ['authorization', 'cookie', 'x-api-key'] }));\napp.get('/orders', (req, res) => res.json(list(req.query.api_key)));\n";
    const chunks: string[] = [];
    const stream = memoryStream(chunks);
    const memoryWinston = { ...winston, transports: { ...winston.transports, Console: class extends winston.transports.Stream { constructor() { super({ stream }); } } } };
    const middleware = new Function('expressWinston', 'winston', `return expressWinston.logger(${strippedOptions(code, /expressWinston\.logger\((\{.*\})\)\);/u)});`)(expressWinston, memoryWinston);
    await request(middleware);
    const output = chunks.join('');
    expect(output).toContain('/orders');
    expect(output).not.toContain('page=2');
    expect(output).not.toMatch(/SECRET/u);
  });

  it('pino-http with redact', async () => {
    const line = suggestedLine({ 'pino-http': '11.0.0' });
    expect(line).toContain('pinoHttp(');
    const chunks: string[] = [];
    const logger = pino({}, memoryStream(chunks));
    // The inserted options object, with our in-memory logger added.
    const options = new Function(`return ${line.replace(/^pinoHttp\((.*)\)$/su, '$1')};`)() as Record<string, unknown>;
    await request(pinoHttp({ ...options, logger }) as never);
    const output = chunks.join('');
    expect(output).toContain('/orders');
    expect(output).not.toMatch(/SECRET/u);
  });

  it('express-winston with headerBlacklist', async () => {
    const line = suggestedLine({ 'express-winston': '4.2.0', winston: '3.19.0' });
    expect(line).toContain('expressWinston.logger(');
    const chunks: string[] = [];
    const stream = memoryStream(chunks);
    // Evaluate the exact text, with winston's Console transport writing into memory.
    const memoryWinston = { ...winston, transports: { ...winston.transports, Console: class extends winston.transports.Stream { constructor() { super({ stream }); } } } };
    const middleware = new Function('expressWinston', 'winston', `return ${line};`)(expressWinston, memoryWinston);
    await request(middleware);
    const output = chunks.join('');
    expect(output).toContain('/orders');
    expect(output).not.toMatch(/SECRET/u);
  });
});
