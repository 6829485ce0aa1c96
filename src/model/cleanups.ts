/**
 * Best-effort clean-up: is a call only the removal of a path from the file system?
 *
 * The general rule (background-task-error-handling): a discarded removal of a file or directory
 * (`fsp.unlink(tmp)`, `rimraf(dir)`, or a same-file `const rm = async (p) => { try { await fs.unlink(p) }
 * catch (e) { if (e.code !== 'ENOENT') throw e } }` called as `rm(srcFile)`) is clean-up after the work
 * is done: its result is not waited on by design, and a failure leaves only a stray file behind, nothing a
 * task or a caller depends on. Any other call in the helper (a store write, a notification, a log) makes
 * it work of its own, which stays reported.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, skipTransparent, unwrapIndirectCall } from './ast.js';
import { onlyCallsOf } from './walks.js';
import { asyncBody } from './downlevel.js';
import { resolveCalledFunction } from './called-functions.js';
import { getImportSource, systemModuleOf } from './modules.js';

/** Methods of node:fs / fs-extra that remove a path (`rm`, `unlink`, `rmdir`, fs-extra's `remove`, `emptyDir`). */
const REMOVAL_METHODS = /^(?:rm|unlink|rmdir|remove|emptyDir|emptydir)$/u;

/** Packages whose export only removes paths: `rimraf(dir)`, `deleteAsync(dir)` of `del`. */
const REMOVAL_PACKAGES = new Set(['rimraf', 'del']);

/** `path.join(dir, name)`: pure path arithmetic, no I/O. */
const PATH_MODULES = new Set(['path', 'node:path']);

/** The called function's name and the identifier at the root of its callee (`fs` of `fs.promises.unlink`), for a module look-up. */
function calleeParts(call: TSESTree.CallExpression): { name: string | null; root: TSESTree.Node } {
  const callee = skipTransparent(unwrapIndirectCall(call.callee));
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  let root: TSESTree.Node = callee;
  for (let depth = 0; root.type === AST_NODE_TYPES.MemberExpression && depth < 3; depth++) root = skipTransparent(root.object);
  return { name, root };
}

/** A call that removes a path: a removal method of node:fs or fs-extra, or the export of a removal package. */
export function isPathRemoval(context: Context, call: TSESTree.CallExpression): boolean {
  const { name, root } = calleeParts(call);
  if (name === null || root.type !== AST_NODE_TYPES.Identifier) return false;
  const from = getImportSource(context, root);
  if (from && REMOVAL_PACKAGES.has(from.source)) return true;
  return REMOVAL_METHODS.test(name) && systemModuleOf(context, call) === 'fs';
}

/** `path.join(…)`, `path.resolve(…)`: computes a path, does no I/O. */
function isPathArithmetic(context: Context, call: TSESTree.CallExpression): boolean {
  const { root } = calleeParts(call);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const from = getImportSource(context, root);
  return from !== null && PATH_MODULES.has(from.source);
}

/**
 * The call only removes a path: a removal itself, or a same-file async function whose every call is a
 * removal (or path arithmetic) and that makes at least one.
 */
export function removesPathOnly(context: Context, call: TSESTree.CallExpression): boolean {
  if (isPathRemoval(context, call)) return true;
  const fn = resolveCalledFunction(context, call.callee);
  const body = fn ? asyncBody(fn) : null;
  if (!body) return false;
  return onlyCallsOf(body.body, context.sourceCode.visitorKeys, (node) => isPathRemoval(context, node), (node) => isPathArithmetic(context, node));
}
