/**
 * Fixes for a catch clause or a rejection handler that swallows its error: log it (with the
 * shared log-call builder and log-target precedence), rethrow it, or pass it to Express's
 * `next(err)` — binding the error first when the handler has no parameter.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, isFunctionNode } from '../model/ast.js';
import { someInSameFunction } from '../model/walks.js';
import { getHttpOutcome } from '../model/http-outcomes.js';
import { sendsAnswerNow } from '../model/responses.js';
import { type LogLevel, isAtLeast } from '../model/loggers.js';
import { indentUnit, insertAtBlockStart, insertBeforeStatement, lineIndent } from './edits.js';
import { type LogTarget, buildLogCall } from './log-call.js';
import { failureMessage, promiseFailureMessage, swallowedFailureLevel } from './log-message.js';
import { targetSetupFixes } from './log-target.js';
import { chooseUnusedName, isNameInScope } from './names.js';

/** A catch clause, or a function given to `.catch()` / `.then(_, onRejected)`. */
export type ErrorHandlerNode = TSESTree.CatchClause | AnyFunction;

/** Statements that end in `;` even when their last token is `}` (`ctx.body = { error }`). */
const STATEMENTS_NEEDING_SEMICOLON = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** warn for a handler that recovers with a fallback (expected but notable), else error; never below `minimumLevel`. */
export function catchLogLevel(body: TSESTree.Node | null, minimumLevel: LogLevel): LogLevel {
  const level = swallowedFailureLevel(body);
  return isAtLeast(level, minimumLevel) ? level : minimumLevel;
}

/** Name for the caught error, with the edits that bind it when the handler has no binding. */
export function errorBinding(context: Context, node: ErrorHandlerNode, fixer: TSESLint.RuleFixer): { name: string | undefined; fixes: TSESLint.RuleFix[] } {
  const { sourceCode } = context;
  const param = node.type === AST_NODE_TYPES.CatchClause ? node.param : node.params[0];
  if (param) {
    return { name: param.type === AST_NODE_TYPES.Identifier ? param.name : undefined, fixes: [] };
  }
  const name = chooseUnusedName(context, node, node, ['err', 'error', 'caughtError']);
  if (node.type === AST_NODE_TYPES.CatchClause) {
    const catchToken = sourceCode.getFirstToken(node)!;
    return { name, fixes: [fixer.insertTextAfter(catchToken, ` (${name})`)] };
  }
  const open = sourceCode.getFirstToken(node, (t) => t.value === '(');
  if (open && open.range[0] < node.body.range[0]) {
    return { name, fixes: [fixer.insertTextAfter(open, name)] };
  }
  return { name: undefined, fixes: [] };
}

/**
 * Log the caught error with `target`: before the silent `return` at `at` when the report is about
 * one path, else at the start of the handler (an expression-bodied arrow becomes a block).
 */
export function buildCatchLogFix(
  context: Context,
  node: ErrorHandlerNode,
  at: TSESTree.Node,
  target: LogTarget,
  minimumLevel: LogLevel,
): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  if (isFunctionNode(node) && node.params.length > 0 && node.params[0]!.type !== AST_NODE_TYPES.Identifier) return null;
  return (fixer) => {
    const { name, fixes } = errorBinding(context, node, fixer);
    const message = failureMessage(context, node);
    const call = `${buildLogCall(target, { level: catchLogLevel(node.body, minimumLevel), message, error: name })};`;
    fixes.push(...targetSetupFixes(context, fixer, target));
    if (at !== node && at.type === AST_NODE_TYPES.ReturnStatement) {
      fixes.push(...insertBeforeStatement(context, fixer, at, call));
    } else if (node.type === AST_NODE_TYPES.CatchClause) {
      fixes.push(insertAtBlockStart(context, fixer, node.body, [call]));
    } else if (node.body.type === AST_NODE_TYPES.BlockStatement) {
      fixes.push(insertAtBlockStart(context, fixer, node.body, [call]));
    } else {
      const text = sourceCode.getText(node.body);
      const isVoid = node.body.type === AST_NODE_TYPES.Identifier && node.body.name === 'undefined';
      const indent = lineIndent(context, node);
      const unit = indentUnit(context);
      const wrapped = isVoid
        ? `{\n${indent}${unit}${call}\n${indent}}`
        : `{\n${indent}${unit}${call}\n${indent}${unit}return ${text};\n${indent}}`;
      const arrow = sourceCode.getTokenBefore(node.body, { filter: (t) => t.value === '=>' })!;
      fixes.push(fixer.replaceTextRange([arrow.range[1], node.range[1]], ` ${wrapped}`));
    }
    return fixes;
  };
}

/**
 * Rethrow the caught error at the end of the catch block; null when the binding is destructured,
 * when the catch has already sent its answer (`res.status(500).send(…)`, `reply.send(…)`: a
 * rethrow after it makes the framework answer a second time on a finished response, and crashes
 * an async Express 4 handler with an unhandled rejection — Koa's `ctx.status = …` / `ctx.body = …`
 * send nothing yet, and Koa answers and logs a rethrown error itself), and when the catch leaves
 * by its last statement (the `throw` would never run).
 */
export function buildRethrow(context: Context, node: TSESTree.CatchClause): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  if (node.param && node.param.type !== AST_NODE_TYPES.Identifier) return null;
  const last = node.body.body.at(-1);
  if (last && (last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement)) return null;
  if (sendsResponse(context, node.body)) return null;
  return (fixer) => {
    const { name, fixes } = errorBinding(context, node, fixer);
    const body = node.body;
    if (body.body.length === 0) {
      fixes.push(insertAtBlockStart(context, fixer, body, [`throw ${name};`]));
    } else {
      const last = body.body[body.body.length - 1]!;
      const closing = sourceCode.getLastToken(body)!;
      if (closing.loc.start.line === last.loc.end.line) {
        const lastToken = sourceCode.getLastToken(last)!;
        // A statement that ends in a block (if, loops, try) needs no `;`; an expression does,
        // even when it ends in `}` (`ctx.body = { error }`).
        const endsInBlock = lastToken.value === '}' && !STATEMENTS_NEEDING_SEMICOLON.has(last.type);
        const separator = lastToken.value === ';' || endsInBlock ? '' : ';';
        fixes.push(fixer.insertTextAfter(last, `${separator} throw ${name};`));
      } else {
        fixes.push(fixer.insertTextAfter(last, `\n${lineIndent(context, last)}throw ${name};`));
      }
    }
    return fixes;
  };
}

/** Some call in `block` (same function) sends the answer now (model/responses.ts sendsAnswerNow, or a response outcome such as `res.status(500)` chained on). */
function sendsResponse(context: Context, block: TSESTree.BlockStatement): boolean {
  return someInSameFunction(
    block,
    context.sourceCode.visitorKeys,
    (n) => n.type === AST_NODE_TYPES.CallExpression && (sendsAnswerNow(context, n) || getHttpOutcome(context, n)?.kind === 'response'),
  );
}

/**
 * `return next(err);` at the start of a catch inside an Express-style `(req, res, next)` function
 * (Koa's and Hono's `next` takes no error); null anywhere else.
 */
export function buildPassToNext(context: Context, node: ErrorHandlerNode): TSESLint.ReportFixFunction | null {
  const param = node.type === AST_NODE_TYPES.CatchClause ? node.param : node.params[0];
  if (param && param.type !== AST_NODE_TYPES.Identifier) return null;
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn || !isFunctionNode(fn)) return null;
  const nextParam = fn.params.at(-1);
  if (fn.params.length < 3 || nextParam?.type !== AST_NODE_TYPES.Identifier || nextParam.name !== 'next') return null;
  if (!isNameInScope(context, node, 'next')) return null;
  if (node.type !== AST_NODE_TYPES.CatchClause) return null;
  return (fixer) => {
    const { name, fixes } = errorBinding(context, node, fixer);
    fixes.push(insertAtBlockStart(context, fixer, node.body, [`return next(${name});`]));
    return fixes;
  };
}

/** Replace a no-op rejection handler given by reference (`p.catch(noop)`) with `(err) => <log call>`. */
export function buildHandlerLogFix(
  context: Context,
  call: TSESTree.CallExpression,
  handler: TSESTree.Node,
  target: LogTarget,
  minimumLevel: LogLevel,
): TSESLint.ReportFixFunction {
  return (fixer) => {
    const message = call.callee.type === AST_NODE_TYPES.MemberExpression ? promiseFailureMessage(context, call.callee.object) : failureMessage(context, call);
    const fixes = [fixer.replaceText(handler, `(err) => ${buildLogCall(target, { level: catchLogLevel(null, minimumLevel), message, error: 'err' })}`)];
    fixes.push(...targetSetupFixes(context, fixer, target));
    return fixes;
  };
}

/**
 * The suggestions for a swallowing catch reported at `at` (the handler itself, or one silent path
 * out of it): log the error with `target`; for the whole handler also rethrow it (catch clauses)
 * and pass it to `next(err)` (Express-style functions).
 */
export function catchSuggestions(
  context: Context,
  node: ErrorHandlerNode,
  at: TSESTree.Node,
  target: LogTarget,
  minimumLevel: LogLevel,
): TSESLint.SuggestionReportDescriptor<'logIt' | 'rethrow' | 'passToNext'>[] {
  const suggestions: TSESLint.SuggestionReportDescriptor<'logIt' | 'rethrow' | 'passToNext'>[] = [];
  const partial = at !== node;
  const logFix = buildCatchLogFix(context, node, at, target, minimumLevel);
  if (logFix) suggestions.push({ messageId: 'logIt', data: { call: `${target.expression}.error` }, fix: logFix });
  const rethrow = node.type === AST_NODE_TYPES.CatchClause && !partial ? buildRethrow(context, node) : null;
  if (rethrow) suggestions.push({ messageId: 'rethrow', fix: rethrow });
  const next = !partial ? buildPassToNext(context, node) : null;
  if (next) suggestions.push({ messageId: 'passToNext', fix: next });
  return suggestions;
}
