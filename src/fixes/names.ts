/**
 * Names a fix may write: whether a name resolves at a node, and a fresh name that neither
 * shadows nor is shadowed by anything the fix touches.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../model/ast.js';

/** Whether `name` resolves to a declared variable (or a configured global) at `node`. */
export function isNameInScope(context: Context, node: TSESTree.Node, name: string): boolean {
  return visibleVariable(context, node, name) !== null;
}

/** The declared variable (or configured global) `name` resolves to at `node`, else null. */
export function visibleVariable(context: Context, node: TSESTree.Node, name: string): TSESLint.Scope.Variable | null {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable && (variable.defs.length > 0 || scope.type === 'global')) return variable;
    scope = scope.upper;
  }
  return null;
}

/** Names visible at `node` or referenced within `within`: a new binding must avoid them. */
export function chooseUnusedName(context: Context, node: TSESTree.Node, within: TSESTree.Node, candidates: readonly string[]): string {
  const used = (name: string): boolean => {
    if (isNameInScope(context, node, name)) return true;
    return new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'u').test(context.sourceCode.getText(within));
  };
  for (const c of candidates) if (!used(c)) return c;
  for (let i = 2; ; i++) {
    const name = `${candidates[0]}${i}`;
    if (!used(name)) return name;
  }
}
