/**
 * Listeners that end the process: `process.on('SIGTERM' | 'SIGINT' | …)` (also through a loop over a
 * literal list of signals), and any listener whose body ends by calling `process.exit()` (also inside a
 * once-only guard); a call of such a routine from another listener. A rejection escaping such a listener
 * ends a process that was already ending, with the error printed (or the application's rejection
 * handler's log). Split from `background.ts`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getEnclosingFunction, getPropertyName, getStringValue, skipTransparent } from './ast.js';
import { resolveCalledFunction } from './called-functions.js';
import { exitsWhenDone } from './process-exit.js';

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
 * A promise set aside in a shutdown routine (a function that `exitsWhenDone`: `RED.stop().then(() =>
 * process.exit())` inside it), or a call of a same-file one: `if (m === 'shutdown') { exitWhenStopped() }`
 * in a PM2 'message' listener. Its rejection ends a process that was already ending, as in a signal handler.
 */
export function isShutdownWork(context: Context, statement: TSESTree.Node, call: TSESTree.Node): boolean {
  const around = getEnclosingFunction(statement);
  if (around !== null && exitsWhenDone(around, context.sourceCode.visitorKeys)) return true;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const fn = resolveCalledFunction(context, call.callee);
  return fn !== null && exitsWhenDone(fn, context.sourceCode.visitorKeys);
}
