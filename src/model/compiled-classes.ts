/**
 * A class as Babel compiles it for older runtimes: its methods are not a class body but property
 * descriptors handed to the `_createClass` helper,
 *
 *     var ConfigStore = function (_EventEmitter) {
 *       function ConfigStore() { … }
 *       _inherits(ConfigStore, _EventEmitter);
 *       return _createClass(ConfigStore, [{ key: "set", value: function set(key, value) { … } }]);
 *     }(EventEmitter);
 *
 * (also `_createClass(function Store() { … }, [ … ])` without the wrapper, and the runtime helper
 * `(0, _createClass2["default"])(…)`). Recognition by the helper's name and the descriptor shape only.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, unwrapIndirectCall, getPropertyName, isFunctionNode, skipTransparent } from './ast.js';

/** `_createClass`, `_createClass2` (Babel names a second copy with a number). */
const CREATE_CLASS = /^_createClass\d*$/u;

/** The `_createClass(Ctor, protoProps, staticProps)` call a compiled class expression makes, else null. */
export function compiledClassCall(node: TSESTree.Node): TSESTree.CallExpression | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return null;
  if (isCreateClassCall(n)) return n;
  // The wrapper: an immediately called function whose last statement returns the helper's call.
  const callee = skipTransparent(n.callee);
  if (callee.type !== AST_NODE_TYPES.FunctionExpression || callee.body.body.length === 0) return null;
  const last = callee.body.body.at(-1)!;
  if (last.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return null;
  const returned = skipTransparent(last.argument);
  return returned.type === AST_NODE_TYPES.CallExpression && isCreateClassCall(returned) ? returned : null;
}

function isCreateClassCall(call: TSESTree.CallExpression): boolean {
  // `(0, _createClass2["default"])(…)`
  let callee = skipTransparent(unwrapIndirectCall(call.callee));
  if (callee.type === AST_NODE_TYPES.MemberExpression) callee = skipTransparent(callee.object);
  return callee.type === AST_NODE_TYPES.Identifier && CREATE_CLASS.test(callee.name) && call.arguments[1]?.type === AST_NODE_TYPES.ArrayExpression;
}

/** The method `name` of a compiled class: an instance method (`protoProps`) or a static one (`staticProps`). */
export function compiledClassMethod(call: TSESTree.CallExpression, name: string, isStatic: boolean): AnyFunction | null {
  const list = call.arguments[isStatic ? 2 : 1];
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  for (const element of list.elements) {
    if (element?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    let key: string | null = null;
    let value: TSESTree.Node | null = null;
    for (const property of element.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const field = getPropertyName(property);
      if (field === 'key' && property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === 'string') key = property.value.value;
      else if (field === 'value') value = skipTransparent(property.value);
    }
    if (key === name) return value !== null && isFunctionNode(value) ? value : null;
  }
  return null;
}
