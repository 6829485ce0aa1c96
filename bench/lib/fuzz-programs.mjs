/**
 * Program generators for fuzzing the rules.
 *
 * - `programArbitrary()`: a fast-check arbitrary of whole files built from templates of the
 *   shapes the rules reason about — catch clauses, promise chains, logger calls, route handlers
 *   (Express, Koa, Fastify, Hono, Next.js, NestJS), auth failures, error responses and
 *   background work (timers, cron, emitters, bullmq workers) — nested at random, in JavaScript
 *   (ES module or CommonJS) or TypeScript (decorators, `satisfies`, `as`, `!`, generics, enums),
 *   sometimes JSX, under random `settings['security-logging']`. Generated to be valid by
 *   construction (`return` only in functions, `await` only where allowed, `break` only in loops),
 *   and shrinkable by fast-check to a minimal failing program.
 * - `eslumpProgram(seed)`: a random, syntactically wild program from eslump (shift-fuzzer), made
 *   reproducible by seeding `Math.random` while it generates.
 */
import fc from 'fast-check';
import { generateRandomJS } from 'eslump';

const ERROR_NAMES = ['err', 'e', 'error', 'ex', '_e', 'cause'];

/** Logger expressions that are valid anywhere (free names are fine: rules never require a definition). */
const LOGGERS = [
  'console.error',
  'console.log',
  'console.warn',
  'console.info',
  'logger.error',
  'logger.warn',
  'logger.info',
  'logger.debug',
  'log.error',
  'winston.error',
  'app.log.error',
  'fastify.log.warn',
  'audit.warn',
  'Logger.error',
  'logError',
  'Sentry.captureException',
];
const REQUEST_LOGGERS = { express: 'req.log', fastify: 'request.log', koa: 'ctx.log', hono: 'c.var.logger', next: 'logger', nest: 'this.logger', plain: 'logger' };

const SECRETS = ['password', 'token', 'apiKey', 'secret', 'authorization', 'cookie', 'refreshToken', 'user', 'data', 'id'];

/** @param {string[]} items */
const pick = (items) => fc.constantFrom(...items);

/**
 * @typedef {{ fn: boolean, async: boolean, loop: boolean, err: string | null, framework: keyof typeof REQUEST_LOGGERS, ts: boolean, inClass: boolean, generator: boolean }} Ctx
 */

function errorExpr(ctx) {
  return ctx.err ? fc.constantFrom(ctx.err, `${ctx.err}.message`, `${ctx.err}.stack`, `String(${ctx.err})`, `\`\${${ctx.err}}\``, `JSON.stringify(${ctx.err})`) : pick(["new Error('failed')", 'reason', 'result.error']);
}

function requestValue(ctx) {
  switch (ctx.framework) {
    case 'express':
      return pick(['req.body', 'req.query.q', 'req.params.id', 'req.headers.authorization', "req.get('user-agent')", 'req.ip', 'req.user', 'req.cookies.session', 'req.body.password']);
    case 'fastify':
      return pick(['request.body', 'request.query.q', 'request.headers.authorization', 'request.ip', 'request.params.id']);
    case 'koa':
      return pick(['ctx.request.body', 'ctx.query.q', 'ctx.headers.authorization', 'ctx.ip', 'ctx.params.id', 'ctx.cookies.get("sid")']);
    case 'hono':
      return pick(["c.req.query('q')", "c.req.header('authorization')", "c.req.param('id')", 'await c.req.json()'].filter((v) => ctx.async || !v.startsWith('await')));
    case 'next':
      return pick(["request.nextUrl.searchParams.get('q')", "request.headers.get('authorization')", 'request.url']);
    case 'nest':
      return pick(['id', 'body', 'body.password', 'dto.email', 'req.headers.authorization']);
    default:
      return pick(['input', 'user.password', 'body.token', 'options.apiKey', 'process.env.SECRET', 'config.db.password']);
  }
}

function logArgs(ctx) {
  const e = errorExpr(ctx);
  const v = requestValue(ctx);
  return fc.oneof(
    e.map((x) => x),
    e.map((x) => `'operation failed', ${x}`),
    e.map((x) => `{ err: ${x} }, 'operation failed'`),
    e.map((x) => `\`failed: \${${x}}\``),
    e.map((x) => `'failed: ' + ${x}`),
    v.map((x) => `\`user \${${x}} logged in\``),
    v.map((x) => `'login ' + ${x}`),
    v.map((x) => `{ value: ${x} }, 'request'`),
    pick(SECRETS).map((s) => `{ ${s} }`),
    pick(SECRETS).map((s) => `\`${s}=\${${s}}\``),
    pick(SECRETS).map((s) => `'${s}', ${s}`),
    fc.constant("'done'"),
    fc.constant(''),
  );
}

function logStatement(ctx) {
  const requestLogger = REQUEST_LOGGERS[ctx.framework];
  const loggers = ctx.inClass ? [...LOGGERS, 'this.logger.error', 'this.logger.warn', 'this.logger.log'] : LOGGERS;
  return fc
    .tuple(fc.oneof(pick(loggers), pick([`${requestLogger}.error`, `${requestLogger}.warn`, `${requestLogger}.info`])), logArgs(ctx), fc.boolean())
    .map(([logger, args, optional]) => `${optional && logger.includes('.') ? logger.replace('.', '?.') : logger}(${args});`);
}

function respondStatement(ctx) {
  const e = errorExpr(ctx);
  const status = pick(['400', '401', '403', '404', '429', '500', '502']);
  const body = fc.oneof(e.map((x) => `{ error: ${x} }`), fc.constant("{ error: 'Unauthorized' }"), e, fc.constant("'Forbidden'"));
  const ret = ctx.fn && !ctx.generator ? 'return ' : '';
  switch (ctx.framework) {
    case 'express':
      return fc.tuple(status, body).map(([s, b]) => `${ret}res.status(${s}).json(${b});`);
    case 'fastify':
      return fc.tuple(status, body).map(([s, b]) => `${ret}reply.code(${s}).send(${b});`);
    case 'koa':
      return fc.oneof(
        fc.tuple(status, body).map(([s, b]) => `ctx.status = ${s}; ctx.body = ${b};`),
        status.map((s) => `ctx.throw(${s}, 'denied');`),
      );
    case 'hono':
      return fc.tuple(status, body).map(([s, b]) => `${ret}c.json(${b}, ${s});`);
    case 'next':
      return fc.tuple(status, body).map(([s, b]) => `${ret}Response.json(${b}, { status: ${s} });`);
    case 'nest':
      return pick([
        'throw new UnauthorizedException();',
        "throw new ForbiddenException('no access');",
        `throw new BadRequestException(${ctx.err ?? "'invalid'"});`,
        "throw new HttpException('Forbidden', HttpStatus.FORBIDDEN);",
      ]);
    default:
      return fc.tuple(status, body).map(([s, b]) => `${ret}res.status(${s}).send(${b});`);
  }
}

function throwStatement(ctx) {
  const options = ["throw new Error('failed');", "throw new UnauthorizedException('bad token');", "throw new HTTPException(401, { message: 'Unauthorized' });", "throw Object.assign(new Error('denied'), { status: 403 });"];
  if (ctx.err) options.push(`throw ${ctx.err};`, `throw new Error('wrapped', { cause: ${ctx.err} });`, `throw new AppError(${ctx.err}.message);`);
  return pick(options);
}

function handoffStatement(ctx) {
  const options = ['callback(null, result);', 'done();'];
  if (ctx.err) options.push(`next(${ctx.err});`, `reject(${ctx.err});`, `done(${ctx.err});`, `emitter.emit('error', ${ctx.err});`, `handleError(${ctx.err});`, `return next(${ctx.err});`);
  if (ctx.framework === 'express') options.push("next('route');", 'next();');
  return pick(options.filter((s) => ctx.fn || !s.startsWith('return')));
}

function promiseStatement(ctx, depth) {
  const call = pick(['save(user)', 'db.query(sql)', 'fetch(url)', 'queue.add("job", data)', 'this.service.run()', 'Promise.resolve()', 'job.remove()']);
  const handler = stmts({ ...ctx, fn: true, async: false, loop: false, err: 'e', generator: false }, depth + 1, 2);
  const awaitable = ctx.async && !ctx.generator;
  return fc.oneof(
    call.map((c) => `${c};`),
    call.map((c) => `void ${c};`),
    call.map((c) => (awaitable ? `await ${c};` : `${c};`)),
    fc.tuple(call, handler).map(([c, h]) => `${c}.catch((e) => {\n${h}\n});`),
    fc.tuple(call, handler).map(([c, h]) => `${c}.then((r) => r, function (e) {\n${h}\n});`),
    fc.tuple(call, handler).map(([c, h]) => `${c}.catch(function onError(e) { ${h} }).finally(() => {});`),
    call.map((c) => `${c}.catch(() => {});`),
    call.map((c) => `${c}.catch(console.error);`),
    call.map((c) => `${c}.catch(noop);`),
    fc.tuple(call, handler).map(([c, h]) => `const p = ${c};\np.then(() => {}, (e) => { ${h} });`),
    handler.map((h) => `new Promise((resolve, reject) => {\n  stream.on('error', (e) => { ${h} });\n});`),
    call.map((c) => `Promise.all([${c}, other()]).then(done);`),
    call.map((c) => (awaitable ? `const [a, b] = await Promise.allSettled([${c}]);` : `Promise.allSettled([${c}]);`)),
  );
}

function tryStatement(ctx, depth) {
  const name = pick(ERROR_NAMES);
  return fc
    .tuple(
      stmts(ctx, depth + 1, 3),
      name,
      fc.constantFrom('ident', 'ident', 'ident', 'none', 'destructure', 'typed'),
      fc.boolean(),
      fc.option(stmts(ctx, depth + 1, 2), { nil: null }),
    )
    .chain(([body, errName, bindingKind, emptyCatch, finalizer]) => {
      const catchCtx = { ...ctx, err: bindingKind === 'ident' || bindingKind === 'typed' ? errName : null };
      const binding =
        bindingKind === 'none' ? '' : bindingKind === 'destructure' ? ' ({ message, code })' : bindingKind === 'typed' && ctx.ts ? ` (${errName}: unknown)` : ` (${errName})`;
      const handler = emptyCatch ? fc.constantFrom('', '// ignore: best effort', '/* expected when offline */') : stmts(catchCtx, depth + 1, 3);
      return handler.map((h) => `try {\n${body}\n} catch${binding} {\n${h}\n}${finalizer === null ? '' : ` finally {\n${finalizer}\n}`}`);
    });
}

function controlStatement(ctx, depth) {
  const cond = fc.oneof(pick(['!user', 'err', 'ok', "typeof x === 'string'", '!isValid(token)', 'user?.role !== "admin"', 'attempts > 5']), requestValue(ctx).map((v) => `!${v.replace(/^await /u, '')}`));
  const inner = stmts(ctx, depth + 1, 2);
  const loopInner = stmts({ ...ctx, loop: true }, depth + 1, 2);
  return fc.oneof(
    fc.tuple(cond, inner).map(([c, b]) => `if (${c}) {\n${b}\n}`),
    fc.tuple(cond, inner, inner).map(([c, a, b]) => `if (${c}) {\n${a}\n} else {\n${b}\n}`),
    fc.tuple(cond, logStatement(ctx)).map(([c, l]) => `if (${c}) ${l}`),
    fc.tuple(cond, respondStatement(ctx)).map(([c, r]) => `if (${c}) ${r}`),
    loopInner.map((b) => `for (const item of items) {\n${b}\n}`),
    loopInner.map((b) => `while (retries-- > 0) {\n${b}\nbreak;\n}`),
    fc.tuple(inner, inner).map(([a, b]) => `switch (kind) {\n  case 'a': {\n${a}\n    break;\n  }\n  default:\n${b}\n}`),
    inner.map((b) => `block${depth}: {\n${b}\nbreak block${depth};\n}`),
    inner.map((b) => `{\n${b}\n}`),
  );
}

function backgroundStatement(ctx, depth) {
  const bodyCtx = { ...ctx, fn: true, async: true, loop: false, err: null, inClass: false, generator: false, framework: 'plain' };
  const body = stmts(bodyCtx, depth + 1, 3);
  const syncBody = stmts({ ...bodyCtx, async: false }, depth + 1, 2);
  return fc.oneof(
    body.map((b) => `setInterval(async () => {\n${b}\n}, 60_000);`),
    body.map((b) => `setTimeout(async function tick() {\n${b}\n}, 1000);`),
    body.map((b) => `cron.schedule('*/5 * * * *', async () => {\n${b}\n});`),
    body.map((b) => `emitter.on('message', async (msg) => {\n${b}\n});`),
    body.map((b) => `process.on('SIGTERM', async () => {\n${b}\n});`),
    syncBody.map((b) => `process.on('unhandledRejection', (reason) => {\n${b}\n});`),
    body.map((b) => `const worker = new Worker('emails', async (job) => {\n${b}\n}, { connection });`),
    syncBody.map((b) => `worker.on('failed', (job, err) => {\n${b}\n});`),
    body.map((b) => `queue.process(async (job) => {\n${b}\n});`),
    body.map((b) => `server.on('request', async (req, res) => {\n${b}\n});`),
  );
}

const DECLARED_SECRETS = ['password', 'token', 'apiKey', 'secret', 'authorization', 'cookie', 'refreshToken', 'sessionId'];

function declarationStatement(ctx) {
  const v = requestValue(ctx);
  return fc.oneof(
    fc.tuple(pick(DECLARED_SECRETS), v).map(([name, value]) => `const ${name} = ${value};`),
    v.map((value) => `let user = ${ctx.async && !ctx.generator ? 'await ' : ''}users.find(${value.replace(/^await /u, '')});`),
    pick(['const { password: _pw, ...safe } = user;', 'const hash = crypto.createHash("sha256").update(token).digest("hex");', 'let attempts = 0;', 'const result = compute();', 'const self = this;']),
    fc.constant(ctx.ts ? 'const opts = { level: "warn" } satisfies LogOptions;' : 'const opts = { level: "warn" };'),
    fc.constant(ctx.ts ? 'const u = (req as any).user as User;' : 'const u = req.user;'),
    fc.constant(ctx.ts ? 'const itemId = params!.id;' : 'const itemId = params.id;'),
  );
}

/** Names a statement declares in its block (`const x`, `let { a: b, ...c }`, `const [d, e]`). */
function declaredNames(statement) {
  const match = /^(?:const|let) (?:([\w$]+)|\{([^}]*)\}|\[([^\]]*)\])/u.exec(statement);
  if (!match) return [];
  if (match[1]) return [match[1]];
  return (match[2] ?? match[3])
    .split(',')
    .map((part) => part.split(':').pop().replace('...', '').trim())
    .filter(Boolean);
}

/** Drop a statement that would redeclare a name of its block (a syntax error, not a program worth fuzzing). */
function withoutRedeclarations(list) {
  const declared = new Set();
  return list.filter((statement) => {
    const names = declaredNames(statement);
    if (names.some((name) => declared.has(name))) return false;
    for (const name of names) declared.add(name);
    return true;
  });
}

function simpleStatement(ctx, depth) {
  const options = [logStatement(ctx), logStatement(ctx), respondStatement(ctx), throwStatement(ctx), handoffStatement(ctx), declarationStatement(ctx), pick(['return;', 'return null;', 'return false;', 'return true;', 'return result;'])];
  if (!ctx.fn) options.pop();
  if (ctx.loop) options.push(pick(['break;', 'continue;']));
  if (ctx.generator) options.push(fc.constant('yield item;'));
  if (depth < 3) options.push(promiseStatement(ctx, depth));
  return fc.oneof(...options);
}

/** @type {Map<string, fc.Arbitrary<string>>} */
const memo = new Map();

/**
 * A block of 0..max statements in context `ctx`.
 * @param {Ctx} ctx
 * @param {number} depth
 * @param {number} max
 */
function stmts(ctx, depth, max) {
  const key = `${JSON.stringify(ctx)}:${depth}:${max}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const statement =
    depth >= 3
      ? simpleStatement(ctx, depth)
      : fc.oneof(
          { weight: 5, arbitrary: simpleStatement(ctx, depth) },
          { weight: 3, arbitrary: fc.constant(null).chain(() => tryStatement(ctx, depth)) },
          { weight: 2, arbitrary: fc.constant(null).chain(() => controlStatement(ctx, depth)) },
          { weight: 1, arbitrary: fc.constant(null).chain(() => backgroundStatement(ctx, depth)) },
        );
  const block = fc.array(statement, { minLength: 0, maxLength: max }).map((list) => withoutRedeclarations(list).join('\n'));
  memo.set(key, block);
  return block;
}

const BASE = { fn: true, async: true, loop: false, err: null, inClass: false, generator: false };

/**
 * Top-level units: handlers and functions of each framework, each with a kind (a file holds each
 * kind at most once, so no declaration repeats).
 * @param {boolean} ts
 * @param {boolean} cjs
 * @returns {fc.Arbitrary<{ kind: string, code: string }>}
 */
function unit(ts, cjs) {
  const t = (annotation) => (ts ? `: ${annotation}` : '');
  const body = (framework, extra = {}) => stmts({ ...BASE, framework, ts, ...extra }, 0, 4);
  const handlerBody = (framework) => fc.boolean().chain((isAsync) => body(framework, { async: isAsync }).map((b) => [isAsync ? 'async ' : '', b]));
  /** @type {[string, fc.Arbitrary<string>][]} */
  const units = [
    [
      'express-route',
      fc
        .tuple(pick(['get', 'post', 'put', 'delete', 'use']), handlerBody('express'))
        .map(([m, [a, b]]) => `app.${m}('/api/items/:id', ${a}(req${t('Request')}, res${t('Response')}, next${t('NextFunction')}) => {\n${b}\n});`),
    ],
    ['express-login', handlerBody('express').map(([a, b]) => `router.post('/login', passport.authenticate('local'), ${a}function login(req, res) {\n${b}\n});`)],
    [
      'express-error',
      body('express', { async: false, err: 'err' }).map((b) => `app.use((err${t('Error')}, req${t('Request')}, res${t('Response')}, next${t('NextFunction')}) => {\n${b}\n});`),
    ],
    ['koa', body('koa').map((b) => `app.use(async (ctx${t('Context')}, next${t('Next')}) => {\n${b}\nawait next();\n});`)],
    ['fastify-route', handlerBody('fastify').map(([a, b]) => `fastify.get('/items', ${a}(request${t('FastifyRequest')}, reply${t('FastifyReply')}) => {\n${b}\n});`)],
    ['fastify-error', body('fastify', { async: false, err: 'error' }).map((b) => `fastify.setErrorHandler(function (error, request, reply) {\n${b}\n});`)],
    ['fastify-hook', body('fastify').map((b) => `fastify.addHook('onRequest', async (request, reply) => {\n${b}\n});`)],
    ['hono', handlerBody('hono').map(([a, b]) => `app.get('/me', ${a}(c${t('Context')}) => {\n${b}\n});`)],
    ['hono-error', body('hono', { async: false, err: 'err' }).map((b) => `app.onError((err, c) => {\n${b}\n});`)],
    ['generator', body('plain', { async: false, generator: true }).map((b) => `function* items(list) {\nfor (const item of list) {\n${b}\n}\n}`)],
    ['cjs-export', body('plain').map((b) => `module.exports.run = async function run(options) {\n${b}\n};`)],
    ['object', body('plain').map((b) => `const service = {\n  async load(id) {\n${b}\n  },\n  get name() { return 'svc'; },\n};`)],
    ['jwt', body('plain', { async: false, err: 'err' }).map((b) => `jwt.verify(token, secret, (err, decoded) => {\n${b}\n});`)],
    ['callback', body('plain', { async: false, err: 'err' }).map((b) => `fs.readFile(path, function (err, data) {\n${b}\n});`)],
    ['top-level', stmts({ ...BASE, fn: false, framework: 'plain', ts, async: !cjs }, 0, 3)],
    [
      'nest-controller',
      fc.tuple(body('nest', { inClass: true }), body('nest', { inClass: true, async: false })).map(([a, b]) =>
        ts
          ? `@Controller('users')\nexport class UsersController {\n  private readonly logger = new Logger(UsersController.name);\n  constructor(private readonly service: UsersService) {}\n  @Post('login')\n  async login(@Body() body: LoginDto, @Param('id') id: string): Promise<User> {\n${a}\n  }\n  @Get()\n  find(@Req() req: Request) {\n${b}\n  }\n}`
          : `${cjs ? '' : 'export '}class UsersController {\n  logger = new Logger(UsersController.name);\n  async login(body, id) {\n${a}\n  }\n  find(req) {\n${b}\n  }\n}`,
      ),
    ],
    [
      'nest-guard',
      body('nest', { inClass: true, async: false }).map((b) =>
        ts
          ? `@Injectable()\nexport class AuthGuard implements CanActivate {\n  private readonly logger = new Logger(AuthGuard.name);\n  canActivate(context: ExecutionContext): boolean {\n  const req = context.switchToHttp().getRequest<Request>();\n${b}\n  return true;\n  }\n}`
          : `class AuthGuard {\n  canActivate(context) {\n  const req = context.switchToHttp().getRequest();\n${b}\n  return true;\n  }\n}`,
      ),
    ],
  ];
  if (!cjs) {
    units.push(
      ['next', body('next').map((b) => `export async function ${b.length % 2 ? 'GET' : 'POST'}(request${t('NextRequest')}) {\n${b}\n}`)],
      ['export-function', handlerBody('plain').map(([a, b]) => `export ${a}function handle(input${t('unknown')}) {\n${b}\n}`)],
    );
  }
  return fc.oneof(...units.map(([kind, arbitrary]) => arbitrary.map((code) => ({ kind, code }))));
}

/** Each group declares a name (`app`, `logger`) at most once per file. */
const SETUP_ESM = {
  app: [
    "import express from 'express';\nconst app = express();\nconst router = express.Router();",
    "import Fastify from 'fastify';\nconst fastify = Fastify({ logger: true });",
    "import { Hono } from 'hono';\nimport { HTTPException } from 'hono/http-exception';\nconst app = new Hono();",
    "import Koa from 'koa';\nconst app = new Koa();",
    "import http from 'node:http';\nconst server = http.createServer();",
  ],
  logger: ["import pino from 'pino';\nconst logger = pino();", "import { logger } from './logger';", "import winston from 'winston';\nconst logger = winston.createLogger();", "import log from './log.js';"],
  other: [
    "import { Logger, Controller, Get, Post, Body, Param, Req, Injectable, UnauthorizedException, ForbiddenException, BadRequestException, HttpException, HttpStatus } from '@nestjs/common';",
    "import cron from 'node-cron';",
    "import { Worker, Queue } from 'bullmq';",
    "import jwt from 'jsonwebtoken';",
    "import passport from 'passport';",
    "import * as Sentry from '@sentry/node';",
    "import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();",
  ],
};
const SETUP_CJS = {
  app: ["const express = require('express');\nconst app = express();", "const fastify = require('fastify')();", "const Koa = require('koa');\nconst app = new Koa();"],
  logger: ["const logger = require('pino')();", "const { logger } = require('./logger');", "const winston = require('winston');"],
  other: ["const { Worker } = require('bullmq');", "const cron = require('node-cron');", "const jwt = require('jsonwebtoken');", "const Sentry = require('@sentry/node');"],
};
const TS_EXTRAS = [
  "enum Role { Admin = 'admin', User = 'user' }",
  'type LogOptions = { level: string };',
  'interface User { id: string; password?: string }',
  'declare const connection: unknown;',
  'abstract class Base<T> { abstract run(input: T): Promise<void>; }',
  'namespace Audit { export const enabled = true; }',
  'function assertUser(u: unknown): asserts u is User {}',
  'export default class {}',
];
const JSX_EXTRA = 'export const Page = () => <div className="x">{items.map((i) => <span key={i}>{i}</span>)}</div>;';

/** Random but valid `settings['security-logging']`. */
export function settingsArbitrary() {
  const logger = fc.oneof(
    fc.record({
      name: pick(['logger', 'log', 'appLogger']),
      importFrom: pick(['./logger', '@app/logging', '../lib/log.js']),
      importKind: pick(['named', 'default']),
      style: pick(['pino', 'winston', 'bunyan', 'console', 'nest']),
    }),
    fc.record({ name: pick(['this.logger', 'logger', 'req.log']), style: pick(['pino', 'nest', 'console']) }),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({}) },
    {
      weight: 3,
      arbitrary: fc
        .record(
          {
            logger,
            loggers: fc.subarray(['audit', 'this.audit', 'appLogger', 'ctx.logger']),
            logFunctions: fc.subarray(['logError', 'utils.reportError', 'handleError']),
            reporters: fc.subarray(['Sentry.captureException', 'bugsnag.notify']),
          },
          { requiredKeys: [] },
        )
        .map((s) => ({ 'security-logging': s })),
    },
  );
}

/**
 * @typedef {{ code: string, typescript: boolean, jsx: boolean, sourceType: 'module' | 'commonjs', settings: Record<string, unknown> }} GeneratedProgram
 */

/** @returns {fc.Arbitrary<GeneratedProgram>} */
export function programArbitrary() {
  return fc
    .record({ typescript: fc.boolean(), jsx: fc.boolean(), commonjs: fc.boolean() })
    .chain(({ typescript, jsx, commonjs }) => {
      const cjs = commonjs && !typescript;
      const setup = cjs ? SETUP_CJS : SETUP_ESM;
      return fc
        .record({
          app: fc.option(pick(setup.app), { nil: null }),
          logger: fc.option(pick(setup.logger), { nil: null }),
          other: fc.subarray(setup.other, { maxLength: 3 }),
          extras: typescript ? fc.subarray(TS_EXTRAS, { maxLength: 2 }) : fc.constant([]),
          units: fc.uniqueArray(unit(typescript, cjs), { minLength: 1, maxLength: 3, selector: (u) => u.kind }),
          settings: settingsArbitrary(),
        })
        .map(({ app, logger, other, extras, units, settings }) => ({
          code: `${[app, logger, ...other, ...extras, ...units.map((u) => u.code), ...(jsx ? [cjs ? JSX_EXTRA.replace('export ', '') : JSX_EXTRA] : [])].filter((part) => part !== null).join('\n\n')}\n`,
          typescript,
          jsx,
          sourceType: /** @type {const} */ (cjs ? 'commonjs' : 'module'),
          settings,
        }));
    });
}

/** A seeded PRNG (mulberry32) standing in for Math.random while eslump generates. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One eslump program, reproducible from its seed.
 * @param {number} seed
 * @returns {GeneratedProgram}
 */
export function eslumpProgram(seed) {
  const random = mulberry32(seed);
  const sourceType = random() < 0.5 ? 'module' : 'script';
  const original = Math.random;
  Math.random = random;
  try {
    const code = generateRandomJS({ sourceType, maxDepth: 4 + Math.floor(random() * 3), comments: random() < 0.3, whitespace: false });
    return { code, typescript: false, jsx: false, sourceType: /** @type {any} */ (sourceType), settings: {} };
  } finally {
    Math.random = original;
  }
}
