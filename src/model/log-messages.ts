/**
 * "What does this log call's message say, and which pieces of it came from the request?" — the
 * message argument of a log call (after pino's merging object or a tag), a message composed by a
 * template or `+` (here or one `const` earlier), its text and expression pieces with the request
 * input marked, and a field name for each piece; plus the logger style a call's shape suggests.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getMemberPath, getPropertyName, getStringValue, getVariableInit, skipTransparent } from './ast.js';
import type { ConstraintFinder } from './constrained-values.js';
import type { LoggerCall } from './loggers.js';
import { guessLoggerStyle, resolveLoggerStyle } from './logger-styles.js';
import { hasNonTextType, isReadAsObject } from './non-text-values.js';
import type { RequestInputTracker } from './request-input.js';
import type { LoggerStyle } from '../core/settings.js';

/** Literal text of a message. */
export interface TextPiece {
  kind: 'text';
  /** Cooked text. */
  cooked: string;
  /** Text as it would appear inside a template literal. */
  raw: string;
}

/** An expression interpolated or concatenated into a message, and whether it is unconstrained request input. */
export interface ExprPiece {
  kind: 'expr';
  node: TSESTree.Node;
  /** Source text of the expression. */
  text: string;
  tainted: boolean;
  /** `user` in `user=${…}`: the label the message gave the value. */
  label?: string;
}

/** One piece of a flattened message, in order. */
export type Piece = TextPiece | ExprPiece;

/** The index of a log call's message argument: after pino's merging object (`{ … }` or a meta variable) or a tag, else 0. */
export function findMessageIndex(args: readonly TSESTree.CallExpressionArgument[]): number {
  const first = skipTransparent(args[0]!);
  if (first.type === AST_NODE_TYPES.ObjectExpression) return 1;
  const second = args[1];
  // logger.info(meta, `…`): pino's merging object first, then the message.
  if (second && isComposedString(second) && !isComposedString(first) && getStringValue(first) === null && first.type === AST_NODE_TYPES.Identifier) return 1;
  // log.info('auth', `login by ${user}`): a tag first, then the message.
  const tag = getStringValue(first);
  if (second && isComposedString(second) && tag !== null && /^[\w.:-]{1,40}$/u.test(tag)) return 1;
  return 0;
}

/** A template literal with expressions, a `+` concatenation, or the `"a ".concat(x)` chain Babel and ES5 TypeScript compile a template to. */
export function isComposedString(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length > 0) || (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') || isConcatChain(n);
}

/** `"socket.open(\"".concat(port, "\")")`, `"a".concat(x).concat("b", y)`: rooted in a string literal. */
function isConcatChain(n: TSESTree.Node): n is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  if (n.type !== AST_NODE_TYPES.CallExpression || n.callee.type !== AST_NODE_TYPES.MemberExpression || n.callee.computed) return false;
  if (getPropertyName(n.callee) !== 'concat' || n.arguments.length === 0) return false;
  const receiver = skipTransparent(n.callee.object);
  return (receiver.type === AST_NODE_TYPES.Literal && typeof receiver.value === 'string') || isConcatChain(receiver);
}

/** `const msg = \`login ${user}\`; logger.info(msg)`: the message built one step earlier. */
export function composedInit(context: Context, node: TSESTree.Node): TSESTree.Node | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const init = getVariableInit(variable);
  return init && isComposedString(init) ? init : null;
}

function templateRaw(cooked: string): string {
  return cooked.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`').replace(/\$\{/gu, '\\${').replace(/\r/gu, '\\r').replace(/\n/gu, '\\n');
}

/** Flatten a template literal or a `+` chain into text and expressions. Null when it cannot be read. */
export function toPieces(
  node: TSESTree.Node,
  tracker: RequestInputTracker,
  context: Context,
  includeHeaders: boolean,
  constraints: ConstraintFinder,
): Piece[] | null {
  const pieces: Piece[] = [];
  const visit = (raw: TSESTree.Node): boolean => {
    const n = skipTransparent(raw);
    if (n.type === AST_NODE_TYPES.TemplateLiteral) {
      n.quasis.forEach((quasi, i) => {
        const cooked = quasi.value.cooked ?? '';
        if (cooked !== '') pieces.push({ kind: 'text', cooked, raw: quasi.value.raw });
        const expr = n.expressions[i];
        if (expr) pushExpr(expr);
      });
      return true;
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
      return visit(n.left) && visit(n.right);
    }
    if (isConcatChain(n)) {
      return visit(n.callee.object) && n.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement && visit(a));
    }
    const text = getStringValue(n);
    if (text !== null) {
      if (text !== '') pieces.push({ kind: 'text', cooked: text, raw: templateRaw(text) });
      return true;
    }
    pushExpr(raw);
    return true;
  };
  const pushExpr = (expr: TSESTree.Node) => {
    const tainted = tracker.isRequestValue(expr, includeHeaders) && !hasNonTextType(context, expr) && !isReadAsObject(context, expr) && !constraints.isConstrained(expr);
    pieces.push({ kind: 'expr', node: expr, text: context.sourceCode.getText(expr), tainted });
  };
  if (!visit(node)) return null;
  // `user=${name}`: the label names the field and leaves the message; `User: ${name}` keeps
  // the word and drops the separator.
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const before = pieces[i - 1]!;
    if (piece.kind !== 'expr' || !piece.tainted || before.kind !== 'text') continue;
    const m = /(?:^|[\s([{,;])([A-Za-z_$][\w$]*)(\s?[=:]\s?)$/u.exec(before.cooked);
    if (!m) continue;
    const consumeLabel = m[2]!.includes('=') || m[1]! === keyFor(piece.node, undefined);
    if (consumeLabel) piece.label = m[1]!;
    const cut = (consumeLabel ? m[1]!.length : 0) + m[2]!.length;
    before.cooked = before.cooked.slice(0, before.cooked.length - cut);
    before.raw = before.raw.slice(0, before.raw.length - cut);
  }
  return pieces;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9_$]+/u).filter((w) => w !== '');
  if (words.length === 0) return 'value';
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/u.test(joined) ? `_${joined}` : joined;
}

/** A field name for an expression: `req.query.user` → user, `req.get('user-agent')` → userAgent, `name.trim()` → name. */
export function keyFor(node: TSESTree.Node, label: string | undefined): string {
  if (label && IDENTIFIER.test(label)) return label;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    const object = skipTransparent(n.object);
    // cookies.get('session')?.value → session
    if ((name === 'value' || name === null) && object.type === AST_NODE_TYPES.CallExpression) return keyFor(object, undefined);
    if (name !== null) return camel(name);
    return keyFor(n.object, undefined);
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const arg = n.arguments[0];
    const callee = skipTransparent(n.callee);
    const key = arg ? getStringValue(arg) : null;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (key !== null && ['get', 'header', 'query', 'param', 'getAll'].includes(getPropertyName(callee) ?? '')) return camel(key);
      return keyFor(callee.object, undefined);
    }
    if (arg) return keyFor(arg, undefined);
  }
  const path = getMemberPath(n);
  return path ? camel(path) : 'value';
}

/**
 * The style of the logger this call uses (the one resolution every rule shares), and whether we
 * are sure enough to autofix; for an unknown logger, a guess from the call's shape.
 */
export function logCallStyle(context: Context, call: LoggerCall): { style: LoggerStyle; known: boolean } {
  const callee = skipTransparent(call.node.callee);
  const resolved = callee.type === AST_NODE_TYPES.MemberExpression ? resolveLoggerStyle(context, callee.object) : null;
  if (resolved) return { style: resolved.style, known: resolved.source !== 'convention' };
  return { style: guessLoggerStyle(call).style, known: false };
}

/** The value a message argument holds: itself, or for a variable never reassigned after its declaration (`const line = describeLogin(…)`), its initializer. */
export function messageValue(context: Context, message: TSESTree.Node): TSESTree.Node {
  const n = skipTransparent(message);
  if (n.type !== AST_NODE_TYPES.Identifier) return n;
  const variable = findVariable(context, n);
  const init = variable && !variable.references.some((r) => r.isWrite() && !r.init) ? getVariableInit(variable) : null;
  return init ? skipTransparent(init) : n;
}

/**
 * `console.log('login by', user)`, `logger.info('login by %s', user)`: console and printf-style
 * formatting print the arguments after the message as text, not as quoted data. The arguments
 * printed that way (object literals are printed as data), in order; none for other calls.
 */
export function rawPrintedArguments(call: LoggerCall, messageIndex: number): TSESTree.Node[] {
  const args = call.args;
  const first = getStringValue(args[messageIndex]);
  const printf = first !== null && /%[sdifjoOc]/u.test(first);
  const isConsole = call.loggerPath === 'console';
  if (!isConsole && !printf) return [];
  return args.slice(messageIndex + 1).filter((arg) => skipTransparent(arg).type !== AST_NODE_TYPES.ObjectExpression);
}
