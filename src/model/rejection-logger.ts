/**
 * Whether a file installs a `process.on('unhandledRejection')` handler that logs what it receives
 * with its stack: every rejection escaping background work in this process is then recorded.
 * The same reading serves the linted file (scope-checked `process`) and the other files of the
 * application that process-handlers.ts reads (by name).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getCalleePath, getPropertyName, getStringValue, walkSameFunction, walkTree } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { resolveCallbackArgument } from './background.js';
import { classifyErrorMention } from './errors.js';
import { isProcessObject } from './process-object.js';
import { keyKeepsError, resolveLoggerStyle } from './logger-styles.js';
import { type LogLevel, getLoggingLevel, isAtLeast, logsSomewhereAtLeast } from './loggers.js';
import { importedFunctionSatisfies } from './project-modules.js';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** The process-level events whose handler can record a failure nothing else caught. */
export type ProcessFailureEvent = 'unhandledRejection' | 'uncaughtException';

const rejectionLoggerCache = fileCache<boolean>();

/**
 * The file installs `process.on('unhandledRejection', handler)` with a handler that logs (or
 * reports) what it receives with its stack: every rejection that escapes background work in this
 * process is then recorded. Found through the references to the global `process`, not a tree walk.
 */
export function installsRejectionLogger(context: Context): boolean {
  return perFile(rejectionLoggerCache, context.sourceCode, () => findsRejectionLogger(context));
}

function findsRejectionLogger(context: Context): boolean {
  const sourceCode = context.sourceCode;
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
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) continue;
    const call = member.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && processListenerEvent(call) === 'unhandledRejection') found = handlerLogsWithStack(context, call);
  }
  // `process_1.default.on('unhandledRejection', …)`: TypeScript's output of an imported `process`
  // (or an import under another name) has no reference to the global; a walk, only when the text names the event.
  // The global's own references were read above (a `process` the file declares is not the global).
  if (!found && sourceCode.text.includes('unhandledRejection')) {
    walkTree(
      sourceCode.ast,
      (node) => {
        if (found || node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const receiver = node.callee.object;
        if (receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'process') return;
        if (processListenerEvent(node, context) === 'unhandledRejection') found = handlerLogsWithStack(context, node);
      },
      sourceCode.visitorKeys,
    );
  }
  return found;
}

/**
 * The events of `process.on(event, handler)` calls anywhere in `program` (another file of the
 * application, read by name) whose handler logs what it receives with its stack.
 */
export function loggedProcessEvents(context: Context, program: TSESTree.Program): Set<ProcessFailureEvent> {
  const events = new Set<ProcessFailureEvent>();
  walkTree(
    program,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const event = processListenerEvent(node);
      if (event !== null && !events.has(event) && handlerLogsWithStack(context, node)) events.add(event);
    },
    context.sourceCode.visitorKeys,
  );
  return events;
}

/**
 * `process.on('unhandledRejection' | 'uncaughtException', …)` (any listener method, also on the compiled
 * `process_1.default`): its event, else null. `context` is null for another file read by name.
 */
function processListenerEvent(call: TSESTree.CallExpression, context: Context | null = null): ProcessFailureEvent | null {
  const member = call.callee;
  if (member.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(getPropertyName(member) ?? '')) return null;
  if (!isProcessObject(member.object, context)) return null;
  const event = getStringValue(call.arguments[0]);
  return event === 'unhandledRejection' || event === 'uncaughtException' ? event : null;
}

/** The listener registered by `call` passes its first parameter to a log or reporter call with its stack. */
function handlerLogsWithStack(context: Context, call: TSESTree.CallExpression): boolean {
  let handler: AnyFunction | null;
  try {
    handler = call.arguments[1] ? resolveCallbackArgument(context, call.arguments[1]) : null;
  } catch {
    // another file's handler named by a binding the name-only context cannot resolve: unknown
    return false;
  }
  return handler !== null && logsParameterWithStack(context, handler);
}

/**
 * A log call of the handler (outside nested functions, at info level or above) gets its first parameter as the object or its
 * `.stack` (`logger.error('Unhandled rejection', reason)`, `` log.error(`… ${reason.stack}`) ``); only its
 * text (`${reason}`, `reason.message`, `String(reason)`) does not count: the stack says where it failed.
 * Read by name, so that the same reading serves files parsed without a scope manager.
 */
export function logsParameterWithStack(context: Context, fn: AnyFunction): boolean {
  const param = fn.params[0];
  const name = param?.type === AST_NODE_TYPES.Identifier ? param.name : param?.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier ? param.left.name : null;
  if (name === null) return false;
  const visitorKeys = context.sourceCode.visitorKeys;
  const names = withAliases(fn, name, visitorKeys);
  let logs = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (logs) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && recordsAt(node, getLoggingLevel(context, node)) && node.arguments.some((a) => keepsStack(context, node, a, names, visitorKeys))) logs = true;
      return undefined;
    },
    visitorKeys,
  );
  return logs;
}

/**
 * A record someone reads in production: info and above (a `debug` line is usually filtered out).
 * `console.trace(err)` has no level to filter it by: it writes the error, stack included, to stderr.
 */
function recordsAt(call: TSESTree.CallExpression, level: LogLevel | null): boolean {
  return (level !== null && isAtLeast(level, 'info')) || getCalleePath(call) === 'console.trace';
}

/**
 * The parameter's name and the handler's `const` aliases of it: `const err = reason instanceof Error ?
 * reason : new Error(String(reason))` (Signal K) holds the reason, so logging `err` logs it.
 */
function withAliases(fn: AnyFunction, name: string, visitorKeys: Context['sourceCode']['visitorKeys']): ReadonlySet<string> {
  const names = new Set([name]);
  walkSameFunction(
    fn.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return undefined;
      const init = node.init;
      // The value itself, or one branch of a conditional / logical choice, not a detail (`reason.code`).
      const choices = init.type === AST_NODE_TYPES.ConditionalExpression ? [init.consequent, init.alternate] : init.type === AST_NODE_TYPES.LogicalExpression ? [init.left, init.right] : [init];
      if (choices.some((c) => c.type === AST_NODE_TYPES.Identifier && names.has(c.name))) names.add(node.id.name);
      return undefined;
    },
    visitorKeys,
  );
  return names;
}

function keepsStack(
  context: Context,
  call: TSESTree.CallExpression,
  arg: TSESTree.Node,
  names: ReadonlySet<string>,
  visitorKeys: Context['sourceCode']['visitorKeys'],
): boolean {
  let whole = false;
  walkTree(
    arg,
    (node) => {
      if (whole || node.type !== AST_NODE_TYPES.Identifier || !names.has(node.name)) return;
      const parent = node.parent;
      // A property key (`{ reason: 1 }`, `x.reason`) is not the variable.
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && parent.value !== node) return;
      if (classifyErrorMention(node).kind === 'whole' && !hiddenUnderKey(context, call, node)) whole = true;
    },
    visitorKeys,
  );
  return whole;
}

/**
 * `logger.warn({ reason }, '…')` with pino: an Error under a key other than `err` prints as `{}`, so the
 * log keeps neither the message nor the stack (the same reading as `findHiddenError`; a logger whose style
 * is unknown keeps only `err`, `console` everything).
 */
function hiddenUnderKey(context: Context, call: TSESTree.CallExpression, id: TSESTree.Identifier): boolean {
  const property = id.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== id || property.computed) return false;
  const key = getPropertyName(property);
  const callee = call.callee;
  if (key === null || property.parent?.type !== AST_NODE_TYPES.ObjectExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  let resolved: ReturnType<typeof resolveLoggerStyle>;
  try {
    resolved = resolveLoggerStyle(context, callee.object);
  } catch {
    resolved = null;
  }
  const keeps = resolved === null ? null : keyKeepsError(resolved, key);
  if (keeps !== null) return !keeps;
  // A logger the file does not show (imported from another module): only `err` is kept by pino and bunyan,
  // and winston prints any nested Error as `{}`; `console` prints the whole object, stack included.
  const receiver = callee.object;
  return key !== 'err' && !(receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'console');
}

/** What a process crash handler defined in another module of the project does with what it receives. */
export type ImportedHandlerRecord = 'withStack' | 'textOnly' | 'silent';

/**
 * `process.on('unhandledRejection', exit)` with `exit` a function of another module of the project
 * (`import exit from '../server/exit.js'`): the handler is that function, read in its module. It records
 * the failure when it logs its first parameter with the stack (`logsParameterWithStack`, the reading
 * that decides whether the application records rejections); `'textOnly'` when it logs at error level
 * without that (`console.error(a?.message || a)`), `'silent'` when it logs nothing at error level. Null
 * when `call` is no such registration or the argument names no function of a readable project module.
 * General rule: a handler is what it runs, wherever it is written.
 */
export function importedProcessHandlerRecord(context: Context, call: TSESTree.CallExpression): { event: ProcessFailureEvent; handler: TSESTree.Node; record: ImportedHandlerRecord } | null {
  const event = processListenerEvent(call, context);
  const handler = call.arguments[1];
  if (event === null || call.arguments.length !== 2 || handler?.type !== AST_NODE_TYPES.Identifier) return null;
  if (!importedFunctionSatisfies(context, handler, 'processHandlerFound', () => true)) return null;
  if (importedFunctionSatisfies(context, handler, 'processHandlerLogsWithStack', (module, fn) => logsParameterWithStack(module.context, fn))) return { event, handler, record: 'withStack' };
  const logs = importedFunctionSatisfies(context, handler, 'processHandlerLogsAtError', (module, fn) => logsSomewhereAtLeast(module.context, fn, 'error'));
  return { event, handler, record: logs ? 'textOnly' : 'silent' };
}
