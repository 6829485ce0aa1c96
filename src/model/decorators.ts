/**
 * "Which decorators does this class, method or parameter carry?" — one answer for source code
 * (`@Post('login') signIn(@Body() body) {…}`) and for TypeScript's compiled output, which published
 * NestJS / type-graphql packages ship:
 *
 *   let AuthController = class AuthController { signIn(body) {…} };
 *   __decorate([(0, common_1.Post)('login'), __param(0, (0, common_1.Body)()), __metadata(…)], AuthController.prototype, "signIn", null);
 *   AuthController = __decorate([(0, common_1.Controller)('auth')], AuthController);
 *
 * SWC names the same helpers `_ts_decorate` / `_ts_param` / `_ts_metadata`, esbuild `__decorateClass` /
 * `__decorateParam` (same arguments): all three outputs are read alike.
 *
 * A compiled decorator counts exactly like the source one. The `__decorate(…)` statements are read
 * from the statement list that declares the class (the file's top level, or a function body for a
 * class built inside one), once per list; files without `__decorate` are never walked. SWC (the Nest
 * CLI's `-b swc` builder) writes the same calls with its own helper names: `_ts_decorate([Catch()], X)`,
 * `_ts_param(0, Body())`, `_ts_metadata(…)`, read as TypeScript's.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, getMemberPath, getPropertyName, getStringValue, lastSegment, skipTransparent } from './ast.js';
import { fileCache, perProgram } from './file-cache.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

interface CompiledDecorators {
  /** Class decorators by class binding. */
  classes: Map<string, TSESTree.Expression[]>;
  /** Member decorators (method and `__param`) by `binding|static|name`. */
  members: Map<string, TSESTree.Expression[]>;
}

const listCache = new WeakMap<TSESTree.Node, CompiledDecorators>();

/** The decorate helper of TypeScript (`__decorate`), SWC (`_ts_decorate`) and esbuild (`__decorateClass`). */
const DECORATE_HELPERS = new Set(['__decorate', '_ts_decorate', '__decorateClass']);
/** Their parameter-decorator helpers. */
const PARAM_HELPERS = new Set(['__param', '_ts_param', '__decorateParam']);
/** Their metadata helpers (esbuild emits none). */
const METADATA_HELPERS = new Set(['__metadata', '_ts_metadata']);

/** `__decorate`, `_ts_decorate`, `__decorateClass`: a compiler's decorate helper. */
export function isDecorateHelperName(name: string | null): boolean {
  return name !== null && DECORATE_HELPERS.has(name);
}

/** `__metadata`, `_ts_metadata`: a compiler's metadata helper. */
export function isMetadataHelperName(name: string | null): boolean {
  return name !== null && METADATA_HELPERS.has(name);
}
const gateCache = fileCache<boolean>();

/** The callee of a decorator call, `(0, common_1.Post)` → `common_1.Post`. */
function decoratorCallee(expr: TSESTree.Node): TSESTree.Node {
  let callee = skipTransparent(expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr);
  if (callee.type === AST_NODE_TYPES.SequenceExpression) callee = skipTransparent(callee.expressions[callee.expressions.length - 1]!);
  return callee;
}

/** SWC's decorator helpers, by the name of TypeScript's helper they stand for. */
const SWC_HELPERS: ReadonlyMap<string, string> = new Map([
  ['_ts_decorate', '__decorate'],
  ['_ts_param', '__param'],
  ['_ts_metadata', '__metadata'],
]);

/** A decorator expression's name: `Get` for `Get('x')`, `nest.Catch()`, `(0, common_1.Get)('x')`, `Injectable` (SWC's `_ts_decorate` is `__decorate`). */
export function decoratorName(expr: TSESTree.Node): string | null {
  const path = getMemberPath(decoratorCallee(skipTransparent(expr)));
  if (path === null) return null;
  const name = lastSegment(path);
  return SWC_HELPERS.get(name) ?? name;
}

/** The arguments a decorator expression is called with (`[]` for a bare `@Injectable`). */
export function decoratorArguments(expr: TSESTree.Node): TSESTree.CallExpressionArgument[] {
  const e = skipTransparent(expr);
  return e.type === AST_NODE_TYPES.CallExpression ? e.arguments : [];
}

/** One of `names` (or the name) is among the decorators. */
export function hasDecoratorNamed(decorators: readonly TSESTree.Node[], names: ReadonlySet<string> | string): boolean {
  return decorators.some((d) => {
    const name = decoratorName(d);
    return name !== null && (typeof names === 'string' ? name === names : names.has(name));
  });
}

/** The Program a node belongs to. */
function programOf(node: TSESTree.Node): TSESTree.Program | null {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current ?? null;
}

/** Cheap gate: the file calls a `__decorate` helper at its top level (its helper definition or a call). */
function fileUsesDecorateHelper(program: TSESTree.Program): boolean {
  return perProgram(gateCache, program, () => computeUsesDecorateHelper(program));
}

function computeUsesDecorateHelper(program: TSESTree.Program): boolean {
  // The helper is declared or imported at the top: `var __decorate = …`, `const tslib_1 = require("tslib")`, `import { __decorate } from 'tslib'`.
  const result = program.body.some((s) => {
    if (s.type === AST_NODE_TYPES.VariableDeclaration) {
      return s.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && (DECORATE_HELPERS.has(d.id.name) || /tslib/u.test(d.id.name)));
    }
    // SWC declares its helper: `function _ts_decorate(decorators, target, key, desc) {…}`.
    if (s.type === AST_NODE_TYPES.FunctionDeclaration) return s.id !== null && DECORATE_HELPERS.has(s.id.name);
    if (s.type === AST_NODE_TYPES.ImportDeclaration) return s.source.value === 'tslib';
    return s.type === AST_NODE_TYPES.ExpressionStatement && isDecorateCall(unwrapAssignments(s.expression));
  });
  return result;
}

function unwrapAssignments(node: TSESTree.Node): TSESTree.Node {
  let expr = node;
  while (expr.type === AST_NODE_TYPES.AssignmentExpression) expr = expr.right;
  return expr;
}

/** `__decorate(…)` / `tslib_1.__decorate(…)` / `(0, tslib_1.__decorate)(…)`. */
function isDecorateCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && isDecorateHelperName(decoratorName(node));
}

/** `__param(1, (0, common_1.Body)())` → [1, the decorator]; null for any other element. */
function compiledParam(element: TSESTree.Node): [number, TSESTree.Expression] | null {
  if (element.type !== AST_NODE_TYPES.CallExpression || !PARAM_HELPERS.has(decoratorName(element) ?? '')) return null;
  const [index, decorator] = element.arguments;
  if (index?.type !== AST_NODE_TYPES.Literal || typeof index.value !== 'number' || !decorator || decorator.type === AST_NODE_TYPES.SpreadElement) return null;
  return [index.value, decorator];
}

function memberKey(binding: string, isStatic: boolean, name: string): string {
  return `${binding}|${isStatic ? 'static' : 'proto'}|${name}`;
}

/** The `__decorate(…)` statements of one statement list, indexed by class binding and member. */
function compiledDecoratorsIn(owner: TSESTree.Node, statements: readonly TSESTree.Node[]): CompiledDecorators {
  const cached = listCache.get(owner);
  if (cached) return cached;
  const result: CompiledDecorators = { classes: new Map(), members: new Map() };
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const call = unwrapAssignments(statement.expression);
    if (!isDecorateCall(call)) continue;
    const [list, target, key] = call.arguments;
    if (list?.type !== AST_NODE_TYPES.ArrayExpression || !target) continue;
    const elements = list.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement);
    if (call.arguments.length === 2 && target.type === AST_NODE_TYPES.Identifier) {
      result.classes.set(target.name, [...(result.classes.get(target.name) ?? []), ...elements]);
      continue;
    }
    const name = key ? getStringValue(key) : null;
    if (name === null) continue;
    const isProto = target.type === AST_NODE_TYPES.MemberExpression && getPropertyName(target) === 'prototype';
    const holder = isProto ? (target as TSESTree.MemberExpression).object : target;
    if (holder.type !== AST_NODE_TYPES.Identifier) continue;
    const k = memberKey(holder.name, !isProto, name);
    result.members.set(k, [...(result.members.get(k) ?? []), ...elements]);
  }
  listCache.set(owner, result);
  return result;
}

/**
 * The name a class is bound to and the statement list that declares it: `class A {}`,
 * `let A = class A {}` and `let A = A_1 = class A {}` (TypeScript's output for a decorated class).
 */
function classSite(cls: ClassNode): { binding: string; compiled: CompiledDecorators } | null {
  const program = programOf(cls);
  if (!program || !fileUsesDecorateHelper(program)) return null;
  let node: TSESTree.Node = cls;
  let binding = cls.id?.name ?? null;
  while (node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.right === node) node = node.parent;
  if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.id.type === AST_NODE_TYPES.Identifier) {
    binding = node.parent.id.name;
    node = node.parent.parent;
  }
  if (binding === null) return null;
  let statement: TSESTree.Node = node;
  if (statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) statement = statement.parent;
  const owner = statement.parent;
  if (owner?.type !== AST_NODE_TYPES.Program && owner?.type !== AST_NODE_TYPES.BlockStatement) return null;
  return { binding, compiled: compiledDecoratorsIn(owner, owner.body) };
}

/** The class decorators of `cls`: `@Controller('auth')`, also `X = __decorate([(0, common_1.Controller)('auth')], X)`. */
export function classDecorators(cls: ClassNode): TSESTree.Expression[] {
  const own = (cls.decorators ?? []).map((d) => d.expression);
  const site = classSite(cls);
  return site ? [...own, ...(site.compiled.classes.get(site.binding) ?? [])] : own;
}

/** The compiled elements of a member's `__decorate([...], X.prototype, "name", null)`. */
function compiledMemberElements(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): TSESTree.Expression[] {
  const name = getPropertyName(method);
  const cls = method.parent.parent;
  if (name === null || (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression)) return [];
  const site = classSite(cls);
  return site?.compiled.members.get(memberKey(site.binding, method.static, name)) ?? [];
}

/**
 * The decorators of a method: `@Post('login')`, also `(0, common_1.Post)('login')` in its compiled
 * `__decorate([...], X.prototype, "signIn", null)` (parameter decorators and `__metadata` left out).
 */
export function methodDecorators(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): TSESTree.Expression[] {
  const own = ((method.decorators as TSESTree.Decorator[] | undefined) ?? []).map((d) => d.expression);
  const compiled = compiledMemberElements(method).filter((e) => {
    const name = decoratorName(e);
    return name === null || (!PARAM_HELPERS.has(name) && !METADATA_HELPERS.has(name));
  });
  return [...own, ...compiled];
}

/**
 * The decorators of the parameter at `index` of a method `fn`: `@Body() body`, also
 * `__param(0, (0, common_1.Body)())` in the method's compiled `__decorate(…)`.
 */
export function parameterDecorators(fn: AnyFunction, index: number): TSESTree.Expression[] {
  const param = fn.params[index];
  const own: TSESTree.Expression[] = [];
  if (param) {
    const holders: { decorators?: TSESTree.Decorator[] }[] = [param];
    if (param.type === AST_NODE_TYPES.TSParameterProperty) holders.push(param.parameter);
    if (param.type === AST_NODE_TYPES.AssignmentPattern) holders.push(param.left);
    for (const holder of holders) for (const d of holder.decorators ?? []) own.push(d.expression);
  }
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return own;
  for (const element of compiledMemberElements(method)) {
    const compiled = compiledParam(element);
    if (compiled && compiled[0] === index) own.push(compiled[1]);
  }
  return own;
}

/** Whether any parameter of method `fn` carries a decorator (source or compiled). */
export function hasDecoratedParameter(fn: AnyFunction): boolean {
  return fn.params.some((_, i) => parameterDecorators(fn, i).length > 0);
}
