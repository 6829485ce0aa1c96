import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, skipTransparent } from './ast.js';

/**
 * The downlevel forms compilers (TypeScript, Babel, esbuild, SWC) emit for `?.` and `??`, read as the source expression
 * they stand for. One answer for every recognizer that reads member chains in compiled code:
 * - `(_a = E) === null || _a === void 0 ? void 0 : _a.b` (also `(_a = E) == null ? void 0 : _a.b`, and without a temporary:
 *   `x === null || x === void 0 ? void 0 : x.b`) is `E?.b`: `skipDownlevel` gives the access `_a.b`, and
 * - the temporary `_a` read there (or in `(_c = E) !== null && _c !== void 0 ? _c : D`, the `??` form) is `E`:
 *   `downlevelTemporarySource` gives `E`.
 * General rule: a value the compiler only copied into a temporary to test it for null is the value itself.
 */

/** `(T = E) === null || T === void 0`, `(T = E) == null`, `(T = E) !== null && T !== void 0`, `x === null || x === void 0`: the name tested for nil and what was assigned to it (null: a plain name). */
function nilTestOf(test: TSESTree.Node): { name: string; source: TSESTree.Expression | null; nilWhenTrue: boolean } | null {
  const first = test.type === AST_NODE_TYPES.LogicalExpression && (test.operator === '||' || test.operator === '&&') ? test.left : test;
  if (first.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(first.operator)) return null;
  const nil = first.right;
  if (!((nil.type === AST_NODE_TYPES.Literal && nil.value === null) || isVoidZero(nil) || (nil.type === AST_NODE_TYPES.Identifier && nil.name === 'undefined'))) return null;
  const left = first.left as TSESTree.Node;
  const assigned = left.type === AST_NODE_TYPES.AssignmentExpression && left.operator === '=' && left.left.type === AST_NODE_TYPES.Identifier ? left : null;
  const name = assigned ? (assigned.left as TSESTree.Identifier).name : left.type === AST_NODE_TYPES.Identifier ? left.name : null;
  if (name === null) return null;
  const nilWhenTrue = first.operator === '===' || first.operator === '==';
  // The second half, when there is one, tests the same name the same way (`|| _a === void 0`, `&& _a !== void 0`).
  if (first !== test) {
    const logical = test as TSESTree.LogicalExpression;
    const second = logical.right;
    if ((logical.operator === '||') !== nilWhenTrue || second.type !== AST_NODE_TYPES.BinaryExpression || second.left.type !== AST_NODE_TYPES.Identifier || second.left.name !== name) return null;
  }
  return { name, source: assigned ? assigned.right : null, nilWhenTrue };
}

function isVoidZero(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void' && node.argument.type === AST_NODE_TYPES.Literal;
}

/** The root name of a member / call chain (`_a` in `_a.b.c()`). */
function chainRootName(node: TSESTree.Node): string | null {
  let n = node;
  while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) n = n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee;
  return n.type === AST_NODE_TYPES.Identifier ? n.name : null;
}

/**
 * A compiled optional access `(_a = E) === null || _a === void 0 ? void 0 : _a.b`: the access `_a.b` (its temporary
 * reads as `E` through `downlevelTemporarySource`); null for any other node.
 */
export function downlevelOptionalAccess(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type !== AST_NODE_TYPES.ConditionalExpression || !isVoidZero(node.consequent)) return null;
  const nil = nilTestOf(node.test);
  return nil?.nilWhenTrue && chainRootName(node.alternate) === nil.name && node.alternate.type !== AST_NODE_TYPES.Identifier ? node.alternate : null;
}

/**
 * The expression a compiler's temporary holds where it is read: `_a` at the root of `_a.b` in
 * `(_a = E) === null || _a === void 0 ? void 0 : _a.b`, or the `_c` of `(_c = E) !== null && _c !== void 0 ? _c : D`, is `E`.
 * Null for any other identifier. Cheap: only the chain above the identifier is looked at.
 */
export function downlevelTemporarySource(id: TSESTree.Identifier): TSESTree.Expression | null {
  let child: TSESTree.Node = id;
  let parent = id.parent;
  while ((parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child) || (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.ConditionalExpression || parent.test === child) return null;
  const nil = nilTestOf(parent.test);
  if (!nil || nil.name !== id.name || !nil.source) return null;
  // `? void 0 : _a.b` reads it in the alternate; `? _c : D` (`??`) in the consequent.
  return (nil.nilWhenTrue ? parent.alternate : parent.consequent) === child ? nil.source : null;
}

/**
 * `skipTransparent`, also through the compiled forms of `?.` and `??`: a compiled optional access is its access, and a
 * temporary read there is what it holds. For readers of member chains in compiled code.
 */
export function skipDownlevel(node: TSESTree.Node): TSESTree.Node {
  let current = skipTransparent(node);
  for (let i = 0; i < 8; i += 1) {
    const access = downlevelOptionalAccess(current);
    const next = access ?? (current.type === AST_NODE_TYPES.Identifier ? downlevelTemporarySource(current) : null);
    if (!next) return current;
    current = skipTransparent(next);
  }
  return current;
}

/**
 * TypeScript's (and tslib's) downleveled async function: `function f() { return __awaiter(this, void 0, void 0,
 * function* () { … yield x … }) }`, `() => __awaiter(this, void 0, void 0, function* () { … })`, also
 * `(0, tslib_1.__awaiter)(…)`. The generator handed to `__awaiter` is the async body, each `yield` an `await`:
 * `__awaiter` runs it inside a promise, so a throw there rejects the promise `f()` returns, as in an async
 * function. Null for any other function.
 */
export function awaiterGenerator(fn: TSESTree.Node): TSESTree.FunctionExpression | null {
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return null;
  if (fn.async || fn.generator) return null;
  let value: TSESTree.Node | null = null;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) value = fn.body;
  else if (fn.body.body.length === 1 && fn.body.body[0]!.type === AST_NODE_TYPES.ReturnStatement) value = fn.body.body[0]!.argument;
  const call = value ? skipTransparent(value) : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !isAwaiterCallee(call.callee)) return null;
  const generator = call.arguments[3];
  return generator?.type === AST_NODE_TYPES.FunctionExpression && generator.generator ? generator : null;
}

/** The generator is the body of a downleveled async function (`__awaiter(this, …, function* () {…})`). */
export function isAwaiterGenerator(fn: TSESTree.Node): boolean {
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || !fn.generator) return false;
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[3] === fn && isAwaiterCallee(call.callee);
}

/** `__awaiter`, `tslib_1.__awaiter`, `(0, tslib_1.__awaiter)`. */
function isAwaiterCallee(callee: TSESTree.Node): boolean {
  let c = skipTransparent(callee);
  if (c.type === AST_NODE_TYPES.SequenceExpression) c = skipTransparent(c.expressions[c.expressions.length - 1]!);
  if (c.type === AST_NODE_TYPES.Identifier) return c.name === '__awaiter';
  return c.type === AST_NODE_TYPES.MemberExpression && !c.computed && c.property.type === AST_NODE_TYPES.Identifier && c.property.name === '__awaiter';
}

/**
 * The function an async function's awaits sit in: the function itself when it is `async` (not a generator),
 * the generator of a downleveled one (`awaiterGenerator`), else null.
 */
export function asyncBody(fn: AnyFunction): AnyFunction | null {
  if (fn.async) return fn.generator ? null : fn;
  return awaiterGenerator(fn);
}

/**
 * The generator `__awaiter(this, void 0, void 0, function* () {…})` runs with the `this` it is handed: `this`
 * inside is the enclosing method's (ast.ts `findEnclosingClass` reads it through).
 */
export function keepsCallersThis(fn: TSESTree.Node): boolean {
  return isAwaiterGenerator(fn) && (fn.parent as TSESTree.CallExpression).arguments[0]?.type === AST_NODE_TYPES.ThisExpression;
}
