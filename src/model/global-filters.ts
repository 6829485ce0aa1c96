/**
 * Does the linted file's NestJS application record what its guards, controllers and services throw? A filter
 * registered for the whole application — `app.useGlobalFilters(new AllExceptionsFilter())` where it boots, or a
 * module's provider `{ provide: APP_FILTER, useClass: AllExceptionsFilter }` — receives every exception thrown
 * while Nest handles an HTTP request: `throw new ForbiddenException()` in a service a controller calls reaches it.
 * When the filter's `catch` logs at warn or above, under no condition that rules the error out and for the
 * exceptions its `@Catch(…)` names (error-handler-audit.ts reads both), the refusal is recorded there.
 *
 * Read from the file system as process-handlers.ts reads an application: the files its entry points reach through
 * relative specifiers, bounded, of which only those mentioning `useGlobalFilters` or `APP_FILTER` are parsed. The
 * filter class is read where the registration names it: a class of that file, or the one a relative module exports
 * under the imported name (`import { AllExceptionsFilter } from './common/filters/all-exceptions.filter'`,
 * `const f_1 = require("./common/filters/all-exceptions.filter"); new f_1.AllExceptionsFilter()`). A filter built
 * any other way (a factory, a variable, a package, a re-export), registered under a condition (`if
 * (config.logExceptions) app.useGlobalFilters(…)`) or whose `@Catch(…)` cannot be read counts for nothing. Gateways and microservice handlers have their own filters: a throw in a `@WebSocketGateway` class is
 * not asked about. Never throws.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, propertyValue, getMemberPath, getPropertyName, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { classDecorators, hasDecoratorNamed } from './decorators.js';
import { type ErrorHandlerAudit, auditLogsError, getErrorHandlerAudit } from './error-handler-audit.js';
import { isCompiledNestClass, isNestClass } from './nest.js';
import { type ProjectModule, moduleImportOf, parseProjectFile } from './project-files.js';
import { type Stamp, readApplicationFile, resolveRelative, searchApplication, walkApplication } from './process-handlers.js';

/** A registered global filter's audit, with the context of the module that declares it. */
export interface GlobalFilterAudit {
  context: Context;
  audit: ErrorHandlerAudit;
}

const GATE = /useGlobalFilters|APP_FILTER/u;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * An error thrown at `node` (named `errorName`, with `status`) inside a NestJS class that handles HTTP requests
 * is logged at warn or above by a filter the application registers globally in another file (or this one).
 */
export function globalFilterLogs(context: Context, node: TSESTree.Node, errorName: string | null, status: number): boolean {
  const cls = enclosingClass(node);
  if (!cls || !(isNestClass(context, cls) || isCompiledNestClass(context, cls))) return false;
  if (hasDecoratorNamed(classDecorators(cls), 'WebSocketGateway')) return false;
  return applicationFilterAudits(context).some((g) => auditLogsError(g.context, g.audit, errorName, status));
}

/** The audits of the filters the linted file's application registers globally (cached per application). */
export function applicationFilterAudits(context: Context): readonly GlobalFilterAudit[] {
  return searchApplication(context, 'global-filters', (starts, read) => collectAudits(context, starts, read)) ?? [];
}

function enclosingClass(node: TSESTree.Node): ClassNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return null;
}

function collectAudits(context: Context, starts: readonly string[], read: Stamp[]): GlobalFilterAudit[] {
  const audits: GlobalFilterAudit[] = [];
  walkApplication(starts, read, GATE, (file, text) => {
    const module = parseProjectFile(context, text);
    if (module === null) return false;
    for (const ref of registeredFilterClasses(module)) {
      const found = resolveClass(context, module, file, ref, read);
      const fn = found ? catchMethod(found.cls) : null;
      const audit = found && fn ? getErrorHandlerAudit(found.module.context, fn) : null;
      if (audit && found) audits.push({ context: found.module.context, audit });
    }
    return false;
  });
  return audits;
}

/** The class expressions a module registers as global filters: `x.useGlobalFilters(new A(), new B(h))`, `{ provide: APP_FILTER, useClass: A }`. */
export function registeredFilterClasses(module: ProjectModule): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visitorKeys = module.context.sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [module.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node.callee) === 'useGlobalFilters' && !isConditional(node)) {
      for (const arg of node.arguments) {
        const a = skipTransparent(arg);
        if (a.type === AST_NODE_TYPES.NewExpression) found.push(skipTransparent(a.callee));
      }
    } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const provide = propertyValue(node, 'provide');
      const path = provide ? getMemberPath(skipTransparent(provide)) : null;
      const useClass = propertyValue(node, 'useClass');
      if (path !== null && lastSegment(path) === 'APP_FILTER' && useClass) found.push(skipTransparent(useClass));
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string') stack.push(c as TSESTree.Node);
      }
    }
  }
  return found;
}

/**
 * `if (config.logExceptions) app.useGlobalFilters(…)`, `flag && app.useGlobalFilters(…)`: registered only under a
 * condition of its function (a setting, the environment), so not known to be registered.
 */
function isConditional(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) return true;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) return true;
    if (parent.type === AST_NODE_TYPES.SwitchCase || parent.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/** The class a registration names: declared in `module`, or exported under the imported name by the relative module it comes from. */
function resolveClass(context: Context, module: ProjectModule, file: string, ref: TSESTree.Node, read: Stamp[]): { module: ProjectModule; cls: ClassNode } | null {
  let imported: { name: string; source: string } | null = null;
  if (ref.type === AST_NODE_TYPES.Identifier) {
    const own = declaredClass(module, ref.name);
    if (own) return { module, cls: own };
    const binding = moduleImportOf(module.ast, ref.name);
    imported = binding && binding.imported !== '*' && binding.imported !== 'default' ? { name: binding.imported, source: binding.source } : null;
  } else if (ref.type === AST_NODE_TYPES.MemberExpression && !ref.computed) {
    // `new all_exceptions_filter_1.AllExceptionsFilter()`: a namespace the module required.
    const object = skipTransparent(ref.object);
    const name = getPropertyName(ref);
    const binding = object.type === AST_NODE_TYPES.Identifier ? moduleImportOf(module.ast, object.name) : null;
    const source = binding?.imported === '*' ? binding.source : null;
    if (name !== null && source !== null) imported = { name, source };
  }
  if (imported === null) return null;
  const target = resolveRelative(file, imported.source);
  const text = target === null ? null : readApplicationFile(target, read);
  const other = text === null ? null : parseProjectFile(context, text);
  const cls = other ? declaredClass(other, imported.name) : null;
  return other && cls ? { module: other, cls } : null;
}

/** A module-level class bound to `name`: `class A {}`, `let A = class A {}`, `let A = A_1 = class A {}`. */
function declaredClass(module: ProjectModule, name: string): ClassNode | null {
  const binding = module.bindings.get(name);
  if (!binding) return null;
  if (binding.type === AST_NODE_TYPES.ClassDeclaration) return binding;
  if (binding.type !== AST_NODE_TYPES.VariableDeclarator || !binding.init) return null;
  let value: TSESTree.Node = skipTransparent(binding.init);
  while (value.type === AST_NODE_TYPES.AssignmentExpression) value = skipTransparent(value.right);
  return value.type === AST_NODE_TYPES.ClassExpression ? value : null;
}

/** The instance `catch(exception, host)` method of a filter class. */
function catchMethod(cls: ClassNode): TSESTree.FunctionExpression | null {
  for (const member of cls.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static && member.kind === 'method' && getPropertyName(member) === 'catch' && member.value.type === AST_NODE_TYPES.FunctionExpression) {
      return member.value;
    }
  }
  return null;
}
