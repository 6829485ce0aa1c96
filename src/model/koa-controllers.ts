/**
 * Koa controllers written apart from their routes: Strapi's `module.exports = ({ strapi }) => ({
 * async login(ctx) { … } })`, a koa-router controller module's `exports.login = async (ctx) => …` or
 * `export async function login(ctx: Context) { … }`, a controller class's `async login(ctx) { … }`.
 * The router that mounts them lives in another file, so no registration says what they are; their
 * one parameter and what the body does with it do:
 *
 * - the only parameter is the Koa context: named `ctx`, or typed `Context` / `ParameterizedContext` /
 *   `RouterContext` / `DefaultContext`;
 * - the function is defined to be handed out: a method or property of an object literal, a class
 *   method, an exported function or `exports.x = …` (the caller checks that nothing in the file calls it);
 * - the body uses the context as the request and the response: reads `ctx.request`, `ctx.params`,
 *   `ctx.query`, `ctx.cookies`, `ctx.headers`, writes `ctx.body` / `ctx.status`, or calls `ctx.throw`,
 *   `ctx.redirect`, `ctx.set` or Strapi's answers (`ctx.send`, `ctx.badRequest`, `ctx.unauthorized`,
 *   `ctx.forbidden`, `ctx.notFound`). A bot framework's `ctx` (Telegraf's `ctx.reply`, `ctx.state`,
 *   `ctx.from`) does none of these.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { AnyFunction, Context } from './ast.js';
import { getPropertyName } from './ast.js';
import { paramId, paramName, paramTypeName } from './handler-params.js';
import { isExportedHelper } from './placement.js';

const KOA_CONTEXT_TYPES = /^(?:Context|ParameterizedContext|RouterContext|DefaultContext)$/u;
/** Members read or called on a Koa context only when it is the request and the response. */
const REQUEST_MEMBERS = new Set(['request', 'params', 'query', 'cookies', 'headers', 'throw', 'redirect', 'set', 'send', 'badRequest', 'unauthorized', 'forbidden', 'notFound']);
/** Members written on a Koa context to answer. */
const ANSWER_MEMBERS = new Set(['body', 'status']);

/** The context parameter of a Koa controller defined apart from its route, or null (see the module comment). */
export function koaControllerContext(context: Context, fn: AnyFunction): TSESTree.Identifier | null {
  if (fn.params.length !== 1) return null;
  const param = fn.params[0];
  if (paramName(param) !== 'ctx' && !KOA_CONTEXT_TYPES.test(paramTypeName(param) ?? '')) return null;
  const id = paramId(param);
  if (!id || !isHandedOut(fn)) return null;
  const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === id.name);
  if (!variable) return null;
  const used = variable.references.some((ref) => {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
    const name = getPropertyName(member);
    if (name === null) return false;
    if (REQUEST_MEMBERS.has(name)) return true;
    const parent = member.parent;
    return ANSWER_MEMBERS.has(name) && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
  });
  return used ? id : null;
}

/** A method or property of an object literal, a class method, an exported function or `exports.x = fn`. */
function isHandedOut(fn: AnyFunction): boolean {
  const parent = fn.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && parent.parent.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) return true;
  // export function login(ctx) …, export const login = async (ctx) => …, export default …
  if (isExportedHelper(fn)) return true;
  // exports.login = async (ctx) => …, module.exports.login = …
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = parent.left.object;
    return (
      (target.type === AST_NODE_TYPES.Identifier && target.name === 'exports') ||
      (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'module' && getPropertyName(target) === 'exports')
    );
  }
  return false;
}
