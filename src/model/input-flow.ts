/**
 * How request input flows inside one file, beyond a single expression: which writes of a `let`
 * may reach a use (a conditional rewrite keeps the raw value on the path around it), which
 * parameters a same-file helper returns as text, and where a same-file function is called.
 * Cached per function node; nothing is kept across files. Used by request-input.ts.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findEnclosingClass, getEnclosingFunction, getPropertyName, resolveFunction, skipTransparent, walkSameFunction, walkTree } from './ast.js';
import { fileCache, perFile, perFileMap, perNode } from './file-cache.js';

/** String methods whose result still carries the text they were called on. */
export const TEXT_PRESERVING_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase',
  'toLocaleUpperCase', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'concat', 'normalize', 'toString',
  'at', 'repeat', 'join', 'valueOf', 'flat',
]);
/**
 * For a `let` reassigned before `use`, the values that may reach it: the last write that precedes
 * it in the source, and, while that write sits in an `if` branch the use is not in (so a path
 * around it keeps the older value), the write before it, and so on — back to the declaration
 * (returned as its declarator). A write whose value we cannot follow (`x += …` of clean text) is
 * null. Undefined when only the declaration writes it. Anything less plain than an `if` (loops,
 * `try`, `switch`, writes in another function) keeps the last write alone, as before.
 */
export function reachingWritesBefore(variable: TSESLint.Scope.Variable, use: TSESTree.Identifier): (TSESTree.Node | null)[] | undefined {
  const before: TSESLint.Scope.Reference[] = [];
  let writes = 0;
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    writes++;
    if (ref.identifier.range[0] < use.range[0]) before.push(ref);
  }
  before.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  const latest = before.at(-1);
  if (writes <= 1 && (!latest || latest.init)) return undefined;
  if (!latest || latest.init) return undefined;
  const values: (TSESTree.Node | null)[] = [];
  const useFn = getEnclosingFunction(use);
  for (let i = before.length - 1; i >= 0; i--) {
    const ref = before[i]!;
    if (ref.init) {
      const declarator = ref.identifier.parent;
      values.push(declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === ref.identifier ? declarator : null);
      break;
    }
    values.push(writtenValue(ref));
    if (getEnclosingFunction(ref.identifier) !== useFn || !mayBeSkipped(ref.identifier as TSESTree.Identifier, use, variable)) break;
  }
  return values;
}

function writtenValue(ref: TSESLint.Scope.Reference): TSESTree.Node | null {
  const assignment = ref.identifier.parent;
  if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === ref.identifier) {
    if (assignment.operator === '+=') return assignment;
    return assignment.operator === '=' ? assignment.right : null;
  }
  return null;
}

/**
 * Whether a path to `use` may go around the write at `write`: the write sits in a branch of an
 * `if` that does not hold `use`, and the other branch neither writes the variable nor leaves.
 * Only plain statements may lie between the write and that `if`; anything else is "not sure" (false).
 */
function mayBeSkipped(write: TSESTree.Identifier, use: TSESTree.Identifier, variable: TSESLint.Scope.Variable): boolean {
  let node: TSESTree.Node = write.parent!;
  if (node.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let conditional = false;
  while (node.parent && !contains(node.parent, use)) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== node) {
      const other = parent.consequent === node ? parent.alternate : parent.consequent;
      if (other && (leaves(other) || writesPlainly(other, variable))) return false;
      conditional = true;
    } else if (parent.type !== AST_NODE_TYPES.ExpressionStatement && parent.type !== AST_NODE_TYPES.BlockStatement) {
      return false;
    }
    node = parent;
  }
  return conditional;
}

/** A branch that ends by leaving (`return`, `throw`, `break`, `continue`). */
function leaves(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement ||
    last?.type === AST_NODE_TYPES.ContinueStatement
  );
}

/** Whether `statement` always writes the variable: a write reached through plain statements only. */
function writesPlainly(statement: TSESTree.Statement, variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    if (!ref.isWrite() || !contains(statement, ref.identifier)) return false;
    let node: TSESTree.Node | undefined = ref.identifier.parent;
    if (node?.type !== AST_NODE_TYPES.AssignmentExpression) return false;
    while (node && node !== statement) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (node !== statement && parent && parent !== statement && parent.type !== AST_NODE_TYPES.ExpressionStatement && parent.type !== AST_NODE_TYPES.BlockStatement) return false;
      node = parent;
    }
    return true;
  });
}

export const NO_INDICES: readonly number[] = [];
/** Per helper function (option-free facts, so rules share them; the nodes die with the file). */
const textReturningCache = fileCache<Map<AnyFunction, readonly number[]>>();
const callSitesCache = fileCache<Map<AnyFunction, readonly TSESTree.CallExpression[] | null>>();

/**
 * The indices of the parameters whose text the same-file function called by `call` returns:
 * every `return` (or the arrow's body) is a template literal or `+` concatenation that holds the
 * parameter itself (or a text-preserving method of it, `u.trim()`). Empty when the callee is
 * not such a function.
 */
export function textReturningParams(context: Context, call: TSESTree.CallExpression): readonly number[] {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return NO_INDICES;
  const fn = resolveFunction(context, callee);
  if (!fn) return NO_INDICES;
  return perNode(textReturningCache, context.sourceCode, fn, () => computeTextReturningParams(context, fn));
}

function computeTextReturningParams(context: Context, fn: AnyFunction): readonly number[] {
  if (fn.async || fn.generator) return NO_INDICES;
  const names = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : null));
  if (names.every((n) => n === null)) return NO_INDICES;
  const returned: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    returned.push(fn.body);
  } else {
    let bare = false;
    walkSameFunction(
      fn.body,
      (node) => {
        if (node.type !== AST_NODE_TYPES.ReturnStatement) return;
        if (node.argument) returned.push(node.argument);
        else bare = true;
      },
      context.sourceCode.visitorKeys,
    );
    if (bare || returned.length === 0) return NO_INDICES;
  }
  let common: number[] | undefined;
  for (const value of returned) {
    const found = new Set<number>();
    collectTextParams(value, names, found);
    common = common === undefined ? [...found] : common.filter((i) => found.has(i));
    if (common.length === 0) return NO_INDICES;
  }
  const indices = (common ?? []).filter((i) => !writtenInBody(context, fn, fn.params[i] as TSESTree.Identifier));
  return indices.length > 0 ? indices.sort((a, b) => a - b) : NO_INDICES;
}

/** The parameters (by index) a composed text holds as pieces of its own. */
function collectTextParams(node: TSESTree.Node, names: readonly (string | null)[], out: Set<number>): void {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.TemplateLiteral) {
    for (const e of n.expressions) addParamPiece(e, names, out);
  } else if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
    for (const side of [n.left, n.right]) {
      const s = skipTransparent(side);
      if (s.type === AST_NODE_TYPES.BinaryExpression || s.type === AST_NODE_TYPES.TemplateLiteral) collectTextParams(s, names, out);
      else addParamPiece(s, names, out);
    }
  }
}

function addParamPiece(node: TSESTree.Node, names: readonly (string | null)[], out: Set<number>): void {
  let n = skipTransparent(node);
  // u.trim(), u.toLowerCase(): still the parameter's text
  while (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length === 0) {
    const callee = skipTransparent(n.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !TEXT_PRESERVING_METHODS.has(getPropertyName(callee) ?? '')) return;
    n = skipTransparent(callee.object);
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return;
  const index = names.indexOf(n.name);
  if (index !== -1) out.add(index);
}

/** Whether the function body assigns to its parameter `name` (then the parameter no longer holds what callers passed). */
export function writtenInBody(context: Context, fn: AnyFunction, name: TSESTree.Identifier): boolean {
  const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.identifiers.includes(name));
  return !variable || variable.references.some((r) => r.isWrite());
}

/**
 * Every call of a same-file helper (`function audit(name) {…}` or `const audit = (name) => …`),
 * or null when the helper is also used otherwise (exported, passed as a callback, stored) and so
 * may be called with values this file does not show.
 */
export function sameFileCallSites(context: Context, fn: AnyFunction): readonly TSESTree.CallExpression[] | null {
  return perNode(callSitesCache, context.sourceCode, fn, () => computeCallSites(context, fn));
}

function computeCallSites(context: Context, fn: AnyFunction): readonly TSESTree.CallExpression[] | null {
  let variable: TSESLint.Scope.Variable | null = null;
  let holder: TSESTree.Node | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) ?? null;
    holder = fn.parent;
  } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    variable = context.sourceCode.getDeclaredVariables(fn.parent)[0] ?? null;
    holder = fn.parent.parent?.parent;
  }
  if (!variable || variable.defs.length !== 1) return null;
  if (holder?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    if (ref.init) continue;
    const parent = ref.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== ref.identifier) return null;
    // A recursive call feeds the helper its own values: not a caller's.
    if (contains(fn, parent)) return null;
    calls.push(parent);
  }
  return calls;
}

/**
 * Every call of a class method in this file: `this.audit(name)` inside the class, or
 * `AuthHandler.recordFailure(username, ip)` for a static method (node-media-server's login
 * lock-out), or null when the method name is used any other way here (`other.audit(…)`, passed
 * as `this.audit`, assigned): then callers this file cannot match may pass other values.
 * General rule: a method, like a same-file helper, carries what its callers pass for a parameter.
 */
export function sameFileMethodCallSites(context: Context, fn: AnyFunction): readonly TSESTree.CallExpression[] | null {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn || method.kind !== 'method' || method.computed) return null;
  const name = getPropertyName(method);
  const cls = method.parent.parent;
  if (name === null || (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression)) return null;
  const answers = perFileMap(methodCallSitesCache, context.sourceCode);
  let cached = answers.get(fn);
  if (cached !== undefined) return cached;
  const className = cls.id?.name ?? null;
  const calls: TSESTree.CallExpression[] = [];
  let escapes = false;
  for (const node of membersNamed(context).get(name) ?? []) {
    const receiver = node.object;
    const ownReceiver = method.static
      ? (receiver.type === AST_NODE_TYPES.Identifier && receiver.name === className) || (receiver.type === AST_NODE_TYPES.ThisExpression && findEnclosingClass(node) === cls)
      : receiver.type === AST_NODE_TYPES.ThisExpression && findEnclosingClass(node) === cls;
    const call = node.parent;
    if (!ownReceiver || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node || contains(fn, call)) {
      escapes = true;
      break;
    }
    calls.push(call);
  }
  cached = escapes ? null : calls;
  answers.set(fn, cached);
  return cached;
}
const methodCallSitesCache = fileCache<Map<AnyFunction, readonly TSESTree.CallExpression[] | null>>();

/** The file's non-computed member expressions by property name (one walk per file, in walk order; also unknown-errors.ts). */
export function membersNamed(context: Context): ReadonlyMap<string, TSESTree.MemberExpression[]> {
  return perFile(membersCache, context.sourceCode, () => {
    const byName = new Map<string, TSESTree.MemberExpression[]>();
    walkTree(
      context.sourceCode.ast,
      (node) => {
        if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return;
        const name = getPropertyName(node);
        if (name === null) return;
        const list = byName.get(name);
        if (list) list.push(node);
        else byName.set(name, [node]);
      },
      context.sourceCode.visitorKeys,
    );
    return byName;
  });
}
const membersCache = fileCache<ReadonlyMap<string, TSESTree.MemberExpression[]>>();

/**
 * `this.streamApp = req.params.app; … log(\`app=${this.streamApp}\`)`: the values the enclosing function
 * itself assigned to `this.<name>` before `use` (plain `=` writes, not inside nested functions). General
 * rule: a field filled in the same function is a local variable by another name; writes in other
 * methods are not followed (when they run is unknown). Empty when there are none.
 */
export function thisFieldWritesBefore(context: Context, use: TSESTree.MemberExpression): TSESTree.Node[] {
  const name = use.computed ? null : getPropertyName(use);
  const fn = getEnclosingFunction(use);
  // A written-out field only: `this[key]` and methods named like one are not followed.
  if (name === null || !fn || fn.type === AST_NODE_TYPES.ArrowFunctionExpression || !/\bthis\.\w/u.test(context.sourceCode.getText(fn))) return [];
  const writes: TSESTree.AssignmentExpression[] = [];
  walkSameFunction(
    fn.body,
    (node) => {
      if (node.range[0] >= use.range[0]) return false;
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return true;
      const target = node.left;
      if (target.object.type === AST_NODE_TYPES.ThisExpression && !target.computed && getPropertyName(target) === name) writes.push(node);
      return true;
    },
    context.sourceCode.visitorKeys,
  );
  // From the last write back to one every path to the use passes (a statement of a block around the use).
  writes.sort((a, b) => a.range[0] - b.range[0]);
  const reaching: TSESTree.Node[] = [];
  for (let i = writes.length - 1; i >= 0; i--) {
    const write = writes[i]!;
    reaching.push(write.right);
    const statement = write.parent;
    if (statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent && contains(statement.parent, use) && statement.parent.type === AST_NODE_TYPES.BlockStatement) break;
  }
  return reaching;
}
