/**
 * "Which member of a class in this file does this read or call reach?" — a getter read as
 * `this.x` inside the class (`get x() { … }`), a static method called as `ClassName.m()` or
 * `this.constructor.m()`, an instance method called as `this.m()`. Only members of a class
 * declared in this file; a name the class declares twice (or a subclass may override) is still
 * the one written here, the same answer `resolveFunction` gives for `this.m()`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findEnclosingClass, findVariable, getPropertyName, resolveFunction, skipTransparent } from './ast.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class member `name` of kind `kind`, static or not, declared with a function value. */
function findMember(cls: ClassNode, name: string, kind: 'get' | 'method', isStatic: boolean): AnyFunction | null {
  for (const member of cls.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static !== isStatic || member.kind !== kind || member.computed) continue;
    if (getPropertyName(member) === name && member.value.type === AST_NODE_TYPES.FunctionExpression) return member.value;
  }
  return null;
}

/**
 * The getter a read `this.x` runs: the enclosing class (of the method or arrow the read is in)
 * declares `get x()`. Null for a computed read, another object, or a class without that getter.
 */
export function thisGetterOf(node: TSESTree.MemberExpression): AnyFunction | null {
  if (node.computed || skipTransparent(node.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = getPropertyName(node);
  if (name === null) return null;
  const cls = findEnclosingClass(node);
  return cls ? findMember(cls, name, 'get', false) : null;
}

/** The class a name refers to in this file: `class Uploader {}`, `const Uploader = class {}`. */
function classNamed(context: Context, id: TSESTree.Identifier): ClassNode | null {
  const variable = findVariable(context, id);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return def.node;
  if (def.type === 'Variable' && def.node.init) {
    const init = skipTransparent(def.node.init);
    if (init.type === AST_NODE_TYPES.ClassExpression) return init;
  }
  return null;
}

/**
 * The method of a class in this file that a callee names: `ClassName.m` and `this.constructor.m`
 * (static methods), `this.m` (an instance method, as `resolveFunction` answers). Null otherwise.
 */
export function classMethodOf(context: Context, callee: TSESTree.Node): AnyFunction | null {
  const c = skipTransparent(callee);
  if (c.type !== AST_NODE_TYPES.MemberExpression || c.computed) return null;
  const name = getPropertyName(c);
  if (name === null) return null;
  const object = skipTransparent(c.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) return resolveFunction(context, c);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const cls = classNamed(context, object);
    return cls ? findMember(cls, name, 'method', true) : null;
  }
  // this.constructor.shorten(token)
  if (object.type === AST_NODE_TYPES.MemberExpression && !object.computed && getPropertyName(object) === 'constructor' && skipTransparent(object.object).type === AST_NODE_TYPES.ThisExpression) {
    const cls = findEnclosingClass(object);
    return cls ? findMember(cls, name, 'method', true) : null;
  }
  return null;
}

/**
 * What `this.name` was given in the enclosing class of this file: the instance field's initializer
 * (`logger = pino()`), else the constructor's assignment `this.name = …` (the first one). Null for
 * another object, a computed name, or a class that gives it nothing here.
 */
export function thisMemberInit(member: TSESTree.MemberExpression): TSESTree.Node | null {
  if (member.computed || skipTransparent(member.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = getPropertyName(member);
  const cls = name === null ? null : findEnclosingClass(member);
  if (!cls) return null;
  for (const m of cls.body.body) {
    if (m.type === AST_NODE_TYPES.PropertyDefinition && !m.static && getPropertyName(m) === name && m.value) return m.value;
    if (m.type !== AST_NODE_TYPES.MethodDefinition || m.kind !== 'constructor' || !m.value.body) continue;
    for (const statement of m.value.body.body) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
      const { left, right, operator } = statement.expression;
      if (operator === '=' && left.type === AST_NODE_TYPES.MemberExpression && skipTransparent(left.object).type === AST_NODE_TYPES.ThisExpression && getPropertyName(left) === name) return right;
    }
  }
  return null;
}
