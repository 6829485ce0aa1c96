/**
 * Callback-style functions that answer through a promise chain:
 * `function verify(token, done) { Tokens.get(token).then((t) => done(null, t)); }`.
 * The continuation is called from the chain's `.then` callbacks, so when the promise rejects
 * nobody calls back: the caller (passport, oauth2orize, a router, a socket protocol) waits forever,
 * and the rejection goes unhandled. Whoever calls the function, that is a failure of the function.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, getEnclosingFunction, getPropertyName, isFunctionNode, skipTransparent } from './ast.js';
import { isInTestCode } from './placement.js';

/** The last parameter of a callback-style function: passport's `done`, Node's `cb` / `callback`, middleware's `next`. */
const CONTINUATION_NAME = /^_?(?:done|cb|callback|next)$/u;

export interface StrandedContinuation {
  /** The callback-style function. */
  fn: AnyFunction;
  /** Its continuation parameter (`done`). */
  name: string;
}

/** The fulfilment callbacks of a chain's links (`.then(ok)`, `.then(ok, fail)`), innermost first. */
export function fulfilmentCallbacks(chain: TSESTree.Node): AnyFunction[] {
  const callbacks: AnyFunction[] = [];
  let current = skipTransparent(chain);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const method = getPropertyName(callee);
    if (method !== 'then' && method !== 'finally' && method !== 'catch') break;
    const first = current.arguments[0] ? skipTransparent(current.arguments[0]) : null;
    if (method === 'then' && first && isFunctionNode(first)) callbacks.unshift(first);
    current = skipTransparent(callee.object);
  }
  return callbacks;
}

/**
 * The callback-style function around a discarded promise chain whose continuation is called only
 * inside the chain's `.then` callbacks, or null. The innermost function with a continuation-named
 * last parameter decides; test code (`it('…', (done) => …)`) is never one: a test runner times out
 * and reports.
 */
export function strandedContinuation(context: Context, chain: TSESTree.Node): StrandedContinuation | null {
  const callbacks = fulfilmentCallbacks(chain);
  if (callbacks.length === 0) return null;
  let fn = getEnclosingFunction(chain);
  while (fn) {
    const last = fn.params.at(-1);
    if (last?.type === AST_NODE_TYPES.Identifier && CONTINUATION_NAME.test(last.name)) {
      const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === last.name);
      const called = variable?.references.some((ref) => {
        const parent = ref.identifier.parent;
        return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === ref.identifier && callbacks.some((cb) => contains(cb, ref.identifier));
      });
      return called && !isInTestCode(chain) ? { fn, name: last.name } : null;
    }
    fn = getEnclosingFunction(fn);
  }
  return null;
}

/**
 * An async callback inside a promise executor that settles that promise only after its awaits:
 * `new Promise((resolve, reject) => { client.once('ready', async () => { await setName(); resolve(); }) })`.
 * When the await rejects, `resolve` is never called and whoever awaits the promise waits forever,
 * whatever a process-level handler logs. The executor's first parameter must be called inside `fn`.
 */
export function resolvesEnclosingPromise(context: Context, fn: AnyFunction): boolean {
  for (let outer = getEnclosingFunction(fn); outer; outer = getEnclosingFunction(outer)) {
    const parent = outer.parent;
    if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.arguments[0] !== outer) continue;
    const resolve = outer.params[0];
    if (resolve?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = context.sourceCode.getDeclaredVariables(outer).find((v) => v.name === resolve.name);
    return (
      variable?.references.some((ref) => {
        const call = ref.identifier.parent;
        return call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier && contains(fn, ref.identifier);
      }) ?? false
    );
  }
  return false;
}
