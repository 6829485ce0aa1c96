/**
 * Fix builders shared by the rules: log statements in the configured style, imports,
 * fresh names and indentation. Every builder returns text that parses in the place
 * it is inserted and references only names that are in scope or imported by the fix.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findEnclosingClass, getPropertyName, walkSameFunction } from '../model/ast.js';
import { classifyCall } from '../model/fallible.js';
import { findEnclosingHandler } from '../model/handlers.js';
import { type FrameworkLogger, type RequestContextExpressions, getFrameworkLogger } from '../model/request-context.js';
import { errorLogCallText, resolveLoggerStyle } from '../model/logger-styles.js';
import type { LogLevel } from '../model/loggers.js';
import { type LoggerStyle, getSettings } from '../core/settings.js';

export interface LogTarget {
  /** Expression text for the logger object: `logger`, `this.logger`, `console`. */
  expression: string;
  style: LoggerStyle;
  /** True when the user configured the logger: the fix may be an autofix. */
  configured: boolean;
  /** Module to import `expression` from when it is not in scope. */
  importFrom?: string;
  importKind: 'named' | 'default';
  /** pino / bunyan keys the logger's creation in this file serializes as errors. */
  errorKeys?: ReadonlySet<string> | null;
  /** A Nest logger member the fix must add to the class for `expression` to exist. */
  addMember?: AddedMember;
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

export function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\r?\n/gu, ' ')}'`;
}

function objectText(fields: readonly LogField[]): string {
  return `{ ${fields.map((f) => (f.value === undefined || f.value === f.key ? f.key : `${f.key}: ${f.value}`)).join(', ')} }`;
}

/** The method a style calls for a level. */
export function methodFor(style: LoggerStyle, level: LogLevel): string {
  switch (style) {
    case 'winston':
      return WINSTON_METHOD[level];
    case 'nest':
      return NEST_METHOD[level];
    case 'console':
      return CONSOLE_METHOD[level];
    default:
      return level;
  }
}

/**
 * The text of one log call (no semicolon) in the target's style, in the shape that keeps
 * the error's message, stack and cause with that logger (see logger-styles.ts).
 */
export function buildLogCall(target: LogTarget, spec: LogStatementSpec): string {
  const fields = spec.fields && spec.fields.length > 0 ? objectText(spec.fields) : undefined;
  return errorLogCallText(target.style, {
    logger: target.expression,
    method: methodFor(target.style, spec.level),
    message: quote(spec.message),
    error: spec.error,
    fields,
    errorKeys: target.errorKeys ?? null,
  });
}

export const CONSOLE_TARGET: LogTarget = { expression: 'console', style: 'console', configured: false, importKind: 'named' };

/**
 * What a fix at `node` should log with: the configured logger when it can be referenced
 * there (in scope, importable, or `this.x` where the class declares it and `this` is usable),
 * else `console` for a suggestion.
 */
export function getLogTarget(context: Context, node: TSESTree.Node): LogTarget {
  const setting = getSettings(context).logger;
  if (!setting) return CONSOLE_TARGET;
  const root = setting.name.split('.')[0]!;
  if (root === 'this') {
    const cls = findEnclosingClass(node);
    const member = setting.name.split('.')[1];
    if (!cls || member === undefined || !isThisUsableAt(node, cls) || setting.name.split('.').length !== 2) return CONSOLE_TARGET;
    if (classDeclaresMember(context, cls, member)) {
      return { expression: setting.name, style: setting.style, configured: true, importKind: setting.importKind };
    }
    const added = nestLoggerMember(context, cls, member, setting.style);
    if (added) return { expression: setting.name, style: setting.style, configured: true, importKind: setting.importKind, addMember: added };
    return CONSOLE_TARGET;
  }
  if (isNameInScope(context, node, root)) {
    const errorKeys = creationKeys(context, node, root);
    return { expression: setting.name, style: setting.style, configured: true, importKind: setting.importKind, ...(errorKeys ? { errorKeys } : {}) };
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
 * The one log-target precedence every rule uses: the configured logger (autofix) > the
 * framework's request logger (`req.log`, `request.log`, `ctx.log`, a Nest class's logger) >
 * `console`. Only the configured logger makes an autofix; the others are suggestions.
 */
export function chooseLogTarget(context: Context, at: TSESTree.Node, framework: FrameworkLogger | null): LogTarget {
  const configured = getLogTarget(context, at);
  if (configured.configured) return configured;
  if (framework && (!framework.expression.startsWith('this.') || thisUsable(at))) {
    return { expression: framework.expression, style: framework.style, configured: false, importKind: 'named' };
  }
  return CONSOLE_TARGET;
}

/** chooseLogTarget at `at`, looking up the enclosing request handler's framework logger itself. */
export function logTargetAt(context: Context, at: TSESTree.Node): LogTarget {
  const configured = getLogTarget(context, at);
  if (configured.configured) return configured;
  const handler = findEnclosingHandler(context, at);
  return chooseLogTarget(context, at, handler ? getFrameworkLogger(context, handler, at) : null);
}

function thisUsable(at: TSESTree.Node): boolean {
  const cls = findEnclosingClass(at);
  return cls !== null && isThisUsableAt(at, cls);
}

/** pino / bunyan serializer keys of the in-scope logger `name`, read from its creation in this file. */
function creationKeys(context: Context, node: TSESTree.Node, name: string): ReadonlySet<string> | null {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable) {
      const def = variable.defs[0];
      if (def?.type === 'Variable' && def.name.type === AST_NODE_TYPES.Identifier) return resolveLoggerStyle(context, def.name)?.errorKeys ?? null;
      return null;
    }
    scope = scope.upper;
  }
  return null;
}

/**
 * Whether `this` may be used at `node`: inside the class's own methods and field
 * initializers, not in a nested `function`, and in a derived class's constructor only
 * after a top-level `super(…)` call (before it, `this` throws a ReferenceError / TS17009).
 */
export function isThisUsableAt(node: TSESTree.Node, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && fn !== cls) {
    if (fn.type === AST_NODE_TYPES.FunctionExpression || fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.parent?.parent === cls) break;
      return false;
    }
    fn = fn.parent;
  }
  if (!fn || fn === cls) return true;
  const method = fn.parent as TSESTree.MethodDefinition;
  if (method.static) return false;
  if (method.kind !== 'constructor' || !cls.superClass) return true;
  const body = (fn as TSESTree.FunctionExpression).body.body;
  return body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.CallExpression &&
      statement.expression.callee.type === AST_NODE_TYPES.Super &&
      statement.range[1] <= node.range[0],
  );
}

/**
 * Whether instances of `cls` visibly have `this.<name>`: a field, accessor or method, a
 * constructor parameter property, or `this.<name> = …` in the constructor — in the class or
 * in a base class declared in this file. An inherited member we cannot see does not count:
 * a fix that assumed it broke the build on a subclass without one.
 */
export function classDeclaresMember(context: Context, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, depth = 0): boolean {
  if (ownMember(cls, name)) return true;
  if (!cls.superClass || depth > 4 || cls.superClass.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableFrom(context, cls, cls.superClass.name);
  const def = variable?.defs[0];
  if (def?.type === 'ClassName') {
    return classDeclaresMember(context, def.node as TSESTree.ClassDeclaration, name, depth + 1);
  }
  return false;
}

function findVariableFrom(context: Context, node: TSESTree.Node, name: string): TSESLint.Scope.Variable | null {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable) return variable;
    scope = scope.upper;
  }
  return null;
}

function ownMember(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): boolean {
  for (const member of cls.body.body) {
    if (
      (member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty ||
        member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
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

/**
 * A Nest class without the logger member: the fix may add
 * `private readonly logger = new Logger(ClassName.name);` (`logger = …` in JavaScript) (and `import { Logger }`) when the
 * file already imports from @nestjs/common, the class is named and has no base class (a
 * base we cannot see may declare the member differently), and `Logger` is free or Nest's.
 */
function nestLoggerMember(
  context: Context,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  member: string,
  style: LoggerStyle,
): AddedMember | null {
  if (style !== 'nest' || cls.superClass || !cls.id || !/^[A-Za-z_$][\w$]*$/u.test(member)) return null;
  const program = context.sourceCode.ast;
  const nestImports = program.body.filter(
    (s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === '@nestjs/common' && s.importKind !== 'type',
  );
  if (nestImports.length === 0) return null;
  const importsLogger = nestImports.some((d) =>
    d.specifiers.some((sp) => sp.type === AST_NODE_TYPES.ImportSpecifier && sp.local.name === 'Logger' && sp.importKind !== 'type' && (sp.imported.type === AST_NODE_TYPES.Identifier ? sp.imported.name : sp.imported.value) === 'Logger'),
  );
  if (!importsLogger && isNameInScope(context, cls, 'Logger')) return null;
  // `private readonly` is TypeScript: a JavaScript file (Nest with Babel) gets a plain class field.
  const modifiers = /\.[cm]?tsx?$/u.test(context.filename) ? 'private readonly ' : '';
  return { cls, text: `${modifiers}${member} = new Logger(${cls.id.name}.name);`, importLogger: !importsLogger };
}

export interface AddedMember {
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  text: string;
  importLogger: boolean;
}

/**
 * The edits a target needs besides the log call: the import of the configured logger, or
 * the Nest logger member and its import. Every fix that writes `target.expression` adds these.
 */
export function targetSetupFixes(context: Context, fixer: TSESLint.RuleFixer, target: LogTarget): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  if (target.importFrom !== undefined) {
    const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
    if (imp) fixes.push(imp);
  }
  if (target.addMember) {
    const { cls, text, importLogger } = target.addMember;
    const open = context.sourceCode.getFirstToken(cls.body)!;
    const first = cls.body.body[0];
    const indent = first && first.loc.start.line !== open.loc.start.line ? lineIndent(context, first) : lineIndent(context, cls) + indentUnit(context);
    fixes.push(fixer.insertTextAfter(open, `\n${indent}${text}${first ? '\n' : ''}`));
    if (importLogger) {
      // Join the file's `import { Injectable } from '@nestjs/common'` rather than adding a second one.
      const existing = context.sourceCode.ast.body.find(
        (s): s is TSESTree.ImportDeclaration =>
          s.type === AST_NODE_TYPES.ImportDeclaration &&
          s.source.value === '@nestjs/common' &&
          s.importKind !== 'type' &&
          s.specifiers.length > 0 &&
          s.specifiers.every((sp) => sp.type === AST_NODE_TYPES.ImportSpecifier),
      );
      const last = existing?.specifiers[existing.specifiers.length - 1];
      const imp = last ? fixer.insertTextAfter(last, ', Logger') : importFix(context, fixer, 'Logger', '@nestjs/common', 'named');
      if (imp) fixes.push(imp);
    }
  }
  return fixes;
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

/**
 * Messages a fix must never write: they tell an operator nothing about what failed.
 * tests/integration/messages.test.ts checks every message the rule tests make fixes insert.
 */
export const GENERIC_MESSAGES: ReadonlySet<string> = new Set([
  'error',
  'failed',
  'failure',
  'operation failed',
  'request failed',
  'unhandled error',
  'an error occurred',
  'error occurred',
  'something went wrong',
  'server error',
  'internal error',
  'unexpected error',
  'task failed',
  'background task failed',
  'callback failed',
]);

/** `this.users.loadUserSettings` → `users.loadUserSettings`; long chains keep their last two segments. */
function operationName(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'this');
  return parts.slice(-2).join('.');
}

function calleeOperation(node: TSESTree.Node): string | null {
  const n = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  let call: TSESTree.Node = n;
  while (call.type === AST_NODE_TYPES.TSAsExpression || call.type === AST_NODE_TYPES.TSNonNullExpression || call.type === AST_NODE_TYPES.ChainExpression) {
    call = call.expression;
  }
  // fetchUser(id).then(…).catch(…): the root call is the operation.
  while (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['then', 'catch', 'finally'].includes(getPropertyName(call.callee) ?? '') &&
    (call.callee.object.type === AST_NODE_TYPES.CallExpression || call.callee.object.type === AST_NODE_TYPES.NewExpression)
  ) {
    call = call.callee.object;
  }
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return null;
  const path = getMemberPathText(call.callee);
  if (path === null) return null;
  const name = operationName(path);
  // `await next()` in middleware: what failed is whatever ran downstream.
  if (name === 'next') return 'downstream handler';
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
}

function getMemberPathText(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = getMemberPathText(node.object);
    const name = getPropertyName(node);
    if (name === null) return null;
    return object === null ? name : `${object}.${name}`;
  }
  return null;
}

/** Calls that are never "the operation" of a try block: logging, responding, building values. */
const NOT_AN_OPERATION = /^(?:console|logger|log|this\.logger|req\.log|request\.log|res|reply|ctx|c|Object|Array|Math|String|Number|Boolean|Date|Symbol)\.|^(?:String|Number|Boolean|parseInt|parseFloat|setTimeout|clearTimeout)$/u;

/**
 * The first awaited call in `block` (same function), else its first call that can fail for an
 * outside reason, else its first call that is not a pure helper (`trim`, `split`, a getter), else
 * its first call: `users.findById` rather than `email.trim` in `const e = email.trim(); user = db.find(e)`.
 */
function firstOperationIn(context: Context, block: TSESTree.Node): string | null {
  let awaited: string | null = null;
  let external: string | null = null;
  let work: string | null = null;
  let called: string | null = null;
  walkSameFunction(
    block,
    (node) => {
      if (awaited !== null) return false;
      if (node.type === AST_NODE_TYPES.AwaitExpression) {
        const op = calleeOperation(node);
        if (op !== null) awaited = op;
      } else if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && external === null) {
        const path = getMemberPathText(node.callee);
        if (path === null || NOT_AN_OPERATION.test(path)) return undefined;
        const op = calleeOperation(node);
        if (op === null) return undefined;
        const kind = classifyCall(context, node);
        if (kind === 'external') external = op;
        else if (work === null && kind !== 'pure' && kind !== 'logs' && kind !== 'telemetry') work = op;
        called ??= op;
      }
      return undefined;
    },
    context.sourceCode.visitorKeys,
  );
  return awaited ?? external ?? work ?? called;
}

/**
 * What failed, for the message of an inserted log: the awaited (else first) call of the `try`
 * block a catch belongs to, the call a `.catch()` / `.then(_, onRejected)` handler is attached
 * to, else the enclosing function's name. `loadUserSettings`, `users.findById`, `refund`.
 */
export function describeFailedOperation(context: Context, node: TSESTree.Node): string | null {
  let current: TSESTree.Node | undefined = node;
  while (current) {
    if (current.type === AST_NODE_TYPES.CatchClause) {
      const op = current.parent.type === AST_NODE_TYPES.TryStatement ? firstOperationIn(context, current.parent.block) : null;
      if (op !== null) return op;
      break;
    }
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      const call = current.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        ((getPropertyName(call.callee) === 'catch' && call.arguments[0] === current) || (getPropertyName(call.callee) === 'then' && call.arguments[1] === current))
      ) {
        const object = call.callee.object;
        const path = object.type === AST_NODE_TYPES.Identifier || object.type === AST_NODE_TYPES.MemberExpression ? getMemberPathText(object) : null;
        // `p.then(render, onError)`: the promise's name is what failed.
        const op = calleeOperation(object) ?? (path !== null ? operationName(path) : null);
        if (op !== null) return op;
      }
      // An error-first callback: `User.find({}, (err, users) => …)` → `User.find`; an error
      // handler (`app.onError`, `setErrorHandler`, Express `(err, req, res, next)`) → the request handler.
      const first = current.params[0];
      if (call?.type === AST_NODE_TYPES.CallExpression && first?.type === AST_NODE_TYPES.Identifier && /^(?:err|error|e|ex|exception)$/u.test(first.name)) {
        const registration = call.callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(call.callee) : null;
        if (registration === 'onError' || registration === 'setErrorHandler' || current.params.length === 4) return 'request handler';
        if (call.arguments[call.arguments.length - 1] === current) {
          const op = calleeOperation(call);
          if (op !== null) return op;
        }
      }
      break;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) break;
    current = current.parent;
  }
  const enclosing = describeEnclosingFunction(node);
  // A Nest exception filter's `catch(exception, host)`: the request handler failed, not `catch`.
  return enclosing === 'catch' ? 'request handler' : enclosing;
}

/** `<operation> failed`, or the place in the file when nothing names the operation. */
export function failureMessage(context: Context, node: TSESTree.Node): string {
  const op = describeFailedOperation(context, node);
  return op !== null ? `${op} failed` : `code at line ${node.loc.start.line} failed`;
}

/** `<operation> failed` for a rejection of `promise` (`load().then(f)` → `load failed`). */
export function promiseFailureMessage(context: Context, promise: TSESTree.Node): string {
  const path = promise.type === AST_NODE_TYPES.Identifier || promise.type === AST_NODE_TYPES.MemberExpression ? getMemberPathText(promise) : null;
  const op = calleeOperation(promise) ?? (path !== null ? operationName(path) : null);
  return op !== null ? `${op} failed` : failureMessage(context, promise);
}

/**
 * The level of a log a fix inserts into a handler that swallowed a failure: `warn` when the
 * handler recovers with a fallback (it returns a value, assigns a default, continues a loop) —
 * an expected but notable failure — else `error`.
 */
export function swallowedFailureLevel(body: TSESTree.Node | null | undefined): LogLevel {
  if (!body) return 'error';
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // `() => null`, `() => []`: an expression body is the fallback value.
    return body.type === AST_NODE_TYPES.Identifier && body.name === 'undefined' ? 'error' : 'warn';
  }
  const recovers = body.body.some(
    (s) =>
      (s.type === AST_NODE_TYPES.ReturnStatement && s.argument !== null && !isServerErrorResponse(s.argument)) ||
      s.type === AST_NODE_TYPES.ContinueStatement ||
      // `result = fallback`: a local default. (`ctx.body = …` is a response, not a recovery.)
      (s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.AssignmentExpression && s.expression.left.type === AST_NODE_TYPES.Identifier),
  );
  return recovers ? 'warn' : 'error';
}

/** The request field names every fix uses, in this order. */
export const REQUEST_FIELDS = ['method', 'path', 'ip', 'userAgent'] as const;

/** Log fields for the request, under the one shared set of names (`method`, `path`, `ip`, `userAgent`). */
export function requestLogFields(expressions: RequestContextExpressions, which: ReadonlyArray<(typeof REQUEST_FIELDS)[number]> = REQUEST_FIELDS): LogField[] {
  return which.flatMap((key) => (expressions[key] ? [{ key, value: expressions[key] }] : []));
}

/** The root identifier of a call / member chain: `res` in `res.status(503).json(…)`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    if (n.type === AST_NODE_TYPES.CallExpression) n = n.callee;
    else if (n.type === AST_NODE_TYPES.MemberExpression) n = n.object;
    else if (n.type === AST_NODE_TYPES.AwaitExpression) n = n.argument;
    else return n;
  }
}

/**
 * `res.status(503).json(…)`, `reply.code(500).send(…)`, `NextResponse.json(…, { status: 500 })`:
 * answering with a server error is reporting the failure, not recovering from it. A response with
 * a 4xx (or no visible status) is an expected outcome.
 */
function isServerErrorResponse(node: TSESTree.Node): boolean {
  const root = chainRoot(node);
  const isResponse =
    (root.type === AST_NODE_TYPES.Identifier && /^(?:res|reply|response|c|ctx|NextResponse|Response)$/u.test(root.name)) ||
    (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Response');
  if (!isResponse) return false;
  let serverError = false;
  const visit = (n: TSESTree.Node): void => {
    if (serverError) return;
    if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number' && n.value >= 500 && n.value < 600) serverError = true;
    else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
      visit(n.callee);
      n.arguments.forEach(visit);
    } else if (n.type === AST_NODE_TYPES.MemberExpression) visit(n.object);
    else if (n.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of n.properties) if (p.type === AST_NODE_TYPES.Property) visit(p.value);
    } else if (n.type === AST_NODE_TYPES.AwaitExpression) visit(n.argument);
  };
  visit(node);
  return serverError;
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
