/**
 * "Does this throw leave an I/O completion callback?" A callback handed to Node's callback-style I/O
 * (`fs.writeFile(p, data, (err) => { if (err) throw err; })`, `exec(cmd, (error, stdout) => …)`,
 * `dns.lookup(host, cb)`) runs from the event loop, after the code that started the call returned: a
 * throw in it reaches no caller's try/catch and no framework error handler, only
 * `process.on('uncaughtException')`, and by default ends the process.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getEnclosingFunction, getPropertyName, skipTransparent } from './ast.js';
import { systemModuleOf } from './modules.js';

/** The first parameter of an error-first callback: `(err, data) => …`. */
const ERROR_PARAM = /^_?(?:err|error|e|er)$/u;

export interface IoCallbackThrow {
  /** The I/O call the callback is handed to (`fs.writeFile(…)`). */
  call: TSESTree.CallExpression;
  /** The error-first callback the throw is in. */
  fn: AnyFunction;
}

/**
 * The Node I/O call (fs, child_process, dns and their drop-in wrappers; not a `…Sync` one) whose
 * error-first completion callback `node` throws from, outside any try of that callback; else null.
 */
export function ioCallbackOfThrow(context: Context, node: TSESTree.ThrowStatement): IoCallbackThrow | null {
  const fn = getEnclosingFunction(node);
  if (!fn || fn.async || fn.generator) return null;
  const first = fn.params[0];
  if (first?.type !== AST_NODE_TYPES.Identifier || !ERROR_PARAM.test(first.name)) return null;
  for (let child: TSESTree.Node = node; child !== fn && child.parent; child = child.parent) {
    const parent: TSESTree.Node = child.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return null;
  }
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length < 2 || skipTransparent(call.arguments.at(-1)!) !== fn) return null;
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  if (name === null || name.endsWith('Sync')) return null;
  return systemModuleOf(context, call) === null ? null : { call, fn };
}
