/**
 * Discarded values: which statement throws a call's value away (through `void`, `?.` and type
 * wrappers), which call a discarded value makes, and whether it is handed to a fire-and-forget helper.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getCalleePath, lastSegment, skipTypeWrappers } from './ast.js';
import { FIRE_AND_FORGET_HELPERS } from './promises.js';

/** Wrappers between a discarded call and its statement: `void`, `?.`, `as`, `!`, `satisfies`, `<T>`. */
const DISCARD_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/**
 * What throws `node`'s value away (through `void`, `?.` and type wrappers): an expression statement (`run();`,
 * `void run();`, `obj?.run();`), or the `void` that is an arrow's body (`() => void run()`); null when the value is
 * used. `at` is where the value is discarded (the statement, or the `void`), `value` the discarded expression.
 */
export function discardingPoint(node: TSESTree.CallExpression | TSESTree.NewExpression): { at: TSESTree.Node; value: TSESTree.Node } | null {
  let top: TSESTree.Node = node;
  let parent = node.parent;
  while (DISCARD_WRAPPERS.has(parent.type) && (parent.type !== AST_NODE_TYPES.UnaryExpression || parent.operator === 'void')) {
    top = parent;
    parent = parent.parent!;
  }
  if (parent.type === AST_NODE_TYPES.ExpressionStatement && parent.expression === top) return { at: parent, value: top };
  // `() => void run()`: the arrow discards the promise (the call itself, not one inside a wrapper `void` skips less of).
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === top && top.type === AST_NODE_TYPES.UnaryExpression && top.operator === 'void' && discardedCall(top)?.expression === node) {
    return { at: top, value: top };
  }
  return null;
}

/** The call a discarded value makes (`run()`, `void run()`, `obj?.run()`, `run() as Promise<void>`), and whether it is voided; null for other values. */
export function discardedCall(value: TSESTree.Node): { expression: TSESTree.CallExpression | TSESTree.NewExpression; voided: boolean } | null {
  let expression = skipTypeWrappers(value);
  const voided = expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void';
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = skipTypeWrappers(expression.argument);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression) return null;
  return { expression, voided };
}

/** `fireAndForget(task())`, a configured log function: a call the author hands a promise to on purpose. */
export function isFireAndForgetCall(call: TSESTree.CallExpression, logFunctions: readonly string[]): boolean {
  const path = getCalleePath(call);
  return path !== null && (FIRE_AND_FORGET_HELPERS.has(lastSegment(path)) || logFunctions.includes(path));
}

/** The `try` with a `catch` whose block holds `statement` in the same function, else null. */
export function catchingTry(statement: TSESTree.Node): TSESTree.TryStatement | null {
  for (let child: TSESTree.Node = statement, parent = statement.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return parent;
    if (parent.type === AST_NODE_TYPES.FunctionDeclaration || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.ArrowFunctionExpression) return null;
  }
  return null;
}

