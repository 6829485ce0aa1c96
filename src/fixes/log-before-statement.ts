/** Insert a log statement before the statement that answers or rejects, keeping the code's shape. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Context } from '../model/ast.js';
import { indentUnit, lineIndent } from './edits.js';
import { importFix } from './imports.js';
import type { LogTarget } from './log-call.js';
import { isNameInScope } from './names.js';

/** A statement where another can be written before it: in a block, the program, a `case`, or as a branch of an `if`. */
function isStatementSlot(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent || !/Statement$|Declaration$/u.test(node.type)) return false;
  return (
    parent.type === AST_NODE_TYPES.BlockStatement ||
    parent.type === AST_NODE_TYPES.Program ||
    parent.type === AST_NODE_TYPES.SwitchCase ||
    (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== node)
  );
}

/** The statement that holds `node`, directly in a block or as a branch of an `if`; null when there is none. */
export function answeringStatement(node: TSESTree.Node): TSESTree.Node | null {
  let stmt: TSESTree.Node = node;
  while (stmt.parent && !isStatementSlot(stmt)) stmt = stmt.parent;
  return stmt.parent && isStatementSlot(stmt) ? stmt : null;
}

/**
 * Write `log` (a whole statement, `;` included) before `statement` (from `answeringStatement`):
 * on its own line in a block (on the same line when the statement shares its line with what
 * comes before), or wrap an `if` branch in braces, `{ log; statement }`. The configured logger
 * of `target` is imported when it is not in scope there.
 */
export function insertLogBeforeFix(context: Context, statement: TSESTree.Node, log: string, target: LogTarget): TSESLint.ReportFixFunction {
  const sourceCode = context.sourceCode;
  const parent = statement.parent!;
  const withImport = (fixer: TSESLint.RuleFixer, fix: TSESLint.RuleFix): TSESLint.RuleFix[] => {
    const fixes = [fix];
    if (target.importFrom !== undefined && !isNameInScope(context, statement, target.expression.split('.')[0]!)) {
      const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
  if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.SwitchCase) {
    // A statement sharing its line with what comes before stays on that line.
    const before = sourceCode.getTokenBefore(statement);
    const sameLine = before !== null && before.loc.end.line === statement.loc.start.line;
    const indent = lineIndent(context, statement);
    return (fixer) => withImport(fixer, fixer.insertTextBefore(statement, sameLine ? `${log} ` : `${log}\n${indent}`));
  }
  return (fixer) => withImport(fixer, fixer.replaceText(statement, `{ ${log} ${sourceCode.getText(statement)} }`));
}

/**
 * Write `log` (a whole statement) before `statement`, the other shape: in a block or a `case`,
 * on its own line with the statement's leading whitespace (or on the same line when code comes
 * before it there); as an `if` branch, wrapped in a multi-line block
 * (`if (x) {\n  log;\n  statement\n}`), unless a comment sits before the branch. Null elsewhere.
 * (Unlike `insertLogBeforeFix`, the configured logger is imported even when a same-named
 * binding is in scope, and a branch becomes a multi-line block.)
 */
export function insertLogLineBeforeFix(context: Context, statement: TSESTree.Node, log: string, target: LogTarget): TSESLint.ReportFixFunction | null {
  const sourceCode = context.sourceCode;
  const parent = statement.parent;
  const withImport = (fixer: TSESLint.RuleFixer, first: TSESLint.RuleFix): TSESLint.RuleFix[] => {
    const fixes = [first];
    if (target.importFrom !== undefined) {
      const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
  if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase) {
    const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
    const before = line.slice(0, statement.loc.start.column);
    if (!/^\s*$/u.test(before)) return (fixer) => withImport(fixer, fixer.insertTextBefore(statement, `${log} `));
    return (fixer) => withImport(fixer, fixer.insertTextBefore(statement, `${log}\n${before}`));
  }
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test !== statement) {
    const outer = lineIndent(context, parent);
    const unit = indentUnit(context);
    const previous = sourceCode.getTokenBefore(statement, { includeComments: true })!;
    if (previous.type === 'Block' || previous.type === 'Line') return null;
    const block = ` {\n${outer}${unit}${log}\n${outer}${unit}${sourceCode.getText(statement)}\n${outer}}`;
    return (fixer) => withImport(fixer, fixer.replaceTextRange([previous.range[1], statement.range[1]], block));
  }
  return null;
}
