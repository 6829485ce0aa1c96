/**
 * Is an Express error handler mounted after another error handler that already logs every error
 * and passes it on? Express runs error middleware in the order the app mounts it:
 *
 *     app.use(errlog());                         // (err, req, res, next) => { console.error(err.stack); next(err) }
 *     app.use(errclient({ error: 'XHR error' })); // answers XHR requests, else next(err)
 *     app.use(errserver({ view: '500' }));        // renders the error page
 *
 * Every error reaches `errlog` first, so the handlers after it need not log again. The mounts are
 * read where they are written: in the linted file (`app.use(a); app.use(b)` as separate statements),
 * or — when the handler is (or is returned by) what its module exports — in the project files that
 * import that module (project-index.ts), parsed on request. The earlier handler counts when it
 * logs at error level with the error itself (`console.error(err.stack)`, `logger.error(err)`, not
 * only `err.message`) and calls `next(err)`, both as statements of its body (every error, not some),
 * wherever it is written: inline, a function of that file (or the one a factory of that file
 * returns), or the export of another project module. An error reporter's handler
 * (`Sentry.Handlers.errorHandler()`) counts too. Every mount of the handler found must have one;
 * none found answers no.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, unwrapIndirectCall, type Context, getEnclosingFunction, getMemberPath, getPropertyName, getStringValue, isFunctionNode, resolveFunction, skipTransparent, walkTree } from './ast.js';
import { ERROR_REPORTER_HANDLER, followsReporterInChain } from './error-handlers.js';
import { getLoggingLevel, isAtLeast } from './loggers.js';
import { getImportedBinding } from './modules.js';
import { type ProjectModule, parseProjectFile } from './project-files.js';
import { projectImporters } from './project-index.js';

/** At most this many importers are parsed per ask. */
const MAX_IMPORTERS = 4;
const MAX_BYTES = 1_000_000;
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/** A file read for this question: its parsed module (with a context reading it by name) and where it lives. */
interface Source {
  module: ProjectModule;
  file: string | null;
  /** The linted file itself: its scope resolves names. */
  linted: boolean;
}

/**
 * Every error reaches an earlier handler that records it before `fn`: listed after a reporter's or a
 * logging handler in one array or `app.use(…)` (error-handlers.ts `followsReporterInChain`, asked for a
 * handler that hands nothing on: `handsOn` false), or mounted after one that logs and passes it on.
 */
export function runsAfterRecordingHandler(context: Context, fn: AnyFunction, handsOn: boolean, mayLog: (fn: AnyFunction) => boolean): boolean {
  return (!handsOn && followsReporterInChain(context, fn, mayLog)) || mountedAfterLoggingHandler(context, fn);
}

/**
 * The error handler `fn` runs only after an earlier-mounted handler logged the error and passed it
 * on: in this file (separate `app.use` statements on one app) or in each project file mounting the
 * handler this module exports.
 */
export function mountedAfterLoggingHandler(context: Context, fn: AnyFunction): boolean {
  if (fn.params.length !== 4) return false;
  const filename = context.physicalFilename || context.filename;
  const file = filename && !filename.startsWith('<') ? resolve(context.cwd, filename) : null;
  const own: Source = { module: { ast: context.sourceCode.ast, context, bindings: new Map() }, file, linted: true };
  const local = sameFileMounts(context, fn);
  if (local.length > 0) return local.every((mount) => hasEarlierLogger(own, mount, context));
  const name = exportedAs(context, fn);
  if (name === null) return false;
  const importers = projectImporters(context);
  if (importers === null || importers.length === 0 || importers.length > MAX_IMPORTERS) return false;
  const mounts: { source: Source; call: TSESTree.CallExpression }[] = [];
  for (const importer of importers) {
    const text = readText(importer.file);
    if (text === null || !text.includes('.use(')) continue;
    const module = parseProjectFile(context, text);
    if (module === null) continue;
    const source: Source = { module, file: importer.file, linted: false };
    const names = importedNames(module, importer.specifiers, name);
    if (names.size === 0) continue;
    walkTree(
      module.ast,
      (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression && isUseCall(node) && node.arguments.some((a) => namesImport(a, names))) mounts.push({ source, call: node });
      },
      context.sourceCode.visitorKeys,
    );
  }
  return mounts.length > 0 && mounts.every(({ source, call }) => hasEarlierLogger(source, call, context));
}

/** `app.use(handler)` / `app.use(makeHandler())` calls of this file that mount `fn` by its name. */
function sameFileMounts(context: Context, fn: AnyFunction): TSESTree.CallExpression[] {
  const holder = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : null;
  if (!holder) return [];
  const mounts: TSESTree.CallExpression[] = [];
  for (const variable of context.sourceCode.getDeclaredVariables(holder)) {
    for (const ref of variable.references) {
      const call = ref.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && isUseCall(call) && call.arguments.includes(ref.identifier as TSESTree.Identifier)) mounts.push(call);
    }
  }
  return mounts;
}

function isUseCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'use';
}

/** An earlier `app.use(…)` on the same app, in the same function, mounts a handler that logs the error and passes it on. */
function hasEarlierLogger(source: Source, mount: TSESTree.CallExpression, context: Context): boolean {
  const callee = skipTransparent(mount.callee) as TSESTree.MemberExpression;
  const app = getMemberPath(callee.object);
  if (app === null) return false;
  const scope = getEnclosingFunction(mount) ?? source.module.ast;
  const where = getEnclosingFunction(mount);
  let found = false;
  walkTree(
    scope,
    (node) => {
      if (found || node.type !== AST_NODE_TYPES.CallExpression || node.range[0] >= mount.range[0] || !isUseCall(node)) return;
      if (getEnclosingFunction(node) !== where) return;
      if (getMemberPath((skipTransparent(node.callee) as TSESTree.MemberExpression).object) !== app) return;
      found = node.arguments.some((arg) => isLoggingHandler(source, arg, context));
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** The argument is an error handler that logs the error at error level and calls `next(err)`. */
function isLoggingHandler(source: Source, arg: TSESTree.Node, context: Context): boolean {
  const n = skipTransparent(arg);
  const target = n.type === AST_NODE_TYPES.CallExpression ? skipTransparent(n.callee) : n;
  const path = getMemberPath(target);
  if (path !== null && ERROR_REPORTER_HANDLER.test(path)) return true;
  const fn = handlerOf(source, n, context);
  return fn !== null && logsAndPassesOn(fn.source.module.context, fn.fn);
}

/** The handler function an argument mounts: inline, a function of its file, what a factory of its file returns, or another module's export. */
function handlerOf(source: Source, node: TSESTree.Node, context: Context): { fn: AnyFunction; source: Source } | null {
  if (isFunctionNode(node)) return { fn: node, source };
  const called = node.type === AST_NODE_TYPES.CallExpression;
  const ref = called ? skipTransparent(unwrapIndirectCall(node.callee)) : node;
  const local = localFunction(source, ref);
  if (local) return handlerFrom(called ? returnedFunction(local) : local, source);
  const spec = source.linted ? projectSource(source.module.context, ref) : importSpecifier(source.module, ref);
  if (spec === null || source.file === null) return null;
  const text = readModule(dirname(source.file), spec);
  if (text === null) return null;
  const module = parseProjectFile(context, text.text);
  if (module === null) return null;
  const other: Source = { module, file: text.file, linted: false };
  const exported = exportedFunction(module);
  return handlerFrom(exported && called ? returnedFunction(exported) : exported, other);
}

function handlerFrom(fn: AnyFunction | null, source: Source): { fn: AnyFunction; source: Source } | null {
  return fn !== null && fn.params.length === 4 ? { fn, source } : null;
}

function localFunction(source: Source, ref: TSESTree.Node): AnyFunction | null {
  if (source.linted) return resolveFunction(source.module.context, ref);
  if (ref.type !== AST_NODE_TYPES.Identifier) return null;
  const binding = source.module.bindings.get(ref.name);
  if (!binding) return null;
  if (isFunctionNode(binding)) return binding;
  if (binding.type === AST_NODE_TYPES.VariableDeclarator && binding.init && isFunctionNode(skipTransparent(binding.init))) return skipTransparent(binding.init) as AnyFunction;
  return null;
}

/** The function a factory returns (`return function (err, req, res, next) { … }`). */
function returnedFunction(fn: AnyFunction): AnyFunction | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTransparent(fn.body);
    return isFunctionNode(body) ? body : null;
  }
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      const value = skipTransparent(statement.argument);
      return isFunctionNode(value) ? value : null;
    }
  }
  return null;
}

/** A statement of the handler's body logs the error at error level (not only its text), and one calls `next(err)`. */
function logsAndPassesOn(context: Context, fn: AnyFunction): boolean {
  const [err, , , next] = fn.params;
  if (err?.type !== AST_NODE_TYPES.Identifier || next?.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let logs = false;
  let passes = false;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const call = skipTransparent(statement.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === next.name) {
      passes ||= call.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === err.name);
      continue;
    }
    const level = getLoggingLevel(context, call);
    if (level !== null && isAtLeast(level, 'error') && mentionsWholeError(call, err.name)) logs = true;
  }
  return logs && passes;
}

/** `console.error(err)`, `log.error({ err })`, `console.error(err.stack)`: the error or its stack, not only its message. */
function mentionsWholeError(call: TSESTree.CallExpression, name: string): boolean {
  let whole = false;
  for (const arg of call.arguments) {
    walkTree(arg, (node) => {
      if (whole || node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return;
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) whole = getPropertyName(parent) === 'stack';
      else whole = true;
    });
  }
  return whole;
}

/**
 * What the module exports `fn` as: `'default'` (`module.exports = f`, `export default f`,
 * `exports.default = f`) or its name (`export function errorHandler`, `exports.errorHandler = f`) —
 * `fn` itself or the factory that returns it; null when it is not exported.
 */
export function exportedAs(context: Context, fn: AnyFunction): string | null {
  const candidates: AnyFunction[] = [fn];
  const parent = fn.parent;
  const factory = parent?.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(parent) : parent && isFunctionNode(parent) && parent.body === fn ? parent : null;
  if (factory) candidates.push(factory);
  for (const candidate of candidates) {
    const names = new Set<string>([]);
    const holder = candidate.parent;
    if (candidate.type === AST_NODE_TYPES.FunctionDeclaration && candidate.id) names.add(candidate.id.name);
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) names.add(holder.id.name);
    if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
    if (holder?.type === AST_NODE_TYPES.ExportNamedDeclaration && candidate.type === AST_NODE_TYPES.FunctionDeclaration && candidate.id) return candidate.id.name;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === candidate) {
      const exported = exportTarget(holder.left);
      if (exported !== null) return exported;
    }
    for (const statement of context.sourceCode.ast.body) {
      const exported = exportOfStatement(statement, names);
      if (exported !== null) return exported;
    }
  }
  return null;
}

/** `module.exports` → 'default'; `exports.x` / `module.exports.x` → 'x'. */
function exportTarget(left: TSESTree.Node): string | null {
  const path = getMemberPath(left);
  if (path === 'module.exports' || path === 'exports.default' || path === 'module.exports.default') return 'default';
  const match = path === null ? null : /^(?:module\.)?exports\.(\w+)$/u.exec(path);
  return match ? match[1]! : null;
}

/** `module.exports = name`, `export default name`, `exports.x = name`, `export { name as x }` for a name in `names`. */
function exportOfStatement(statement: TSESTree.ProgramStatement, names: ReadonlySet<string>): string | null {
  if (names.size === 0) return null;
  if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    const d = statement.declaration;
    return d.type === AST_NODE_TYPES.Identifier && names.has(d.name) ? 'default' : null;
  }
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
    for (const s of statement.specifiers) {
      if (s.local.type === AST_NODE_TYPES.Identifier && names.has(s.local.name)) return s.exported.type === AST_NODE_TYPES.Identifier ? s.exported.name : String(s.exported.value);
    }
    return null;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) return null;
  const { left, right } = statement.expression;
  const value = skipTransparent(right);
  return value.type === AST_NODE_TYPES.Identifier && names.has(value.name) ? exportTarget(left) : null;
}

/**
 * The importer's names for the export `exported` of the module it imports by one of `specifiers`:
 * an ES default / namespace / named import, `const x = require(spec)` (also through an interop
 * helper), `const { name } = require(spec)`. Namespace-like bindings are kept with the member to read.
 */
export function importedNames(module: ProjectModule, specifiers: readonly string[], exported: string): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const statement of module.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && specifiers.includes(statement.source.value)) {
      for (const s of statement.specifiers) {
        if (s.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
          if (exported === 'default') names.set(s.local.name, null);
        } else if (s.type === AST_NODE_TYPES.ImportNamespaceSpecifier) names.set(s.local.name, exported);
        else if ((s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value) === exported) names.set(s.local.name, null);
      }
    }
  }
  for (const [name, node] of module.bindings) {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) continue;
    const spec = requiredSpecifier(node.init);
    if (spec === null || !specifiers.includes(spec)) continue;
    // `require(spec)` is the export itself for `module.exports = f`; its `.default` / `.name` member otherwise.
    names.set(name, exported === 'default' ? 'default?' : exported);
  }
  for (const statement of module.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      if (d.id.type !== AST_NODE_TYPES.ObjectPattern || !d.init) continue;
      const spec = requiredSpecifier(d.init);
      if (spec === null || !specifiers.includes(spec)) continue;
      for (const p of d.id.properties) {
        if (p.type === AST_NODE_TYPES.Property && getPropertyName(p) === exported && p.value.type === AST_NODE_TYPES.Identifier) names.set(p.value.name, null);
      }
    }
  }
  return names;
}

/** `require('./x')`, `_interopRequireDefault(require('./x'))`, `__importStar(require('./x'))`: the specifier. */
function requiredSpecifier(init: TSESTree.Node): string | null {
  let n = skipTransparent(init);
  for (let depth = 0; depth < 2 && n.type === AST_NODE_TYPES.CallExpression; depth++) {
    if (n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'require') return getStringValue(n.arguments[0]);
    if (n.arguments.length !== 1) return null;
    n = skipTransparent(n.arguments[0]!);
  }
  return null;
}

/** A mounted argument names an imported binding: `errclient`, `errclient(opts)`, `(0, _errclient["default"])(opts)`, `ns.errorHandler`. */
export function namesImport(arg: TSESTree.Node, names: ReadonlyMap<string, string | null>): boolean {
  let n = skipTransparent(arg);
  if (n.type === AST_NODE_TYPES.CallExpression) n = skipTransparent(unwrapIndirectCall(n.callee));
  if (n.type === AST_NODE_TYPES.Identifier) {
    const member = names.get(n.name);
    return member === null || member === 'default?';
  }
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparent(n.object);
  if (object.type !== AST_NODE_TYPES.Identifier || !names.has(object.name)) return false;
  const member = names.get(object.name);
  const property = getPropertyName(n);
  return member === 'default?' ? property === 'default' : member !== null && property === member;
}

/** The relative specifier a name of the linted file is imported from (its scope decides). */
function projectSource(context: Context, ref: TSESTree.Node): string | null {
  const source = getImportedBinding(context, ref)?.source ?? null;
  return source !== null && source.startsWith('.') ? source : null;
}

/** The relative specifier an importer's name comes from (ES import or a `require` binding). */
function importSpecifier(module: ProjectModule, ref: TSESTree.Node): string | null {
  let root = skipTransparent(ref);
  if (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const name = root.name;
  for (const statement of module.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.specifiers.some((s) => s.local.name === name)) {
      return statement.source.value.startsWith('.') ? statement.source.value : null;
    }
  }
  const binding = module.bindings.get(name);
  const spec = binding?.type === AST_NODE_TYPES.VariableDeclarator && binding.init ? requiredSpecifier(binding.init) : null;
  return spec !== null && spec.startsWith('.') ? spec : null;
}

/** The function a parsed module exports as its default (`module.exports = f`, `export default f`, `exports.default = f`). */
function exportedFunction(module: ProjectModule): AnyFunction | null {
  for (const statement of module.ast.body) {
    let value: TSESTree.Node | null = null;
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) value = statement.declaration;
    else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      if (exportTarget(statement.expression.left) === 'default') value = statement.expression.right;
    }
    if (value === null) continue;
    const v = skipTransparent(value);
    if (isFunctionNode(v)) return v;
    if (v.type === AST_NODE_TYPES.Identifier) {
      const binding = module.bindings.get(v.name);
      if (binding && isFunctionNode(binding)) return binding;
      if (binding?.type === AST_NODE_TYPES.VariableDeclarator && binding.init && isFunctionNode(skipTransparent(binding.init))) return skipTransparent(binding.init) as AnyFunction;
    }
  }
  return null;
}

/** A project file's text, or null when it cannot be read or is over MAX_BYTES (generated bundles). */
export function readText(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8');
    return text.length > MAX_BYTES ? null : text;
  } catch {
    return null;
  }
}

function readModule(dir: string, specifier: string): { file: string; text: string } | null {
  const target = resolve(dir, specifier);
  const base = target.replace(/\.[cm]?[jt]s$/u, '');
  for (const file of [target, ...EXTENSIONS.map((ext) => base + ext)]) {
    const text = readText(file);
    if (text !== null) return { file, text };
  }
  return null;
}
