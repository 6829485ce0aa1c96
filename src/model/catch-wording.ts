/**
 * What a catch's log and its throw say (for `stack-loss.ts`): does the log name the failed step in words of its own,
 * does it keep the error only through `JSON.stringify` (which prints `{}`), does the handler throw an error of its own
 * instead of the caught one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, contains, findVariable, getPropertyName, skipTransparent, walkSameFunction } from './ast.js';

/**
 * The log says which step failed in words of its own (`log.error(\`Failed to get session ${id}: ${err.message}\`)`,
 * `logger.error(this, \`Redis returned error: ${err}\`)`, also through a `const errorMessage = 'Error deleting …'` it
 * interpolates), not only the error's text; and it keeps the error's message: a log that writes the error only through
 * `JSON.stringify(err)` prints `{}` for an Error, so not even the driver's message is left.
 */
export function namesStep(log: TSESTree.CallExpression, context?: Context, variable?: TSESLint.Scope.Variable): boolean {
  if (variable && onlyStringified(log, variable)) return false;
  return log.arguments.some((arg) => saysWords(arg, context));
}

function saysWords(node: TSESTree.Node, context: Context | undefined, depth = 0): boolean {
  const a = skipTransparent(node);
  if (a.type === AST_NODE_TYPES.Literal) return typeof a.value === 'string' && /[A-Za-z]{3,}/u.test(a.value);
  if (a.type === AST_NODE_TYPES.TemplateLiteral) {
    return a.quasis.some((q) => /[A-Za-z]{3,}/u.test(q.value.cooked ?? '')) || a.expressions.some((e) => skipTransparent(e).type === AST_NODE_TYPES.Identifier && saysWords(e, context, depth));
  }
  if (a.type === AST_NODE_TYPES.BinaryExpression && a.operator === '+') return saysWords(a.left, context, depth) || saysWords(a.right, context, depth);
  // `const errorMessage = 'Error deleting messages in bulk'`: a constant of the log's own text.
  if (a.type === AST_NODE_TYPES.Identifier && context && depth < 2) {
    const variable = findVariable(context, a);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? skipTransparent(def.node.init) : null;
    return init !== null && (init.type === AST_NODE_TYPES.Literal || init.type === AST_NODE_TYPES.TemplateLiteral || init.type === AST_NODE_TYPES.BinaryExpression) && saysWords(init, context, depth + 1);
  }
  return false;
}

/** Every mention of the error in the log is inside `JSON.stringify(…)`, which prints `{}` for an Error: not even its message is kept. */
export function onlyStringified(log: TSESTree.CallExpression, variable: TSESLint.Scope.Variable): boolean {
  const uses = variable.references.filter((ref) => contains(log, ref.identifier));
  return (
    uses.length > 0 &&
    uses.every((ref) => {
      const parent = ref.identifier.parent;
      return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === ref.identifier && /^(?:\w+\.)?JSON\.stringify$/u.test(getCalleePathText(parent));
    })
  );
}

function getCalleePathText(call: TSESTree.CallExpression): string {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return '';
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? `${object.name}.${getPropertyName(callee) ?? ''}` : '';
}

/**
 * `catch (err) { log.error(`Failed to read the source: ${err}`); throw StorageErrors.cannotVerifySource(500) }`: the
 * handler (a catch clause's body or a rejection handler's) throws an error of its own that does not carry the caught one.
 * What went wrong below is then recorded only in this log line, so its text alone is not the whole story.
 */
export function throwsReplacement(context: Context, body: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  let replaced = false;
  walkSameFunction(
    body,
    (node) => {
      if (replaced) return false;
      if (node.type !== AST_NODE_TYPES.ThrowStatement) return true;
      replaced = !variable.references.some((ref) => contains(node, ref.identifier));
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return replaced;
}
