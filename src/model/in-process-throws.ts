/**
 * "Can only this process's own code throw into this `try`?" — nothing in it is awaited or yielded, so
 * no rejection of outside work (a query, a request, a file read) can reach the catch; no call in it,
 * nor in the same-file functions and callbacks it runs, does synchronous I/O (a `*Sync` file or
 * child-process call, `require`, a database or client receiver); and every `throw` on the way throws
 * an error built there. What the catch gets is then the app's own throw, a validator's or parser's
 * verdict on a value in hand, or a programming error: its message names no SQL, host or file.
 * (Its stack still names the server's files: callers ask this only about an error's message.)
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, unwrapIndirectCall, getMemberPath, getPropertyName, isFunctionNode, lastName, lastSegment, resolveFunction, skipTransparent, walkTree } from './ast.js';
import { fileCache, perNode } from './file-cache.js';
import { classifyCall } from './fallible.js';
import { getLoggerCall } from './loggers.js';
import { systemModuleOf } from './modules.js';
import { isInProcessCryptoCall } from './in-process-crypto.js';
import { getResponseSink } from './responses.js';

/** Validators and parsers of a value in hand: `schema.parse(body)`, `validateSync(dto)`, `ajv.validate(s, x)`. */
const VALIDATION_METHOD = /^(?:parse|parseAsync|safeParse|validate|validateAsync|validateSync|validateOrReject|assert|verify|decode|check)$|^(?:validate|check|assert|ensure)[A-Z]\w*$/u;

/** A receiver that validates whatever its methods are called (`validate.query(type, q)`, `validator.body(x)`). */
const VALIDATOR_RECEIVER = /^(?:validate|validator|validators|validation|schema|schemas)$/iu;

/** Synchronous I/O by name: `readFileSync`, `execSync`, `zlib.inflateSync` (not `validateSync`, handled above). */
const SYNC_IO = /[a-z]Sync$/u;

const blockCache = fileCache<Map<TSESTree.Node, boolean>>();

/** Whether only in-process code can throw into the `try` block `block` (see the file comment). */
export function throwsOnlyInProcess(context: Context, block: TSESTree.BlockStatement): boolean {
  return perNode(blockCache, context.sourceCode, block, () => !awaitsOrYields(block, context) && runsInProcess(context, block, 0));
}

/**
 * An `await`, `yield` or `for await` in the block itself (not in functions it defines); an `await` of
 * crypto on values in hand (in-process-crypto.ts) waits on nothing outside.
 */
function awaitsOrYields(block: TSESTree.Node, context: Context): boolean {
  let found = false;
  walkTree(
    block,
    (node) => {
      if (node.type === AST_NODE_TYPES.AwaitExpression) {
        if (!isInProcessCryptoCall(context, node.argument)) found = true;
      } else if (node.type === AST_NODE_TYPES.YieldExpression) found = true;
      else if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) found = true;
    },
    context.sourceCode.visitorKeys,
    true,
  );
  return found;
}

/**
 * No call under `root` (callbacks included: `forEach` runs them now) reaches outside the process
 * synchronously, and every `throw` throws an error built there. Same-file synchronous functions are
 * read through; an async one called without `await` cannot throw into the caller.
 */
function runsInProcess(context: Context, root: TSESTree.Node, depth: number): boolean {
  let ok = true;
  walkTree(
    root,
    (node) => {
      if (!ok) return;
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        // `throw new Error('Alarm not found!')`, `throw createError(400, …)`; not `throw result.error`, an error from elsewhere.
        const thrown = skipTransparent(node.argument);
        if (thrown.type !== AST_NODE_TYPES.NewExpression && thrown.type !== AST_NODE_TYPES.CallExpression) ok = false;
      } else if (node.type === AST_NODE_TYPES.ImportExpression) {
        ok = false;
      } else if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        ok = callRunsInProcess(context, node, depth);
      }
    },
    context.sourceCode.visitorKeys,
  );
  return ok;
}

function callRunsInProcess(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): boolean {
  const callee = unwrapIndirectCall(call.callee);
  const name = lastName(callee);
  if (call.type === AST_NODE_TYPES.CallExpression && (getLoggerCall(context, call) || getResponseSink(context, call))) return true;
  if (name !== null && VALIDATION_METHOD.test(name)) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const receiver = lastName(callee.object);
    if (receiver !== null && VALIDATOR_RECEIVER.test(receiver)) return true;
  }
  // require('x') names the server's paths when it fails; a file or program read synchronously names its path or output.
  if (name === 'require' || (name !== null && SYNC_IO.test(name))) return false;
  if (call.type === AST_NODE_TYPES.CallExpression && systemModuleOf(context, call) !== null) return false;
  const fn = resolveFunction(context, callee);
  if (fn) {
    if (fn.async || fn.generator) return true;
    if (depth >= 3 || !fn.body) return false;
    return isFunctionNode(fn) && runsInProcess(context, fn.body, depth + 1);
  }
  if (call.type === AST_NODE_TYPES.NewExpression) {
    // new Promise(…), new Worker(…): work that reports later, or elsewhere.
    const path = getMemberPath(callee);
    return path === null || !/^(?:Promise|Worker|WebSocket|EventSource|XMLHttpRequest)$/u.test(lastSegment(path));
  }
  // A database, client or service receiver (`db.prepare(sql).get()`, `this.usersService.remove(id)`), fetch, a write.
  if (classifyCall(context, call) === 'external') return false;
  return !(callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'then');
}

