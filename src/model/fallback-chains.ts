/**
 * Is this catch one step of a fallback chain? A catch that makes another attempt (tries again,
 * asks elsewhere, computes the value by other means), whose fallback value is checked right
 * after and thrown, whose candidates are tried in turn before a final throw, or whose batch
 * reports which items succeeded, does not hide the failure: the chain ends in an answer or a
 * throw the caller sees.
 *
 * Recognition only: no rule options (the caller's `FailureOptions` are passed in), no reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getCalleePath, getEnclosingFunction, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import {
  answersNotFound,
  answersRefusal,
  isLookupAnsweredAbsent,
  reportsFailureAsData,
  returnsFailedFlag,
  returnsOwnInput,
  returnsValue,
  throwsServerError,
} from './catch-answers.js';
import { isOutageRefusal } from './catch-guards.js';
import { type FailureOptions, classifyCall, isCallToEnclosing } from './fallible.js';
import { getLoggingLevel } from './loggers.js';
import { getResponseSink } from './responses.js';

/** A call in a catch that tries again or asks elsewhere (not a log, a response, or a pure helper). */
export function isAttemptCall(context: Context, call: TSESTree.CallExpression | TSESTree.NewExpression, failureOptions: FailureOptions): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression) return false;
  if (getLoggingLevel(context, call) !== null || getResponseSink(context, call) !== null) return false;
  const kind = classifyCall(context, call, failureOptions);
  if (kind === 'pure' || kind === 'logs' || kind === 'telemetry') return false;
  const path = getCalleePath(call);
  return path === null || !/^Promise\.(?:reject|resolve)$/u.test(path);
}

/** `node` (same function) awaits something or makes an attempt call; responses and logs are answers, not attempts. */
export function holdsAttempt(context: Context, node: TSESTree.Node, failureOptions: FailureOptions): boolean {
  let found = false;
  walkSameFunction(
    node,
    (n) => {
      if (found) return false;
      // A response chain (`res.status(401).json(…)`) and a log are answers, not attempts.
      if (n.type === AST_NODE_TYPES.CallExpression && (getResponseSink(context, n) !== null || getLoggingLevel(context, n) !== null)) return false;
      if (n.type === AST_NODE_TYPES.AwaitExpression) found = true;
      else if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(context, n, failureOptions)) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * A fallback chain: the catch makes another attempt — it calls again what the try called, calls
 * the enclosing function (retry), computes the value the try was computing by other means, or
 * returns another call's answer where the try returned one.
 */
export function isAnotherAttempt(context: Context, block: TSESTree.BlockStatement, handler: TSESTree.CatchClause, failureOptions: FailureOptions): boolean {
  const { sourceCode } = context;
  const tryCallees = new Set<string>();
  const tryTargets = new Set<string>();
  let tryReturns = false;
  walkSameFunction(
    block,
    (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(context, n, failureOptions)) tryCallees.add(sourceCode.getText(n.callee));
      else if (n.type === AST_NODE_TYPES.AssignmentExpression) tryTargets.add(sourceCode.getText(n.left));
      else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) tryReturns = true;
    },
    sourceCode.visitorKeys,
  );
  let found = false;
  // `const existing = sessions.validate(cookie); origin = existing.origin`: a local of the catch holding another attempt's answer.
  const attemptLocals = new Set<string>();
  const holds = (node: TSESTree.Node) => holdsAttempt(context, node, failureOptions) || (attemptLocals.size > 0 && readsNames(node, attemptLocals, sourceCode.visitorKeys));
  walkSameFunction(
    handler.body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(context, n, failureOptions)) {
        found = isCallToEnclosing(context, n, handler) || tryCallees.has(sourceCode.getText(n.callee));
      } else if (n.type === AST_NODE_TYPES.VariableDeclarator && n.id.type === AST_NODE_TYPES.Identifier && n.init && holdsAttempt(context, n.init, failureOptions)) {
        attemptLocals.add(n.id.name);
      } else if (n.type === AST_NODE_TYPES.AssignmentExpression) {
        found = tryTargets.has(sourceCode.getText(n.left)) && holds(n.right);
      } else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
        found = tryReturns && holds(n.argument);
      }
      return !found;
    },
    sourceCode.visitorKeys,
  );
  return found;
}

/** The condition that decides whether (or how often) the parts of `node` run: an `if`'s, a loop's, a `?:`'s, a `&&`'s left side. */
function conditionOf(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return node.test;
    case AST_NODE_TYPES.ForStatement:
      return node.test;
    case AST_NODE_TYPES.SwitchStatement:
      return node.discriminant;
    case AST_NODE_TYPES.LogicalExpression:
      return node.left;
    default:
      return null;
  }
}

/** `node` reads one of `names` (an identifier, not a property key). */
function readsNames(node: TSESTree.Node, names: ReadonlySet<string>, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walkSameFunction(
    node,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.Identifier && names.has(n.name) && !(n.parent?.type === AST_NODE_TYPES.MemberExpression && n.parent.property === n && !n.parent.computed)) found = true;
      return !found;
    },
    visitorKeys,
  );
  return found;
}

/** `.catch(() => retry(opts, n + 1))`, `.catch(() => readFromMirror(id))`: the handler answers with another attempt. */
export function isAnotherAttemptInHandler(context: Context, fn: AnyFunction, call: TSESTree.CallExpression, failureOptions: FailureOptions): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return holdsAttempt(context, fn.body, failureOptions);
  let found = false;
  walkSameFunction(
    fn.body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(context, n, failureOptions) && isCallToEnclosing(context, n, call)) found = true;
      else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument && holdsAttempt(context, n.argument, failureOptions)) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * The fallback value is tested right after and turned into a server error:
 * `const tmp = await createTmpFile().catch(() => null); if (!tmp) throw new Error('…')`. The failure
 * surfaces (as a 5xx the error handler logs); a 4xx there (`ForbiddenError`) would hide it.
 */
export function isCheckedThenThrown(context: Context, node: TSESTree.TryStatement | TSESTree.CallExpression): boolean {
  const consequent = checkOfFallback(context, node);
  return consequent !== null && throwsServerError(consequent);
}

/**
 * The fallback value is tested right after and answered with a refusal: `try { column = await
 * this.columnInfo(…) } catch {} if (!column) throw new ForbiddenError()` — an outage reads as
 * "Forbidden", with no record. Not when the test also asks another value (`if (!column && !fieldInfo)`):
 * that value answers when the fallback is empty, and the refusal needs both missing.
 */
export function isCheckedThenRefused(context: Context, node: TSESTree.TryStatement | TSESTree.CallExpression): boolean {
  const check = fallbackCheck(context, node);
  // `if (!column && !fieldInfo) throw new ForbiddenError()`: another value answers when the fallback is empty.
  const test = check ? skipTransparent(check.test) : null;
  if (!check || (test?.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&' && (!check.reads(test.left) || !check.reads(test.right)))) return false;
  return answersRefusal(context, check.consequent);
}

/** The consequent of the `if` right after `node` that tests the value `node` assigns. */
export function checkOfFallback(context: Context, node: TSESTree.TryStatement | TSESTree.CallExpression): TSESTree.Statement | null {
  return fallbackCheck(context, node)?.consequent ?? null;
}

/** The `if` right after `node` that tests the value `node` assigns: its test, its consequent, and whether a node reads that value. */
function fallbackCheck(
  context: Context,
  node: TSESTree.TryStatement | TSESTree.CallExpression,
): { test: TSESTree.Expression; consequent: TSESTree.Statement; reads: (n: TSESTree.Node) => boolean } | null {
  const { visitorKeys } = context.sourceCode;
  const names = new Set<string>();
  let statement: TSESTree.Node | null;
  if (node.type === AST_NODE_TYPES.TryStatement) {
    walkSameFunction(
      node.block,
      (n) => {
        if (n.type === AST_NODE_TYPES.AssignmentExpression && n.left.type === AST_NODE_TYPES.Identifier) names.add(n.left.name);
      },
      visitorKeys,
    );
    statement = node;
  } else {
    let current: TSESTree.Node = node;
    while (
      current.parent &&
      (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
        current.parent.type === AST_NODE_TYPES.TSAsExpression ||
        current.parent.type === AST_NODE_TYPES.TSNonNullExpression)
    ) {
      current = current.parent;
    }
    const declarator = current.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== current || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
    names.add(declarator.id.name);
    statement = declarator.parent;
  }
  if (names.size === 0 || !statement) return null;
  const siblings =
    statement.parent?.type === AST_NODE_TYPES.BlockStatement || statement.parent?.type === AST_NODE_TYPES.Program
      ? statement.parent.body
      : statement.parent?.type === AST_NODE_TYPES.SwitchCase
        ? statement.parent.consequent
        : null;
  let next = siblings ? siblings[siblings.indexOf(statement as TSESTree.Statement) + 1] : undefined;
  // `const tmp = await make().catch(() => null); try { if (!tmp) throw … } finally { … }`
  if (next?.type === AST_NODE_TYPES.TryStatement) next = next.block.body[0];
  if (next?.type !== AST_NODE_TYPES.IfStatement) return null;
  const reads = (root: TSESTree.Node): boolean => {
    let found = false;
    walkSameFunction(
      root,
      (n) => {
        if (n.type === AST_NODE_TYPES.Identifier && names.has(n.name)) found = true;
        return !found;
      },
      visitorKeys,
    );
    return found;
  };
  return reads(next.test) ? { test: next.test, consequent: next.consequent, reads } : null;
}

/** The loop statement around `tryStatement` in the same function, if any. */
function enclosingLoop(tryStatement: TSESTree.TryStatement): TSESTree.Node | null {
  let loop: TSESTree.Node | undefined = tryStatement.parent;
  while (loop && !isFunctionNode(loop) && !isLoop(loop)) loop = loop.parent;
  return loop && isLoop(loop) ? loop : null;
}

/**
 * Candidates tried in turn: `for (const url of urls) { try { return await discover(url) } catch {} }
 * throw new Error('Tried: …')`. A failed candidate moves on; when all fail, the loop is followed by a throw.
 */
export function isCandidateLoopThenThrow(tryStatement: TSESTree.TryStatement, handler: TSESTree.BlockStatement): boolean {
  if (!handler.body.every((st) => st.type === AST_NODE_TYPES.ContinueStatement)) return false;
  const loop = enclosingLoop(tryStatement);
  if (!loop) return false;
  const next = statementAfter(loop);
  if (next?.type === AST_NODE_TYPES.ThrowStatement) return true;
  // `for (const key of keys) { try { decrypted = await compactDecrypt(jwe, key); break } catch {} } if (!decrypted) throw new
  // JWEDecryptionFailed()`: the result the try assigns is checked right after the loop, and its absence thrown.
  if (next?.type !== AST_NODE_TYPES.IfStatement || next.alternate || !alwaysThrows(next.consequent)) return false;
  const test = skipTransparent(next.test);
  const checked = test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' ? skipTransparent(test.argument) : null;
  return checked?.type === AST_NODE_TYPES.Identifier && assigns(tryStatement.block, checked.name);
}

/**
 * The statement that runs next after `statement` completes normally: its next sibling, or, when it is the last of a
 * block that is a branch of an `if` (`if (keys.length === 0) throw …; else { for (…) { … } }`), what follows that `if`.
 */
function statementAfter(statement: TSESTree.Node): TSESTree.Statement | undefined {
  let node: TSESTree.Node = statement;
  for (let depth = 0; depth < 4; depth++) {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.BlockStatement) {
      const index = parent.body.indexOf(node as TSESTree.Statement);
      if (index < parent.body.length - 1) return parent.body[index + 1];
      if (parent.parent?.type !== AST_NODE_TYPES.IfStatement) return undefined;
      node = parent.parent;
    } else if (parent?.type === AST_NODE_TYPES.IfStatement) {
      node = parent;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** `name = …` written directly in `block` (not in a nested function). */
function assigns(block: TSESTree.BlockStatement, name: string): boolean {
  return block.body.some((st) => {
    const e = st.type === AST_NODE_TYPES.ExpressionStatement ? skipTransparent(st.expression) : null;
    return e?.type === AST_NODE_TYPES.AssignmentExpression && e.left.type === AST_NODE_TYPES.Identifier && e.left.name === name;
  });
}

/**
 * "Try this, else try that, else throw": the catch makes another attempt inside its own `try`
 * whose catch always throws (`catch { try { return await viaCli() } catch (e) { throw new X(…) } }`).
 * The first failure is replaced by a second attempt, and if that fails too the caller is told.
 */
export function isAttemptElseThrow(context: Context, handler: TSESTree.BlockStatement, failureOptions: FailureOptions): boolean {
  return handler.body.some(
    (st) =>
      st.type === AST_NODE_TYPES.TryStatement &&
      st.handler !== null &&
      st.finalizer === null &&
      holdsAttempt(context, st.block, failureOptions) &&
      alwaysThrows(st.handler.body),
  );
}

/**
 * A batch that reports per item: the try records success in a collection the function returns
 * (`for (f of files) { try { await rotate(f); rotated.push(f) } catch { continue } } return { rotated }`),
 * so the caller sees which items failed; the catch only moves on to the next item.
 */
export function isRecordedInReturnedBatch(context: Context, tryStatement: TSESTree.TryStatement, handler: TSESTree.BlockStatement): boolean {
  if (!handler.body.every((st) => st.type === AST_NODE_TYPES.ContinueStatement)) return false;
  if (!enclosingLoop(tryStatement)) return false;
  const fn = getEnclosingFunction(tryStatement);
  if (!fn) return false;
  const { visitorKeys } = context.sourceCode;
  const collections = new Set<string>();
  walkSameFunction(
    tryStatement.block,
    (n) => {
      if (
        n.type === AST_NODE_TYPES.CallExpression &&
        n.callee.type === AST_NODE_TYPES.MemberExpression &&
        n.callee.object.type === AST_NODE_TYPES.Identifier &&
        /^(?:push|add|set)$/u.test(getPropertyName(n.callee) ?? '')
      ) {
        collections.add(n.callee.object.name);
      }
    },
    visitorKeys,
  );
  if (collections.size === 0) return false;
  let returned = false;
  walkSameFunction(
    fn.body,
    (n) => {
      if (returned) return false;
      if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
        walkSameFunction(
          n.argument,
          (m) => {
            if (m.type === AST_NODE_TYPES.Identifier && collections.has(m.name)) returned = true;
            return !returned;
          },
          visitorKeys,
        );
      }
      return !returned;
    },
    visitorKeys,
  );
  return returned;
}

/**
 * Every path through `node` ends in a `throw`: a throw, an if/else that throws on both sides, or a
 * block that reaches such a statement without a `return`/`break`/`continue` before it.
 */
export function alwaysThrows(node: TSESTree.Statement): boolean {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (node.type === AST_NODE_TYPES.IfStatement) return node.alternate !== null && alwaysThrows(node.consequent) && alwaysThrows(node.alternate);
  if (node.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const st of node.body) {
    if (alwaysThrows(st)) return true;
    if (jumpsOut(st)) return false;
  }
  return false;
}

/** Some path through `node` leaves it by `return`, `break` or `continue`. */
export function jumpsOut(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return node.body.some(jumpsOut);
    case AST_NODE_TYPES.IfStatement:
      return jumpsOut(node.consequent) || (node.alternate !== null && jumpsOut(node.alternate));
    case AST_NODE_TYPES.TryStatement:
      return jumpsOut(node.block) || (node.handler !== null && jumpsOut(node.handler.body)) || (node.finalizer !== null && jumpsOut(node.finalizer));
    default:
      return false;
  }
}

/** A `for`, `for…of`, `for…in`, `while` or `do…while` statement. */
export function isLoop(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/**
 * "Ask the quick way, else the full way": an empty catch after which the same function asks the same
 * service again outside any `try` (`try { hit = await usersApi.lookupByEmail(q) } catch {} … while (…) {
 * page = await usersApi.list(q) }`). The first failure moves on to the second attempt, and an outage of
 * that service surfaces there. The receiver must be the same object (`usersApi`, `this.store`), not `this`,
 * and the second call must not sit in a branch chosen by a value the try assigns (the success path only).
 */
export function isRetriedAfter(context: Context, tryStatement: TSESTree.TryStatement, handler: TSESTree.BlockStatement, failureOptions: FailureOptions): boolean {
  if (handler.body.length > 0) return false;
  const { sourceCode } = context;
  const receiverOf = (call: TSESTree.CallExpression): string | null => {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const object = callee.object;
    return object.type === AST_NODE_TYPES.Identifier || (object.type === AST_NODE_TYPES.MemberExpression && !object.computed) ? sourceCode.getText(object) : null;
  };
  const receivers = new Set<string>();
  const assigned = new Set<string>();
  walkSameFunction(
    tryStatement.block,
    (n) => {
      if (n.type === AST_NODE_TYPES.AssignmentExpression && n.left.type === AST_NODE_TYPES.Identifier) assigned.add(n.left.name);
      if (n.type === AST_NODE_TYPES.CallExpression && classifyCall(context, n, failureOptions) === 'external') {
        const receiver = receiverOf(n);
        if (receiver !== null) receivers.add(receiver);
      }
    },
    sourceCode.visitorKeys,
  );
  if (receivers.size === 0) return false;
  let found = false;
  // The statements after the try, then after each block around it (`if (email) { try {…} catch {} }` then the scan), up to the function.
  let current: TSESTree.Node = tryStatement;
  while (current.parent && !isFunctionNode(current.parent)) {
    const parent: TSESTree.Node = current.parent;
    const siblings: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program ? parent.body : [];
    for (const statement of siblings.slice(siblings.indexOf(current) + 1)) {
      walkSameFunction(
        statement,
        (n) => {
          if (found || n.type === AST_NODE_TYPES.TryStatement) return false;
          // `if (user && passwordHash) { … this.store.successfullyLogin(user) }`: a branch chosen by what the try
          // assigned may be the success path only; the failure does not reach it.
          const test = conditionOf(n);
          if (test && assigned.size > 0 && readsNames(test, assigned, sourceCode.visitorKeys)) return false;
          if (n.type === AST_NODE_TYPES.CallExpression && receivers.has(receiverOf(n) ?? '')) found = true;
          return !found;
        },
        sourceCode.visitorKeys,
      );
      if (found) return true;
    }
    current = parent;
  }
  return false;
}

/**
 * The catch falls back on purpose: it makes another attempt, its fallback is checked and thrown right
 * after, its batch or result flag reports the failure, it answers "not found", a failure as data, the
 * caller's own input or an absence the callers answer with 404, or it moves on to the next candidate
 * of a loop that ends in a throw.
 */
export function catchFallsBackOnPurpose(context: Context, handler: TSESTree.CatchClause, failureOptions: FailureOptions): boolean {
  const tryStatement = handler.parent;
  return (
    isAnotherAttempt(context, tryStatement.block, handler, failureOptions) ||
    isCheckedThenThrown(context, tryStatement) ||
    isRecordedInReturnedBatch(context, tryStatement, handler.body) ||
    // `{ isValid: false }` when the key lookup fails is a refusal an outage produced, not a result flag.
    (returnsFailedFlag(context, tryStatement.block, handler.body) && !isOutageRefusal(context, tryStatement.block, handler.body, null, failureOptions)) ||
    answersNotFound(context, handler.body) ||
    reportsFailureAsData(context, handler.body) ||
    returnsOwnInput(handler, handler.body) ||
    (returnsValue(tryStatement.block) && isLookupAnsweredAbsent(context, handler, handler.body)) ||
    isCandidateLoopThenThrow(tryStatement, handler.body) ||
    isRetriedAfter(context, tryStatement, handler.body, failureOptions)
  );
}

/**
 * The rejection handler `fn` of `call` (`p.catch(fn)`) falls back on purpose: another attempt, a
 * fallback checked and thrown right after, a "not found", an absence the callers answer with 404,
 * a failure as data, or the caller's own input.
 */
export function handlerFallsBackOnPurpose(context: Context, fn: AnyFunction, call: TSESTree.CallExpression, failureOptions: FailureOptions): boolean {
  return (
    isAnotherAttemptInHandler(context, fn, call, failureOptions) ||
    isCheckedThenThrown(context, call) ||
    answersNotFound(context, fn.body) ||
    isLookupAnsweredAbsent(context, fn, fn.body) ||
    reportsFailureAsData(context, fn.body) ||
    returnsOwnInput(fn, fn.body)
  );
}
