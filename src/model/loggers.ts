import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findEnclosingClass,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getStringValue,
  getVariableInit,
  lastSegment,
  resolveFunction,
  skipTransparent,
  walkSameFunction,
} from './ast.js';
import { fileCache, perFileMap, perNode } from './file-cache.js';
import { dynamicImportBase } from './dynamic-imports.js';
import { getRequiredModule } from './modules.js';
import { levelChosenByArgument } from './helper-log-arguments.js';
import { getSettings } from '../core/settings.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

export function isAtLeast(level: LogLevel, minimum: LogLevel): boolean {
  return levelRank(level) >= levelRank(minimum);
}

/** Logger method name → level. `log` is decided per logger (console/Nest: info; winston: first argument). */
const METHOD_LEVELS: Record<string, LogLevel> = {
  trace: 'trace',
  silly: 'trace',
  debug: 'debug',
  verbose: 'debug',
  info: 'info',
  log: 'info',
  http: 'info',
  notice: 'info',
  success: 'info',
  dir: 'info',
  table: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  exception: 'error',
  crit: 'error',
  critical: 'error',
  fatal: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
};

/** The table's own keys, as a set: asked for every call's name, a set look-up is cheaper than `Object.hasOwn`. */
const LEVEL_METHODS: ReadonlySet<string> = new Set(Object.keys(METHOD_LEVELS));

/** Own keys only: `toString`, `constructor` and the like are not log methods. */
function isLevelMethod(name: string): boolean {
  return LEVEL_METHODS.has(name);
}

/**
 * A method named for logging at a level (`self.logError('uploadRefused', e)`, `this.logWarn(…)`,
 * `logging.logWarn(…)`): a module's or service's own log method, whatever the object is called.
 */
const LEVEL_NAMED_METHOD = /^log(Trace|Debug|Info|Warn|Warning|Error|Fatal)$/u;

/** The method that logs at warn beside `method`: `warn`, or `logWarn` beside a level-named one (`logDebug`). */
export function warnMethodBeside(method: string): string {
  return LEVEL_NAMED_METHOD.test(method) ? 'logWarn' : 'warn';
}

/** The level a level-named log method (`logWarn`) logs at, or null. */
function levelNamedMethodLevel(name: string): LogLevel | null {
  const match = LEVEL_NAMED_METHOD.exec(name);
  return match ? METHOD_LEVELS[match[1]!.toLowerCase()]! : null;
}

/**
 * A module's own log method takes the request first as context when more follows
 * (`self.logError(req, 'api-error', msg)`: Apostrophe's structured log reads url, method and ip off it):
 * the request is not what is logged.
 */
function withoutRequestContext(args: TSESTree.CallExpressionArgument[]): TSESTree.CallExpressionArgument[] {
  const first = args[0];
  return args.length > 1 && first?.type === AST_NODE_TYPES.Identifier && /^(?:req|request)$/u.test(first.name) ? args.slice(1) : args;
}

/** Objects that are loggers by name alone (the last segment of the path). */
const LOGGER_NAME = /^[_#]?(?:console|log|logger|logging|winston|consola|signale|npmlog|bunyan|pino|tslog|log4js|loglevel)$/iu;
/**
 * `auditLogger`, `securityLog`, `appLogger`, `this._logger`, `Logger`, and a logger facade or service
 * (`LoggerProxy` — n8n's —, `this.loggerService`, `auditLogService`); not `dialog`, `catalog`, `backlog`, `blogService`.
 */
const LOGGER_SUFFIX = /(?:^|[a-z0-9_])(?:(?:Logger|Log)(?:Proxy|Service)?|_logger|_log)$|^[_#]?[A-Z]?logger$|^[_#]?[A-Z]?log(?:ger)?(?:Proxy|Service)$/u;
/** The default export of a module as TypeScript's CommonJS output reads it: `log_1.default`, `logging_2.default`. */
const COMPILED_DEFAULT_IMPORT = /^([A-Za-z_$][\w$]*?)_\d+\.default$/u;

/** Calls that create a logger: `pino()`, `winston.createLogger()`, `log4js.getLogger()`, `new Logger()`. */
const LOGGER_FACTORIES = new Set([
  'pino',
  'createLogger',
  'getLogger',
  'winston.createLogger',
  'bunyan.createLogger',
  'log4js.getLogger',
  'createConsola',
  'consola.create',
  'consola.withTag',
  'Logger',
  'ConsoleLogger',
  'PinoLogger',
]);

export interface LoggerCall {
  node: TSESTree.CallExpression;
  level: LogLevel;
  /** `console`, `logger`, `this.logger`, `req.log`, or the helper's path. */
  loggerPath: string | null;
  method: string | null;
  /** How it was recognized. */
  via: 'logger' | 'logFunction' | 'reporter' | 'helper';
  /** Arguments that carry the log content (winston's leading level string removed). */
  args: TSESTree.CallExpressionArgument[];
}

const BUILTIN_REPORTERS = [
  'Sentry.captureException',
  'Sentry.captureMessage',
  'Sentry.captureEvent',
  'newrelic.noticeError',
  'Bugsnag.notify',
  'bugsnag.notify',
  'Rollbar.error',
  'rollbar.error',
  'Honeybadger.notify',
  'honeybadger.notify',
  'airbrake.notify',
];
const REPORTER_METHODS = new Set(['captureException', 'noticeError', 'trackException', 'captureError']);

const callCache = fileCache<Map<TSESTree.CallExpression, LoggerCall | null>>();
const objectCache = fileCache<Map<TSESTree.Node, boolean>>();
const summaryCache = fileCache<Map<AnyFunction, LogLevel | null>>();

function isLoggerFactoryCall(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipTransparent(n.callee);
  // require('pino')(...)
  const required = getRequiredModule(callee);
  if (required !== null) return required === 'pino' || required === 'bunyan' || required === 'debug';
  const path = getCalleePath(n);
  if (path !== null && LOGGER_FACTORIES.has(path)) return true;
  // The method decides on any object: `require('bunyan').createLogger()`, `pino().child()`.
  const last =
    path !== null ? lastSegment(path) : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  if (last === null) return false;
  if (LOGGER_FACTORIES.has(last)) return true;
  // x.child({...}) of a logger
  if (
    last === 'child' &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    depth < 4
  ) {
    return isLoggerObject(context, callee.object, depth + 1);
  }
  return false;
}

/** `this.name` where the class declares `name` as a logger (property init or typed constructor parameter). */
function isLoggerClassMember(context: Context, node: TSESTree.MemberExpression, depth: number): boolean {
  if (node.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = getPropertyName(node);
  const cls = findEnclosingClass(node);
  if (!name || !cls) return false;
  for (const member of cls.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && getPropertyName(member) === name) {
      if (member.value && isLoggerFactoryCall(context, member.value, depth + 1)) return true;
      if (isLoggerType(member.typeAnnotation?.typeAnnotation)) return true;
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const p = param.parameter;
        const id = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
        if (id.type === AST_NODE_TYPES.Identifier && id.name === name && isLoggerType(id.typeAnnotation?.typeAnnotation)) {
          return true;
        }
      }
    }
  }
  return false;
}

function isLoggerType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type || type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name =
    type.typeName.type === AST_NODE_TYPES.Identifier
      ? type.typeName.name
      : type.typeName.type === AST_NODE_TYPES.TSQualifiedName
        ? type.typeName.right.name
        : '';
  return /Log(?:ger)?(?:Service)?$/u.test(name) || name === 'BaseLogger';
}

/** Whether an expression denotes a logger object (the `x` in `x.error(...)`). */
export function isLoggerObject(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const n = skipTransparent(node);
  return perNode(objectCache, context.sourceCode, n, () => computeIsLoggerObject(context, n, depth));
}

function computeIsLoggerObject(context: Context, n: TSESTree.Node, depth: number): boolean {
  const settings = getSettings(context);
  const path = getMemberPath(n);
  if (path !== null) {
    if (settings.loggers.includes(path)) return true;
    const last = lastSegment(path);
    if (path !== 'this' && (LOGGER_NAME.test(last) || LOGGER_SUFFIX.test(last))) return true;
    // `log_1.default`: TypeScript's CommonJS output of `import log from './log'` names the module `log_1`.
    const compiled = COMPILED_DEFAULT_IMPORT.exec(path);
    if (compiled && (LOGGER_NAME.test(compiled[1]!) || LOGGER_SUFFIX.test(compiled[1]!))) return true;
  }
  if (n.type === AST_NODE_TYPES.ThisExpression) return isLoggerClass(findEnclosingClass(n));
  if (depth > 4) return false;
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, n);
    const init = getVariableInit(variable);
    if (init && (isLoggerFactoryCall(context, init, depth) || isLoggerObject(context, init, depth + 1))) return true;
    // A module loaded with `import()` whose path names a logger, bound whole (dynamic-imports.ts).
    const base = variable ? dynamicImportBase(variable) : null;
    return base !== null && (LOGGER_NAME.test(base) || LOGGER_SUFFIX.test(base));
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    return isLoggerClassMember(context, n, depth);
  }
  // c.get('logger'), app.get(Logger)
  if (n.type === AST_NODE_TYPES.CallExpression) {
    if (isLoggerFactoryCall(context, n, depth)) return true;
    const callee = skipTransparent(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'get') {
      const arg = n.arguments[0];
      const key = getStringValue(arg) ?? (arg && arg.type === AST_NODE_TYPES.Identifier ? arg.name : null);
      return key !== null && (LOGGER_NAME.test(key) || LOGGER_SUFFIX.test(key));
    }
  }
  return false;
}

/** A class that is an error reporter by its name: n8n's `ErrorReporter`, a `CrashReporter`. */
const REPORTER_CLASS = /(?:Error|Exception|Crash)Reporter$/u;

/**
 * Whether a class is itself a logger or an error reporter by its name (`class AppLogger`, `let ErrorReporter =
 * class ErrorReporter {…}`), so that its own level methods called on `this` log: n8n's
 * `process.on('uncaughtException', (error) => { this.error(error) })` inside `ErrorReporter`.
 */
function isLoggerClass(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression | null): boolean {
  if (!cls) return false;
  const name =
    cls.id?.name ??
    (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier ? cls.parent.id.name : null);
  return name !== null && (LOGGER_NAME.test(name) || LOGGER_SUFFIX.test(name) || REPORTER_CLASS.test(name));
}

function levelFromWinstonLog(node: TSESTree.CallExpression): { level: LogLevel; args: TSESTree.CallExpressionArgument[] } | null {
  const first = node.arguments[0];
  const literal = getStringValue(first);
  if (literal !== null && isLevelMethod(literal) && literal !== 'log') {
    return { level: METHOD_LEVELS[literal]!, args: node.arguments.slice(1) };
  }
  if (first && first.type === AST_NODE_TYPES.ObjectExpression) {
    for (const prop of first.properties) {
      if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === 'level') {
        const value = getStringValue(prop.value);
        if (value !== null && isLevelMethod(value)) return { level: METHOD_LEVELS[value]!, args: node.arguments };
      }
    }
  }
  return null;
}

export function isReporterCall(context: Context, node: TSESTree.CallExpression): boolean {
  const path = getCalleePath(node);
  if (path === null) return false;
  if (BUILTIN_REPORTERS.includes(path) || getSettings(context).reporters.includes(path)) return true;
  return REPORTER_METHODS.has(lastSegment(path));
}

function isLogFunctionCall(context: Context, node: TSESTree.CallExpression): boolean {
  const path = getCalleePath(node);
  if (path === null) return false;
  const configured = getSettings(context).logFunctions;
  return configured.includes(path);
}

/**
 * Recognize a direct logging call: a logger method, a configured log function or an
 * error reporter. Same-file helpers are `getLoggingCall`'s business.
 */
export function getLoggerCall(context: Context, node: TSESTree.CallExpression): LoggerCall | null {
  if (!mayBeLoggerCall(context, node)) return null;
  return perNode(callCache, context.sourceCode, node, () => computeLoggerCall(context, node));
}

/** The last names of the built-in reporters and reporter methods: `captureException`, `notify`, `error`. */
const REPORTER_LAST_NAMES = new Set([...REPORTER_METHODS, ...BUILTIN_REPORTERS.map(lastSegment)]);
/** The names mayBeLoggerCall accepts by one look-up: the level methods and the reporters' last names. */
const GATE_NAMES: ReadonlySet<string> = new Set([...LEVEL_METHODS, ...REPORTER_LAST_NAMES]);

/**
 * The last name of a call's callee path as getCalleePath would end it (`error` in
 * `this.logger.error(…)`, `notify` in `notify(…)`), or null when the path has none.
 */
function calleeLastName(node: TSESTree.CallExpression): string | null {
  const callee = skipTransparent(node.callee);
  switch (callee.type) {
    case AST_NODE_TYPES.Identifier:
      return callee.name;
    case AST_NODE_TYPES.MemberExpression:
      return getPropertyName(callee);
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Super:
      return 'super';
    default:
      return null;
  }
}

/**
 * A cheap name check that every call computeLoggerCall accepts passes: a logger's level method,
 * a reporter's name, or any name when the settings list log functions or reporters of their own.
 */
function mayBeLoggerCall(context: Context, node: TSESTree.CallExpression): boolean {
  const name = calleeLastName(node);
  if (name === null) return false;
  // One set look-up for the usual names; a computed key may hold a dot (`x['a.captureException']()`), and
  // then the path's last segment decides (lastSegment, only for such a name); `logWarn` starts with `log`.
  if (GATE_NAMES.has(name) || (name.includes('.') && REPORTER_LAST_NAMES.has(lastSegment(name))) || (name.startsWith('log') && LEVEL_NAMED_METHOD.test(name))) return true;
  const settings = getSettings(context);
  return settings.logFunctions.length > 0 || settings.reporters.length > 0;
}

function computeLoggerCall(context: Context, node: TSESTree.CallExpression): LoggerCall | null {
  const callee = skipTransparent(node.callee);
  if (isLogFunctionCall(context, node)) {
    return { node, level: 'error', loggerPath: getCalleePath(node), method: null, via: 'logFunction', args: node.arguments };
  }
  if (isReporterCall(context, node)) {
    return { node, level: 'error', loggerPath: getCalleePath(node), method: null, via: 'reporter', args: node.arguments };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (method === null) return null;
  const named = levelNamedMethodLevel(method);
  if (named) return { node, level: named, loggerPath: getMemberPath(callee.object), method, via: 'logger', args: withoutRequestContext(node.arguments) };
  if (!isLevelMethod(method)) return null;
  if (method === 'log') {
    const hapi = hapiTaggedLog(node, callee);
    if (hapi) return hapi;
  }
  if (!isLoggerObject(context, callee.object)) return null;
  const loggerPath = getMemberPath(callee.object);
  if (method === 'log' && loggerPath !== 'console') {
    const winston = levelFromWinstonLog(node);
    if (winston) return { node, level: winston.level, loggerPath, method, via: 'logger', args: winston.args };
  }
  return { node, level: METHOD_LEVELS[method]!, loggerPath, method, via: 'logger', args: node.arguments };
}

/** Hapi's tags that name a level; any other tag set logs at info. */
const HAPI_TAG_LEVELS: Readonly<Record<string, LogLevel>> = { fatal: 'fatal', critical: 'fatal', error: 'error', err: 'error', warn: 'warn', warning: 'warn', info: 'info', debug: 'debug', trace: 'trace' };

/**
 * Hapi's event log: `request.log(['auth', 'error'], 'Fails to find the user')`, `server.log(['db', 'warn'], err)`.
 * The first argument is a list of tags, the level is the highest a tag names (info when none does);
 * hapi-pino and good write these events like any logger's line.
 */
function hapiTaggedLog(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): LoggerCall | null {
  const tags = node.arguments[0];
  if (tags?.type !== AST_NODE_TYPES.ArrayExpression || tags.elements.length === 0) return null;
  const path = getMemberPath(callee.object);
  if (path === null || !/^(?:request|req|server)$/u.test(lastSegment(path))) return null;
  // `[id, 'error']`: tags may be computed; one written out says it is a tag list.
  let level: LogLevel | null = null;
  let written = false;
  for (const tag of tags.elements) {
    if (!tag || tag.type === AST_NODE_TYPES.SpreadElement) return null;
    const text = getStringValue(tag)?.toLowerCase() ?? null;
    if (text === null) continue;
    written = true;
    const named = Object.hasOwn(HAPI_TAG_LEVELS, text) ? HAPI_TAG_LEVELS[text]! : null;
    if (named && (level === null || levelRank(named) > levelRank(level))) level = named;
  }
  if (!written) return null;
  return { node, level: level ?? 'info', loggerPath: path, method: 'log', via: 'logger', args: node.arguments.slice(1) };
}

/**
 * Whether some call in `fn` (not in nested functions) logs at `minimum` or above — on any path, not
 * necessarily every one: `onLimitReached(req) { if (first) logger.warn('limit', { ip: req.ip }) }`.
 */
export function logsSomewhereAtLeast(context: Context, fn: AnyFunction, minimum: LogLevel): boolean {
  let found = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const level = getLoggingLevel(context, node);
        if (level && isAtLeast(level, minimum)) found = true;
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * The level a same-file helper function logs at on every path through it (the lowest
 * such level when paths differ), or null when some path may log nothing.
 * `function fail(res) { logger.warn('denied'); res.status(403).end(); }` → 'warn'.
 */
export function getHelperLogLevel(context: Context, fn: AnyFunction, depth = 0): LogLevel | null {
  const answers = perFileMap(summaryCache, context.sourceCode);
  if (answers.has(fn)) return answers.get(fn)!;
  answers.set(fn, null); // recursion guard
  const rankOf = (expr: TSESTree.Node | null | undefined): number => {
    if (!expr) return NOTHING;
    const e = skipTransparent(expr);
    if (e.type !== AST_NODE_TYPES.CallExpression) return NOTHING;
    const level = getLoggingLevel(context, e, depth + 1);
    return level ? levelRank(level) : NOTHING;
  };
  const flow =
    fn.body.type === AST_NODE_TYPES.BlockStatement
      ? summarizeStatements(context, fn.body.body, NOTHING, rankOf)
      : { fall: null, exit: rankOf(fn.body) };
  const rank = lowest(flow.fall, flow.exit);
  const best = rank === null || rank === NOTHING ? null : LOG_LEVELS[rank]!;
  answers.set(fn, best);
  return best;
}

/** Rank of a path that logged nothing. */
const NOTHING = -1;

/**
 * For the paths through some statements: the lowest "highest level logged" among the
 * paths that fall through (`fall`) and among those that return or throw (`exit`);
 * null when there is no such path.
 */
interface Flow {
  fall: number | null;
  exit: number | null;
}

function lowest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function summarizeStatements(
  context: Context,
  statements: readonly TSESTree.Statement[],
  incoming: number,
  rankOf: (expr: TSESTree.Node | null | undefined) => number,
): Flow {
  let fall: number | null = incoming;
  let exit: number | null = null;
  for (const statement of statements) {
    if (fall === null) break;
    const flow = summarizeStatement(context, statement, fall, rankOf);
    exit = lowest(exit, flow.exit);
    fall = flow.fall;
  }
  return { fall, exit };
}

function summarizeStatement(
  context: Context,
  statement: TSESTree.Statement,
  incoming: number,
  rankOf: (expr: TSESTree.Node | null | undefined) => number,
): Flow {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return { fall: Math.max(incoming, rankOf(statement.expression)), exit: null };
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return { fall: null, exit: Math.max(incoming, rankOf(statement.argument)) };
    case AST_NODE_TYPES.BlockStatement:
      return summarizeStatements(context, statement.body, incoming, rankOf);
    case AST_NODE_TYPES.IfStatement: {
      const consequent = summarizeStatement(context, statement.consequent, incoming, rankOf);
      const alternate = statement.alternate
        ? summarizeStatement(context, statement.alternate, incoming, rankOf)
        : { fall: incoming, exit: null };
      return { fall: lowest(consequent.fall, alternate.fall), exit: lowest(consequent.exit, alternate.exit) };
    }
    default: {
      // Loops, switch, try, labels: what they log may not run, and a return or throw
      // inside them may leave the function before anything after them runs.
      let leaves = false;
      walkSameFunction(
        statement,
        (node) => {
          if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) leaves = true;
          return !leaves;
        },
        context.sourceCode.visitorKeys,
      );
      return { fall: incoming, exit: leaves ? incoming : null };
    }
  }
}

/**
 * The level at which this call logs, counting logger methods, configured log functions,
 * reporters and same-file helpers that always log. Null when it does not log.
 */
export function getLoggingLevel(context: Context, node: TSESTree.CallExpression, depth = 0): LogLevel | null {
  const direct = getLoggerCall(context, node);
  if (direct) return direct.level;
  if (depth > 3) return null;
  const fn = resolveFunction(context, node.callee);
  if (!fn) return null;
  return levelChosenByArgument(node, fn, (call) => getLoggingLevel(context, call, depth + 1), levelRank) ?? getHelperLogLevel(context, fn, depth);
}

/** True when a function value passed as a callback is a logger method (`.catch(console.error)`, `.catch(logger.warn)`). */
export function getLoggerReferenceLevel(context: Context, node: TSESTree.Node): LogLevel | null {
  let n = skipTransparent(node);
  // logger.error.bind(logger)
  if (
    n.type === AST_NODE_TYPES.CallExpression &&
    n.callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyName(n.callee) === 'bind'
  ) {
    n = skipTransparent(n.callee.object);
  }
  if (n.type !== AST_NODE_TYPES.MemberExpression) {
    const path = getMemberPath(n);
    if (path !== null && getSettings(context).logFunctions.includes(path)) return 'error';
    return null;
  }
  const method = getPropertyName(n);
  if (method === null) return null;
  const path = getMemberPath(n);
  if (path !== null && (getSettings(context).logFunctions.includes(path) || BUILTIN_REPORTERS.includes(path) || REPORTER_METHODS.has(method))) {
    return 'error';
  }
  if (!isLevelMethod(method) || !isLoggerObject(context, n.object)) return null;
  return METHOD_LEVELS[method]!;
}

export { getDebugLogCall } from './debug-functions.js';
