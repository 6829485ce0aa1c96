/**
 * Searches over one function's own code (nested functions run at another time and are not
 * entered): the one answer to "does some node of this body …", in place of a `found` flag around
 * walkSameFunction repeated per question.
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, walkSameFunction } from './ast.js';

/**
 * The first node of `root` (itself included; nested functions not entered) that `test` accepts, in source order, or null.
 * A node `skip` accepts is passed over with everything inside it (`log.error('…', err)` in a search for work that fails).
 */
export function findInSameFunction(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
  skip?: (node: TSESTree.Node) => boolean,
): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  walkSameFunction(
    root,
    (node) => {
      if (found) return false;
      if (skip?.(node)) return false;
      if (test(node)) found = node;
      return found === null;
    },
    visitorKeys,
  );
  return found;
}

/** Some node of `root` (itself included; nested functions not entered, nodes `skip` accepts passed over) is one `test` accepts. */
export function someInSameFunction(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
  skip?: (node: TSESTree.Node) => boolean,
): boolean {
  return findInSameFunction(root, visitorKeys, test, skip) !== null;
}

/**
 * `root`'s own code makes only calls that `wanted` or `neutral` accept, builds nothing with `new`,
 * and makes at least one wanted call: a function whose whole work is one kind of step (removing
 * paths, writing the response) plus arithmetic for it.
 */
export function onlyCallsOf(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  wanted: (call: TSESTree.CallExpression) => boolean,
  neutral: (call: TSESTree.CallExpression) => boolean,
): boolean {
  let seen = 0;
  const other = someInSameFunction(root, visitorKeys, (node) => {
    if (node.type === 'NewExpression') return true;
    if (node.type !== 'CallExpression') return false;
    if (wanted(node)) {
      seen++;
      return false;
    }
    return !neutral(node);
  });
  return seen > 0 && !other;
}

/**
 * Some step up from `node` to the nearest function (`stop` and functions not passed) is one `test` accepts, given the
 * ancestor and the child it was reached from: the one walk for "does `node` sit in the branch of …"
 * (`if (e instanceof X) log…`, the `else` of a guard, a `case` of `switch (e.code)`).
 */
export function someEnclosingStep(node: TSESTree.Node, stop: TSESTree.Node | undefined, test: (ancestor: TSESTree.Node, child: TSESTree.Node) => boolean): boolean {
  return findEnclosingStep(node, stop, (ancestor, child) => (test(ancestor, child) ? true : null)) !== null;
}

/**
 * The first answer `pick` gives on the walk of {@link someEnclosingStep} (nearest ancestor first), or null:
 * "which check's failing branch is `node` on".
 */
export function findEnclosingStep<T>(node: TSESTree.Node, stop: TSESTree.Node | undefined, pick: (ancestor: TSESTree.Node, child: TSESTree.Node) => T | null): T | null {
  let child = node;
  for (let current = node.parent; current && current !== stop && !isFunctionNode(current); child = current, current = current.parent) {
    const answer = pick(current, child);
    if (answer !== null) return answer;
  }
  return null;
}
