/**
 * How messages and inserted log lines name background work: the task (`poll`, `startup interval
 * task`), the API that runs it (`setInterval()`, `'data' listener`), the call whose promise floats
 * (`sendMail()`), and a job runner (`the 'emails' worker`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, getCalleePath, getPropertyName, getStringValue, lastSegment, skipTransparent } from '../model/ast.js';
import type { BackgroundCallback } from '../model/background.js';
import { getPromiseChain } from '../model/promises.js';
import type { RunnerCreation } from '../model/runner-listeners.js';
import { describeEnclosingFunction } from './log-message.js';

/** The name a function is declared or bound under (`function poll`, `const poll = …`, a method), or null. */
export function functionName(fn: AnyFunction): string | null {
  if (fn.id) return fn.id.name;
  const p = fn.parent;
  if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
  if ((p?.type === AST_NODE_TYPES.MethodDefinition || p?.type === AST_NODE_TYPES.PropertyDefinition) && !p.computed) return getPropertyName(p);
  return null;
}

/** The short name of the call a promise chain starts from (`sendMail`, `Promise.all`), or null. */
export function callName(node: TSESTree.Node): string | null {
  const root = skipTransparent(getPromiseChain(node).root);
  if (root.type !== AST_NODE_TYPES.CallExpression && root.type !== AST_NODE_TYPES.NewExpression) return null;
  const path = getCalleePath(root);
  if (path === null) return null;
  return path.startsWith('Promise.') ? path : lastSegment(path);
}

/** The call a promise chain starts from as messages show it (`mailer.send()`, `new Promise()`), else `this call`. */
export function callText(node: TSESTree.Node): string {
  const root = skipTransparent(getPromiseChain(node).root);
  if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression) {
    const path = getCalleePath(root);
    if (path !== null) return `${root.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${path}()`;
  }
  return 'this call';
}

/** What the log message calls the task: the callback's own name, else the API in its enclosing function. */
export function taskLabel(cb: BackgroundCallback): string {
  const own = cb.fn ? functionName(cb.fn) : null;
  if (own) return own;
  let word: string;
  switch (cb.kind) {
    case 'listener':
      word = cb.api === 'listen' || cb.api === 'subscribe' ? `${cb.api} callback` : cb.api.replace(/'/gu, '');
      break;
    case 'cron':
      word = 'cron job';
      break;
    default:
      word = cb.api.endsWith('setInterval') ? 'interval task' : cb.api.endsWith('setTimeout') ? 'timeout task' : cb.kind === 'timer' ? 'deferred task' : `${cb.api} task`;
  }
  const enclosing = describeEnclosingFunction(cb.registration);
  return enclosing ? `${enclosing} ${word}` : word;
}

/** Where a floating promise sits: `setInterval callback`, `'data' listener`, `queue.process processor`. */
export function contextLabel(cb: BackgroundCallback): string {
  switch (cb.kind) {
    case 'listener':
      return cb.api === 'listen' || cb.api === 'subscribe' ? `${cb.api} callback` : cb.api;
    case 'lifecycle-hook':
      return cb.api;
    case 'job':
      return `${cb.api} processor`;
    case 'scheduled-method':
      return `${cb.api} method`;
    default:
      return `${cb.api} callback`;
  }
}

/** Who ignores the callback's promise: `setInterval()`, `emitter.on()`, `CronJob`. */
export function ownerName(cb: BackgroundCallback): string {
  if (cb.kind === 'listener') {
    const call = cb.registration;
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      return `${getCalleePath(call) ?? (cb.api === 'subscribe' ? "the observable's subscribe" : 'the emitter')}()`;
    }
    return 'the emitter';
  }
  return cb.api === 'CronJob' ? 'CronJob' : `${cb.api}()`;
}

/** A job runner as messages name it: `the 'emails' worker`, `queue q`, `Worker thread w`. */
export function runnerName(creation: RunnerCreation): string {
  const first = getStringValue(creation.node.arguments[0]);
  switch (creation.kind) {
    case 'bullmq-worker':
      return first !== null ? `the '${first}' worker` : `worker ${creation.receiverText ?? ''}`.trim();
    case 'bull-queue':
      return first !== null ? `the '${first}' queue` : `queue ${creation.receiverText ?? ''}`.trim();
    case 'agenda':
      return creation.receiverText ?? 'this Agenda';
    case 'worker-thread':
      return `Worker thread ${creation.receiverText ?? ''}`.trim();
    default:
      return `EventEmitter ${creation.receiverText ?? ''}`.trim();
  }
}

/** Where a voided call outside background work and handlers sits: `function onTick`, `method refresh`, `the module's top level`. */
export function plainContextLabel(node: TSESTree.Node): string {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) fn = fn.parent;
  if (!fn) return "the module's top level";
  const name = functionName(fn as AnyFunction);
  if (name === null) return 'this function';
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? `method ${name}` : `function ${name}`;
}
