/**
 * Request validation: which branch of a function is the failing side of a validation check —
 * zod (`safeParse(…).success`, `instanceof ZodError`), Joi (`schema.validate(…).error`), Ajv
 * (`validate(data)` from `ajv.compile`), express-validator (`validationResult(req).isEmpty()`),
 * class-validator (`(await validate(dto)).length`), yup (`instanceof ValidationError`), Fastify's
 * `error.validation` in an error handler — and whether a log call names the failures.
 *
 * A check comes with `issues`: the source text of an expression that lists the failing paths and
 * issue codes (never the submitted values), like `frameworks.ts` gives request-field expressions.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getEnclosingFunction, getMemberPath, getPropertyName, lastSegment, skipTransparent, walkSameFunction } from './ast.js';
import { findEnclosingStep } from './walks.js';
import { getHandlerInfo, isErrorHandler } from './handlers.js';
import { getImportSource } from './modules.js';

export type ValidationLibrary = 'zod' | 'joi' | 'express-validator' | 'ajv' | 'class-validator' | 'yup' | 'fastify';

/** A recognised validation check: which library, and an expression for the failing paths and codes. */
export interface ValidationCheck {
  library: ValidationLibrary;
  /** Text of an expression listing `{ path, code }` of the failures, or null when nothing names them (an inline check). */
  issues: string | null;
}

/** App error classes that answer 400 / 422 by name (`InvalidPayloadError`, `ValidationException`). */
const VALIDATION_ERROR_NAME = /(?:^|[a-z])(?:Validation|InvalidPayload|InvalidInput|InvalidQuery|InvalidRequest|BadRequest|Unprocessable)(?:Error|Exception)$/u;
/** Members whose presence in a log call names the failures (`parsed.error.issues`, `error.details`, `errors.array()`). */
const ISSUE_MEMBERS = new Set(['issues', 'errors', 'details', 'inner', 'validation', 'flatten', 'format', 'array', 'mapped', 'path', 'instancePath', 'property', 'constraints', 'keyword']);

/** An app error class named for a failed validation: `ValidationError`, `InvalidPayloadException`, `BadRequestError`. */
export function isValidationErrorName(name: string): boolean {
  return VALIDATION_ERROR_NAME.test(name);
}

/** The validation check whose failing branch `node` is on, within its function. */
export function failingCheck(context: Context, node: TSESTree.Node): ValidationCheck | null {
  return findEnclosingStep(node, undefined, (current, child) => {
    if (current.type !== AST_NODE_TYPES.IfStatement && current.type !== AST_NODE_TYPES.ConditionalExpression) return null;
    const branch = current.consequent === child ? true : current.alternate === child ? false : null;
    if (branch === null) return null;
    const verdict = classifyTest(context, current.test);
    return verdict && verdict.failsWhen === branch ? verdict.check : null;
  });
}

/** `!parsed.success` fails when true; `parsed.success` fails when false. */
function classifyTest(context: Context, test: TSESTree.Node, depth = 0): { check: ValidationCheck; failsWhen: boolean } | null {
  if (depth > 4) return null;
  const n = skipTransparent(test);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    const inner = classifyTest(context, n.argument, depth + 1);
    return inner ? { check: inner.check, failsWhen: !inner.failsWhen } : null;
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '&&') {
    // Both must hold on the consequent: a failure test on either side makes it a failing branch.
    for (const side of [n.left, n.right]) {
      const v = classifyTest(context, side, depth + 1);
      if (v?.failsWhen === true) return v;
    }
    return null;
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression) {
    const literal = (x: TSESTree.Node) => (x.type === AST_NODE_TYPES.Literal ? x.value : undefined);
    if (n.operator === 'instanceof') return instanceofCheck(context, n);
    const eq = n.operator === '===' || n.operator === '==';
    const ne = n.operator === '!==' || n.operator === '!=';
    if (eq || ne) {
      const [expr, value] = literal(n.right) !== undefined ? [n.left, literal(n.right)] : [n.right, literal(n.left)];
      if (typeof value === 'boolean') {
        const inner = classifyTest(context, expr as TSESTree.Node, depth + 1);
        if (inner) return { check: inner.check, failsWhen: value === eq ? inner.failsWhen : !inner.failsWhen };
      }
      // errors.length === 0 / !== 0
      if (value === 0) {
        const inner = lengthCheck(context, expr as TSESTree.Node);
        if (inner) return { check: inner, failsWhen: ne };
      }
      return null;
    }
    if (n.operator === '>' && literal(n.right) === 0) {
      const inner = lengthCheck(context, n.left);
      return inner ? { check: inner, failsWhen: true } : null;
    }
    return null;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    if (name === 'success') {
      const source = resultSource(context, n.object);
      if (source?.kind === 'zod') return { check: { library: 'zod', issues: source.name !== null ? `${source.name}.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }))` : null }, failsWhen: false };
    }
    if (name === 'error') {
      const source = resultSource(context, n.object);
      if (source?.kind === 'joi') return { check: joiCheck(source.name !== null ? `${source.name}.error` : null), failsWhen: true };
    }
    if (name === 'length') {
      const inner = lengthCheck(context, n);
      if (inner) return { check: inner, failsWhen: true };
    }
    if (name === 'validation' && isFastifyErrorHandlerParam(context, n.object)) {
      const object = context.sourceCode.getText(n.object);
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
      const ajv = ajvCall(context, init);
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
      const call = named ? initOf(context, named) : object;
      if (call && isValidationResultCall(call)) {
        const base = named ? named.name : context.sourceCode.getText(object);
        return { check: { library: 'express-validator', issues: `${base}.array().map((issue) => ({ path: issue.path ?? issue.param, type: issue.type }))` }, failsWhen: false };
      }
      return null;
    }
    const ajv = ajvCall(context, n);
    if (ajv !== null) return { check: { library: 'ajv', issues: ajv }, failsWhen: false };
    // schema.safeParse(x).success is a member; a bare `if (!schema.safeParse(x).success)` arrives above.
  }
  return null;
}

/** A Joi check; `errorText` is the expression holding its `ValidationError`, when one does. */
function joiCheck(errorText: string | null): ValidationCheck {
  return { library: 'joi', issues: errorText !== null ? `${errorText}.details.map((issue) => ({ path: issue.path.join('.'), type: issue.type }))` : null };
}

/** The initializer of the one `const`/`let` an identifier names (not a destructured one). */
function initOf(context: Context, id: TSESTree.Identifier): TSESTree.Node | null {
  const variable = findVariable(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return null;
  return skipTransparent(def.node.init);
}

/** The key a destructuring pattern reads into `local`: `error` for `const { error } = …`. */
function destructuredKey(pattern: TSESTree.ObjectPattern, local: string): string | null {
  for (const p of pattern.properties) {
    if (p.type !== AST_NODE_TYPES.Property) continue;
    const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === local) return getPropertyName(p);
  }
  return null;
}

/** What a result variable holds: a zod safeParse result or a Joi validate result. */
function resultSource(context: Context, node: TSESTree.Node): { kind: 'zod' | 'joi'; name: string | null } | null {
  const n = skipTransparent(node);
  const named = n.type === AST_NODE_TYPES.Identifier ? n : null;
  const call = named ? initOf(context, named) : n;
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

/** express-validator's `validationResult(req)`. */
function isValidationResultCall(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const path = getCalleePath(node);
  return path !== null && lastSegment(path) === 'validationResult';
}

/** Ajv: `validate(data)` where `validate = ajv.compile(schema)`, or `ajv.validate(schema, data)`; the text of its errors. */
function ajvCall(context: Context, call: TSESTree.CallExpression): string | null {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'validate') {
    const owner = getMemberPath(callee.object);
    return owner !== null && /ajv/iu.test(owner) ? ajvErrors(`${owner}.errors`) : null;
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const init = initOf(context, callee);
  if (init?.type !== AST_NODE_TYPES.CallExpression) return null;
  const initCallee = skipTransparent(init.callee);
  const method = initCallee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(initCallee) : null;
  return method === 'compile' || method === 'getSchema' ? ajvErrors(`${callee.name}.errors`) : null;
}

/** Ajv's failures as `{ path, keyword }`, from the `errors` expression of a validator or instance. */
function ajvErrors(errors: string): string {
  return `(${errors} ?? []).map((issue) => ({ path: issue.instancePath, keyword: issue.keyword }))`;
}

/** class-validator: `errors.length` where `errors = await validate(dto)` imported from class-validator. */
function lengthCheck(context: Context, node: TSESTree.Node): ValidationCheck | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(n) !== 'length') return null;
  const object = skipTransparent(n.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const init = initOf(context, object);
  if (!init || !isClassValidatorCall(context, init)) return null;
  return { library: 'class-validator', issues: `${object.name}.map((issue) => ({ property: issue.property, constraints: Object.keys(issue.constraints ?? {}) }))` };
}

function isClassValidatorCall(context: Context, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const from = getImportSource(context, callee);
  return from?.source === 'class-validator' && (from.imported === 'validate' || from.imported === 'validateSync');
}

/** `err instanceof ZodError`, `err instanceof z.ZodError`, `err instanceof ValidationError` (from yup), `yup.ValidationError`. */
function instanceofCheck(context: Context, n: TSESTree.BinaryExpression): { check: ValidationCheck; failsWhen: boolean } | null {
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

/** The error parameter of a Fastify error handler (`setErrorHandler((error, request, reply) => …)`). */
function isFastifyErrorHandlerParam(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const fn = getEnclosingFunction(n);
  const info = fn ? getHandlerInfo(context, fn) : null;
  return !!info && info.framework === 'fastify' && isErrorHandler(info) && info.error?.name === n.name;
}

/** A log call whose arguments name the failures: the result, its error, its issues. */
export function namesFailures(context: Context, call: TSESTree.CallExpression): boolean {
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
          if (isValidationValue(context, node)) found = true;
        }
        return undefined;
      },
      context.sourceCode.visitorKeys,
    );
    if (found) return true;
  }
  return false;
}

/** A binding that holds a validation result or error: from safeParse / validate / validationResult, a catch parameter, `errors`. */
function isValidationValue(context: Context, id: TSESTree.Identifier): boolean {
  if (/^(?:errors|issues|validationErrors|details)$/u.test(id.name)) return true;
  const variable = findVariable(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  if (def.type === 'CatchClause') return true;
  if (def.type !== 'Variable' || !def.node.init) return false;
  const init = skipTransparent(def.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return false;
  return resultSource(context, init) !== null || isValidationResultCall(init) || ajvCall(context, init) !== null || isClassValidatorCall(context, init);
}
