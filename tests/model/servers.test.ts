import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { afterAll, describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../src/model/ast.js';
import {
  collectServers,
  fastifyLogsRequests,
  getDependencies,
  getErrorEventRegistration,
  getServerCreation,
  isFalsyLiteral,
  isLoggingName,
  isRequestLoggerMiddleware,
  logsEveryRequest,
  words,
} from '../../src/model/servers.js';
import { readImportedSource } from '../../src/model/modules.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

function creations(code: string, options: ProbeOptions = {}): Map<string, string | null> {
  const out = new Map<string, string | null>();
  probe(
    code,
    (context) => {
      const record = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
        const text = context.sourceCode.getText(node);
        if (!out.has(text)) out.set(text, getServerCreation(context, node)?.framework ?? null);
      };
      return { CallExpression: record, NewExpression: record };
    },
    options,
  );
  return out;
}

describe('getServerCreation', () => {
  it('recognises creations by their import', () => {
    const result = creations(`
      import express from 'express';
      import Koa from 'koa';
      import Fastify from 'fastify';
      import { Hono } from 'hono';
      import { NestFactory } from '@nestjs/core';
      import http, { createServer } from 'node:http';
      express();
      new Koa();
      Fastify({ logger: true });
      new Hono();
      NestFactory.create(AppModule);
      http.createServer(listener);
      createServer(other);
    `);
    expect(callResult(result, 'express()')).toBe('express');
    expect(callResult(result, 'new Koa()')).toBe('koa');
    expect(callResult(result, 'Fastify({ logger: true })')).toBe('fastify');
    expect(callResult(result, 'new Hono()')).toBe('hono');
    expect(callResult(result, 'NestFactory.create(AppModule)')).toBe('nest');
    expect(callResult(result, 'http.createServer(listener)')).toBe('node-http');
    expect(callResult(result, 'createServer(other)')).toBe('node-http');
  });

  it('recognises CommonJS and TypeScript import-equals', () => {
    const cjs = creations(`const express = require('express'); express(); require('fastify')(); new (require('koa'))();`, { sourceType: 'commonjs' });
    expect(callResult(cjs, 'express()')).toBe('express');
    expect(callResult(cjs, "require('fastify')()")).toBe('fastify');
    const ts = creations(`import express = require('express'); express();`, { ts: true });
    expect(callResult(ts, 'express()')).toBe('express');
  });

  it('needs the module named as a whole string in the file (the per-file text check)', () => {
    // In a comment, a longer module name or a different quote pair the module is not imported.
    const unnamed = creations(`
      // an express app, built with fastify and koa
      import { express, fastify } from './express-helpers';
      import http from 'node:http-proxy';
      const quoted = "express'";
      express(); fastify(); http.createServer(listener); NestFactory.create(AppModule);
    `);
    expect(callResult(unnamed, 'express()')).toBeNull();
    expect(callResult(unnamed, 'fastify()')).toBeNull();
    expect(callResult(unnamed, 'http.createServer(listener)')).toBeNull();
    expect(callResult(unnamed, 'NestFactory.create(AppModule)')).toBeNull();
    const template = creations('const { default: Koa } = { default: 1 }; const http = require(`node:http`); http.createServer(listener);', { sourceType: 'commonjs' });
    expect(callResult(template, 'http.createServer(listener)')).toBe('node-http');
  });

  it('ignores look-alikes that do not come from the framework', () => {
    const result = creations(`
      import { express } from './helpers';
      import Router from 'koa-router';
      express();
      new Router();
      function fastify() {}
      fastify();
      new Hono();
    `);
    expect(callResult(result, 'express()')).toBeNull();
    expect(callResult(result, 'new Router()')).toBeNull();
    expect(callResult(result, 'fastify()')).toBeNull();
    expect(callResult(result, 'new Hono()')).toBeNull();
  });
});

describe('fastifyLogsRequests', () => {
  const code = `
    import Fastify from 'fastify';
    const opts = { logger: true };
    Fastify();
    Fastify({ logger: true });
    Fastify({ logger: { level: 'info' } });
    Fastify({ loggerInstance: pinoLogger });
    Fastify({ logger: isProd });
    Fastify({ logger: false });
    Fastify({ trustProxy: true });
    Fastify({ logger: true, disableRequestLogging: true });
    Fastify({ ...base });
    Fastify(opts);
    Fastify(options);
  `;
  const result = probeCalls(code, (context, node) => {
    const creation = getServerCreation(context, node);
    return creation ? fastifyLogsRequests(creation) : null;
  });
  it.each([
    ['Fastify()', false],
    ['Fastify({ logger: true })', true],
    ["Fastify({ logger: { level: 'info' } })", true],
    ['Fastify({ loggerInstance: pinoLogger })', true],
    ['Fastify({ logger: isProd })', true],
    ['Fastify({ logger: false })', false],
    ['Fastify({ trustProxy: true })', false],
    ['Fastify({ logger: true, disableRequestLogging: true })', false],
    ['Fastify({ ...base })', true],
    ['Fastify(opts)', true],
    ['Fastify(options)', true],
  ])('%s → %s', (text, expected) => {
    expect(callResult(result, text)).toBe(expected);
  });
});

describe('isLoggingName', () => {
  it.each([
    ['requestLogger', true],
    ['httpLogger', true],
    ['LoggingInterceptor', true],
    ['logRequests', true],
    ['./middleware/http-logger', true],
    ['morgan', true],
    ['errorLogger', false],
    ['logErrors', false],
    ['login', false],
    ['blogRouter', false],
    ['catalog', false],
    ['cors', false],
  ])('%s → %s', (name, expected) => {
    expect(isLoggingName(name)).toBe(expected);
  });
});

describe('isRequestLoggerMiddleware', () => {
  const code = `
    import morgan from 'morgan';
    import { pinoHttp } from 'pino-http';
    import expressWinston from 'express-winston';
    import { logger as honoLogger } from 'hono/logger';
    import cors from 'cors';
    import { requestLogger } from './mw';
    const httpLogger = pinoHttp();
    function timing(req, res, next) { const t = Date.now(); next(); console.log(req.method, Date.now() - t); }
    function auth(req, res, next) { if (!req.user) return res.sendStatus(401); next(); }
    use(morgan('dev'));
    use(pinoHttp({ logger }));
    use(expressWinston.logger({}));
    use(expressWinston.errorLogger({}));
    use(honoLogger());
    use(httpLogger);
    use(requestLogger);
    use(require('morgan')('tiny'));
    use(timing);
    use(auth);
    use(cors());
    use(express.json());
    use(new LoggingInterceptor());
    use(new TransformInterceptor());
    use(acme.trail());
  `;
  const result = probeCalls(code, (context, node) =>
    node.callee.type === 'Identifier' && node.callee.name === 'use' ? isRequestLoggerMiddleware(context, node.arguments[0]!, ['acme']) : null,
  );
  it.each([
    ["use(morgan('dev'))", true],
    ['use(pinoHttp({ logger }))', true],
    ['use(expressWinston.logger({}))', true],
    ['use(expressWinston.errorLogger({}))', false],
    ['use(honoLogger())', true],
    ['use(httpLogger)', true],
    ['use(requestLogger)', true],
    ["use(require('morgan')('tiny'))", true],
    ['use(timing)', true],
    ['use(auth)', false],
    ['use(cors())', false],
    ['use(express.json())', false],
    ['use(new LoggingInterceptor())', true],
    ['use(new TransformInterceptor())', false],
    ['use(acme.trail())', true],
  ])('%s → %s', (text, expected) => {
    expect(callResult(result, text)).toBe(expected);
  });
});

describe('logsEveryRequest', () => {
  function judge(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context) => ({
      'Program > ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
        const fn = node.arguments.find((a) => isFunctionNode(a));
        if (fn && isFunctionNode(fn)) out.push(logsEveryRequest(context, fn));
      },
    }));
    return out;
  }
  it('accepts a log line that mentions the request or sits in a finish callback', () => {
    expect(
      judge(`
        use((req, res, next) => { logger.info({ method: req.method, url: req.url }); next(); });
        use((req, res, next) => { res.on('finish', () => logger.info('done')); next(); });
        use((req, res, next) => { onFinished(res, () => console.log('done')); next(); });
        use(async (ctx, next) => { await next(); console.log(ctx.status); });
      `),
    ).toEqual([true, true, true, true]);
  });
  it('rejects middleware that does not log per request', () => {
    expect(
      judge(`
        use((req, res, next) => { res.setHeader('x-id', id()); next(); });
        use((req, res, next) => { logger.info('starting'); next(); });
        use((req, res, next) => { res.on('finish', () => metrics.inc()); next(); });
      `),
    ).toEqual([false, false, false]);
  });
});

describe('getErrorEventRegistration', () => {
  function registrations(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    const record = (context: Parameters<typeof getErrorEventRegistration>[0], fn: Parameters<typeof getErrorEventRegistration>[1]) => {
      const r = getErrorEventRegistration(context, fn);
      out.push(r ? `${r.kind}:${r.event}` : null);
    };
    probe(code, (context) => ({
      ArrowFunctionExpression: (fn: TSESTree.ArrowFunctionExpression) => record(context, fn),
      FunctionDeclaration: (fn: TSESTree.FunctionDeclaration) => record(context, fn),
    }));
    return out;
  }
  it('finds process, server, Koa, Fastify and Hono registrations, inline or by name', () => {
    expect(
      registrations(`
        import Koa from 'koa';
        import { Hono } from 'hono';
        const app = new Koa();
        const hono = new Hono();
        const server = http.createServer(handler);
        process.on('uncaughtException', (err) => {});
        process.once('unhandledRejection', (reason) => {});
        server.on('error', onError);
        function onError(error) {}
        app.listen(3000).on('error', (e) => {});
        app.on('error', (err, ctx) => {});
        fastify.setErrorHandler((error) => {});
        hono.onError((err, c) => c.text('x', 500));
      `),
    ).toEqual(['process:uncaughtException', 'process:unhandledRejection', 'server:error', 'server:error', 'koa-app:error', 'fastify:setErrorHandler', 'hono:onError']);
  });
  it('ignores other events and emitters', () => {
    expect(
      registrations(`
        process.on('SIGTERM', () => {});
        stream.on('error', (e) => {});
        emitter.on('error', handle);
        function handle(e) {}
        socket.on('close', () => {});
      `),
    ).toEqual([null, null, null, null]);
  });
});

describe('package.json and imported sources', () => {
  const root = mkdtempSync(join(tmpdir(), 'servers-util-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'pkg', 'src', 'deep'), { recursive: true });
  writeFileSync(
    join(root, 'pkg', 'package.json'),
    JSON.stringify({
      dependencies: { morgan: '1' },
      devDependencies: { vitest: '4' },
      imports: { '#app-module': './src/app.module.ts', '#conditional': { node: { import: './src/app.module.ts' }, default: './nope.js' } },
    }),
  );
  writeFileSync(join(root, 'pkg', 'src', 'app.module.ts'), 'export class AppModule {}\n');
  mkdirSync(join(root, 'broken'), { recursive: true });
  writeFileSync(join(root, 'broken', 'package.json'), '{ not json');

  function run<T>(filename: string, fn: (context: Parameters<typeof getDependencies>[0]) => T): T {
    let value: T | undefined;
    probe('x;', (context) => ({ Program: () => void (value = fn(context)) }), { filename, cwd: root });
    return value as T;
  }

  it('reads the nearest package.json runtime dependencies', () => {
    const deps = run(join(root, 'pkg', 'src', 'deep', 'main.js'), (c) => getDependencies(c));
    expect([...(deps ?? [])]).toEqual(['morgan']);
    expect(run(join(root, 'broken', 'main.js'), (c) => getDependencies(c))).toBeNull();
  });

  it('reads a relative import with its TypeScript extension, a package.json imports alias, and nothing else', () => {
    const file = join(root, 'pkg', 'src', 'main.ts');
    expect(run(file, (c) => readImportedSource(c, './app.module'))).toBe('export class AppModule {}\n');
    expect(run(file, (c) => readImportedSource(c, './app.module.js'))).toBe('export class AppModule {}\n');
    expect(run(file, (c) => readImportedSource(c, '#app-module'))).toBe('export class AppModule {}\n');
    expect(run(file, (c) => readImportedSource(c, '#conditional'))).toBe('export class AppModule {}\n');
    expect(run(file, (c) => readImportedSource(c, '#unknown'))).toBeNull();
    expect(run(file, (c) => readImportedSource(c, './missing'))).toBeNull();
    expect(run(file, (c) => readImportedSource(c, '@nestjs/core'))).toBeNull();
  });
});

describe('collectServers', () => {
  it('gathers every call and the servers created by calls and new expressions, in order', () => {
    let calls: string[] = [];
    let frameworks: string[] = [];
    probe("import express from 'express';\nimport Koa from 'koa';\nconst app = express();\nconst koa = new Koa();\napp.use(cors());\nkoa.listen(3000);", (context) => {
      const servers = collectServers(context);
      return {
        CallExpression: (node: TSESTree.CallExpression) => servers.onCall(node),
        NewExpression: (node: TSESTree.NewExpression) => servers.onNew(node),
        'Program:exit': () => {
          calls = servers.calls.map((c) => context.sourceCode.getText(c));
          frameworks = servers.creations.map((c) => c.framework);
        },
      };
    });
    expect(calls).toEqual(['express()', 'app.use(cors())', 'cors()', 'koa.listen(3000)']);
    expect(frameworks).toEqual(['express', 'koa']);
  });

  it('collects no creation in a file that creates no server', () => {
    let count = -1;
    probe("import { Router } from 'express';\nconst router = Router();\nnew Map();", (context) => {
      const servers = collectServers(context);
      return {
        CallExpression: (node: TSESTree.CallExpression) => servers.onCall(node),
        NewExpression: (node: TSESTree.NewExpression) => servers.onNew(node),
        'Program:exit': () => {
          count = servers.creations.length;
        },
      };
    });
    expect(count).toBe(0);
  });
});

describe('isFalsyLiteral', () => {
  it('is true for falsy literals and undefined, false for anything else', () => {
    const r = probeCalls("f(false, 0, '', null, undefined, true, 1, 'x', logger);", (_c, n) => n.arguments.map((a) => isFalsyLiteral(a)));
    expect(callResult(r, "f(false, 0, '', null, undefined, true, 1, 'x', logger)")).toEqual([true, true, true, true, true, false, false, false, false]);
  });
});

describe('words', () => {
  it('splits camelCase, PascalCase, kebab, snake and dotted names into lowercase words', () => {
    expect(words('requestLogger')).toEqual(['request', 'logger']);
    expect(words('HTTPLoggerMiddleware')).toEqual(['http', 'logger', 'middleware']);
    expect(words('./middleware/http-logger.ts')).toEqual(['middleware', 'http', 'logger', 'ts']);
    expect(words('ACCESS_LOG')).toEqual(['access', 'log']);
  });
  it('gives nothing for a name without letters or digits', () => {
    expect(words('')).toEqual([]);
    expect(words('$_./-')).toEqual([]);
  });
});
