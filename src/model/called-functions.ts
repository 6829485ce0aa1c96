/**
 * Which same-file function a call runs: the one its callee names, or the one a same-file factory
 * returns (`const respond = this.makeResponder(key); respond()`, `this.getCallback()(req, res)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { sameFileCallSites } from './input-flow.js';
import { returnsOwnInstance, staticCallParts, staticMethod } from './static-factories.js';
import { asyncBody } from './downlevel.js';
import { type AnyFunction, type Context, classMethods, findVariable, getPropertyName, getVariableInit, isFunctionNode, mayBindCallResult, resolveFunction, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perFile } from './file-cache.js';

/**
 * The same-file function a call runs: what `resolveFunction` finds, or the function a same-file
 * factory returns (`const respond = this.makeResponder(key); … await respond()`, where
 * `makeResponder(key) { return async () => { try … catch … } }`).
 */
export function resolveCalledFunction(context: Context, callee: TSESTree.Node): AnyFunction | null {
  const direct = resolveFunction(context, callee);
  if (direct) return direct;
  const n = skipTransparent(callee);
  if (n.type === AST_NODE_TYPES.MemberExpression) return instanceMethod(context, n) ?? moduleSectionMethod(context, n);
  // `this.getCallback()(req, res)`: the function a same-file factory returns, called at once.
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const factory = resolveFunction(context, n.callee);
    return factory ? returnedFunction(context, factory) : null;
  }
  if (n.type !== AST_NODE_TYPES.Identifier || !mayBindCallResult(context, n)) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  const init = variable.defs[0]!.node.init;
  const call = init ? skipTransparent(init) : null;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const factory = resolveFunction(context, call.callee);
  return factory ? returnedFunction(context, factory) : null;
}

/** The functions of a file: the names they are bound under, and those of its async functions (`asyncBody`: also downleveled ones). */
interface FunctionNames {
  all: ReadonlySet<string>;
  async: ReadonlySet<string>;
  anyAsync: boolean;
}
const functionNamesCache = fileCache<FunctionNames | null>();

/**
 * Built once per file from the scope manager (every function has a function scope): for each function, its
 * own name and the name of what it is the value of, through `as` / `satisfies` / `!` (a `const` / `let`, a
 * property, a method, a class field). Those are the only names `resolveCalledFunction` finds a function
 * under; null without a scope manager.
 */
function functionNames(context: Context): FunctionNames | null {
  const scopeManager = context.sourceCode.scopeManager;
  if (!scopeManager) return null;
  return perFile(functionNamesCache, context.sourceCode, () => {
    const all = new Set<string>();
    const async = new Set<string>();
    let anyAsync = false;
    for (const scope of scopeManager.scopes) {
      const fn = scope.block;
      if (scope.type !== 'function' || !isFunctionNode(fn)) continue;
      const isAsync = asyncBody(fn) !== null;
      anyAsync ||= isAsync;
      const add = (name: string): void => {
        all.add(name);
        if (isAsync) async.add(name);
      };
      if (fn.id) add(fn.id.name);
      let child: TSESTree.Node = fn;
      // Up through the wrappers `skipTransparent` looks through (`as`, `satisfies`, `!`, `await`): the one list of them.
      while (child.parent && skipTransparent(child.parent) === fn) child = child.parent;
      const parent = child.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) add(parent.id.name);
      else if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.value === child) {
        const name = getPropertyName(parent);
        if (name !== null) add(name);
      }
    }
    return { all, async, anyAsync };
  });
}

/** The name check of `mayCallFunction` / `mayCallAsyncFunction` against one set of names. */
function mayName(context: Context, callee: TSESTree.Node, names: ReadonlySet<string>): boolean {
  const n = skipTransparent(callee);
  if (isFunctionNode(n) || n.type === AST_NODE_TYPES.CallExpression) return true;
  if (n.type === AST_NODE_TYPES.Identifier) return names.has(n.name) || mayBindCallResult(context, n);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(n);
  return name !== null && names.has(name);
}

/**
 * A name check before resolution: false when `resolveCalledFunction(context, callee)` is null, so that a
 * caller skips the scope look-ups for most calls. Yes for an inline function, a factory's call (`make()()`)
 * and a name bound to a call's result (what a factory returns has no name of its own); else the callee's
 * name (`run`, `this.run`, `worker.run`, `self.run`) must be one a function of the file is bound under.
 */
export function mayCallFunction(context: Context, callee: TSESTree.Node): boolean {
  const index = functionNames(context);
  return index === null || mayName(context, callee, index.all);
}

/** As `mayCallFunction`, for an async function of this file (`asyncBody` non-null): none in the file, no call can be one. */
export function mayCallAsyncFunction(context: Context, callee: TSESTree.Node): boolean {
  const index = functionNames(context);
  return index === null || (index.anyAsync && mayName(context, callee, index.async));
}

/**
 * The one function a factory returns (`return async () => …`, an arrow whose body is one, or a
 * same-file function it hands out: `return this.requestHandler.bind(this)`), else null.
 */
function returnedFunction(context: Context, factory: AnyFunction): AnyFunction | null {
  if (factory.async || factory.generator) return null;
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return functionValue(context, factory.body);
  let found: AnyFunction | null = null;
  let other = false;
  walkSameFunction(
    factory.body,
    (node) => {
      if (other) return false;
      if (node.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
      const value = node.argument ? functionValue(context, node.argument) : null;
      if (value && found === null) found = value;
      else other = true;
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return other ? null : found;
}

/** The same-file function a returned value is: inline, `this.handle`, `handle`, or `….bind(this)` of one. */
function functionValue(context: Context, node: TSESTree.Node): AnyFunction | null {
  const n = skipTransparent(node);
  if (isFunctionNode(n)) return n;
  const bound = n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(n.callee) === 'bind' ? n.callee.object : null;
  const target = bound ?? n;
  return target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression ? resolveFunction(context, target) : null;
}

/**
 * `const renewer = new Renewer(); … await renewer.dispose()`: the method of a same-file class that a
 * `const` instance of it runs (its own method; an inherited or missing one stays unknown).
 */
function instanceMethod(context: Context, member: TSESTree.MemberExpression): AnyFunction | null {
  const object = skipTransparent(member.object);
  const name = getPropertyName(member);
  if (object.type !== AST_NODE_TYPES.Identifier || name === null || !declaresClass(context)) return null;
  const cls = instanceClass(context, object, true);
  return cls ? (classMethods(cls).get(name) ?? null) : null;
}

/**
 * The same-file class `id` holds an instance of: a `const` created by `new C(…)` or by a static factory of `C` (`C.create(…)`,
 * static-factories.ts); with `throughParams`, also a
 * parameter of a same-file function every call of which passes such a `const` of that one class
 * (`const m = new UpgradeManager(args); registerErrorHandlers(m)` — `function registerErrorHandlers(m) { m.log(…) }`).
 */
function instanceClass(context: Context, id: TSESTree.Identifier, throughParams: boolean): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  const variable = findVariable(context, id);
  if (!variable || variable.defs.length !== 1 || variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  const def = variable.defs[0]!;
  if (def.type === 'Parameter' && throughParams) {
    const index = def.node.params.indexOf(def.name as TSESTree.Parameter);
    const calls = index >= 0 && isFunctionNode(def.node) ? sameFileCallSites(context, def.node) : null;
    if (!calls || calls.length === 0) return null;
    let found: TSESTree.ClassDeclaration | TSESTree.ClassExpression | null = null;
    for (const call of calls) {
      const arg = call.arguments[index];
      const cls = arg?.type === AST_NODE_TYPES.Identifier ? instanceClass(context, arg, false) : null;
      if (!cls || (found && found !== cls)) return null;
      found = cls;
    }
    return found;
  }
  if (def.type !== 'Variable') return null;
  const init = getVariableInit(variable);
  const created = init ? skipTransparent(init) : null;
  if (created?.type === AST_NODE_TYPES.NewExpression && created.callee.type === AST_NODE_TYPES.Identifier) return sameFileClass(context, created.callee);
  // `const acme = AcmeChallenge.create({ db })` with `static create(config) { return new AcmeChallenge(config) }`: made as `new` makes it.
  const factory = staticCallParts(created);
  const cls = factory ? sameFileClass(context, factory.cls) : null;
  const method = cls && factory ? staticMethod(cls, factory.method) : null;
  return method && returnsOwnInstance(method, context.sourceCode.visitorKeys) ? cls : null;
}

/** The same-file class a name holds (`class C {}`, `const C = class {}`), else null. */
function sameFileClass(context: Context, id: TSESTree.Identifier): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  const classVariable = findVariable(context, id);
  const classDef = classVariable?.defs.length === 1 ? classVariable.defs[0]! : null;
  const cls = classDef?.type === 'ClassName' ? classDef.node : classDef?.type === 'Variable' && classDef.node.init ? skipTransparent(classDef.node.init) : null;
  return cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression ? cls : null;
}

const declaresClassCache = fileCache<boolean>();

/** A text check before any scope look-up: the file can declare a class only if it spells `class`. */
function declaresClass(context: Context): boolean {
  return perFile(declaresClassCache, context.sourceCode, () => context.sourceCode.text.includes('class'));
}

/**
 * Apostrophe's module format: an object whose sections take the module (`self`) and return its
 * functions — `methods(self) { return { async cleanup() {…} } }`, `restApiRoutes: (self) => ({ async
 * delete(req, _id) {…} })` — which the framework attaches to `self`: `self.cleanup` is a method,
 * `self.restApiRoutes.delete` a section's function. Read from the call's own module object: the
 * `self` parameter of one section (or of `init(self)`), a sibling section returning an object literal.
 */
function moduleSectionMethod(context: Context, member: TSESTree.MemberExpression): AnyFunction | null {
  const name = getPropertyName(member);
  if (name === null) return null;
  let root = skipTransparent(member.object);
  let section = 'methods';
  if (root.type === AST_NODE_TYPES.MemberExpression) {
    const inner = getPropertyName(root);
    if (inner === null) return null;
    section = inner;
    root = skipTransparent(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier || root.name !== 'self') return null;
  const variable = findVariable(context, root);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : null;
  if (def?.type !== 'Parameter' || def.node.params[0] !== def.name) return null;
  const owner = def.node.parent;
  const moduleObject = owner?.type === AST_NODE_TYPES.Property && owner.value === def.node ? owner.parent : null;
  if (moduleObject?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const prop of moduleObject.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || getPropertyName(prop) !== section || !isFunctionNode(prop.value) || prop.value.params.length === 0) continue;
    const returned = sectionObject(prop.value);
    for (const entry of returned?.properties ?? []) {
      if (entry.type === AST_NODE_TYPES.Property && getPropertyName(entry) === name && isFunctionNode(entry.value)) return entry.value;
    }
  }
  return null;
}

/** The object literal a section function returns: its arrow body, or the argument of its block's top-level `return`. */
function sectionObject(fn: AnyFunction): TSESTree.ObjectExpression | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTransparent(fn.body);
    return body.type === AST_NODE_TYPES.ObjectExpression ? body : null;
  }
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      const value = skipTransparent(statement.argument);
      return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
    }
  }
  return null;
}
