/**
 * Shared edits: indentation, statements inserted at the start of a block, a list item removed
 * with its comma, a logged value replaced (shorthand properties expanded), argument text.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Context } from '../model/ast.js';

/** The whitespace at the start of the line holding `node`. */
export function lineIndent(context: Context, node: TSESTree.Node | TSESTree.Token): string {
  const line = context.sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/u.exec(line)?.[0] ?? '';
}

/** The indentation unit the file uses (two spaces if nothing says otherwise). */
export function indentUnit(context: Context): string {
  for (const line of context.sourceCode.lines) {
    // ` * text` inside a block comment is alignment, not indentation.
    const m = /^(\t+|\s+)(?!\*)\S/u.exec(line);
    if (m) return m[1]!.startsWith('\t') ? '\t' : m[1]!.length >= 4 && m[1]!.length % 4 === 0 ? '    ' : '  ';
  }
  return '  ';
}

/**
 * Insert statements at the start of a block, on their own lines, indented like the
 * block's first statement (or one level deeper than the block's line).
 */
export function insertAtBlockStart(
  context: Context,
  fixer: TSESLint.RuleFixer,
  block: TSESTree.BlockStatement,
  statements: readonly string[],
): TSESLint.RuleFix {
  const first = block.body[0];
  const outer = lineIndent(context, block);
  const openBrace = context.sourceCode.getFirstToken(block)!;
  const inner = first && first.loc.start.line !== block.loc.start.line ? lineIndent(context, first) : outer + indentUnit(context);
  if (block.body.length === 0) {
    // Keep comments that explained the empty block.
    const inside = context.sourceCode.text.slice(block.range[0] + 1, block.range[1] - 1).trim();
    const kept = inside.length > 0 ? `\n${inner}${inside}` : '';
    return fixer.replaceText(block, `{\n${statements.map((s) => `${inner}${s}`).join('\n')}${kept}\n${outer}}`);
  }
  if (first && first.loc.start.line === openBrace.loc.end.line) {
    // A one-line block stays on one line.
    return fixer.insertTextAfter(openBrace, ` ${statements.join(' ')}`);
  }
  return fixer.insertTextAfter(openBrace, `\n${statements.map((s) => `${inner}${s}`).join('\n')}`);
}

/**
 * Remove one element of a comma-separated list (call arguments, object properties) together
 * with the comma that separates it; the last property of an object leaves `{}`.
 */
export function removeListItem(
  fixer: TSESLint.RuleFixer,
  list: readonly TSESTree.Node[],
  item: TSESTree.Node,
  container: TSESTree.ObjectExpression | null,
): TSESLint.RuleFix {
  const index = list.indexOf(item);
  if (list.length === 1 && container) return fixer.replaceText(container, '{}');
  if (index < list.length - 1) return fixer.removeRange([item.range[0], list[index + 1]!.range[0]]);
  return fixer.removeRange([list[index - 1]!.range[1], item.range[1]]);
}

/** Replace a logged value; a shorthand property `{ email }` becomes `{ email: <replacement> }`. */
export function replaceValue(context: Context, fixer: TSESLint.RuleFixer, node: TSESTree.Node, replacement: string): TSESLint.RuleFix {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === node) {
    return fixer.replaceText(parent, `${context.sourceCode.getText(parent.key)}: ${replacement}`);
  }
  return fixer.replaceText(node, replacement);
}

/** The text of a value as a call argument (a sequence expression needs parentheses). */
export function argumentText(context: Context, node: TSESTree.Node): string {
  const text = context.sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/**
 * Put `call` (a statement's text) before `statement`: on its own line in a block or switch case (on the
 * same line when the statement shares its line with the token before it), else wrap both in a block.
 */
export function insertBeforeStatement(context: Context, fixer: TSESLint.RuleFixer, statement: TSESTree.Node, call: string): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const parent = statement.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase) {
    const before = sourceCode.getTokenBefore(statement);
    if (before && before.loc.end.line === statement.loc.start.line) return [fixer.insertTextBefore(statement, `${call} `)];
    return [fixer.insertTextBefore(statement, `${call}\n${lineIndent(context, statement)}`)];
  }
  return [fixer.replaceText(statement, `{ ${call} ${sourceCode.getText(statement)} }`)];
}
