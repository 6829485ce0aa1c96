/**
 * "What does this call in a global error handler make of the error, as a record?" — for
 * require-error-handler-logging: a log call that carries the whole error at error level records
 * it; one at a lower level, one with only its text (`err.message`) or one without it does not
 * quite. A log that runs only in development (`if (NODE_ENV === 'development') console.error(err)`)
 * records nothing in production. A security-audit call handed the error in any form
 * (`log.audit({ event: 'auth.login.fail', error: err.toString() })`) reports it to the app's
 * audit trail: a reporter, like `next(err)` or a rethrow. `console.log(err)` with the whole error
 * records it in a file that logs only through console (console-logging.ts): no level is kept there.
 * So does `console.log(e.stack || e)` followed in its block by `process.exit(1)`: the process ends right
 * after printing the whole error, so the crash cannot pass unnoticed (its end is the signal supervisors
 * and operators act on) and its last output holds the stack; console writes are filtered by no level.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { logsOnlyThroughConsole } from './console-logging.js';
import { isAuditCall } from './credential-checks.js';
import { runsOnlyInDevelopment } from './environment.js';
import { classifyErrorUse, readsAny } from './errors.js';
import { endsProcessAfter } from './process-exit.js';
import { type LogLevel, type LoggerCall, getLoggerCall, getLoggingLevel, isAtLeast } from './loggers.js';

type Variable = TSESLint.Scope.Variable;

/** What a log call in an error handler does with the error. */
export type HandlerLogUse =
  /** Logs (or reports) the error where operators look. */
  | { kind: 'records' }
  /** Logs the error below error level. */
  | { kind: 'lowLevel'; call: LoggerCall | TSESTree.CallExpression; level: LogLevel }
  /** Logs only the text of the error (`err.message`, `${err}`). */
  | { kind: 'textOnly'; call: LoggerCall; form: string; name: string }
  /** Logs a message without the error. */
  | { kind: 'noError'; call: LoggerCall }
  /** Logs only in development: no record in production. */
  | { kind: 'devOnly' };

/**
 * How the call `node` in an error handler whose body is `body` records its error (`errorVars`: the
 * error and its aliases), or null when the call is no log and no audit record. `anyForm`: every
 * mention counts as the whole error (a server 'error' listener's error is its own message).
 */
export function classifyHandlerLog(context: Context, node: TSESTree.CallExpression, body: TSESTree.Node, errorVars: readonly Variable[], anyForm: boolean): HandlerLogUse | null {
  const level = getLoggingLevel(context, node);
  if (level === null) {
    // log.audit({ event: 'auth.login.fail.oauth', error: err.toString() }): the audit trail records it.
    if (!isAuditCall(node) || !node.arguments.some((a) => readsAny(a, errorVars))) return null;
    return runsOnlyInDevelopment(node, body) ? { kind: 'devOnly' } : { kind: 'records' };
  }
  // `if (process.env.NODE_ENV === 'development') console.error(err.stack)`: nothing in production.
  if (runsOnlyInDevelopment(node, body)) return { kind: 'devOnly' };
  const direct = getLoggerCall(context, node);
  if (!direct) return isAtLeast(level, 'error') ? { kind: 'records' } : { kind: 'lowLevel', call: node, level };
  if (direct.via !== 'logger') return { kind: 'records' };
  const use = anyForm ? { kind: 'whole' as const } : classifyErrorUse(direct.args, errorVars);
  if (use.kind === 'whole') {
    if (isAtLeast(level, 'error')) return { kind: 'records' };
    // `console.log(err)` in a file that logs only through console: the stream differs, not the record —
    // when the error is printed whole (its stack with it), also on a server listener, where any form counts at error level.
    const printedWhole = () => !anyForm || classifyErrorUse(direct.args, errorVars).kind === 'whole';
    if (direct.loggerPath === 'console' && printedWhole() && logsOnlyThroughConsole(context)) return { kind: 'records' };
    // `console.log(e.stack || e); process.exit(1)`: the process ends on the error it just printed whole.
    if (direct.loggerPath === 'console' && printedWhole() && node.parent.type === AST_NODE_TYPES.ExpressionStatement && endsProcessAfter(node.parent, body)) return { kind: 'records' };
    return { kind: 'lowLevel', call: direct, level };
  }
  if (use.kind === 'text') return { kind: 'textOnly', call: direct, form: use.form, name: use.name };
  return { kind: 'noError', call: direct };
}

/**
 * What the inline callbacks a call in an error handler hands on make of the error, when one of them
 * logs it in some form: `import('../log/logger.js').then((m) => m.error(exception))` logs it whole (a
 * record), `….then((m) => m.error(\`Unhandled: ${reason}\`))` only its text. The callback runs
 * once the promise settles, and logs the handler's error as a log in the handler would: the same
 * reading. Null when no callback logs the error (the caller's other readings apply).
 */
export function classifyCallbackLog(context: Context, node: TSESTree.CallExpression, body: TSESTree.Node, errorVars: readonly Variable[], anyForm: boolean): HandlerLogUse | null {
  let found: HandlerLogUse | null = null;
  for (const arg of node.arguments) {
    const fn = skipTransparent(arg);
    if (!isFunctionNode(fn)) continue;
    walkSameFunction(
      fn.body,
      (n) => {
        if (found?.kind === 'records') return false;
        if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const use = classifyHandlerLog(context, n, body, errorVars, anyForm);
        if (use && (use.kind === 'records' || use.kind === 'textOnly') && (anyForm ? true : readsAny(n, errorVars))) {
          if (use.kind === 'records' || found === null) found = use;
        }
        return undefined;
      },
      context.sourceCode.visitorKeys,
    );
  }
  return found;
}
