/**
 * Import edits: whether the file is an ES module or CommonJS, the module specifier a configured
 * `importFrom` has from this file, and the `import` / `require` a fix adds for a name.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Context } from '../model/ast.js';
import { quote } from './log-call.js';

/** Whether the file uses ES modules (import/export) rather than CommonJS. */
export function isModuleFile(context: Context): boolean {
  const program = context.sourceCode.ast;
  if (program.body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.ExportNamedDeclaration || s.type === AST_NODE_TYPES.ExportDefaultDeclaration || s.type === AST_NODE_TYPES.ExportAllDeclaration)) {
    return true;
  }
  if (program.sourceType !== 'module') return false;
  // A module-typed file that uses require() or module.exports is CommonJS in practice.
  return !/\brequire\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/u.test(context.sourceCode.text);
}

/** Whether `name` is declared at the top level of the file (module scope included) or is a configured global. */
function isDeclaredAtTopLevel(context: Context, name: string): boolean {
  const program = context.sourceCode.ast;
  const globalScope = context.sourceCode.getScope(program);
  // Imports and top-level bindings of a module (or a CommonJS wrapper) live in a scope under the global one.
  let scope: TSESLint.Scope.Scope | null = globalScope.childScopes.find((s) => s.block === program) ?? globalScope;
  while (scope) {
    const variable = scope.set.get(name);
    if (variable && (variable.defs.length > 0 || scope.type === 'global')) return true;
    scope = scope.upper;
  }
  return false;
}
/**
 * A relative `importFrom` in settings names a file relative to the ESLint working
 * directory (where the config lives); from a file in another folder it must be
 * rewritten relative to that file. Package names and aliases (`#logger`) stay as they are.
 */
export function moduleSpecifierFor(context: Context, from: string): string {
  if (!from.startsWith('./') && !from.startsWith('../')) return from;
  const filename = context.filename;
  if (!filename || !path.isAbsolute(filename)) return from;
  const target = path.resolve(context.cwd, from);
  let relative = path.relative(path.dirname(filename), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}

/** A fix that imports `name` from `from`, placed after the last top-level import/require. Null when it is already there. */
export function importFix(
  context: Context,
  fixer: TSESLint.RuleFixer,
  name: string,
  from: string,
  kind: 'named' | 'default',
): TSESLint.RuleFix | null {
  const program = context.sourceCode.ast;
  if (isDeclaredAtTopLevel(context, name)) return null;
  from = moduleSpecifierFor(context, from);
  const esm = isModuleFile(context);
  const text = esm
    ? kind === 'default'
      ? `import ${name} from ${quote(from)};`
      : `import { ${name} } from ${quote(from)};`
    : kind === 'default'
      ? `const ${name} = require(${quote(from)});`
      : `const { ${name} } = require(${quote(from)});`;
  let anchor: TSESTree.Node | null = null;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) anchor = statement;
    else if (
      !esm &&
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((d) => d.init?.type === AST_NODE_TYPES.CallExpression && d.init.callee.type === AST_NODE_TYPES.Identifier && d.init.callee.name === 'require')
    ) {
      anchor = statement;
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && 'directive' in statement && statement.directive) {
      anchor = statement;
    } else if (anchor !== null || statement.type !== AST_NODE_TYPES.ExpressionStatement) {
      if (anchor !== null) break;
    }
  }
  if (anchor) return fixer.insertTextAfter(anchor, `\n${text}`);
  const first = program.body[0];
  if (!first) return fixer.insertTextAfterRange([0, context.sourceCode.text.length], `${text}\n`);
  // Keep a hashbang and header comments above the import; comments that sit right on
  // top of the first statement (its JSDoc) stay with it.
  // `@Injectable() export class X {}`: the export's range starts after the decorators; insert above them.
  const declaration = 'declaration' in first && first.declaration ? first.declaration : first;
  const decorator = 'decorators' in declaration ? declaration.decorators?.[0] : undefined;
  const top = decorator && decorator.range[0] < first.range[0] ? decorator : first;
  const comments = context.sourceCode.getCommentsBefore(top);
  let start = top.range[0];
  let nextLine = top.loc.start.line;
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    if (comment.loc.end.line < nextLine - 1) break;
    start = comment.range[0];
    nextLine = comment.loc.start.line;
  }
  const hashbangEnd = context.sourceCode.text.startsWith('#!') ? context.sourceCode.text.indexOf('\n') + 1 : 0;
  return fixer.insertTextBeforeRange([Math.max(start, hashbangEnd), Math.max(start, hashbangEnd)], `${text}\n`);
}
