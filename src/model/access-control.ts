import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findVariable, getCalleePath, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { tokenizeName } from './secrets/names.js';
import { refusesMissingCredential, typeofOperand } from './typeof-tests.js';

/**
 * What the condition that chooses a 401/403 tests:
 * - `who`: the caller — identity, role, permission, ownership, session, token, key, signature;
 * - `other`: something else — a feature flag or setting, the plan, the state of a resource,
 *   request input checked against fixed values, a blocklist, "you may not do this to yourself";
 * - `unknown`: nothing recognizable (`if (!ok)`), or no condition at all.
 */
export type GuardSubject = 'who' | 'other' | 'unknown';

/**
 * How one term of a condition reads. `weak` names a caller without saying what is checked (`req.user`);
 * `route` tests the request's path, which chooses the rule that applies but says nothing of the caller.
 */
type TermKind = 'strong' | 'weak' | 'other' | 'input' | 'route' | 'unknown';

/** A switch or a paywall among the words: in a conjunction it, not the caller, is what refuses. */
type Product = 'paywall' | 'flag';

/** Words that say a condition is about who is asking and what they may do. */
const STRONG_WORDS = new Set([
  'permission', 'permissions', 'perm', 'perms', 'permitted', 'permit',
  'role', 'roles', 'admin', 'admins', 'administrator', 'superuser', 'superadmin', 'sudo', 'staff', 'moderator',
  'owner', 'owners', 'owns', 'ownership', 'scope', 'scopes',
  'token', 'tokens', 'jwt', 'bearer', 'signature', 'signed', 'hmac', 'key', 'apikey', 'secret', 'password', 'passwd', 'otp', 'mfa', 'totp',
  'auth', 'authz', 'authn', 'authorized', 'authorised', 'authenticated', 'authorize', 'authorise', 'authorization', 'authenticate', 'authentication',
  'unauthorized', 'unauthenticated', 'login', 'logged', 'anonymous', 'guest',
  'credential', 'credentials', 'session', 'sessions', 'cookie', 'csrf', 'xsrf',
  'acl', 'acls', 'policy', 'policies', 'privilege', 'privileges', 'grant', 'granted', 'grants',
  'forbidden', 'denied',
  'claims', 'principal', 'accountability', 'identity', 'can', 'cannot', 'ability', 'abilities', 'rbac', 'access', 'verified', 'verify',
]);

/** A property saying the caller may do it (`entry.access`, `canEdit`, `hasAccess`, `allowed`). */
const GRANT = /^(?:access|has_?access|can[A-Z_]\w*|allowed|permitted)$/u;
/** Words of a plan or a licence: a paywall. */
const PAYWALL_WORDS = new Set([
  'plan', 'plans', 'tier', 'tiers', 'subscription', 'subscriptions', 'subscribed', 'paid', 'free', 'premium', 'billing',
  'quota', 'quotas', 'limit', 'limits', 'trial', 'license', 'licensed', 'licence', 'licenced', 'credits',
]);

/** Words of a feature switch. */
const FLAG_WORDS = new Set(['feature', 'features', 'flag', 'flags', 'labs', 'enabled', 'disabled', 'toggle', 'toggled']);

/** Words of a setting, a plan, a blocklist or a capacity (`clients.size >= maxConnections`): the 403 is a product decision, not access control. */
const OTHER_WORDS = new Set([...PAYWALL_WORDS, ...FLAG_WORDS, 'blocked', 'blocklist', 'blacklist', 'blacklisted', 'denylist', 'blocklisted', 'max', 'maximum', 'capacity']);

/**
 * Words of an allowlist. A list of what may be asked for (`allowedModels.includes(model)`) is a
 * setting; only a list matched against the caller (`allowedIps.has(req.ip)`) is access control.
 */
const ALLOW_WORDS = new Set(['allowed', 'allowlist', 'whitelist', 'whitelisted']);

/** Words of what identifies a caller on the network or by address, for an allowlist match. */
const CALLER_WORDS = new Set(['ip', 'ips', 'addr', 'address', 'remote', 'origin', 'referer', 'referrer', 'email', 'emails', 'domain', 'host', 'hostname', 'client', 'sender']);

/**
 * Words of the request's route: a test of the path chooses which rule applies, not who is asking.
 * In a predicate's name they outrank the auth words (`isOAuthHtmlEndpoint(req)` is a routing test).
 */
const ROUTE_WORDS = new Set(['endpoint', 'endpoints', 'route', 'routes', 'path', 'paths', 'pathname', 'url', 'urls', 'directory']);
const ROUTE_SEGMENT = /^(?:path|url|originalUrl|baseUrl|route|method|pathname)$/u;
/** Auth words that name a route's purpose rather than a check (`isLoginPath`, `isOAuthEndpoint`). */
const ROUTE_NAMING_WORDS = new Set(['auth', 'oauth', 'login', 'logout', 'signin', 'signup', 'session', 'sessions', 'authenticate', 'authentication', 'authorization', 'authorize']);

/** Words naming a caller without saying what is checked about them. */
const WEAK_WORDS = new Set(['user', 'users', 'member', 'members', 'account', 'accounts', 'caller', 'requester', 'viewer', 'actor', 'me', 'internal']);

/** Words of a resource's own state: archived, inactive, missing. */
const STATE_WORDS = new Set([
  'active', 'inactive', 'archived', 'deleted', 'published', 'draft', 'exists', 'existing', 'readonly', 'maintenance', 'setup', 'installed', 'configured',
  'connected', 'disconnected', 'initialized', 'initialised', 'managed',
]);

/** Words of objects that hold the app's settings: `config.x`, `settingsCache.get('…')`, `this.configService.get('…')`. */
const CONFIG_WORDS = new Set(['config', 'conf', 'cfg', 'configuration', 'settings', 'env', 'environment', 'flags', 'features', 'labs']);
const REQUEST_ROOT = /^(?:req|request|ctx|context|c)$/u;
const INPUT_SEGMENT = /^(?:params|query|body|sanitizedQuery|payload)$/u;
const ID_WORDS = new Set(['id', 'ids', 'uuid', 'pk', 'sub']);

interface Term {
  kind: TermKind;
  /** The last word is an id (`user.id`, `req.params.userId`). */
  isId: boolean;
  /** Read from the app's settings: its call arguments are setting keys, not tests. */
  setting?: boolean;
  product?: Product;
  /** An allowlist (`allowedModels`): access control only when matched against the caller. */
  allow?: boolean;
  /** Words that identify a caller by address (`req.ip`, `email`), for an allowlist match. */
  callerAddress?: boolean;
}

/** One test of a condition and how it reads. */
interface Test {
  kind: TermKind;
  product?: Product;
  /** The rejection needs this test to hold for a present caller fact (`req.accountability.oauth && …`). */
  presence: boolean;
}

export interface GuardOptions {
  /**
   * Request input (`req.query.uuid`, `req.body.key`) is what the caller presented to be
   * identified: true for a 401, whose only meaning is "who are you?". For a 403 it is input
   * checked against the app's rules (`typeof req.params.pk !== 'string'`).
   */
  inputIdentifiesCaller?: boolean;
  /**
   * A value whose falsiness is the innermost condition of the rejection: Koa's
   * `ctx.assert(ctx.state.user, 401)` rejects when `ctx.state.user` is falsy.
   */
  assertion?: TSESTree.Node;
  /** The rejection happens where `node` does not run (`let code = 403; if (isAdmin) code = 200`): every condition reads the other way. */
  negated?: boolean;
}

type Verdict = GuardSubject | 'route';

/**
 * What the innermost recognizable condition that leads from `region`'s body to `node` tests.
 * Conditions are read from the nearest outward; the first one that says anything decides.
 * A test of the request's path alone says nothing of the caller: the walk goes on outward, and
 * when nothing else decides, the rejection is a routing rule (`other`).
 * A `catch` stops the walk: the rejection answers whatever failed in the `try`.
 */
export function classifyRejectionGuard(context: Context, node: TSESTree.Node, region: TSESTree.Node, options: GuardOptions = {}): GuardSubject {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  let routed = false;
  if (options.assertion) {
    const verdict = classifyTest(context, options.assertion, false, options);
    if (verdict === 'route') routed = true;
    else if (verdict !== 'unknown') return verdict;
  }
  while (parent && parent !== region && !isFunctionNode(parent)) {
    let verdict: Verdict = 'unknown';
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
      verdict = classifyTest(context, parent.test, (child === parent.consequent) !== !!options.negated, options);
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      verdict = classifyTest(context, parent.left, (parent.operator === '&&') !== !!options.negated, options);
    } else if (parent.type === AST_NODE_TYPES.SwitchCase && child !== parent.test) {
      const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
      verdict = combine([atomic(context, parent.test ? [discriminant, parent.test] : [discriminant], 0, false)], options);
    } else if (parent.type === AST_NODE_TYPES.CatchClause) {
      // `try { req.body = JSON.parse(req.body) } catch { return invalidRequest(req, res) }`: a body that does not parse.
      if (onlyParses(context, parent.parent.block)) return 'other';
      return routed ? routeVerdict(context, node, region, options) : 'unknown';
    }
    if (verdict === 'route') routed = true;
    else if (verdict !== 'unknown') return verdict;
    child = parent;
    parent = parent.parent;
  }
  return routed ? routeVerdict(context, node, region, options) : 'unknown';
}

/**
 * A rejection chosen by the route alone is a routing rule, unless an early exit before it let only
 * some callers through: `if (!req.accountability?.oauth) return next(); if (!isMcpPath(req.path)) throw …`
 * refuses an OAuth session outside its endpoints — a token's scope.
 */
function routeVerdict(context: Context, node: TSESTree.Node, region: TSESTree.Node, options: GuardOptions): GuardSubject {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== region && !isFunctionNode(parent)) {
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent)) {
          if (classifyTest(context, statement.test, false, options) === 'who') return 'who';
        }
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return 'other';
}

/** A branch that leaves the function: `return`, `throw`, or a block ending in one. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && exits(last);
}

/** Calls that only turn text into a value: a failure is malformed input. */
const PARSE_CALL = /^(?:JSON\.parse|(?:\w+\.)*(?:parse|decodeURIComponent|decodeURI|atob)|Buffer\.from|URL|String|Number)$/u;

/** The try block calls nothing but parsers (`JSON.parse(req.body)`, `new URL(origin)`), at least one. */
function onlyParses(context: Context, block: TSESTree.BlockStatement): boolean {
  let calls = 0;
  let other = false;
  walkSameFunction(
    block,
    (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const path = getCalleePath(n);
        if (path !== null && PARSE_CALL.test(path)) calls += 1;
        else other = true;
      } else if (n.type === AST_NODE_TYPES.AwaitExpression) {
        other = true;
      }
      return !other;
    },
    context.sourceCode.visitorKeys,
  );
  return calls > 0 && !other;
}

/** `whenTrue`: the rejection happens when `test` is truthy. */
function classifyTest(context: Context, test: TSESTree.Node, whenTrue: boolean, options: GuardOptions): Verdict {
  return combine(collect(context, test, whenTrue, 0), options);
}

function combine(tests: readonly Test[], options: GuardOptions): Verdict {
  const kinds = tests.map((t) => t.kind);
  if (kinds.some((k) => k === 'strong' || k === 'weak' || (k === 'input' && options.inputIdentifiesCaller))) return 'who';
  if (kinds.includes('other') || kinds.includes('input')) return 'other';
  if (kinds.includes('route')) return 'route';
  return 'unknown';
}

const isCaller = (t: Test): boolean => t.kind === 'strong' || t.kind === 'weak';

/**
 * A conjunction refuses only when all of its tests hold. With a paywall among them
 * (`user.role !== OWNER && !license.isWithinUsersLimit()`), the paywall refuses and the caller
 * test only exempts someone. With a switch among them, the switch refuses when every caller
 * test is a fact the caller has (`req.accountability.oauth && !mcpOauthEnabled`: OAuth is off);
 * a caller test that fails (`!req.user && !publicApiEnabled`) still refuses the caller.
 */
function gatedByProduct(tests: readonly Test[]): Product | null {
  if (tests.some((t) => t.product === 'paywall')) return 'paywall';
  if (tests.some((t) => t.product === 'flag') && tests.every((t) => !isCaller(t) || t.presence)) return 'flag';
  return null;
}

/** Splits a condition into its tests (`!`, `&&`, `||`) and classifies each. */
function collect(context: Context, node: TSESTree.Node, whenTrue: boolean, depth: number): Test[] {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    return collect(context, n.argument, !whenTrue, depth);
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression) {
    // `info.sessionToken && typeof info.sessionToken !== 'string'`: a value present but of the wrong type.
    const typed = typeofOperand(n.right);
    if (typed && context.sourceCode.getText(skipTransparent(n.left)) === context.sourceCode.getText(typed)) {
      return [{ kind: 'input', presence: false }];
    }
    const tests = [...collect(context, n.left, whenTrue, depth), ...collect(context, n.right, whenTrue, depth)];
    const conjunctive = n.operator !== '??' && (n.operator === '&&') === whenTrue;
    const product = conjunctive ? gatedByProduct(tests) : null;
    return product ? [{ kind: 'other', product, presence: false }] : tests;
  }
  // `typeof req.body._SessionToken !== 'string'`: the shape of what was sent, whatever it is called —
  // input validation (for a 401, the caller's credential is malformed: `inputIdentifiesCaller`).
  // Unless the test also refuses a credential that is not there at all (`typeof params.access_token
  // === 'string' ? authenticate() : close(4403)`, no enclosing `if (params.access_token)`): that
  // refuses a caller who presented none.
  const typed = typeofOperand(n);
  if (typed) return [refusesMissingCredential(context, n, typed, whenTrue) ? { kind: 'strong', presence: false } : { kind: 'input', presence: false }];
  // `entry.access === true`, `if (post.canEdit)`: refused because the caller holds the grant — a product rule, not a refused caller.
  const granted = n.type === AST_NODE_TYPES.BinaryExpression && ['===', '=='].includes(n.operator) && skipTransparent(n.right).type === AST_NODE_TYPES.Literal && (n.right as TSESTree.Literal).value === true ? skipTransparent(n.left as TSESTree.Node) : n;
  if (whenTrue && granted.type === AST_NODE_TYPES.MemberExpression && GRANT.test(getPropertyName(granted) ?? '')) return [{ kind: 'other', presence: true }];
  if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)) {
    const rejectsWhenEqual = whenTrue === (n.operator === '===' || n.operator === '==');
    return [comparison(context, n.left as TSESTree.Node, n.right, rejectsWhenEqual, depth)];
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'instanceof') {
    return [caughtErrorClass(context, n.left as TSESTree.Node, n.right, depth)];
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression) {
    return [atomic(context, [n.left as TSESTree.Node, n.right], depth, false)];
  }
  return [atomic(context, [n], depth, whenTrue)];
}

/**
 * `err instanceof CredentialNotFoundError`: the class says what failed when it names the caller's
 * rights. Otherwise (`err instanceof UserError`) what the `try` called says it
 * (`validateDateFiltersLicense()`: a paywall), and a class named after a user does not name the caller.
 */
function caughtErrorClass(context: Context, value: TSESTree.Node, errorClass: TSESTree.Node, depth: number): Test {
  const cls = termsTest(terms(context, errorClass, depth), false);
  if (cls.kind === 'strong') return cls;
  const block = caughtFrom(context, value);
  if (block) {
    const called = tryCalls(context, block);
    if (called.kind !== 'unknown') return called;
  }
  return cls.kind === 'weak' ? { kind: 'unknown', presence: false } : cls;
}

/** The `try` block whose error the identifier holds (the `catch` parameter). */
function caughtFrom(context: Context, node: TSESTree.Node): TSESTree.BlockStatement | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const def = findVariable(context, n)?.defs[0];
  return def?.type === 'CatchClause' ? def.node.parent.block : null;
}

/** How the functions a `try` block calls read, by their names. */
function tryCalls(context: Context, block: TSESTree.BlockStatement): Test {
  const found: Term[] = [];
  walkSameFunction(
    block,
    (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const path = getCalleePath(n);
        if (path !== null) found.push(classifyPath(path.split('.')));
      }
    },
    context.sourceCode.visitorKeys,
  );
  const strong = found.some((t) => t.kind === 'strong');
  return termsTest(strong ? found : found.filter((t) => t.kind === 'other'), false);
}


/**
 * `resource.ownerId !== req.user.id` rejects a caller who is not the owner: access control.
 * `req.user.id === req.params.id` rejects a caller acting on themselves: a business rule.
 */
function comparison(context: Context, left: TSESTree.Node, right: TSESTree.Node, rejectsWhenEqual: boolean, depth: number): Test {
  const a = terms(context, left, depth);
  const b = terms(context, right, depth);
  const all = [...a, ...b];
  const literal = (n: TSESTree.Node): boolean => {
    const s = skipTransparent(n);
    return s.type === AST_NODE_TYPES.Literal || (s.type === AST_NODE_TYPES.Identifier && s.name === 'undefined') || s.type === AST_NODE_TYPES.TemplateLiteral;
  };
  const names = (ts: Term[]): boolean => ts.some((t) => t.kind === 'weak');
  const ids = (ts: Term[]): boolean => ts.some((t) => t.isId);
  if (!all.some((t) => t.kind === 'strong') && !literal(left) && !literal(right) && (names(a) || names(b)) && ids(a) && ids(b)) {
    return { kind: rejectsWhenEqual ? 'other' : 'strong', presence: false };
  }
  return termsTest(all, false);
}

function atomic(context: Context, nodes: readonly TSESTree.Node[], depth: number, presence: boolean): Test {
  return termsTest(nodes.flatMap((n) => terms(context, n, depth)), presence);
}

function termsTest(ts: readonly Term[], presence: boolean): Test {
  const product = ts.some((t) => t.product === 'paywall') ? 'paywall' : ts.some((t) => t.product === 'flag') ? 'flag' : undefined;
  return product ? { kind: kindOf(ts), product, presence } : { kind: kindOf(ts), presence };
}

/**
 * Within one test a setting or plan word outranks a bare caller (`member.status === 'free'`).
 * An allowlist is access control when matched against the caller, else a setting.
 */
function kindOf(ts: readonly Term[]): TermKind {
  if (ts.some((t) => t.kind === 'strong')) return 'strong';
  if (ts.some((t) => t.allow)) return ts.some((t) => t.callerAddress || t.kind === 'weak') ? 'strong' : 'other';
  if (ts.some((t) => t.kind === 'other')) return 'other';
  if (ts.some((t) => t.kind === 'input')) return 'input';
  if (ts.some((t) => t.kind === 'weak')) return 'weak';
  if (ts.some((t) => t.kind === 'route')) return 'route';
  return 'unknown';
}

/** The terms an expression reads: member chains (through calls), string literals, and what a local const holds. */
function terms(context: Context, node: TSESTree.Node, depth: number): Term[] {
  const n = skipTransparent(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
      return typeof n.value === 'string' ? [wordTerm(accessWords(tokenizeName(n.value)), false)] : [];
    case AST_NODE_TYPES.TemplateLiteral:
      return n.expressions.flatMap((e) => terms(context, e, depth));
    case AST_NODE_TYPES.UnaryExpression:
      return terms(context, n.argument, depth);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return [...terms(context, n.left as TSESTree.Node, depth), ...terms(context, n.right, depth)];
    case AST_NODE_TYPES.ConditionalExpression:
      return [...terms(context, n.test, depth), ...terms(context, n.consequent, depth), ...terms(context, n.alternate, depth)];
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ThisExpression:
      return chainTerms(context, n, depth);
    default:
      return [];
  }
}

function chainTerms(context: Context, node: TSESTree.Node, depth: number): Term[] {
  const predicate = node.type === AST_NODE_TYPES.CallExpression ? predicateTerm(node) : null;
  if (predicate) return [predicate];
  const segments: string[] = [];
  const extra: Term[] = [];
  let current: TSESTree.Node = node;
  let rootIdentifier: TSESTree.Identifier | null = null;
  for (;;) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name !== null) segments.unshift(name);
      else if (current.computed) extra.push(...terms(context, current.property, depth));
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      for (const arg of current.arguments) extra.push(...terms(context, arg, depth));
      current = current.callee;
    } else {
      break;
    }
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) segments.unshift('this');
  else if (current.type === AST_NODE_TYPES.Identifier) {
    segments.unshift(current.name);
    rootIdentifier = current;
  } else if (!isFunctionNode(current)) extra.push(...terms(context, current, depth));
  let own = classifyPath(segments);
  // `allowed(req)`, `isAllowed(user, 'edit')`: a check that is called decides about the caller it is given.
  if (own.allow && node.type === AST_NODE_TYPES.CallExpression && tokenizeName(segments[segments.length - 1] ?? '').some((w) => ALLOW_WORDS.has(w))) {
    own = { kind: 'strong', isId: own.isId };
  }
  // settingsCache.get('members_signup_access'), env['MCP_OAUTH_ENABLED']: the key names a setting.
  if (own.setting) {
    const product = own.product ?? extra.find((t) => t.product)?.product;
    return [product ? { ...own, product } : own];
  }
  if (rootIdentifier && depth < 2) {
    const variable = findVariable(context, rootIdentifier);
    // `const allowedModels = aiSettings.openaiAllowedModels`: a value read from the settings is a setting, whatever its name.
    if (variable && settingsDerived(context, variable, 0)) return [{ kind: 'other', isId: own.isId, setting: true }, ...extra];
    // `const ok = await permissions.check(user, 'edit'); if (!ok) …`: read what the const holds.
    if (own.kind === 'unknown' && segments.length === 1) {
      const init = declaredFrom(variable);
      if (init && !isFunctionNode(init)) extra.push(...terms(context, init, depth + 1));
    }
    // `const isAllowed = await strategy.canAccess(ctx, permissions); if (!isAllowed) …`: a verdict named
    // for being allowed is no allowlist; what it was computed from says what is tested.
    if (own.allow && segments.length === 1 && node === rootIdentifier && isVerdictName(rootIdentifier.name)) {
      const init = declaredFrom(variable);
      const held = init && !isFunctionNode(init) ? terms(context, init, depth + 1) : [];
      if (held.some((t) => t.kind !== 'unknown')) return held;
    }
  }
  return segments.length > 0 ? [own, ...extra] : extra;
}

/**
 * A predicate's name says what it tests, not the object that answers it:
 * `Container.get(InstanceWriteAccessService).isReadOnly()` tests a mode, `isUserManagedByEnv(user)` how an
 * account is provisioned, `isOAuthHtmlEndpoint(req)` the route. Null when the name says nothing of that.
 */
function predicateTerm(call: TSESTree.CallExpression): Term | null {
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  if (name === null) return null;
  const words = accessWords(tokenizeName(name));
  if (!/^(?:is|has|was|may|should|matches|match)$/u.test(words[0] ?? '')) {
    return routeName(words) ? { kind: 'route', isId: false } : null;
  }
  const rest = words.slice(1);
  if (routeName(rest)) return { kind: 'route', isId: false };
  if (rest.some((w) => STRONG_WORDS.has(w))) return null;
  if (rest.some((w) => OTHER_WORDS.has(w) || STATE_WORDS.has(w) || CONFIG_WORDS.has(w))) return { kind: 'other', isId: false, ...productOf(rest) };
  return null;
}

/** A yes/no verdict named for being allowed (`isAllowed`, `allowed`, `isWhitelisted`), not a list (`allowedModels`). */
const isVerdictName = (name: string): boolean => /^(?:(?:is|was|are)_?)?(?:allowed|whitelisted|allowlisted)$/iu.test(name);

/** Route words, and no auth word beyond one naming the route's purpose (`isLoginPath`, not `validUrlSignature`). */
function routeName(words: readonly string[]): boolean {
  return words.some((w) => ROUTE_WORDS.has(w)) && !words.some((w) => STRONG_WORDS.has(w) && !ROUTE_NAMING_WORDS.has(w));
}

/**
 * A local read from the app's settings alone (`aiSettings.x`, an object of such reads, an entry of
 * one): no call argument other than literals, so nothing about the request went in.
 */
function settingsDerived(context: Context, variable: TSESLint.Scope.Variable, depth: number): boolean {
  const init = declaredFrom(variable);
  return init !== null && isSettingsRead(context, init, depth);
}

function isSettingsRead(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return (
      n.properties.length > 0 &&
      n.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isSettingsRead(context, p.value as TSESTree.Node, depth))
    );
  }
  let current: TSESTree.Node = n;
  for (;;) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      if (!current.arguments.every((a) => isLiteralish(a))) return false;
      current = current.callee;
    } else {
      break;
    }
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  if (isSettingsHolder(current.name)) return true;
  if (current.name === 'process') return /^process\??\.env\b/u.test(context.sourceCode.getText(n));
  if (depth >= 2) return false;
  const variable = findVariable(context, current);
  return variable !== null && variable.defs[0]?.type === 'Variable' && settingsDerived(context, variable, depth + 1);
}

function isLiteralish(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return true;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isLiteralish(e));
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return n.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isLiteralish(p.value as TSESTree.Node));
  }
  return false;
}

/** What a single-definition const/let was declared from, destructuring included (`const { pk } = req.params`). */
function declaredFrom(variable: TSESLint.Scope.Variable | null): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  return def?.type === 'Variable' ? (def.node.init ?? null) : null;
}

/** `OAuth` is tokenized as `o` + `auth`: one word, the protocol, not a check. */
function accessWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === 'o' && next === 'auth') {
      out.push('oauth');
      i++;
    } else if (w === 'read' && next === 'only') {
      out.push('readonly');
      i++;
    } else {
      out.push(w);
    }
  }
  return out;
}

function productOf(words: readonly string[]): { product?: Product } {
  if (words.some((w) => PAYWALL_WORDS.has(w))) return { product: 'paywall' };
  if (words.some((w) => FLAG_WORDS.has(w))) return { product: 'flag' };
  return {};
}

/** Classifies one dotted path (`req.accountability.admin`, `settingsCache.get`). */
export function classifyPath(segments: readonly string[]): Term {
  const words = accessWords(segments.flatMap((s) => (s === 'this' ? [] : tokenizeName(s))));
  const isId = words.length > 0 && ID_WORDS.has(words[words.length - 1]!);
  const head = segments[0] === 'this' ? segments.slice(1) : segments;
  const root = head[0] ?? '';
  const product = productOf(words);
  // Settings outrank every word: `process.env.AUTH_OIDC_ENABLED` is a switch, not a credential.
  if (isSettingsHolder(root) || (root === 'process' && head[1] === 'env')) return { kind: 'other', isId, setting: true, ...product };
  if (words.some((w) => STRONG_WORDS.has(w))) return { kind: 'strong', isId };
  if (words.some((w) => ALLOW_WORDS.has(w))) return { kind: 'other', isId, allow: true };
  if (words.some((w) => OTHER_WORDS.has(w))) return { kind: 'other', isId, ...product };
  const inputAt = REQUEST_ROOT.test(root) ? 1 : 0;
  if (REQUEST_ROOT.test(root) && head.length === 2 && ROUTE_SEGMENT.test(head[1]!)) return { kind: 'route', isId };
  const callerAddress = words.some((w) => CALLER_WORDS.has(w));
  if (INPUT_SEGMENT.test(head[inputAt] ?? '') || (REQUEST_ROOT.test(root) && head[1] === 'request' && INPUT_SEGMENT.test(head[2] ?? ''))) {
    return { kind: 'input', isId, callerAddress };
  }
  if (words.some((w) => WEAK_WORDS.has(w))) return { kind: 'weak', isId };
  if (words.some((w) => STATE_WORDS.has(w))) return { kind: 'other', isId };
  if (/^[A-Z][A-Z0-9_]*[A-Z0-9]$/u.test(root) && head.length === 1) return { kind: 'other', isId };
  return { kind: 'unknown', isId, callerAddress };
}

/** `config`, `appConfig`, `settingsCache`, `this.configService`; not a predicate about a caller (`isUserManagedByEnv(user)`). */
function isSettingsHolder(root: string): boolean {
  const words = tokenizeName(root);
  return words.some((w) => CONFIG_WORDS.has(w)) && !/^(?:is|has|can|check|should|must|may)$/u.test(words[0] ?? '');
}

function wordTerm(words: readonly string[], isId: boolean): Term {
  if (words.some((w) => STRONG_WORDS.has(w))) return { kind: 'strong', isId };
  if (words.some((w) => OTHER_WORDS.has(w) || STATE_WORDS.has(w))) return { kind: 'other', isId, ...productOf(words) };
  if (words.some((w) => WEAK_WORDS.has(w))) return { kind: 'weak', isId };
  return { kind: 'unknown', isId };
}
