/** The fix for a fail-open authentication step: log the failure and reject the request. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Context } from '../model/ast.js';
import type { AuthFunction } from '../model/auth-steps.js';
import { insertAtBlockStart, lineIndent } from './edits.js';
import { importFix } from './imports.js';
import { buildLogCall } from './log-call.js';
import { logTargetAt } from './log-target.js';
import { isNameInScope } from './names.js';

/**
 * The fix that makes a fail-open auth step reject: log the failure at warn and answer 401 the
 * way the step can (`res.status(401)`, `reply.code(401)`, `done(err)` / `done(null, false)`,
 * `throw new UnauthorizedException()`), with `how` saying which for the message. It replaces
 * the pass-through statement on the error path, or — when the error path falls through
 * to a pass-through that the success path shares (`errorPath`) — end the error path itself.
 */
export function rejectAuthFailureFix(context: Context, node: TSESTree.Node, auth: AuthFunction, errorName: string | null, errorPath?: TSESTree.BlockStatement): { how: string; fix: TSESLint.ReportFixFunction } | null {
  if (!errorPath) {
    // Only a whole statement is replaced: `next();`, `return next();`, `return true;`, `return done(null, user);`
    if (node.type !== AST_NODE_TYPES.ExpressionStatement && node.type !== AST_NODE_TYPES.ReturnStatement) return null;
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.SwitchCase) return null;
  }
  const at = errorPath ?? node;
  // The one precedence: the request logger the file logs through, else the configured logger, else console.
  const target = logTargetAt(context, at);
  if (target.expression.startsWith('this.') || (target.importFrom === undefined && target.expression !== 'console' && !isNameInScope(context, at, target.expression.split('.')[0]!))) return null;
  const log = `${buildLogCall(target, { level: 'warn', message: 'Authentication failed', error: errorName ?? undefined })};`;
  let answer: string;
  let how: string;
  let nestImport = false;
  if (auth.kind === 'middleware' && auth.res && isNameInScope(context, node, auth.res.name)) {
    answer = `return ${auth.res.name}.status(401).json({ error: 'Unauthorized' });`;
    how = '401';
  } else if (auth.kind === 'hook' && auth.res && isNameInScope(context, node, auth.res.name)) {
    answer = `return ${auth.res.name}.code(401).send({ error: 'Unauthorized' });`;
    how = '401';
  } else if (auth.kind === 'strategy' && auth.pass) {
    answer = errorName ? `return ${auth.pass.name}(${errorName});` : `return ${auth.pass.name}(null, false);`;
    how = errorName ? `${auth.pass.name}(${errorName})` : `${auth.pass.name}(null, false)`;
  } else if (auth.kind === 'guard') {
    answer = "throw new UnauthorizedException();";
    how = 'UnauthorizedException (401)';
    nestImport = !isNameInScope(context, node, 'UnauthorizedException');
  } else {
    return null;
  }
  const indent = lineIndent(context, node);
  return {
    how,
    fix: (fixer) => {
      const fixes = [errorPath ? appendToBlock(context, fixer, errorPath, [log, answer]) : fixer.replaceText(node, `${log}\n${indent}${answer}`)];
      if (target.importFrom !== undefined) {
        const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
        if (imp) fixes.push(imp);
      }
      if (nestImport) {
        const imp = importFix(context, fixer, 'UnauthorizedException', '@nestjs/common', 'named');
        if (imp) fixes.push(imp);
      }
      return fixes;
    },
  };
}

/** Append statements at the end of a block, on their own lines (on the same line in a one-line block). */
function appendToBlock(context: Context, fixer: TSESLint.RuleFixer, block: TSESTree.BlockStatement, statements: string[]): TSESLint.RuleFix {
  const last = block.body[block.body.length - 1];
  if (!last) return insertAtBlockStart(context, fixer, block, statements);
  const indent = lineIndent(context, last);
  if (last.loc.start.line === block.loc.start.line) return fixer.insertTextAfter(last, ` ${statements.join(' ')}`);
  return fixer.insertTextAfter(last, statements.map((st) => `\n${indent}${st}`).join(''));
}
