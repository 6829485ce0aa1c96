/**
 * What "handling" a caught error means, shared by the rules that ask whether an error
 * reaches a log, a reporter, a rethrow or someone else's hands.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, contains, getCalleePath, getPropertyName, lastName, lastSegment, skipTransparent, unwrapIndirectCall } from './ast.js';
import { isReporterCall } from './loggers.js';

/** The language's own error classes: a status name in their message is only text, and `new Error(err)` keeps only its text. */
export const BUILT_IN_ERROR_CLASS = /^(?:Error|TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError)$/u;

/** Callbacks that hand an error to someone else: `next(err)`, `done(err)`, `reject(err)`. */
export const HANDOFF_CALLBACKS = new Set(['next', 'done', 'cb', 'callback', 'reject', 'fail', 'onError', 'handleError', 'errorHandler']);

/** Calls that only inspect or convert an error: they do not hand it on by themselves. */
const INSPECTORS = /^(?:is[A-Z_]\w*|has[A-Z_]\w*|String|Boolean|Number|stringify|inspect|keys|values|entries|isArray|includes|startsWith|endsWith|test|match|get[A-Z]\w*(?:Message|Code|Status)\w*)$/u;

/** The variables bound by a catch parameter or a handler's first parameter (destructuring included). */
export function getBoundVariables(context: Context, pattern: TSESTree.Node | null | undefined): TSESLint.Scope.Variable[] {
  if (!pattern) return [];
  return context.sourceCode.getDeclaredVariables(pattern.parent!).filter((v) => v.defs.some((d) => contains(pattern, d.name)));
}

/** Whether `node` reads any of `variables` (closures included). */
export function readsAny(node: TSESTree.Node, variables: readonly TSESLint.Scope.Variable[]): boolean {
  for (const variable of variables) {
    for (const ref of variable.references) {
      if (ref.isRead() && contains(node, ref.identifier)) return true;
    }
  }
  return false;
}

/** Whether a call merely inspects its arguments (`isAxiosError(e)`, `String(e)`). */
export function isInspectionCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const path = getCalleePath(node);
  if (path !== null) return INSPECTORS.test(lastSegment(path));
  // `['ENOENT', 'EEXIST'].includes(e.code)`, `/ECONN/.test(e.code)`: the method decides.
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getPropertyName(callee);
  return name !== null && INSPECTORS.test(name);
}

/** Whether a call hands an error on: `next(err)`, `reject(new Error())`, `emitter.emit('error', e)`, `Promise.reject(e)`, `ctx.throw(...)`. */
export function isHandoffCall(node: TSESTree.CallExpression): boolean {
  const path = getCalleePath(node);
  if (path === null) return false;
  const last = lastSegment(path);
  const first = node.arguments[0] ? skipTransparent(node.arguments[0]) : undefined;
  const firstIsNothing =
    !first ||
    (first.type === AST_NODE_TYPES.Literal && first.value === null) ||
    (first.type === AST_NODE_TYPES.Identifier && first.name === 'undefined');
  if (path === 'Promise.reject' || last === 'throw' || path === 'ctx.throw') return true;
  if (last === 'emit' && first?.type === AST_NODE_TYPES.Literal && first.value === 'error') return true;
  // Express `next('route')` / `next('router')` skip handlers without an error; `x.next(v)` is an iterator or observable.
  if (last === 'next' && (path !== 'next' || (first?.type === AST_NODE_TYPES.Literal && (first.value === 'route' || first.value === 'router')))) {
    return false;
  }
  if (HANDOFF_CALLBACKS.has(last) && !firstIsNothing) return true;
  return false;
}

/** Whether an argument list carries a new error (`cb(new Error('x'))`, `next(createError(500))`). */
export function passesNewError(args: readonly TSESTree.Node[]): boolean {
  return args.some((arg) => {
    const a = skipTransparent(arg);
    if (a.type === AST_NODE_TYPES.NewExpression) {
      const path = getCalleePath(a);
      return path !== null && /(?:Error|Exception)$/u.test(lastSegment(path));
    }
    if (a.type === AST_NODE_TYPES.CallExpression) {
      const path = getCalleePath(a);
      return path !== null && /^(?:createError|createHttpError|httpErrors?\.\w+|Boom\.\w+)$/u.test(path);
    }
    return false;
  });
}

/** How one mention of an error uses it: the object or its stack (`whole`), only its text, or a detail beside it. */
export type ErrorMention =
  | { kind: 'whole' }
  | { kind: 'neutral' }
  | { kind: 'text'; node: TSESTree.Node; form: string };

/**
 * Classify a reference to an error variable: `err`, `err.stack`, `err.cause` keep the stack;
 * `err.message`, `err.toString()`, `${err}`, `'x' + err`, `String(err)`, `JSON.stringify(err)` keep
 * only its text; `err.code`, `err.response.status` and the test `err instanceof Error` are details,
 * neither kept nor lost. A fallback keeps the reading of the place it goes to: `${err?.message || err}`
 * is text, `logger.error(err || 'unknown')` the object. The error as the fallback of its own message
 * (`logger.error(err?.message || err)`, `const text = err.message ? err.message : err`) is neither: the
 * `.message` beside it is the mention that counts, so the place gets the text.
 */
export function classifyErrorMention(id: TSESTree.Identifier): ErrorMention {
  let node: TSESTree.Node = id;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return { kind: 'whole' };
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const name = !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier ? parent.property.name : null;
    if (name === 'stack' || name === 'cause') return { kind: 'whole' };
    if (name === 'message') return { kind: 'text', node: parent, form: `${id.name}.message` };
    if (name === 'toString' && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      return { kind: 'text', node: parent.parent, form: `${id.name}.toString()` };
    }
    return { kind: 'neutral' };
  }
  if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof' && parent.left === node) return { kind: 'neutral' };
  // `err?.message || err`, `err.message ? err.message : err`: the error stands in for its own text when it has none;
  // the `.message` beside it is the mention that says what reaches the place.
  const place = classifyPlace(id, node);
  if (place.kind !== 'whole') return place;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&' && parent.right === node && isMessageOf(parent.left, id.name)) return { kind: 'neutral' };
  if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.alternate === node && isMessageOf(parent.consequent, id.name)) return { kind: 'neutral' };
  return place;
}

/** `name.message`, `name?.message`, `(name as Error).message`. */
function isMessageOf(node: TSESTree.Node, name: string): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || n.computed || n.property.type !== AST_NODE_TYPES.Identifier || n.property.name !== 'message') return false;
  const object = skipTransparent(n.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === name;
}

/** Where the error value goes, through `a || b`, `a ?? b` and the branches of `c ? a : b`. */
function classifyPlace(id: TSESTree.Identifier, start: TSESTree.Node): ErrorMention {
  let node = start;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.LogicalExpression ||
      (node.parent.type === AST_NODE_TYPES.ConditionalExpression && node.parent.test !== node) ||
      node.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return { kind: 'whole' };
  if (parent.type === AST_NODE_TYPES.TemplateLiteral) return { kind: 'text', node, form: 'interpolated into a string' };
  if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') {
    return { kind: 'text', node, form: 'concatenated into a string' };
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node) {
    const path = getCalleePath(parent);
    if (path === 'String') return { kind: 'text', node: parent, form: `String(${id.name})` };
    // `getErrorMessage(err)`, `(0, utils_1.getErrorMessage)(err)`: a helper named for turning an error into its text.
    const helper = lastName(unwrapIndirectCall(parent.callee));
    if (helper !== null && isErrorTextHelper(helper)) return { kind: 'text', node: parent, form: `${helper}(${id.name})` };
    if (path === 'JSON.stringify') return { kind: 'text', node: parent, form: `JSON.stringify(${id.name}), which prints {} for an Error` };
  }
  return { kind: 'whole' };
}

/** Helpers that turn an error into text: `getErrorMessage`, `errorToString`, `toErrorText`, `formatErrorMessage`. */
const ERROR_TEXT_HELPER = /^(?:get|to|format|extract|read|stringify)?Err(?:or)?(?:Message|Text|String|Details?|Description)$|^err(?:or)?To(?:String|Text|Message)$/iu;

/** The name of a helper that turns an error into its text (`getErrorMessage`, `errorToString`): one answer for every rule. */
export function isErrorTextHelper(name: string): boolean {
  return ERROR_TEXT_HELPER.test(name);
}

/** Objects that send errors to a tracker: `errorReporter`, `this.errorReporter`, `sentry`, `bugsnagClient`. */
const REPORTER_OBJECT = /(?:^|\.)#?_?\w*(?:reporter|sentry|raven|bugsnag|rollbar|honeybadger|airbrake)\w*$/iu;
const REPORTER_OBJECT_METHODS = new Set(['error', 'fatal', 'report', 'reportError', 'capture', 'captureException', 'captureError', 'notify', 'exception']);

/**
 * Whether a call hands an error to an error tracker, which keeps its stack: a configured or
 * built-in reporter (`Sentry.captureException(e)`) or a reporter object's error method
 * (`this.errorReporter.error(e)`, `bugsnagClient.notify(e)`).
 */
export function isErrorReporterCall(context: Context, node: TSESTree.CallExpression): boolean {
  if (isReporterCall(context, node)) return true;
  const path = getCalleePath(node);
  if (path === null || !path.includes('.')) return false;
  const method = lastSegment(path);
  const object = path.slice(0, path.length - method.length - 1);
  return REPORTER_OBJECT_METHODS.has(method) && REPORTER_OBJECT.test(object);
}

/** How log arguments use an error: the object (`whole`), only its text, or not at all. */
export type ErrorUse = { kind: 'whole' } | { kind: 'none' } | { kind: 'text'; form: string; name: string };

/**
 * How a log call's arguments use the error: the object or its stack (`whole`), only its
 * text (`err.message`, `${err}`, `String(err)`, `JSON.stringify(err)`), or not at all.
 * Same reading as log-error-with-stack's (classifyErrorMention).
 */
export function classifyErrorUse(args: readonly TSESTree.Node[], vars: readonly TSESLint.Scope.Variable[]): ErrorUse {
  let text: ErrorUse | null = null;
  for (const variable of vars) {
    // `const detail = err.stack || err.message; console.error(\`…${detail}\`)`: the stack text, in any form.
    const stack = holdsStackText(variable);
    for (const ref of variable.references) {
      if (!args.some((a) => contains(a, ref.identifier))) continue;
      if (stack && ref.isRead()) return { kind: 'whole' };
      const use = classifyReference(ref.identifier as TSESTree.Identifier);
      if (use.kind === 'whole') return use;
      if (use.kind === 'text') text ??= use;
    }
  }
  return text ?? { kind: 'none' };
}

/**
 * Whether a variable holds an error's stack text: `const text = err.stack`, `err.stack || err.message`,
 * `err?.stack ?? String(err)`, `const { stack } = err`, text composed around it (`'… :: ' + util.inspect(err.stack)`). A stack is the message with the frames under it,
 * so a log of that text in any form (interpolated, concatenated) keeps what logging the error keeps —
 * as `${err.stack}` written in the log call does (`classifyErrorMention`).
 */
export function holdsStackText(variable: TSESLint.Scope.Variable): boolean {
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || !def.node.init) return false;
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) return variable.name === 'stack' && def.name.parent?.type === AST_NODE_TYPES.Property && getPropertyName(def.name.parent) === 'stack';
  if (def.node.id !== def.name || variable.references.some((r) => r.isWrite() && !r.init)) return false;
  return isStackText(def.node.init, 0);
}

/**
 * `err.stack`, `err.stack || err.message`, and text composed around it: `'Unable to parse the body :: ' +
 * util.inspect(err && err.stack ? err.stack : err)` (Sails' body-parser error handler), `` `${label}: ${err.stack}` ``.
 */
function isStackText(node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (depth > 4) return false;
  if (n.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(n) === 'stack';
  if (n.type === AST_NODE_TYPES.LogicalExpression) return n.operator !== '&&' && isStackText(n.left, depth + 1);
  if (n.type === AST_NODE_TYPES.ConditionalExpression) return isStackText(n.consequent, depth + 1);
  if (n.type === AST_NODE_TYPES.BinaryExpression) return n.operator === '+' && (isStackText(n.left as TSESTree.Node, depth + 1) || isStackText(n.right, depth + 1));
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.some((e) => isStackText(e, depth + 1));
  // util.inspect(err.stack), inspect(…): the text of what it is given
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments[0] && /^(?:util\.)?inspect$/u.test(getCalleePath(n) ?? '')) return isStackText(n.arguments[0], depth + 1);
  return false;
}

/** One reference to the error, as an ErrorUse (a detail such as `err.code` is `none`). */
function classifyReference(id: TSESTree.Identifier): ErrorUse {
  const mention = classifyErrorMention(id);
  if (mention.kind === 'text') return { kind: 'text', form: mention.form, name: id.name };
  return mention.kind === 'whole' ? { kind: 'whole' } : { kind: 'none' };
}

/** `throw new ValidationError(…)`, `throw new errors.BadRequest()`: the class a throw constructs (its last name), else null. */
export function thrownClassName(node: TSESTree.ThrowStatement): string | null {
  const arg = skipTransparent(node.argument);
  if (arg.type !== AST_NODE_TYPES.NewExpression) return null;
  const name = getCalleePath(arg);
  return name !== null ? lastSegment(name) : null;
}
