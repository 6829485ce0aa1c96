/**
 * Is this value a secret? What counts as a secret in a value that reaches a log: secret-looking
 * names (names.ts), request-derived sources (`req.headers`, `req.cookies`, `req.body`, the whole
 * request, `process.env`; request-sources.ts), values renamed or destructured from those, and,
 * when the parser has type information, objects whose type carries a secret-named property
 * (type-info.ts). Labels (`token=`, `{ password: p }`) name what follows (labels.ts); sanitizing,
 * yes/no and wrapping calls are read in value-calls.ts; keys made only of ids in id-keys.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  returnedValues,
  skipTransparent,
  unwrapIndirectCall,
} from '../ast.js';
import { classMethodOf, thisGetterOf } from '../class-members.js';
import { maskedConcept } from './masked-values.js';
import { namesNonSecretAttribute, selectsPart } from './derived-parts.js';
import { filedAsNonCredentialKind, memberOfNonCredentialKind } from './owner-kinds.js';
import { storedSecretConcept } from './store-values.js';
import { inSecurityQuestionFlow } from './question-flows.js';
import { createBodyContextReader } from './body-context.js';
import { createIdKeyReader } from './id-keys.js';
import { createLabelReader } from './labels.js';
import { createReadFieldReader } from './read-fields.js';
import { type SecretNameOptions, classifySecretName, classifySecretTokens, namesSecurityQuestion, tokenizeName } from './names.js';
import { SESSION_COOKIE_NAMES, WHOLE_REQUEST, createRequestSourceReader } from './request-sources.js';
import { createSecretTypeReader } from './type-info.js';
import { GETTER_METHODS, PRESERVING_METHODS, PRODUCER_VERBS, callName, callPath, isBooleanCall, isMaskingSlice, isSanitizingCall, wrapperArguments } from './value-calls.js';
import { type SecretFinding, type SecretLabel, type SecretVerdict, type ValueVerdict, SAFE, UNKNOWN, article, secret } from './verdicts.js';

export interface SecretAnalyzerOptions extends SecretNameOptions {
  /** Calls that make a value safe to log, by name or member path (`redact`, `utils.mask`). */
  sanitizers?: readonly string[];
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

const SIZE_PROPERTIES = new Set(['length', 'size', 'byteLength']);
/** A variable named for a redacted copy: `redactedHeaders`, `maskedConfig`, `sanitizedOptions`, `desensitizedToken`, `scrubbed_env`. */
const REDACTED_VALUE_NAME = /^_?(?:redacted|masked|sanitized|sanitised|desensitized|desensitised|anonymized|anonymised|obfuscated|scrubbed|censored)(?:[A-Z_\d]|$)/u;
/** `token.value`, `cookie.raw`: the secret itself under a generic name. */
const VALUE_PROPERTIES = new Set(['value', 'val', 'raw', 'data', 'text', 'str', 'string', 'content', 'plain', 'plaintext', 'current', 'href']);
/** Constructors whose value is text built from their arguments: a query string, a URL. */
const URL_CONSTRUCTORS = new Set(['URLSearchParams', 'URL', 'url.URL']);
/** Object names that hold names or texts: `VERIFICATION_MESSAGES`, `ErrorCodes`, `EVENTS`, `i18n`. */
const NAME_TABLE_WORDS = new Set([
  'messages', 'message', 'msg', 'msgs', 'errors', 'codes', 'texts', 'labels', 'events', 'routes', 'paths', 'types',
  'actions', 'strings', 'i18n', 'translations', 'queues', 'topics', 'channels', 'statuses', 'templates', 'enum', 'enums',
]);
/** Secrets that may legitimately be numbers. */
const NUMERIC_SECRETS = new Set(['PIN', 'one-time code', 'SSN', 'card number', 'CVV', 'passcode']);

const ANSWER_NAME = /^answers?$/u;
const SECURITY_ANSWER = secret(article('security answer'), 'security answer');

/** The secret analyzer of one file under one set of options (the options are part of every cached answer). */
export function createSecretAnalyzer(context: Context, options: SecretAnalyzerOptions = {}): SecretAnalyzer {
  const sourceCode = context.sourceCode;
  const nameOptions: SecretNameOptions = options;
  const sanitizerPaths: ReadonlySet<string> = new Set(options.sanitizers ?? []);
  const verdicts = new Map<TSESTree.Node, ValueVerdict>();
  const inProgress = new Set<TSESTree.Node>();

  const nameOf = (name: string) => classifySecretName(name, nameOptions);
  const { isNumberOrBoolean, isTypedWithoutSecrets, typeFinding } = createSecretTypeReader(context, nameOf);
  const { isCredentialBodyContext } = createBodyContextReader(context, nameOptions);
  const { isWholeRequest, sourceAt, sourceOfCall, sourceOfMember } = createRequestSourceReader(context, { nameOf, isTypedWithoutSecrets, isCredentialBodyContext });
  const { isIdComposite, parameterGetsOnlyIds } = createIdKeyReader(context, nameOf);
  const { labelFromName, labelFromText, argumentLabels, labelApplies } = createLabelReader(nameOf);
  const readSecretFields = createReadFieldReader(context, nameOf);

  /** The node's text on one line, cut at 40 characters, for messages. */
  function text(node: TSESTree.Node): string {
    const t = sourceCode.getText(node).replace(/\s+/gu, ' ');
    return t.length > 40 ? `${t.slice(0, 37)}…` : t;
  }
  // ----- calls -----

  function classifyCall(call: TSESTree.CallExpression): ValueVerdict {
    if (isSanitizingCall(call, sanitizerPaths) || isBooleanCall(call)) return SAFE;
    // `(0, token_1.getDesensitizedToken)(t)`: compiled code calling an imported function.
    const callee = unwrapIndirectCall(call.callee);
    const path = callPath(call);
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
      const fromRequest = method !== null ? sourceOfCall(callee.object, method, call) : null;
      if (fromRequest) return fromRequest;
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
    // buildUrl(q) → `https://…?key=${process.env.GEO_KEY}&q=${q}`: a same-file function whose returned text is built from a secret;
    // also a method of a class in this file (`Uploader.shortenToken(t)`, `this.constructor.mask(t)`).
    const fn = resolveFunction(context, callee) ?? classMethodOf(context, callee);
    if (fn) {
      // shortenToken(token) { return token.substring(0, 8) }: a function that only returns a masked preview.
      if (returnsOnlyMasked(fn, 0)) return SAFE;
      for (const value of returnedValues(fn, sourceCode.visitorKeys)) {
        const v = classify(value);
        if (v.kind === 'secret' && v.embedded && !v.whole) return v;
      }
    }
    const name = path !== null ? lastSegment(path) : callName(call);
    if (name !== null) {
      const tokens = tokenizeName(name);
      if (tokens.length > 1 && PRODUCER_VERBS.has(tokens[0]!) && !tokens.includes('by')) {
        const v = classifySecretTokens(tokens.slice(1), nameOptions);
        if (v.kind === 'secret') return secret(`the ${v.concept} returned by`, v.concept);
      }
    }
    return UNKNOWN;
  }

  const maskedReturns = new Map<TSESTree.Node, boolean>();

  /**
   * Every value `fn` returns is a masked preview or a sanitized value (`token.substring(0, 8)`,
   * `hash(token)`), or the result of another such function of this file (three calls deep at most).
   */
  function returnsOnlyMasked(fn: TSESTree.Node, depth: number): boolean {
    if (!isFunctionNode(fn)) return false;
    const cached = maskedReturns.get(fn);
    if (cached !== undefined) return cached;
    if (depth > 3) return false;
    maskedReturns.set(fn, false);
    const values = returnedValues(fn, sourceCode.visitorKeys);
    const result = values.length > 0 && values.every((value) => isMaskedValue(value, depth));
    maskedReturns.set(fn, result);
    return result;
  }

  function isMaskedValue(value: TSESTree.Node, depth: number): boolean {
    const v = skipTransparent(value);
    if (v.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isSanitizingCall(v, sanitizerPaths)) return true;
    const callee = unwrapIndirectCall(v.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (method !== null && isMaskingSlice(v, method)) return true;
    const inner = resolveFunction(context, callee) ?? classMethodOf(context, callee);
    return inner !== null && returnsOnlyMasked(inner, depth + 1);
  }

  /**
   * `this.shortToken` where the class declares `get shortToken() { return mask(this.token) }`: the
   * getter's returned values decide — a secret among them is logged, a masked or safe value in every
   * return is not. Null when they say neither (the name decides then).
   */
  function classifyGetterRead(node: TSESTree.MemberExpression): ValueVerdict | null {
    const getter = thisGetterOf(node);
    if (!getter) return null;
    const values = returnedValues(getter, sourceCode.visitorKeys);
    if (values.length === 0) return null;
    let allSafe = true;
    for (const value of values) {
      const v = classify(value);
      if (v.kind === 'secret') return alias(v, value);
      if (v.kind !== 'safe') allSafe = false;
    }
    return allSafe ? SAFE : null;
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
    // `redactedHeaders`, `maskedConfig`: the author says the value went through redaction (what it was built from is not asked).
    if (REDACTED_VALUE_NAME.test(id.name)) return SAFE;
    if (ANSWER_NAME.test(id.name) && inSecurityQuestionFlow(id)) return SECURITY_ANSWER;
    const nameVerdict = nameOf(id.name);
    const byName = (): ValueVerdict =>
      nameVerdict.kind === 'secret' ? secret(article(nameVerdict.concept), nameVerdict.concept) : nameVerdict.kind === 'qualified' ? SAFE : UNKNOWN;
    const variable = findVariable(context, id);
    // a token the function itself files as a challenge's (`{ challenge: { token } }`): owner-kinds.ts
    if (nameVerdict.kind === 'secret' && variable && filedAsNonCredentialKind(variable, nameOptions)) return SAFE;
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
        // const username = (data[1] || '').toString().trim(), data a decoded SASL token: a part named for a non-secret attribute is that attribute.
        if (initVerdict.kind === 'secret') return !initVerdict.whole && namesNonSecretAttribute(id.name) && selectsPart(init) ? UNKNOWN : alias(initVerdict, init);
        return (variable ? maskedHere(variable, id) : null) ?? UNKNOWN;
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
        // const [, token] = authHeader.split(' '); not const [scheme] = … nor const [user, pass] = decoded.split(':') (derived-parts.ts)
        if (namesNonSecretAttribute(id.name)) return UNKNOWN;
        const initVerdict = classify(init);
        if (initVerdict.kind === 'secret' && !initVerdict.whole && !initVerdict.embedded) return alias(initVerdict, init);
        return UNKNOWN;
      }
      return byName();
    }
    if (def?.type === 'Parameter' && nameVerdict.kind === 'none' && isWholeRequest(id)) return WHOLE_REQUEST;
    // SecretsDb.set(name, value), saveToken(user, value): the value a store of secrets is given (store-values.ts)
    const stored = def?.type === 'Parameter' && nameVerdict.kind === 'none' ? storedSecretConcept(def.node, id.name, nameOptions) : null;
    if (stored) return secret(article(stored), stored, { detail: ' (the value a store of secrets is given)' });
    // handler(sessionKey) called only as handler(`${sessionId}|${executionId}`) in this file.
    if (def?.type === 'Parameter' && nameVerdict.kind === 'secret' && isFunctionNode(def.node) && parameterGetsOnlyIds(def.node, def.name)) return SAFE;
    return (nameVerdict.kind === 'none' && variable ? maskedHere(variable, id) : null) ?? byName();
  }

  /** A value the same function masks (`maskToken(id)`) is the secret the mask was for (masked-values.ts). */
  function maskedHere(variable: NonNullable<ReturnType<typeof findVariable>>, id: TSESTree.Identifier): ValueVerdict | null {
    const concept = maskedConcept(variable, id, nameOf);
    return concept ? secret(article(concept), concept, { detail: ' (masked elsewhere in this function)' }) : null;
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
    const viaGetter = classifyGetterRead(node);
    if (viaGetter) return viaGetter;
    if (isNameTable(node.object)) return SAFE;
    // securityQuestion.answer, or `answer` read in a security-question flow
    if (ANSWER_NAME.test(name)) {
      const owner = getMemberPath(node.object);
      if ((owner !== null && namesSecurityQuestion(lastSegment(owner))) || inSecurityQuestionFlow(node)) return SECURITY_ANSWER;
    }
    const v = nameOf(name);
    if (v.kind === 'secret' && v.concept === 'credentials' && !node.computed && holdsReferences(node.object, name)) return SAFE;
    // challenge.token (an ACME challenge's, published on purpose), page.token: owner-kinds.ts
    if (v.kind === 'secret' && !node.computed && memberOfNonCredentialKind(node, name, nameOptions)) return SAFE;
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
      case AST_NODE_TYPES.MemberExpression: {
        const v = n.type === AST_NODE_TYPES.Identifier ? classifyIdentifier(n) : classifyMember(n);
        return v.kind === 'unknown' ? readSecretFields(n) : v;
      }
      case AST_NODE_TYPES.CallExpression:
        return classifyCall(n);
      case AST_NODE_TYPES.NewExpression:
        // new URLSearchParams({ key: process.env.GEO_KEY }), new URL(`…?key=${key}`): text built from the arguments
        return URL_CONSTRUCTORS.has(getCalleePath(n) ?? '') ? containerVerdict(n, n.arguments) : UNKNOWN;
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

  /** A string or object built around a secret (`const msg = \`pw=${password}\``), or a value built from `parts` (a URL's arguments). */
  function containerVerdict(node: TSESTree.Node, parts: readonly TSESTree.Node[] = [node]): ValueVerdict {
    // An object literal's secrets sit under its keys (`{ headers: req.headers }` → `headers.authorization`): what a logger must censor.
    const object = node.type === AST_NODE_TYPES.ObjectExpression && parts.length === 1 && parts[0] === node;
    const inner = parts.flatMap((part) => findSecrets(part, null, object ? [] : null));
    if (inner.length === 0) return UNKNOWN;
    const first = inner[0]!;
    return secret('the value', first.concept, {
      detail: ` (built from ${first.what} \`${text(first.node)}\`)`,
      embedded: true,
      whole: node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.ArrayExpression,
      carries: `${first.what} \`${text(first.node)}\``,
      redactPaths: object ? inner.flatMap((f) => (f.fieldPath === null ? [[]] : f.redactPaths.map((sub) => [...f.fieldPath!, ...sub]))) : [[]],
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
          if (isSanitizingCall(n, sanitizerPaths) || isBooleanCall(n)) return;
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
