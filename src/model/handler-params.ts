/**
 * What does a handler's parameter say about it: its name (without leading `_`), its binding,
 * its annotated type name, and whether it destructures fields only a request has.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getPropertyName } from './ast.js';

/** The parameter's name without leading underscores (`_next` → `next`), or null for a pattern. */
export function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  const p = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (p.type === AST_NODE_TYPES.Identifier) return withoutLeadingUnderscores(p.name);
  if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier) return withoutLeadingUnderscores(p.left.name);
  return null;
}

/** `_next` → `next`; most names have no leading `_` and are returned as they are, without a regex. */
function withoutLeadingUnderscores(name: string): string {
  return name.charCodeAt(0) === 95 /* _ */ ? name.replace(/^_+/u, '') : name;
}

/** The identifier a parameter binds (through a default value or a TS parameter property). */
export function paramId(param: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!param) return undefined;
  const p = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (p.type === AST_NODE_TYPES.Identifier) return p;
  if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier) return p.left;
  return undefined;
}

/** The type name a parameter is annotated with (`Request`, `FastifyReply`, `express.Response` → `Response`). */
export function paramTypeName(param: TSESTree.Parameter | undefined): string | null {
  // `({ body }: Request, res)`: a destructured parameter carries its own annotation.
  const pattern = destructuredParam(param);
  const id = pattern ?? paramId(param);
  const type = id?.typeAnnotation?.typeAnnotation;
  if (!type || type.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return null;
}

/** The object pattern a parameter destructures (`{ body, query }` in `({ body, query }: Request, res)`), or null. */
function destructuredParam(param: TSESTree.Parameter | undefined): TSESTree.ObjectPattern | null {
  if (!param) return null;
  const p = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return p.type === AST_NODE_TYPES.ObjectPattern ? p : null;
}

/**
 * Fields only a request has: a first parameter destructuring one of them (`({ body }, res)`)
 * is a request. `user`, `path` or `method` alone are not enough, other objects have them too.
 */
const REQUEST_ONLY_FIELDS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'session', 'originalUrl']);

/** The parameter destructures a field only a request has (`({ body }, res)`). */
export function destructuresRequest(param: TSESTree.Parameter | undefined): boolean {
  const pattern = destructuredParam(param);
  return !!pattern && pattern.properties.some((p) => p.type === AST_NODE_TYPES.Property && REQUEST_ONLY_FIELDS.has(getPropertyName(p) ?? ''));
}

/** The identifier or pattern a parameter binds (decorators and defaults stripped). */
export function paramBinding(param: TSESTree.Parameter): TSESTree.Node | null {
  let p: TSESTree.Node = param;
  if (p.type === AST_NODE_TYPES.TSParameterProperty) p = p.parameter;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
  if (p.type === AST_NODE_TYPES.Identifier || p.type === AST_NODE_TYPES.ObjectPattern || p.type === AST_NODE_TYPES.ArrayPattern) return p;
  return null;
}
