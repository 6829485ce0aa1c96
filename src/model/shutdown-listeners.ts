/**
 * Listeners that end the process: `process.on('SIGTERM' | 'SIGINT' | …)` (also through a loop over a
 * literal list of signals), and any listener whose body ends by calling `process.exit()` (also inside a
 * once-only guard); a call of such a routine from another listener. A rejection escaping such a listener
 * ends a process that was already ending, with the error printed (or the application's rejection
 * handler's log). Split from `background.ts`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getEnclosingFunction, getPropertyName, getStringValue, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { resolveCalledFunction } from './called-functions.js';
import { isProcessCall } from './process-object.js';

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

/** `process.exit(…)` as a statement. */
function isExitStatement(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  return isProcessCall(statement.expression, 'exit');
}

/** `RED.stop().then(() => process.exit())`: a chain whose last `.then` / `.finally` callback ends by exiting. */
function isExitingChain(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipTransparent(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  const callback = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  if ((method !== 'then' && method !== 'finally') || !callback || !isFunctionNode(callback)) return false;
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTransparent(callback.body);
    return isProcessCall(body, 'exit');
  }
  return endsByExiting(callback.body);
}

/** A statement that ends by exiting: the call itself, a block whose last statement does, an `if` whose every branch does. */
function endsByExiting(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && endsByExiting(last);
  }
  if (statement.type === AST_NODE_TYPES.IfStatement) return endsByExiting(statement.consequent) && (statement.alternate === null || endsByExiting(statement.alternate));
  return isExitStatement(statement) || isExitingChain(statement);
}

/** Whether `node` holds an `await` (or `for await`) of its own function: nested functions are not entered. */
function holdsAwait(node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(
    node,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.AwaitExpression || (n.type === AST_NODE_TYPES.ForOfStatement && n.await)) found = true;
      return !found;
    },
    visitorKeys,
  );
  return found;
}

/**
 * A function whose last statement ends the process: `async () => { await app.stop(); process.exit(0); }`
 * (in a block body, outside any condition), also as the last callback of a chain (`RED.stop().then(() =>
 * process.exit())`). Its author wrote it to run while the process ends. Also a function whose work all
 * runs on the way out: its last statement is an `if` whose branches end by exiting and nothing before it
 * (nor its test) awaits — the once-only shutdown routine `async function exitWhenStopped() { if
 * (!stopping) { stopping = true; await server.close(); process.exit(0) } }`.
 */
export function exitsWhenDone(fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const statements = fn.body.body;
  const last = statements.at(-1);
  if (!last) return false;
  if (isExitStatement(last) || isExitingChain(last)) return true;
  return last.type === AST_NODE_TYPES.IfStatement && endsByExiting(last) && !holdsAwait(last.test, visitorKeys) && !statements.slice(0, -1).some((s) => holdsAwait(s, visitorKeys));
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
