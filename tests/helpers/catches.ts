/** Run a util on every catch clause (or promise rejection handler) of real parsed code, in source order. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../../src/model/ast.js';
import { type ProbeOptions, probe } from './probe.js';

/** The answer of `fn` for each catch clause of `code`, in source order. */
export function catches<T>(code: string, fn: (context: Context, node: TSESTree.CatchClause) => T, options: ProbeOptions = {}): T[] {
  const out: T[] = [];
  probe(code, (context) => ({ CatchClause: (node: TSESTree.CatchClause) => void out.push(fn(context, node)) }), options);
  return out;
}

/** The answer of `fn` for each `x.catch(handler)` call of `code` (handler = its first argument), in source order. */
export function promiseCatches<T>(
  code: string,
  fn: (context: Context, call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression }, handler: TSESTree.Node) => T,
  options: ProbeOptions = {},
): T[] {
  const out: T[] = [];
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'catch') return;
        out.push(fn(context, node as TSESTree.CallExpression & { callee: TSESTree.MemberExpression }, node.arguments[0]!));
      },
    }),
    options,
  );
  return out;
}
