import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getPropertyName, skipTransparent } from './ast.js';
import { tokenizeName } from './secrets/names.js';

/**
 * How the words of a condition read for an access decision: one dotted path (`req.accountability.admin`,
 * `settingsCache.get`), a predicate's name (`isReadOnly()`), a string. The vocabulary `access-control.ts`
 * classifies a 401/403's condition with.
 */

/**
 * How one term of a condition reads. `weak` names a caller without saying what is checked (`req.user`);
 * `route` tests the request's path, which chooses the rule that applies but says nothing of the caller.
 */
export type TermKind = 'strong' | 'weak' | 'other' | 'input' | 'route' | 'unknown';

/** A switch or a paywall among the words: in a conjunction it, not the caller, is what refuses. */
export type Product = 'paywall' | 'flag';

/** Words that say a condition is about who is asking and what they may do. */
export const STRONG_WORDS = new Set([
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
export const GRANT = /^(?:access|has_?access|can[A-Z_]\w*|allowed|permitted)$/u;
/**
 * Words naming what the customer bought (a plan, a licence, its seats): in a predicate's name they outrank
 * the auth words, whose subject they qualify (`hasAdminSeatsAvailable()` counts licensed admin seats,
 * `hasPremiumAccess()` asks for a plan). Not `limit` / `quota` / `free`, also said of attempts and lockouts.
 */
const LICENCE_WORDS = new Set(['plan', 'plans', 'tier', 'tiers', 'subscription', 'subscriptions', 'billing', 'premium', 'license', 'licensed', 'licence', 'licenced', 'seat', 'seats']);

/** Words of a plan or a licence: a paywall. */
const PAYWALL_WORDS = new Set([...LICENCE_WORDS, 'subscribed', 'paid', 'free', 'quota', 'quotas', 'limit', 'limits', 'trial', 'credits']);

/** Words of a feature switch. */
const FLAG_WORDS = new Set(['feature', 'features', 'flag', 'flags', 'labs', 'enabled', 'disabled', 'toggle', 'toggled']);

/** Words of a setting, a plan, a blocklist or a capacity (`clients.size >= maxConnections`): the 403 is a product decision, not access control. */
export const OTHER_WORDS = new Set([...PAYWALL_WORDS, ...FLAG_WORDS, 'blocked', 'blocklist', 'blacklist', 'blacklisted', 'denylist', 'blocklisted', 'max', 'maximum', 'capacity']);

/**
 * Words of an allowlist. A list of what may be asked for (`allowedModels.includes(model)`) is a
 * setting; only a list matched against the caller (`allowedIps.has(req.ip)`) is access control.
 */
export const ALLOW_WORDS = new Set(['allowed', 'allowlist', 'whitelist', 'whitelisted']);

/** A list of callers by address (`origins`, `ips`, `hosts`): in the settings, an allowlist. */
const CALLER_LISTS = new Set(['origins', 'ips', 'addresses', 'hosts', 'hostnames', 'domains', 'emails', 'referers', 'referrers', 'clients', 'senders']);

/** Words of what identifies a caller on the network or by address, for an allowlist match. */
const CALLER_WORDS = new Set(['ip', 'ips', 'addr', 'address', 'remote', 'origin', 'referer', 'referrer', 'email', 'emails', 'domain', 'host', 'hostname', 'client', 'sender']);

/**
 * Words of the request's route: a test of the path chooses which rule applies, not who is asking.
 * In a predicate's name they outrank the auth words (`isOAuthHtmlEndpoint(req)` is a routing test).
 */
export const ROUTE_WORDS = new Set(['endpoint', 'endpoints', 'route', 'routes', 'path', 'paths', 'pathname', 'url', 'urls', 'directory']);
const ROUTE_SEGMENT = /^(?:path|url|originalUrl|baseUrl|route|method|pathname)$/u;
/** Auth words that name a route's purpose rather than a check (`isLoginPath`, `isOAuthEndpoint`). */
const ROUTE_NAMING_WORDS = new Set(['auth', 'oauth', 'login', 'logout', 'signin', 'signup', 'session', 'sessions', 'authenticate', 'authentication', 'authorization', 'authorize']);

/** Words naming a caller without saying what is checked about them. */
const WEAK_WORDS = new Set(['user', 'users', 'member', 'members', 'account', 'accounts', 'caller', 'requester', 'viewer', 'actor', 'me', 'internal']);

/** Words of a resource's own state: archived, inactive, missing. */
export const STATE_WORDS = new Set([
  'active', 'inactive', 'archived', 'deleted', 'published', 'draft', 'exists', 'existing', 'readonly', 'maintenance', 'setup', 'installed', 'configured',
  'connected', 'disconnected', 'initialized', 'initialised', 'managed',
]);

/** Words of objects that hold the app's settings: `config.x`, `settingsCache.get('…')`, `this.configService.get('…')`. */
export const CONFIG_WORDS = new Set(['config', 'conf', 'cfg', 'configuration', 'settings', 'options', 'opts', 'env', 'environment', 'flags', 'features', 'labs']);
const REQUEST_ROOT = /^(?:req|request|ctx|context|c)$/u;
const INPUT_SEGMENT = /^(?:params|query|body|sanitizedQuery|payload)$/u;
/** The request's transport: whether it came over TLS. */
const TRANSPORT_SEGMENT = /^(?:secure|protocol|encrypted)$/u;
const ID_WORDS = new Set(['id', 'ids', 'uuid', 'pk', 'sub']);

export interface Term {
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


/**
 * A predicate's name says what it tests, not the object that answers it:
 * `Container.get(InstanceWriteAccessService).isReadOnly()` tests a mode, `isUserManagedByEnv(user)` how an
 * account is provisioned, `isOAuthHtmlEndpoint(req)` the route, `identityManager.isCloud()` how the app is deployed. Null when the name says nothing of that.
 */
export function predicateTerm(call: TSESTree.CallExpression): Term | null {
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  if (name === null) return null;
  const words = accessWords(tokenizeName(name));
  if (!/^(?:is|has|was|may|should|matches|match)$/u.test(words[0] ?? '')) {
    return routeName(words) ? { kind: 'route', isId: false } : null;
  }
  const rest = words.slice(1);
  if (routeName(rest)) return { kind: 'route', isId: false };
  if (rest.some((w) => LICENCE_WORDS.has(w))) return { kind: 'other', isId: false, product: 'paywall' };
  if (rest.some((w) => STRONG_WORDS.has(w))) return null;
  if (rest.some((w) => OTHER_WORDS.has(w) || STATE_WORDS.has(w) || CONFIG_WORDS.has(w))) return { kind: 'other', isId: false, ...productOf(rest) };
  // `identityManager.isCloud()`, `isSelfHosted()`: how the app is deployed, a switch of the installation.
  if (rest.length > 0 && rest.every((w) => DEPLOYMENT_WORDS.has(w))) return { kind: 'other', isId: false, product: 'flag' };
  return null;
}

/** Words of how the app is deployed (`isCloud`, `isSelfHosted`, `isSaas`, `isDemo`). */
const DEPLOYMENT_WORDS = new Set(['cloud', 'self', 'hosted', 'selfhosted', 'saas', 'demo', 'deployment', 'on', 'prem', 'premise', 'premises', 'onprem']);

/** A yes/no verdict named for being allowed (`isAllowed`, `allowed`, `isWhitelisted`), not a list (`allowedModels`). */
export const isVerdictName = (name: string): boolean => /^(?:(?:is|was|are)_?)?(?:allowed|whitelisted|allowlisted)$/iu.test(name);

/** Route words, and no auth word beyond one naming the route's purpose (`isLoginPath`, not `validUrlSignature`). */
export function routeName(words: readonly string[]): boolean {
  return words.some((w) => ROUTE_WORDS.has(w)) && !words.some((w) => STRONG_WORDS.has(w) && !ROUTE_NAMING_WORDS.has(w));
}

/** `OAuth` is tokenized as `o` + `auth`: one word, the protocol, not a check. */
export function accessWords(words: readonly string[]): string[] {
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

export function productOf(words: readonly string[]): { product?: Product } {
  if (words.some((w) => PAYWALL_WORDS.has(w))) return { product: 'paywall' };
  if (words.some((w) => FLAG_WORDS.has(w))) return { product: 'flag' };
  return {};
}

/** Classifies one dotted path (`req.accountability.admin`, `settingsCache.get`). */
export function classifyPath(segments: readonly string[]): Term {
  // `req.headers['access-control-request-method']`: the CORS header's name is no access word.
  const corsHeader = segments.some(isClientHeaderName);
  const words = accessWords(segments.flatMap((s) => (s === 'this' || isClientHeaderName(s) ? [] : tokenizeName(s))));
  const isId = words.length > 0 && ID_WORDS.has(words[words.length - 1]!);
  const head = segments[0] === 'this' ? segments.slice(1) : segments;
  const root = head[0] ?? '';
  const product = productOf(words);
  // Settings outrank every word: `process.env.AUTH_OIDC_ENABLED` is a switch, not a credential.
  // A list of callers kept in the settings (`config.allowedOrigins`, `this.pluginOptions.origins`) is still an allowlist:
  // matched against the caller it is access control (kindOf).
  if (isSettingsHolder(root) || (root === 'process' && head[1] === 'env') || heldSettings(head)) {
    const list = words.some((w) => ALLOW_WORDS.has(w) || CALLER_LISTS.has(w));
    return list ? { kind: 'other', isId, setting: true, allow: true, ...product } : { kind: 'other', isId, setting: true, ...product };
  }
  if (words.some((w) => STRONG_WORDS.has(w))) return { kind: 'strong', isId };
  if (words.some((w) => ALLOW_WORDS.has(w))) return { kind: 'other', isId, allow: true };
  if (words.some((w) => OTHER_WORDS.has(w))) return { kind: 'other', isId, ...product };
  const inputAt = REQUEST_ROOT.test(root) ? 1 : 0;
  if (REQUEST_ROOT.test(root) && head.length === 2 && ROUTE_SEGMENT.test(head[1]!)) return { kind: 'route', isId };
  // `req.secure`, `req.protocol`, `req.connection.encrypted`: how the request travels (an HTTPS-only policy), not who sends it.
  if (REQUEST_ROOT.test(root) && TRANSPORT_SEGMENT.test(head[head.length - 1]!) && head.length <= 3) return { kind: 'other', isId: false };
  const callerAddress = words.some((w) => CALLER_WORDS.has(w));
  if (INPUT_SEGMENT.test(head[inputAt] ?? '') || (REQUEST_ROOT.test(root) && head[1] === 'request' && INPUT_SEGMENT.test(head[2] ?? ''))) {
    return { kind: 'input', isId, callerAddress };
  }
  if (words.some((w) => WEAK_WORDS.has(w))) return { kind: 'weak', isId };
  if (words.some((w) => STATE_WORDS.has(w))) return { kind: 'other', isId };
  if (/^[A-Z][A-Z0-9_]*[A-Z0-9]$/u.test(root) && head.length === 1) return { kind: 'other', isId };
  // What a CORS preflight asks to send (`access-control-request-method`), the client's software (`user-agent`): request input checked against the server's list.
  if (corsHeader) return { kind: 'input', isId: false };
  return { kind: 'unknown', isId, callerAddress };
}

/**
 * The app's settings reached through the object that holds them (`app.settings.get(scope)`,
 * `fastify.config.AUTH_ENABLED`, `this.server.config.x`): a settings holder after names that are
 * neither the request nor a caller (`req.user.settings`, `member.config` are someone's own).
 */
function heldSettings(head: readonly string[]): boolean {
  const at = head.findIndex((s, i) => i > 0 && isSettingsHolder(s));
  if (at < 0) return false;
  const before = head.slice(0, at);
  if (REQUEST_ROOT.test(before[0] ?? '')) return false;
  const words = accessWords(before.flatMap((s) => tokenizeName(s)));
  return !words.some((w) => STRONG_WORDS.has(w) || WEAK_WORDS.has(w) || REQUEST_SEGMENTS_WORDS.has(w));
}
const REQUEST_SEGMENTS_WORDS = new Set(['req', 'request', 'ctx', 'context', 'socket', 'session', 'state', 'locals', 'body', 'query', 'params', 'headers']);

/**
 * A value named by the verb enable / disable (`enableResetPassword`, `options.disableSignup`): a feature's switch,
 * whatever feature it names; not one the request sends (`req.body.enableMfa` is input). Asked of a value read, not
 * of a call (`disableOpenID(body)` does something, and its result says how that went).
 */
export function isFeatureSwitchPath(segments: readonly string[]): boolean {
  const head = segments[0] === 'this' ? segments.slice(1) : segments;
  if (REQUEST_ROOT.test(head[0] ?? '')) return false;
  const words = tokenizeName(head[head.length - 1] ?? '');
  return words.length > 1 && (words[0] === 'enable' || words[0] === 'disable');
}

/** `config`, `appConfig`, `settingsCache`, `this.configService`; not a predicate about a caller (`isUserManagedByEnv(user)`). */
export function isSettingsHolder(root: string): boolean {
  const words = tokenizeName(root);
  return words.some((w) => CONFIG_WORDS.has(w)) && !/^(?:is|has|can|check|should|must|may)$/u.test(words[0] ?? '');
}

export function wordTerm(words: readonly string[], isId: boolean): Term {
  if (words.some((w) => STRONG_WORDS.has(w))) return { kind: 'strong', isId };
  if (words.some((w) => OTHER_WORDS.has(w) || STATE_WORDS.has(w))) return { kind: 'other', isId, ...productOf(words) };
  if (words.some((w) => WEAK_WORDS.has(w))) return { kind: 'weak', isId };
  return { kind: 'unknown', isId };
}

/**
 * A CORS header's name (`access-control-request-method`, `Access-Control-Allow-Origin`): the words
 * "access control" there name the browser's cross-origin protocol, what a preflight asks to send,
 * not a check of who is asking.
 */
const isCorsHeaderName = (text: string): boolean => /^access-control-[a-z-]+$/iu.test(text);

/**
 * A request header that names no one: a CORS header (above) or the client's software (`user-agent`,
 * `userAgent`) — a refusal chosen by it blocks a kind of client (`if (ua === 'ruby') this.status = 403`), not a caller.
 */
export const isClientHeaderName = (text: string): boolean => isCorsHeaderName(text) || /^user[-_]?agent$/iu.test(text);

/** String methods that test where or whether some text occurs in a value. */
const TEXT_SEARCH = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf']);

/**
 * A search of a value for punctuation alone (`slug.includes('..')`, `name.startsWith('/')`,
 * `key.indexOf(':')`): the test reads the shape of some text, the way a path-traversal or format check
 * does, and names no caller — request input checked against fixed values. Null for any other call, and
 * for a search of words (`scopes.includes('admin')`, which the words decide).
 */
export function textShapeTerm(call: TSESTree.CallExpression): Term | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !TEXT_SEARCH.has(getPropertyName(callee) ?? '')) return null;
  const first = call.arguments[0];
  const text = first && first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
  return text !== null && PUNCTUATION_ONLY.test(text) ? { kind: 'input', isId: false } : null;
}

const PUNCTUATION_ONLY = /^[^\p{L}\p{N}\s]+$/u;
