/**
 * "Does this end the process?" — one answer for every reader of a crash handler, a shutdown listener, a
 * start-up routine's catch or a log followed by an exit (issue #17, "one answer per shared question"):
 *  - which calls end the process (`isProcessExitCall`): `process.exit(…)`, `process.abort()`, and
 *    `process.kill(process.pid, signal)` — a signal the process sends itself. `process.kill(pid)` of another
 *    process (a child, a cluster's master: haraka's `process.kill(pid)`, pm2's `process.kill(p, 'SIGKILL')`)
 *    and `process.kill(pid, 0)` (a liveness probe: pm2, code-server, node-media-server) end nothing here;
 *  - which of those report a failure to the parent (`isFailureExit`): any but `process.exit(0)`;
 *  - which statement is such a call (`exitOfStatement`): `process.exit(1);`, `await process.exit()`, `return
 *    process.exit(1)` (a CLI's `if (err) return process.exit(1)`), in every form process-object.ts reads
 *    (`process_1.default.exit()` is `process.exit()` compiled: automatisch's queue listeners);
 *  - which statement ends by exiting (`endsByExiting`): the call, a block whose last statement does, an `if`
 *    whose branches do, a promise chain whose last callback does (`RED.stop().then(() => process.exit())`); an
 *    `if` read three ways, three questions (`ExitReading`): every branch it has exits (a shutdown routine), every
 *    path does (after a log), or the exit is the main path (a crash handler's final exit; not an if/else);
 *  - which paths end the process: a body whose last statement does (`finalProcessExit`), a function written to
 *    run while the process ends (`exitsWhenDone`), a statement the process ends after on its path
 *    (`endsProcessAfter`).
 * Each answer used to be written in the file asking it (error-handlers.ts, escapes.ts, shutdown-listeners.ts,
 * handler-logs.ts, stack-loss.ts, system-steps.ts), with differences tests/model/process-exit.test.ts records.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { isProcessObject, processMethodOf } from './process-object.js';

/** `process.pid` (also `process_1.default.pid`): the process's own id. */
function isOwnPid(node: TSESTree.Node | undefined, context: Context | null): boolean {
  const n = node ? skipTransparent(node) : null;
  return n?.type === AST_NODE_TYPES.MemberExpression && !n.computed && getPropertyName(n) === 'pid' && isProcessObject(n.object, context);
}

/** `0` / `'0'`: the signal that only asks whether a process exists. */
function isProbeSignal(node: TSESTree.Node | undefined): boolean {
  const n = node ? skipTransparent(node) : null;
  return n?.type === AST_NODE_TYPES.Literal && (n.value === 0 || n.value === '0');
}

/**
 * Whether `node` is a call that ends this process: `process.exit(…)`, `process.abort()`, `process.kill(process.pid
 * [, signal])` (not signal 0), in any form process-object.ts reads. `context` lets an import of `process` under
 * another name count (scope look-up); without it the global and the compiled names still do.
 */
export function isProcessExitCall(node: TSESTree.Node, context: Context | null = null): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = processMethodOf(n.callee, context);
  if (method === 'exit' || method === 'abort') return true;
  return method === 'kill' && isOwnPid(n.arguments[0], context) && !isProbeSignal(n.arguments[1]);
}

/**
 * An exit that reports a failure to the parent: any exit of the process but `process.exit(0)` (`process.exit()`
 * leaves the status to `process.exitCode`, the caller's choice; an abort or a signal is no success).
 */
export function isFailureExit(call: TSESTree.CallExpression): boolean {
  const code = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  return !(processMethodOf(call.callee) === 'exit' && code?.type === AST_NODE_TYPES.Literal && code.value === 0);
}

/** The exit of the process a statement consists of: `process.exit(1);`, `await process.exit();`, `return process.exit(1);`; else null. */
export function exitOfStatement(statement: TSESTree.Node, context: Context | null = null): TSESTree.CallExpression | null {
  let e: TSESTree.Node | null = null;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) e = statement.expression;
  else if (statement.type === AST_NODE_TYPES.ReturnStatement) e = statement.argument;
  if (!e) return null;
  e = skipTransparent(e);
  if (e.type === AST_NODE_TYPES.AwaitExpression) e = skipTransparent(e.argument);
  return e.type === AST_NODE_TYPES.CallExpression && isProcessExitCall(e, context) ? e : null;
}

/** `RED.stop().then(() => process.exit())`: a chain whose last `.then` / `.finally` callback ends by exiting. */
export function isExitingChain(statement: TSESTree.Node, reading: ExitReading = 'branches'): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipTransparent(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  const callback = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  if ((method !== 'then' && method !== 'finally') || !callback || !isFunctionNode(callback)) return false;
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return isProcessExitCall(callback.body);
  return endsByExiting(callback.body, reading);
}

/**
 * How an `if` around exits is read: `'branches'` — every branch it has ends by exiting (an else-less `if
 * (!isTest) process.exit(1)` too: a shutdown routine ends the process whichever way it goes); `'everyPath'` —
 * every path through it does (after a log, `if (e.fatal) process.exit(1)` lets the other errors run on);
 * `'mainPath'` — the exit is the path every case not chosen otherwise takes: an else-less `if (!isTest)`
 * around it, not an if/else, which chooses a path per kind of error (parse-server's crash handler:
 * `if (err.code === 'EADDRINUSE') { …; process.exit(0) } else { …stack…; process.exit(1) }`).
 */
export type ExitReading = 'branches' | 'everyPath' | 'mainPath';

/**
 * A statement that ends by exiting: the exit itself (`exitOfStatement`), a block whose last statement does, an
 * `if` whose branches do (as `reading` says), a chain whose last callback does.
 */
export function endsByExiting(statement: TSESTree.Node, reading: ExitReading = 'branches'): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && endsByExiting(last, reading);
  }
  if (statement.type === AST_NODE_TYPES.IfStatement) {
    if (!endsByExiting(statement.consequent, reading)) return false;
    if (statement.alternate === null) return reading !== 'everyPath';
    return reading !== 'mainPath' && endsByExiting(statement.alternate, reading);
  }
  return exitOfStatement(statement) !== null || isExitingChain(statement, reading);
}

/**
 * The last statement directly in a body when it ends the process on its main path (`endsByExiting`, `'mainPath'`:
 * `process.exit(1)`, also inside `if (!isTest) { process.exit(1) }`; not an if/else), or null. When another path of a crash handler logs and this one does not
 * (`if (err.code === 'X') { log(err); return } await shutdown(); process.exit(1)`), every other crash exits
 * without its reason.
 */
export function finalProcessExit(body: TSESTree.Node): TSESTree.Statement | null {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const last = body.body.at(-1);
  return last && endsByExiting(last, 'mainPath') ? last : null;
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
  if (!last || !endsByExiting(last)) return false;
  return last.type !== AST_NODE_TYPES.IfStatement || (!holdsAwait(last.test, visitorKeys) && !statements.slice(0, -1).some((s) => holdsAwait(s, visitorKeys)));
}

/** Statements that leave the block before any later statement runs. */
const LEAVES = new Set<string>([AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement]);

/**
 * The process ends after the statement `statement` on its path through `body`: a later statement of its block,
 * or of an enclosing block up to `body` (no function boundary crossed), ends by exiting on every path
 * (`endsByExiting`: also `return process.exit(1)`; not `if (e.fatal) process.exit(1)`), and no `return` / `throw` / `break` / `continue` leaves before it:
 * `console.log(e.stack); process.exit(1)`, `if (known) console.log(msg); else console.log(e); process.exit(1)`.
 */
export function endsProcessAfter(statement: TSESTree.Node, body: TSESTree.Node): boolean {
  let child: TSESTree.Node = statement;
  for (let current: TSESTree.Node | undefined = statement.parent; current && child !== body; child = current, current = current.parent) {
    if (isFunctionNode(current)) return false;
    if (current.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const later of current.body.slice(current.body.indexOf(child as TSESTree.Statement) + 1)) {
      if (endsByExiting(later, 'everyPath')) return true;
      if (LEAVES.has(later.type)) return false;
    }
  }
  return false;
}

/** `process.exitCode = 1`: the status the process exits with once its work ends (a crash handler's "exit" without `exit()`). */
export function setsExitStatus(node: TSESTree.AssignmentExpression, context: Context | null = null): boolean {
  return node.left.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node.left) === 'exitCode' && isProcessObject(node.left.object, context);
}
