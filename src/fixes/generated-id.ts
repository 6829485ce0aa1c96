/** A request-id generator written into logger / server options: `genReqId: () => randomUUID()`. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../model/ast.js';
import { importFix } from './imports.js';
import { insertFirstProperty } from './object-property.js';

/** Add `option: () => randomUUID()` as the first property of `options`, importing `randomUUID` from node:crypto when the file needs it. */
export function generatedIdOptionFix(context: Context, options: TSESTree.ObjectExpression, option: string): TSESLint.ReportFixFunction {
  return (fixer) => {
    const fixes = [insertFirstProperty(context, fixer, options, `${option}: () => randomUUID()`)];
    const imp = importFix(context, fixer, 'randomUUID', 'node:crypto', 'named');
    if (imp) fixes.push(imp);
    return fixes;
  };
}
