import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, isOnlyUseOfConstFunction, returnedValues, skipTransparent } from '../model/ast.js';
import { type BackgroundCallback, enclosingBackgroundCallback, getBackgroundCallbacks, isSupervisorChannel } from '../model/background.js';
import { applicationLogsRejections } from '../model/process-handlers.js';
import { catchingTry, discardedCall, discardingPoint, isFireAndForgetCall } from '../model/discards.js';
import { isUnobservedStartup } from '../model/startup.js';
import { removesPathOnly } from '../model/cleanups.js';
import { onlyAnswersClient } from '../model/responders.js';
import {
  fileMayHoldRejections,
  getPromiseChain,
  asyncCallMayFail,
  mayReject,
  chainedCallMayReject,
  promiseMayReject,
  returnedCallAwaitedElsewhere,
  voidedCallMayReject,
} from '../model/promises.js';
import { findEscape, findEscapeKnowingModules } from '../model/escapes.js';
import { asyncBody } from '../model/downlevel.js';
import { resolveCalledFunction } from '../model/called-functions.js';
import { resolvesEnclosingPromise, strandedContinuation } from '../model/continuations.js';
import { ioCallbackOfThrow } from '../model/callback-throws.js';
import { isShutdownPath } from '../model/shutdown-paths.js';
import { type UnrecordedRunner, createRunnerTracker } from '../model/runner-listeners.js';
import { createRule } from '../core/create-rule.js';
import { callsProjectModule, importedCannotReject, importedReturnsRejectingPromise, injectedCannotReject } from '../model/project-modules.js';
import { getSettings } from '../core/settings.js';
import { findCallingHandler, findEnclosingHandler } from '../model/handlers.js';
import { describeFailedOperation } from '../fixes/log-message.js';
import { logTargetAt, withTargetSetup } from '../fixes/log-target.js';
import { type FixBuilder, addFailureListenerFix, appendCatchFix, wrapInTryCatchFix, wrapReferenceFix } from '../fixes/rejection-logging.js';
import { callName, callText, contextLabel, functionName, ownerName, plainContextLabel, runnerName, taskLabel } from '../fixes/task-labels.js';

export type Options = [
  {
    backgroundFunctions?: string[];
    includeVoidedCalls?: boolean;
    includeShutdownHandlers?: boolean;
    includeLifecycleEvents?: boolean;
    rejectionsLoggedByProcessHandler?: boolean;
    includeRecordedRejections?: boolean;
  },
];
export type MessageIds =
  | 'asyncCallback'
  | 'asyncReference'
  | 'returnedPromise'
  | 'floatingPromise'
  | 'voidedPromise'
  | 'promiseEscapesTry'
  | 'strandedCallback'
  | 'throwFromCallback'
  | 'missingFailureListener'
  | 'missingErrorListener'
  | 'recordedWithoutContext'
  | 'addCatch'
  | 'wrapInTryCatch'
  | 'addListener';

export default createRule<Options, MessageIds>({
  name: 'background-task-error-handling',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require background work (timers, cron jobs, event listeners, job queues, workers) to catch and log its failures',
      recommended: 'recommended',
      cwe: ['CWE-755', 'CWE-778'],
      owasp: ['A10:2025'],
      usesTypeInformation: true,
      strictOptions: { includeVoidedCalls: true, includeShutdownHandlers: true, includeLifecycleEvents: true, includeRecordedRejections: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      asyncCallback:
        'This async {{api}} callback can reject (line {{line}}), and {{owner}} ignores the promise it returns: the failure becomes an unhandled rejection with no record of which task failed. Catch and log the error inside the callback.',
      asyncReference:
        '{{name}} is async and can reject (line {{line}}), but {{owner}} ignores the promise it returns: the failure becomes an unhandled rejection. Pass a callback that adds a .catch that logs, or catch and log inside {{name}}.',
      returnedPromise:
        'This {{api}} callback returns the promise of {{call}}, which {{owner}} ignores: a rejection goes unhandled and unlogged. Add a .catch that logs the error.',
      floatingPromise:
        'The promise of {{call}} is neither awaited nor caught in this {{context}}: if it rejects, nothing logs it. Await it inside try/catch, or add a .catch that logs the error.',
      voidedPromise:
        '`void` sets aside the promise of {{call}} in {{context}}, and nothing handles it: if it rejects, the rejection goes unhandled and unlogged. Add a .catch that logs the error.',
      promiseEscapesTry:
        'The promise of {{call}} is neither awaited nor caught, so the catch at line {{line}} never sees its rejection: the failure it was written for goes unhandled and unlogged. Await it inside the try, or add a .catch that logs the error.',
      strandedCallback:
        'The promise of {{call}} has no rejection handler, and {{name}} calls {{continuation}} only from its .then callbacks: if it rejects, {{continuation}} is never called (the caller waits forever) and nothing logs the error. Add a .catch that logs the error and passes it to {{continuation}}.',
      throwFromCallback:
        'This throws from the callback of {{call}} in this {{context}}: the callback runs from the event loop, so no try/catch or error handler sees the error; it becomes an uncaught exception that ends the process with no record of which task failed. Log the error and stop (or answer) here instead of throwing.',
      missingFailureListener:
        "Failed jobs of {{what}} are never logged: nothing listens for '{{event}}' and the processor does not catch and log. Add {{receiver}}.on('{{event}}', …) that logs the error.",
      missingErrorListener:
        "{{what}} has no 'error' listener: {{consequence}}. Add {{receiver}}.on('error', …) that logs the error.",
      recordedWithoutContext:
        "A rejection of {{what}} is logged only by the application's process.on('unhandledRejection') handler: that record has the stack, but not which task failed or on what input. Catch and log it here with that context.",
      addCatch: 'Add a .catch() that logs with {{call}}.',
      wrapInTryCatch: 'Wrap the callback body in try/catch and log with {{call}}.',
      addListener: "Add an '{{event}}' listener that logs with {{call}}.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          backgroundFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Require callbacks passed to these calls (names or member paths, e.g. `schedule.scheduleJob`) to handle their errors, as for the built-in timers, schedulers and listeners.',
          },
          includeVoidedCalls: {
            type: 'boolean',
            description:
              'Require a `.catch` on `void call()` whatever its callee (imported, injected, a method of another object), as if it returned a promise that may reject, and in any context: also in plain functions, methods, arrow bodies and the module top level, outside background work and handlers (not inside a `try` there). Off: a voided call is reported only in background work, handlers and `try` blocks, and only when the file shows that it may reject.',
          },
          includeShutdownHandlers: {
            type: 'boolean',
            description:
              "Require `process.on('SIGTERM' | 'SIGINT' | 'SIGQUIT' | 'SIGBREAK' | 'exit', …)` handlers to catch and log their errors too. Off: a rejection escaping a shutdown handler ends the process that was already ending, with Node printing the error (an `exit` listener's awaits never complete), and is not reported.",
          },
          includeLifecycleEvents: {
            type: 'boolean',
            description:
              "Require async listeners of `before…` / `after…` lifecycle events (`app.on('afterStart', async () => …)`) to catch and log their errors too. Off: such events are fired by hook runners that await their listeners (NocoBase's `emitAsync`, Sequelize- and Feathers-style hooks), so the rejection reaches the code that fired the event; a floating promise inside the listener is still reported.",
          },
          rejectionsLoggedByProcessHandler: {
            type: 'boolean',
            description:
              "Declare that the application logs unhandled rejections in a `process.on('unhandledRejection')` handler installed in another file: async callbacks and fire-and-forget promises are then not reported (job runners, worker threads and emitters still are). The `logsUnhandledRejections` setting says the same for every rule and can also say no.",
          },
          includeRecordedRejections: {
            type: 'boolean',
            description:
              "Report rejections that reach a `process.on('unhandledRejection')` handler logging them with their stack (found in this file or in the files the package's entry points reach, or declared): that record says what failed but not which task or input. Off: they count as logged.",
          },
        },
      },
    ],
    defaultOptions: [{ backgroundFunctions: [], includeVoidedCalls: false, includeShutdownHandlers: false, includeLifecycleEvents: false, rejectionsLoggedByProcessHandler: false, includeRecordedRejections: false }],
  },
  create(context, [options]) {
    const extraApis = options.backgroundFunctions ?? [];
    const includeVoidedCalls = options.includeVoidedCalls ?? false;
    const includeShutdownHandlers = options.includeShutdownHandlers ?? false;
    const includeLifecycleEvents = options.includeLifecycleEvents ?? false;
    const includeRecorded = options.includeRecordedRejections ?? false;
    // A rejection that escapes reaches the application's process handler, which logs it with its stack.
    let recorded: boolean | undefined;
    const recordedGlobally = (): boolean => (recorded ??= (options.rejectionsLoggedByProcessHandler ?? false) || applicationLogsRejections(context));
    /**
     * Quiet: the process handler records the rejection (asked last, so that other files are read only for a
     * report). Only for background work, where that record is all a catch would add: in a request handler the
     * answer usually waits on the promise, and a stranded continuation or a promise a callback should resolve
     * leaves its caller waiting, whatever the handler logs.
     */
    const rejectionsLogged = (): boolean => !includeRecorded && recordedGlobally();
    const visitorKeys = context.sourceCode.visitorKeys;
    const logFunctions = getSettings(context).logFunctions;
    const runners = createRunnerTracker(context);
    let mayHold: boolean | undefined; // fileMayHoldRejections, asked for every discarded call of this file
    const fileMayHold = (): boolean => (mayHold ??= fileMayHoldRejections(context));

    /** Report with the configured logger as autofix, and always as a suggestion (console when none is configured). */
    function reportWithFix(
      reported: { node: TSESTree.Node; loc?: TSESTree.SourceLocation; messageId: MessageIds; data: Record<string, string>; recordable?: boolean },
      suggestionId: MessageIds,
      suggestionData: Record<string, string>,
      build: FixBuilder | null,
      autofix = true,
    ): void {
      const { recordable, ...descriptor } = reported;
      // Strict: a rejection of background work that the process handler records, reported for the context it lacks.
      if (recordable && includeRecorded && recordedGlobally()) {
        const what = descriptor.data.call ?? (descriptor.messageId === 'asyncReference' ? descriptor.data.name! : `this async ${descriptor.data.api} callback`);
        Object.assign(descriptor, { messageId: 'recordedWithoutContext', data: { what } });
      }
      const target = logTargetAt(context, descriptor.node);
      const fix = build ? withTargetSetup(context, target, build(target)) : null;
      context.report({
        ...descriptor,
        fix: fix && target.configured && autofix ? fix : null,
        suggest: fix ? [{ messageId: suggestionId, data: { ...suggestionData, call: `${target.expression}.error` }, fix }] : [],
      });
    }

    /** Where `fn` lets a rejection escape when injected services' methods that catch everything count as safe. */
    const escapeKnowingModules = (fn: AnyFunction): TSESTree.Node | null => findEscapeKnowingModules(context, fn, visitorKeys, (call) => injectedCannotReject(context, call));
    /** A same-file async callee whose awaits of other modules' callees are all safe ones. */
    const sameFileCalleeCannotReject = (call: TSESTree.CallExpression): boolean => {
      const fn = resolveCalledFunction(context, call.callee);
      const body = fn ? asyncBody(fn) : null;
      return body !== null && escapeKnowingModules(body) === null;
    };

    /** A callback handed to a background API: async and able to reject, or returning a promise that may reject. */
    function checkCallback(cb: BackgroundCallback): void {
      const fn = cb.fn;
      if (cb.rejectionHandled || !fn || (cb.shutdown && !includeShutdownHandlers) || (cb.lifecycleEvent && !includeLifecycleEvents) || !fileMayHold()) return;
      const inline = skipTransparent(cb.argument) === fn;
      // An async function, also as TypeScript downlevels it (`() => __awaiter(this, …, function* () {…})`: no fix in compiled code).
      const body = asyncBody(fn);
      if (fn.async || body) {
        if (!body) return;
        const found = findEscape(context, body, visitorKeys);
        // A callback that resolves the promise around it leaves that promise pending when it rejects: the
        // process handler's record does not unblock whoever awaits it.
        const recordable = found !== null && !resolvesEnclosingPromise(context, fn);
        if (!found || (recordable && rejectionsLogged())) return;
        // Asked last: an awaited method of an injected service (read in its module) that catches everything.
        const escape = escapeKnowingModules(body);
        if (!escape) return;
        const label = taskLabel(cb);
        const data = { api: cb.api, owner: ownerName(cb), line: String(escape.loc.start.line), name: functionName(fn) ?? 'This function' };
        if (inline) {
          // A child process's / worker's message listener: swallowing the failure keeps a broken child
          // alive with its IPC channel open. The fix logs and sets a failing exit code, and is only a
          // suggestion: whether to exit is the supervisor protocol's decision.
          const supervised = isSupervisorChannel(cb);
          reportWithFix(
            { node: fn, loc: { start: fn.loc.start, end: fn.body.loc.start }, messageId: 'asyncCallback', data, recordable },
            'wrapInTryCatch',
            {},
            body === fn ? wrapInTryCatchFix(context, fn, label, supervised) : null,
            !supervised,
          );
        } else {
          reportWithFix({ node: cb.argument, messageId: 'asyncReference', data, recordable }, 'addCatch', {}, body === fn ? wrapReferenceFix(context, cb.argument, fn, label) : null);
        }
        return;
      }
      // A plain callback that returns a promise: `() => poll()`, inline or a `const` used only here.
      if (!inline && !isOnlyUseOfConstFunction(context, cb.argument)) return;
      for (const value of returnedValues(fn, visitorKeys)) {
        if (!(promiseMayReject(context, value, visitorKeys) || returnedCallAwaitedElsewhere(context, value)) || rejectionsLogged()) continue;
        const target = skipTransparent(value);
        reportWithFix(
          { node: value, messageId: 'returnedPromise', data: { api: cb.api, owner: ownerName(cb), call: callText(value) }, recordable: true },
          'addCatch',
          {},
          appendCatchFix(context, target, callName(value) ?? taskLabel(cb)),
        );
      }
    }

    /** `value` is discarded: an expression statement, or the `void …` body of an arrow (`() => void run()`). */
    function checkFloating(statement: TSESTree.Node, value: TSESTree.Node): void {
      const discarded = discardedCall(value);
      if (!discarded) return;
      const { expression, voided } = discarded;
      const chain = getPromiseChain(expression);
      if (chain.handled) return;
      const root = chain.root;
      // `load().then(f)`: the author's `.then` says the call returns a promise, whatever the file holds.
      const chainedCall = root !== expression && root.type === AST_NODE_TYPES.CallExpression;
      if (!chainedCall && !(voided && includeVoidedCalls) && !fileMayHold()) return;
      const mayFail =
        root === expression
          ? voided && includeVoidedCalls ? voidedCallMayReject(context, root, visitorKeys) : mayReject(context, root, visitorKeys)
          : chainedCallMayReject(context, expression, visitorKeys);
      // `try { void this.refresh(); } catch (e) { log(e) }`: the author says the call returns a promise and wrote the catch for its failures, so a same-file async callee counts when it can fail at all.
      const failsInTry = !mayFail && voided && root === expression && expression.type === AST_NODE_TYPES.CallExpression && catchingTry(statement) !== null && asyncCallMayFail(context, expression, visitorKeys);
      // `putPath(…)` imported from `./put`, whose `return new Promise((resolve, reject) => …)` rejects: asked last (below), so that another module is read only for a call that would be reported.
      const importedOnly = !mayFail && !failsInTry;
      if (importedOnly && !(root === expression && root.type === AST_NODE_TYPES.CallExpression && !voided && callsProjectModule(context, root))) return;
      if (root.type === AST_NODE_TYPES.CallExpression && isFireAndForgetCall(root, logFunctions)) return; // a pure filter: asked of the few calls left
      const tryStatement = catchingTry(statement);
      const cb = enclosingBackgroundCallback(context, statement, extraApis);
      if (cb?.shutdown && !includeShutdownHandlers) return;
      // `if (m === 'shutdown') exitWhenStopped()`, or inside it: a same-file routine that ends the process, as a signal handler does.
      if (!includeShutdownHandlers && isShutdownPath(context, statement, root === expression ? root : statement, extraApis)) return;
      const direct = cb ? null : findEnclosingHandler(context, statement);
      // A same-file helper a handler calls (`function notifyChanged() { load().then(emit) }`) runs in that request.
      const calling = cb || direct ? null : findCallingHandler(context, statement);
      const handler = direct ?? calling?.handler ?? null;
      // A callback-style function answering from the chain's `.then`: a rejection leaves its caller waiting.
      const stranded = cb || handler ? null : strandedContinuation(context, expression);
      // Background work, or a try around the call outside any handler: the process handler's record is what was missing.
      const recordable = cb !== null || (!handler && !stranded);
      // `void call()` needs no context: wherever it sits, nothing handles the promise it sets aside (strict:
      // on n8n 7 of 14 such calls the file shows may reject were true, under recommended's bar).
      const anyContext = voided && includeVoidedCalls;
      // `bootstrap();` at an entry module's top level, its same-file callee (the chain's head) shown to reject: the start-up nothing awaits (startup.ts).
      const startup = !cb && !handler && !stranded && !tryStatement && !voided && mayFail && root.type === AST_NODE_TYPES.CallExpression && resolveCalledFunction(context, root.callee) !== null && mayReject(context, root, visitorKeys) && isUnobservedStartup(context, statement);
      if (!cb && !handler && !stranded && !tryStatement && !anyContext && !startup) return;
      // Asked last, so that another module is read only for a call that would be reported: a project
      // module's async function that catches (or logs and rethrows) every failure cannot reject.
      if (root.type === AST_NODE_TYPES.CallExpression && (importedCannotReject(context, root) || (mayFail && sameFileCalleeCannotReject(root)))) return;
      // `rm(tmpFile)`: best-effort clean-up of a path (cleanups.ts); `respond(result)` in a handler: the answer itself (responders.ts).
      if (root === expression && root.type === AST_NODE_TYPES.CallExpression && (removesPathOnly(context, root) || (handler !== null && onlyAnswersClient(context, root)))) return;
      if (importedOnly && (!(cb || handler) || !importedReturnsRejectingPromise(context, root as TSESTree.CallExpression))) return;
      // The application's process handler records the rejection: asked after every other filter (each a pure
      // question, so the order changes no answer), as it reads the application's entry files and stats every
      // file its cached search read, once per linted file: only a file with a call about to be reported asks.
      if (recordable && rejectionsLogged()) return;
      const label = callName(expression) ?? describeFailedOperation(context, expression) ?? `promise at line ${expression.loc.start.line}`;
      if (!cb && !handler && !stranded) {
        // Outside background work and handlers a try is no context for a guess about an unseen callee
        // (`includeVoidedCalls`): the file must show the call may fail.
        const shown = failsInTry || root !== expression || mayReject(context, root, visitorKeys);
        if (startup) {
          reportWithFix({ node: expression, messageId: 'floatingPromise', data: { call: callText(expression), context: "module's start-up code" }, recordable }, 'addCatch', {}, appendCatchFix(context, expression, label));
          return;
        }
        if (!tryStatement || !shown) {
          if (!anyContext || tryStatement) return;
          const where = plainContextLabel(statement);
          reportWithFix({ node: expression, messageId: 'voidedPromise', data: { call: callText(expression), context: where }, recordable }, 'addCatch', {}, appendCatchFix(context, expression, label));
          return;
        }
        reportWithFix(
          { node: expression, messageId: 'promiseEscapesTry', data: { call: callText(expression), line: String(tryStatement!.handler!.loc.start.line) }, recordable },
          'addCatch',
          {},
          appendCatchFix(context, expression, label),
        );
        return;
      }
      if (stranded) {
        reportWithFix(
          { node: expression, messageId: 'strandedCallback', data: { call: callText(expression), name: functionName(stranded.fn) ?? 'this function', continuation: stranded.name } },
          'addCatch',
          {},
          appendCatchFix(context, expression, label),
        );
        return;
      }
      const handlerLabel = handler ? `${handler.framework} ${handler.kind === 'route' ? 'route handler' : handler.kind}` : '';
      const where = cb ? contextLabel(cb) : calling ? `helper ${functionName(calling.helper) ?? ''}, called from the ${handlerLabel} at line ${calling.call.loc.start.line}` : handlerLabel;
      reportWithFix(
        { node: expression, messageId: 'floatingPromise', data: { call: callText(expression), context: where }, recordable: cb !== null },
        'addCatch',
        {},
        appendCatchFix(context, expression, label),
      );
    }

    function reportRunner({ creation, need }: UnrecordedRunner): void {
      const event = need.events[0]!;
      const receiver = creation.receiverText ?? (creation.kind === 'bull-queue' ? 'queue' : 'worker');
      const consequence =
        creation.kind === 'worker-thread'
          ? 'an uncaught exception in the thread is rethrown in the main thread and crashes the process with no context'
          : "emit('error') with no listener throws and crashes the process";
      reportWithFix(
        { node: creation.node, messageId: need.kind === 'failure' ? 'missingFailureListener' : 'missingErrorListener', data: { what: runnerName(creation), event, receiver, consequence } },
        'addListener',
        { event },
        addFailureListenerFix(context, creation, event),
      );
    }

    function onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      // The call is what an expression statement or an arrow's `void` body discards (through `void`, `?.` and type wrappers).
      const discarded = discardingPoint(node);
      if (discarded) checkFloating(discarded.at, discarded.value);
      for (const cb of getBackgroundCallbacks(context, node, extraApis)) {
        checkCallback(cb);
        if (cb.kind === 'job' && node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
          runners.addProcessor(node.callee.object, cb.argument);
        }
      }
      runners.onCall(node);
    }

    /** `fs.writeFile(p, data, (err) => { if (err) throw err; })` in a listener or handler: the throw is uncaught. */
    function onThrow(node: TSESTree.ThrowStatement): void {
      const io = ioCallbackOfThrow(context, node);
      if (!io) return;
      const cb = enclosingBackgroundCallback(context, io.call, extraApis);
      if (cb?.shutdown && !includeShutdownHandlers) return;
      const handler = cb ? null : findEnclosingHandler(context, io.call);
      if (!cb && !handler) return;
      const where = cb ? contextLabel(cb) : `${handler!.framework} ${handler!.kind === 'route' ? 'route handler' : handler!.kind}`;
      context.report({ node, messageId: 'throwFromCallback', data: { call: callText(io.call), context: where } });
    }

    return {
      ThrowStatement: onThrow,
      CallExpression: onCall,
      NewExpression: onCall,
      'Program:exit'() {
        for (const runner of runners.unrecordedRunners()) reportRunner(runner);
      },
    };
  },
});

