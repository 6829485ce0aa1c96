/**
 * Fixes for a secret or personal value written to a log: log a short SHA-256 fingerprint of it
 * instead, drop it from the log call, or write `'[REDACTED]'` in its place.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Context } from '../model/ast.js';
import { isNodeCryptoBinding } from '../model/modules.js';
import { argumentText, removeListItem, replaceValue } from './edits.js';
import { importFix, isModuleFile } from './imports.js';
import { chooseUnusedName, visibleVariable } from './names.js';

const REDACTED = "'[REDACTED]'";

/** Replace a value by its SHA-256 fingerprint, keeping `{ password }` valid as `{ password: <new> }`. */
export function sha256Fix(context: Context, node: TSESTree.Node): TSESLint.ReportFixFunction {
  return (fixer) => {
    const { callee, importName } = createHashBinding(context, node);
    const fixes = [replaceValue(context, fixer, node, `${callee}('sha256').update(String(${argumentText(context, node)})).digest('hex').slice(0, 12)`)];
    if (importName !== undefined) {
      const imp = importFix(context, fixer, importName, 'node:crypto', 'named');
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
}

/** Remove `node` from the log call `call`: a property or spread of an object, or an argument besides the message. */
export function dropValueFix(call: TSESTree.CallExpression, node: TSESTree.Node): TSESLint.ReportFixFunction | null {
  const parent = node.parent;
  if ((parent?.type === AST_NODE_TYPES.Property && parent.value === node) || (parent?.type === AST_NODE_TYPES.SpreadElement && parent.argument === node)) {
    const object = parent.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    return (fixer) => removeListItem(fixer, object.properties, parent, object);
  }
  const args = call.arguments;
  if (parent === call && args.length > 1 && (args as readonly TSESTree.Node[]).includes(node)) {
    return (fixer) => removeListItem(fixer, args, node, null);
  }
  return null;
}

/**
 * Remove `node` from the log call `call`: a property of an object, or the last argument (removing
 * another would shift the message, the format string or its placeholders).
 */
export function dropTrailingValueFix(call: TSESTree.CallExpression, node: TSESTree.Node): TSESLint.ReportFixFunction | null {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) {
    const object = parent.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    return (fixer) => removeListItem(fixer, object.properties, parent, object);
  }
  const args = call.arguments;
  if (parent === call && args.length > 1 && args[args.length - 1] === node) {
    return (fixer) => removeListItem(fixer, args, node, null);
  }
  return null;
}

/** Write `'[REDACTED]'` in place of the value (`[REDACTED]` inside a template literal); null for a spread. */
export function redactValueFix(context: Context, node: TSESTree.Node): TSESLint.ReportFixFunction | null {
  const sourceCode = context.sourceCode;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.SpreadElement) return null;
  if (parent?.type === AST_NODE_TYPES.TemplateLiteral) {
    const before = sourceCode.getTokenBefore(node, { filter: (t) => t.type === 'Template' });
    const after = sourceCode.getTokenAfter(node, { filter: (t) => t.type === 'Template' });
    if (!before || !after || !before.value.endsWith('${') || !after.value.startsWith('}')) return null;
    return (fixer) => fixer.replaceTextRange([before.range[1] - 2, after.range[0] + 1], '[REDACTED]');
  }
  return (fixer) => replaceValue(context, fixer, node, REDACTED);
}

/** How to call node:crypto's createHash at `node`, and what to import for it. */
function createHashBinding(context: Context, node: TSESTree.Node): { callee: string; importName?: string } {
  const existing = visibleVariable(context, node, 'createHash');
  if (existing && isNodeCryptoBinding(context, existing, 'createHash')) return { callee: 'createHash' };
  for (const ns of ['crypto', 'nodeCrypto']) {
    const variable = visibleVariable(context, node, ns);
    if (variable && isNodeCryptoBinding(context, variable, null)) return { callee: `${ns}.createHash` };
  }
  if (!existing) return { callee: 'createHash', importName: 'createHash' };
  const alias = chooseUnusedName(context, node, context.sourceCode.ast, ['createSha256Hash', 'nodeCreateHash']);
  return { callee: alias, importName: isModuleFile(context) ? `createHash as ${alias}` : `createHash: ${alias}` };
}
