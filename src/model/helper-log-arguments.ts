/**
 * Does a project's log helper take its level from an argument? `log(message, error = false) { if (error) {
 * this.logger.error(message); return } this.logger.info(message) }` called as `this.log(e.message, true)` logs at
 * error: the literal `true` picks the branch. A summary of every path through the helper (info here) would call that
 * catch too quiet although it logs at the level it asks for.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, skipTransparent } from './ast.js';

/**
 * The highest level logged by the branch of `fn` that `call`'s literal boolean argument selects, when that branch
 * runs on every call made so: an `if (param)` / `if (!param)` among the first statements of the body (only
 * expressions and declarations before it), the parameter given `true` or `false` by the call, and the selected
 * branch logging in a statement of its own. Null otherwise (the caller then summarizes every path).
 */
export function levelChosenByArgument<L>(
  call: TSESTree.CallExpression,
  fn: AnyFunction,
  levelOf: (call: TSESTree.CallExpression) => L | null,
  rankOf: (level: L) => number,
): L | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      const taken = selectedBranch(statement, call, fn);
      return taken ? highestLevel(taken, levelOf, rankOf) : null;
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement && statement.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  }
  return null;
}

/** The branch of `statement` the call's literal argument selects, or null when the test reads no such argument. */
function selectedBranch(statement: TSESTree.IfStatement, call: TSESTree.CallExpression, fn: AnyFunction): TSESTree.Statement | null {
  let test = skipTransparent(statement.test);
  let negated = false;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    negated = true;
    test = skipTransparent(test.argument);
  }
  if (test.type !== AST_NODE_TYPES.Identifier) return null;
  const name = test.name;
  const index = fn.params.findIndex((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name === name : p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier && p.left.name === name));
  const arg = index >= 0 ? call.arguments[index] : undefined;
  const value = arg ? skipTransparent(arg) : null;
  if (value?.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'boolean') return null;
  return value.value !== negated ? statement.consequent : statement.alternate;
}

function highestLevel<L>(branch: TSESTree.Statement, levelOf: (call: TSESTree.CallExpression) => L | null, rankOf: (level: L) => number): L | null {
  const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  let best: L | null = null;
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = skipTransparent(statement.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const level = levelOf(expression);
    if (level !== null && (best === null || rankOf(level) > rankOf(best))) best = level;
  }
  return best;
}
