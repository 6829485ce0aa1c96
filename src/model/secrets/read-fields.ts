/**
 * "Does this object carry secrets, by the file's own reading?" — `grant.response` logged whole where
 * the same file reads `grant.response.access_token` or destructures `{ refresh_token } = grant.response`
 * (@uppy/companion's OAuth callback): the object is a token response, whatever its name says.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findVariable, getPropertyName, skipTransparent } from '../ast.js';
import type { NameVerdictOf, ValueVerdict } from './verdicts.js';
import { UNKNOWN, secret } from './verdicts.js';

/**
 * A reader for one file: the verdict on a variable or plain member path on one (`tokens`,
 * `grant.response`) whose secret-named fields the file reads off the same variable and path — a
 * whole object carrying them — or unknown. A field the file deletes or overwrites
 * (`delete user.password`, `user.password = undefined`) is taken to be gone before the log.
 */
export function createReadFieldReader(context: Context, nameOf: NameVerdictOf): (node: TSESTree.Node) => ValueVerdict {
  return (node) => {
    const path: string[] = [];
    let n: TSESTree.Node = skipTransparent(node);
    while (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = n.computed ? null : getPropertyName(n);
      if (name === null) return UNKNOWN;
      path.unshift(name);
      n = skipTransparent(n.object);
    }
    if (n.type !== AST_NODE_TYPES.Identifier || path.length > 3) return UNKNOWN;
    const variable = findVariable(context, n);
    if (!variable) return UNKNOWN;
    const read = new Set<string>();
    const removed = new Set<string>();
    for (const ref of variable.references) {
      let current: TSESTree.Node = ref.identifier;
      let matches = true;
      for (const segment of path) {
        const parent: TSESTree.Node | undefined = current.parent;
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current || parent.computed || getPropertyName(parent) !== segment) {
          matches = false;
          break;
        }
        current = parent;
      }
      if (!matches) continue;
      for (const field of fieldsReadOff(current)) read.add(field);
      const removedField = fieldRemovedFrom(current);
      if (removedField) removed.add(removedField);
    }
    const secrets = [...read].filter((field) => !removed.has(field) && nameOf(field).kind === 'secret');
    if (secrets.length === 0) return UNKNOWN;
    const concept = nameOf(secrets[0]!);
    const fields = secrets.map((s) => `\`${s}\``).join(', ');
    return secret('an object this file reads secrets from', concept.kind === 'secret' ? concept.concept : 'secret', {
      whole: true,
      carries: `${fields} (read from it in this file)`,
      redactPaths: secrets.map((s) => [s]),
    });
  };
}

/** `x.access_token`, `x?.refresh_token`, `const { access_token: a } = x`: the fields read off `node` (reads, not writes). */
function fieldsReadOff(node: TSESTree.Node): string[] {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !parent.computed) {
    const outer = parent.parent;
    const written = (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) || (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete');
    const name = getPropertyName(parent);
    return name !== null && !written ? [name] : [];
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
    return parent.id.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && !p.computed ? [getPropertyName(p)].filter((k): k is string => k !== null) : []));
  }
  return [];
}

/** `delete x.password`, `x.password = undefined` / `null` / `'***'`: a field the code takes out of `node`. */
function fieldRemovedFrom(node: TSESTree.Node): string | null {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || parent.computed) return null;
  const outer = parent.parent;
  if (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete') return getPropertyName(parent);
  if (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) return getPropertyName(parent);
  return null;
}
