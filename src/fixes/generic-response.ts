/**
 * The fix of no-error-details-in-response: send a generic message (the status's reason phrase,
 * with the request id when the handler has one) in place of the error's details, and log the
 * error on the server right before the statement that answers, unless it is logged already.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getCalleePath, getPropertyName, isFunctionNode } from '../model/ast.js';
import type { Leak } from '../model/error-leaks.js';
import { isHandoffCall } from '../model/errors.js';
import { findEnclosingHandler } from '../model/handlers.js';
import { getLoggerCall } from '../model/loggers.js';
import type { ResponseSink } from '../model/responses.js';
import { indentUnit, lineIndent } from './edits.js';
import { type LogTarget, buildLogCall, quote } from './log-call.js';
import { failureMessage } from './log-message.js';
import { logTargetAt, targetSetupFixes } from './log-target.js';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase of the sink's status, or `Internal Server Error`. */
export function genericMessage(sink: ResponseSink): string {
  const status = sink.status;
  if (status !== null && REASON[status]) return REASON[status]!;
  return 'Internal Server Error';
}

/**
 * What the fix replaces for a leak: the leak itself, widened over the expressions that only
 * wrap or fall back around it (`err.message || 'Error'`, `` `Failed: ${err.message}` ``,
 * `JSON.stringify(err)`), up to a property value or the sink's argument.
 */
function replacementTarget(use: TSESTree.Node, sink: ResponseSink): TSESTree.Node {
  let node = use;
  for (;;) {
    if (sink.payload.includes(node as TSESTree.Expression)) return node;
    const parent = node.parent;
    if (!parent) return node;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&') ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && /^(?:JSON\.stringify|String|util\.inspect|inspect|serializeError)$/u.test(getCalleePath(parent) ?? '')) ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node)
    ) {
      node = parent;
      continue;
    }
    return node;
  }
}

/** A correlation id the handler can send: Fastify's `request.id`, or `req.id` when the file already uses it. */
export function findRequestId(context: Context, node: TSESTree.Node): string | null {
  const handler = findEnclosingHandler(context, node);
  const req = handler?.req;
  if (!handler || !req) return null;
  if (handler.framework === 'fastify') return `${req.name}.id`;
  const text = context.sourceCode.text;
  const used = new RegExp(`(?<![\\w$.])${req.name}\\.id\\b(?!\\s*=[^=])`, 'u').test(text);
  return used ? `${req.name}.id` : null;
}

/** Where and what the fix logs. */
export interface LogPlan {
  /** A statement in a block, a non-block branch body, or an arrow function's expression body. */
  anchor: TSESTree.Node;
  text: string;
  /** The logger the text writes to, with the import or member it needs. */
  target: LogTarget;
}

/** Whether `node` sits where a statement (or an arrow's expression body) goes. */
function isStatementSlot(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.Program:
      return true;
    case AST_NODE_TYPES.IfStatement:
      return parent.consequent === node || parent.alternate === node;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    default:
      return false;
  }
}

/** The statement (or arrow body, or bare `if` branch) `node` is part of. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let anchor = node;
  while (anchor.parent && !isStatementSlot(anchor)) anchor = anchor.parent;
  return anchor;
}

/** A server-side log of the error before the statement that sends the response, unless it is logged already. */
export function planLog(context: Context, sink: ResponseSink, leak: Leak): LogPlan | null {
  const def = leak.error.defs[0];
  if (def?.type === 'CatchClause' && def.node.param !== def.name) return null;
  // Already logged with the error somewhere in the function that binds it.
  for (const ref of leak.error.references) {
    let parent = ref.identifier.parent;
    while (parent && (parent.type === AST_NODE_TYPES.MemberExpression || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.ObjectExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) parent = parent.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && getLoggerCall(context, parent)) return null;
    // next(err), ctx.app.emit('error', err, ctx): the error is logged where it lands.
    const call = ref.identifier.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(ref.identifier as TSESTree.Expression) && isHandoffCall(call)) return null;
  }
  // The statement that sends the response; the log goes right before it, on the same path. When the
  // error's binding does not reach it (`catch (err) { response = { message: err.message } } res.send(response)`),
  // the statement that reads the error instead: a log there names a binding that exists.
  let anchor = enclosingStatement(sink.node);
  const [from, to] = leak.error.scope.block.range;
  if (anchor.range[0] < from || anchor.range[1] > to) anchor = enclosingStatement(leak.read);
  if (anchor.range[0] < from || anchor.range[1] > to) return null;
  const slot = anchor.parent;
  if (!slot) return null;
  const fnBody = isFunctionNode(slot) && slot.body === anchor;
  if (fnBody && anchor.type === AST_NODE_TYPES.BlockStatement) return null;
  const target = logTargetAt(context, anchor);
  // A 4xx answers a failure the code expected (bad input, a miss): notable, not an incident.
  const level = sink.status !== null && sink.status < 500 ? 'warn' : 'error';
  const text = `${buildLogCall(target, { level, message: failureMessage(context, anchor), error: leak.error.name })};`;
  return { anchor, text, target };
}

/** Insert the planned log before the statement that sends (or turn an arrow body or a bare `if` branch into a block that logs first). */
function insertLog(context: Context, fixer: TSESLint.RuleFixer, log: LogPlan): TSESLint.RuleFix[] {
  const anchor = log.anchor;
  const parent = anchor.parent!;
  const unit = indentUnit(context);
  // Insertions only, so they never overlap the replacements inside the statement.
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    // .catch((err) => res.status(500).json(…)) → a block that logs, then returns the same value
    const indent = lineIndent(context, parent);
    const range = rangeWithParens(context, anchor);
    return [
      fixer.insertTextBeforeRange(range, `{\n${indent}${unit}${log.text}\n${indent}${unit}return `),
      fixer.insertTextAfterRange(range, `;\n${indent}}`),
    ];
  }
  if (parent.type === AST_NODE_TYPES.IfStatement) {
    // if (err) return res.status(500).send(err); → braces, so the log runs on that branch only
    return [fixer.insertTextBefore(anchor, `{ ${log.text} `), fixer.insertTextAfter(anchor, ' }')];
  }
  const line = context.sourceCode.lines[anchor.loc.start.line - 1] ?? '';
  const before = line.slice(0, anchor.loc.start.column);
  if (/^\s*$/u.test(before)) return [fixer.insertTextBefore(anchor, `${log.text}\n${before}`)];
  return [fixer.insertTextBefore(anchor, `${log.text} `)];
}

/** An arrow body's range with its parentheses (`=> ({ … })`). */
function rangeWithParens(context: Context, node: TSESTree.Node): TSESTree.Range {
  const before = context.sourceCode.getTokenBefore(node);
  const after = context.sourceCode.getTokenAfter(node);
  if (before?.value === '(' && after?.value === ')' && context.sourceCode.getTokenBefore(before)?.value === '=>') return [before.range[0], after.range[1]];
  return node.range;
}

/** The suggestion's edits: each leak replaced by the generic message (a request id beside it when there is one), and the log before the statement. */
export function buildFix(
  context: Context,
  fixer: TSESLint.RuleFixer,
  sink: ResponseSink,
  leaks: readonly Leak[],
  generic: string,
  requestId: string | null,
  log: LogPlan | null,
): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  const done = new Set<TSESTree.Node>();
  const idObjects = new Set<TSESTree.ObjectExpression>();
  for (const leak of leaks) {
    const target = replacementTarget(leak.use, sink);
    if (done.has(target)) continue;
    // A target inside another replaced one is gone with it.
    if ([...done].some((d) => d.range[0] <= target.range[0] && target.range[1] <= d.range[1])) continue;
    done.add(target);
    const parent = target.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === target) {
      const key = context.sourceCode.getText(parent.key);
      fixes.push(
        parent.shorthand
          ? fixer.replaceText(parent, `${parent.computed ? `[${key}]` : key}: ${quote(generic)}`)
          : fixer.replaceText(target, quote(generic)),
      );
      if (parent.parent.type === AST_NODE_TYPES.ObjectExpression) idObjects.add(parent.parent);
    } else if (parent?.type === AST_NODE_TYPES.SpreadElement) {
      fixes.push(fixer.remove(parent));
      const after = context.sourceCode.getTokenAfter(parent);
      if (after?.value === ',') fixes.push(fixer.remove(after));
    } else if (sink.payload.includes(target as TSESTree.Expression) && (sink.kind === 'json' || sink.kind === 'body')) {
      const id = requestId ? `, requestId: ${requestId}` : '';
      fixes.push(fixer.replaceText(target, `{ error: ${quote(generic)}${id} }`));
    } else {
      fixes.push(fixer.replaceText(target, quote(generic)));
    }
  }
  if (requestId) {
    for (const object of idObjects) {
      const keys = object.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? getPropertyName(p) : null));
      if (keys.some((k) => k !== null && /^(?:requestId|requestID|correlationId|traceId|reqId)$/u.test(k))) continue;
      const last = object.properties[object.properties.length - 1]!;
      const after = context.sourceCode.getTokenAfter(last)!;
      fixes.push(after.value === ',' ? fixer.insertTextAfter(after, ` requestId: ${requestId}`) : fixer.insertTextAfter(last, `, requestId: ${requestId}`));
    }
  }
  if (log) {
    fixes.push(...insertLog(context, fixer, log));
    fixes.push(...targetSetupFixes(context, fixer, log.target));
  }
  return fixes;
}
