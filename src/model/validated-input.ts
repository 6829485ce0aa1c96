/**
 * "Does a schema validation hand the client's text back?" — `schema.validate(req.params).value` (Joi),
 * `Schema.parse(req.body)` / `safeParse(req.body).data` (zod), `await schema.validateAsync(req.body)`
 * (Joi), `schema.validateSync(req.query)` / `cast` (yup). General rule: validation checks the shape of
 * what a client sent and returns the same values (converted only where the schema says so); a string
 * field keeps every character the schema lets through, line breaks included. So the result is request
 * input like its argument — unless the schema for the field read admits only line-free text (a
 * number, a boolean, a hex / UUID / alphanumeric string, an anchored pattern), which the constraint
 * finder asks through `validatedFieldIsLineFree` (route-schemas.ts reads the schema).
 *
 * The receiver must be a schema: named for one (`schema`, `bodySchema`, `validator`, `UserDto`…),
 * or built in the file by a schema library (`Joi.object({…})`, `z.object({…})`, `yup.object({…})`),
 * or that library itself (`Joi.attempt(value, schema)`). `JSON.parse`, `querystring.parse` and
 * `url.parse` are not validations.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getMemberPath, getPropertyName, getRootIdentifier, getVariableInit, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { getImportSource } from './modules.js';

/** What a validation call returns: the validated value itself, or a result object holding it (`.value`, `.data`). */
export type ValidationReturn = 'whole' | 'holder';

/** Methods returning (or resolving to) the validated value. */
const WHOLE_METHODS = new Set(['parse', 'parseAsync', 'validateAsync', 'validateSync', 'cast', 'attempt']);
/** Methods returning a result object: Joi's `{ value, error }`, zod's `{ success, data, error }`. */
const HOLDER_METHODS = new Set(['validate', 'safeParse', 'safeParseAsync']);
/** The keys of a result object that hold the validated value. */
export const HOLDER_KEYS: ReadonlySet<string> = new Set(['value', 'data']);

/** Schema libraries. */
const SCHEMA_MODULES = new Set(['joi', '@hapi/joi', 'zod', 'yup', 'superstruct', 'valibot', '@sinclair/typebox']);
/** A receiver named for a schema or validator. */
const SCHEMA_NAME = /(?:^|[a-z_])(?:schema|Schema|SCHEMA|validator|Validator|VALIDATOR)s?$|^(?:schema|validator)/u;
/** Receivers that parse text but validate nothing. */
const NOT_SCHEMAS = /^(?:JSON|querystring|qs|url|path|URL|Date|ini|yaml|YAML|toml|xml|cookie|cookies|contentType|mime|semver|bytes|ms)$/u;

/**
 * Whether `call` validates its argument against a schema, and what it returns; null when it is no
 * validation (the argument's own classification decides whether it carries input).
 */
export function validationCall(context: Context, call: TSESTree.CallExpression): { input: TSESTree.Node; returns: ValidationReturn } | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getPropertyName(callee);
  if (method === null || (!WHOLE_METHODS.has(method) && !HOLDER_METHODS.has(method))) return null;
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  if (!isSchemaReceiver(context, callee.object, 0)) return null;
  return { input: first, returns: WHOLE_METHODS.has(method) ? 'whole' : 'holder' };
}

/** The schema a validation call checks against: its receiver (`schema` in `schema.validate(x)`), or null for `Joi.attempt(x, schema)`. */
export function validationSchema(call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (getPropertyName(callee) === 'attempt') return call.arguments[1] && call.arguments[1].type !== AST_NODE_TYPES.SpreadElement ? call.arguments[1] : null;
  return callee.object;
}

function isSchemaReceiver(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  const path = getMemberPath(n);
  if (path !== null) {
    const last = lastSegment(path);
    if (NOT_SCHEMAS.test(last) || path.startsWith('JSON.')) return false;
    if (SCHEMA_NAME.test(last)) return true;
  }
  // Joi.object({…}).validate(x), z.object({…}).parse(x), Joi.attempt(x, schema)
  const root = getRootIdentifier(n, true);
  if (root && SCHEMA_MODULES.has(getImportSource(context, root)?.source ?? '')) return true;
  if (n.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
  // const UserBody = z.object({…}); UserBody.parse(req.body)
  const init = getVariableInit(findVariable(context, n));
  return !!init && !isFunctionNode(init) && init.type === AST_NODE_TYPES.CallExpression && isSchemaReceiver(context, init, depth + 1);
}
