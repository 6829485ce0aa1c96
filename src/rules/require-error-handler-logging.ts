import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, contains, getEnclosingFunction } from '../model/ast.js';
import { finalProcessExit, isProcessExitCall, setsExitStatus } from '../model/process-exit.js';
import { type Checkpoint, createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { addErrorFix, handlerLogMessage, insertLogFix, raiseLevelFix } from '../fixes/error-handler-log.js';
import { insertBeforeStatement } from '../fixes/edits.js';
import { type LogField, type LogTarget, buildLogCall, requestLogFields } from '../fixes/log-call.js';
import { chooseLogTarget, withTargetSetup } from '../fixes/log-target.js';
import { type HandlerLogUse, classifyCallbackLog, classifyHandlerLog } from '../model/handler-logs.js';
import {
  answersClientError, serverErrorAnswer,
  callbackLogs,
  classifyErrorDerivation,
  delegatesToAnsweringLibrary,
  errorHandlerFramework,
  errorParamName,
  isErrorValue,
  inResponseStartedBranch,
  isExitGuarded,
  inKnownFailureBranch,
  koaErrorCatchInfo,
  passesErrorOn,
  registeredHandlerInfo,
} from '../model/error-handlers.js';
import { runsAfterRecordingHandler } from '../model/error-chains.js';
import { followsOnlyBodyParser } from '../model/body-parsers.js';
import { importedProcessHandlerRecord } from '../model/rejection-logger.js';
import { getBoundVariables } from '../model/errors.js';
import { catchesEveryException } from '../model/exception-filters.js';
import { disabledNestLogger } from '../model/nest.js';
import { type HandlerInfo, getHandlerInfo, isErrorHandler } from '../model/handlers.js';
import { getFrameworkLogger, getRequestContextExpressions } from '../model/request-context.js';
import type { LogLevel, LoggerCall } from '../model/loggers.js';
import { type ErrorEventKind, getErrorEventRegistration, isTestFile } from '../model/servers.js';

export type Options = [];
export type MessageIds =
  | 'notLogged'
  | 'processSilent'
  | 'processExitsSilently'
  | 'stackLost'
  | 'noError'
  | 'lowLevel'
  | 'pathNotLogged'
  | 'nestLoggerOff'
  | 'libraryAnswers'
  | 'addLog'
  | 'passError'
  | 'raiseLevel';

type Variable = TSESLint.Scope.Variable;
type HandlerKind = 'express' | 'fastify' | 'hono' | 'nest' | 'koa' | ErrorEventKind;

interface HandlerState {
  /** The function (or Koa catch clause) whose paths must log. */
  region: AnyFunction | TSESTree.CatchClause;
  /** The function whose code path holds the region. */
  fn: AnyFunction;
  body: TSESTree.Node;
  kind: HandlerKind;
  event: string | null;
  info: HandlerInfo | null;
  errorParam: TSESTree.Node | null;
  /** The error and its aliases (`const e = normalize(err)`). */
  errorVars: Variable[];
  /** Everything read from the error (`const status = err.status ?? 500`), for guards. */
  derivedVars: Variable[];
  escalates: boolean;
  /** Where the error is handed on, logged or reported (see \`good\`). */
  escalations: TSESTree.Node[];
  exits: boolean;
  textOnly: { call: LoggerCall; form: string; name: string } | null;
  noError: LoggerCall | null;
  lowLevel: { call: LoggerCall | TSESTree.CallExpression; level: LogLevel } | null;
  unsatisfied: TSESTree.Node[];
  reportNode: TSESTree.Node | null;
  /** `server.errorHandler()(err, req, res, next)` of oauth2orize: a hand-off to a library that only answers. */
  libraryAnswer: TSESTree.Node | null;
  eventNode: TSESTree.Node | null;
}

const HANDLER_LABEL: Record<HandlerKind, string> = {
  express: 'Express error handler',
  fastify: 'Fastify error handler',
  hono: 'Hono onError handler',
  nest: 'NestJS exception filter',
  koa: 'Koa error middleware',
  'koa-app': "Koa 'error' listener",
  process: 'process handler',
  server: "server 'error' listener",
};

export default createRule<Options, MessageIds>({
  name: 'require-error-handler-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require global and framework error handlers to log the error object at error level on every path',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025', 'A10:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      notLogged:
        'This {{handler}} handles the error without logging it, so unexpected failures leave no trace for operators or incident response. Log the error object at error level: `{{example}}`.',
      processSilent:
        "This '{{event}}' handler neither logs the error nor exits: the crash reason is lost and the process keeps running in an unknown state. Log the error (`{{example}}`) and exit with `process.exit(1)`.",
      processExitsSilently: "This '{{event}}' handler exits without logging the error, so the crash reason is lost. Log it first: `{{example}}`.",
      stackLost:
        'This {{handler}} logs only the text of `{{name}}` ({{form}}), so the stack trace and the `cause` chain are lost. Log the error object itself: `{{example}}`.',
      noError:
        'This {{handler}} logs a message without the error, so its message, stack trace and `cause` are lost. Pass `{{name}}` to the log call: `{{example}}`.',
      lowLevel:
        'This {{handler}} logs the error at {{level}} level; an unhandled error belongs at error level, where alerting looks. Use `{{example}}`.',
      pathNotLogged:
        'This path through the {{handler}} {{ends}} without logging the error, while other paths log it. Log `{{name}}` here too (at error level) or hand it on.',
      libraryAnswers:
        "This {{handler}} hands the error only to a library's error middleware, which answers the client and logs nothing, so unexpected failures leave no trace. Log the error object at error level first: `{{example}}`.",
      nestLoggerOff:
        "This turns Nest's logger off, so its built-in exceptions handler answers an unexpected error with a 500 and logs nothing. Keep error logs on (`logger: ['error', 'warn']`) or install a logger with `app.useLogger(…)`.",
      addLog: 'Log the error with `{{call}}`.',
      passError: 'Pass `{{name}}` to this log call.',
      raiseLevel: 'Log at error level: `{{call}}`.',
    },
    schema: [],
  },
  create(context) {
    // Tests build throwaway error handlers to assert what the framework does with them.
    if (isTestFile(context.physicalFilename || context.filename)) return {};
    const sourceCode = context.sourceCode;
    const states = new Map<TSESTree.Node, HandlerState>();
    const open: HandlerState[] = [];
    const tracker = createPathTracker<HandlerState>((cp: Checkpoint<HandlerState>) => {
      cp.data.unsatisfied.push(cp.node);
    });

    function stateOf(node: TSESTree.Node): HandlerState | null {
      if (open.length === 0) return null;
      const fn = getEnclosingFunction(node);
      for (let i = open.length - 1; i >= 0; i--) {
        const s = open[i]!;
        if (s.fn === fn && contains(s.body, node)) return s;
      }
      return null;
    }

    function enter(state: HandlerState): void {
      states.set(state.region, state);
      open.push(state);
      tracker.openRegion(state.region);
    }

    function exit(node: TSESTree.Node): void {
      const state = states.get(node);
      if (!state) return;
      if (tracker.isReachable()) tracker.require(node, node, state);
      open.splice(open.indexOf(state), 1);
    }

    function enterFunction(fn: AnyFunction): void {
      const info = getHandlerInfo(context, fn);
      if (info && isErrorHandler(info)) {
        if (info.kind === 'filter' && !catchesEveryException(fn)) return;
        const kind: HandlerKind = errorHandlerFramework(info);
        const param = fn.params[0] ?? null;
        const reportNode =
          kind === 'nest' && fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn.parent.key : param;
        enter(newState(fn, fn, fn.body, kind, null, info, param, reportNode, null));
        return;
      }
      const registration = getErrorEventRegistration(context, fn);
      if (!registration) return;
      const param = fn.params[0] ?? null;
      const own = registeredHandlerInfo(fn, registration.kind);
      enter(newState(fn, fn, fn.body, registration.kind, registration.event, own, param, param, registration.eventNode));
    }

    function newState(
      region: AnyFunction | TSESTree.CatchClause,
      fn: AnyFunction,
      body: TSESTree.Node,
      kind: HandlerKind,
      event: string | null,
      info: HandlerInfo | null,
      param: TSESTree.Node | null,
      reportNode: TSESTree.Node | null,
      eventNode: TSESTree.Node | null,
    ): HandlerState {
      const errorVars = param ? getBoundVariables(context, param) : [];
      const fresh = { libraryAnswer: null, escalates: false, escalations: [], exits: false, textOnly: null, noError: null, lowLevel: null, unsatisfied: [], derivedVars: [] };
      return { region, fn, body, kind, event, info, errorParam: param, errorVars, reportNode, eventNode, ...fresh };
    }

    /** Koa: `try { await next() } catch (err) { … }` in a middleware is the app's error handler. */
    function enterCatch(node: TSESTree.CatchClause): void {
      const koa = koaErrorCatchInfo(context, node);
      if (koa) enter(newState(node, koa.fn, node.body, 'koa', null, koa.info, node.param, node.param, null));
    }

    function good(state: HandlerState, node: TSESTree.Node): void {
      tracker.mark(node);
      state.escalates = true;
      state.escalations.push(node);
    }

    function onCall(node: TSESTree.CallExpression): void {
      // `NestFactory.create(AppModule, { logger: false })`: Nest's own error handler then logs nothing.
      const loggerOff = disabledNestLogger(context, node);
      if (loggerOff) context.report({ node: loggerOff, messageId: 'nestLoggerOff' });
      // `process.on('unhandledRejection', exit)`: another module's function as the handler, logging without the stack.
      const imported = node.arguments.length === 2 && node.arguments[1]!.type === AST_NODE_TYPES.Identifier ? importedProcessHandlerRecord(context, node) : null;
      if (imported?.record === 'textOnly') {
        const [fn, error] = [(imported.handler as TSESTree.Identifier).name, imported.event === 'unhandledRejection' ? 'reason' : 'err'];
        const example = buildLogCall(chooseLogTarget(context, node, null), { level: 'error', message: handlerLogMessage('process', imported.event, HANDLER_LABEL.process), error });
        context.report({ node: imported.handler, messageId: 'stackLost', data: { handler: `'${imported.event}' handler`, name: error, form: `through ${fn}() of another module`, example } });
      }
      const s = stateOf(node);
      if (!s) return;
      if (isProcessExitCall(node)) s.exits = true;
      const use = classifyHandlerLog(context, node, s.body, s.errorVars, s.kind === 'server');
      if (use) {
        onLog(s, node, use);
        return;
      }
      // `import('./logger.js').then((m) => m.error(err))`: a log of the error in a callback the handler starts.
      const nested = classifyCallbackLog(context, node, s.body, s.errorVars, s.kind === 'server');
      if (nested) {
        onLog(s, node, nested);
        return;
      }
      if (delegatesToAnsweringLibrary(context, node)) s.libraryAnswer ??= node;
      else if (passesErrorOn(context, node, { info: s.info, errorVars: s.errorVars, fastify: s.kind === 'fastify' }, helperMayLog)) good(s, node);
    }

    function onLog(s: HandlerState, node: TSESTree.CallExpression, use: HandlerLogUse): void {
      if (use.kind === 'records') good(s, node);
      else if (use.kind === 'lowLevel') s.lowLevel ??= { call: use.call, level: use.level };
      else if (use.kind === 'textOnly') s.textOnly ??= { call: use.call, form: use.form, name: use.name };
      else if (use.kind === 'noError' && inKnownFailureBranch(node, s.body, [...s.errorVars, ...s.derivedVars])) tracker.mark(node); // a message for that failure code
      else if (use.kind === 'noError') s.noError ??= use.call;
    }

    const helperCache = new Map<AnyFunction, boolean>();
    /** A same-file helper that logs at error level, reports or rethrows somewhere in its body. */
    function helperMayLog(fn: AnyFunction): boolean {
      const cached = helperCache.get(fn);
      if (cached !== undefined) return cached;
      helperCache.set(fn, false);
      const result = callbackLogs(context, fn);
      helperCache.set(fn, result);
      return result;
    }

    function onReturn(node: TSESTree.ReturnStatement): void {
      const s = stateOf(node);
      if (!s) return;
      // `return exception` (a GraphQL filter) hands the error back to the framework.
      if (node.argument && isErrorValue(s.errorVars, node.argument)) good(s, node);
      if (tracker.isReachable()) tracker.require(node, s.region, s);
    }

    function onDeclarator(node: TSESTree.VariableDeclarator): void {
      const s = node.init ? stateOf(node) : null;
      const made = s && classifyErrorDerivation(context, node, s.errorVars, s.derivedVars);
      if (!s || !made) return;
      s.errorVars.push(...made.errors);
      s.derivedVars.push(...made.derived);
    }

    function finalize(s: HandlerState): void {
      if (s.unsatisfied.length === 0) return;
      // [sentry.errorHandler, render], app.use(errlog()); app.use(errclient()): every error was recorded before it gets here;
      // app.use(express.json()); app.use((err, req, res, next) => …): only the parser's errors reach it, the client's own body.
      if (s.kind === 'express' && (followsOnlyBodyParser(context, s.fn) || runsAfterRecordingHandler(context, s.fn, s.escalates, helperMayLog))) return;
      // `if (res.headersSent) return next(err)` and nothing else: the delegation Express asks for, no logging.
      if (s.escalates && s.escalations.every((node) => inResponseStartedBranch(context, node, s.body))) {
        reportHandler(s);
        return;
      }
      if (s.escalates) {
        for (const node of s.unsatisfied) {
          // Logging under a condition and then falling through is a choice; an early exit beside it is a path.
          // …but a crash handler whose main path exits unlogged loses every other crash's reason.
          const exit = node === s.region && s.kind === 'process' ? finalProcessExit(s.body) : null;
          if (exit) reportPath(s, exit, reportLoc(s));
          // A path chosen for a kind of error is a choice, unless it answers a server error (reported where it answers).
          const answer = isExitGuarded(context, node, s.body, [...s.errorVars, ...s.derivedVars]) ? serverErrorAnswer(context, node) : undefined;
          if (node === s.region || answer === null || answersClientError(context, node)) continue;
          reportPath(s, node, answer?.loc);
        }
        return;
      }
      reportHandler(s);
    }

    const errorName = (s: HandlerState): string | null => errorParamName(s.errorParam);

    const logMessage = (s: HandlerState): string => handlerLogMessage(s.kind, s.event, HANDLER_LABEL[s.kind]);

    function fieldsAt(s: HandlerState, at: TSESTree.Node): LogField[] {
      if (!s.info || s.kind === 'koa-app' || s.kind === 'process' || s.kind === 'server') return [];
      const expressions = getRequestContextExpressions(context, s.info, at);
      return requestLogFields(expressions, ['method', 'path']);
    }

    /** The one precedence: configured logger (autofix), else the framework's logger or console (suggestions). */
    function targetsAt(s: HandlerState, at: TSESTree.Node): { target: LogTarget; autofix: boolean } {
      const target = chooseLogTarget(context, at, s.info ? getFrameworkLogger(context, s.info, at) : null);
      return { target, autofix: target.configured };
    }

    function reportHandler(s: HandlerState): void {
      const name = errorName(s);
      const { target, autofix } = targetsAt(s, s.body);
      const example = buildLogCall(target, { level: 'error', message: logMessage(s), error: name ?? 'err', fields: fieldsAt(s, s.body) });
      const handler = s.kind === 'process' ? `'${s.event}' handler` : HANDLER_LABEL[s.kind];
      const loc = reportLoc(s);
      if (s.textOnly || s.noError) {
        const call = s.textOnly?.call ?? s.noError!;
        const fix = name !== null ? addErrorFix(context, call, name) : null;
        context.report({
          loc,
          messageId: s.textOnly ? 'stackLost' : 'noError',
          data: { handler, name: s.textOnly?.name ?? name ?? 'the error', form: s.textOnly?.form ?? '', example },
          suggest: fix ? [{ messageId: 'passError', data: { name: name! }, fix }] : [],
        });
        return;
      }
      if (s.lowLevel) {
        const fix = raiseLevelFix(s.lowLevel.call);
        context.report({
          loc,
          messageId: 'lowLevel',
          data: { handler, level: s.lowLevel.level, example },
          suggest: fix ? [{ messageId: 'raiseLevel', data: { call: fix.text }, fix: fix.fix }] : [],
        });
        return;
      }
      const insert = insertLogFix(context, s.region, s.body, name, s.errorParam !== null, target, (error) =>
        buildLogCall(target, { level: 'error', message: logMessage(s), error, fields: fieldsAt(s, s.body) }),
      );
      const messageId: MessageIds = s.kind === 'process' ? (s.exits ? 'processExitsSilently' : 'processSilent') : s.libraryAnswer ? 'libraryAnswers' : 'notLogged';
      context.report({
        loc: s.libraryAnswer?.loc ?? loc,
        messageId,
        data: { handler, event: s.event ?? '', example },
        fix: autofix ? insert : null,
        suggest: insert ? [{ messageId: 'addLog', data: { call: example }, fix: insert }] : [],
      });
    }

    function reportPath(s: HandlerState, node: TSESTree.Node, loc: TSESTree.SourceLocation = node.loc): void {
      const name = errorName(s) ?? 'the error';
      const handler = s.kind === 'process' ? `'${s.event}' handler` : HANDLER_LABEL[s.kind];
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if ((node.type === AST_NODE_TYPES.ReturnStatement || s.kind === 'process') && errorName(s) !== null) {
        const { target } = targetsAt(s, node);
        const call = buildLogCall(target, { level: 'error', message: logMessage(s), error: errorName(s)!, fields: fieldsAt(s, node) });
        suggest.push({ messageId: 'addLog', data: { call }, fix: withTargetSetup(context, target, (fixer) => insertBeforeStatement(context, fixer, node, `${call};`)) });
      }
      context.report({ loc, messageId: 'pathNotLogged', data: { handler, name, ends: s.kind === 'process' ? 'exits' : 'responds' }, suggest });
    }

    function reportLoc(s: HandlerState): TSESTree.SourceLocation {
      if (s.reportNode) return s.reportNode.loc;
      if (s.eventNode) return s.eventNode.loc;
      return sourceCode.getFirstToken(s.region)!.loc;
    }

    return mergeListeners(tracker.listeners, {
      ArrowFunctionExpression: enterFunction,
      FunctionExpression: enterFunction,
      FunctionDeclaration: enterFunction,
      'ArrowFunctionExpression:exit': exit,
      'FunctionExpression:exit': exit,
      'FunctionDeclaration:exit': exit,
      CatchClause: enterCatch,
      'CatchClause:exit': exit,
      CallExpression: onCall,
      ReturnStatement: onReturn,
      ThrowStatement(node: TSESTree.ThrowStatement) {
        const s = stateOf(node);
        if (s) good(s, node);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const s = stateOf(node);
        if (s && setsExitStatus(node, context)) s.exits = true;
      },
      VariableDeclarator: onDeclarator,
      'Program:exit'() {
        for (const s of states.values()) finalize(s);
      },
    } as TSESLint.RuleListener) as TSESLint.RuleListener;
  },
});
