import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  contains,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTransparent,
  walkSameFunction,
} from '../model/ast.js';
import { type Checkpoint, createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { holdsOnlyInDevelopment } from '../model/environment.js';
import { classifyErrorMention, getBoundVariables, isHandoffCall, isInspectionCall, readsAny } from '../model/errors.js';
import { indentUnit, insertAtBlockStart, lineIndent } from '../fixes/edits.js';
import { type LogField, type LogTarget, buildLogCall, requestLogFields } from '../fixes/log-call.js';
import { chooseLogTarget, targetSetupFixes } from '../fixes/log-target.js';
import { chooseUnusedName } from '../fixes/names.js';
import { type HandlerInfo, getHandlerInfo, isErrorHandler } from '../model/handlers.js';
import { getHttpOutcome } from '../model/http-outcomes.js';
import { getFrameworkLogger, getRequestContextExpressions } from '../model/request-context.js';
import { type LogLevel, type LoggerCall, getLoggerCall, getLoggingLevel, isAtLeast } from '../model/loggers.js';
import { type ErrorEventKind, getErrorEventRegistration, isTestFile } from '../model/servers.js';
import { getSettings } from '../core/settings.js';

export type Options = [];
export type MessageIds =
  | 'notLogged'
  | 'processSilent'
  | 'processExitsSilently'
  | 'stackLost'
  | 'noError'
  | 'lowLevel'
  | 'pathNotLogged'
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
  exits: boolean;
  textOnly: { call: LoggerCall; form: string; name: string } | null;
  noError: LoggerCall | null;
  lowLevel: { call: LoggerCall | TSESTree.CallExpression; level: LogLevel } | null;
  unsatisfied: TSESTree.Node[];
  reportNode: TSESTree.Node | null;
  eventNode: TSESTree.Node | null;
}

/** Names response objects go by, so `res.json({ error: err })` is not a hand-off. */
const RESPONSE_NAME = /^_?(?:res|resp|response|reply|rep|ctx|context|c|h|httpAdapter|host)$/u;

/** Helpers named for answering the client: `sendError`, `respond`, `replyWithError`, `formatResponse`, `errorResponse`. */
const RESPONSE_HELPER_NAME = /^(?:send|respond|reply|render|write|format)\w*$|\w*Response$/u;
/** Tests that decide whether a response can still be written: a guard, not a choice about the error. */
const RESPONSE_STATE = /\b(?:headersSent|writableEnded|finished|sent)\b/u;
/** Error handlers of error-reporting services: `sentry.errorHandler`, `Sentry.Handlers.errorHandler()`, `Sentry.expressErrorHandler()`. */
const ERROR_REPORTER_HANDLER = /^(?:\w+\.)*(?:sentry|raven|bugsnag|honeybadger|rollbar|airbrake)(?:\.\w+)*\.(?:errorHandler|expressErrorHandler)$/iu;
const LEVEL_METHODS = new Set(['log', 'info', 'warn', 'warning', 'debug', 'trace', 'verbose', 'notice', 'http', 'silly']);

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
        'This path through the {{handler}} responds without logging the error, while other paths log it. Log `{{name}}` here too (at error level) or hand it on.',
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
        if (info.kind === 'filter' && !isCatchAllFilter(fn)) return;
        const kind: HandlerKind = info.kind === 'filter' ? 'nest' : info.framework === 'fastify' ? 'fastify' : info.framework === 'hono' ? 'hono' : 'express';
        const param = fn.params[0] ?? null;
        const reportNode =
          kind === 'nest' && fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn.parent.key : param;
        enter(newState(fn, fn, fn.body, kind, null, info, param, reportNode, null));
        return;
      }
      const registration = getErrorEventRegistration(context, fn);
      if (!registration) return;
      const param = fn.params[0] ?? null;
      const own = ownHandlerInfo(fn, registration.kind);
      enter(newState(fn, fn, fn.body, registration.kind, registration.event, own, param, param, registration.eventNode));
    }

    /** Handlers registered by name (`app.onError(handleError)`, `fastify.setErrorHandler(onError)`): their parameters. */
    function ownHandlerInfo(fn: AnyFunction, kind: ErrorEventKind): HandlerInfo | null {
      const id = (i: number) => {
        const p = fn.params[i];
        return p?.type === AST_NODE_TYPES.Identifier ? p : undefined;
      };
      if (kind === 'fastify') {
        const req = id(1);
        const res = id(2);
        return { fn, framework: 'fastify', kind: 'error-handler', via: 'registration', ...(req ? { req } : {}), ...(res ? { res } : {}) };
      }
      if (kind === 'hono') {
        const ctx = id(1);
        return { fn, framework: 'hono', kind: 'error-handler', via: 'registration', ...(ctx ? { ctx } : {}) };
      }
      return null;
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
      return {
        region,
        fn,
        body,
        kind,
        event,
        info,
        errorParam: param,
        errorVars: param ? getBoundVariables(context, param) : [],
        derivedVars: [],
        escalates: false,
        exits: false,
        textOnly: null,
        noError: null,
        lowLevel: null,
        unsatisfied: [],
        reportNode,
        eventNode,
      };
    }

    /** `@Catch()` / `@Catch(Error)`: a filter for every exception replaces Nest's logging BaseExceptionFilter. */
    function isCatchAllFilter(fn: AnyFunction): boolean {
      const method = fn.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition) return false;
      const cls = method.parent.parent;
      if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return false;
      for (const decorator of cls.decorators ?? []) {
        const expr = skipTransparent(decorator.expression);
        if (expr.type !== AST_NODE_TYPES.CallExpression) continue;
        const path = getCalleePath(expr);
        if (path === null || lastSegment(path) !== 'Catch') continue;
        return expr.arguments.length === 0 || expr.arguments.some((a) => ['Error', 'Object'].includes(getMemberPath(a) ?? ''));
      }
      return false;
    }

    /** Koa: `try { await next() } catch (err) { … }` in a middleware is the app's error handler. */
    function enterCatch(node: TSESTree.CatchClause): void {
      const fn = getEnclosingFunction(node);
      if (!fn) return;
      const info = getHandlerInfo(context, fn);
      if (!info || info.framework !== 'koa' || !info.next) return;
      const next = info.next.name;
      const tryStatement = node.parent;
      const callsNext = tryStatement.block.body.some((statement) => {
        const expr =
          statement.type === AST_NODE_TYPES.ExpressionStatement
            ? statement.expression
            : statement.type === AST_NODE_TYPES.ReturnStatement
              ? statement.argument
              : null;
        if (!expr) return false;
        const call = skipTransparent(expr);
        return call.type === AST_NODE_TYPES.CallExpression && getMemberPath(call.callee) === next;
      });
      if (!callsNext) return;
      enter(newState(node, fn, node.body, 'koa', null, info, node.param, node.param, null));
    }

    function good(state: HandlerState, node: TSESTree.Node): void {
      tracker.mark(node);
      state.escalates = true;
    }

    function onCall(node: TSESTree.CallExpression): void {
      const s = stateOf(node);
      if (!s) return;
      const path = getCalleePath(node);
      if (path === 'process.exit' || path === 'process.abort' || path === 'process.kill') s.exits = true;
      const level = getLoggingLevel(context, node);
      if (level !== null) {
        onLog(s, node, level);
        return;
      }
      if (isHandoffCall(node)) {
        good(s, node);
        return;
      }
      if (isResponseCall(s, node)) {
        // Fastify: `reply.send(err)` hands the error to the parent error handler, which logs it.
        if (s.kind === 'fastify' && getPropertyName(node.callee as TSESTree.MemberExpression) === 'send' && isErrorValue(s, node.arguments[0])) good(s, node);
        return;
      }
      if (isInspectionCall(node)) return;
      // `fn(err, req, res, next)`: the error goes to another error handler, which owns logging it.
      if (delegatesToHandler(s, node)) {
        good(s, node);
        return;
      }
      if (isStatementLevel(node) && node.arguments.some((a) => isErrorValue(s, a))) {
        const helper = resolveFunction(context, node.callee);
        // `sendError(res, err)`, `formatResponse(500, res, err)`: a helper from elsewhere named for
        // answering, handed the response object, answers the client; it is not a log.
        if (!helper && isResponseHelper(s, node)) return;
        if (!helper || helperMayLog(helper)) {
          good(s, node);
          return;
        }
      }
      // server.close(() => { logger.fatal({ err }); process.exit(1) })
      if (node.arguments.some((a) => isFunctionNode(a) && callbackLogs(a))) good(s, node);
    }

    function onLog(s: HandlerState, node: TSESTree.CallExpression, level: LogLevel): void {
      // `if (process.env.NODE_ENV === 'development') console.error(err.stack)`: nothing in production.
      if (isDevelopmentOnly(node, s.body)) return;
      const direct = getLoggerCall(context, node);
      if (!direct) {
        if (isAtLeast(level, 'error')) good(s, node);
        else s.lowLevel ??= { call: node, level };
        return;
      }
      if (direct.via !== 'logger') {
        good(s, node);
        return;
      }
      const use = s.kind === 'server' ? { kind: 'whole' as const } : classifyErrorUse(direct.args, s.errorVars);
      if (use.kind === 'whole') {
        if (isAtLeast(level, 'error')) good(s, node);
        else s.lowLevel ??= { call: direct, level };
      } else if (use.kind === 'text') {
        s.textOnly ??= { call: direct, form: use.form, name: use.name };
      } else {
        s.noError ??= direct;
      }
    }

    /** The error itself (or an alias), passed on: `handle(err)`, `report({ err, req })`. */
    function isErrorValue(s: HandlerState, arg: TSESTree.Node | undefined): boolean {
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return false;
      const a = skipTransparent(arg);
      if (a.type === AST_NODE_TYPES.Identifier) return s.errorVars.some((v) => v.references.some((r) => r.identifier === a));
      if (a.type === AST_NODE_TYPES.ObjectExpression) {
        return a.properties.some((p) => p.type === AST_NODE_TYPES.Property && isErrorValue(s, p.value));
      }
      return false;
    }

    /** A call named for answering (`sendError`, `respondWith`, `formatResponse`) that is handed the response object. */
    function isResponseHelper(s: HandlerState, node: TSESTree.CallExpression): boolean {
      const path = getCalleePath(node);
      if (path === null || !RESPONSE_HELPER_NAME.test(lastSegment(path))) return false;
      const own = [s.info?.res, s.info?.ctx].flatMap((id) => (id ? [id.name] : []));
      return node.arguments.some((arg) => {
        const a = skipTransparent(arg);
        return a.type === AST_NODE_TYPES.Identifier && (own.includes(a.name) || RESPONSE_NAME.test(a.name));
      });
    }

    /** The call sits in the branch of a test that holds only outside production (`NODE_ENV === 'development'`, `isDev`). */
    function isDevelopmentOnly(node: TSESTree.Node, body: TSESTree.Node): boolean {
      let child: TSESTree.Node = node;
      let current = node.parent;
      while (current && current !== body && !isFunctionNode(current)) {
        if (current.type === AST_NODE_TYPES.IfStatement && child === current.consequent && holdsOnlyInDevelopment(current.test)) return true;
        if (current.type === AST_NODE_TYPES.ConditionalExpression && child === current.consequent && holdsOnlyInDevelopment(current.test)) return true;
        if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&' && child === current.right && holdsOnlyInDevelopment(current.left)) return true;
        child = current;
        current = current.parent;
      }
      return false;
    }

    /** `res.status(500).json(…)`, `reply.send(…)`, `c.json(…)`, `httpAdapter.reply(…)`: answers the client. */
    function isResponseCall(s: HandlerState, node: TSESTree.CallExpression): boolean {
      let n: TSESTree.Node = skipTransparent(node.callee);
      if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
      while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) {
        n = skipTransparent(n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee);
      }
      if (n.type === AST_NODE_TYPES.ThisExpression) return false;
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const info = s.info;
      if (info && [info.res, info.ctx, info.req].some((id) => id?.name === n.name)) return true;
      return RESPONSE_NAME.test(n.name);
    }

    /** A call in the shape of an Express error handler: the error, then this handler's `req`, `res` (and `next`). */
    function delegatesToHandler(s: HandlerState, node: TSESTree.CallExpression): boolean {
      const info = s.info;
      if (!info?.req || !info.res || node.arguments.length < 3 || !isErrorValue(s, node.arguments[0])) return false;
      const names = [info.req, info.res, info.next].map((id) => id?.name);
      return node.arguments.slice(1, 4).every((a, i) => {
        const arg = skipTransparent(a);
        return arg.type === AST_NODE_TYPES.Identifier && arg.name === names[i];
      });
    }

    function isStatementLevel(node: TSESTree.CallExpression): boolean {
      let child: TSESTree.Node = node;
      let parent = node.parent;
      while (
        parent &&
        (parent.type === AST_NODE_TYPES.AwaitExpression ||
          parent.type === AST_NODE_TYPES.ChainExpression ||
          parent.type === AST_NODE_TYPES.TSAsExpression ||
          parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void'))
      ) {
        child = parent;
        parent = parent.parent;
      }
      return (
        parent?.type === AST_NODE_TYPES.ExpressionStatement ||
        parent?.type === AST_NODE_TYPES.ReturnStatement ||
        (isFunctionNode(parent) && parent.body === child)
      );
    }

    const helperCache = new WeakMap<AnyFunction, boolean>();
    /** A same-file helper that logs at error level, reports or rethrows somewhere in its body. */
    function helperMayLog(fn: AnyFunction): boolean {
      const cached = helperCache.get(fn);
      if (cached !== undefined) return cached;
      helperCache.set(fn, false);
      const result = callbackLogs(fn);
      helperCache.set(fn, result);
      return result;
    }

    function callbackLogs(fn: AnyFunction): boolean {
      let found = false;
      walkSameFunction(
        fn.body,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.ThrowStatement) found = true;
          else if (n.type === AST_NODE_TYPES.CallExpression) {
            const level = getLoggingLevel(context, n);
            // A callback that hands an error on (`reject(err)`, `next(err)`) passes it to whoever logs.
            if ((level !== null && isAtLeast(level, 'error')) || (level === null && isHandoffCall(n))) found = true;
          }
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    function onReturn(node: TSESTree.ReturnStatement): void {
      const s = stateOf(node);
      if (!s) return;
      // `return exception` (a GraphQL filter) hands the error back to the framework.
      if (node.argument && isErrorValue(s, node.argument)) good(s, node);
      if (tracker.isReachable()) tracker.require(node, s.region, s);
    }

    function onDeclarator(node: TSESTree.VariableDeclarator): void {
      if (!node.init) return;
      const s = stateOf(node);
      if (!s) return;
      const all = [...s.errorVars, ...s.derivedVars];
      if (!readsAny(node.init, all)) return;
      const declared = sourceCode.getDeclaredVariables(node);
      const init = skipTransparent(node.init);
      if (isAlias(s, init)) {
        s.errorVars.push(...declared);
        return;
      }
      // const { stack } = err
      if (node.id.type === AST_NODE_TYPES.ObjectPattern && isErrorValue(s, init)) {
        for (const v of declared) (v.name === 'stack' || v.name === 'cause' ? s.errorVars : s.derivedVars).push(v);
        return;
      }
      s.derivedVars.push(...declared);
    }

    /** `err`, `normalize(err)`, `err instanceof Error ? err : new Error(String(err))`, `{ ...err }`. */
    function isAlias(s: HandlerState, init: TSESTree.Node): boolean {
      const n = skipTransparent(init);
      if (isErrorValue(s, n)) return n.type === AST_NODE_TYPES.Identifier;
      if (n.type === AST_NODE_TYPES.ConditionalExpression) return isAlias(s, n.consequent) || isAlias(s, n.alternate);
      if (n.type === AST_NODE_TYPES.LogicalExpression) return isAlias(s, n.left) || isAlias(s, n.right);
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        return !isInspectionCall(n) && n.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && skipTransparent(a).type === AST_NODE_TYPES.Identifier && isErrorValue(s, a));
      }
      if (n.type === AST_NODE_TYPES.ObjectExpression) {
        return n.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement && isErrorValue(s, p.argument));
      }
      return false;
    }

    // -------------------------------------------------------------------------
    // Reports

    function finalize(s: HandlerState): void {
      if (s.unsatisfied.length === 0) return;
      if (!s.escalates && followsReporterInChain(s)) return;
      if (s.escalates) {
        for (const node of s.unsatisfied) {
          // Logging under a condition and then falling through is a choice; an early exit beside it is a path.
          if (node === s.region || isGuarded(node, s) || answersClientError(node)) continue;
          reportPath(s, node);
        }
        return;
      }
      reportHandler(s);
    }

    /**
     * The exit sits under a test of the error (`if (err instanceof HttpError) return …`) or of the
     * response state, or after an early exit on such a test (`if (err.statusCode !== 404) return
     * next(err)`): the path was chosen for a kind of error.
     */
    function isGuarded(exit: TSESTree.Node, s: HandlerState): boolean {
      const vars = [...s.errorVars, ...s.derivedVars];
      const decides = (test: TSESTree.Node): boolean => readsAny(test, vars) || RESPONSE_STATE.test(sourceCode.getText(test));
      let child: TSESTree.Node = exit;
      let current = exit.parent;
      while (current) {
        if (current.type === AST_NODE_TYPES.BlockStatement) {
          const index = current.body.indexOf(child as TSESTree.Statement);
          for (let i = 0; i < index; i++) {
            const earlier = current.body[i]!;
            if (earlier.type === AST_NODE_TYPES.IfStatement && !earlier.alternate && endsInExit(earlier.consequent) && readsAny(earlier.test, vars)) return true;
          }
        }
        if (current === s.body) break;
        let test: TSESTree.Node | null = null;
        if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) test = current.test;
        else if (current.type === AST_NODE_TYPES.ConditionalExpression && child !== current.test) test = current.test;
        else if (current.type === AST_NODE_TYPES.SwitchStatement && child !== current.discriminant) test = current.discriminant;
        else if (current.type === AST_NODE_TYPES.SwitchCase && current.test) test = current.test;
        if (test && decides(test)) return true;
        child = current;
        current = current.parent;
      }
      return false;
    }

    function endsInExit(statement: TSESTree.Statement): boolean {
      if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
      if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
      const last = statement.body[statement.body.length - 1];
      return !!last && endsInExit(last);
    }

    /**
     * `[prepareError, sentry.errorHandler, renderError]`: an Express error handler listed after an
     * error reporter's handler (Sentry, Bugsnag, …) or after a same-file error handler that logs, in
     * one array or one `app.use(…)`: every error reaches the earlier handler first.
     */
    function followsReporterInChain(s: HandlerState): boolean {
      if (s.kind !== 'express') return false;
      const fn = s.fn;
      const references: TSESTree.Node[] = [fn];
      const holder = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : null;
      if (holder) {
        for (const variable of sourceCode.getDeclaredVariables(holder)) {
          for (const ref of variable.references) if (!ref.init) references.push(ref.identifier);
        }
      }
      return references.some((ref) => {
        const list = ref.parent?.type === AST_NODE_TYPES.ArrayExpression ? ref.parent.elements : ref.parent?.type === AST_NODE_TYPES.CallExpression && ref.parent.callee !== ref ? ref.parent.arguments : null;
        if (!list) return false;
        const index = list.indexOf(ref as never);
        return list.slice(0, Math.max(index, 0)).some((earlier) => !!earlier && earlier.type !== AST_NODE_TYPES.SpreadElement && isReportingHandler(earlier, fn));
      });
    }

    function isReportingHandler(node: TSESTree.Node, self: AnyFunction): boolean {
      const n = skipTransparent(node);
      const target = n.type === AST_NODE_TYPES.CallExpression ? n.callee : n;
      const path = getMemberPath(target);
      if (path !== null && ERROR_REPORTER_HANDLER.test(path)) return true;
      const fn = resolveFunction(context, n);
      if (!fn || fn === self || fn.params.length !== 4) return false;
      return helperMayLog(fn);
    }

    /** `return res.status(404).json(…)`: an expected client error, answered on purpose. */
    function answersClientError(exit: TSESTree.Node): boolean {
      if (exit.type !== AST_NODE_TYPES.ReturnStatement) return false;
      const candidates: TSESTree.Node[] = exit.argument ? [exit.argument] : [];
      const parent = exit.parent;
      if (parent?.type === AST_NODE_TYPES.BlockStatement) {
        const index = parent.body.indexOf(exit);
        if (index > 0) candidates.push(parent.body[index - 1]!);
      }
      return candidates.some((c) => {
        const outcome = getHttpOutcome(context, c);
        return !!outcome && outcome.status >= 400 && outcome.status < 500;
      });
    }

    function errorName(s: HandlerState): string | null {
      const p = s.errorParam;
      if (!p) return null;
      const id = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
      return id.type === AST_NODE_TYPES.Identifier ? id.name : null;
    }

    function logMessage(s: HandlerState): string {
      if (s.kind === 'process') return s.event === 'uncaughtException' ? 'uncaught exception' : 'unhandled rejection';
      if (s.kind === 'server') return "server emitted an 'error' event";
      return `unhandled error reached the ${HANDLER_LABEL[s.kind]}`;
    }

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
        const fix = name !== null ? addErrorFix(call, name) : null;
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
      const insert = insertLogFix(s, target);
      const messageId: MessageIds = s.kind === 'process' ? (s.exits ? 'processExitsSilently' : 'processSilent') : 'notLogged';
      context.report({
        loc,
        messageId,
        data: { handler, event: s.event ?? '', example },
        fix: autofix ? insert : null,
        suggest: insert ? [{ messageId: 'addLog', data: { call: example }, fix: insert }] : [],
      });
    }

    function reportPath(s: HandlerState, node: TSESTree.Node): void {
      const name = errorName(s) ?? 'the error';
      const handler = s.kind === 'process' ? `'${s.event}' handler` : HANDLER_LABEL[s.kind];
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (node.type === AST_NODE_TYPES.ReturnStatement && errorName(s) !== null) {
        const { target } = targetsAt(s, node);
        const call = buildLogCall(target, { level: 'error', message: logMessage(s), error: errorName(s)!, fields: fieldsAt(s, node) });
        suggest.push({
          messageId: 'addLog',
          data: { call },
          fix: (fixer) => {
            const fixes = insertBeforeStatement(fixer, node, `${call};`);
            fixes.push(...targetSetupFixes(context, fixer, target));
            return fixes;
          },
        });
      }
      context.report({ node, messageId: 'pathNotLogged', data: { handler, name }, suggest });
    }

    function reportLoc(s: HandlerState): TSESTree.SourceLocation {
      if (s.reportNode) return s.reportNode.loc;
      if (s.eventNode) return s.eventNode.loc;
      return sourceCode.getFirstToken(s.region)!.loc;
    }

    function insertLogFix(s: HandlerState, target: LogTarget): TSESLint.ReportFixFunction | null {
      const param = s.errorParam;
      if (param && errorName(s) === null) return null;
      const region = s.region;
      return (fixer) => {
        const fixes: TSESLint.RuleFix[] = [];
        let name = errorName(s);
        if (name === null) {
          name = chooseUnusedName(context, s.body, s.body, ['err', 'error']);
          if (region.type === AST_NODE_TYPES.CatchClause) {
            fixes.push(fixer.insertTextAfter(sourceCode.getFirstToken(region)!, ` (${name})`));
          } else {
            const openParen = sourceCode.getFirstToken(region, (t) => t.value === '(');
            if (!openParen || openParen.range[0] > region.body.range[0]) return [];
            fixes.push(fixer.insertTextAfter(openParen, name));
          }
        }
        const call = `${buildLogCall(target, { level: 'error', message: logMessage(s), error: name, fields: fieldsAt(s, s.body) })};`;
        fixes.push(...targetSetupFixes(context, fixer, target));
        const body = s.body;
        if (body.type === AST_NODE_TYPES.BlockStatement) {
          fixes.push(insertAtBlockStart(context, fixer, body, [call]));
        } else if (region.type !== AST_NODE_TYPES.CatchClause) {
          const indent = lineIndent(context, region);
          const unit = indentUnit(context);
          const arrow = sourceCode.getTokenBefore(body, { filter: (t) => t.value === '=>' })!;
          const text = sourceCode.getText(body);
          fixes.push(fixer.replaceTextRange([arrow.range[1], region.range[1]], ` {\n${indent}${unit}${call}\n${indent}${unit}return ${text};\n${indent}}`));
        }
        return fixes;
      };
    }

    function insertBeforeStatement(fixer: TSESLint.RuleFixer, statement: TSESTree.Node, call: string): TSESLint.RuleFix[] {
      const parent = statement.parent;
      if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase) {
        const before = sourceCode.getTokenBefore(statement);
        if (before && before.loc.end.line === statement.loc.start.line) return [fixer.insertTextBefore(statement, `${call} `)];
        return [fixer.insertTextBefore(statement, `${call}\n${lineIndent(context, statement)}`)];
      }
      return [fixer.replaceText(statement, `{ ${call} ${sourceCode.getText(statement)} }`)];
    }

    /** Put the error object into an existing log call, in that logger's style. */
    function addErrorFix(call: LoggerCall, name: string): TSESLint.ReportFixFunction | null {
      const args = call.node.arguments;
      if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
      const path = call.loggerPath ?? '';
      const configured = getSettings(context).logger;
      const first = args[0]!;
      const last = args[args.length - 1]!;
      const style =
        configured && configured.name === path
          ? configured.style
          : path === 'console'
            ? 'console'
            : /(?:^|\.)log$/u.test(path) || first.type === AST_NODE_TYPES.ObjectExpression
              ? 'pino'
              : /^this\.#?_?logger$/u.test(path) && args.length === 1
                ? 'nest'
                : 'console';
      const prop = name === 'err' ? 'err' : `err: ${name}`;
      switch (style) {
        case 'pino':
        case 'bunyan': {
          if (first.type !== AST_NODE_TYPES.ObjectExpression) return (fixer) => fixer.insertTextBefore(first, `{ ${prop} }, `);
          if (first.properties.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'err')) return null;
          const lastProp = first.properties[first.properties.length - 1];
          if (!lastProp) return (fixer) => fixer.replaceText(first, `{ ${prop} }`);
          return (fixer) => fixer.insertTextAfter(lastProp, `, ${prop}`);
        }
        case 'winston':
          return (fixer) => fixer.insertTextAfter(last, `, { error: ${name} }`);
        case 'nest':
          return (fixer) => fixer.insertTextAfter(last, `, ${name} instanceof Error ? ${name}.stack : String(${name})`);
        default:
          return (fixer) => fixer.insertTextAfter(last, `, ${name}`);
      }
    }

    function raiseLevelFix(call: LoggerCall | TSESTree.CallExpression): { text: string; fix: TSESLint.ReportFixFunction } | null {
      const node = 'node' in call ? call.node : call;
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
      const method = getPropertyName(callee);
      const object = getMemberPath(callee.object);
      if (method === null || object === null || !LEVEL_METHODS.has(method)) return null;
      // winston's logger.log('info', …) names its level in the first argument
      if (method === 'log' && object !== 'console' && !/(?:^|\.)(?:logger|_logger|#logger)$/u.test(object)) return null;
      return { text: `${object}.error(…)`, fix: (fixer) => fixer.replaceText(callee.property, 'error') };
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
        if (s && getMemberPath(node.left) === 'process.exitCode') s.exits = true;
      },
      VariableDeclarator: onDeclarator,
      'Program:exit'() {
        for (const s of states.values()) finalize(s);
      },
    } as TSESLint.RuleListener) as TSESLint.RuleListener;
  },
});

type ErrorUse = { kind: 'whole' } | { kind: 'none' } | { kind: 'text'; form: string; name: string };

/**
 * How a log call's arguments use the error: the object or its stack (`whole`), only its
 * text (`err.message`, `${err}`, `String(err)`, `JSON.stringify(err)`), or not at all.
 * Same reading as log-error-with-stack's.
 */
function classifyErrorUse(args: readonly TSESTree.Node[], vars: readonly Variable[]): ErrorUse {
  let text: ErrorUse | null = null;
  for (const variable of vars) {
    for (const ref of variable.references) {
      if (!args.some((a) => contains(a, ref.identifier))) continue;
      const use = classifyReference(ref.identifier as TSESTree.Identifier);
      if (use.kind === 'whole') return use;
      if (use.kind === 'text') text ??= use;
    }
  }
  return text ?? { kind: 'none' };
}

function classifyReference(id: TSESTree.Identifier): ErrorUse {
  const mention = classifyErrorMention(id);
  if (mention.kind === 'text') return { kind: 'text', form: mention.form, name: id.name };
  return mention.kind === 'whole' ? { kind: 'whole' } : { kind: 'none' };
}
