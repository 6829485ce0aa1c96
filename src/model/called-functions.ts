/**
 * Which same-file function a call runs: the one its callee names, or the one a same-file factory
 * returns (`const respond = this.makeResponder(key); respond()`, `this.getCallback()(req, res)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, findVariable, getPropertyName, isFunctionNode, mayBindCallResult, resolveFunction, skipTransparent, walkSameFunction } from './ast.js';

/**
 * The same-file function a call runs: what `resolveFunction` finds, or the function a same-file
 * factory returns (`const respond = this.makeResponder(key); … await respond()`, where
 * `makeResponder(key) { return async () => { try … catch … } }`).
 */
export function resolveCalledFunction(context: Context, callee: TSESTree.Node): AnyFunction | null {
  const direct = resolveFunction(context, callee);
  if (direct) return direct;
  const n = skipTransparent(callee);
  // `this.getCallback()(req, res)`: the function a same-file factory returns, called at once.
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const factory = resolveFunction(context, n.callee);
    return factory ? returnedFunction(context, factory) : null;
  }
  if (n.type !== AST_NODE_TYPES.Identifier || !mayBindCallResult(context, n)) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  const init = variable.defs[0]!.node.init;
  const call = init ? skipTransparent(init) : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const factory = resolveFunction(context, call.callee);
  return factory ? returnedFunction(context, factory) : null;
}

/**
 * The one function a factory returns (`return async () => …`, an arrow whose body is one, or a
 * same-file function it hands out: `return this.requestHandler.bind(this)`), else null.
 */
function returnedFunction(context: Context, factory: AnyFunction): AnyFunction | null {
  if (factory.async || factory.generator) return null;
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return functionValue(context, factory.body);
  let found: AnyFunction | null = null;
  let other = false;
  walkSameFunction(
    factory.body,
    (node) => {
      if (other) return false;
      if (node.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
      const value = node.argument ? functionValue(context, node.argument) : null;
      if (value && found === null) found = value;
      else other = true;
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return other ? null : found;
}

/** The same-file function a returned value is: inline, `this.handle`, `handle`, or `….bind(this)` of one. */
function functionValue(context: Context, node: TSESTree.Node): AnyFunction | null {
  const n = skipTransparent(node);
  if (isFunctionNode(n)) return n;
  const bound = n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(n.callee) === 'bind' ? n.callee.object : null;
  const target = bound ?? n;
  return target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression ? resolveFunction(context, target) : null;
}
