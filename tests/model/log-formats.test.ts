import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writesJsonLines } from '../../src/model/log-formats.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { type ProbeOptions, callResult, probeCalls } from '../helpers/probe.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/log-formats');

/** writesJsonLines for the log call with the given text (null when it is not a log call). */
function jsonLines(code: string, callText: string, options: ProbeOptions = {}): boolean | null {
  const results = probeCalls(
    code,
    (context, node) => {
      const call = getLoggerCall(context, node);
      return call ? writesJsonLines(context, call) : null;
    },
    { sourceType: 'module', ...options },
  );
  return callResult(results, callText);
}

describe('writesJsonLines', () => {
  it('knows pino and bunyan loggers created in the file, also their children', () => {
    expect(jsonLines("import pino from 'pino'; const log = pino(); log.info('a');", "log.info('a')")).toBe(true);
    expect(jsonLines("import pino from 'pino'; const log = pino({ level: 'debug' }).child({ m: 1 }); log.warn('a');", "log.warn('a')")).toBe(true);
    expect(jsonLines("const bunyan = require('bunyan'); const log = bunyan.createLogger({ name: 'x' }); log.error('a');", "log.error('a')")).toBe(true);
  });

  it('leaves pretty-printed pino and formatted bunyan out', () => {
    expect(jsonLines("import pino from 'pino'; const log = pino({ transport: { target: 'pino-pretty' } }); log.info('a');", "log.info('a')")).toBe(false);
    expect(jsonLines("import pino from 'pino'; const log = pino({ prettyPrint: true }); log.info('a');", "log.info('a')")).toBe(false);
    expect(jsonLines("import pino from 'pino'; const log = pino({ transport: opts.transport }); log.info('a');", "log.info('a')")).toBe(false);
    expect(jsonLines("const bunyan = require('bunyan'); const log = bunyan.createLogger({ name: 'x', stream: new PrettyStream() }); log.info('a');", "log.info('a')")).toBe(false);
  });

  it("reads winston's last finalizing format, on the logger and its transports", () => {
    expect(jsonLines("import winston from 'winston'; const l = winston.createLogger({}); l.info('a');", "l.info('a')")).toBe(true);
    expect(jsonLines("import winston from 'winston'; const l = winston.createLogger({ format: winston.format.combine(winston.format.timestamp(), winston.format.json()) }); l.info('a');", "l.info('a')")).toBe(true);
    expect(jsonLines("import winston from 'winston'; const { combine, json, printf } = winston.format; const l = winston.createLogger({ format: combine(json(), printf((i) => i.message)) }); l.info('a');", "l.info('a')")).toBe(false);
    expect(jsonLines("import winston from 'winston'; const l = winston.createLogger({ transports: [new winston.transports.Console({ format: winston.format.cli() })] }); l.info('a');", "l.info('a')")).toBe(false);
    expect(jsonLines("import winston from 'winston'; const l = winston.createLogger({ format: myFormat }); l.info('a');", "l.info('a')")).toBe(false);
  });

  it('knows Fastify request loggers only inside a Fastify route', () => {
    expect(jsonLines("fastify.get('/', async (request, reply) => { request.log.info('a'); });", "request.log.info('a')")).toBe(true);
    expect(jsonLines("app.get('/', (req, res) => { req.log.info('a'); });", "req.log.info('a')")).toBe(false);
  });

  it('reads a logger one import away', () => {
    const at = { filename: path.join(fixtures, 'routes.js') };
    expect(jsonLines("const logger_1 = require('./compiled-bunyan'); logger_1.log.info('a');", "logger_1.log.info('a')", { ...at, sourceType: 'script' })).toBe(true);
    expect(jsonLines("import { jsonLogger, prettyLogger } from './json-loggers.mjs'; jsonLogger.info('a'); prettyLogger.info('b');", "jsonLogger.info('a')", at)).toBe(true);
    expect(jsonLines("import { jsonLogger, prettyLogger } from './json-loggers.mjs'; jsonLogger.info('a'); prettyLogger.info('b');", "prettyLogger.info('b')", at)).toBe(false);
    expect(jsonLines("import logger from './text-winston.js'; logger.info('a');", "logger.info('a')", at)).toBe(false);
    expect(jsonLines("import logger from './missing.js'; logger.info('a');", "logger.info('a')", at)).toBe(false);
  });

  it('answers no for console and unknown loggers', () => {
    expect(jsonLines("console.log('a');", "console.log('a')")).toBe(false);
    expect(jsonLines("logger.info('a');", "logger.info('a')")).toBe(false);
    expect(jsonLines("class S { constructor(logger) { this.logger = logger; } f() { this.logger.info('a'); } }", "this.logger.info('a')")).toBe(false);
  });

  it("knows Backstage's LoggerService handed to a backend module, unless the file shows a text logger", () => {
    const events = "var pluginEventsNode = require('@backstage/plugin-events-node');\nasync function createRouter(options) { const logger = options.logger.child({ type: 'EventBus' }); logger.debug('a'); }";
    expect(jsonLines(events, "logger.debug('a')", { sourceType: 'commonjs' })).toBe(true);
    expect(jsonLines("import { coreServices } from '@backstage/backend-plugin-api'; class S { constructor(logger) { this.logger = logger; } f() { this.logger.info('a'); } }", "this.logger.info('a')")).toBe(true);
    // a frontend package, a text logger the file creates, console: no
    expect(jsonLines("import { useApi } from '@backstage/core-plugin-api'; function f(logger) { logger.info('a'); }", "logger.info('a')")).toBe(false);
    expect(jsonLines("import { coreServices } from '@backstage/backend-plugin-api'; import winston from 'winston'; const l = winston.createLogger({ format: winston.format.simple() }); l.info('a');", "l.info('a')")).toBe(false);
    expect(jsonLines("import { coreServices } from '@backstage/backend-plugin-api'; console.log('a');", "console.log('a')")).toBe(false);
  });
});
