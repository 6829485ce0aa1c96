/**
 * Edits of require-error-handler-logging: insert an error log at the start of a handler or before
 * a statement, put the error object into an existing log call in that logger's style, and raise a
 * log call's level to error.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getMemberPath, getPropertyName, skipTransparent } from '../model/ast.js';
import type { LoggerCall } from '../model/loggers.js';
import { getSettings } from '../core/settings.js';
import { indentUnit, insertAtBlockStart, lineIndent } from './edits.js';
import type { LogTarget } from './log-call.js';
import { targetSetupFixes } from './log-target.js';
import { chooseUnusedName } from './names.js';

const LEVEL_METHODS = new Set(['log', 'info', 'warn', 'warning', 'debug', 'trace', 'verbose', 'notice', 'http', 'silly']);

/**
 * Insert an error log at the start of a handler's body (`region` is the handler function or Koa
 * catch clause): names the error parameter when there is none (`catch {` → `catch (err) {`,
 * `() =>` → `(err) =>`), and turns an arrow's expression body into a block. `callFor(name)` gives the
 * log statement for the error's name. Null when the error parameter is a pattern.
 */
export function insertLogFix(
  context: Context,
  region: AnyFunction | TSESTree.CatchClause,
  body: TSESTree.Node,
  errorName: string | null,
  hasParam: boolean,
  target: LogTarget,
  callFor: (name: string) => string,
): TSESLint.ReportFixFunction | null {
  const sourceCode = context.sourceCode;
  if (hasParam && errorName === null) return null;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    let name = errorName;
    if (name === null) {
      name = chooseUnusedName(context, body, body, ['err', 'error']);
      if (region.type === AST_NODE_TYPES.CatchClause) {
        fixes.push(fixer.insertTextAfter(sourceCode.getFirstToken(region)!, ` (${name})`));
      } else {
        const openParen = sourceCode.getFirstToken(region, (t) => t.value === '(');
        if (!openParen || openParen.range[0] > region.body.range[0]) return [];
        fixes.push(fixer.insertTextAfter(openParen, name));
      }
    }
    const call = `${callFor(name)};`;
    fixes.push(...targetSetupFixes(context, fixer, target));
    if (body.type === AST_NODE_TYPES.BlockStatement) {
      fixes.push(insertAtBlockStart(context, fixer, body, [call]));
    } else if (region.type !== AST_NODE_TYPES.CatchClause) {
      const indent = lineIndent(context, region);
      const unit = indentUnit(context);
      const arrow = sourceCode.getTokenBefore(body, { filter: (t) => t.value === '=>' })!;
      const text = sourceCode.getText(body);
      fixes.push(fixer.replaceTextRange([arrow.range[1], region.range[1]], ` {\n${indent}${unit}${call}\n${indent}${unit}return ${text};\n${indent}}`));
    }
    return fixes;
  };
}

/** Put the error object into an existing log call, in that logger's style. */
export function addErrorFix(context: Context, call: LoggerCall, name: string): TSESLint.ReportFixFunction | null {
  const args = call.node.arguments;
  if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const path = call.loggerPath ?? '';
  const configured = getSettings(context).logger;
  const first = args[0]!;
  const last = args[args.length - 1]!;
  const style =
    configured && configured.name === path
      ? configured.style
      : path === 'console'
        ? 'console'
        : /(?:^|\.)log$/u.test(path) || first.type === AST_NODE_TYPES.ObjectExpression
          ? 'pino'
          : /^this\.#?_?logger$/u.test(path) && args.length === 1
            ? 'nest'
            : 'console';
  const prop = name === 'err' ? 'err' : `err: ${name}`;
  switch (style) {
    case 'pino':
    case 'bunyan': {
      if (first.type !== AST_NODE_TYPES.ObjectExpression) return (fixer) => fixer.insertTextBefore(first, `{ ${prop} }, `);
      if (first.properties.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'err')) return null;
      const lastProp = first.properties[first.properties.length - 1];
      if (!lastProp) return (fixer) => fixer.replaceText(first, `{ ${prop} }`);
      return (fixer) => fixer.insertTextAfter(lastProp, `, ${prop}`);
    }
    case 'winston':
      return (fixer) => fixer.insertTextAfter(last, `, { error: ${name} }`);
    case 'nest':
      return (fixer) => fixer.insertTextAfter(last, `, ${name} instanceof Error ? ${name}.stack : String(${name})`);
    default:
      return (fixer) => fixer.insertTextAfter(last, `, ${name}`);
  }
}

/** `logger.warn(…)` → `logger.error(…)`: rename a level method; null for a call whose level is not its method name. */
export function raiseLevelFix(call: LoggerCall | TSESTree.CallExpression): { text: string; fix: TSESLint.ReportFixFunction } | null {
  const node = 'node' in call ? call.node : call;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  const method = getPropertyName(callee);
  const object = getMemberPath(callee.object);
  if (method === null || object === null || !LEVEL_METHODS.has(method)) return null;
  // winston's logger.log('info', …) names its level in the first argument
  if (method === 'log' && object !== 'console' && !/(?:^|\.)(?:logger|_logger|#logger)$/u.test(object)) return null;
  return { text: `${object}.error(…)`, fix: (fixer) => fixer.replaceText(callee.property, 'error') };
}

/** The message of the log a fix inserts in an error handler: the crash for process handlers, the handler's label for the rest. */
export function handlerLogMessage(kind: string, event: string | null, label: string): string {
  if (kind === 'process') return event === 'uncaughtException' ? 'uncaught exception' : 'unhandled rejection';
  if (kind === 'server') return "server emitted an 'error' event";
  return `unhandled error reached the ${label}`;
}
