/**
 * `typeof` tests in the condition of a rejection: what value they test, and whether they refuse a
 * credential that was never presented (a caller refused) rather than one of the wrong type (input
 * validation). Used by access-control.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, skipTransparent } from './ast.js';
import { someEnclosingStep } from './walks.js';
import { isSecretName } from './secrets/names.js';

/**
 * `typeof token !== 'string'` (or `=== 'undefined'`) chooses the rejection for a credential-named
 * value that may be absent: no enclosing test on the way from the value's presence
 * (`if (req.body._SessionToken) { if (typeof … !== 'string') … }` refuses a malformed value only).
 */
export function refusesMissingCredential(context: Context, test: TSESTree.Node, operand: TSESTree.Node, whenTrue: boolean): boolean {
  const t = skipTransparent(test) as TSESTree.BinaryExpression;
  const literal = [t.left, t.right].map((side) => skipTransparent(side as TSESTree.Node)).find((side) => side.type === AST_NODE_TYPES.Literal) as TSESTree.Literal | undefined;
  if (literal?.value !== 'string' && literal?.value !== 'undefined') return false;
  const holdsWhenAbsent = (literal.value === 'undefined') === (t.operator === '===' || t.operator === '==');
  if (holdsWhenAbsent !== whenTrue) return false;
  const name = operand.type === AST_NODE_TYPES.Identifier ? operand.name : operand.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(operand) : null;
  // A credential by the shared secret-name answer (`access_token`, `apiKey`, `_MasterKey`; not `sortKey`).
  if (name === null || !isSecretName(name)) return false;
  const text = context.sourceCode.getText(operand);
  const present = (condition: TSESTree.Node): boolean => context.sourceCode.getText(skipTransparent(condition)) === text;
  // Not under a test that the credential is present (`if (token) … typeof token`, `token && typeof token`).
  return !someEnclosingStep(
    t,
    undefined,
    (parent, child) =>
      ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.consequent === child && present(parent.test)) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child && present(parent.left)),
  );
}

/** `typeof x !== 'string'` → `x`. */
export function typeofOperand(node: TSESTree.Node): TSESTree.Node | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(n.operator)) return null;
  for (const [side, other] of [[n.left, n.right], [n.right, n.left]] as const) {
    const s = skipTransparent(side as TSESTree.Node);
    const o = skipTransparent(other as TSESTree.Node);
    if (s.type === AST_NODE_TYPES.UnaryExpression && s.operator === 'typeof' && o.type === AST_NODE_TYPES.Literal && typeof o.value === 'string') {
      return skipTransparent(s.argument);
    }
  }
  return null;
}
