/**
 * Which caught error an error log mentions, and how: the caught errors in scope at a log call
 * (catch bindings, rejection-handler and error-callback parameters, error middleware's first
 * parameter), a mention that keeps only the error's text (`err.message`, `${err}`), and a mention
 * under a key the logger does not serialize as an error (`{ error: err }` with pino).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, contains, findVariable, getPropertyName, isFunctionNode, skipTransparent } from './ast.js';
import { classifyErrorMention } from './errors.js';
import { getHandlerInfo } from './handlers.js';
import { type ResolvedLoggerStyle, keyKeepsError } from './logger-styles.js';
import type { LoggerCall } from './loggers.js';
import { aliasedCaughtError, losesNothing } from './stack-loss.js';
import { isRejectionHandler } from './promises.js';

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
    // The exceptions read the surrounding code: ask only about a text-only mention.
    if (textOnly && !result && !losesNothing(context, variable, node, reportExpected)) result = textOnly;
  }
  return result;
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
      if (first?.type === AST_NODE_TYPES.Identifier && !NOT_AN_ERROR.test(first.name) && (ERROR_PARAM.test(first.name) || isRejectionHandler(current) || isErrorMiddleware(context, current, first))) {
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

/**
 * `(e, req, res, next)` as the framework recognition sees it (registered, or named like one): not
 * any function of four parameters (`scheduleRetry(key, operation, backoff, attempt)`).
 */
function isErrorMiddleware(context: Context, fn: AnyFunction, first: TSESTree.Identifier): boolean {
  const info = getHandlerInfo(context, fn);
  return info?.kind === 'error-handler' && info.error === first;
}


