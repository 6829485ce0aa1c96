/**
 * The one log-target precedence: what a fix logs with at a node. The configured logger (when it
 * can be referenced there: in scope, importable, or `this.x` where the class declares it or the
 * fix may add it) makes an autofix; else the framework's request logger, else `console`, as a
 * suggestion. Also the edits a target needs besides the log call (its import, a Nest member).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findEnclosingClass, getPropertyName } from '../model/ast.js';
import { findEnclosingHandler } from '../model/handlers.js';
import { resolveLoggerStyle } from '../model/logger-styles.js';
import { type FrameworkLogger, fileLogsThrough, getFrameworkLogger } from '../model/request-context.js';
import { type LoggerStyle, getSettings } from '../core/settings.js';
import { indentUnit, lineIndent } from './edits.js';
import { importFix } from './imports.js';
import type { AddedMember, LogTarget } from './log-call.js';
import { isNameInScope, visibleVariable } from './names.js';
import { getFileLogger } from '../model/file-loggers.js';

/** `console`: the target of last resort, always a suggestion. */
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
 * The one log-target precedence every rule uses:
 * 1. the framework's request logger (`req.log`, `request.log`, `ctx.log`, a Nest class's logger)
 *    when this file already logs through it: its lines carry the request id (a module logger's
 *    would not — require-request-id reports those), and the file shows it is switched on
 *    (Fastify's `request.log` is a no-op when the instance has no logger);
 * 2. the configured logger;
 * 3. the file's own logger, when the file shows its style (model/file-loggers.ts: created here, or
 *    winston's default logger) and the name reaches `at`: the quick fix writes where the file's other
 *    logs go, in a call that keeps the error with that logger;
 * 4. the framework's request logger the file does not use yet;
 * 5. `console`.
 * A fix is an autofix only when a logger is configured (the user opted in); else a suggestion.
 */
export function chooseLogTarget(context: Context, at: TSESTree.Node, framework: FrameworkLogger | null): LogTarget {
  const configured = getLogTarget(context, at);
  const usable = framework !== null && (!framework.expression.startsWith('this.') || thisUsable(at));
  if (usable && fileLogsThrough(context, framework.expression)) {
    return { expression: framework.expression, style: framework.style, configured: getSettings(context).logger !== undefined, importKind: 'named' };
  }
  if (configured.configured) return configured;
  const own = getFileLogger(context);
  if (own && visibleVariable(context, at, own.name) === own.variable) {
    return { expression: own.name, style: own.style, configured: false, importKind: 'named', ...(own.errorKeys ? { errorKeys: own.errorKeys } : {}) };
  }
  if (usable) return { expression: framework.expression, style: framework.style, configured: false, importKind: 'named' };
  return CONSOLE_TARGET;
}


/** chooseLogTarget at `at`, looking up the enclosing request handler's framework logger itself. */
export function logTargetAt(context: Context, at: TSESTree.Node): LogTarget {
  const handler = findEnclosingHandler(context, at);
  return chooseLogTarget(context, at, handler ? getFrameworkLogger(context, handler, at) : null);
}

/** `this` is usable at `at` inside its enclosing class. */
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

/**
 * A fix that writes a log call to `target` (`edit`) together with the edits the target needs (targetSetupFixes): the
 * one way a rule's fix or suggestion includes the logger's import or Nest member.
 */
export function withTargetSetup(context: Context, target: LogTarget, edit: TSESLint.ReportFixFunction): TSESLint.ReportFixFunction {
  return (fixer) => {
    const fixes = [edit(fixer) ?? []].flat() as TSESLint.RuleFix[];
    fixes.push(...targetSetupFixes(context, fixer, target));
    return fixes;
  };
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
