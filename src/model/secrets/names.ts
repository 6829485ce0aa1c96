/**
 * Is this name a secret? Secret-looking names, tokenized (camelCase / snake_case / kebab-case /
 * SCREAMING_CASE).
 *
 * The name policy, in short: a name is a secret when its rightmost secret word (password,
 * token, apiKey, secret, authorization, cookie, credentials, otp, pin, ssn, card number,
 * cvv, private key…) is not followed by a harmless qualifier (`passwordResetUrl`,
 * `tokenCount`, `tokenExpiresAt`, `secretName`, `apiKeyId`) nor preceded by a boolean or
 * verb prefix (`isPasswordValid`, `hasToken`, `withCredentials`). Pagination and other
 * non-credential tokens (`nextPageToken`, `cancelToken`, `deviceToken`, `maxTokens`,
 * a lexer's `tokens`) are not secrets. A generic `sessionId` is not a secret either: in
 * real code it is mostly a chat, analytics or WebSocket correlation id; nor is the express-session
 * id (`req.sessionID`, `req.session.id`: its cookie is HMAC-signed, the bare id cannot be replayed).
 * `secretWords: ['sessionId']` opts in.
 */
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
  { tokens: ['security', 'question', 'answer'], concept: 'security answer' },
  { tokens: ['security', 'answer'], concept: 'security answer' },
  { tokens: ['security', 'answers'], concept: 'security answer' },
  { tokens: ['secret', 'answer'], concept: 'security answer' },
  { tokens: ['secret', 'answers'], concept: 'security answer' },
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
export const HARMLESS_SUFFIXES = new Set([
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
  'enable', 'show', 'hide', 'masked', 'redacted', 'obfuscated', 'sanitized', 'sanitised', 'desensitized', 'desensitised',
  'anonymized', 'anonymised', 'scrubbed', 'censored', 'truncated', 'partial', 'fake',
  'dummy', 'mock', 'example', 'sample', 'num', 'total', 'max', 'min', 'count',
]);

/**
 * Secrets drawn at random with enough entropy that a hash of one is a fingerprint: `hashedToken`,
 * `apiKeyHash` cannot be turned back into the token (what the rule itself suggests logging). A hash
 * of a password, a PIN, a one-time code or a card number can be guessed, so those stay secrets.
 */
const FINGERPRINTABLE_CONCEPTS = new Set([
  'token', 'API key', 'access key', 'secret', 'session key', 'auth key', 'signing key', 'encryption key', 'master key',
  'private key', 'license key', 'Authorization header', 'cookie',
]);
/** Last words that say the name holds a hash of the secret (`tokenHash`, `token_sha256`; `hashed` is a harmless suffix already). */
const HASH_SUFFIXES = new Set(['hash', 'sha']);

/** Verbs that start a function name that does something to a secret (`validateToken`, `setToken`). */
export const ACTION_VERBS = new Set([
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
  // a challenge is sent to the other party in the clear: ACME's http-01 / dns-01 token (served to anyone on purpose)
  'challenge', 'acme',
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
  // A decoded token (`decodedToken`, `decoded_jwt`) is a JWT's claims, not the token: it cannot be replayed.
  if (best.concept === 'token' && tokens.slice(0, best.start).includes('decoded')) {
    return { kind: 'qualified', concept: best.concept };
  }
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
  // `hashedToken`, `apiKeyHash`: a hash of a random secret is its fingerprint, not the secret.
  if (FINGERPRINTABLE_CONCEPTS.has(best.concept) && (tokens.slice(0, best.start).includes('hashed') || (trailing.length > 0 && HASH_SUFFIXES.has(trailing[trailing.length - 1]!)))) {
    return { kind: 'qualified', concept: best.concept };
  }
  const leading = tokens.slice(0, best.start);
  if (leading.some((t) => FLAG_WORDS.has(t)) || (leading.length > 0 && ACTION_VERBS.has(leading[0]!))) {
    return { kind: 'qualified', concept: best.concept };
  }
  return { kind: 'secret', concept: best.concept };
}

/** Owners that are things a non-credential token or pin belongs to (a subset of the kinds above: nouns, not counters or positions). */
const NON_CREDENTIAL_OWNERS = new Set([
  'challenge', 'acme', 'page', 'pagination', 'cursor', 'continuation', 'device', 'push', 'fcm', 'apns', 'registration',
  'notification', 'lexer', 'parser', 'cancellation', 'nft', 'erc', 'theme', 'design', 'gpio', 'led', 'relay', 'servo',
  'motor', 'sensor', 'button',
]);

/** Owners that hold where files are (`project.files.oldCredentials`: the old credentials file's path, `paths.privateKey`). */
const FILE_LOCATION_OWNERS = new Set(['files', 'filenames', 'filepaths', 'paths', 'dirs', 'directories', 'folders']);

/**
 * Does the owner a secret word sits under make it a non-credential kind, as the compound name
 * would (`challenge.token` reads as `challengeToken`: an ACME challenge's token, published on
 * purpose; `page.token` as `pageToken`, `device.token` as `deviceToken`, `led.pin` as `ledPin`)?
 */
export function ownerVoidsSecretWord(ownerName: string, property: string, options?: SecretNameOptions): boolean {
  const owner = tokenizeName(ownerName);
  const last = owner[owner.length - 1];
  const tokens = tokenizeName(property);
  // Every field of a holder of file locations is a location, as `credentialsFile` / `privateKeyPath` are.
  if (last !== undefined && FILE_LOCATION_OWNERS.has(last) && tokens.length > 0) return true;
  // Only owners that are things of that kind: `context.token`, `input.token` are a request's or a message's token.
  if (last === undefined || !NON_CREDENTIAL_OWNERS.has(last) || tokens.length === 0) return false;
  for (const phrase of compileNameOptions(options).phrases) {
    const m = matchPhrase([last, ...tokens], 1, phrase);
    if (m) return m.voided && m.end === tokens.length + 1;
  }
  return false;
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

/**
 * Whether a name places an `answer` in a security-question flow (`checkSecurityAnswer`,
 * `securityQuestion`, `secretQuestions`, `SecurityAnswer`): there a bare `answer` is the
 * account-recovery secret, not a quiz answer.
 */
export function namesSecurityQuestion(name: string): boolean {
  const tokens = tokenizeName(name);
  return (
    (tokens.includes('security') || tokens.includes('secret')) &&
    tokens.some((t) => t === 'question' || t === 'questions' || t === 'answer' || t === 'answers')
  );
}
