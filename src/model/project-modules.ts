/**
 * Does a function of another module of this project log its own failures? A `try` whose only
 * fallible work is `config.set(k, v)`, where `./configstore`'s `set` catches its write error and
 * logs it with `log.error(…)`, loses nothing when its catch falls back or answers 500: the
 * operators saw the failure in the store's log. This is the other-module half of
 * `logsOwnFailures` (fallible.ts), which answers the same question for a same-file function.
 *
 * The module is one the linted file imports by a relative specifier or a package.json `imports`
 * alias (`readImportedSource`), parsed with the linted file's parser at most once per linted file
 * and only when a rule asks (a catch that would otherwise be reported). The called function is
 * found by its exported name: ES exports, `module.exports` / `exports.x`, TypeScript's CommonJS
 * output (`exports.x = x`, `exports.default = new Store()`), an exported object's method or an
 * exported instance's class method. Logger recognition there cannot ask the linted file's scope:
 * it reads the other module's module-level bindings by name and otherwise accepts what the
 * plugin's logger recognition accepts by name (`console`, `log` / `logger` receivers, `this.logger`,
 * the `loggers` setting). Anything that cannot be read, parsed or found answers "no".
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getEnclosingFunction,
  getPropertyName,
  isFunctionNode,
  resolveFunction,
  skipTransparent,
  skipTypeWrappers,
  walkSameFunction,
  unwrapIndirectCall,
} from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { type FailureOptions, classifyCall, classifyFailures, isResponseCall, logsOwnFailures } from './fallible.js';
import { compiledClassCall, compiledClassMethod } from './compiled-classes.js';
import { getLoggerCall } from './loggers.js';
import { isAbsolute, resolve } from 'node:path';
import { getImportSource, mayImportFromProject, readImportedFile } from './modules.js';
import { type ProjectModule, parseProjectFile } from './project-files.js';
import { findEscape, findEscapeKnowingModules } from './escapes.js';
import { injectedCall } from './injected-services.js';
import { returnsRejectingPromise, returnsUnknownPromise } from './returned-promises.js';
import { returnsOwnInstance, staticCallParts } from './static-factories.js';

/** What an expression of the other module holds, as far as a call by name needs. */
type ModuleValue =
  | { kind: 'exports' }
  | { kind: 'node'; node: TSESTree.Node }
  | { kind: 'instance'; cls: ClassLike };

/** A class, or Babel's compiled form of one (the `_createClass(…)` call, see compiled-classes.ts). */
type ClassLike = TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.CallExpression;

/** The function an export path names, and the class it is a method of (for `this.m()` calls in it). */
interface ExportedFunction {
  fn: AnyFunction;
  owner: ClassLike | null;
}

interface FileState {
  modules: Map<string, ProjectModule | null>;
  answers: Map<string, boolean>;
}

const fileStates = fileCache<FileState>();

/** At most this many members between the imported name and the called method (`store_1.default.set`). */
const MAX_SEGMENTS = 3;

/**
 * The call reaches a function of a project module (imported by a relative specifier or an
 * `imports` alias) that logs its own failures the way `logsOwnFailures` means it: on every path,
 * or in each of its catch clauses.
 */
export function importedCalleeLogs(context: Context, call: TSESTree.CallExpression): boolean {
  return askImportedFunction(context, call, 'logs', (module, fn, owner) => logsOwnFailures(module.context, fn) || delegatesToLoggingMethods(module, fn, owner));
}

/**
 * A method without a `try` of its own whose fallible work is its class's other methods, each logging its
 * own failures: `set(k, v) { const ok = this.reload(); _set(this.config, k, v); ok && this.sync(); }` where
 * `reload` and `sync` catch their file errors and log them. Anything else that can fail (a throw, an
 * unexplained or outside call, a sibling that does not log) answers no.
 */
function delegatesToLoggingMethods(module: ProjectModule, fn: AnyFunction, owner: ClassLike | null): boolean {
  if (owner === null || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let logged = false;
  let other = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.TryStatement) other = true;
      else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = getPropertyName(node.callee);
        const sibling = name === null ? null : classMember(owner, name, false);
        if (sibling?.kind === 'node' && isFunctionNode(sibling.node) && sibling.node !== fn && logsOwnFailures(module.context, sibling.node)) logged = true;
        else other = true;
      } else if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        const kind = classifyCall(module.context, node);
        if (kind === 'external' || kind === 'unknown') other = true;
      }
      return !other;
    },
    module.context.sourceCode.visitorKeys,
  );
  return logged && !other;
}

/**
 * One question about the exported function a call reaches in a project module, answered at most once
 * per linted file, callee and question (the module is read and parsed only when first asked). Anything
 * that cannot be read, parsed or found answers "no"; recognition never breaks a lint run.
 */
function askImportedFunction(
  context: Context,
  call: TSESTree.CallExpression,
  question: string,
  answer: (module: ProjectModule, fn: AnyFunction, owner: ClassLike | null) => boolean,
  targets: 'imported' | 'both' | 'injected' = 'imported',
  fromModule = false,
): boolean {
  try {
    const target = (targets === 'injected' ? null : importedTarget(context, call)) ?? (targets === 'imported' ? null : injectedTarget(context, call));
    return target !== null && askTarget(context, target, question, answer, fromModule);
  } catch {
    return false;
  }
}

/**
 * One question about the function of a project module an expression names (`header` with `const header =
 * require('./middleware/header')` or a default import, `header_1.default`, `mw.requestLog`), asked in that
 * module's context: at most once per linted file, expression path and question. "No" when unreadable.
 */
export function importedFunctionSatisfies(context: Context, expression: TSESTree.Node, question: string, answer: (module: ProjectModule, fn: AnyFunction) => boolean): boolean {
  try {
    const target = importedPath(context, skipTypeWrappers(expression));
    return target !== null && askTarget(context, target, question, answer);
  } catch {
    return false;
  }
}

/** `askImportedFunction`'s look-up once the target is known (may throw: callers catch). */
function askTarget(context: Context, target: Target, question: string, answer: (module: ProjectModule, fn: AnyFunction, owner: ClassLike | null) => boolean, fromModule = false): boolean {
  const state = stateOf(context);
  const key = `${target.source}\u0000${target.path.join('.')}\u0000${target.method ?? ''}\u0000${question}`;
  const known = state.answers.get(key);
  if (known !== undefined) return known;
  const module = moduleOf(context, state, target.source, fromModule);
  const found = module === null ? null : findExportedFunction(module, target.path, target.method);
  const result = module !== null && found !== null && answer(module, found.fn, found.owner);
  state.answers.set(key, result);
  return result;
}

/**
 * The callee logs its own failures: a same-file function (`logsOwnFailures`) or a project module's
 * (`importedCalleeLogs`). A call of the function it sits in does not count.
 */
function calleeLogsOwnFailures(context: Context, call: TSESTree.CallExpression): boolean {
  const fn = resolveFunction(context, unwrapIndirectCall(call.callee));
  if (fn) return fn !== getEnclosingFunction(call) && logsOwnFailures(context, fn);
  return importedCalleeLogs(context, call);
}

function stateOf(context: Context): FileState {
  return perFile(fileStates, context.sourceCode, () => ({ modules: new Map(), answers: new Map() }));
}

/**
 * The project module a call goes to and the names from its export to the function:
 * `set(k, v)` with `const { set } = require('./store')` → `./store`, [set];
 * `config.set(k, v)` with `const config = require('./configstore')` → [default, set];
 * `(0, settings_1.saveSettings)(x)` → [default, saveSettings]; `store_1.default.set(k)` → [default, default, set].
 */
function importedTarget(context: Context, call: TSESTree.CallExpression): Target | null {
  return importedPath(context, skipTypeWrappers(unwrapIndirectCall(call.callee)));
}

/** A project module and the names from its export to a value, and the instance method called on it. */
interface Target {
  source: string;
  path: string[];
  method?: string;
}

/** The module and export path an expression names: `set`, `config.set`, `settings_1.saveSettings`, `cache_1.SecretsCache`. */
function importedPath(context: Context, expression: TSESTree.Node): Target | null {
  let root = expression; // the root name first (asked of every discarded call): most are bound to no project module
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTypeWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier || !mayImportFromProject(context, root)) return null;
  const names: string[] = [];
  let n = expression;
  while (n.type === AST_NODE_TYPES.MemberExpression && names.length <= MAX_SEGMENTS) {
    const name = getPropertyName(n);
    if (name === null) return null;
    names.unshift(name);
    n = skipTypeWrappers(n.object);
  }
  if (n.type !== AST_NODE_TYPES.Identifier || names.length > MAX_SEGMENTS) return null;
  const from = getImportSource(context, n);
  if (from === null || !/^[.#]/u.test(from.source)) return null;
  // `import * as store from './store'`: the namespace is the module's exports.
  const path = from.imported === '*' ? names : [from.imported, ...names];
  return path.length === 0 ? null : { source: from.source, path };
}

/**
 * `taskHandler.releasePending()` with `const TaskHandler = require('./lib/task-handler')` and every write of `taskHandler`
 * a `new TaskHandler(…)` (`let taskHandler; … taskHandler = new TaskHandler({ database })`) or a call of a static factory
 * of that class (`const acmeChallenge = AcmeChallenge.create({ db })`, `static create(c) { return new AcmeChallenge(c) }`,
 * read in its module: static-factories.ts `returnsOwnInstance`): the method of the project
 * class the variable holds an instance of, asked in that class's module like `importedFunctionSatisfies`. "No" otherwise.
 */
export function importedInstanceMethodSatisfies(context: Context, callee: TSESTree.MemberExpression, question: string, answer: (module: ProjectModule, fn: AnyFunction) => boolean): boolean {
  try {
    const object = skipTypeWrappers(callee.object);
    const method = getPropertyName(callee);
    const variable = object.type === AST_NODE_TYPES.Identifier && method !== null ? findVariable(context, object) : null;
    const created = variable?.references.filter((ref) => ref.isWrite()).map((ref) => (ref.writeExpr ? skipTypeWrappers(ref.writeExpr) : null)) ?? [];
    // `new TaskHandler(…)`, or a static factory of the class (`AcmeChallenge.create({ db })`, static-factories.ts).
    const classOf = (n: TSESTree.Node | null): TSESTree.Identifier | null =>
      n?.type === AST_NODE_TYPES.NewExpression && n.callee.type === AST_NODE_TYPES.Identifier ? n.callee : (staticCallParts(n)?.cls ?? null);
    const first = classOf(created[0] ?? null);
    if (first === null || !created.every((n) => classOf(n)?.name === first.name)) return false;
    const target = importedPath(context, first);
    if (target === null) return false;
    const factories = created.filter((n) => n?.type === AST_NODE_TYPES.CallExpression).map((n) => staticCallParts(n)!.method);
    const makesInstance = (name: string): boolean =>
      askTarget(context, { ...target, path: [...target.path, name] }, 'static-factory', (module, fn) => returnsOwnInstance(fn, module.context.sourceCode.visitorKeys));
    return factories.every(makesInstance) && askTarget(context, { ...target, method: method! }, question, answer);
  } catch {
    return false;
  }
}

/** `this.cache.refreshAll()` on a service injected into the class (injected-services.ts): the class's module, its export path and the method. */
function injectedTarget(context: Context, call: TSESTree.CallExpression): Target | null {
  const injected = injectedCall(call);
  const target = injected === null ? null : importedPath(context, injected.type);
  return target === null ? null : { ...target, method: injected!.method };
}

/** The file each parsed project module was read from (keyed by its context), for a question asked from inside it. */
const modulePaths = new WeakMap<object, string>();

/**
 * The project module `source` names from the linted file; with `fromModule`, also from a project module parsed
 * here (its own imports, one more hop: only the question that asks for it, see `askCannotReject`).
 */
function moduleOf(context: Context, state: FileState, source: string, fromModule = false): ProjectModule | null {
  if (state.modules.has(source)) return state.modules.get(source)!;
  const modulePath = modulePaths.get(context);
  const file = modulePath === undefined ? readLintedImport(context, source) : fromModule ? readImportedFile(modulePath, source) : null;
  const module = file === null ? null : parseProjectFile(context, file.text);
  if (module !== null && file !== null) modulePaths.set(module.context, file.path);
  state.modules.set(source, module);
  return module;
}

/** What the linted file imports by `source`: its path and text. */
function readLintedImport(context: Context, source: string): { path: string; text: string } | null {
  const filename = context.physicalFilename || context.filename;
  if (!filename || filename.startsWith('<')) return null;
  return readImportedFile(isAbsolute(filename) ? filename : resolve(context.cwd, filename), source);
}

/** The function an export path names: [default] (the module's value), [set], [default, set], [default, default, set]. */
function findExportedFunction(module: ProjectModule, path: readonly string[], method?: string): ExportedFunction | null {
  let value: ModuleValue | null = { kind: 'exports' };
  let owner: ClassLike | null = null;
  for (const [i, name] of path.entries()) {
    // An instance's method: its `this.m()` calls reach the class's other methods.
    owner = value.kind === 'instance' ? value.cls : null;
    // `require('./m')` and a default import both say `default`: the ES default export, else the CommonJS exports.
    value = i === 0 && name === 'default' ? defaultExport(module) : memberOf(module, value, name, 0);
    if (value === null) return null;
  }
  if (method !== undefined) {
    // The exported class of an injected instance: its own (not static) method.
    const cls = value.kind === 'node' ? value.node : null;
    if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression && cls?.type !== AST_NODE_TYPES.CallExpression) return null;
    owner = cls;
    value = classMember(cls, method, false);
    if (value === null) return null;
  }
  return value.kind === 'node' && isFunctionNode(value.node) ? { fn: value.node, owner } : null;
}

function defaultExport(module: ProjectModule): ModuleValue | null {
  let cjs: TSESTree.Node | null = null;
  for (const statement of module.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return valueOf(module, statement.declaration, 0);
    const assigned = exportsAssignment(statement);
    if (assigned && assigned.name === null) cjs = assigned.value;
  }
  if (cjs !== null) return valueOf(module, cjs, 0);
  // `exports.set = set` (also TypeScript's CommonJS output, whose `exports.default` is then a member).
  return { kind: 'exports' };
}

/**
 * `module.exports = v` (name null), `module.exports.x = v` / `exports.x = v` (name x); also Babel's and
 * TypeScript's chains (`var read = exports.read = function read() {}`, `var _default = exports["default"] = store`).
 * A `void 0` placeholder (`exports.x = exports.y = void 0`, hoisted before the real value) is no value.
 */
function exportsAssignment(statement: TSESTree.Statement): { name: string | null; value: TSESTree.Node } | null {
  let expression: TSESTree.Node | null = null;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
  else if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1) expression = statement.declarations[0]!.init;
  if (expression?.type !== AST_NODE_TYPES.AssignmentExpression) return null;
  let value: TSESTree.Node = expression;
  while (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') value = value.right;
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void') return null;
  // The outermost exports target of the chain names the export.
  for (let a: TSESTree.Node = expression; a.type === AST_NODE_TYPES.AssignmentExpression && a.operator === '='; a = a.right) {
    const target = exportsTarget(a.left);
    if (target !== undefined) return { name: target, value };
  }
  return null;
}

/** `module.exports` → null, `exports.x` / `module.exports.x` → x, anything else undefined. */
function exportsTarget(left: TSESTree.Node): string | null | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipTransparent(left.object);
  const name = getPropertyName(left);
  if (name === null) return undefined;
  if (isIdentifier(object, 'module') && name === 'exports') return null;
  if (isIdentifier(object, 'exports') || (object.type === AST_NODE_TYPES.MemberExpression && isIdentifier(object.object, 'module') && getPropertyName(object) === 'exports')) {
    return name;
  }
  return undefined;
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** A named export: ES (`export function x`, `export { y as x }`) or CommonJS (`exports.x = …`, `module.exports = { x }`). */
function namedExport(module: ProjectModule, name: string, depth: number): ModuleValue | null {
  let whole: TSESTree.Node | null = null;
  for (const statement of module.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration && (declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === name) {
        return valueOf(module, declaration, depth);
      }
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const d of declaration.declarations) {
          if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name) return d.init ? valueOf(module, d.init, depth) : null;
        }
      }
      if (statement.source === null) {
        for (const spec of statement.specifiers) {
          const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
          if (exported === name && spec.local.type === AST_NODE_TYPES.Identifier) return valueOf(module, spec.local, depth);
        }
      }
    }
    if (name === 'default' && statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return valueOf(module, statement.declaration, depth);
    const assigned = exportsAssignment(statement);
    if (assigned?.name === name) return valueOf(module, assigned.value, depth);
    if (assigned && assigned.name === null) whole = assigned.value;
  }
  if (whole !== null) {
    const value = valueOf(module, whole, depth);
    return value === null ? null : memberOf(module, value, name, depth);
  }
  return null;
}

function valueOf(module: ProjectModule, node: TSESTree.Node, depth: number): ModuleValue | null {
  if (depth > 4) return null;
  const n = skipTransparent(node);
  switch (n.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.ObjectExpression:
      return { kind: 'node', node: n };
    case AST_NODE_TYPES.Identifier: {
      const bound = module.bindings.get(n.name);
      if (!bound) return null;
      if (bound.type === AST_NODE_TYPES.VariableDeclarator) return bound.init ? valueOf(module, bound.init, depth + 1) : null;
      return { kind: 'node', node: bound };
    }
    case AST_NODE_TYPES.NewExpression: {
      const cls = valueOf(module, n.callee, depth + 1);
      if (cls?.kind === 'node' && (cls.node.type === AST_NODE_TYPES.ClassDeclaration || cls.node.type === AST_NODE_TYPES.ClassExpression || cls.node.type === AST_NODE_TYPES.CallExpression)) {
        return { kind: 'instance', cls: cls.node };
      }
      return null;
    }
    case AST_NODE_TYPES.CallExpression: {
      // Babel's compiled class: `var Store = function () { …; return _createClass(Store, [ … ]) }()`.
      const compiled = compiledClassCall(n);
      return compiled === null ? null : { kind: 'node', node: compiled };
    }
    default:
      return null;
  }
}

/** `x` of an exported value: a named export, an object's property or method, a class's static method, an instance's method. */
function memberOf(module: ProjectModule, value: ModuleValue, name: string, depth: number): ModuleValue | null {
  if (value.kind === 'exports') return namedExport(module, name, depth + 1);
  if (value.kind === 'instance') return classMember(value.cls, name, false);
  const node = value.node;
  if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression || node.type === AST_NODE_TYPES.CallExpression) return classMember(node, name, true);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return null;
  let found: ModuleValue | null = null;
  for (const property of node.properties) {
    // A later spread may replace what an earlier property set.
    if (property.type !== AST_NODE_TYPES.Property) found = null;
    else if (getPropertyName(property) === name) found = valueOf(module, property.value, depth + 1);
  }
  return found;
}

function classMember(cls: ClassLike, name: string, isStatic: boolean): ModuleValue | null {
  if (cls.type === AST_NODE_TYPES.CallExpression) {
    const method = compiledClassMethod(cls, name, isStatic);
    return method === null ? null : { kind: 'node', node: method };
  }
  for (const member of cls.body.body) {
    if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.static !== isStatic) continue;
    if (getPropertyName(member) !== name || !member.value) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') continue;
    const value = skipTransparent(member.value);
    return isFunctionNode(value) ? { kind: 'node', node: value } : null;
  }
  return null;
}

/**
 * The only work in `root` (not in nested functions) that can fail is calls whose callees log their own
 * failures (`calleeLogsOwnFailures`), and there is at least one: every other call is a log, a pure
 * helper, telemetry or the answer to the client, and nothing throws.
 */
export function onlyLoggingCalleesFail(context: Context, root: TSESTree.Node, options: FailureOptions): boolean {
  const withCallees: FailureOptions = { ...options, calleeLogs: (call) => importedCalleeLogs(context, call) };
  let logged = false;
  let other = false;
  walkSameFunction(
    root,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement) other = true;
      else if (node.type === AST_NODE_TYPES.CallExpression && getLoggerCall(context, node) === null && calleeLogsOwnFailures(context, node)) logged = true;
      else if (node.type === AST_NODE_TYPES.CallExpression && cannotFail(context, node, withCallees)) return true;
      else if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.ImportExpression) {
        const kind = classifyCall(context, node, withCallees);
        const answers = node.type === AST_NODE_TYPES.CallExpression && isResponseCall(context, node);
        if ((kind === 'external' || kind === 'unknown' || kind === 'probe') && !answers) other = true;
      }
      return !other;
    },
    context.sourceCode.visitorKeys,
  );
  return logged && !other;
}

/**
 * `getSanitizedRecords()`: a same-file function in which nothing can fail (no throw, and every call a log,
 * a pure helper or a callee that logs its own failures). `classifyCall` answers `probe` for it, as for a
 * validator; for "did anything fail unrecorded" it is nothing.
 */
function cannotFail(context: Context, call: TSESTree.CallExpression, options: FailureOptions): boolean {
  const fn = resolveFunction(context, unwrapIndirectCall(call.callee));
  return fn !== null && fn !== getEnclosingFunction(call) && classifyFailures(context, fn.body, options) === 'none';
}

/**
 * The try block's only fallible work is calls whose callees log their own failures — a same-file
 * function, or a function of a project module the file imports (read only when asked): the operators
 * saw the failure. For a catch that answers 5xx, every fallible call must be one (`onlyLoggingCalleesFail`);
 * for a fallback, nothing else may fail for an outside reason.
 */
export function failureLoggedByCallee(context: Context, block: TSESTree.BlockStatement, answersServerError: boolean, options: FailureOptions): boolean {
  if (answersServerError) return onlyLoggingCalleesFail(context, block, options);
  const source = classifyFailures(context, block, { ...options, calleeLogs: (call) => importedCalleeLogs(context, call) });
  return source === 'none' || source === 'probe';
}

/**
 * The call reaches an async function of a project module that cannot reject: every failure in it is
 * caught, or logged before it is thrown on (`findEscape`, asked of the other module). Not for
 * plain functions, whose promise (if any) is another call's.
 */
export function importedCannotReject(context: Context, call: TSESTree.CallExpression): boolean {
  return askCannotReject(context, call, 'both');
}

/**
 * `importedCannotReject` for a method of a service injected into the class only (`this.cache.refreshAll()`,
 * injected-services.ts): the question an awaited call inside background work asks. An imported function
 * awaited there stays unknown: a module of stand-ins (an in-memory `db`) is not the store it stands for.
 */
export function injectedCannotReject(context: Context, call: TSESTree.CallExpression): boolean {
  return askCannotReject(context, call, 'injected');
}

/**
 * The one "an async function of another module catches every failure" question of the two above. In the
 * callee's module, an awaited method of a service injected there counts as safe when it catches every
 * failure in its own module (one more hop, no further): `async notify(id, msg) { const ids = await
 * this.sharing.getUserIdsSafe(id); this.push.send(msg, ids) }` where `getUserIdsSafe` catches and logs.
 */
function askCannotReject(context: Context, call: TSESTree.CallExpression, reach: 'both' | 'injected', hop = 0): boolean {
  const visitorKeys = context.sourceCode.visitorKeys;
  const escapeIn = (module: ProjectModule, fn: AnyFunction): TSESTree.Node | null =>
    hop > 0
      ? findEscape(module.context, fn, visitorKeys)
      : findEscapeKnowingModules(module.context, fn, visitorKeys, (inner) => askCannotReject(module.context, inner, 'injected', hop + 1));
  return askImportedFunction(
    context,
    call,
    `cannot-reject:${hop}`,
    (module, fn) => fn.async && !fn.generator && !returnsUnknownPromise(fn, visitorKeys) && escapeIn(module, fn) === null,
    reach,
    hop > 0,
  );
}

/** The call goes to a module of this project (a relative specifier or an `imports` alias): a name check and a scope look-up. */
export function callsProjectModule(context: Context, call: TSESTree.CallExpression): boolean {
  return importedTarget(context, call) !== null;
}

/**
 * The call reaches a plain function of a project module that returns a promise it can reject itself when
 * its work fails: `function putPath(…) { return new Promise((resolve, reject) => { …; create().then(…).catch(reject) }) }`.
 * The author wrote the rejection, so a caller that drops the promise leaves it unhandled. (An async
 * function is not asked here: whether its awaits can fail is a guess about yet other modules.)
 */
export function importedReturnsRejectingPromise(context: Context, call: TSESTree.CallExpression): boolean {
  return askImportedFunction(context, call, 'rejecting', (_module, fn) => !fn.async && !fn.generator && returnsRejectingPromise(fn, context.sourceCode.visitorKeys));
}
