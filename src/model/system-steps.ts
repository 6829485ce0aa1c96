/**
 * Does a `try` make one step into the operating system, whose error's message and code name the whole failure
 * (for `stack-loss.ts`)? One call into Node's file system, child processes or DNS; calls into the file system
 * that all work on one path (`mkdirSync(p, { recursive: true }); accessSync(p, W_OK)`: make sure a directory is
 * there and writable); or a change of the process's identity (`process.setgid(gid); process.setuid(uid)`), whose
 * error carries the system call's name (`e.syscall`) and `EPERM`. Also: is a `try` whose only fallible calls are async
 * functions that catch every failure themselves one whose catch never runs (`catchNeverRuns`)?
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, getCalleePath, isFunctionNode, lastName, skipTransparent, unwrapIndirectCall } from './ast.js';
import { someInSameFunction } from './walks.js';
import { resolveCalledFunction } from './called-functions.js';
import { asyncBody } from './downlevel.js';
import { calleeBodySatisfies } from './callee-bodies.js';
import { classifyCall } from './fallible.js';
import { systemModuleOf } from './modules.js';
import { isProcessExitCall } from './process-exit.js';
import { PASSIVE_CALLS } from './stack-loss-io.js';
import { isLogWrite, workCalls } from './stack-records.js';

/** `existsSync(p)`, `await pathExists(p)`, `(0, fs_1.existsSync)(p)`: an existence check answers, it does not fail. */
const EXISTENCE_CHECK = /^(?:existsSync|pathExists|pathExistsSync)$/u;

/** `process.setuid(uid)`, `process.setgid(gid)`, `process.initgroups(user, gid)`: the process takes another user's identity. */
const PROCESS_IDENTITY = /^process\.(?:setuid|setgid|seteuid|setegid|setgroups|initgroups)$/u;

/**
 * The try block makes one step into the system (`fs.rmSync(dir)`, `await fse.ensureDir(dir)`,
 * `execSync('systemctl start x')`, `await dns.reverse(ip)`, `mkdirSync(dir); accessSync(dir, W_OK)` on one path,
 * `process.setgid(gid); process.setuid(uid)`), besides parsing what it read, pure helpers (`path.join`,
 * `.toString()`) and `process.exit(…)`: the error's message names the path, command, host or system call and the
 * code (`ENOENT`, `EACCES`, `EPERM`, the exit status), and its stack points into Node or at this very call. Calls
 * on two paths, two commands, or any other work stay reported.
 */
export function isSingleSystemCall(context: Context, block: TSESTree.BlockStatement): boolean {
  const steps = new Set<string>();
  for (const call of workCalls(context, block)) {
    const module = systemModuleOf(context, call);
    if (module === 'fs' && EXISTENCE_CHECK.test(lastName(unwrapIndirectCall(call.callee)) ?? '')) continue;
    const path = getCalleePath(call);
    // `process.exit(1)` after what was read (a health check's answer): it ends the process, it does not fail.
    if (isProcessExitCall(call)) continue;
    const first = call.arguments[0];
    // File-system calls on the same path are one step on that path; any other system call is a step of its own.
    if (module === 'fs' && first) steps.add(`fs ${context.sourceCode.getText(first)}`);
    else if (module !== null) steps.add(`call ${call.range[0]}`);
    else if (path !== null && PROCESS_IDENTITY.test(path)) steps.add('identity');
    // Parsing what was read, path and string helpers (`path.join`, `.toString()`): the shared answer to "what can this call fail for".
    else if (!PASSIVE_CALLS.has(classifyCall(context, call))) return false;
  }
  return steps.size === 1;
}

/**
 * `try { await taskHandler.releasePending() } catch (err) { log.error('…', err.message) }` where `async releasePending() {
 * try { … } catch (err) { log.error(…) } }`: every call the try makes that can fail is an async function that cannot reject
 * (`catchesEverything`), same-file or of a project module, besides logs. The catch never runs; its text-only log loses
 * nothing. Anything else in the try (in-process work such as `releases.filter(…)`, `new Date(…)`, a `throw`) can fail
 * into the catch and keeps it reported.
 */
export function catchNeverRuns(context: Context, block: TSESTree.BlockStatement): boolean {
  const quiet: TSESTree.CallExpression[] = [];
  const helpers: TSESTree.CallExpression[] = [];
  for (const call of workCalls(context, block)) {
    if (cannotReject(context, call)) {
      quiet.push(call);
      continue;
    }
    const kind = classifyCall(context, call);
    if (kind === 'logs' || kind === 'telemetry') continue;
    if (!PASSIVE_CALLS.has(kind)) return false;
    helpers.push(call);
  }
  // `await this.getKeys(redisKey('*'), this.client)`: only a pure helper building the argument of a call that cannot reject.
  const building = helpers.every((call) => quiet.some((q) => q.arguments.some((arg) => contains(arg, call))));
  return quiet.length > 0 && building && !throwsOrConstructs(context, block);
}

/**
 * An async function that catches everything (same-file, exported from a project module, or since session 39 a method of
 * a project class instance: `taskHandler.releasePending()` with `taskHandler = new TaskHandler(…)`), or a same-file
 * function whose promise never rejects (`neverRejects`).
 */
function cannotReject(context: Context, call: TSESTree.CallExpression): boolean {
  return neverRejects(context, call) || calleeBodySatisfies(context, call, 'catches-everything', catchesEverythingAsync);
}

/**
 * `getKeysByPatternV2(key, client) { return new Promise((resolve) => { … stream.on('end', () => resolve(keys)) }) }`:
 * a same-file function whose body only returns a `new Promise` whose executor takes no `reject`. What it returns never
 * rejects.
 */
export function neverRejects(context: Context, call: TSESTree.CallExpression): boolean {
  const fn = resolveCalledFunction(context, call.callee);
  if (!fn || contains(fn, call) || fn.generator) return false;
  let value: TSESTree.Node | null = fn.body;
  if (value.type === AST_NODE_TYPES.BlockStatement) {
    const only = value.body.length === 1 ? value.body[0] : undefined;
    value = only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null;
  }
  const created = value ? skipTransparent(value) : null;
  if (created?.type !== AST_NODE_TYPES.NewExpression || created.callee.type !== AST_NODE_TYPES.Identifier || created.callee.name !== 'Promise') return false;
  const executor = created.arguments[0] ? skipTransparent(created.arguments[0]) : null;
  return executor !== null && isFunctionNode(executor) && executor.params.length === 1 && executor.params[0]!.type === AST_NODE_TYPES.Identifier;
}

function catchesEverythingAsync(context: Context, fn: AnyFunction): boolean {
  const body = asyncBody(fn);
  return body !== null && catchesEverything(context, body);
}

/**
 * An async function's body (or the generator of a downleveled one) cannot reject: every call and `new` sits in the block
 * of a `try` with a `catch` (logs aside), no `throw` is written anywhere in it (also not in a catch: a rethrow after a log still
 * rejects), and nothing returns another call's promise from outside an `await`.
 */
export function catchesEverything(context: Context, fn: AnyFunction): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return !someInSameFunction(
    fn.body,
    context.sourceCode.visitorKeys,
    (node) =>
      node.type === AST_NODE_TYPES.ThrowStatement ||
      (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && isCallValue(node.argument)) ||
      ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.AwaitExpression) && !inTryBlock(node, fn)),
    // `log.error('Failed to fetch details:', error)` in a catch: writing the log is not work that fails.
    (node) => node.type === AST_NODE_TYPES.CallExpression && isLogWrite(context, node),
  );
}

/** `return fetchAll()`, `return this.client.get(k)`: a call's promise handed on (an awaited one is `await`ed here). */
function isCallValue(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression;
}

/** `node` sits in the block (not the catch or finally) of a `try` with a `catch`, within `fn`. */
function inTryBlock(node: TSESTree.Node, fn: AnyFunction): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.handler && parent.block === child) return true;
  }
  return false;
}

/** A `throw` or a `new` in the block's own function: in-process work that can fail into its catch. */
function throwsOrConstructs(context: Context, block: TSESTree.BlockStatement): boolean {
  return someInSameFunction(block, context.sourceCode.visitorKeys, (n) => n.type === AST_NODE_TYPES.ThrowStatement || n.type === AST_NODE_TYPES.NewExpression);
}
