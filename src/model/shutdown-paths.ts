/**
 * "Does this code run only while the process shuts down?" — beyond the shutdown listeners and routines
 * of shutdown-listeners.ts, two shapes:
 *  - the branch of a supervisor channel's `'message'` listener taken for a `'shutdown'` message
 *    (`process.on('message', (msg) => { if (msg === 'shutdown') { … } })`: PM2's graceful stop, where
 *    no signal can be sent, and a parent process's IPC stop request);
 *  - a same-file function that is called only from shutdown work (`function shutdown(server) {
 *    server.close().then(…) }` called from SIGINT and SIGTERM listeners and the 'shutdown' message branch).
 * A rejection escaping such work ends a process that was already ending, with the error printed (or the
 * application's rejection handler's log), as in a signal handler.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, functionVariable, getEnclosingFunction, getStringValue, skipTransparent } from './ast.js';
import { someEnclosingStep } from './walks.js';
import { type BackgroundCallback, enclosingBackgroundCallback, getBackgroundRegistration, isSupervisorChannel } from './background.js';
import { isShutdownWork } from './shutdown-listeners.js';

/** At most this many same-file callers are followed outward. */
const MAX_DEPTH = 2;

/** `msg === 'shutdown'`, `'shutdown' == message`, `msg.type === 'shutdown'` (the test of a branch). */
function testsShutdownMessage(test: TSESTree.Node): boolean {
  const t = skipTransparent(test);
  if (t.type !== AST_NODE_TYPES.BinaryExpression || (t.operator !== '===' && t.operator !== '==')) return false;
  return getStringValue(t.left) === 'shutdown' || getStringValue(t.right) === 'shutdown';
}

/** A supervisor channel's 'message' listener (`process.on('message', …)`, `parentPort.on('message', …)`). */
function isSupervisorMessageListener(cb: BackgroundCallback): boolean {
  const call = cb.registration;
  return isSupervisorChannel(cb) && call.type === AST_NODE_TYPES.CallExpression && getStringValue(call.arguments[0]) === 'message';
}

/** `node` sits in the consequent of `if (msg === 'shutdown')` inside a supervisor's 'message' listener (same function). */
function inShutdownMessageBranch(context: Context, node: TSESTree.Node, extraApis: readonly string[]): boolean {
  const fn = getEnclosingFunction(node);
  if (!fn) return false;
  const inBranch = someEnclosingStep(node, fn, (parent, child) => parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && testsShutdownMessage(parent.test));
  if (!inBranch) return false;
  const cb = getBackgroundRegistration(context, fn, extraApis);
  return cb !== null && isSupervisorMessageListener(cb);
}

/** The calls of a same-file function (a declaration or a `const` function), or null when it is also used otherwise. */
function callsOf(context: Context, fn: AnyFunction): TSESTree.CallExpression[] | null {
  const variable = functionVariable(context, fn);
  if (!variable) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    if (ref.init) continue;
    const call = ref.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier) return null;
    calls.push(call);
  }
  return calls.length > 0 ? calls : null;
}

/** `node` runs in a shutdown listener, a 'shutdown' message branch, or a same-file function called only from such places. */
function onShutdownPath(context: Context, node: TSESTree.Node, extraApis: readonly string[], depth: number): boolean {
  if (enclosingBackgroundCallback(context, node, extraApis)?.shutdown || inShutdownMessageBranch(context, node, extraApis)) return true;
  if (depth >= MAX_DEPTH) return false;
  const fn = getEnclosingFunction(node);
  if (!fn || getBackgroundRegistration(context, fn, extraApis)) return false;
  const calls = callsOf(context, fn);
  return calls !== null && calls.every((call) => onShutdownPath(context, call, extraApis, depth + 1));
}

/**
 * A promise set aside where only a shutdown runs it (see the file comment), or in a shutdown routine
 * (`isShutdownWork`). `call` is the discarded call, or the statement when the root is no call.
 */
export function isShutdownPath(context: Context, statement: TSESTree.Node, call: TSESTree.Node, extraApis: readonly string[] = []): boolean {
  if (isShutdownWork(context, statement, call)) return true;
  if (!context.sourceCode.text.includes('shutdown') && !context.sourceCode.text.includes('SIG')) return false;
  return onShutdownPath(context, statement, extraApis, 0);
}
