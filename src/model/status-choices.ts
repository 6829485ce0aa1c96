/**
 * Which statuses a response chooses between: a ternary written in the response (`res.status(userId ? 404 : 403)`)
 * or a local variable that holds one of several statuses (`let code = 200; if (!user) code = 401; res.status(code)`).
 * getHttpOutcome (http-outcomes.ts) leaves these out: which branch runs is the caller's question.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getPropertyName, getRootIdentifier, skipTransparent } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { getStatusValue } from './http-status.js';
import { isResponseOrContextName } from './response-names.js';
import { isKoaThisContext } from './koa-generators.js';

export interface StatusChoice {
  status: number;
  /** The branch that holds it (`403` in `res.status(userId ? 404 : 403)`): what chooses it is the ternary's test. */
  node: TSESTree.Expression;
  /**
   * The status is held in a variable (`const status = expired ? 401 : 403; res.status(status)`):
   * `once` when only its declaration sets it, `reassigned` when assignments do (`let code = 200;
   * if (!user) code = 401;`); absent for a ternary written in the response itself.
   */
  held?: 'once' | 'reassigned';
  /** For a held status: the declarator or assignment that sets it. */
  write?: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression;
}

/**
 * The statuses a response chooses between with a ternary: `res.status(userId ? 404 : 403)`,
 * `res.sendStatus(ok ? 200 : FORBIDDEN)`, `reply.code(…)`, `res.writeHead(…)`, `res.statusCode = … ? … : …`,
 * `ctx.status = … ? … : …`. One entry per branch that denotes a status; null when `node` sets no
 * status this way. Only the call or assignment that holds the ternary answers (not calls chained on it),
 * and getHttpOutcome leaves these out: which branch runs is the caller's question.
 */
export function getStatusChoices(context: Context, node: TSESTree.CallExpression | TSESTree.AssignmentExpression): StatusChoice[] | null {
  let chosen: TSESTree.Node | undefined;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return null;
    const prop = getPropertyName(node.left);
    const receiver = getRootIdentifier(node.left.object, true);
    if (prop !== 'status' && prop !== 'statusCode') return null;
    if (receiver ? !isResponseOrContextName(receiver.name) : !isKoaThisContext(context, node.left.object)) return null;
    chosen = node.right;
  } else {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getPropertyName(callee);
    const receiver = getRootIdentifier(callee.object, true);
    if (!receiver || !isResponseOrContextName(receiver.name) || !['status', 'code', 'sendStatus', 'writeHead'].includes(method ?? '')) return null;
    chosen = node.arguments[0];
  }
  const ternary = chosen && skipTransparent(chosen);
  if (ternary?.type === AST_NODE_TYPES.Identifier) return heldStatusChoices(context, ternary);
  if (ternary?.type !== AST_NODE_TYPES.ConditionalExpression) return null;
  const choices: StatusChoice[] = [];
  for (const branch of [ternary.consequent, ternary.alternate]) {
    const status = getStatusValue(context, branch);
    if (status !== null) choices.push({ status, node: branch });
  }
  return choices.length > 0 ? choices : null;
}

/** Variables set at most this many times are read for their statuses; more writes are a computed status. */
const MAX_STATUS_WRITES = 4;
const heldCache = fileCache<Map<TSESLint.Scope.Variable, StatusChoice[] | null>>();

/**
 * The statuses a local variable given as a response status may hold: every value its declaration
 * and assignments give it, each a status or a ternary of statuses (`const status = expired ? 401 : 403`,
 * `let code = 200; if (!user) code = 401;`). Null when one of them is not a known status (`err.status`),
 * for parameters, imports and variables set more than a few times, or when it holds one status only
 * (getStatusValue answers that).
 */
function heldStatusChoices(context: Context, id: TSESTree.Identifier): StatusChoice[] | null {
  const variable = findVariable(context, id);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  const answers = perFileMap(heldCache, context.sourceCode);
  if (answers.has(variable)) return answers.get(variable)!;
  answers.set(variable, null);
  const writes: { value: TSESTree.Expression; write: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression }[] = [];
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === ref.identifier && parent.init) writes.push({ value: parent.init, write: parent });
    else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier && parent.operator === '=') writes.push({ value: parent.right, write: parent });
    else return null;
  }
  if (writes.length === 0 || writes.length > MAX_STATUS_WRITES) return null;
  const held = writes.length > 1 || writes[0]!.write.type === AST_NODE_TYPES.AssignmentExpression ? 'reassigned' : 'once';
  const choices: StatusChoice[] = [];
  for (const { value, write } of writes) {
    for (const branch of ternaryLeaves(value)) {
      const status = getStatusValue(context, branch);
      if (status === null) return null;
      choices.push({ status, node: branch, held, write });
    }
  }
  const result = new Set(choices.map((c) => c.status)).size > 1 ? choices : null;
  answers.set(variable, result);
  return result;
}

/** The values a nested ternary may give: `a ? 404 : b ? 403 : 200` → 404, 403, 200. */
function ternaryLeaves(node: TSESTree.Expression, depth = 0): TSESTree.Expression[] {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.ConditionalExpression || depth > 3) return [node];
  return [...ternaryLeaves(n.consequent, depth + 1), ...ternaryLeaves(n.alternate, depth + 1)];
}

/**
 * `code = 401` where `code` is later given as a response status and may also hold a status that is
 * no rejection (`let code = 200; if (!user) code = 401; res.status(code)`): the choices this assignment
 * makes (`own`) among all its values (`all`). The response cannot say which path set it; the assignment
 * is where the rejection is chosen.
 */
export function getStatusWriteChoices(context: Context, node: TSESTree.AssignmentExpression): { own: StatusChoice[]; all: StatusChoice[] } | null {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.Identifier) return null;
  // Cheap gate before any scope lookup: a status is written as a number, a constant or a ternary of them.
  const right = skipTransparent(node.right);
  if (!((right.type === AST_NODE_TYPES.Literal && typeof right.value === 'number') || right.type === AST_NODE_TYPES.MemberExpression || right.type === AST_NODE_TYPES.ConditionalExpression)) return null;
  const variable = findVariable(context, node.left);
  if (!variable) return null;
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    const parent = ref.identifier.parent;
    const reader = parent?.type === AST_NODE_TYPES.CallExpression ? parent : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === ref.identifier ? parent : null;
    const choices = reader ? getStatusChoices(context, reader) : null;
    if (choices?.[0]?.held) return { own: choices.filter((c) => c.write === node), all: choices };
  }
  return null;
}
