/**
 * The links of a promise chain before its rejection handler (for `stack-loss.ts` and `stack-loss-io.ts`): which call
 * heads a chain whose links before the handler only hand the result on or only log, so that the handler's error is
 * that call's failure.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { catchesEverything } from './system-steps.js';

/**
 * `this.db.setEx(key, ttl, value).then(cb).catch((err) => …)`, `deleteAsync(path).then(() => log.debug(…)).catch(…)`: the
 * call at the head of a promise chain whose rejection handler is the last link, when the links before it only hand
 * the result on (`.then(cb)`) or only log (`isLog`); else null.
 *
 * General rule (session 40): a link adds a failure of its own only if its callback can fail. A `.then` callback that
 * catches everything itself (`.then(() => { try { this.keepAlive(task) } catch (err) { log.error(…) } })`: every call
 * in the block of a `try` with a `catch`, no `throw`, no call's promise returned; `catchesEverything`) cannot, so the
 * handler's error is the head's failure and the link is transparent, as a link that only logs is. A callback with any
 * work outside such a `try` (a `save(…)`, a `JSON.stringify(…)`) stays a step of its own.
 */
export function promiseChainHead(context: Context, link: TSESTree.CallExpression, isLog?: (call: TSESTree.CallExpression) => boolean): TSESTree.CallExpression | null {
  let n: TSESTree.Node = skipTransparent(link.callee);
  if (n.type !== AST_NODE_TYPES.MemberExpression || !/^(?:catch|then)$/u.test(getPropertyName(n) ?? '')) return null;
  for (let steps = 0; steps < 6; steps++) {
    const head = skipTransparent((n as TSESTree.MemberExpression).object);
    if (head.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipTransparent(head.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (name === 'then' && head.arguments.every((arg) => skipTransparent(arg).type === AST_NODE_TYPES.Identifier || (isLog !== undefined && onlyLogs(context, arg, isLog)) || cannotFail(context, arg))) {
      n = callee;
      continue;
    }
    return head;
  }
  return null;
}

/** `() => { try { … } catch (err) { log.error(…) } }`: a callback written inline whose body catches every failure itself. */
function cannotFail(context: Context, node: TSESTree.Node): boolean {
  const fn = skipTransparent(node);
  return isFunctionNode(fn) && !fn.generator && catchesEverything(context, fn);
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
