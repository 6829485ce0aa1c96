import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, getEnclosingFunction, getPropertyName, skipTransparent } from '../model/ast.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { type LogTarget, buildLogCall, requestLogFields } from '../fixes/log-call.js';
import { insertLogLineBeforeFix } from '../fixes/log-before-statement.js';
import { handlerLogTarget } from '../fixes/auth-log.js';
import { limiterHookFix } from '../fixes/rate-limit-hook.js';
import { type HandlerInfo, findEnclosingHandler } from '../model/handlers.js';
import { getHttpOutcome } from '../model/http-outcomes.js';
import { isInNestClass } from '../model/nest.js';
import { findLogAnchor } from '../model/placement.js';
import { getRequestContextExpressions } from '../model/request-context.js';
import { getLoggingLevel, isAtLeast, logsSomewhereAtLeast } from '../model/loggers.js';
import {
  LIMIT_HOOKS,
  type RateLimiterCreation,
  getLimiterHooks,
  getRateLimiterCreation,
  isLimiterHookFunction,
  isThrottlerGuard,
  isThrottlerGuardUse,
  mayMentionRateLimits,
  relaysUpstream429,
  throttlingExceptionOverride,
} from '../model/rate-limits.js';
import { isTestFile } from '../model/servers.js';

export type Options = [{ includeThrown?: boolean; loggedElsewhere?: boolean }];
export type MessageIds = 'limiterUnlogged' | 'hookUnlogged' | 'throttlerUnlogged' | 'handWrittenUnlogged' | 'addHook' | 'logViolation';

const MESSAGE = 'Rate limit exceeded';

interface Site {
  node: TSESTree.Node;
  anchor: TSESTree.Node;
  region: AnyFunction;
  handler: HandlerInfo | null;
  thrown: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'log-rate-limit-violations',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require rate limiters and hand-written 429 answers to log each violation at warn or above',
      recommended: 'strict',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      limiterUnlogged:
        '{{library}} answers 429 without a log: its default {{hook}} logs nothing, so brute force and credential stuffing leave no record. Give it a `{{hook}}` that logs the violation at warn (IP, route, limit).',
      hookUnlogged: "This rate limiter's `{{hook}}` does not log at warn or above: log the violation (IP, route, limit) so that abuse can be alerted on.",
      throttlerUnlogged:
        "{{what}} throws a ThrottlerException that Nest's exception filter does not log. Override `throwThrottlingException` in a ThrottlerGuard subclass to log the violation at warn (IP, route, limit) before throwing.",
      handWrittenUnlogged: 'This path answers 429 Too Many Requests without a log at warn or above. Log the violation (IP, route, limit) before it.',
      addHook: 'Add a `{{hook}}` that logs with {{call}} and answers as the default does.',
      logViolation: 'Log the violation with {{call}} before it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          includeThrown: {
            type: 'boolean',
            description:
              'Require a log before thrown or forwarded 429 errors too (`throw new HttpException(…, 429)`, `next(createError(429))`, `ctx.throw(429)`), for apps whose error handler does not log 4xx answers at warn or above.',
          },
          loggedElsewhere: {
            type: 'boolean',
            description:
              'Allow the Nest ThrottlerGuard (and, with includeThrown, thrown 429 errors) without a log here because an exception filter or error handler in another file logs 429s at warn or above.',
          },
        },
      },
    ],
    defaultOptions: [{ includeThrown: false, loggedElsewhere: false }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    // Every case needs a limiter package, Nest's throttler or a 429 in the text: skip the rest
    // of the files without paying for code-path events and import lookups on each call.
    if (!mayMentionRateLimits(sourceCode.text)) return {};
    const hookFunctions = new Set<AnyFunction>();
    const sites: Site[] = [];
    const unlogged = new Set<Site>();
    const tracker = createPathTracker<Site>((cp) => unlogged.add(cp.data));

    function checkCreation(creation: RateLimiterCreation): void {
      if (creation.opaque) return;
      const hooks = LIMIT_HOOKS[creation.library];
      const { hooks: fns, opaque } = getLimiterHooks(context, creation);
      for (const { fn } of fns) hookFunctions.add(fn);
      if (fns.length > 0 || opaque) {
        // Any hook that logs is enough; a hook from elsewhere is trusted.
        if (opaque || fns.some(({ fn }) => logsSomewhereAtLeast(context, fn, 'warn'))) return;
        context.report({ node: fns[0]!.prop, messageId: 'hookUnlogged', data: { hook: getPropertyName(fns[0]!.prop) ?? hooks[0]! } });
        return;
      }
      const hook = hooks[0]!;
      const fix = limiterHookFix(context, creation);
      context.report({
        node: creation.call,
        messageId: 'limiterUnlogged',
        data: { library: creation.library, hook },
        fix: fix && fix.target.configured ? fix.fix : null,
        suggest: fix ? [{ messageId: 'addHook', data: { hook, call: fix.call }, fix: fix.fix }] : [],
      });
    }

    // ----- @nestjs/throttler -------------------------------------------------------

    function checkThrottlerClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
      if (!node.superClass || !isThrottlerGuard(context, node.superClass)) return;
      const method = throttlingExceptionOverride(node);
      if (method) {
        if (method.value.type === AST_NODE_TYPES.FunctionExpression && !logsSomewhereAtLeast(context, method.value, 'warn')) context.report({ node: method.key, messageId: 'hookUnlogged', data: { hook: 'throwThrottlingException' } });
        return;
      }
      if (options.loggedElsewhere) return;
      context.report({ node: node.id ?? node, messageId: 'throttlerUnlogged', data: { what: `${node.id?.name ?? 'This guard'} (a ThrottlerGuard)` } });
    }

    /** `{ provide: APP_GUARD, useClass: ThrottlerGuard }`, `@UseGuards(ThrottlerGuard)`, `useGlobalGuards(new ThrottlerGuard(…))`. */
    function checkThrottlerUse(node: TSESTree.Identifier): void {
      if (options.loggedElsewhere || !isThrottlerGuardUse(context, node)) return;
      context.report({ node, messageId: 'throttlerUnlogged', data: { what: 'The stock ThrottlerGuard' } });
    }

    // ----- hand-written 429 answers ---------------------------------------------------

    function on429(node: TSESTree.Node): void {
      const outcome = getHttpOutcome(context, node);
      if (!outcome || outcome.status !== 429 || outcome.kind === 'error') return;
      const thrown = outcome.kind !== 'response';
      // A thrown or forwarded error reaches an error handler, which usually logs it.
      if (thrown && (!options.includeThrown || options.loggedElsewhere)) return;
      const region = getEnclosingFunction(node);
      if (!region || !tracker.isReachable()) return;
      const handler = findEnclosingHandler(context, node);
      if (!handler && !thrown) return;
      if (thrown && !handler && !isInNestClass(context, node)) return;
      if (relaysUpstream429(node, region)) return;
      const { anchor } = findLogAnchor(node, region);
      if (sites.some((s) => s.anchor === anchor)) return;
      const site: Site = { node, anchor, region, handler, thrown };
      sites.push(site);
      tracker.require(node, region, site, { acceptLaterInSegment: anchor.type === AST_NODE_TYPES.ExpressionStatement });
    }

    function reportSite(site: Site): void {
      const target = handlerLogTarget(context, site.handler, site.anchor);
      const fix = siteFix(site, target);
      context.report({
        node: site.node,
        messageId: 'handWrittenUnlogged',
        fix: fix && target.configured ? fix : null,
        suggest: fix ? [{ messageId: 'logViolation', data: { call: `${target.expression}.warn` }, fix }] : [],
      });
    }

    function siteFix(site: Site, target: LogTarget): TSESLint.ReportFixFunction | null {
      if (site.anchor === site.region.body) return null;
      const fields = site.handler ? requestLogFields(getRequestContextExpressions(context, site.handler, site.anchor)) : [];
      return insertLogLineBeforeFix(context, site.anchor, `${buildLogCall(target, { level: 'warn', message: MESSAGE, fields })};`, target);
    }

    function onFunction(fn: AnyFunction): void {
      tracker.openRegion(fn);
    }

    return mergeListeners(tracker.listeners, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      ClassDeclaration: checkThrottlerClass,
      ClassExpression: checkThrottlerClass,
      Identifier: checkThrottlerUse,
      CallExpression(node: TSESTree.CallExpression) {
        const level = getLoggingLevel(context, node);
        if (level && isAtLeast(level, 'warn')) {
          tracker.mark(node);
          return;
        }
        const creation = getRateLimiterCreation(context, node);
        if (creation) {
          checkCreation(creation);
          return;
        }
        on429(node);
      },
      NewExpression(node: TSESTree.NewExpression) {
        const outcome = getHttpOutcome(context, node);
        if (outcome?.kind === 'response') on429(node);
      },
      AssignmentExpression: on429,
      ThrowStatement(node: TSESTree.ThrowStatement) {
        const arg = skipTransparent(node.argument);
        const outcome = getHttpOutcome(context, arg);
        if (outcome && outcome.status === 429) on429Thrown(node);
      },
      'Program:exit'() {
        for (const site of sites) {
          if (!unlogged.has(site) || hookFunctions.has(site.region) || isLimiterHookFunction(site.region)) continue;
          reportSite(site);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;

    function on429Thrown(node: TSESTree.ThrowStatement): void {
      if (!options.includeThrown || options.loggedElsewhere) return;
      const region = getEnclosingFunction(node);
      if (!region || !tracker.isReachable()) return;
      const handler = findEnclosingHandler(context, node);
      if (!handler && !isInNestClass(context, node)) return;
      if (sites.some((s) => s.anchor === node)) return;
      const site: Site = { node, anchor: node, region, handler, thrown: true };
      sites.push(site);
      tracker.require(node, region, site);
    }

  },
});
