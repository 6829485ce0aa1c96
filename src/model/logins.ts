/**
 * What signs a user in, and how passport says "no": the login events log-auth-success looks for
 * (a token signed, a session naming a user, `req.login()`, a strategy accepting a user) and the
 * failed-login answer of a passport strategy that log-auth-failures looks for (`done(null, false)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  describeEnclosingFunction,
  findVariable,
  getCalleePath,
  getMemberPath,
  getPropertyName,
  getRootIdentifier,
  lastSegment,
  skipTransparent,
  unwrapIndirectCall,
} from './ast.js';
import { findEnclosingHandler } from './handlers.js';
import { getHttpOutcome } from './http-outcomes.js';
import { getResponseSink } from './responses.js';
import { getImportSource } from './modules.js';
import { tokenizeName } from './secrets/names.js';
import { isResponseOrContextName } from './response-names.js';
import { routeOf } from './placement.js';
import { functionName } from './sockets.js';

/** A function or route that signs a user in (`login`, `/auth/signin`, `authenticate`, `POST /sessions`). */
export const LOGIN_NAME = /log_?in|sign_?in|log_?on|authenticat|(?:^|\/)sessions?$/iu;
/** Names of functions and routes that sign in with a second factor (`/2fa/verify`, `verifyMfa`, `/webauthn/login`), or sign in at all. */
export const SECOND_FACTOR_LOGIN = /2fa|mfa|otp|two_?factor|webauthn|passkey|second_?factor|log_?in|sign_?in|authenticat/iu;
/** Names of functions and routes that confirm removing a second factor rather than sign in with it (`/2fa/disable`). */
export const FACTOR_REMOVAL = /disable|remove|delete|deactivat|turn_?off/iu;
/** Files of a login route (`routes/auth.js`, `app/api/login/route.ts`). */
export const LOGIN_FILE = /log_?in|sign_?in|auth|sessions?(?:\/|\.)/iu;
/** `req.session.userId = …`: the session now names a signed-in principal. */
const SESSION_IDENTITY = /^(?:user|userId|user_id|uid|account|accountId|principal|passport|member|memberId|authenticated|loggedIn|isLoggedIn|isAuthenticated)$/u;
/** Words of a log argument that name the principal. */
const PRINCIPAL_WORDS = new Set(['user', 'users', 'username', 'userid', 'uid', 'id', 'email', 'login', 'account', 'principal', 'sub', 'subject', 'member', 'customer', 'client', 'actor', 'owner', 'identity']);
const ACTIVITY_RECORD = /(?:^|\.)\w*(?:activit|audit)\w*\.(?:create\w*|insert\w*|log\w*|record\w*|add\w*|write\w*|track\w*)$/iu;

/** `done(null, false)`, `cb(null, false, { message })`: the passport way to say "no such user". */
export function isDoneFalse(node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !/^(?:done|cb|callback|next|verified)$/u.test(callee.name) || node.arguments.length < 2) return false;
  const [first, second] = node.arguments.map((a) => skipTransparent(a));
  const firstIsNothing = (first?.type === AST_NODE_TYPES.Literal && first.value === null) || (first?.type === AST_NODE_TYPES.Identifier && first.name === 'undefined');
  return firstIsNothing && second?.type === AST_NODE_TYPES.Literal && second.value === false;
}

/** The verify callback of `new LocalStrategy(…)` (any `…Strategy`). */
export function isStrategyCallback(fn: AnyFunction): boolean {
  if (fn.parent?.type !== AST_NODE_TYPES.NewExpression) return false;
  const path = getCalleePath(fn.parent);
  return path !== null && /Strategy$/u.test(lastSegment(path));
}

/** NextAuth.js / Auth.js credentials providers: `CredentialsProvider({ … })`, `Credentials({ … })` (also a module's `.default`). */
const CREDENTIALS_PROVIDER = /^(?:Credentials(?:Provider)?|credentialsProvider|credentials)$/u;

/**
 * The `authorize` function of a NextAuth.js / Auth.js credentials provider (`CredentialsProvider({ async authorize(credentials)
 * { … return null } })`): it checks the submitted credentials, and returning null (or false) refuses the sign-in, which
 * the library answers with a 401 `CredentialsSignin`; NextAuth.js 4 logs nothing for it.
 */
export function isCredentialsAuthorize(fn: AnyFunction): boolean {
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn || getPropertyName(property) !== 'authorize') return false;
  const options = property.parent;
  const call = options?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== options) return false;
  // `(0, credentials_1.default)({ … })`: TypeScript's CommonJS call of the default export.
  const path = getMemberPath(unwrapIndirectCall(call.callee));
  const last = path === null ? null : lastSegment(path) === 'default' ? lastSegment(path.slice(0, path.lastIndexOf('.'))) : lastSegment(path);
  return last !== null && CREDENTIALS_PROVIDER.test(last.replace(/_\d+$/u, ''));
}

/** The strategy callback whose last parameter `callee` is (`done` of `new LocalStrategy((u, p, done) => …)`). */
function strategyOfDone(context: Context, callee: TSESTree.Identifier): AnyFunction | null {
  const def = findVariable(context, callee)?.defs[0];
  if (!def || def.type !== 'Parameter') return null;
  const fn = def.node as AnyFunction;
  return fn.params[fn.params.length - 1] === def.name && isStrategyCallback(fn) ? fn : null;
}

/** passport: `done(null, false, { message })` in a strategy's verify callback. */
export function isPassportFailure(context: Context, node: TSESTree.CallExpression): boolean {
  return isDoneFalse(node) && strategyOfDone(context, skipTransparent(node.callee) as TSESTree.Identifier) !== null;
}

/**
 * `this.fail(401)` / `this.fail({ message })` in the `authenticate` method of a custom passport
 * strategy — `class TokenStrategy extends Strategy { authenticate(req) { … } }` or
 * `TokensStrategy.prototype.authenticate = function (req) { … }` (also from an arrow inside it, which
 * keeps its `this`, or from a callback through a `const self = this` of it): passport answers 401 when no strategy
 * accepts the request.
 */
export function isStrategyFail(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'fail') return false;
  // `var self = this; … function callback(err) { return self.fail(401) }` (@sap/xssec): the strategy's `this` under another name.
  const alias = callee.object.type === AST_NODE_TYPES.Identifier ? findVariable(context, callee.object) : null;
  const aliasDef = alias?.defs.length === 1 && alias.defs[0]!.type === 'Variable' ? alias.defs[0]!.node : null;
  const from = callee.object.type === AST_NODE_TYPES.ThisExpression ? call : aliasDef?.init?.type === AST_NODE_TYPES.ThisExpression ? aliasDef : null;
  if (!from) return false;
  let fn: TSESTree.Node | undefined = from.parent;
  while (fn && (fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.FunctionDeclaration)) fn = fn.parent;
  const owner = fn?.parent;
  if (!owner) return false;
  // class X extends Strategy / passport.Strategy / PassportStrategy { authenticate(req) { … } }
  // (or a class named for one that passport calls without a base: @sap/xssec's `class XssecPassportStrategy { authenticate(req) { … } }`)
  if (owner.type === AST_NODE_TYPES.MethodDefinition) {
    const cls = owner.parent.parent;
    const base = cls.superClass ? getMemberPath(skipTransparent(cls.superClass)) : null;
    const own = cls.id?.name ?? null;
    return getPropertyName(owner) === 'authenticate' && ((base !== null && /Strategy$/u.test(base)) || (base === null && own !== null && /Strategy$/u.test(own)));
  }
  // X.prototype.authenticate = function (req) { … }
  if (owner.type === AST_NODE_TYPES.AssignmentExpression && owner.right === fn) {
    const target = getMemberPath(owner.left);
    return target !== null && /\.prototype\.authenticate$/u.test(target);
  }
  return false;
}

/** `done(null, user)` in the verify callback of `new LocalStrategy(…)`. */
export function isStrategySuccess(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || call.arguments.length < 2) return false;
  const [first, second] = call.arguments.map((a) => skipTransparent(a));
  const firstIsNothing = (first?.type === AST_NODE_TYPES.Literal && first.value === null) || (first?.type === AST_NODE_TYPES.Identifier && first.name === 'undefined');
  if (!firstIsNothing || !second || (second.type === AST_NODE_TYPES.Literal && !second.value) || (second.type === AST_NODE_TYPES.Identifier && second.name === 'undefined')) return false;
  return strategyOfDone(context, callee) !== null;
}

/**
 * `return user` from `validate()` of a Nest `class LocalStrategy extends PassportStrategy(Strategy)`
 * with `Strategy` from passport-local: Nest signs the user in with what `validate` returns.
 * JWT and API-key strategies validate every request and are not logins.
 */
export function isLocalStrategyAcceptance(context: Context, fn: AnyFunction | null, arg: TSESTree.Node): boolean {
  if ((arg.type === AST_NODE_TYPES.Literal && !arg.value) || (arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) return false;
  const method = fn?.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || getPropertyName(method) !== 'validate') return false;
  const superClass = method.parent.parent.superClass ? skipTransparent(method.parent.parent.superClass) : null;
  if (superClass?.type !== AST_NODE_TYPES.CallExpression || getCalleePath(superClass) !== 'PassportStrategy') return false;
  const strategy = superClass.arguments[0];
  return strategy?.type === AST_NODE_TYPES.Identifier && getImportSource(context, strategy)?.source === 'passport-local';
}

/** `jwt.sign(…)`, `this.jwtService.sign(…)` / `signAsync`, `sign` imported from jsonwebtoken / jose; `new SignJWT(…)` is a NewExpression. */
export function isTokenSign(context: Context, call: TSESTree.CallExpression): boolean {
  const path = getCalleePath(call);
  if (path === null) return false;
  const last = lastSegment(path);
  if (last !== 'sign' && last !== 'signAsync') return false;
  if (/jwt|token/iu.test(path)) return true;
  // import { sign } from 'jsonwebtoken'
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && /^(?:jsonwebtoken|jose|hono\/jwt|@fastify\/jwt)$/u.test(getImportSource(context, callee)?.source ?? '');
}

/** `req.login(user, cb)` / `req.logIn(…)`: passport establishes the session. */
export function isPassportLogin(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  const object = skipTransparent(callee.object);
  return (method === 'login' || method === 'logIn') && object.type === AST_NODE_TYPES.Identifier && /^_?(?:req|request)$/u.test(object.name) && call.arguments.length > 0;
}

/** `req.session.regenerate(cb)`, `req.session.save(cb)`: express-session writes the session store. */
function isSessionStoreWrite(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !/^(?:regenerate|save)$/u.test(getPropertyName(callee) ?? '')) return false;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'session';
}

/**
 * `req.login(user, (err) => { if (err) … })`, `req.session.regenerate((err) => …)`: `id` is the error a session
 * step hands its callback — the session store or the user's serialization failed after the caller was accepted,
 * a failure of the server, not a decision about who is asking.
 */
export function isSessionStepError(context: Context, id: TSESTree.Identifier): boolean {
  const def = findVariable(context, id)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node as AnyFunction;
  const call = fn.parent;
  if (fn.params[0] !== def.name || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[call.arguments.length - 1] !== fn) return false;
  return isPassportLogin(call) || isSessionStoreWrite(call);
}

/**
 * The custom callback of `passport.authenticate('google', (err, user, info) => …)` (also stored in a `const`): the
 * strategy's verdict arrives as its parameters, so the strategy has refused or accepted the caller before it runs.
 */
export function receivesPassportVerdict(context: Context, fn: AnyFunction): boolean {
  if (fn.params.length < 2) return false;
  const passed = passedCallback(context, fn);
  const call = passed?.parent;
  if (!passed || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length < 2 || call.arguments.length > 3 || call.arguments[call.arguments.length - 1] !== passed) return false;
  const path = getCalleePath(call);
  return path !== null && lastSegment(path) === 'authenticate' && /passport/iu.test(path);
}

/** `req.session.userId = …`, `ctx.session.user = …`: the session now names a principal. */
export function isSessionIdentityAssignment(node: TSESTree.AssignmentExpression): boolean {
  const left = node.left;
  if (left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(left);
  const object = skipTransparent(left.object);
  return name !== null && SESSION_IDENTITY.test(name) && object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'session';
}

/** `res.redirect('/home')`, `ctx.redirect(…)`: a redirect on a response-named object (in a handler: the caller's check). */
export function isResponseRedirect(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'redirect') return false;
  const root = getRootIdentifier(callee.object);
  return root !== null && isResponseOrContextName(root.name);
}

/** `activityLog.create(…)`, `this.auditRepo.insert(…)`: a write to an activity or audit record. */
export function isActivityRecord(call: TSESTree.CallExpression): boolean {
  return ACTIVITY_RECORD.test(getCalleePath(call) ?? '');
}

/** Whether an argument of a log call mentions who signed in: `{ userId }`, `user.id`, `` `login ${email}` ``. */
export function namesPrincipal(call: TSESTree.CallExpression): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (found || depth > 6) return;
    const n = skipTransparent(node);
    const names: string[] = [];
    if (n.type === AST_NODE_TYPES.Identifier) names.push(n.name);
    else if (n.type === AST_NODE_TYPES.MemberExpression) names.push(...(getMemberPath(n) ?? '').split('.'));
    else if (n.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of n.properties) {
        if (p.type === AST_NODE_TYPES.Property) {
          if (!p.computed && p.key.type === AST_NODE_TYPES.Identifier) names.push(p.key.name);
          else if (p.key.type === AST_NODE_TYPES.Literal) names.push(String(p.key.value));
          visit(p.value, depth + 1);
        } else visit(p.argument, depth + 1);
      }
    } else if (n.type === AST_NODE_TYPES.TemplateLiteral) n.expressions.forEach((e) => visit(e, depth + 1));
    else if (n.type === AST_NODE_TYPES.CallExpression) n.arguments.forEach((a) => visit(a, depth + 1));
    else if (n.type === AST_NODE_TYPES.BinaryExpression || n.type === AST_NODE_TYPES.LogicalExpression) {
      visit(n.left as TSESTree.Node, depth + 1);
      visit(n.right, depth + 1);
    }
    if (names.some((name) => tokenizeName(name).some((t) => PRINCIPAL_WORDS.has(t)))) found = true;
  };
  for (const arg of call.arguments) visit(arg, 0);
  return found;
}

/**
 * passport's custom callback, `passport.authenticate('local', [options,] (err, user, info) => { if (!user) … })`:
 * the failure a falsy `user` means when `id` is that parameter — the strategy refused the
 * credentials (`invalid_token` for a JWT / bearer strategy). Null for any other identifier.
 */
export function passportCallbackRefusal(context: Context, id: TSESTree.Identifier): 'invalid_credentials' | 'invalid_token' | null {
  const def = findVariable(context, id)?.defs[0];
  if (def?.type !== 'Parameter') return null;
  const fn = def.node as AnyFunction;
  const passed = passedCallback(context, fn);
  const call = passed?.parent;
  if (fn.params[1] !== def.name || !passed || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length < 2 || call.arguments.length > 3 || call.arguments[call.arguments.length - 1] !== passed) return null;
  const path = getCalleePath(call);
  if (path === null || lastSegment(path) !== 'authenticate' || !/passport/iu.test(path)) return null;
  const strategy = skipTransparent(call.arguments[0] as TSESTree.Node);
  const name = strategy.type === AST_NODE_TYPES.Literal && typeof strategy.value === 'string' ? strategy.value : '';
  return /jwt|bearer|token/iu.test(name) ? 'invalid_token' : 'invalid_credentials';
}

/** The node that hands `fn` on: `fn` itself, or the one read of the `const` it is stored in (`const authCB = (err, user) => …; passport.authenticate(s, authCB)`). */
function passedCallback(context: Context, fn: AnyFunction): TSESTree.Node | null {
  const holder = fn.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== fn || holder.id.type !== AST_NODE_TYPES.Identifier) return fn;
  const variable = findVariable(context, holder.id);
  const reads = variable?.references.filter((r) => !r.init) ?? [];
  return reads.length === 1 && !reads[0]!.isWrite() ? reads[0]!.identifier : null;
}

/** A function named like a login (`login`, `signIn`, `authenticate`), or one registered for a login route (`app.post('/auth/signin', fn)`). */
export function isLoginFunction(fn: AnyFunction): boolean {
  const name = describeEnclosingFunction(fn.body);
  const route = routeOf(fn);
  return LOGIN_NAME.test(name ?? '') || LOGIN_NAME.test(route ?? '');
}

/** The file of a login route, read from its last three path segments (`routes/auth.js`, `app/api/login/route.ts`). */
export function isLoginFile(filename: string): boolean {
  return LOGIN_FILE.test(filename.split(/[\\/]/u).slice(-3).join('/'));
}

/**
 * A one-time code or passkey checked at `check` in `fn`, a handler named for signing in with it
 * (`/2fa/verify`, `verifyMfa`), not for confirming the factor's removal (`/2fa/disable`).
 */
export function signsInWithSecondFactor(context: Context, check: TSESTree.Node, fn: AnyFunction): boolean {
  const names = `${describeEnclosingFunction(fn.body) ?? ''} ${routeOf(fn) ?? ''}`;
  return !!findEnclosingHandler(context, check) && SECOND_FACTOR_LOGIN.test(names) && !FACTOR_REMOVAL.test(names);
}

/** `new SignJWT(…)` (jose): a token being built for a login. */
export function isTokenBuilder(node: TSESTree.NewExpression): boolean {
  const path = getCalleePath(node);
  return path !== null && lastSegment(path) === 'SignJWT';
}

/** `res.json({ token })`, `res.redirect('/home')` in a handler: a call that answers the client with success (no 4xx/5xx status). */
export function isSuccessAnswer(context: Context, call: TSESTree.CallExpression): boolean {
  const sink = getResponseSink(context, call);
  const outcome = getHttpOutcome(context, call);
  if (outcome && outcome.status >= 400) return false;
  return sink ? sink.status === null || sink.status < 400 : isResponseRedirect(call) && !!findEnclosingHandler(context, call);
}

/** The name a client logs in with: `username`, `email`, `login` (not a user object's id). */
const LOGIN_NAME_PARAM = /^(?:user|username|userName|user_name|login|loginName|email|emailAddress|account|accountName|identifier)$/u;
const PASSWORD_PARAM = /^(?:password|passwd|pass|pwd|pw|passphrase)$/iu;

/**
 * `async authenticate(username, password, otp)`, `function simpleLdapAuth(user, password, callback)`,
 * `new LocalStrategy((email, password, done) => …)`: the login name a function named for logging in
 * takes right before the password. Whatever file calls it, that is the text a client typed at the login
 * form, before anything vouches for it.
 */
export function isLoginNameParameter(fn: AnyFunction, index: number): boolean {
  const param = fn.params[index];
  const next = fn.params[index + 1];
  if (param?.type !== AST_NODE_TYPES.Identifier || next?.type !== AST_NODE_TYPES.Identifier) return false;
  if (!LOGIN_NAME_PARAM.test(param.name) || !PASSWORD_PARAM.test(next.name)) return false;
  if (isStrategyCallback(fn)) return true;
  const name = functionName(fn);
  return name !== null && (LOGIN_NAME.test(name) || /(?:^|[a-z])Auth$/u.test(name));
}
