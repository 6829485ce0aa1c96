/**
 * "Which fields does this log call carry?" — the keys of its structured argument (pino / bunyan
 * merging object, winston meta, a Nest object message), of the `child({…})` bindings of the
 * logger it is called on, and the names of values it writes positionally or interpolates into its
 * message (`req.ip` → `ip`, `reason=${r}` → `reason`, by the same `keyFor` the no-log-injection
 * fix names fields with), and `ip` for a framework's request logger (`req.log`, `request.log`,
 * `ctx.log`), which writes the client address or joins it by request id. `unknown` when an argument could carry any key (a spread, a computed
 * key, a merging object built elsewhere): such a log is taken to carry every field.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getPropertyName, getStringValue, getVariableInit, skipTransparent } from './ast.js';
import { fileCache, perNode } from './file-cache.js';
import { findMessageIndex, keyFor } from './log-messages.js';
import { getLoggerCall } from './loggers.js';

/** The field keys a log call carries, or `unknown` when it may carry any. */
export type LogFieldKeys = ReadonlySet<string> | 'unknown';

const cache = fileCache<Map<TSESTree.CallExpression, LogFieldKeys>>();

/** Every field key the log call carries (see the file comment); `unknown` for calls that are not plain logger calls. */
export function getLogFieldKeys(context: Context, call: TSESTree.CallExpression): LogFieldKeys {
  return perNode(cache, context.sourceCode, call, () => computeKeys(context, call));
}

/** The fields of `required` the log call does not carry, in the order given; empty when it carries all (or may). */
export function missingLogFields(context: Context, call: TSESTree.CallExpression, required: readonly string[]): string[] {
  if (required.length === 0) return [];
  const keys = getLogFieldKeys(context, call);
  return keys === 'unknown' ? [] : required.filter((k) => !keys.has(k));
}

function computeKeys(context: Context, call: TSESTree.CallExpression): LogFieldKeys {
  const log = getLoggerCall(context, call);
  // A log helper, an audit call, a reporter: what it writes is decided elsewhere.
  if (!log || log.via !== 'logger') return 'unknown';
  const keys = new Set<string>();
  // pino-http's `req.log` (and koa-pino-logger's `ctx.log`) is bound to the request, whose
  // serializer writes `remoteAddress`; Fastify's `request.log` carries the `reqId` of the
  // incoming-request line that holds it. The client address is on (or joined to) every line.
  if (isRequestLogger(call.callee)) keys.add('ip');
  if (!addBindings(context, call.callee, keys, 0)) return 'unknown';
  const args = log.args;
  if (args.length === 0) return keys;
  const messageIndex = findMessageIndex(args);
  // logger.warn(meta, 'denied'): pino's merging object before a plain message too.
  const second = args[1] ? skipTransparent(args[1]) : null;
  const leadingObject = messageIndex === 1 || (second !== null && (getStringValue(second) !== null || second.type === AST_NODE_TYPES.TemplateLiteral));
  for (const [index, arg] of args.entries()) {
    if (arg.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
    if (!addArgument(context, arg, keys, index === 0 && leadingObject)) return 'unknown';
  }
  return keys;
}

/** Keys an object literal names; false when one may be any key (spread, computed). */
function addObjectKeys(object: TSESTree.ObjectExpression, keys: Set<string>): boolean {
  for (const p of object.properties) {
    if (p.type !== AST_NODE_TYPES.Property) return false;
    const name = getPropertyName(p);
    if (name === null) return false;
    keys.add(name);
  }
  return true;
}

function addArgument(context: Context, raw: TSESTree.Node, keys: Set<string>, isMergingObject: boolean): boolean {
  const arg = skipTransparent(raw);
  if (arg.type === AST_NODE_TYPES.ObjectExpression) return addObjectKeys(arg, keys);
  if (arg.type === AST_NODE_TYPES.TemplateLiteral || (arg.type === AST_NODE_TYPES.BinaryExpression && arg.operator === '+')) {
    addInterpolated(arg, keys);
    return true;
  }
  if (getStringValue(arg) !== null || arg.type === AST_NODE_TYPES.Literal) return true;
  if (arg.type === AST_NODE_TYPES.Identifier) {
    const init = getVariableInit(findVariable(context, arg));
    const value = init ? skipTransparent(init) : null;
    if (value?.type === AST_NODE_TYPES.ObjectExpression) return addObjectKeys(value, keys);
    if (value && (value.type === AST_NODE_TYPES.TemplateLiteral || (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+'))) {
      addInterpolated(value, keys);
      return true;
    }
    // logger.warn(meta, 'msg') with `meta` built elsewhere: it may carry anything.
    if (isMergingObject && (!value || value.type === AST_NODE_TYPES.CallExpression)) return false;
  }
  // A value written positionally (`console.warn('denied', req.ip)`) carries its own name.
  keys.add(keyFor(arg, undefined));
  return true;
}

/** `failed from ${req.ip}`, `reason=${reason}`, `'from ' + ip`: each value under its label or its own name. */
function addInterpolated(node: TSESTree.Node, keys: Set<string>): void {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
    addInterpolated(n.left, keys);
    const before = getStringValue(n.left);
    const label = before === null ? null : /([A-Za-z_$][\w$]*)\s?[=:]\s?$/u.exec(before)?.[1];
    if (getStringValue(n.right) === null) keys.add(keyFor(n.right, label ?? undefined));
    return;
  }
  if (n.type !== AST_NODE_TYPES.TemplateLiteral) return;
  n.expressions.forEach((expr, i) => {
    const label = /([A-Za-z_$][\w$]*)\s?[=:]\s?$/u.exec(n.quasis[i]!.value.cooked ?? '')?.[1];
    keys.add(keyFor(expr, label));
  });
}

/**
 * The bindings of the logger a call is made on: `log.warn(…)` where `const log = logger.child({ ip })`,
 * or `logger.child({ ip }).warn(…)`. False when a binding may be any key.
 */
function addBindings(context: Context, callee: TSESTree.Node, keys: Set<string>, depth: number): boolean {
  const c = skipTransparent(callee);
  if (c.type !== AST_NODE_TYPES.MemberExpression || depth > 3) return true;
  let object = skipTransparent(c.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const init = getVariableInit(findVariable(context, object));
    if (!init) return true;
    object = skipTransparent(init);
  }
  if (object.type !== AST_NODE_TYPES.CallExpression) return true;
  const childCallee = skipTransparent(object.callee);
  if (childCallee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(childCallee) !== 'child') return true;
  const bindings = object.arguments[0] ? skipTransparent(object.arguments[0]) : null;
  if (bindings) {
    if (bindings.type !== AST_NODE_TYPES.ObjectExpression) return false;
    if (!addObjectKeys(bindings, keys)) return false;
  }
  return addBindings(context, childCallee, keys, depth + 1);
}

/** `req.log.warn`, `request.log.info`, `ctx.log.error`: the request-scoped logger of pino-http, Fastify, koa-pino-logger. */
function isRequestLogger(callee: TSESTree.Node): boolean {
  const c = skipTransparent(callee);
  if (c.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparent(c.object);
  if (object.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(object) !== 'log') return false;
  const root = skipTransparent(object.object);
  return root.type === AST_NODE_TYPES.Identifier && /^(?:req|request|ctx)$/u.test(root.name);
}
