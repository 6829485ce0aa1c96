/**
 * Promises: which calls return one, which chains handle their rejection (`getPromiseChain`),
 * whether a call or a promise may reject (`mayReject`, `voidedCallMayReject`, `promiseMayReject`);
 * where an async function lets a rejection escape is `escapes.ts`'s question. Never a guess about an
 * unknown function: a same-file function, a known API, or type information decides.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  isFunctionNode,
  lastName,
  lastSegment,
  returnedValues,
  skipTransparent,
  walkSameFunction,
  getVariableInit,
  unwrapIndirectCall,
} from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { mayCallAsyncFunction, resolveCalledFunction } from './called-functions.js';
import { findEscape } from './escapes.js';
import { asyncBody } from './downlevel.js';

/** A function passed as the rejection handler of `.catch(fn)` or `.then(ok, fn)`. */
export function isRejectionHandler(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/** Whether the identifier is unbound (a global) rather than a local declaration. */
export function isGlobalName(context: Context, node: TSESTree.Identifier): boolean {
  const variable = findVariable(context, node);
  return !variable || variable.defs.length === 0;
}


/** Callee names of helpers that take a promise and handle its rejection themselves. */
export const FIRE_AND_FORGET_HELPERS = new Set(['fireAndForget', 'detach', 'runInBackground', 'backgroundTask', 'noAwait', 'safeAsync', 'handlePromise']);
/**
 * The callee path of a call, through the indirect call compiled TypeScript writes for an import:
 * `(0, sleep_1.sleep)(1000)` → `sleep_1.sleep`.
 */
export function callPath(call: TSESTree.CallExpression): string | null {
  return getCalleePath(call) ?? getMemberPath(unwrapIndirectCall(call.callee));
}

/**
 * The last segment of `callPath(call)` without building the path (no string per call): the callee's last
 * name, also through the indirect call (`(0, sleep_1.sleep)`), cut at its last dot. Whenever `callPath` is
 * non-null and not `this` / `super`, its last segment is this; null when the callee has no last name.
 */
export function callPathTail(call: TSESTree.CallExpression): string | null {
  const name = lastName(call.callee) ?? lastName(unwrapIndirectCall(call.callee));
  return name === null ? null : lastSegment(name);
}

/** Arguments that make a call callback-style: `next`, `cb`, `done`. */
const CALLBACK_NAME = /^(?:next|cb|callback|done)$/u;
/** Awaiting these never rejects: they only wait. */
export const WAIT_CALLS = /^(?:sleep|delay|wait|pause|setTimeout|setImmediate|nextTick|yieldToEventLoop|waitMs)$/u;
/**
 * The last segments for which `mayReject` answers from the callee's path (`Promise.all`, `fetch`, a fire-and-forget
 * helper; waits are WAIT_CALLS): for any other, the path is not built (most discarded calls of a file).
 */
const PATH_TAILS = new Set([...FIRE_AND_FORGET_HELPERS, 'allSettled', 'resolve', 'all', 'any', 'race', 'reject', 'fetch']);

interface TypeServices {
  checker: import('typescript').TypeChecker;
  map: { get(node: TSESTree.Node): import('typescript').Node | undefined };
}

function getTypeServices(context: Context): TypeServices | null {
  const services = context.sourceCode.parserServices as
    | { program?: import('typescript').Program | null; esTreeNodeToTSNodeMap?: TypeServices['map'] }
    | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  return { checker: services.program.getTypeChecker(), map: services.esTreeNodeToTSNodeMap };
}

const AWAITABLE_NOT_PROMISES = new Set(['FastifyReply', 'FastifyInstance']);

/** With type information: whether the expression's type is a thenable. False without it. */
export function isThenableByType(context: Context, node: TSESTree.Node): boolean {
  const services = getTypeServices(context);
  if (!services) return false;
  const tsNode = services.map.get(node);
  if (!tsNode) return false;
  const type = services.checker.getTypeAtLocation(tsNode);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    // Fastify's reply and instance declare `then` so that they can be awaited, yet
    // `reply.send(x)` and `app.register(plugin)` are complete on their own.
    const name = part.aliasSymbol?.getName() ?? part.getSymbol()?.getName();
    if (name !== undefined && AWAITABLE_NOT_PROMISES.has(name)) return false;
    const then = part.getProperty('then');
    if (!then) return false;
    return services.checker.getTypeOfSymbolAtLocation(then, tsNode).getCallSignatures().length > 0;
  });
}

export interface PromiseChain {
  /** The call the chain starts from: `load()` in `load().then(f).finally(g)`. */
  root: TSESTree.Node;
  /** Some link handles a rejection: `.catch(h)` or `.then(ok, fail)`. */
  handled: boolean;
}

/**
 * The rejection handler a promise link attaches and the promise it is attached to: `p.catch(h)`,
 * `p.then(ok, h)` (also through `!` / `as` on the callee); null for any other call. The one answer
 * to "does this link handle a rejection" (promise chains, silent `.catch()` handlers, the error
 * callbacks of authentication steps).
 */
export function getRejectionHandler(call: TSESTree.CallExpression): { handler: TSESTree.CallExpressionArgument; promise: TSESTree.Expression } | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  const handler = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
  return handler ? { handler, promise: callee.object } : null;
}

/** Unwind `.then()` / `.catch()` / `.finally()` links down to the promise they start from. */
export function getPromiseChain(node: TSESTree.Node): PromiseChain {
  let current = skipTransparent(node);
  let handled = false;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const method = getPropertyName(callee);
    if (getRejectionHandler(current)) handled = true;
    else if (method !== 'then' && method !== 'finally') break;
    current = skipTransparent(callee.object);
  }
  return { root: current, handled };
}

/**
 * Whether calling `node` gives a promise that may reject: a call to a same-file async
 * function that lets a rejection escape, `fetch()`, `Promise.all/any/race()`, or, with
 * type information, any call typed as a thenable. Never a guess about unknown functions.
 */
export function mayReject(context: Context, node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth = 0): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.NewExpression) {
    return n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'Promise' && isRejectingExecutor(n.arguments[0]);
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  // The path only for a call whose last name is one the checks below name (PATH_TAILS, WAIT_CALLS): the same answers, no string per call.
  const tail = callPathTail(n);
  const path = tail !== null && (PATH_TAILS.has(tail) || WAIT_CALLS.test(tail)) ? callPath(n) : null;
  if (path !== null) {
    const last = lastSegment(path);
    if (FIRE_AND_FORGET_HELPERS.has(last)) return false;
    if (path === 'Promise.allSettled' || path === 'Promise.resolve') return false;
    if (path === 'Promise.all' || path === 'Promise.any' || path === 'Promise.race') {
      const list = n.arguments[0] ? skipTransparent(n.arguments[0]) : null;
      if (list?.type === AST_NODE_TYPES.ArrayExpression) {
        return list.elements.some((e) => e !== null && (e.type === AST_NODE_TYPES.SpreadElement || elementMayReject(context, e, visitorKeys, depth)));
      }
      // const puts = []; … puts.push(new Promise((resolve) => …)); … Promise.all(puts)
      if (list?.type === AST_NODE_TYPES.Identifier && depth <= 3 && listHoldsOnlySafePromises(context, list, visitorKeys, depth)) return false;
      // Promise.all(items.map(async (item) => { try { … } catch { return fallback } })): no element can reject;
      // nor with a plain mapper whose every returned value is a promise that cannot (`(p) => load(p).catch(f)`,
      // `(p) => getFactory(p)` whose same-file function returns `new Promise((resolve) => …)`).
      const mapper = list ? mappedCallback(list) : null;
      if (mapper && depth <= 3) return functionPromiseMayReject(context, mapper, visitorKeys, depth);
      return true;
    }
    if (path === 'Promise.reject') return true;
    if (n.callee.type === AST_NODE_TYPES.Identifier && path === 'fetch' && isGlobalName(context, n.callee)) return true;
    if (WAIT_CALLS.test(last)) return false;
  }
  // Without an async function in the file or type information, no callee can be shown to reject.
  if (!canShowRejection(context)) return false;
  // Without type information only a same-file async callee can be shown to reject: a name check first.
  if (!mayCallAsyncFunction(context, n.callee) && getTypeServices(context) === null) return false;
  const fn = resolveCalledFunction(context, n.callee);
  if (fn) {
    // An async function, also as TypeScript downlevels it (`return __awaiter(this, …, function* () {…})`).
    const body = asyncBody(fn);
    if (!body) return isThenableByType(context, n);
    if (depth > 3) return true;
    return findEscape(context, body, visitorKeys, depth + 1) !== null;
  }
  return isThenableByType(context, n);
}

/**
 * An element of a `Promise.all` / `any` / `race` list that may reject. Known not to: a chain with a
 * rejection handler, a wait (`sleep(ms)`), `Promise.resolve(…)`, `new Promise((resolve) => …)` with
 * no `reject`, a call to a same-file async function that catches everything itself. Anything else may.
 */
function elementMayReject(context: Context, element: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  const e = skipTransparent(element);
  if (getPromiseChain(e).handled) return false;
  if (e.type === AST_NODE_TYPES.NewExpression) return !(e.callee.type === AST_NODE_TYPES.Identifier && e.callee.name === 'Promise' && !isRejectingExecutor(e.arguments[0]));
  if (e.type !== AST_NODE_TYPES.CallExpression) return true;
  const path = callPath(e);
  if (path !== null && (WAIT_CALLS.test(lastSegment(path)) || FIRE_AND_FORGET_HELPERS.has(lastSegment(path)) || path === 'Promise.resolve' || path === 'Promise.allSettled')) return false;
  const fn = resolveCalledFunction(context, e.callee);
  if (!fn || fn.generator || depth > 3) return true;
  return functionPromiseMayReject(context, fn, visitorKeys, depth);
}

/**
 * Whether the promise a same-file function gives its caller may reject: an async one lets a rejection
 * escape (`findEscape`); a plain one returns an element that may (`elementMayReject`: a handled chain,
 * `new Promise((resolve) => …)`, a wait or another such function's call cannot). A plain function that
 * returns nothing gives `undefined`, which `Promise.all` takes as fulfilled. General rule: a combinator
 * over promises that each settle as fulfilled cannot reject, however many functions build them.
 */
function functionPromiseMayReject(context: Context, fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  if (fn.generator) return true;
  const body = asyncBody(fn);
  if (body) return findEscape(context, body, visitorKeys, depth + 1) !== null;
  return returnedValues(fn, visitorKeys).some((value) => elementMayReject(context, value, visitorKeys, depth + 1));
}

/**
 * `const puts = []; … puts.push(new Promise((resolve) => …)); … Promise.all(puts)`: a local array
 * built in sight, whose every element (initial or pushed) is one that cannot reject
 * (`elementMayReject`), and which is only pushed to, measured or handed to `list`'s call.
 * Any other use (passed on, reassigned, indexed into) may add a promise that rejects.
 */
function listHoldsOnlySafePromises(context: Context, list: TSESTree.Identifier, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  const variable = findVariable(context, list);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return false;
  const init = getVariableInit(variable);
  const array = init ? skipTransparent(init) : null;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  const safe = (e: TSESTree.Node | null): boolean => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && !elementMayReject(context, e, visitorKeys, depth);
  if (!array.elements.every(safe)) return false;
  for (const ref of variable.references) {
    if (ref.init || ref.identifier === list) continue;
    if (ref.isWrite()) return false;
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
    const name = getPropertyName(member);
    if (name === 'length' && !(member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member)) continue;
    const call = member.parent;
    if (name !== 'push' || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !call.arguments.every(safe)) return false;
  }
  return true;
}

const awaitedCache = fileCache<Map<string, boolean>>();

/**
 * A callback returns this call's value to an API that ignores it, and the file awaits the same callee
 * elsewhere (`await this.jobQueueStrategy.update(job)` beside `nextJob.on('progress', (job) =>
 * this.jobQueueStrategy.update(job))`): its author treats the call as a promise, so the returned one is
 * a promise too, and an unknown callee's promise may reject (a same-file callee is no unknown: its body
 * decides, through `mayReject`). Read from the text by the callee's path,
 * once per path and file. Not asked of statements: a call left unawaited beside awaited ones is often
 * one whose options make it handle its own failures (`app.runAsCLI(argv)` vs `await app.runAsCLI(argv,
 * { throwError: true })`).
 */
export function returnedCallAwaitedElsewhere(context: Context, node: TSESTree.Node): boolean {
  const call = skipTransparent(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || getPromiseChain(call).root !== call) return false;
  const path = callPath(call);
  // A bare name may be a same-file binding or a global; a method path names one receiver.
  if (path === null || !path.includes('.')) return false;
  const answers = perFile(awaitedCache, context.sourceCode, () => new Map<string, boolean>());
  let answer = answers.get(path);
  if (answer === undefined) {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\\\./gu, '\\s*\\??\\.\\s*');
    answer = new RegExp(`\\bawait\\s+${escaped}\\s*\\(`, 'u').test(context.sourceCode.text);
    answers.set(path, answer);
  }
  // A callee in sight answers for itself (`mayReject`): `this.flushSyncQueue()` whose whole body is a try / catch cannot reject.
  return answer && resolveCalledFunction(context, call.callee) === null;
}

/** The inline callback of `items.map((item) => …)` (async or not), else null. */
function mappedCallback(node: TSESTree.Node): AnyFunction | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return null;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'map') return null;
  const fn = skipTransparent(node.arguments[0]!);
  return isFunctionNode(fn) ? fn : null;
}

const showsRejectionCache = fileCache<boolean>();
const mayHoldRejectionCache = fileCache<boolean>();

/**
 * A text check before any look-up: whether `mayReject` / `promiseMayReject` / `findEscape` can
 * answer yes for some node of this file. Each of their yeses needs the word `async` (an async
 * function: the keyword cannot be spelled with escapes), `Promise` (`new Promise`, `Promise.all` /
 * `any` / `race` / `reject`), a global `fetch`, or type information. (`voidedCallMayReject` can
 * also say yes without them: a caller that asks it checks on its own.)
 */
export function fileMayHoldRejections(context: Context): boolean {
  return perFile(mayHoldRejectionCache, context.sourceCode, () => {
    const text = context.sourceCode.text;
    return text.includes('async') || text.includes('Promise') || text.includes('fetch') || text.includes('__awaiter') || getTypeServices(context) !== null;
  });
}

/**
 * Whether a call of this file can be shown to reject by its callee: the text has the word `async`
 * (a same-file async function, or a factory returning one), or the parser gives type information.
 * Otherwise `mayReject` answers from the callee's name alone, with no scope look-up.
 */
function canShowRejection(context: Context): boolean {
  return perFile(showsRejectionCache, context.sourceCode, () => context.sourceCode.text.includes('async') || context.sourceCode.text.includes('__awaiter') || getTypeServices(context) !== null);
}

/**
 * `void call()`: the author says the call returns a promise and chose not to wait for it, so
 * treat it as one even when the callee is out of sight (imported, injected, a method). Only
 * a same-file function shows otherwise (not async, or async without a way to reject), and
 * calls that only wait or that handle their own rejection are never a risk.
 */
export function voidedCallMayReject(context: Context, node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const n = skipTransparent(node);
  if (mayReject(context, n, visitorKeys)) return true;
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  // `void` is also written to quiet a linter on calls that report through a callback:
  // middleware run by hand (`void router(req, res, next)`, `void upload.array('f')(req, res, cb)`)
  // and APIs that take a callback. Those are not promises the author set aside.
  if (skipTransparent(n.callee).type === AST_NODE_TYPES.CallExpression) return false;
  if (n.arguments.some((a) => isFunctionNode(skipTransparent(a)) || (a.type === AST_NODE_TYPES.Identifier && CALLBACK_NAME.test(a.name)))) return false;
  const path = callPath(n);
  if (path !== null) {
    const last = lastSegment(path);
    if (FIRE_AND_FORGET_HELPERS.has(last) || WAIT_CALLS.test(last)) return false;
    if (path === 'Promise.allSettled' || path === 'Promise.resolve') return false;
  }
  return resolveCalledFunction(context, n.callee) === null;
}

/**
 * `load(id).then(use)`: the author's `.then` / `.finally` says the call returns a promise, as
 * `void load()` does (see `voidedCallMayReject`), so a chain from a call with no rejection handler
 * may reject even when the callee is out of sight (imported, injected, a method). Only a same-file
 * function shows otherwise (async without a way to reject, or a plain function that returns no
 * promise that may reject), and calls that only wait, resolve or hand off their promise are never a risk.
 * A chain on a value (`p.then(f)`), not a call, stays a question for types (`promiseMayReject`).
 */
export function chainedCallMayReject(context: Context, node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const n = skipTransparent(node);
  const chain = getPromiseChain(n);
  if (chain.handled || chain.root === n || chain.root.type !== AST_NODE_TYPES.CallExpression) return promiseMayReject(context, node, visitorKeys);
  return calledPromiseMayReject(context, chain.root, visitorKeys, 0);
}

/** A call its caller treats as a promise (`.then` on it, or returned into such a chain): whether it may reject. */
function calledPromiseMayReject(context: Context, call: TSESTree.CallExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  if (mayReject(context, call, visitorKeys)) return true;
  const path = callPath(call);
  if (path !== null) {
    const last = lastSegment(path);
    if (FIRE_AND_FORGET_HELPERS.has(last) || WAIT_CALLS.test(last)) return false;
    if (path === 'Promise.allSettled' || path === 'Promise.resolve' || path.startsWith('Promise.')) return false;
  }
  const fn = resolveCalledFunction(context, call.callee);
  if (!fn) return true;
  // A same-file async function: `mayReject` has answered through `findEscape`.
  if (fn.async || fn.generator || asyncBody(fn) !== null || depth > 2) return false;
  // function load(id) { return db.get(id); }: the promise it returns is another call's.
  return returnedValues(fn, visitorKeys).some((value) => returnedPromiseMayReject(context, value, visitorKeys, depth + 1));
}

/**
 * A value a plain function returns into its caller's chain: another call's promise, `new Promise`,
 * `Promise.resolve(stop())` (which adopts the state of the promise `stop()` may return), or a
 * `const` holding one (`const result = Promise.resolve(plugin.stop()); …; return result`).
 */
function returnedPromiseMayReject(context: Context, value: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  let v = skipTransparent(value);
  if (v.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, v);
    const init = variable && !variable.references.some((ref) => ref.isWrite() && !ref.init) ? getVariableInit(variable) : null;
    if (!init) return false;
    v = skipTransparent(init);
  }
  if (v.type === AST_NODE_TYPES.NewExpression) return mayReject(context, v, visitorKeys);
  if (v.type !== AST_NODE_TYPES.CallExpression) return false;
  const chain = getPromiseChain(v);
  if (chain.handled || chain.root.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = chain.root;
  if (callPath(root) === 'Promise.resolve') {
    const adopted = root.arguments[0] ? skipTransparent(root.arguments[0]) : null;
    return adopted?.type === AST_NODE_TYPES.CallExpression && depth <= 3 && returnedPromiseMayReject(context, adopted, visitorKeys, depth + 1);
  }
  return calledPromiseMayReject(context, root, visitorKeys, depth);
}

/**
 * A call of a same-file async function whose body can fail at all: a rejection escapes it
 * (`findEscape`), or a call, `new` or `throw` sits outside any `try` with a `catch` (in an async
 * function a synchronous throw becomes a rejection too). The question a `try { void refresh() } catch`
 * asks: its catch is there for failures, and cannot see the promise's.
 */
export function asyncCallMayFail(context: Context, call: TSESTree.CallExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (mayReject(context, call, visitorKeys)) return true;
  const called = resolveCalledFunction(context, call.callee);
  const fn = called ? asyncBody(called) : null;
  if (!fn) return false;
  let fails = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (fails) return false;
      const failing = node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ThrowStatement;
      if (failing && !inCaughtBlock(node, fn)) fails = true;
      return undefined;
    },
    visitorKeys,
  );
  return fails;
}

/**
 * Inside a `try` that has a `catch`, within `fn`: its block is caught, and its `catch` / `finally` are the
 * author's error handling (a rethrow there is `findEscape`'s question).
 */
function inCaughtBlock(node: TSESTree.Node, fn: AnyFunction): boolean {
  for (let parent = node.parent; parent && parent !== fn; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.handler) return true;
  }
  return false;
}

/** A promise-valued expression (possibly a chain) that may reject without a handler. */
export function promiseMayReject(context: Context, node: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth = 0): boolean {
  const chain = getPromiseChain(node);
  if (chain.handled) return false;
  if (chain.root !== skipTransparent(node) && chain.root.type !== AST_NODE_TYPES.CallExpression && chain.root.type !== AST_NODE_TYPES.NewExpression) {
    // x.then(f) on a value we know nothing about: only types can tell.
    return isThenableByType(context, chain.root);
  }
  return mayReject(context, chain.root, visitorKeys, depth);
}

/** `new Promise((resolve) => setTimeout(resolve, ms))` takes no `reject`: it only waits. */
export function isRejectingExecutor(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const executor = skipTransparent(node);
  return !isFunctionNode(executor) || executor.params.length >= 2;
}

/**
 * `this.cleanupBackups().catch((e) => log.error(e.message))`: a rejection handler on the call of a
 * same-file async function that cannot fail at all (every call, `new` and `throw` of its body sits in a
 * `try` that catches, and nothing escapes its catches: `asyncCallMayFail`). The handler never runs. Only
 * a handler on that call itself: a `.then` step between them may throw.
 */
export function handlesNoRejection(context: Context, handler: TSESTree.Node): boolean {
  if (!isFunctionNode(handler) || !isRejectionHandler(handler)) return false;
  const link = handler.parent as TSESTree.CallExpression;
  const promise = skipTransparent((link.callee as TSESTree.MemberExpression).object);
  if (promise.type !== AST_NODE_TYPES.CallExpression) return false;
  const fn = resolveCalledFunction(context, promise.callee);
  return fn !== null && asyncBody(fn) !== null && !asyncCallMayFail(context, promise, context.sourceCode.visitorKeys);
}
