/**
 * Credential checks that log-auth-failures and log-auth-success both recognise: a password
 * or hash comparison (`bcrypt.compare`, `argon2.verify`, `user.comparePassword`), its result
 * carried through a variable or a callback parameter, the login context a check lies in, and
 * the security-audit helpers that count as a log of the outcome; and which branch is the failure
 * of a password, token or API-key check.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, calleeName, findVariable, getCalleePath, getMemberPath, unwrapIndirectCall, getPropertyName, getVariableInit, isFunctionNode, lastSegment, resolveFunction, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { type LogLevel, getLoggingLevel } from './loggers.js';
import { getHttpOutcome } from './http-outcomes.js';
import { isLoginAccountLookup } from './login-lookups.js';
import { passportCallbackRefusal } from './logins.js';
import { getImportSource } from './modules.js';
import { isRequestObject } from './request-object.js';
import { failsByThrowing, isCredentialValidation, isLoginCall, isPasswordComparison, isPasswordPolicyCheck } from './credential-calls.js';

export { PASSWORD_ARGUMENT, isCredentialValidation } from './credential-calls.js';

export { LOGIN_CONTEXT } from './login-lookups.js';

const HASH_MODULES = /^(?:bcrypt|bcryptjs|bcrypt-nodejs|@node-rs\/bcrypt|argon2|@node-rs\/argon2|crypto|node:crypto|tsscmp|safe-compare)$/u;
const HASH_OBJECTS = /^(?:bcrypt|bcryptjs|bcryptAsync|argon2|argon|crypto|hasher|passwordHasher|hashService|hashingService|Bun\.password|passwords?|password(?:Utils|Helpers?|Service))$/u;
const HASH_METHODS = new Set(['compare', 'compareSync', 'verify', 'timingSafeEqual', 'safeCompare']);
const PASSWORD_METHOD =
  /^(?:(?:compare|verify|check|validate|match)Passwords?|comparePass|(?:is)?(?:Valid|Correct)Password|validPassword|isPassword(?:Valid|Correct|Match)|passwordMatch(?:es)?|timingSafeEqual|safeCompare|secureCompare|constantTimeEqual)$/u;

/** `bcrypt.compare(pw, hash)`, `argon2.verify(hash, pw)`, `user.comparePassword(pw)`, `compare` imported from bcrypt (also compiled: `(0, bcryptjs_1.compare)(pw, hash)`). */
export function isPasswordCheck(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = unwrapIndirectCall(call.callee);
  // The method's own name decides even on a receiver with no path: `getService('user').validatePassword(pw, hash)`.
  const path = getMemberPath(callee);
  const last = path !== null ? lastSegment(path) : calleeName(call);
  if (last === null) return false;
  // `function isValidPassword(p) { return p != null && p !== '' }`: a same-file predicate that calls nothing checks the shape only.
  // A policy check of the password being set (`options.validatePassword(newPassword)`) tests no presented credential.
  // A private or protected method's underscore changes nothing: Medusa's `this.isPasswordMatch_(pw, identity)`.
  if (PASSWORD_METHOD.test(last.replace(/^_+|_+$/gu, ''))) return !shapeOnlyPredicate(context, call) && !isPasswordPolicyCheck(context, call);
  if (!HASH_METHODS.has(last)) return false;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const objectPath = getMemberPath(callee.object);
    if (objectPath !== null && (HASH_OBJECTS.test(objectPath) || HASH_OBJECTS.test(lastSegment(objectPath)))) return true;
    // `bcryptjs_1.default.compare(…)`: TypeScript's CommonJS output reaches the default export through `.default`.
    let root = skipTransparent(callee.object);
    if (root.type === AST_NODE_TYPES.MemberExpression && getPropertyName(root) === 'default') root = skipTransparent(root.object);
    return root.type === AST_NODE_TYPES.Identifier && HASH_MODULES.test(getImportSource(context, root)?.source ?? '');
  }
  // import { compare } from 'bcrypt'; import { verify } from 'argon2'
  return callee.type === AST_NODE_TYPES.Identifier && HASH_MODULES.test(getImportSource(context, callee)?.source ?? '');
}

/** A same-file function the call runs whose body makes no call and awaits nothing: it tests its arguments' shape. */
function shapeOnlyPredicate(context: Context, call: TSESTree.CallExpression): boolean {
  const fn = resolveFunction(context, call.callee);
  let calls = false;
  if (fn) walkSameFunction(fn.body, (n) => !(calls ||= n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.AwaitExpression), context.sourceCode.visitorKeys);
  return !!fn && !calls;
}

/**
 * Which credential a call checks: a password (`bcrypt.compare`, `user.comparePassword`, an app's validator handed the
 * password), a one-time code (`authenticator.check`, not while enrolling one) or a WebAuthn assertion
 * (`verifyAuthenticationResponse`). The one answer both auth rules use; null when it checks none.
 */
export function credentialCheckKind(context: Context, call: TSESTree.CallExpression): CredentialFailure | null {
  if (isPasswordCheck(context, call) || isCredentialValidation(context, call)) return 'invalid_credentials';
  const factor = secondFactorCheck(call);
  return factor === 'invalid_otp' && isEnrolment(call) ? null : factor;
}

/**
 * The password-check call (also an app's validator handed the password) whose result `node` is: the call itself, `user && (await argon2.verify(…))`,
 * a variable initialized with one, or the result parameter of `bcrypt.compare(pw, hash, (err, same) => …)`
 * / `bcrypt.compare(pw, hash).then((same) => …)`. Null when `node` is not such a result.
 */
export function passwordCheckResult(context: Context, node: TSESTree.Node, depth = 0): TSESTree.CallExpression | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.CallExpression) return isPasswordCheck(context, n) || isCredentialValidation(context, n) ? n : null;
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
  if (call.arguments[call.arguments.length - 1] === fn && fn.params[1] === def.name && (isPasswordCheck(context, call) || isCredentialValidation(context, call))) return call;
  const callee = skipTransparent(call.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    getPropertyName(callee) === 'then' &&
    call.arguments[0] === fn &&
    fn.params[0] === def.name &&
    object?.type === AST_NODE_TYPES.CallExpression &&
    (isPasswordCheck(context, object) || isCredentialValidation(context, object))
  ) {
    return object;
  }
  return null;
}

/** `audit.record(...)`, `this.auditService.log(...)`, `logSecurityEvent(...)`: security-audit helpers. */
export function isAuditCall(node: TSESTree.CallExpression): boolean {
  // The callee's path (`this.auditService.log`), read segment by segment without building it: asked of every call.
  let last: string | null = null;
  let segments = 0;
  let namesAudit = false;
  let n: TSESTree.Node = skipTransparent(node.callee);
  for (;;) {
    const name =
      n.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(n) : n.type === AST_NODE_TYPES.Identifier ? n.name : n.type === AST_NODE_TYPES.ThisExpression ? 'this' : n.type === AST_NODE_TYPES.Super ? 'super' : null;
    if (name === null) return false;
    last ??= name;
    segments += 1;
    namesAudit ||= AUDIT_WORD.test(name);
    if (n.type !== AST_NODE_TYPES.MemberExpression) break;
    n = skipTransparent(n.object);
  }
  if (segments > 1 && /^(?:get|find|list|fetch|query|count|is|has)[A-Z]?/u.test(last!)) return false;
  if (namesAudit) return true;
  return /^(?:log|record|track|report|emit|raise)(?:Security|Auth|Login|Access|Failed|Suspicious)\w*$/u.test(last!) || /^security(?:Event|Log)/u.test(last!);
}

const AUDIT_WORD = /audit/iu;

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

// ---------------------------------------------------------------------------
// Failed credential checks: which branch is the failure of a password, token or API-key check
// ---------------------------------------------------------------------------

/** What a failed credential check says about the caller. */
export type CredentialFailure = 'invalid_credentials' | 'invalid_token' | 'invalid_api_key' | 'invalid_otp' | 'invalid_passkey';

const TOKEN_VERIFY = /^(?:jwtVerify|verifyToken|verifyJwt|verifyJWT|verifyIdToken|verifyAccessToken|verifyRefreshToken|verifySessionCookie|decodeAndVerify)$/u;
const API_KEY_TEXT = /api[-_]?key|x-api-key|apiToken|api_token/iu;
/** Where a request carries the caller's own credential, as opposed to a link or form token. */
const CREDENTIAL_CARRIER = /header|authori[sz]ation|cookie|bearer/iu;

const branchCache = fileCache<Map<TSESTree.Node, CredentialFailure | null>>();
type TryVerification = { call: TSESTree.CallExpression; failure: 'invalid_token' | 'invalid_passkey' | 'invalid_credentials' };
const tryCache = fileCache<Map<TSESTree.BlockStatement, TryVerification | null>>();

/**
 * The failure when `node` lies on the branch where a password, token or API-key check failed:
 * `if (!(await bcrypt.compare(…))) …`, `if (ok) {} else …`, `if (apiKey !== expected) …`, the
 * `catch` of a `try` that verifies a token, the error branch of a verification's node-style callback
 * (`jwt.verify(token, key, (err, payload) => { if (err) … })`) or the rejection handler of its promise
 * (`verifyIdToken(token).then(…).catch((err) => …)`), and `if (!user)` in passport's custom callback
 * (`passport.authenticate('local', (err, user, info) => …)`). Null otherwise (up to the enclosing function).
 */
export function credentialFailureAt(context: Context, node: TSESTree.Node): CredentialFailure | null {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && !isFunctionNode(parent)) {
    if (parent.type === AST_NODE_TYPES.IfStatement && (child === parent.consequent || child === parent.alternate)) {
      const reason = failedBranch(context, parent, child === parent.consequent);
      if (reason) return reason;
    } else if (parent.type === AST_NODE_TYPES.CatchClause && child === parent.body && parent.parent.type === AST_NODE_TYPES.TryStatement) {
      const failure = verificationInTry(context, parent.parent.block)?.failure;
      if (failure) return failure;
    } else if (parent.type === AST_NODE_TYPES.BlockStatement) {
      const failure = failureAfterSuccessExit(context, parent.body, child);
      if (failure) return failure;
    }
    child = parent;
    parent = parent.parent;
  }
  // `verifyIdToken(token).then(…).catch((err) => …)`: the whole rejection handler is the failure.
  return parent && isFunctionNode(parent) && tokenVerificationRejectionHandler(context, parent) ? 'invalid_token' : null;
}

/**
 * `if (match) { …; return user; } throw new PasswordMismatch()`: a statement after an `if` that leaves the
 * function when a password (token, code) check passed is reached only when it failed, or was never made
 * (`if (user && hash) { if (await bcrypt.compare(…)) return user; }`: no such user). The passing
 * branch may be nested in `if` blocks of the earlier statement; it must end in a `return` and have no
 * `else`.
 */
function failureAfterSuccessExit(context: Context, body: readonly TSESTree.Statement[], child: TSESTree.Node): CredentialFailure | null {
  const index = body.indexOf(child as TSESTree.Statement);
  for (let i = index - 1; i >= 0; i--) {
    const statement = body[i]!;
    if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
    const failure = successExitIn(context, statement, 0);
    if (failure) return failure;
  }
  return null;
}

function successExitIn(context: Context, statement: TSESTree.IfStatement, depth: number): CredentialFailure | null {
  if (!statement.alternate && endsInExit(statement.consequent) && !answersError(context, statement.consequent)) {
    const failure = succeedsWhenTrue(context, statement.test);
    if (failure) return failure;
  }
  if (depth >= 3) return null;
  for (const branch of [statement.consequent, statement.alternate]) {
    const statements = !branch ? [] : branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
    for (const inner of statements) {
      if (inner.type !== AST_NODE_TYPES.IfStatement) continue;
      const failure = successExitIn(context, inner, depth + 1);
      if (failure) return failure;
    }
  }
  return null;
}

/**
 * The branch answers a 4xx/5xx or builds an error (`return res.status(400).json(…)`, `return new ReuseError()`):
 * the check's true side is the refusal (a new password that matches the old one), not the passing branch.
 */
function answersError(context: Context, branch: TSESTree.Statement): boolean {
  let found = false;
  walkSameFunction(
    branch,
    (n) => {
      if (n.type === AST_NODE_TYPES.ThrowStatement) found = true;
      else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const status = getHttpOutcome(context, n)?.status;
        if (status !== undefined && status >= 400) found = true;
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** A branch that answers and leaves the function: `return`, or a block ending in one. */
function endsInExit(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && endsInExit(last);
}

/** `jwt.verify(…)`, `jwtVerify(…)`, `verifyIdToken(…)`, `jose.jwtVerify(…)`: a call that verifies a token. */
function isTokenVerifyCall(call: TSESTree.CallExpression): boolean {
  const path = getCalleePath(call);
  const callee = skipTransparent(call.callee);
  // `admin.auth().verifyIdToken(token)`: no dotted path through the call, the method name says it.
  if (path === null) return callee.type === AST_NODE_TYPES.MemberExpression && TOKEN_VERIFY.test(getPropertyName(callee) ?? '');
  const last = lastSegment(path);
  return TOKEN_VERIFY.test(last) || ((last === 'verify' || last === 'verifyAsync') && /jwt|token|jose/iu.test(path));
}

/**
 * `jwt.verify(token, key, (err, payload) => …)`, `jwt.verify(token, key, options, function (err, decoded) {…})`:
 * the verification whose node-style callback `fn` is (its last argument, the error its first parameter).
 */
function tokenVerificationOfCallback(fn: AnyFunction): TSESTree.CallExpression | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length < 2 || call.arguments[call.arguments.length - 1] !== fn) return null;
  return fn.params.length > 0 && isTokenVerifyCall(call) ? call : null;
}

/** `verifyIdToken(t).then(ok).catch(fn)`, `jwtVerify(t, key).then(ok, fn)`: the verification whose rejection `fn` handles. */
function tokenVerificationRejectionHandler(context: Context, fn: AnyFunction): TSESTree.CallExpression | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (!((method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn))) return null;
  let root = skipTransparent(callee.object);
  // Only `.then(…)` links before it: a `.catch` earlier in the chain would have handled the rejection.
  while (root.type === AST_NODE_TYPES.CallExpression) {
    const inner = skipTransparent(root.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(inner) !== 'then' || root.arguments.length > 1) break;
    root = skipTransparent(inner.object);
  }
  return root.type === AST_NODE_TYPES.CallExpression && isTokenVerifyCall(root) ? root : null;
}

/** `err` in `jwt.verify(token, key, (err, payload) => { if (err) … })`: the error of a token verification. */
function isVerificationError(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(context, n)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node as AnyFunction;
  return fn.params[0] === def.name && tokenVerificationOfCallback(fn) !== null;
}

/** `err`, `err != null`, `err !== undefined`: true when a callback's verification error is set. */
function verificationErrorSet(context: Context, t: TSESTree.Node): boolean {
  if (isVerificationError(context, t)) return true;
  if (t.type !== AST_NODE_TYPES.BinaryExpression || (t.operator !== '!=' && t.operator !== '!==')) return false;
  const [left, right] = [skipTransparent(t.left as TSESTree.Node), skipTransparent(t.right)];
  const isNothing = (n: TSESTree.Node) => (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
  return (isNothing(right) && isVerificationError(context, left)) || (isNothing(left) && isVerificationError(context, right));
}

function failedBranch(context: Context, statement: TSESTree.IfStatement, consequent: boolean): CredentialFailure | null {
  const key = consequent ? statement.consequent : statement.alternate!;
  const answers = perFileMap(branchCache, context.sourceCode);
  if (answers.has(key)) return answers.get(key)!;
  const result = consequent ? failsWhenTrue(context, statement.test) : succeedsWhenTrue(context, statement.test);
  answers.set(key, result);
  return result;
}

function failsWhenTrue(context: Context, test: TSESTree.Node): CredentialFailure | null {
  const t = skipTransparent(test);
  if (verificationErrorSet(context, t)) return 'invalid_token';
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') {
    const argument = skipTransparent(t.argument);
    // `if (!user)` in passport's custom callback: the strategy refused the credentials
    if (argument.type === AST_NODE_TYPES.Identifier) {
      const refusal = passportCallbackRefusal(context, argument);
      if (refusal) return refusal;
    }
    const kind = checkKind(context, t.argument);
    // `if (!user)` after a lookup by the login's username, before the password check of that user.
    if (kind || argument.type !== AST_NODE_TYPES.Identifier) return kind;
    return isLoginAccountLookup(context, argument, (call) => isPasswordCheck(context, call)) ? 'invalid_credentials' : null;
  }
  if (t.type === AST_NODE_TYPES.LogicalExpression) return failsWhenTrue(context, t.left) ?? failsWhenTrue(context, t.right);
  if (t.type === AST_NODE_TYPES.BinaryExpression) {
    if ((t.operator === '!==' || t.operator === '!=') && isApiKeyComparison(context, t)) return 'invalid_api_key';
    if ((t.operator === '!==' || t.operator === '!=') && isPasswordComparison(context, t)) return 'invalid_credentials';
    const literal = booleanSide(t);
    if (literal && (t.operator === '===' || t.operator === '==') && literal.value === false) return checkKind(context, literal.other);
    if (literal && (t.operator === '!==' || t.operator === '!=') && literal.value === true) return checkKind(context, literal.other);
  }
  return null;
}

function succeedsWhenTrue(context: Context, test: TSESTree.Node): CredentialFailure | null {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!' && isVerificationError(context, t.argument)) return 'invalid_token';
  if (t.type === AST_NODE_TYPES.LogicalExpression) return succeedsWhenTrue(context, t.left) ?? succeedsWhenTrue(context, t.right);
  if (t.type === AST_NODE_TYPES.BinaryExpression) {
    if ((t.operator === '===' || t.operator === '==') && isApiKeyComparison(context, t)) return 'invalid_api_key';
    if ((t.operator === '===' || t.operator === '==') && isPasswordComparison(context, t)) return 'invalid_credentials';
    const literal = booleanSide(t);
    if (literal && (t.operator === '===' || t.operator === '==') && literal.value === true) return checkKind(context, literal.other);
    return null;
  }
  return checkKind(context, t);
}

function booleanSide(t: TSESTree.BinaryExpression): { value: boolean; other: TSESTree.Node } | null {
  const left = skipTransparent(t.left);
  const right = skipTransparent(t.right);
  if (right.type === AST_NODE_TYPES.Literal && typeof right.value === 'boolean') return { value: right.value, other: left };
  if (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'boolean') return { value: left.value, other: right };
  return null;
}

/** `apiKey !== process.env.API_KEY`, `req.headers['x-api-key'] === key`: a presented API key compared. */
function isApiKeyComparison(context: Context, t: TSESTree.BinaryExpression): boolean {
  const sides = [skipTransparent(t.left), skipTransparent(t.right as TSESTree.Node)];
  if (sides.some((s) => s.type === AST_NODE_TYPES.Literal || (s.type === AST_NODE_TYPES.Identifier && s.name === 'undefined') || s.type === AST_NODE_TYPES.UnaryExpression)) return false;
  const keySides = sides.filter((s) => API_KEY_TEXT.test(context.sourceCode.getText(s)));
  // `apiKey.type !== ApiKeyType.PUBLISHABLE`: a field of a stored key record, not the key presented.
  return keySides.length > 0 && !keySides.every((s) => isKeyRecordField(s));
}

function isKeyRecordField(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(node);
  return name !== null && !/key|token|secret|hash|digest|value/iu.test(name);
}

/** 'invalid_credentials' when `node` is (the result of) a password / hash comparison; a one-time code or WebAuthn check's failure. */
function checkKind(context: Context, node: TSESTree.Node): CredentialFailure | null {
  return passwordCheckResult(context, node) ? 'invalid_credentials' : secondFactorResult(context, node);
}

// ---------------------------------------------------------------------------
// One-time codes and WebAuthn
// ---------------------------------------------------------------------------

/** speakeasy, otplib, notp, node-2fa objects whose `verify` / `check` tests a one-time code. */
const OTP_OBJECTS = /^(?:speakeasy\.(?:totp|hotp)|(?:otplib\.)?(?:authenticator|totp|hotp)|notp\.(?:totp|hotp)|twoFactor|twofactor|node2fa)$/u;
const OTP_METHODS = new Set(['verify', 'check', 'verifyDelta', 'verifyToken']);
/** An app's own one-time-code check: `verifyTotp(…)`, `verifyOtp(…)`, `verifyTwoFactorCode(…)`, `checkMfaCode(…)`. */
const OTP_FUNCTION = /^(?:verify|check|validate)(?:Totp|TOTP|Hotp|HOTP|Otp|OTP|OneTimeCode|OneTimePassword|TwoFactor|2fa|2FA|Mfa|MFA)(?:Code|Token)?$/u;
/** @simplewebauthn/server (and look-alikes): the response says `verified`; registration is enrolment, not a login. */
const PASSKEY_FUNCTION = /^(?:verifyAuthenticationResponse|verifyAssertionResponse)$/u;

/** `speakeasy.totp.verify(…)`, `authenticator.check(code, secret)`, `verifyAuthenticationResponse(…)`: which kind of second-factor check `call` is. */
function secondFactorCheck(call: TSESTree.CallExpression): 'invalid_otp' | 'invalid_passkey' | null {
  const path = getCalleePath(call);
  if (path === null) return null;
  const last = lastSegment(path);
  if (PASSKEY_FUNCTION.test(last)) return 'invalid_passkey';
  if (OTP_FUNCTION.test(last)) return 'invalid_otp';
  const owner = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
  return owner !== null && OTP_METHODS.has(last) && OTP_OBJECTS.test(owner) ? 'invalid_otp' : null;
}

/**
 * The failure when `node` is the yes/no result of a second-factor check: the call of a one-time-code
 * check (`speakeasy.totp.verify(…)`) or a variable holding it, the `verified` of a WebAuthn verification
 * (`verification.verified`, `const { verified } = await verifyAuthenticationResponse(…)`, also through
 * `let verification; try { verification = await …; } catch …`). Null otherwise.
 */
function secondFactorResult(context: Context, node: TSESTree.Node, depth = 0): 'invalid_otp' | 'invalid_passkey' | null {
  const n = skipTransparent(node);
  if (depth > 3) return null;
  if (n.type === AST_NODE_TYPES.CallExpression) return secondFactorCheck(n) === 'invalid_otp' && !isEnrolment(n) ? 'invalid_otp' : null;
  if (n.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(n) === 'verified' && passkeyVerification(context, n.object, depth + 1) ? 'invalid_passkey' : null;
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable') return null;
  const id = def.node.id;
  // const { verified } = await verifyAuthenticationResponse(…) / = verification
  if (id.type === AST_NODE_TYPES.ObjectPattern) {
    const holds = id.properties.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'verified' && p.value === def.name);
    return holds && def.node.init && passkeyVerification(context, def.node.init, depth + 1) ? 'invalid_passkey' : null;
  }
  const value = singleValue(variable!);
  return value ? secondFactorResult(context, value, depth + 1) : null;
}

/** Names of functions and routes that set a second factor up rather than sign in with it. */
const ENROLMENT = /enable|set_?up|enrol|register|activate/iu;

/**
 * `async enableTFA(key, otp, secret) { if (!authenticator.check(otp, secret)) … }`, a route
 * `'/2fa/setup'`: the code confirms a secret being enrolled — a typo in the setup, not a failed sign-in.
 * Read from the names of the enclosing functions and the path of a route registering one.
 */
function isEnrolment(call: TSESTree.CallExpression): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    const parent = node.parent;
    const name =
      node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.id
        ? node.id.name
        : parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property
          ? getPropertyName(parent)
          : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
            ? parent.id.name
            : null;
    if (name !== null && ENROLMENT.test(name)) return true;
    const path = registeredPath(node);
    if (path !== null && ENROLMENT.test(path)) return true;
  }
  return false;
}

/**
 * The path a route registers `fn` at: `router.post('/2fa/setup', fn)`, also through a wrapper the
 * handler is handed to (`router.post('/twofa/setup/totp', loggedIn, error_catcher(async (req, res) => …))`).
 */
function registeredPath(fn: TSESTree.Node): string | null {
  let value: TSESTree.Node = fn;
  for (let hops = 0; hops < 2; hops++) {
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return null;
    const route = call.arguments[0];
    if (route && route !== value && route.type === AST_NODE_TYPES.Literal && typeof route.value === 'string') return route.value;
    value = call;
  }
  return null;
}

/** Whether `node` is (a variable holding) the result of a WebAuthn authentication verification. */
function passkeyVerification(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.CallExpression) return secondFactorCheck(n) === 'invalid_passkey';
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const variable = findVariable(context, n);
  const value = variable ? singleValue(variable) : null;
  return value !== null && passkeyVerification(context, value, depth + 1);
}

/** The one value a variable is given: its initializer, or (declared without one) its only assignment. */
function singleValue(variable: TSESLint.Scope.Variable): TSESTree.Expression | null {
  const init = getVariableInit(variable);
  const writes = variable.references.filter((r) => r.isWrite() && !r.init);
  if (init) return writes.length === 0 ? init : null;
  if (writes.length !== 1) return null;
  const parent = writes[0]!.identifier.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' ? parent.right : null;
}

/** The token-verifying call of a `try` block (`jwt.verify(token, secret)`, `jwtVerify(…)`), if any. */
export function getTokenVerification(context: Context, block: TSESTree.BlockStatement): TSESTree.CallExpression | null {
  const found = verificationInTry(context, block);
  return found?.failure === 'invalid_token' ? found.call : null;
}

/**
 * The first verification a `try` block makes (a token check, a WebAuthn authentication that throws on a bad assertion,
 * a login call handed the password that throws on a wrong one: `await request.loginUserWithEmail(email, password)`)
 * and what its `catch` means.
 */
function verificationInTry(context: Context, block: TSESTree.BlockStatement): TryVerification | null {
  const answers = perFileMap(tryCache, context.sourceCode);
  const cached = answers.get(block);
  if (cached !== undefined) return cached;
  let found: TryVerification | null = null;
  walkSameFunction(
    block,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression) {
        if (isTokenVerifyCall(n)) found = { call: n, failure: 'invalid_token' };
        else if (secondFactorCheck(n) === 'invalid_passkey') found = { call: n, failure: 'invalid_passkey' };
        else if (isLoginCall(context, n) && failsByThrowing(block, n)) found = { call: n, failure: 'invalid_credentials' };
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  answers.set(block, found);
  return found;
}

/** The token verification whose `catch` (or callback, or rejection handler) `node` lies in (up to the enclosing function), if any. */
export function enclosingTokenVerification(context: Context, node: TSESTree.Node): TSESTree.CallExpression | null {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && !isFunctionNode(parent)) {
    if (parent.type === AST_NODE_TYPES.CatchClause && child === parent.body && parent.parent.type === AST_NODE_TYPES.TryStatement) {
      const call = getTokenVerification(context, parent.parent.block);
      if (call) return call;
    }
    child = parent;
    parent = parent.parent;
  }
  // The callback or rejection handler of a verification: `jwt.verify(t, key, (err) => …)`, `.catch((err) => …)`.
  return parent && isFunctionNode(parent) ? (tokenVerificationOfCallback(parent) ?? tokenVerificationRejectionHandler(context, parent)) : null;
}

/**
 * Whether a value is the caller's own credential: `req.headers.authorization`, `req.cookies.session`,
 * `getToken(req)`, or a `const` holding one — as opposed to a token the request carries as data
 * (an invite or reset link, a signed form field).
 */
export function readsCallerCredential(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const n = skipTransparent(node);
  if (CREDENTIAL_CARRIER.test(context.sourceCode.getText(n))) return true;
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.some((a) => isRequestObject(context, a))) return true;
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 1) return false;
  const variable = findVariable(context, n);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' ? def.node.init : null;
  return init ? readsCallerCredential(context, init, depth + 1) : false;
}

/**
 * On the branch where a credential check failed, up to `fn`: `if (!ok) …`, `if (!ok || x) …`,
 * `ok === false ? … : …`, the `else` of `if (ok)` — of a password check, an app's validator handed the
 * password, a one-time code or a WebAuthn assertion (`if (!verification.verified)`). A narrower reading
 * of the test than credentialFailureAt (no `!== true`, no `&&`): what log-auth-success skips as no success.
 */
export function inCredentialFailureBranch(context: Context, node: TSESTree.Node, fn: AnyFunction): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== fn) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent && credentialFailsWhenTrue(context, parent.test)) return true;
      if (child === parent.alternate && checkKind(context, parent.test)) return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

function credentialFailsWhenTrue(context: Context, test: TSESTree.Node): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return checkKind(context, t.argument) !== null;
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '||') return credentialFailsWhenTrue(context, t.left) || credentialFailsWhenTrue(context, t.right);
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '===' || t.operator === '==')) {
    const [left, right] = [skipTransparent(t.left as TSESTree.Node), skipTransparent(t.right)];
    if (right.type === AST_NODE_TYPES.Literal && right.value === false) return checkKind(context, left) !== null;
    if (left.type === AST_NODE_TYPES.Literal && left.value === false) return checkKind(context, right) !== null;
  }
  return false;
}
