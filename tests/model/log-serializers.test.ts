import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { createLogFieldFilters, fastifySerializesRequest, parseRedactPath, redactCoversAll, redactOptionsFromText } from '../../src/model/log-serializers.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

const loggers = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/no-raw-secret-in-log/loggers');
const HEADERS = [['headers', 'authorization']];

/** For every `*.info(…)` call: null when the logger's configuration is unknown, else whether it drops `req.headers.authorization`. */
function dropsReqHeaders(code: string, options: ProbeOptions = {}): (boolean | null)[] {
  const out: (boolean | null)[] = [];
  probe(
    code,
    (context: Context) => {
      const filters = createLogFieldFilters(context);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'info') return;
          const filter = filters.forLogCall(node);
          out.push(filter === null ? null : filter.drops('req', HEADERS));
        },
      };
    },
    { sourceType: 'module', ...options },
  );
  return out;
}

describe('createLogFieldFilters: the logger of this file', () => {
  it('reads a request serializer that picks fields, inline, named, or wrapped', () => {
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: (req) => ({ method: req.method, url: req.url }) } }); logger.info({ req });`)).toEqual([true]);
    expect(dropsReqHeaders(`function s(r) { return { method: r.method, headers: { host: r.headers.host } }; } const log = bunyan.createLogger({ name: 'a', serializers: { req: s } }); log.child({}).info({ req });`)).toEqual([true]);
    expect(dropsReqHeaders(`const logger = pinoHttp({ serializers: { req: pino.stdSerializers.wrapRequestSerializer((r) => ({ url: r.url, headers: scrub(r.headers) })) } }); logger.info({ req });`)).toEqual([true]);
  });

  it('keeps what a serializer passes through, copies, or cannot be read', () => {
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: (req) => ({ ...req, body: undefined }) } }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: (req) => ({ headers: req.headers }) } }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: (req) => ({ headers: Object.assign({}, req.headers) }) } }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: pino.stdSerializers.req } }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: (req) => { if (x) return req; return { url: req.url }; } } }); logger.info({ req });`)).toEqual([false]);
  });

  it("follows the serializer's own consts; the last property that sets a key decides", () => {
    expect(dropsReqHeaders(`function s(req) { const std = pino.stdSerializers.req(req); const headers = scrub(std.headers); return { ...std, headers }; } const logger = pino({ serializers: { req: s } }); logger.info({ req });`)).toEqual([true]);
    expect(dropsReqHeaders(`function s(req) { const std = pino.stdSerializers.req(req); return std; } const logger = pino({ serializers: { req: s } }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`function s(req) { const std = stdSerializers.req(req); return { ...std, url: req.url }; } const logger = pino({ serializers: { req: s } }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`const logger = pino({ serializers: { req: (req) => ({ headers: scrub(req.headers), ...req }) } }); logger.info({ req });`)).toEqual([false]);
  });

  it('reads pino redact paths, and knows nothing of a logger without options', () => {
    expect(dropsReqHeaders(`const REDACT = ['req.headers.authorization']; const logger = pino({ redact: REDACT }); logger.info({ req });`)).toEqual([true]);
    expect(dropsReqHeaders(`const logger = pino({ redact: ['req.headers.cookie'] }); logger.info({ req });`)).toEqual([false]);
    expect(dropsReqHeaders(`const logger = pino(); logger.info({ req });`)).toEqual([null]);
    expect(dropsReqHeaders(`console.info({ req });`)).toEqual([null]);
  });
});

describe('createLogFieldFilters: the logger module one import away', () => {
  it('reads a relative module from disk (require, import, .js written for .ts)', () => {
    expect(dropsReqHeaders(`const logger = require('./redacting-logger'); logger.info({ req });`, { filename: path.join(loggers, 'a.js') })).toEqual([true]);
    expect(dropsReqHeaders(`import { logger } from './redact-paths-logger.js'; logger.info({ req });`, { filename: path.join(loggers, 'a.ts'), ts: true })).toEqual([true]);
    expect(dropsReqHeaders(`import logger from './copying-logger.mjs'; logger.info({ req });`, { filename: path.join(loggers, 'a.js') })).toEqual([false]);
    expect(dropsReqHeaders(`const log = require('./plain-logger'); log.info({ req });`, { filename: path.join(loggers, 'a.js') })).toEqual([false]);
  });

  it('a logger imported by name is judged by its own options (an options object given second too)', () => {
    const at = { filename: path.join(loggers, 'a.js') };
    expect(dropsReqHeaders(`import { webLogger } from './named-loggers.js'; webLogger.info({ req });`, at)).toEqual([true]);
    expect(dropsReqHeaders(`import { auditLogger } from './named-loggers.js'; auditLogger.info({ req });`, at)).toEqual([false]);
    expect(dropsReqHeaders(`import { appLogger } from './named-loggers.js'; appLogger.info({ req });`, at)).toEqual([false]);
    expect(dropsReqHeaders(`import * as loggers from './named-loggers.js'; loggers.info({ req });`, at)).toEqual([false]);
  });

  it('assumes nothing for unknown packages and missing or unparsable modules', () => {
    expect(dropsReqHeaders(`const logging = require('@acme/logging'); logging.info({ req });`, { filename: path.join(loggers, 'a.js') })).toEqual([null]);
    expect(dropsReqHeaders(`const logger = require('./missing'); logger.info({ req });`, { filename: path.join(loggers, 'a.js') })).toEqual([null]);
    // A module that does not parse as a program (JSON) is skipped without an error.
    expect(dropsReqHeaders(`import x from '../tsconfig.json'; x.info({ req });`, { filename: path.join(loggers, 'a.js') })).toEqual([null]);
  });
});

describe('createLogFieldFilters: logger packages whose request serializers strip credentials', () => {
  it('knows @tryghost/logging: its req and res serializers drop credential headers, other fields are kept', () => {
    expect(dropsReqHeaders(`const logging = require('@tryghost/logging'); logging.info({ req }); logging.info({ req, res });`, { filename: path.join(loggers, 'a.js') })).toEqual([true, true]);
    const kept: (boolean | null)[] = [];
    probe(
      `import logging from '@tryghost/logging'; logging.info({ headers: req.headers });`,
      (context: Context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === 'MemberExpression') kept.push(createLogFieldFilters(context).forLogCall(node)?.drops('headers', [['authorization']]) ?? null);
        },
      }),
      { sourceType: 'module' },
    );
    expect(kept).toEqual([false]);
  });
  it('takes more packages from settings.redactingLoggers', () => {
    const settings = { 'security-logging': { redactingLoggers: ['@acme/logging'] } };
    expect(dropsReqHeaders(`import log from '@acme/logging'; log.info({ req });`, { settings })).toEqual([true]);
    expect(dropsReqHeaders(`import log from '@acme/other'; log.info({ req });`, { settings })).toEqual([null]);
  });
});

describe('redactOptionsFromText (hosts that lend no parser, such as oxlint)', () => {
  it('reads the string elements of redact, brackets in strings included', () => {
    const text = `export const logger = pino({ level: 'info', redact: ['req.headers.authorization', "req.headers[\\"x-api-key\\"]", 'res.headers["set-cookie"]', ] });`;
    expect(redactOptionsFromText(text)?.map((o) => o.redact)).toEqual([
      [
        ['req', 'headers', 'authorization'],
        ['req', 'headers', 'x-api-key'],
        ['res', 'headers', 'set-cookie'],
      ],
    ]);
    expect(redactOptionsFromText("pino({ redact: { paths: ['req.headers.cookie'], censor: '***' } })")?.map((o) => o.redact)).toEqual([[['req', 'headers', 'cookie']]]);
  });
  it('answers "drops nothing" for a logger without redact, and "unknown" when it cannot read it', () => {
    expect(redactOptionsFromText("export const logger = pino({ level: 'info' });")).toEqual([]);
    expect(redactOptionsFromText('export const x = 1;')).toBeNull();
    expect(redactOptionsFromText('pino({ redact: REDACT_PATHS })')).toBeNull();
    expect(redactOptionsFromText("pino({ redact: ['a', ...more] })")).toBeNull();
    expect(redactOptionsFromText('pino({ serializers: { req: (r) => r.url } })')).toBeNull();
  });
});

describe('parseRedactPath', () => {
  it('splits dotted and bracketed paths', () => {
    expect(parseRedactPath('req.headers["x-api-key"]')).toEqual(['req', 'headers', 'x-api-key']);
    expect(parseRedactPath("a[*].b['c d']")).toEqual(['a', '*', 'b', 'c d']);
  });
});

describe('redactCoversAll', () => {
  const patterns = [parseRedactPath('req.headers.authorization'), parseRedactPath('user.*')];
  it('every sub-path under the base must be censored', () => {
    expect(redactCoversAll(patterns, ['req'], [['headers', 'authorization']])).toBe(true);
    expect(redactCoversAll(patterns, ['req'], [['headers', 'authorization'], ['headers', 'cookie']])).toBe(false);
    expect(redactCoversAll(patterns, ['user'], [['password'], ['token']])).toBe(true);
    expect(redactCoversAll(patterns, ['REQ', 'Headers'], [['Authorization']])).toBe(true);
  });
  it('an empty full path is never covered', () => {
    expect(redactCoversAll([[]], [], [[]])).toBe(false);
  });
});

describe('fastifySerializesRequest', () => {
  it("request.log / reply.log in a Fastify route: Fastify's req serializer; not in Express, not another logger", () => {
    const code = [
      "import Fastify from 'fastify'; import express from 'express';",
      'const fastify = Fastify(); const app = express();',
      "fastify.get('/a', async (request, reply) => { request.log.info({ req: request }); reply.log.info({ req: request }); logger.info({ req: request }); });",
      "app.get('/b', (req, res) => { req.log.info({ req }); });",
    ].join('\n');
    const results = probeCalls(code, (context, node) => {
      const call = getLoggerCall(context, node);
      return call ? fastifySerializesRequest(context, call) : null;
    });
    expect(callResult(results, 'request.log.info({ req: request })')).toBe(true);
    expect(callResult(results, 'reply.log.info({ req: request })')).toBe(true);
    expect(callResult(results, 'logger.info({ req: request })')).toBe(false);
    expect(callResult(results, 'req.log.info({ req })')).toBe(false);
  });
});
