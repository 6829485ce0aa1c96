/**
 * Where does an async function let a rejection escape (`findEscape`)? An `await` outside any `try`
 * with a `catch` whose promise may reject, a `throw` no log precedes, a returned promise that may
 * reject. Split from `promises.ts`, which answers whether a call or promise may reject.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findEnclosingClass, findVariable, getPropertyName, isFunctionNode, lastSegment, skipTransparent, skipTypeWrappers, walkSameFunction, walkTree } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { isHandoffCall } from './errors.js';
import { asyncBody, isAwaiterGenerator } from './downlevel.js';
import { getLoggingLevel, isAtLeast } from './loggers.js';
import { resolveCalledFunction } from './called-functions.js';
import { exitOfStatement, isFailureExit } from './process-exit.js';
import { FIRE_AND_FORGET_HELPERS, WAIT_CALLS, callPath, getPromiseChain, isRejectingExecutor, mayReject, promiseMayReject } from './promises.js';

const escapeCache = fileCache<Map<AnyFunction, TSESTree.Node | null>>();
/** `findEscapeKnowingModules`'s answers: those that also asked another module about a callee out of sight. */
const moduleEscapeCache = fileCache<Map<AnyFunction, TSESTree.Node | null>>();
/** While `findEscapeKnowingModules` runs: whether an awaited call out of the file's sight cannot reject. */
let calleeCannotReject: ((call: TSESTree.CallExpression) => boolean) | null = null;
/** Whether an awaited expression can throw into the async function. */
function awaitMayReject(context: Context, argument: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  const a = skipTransparent(argument);
  if (a.type === AST_NODE_TYPES.Literal || a.type === AST_NODE_TYPES.TemplateLiteral) return false;
  if (a.type === AST_NODE_TYPES.Identifier && a.name === 'undefined') return false;
  const chain = getPromiseChain(a);
  if (chain.handled) return false;
  const root = chain.root;
  if (root === a && root.type === AST_NODE_TYPES.Identifier && holdsOnlySafePromises(context, root, visitorKeys, depth)) return false;
  if (root === a && root.type === AST_NODE_TYPES.MemberExpression && fieldHoldsOnlySafePromises(context, root, visitorKeys, depth)) return false;
  if (root.type === AST_NODE_TYPES.NewExpression) {
    return !(root.callee.type === AST_NODE_TYPES.Identifier && root.callee.name === 'Promise' && !isRejectingExecutor(root.arguments[0]));
  }
  if (root.type === AST_NODE_TYPES.CallExpression) {
    const path = callPath(root);
    if (path === 'Promise.allSettled' || path === 'Promise.resolve') return false;
    if (path !== null && (WAIT_CALLS.test(lastSegment(path)) || FIRE_AND_FORGET_HELPERS.has(lastSegment(path)))) return false;
    if (root === a && answersFailureAsData(context, argument)) return false;
    // `await Promise.all(urls.map(async (url) => { try { … } catch (err) { log(err) } }))`: as a promise chain would.
    if (path === 'Promise.all' || path === 'Promise.any' || path === 'Promise.race') return mayReject(context, root, visitorKeys, depth);
    if (depth <= 3 && contextWrapperCannotReject(context, root, visitorKeys, depth)) return false;
    const fn = resolveCalledFunction(context, root.callee);
    // A same-file async function (also a downleveled one) that catches everything itself never rejects.
    const body = fn ? asyncBody(fn) : null;
    if (body && depth <= 3) return findEscape(context, body, visitorKeys, depth + 1) !== null;
    if (!fn && calleeCannotReject !== null && askOutOfSight(calleeCannotReject, root)) return false;
  }
  return true;
}

/** The question about another module asked with no oracle of the linted file set (its own escapes are plain ones). */
function askOutOfSight(oracle: (call: TSESTree.CallExpression) => boolean, call: TSESTree.CallExpression): boolean {
  calleeCannotReject = null;
  try {
    return oracle(call);
  } finally {
    calleeCannotReject = oracle;
  }
}

/**
 * `findEscape`, where an awaited call the file cannot see (an imported function, a method of an injected
 * service) is no escape when `cannotReject` shows, from its own module, that it catches everything. Asked
 * only for a function that would be reported: it may read other files. Nothing here throws.
 */
export function findEscapeKnowingModules(
  context: Context,
  fn: AnyFunction,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  cannotReject: (call: TSESTree.CallExpression) => boolean,
): TSESTree.Node | null {
  const outer = calleeCannotReject;
  calleeCannotReject = cannotReject;
  try {
    return findEscape(context, fn, visitorKeys);
  } catch {
    return perFileMap(escapeCache, context.sourceCode).get(fn) ?? fn;
  } finally {
    calleeCannotReject = outer;
  }
}

/**
 * `const result = await this.client.renewLease(); if (!result.ok) { log(result.error); return }`:
 * the caller reads the call's answer as a result that carries its failure (`ok` / `success` tested,
 * `error` read), the shape of a client that returns failures as data instead of rejecting. An
 * HTTP `Response` also has `ok`, but no `error`: `if (!res.ok) throw …` after `fetch` stays a risk.
 */
export function answersFailureAsData(context: Context, awaited: TSESTree.Node): boolean {
  let top: TSESTree.Node = awaited;
  while (top.parent && (top.parent.type === AST_NODE_TYPES.AwaitExpression || isTypeWrapper(top.parent))) top = top.parent;
  if (top === awaited) return false;
  const declarator = top.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== top || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, declarator.id);
  if (!variable) return false;
  let tested = false;
  let readsError = false;
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
    const name = getPropertyName(member);
    if (name === 'error') readsError = true;
    else if ((name === 'ok' || name === 'success') && isConditionTest(member)) tested = true;
  }
  return tested && readsError;
}

function isTypeWrapper(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** The node is (part of) the test of an `if` or a conditional: `!r.ok`, `r.ok === false`, `r.ok && x`. */
function isConditionTest(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.UnaryExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && (parent.operator === '===' || parent.operator === '!==' || parent.operator === '==' || parent.operator === '!=')))
  ) {
    child = parent;
    parent = parent.parent;
  }
  return (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === child;
}

/**
 * `let p; p = (async () => { try { … } catch (e) { log(e) } })(); …; await p`: a variable whose
 * every value is `undefined`/`null` or a call to a same-file async function that catches its own
 * failures. Any other write (an unknown call, a parameter) keeps the await a risk.
 */
function holdsOnlySafePromises(context: Context, id: TSESTree.Identifier, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  const variable = findVariable(context, id);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return false;
  let calls = 0;
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    const value = ref.writeExpr ? skipTransparent(ref.writeExpr) : null;
    if (!value) return false;
    if ((value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') || (value.type === AST_NODE_TYPES.Literal && value.value === null)) continue;
    if (value.type !== AST_NODE_TYPES.CallExpression || depth > 3) return false;
    // `p = previous.catch(() => {}).then(run)`: handled as when awaited directly.
    if (getPromiseChain(value).handled) {
      calls++;
      continue;
    }
    const fn = resolveCalledFunction(context, value.callee);
    const body = fn ? asyncBody(fn) : null;
    if (!body || findEscape(context, body, visitorKeys, depth + 1) !== null) return false;
    calls++;
  }
  return calls > 0;
}

/**
 * `await this._runPromise`: a field of the enclosing class whose every assignment in the class
 * (`this._runPromise = …`, its initializer) is `null` / `undefined`, or a promise that cannot
 * reject: `new Promise((resolve) => …)` with no `reject`, a handled chain, a call to a same-file
 * async function that catches everything. Read once per class and field.
 */
function fieldHoldsOnlySafePromises(context: Context, member: TSESTree.MemberExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  if (member.object.type !== AST_NODE_TYPES.ThisExpression || member.computed) return false;
  const name = getPropertyName(member);
  const cls = findEnclosingClass(member);
  if (name === null || !cls) return false;
  const answers = perFileMap(fieldValueCache, context.sourceCode);
  let values = answers.get(cls.body);
  if (!values) {
    const found = new Map<string, TSESTree.Node[]>();
    const add = (key: string | null, value: TSESTree.Node | null): void => {
      if (key !== null) found.set(key, [...(found.get(key) ?? []), value ?? member]);
    };
    for (const element of cls.body.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && element.value) add(getPropertyName(element), element.value);
    }
    walkTree(cls.body, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && node.left.object.type === AST_NODE_TYPES.ThisExpression && findEnclosingClass(node) === cls) {
        // A compound assignment (`this.p ??= load()`) writes a value read from elsewhere too: the member itself stands for it.
        add(node.left.computed ? '\u0000computed' : getPropertyName(node.left), node.operator === '=' ? node.right : node.left);
      }
    }, context.sourceCode.visitorKeys);
    values = found;
    answers.set(cls.body, values);
  }
  if (values.has('\u0000computed')) return false;
  const written = values.get(name);
  let promises = 0;
  for (const value of written ?? []) {
    const v = skipTransparent(value);
    if ((v.type === AST_NODE_TYPES.Literal && v.value === null) || (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined')) continue;
    if (v.type === AST_NODE_TYPES.NewExpression && v.callee.type === AST_NODE_TYPES.Identifier && v.callee.name === 'Promise' && !isRejectingExecutor(v.arguments[0])) {
      promises++;
      continue;
    }
    if (v.type !== AST_NODE_TYPES.CallExpression) return false;
    if (!getPromiseChain(v).handled) {
      const fn = resolveCalledFunction(context, v.callee);
      const body = fn ? asyncBody(fn) : null;
      if (!body || findEscape(context, body, visitorKeys, depth + 1) !== null) return false;
    }
    promises++;
  }
  return promises > 0;
}

const fieldValueCache = fileCache<Map<TSESTree.ClassBody, Map<string, TSESTree.Node[]>>>();

/**
 * Helpers that run a callback inside a context they set up (a tenant, a request context, a tracing
 * span) and resolve with its result: `doInTenant(id, async () => …)`, `runInContext(ctx, fn)`,
 * `tracer.startActiveSpan(name, async (span) => …)`. Not transactions or locks, whose own work (a
 * commit, an acquisition) can fail.
 */
const CONTEXT_WRAPPER = /^(?:doIn[A-Z]\w*|doWith[A-Z]\w*|runIn[A-Z]\w*|runWith[A-Z]\w*|withContext|with[A-Z]\w*Context|startSpan|startActiveSpan)$/u;
const NOT_A_CONTEXT = /Transaction|Lock|Mutex|Semaphore|Queue|Worker|Pool/u;

/**
 * `await tenancy.doInTenant(id, async () => { try { … } catch (err) { log(err) } })`: a context helper
 * whose callback, written inline, catches everything itself, and whose other arguments only name
 * the context (no call among them): nothing it awaits can reject.
 */
function contextWrapperCannotReject(context: Context, call: TSESTree.CallExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  const path = callPath(call);
  const last = path === null ? null : lastSegment(path);
  if (last === null || !CONTEXT_WRAPPER.test(last) || NOT_A_CONTEXT.test(last)) return false;
  const callback = call.arguments.length > 0 ? skipTransparent(call.arguments.at(-1)!) : null;
  if (!callback || !isFunctionNode(callback) || !callback.async || callback.generator) return false;
  if (call.arguments.slice(0, -1).some((arg) => containsCall(arg))) return false;
  return findEscape(context, callback, visitorKeys, depth + 1) === null;
}

function containsCall(node: TSESTree.Node): boolean {
  let found = false;
  walkTree(node, (n) => {
    if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.AwaitExpression) found = true;
  });
  return found;
}

/** A catch clause that logs, reports or hands the error on (so a rethrow after it is not silent). */
function catchRecords(context: Context, handler: TSESTree.CatchClause, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(handler.body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && (getLoggingLevel(context, node) !== null || isHandoffCall(node))) found = true;
    return undefined;
  }, visitorKeys);
  return found;
}

/**
 * The first place a rejection escapes an async function: an `await` (or `for await`)
 * outside any `try` that has a `catch`, a `throw` not preceded by logging, or a returned
 * promise that may reject. Null when every failure is caught inside.
 *
 * Awaits inside a `catch` or `finally` are the author's error handling already; whether
 * a `catch` really logs is `no-silent-catch`'s question, not this one's.
 */
export function findEscape(context: Context, fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth = 0): TSESTree.Node | null {
  const cache = perFileMap(calleeCannotReject === null ? escapeCache : moduleEscapeCache, context.sourceCode);
  if (cache.has(fn)) return cache.get(fn)!;
  cache.set(fn, null); // recursion guard: a function awaiting itself does not make it reject
  // A function whose answer to failure is to log and end the process: a rejection escaping it
  // ends the process too, with the error printed — the outcome its author chose.
  if (endsProcessOnFailure(context, fn, visitorKeys)) return null;
  let escape: TSESTree.Node | null = null;
  const downleveled = isAwaiterGenerator(fn);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTypeWrappers(fn.body);
    if (body.type !== AST_NODE_TYPES.AwaitExpression && promiseMayReject(context, body, visitorKeys, depth)) escape = fn.body;
  }
  if (escape === null) {
    walkSameFunction(
      fn.body,
      (node) => {
        if (escape !== null) return false;
        switch (node.type) {
          case AST_NODE_TYPES.AwaitExpression:
            if (!isProtected(context, node, fn, 'await', visitorKeys) && awaitMayReject(context, node.argument, visitorKeys, depth)) escape = node;
            break;
          // `yield x` in the generator of a downleveled async function (`__awaiter(…, function* () {…})`) is `await x`.
          case AST_NODE_TYPES.YieldExpression:
            if (downleveled && !node.delegate && node.argument && !isProtected(context, node, fn, 'await', visitorKeys) && awaitMayReject(context, node.argument, visitorKeys, depth)) escape = node;
            break;
          case AST_NODE_TYPES.ForOfStatement:
            if (node.await && !isProtected(context, node, fn, 'await', visitorKeys)) escape = node;
            break;
          case AST_NODE_TYPES.ThrowStatement:
            if (!isProtected(context, node, fn, 'throw', visitorKeys)) escape = node;
            break;
          case AST_NODE_TYPES.ReturnStatement:
            if (node.argument && !isAwaited(node.argument, downleveled) && promiseMayReject(context, node.argument, visitorKeys, depth)) {
              escape = node;
            }
            break;
          default:
            break;
        }
        return undefined;
      },
      visitorKeys,
    );
  }
  cache.set(fn, escape);
  return escape;
}

/** `return await x` (also `return yield x` in a downleveled async function): settled inside, not handed to the caller. */
function isAwaited(node: TSESTree.Node, downleveled: boolean): boolean {
  const n = skipTypeWrappers(node);
  return n.type === AST_NODE_TYPES.AwaitExpression || (downleveled && n.type === AST_NODE_TYPES.YieldExpression);
}

/** A statement that ends the process reporting a failure (`process.exit(1)`, `return process.exit()`, `process.abort()`; not `process.exit(0)`). */
function exitsProcess(statement: TSESTree.Statement): boolean {
  const exit = exitOfStatement(statement);
  return exit !== null && isFailureExit(exit);
}

/** Whether `body` logs at error level (or reports) outside nested functions. */
function logsError(context: Context, body: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const level = getLoggingLevel(context, node);
      if (level !== null && isAtLeast(level, 'error')) found = true;
    }
    return undefined;
  }, visitorKeys);
  return found;
}

/**
 * A function whose policy on failure is to log the error and end the process: its body ends
 * with `process.exit(1)` after an error log (n8n's `exitWithCrash`), or a `try` of its body
 * catches by logging at error level and exiting (a server's start-up: `catch (err) {
 * logger.error('Error starting server', err); process.exit(1) }`).
 */
function endsProcessOnFailure(context: Context, fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const statements = fn.body.body;
  const last = statements[statements.length - 1];
  if (last && exitsProcess(last) && logsError(context, fn.body, visitorKeys)) return true;
  return statements.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.TryStatement || !statement.handler) return false;
    const handlerBody = statement.handler.body.body;
    const end = handlerBody[handlerBody.length - 1];
    return !!end && exitsProcess(end) && logsError(context, statement.handler.body, visitorKeys);
  });
}

function isProtected(context: Context, node: TSESTree.Node, fn: AnyFunction, kind: 'await' | 'throw', visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current && current !== fn) {
    if (current.type === AST_NODE_TYPES.TryStatement) {
      if (child === current.block && current.handler) return true;
      if (kind === 'await' && (child === current.handler || child === current.finalizer)) return true;
      if (kind === 'throw' && child === current.handler && catchRecords(context, current.handler, visitorKeys)) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}
