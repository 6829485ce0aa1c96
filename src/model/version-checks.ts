/**
 * Is a failure that of an optional check for a newer version: an update check, a changelog or
 * release-notes fetch, an outdated-packages look-up (`checkForUpdates()`,
 * `changelog.fetch()`, `packages.outdated()`, `getOutdatedState()`)? Its failure leaves the app as
 * it was, and what went wrong (the registry or release server could not be reached, answered an
 * error) is in the message: a stack adds only the HTTP client's frames.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getCalleePath, getPropertyName, isFunctionNode, walkSameFunction } from './ast.js';
import { identifierWords } from './fallible.js';

/**
 * Words that name a version check: `update check`, `check for updates`, `check for bundled update`,
 * `updates available`, `changelog`, `release notes`, `outdated`. Not `update` alone (`failed to update
 * the settings` is a write) nor `check update` (`checkUpdate(name)` validates a package before
 * installing it). Getting or fetching the latest version / release (`Failed to get latest version`) is such a check;
 * installing it is not.
 */
const VERSION_CHECK =
  /\b(?:update checks?|check(?:ing|s)? for (?:\w+ )?updates?|updates? (?:is |are )?available|changelogs?|release notes|outdated|out of date|(?:get|fetch|check|query|find|retriev|look)\w* (?:up )?(?:the )?latest (?:version|release)s?)\b/u;

/**
 * The log of a failure (in `handler`, the catch clause or rejection handler it belongs to) says, or
 * the functions around it or the calls that failed are named for, a check for a newer version.
 */
export function isVersionCheckFailure(context: Context, log: TSESTree.CallExpression, handler: TSESTree.CatchClause | AnyFunction): boolean {
  if (VERSION_CHECK.test(messageWords(log))) return true;
  for (let n: TSESTree.Node | undefined = log.parent; n; n = n.parent) {
    if (isFunctionNode(n) && namesVersionCheck(functionName(n))) return true;
  }
  return failingCallPaths(context, handler).some(namesVersionCheck);
}

function namesVersionCheck(name: string | null): boolean {
  return name !== null && VERSION_CHECK.test(identifierWords(name).join(' '));
}

/** The literal text of a log call's arguments, lower-cased, one space between words. */
function messageWords(log: TSESTree.CallExpression): string {
  const parts: string[] = [];
  for (const arg of log.arguments) {
    if (arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') parts.push(arg.value);
    else if (arg.type === AST_NODE_TYPES.TemplateLiteral) parts.push(...arg.quasis.map((q) => q.value.cooked ?? ''));
    else if (arg.type === AST_NODE_TYPES.BinaryExpression) {
      for (const side of [arg.left, arg.right]) if (side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string') parts.push(side.value);
    }
  }
  return parts
    .join(' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .join(' ');
}

/** `function checkForUpdates()`, `const checkForUpdates = () => …`, `async getOutdatedState() {…}`, `exports.checkForUpdates = …`, else null. */
function functionName(fn: AnyFunction): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  // `exports.needsUpdate = (cb) => …`, `self.checkForUpdates = function () {…}`
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    return parent.left.type === AST_NODE_TYPES.Identifier ? parent.left.name : parent.left.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(parent.left) : null;
  }
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) {
    return parent.computed ? null : getPropertyName(parent);
  }
  return null;
}

/**
 * The callee paths of the calls whose failure the handler receives: those of the `try` block, or
 * those of the promise chain a rejection handler is attached to (`changelog.fetch().then(…).catch(h)`,
 * `Promise.all([changelog.fetch(), packages.outdated()]).catch(h)`), not entering nested functions.
 */
function failingCallPaths(context: Context, handler: TSESTree.CatchClause | AnyFunction): string[] {
  const paths: string[] = [];
  const collect = (node: TSESTree.Node): void => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const path = getCalleePath(node);
    if (path !== null) paths.push(path);
  };
  if (handler.type === AST_NODE_TYPES.CatchClause) {
    const tryStatement = handler.parent;
    if (tryStatement?.type === AST_NODE_TYPES.TryStatement) {
      walkSameFunction(
        tryStatement.block,
        (node) => {
          collect(node);
          return true;
        },
        context.sourceCode.visitorKeys,
      );
    }
    return paths;
  }
  const call = handler.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return paths;
  walkSameFunction(
    call.callee.object,
    (node) => {
      collect(node);
      return true;
    },
    context.sourceCode.visitorKeys,
  );
  return paths;
}
