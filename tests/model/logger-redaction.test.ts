import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { redactCovers } from '../../src/model/log-serializers.js';
import { createLoggerRedaction, getLoggerFactoryKind } from '../../src/model/logger-redaction.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

/** For every `*.info(…)` call, in order: the paths its logger's `redact` censors, joined with dots, or null. */
function censoredAt(code: string): (string[] | null)[] {
  const out: (string[] | null)[] = [];
  let calls: TSESTree.CallExpression[] = [];
  probe(code, (context: Context) => {
    const redaction = createLoggerRedaction(context);
    calls = [];
    return {
      CallExpression(node: TSESTree.CallExpression) {
        redaction.noteCall(node);
        if (node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'info') calls.push(node);
      },
      'Program:exit'() {
        for (const call of calls) out.push(redaction.redactionFor(call)?.map((p) => p.join('.')) ?? null);
      },
    };
  });
  return out;
}

describe('getLoggerFactoryKind', () => {
  it('knows pino, the pino-based request loggers and Fastify by their module', () => {
    const code = `
      import pino from 'pino';
      import pinoHttp from 'pino-http';
      import Fastify from 'fastify';
      const log = pino({ level: 'info' });
      const http = pinoHttp({ logger: log });
      const app = Fastify({ logger: true });
      const koaLog = require('koa-pino-logger')();
    `;
    const kinds = probeCalls(code, getLoggerFactoryKind);
    expect(callResult(kinds, "pino({ level: 'info' })")).toBe('pino');
    expect(callResult(kinds, 'pinoHttp({ logger: log })')).toBe('http');
    expect(callResult(kinds, 'Fastify({ logger: true })')).toBe('fastify');
    expect(callResult(kinds, "require('koa-pino-logger')()")).toBe('http');
  });

  it('falls back to the conventional names only when the callee is not imported', () => {
    const kinds = probeCalls(`const a = pino(); const b = pinoHttp(); const c = fastify();`, getLoggerFactoryKind, { sourceType: 'script' });
    expect(callResult(kinds, 'pino()')).toBe('pino');
    expect(callResult(kinds, 'pinoHttp()')).toBe('http');
    expect(callResult(kinds, 'fastify()')).toBe('fastify');
  });

  it('answers by name alone in a file that names no factory module', () => {
    const code = `
      // built on pino and fastify
      import { createLogger } from './pino-logger';
      import { fastify } from './my-fastify';
      const a = pino(); const b = expressPino(); const c = fastify(); const d = createLogger(); const e = pinoLogs();
    `;
    const kinds = probeCalls(code, getLoggerFactoryKind);
    expect(callResult(kinds, 'pino()')).toBe('pino');
    expect(callResult(kinds, 'expressPino()')).toBe('http');
    // Imported from a module of the app: not Fastify, whatever its name.
    expect(callResult(kinds, 'fastify()')).toBeNull();
    expect(callResult(kinds, 'createLogger()')).toBeNull();
    expect(callResult(kinds, 'pinoLogs()')).toBeNull();
  });

  it('is null for other calls, and for look-alike names imported from elsewhere', () => {
    const code = `
      import winston from 'winston';
      import { pino } from './my-pino-wrapper';
      const w = winston.createLogger({});
      const p = pino({ redact: ['password'] });
      const h = httpGet('/x');
    `;
    const kinds = probeCalls(code, getLoggerFactoryKind);
    expect(callResult(kinds, 'winston.createLogger({})')).toBeNull();
    expect(callResult(kinds, "pino({ redact: ['password'] })")).toBeNull();
    expect(callResult(kinds, "httpGet('/x')")).toBeNull();
  });
});

describe('createLoggerRedaction', () => {
  it("reads a pino logger's redact paths through consts, { paths } and child loggers", () => {
    const code = `
      import pino from 'pino';
      const PATHS = ['req.headers.authorization', 'password'];
      const logger = pino({ redact: { paths: PATHS, censor: '***' } });
      const child = logger.child({ module: 'auth' });
      logger.info({ req });
      child.info({ req });
    `;
    expect(censoredAt(code)).toEqual([
      ['req.headers.authorization', 'password'],
      ['req.headers.authorization', 'password'],
    ]);
  });

  it("gives req.log the redact of pino-http's own options or of the pino logger it was handed", () => {
    const code = `
      import pino from 'pino';
      import pinoHttp from 'pino-http';
      const base = pino({ redact: ['req.headers.cookie'] });
      app.use(pinoHttp({ logger: base, redact: ['req.headers.authorization'] }));
      app.get('/', (req, res) => { req.log.info({ req }); });
    `;
    expect(censoredAt(code)).toEqual([['req.headers.authorization', 'req.headers.cookie']]);
  });

  it("gives app.log only a Fastify logger's redact", () => {
    const code = `
      import Fastify from 'fastify';
      import pinoHttp from 'pino-http';
      const app = Fastify({ logger: { redact: ['req.headers.authorization'] } });
      const http = pinoHttp({ redact: ['req.headers.cookie'] });
      app.log.info({ req });
    `;
    expect(censoredAt(code)).toEqual([['req.headers.authorization']]);
  });

  it('knows nothing for a logger without redact, another library, or an owner that is not a request or app', () => {
    const code = `
      import pino from 'pino';
      import winston from 'winston';
      import pinoHttp from 'pino-http';
      const plain = pino({ level: 'debug' });
      const w = winston.createLogger({ level: 'info' });
      pinoHttp({ redact: ['req.headers.authorization'] });
      plain.info({ req });
      w.info({ req });
      job.log.info({ req });
    `;
    expect(censoredAt(code)).toEqual([[], null, null]);
  });
});

describe('redactCovers', () => {
  it('covers a path and everything under it, with * for any key and keys in any case', () => {
    expect(redactCovers([['req', 'headers', 'authorization']], ['req', 'headers', 'authorization'])).toBe(true);
    expect(redactCovers([['req', 'headers']], ['req', 'headers', 'cookie'])).toBe(true);
    expect(redactCovers([['*', 'password']], ['user', 'Password'])).toBe(true);
  });

  it('does not cover a sibling, a parent of the pattern, or anything with no patterns', () => {
    expect(redactCovers([['req', 'headers', 'authorization']], ['req', 'headers', 'cookie'])).toBe(false);
    expect(redactCovers([['req', 'headers', 'authorization']], ['req', 'headers'])).toBe(false);
    expect(redactCovers([], ['password'])).toBe(false);
  });
});
