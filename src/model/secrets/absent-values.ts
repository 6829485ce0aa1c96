/**
 * Is a logged value known to be missing where it is logged? `if (!token) { log.error({ token },
 * 'missing token'); throw … }`: the branch runs only when the value is falsy (undefined, null, ''),
 * so the log records its absence, not a secret. Read from the enclosing conditions up to the
 * function: the consequent of a test that holds only when the value is falsy (`!x`, `x == null`,
 * `x === undefined`, `x === ''`, `typeof x === 'undefined'`, one of them in an `&&`, all sides of an
 * `||`), or the alternate of one that holds whenever it is truthy (`if (x) … else log(x)`). The value
 * is a variable or a member path (`clientOpts.config.brokerToken`), also a `const` copy of a member
 * path the test reads (`const brokerToken = clientOpts.config.brokerToken`). A variable assigned in
 * the branch before the log is not known any more.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getMemberPath, isFunctionNode, skipTransparent } from '../ast.js';

/** Whether `node` (a logged value) is falsy wherever the log that holds it runs. */
export function isAbsentWhereLogged(context: Context, node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
  const path = getMemberPath(value);
  if (path === null) return false;
  const paths = new Set([path]);
  const variable = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value) : null;
  // const brokerToken = clientOpts.config.brokerToken: the test may read the member it copies.
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.id === def.name && def.node.init) {
    const copied = getMemberPath(def.node.init);
    if (copied !== null) paths.add(copied);
  }
  let child: TSESTree.Node = value;
  let parent: TSESTree.Node | undefined = value.parent;
  while (parent && !isFunctionNode(parent)) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
      const whenTrue = child === parent.consequent;
      if (impliesFalsy(parent.test, paths, whenTrue) && !assignedBetween(variable, child, value)) return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** Whether the variable is written inside `branch` before `use`. */
function assignedBetween(variable: ReturnType<typeof findVariable>, branch: TSESTree.Node, use: TSESTree.Node): boolean {
  if (!variable) return false;
  // A `const` copy's own initialization is the copy, not a new value.
  return variable.references.some((ref) => ref.isWrite() && !(ref.init === true && isConst(variable)) && ref.identifier.range[0] >= branch.range[0] && ref.identifier.range[0] < use.range[0]);
}

function isConst(variable: NonNullable<ReturnType<typeof findVariable>>): boolean {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Variable' && def.parent.kind === 'const';
}

/** Whether `test` being `outcome` means a value at one of `paths` is falsy. */
function impliesFalsy(test: TSESTree.Node, paths: ReadonlySet<string>, outcome: boolean): boolean {
  const t = skipTransparent(test);
  const names = (n: TSESTree.Node): boolean => {
    const p = getMemberPath(n);
    return p !== null && paths.has(p);
  };
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return impliesFalsy(t.argument, paths, !outcome);
  if (!outcome && names(t)) return true;
  if (t.type === AST_NODE_TYPES.LogicalExpression) {
    // `a && b` true: both hold; false: one fails. `a || b` true: one holds; false: both fail.
    const both = (t.operator === '&&') === outcome;
    if (t.operator === '??') return false;
    return both
      ? impliesFalsy(t.left, paths, outcome) || impliesFalsy(t.right, paths, outcome)
      : impliesFalsy(t.left, paths, outcome) && impliesFalsy(t.right, paths, outcome);
  }
  if (t.type === AST_NODE_TYPES.BinaryExpression && ['==', '===', '!=', '!=='].includes(t.operator)) {
    const equal = t.operator === '==' || t.operator === '===';
    if (equal !== outcome) return false;
    for (const [side, other] of [[t.left, t.right], [t.right, t.left]] as const) {
      const s = skipTransparent(side as TSESTree.Node);
      const o = skipTransparent(other as TSESTree.Node);
      if (names(s) && isEmptyValue(o)) return true;
      // typeof x === 'undefined'
      if (s.type === AST_NODE_TYPES.UnaryExpression && s.operator === 'typeof' && names(skipTransparent(s.argument)) && o.type === AST_NODE_TYPES.Literal && o.value === 'undefined') return true;
    }
  }
  return false;
}

/** `null`, `undefined`, `void 0`, `''`. */
function isEmptyValue(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null || node.value === '';
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0 && node.quasis[0]?.value.cooked === '';
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}
