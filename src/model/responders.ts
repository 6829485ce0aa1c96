/**
 * Responders: does a call only write the answer to the client?
 *
 * The general rule (background-task-error-handling): a handler that calls a function whose every call
 * writes the response (`res.status(…)`, `res.set(…)`, `res.json(…)`) or computes a value such a write
 * sends (`res.send(Buffer.from(await message.getFinalResult()))`) without awaiting it is answering, not
 * starting background work: the promise stands for the answer itself, and nothing but the write of the
 * answer can fail in it. The function is a same-file one, or the one a same-file factory returns
 * (`const response = this.resToResultFn(res); … response(result, { status: 200 })`). A function that
 * does any other work first (a store read, a trigger run, a helper call) stays a task of its own.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, isFunctionNode } from './ast.js';
import { onlyCallsOf } from './walks.js';
import { resolveCalledFunction } from './called-functions.js';
import { isResponseObjectCall } from './responses.js';

/** `call` sits in the arguments of a response write (`res.send(Buffer.from(x))`), inside the function `fn`. */
function feedsResponseWrite(call: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let child = call, parent = call.parent; parent && parent !== fn && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== child && isResponseObjectCall(parent, [])) return true;
  }
  return false;
}

/** The call runs a same-file function whose every call writes the response or feeds a write, and that writes at least once. */
export function onlyAnswersClient(context: Context, call: TSESTree.CallExpression): boolean {
  const fn = resolveCalledFunction(context, call.callee);
  if (!fn) return false;
  return onlyCallsOf(fn.body, context.sourceCode.visitorKeys, (node) => isResponseObjectCall(node, []), (node) => feedsResponseWrite(node, fn));
}
