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
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTransparent,
  walkSameFunction,
  getRootIdentifier,
  skipTypeWrappers,
} from './ast.js';
import { getBoundVariables, isHandoffCall, readsAny } from './errors.js';
import { type ImportSource, getImportSource } from './modules.js';
import { getLoggingLevel, isAtLeast } from './loggers.js';

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
}


const TIMERS = new Set(['setInterval', 'setTimeout', 'setImmediate', 'queueMicrotask']);
const TIMER_OWNERS = new Set(['global', 'globalThis', 'window', 'self', 'timers']);
/** An injected clock or timer object: `this.timers.setInterval(fn, ms)`, `deps.clock.setTimeout(fn)`. */
const INJECTED_TIMER_OWNER = /^_?(?:timers?|clock|timeProvider|timerService|scheduler)$/iu;
const TIMER_MODULES = new Set(['timers', 'node:timers']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** `process` events another rule (global error handlers) is about. */
const PROCESS_HANDLER_EVENTS = new Set([
  'uncaughtException',
  'unhandledRejection',
  'uncaughtExceptionMonitor',
  'rejectionHandled',
  'multipleResolves',
]);
/**
 * Signals whose handler ends the process (a graceful shutdown). A rejection escaping such a handler
 * ends it too, with Node's printed stack (or the app's rejection handler's log): nothing is lost
 * that the shutdown was not about to lose. SIGHUP and SIGUSR1/2 are often "reload", so they stay.
 */
const TERMINATION_SIGNALS = new Set(['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGBREAK']);
/** Fastify awaits these hooks and routes their errors (ready()/close() reject, onListen logs). */
const FASTIFY_APP_HOOKS = new Set(['onClose', 'onReady', 'onListen', 'preClose']);
/** @nestjs/schedule wraps these methods in a try/catch that logs (since 0.4.2, 2021). */
const NEST_SCHEDULE_DECORATORS = new Set(['Cron', 'Interval', 'Timeout']);

const NODE_CRON_MODULES = new Set(['node-cron']);
const BULL_MODULES = new Set(['bull', 'bee-queue']);
const BULLMQ_MODULES = new Set(['bullmq', '@taskforcesh/bullmq-pro']);
const AGENDA_MODULES = new Set(['agenda', '@hokify/agenda']);
const THREAD_MODULES = new Set(['worker_threads', 'node:worker_threads']);
const EVENTS_MODULES = new Set(['events', 'node:events', 'eventemitter3', 'eventemitter2']);

/**
 * Answers per node, filed with the `extraApis` they were computed for (a rule option): an answer
 * asked for with other extra APIs is computed afresh, never taken from the cache.
 */
interface Cached<T> {
  extraApis: readonly string[];
  value: T;
}
const callbackCache = new WeakMap<TSESTree.Node, Cached<BackgroundCallback[]>>();
const functionCache = new WeakMap<AnyFunction, Cached<BackgroundCallback | null>>();
const NO_CALLBACKS: BackgroundCallback[] = [];
/** Methods that register a callback on a receiver (see `computeBackgroundCallbacks`). */
const REGISTERING_METHODS = new Set([...LISTENER_METHODS, 'schedule', 'from', 'listen', 'addHook', 'process', 'define', 'nextTick']);

/** The module the root identifier of a callee (`cron` in `cron.schedule`, `Worker`) comes from. */
function rootImport(context: Context, node: TSESTree.Node): ImportSource | null {
  const root = getRootIdentifier(node);
  return root ? getImportSource(context, root) : null;
}

/** Whether the identifier is unbound (a global) rather than a local declaration. */
function isGlobalName(context: Context, node: TSESTree.Identifier): boolean {
  const variable = findVariable(context, node);
  return !variable || variable.defs.length === 0;
}

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
  if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) return resolveFunction(context, n);
  return null;
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

function makeCallback(
  context: Context,
  argument: TSESTree.Node,
  registration: TSESTree.Node,
  api: string,
  kind: BackgroundKind,
  rejectionHandled: boolean,
): BackgroundCallback {
  return { argument, fn: resolveCallbackArgument(context, argument), registration, api, kind, rejectionHandled };
}

function isModule(context: Context, node: TSESTree.Node, modules: ReadonlySet<string>): boolean {
  const source = rootImport(context, node);
  return source !== null && modules.has(source.source);
}

function propertyValue(object: TSESTree.Node | undefined, name: string): TSESTree.Node | null {
  if (!object || object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === name) return prop.value;
  }
  return null;
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
  const cached = callbackCache.get(node);
  if (cached && cached.extraApis === extraApis) return cached.value;
  const result = computeBackgroundCallbacks(context, node, extraApis);
  callbackCache.set(node, { extraApis, value: result });
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
    return TIMERS.has(callee.name) || (args.length >= 2 && isCallbackLike(args[1]) && namesModule(context, NODE_CRON_MODULES));
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  return method !== null && (TIMERS.has(method) || REGISTERING_METHODS.has(method));
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
        if (receiverName === 'process' && event !== null && PROCESS_HANDLER_EVENTS.has(event)) return [];
        if (isCapturingEmitter(context, receiver)) return [];
        // Telegraf / grammY `bot.on('text', async (ctx) => …)` is middleware: the bot catches its errors.
        if (isMiddlewareLike(args[1]!)) return [];
        const api = event !== null ? `'${event}' listener` : 'event listener';
        const callback = makeCallback(context, args[1]!, node, api, 'listener', false);
        if (receiverName === 'process' && isTerminationSignal(context, args[0]!)) callback.shutdown = true;
        return [callback];
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

/**
 * The event names an argument can hold: a string, or the parameter of a loop over a literal list
 * (`['SIGTERM', 'SIGINT'].forEach((signal) => process.on(signal, stop))`,
 * `for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, stop)`). Null when unknown.
 */
function possibleEventNames(context: Context, node: TSESTree.Node): string[] | null {
  const n = skipTransparent(node);
  const literal = getStringValue(n);
  if (literal !== null) return [literal];
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  const def = variable.defs[0]!;
  let list: TSESTree.Node | null = null;
  if (def.type === 'Parameter' && def.node.params[0] === def.name) {
    // ['SIGTERM', 'SIGINT'].forEach((signal) => …)
    const call = def.node.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === def.node &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(call.callee) === 'forEach'
    ) {
      list = call.callee.object;
    }
  } else if (def.type === 'Variable' && def.parent.parent?.type === AST_NODE_TYPES.ForOfStatement && def.parent.parent.left === def.parent) {
    // for (const signal of ['SIGTERM', 'SIGINT'])
    list = def.parent.parent.right;
  }
  if (!list) return null;
  const array = skipTransparent(list);
  if (array.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length === 0) return null;
  const names: string[] = [];
  for (const element of array.elements) {
    const value = element && element.type !== AST_NODE_TYPES.SpreadElement ? getStringValue(element) : null;
    if (value === null) return null;
    names.push(value);
  }
  return names;
}

/** `process.on('SIGTERM', …)`, also through a loop over a literal list of such signals. */
function isTerminationSignal(context: Context, node: TSESTree.Node): boolean {
  const names = possibleEventNames(context, node);
  return names !== null && names.every((name) => TERMINATION_SIGNALS.has(name));
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

/** The creation (`new X(...)` / `X(...)`) a receiver name was initialised with, if any. */
function creationOf(context: Context, receiver: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  const n = skipTransparent(receiver);
  if (n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) return n;
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  const init = variable.defs[0]!.node.init;
  if (!init) return null;
  const value = skipTransparent(init);
  return value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression ? value : null;
}

function isBullQueue(context: Context, receiver: TSESTree.Node): boolean {
  const creation = creationOf(context, receiver);
  return creation !== null && getJobRunnerKind(context, creation) === 'bull-queue';
}

function isAgendaObject(context: Context, receiver: TSESTree.Node): boolean {
  const creation = creationOf(context, receiver);
  return creation !== null && getJobRunnerKind(context, creation) === 'agenda';
}

const RUNNER_MODULES: ReadonlySet<string> = new Set([...THREAD_MODULES, ...BULLMQ_MODULES, ...BULL_MODULES, ...AGENDA_MODULES, ...EVENTS_MODULES]);
const moduleMentionCache = new WeakMap<object, Map<ReadonlySet<string>, boolean>>();

/**
 * Whether the file's text names one of `modules` as a whole string (`'bullmq'`, `"node:events"`):
 * every import or `require` that `getImportSource` follows does, so without one no name of this
 * file comes from those modules. One scan of the text per file and module set; a specifier spelled
 * with escape sequences (`'bull\u006dq'`) is not seen.
 */
function namesModule(context: Context, modules: ReadonlySet<string>): boolean {
  const sourceCode = context.sourceCode;
  let perFile = moduleMentionCache.get(sourceCode);
  if (!perFile) {
    perFile = new Map();
    moduleMentionCache.set(sourceCode, perFile);
  }
  let found = perFile.get(modules);
  if (found === undefined) {
    const text = sourceCode.text;
    found = [...modules].some((name) => {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
        const before = text[i - 1];
        if ((before === "'" || before === '"' || before === '`') && text[i + name.length] === before) return true;
      }
      return false;
    });
    perFile.set(modules, found);
  }
  return found;
}

export type JobRunnerKind = 'bullmq-worker' | 'bull-queue' | 'agenda' | 'worker-thread' | 'event-emitter' | 'queue-events';

/**
 * What a `new X(...)` (or bull's `Queue(...)` call) creates, judged by where `X` is imported
 * from. Null for anything else, including names whose origin is unknown (a `Worker` could
 * be a browser Web Worker).
 */
export function getJobRunnerKind(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): JobRunnerKind | null {
  const callee = skipTransparent(node.callee);
  const path = getMemberPath(callee);
  if (path === null) return null;
  // Without a runner module named in the file, only a bare `new EventEmitter()` can be one: skip the import look-up.
  if (!namesModule(context, RUNNER_MODULES) && !(node.type === AST_NODE_TYPES.NewExpression && lastSegment(path) === 'EventEmitter')) return null;
  const source = rootImport(context, callee);
  // `import { Worker as MqWorker } from 'bullmq'`: judge by the imported name.
  const last =
    callee.type === AST_NODE_TYPES.Identifier && source && source.imported !== 'default' && source.imported !== '*'
      ? source.imported
      : lastSegment(path);
  const from = source?.source ?? null;
  if (from === null) {
    // EventEmitter is not a global in Node; a bare name is still unmistakable.
    return node.type === AST_NODE_TYPES.NewExpression && last === 'EventEmitter' ? 'event-emitter' : null;
  }
  if (THREAD_MODULES.has(from) && last === 'Worker' && node.type === AST_NODE_TYPES.NewExpression) return 'worker-thread';
  if (BULLMQ_MODULES.has(from)) {
    if (last === 'Worker' && node.type === AST_NODE_TYPES.NewExpression) return 'bullmq-worker';
    if (last === 'QueueEvents' && node.type === AST_NODE_TYPES.NewExpression) return 'queue-events';
    return null;
  }
  if (BULL_MODULES.has(from)) {
    // import Queue from 'bull'; new Queue('x') / Queue('x') / new Bull('x')
    const isQueue = callee.type === AST_NODE_TYPES.Identifier ? source!.imported === 'default' || source!.imported === '*' : last === 'Queue' || last === 'default';
    return isQueue ? 'bull-queue' : null;
  }
  if (AGENDA_MODULES.has(from) && node.type === AST_NODE_TYPES.NewExpression) {
    const isAgenda = callee.type === AST_NODE_TYPES.Identifier ? source!.imported === 'default' || source!.imported === 'Agenda' : last === 'Agenda';
    return isAgenda ? 'agenda' : null;
  }
  if (EVENTS_MODULES.has(from) && node.type === AST_NODE_TYPES.NewExpression) {
    const isEmitter =
      callee.type === AST_NODE_TYPES.Identifier
        ? source!.imported === 'default' || source!.imported === 'EventEmitter' || source!.imported === 'EventEmitter2'
        : last === 'EventEmitter';
    return isEmitter ? 'event-emitter' : null;
  }
  return null;
}

/** A class method scheduled by `@Cron()` / `@Interval()` / `@Timeout()` of @nestjs/schedule. */
export function getScheduledMethod(method: TSESTree.MethodDefinition): BackgroundCallback | null {
  if (method.value.type !== AST_NODE_TYPES.FunctionExpression) return null;
  const decorators = method.decorators ?? [];
  for (const decorator of decorators) {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const name = getMemberPath(callee);
    if (name !== null && NEST_SCHEDULE_DECORATORS.has(lastSegment(name))) {
      return {
        argument: method.value,
        fn: method.value,
        registration: decorator,
        api: `@${lastSegment(name)}()`,
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
  const cached = functionCache.get(fn);
  if (cached && cached.extraApis === extraApis) return cached.value;
  const result = computeBackgroundRegistration(context, fn, extraApis);
  functionCache.set(fn, { extraApis, value: result });
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

const rejectionLoggerCache = new WeakMap<object, boolean>();

/**
 * The file installs `process.on('unhandledRejection', handler)` with a handler that logs (or
 * reports) what it receives: every rejection that escapes background work in this process is then
 * recorded with its stack. Found through the references to the global `process`, not a tree walk.
 */
export function installsRejectionLogger(context: Context): boolean {
  const sourceCode = context.sourceCode;
  const cached = rejectionLoggerCache.get(sourceCode);
  if (cached !== undefined) return cached;
  let found = false;
  const globalScope = sourceCode.scopeManager?.globalScope;
  // Unbound (\`through\`), or bound to the configured global of that name, never to a declaration.
  const declaredGlobal = globalScope?.set.get('process');
  const references = globalScope ? [...globalScope.through, ...(declaredGlobal && declaredGlobal.defs.length === 0 ? declaredGlobal.references : [])] : [];
  for (const ref of references) {
    if (found) break;
    const id = ref.identifier;
    if (id.type !== AST_NODE_TYPES.Identifier || id.name !== 'process') continue;
    const member = id.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id || !LISTENER_METHODS.has(getPropertyName(member) ?? '')) continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || getStringValue(call.arguments[0]) !== 'unhandledRejection') continue;
    const handler = call.arguments[1] ? resolveCallbackArgument(context, call.arguments[1]) : null;
    if (handler && handlerLogs(context, handler)) found = true;
  }
  rejectionLoggerCache.set(sourceCode, found);
  return found;
}

/** The handler passes the rejection reason (its first parameter) to a log or reporter call, outside nested functions. */
function handlerLogs(context: Context, fn: AnyFunction): boolean {
  const reason = getBoundVariables(context, fn.params[0]);
  if (reason.length === 0) return false;
  let logs = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (logs) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && getLoggingLevel(context, node) !== null && node.arguments.some((a) => readsAny(a, reason))) logs = true;
      return undefined;
    },
    context.sourceCode.visitorKeys,
  );
  return logs;
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

// ---------------------------------------------------------------------------
// Promises: which calls return one, which chains handle their rejection, and where
// an async function lets a rejection escape.

/** Callee names of helpers that take a promise and handle its rejection themselves. */
export const FIRE_AND_FORGET_HELPERS = new Set(['fireAndForget', 'detach', 'runInBackground', 'backgroundTask', 'noAwait', 'safeAsync', 'handlePromise']);
/** Arguments that make a call callback-style: `next`, `cb`, `done`. */
const CALLBACK_NAME = /^(?:next|cb|callback|done)$/u;
/** Awaiting these never rejects: they only wait. */
const WAIT_CALLS = /^(?:sleep|delay|wait|pause|setTimeout|setImmediate|nextTick|yieldToEventLoop|waitMs)$/u;

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

/** Unwind `.then()` / `.catch()` / `.finally()` links down to the promise they start from. */
export function getPromiseChain(node: TSESTree.Node): PromiseChain {
  let current = skipTransparent(node);
  let handled = false;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(current.callee);
    if (method === 'catch' && current.arguments.length >= 1) handled = true;
    else if (method === 'then' && current.arguments.length >= 2) handled = true;
    else if (method !== 'then' && method !== 'finally') break;
    current = skipTransparent(current.callee.object);
  }
  return { root: current, handled };
}

const escapeCache = new WeakMap<AnyFunction, TSESTree.Node | null>();

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
  const path = getCalleePath(n);
  if (path !== null) {
    const last = lastSegment(path);
    if (FIRE_AND_FORGET_HELPERS.has(last)) return false;
    if (path === 'Promise.allSettled' || path === 'Promise.resolve') return false;
    if (path === 'Promise.all' || path === 'Promise.any' || path === 'Promise.race') {
      const list = n.arguments[0] ? skipTransparent(n.arguments[0]) : null;
      if (list?.type === AST_NODE_TYPES.ArrayExpression) {
        return list.elements.some((e) => e !== null && (e.type === AST_NODE_TYPES.SpreadElement || !getPromiseChain(e).handled));
      }
      return true;
    }
    if (path === 'Promise.reject') return true;
    if (n.callee.type === AST_NODE_TYPES.Identifier && path === 'fetch' && isGlobalName(context, n.callee)) return true;
    if (WAIT_CALLS.test(last)) return false;
  }
  // Without an async function in the file or type information, no callee can be shown to reject.
  if (!canShowRejection(context)) return false;
  const fn = resolveCalledFunction(context, n.callee);
  if (fn) {
    if (!fn.async || fn.generator) return isThenableByType(context, n);
    if (depth > 3) return true;
    return findEscape(context, fn, visitorKeys, depth + 1) !== null;
  }
  return isThenableByType(context, n);
}

const showsRejectionCache = new WeakMap<object, boolean>();

/**
 * Whether a call of this file can be shown to reject by its callee: the text has the word `async`
 * (a same-file async function, or a factory returning one), or the parser gives type information.
 * Otherwise `mayReject` answers from the callee's name alone, with no scope look-up.
 */
function canShowRejection(context: Context): boolean {
  const sourceCode = context.sourceCode;
  let can = showsRejectionCache.get(sourceCode);
  if (can === undefined) {
    can = sourceCode.text.includes('async') || getTypeServices(context) !== null;
    showsRejectionCache.set(sourceCode, can);
  }
  return can;
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
  const path = getCalleePath(n);
  if (path !== null) {
    const last = lastSegment(path);
    if (FIRE_AND_FORGET_HELPERS.has(last) || WAIT_CALLS.test(last)) return false;
    if (path === 'Promise.allSettled' || path === 'Promise.resolve') return false;
  }
  return resolveCalledFunction(context, n.callee) === null;
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

/**
 * The same-file function a call runs: what `resolveFunction` finds, or the function a same-file
 * factory returns (`const respond = this.makeResponder(key); … await respond()`, where
 * `makeResponder(key) { return async () => { try … catch … } }`).
 */
function resolveCalledFunction(context: Context, callee: TSESTree.Node): AnyFunction | null {
  const direct = resolveFunction(context, callee);
  if (direct) return direct;
  const n = skipTransparent(callee);
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  const init = variable.defs[0]!.node.init;
  const call = init ? skipTransparent(init) : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const factory = resolveFunction(context, call.callee);
  return factory ? returnedFunction(context, factory) : null;
}

/** The one function a factory returns (`return async () => …`, or an arrow whose body is one), else null. */
function returnedFunction(context: Context, factory: AnyFunction): AnyFunction | null {
  if (factory.async || factory.generator) return null;
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTransparent(factory.body);
    return isFunctionNode(body) ? body : null;
  }
  let found: AnyFunction | null = null;
  let other = false;
  walkSameFunction(
    factory.body,
    (node) => {
      if (other) return false;
      if (node.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
      const value = node.argument ? skipTransparent(node.argument) : null;
      if (value && isFunctionNode(value) && found === null) found = value;
      else other = true;
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return other ? null : found;
}

/** `new Promise((resolve) => setTimeout(resolve, ms))` takes no `reject`: it only waits. */
function isRejectingExecutor(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const executor = skipTransparent(node);
  return !isFunctionNode(executor) || executor.params.length >= 2;
}

/** Whether an awaited expression can throw into the async function. */
function awaitMayReject(context: Context, argument: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, depth: number): boolean {
  const a = skipTransparent(argument);
  if (a.type === AST_NODE_TYPES.Literal || a.type === AST_NODE_TYPES.TemplateLiteral) return false;
  if (a.type === AST_NODE_TYPES.Identifier && a.name === 'undefined') return false;
  const chain = getPromiseChain(a);
  if (chain.handled) return false;
  const root = chain.root;
  if (root === a && root.type === AST_NODE_TYPES.Identifier && holdsOnlySafePromises(context, root, visitorKeys, depth)) return false;
  if (root.type === AST_NODE_TYPES.NewExpression) {
    return !(root.callee.type === AST_NODE_TYPES.Identifier && root.callee.name === 'Promise' && !isRejectingExecutor(root.arguments[0]));
  }
  if (root.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(root);
    if (path === 'Promise.allSettled' || path === 'Promise.resolve') return false;
    if (path !== null && (WAIT_CALLS.test(lastSegment(path)) || FIRE_AND_FORGET_HELPERS.has(lastSegment(path)))) return false;
    const fn = resolveCalledFunction(context, root.callee);
    // A same-file async function that catches everything itself never rejects.
    if (fn && fn.async && !fn.generator && depth <= 3) return findEscape(context, fn, visitorKeys, depth + 1) !== null;
  }
  return true;
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
    if (!fn || !fn.async || fn.generator || findEscape(context, fn, visitorKeys, depth + 1) !== null) return false;
    calls++;
  }
  return calls > 0;
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
  if (escapeCache.has(fn)) return escapeCache.get(fn)!;
  escapeCache.set(fn, null); // recursion guard: a function awaiting itself does not make it reject
  // A function whose answer to failure is to log and end the process: a rejection escaping it
  // ends the process too, with the error printed — the outcome its author chose.
  if (endsProcessOnFailure(context, fn, visitorKeys)) return null;
  let escape: TSESTree.Node | null = null;
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
          case AST_NODE_TYPES.ForOfStatement:
            if (node.await && !isProtected(context, node, fn, 'await', visitorKeys)) escape = node;
            break;
          case AST_NODE_TYPES.ThrowStatement:
            if (!isProtected(context, node, fn, 'throw', visitorKeys)) escape = node;
            break;
          case AST_NODE_TYPES.ReturnStatement:
            if (node.argument && skipTypeWrappers(node.argument).type !== AST_NODE_TYPES.AwaitExpression && promiseMayReject(context, node.argument, visitorKeys, depth)) {
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
  escapeCache.set(fn, escape);
  return escape;
}

/** `process.exit(code)` with a code other than 0 (or none given: the caller decides). */
function isFailureExit(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression || getCalleePath(n) !== 'process.exit') return false;
  const code = n.arguments[0];
  return !(code && skipTransparent(code).type === AST_NODE_TYPES.Literal && (skipTransparent(code) as TSESTree.Literal).value === 0);
}

function exitsProcess(statement: TSESTree.Statement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && isFailureExit(statement.expression);
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
