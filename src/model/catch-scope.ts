/**
 * How far can the failure a catch silences reach? A `try` in which only this process's own code can
 * throw (nothing awaited, no I/O: a parse, a crypto computation over a value in hand, the app's own
 * check) loses no failure of an outside system; a `try` that only refreshes metrics loses a data
 * point; a function that describes something with labels (`'filled'` / `'blank'`) answers "don't
 * know" when the description fails; an answer sent without a status from an in-process `try` is the
 * parse's verdict (200), not a 5xx. no-silent-catch reports none of these by default (`reportFallbacks` does).
 *
 * Recognition only: no rule options (the caller's `FailureOptions` are passed in), no reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getVariableInit, lastName, skipTransparent, walkSameFunction } from './ast.js';
import { type FailureOptions, type FailureSource, classifyFailures, namesTelemetry } from './fallible.js';
import { guardsSecurity, isOutageRefusal } from './catch-guards.js';
import { PREDICATE_NAME, isAvailabilityCheck, isConnectionTest, isYesNoCheck, promiseFailureSource } from './catch-probes.js';
import { catchFallsBackOnPurpose, isAttemptElseThrow, isCheckedThenRefused } from './fallback-chains.js';
import { doesNothing } from './catch-answers.js';
import { throwsOnlyInProcess } from './in-process-throws.js';
import { getResponseSink } from './responses.js';
import { answersServerError, answersWithCaughtError } from './catch-handling.js';
import { readsAny } from './errors.js';

/**
 * What the silent catch `handler` loses, as no-silent-catch's default policy weighs it: `'external'` or
 * `'unknown'` when its `try` can fail for an outside (or unexplained) reason **and** the failed operation
 * guards security (`guardsSecurity`, or a fallback refused right after: `isCheckedThenRefused`); else
 * what the `try` fails for (`'probe'` / `'none'`), or `'probe'` for telemetry. Asked cheapest first: the
 * deeper walks — a block that only refreshes metrics, one only in-process code can throw into
 * (`throwsOnlyInProcess`) — run only for a catch that would otherwise be reported.
 */
export function weighCatch(context: Context, handler: TSESTree.CatchClause, enclosingName: string | null, failureOptions: FailureOptions): FailureSource {
  if (namesTelemetry(enclosingName ?? '')) return 'probe';
  const block = handler.parent.block;
  const source = classifyFailures(context, block, failureOptions);
  if (source !== 'external' && source !== 'unknown') return source;
  if (!guardsSecurity(context, block, handler.body, enclosingName, failureOptions) && !isCheckedThenRefused(context, handler.parent)) return 'probe';
  // `try { der = forge.asn1.fromDer(buf) } catch {}`, `try { checkLogin(socket); socket.leave(room) } catch {}`:
  // nothing awaited and no I/O — the catch gets the app's own verdict or a parser's, no outside failure.
  if (refreshesMetricsOnly(context, block) || (source === 'unknown' && throwsOnlyInProcess(context, block))) return 'probe';
  return source;
}

/**
 * An answer without a status (200 by default) that is no 5xx: in the catch of a `try` only in-process code
 * can throw into, the parse's or check's verdict on a value in hand (`res.json({ enabled: false })`,
 * `res.json({ success: false, error: e.message })`). After outside work the same answer stays a 5xx-like one.
 */
export function isOrdinaryAnswer(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression, handler: TSESTree.Node): boolean {
  const sink = getResponseSink(context, node);
  if (!sink || sink.kind === 'exception' || sink.status !== null) return false;
  return handler.type === AST_NODE_TYPES.CatchClause && throwsOnlyInProcess(context, handler.parent.block);
}

/** `createGauge({…})`, `new client.Counter({…})`, `meter.createHistogram('x')`: a metric object's factory. */
const METRIC_FACTORY = /^(?:create|new|make|register)?(?:UpDown|Observable)?(?:Gauge|Counter|Histogram|Summary)$/iu;

/** `getActiveUsers()`, `countApiTokensByType()`: a read whose value the refresh reports. */
const READ_NAME = /^(?:get|count|find|list|fetch|read|load|query|select|collect|compute|calculate|sum)(?:[A-Z_]|$)/u;

/**
 * The block only refreshes metrics: every statement writes to a metric object (a variable made by a
 * gauge / counter / histogram factory, `apiTokens.labels({ type }).set(n)`) or calls a telemetry-named
 * function (`impactMetrics?.updateGauge(…)`), and the values it reads come from read-named calls
 * (`const users = await stats.getActiveUsers()`, `for (const [t, n] of await stats.countByType())`). A
 * failure loses a data point until the next refresh, not the service's own work.
 */
export function refreshesMetricsOnly(context: Context, block: TSESTree.BlockStatement): boolean {
  let writes = 0;
  const statementOk = (statement: TSESTree.Statement): boolean => {
    switch (statement.type) {
      case AST_NODE_TYPES.ExpressionStatement: {
        const call = skipTransparent(statement.expression);
        if (call.type !== AST_NODE_TYPES.CallExpression || !isMetricWrite(context, call)) return false;
        writes += 1;
        return true;
      }
      case AST_NODE_TYPES.VariableDeclaration:
        return statement.declarations.every((d) => !d.init || readsOnly(context, d.init));
      case AST_NODE_TYPES.ForOfStatement:
        return readsOnly(context, statement.right) && statementOk(statement.body);
      case AST_NODE_TYPES.BlockStatement:
        return statement.body.every(statementOk);
      default:
        return false;
    }
  };
  return block.body.length > 0 && block.body.every(statementOk) && writes > 0;
}

/** A call on a metric object (through `.labels(…)` chains) of values read for it, or of a telemetry-named callee. */
function isMetricWrite(context: Context, call: TSESTree.CallExpression): boolean {
  const text = context.sourceCode.getText(call.callee);
  if (text.length <= 200 && namesTelemetry(text)) return true;
  // `gauge.set(await stats.countTokens())`: the value is read for the metric (not `gauge.set(await store.purge())`).
  if (!call.arguments.every((arg) => readsOnly(context, arg))) return false;
  let n: TSESTree.Node = skipTransparent(call.callee);
  while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) {
    n = skipTransparent(n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee);
  }
  if (n.type !== AST_NODE_TYPES.Identifier || n === skipTransparent(call.callee)) return false;
  const init = getVariableInit(findVariable(context, n));
  if (!init) return false;
  const made = skipTransparent(init);
  if (made.type !== AST_NODE_TYPES.CallExpression && made.type !== AST_NODE_TYPES.NewExpression) return false;
  const name = lastName(made.callee);
  return name !== null && METRIC_FACTORY.test(name);
}

/** Every call in `node` (same function) is read-named: the value is read for the metric, nothing is written. */
function readsOnly(context: Context, node: TSESTree.Node): boolean {
  let ok = true;
  walkSameFunction(
    node,
    (n) => {
      if (!ok) return false;
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const name = lastName(n.callee);
        ok = name !== null && READ_NAME.test(name);
      }
      return ok;
    },
    context.sourceCode.visitorKeys,
  );
  return ok;
}

/** `'unknown'`, `null`, `undefined`, `void 0`, a bare `return`: an answer that says "don't know". */
function isDontKnow(node: TSESTree.Node | null): boolean {
  if (node === null) return true;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return n.value === null || (typeof n.value === 'string' && /^unknown$/iu.test(n.value));
  if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'undefined';
  return n.type === AST_NODE_TYPES.UnaryExpression && n.operator === 'void';
}

/** A label: a string, boolean or null literal, `undefined`, or a choice between labels (`filled ? 'filled' : 'blank'`); counts the string ones. */
function labelCount(node: TSESTree.Node): number | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string' ? 1 : typeof n.value === 'boolean' || n.value === null ? 0 : null;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0 ? 1 : null;
  if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'undefined' ? 0 : null;
  if (n.type === AST_NODE_TYPES.ConditionalExpression) {
    const a = labelCount(n.consequent);
    const b = labelCount(n.alternate);
    return a === null || b === null ? null : a + b;
  }
  return null;
}

/**
 * `try { …; return filled ? 'filled' : 'blank' } catch { return 'unknown' }`, `try { …; if (pem) return 'pem-key' }
 * catch { return null }`: the function describes something with labels, and the catch answers "don't know"
 * (`'unknown'`, `null`, `undefined`). Like a yes/no check, the question's answer is the fallback; a catch
 * that answers one of the other labels (`return 'optional'`) is no such answer.
 */
export function isLabelCheck(context: Context, block: TSESTree.BlockStatement, handler: TSESTree.BlockStatement): boolean {
  const only = handler.body.length === 1 ? handler.body[0] : undefined;
  if (only?.type !== AST_NODE_TYPES.ReturnStatement || !isDontKnow(only.argument)) return false;
  let labels = 0;
  let other = false;
  walkSameFunction(
    block,
    (n) => {
      if (other) return false;
      if (n.type === AST_NODE_TYPES.ReturnStatement) {
        const count = n.argument ? labelCount(n.argument) : 0;
        if (count === null) other = true;
        else labels += count;
      }
      return !other;
    },
    context.sourceCode.visitorKeys,
  );
  return !other && labels > 0;
}

/**
 * The catch is the "no" of a yes/no question its function asks (`try { …; return true } catch { return false }`,
 * `{ available: false }` in a predicate, a label check) — the answer, not a lost failure. Under the broad policy
 * (`broad`, strict's `reportFallbacks`) the function's name must say it asks (`isX`, `checkX`, `validateX`).
 * Not when the "no" is a refusal an outage produced (isOutageRefusal: `validateApiKey` answering
 * `{ isValid: false }` when the key lookup fails).
 */
export function answersOwnQuestion(context: Context, handler: TSESTree.CatchClause, enclosingName: string | null, broad: boolean, failureOptions: FailureOptions): boolean {
  const block = handler.parent.block;
  const question = isYesNoCheck(block, handler.body) || isAvailabilityCheck(block, handler, enclosingName, context) || isLabelCheck(context, block, handler.body);
  if (!question || (broad && !PREDICATE_NAME.test(enclosingName ?? ''))) return false;
  return !isOutageRefusal(context, block, handler.body, enclosingName, failureOptions);
}

/**
 * General rule: a caught error answered to the client in a 4xx (or any) answer is recorded nowhere when
 * the failed work reached outside the process — a database, a file, the network — because the code cannot
 * know that the error was the client's fault: it relays whatever failed (`catch (e) { res.status(404).json({
 * msg: e.message }) }` around `await R.store(bean)`). The same answer after in-process work only (a parse,
 * a check of a value in hand, the app's own `throw`) is the verdict on the client's input.
 * `handler`: a catch clause, or a rejection handler attached to `promise`.
 */
export function failsOutsideForAnswer(context: Context, handler: TSESTree.Node, promise: TSESTree.Node | null, failureOptions: FailureOptions): boolean {
  if (handler.type === AST_NODE_TYPES.CatchClause) {
    const block = handler.parent.block;
    const source = classifyFailures(context, block, failureOptions);
    // A connection test's failure is the answer its caller asked for (`await driver.testConnection()` at a test endpoint).
    return (source === 'external' || source === 'unknown') && !throwsOnlyInProcess(context, block) && !isConnectionTest(context, block);
  }
  if (!promise) return false;
  const source = promiseFailureSource(context, promise, failureOptions, false);
  return source === 'external' || source === 'unknown';
}

/**
 * An expression-bodied rejection handler that makes the caught error its value (`(e) => ({ error: e })`,
 * `(e) => wrap(e)`): the error is the answer, the caller's to log — unless the body answers the client:
 * a 5xx answer, or the caught error answered after work outside the process (`(err) => res.status(400).json(err)`).
 */
export function returnsErrorAsValue(
  context: Context,
  fn: AnyFunction,
  promise: TSESTree.Node,
  errorVariables: readonly TSESLint.Scope.Variable[],
  failureOptions: FailureOptions,
): boolean {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement || !readsAny(fn.body, errorVariables)) return false;
  const answer = fn.body.type === AST_NODE_TYPES.CallExpression ? fn.body : null;
  return !answer || !(answersServerError(context, answer, errorVariables) || (answersWithCaughtError(context, answer, errorVariables) && failsOutsideForAnswer(context, fn, promise, failureOptions)));
}

/**
 * What a silent catch clause's paths lose, as no-silent-catch's default policy weighs it (`weighCatch`):
 * `silentReported` — hiding the error on every path is reported (an outside failure not caught on purpose
 * to fall back, or an unexplained one the catch does nothing about); `mayFailOutside` — a log below the
 * minimum level or a silent path beside a logging one is reported ("else try that, else throw": the
 * silent path out is the second attempt's success). `onReportedPath`: the `try` is cleanup on an error
 * path that is rethrown or logged anyway (asked first, it loses nothing). Asked cheapest first.
 */
export function weighSilence(
  context: Context,
  handler: TSESTree.CatchClause,
  enclosingName: string | null,
  onReportedPath: () => boolean,
  failureOptions: FailureOptions,
): { silentReported: boolean; mayFailOutside: boolean } {
  const quiet = { silentReported: false, mayFailOutside: false };
  // weighCatch's answer matters here only when it is 'external' or 'unknown', and it is neither when the
  // `try` guards no security control (guardsSecurity, isCheckedThenRefused): asked before its walk of the
  // block's calls (classifyFailures), the costlier question, which then runs only for catches around a control.
  if (onReportedPath() || namesTelemetry(enclosingName ?? '')) return quiet;
  if (!guardsSecurity(context, handler.parent.block, handler.body, enclosingName, failureOptions) && !isCheckedThenRefused(context, handler.parent)) return quiet;
  return weighSilenceUngated(context, handler, enclosingName, failureOptions);
}

/**
 * weighSilence's answer without its gate (does the `try` guard a security control?), read from weighCatch alone.
 * tests/model/outcome-gates.test.ts asserts over the bench corpus that both agree: that weighCatch still answers
 * 'external' / 'unknown' only around a control, the knowledge the gate repeats.
 */
export function weighSilenceUngated(context: Context, handler: TSESTree.CatchClause, enclosingName: string | null, failureOptions: FailureOptions): { silentReported: boolean; mayFailOutside: boolean } {
  const source = weighCatch(context, handler, enclosingName, failureOptions);
  if (source !== 'external' && source !== 'unknown') return { silentReported: false, mayFailOutside: false };
  return {
    silentReported: source === 'external' ? !catchFallsBackOnPurpose(context, handler, failureOptions) : doesNothing(context, handler.body),
    mayFailOutside: !isAttemptElseThrow(context, handler.body, failureOptions),
  };
}

/**
 * What a rejection handler's silence loses (the promise-side twin of `weighCatch`): null when the promise's
 * producer logs its own failures; else whether it `fails` for an outside reason (not a probe, nothing; not
 * cleanup on an error path reported anyway: `onReportedPath`) and whether that failed operation `guards`
 * security. The broad policy (`reportFallbacks`) asks no guard.
 */
export function weighRejection(
  context: Context,
  promise: TSESTree.Node,
  handler: TSESTree.Node,
  enclosingName: string | null,
  onReportedPath: boolean,
  failureOptions: FailureOptions,
  reportFallbacks: boolean,
): { fails: boolean; guards: boolean } | null {
  const produced = promiseFailureSource(context, promise, failureOptions, reportFallbacks);
  if (produced === null) return null;
  const fails = !onReportedPath && produced !== 'probe' && produced !== 'none';
  return { fails, guards: !reportFallbacks && fails && guardsSecurity(context, promise, handler, enclosingName, failureOptions) };
}
