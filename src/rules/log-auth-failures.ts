import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  contains,
  findEnclosingClass,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getStringValue,
  getVariableInit,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTransparent,
  walkSameFunction,
} from '../model/ast.js';
import { classifyRejectionGuard } from '../model/access-control.js';
import { LOGIN_CONTEXT, passwordCheckResult, securityLogLevel, visibleVariable as sharedVisibleVariable } from '../model/credential-checks.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { indentUnit, lineIndent } from '../fixes/edits.js';
import { importFix } from '../fixes/imports.js';
import { type LogField, type LogTarget, buildLogCall, requestLogFields } from '../fixes/log-call.js';
import { describeEnclosingFunction } from '../fixes/log-message.js';
import { chooseLogTarget, targetSetupFixes } from '../fixes/log-target.js';
import { isNameInScope } from '../fixes/names.js';
import { type HandlerInfo, findEnclosingHandler, getHandlerInfo, isCalledInSameFile, isErrorHandler } from '../model/handlers.js';
import { type HttpOutcome, getAssertion, getFunctionOutcome, getHttpOutcome, getStatusChoices } from '../model/http-outcomes.js';
import { getStatusValue, statusFromErrorName } from '../model/http-status.js';
import { isNestClass } from '../model/nest.js';
import { getFrameworkLogger, getRequestContextExpressions } from '../model/request-context.js';
import { type LogLevel, getLoggerCall, isAtLeast } from '../model/loggers.js';
import { getSettings } from '../core/settings.js';

export type Options = [
  {
    includeRateLimit?: boolean;
    includeNonAccessControl?: boolean;
    auditedElsewhere?: boolean | string[];
  },
];
export type MessageIds = 'unlogged' | 'tooQuiet' | 'logFailure' | 'logFailureWithIdentity' | 'raiseLevel';

type Reason = 'unauthorized' | 'forbidden' | 'rate_limited' | 'invalid_credentials' | 'invalid_token' | 'invalid_api_key' | 'guard_denied';

interface Rejection {
  /** Where the report points. */
  node: TSESTree.Node;
  /** The statement (or arrow body) a log line goes before. */
  anchor: TSESTree.Node;
  region: AnyFunction;
  what: string;
  status: number | null;
  reason: Reason;
  /** Thrown or handed on: an error filter or error middleware may log it. */
  propagates: boolean;
  errorName: string | null;
  handler: HandlerInfo | null;
  /** A log before the anchor would run only on this path (no `&&`, `?:` between). */
  fixable: boolean;
}

interface Audit {
  fn: AnyFunction;
  /** Its log calls at warn or above. */
  logs: TSESTree.CallExpression[];
  /** Null: every error; else the exception classes a Nest filter catches. */
  names: Set<string> | null;
}

const MESSAGES: Record<Reason, string> = {
  unauthorized: 'Authentication failed',
  forbidden: 'Access denied',
  rate_limited: 'Rate limit exceeded',
  invalid_credentials: 'Login failed: invalid credentials',
  invalid_token: 'Authentication failed: invalid token',
  invalid_api_key: 'Authentication failed: invalid API key',
  guard_denied: 'Access denied by guard',
};

const SENSITIVE_ACTION = /delete|remove|destroy|close|change|update|reset|transfer|withdraw|confirm|reauth|sudo|account|email|password|settings|payout/iu;

const PASSWORD_HELPER = /^(?:check|verify|compare|validate|match)\w*(?:password|passwd|pw|hash|credential)s?$|^(?:is|has)?\w*password\w*$/iu;

/** Variables that hold the presented secret: logged only through the configured fingerprint helper. */
const SECRET_NAMES = ['apiKey', 'apiToken', 'token', 'accessToken', 'bearerToken', 'providedKey', 'presentedKey', 'key'];

/** Names of variables that hold who tried: logged as the attempted identity (never the secret). */
const IDENTITY_NAMES = ['userId', 'username', 'userName', 'email', 'login', 'accountId', 'clientId', 'keyId', 'apiKeyId', 'user_id'];

const TOKEN_VERIFY = /^(?:jwtVerify|verifyToken|verifyJwt|verifyJWT|verifyIdToken|verifyAccessToken|verifyRefreshToken|verifySessionCookie|decodeAndVerify)$/u;
const API_KEY_TEXT = /api[-_]?key|x-api-key|apiToken|api_token/iu;
const RESPONSE_METHODS = new Set(['send', 'json', 'end', 'render', 'redirect', 'sendStatus', 'jsonp', 'text', 'html', 'body']);
const RESPONSE_NAME = /^_?(?:res|resp|response|reply|rep|ctx|context|c)$/u;
const RESPONSE_NAME_REQUEST = /^_?(?:req|request|ctx|context|c)$/u;
/** Where a request carries the caller's own credential, as opposed to a link or form token. */
const CREDENTIAL_CARRIER = /header|authori[sz]ation|cookie|bearer/iu;
const TEST_CALLS = /^(?:describe|it|test|suite|beforeEach|beforeAll|afterEach|afterAll|fit|xit)$|(?:^|\.)(?:mock\w*|fn|spyOn|stub)$/u;

export default createRule<Options, MessageIds>({
  name: 'log-auth-failures',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every rejected authentication or authorization attempt to be logged at warn or above on its own path',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
      strictOptions: { includeNonAccessControl: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unlogged:
        'Unlogged auth failure: this path ends in {{what}} without a log at warn or above. Log the rejection with its reason, method, path, IP and user agent before it, so that brute force and probing can be alerted on.',
      tooQuiet:
        'Auth failure logged below warn: this path ends in {{what}} but logs it only below warn. Security events need warn or above so that alerting sees them.',
      logFailure: 'Log the failure with {{call}} before it.',
      logFailureWithIdentity: 'Log the failure with {{call}} before it, with a truncated SHA-256 of the attempted identity (configure settings.fingerprint to use your own keyed helper).',
      raiseLevel: 'Log it at warn: change {{from}} to {{to}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          includeRateLimit: {
            type: 'boolean',
            description: 'Require 429 Too Many Requests responses to be logged too.',
          },
          includeNonAccessControl: {
            type: 'boolean',
            description:
              'Require 401/403 answers to be logged even when the condition that chooses them tests no caller: a feature flag or setting, the plan, the state of a resource, request input against fixed values, a blocklist, the route, or an action on oneself; and link tokens (invite, reset, signed form) that fail to verify answered with a 400.',
          },
          auditedElsewhere: {
            description:
              'Allow thrown or forwarded auth errors without a log on their path because an exception filter or error middleware in another file logs them: `true` for all, or the error classes / factories it logs (e.g. `["UnauthorizedException", "ForbiddenException"]`, `["HttpException"]`, `["createError"]`).',
            anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' }, uniqueItems: true }],
          },
        },
      },
    ],
    defaultOptions: [{ includeRateLimit: false, includeNonAccessControl: false, auditedElsewhere: false }],
  },
  create(context, [options]) {
    const statuses = new Set([401, 403, ...(options.includeRateLimit ? [429] : [])]);
    const elsewhere = options.auditedElsewhere ?? false;
    const sourceCode = context.sourceCode;
    const byAnchor = new Map<TSESTree.Node, Rejection>();
    const rejections: Rejection[] = [];
    const unloggedAtWarn = new Set<Rejection>();
    const unloggedAtAll = new Set<Rejection>();
    const quietLogs: TSESTree.CallExpression[] = [];
    const audits: Audit[] = [];

    const warnTracker = createPathTracker<Rejection>((cp) => unloggedAtWarn.add(cp.data));
    const anyTracker = createPathTracker<Rejection>((cp) => unloggedAtAll.add(cp.data));

    function record(
      node: TSESTree.Node,
      details: Pick<Rejection, 'what' | 'status' | 'reason' | 'propagates' | 'errorName'> & { handler?: HandlerInfo | null; fixable?: false },
      acceptLater = false,
    ): void {
      const region = getEnclosingFunction(node) ?? (isFunctionNode(node.parent) ? node.parent : null);
      if (!region || !warnTracker.isReachable()) return;
      if (isInTestCode(node) || translatesOtherError(node, region)) return;
      // A helper whose whole body is the rejection (`deny(res)`, `unauthorized()`): its callers are the sites.
      const regionInfo = getHandlerInfo(context, region);
      if (
        getFunctionOutcome(context, region) &&
        (regionInfo
          ? regionInfo.via === 'params'
          : isCalledInSameFile(context, region) || region.parent?.type === AST_NODE_TYPES.MethodDefinition || isExportedHelper(region))
      ) {
        return;
      }
      const found = findAnchor(node, region);
      const { anchor } = found;
      // A comment between `=>` and an expression body would be lost by turning it into a block.
      const fixable = details.fixable !== false && found.fixable && !(anchor === region.body && sourceCode.getCommentsBefore(anchor).some((c) => c.range[0] > region.range[0]));
      if (byAnchor.has(anchor)) return;
      const rejection: Rejection = {
        node,
        anchor,
        region,
        fixable,
        handler: details.handler === undefined ? findEnclosingHandler(context, node) : details.handler,
        what: details.what,
        status: details.status,
        reason: details.reason,
        propagates: details.propagates,
        errorName: details.errorName,
      };
      byAnchor.set(anchor, rejection);
      rejections.push(rejection);
      const later = acceptLater && anchor.type === AST_NODE_TYPES.ExpressionStatement;
      warnTracker.require(node, region, rejection, { acceptLaterInSegment: later });
      anyTracker.require(node, region, rejection, { acceptLaterInSegment: later });
    }

    /**
     * A 401/403 is access control when what chooses it tests who is asking; one chosen by a
     * feature flag, the plan, a resource's state or input validation is a product answer.
     * Unrecognizable conditions (`if (!ok)`) and unconditional rejections count as access control.
     */
    function isAccessControl(node: TSESTree.Node, status: number): boolean {
      if (options.includeNonAccessControl || (status !== 401 && status !== 403)) return true;
      const region = getEnclosingFunction(node);
      return !region || classifyRejectionGuard(context, node, region, { inputIdentifiesCaller: status === 401 }) !== 'other';
    }

    function reasonFor(status: number): Reason {
      return status === 401 ? 'unauthorized' : status === 429 ? 'rate_limited' : 'forbidden';
    }

    // ----- what counts as the server answering a caller -------------------------

    /** In a handler, or a Nest provider / guard / strategy, where a thrown app error reaches the caller. */
    function inServerContext(node: TSESTree.Node): HandlerInfo | 'nest' | null {
      const handler = findEnclosingHandler(context, node);
      if (handler) return handler;
      const cls = findEnclosingClass(node);
      return cls && isNestClass(context, cls) ? 'nest' : null;
    }

    function onOutcome(node: TSESTree.Node, outcome: HttpOutcome | null): boolean {
      if (!outcome) return false;
      const credential = credentialFailure(node);
      const relevant = statuses.has(outcome.status) || (credential !== null && outcome.status >= 400 && outcome.status < 500);
      if (!relevant) return false;
      if (credential === null && !isAccessControl(node, outcome.status)) return false;
      // Handled: nothing to report, and not a plain credential-failure response either.
      if (answersLinkToken(node, credential, outcome.status)) return true;
      // A failed password or token check says more than the status it is answered with.
      const reason = credential ?? reasonFor(outcome.status);
      if (outcome.kind === 'response') {
        const handler = findEnclosingHandler(context, node);
        // `const response = NextResponse.json(…, { status: 401 })` is a value; its `return` answers.
        if (!handler || isVariableInit(node)) return false;
        record(node, { what: `a ${outcome.status} response`, status: outcome.status, reason, propagates: false, errorName: null, handler }, true);
        return true;
      }
      if (outcome.kind === 'throw' || outcome.kind === 'forward') {
        if (!outcome.frameworkError && !inServerContext(node) && credential === null) return false;
        const name = outcome.errorName && outcome.errorName !== 'ctx.throw' ? outcome.errorName : null;
        const what =
          outcome.kind === 'forward'
            ? `a ${outcome.status} error handed on`
            : outcome.errorName === 'ctx.throw'
              ? `ctx.throw(${outcome.status})`
              : name
                ? `${name} (${outcome.status})`
                : `a thrown ${outcome.status} error`;
        record(node, { what, status: outcome.status, reason, propagates: true, errorName: outcome.errorName });
        return true;
      }
      return false;
    }

    /**
     * `res.status(userId ? 404 : 403)`: the 401/403 branch is the rejection, chosen by the ternary's
     * test as much as by the conditions around it; the log belongs on the path to that branch.
     */
    function onStatusChoices(node: TSESTree.CallExpression | TSESTree.AssignmentExpression): boolean {
      const choices = getStatusChoices(context, node);
      if (!choices) return false;
      const handler = findEnclosingHandler(context, node);
      if (!handler) return true;
      for (const choice of choices) {
        if (!statuses.has(choice.status) || !isAccessControl(choice.node, choice.status)) continue;
        const what = `a ${choice.status} response`;
        record(choice.node, { what, status: choice.status, reason: reasonFor(choice.status), propagates: false, errorName: null, handler });
      }
      return true;
    }

    /**
     * Koa `ctx.assert(ctx.state.user, 401)`: a throw when the value is falsy, judged by the same
     * access-control test with the value as its innermost condition. No fix: a log before the call
     * would run when the assertion holds too.
     */
    function onAssertion(node: TSESTree.CallExpression): boolean {
      const assertion = getAssertion(context, node);
      if (!assertion) return false;
      const handler = findEnclosingHandler(context, node);
      if (!handler || handler.framework !== 'koa' || !statuses.has(assertion.status)) return true;
      const region = getEnclosingFunction(node);
      const guard = { inputIdentifiesCaller: assertion.status === 401, assertion: assertion.value };
      const accessControlOnly = !options.includeNonAccessControl && (assertion.status === 401 || assertion.status === 403);
      if (accessControlOnly && region && classifyRejectionGuard(context, node, region, guard) === 'other') return true;
      record(node, {
        what: `ctx.assert(…, ${assertion.status})`,
        status: assertion.status,
        reason: reasonFor(assertion.status),
        propagates: true,
        errorName: 'ctx.throw',
        handler,
        fixable: false,
      });
      return true;
    }

    function checkCall(node: TSESTree.CallExpression): void {
      if (onOutcome(node, getHttpOutcome(context, node))) return;
      if (onStatusChoices(node)) return;
      if (onAssertion(node)) return;
      if (isPassportFailure(node) || (isDoneFalse(node) && credentialFailure(node))) {
        record(node, { what: 'a failed login (done(null, false))', status: 401, reason: 'invalid_credentials', propagates: false, errorName: null });
        return;
      }
      // deny(res), unauthorized(): a same-file helper that always rejects.
      if (!isFunctionNode(skipTransparent(node.callee))) {
        const fn = resolveFunction(context, node.callee);
        const info = fn ? getHandlerInfo(context, fn) : null;
        const outcome = fn && (!info || info.via === 'params') ? getFunctionOutcome(context, fn) : null;
        if (outcome && statuses.has(outcome.status) && isAccessControl(node, outcome.status)) {
          const inHandler = findEnclosingHandler(context, node);
          if (outcome.kind === 'response' ? inHandler : outcome.frameworkError || inServerContext(node)) {
            const name = getCalleePath(node) ?? 'helper';
            record(node, {
              what: `${name}() (${outcome.status})`,
              status: outcome.status,
              reason: reasonFor(outcome.status),
              propagates: outcome.kind !== 'response',
              errorName: outcome.errorName,
            }, outcome.kind === 'response');
            return;
          }
        }
      }
      // A failed credential check answered without a status: res.json({ ok: false }), res.redirect('/login').
      const credential = isPlainResponse(node) ? credentialFailure(node) : null;
      if (credential) {
        record(node, { what: credentialWhat(credential), status: null, reason: credential, propagates: false, errorName: null }, true);
      }
    }

    function isPlainResponse(node: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getPropertyName(callee);
      const objectPath = getMemberPath(callee.object);
      if ((objectPath === 'NextResponse' || objectPath === 'Response') && (method === 'json' || method === 'redirect')) {
        return !isVariableInit(node) && !!findEnclosingHandler(context, node);
      }
      if (method === null || !RESPONSE_METHODS.has(method)) return false;
      let root = skipTransparent(callee.object);
      while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.callee.object);
      if (root.type !== AST_NODE_TYPES.Identifier || !RESPONSE_NAME.test(root.name)) return false;
      return !!findEnclosingHandler(context, node);
    }

    /** `done(null, false)`, `cb(null, false, { message })`: the passport way to say "no such user". */
    function isDoneFalse(node: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || !/^(?:done|cb|callback|next|verified)$/u.test(callee.name) || node.arguments.length < 2) return false;
      const [first, second] = node.arguments.map((a) => skipTransparent(a));
      const firstIsNothing = (first?.type === AST_NODE_TYPES.Literal && first.value === null) || (first?.type === AST_NODE_TYPES.Identifier && first.name === 'undefined');
      return firstIsNothing && second?.type === AST_NODE_TYPES.Literal && second.value === false;
    }

    /** passport: `done(null, false, { message })` in a strategy's verify callback. */
    function isPassportFailure(node: TSESTree.CallExpression): boolean {
      if (!isDoneFalse(node)) return false;
      const callee = skipTransparent(node.callee) as TSESTree.Identifier;
      const variable = findVariable(context, callee);
      const def = variable?.defs[0];
      if (!def || def.type !== 'Parameter') return false;
      const fn = def.node as AnyFunction;
      if (fn.params[fn.params.length - 1] !== def.name) return false;
      const owner = fn.parent;
      if (owner?.type !== AST_NODE_TYPES.NewExpression) return false;
      const path = getCalleePath(owner);
      return path !== null && /Strategy$/u.test(lastSegment(path));
    }

    // ----- failed credential checks --------------------------------------------

    const branchCache = new WeakMap<TSESTree.Node, Reason | null>();

    /** The reason when `node` lies on the branch where a password, token or API-key check failed. */
    function credentialFailure(node: TSESTree.Node): Reason | null {
      let child: TSESTree.Node = node;
      let parent = node.parent;
      while (parent && !isFunctionNode(parent)) {
        if (parent.type === AST_NODE_TYPES.IfStatement && (child === parent.consequent || child === parent.alternate)) {
          const reason = failedBranch(parent, child === parent.consequent);
          if (reason) return reason;
        } else if (parent.type === AST_NODE_TYPES.CatchClause && child === parent.body && parent.parent.type === AST_NODE_TYPES.TryStatement) {
          if (verifiesToken(parent.parent.block)) return 'invalid_token';
        }
        child = parent;
        parent = parent.parent;
      }
      return null;
    }

    function failedBranch(statement: TSESTree.IfStatement, consequent: boolean): Reason | null {
      const key = consequent ? statement.consequent : statement.alternate!;
      if (branchCache.has(key)) return branchCache.get(key)!;
      const result = consequent ? failsWhenTrue(statement.test) : succeedsWhenTrue(statement.test);
      branchCache.set(key, result);
      return result;
    }

    function failsWhenTrue(test: TSESTree.Node): Reason | null {
      const t = skipTransparent(test);
      if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return checkKind(t.argument);
      if (t.type === AST_NODE_TYPES.LogicalExpression) return failsWhenTrue(t.left) ?? failsWhenTrue(t.right);
      if (t.type === AST_NODE_TYPES.BinaryExpression) {
        if ((t.operator === '!==' || t.operator === '!=') && isApiKeyComparison(t)) return 'invalid_api_key';
        const literal = booleanSide(t);
        if (literal && (t.operator === '===' || t.operator === '==') && literal.value === false) return checkKind(literal.other);
        if (literal && (t.operator === '!==' || t.operator === '!=') && literal.value === true) return checkKind(literal.other);
      }
      return null;
    }

    function succeedsWhenTrue(test: TSESTree.Node): Reason | null {
      const t = skipTransparent(test);
      if (t.type === AST_NODE_TYPES.LogicalExpression) return succeedsWhenTrue(t.left) ?? succeedsWhenTrue(t.right);
      if (t.type === AST_NODE_TYPES.BinaryExpression) {
        if ((t.operator === '===' || t.operator === '==') && isApiKeyComparison(t)) return 'invalid_api_key';
        const literal = booleanSide(t);
        if (literal && (t.operator === '===' || t.operator === '==') && literal.value === true) return checkKind(literal.other);
        return null;
      }
      return checkKind(t);
    }

    function booleanSide(t: TSESTree.BinaryExpression): { value: boolean; other: TSESTree.Node } | null {
      const left = skipTransparent(t.left);
      const right = skipTransparent(t.right);
      if (right.type === AST_NODE_TYPES.Literal && typeof right.value === 'boolean') return { value: right.value, other: left };
      if (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'boolean') return { value: left.value, other: right };
      return null;
    }

    function isApiKeyComparison(t: TSESTree.BinaryExpression): boolean {
      const sides = [skipTransparent(t.left), skipTransparent(t.right as TSESTree.Node)];
      if (sides.some((s) => s.type === AST_NODE_TYPES.Literal || (s.type === AST_NODE_TYPES.Identifier && s.name === 'undefined') || s.type === AST_NODE_TYPES.UnaryExpression)) return false;
      const keySides = sides.filter((s) => API_KEY_TEXT.test(sourceCode.getText(s)));
      // `apiKey.type !== ApiKeyType.PUBLISHABLE`: a field of a stored key record, not the key presented.
      return keySides.length > 0 && !keySides.every((s) => isKeyRecordField(s));
    }

    function isKeyRecordField(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = getPropertyName(node);
      return name !== null && !/key|token|secret|hash|digest|value/iu.test(name);
    }

    /** 'invalid_credentials' when `node` is (the result of) a password / hash comparison. */
    function checkKind(node: TSESTree.Node): Reason | null {
      return passwordCheckResult(context, node) ? 'invalid_credentials' : null;
    }

    const tryCache = new WeakMap<TSESTree.BlockStatement, TSESTree.CallExpression | null>();

    /** A `try` that verifies a token: its `catch` is the failed-token path. */
    function verifiesToken(block: TSESTree.BlockStatement): boolean {
      return tokenVerification(block) !== null;
    }

    /** The token-verifying call of a `try` block (`jwt.verify(token, secret)`), if any. */
    function tokenVerification(block: TSESTree.BlockStatement): TSESTree.CallExpression | null {
      const cached = tryCache.get(block);
      if (cached !== undefined) return cached;
      let found: TSESTree.CallExpression | null = null;
      walkSameFunction(
        block,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.CallExpression) {
            const path = getCalleePath(n);
            if (path !== null) {
              const last = lastSegment(path);
              if (TOKEN_VERIFY.test(last) || ((last === 'verify' || last === 'verifyAsync') && /jwt|token|jose/iu.test(path))) found = n;
            }
          }
          return !found;
        },
        sourceCode.visitorKeys,
      );
      tryCache.set(block, found);
      return found;
    }

    /**
     * A failed token check answered 400 (`Invalid invite URL`, `Invalid or expired consent token`)
     * about a token the request carries as data (an invite or reset link, a signed form field):
     * a broken link, not a refused caller. Reported only with `includeNonAccessControl`; a token
     * read from the Authorization header or a cookie stays reported whatever the status.
     */
    function answersLinkToken(node: TSESTree.Node, credential: Reason | null, status: number): boolean {
      if (credential !== 'invalid_token' || statuses.has(status) || options.includeNonAccessControl) return false;
      const call = enclosingTokenVerification(node);
      const token = call?.arguments[0];
      return token !== undefined && token.type !== AST_NODE_TYPES.SpreadElement && !readsCallerCredential(token, 0);
    }

    function enclosingTokenVerification(node: TSESTree.Node): TSESTree.CallExpression | null {
      let child: TSESTree.Node = node;
      let parent = node.parent;
      while (parent && !isFunctionNode(parent)) {
        if (parent.type === AST_NODE_TYPES.CatchClause && child === parent.body && parent.parent.type === AST_NODE_TYPES.TryStatement) {
          const call = tokenVerification(parent.parent.block);
          if (call) return call;
        }
        child = parent;
        parent = parent.parent;
      }
      return null;
    }

    /** `req.headers.authorization`, `req.cookies.session`, `getToken(req)`, or a const holding one. */
    function readsCallerCredential(node: TSESTree.Node, depth: number): boolean {
      const n = skipTransparent(node);
      if (CREDENTIAL_CARRIER.test(sourceCode.getText(n))) return true;
      if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && RESPONSE_NAME_REQUEST.test(a.name))) return true;
      if (n.type !== AST_NODE_TYPES.Identifier || depth > 1) return false;
      const variable = findVariable(context, n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = def?.type === 'Variable' ? def.node.init : null;
      return init ? readsCallerCredential(init, depth + 1) : false;
    }

    function credentialWhat(reason: Reason): string {
      return reason === 'invalid_token' ? 'a failed token check' : reason === 'invalid_api_key' ? 'a failed API key check' : 'a failed password check';
    }

    // ----- logging ---------------------------------------------------------------

    function loggingLevel(node: TSESTree.CallExpression): LogLevel | null {
      return securityLogLevel(context, node);
    }

    // ----- audit by a same-file error handler --------------------------------------

    function noteErrorHandler(fn: AnyFunction): void {
      const info = getHandlerInfo(context, fn);
      if (!info || !isErrorHandler(info)) return;
      const logs: TSESTree.CallExpression[] = [];
      walkSameFunction(
        fn.body,
        (n) => {
          if (n.type !== AST_NODE_TYPES.CallExpression) return;
          const level = loggingLevel(n);
          if (level && isAtLeast(level, 'warn')) logs.push(n);
        },
        sourceCode.visitorKeys,
      );
      if (logs.length === 0) return;
      let names: Set<string> | null = null;
      if (info.kind === 'filter') {
        const cls = findEnclosingClass(fn);
        const decorator = cls?.decorators?.find((d) => {
          const e = skipTransparent(d.expression);
          return e.type === AST_NODE_TYPES.CallExpression && getMemberPath(e.callee) === 'Catch';
        });
        const args = decorator && decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments : [];
        if (args.length > 0) names = new Set(args.map((a) => getMemberPath(a) ?? '').filter((a) => a !== ''));
      }
      audits.push({ fn, logs, names });
    }

    /** Whether no condition around `log` (up to `fn`) rules out an error with `status`. */
    function appliesTo(log: TSESTree.Node, fn: AnyFunction, status: number): boolean {
      let child: TSESTree.Node = log;
      let parent = log.parent;
      while (parent && parent !== fn) {
        if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
          const value = evaluate(parent.test, status);
          if (value === (child === parent.consequent ? false : true)) return false;
        } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) {
          const value = evaluate(parent.test, status);
          if (value === (child === parent.consequent ? false : true)) return false;
        } else if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && child !== parent.test) {
          const value = getStatusValue(context, parent.test);
          if (value !== null && value !== status) return false;
        }
        child = parent;
        parent = parent.parent;
      }
      return true;
    }

    /** Value of an error handler's condition for an error with `status`: true, false, or null when unknown. */
    function evaluate(test: TSESTree.Node, status: number): boolean | null {
      const t = skipTransparent(test);
      if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') {
        const v = evaluate(t.argument, status);
        return v === null ? null : !v;
      }
      if (t.type === AST_NODE_TYPES.LogicalExpression) {
        const a = evaluate(t.left, status);
        const b = evaluate(t.right, status);
        if (t.operator === '&&') return a === false || b === false ? false : a === true && b === true ? true : null;
        if (t.operator === '||') return a === true || b === true ? true : a === false && b === false ? false : null;
        return null;
      }
      if (t.type !== AST_NODE_TYPES.BinaryExpression) return null;
      if (t.operator === 'instanceof') {
        const name = getMemberPath(t.right);
        if (name === null) return null;
        const last = lastSegment(name);
        if (last === 'HttpException' || last === 'HTTPException' || last === 'HttpError') return true;
        const s = statusFromErrorName(last);
        return s === null ? null : s === status;
      }
      const left = skipTransparent(t.left as TSESTree.Node);
      const right = skipTransparent(t.right);
      const leftValue = getStatusValue(context, left);
      const rightValue = getStatusValue(context, right);
      const numeric = leftValue !== null ? { value: leftValue, other: right, flipped: true } : rightValue !== null ? { value: rightValue, other: left, flipped: false } : null;
      if (numeric && numeric.other.type !== AST_NODE_TYPES.Literal && /status|code/iu.test(sourceCode.getText(numeric.other))) {
        const [a, b] = numeric.flipped ? [numeric.value, status] : [status, numeric.value];
        switch (t.operator) {
          case '===':
          case '==':
            return a === b;
          case '!==':
          case '!=':
            return a !== b;
          case '<':
            return a < b;
          case '<=':
            return a <= b;
          case '>':
            return a > b;
          case '>=':
            return a >= b;
          default:
            return null;
        }
      }
      const text = getStringValue(left) ?? getStringValue(right);
      if (text !== null && (t.operator === '===' || t.operator === '==' || t.operator === '!==' || t.operator === '!=')) {
        const matches = /unauthori[sz]ed|forbidden|auth|jwt|token|credential/iu.test(text);
        const equal = matches ? (status === 401 || status === 403 ? true : null) : /(?:name|code|type)$/u.test(sourceCode.getText(text === getStringValue(left) ? right : left)) ? false : null;
        if (equal === null) return null;
        return t.operator === '===' || t.operator === '==' ? equal : !equal;
      }
      return null;
    }

    function isAudited(rejection: Rejection): boolean {
      if (!rejection.propagates) return false;
      const name = rejection.errorName;
      const matchesName = (list: Iterable<string>): boolean => {
        for (const entry of list) {
          if (name !== null && (entry === name || lastSegment(entry) === name)) return true;
          if ((entry === 'HttpException' || entry === 'HTTPException') && name !== null && /Exception$/u.test(name)) return true;
        }
        return false;
      };
      if (elsewhere === true) return true;
      if (Array.isArray(elsewhere) && matchesName(elsewhere)) return true;
      const status = rejection.status ?? 500;
      return audits.some((a) => (a.names === null || matchesName(a.names)) && a.logs.some((log) => appliesTo(log, a.fn, status)));
    }

    // ----- reporting and fixes -----------------------------------------------------

    function report(rejection: Rejection): void {
      // Every path logs, but only below warn, and a quiet log sits in the failing branch itself
      // (a "request received" debug line at the top of the handler does not log the failure).
      const log = unloggedAtAll.has(rejection) ? null : findQuietLog(rejection);
      if (log) {
        const raise = raiseSuggestion(log);
        context.report({
          node: rejection.node,
          messageId: 'tooQuiet',
          data: { what: rejection.what },
          suggest: raise ? [raise] : [],
        });
        return;
      }
      const target = chooseTarget(rejection);
      const fix = rejection.fixable ? buildFix(rejection, target, 'setting') : null;
      // identity: 'hash' without a fingerprint helper: the autofix leaves the identity out; a suggestion hashes it inline.
      const hashed = rejection.fixable && identityNeedsInlineHash(rejection) ? buildFix(rejection, target, 'inline-hash') : null;
      // The suggestion, read by a person, may carry the inline hash; the unreviewed autofix does not.
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = hashed
        ? [{ messageId: 'logFailureWithIdentity', data: { call: `${target.expression}.warn` }, fix: hashed }]
        : fix
          ? [{ messageId: 'logFailure', data: { call: `${target.expression}.warn` }, fix }]
          : [];
      context.report({
        node: rejection.node,
        messageId: 'unlogged',
        data: { what: rejection.what },
        fix: target.configured ? fix : null,
        suggest,
      });
    }

    /** The one precedence: the configured logger > the framework's request logger > console. */
    function chooseTarget(rejection: Rejection): LogTarget {
      const framework = rejection.handler ? getFrameworkLogger(context, rejection.handler, rejection.anchor) : null;
      return chooseLogTarget(context, rejection.anchor, framework);
    }

    function identityNeedsInlineHash(rejection: Rejection): boolean {
      const settings = getSettings(context);
      return settings.identity === 'hash' && !fingerprintUsableAt(rejection.anchor) && findIdentity(rejection.anchor) !== null;
    }

    function fingerprintUsableAt(at: TSESTree.Node): boolean {
      const fingerprint = getSettings(context).fingerprint;
      return fingerprint !== undefined && (fingerprint.importFrom !== undefined || isNameInScope(context, at, fingerprint.name.split('.')[0]!));
    }

    /**
     * The log before the rejection: reason, the request fields (path without its query string),
     * the attempted identity per `settings.identity` (`hash`: through the fingerprint helper, or
     * — for `inline-hash` — a truncated SHA-256; `raw`: as is; `omit`: never), and the presented
     * key's fingerprint when a helper is configured.
     */
    function buildFix(rejection: Rejection, target: LogTarget, identityMode: 'setting' | 'inline-hash'): TSESLint.ReportFixFunction {
      const { anchor } = rejection;
      const settings = getSettings(context);
      const fields: LogField[] = [{ key: 'reason', value: `'${rejection.reason}'` }];
      if (rejection.handler) {
        const request = getRequestContextExpressions(context, rejection.handler, anchor);
        fields.push(...requestLogFields(request));
      }
      const fingerprint = settings.fingerprint;
      const fingerprintUsable = fingerprintUsableAt(anchor);
      const identity = findIdentity(anchor);
      let hashName: string | null = null;
      if (identity) {
        if (settings.identity === 'raw') fields.push({ key: identity });
        else if (settings.identity === 'hash' && fingerprintUsable) fields.push({ key: `${identity}Fingerprint`, value: `${identity} ? ${fingerprint!.name}(String(${identity})) : undefined` });
        else if (settings.identity === 'hash' && identityMode === 'inline-hash') {
          hashName = isNameInScope(context, anchor, 'createHash') ? null : 'createHash';
          fields.push({ key: `${identity}Hash`, value: `createHash('sha256').update(String(${identity})).digest('hex').slice(0, 16)` });
        }
      }
      const secret = fingerprint ? findSecret(anchor, rejection.reason) : null;
      if (secret && fingerprintUsable) fields.push({ key: 'keyFingerprint', value: `${secret} ? ${fingerprint!.name}(${secret}) : undefined` });
      const call = `${buildLogCall(target, { level: 'warn', message: authMessage(rejection), fields })};`;
      const needsFingerprintImport = fingerprintUsable && fingerprint!.importFrom !== undefined && fields.some((f) => f.value?.includes(`${fingerprint!.name}(`));
      return (fixer) => {
        const fixes: TSESLint.RuleFix[] = [insertBefore(fixer, anchor, rejection.region, call)];
        fixes.push(...targetSetupFixes(context, fixer, target));
        if (needsFingerprintImport) {
          const imp = importFix(context, fixer, fingerprint!.name, fingerprint!.importFrom!, fingerprint!.importKind);
          if (imp) fixes.push(imp);
        }
        if (hashName) {
          const imp = importFix(context, fixer, 'createHash', 'node:crypto', 'named');
          if (imp) fixes.push(imp);
        }
        return fixes;
      };
    }

    /**
     * Say what the check tested: a password check in a login (a named login/sign-in/session
     * function or route, a passport strategy) is a failed login; anywhere else (before deleting
     * an account, changing an email) it is a password re-check of a signed-in user.
     */
    function authMessage(rejection: Rejection): string {
      if (rejection.reason !== 'invalid_credentials') return MESSAGES[rejection.reason];
      const name = describeEnclosingFunction(rejection.anchor);
      const route = routeOf(rejection.region);
      // Next.js and file-routed frameworks name the route by the file: app/api/login/route.ts.
      const where = [name, route, context.filename.split(/[\\/]/u).slice(-3).join('/')].filter((w): w is string => w !== null).join(' ');
      if (LOGIN_CONTEXT.test(where)) return MESSAGES.invalid_credentials;
      // checkPassword(), comparePasswords(): a helper that may serve a login or a re-check.
      if (PASSWORD_HELPER.test(name ?? '')) return 'Password check failed: invalid credentials';
      // A signed-in user confirming a sensitive action (delete the account, change the email).
      if (SENSITIVE_ACTION.test(`${name ?? ''} ${route ?? ''}`)) return `Password re-check failed in ${name ?? route}`;
      return name === null && route === null ? MESSAGES.invalid_credentials : 'Authentication failed: invalid credentials';
    }

    /** `app.post('/account/delete', fn)` → '/account/delete'. */
    function routeOf(fn: AnyFunction): string | null {
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
      for (const arg of call.arguments) {
        if (arg === fn) break;
        const value = arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : null;
        if (value !== null) return value;
      }
      return null;
    }

    function insertBefore(fixer: TSESLint.RuleFixer, anchor: TSESTree.Node, region: AnyFunction, call: string): TSESLint.RuleFix {
      const unit = indentUnit(context);
      if (anchor === region.body) {
        // (req, res) => res.sendStatus(403)
        const indent = lineIndent(context, region);
        const arrow = sourceCode.getTokenBefore(anchor, { filter: (t) => t.value === '=>' })!;
        return fixer.replaceTextRange(
          [arrow.range[1], region.range[1]],
          ` {\n${indent}${unit}${call}\n${indent}${unit}return ${sourceCode.getText(anchor)};\n${indent}}`,
        );
      }
      const parent = anchor.parent;
      if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase || parent?.type === AST_NODE_TYPES.StaticBlock) {
        const line = sourceCode.lines[anchor.loc.start.line - 1] ?? '';
        const before = line.slice(0, anchor.loc.start.column);
        if (/^\s*$/u.test(before)) return fixer.insertTextBefore(anchor, `${call}\n${before}`);
        return fixer.insertTextBefore(anchor, `${call} `);
      }
      // if (!token) return res.sendStatus(401);
      const outer = lineIndent(context, parent ?? anchor);
      const previous = sourceCode.getTokenBefore(anchor, { includeComments: true })!;
      const block = `{\n${outer}${unit}${call}\n${outer}${unit}${sourceCode.getText(anchor)}\n${outer}}`;
      // Keep a comment between `)` and the statement where it is.
      if (previous.type === 'Block' || previous.type === 'Line') return fixer.replaceText(anchor, block);
      return fixer.replaceTextRange([previous.range[1], anchor.range[1]], ` ${block}`);
    }

    /** A variable naming who tried (`email`, `username`, `userId`) visible and initialized before `at`. */
    function findIdentity(at: TSESTree.Node): string | null {
      return IDENTITY_NAMES.find((name) => visibleVariable(at, name) !== null) ?? null;
    }

    /** The last below-warn log before the rejection inside the branch that leads to it. */
    /** A variable holding the presented API key or token, visible and initialized before `at`. */
    function findSecret(at: TSESTree.Node, reason: Reason): string | null {
      for (const name of SECRET_NAMES) {
        const variable = visibleVariable(at, name);
        if (!variable) continue;
        // `key` is too common a name to trust without an API-key check or an Authorization read.
        if (name === 'key' && reason !== 'invalid_api_key') {
          const init = getVariableInit(variable);
          if (!init || !/api[-_]?key|authorization/iu.test(sourceCode.getText(init))) continue;
        }
        return name;
      }
      return null;
    }

    function visibleVariable(at: TSESTree.Node, name: string): TSESLint.Scope.Variable | null {
      return sharedVisibleVariable(context, at, name);
    }

    function findQuietLog(rejection: Rejection): TSESTree.CallExpression | null {
      const branch = innermostBranch(rejection.anchor, rejection.region);
      let found: TSESTree.CallExpression | null = null;
      for (const log of quietLogs) {
        if (getEnclosingFunction(log) !== rejection.region || log.range[1] > rejection.anchor.range[0]) continue;
        if (contains(branch, log)) found = log;
      }
      return found;
    }

    /** The `if` branch, `catch` body or `case` the anchor lies in (the function body when none). */
    function innermostBranch(anchor: TSESTree.Node, region: AnyFunction): TSESTree.Node {
      let child: TSESTree.Node = anchor;
      let parent = anchor.parent;
      while (parent && parent !== region) {
        if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) return child;
        if (parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.SwitchCase) return parent;
        child = parent;
        parent = parent.parent;
      }
      return region.body;
    }

    function raiseSuggestion(log: TSESTree.CallExpression): TSESLint.SuggestionReportDescriptor<MessageIds> | null {
      const call = getLoggerCall(context, log);
      const callee = skipTransparent(log.callee);
      if (!call || call.via !== 'logger' || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
      const levelArg = log.arguments[0];
      if (call.method === 'log' && call.loggerPath !== 'console' && levelArg && getStringValue(levelArg) !== null) {
        const from = sourceCode.getText(levelArg);
        return { messageId: 'raiseLevel', data: { from, to: "'warn'" }, fix: (fixer) => fixer.replaceText(levelArg, "'warn'") };
      }
      const from = `${sourceCode.getText(callee.object)}.${call.method}`;
      const to = `${sourceCode.getText(callee.object)}.warn`;
      return { messageId: 'raiseLevel', data: { from, to }, fix: (fixer) => fixer.replaceText(callee.property, 'warn') };
    }

    // ----- helpers -------------------------------------------------------------------

    function findAnchor(node: TSESTree.Node, region: AnyFunction): { anchor: TSESTree.Node; fixable: boolean } {
      let fixable = true;
      let current: TSESTree.Node = node;
      while (current.parent && current.parent !== region) {
        const parent: TSESTree.Node = current.parent;
        if (/Statement$|Declaration$/u.test(current.type) && current.type !== AST_NODE_TYPES.BlockStatement && !/Expression$/u.test(parent.type)) {
          return { anchor: current, fixable };
        }
        if (
          (parent.type === AST_NODE_TYPES.LogicalExpression && current === parent.right) ||
          (parent.type === AST_NODE_TYPES.ConditionalExpression && current !== parent.test) ||
          (parent.type === AST_NODE_TYPES.ChainExpression)
        ) {
          fixable = false;
        }
        current = parent;
      }
      return { anchor: current, fixable };
    }

    /**
     * `case 'ER_BAD_FIELD_ERROR': ctx.throw(403, …)`, `if (err.code === 'EACCES') return res.sendStatus(403)`:
     * the innermost branch was chosen by an error code or name that is not about authentication.
     */
    function translatesOtherError(node: TSESTree.Node, region: AnyFunction): boolean {
      let child: TSESTree.Node = node;
      let parent = node.parent;
      while (parent && parent !== region) {
        if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && child !== parent.test) {
          const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
          return isOtherErrorCode(discriminant, parent.test);
        }
        if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent) {
          const test = skipTransparent(parent.test);
          if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
          return isOtherErrorCode(test.left as TSESTree.Node, test.right) || isOtherErrorCode(test.right, test.left as TSESTree.Node);
        }
        child = parent;
        parent = parent.parent;
      }
      return false;
    }

    function isOtherErrorCode(subject: TSESTree.Node, value: TSESTree.Node): boolean {
      const literal = getStringValue(skipTransparent(value));
      if (literal === null || !/(?:^|\.)(?:code|errno|name|type)$/u.test(getMemberPath(subject) ?? '')) return false;
      return !/auth|token|jwt|credential|permission|forbidden|unauthori[sz]ed|access|denied|login|session|csrf|signature|expired|invalid/iu.test(literal);
    }

    function isVariableInit(node: TSESTree.Node): boolean {
      let current: TSESTree.Node = node;
      while (current.parent && !/Statement$|Declaration$|Declarator$/u.test(current.parent.type) && !isFunctionNode(current.parent)) current = current.parent;
      return current.parent?.type === AST_NODE_TYPES.VariableDeclarator && current.parent.init === current;
    }

    function isInTestCode(node: TSESTree.Node): boolean {
      let current: TSESTree.Node | undefined = node.parent;
      while (current) {
        if (isFunctionNode(current) && current.parent?.type === AST_NODE_TYPES.CallExpression) {
          const path = getCalleePath(current.parent);
          if (path !== null && (TEST_CALLS.test(path) || TEST_CALLS.test(lastSegment(path)))) return true;
        }
        current = current.parent;
      }
      return false;
    }

    /** `export function unauthorized() { … }`: a response builder other files call. */
    function isExportedHelper(fn: AnyFunction): boolean {
      let node: TSESTree.Node | undefined = fn.parent;
      if (node?.type === AST_NODE_TYPES.VariableDeclarator) node = node.parent?.parent;
      return node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
    }

    function onFunction(fn: AnyFunction): void {
      warnTracker.openRegion(fn);
      anyTracker.openRegion(fn);
      noteErrorHandler(fn);
    }

    return mergeListeners(warnTracker.listeners, anyTracker.listeners, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      CallExpression(node: TSESTree.CallExpression) {
        const level = loggingLevel(node);
        if (level) {
          anyTracker.mark(node);
          if (isAtLeast(level, 'warn')) warnTracker.mark(node);
          else quietLogs.push(node);
          // A helper that logs and answers (deny(res)) is still checked as a rejection below.
          if (getLoggerCall(context, node)) return;
        }
        checkCall(node);
      },
      NewExpression(node: TSESTree.NewExpression) {
        const outcome = getHttpOutcome(context, node);
        if (outcome?.kind === 'response') onOutcome(node, outcome);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (onOutcome(node, getHttpOutcome(context, node))) return;
        if (onStatusChoices(node)) return;
        // Koa: ctx.body = { error } on a failed credential check
        const credential = node.left.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node.left) === 'body' ? credentialFailure(node) : null;
        if (credential && findEnclosingHandler(context, node)?.framework === 'koa') {
          record(node, { what: credentialWhat(credential), status: null, reason: credential, propagates: false, errorName: null }, true);
        }
      },
      ThrowStatement(node: TSESTree.ThrowStatement) {
        for (const leaf of throwLeaves(node.argument)) {
          const outcome = leaf.type === AST_NODE_TYPES.Identifier ? getHttpOutcome(context, leaf) : getHttpOutcome(context, leaf);
          if (outcome && statuses.has(outcome.status) && (outcome.kind === 'error' || outcome.kind === 'response')) {
            if (onOutcome(node, { ...outcome, kind: 'throw' })) return;
          }
        }
        // if (!(await bcrypt.compare(...))) throw new Error('Invalid credentials')
        const credential = credentialFailure(node);
        const arg = skipTransparent(node.argument);
        if (credential && (arg.type === AST_NODE_TYPES.NewExpression || arg.type === AST_NODE_TYPES.CallExpression || arg.type === AST_NODE_TYPES.ObjectExpression)) {
          const outcome = getHttpOutcome(context, arg);
          // A catch around a token check also catches network failures: a 5xx or a timeout
          // thrown from it reports the server's failure, not a rejected caller.
          if (outcome && (outcome.status >= 500 || outcome.status === 408)) return;
          if (outcome && answersLinkToken(node, credential, outcome.status)) return;
          const name = arg.type === AST_NODE_TYPES.NewExpression ? getCalleePath(arg) : null;
          record(node, {
            what: credentialWhat(credential),
            status: outcome?.status ?? null,
            reason: credential,
            propagates: true,
            errorName: outcome?.errorName ?? (name ? lastSegment(name) : null),
          });
        }
      },
      ReturnStatement(node: TSESTree.ReturnStatement) {
        const arg = node.argument ? skipTransparent(node.argument) : null;
        if (arg?.type === AST_NODE_TYPES.Identifier) {
          // const response = NextResponse.json(…, { status: 401 }); …; return response;
          const init = getVariableInit(findVariable(context, arg));
          const outcome = init ? getHttpOutcome(context, skipTransparent(init)) : null;
          if (outcome?.kind === 'response') onOutcome(node, outcome);
          return;
        }
        if (arg?.type !== AST_NODE_TYPES.Literal || arg.value !== false) return;
        const fn = getEnclosingFunction(node);
        const info = fn ? getHandlerInfo(context, fn) : null;
        if (info?.kind !== 'guard' || fn!.parent?.type !== AST_NODE_TYPES.MethodDefinition || getPropertyName(fn!.parent) !== 'canActivate') return;
        record(node, { what: 'the guard returning false (403)', status: 403, reason: 'guard_denied', propagates: true, errorName: 'ForbiddenException', handler: info });
      },
      'Program:exit'() {
        for (const rejection of rejections) {
          if (!unloggedAtWarn.has(rejection) || isAudited(rejection)) continue;
          report(rejection);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;

    function throwLeaves(node: TSESTree.Node): TSESTree.Node[] {
      const n = skipTransparent(node);
      if (n.type === AST_NODE_TYPES.LogicalExpression) return [...throwLeaves(n.left), ...throwLeaves(n.right)];
      if (n.type === AST_NODE_TYPES.ConditionalExpression) return [...throwLeaves(n.consequent), ...throwLeaves(n.alternate)];
      return [n];
    }
  },
});

