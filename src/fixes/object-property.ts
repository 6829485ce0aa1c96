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
