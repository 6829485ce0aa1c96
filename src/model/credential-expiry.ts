/**
 * Is a 401/403 chosen only because the caller's credential has expired? `if (err instanceof
 * jose.errors.JWTExpired) throw new InvalidRequestError('Token has expired', 'ExpiredToken')`,
 * `if (info?.name === 'TokenExpiredError') return res.status(401).json({ retry: true })`,
 * `if (session.expires_at * 1000 <= Date.now()) return res.status(401)…`: the credential was genuine and
 * its holder is known; the answer tells the client to refresh or sign in again — what every single-page
 * app does many times a day, not a forged or guessed credential to alert on. Rules report it only when
 * asked (log-auth-failures' `includeExpired`, on in strict).
 *
 * Read from every condition between the rejection and its function (up to a `catch`, whose `try` decides):
 * one of them must hold only for an expired credential —
 * - the caught error is an expiry class: `err instanceof TokenExpiredError`, `instanceof errors.JWTExpired`;
 * - an error's name, code or message compared equal to text that says expired: `info.name === 'TokenExpiredError'`,
 *   `err.code === 'ERR_JWT_EXPIRED'`;
 * - an expiry time compared with the clock: `expiresAt < Date.now()`, `session.expires_at * 1000 <= Date.now()`,
 *   `Date.now() > token.exp * 1000`, `new Date() > expiry`;
 * - a predicate named for it: `isExpired(token)`, `session.hasExpired()`.
 * A condition that also holds for another failure (`err instanceof JsonWebTokenError || expired`) does not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getCalleePath, getMemberPath, getPropertyName, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { isClockRead } from './pure-calls.js';
import { tokenizeName } from './secrets/names.js';

/** Text that says a credential expired: `TokenExpiredError`, `ERR_JWT_EXPIRED`, `jwt expired`. */
const EXPIRED_TEXT = /expired/iu;
/** Names of an expiry time: `expiresAt`, `expires_at`, `exp`, `expiry`, `expiration`, `validUntil`. */
const EXPIRY_WORDS = new Set(['exp', 'expires', 'expiry', 'expiration', 'expire', 'expiring']);
/** A predicate named for an expiry: `isExpired`, `hasExpired`, `expired`, `isTokenExpired`. */
const EXPIRED_PREDICATE = /^(?:is|has)?\w*Expired$|^expired$/u;

/** True when some condition on the way from `region`'s body to `node` holds only for an expired credential. */
export function refusesOnlyExpired(node: TSESTree.Node, region: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== region && !isFunctionNode(parent)) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
      if (expiredWhen(parent.test, child === parent.consequent)) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      if (expiredWhen(parent.left, parent.operator === '&&')) return true;
    } else if (parent.type === AST_NODE_TYPES.CatchClause) {
      return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** Every way `test` can be `whenTrue` means the credential expired. */
function expiredWhen(test: TSESTree.Node, whenTrue: boolean): boolean {
  const n = skipTransparent(test);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') return expiredWhen(n.argument, !whenTrue);
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator !== '??') {
    // Both must hold (`a && b` true, `a || b` false): one expiry among them is enough; either may hold: both must be one.
    const both = (n.operator === '&&') === whenTrue;
    const left = expiredWhen(n.left, whenTrue);
    const right = expiredWhen(n.right, whenTrue);
    return both ? left || right : left && right;
  }
  if (!whenTrue) return false;
  if (n.type === AST_NODE_TYPES.BinaryExpression) {
    if (n.operator === 'instanceof') {
      const path = getMemberPath(n.right);
      return path !== null && EXPIRED_TEXT.test(lastSegment(path));
    }
    if (n.operator === '===' || n.operator === '==') {
      return [n.left, n.right].some((side) => {
        const s = skipTransparent(side as TSESTree.Node);
        return s.type === AST_NODE_TYPES.Literal && typeof s.value === 'string' && EXPIRED_TEXT.test(s.value);
      });
    }
    if (['<', '<=', '>', '>='].includes(n.operator)) {
      const sides = [skipTransparent(n.left as TSESTree.Node), skipTransparent(n.right)];
      return sides.some((s) => readsClock(s)) && sides.some((s) => namesExpiry(s));
    }
    return false;
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(n);
    return path !== null && EXPIRED_PREDICATE.test(lastSegment(path));
  }
  return false;
}

/** `Date.now()`, `new Date()`, `Date.now() / 1000`, `Math.floor(Date.now() / 1000)`, `new Date().getTime()`. */
function readsClock(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (isClockRead(n)) return true;
  if (n.type === AST_NODE_TYPES.BinaryExpression) return readsClock(n.left as TSESTree.Node) || readsClock(n.right);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(n);
    if (path === 'Date.now') return true;
    if (path !== null && /^Math\.(?:floor|round|ceil|trunc)$/u.test(path)) return n.arguments[0] !== undefined && readsClock(n.arguments[0]);
    const callee = skipTransparent(n.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'getTime' && readsClock(callee.object);
  }
  return false;
}

/** A value named for an expiry time: `session.expires_at * 1000`, `payload.exp`, `new Date(row.expiresAt)`. */
function namesExpiry(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.BinaryExpression) return namesExpiry(n.left as TSESTree.Node) || namesExpiry(n.right);
  if (n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) return n.arguments.some((a) => namesExpiry(a));
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    return name !== null && tokenizeName(name).some((w) => EXPIRY_WORDS.has(w));
  }
  if (n.type === AST_NODE_TYPES.Identifier) return tokenizeName(n.name).some((w) => EXPIRY_WORDS.has(w));
  return false;
}
