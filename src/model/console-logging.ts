/**
 * Does a file log only through `console`? Then `console.log(err)` and `console.error(err)` differ
 * only in the stream they write to: no level is recorded, nothing filters by one, and whatever
 * collects the process's output keeps both. An error printed whole (its stack included) with
 * `console.log` is recorded as well as with `console.error`. A file that also logs through
 * anything else — a logger's level method (`logger.info`, `parent.debug`), a log method of its own
 * (`authLog`, `logError`), a bare `log(…)` function — has levels besides console's, and `console.log`
 * is then a choice of the lower one. A `debug(…)` tracer (the debug package) is off in production and
 * does not count. The claim is about the application, so it
 * needs the application's own evidence too: no source file of its package logs through anything else
 * (project-index.ts); without a package to read (a snippet, an unsaved file) the answer is no.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getMemberPath, getPropertyName, skipTransparent, walkTree } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { projectLogsOnlyThroughConsole } from './project-index.js';

/** Method names that log at a level, on any object but `console`. */
const LEVEL_METHODS = new Set(['log', 'trace', 'debug', 'verbose', 'silly', 'info', 'notice', 'warn', 'warning', 'error', 'fatal', 'critical', 'crit', 'alert', 'emerg']);
/** A method or function named for logging: `log`, `authLog`, `logError`, `writeLog` (not `logger()`, a factory). */
const LOG_NAME = /^log(?:[A-Z]\w*)?$|[a-z]Log$/u;
const cache = fileCache<boolean>();

/** Every log call of the file is a `console` method's (at least one), and its application logs only through console. */
export function logsOnlyThroughConsole(context: Context): boolean {
  return perFile(cache, context.sourceCode, () => fileLogsOnlyThroughConsole(context) && projectLogsOnlyThroughConsole(context) === true);
}

function fileLogsOnlyThroughConsole(context: Context): boolean {
  let consoleCalls = 0;
  let other = false;
  walkTree(
    context.sourceCode.ast,
    (node) => {
      if (other || node.type !== AST_NODE_TYPES.CallExpression) return;
      const kind = logChannel(node);
      if (kind === 'console') consoleCalls++;
      else if (kind === 'other') other = true;
    },
    context.sourceCode.visitorKeys,
  );
  return !other && consoleCalls > 0;
}

function logChannel(call: TSESTree.CallExpression): 'console' | 'other' | null {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return LOG_NAME.test(callee.name) ? 'other' : null;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (method === null) return null;
  const object = getMemberPath(callee.object);
  if (object === 'console') return 'console';
  return LEVEL_METHODS.has(method) || LOG_NAME.test(method) ? 'other' : null;
}
