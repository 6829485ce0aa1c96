import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mayHaveCommentsInside, mayNameFunction, resolveFunction } from '../../src/model/ast.js';
import { probe } from '../helpers/probe.js';

/** The cheap gates of ast.ts must never say no where the look-up they spare would find something. */
describe('mayHaveCommentsInside', () => {
  const code = [
    '// before',
    'try { a() } catch { /* ignore: cache miss, expected */ }',
    'try { b() } catch {}',
    'try { c() } catch { d() } // after the block',
    'try { e() } catch {',
    '  // first',
    '  f() /* second */',
    '}',
    'function g() {}',
  ].join('\n');

  it('agrees with getCommentsInside on every block of the file', () => {
    const answers: { gate: boolean; comments: number }[] = [];
    probe(code, (context) => ({
      BlockStatement(node: TSESTree.BlockStatement) {
        answers.push({ gate: mayHaveCommentsInside(context.sourceCode, node), comments: context.sourceCode.getCommentsInside(node).length });
      },
    }));
    expect(answers.length).toBe(9);
    for (const { gate, comments } of answers) expect(gate).toBe(comments > 0);
    expect(answers.filter((a) => a.gate).length).toBe(2);
  });

  it('is false in a file without comments', () => {
    const answers: boolean[] = [];
    probe('try { a() } catch { b() }', (context) => ({
      BlockStatement(node: TSESTree.BlockStatement) {
        answers.push(mayHaveCommentsInside(context.sourceCode, node));
      },
    }));
    expect(answers).toEqual([false, false]);
  });
});

describe('mayNameFunction', () => {
  it('is true wherever resolveFunction finds a same-file function', () => {
    const code = [
      'import { send } from "./send";',
      'function helper(x) { return x; }',
      'const arrow = (x) => x;',
      'const value = compute();',
      'helper(1); arrow(2); send(3); value(4); missing(5);',
    ].join('\n');
    const answers: Record<string, { gate: boolean; resolved: boolean }> = {};
    probe(code, (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier') return;
        answers[node.callee.name] = { gate: mayNameFunction(context, node.callee), resolved: resolveFunction(context, node.callee) !== null };
      },
    }));
    expect(answers).toEqual({
      compute: { gate: false, resolved: false },
      helper: { gate: true, resolved: true },
      arrow: { gate: true, resolved: true },
      send: { gate: false, resolved: false },
      value: { gate: false, resolved: false },
      missing: { gate: false, resolved: false },
    });
  });
});
