import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  findEnclosingClass,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  walkSameFunction,
} from '../model/ast.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { lineIndent } from '../fixes/edits.js';
import { importFix } from '../fixes/imports.js';
import { buildLogCall } from '../fixes/log-call.js';
import { getLogTarget } from '../fixes/log-target.js';
import { isNameInScope } from '../fixes/names.js';
import { findEnclosingHandler, getHandlerInfo, isErrorHandler } from '../model/handlers.js';
import { type HttpOutcome, getHttpOutcome } from '../model/http-outcomes.js';
import { isNestClass } from '../model/nest.js';
import { type LogLevel, LOG_LEVELS, getLoggingLevel, isAtLeast } from '../model/loggers.js';
import { getImportSource } from '../model/modules.js';

export type Options = [{ level?: LogLevel; coveredByRequestLog?: boolean }];
export type MessageIds = 'unloggedValidationFailure' | 'addLog';

type Library = 'zod' | 'joi' | 'express-validator' | 'ajv' | 'class-validator' | 'yup' | 'fastify';

/** A recognised validation check: which library, and an expression for the failing paths and codes. */
interface Check {
  library: Library;
  /** Text of an expression listing `{ path, code }` of the failures, or null when nothing names them (an inline check). */
  issues: string | null;
}

interface Failure {
  node: TSESTree.Node;
  status: number;
  check: Check;
  /** Thrown or handed on: an error handler or the request logger may see it. */
  propagates: boolean;
}

const FAILURE_STATUSES = new Set([400, 422]);
/** App error classes that answer 400 / 422 by name (`InvalidPayloadError`, `ValidationException`). */
const VALIDATION_ERROR_NAME = /(?:^|[a-z])(?:Validation|InvalidPayload|InvalidInput|InvalidQuery|InvalidRequest|BadRequest|Unprocessable)(?:Error|Exception)$/u;
/** Members whose presence in a log call names the failures (`parsed.error.issues`, `error.details`, `errors.array()`). */
const ISSUE_MEMBERS = new Set(['issues', 'errors', 'details', 'inner', 'validation', 'flatten', 'format', 'array', 'mapped', 'path', 'instancePath', 'property', 'constraints', 'keyword']);

const LIBRARY_NAMES: Record<Library, string> = {
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
    const sourceCode = context.sourceCode;
    const failures: Failure[] = [];
    const recorded = new Set<TSESTree.Node>();
    const unlogged = new Set<Failure>();
    let errorHandlerLogs = false;
    const tracker = createPathTracker<Failure>((cp) => unlogged.add(cp.data));

    function onFunction(fn: AnyFunction): void {
      tracker.openRegion(fn);
    }

    function onOutcome(node: TSESTree.Node, outcome: HttpOutcome | null, thrownName: string | null = null): void {
      const statement = enclosingStatement(node);
      if (recorded.has(statement) || !tracker.isReachable()) return;
      const status = outcome?.status ?? (thrownName !== null && VALIDATION_ERROR_NAME.test(thrownName) ? 400 : null);
      if (status === null || !FAILURE_STATUSES.has(status)) return;
      const kind = outcome?.kind ?? 'throw';
      if (kind === 'error') return;
      const check = failingCheck(node);
      if (!check) return;
      if (kind === 'response') {
        if (!findEnclosingHandler(context, node) || isVariableInit(node)) return;
      } else if (!outcome?.frameworkError && !inServerContext(node)) {
        return;
      }
      const region = getEnclosingFunction(node);
      if (!region) return;
      const failure: Failure = { node, status, check, propagates: kind !== 'response' };
      recorded.add(statement);
      failures.push(failure);
      tracker.require(node, region, failure, { acceptLaterInSegment: false });
    }

    /** One answer per statement: `res.status(400).json(…)` is two outcome calls. */
    function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
      let current: TSESTree.Node = node;
      while (current.parent && !isFunctionNode(current.parent) && !/Statement$|Declaration$/u.test(current.type)) current = current.parent;
      return current;
    }

    function inServerContext(node: TSESTree.Node): boolean {
      if (findEnclosingHandler(context, node)) return true;
      const cls = findEnclosingClass(node);
      return !!cls && isNestClass(context, cls);
    }

    function isVariableInit(node: TSESTree.Node): boolean {
      let current: TSESTree.Node | undefined = node.parent;
      while (current && (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.TSAsExpression)) current = current.parent;
      return current?.type === AST_NODE_TYPES.VariableDeclarator;
    }

    // ----- where a validation failed -----------------------------------------------

    /** The validation check whose failing branch `node` is on, within its function. */
    function failingCheck(node: TSESTree.Node): Check | null {
      let child: TSESTree.Node = node;
      let current = node.parent;
      while (current && !isFunctionNode(current)) {
        if (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) {
          const branch = current.consequent === child ? true : current.alternate === child ? false : null;
          if (branch !== null) {
            const verdict = classifyTest(current.test);
            if (verdict && verdict.failsWhen === branch) return verdict.check;
          }
        }
        child = current;
        current = current.parent;
      }
      return null;
    }

    /** `!parsed.success` fails when true; `parsed.success` fails when false. */
    function classifyTest(test: TSESTree.Node, depth = 0): { check: Check; failsWhen: boolean } | null {
      if (depth > 4) return null;
      const n = skipTransparent(test);
      if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
        const inner = classifyTest(n.argument, depth + 1);
        return inner ? { check: inner.check, failsWhen: !inner.failsWhen } : null;
      }
      if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '&&') {
        // Both must hold on the consequent: a failure test on either side makes it a failing branch.
        for (const side of [n.left, n.right]) {
          const v = classifyTest(side, depth + 1);
          if (v?.failsWhen === true) return v;
        }
        return null;
      }
      if (n.type === AST_NODE_TYPES.BinaryExpression) {
        const literal = (x: TSESTree.Node) => (x.type === AST_NODE_TYPES.Literal ? x.value : undefined);
        if (n.operator === 'instanceof') return instanceofCheck(n);
        const eq = n.operator === '===' || n.operator === '==';
        const ne = n.operator === '!==' || n.operator === '!=';
        if (eq || ne) {
          const [expr, value] = literal(n.right) !== undefined ? [n.left, literal(n.right)] : [n.right, literal(n.left)];
          if (typeof value === 'boolean') {
            const inner = classifyTest(expr as TSESTree.Node, depth + 1);
            if (inner) return { check: inner.check, failsWhen: value === eq ? inner.failsWhen : !inner.failsWhen };
          }
          // errors.length === 0 / !== 0
          if (value === 0) {
            const inner = lengthCheck(expr as TSESTree.Node);
            if (inner) return { check: inner, failsWhen: ne };
          }
          return null;
        }
        if (n.operator === '>' && literal(n.right) === 0) {
          const inner = lengthCheck(n.left);
          return inner ? { check: inner, failsWhen: true } : null;
        }
        return null;
      }
      if (n.type === AST_NODE_TYPES.MemberExpression) {
        const name = getPropertyName(n);
        if (name === 'success') {
          const source = resultSource(n.object);
          if (source?.kind === 'zod') return { check: { library: 'zod', issues: source.name !== null ? `${source.name}.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }))` : null }, failsWhen: false };
        }
        if (name === 'error') {
          const source = resultSource(n.object);
          if (source?.kind === 'joi') return { check: joiCheck(source.name !== null ? `${source.name}.error` : null), failsWhen: true };
        }
        if (name === 'length') {
          const inner = lengthCheck(n);
          if (inner) return { check: inner, failsWhen: true };
        }
        if (name === 'validation' && isFastifyErrorHandlerParam(n.object)) {
          const object = sourceCode.getText(n.object);
          return { check: { library: 'fastify', issues: `${object}.validation.map((issue) => ({ path: issue.instancePath, keyword: issue.keyword }))` }, failsWhen: true };
        }
        return null;
      }
      if (n.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(context, n);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type !== 'Variable' || !def.node.init) return null;
        const init = skipTransparent(def.node.init);
        // const { error } = schema.validate(body)
        if (def.node.id.type === AST_NODE_TYPES.ObjectPattern && isJoiValidateCall(init) && destructuredKey(def.node.id, n.name) === 'error') {
          return { check: joiCheck(n.name), failsWhen: true };
        }
        if (def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
        // const valid = validate(body) (Ajv)
        if (init.type === AST_NODE_TYPES.CallExpression) {
          const ajv = ajvCall(init);
          if (ajv !== null) return { check: { library: 'ajv', issues: ajv }, failsWhen: false };
        }
        return null;
      }
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTransparent(n.callee);
        // validationResult(req).isEmpty(), errors.isEmpty()
        if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'isEmpty') {
          const object = skipTransparent(callee.object);
          const named = object.type === AST_NODE_TYPES.Identifier ? object : null;
          const call = named ? initOf(named) : object;
          if (call && isValidationResultCall(call)) {
            const base = named ? named.name : sourceCode.getText(object);
            return { check: { library: 'express-validator', issues: `${base}.array().map((issue) => ({ path: issue.path ?? issue.param, type: issue.type }))` }, failsWhen: false };
          }
          return null;
        }
        const ajv = ajvCall(n);
        if (ajv !== null) return { check: { library: 'ajv', issues: ajv }, failsWhen: false };
        // schema.safeParse(x).success is a member; a bare `if (!schema.safeParse(x).success)` arrives above.
      }
      return null;
    }

    function joiCheck(errorText: string | null): Check {
      return { library: 'joi', issues: errorText !== null ? `${errorText}.details.map((issue) => ({ path: issue.path.join('.'), type: issue.type }))` : null };
    }

    function initOf(id: TSESTree.Identifier): TSESTree.Node | null {
      const variable = findVariable(context, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return null;
      return skipTransparent(def.node.init);
    }

    function destructuredKey(pattern: TSESTree.ObjectPattern, local: string): string | null {
      for (const p of pattern.properties) {
        if (p.type !== AST_NODE_TYPES.Property) continue;
        const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
        if (value.type === AST_NODE_TYPES.Identifier && value.name === local) return getPropertyName(p);
      }
      return null;
    }

    /** What a result variable holds: a zod safeParse result or a Joi validate result. */
    function resultSource(node: TSESTree.Node): { kind: 'zod' | 'joi'; name: string | null } | null {
      const n = skipTransparent(node);
      const named = n.type === AST_NODE_TYPES.Identifier ? n : null;
      const call = named ? initOf(named) : n;
      if (!call || call.type !== AST_NODE_TYPES.CallExpression) return null;
      const callee = skipTransparent(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
      if (method === 'safeParse' || method === 'safeParseAsync' || method === 'spa') return { kind: 'zod', name: named?.name ?? null };
      if (isJoiValidateCall(call)) return { kind: 'joi', name: named?.name ?? null };
      return null;
    }

    /** `schema.validate(value)` / `Joi.object(…).validate(value)` with one or two arguments (Ajv's `ajv.validate(schema, data)` is not). */
    function isJoiValidateCall(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'validate') return false;
      const owner = getMemberPath(callee.object);
      return owner === null || !/ajv/iu.test(owner);
    }

    function isValidationResultCall(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const path = getCalleePath(node);
      return path !== null && lastSegment(path) === 'validationResult';
    }

    /** Ajv: `validate(data)` where `validate = ajv.compile(schema)`, or `ajv.validate(schema, data)`; the text of its errors. */
    function ajvCall(call: TSESTree.CallExpression): string | null {
      const callee = skipTransparent(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'validate') {
        const owner = getMemberPath(callee.object);
        return owner !== null && /ajv/iu.test(owner) ? ajvErrors(`${owner}.errors`) : null;
      }
      if (callee.type !== AST_NODE_TYPES.Identifier) return null;
      const init = initOf(callee);
      if (init?.type !== AST_NODE_TYPES.CallExpression) return null;
      const initCallee = skipTransparent(init.callee);
      const method = initCallee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(initCallee) : null;
      return method === 'compile' || method === 'getSchema' ? ajvErrors(`${callee.name}.errors`) : null;
    }

    function ajvErrors(errors: string): string {
      return `(${errors} ?? []).map((issue) => ({ path: issue.instancePath, keyword: issue.keyword }))`;
    }

    /** class-validator: `errors.length` where `errors = await validate(dto)` imported from class-validator. */
    function lengthCheck(node: TSESTree.Node): Check | null {
      const n = skipTransparent(node);
      if (n.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(n) !== 'length') return null;
      const object = skipTransparent(n.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return null;
      const init = initOf(object);
      if (!init || !isClassValidatorCall(init)) return null;
      return { library: 'class-validator', issues: `${object.name}.map((issue) => ({ property: issue.property, constraints: Object.keys(issue.constraints ?? {}) }))` };
    }

    function isClassValidatorCall(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const from = getImportSource(context, callee);
      return from?.source === 'class-validator' && (from.imported === 'validate' || from.imported === 'validateSync');
    }

    /** `err instanceof ZodError`, `err instanceof z.ZodError`, `err instanceof ValidationError` (from yup), `yup.ValidationError`. */
    function instanceofCheck(n: TSESTree.BinaryExpression): { check: Check; failsWhen: boolean } | null {
      const left = skipTransparent(n.left);
      if (left.type !== AST_NODE_TYPES.Identifier) return null;
      const right = skipTransparent(n.right);
      const path = getMemberPath(right);
      if (path === null) return null;
      const name = lastSegment(path);
      if (name === 'ZodError') {
        return { check: { library: 'zod', issues: `${left.name}.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }))` }, failsWhen: true };
      }
      if (name !== 'ValidationError') return null;
      const root = path.split('.')[0]!;
      const isYup =
        /^yup$/iu.test(root) ||
        (right.type === AST_NODE_TYPES.Identifier && getImportSource(context, right)?.source === 'yup');
      if (!isYup) return null;
      return { check: { library: 'yup', issues: `(${left.name}.inner?.length ? ${left.name}.inner : [${left.name}]).map((issue) => ({ path: issue.path, type: issue.type }))` }, failsWhen: true };
    }

    function isFastifyErrorHandlerParam(node: TSESTree.Node): boolean {
      const n = skipTransparent(node);
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const fn = getEnclosingFunction(n);
      const info = fn ? getHandlerInfo(context, fn) : null;
      return !!info && info.framework === 'fastify' && isErrorHandler(info) && info.error?.name === n.name;
    }

    // ----- logs --------------------------------------------------------------------

    /** A log call whose arguments name the failures: the result, its error, its issues. */
    function namesFailures(call: TSESTree.CallExpression): boolean {
      let found = false;
      for (const arg of call.arguments) {
        walkSameFunction(
          arg,
          (node) => {
            if (found) return false;
            if (node.type === AST_NODE_TYPES.MemberExpression) {
              const name = getPropertyName(node);
              if (name !== null && ISSUE_MEMBERS.has(name)) found = true;
            } else if (node.type === AST_NODE_TYPES.Identifier && (node.parent?.type !== AST_NODE_TYPES.MemberExpression || node.parent.object === node)) {
              if (isValidationValue(node)) found = true;
            }
            return undefined;
          },
          sourceCode.visitorKeys,
        );
        if (found) return true;
      }
      return false;
    }

    /** A binding that holds a validation result or error: from safeParse / validate / validationResult, a catch parameter, `errors`. */
    function isValidationValue(id: TSESTree.Identifier): boolean {
      if (/^(?:errors|issues|validationErrors|details)$/u.test(id.name)) return true;
      const variable = findVariable(context, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def) return false;
      if (def.type === 'CatchClause') return true;
      if (def.type !== 'Variable' || !def.node.init) return false;
      const init = skipTransparent(def.node.init);
      if (init.type !== AST_NODE_TYPES.CallExpression) return false;
      return resultSource(init) !== null || isValidationResultCall(init) || ajvCall(init) !== null || isClassValidatorCall(init);
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
      // The statement that answers, directly in a block or as a branch of an `if`.
      let stmt: TSESTree.Node = failure.node;
      while (stmt.parent && !isStatementSlot(stmt)) stmt = stmt.parent;
      if (!stmt.parent || !isStatementSlot(stmt)) return null;
      const target = getLogTarget(context, stmt);
      const level: LogLevel = isAtLeast(minimum, 'info') ? minimum : 'info';
      const log = `${buildLogCall(target, { level, message: 'Request validation failed', fields: [{ key: 'issues', value: issues }] })};`;
      const parent = stmt.parent;
      const anchor = stmt;
      // The configured logger, imported when it is not in scope here.
      const withImport = (fixer: TSESLint.RuleFixer, fix: TSESLint.RuleFix): TSESLint.RuleFix[] => {
        const fixes = [fix];
        if (target.importFrom !== undefined && !isNameInScope(context, anchor, target.expression.split('.')[0]!)) {
          const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
          if (imp) fixes.push(imp);
        }
        return fixes;
      };
      if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.SwitchCase) {
        // A statement sharing its line with what comes before stays on that line.
        const before = sourceCode.getTokenBefore(stmt);
        const sameLine = before !== null && before.loc.end.line === stmt.loc.start.line;
        const indent = lineIndent(context, stmt);
        return (fixer) => withImport(fixer, fixer.insertTextBefore(anchor, sameLine ? `${log} ` : `${log}\n${indent}`));
      }
      return (fixer) => withImport(fixer, fixer.replaceText(anchor, `{ ${log} ${sourceCode.getText(anchor)} }`));
    }

    function isStatementSlot(node: TSESTree.Node): boolean {
      const parent = node.parent;
      if (!parent || !/Statement$|Declaration$/u.test(node.type)) return false;
      return (
        parent.type === AST_NODE_TYPES.BlockStatement ||
        parent.type === AST_NODE_TYPES.Program ||
        parent.type === AST_NODE_TYPES.SwitchCase ||
        (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== node)
      );
    }

    return mergeListeners(tracker.listeners, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      CallExpression(node: TSESTree.CallExpression) {
        const level = getLoggingLevel(context, node);
        if (level && isAtLeast(level, minimum)) {
          if (namesFailures(node)) tracker.mark(node);
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
        const arg = skipTransparent(node.argument);
        const outcome = getHttpOutcome(context, node);
        if (outcome) {
          onOutcome(node, outcome);
          return;
        }
        if (arg.type === AST_NODE_TYPES.NewExpression) {
          const name = getCalleePath(arg);
          if (name !== null) onOutcome(node, null, lastSegment(name));
        }
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
