/**
 * Credential checks that log-auth-failures and log-auth-success both recognise: a password
 * or hash comparison (`bcrypt.compare`, `argon2.verify`, `user.comparePassword`), its result
 * carried through a variable or a callback parameter, the login context a check lies in, and
 * the security-audit helpers that count as a log of the outcome.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, findVariable, getCalleePath, getMemberPath, getPropertyName, getVariableInit, lastSegment, skipTransparent } from './ast.js';
import { type LogLevel, getLoggingLevel } from './loggers.js';
import { getImportSource } from './modules.js';

/** Where a password check is a login rather than a re-check of a signed-in user. */
export const LOGIN_CONTEXT = /log_?in|sign_?in|log_?on|authenticat|session|token|passport|strategy|credential|verify_?user|validate_?user/iu;

const HASH_MODULES = /^(?:bcrypt|bcryptjs|bcrypt-nodejs|@node-rs\/bcrypt|argon2|@node-rs\/argon2|crypto|node:crypto|tsscmp|safe-compare)$/u;
const HASH_OBJECTS = /^(?:bcrypt|bcryptjs|bcryptAsync|argon2|argon|crypto|hasher|passwordHasher|hashService|hashingService|Bun\.password)$/u;
const HASH_METHODS = new Set(['compare', 'compareSync', 'verify', 'timingSafeEqual', 'safeCompare']);
const PASSWORD_METHOD =
  /^(?:(?:compare|verify|check|validate|match)Passwords?|comparePass|(?:is)?(?:Valid|Correct)Password|validPassword|isPassword(?:Valid|Correct|Match)|passwordMatch(?:es)?|timingSafeEqual|safeCompare|secureCompare|constantTimeEqual)$/u;

/** `bcrypt.compare(pw, hash)`, `argon2.verify(hash, pw)`, `user.comparePassword(pw)`, `compare` imported from bcrypt. */
export function isPasswordCheck(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  const path = getCalleePath(call);
  if (path === null) return false;
  const last = lastSegment(path);
  if (PASSWORD_METHOD.test(last)) return true;
  if (!HASH_METHODS.has(last)) return false;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const objectPath = getMemberPath(callee.object);
    if (objectPath !== null && (HASH_OBJECTS.test(objectPath) || HASH_OBJECTS.test(lastSegment(objectPath)))) return true;
    const root = skipTransparent(callee.object);
    return root.type === AST_NODE_TYPES.Identifier && HASH_MODULES.test(getImportSource(context, root)?.source ?? '');
  }
  // import { compare } from 'bcrypt'; import { verify } from 'argon2'
  return callee.type === AST_NODE_TYPES.Identifier && HASH_MODULES.test(getImportSource(context, callee)?.source ?? '');
}

/**
 * The password-check call whose result `node` is: the call itself, `user && (await argon2.verify(…))`,
 * a variable initialized with one, or the result parameter of `bcrypt.compare(pw, hash, (err, same) => …)`
 * / `bcrypt.compare(pw, hash).then((same) => …)`. Null when `node` is not such a result.
 */
export function passwordCheckResult(context: Context, node: TSESTree.Node, depth = 0): TSESTree.CallExpression | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.CallExpression) return isPasswordCheck(context, n) ? n : null;
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '&&') return passwordCheckResult(context, n.left, depth) ?? passwordCheckResult(context, n.right, depth);
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 2) return null;
  const variable = findVariable(context, n);
  const init = getVariableInit(variable);
  if (init) return passwordCheckResult(context, init, depth + 1);
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter' || variable!.defs.length !== 1) return null;
  const fn = def.node as AnyFunction;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  if (call.arguments[call.arguments.length - 1] === fn && fn.params[1] === def.name && isPasswordCheck(context, call)) return call;
  const callee = skipTransparent(call.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyName(callee) === 'then' &&
    call.arguments[0] === fn &&
    fn.params[0] === def.name &&
    object?.type === AST_NODE_TYPES.CallExpression &&
    isPasswordCheck(context, object)
  ) {
    return object;
  }
  return null;
}

/** `audit.record(...)`, `this.auditService.log(...)`, `logSecurityEvent(...)`: security-audit helpers. */
export function isAuditCall(node: TSESTree.CallExpression): boolean {
  const path = getCalleePath(node);
  if (path === null) return false;
  const segments = path.split('.');
  const last = segments[segments.length - 1]!;
  if (/^(?:get|find|list|fetch|query|count|is|has)[A-Z]?/u.test(last) && segments.length > 1) return false;
  if (segments.some((s) => /audit/iu.test(s))) return true;
  return /^(?:log|record|track|report|emit|raise)(?:Security|Auth|Login|Access|Failed|Suspicious)\w*$/u.test(last) || /^security(?:Event|Log)/u.test(last);
}

/** The level of a log call; a security-audit helper counts as `warn`. */
export function securityLogLevel(context: Context, node: TSESTree.CallExpression): LogLevel | null {
  return getLoggingLevel(context, node) ?? (isAuditCall(node) ? 'warn' : null);
}

/** The variable `name` visible at `at` and declared (as a variable or parameter) before it. */
export function visibleVariable(context: Context, at: TSESTree.Node, name: string): TSESLint.Scope.Variable | null {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(at);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable) {
      const def = variable.defs[0];
      return def && (def.type === 'Variable' || def.type === 'Parameter') && def.name.range[1] <= at.range[0] ? variable : null;
    }
    scope = scope.upper;
  }
  return null;
}
