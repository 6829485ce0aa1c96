/**
 * Is this key made only of ids? `${sessionId}|${executionId}`, `userId + ':' + projectId`: a
 * composite key named like a secret (`sessionKey`) that holds no secret; and does a parameter
 * only ever receive such keys from its callers in this file?
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getPropertyName, getVariableInit, skipTransparent, walkTree } from '../ast.js';
import { tokenizeName } from './names.js';
import type { NameVerdictOf } from './verdicts.js';

/** Keys made of ids, for one file and one analyzer. */
export interface IdKeyReader {
  /** A composite key of two or more ids and fixed text, directly or through a `const`. */
  isIdComposite(node: TSESTree.Node): boolean;
  /** Every call of `fn` in this file passes an id composite as `param`. */
  parameterGetsOnlyIds(fn: AnyFunction, param: TSESTree.Node): boolean;
}

/** The id-key reader of one file; `nameOf` keeps a secret-named `…Id` from counting as an id. */
export function createIdKeyReader(context: Context, nameOf: NameVerdictOf): IdKeyReader {
  const sourceCode = context.sourceCode;

  /** `sessionId`, `executionId`, `user.id`: a name whose last word is `id`. */
  function isIdNamed(node: TSESTree.Node): boolean {
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(node) : null;
    if (name === null) return false;
    const tokens = tokenizeName(name);
    return tokens[tokens.length - 1] === 'id' && nameOf(name).kind !== 'secret';
  }

  /** A literal, or a choice between literals (`isPublic ? 'public' : 'integrated'`). */
  function isFixedPart(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string' || typeof n.value === 'number';
    if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0;
    return n.type === AST_NODE_TYPES.ConditionalExpression && isFixedPart(n.consequent) && isFixedPart(n.alternate);
  }

  /**
   * `${sessionId}|${executionId}`, `userId + ':' + projectId` (directly or through a `const`): a
   * composite key of two or more ids and fixed text, nothing else. A token built from a random
   * part or a signature is not one.
   */
  function isIdComposite(node: TSESTree.Node, depth = 0): boolean {
    if (depth > 3) return false;
    const n = skipTransparent(node);
    let parts: TSESTree.Node[];
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, n);
      if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return false;
      const init = getVariableInit(variable);
      return init !== null && isIdComposite(init, depth + 1);
    }
    if (n.type === AST_NODE_TYPES.TemplateLiteral) parts = n.expressions;
    else if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
      parts = [];
      const flatten = (e: TSESTree.Node) => {
        const x = skipTransparent(e);
        if (x.type === AST_NODE_TYPES.BinaryExpression && x.operator === '+') {
          flatten(x.left);
          flatten(x.right);
        } else parts.push(x);
      };
      flatten(n);
    } else return false;
    let ids = 0;
    for (const part of parts) {
      const p = skipTransparent(part);
      if (isIdNamed(p)) ids++;
      else if (!isFixedPart(p)) return false;
    }
    return ids >= 2;
  }

  const callSiteCache = new Map<AnyFunction, TSESTree.CallExpression[] | null>();

  /**
   * Every call of `fn` in this file: by its name (a function declaration or a `const`), or as
   * `this.method(…)` inside its class. Null when it is used any other way (passed, exported,
   * read as a value), so its callers are not all known here.
   */
  function callSitesOf(fn: AnyFunction): TSESTree.CallExpression[] | null {
    if (callSiteCache.has(fn)) return callSiteCache.get(fn)!;
    let result: TSESTree.CallExpression[] | null = null;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn && !parent.static && parent.key.type === AST_NODE_TYPES.Identifier && !parent.computed) {
      const name = parent.key.name;
      const calls: TSESTree.CallExpression[] = [];
      let other = false;
      walkTree(parent.parent, (node) => {
        if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || getPropertyName(node) !== name) return;
        if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) calls.push(node.parent);
        else other = true;
      }, sourceCode.visitorKeys);
      result = other ? null : calls;
    } else {
      const variable =
        fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
          ? sourceCode.getDeclaredVariables(fn)[0]
          : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
            ? sourceCode.getDeclaredVariables(parent)[0]
            : undefined;
      if (variable) {
        const calls: TSESTree.CallExpression[] = [];
        let other = false;
        for (const ref of variable.references) {
          if (ref.init) continue;
          const call = ref.identifier.parent;
          if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier) calls.push(call);
          else other = true;
        }
        result = other ? null : calls;
      }
    }
    callSiteCache.set(fn, result);
    return result;
  }

  function parameterGetsOnlyIds(fn: AnyFunction, param: TSESTree.Node): boolean {
    const index = fn.params.indexOf(param as TSESTree.Parameter);
    if (index === -1) return false;
    const calls = callSitesOf(fn);
    if (!calls || calls.length === 0) return false;
    return calls.every((call) => {
      const arg = call.arguments[index];
      return arg !== undefined && arg.type !== AST_NODE_TYPES.SpreadElement && isIdComposite(arg);
    });
  }

  return { isIdComposite: (node) => isIdComposite(node), parameterGetsOnlyIds };
}
