/**
 * Where a compared value comes from, for secret comparisons: a credential the client
 * presented (request header, query, body, cookie, a bearer token cut from `Authorization`),
 * a secret the server holds (`process.env.API_KEY`, `config.get('WEBHOOK_SECRET')`,
 * `user.apiKey`), a MAC the server computed (`createHmac(…).digest('hex')`), a plain hash
 * (a lookup by hash), or a constant. Decided by source, not by variable name alone, so that
 * `token === null` or any variable called `hash` is no finding.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getMemberPath, getPropertyName, getStringValue, isFunctionNode, skipTypeWrappers } from './ast.js';
import type { RequestInputTracker } from './request-input.js';
import { isCredentialEnvKey, isSecretName, tokenizeName } from './secrets/names.js';

/**
 * `presented`: request input. `parameter`: a parameter named like a credential, handed to a
 * checker (`verifyApiKey(apiKey)`), weaker evidence. `stored`: server configuration — an
 * environment variable, a config getter, a secret-named constant. `record`: a secret-named
 * property of some object (`user.apiKey`, `session.botToken`).
 */
export type CredentialSource = 'presented' | 'parameter' | 'stored' | 'record' | 'mac' | 'hash' | 'constant' | 'unknown';

/** Words that make an environment variable or config key hold a secret to compare against. */
const SECRET_TOKENS = new Set(['key', 'secret', 'token', 'password', 'passwd', 'pass', 'signature', 'hmac', 'apikey', 'credential', 'credentials']);
/** Receivers of `.get(name)` that read request input: `headers.get('x-api-key')`, `searchParams.get('token')`. */
const REQUEST_READERS = /^(?:headers?|searchParams|query|params|cookies|headersList|requestHeaders)$/iu;
/** Receivers of `.get(name)` / members that hold server configuration. */
const CONFIG_READERS = /(?:^|\.)(?:config|configService|configuration|settings|options|env|environment|secrets|vault)$/iu;
/** Calls that compute a keyed MAC or a signature. */
const MAC_CALL = /^(?:createHmac|hmac\w*|\w*Hmac\w*|sign|computeSignature|signPayload)$/iu;
/** Calls that compute a plain hash: comparing hashes is a lookup, not a secret comparison. */
const HASH_CALL = /^(?:createHash|hash|sha\d+|md5|digestOf)$/iu;
/** String methods whose result still is (part of) the text they were called on. */
const CUTTING_METHODS = new Set(['trim', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'split', 'toString', 'toLowerCase', 'toUpperCase', 'at', 'pop', 'shift']);
/**
 * Calls that decode or parse the text they are given: Basic auth's `user:pass` is base64 in the
 * `Authorization` header, so `base64Decode(token)`, `Buffer.from(token, 'base64')`, `atob(token)`,
 * `parseBasicAuth(header)` of a credential the client sent still are that credential (numbers
 * parsed from it are not: `parseInt`, `parseFloat`).
 */
const DECODER_CALL = /^(?:atob|from|unescape|decode\w*|\w*Decode|parse(?!Int$|Float$)\w*|\w*Parse)$/u;
/** Request-header getters besides `get` / `header` / `getHeader`: `req.getHeaderValue('authorization')`. */
const HEADER_GETTER = /^get\w*Header\w*$/u;
/** Credential words that name what a user types (hashed, not keyed with): a hash over them is no MAC. */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase']);
/** Array methods whose callback gets each element: `keys.find((k) => k === presented)`. */
const ELEMENT_CALLBACKS = new Set(['find', 'findIndex', 'some', 'every', 'filter', 'findLast']);

/** Deep enough for a Basic auth header cut, decoded, split and indexed through a chain of variables. */
const MAX_DEPTH = 20;

/** `key` alone is a cache key, a map key or a setting name; these words make it a credential. */
const KEY_QUALIFIERS = new Set(['api', 'secret', 'access', 'private', 'auth', 'admin', 'signing', 'master', 'client', 'webhook', 'service', 'app', 'encryption', 'hmac', 'session', 'shared', 'license', 'integration', 'ingest', 'write', 'read', 'deploy']);

/** Whether a name (env var, config key, property) names a secret to compare against; plurals name lists of them. */
export function namesComparableSecret(name: string): boolean {
  const tokens = tokenizeName(name);
  if (tokens.length === 0) return false;
  const last = tokens[tokens.length - 1]!.replace(/s$/u, '');
  if (last === 'key') return tokens.slice(0, -1).some((t) => KEY_QUALIFIERS.has(t));
  if (SECRET_TOKENS.has(last)) return true;
  return isSecretName(name);
}

export interface CredentialClassifier {
  classify(node: TSESTree.Node): CredentialSource;
}

export function createCredentialClassifier(context: Context, requestInput: RequestInputTracker): CredentialClassifier {
  const cache = new Map<TSESTree.Node, CredentialSource>();

  function classify(node: TSESTree.Node, depth = 0): CredentialSource {
    if (depth > MAX_DEPTH) return 'unknown';
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    cache.set(node, 'unknown');
    const result = compute(node, depth);
    cache.set(node, result);
    return result;
  }

  function compute(raw: TSESTree.Node, depth: number): CredentialSource {
    const node = skipTypeWrappers(raw);
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return 'constant';
      case AST_NODE_TYPES.TemplateLiteral: {
        if (node.expressions.length === 0) return 'constant';
        const parts = node.expressions.map((e) => classify(e, depth + 1));
        for (const kind of ['mac', 'presented', 'stored', 'record', 'parameter'] as const) if (parts.includes(kind)) return kind;
        return 'unknown';
      }
      case AST_NODE_TYPES.UnaryExpression:
        return 'constant';
      case AST_NODE_TYPES.AwaitExpression:
        return classify(node.argument, depth + 1);
      case AST_NODE_TYPES.ChainExpression:
        return classify(node.expression, depth + 1);
      case AST_NODE_TYPES.LogicalExpression: {
        const left = classify(node.left, depth + 1);
        return left === 'unknown' || left === 'constant' ? classify(node.right, depth + 1) : left;
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const consequent = classify(node.consequent, depth + 1);
        return consequent === 'unknown' || consequent === 'constant' ? classify(node.alternate, depth + 1) : consequent;
      }
      case AST_NODE_TYPES.Identifier:
        if (node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') return 'constant';
        return classifyIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return classifyMember(node, depth);
      case AST_NODE_TYPES.CallExpression:
        return classifyCall(node, depth);
      default:
        return 'unknown';
    }
  }

  function fromRequest(node: TSESTree.Node): boolean {
    return requestInput.classify(node) !== null;
  }

  /** The request or framework context object itself (`req`, `ctx`), not a value read from it. */
  function wholeRequest(node: TSESTree.Node): boolean {
    const kind = requestInput.classify(node)?.kind;
    return kind === 'request' || kind === 'context';
  }

  function classifyIdentifier(node: TSESTree.Identifier, depth: number): CredentialSource {
    if (fromRequest(node)) return 'presented';
    const variable = findVariable(context, node);
    if (!variable || variable.defs.length !== 1) return 'unknown';
    const def = variable.defs[0]!;
    if (def.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (!declarator.init) return 'unknown';
      const init = classify(declarator.init, depth + 1);
      // `let token = …; token = …` elsewhere: more than one value, unless every later value has the
      // same source, is a constant, or is cut from the variable's own value
      // (`header = header.split(' ')[1]` still is the header).
      if (declarator.parent.kind !== 'const' && !laterWritesKeep(variable, init, depth)) return 'unknown';
      // A secret-named constant written in the source: `const API_KEY = 'k3y'`.
      if (init === 'constant' && declarator.id.type === AST_NODE_TYPES.Identifier && namesComparableSecret(node.name)) return 'stored';
      // const { WEBHOOK_SECRET } = process.env
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && init === 'unknown' && /(?:^|\.)env$/u.test(getMemberPath(declarator.init) ?? '') && namesComparableSecret(node.name)) {
        return 'stored';
      }
      return init;
    }
    if (def.type === 'Parameter') {
      const fn = def.node as TSESTree.Node;
      if (isFunctionNode(fn)) {
        // keys.find((k) => k === presented): an element of the stored list.
        const call = fn.parent;
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === fn &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          ELEMENT_CALLBACKS.has(getPropertyName(call.callee) ?? '') &&
          fn.params[0]?.type === AST_NODE_TYPES.Identifier &&
          fn.params[0].name === node.name
        ) {
          const list = classify(call.callee.object, depth + 1);
          return list === 'stored' || list === 'record' ? list : 'unknown';
        }
      }
      // A credential handed to a checker: `function verifyApiKey(apiKey) { … }`.
      return namesComparableSecret(node.name) ? 'parameter' : 'unknown';
    }
    return 'unknown';
  }

  /** Whether every assignment to a `let` after its declaration keeps the source `init`. */
  function laterWritesKeep(variable: NonNullable<ReturnType<typeof findVariable>>, init: CredentialSource, depth: number): boolean {
    if (init === 'unknown' || init === 'constant') return !variable.references.some((r) => r.isWrite() && !r.init);
    for (const ref of variable.references) {
      if (!ref.isWrite() || ref.init) continue;
      const assignment = ref.identifier.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== ref.identifier) return false;
      const value = assignment.right;
      const selfDerived = variable.references.some((r) => r.isRead() && r.identifier.range[0] >= value.range[0] && r.identifier.range[1] <= value.range[1]);
      if (selfDerived) continue;
      const later = classify(value, depth + 1);
      if (later !== init && later !== 'constant') return false;
    }
    return true;
  }

  function classifyMember(node: TSESTree.MemberExpression, depth: number): CredentialSource {
    if (fromRequest(node)) return 'presented';
    // authorization.split(' ')[1]
    if (node.computed && node.object.type === AST_NODE_TYPES.CallExpression) return classify(node.object, depth + 1);
    // parts[1] of a credential the client sent, split: `const parts = decoded.split(':')`
    if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'number' && classify(node.object, depth + 1) === 'presented') return 'presented';
    const name = node.computed ? getStringValue(node.property) : getPropertyName(node);
    if (name === 'length') return 'constant';
    const objectPath = getMemberPath(node.object);
    if (name !== null && objectPath !== null && /(?:^|\.)env$/u.test(objectPath)) {
      // process.env.API_KEY, c.env.WEBHOOK_SECRET, import.meta.env.TOKEN, process.env.METRICS_KEY
      return namesComparableSecret(name) || isCredentialEnvKey(name) ? 'stored' : 'unknown';
    }
    if (name !== null && namesComparableSecret(name)) {
      const root = classify(node.object, depth + 1);
      if (root === 'presented') return 'presented';
      // `this.config.apiKey`, `settings.webhookSecret`: configuration; `user.apiKey`: a record.
      if (objectPath !== null && CONFIG_READERS.test(objectPath)) return 'stored';
      const rootIsConfig = root === 'stored';
      return rootIsConfig ? 'stored' : 'record';
    }
    return 'unknown';
  }

  function classifyCall(node: TSESTree.CallExpression, depth: number): CredentialSource {
    if (fromRequest(node)) return 'presented';
    const callee = skipTypeWrappers(node.callee);
    const method =
      callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (method === null) return 'unknown';
    // Walk a call chain down to where it starts: createHmac(…).update(…).digest('hex').
    const chain = chainMethods(node);
    if (chain.some((m) => MAC_CALL.test(m))) return 'mac';
    const hasher = hashChainStart(node);
    // A hash over a secret the server holds is a keyed hash, i.e. a MAC: md5(`${path}-${expires}-${authKey}`)
    // is a signed URL's signature, forgeable byte by byte if compared in variable time.
    if (hasher) return hashesHeldSecret(hasher, depth) ? 'mac' : 'hash';
    if (method === 'String' && node.arguments[0]) return classify(node.arguments[0], depth + 1);
    // Buffer.from(signature, 'hex'): the same bytes in another form.
    if (method === 'from' && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Buffer' && node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
      return classify(node.arguments[0], depth + 1);
    }
    // A decoder of a credential the client sent: `base64Decode(token)`, `parseBasicAuth(req.headers.authorization)`.
    // Only a credential value is decoded: `parseAuthorizationHeader(req)` of the whole request gives its
    // scheme too (`type === AuthType.BEARER` compares no secret).
    const decoded = node.arguments[0];
    if (DECODER_CALL.test(method) && decoded && decoded.type !== AST_NODE_TYPES.SpreadElement && !wholeRequest(decoded) && classify(decoded, depth + 1) === 'presented') return 'presented';
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (CUTTING_METHODS.has(method)) return classify(callee.object, depth + 1);
      const key = getStringValue(node.arguments[0]);
      if ((method === 'get' || method === 'getOrThrow' || method === 'header' || HEADER_GETTER.test(method)) && key !== null) {
        const receiver = skipTypeWrappers(callee.object);
        const receiverPath = getMemberPath(receiver) ?? (receiver.type === AST_NODE_TYPES.CallExpression ? calleeName(receiver) : null) ?? '';
        const last = receiverPath.split('.').pop() ?? '';
        if (CONFIG_READERS.test(receiverPath) || /config/iu.test(last)) return namesComparableSecret(key) ? 'stored' : 'unknown';
        // A header getter (`getHeader`, `getHeaderValue`, `header`) reads the request unless called on a
        // response: `input.req.getHeaderValue('authorization')` of a framework wrapper.
        const readsRequest = REQUEST_READERS.test(last) || (method !== 'get' && method !== 'getOrThrow' && !/^(?:res|response|reply|out)$/iu.test(last));
        if (readsRequest && namesComparableSecret(key.replace(/^x-/iu, ''))) return 'presented';
        if (/authorization/iu.test(key) && readsRequest) return 'presented';
      }
      // Deno.env.get('API_KEY')
      if (method === 'get' && key !== null && /(?:^|\.)env$/u.test(getMemberPath(callee.object) ?? '')) {
        return namesComparableSecret(key) ? 'stored' : 'unknown';
      }
    }
    return 'unknown';
  }

  /**
   * The calls of a hash computation, when `node` is one: `createHash('md5').update(s).digest('hex')`,
   * also through a variable holding the hasher (`const md5 = crypto.createHash('md5'); md5.update(s)…`).
   */
  function hashChainStart(node: TSESTree.CallExpression): TSESTree.CallExpression[] | null {
    const calls: TSESTree.CallExpression[] = [];
    let current: TSESTree.Node = node;
    let hashes = false;
    for (let i = 0; i < 12; i++) {
      current = skipTypeWrappers(current);
      if (current.type === AST_NODE_TYPES.CallExpression) {
        calls.push(current);
        const name = calleeName(current);
        if (name !== null && HASH_CALL.test(name)) hashes = true;
        current = current.callee;
      } else if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = getPropertyName(current);
        if (current.object.type === AST_NODE_TYPES.Identifier && /^(?:CryptoJS|crypto)$/u.test(current.object.name) && name !== null && HASH_CALL.test(name)) hashes = true;
        current = current.object;
      } else if (current.type === AST_NODE_TYPES.Identifier && calls.length > 0) {
        const variable = findVariable(context, current);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        const declarator = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
        if (!declarator?.init || declarator.parent.kind !== 'const' && variable!.references.some((r) => r.isWrite() && !r.init)) break;
        current = declarator.init;
      } else {
        break;
      }
    }
    return hashes ? calls : null;
  }

  /**
   * Whether a hash computation is keyed: its input joins a secret the server holds with other data
   * (`md5(path + '-' + expires + '-' + authKey)`, `update(payload).update(secret)`), the textbook
   * H(key ‖ message). A hash of the secret alone is a digest to look a key up by, and a hash of a
   * password a user typed is password hashing: neither is a MAC.
   */
  function hashesHeldSecret(calls: TSESTree.CallExpression[], depth: number): boolean {
    const inputs = calls.flatMap((call) => call.arguments.filter((a) => a.type !== AST_NODE_TYPES.SpreadElement && a.type !== AST_NODE_TYPES.Literal));
    return inputs.some((input) => holdsServerSecret(input, depth + 1, inputs.length > 1));
  }

  function holdsServerSecret(raw: TSESTree.Node, depth: number, joined: boolean): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = skipTypeWrappers(raw);
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
      return holdsServerSecret(node.left, depth + 1, true) || holdsServerSecret(node.right, depth + 1, true);
    }
    if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      const joins = node.expressions.length > 1 || node.quasis.some((q) => q.value.cooked !== '');
      return node.expressions.some((e) => holdsServerSecret(e, depth + 1, joined || joins));
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'Variable') {
        const declarator = def.node as TSESTree.VariableDeclarator;
        if (declarator.init && declarator.id.type === AST_NODE_TYPES.Identifier && !variable!.references.some((r) => r.isWrite() && !r.init)) {
          if (holdsServerSecret(declarator.init, depth + 1, joined)) return true;
        }
      }
    }
    if (!joined) return false;
    const source = classify(node, depth + 1);
    if (source === 'stored') return true;
    if (source !== 'parameter' && source !== 'record') return false;
    // `user.password`, a `password` parameter: what a user typed, hashed for storage or lookup.
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null;
    return name !== null && !tokenizeName(name).some((t) => PASSWORD_WORDS.has(t));
  }

  return { classify: (node) => classify(node) };
}

function calleeName(call: TSESTree.CallExpression): string | null {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(callee);
  return null;
}

/** The method and function names of a call chain, outermost first. */
function chainMethods(node: TSESTree.CallExpression): string[] {
  const names: string[] = [];
  let current: TSESTree.Node = node;
  for (let i = 0; i < 12; i++) {
    current = skipTypeWrappers(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(current);
      if (name !== null) names.push(name);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.object.type === AST_NODE_TYPES.Identifier && /^(?:CryptoJS|crypto)$/u.test(current.object.name)) {
        const name = getPropertyName(current);
        if (name !== null && !names.includes(name)) names.push(name);
      }
      current = current.object;
    } else {
      break;
    }
  }
  return names;
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** Whether comparing values from these two sources compares a credential with a secret the server holds. */
function comparesSecret(left: CredentialSource, right: CredentialSource, leftNode: TSESTree.Node, rightNode: TSESTree.Node): boolean {
  const pair = new Set([left, right]);
  if (pair.has('constant') || pair.has('hash')) return false;
  // request input against configuration, a stored record or a computed signature
  if (pair.has('presented') && (pair.has('stored') || pair.has('record') || pair.has('mac'))) return true;
  // a credential-named parameter: only against configuration or a signature (a record
  // compared with a parameter is as often a duplicate check as an authentication)
  if (pair.has('parameter') && (pair.has('stored') || pair.has('mac'))) return true;
  // signature !== expected, where expected is an HMAC the server computed
  if (pair.has('mac') && (left === 'unknown' || right === 'unknown')) {
    const other = left === 'mac' ? rightNode : leftNode;
    return other.type === AST_NODE_TYPES.Identifier || other.type === AST_NODE_TYPES.MemberExpression;
  }
  return false;
}

export interface SecretComparison {
  left: CredentialSource;
  right: CredentialSource;
  /** The side the caller presents, and the side the server holds. */
  presented: TSESTree.Node;
  held: TSESTree.Node;
  /** `!==` / `!=`. */
  negated: boolean;
}

/** `apiKey === process.env.API_KEY`, `signature !== expected`: an equality between a credential and a secret the server holds, else null. */
export function getSecretComparison(credentials: CredentialClassifier, node: TSESTree.BinaryExpression): SecretComparison | null {
  if (!EQUALITY.has(node.operator) || node.left.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  const left = credentials.classify(node.left);
  const right = credentials.classify(node.right);
  if (!comparesSecret(left, right, node.left, node.right)) return null;
  const leftPresents = left === 'presented' || left === 'parameter' || (left === 'unknown' && right === 'mac');
  const [presented, held] = leftPresents ? [node.left, node.right] : [node.right, node.left];
  return { left, right, presented, held, negated: node.operator === '!==' || node.operator === '!=' };
}

/**
 * `signature.equals(expected)`: Buffer's `equals` compares byte by byte and stops at the first
 * difference, like `===`; the same sources make it a secret comparison. Null when it is none.
 */
export function getSecretBufferEquals(credentials: CredentialClassifier, node: TSESTree.CallExpression): Omit<SecretComparison, 'negated'> | null {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || getPropertyName(callee) !== 'equals' || node.arguments.length !== 1) return null;
  const argument = node.arguments[0]!;
  if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const left = credentials.classify(callee.object);
  const right = credentials.classify(argument);
  if (!comparesSecret(left, right, callee.object, argument)) return null;
  const leftPresents = left === 'presented' || left === 'parameter' || (left === 'unknown' && right === 'mac');
  const [presented, held] = leftPresents ? [callee.object, argument] : [argument, callee.object];
  return { left, right, presented, held };
}

/** `validKeys.includes(req.headers['x-api-key'])`, `.indexOf(…)`: a credential the client sent looked up in a list of held secrets; the method, else null. */
export function getSecretLookup(credentials: CredentialClassifier, node: TSESTree.CallExpression): 'includes' | 'indexOf' | null {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return null;
  const method = callee.property.name;
  if ((method !== 'includes' && method !== 'indexOf') || node.arguments.length !== 1) return null;
  const argument = node.arguments[0]!;
  if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
  if (credentials.classify(argument) !== 'presented') return null;
  const list = credentials.classify(callee.object);
  return list === 'stored' || list === 'record' ? method : null;
}
