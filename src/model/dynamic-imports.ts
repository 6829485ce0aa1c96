import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type findVariable, getPropertyName, getStringValue, isFunctionNode, skipTransparent } from './ast.js';

/**
 * The base name (no directory, no extension) of the module a variable holds whole from `import()`:
 * `const m = await import('./log/logger.js')` or the parameter of
 * `import('../lib/log/logger.js').then((module) => …)` give `logger`. A dynamic import is the same
 * module as a static one (`import * as logger from './logger.js'`): the path says what it is, whatever
 * the binding is called. A destructured name (`const { logger } = await import('./log')`) is not
 * bound whole (null): it is read by its own name. Null for anything else.
 */
export function dynamicImportBase(variable: NonNullable<ReturnType<typeof findVariable>>): string | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  let source: TSESTree.Node | null = null;
  if (def.type === 'Variable' && def.node.id === def.name && def.node.init) {
    source = skipTransparent(def.node.init);
  } else if (def.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name) {
    // import(path).then((module) => …)
    const call = def.node.parent;
    const callee = call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === def.node ? skipTransparent(call.callee) : null;
    if (callee?.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'then') source = skipTransparent(callee.object);
  }
  if (source?.type === AST_NODE_TYPES.AwaitExpression) source = skipTransparent(source.argument);
  if (source?.type !== AST_NODE_TYPES.ImportExpression) return null;
  const specifier = getStringValue(source.source);
  if (specifier === null) return null;
  return specifier.replace(/\.[cm]?[jt]s$/u, '').split('/').at(-1) ?? '';
}
