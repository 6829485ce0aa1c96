import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, findVariable, getCalleePath, getEnclosingFunction, getPropertyName, getVariableInit, isFunctionNode, lastSegment, skipTransparent } from '../model/ast.js';
import { classifyRejectionGuard } from '../model/access-control.js';
import { mentionsAuthFailure } from '../model/auth-mentions.js';
import { callerLogsAround, guardDenial, handlerCallsOf, helperCallOutcome, inServerContext, isPlainResponse, isRejectionHelper, thrownValues, translatesOtherError } from '../model/auth-responses.js';
import { type CredentialFailure, credentialFailureAt, enclosingTokenVerification, readsCallerCredential, securityLogLevel } from '../model/credential-checks.js';
import { type ErrorHandlerAudit, auditLogsError, errorNameMatches, getErrorHandlerAudit } from '../model/error-handler-audit.js';
import { type HandlerInfo, findEnclosingHandler } from '../model/handlers.js';
import { type HttpOutcome, getAssertion, getHttpOutcome, getStatusChoices, getStatusWriteChoices } from '../model/http-outcomes.js';
import { getLoggerCall, isAtLeast } from '../model/loggers.js';
import { isDoneFalse, isPassportFailure } from '../model/logins.js';
import { missingLogFields } from '../model/log-fields.js';
import { findLogAnchor, isInTestCode, isVariableInit, lastInBranchBefore } from '../model/placement.js';
import { getSocketRefusal } from '../model/socket-refusals.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { AUTH_LOG_SCHEMA_PROPERTIES, type AuthLogSchemaOptions, readAuthLogSchema } from '../core/rule-options.js';
import { addLogFieldsFix, derivableSchemaFields, eventLogField } from '../fixes/auth-log-fields.js';
import { type AuthFailureReason, authFailureLogFields, authFailureLogFix, describeCredentialFailure, handlerLogTarget, identityNeedsInlineHash, raiseToWarn } from '../fixes/auth-log.js';

export type Options = [
  {
    includeRateLimit?: boolean;
    includeNonAccessControl?: boolean;
    auditedElsewhere?: boolean | string[];
  } & AuthLogSchemaOptions,
];
export type MessageIds = 'unlogged' | 'tooQuiet' | 'missingFields' | 'logFailure' | 'logFailureWithIdentity' | 'raiseLevel' | 'addFields';

type Reason = AuthFailureReason;

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
  /** In a same-file helper a handler calls (`assertAdmin(req.user)`): those calls, where the caller may log it instead. */
  helperCalls: TSESTree.CallExpression[];
}

export default createRule<Options, MessageIds>({
  name: 'log-auth-failures',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every rejected authentication or authorization attempt to be logged at warn or above on its own path',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
      strictOptions: { includeNonAccessControl: true, requiredFields: ['ip', 'reason'] },
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
      missingFields:
        'Auth failure logged without {{fields}}: this path ends in {{what}}, and its warn log lacks what the logging schema requires. Add {{fields}} to the log.',
      raiseLevel: 'Log it at warn: change {{from}} to {{to}}.',
      addFields: 'Add {{fields}} to the log.',
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
          ...AUTH_LOG_SCHEMA_PROPERTIES,
        },
      },
    ],
    defaultOptions: [{ includeRateLimit: false, includeNonAccessControl: false, auditedElsewhere: false, requiredFields: [] }],
  },
  create(context, [options]) {
    // Nothing in the file a rejection could be recognized from: no regions, no path tracking.
    if (!mentionsAuthFailure(context.sourceCode)) return {};
    const statuses = new Set([401, 403, ...(options.includeRateLimit ? [429] : [])]);
    const elsewhere = options.auditedElsewhere ?? false;
    const sourceCode = context.sourceCode;
    const byAnchor = new Map<TSESTree.Node, Rejection>();
    const rejections: Rejection[] = [];
    const unloggedAtWarn = new Set<Rejection>();
    const unloggedAtAll = new Set<Rejection>();
    const quietLogs: TSESTree.CallExpression[] = [];
    // requiredFields / eventField: a warn log without them does not count; it is remembered to name what it lacks.
    const schema = readAuthLogSchema(options);
    const incompleteLogs: TSESTree.CallExpression[] = [];
    const unloggedAtWarnAtAll = new Set<Rejection>();
    /** Every function of the file, asked whether it audits errors only when a rejection needs it. */
    const functions: AnyFunction[] = [];
    let audits: ErrorHandlerAudit[] | null = null;

    const warnTracker = createPathTracker<Rejection>((cp) => unloggedAtWarn.add(cp.data));
    const anyTracker = createPathTracker<Rejection>((cp) => unloggedAtAll.add(cp.data));
    const warnAnyTracker = schema.keys.length > 0 ? createPathTracker<Rejection>((cp) => unloggedAtWarnAtAll.add(cp.data)) : null;

    function record(
      node: TSESTree.Node,
      details: Pick<Rejection, 'what' | 'status' | 'reason' | 'propagates' | 'errorName'> & { handler?: HandlerInfo | null; fixable?: false },
      acceptLater = false,
    ): void {
      const region = getEnclosingFunction(node) ?? (isFunctionNode(node.parent) ? node.parent : null);
      if (!region || !warnTracker.isReachable()) return;
      if (isInTestCode(node) || translatesOtherError(node, region)) return;
      // A helper whose whole body is the rejection (`deny(res)`, `unauthorized()`): its callers are the sites.
      if (isRejectionHelper(context, region)) return;
      const found = findLogAnchor(node, region);
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
        helperCalls: handlerCallsOf(context, region),
      };
      byAnchor.set(anchor, rejection);
      rejections.push(rejection);
      const later = acceptLater && anchor.type === AST_NODE_TYPES.ExpressionStatement;
      warnTracker.require(node, region, rejection, { acceptLaterInSegment: later });
      anyTracker.require(node, region, rejection, { acceptLaterInSegment: later });
      warnAnyTracker?.require(node, region, rejection, { acceptLaterInSegment: later });
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

    /** In a same-file helper that a handler calls by name (`assertAdmin(req.user)`): the rejection reaches that handler. */
    function inHandlerHelper(node: TSESTree.Node): boolean {
      const fn = getEnclosingFunction(node);
      return !!fn && handlerCallsOf(context, fn).length > 0;
    }

    /** Every handler that calls the helper holding the rejection logs it on that path (a `catch` or a tested result that logs). */
    function callersLog(rejection: Rejection): boolean {
      const isWarnLog = (call: TSESTree.CallExpression) => {
        const level = securityLogLevel(context, call);
        return !!level && isAtLeast(level, 'warn');
      };
      return rejection.helperCalls.length > 0 && rejection.helperCalls.every((call) => callerLogsAround(call, isWarnLog, sourceCode.visitorKeys));
    }

    function reasonFor(status: number): Reason {
      return status === 401 ? 'unauthorized' : status === 429 ? 'rate_limited' : 'forbidden';
    }

    /**
     * A failed token check answered 400 (`Invalid invite URL`, `Invalid or expired consent token`)
     * about a token the request carries as data (an invite or reset link, a signed form field):
     * a broken link, not a refused caller. Reported only with `includeNonAccessControl`; a token
     * read from the Authorization header or a cookie stays reported whatever the status.
     */
    function answersLinkToken(node: TSESTree.Node, credential: CredentialFailure | null, status: number): boolean {
      if (credential !== 'invalid_token' || statuses.has(status) || options.includeNonAccessControl) return false;
      const call = enclosingTokenVerification(context, node);
      const token = call?.arguments[0];
      return token !== undefined && token.type !== AST_NODE_TYPES.SpreadElement && !readsCallerCredential(context, token);
    }

    function onOutcome(node: TSESTree.Node, outcome: HttpOutcome | null): boolean {
      if (!outcome) return false;
      const credential = credentialFailureAt(context, node);
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
        if ((!handler && !inHandlerHelper(node)) || isVariableInit(node)) return false;
        record(node, { what: `a ${outcome.status} response`, status: outcome.status, reason, propagates: false, errorName: null, handler }, true);
        return true;
      }
      if (outcome.kind === 'throw' || outcome.kind === 'forward') {
        if (!outcome.frameworkError && !inServerContext(context, node) && credential === null && !inHandlerHelper(node)) return false;
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
      if (choices[0]!.held) {
        // `const status = expired ? 401 : 403; res.status(status)`: every path to the response rejects, or
        // (a declaration's ternary with another status) the response is the site, like a ternary in it.
        // Statuses set by assignments beside others (`let code = 200; if (!user) code = 401`) are the assignments' (onStatusWrite).
        const rejecting = choices.find((c) => statuses.has(c.status) && isAccessControl(c.node, c.status));
        const every = choices.every((c) => statuses.has(c.status));
        if (rejecting && (every || choices[0]!.held === 'once')) {
          const what = `a ${rejecting.status} response`;
          record(node, { what, status: rejecting.status, reason: reasonFor(rejecting.status), propagates: false, errorName: null, handler, ...(every ? {} : { fixable: false as const }) }, true);
        }
        return true;
      }
      for (const choice of choices) {
        if (!statuses.has(choice.status) || !isAccessControl(choice.node, choice.status)) continue;
        const what = `a ${choice.status} response`;
        record(choice.node, { what, status: choice.status, reason: reasonFor(choice.status), propagates: false, errorName: null, handler });
      }
      return true;
    }

    /**
     * `let code = 200; if (!user) code = 401; … res.status(code)`: the assignment chooses the rejection
     * on its own path; a log beside it (before or after, in the same branch) covers it.
     */
    function onStatusWrite(node: TSESTree.AssignmentExpression): boolean {
      if (node.left.type !== AST_NODE_TYPES.Identifier) return false;
      const held = getStatusWriteChoices(context, node);
      if (!held || held.own.length === 0) return false;
      // Every value rejects: the response is the site (onStatusChoices).
      if (held.all.every((c) => statuses.has(c.status))) return true;
      const handler = findEnclosingHandler(context, node);
      const rejecting = held.own.find((c) => statuses.has(c.status) && isAccessControl(c.node, c.status));
      if (!handler || !rejecting) return true;
      record(node, { what: `a ${rejecting.status} response`, status: rejecting.status, reason: reasonFor(rejecting.status), propagates: false, errorName: null, handler }, true);
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
      const what = `ctx.assert(…, ${assertion.status})`;
      record(node, { what, status: assertion.status, reason: reasonFor(assertion.status), propagates: true, errorName: 'ctx.throw', handler, fixable: false });
      return true;
    }

    function checkCall(node: TSESTree.CallExpression): void {
      if (onOutcome(node, getHttpOutcome(context, node))) return;
      if (onStatusChoices(node)) return;
      if (onAssertion(node)) return;
      if (isPassportFailure(context, node) || (isDoneFalse(node) && credentialFailureAt(context, node))) {
        record(node, { what: 'a failed login (done(null, false))', status: 401, reason: 'invalid_credentials', propagates: false, errorName: null });
        return;
      }
      // A refused WebSocket / socket.io connection: ws.close(4003, …), an upgrade answered 401, io.use's next(err).
      const refusal = getSocketRefusal(context, node);
      if (refusal) {
        const credential = credentialFailureAt(context, node);
        const refused = credential || (!refusal.needsCredentialFailure && isAccessControl(node, refusal.status));
        if (refused) record(node, { what: refusal.what, status: refusal.status, reason: credential ?? reasonFor(refusal.status), propagates: false, errorName: null, handler: null });
        return;
      }
      // deny(res), unauthorized(): a same-file helper that always rejects.
      const outcome = helperCallOutcome(context, node);
      if (outcome && statuses.has(outcome.status) && isAccessControl(node, outcome.status)) {
        const inHandler = findEnclosingHandler(context, node);
        if (outcome.kind === 'response' ? inHandler : outcome.frameworkError || inServerContext(context, node)) {
          const what = `${getCalleePath(node) ?? 'helper'}() (${outcome.status})`;
          const details = { what, status: outcome.status, reason: reasonFor(outcome.status), propagates: outcome.kind !== 'response', errorName: outcome.errorName };
          record(node, details, outcome.kind === 'response');
          return;
        }
      }
      // A failed credential check answered without a status: res.json({ ok: false }), res.redirect('/login').
      const credential = isPlainResponse(context, node) ? credentialFailureAt(context, node) : null;
      if (credential) {
        record(node, { what: describeCredentialFailure(credential), status: null, reason: credential, propagates: false, errorName: null }, true);
      }
    }

    function isAudited(rejection: Rejection): boolean {
      if (!rejection.propagates) return false;
      if (elsewhere === true) return true;
      if (Array.isArray(elsewhere) && errorNameMatches(elsewhere, rejection.errorName)) return true;
      audits ??= functions.map((fn) => getErrorHandlerAudit(context, fn)).filter((a): a is ErrorHandlerAudit => a !== null);
      return audits.some((audit) => auditLogsError(context, audit, rejection.errorName, rejection.status ?? 500));
    }

    function report(rejection: Rejection): void {
      if (warnAnyTracker && !unloggedAtWarnAtAll.has(rejection)) {
        reportMissingFields(rejection);
        return;
      }
      // Every path logs, but only below warn, and a quiet log sits in the failing branch itself
      // (a "request received" debug line at the top of the handler does not log the failure).
      const log = unloggedAtAll.has(rejection) ? null : lastInBranchBefore(quietLogs, rejection.anchor, rejection.region);
      if (log) {
        const raise = raiseToWarn(context, log);
        context.report({
          node: rejection.node,
          messageId: 'tooQuiet',
          data: { what: rejection.what },
          suggest: raise ? [{ messageId: 'raiseLevel', data: { from: raise.from, to: raise.to }, fix: raise.fix }] : [],
        });
        return;
      }
      const target = handlerLogTarget(context, rejection.handler, rejection.anchor);
      const event = eventLogField(schema, rejection.reason);
      const extra = event ? [event] : [];
      const fix = rejection.fixable ? authFailureLogFix(context, rejection, target, 'setting', extra) : null;
      // identity: 'hash' without a fingerprint helper: the autofix leaves the identity out; a suggestion hashes it inline.
      const hashed = rejection.fixable && identityNeedsInlineHash(context, rejection.anchor) ? authFailureLogFix(context, rejection, target, 'inline-hash', extra) : null;
      // A required field the fix cannot derive is not invented: the log it writes is a suggestion to complete.
      const written = authFailureLogFields(context, rejection, extra).map((f) => f.key);
      const complete = schema.keys.every((key) => written.includes(key));
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
        fix: target.configured && complete ? fix : null,
        suggest,
      });
    }

    /** A warn log on every path, but not one that carries the schema's fields: name what the last one in the branch lacks. */
    function reportMissingFields(rejection: Rejection): void {
      const log = lastInBranchBefore(incompleteLogs, rejection.anchor, rejection.region);
      const missing = log ? missingLogFields(context, log, schema.keys) : [...schema.keys];
      const fields = missing.join(', ');
      const values = log ? derivableSchemaFields(context, schema, rejection.reason, rejection.handler, log) : new Map<string, string>();
      const derivable = missing.filter((key) => values.has(key)).map((key) => ({ key, value: values.get(key)! }));
      const edit = log ? addLogFieldsFix(context, log, derivable) : null;
      const all = derivable.length === missing.length;
      context.report({
        node: rejection.node,
        messageId: 'missingFields',
        data: { what: rejection.what, fields },
        fix: edit && edit.known && all ? edit.fix : null,
        suggest: edit ? [{ messageId: 'addFields', data: { fields: derivable.map((f) => f.key).join(', ') }, fix: edit.fix }] : [],
      });
    }

    function onFunction(fn: AnyFunction): void {
      warnTracker.openRegion(fn);
      anyTracker.openRegion(fn);
      warnAnyTracker?.openRegion(fn);
      functions.push(fn);
    }

    return mergeListeners(warnTracker.listeners, anyTracker.listeners, warnAnyTracker?.listeners ?? {}, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      CallExpression(node: TSESTree.CallExpression) {
        const level = securityLogLevel(context, node);
        if (level) {
          anyTracker.mark(node);
          if (!isAtLeast(level, 'warn')) quietLogs.push(node);
          else if (!warnAnyTracker) warnTracker.mark(node);
          else {
            warnAnyTracker.mark(node);
            if (missingLogFields(context, node, schema.keys).length === 0) warnTracker.mark(node);
            else incompleteLogs.push(node);
          }
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
        if (onStatusWrite(node)) return;
        // Koa: ctx.body = { error } on a failed credential check
        const credential = node.left.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node.left) === 'body' ? credentialFailureAt(context, node) : null;
        if (credential && findEnclosingHandler(context, node)?.framework === 'koa') {
          record(node, { what: describeCredentialFailure(credential), status: null, reason: credential, propagates: false, errorName: null }, true);
        }
      },
      ThrowStatement(node: TSESTree.ThrowStatement) {
        for (const leaf of thrownValues(node.argument)) {
          const outcome = getHttpOutcome(context, leaf);
          if (outcome && statuses.has(outcome.status) && (outcome.kind === 'error' || outcome.kind === 'response')) {
            if (onOutcome(node, { ...outcome, kind: 'throw' })) return;
          }
        }
        // if (!(await bcrypt.compare(...))) throw new Error('Invalid credentials')
        const credential = credentialFailureAt(context, node);
        const arg = skipTransparent(node.argument);
        if (credential && (arg.type === AST_NODE_TYPES.NewExpression || arg.type === AST_NODE_TYPES.CallExpression || arg.type === AST_NODE_TYPES.ObjectExpression)) {
          const outcome = getHttpOutcome(context, arg);
          // A catch around a token check also catches network failures: a 5xx or a timeout
          // thrown from it reports the server's failure, not a rejected caller.
          if (outcome && (outcome.status >= 500 || outcome.status === 408)) return;
          if (outcome && answersLinkToken(node, credential, outcome.status)) return;
          const name = arg.type === AST_NODE_TYPES.NewExpression ? getCalleePath(arg) : null;
          record(node, {
            what: describeCredentialFailure(credential),
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
        const info = guardDenial(context, node);
        if (info) record(node, { what: 'the guard returning false (403)', status: 403, reason: 'guard_denied', propagates: true, errorName: 'ForbiddenException', handler: info });
      },
      'Program:exit'() {
        for (const rejection of rejections) {
          if (!unloggedAtWarn.has(rejection) || isAudited(rejection) || callersLog(rejection)) continue;
          report(rejection);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;
  },
});

