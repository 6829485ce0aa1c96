import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { errorLogCallText, guessLoggerStyle, keyKeepsError, resolveLoggerStyle } from '../../src/model/logger-styles.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { type ProbeOptions, callResult, probeCalls } from '../helpers/probe.js';

/** The resolved style of the logger object of each `x.error(…)` call. */
const styles = (code: string, options: ProbeOptions = {}) =>
  probeCalls(code, (context, node) => {
    const callee = node.callee as TSESTree.MemberExpression;
    if (callee.type !== 'MemberExpression') return undefined;
    const r = resolveLoggerStyle(context, callee.object);
    return r && { style: r.style, source: r.source, errorKeys: r.errorKeys ? [...r.errorKeys].sort() : null };
  }, options);

describe('resolveLoggerStyle', () => {
  it('reads the style and the error keys from the creation call in the file', () => {
    const result = styles(`
      import pino from 'pino';
      import winston from 'winston';
      const bunyan = require('bunyan');
      const a = pino();
      const b = pino({ errorKey: 'error', serializers: { failure: pino.stdSerializers.err, req: reqSerializer } });
      const c = a.child({ module: 'x' });
      const w = winston.createLogger({});
      const y = bunyan.createLogger({ name: 'y' });
      const z = bunyan.createLogger({ name: 'z', serializers: bunyan.stdSerializers });
      a.error(1); b.error(2); c.error(3); w.error(4); y.error(5); z.error(6); console.error(7); req.log.error(8); mystery.error(9);
    `);
    expect(callResult(result, 'a.error(1)')).toEqual({ style: 'pino', source: 'creation', errorKeys: ['err'] });
    expect(callResult(result, 'b.error(2)')).toEqual({ style: 'pino', source: 'creation', errorKeys: ['err', 'error', 'failure'] });
    expect(callResult(result, 'c.error(3)')).toEqual({ style: 'pino', source: 'creation', errorKeys: ['err'] });
    expect(callResult(result, 'w.error(4)')).toEqual({ style: 'winston', source: 'creation', errorKeys: null });
    // bunyan serializes nothing without serializers.
    expect(callResult(result, 'y.error(5)')).toEqual({ style: 'bunyan', source: 'creation', errorKeys: [] });
    expect(callResult(result, 'z.error(6)')).toEqual({ style: 'bunyan', source: 'creation', errorKeys: ['err'] });
    expect(callResult(result, 'console.error(7)')).toEqual({ style: 'console', source: 'console', errorKeys: null });
    expect(callResult(result, 'req.log.error(8)')).toEqual({ style: 'pino', source: 'framework', errorKeys: null });
    expect(callResult(result, 'mystery.error(9)')).toBeNull();
  });

  it('takes the configured style for the configured logger, and as the convention for others', () => {
    const settings = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
    const result = styles('logger.error(1); audit.error(2); const p = require("pino")(); p.error(3);', { settings });
    expect(callResult(result, 'logger.error(1)')).toMatchObject({ style: 'winston', source: 'configured' });
    expect(callResult(result, 'audit.error(2)')).toMatchObject({ style: 'winston', source: 'convention' });
    // A logger whose creation shows another library keeps that library's style.
    expect(callResult(result, 'p.error(3)')).toMatchObject({ style: 'pino', source: 'creation' });
  });

  it('recognizes a Nest Logger member and an options object it cannot read as unknown keys', () => {
    const result = styles(
      `import { Logger } from '@nestjs/common';
       class S { private readonly logger = new Logger(S.name); m() { this.logger.error(1); } }
       const q = pino(options); q.error(2);`,
      { ts: true },
    );
    expect(callResult(result, 'this.logger.error(1)')).toMatchObject({ style: 'nest', source: 'creation' });
    expect(callResult(result, 'q.error(2)')).toMatchObject({ style: 'pino', errorKeys: null });
  });
});

describe('keyKeepsError', () => {
  it('knows which keys each logger serializes', () => {
    const pinoKnown = { style: 'pino', source: 'creation', errorKeys: new Set(['err']) } as const;
    const pinoUnknown = { style: 'pino', source: 'configured', errorKeys: null } as const;
    const winston = { style: 'winston', source: 'creation', errorKeys: null } as const;
    expect(keyKeepsError(pinoKnown, 'err')).toBe(true);
    expect(keyKeepsError(pinoKnown, 'error')).toBe(false);
    expect(keyKeepsError(pinoUnknown, 'err')).toBe(true);
    expect(keyKeepsError(pinoUnknown, 'error')).toBeNull();
    expect(keyKeepsError(winston, 'err')).toBe(false);
    expect(keyKeepsError({ style: 'bunyan', source: 'creation', errorKeys: new Set() }, 'err')).toBe(false);
  });
});

describe('errorLogCallText', () => {
  it.each([
    ['pino', undefined, "log.error({ err }, 'm')"],
    ['pino', '{ id }', "log.error({ err, id }, 'm')"],
    ['bunyan', undefined, "log.error(err, 'm')"],
    ['bunyan', '{ id }', "log.child({ id }).error(err, 'm')"],
    ['winston', undefined, "log.error('m', err)"],
    ['winston', '{ id }', "log.child({ id }).error('m', err)"],
    ['log4js', '{ id }', "log.error('m', err, { id })"],
    ['console', undefined, "log.error('m', err)"],
    ['nest', undefined, "log.error('m', err instanceof Error ? err.stack : String(err))"],
  ] as const)('%s with fields %s', (style, fields, expected) => {
    expect(errorLogCallText(style, { logger: 'log', method: 'error', message: "'m'", error: 'err', fields })).toBe(expected);
  });

  it('puts fields beside the error for bunyan only when the creation has an err serializer', () => {
    expect(errorLogCallText('bunyan', { logger: 'log', method: 'warn', message: "'m'", error: 'e', fields: '{ id }', errorKeys: new Set(['err']) })).toBe(
      "log.warn({ err: e, id }, 'm')",
    );
  });
});

describe('guessLoggerStyle', () => {
  it("guesses pino for an object first argument, Nest for this.logger.error(msg), console otherwise", () => {
    const results = probeCalls(
      `
      log.error({ err }, 'failed');
      this.logger.error('failed');
      log.error('failed', err);
    `,
      (context, node) => {
        const call = getLoggerCall(context, node);
        return call ? guessLoggerStyle(call).style : null;
      },
    );
    expect(callResult(results, "log.error({ err }, 'failed')")).toBe('pino');
    expect(callResult(results, "this.logger.error('failed')")).toBe('nest');
    expect(callResult(results, "log.error('failed', err)")).toBe('console');
  });
});
