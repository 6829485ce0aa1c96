import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, getEnclosingFunction } from '../../src/model/ast.js';
import {
  answersClientError,
  callbackLogs,
  classifyErrorDerivation,
  delegatesToAnsweringLibrary,
  delegatesToHandler,
  errorHandlerFramework,
  errorParamName,
  followsReporterInChain,
  inResponseStartedBranch,
  isErrorAlias,
  isErrorValue,
  isExitGuarded,
  isStatementLevel,
  koaErrorCatchInfo,
  passesErrorOn,
  registeredHandlerInfo,
} from '../../src/model/error-handlers.js';
import { finalProcessExit, isProcessExitCall } from '../../src/model/process-exit.js';
import { getBoundVariables } from '../../src/model/errors.js';
import { getHandlerInfo } from '../../src/model/handlers.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

const isFn = (n: TSESTree.Node): n is AnyFunction =>
  n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration';

/** The outermost function around `node`. */
function outerFunction(node: TSESTree.Node): AnyFunction {
  let found: AnyFunction | null = null;
  for (let n: TSESTree.Node | undefined = node; n; n = n.parent) if (isFn(n)) found = n;
  return found!;
}

/** For every call to `probe(…)` in `code`: `fn(context, call, errorVars)` where errorVars are the outer function's first parameter's. */
function atProbes<T>(code: string, fn: (context: Context, call: TSESTree.CallExpression, vars: TSESLint.Scope.Variable[], handler: AnyFunction) => T): T[] {
  const out: T[] = [];
  probe(code, (context) => ({
    'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
      const handler = outerFunction(node);
      out.push(fn(context, node, getBoundVariables(context, handler.params[0]), handler));
    },
  }));
  return out;
}

describe('registeredHandlerInfo', () => {
  it('names the request and reply of a Fastify handler and the context of a Hono one', () => {
    const [fastify, hono, processHandler] = atProbes(
      `
      function onError(error, request, reply) { probe(); }
      function handleError(err, c) { probe(); }
      function crash(err) { probe(); }
    `,
      (_c, _n, _v, handler) => handler,
    );
    expect(registeredHandlerInfo(fastify!, 'fastify')).toMatchObject({ framework: 'fastify', req: { name: 'request' }, res: { name: 'reply' } });
    expect(registeredHandlerInfo(hono!, 'hono')).toMatchObject({ framework: 'hono', ctx: { name: 'c' } });
    expect(registeredHandlerInfo(processHandler!, 'process')).toBeNull();
  });
});

describe('koaErrorCatchInfo', () => {
  it('a catch around await next() in Koa middleware is the error handler; other catches are not', () => {
    const out: boolean[] = [];
    probe(
      `
      import Koa from 'koa';
      const app = new Koa();
      app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; } });
      app.use(async (ctx, next) => { try { await load(ctx); } catch (err) { ctx.status = 500; } await next(); });
    `,
      (context) => ({
        CatchClause(node: TSESTree.CatchClause) {
          out.push(koaErrorCatchInfo(context, node) !== null);
        },
      }),
    );
    expect(out).toEqual([true, false]);
  });
});

describe('isErrorValue and isErrorAlias', () => {
  it('the error itself or inside an object is the error; its fields are not', () => {
    expect(atProbes('function h(err) { probe(err, { err, req }, err.message, other); }', (_c, n, vars) => n.arguments.map((a) => isErrorValue(vars, a)))).toEqual([[true, true, false, false]]);
  });
  it('normalised, ternary and spread copies are aliases; reads of a field are not', () => {
    const inits = atProbes(
      `function h(err) { probe(err, normalize(err), err instanceof Error ? err : new Error(String(err)), { ...err }, err.status ?? 500, isHttpError(err)); }`,
      (_c, n, vars) => n.arguments.map((a) => isErrorAlias(vars, a)),
    );
    expect(inits).toEqual([[true, true, true, true, false, false]]);
  });
});

describe('delegatesToHandler', () => {
  it('fn(err, req, res, next) with this handler\'s own bindings delegates; other shapes do not', () => {
    const out: boolean[] = [];
    probe(
      `
      const express = require('express');
      const app = express();
      app.use((err, req, res, next) => { handleError(err, req, res, next); report(err, res, req); handleError(new Error('x'), req, res, next); });
    `,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || !['handleError', 'report'].includes(node.callee.name)) return;
          const handler = outerFunction(node);
          out.push(delegatesToHandler(getHandlerInfo(context, handler), getBoundVariables(context, handler.params[0]), node));
        },
      }),
    );
    expect(out).toEqual([true, false, false]);
  });
});

describe('isStatementLevel', () => {
  it('dropped, returned, awaited or arrow-body calls; not arguments or conditions', () => {
    const out: boolean[] = [];
    probe('async function f() { probe(); await probe(); void probe(); const x = probe(); if (probe()) {} return probe(); } const g = () => probe();', () => ({
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        out.push(isStatementLevel(node));
      },
    }));
    expect(out).toEqual([true, true, true, false, false, true, true]);
  });
});

describe('callbackLogs', () => {
  it('a function that logs at error level, hands an error on or throws; not one that logs at info', () => {
    const out: boolean[] = [];
    probe(
      `
      const a = () => { logger.error({ err }, 'failed'); process.exit(1); };
      const b = (err) => { reject(err); };
      const c = () => { throw new Error('x'); };
      const d = () => { logger.info('closed'); };
    `,
      (context) => ({
        'VariableDeclarator > ArrowFunctionExpression'(node: TSESTree.ArrowFunctionExpression) {
          out.push(callbackLogs(context, node));
        },
      }),
    );
    expect(out).toEqual([true, true, true, false]);
  });
});

/** For every `return` in the outer function: [isExitGuarded, answersClientError]. */
function exits(code: string): [boolean, boolean][] {
  const out: [boolean, boolean][] = [];
  probe(code, (context) => ({
    ReturnStatement(node: TSESTree.ReturnStatement) {
      const handler = outerFunction(node);
      const vars = getBoundVariables(context, handler.params[0]);
      out.push([isExitGuarded(context, node, handler.body, vars), answersClientError(context, node)]);
    },
  }));
  return out;
}

describe('isExitGuarded and answersClientError', () => {
  it('exits under a test of the error or the response state, or after an early exit on the error; 4xx answers', () => {
    expect(
      exits(`
      function h(err, req, res, next) {
        if (err instanceof HttpError) return res.status(err.status).end();
        if (res.headersSent) return next(err);
        if (err.statusCode !== 404) return next(err);
        return res.status(404).json({ error: 'Not Found' });
      }
    `),
    ).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, true],
    ]);
  });

  it('an exit on an unrelated test, and a 500 answer, are neither', () => {
    expect(
      exits(`
      function h(err, req, res, next) {
        if (req.xhr) return res.status(500).json({ error: 'x' });
        return res.status(500).send('Internal Server Error');
      }
    `),
    ).toEqual([
      [false, false],
      [false, false],
    ]);
  });
});

describe('followsReporterInChain', () => {
  it('a handler listed after Sentry\'s error handler or a same-file handler that logs', () => {
    const out: boolean[] = [];
    probe(
      `
      function logErrors(err, req, res, next) { logger.error({ err }); next(err); }
      function render(err, req, res, next) { res.status(500).send('x'); }
      function first(err, req, res, next) { res.status(500).send('x'); }
      app.use(Sentry.Handlers.errorHandler(), render);
      app.use([logErrors, first]);
      app.use(first);
    `,
      (context) => ({
        'FunctionDeclaration'(node: TSESTree.FunctionDeclaration) {
          out.push(followsReporterInChain(context, node, (fn) => callbackLogs(context, fn)));
        },
      }),
    );
    expect(out).toEqual([false, true, true]);
  });
});

describe('passesErrorOn', () => {
  it('hand-offs, delegation, helpers from elsewhere and callbacks that log pass the error on; answers do not', () => {
    const out: boolean[] = [];
    probe(
      `
      const express = require('express');
      const app = express();
      app.use((err, req, res, next) => {
        next(err);
        other(err, req, res, next);
        notifyOps(err);
        server.close(() => { logger.fatal({ err }); });
        res.status(500).json({ error: 'x' });
        sendError(res, err);
        isHttpError(err);
      });
    `,
      (context) => ({
        'ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
          // Only the statements of the error handler itself (not of the callback given to server.close).
          const handler = node.parent?.parent?.parent;
          if (!handler || handler.type !== 'ArrowFunctionExpression' || handler.params.length !== 4) return;
          const scope = { info: getHandlerInfo(context, handler), errorVars: getBoundVariables(context, handler.params[0]), fastify: false };
          out.push(passesErrorOn(context, node, scope, () => false));
        },
      }),
    );
    expect(out).toEqual([true, true, true, true, false, false, false]);
  });
});

describe('classifyErrorDerivation', () => {
  // `const { stack, code } = err` reads as an alias as a whole (the alias test runs first), as the rule always did.
  it('aliases, destructuring of the error and values read from it; null for unrelated declarations', () => {
    const out: unknown[] = [];
    probe('function h(err) { const e = normalize(err); const { stack, code } = err; const status = err.status ?? 500; const other = load(); }', (context) => ({
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        const handler = outerFunction(node);
        const made = classifyErrorDerivation(context, node, getBoundVariables(context, handler.params[0]), []);
        out.push(made && { errors: made.errors.map((v) => v.name), derived: made.derived.map((v) => v.name) });
      },
    }));
    expect(out).toEqual([{ errors: ['e'], derived: [] }, { errors: ['stack', 'code'], derived: [] }, { errors: [], derived: ['status'] }, null]);
  });
});

describe('errorParamName', () => {
  it('names an identifier or defaulted parameter; null for a pattern or none', () => {
    const names = atProbes('function a(err) { probe(); } function b(error = null) { probe(); } function c({ message }) { probe(); }', (_c, _n, _v, fn) =>
      errorParamName(fn.params[0] ?? null),
    );
    expect(names).toEqual(['err', 'error', null]);
    expect(errorParamName(null)).toBeNull();
  });
});

describe('isProcessExitCall, errorHandlerFramework', () => {
  it('process.exit / abort / a kill of its own pid end the process; other calls do not', () => {
    const results = probeCalls('process.exit(1); process.abort(); process.kill(process.pid); process.kill(pid); process.on("exit", f); exit(1);', (_context, node) => isProcessExitCall(node));
    expect(callResult(results, 'process.exit(1)')).toBe(true);
    expect(callResult(results, 'process.abort()')).toBe(true);
    expect(callResult(results, 'process.kill(process.pid)')).toBe(true);
    // Session 40 (process-exit.ts): `process.kill(pid)` signals another process (haraka's cluster master, pm2's
    // children); it ended the process only in error-handlers.ts's copy. See tests/model/process-exit.test.ts.
    expect(callResult(results, 'process.kill(pid)')).toBe(false);
    expect(callResult(results, 'process.on("exit", f)')).toBe(false);
    expect(callResult(results, 'exit(1)')).toBe(false);
  });

  it('finalProcessExit: the last statement of a body that ends the process, directly or in an else-less if', () => {
    const last = (code: string) => {
      let text: string | null = 'unset';
      probe(code, (context) => ({
        ArrowFunctionExpression(fn: TSESTree.ArrowFunctionExpression) {
          const s = finalProcessExit(fn.body);
          text = s ? context.sourceCode.getText(s) : null;
        },
      }));
      return text;
    };
    expect(last('h(async (e) => { await stop(); process.exit(1); });')).toBe('process.exit(1);');
    expect(last('h((e) => { if (!test) { process.exit(1); } });')).toBe('if (!test) { process.exit(1); }');
    expect(last('h((e) => { process.exit(1); cleanup(); });')).toBeNull();
    expect(last('h((e) => { if (a) process.exit(1); else log(e); });')).toBeNull();
  });

  it("names an error handler's framework", () => {
    const code = [
      "import express from 'express'; import Fastify from 'fastify'; import { Hono } from 'hono';",
      'const app = express(); const fastify = Fastify(); const hono = new Hono();',
      'app.use((err, req, res, next) => { probeHere(1); });',
      'fastify.setErrorHandler((error, request, reply) => { probeHere(2); });',
      'hono.onError((err, c) => { probeHere(3); });',
    ].join('\n');
    const results = probeCalls(code, (context, node) => {
      const fn = getEnclosingFunction(node);
      const info = fn ? getHandlerInfo(context, fn) : null;
      return info ? errorHandlerFramework(info) : null;
    });
    expect(callResult(results, 'probeHere(1)')).toBe('express');
    expect(callResult(results, 'probeHere(2)')).toBe('fastify');
    expect(callResult(results, 'probeHere(3)')).toBe('hono');
  });

  it('a Nest exception filter is nest', () => {
    const code = "import { Catch, ExceptionFilter } from '@nestjs/common'; @Catch() export class AllFilter implements ExceptionFilter { catch(exception, host) { probeHere(4); } }";
    const results = probeCalls(code, (context, node) => {
      const fn = getEnclosingFunction(node);
      const info = fn ? getHandlerInfo(context, fn) : null;
      return info ? errorHandlerFramework(info) : null;
    }, { ts: true });
    expect(callResult(results, 'probeHere(4)')).toBe('nest');
  });
});

describe('inResponseStartedBranch', () => {
  it("is the consequent of a test of the response's state (headersSent, writableEnded, reply.sent), not its alternate or another test", () => {
    const code = `app.use((err, req, res, next) => {
  if (res.headersSent) { return next(err); }
  if (reply.sent) mark2(err); else mark3(err);
  if (err.status >= 500) mark4(err);
  mark5(err);
});`;
    const results = probeCalls(code, (context, node) => {
      const fn = getEnclosingFunction(node);
      return fn ? inResponseStartedBranch(context, node, fn.body) : null;
    });
    expect(callResult(results, 'next(err)')).toBe(true);
    expect(callResult(results, 'mark2(err)')).toBe(true);
    expect(callResult(results, 'mark3(err)')).toBe(false);
    expect(callResult(results, 'mark4(err)')).toBe(false);
    expect(callResult(results, 'mark5(err)')).toBe(false);
  });
});

describe('delegatesToAnsweringLibrary', () => {
  /** For each `…(err, req, res, next)` call, whether it hands the error to a library middleware that only answers. */
  function delegations(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.arguments.length === 4) out.push(delegatesToAnsweringLibrary(context, node));
      },
    }));
    return out;
  }
  it.each([
    ["const oauth2orize = require('oauth2orize'); const server = oauth2orize.createServer(); server.errorHandler()(err, req, res, next);", true],
    ["import oauth2orize from 'oauth2orize'; const server = oauth2orize.createServer(); server.errorHandler({ mode: 'direct' })(err, req, res, next);", true],
    ["const server = require('oauth2orize').createServer(); server.errorHandler()(err, req, res, next);", true],
    ["const server = require('oauth2orize').createServer(); server.errorHandler({ mode: 'indirect' })(err, req, res, next);", false],
    ["const oauth2orize = require('oauth2orize'); const server = oauth2orize.createServer(); server.token()(err, req, res, next);", false],
    ["const reporting = require('./reporting'); const server = reporting.createServer(); server.errorHandler()(err, req, res, next);", false],
    ['handleError(err, req, res, next);', false],
  ])('%s → %j', (code, expected) => {
    expect(delegations(code)).toEqual([expected]);
  });
});
