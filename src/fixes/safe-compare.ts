/**
 * Fixes for a secret compared with `===`: call the project's configured `safeCompare` helper, or
 * a `safeEqual` helper this fix adds (SHA-256 of both sides, then crypto.timingSafeEqual).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../model/ast.js';
import { getSettings } from '../core/settings.js';
import { configuredHelperFix } from './configured-helpers.js';
import { importFix } from './imports.js';
import { chooseUnusedName, isNameInScope } from './names.js';

/** `safeCompare(presented, expected)` (negated for `!==`), through the shared configured-helper fix; null without the setting or when the helper can be neither seen nor imported. */
export function projectSafeCompareFix(context: Context, node: TSESTree.BinaryExpression, presented: TSESTree.Node, held: TSESTree.Node, negated: boolean): TSESLint.ReportFixFunction | null {
  const helper = getSettings(context).safeCompare;
  if (!helper) return null;
  const sourceCode = context.sourceCode;
  return configuredHelperFix(context, helper, node, (fixer) => {
    const call = `${helper.name}(${sourceCode.getText(presented)}, ${sourceCode.getText(held)})`;
    return fixer.replaceText(node, negated ? `!${call}` : call);
  });
}

/** The name of the helper `safeEqualFix` calls (and adds when it is not in scope). */
export const SAFE_EQUAL = 'safeEqual';

/** Replace the comparison with `safeEqual(presented, expected)`, adding the helper at the end of the file and importing node:crypto when `safeEqual` is not in scope. */
export function safeEqualFix(context: Context, node: TSESTree.BinaryExpression, presented: TSESTree.Node, held: TSESTree.Node, negated: boolean): TSESLint.ReportFixFunction {
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  // A `safeEqual` already in scope is this fix's helper from an earlier finding, or the
  // project's own: reuse it rather than adding a second one.
  const helper = SAFE_EQUAL;
  const exists = isNameInScope(context, node, helper);
  const cryptoName = chooseUnusedName(context, program, program, ['nodeCrypto']);
  return (fixer) => {
    const call = `${helper}(${sourceCode.getText(presented)}, ${sourceCode.getText(held)})`;
    const fixes: TSESLint.RuleFix[] = [fixer.replaceText(node, negated ? `!${call}` : call)];
    if (exists) return fixes;
    const typed = /\.(?:m|c)?tsx?$/u.test(context.filename);
    const params = typed ? 'presented: unknown, expected: unknown): boolean' : 'presented, expected)';
    fixes.push(
      fixer.insertTextAfterRange(
        [program.range[1], program.range[1]],
        `\n\n/** Compare a presented credential with the expected one in constant time; false unless both are non-empty strings. */\nfunction ${helper}(${params} {\n` +
          `  if (typeof presented !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;\n` +
          `  const a = ${cryptoName}.createHash('sha256').update(presented).digest();\n` +
          `  const b = ${cryptoName}.createHash('sha256').update(expected).digest();\n` +
          `  return ${cryptoName}.timingSafeEqual(a, b);\n}\n`,
      ),
    );
    const imported = importFix(context, fixer, cryptoName, 'node:crypto', 'default');
    if (imported) fixes.push(imported);
    return fixes;
  };
}
