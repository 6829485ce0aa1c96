/**
 * What counts as a secret in a value that reaches a log: secret-looking names (tokenized
 * camelCase / snake_case / kebab-case / SCREAMING_CASE), request-derived sources
 * (`req.headers`, `req.cookies`, `req.body`, the whole request, `process.env`), values
 * renamed or destructured from those, and, when the parser has type information, objects
 * whose type carries a secret-named property.
 *
 * The name policy, in short: a name is a secret when its rightmost secret word (password,
 * token, apiKey, secret, authorization, cookie, credentials, otp, pin, ssn, card number,
 * cvv, private key…) is not followed by a harmless qualifier (`passwordResetUrl`,
 * `tokenCount`, `tokenExpiresAt`, `secretName`, `apiKeyId`) nor preceded by a boolean or
 * verb prefix (`isPasswordValid`, `hasToken`, `withCredentials`). Pagination and other
 * non-credential tokens (`nextPageToken`, `cancelToken`, `deviceToken`, `maxTokens`,
 * a lexer's `tokens`) are not secrets. A generic `sessionId` is not a secret either: in
 * real code it is mostly a chat, analytics or WebSocket correlation id; the express-session
 * id (`req.sessionID`, `req.session.id`) is, and `secretWords: ['sessionId']` opts in.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getStringValue,
  getVariableInit,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  walkSameFunction,
  walkTree,
} from './ast.js';
import { getHandlerInfo } from './frameworks.js';

// ---------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------

export interface SecretNameOptions {
  /** Extra secret words or names (`'pat'`, `'licenseKey'`, `'sessionId'`), tokenized like names. */
  secretWords?: readonly string[];
  /** Names that are never secrets (`'tokenBucket'`), matched exactly or by their tokens. */
  allowedNames?: readonly string[];
}

export type SecretNameVerdict =
  /** The name denotes a secret value; `concept` is what it is ("password", "API key"). */
  | { kind: 'secret'; concept: string }
  /** The name mentions a secret word but denotes something harmless (`tokenCount`, `nextPageToken`). */
  | { kind: 'qualified'; concept: string }
  | { kind: 'none' };

interface Phrase {
  tokens: readonly string[];
  concept: string;
  /** Built-in context rules for ambiguous words (`pin`, `pass`, `token`). */
  rule?: 'token' | 'tokens' | 'pass' | 'pin';
}

const BUILTIN_PHRASES: readonly Phrase[] = [
  { tokens: ['social', 'security', 'number'], concept: 'SSN' },
  { tokens: ['credit', 'card', 'number'], concept: 'card number' },
  { tokens: ['card', 'number'], concept: 'card number' },
  { tokens: ['card', 'num'], concept: 'card number' },
  { tokens: ['card', 'no'], concept: 'card number' },
  { tokens: ['credit', 'card'], concept: 'card number' },
  { tokens: ['card', 'security', 'code'], concept: 'CVV' },
  { tokens: ['api', 'key'], concept: 'API key' },
  { tokens: ['api', 'keys'], concept: 'API key' },
  { tokens: ['private', 'key'], concept: 'private key' },
  { tokens: ['priv', 'key'], concept: 'private key' },
  { tokens: ['access', 'key'], concept: 'access key' },
  { tokens: ['signing', 'key'], concept: 'signing key' },
  { tokens: ['encryption', 'key'], concept: 'encryption key' },
  { tokens: ['master', 'key'], concept: 'master key' },
  { tokens: ['session', 'key'], concept: 'session key' },
  { tokens: ['auth', 'key'], concept: 'auth key' },
  { tokens: ['license', 'key'], concept: 'license key' },
  { tokens: ['auth', 'header'], concept: 'Authorization header' },
  { tokens: ['auth', 'code'], concept: 'authorization code' },
  { tokens: ['recovery', 'code'], concept: 'recovery code' },
  { tokens: ['recovery', 'codes'], concept: 'recovery code' },
  { tokens: ['backup', 'code'], concept: 'recovery code' },
  { tokens: ['backup', 'codes'], concept: 'recovery code' },
  { tokens: ['verification', 'code'], concept: 'one-time code' },
  { tokens: ['reset', 'code'], concept: 'one-time code' },
  { tokens: ['mfa', 'code'], concept: 'one-time code' },
  { tokens: ['pass', 'phrase'], concept: 'passphrase' },
  { tokens: ['seed', 'phrase'], concept: 'seed phrase' },
  { tokens: ['set', 'cookie'], concept: 'cookie' },
  { tokens: ['pin', 'code'], concept: 'PIN', rule: 'pin' },
  { tokens: ['pin', 'number'], concept: 'PIN', rule: 'pin' },
  { tokens: ['password'], concept: 'password' },
  { tokens: ['passwords'], concept: 'password' },
  { tokens: ['passwd'], concept: 'password' },
  { tokens: ['pwd'], concept: 'password' },
  { tokens: ['pass'], concept: 'password', rule: 'pass' },
  { tokens: ['passphrase'], concept: 'passphrase' },
  { tokens: ['passcode'], concept: 'passcode' },
  { tokens: ['secret'], concept: 'secret' },
  { tokens: ['secrets'], concept: 'secret' },
  { tokens: ['token'], concept: 'token', rule: 'token' },
  { tokens: ['tokens'], concept: 'token', rule: 'tokens' },
  { tokens: ['jwt'], concept: 'token' },
  { tokens: ['bearer'], concept: 'token' },
  { tokens: ['apikey'], concept: 'API key' },
  { tokens: ['privkey'], concept: 'private key' },
  { tokens: ['authorization'], concept: 'Authorization header' },
  { tokens: ['cookie'], concept: 'cookie' },
  { tokens: ['cookies'], concept: 'cookie' },
  { tokens: ['credential'], concept: 'credentials' },
  { tokens: ['credentials'], concept: 'credentials' },
  { tokens: ['creds'], concept: 'credentials' },
  { tokens: ['cred'], concept: 'credentials' },
  { tokens: ['otp'], concept: 'one-time code' },
  { tokens: ['totp'], concept: 'one-time code' },
  { tokens: ['pin'], concept: 'PIN', rule: 'pin' },
  { tokens: ['ssn'], concept: 'SSN' },
  { tokens: ['cvv'], concept: 'CVV' },
  { tokens: ['cvc'], concept: 'CVV' },
  { tokens: ['mnemonic'], concept: 'seed phrase' },
];

/** Words a compound lower-case token may be split into (`accesstoken`, `apikey`, `sessionid`). */
const COMPOUND_PARTS = new Set([
  'access', 'refresh', 'id', 'auth', 'bearer', 'session', 'csrf', 'xsrf', 'api', 'client', 'private', 'priv',
  'secret', 'secrets', 'set', 'card', 'credit', 'jwt', 'oauth', 'x', 'app', 'user', 'db', 'smtp', 'admin',
  'master', 'signing', 'encryption', 'reset', 'verification', 'recovery', 'backup', 'license', 'new', 'old',
  'current', 'confirm', 'hashed', 'token', 'tokens', 'key', 'keys', 'password', 'passwords', 'passwd', 'cookie',
  'cookies', 'header', 'number', 'code', 'authorization', 'credential', 'credentials', 'phrase', 'seed',
]);

/** The name's last word says it is about the secret, not the secret itself. */
const HARMLESS_SUFFIXES = new Set([
  // where / which
  'url', 'urls', 'uri', 'link', 'href', 'path', 'paths', 'route', 'routes', 'endpoint', 'host', 'domain', 'origin',
  'redirect', 'callback', 'file', 'filename', 'dir', 'directory', 'location', 'env', 'var', 'ref', 'refs', 'arn',
  'id', 'ids', 'uuid', 'name', 'names', 'label', 'title', 'description', 'placeholder', 'field', 'fields', 'column',
  'page', 'form', 'flow', 'step', 'screen', 'view', 'component', 'modal', 'dialog', 'button', 'template', 'email',
  'mail', 'event', 'events', 'hook', 'listener',
  // how many / how long
  'count', 'counter', 'counts', 'length', 'len', 'size', 'bytes', 'bits', 'total', 'limit', 'max', 'min', 'num',
  'quota', 'usage', 'budget', 'cost', 'price', 'rate', 'index', 'idx', 'position', 'pos', 'offset', 'line', 'col',
  'start', 'end', 'range', 'span', 'loc', 'attempts', 'attempt', 'retries', 'tries',
  // when
  'expires', 'expiry', 'expiration', 'expired', 'exp', 'at', 'in', 'on', 'until', 'ttl', 'age', 'lifetime',
  'duration', 'period', 'interval', 'window', 'delay', 'timeout', 'time', 'date', 'timestamp', 'ms', 'sec',
  'secs', 'seconds', 'minutes', 'mins', 'hours', 'days',
  // what kind / in which state
  'type', 'types', 'kind', 'format', 'encoding', 'algorithm', 'algorithms', 'alg', 'scheme', 'scope', 'scopes',
  'audience', 'issuer', 'version', 'ver', 'mode', 'prefix', 'suffix', 'preview', 'hint', 'policy', 'policies',
  'rule', 'rules', 'requirements', 'strength', 'score', 'complexity', 'regex', 'regexp', 'pattern', 'status',
  'state', 'error', 'errors', 'err', 'message', 'msg', 'reason', 'valid', 'invalid', 'validity', 'ok', 'present',
  'exists', 'missing', 'required', 'enabled', 'disabled', 'provided', 'supplied', 'match', 'matches', 'matched',
  'mismatch', 'correct', 'incorrect', 'wrong', 'changed', 'updated', 'reset', 'rotated', 'revoked', 'refreshed',
  'verified', 'validated', 'generated', 'created', 'issued', 'sent', 'saved', 'stored', 'cleared', 'deleted',
  'removed', 'used', 'confirmed', 'accepted', 'rejected', 'failed', 'failure', 'success', 'succeeded', 'visible',
  'hidden', 'shown', 'masked', 'redacted', 'hashed', 'consent', 'banner', 'payload', 'claims', 'fingerprint',
  'digest', 'checksum',
  // which one: a public identifier of a key or token, not the secret (`signingKeyDid`, `jwtKid`, `tokenSubject`)
  'did', 'dids', 'kid', 'subject', 'sub', 'thumbprint', 'public', 'pub', 'method', 'methods',
  // the thing that handles it
  'service', 'services', 'provider', 'providers', 'store', 'storage', 'manager', 'helper', 'helpers', 'util',
  'utils', 'repository', 'repo', 'model', 'schema', 'entity', 'dto', 'module', 'strategy', 'guard', 'middleware',
  'handler', 'handlers', 'validator', 'validation', 'verification', 'verifier', 'generator', 'factory', 'builder',
  'parser', 'serializer', 'client', 'server', 'controller', 'router', 'options', 'opts', 'config', 'configuration',
  'settings', 'queue', 'bucket', 'pool', 'table', 'collection',
  // web3 tokens
  'address', 'balance', 'balances', 'amount', 'symbol', 'decimals', 'supply', 'contract', 'metadata', 'allowance',
]);

/** Words before the secret word that make the name a flag or a question (`isPasswordValid`, `hasToken`). */
const FLAG_WORDS = new Set([
  'is', 'has', 'have', 'had', 'should', 'can', 'could', 'must', 'need', 'needs', 'require', 'requires', 'did',
  'does', 'do', 'was', 'were', 'will', 'with', 'without', 'no', 'not', 'use', 'uses', 'using', 'allow', 'allows',
  'enable', 'show', 'hide', 'masked', 'redacted', 'obfuscated', 'sanitized', 'truncated', 'partial', 'fake',
  'dummy', 'mock', 'example', 'sample', 'num', 'total', 'max', 'min', 'count',
]);

/** Verbs that start a function name that does something to a secret (`validateToken`, `setToken`). */
const ACTION_VERBS = new Set([
  'validate', 'verify', 'check', 'compare', 'hash', 'encrypt', 'mask', 'redact', 'sanitize', 'set', 'save',
  'store', 'clear', 'remove', 'delete', 'revoke', 'invalidate', 'rotate', 'send', 'update', 'handle', 'on',
]);

/** `xxxToken` that is not a credential: pagination, cancellation, push, lexer, design and web3 tokens. */
const NON_CREDENTIAL_TOKEN_KINDS = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'sync', 'resume', 'cancel',
  'cancellation', 'device', 'push', 'fcm', 'apns', 'registration', 'notification', 'lexer', 'lex', 'parser',
  'parse', 'syntax', 'css', 'design', 'theme', 'color', 'erc', 'nft', 'native', 'wrapped', 'governance', 'start',
  'end', 'eof', 'max', 'min', 'total', 'prompt', 'completion', 'input', 'output', 'num', 'remaining', 'reasoning',
  'cached', 'context', 'stop', 'special', 'unknown',
]);

/** `xxxTokens` that are credentials (a bare `tokens` is mostly lexer or LLM usage). */
const CREDENTIAL_TOKEN_KINDS = new Set([
  'access', 'refresh', 'id', 'auth', 'bearer', 'session', 'oauth', 'api', 'csrf', 'xsrf', 'jwt', 'user', 'personal',
  'service', 'github', 'npm',
]);

const HARDWARE_PIN_KINDS = new Set([
  'gpio', 'led', 'pwm', 'analog', 'digital', 'input', 'output', 'data', 'clock', 'reset', 'power', 'button',
  'sensor', 'relay', 'servo', 'motor', 'spi', 'tx', 'rx', 'cs', 'sda', 'scl', 'trigger', 'echo', 'enable',
]);

const COMPOUND_CACHE = new Map<string, readonly string[]>();

/** Split `accesstoken` → `access token`, `apikeyid` → `api key id`; other tokens stay whole. */
function splitCompound(token: string): readonly string[] {
  if (token.length < 4 || token.length > 32 || COMPOUND_PARTS.has(token)) return [token];
  const cached = COMPOUND_CACHE.get(token);
  if (cached) return cached;
  // Word break over COMPOUND_PARTS; best[i] = split of token.slice(i).
  const best: (string[] | null)[] = new Array<string[] | null>(token.length + 1).fill(null);
  best[token.length] = [];
  for (let i = token.length - 1; i >= 0; i--) {
    for (let j = token.length; j > i; j--) {
      const rest = best[j];
      const piece = token.slice(i, j);
      if (rest && COMPOUND_PARTS.has(piece)) {
        best[i] = [piece, ...rest];
        break;
      }
    }
  }
  const result = best[0] && best[0].length > 1 ? best[0] : [token];
  if (COMPOUND_CACHE.size < 5000) COMPOUND_CACHE.set(token, result);
  return result;
}

/**
 * Lower-case word tokens of a name: `apiKey` → api key, `X-API-Key` → x api key,
 * `JWT_SECRET` → jwt secret, `sessionID` → session id, `cvv2` → cvv (digits are dropped).
 */
export function tokenizeName(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .replace(/([A-Za-z])([0-9])/gu, '$1 $2')
    .replace(/([0-9])([A-Za-z])/gu, '$1 $2');
  const out: string[] = [];
  for (const raw of spaced.toLowerCase().split(/[^a-z0-9]+/u)) {
    if (raw === '' || /^[0-9]+$/u.test(raw)) continue;
    out.push(...splitCompound(raw));
  }
  return out;
}

interface Match {
  start: number;
  end: number;
  concept: string;
  /** A secret word used in a non-credential sense (`pageToken`, `ledPin`). */
  voided: boolean;
}

function matchPhrase(tokens: readonly string[], at: number, phrase: Phrase): Match | null {
  const len = phrase.tokens.length;
  if (at + len > tokens.length) return null;
  for (let k = 0; k < len; k++) if (tokens[at + k] !== phrase.tokens[k]) return null;
  const prev = at > 0 ? tokens[at - 1]! : null;
  const end = at + len;
  let voided = false;
  switch (phrase.rule) {
    case 'token':
      voided = prev !== null && NON_CREDENTIAL_TOKEN_KINDS.has(prev);
      break;
    case 'tokens':
      voided = prev === null || !CREDENTIAL_TOKEN_KINDS.has(prev);
      break;
    case 'pass':
      // `dbPass`, `SMTP_PASS`, `pass`; not `passThrough`, `firstPass`.
      if (end !== tokens.length || (prev !== null && ['by', 'first', 'second', 'third', 'last', 'next', 'single', 'multi', 'one', 'two'].includes(prev))) return null;
      break;
    case 'pin':
      if (len === 1 && end !== tokens.length && !['code', 'number', 'hash'].includes(tokens[end]!)) return null;
      voided = prev !== null && HARDWARE_PIN_KINDS.has(prev);
      break;
    default:
      break;
  }
  return { start: at, end, concept: phrase.concept, voided };
}

interface CompiledNameOptions {
  phrases: readonly Phrase[];
  allowed: ReadonlySet<string>;
}

const compiledOptions = new WeakMap<object, CompiledNameOptions>();
/** Longest phrases first, so `api key` wins over a lone `key`-less match at the same place. */
const SORTED_BUILTIN = [...BUILTIN_PHRASES].sort((a, b) => b.tokens.length - a.tokens.length);
const DEFAULT_COMPILED: CompiledNameOptions = { phrases: SORTED_BUILTIN, allowed: new Set() };

function compileNameOptions(options: SecretNameOptions | undefined): CompiledNameOptions {
  if (!options || ((options.secretWords?.length ?? 0) === 0 && (options.allowedNames?.length ?? 0) === 0)) {
    return DEFAULT_COMPILED;
  }
  const cached = compiledOptions.get(options);
  if (cached) return cached;
  const extra: Phrase[] = (options.secretWords ?? [])
    .map((word) => ({ tokens: tokenizeName(word), concept: word }))
    .filter((p) => p.tokens.length > 0);
  const phrases = [...extra, ...BUILTIN_PHRASES].sort((a, b) => b.tokens.length - a.tokens.length);
  const allowed = new Set<string>();
  for (const name of options.allowedNames ?? []) {
    allowed.add(name.toLowerCase());
    allowed.add(tokenizeName(name).join(' '));
  }
  const compiled = { phrases, allowed };
  compiledOptions.set(options, compiled);
  return compiled;
}

/** Classify a list of name tokens (see the module comment for the policy). */
export function classifySecretTokens(tokens: readonly string[], options?: SecretNameOptions): SecretNameVerdict {
  const compiled = compileNameOptions(options);
  let best: Match | null = null;
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of compiled.phrases) {
      const m = matchPhrase(tokens, i, phrase);
      if (!m) continue;
      if (!best || m.end > best.end || (m.end === best.end && m.start < best.start)) best = m;
      break;
    }
  }
  if (!best) return { kind: 'none' };
  if (best.voided) return { kind: 'qualified', concept: best.concept };
  // NEXT_PUBLIC_*, VITE_*, REACT_APP_*, EXPO_PUBLIC_*: shipped to every browser by design.
  if (tokens[0] === 'vite' || tokens[0] === 'public' || (tokens[1] === 'public' && ['next', 'expo', 'nuxt'].includes(tokens[0]!)) || (tokens[0] === 'react' && tokens[1] === 'app')) {
    return { kind: 'qualified', concept: best.concept };
  }
  const trailing = tokens.slice(best.end);
  // A JWT's header or payload (`jwtHeader`, `jwt.payload`) is not the token.
  if (tokens[best.start] === 'jwt' && trailing.length > 0 && ['header', 'headers', 'payload', 'claims', 'alg'].includes(trailing[trailing.length - 1]!)) {
    return { kind: 'qualified', concept: best.concept };
  }
  if (trailing.length > 0 && HARMLESS_SUFFIXES.has(trailing[trailing.length - 1]!)) {
    return { kind: 'qualified', concept: best.concept };
  }
  // `tokenKey`, `ACCESS_TOKEN_KEY`, `jwtStorageKey`: the key a token is stored or looked up under, not the token.
  if (best.concept === 'token' && trailing.length > 0 && (trailing[trailing.length - 1] === 'key' || trailing[trailing.length - 1] === 'keys')) {
    return { kind: 'qualified', concept: best.concept };
  }
  const leading = tokens.slice(0, best.start);
  if (leading.some((t) => FLAG_WORDS.has(t)) || (leading.length > 0 && ACTION_VERBS.has(leading[0]!))) {
    return { kind: 'qualified', concept: best.concept };
  }
  return { kind: 'secret', concept: best.concept };
}

/** Classify a name: `password` → secret, `passwordResetUrl` → qualified, `userName` → none. */
export function classifySecretName(name: string, options?: SecretNameOptions): SecretNameVerdict {
  // `$PWD` is the working directory, not a password.
  if (name === 'PWD' || name === 'OLDPWD') return { kind: 'none' };
  const tokens = tokenizeName(name);
  const compiled = compileNameOptions(options);
  if (compiled.allowed.size > 0 && (compiled.allowed.has(name.toLowerCase()) || compiled.allowed.has(tokens.join(' ')))) {
    return { kind: 'none' };
  }
  const verdict = classifySecretTokens(tokens, options);
  if (verdict.kind === 'secret' && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/u.test(name) && isMessageConstant(tokens)) {
    return { kind: 'qualified', concept: verdict.concept };
  }
  return verdict;
}

/** Qualifiers of a `*_KEY` variable that make it something other than a credential: `SORT_KEY`, `RECAPTCHA_SITE_KEY`, `VAPID_PUBLIC_KEY`. */
const NON_CREDENTIAL_KEY_WORDS = new Set(['public', 'publishable', 'site', 'sort', 'partition', 'cache', 'primary', 'foreign', 'id', 'prefix', 'idempotency', 'routing', 'shard', 'hash', 'lookup', 'map', 'storage', 'row', 'column', 'index', 'group', 'queue', 'topic', 'event', 'header', 'field', 'name']);

/**
 * An environment variable named `<SERVICE>_KEY` (`STRIPE_KEY`, `GEO_KEY`, `MAPBOX_KEY`) holds a
 * credential for that service: in deployment configuration a bare `_KEY` is an API key unless a
 * qualifier says otherwise (`PUBLIC`, `PUBLISHABLE`, `SITE`, `SORT`, `CACHE`, …).
 */
export function isCredentialEnvKey(name: string): boolean {
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEY$/u.test(name)) return false;
  const tokens = name.toLowerCase().split('_').slice(0, -1);
  return !tokens.some((t) => NON_CREDENTIAL_KEY_WORDS.has(t));
}

/** Words of message and event constants: `TOKEN_NOT_FOUND_REDIS`, `CREATING_TOKEN`, `INVALID_TOKEN_ERROR`. */
const MESSAGE_WORDS = new Set(['not', 'found', 'invalid', 'expired', 'missing', 'no', 'bad', 'wrong', 'unknown', 'empty', 'failed', 'success', 'from', 'for', 'with']);

/** SCREAMING_CASE names that read like a message or an event, not a configuration value. */
function isMessageConstant(tokens: readonly string[]): boolean {
  return tokens.some((t) => MESSAGE_WORDS.has(t) || (t.length > 4 && /(?:ing|ed)$/u.test(t) && !['hashed', 'signed', 'encrypted', 'shared', 'salted', 'encoded', 'signing'].includes(t)));
}

/** Whether a name denotes a secret value (`apiKey`, `DB_PASSWORD`, `x-api-key`; not `tokenCount`). */
export function isSecretName(name: string, options?: SecretNameOptions): boolean {
  return classifySecretName(name, options).kind === 'secret';
}

// ---------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------

export interface SecretAnalyzerOptions extends SecretNameOptions {
  /** Calls that make a value safe to log, by name or member path (`redact`, `utils.mask`). */
  sanitizers?: readonly string[];
}

/** What makes a value a secret, for messages and fixes. */
export interface SecretVerdict {
  kind: 'secret';
  /** `the password`, `the request headers`, `an object of type \`User\``. */
  what: string;
  /** Appended after the value's text: ` (from \`password\`)`. */
  detail: string;
  /** An object that carries secrets (headers, a body, a `User`), not one secret value. */
  whole: boolean;
  /** For whole objects: what they carry (`the Authorization header and cookies`). */
  carries: string;
  /** A string or object built around a secret: fingerprinting it whole is pointless. */
  embedded: boolean;
  /** Sub-paths that, censored by the logger, make the value safe; `[[]]` means the value itself. */
  redactPaths: readonly (readonly string[])[];
  /** The secret word, for type refinements (`PIN` may be a number; a `token` never is). */
  concept: string;
}

export type ValueVerdict = SecretVerdict | { kind: 'safe' } | { kind: 'unknown' };

export interface SecretFinding extends Omit<SecretVerdict, 'kind'> {
  /** The expression that carries the secret: what a fix wraps or replaces. */
  node: TSESTree.Node;
  /** Object keys from the analysed argument down to `node`, or null when `node` is not a plain field. */
  fieldPath: readonly string[] | null;
}

/** A key, a message part or a format string that says what the next value is (`token=`, `Bearer `). */
export interface SecretLabel {
  concept: string;
  word: string;
}

export interface SecretAnalyzer {
  /** Every secret carried by a logged argument, innermost expressions first. */
  findSecrets(node: TSESTree.Node, label?: SecretLabel | null, fieldPath?: readonly string[] | null): SecretFinding[];
  /** The verdict on one expression, without descending into containers it is part of. */
  classify(node: TSESTree.Node): ValueVerdict;
  /** Labels that format strings and `'label:'` arguments put on the arguments after them. */
  argumentLabels(args: readonly TSESTree.Node[]): (SecretLabel | null)[];
  /** The label a message part ending in `token=` or `Bearer ` puts on what follows. */
  labelFromText(text: string): SecretLabel | null;
}

const SAFE: ValueVerdict = { kind: 'safe' };
const UNKNOWN: ValueVerdict = { kind: 'unknown' };

const SIZE_PROPERTIES = new Set(['length', 'size', 'byteLength']);
/** `token.value`, `cookie.raw`: the secret itself under a generic name. */
const VALUE_PROPERTIES = new Set(['value', 'val', 'raw', 'data', 'text', 'str', 'string', 'content', 'plain', 'plaintext', 'current']);
/** Methods whose result is (a piece of) the secret they are called on. */
const PRESERVING_METHODS = new Set([
  'split', 'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'toString', 'toLowerCase', 'toUpperCase',
  'toLocaleLowerCase', 'toLocaleUpperCase', 'slice', 'substring', 'substr', 'concat', 'padStart', 'padEnd',
  'normalize', 'at', 'join', 'valueOf',
]);
/** `req.get('authorization')`, `headers.get('cookie')`, `config.get('JWT_SECRET')`, `localStorage.getItem('token')`. */
const GETTER_METHODS = new Set(['get', 'getHeader', 'header', 'getOrThrow', 'getItem', 'getSecret', 'getString', 'require']);
/** Calls that return their argument in another shape. */
const WRAPPER_CALLS = new Set([
  'JSON.stringify', 'String', 'util.inspect', 'inspect', 'Buffer.from', 'encodeURIComponent', 'encodeURI', 'btoa',
  'structuredClone', 'Array.from', 'Object.assign', 'Object.values', 'Object.entries', 'util.format', 'format',
]);
/** `getAccessToken()`, `generateApiKey()`: the call returns the secret its name says. */
const PRODUCER_VERBS = new Set([
  'get', 'fetch', 'generate', 'gen', 'create', 'issue', 'sign', 'load', 'read', 'retrieve', 'make', 'build',
  'decrypt', 'extract', 'obtain', 'mint', 'new', 'request',
]);
/** First word of a call that makes its result safe to log (`redactHeaders`, `maskToken`, `hashPassword`). */
const SANITIZER_VERBS = new Set([
  'redact', 'mask', 'sanitize', 'sanitise', 'scrub', 'censor', 'obfuscate', 'anonymize', 'anonymise', 'hash',
  'fingerprint', 'encrypt', 'digest', 'hmac', 'sha', 'md', 'truncate', 'elide', 'omit', 'pick', 'hide', 'strip',
  'filter', 'without', 'exclude', 'remove', 'clean', 'censor', 'pseudonymize', 'tokenize',
]);
/** A word anywhere in a call's name that says the result is safe (`toSafeJSON`, `getRedactedHeaders`, `toPublic`). */
const SANITIZED_WORDS = new Set([
  'redacted', 'masked', 'sanitized', 'sanitised', 'scrubbed', 'censored', 'obfuscated', 'anonymized', 'hashed',
  'fingerprinted', 'encrypted', 'public', 'safe', 'redact', 'mask', 'sanitize',
]);
/** Calls in a chain that make it a hash: `createHash('sha256').update(x).digest('hex')`. */
const HASH_CALLS = new Set(['digest', 'createHash', 'createHmac', 'hash', 'hashSync', 'sha256', 'sha1', 'sha512', 'md5', 'hmac']);
/** Calls whose result is a yes/no or a position, never the secret. */
const BOOLEAN_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'test', 'has', 'some', 'every', 'equals', 'timingSafeEqual', 'compare',
  'compareSync', 'indexOf', 'lastIndexOf', 'localeCompare', 'Boolean', 'isNaN', 'isFinite', 'keys', 'getOwnPropertyNames',
  'isArray', 'exists', 'existsSync', 'match' /* only used in a condition in practice; never logged whole */,
]);
const BOOLEAN_PREFIXES = new Set(['is', 'has', 'can', 'should', 'contains', 'matches']);
/** Cookies that hold a session even when their name does not say so. */
const SESSION_COOKIE_NAMES = new Set(['sid', 'session', 'sess', 'connect.sid', 'auth', 'jwt', 'remember_me', 'rememberme']);
/** Route, handler and file words for requests whose body carries credentials or card data. */
const CREDENTIAL_ROUTE_WORDS = new Set([
  'login', 'logon', 'signin', 'signup', 'register', 'registration', 'auth', 'authenticate', 'authentication',
  'authorize', 'oauth', 'password', 'passwords', 'reset', 'forgot', 'token', 'tokens', 'refresh', 'session',
  'sessions', 'otp', 'mfa', 'totp', 'verify', 'verification', 'credential', 'credentials', 'user', 'users',
  'account', 'accounts', 'payment', 'payments', 'checkout', 'card', 'cards', 'billing', 'secret', 'secrets',
  'key', 'keys', 'apikey', 'apikeys',
]);
/** Registration methods whose string arguments are a route (`app.post('/login', fn)`, `router.use(fn)`). */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'route', 'on']);
/** Middleware that logs every request (`requestLogger`, `auditTrail`): its body is every body, logins included. */
const GENERIC_LOGGER_WORDS = new Set(['log', 'logger', 'logging', 'audit', 'trace', 'tracer', 'dump', 'debug', 'inspect', 'morgan']);
/** Object names that hold names or texts: `VERIFICATION_MESSAGES`, `ErrorCodes`, `EVENTS`, `i18n`. */
const NAME_TABLE_WORDS = new Set([
  'messages', 'message', 'msg', 'msgs', 'errors', 'codes', 'texts', 'labels', 'events', 'routes', 'paths', 'types',
  'actions', 'strings', 'i18n', 'translations', 'queues', 'topics', 'channels', 'statuses', 'templates', 'enum', 'enums',
]);
/** Values named like this are what a label describes the context of, not the secret (`token for ${username}`). */
const LABEL_NEUTRAL = new Set(['user', 'users', 'username', 'login', 'account', 'ip', 'role', 'roles', 'method', 'e', 'ex', 'exception', 'req', 'request']);
/** Secrets that may legitimately be numbers. */
const NUMERIC_SECRETS = new Set(['PIN', 'one-time code', 'SSN', 'card number', 'CVV', 'passcode']);

const REQUEST_NAME = /^(?:req|request|ctx|incomingRequest|httpRequest|rawRequest|originalRequest|expressRequest|koaCtx)$/u;
const WHOLE_REQUEST_NAME = /^(?:req|request|ctx)$/u;
const REQUEST_TYPE = /(?:Request|Req|Context|Ctx|IncomingMessage)$/u;

const PRINTF_PLACEHOLDER = /%[sdifjoOc]/gu;

function secret(what: string, concept: string, extra: Partial<SecretVerdict> = {}): SecretVerdict {
  return {
    kind: 'secret',
    what,
    detail: '',
    whole: false,
    carries: '',
    embedded: false,
    redactPaths: [[]],
    concept,
    ...extra,
  };
}

function article(concept: string): string {
  return `the ${concept}`;
}

/** Minimal view of the TypeScript API the analyzer uses (no runtime import of `typescript`). */
interface TsType {
  flags: number;
  isUnion(): boolean;
  types?: TsType[];
  getProperties(): { getName(): string }[];
  getCallSignatures(): readonly unknown[];
}
interface TsChecker {
  getTypeAtLocation(node: unknown): TsType;
  getNonNullableType(type: TsType): TsType;
  typeToString(type: TsType): string;
  isArrayType(type: TsType): boolean;
  getTypeArguments(type: TsType): readonly TsType[];
  getTypeOfSymbolAtLocation(symbol: unknown, node: unknown): TsType;
  getAnyType(): TsType;
  getUnknownType(): TsType;
}

export function createSecretAnalyzer(context: Context, options: SecretAnalyzerOptions = {}): SecretAnalyzer {
  const sourceCode = context.sourceCode;
  const nameOptions: SecretNameOptions = options;
  const sanitizerPaths = new Set(options.sanitizers ?? []);
  const verdicts = new WeakMap<TSESTree.Node, ValueVerdict>();
  const inProgress = new Set<TSESTree.Node>();
  const typeCache = new WeakMap<TSESTree.Node, { typeName: string; props: string[] } | null>();

  const services = sourceCode.parserServices as
    | { program?: { getTypeChecker(): TsChecker } | null; esTreeNodeToTSNodeMap?: { get(node: unknown): unknown } }
    | undefined;
  let checker: TsChecker | null = null;
  try {
    checker = services?.program && services.esTreeNodeToTSNodeMap ? services.program.getTypeChecker() : null;
  } catch {
    // Type information is optional: without a checker the analysis works from names and sources.
    checker = null;
  }

  const nameOf = (name: string) => classifySecretName(name, nameOptions);

  function text(node: TSESTree.Node): string {
    const t = sourceCode.getText(node).replace(/\s+/gu, ' ');
    return t.length > 40 ? `${t.slice(0, 37)}…` : t;
  }

  // ----- types (optional) -----

  function tsTypeOf(node: TSESTree.Node): TsType | null {
    if (!checker) return null;
    try {
      const tsNode = services!.esTreeNodeToTSNodeMap!.get(node);
      return tsNode ? checker.getTypeAtLocation(tsNode) : null;
    } catch {
      // A node the checker cannot type (a parse recovery, an older TypeScript): treat it as untyped.
      return null;
    }
  }

  function constituents(type: TsType): TsType[] {
    const t = checker!.getNonNullableType(type);
    return t.isUnion() && t.types ? t.types : [t];
  }

  function isAnyOrUnknown(type: TsType): boolean {
    const s = checker!.typeToString(type);
    return s === 'any' || s === 'unknown' || s === 'never' || s === '{}' || s === 'object';
  }

  /** A number or boolean value: never a token or a password (a PIN may be). */
  function isNumberOrBoolean(node: TSESTree.Node): boolean {
    const type = tsTypeOf(node);
    if (!type) return false;
    return constituents(type).every((t) => /^(?:boolean|true|false|number|bigint|-?\d[\d.e+-]*n?)$/u.test(checker!.typeToString(t)));
  }

  /** Secret-named, non-function, non-flag properties of the value's type (depth 1, arrays unwrapped). */
  function secretPropertiesOf(node: TSESTree.Node): { typeName: string; props: string[] } | null {
    if (!checker) return null;
    if (typeCache.has(node)) return typeCache.get(node)!;
    let result: { typeName: string; props: string[] } | null = null;
    try {
      const type = tsTypeOf(node);
      const tsNode = services!.esTreeNodeToTSNodeMap!.get(node);
      if (type && tsNode) {
        const props = new Set<string>();
        for (let t of constituents(type)) {
          if (checker.isArrayType(t)) t = checker.getTypeArguments(t)[0] ?? t;
          if (isAnyOrUnknown(t)) continue;
          for (const symbol of t.getProperties()) {
            const name = symbol.getName();
            if (nameOf(name).kind !== 'secret') continue;
            const propType = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
            if (propType.getCallSignatures().length > 0) continue;
            if (constituents(propType).every((p) => /^(?:boolean|true|false|number|undefined|null|never|void)$/u.test(checker!.typeToString(p)))) continue;
            props.add(name);
          }
        }
        if (props.size > 0) {
          const typeName = checker.typeToString(type);
          result = { typeName: typeName.length > 40 ? `${typeName.slice(0, 37)}…` : typeName, props: [...props] };
        }
      }
    } catch {
      // The checker threw on an exotic type: treat the value as untyped rather than guess.
      result = null;
    }
    typeCache.set(node, result);
    return result;
  }

  /** The value has a known object type without secret-named properties (a typed `req.body`). */
  function isTypedWithoutSecrets(node: TSESTree.Node): boolean {
    const type = tsTypeOf(node);
    if (!type) return false;
    const parts = constituents(type);
    if (parts.some((t) => isAnyOrUnknown(t) || t.getProperties().length === 0)) return false;
    return secretPropertiesOf(node) === null;
  }

  function typeFinding(node: TSESTree.Node, exclude: ReadonlySet<string> = new Set()): SecretVerdict | null {
    const info = secretPropertiesOf(node);
    if (!info) return null;
    const props = info.props.filter((p) => !exclude.has(p));
    if (props.length === 0) return null;
    const list = props.slice(0, 3).map((p) => `\`${p}\``).join(', ');
    return secret(`an object of type \`${info.typeName}\``, 'secret', {
      whole: true,
      carries: `the secret field${props.length > 1 ? 's' : ''} ${list}${props.length > 3 ? ', …' : ''}`,
      redactPaths: props.map((p) => [p]),
    });
  }

  // ----- sources -----

  /** `req`, `ctx.request`, `request.raw`, `context.switchToHttp().getRequest()`: something that has request headers. */
  function isRequestLike(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) return REQUEST_NAME.test(n.name);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      // ctx.request, c.req, request.raw, socket.handshake
      return name === 'req' || name === 'request' || name === 'handshake' || (name === 'raw' && isRequestLike(n.object));
    }
    if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      return getPropertyName(n.callee) === 'getRequest';
    }
    return false;
  }

  /** `(ctx, next) => …`, `app.use(fn)`, `router.get('/x', fn)`, a GraphQL resolver `(parent, args, ctx)`. */
  function isRequestHandler(fn: AnyFunction): boolean {
    if (getHandlerInfo(context, fn)) return true;
    const names = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : null));
    return names.includes('next') || (names.length >= 3 && (names[1] === 'args' || names[1] === '_args'));
  }

  /** The whole incoming request: a handler's `req`/`request`/`ctx` parameter, `ctx.request`, `getRequest()`. */
  function isWholeRequest(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      if (!WHOLE_REQUEST_NAME.test(n.name)) return false;
      const variable = findVariable(context, n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'Parameter') {
        const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
        // A bare `ctx` is a canvas or a test context as often as a Koa context: require a handler.
        if (!annotation && n.name === 'ctx') return isFunctionNode(def.node) && isRequestHandler(def.node);
        if (!annotation) return true;
        if (annotation.type === AST_NODE_TYPES.TSAnyKeyword) return true;
        if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return false;
        const typeName =
          annotation.typeName.type === AST_NODE_TYPES.Identifier
            ? annotation.typeName.name
            : annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName
              ? annotation.typeName.right.name
              : '';
        return REQUEST_TYPE.test(typeName) && !/Dto$/u.test(typeName);
      }
      if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
        const init = skipTransparent(def.node.init);
        return init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(init.callee) === 'getRequest';
      }
      return false;
    }
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      const object = skipTransparent(n.object);
      return (name === 'request' || name === 'req') && object.type === AST_NODE_TYPES.Identifier && object.name === 'ctx';
    }
    if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      return getPropertyName(n.callee) === 'getRequest';
    }
    return false;
  }

  const WHOLE_REQUEST = secret('the whole request object', 'request', {
    whole: true,
    carries: 'its headers (Authorization, cookies)',
    redactPaths: [['headers', 'authorization']],
  });
  const WHOLE_HEADERS = secret('the request headers', 'headers', {
    whole: true,
    carries: 'the Authorization header and cookies',
    redactPaths: [['authorization']],
  });
  const WHOLE_COOKIES = secret('the request cookies', 'cookie', { whole: true, carries: 'the session cookies', redactPaths: [[]] });
  const WHOLE_BODY = secret('the request body', 'body', {
    whole: true,
    carries: 'whatever the client sent, passwords and tokens included',
    redactPaths: [['password']],
  });
  const WHOLE_ENV = secret('the whole environment', 'environment', { whole: true, carries: 'every secret in the environment', redactPaths: [[]] });

  /**
   * A request-derived or environment source reached by `props` from `base`:
   * `req.headers`, `req.headers.authorization`, `req.cookies`, `req.body`, `req.sessionID`, `process.env`.
   * `display` is the node the value is shown as (for the body's type check).
   */
  function sourceAt(base: TSESTree.Node, props: readonly string[], display: TSESTree.Node | null): ValueVerdict | null {
    const b = skipTransparent(base);
    if (props.length === 0) return isWholeRequest(b) ? WHOLE_REQUEST : null;
    if (b.type === AST_NODE_TYPES.Identifier && b.name === 'process' && props[0] === 'env') {
      if (props.length === 1) return WHOLE_ENV;
      return props.length === 2 && isCredentialEnvKey(props[1]!) ? secret(`the ${props[1]} variable`, 'API key') : null;
    }
    if (!isRequestLike(b)) return null;
    const [first, second] = props as [string, string | undefined];
    if (first === 'headers' || first === 'header' || first === 'rawHeaders') {
      if (props.length === 1) return WHOLE_HEADERS;
      if (props.length === 2 && second !== undefined) {
        const v = nameOf(second);
        if (v.kind === 'secret') {
          const what = v.concept === 'Authorization header' ? 'the Authorization header' : v.concept === 'cookie' ? 'the Cookie header' : `the ${second} header`;
          return secret(what, v.concept);
        }
      }
      return null;
    }
    if (first === 'cookies' || first === 'signedCookies') {
      if (props.length === 1) return WHOLE_COOKIES;
      if (props.length === 2 && second !== undefined && (nameOf(second).kind === 'secret' || SESSION_COOKIE_NAMES.has(second.toLowerCase()))) {
        return secret(`the ${second} cookie`, 'cookie');
      }
      return null;
    }
    if (first === 'body' && props.length === 1) {
      if (display && isTypedWithoutSecrets(display)) return SAFE;
      return isCredentialBodyContext(display ?? base) ? WHOLE_BODY : null;
    }
    if ((first === 'sessionID' || first === 'sessionId') && props.length === 1) return secret('the session id', 'session id');
    if (first === 'session' && second === 'id' && props.length === 2) return secret('the session id', 'session id');
    return null;
  }

  function sourceOfMember(node: TSESTree.MemberExpression): ValueVerdict | null {
    const props: string[] = [];
    const bases: TSESTree.Node[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name === null) return null;
      props.unshift(name);
      current = skipTransparent(current.object);
      bases.unshift(current);
    }
    // Try `ctx` + [request, headers], then `ctx.request` + [headers], …
    for (let i = 0; i < bases.length; i++) {
      const found = sourceAt(bases[i]!, props.slice(i), node);
      if (found) return found;
    }
    return null;
  }

  // ----- where a whole request body carries credentials -----

  const bodyContextCache = new WeakMap<AnyFunction, boolean>();

  /** `/api/auth/login`, `registerUser`, `routes/users.ts`: a place whose requests carry credentials. */
  function isCredentialText(value: string): boolean {
    const tokens = tokenizeName(value);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (CREDENTIAL_ROUTE_WORDS.has(t)) return true;
      const next = tokens[i + 1];
      if ((t === 'sign' || t === 'log') && (next === 'in' || next === 'up' || next === 'on')) return true;
    }
    return classifySecretTokens(tokens, nameOptions).kind === 'secret';
  }

  function functionName(fn: AnyFunction): string | null {
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
    // const login = asyncHandler(async (req, res) => …), exports.register = catchAsync(…)
    let node: TSESTree.Node = fn;
    for (let i = 0; i < 2 && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.includes(node as TSESTree.CallExpressionArgument); i++) {
      const callee = skipTransparent(node.parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
      if (method !== null && ROUTE_METHODS.has(method)) break;
      node = node.parent;
    }
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
    if (
      (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
      parent.value === node
    ) {
      return getPropertyName(parent);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
      const path = getMemberPath(parent.left);
      return path === null ? null : lastSegment(path);
    }
    return null;
  }

  /** The route text a function is registered under: `router.post('/login', fn)`, Nest `@Post('login')` in `@Controller('auth')`. */
  function routeText(fn: AnyFunction): { text: string | null; registered: boolean } {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const callee = skipTransparent(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
      if (method !== null && ROUTE_METHODS.has(method)) {
        const parts: string[] = [];
        for (const arg of parent.arguments) {
          if (arg === fn) break;
          const value = getStringValue(arg);
          if (value !== null) parts.push(value);
          else if (arg.type === AST_NODE_TYPES.MemberExpression || arg.type === AST_NODE_TYPES.Identifier) parts.push(sourceCode.getText(arg));
        }
        // app.route('/login').post(fn)
        const owner = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
        if (owner?.type === AST_NODE_TYPES.CallExpression && owner.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(owner.callee) === 'route') {
          const value = getStringValue(owner.arguments[0]);
          if (value !== null) parts.push(value);
        }
        return { text: parts.length > 0 ? parts.join(' ') : null, registered: true };
      }
    }
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      const parts: string[] = [];
      const routeOf = (decorators: readonly TSESTree.Decorator[] | undefined) => {
        for (const d of decorators ?? []) {
          const expr = skipTransparent(d.expression);
          if (expr.type !== AST_NODE_TYPES.CallExpression) continue;
          const name = getMemberPath(expr.callee);
          if (name === null || !/^(?:Controller|Post|Put|Patch|Get|Delete|All)$/u.test(lastSegment(name))) continue;
          const value = getStringValue(expr.arguments[0]);
          if (value !== null) parts.push(value);
        }
      };
      routeOf(parent.decorators);
      const cls = parent.parent?.parent;
      if (cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) routeOf(cls.decorators);
      return { text: parts.length > 0 ? parts.join(' ') : null, registered: parts.length > 0 };
    }
    return { text: null, registered: false };
  }

  /** The function reads a secret field of a request body: `req.body.password`, `const { password } = req.body`. */
  function readsSecretBodyField(fn: AnyFunction): boolean {
    let found = false;
    walkSameFunction(
      fn.body,
      (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.MemberExpression) {
          const object = skipTransparent(node.object);
          const name = getPropertyName(node);
          if (name !== null && object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'body' && nameOf(name).kind === 'secret') {
            found = true;
          }
        } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern && node.init) {
          const init = skipTransparent(node.init);
          const fromBody =
            (init.type === AST_NODE_TYPES.MemberExpression && getPropertyName(init) === 'body') ||
            (init.type === AST_NODE_TYPES.Identifier && /body|dto|input|payload/iu.test(init.name));
          if (fromBody && node.id.properties.some((p) => p.type === AST_NODE_TYPES.Property && nameOf(getPropertyName(p) ?? '').kind === 'secret')) {
            found = true;
          }
        }
        return undefined;
      },
      sourceCode.visitorKeys,
    );
    return found;
  }

  /**
   * A whole request body is reported where it carries credentials: request-wide middleware
   * (`app.use(fn)` without a path, a `requestLogger`), auth / user / payment routes and
   * handlers (by route, function name or file name), or a handler that reads a secret field
   * of the body. `console.log(req.body)` in `POST /products` is not a secret leak.
   */
  function isCredentialBodyContext(at: TSESTree.Node): boolean {
    let fn = getEnclosingFunction(at);
    for (let depth = 0; fn && depth < 4; depth++, fn = getEnclosingFunction(fn)) {
      const cached = bodyContextCache.get(fn);
      if (cached !== undefined) return cached;
      const route = routeText(fn);
      const name = functionName(fn);
      let result: boolean | null = null;
      if (readsSecretBodyField(fn)) result = true;
      else if (route.text !== null && isCredentialText(route.text)) result = true;
      else if (route.registered && route.text === null) result = true;
      else if (name !== null && (isCredentialText(name) || tokenizeName(name).some((t) => GENERIC_LOGGER_WORDS.has(t)))) result = true;
      else if (route.registered || name !== null) result = false;
      if (result !== null) {
        if (!result && isCredentialText(context.filename.replace(/\.[cm]?[jt]sx?$/u, ''))) result = true;
        bodyContextCache.set(fn, result);
        return result;
      }
    }
    return isCredentialText(context.filename.replace(/\.[cm]?[jt]sx?$/u, ''));
  }

  // ----- calls -----

  function calleeName(call: TSESTree.CallExpression): string | null {
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
    if (callee.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(callee);
    return null;
  }

  function isHashChain(call: TSESTree.CallExpression): boolean {
    let current: TSESTree.Node = call;
    for (let i = 0; i < 8; i++) {
      const c = skipTransparent(current);
      if (c.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(c);
        if (name !== null && HASH_CALLS.has(name)) return true;
        current = c.callee;
      } else if (c.type === AST_NODE_TYPES.MemberExpression) {
        current = c.object;
      } else {
        return false;
      }
    }
    return false;
  }

  function isSanitizingCall(call: TSESTree.CallExpression): boolean {
    const path = getCalleePath(call);
    if (path !== null && (sanitizerPaths.has(path) || sanitizerPaths.has(lastSegment(path)))) return true;
    const name = calleeName(call);
    if (name === null) return false;
    if (sanitizerPaths.has(name)) return true;
    if (isHashChain(call)) return true;
    const tokens = tokenizeName(name);
    if (tokens.length === 0) return false;
    if (SANITIZER_VERBS.has(tokens[0]!)) return true;
    if (tokens.some((t) => SANITIZED_WORDS.has(t)) && !tokens.some((t) => t === 'stringify' || t === 'parse' || t === 'inspect' || t === 'format')) {
      return true;
    }
    return false;
  }

  function isBooleanCall(call: TSESTree.CallExpression): boolean {
    const name = calleeName(call);
    if (name === null) return false;
    if (BOOLEAN_METHODS.has(name)) return true;
    const first = tokenizeName(name)[0];
    return first !== undefined && BOOLEAN_PREFIXES.has(first) && name.length > first.length;
  }

  /** `token.slice(0, 8)`, `apiKey.substring(0, 4)`, `card.slice(-4)`: a deliberate short preview. */
  function isMaskingSlice(call: TSESTree.CallExpression, method: string): boolean {
    if (method !== 'slice' && method !== 'substring' && method !== 'substr') return false;
    const nums = call.arguments.map((a) => {
      const n = skipTransparent(a);
      if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number') return n.value;
      if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '-' && n.argument.type === AST_NODE_TYPES.Literal && typeof n.argument.value === 'number') {
        return -n.argument.value;
      }
      return null;
    });
    if (nums.length === 1 && nums[0] !== null && nums[0]! < 0) return nums[0]! >= -4;
    if (nums.length === 2 && nums[0] === 0 && nums[1] !== null && nums[1]! > 0) return nums[1]! <= 8;
    return false;
  }

  function wrapperArguments(call: TSESTree.CallExpression): TSESTree.Node[] | null {
    const path = getCalleePath(call);
    if (path === null || !WRAPPER_CALLS.has(path)) return null;
    const args = call.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a));
    if (path === 'JSON.stringify' || path === 'String' || path === 'inspect' || path === 'util.inspect' || path === 'Buffer.from' || path === 'structuredClone') {
      return args.slice(0, 1);
    }
    return args;
  }

  function classifyCall(call: TSESTree.CallExpression): ValueVerdict {
    if (isSanitizingCall(call) || isBooleanCall(call)) return SAFE;
    const callee = skipTransparent(call.callee);
    const path = getCalleePath(call);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(callee);
      if (method !== null && GETTER_METHODS.has(method)) {
        const key = getStringValue(call.arguments[0]);
        if (key !== null) {
          const v = nameOf(key);
          if (v.kind === 'secret') return secret(article(v.concept), v.concept);
          if (v.kind === 'qualified') return SAFE;
          const owner = getMemberPath(callee.object);
          if (owner !== null && /cookies?(?:\(\))?$/iu.test(owner) && SESSION_COOKIE_NAMES.has(key.toLowerCase())) {
            return secret(`the ${key} cookie`, 'cookie');
          }
        }
        return UNKNOWN;
      }
      if (method === 'getRequest') return WHOLE_REQUEST;
      if (method !== null && isMaskingSlice(call, method)) return SAFE;
      if (method !== null && PRESERVING_METHODS.has(method)) {
        const inner = classify(callee.object);
        if (inner.kind === 'secret' && !inner.whole) return { ...inner, detail: inner.detail };
        return inner.kind === 'safe' ? SAFE : UNKNOWN;
      }
      if ((method === 'sign' || method === 'signAsync') && /jwt/iu.test(getMemberPath(callee.object) ?? '')) {
        return secret('the signed token', 'token');
      }
    }
    const wrapped = wrapperArguments(call);
    if (wrapped) {
      for (const arg of wrapped) {
        const v = classify(arg);
        if (v.kind === 'secret') return v;
      }
      return UNKNOWN;
    }
    const name = path !== null ? lastSegment(path) : calleeName(call);
    if (name !== null) {
      const tokens = tokenizeName(name);
      if (tokens.length > 1 && PRODUCER_VERBS.has(tokens[0]!) && !tokens.includes('by')) {
        const v = classifySecretTokens(tokens.slice(1), nameOptions);
        if (v.kind === 'secret') return secret(`the ${v.concept} returned by`, v.concept);
      }
    }
    return UNKNOWN;
  }

  // ----- identifiers and members -----

  interface PatternOrigin {
    keys: (string | number)[];
    rest: boolean;
  }

  /** Where `target` sits in a destructuring pattern: `{ body: { password: pw } }` → ['body', 'password']. */
  function patternOrigin(pattern: TSESTree.Node, target: TSESTree.Identifier): PatternOrigin | null {
    if (pattern === target) return { keys: [], rest: false };
    switch (pattern.type) {
      case AST_NODE_TYPES.ObjectPattern:
        for (const prop of pattern.properties) {
          if (prop.type === AST_NODE_TYPES.RestElement) {
            const inner = patternOrigin(prop.argument, target);
            if (inner) return { keys: inner.keys, rest: true };
            continue;
          }
          const inner = patternOrigin(prop.value, target);
          if (inner) {
            const key = getPropertyName(prop);
            if (key === null) return null;
            return { keys: [key, ...inner.keys], rest: inner.rest };
          }
        }
        return null;
      case AST_NODE_TYPES.ArrayPattern:
        for (let i = 0; i < pattern.elements.length; i++) {
          const el = pattern.elements[i];
          if (!el) continue;
          const inner = patternOrigin(el.type === AST_NODE_TYPES.RestElement ? el.argument : el, target);
          if (inner) return { keys: [i, ...inner.keys], rest: inner.rest || el.type === AST_NODE_TYPES.RestElement };
        }
        return null;
      case AST_NODE_TYPES.AssignmentPattern:
        return patternOrigin(pattern.left, target);
      default:
        return null;
    }
  }

  function alias(inner: SecretVerdict, from: TSESTree.Node): SecretVerdict {
    return inner.embedded ? inner : { ...inner, detail: ` (from \`${text(from)}\`)` };
  }

  function classifyIdentifier(id: TSESTree.Identifier): ValueVerdict {
    if (id.name === 'undefined') return SAFE;
    const nameVerdict = nameOf(id.name);
    const byName = (): ValueVerdict =>
      nameVerdict.kind === 'secret' ? secret(article(nameVerdict.concept), nameVerdict.concept) : nameVerdict.kind === 'qualified' ? SAFE : UNKNOWN;
    const variable = findVariable(context, id);
    const def = variable && variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.init) {
      const declarator = def.node;
      const init = declarator.init!;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const initVerdict = classify(init);
        if (initVerdict.kind === 'safe') return SAFE;
        // const sessionKey = `${sessionId}|${executionId}`: a key made of ids is an id.
        if (nameVerdict.kind === 'secret' && isIdComposite(init)) return SAFE;
        if (nameVerdict.kind !== 'none') return byName();
        if (initVerdict.kind === 'secret') return alias(initVerdict, init);
        return UNKNOWN;
      }
      const origin = patternOrigin(declarator.id, def.name as TSESTree.Identifier);
      if (origin && !origin.rest && origin.keys.length > 0) {
        if (nameVerdict.kind === 'qualified') return SAFE;
        const last = origin.keys[origin.keys.length - 1]!;
        if (typeof last === 'string') {
          const keyVerdict = nameOf(last);
          if (keyVerdict.kind === 'secret') {
            return secret(article(keyVerdict.concept), keyVerdict.concept, last !== id.name ? { detail: ` (destructured from \`${last}\`)` } : {});
          }
          if (nameVerdict.kind === 'secret') return byName();
          if (origin.keys.every((k) => typeof k === 'string')) {
            const source = sourceAt(init, origin.keys as string[], null);
            if (source?.kind === 'secret') return { ...source, detail: ` (destructured from \`${text(init)}\`)` };
          }
          return UNKNOWN;
        }
        if (nameVerdict.kind === 'secret') return byName();
        // const [, token] = authHeader.split(' ')
        const initVerdict = classify(init);
        if (initVerdict.kind === 'secret' && !initVerdict.whole && !initVerdict.embedded) return alias(initVerdict, init);
        return UNKNOWN;
      }
      return byName();
    }
    if (def?.type === 'Parameter' && nameVerdict.kind === 'none' && isWholeRequest(id)) return WHOLE_REQUEST;
    // handler(sessionKey) called only as handler(`${sessionId}|${executionId}`) in this file.
    if (def?.type === 'Parameter' && nameVerdict.kind === 'secret' && isFunctionNode(def.node) && parameterGetsOnlyIds(def.node, def.name)) return SAFE;
    return byName();
  }

  const referenceCache = new Map<string, boolean>();

  /**
   * `node.credentials` where this file reads `node.credentials[type].id`: a map of references to
   * stored credentials (`{ [type]: { id, name } }`), not the secrets themselves.
   */
  function holdsReferences(owner: TSESTree.Node, property: string): boolean {
    const o = skipTransparent(owner);
    const ownerName = o.type === AST_NODE_TYPES.Identifier ? o.name : o.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(o) : null;
    if (ownerName === null) return false;
    const key = `${ownerName}.${property}`;
    let found = referenceCache.get(key);
    if (found === undefined) {
      const escape = (t: string) => t.replace(/[$]/gu, '\\$');
      const pattern = new RegExp(`(?<![\\w$])${escape(ownerName)}\\??\\.${escape(property)}(?:\\?\\.)?\\[[^\\]\\n]+\\]\\??\\.id\\b`, 'u');
      found = pattern.test(sourceCode.text);
      referenceCache.set(key, found);
    }
    return found;
  }

  // ----- keys made of ids -----

  /** `sessionId`, `executionId`, `user.id`: a name whose last word is `id`. */
  function isIdNamed(node: TSESTree.Node): boolean {
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null;
    if (name === null) return false;
    const tokens = tokenizeName(name);
    return tokens[tokens.length - 1] === 'id' && nameOf(name).kind !== 'secret';
  }

  /** A literal, or a choice between literals (`isPublic ? 'public' : 'integrated'`). */
  function isFixedPart(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string' || typeof n.value === 'number';
    if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0;
    return n.type === AST_NODE_TYPES.ConditionalExpression && isFixedPart(n.consequent) && isFixedPart(n.alternate);
  }

  /**
   * `${sessionId}|${executionId}`, `userId + ':' + projectId` (directly or through a `const`): a
   * composite key of two or more ids and fixed text, nothing else. A token built from a random
   * part or a signature is not one.
   */
  function isIdComposite(node: TSESTree.Node, depth = 0): boolean {
    if (depth > 3) return false;
    const n = skipTransparent(node);
    let parts: TSESTree.Node[];
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, n);
      if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return false;
      const init = getVariableInit(variable);
      return init !== null && isIdComposite(init, depth + 1);
    }
    if (n.type === AST_NODE_TYPES.TemplateLiteral) parts = n.expressions;
    else if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
      parts = [];
      const flatten = (e: TSESTree.Node) => {
        const x = skipTransparent(e);
        if (x.type === AST_NODE_TYPES.BinaryExpression && x.operator === '+') {
          flatten(x.left);
          flatten(x.right);
        } else parts.push(x);
      };
      flatten(n);
    } else return false;
    let ids = 0;
    for (const part of parts) {
      const p = skipTransparent(part);
      if (isIdNamed(p)) ids++;
      else if (!isFixedPart(p)) return false;
    }
    return ids >= 2;
  }

  const callSiteCache = new WeakMap<AnyFunction, TSESTree.CallExpression[] | null>();

  /**
   * Every call of `fn` in this file: by its name (a function declaration or a `const`), or as
   * `this.method(…)` inside its class. Null when it is used any other way (passed, exported,
   * read as a value), so its callers are not all known here.
   */
  function callSitesOf(fn: AnyFunction): TSESTree.CallExpression[] | null {
    if (callSiteCache.has(fn)) return callSiteCache.get(fn)!;
    let result: TSESTree.CallExpression[] | null = null;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn && !parent.static && parent.key.type === AST_NODE_TYPES.Identifier && !parent.computed) {
      const name = parent.key.name;
      const calls: TSESTree.CallExpression[] = [];
      let other = false;
      walkTree(parent.parent, (node) => {
        if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || getPropertyName(node) !== name) return;
        if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) calls.push(node.parent);
        else other = true;
      }, sourceCode.visitorKeys);
      result = other ? null : calls;
    } else {
      const variable =
        fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
          ? sourceCode.getDeclaredVariables(fn)[0]
          : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
            ? sourceCode.getDeclaredVariables(parent)[0]
            : undefined;
      if (variable) {
        const calls: TSESTree.CallExpression[] = [];
        let other = false;
        for (const ref of variable.references) {
          if (ref.init) continue;
          const call = ref.identifier.parent;
          if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier) calls.push(call);
          else other = true;
        }
        result = other ? null : calls;
      }
    }
    callSiteCache.set(fn, result);
    return result;
  }

  function parameterGetsOnlyIds(fn: AnyFunction, param: TSESTree.Node): boolean {
    const index = fn.params.indexOf(param as TSESTree.Parameter);
    if (index === -1) return false;
    const calls = callSitesOf(fn);
    if (!calls || calls.length === 0) return false;
    return calls.every((call) => {
      const arg = call.arguments[index];
      return arg !== undefined && arg.type !== AST_NODE_TYPES.SpreadElement && isIdComposite(arg);
    });
  }

  /** `MESSAGES.TOKEN_EXPIRED`, `CACHE_KEYS.REFRESH_TOKEN`, `ERRORS.INVALID_PASSWORD`: a table of names and texts, not of values. */
  function isNameTable(object: TSESTree.Node): boolean {
    const path = getMemberPath(object);
    if (path === null) return false;
    const tokens = tokenizeName(lastSegment(path));
    if (tokens.some((t) => NAME_TABLE_WORDS.has(t))) return true;
    const last = tokens[tokens.length - 1];
    const before = tokens[tokens.length - 2];
    return (last === 'keys' || last === 'names') && before !== undefined && ['storage', 'cache', 'cookie', 'header', 'redis', 'local', 'session', 'query', 'param'].includes(before);
  }

  function classifyMember(node: TSESTree.MemberExpression): ValueVerdict {
    const name = getPropertyName(node);
    if (!node.computed && name !== null && SIZE_PROPERTIES.has(name)) return SAFE;
    const property = node.property;
    if (node.computed && property.type === AST_NODE_TYPES.Literal && typeof property.value === 'number') {
      // authHeader.split(' ')[1]
      const inner = classify(node.object);
      return inner.kind === 'secret' && !inner.whole ? inner : UNKNOWN;
    }
    const source = sourceOfMember(node);
    if (source) return source;
    if (name === null) return UNKNOWN;
    if (isNameTable(node.object)) return SAFE;
    const v = nameOf(name);
    if (v.kind === 'secret' && v.concept === 'credentials' && !node.computed && holdsReferences(node.object, name)) return SAFE;
    if (v.kind === 'secret') return secret(article(v.concept), v.concept);
    if (v.kind === 'qualified') return SAFE;
    if (VALUE_PROPERTIES.has(name.toLowerCase())) {
      const inner = classify(node.object);
      if (inner.kind === 'secret' && !inner.whole) return inner;
    }
    return UNKNOWN;
  }

  function classifyUncached(n: TSESTree.Node): ValueVerdict {
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
        return SAFE;
      case AST_NODE_TYPES.TemplateLiteral:
        if (n.expressions.length === 0) return SAFE;
        return containerVerdict(n);
      case AST_NODE_TYPES.BinaryExpression:
        return n.operator === '+' ? containerVerdict(n) : SAFE;
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
        return containerVerdict(n);
      case AST_NODE_TYPES.ConditionalExpression:
        return either(n.consequent, n.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return n.operator === '&&' ? classify(n.right) : either(n.left, n.right);
      case AST_NODE_TYPES.SequenceExpression:
        return classify(n.expressions[n.expressions.length - 1]!);
      case AST_NODE_TYPES.AssignmentExpression:
        return classify(n.right);
      case AST_NODE_TYPES.Identifier:
        return classifyIdentifier(n);
      case AST_NODE_TYPES.MemberExpression:
        return classifyMember(n);
      case AST_NODE_TYPES.CallExpression:
        return classifyCall(n);
      default:
        return UNKNOWN;
    }
  }

  function either(a: TSESTree.Node, b: TSESTree.Node): ValueVerdict {
    const va = classify(a);
    if (va.kind === 'secret') return va;
    const vb = classify(b);
    if (vb.kind === 'secret') return vb;
    return va.kind === 'safe' && vb.kind === 'safe' ? SAFE : UNKNOWN;
  }

  /** A string or object built around a secret (`const msg = \`pw=${password}\``). */
  function containerVerdict(node: TSESTree.Node): ValueVerdict {
    const inner = findSecrets(node);
    if (inner.length === 0) return UNKNOWN;
    const first = inner[0]!;
    return secret('the value', first.concept, {
      detail: ` (built from ${first.what} \`${text(first.node)}\`)`,
      embedded: true,
      whole: node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.ArrayExpression,
      carries: `${first.what} \`${text(first.node)}\``,
    });
  }

  function classify(node: TSESTree.Node): ValueVerdict {
    const n = skipTransparent(node);
    const cached = verdicts.get(n);
    if (cached) return cached;
    if (inProgress.has(n) || inProgress.size > 12) return UNKNOWN;
    inProgress.add(n);
    let result: ValueVerdict;
    try {
      result = classifyUncached(n);
    } finally {
      inProgress.delete(n);
    }
    verdicts.set(n, result);
    return result;
  }

  // ----- labels -----

  function labelFromName(name: string): SecretLabel | null {
    const v = nameOf(name);
    return v.kind === 'secret' ? { concept: v.concept, word: name } : null;
  }

  /** `token=` labels what follows; `getAccessToken: ${userId}` is a method name, not a label. */
  function labelFromWord(word: string): SecretLabel | null {
    const first = tokenizeName(word)[0];
    if (first !== undefined && (PRODUCER_VERBS.has(first) || ACTION_VERBS.has(first))) return null;
    return labelFromName(word);
  }

  function labelFromText(value: string): SecretLabel | null {
    // `Bearer ${t}`, `Authorization: Basic ${c}`, `Authorization: Token ${t}`; not `token ${i} of ${n}`.
    const scheme = /(?:^|[\s:="'])(Bearer|bearer|BEARER|Basic)\s+$/u.exec(value) ?? /authorization["']?\s*[:=]\s*["']?(Token|token)\s+$/iu.exec(value);
    if (scheme) return { concept: scheme[1]!.toLowerCase() === 'basic' ? 'credentials' : 'token', word: scheme[1]! };
    // `token=${t}`, `"password": "${p}"`, `verification code: ${c}`, `your OTP is ${otp}`
    const keyed = /(?:([A-Za-z_$][\w$-]*)\s+)?([A-Za-z_$][\w$-]*)["']?(?:\s*[:=]|\s+(?:is|was))\s*["']?$/u.exec(value);
    if (!keyed) return null;
    const pair = keyed[1] !== undefined ? labelFromWord(`${keyed[1]}_${keyed[2]!}`) : null;
    return pair && tokenizeName(keyed[2]!).every((t) => !HARMLESS_SUFFIXES.has(t)) ? { ...pair, word: `${keyed[1]} ${keyed[2]}` } : labelFromWord(keyed[2]!);
  }

  function argumentLabels(args: readonly TSESTree.Node[]): (SecretLabel | null)[] {
    const labels: (SecretLabel | null)[] = args.map(() => null);
    const formatIndex = args.findIndex((a, i) => i <= 1 && getStringValue(a) !== null);
    const format = formatIndex >= 0 ? getStringValue(args[formatIndex]) : null;
    if (format !== null && PRINTF_PLACEHOLDER.test(format)) {
      PRINTF_PLACEHOLDER.lastIndex = 0;
      const parts = format.split(PRINTF_PLACEHOLDER);
      for (let k = 0; k + 1 < parts.length && formatIndex + 1 + k < args.length; k++) {
        labels[formatIndex + 1 + k] = labelFromText(parts[k]!);
      }
      return labels;
    }
    for (let i = 1; i < args.length; i++) {
      const previous = getStringValue(args[i - 1]);
      if (previous !== null) labels[i] = labelFromText(previous);
    }
    return labels;
  }

  /** A label only names plain values: `{ token: t }`, not `{ token: jwt.decode(t) }` nor `{ token: record.id }`. */
  function labelApplies(n: TSESTree.Node): boolean {
    let name: string | null;
    if (n.type === AST_NODE_TYPES.Identifier) name = n.name;
    else if (n.type === AST_NODE_TYPES.MemberExpression) name = getPropertyName(n);
    else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(n.callee);
      if (method === null || (!PRESERVING_METHODS.has(method) && !GETTER_METHODS.has(method))) return false;
      return true;
    } else return false;
    if (name === null) return true;
    const tokens = tokenizeName(name);
    const last = tokens[tokens.length - 1];
    return last === undefined || (!HARMLESS_SUFFIXES.has(last) && !LABEL_NEUTRAL.has(last));
  }

  // ----- containers -----

  function findSecrets(node: TSESTree.Node, label: SecretLabel | null = null, fieldPath: readonly string[] | null = null): SecretFinding[] {
    const out: SecretFinding[] = [];
    const seen = new Set<TSESTree.Node>();

    const push = (raw: TSESTree.Node, v: SecretVerdict, path: readonly string[] | null) => {
      if (seen.has(raw)) return;
      seen.add(raw);
      const { kind: _kind, ...rest } = v;
      out.push({ ...rest, node: raw, fieldPath: path });
    };

    const leaf = (raw: TSESTree.Node, n: TSESTree.Node, lbl: SecretLabel | null, path: readonly string[] | null, exclude?: ReadonlySet<string>) => {
      const v = classify(n);
      if (v.kind === 'secret') {
        if (!v.whole && !v.embedded && !NUMERIC_SECRETS.has(v.concept) && isNumberOrBoolean(n)) return;
        push(raw, v, path);
        return;
      }
      if (v.kind === 'safe') return;
      if (lbl && labelApplies(n)) {
        if (!NUMERIC_SECRETS.has(lbl.concept) && isNumberOrBoolean(n)) return;
        push(raw, secret(article(lbl.concept), lbl.concept, { detail: ` (logged as \`${lbl.word}\`)` }), path);
        return;
      }
      const typed = typeFinding(n, exclude);
      if (typed) push(raw, typed, path);
    };

    const visit = (raw: TSESTree.Node, lbl: SecretLabel | null, path: readonly string[] | null, depth: number): void => {
      if (depth > 20) return;
      const n = skipTransparent(raw);
      switch (n.type) {
        case AST_NODE_TYPES.ObjectExpression: {
          n.properties.forEach((prop, index) => {
            if (prop.type === AST_NODE_TYPES.SpreadElement) {
              // `{ ...user, password: undefined }` overrides what the spread brought in.
              const later = new Set<string>();
              for (const p of n.properties.slice(index + 1)) {
                if (p.type === AST_NODE_TYPES.Property) {
                  const k = getPropertyName(p);
                  if (k !== null) later.add(k);
                }
              }
              const arg = skipTransparent(prop.argument);
              if (arg.type === AST_NODE_TYPES.ObjectExpression) {
                visit(prop.argument, null, path, depth + 1);
                return;
              }
              // `{ ...req.body, password: undefined }`: the override removes what made it a secret.
              const spread = classify(arg);
              if (spread.kind === 'secret' && spread.whole && spread.redactPaths.every((p) => p.length > 0 && later.has(p[0]!))) return;
              leaf(prop.argument, arg, null, path, later);
              return;
            }
            if (prop.kind !== 'init' || prop.method || isFunctionNode(prop.value)) return;
            const key = getPropertyName(prop);
            visit(prop.value, key !== null ? labelFromName(key) : null, path && key !== null ? [...path, key] : null, depth + 1);
          });
          return;
        }
        case AST_NODE_TYPES.ArrayExpression:
          for (const el of n.elements) {
            if (!el) continue;
            visit(el.type === AST_NODE_TYPES.SpreadElement ? el.argument : el, lbl, null, depth + 1);
          }
          return;
        case AST_NODE_TYPES.TemplateLiteral:
          n.expressions.forEach((expr, i) => {
            visit(expr, labelFromText(n.quasis[i]?.value.cooked ?? ''), null, depth + 1);
          });
          return;
        case AST_NODE_TYPES.BinaryExpression: {
          if (n.operator !== '+') return;
          const operands: TSESTree.Node[] = [];
          const flatten = (e: TSESTree.Node) => {
            const s = skipTransparent(e);
            if (s.type === AST_NODE_TYPES.BinaryExpression && s.operator === '+') {
              flatten(s.left);
              flatten(s.right);
            } else operands.push(e);
          };
          flatten(n);
          let pending: SecretLabel | null = null;
          for (const op of operands) {
            const str = getStringValue(skipTransparent(op));
            if (str !== null) {
              pending = labelFromText(str);
              continue;
            }
            visit(op, pending, null, depth + 1);
            pending = null;
          }
          return;
        }
        case AST_NODE_TYPES.ConditionalExpression:
          visit(n.consequent, lbl, path, depth + 1);
          visit(n.alternate, lbl, path, depth + 1);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          if (n.operator !== '&&') visit(n.left, lbl, path, depth + 1);
          visit(n.right, lbl, path, depth + 1);
          return;
        case AST_NODE_TYPES.SequenceExpression:
          visit(n.expressions[n.expressions.length - 1]!, lbl, path, depth + 1);
          return;
        case AST_NODE_TYPES.CallExpression: {
          if (isSanitizingCall(n) || isBooleanCall(n)) return;
          const wrapped = wrapperArguments(n);
          if (wrapped) {
            for (const arg of wrapped) visit(arg, lbl, null, depth + 1);
            return;
          }
          leaf(raw, n, lbl, path);
          return;
        }
        default:
          leaf(raw, n, lbl, path);
      }
    };

    visit(node, label, fieldPath, 0);
    return out;
  }

  return { findSecrets, classify, argumentLabels, labelFromText };
}

/** For tests and other rules: the secret-name verdict of a property key or identifier node. */
export function secretNameOfNode(node: TSESTree.Node, options?: SecretNameOptions): SecretNameVerdict {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return classifySecretName(n.name, options);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    return name === null ? { kind: 'none' } : classifySecretName(name, options);
  }
  return { kind: 'none' };
}
