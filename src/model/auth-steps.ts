/**
 * Authentication steps: which functions authenticate a request — Express/Koa middleware, a Nest
 * guard's `canActivate`, a passport strategy's verify callback, a Fastify hook or decorated
 * `authenticate` — recognised by the names around them (`authMiddleware`, `verifyToken`,
 * `JwtGuard`, an `auth.ts` file) and their parameters; where such a step lets the request
 * through (`next()`, `return true`, `done(null, user)`) or rejects it; and which calls do the
 * authentication itself (`jwt.verify`, `getSession`, `findUser`).
 *
 * Optional-auth steps are the rule's policy (an option lists their names): `namesAround` and
 * `isOptionalAuthName` give what it needs, and `getAuthFunction` does not look at them.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findEnclosingClass, findVariable, getCalleePath, getPropertyName, isFunctionNode, lastName, lastSegment, skipTransparent, walkSameFunction } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { receiverSegments } from './fallible.js';
import { getHttpOutcome } from './http-outcomes.js';
import { getRejectionHandler } from './promises.js';
import { words } from './servers.js';
import { isResponseName } from './response-names.js';

export type AuthKind = 'middleware' | 'guard' | 'strategy' | 'hook';

export interface AuthFunction {
  fn: AnyFunction;
  kind: AuthKind;
  /** The `next` / `done` parameter that lets the request through (middleware, strategy). */
  pass: TSESTree.Identifier | null;
  /** The response parameter, for the suggestion. */
  res: TSESTree.Identifier | null;
}

/** Words that make a function, class, variable or file an authentication step. */
const AUTH_WORDS = /^(?:auth|authn|authz|authenticate|authenticated|authentication|authenticator|authorize|authorized|authorization|jwt|guard|apikey|bearer|login|loggedin|passport)$/u;
/** Two-word names that authenticate: verifyToken, requireUser, checkJwt, ensureLoggedIn. */
const AUTH_PAIRS = /^(?:verify|check|validate|require|ensure|decode)(?:token|jwt|session|user|apikey|key|login|signature|credentials?|bearer|access)$/u;
/** Names of optional-auth steps: the request is meant to go on without a user. */
const OPTIONAL_WORDS = /^(?:optional|soft|maybe|lenient|loose|anonymous|anon|public|try|attempt|ifpresent|present|if)$/u;
/** Calls inside the `try` that are the authentication itself. */
const AUTH_CALL = /verify|decode|authenticat|auth|token|jwt|session|user|member|account|principal|credential|api_?key|introspect|claims|identity|login|passport/iu;
const PASS_NAMES = /^(?:next|done|cb|callback|verified)$/u;

const authCache = fileCache<Map<AnyFunction, AuthFunction | null>>();

/** Whether a callee path or source text names an authentication call (`jwt.verify`, `getSession`, `findUser`). */
export function isAuthCallText(text: string): boolean {
  return AUTH_CALL.test(text);
}

/** Whether a file's text can hold an authentication step at all: it names an auth call, a guard or a strategy. */
export function mayHoldAuthSteps(text: string): boolean {
  return AUTH_CALL.test(text) || /guard|canActivate|Strategy/u.test(text);
}

/** A name of an optional-auth step: `optionalAuth`, `softAuth`, `maybeUser`, `authIfPresent`. */
export function isOptionalAuthName(name: string): boolean {
  return tokenize(name).some((w) => OPTIONAL_WORDS.test(w)) || /IfPresent|Optional/u.test(name);
}

/**
 * The authentication step `fn` is, or null: a Nest guard's `canActivate` (its class implements
 * `CanActivate`, or is named or filed like auth), a passport strategy's verify callback, and —
 * when it or the file is named like auth — middleware `(req, res, next)` / `(ctx, next)` or a
 * Fastify hook `(request, reply)`.
 */
export function getAuthFunction(context: Context, fn: AnyFunction): AuthFunction | null {
  const answers = perFileMap(authCache, context.sourceCode);
  if (answers.has(fn)) return answers.get(fn)!;
  const result = computeAuthFunction(context, fn);
  answers.set(fn, result);
  return result;
}

function computeAuthFunction(context: Context, fn: AnyFunction): AuthFunction | null {
  const names = namesAround(fn);
  const named = names.some((n) => isAuthName(tokenize(n)));
  const fileSaysAuth = isAuthName(tokenize(path.basename(context.filename).replace(/\.[^.]+$/u, '')));
  const params = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p : p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier ? p.left : null));
  const last = params[params.length - 1] ?? null;
  // Nest guard: canActivate of a class that implements CanActivate or is named *Guard.
  const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn.parent : null;
  if (method && getPropertyName(method) === 'canActivate') {
    const cls = findEnclosingClass(fn);
    const implementsCanActivate = cls?.implements?.some((i) => context.sourceCode.getText(i.expression) === 'CanActivate') ?? false;
    if (implementsCanActivate || named || fileSaysAuth) return { fn, kind: 'guard', pass: null, res: null };
    return null;
  }
  // passport: new LocalStrategy(opts, (username, password, done) => …)
  if (fn.parent?.type === AST_NODE_TYPES.NewExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const ctor = getCalleePath(fn.parent);
    if (ctor !== null && /Strategy$/u.test(lastSegment(ctor)) && last && PASS_NAMES.test(last.name)) return { fn, kind: 'strategy', pass: last, res: null };
    return null;
  }
  if (!named && !fileSaysAuth) return null;
  // Express / Koa / Nest middleware: (req, res, next), (ctx, next), use(req, res, next)
  if (last && last.name === 'next' && params.length >= 2) {
    const res = params.length >= 3 ? params[1] : null;
    return { fn, kind: 'middleware', pass: last, res: res && isResponseName(res.name) ? res : null };
  }
  // Fastify hook / decorated authenticate: (request, reply)
  if (params.length === 2 && params[0] && params[1] && /^(?:req|request)$/u.test(params[0].name) && /^(?:reply|rep)$/u.test(params[1].name) && named) {
    return { fn, kind: 'hook', pass: null, res: params[1] };
  }
  return null;
}

/** The names a function goes by: its own, its variable or property, its class, and the factories around it. */
export function namesAround(fn: AnyFunction): string[] {
  const names: string[] = [];
  let node: TSESTree.Node = fn;
  for (let depth = 0; node.parent && depth < 12; depth++) {
    if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.id) names.push(node.id.name);
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.Program) break;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) names.push(parent.id.name);
    else if ((parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed) {
      const n = getPropertyName(parent);
      if (n) names.push(n);
    } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
      const n = getPropertyName(parent.left);
      if (n) names.push(n);
    } else if (parent.type === AST_NODE_TYPES.ClassBody) {
      const cls = parent.parent;
      if (cls.id) names.push(cls.id.name);
      if (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier) names.push(cls.parent.id.name);
      break;
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      // fastify.decorate('authenticate', async (request, reply) => …)
      const first = parent.arguments[0];
      if (first && first !== node && first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') names.push(first.value);
    }
    node = parent;
  }
  return names;
}

/** A statement or expression that lets the request through (and how, for the message): `next()`, `return true`, `done(null, user)`. */
export function passesThrough(context: Context, node: TSESTree.Node, auth: AuthFunction): string | null {
  let n: TSESTree.Node = node;
  if (n.type === AST_NODE_TYPES.ExpressionStatement) n = n.expression;
  if (n.type === AST_NODE_TYPES.ReturnStatement) {
    if (!n.argument) return null;
    n = n.argument;
  }
  n = skipTransparent(n);
  if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && auth.pass && isSameBinding(context, n.callee, auth.pass)) {
    const args = n.arguments.map((a) => skipTransparent(a));
    if (auth.kind === 'strategy') {
      // done(null, user): authenticated; done(null, false) / done(err): rejected
      if (args.length < 2 || !isNothing(args[0]!) || isFalsy(args[1]!)) return null;
      return `calls ${n.callee.name}(null, …) with a user`;
    }
    if (args.length === 0 || (args.length === 1 && isNothing(args[0]!))) return `calls ${n.callee.name}() without the error`;
    return null;
  }
  if (auth.kind === 'guard' && n.type === AST_NODE_TYPES.Literal && n.value === true && isReturnValue(node)) return 'returns true';
  return null;
}

/** The value a `return` gives, or an arrow function's expression body. */
function isReturnValue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ReturnStatement || (node.parent !== undefined && isFunctionNode(node.parent) && node.parent.body === node);
}

/** Whether `id` refers to the parameter `param`. */
function isSameBinding(context: Context, id: TSESTree.Identifier, param: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  return variable !== null && variable.defs.some((d) => d.name === param);
}

/** `null` or `undefined`. */
function isNothing(n: TSESTree.Node): boolean {
  return (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
}

/** `null`, `undefined`, `false`, `0` or `''`. */
function isFalsy(n: TSESTree.Node): boolean {
  return isNothing(n) || (n.type === AST_NODE_TYPES.Literal && (n.value === false || n.value === 0 || n.value === ''));
}

/** Whether `region` rejects anywhere: a throw, an error handed on, a 4xx/5xx answer, `return false`. */
export function rejects(context: Context, region: TSESTree.Node, auth: AuthFunction): boolean {
  let found = false;
  walkSameFunction(
    region,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.ThrowStatement) found = true;
      else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument && skipTransparent(n.argument).type === AST_NODE_TYPES.Literal && (skipTransparent(n.argument) as TSESTree.Literal).value === false) found = true;
      else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AssignmentExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const outcome = getHttpOutcome(context, n);
        if (outcome && outcome.status >= 400) found = true;
        else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && auth.pass && isSameBinding(context, n.callee, auth.pass)) {
          const args = n.arguments.map((a) => skipTransparent(a));
          if (args.length > 0 && !isNothing(args[0]!)) found = true;
          if (auth.kind === 'strategy' && args.length >= 2 && isFalsy(args[1]!)) found = true;
        } else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
          // reply.send(err), res.status(code), ctx.throw(…), res.sendStatus(…), res.redirect(…) to a login page
          const method = getPropertyName(n.callee);
          if (method !== null && /^(?:throw|sendStatus|status|code|redirect|assert|end)$/u.test(method)) found = true;
          if (method === 'send' && auth.res && n.arguments[0] && skipTransparent(n.arguments[0]).type === AST_NODE_TYPES.Identifier) found = true;
        }
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** Whether a `try` block (or a call) does the authentication: verifies a token, loads the session or user. */
export function authenticates(context: Context, node: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(
    node,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        // A call authenticates by what it is (`jwt.verify`, `getSession`), not by a session id or
        // user passed to other work: a chain is read by its names, without its calls' arguments
        // (`pendingRefreshes.get(sessionId).then`, `select().from('cart').where('sid', '=', sessionID).load`).
        const text = getCalleePath(n) ?? [lastName(n.callee) ?? '', ...receiverSegments(n.callee)].join('.');
        if (AUTH_CALL.test(text)) found = true;
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** Words of a flag that says the route needs no user: `skipAuth`, `isPublic`, `allowAnonymous`, `noAuthRequired`. */
const SKIP_WORDS = /^(?:skip|bypass|no|without|disable|disabled)$/u;
const NEEDS_USER_WORDS = /^(?:auth|authn|authentication|login|check|checks|verification)$/u;

/**
 * Whether `statement` only runs on a branch for routes declared to need no user: inside
 * `if (skipAuth)` / `if (isPublicRoute)` / `if (req.allowAnonymous)` (or the `else` of
 * `if (!isPublic)`) below `region`. On such a route an invalid credential is the same as none,
 * so passing the request on without a user is the route's design, not a fail-open.
 */
export function onOptionalAuthBranch(statement: TSESTree.Node, region: TSESTree.Node): boolean {
  let child: TSESTree.Node = statement;
  for (let current = statement.parent; current && child !== region; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || current.test === child) continue;
    let test = skipTransparent(current.test);
    let negated = false;
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
      negated = true;
      test = skipTransparent(test.argument);
    }
    const taken = current.consequent === child ? !negated : negated;
    if (!taken) continue;
    const name = test.type === AST_NODE_TYPES.Identifier ? test.name : test.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(test) : null;
    if (name === null) continue;
    const w = tokenize(name);
    if (isOptionalAuthName(name) || (w.some((x) => SKIP_WORDS.test(x)) && w.some((x) => NEEDS_USER_WORDS.test(x)))) return true;
  }
  return false;
}

/** Whether control can leave `statement` at its end (not every path returns or throws). */
export function completesNormally(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement: {
      const lastStatement = statement.body[statement.body.length - 1];
      return !statement.body.some((s) => !completesNormally(s)) && (lastStatement ? completesNormally(lastStatement) : true);
    }
    case AST_NODE_TYPES.IfStatement:
      return !statement.alternate || completesNormally(statement.consequent) || completesNormally(statement.alternate);
    default:
      return true;
  }
}

/** The branch of `if (err)` / `if (err || !user)` / `if (!err) … else …` taken on an error. */
export function errorBranch(statement: TSESTree.IfStatement, err: TSESTree.Identifier): TSESTree.Statement | null {
  const test = skipTransparent(statement.test);
  const isErr = (t: TSESTree.Node): boolean => {
    const n = skipTransparent(t);
    if (n.type === AST_NODE_TYPES.Identifier) return n.name === err.name;
    if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '||') return isErr(n.left) || isErr(n.right);
    if (n.type === AST_NODE_TYPES.BinaryExpression && (n.operator === '!=' || n.operator === '!==')) {
      const l = skipTransparent(n.left as TSESTree.Node);
      const r = skipTransparent(n.right);
      return (l.type === AST_NODE_TYPES.Identifier && l.name === err.name && isNothing(r)) || (r.type === AST_NODE_TYPES.Identifier && r.name === err.name && isNothing(l));
    }
    return false;
  };
  if (isErr(test)) return statement.consequent;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && skipTransparent(test.argument).type === AST_NODE_TYPES.Identifier && (skipTransparent(test.argument) as TSESTree.Identifier).name === err.name) {
    return statement.alternate ?? null;
  }
  return null;
}

/** camelCase, PascalCase, snake_case, kebab-case and dotted names as lowercase words; `apiKey` also as `apikey`. */
function tokenize(name: string): string[] {
  const split = words(name);
  const joined: string[] = [];
  for (let i = 0; i + 1 < split.length; i++) joined.push(split[i]! + split[i + 1]!);
  return [...split, ...joined];
}

/** Whether a name's words say authentication: `auth`, `jwt`, `guard`, `verifyToken`, `requireUser`. */
function isAuthName(words: readonly string[]): boolean {
  return words.some((w) => AUTH_WORDS.test(w) || AUTH_PAIRS.test(w));
}

/** Error-parameter names of an error-first callback (`(err, decoded) => …`). */
const ERROR_PARAM = /^(?:err|error|e|ex|verifyErr|jwtErr)$/u;

/**
 * Where a callback can see a credential check fail: `promise.catch(fn)` / `promise.then(ok, fn)`
 * (`rejection`: the promise, which the caller asks whether it authenticates), or the error-first
 * last callback of a call named like an auth check (`jwt.verify(token, key, (err, decoded) => …)`:
 * the call's path and its error parameter). Null for any other function.
 */
export function authErrorCallback(
  fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
): { kind: 'rejection'; promise: TSESTree.Expression } | { kind: 'error-first'; path: string; error: TSESTree.Identifier } | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn)) return null;
  const attached = getRejectionHandler(call);
  if (attached?.handler === fn) return { kind: 'rejection', promise: attached.promise };
  if (call.arguments[call.arguments.length - 1] !== fn) return null;
  const first = fn.params[0];
  if (first?.type !== AST_NODE_TYPES.Identifier || !ERROR_PARAM.test(first.name)) return null;
  const path = getCalleePath(call) ?? '';
  return isAuthCallText(path) ? { kind: 'error-first', path, error: first } : null;
}
