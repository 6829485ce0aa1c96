import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type Context, getEnclosingFunction, isFunctionNode } from '../../src/model/ast.js';
import { fileRegistersRequestLogging, getServerListener, isLiteralFalse, nestAdapterLogs, nestModuleMayLog, readsRequestTarget } from '../../src/model/request-logging.js';
import type { ServerCreation } from '../../src/model/servers.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';
import { probeServers } from '../helpers/servers.js';

/** fileRegistersRequestLogging for a whole file. */
function registers(code: string, extra: string[] = [], options: ProbeOptions = {}): boolean {
  let answer: boolean | null = null;
  probeServers(code, (context, servers) => {
    answer = fileRegistersRequestLogging(context, servers.calls, extra);
  }, options);
  return answer!;
}

/** `fn` applied to each server creation of the file. */
function perCreation<T>(code: string, fn: (context: Context, creation: ServerCreation) => T, options: ProbeOptions = {}): T[] {
  const out: T[] = [];
  probeServers(code, (context, servers) => {
    for (const c of servers.creations) out.push(fn(context, c));
  }, options);
  return out;
}

describe('fileRegistersRequestLogging', () => {
  it('finds request-logging middleware, hooks, interceptors and nestjs-pino', () => {
    expect(registers("import express from 'express';\nimport morgan from 'morgan';\nconst app = express();\napp.use(morgan('combined'));")).toBe(true);
    expect(registers("import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onResponse', async (request, reply) => { request.log.info({ url: request.url, statusCode: reply.statusCode }, 'done'); });")).toBe(true);
    expect(registers("import { Logger } from 'nestjs-pino';\nconst app = await NestFactory.create(AppModule, { bufferLogs: true });\napp.useLogger(app.get(Logger));")).toBe(true);
    expect(registers("app.useGlobalInterceptors(new LoggingInterceptor());")).toBe(true);
    expect(registers("const server = new ApolloServer({ formatResponse: (res, ctx) => { logRequest(ctx.request); return res; } });")).toBe(true);
  });

  it('does not count other middleware, error loggers, hooks that log nothing per request, or a helper called without arguments', () => {
    expect(registers("import express from 'express';\nimport cors from 'cors';\nconst app = express();\napp.use(cors());\napp.use(express.json());")).toBe(false);
    expect(registers("import expressWinston from 'express-winston';\napp.use(expressWinston.errorLogger({ transports }));")).toBe(false);
    expect(registers("app.addHook('onReady', async () => { app.log.info('ready'); });")).toBe(false);
    expect(registers("app.useLogger(new ConsoleLogger());")).toBe(false);
    expect(registers("setupRequestLogging();")).toBe(false);
  });

  it('takes configured package names as request loggers (an argument, not a cached answer)', () => {
    const code = "import audit from '@acme/http-audit';\napp.use(audit());";
    expect(registers(code)).toBe(false);
    expect(registers(code, ['@acme/http-audit'])).toBe(true);
    expect(registers(code)).toBe(false);
  });
});

describe('isLiteralFalse', () => {
  it('is true for a literal false only', () => {
    const seen: boolean[] = [];
    probe('f(false, (false as boolean), 0, null, no);', (context) => ({
      CallExpression: (node: TSESTree.CallExpression) => {
        for (const a of node.arguments) seen.push(isLiteralFalse(a));
        void context;
      },
    }), { ts: true });
    expect(seen).toEqual([true, true, false, false, false]);
  });
});

describe('nestAdapterLogs', () => {
  const head = "import { NestFactory } from '@nestjs/core';\nimport { FastifyAdapter } from '@nestjs/platform-fastify';\n";
  it('is true for a FastifyAdapter with a logger or with options it cannot read', () => {
    expect(perCreation(`${head}const app = await NestFactory.create(AppModule, new FastifyAdapter({ logger: true }));`, (_c, cr) => nestAdapterLogs(cr))).toEqual([true]);
    expect(perCreation(`${head}const app = await NestFactory.create(AppModule, new FastifyAdapter(fastifyOptions));`, (_c, cr) => nestAdapterLogs(cr))).toEqual([true]);
  });
  it('is false for the Express platform, an adapter without options, or logger: false', () => {
    expect(perCreation(`${head}const app = await NestFactory.create(AppModule);`, (_c, cr) => nestAdapterLogs(cr))).toEqual([false]);
    expect(perCreation(`${head}const app = await NestFactory.create(AppModule, new FastifyAdapter());`, (_c, cr) => nestAdapterLogs(cr))).toEqual([false]);
    expect(perCreation(`${head}const app = await NestFactory.create(AppModule, new FastifyAdapter({ logger: false }));`, (_c, cr) => nestAdapterLogs(cr))).toEqual([false]);
  });
});

describe('nestModuleMayLog', () => {
  it('reads a same-file module class', () => {
    const withLogging = "import { NestFactory } from '@nestjs/core';\nimport { LoggerModule } from 'nestjs-pino';\n@Module({ imports: [LoggerModule.forRoot()] }) class AppModule {}\nconst app = await NestFactory.create(AppModule);";
    expect(perCreation(withLogging, nestModuleMayLog, { ts: true })).toEqual([true]);
    const without = "import { NestFactory } from '@nestjs/core';\n@Module({ controllers: [AppController] }) class AppModule {}\nconst app = await NestFactory.create(AppModule);";
    expect(perCreation(without, nestModuleMayLog, { ts: true })).toEqual([false]);
  });

  it('reads the imported module file, and assumes yes when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'req-nest-'));
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'app.module.ts'), "@Module({ controllers: [AppController] })\nexport class AppModule {}\n");
    writeFileSync(join(dir, 'src', 'logged.module.ts'), "@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: LoggingInterceptor }] })\nexport class LoggedModule {}\n");
    const file = join(dir, 'src', 'main.ts');
    const create = (from: string, name: string) => `import { NestFactory } from '@nestjs/core';\nimport { ${name} } from '${from}';\nconst app = await NestFactory.create(${name});`;
    expect(perCreation(create('./app.module', 'AppModule'), nestModuleMayLog, { ts: true, filename: file, cwd: dir })).toEqual([false]);
    expect(perCreation(create('./logged.module', 'LoggedModule'), nestModuleMayLog, { ts: true, filename: file, cwd: dir })).toEqual([true]);
    expect(perCreation(create('./missing.module', 'Missing'), nestModuleMayLog, { ts: true, filename: file, cwd: dir })).toEqual([true]);
  });
});

describe('readsRequestTarget', () => {
  /** readsRequestTarget of the first function of the file. */
  function reads(code: string): boolean {
    let answer: boolean | null = null;
    probe(code, (context) => ({
      ':function'(node: TSESTree.Node) {
        if (answer === null && isFunctionNode(node) && getEnclosingFunction(node) === null) answer = readsRequestTarget(context, node);
      },
    }));
    return answer!;
  }
  it('is true for a listener that reads req.url or req.method', () => {
    expect(reads("http.createServer((req, res) => { if (req.url === '/') res.end('home'); });")).toBe(true);
    expect(reads('function handle(request, response) { route(request.method, response); }')).toBe(true);
  });
  it('is false for a probe endpoint that ignores the request', () => {
    expect(reads("http.createServer((req, res) => { res.writeHead(200); res.end('ok'); });")).toBe(false);
    expect(reads("http.createServer(({ url }, res) => res.end(url));")).toBe(false);
  });
});

describe('getServerListener', () => {
  it('the request listener of http.createServer, inline or by name; none for a wrapped app', () => {
    const code = [
      "import http from 'node:http'; import express from 'express';",
      'function onRequest(req, res) { res.end(req.url); }',
      'http.createServer(onRequest).listen(1);',
      'http.createServer((req, res) => res.end()).listen(2);',
      'const app = express(); http.createServer(app).listen(3);',
    ].join('\n');
    const listeners = perCreation(code, (context, creation) => {
      if (creation.framework !== 'node-http') return 'not node-http';
      const fn = getServerListener(context, creation);
      return fn ? fn.type : null;
    });
    expect(listeners.filter((l) => l !== 'not node-http')).toEqual(['FunctionDeclaration', 'ArrowFunctionExpression', null]);
  });
});
