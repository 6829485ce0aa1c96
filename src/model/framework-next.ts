/**
 * Does a node run only when the framework gave a route handler no `next`? Express, Connect and
 * Fastify's Express-style middleware always call a registered `(req, res, next)` handler with
 * `next`, so the branch of `next ? next(err) : res.status(401).json(err)` (Flowise's SSO callbacks)
 * that answers without it never runs: what it sends reaches no client. Such defensive branches are
 * common in code shared between a route and a direct call.
 *
 * The test must be the handler's own `next` parameter (never written) read for its truthiness:
 * `next ? … : …`, `if (!next) …`, `if (next) … else …`, `typeof next === 'function'`, `next || …`, an early
 * `if (next) return next(err);` before the answer.
 * The handler must be handed to the framework (`app.get(path, fn)`, `router.use(fn)`), or known as one
 * only by its parameter names and never called in its own file (where a caller could leave `next` out).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, isFunctionNode, leavesFunction, skipTransparent } from './ast.js';
import { getHandlerInfo, isCalledInSameFile } from './handlers.js';

/** True when `node` runs only on a branch where a framework handler's `next` is missing. */
export function runsOnlyWithoutNext(context: Context, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    if ((parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) && child !== parent.test) {
      if (nextMissingWhen(context, parent.test, child === parent.consequent)) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      // `next && next(err)`: runs when `next` is there; `next || res.json(err)`: only when it is not.
      if (nextMissingWhen(context, parent.left, parent.operator === '&&')) return true;
    } else if (parent.type === AST_NODE_TYPES.BlockStatement) {
      // `if (next) return next(err); res.json(err)`: past an early exit taken whenever `next` is there.
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && leavesFunction(statement.consequent) && nextMissingWhen(context, statement.test, false)) return true;
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** The test being `holds` means the handler's `next` is missing. */
function nextMissingWhen(context: Context, raw: TSESTree.Node, holds: boolean): boolean {
  const test = skipTransparent(raw);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return nextMissingWhen(context, test.argument, !holds);
  if (test.type === AST_NODE_TYPES.Identifier) return !holds && isFrameworkNext(context, test);
  // typeof next === 'function' / !== 'function'
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator)) {
    const [typed, other] = test.left.type === AST_NODE_TYPES.UnaryExpression ? [test.left, test.right] : [test.right, test.left as TSESTree.Node];
    if (typed.type !== AST_NODE_TYPES.UnaryExpression || typed.operator !== 'typeof' || typed.argument.type !== AST_NODE_TYPES.Identifier) return false;
    const literal = skipTransparent(other);
    if (literal.type !== AST_NODE_TYPES.Literal || literal.value !== 'function') return false;
    const isFunction = (test.operator === '===' || test.operator === '==') === holds;
    return !isFunction && isFrameworkNext(context, typed.argument);
  }
  return false;
}

/** The `next` parameter of a handler the framework calls, never reassigned. */
function isFrameworkNext(context: Context, id: TSESTree.Identifier): boolean {
  if (!/^_?next$/u.test(id.name)) return false;
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  if (variable.references.some((ref) => ref.isWrite())) return false;
  const fn = def.node;
  // (req, res, next): the third parameter; an error handler's (err, req, res, next) is also always given it.
  const index = fn.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === id.name);
  if (index < 2) return false;
  const info = getHandlerInfo(context, fn);
  if (!info || info.next?.name !== id.name) return false;
  if (info.framework !== 'express') return false;
  return info.via === 'registration' || (info.via === 'params' && !isCalledInSameFile(context, fn));
}
