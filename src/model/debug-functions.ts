/**
 * Namespaced debug functions: `const debug = require('debug')('app:ws')`, `import createDebug from
 * 'debug'`, a project's `createDebug('ns')` wrapper, `debug.extend('x')`. They write to stderr once
 * their namespace is enabled, so a rule that cares what reaches any log output asks here too.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getMemberPath, getPropertyName, getStringValue, getVariableInit, lastSegment, mayBindCallResult, propertyValue, skipTransparent } from './ast.js';
import { fileCache, perFile, perFileMap } from './file-cache.js';
import { thisMemberInit } from './class-members.js';
import type { LoggerCall } from './loggers.js';
import { getImportedBinding, getRequiredModule } from './modules.js';

/** The `debug` package's factory as projects name it or wrap it: `createDebug('app:ws')`, `debug_1.createDebug(…)`. */
const DEBUG_FACTORY_NAME = /^create(?:Debug|Debugger)$/u;
/** The text every debug function's maker has in a file (isDebugFactoryCall): the module `'debug'` or a `createDebug…` name. */
const MAKES_DEBUG = /createDebug|['"`]debug['"`]/u;
const debugCache = fileCache<Map<TSESTree.CallExpression, LoggerCall | null>>();
const mentionsDebugCache = fileCache<boolean>();

/**
 * A call of a namespaced debug function — `const debug = require('debug')('app:ws'); debug('<' + msg)`,
 * `import createDebug from 'debug'`, a project's `createDebug('ns')` wrapper, `debug.extend('x')` — which
 * writes to stderr once its namespace is enabled. Not a logger method, so `getLoggerCall` leaves it out;
 * a rule that cares what reaches any log output (secrets) asks here too.
 */
export function getDebugLogCall(context: Context, node: TSESTree.CallExpression): LoggerCall | null {
  const callee = skipTransparent(node.callee);
  // Also a member of an object of debug functions (`const debug = { handler: require('debug')('x') }; debug.handler(m)`) or `this.debug = createDebug('x')`.
  const member = callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee : null;
  const base = member ? skipTransparent(member.object) : callee;
  if (base.type !== AST_NODE_TYPES.Identifier && !(member && base.type === AST_NODE_TYPES.ThisExpression)) return null;
  // Every way a debug function is made names the `debug` package as a string (`require('debug')`, `import createDebug
  // from 'debug'`; `x.extend('ns')` extends one made so) or a factory `createDebug…`, in this file's text.
  if (!perFile(mentionsDebugCache, context.sourceCode, () => MAKES_DEBUG.test(context.sourceCode.text))) return null;
  // `debug(…)` called by its own name: only a variable bound once to a call's result can hold a debug function
  // (isDebugFactoryCall asks for a call), and the file's list of such names answers without a look-up.
  if (!member && base.type === AST_NODE_TYPES.Identifier && !mayBindCallResult(context, base)) return null;
  const cached = perFileMap(debugCache, context.sourceCode).get(node);
  if (cached !== undefined) return cached;
  let init: TSESTree.Node | null = base.type === AST_NODE_TYPES.Identifier ? getVariableInit(findVariable(context, base)) : thisMemberInit(member!);
  if (member && base.type === AST_NODE_TYPES.Identifier) {
    init = propertyValue(init, getPropertyName(member) ?? '');
  }
  const result =
    init && isDebugFactoryCall(context, init, 0)
      ? { node, level: 'debug' as const, loggerPath: getMemberPath(callee) ?? 'debug', method: null, via: 'logFunction' as const, args: node.arguments }
      : null;
  perFileMap(debugCache, context.sourceCode).set(node, result);
  return result;
}

/** `require('debug')('ns')`, `createDebug('ns')`, `(0, debug_1.default)('ns')`, `debug.extend('ws')` of such a function. */
function isDebugFactoryCall(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression || getStringValue(n.arguments[0]) === null || depth > 2) return false;
  const callee = skipTransparent(n.callee);
  if (getRequiredModule(callee) === 'debug') return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'extend') {
    const base = skipTransparent(callee.object);
    return base.type === AST_NODE_TYPES.Identifier && isDebugFactoryCall(context, getVariableInit(findVariable(context, base)) ?? base, depth + 1);
  }
  const binding = getImportedBinding(context, callee);
  if (binding?.source === 'debug' && (binding.imported === 'default' || binding.imported === '*')) return true;
  const path = getCalleePath(n) ?? getMemberPath(callee.type === AST_NODE_TYPES.SequenceExpression ? callee.expressions.at(-1)! : callee);
  return path !== null && DEBUG_FACTORY_NAME.test(lastSegment(path));
}
