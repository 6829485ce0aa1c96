/**
 * Rate limiters of the common Node.js libraries, and the option that runs the application's
 * own code when a client goes over the limit. Read from the packages' sources:
 * - express-rate-limit (v7/v8): the default `handler` sends the 429 and logs nothing;
 *   `onLimitReached` was removed in v7 (v7+ only prints a deprecation warning for it).
 * - @fastify/rate-limit: `onExceeded` / `onBanReach` default to a no-op; the 429 is thrown
 *   through `errorResponseBuilder` and Fastify's default error handler logs a 4xx at `info`.
 * - koa-ratelimit: sets `ctx.status = 429` (or `ctx.throw` with `throw: true`, an exposed
 *   error Koa does not log) and calls `onLimited(ctx)` when given.
 * - hono-rate-limiter: the default `handler` answers 429 and logs nothing.
 * - @nestjs/throttler: `ThrottlerGuard.throwThrottlingException` throws a ThrottlerException
 *   (an HttpException, which Nest's base exception filter does not log).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, calleeName, findVariable, getPropertyName, getStringValue, readOptionsArgument, resolveFunction, skipTransparent } from './ast.js';
import { getImportSource, getRequiredModule } from './modules.js';

/** A limiter package, the Nest throttler, or a 429 by number, constant or error name. */
const RATE_LIMIT_TEXT = /rate-?limit|ratelimit|throttler|429|too_?many_?requests/iu;

/**
 * Whether the file's text can hold a rate limiter or a 429 answer at all: every question of this module
 * needs one of those words, so a file without them is skipped before any listener runs.
 */
export function mayMentionRateLimits(text: string): boolean {
  return RATE_LIMIT_TEXT.test(text);
}

export type RateLimiterLibrary = 'express-rate-limit' | '@fastify/rate-limit' | 'koa-ratelimit' | 'hono-rate-limiter';

export interface RateLimiterCreation {
  library: RateLimiterLibrary;
  /** The call that creates or registers the limiter. */
  call: TSESTree.CallExpression;
  /** The options object written in the call (null: none given). */
  options: TSESTree.ObjectExpression | null;
  /** Options that cannot be read (a variable from elsewhere, a spread, a call). */
  opaque: boolean;
}

/** The options of each library that run application code when the limit is exceeded. */
export const LIMIT_HOOKS: Record<RateLimiterLibrary, readonly string[]> = {
  'express-rate-limit': ['handler'],
  '@fastify/rate-limit': ['onExceeded', 'errorResponseBuilder', 'onBanReach'],
  'koa-ratelimit': ['onLimited'],
  'hono-rate-limiter': ['handler'],
};

const FASTIFY_SOURCES = new Set(['@fastify/rate-limit', 'fastify-rate-limit']);

/** `(0, x.y)`, `x_1.default`, TypeScript wrappers: the expression that is really called. */
function unwrapCallee(node: TSESTree.Node): TSESTree.Node {
  let n = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.SequenceExpression) n = skipTransparent(n.expressions[n.expressions.length - 1]!);
  return n;
}

/** `require('m')`, `__importDefault(require('m'))`, `__importStar(require('m'))`, `import('m')`. */
function moduleOfExpression(node: TSESTree.Node): string | null {
  const n = unwrapCallee(node);
  const required = getRequiredModule(n);
  if (required !== null) return required;
  if (n.type === AST_NODE_TYPES.ImportExpression) return getStringValue(n.source);
  if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && /^__import(?:Default|Star)$/u.test(n.callee.name) && n.arguments[0]) {
    return getRequiredModule(skipTransparent(n.arguments[0]));
  }
  return null;
}

/** The module and export a name or member stands for: `rateLimit` → express-rate-limit's default. */
export function moduleExportOf(context: Context, node: TSESTree.Node): { source: string; name: string } | null {
  const n = unwrapCallee(node);
  const direct = moduleOfExpression(n);
  if (direct !== null) return { source: direct, name: 'default' };
  if (n.type === AST_NODE_TYPES.Identifier) {
    const binding = getImportSource(context, n);
    if (binding) return { source: binding.source, name: binding.imported === '*' ? 'default' : binding.imported };
    // const x_1 = __importDefault(require('m'))
    const variable = findVariable(context, n);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      const source = moduleOfExpression(def.node.init);
      if (source !== null) return { source, name: 'default' };
    }
    return null;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const member = getPropertyName(n);
    if (member === null) return null;
    const object = unwrapCallee(n.object);
    const fromObject = moduleOfExpression(object);
    if (fromObject !== null) return { source: fromObject, name: member };
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const outer = moduleExportOf(context, object);
    if (!outer) return null;
    // `rateLimit.rateLimit` / `x_1.default` / `x_1.rateLimit`: a named export of the module object
    return outer.name === 'default' || outer.name === '*' ? { source: outer.source, name: member } : null;
  }
  return null;
}


/** The rate limiter a call creates (or registers, for Fastify), or null. */
export function getRateLimiterCreation(context: Context, call: TSESTree.CallExpression): RateLimiterCreation | null {
  const callee = unwrapCallee(call.callee);
  // fastify.register(rateLimit, { … }) / app.register(import('@fastify/rate-limit'), { … })
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'register' && call.arguments[0]) {
    const plugin = moduleExportOf(context, call.arguments[0]);
    if (!plugin || !FASTIFY_SOURCES.has(plugin.source) || (plugin.name !== 'default' && plugin.name !== 'fastifyRateLimit')) return null;
    return { library: '@fastify/rate-limit', call, ...readOptionsArgument(context, call.arguments[1], true) };
  }
  const from = moduleExportOf(context, callee);
  if (!from) return null;
  let library: RateLimiterLibrary | null = null;
  if (from.source === 'express-rate-limit' && (from.name === 'default' || from.name === 'rateLimit')) library = 'express-rate-limit';
  else if (from.source === 'koa-ratelimit' && from.name === 'default') library = 'koa-ratelimit';
  else if (from.source === 'hono-rate-limiter' && from.name === 'rateLimiter') library = 'hono-rate-limiter';
  if (!library) return null;
  return { library, call, ...readOptionsArgument(context, call.arguments[0], true) };
}

/** A property of an object literal by its static key. */
export function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  for (const p of object.properties) {
    if (p.type === AST_NODE_TYPES.Property && !p.computed && getPropertyName(p) === name) return p;
    if (p.type === AST_NODE_TYPES.Property && p.computed && getStringValue(p.key) === name) return p;
  }
  return null;
}

/** Whether `node` names `ThrottlerGuard` from @nestjs/throttler. */
export function isThrottlerGuard(context: Context, node: TSESTree.Node): boolean {
  const from = moduleExportOf(context, node);
  return from !== null && from.source === '@nestjs/throttler' && from.name === 'ThrottlerGuard';
}

/** The limit a limiter's options write as a number literal (the first of `names` present: `limit`, `max`), as text; null otherwise. */
export function readLimit(opts: TSESTree.ObjectExpression | null, names: readonly string[]): string | null {
  if (!opts) return null;
  for (const name of names) {
    const p = property(opts, name);
    if (!p) continue;
    const v = skipTransparent(p.value as TSESTree.Node);
    return v.type === AST_NODE_TYPES.Literal && typeof v.value === 'number' ? String(v.value) : null;
  }
  return null;
}

/** A function written inline as a limiter's hook option (`handler: (req, res) => …`, `onExceeded() {…}`). */
export function isLimiterHookFunction(fn: AnyFunction): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== fn) return false;
  const name = getPropertyName(parent);
  return name !== null && Object.values(LIMIT_HOOKS).some((hooks) => hooks.includes(name));
}

/**
 * `if (upstream.status === 429) return res.status(429).json(…)`: `node` answers 429 on a branch
 * that tests another response's status for 429 — a proxy passing on another service's
 * throttling, not this server's limiter. `region`: the function to search up to.
 */
export function relaysUpstream429(node: TSESTree.Node, region: AnyFunction): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== region) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test && tests429(parent.test)) return true;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** `x.status === 429`, `429 !== res.statusCode`, either side of `||` / `&&`. */
function tests429(test: TSESTree.Node): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.LogicalExpression) return tests429(t.left) || tests429(t.right);
  if (t.type !== AST_NODE_TYPES.BinaryExpression || !/^[!=]==?$/u.test(t.operator)) return false;
  const sides = [skipTransparent(t.left as TSESTree.Node), skipTransparent(t.right)];
  const literal = sides.some((side) => side.type === AST_NODE_TYPES.Literal && side.value === 429);
  const status = sides.some((side) => side.type === AST_NODE_TYPES.MemberExpression && /^(?:status|statusCode|code)$/u.test(getPropertyName(side) ?? ''));
  return literal && status;
}

/**
 * Whether an identifier puts the stock `ThrottlerGuard` (from @nestjs/throttler) to use:
 * `{ provide: APP_GUARD, useClass: ThrottlerGuard }`, `@UseGuards(ThrottlerGuard)`,
 * `app.useGlobalGuards(new ThrottlerGuard(…))`.
 */
export function isThrottlerGuardUse(context: Context, node: TSESTree.Identifier): boolean {
  if (!node.name.includes('Throttler')) return false;
  const parent = node.parent;
  const used =
    (parent?.type === AST_NODE_TYPES.Property && parent.value === node && getPropertyName(parent) === 'useClass') ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node) && /^(?:UseGuards|useGlobalGuards)$/u.test(calleeName(parent) ?? '')) ||
    (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === node && parent.parent?.type === AST_NODE_TYPES.CallExpression && calleeName(parent.parent) === 'useGlobalGuards');
  return used && /Throttler/u.test(node.name) && isThrottlerGuard(context, node);
}

/**
 * The limit hooks a limiter's options set (`handler`, `onLimitReached`, `errorResponseBuilder`, …),
 * resolved to their functions in the order of the library's hook list. `opaque`: a hook is a value
 * defined elsewhere (the hooks before it are still listed).
 */
export function getLimiterHooks(context: Context, creation: RateLimiterCreation): { hooks: { prop: TSESTree.Property; fn: AnyFunction }[]; opaque: boolean } {
  const opts = creation.options;
  const present = opts ? LIMIT_HOOKS[creation.library].map((h) => property(opts, h)).filter((p): p is TSESTree.Property => p !== null) : [];
  const hooks: { prop: TSESTree.Property; fn: AnyFunction }[] = [];
  for (const prop of present) {
    const value = prop.kind === 'init' && prop.method ? (prop.value as AnyFunction) : prop.value;
    const fn = resolveFunction(context, value as TSESTree.Node);
    if (!fn) return { hooks, opaque: true };
    hooks.push({ prop, fn });
  }
  return { hooks, opaque: false };
}

/** A ThrottlerGuard subclass's own `throwThrottlingException` (the hook where a violation can be logged), else null. */
export function throttlingExceptionOverride(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.MethodDefinition | null {
  return node.body.body.find((m): m is TSESTree.MethodDefinition => m.type === AST_NODE_TYPES.MethodDefinition && getPropertyName(m) === 'throwThrottlingException') ?? null;
}
