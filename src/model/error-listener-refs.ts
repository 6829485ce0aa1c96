/**
 * Where does a named function receive its errors from? A listener is often written apart from where it
 * is registered: a class field (`onError = (err) => …` with `this.res.on('error', this.onError)`), a
 * factory that returns one (`handleListenError = (name, port) => (err) => …` with
 * `server.on('error', this.handleListenError('HTTP', port))`), a `const` function, or the error callback a
 * network client is handed (`this.rtspClient.onErrorCallback = this.onConnectionError`). The question is
 * answered here for `stack-loss.ts`, which judges each registration as it judges an inline listener.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getPropertyName, isFunctionNode, skipTransparent, walkTree } from './ast.js';
import { isChildProcessErrorEvent, isConnectionErrorEvent, isConnectionName } from './stack-loss-io.js';

/** How a function is handed its errors: as the listener argument of `x.on('error', fn)`, or assigned to `client.onErrorCallback`. */
type ErrorRegistration = { kind: 'listener'; call: TSESTree.CallExpression } | { kind: 'callback'; target: TSESTree.MemberExpression };

/** A property that holds an object's error callback: `onError`, `onErrorCallback`, `errorHandler`, `onConnectionError`. */
const ERROR_CALLBACK_PROPERTY = /^(?:on\w*Error\w*|error(?:Callback|Handler|Listener))$/u;

/** At most this many nodes are walked in a class body to find the uses of a member. */
const MAX_WALK = 20000;

/**
 * `variable` is the error parameter of a listener written apart from its registration, and every registration
 * hands it the I/O errors of a connection or a child process: `this.res.on('error', this.onError)`,
 * `httpServer.on('error', this.handleListenError('HTTP server', port))`, `this.rtspClient.onErrorCallback =
 * this.onConnectionError`. Judged as an inline `socket.on('error', (err) => …)` is: the error is raised from Node's
 * event loop or the client's protocol, its message and code are the whole story, its stack names only stream
 * internals. A connection's errors are an expected failure (`reportExpected` reports them); a child process's
 * `'error'` event is made inside Node either way.
 */
export function receivesOnlyIoErrors(context: Context, variable: TSESLint.Scope.Variable, reportExpected: boolean): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params[0] !== def.name) return false;
  const registrations = errorRegistrations(context, def.node);
  if (!registrations) return false;
  return registrations.every((r) => {
    if (r.kind === 'callback') return !reportExpected && isConnectionName(r.target.object);
    return isChildProcessErrorEvent(context, r.call) || (!reportExpected && isConnectionErrorEvent(context, r.call));
  });
}

/**
 * The places `fn` is registered to receive errors, when every use of it in this file is such a registration:
 * `x.on('error', fn)` (also `fn.bind(this)`), `client.onErrorCallback = fn`. Followed one level through a factory
 * that returns `fn`, every call of which is registered so. Null when `fn` is used any other way (called directly,
 * exported, passed elsewhere): what reaches it is then not only what the emitter raises.
 */
function errorRegistrations(context: Context, fn: AnyFunction): ErrorRegistration[] | null {
  const direct = usesOf(context, fn);
  if (direct) return registrationsOf(direct);
  // `handleListenError = (name, port) => { return (err) => { … } }`: the factory's calls are the listener.
  const factory = returningFactory(fn);
  if (!factory) return null;
  const calls = usesOf(context, factory);
  if (!calls || calls.length === 0) return null;
  const values: TSESTree.Node[] = [];
  for (const use of calls) {
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) return null;
    values.push(call);
  }
  return registrationsOf(values);
}

/** Each use must register the value as an error listener or callback; else null. */
function registrationsOf(values: readonly TSESTree.Node[]): ErrorRegistration[] | null {
  if (values.length === 0) return null;
  const out: ErrorRegistration[] = [];
  for (const value of values) {
    const registration = registrationOf(value);
    if (!registration) return null;
    out.push(registration);
  }
  return out;
}

function registrationOf(value: TSESTree.Node): ErrorRegistration | null {
  let node: TSESTree.Node = value;
  // `this.onError.bind(this)`: the same function.
  const bindCall = node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && getPropertyName(node.parent) === 'bind' ? node.parent.parent : null;
  if (bindCall?.type === AST_NODE_TYPES.CallExpression && bindCall.callee === node.parent) node = bindCall;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === node && parent.arguments.length === 2) return { kind: 'listener', call: parent };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === node && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(parent.left);
    if (name !== null && ERROR_CALLBACK_PROPERTY.test(name)) return { kind: 'callback', target: parent.left };
  }
  return null;
}

/** `(name, port) => (err) => …`, `(name) => { return (err) => … }`: the factory whose only returned value is `fn`. */
function returningFactory(fn: AnyFunction): AnyFunction | null {
  const parent = fn.parent;
  if (parent && isFunctionNode(parent) && parent.body === fn) return parent;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return null;
  const block = parent.parent;
  const owner = block?.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || !owner || !isFunctionNode(owner) || owner.body !== block) return null;
  // The return is a statement of the factory's own body, and the only one.
  const returns = block.body.filter((s) => s.type === AST_NODE_TYPES.ReturnStatement);
  return returns.length === 1 ? owner : null;
}

/**
 * The expressions that read `fn` in this file: `this.name` in its class for a class member, the variable's
 * references for a declaration or `const`. Null when `fn` has no name to follow or is exported.
 */
function usesOf(context: Context, fn: AnyFunction): TSESTree.Node[] | null {
  const holder = fn.parent;
  if ((holder?.type === AST_NODE_TYPES.PropertyDefinition || holder?.type === AST_NODE_TYPES.MethodDefinition) && holder.value === fn) {
    if (holder.computed || holder.static || holder.parent.type !== AST_NODE_TYPES.ClassBody) return null;
    const name = getPropertyName(holder);
    return name === null ? null : memberUses(context, holder.parent, name);
  }
  let id: TSESTree.Identifier | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id && holder?.type !== AST_NODE_TYPES.ExportNamedDeclaration && holder?.type !== AST_NODE_TYPES.ExportDefaultDeclaration) id = fn.id;
  else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === fn && holder.id.type === AST_NODE_TYPES.Identifier && holder.parent.kind === 'const' && holder.parent.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration) {
    id = holder.id;
  }
  const variable = id ? findVariable(context, id) : null;
  if (!variable) return null;
  return variable.references.filter((ref) => !ref.init).map((ref) => ref.identifier);
}

/** `this.name` read anywhere in the class body (none of them written). Null when the walk is too long or the member is reassigned. */
function memberUses(context: Context, body: TSESTree.ClassBody, name: string): TSESTree.Node[] | null {
  const uses: TSESTree.Node[] = [];
  let seen = 0;
  let failed = false;
  walkTree(
    body,
    (node) => {
      if (failed || ++seen > MAX_WALK) {
        failed = true;
        return;
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(node.object).type !== AST_NODE_TYPES.ThisExpression || node.computed || getPropertyName(node) !== name) return;
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) failed = true;
      else uses.push(node);
    },
    context.sourceCode.visitorKeys,
  );
  return failed ? null : uses;
}
