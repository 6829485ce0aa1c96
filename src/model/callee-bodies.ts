/**
 * The app's own function a call runs, found where it is written, asked one question about its body: the one answer
 * to "what does this call of the app's code do" for one-step-calls.ts (one step?) and system-steps.ts (can it reject?).
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, skipTransparent, unwrapIndirectCall } from './ast.js';
import { resolveCalledFunction } from './called-functions.js';
import { importedFunctionSatisfies, importedInstanceMethodSatisfies } from './project-modules.js';
import type { ProjectModule } from './project-files.js';

/**
 * `answer` holds for the body of the function `call` runs: a same-file function or method (not the function the call
 * sits in), an export of a project module, or a method of a project class the variable holds an instance of
 * (`taskHandler = new TaskHandler(…)`). Project modules are read and parsed at most once per linted file, and their
 * answers cached under `question`. False when no function is found.
 */
export function calleeBodySatisfies(context: Context, call: TSESTree.CallExpression, question: string, answer: (context: Context, fn: AnyFunction) => boolean): boolean {
  const fn = resolveCalledFunction(context, call.callee);
  if (fn) return !contains(fn, call) && answer(context, fn);
  const callee = skipTransparent(unwrapIndirectCall(call.callee));
  const inModule = (module: ProjectModule, f: AnyFunction): boolean => answer(module.context, f);
  if (importedFunctionSatisfies(context, callee, question, inModule)) return true;
  return callee.type === AST_NODE_TYPES.MemberExpression && importedInstanceMethodSatisfies(context, callee, question, inModule);
}
