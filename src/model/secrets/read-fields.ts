/**
 * "Does this object carry secrets, by the file's own reading?" — `grant.response` logged whole where
 * the same file reads `grant.response.access_token` or destructures `{ refresh_token } = grant.response`
 * (@uppy/companion's OAuth callback): the object is a token response, whatever its name says.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, fieldPath, findVariable, followFields, getPropertyName, resolveFunction } from '../ast.js';
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
    // `message:${message}`: an object put into text prints `[object Object]`.
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.TemplateLiteral || (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+')) return UNKNOWN;
    const field = fieldPath(node);
    if (!field || field.fields.length > 3) return UNKNOWN;
    const path = field.fields;
    const variable = findVariable(context, field.root);
    if (!variable) return UNKNOWN;
    const read = new Set<string>();
    const removed = new Set<string>();
    for (const ref of variable.references) {
      const current = followFields(ref.identifier, path);
      if (!current) continue;
      collectReads(current, read, removed);
      // processLoginRequest(app, spark, parsedMsg): what a same-file function reads off its parameter.
      const param = parameterGiven(context, current);
      if (param) for (const r of param.references) collectReads(r.identifier, read, removed);
    }
    const secrets = [...read].map((p) => p.split('.')).filter((p) => !p.some((_, i) => removed.has(p.slice(0, i + 1).join('.'))) && nameOf(p[p.length - 1]!).kind === 'secret');
    if (secrets.length === 0) return UNKNOWN;
    const concept = nameOf(secrets[0]![secrets[0]!.length - 1]!);
    const fields = secrets.map((s) => `\`${s.join('.')}\``).join(', ');
    return secret('an object this file reads secrets from', concept.kind === 'secret' ? concept.concept : 'secret', {
      whole: true,
      carries: `${fields} (read from it in this file)`,
      redactPaths: secrets,
    });
  };

  /**
   * Whether the secret-named field at `member` is used here as an object, not as the secret's text:
   * `e.token?.payload`, `ctx.token.getZoneId()` read claims off a parsed token (a library keeps the raw
   * JWT private). A string method (`token.split('.')`) or a secret-named member (`context.token.jwt`)
   * still reads the secret.
   */
  function readsAsObject(member: TSESTree.Node): boolean {
    const outer = member.parent;
    if (outer?.type !== AST_NODE_TYPES.MemberExpression || outer.object !== member || outer.computed) return false;
    const name = getPropertyName(outer);
    return name !== null && !TEXT_MEMBERS.has(name) && nameOf(name).kind !== 'secret';
  }

  /** The fields read off `node` (down to the first secret-named one, three deep at most) into `read`, those taken out into `removed`. */
  function collectReads(node: TSESTree.Node, read: Set<string>, removed: Set<string>): void {
    const direct = node.parent;
    for (const field of fieldsReadOff(node)) if (!(nameOf(field).kind === 'secret' && direct && readsAsObject(direct))) read.add(field);
    const removedField = fieldRemovedFrom(node);
    if (removedField) removed.add(removedField);
    // msg.login.password
    let current = node.parent;
    const path: string[] = [];
    while (current?.type === AST_NODE_TYPES.MemberExpression && !current.computed && path.length < 3) {
      const name = getPropertyName(current);
      if (name === null) return;
      path.push(name);
      if (path.length > 1 && nameOf(name).kind === 'secret') {
        if (!readsAsObject(current)) read.add(path.join('.'));
        return;
      }
      current = current.parent;
    }
  }
}

/** Members of a string (or of the array `split` makes): reading them still reads the text. */
const TEXT_MEMBERS = new Set([
  'length', 'trim', 'split', 'slice', 'substring', 'substr', 'startsWith', 'endsWith', 'includes', 'indexOf', 'replace', 'replaceAll',
  'toString', 'toLowerCase', 'toUpperCase', 'match', 'charAt', 'at', 'padStart', 'padEnd', 'concat', 'search', 'charCodeAt', 'codePointAt', 'normalize', 'valueOf',
]);

/** The parameter of a same-file function that `node` is passed to as an argument (`helper(a, node)`), as a variable. */
function parameterGiven(context: Context, node: TSESTree.Node) {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === node) return null;
  const index = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
  const fn = resolveFunction(context, call.callee);
  const param = fn?.params[index];
  if (!fn || param?.type !== AST_NODE_TYPES.Identifier) return null;
  return context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === param.name) ?? null;
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
  // `user.password = undefined`, also a nested field: `req.headers.authorization = '<Classified>'` (Verdaccio's request log).
  const names: string[] = [];
  let member: TSESTree.Node = node;
  let parent = node.parent;
  while (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === member && !parent.computed && names.length < 3) {
    const name = getPropertyName(parent);
    if (name === null) return null;
    names.push(name);
    const outer = parent.parent;
    if ((outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete') || (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent)) return names.join('.');
    member = parent;
    parent = outer;
  }
  return null;
}
