/**
 * The account a login looks up by the identity it was handed, before checking that account's password:
 * `const user = await db.findUserByEmail(email); if (!user) throw new AccountsJsError('User not found');
 * … if (!(await verifyPassword(password, user.hash))) throw …`. The branch where the lookup found nothing
 * is the login's other failure (an unknown username or e-mail), as much a failed login as the wrong
 * password after it. The password check must be in the same function and read the account (directly or
 * through a `const` built from it); the lookup must be handed a login identity (a username, e-mail,
 * login, phone), not an id (`findById(req.user.id)` before a password change: the signed-in user); and the function
 * must be a login — named for one (`passwordAuthenticator`, `login`, `verifyUser`), a request handler (Strapi's
 * `callback` controller) or a NextAuth.js credentials provider's `authorize` — not a service method re-checking a signed-in user (`updateOwnPassword(username, …)`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, contains, findVariable, getEnclosingFunction, getVariableInit, skipTransparent, walkSameFunction } from './ast.js';
import { findEnclosingHandler } from './handlers.js';
import { functionName } from './sockets.js';
import { isCredentialsAuthorize } from './logins.js';

/** Where a password check is a login rather than a re-check of a signed-in user. */
export const LOGIN_CONTEXT = /log_?in|sign_?in|log_?on|authenticat|session|token|passport|strategy|credential|verify_?user|validate_?user/iu;

/** What names a login identity in a lookup: `findUserByUsername(user.username)`, `findOne({ email })`, `where: { login }`. */
const LOGIN_IDENTITY = /user_?name|e_?mail|login|identifier|phone|account_?name/iu;

/**
 * `id` (tested falsy: `if (!user)`) holds the account a login looked up by the identity it was handed, and a password
 * check in the same function reads that account: see the module comment. `isCheck` answers "is this call a
 * password check" (credential-checks.ts), passed in to keep the two modules apart.
 */
export function isLoginAccountLookup(context: Context, id: TSESTree.Identifier, isCheck: (call: TSESTree.CallExpression) => boolean): boolean {
  const variable = findVariable(context, id);
  if (!variable) return false;
  // `const user = await findUserByEmail(email)`, or `let foundUser; if (username) foundUser = await db.findUserByUsername(username); …`.
  const values = [getVariableInit(variable), ...variable.references.map((r) => r.writeExpr ?? null)];
  if (!values.some((v) => v !== null && lookupByIdentity(context, v))) return false;
  const fn = getEnclosingFunction(id);
  if (!fn || getEnclosingFunction(variable.defs[0]!.node) !== fn) return false;
  if (!LOGIN_CONTEXT.test(functionName(fn) ?? '') && !isCredentialsAuthorize(fn) && !findEnclosingHandler(context, id)) return false;
  const readers = new Set<TSESLint.Scope.Variable>([variable]);
  // A `const` built from the account (`const hash = await db.findPasswordHash(user.id)`) reads it too.
  for (const ref of variable.references) {
    const holder = enclosingDeclarator(ref.identifier, fn);
    if (holder?.id.type === AST_NODE_TYPES.Identifier) {
      const derived = findVariable(context, holder.id);
      if (derived) readers.add(derived);
    }
  }
  let found = false;
  walkSameFunction(
    fn.body,
    (n) => {
      if (found || n.type !== AST_NODE_TYPES.CallExpression || !isCheck(n)) return;
      found = [...readers].some((v) => v.references.some((r) => r.identifier !== id && contains(n, r.identifier)));
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** A call, awaited or not (or a `? :` of two), handed a login identity: `await db.findUserByEmail(email)`, `await User.findOne({ where: { username } })`. */
function lookupByIdentity(context: Context, init: TSESTree.Node): boolean {
  const n = skipTransparent(init);
  if (n.type === AST_NODE_TYPES.ConditionalExpression) return lookupByIdentity(context, n.consequent) && lookupByIdentity(context, n.alternate);
  const call = n.type === AST_NODE_TYPES.AwaitExpression ? skipTransparent(n.argument) : n;
  return call.type === AST_NODE_TYPES.CallExpression && LOGIN_IDENTITY.test(context.sourceCode.getText(call));
}

/** The declarator whose `init` holds `node`, within `fn`. */
function enclosingDeclarator(node: TSESTree.Node, fn: TSESTree.Node): TSESTree.VariableDeclarator | null {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.VariableDeclarator) return current.init && contains(current.init, node) ? current : null;
    if (current.type.endsWith('Statement')) return null;
  }
  return null;
}
