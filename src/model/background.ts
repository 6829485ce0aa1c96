/**
 * Work that runs outside the request/response cycle: timers, cron schedulers, event
 * listeners, job queues and the objects that run them. A callback is background work
 * only when it is handed to one of these APIs, so route handlers are never candidates.
 *
 * For each API we also record whether the API itself catches a rejected promise from
 * the callback (a job queue marks the job failed; Nest's scheduler and Fastify's
 * lifecycle hooks catch and log or propagate), because then the callback body need
 * not catch, though promises it starts without awaiting still escape.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTransparent,
  findEnclosingClass,
  walkTree,
  functionVariable,
  propertyValue,
} from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { decoratorName, methodDecorators } from './decorators.js';
import { getImportSource } from './modules.js';
import { droppedCallbackPositions } from './dropped-callbacks.js';
import { RUNNER_MODULES, getJobRunnerKind, isAgendaObject, isBullQueue, namesModule, rootImport } from './job-runners.js';
import { isGlobalName } from './promises.js';
import { mayCallFunction, resolveCalledFunction } from './called-functions.js';
import { isTerminationSignal } from './shutdown-listeners.js';
import { exitsWhenDone } from './process-exit.js';
import { isProcessObject } from './process-object.js';
import { awaitsHandlers, takesContinuation } from './dispatchers.js';

export type BackgroundKind = 'timer' | 'cron' | 'listener' | 'job' | 'scheduled-method' | 'lifecycle-hook' | 'custom';

export interface BackgroundCallback {
  /** The argument as written: a function, a name, `this.poll`, `this.poll.bind(this)`. */
  argument: TSESTree.Node;
  /** The same-file function it denotes, when known. */
  fn: AnyFunction | null;
  /** The call, `new` expression or method that registers it. */
  registration: TSESTree.Node;
  /** How messages name the API: `setInterval`, `cron.schedule`, `'data' listener`. */
  api: string;
  kind: BackgroundKind;
  /** The API itself catches a rejection of the callback's promise (and records, logs or propagates it). */
  rejectionHandled: boolean;
  /**
   * A `process` listener for a termination signal (SIGTERM, SIGINT, …): the process is ending, and a
   * rejection escaping the handler ends it too, with the error printed.
   */
  shutdown?: boolean;
  /**
   * A listener of a `before…` / `after…` lifecycle event (`app.on('afterStart', async () => …)`): such
   * events are fired by a hook runner that awaits its listeners (NocoBase's `emitAsync`, Sequelize- and
   * Feathers-style hooks), so the listener's rejection reaches the code that fired the event.
   */
  lifecycleEvent?: boolean;
}


const TIMERS = new Set(['setInterval', 'setTimeout', 'setImmediate', 'queueMicrotask']);
const TIMER_OWNERS = new Set(['global', 'globalThis', 'window', 'self', 'timers']);
/** An injected clock or timer object: `this.timers.setInterval(fn, ms)`, `deps.clock.setTimeout(fn)`. */
const INJECTED_TIMER_OWNER = /^_?(?:timers?|clock|timeProvider|timerService|scheduler)$/iu;
const TIMER_MODULES = new Set(['timers', 'node:timers']);
/** A lifecycle hook's event name (`afterStart`, `beforeLoadPlugin`, `after:save`, `before-destroy`), also qualified by the
 * model it is for (`users.afterSave`, `roles.afterSaveWithAssociations`: Sequelize-style hooks a database fires and awaits). */
const LIFECYCLE_EVENT = /^(?:[\w$-]+\.)?(?:before|after)(?:[A-Z]|[-:_][a-z])/u;
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** `process` events another rule (global error handlers) is about. */
const PROCESS_HANDLER_EVENTS = new Set([
  'uncaughtException',
  'unhandledRejection',
  'uncaughtExceptionMonitor',
  'rejectionHandled',
  'multipleResolves',
]);
/** Fastify awaits these hooks and routes their errors (ready()/close() reject, onListen logs). */
const FASTIFY_APP_HOOKS = new Set(['onClose', 'onReady', 'onListen', 'preClose']);
/** @nestjs/schedule wraps these methods in a try/catch that logs (since 0.4.2, 2021). */
const NEST_SCHEDULE_DECORATORS = new Set(['Cron', 'Interval', 'Timeout']);

const NODE_CRON_MODULES = new Set(['node-cron']);

/**
 * Answers per node, filed with the `extraApis` they were computed for (a rule option): an answer
 * asked for with other extra APIs is computed afresh, never taken from the cache.
 */
interface Cached<T> {
  extraApis: readonly string[];
  value: T;
}
const callbackCache = fileCache<Map<TSESTree.Node, Cached<BackgroundCallback[]>>>();
const functionCache = fileCache<Map<AnyFunction, Cached<BackgroundCallback | null>>>();
const NO_CALLBACKS: BackgroundCallback[] = [];
/** Methods that register a callback on a receiver (see `computeBackgroundCallbacks`). */
const REGISTERING_METHODS = new Set([...LISTENER_METHODS, 'schedule', 'from', 'listen', 'addHook', 'process', 'define', 'nextTick', 'subscribe']);
/** A member call's method name that may register background work: a timer's or a registering method (one Set look-up per call). */
const MEMBER_REGISTRATION_NAMES: ReadonlySet<string> = new Set([...TIMERS, ...REGISTERING_METHODS]);


/** The function an argument denotes: inline, a same-file name, `this.method`, or `f.bind(...)`. */
export function resolveCallbackArgument(context: Context, node: TSESTree.Node): AnyFunction | null {
  const n = skipTransparent(node);
  if (isFunctionNode(n)) return n;
  if (
    n.type === AST_NODE_TYPES.CallExpression &&
    n.callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyName(n.callee) === 'bind'
  ) {
    return resolveFunction(context, n.callee.object);
  }
  if (n.type === AST_NODE_TYPES.Identifier) return resolveFunction(context, n);
  // `this.poll`, a const instance's method, Apostrophe's `self.cleanup` (see resolveCalledFunction).
  if (n.type === AST_NODE_TYPES.MemberExpression) return resolveCalledFunction(context, n);
  return null;
}

/** An inline async function (not a generator). */
function isAsyncFunction(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return isFunctionNode(n) && n.async && !n.generator;
}

/** Some argument is an inline async function (a loop: asked of every call by a plain name, no closure per call). */
function hasAsyncFunctionArgument(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  for (const a of args) if (isAsyncFunction(a)) return true;
  return false;
}

/** Whether an argument can be a function at all (so `setTimeout(1000)` of timers/promises is not a timer callback). */
function isCallbackLike(node: TSESTree.Node | undefined): node is TSESTree.Expression {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const n = skipTransparent(node);
  return (
    isFunctionNode(n) ||
    n.type === AST_NODE_TYPES.Identifier ||
    n.type === AST_NODE_TYPES.MemberExpression ||
    (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(n.callee) === 'bind')
  );
}

function makeCallback(context: Context, argument: TSESTree.Node, registration: TSESTree.Node, api: string, kind: BackgroundKind, rejectionHandled: boolean): BackgroundCallback {
  return { argument, fn: resolveCallbackArgument(context, argument), registration, api, kind, rejectionHandled };
}

function isModule(context: Context, node: TSESTree.Node, modules: ReadonlySet<string>): boolean {
  const source = rootImport(context, node);
  return source !== null && modules.has(source.source);
}

/** Whether the value of `node` (a `new CronJob`) is passed to `schedulerRegistry.addCronJob`, which catches and logs. */
function isAddedToNestRegistry(context: Context, node: TSESTree.Node): boolean {
  const parent = node.parent;
  const isAdd = (call: TSESTree.Node | undefined): boolean =>
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyName(call.callee) === 'addCronJob';
  if (isAdd(parent)) return true;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = context.sourceCode.getDeclaredVariables(parent)[0];
    return !!variable?.references.some((ref) => isAdd(ref.identifier.parent));
  }
  return false;
}

/**
 * The background callbacks a call registers. `extraApis` are callee paths (or last
 * segments) the user declared as background schedulers.
 */
export function getBackgroundCallbacks(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  extraApis: readonly string[] = [],
): BackgroundCallback[] {
  if (extraApis.length === 0 && !mayRegister(context, node)) return NO_CALLBACKS;
  const cached = perFileMap(callbackCache, context.sourceCode).get(node);
  if (cached && cached.extraApis === extraApis) return cached.value;
  const result = computeBackgroundCallbacks(context, node, extraApis);
  perFileMap(callbackCache, context.sourceCode).set(node, { extraApis, value: result });
  return result;
}

/**
 * A name check before any scope or import look-up: false when `computeBackgroundCallbacks` cannot
 * find a callback in this call (no timer, scheduler, listener, queue or `new CronJob` / `new Worker`
 * shape), so that most calls of a file cost a property read.
 */
function mayRegister(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTransparent(node.callee);
  const args = node.arguments;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    // `new Worker(name, processor)` of bullmq needs the module named in the file.
    return name === 'CronJob' || (args.length >= 2 && isCallbackLike(args[1]) && namesModule(context, RUNNER_MODULES));
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // `schedule(expression, fn)` imported from node-cron under any name.
    return TIMERS.has(callee.name) || (args.length >= 2 && isCallbackLike(args[1]) && namesModule(context, NODE_CRON_MODULES)) || hasAsyncFunctionArgument(args);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  return method !== null && MEMBER_REGISTRATION_NAMES.has(method);
}

function computeBackgroundCallbacks(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  extraApis: readonly string[],
): BackgroundCallback[] {
  const callee = skipTransparent(node.callee);
  const args = node.arguments;
  const path = getCalleePath(node);
  const last = path === null ? null : lastSegment(path);

  if (node.type === AST_NODE_TYPES.CallExpression) {
    // setInterval(fn), global.setTimeout(fn), timers.setImmediate(fn), process.nextTick(fn)
    if (last !== null && TIMERS.has(last) && isCallbackLike(args[0])) {
      const isTimer =
        callee.type === AST_NODE_TYPES.Identifier
          ? isGlobalName(context, callee) || TIMER_MODULES.has(getImportSource(context, callee)?.source ?? '')
          : callee.type === AST_NODE_TYPES.MemberExpression &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            TIMER_OWNERS.has(callee.object.name) &&
            (callee.object.name !== 'timers' || isModule(context, callee, TIMER_MODULES));
      const owner =
        callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.MemberExpression
          ? getPropertyName(callee.object)
          : null;
      if (owner !== null && INJECTED_TIMER_OWNER.test(owner)) return [makeCallback(context, args[0], node, `${owner}.${last}`, 'timer', false)];
      if (isTimer) return [makeCallback(context, args[0], node, last, 'timer', false)];
    }
    if (path === 'process.nextTick' && isCallbackLike(args[0])) {
      return [makeCallback(context, args[0], node, 'process.nextTick', 'timer', false)];
    }

    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(callee);
      const receiver = skipTransparent(callee.object);
      const receiverName = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : null;
      // `this.listen(matcher, options, async (msg) => …)` with `listen` a method of this file: the project's own registry.
      if (method !== null && (LISTENER_METHODS.has(method) || method === 'listen' || method === 'subscribe') && isOwnRegistry(context, callee)) return [];

      // node-cron: cron.schedule('* * * * *', fn)
      if (method === 'schedule' && args.length >= 2 && isCallbackLike(args[1]) && !isFunctionNode(skipTransparent(args[0]!))) {
        const fromModule = isModule(context, receiver, NODE_CRON_MODULES);
        const byName = receiverName !== null && /^(?:node_?)?cron$/iu.test(receiverName) && rootImport(context, receiver) === null;
        if (fromModule || byName) return [makeCallback(context, args[1]!, node, `${receiverName ?? 'cron'}.schedule`, 'cron', false)];
      }
      // cron: CronJob.from({ onTick, errorHandler })
      if (method === 'from' && receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'CronJob') {
        const onTick = propertyValue(args[0], 'onTick');
        if (onTick && isCallbackLike(onTick)) {
          const handled = propertyValue(args[0], 'errorHandler') !== null || isAddedToNestRegistry(context, node);
          return [makeCallback(context, onTick, node, 'CronJob', 'cron', handled)];
        }
      }
      // Event listeners: emitter.on('event', fn). Exactly two arguments, so Hono's app.on('GET', '/x', h) is not one.
      if (method !== null && LISTENER_METHODS.has(method) && args.length === 2 && isCallbackLike(args[1]) && !isFunctionNode(skipTransparent(args[0]!))) {
        const event = getStringValue(args[0]);
        // `process.on`, also compiled (`process_1.default.on`) and chained (`process.once('message', f).once('SIGINT', g)`).
        const onProcess = receiverName === 'process' || isProcessObject(receiver, context);
        if (onProcess && event !== null && PROCESS_HANDLER_EVENTS.has(event)) return [];
        if (isCapturingEmitter(context, receiver)) return [];
        // Telegraf / grammY `bot.on('text', async (ctx) => …)` is middleware: the bot catches its errors.
        if (isMiddlewareLike(args[1]!)) return [];
        const api = event !== null ? `'${event}' listener` : 'event listener';
        const callback = makeCallback(context, args[1]!, node, api, 'listener', false);
        // A dispatcher awaits the handler and hands its rejection to the sender (a middleware link taking
        // `next`, a SAP CAP service's or an Emittery emitter's handler): promises it starts without awaiting still escape.
        if ((callback.fn !== null && takesContinuation(callback.fn)) || awaitsHandlers(context, receiver)) callback.rejectionHandled = true;
        // Process 'exit' listeners run as the process ends: nothing they await completes, so no rejection is ever recorded or lost.
        // A listener that ends by exiting (`repl.on('exit', async () => { await app.stop(); process.exit(0) })`) is one too.
        if ((onProcess && (event === 'exit' || isTerminationSignal(context, args[0]!))) || (callback.fn !== null && exitsWhenDone(callback.fn, context.sourceCode.visitorKeys))) callback.shutdown = true;
        // An application's own 'shutdown' event (`cds.on('shutdown', () => this.disconnect())`) runs as the process ends.
        else if (!onProcess && event === 'shutdown') callback.shutdown = true;
        else if (!onProcess && event !== null && LIFECYCLE_EVENT.test(event)) callback.lifecycleEvent = true;
        return [callback];
      }
      // An observable's subscriber (RxJS `events$.subscribe(async (e) => …)`, `subscribe({ next })`, a store's
      // `subscribe(listener)`): the source calls `next` and drops what it returns, so a rejection goes unhandled.
      // Not `pubsub.subscribe('channel', fn)`: a channel-first API is the caller's own bus, which may await.
      if (method === 'subscribe' && args.length >= 1 && args.length <= 3 && getStringValue(args[0]) === null) {
        const first = skipTransparent(args[0]!);
        const next = first.type === AST_NODE_TYPES.ObjectExpression ? propertyValue(first, 'next') : args.length === 1 || isFunctionNode(first) ? args[0]! : null;
        if (next && isCallbackLike(next)) return [makeCallback(context, next, node, 'subscribe', 'listener', false)];
      }
      // server.listen(port, cb) registers cb as a 'listening' listener; Fastify's (err, address) callback alike.
      if (method === 'listen' && args.length >= 2 && isFunctionNode(skipTransparent(args.at(-1)!))) {
        return [makeCallback(context, args.at(-1)!, node, 'listen', 'listener', false)];
      }
      // Fastify application hooks: awaited by Fastify, errors propagate to ready()/close().
      if (method === 'addHook' && args.length === 2 && isCallbackLike(args[1])) {
        const hook = getStringValue(args[0]);
        if (hook !== null && FASTIFY_APP_HOOKS.has(hook)) return [makeCallback(context, args[1]!, node, `${hook} hook`, 'lifecycle-hook', true)];
      }
      // bull / bee-queue: queue.process([name], [concurrency], fn). The queue marks the job failed.
      if (method === 'process' && args.length >= 1 && args.length <= 3 && isCallbackLike(args.at(-1)) && isBullQueue(context, receiver)) {
        return [makeCallback(context, args.at(-1)!, node, `${receiverName ?? 'queue'}.process`, 'job', true)];
      }
      // agenda.define(name, [options], fn). Agenda marks the job failed and emits 'fail'.
      if (method === 'define' && args.length >= 2 && args.length <= 3 && getStringValue(args[0]) !== null && isCallbackLike(args.at(-1))) {
        const isAgenda = isAgendaObject(context, receiver) || (receiverName !== null && /agenda/iu.test(receiverName));
        if (isAgenda) return [makeCallback(context, args.at(-1)!, node, `${receiverName ?? 'agenda'}.define`, 'job', true)];
      }
    }
    // An async callback handed to a same-file function that calls it as a statement: `createServer(app, async (err, server) => …)`.
    if (callee.type === AST_NODE_TYPES.Identifier && args.some((a) => isAsyncFunction(a))) {
      const dropped = droppedCallbackPositions(context, node);
      const callbacks = args.flatMap((a, i) => (dropped.has(i) && isAsyncFunction(a) ? [makeCallback(context, a, node, callee.name, 'custom', false)] : []));
      if (callbacks.length > 0) return callbacks;
    }
    // Named import: import { schedule } from 'node-cron'
    if (callee.type === AST_NODE_TYPES.Identifier && args.length >= 2 && isCallbackLike(args[1])) {
      const source = getImportSource(context, callee);
      if (source && NODE_CRON_MODULES.has(source.source) && source.imported === 'schedule') {
        return [makeCallback(context, args[1]!, node, 'cron.schedule', 'cron', false)];
      }
    }
  } else {
    // new CronJob(time, onTick, onComplete, start, timeZone, context, runOnInit, utcOffset, unrefTimeout, waitForCompletion, errorHandler)
    if (last === 'CronJob') {
      const first = args[0] ? skipTransparent(args[0]) : undefined;
      if (first?.type === AST_NODE_TYPES.ObjectExpression) {
        const onTick = propertyValue(first, 'onTick');
        if (onTick && isCallbackLike(onTick)) {
          const handled = propertyValue(first, 'errorHandler') !== null || isAddedToNestRegistry(context, node);
          return [makeCallback(context, onTick, node, 'CronJob', 'cron', handled)];
        }
      } else if (isCallbackLike(args[1])) {
        const errorHandler = args[10];
        const handled =
          (errorHandler !== undefined && !(errorHandler.type === AST_NODE_TYPES.Literal && errorHandler.value === null) && !(errorHandler.type === AST_NODE_TYPES.Identifier && errorHandler.name === 'undefined')) ||
          isAddedToNestRegistry(context, node);
        return [makeCallback(context, args[1], node, 'CronJob', 'cron', handled)];
      }
    }
    // bullmq: new Worker(queueName, processor, opts). The worker marks the job failed.
    if (args.length >= 2 && isCallbackLike(args[1]) && getJobRunnerKind(context, node) === 'bullmq-worker') {
      return [makeCallback(context, args[1], node, 'Worker', 'job', true)];
    }
  }

  if (path !== null && extraApis.length > 0 && (extraApis.includes(path) || extraApis.includes(lastSegment(path)))) {
    const callbacks: BackgroundCallback[] = [];
    for (const arg of args) {
      const a = skipTransparent(arg);
      if (isFunctionNode(a)) callbacks.push(makeCallback(context, a, node, path, 'custom', false));
    }
    if (callbacks.length === 0) {
      const candidate = args.find((a) => isCallbackLike(a) && resolveCallbackArgument(context, a) !== null);
      if (candidate) callbacks.push(makeCallback(context, candidate, node, path, 'custom', false));
    }
    return callbacks;
  }
  return [];
}

/** Registration methods a registry may hand a callback on to: an emitter's, a server's, an observable's, a timer. */
const FORWARDING_METHODS = new Set([...LISTENER_METHODS, 'listen', 'subscribe', ...TIMERS]);

/**
 * `this.listen(matcher, options, async (msg) => …)` where `listen` is a method this file defines
 * (Hubot's `Robot#listen` stores the callback as `new Listener(…)`, which its own dispatcher awaits
 * inside try/catch): a registry of the project itself, not an emitter's, a server's or an observable's
 * API that drops what its listeners return. How the callback is called is that project code's
 * question, read where it is called; the registration alone shows no dropped promise. Unless the
 * method hands a parameter straight on to such an API (`on(event, fn) { this.emitter.on(event, fn) }`,
 * `super.on(…)`): then it is that API's registration.
 */
function isOwnRegistry(context: Context, callee: TSESTree.MemberExpression): boolean {
  // A name check first: most `.on(…)` / `.listen(…)` calls name no function of the file.
  const fn = mayCallFunction(context, callee) ? resolveCalledFunction(context, callee) : null;
  if (!fn) return false;
  const params = new Set(fn.params.flatMap((p) => (p.type === AST_NODE_TYPES.Identifier ? [p.name] : [])));
  let forwards = false;
  walkTree(
    fn.body,
    (node) => {
      if (forwards || node.type !== AST_NODE_TYPES.CallExpression) return;
      const inner = skipTransparent(node.callee);
      const name = inner.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(inner) : inner.type === AST_NODE_TYPES.Identifier ? inner.name : null;
      if (name === null || !FORWARDING_METHODS.has(name)) return;
      forwards = node.arguments.some((a) => {
        const arg = skipTransparent(a);
        return arg.type === AST_NODE_TYPES.Identifier ? params.has(arg.name) : isFunctionNode(arg);
      });
    },
    context.sourceCode.visitorKeys,
  );
  return !forwards;
}

/** A handler whose first parameter is a middleware context (`ctx`), not an event payload. */
function isMiddlewareLike(node: TSESTree.Node): boolean {
  const fn = skipTransparent(node);
  if (!isFunctionNode(fn)) return false;
  const first = fn.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && /^(?:ctx|context)$/u.test(first.name);
}

/** `new EventEmitter({ captureRejections: true })`: rejected listeners become 'error' events. */
function isCapturingEmitter(context: Context, receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, receiver);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return false;
  const init = variable.defs[0]!.node.init;
  if (!init || init.type !== AST_NODE_TYPES.NewExpression) return false;
  const option = propertyValue(init.arguments[0], 'captureRejections');
  return option?.type === AST_NODE_TYPES.Literal && option.value === true;
}

/** A class method scheduled by `@Cron()` / `@Interval()` / `@Timeout()` of @nestjs/schedule (also as TypeScript compiles it). */
export function getScheduledMethod(method: TSESTree.MethodDefinition): BackgroundCallback | null {
  if (method.value.type !== AST_NODE_TYPES.FunctionExpression) return null;
  for (const decorator of methodDecorators(method)) {
    const name = decoratorName(decorator);
    if (name !== null && NEST_SCHEDULE_DECORATORS.has(name)) {
      return {
        argument: method.value,
        fn: method.value,
        registration: decorator,
        api: `@${name}()`,
        kind: 'scheduled-method',
        rejectionHandled: true,
      };
    }
  }
  return null;
}

/**
 * Whether a function runs as background work: passed inline to a background API, a
 * Nest scheduled method, or a same-file function whose name is passed to one.
 */
export function getBackgroundRegistration(context: Context, fn: AnyFunction, extraApis: readonly string[] = []): BackgroundCallback | null {
  const cached = perFileMap(functionCache, context.sourceCode).get(fn);
  if (cached && cached.extraApis === extraApis) return cached.value;
  const result = computeBackgroundRegistration(context, fn, extraApis);
  perFileMap(functionCache, context.sourceCode).set(fn, { extraApis, value: result });
  return result;
}

function registrationAt(context: Context, argument: TSESTree.Node, extraApis: readonly string[]): BackgroundCallback | null {
  // Climb through wrappers that keep the value: `fn as X`, `fn.bind(this)`, `{ onTick: fn }`.
  const chain: TSESTree.Node[] = [argument];
  let current: TSESTree.Node = argument;
  for (let i = 0; i < 5; i++) {
    const parent = current.parent;
    if (!parent) return null;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) {
      // fn.bind(this)
      if (current.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(current) !== 'bind') return null;
    } else if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
      return getBackgroundCallbacks(context, parent, extraApis).find((cb) => chain.includes(cb.argument)) ?? null;
    } else if (
      !(
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        (parent.type === AST_NODE_TYPES.Property && parent.value === current) ||
        parent.type === AST_NODE_TYPES.ObjectExpression ||
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && getPropertyName(parent) === 'bind')
      )
    ) {
      return null;
    }
    current = parent;
    chain.push(current);
  }
  return null;
}

function computeBackgroundRegistration(context: Context, fn: AnyFunction, extraApis: readonly string[]): BackgroundCallback | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn) return getScheduledMethod(parent);
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration) {
    const inline = registrationAt(context, fn, extraApis);
    if (inline) return inline;
  }
  // function poll() {} … setInterval(poll, 1000)
  let variables: readonly TSESLint.Scope.Variable[] = [];
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    variables = context.sourceCode.getDeclaredVariables(fn).filter((v) => v.defs.some((d) => d.type === 'FunctionName'));
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    variables = context.sourceCode.getDeclaredVariables(parent);
  }
  for (const variable of variables) {
    for (const ref of variable.references) {
      if (ref.init) continue;
      const found = registrationAt(context, ref.identifier, extraApis);
      if (found) return found;
    }
  }
  return null;
}

/** `process.on('message')`, `parentPort.on('message')`, `process.on('disconnect')`: the channel to a supervising parent. */
export function isSupervisorChannel(cb: BackgroundCallback): boolean {
  const call = cb.registration;
  if (cb.kind !== 'listener' || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (isProcessObject(call.callee.object)) return true;
  const owner = getMemberPath(call.callee.object);
  return owner !== null && ( owner === 'parentPort' || owner.endsWith('.parentPort') || owner === 'cluster.worker');
}

/**
 * The background callback `node` runs in, through nested functions, else null. A same-file helper
 * that is only ever called from background callbacks runs in one too (`const handleAuth = function (msg)
 * {…}` called only inside `ws.on('message', …)`): the first such callback answers.
 */
export function enclosingBackgroundCallback(context: Context, node: TSESTree.Node, extraApis: readonly string[] = []): BackgroundCallback | null {
  const direct = registeredAround(context, node, extraApis);
  if (direct) return direct;
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
    const caller = backgroundCaller(context, fn, extraApis);
    if (caller) return caller;
  }
  return null;
}

/** The background callback registered around `node` (the function holding it or one enclosing that), else null. */
function registeredAround(context: Context, node: TSESTree.Node, extraApis: readonly string[]): BackgroundCallback | null {
  let fn = getEnclosingFunction(node);
  while (fn) {
    const registration = getBackgroundRegistration(context, fn, extraApis);
    if (registration) return registration;
    fn = getEnclosingFunction(fn);
  }
  return null;
}

/**
 * The background callback a named same-file function is called from, when every reference to it is a
 * call made inside a registered background callback; null when it is passed on, exported or called elsewhere.
 * A class method counts through its `this.m(…)` calls in the class (`setInterval(() => this.poll())`).
 */
export function backgroundCaller(context: Context, fn: AnyFunction, extraApis: readonly string[] = []): BackgroundCallback | null {
  const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn ? fn.parent : null;
  if (method) {
    const references = method.kind === 'method' && !method.static && !method.computed ? thisReferences(context, method) : [];
    return references.length > 0 ? callerOfAll(context, references, extraApis) : null;
  }
  const variable = functionVariable(context, fn);
  if (!variable) return null;
  const references = variable.references.filter((ref) => !ref.init).map((ref) => ref.identifier);
  return references.length === 0 ? null : callerOfAll(context, references, extraApis);
}

/**
 * The first background callback around calls whose callee is each of `callees` (one that is no shutdown
 * listener first: a routine also run by a timer is not shutdown work, whichever call comes first); null
 * when one is not such a call.
 */
function callerOfAll(context: Context, callees: readonly TSESTree.Node[], extraApis: readonly string[]): BackgroundCallback | null {
  let found: BackgroundCallback | null = null;
  for (const callee of callees) {
    const call = callee.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return null;
    const cb = registeredAround(context, call, extraApis);
    if (!cb) return null;
    if (!found || (found.shutdown && !cb.shutdown)) found = cb;
  }
  return found;
}

const thisReferenceCache = fileCache<Map<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>>();

/** The `this.name` expressions of the method's class that denote it (not those in nested classes or plain functions). */
function thisReferences(context: Context, method: TSESTree.MethodDefinition): readonly TSESTree.MemberExpression[] {
  const body = method.parent;
  const cls = body.parent;
  let byName = perFileMap(thisReferenceCache, context.sourceCode).get(body);
  if (!byName) {
    const found = new Map<string, TSESTree.MemberExpression[]>();
    walkTree(body, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || findEnclosingClass(node) !== cls) return;
      const name = getPropertyName(node);
      if (name === null) return;
      const list = found.get(name);
      if (list) list.push(node);
      else found.set(name, [node]);
    }, context.sourceCode.visitorKeys);
    byName = found;
    perFileMap(thisReferenceCache, context.sourceCode).set(body, byName);
  }
  const name = getPropertyName(method);
  return name === null ? [] : (byName.get(name) ?? []);
}
