/**
 * Whether the file installs a `process.on('unhandledRejection')` handler that logs what it receives:
 * every rejection escaping background work in this process is then recorded with its stack.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, fileKey, getPropertyName, getStringValue, walkSameFunction } from './ast.js';
import { resolveCallbackArgument } from './background.js';
import { getBoundVariables, readsAny } from './errors.js';
import { getLoggingLevel } from './loggers.js';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

const rejectionLoggerCache = new WeakMap<object, boolean>();

/**
 * The file installs `process.on('unhandledRejection', handler)` with a handler that logs (or
 * reports) what it receives: every rejection that escapes background work in this process is then
 * recorded with its stack. Found through the references to the global `process`, not a tree walk.
 */
export function installsRejectionLogger(context: Context): boolean {
  const sourceCode = context.sourceCode;
  const cached = rejectionLoggerCache.get(fileKey(sourceCode));
  if (cached !== undefined) return cached;
  let found = false;
  const globalScope = sourceCode.scopeManager?.globalScope;
  // Unbound (\`through\`), or bound to the configured global of that name, never to a declaration.
  const declaredGlobal = globalScope?.set.get('process');
  const references = globalScope ? [...globalScope.through, ...(declaredGlobal && declaredGlobal.defs.length === 0 ? declaredGlobal.references : [])] : [];
  for (const ref of references) {
    if (found) break;
    const id = ref.identifier;
    if (id.type !== AST_NODE_TYPES.Identifier || id.name !== 'process') continue;
    const member = id.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id || !LISTENER_METHODS.has(getPropertyName(member) ?? '')) continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || getStringValue(call.arguments[0]) !== 'unhandledRejection') continue;
    const handler = call.arguments[1] ? resolveCallbackArgument(context, call.arguments[1]) : null;
    if (handler && handlerLogs(context, handler)) found = true;
  }
  rejectionLoggerCache.set(fileKey(sourceCode), found);
  return found;
}

/** The handler passes the rejection reason (its first parameter) to a log or reporter call, outside nested functions. */
function handlerLogs(context: Context, fn: AnyFunction): boolean {
  const reason = getBoundVariables(context, fn.params[0]);
  if (reason.length === 0) return false;
  let logs = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (logs) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && getLoggingLevel(context, node) !== null && node.arguments.some((a) => readsAny(a, reason))) logs = true;
      return undefined;
    },
    context.sourceCode.visitorKeys,
  );
  return logs;
}
