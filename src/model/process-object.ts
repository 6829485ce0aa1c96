/**
 * "Is this Node's `process` object?" — asked wherever a rule reads `process.on(…)`, `process.exit()`:
 * the global `process`, and the same object as compilers and imports name it, so that identical code
 * gets the same verdict whether it was written as source or shipped compiled:
 *  - TypeScript's CommonJS output of `import process from 'process'`: `process_1.default` (the module
 *    variable is named after the specifier: `process_1`, `node_process_1` for `node:process`), and of
 *    `import * as process from 'process'` / `import { exit } from 'process'`: `process_1.on`, `(0, process_1.exit)(…)`;
 *  - Babel's: `_process.default` (`_nodeProcess.default`);
 *  - an import under any name (`import proc from 'node:process'`, `const p = require('process')`), when
 *    the file's scope can be asked;
 *  - a listener registration on it, which returns the emitter: `process.once('message', f).once('SIGINT', g)`.
 * Those compiled names are read by name alone, so that the same answer serves the other files of an
 * application that are parsed without a scope manager (process-handlers.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, skipTransparent, unwrapIndirectCall } from './ast.js';
import { getImportSource } from './modules.js';

const PROCESS_MODULES = new Set(['process', 'node:process']);
/** The module variable a compiler names for an import of `process` / `node:process`: `process_1`, `node_process_1`, `_process`, `_nodeProcess`. */
const COMPILED_PROCESS_MODULE = /^(?:(?:node_)?process_\d+|_(?:node)?[pP]rocess)$/u;
/** Registration methods, which return the emitter they register on. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** An identifier bound to the `process` module (default or namespace import, `require`), when the scope can say. */
function importsProcess(context: Context | null, id: TSESTree.Identifier, whole: boolean): boolean {
  if (!context?.sourceCode.scopeManager) return false;
  const from = getImportSource(context, id);
  return from !== null && PROCESS_MODULES.has(from.source) && (!whole || from.imported === 'default' || from.imported === '*');
}

/**
 * Whether `node` denotes the process object (see the file comment). `context` is null for a file read
 * by name only (no scope manager): the global name and the compiled forms still count.
 */
export function isProcessObject(node: TSESTree.Node, context: Context | null = null, depth = 0): boolean {
  const n = skipTransparent(node);
  // `process_1.on(…)` of `import * as process from 'process'`; not Babel's bare `_process`, a name apps
  // also give a child process.
  if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'process' || (COMPILED_PROCESS_MODULE.test(n.name) && !n.name.startsWith('_')) || importsProcess(context, n, true);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    // process_1.default, _process.default
    if (n.computed || getPropertyName(n) !== 'default') return false;
    const object = skipTransparent(n.object);
    return object.type === AST_NODE_TYPES.Identifier && (COMPILED_PROCESS_MODULE.test(object.name) || importsProcess(context, object, true));
  }
  // process.once('message', f).once('SIGINT', g): the registration returns the emitter.
  if (n.type === AST_NODE_TYPES.CallExpression && depth < 4) {
    const callee = skipTransparent(n.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && LISTENER_METHODS.has(getPropertyName(callee) ?? '') && isProcessObject(callee.object, context, depth + 1);
  }
  return false;
}

/**
 * The method of the process object a callee names: `exit` for `process.exit`, `process_1.default.exit`,
 * `(0, process_1.exit)` (`import { exit } from 'process'` compiled), or `exit` imported by name from
 * `process` when the scope can say; null for anything else.
 */
export function processMethodOf(callee: TSESTree.Node, context: Context | null = null): string | null {
  const c = skipTransparent(unwrapIndirectCall(skipTransparent(callee)));
  if (c.type === AST_NODE_TYPES.Identifier) {
    if (!context?.sourceCode.scopeManager || c.name === 'process') return null;
    const from = getImportSource(context, c);
    return from !== null && PROCESS_MODULES.has(from.source) && from.imported !== 'default' && from.imported !== '*' ? from.imported : null;
  }
  if (c.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getPropertyName(c);
  return name !== null && isProcessObject(c.object, context) ? name : null;
}

/** `process.exit(…)` in any of the forms above. */
export function isProcessCall(node: TSESTree.Node, method: string, context: Context | null = null): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.CallExpression && processMethodOf(n.callee, context) === method;
}
