/**
 * "What does this error handler do with its error?" — for the global and framework error
 * handlers of require-error-handler-logging: handlers registered by name and Koa's
 * `try { await next() } catch (err)`, the error and its aliases passed on, calls that delegate
 * to another error handler or log and escalate, exits chosen for a kind of error, and handlers
 * listed after an error reporter's.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getEnclosingFunction, getMemberPath, getPropertyName, isFunctionNode, leavesFunction, resolveFunction, skipTransparent, walkSameFunction } from './ast.js';
import { getRequiredModule } from './modules.js';
import { rootImport } from './job-runners.js';
import { classifyErrorUse, holdsStackText, isHandoffCall, isInspectionCall, readsAny } from './errors.js';
import { resolveCalledFunction } from './called-functions.js';
import { type HandlerInfo, getHandlerInfo } from './handlers.js';
import { getHttpOutcome } from './http-outcomes.js';
import { getLoggingLevel, isAtLeast } from './loggers.js';
import { isResponseHelperCall, isResponseObjectCall } from './responses.js';
import type { ErrorEventKind } from './servers.js';

type Variable = TSESLint.Scope.Variable;

/** Tests that decide whether a response can still be written: a guard, not a choice about the error. */
const RESPONSE_STATE = /\b(?:headersSent|writableEnded|finished|sent)\b/u;
/** Error handlers of error-reporting services: `sentry.errorHandler`, `Sentry.Handlers.errorHandler()`, `Sentry.expressErrorHandler()`. */
export const ERROR_REPORTER_HANDLER = /^(?:\w+\.)*(?:sentry|raven|bugsnag|honeybadger|rollbar|airbrake)(?:\.\w+)*\.(?:errorHandler|expressErrorHandler)$/iu;

/**
 * Error middleware of libraries that only write the answer and log nothing, by the package, the
 * factory that creates its server and the method that makes the middleware: oauth2orize's
 * `server.errorHandler()` turns any error into an OAuth error body (500 for one it does not know);
 * its `{ mode: 'indirect' }` passes what it cannot redirect on with `next(err)`, so it does not count.
 */
const ANSWERING_LIBRARY_HANDLERS: ReadonlyMap<string, { factory: string; method: string }> = new Map([['oauth2orize', { factory: 'createServer', method: 'errorHandler' }]]);

/**
 * `server.errorHandler()(err, req, res, next)` with `const server = oauth2orize.createServer()`: the
 * error goes to a library's error middleware that answers the client and logs nothing.
 */
export function delegatesToAnsweringLibrary(context: Context, node: TSESTree.CallExpression): boolean {
  const factory = skipTransparent(node.callee);
  if (factory.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = skipTransparent(factory.callee);
  if (method.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(method);
  const receiver = skipTransparent(method.object);
  if (name === null || receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(context, receiver)?.defs;
  const init = def?.length === 1 && def[0]!.type === 'Variable' && def[0]!.node.init ? skipTransparent(def[0]!.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const owner = skipTransparent(init.callee.object);
  const source = getRequiredModule(owner) ?? rootImport(context, owner)?.source ?? null;
  const known = source === null ? undefined : ANSWERING_LIBRARY_HANDLERS.get(source);
  if (known === undefined || known.factory !== getPropertyName(init.callee) || known.method !== name) return false;
  // `errorHandler({ mode: 'indirect' })` passes an error it cannot redirect on with `next(err)`.
  const options = factory.arguments[0] ? skipTransparent(factory.arguments[0]) : null;
  if (!options) return true;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const mode = options.properties.find((p) => p.type !== AST_NODE_TYPES.Property || getPropertyName(p) === 'mode');
  return !mode || (mode.type === AST_NODE_TYPES.Property && mode.value.type === AST_NODE_TYPES.Literal && mode.value.value === 'direct');
}

/** Handlers registered by name (`app.onError(handleError)`, `fastify.setErrorHandler(onError)`): their parameters. */
export function registeredHandlerInfo(fn: AnyFunction, kind: ErrorEventKind): HandlerInfo | null {
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

/** Koa: `try { await next() } catch (err) { … }` in a middleware is the app's error handler; its middleware's info, or null. */
export function koaErrorCatchInfo(context: Context, node: TSESTree.CatchClause): { fn: AnyFunction; info: HandlerInfo } | null {
  const fn = getEnclosingFunction(node);
  if (!fn) return null;
  const info = getHandlerInfo(context, fn);
  if (!info || info.framework !== 'koa' || !info.next) return null;
  const next = info.next.name;
  const callsNext = node.parent.block.body.some((statement) => {
    const expr =
      statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : null;
    if (!expr) return false;
    const call = skipTransparent(expr);
    return call.type === AST_NODE_TYPES.CallExpression && getMemberPath(call.callee) === next;
  });
  return callsNext ? { fn, info } : null;
}

/** The error itself (one of `vars`, the error and its aliases), passed on: `handle(err)`, `report({ err, req })`. */
export function isErrorValue(vars: readonly Variable[], arg: TSESTree.Node | undefined): boolean {
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return false;
  const a = skipTransparent(arg);
  if (a.type === AST_NODE_TYPES.Identifier) return vars.some((v) => v.references.some((r) => r.identifier === a));
  if (a.type === AST_NODE_TYPES.ObjectExpression) {
    return a.properties.some((p) => p.type === AST_NODE_TYPES.Property && isErrorValue(vars, p.value));
  }
  return false;
}

/** An initializer that is the error again: `err`, `normalize(err)`, `err instanceof Error ? err : new Error(String(err))`, `{ ...err }`. */
export function isErrorAlias(vars: readonly Variable[], init: TSESTree.Node): boolean {
  const n = skipTransparent(init);
  if (isErrorValue(vars, n)) return n.type === AST_NODE_TYPES.Identifier;
  if (n.type === AST_NODE_TYPES.ConditionalExpression) return isErrorAlias(vars, n.consequent) || isErrorAlias(vars, n.alternate);
  if (n.type === AST_NODE_TYPES.LogicalExpression) return isErrorAlias(vars, n.left) || isErrorAlias(vars, n.right);
  if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
    return !isInspectionCall(n) && n.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && skipTransparent(a).type === AST_NODE_TYPES.Identifier && isErrorValue(vars, a));
  }
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return n.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement && isErrorValue(vars, p.argument));
  }
  return false;
}

/** A call in the shape of an Express error handler: the error, then this handler's `req`, `res` (and `next`). */
export function delegatesToHandler(info: HandlerInfo | null, vars: readonly Variable[], node: TSESTree.CallExpression): boolean {
  if (!info?.req || !info.res || node.arguments.length < 3 || !isErrorValue(vars, node.arguments[0])) return false;
  const names = [info.req, info.res, info.next].map((id) => id?.name);
  return node.arguments.slice(1, 4).every((a, i) => {
    const arg = skipTransparent(a);
    return arg.type === AST_NODE_TYPES.Identifier && arg.name === names[i];
  });
}

/** A call whose value is dropped, returned, or an arrow's body (through `await`, `void`, `!`, `as`). */
export function isStatementLevel(node: TSESTree.CallExpression): boolean {
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
  return parent?.type === AST_NODE_TYPES.ExpressionStatement || parent?.type === AST_NODE_TYPES.ReturnStatement || (isFunctionNode(parent) && parent.body === child);
}

/** A function that logs at error level, hands an error on (`reject(err)`, `next(err)`) or throws somewhere in its own body. */
export function callbackLogs(context: Context, fn: AnyFunction): boolean {
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
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * `if (res.headersSent) return next(err)`: the step Express documents for an error handler whose
 * response has already started — hand the error to the default handler, which closes the connection.
 * It says nothing about logging: the other paths of the handler are still the ones that answer.
 * Whether `node` sits in the branch of such a test (headersSent, writableEnded, reply.sent).
 */
export function inResponseStartedBranch(context: Context, node: TSESTree.Node, body: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && child !== body; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && child === current.consequent && RESPONSE_STATE.test(context.sourceCode.getText(current.test))) return true;
  }
  return false;
}

/**
 * The exit sits under a test of the error (`if (err instanceof HttpError) return …`) or of the
 * response state, or after an early exit on such a test (`if (err.statusCode !== 404) return
 * next(err)`): the path was chosen for a kind of error. `vars` are the error, its aliases and
 * everything read from it; `body` is the handler's body, where the search stops.
 */
export function isExitGuarded(context: Context, exit: TSESTree.Node, body: TSESTree.Node, vars: readonly Variable[]): boolean {
  const decides = (test: TSESTree.Node): boolean => readsAny(test, vars) || RESPONSE_STATE.test(context.sourceCode.getText(test));
  let child: TSESTree.Node = exit;
  let current = exit.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.BlockStatement) {
      const index = current.body.indexOf(child as TSESTree.Statement);
      for (let i = 0; i < index; i++) {
        const earlier = current.body[i]!;
        if (earlier.type === AST_NODE_TYPES.IfStatement && !earlier.alternate && leavesFunction(earlier.consequent) && readsAny(earlier.test, vars)) return true;
      }
    }
    if (current === body) break;
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

/**
 * The node sits in a branch chosen for one failure the code identifies by its code: `if (err.code ===
 * 'EADDRINUSE') { console.log('port in use: pick another'); … }`, `case 'EACCES':` of `switch (e.code)`,
 * also as one operand of `&&`. A message written there for that failure says what happened and what to
 * do; the error object adds nothing an operator needs for it (other failures take the other paths). `vars`
 * are the error, its aliases and what was read from it; `body` is the handler's body, where the search stops.
 */
export function inKnownFailureBranch(node: TSESTree.Node, body: TSESTree.Node, vars: readonly Variable[]): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && child !== body; child = current, current = current.parent) {
    if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && child === current.consequent && namesFailureCode(current.test, vars)) return true;
    if (current.type === AST_NODE_TYPES.SwitchCase && current.test && child !== current.test && isCodeLiteral(current.test)) {
      const discriminant = current.parent.discriminant;
      if (readsAny(discriminant, vars) && CODE_FIELD.test(getMemberPath(discriminant) ?? '')) return true;
    }
  }
  return false;
}

/** `code`, `errno`, `syscall`: the fields Node and libraries name a failure by. */
const CODE_FIELD = /(?:^|\.)(?:code|errno|syscall)$/u;

/** `'EADDRINUSE'`, `'ERR_INVALID_ARG'`, `'ECONNREFUSED'`: a failure code, not free text. */
function isCodeLiteral(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && /^[A-Z][A-Z0-9_]{2,}$/u.test(n.value);
}

/** `err.code === 'EADDRINUSE'` (also `code === …` of a value read from the error, and inside `&&`). */
function namesFailureCode(test: TSESTree.Node, vars: readonly Variable[]): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.LogicalExpression) return t.operator === '&&' && (namesFailureCode(t.left, vars) || namesFailureCode(t.right, vars));
  if (t.type !== AST_NODE_TYPES.BinaryExpression || (t.operator !== '===' && t.operator !== '==')) return false;
  const [literal, other] = isCodeLiteral(t.right) ? [t.right, t.left] : isCodeLiteral(t.left as TSESTree.Node) ? [t.left as TSESTree.Node, t.right] : [null, null];
  if (!literal || !other) return false;
  const path = getMemberPath(skipTransparent(other));
  return path !== null && CODE_FIELD.test(path) && readsAny(other, vars);
}

/**
 * `[prepareError, sentry.errorHandler, renderError]`: an Express error handler `fn` listed after an
 * error reporter's handler (Sentry, Bugsnag, …) or after a same-file error handler that logs
 * (`mayLog`), in one array or one `app.use(…)`: every error reaches the earlier handler first.
 */
export function followsReporterInChain(context: Context, fn: AnyFunction, mayLog: (fn: AnyFunction) => boolean): boolean {
  const references: TSESTree.Node[] = [fn];
  const holder = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : null;
  if (holder) {
    for (const variable of context.sourceCode.getDeclaredVariables(holder)) {
      for (const ref of variable.references) if (!ref.init) references.push(ref.identifier);
    }
  }
  const isReportingHandler = (node: TSESTree.Node): boolean => {
    const n = skipTransparent(node);
    const target = n.type === AST_NODE_TYPES.CallExpression ? n.callee : n;
    const path = getMemberPath(target);
    if (path !== null && ERROR_REPORTER_HANDLER.test(path)) return true;
    const other = resolveFunction(context, n);
    if (!other || other === fn || other.params.length !== 4) return false;
    return mayLog(other);
  };
  return references.some((ref) => {
    const list = ref.parent?.type === AST_NODE_TYPES.ArrayExpression ? ref.parent.elements : ref.parent?.type === AST_NODE_TYPES.CallExpression && ref.parent.callee !== ref ? ref.parent.arguments : null;
    if (!list) return false;
    const index = list.indexOf(ref as never);
    return list.slice(0, Math.max(index, 0)).some((earlier) => !!earlier && earlier.type !== AST_NODE_TYPES.SpreadElement && isReportingHandler(earlier));
  });
}

/** `return res.status(404).json(…)` (or a 4xx answer right before the `return`): an expected client error, answered on purpose. */
export function answersClientError(context: Context, exit: TSESTree.Node): boolean {
  return exitAnswers(context, exit, (status) => status >= 400 && status < 500) !== null;
}

/**
 * `res.status(503).send(…); return` (or `return res.status(500).json(…)`): the answer of a server error the exit
 * makes (the `return`'s argument or the statement before it), else null. A path an error handler picks for one
 * kind of error (`if (err.message === 'Connection is closed.')`) is a choice when it answers the client's
 * mistake; when it answers 5xx it is the server failing (a lost store connection, an outage), which operators
 * need on record whatever the test that picked it.
 */
export function serverErrorAnswer(context: Context, exit: TSESTree.Node): TSESTree.Node | null {
  return exitAnswers(context, exit, (status) => status >= 500 && status < 600);
}

/** The node by which a `return` answers (its argument, or the statement right before it) a status `accepts` takes, else null. */
function exitAnswers(context: Context, exit: TSESTree.Node, accepts: (status: number) => boolean): TSESTree.Node | null {
  if (exit.type !== AST_NODE_TYPES.ReturnStatement) return null;
  const candidates: TSESTree.Node[] = exit.argument ? [exit.argument] : [];
  const parent = exit.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement) {
    const index = parent.body.indexOf(exit);
    if (index > 0) candidates.push(parent.body[index - 1]!);
  }
  return (
    candidates.find((c) => {
      const outcome = getHttpOutcome(context, c);
      return !!outcome && accepts(outcome.status);
    }) ?? null
  );
}

/** What an error handler knows about its error: its handler info, the error and its aliases, and whether it is Fastify's. */
export interface HandlerErrorScope {
  info: HandlerInfo | null;
  /** The error and its aliases; grows as the handler's declarations are read. */
  errorVars: readonly Variable[];
  fastify: boolean;
}

/**
 * Whether a call (not a log call) in an error handler passes the error on to code that logs it:
 * a hand-off (`next(err)`, `reject(err)`), Fastify's `reply.send(err)`, another error handler
 * (`fn(err, req, res, next)`), a helper given the error that logs or is defined elsewhere
 * (`mayLog` decides for same-file helpers), or a callback that logs (`server.close(() => { … })`).
 * Answers to the client (`res.json(…)`, `sendError(res, err)`) and inspections (`isHttpError(err)`) do not.
 */
export function passesErrorOn(context: Context, node: TSESTree.CallExpression, scope: HandlerErrorScope, mayLog: (fn: AnyFunction) => boolean): boolean {
  const { info, errorVars } = scope;
  if (isHandoffCall(node)) return true;
  const own = (ids: (TSESTree.Identifier | undefined)[]) => ids.flatMap((id) => (id ? [id.name] : []));
  if (isResponseObjectCall(node, own([info?.res, info?.ctx, info?.req]))) {
    // Fastify: `reply.send(err)` hands the error to the parent error handler, which logs it.
    return scope.fastify && getPropertyName(node.callee as TSESTree.MemberExpression) === 'send' && isErrorValue(errorVars, node.arguments[0]);
  }
  if (isInspectionCall(node)) return false;
  // `fn(err, req, res, next)`: the error goes to another error handler, which owns logging it,
  // unless that handler is a library's that only answers (oauth2orize's `server.errorHandler()`).
  if (delegatesToAnsweringLibrary(context, node)) return false;
  if (delegatesToHandler(info, errorVars, node)) return true;
  if (isStatementLevel(node) && node.arguments.some((a) => isErrorValue(errorVars, a))) {
    const helper = resolveFunction(context, node.callee);
    // `sendError(res, err)`, `formatResponse(500, res, err)`: a helper from elsewhere named for
    // answering, handed the response object, answers the client; it is not a log.
    if (!helper && isResponseHelperCall(node, own([info?.res, info?.ctx]))) return false;
    if (!helper || mayLog(helper)) return true;
  }
  // `manager.log(\`Uncaught Exception: ${e.stack}\`, true)`: a method of a same-file class (also through a
  // parameter every call fills with an instance of it) that logs at error level, handed the stack text.
  if (isStatementLevel(node) && node.callee.type === AST_NODE_TYPES.MemberExpression && classifyErrorUse(node.arguments, errorVars).kind === 'whole') {
    const method = resolveCalledFunction(context, node.callee);
    if (method && mayLog(method)) return true;
  }
  // server.close(() => { logger.fatal({ err }); process.exit(1) })
  return node.arguments.some((a) => isFunctionNode(a) && callbackLogs(context, a));
}

/**
 * What a declaration in an error handler makes of the error: another alias (`const e = normalize(err)`,
 * `const { stack } = err`) or a value read from it (`const status = err.status ?? 500`); null when
 * its initializer reads neither the error nor a value read from it.
 */
export function classifyErrorDerivation(
  context: Context,
  node: TSESTree.VariableDeclarator,
  errorVars: readonly Variable[],
  derivedVars: readonly Variable[],
): { errors: Variable[]; derived: Variable[] } | null {
  if (!node.init || !readsAny(node.init, [...errorVars, ...derivedVars])) return null;
  const declared = context.sourceCode.getDeclaredVariables(node);
  const init = skipTransparent(node.init);
  if (isErrorAlias(errorVars, init)) return { errors: [...declared], derived: [] };
  // const text = err.stack || err.message: the stack text stands for the error in a log (holdsStackText).
  if (node.id.type === AST_NODE_TYPES.Identifier && declared.every(holdsStackText)) return { errors: [...declared], derived: [] };
  // const { stack } = err
  if (node.id.type === AST_NODE_TYPES.ObjectPattern && isErrorValue(errorVars, init)) {
    const keeps = (v: Variable) => v.name === 'stack' || v.name === 'cause';
    return { errors: declared.filter(keeps), derived: declared.filter((v) => !keeps(v)) };
  }
  return { errors: [], derived: [...declared] };
}

/** The name an error parameter binds (`err`, `err = null`), or null for a pattern or no parameter. */
export function errorParamName(param: TSESTree.Node | null): string | null {
  if (!param) return null;
  const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return id.type === AST_NODE_TYPES.Identifier ? id.name : null;
}

/** Whose error handler this is: a Nest exception filter, a Fastify or Hono error handler, else Express-style `(err, req, res, next)`. */
export function errorHandlerFramework(info: HandlerInfo): 'nest' | 'fastify' | 'hono' | 'express' {
  return info.kind === 'filter' ? 'nest' : info.framework === 'fastify' ? 'fastify' : info.framework === 'hono' ? 'hono' : 'express';
}
