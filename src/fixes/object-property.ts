/** Edits of an object literal written in the source: options objects a fix adds a key to. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../model/ast.js';
import { lineIndent } from './edits.js';

/**
 * Add `text` (one `key: value`) as the first property of `object`: `{}` becomes `{ text }`;
 * a one-line object gets it after the brace (`{ text, a: 1 }`); a multi-line one on its own
 * line, indented like the first property.
 */
export function insertFirstProperty(context: Context, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix {
  if (object.properties.length === 0) return fixer.replaceText(object, `{ ${text} }`);
  const first = object.properties[0]!;
  const open = context.sourceCode.getFirstToken(object)!;
  return first.loc.start.line === open.loc.end.line
    ? fixer.insertTextAfter(open, ` ${text},`)
    : fixer.insertTextBefore(first, `${text},\n${lineIndent(context, first)}`);
}

/**
 * Add `text` (one or more `key: value`) after the last property of `object`: `{}` becomes
 * `{ text }`; a one-line object gets `, text`; a multi-line one a line of its own, indented like
 * the last property, with the commas it needs.
 */
export function appendProperty(context: Context, object: TSESTree.ObjectExpression, text: string): TSESLint.ReportFixFunction {
  const sourceCode = context.sourceCode;
  const last = object.properties[object.properties.length - 1];
  if (!last) return (fixer) => fixer.replaceText(object, `{ ${text} }`);
  const multiline = object.loc.start.line !== object.loc.end.line;
  if (!multiline) return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
  const indent = sourceCode.lines[last.loc.start.line - 1]!.match(/^\s*/u)![0];
  const after = sourceCode.getTokenAfter(last);
  const hasComma = after?.value === ',';
  return (fixer) => fixer.insertTextAfter(hasComma ? after! : last, `${hasComma ? '' : ','}\n${indent}${text},`);
}

/** Add `items` (source texts) at the end of an array literal. */
export function appendToArray(context: Context, array: TSESTree.ArrayExpression, items: string[]): TSESLint.ReportFixFunction {
  const last = array.elements[array.elements.length - 1];
  if (!last) {
    const close = context.sourceCode.getLastToken(array)!;
    return (fixer) => fixer.insertTextBefore(close, items.join(', '));
  }
  return (fixer) => fixer.insertTextAfter(last, `, ${items.join(', ')}`);
}
