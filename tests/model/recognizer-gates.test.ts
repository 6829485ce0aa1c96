/**
 * The cheap gates session 41 (perf41d) put in front of the shared recognizers repeat knowledge held in the
 * branches they guard; these tests fail when a gate drifts from its branches:
 *  - handlers.ts: registrationOf reads a call only for REGISTERING_METHODS (every method it answers for),
 *    computeHandlerInfo skips 0 or more than 4 parameters, classifyParams turns away, by parameters alone,
 *    a list without a request first (second of four) or `next` second of two;
 *  - nest.ts: nestHandler reads a method further only when it has decorators or a role name;
 *  - graphql.ts: the file's text is read only for a resolver-shaped function;
 *  - debug-functions.ts: a file makes a debug function only when it names the 'debug' module or a createDebug factory;
 *  - loggers.ts: mayBeLoggerCall's one set of level and reporter names, a dotted computed key, `logWarn`.
 */
import { describe, expect, it } from 'vitest';
import { getHandlerInfo } from '../../src/model/handlers.js';
import { getDebugLogCall, getLoggerCall } from '../../src/model/loggers.js';
import { type ProbeOptions, callResult, probeCalls, probeFunctions } from '../helpers/probe.js';

const ts: ProbeOptions = { ts: true };

/** `line: framework/kind/via` of every function of `code` that is a handler. */
function handlers(code: string, options: ProbeOptions = ts): string[] {
  return probeFunctions(
    code,
    (context, fn) => {
      const info = getHandlerInfo(context, fn);
      return info ? { line: fn.loc.start.line, text: `${fn.loc.start.line}: ${info.framework}/${info.kind}/${info.via}` } : null;
    },
    options,
  ).map((h) => h.text);
}

describe('handlers: every method registrationOf answers for passes its gate', () => {
  it('registers a function handed to each registering method (not by its parameters alone)', () => {
    const code = [
      "app.createHandlers((c) => c.text('x'));",
      'fastify.setNotFoundHandler((request, reply) => reply.code(404).send());',
      'app.notFound((c) => c.text("none", 404));',
      "app.any('/x', (c) => c.text('x'));",
      "router.param('id', (req, res, next) => next());",
      "app.del('/x', (req, res) => res.end());",
      'http.createServer((req, res) => res.end());',
      'fastify.addHook("onRequest", (request, reply, done) => done());',
      'fastify.setErrorHandler((error, request, reply) => reply.send(error));',
      'app.onError((err, c) => c.text("fail", 500));',
      'factory.createMiddleware(async (c, next) => { await next(); });',
      "app.use((ctx) => { ctx.body = 'x'; });",
    ].join('\n');
    expect(handlers(code)).toEqual([
      '1: hono/route/registration',
      '2: fastify/route/registration',
      '3: hono/route/registration',
      '4: hono/route/registration',
      '5: express/middleware/registration',
      '6: express/route/registration',
      '7: node-http/route/registration',
      '8: fastify/hook/registration',
      '9: fastify/error-handler/registration',
      '10: hono/error-handler/registration',
      '11: hono/middleware/registration',
      '12: koa/middleware/registration',
    ]);
  });

  it('registers nothing through any other method, and no function of 0 or more than 4 parameters', () => {
    const code = [
      "queue.process('/x', (req, res) => res.end());",
      "app.get('/', () => 'ok');",
      'app.use((a, b, c, d, e) => e());',
      "app.get('/x', function (req, res) { res.end(); });",
    ].join('\n');
    // The first is a handler by its parameters alone; the last, registered, stays one.
    expect(handlers(code)).toEqual(['1: express/route/params', '4: express/route/registration']);
  });
});

describe('handlers: by parameters alone, the shapes the early rejection keeps', () => {
  it('keeps (req, res), (ctx, next), (c, next), (err, req, res, next) and typed requests; rejects the rest', () => {
    const code = [
      'export const a = (req, res) => res.end();',
      'export const b = async (ctx, next) => { await next(); };',
      'export const c = async (c, next) => { await next(); };',
      'export const d = (err, req, res, next) => next(err);',
      'export const e = (incoming: IncomingMessage, out: ServerResponse) => out.end();',
      'export const f = ({ body }, res) => res.json(body);',
      'export const g = (context, next) => next();',
      'export const h = (a, b) => a + b;',
      'export const i = (err, job, done, next) => done(err);',
      'export const j = (ctx, other) => ctx.body;',
    ].join('\n');
    expect(handlers(code)).toEqual([
      '1: express/route/params',
      '2: koa/middleware/params',
      '3: hono/middleware/params',
      '4: express/error-handler/params',
      '5: node-http/route/params',
      '6: express/route/params',
      '7: koa/middleware/params',
    ]);
  });
});

describe('nest: a method is read further only with decorators or a role name', () => {
  it('finds decorated routes and role methods, not plain methods', () => {
    const code = `
      import { Controller, Get, Injectable, Catch } from '@nestjs/common';
      @Controller('a')
      export class A {
        helper(req, res) { return 1; }
        @Get() list() { return []; }
      }
      @Injectable()
      export class G { canActivate(context: ExecutionContext) { return true; } other(context) { return true; } }
      @Catch()
      export class F { catch(exception, host: ArgumentsHost) {} }
    `;
    // `helper(req, res)` is no Nest handler (no decorator, no role name): only its parameters make it a route.
    expect(handlers(code)).toEqual(['5: express/route/params', '6: nest/route/nest', '9: nest/guard/nest', '11: nest/filter/nest']);
  });
});

describe('graphql: the text gate after the shape', () => {
  it('finds a resolver map field and a field config resolve in a GraphQL file', () => {
    const code = `
      import { GraphQLObjectType, GraphQLString } from 'graphql';
      const resolvers = { Query: { me: (parent, args, ctx) => ctx.user } };
      const field = { type: GraphQLString, resolve: (source, args) => args.id };
      const options = { onDone: (a, b) => a };
    `;
    expect(handlers(code)).toEqual(['3: graphql/resolver/registration', '4: graphql/resolver/registration']);
  });

  it('finds nothing in a file that mentions no GraphQL, resolver or root type', () => {
    const code = `
      const map = { Things: { me: (parent, args, ctx) => ctx.user } };
      const field = { type: 'string', resolve: (source, args) => args.id };
    `;
    expect(handlers(code)).toEqual([]);
  });
});

describe('debug-functions: the per-file text gate', () => {
  it("answers only in a file naming the 'debug' module or a createDebug factory", () => {
    const made = probeCalls("const d = require('debug')('app'); const w = createDebugger('x'); d('a'); w('b');", (context, node) => getDebugLogCall(context, node)?.level ?? null);
    expect(callResult(made, "d('a')")).toBe('debug');
    expect(callResult(made, "w('b')")).toBe('debug');
    const module = probeCalls("import createDebug from 'debug'; const d = createDebug('app'); d('a');", (context, node) => getDebugLogCall(context, node)?.level ?? null);
    expect(callResult(module, "d('a')")).toBe('debug');
    const other = probeCalls("const debug = makeThing('app'); debug('a'); logger.debug('b');", (context, node) => getDebugLogCall(context, node)?.level ?? null);
    expect(callResult(other, "debug('a')")).toBeNull();
  });
});

describe('loggers: mayBeLoggerCall lets every recognized name through', () => {
  it('recognizes level methods, reporters by last name, a dotted computed key and level-named methods', () => {
    const code = "logger.warn('a'); Sentry.captureException(e); client['x.captureException'](e); self.logError('b', e); airbrake.notify(e); thing.frobnicate(e);";
    const found = probeCalls(code, (context, node) => getLoggerCall(context, node)?.via ?? null);
    expect(callResult(found, "logger.warn('a')")).toBe('logger');
    expect(callResult(found, 'Sentry.captureException(e)')).toBe('reporter');
    expect(callResult(found, "client['x.captureException'](e)")).toBe('reporter');
    expect(callResult(found, "self.logError('b', e)")).toBe('logger');
    expect(callResult(found, 'airbrake.notify(e)')).toBe('reporter');
    expect(callResult(found, 'thing.frobnicate(e)')).toBeNull();
  });
});
