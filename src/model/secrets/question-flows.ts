/**
 * Is a bare `answer` the account-recovery secret? In a security-question flow — a function (up to
 * three levels out) named for it or a route for it — it is; in a quiz it is not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getEnclosingFunction, getPropertyName } from '../ast.js';
import { routeOf } from '../placement.js';
import { namesSecurityQuestion } from './names.js';

/**
 * Whether `node` lies in a security-question flow: an enclosing function (up to three levels)
 * is named for it (`checkSecurityAnswer`, `resetWithSecurityQuestion`) or is a route for it
 * (`'/security-question'`).
 */
export function inSecurityQuestionFlow(node: TSESTree.Node): boolean {
  let fn = getEnclosingFunction(node);
  for (let level = 0; fn && level < 3; level++, fn = getEnclosingFunction(fn)) {
    const name = functionName(fn);
    if (name !== null && namesSecurityQuestion(name)) return true;
    const route = routeOf(fn);
    if (route !== null && namesSecurityQuestion(route)) return true;
  }
  return false;
}

function functionName(fn: TSESTree.Node): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) return getPropertyName(parent);
  return null;
}
