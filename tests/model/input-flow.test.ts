/**
 * src/model/input-flow.ts: reaching writes of a `let`, parameters a same-file helper returns as
 * text, and the same-file call sites of a function.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, findVariable, resolveFunction } from '../../src/model/ast.js';
import { reachingWritesBefore, sameFileCallSites, textReturningParams, writtenInBody } from '../../src/model/input-flow.js';
import { probe } from '../helpers/probe.js';

/** The source text of each value that may reach the argument of each `use(x)` call (null: not followed). */
function reaching(code: string): (string | null)[][] {
  const out: (string | null)[][] = [];
  probe(code, (context: Context) => ({
    'CallExpression[callee.name="use"] > Identifier'(node: TSESTree.Identifier) {
      if ((node.parent as TSESTree.CallExpression).callee === node) return;
      const variable = findVariable(context, node);
      const writes = variable ? reachingWritesBefore(variable, node) : undefined;
      out.push(writes === undefined ? ['(declaration only)'] : writes.map((w) => (w ? context.sourceCode.getText(w) : null)));
    },
  }));
  return out;
}

describe('reachingWritesBefore', () => {
  it('a rewrite in an if branch keeps the older value on the path around it; an unconditional one does not', () => {
    expect(reaching('let id = req.params.x;\nif (c) id = lookup(id);\nuse(id);')).toEqual([['lookup(id)', 'id = req.params.x']]);
    expect(reaching('let id = req.params.x;\nid = lookup(id);\nuse(id);')).toEqual([['lookup(id)']]);
    expect(reaching('let id = req.params.x;\nuse(id);')).toEqual([['(declaration only)']]);
  });
});

describe('textReturningParams and sameFileCallSites', () => {
  function ask(code: string): { params: Record<string, readonly number[]>; sites: Record<string, number | null>; written: Record<string, boolean> } {
    const params: Record<string, readonly number[]> = {};
    const sites: Record<string, number | null> = {};
    const written: Record<string, boolean> = {};
    probe(code, (context: Context) => ({
      'Program > ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
        const name = (node.callee as TSESTree.Identifier).name;
        params[name] = textReturningParams(context, node);
        const fn = resolveFunction(context, node.callee) as AnyFunction | null;
        if (fn) {
          sites[name] = sameFileCallSites(context, fn)?.length ?? null;
          const first = fn.params[0];
          if (first?.type === 'Identifier') written[name] = writtenInBody(context, fn, first);
        }
      },
    }));
    return { params, sites, written };
  }

  it('a helper returning text built from a parameter, called twice; one rewriting its parameter', () => {
    const code = [
      'const fmt = (u) => `user ${u.trim()}`;',
      'function audit(name) { name = name.slice(0, 10); return name; }',
      'function count(n) { return n.length; }',
      'fmt(req.query.u);',
      'fmt(other);',
      'audit(req.body.name);',
      'count(req.body.n);',
    ].join('\n');
    const { params, sites, written } = ask(code);
    expect(params).toEqual({ fmt: [0], audit: [], count: [] });
    expect(sites).toEqual({ fmt: 2, audit: 1, count: 1 });
    expect(written).toEqual({ fmt: false, audit: true, count: false });
  });
});
