/**
 * Is this a NestJS class (provider, controller, guard, filter, strategy, resolver), and which
 * handler is this method of one: a `@Controller` route, a resolver field, `canActivate`,
 * `handleRequest`, a `@Catch` filter's `catch`, `intercept`, a Passport strategy's `validate`?
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getCalleePath, getMemberPath, getPropertyName, getStringValue, lastSegment, skipTransparent } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { envComparisonMeansDevelopment } from './environment.js';
import { classDecorators, hasDecoratorNamed, methodDecorators, parameterDecorators } from './decorators.js';
import { paramId, paramTypeName } from './handler-params.js';
import type { HandlerInfo } from './handlers.js';

const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search', 'Sse']);
const NEST_RESOLVER_DECORATORS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField']);

const nestImportCache = fileCache<boolean>();

/** The call a class extends, by callee name: `AuthGuard('jwt')` → 'AuthGuard', `PassportStrategy(Strategy)` → 'PassportStrategy'. */
function superCallName(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | null {
  const sup = cls.superClass ? skipTransparent(cls.superClass) : null;
  if (!sup) return null;
  if (sup.type === AST_NODE_TYPES.CallExpression) {
    const path = getMemberPath(sup.callee);
    return path === null ? null : lastSegment(path);
  }
  const path = getMemberPath(sup);
  return path === null ? null : lastSegment(path);
}

/** The file imports or requires an `@nestjs/*` package. Cached per file. */
function fileImportsNest(context: Context): boolean {
  const program = context.sourceCode.ast;
  return perFile(nestImportCache, context.sourceCode, () => program.body.some(
    (s) =>
      (s.type === AST_NODE_TYPES.ImportDeclaration && /^@nestjs\//u.test(s.source.value)) ||
      (s.type === AST_NODE_TYPES.VariableDeclaration && /require\(\s*['"]@nestjs\//u.test(context.sourceCode.getText(s))),
  ));
}

const NEST_CLASS_DECORATORS = new Set(['Injectable', 'Controller', 'Catch', 'Resolver', 'WebSocketGateway']);

/**
 * A NestJS provider, controller, guard, filter or resolver as TypeScript compiles it: `let AuthService = class AuthService {…}`
 * with `AuthService = __decorate([(0, common_1.Injectable)()], AuthService)` in a file that requires `@nestjs/*`.
 */
export function isCompiledNestClass(context: Context, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  return fileImportsNest(context) && (cls.decorators ?? []).length === 0 && hasDecoratorNamed(classDecorators(cls), NEST_CLASS_DECORATORS);
}

/** `node` sits in a NestJS class compiled to JavaScript (isCompiledNestClass). */
export function isInCompiledNestClass(context: Context, node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return isCompiledNestClass(context, current);
  }
  return false;
}

/** Whether a class is a NestJS provider, controller, guard, filter, strategy or resolver. */
export function isNestClass(context: Context, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  if (hasDecoratorNamed((cls.decorators ?? []).map((d) => d.expression), NEST_CLASS_DECORATORS)) return true;
  const sup = superCallName(cls);
  if (sup === 'AuthGuard' || sup === 'PassportStrategy') return true;
  return fileImportsNest(context) && (cls.implements ?? []).length > 0;
}

/** `node` sits in a NestJS class (the nearest enclosing class is a provider, controller, guard, …). */
export function isInNestClass(context: Context, node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return isNestClass(context, current);
  }
  return false;
}

/** `const request = context.switchToHttp().getRequest()` at the top of a guard or filter body. */
function findLocalFromCall(fn: AnyFunction, methods: readonly string[]): TSESTree.Identifier | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const init = skipTransparent(declarator.init);
      if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      if (methods.includes(getPropertyName(init.callee) ?? '')) return declarator.id;
    }
  }
  return undefined;
}

/** The parameter decorated with one of `names` (`@Req() req`, also compiled: `__param(0, (0, common_1.Req)())`), if any. */
function decoratedParam(fn: AnyFunction, names: ReadonlySet<string>): TSESTree.Identifier | undefined {
  for (const [index, param] of fn.params.entries()) {
    const id = paramId(param);
    if (id && hasDecoratorNamed(parameterDecorators(fn, index), names)) return id;
  }
  return undefined;
}

/** Methods Nest calls by name on a guard, filter, interceptor or strategy (the branches of nestHandler after the decorated ones). */
const NEST_ROLE_METHODS = new Set(['canActivate', 'handleRequest', 'catch', 'intercept', 'validate']);

/**
 * The NestJS handler a class method is (route, resolver, guard, filter, interceptor, strategy), or null.
 * Read lazily, cheapest first: a route or resolver method carries a decorator (its own or compiled), any
 * other handler has one of NEST_ROLE_METHODS' names, so a plain method costs its name and its decorator list.
 */
export function nestHandler(context: Context, fn: AnyFunction): HandlerInfo | null {
  const method = fn.parent;
  if (fn.type !== AST_NODE_TYPES.FunctionExpression || method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) return null;
  const cls = method.parent.parent;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return null;
  const name = getPropertyName(method);
  const roleMethod = name !== null && NEST_ROLE_METHODS.has(name);
  const ofMethod = methodDecorators(method);
  if (!roleMethod && ofMethod.length === 0) return null;
  const base = { fn, framework: 'nest' as const, via: 'nest' as const };
  const ofClass = classDecorators(cls);
  if (hasDecoratorNamed(ofClass, 'Controller') && hasDecoratorNamed(ofMethod, NEST_ROUTE_DECORATORS)) {
    const req = decoratedParam(fn, new Set(['Req', 'Request']));
    const res = decoratedParam(fn, new Set(['Res', 'Response']));
    return { ...base, kind: 'route', ...(req ? { req } : {}), ...(res ? { res } : {}) };
  }
  if (hasDecoratorNamed(ofClass, 'Resolver') && hasDecoratorNamed(ofMethod, NEST_RESOLVER_DECORATORS)) {
    return { ...base, kind: 'resolver' };
  }
  if (!roleMethod) return null;
  const firstType = paramTypeName(fn.params[0]);
  const nestContext = fileImportsNest(context) || firstType === 'ExecutionContext' || firstType === 'ArgumentsHost';
  const sup = superCallName(cls);
  // canActivate(context: ExecutionContext); Angular's route guards take (route, state).
  if (name === 'canActivate' && fn.params.length <= 1 && (nestContext || sup === 'AuthGuard')) {
    const ctx = paramId(fn.params[0]);
    const req = findLocalFromCall(fn, ['getRequest']);
    return { ...base, kind: 'guard', ...(ctx ? { ctx } : {}), ...(req ? { req } : {}) };
  }
  if (name === 'handleRequest' && sup === 'AuthGuard') {
    return { ...base, kind: 'guard', ...(paramId(fn.params[0]) ? { error: paramId(fn.params[0])! } : {}) };
  }
  if (name === 'catch' && hasDecoratorNamed(ofClass, 'Catch')) {
    const error = paramId(fn.params[0]);
    const ctx = paramId(fn.params[1]);
    const res = findLocalFromCall(fn, ['getResponse']);
    const req = findLocalFromCall(fn, ['getRequest']);
    return { ...base, kind: 'filter', ...(error ? { error } : {}), ...(ctx ? { ctx } : {}), ...(res ? { res } : {}), ...(req ? { req } : {}) };
  }
  if (name === 'intercept' && nestContext && fn.params.length === 2) {
    const ctx = paramId(fn.params[0]);
    return { ...base, kind: 'interceptor', ...(ctx ? { ctx } : {}) };
  }
  if (name === 'validate' && sup === 'PassportStrategy') {
    return { ...base, kind: 'strategy' };
  }
  return null;
}

/** `app.useLogger(…)`, `Logger.overrideLogger(…)`: the file installs Nest's logger after creating the app. */
const INSTALLS_NEST_LOGGER = /\.\s*(?:useLogger|overrideLogger)\s*\(/u;

/** A `logger` option value that silences error logs: `false`, or a level list without `'error'` (`[]`, `['warn']`). */
function silencesErrors(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === false;
  if (value.type !== AST_NODE_TYPES.ArrayExpression) return false;
  const levels = value.elements.map((e) => (e && e.type !== AST_NODE_TYPES.SpreadElement ? getStringValue(e) : null));
  return levels.every((level) => level !== null) && !levels.includes('error');
}

/**
 * `NestFactory.create(AppModule, adapter, { logger: debug ? new Logger() : false })`: the `logger`
 * property that turns Nest's logger off for an HTTP application (also on one side of a conditional,
 * or a level list without `'error'`). Nest's built-in exceptions handler logs an unexpected error
 * through that logger before answering 500, so then nothing records it. Null when the file installs
 * a logger later (`app.useLogger(…)`, `Logger.overrideLogger(…)`) or the logger is off only outside
 * production (`NODE_ENV === 'test' ? false : undefined`).
 */
export function disabledNestLogger(context: Context, call: TSESTree.CallExpression): TSESTree.Property | null {
  const callee = skipTransparent(call.callee);
  if (call.arguments.length < 2 || callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'create') return null;
  const path = getCalleePath(call);
  if (path === null || !path.endsWith('NestFactory.create')) return null;
  const options = skipTransparent(call.arguments.at(-1)!);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const property = options.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && getPropertyName(p) === 'logger',
  );
  if (!property || INSTALLS_NEST_LOGGER.test(context.sourceCode.text)) return null;
  const value = skipTransparent(property.value);
  if (value.type !== AST_NODE_TYPES.ConditionalExpression) return silencesErrors(value) ? property : null;
  for (const [branch, holds] of [[value.consequent, true], [value.alternate, false]] as const) {
    if (!silencesErrors(branch)) continue;
    const test = skipTransparent(value.test);
    if (test.type === AST_NODE_TYPES.BinaryExpression && envComparisonMeansDevelopment(test, holds) === true) continue;
    return property;
  }
  return null;
}
