/**
 * Which module a name comes from, for every rule that recognises a library by its import:
 * ES imports, CommonJS `require`, destructuring and TypeScript `import x = require('m')`.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, unwrapIndirectCall, findVariable, getPropertyName, getStringValue, skipTransparent } from './ast.js';
import { fileCache, perFile, perFileMap } from './file-cache.js';

export interface ImportSource {
  /** Module specifier: `bullmq`, `node:worker_threads`. */
  source: string;
  /** `default`, `*`, or the imported / destructured name. */
  imported: string;
}

const importCache = fileCache<Map<TSESTree.Identifier, ImportSource | null>>();

/**
 * Where a name comes from: `import x from 'm'`, `import { X } from 'm'`, `import * as x from 'm'`,
 * `const x = require('m')`, `const { X } = require('m')`, `const X = require('m').X`. Null otherwise.
 */
export function getImportSource(context: Context, node: TSESTree.Identifier): ImportSource | null {
  // One look-up: the cache holds null for "no import", never undefined.
  const answers = perFileMap(importCache, context.sourceCode);
  const cached = answers.get(node);
  if (cached !== undefined) return cached;
  // No variable of the file with this name is bound to an import: no look-up can find one.
  if (importNames(context)?.any.has(node.name) === false) return null;
  const variable = findVariable(context, node);
  const result = variable ? variableImportSource(variable, node) : null;
  answers.set(node, result);
  return result;
}

/**
 * Whether some variable of this file named like `id` is bound to an import of a project module (a
 * relative specifier or a package.json `imports` alias): false means `getImportSource(context, id)`
 * names no such module, without a look-up.
 */
export function mayImportFromProject(context: Context, id: TSESTree.Identifier): boolean {
  return importNames(context)?.project.has(id.name) !== false;
}

interface ImportNames {
  /** Names of variables bound to an import of any module. */
  any: ReadonlySet<string>;
  /** Names of variables bound to an import of a relative specifier or an `imports` alias. */
  project: ReadonlySet<string>;
}
const importNamesCache = fileCache<ImportNames>();

/**
 * The names the file's variables bind to imports, built once per file from the scope manager on first
 * ask (what `getImportSource` answers for each variable's own identifier); null without a scope manager.
 */
function importNames(context: Context): ImportNames | null {
  const scopeManager = context.sourceCode.scopeManager;
  if (!scopeManager) return null;
  return perFile(importNamesCache, context.sourceCode, () => {
    const any = new Set<string>();
    const project = new Set<string>();
    for (const scope of scopeManager.scopes) {
      for (const variable of scope.variables) {
        if (variable.defs.length !== 1) continue;
        const def = variable.defs[0]!;
        if ((def.type !== 'ImportBinding' && def.type !== 'Variable') || def.name.type !== AST_NODE_TYPES.Identifier) continue;
        const from = variableImportSource(variable, def.name);
        if (from === null) continue;
        any.add(variable.name);
        if (PROJECT_SPECIFIER.test(from.source)) project.add(variable.name);
      }
    }
    return { any, project };
  });
}

/** A relative specifier or a package.json `imports` alias. */
const PROJECT_SPECIFIER = /^[.#]/u;

/** Where `variable` (which `node` names) comes from. */
function variableImportSource(variable: TSESLint.Scope.Variable, node: TSESTree.Identifier): ImportSource | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    // import x = require('m')
    const ref = def.node.moduleReference;
    const source = ref.type === AST_NODE_TYPES.TSExternalModuleReference ? getStringValue(ref.expression) : null;
    return source === null ? null : { source, imported: 'default' };
  }
  if (def.type === 'ImportBinding') {
    const spec = def.node;
    const decl = spec.parent;
    if (decl?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const source = decl.source.value;
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { source, imported: 'default' };
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { source, imported: '*' };
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
      return { source, imported };
    }
    return null;
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    const init = declarator.init ? skipTransparent(declarator.init) : null;
    if (!init) return null;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      const required = getRequiredModule(init);
      if (required !== null) return { source: required, imported: 'default' };
      // const appModule = await import('./app.module.js'): the module's namespace
      const loaded = declarator.init!.type === AST_NODE_TYPES.AwaitExpression ? init : null;
      if (loaded?.type === AST_NODE_TYPES.ImportExpression) {
        const source = getStringValue(loaded.source);
        return source === null ? null : { source, imported: '*' };
      }
      // const Worker = require('worker_threads').Worker; const express = (await import('express')).default
      if (init.type === AST_NODE_TYPES.MemberExpression) {
        const from = getRequiredModule(skipTransparent(init.object)) ?? awaitedImportSource(init.object);
        const name = getPropertyName(init);
        if (from !== null && name !== null) return { source: from, imported: name };
      }
      return null;
    }
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      // const { default: express } = await import('express')
      const from = getRequiredModule(init) ?? awaitedImportSource(declarator.init!);
      if (from === null) return null;
      for (const prop of declarator.id.properties) {
        if (prop.type !== AST_NODE_TYPES.Property) continue;
        const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
        if (value === node || (value.type === AST_NODE_TYPES.Identifier && value.name === node.name)) {
          const key = getPropertyName(prop);
          return key === null ? null : { source: from, imported: key };
        }
      }
    }
  }
  return null;
}

/**
 * `await import('m')` → `'m'`; null for anything else (an `import()` not awaited is a promise). A module loaded
 * with `import()` is the same module as a static import: `(await import('express')).default` is `express`.
 */
function awaitedImportSource(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return null;
  const loaded = skipTransparent(node.argument);
  return loaded.type === AST_NODE_TYPES.ImportExpression ? getStringValue(loaded.source) : null;
}

/** `require('m')` → `'m'`; null for anything else. */
export function getRequiredModule(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return null;
  if (node.callee.name === 'require') return getStringValue(node.arguments[0]);
  // TypeScript's CommonJS output: `const chalk_1 = __importDefault(require("chalk"))`, `__importStar(require("m"))`
  if (TS_IMPORT_HELPERS.has(node.callee.name) && node.arguments.length === 1) {
    const inner = skipTransparent(node.arguments[0]!);
    return inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'require' ? getStringValue(inner.arguments[0]) : null;
  }
  return null;
}

/** TypeScript's (`__importDefault`) and Babel's (`_interopRequireDefault`) CommonJS import helpers. */
const TS_IMPORT_HELPERS = new Set(['__importDefault', '__importStar', '_interopRequireDefault', '_interopRequireWildcard']);

/**
 * What an expression names from a module: an imported identifier (`express`, `createServer`), or a
 * member of a whole-module binding — `http.createServer`, and the compiled forms of an import:
 * TypeScript's CommonJS output `express_1.default`, `core_1.NestFactory`, Babel's `_express.default`.
 * `(0, express_1.default)` (a call without `this`) names what its last expression names. A member
 * named `default` stands for the module's default export.
 */
export function getImportedBinding(context: Context, node: TSESTree.Node): ImportSource | null {
  const n = skipTransparent(unwrapIndirectCall(skipTransparent(node)));
  if (n.type === AST_NODE_TYPES.Identifier) return getImportSource(context, n);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipTransparent(n.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const from = getImportSource(context, object);
  if (from === null || (from.imported !== 'default' && from.imported !== '*')) return null;
  const name = getPropertyName(n);
  return name === null ? null : { source: from.source, imported: name };
}


/**
 * The source text of a module of this project that the linted file imports: a relative
 * specifier (`./logger`, `../lib/logger.js`) or a package.json `imports` alias (`#logger`,
 * read from the nearest package.json). Null for packages and anything unreadable. Nothing is
 * cached: the text is read when a rule asks, once per file at most.
 */
export function readImportedSource(context: Context, specifier: string): string | null {
  const filename = context.physicalFilename || context.filename;
  if (!filename || filename.startsWith('<')) return null;
  return readImportedFile(isAbsolute(filename) ? filename : resolve(context.cwd, filename), specifier)?.text ?? null;
}

/** `readImportedSource` from a file given by its absolute path: the imported file's path and text, or null. */
export function readImportedFile(fromFile: string, specifier: string): { path: string; text: string } | null {
  const fromDir = dirname(fromFile);
  let target: string | null = null;
  if (specifier.startsWith('.')) target = resolve(fromDir, specifier);
  else if (specifier.startsWith('#')) target = resolveImportsAlias(fromDir, specifier);
  if (target === null) return null;
  const base = target.replace(/\.[cm]?[jt]s$/u, '');
  for (const candidate of [target, ...['.ts', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'].map((ext) => base + ext)]) {
    try {
      return { path: candidate, text: readFileSync(candidate, 'utf8') };
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/** `#logger` → the file the nearest package.json's `imports` maps it to (string or node/import/default condition). */
function resolveImportsAlias(fromDir: string, specifier: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    let text: string | null = null;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      // no package.json here: look further up
    }
    if (text !== null) {
      try {
        const imports = (JSON.parse(text) as { imports?: Record<string, unknown> }).imports;
        let entry = imports?.[specifier];
        while (entry !== null && typeof entry === 'object') {
          const conditions = entry as Record<string, unknown>;
          entry = conditions.node ?? conditions.import ?? conditions.require ?? conditions.default ?? null;
        }
        return typeof entry === 'string' && entry.startsWith('./') ? resolve(dir, entry) : null;
      } catch {
        return null;
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/** Node's own I/O modules and their drop-in wrappers: a call into them is one system call. */
const SYSTEM_MODULES: ReadonlyMap<string, SystemModule> = new Map([
  ...['fs', 'fs/promises', 'fs-extra', 'fs-extra/esm', 'graceful-fs'].flatMap((m): [string, SystemModule][] => [[m, 'fs'], [`node:${m}`, 'fs']]),
  // Packages that only remove or create paths (`await deleteAsync(dir)`, `rimraf(dir)`, `mkdirp(dir)`): one file-system operation.
  ...['del', 'rimraf', 'mkdirp', 'make-dir'].map((m): [string, SystemModule] => [m, 'fs']),
  ...['child_process'].flatMap((m): [string, SystemModule][] => [[m, 'child_process'], [`node:${m}`, 'child_process']]),
  ...['dns', 'dns/promises'].flatMap((m): [string, SystemModule][] => [[m, 'dns'], [`node:${m}`, 'dns']]),
  // Packages that only run a command (`await execa(cmd, args)`, `await exec(cmd)` of promisify-child-process): one child process.
  ...['execa', 'promisify-child-process', 'teen_process', 'cross-spawn'].map((m): [string, SystemModule] => [m, 'child_process']),
]);
export type SystemModule = 'fs' | 'child_process' | 'dns';

/**
 * The Node I/O module a call goes into: `fs.readFileSync(p)`, `await fsp.rm(dir)`, `fse.ensureDir(d)`,
 * `execSync(cmd)` imported by name, TypeScript's CommonJS output (`fs_1.default.unlinkSync(p)`,
 * `(0, promises_1.readFile)(p)`); null for anything else (a method of `this`, an unknown receiver).
 */
export function systemModuleOf(context: Context, call: TSESTree.CallExpression): SystemModule | null {
  // `(0, fs_1.readFileSync)(p)`: compiled TypeScript calls an import without `this`.
  return functionModule(context, skipTransparent(unwrapIndirectCall(call.callee)), true);
}

/**
 * `import { fs } from '@appium/support'`, `const { fs } = require('toolkit')`: a package's export named for the file
 * system is that package's wrapper of node:fs (promisified or extended), whose calls are file-system calls.
 */
function isPackageFsExport(from: ImportSource): boolean {
  return /^(?:fs|fsp|fse|fsPromises)$/u.test(from.imported) && !from.source.startsWith('.') && !from.source.startsWith('/');
}

/**
 * `import { execAsync } from '@iobroker/js-controller-common-db/tools'`, `import { spawn } from '@homebridge/node-pty-prebuilt-multiarch'`:
 * a package's export named for running a command is that package's wrapper of node:child_process; its error names the
 * command and the exit status. Only a package's (not the app's own module, which may do more).
 */
function isPackageExecExport(from: ImportSource): boolean {
  return /^(?:exec|execFile|spawn)(?:Sync|Async|Promise)?$/u.test(from.imported) && !from.source.startsWith('.') && !from.source.startsWith('/');
}

/**
 * The Node I/O module a function comes from: `fs.close`, `fsp.rm`, an imported `execSync`, or (with `follow`) a
 * module-level `const closeAsync = promisify(fs.close)` / `(0, util_1.promisify)(fs_1.close)`, which runs the same call.
 */
function functionModule(context: Context, fn: TSESTree.Node, follow: boolean): SystemModule | null {
  let root = fn;
  for (let depth = 0; root.type === AST_NODE_TYPES.MemberExpression && depth < 3; depth++) root = skipTransparent(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const from = getImportSource(context, root);
  if (from) return SYSTEM_MODULES.get(from.source) ?? (isPackageFsExport(from) ? 'fs' : isPackageExecExport(from) ? 'child_process' : null);
  if (!follow || root !== fn) return null;
  const variable = findVariable(context, root);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? skipTransparent(def.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.arguments.length !== 1) return null;
  const wrapper = skipTransparent(unwrapIndirectCall(init.callee));
  const wrapperName = wrapper.type === AST_NODE_TYPES.Identifier ? wrapper.name : wrapper.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(wrapper) : null;
  return wrapperName === 'promisify' ? functionModule(context, skipTransparent(init.arguments[0]!), false) : null;
}

/**
 * A variable bound to node:crypto: `member` imported by name (`import { createHash } from 'node:crypto'`),
 * or, with `member` null, the module itself (`const crypto = require('crypto')`, `import * as crypto from 'crypto'`).
 */
export function isNodeCryptoBinding(context: Context, variable: TSESLint.Scope.Variable, member: string | null): boolean {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1 || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  const from = getImportSource(context, def.name);
  if (!from || !CRYPTO_MODULES.has(from.source)) return false;
  return member === null ? from.imported === 'default' || from.imported === '*' : from.imported === member;
}
