/**
 * Which caught error an error log mentions, and how: the caught errors in scope at a log call
 * (catch bindings, rejection-handler and error-callback parameters, error middleware's first
 * parameter), a mention that keeps only the error's text (`err.message`, `${err}`), and a mention
 * under a key the logger does not serialize as an error (`{ error: err }` with pino).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findVariable, getPropertyName, isFunctionNode, skipTransparent, walkSameFunction } from './ast.js';
import { classifyErrorMention } from './errors.js';
import { getHandlerInfo } from './handlers.js';
import { type ResolvedLoggerStyle, keyKeepsError } from './logger-styles.js';
import type { LoggerCall } from './loggers.js';
import { aliasedCaughtError, losesNothing, tryLosesNothing } from './stack-loss.js';
import { handlesNoRejection, isRejectionHandler } from './promises.js';
import { isVersionCheckFailure } from './version-checks.js';

/** Parameter names that hold an error by convention (callbacks, error middleware). */
const ERROR_PARAM = /^(?:err|error|exception|ex)$/u;

/** An object literal of plain `key: value` properties (no spread), which a fix may rewrite. */
export function isPlainObject(object: TSESTree.ObjectExpression): boolean {
  return object.properties.every((p) => p.type === AST_NODE_TYPES.Property);
}

export interface HiddenError {
  object: TSESTree.ObjectExpression;
  property: TSESTree.Property;
  key: string;
  name: string;
}

/**
 * `{ error: err }` in a pino / bunyan call whose creation has no serializer for that key, or
 * any `{ k: err }` meta in a winston call: the error prints as `{}`. Only when the style is known.
 */
export function findHiddenError(context: Context, call: LoggerCall, resolved: ResolvedLoggerStyle | null): HiddenError | null {
  if (!resolved) return null;
  for (const variable of errorVariablesAround(context, call.node)) {
    for (const ref of variable.references) {
      const id = ref.identifier;
      const property = id.parent;
      if (property?.type !== AST_NODE_TYPES.Property || property.value !== id || property.computed) continue;
      const object = property.parent;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression || !call.node.arguments.includes(object)) continue;
      const key = getPropertyName(property);
      if (key === null || !isPlainObject(object)) continue;
      if (keyKeepsError(resolved, key) === false) return { object, property, key, name: id.name };
    }
  }
  return null;
}

export interface TextOnlyUse {
  variable: TSESLint.Scope.Variable;
  /** The expression that keeps only the text. */
  use: TSESTree.Node;
  form: string;
}

/**
 * The log call mentions a caught error, and every mention keeps only its text
 * (`err.message`, `${err}`, `'x' + err`, `String(err)`, `err.toString()`, `JSON.stringify(err)`).
 */
export function findTextOnlyError(context: Context, call: LoggerCall, reportExpected: boolean): TextOnlyUse | null {
  const node = call.node;
  let result: TextOnlyUse | null = null;
  for (const variable of errorVariablesAround(context, node)) {
    let textOnly: TextOnlyUse | null = null;
    for (const ref of variable.references) {
      if (!contains(node, ref.identifier)) continue;
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
      const use = classifyErrorMention(ref.identifier);
      // The error object or its stack reaches the logger: nothing is lost.
      if (use.kind === 'whole') return null;
      if (use.kind === 'text') textOnly ??= { variable, use: use.node, form: use.form };
    }
    // `const message = e instanceof Error ? e.message : String(e); log.error(\`… ${message}\`)`: the text, by another name.
    if (!textOnly) {
      const alias = textVariables(context, variable).find((text) => text.references.some((ref) => !ref.isWrite() && contains(node, ref.identifier)));
      const mention = alias?.references.find((ref) => !ref.isWrite() && contains(node, ref.identifier));
      if (alias && mention) textOnly = { variable, use: mention.identifier, form: `${alias.name}, the text of ${variable.name}` };
    }
    // The exceptions read the surrounding code: ask only about a text-only mention.
    if (textOnly && !result && !losesNothing(context, variable, node, reportExpected)) result = textOnly;
  }
  return result;
}

/**
 * Variables that hold only the caught error's text: every write is a literal or a text-only form of the
 * error (`const message = e instanceof Error ? e.message : String(e)`, `let msg = 'Unknown'; if (…) msg =
 * e.message`, `const reason = \`${e.name}: ${e.message}\``), and at least one write is.
 */
function textVariables(context: Context, caught: TSESLint.Scope.Variable): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  for (const ref of caught.references) {
    if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
    const mention = classifyErrorMention(ref.identifier);
    if (mention.kind !== 'text') continue;
    let value: TSESTree.Node = mention.node;
    while (
      value.parent &&
      ((value.parent.type === AST_NODE_TYPES.ConditionalExpression && value.parent.test !== value) ||
        value.parent.type === AST_NODE_TYPES.LogicalExpression ||
        // `err?.message`
        value.parent.type === AST_NODE_TYPES.ChainExpression ||
        // `${e.name}: ${e.message}`, `'failed: ' + e.message`: text composed around it
        value.parent.type === AST_NODE_TYPES.TemplateLiteral ||
        (value.parent.type === AST_NODE_TYPES.BinaryExpression && value.parent.operator === '+'))
    ) {
      value = value.parent;
    }
    const holder = value.parent;
    const target =
      holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value
        ? holder.id
        : holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.operator === '=' && holder.right === value
          ? holder.left
          : null;
    if (target?.type !== AST_NODE_TYPES.Identifier) continue;
    const text = findVariable(context, target);
    if (text && !out.includes(text) && text.references.every((r) => !r.isWrite() || writesText(r.writeExpr ?? null, caught))) out.push(text);
  }
  return out;
}

/** A literal (`'Unknown error'`), or a value whose every mention of `caught` keeps only its text. */
function writesText(value: TSESTree.Node | null, caught: TSESLint.Scope.Variable): boolean {
  if (!value) return false;
  const v = skipTransparent(value);
  if (v.type === AST_NODE_TYPES.Literal || (v.type === AST_NODE_TYPES.TemplateLiteral && v.expressions.length === 0)) return true;
  const mentions = caught.references.filter((r) => contains(v, r.identifier) && r.identifier.type === AST_NODE_TYPES.Identifier);
  return mentions.length > 0 && mentions.every((r) => classifyErrorMention(r.identifier as TSESTree.Identifier).kind !== 'whole');
}

/**
 * A rejection value named for what it is instead of an error: a child process's exit code or signal
 * (`.catch((code) => log.error(\`yarn failed. Exit code ${code}\`))`, tsc's `catch (code_1)`), a status.
 */
const NOT_AN_ERROR = /^(?:code|exitCode|status|statusCode|signal)(?:_\d+)?$/u;

/** Caught errors in scope at `node`: catch bindings, rejection-handler and error-callback parameters. */
export function errorVariablesAround(context: Context, node: TSESTree.Node): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.CatchClause && current.param?.type === AST_NODE_TYPES.Identifier) {
      if (NOT_AN_ERROR.test(current.param.name)) {
        current = current.parent;
        continue;
      }
      const v = findVariable(context, current.param);
      if (v) out.push(v, ...aliasesOf(context, v));
    } else if (isFunctionNode(current)) {
      const first = current.params[0];
      if (
        first?.type === AST_NODE_TYPES.Identifier &&
        !NOT_AN_ERROR.test(first.name) &&
        (ERROR_PARAM.test(first.name) || isRejectionHandler(current) || isErrorMiddleware(context, current, first) || isErrorEventListener(current))
      ) {
        const v = findVariable(context, first);
        if (v) out.push(v);
      }
    }
    current = current.parent;
  }
  return out;
}

/** `const err = e as Error` in the catch: another name for the caught error. */
function aliasesOf(context: Context, caught: TSESLint.Scope.Variable): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  for (const ref of caught.references) {
    let node: TSESTree.Node = ref.identifier;
    while (node.parent && skipTransparent(node.parent) === ref.identifier) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const alias = findVariable(context, declarator.id);
    if (alias && aliasedCaughtError(context, alias) === caught) out.push(alias);
  }
  return out;
}

/** `server.on('error', (e) => …)`: an emitter's 'error' listener receives an Error. */
function isErrorEventListener(fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  const event = call.arguments[0];
  return (method === 'on' || method === 'once' || method === 'addListener') && event?.type === AST_NODE_TYPES.Literal && event.value === 'error';
}

/**
 * `(e, req, res, next)` as the framework recognition sees it (registered, or named like one): not
 * any function of four parameters (`scheduleRetry(key, operation, backoff, attempt)`).
 */
function isErrorMiddleware(context: Context, fn: AnyFunction, first: TSESTree.Identifier): boolean {
  const info = getHandlerInfo(context, fn);
  return info?.kind === 'error-handler' && info.error === first;
}



/**
 * `catch { logger.error('Failed to generate the confirmation email') }`, `.catch(() => console.error(\`could not
 * update ${id}\`))`: an error log written where the caught error is never bound (or bound and never read), so its
 * message, stack and `cause` are all lost. The catch clause or rejection handler, or null. A `try` counts only when
 * it awaits (an operation that goes out: a database, a store, a request); a synchronous one mostly parses or
 * computes, and the log's own text names what went wrong. Null too when the `try` fails only in ways whose message
 * is the whole story (a parse of a value in hand, one file-system call, an optional check for a newer version, …).
 */
export function findDroppedError(context: Context, call: LoggerCall, reportExpected: boolean): TSESTree.CatchClause | AnyFunction | null {
  for (let n: TSESTree.Node | undefined = call.node.parent; n; n = n.parent) {
    if (n.type === AST_NODE_TYPES.CatchClause) {
      if (n.param && !(n.param.type === AST_NODE_TYPES.Identifier && !n.param.name.startsWith('_') && findVariable(context, n.param)?.references.length === 0)) return null;
      const tryStatement = n.parent;
      if (tryStatement?.type !== AST_NODE_TYPES.TryStatement || !awaitsIn(context, tryStatement.block)) return null;
      if (!reportExpected && isVersionCheckFailure(context, call.node, n)) return null;
      return tryLosesNothing(context, tryStatement.block, call.node, reportExpected) ? null : n;
    }
    if (isFunctionNode(n)) {
      return n.params.length === 0 && isRejectionHandler(n) && !handlesNoRejection(context, n) && (reportExpected || !isVersionCheckFailure(context, call.node, n)) ? n : null;
    }
  }
  return null;
}

/** The block awaits something (not inside a nested function). */
function awaitsIn(context: Context, block: TSESTree.BlockStatement): boolean {
  let found = false;
  walkSameFunction(
    block,
    (node) => {
      if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}
