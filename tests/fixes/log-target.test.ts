/**
 * The one log-target precedence (src/fixes/log-target.ts): the request logger the file already
 * logs through > the configured logger > the file's own logger whose style the file shows > the
 * request logger the file does not use yet > console.
 * Autofix only when a logger is configured.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { logTargetAt } from '../../src/fixes/log-target.js';
import { probe } from '../helpers/probe.js';

const CONFIGURED = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };

/** The target at each `deny(…)` call: its expression and whether it may autofix. */
function targets(code: string, settings: Record<string, unknown> = {}, ts = false): string[] {
  const out: string[] = [];
  probe(
    code,
    (context: Context) => ({
      'CallExpression[callee.name="deny"]'(node: TSESTree.CallExpression) {
        const target = logTargetAt(context, node);
        out.push(`${target.expression}${target.configured ? ' (autofix)' : ''}`);
      },
    }),
    { settings, ts },
  );
  return out;
}

const FASTIFY_USING_REQUEST_LOG = "fastify.post('/login', async (request, reply) => {\n  request.log.info('login');\n  deny(reply);\n});";
const FASTIFY_SILENT = "fastify.post('/login', async (request, reply) => {\n  deny(reply);\n});";

describe('logTargetAt', () => {
  it('prefers the request logger the file already logs through, whose lines carry the request id', () => {
    expect(targets(FASTIFY_USING_REQUEST_LOG, CONFIGURED)).toEqual(['request.log (autofix)']);
    expect(targets(FASTIFY_USING_REQUEST_LOG)).toEqual(['request.log']);
    const koa = "router.post('/login', async (ctx) => {\n  ctx.log.info('login');\n  deny(ctx);\n});";
    expect(targets(koa, CONFIGURED)).toEqual(['ctx.log (autofix)']);
  });

  it('takes the configured logger where the file does not log through the request logger', () => {
    expect(targets(FASTIFY_SILENT, CONFIGURED)).toEqual(['logger (autofix)']);
    const express = "app.post('/login', (req, res) => {\n  deny(res);\n});";
    expect(targets(express, CONFIGURED)).toEqual(['logger (autofix)']);
  });

  it('without a configured logger: the framework request logger, else console, as suggestions', () => {
    expect(targets(FASTIFY_SILENT)).toEqual(['request.log']);
    expect(targets("app.post('/login', (req, res) => {\n  deny(res);\n});")).toEqual(['console']);
    // outside a request handler there is no request logger
    expect(targets('function job() {\n  deny();\n}', CONFIGURED)).toEqual(['logger (autofix)']);
  });

  it("a Nest class's own logger, when the class logs through it", () => {
    const nest = [
      "import { Controller, Post, Logger } from '@nestjs/common';",
      '@Controller()',
      'export class AuthController {',
      '  private readonly logger = new Logger(AuthController.name);',
      "  @Post('login')",
      '  login() {',
      "    this.logger.log('login');",
      '    deny();',
      '  }',
      '}',
    ].join('\n');
    expect(targets(nest, CONFIGURED, true)).toEqual(['this.logger (autofix)']);
  });

  it("without a configured logger: the file's own logger when the file shows its style and logs through it (a suggestion)", () => {
    const pinoFile = "const pino = require('pino');\nconst log = pino({ level: 'info' });\nlog.info('start');\nfunction job() {\n  deny();\n}";
    expect(targets(pinoFile)).toEqual(['log']);
    // the configured logger still wins, and an autofix stays the configured logger's
    expect(targets(pinoFile, CONFIGURED)).toEqual(['logger (autofix)']);
    // winston's default logger bound by its import (tinylicious' routes)
    expect(targets("import winston from 'winston';\nwinston.info('start');\nrouter.get('/', (req, res) => {\n  deny(res);\n});")).toEqual(['winston']);
    // log4js (etherpad's messageLogger)
    expect(targets("const log4js = require('log4js');\nconst messageLogger = log4js.getLogger('message');\nmessageLogger.info('x');\nfunction f() { deny(); }")).toEqual(['messageLogger']);
  });

  it('console when the file logger cannot be used there or its style is not visible', () => {
    // a project logger module: its style is not in this file (pino would drop an Error after the message)
    expect(targets("const logger = require('./logger');\nlogger.info('start');\nfunction job() {\n  deny();\n}")).toEqual(['console']);
    // created but never logged through in this file
    expect(targets("const pino = require('pino');\nconst log = pino();\nmodule.exports = log;\nfunction job() {\n  deny();\n}")).toEqual(['console']);
    // shadowed where the fix goes
    expect(targets("const pino = require('pino');\nconst log = pino();\nlog.info('x');\nfunction job(log) {\n  deny();\n}")).toEqual(['console']);
    // winston imported only to create a logger that the file does not call
    expect(targets("import winston from 'winston';\nexport const logger = winston.createLogger({});\nfunction job() {\n  deny();\n}")).toEqual(['console']);
  });

  it("the request logger the file already logs through stays first; the file's logger goes before an unused request logger", () => {
    const withPino = "const pino = require('pino');\nconst log = pino();\nlog.info('boot');\n";
    expect(targets(withPino + FASTIFY_USING_REQUEST_LOG)).toEqual(['request.log']);
    expect(targets(withPino + FASTIFY_SILENT)).toEqual(['log']);
  });
});
