import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type AnyFunction, getEnclosingFunction } from '../model/ast.js';
import { thrownClassName } from '../model/errors.js';
import { inServerContext } from '../model/auth-responses.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { buildLogCall } from '../fixes/log-call.js';
import { logTargetAt } from '../fixes/log-target.js';
import { answeringStatement, insertLogBeforeFix } from '../fixes/log-before-statement.js';
import { findEnclosingHandler, isErrorHandler } from '../model/handlers.js';
import { type HttpOutcome, getHttpOutcome } from '../model/http-outcomes.js';
import { enclosingStatement, initializesVariable } from '../model/placement.js';
import { type LogLevel, LOG_LEVELS, getLoggingLevel, isAtLeast } from '../model/loggers.js';
import { type ValidationCheck, type ValidationLibrary, failingCheck, isValidationErrorName, namesFailures } from '../model/validation.js';

export type Options = [{ level?: LogLevel; coveredByRequestLog?: boolean }];
export type MessageIds = 'unloggedValidationFailure' | 'addLog';

interface Failure {
  node: TSESTree.Node;
  status: number;
  check: ValidationCheck;
  /** Thrown or handed on: an error handler or the request logger may see it. */
  propagates: boolean;
}

const FAILURE_STATUSES = new Set([400, 422]);
const LIBRARY_NAMES: Record<ValidationLibrary, string> = {
  zod: 'zod',
  joi: 'Joi',
  'express-validator': 'express-validator',
  ajv: 'Ajv',
  'class-validator': 'class-validator',
  yup: 'Yup',
  fastify: 'Fastify schema validation',
};

export default createRule<Options, MessageIds>({
  name: 'log-validation-failures',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require request validation failures answered with 400/422 to be logged with the failing fields and issue codes',
      recommended: 'strict',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
    },
    hasSuggestions: true,
    messages: {
      unloggedValidationFailure:
        'This {{status}} answers a failed {{library}} validation, and no log at {{level}} or above on this path names what failed. Probing and injection attempts show up first as validation failures: log the failing paths and issue codes (never the submitted values).',
      addLog: 'Log the failing paths and issue codes before answering.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: {
            type: 'string',
            enum: [...LOG_LEVELS],
            description: 'Require the log to be at this level or above (`info` by default).',
          },
          coveredByRequestLog: {
            type: 'boolean',
            description:
              'Allow thrown or forwarded validation errors without a log here, because your request logger or central error handler (in another file) logs 4xx errors with their issues; responses written directly are still checked.',
          },
        },
      },
    ],
    defaultOptions: [{ level: 'info', coveredByRequestLog: false }],
  },
  create(context, [options]) {
    const minimum = options.level ?? 'info';
    const failures: Failure[] = [];
    const recorded = new Set<TSESTree.Node>();
    const unlogged = new Set<Failure>();
    let errorHandlerLogs = false;
    const tracker = createPathTracker<Failure>((cp) => unlogged.add(cp.data));

    function onFunction(fn: AnyFunction): void {
      tracker.openRegion(fn);
    }

    function onOutcome(node: TSESTree.Node, outcome: HttpOutcome | null, thrownName: string | null = null): void {
      // One answer per statement: `res.status(400).json(…)` is two outcome calls.
      const statement = enclosingStatement(node);
      if (recorded.has(statement) || !tracker.isReachable()) return;
      const status = outcome?.status ?? (thrownName !== null && isValidationErrorName(thrownName) ? 400 : null);
      if (status === null || !FAILURE_STATUSES.has(status)) return;
      const kind = outcome?.kind ?? 'throw';
      if (kind === 'error') return;
      const check = failingCheck(context, node);
      if (!check) return;
      if (kind === 'response') {
        if (!findEnclosingHandler(context, node) || initializesVariable(node)) return;
      } else if (!outcome?.frameworkError && !inServerContext(context, node)) {
        return;
      }
      const region = getEnclosingFunction(node);
      if (!region) return;
      const failure: Failure = { node, status, check, propagates: kind !== 'response' };
      recorded.add(statement);
      failures.push(failure);
      tracker.require(node, region, failure, { acceptLaterInSegment: false });
    }

    // ----- report and fix ------------------------------------------------------------

    function report(failure: Failure): void {
      const fix = buildFix(failure);
      context.report({
        node: failure.node,
        messageId: 'unloggedValidationFailure',
        data: { status: String(failure.status), library: LIBRARY_NAMES[failure.check.library], level: minimum },
        suggest: fix ? [{ messageId: 'addLog', fix }] : [],
      });
    }

    function buildFix(failure: Failure): TSESLint.ReportFixFunction | null {
      const issues = failure.check.issues;
      if (issues === null) return null;
      const at = answeringStatement(failure.node);
      if (!at) return null;
      const target = logTargetAt(context, at);
      const level: LogLevel = isAtLeast(minimum, 'info') ? minimum : 'info';
      const log = `${buildLogCall(target, { level, message: 'Request validation failed', fields: [{ key: 'issues', value: issues }] })};`;
      return insertLogBeforeFix(context, at, log, target);
    }

    return mergeListeners(tracker.listeners, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      CallExpression(node: TSESTree.CallExpression) {
        const level = getLoggingLevel(context, node);
        if (level && isAtLeast(level, minimum)) {
          if (namesFailures(context, node)) tracker.mark(node);
          const handler = findEnclosingHandler(context, node);
          if (handler && isErrorHandler(handler)) errorHandlerLogs = true;
          return;
        }
        onOutcome(node, getHttpOutcome(context, node));
      },
      NewExpression(node: TSESTree.NewExpression) {
        const outcome = getHttpOutcome(context, node);
        if (outcome?.kind === 'response') onOutcome(node, outcome);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        onOutcome(node, getHttpOutcome(context, node));
      },
      ThrowStatement(node: TSESTree.ThrowStatement) {
        const outcome = getHttpOutcome(context, node);
        if (outcome) {
          onOutcome(node, outcome);
          return;
        }
        const name = thrownClassName(node);
        if (name !== null) onOutcome(node, null, name);
      },
      'Program:exit'() {
        for (const failure of failures) {
          if (!unlogged.has(failure)) continue;
          if (failure.propagates && (options.coveredByRequestLog || errorHandlerLogs)) continue;
          report(failure);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;
  },
});
