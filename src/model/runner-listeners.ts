/**
 * Does each job runner or event emitter created in this file record its failures? A bullmq
 * worker or bull queue needs a `'failed'` listener (or processors that catch and log), Agenda a
 * `'fail'` listener, a worker thread or an emitter that emits `'error'` an `'error'` listener.
 * The tracker files the listeners, processors and `emit('error')` calls of one file under the
 * variable (or `this.x` within one class) that holds the runner, and answers at the end of the file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type Context,
  findEnclosingClass,
  findVariable,
  getPropertyName,
  getStringValue,
  skipTransparent,
  walkSameFunction,
  walkTree,
} from './ast.js';
import { resolveCallbackArgument } from './background.js';
import { isHandoffCall, readsAny } from './errors.js';
import { type JobRunnerKind, getJobRunnerKind } from './job-runners.js';
import { getLoggingLevel } from './loggers.js';
import { findEscape } from './escapes.js';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
]);

export interface ListenerUse {
  event: string;
  listener: TSESTree.Node;
}

interface Usage {
  listeners: ListenerUse[];
  processors: TSESTree.Node[];
  emitsError: boolean;
}

export interface RunnerCreation {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  kind: JobRunnerKind;
  /** Variable or `this.x` key its usages are filed under; null when the value is not bound. */
  key: unknown;
  /** Listeners chained on the creation itself: `new Worker(…).on('error', h)`. */
  chained: ListenerUse[];
  /** Where a fix adds the listener: after this statement, or appended to this expression. */
  insertAfter: TSESTree.Node | null;
  appendTo: TSESTree.Node | null;
  receiverText: string | null;
}

export type RunnerNeed = { events: string[]; errorParam: number; kind: 'failure' | 'error' };

/** What each runner needs a listener for, and where that listener receives the error. */
export const RUNNER_EVENTS: Record<Exclude<JobRunnerKind, 'queue-events'>, RunnerNeed> = {
  'bullmq-worker': { events: ['failed'], errorParam: 1, kind: 'failure' },
  'bull-queue': { events: ['failed', 'global:failed'], errorParam: 1, kind: 'failure' },
  agenda: { events: ['fail'], errorParam: 0, kind: 'failure' },
  'worker-thread': { events: ['error'], errorParam: 0, kind: 'error' },
  'event-emitter': { events: ['error'], errorParam: 0, kind: 'error' },
};

export interface UnrecordedRunner {
  creation: RunnerCreation;
  need: RunnerNeed;
}

export interface RunnerTracker {
  /** Files what a call does to a runner: creates one, attaches a listener, emits `'error'`. */
  onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void;
  /** A job processor registered on `receiver` (`queue.process(fn)`, `agenda.define(name, fn)`). */
  addProcessor(receiver: TSESTree.Node, processor: TSESTree.Node): void;
  /** At the end of the file: the runners whose failures nothing records. */
  unrecordedRunners(): UnrecordedRunner[];
}

/** A tracker for one file (create it in a rule's `create`; it keeps nothing across files). */
export function createRunnerTracker(context: Context): RunnerTracker {
  const sourceCode = context.sourceCode;
  const visitorKeys = sourceCode.visitorKeys;
  const usages = new Map<unknown, Usage>();
  const creations: RunnerCreation[] = [];
  /** `this.x` keys: the class and the member name, to find escaping uses when asked. */
  const thisKeys = new Map<string, { cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression; name: string; escapes?: boolean }>();

  function usageOf(key: unknown): Usage {
    let usage = usages.get(key);
    if (!usage) {
      usage = { listeners: [], processors: [], emitsError: false };
      usages.set(key, usage);
    }
    return usage;
  }

  /** The key a receiver's usages are filed under: its variable, or `this.x` within one class. */
  function keyOf(receiver: TSESTree.Node): unknown {
    const n = skipTransparent(receiver);
    if (n.type === AST_NODE_TYPES.Identifier) return findVariable(context, n);
    if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getPropertyName(n);
      const cls = findEnclosingClass(n);
      if (name === null || !cls) return null;
      const key = `${cls.range[0]}:this.${name}`;
      if (!thisKeys.has(key)) thisKeys.set(key, { cls, name });
      return key;
    }
    return null;
  }

  function recordCreation(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
    const kind = getJobRunnerKind(context, node);
    if (kind === null) return;
    const chained: ListenerUse[] = [];
    let top: TSESTree.Node = node;
    for (;;) {
      const p: TSESTree.Node | undefined = top.parent;
      if (
        p?.type === AST_NODE_TYPES.MemberExpression &&
        p.object === top &&
        LISTENER_METHODS.has(getPropertyName(p) ?? '') &&
        p.parent.type === AST_NODE_TYPES.CallExpression &&
        p.parent.callee === p
      ) {
        const event = getStringValue(p.parent.arguments[0]);
        const listener = p.parent.arguments[1];
        if (event !== null && listener) chained.push({ event, listener });
        top = p.parent;
        continue;
      }
      if (p?.type === AST_NODE_TYPES.TSAsExpression || p?.type === AST_NODE_TYPES.TSNonNullExpression || p?.type === AST_NODE_TYPES.TSSatisfiesExpression) {
        top = p;
        continue;
      }
      break;
    }
    const parent = top.parent;
    const creation: RunnerCreation = { node, kind, key: null, chained, insertAfter: null, appendTo: null, receiverText: null };
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top && parent.id.type === AST_NODE_TYPES.Identifier) {
      const declaration = parent.parent;
      if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return;
      creation.key = sourceCode.getDeclaredVariables(parent)[0] ?? null;
      creation.receiverText = parent.id.name;
      if (declaration.parent && STATEMENT_LISTS.has(declaration.parent.type)) creation.insertAfter = declaration;
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top && parent.operator === '=') {
      creation.key = keyOf(parent.left);
      if (creation.key === null) return;
      creation.receiverText = sourceCode.getText(parent.left);
      const statement = parent.parent;
      if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.parent && STATEMENT_LISTS.has(statement.parent.type)) {
        creation.insertAfter = statement;
      }
    } else if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
      creation.appendTo = top;
    } else {
      // Passed on, returned, exported, stored in a structure: listeners may be attached elsewhere.
      return;
    }
    creations.push(creation);
  }

  /** A `this.x` of the class used other than as a call's callee, a member's object or an assignment target. */
  function thisMemberEscapes(key: string): boolean {
    const entry = thisKeys.get(key);
    if (!entry) return false;
    if (entry.escapes === undefined) {
      let escapes = false;
      walkTree(
        entry.cls,
        (node) => {
          if (escapes || node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
          if (getPropertyName(node) !== entry.name || findEnclosingClass(node) !== entry.cls || !isEscapingReference(node)) return;
          const parent = node.parent;
          if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return;
          escapes = true;
        },
        visitorKeys,
      );
      entry.escapes = escapes;
    }
    return entry.escapes;
  }

  function escapes(creation: RunnerCreation): boolean {
    const key = creation.key;
    if (key === null) return false;
    if (typeof key === 'string') return thisMemberEscapes(key);
    const variable = key as TSESLint.Scope.Variable;
    return variable.references.some((ref) => !ref.init && isEscapingReference(ref.identifier));
  }

  /** A failure listener counts unless it is a same-file function that neither logs nor passes the error on. */
  function listenerRecords(listener: TSESTree.Node, errorParam: number): boolean {
    const fn = resolveCallbackArgument(context, listener);
    if (!fn) return true;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return true;
    const param = fn.params[errorParam];
    const errorVariables = param ? sourceCode.getDeclaredVariables(fn).filter((v) => v.defs.some((d) => d.name.range[0] >= param.range[0] && d.name.range[1] <= param.range[1])) : [];
    let records = false;
    walkSameFunction(
      fn.body,
      (node) => {
        if (records) return false;
        if (node.type === AST_NODE_TYPES.ThrowStatement) records = true;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          if (getLoggingLevel(context, node) !== null || isHandoffCall(node) || node.arguments.some((a) => readsAny(a, errorVariables))) records = true;
        }
        return undefined;
      },
      visitorKeys,
    );
    return records;
  }

  /** Every processor catches and logs by itself, so no job failure reaches the queue silently. */
  function processorsRecord(processors: readonly TSESTree.Node[]): boolean {
    if (processors.length === 0) return false;
    return processors.every((p) => {
      const fn = resolveCallbackArgument(context, p);
      if (!fn || !fn.async || fn.generator) return false;
      if (findEscape(context, fn, visitorKeys) !== null) return false;
      let catches = false;
      walkSameFunction(
        fn.body,
        (node) => {
          if (node.type === AST_NODE_TYPES.TryStatement && node.handler) catches = true;
          return !catches;
        },
        visitorKeys,
      );
      return catches;
    });
  }

  return {
    onCall(node) {
      if (node.type === AST_NODE_TYPES.NewExpression || (node.callee.type === AST_NODE_TYPES.Identifier && node.parent.type !== AST_NODE_TYPES.ExpressionStatement)) {
        recordCreation(node);
      }
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getPropertyName(node.callee);
      if (method === null) return;
      if (LISTENER_METHODS.has(method) && node.arguments.length >= 2) {
        const event = getStringValue(node.arguments[0]);
        const key = event !== null ? keyOf(node.callee.object) : null;
        if (key !== null) usageOf(key).listeners.push({ event: event!, listener: node.arguments[1]! });
      } else if (method === 'emit' && getStringValue(node.arguments[0]) === 'error') {
        const key = keyOf(node.callee.object);
        if (key !== null) usageOf(key).emitsError = true;
      }
    },
    addProcessor(receiver, processor) {
      const key = keyOf(receiver);
      if (key !== null) usageOf(key).processors.push(processor);
    },
    unrecordedRunners() {
      const queueEventsCover = creations.some(
        (c) =>
          c.kind === 'queue-events' &&
          [...c.chained, ...(c.key !== null ? (usages.get(c.key)?.listeners ?? []) : [])].some((l) => l.event === 'failed' && listenerRecords(l.listener, 0)),
      );
      const unrecorded: UnrecordedRunner[] = [];
      for (const creation of creations) {
        if (creation.kind === 'queue-events') continue;
        const need = RUNNER_EVENTS[creation.kind];
        const usage = creation.key !== null ? usages.get(creation.key) : undefined;
        const processors = [...(usage?.processors ?? [])];
        if (creation.kind === 'bullmq-worker' && creation.node.arguments[1]) processors.unshift(creation.node.arguments[1]);
        // Only runners that do work here: a producer-side queue or an emitter that never emits 'error' has nothing to lose.
        if ((creation.kind === 'bull-queue' || creation.kind === 'agenda') && processors.length === 0) continue;
        if (creation.kind === 'event-emitter' && !usage?.emitsError) continue;
        if (escapes(creation)) continue;
        const listeners = [...creation.chained, ...(usage?.listeners ?? [])];
        const covered = listeners.some(
          (l) => (need.events.includes(l.event) || (creation.kind === 'agenda' && l.event.startsWith('fail:'))) && listenerRecords(l.listener, need.errorParam),
        );
        if (covered) continue;
        if (need.kind === 'failure' && (processorsRecord(processors) || (creation.kind === 'bullmq-worker' && queueEventsCover))) continue;
        unrecorded.push({ creation, need });
      }
      return unrecorded;
    },
  };
}

/** Whether a use of a runner's name lets the value go elsewhere (passed, returned, stored), where listeners may be added. */
function isEscapingReference(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) return false;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier) return false;
  if (parent.type === AST_NODE_TYPES.TSNonNullExpression) return isEscapingReference(parent);
  return true;
}
