/**
 * Objects that run jobs or emit events: what a `new X(...)` (or bull's `Queue(...)`) creates,
 * judged by the module `X` is imported from — bullmq / bull workers and queues, Agenda,
 * worker threads, event emitters.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getMemberPath, getPropertyName, getRootIdentifier, lastSegment, skipTransparent, getCreationCall } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { type ImportSource, getImportSource } from './modules.js';

const BULL_MODULES = new Set(['bull', 'bee-queue']);
const BULLMQ_MODULES = new Set(['bullmq', '@taskforcesh/bullmq-pro']);
const AGENDA_MODULES = new Set(['agenda', '@hokify/agenda']);
const THREAD_MODULES = new Set(['worker_threads', 'node:worker_threads']);
const EVENTS_MODULES = new Set(['events', 'node:events', 'eventemitter3', 'eventemitter2']);

/** The module the root identifier of a callee (`cron` in `cron.schedule`, `Worker`) comes from. */
export function rootImport(context: Context, node: TSESTree.Node): ImportSource | null {
  const root = getRootIdentifier(node);
  return root ? getImportSource(context, root) : null;
}

/** A receiver created as a bull / bee-queue queue. */
export function isBullQueue(context: Context, receiver: TSESTree.Node): boolean {
  const creation = getCreationCall(context, receiver);
  return creation !== null && getJobRunnerKind(context, creation) === 'bull-queue';
}

/** A receiver created as an Agenda instance. */
export function isAgendaObject(context: Context, receiver: TSESTree.Node): boolean {
  const creation = getCreationCall(context, receiver);
  return creation !== null && getJobRunnerKind(context, creation) === 'agenda';
}

/** Every module a job runner or emitter is created from. */
export const RUNNER_MODULES: ReadonlySet<string> = new Set([...THREAD_MODULES, ...BULLMQ_MODULES, ...BULL_MODULES, ...AGENDA_MODULES, ...EVENTS_MODULES]);
const moduleMentionCache = fileCache<Map<ReadonlySet<string>, boolean>>();
/** Per module set: one pattern for "a quote, one of the names, the same quote" (one pass over the text). */
const moduleMentionPatterns = new WeakMap<ReadonlySet<string>, RegExp>();

function moduleMentionPattern(modules: ReadonlySet<string>): RegExp {
  let pattern = moduleMentionPatterns.get(modules);
  if (!pattern) {
    const names = [...modules].map((name) => name.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&'));
    pattern = new RegExp(`(['"\`])(?:${names.join('|')})\\1`, 'u');
    moduleMentionPatterns.set(modules, pattern);
  }
  return pattern;
}

/**
 * Whether the file's text names one of `modules` as a whole string (`'bullmq'`, `"node:events"`):
 * every import or `require` that `getImportSource` follows does, so without one no name of this
 * file comes from those modules. One scan of the text per file and module set; a specifier spelled
 * with escape sequences (`'bull\u006dq'`) is not seen.
 */
export function namesModule(context: Context, modules: ReadonlySet<string>): boolean {
  const sourceCode = context.sourceCode;
  // Asked for most calls of a file (job runners, schedulers).
  const mentions = perFileMap(moduleMentionCache, sourceCode);
  let found = mentions.get(modules);
  if (found === undefined) {
    found = moduleMentionPattern(modules).test(sourceCode.text);
    mentions.set(modules, found);
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
  // A call without `new` creates a runner only as bull's `Queue('x')`: in a file that names no bull module, no call does.
  if (node.type === AST_NODE_TYPES.CallExpression && !namesModule(context, BULL_MODULES)) return null;
  const callee = skipTransparent(node.callee);
  // Without a runner module named in the file, only a bare `new EventEmitter()` can be one: skip the import look-up.
  if (!namesModule(context, RUNNER_MODULES)) {
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (node.type !== AST_NODE_TYPES.NewExpression || name !== 'EventEmitter') return null;
  }
  const path = getMemberPath(callee);
  if (path === null) return null;
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

