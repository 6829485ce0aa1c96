/**
 * Where a node sits: the statement a log line goes before, the branch it lies in, whether it is
 * a variable's initializer, test code, an exported helper, the route a handler is registered for.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, contains, getCalleePath, getEnclosingFunction, isFunctionNode, lastSegment } from './ast.js';

const TEST_CALLS = /^(?:describe|it|test|suite|beforeEach|beforeAll|afterEach|afterAll|fit|xit)$|(?:^|\.)(?:mock\w*|fn|spyOn|stub)$/u;

/**
 * The statement (or arrow body) of `region` that `node` belongs to — where a log line goes
 * before it — and whether a log there would run only on the path to `node` (no `&&`, `?:` or
 * optional chain between them).
 */
export function findLogAnchor(node: TSESTree.Node, region: AnyFunction): { anchor: TSESTree.Node; fixable: boolean } {
  let fixable = true;
  let current: TSESTree.Node = node;
  while (current.parent && current.parent !== region) {
    const parent: TSESTree.Node = current.parent;
    if (/Statement$|Declaration$/u.test(current.type) && current.type !== AST_NODE_TYPES.BlockStatement && !/Expression$/u.test(parent.type)) {
      return { anchor: current, fixable };
    }
    if (
      (parent.type === AST_NODE_TYPES.LogicalExpression && current === parent.right) ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && current !== parent.test) ||
      parent.type === AST_NODE_TYPES.ChainExpression
    ) {
      fixable = false;
    }
    current = parent;
  }
  return { anchor: current, fixable };
}

/** The `if` branch, `catch` clause or `case` `anchor` lies in (the function body when none). */
export function innermostBranch(anchor: TSESTree.Node, region: AnyFunction): TSESTree.Node {
  let child: TSESTree.Node = anchor;
  let parent = anchor.parent;
  while (parent && parent !== region) {
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) return child;
    if (parent.type === AST_NODE_TYPES.CatchClause || parent.type === AST_NODE_TYPES.SwitchCase) return parent;
    child = parent;
    parent = parent.parent;
  }
  return region.body;
}

/** The innermost statement or declaration holding `node` (the node itself when it is one; stops at a function). */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = node;
  while (current.parent && !isFunctionNode(current.parent) && !/Statement$|Declaration$/u.test(current.type)) current = current.parent;
  return current;
}

/** `const response = NextResponse.json(…)`: `node` is (part of) a variable's initializer, a value rather than an answer. */
export function isVariableInit(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent && !/Statement$|Declaration$|Declarator$/u.test(current.parent.type) && !isFunctionNode(current.parent)) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.VariableDeclarator && current.parent.init === current;
}

/** Inside a test or a mock: a callback of `describe`/`it`/`test`/hooks, `jest.fn`, `vi.mock`, `sinon.stub`. */
export function isInTestCode(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current) && current.parent?.type === AST_NODE_TYPES.CallExpression) {
      const path = getCalleePath(current.parent);
      if (path !== null && (TEST_CALLS.test(path) || TEST_CALLS.test(lastSegment(path)))) return true;
    }
    current = current.parent;
  }
  return false;
}

/** `export function unauthorized() { … }`, `export const deny = …`: a helper other files call. */
export function isExportedHelper(fn: AnyFunction): boolean {
  let node: TSESTree.Node | undefined = fn.parent;
  if (node?.type === AST_NODE_TYPES.VariableDeclarator) node = node.parent?.parent;
  return node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** The route a handler is registered for: `app.post('/account/delete', fn)` → '/account/delete'. */
export function routeOf(fn: AnyFunction): string | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  for (const arg of call.arguments) {
    if (arg === fn) break;
    if (arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') return arg.value;
  }
  return null;
}

/** The last of `nodes` (in source order) inside `region` itself, before `anchor`, in the branch `anchor` lies in. */
export function lastInBranchBefore<T extends TSESTree.Node>(nodes: readonly T[], anchor: TSESTree.Node, region: AnyFunction): T | null {
  const branch = innermostBranch(anchor, region);
  let found: T | null = null;
  for (const node of nodes) {
    if (getEnclosingFunction(node) !== region || node.range[1] > anchor.range[0]) continue;
    if (contains(branch, node)) found = node;
  }
  return found;
}

/** `const r = await res.status(400).json(…)`: `node` itself (through `await` and `as`) is a variable's initializer. */
export function initializesVariable(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.TSAsExpression)) current = current.parent;
  return current?.type === AST_NODE_TYPES.VariableDeclarator;
}
