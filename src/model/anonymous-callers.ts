/**
 * Is a 401/403 chosen only for a caller who presented nothing to be identified by — no session user,
 * no Authorization header, no token cookie? `if (!req.user) return res.sendStatus(401)` answers an
 * anonymous request: what every protected route says to a logged-out browser, a crawler, an expired
 * session's page load. It refuses no credential, so there is no failed attempt to alert on; rules
 * report it only when asked (log-auth-failures' `includeAnonymous`, on in strict).
 *
 * Read from the condition that chooses the rejection, as access-control.ts reads it: the innermost
 * enclosing condition, or (none) the early exits before the rejection (`if (req.user) return next();
 * res.status(401)`). Every way the condition can refuse must be an absence:
 * - a value read from the request that names an identity or a credential (`req.user`,
 *   `req.session.userId`, `ctx.state.user`, `req.headers.authorization`, `req.cookies.token`, `req.body.password`,
 *   `socket.handshake.auth.token`, `res.locals.user`, a field set on the response itself: `res.token`), tested for being falsy or nil
 *   (`!x`, `x == null`, `_.isNil(x)`, `typeof x === 'undefined'`);
 * - a local holding such a read, through string handling (`authHeader?.split(' ')[1]`), `||`, `??`
 *   and `?:` with empty alternatives, or returned by a same-file extractor given the request;
 * - the session a getter named for it reads off the request or its context (`await getSessionFromCtx(ctx)`,
 *   `await getServerSession(req, res, options)`);
 * - a `let` named for a credential that every write fills in from the request only (`token = req.query.qt`,
 *   `apikey = lookup(req.headers, name)`, pieces of those, `undefined`);
 * - passport's `req.isAuthenticated()` being false.
 * A test of what the caller holds (`!req.user.isAdmin`), of a value looked up or verified
 * (`const user = await findByToken(t)`, `jwt.decode(t)`), or anything unrecognized is not an absence.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getCalleePath, getEnclosingFunction, getPropertyName, getStringValue, isFunctionNode, lastName, lastSegment, leavesFunction, resolveFunction, returnedValues, skipTransparent, walkSameFunction } from './ast.js';
import { downlevelOptionalAccess, skipDownlevel } from './downlevel.js';
import { tokenizeName } from './secrets/names.js';
import { isRequestObject } from './request-object.js';
import { isStrategyCallback } from './logins.js';

/** Words that name who is asking or what they present. */
const PRESENCE_WORDS = new Set([
  'user', 'identity', 'member', 'principal', 'account', 'accountability', 'session', 'auth', 'authentication', 'authenticated',
  'authorization', 'token', 'jwt', 'bearer', 'cookie', 'cookies', 'credential', 'credentials', 'key', 'sid', 'uid', 'login', 'logged', 'viewer',
  // A shop's signed-in account (`request.getCurrentCustomer()`, `req.customer`).
  'customer',
]);
/**
 * Words of a password field read from the request (`if (!request.body.password) reply.code(401)`: a login body without
 * the secret presented nothing to check). Only in a read of the request: a strategy's `password` parameter is not one.
 */
const PASSWORD_WORDS = new Set(['password', 'passwd']);
/** Words of the login name a sign-in form submits beside its password (`req.body.email`, `request.body.username`). */
const LOGIN_NAME_WORDS = new Set(['email', 'username', 'login', 'user', 'mail']);
/** The request fields a submitted form arrives in. */
const FORM_SEGMENTS = new Set(['body', 'payload', 'query']);
/** Words that may stand beside them in a presence name (`access_token`, `x-api-key`, `remote_user`, `currentUser`). */
const FILLER_WORDS = new Set(['access', 'refresh', 'api', 'x', 'remote', 'current', 'raw', 'header', 'headers', 'is', 'has', 'in', 'name', 'id', 'auth', 'info']);
/** Second factors: `otpToken` is a code the caller is asked for after signing in, not a namespace. */
const FACTOR_WORDS = new Set(['otp', 'mfa', 'tfa', '2fa', 'sso', 'pin']);
/** Words naming the caller's identity itself (not a container such as the session or the state). */
const IDENTITY_HOLDERS = new Set(['user', 'member', 'principal', 'identity', 'account', 'viewer', 'actor', 'customer']);
/** Fields of an identity that are present exactly when it is (`req.session.userId`, `req.remote_user.name`). */
const IDENTITY_FIELDS = new Set(['id', 'uuid', 'name', 'email', 'username', 'uid', 'sub', 'identifier']);
/** Segments after which the chain reads the request (`info.req.headers`, `socket.handshake.auth`, `ctx.request.header`). */
const REQUEST_SEGMENTS = new Set(['req', 'request', 'handshake', 'upgradeReq']);
/** Methods that turn a header into the credential in it, keeping its absence. */
const STRING_STEPS = new Set(['split', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'toString', 'match', 'exec']);
/** Request getters given a header or cookie name (`req.get('authorization')`, `ctx.cookies.get('token')`). */
const GETTERS = new Set(['get', 'header', 'getHeader', 'cookie']);
const AUTHENTICATED_PREDICATE = /^is(?:Authenticated|LoggedIn|SignedIn)(?:Request)?$/u;
const UNAUTHENTICATED_PREDICATE = /^is(?:Unauthenticated|Anonymous|LoggedOut)(?:Request)?$/u;

/** True when the 401/403 at `node` is chosen only for callers without any identity or credential. */
export function refusesOnlyAnonymous(context: Context, node: TSESTree.Node, region: TSESTree.Node, assertion?: TSESTree.Node): boolean {
  // Koa `ctx.assert(ctx.state.user, 401)`: refused when the value is falsy.
  if (assertion) return absentWhen(context, assertion, false, 0);
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== region && !isFunctionNode(parent)) {
    let test: TSESTree.Node | null = null;
    let whenTrue = false;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
      test = parent.test;
      whenTrue = child === parent.consequent;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      test = parent.left;
      whenTrue = parent.operator === '&&';
    } else if (parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.SwitchCase) {
      return false;
    } else if (parent.type === AST_NODE_TYPES.BlockStatement && exitsLeaveOnlyAnonymous(context, parent, child)) {
      return true;
    }
    if (test) {
      if (absentWhen(context, test, whenTrue, 0)) return true;
      // `if (res.locals.isAPI) res.status(401).json(…) else res.redirect('/login')`: how to answer, not whom.
      if (!answerShapeTest(test)) return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * The early exits before `child` in `block` decide who reaches it
 * (`if (req.isAuthenticated()) return next(); res.redirect('/login')`). One that lets every
 * identified caller out is enough.
 */
function exitsLeaveOnlyAnonymous(context: Context, block: TSESTree.BlockStatement, child: TSESTree.Node): boolean {
  for (const statement of block.body) {
    if (statement === child) break;
    if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && leavesFunction(statement.consequent) && absentWhen(context, statement.test, false, 0)) return true;
  }
  return false;
}

/** Words of a test that chooses how to answer (JSON or a page) or which route this is, not whom. */
const ANSWER_SHAPE_WORDS = new Set([
  'req', 'request', 'res', 'response', 'ctx', 'c', 'locals', 'headers', 'header', 'get', 'is', 'api', 'xhr', 'ajax', 'accepts', 'accept',
  'json', 'html', 'wants', 'path', 'url', 'original', 'method', 'format', 'type', 'content', 'index', 'of', 'starts', 'ends', 'with', 'includes', 'test', 'match',
  'redirect',
]);

/** `res.locals.isAPI`, `req.xhr`, `req.accepts('json')`, `req.path.startsWith('/api')`, a middleware factory's `redirect` flag: every name in the test is one of these. */
function answerShapeTest(test: TSESTree.Node): boolean {
  let names = 0;
  let other = false;
  const visit = (n: TSESTree.Node): void => {
    if (other) return;
    const s = skipTransparent(n);
    switch (s.type) {
      case AST_NODE_TYPES.Literal:
        // `req.header('authorization')`: a credential was presented — that decides whom.
        if (typeof s.value === 'string' && namesPresence(s.value, false)) other = true;
        return;
      case AST_NODE_TYPES.Identifier:
        names += 1;
        if (!tokenizeName(s.name).every((w) => ANSWER_SHAPE_WORDS.has(w))) other = true;
        return;
      case AST_NODE_TYPES.MemberExpression:
        visit(s.object);
        if (s.computed) visit(s.property);
        else visit(s.property as TSESTree.Identifier);
        return;
      case AST_NODE_TYPES.CallExpression:
        visit(s.callee);
        for (const a of s.arguments) visit(a);
        return;
      case AST_NODE_TYPES.UnaryExpression:
        visit(s.argument);
        return;
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        visit(s.left as TSESTree.Node);
        visit(s.right);
        return;
      default:
        other = true;
    }
  };
  visit(test);
  return names > 0 && !other;
}

/** Every caller for whom `test` is `whenTrue` presented no identity or credential. */
function absentWhen(context: Context, test: TSESTree.Node, whenTrue: boolean, depth: number): boolean {
  const n = skipTransparent(test);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') return absentWhen(context, n.argument, !whenTrue, depth);
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator !== '??') {
    // Refused when either holds (`!token || !user`): both must be absences; when both hold, one is enough.
    const either = (n.operator === '||') === whenTrue;
    const left = absentWhen(context, n.left, whenTrue, depth);
    const right = absentWhen(context, n.right, whenTrue, depth);
    return either ? left && right : left || right;
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)) {
    // `_.isNil(req.remote_user.name) === false`: the test itself, or its negation.
    const bool = [n.right, n.left].map((side) => skipTransparent(side as TSESTree.Node)).find((side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'boolean') as TSESTree.Literal | undefined;
    if (bool) {
      const other = bool === skipTransparent(n.right) ? n.left : n.right;
      const same = (bool.value === true) === (n.operator === '===' || n.operator === '==');
      return absentWhen(context, other as TSESTree.Node, same === whenTrue, depth);
    }
    const equal = (n.operator === '===' || n.operator === '==') === whenTrue;
    return equal && nilComparison(context, n, depth);
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(n);
    const name = path === null ? null : lastSegment(path);
    // `_.isNil(req.user)`, also `_.isEmpty(ctx.state.user)` / ThinkJS's `think.isEmpty(userInfo)`: an identity object with nothing in it.
    if (name === 'isNil' || name === 'isUndefined' || name === 'isEmpty') return whenTrue && n.arguments[0] !== undefined && isPresenceValue(context, n.arguments[0], depth);
    if (name !== null && n.parent?.type !== AST_NODE_TYPES.AwaitExpression && onRequest(context, n)) {
      if (AUTHENTICATED_PREDICATE.test(name)) return !whenTrue;
      if (UNAUTHENTICATED_PREDICATE.test(name)) return whenTrue;
    }
  }
  return !whenTrue && isPresenceValue(context, n, depth);
}

/** `x == null`, `x === undefined`, `typeof x === 'undefined'` with `x` a presence value. */
function nilComparison(context: Context, n: TSESTree.BinaryExpression, depth: number): boolean {
  for (const [side, other] of [[n.left, n.right], [n.right, n.left]] as const) {
    const s = skipTransparent(side as TSESTree.Node);
    const o = skipTransparent(other as TSESTree.Node);
    const nil = (o.type === AST_NODE_TYPES.Literal && o.value === null && n.operator.length === 2) || (o.type === AST_NODE_TYPES.Identifier && o.name === 'undefined');
    if (nil && isPresenceValue(context, s, depth)) return true;
    if (s.type === AST_NODE_TYPES.UnaryExpression && s.operator === 'typeof' && o.type === AST_NODE_TYPES.Literal && o.value === 'undefined') return isPresenceValue(context, s.argument, depth);
  }
  return false;
}

/** `req.isAuthenticated()`, `isAuthenticatedRequest(req)`: a predicate asked of the request. */
function onRequest(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return requestChainStart(context, skipTransparent(callee.object)) !== null || call.arguments.some((a) => isRequestObject(context, a));
  return call.arguments.length === 1 && isRequestObject(context, call.arguments[0]!);
}

/** A value that is absent exactly when the caller presented no identity or credential. */
function isPresenceValue(context: Context, node: TSESTree.Node, depth: number): boolean {
  // Compiled code: `(_a = req.user) === null || _a === void 0 ? void 0 : _a.id` is `req.user?.id` (ast.ts skipDownlevel).
  const compiled = downlevelOptionalAccess(skipTransparent(node));
  const n = skipDownlevel(node);
  // `currentUser?.uuid`, `user?.id` with `const currentUser = request.getCurrentUser()`: an identity's own id read
  // with `?.` is absent exactly when the identity is.
  if (n.type === AST_NODE_TYPES.MemberExpression && (n.optional || compiled !== null) && !n.computed) {
    const object = skipDownlevel(n.object);
    const field = getPropertyName(n);
    if (object.type === AST_NODE_TYPES.Identifier && field !== null && namesIdentityField(field) && heldPresence(context, object, depth)) return true;
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression) {
    // `req.cookies.token || req.query.token`, `header && header.split(' ')[1]`
    if (n.operator === '&&') return isPresenceValue(context, n.right, depth);
    return orAlternative(context, n.left, depth) && orAlternative(context, n.right, depth) && (isPresenceValue(context, n.left, depth) || isPresenceValue(context, n.right, depth));
  }
  if (n.type === AST_NODE_TYPES.ConditionalExpression) {
    // `header.startsWith('Bearer ') ? header.slice(7) : null`
    return orAlternative(context, n.consequent, depth) && orAlternative(context, n.alternate, depth) && (isPresenceValue(context, n.consequent, depth) || isPresenceValue(context, n.alternate, depth));
  }
  if (n.type === AST_NODE_TYPES.Identifier) return heldPresence(context, n, depth);
  // `await getSessionFromCtx(ctx)` (better-auth), `await getServerSession(req, res, authOptions)` (next-auth): the
  // session a getter reads off the request or its context, absent exactly when no signed-in session came with it.
  if (n.type === AST_NODE_TYPES.AwaitExpression) {
    const call = skipTransparent(n.argument);
    return call.type === AST_NODE_TYPES.CallExpression && isSessionGetterCall(context, call);
  }
  if (n.type === AST_NODE_TYPES.CallExpression && isSessionGetterCall(context, n)) return true;
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(n.callee);
    // `header.split(' ')[1]` is a member of a call: handled below; here the call itself.
    if (callee.type === AST_NODE_TYPES.MemberExpression && STRING_STEPS.has(getPropertyName(callee) ?? '')) return isPresenceValue(context, callee.object, depth);
    if (callee.type === AST_NODE_TYPES.MemberExpression && GETTERS.has(getPropertyName(callee) ?? '')) {
      const key = n.arguments[0] === undefined ? null : keyName(n.arguments[0]);
      const start = requestChainStart(context, skipTransparent(callee.object));
      return start !== null && key !== null && namesPresence(key, start.identity || getPropertyName(callee) === 'cookie');
    }
    // `request.getCurrentUser()`, `req.getSession()`: the request's own getter of who is asking (no argument).
    if (callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0 && requestChainStart(context, skipTransparent(callee.object)) !== null) {
      const getter = /^get([A-Z]\w*)$/u.exec(getPropertyName(callee) ?? '');
      if (getter && namesPresence(getter[1]!, false)) return true;
    }
    return extractorCall(context, n, depth);
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    // `header.split(' ')[1]`, `match?.[1]`: a part of a string read keeps its absence.
    if (n.computed && skipTransparent(n.property).type === AST_NODE_TYPES.Literal && typeof (skipTransparent(n.property) as TSESTree.Literal).value === 'number') {
      return isPresenceValue(context, n.object, depth);
    }
    return requestRead(context, n) && !writtenHere(context, n);
  }
  return false;
}

/**
 * `req.user = await deserializeUser(id); if (!req.user) …`: the function set it from a lookup before the test — no
 * longer what the request carried. A write after the test (`if (!req.user) return …; …; req.user = { …req.user, … }`)
 * cannot reach it.
 */
function writtenHere(context: Context, member: TSESTree.MemberExpression): boolean {
  const fn = getEnclosingFunction(member);
  if (!fn) return false;
  const text = context.sourceCode.getText(member).replace(/\?\./gu, '.');
  let written = false;
  walkSameFunction(
    fn.body,
    (n) => {
      if (written) return false;
      if (n.type === AST_NODE_TYPES.AssignmentExpression && n.range[0] < member.range[0] && n.left.type === AST_NODE_TYPES.MemberExpression && context.sourceCode.getText(n.left).replace(/\?\./gu, '.') === text) written = true;
      return !written;
    },
    context.sourceCode.visitorKeys,
  );
  return written;
}

/** One side of `||` / `??` / `?:`: a presence value or an empty stand-in (`null`, `''`, `undefined`). */
function orAlternative(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return n.value === null || n.value === '' || n.value === false;
  if (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined') return true;
  return isPresenceValue(context, n, depth);
}

/** A const (or a let never written again) declared from a presence value, or destructured from the request. */
function heldPresence(context: Context, id: TSESTree.Identifier, depth: number): boolean {
  if (depth > 6) return false;
  const variable = findVariable(context, id);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (variable.references.some((r) => r.isWrite() && !r.init)) return assignedOnlyFromRequest(context, id, variable, depth);
  // `new LocalAPIKeyStrategy((req, apikey, done) => { if (!apikey) return done(null, false) })`: the credential the strategy extracted.
  if (def.type === 'Parameter') return strategyCredentialParameter(def.node as AnyFunction, def.name);
  if (def.type !== 'Variable' || !def.node.init) return false;
  const declared = def.node.id;
  if (declared.type === AST_NODE_TYPES.Identifier) return isPresenceValue(context, def.node.init, depth + 1);
  // `const { user } = req`, `const { authorization } = req.headers`
  if (declared.type !== AST_NODE_TYPES.ObjectPattern) return false;
  const property = declared.properties.find((p) => p.type === AST_NODE_TYPES.Property && skipTransparent(p.value as TSESTree.Node) === def.name) as TSESTree.Property | undefined;
  const key = property && !property.computed ? getPropertyName(property) : null;
  const source = skipTransparent(def.node.init);
  const start = source.type === AST_NODE_TYPES.Identifier ? (isRequestObject(context, source) ? { identity: false } : null) : source.type === AST_NODE_TYPES.MemberExpression ? requestChainStart(context, source) : null;
  if (key === null || start === null) return false;
  const carrier = source.type === AST_NODE_TYPES.MemberExpression ? (getPropertyName(source) ?? '') : '';
  return namesPresence(key, start.identity || /^(?:headers?|cookies|session|state|locals|auth)$/u.test(carrier));
}

/**
 * `let token; if (req.body.qt) token = req.body.qt; else if (req.query.qt) token = req.query.qt; else token = \`${req.get(h) || ''}\`.split(/\\s+/)[1]`:
 * a `let` named for a credential (`token`, `apikey`) that the code fills in from several places of the request and
 * nothing else. Absent exactly when the request carried no such credential: whatever the request field is called
 * (`redisCommanderQueryToken`), the variable's name says what the code looks for, and every write is a request
 * read, a piece of one (string steps, an index, a template, `|| ''`), a getter or look-up handed one
 * (`lookup(req.headers, name)`), or an empty stand-in. A write of anything else (a verification's result, an awaited
 * look-up, a stored value) makes the test one of a checked value.
 */
function assignedOnlyFromRequest(context: Context, id: TSESTree.Identifier, variable: NonNullable<ReturnType<typeof findVariable>>, depth: number): boolean {
  if (!namesPresence(id.name, false)) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  const writes: TSESTree.Node[] = [];
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    const assignment = ref.identifier.parent;
    if (ref.init) {
      if (def.node.init) writes.push(def.node.init);
    } else if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '=' && assignment.left === ref.identifier) {
      writes.push(assignment.right);
    } else {
      return false;
    }
  }
  let fromRequest = false;
  for (const write of writes) {
    const verdict = requestPiece(context, write, variable, depth + 1);
    if (verdict === null) return false;
    if (verdict) fromRequest = true;
  }
  return fromRequest;
}

/** Request input fields a credential is read from. */
const INPUT_FIELDS = new Set(['headers', 'header', 'body', 'query', 'cookies', 'signedCookies', 'params', 'get', 'getHeader']);
/** Names of a look-up of a key in an object (`lookup(req.headers, name)`, `_.get(req.query, k)`). */
const LOOKUP_NAMES = new Set(['lookup', 'get', 'pick', 'getHeader', 'header']);

/**
 * Whether `node` is a piece of what the request carried: true (it reads the request), false (an empty stand-in:
 * `undefined`, `''`, `null`), null (anything else). `self` is the variable being filled in: a write may step on its
 * own earlier value (`apikey = parts[parts.length - 1]` with `const parts = apikey.split(' ')`).
 */
function requestPiece(context: Context, node: TSESTree.Node, self: NonNullable<ReturnType<typeof findVariable>>, depth: number): boolean | null {
  if (depth > 8) return null;
  const n = skipTransparent(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
      return n.value === null || n.value === '' ? false : null;
    case AST_NODE_TYPES.Identifier: {
      if (n.name === 'undefined') return false;
      const variable = findVariable(context, n);
      if (!variable) return null;
      if (variable === self) return false;
      if (isRequestObject(context, n)) return true;
      // `const parts = apikey.split(' ')`: a const holding a piece.
      const def = variable.defs.length === 1 ? variable.defs[0]! : null;
      if (!def || def.type !== 'Variable' || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier || variable.references.some((r) => r.isWrite() && !r.init)) return null;
      const init = requestPiece(context, def.node.init, self, depth + 1);
      return init === null ? null : init || usesSelf(context, def.node.init, self);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const object = skipTransparent(n.object);
      // `req.headers`, `req.body.token`: a field of the request's input; `parts[1]`, `parts.length`: a piece of a piece.
      if (object.type === AST_NODE_TYPES.Identifier && isRequestObject(context, object)) {
        const field = getPropertyName(n);
        return field !== null && INPUT_FIELDS.has(field) ? true : null;
      }
      if (n.computed) {
        const index = requestPiece(context, n.property, self, depth + 1);
        const numeric = skipTransparent(n.property).type === AST_NODE_TYPES.Literal || skipTransparent(n.property).type === AST_NODE_TYPES.BinaryExpression;
        if (index === null && !numeric) return null;
      }
      const inner = requestPiece(context, object, self, depth + 1);
      return inner === null ? (usesSelf(context, object, self) ? false : null) : inner;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(n.callee);
      if (n.parent?.type === AST_NODE_TYPES.AwaitExpression) return null;
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
      if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null && STRING_STEPS.has(method)) {
        const inner = requestPiece(context, callee.object, self, depth + 1);
        return inner === null ? (usesSelf(context, callee.object, self) ? false : null) : inner;
      }
      // `req.get(name)`, `lookup(req.headers, name)`: a look-up in the request.
      if (method !== null && LOOKUP_NAMES.has(method)) {
        if (callee.type === AST_NODE_TYPES.MemberExpression && isRequestObject(context, skipTransparent(callee.object))) return true;
        const source = n.arguments[0];
        return source !== undefined && source.type !== AST_NODE_TYPES.SpreadElement && requestPiece(context, source, self, depth + 1) === true ? true : null;
      }
      return null;
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      if (n.quasis.some((q) => (q.value.cooked ?? q.value.raw) !== '')) return null;
      let any = false;
      for (const e of n.expressions) {
        const piece = requestPiece(context, e, self, depth + 1);
        if (piece === null) return null;
        any ||= piece;
      }
      return any;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      if (n.operator === '&&') return null;
      const left = requestPiece(context, n.left, self, depth + 1);
      const right = requestPiece(context, n.right, self, depth + 1);
      return left === null || right === null ? null : left || right;
    }
    default:
      return null;
  }
}

/** Whether `node` reads the variable `self` (a step on the credential's own earlier value). */
function usesSelf(context: Context, node: TSESTree.Node, self: NonNullable<ReturnType<typeof findVariable>>): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return findVariable(context, n) === self;
  if (n.type === AST_NODE_TYPES.MemberExpression) return usesSelf(context, n.object, self);
  if (n.type === AST_NODE_TYPES.CallExpression) return usesSelf(context, n.callee, self);
  return false;
}

/** A parameter of a passport strategy's verify callback, before its `done`, named for a credential (`apikey`, `token`, `accessToken`). */
function strategyCredentialParameter(fn: AnyFunction, name: TSESTree.Node): boolean {
  const index = fn.params.indexOf(name as TSESTree.Parameter);
  return index >= 0 && index < fn.params.length - 1 && name.type === AST_NODE_TYPES.Identifier && isStrategyCallback(fn) && namesPresence(name.name, false);
}

/**
 * A getter of the request's signed-in session by its name: `getSessionFromCtx`, `getAuthoritativeSessionFromCtx`
 * (better-auth), `getServerSession` (next-auth), `getSession`, `getCurrentSession`; or of the credential it carries:
 * passport-jwt's configured `self._jwtFromRequest(req)`, `extractToken(req)`.
 */
const SESSION_GETTER = /^get(?:[A-Z][a-z]+)?Session(?:From(?:Ctx|Context|Request|Req|Headers))?$|^(?:jwt|token|apiKey|credentials?)FromRequest$|^extract(?:Jwt|Token|ApiKey|Credentials?)$/u;

/**
 * `getSessionFromCtx(ctx)`, `getServerSession(req, res, options)`: a session getter handed the request or its context
 * (also with its failure made "no session": `getSessionFromCtx(ctx).catch(() => null)`).
 */
function isSessionGetterCall(context: Context, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'catch') {
    const inner = skipTransparent(callee.object);
    return inner.type === AST_NODE_TYPES.CallExpression && isSessionGetterCall(context, inner);
  }
  const name = lastName(callee)?.replace(/^_+/u, '') ?? null;
  return name !== null && SESSION_GETTER.test(name) && call.arguments.some((a) => isRequestObject(context, a));
}

/** `extractToken(req)`: a same-file function given the request whose every return is its credential or nothing. */
function extractorCall(context: Context, call: TSESTree.CallExpression, depth: number): boolean {
  if (depth > 1 || call.parent?.type === AST_NODE_TYPES.AwaitExpression || !call.arguments.some((a) => isRequestObject(context, a))) return false;
  const fn = resolveFunction(context, call.callee);
  if (!fn || fn.async || fn.generator) return false;
  const returned = returnedValues(fn, context.sourceCode.visitorKeys);
  return returned.length > 0 && returned.every((r) => orAlternative(context, r, depth + 1)) && returned.some((r) => isPresenceValue(context, r, depth + 1));
}

/**
 * `req.user`, `req.session.userId`, `req.headers['x-api-key']`, `res.locals.user`: a member chain from
 * the request whose last name is an identity or a credential (or an identity's own id / name).
 */
function requestRead(context: Context, node: TSESTree.MemberExpression): boolean {
  const segments: string[] = [];
  /** Whether each segment after the root was reached with `?.`. */
  const optional: boolean[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(current) ?? (current.computed && skipTransparent(current.property).type === AST_NODE_TYPES.Identifier ? (skipTransparent(current.property) as TSESTree.Identifier).name : null);
    if (name === null) return false;
    segments.unshift(name);
    // `_b.id` of `(_b = req.user) === null || _b === void 0 ? void 0 : _b.id`: the compiled `req.user?.id`.
    const object = skipTransparent(current.object);
    const source = skipDownlevel(object);
    optional.unshift(current.optional || source !== object);
    current = source;
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) segments.unshift('this');
  else if (current.type === AST_NODE_TYPES.Identifier) segments.unshift(current.name);
  else return false;
  optional.unshift(false);
  // `res.token`, `res.user`: a field the middleware chain set on this request's response (the handler's parameter, not an
  // upstream call's `const response = await client.exchange(code)`), as on `res.locals`.
  const at = segments.length === 2 && isResponseParameter(context, current) ? 0 : requestIndex(segments, isRequestObject(context, current));
  if (at < 0 || at >= segments.length - 1) return false;
  // `req.user.id`, `req.remote_user.name`, `req.user.uid` (no `?.` after the identity): the identity is there,
  // so the test is of an identified caller (an API-token principal has no user id). `req.user?.id` may be absent
  // with the identity; containers (`req.session.userId`, `ctx.state.user`, `req.accountability.user`) are not identities.
  for (let i = at + 1; i < segments.length - 1; i += 1) {
    if (tokenizeName(segments[i]!).some((w) => IDENTITY_HOLDERS.has(w)) && !optional[i + 1]) return false;
  }
  const after = segments.slice(at + 1);
  const last = after[after.length - 1]!;
  const identityBefore = after.slice(0, -1).some((s) => tokenizeName(s).some((w) => IDENTITY_HOLDERS.has(w)));
  if (namesPresence(last, identityBefore)) return true;
  const words = tokenizeName(last);
  if (words.some((w) => PASSWORD_WORDS.has(w)) && words.every((w) => PASSWORD_WORDS.has(w) || FILLER_WORDS.has(w))) return true;
  // `if (!req.body.email || !req.body.password) return res.status(401)…`: a sign-in form without its login name
  // presented nothing to check either (only a field of the submitted form: `req.user.email` is an identity's).
  return after.length === 2 && FORM_SEGMENTS.has(after[0]!) && words.some((w) => LOGIN_NAME_WORDS.has(w)) && words.every((w) => LOGIN_NAME_WORDS.has(w) || FILLER_WORDS.has(w));
}

/** The response object's usual names (`res.locals.user`, `res.token`). */
const RESPONSE_ROOT = /^_?(?:res|response)$/u;

/** `res` / `response` bound as a function's parameter (a handler's response object). */
function isResponseParameter(context: Context, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || !RESPONSE_ROOT.test(node.name)) return false;
  const variable = findVariable(context, node);
  return variable?.defs.length === 1 && variable.defs[0]!.type === 'Parameter';
}

/** Where the request is in a chain: its root (`req`, `ctx`, `this.req`), `res.locals`, or a `.req` / `.handshake` step. */
function requestIndex(segments: readonly string[], rootIsRequest: boolean): number {
  if (rootIsRequest) return 0;
  if (RESPONSE_ROOT.test(segments[0]!) && segments[1] === 'locals') return 1;
  // `this.ctx.state.user`: the Koa context an Egg.js / ThinkJS controller holds.
  if (segments[0] === 'this' && (segments[1] === 'ctx' || segments[1] === 'context') && segments.length > 2) return 1;
  for (let i = 1; i < segments.length - 1; i += 1) if (REQUEST_SEGMENTS.has(segments[i]!)) return i;
  return -1;
}

/**
 * The name a getter is given: a string (`'authorization'`), or the constant holding it, by its own name
 * (`ctx.cookies.get(sessionAuth.REFRESH_COOKIE_NAME)`, `req.get(AUTH_HEADER)`). Null for anything else.
 */
function keyName(node: TSESTree.CallExpressionArgument): string | null {
  return getStringValue(node) ?? lastName(node);
}

/** The start of a request chain a getter is called on: `req`, `ctx.cookies`, `req.headers`. */
function requestChainStart(context: Context, node: TSESTree.Node): { identity: boolean } | null {
  if (node.type === AST_NODE_TYPES.Identifier) return isRequestObject(context, node) ? { identity: false } : null;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return null;
  const segments: string[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(current);
    if (name === null) return null;
    segments.unshift(name);
    current = skipTransparent(current.object);
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) segments.unshift('this');
  else if (current.type === AST_NODE_TYPES.Identifier) segments.unshift(current.name);
  else return null;
  const at = requestIndex(segments, isRequestObject(context, current));
  if (at < 0 && !(segments.length === 2 && segments[0] === 'this' && REQUEST_SEGMENTS.has(segments[1]!))) return null;
  return { identity: segments.slice(at + 1).some((s) => /^(?:headers?|cookies|session|auth)$/u.test(s)) };
}

/**
 * A name that holds an identity or credential: every word a presence or filler word and one a
 * presence word (`user`, `accessToken`, `x-api-key`), or an identity's own field under one (`userId`
 * is both; `req.user.id`, `remote_user.name`), also behind an app's short namespace (`req.skPrincipal`).
 * `isAdmin`, `role`, `activeWorkspaceId` are not.
 */
function namesPresence(name: string, underIdentity: boolean): boolean {
  const all = tokenizeName(name);
  // `skPrincipal`, `skIsAuthenticated`: an app's short namespace before the name.
  const words = all.length > 1 && all[0]!.length <= 3 && !PRESENCE_WORDS.has(all[0]!) && !FILLER_WORDS.has(all[0]!) && !FACTOR_WORDS.has(all[0]!) ? all.slice(1) : all;
  if (words.length === 0) return false;
  if (words.every((w) => PRESENCE_WORDS.has(w) || FILLER_WORDS.has(w)) && words.some((w) => PRESENCE_WORDS.has(w) || (underIdentity && IDENTITY_FIELDS.has(w)))) return true;
  if (underIdentity && words.length === 1 && IDENTITY_FIELDS.has(words[0]!)) return true;
  // `req.locals.user.admin_user_id`, `req.user.userId`: under the identity, a field that names its holder and ends in its
  // id or name is that identity's own id.
  return underIdentity && words.length > 1 && IDENTITY_FIELDS.has(words[words.length - 1]!) && words.some((w) => IDENTITY_HOLDERS.has(w));
}

/** An identity's own field (`id`, `uuid`, `email`, `userId`): present exactly when the identity is. */
function namesIdentityField(name: string): boolean {
  const words = tokenizeName(name);
  return words.length > 0 && IDENTITY_FIELDS.has(words[words.length - 1]!) && words.every((w) => IDENTITY_FIELDS.has(w) || IDENTITY_HOLDERS.has(w));
}
