/**
 * Which access-control rejections a node makes — the question log-auth-failures asks of every call,
 * assignment, `new`, `throw` and `return` — answered without paths or logs: a 401/403 (429 when asked)
 * response, thrown or forwarded error, status chosen by a ternary or held in a variable, Koa
 * `ctx.assert`, passport's `done(null, false)`, a refused WebSocket connection, a same-file helper
 * that always rejects, and a failed credential check answered without a status. The rule tracks the
 * paths to these sites and decides.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getEnclosingFunction, getMemberPath, getPropertyName, getVariableInit, lastSegment, skipTransparent, walkSameFunction } from './ast.js';
import { classifyRejectionGuard } from './access-control.js';
import { refusesOnlyAnonymous } from './anonymous-callers.js';
import { refusesOnlyExpired } from './credential-expiry.js';
import { guardDenial, guardFlagReturn, handlerCallsOf, helperCallOutcome, inServerContext, isPlainResponse, thrownValues } from './auth-responses.js';
import { type CredentialFailure, credentialFailureAt, enclosingTokenVerification, readsCallerCredential } from './credential-checks.js';
import { type HandlerInfo, findEnclosingHandler } from './handlers.js';
import { type HttpOutcome, getAssertion, getHttpOutcome } from './http-outcomes.js';
import { type StatusChoice, getStatusChoices, getStatusWriteChoices } from './status-choices.js';
import { isCredentialsAuthorize, isDoneFalse, isPassportFailure, isStrategyFail } from './logins.js';
import { logsSomewhereAtLeast } from './loggers.js';
import { isVariableInit } from './placement.js';
import { messageSaysNotAccessControl } from './rejection-messages.js';
import { answersBotChallenge } from './bot-challenges.js';
import { isInCompiledNestClass } from './nest.js';
import { getSocketRefusal, mayBeEnclosingParameter } from './socket-refusals.js';
import { validatorCallbackRefusal, validatorReturnRefusal } from './auth-validators.js';

/** Why a request was refused: a failed credential check says more than the status it is answered with. */
export type RejectionReason = 'unauthorized' | 'forbidden' | 'rate_limited' | 'guard_denied' | 'expired_credential' | CredentialFailure;

/** One rejection a node makes. */
export interface RejectionSite {
  /** Where the report points. */
  node: TSESTree.Node;
  what: string;
  status: number | null;
  reason: RejectionReason;
  /** Thrown or handed on: an error filter or error middleware may log it. */
  propagates: boolean;
  errorName: string | null;
  /** The handler, when the site already knows it (undefined: look it up; null: none). */
  handler?: HandlerInfo | null;
  /** No fix: a log before the statement would also run on another path. */
  fixable?: false;
  /** A log later in the same segment covers it (an answer written as a statement). */
  acceptLater?: boolean;
  /** Assignments that clear the rejection on their paths (`status = 200` after `let status = 401`): see statusClearingWrite. */
  clearedBy?: TSESTree.Node[];
}

export interface RejectionSiteOptions {
  /** The statuses that are rejections: 401, 403, and 429 with includeRateLimit. */
  statuses: ReadonlySet<number>;
  /** Count 401/403 chosen by feature flags, plans and business rules too. */
  includeNonAccessControl: boolean;
  /** Count 401/403 answered to a caller who presented no identity or credential (anonymous-callers.ts). */
  includeAnonymous: boolean;
  /** Count rejections chosen only because the caller's credential expired (credential-expiry.ts). */
  includeExpired: boolean;
}

/** A credential failure answered without a status, for the report: `a failed password check`. */
export type DescribeCredentialFailure = (reason: CredentialFailure) => string;

export function reasonForStatus(status: number): RejectionReason {
  return status === 401 ? 'unauthorized' : status === 429 ? 'rate_limited' : 'forbidden';
}

/**
 * A 401/403 is access control when what chooses it tests who is asking; one chosen by a
 * feature flag, the plan, a resource's state or input validation is a product answer, and so is
 * one whose own text says so (rejection-messages.ts). Unrecognizable conditions (`if (!ok)`) and unconditional rejections count as access control.
 */
function isAccessControl(context: Context, options: RejectionSiteOptions, node: TSESTree.Node, status: number): boolean {
  if (status !== 401 && status !== 403) return true;
  const region = getEnclosingFunction(node);
  // `if (!req.user) return res.sendStatus(401)`: nobody to identify, no failed attempt.
  if (!options.includeAnonymous && region && refusesOnlyAnonymous(context, node, region)) return false;
  if (expiredOnly(options, node)) return false;
  if (options.includeNonAccessControl) return true;
  if (region && answersPreflight(node, region)) return false;
  // `res.status(401).send('Connection not found')`: the answer's own text says it refuses no caller.
  if (messageSaysNotAccessControl(node)) return false;
  // `useRecaptchaOrTurnstileCheck() { if (!token) return this.ctx.throw(403) }`: a CAPTCHA asks whether a human is there, not who.
  if (answersBotChallenge(node)) return false;
  return !region || classifyRejectionGuard(context, node, region, { inputIdentifiesCaller: status === 401 }) !== 'other';
}

/**
 * `if (req.method === 'OPTIONS') { res.status(allowed ? 204 : 403).end(); return; }`: the answer to a CORS preflight.
 * The browser asks, before the real request, whether its origin may send it; a refusal there stops the browser,
 * not a caller (the preflight carries no credentials, and the real request still meets the app's own checks).
 * General rule: a 401/403 on the path of a test that the request's method is OPTIONS refuses no one.
 */
function answersPreflight(node: TSESTree.Node, region: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== region; child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child === parent.consequent && testsOptionsMethod(parent.test)) return true;
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && child !== parent.test && isOptionsLiteral(parent.test) && /(?:^|\.)method$/u.test(getMemberPathOf((parent.parent as TSESTree.SwitchStatement).discriminant))) return true;
  }
  return false;
}

/** `req.method === 'OPTIONS'`, also as one side of an `&&`. */
function testsOptionsMethod(test: TSESTree.Node): boolean {
  const n = skipTransparent(test);
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '&&') return testsOptionsMethod(n.left) || testsOptionsMethod(n.right);
  if (n.type !== AST_NODE_TYPES.BinaryExpression || (n.operator !== '===' && n.operator !== '==')) return false;
  const [left, right] = [skipTransparent(n.left as TSESTree.Node), skipTransparent(n.right)];
  return (isOptionsLiteral(right) && /(?:^|\.)method$/u.test(getMemberPathOf(left))) || (isOptionsLiteral(left) && /(?:^|\.)method$/u.test(getMemberPathOf(right)));
}

function isOptionsLiteral(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && n.value.toUpperCase() === 'OPTIONS';
}

function getMemberPathOf(node: TSESTree.Node): string {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.MemberExpression ? (getMemberPath(n) ?? '') : '';
}

/** `if (err instanceof TokenExpiredError) …`: refused only because a genuine credential expired (credential-expiry.ts), unless asked. */
function expiredOnly(options: RejectionSiteOptions, node: TSESTree.Node): boolean {
  if (options.includeExpired) return false;
  const region = getEnclosingFunction(node);
  return !!region && refusesOnlyExpired(node, region);
}

/**
 * With `includeExpired`, a site chosen only because the caller's credential expired (credential-expiry.ts) says so:
 * its reason is `expired_credential` and its description names the expiry, not a forged or unknown token
 * (`if (err instanceof TokenExpiredError) return res.status(401)…` is no "invalid token"). Without the option
 * such sites are never made.
 */
export function markExpiredSites(options: RejectionSiteOptions, sites: readonly RejectionSite[]): readonly RejectionSite[] {
  if (!options.includeExpired || sites.length === 0) return sites;
  return sites.map((site) => {
    const region = getEnclosingFunction(site.node);
    if (!region || !refusesOnlyExpired(site.node, region)) return site;
    const what = site.status === null ? 'the refusal of an expired credential' : `${site.what} for an expired credential`;
    return { ...site, what, reason: 'expired_credential' as const };
  });
}

/** `responseCallback({ statusCode: 401, message })`: a callback the server hands in to answer the request with (deepstream's HTTP endpoint). */
function answersThroughCallback(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && /^(?:response|respond|reply|answer)\w*(?:Callback|Cb)$/iu.test(node.callee.name);
}

/** In a same-file helper that a handler calls by name (`assertAdmin(req.user)`): the rejection reaches that handler. */
function inHandlerHelper(context: Context, node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  return !!fn && handlerCallsOf(context, fn).length > 0;
}

/**
 * A failed token check answered 400 (`Invalid invite URL`, `Invalid or expired consent token`)
 * about a token the request carries as data (an invite or reset link, a signed form field):
 * a broken link, not a refused caller. Reported only with `includeNonAccessControl`; a token
 * read from the Authorization header or a cookie stays reported whatever the status.
 */
function answersLinkToken(context: Context, options: RejectionSiteOptions, node: TSESTree.Node, credential: CredentialFailure | null, status: number): boolean {
  if (credential !== 'invalid_token' || options.statuses.has(status) || options.includeNonAccessControl) return false;
  const call = enclosingTokenVerification(context, node);
  const token = call?.arguments[0];
  return token !== undefined && token.type !== AST_NODE_TYPES.SpreadElement && !readsCallerCredential(context, token);
}

/**
 * The sites an HTTP outcome at `node` makes: null when it is no rejection (ask the node's other
 * questions), [] when it is decided without one (a broken link), else the rejection.
 */
function outcomeSites(context: Context, options: RejectionSiteOptions, node: TSESTree.Node, outcome: HttpOutcome | null): RejectionSite[] | null {
  if (!outcome) return null;
  const credential = credentialFailureAt(context, node);
  const relevant = options.statuses.has(outcome.status) || (credential !== null && outcome.status >= 400 && outcome.status < 500);
  if (!relevant) return null;
  if (credential === null && !isAccessControl(context, options, node, outcome.status)) return null;
  if (answersLinkToken(context, options, node, credential, outcome.status) || (credential !== null && expiredOnly(options, node))) return [];
  const reason = credential ?? reasonForStatus(outcome.status);
  if (outcome.kind === 'response') {
    const handler = findEnclosingHandler(context, node);
    // `const response = NextResponse.json(…, { status: 401 })` is a value; its `return` answers.
    if ((!handler && !inHandlerHelper(context, node)) || isVariableInit(node)) return null;
    return [{ node, what: `a ${outcome.status} response`, status: outcome.status, reason, propagates: false, errorName: null, handler, acceptLater: true }];
  }
  if (outcome.kind === 'throw' || outcome.kind === 'forward') {
    if (!outcome.frameworkError && !inServerContext(context, node) && credential === null && !inHandlerHelper(context, node) && !answersThroughCallback(node)) return null;
    if (!outcome.frameworkError && credential === null && compiledNestAppError(context, node)) return null;
    const name = outcome.errorName && outcome.errorName !== 'ctx.throw' ? outcome.errorName : null;
    const what =
      outcome.kind === 'forward'
        ? node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'resolve'
          ? `a ${outcome.status} answer resolved`
          : `a ${outcome.status} error handed on`
        : outcome.errorName === 'ctx.throw'
          ? `ctx.throw(${outcome.status})`
          : name
            ? `${name} (${outcome.status})`
            : `a thrown ${outcome.status} error`;
    return [{ node, what, status: outcome.status, reason, propagates: true, errorName: outcome.errorName }];
  }
  return null;
}

/**
 * `res.status(userId ? 404 : 403)`: the 401/403 branch is the rejection, chosen by the ternary's
 * test as much as by the conditions around it; the log belongs on the path to that branch.
 */
function statusChoiceSites(context: Context, options: RejectionSiteOptions, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): RejectionSite[] | null {
  const choices = getStatusChoices(context, node);
  if (!choices) return null;
  const handler = findEnclosingHandler(context, node);
  if (!handler) return [];
  const { statuses } = options;
  if (choices[0]!.held) {
    // `const status = expired ? 401 : 403; res.status(status)`: every path to the response rejects, or
    // (a declaration's ternary with another status) the response is the site, like a ternary in it.
    // Statuses set by assignments beside others (`let code = 200; if (!user) code = 401`) are the assignments' (statusWriteSites).
    const surviving = survivingRejection(context, options, choices);
    if (surviving) return [{ node, what: `a ${surviving.status} response`, status: surviving.status, reason: reasonForStatus(surviving.status), propagates: false, errorName: null, handler, acceptLater: true, fixable: false, clearedBy: surviving.clearedBy }];
    const rejecting = choices.find((c) => statuses.has(c.status) && isAccessControl(context, options, c.node, c.status));
    const every = choices.every((c) => statuses.has(c.status));
    if (!rejecting || !(every || choices[0]!.held === 'once')) return [];
    const what = `a ${rejecting.status} response`;
    return [{ node, what, status: rejecting.status, reason: reasonForStatus(rejecting.status), propagates: false, errorName: null, handler, acceptLater: true, ...(every ? {} : { fixable: false as const }) }];
  }
  return choices
    .filter((choice) => statuses.has(choice.status) && isAccessControl(context, options, choice.node, choice.status))
    .map((choice) => ({ node: choice.node, what: `a ${choice.status} response`, status: choice.status, reason: reasonForStatus(choice.status), propagates: false, errorName: null, handler }));
}

/**
 * `let status = 401; if (tokens.has(key)) status = 200; res.status(status)`: the declaration holds the rejection and
 * assignments of other statuses clear it on their paths; it survives where none ran. The response is the site and the
 * clearing assignments (statusClearingWrite) satisfy it on their paths. Access control is read from what the
 * clearing assignments need, the other way round (`if (req.user?.isAdmin) code = 200`: refused when not an admin).
 */
function survivingRejection(context: Context, options: RejectionSiteOptions, choices: readonly StatusChoice[]): { status: number; clearedBy: TSESTree.Node[] } | null {
  const initial = choices.filter((c) => c.write?.type === AST_NODE_TYPES.VariableDeclarator);
  const clearing = choices.filter((c) => c.write?.type === AST_NODE_TYPES.AssignmentExpression);
  const rejecting = initial[0];
  // Assignments that reject too (`else if (inactive) status = 403`) are sites of their own (statusWriteSites) and clear the declared one.
  if (!rejecting || !initial.every((c) => options.statuses.has(c.status)) || clearing.every((c) => options.statuses.has(c.status))) return null;
  const region = getEnclosingFunction(rejecting.node);
  const guarded = rejecting.status === 401 || rejecting.status === 403;
  if (guarded && !options.includeNonAccessControl && region && clearing.every((c) => classifyRejectionGuard(context, c.write!, region, { inputIdentifiesCaller: rejecting.status === 401, negated: true }) === 'other')) return null;
  return { status: rejecting.status, clearedBy: clearing.map((c) => c.write!) };
}

/** `status = 200` that clears a rejection a status variable was declared with (survivingRejection): a path through it answers no rejection. */
export function statusClearingWrite(context: Context, options: RejectionSiteOptions, node: TSESTree.AssignmentExpression): boolean {
  const held = getStatusWriteChoices(context, node);
  return !!held && held.own.length > 0 && survivingRejection(context, options, held.all) !== null;
}

/**
 * `let code = 200; if (!user) code = 401; … res.status(code)`: the assignment chooses the rejection
 * on its own path; a log beside it (before or after, in the same branch) covers it.
 */
function statusWriteSites(context: Context, options: RejectionSiteOptions, node: TSESTree.AssignmentExpression): RejectionSite[] | null {
  if (node.left.type !== AST_NODE_TYPES.Identifier) return null;
  const held = getStatusWriteChoices(context, node);
  if (!held || held.own.length === 0) return null;
  // Every value rejects: the response is the site (statusChoiceSites).
  if (held.all.every((c) => options.statuses.has(c.status))) return [];
  const handler = findEnclosingHandler(context, node);
  const rejecting = held.own.find((c) => options.statuses.has(c.status) && isAccessControl(context, options, c.node, c.status));
  if (!handler || !rejecting) return [];
  return [{ node, what: `a ${rejecting.status} response`, status: rejecting.status, reason: reasonForStatus(rejecting.status), propagates: false, errorName: null, handler, acceptLater: true }];
}

/**
 * Koa `ctx.assert(ctx.state.user, 401)`: a throw when the value is falsy, judged by the same
 * access-control test with the value as its innermost condition. No fix: a log before the call
 * would run when the assertion holds too.
 */
function assertionSites(context: Context, options: RejectionSiteOptions, node: TSESTree.CallExpression): RejectionSite[] | null {
  const assertion = getAssertion(context, node);
  if (!assertion) return null;
  const handler = findEnclosingHandler(context, node);
  if (!handler || handler.framework !== 'koa' || !options.statuses.has(assertion.status)) return [];
  const region = getEnclosingFunction(node);
  const guard = { inputIdentifiesCaller: assertion.status === 401, assertion: assertion.value };
  const guarded = assertion.status === 401 || assertion.status === 403;
  if (guarded && !options.includeAnonymous && region && refusesOnlyAnonymous(context, node, region, assertion.value)) return [];
  if (guarded && !options.includeNonAccessControl && region && classifyRejectionGuard(context, node, region, guard) === 'other') return [];
  const what = `ctx.assert(…, ${assertion.status})`;
  return [{ node, what, status: assertion.status, reason: reasonForStatus(assertion.status), propagates: true, errorName: 'ctx.throw', handler, fixable: false }];
}

/** The rejections a call makes (a call that is a log is not asked). */
export function callRejectionSites(context: Context, options: RejectionSiteOptions, node: TSESTree.CallExpression, describe: DescribeCredentialFailure): RejectionSite[] {
  const found = outcomeSites(context, options, node, getHttpOutcome(context, node)) ?? statusChoiceSites(context, options, node) ?? assertionSites(context, options, node);
  if (found) return found;
  if (isPassportFailure(context, node) || (isDoneFalse(node) && credentialFailureAt(context, node))) {
    // `if (!apikey) return done(null, false)`: the strategy was handed no credential.
    const region = getEnclosingFunction(node);
    if (!options.includeAnonymous && region && refusesOnlyAnonymous(context, node, region)) return [];
    return [{ node, what: 'a failed login (done(null, false))', status: 401, reason: 'invalid_credentials', propagates: false, errorName: null }];
  }
  if (validatorCallbackRefusal(context, node)) {
    // @fastify/basic-auth's validator: `done(new Error('Wrong passphrase'))` refuses the credential (401).
    const region = getEnclosingFunction(node);
    if (!options.includeAnonymous && region && refusesOnlyAnonymous(context, node, region)) return [];
    return [{ node, what: 'the basic-auth validator refusing the credential (done(err), 401)', status: 401, reason: 'invalid_credentials', propagates: false, errorName: null, handler: null }];
  }
  if (isStrategyFail(context, node)) {
    // `if (!apiKey) return this.fail(…)`: the request carried no credential.
    const region = getEnclosingFunction(node);
    if (!options.includeAnonymous && region && refusesOnlyAnonymous(context, node, region)) return [];
    return [{ node, what: 'the passport strategy failing the request (this.fail)', status: 401, reason: 'unauthorized', propagates: false, errorName: null }];
  }
  // A refused WebSocket / socket.io connection: ws.close(4003, …), an upgrade answered 401, io.use's next(err).
  const refusal = getSocketRefusal(context, node);
  if (refusal) {
    const credential = credentialFailureAt(context, node);
    const refused = credential || (!refusal.needsCredentialFailure && isAccessControl(context, options, node, refusal.status));
    return refused ? [{ node, what: refusal.what, status: refusal.status, reason: credential ?? reasonForStatus(refusal.status), propagates: false, errorName: null, handler: null }] : [];
  }
  // deny(res), unauthorized(): a same-file helper that always rejects.
  const outcome = helperCallOutcome(context, node);
  if (outcome && options.statuses.has(outcome.status) && isAccessControl(context, options, node, outcome.status)) {
    const inHandler = findEnclosingHandler(context, node);
    if (outcome.kind === 'response' ? inHandler || inHandlerHelper(context, node) : outcome.frameworkError || inServerContext(context, node) || inHandlerHelper(context, node)) {
      const what = `${getCalleePath(node) ?? 'helper'}() (${outcome.status})`;
      return [{ node, what, status: outcome.status, reason: reasonForStatus(outcome.status), propagates: outcome.kind !== 'response', errorName: outcome.errorName, acceptLater: outcome.kind === 'response' }];
    }
  }
  // `if (!user) reject(new AuthError(…))` in a promise's executor: the failed check thrown to the awaiting caller.
  const rejected = executorRejection(context, node, describe);
  if (rejected) return rejected;
  // A failed credential check answered without a status: res.json({ ok: false }), res.redirect('/login').
  const credential = isPlainResponse(context, node) ? credentialFailureAt(context, node) : null;
  // A password comparison's verdict is its result, never its error: a 5xx answered on its failing path
  // (`else if (err) return res.status(500).json({ error: 'bcrypt error' })`) reports the comparison failing to run,
  // not a refused password. (A token verification's error is its verdict: `if (err) return res.status(500)…` after
  // `jwt.verify` stays a failed token check.)
  if (credential === 'invalid_credentials' && answersServerError(context, node)) return [];
  return credential ? [{ node, what: describe(credential), status: null, reason: credential, propagates: false, errorName: null, acceptLater: true }] : [];
}

/** `res.status(500).json(…)`: the response's own status is a server error. */
function answersServerError(context: Context, node: TSESTree.CallExpression): boolean {
  const outcome = getHttpOutcome(context, node);
  return outcome?.kind === 'response' && outcome.status >= 500;
}

/** `new Promise(…)`, `new Bluebird(…)`, TypeScript's `new bluebird_1.default(…)`. */
const PROMISE_CONSTRUCTOR = /(?:^|\.)(?:Promise|Bluebird)$|^bluebird\w*\.default$/u;

/**
 * `reject(kerror.get('missing_user'))`, `reject(new AuthError())` on the failure branch of a credential
 * check (`if (!user)` of passport's custom callback, `if (!match)`) inside a `new Promise((resolve, reject) => …)`
 * executor: like a `throw` there, the awaiting caller gets the failed check. A 5xx or timeout is the
 * server's failure; a status the error names is judged by the status sites before this.
 */
function executorRejection(context: Context, node: TSESTree.CallExpression, describe: DescribeCredentialFailure): RejectionSite[] | null {
  const callee = skipTransparent(node.callee);
  // `reject` is the executor's second parameter: no scope look-up for a callee no function around the call names so.
  if (callee.type !== AST_NODE_TYPES.Identifier || node.arguments.length === 0 || !mayBeEnclosingParameter(node, callee.name, 1)) return null;
  const def = findVariable(context, callee)?.defs[0];
  if (def?.type !== 'Parameter') return null;
  const executor = def.node as TSESTree.Node;
  if ((executor.type !== AST_NODE_TYPES.ArrowFunctionExpression && executor.type !== AST_NODE_TYPES.FunctionExpression) || executor.params[1] !== def.name) return null;
  const created = executor.parent;
  if (created?.type !== AST_NODE_TYPES.NewExpression || created.arguments[0] !== executor || !PROMISE_CONSTRUCTOR.test(getCalleePath(created) ?? '')) return null;
  const credential = credentialFailureAt(context, node);
  if (!credential) return null;
  const arg = skipTransparent(node.arguments[0] as TSESTree.Node);
  if (arg.type !== AST_NODE_TYPES.NewExpression && arg.type !== AST_NODE_TYPES.CallExpression) return null;
  const outcome = getHttpOutcome(context, arg);
  if (outcome && (outcome.status >= 500 || outcome.status === 408)) return [];
  const name = arg.type === AST_NODE_TYPES.NewExpression ? getCalleePath(arg) : null;
  return [{ node, what: describe(credential), status: outcome?.status ?? null, reason: credential, propagates: true, errorName: outcome?.errorName ?? (name ? lastSegment(name) : null) }];
}

/** `new Response(…, { status: 401 })`. */
export function newRejectionSites(context: Context, options: RejectionSiteOptions, node: TSESTree.NewExpression): RejectionSite[] {
  const outcome = getHttpOutcome(context, node);
  return (outcome?.kind === 'response' ? outcomeSites(context, options, node, outcome) : null) ?? [];
}

/** `res.statusCode = 401`, `ctx.status = 403`, a status variable written, Koa's `ctx.body` on a failed credential check. */
export function assignmentRejectionSites(context: Context, options: RejectionSiteOptions, node: TSESTree.AssignmentExpression, describe: DescribeCredentialFailure): RejectionSite[] {
  const found = outcomeSites(context, options, node, getHttpOutcome(context, node)) ?? statusChoiceSites(context, options, node) ?? statusWriteSites(context, options, node);
  if (found) return found;
  // Koa: ctx.body = { error } on a failed credential check
  const credential = node.left.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node.left) === 'body' ? credentialFailureAt(context, node) : null;
  if (credential && findEnclosingHandler(context, node)?.framework === 'koa') {
    return [{ node, what: describe(credential), status: null, reason: credential, propagates: false, errorName: null, acceptLater: true }];
  }
  return [];
}

/** `throw new UnauthorizedError()`, `throw createError(403)`, a throw on a failed credential check. */
export function throwRejectionSites(context: Context, options: RejectionSiteOptions, node: TSESTree.ThrowStatement, describe: DescribeCredentialFailure): RejectionSite[] {
  for (const leaf of thrownValues(node.argument)) {
    const outcome = getHttpOutcome(context, leaf);
    if (outcome && options.statuses.has(outcome.status) && (outcome.kind === 'error' || outcome.kind === 'response')) {
      const found = outcomeSites(context, options, node, { ...outcome, kind: 'throw' });
      if (found) return found;
    }
  }
  // if (!(await bcrypt.compare(...))) throw new Error('Invalid credentials')
  const credential = credentialFailureAt(context, node);
  const arg = skipTransparent(node.argument);
  if (!credential || (arg.type !== AST_NODE_TYPES.NewExpression && arg.type !== AST_NODE_TYPES.CallExpression && arg.type !== AST_NODE_TYPES.ObjectExpression)) return [];
  const outcome = getHttpOutcome(context, arg);
  // A catch around a token check also catches network failures: a 5xx or a timeout
  // thrown from it reports the server's failure, not a rejected caller.
  if (outcome && (outcome.status >= 500 || outcome.status === 408)) return [];
  if ((outcome && answersLinkToken(context, options, node, credential, outcome.status)) || expiredOnly(options, node)) return [];
  const name = arg.type === AST_NODE_TYPES.NewExpression ? getCalleePath(arg) : null;
  return [{ node, what: describe(credential), status: outcome?.status ?? null, reason: credential, propagates: true, errorName: outcome?.errorName ?? (name ? lastSegment(name) : null) }];
}

/** `return response` of a 401 built earlier; a Nest guard returning false. */
export function returnRejectionSites(context: Context, options: RejectionSiteOptions, node: TSESTree.ReturnStatement): RejectionSite[] {
  const arg = node.argument ? skipTransparent(node.argument) : null;
  if (arg?.type === AST_NODE_TYPES.Identifier) {
    // const response = NextResponse.json(…, { status: 401 }); …; return response;
    const init = getVariableInit(findVariable(context, arg));
    const outcome = init ? getHttpOutcome(context, skipTransparent(init)) : null;
    return (outcome?.kind === 'response' ? outcomeSites(context, options, node, outcome) : null) ?? [];
  }
  // An auth plugin's validator refusing the credential: hapi's `return { isValid: false }`, Fastify basic-auth's `return new Error()`.
  const validator = validatorReturnRefusal(context, node);
  if (validator) {
    const region = getEnclosingFunction(node);
    if (!options.includeAnonymous && region && refusesOnlyAnonymous(context, node, region)) return [];
    const what = validator === 'hapi' ? 'the hapi auth validator refusing the credential ({ isValid: false }, 401)' : 'the basic-auth validator refusing the credential (401)';
    return [{ node, what, status: 401, reason: 'invalid_credentials', propagates: false, errorName: null, handler: null }];
  }
  const refused = credentialsAuthorizeRefusal(context, options, node, arg);
  if (refused) return refused;
  const returned = errorResultSites(context, options, node, arg);
  if (returned) return returned;
  const refusal = errorObjectResultSites(context, options, node, arg);
  if (refusal) return refusal;
  const info = guardDenial(context, node);
  if (info) return [{ node, what: 'the guard returning false (403)', status: 403, reason: 'guard_denied', propagates: true, errorName: 'ForbiddenException', handler: info }];
  // `return request.user.admin`: refused when the caller's flag is falsy; no fix (a log before it runs when it is set too).
  const flag = guardFlagReturn(context, node);
  const region = flag ? getEnclosingFunction(node) : null;
  if (!flag || !region || (!options.includeNonAccessControl && classifyRejectionGuard(context, node, region, { assertion: flag.value }) !== 'who')) return [];
  // `if (!request.user.admin) this.logger.warn(…)` before it: a log on some path is read as the falsy one's.
  if (logsSomewhereAtLeast(context, region, 'warn')) return [];
  return [{ node, what: 'the guard returning a falsy caller flag (403)', status: 403, reason: 'guard_denied', propagates: true, errorName: 'ForbiddenException', handler: flag.info, fixable: false }];
}

/**
 * An app's own error thrown in a route or resolver of a Nest app compiled to JavaScript: it passes the app's
 * global exception filter, which a published Nest app registers and which may log it (Vendure's logs its
 * `ForbiddenError` at warn) — another file this rule cannot read, so no verdict. Nest's own `ForbiddenException`
 * (a framework error) and a failed credential check still count.
 */
function compiledNestAppError(context: Context, node: TSESTree.Node): boolean {
  const handler = findEnclosingHandler(context, node);
  return (handler?.kind === 'route' || handler?.kind === 'resolver') && handler.framework === 'nest' && isInCompiledNestClass(context, node);
}

/**
 * `if (!passwordMatches) return new InvalidCredentialsError()` in a function that returns its success on
 * another path (`return true`, `return this.createSession(…)`): the error is the answer, a result the
 * caller hands back (a GraphQL error union, a result type), judged like the same error thrown there.
 * Not thrown, so no error filter sees it. A function whose every return is an error maps errors
 * (`handleError(e)`): its caller's throw is the rejection.
 */
function errorResultSites(context: Context, options: RejectionSiteOptions, node: TSESTree.ReturnStatement, arg: TSESTree.Node | null): RejectionSite[] | null {
  if (arg?.type !== AST_NODE_TYPES.NewExpression && arg?.type !== AST_NODE_TYPES.CallExpression) return null;
  const outcome = getHttpOutcome(context, arg) ?? credentialsErrorResult(arg);
  if (outcome?.kind !== 'error' || !options.statuses.has(outcome.status) || !returnsSuccessBeside(context, node)) return null;
  // A returned result passes no exception filter: a Nest class compiled to JavaScript (`__decorate`) answers the client too.
  const reachesClient = outcome.frameworkError || isInCompiledNestClass(context, node);
  const found = outcomeSites(context, options, node, { ...outcome, kind: 'throw', frameworkError: reachesClient });
  if (!found) return null;
  const name = outcome.errorName ?? `a ${outcome.status} error`;
  return found.map((site) => ({ ...site, what: `${name} returned (${outcome.status})`, propagates: false }));
}

/** `{ error: 'Invalid credentials' }`: an object literal that reports a failure in its `error` field (a text or an error, not nothing). */
function errorObject(arg: TSESTree.Node | null): boolean {
  if (arg?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return arg.properties.some((p) => {
    if (p.type !== AST_NODE_TYPES.Property || p.computed || getPropertyName(p) !== 'error') return false;
    const value = skipTransparent(p.value as TSESTree.Node);
    return !(value.type === AST_NODE_TYPES.Literal && (value.value === null || value.value === false)) && !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
  });
}

/**
 * `if (!(await ad.authenticate(login, password))) return { error: 'Login failed' }` in a function that returns its success
 * as data on another path (`return { accessToken }`): a refused login returned as the result, the way a result type
 * carries it; the caller hands the failure on as it got it. General rule: a failed credential check answered with an
 * object that reports an error, beside a return of a success object, is the refusal. Only on the failing branch of a
 * credential check (credential-checks.ts); an `{ error }` for anything else (a missing field, a lookup miss) is not.
 */
function errorObjectResultSites(context: Context, options: RejectionSiteOptions, node: TSESTree.ReturnStatement, arg: TSESTree.Node | null): RejectionSite[] | null {
  if (!errorObject(arg) || !returnsSuccessBeside(context, node)) return null;
  const credential = credentialFailureAt(context, node);
  if (!credential || expiredOnly(options, node)) return null;
  return [{ node, what: 'a failed credential check returned as { error }', status: null, reason: credential, propagates: false, errorName: null }];
}

/**
 * `if (!(await bcrypt.compare(credentials.password, user.passwordHash))) return null` in a NextAuth.js / Auth.js credentials
 * provider's `authorize` (also the unknown account before it: `if (!user) return null`): the refused sign-in, a 401
 * `CredentialsSignin`. A return of nothing on a branch that checked no credential (`if (!credentials?.password) return
 * null`: an empty form) is not one.
 */
function credentialsAuthorizeRefusal(context: Context, options: RejectionSiteOptions, node: TSESTree.ReturnStatement, arg: TSESTree.Node | null): RejectionSite[] | null {
  if (arg !== null && !(arg.type === AST_NODE_TYPES.Literal && (arg.value === null || arg.value === false)) && !(arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) return null;
  const fn = getEnclosingFunction(node);
  if (!fn || !isCredentialsAuthorize(fn)) return null;
  const credential = credentialFailureAt(context, node);
  if (!credential || expiredOnly(options, node)) return null;
  return [{ node, what: "the credentials provider's authorize() refusing the sign-in (401)", status: 401, reason: credential, propagates: false, errorName: null }];
}

/** `new InvalidCredentialsError(…)` returned as a result (Vendure's GraphQL error union): the failed login, a 401. */
function credentialsErrorResult(arg: TSESTree.NewExpression | TSESTree.CallExpression): HttpOutcome | null {
  if (arg.type !== AST_NODE_TYPES.NewExpression) return null;
  const path = getCalleePath(arg);
  const name = path === null ? null : lastSegment(path);
  return name !== null && /^InvalidCredentials(?:Error|Exception)?$/u.test(name) ? { status: 401, kind: 'error', errorName: name, frameworkError: false } : null;
}

/** Another `return` of the function gives a value that is no error and not its own parameter (`return e` of an error mapper). */
function returnsSuccessBeside(context: Context, node: TSESTree.ReturnStatement): boolean {
  const fn = getEnclosingFunction(node);
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const params = new Set(fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : null)));
  let found = false;
  walkSameFunction(
    fn.body,
    (n) => {
      if (found) return false;
      if (n.type !== AST_NODE_TYPES.ReturnStatement || n === node || !n.argument) return true;
      const value = skipTransparent(n.argument);
      if (value.type === AST_NODE_TYPES.Identifier && (params.has(value.name) || value.name === 'undefined')) return false;
      if (value.type === AST_NODE_TYPES.Literal && value.value === null) return false;
      if (value.type === AST_NODE_TYPES.NewExpression || errorObject(value) || getHttpOutcome(context, value)) return false;
      found = true;
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}
