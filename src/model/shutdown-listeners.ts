/**
 * Listeners that end the process: `process.on('SIGTERM' | 'SIGINT' | …)` (also through a loop over a
 * literal list of signals), and any listener whose body ends by calling `process.exit()`. A rejection
 * escaping such a listener ends a process that was already ending, with the error printed (or the
 * application's rejection handler's log). Split from `background.ts`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, findVariable, getCalleePath, getPropertyName, getStringValue, skipTransparent } from './ast.js';

/**
 * Signals whose handler ends the process (a graceful shutdown). A rejection escaping such a handler
 * ends it too, with Node's printed stack (or the app's rejection handler's log): nothing is lost
 * that the shutdown was not about to lose. SIGHUP and SIGUSR1/2 are often "reload", so they stay.
 */
const TERMINATION_SIGNALS = new Set(['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGBREAK']);
/**
 * The event names an argument can hold: a string, or the parameter of a loop over a literal list
 * (`['SIGTERM', 'SIGINT'].forEach((signal) => process.on(signal, stop))`,
 * `for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, stop)`). Null when unknown.
 */
function possibleEventNames(context: Context, node: TSESTree.Node): string[] | null {
  const n = skipTransparent(node);
  const literal = getStringValue(n);
  if (literal !== null) return [literal];
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  const def = variable.defs[0]!;
  let list: TSESTree.Node | null = null;
  if (def.type === 'Parameter' && def.node.params[0] === def.name) {
    // ['SIGTERM', 'SIGINT'].forEach((signal) => …)
    const call = def.node.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === def.node &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(call.callee) === 'forEach'
    ) {
      list = call.callee.object;
    }
  } else if (def.type === 'Variable' && def.parent.parent?.type === AST_NODE_TYPES.ForOfStatement && def.parent.parent.left === def.parent) {
    // for (const signal of ['SIGTERM', 'SIGINT'])
    list = def.parent.parent.right;
  }
  if (!list) return null;
  const array = skipTransparent(list);
  if (array.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length === 0) return null;
  const names: string[] = [];
  for (const element of array.elements) {
    const value = element && element.type !== AST_NODE_TYPES.SpreadElement ? getStringValue(element) : null;
    if (value === null) return null;
    names.push(value);
  }
  return names;
}

/** `process.on('SIGTERM', …)`, also through a loop over a literal list of such signals. */
export function isTerminationSignal(context: Context, node: TSESTree.Node): boolean {
  const names = possibleEventNames(context, node);
  return names !== null && names.every((name) => TERMINATION_SIGNALS.has(name));
}

/**
 * A function whose last statement ends the process: `async () => { await app.stop(); process.exit(0); }`
 * (in a block body, outside any condition). Its author wrote it to run while the process ends.
 */
export function exitsWhenDone(fn: AnyFunction): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = fn.body.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipTransparent(last.expression);
  return call.type === AST_NODE_TYPES.CallExpression && getCalleePath(call) === 'process.exit';
}
