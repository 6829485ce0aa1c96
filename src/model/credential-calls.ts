/**
 * Calls and comparisons that check a presented password, for credential-checks.ts: an app's own validator or login call
 * handed the password, and a plain-text comparison with the password the app holds.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getCalleePath, getMemberPath, lastSegment, skipTransparent } from './ast.js';

/** An app's own check handed the password: `authService.validateUser(email, password)`, `User.findByCredentials(email, pw)`. */
const CREDENTIAL_VALIDATOR = /^(?:(?:validate|verify|check)(?:User|Credentials?|UserCredentials|Login)|authenticate(?:User|Credentials|WithPassword)?|findByCredentials)$/u;
/** What names a password among a call's arguments: `password`, `pw`, `body.pass`, `{ email, password }`, `credentials` (not `passport`, `bypass`). */
export const PASSWORD_ARGUMENT = /password|passwd|passphrase|(?<![a-z])pass(?![a-z])|pwd|(?<![a-z])pw(?![a-z])|credential/iu;

/**
 * `authService.validateUser(email, password)`, `verifyCredentials({ username, password })`, `User.authenticate(email, pw)`:
 * a call named for checking a login and handed a password, whose empty result is a failed login. A call given only an
 * id (`validateUser(req.user.id)`: does the account still exist) or the request (`authenticate(req)`) is no password check.
 */
export function isCredentialValidation(context: Context, call: TSESTree.CallExpression): boolean {
  const path = getCalleePath(call);
  if (path === null || !CREDENTIAL_VALIDATOR.test(lastSegment(path)) || /^passport\b/u.test(path)) return false;
  return call.arguments.some((a) => PASSWORD_ARGUMENT.test(context.sourceCode.getText(a)));
}

/** What holds a rule for passwords being set rather than a user's stored one: `options`, `config`, `validationUtils`, `passwordPolicy`. */
const POLICY_HOLDER = /^(?:options|opts|config|configuration|settings|policy|password_?policy|validation\w*|validators?)$/iu;
/** `newPassword`, `new_password`, `password.new`, `nextPassword`: the password being set. */
const NEW_PASSWORD = /(?:^|\.)(?:new|next|desired|proposed)_?(?:pass(?:word)?|pwd|pw)$|(?:^|\.)pass(?:word)?\.new$/iu;
/** An argument beside the candidate that a verification compares it with: the stored hash, the user, the old password. */
const COMPARED_WITH = /hash|digest|salt|stored|saved|user|account|entity|record|old|current|existing/iu;

/**
 * `this.options.validatePassword(newPassword)`, `validationUtils.validatePassword(password.new, regex)`,
 * `config.validatePassword(user.password)` at sign-up: a password method given the password being set (or kept by the
 * app's options) with nothing to compare it with tests a policy (length, strength), not a presented credential.
 */
export function isPasswordPolicyCheck(context: Context, call: TSESTree.CallExpression): boolean {
  const [candidate, ...rest] = call.arguments;
  if (!candidate || rest.some((a) => COMPARED_WITH.test(context.sourceCode.getText(a)))) return false;
  const callee = skipTransparent(call.callee);
  const holder = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPath(callee.object) : null;
  if (holder !== null && rest.length === 0 && POLICY_HOLDER.test(lastSegment(holder))) return true;
  const named = getMemberPath(skipTransparent(candidate as TSESTree.Node));
  return named !== null && NEW_PASSWORD.test(named);
}

/** `loginUserWithEmail(email, password)`, `signIn(user, pass)`: a call named for logging in, handed the password. */
export function isLoginCall(context: Context, call: TSESTree.CallExpression): boolean {
  const path = getCalleePath(call);
  return isCredentialValidation(context, call) || (path !== null && /^(?:log_?[iI]n|sign_?[iI]n|log_?[oO]n)(?:[A-Z_]\w*)?$/u.test(lastSegment(path)) && !/^passport\b/u.test(path) && call.arguments.some((a) => PASSWORD_ARGUMENT.test(context.sourceCode.getText(a))));
}

/** `password == process.env.PASSWORD`: a plain-text password check (two non-literal password values; not a form rule: confirm, new vs old). */
export function isPasswordComparison(context: Context, t: TSESTree.BinaryExpression): boolean {
  const texts = [t.left, t.right].map((side) => skipTransparent(side as TSESTree.Node)).filter((s) => s.type === AST_NODE_TYPES.Identifier || s.type === AST_NODE_TYPES.MemberExpression).map((s) => context.sourceCode.getText(s));
  return texts.length === 2 && texts.every((text) => PASSWORD_ARGUMENT.test(text) && !/credential/iu.test(text)) && !texts.some((text) => /confirm|repeat|again|retype|new|old|previous|current/iu.test(text));
}

/**
 * A login call reports a wrong password by throwing when the `try` drops its result (`await request.loginUserWithEmail(…)`)
 * and its `catch` answers: a tested result (`const r = await verifyUser(…); if (!r.user) …`) reports it as data, and a catch
 * that rethrows (`throw new InvalidCredentialsError(err.message)`) hands the failure on to whoever decides.
 */
export function failsByThrowing(block: TSESTree.BlockStatement, call: TSESTree.CallExpression): boolean {
  const statement = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent.parent : call.parent;
  const handler = block.parent?.type === AST_NODE_TYPES.TryStatement ? block.parent.handler : null;
  return statement?.type === AST_NODE_TYPES.ExpressionStatement && !!handler && !handler.body.body.some((st) => st.type === AST_NODE_TYPES.ThrowStatement);
}
