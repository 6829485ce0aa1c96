/**
 * What does a call do to the secret it is given or called on? Sanitize it (`redact`, `maskToken`,
 * a hash chain, a configured sanitizer), answer yes/no (`includes`, `isValid`), keep a short
 * masking preview (`token.slice(0, 8)`), or return it in another shape (`JSON.stringify`,
 * `String`, `Buffer.from`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getMemberPath, lastName, lastSegment, skipTransparent, unwrapIndirectCall } from '../ast.js';
import { tokenizeName } from './names.js';

/** The name a call is made by, also in compiled code's `(0, utils_1.maskToken)(t)`: `maskToken`. */
export function callName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  return lastName(unwrapIndirectCall(call.callee));
}

/** The dotted path a call is made by, also in compiled code's `(0, utils_1.maskToken)(t)`: `utils_1.maskToken`. */
export function callPath(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  return getMemberPath(unwrapIndirectCall(call.callee));
}

/** Methods whose result is (a piece of) the secret they are called on. */
export const PRESERVING_METHODS = new Set([
  'split', 'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'toString', 'toLowerCase', 'toUpperCase',
  'toLocaleLowerCase', 'toLocaleUpperCase', 'slice', 'substring', 'substr', 'concat', 'padStart', 'padEnd',
  'normalize', 'at', 'join', 'valueOf',
]);
/** `req.get('authorization')`, `headers.get('cookie')`, `config.get('JWT_SECRET')`, `localStorage.getItem('token')`. */
export const GETTER_METHODS = new Set(['get', 'getHeader', 'header', 'getOrThrow', 'getItem', 'getSecret', 'getString', 'require']);
/** Calls that return their argument in another shape. */
const WRAPPER_CALLS = new Set([
  'JSON.stringify', 'String', 'util.inspect', 'inspect', 'Buffer.from', 'encodeURIComponent', 'encodeURI', 'btoa',
  'structuredClone', 'Array.from', 'Object.assign', 'Object.values', 'Object.entries', 'util.format', 'format',
]);
/** Terminal colouring libraries as projects import them. */
const STYLING_LIBRARY = /^(?:chalk|colou?rs?|kleur|picocolors|pc|clc|cliColor|ansiColors)$/u;
/** Their styles: each returns the text it is given, wrapped in escape codes. */
const TEXT_STYLES = new Set([
  'red', 'green', 'blue', 'yellow', 'magenta', 'cyan', 'white', 'gray', 'grey', 'black', 'redBright', 'greenBright',
  'blueBright', 'yellowBright', 'magentaBright', 'cyanBright', 'whiteBright', 'bgRed', 'bgGreen', 'bgBlue', 'bgYellow',
  'bgMagenta', 'bgCyan', 'bgWhite', 'bgBlack', 'bold', 'dim', 'italic', 'underline', 'inverse', 'strikethrough', 'reset',
]);

/** `chalk.red(t)`, `color.magenta(code)`, `kleur.bold.green(x)`: the same text, coloured for a terminal. */
function isTerminalStyling(path: string): boolean {
  // also compiled: `chalk_1.default.red(t)`, `(0, picocolors_1.red)(t)`
  const [root, ...styles] = path.split('.').filter((part) => part !== 'default');
  return root !== undefined && STYLING_LIBRARY.test(root.replace(/_\d+$/u, '')) && styles.length > 0 && styles.every((s) => TEXT_STYLES.has(s));
}

/** `getAccessToken()`, `generateApiKey()`: the call returns the secret its name says. */
export const PRODUCER_VERBS = new Set([
  'get', 'fetch', 'generate', 'gen', 'create', 'issue', 'sign', 'load', 'read', 'retrieve', 'make', 'build',
  'decrypt', 'extract', 'obtain', 'mint', 'new', 'request',
]);
/** First word of a call that makes its result safe to log (`redactHeaders`, `maskToken`, `hashPassword`). */
const SANITIZER_VERBS = new Set([
  'redact', 'mask', 'sanitize', 'sanitise', 'scrub', 'censor', 'obfuscate', 'anonymize', 'anonymise', 'hash',
  'fingerprint', 'encrypt', 'digest', 'hmac', 'sha', 'md', 'truncate', 'elide', 'omit', 'pick', 'hide', 'strip',
  'filter', 'without', 'exclude', 'remove', 'clean', 'censor', 'pseudonymize', 'tokenize', 'desensitize', 'desensitise',
]);
/** A word anywhere in a call's name that says the result is safe (`toSafeJSON`, `getRedactedHeaders`, `toPublic`). */
const SANITIZED_WORDS = new Set([
  'redacted', 'masked', 'sanitized', 'sanitised', 'scrubbed', 'censored', 'obfuscated', 'anonymized', 'hashed',
  'fingerprinted', 'encrypted', 'public', 'safe', 'redact', 'mask', 'sanitize', 'desensitized', 'desensitised', 'desensitize',
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

/** Some call along the chain hashes: `createHash('sha256').update(x).digest('hex')`. */
function isHashChain(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  for (let i = 0; i < 8; i++) {
    const c = skipTransparent(current);
    if (c.type === AST_NODE_TYPES.CallExpression) {
      const name = callName(c);
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

/** The call makes its result safe to log: a configured sanitizer, a hash chain, `redactHeaders`, `toSafeJSON`. */
export function isSanitizingCall(call: TSESTree.CallExpression, sanitizers: ReadonlySet<string>): boolean {
  const path = callPath(call);
  if (path !== null && (sanitizers.has(path) || sanitizers.has(lastSegment(path)))) return true;
  const name = callName(call);
  if (name === null) return false;
  if (sanitizers.has(name)) return true;
  if (isHashChain(call)) return true;
  const tokens = tokenizeName(name);
  if (tokens.length === 0) return false;
  if (SANITIZER_VERBS.has(tokens[0]!)) return true;
  if (tokens.some((t) => SANITIZED_WORDS.has(t)) && !tokens.some((t) => t === 'stringify' || t === 'parse' || t === 'inspect' || t === 'format')) {
    return true;
  }
  return false;
}

/** The call answers yes/no or a position (`includes`, `timingSafeEqual`, `isValid`), never the secret. */
export function isBooleanCall(call: TSESTree.CallExpression): boolean {
  const name = callName(call);
  if (name === null) return false;
  if (BOOLEAN_METHODS.has(name)) return true;
  const first = tokenizeName(name)[0];
  return first !== undefined && BOOLEAN_PREFIXES.has(first) && name.length > first.length;
}

/** `token.slice(0, 8)`, `apiKey.substring(0, 4)`, `card.slice(-4)`: a deliberate short preview. */
export function isMaskingSlice(call: TSESTree.CallExpression, method: string): boolean {
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

/** The arguments a wrapper call returns in another shape (`JSON.stringify(x)` → [x]), or null. */
export function wrapperArguments(call: TSESTree.CallExpression): TSESTree.Node[] | null {
  const path = callPath(call);
  if (path !== null && isTerminalStyling(path)) return call.arguments.slice(0, 1).map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a));
  if (path === null || !WRAPPER_CALLS.has(path)) return null;
  const args = call.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a));
  if (path === 'JSON.stringify' || path === 'String' || path === 'inspect' || path === 'util.inspect' || path === 'Buffer.from' || path === 'structuredClone') {
    return args.slice(0, 1);
  }
  return args;
}
