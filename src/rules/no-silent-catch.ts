import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, contains, isFunctionNode, skipTransparent } from '../model/ast.js';
import { createPathTracker, findJumpTarget, mergeListeners, withIfConsequentListener } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { answersOwnQuestion, failsOutsideForAnswer, returnsErrorAsValue, weighRejection, weighSilence, isOrdinaryAnswer } from '../model/catch-scope.js';
import { failureLoggedByCallee } from '../model/project-modules.js';
import { getRejectionHandler } from '../model/promises.js';
import { getBoundVariables, isInspectionCall, passesNewError, readsAny } from '../model/errors.js';
import { isFallbackOnly, setsClientStatus } from '../model/catch-answers.js';
import { handlerFallsBackOnPurpose, isCheckedThenRefused, isCheckedThenThrown } from '../model/fallback-chains.js';
import { fileMayCatch, probeSets, isNoopHandler, isObservedElsewhere, isProbePromise, isProbeTry, isYesNoPromise } from '../model/catch-probes.js';
import {
  type CatchRegion,
  DEFAULT_COMMENT,
  compileCommentPattern,
  identifiesError,
  commentIntent,
  isCommentedAsIntentional,
  isGuardedSilence,
  isInsideEscalatingCatch,
  isNamedAsDropped,
  isNamedAsIgnored,
} from '../model/catch-guards.js';
import { answersExplicitServerStatus, answersServerError, answersWithCaughtError, assignsServerAnswer, handlesFailureOtherwise, isDeclaredInside, isFlashMessage, isServerAnswerCall } from '../model/catch-handling.js';
import { buildCatchLogFix, buildHandlerLogFix, catchSuggestions } from '../fixes/catch-fixes.js';
import { describeEnclosingFunction } from '../fixes/log-message.js';
import { logTargetAt } from '../fixes/log-target.js';
import { LOG_LEVELS, type LogLevel, getLoggerReferenceLevel, getLoggingLevel, isAtLeast } from '../model/loggers.js';

export type Options = [
  {
    minimumLevel?: LogLevel;
    allowedProbes?: string[];
    allowWithComment?: string;
    reportFallbacks?: boolean;
  },
];
export type MessageIds = 'silentCatch' | 'silentPath' | 'silentPromiseCatch' | 'tooQuiet' | 'logIt' | 'rethrow' | 'passToNext';

/** A catch clause or rejection handler being checked, with what its paths have done so far. */
interface CatchState extends CatchRegion {
  /** Some path logs the error below `minimumLevel`. */
  quietLog: boolean;
  /** A 5xx (or unknown-status) answer on some path: the client is told, the operators are not. */
  serverError: boolean;
  /** Whether a catch that hides the error on every path is reported (the default policy, or `reportFallbacks`). */
  silentReported: boolean;
  /** The try can fail for more than its input (not a probe): a log below `minimumLevel`, or a silent path beside a logging one, is reported. */
  mayFailOutside: boolean;
  /** A comment explains the catch without declaring the drop (commentIntent): only a 5xx answer is still reported. */
  explained?: boolean;
  /** A rejection handler's promise; whether a failure answered to the client came from outside (failsOutsideForAnswer, asked once). */
  promise?: TSESTree.Node;
  outside?: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'no-silent-catch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require caught errors to be logged, reported, rethrown or handed on',
      recommended: 'recommended',
      cwe: ['CWE-390', 'CWE-778'],
      owasp: ['A10:2025'],
      strictOptions: { minimumLevel: 'warn', reportFallbacks: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      silentCatch:
        'This catch swallows the error: nothing logs, reports, rethrows or hands it on, so the failure is invisible to operators. Log it (at {{minimumLevel}} or above), rethrow it, or pass it to next(err).',
      silentPath:
        'This path out of the catch swallows the error while another path handles it. Log or rethrow it here too.',
      silentPromiseCatch:
        'This rejection handler swallows the error: nothing logs, reports, rethrows or hands it on. Log it (at {{minimumLevel}} or above) or let it propagate.',
      tooQuiet:
        'The caught error is only logged below {{minimumLevel}}; production log levels drop it. Log it at {{minimumLevel}} or above.',
      logIt: 'Log the error with {{call}}.',
      rethrow: 'Rethrow the error.',
      passToNext: 'Pass the error to next(err).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minimumLevel: {
            type: 'string',
            enum: [...LOG_LEVELS],
            description: 'Require the lowest log level that counts as handling the error.',
          },
          allowedProbes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Allow these calls (names or member paths, e.g. `yaml.load`) as probes whose failure is an expected answer, in addition to the built-in ones.',
          },
          allowWithComment: {
            type: 'string',
            description: 'Allow a catch that holds a comment matching this regular expression (case-insensitive).',
          },
          reportFallbacks: {
            type: 'boolean',
            description:
              'Require a log in every catch that falls back without one, whatever its `try` calls: also parse and validation probes outside the built-in list, fallback chains and catches around code that cannot fail for an outside reason.',
          },
        },
      },
    ],
    defaultOptions: [{ minimumLevel: 'info', allowedProbes: [], allowWithComment: DEFAULT_COMMENT, reportFallbacks: false }],
  },
  create(context, [options]) {
    // Nothing to examine (no catch clause, .catch or two-argument .then): no listeners, no path tracking.
    if (!fileMayCatch(context.sourceCode)) return {};
    const minimumLevel = options.minimumLevel ?? 'info';
    const { probes, failureOptions } = probeSets(options);
    const commentPattern = compileCommentPattern(options.allowWithComment ?? DEFAULT_COMMENT);
    const reportFallbacks = options.reportFallbacks ?? false;
    const sourceCode = context.sourceCode;
    const states = new Map<TSESTree.Node, CatchState>();
    const calleeLogged = new Map<TSESTree.Node, boolean>();
    const open: CatchState[] = [];
    const tracker = createPathTracker<CatchState>((checkpoint) => report(checkpoint.data, checkpoint.node));
    const errorVariablesOf = (handler: TSESTree.CatchClause) => states.get(handler)?.errorVariables;
    /** The statement sits in a catch that rethrows or logs anyway: cleanup on a reported error path. */
    const onReportedErrorPath = (node: TSESTree.Node) => isInsideEscalatingCatch(context, node, errorVariablesOf, minimumLevel);
    const commented = (node: TSESTree.Node) => isCommentedAsIntentional(context, node, commentPattern);

    function innermost(node: TSESTree.Node): CatchState[] {
      return open.filter((s) => contains(s.body, node));
    }

    function onEnter(state: CatchState): void {
      states.set(state.node, state);
      open.push(state);
      tracker.openRegion(state.node);
    }

    function onExit(node: TSESTree.Node): void {
      const state = states.get(node);
      if (!state) return;
      if (tracker.isReachable()) tracker.require(node, node, state);
      open.splice(open.indexOf(state), 1);
    }

    function report(state: CatchState, at: TSESTree.Node): void {
      // An explaining comment covers a fallback, not a 5xx answered with nothing recorded.
      if ((state.explained && !(state.serverError && answersExplicitServerStatus(context, state.body))) || isGuardedSilence(context, at, state, minimumLevel)) return;
      // What is lost, and can anyone see it: a catch that handles the error nowhere is reported
      // when its try reaches outside the process (or it answers 5xx); a partly silent catch always.
      if (!state.serverError && !(state.escalates ? state.mayFailOutside : state.quietLog ? state.mayFailOutside : state.silentReported)) return;
      // `if (!silent) logger.error(err)`: a catch that handles the error and lets a flag skip it
      // on the way out chose that; an explicit early `return` beside a logging path did not.
      if ((state.escalates && at === state.node) || calleeLoggedIt(state)) return;
      const isPromise = state.node.type !== AST_NODE_TYPES.CatchClause;
      const partial = at !== state.node;
      const messageId: MessageIds = state.quietLog
        ? 'tooQuiet'
        : isPromise
          ? 'silentPromiseCatch'
          : partial && state.escalates
            ? 'silentPath'
            : 'silentCatch';
      const loc =
        state.node.type === AST_NODE_TYPES.CatchClause && !partial
          ? sourceCode.getFirstToken(state.node)!.loc
          : partial
            ? at.loc
            : state.node.loc;
      // One precedence for every rule: configured logger (autofix) > the framework's request logger > console.
      const target = logTargetAt(context, state.node);
      const autofix = target.configured && !state.escalates && !state.quietLog ? buildCatchLogFix(context, state.node, at, target, minimumLevel) : null;
      const suggestions = state.quietLog ? [] : catchSuggestions(context, state.node, at, target, minimumLevel);
      context.report({ node: at, loc, messageId, data: { minimumLevel }, fix: autofix, suggest: suggestions });
    }

    /** The try's only fallible work is a call whose callee logs its own failures (`failureLoggedByCallee`); `reportFallbacks` asks none of it. */
    function calleeLoggedIt(state: CatchState): boolean {
      if (reportFallbacks || state.node.type !== AST_NODE_TYPES.CatchClause) return false;
      if (!calleeLogged.has(state.node)) calleeLogged.set(state.node, failureLoggedByCallee(context, state.node.parent.block, state.serverError, failureOptions));
      return calleeLogged.get(state.node)!;
    }

    function onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (open.length === 0) return;
      const states = innermost(node);
      if (states.length === 0) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const level = getLoggingLevel(context, node);
        if (level !== null) {
          const loud = isAtLeast(level, minimumLevel);
          if (loud) tracker.mark(node);
          for (const s of states) s[loud ? 'escalates' : 'quietLog'] = true;
          return;
        }
        if (handlesFailureOtherwise(context, node)) {
          tracker.mark(node);
          for (const s of states) s.escalates = true;
          return;
        }
      }
      if (isInspectionCall(node) || isFlashMessage(context, node)) return;
      const errorVariables = states.flatMap((s) => s.errorVariables);
      const server = answersServerError(context, node, errorVariables);
      // The caught error answered to the client (any status) is shown to the caller, not recorded: after work outside
      // the process it is answered like a 5xx (failsOutsideForAnswer); after in-process work it is the input's verdict.
      const relayed = answersWithCaughtError(context, node, errorVariables);
      if (server || relayed) {
        for (const s of states) {
          // `res.status(404); res.end('File not found.')`: the status was set before; isOrdinaryAnswer: no status, no 5xx.
          if ((server && !setsClientStatus(context, s.body) && !isOrdinaryAnswer(context, node, s.node)) || (relayed && answeredFromOutside(s))) s.serverError = true;
          else if (relayed && !server) {
            tracker.mark(node);
            s.escalates = true;
          }
        }
        return;
      }
      const handsOn = states.some((s) => node.arguments.some((arg) => readsAny(arg, s.errorVariables))) || passesNewError(node.arguments);
      if (handsOn) {
        tracker.mark(node);
        for (const s of states) s.escalates = true;
      }
    }

    function answeredFromOutside(s: CatchState): boolean {
      return (s.outside ??= failsOutsideForAnswer(context, s.node, s.promise ?? null, failureOptions));
    }

    function taint(declarator: TSESTree.VariableDeclarator): void {
      if (!declarator.init) return;
      for (const s of innermost(declarator)) {
        if (readsAny(declarator.init, s.errorVariables)) {
          s.errorVariables.push(...sourceCode.getDeclaredVariables(declarator));
        }
      }
    }

    function enterHandlerFunction(fn: AnyFunction): void {
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return;
      const attached = getRejectionHandler(call);
      if (attached?.handler !== fn) return;
      const { promise } = attached;
      if (isProbePromise(promise, probes) || commented(fn.body) || isNamedAsIgnored(fn.params[0]) || isYesNoPromise(context, fn, call)) return;
      if (isObservedElsewhere(context, promise)) return;
      // Cleanup on an error path that is rethrown or logged anyway: `catch (e) { await rm(tmp).catch(() => {}); throw e }`.
      const cleanupOnReportedPath = onReportedErrorPath(call);
      const errorVariables = getBoundVariables(context, fn.params[0]);
      // `(e) => ({ error: e })`: the error is the answer, someone else's to log.
      if (returnsErrorAsValue(context, fn, promise, errorVariables, failureOptions)) return;
      const weighed = weighRejection(context, promise, fn.body, describeEnclosingFunction(fn), cleanupOnReportedPath, failureOptions, reportFallbacks);
      if (weighed === null) return;
      const security = weighed.guards || (!reportFallbacks && weighed.fails && isCheckedThenRefused(context, call));
      onEnter({
        node: fn,
        body: fn.body,
        errorVariables,
        escalates: false,
        quietLog: false,
        serverError: false,
        silentReported: reportFallbacks || (security && !handlerFallsBackOnPurpose(context, fn, call, failureOptions)),
        mayFailOutside: reportFallbacks || security,
        promise,
      });
    }

    function checkHandlerReference(call: TSESTree.CallExpression): void {
      const attached = getRejectionHandler(call);
      if (!attached || isFunctionNode(attached.handler) || attached.handler.type === AST_NODE_TYPES.SpreadElement) return;
      const { handler, promise } = attached;
      if (isProbePromise(promise, probes)) return;
      const weighed = weighRejection(context, promise, handler, describeEnclosingFunction(call), onReportedErrorPath(call), failureOptions, reportFallbacks);
      if (weighed === null) return;
      const { fails } = weighed;
      const security = reportFallbacks || weighed.guards;
      const hidden = reportFallbacks || (fails && !isCheckedThenThrown(context, call) && security);
      const level = getLoggerReferenceLevel(context, handler);
      if (level !== null) {
        if (!isAtLeast(level, minimumLevel) && (reportFallbacks || (fails && security))) {
          context.report({ node: handler, messageId: 'tooQuiet', data: { minimumLevel } });
        }
        return;
      }
      if (hidden && isNoopHandler(context, handler) && !isObservedElsewhere(context, promise)) {
        const target = logTargetAt(context, call);
        const fix = buildHandlerLogFix(context, call, handler, target, minimumLevel);
        context.report({
          node: handler,
          messageId: 'silentPromiseCatch',
          data: { minimumLevel },
          fix: target.configured ? fix : null,
          suggest: [{ messageId: 'logIt', data: { call: `${target.expression}.error` }, fix }],
        });
      }
    }

    function onCatchClause(node: TSESTree.CatchClause): void {
      const tryStatement = node.parent;
      const intent = commentIntent(context, node.body, commentPattern);
      if (intent === 'declared' || isNamedAsDropped(node.param)) return;
      const enclosingName = describeEnclosingFunction(node);
      // `catch (_err)` excuses a fallback (the broad policy), not a security control's failure (isNamedAsDropped).
      const broad = reportFallbacks && !isNamedAsIgnored(node.param);
      // "Does it work?" answered by the fallback (a health check), unless the "no" is a refusal an outage produced.
      if (answersOwnQuestion(context, node, enclosingName, broad, failureOptions)) return;
      if (isProbeTry(context, tryStatement.block, probes) && isFallbackOnly(context, node.body)) return;
      // Only a security control's failure is reported (weighSilence); cleanup on a rethrown error path loses nothing.
      const { silentReported, mayFailOutside } = broad
        ? { silentReported: true, mayFailOutside: true }
        : weighSilence(context, node, enclosingName, () => onReportedErrorPath(tryStatement), failureOptions);
      onEnter({
        node,
        body: node.body,
        errorVariables: getBoundVariables(context, node.param),
        escalates: false,
        quietLog: false,
        serverError: false,
        silentReported,
        mayFailOutside,
        explained: intent === 'explained',
      });
    }

    function onReturn(node: TSESTree.ReturnStatement): void {
      // `return res.status(500).send({ error: err.message })`, `return res.status(400).json({ error: err.message })`: an
      // answer to the client (onCall weighs it), not the error returned to a caller.
      const arg = node.argument && skipTransparent(node.argument);
      const isAnswer = (s: CatchState) =>
        !!arg && (isServerAnswerCall(context, arg) || (arg.type === AST_NODE_TYPES.CallExpression && answersWithCaughtError(context, arg, s.errorVariables)));
      for (const s of innermost(node)) {
        if (node.argument && readsAny(node.argument, s.errorVariables) && !isAnswer(s)) {
          tracker.mark(node);
          s.escalates = true;
        }
      }
      const inner = innermost(node).at(-1);
      if (inner && tracker.isReachable()) tracker.require(node, inner.node, inner);
    }

    function onJumpOut(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): void {
      const inner = innermost(node).at(-1);
      if (!inner || inner.node.type !== AST_NODE_TYPES.CatchClause) return;
      // A jump that stays inside the catch body is not an exit.
      const target = findJumpTarget(node);
      if (target && contains(inner.body, target)) return;
      if (tracker.isReachable()) tracker.require(node, inner.node, inner);
    }

    const listeners = mergeListeners(tracker.listeners, {
      CatchClause: onCatchClause,
      'CatchClause:exit': onExit,
      ArrowFunctionExpression: enterHandlerFunction,
      FunctionExpression: enterHandlerFunction,
      'ArrowFunctionExpression:exit': onExit,
      'FunctionExpression:exit': onExit,
      CallExpression(node) {
        onCall(node);
        checkHandlerReference(node);
      },
      NewExpression: onCall,
      ReturnStatement: onReturn,
      BreakStatement: onJumpOut,
      ContinueStatement: onJumpOut,
      ThrowStatement(node) {
        for (const s of innermost(node)) s.escalates = true;
      },
      AssignmentExpression(node) {
        // Only an assignment inside an open catch matters: skip the recognizers everywhere else.
        const states = open.length === 0 ? [] : innermost(node);
        if (states.length === 0) return;
        // Stored for someone else: `this.lastError = err`, `result.error = e`.
        if (isFlashMessage(context, node)) return;
        if (assignsServerAnswer(context, node, states.flatMap((s) => s.errorVariables))) {
          for (const s of states) if (!isOrdinaryAnswer(context, node, s.node)) s.serverError = true;
          return;
        }
        for (const s of states) {
          if (readsAny(node.right, s.errorVariables) && !isDeclaredInside(context, node.left, s.body)) {
            tracker.mark(node);
            s.escalates = true;
          }
        }
      },
      VariableDeclarator: taint,
    } as TSESLint.RuleListener) as TSESLint.RuleListener;
    // `if (isKnownError(err)) { reason = err.code } else { logger.warn(err) }`: the branch that names the
    // error is the expected case, chosen on purpose; its complement (unknown errors) still has to log.
    return withIfConsequentListener(listeners, (node) => {
      const test = (node.parent as TSESTree.IfStatement).test;
      const inner = innermost(node).at(-1);
      if (inner && contains(inner.body, test) && identifiesError(test, inner.errorVariables)) tracker.mark(node);
    });
  },
});
