/**
 * Does a `try` (or a promise with a rejection handler) only ask a question? A probe (parse,
 * optional read, import), a yes/no check (`try { …; return true } catch { return false }`), a
 * best-effort cleanup (`cleanup().catch(noop)`) or a promise observed elsewhere fails as an
 * answer, not as lost work. Also: what a promise a handler is attached to can fail for.
 *
 * Recognition only: the rule's probe list and `reportFallbacks` are passed in, never cached.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type Context,
  calleeName,
  findVariable,
  getCalleePath,
  getVariableInit,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTransparent,
  walkSameFunction,
} from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { blamesInput, isFailureProperty, returnsValue } from './catch-answers.js';
import { BUILTIN_PROBES, type FailureOptions, type FailureSource, classifyCall, isSwallowingCatchLink } from './fallible.js';

/** `cleanup().catch(() => {})`, `this.teardownSandbox(id).catch(noop)`: a call named for cleanup is best effort. */
const CLEANUP_NAME = /^(?:clean[uU]p|tear[dD]own|dispose|removeTemp|deleteTemp)\w*$/u;

/** `reader.cancel().catch(noop)`: best-effort cleanup of something that may already be gone (no arguments: not `orders.cancel(id)`). */
const CLEANUP_METHODS = new Set(['cancel', 'close', 'destroy', 'abort', 'disconnect', 'quit', 'unsubscribe', 'shutdown', 'dispose', 'terminate', 'unbind', 'release']);

/** Calls that cannot be the reason a probe's `try` exists: path and string helpers, collection writes. */
const PURE_HELPERS = new Set([
  'join', 'basename', 'dirname', 'extname', 'normalize', 'relative', 'isAbsolute',
  'toString', 'trim', 'toLowerCase', 'toUpperCase', 'slice', 'split', 'replace', 'includes',
  'startsWith', 'endsWith', 'filter', 'map', 'push', 'unshift', 'set', 'add', 'has', 'String', 'Boolean',
  'test', 'exec', 'match',
]);

/** A function that asks a question: `isMountable`, `validate`, `verifySignature`, `canConnect`. */
export const PREDICATE_NAME = /^(?:is|has|can|should|supports?|validate|verify|check|test)(?:[A-Z_]|$)/u;

/** `import(…)`, or a call whose path (or last segment, or path without an `fs.` prefix) is in `probes`. */
export function isProbeCall(call: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression, probes: ReadonlySet<string>): boolean {
  if (call.type === AST_NODE_TYPES.ImportExpression) return true;
  const path = getCalleePath(call);
  if (path === null) return false;
  return probes.has(path) || probes.has(lastSegment(path)) || probes.has(path.replace(/^(?:fs|fsp|fs\.promises|promises)\./u, ''));
}

/** A path, string or collection helper (`path.join`, `s.trim()`, `list.push(x)`): never the reason for a `try`. */
export function isPureHelper(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression): boolean {
  if (node.type === AST_NODE_TYPES.ImportExpression) return false;
  const callee = skipTransparent(node.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(callee)
        : null;
  return name !== null && PURE_HELPERS.has(name);
}

/** The try block only asks questions whose failure is an expected answer (one to three statements, probes and pure helpers only). */
export function isProbeTry(context: Context, block: TSESTree.BlockStatement, probes: ReadonlySet<string>): boolean {
  if (block.body.length === 0 || block.body.length > 3) return false;
  let probesSeen = 0;
  let allProbes = true;
  walkSameFunction(
    block,
    (node) => {
      // `await credits.add(usage).catch(() => {})`: a chain that handles its own failure is no reason for the try.
      if (node.type === AST_NODE_TYPES.CallExpression && isSwallowingCatchLink(context, node)) return false;
      if (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.ImportExpression
      ) {
        if (isProbeCall(node, probes)) probesSeen += 1;
        else if (!isPureHelper(node)) allProbes = false;
      }
    },
    context.sourceCode.visitorKeys,
  );
  return probesSeen > 0 && allProbes;
}

const mayCatchCache = fileCache<boolean>();

/**
 * A text check before any work: whether the file can hold something no-silent-catch examines — a
 * catch clause or a `.catch(handler)` (the word `catch`), or a `.then(onFulfilled, onRejected)`
 * (the word `then`). Keywords cannot be spelled with escapes, but a property name can
 * (`p.c\u0061tch(…)`), so a file with a `\u` escape is always examined.
 */
export function fileMayCatch(sourceCode: { readonly text: string; readonly ast: object }): boolean {
  return perFile(mayCatchCache, sourceCode, () => {
    const text = sourceCode.text;
    return text.includes('catch') || text.includes('then') || text.includes('\\u');
  });
}

/** `receiver.then(…).finally(…)` → `receiver`: the call that produced the promise a handler is attached to. */
function skipThenChain(receiver: TSESTree.Node): TSESTree.Node {
  let current = skipTransparent(receiver);
  while (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['then', 'finally'].includes(getPropertyName(current.callee) ?? '')
  ) {
    current = skipTransparent(current.callee.object);
  }
  return current;
}

/** The promise comes from a probe (`access(p).then(() => true).catch(() => false)`) or a best-effort cleanup (`reader.cancel()`, `cleanupTmp()`). */
export function isProbePromise(receiver: TSESTree.Node, probes: ReadonlySet<string>): boolean {
  const current = skipThenChain(receiver);
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.arguments.length === 0 &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    CLEANUP_METHODS.has(getPropertyName(current.callee) ?? '')
  ) {
    return true;
  }
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(current);
    if (path !== null && CLEANUP_NAME.test(lastSegment(path))) return true;
  }
  return (
    (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.ImportExpression) &&
    isProbeCall(current, probes)
  );
}

/** `p.catch(() => {})` on a promise variable that is awaited or returned elsewhere only silences the unhandled-rejection warning. */
export function isObservedElsewhere(context: Context, receiver: TSESTree.Node): boolean {
  const r = skipTransparent(receiver);
  if (r.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, r);
  return !!variable && variable.references.filter((ref) => ref.isRead()).length > 1;
}

/**
 * What the promise a handler is attached to can fail for; null when its producer logs its own
 * failures. A promise is asynchronous work, so a call the file does not explain counts as
 * reaching outside. `reportFallbacks` is the rule's option (passed, never cached).
 */
export function promiseFailureSource(context: Context, receiver: TSESTree.Node, failureOptions: FailureOptions, reportFallbacks: boolean): FailureSource | null {
  const current = skipThenChain(receiver);
  if (current.type === AST_NODE_TYPES.Identifier && isOwnVerdictPromise(context, current)) return 'probe';
  if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.ImportExpression) return 'external';
  const kind = classifyCall(context, current, failureOptions, 0, true);
  if (kind === 'logs') return null;
  // Fire-and-forget telemetry (`telemetry.send(…).catch(() => {})`): nobody waits for the answer,
  // and a lost data point is not a failure of the service's own work.
  // The function that is nothing but the send (`function track(e) { analytics.track(e).catch(() => {}) }`)
  // is the client every caller relies on: silenced there, every caller is silenced, so it stays reported.
  // By default telemetry is never the reason to report; `reportFallbacks` keeps that wrapper reported.
  if (kind === 'telemetry') return !reportFallbacks || (isResultDiscarded(receiver) && !isOnlyStatement(receiver)) ? 'none' : 'external';
  if (kind === 'pure' || kind === 'unknown') return kind === 'pure' ? 'none' : 'external';
  return kind;
}

/**
 * `const found = new Promise((resolve, reject) => { … if (!ids.length) { reject(new Error()); return } … })`:
 * a promise of this function's own that it rejects only with errors it builds there from literals — its verdict
 * ("none matched"), not an outside failure. A `reject` handed on (`.catch(reject)`) lets other errors in.
 */
export function isOwnVerdictPromise(context: Context, id: TSESTree.Identifier): boolean {
  const init = getVariableInit(findVariable(context, id));
  const made = init ? skipTransparent(init) : null;
  if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier || made.callee.name !== 'Promise') return false;
  const executor = made.arguments[0];
  const param = executor && isFunctionNode(executor) ? executor.params[1] : undefined;
  if (!executor || !isFunctionNode(executor) || param?.type !== AST_NODE_TYPES.Identifier) return false;
  const rejectName = param.name;
  const reject = context.sourceCode.getDeclaredVariables(executor).find((v) => v.name === rejectName);
  if (!reject) return false;
  let calls = 0;
  for (const ref of reject.references) {
    const call = ref.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier) return false;
    const arg = call.arguments[0];
    // `reject(new Error())`, `reject(new NotFoundError('No match'))`; not `reject(new Error(err.message))`, an outside failure rewrapped.
    const built = arg ? skipTransparent(arg) : null;
    if (built && (built.type !== AST_NODE_TYPES.NewExpression || !built.arguments.every((a) => a.type === AST_NODE_TYPES.Literal))) return false;
    calls += 1;
  }
  return calls > 0;
}

/** The value of the promise chain `receiver.catch(…)` is thrown away: `void p.catch(…)`, `p.catch(…);`, `await p.catch(…);`. */
export function isResultDiscarded(receiver: TSESTree.Node): boolean {
  let node: TSESTree.Node | undefined = receiver.parent?.parent;
  if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ChainExpression) {
      node = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return true;
    return parent.type === AST_NODE_TYPES.ExpressionStatement;
  }
}

/** The statement holding `node` is the whole body of its function. */
export function isOnlyStatement(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.ExpressionStatement && !isFunctionNode(current)) current = current.parent;
  const block = current?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
  return block?.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1 && isFunctionNode(block.parent);
}

/** `try { …; return true } catch { return false }` in a predicate: the question is "does it work?", and the answer is the fallback. */
export function isYesNoCheck(block: TSESTree.BlockStatement, handler: TSESTree.BlockStatement): boolean {
  const last = block.body.at(-1);
  const only = handler.body.length === 1 ? handler.body[0] : undefined;
  const isBool = (n: TSESTree.Node | null | undefined, value: boolean) =>
    !!n && n.type === AST_NODE_TYPES.Literal && n.value === value;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement &&
    isBool(last.argument, true) &&
    only?.type === AST_NODE_TYPES.ReturnStatement &&
    isBool(only.argument, false)
  );
}

/**
 * `commandExists('x').then(() => res.json(true)).catch(() => res.json(false))`, `access(p).then(() => true, () => false)`:
 * the promise form of a yes/no check. The fulfilment handler answers `true` and the rejection handler the same
 * way with `false` (a bare literal, or one call of the same callee with that literal as its only argument).
 */
export function isYesNoPromise(context: Context, handler: TSESTree.Node, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  let then: TSESTree.CallExpression | null = null;
  if (method === 'then' && call.arguments[1] === handler) then = call;
  else if (method === 'catch' && call.arguments[0] === handler) {
    const inner = skipTransparent(call.callee.object);
    if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(inner.callee) === 'then' && inner.arguments.length === 1) then = inner;
  }
  const onFulfilled = then?.arguments[0];
  if (!onFulfilled || !isFunctionNode(onFulfilled) || !isFunctionNode(handler)) return false;
  const yes = booleanAnswer(context, onFulfilled, true);
  return yes !== null && yes === booleanAnswer(context, handler, false);
}

/** What a one-line function answers `value` with: `''` for the bare literal, the callee's text for `res.json(value)`; null otherwise. */
function booleanAnswer(context: Context, fn: TSESTree.Node, value: boolean): string | null {
  if (!isFunctionNode(fn)) return null;
  let answer: TSESTree.Node | null | undefined = fn.body;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
    answer = only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : only?.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : null;
  }
  if (!answer) return null;
  const isValue = (n: TSESTree.Node | undefined) => !!n && n.type === AST_NODE_TYPES.Literal && n.value === value;
  const a = skipTransparent(answer);
  if (isValue(a)) return '';
  if (a.type === AST_NODE_TYPES.CallExpression && a.arguments.length === 1 && isValue(a.arguments[0])) return context.sourceCode.getText(a.callee);
  return null;
}

/**
 * `try { …; return { available: true, … } } catch { return { available: false } }` in a predicate
 * (`isAvailable`, `checkConnection`, the `enclosingName` given): the "no" of a yes/no question, written as an object.
 * Also a test's failed result (`testSetup`: `catch { const msg = 'Configuration test failed'; return { error: msg } }`):
 * the answer to "does this configuration work?" is the failure, reported as data to whoever asked
 * (not a verdict on the caller's input: `{ error: 'invalid_token' }` is no such answer). `context`
 * resolves a message held in a `const`.
 */
export function isAvailabilityCheck(block: TSESTree.BlockStatement, handler: TSESTree.CatchClause, enclosingName: string | null, context?: Context): boolean {
  if (!PREDICATE_NAME.test(enclosingName ?? '')) return false;
  const body = handler.body.body;
  const last = body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument || !returnsValue(block)) return false;
  // `const errorMessage = '…'` before the answer: the message, named.
  if (!body.slice(0, -1).every((st) => st.type === AST_NODE_TYPES.VariableDeclaration && st.kind === 'const' && st.declarations.every((d) => !!d.init && isText(d.init)))) return false;
  const arg = skipTransparent(last.argument);
  if (arg.type !== AST_NODE_TYPES.ObjectExpression || arg.properties.length === 0) return false;
  const answersNo = arg.properties.every(
    (p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Literal && p.value.value === false,
  );
  if (answersNo) return true;
  if (!context) return false;
  // `{ error: errorMessage }` with `const errorMessage = '…'`: read as the text it holds.
  const resolved = arg.properties.map((p) => {
    if (p.type !== AST_NODE_TYPES.Property || p.value.type !== AST_NODE_TYPES.Identifier) return p;
    const init = getVariableInit(findVariable(context, p.value));
    return init && isText(init) ? { ...p, value: init } : p;
  }) as TSESTree.ObjectLiteralElement[];
  return resolved.some(isFailureProperty) && !resolved.some(blamesInput);
}

/** A string literal or a template without expressions. */
function isText(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') || (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0);
}

/**
 * A rejection handler given by reference that does nothing: a same-file function with an empty,
 * comment-free body, or one named for it (`noop`, `ignoreError`, `_.noop`).
 */
export function isNoopHandler(context: Context, handler: TSESTree.Node): boolean {
  const fn = resolveFunction(context, handler);
  if (fn) return fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 0 && context.sourceCode.getCommentsInside(fn.body).length === 0;
  return (
    (handler.type === AST_NODE_TYPES.Identifier && /^(?:noop|ignore|ignoreError|nothing|swallow)$/iu.test(handler.name)) ||
    (handler.type === AST_NODE_TYPES.MemberExpression && /^(?:noop|ignore)$/iu.test(getPropertyName(handler) ?? ''))
  );
}

/**
 * The probe sets of one option object, built once: createRule hands every file the same merged
 * options object, so the sets (60-odd built-in names) are not rebuilt per file. Never modified.
 */
const probeSetsCache = new WeakMap<object, { probes: ReadonlySet<string>; failureOptions: { probes: ReadonlySet<string> } }>();

export function probeSets(options: { allowedProbes?: string[] }): { probes: ReadonlySet<string>; failureOptions: { probes: ReadonlySet<string> } } {
  let sets = probeSetsCache.get(options);
  if (sets === undefined) {
    sets = { probes: new Set([...BUILTIN_PROBES, ...(options.allowedProbes ?? [])]), failureOptions: { probes: new Set(options.allowedProbes ?? []) } };
    probeSetsCache.set(options, sets);
  }
  return sets;
}

/** `testConnection`, `checkDbConnection`, `verifyConnection`, `ping`: a call named for testing a connection. */
const CONNECTION_TEST = /^(?:(?:test|check|verify|validate)_?(?:db|database)?_?conn(?:ection)?|ping)$/iu;
/** `SELECT 1`: the query a connection test sends. */
const PROBE_QUERY = /^\s*select\s+1\s*;?\s*$/iu;
const QUERY_METHODS = new Set(['execute', 'query', 'raw']);

function testsConnection(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  if (name === null) return false;
  if (CONNECTION_TEST.test(name)) return true;
  const query = call.arguments[0];
  return QUERY_METHODS.has(name) && query?.type === AST_NODE_TYPES.Literal && typeof query.value === 'string' && PROBE_QUERY.test(query.value);
}

/**
 * The `try` tests a connection, and that test is its last outside work: an awaited call named for it
 * (`await driver.testConnection()`, `await db.ping()`) or `SELECT 1` sent (`await connection.execute('SELECT 1')`),
 * with nothing awaited after it (`res.json('ok')`, `connection.end()`). Its failure is the answer to "does this
 * connection work?" — at a test endpoint, the answer its caller asked for (a database set-up form, a playground's
 * "test connection" button), not the caller's request failing for a reason of the server's.
 */
export function isConnectionTest(context: Context, block: TSESTree.BlockStatement): boolean {
  const visitorKeys = context.sourceCode.visitorKeys;
  for (let i = block.body.length - 1; i >= 0; i--) {
    let awaited = false;
    let test = false;
    walkSameFunction(block.body[i]!, (n) => {
      if (n.type !== AST_NODE_TYPES.AwaitExpression) return;
      awaited = true;
      const arg = skipTransparent(n.argument);
      if (arg.type === AST_NODE_TYPES.CallExpression && testsConnection(arg)) test = true;
    }, visitorKeys);
    if (test) return true;
    if (awaited) return false;
  }
  return false;
}
