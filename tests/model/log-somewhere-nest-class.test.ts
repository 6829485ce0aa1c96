/**
 * Two small shared answers moved out of log-rate-limit-violations: "does this function log at
 * `level` or above somewhere" (src/model/loggers.ts) and "is this node inside a NestJS class"
 * (src/model/nest.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, isFunctionNode } from '../../src/model/ast.js';
import { logsSomewhereAtLeast } from '../../src/model/loggers.js';
import { isInNestClass } from '../../src/model/nest.js';
import { probe } from '../helpers/probe.js';

/** logsSomewhereAtLeast(level) for each top-level function declaration, in order. */
function logsAt(code: string, level: 'warn' | 'error'): boolean[] {
  const out: boolean[] = [];
  probe(code, (context: Context) => ({
    'Program > FunctionDeclaration'(node: TSESTree.FunctionDeclaration) {
      if (isFunctionNode(node)) out.push(logsSomewhereAtLeast(context, node as AnyFunction, level));
    },
  }));
  return out;
}

describe('logsSomewhereAtLeast', () => {
  it('counts a log at the level or above on any path, not only every path', () => {
    const code = [
      "function a(req) { if (first) logger.warn({ ip: req.ip }, 'rate limit'); }",
      "function b(req) { logger.error('limit'); }",
      "function c(req) { logger.info('limit'); }",
      "function d(req) { setTimeout(() => logger.warn('later')); }",
    ].join('\n');
    expect(logsAt(code, 'warn')).toEqual([true, true, false, false]);
    expect(logsAt(code, 'error')).toEqual([false, true, false, false]);
  });
});

describe('isInNestClass', () => {
  function inNest(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context: Context) => ({ 'CallExpression[callee.name="mark"]': (node: TSESTree.CallExpression) => out.push(isInNestClass(context, node)) }), { ts: true });
    return out;
  }

  it('is the nearest enclosing class a Nest one, through nested functions', () => {
    const code = [
      "import { Injectable } from '@nestjs/common';",
      '@Injectable() class A { run() { mark(); [1].forEach(function () { mark(); }); } }',
      'class B { run() { mark(); } }',
      'mark();',
    ].join('\n');
    expect(inNest(code)).toEqual([true, true, false, false]);
  });
});
