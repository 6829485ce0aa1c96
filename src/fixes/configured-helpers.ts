/**
 * Calls of helpers named in settings (`fingerprint`, `safeCompare`): the fix writes the call and
 * imports the helper when its name is not in scope; no fix when it can be neither seen nor imported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../model/ast.js';
import { getSettings } from '../core/settings.js';
import { argumentText, replaceValue } from './edits.js';
import { importFix } from './imports.js';
import { isNameInScope } from './names.js';

/**
 * Wrap a logged value in the configured `fingerprint` helper, importing it when it is not in
 * scope. Null when no helper is configured or it can be neither seen nor imported here.
 */
export function fingerprintFix(context: Context, node: TSESTree.Node): TSESLint.ReportFixFunction | null {
  const fingerprint = getSettings(context).fingerprint;
  if (!fingerprint) return null;
  return configuredHelperFix(context, fingerprint, node, (fixer) =>
    replaceValue(context, fixer, node, `${fingerprint.name}(${argumentText(context, node)})`),
  );
}

/**
 * The one way a fix calls a helper named in settings (`fingerprint`, `safeCompare`): `edit` writes
 * the call; the helper is imported when its name is not in scope at `node`. Null when it can be
 * neither seen nor imported here.
 */
export function configuredHelperFix(
  context: Context,
  helper: { name: string; importFrom?: string; importKind: 'named' | 'default' },
  node: TSESTree.Node,
  edit: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix,
): TSESLint.ReportFixFunction | null {
  const root = helper.name.split('.')[0]!;
  const inScope = root === 'this' || isNameInScope(context, node, root);
  if (!inScope && helper.importFrom === undefined) return null;
  return (fixer) => {
    const fixes = [edit(fixer)];
    if (!inScope && helper.importFrom !== undefined) {
      const imp = importFix(context, fixer, helper.name, helper.importFrom, helper.importKind);
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
}
