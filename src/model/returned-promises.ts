/**
 * What a function of another module returns, read from its body alone (for project-modules.ts): another call's promise
 * handed on outside any `try` with a `catch` (`returnsUnknownPromise`), or a `new Promise` whose executor hands its
 * `reject` on or calls it from a callback (`returnsRejectingPromise`).
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, getEnclosingFunction, isFunctionNode, skipTypeWrappers, walkSameFunction, walkTree } from './ast.js';

/**
 * `async read(k) { return this.client.get(k) }`: the function hands on another call's promise outside
 * any `try` with a `catch`. `findEscape` does not guess that an unknown call rejects; a callee in
 * another module is judged by what the caller cannot see, so such a promise counts as one that may.
 */
export function returnsUnknownPromise(fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const isCall = (node: TSESTree.Node) => {
    const n = skipTypeWrappers(node);
    return n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression;
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isCall(fn.body);
  let found = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (found) return false;
      // What a `try` with a `catch` returns is caught there.
      if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
        walkSameFunction(node.handler.body, (inner) => !(found ||= inner.type === AST_NODE_TYPES.ReturnStatement && !!inner.argument && isCall(inner.argument)), visitorKeys);
        if (node.finalizer) walkSameFunction(node.finalizer, (inner) => !(found ||= inner.type === AST_NODE_TYPES.ReturnStatement && !!inner.argument && isCall(inner.argument)), visitorKeys);
        return false;
      }
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && isCall(node.argument)) found = true;
      return !found;
    },
    visitorKeys,
  );
  return found;
}

/**
 * A `return new Promise((resolve, reject) => …)` of the function itself whose executor hands its `reject`
 * on or calls it from a callback (not only `reject(…)` in its own body, a check of its arguments).
 */
export function returnsRejectingPromise(fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const rejecting = (node: TSESTree.Node | null | undefined): boolean => {
    const n = node ? skipTypeWrappers(node) : null;
    if (n?.type !== AST_NODE_TYPES.NewExpression || n.callee.type !== AST_NODE_TYPES.Identifier || n.callee.name !== 'Promise') return false;
    const executor = n.arguments[0] ? skipTypeWrappers(n.arguments[0]) : null;
    if (!executor || !isFunctionNode(executor)) return false;
    const reject = executor.params[1];
    if (reject?.type !== AST_NODE_TYPES.Identifier) return false;
    const name = reject.name;
    // `reject(new Error('not found'))` called in the executor's own body is a synchronous precondition on
    // the arguments; `reject` handed on (`.catch(reject)`) or called from a callback is a failure of the work.
    let used = false;
    walkTree(executor.body, (inner) => {
      if (used || inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) return;
      const call = inner.parent;
      const direct = call?.type === AST_NODE_TYPES.CallExpression && call.callee === inner && getEnclosingFunction(call) === executor;
      if (!direct) used = true;
    }, visitorKeys);
    return used;
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return rejecting(fn.body);
  let found = false;
  walkSameFunction(fn.body, (node) => !(found ||= node.type === AST_NODE_TYPES.ReturnStatement && rejecting(node.argument)), visitorKeys);
  return found;
}
