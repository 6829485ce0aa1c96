/**
 * src/model/request-context.ts: whether the file logs through a request logger, and whether a
 * `.log` is the Fastify instance's own logger.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { fileLogsThrough, isFastifyInstanceLogger } from '../../src/model/request-context.js';
import { probe } from '../helpers/probe.js';

function logsThrough(code: string, expression: string): boolean {
  let answer = false;
  probe(code, (context: Context) => ({ Program: () => void (answer = fileLogsThrough(context, expression)) }));
  return answer;
}

describe('fileLogsThrough', () => {
  it('is a method call on exactly that expression somewhere in the file', () => {
    expect(logsThrough("handler((request) => request.log.info('hi'));", 'request.log')).toBe(true);
    expect(logsThrough("handler((ctx) => ctx.log.warn({ id }, 'x'));", 'ctx.log')).toBe(true);
    expect(logsThrough('class A { run() { this.logger.error(e); } }', 'this.logger')).toBe(true);
    // a longer name that ends the same way, a property read, or another logger do not count
    expect(logsThrough("handler((request) => myrequest.log.info('hi'));", 'request.log')).toBe(false);
    expect(logsThrough('handler((request) => send(request.log));', 'request.log')).toBe(false);
    expect(logsThrough("handler((req) => logger.info('hi'));", 'req.log')).toBe(false);
  });
});

describe('isFastifyInstanceLogger', () => {
  function instanceLoggers(code: string): string[] {
    const out: string[] = [];
    probe(code, (context: Context) => ({
      MemberExpression(node: TSESTree.MemberExpression) {
        if (isFastifyInstanceLogger(node)) out.push(context.sourceCode.getText(node));
      },
    }));
    return out;
  }

  it("is `.log` on a name a Fastify instance goes by, not the request's logger", () => {
    expect(instanceLoggers("fastify.log.info('a'); app.log.warn('b'); server.log.error('c');")).toEqual(['fastify.log', 'app.log', 'server.log']);
    expect(instanceLoggers("request.log.info('a'); req.log.warn('b'); fastify.logger.info('c');")).toEqual([]);
  });
});
