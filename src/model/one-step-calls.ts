/**
 * Is a call of the app's own code one step whose failure its message names, or one that cannot fail (for
 * `stack-loss.ts` and `system-steps.ts`)?
 *
 * The rule already excuses a text-only log whose `try` makes one step it can see: one command to a store or a network
 * client, one step into the file system, child processes or DNS. General rule (session 39): a call it can resolve to
 * the app's own function is judged by that function's body, one level deep — the same criterion extended to calls it
 * can resolve. `await this.ensureScheduledBackupPath()` whose body makes sure one path exists and is writable
 * (`pathExists(p)`, `access(p, W_OK)`, `ensureDir(p)`) is that one file-system step; `await certs.clearGarbage()`
 * whose body is one `deleteMany` is that one store command. A body that makes a second command, calls further app
 * code, or does anything else (`messageHandler.delAsync(…)`: a database, an archive, a notifier, counters) is a
 * multi-step operation of the app: the stack is what locates the failing step, and it stays reported.
 *
 * The function is found where it is written: a same-file function or method (`resolveCalledFunction`), an export of
 * a project module (`importedFunctionSatisfies`), or a method of a project class the variable holds an instance of
 * (`const TaskHandler = require('./lib/task-handler'); taskHandler = new TaskHandler(…)`:
 * `importedInstanceMethodSatisfies`), each read and parsed at most once per linted file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, isFunctionNode, skipTransparent, unwrapIndirectCall } from './ast.js';
import { calleeBodySatisfies } from './callee-bodies.js';
import { classifyCall, isAwaited } from './fallible.js';
import { getImportSource } from './modules.js';
import { someInSameFunction } from './walks.js';
import { PASSIVE_CALLS, isSingleStoreCommand } from './stack-loss-io.js';
import { workCalls } from './stack-records.js';
import { isSingleSystemCall } from './system-steps.js';

/** What one step is: one step into the system (`isSingleSystemCall`), or one command to a store or a network client (`isSingleStoreCommand`). */
type StepKind = 'system' | 'store';

const BODY_IS_ONE_STEP: Record<StepKind, (context: Context, fn: AnyFunction) => boolean> = {
  system: (context, fn) => fn.body.type === AST_NODE_TYPES.BlockStatement && !fn.generator && !loadsCode(context, fn) && isSingleSystemCall(context, fn.body),
  store: (context, fn) => fn.body.type === AST_NODE_TYPES.BlockStatement && !fn.generator && !loadsCode(context, fn) && isSingleStoreCommand(context, workCalls(context, fn.body), workCalls),
};

/**
 * `const module = await import(pkgName)`, `require(name)`: the body loads a module, whose own code then runs (local MCP
 * backend's `tryLoadMcpPackage` reads one package.json and imports the package it names): not one step.
 */
function loadsCode(context: Context, fn: AnyFunction): boolean {
  return someInSameFunction(
    fn.body,
    context.sourceCode.visitorKeys,
    (n) => n.type === AST_NODE_TYPES.ImportExpression || (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'require'),
  );
}

/**
 * The try's work is one call of the app's own function whose body is one step (see the file comment), besides logs,
 * pure helpers and the calls that build its arguments: `try { await this.ensureScheduledBackupPath() } catch (error) {
 * this.logger.error(\`Create backup failed: ${error.message}\`) }`.
 */
export function isOneStepCallOnly(context: Context, calls: readonly TSESTree.CallExpression[], kind: StepKind): boolean {
  // `this.save(build(x))`: a call in the arguments of another is part of building that call.
  const inArguments = (call: TSESTree.CallExpression, of: TSESTree.CallExpression): boolean => of !== call && of.arguments.some((arg) => contains(arg, call));
  const outer = calls.filter((call) => !calls.some((other) => inArguments(call, other)));
  // Asked of every outer call: a same-file function that only probes (`pathExists(p)`, `access(p)`) is passive by its kind.
  const steps = outer.filter((call) => calleeBodySatisfies(context, call, `one-${kind}-step-body`, BODY_IS_ONE_STEP[kind]));
  if (steps.length !== 1) return false;
  const step = steps[0]!;
  return calls.every((call) => call === step || PASSIVE_CALLS.has(classifyCall(context, call)));
}

/** Node's modules that build keys, ciphers and TLS contexts from material in hand. */
const KEY_MATERIAL_MODULE = /^(?:node:)?(?:crypto|tls)$/u;

/**
 * `try { ctxByHost[cn] = tls.createSecureContext(certsByHost.get([cn])) } catch (err) { log.error(\`CN '${cn}' loading got:
 * ${err.message}\`) }`: the try's work is one synchronous call into node:crypto or node:tls (not awaited, no callback),
 * besides pure helpers that build its arguments. It builds a key, cipher or TLS context from material in hand, like a
 * parse: OpenSSL's message names what is wrong with it (`no start line`, `key values mismatch`) and the stack only points
 * into Node. An awaited or callback call (`crypto.scrypt(p, salt, n, cb)`) or any other work beside stays reported.
 */
export function isKeyMaterialCallOnly(context: Context, calls: readonly TSESTree.CallExpression[]): boolean {
  const work = calls.filter((call) => !PASSIVE_CALLS.has(classifyCall(context, call)));
  if (work.length !== 1) return false;
  const call = work[0]!;
  let root: TSESTree.Node = skipTransparent(unwrapIndirectCall(call.callee));
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
  const from = root.type === AST_NODE_TYPES.Identifier ? getImportSource(context, root) : null;
  return from !== null && KEY_MATERIAL_MODULE.test(from.source) && !isAwaited(call) && !call.arguments.some((arg) => isFunctionNode(skipTransparent(arg)));
}

