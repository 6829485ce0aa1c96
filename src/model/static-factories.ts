/**
 * Is a class's static method a factory of its own instances (`static create(config = {}) { return new AcmeChallenge(config) }`,
 * `static create(opts) { return new this(opts) }`)? Then `const acmeChallenge = AcmeChallenge.create({ db })` holds an
 * instance of that class as `new AcmeChallenge({ db })` would, and a call of its method (`acmeChallenge.get(query)`) runs
 * the class's method: one answer for the same-file resolution (called-functions.ts) and the project-module one
 * (project-modules.ts).
 *
 * General rule (session 40): what a variable holds is read from what made it; a static method whose every `return`
 * gives `new` of its own class (by name or as `new this(…)`) makes an instance like `new` does. Any other return (a
 * cached instance, a subclass, a proxy, a value of another call) makes it unknown.
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, isFunctionNode, returnedValues, skipTransparent } from './ast.js';

/** `X.create(…)`: a call of a static method on a plain name, the class's name and the method's; else null. */
export function staticCallParts(node: TSESTree.Node | null | undefined): { cls: TSESTree.Identifier; method: string } | null {
  const call = node ? skipTransparent(node) : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return null;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? { cls: object, method: callee.property.name } : null;
}

/** The static method `name` a class body defines (a method, not a getter or a field), else null. */
export function staticMethod(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): AnyFunction | null {
  for (const member of cls.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || !member.static || member.kind !== 'method' || member.computed) continue;
    if (member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name && isFunctionNode(member.value)) return member.value;
  }
  return null;
}

/**
 * `fn` is a static method of a class whose every `return` (at least one) gives `new` of that class: `new this(…)` or
 * `new <its name>(…)`. Not async or a generator (those return a promise or an iterator).
 */
export function returnsOwnInstance(fn: AnyFunction, visitorKeys: Parameters<typeof returnedValues>[1]): boolean {
  if (fn.async || fn.generator) return false;
  const holder = fn.parent;
  if (holder?.type !== AST_NODE_TYPES.MethodDefinition || !holder.static) return false;
  const cls = holder.parent.parent;
  if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) return false;
  const name = cls.id?.name ?? null;
  const own = (value: TSESTree.Node | null | undefined): boolean => {
    const n = value ? skipTransparent(value) : null;
    if (n?.type !== AST_NODE_TYPES.NewExpression) return false;
    const callee = skipTransparent(n.callee);
    return callee.type === AST_NODE_TYPES.ThisExpression || (name !== null && callee.type === AST_NODE_TYPES.Identifier && callee.name === name);
  };
  // Every value it returns (an arrow's body, each `return x` of its own body: ast.ts returnedValues); a path that falls
  // off the end or returns nothing gives `undefined`, which a caller could not call a method on anyway.
  const values = returnedValues(fn, visitorKeys);
  return values.length > 0 && values.every(own);
}
