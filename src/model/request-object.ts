/**
 * Is this identifier the request object a handler was given? One answer for the rules that read what a
 * request carries (anonymous-callers.ts: is the identity absent; credential-checks.ts: is a token read
 * from the caller). Read without types: the names frameworks and apps give it (`req`, `request`, Koa's
 * `ctx`, `context`, Hono's `c`, with a leading `_` when unused), or a `const` that only renames one
 * (`const skReq = req`, TypeScript's `const r = req as AuthRequest`), never written again.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findVariable, getVariableInit, skipTransparent } from './ast.js';

/** Names the request object goes by. */
export const REQUEST_NAME = /^_?(?:req|request|ctx|context|c)$/u;

/** `req`, `ctx`, or a `const` alias of one (`const skReq = req`). */
export function isRequestObject(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  if (REQUEST_NAME.test(n.name)) return true;
  if (depth > 1) return false;
  const variable = findVariable(context, n);
  const init = getVariableInit(variable);
  if (!init || variable!.references.some((r) => r.isWrite() && !r.init)) return false;
  return isRequestObject(context, init, depth + 1);
}
