/**
 * What counts as personal data in a value that reaches a log: e-mail addresses, phone
 * numbers, national id numbers (passport, national id, tax id), dates of birth and
 * people's names.
 *
 * The name policy: a name is personal data when it *ends* with a personal-data phrase,
 * matched on whole word tokens (`userEmail`, `customer_phone_number`, `dateOfBirth`), the
 * phrase optionally followed by a word that only says "the value" (`emailAddress`,
 * `phoneNumberRaw`, `emailLower`). Anything else after the phrase makes it a name *about*
 * the data (`emailVerified`, `emailTemplate`, `phoneCountryCode`, `emailId`), and a flag,
 * verb or configuration word before it makes it something else (`hasPhone`, `isEmail`,
 * `sendEmail`, `fromEmail`, `supportEmail`). SCREAMING_CASE names are constants (field
 * names, configuration addresses), not someone's data. IP addresses are not personal data
 * here: security logs need them. Names the secret rules already treat as secrets (`ssn`)
 * are left to `no-raw-secret-in-log`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, calleeName, findVariable, getCalleePath, getMemberPath, getPropertyName, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { classifySecretName, tokenizeName } from './secrets/names.js';

export type PiiCategory = 'email' | 'phone' | 'national-id' | 'birth-date' | 'name';
export const PII_CATEGORIES: readonly PiiCategory[] = ['email', 'phone', 'national-id', 'birth-date', 'name'];

export type PiiNameVerdict =
  | { kind: 'pii'; category: PiiCategory }
  /** The name mentions personal data but denotes something else (`emailVerified`, `hasPhone`). */
  | { kind: 'qualified'; category: PiiCategory }
  | { kind: 'none' };

interface Phrase {
  tokens: readonly string[];
  category: PiiCategory;
}

const PHRASES_BY_CATEGORY: Record<PiiCategory, readonly string[]> = {
  email: ['email', 'emails', 'e mail', 'mail address', 'mail addresses'],
  phone: [
    'phone', 'phones', 'telephone', 'phone number', 'phone numbers', 'phone no', 'mobile number', 'mobile phone',
    'cell phone', 'cell number', 'contact number', 'msisdn', 'phonenumber',
  ],
  'national-id': [
    'passport number', 'passport no', 'passport num', 'national id', 'national id number', 'national identity number',
    'national insurance number', 'tax id', 'tax identification number', 'taxpayer id', 'id card number',
    'driver license number', 'drivers license number', 'driving licence number', 'aadhaar', 'aadhaar number',
    'social insurance number', 'social security number', 'ssn',
  ],
  'birth-date': ['dob', 'date of birth', 'birth date', 'birthdate', 'birthday', 'birth day', 'dateofbirth'],
  name: [
    'full name', 'first name', 'last name', 'given name', 'family name', 'legal name', 'middle name', 'surname',
    'firstname', 'lastname', 'fullname', 'givenname', 'familyname',
  ],
};

const CONCEPTS: Record<PiiCategory, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  'national-id': 'a national id number',
  'birth-date': 'a date of birth',
  name: "a person's name",
};

const PHRASES: readonly Phrase[] = PII_CATEGORIES.flatMap((category) =>
  PHRASES_BY_CATEGORY[category].map((p) => ({ tokens: p.split(' '), category })),
).sort((a, b) => b.tokens.length - a.tokens.length);

/** Words after the phrase that still denote the value itself. */
const VALUE_SUFFIXES = new Set([
  'address', 'addresses', 'addr', 'value', 'values', 'raw', 'plain', 'str', 'string', 'text', 'lower', 'lowercase',
  'lc', 'normalized', 'normalised', 'trimmed', 'list', 'array', 'arr',
]);

/** Words before the phrase that make the name a flag, an action or a configured (non-personal) address. */
const QUALIFYING_PREFIXES = new Set([
  // flags and questions
  'is', 'has', 'have', 'had', 'should', 'can', 'could', 'must', 'need', 'needs', 'require', 'requires', 'did', 'does',
  'was', 'were', 'will', 'with', 'without', 'no', 'not', 'use', 'uses', 'using', 'allow', 'allows', 'enable',
  'enabled', 'show', 'hide', 'valid', 'verified', 'unverified', 'confirmed', 'num', 'count', 'total', 'max', 'min',
  // already made safe, or not real
  'masked', 'redacted', 'hashed', 'obfuscated', 'anonymized', 'anonymised', 'sanitized', 'truncated', 'partial',
  'encrypted', 'fake', 'dummy', 'mock', 'example', 'sample', 'test', 'placeholder', 'default',
  // actions (function names)
  'validate', 'verify', 'check', 'send', 'resend', 'format', 'parse', 'mask', 'hash', 'encrypt', 'set', 'get',
  'update', 'change', 'find', 'lookup', 'fetch', 'load', 'save', 'on', 'handle', 'render', 'build', 'create',
  // the service's own addresses, from configuration
  'from', 'sender', 'support', 'site', 'noreply', 'reply', 'smtp', 'system', 'fallback', 'admin', 'sales', 'billing',
  'notification', 'notifications', 'mailer', 'bounce', 'postmaster', 'webmaster', 'owner', 'company', 'business',
  'organization', 'org', 'app', 'service', 'env', 'config',
]);

/**
 * Objects whose `.name` is a person's name. Not `user` or `profile`: their `name` is as often
 * the login name (verdaccio's `remote_user.name`), which security logs need; not `candidate`.
 */
const PERSON_OWNERS = new Set([
  'member', 'customer', 'person', 'contact', 'patient', 'employee', 'recipient', 'subscriber', 'buyer',
  'applicant', 'student', 'guest', 'attendee', 'signer', 'cardholder', 'payer',
]);

const SCREAMING_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/u;

export interface PiiNameOptions {
  /** Extra words or names that denote personal data (tokenized like names), in category `name`-less 'custom'. */
  piiWords?: readonly string[];
  /** Names that are never personal data, matched exactly or by their tokens. */
  allowedNames?: readonly string[];
  /** Categories to look for (all by default). */
  categories?: readonly PiiCategory[];
}

interface Compiled {
  phrases: readonly (Phrase & { custom?: string })[];
  allowed: ReadonlySet<string>;
  categories: ReadonlySet<PiiCategory>;
}

const compiledCache = new WeakMap<object, Compiled>();
const DEFAULT: Compiled = { phrases: PHRASES, allowed: new Set(), categories: new Set(PII_CATEGORIES) };

function compile(options: PiiNameOptions | undefined): Compiled {
  if (!options) return DEFAULT;
  const cached = compiledCache.get(options);
  if (cached) return cached;
  const categories = new Set(options.categories ?? PII_CATEGORIES);
  const extra = (options.piiWords ?? []).map((w) => ({ tokens: tokenizeName(w), category: 'name' as PiiCategory, custom: w })).filter((p) => p.tokens.length > 0);
  const phrases = [...extra, ...PHRASES.filter((p) => categories.has(p.category))].sort((a, b) => b.tokens.length - a.tokens.length);
  const allowed = new Set<string>();
  for (const name of options.allowedNames ?? []) {
    allowed.add(name.toLowerCase());
    allowed.add(tokenizeName(name).join(' '));
  }
  const compiled = { phrases, allowed, categories };
  compiledCache.set(options, compiled);
  return compiled;
}

/** Classify a name: `userEmail` → pii, `emailVerified` → qualified, `userId` → none. */
export function classifyPiiName(name: string, options?: PiiNameOptions): PiiNameVerdict & { custom?: string } {
  if (SCREAMING_CASE.test(name) && /[A-Z]/u.test(name) && name.length > 1) return { kind: 'none' };
  const compiled = compile(options);
  const tokens = tokenizeName(name);
  if (tokens.length === 0) return { kind: 'none' };
  if (compiled.allowed.size > 0 && (compiled.allowed.has(name.toLowerCase()) || compiled.allowed.has(tokens.join(' ')))) return { kind: 'none' };
  // The rightmost phrase decides: `emailPhone` is a phone, `phoneEmailVerified` neither.
  let best: { start: number; end: number; phrase: Phrase & { custom?: string } } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of compiled.phrases) {
      const len = phrase.tokens.length;
      if (i + len > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < len; k++) {
        if (tokens[i + k] !== phrase.tokens[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (!best || i + len > best.end || (i + len === best.end && i < best.start)) best = { start: i, end: i + len, phrase };
      break;
    }
  }
  if (!best) return { kind: 'none' };
  const category = best.phrase.category;
  const trailing = tokens.slice(best.end);
  if (trailing.some((t) => !VALUE_SUFFIXES.has(t))) return { kind: 'qualified', category };
  const leading = tokens.slice(0, best.start);
  if (leading.some((t) => QUALIFYING_PREFIXES.has(t))) return { kind: 'qualified', category };
  // `ssn`, `socialSecurityNumber`: a secret, reported by no-raw-secret-in-log.
  if (classifySecretName(name).kind === 'secret') return { kind: 'qualified', category };
  return best.phrase.custom !== undefined ? { kind: 'pii', category, custom: best.phrase.custom } : { kind: 'pii', category };
}

// ---------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------

export interface PiiFinding {
  /** The expression that carries the data: what a fix wraps or drops. */
  node: TSESTree.Node;
  category: PiiCategory;
  /** `an e-mail address`, or the configured word. */
  concept: string;
  /** ` (from \`req.body.email\`)`, ` (logged as \`email\`)`. */
  detail: string;
}

type Verdict = { kind: 'pii'; category: PiiCategory; concept: string; detail: string } | { kind: 'safe' } | { kind: 'unknown' };

const SAFE: Verdict = { kind: 'safe' };
const UNKNOWN: Verdict = { kind: 'unknown' };

/** Calls that return their argument in another shape. */
const WRAPPER_CALLS = new Set(['JSON.stringify', 'String', 'util.inspect', 'inspect', 'encodeURIComponent', 'encodeURI', 'util.format', 'format']);
/** Methods whose result is still the personal data they are called on. */
const PRESERVING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toString', 'normalize', 'valueOf', 'toISOString', 'toJSON', 'toDateString', 'toLocaleDateString']);
/** Verbs and words of a call that makes its result safe (`hashEmail`, `maskPhone`, `anonymize`). */
const SANITIZER_WORDS = new Set([
  'redact', 'redacted', 'mask', 'masked', 'sanitize', 'sanitise', 'sanitized', 'scrub', 'censor', 'obfuscate', 'obfuscated',
  'anonymize', 'anonymise', 'anonymized', 'pseudonymize', 'pseudonymise', 'hash', 'hashed', 'fingerprint', 'fingerprinted',
  'digest', 'hmac', 'sha', 'md', 'encrypt', 'encrypted', 'truncate', 'elide', 'tokenize', 'blind', 'hide', 'safe',
]);
const HASH_CALLS = new Set(['digest', 'createHash', 'createHmac', 'hash', 'hashSync', 'sha256', 'sha1', 'sha512', 'md5', 'hmac']);
const BOOLEAN_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'test', 'has', 'some', 'every', 'equals', 'indexOf', 'lastIndexOf', 'match',
  'Boolean', 'isEmail', 'isMobilePhone', 'isValid', 'exists', 'localeCompare', 'Number', 'parseInt',
]);

export interface PiiAnalyzerOptions extends PiiNameOptions {
  /** Calls that make a value safe to log, by name or member path (`fingerprint`, `privacy.mask`). */
  sanitizers?: readonly string[];
}

export interface PiiAnalyzer {
  /** Every personal datum carried by a logged argument. */
  findPii(node: TSESTree.Node): PiiFinding[];
}

export function createPiiAnalyzer(context: Context, options: PiiAnalyzerOptions = {}): PiiAnalyzer {
  const sourceCode = context.sourceCode;
  const sanitizers = new Set(options.sanitizers ?? []);
  const verdicts = new Map<TSESTree.Node, Verdict>();
  const inProgress = new Set<TSESTree.Node>();

  const nameOf = (name: string) => classifyPiiName(name, options);
  const pii = (category: PiiCategory, detail = '', custom?: string): Verdict => ({
    kind: 'pii',
    category,
    concept: custom !== undefined ? `\`${custom}\`` : CONCEPTS[category],
    detail,
  });
  const byName = (name: string): Verdict | null => {
    const v = nameOf(name);
    if (v.kind === 'pii') return pii(v.category, '', 'custom' in v ? v.custom : undefined);
    if (v.kind === 'qualified') return SAFE;
    return null;
  };

  function text(node: TSESTree.Node): string {
    const t = sourceCode.getText(node).replace(/\s+/gu, ' ');
    return t.length > 40 ? `${t.slice(0, 37)}…` : t;
  }

  function isSanitizingCall(call: TSESTree.CallExpression): boolean {
    const path = getCalleePath(call);
    if (path !== null && (sanitizers.has(path) || sanitizers.has(lastSegment(path)))) return true;
    const name = calleeName(call);
    if (name === null) return false;
    if (sanitizers.has(name) || HASH_CALLS.has(name)) return true;
    // createHash('sha256').update(email).digest('hex')
    let current: TSESTree.Node = call.callee;
    for (let i = 0; i < 8; i++) {
      const c = skipTransparent(current);
      if (c.type === AST_NODE_TYPES.MemberExpression) current = c.object;
      else if (c.type === AST_NODE_TYPES.CallExpression) {
        const n = calleeName(c);
        if (n !== null && HASH_CALLS.has(n)) return true;
        current = c.callee;
      } else break;
    }
    return tokenizeName(name).some((t) => SANITIZER_WORDS.has(t));
  }

  function isBooleanCall(call: TSESTree.CallExpression): boolean {
    const name = calleeName(call);
    if (name === null) return false;
    if (BOOLEAN_METHODS.has(name)) return true;
    const first = tokenizeName(name)[0];
    return first !== undefined && ['is', 'has', 'can', 'should', 'validate', 'count'].includes(first) && name.length > first.length;
  }

  /** `const { email: to } = req.body` → the key `email` the binding was destructured from. */
  function destructuredKey(id: TSESTree.Identifier): string | null {
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === id && parent.parent?.type === AST_NODE_TYPES.ObjectPattern) {
      return getPropertyName(parent);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === id) {
      const p = parent.parent;
      if (p?.type === AST_NODE_TYPES.Property && p.parent?.type === AST_NODE_TYPES.ObjectPattern) return getPropertyName(p);
    }
    return null;
  }

  function classifyIdentifier(id: TSESTree.Identifier): Verdict {
    if (id.name === 'undefined') return SAFE;
    const variable = findVariable(context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'FunctionName' || def?.type === 'ClassName' || def?.type === 'ImportBinding') return SAFE;
    const own = byName(id.name);
    if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
      const init = skipTransparent(def.node.init);
      // `const email = 'ops@example.com'`: a constant, nobody's personal data.
      if (init.type === AST_NODE_TYPES.Literal || (init.type === AST_NODE_TYPES.TemplateLiteral && init.expressions.length === 0)) return SAFE;
      if (own) return own;
      if (def.parent?.kind === 'const') {
        const from = classify(init);
        if (from.kind === 'pii') return { ...from, detail: ` (from \`${text(init)}\`)` };
      }
      return UNKNOWN;
    }
    if (own) return own;
    const key = destructuredKey(def?.name.type === AST_NODE_TYPES.Identifier ? def.name : id);
    if (key !== null && def !== undefined && key !== id.name) {
      const v = byName(key);
      if (v?.kind === 'pii') return { ...v, detail: ` (destructured from \`${key}\`)` };
    }
    return UNKNOWN;
  }

  function classifyMember(node: TSESTree.MemberExpression): Verdict {
    const name = getPropertyName(node);
    if (name === null) return UNKNOWN;
    if (!node.computed && (name === 'length' || name === 'size')) return SAFE;
    const own = byName(name);
    if (own) return own;
    if (name === 'name') {
      const owner = getMemberPath(node.object);
      const tokens = owner === null ? [] : tokenizeName(lastSegment(owner));
      const last = tokens[tokens.length - 1];
      if (last !== undefined && PERSON_OWNERS.has(last) && (options.categories ?? PII_CATEGORIES).includes('name')) {
        return pii('name');
      }
    }
    return UNKNOWN;
  }

  function classifyCall(call: TSESTree.CallExpression): Verdict {
    if (isSanitizingCall(call) || isBooleanCall(call)) return SAFE;
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(callee);
      if (method !== null && PRESERVING_METHODS.has(method)) return classify(callee.object);
    }
    return UNKNOWN;
  }

  function classify(node: TSESTree.Node): Verdict {
    const n = skipTransparent(node);
    const cached = verdicts.get(n);
    if (cached) return cached;
    if (inProgress.has(n) || inProgress.size > 8) return UNKNOWN;
    inProgress.add(n);
    let result: Verdict;
    try {
      switch (n.type) {
        case AST_NODE_TYPES.Literal:
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.UpdateExpression:
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.ClassExpression:
          result = SAFE;
          break;
        case AST_NODE_TYPES.Identifier:
          result = classifyIdentifier(n);
          break;
        case AST_NODE_TYPES.MemberExpression:
          result = classifyMember(n);
          break;
        case AST_NODE_TYPES.CallExpression:
          result = classifyCall(n);
          break;
        default:
          result = UNKNOWN;
      }
    } finally {
      inProgress.delete(n);
    }
    verdicts.set(n, result);
    return result;
  }

  /** A key that says what its value is labels plain values without a name of their own (`{ email: to }`). */
  function labelApplies(n: TSESTree.Node): boolean {
    let name: string | null;
    if (n.type === AST_NODE_TYPES.Identifier) name = n.name;
    else if (n.type === AST_NODE_TYPES.MemberExpression) name = getPropertyName(n);
    else return false;
    if (name === null) return false;
    const tokens = tokenizeName(name);
    const last = tokens[tokens.length - 1];
    // `{ email: user.id }`, `{ phone: result.status }`: the key names the subject, the value is something else.
    return last !== undefined && !['id', 'ids', 'uuid', 'key', 'count', 'length', 'size', 'status', 'type', 'ok', 'result', 'hash', 'digest', 'fingerprint', 'err', 'error', 'e'].includes(last) && !/^[A-Z]/u.test(name);
  }

  function findPii(root: TSESTree.Node): PiiFinding[] {
    const out: PiiFinding[] = [];
    const seen = new Set<TSESTree.Node>();
    const push = (raw: TSESTree.Node, v: Extract<Verdict, { kind: 'pii' }>) => {
      if (seen.has(raw)) return;
      seen.add(raw);
      out.push({ node: raw, category: v.category, concept: v.concept, detail: v.detail });
    };

    const leaf = (raw: TSESTree.Node, label: Extract<Verdict, { kind: 'pii' }> | null) => {
      const n = skipTransparent(raw);
      const v = classify(n);
      if (v.kind === 'pii') push(raw, v);
      else if (v.kind === 'unknown' && label && labelApplies(n)) push(raw, label);
    };

    const visit = (raw: TSESTree.Node, label: Extract<Verdict, { kind: 'pii' }> | null, depth: number): void => {
      if (depth > 12) return;
      const n = skipTransparent(raw);
      switch (n.type) {
        case AST_NODE_TYPES.ObjectExpression:
          for (const prop of n.properties) {
            // A spread object is logged whole: whether it carries personal data is not visible here.
            if (prop.type !== AST_NODE_TYPES.Property || prop.kind !== 'init' || prop.method || isFunctionNode(prop.value)) continue;
            const key = getPropertyName(prop);
            const keyVerdict = key === null ? null : byName(key);
            const keyLabel = keyVerdict?.kind === 'pii' ? { ...keyVerdict, detail: ` (logged as \`${key}\`)` } : null;
            visit(prop.value, keyLabel, depth + 1);
          }
          return;
        case AST_NODE_TYPES.ArrayExpression:
          for (const el of n.elements) if (el) visit(el.type === AST_NODE_TYPES.SpreadElement ? el.argument : el, null, depth + 1);
          return;
        case AST_NODE_TYPES.TemplateLiteral:
          for (const expr of n.expressions) visit(expr, null, depth + 1);
          return;
        case AST_NODE_TYPES.BinaryExpression:
          if (n.operator === '+') {
            visit(n.left, null, depth + 1);
            visit(n.right, null, depth + 1);
          }
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          visit(n.consequent, label, depth + 1);
          visit(n.alternate, label, depth + 1);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          if (n.operator !== '&&') visit(n.left, label, depth + 1);
          visit(n.right, label, depth + 1);
          return;
        case AST_NODE_TYPES.SequenceExpression:
          visit(n.expressions[n.expressions.length - 1]!, label, depth + 1);
          return;
        case AST_NODE_TYPES.CallExpression: {
          const path = getCalleePath(n);
          if (path !== null && WRAPPER_CALLS.has(path)) {
            const first = n.arguments[0];
            if (first && first.type !== AST_NODE_TYPES.SpreadElement) visit(first, label, depth + 1);
            return;
          }
          leaf(raw, label);
          return;
        }
        default:
          leaf(raw, label);
      }
    };

    visit(root, null, 0);
    return out;
  }

  return { findPii };
}

