/**
 * Edits that make an error log keep the error object: add the caught error to a log call in the
 * shape its logger serializes (pino `{ err }`, bunyan first argument, winston meta / child logger,
 * Nest stack argument, console extra argument), or move an error hidden under a key the logger
 * prints as `{}`. See src/model/logger-styles.ts for what each logger does with an Error.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, skipTransparent } from '../model/ast.js';
import { type HiddenError, isPlainObject } from '../model/error-log-mentions.js';
import type { ResolvedLoggerStyle } from '../model/logger-styles.js';
import type { LoggerCall } from '../model/loggers.js';
import type { LoggerStyle } from '../core/settings.js';

/** Add the error to an existing log call in the shape that keeps it with this logger. */
export function addErrorFix(
  context: Context,
  call: LoggerCall,
  errorName: string,
  style: { style: LoggerStyle; errorKeys: ReadonlySet<string> | null },
): TSESLint.ReportFixFunction | null {
  const sourceCode = context.sourceCode;
  const args = call.node.arguments;
  if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const prop = errorName === 'err' ? 'err' : `err: ${errorName}`;
  const first = args[0]!;
  const last = args[args.length - 1]!;
  const callee = skipTransparent(call.node.callee) as TSESTree.MemberExpression;
  const logger = sourceCode.getText(callee.object);
  const method = sourceCode.getText(callee.property);
  switch (style.style) {
    case 'pino':
      if (first.type === AST_NODE_TYPES.ObjectExpression) return (fixer) => addProperty(context, fixer, first, prop);
      return (fixer) => fixer.insertTextBefore(first, `{ ${prop} }, `);
    case 'bunyan':
      if (first.type !== AST_NODE_TYPES.ObjectExpression) return (fixer) => fixer.insertTextBefore(first, `${errorName}, `);
      if (style.errorKeys?.has('err')) return (fixer) => addProperty(context, fixer, first, prop);
      // Fields beside an Error need a serializer bunyan may not have: put them on a child.
      if (args.length !== 2) return null;
      return (fixer) =>
        fixer.replaceText(call.node, `${logger}.child(${sourceCode.getText(first)}).${method}(${errorName}, ${sourceCode.getText(args[1]!)})`);
    case 'winston':
      if (args.length === 1) return (fixer) => fixer.insertTextAfter(last, `, ${errorName}`);
      // logger.error('msg', { id }) → logger.child({ id }).error('msg', err): meta beside an Error would hide it.
      if (args.length === 2 && last.type === AST_NODE_TYPES.ObjectExpression && isPlainObject(last)) {
        return (fixer) => fixer.replaceText(call.node, `${logger}.child(${sourceCode.getText(last)}).${method}(${sourceCode.getText(first)}, ${errorName})`);
      }
      return null;
    case 'nest':
      if (args.length !== 1) return null;
      return (fixer) => fixer.insertTextAfter(last, `, ${errorName} instanceof Error ? ${errorName}.stack : String(${errorName})`);
    case 'log4js':
    case 'console':
    default:
      return (fixer) => fixer.insertTextAfter(last, `, ${errorName}`);
  }
}

/** Move a hidden error where the logger serializes it (`{ error: err }` → `{ err }` with pino, a child logger with winston). */
export function moveHiddenErrorFix(context: Context, call: LoggerCall, hidden: HiddenError, resolved: ResolvedLoggerStyle): TSESLint.ReportFixFunction | null {
  const sourceCode = context.sourceCode;
  const { object, property, name } = hidden;
  const args = call.node.arguments;
  const callee = skipTransparent(call.node.callee) as TSESTree.MemberExpression;
  const logger = sourceCode.getText(callee.object);
  const method = sourceCode.getText(callee.property);
  const others = object.properties.filter((p) => p !== property);
  const rest = others.length > 0 ? `{ ${others.map((p) => sourceCode.getText(p)).join(', ')} }` : null;
  switch (resolved.style) {
    case 'pino':
    case 'bunyan': {
      const keyFree = !others.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'err');
      if (resolved.style === 'pino' || resolved.errorKeys?.has('err')) {
        if (!keyFree) return null;
        return (fixer) => fixer.replaceText(property, name === 'err' ? 'err' : `err: ${name}`);
      }
      if (args[0] !== object || args.length !== 2) return null;
      return (fixer) =>
        fixer.replaceText(call.node, rest ? `${logger}.child(${rest}).${method}(${name}, ${sourceCode.getText(args[1]!)})` : `${logger}.${method}(${name}, ${sourceCode.getText(args[1]!)})`);
    }
    case 'winston':
      if (args.length !== 2 || args[1] !== object) return null;
      return (fixer) =>
        fixer.replaceText(call.node, rest ? `${logger}.child(${rest}).${method}(${sourceCode.getText(args[0]!)}, ${name})` : `${logger}.${method}(${sourceCode.getText(args[0]!)}, ${name})`);
    default:
      return null;
  }
}

/** Append `text` as the last property of an object literal. */
function addProperty(context: Context, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix {
  const lastProp = object.properties[object.properties.length - 1];
  if (!lastProp) return fixer.replaceText(object, `{ ${text} }`);
  const after = context.sourceCode.getTokenAfter(lastProp)!;
  return after.value === ','
    ? fixer.insertTextAfter(after, ` ${text}`)
    : fixer.insertTextAfter(lastProp, `, ${text}`);
}
