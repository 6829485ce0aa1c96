import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findVariable, getCalleePath, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { tokenizeName } from './secrets.js';

/**
 * What the condition that chooses a 401/403 tests:
 * - `who`: the caller — identity, role, permission, ownership, session, token, key, signature;
 * - `other`: something else — a feature flag or setting, the plan, the state of a resource,
 *   request input checked against fixed values, a blocklist, "you may not do this to yourself";
 * - `unknown`: nothing recognizable (`if (!ok)`), or no condition at all.
 */
export type GuardSubject = 'who' | 'other' | 'unknown';

/** How one term of a condition reads. `weak` names a caller without saying what is checked (`req.user`). */
type TermKind = 'strong' | 'weak' | 'other' | 'input' | 'unknown';

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
  'allowed', 'allowlist', 'whitelist', 'whitelisted', 'forbidden', 'denied',
  'claims', 'principal', 'accountability', 'identity', 'can', 'cannot', 'ability', 'abilities', 'rbac', 'access', 'verified', 'verify',
]);

/** Words of a setting, a plan or a blocklist: the 403 is a product decision, not access control. */
const OTHER_WORDS = new Set([
  'feature', 'features', 'flag', 'flags', 'labs', 'enabled', 'disabled', 'toggle', 'toggled',
  'plan', 'plans', 'tier', 'tiers', 'subscription', 'subscriptions', 'subscribed', 'paid', 'free', 'premium', 'billing',
  'quota', 'quotas', 'limit', 'limits', 'trial', 'license', 'licensed', 'credits',
  'blocked', 'blocklist', 'blacklist', 'blacklisted', 'denylist', 'blocklisted',
]);

/** Words naming a caller without saying what is checked about them. */
const WEAK_WORDS = new Set(['user', 'users', 'member', 'members', 'account', 'accounts', 'caller', 'requester', 'viewer', 'actor', 'me', 'internal']);

/** Words of a resource's own state: archived, inactive, missing. */
const STATE_WORDS = new Set(['active', 'inactive', 'archived', 'deleted', 'published', 'draft', 'exists', 'existing', 'readonly', 'maintenance', 'setup', 'installed', 'configured']);

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
}

export interface GuardOptions {
  /**
   * Request input (`req.query.uuid`, `req.body.key`) is what the caller presented to be
   * identified: true for a 401, whose only meaning is "who are you?". For a 403 it is input
   * checked against the app's rules (`typeof req.params.pk !== 'string'`).
   */
  inputIdentifiesCaller?: boolean;
}

/**
 * What the innermost recognizable condition that leads from `region`'s body to `node` tests.
 * Conditions are read from the nearest outward; the first one that says anything decides.
 * A `catch` stops the walk: the rejection answers whatever failed in the `try`.
 */
export function classifyRejectionGuard(context: Context, node: TSESTree.Node, region: TSESTree.Node, options: GuardOptions = {}): GuardSubject {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== region && !isFunctionNode(parent)) {
    let verdict: GuardSubject = 'unknown';
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
      verdict = classifyCondition(context, parent.test, child === parent.consequent, options);
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) {
      verdict = classifyCondition(context, parent.test, child === parent.consequent, options);
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      verdict = classifyCondition(context, parent.left, parent.operator === '&&', options);
    } else if (parent.type === AST_NODE_TYPES.SwitchCase && child !== parent.test) {
      const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
      verdict = combine([atomic(context, parent.test ? [discriminant, parent.test] : [discriminant], 0)], options);
    } else if (parent.type === AST_NODE_TYPES.CatchClause) {
      // `try { req.body = JSON.parse(req.body) } catch { return invalidRequest(req, res) }`: a body that does not parse.
      return onlyParses(context, parent.parent.block) ? 'other' : 'unknown';
    }
    if (verdict !== 'unknown') return verdict;
    child = parent;
    parent = parent.parent;
  }
  return 'unknown';
}

/** Calls that only turn text into a value: a failure is malformed input. */
const PARSE_CALL = /^(?:JSON\.parse|(?:\w+\.)*(?:parse|decodeURIComponent|decodeURI|atob)|Buffer\.from)$/u;

/** The try block calls nothing but parsers (`JSON.parse(req.body)`), at least one. */
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
export function classifyCondition(context: Context, test: TSESTree.Node, whenTrue: boolean, options: GuardOptions = {}): GuardSubject {
  const kinds: TermKind[] = [];
  collect(context, test, whenTrue, kinds, 0);
  return combine(kinds, options);
}

function combine(kinds: readonly TermKind[], options: GuardOptions): GuardSubject {
  if (kinds.some((k) => k === 'strong' || k === 'weak' || (k === 'input' && options.inputIdentifiesCaller))) return 'who';
  if (kinds.includes('other') || kinds.includes('input')) return 'other';
  return 'unknown';
}

/** Splits a condition into its tests (`!`, `&&`, `||`) and classifies each. */
function collect(context: Context, node: TSESTree.Node, whenTrue: boolean, out: TermKind[], depth: number): void {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    collect(context, n.argument, !whenTrue, out, depth);
    return;
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression) {
    // `info.sessionToken && typeof info.sessionToken !== 'string'`: a value present but of the wrong type.
    const typed = typeofOperand(n.right);
    if (typed && context.sourceCode.getText(skipTransparent(n.left)) === context.sourceCode.getText(typed)) {
      out.push('input');
      return;
    }
    collect(context, n.left, whenTrue, out, depth);
    collect(context, n.right, whenTrue, out, depth);
    return;
  }
  // `typeof req.body._SessionToken !== 'string'`: the shape of what was sent, whatever it is called —
  // input validation (for a 401, the caller's credential is malformed: `inputIdentifiesCaller`).
  if (typeofOperand(n)) {
    out.push('input');
    return;
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)) {
    const rejectsWhenEqual = whenTrue === (n.operator === '===' || n.operator === '==');
    out.push(comparison(context, n.left as TSESTree.Node, n.right, rejectsWhenEqual, depth));
    return;
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression) {
    out.push(atomic(context, [n.left as TSESTree.Node, n.right], depth));
    return;
  }
  out.push(atomic(context, [n], depth));
}

/** `typeof x !== 'string'` → `x`. */
function typeofOperand(node: TSESTree.Node): TSESTree.Node | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(n.operator)) return null;
  for (const [side, other] of [[n.left, n.right], [n.right, n.left]] as const) {
    const s = skipTransparent(side as TSESTree.Node);
    const o = skipTransparent(other as TSESTree.Node);
    if (s.type === AST_NODE_TYPES.UnaryExpression && s.operator === 'typeof' && o.type === AST_NODE_TYPES.Literal && typeof o.value === 'string') {
      return skipTransparent(s.argument);
    }
  }
  return null;
}

/**
 * `resource.ownerId !== req.user.id` rejects a caller who is not the owner: access control.
 * `req.user.id === req.params.id` rejects a caller acting on themselves: a business rule.
 */
function comparison(context: Context, left: TSESTree.Node, right: TSESTree.Node, rejectsWhenEqual: boolean, depth: number): TermKind {
  const a = terms(context, left, depth);
  const b = terms(context, right, depth);
  const all = [...a, ...b];
  if (all.some((t) => t.kind === 'strong')) return 'strong';
  const literal = (n: TSESTree.Node): boolean => {
    const s = skipTransparent(n);
    return s.type === AST_NODE_TYPES.Literal || (s.type === AST_NODE_TYPES.Identifier && s.name === 'undefined') || s.type === AST_NODE_TYPES.TemplateLiteral;
  };
  const names = (ts: Term[]): boolean => ts.some((t) => t.kind === 'weak');
  const ids = (ts: Term[]): boolean => ts.some((t) => t.isId);
  if (!literal(left) && !literal(right) && (names(a) || names(b)) && ids(a) && ids(b)) return rejectsWhenEqual ? 'other' : 'strong';
  return kindOf(all);
}

function atomic(context: Context, nodes: readonly TSESTree.Node[], depth: number): TermKind {
  return kindOf(nodes.flatMap((n) => terms(context, n, depth)));
}

/** Within one test a setting or plan word outranks a bare caller (`member.status === 'free'`). */
function kindOf(ts: readonly Term[]): TermKind {
  if (ts.some((t) => t.kind === 'strong')) return 'strong';
  if (ts.some((t) => t.kind === 'other')) return 'other';
  if (ts.some((t) => t.kind === 'input')) return 'input';
  if (ts.some((t) => t.kind === 'weak')) return 'weak';
  return 'unknown';
}

/** The terms an expression reads: member chains (through calls), string literals, and what a local const holds. */
function terms(context: Context, node: TSESTree.Node, depth: number): Term[] {
  const n = skipTransparent(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
      return typeof n.value === 'string' ? [wordTerm(tokenizeName(n.value), false)] : [];
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
  const own = classifyPath(segments);
  // settingsCache.get('members_signup_access'): the key names a setting.
  if (own.setting) return [own];
  // `const ok = await permissions.check(user, 'edit'); if (!ok) …`: read what the const holds.
  if (own.kind === 'unknown' && rootIdentifier && segments.length === 1 && depth < 2) {
    const init = declaredFrom(findVariable(context, rootIdentifier));
    if (init && !isFunctionNode(init)) extra.push(...terms(context, init, depth + 1));
  }
  return segments.length > 0 ? [own, ...extra] : extra;
}

/** What a single-definition const/let was declared from, destructuring included (`const { pk } = req.params`). */
function declaredFrom(variable: TSESLint.Scope.Variable | null): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  return def?.type === 'Variable' ? (def.node.init ?? null) : null;
}

/** Classifies one dotted path (`req.accountability.admin`, `settingsCache.get`). */
export function classifyPath(segments: readonly string[]): Term {
  const words = segments.flatMap((s) => (s === 'this' ? [] : tokenizeName(s)));
  const isId = words.length > 0 && ID_WORDS.has(words[words.length - 1]!);
  const head = segments[0] === 'this' ? segments.slice(1) : segments;
  const root = head[0] ?? '';
  // Settings outrank every word: `process.env.AUTH_OIDC_ENABLED` is a switch, not a credential.
  if (isSettingsHolder(root) || (root === 'process' && head[1] === 'env')) return { kind: 'other', isId, setting: true };
  if (words.some((w) => STRONG_WORDS.has(w))) return { kind: 'strong', isId };
  if (words.some((w) => OTHER_WORDS.has(w))) return { kind: 'other', isId };
  const inputAt = REQUEST_ROOT.test(root) ? 1 : 0;
  if (INPUT_SEGMENT.test(head[inputAt] ?? '') || (REQUEST_ROOT.test(root) && head[1] === 'request' && INPUT_SEGMENT.test(head[2] ?? ''))) {
    return { kind: 'input', isId };
  }
  if (words.some((w) => WEAK_WORDS.has(w))) return { kind: 'weak', isId };
  if (words.some((w) => STATE_WORDS.has(w))) return { kind: 'other', isId };
  if (/^[A-Z][A-Z0-9_]*[A-Z0-9]$/u.test(root) && head.length === 1) return { kind: 'other', isId };
  return { kind: 'unknown', isId };
}

/** `config`, `appConfig`, `settingsCache`, `this.configService`; not a predicate about a caller (`isUserManagedByEnv(user)`). */
function isSettingsHolder(root: string): boolean {
  const words = tokenizeName(root);
  return words.some((w) => CONFIG_WORDS.has(w)) && !/^(?:is|has|can|check|should|must|may)$/u.test(words[0] ?? '');
}

function wordTerm(words: readonly string[], isId: boolean): Term {
  if (words.some((w) => STRONG_WORDS.has(w))) return { kind: 'strong', isId };
  if (words.some((w) => OTHER_WORDS.has(w) || STATE_WORDS.has(w))) return { kind: 'other', isId };
  if (words.some((w) => WEAK_WORDS.has(w))) return { kind: 'weak', isId };
  return { kind: 'unknown', isId };
}
