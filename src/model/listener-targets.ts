/**
 * Is an error listener the kind require-error-handler-logging holds to account — a process-level
 * handler installed for good, a server's 'error' listener — or something that only looks like one?
 *
 * - A process listener added and removed around one operation (`process.addListener('unhandledRejection',
 *   onReject); await db.close(); process.removeListener('unhandledRejection', onReject)`) watches that
 *   operation; it is not the application's crash handler, which stays installed elsewhere.
 * - A socket held under a server-like name (`server`, `srv`) that is a UDP socket bound to no port or
 *   to port 0, or a client connection (`net.connect()`), talks to other servers; its 'error' events
 *   are the failures of outgoing probes, not of a service the application offers.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type Context,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getNumberValue,
  getPropertyName,
  getStringValue,
  lastSegment,
  skipTransparent,
  walkTree,
} from './ast.js';
import { isProcessObject } from './process-object.js';

/** Methods that detach a listener again. */
const REMOVE_METHODS = new Set(['removeListener', 'off']);
/** Calls that create an outgoing connection: `net.connect()`, `tls.connect()`, `net.createConnection()`. */
const CONNECT = /^(?:net|tls|node:net|node:tls)\.(?:connect|createConnection)$|(?:^|\.)createConnection$/u;
/** At most this many nodes are walked to find what a member path is assigned. */
const MAX_WALK = 5000;

/**
 * `process.addListener(event, listener)` (`call`) whose `listener` variable the same function detaches
 * again with `process.removeListener(event, listener)` / `process.off(event, listener)`.
 */
export function isTemporaryProcessListener(context: Context, call: TSESTree.CallExpression): boolean {
  const [eventNode, arg] = call.arguments;
  if (!eventNode || !arg || arg.type !== AST_NODE_TYPES.Identifier) return false;
  const event = getStringValue(eventNode);
  const variable = findVariable(context, arg);
  if (event === null || !variable) return false;
  const fn = getEnclosingFunction(call);
  return variable.references.some((ref) => {
    const remove = ref.identifier.parent;
    if (remove?.type !== AST_NODE_TYPES.CallExpression || remove.arguments[1] !== ref.identifier) return false;
    const callee = skipTransparent(remove.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !isProcessObject(callee.object, context)) return false;
    return REMOVE_METHODS.has(getPropertyName(callee) ?? '') && getStringValue(remove.arguments[0]) === event && getEnclosingFunction(remove) === fn;
  });
}

/**
 * The receiver of an 'error' listener holds an outgoing socket: every value the file writes to it
 * (the variable's initializer and assignments, or assignments to the same member path in the
 * enclosing function) that creates a socket is a UDP socket (`dgram.createSocket()`) or a client
 * connection, at least one does, and every `bind` on it takes no port or port 0.
 */
export function isOutgoingSocket(context: Context, receiver: TSESTree.Node): boolean {
  const r = skipTransparent(receiver);
  const path = getMemberPath(r);
  if (path === null) return false;
  const values = writtenValues(context, r, path);
  let outgoing = false;
  for (const value of values) {
    const v = skipTransparent(value);
    if (v.type !== AST_NODE_TYPES.CallExpression && v.type !== AST_NODE_TYPES.NewExpression) continue;
    const callee = getCalleePath(v);
    if (callee === null) continue;
    if (lastSegment(callee) === 'createSocket' || CONNECT.test(callee)) outgoing = true;
    else if (/(?:createServer|listen)$/u.test(callee)) return false;
  }
  return outgoing && bindsOnlyEphemeral(context, r, path);
}

/** What the file writes to `path` (an identifier's variable, or a member path within the enclosing function). */
function writtenValues(context: Context, receiver: TSESTree.Node, path: string): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, receiver);
    if (!variable) return values;
    for (const def of variable.defs) if (def.type === 'Variable' && def.node.init) values.push(def.node.init);
    for (const ref of variable.references) if (ref.writeExpr && !ref.init) values.push(ref.writeExpr);
    return values;
  }
  const scope = getEnclosingFunction(receiver) ?? context.sourceCode.ast;
  let seen = 0;
  walkTree(scope, (node) => {
    if (++seen > MAX_WALK) return;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && getMemberPath(node.left) === path) values.push(node.right);
  }, context.sourceCode.visitorKeys);
  return values;
}

/** Every `<path>.bind(…)` in the file takes no port, port 0 or `{ port: 0 }` (an ephemeral port: a client's). */
function bindsOnlyEphemeral(context: Context, receiver: TSESTree.Node, path: string): boolean {
  const calls: TSESTree.CallExpression[] = [];
  const collect = (refs: readonly TSESLint.Scope.Reference[]) => {
    for (const ref of refs) {
      const member = ref.identifier.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier && member.parent?.type === AST_NODE_TYPES.CallExpression) {
        if (getPropertyName(member) === 'bind' && member.parent.callee === member) calls.push(member.parent);
      }
    }
  };
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    collect(findVariable(context, receiver)?.references ?? []);
  } else {
    let seen = 0;
    walkTree(getEnclosingFunction(receiver) ?? context.sourceCode.ast, (node) => {
      if (++seen > MAX_WALK || node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'bind' && getMemberPath(callee.object) === path) calls.push(node);
    }, context.sourceCode.visitorKeys);
  }
  return calls.every((call) => {
    const first = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
    if (first === null) return true;
    if (first.type === AST_NODE_TYPES.ObjectExpression) {
      const port = first.properties.find((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'port');
      return !port || (port.type === AST_NODE_TYPES.Property && getNumberValue(port.value) === 0);
    }
    return getNumberValue(first) === 0;
  });
}
