/**
 * The process's start-up: is a statement code an entry module runs once when it is loaded, where a promise
 * it discards reaches no code of the application?
 *
 * The general rule (background-task-error-handling): a promise discarded by a statement of the program body,
 * or of the blocks of top-level `if`s (`if (require.main === module) { main(); }`), outside any function —
 * `bootstrap();`, an async IIFE, `init().then(start)` — is the start-up nobody awaits: if it rejects, Node
 * ends the process with an unhandled rejection the application's logger never records. Only in an entry
 * module (one no project file imports: another module's top-level code runs inside its importer's start-up,
 * a warm-up `transpile('')` or a lazy `import()` of a dependency; the project's index must show that none does)
 * and only where the file installs no
 * `process.on('unhandledRejection', …)` listener (that listener is where the start-up's failure goes, logged
 * or not: cloudcmd's `process.on('unhandledRejection', exit)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Context } from './ast.js';
import { projectImporters } from './project-index.js';

/** `process.on('unhandledRejection', …)` (also `once`, `addListener`, `prependListener`) in the file's text. */
const REJECTION_LISTENER = /\bprocess\s*\.\s*(?:on|once|addListener|prependListener)\s*\(\s*['"`]unhandledRejection['"`]/u;

/** A statement the module runs once when loaded: in the program body or in blocks of top-level `if`s, outside any function. */
export function isModuleStartupStatement(statement: TSESTree.Node): boolean {
  for (let parent = statement.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.Program) return true;
    if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.IfStatement) return false;
  }
  return false;
}

/** `statement` is start-up code of an entry module whose file installs no listener for unhandled rejections (asked cheapest first). */
export function isUnobservedStartup(context: Context, statement: TSESTree.Node): boolean {
  if (!isModuleStartupStatement(statement) || REJECTION_LISTENER.test(context.sourceCode.text)) return false;
  // Unknown (no project index: a file outside a package, or being written): no entry module is shown.
  return projectImporters(context)?.length === 0;
}
