/**
 * "Which exceptions does this NestJS exception filter catch?" — the one reading of `@Catch(…)`
 * for every rule: a filter for every exception replaces Nest's logging BaseExceptionFilter
 * (require-error-handler-logging), and one declared for client-facing exceptions only sends
 * messages written for the client (no-error-details-in-response).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, getMemberPath, skipTransparent } from './ast.js';
import { classDecorators, decoratorArguments, decoratorName } from './decorators.js';

/**
 * The exception classes named by the `@Catch(…)` decorator of the class whose method `fn` is
 * (`@Catch(HttpException, QueryFailedError)` → `['HttpException', 'QueryFailedError']`; an
 * argument that is not a name or member path gives null; also compiled: `X = __decorate([(0, common_1.Catch)(…)], X)`). `[]` for `@Catch()`, which catches
 * everything; null when `fn` is not a method of a class decorated with `@Catch(…)`.
 */
export function getCaughtExceptionTypes(fn: AnyFunction): (string | null)[] | null {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition) return null;
  const cls = method.parent.parent;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return null;
  for (const decorator of classDecorators(cls)) {
    if (skipTransparent(decorator).type !== AST_NODE_TYPES.CallExpression || decoratorName(decorator) !== 'Catch') continue;
    return decoratorArguments(decorator).map((a: TSESTree.CallExpressionArgument) => getMemberPath(a));
  }
  return null;
}

/** `@Catch()` / `@Catch(Error)` / `@Catch(Object)`: a filter for every exception. */
export function catchesEveryException(fn: AnyFunction): boolean {
  const types = getCaughtExceptionTypes(fn);
  return types !== null && (types.length === 0 || types.some((t) => t === 'Error' || t === 'Object'));
}
