/**
 * Is a caught error's stack recorded by another call than the text-only log (for `stack-loss.ts`):
 * a log or reporter beside it in the same handler (`logger.error(e.stack)`, `Sentry.captureException(e)`,
 * `debug.enabled && debug(e.stack)`), or the `'error'` listener of the emitter whose calls the `try`
 * makes. Also the calls of a `try` block that do work, which both files ask about.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, contains, findVariable, getEnclosingFunction, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction, walkTree } from './ast.js';
import { classifyErrorMention, isErrorReporterCall } from './errors.js';
import { errorTypeGuardSubject } from './catch-guards.js';
import { someEnclosingStep } from './walks.js';
import { classifyCall } from './fallible.js';
import { getDebugLogCall, getLoggerCall } from './loggers.js';
import { PASSIVE_CALLS } from './stack-loss-io.js';

/**
 * Another call in the same handler records the error object or its stack: a reporter
 * (`errorReporter.error(e)`, `Sentry.captureException(e)`) or a log (`logger.error(e.stack)`,
 * `console.error(e)`). It must be a statement of a block that encloses the text-only log, in the
 * same function, so it runs whenever the log runs (barring an early exit between them).
 */
export function isRecordedBeside(context: Context, variable: TSESLint.Scope.Variable, log: TSESTree.CallExpression): boolean {
  const logFunction = getEnclosingFunction(log);
  // `const stack = err instanceof Error ? err.stack : undefined; … logger.debug(stack)`: the stack written through a name of its own.
  const ids = [...variable.references.map((ref) => ref.identifier), ...stackAliasUses(context, variable)];
  return ids.some((id) => {
    if (id.type !== AST_NODE_TYPES.Identifier || contains(log, id)) return false;
    if (!isStackAlias(id, variable) && classifyErrorMention(id).kind !== 'whole') return false;
    const call = argumentOwner(id);
    if (!call || contains(call, log)) return false;
    const recorder = isErrorReporterCall(context, call) || isLogWrite(context, call) || reportsByVerb(call, id);
    if (!recorder) return false;
    let statement: TSESTree.Node = call;
    while (statement.parent && (statement.parent.type === AST_NODE_TYPES.AwaitExpression || statement.parent.type === AST_NODE_TYPES.ChainExpression)) {
      statement = statement.parent;
    }
    // `debug.enabled && debug(err.stack)`, `log.isDebugEnabled() && log.debug(err.stack)`: written whenever that level is on.
    if (statement.parent?.type === AST_NODE_TYPES.LogicalExpression && statement.parent.operator === '&&' && statement.parent.right === statement && isLevelTest(statement.parent.left)) {
      statement = statement.parent;
    }
    if (statement.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let block = statement.parent.parent;
    // `if (err instanceof Error && err.stack) console.error(err.stack)`: it runs whenever there is a stack to keep.
    const guard = block?.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1 ? block.parent : block;
    if (guard?.type === AST_NODE_TYPES.IfStatement && !guard.alternate && isStackPresenceTest(guard.test, variable)) block = guard.parent;
    if (!block || (block.type !== AST_NODE_TYPES.BlockStatement && block.type !== AST_NODE_TYPES.SwitchCase)) return false;
    return contains(block, log) && getEnclosingFunction(call) === logFunction;
  });
}

/**
 * Verbs that hand a failure to an error tracker or notifier, which keeps the object it is given: `errors.notify(err)`,
 * `this.reporter.report(err)`, `span.recordException(err)`, `appInsights.trackException(err)`.
 */
const REPORT_VERB = /^(?:notify|notifyError|report|reportError|reportException|capture|captureError|captureException|trackError|trackException|recordError|recordException|noticeError)$/u;

/**
 * `errors.notify(err)` beside `log.error('Failed to start', err.message)`: the error itself is the first argument of a
 * method named for reporting a failure, whatever the object (the app's own error module, a notifier, a span). What is
 * handed the whole error object can keep its stack; the text log is the summary line.
 */
function reportsByVerb(call: TSESTree.CallExpression, id: TSESTree.Identifier): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !REPORT_VERB.test(getPropertyName(callee) ?? '')) return false;
  const first = call.arguments[0];
  return first !== undefined && skipTransparent(first) === id;
}

/**
 * The reads of a `const` that holds the error's stack (`const stack = err.stack`, `const stack = err instanceof Error ?
 * err.stack : undefined`, `const trace = err?.stack ?? String(err)`), so that writing it counts as writing the stack.
 */
function stackAliasUses(context: Context, variable: TSESLint.Scope.Variable): TSESTree.Identifier[] {
  const uses: TSESTree.Identifier[] = [];
  for (const ref of variable.references) {
    const read = ref.identifier.parent;
    if (read?.type !== AST_NODE_TYPES.MemberExpression || read.object !== ref.identifier || getPropertyName(read) !== 'stack') continue;
    let n: TSESTree.Node = read;
    while (n.parent && (n.parent.type === AST_NODE_TYPES.ChainExpression || n.parent.type === AST_NODE_TYPES.ConditionalExpression || n.parent.type === AST_NODE_TYPES.LogicalExpression || n.parent.type === AST_NODE_TYPES.TSAsExpression)) {
      if (n.parent.type === AST_NODE_TYPES.ConditionalExpression && n.parent.test === n) break;
      n = n.parent;
    }
    const declarator = n.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== n || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    if (declarator.parent.type !== AST_NODE_TYPES.VariableDeclaration || declarator.parent.kind !== 'const') continue;
    const alias = findVariable(context, declarator.id);
    for (const use of alias?.references ?? []) if (!use.init) uses.push(use.identifier as TSESTree.Identifier);
  }
  return uses;
}

/** A read of a stack alias (see `stackAliasUses`), not of the error itself: it is the stack wherever it is passed. */
function isStackAlias(id: TSESTree.Identifier, variable: TSESLint.Scope.Variable): boolean {
  return !variable.references.some((ref) => ref.identifier === id);
}

/**
 * A call that writes a log: a logger's (`logger.error(…)`, `console.error(…)`) or a namespaced debug
 * function's (`const debug = createDebug('app:x'); debug(…)`), which cannot fail for a real operation.
 */
export function isLogWrite(context: Context, call: TSESTree.CallExpression): boolean {
  return getLoggerCall(context, call) !== null || getDebugLogCall(context, call) !== null;
}

/** `debug.enabled`, `logger.isDebugEnabled()`, `logger.isLevelEnabled('debug')`: a logger's own test of its level. */
function isLevelTest(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(n) === 'enabled';
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(n.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && /^is\w*Enabled$/u.test(getPropertyName(callee) ?? '');
}

/** `err.stack`, `err?.stack`, `err instanceof Error`, `err`, joined by `&&`: true whenever the error has a stack. */
function isStackPresenceTest(test: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '&&') return isStackPresenceTest(t.left, variable) && isStackPresenceTest(t.right, variable);
  if (t.type === AST_NODE_TYPES.Identifier) return isReferenceTo(t, variable);
  if (t.type === AST_NODE_TYPES.BinaryExpression && t.operator === 'instanceof') {
    return isReferenceTo(t.left, variable) && t.right.type === AST_NODE_TYPES.Identifier && t.right.name === 'Error';
  }
  // `typeof err.stack !== 'undefined'`, `err.stack !== undefined`, `err.stack != null`.
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '!==' || t.operator === '!=')) {
    const [subject, other] = isAbsentValue(t.right) ? [skipTransparent(t.left), t.right] : [skipTransparent(t.right), t.left];
    if (!isAbsentValue(other)) return false;
    const read = subject.type === AST_NODE_TYPES.UnaryExpression && subject.operator === 'typeof' ? skipTransparent(subject.argument) : subject;
    return isStackRead(read, variable);
  }
  return isStackRead(t, variable);
}

function isStackRead(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node) === 'stack' && isReferenceTo(node.object, variable);
}

/** `undefined`, `null`, `'undefined'` (what `typeof` gives for a missing value). */
function isAbsentValue(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined') || (n.type === AST_NODE_TYPES.Literal && (n.value === null || n.value === 'undefined'));
}

/** The call `id` is an argument of (directly, as `e.stack`, or inside an object / array argument). */
function argumentOwner(id: TSESTree.Identifier): TSESTree.CallExpression | null {
  let node: TSESTree.Node = id;
  while (node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression) return parent.arguments.includes(node as TSESTree.CallExpressionArgument) ? parent : null;
    if (
      parent.type === AST_NODE_TYPES.MemberExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.ObjectExpression ||
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      // `${err.stack}` / 'failed: ' + err.stack: the stack text, message included, reaches the call.
      parent.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+')
    ) {
      node = parent;
      continue;
    }
    return null;
  }
  return null;
}

export function isReferenceTo(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.Identifier && variable.references.some((r) => r.identifier === n);
}

/**
 * The calls of a try block that do work (logs aside) and whose failure can reach its catch, not entering nested functions.
 * A nested `try` whose catch throws nothing handles what its own block throws (`try { await cache.insertOne(x) } catch {
 * // ignore }`): only its catch and finally can fail into the outer one.
 */
export function workCalls(context: Context, block: TSESTree.BlockStatement): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const keys = context.sourceCode.visitorKeys;
  const visit = (node: TSESTree.Node): boolean => {
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler && !throwsIn(node.handler.body, keys)) {
      walkSameFunction(node.handler.body, visit, keys);
      if (node.finalizer) walkSameFunction(node.finalizer, visit, keys);
      return false;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    if (isLogWrite(context, node)) return false;
    calls.push(node);
    return true;
  };
  walkSameFunction(block, visit, keys);
  return calls;
}

/** A `throw` in `node`'s own function. */
function throwsIn(node: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(
    node,
    (n) => {
      if (n.type === AST_NODE_TYPES.ThrowStatement) found = true;
      return !found;
    },
    keys,
  );
  return found;
}

/**
 * Every call in the try block that does work is a method of one emitter — a variable
 * (`await client.connect()`) or a field of the class (`await this.client.get(key)`) — besides pure
 * helpers and parsing, and that emitter's `'error'` listener in this file logs or reports the whole
 * error (`client.on('error', (err) => log.error('redis error', { error: err }))`, in a class
 * `this.client.on('error', …)`): the failure is recorded there with its stack, and the catch's text
 * line is a second record.
 */
export function isRecordedByErrorListener(context: Context, block: TSESTree.BlockStatement): boolean {
  const calls = workCalls(context, block).map((call) => ({ call, source: emitterSource(context, call) }));
  // The emitter is the one source every other call leaves passive (pure helpers, parsing): try each in turn.
  const sources: EmitterSource[] = [];
  for (const { source } of calls) if (source && !sources.some((s) => sameSource(s, source))) sources.push(source);
  return sources.some(
    (source) =>
      calls.every(({ call, source: s }) => {
        if (s && sameSource(s, source)) return true;
        const kind = classifyCall(context, call);
        return PASSIVE_CALLS.has(kind) || kind === 'none';
      }) && hasLoggingErrorListener(context, block, source),
  );
}

/** An emitter a call goes to: a variable (`client.connect()`) or a field of the class (`this.client.get(key)`). */
type EmitterSource = { variable: TSESLint.Scope.Variable } | { field: string };

function sameSource(a: EmitterSource, b: EmitterSource): boolean {
  return 'variable' in a ? 'variable' in b && a.variable === b.variable : 'field' in b && a.field === b.field;
}

/**
 * The emitter whose method `call` is: its receiver variable or `this` field. A `const` made by a call on one
 * (`const multi = this.client.multi(); multi.set(…); await multi.exec()`, a pipeline or transaction the
 * client hands out) stands for that client: its commands fail as the client's do.
 */
function emitterSource(context: Context, call: TSESTree.CallExpression): EmitterSource | null {
  const callee = skipTransparent(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
  if (receiver?.type === AST_NODE_TYPES.MemberExpression && skipTransparent(receiver.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = getPropertyName(receiver);
    return name === null ? null : { field: name };
  }
  if (receiver?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, receiver);
  if (!variable) return null;
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? skipTransparent(def.node.init) : null;
  if (init?.type === AST_NODE_TYPES.CallExpression) {
    const made = skipTransparent(init.callee);
    const maker = made.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(made.object) : null;
    if (maker?.type === AST_NODE_TYPES.MemberExpression && skipTransparent(maker.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = getPropertyName(maker);
      if (name !== null) return { field: name };
    }
    const client = maker?.type === AST_NODE_TYPES.Identifier ? findVariable(context, maker) : null;
    if (client) return { variable: client };
  }
  return { variable };
}

/** The emitter's `'error'` listener in this file (in the class, for a field) logs or reports the whole error. */
function hasLoggingErrorListener(context: Context, block: TSESTree.BlockStatement, source: EmitterSource): boolean {
  if ('variable' in source) return source.variable.references.some((ref) => isLoggingErrorListener(context, ref.identifier));
  const body = enclosingClassBody(block);
  if (!body) return false;
  let found = false;
  walkTree(
    body,
    (node) => {
      if (found || node.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(node.object).type !== AST_NODE_TYPES.ThisExpression) return;
      if (getPropertyName(node) === source.field && isLoggingErrorListener(context, node)) found = true;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) if (current.type === AST_NODE_TYPES.ClassBody) return current;
  return null;
}

const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);

/** `emitter.on('error', (err) => logger.error(…, err))`: a listener that records the whole error. */
function isLoggingErrorListener(context: Context, id: TSESTree.Node): boolean {
  const member = id.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) return false;
  const method = getPropertyName(member);
  const call = member.parent;
  if (method === null || !LISTEN_METHODS.has(method) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const [event, listener] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'error' || !listener || !isFunctionNode(listener)) return false;
  const param = listener.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, param);
  return (
    variable !== null &&
    variable.references.some((ref) => {
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier || classifyErrorMention(ref.identifier).kind !== 'whole') return false;
      const owner = argumentOwner(ref.identifier);
      return owner !== null && getEnclosingFunction(owner) === listener && (getLoggerCall(context, owner) !== null || isErrorReporterCall(context, owner));
    })
  );
}

/**
 * The log sits where `variable` is known not to be an Error: the `else` of an error type guard (`v instanceof Error`,
 * `isNativeError(v)`: catch-guards.ts `errorTypeGuardSubject`), or the branch of its negation.
 */
export function isInNonErrorBranch(variable: TSESLint.Scope.Variable, log: TSESTree.Node): boolean {
  const binder = variable.defs[0]?.node;
  const guards = (test: TSESTree.Node): boolean => {
    const subject = errorTypeGuardSubject(test);
    return subject !== null && isReferenceTo(subject, variable);
  };
  const negates = (test: TSESTree.Node): boolean => {
    const t = skipTransparent(test);
    return t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!' && guards(t.argument);
  };
  return someEnclosingStep(log, binder, (current, child) =>
    (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
    ((current.alternate === child && guards(current.test)) || (current.consequent === child && negates(current.test))),
  );
}
