/**
 * Callbacks a same-file function calls and forgets: `function createServer(app, cb) { …; cb(null,
 * server) }` calls its `cb` parameter only as a statement, so the promise an async callback returns is
 * dropped there, as a timer or an emitter drops it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, resolveFunction, skipTransparent } from './ast.js';
import { fileCache, perNode } from './file-cache.js';

const droppedCache = fileCache<Map<AnyFunction, ReadonlySet<number>>>();

/**
 * The argument positions of `call` whose value the called same-file function only ever calls as a
 * statement (`cb(err)`, `done(null, result)`; also inside its nested callbacks), never awaiting,
 * returning, storing or passing it on. Empty when the callee is not a same-file function.
 */
export function droppedCallbackPositions(context: Context, call: TSESTree.CallExpression): ReadonlySet<number> {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return EMPTY;
  const fn = resolveFunction(context, callee);
  if (!fn || fn.async || fn.generator) return EMPTY;
  return perNode(droppedCache, context.sourceCode, fn, () => computeDropped(context, fn));
}

const EMPTY: ReadonlySet<number> = new Set();

function computeDropped(context: Context, fn: AnyFunction): ReadonlySet<number> {
  const found = new Set<number>();
  fn.params.forEach((param, index) => {
    if (param.type !== AST_NODE_TYPES.Identifier) return;
    const variable = findVariable(context, param);
    if (!variable || variable.defs.length !== 1) return;
    const references = variable.references.filter((ref) => ref.identifier !== param);
    if (references.length > 0 && references.every((ref) => ref.identifier.type === AST_NODE_TYPES.Identifier && isDroppedCall(ref.identifier))) found.add(index);
  });
  return found;
}

/** `cb(…)` as a whole expression statement: its value is thrown away. */
function isDroppedCall(id: TSESTree.Identifier): boolean {
  const call = id.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === id && call.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}
