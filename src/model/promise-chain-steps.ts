/**
 * The links of a promise chain before its rejection handler (for `stack-loss.ts` and `stack-loss-io.ts`): which call
 * heads a chain whose links before the handler only hand the result on or only log, so that the handler's error is
 * that call's failure.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';

/**
 * `this.db.setEx(key, ttl, value).then(cb).catch((err) => …)`, `deleteAsync(path).then(() => log.debug(…)).catch(…)`: the
 * call at the head of a promise chain whose rejection handler is the last link, when the links before it only hand
 * the result on (`.then(cb)`) or only log (`isLog`); else null.
 */
export function promiseChainHead(context: Context, link: TSESTree.CallExpression, isLog?: (call: TSESTree.CallExpression) => boolean): TSESTree.CallExpression | null {
  let n: TSESTree.Node = skipTransparent(link.callee);
  if (n.type !== AST_NODE_TYPES.MemberExpression || !/^(?:catch|then)$/u.test(getPropertyName(n) ?? '')) return null;
  for (let steps = 0; steps < 6; steps++) {
    const head = skipTransparent((n as TSESTree.MemberExpression).object);
    if (head.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipTransparent(head.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (name === 'then' && head.arguments.every((arg) => skipTransparent(arg).type === AST_NODE_TYPES.Identifier || (isLog !== undefined && onlyLogs(context, arg, isLog)))) {
      n = callee;
      continue;
    }
    return head;
  }
  return null;
}

/** `() => { logger.debug('deleted') }`: a function whose only calls are logs. */
function onlyLogs(context: Context, node: TSESTree.Node, isLog: (call: TSESTree.CallExpression) => boolean): boolean {
  if (!isFunctionNode(node)) return false;
  let other = false;
  walkSameFunction(
    node.body,
    (n) => {
      if (other) return false;
      if (n.type === AST_NODE_TYPES.CallExpression) {
        if (isLog(n)) return false;
        other = true;
      } else if (n.type === AST_NODE_TYPES.AwaitExpression || n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.ThrowStatement || isFunctionNode(n)) other = true;
      return !other;
    },
    context.sourceCode.visitorKeys,
  );
  return !other;
}
