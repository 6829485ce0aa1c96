/**
 * Fix builders shared by the rules: log statements in the configured style, imports,
 * fresh names and indentation. Every builder returns text that parses in the place
 * it is inserted and references only names that are in scope or imported by the fix.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findEnclosingClass, getPropertyName } from './ast.js';
import type { LogLevel } from './loggers.js';
import { type LoggerStyle, getSettings } from './settings.js';

export interface LogTarget {
  /** Expression text for the logger object: `logger`, `this.logger`, `console`. */
  expression: string;
  style: LoggerStyle;
  /** True when the user configured the logger: the fix may be an autofix. */
  configured: boolean;
  /** Module to import `expression` from when it is not in scope. */
  importFrom?: string;
  importKind: 'named' | 'default';
}

export interface LogField {
  key: string;
  /** Expression text; omitted for shorthand `{ key }`. */
  value?: string;
}

export interface LogStatementSpec {
  level: LogLevel;
  message: string;
  /** Name of the variable holding the caught error, if any. */
  error?: string;
  fields?: readonly LogField[];
}

const CONSOLE_METHOD: Record<LogLevel, string> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'error',
};
/** Winston's default (npm) levels have no `trace` or `fatal` method. */
const WINSTON_METHOD: Record<LogLevel, string> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'error',
};
const NEST_METHOD: Record<LogLevel, string> = {
  trace: 'verbose',
  debug: 'debug',
  info: 'log',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\r?\n/gu, ' ')}'`;
}

function objectText(fields: readonly LogField[]): string {
  return `{ ${fields.map((f) => (f.value === undefined || f.value === f.key ? f.key : `${f.key}: ${f.value}`)).join(', ')} }`;
}

/** The text of one log call (no semicolon) in the target's style. */
export function buildLogCall(target: LogTarget, spec: LogStatementSpec): string {
  const fields: LogField[] = [];
  if (spec.error !== undefined) fields.push(spec.error === 'err' ? { key: 'err' } : { key: 'err', value: spec.error });
  fields.push(...(spec.fields ?? []));
  const msg = quote(spec.message);
  const obj = fields.length > 0 ? objectText(fields) : null;
  switch (target.style) {
    case 'pino':
    case 'bunyan':
      return `${target.expression}.${spec.level}(${obj ? `${obj}, ` : ''}${msg})`;
    case 'winston':
      return `${target.expression}.${WINSTON_METHOD[spec.level]}(${msg}${obj ? `, ${obj}` : ''})`;
    case 'nest': {
      const method = NEST_METHOD[spec.level];
      const message =
        spec.fields && spec.fields.length > 0 ? objectText([{ key: 'message', value: msg }, ...spec.fields]) : msg;
      if (spec.error !== undefined) {
        const e = spec.error;
        const stack = `${e} instanceof Error ? ${e}.stack : String(${e})`;
        return `${target.expression}.${method}(${message}, ${stack})`;
      }
      return `${target.expression}.${method}(${message})`;
    }
    case 'console':
    default: {
      const args = [msg];
      if (spec.error !== undefined) args.push(spec.error);
      if (spec.fields && spec.fields.length > 0) args.push(objectText(spec.fields));
      return `${target.expression}.${CONSOLE_METHOD[spec.level]}(${args.join(', ')})`;
    }
  }
}

const CONSOLE_TARGET: LogTarget = { expression: 'console', style: 'console', configured: false, importKind: 'named' };

/**
 * What a fix at `node` should log with: the configured logger when it can be referenced
 * there (in scope, importable, or `this.x` inside a class), else `console` for a suggestion.
 */
export function getLogTarget(context: Context, node: TSESTree.Node): LogTarget {
  const setting = getSettings(context).logger;
  if (!setting) return CONSOLE_TARGET;
  const root = setting.name.split('.')[0]!;
  if (root === 'this') {
    const cls = findEnclosingClass(node);
    const member = setting.name.split('.')[1];
    if (cls && member !== undefined && classProvides(cls, member)) {
      return { expression: setting.name, style: setting.style, configured: true, importKind: setting.importKind };
    }
    return CONSOLE_TARGET;
  }
  if (isNameInScope(context, node, root)) {
    return { expression: setting.name, style: setting.style, configured: true, importKind: setting.importKind };
  }
  if (setting.importFrom !== undefined) {
    return {
      expression: setting.name,
      style: setting.style,
      configured: true,
      importFrom: setting.importFrom,
      importKind: setting.importKind,
    };
  }
  return CONSOLE_TARGET;
}

/**
 * Whether instances of `cls` have `this.<name>`: a field, accessor or method, a constructor
 * parameter property, or `this.<name> = …` in the constructor. A class that extends another
 * may inherit it, which we cannot see: assume it does.
 */
function classProvides(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): boolean {
  if (cls.superClass) return true;
  for (const member of cls.body.body) {
    if (
      (member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty) &&
      !member.static &&
      getPropertyName(member as TSESTree.PropertyDefinition) === name
    ) {
      return true;
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    for (const param of member.value.params) {
      if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const id = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      if (id.type === AST_NODE_TYPES.Identifier && id.name === name) return true;
    }
    for (const statement of member.value.body?.body ?? []) {
      if (
        statement.type === AST_NODE_TYPES.ExpressionStatement &&
        statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
        statement.expression.left.type === AST_NODE_TYPES.MemberExpression &&
        statement.expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
        getPropertyName(statement.expression.left) === name
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Whether `name` resolves to a declared variable (or a configured global) at `node`. */
export function isNameInScope(context: Context, node: TSESTree.Node, name: string): boolean {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable && (variable.defs.length > 0 || scope.type === 'global')) return true;
    scope = scope.upper;
  }
  return false;
}

/** Names visible at `node` or referenced within `within`: a new binding must avoid them. */
export function chooseUnusedName(context: Context, node: TSESTree.Node, within: TSESTree.Node, candidates: readonly string[]): string {
  const used = (name: string): boolean => {
    if (isNameInScope(context, node, name)) return true;
    return new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'u').test(context.sourceCode.getText(within));
  };
  for (const c of candidates) if (!used(c)) return c;
  for (let i = 2; ; i++) {
    const name = `${candidates[0]}${i}`;
    if (!used(name)) return name;
  }
}

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

/** A fix that imports `name` from `from`, placed after the last top-level import/require. Null when it is already there. */
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

/** The name of the function around `node` for log messages (`getUser failed`). */
export function describeEnclosingFunction(node: TSESTree.Node): string | null {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration && current.id) return current.id.name;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      const p = current.parent;
      if (current.type === AST_NODE_TYPES.FunctionExpression && current.id) return current.id.name;
      if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
      if ((p?.type === AST_NODE_TYPES.MethodDefinition || p?.type === AST_NODE_TYPES.PropertyDefinition || p?.type === AST_NODE_TYPES.Property) && !p.computed && p.key.type === AST_NODE_TYPES.Identifier) {
        return p.key.name;
      }
    }
    current = current.parent;
  }
  return null;
}
