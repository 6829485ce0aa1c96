/**
 * "Is a part taken out of secret material still the secret?" The general rule: a value derived
 * from a credential is the credential only when nothing says otherwise. A part *selected* from
 * decoded or split credential material (an element of `Buffer.from(token, 'base64').toString()
 * .split('\0')`, `credentials[1] || credentials[0]`, `const [user, pass] = decoded.split(':')`)
 * that the author put in a variable named for a non-secret attribute of it — who it belongs to
 * (user, username, login, account, email, id, name), what kind it is (type, scheme, method,
 * algorithm, version, prefix), when it expires (expiry, exp, ttl), what it allows (scope,
 * audience, issuer), how long it is — holds that attribute, not the secret (SASL PLAIN's decoded
 * user name, an `Authorization` header's scheme, an API key's public id part).
 *
 * A plain copy or rename of the secret (`const sid = req.cookies.sid`, `const id = token`) is not a
 * selected part: the name of a copy never clears the value.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getPropertyName, getStringValue, skipTransparent } from '../ast.js';
import { tokenizeName } from './names.js';

/** Last words of a variable name that name a non-secret attribute of a credential. */
const NON_SECRET_ATTRIBUTES = new Set([
  // whose
  'user', 'users', 'username', 'usernames', 'usr', 'login', 'account', 'email', 'mail', 'uid', 'userid', 'principal',
  'owner', 'subject', 'sub', 'tenant', 'realm', 'id', 'ids', 'name', 'names',
  // what kind
  'type', 'kind', 'scheme', 'method', 'mechanism', 'alg', 'algorithm', 'version', 'ver', 'prefix', 'format', 'encoding',
  // when, what for, how long
  'expiry', 'expires', 'expiration', 'exp', 'iat', 'ttl', 'scope', 'scopes', 'audience', 'aud', 'issuer', 'iss',
  'length', 'len', 'size', 'count',
]);

/** Calls that keep the text they are called on (a part stays the same part). */
const TEXT_KEEPING_METHODS = new Set(['toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'normalize', 'valueOf']);
/** Calls that take one element out of an array. */
const ELEMENT_METHODS = new Set(['shift', 'pop', 'at']);

/** Whether a variable name (no secret word in it) names a non-secret attribute: `username`, `authScheme`, `keyId`. */
export function namesNonSecretAttribute(name: string): boolean {
  const tokens = tokenizeName(name);
  const last = tokens[tokens.length - 1];
  return last !== undefined && NON_SECRET_ATTRIBUTES.has(last);
}

/**
 * Whether `init` selects a part of what it reads: an element by index (`data[1]`, `parts.shift()`),
 * also behind text-keeping calls and empty fallbacks (`(data[1] || '').toString().trim()`,
 * `credentials[1] || credentials[0] || ''`).
 */
export function selectsPart(init: TSESTree.Node, depth = 0): boolean {
  if (depth > 6) return false;
  const n = skipTransparent(init);
  switch (n.type) {
    case AST_NODE_TYPES.MemberExpression:
      // `data[1]`; not `headers['authorization']` (a named field is the field, whatever the variable is called).
      return n.computed && n.property.type === AST_NODE_TYPES.Literal && typeof n.property.value === 'number';
    case AST_NODE_TYPES.LogicalExpression:
      return partOrEmpty(n.left, depth) && partOrEmpty(n.right, depth) && (selectsPart(n.left, depth + 1) || selectsPart(n.right, depth + 1));
    case AST_NODE_TYPES.ConditionalExpression:
      return partOrEmpty(n.consequent, depth) && partOrEmpty(n.alternate, depth) && (selectsPart(n.consequent, depth + 1) || selectsPart(n.alternate, depth + 1));
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(n.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getPropertyName(callee);
      if (method === null) return false;
      if (ELEMENT_METHODS.has(method)) return true;
      return TEXT_KEEPING_METHODS.has(method) && selectsPart(callee.object, depth + 1);
    }
    default:
      return false;
  }
}

/** A selected part, or a constant fallback (`''`, `null`, `false`, `undefined`). */
function partOrEmpty(node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal || getStringValue(n) !== null) return true;
  if (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined') return true;
  return selectsPart(n, depth + 1);
}
