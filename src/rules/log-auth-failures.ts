import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, getEnclosingFunction, isFunctionNode } from '../model/ast.js';
import { mentionsAuthFailure } from '../model/auth-mentions.js';
import { callersLogAround, isRejectionHelper, translatesOtherError } from '../model/auth-responses.js';
import { securityLogLevel } from '../model/credential-checks.js';
import { type ErrorHandlerAudit, auditLogsError, catchingClause, caughtAndLogged, handsCaughtErrorOn, errorNameMatches, getErrorHandlerAudit } from '../model/error-handler-audit.js';
import { type HandlerInfo, findEnclosingHandler } from '../model/handlers.js';
import { globalFilterLogs } from '../model/global-filters.js';
import { importersCatchAndRecord } from '../model/importer-catches.js';
import { getLoggerCall, isAtLeast } from '../model/loggers.js';
import { missingLogFields } from '../model/log-fields.js';
import { findLogAnchor, isInTestCode, lastInBranchBefore } from '../model/placement.js';
import { type RejectionSite, assignmentRejectionSites, markExpiredSites, callRejectionSites, newRejectionSites, returnRejectionSites, statusClearingWrite, throwRejectionSites } from '../model/rejection-sites.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { AUTH_LOG_SCHEMA_PROPERTIES, type AuthLogSchemaOptions, readAuthLogSchema } from '../core/rule-options.js';
import { eventLogField, missingFieldsRepair } from '../fixes/auth-log-fields.js';
import { type AuthFailureReason, authFailureLogFields, authFailureLogFix, describeCredentialFailure, handlerLogTarget, identityNeedsInlineHash, raiseToWarn } from '../fixes/auth-log.js';

export type Options = [
  {
    includeRateLimit?: boolean;
    includeNonAccessControl?: boolean;
    includeAnonymous?: boolean;
    includeExpired?: boolean;
    auditedElsewhere?: boolean | string[];
  } & AuthLogSchemaOptions,
];
export type MessageIds = 'unlogged' | 'unloggedExpired' | 'tooQuiet' | 'missingFields' | 'logFailure' | 'logFailureWithIdentity' | 'raiseLevel' | 'addFields';

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
      // includeNonAccessControl stays off in strict: on the accuracy harness, the 403s it adds
      // (paywalls, feature flags, settings locked by the environment, routing rules) were 1 true
      // in 55 judged findings. Teams that alert on every 403 turn it on themselves.
      // includeAnonymous is on in strict: a 401 to a request with no session, header or token is what
      // every protected route answers a logged-out browser; alerting on probing wants it, triage does not.
      // includeExpired is on in strict for the same reason: an expired token is the normal refresh trigger.
      strictOptions: { includeAnonymous: true, includeExpired: true, requiredFields: ['ip', 'reason'] },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unlogged:
        'Unlogged auth failure: this path ends in {{what}} without a log at warn or above. Log the rejection with its reason, method, path, IP and user agent before it, so that brute force and probing can be alerted on.',
      unloggedExpired:
        'Unlogged refusal of an expired credential: this path ends in {{what}} without a log at warn or above. Log the refusal with its reason (expired), method, path, IP and user agent before it, so that replayed old tokens and broken session refreshes can be traced.',
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
          includeAnonymous: {
            type: 'boolean',
            description:
              'Require 401/403 answers to be logged even when they refuse a caller who presented no identity or credential: no session user (`!req.user`, `!ctx.state.user`), no Authorization header, no token cookie, `req.isAuthenticated()` false. A credential that was presented and failed is always reported.',
          },
          includeExpired: {
            type: 'boolean',
            description:
              'Require 401/403 answers to be logged even when they refuse a credential only because it expired: `err instanceof TokenExpiredError`, `info.name === \'TokenExpiredError\'`, `session.expiresAt <= Date.now()`, `isExpired(token)`. A forged, unknown or revoked credential is always reported.',
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
    defaultOptions: [{ includeRateLimit: false, includeNonAccessControl: false, includeAnonymous: false, includeExpired: false, auditedElsewhere: false, requiredFields: [] }],
  },
  create(context, [options]) {
    // Nothing in the file a rejection could be recognized from: no regions, no path tracking.
    if (!mentionsAuthFailure(context.sourceCode)) return {};
    const siteOptions = { statuses: new Set([401, 403, ...(options.includeRateLimit ? [429] : [])]), includeNonAccessControl: options.includeNonAccessControl ?? false, includeAnonymous: options.includeAnonymous ?? false, includeExpired: options.includeExpired ?? false };
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
    const anyTracker = createPathTracker<Rejection>((cp) => unloggedAtAll.add(cp.data), warnTracker);
    const warnAnyTracker = schema.keys.length > 0 ? createPathTracker<Rejection>((cp) => unloggedAtWarnAtAll.add(cp.data), warnTracker) : null;

    function record(
      node: TSESTree.Node,
      details: Pick<Rejection, 'what' | 'status' | 'reason' | 'propagates' | 'errorName'> & { handler?: HandlerInfo | null; fixable?: false; clearedBy?: TSESTree.Node[] },
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
      };
      byAnchor.set(anchor, rejection);
      rejections.push(rejection);
      const paths = { acceptLaterInSegment: acceptLater && anchor.type === AST_NODE_TYPES.ExpressionStatement, ...(details.clearedBy ? { clearedBy: details.clearedBy } : {}) };
      warnTracker.require(node, region, rejection, paths);
      anyTracker.require(node, region, rejection, paths);
      warnAnyTracker?.require(node, region, rejection, paths);
    }

    /** In a same-file helper a handler calls (`assertAdmin(req.user)`, also through other helpers): every caller logs it on that path (a `catch` or a tested result that logs). */
    function callersLog(rejection: Rejection): boolean {
      const isWarnLog = (call: TSESTree.CallExpression) => {
        const level = securityLogLevel(context, call);
        return !!level && isAtLeast(level, 'warn');
      };
      return callersLogAround(context, rejection.region, isWarnLog);
    }

    /** Thrown inside a `try` of its own function whose `catch` logs it at warn (error-handler-audit.ts). */
    function catchLogs(rejection: Rejection): boolean {
      return rejection.propagates && caughtAndLogged(context, rejection.node, rejection.status ?? 401, (call) => {
        const level = securityLogLevel(context, call);
        return !!level && isAtLeast(level, 'warn');
      });
    }

    /**
     * One refusal, one finding: a rejection thrown inside a `try` whose `catch` in the same function answers a
     * rejection of its own (`catch (err) { throw new SessionError(TRY_REFRESH_TOKEN) }`, `res.status(401)`) reaches
     * the caller as that answer; the catch's site is the one reported (or logged). A catch that hands the caught
     * error on (`throw e`, `next(e)` on some path) lets the thrown rejection through as it is: it stays a site.
     */
    function answeredByCatch(rejection: Rejection): boolean {
      if (rejection.node.type !== AST_NODE_TYPES.ThrowStatement) return false;
      const clause = catchingClause(rejection.node);
      if (!clause || handsCaughtErrorOn(context, clause)) return false;
      return rejections.some((other) => other !== rejection && other.node.range[0] >= clause.body.range[0] && other.node.range[1] <= clause.body.range[1]);
    }

    /** Thrown by an exported helper whose every caller in another project file catches it and logs it or answers it (importer-catches.ts). */
    function callersInOtherFilesRecord(rejection: Rejection): boolean {
      return rejection.propagates && !rejection.handler && importersCatchAndRecord(context, rejection.region);
    }

    function recordAll(sites: readonly RejectionSite[]): void {
      for (const site of markExpiredSites(siteOptions, sites)) record(site.node, site, site.acceptLater ?? false);
    }

    function isAudited(rejection: Rejection): boolean {
      if (!rejection.propagates) return false;
      if (elsewhere === true) return true;
      if (Array.isArray(elsewhere) && errorNameMatches(elsewhere, rejection.errorName)) return true;
      audits ??= functions.map((fn) => getErrorHandlerAudit(context, fn)).filter((a): a is ErrorHandlerAudit => a !== null);
      if (audits.some((audit) => auditLogsError(context, audit, rejection.errorName, rejection.status ?? 500))) return true;
      // A NestJS filter the application registers for every request (`app.useGlobalFilters(…)`, `APP_FILTER`).
      return globalFilterLogs(context, rejection.node, rejection.errorName, rejection.status ?? 500);
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
        messageId: rejection.reason === 'expired_credential' ? 'unloggedExpired' : 'unlogged',
        data: { what: rejection.what },
        fix: target.configured && complete ? fix : null,
        suggest,
      });
    }

    /** A warn log on every path, but not one that carries the schema's fields: name what the last one in the branch lacks. */
    function reportMissingFields(rejection: Rejection): void {
      const log = lastInBranchBefore(incompleteLogs, rejection.anchor, rejection.region);
      const repair = missingFieldsRepair(context, schema, log, rejection.reason, rejection.handler);
      context.report({
        node: rejection.node,
        messageId: 'missingFields',
        data: { what: rejection.what, fields: repair.missing },
        fix: repair.fix,
        suggest: repair.suggestion ? [{ messageId: 'addFields', data: { fields: repair.suggestion.fields }, fix: repair.suggestion.fix }] : [],
      });
    }

    /**
     * How many functions enclose the node being visited. Outside every function nothing counts: a site there has no
     * region (record drops it), and a mark there lies in the program's (or a class field's) code path, where no region
     * is opened, and is no quiet log of any region (lastInBranchBefore reads the region's own). So those nodes are not
     * asked anything — a module's top level is mostly `require`s, registrations and definitions.
     */
    let functionDepth = 0;

    function onFunction(fn: AnyFunction): void {
      functionDepth += 1;
      warnTracker.openRegion(fn);
      anyTracker.openRegion(fn);
      warnAnyTracker?.openRegion(fn);
      functions.push(fn);
    }

    function onFunctionExit(): void {
      functionDepth -= 1;
    }

    return mergeListeners(warnTracker.listeners, anyTracker.listeners, warnAnyTracker?.listeners ?? {}, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      'FunctionDeclaration:exit': onFunctionExit,
      'FunctionExpression:exit': onFunctionExit,
      'ArrowFunctionExpression:exit': onFunctionExit,
      CallExpression(node: TSESTree.CallExpression) {
        if (functionDepth === 0) return;
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
        recordAll(callRejectionSites(context, siteOptions, node, describeCredentialFailure));
      },
      NewExpression(node: TSESTree.NewExpression) {
        if (functionDepth > 0) recordAll(newRejectionSites(context, siteOptions, node));
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (functionDepth === 0) return;
        // `status = 200` after `let status = 401`: this path answers no rejection.
        if (statusClearingWrite(context, siteOptions, node)) for (const tracker of [warnTracker, anyTracker, warnAnyTracker]) tracker?.mark(node, node);
        recordAll(assignmentRejectionSites(context, siteOptions, node, describeCredentialFailure));
      },
      ThrowStatement(node: TSESTree.ThrowStatement) {
        if (functionDepth > 0) recordAll(throwRejectionSites(context, siteOptions, node, describeCredentialFailure));
      },
      ReturnStatement(node: TSESTree.ReturnStatement) {
        if (functionDepth > 0) recordAll(returnRejectionSites(context, siteOptions, node));
      },
      'Program:exit'() {
        for (const rejection of rejections) {
          if (!unloggedAtWarn.has(rejection) || answeredByCatch(rejection) || isAudited(rejection) || callersLog(rejection) || catchLogs(rejection) || callersInOtherFilesRecord(rejection)) continue;
          report(rejection);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;
  },
});

