/**
 * Why can this code fail? A caught failure matters to the people who run a service when it
 * comes from outside the process — a database, an HTTP call, a queue, a file write, another
 * program — because then a fallback turns an outage into an ordinary-looking answer. A parse
 * of untrusted text, a validator that throws or a read of an optional file fails because of
 * its input, and the fallback is the answer.
 *
 * No type information: the answer comes from what the code does (it awaits a call, calls a
 * client, writes a file) and from same-file functions read through.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getRootIdentifier,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTypeWrappers,
  unwrapIndirectCall,
  walkSameFunction,
} from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { getHelperLogLevel, getLoggingLevel } from './loggers.js';
import { systemModuleOf } from './modules.js';
import { isInProcessCryptoCall } from './in-process-crypto.js';
import { COMPILER_HELPER, isClockRead, isPureUtilityCall } from './pure-calls.js';
import { getResponseSink } from './responses.js';
import { isSecretName } from './secrets/names.js';
import { isShellQuestion } from './shell-probes.js';
import { isResponseName } from './response-names.js';

/**
 * What a piece of code can fail for, strongest first:
 * - `external`: a call to something outside the process (awaited, or a client / database / HTTP / queue / file write);
 * - `unknown`: a call the file does not explain;
 * - `probe`: only parses, validators, optional reads and its own `throw`s — failing is an answer about the input;
 * - `none`: no call at all.
 */
export type FailureSource = 'external' | 'unknown' | 'probe' | 'none';

/**
 * How one call contributes: `logs` and `pure` calls cannot be the reason a catch exists, and
 * neither can `telemetry` — recording product analytics, metrics or traces, whose failure loses
 * a data point about the service, not the service's own work.
 */
export type CallFailure = FailureSource | 'logs' | 'pure' | 'telemetry';

const RANK: Record<FailureSource, number> = { none: 0, probe: 1, unknown: 2, external: 3 };

/**
 * Calls whose failure is an expected answer about their input, by the last segment of their path
 * (or the full path). Reads of optional files and modules belong here too: "missing" is an answer.
 */
export const BUILTIN_PROBES: readonly string[] = [
  'JSON.parse',
  'JSON.stringify',
  'URL',
  'URLSearchParams',
  'Date',
  'RegExp',
  'require.resolve',
  'require',
  'import',
  'resolve',
  'access',
  'accessSync',
  'stat',
  'statSync',
  'lstat',
  'lstatSync',
  'exists',
  'existsSync',
  'pathExists',
  'pathExistsSync',
  'realpath',
  'realpathSync',
  'readlink',
  'readlinkSync',
  'readFile',
  'readFileSync',
  'readJson',
  'readJSON',
  'readJsonSync',
  'readdir',
  'readdirSync',
  'unlink',
  'unlinkSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'mkdir',
  'mkdirSync',
  'Number',
  'BigInt',
  'parseInt',
  'parseFloat',
  'decodeURIComponent',
  'decodeURI',
  'encodeURIComponent',
  'atob',
  'btoa',
  'Buffer.from',
  'structuredClone',
  'timingSafeEqual',
  // Reading the body of a response that already failed: the fallback is the answer.
  'json',
  'text',
];

/** Parsers and converters of a value in hand: `parse`, `parseJSON`, `qs.parse`, `toArray`, `fromBuffer`, `cron.parseExpression`. */
const PARSE_NAME =
  /^(?:parse|decode|deserialize|unserialize|unmarshal|unpack|inflate|convert|coerce|cast|compile|format|(?:parse|decode|deserialize|compile|convert|normalize)[A-Z]\w*|to[A-Z]\w*|from[A-Z]\w*|\w+(?:Parse|Parser|Decode|Decoder))$/u;

/** Validators that throw for bad input: `validate(x)`, `ensureValidUrl(x)`, `assertOwner(x)`, `checkUserRequirements(a)`, `isAllowed(x)`. */
const VALIDATOR_NAME = /^(?:validate|verify|check|assert|ensure|is|has|can|must)(?:[A-Z_]\w*)?$/u;

/**
 * `ensureArray(x)`, `ensureString(name)`, `ensureNumber(limit)`: a value coerced to a JavaScript type (`[x]`, `''`, `0`
 * for anything else), not a validator that throws (`ensureValidUrl`, `ensureOwner`).
 */
const COERCION_NAME = /^ensure(?:Array|String|Number|Boolean|Bool|Integer|Int|Float|Object|PlainObject)$/u;

/** `getFlag`, `getByNameAndVersion`, `getEnv`: a read by name. */
const GETTER_NAME = /^get[A-Z]\w*$/u;

/** Calls that cannot be the reason a `try` exists: path, string, collection and object helpers. */
const PURE_HELPERS = new Set([
  'join', 'basename', 'dirname', 'extname', 'normalize', 'relative', 'isAbsolute', 'resolvePath',
  'toString', 'trim', 'toLowerCase', 'toUpperCase', 'slice', 'split', 'replace', 'replaceAll', 'includes', 'indexOf',
  'startsWith', 'endsWith', 'filter', 'map', 'flatMap', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort', 'concat',
  'push', 'unshift', 'pop', 'shift', 'splice', 'set', 'add', 'has', 'get', 'delete', 'keys', 'values', 'entries', 'assign', 'freeze',
  'String', 'Boolean', 'Array', 'Object', 'Symbol', 'test', 'exec', 'match', 'matchAll', 'padStart', 'padEnd', 'repeat',
  'now', 'getTime', 'valueOf', 'toISOString', 'toFixed', 'floor', 'ceil', 'round', 'min', 'max', 'abs', 'random',
  'pick', 'omit', 'clone', 'cloneDeep', 'merge', 'isArray', 'isObject', 'isString', 'isEmpty', 'isNil', 'bind', 'call', 'apply',
  'escape', 'unescape', 'encodeURIComponent', 'encodeURI',
  // `Buffer.byteLength(text)`: a size computed from a value in hand.
  'byteLength',
]);

/** Receivers that talk to another system: `db.`, `this.knex.`, `prisma.user.`, `stripeClient.`, `usersService.`, `this.repo.`. */
const EXTERNAL_RECEIVER =
  /^[_#]?(?:db|database|knex|trx|tx|prisma|sequelize|mongoose|mongo|typeorm|orm|em|entityManager|dataSource|connection|conn|pool|client|redis|queue|producer|publisher|broker|channel|bus|kafka|amqp|mq|nats|s3|storage|bucket|stripe|mailer|mail|smtp|transport|transporter|api|http|https|axios|got|superagent|needle|undici|webhook|webhooks|sftp|ftp|elasticsearch|es|ldap|graphql|grpc)$/iu;
const EXTERNAL_RECEIVER_SUFFIX = /[a-z0-9](?:Client|Repository|Repo|Model|Service|Api|API|Db|DB|Queue|Gateway|Mailer|Transport|Connection|Pool|Producer|Publisher)$/u;

/** Functions that call another system by themselves. */
const EXTERNAL_FUNCTIONS = new Set(['fetch', 'axios', 'got', 'request', 'superagent', 'needle', 'ky', 'ofetch', '$fetch', 'sendMail', 'sendEmail']);

/** File writes and other programs: the disk or the other program can fail. */
const WRITE_OR_SPAWN = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync',
  'writeJson', 'writeJsonSync', 'copyFile', 'copyFileSync', 'createWriteStream',
  'exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork',
]);
const FS_ROOT = /^(?:fs|fsp|fse|fsExtra|fs\.promises|promises)$/u;

/** A PascalCase model's query: `User.findOne()`, `Post.create()`. */
const MODEL_QUERY = /^(?:find\w*|create\w*|insert\w*|update\w*|upsert\w*|delete\w*|destroy|remove|save|count|aggregate|query|bulkWrite|increment|decrement)$/u;
/** Query execution on any receiver: `query.exec()`, `pool.query()`, `knex.raw()`. */
const QUERY_EXECUTION = new Set(['execute', 'query', 'raw', 'transaction', 'commit', 'rollback']);

export interface FailureOptions {
  /** Extra probe names or paths (`yaml.load`). */
  probes?: ReadonlySet<string>;
  /**
   * Whether a call the file cannot resolve reaches a function that logs its own failures elsewhere
   * (a project module's, see project-modules.ts): such a call counts as `logs`, like a same-file one.
   * Asked only by a caller that is about to report, so that no other module is read before then.
   */
  calleeLogs?: (call: TSESTree.CallExpression) => boolean;
}

const blockCache = fileCache<Map<TSESTree.Node, FailureSource>>();

/** What the calls in `root` (not in nested functions) can fail for. */
export function classifyFailures(context: Context, root: TSESTree.Node, options: FailureOptions = {}, depth = 0): FailureSource {
  const useCache = (!options.probes || options.probes.size === 0) && !options.calleeLogs;
  if (useCache && perFileMap(blockCache, context.sourceCode).has(root)) return perFileMap(blockCache, context.sourceCode).get(root)!;
  if (useCache) perFileMap(blockCache, context.sourceCode).set(root, 'unknown'); // recursion guard
  let result: FailureSource = 'none';
  walkSameFunction(
    root,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        result = stronger(result, 'probe');
      } else if (node.type === AST_NODE_TYPES.TryStatement && node.handler && !mayRethrow(node.handler, context)) {
        // `try { return await find() } catch { return null }`: what fails in the block stays in this catch
        // (which answers for itself); only the catch and the finally can fail outward.
        for (const part of [node.handler.body, node.finalizer]) {
          if (part) result = stronger(result, classifyFailures(context, part, options, depth));
        }
        return false;
      } else if (node.type === AST_NODE_TYPES.TaggedTemplateExpression && node.parent?.type === AST_NODE_TYPES.AwaitExpression) {
        // await this.prisma.$queryRaw`SELECT 1`, await sql`…`, await $`git pull`: an awaited tagged template is a call
        // whose tag sends the text somewhere (a database, a shell) and waits for the answer.
        result = stronger(result, 'external');
      } else if (node.type === AST_NODE_TYPES.CallExpression && isSwallowingCatchLink(context, node)) {
        // `await credits.increment(usage).catch(() => {})`: the chain's failures stay in its own handler.
        return false;
      } else if (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.ImportExpression
      ) {
        const kind = classifyCall(context, node, options, depth);
        if (kind !== 'logs' && kind !== 'pure' && kind !== 'telemetry') result = stronger(result, kind);
        // `log.debug(`records: ${JSON.stringify(records)}`)`: building a log message is not the work the try guards.
        if (kind === 'logs' && node.type === AST_NODE_TYPES.CallExpression && getLoggingLevel(context, node) !== null && !awaitsInside(node, context)) return false;
      }
      return result !== 'external';
    },
    context.sourceCode.visitorKeys,
  );
  if (useCache) perFileMap(blockCache, context.sourceCode).set(root, result);
  return result;
}

/**
 * `p.catch(() => {})`, `p.catch((e) => fallback)` as the last link of a chain: its handler is a function
 * that neither throws nor returns a rejection, so the chain cannot fail where it is awaited.
 */
export function isSwallowingCatchLink(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'catch' || call.arguments.length !== 1) return false;
  const handler = skipTypeWrappers(call.arguments[0]!);
  // An async handler's own awaits can reject.
  if (!isFunctionNode(handler) || handler.async) return false;
  // `.catch(…).then(next)`: the later links can still fail.
  if (call.parent?.type === AST_NODE_TYPES.MemberExpression && call.parent.object === call) return false;
  let rejects = false;
  walkSameFunction(
    handler.body,
    (n) => {
      if (n.type === AST_NODE_TYPES.ThrowStatement || (n.type === AST_NODE_TYPES.CallExpression && getCalleePath(n) === 'Promise.reject')) rejects = true;
      return !rejects;
    },
    context.sourceCode.visitorKeys,
  );
  return !rejects;
}

/** Something in the node (not in a nested function) is awaited. */
function awaitsInside(node: TSESTree.Node, context: Context): boolean {
  let found = false;
  walkSameFunction(node, (n) => !(found ||= n.type === AST_NODE_TYPES.AwaitExpression), context.sourceCode.visitorKeys);
  return found;
}

/** The catch throws on some path (a `throw` of its own, not in a nested function). */
function mayRethrow(handler: TSESTree.CatchClause, context: Context): boolean {
  let throws = false;
  walkSameFunction(
    handler.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement) throws = true;
      return !throws;
    },
    context.sourceCode.visitorKeys,
  );
  return throws;
}

/** What one call can fail for. */
export function classifyCall(
  context: Context,
  call: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression,
  options: FailureOptions = {},
  depth = 0,
  /** The caller knows the call's promise is used (`f().catch(…)`). */
  asynchronous = false,
): CallFailure {
  if (call.type === AST_NODE_TYPES.ImportExpression) return 'probe';
  if (call.type === AST_NODE_TYPES.CallExpression && getLoggingLevel(context, call) !== null) return 'logs';
  const callee = unwrapIndirectCall(call.callee);
  const path = getMemberPath(callee);
  const awaited = asynchronous || isAwaited(call);
  // `new Date()`: reading the clock cannot fail (a date built from a value is a probe of it, below).
  if (isClockRead(call)) return 'pure';
  if (isProbePath(path, options)) return 'probe';
  if (call.type === AST_NODE_TYPES.CallExpression && isTelemetryCall(context, call, callee)) return 'telemetry';
  // Writing the answer (`res.sendFile(p)`, `res.json(x)`): the response reports its own failures.
  if (call.type === AST_NODE_TYPES.CallExpression && isResponseCall(context, call, callee)) return 'pure';
  if (call.type === AST_NODE_TYPES.NewExpression) {
    // Building an object from a value validates the value: `new URL(x)`, `new Netmask(cidr)`, `new Parser(input)`.
    return path === 'Promise' ? (awaited ? 'external' : 'unknown') : 'probe';
  }
  const method =
    path !== null ? lastSegment(path) : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  // `new Parser(input).result()`: asking the parsed object.
  if (callee.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(callee.object).type === AST_NODE_TYPES.NewExpression) {
    return isClockRead(skipTypeWrappers(callee.object)) ? 'pure' : 'probe';
  }
  if (method !== null && PARSE_NAME.test(method)) return 'probe';
  // `await jwtVerify(token, secret)`, `await crypto.subtle.verify(…)`: crypto on values in hand answers with its verdict, as `jwt.verify` does.
  if (call.type === AST_NODE_TYPES.CallExpression && isInProcessCryptoCall(context, call)) return 'probe';
  // `_objectSpread({}, options)`, `__assign({}, a)`: a compiler's helper copies or shapes a value in hand.
  if (method !== null && COMPILER_HELPER.test(method)) return 'pure';
  if (method !== null && COERCION_NAME.test(method) && !awaited) return 'pure';
  // A validator or permission check answers with its throw: `validateAccess(opts)`, `canThis(ctx).edit.post(id)`.
  if ((method !== null && VALIDATOR_NAME.test(method)) || receiverCalls(callee).some((name) => VALIDATOR_NAME.test(name))) return 'probe';
  // `execSync('test -w "/usr/lib"')`, `execSync('which docker')`: the exit status answers a question, like `fs.accessSync`.
  if (method !== null && isShellQuestion(method, call.arguments) && systemModuleOf(context, call) === 'child_process') return 'probe';
  const fn = depth < 3 ? resolveFunction(context, callee) : null;
  if (fn && fn !== getEnclosingFunction(call)) return classifyFunction(context, fn, options, depth + 1);
  if (!fn && options.calleeLogs?.(call)) return 'logs';
  if (isExternalByName(call, callee, path, method)) return 'external';
  if (method !== null && PURE_HELPERS.has(method) && !awaited) return 'pure';
  // A synchronous getter on an object in hand (`nodeTypes.getByNameAndVersion(name)`, `flags.getFlag(key)`,
  // `config.getEnv('ui.banners')`): a read of in-process state; I/O would be awaited or named above.
  if (method !== null && callee.type === AST_NODE_TYPES.MemberExpression && GETTER_NAME.test(method) && !awaited) return 'pure';
  // `_.castArray(x)`, `(0, _isPlainObject["default"])(x)`, `uuid.v4()`: a utility package's function does no I/O.
  if (!awaited && isPureUtilityCall(context, callee)) return 'pure';
  return awaited ? 'external' : 'unknown';
}

/**
 * A same-file function: one that logs its own failures is handled already (`logs`); otherwise
 * it fails for whatever its body fails for — a validator that only throws is a `probe`.
 */
function classifyFunction(context: Context, fn: AnyFunction, options: FailureOptions, depth: number): CallFailure {
  if (logsOwnFailures(context, fn)) return 'logs';
  const source = classifyFailures(context, fn.body, options, depth);
  return source === 'none' ? 'probe' : source;
}

/** The function logs on every path, or each of its catch clauses logs. */
export function logsOwnFailures(context: Context, fn: AnyFunction): boolean {
  if (getHelperLogLevel(context, fn) !== null) return true;
  let catches = 0;
  let logging = 0;
  walkSameFunction(
    fn.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CatchClause) return true;
      catches += 1;
      const logs = node.body.body.some(
        (s) =>
          s.type === AST_NODE_TYPES.ExpressionStatement &&
          s.expression.type === AST_NODE_TYPES.CallExpression &&
          getLoggingLevel(context, s.expression) !== null,
      );
      if (logs) logging += 1;
      return true;
    },
    context.sourceCode.visitorKeys,
  );
  return catches > 0 && catches === logging;
}

function isProbePath(path: string | null, options: FailureOptions): boolean {
  if (path === null) return false;
  const extra = options.probes;
  const last = lastSegment(path);
  const bare = path.replace(/^(?:fs|fsp|fse|fsExtra|fs\.promises|promises)\./u, '');
  return (
    BUILTIN_PROBES.includes(path) ||
    BUILTIN_PROBES.includes(last) ||
    BUILTIN_PROBES.includes(bare) ||
    (!!extra && (extra.has(path) || extra.has(last) || extra.has(bare)))
  );
}


function isExternalByName(call: TSESTree.CallExpression, callee: TSESTree.Node, path: string | null, method: string | null): boolean {
  if (path !== null && EXTERNAL_FUNCTIONS.has(path)) return true;
  if (path !== null && method !== null && WRITE_OR_SPAWN.has(method)) {
    const receiver = path !== null && path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
    if (receiver === null || FS_ROOT.test(receiver) || /^(?:child_process|cp|childProcess)$/u.test(receiver)) return true;
  }
  const isMethod = callee.type === AST_NODE_TYPES.MemberExpression;
  if (method !== null && isMethod && (QUERY_EXECUTION.has(method) || (method === 'exec' && call.arguments.length === 0))) return true;
  // The object the method is called on: `this.knex.raw()`, `trx('t').insert()`, `User.findOne()` (not `strapi.db.metadata.get()`).
  const receiver = receiverSegments(callee)[0];
  if (receiver === undefined) return false;
  if (EXTERNAL_RECEIVER.test(receiver) || EXTERNAL_RECEIVER_SUFFIX.test(receiver)) return true;
  return /^[A-Z][a-z]\w*$/u.test(receiver) && method !== null && MODEL_QUERY.test(method);
}

/** Names of the functions called along the receiver chain: `canThis` in `canThis(ctx).edit.post(id)`. */
function receiverCalls(callee: TSESTree.Node): string[] {
  const out: string[] = [];
  let n = skipTypeWrappers(callee);
  for (let i = 0; i < 12; i++) {
    if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTypeWrappers(n.object);
    else if (n.type === AST_NODE_TYPES.CallExpression) {
      const inner = skipTypeWrappers(n.callee);
      const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : inner.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(inner) : null;
      if (name !== null) out.push(name);
      n = inner;
    } else break;
  }
  return out;
}

/** Names along the callee's receiver chain, calls crossed: `this.knex.select(...).from` → `knex`, `this`. */
export function receiverSegments(callee: TSESTree.Node): string[] {
  const out: string[] = [];
  let n = skipTypeWrappers(callee);
  if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTypeWrappers(n.object);
  else return out;
  for (let i = 0; i < 12; i++) {
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      if (name !== null) out.push(name);
      n = skipTypeWrappers(n.object);
    } else if (n.type === AST_NODE_TYPES.CallExpression) {
      // `trx('table').insert()`, `getClient().send()`: the function that made the receiver.
      const inner = skipTypeWrappers(n.callee);
      if (inner.type === AST_NODE_TYPES.Identifier) out.push(inner.name);
      n = inner;
    } else if (n.type === AST_NODE_TYPES.Identifier) {
      out.push(n.name);
      break;
    } else if (n.type === AST_NODE_TYPES.ChainExpression) {
      n = n.expression;
    } else {
      break;
    }
  }
  return out;
}

/** The call's promise is awaited: `await f()`, `await f().then(g)`, `await Promise.all([f()])`. */
export function isAwaited(call: TSESTree.Node): boolean {
  let node: TSESTree.Node = call;
  for (let i = 0; i < 8; i++) {
    const parent = node.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return true;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        node = parent;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        // f().then(...) / .catch / .finally
        const name = parent.object === node ? getPropertyName(parent) : null;
        if (name !== 'then' && name !== 'catch' && name !== 'finally') return false;
        if (parent.parent?.type !== AST_NODE_TYPES.CallExpression) return false;
        node = parent.parent;
        break;
      }
      case AST_NODE_TYPES.ArrayExpression:
        node = parent;
        break;
      case AST_NODE_TYPES.CallExpression: {
        const path = getCalleePath(parent);
        if (path === null || !/^Promise\.(?:all|allSettled|race|any)$/u.test(path)) return false;
        node = parent;
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

function stronger(a: FailureSource, b: FailureSource): FailureSource {
  return RANK[b] > RANK[a] ? b : a;
}


/** A call on the HTTP response: `res.sendFile(p)`, `res.status(404).end()`, `reply.send(x)`. */
export function isResponseCall(context: Context, call: TSESTree.CallExpression, callee: TSESTree.Node = call.callee): boolean {
  if (getResponseSink(context, call) !== null) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = getRootIdentifier(callee, true);
  return root !== null && isResponseName(root.name);
}

/** Words that name product analytics, metrics and tracing: `this.telemetry.track`, `posthog.capture`, `withLifecycleTrace`, `metrics.send`. */
const TELEMETRY_WORDS = new Set([
  'telemetry', 'analytics', 'metric', 'metrics', 'tracing', 'tracer', 'trace', 'traces',
  'posthog', 'mixpanel', 'amplitude', 'statsd', 'datadog', 'instrumentation', 'beacon',
]);

/** Lower-case words of an identifier path: `this.telemetryClient.trackEvent` → this, telemetry, client, track, event. */
export function identifierWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Whether a name or path names telemetry (analytics, metrics, tracing). */
export function namesTelemetry(text: string): boolean {
  return identifierWords(text).some((w) => TELEMETRY_WORDS.has(w));
}

/** HTTP calls whose target decides what they are for: `fetch(`${analyticsUrl}/track`)`. */
const HTTP_SEND = new Set(['fetch', 'post', 'put', 'request', 'send']);

/**
 * A call that records telemetry: its callee path names analytics, metrics or tracing
 * (`strapi.telemetry.send(…)`, `this.metrics.record(…)`, `withSandboxLifecycleTrace(…)`), or an HTTP
 * call whose URL does (`strapi.fetch(`${analyticsUrl}/api/v2/track`, …)`).
 */
function isTelemetryCall(context: Context, call: TSESTree.CallExpression, callee: TSESTree.Node): boolean {
  const text = context.sourceCode.getText(callee);
  if (text.length <= 200 && namesTelemetry(text)) return true;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  const url = call.arguments[0];
  if (method === null || !HTTP_SEND.has(method) || !url || url.type === AST_NODE_TYPES.SpreadElement) return false;
  const urlText = context.sourceCode.getText(url);
  return urlText.length <= 200 && namesTelemetry(urlText);
}

/** Whether `fn` is the function `node` sits in (a recursive call is another attempt). */
export function isCallToEnclosing(context: Context, call: TSESTree.CallExpression, from: TSESTree.Node): boolean {
  const fn = resolveFunction(context, call.callee);
  if (!fn) return false;
  let current: TSESTree.Node | undefined = from;
  while (current) {
    if (isFunctionNode(current) && current === fn) return true;
    current = current.parent;
  }
  return false;
}

/**
 * Words that name a security control: authentication, sessions, tokens, credentials, secrets, keys,
 * encryption, signatures, permissions. A failure of such an operation that a catch turns into an
 * ordinary answer is what an attacker or an outage hides behind ("invalid token", "not logged in").
 */
const SECURITY_WORDS = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authenticator', 'authorize', 'authorized',
  'authorization', 'authorise', 'authorised', 'authorisation', 'token', 'tokens', 'jwt', 'jwks', 'session', 'sessions',
  'credential', 'credentials', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'passphrase', 'decrypt', 'decrypted',
  'decryption', 'encrypt', 'encrypted', 'encryption', 'cipher', 'decipher', 'signature', 'hmac', 'otp', 'otc', 'totp', 'mfa',
  'permission', 'permissions', 'acl', 'rbac', 'login', 'logon', 'signin', 'oauth', 'oauth2', 'oidc', 'saml', 'ldap', 'sso',
  'apikey', 'identity', 'impersonate', 'csrf', 'xsrf', 'nonce', 'accountability',
  'unauthorized', 'unauthenticated', 'forbidden', 'integrity', 'audit',
  'trust', 'trusted', 'allowlist', 'blocklist', 'denylist', 'whitelist', 'blacklist', 'banned', 'cors', 'csp',
]);

/** A word after a security word that makes the name about its kind, not about it: `credential type`. */
const METADATA_QUALIFIERS = new Set(['type', 'types', 'kind', 'kinds']);

/**
 * Whether an identifier, path or text names a security control (`this.tokenProvider.validate`,
 * `decryptCredentials`, `INVALID_TOKEN`). A `key` counts when the shared secret-name classifier says
 * it is a credential (`apiKey`, `SIGNING_KEY`), not a cache or map key.
 */
export function namesSecurity(text: string): boolean {
  const words = identifierWords(text);
  // `getCredentialTypeForProvider`, `credentialTypes.includes(t)`: the kind of a credential is catalogue
  // metadata (which integrations exist), not the credential or a check of it.
  if (words.some((w, i) => SECURITY_WORDS.has(w) && !METADATA_QUALIFIERS.has(words[i + 1] ?? ''))) return true;
  return text.split(/[^\w$]+/u).some((segment) => /key/iu.test(segment) && isSecretName(segment));
}

/**
 * The failure a catch handles concerns a security control: the `try` calls one (`sessions.find`,
 * `this.credentials.decrypt`, `jwt.verify`), the function it sits in is one (`getUserForSession`),
 * or the catch answers as one (`'invalid_token'`, `new UnauthorizedError()`). (The class is not
 * asked: in a `CredentialsService` most catches guard lookups and display, not the control.) Such a catch that hides an outage makes it read as a refusal or as
 * "nobody is logged in", with no record.
 */
export function concernsSecurity(context: Context, tried: TSESTree.Node | null, handler: TSESTree.Node, enclosingName: string | null): boolean {
  if (enclosingName !== null && namesSecurity(enclosingName)) return true;
  let found = false;
  const visit = (root: TSESTree.Node, literals: boolean): void =>
    walkSameFunction(
      root,
      (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
          const text = context.sourceCode.getText(node.callee);
          if (text.length <= 200 && namesSecurity(text)) found = true;
        } else if (literals && node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.value.length <= 80 && namesSecurity(node.value)) {
          found = true;
        }
        return !found;
      },
      context.sourceCode.visitorKeys,
    );
  if (tried) visit(tried, false);
  if (!found) visit(handler, true);
  return found;
}
