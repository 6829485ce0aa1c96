/**
 * "Is this function an auth plugin's credential validator, and does it refuse the credential here?"
 * Some auth plugins read the credential themselves and hand it to an app function that only answers
 * whether it is valid; the plugin then answers 401. The refusal is the validator's answer:
 * - hapi's `server.auth.strategy(name, scheme, { validate })` (hapi-auth-basic, hapi-auth-bearer-token,
 *   hapi-auth-jwt2, @hapi/jwt, @hapi/cookie; older plugins name it `validateFunc`):
 *   `return { isValid: false, credentials: {} }`;
 * - @fastify/basic-auth's `fastify.register(basicAuth, { validate(username, password, req, reply, done) })`:
 *   `done(new Error('…'))`, or an async validator's `return new Error('…')`.
 * The validator is the `validate` option itself or a same-file function named there (`{ validate }`).
 * Files whose text names neither registration are never walked.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getEnclosingFunction, getPropertyName, resolveFunction, skipTransparent } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { getImportSource } from './modules.js';
import { mayBeEnclosingParameter } from './socket-refusals.js';

export type ValidatorKind = 'hapi' | 'fastify-basic-auth';

const REGISTRATION_TEXT = /auth\s*\.\s*strategy\s*\(|basic-auth/u;
const BASIC_AUTH_MODULES = new Set(['@fastify/basic-auth', 'fastify-basic-auth']);
const HAPI_VALIDATE_KEYS = new Set(['validate', 'validateFunc']);

const cache = fileCache<Map<AnyFunction, ValidatorKind>>();

/** The option object's validator functions, by kind. */
function addValidators(context: Context, options: TSESTree.Node | undefined, keys: ReadonlySet<string>, kind: ValidatorKind, into: Map<AnyFunction, ValidatorKind>): void {
  const object = options ? skipTransparent(options) : null;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !keys.has(getPropertyName(property) ?? '')) continue;
    const fn = resolveFunction(context, property.value);
    if (fn) into.set(fn, kind);
  }
}

/** `server.auth.strategy('simple', 'basic', { validate })` → hapi; `fastify.register(basicAuth, { validate })` → Fastify basic auth. */
function registrationOf(context: Context, call: TSESTree.CallExpression, into: Map<AnyFunction, ValidatorKind>): void {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const method = getPropertyName(callee);
  if (method === 'strategy') {
    const holder = skipTransparent(callee.object);
    if (holder.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(holder) !== 'auth') return;
    for (const arg of call.arguments.slice(1)) addValidators(context, arg, HAPI_VALIDATE_KEYS, 'hapi', into);
    return;
  }
  if (method !== 'register') return;
  const plugin = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
  const source = plugin?.type === AST_NODE_TYPES.Identifier ? getImportSource(context, plugin)?.source : null;
  if (source && BASIC_AUTH_MODULES.has(source)) addValidators(context, call.arguments[1], new Set(['validate']), 'fastify-basic-auth', into);
}

function validatorsOf(context: Context): Map<AnyFunction, ValidatorKind> {
  return perFile(cache, context.sourceCode, () => {
    const found = new Map<AnyFunction, ValidatorKind>();
    if (!REGISTRATION_TEXT.test(context.sourceCode.text)) return found;
    const keys = context.sourceCode.visitorKeys;
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) registrationOf(context, node, found);
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const c of child) if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
        } else if (child && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node);
      }
    };
    visit(context.sourceCode.ast as TSESTree.Program);
    return found;
  });
}

/** The kind of auth-plugin validator `fn` is, or null. */
export function credentialValidatorKind(context: Context, fn: AnyFunction | null): ValidatorKind | null {
  return fn ? (validatorsOf(context).get(fn) ?? null) : null;
}

/** `new Error('…')`, `new UnauthorizedError()`, `createError(401)`: an error built where it is handed back. */
function isBuiltError(node: TSESTree.Node | undefined): boolean {
  const n = node ? skipTransparent(node) : null;
  if (n?.type === AST_NODE_TYPES.NewExpression) return true;
  return n?.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && /Error$/u.test(n.callee.name);
}

/**
 * `return { isValid: false, … }` in a hapi validator, `return new Error('…')` in a Fastify basic-auth one:
 * the credential refused, answered 401 by the plugin. The validator's kind, else null.
 */
export function validatorReturnRefusal(context: Context, node: TSESTree.ReturnStatement): ValidatorKind | null {
  const arg = node.argument ? skipTransparent(node.argument) : null;
  if (!arg) return null;
  if (arg.type === AST_NODE_TYPES.ObjectExpression) {
    const refused = arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'isValid' && p.value.type === AST_NODE_TYPES.Literal && p.value.value === false);
    return refused && credentialValidatorKind(context, getEnclosingFunction(node)) === 'hapi' ? 'hapi' : null;
  }
  return isBuiltError(arg) && credentialValidatorKind(context, getEnclosingFunction(node)) === 'fastify-basic-auth' ? 'fastify-basic-auth' : null;
}

/** `done(new Error('Wrong passphrase'))` with `done` the callback a Fastify basic-auth validator is handed. */
export function validatorCallbackRefusal(context: Context, node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  // `done` is the validator's fifth parameter: no scope look-up for a callee no function around the call names so.
  if (callee.type !== AST_NODE_TYPES.Identifier || !isBuiltError(node.arguments[0]) || !mayBeEnclosingParameter(node, callee.name, 4, 5)) return false;
  const def = findVariable(context, callee)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node as AnyFunction;
  return fn.params.length === 5 && fn.params[4] === def.name && credentialValidatorKind(context, fn) === 'fastify-basic-auth';
}
