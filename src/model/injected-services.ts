/**
 * Which class does a field of `this` hold by constructor injection? `this.cache.refreshAll()` in a class
 * whose constructor keeps a parameter as `this.cache` and names that parameter's class: a type annotation
 * (`constructor(private readonly cache: SecretsCache)`, `constructor(cache: SecretsCache) { this.cache = cache }`)
 * or, in TypeScript's CommonJS output, the `__metadata("design:paramtypes", [Logger, cache_1.SecretsCache])`
 * its decorators emit for the dependency-injection containers (Nest, n8n's `@Service()`, TypeDI). Read from
 * the file's own text; the class itself lives in the module the name is imported from (project-modules.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findEnclosingClass, getCalleePath, getPropertyName, getStringValue, lastSegment, skipTypeWrappers } from './ast.js';
import { isDecorateHelperName, isMetadataHelperName } from './decorators.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The injected field's class and the instance method a call makes on it. */
export interface InjectedCall {
  /** The expression naming the class: `SecretsCache`, `cache_1.SecretsCache`. */
  type: TSESTree.Identifier | TSESTree.MemberExpression;
  method: string;
}

const typesCache = new WeakMap<ClassNode, Map<string, TSESTree.Identifier | TSESTree.MemberExpression | null>>();

/** `this.<field>.<method>(…)` where the enclosing class receives `<field>` by injection: its class and the method, else null. */
export function injectedCall(call: TSESTree.CallExpression): InjectedCall | null {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  const holder = skipTypeWrappers(callee.object);
  if (holder.type !== AST_NODE_TYPES.MemberExpression || holder.computed || holder.object.type !== AST_NODE_TYPES.ThisExpression) return null;
  const method = getPropertyName(callee);
  const field = getPropertyName(holder);
  const cls = method === null || field === null ? null : findEnclosingClass(call);
  if (!cls) return null;
  let types = typesCache.get(cls);
  if (!types) typesCache.set(cls, (types = new Map()));
  if (!types.has(field!)) types.set(field!, injectedType(cls, field!));
  const type = types.get(field!) ?? null;
  return type === null ? null : { type, method: method! };
}

/** The class the constructor's parameter kept as `this.<field>` is declared (or emitted) with, else null. */
function injectedType(cls: ClassNode, field: string): TSESTree.Identifier | TSESTree.MemberExpression | null {
  const ctor = cls.body.body.find((m): m is TSESTree.MethodDefinition => m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'constructor');
  if (!ctor) return null;
  const params = ctor.value.params;
  let index = params.findIndex((p) => p.type === AST_NODE_TYPES.TSParameterProperty && p.parameter.type === AST_NODE_TYPES.Identifier && p.parameter.name === field);
  if (index < 0) {
    // `this.cache = cache;` as a statement of the constructor's own body.
    for (const statement of ctor.value.body?.body ?? []) {
      const e = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
      if (e?.type !== AST_NODE_TYPES.AssignmentExpression || e.operator !== '=' || e.left.type !== AST_NODE_TYPES.MemberExpression) continue;
      if (e.left.object.type !== AST_NODE_TYPES.ThisExpression || getPropertyName(e.left) !== field || e.right.type !== AST_NODE_TYPES.Identifier) continue;
      const name = e.right.name;
      index = params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === name);
      break;
    }
  }
  if (index < 0) return null;
  const param = params[index]!;
  const declared = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const annotation = declared.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
  if (annotation) return annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName : null;
  return emittedParamType(cls, index);
}

/**
 * Element `index` of the `__metadata("design:paramtypes", [...])` that TypeScript emits into the class's
 * `__decorate([...], X)` call (a top-level statement: `X = __decorate(…)`, `exports.X = X = __decorate(…)`).
 */
function emittedParamType(cls: ClassNode, index: number): TSESTree.Identifier | TSESTree.MemberExpression | null {
  const name = cls.id?.name ?? (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier ? cls.parent.id.name : null);
  let program: TSESTree.Node = cls;
  while (program.parent) program = program.parent;
  if (name === null || program.type !== AST_NODE_TYPES.Program) return null;
  for (const statement of program.body) {
    let value: TSESTree.Node | null = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
    while (value?.type === AST_NODE_TYPES.AssignmentExpression) value = value.right;
    if (value?.type !== AST_NODE_TYPES.CallExpression || !isDecorateHelperName(helperName(value))) continue;
    const [decorators, target] = value.arguments;
    if (target?.type !== AST_NODE_TYPES.Identifier || target.name !== name || decorators?.type !== AST_NODE_TYPES.ArrayExpression) continue;
    for (const d of decorators.elements) {
      if (d?.type !== AST_NODE_TYPES.CallExpression || !isMetadataHelperName(helperName(d)) || getStringValue(d.arguments[0]) !== 'design:paramtypes') continue;
      const list = d.arguments[1];
      const element = list?.type === AST_NODE_TYPES.ArrayExpression ? list.elements[index] : null;
      return element?.type === AST_NODE_TYPES.Identifier || element?.type === AST_NODE_TYPES.MemberExpression ? element : null;
    }
  }
  return null;
}

/** The helper a call runs: `__decorate` of `__decorate(…)`, `tslib_1.__decorate(…)`, SWC's `_ts_decorate(…)`. */
function helperName(call: TSESTree.CallExpression): string | null {
  const path = getCalleePath(call);
  return path === null ? null : lastSegment(path);
}
