/**
 * Work on values in hand (for `stack-loss.ts`): a `try` that only edits an array or object it holds
 * (`list.findIndex((x) => x.id === id)`, `list.splice(i, 1)`), with no operation that goes out, and a
 * call of the class's own synchronous parse or validate method (`this.parseAndValidate(raw)`). What
 * can fail there is named by the message and the log's own text; no database, service or file is
 * behind it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findEnclosingClass, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction, walkTree } from './ast.js';
import { classifyCall } from './fallible.js';

/** Array methods that run the function they are given: it must be written inline to be read. */
const ITERATING = new Set(['filter', 'map', 'flatMap', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort']);
/** Pure by name, but they run a function the `try` cannot see. */
const RUNS_OTHER_CODE = new Set(['call', 'apply', 'bind']);

/**
 * Every call in the try block, inline callbacks included, is a pure helper on a value in hand
 * (`findIndex`, `splice`, `push`, `includes`) or a log, with no `await`, `for await`, `yield`, `new`, `throw` or
 * dynamic import, and at least one such call: the block edits what it holds and nothing outside can
 * fail it. An iterating method given a named function (`list.forEach(this.apply)`) runs code the block
 * cannot see and does not count.
 */
export function isInHandEditOnly(context: Context, block: TSESTree.BlockStatement, isLog: (call: TSESTree.CallExpression) => boolean): boolean {
  let edits = 0;
  let other = false;
  walkTree(
    block,
    (node) => {
      if (other) return;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          if (isLog(node)) return;
          const callee = skipTransparent(node.callee);
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
          if (method === null || RUNS_OTHER_CODE.has(method) || classifyCall(context, node) !== 'pure') {
            other = true;
            return;
          }
          if (ITERATING.has(method) && node.arguments[0] && !isFunctionNode(node.arguments[0])) other = true;
          else edits++;
          return;
        }
        default:
          if (isOutsideWork(node)) other = true;
          // An inline function that is not a callback of a call (`const f = async () => …`) may run later, elsewhere.
          else if (isFunctionNode(node) && (node.parent?.type !== AST_NODE_TYPES.CallExpression || node.async)) other = true;
      }
    },
    context.sourceCode.visitorKeys,
  );
  return edits > 0 && !other;
}

/**
 * A node that is not work on a value in hand, whatever it is given: `new` (builds an object that may
 * open something), `await`, `for await` and `yield` (wait on something that goes out), `throw`, a tagged
 * template (`sql\`…\``) and a dynamic `import()`. The one answer for both walks over a `try` block
 * (`isInHandEditOnly` here, the parse-only walk in `stack-loss.ts`).
 */
export function isOutsideWork(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ImportExpression:
      return true;
    case AST_NODE_TYPES.ForOfStatement:
      // `for await (const chunk of stream)`: each step waits on something that goes out.
      return node.await;
    default:
      return false;
  }
}

/**
 * `this.parseAndValidate(raw)`, `this.validateConfig(input)`: a method of the enclosing class named
 * for parsing or validating, which is synchronous (not `async`, not a generator, awaits nothing):
 * it reads a value in hand and throws what it found wrong with it.
 */
export function isOwnParseMethodCall(context: Context, call: TSESTree.CallExpression, namePattern: RegExp): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(callee.object).type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = getPropertyName(callee);
  if (name === null || !namePattern.test(name)) return false;
  const method = ownMethod(callee, name);
  return method !== null && isSynchronous(context, method);
}

function ownMethod(member: TSESTree.MemberExpression, name: string): AnyFunction | null {
  const cls = findEnclosingClass(member);
  if (!cls) return null;
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.computed || element.static || element.kind !== 'method') continue;
    if (getPropertyName(element) === name) return element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : null;
  }
  return null;
}

function isSynchronous(context: Context, fn: AnyFunction): boolean {
  if (fn.async || fn.generator) return false;
  let waits = false;
  walkSameFunction(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) waits = true;
      return !waits;
    },
    context.sourceCode.visitorKeys,
  );
  return !waits;
}

/** Words a catch answers a failed check with: `'Condition validation failed'`, `FSPIOPErrorCodes.VALIDATION_ERROR`, `invalidApiErrorCode`. */
export const VERDICT_WORD = /validat|invalid(?!at)/iu;

function rootObject(node: TSESTree.Node): TSESTree.Node {
  let n = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) n = skipTransparent(n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee);
  return n;
}

/** A value in hand as an argument: a name, a field of one, a literal or text built from those. */
function isValueInHand(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.Literal) return true;
  if (n.type === AST_NODE_TYPES.MemberExpression) return !n.computed && isValueInHand(n.object);
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.every(isValueInHand);
  return n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+' && isValueInHand(n.left) && isValueInHand(n.right);
}

/**
 * `try { fspiopError = Factory.createFSPIOPErrorFromErrorInformation(eInfo) } catch (err) { log.error(err.message);
 * fspiopError = Factory.createFSPIOPError(FSPIOPErrorCodes.VALIDATION_ERROR, …) }`, `try { await
 * CryptoConditions.validateCondition(condition) } catch (err) { log.error(err.message); reasons.push('Condition
 * validation failed'); return false }`: the try makes one call on values in hand (names, fields, text built from them)
 * and its catch answers with a validation verdict — a string, name or field that says validation or invalid, outside
 * the log calls. The failure is the input's, named by the message; the stack only points into the checker. Two calls,
 * a call whose arguments are themselves calls, the object's own method (`await this.getImageTransformParameters(req)`), or a
 * catch that only logs ("Invalid settings") stay reported.
 */
export function isValidationVerdict(context: Context, block: TSESTree.BlockStatement, calls: readonly TSESTree.CallExpression[], isLog: (call: TSESTree.CallExpression) => boolean): boolean {
  const tryStatement = block.parent;
  if (calls.length !== 1 || tryStatement?.type !== AST_NODE_TYPES.TryStatement || !tryStatement.handler) return false;
  const call = calls[0]!;
  const callee = skipTransparent(call.callee);
  // A module's checker (`CryptoConditions.validateCondition(c)`), not the object's own method (`await this.getParameters(req)`
  // may run any code, plugins included) nor a bare function.
  if (callee.type !== AST_NODE_TYPES.MemberExpression || rootObject(callee).type === AST_NODE_TYPES.ThisExpression) return false;
  if (!call.arguments.every(isValueInHand)) return false;
  let verdict = false;
  walkSameFunction(
    tryStatement.handler.body,
    (node) => {
      if (verdict) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && isLog(node)) return false;
      if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && VERDICT_WORD.test(node.value)) verdict = true;
      else if (node.type === AST_NODE_TYPES.Identifier && node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.property === node && VERDICT_WORD.test(node.name)) verdict = true;
      return true;
    },
    context.sourceCode.visitorKeys,
  );
  return verdict;
}
