/**
 * Koa 0.x / 1.x (co) generator middleware, where `this` is the request context:
 * `module.exports = function* editable(next) { … this.status = 403; this.body = {…}; … yield* next; }`.
 * Recognized by shape alone: a generator function (not a class method) that takes no parameter or a
 * `next`, and whose own body answers through `this` (`this.body`, `this.status`, `this.throw(…)`,
 * `this.redirect(…)`, `this.assert(…)`). One answer for every recognizer that asks "is this `this` a
 * context that answers the request?" (http-outcomes.ts, responses.ts, handlers.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perNode } from './file-cache.js';

/** What Koa's context answers with: the body, the status, a thrown HTTP error, a redirect, an assertion. */
const ANSWER_MEMBERS = new Set(['body', 'status', 'throw', 'redirect', 'assert']);
const NEXT_PARAM = /^_?next$/u;

const middlewareCache = fileCache<Map<AnyFunction, boolean>>();

/**
 * Whether `fn` is Koa 0.x generator middleware: `function* (next) {…}` / `function* name() {…}` /
 * an object's `*show() {…}` whose body answers through `this`.
 */
export function isKoaGeneratorMiddleware(context: Context, fn: AnyFunction): boolean {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || !fn.generator) return false;
  return perNode(middlewareCache, context.sourceCode, fn, () => computeIsMiddleware(context, fn));
}

function computeIsMiddleware(context: Context, fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression): boolean {
  // A class's generator method iterates its own state; `this` is the instance.
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) return false;
  if (fn.params.length > 1) return false;
  const param = fn.params[0];
  if (param && (param.type !== AST_NODE_TYPES.Identifier || !NEXT_PARAM.test(param.name))) return false;
  let answers = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (answers) return false;
      if (node.type === AST_NODE_TYPES.MemberExpression && skipTransparent(node.object).type === AST_NODE_TYPES.ThisExpression && ANSWER_MEMBERS.has(getPropertyName(node) ?? '')) answers = true;
      return undefined;
    },
    context.sourceCode.visitorKeys,
  );
  return answers;
}

/** The function whose `this` a `this` at `node` is (arrows pass it through). */
function thisOwner(node: TSESTree.Node): AnyFunction | null {
  let current = node.parent;
  while (current && (!isFunctionNode(current) || current.type === AST_NODE_TYPES.ArrowFunctionExpression)) current = current.parent;
  return (current as AnyFunction | undefined) ?? null;
}

/** The Koa 0.x generator middleware whose context `node` (a `this`) is, or null. */
export function koaGeneratorOfThis(context: Context, node: TSESTree.Node): AnyFunction | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.ThisExpression) return null;
  const fn = thisOwner(n);
  return fn && isKoaGeneratorMiddleware(context, fn) ? fn : null;
}

/** Whether `node` (`this`, or `this.response`) is the context of Koa 0.x generator middleware, which answers the request. */
export function isKoaThisContext(context: Context, node: TSESTree.Node): boolean {
  let n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.MemberExpression && getPropertyName(n) === 'response') n = skipTransparent(n.object);
  return koaGeneratorOfThis(context, n) !== null;
}

/** Whether `this` at `at` is the context of the generator middleware `fn` (not of a function nested in it). */
export function koaThisVisibleAt(context: Context, fn: AnyFunction, at: TSESTree.Node): boolean {
  return isKoaGeneratorMiddleware(context, fn) && thisOwner(at) === fn;
}

/**
 * Whether `node` is the `this` of a Koa 0.x / 1.x generator middleware that takes `next`
 * (`function* auth(next) { … this.header … yield* next; }`), whether or not it answers itself:
 * the request context, whose `header` / `headers` are the request's.
 */
export function isKoaNextGeneratorThis(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.ThisExpression) return false;
  const fn = thisOwner(n);
  if (!fn || fn.type === AST_NODE_TYPES.ArrowFunctionExpression || !fn.generator || fn.parent?.type === AST_NODE_TYPES.MethodDefinition) return false;
  const param = fn.params[0];
  return fn.params.length === 1 && param?.type === AST_NODE_TYPES.Identifier && NEXT_PARAM.test(param.name);
}
