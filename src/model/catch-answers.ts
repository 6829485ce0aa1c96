/**
 * What a catch (or a rejection handler) answers its caller with: a failure reported as data, a
 * "not found", a refusal, the caller's own input, an "absent" that the caller turns into a 404,
 * or nothing at all. An answer that tells the caller the operation failed hands the failure on;
 * an answer that reads like an ordinary result hides it.
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  walkSameFunction,
  walkTree,
} from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { type HttpOutcome, getHttpOutcome } from './http-outcomes.js';
import { statusFromErrorName } from './http-status.js';
import { credentialFailureAt } from './credential-checks.js';
import { getSocketRefusal } from './socket-refusals.js';
import { answersServerStatus } from './catch-handling.js';
import { getResponseSink } from './responses.js';
import { systemModuleOf } from './modules.js';

/** Some call, assignment or throw in `body` (same function) has an HTTP outcome that `test` accepts. */
export function answersWith(context: Context, body: TSESTree.Node, test: (outcome: HttpOutcome) => boolean): boolean {
  let found = false;
  walkSameFunction(
    body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AssignmentExpression || n.type === AST_NODE_TYPES.ThrowStatement) {
        const outcome = getHttpOutcome(context, n);
        if (outcome && test(outcome)) found = true;
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * The handler answers 401 / 403, or throws or hands on an error that means one (shared getHttpOutcome),
 * or refuses a socket the way log-auth-failures counts as a refusal (`socket.write('HTTP/1.1 401 …')`,
 * `ws.close(4003)`; a bare disconnect only on a failed credential check): that rule reports it if unlogged.
 */
export function answersRefusal(context: Context, body: TSESTree.Node): boolean {
  if (answersWith(context, body, (o) => o.kind !== 'error' && (o.status === 401 || o.status === 403))) return true;
  let found = false;
  walkSameFunction(
    body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const refusal = getSocketRefusal(context, n);
        if (refusal && (!refusal.needsCredentialFailure || credentialFailureAt(context, n))) found = true;
      }
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * The handler sets a 4xx status in a statement of its own before writing the body:
 * `res.writeHead(400); res.end('Failed to unsubscribe')`, `res.status(404); res.end(…)`,
 * `ctx.status = 403`. The body written after it is a client answer, not a 5xx.
 */
export function setsClientStatus(context: Context, body: TSESTree.Node): boolean {
  return answersWith(context, body, (o) => o.kind === 'response' && o.status >= 400 && o.status < 500);
}

/**
 * `res.status(404)`, `res.sendStatus(404)`, `res.writeHead(404)`, `reply.code(404).send()`, `c.json(body, 404)`:
 * a response that says "not found" (the shared getHttpOutcome).
 */
export function isNotFoundAnswer(context: Context, call: TSESTree.CallExpression): boolean {
  const outcome = getHttpOutcome(context, call);
  return outcome?.kind === 'response' && outcome.status === 404;
}

/** The handler answers "not found": `res.status(404).end('File not found.')`, `return res.sendStatus(404)`. */
export function answersNotFound(context: Context, body: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(
    body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression && isNotFoundAnswer(context, n)) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** Text that blames the input (`invalid_token`, `Session expired`, `Access denied`) rather than reporting a failure. */
const VERDICT_TEXT = /invalid|expired|unauthori[sz]ed|unauthenticated|denied|forbidden|not[\s_-]?found|missing|unknown/iu;

/** The text of a string literal or template (its quasis), else ''. */
function textOf(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Literal) return String(node.value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  return '';
}

/**
 * `error: 'invalid_refresh_token'`, `reason: 'Session expired'`: a verdict on the input, not a report of
 * the failure — an outage read as a refusal.
 */
export function blamesInput(p: TSESTree.ObjectLiteralElement): boolean {
  if (p.type !== AST_NODE_TYPES.Property) return false;
  const value = skipTransparent(p.value as TSESTree.Node);
  return VERDICT_TEXT.test(textOf(value));
}

/** `success: false`, `ok: false`; `error: 'Could not retrieve models'`; `status: 'error'`, `testState: 'failed'`. */
export function isFailureProperty(p: TSESTree.ObjectLiteralElement): boolean {
  if (p.type !== AST_NODE_TYPES.Property) return false;
  const key = getPropertyName(p);
  const value = skipTransparent(p.value as TSESTree.Node);
  if (key === null) return false;
  if (/^(?:success|ok|succeeded)$/u.test(key)) return value.type === AST_NODE_TYPES.Literal && value.value === false;
  const isText = (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') || value.type === AST_NODE_TYPES.TemplateLiteral;
  if (/^(?:error|errorMessage|failure|failureReason)$/u.test(key)) return isText;
  if (/^(?:status|state|testState|outcome|result)$/u.test(key)) {
    return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && /(?:error|fail)/iu.test(value.value);
  }
  return false;
}

/**
 * The catch answers its caller with a result that says the operation failed
 * (`return { success: false, testState: 'error' }`, `return [provider, { models: [], error: 'Could not retrieve models' }]`,
 * a `const errorState = { success: false }` returned by name): the failure is handed on as data,
 * and the caller (or the user it is shown to) sees it.
 */
export function reportsFailureAsData(context: Context, body: TSESTree.Node): boolean {
  const isFailureResult = (value: TSESTree.Node | null | undefined, depth = 0): boolean => {
    let v = value ? skipTransparent(value) : null;
    if (v?.type === AST_NODE_TYPES.Identifier && depth === 0) {
      const def = findVariable(context, v)?.defs[0];
      v = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === 'const' ? skipTransparent(def.node.init) : null;
    }
    if (v?.type === AST_NODE_TYPES.ArrayExpression && depth === 0) return v.elements.some((e) => !!e && e.type !== AST_NODE_TYPES.SpreadElement && isFailureResult(e, 1));
    return v?.type === AST_NODE_TYPES.ObjectExpression && v.properties.some(isFailureProperty) && !v.properties.some(blamesInput);
  };
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isFailureResult(body);
  let found = false;
  walkSameFunction(
    body,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.ReturnStatement && isFailureResult(n.argument)) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/**
 * The try answers `{ …, applied: true }` and the catch answers the same shape with `applied: false`:
 * the result itself tells the caller the step failed.
 */
export function returnsFailedFlag(context: Context, block: TSESTree.BlockStatement, handler: TSESTree.BlockStatement): boolean {
  const flags = (root: TSESTree.Node, value: boolean): Set<string> => {
    const keys = new Set<string>();
    walkSameFunction(
      root,
      (n) => {
        if (n.type !== AST_NODE_TYPES.ReturnStatement || !n.argument) return;
        const arg = skipTransparent(n.argument);
        // `{ ok: false, error: 'invalid_refresh_token' }` says the failure is the client's: that is no report.
        if (arg.type !== AST_NODE_TYPES.ObjectExpression || arg.properties.some(blamesInput)) return;
        for (const p of arg.properties) {
          if (p.type !== AST_NODE_TYPES.Property) continue;
          const key = getPropertyName(p);
          const v = skipTransparent(p.value as TSESTree.Node);
          if (key !== null && v.type === AST_NODE_TYPES.Literal && v.value === value) keys.add(key);
        }
      },
      context.sourceCode.visitorKeys,
    );
    return keys;
  };
  const succeeded = flags(block, true);
  if (succeeded.size === 0) return false;
  return [...flags(handler, false)].some((key) => succeeded.has(key));
}

/**
 * The fallback is the enclosing function's own input, unchanged: `async function nameById(id) { try {
 * return (await credentials.get(id)).name } catch { return id } }`. The lookup only enriched a value
 * the caller already has (a display name for an id), and the caller still gets that value.
 */
export function returnsOwnInput(handler: TSESTree.Node, body: TSESTree.Node): boolean {
  let fn: TSESTree.Node | undefined = handler.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn || !isFunctionNode(fn)) return false;
  // For a `.catch(() => id)` the enclosing function is the one around the promise chain.
  if (fn === handler) {
    fn = fn.parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    if (!fn || !isFunctionNode(fn)) return false;
  }
  const params = new Set(fn.params.flatMap((p) => (p.type === AST_NODE_TYPES.Identifier ? [p.name] : [])));
  const only =
    body.type !== AST_NODE_TYPES.BlockStatement
      ? body
      : body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? body.body[0].argument
        : null;
  const value = only ? skipTransparent(only) : null;
  return value?.type === AST_NODE_TYPES.Identifier && params.has(value.name);
}

/** Per function: every same-file caller answers "not found" on an empty result (see isLookupAnsweredAbsent). */
const lookupVerdicts = fileCache<Map<TSESTree.Node, boolean>>();

/**
 * A lookup answered "absent" to a caller that treats absence as "not found": the handler only
 * returns `null` / `undefined`, and every call of its function in this file tests the answer and
 * replies 404 (`const logo = await this.findLogo(id); if (!logo) throw new NotFoundError()`).
 * Without such a caller the null may mean "no session", "no config" or "no data", and an outage
 * would read as that answer, so the catch stays reported.
 */
export function isLookupAnsweredAbsent(context: Context, handler: TSESTree.Node, body: TSESTree.Node): boolean {
  const value =
    body.type === AST_NODE_TYPES.BlockStatement
      ? body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? (body.body[0].argument ?? 'bare')
        : null
      : body;
  if (value === null) return false;
  if (value !== 'bare') {
    const v = skipTransparent(value);
    const absent = (v.type === AST_NODE_TYPES.Literal && v.value === null) || (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined');
    if (!absent) return false;
  }
  let fn: TSESTree.Node | undefined = handler.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn || !isFunctionNode(fn)) return false;
  const answers = perFileMap(lookupVerdicts, context.sourceCode);
  let verdict = answers.get(fn);
  if (verdict === undefined) {
    const calls = callsOf(context, fn);
    verdict = calls.length > 0 && calls.every((call) => answersNotFoundOnAbsence(context, call));
    answers.set(fn, verdict);
  }
  return verdict;
}

/** Same-file calls of `fn`: by its name (`findLogo(…)`) or, for a method, `this.findLogo(…)` in its class. */
export function callsOf(context: Context, fn: AnyFunction): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
    const name = getPropertyName(parent);
    const cls = parent.parent.parent;
    if (name === null || !cls) return out;
    walkTree(cls, (n) => {
      if (
        n.type === AST_NODE_TYPES.CallExpression &&
        n.callee.type === AST_NODE_TYPES.MemberExpression &&
        n.callee.object.type === AST_NODE_TYPES.ThisExpression &&
        getPropertyName(n.callee) === name
      ) {
        out.push(n);
      }
    }, context.sourceCode.visitorKeys);
    return out;
  }
  const id =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
        ? parent.id
        : null;
  if (!id) return out;
  const variable = findVariable(context, id);
  for (const ref of variable?.references ?? []) {
    const call = ref.identifier.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier) out.push(call);
  }
  return out;
}

/** `const x = await f(); if (!x) <404>` / `if (x === null) <404>`: the caller answers "not found" when the lookup is empty. */
export function answersNotFoundOnAbsence(context: Context, call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    node = node.parent;
  }
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const name = declarator.id.name;
  const statement = declarator.parent;
  const siblings = statement.parent?.type === AST_NODE_TYPES.BlockStatement || statement.parent?.type === AST_NODE_TYPES.Program ? statement.parent.body : null;
  const next = siblings ? siblings[siblings.indexOf(statement as TSESTree.Statement) + 1] : undefined;
  if (next?.type !== AST_NODE_TYPES.IfStatement || !testsAbsence(next.test, name)) return false;
  let notFound = false;
  walkSameFunction(
    next.consequent,
    (n) => {
      if (notFound) return false;
      if (n.type === AST_NODE_TYPES.CallExpression && isNotFoundAnswer(context, n)) notFound = true;
      else if (n.type === AST_NODE_TYPES.ThrowStatement) {
        const arg = skipTransparent(n.argument);
        const path = arg.type === AST_NODE_TYPES.NewExpression || arg.type === AST_NODE_TYPES.CallExpression ? getCalleePath(arg) : null;
        if (path !== null && statusFromErrorName(lastSegment(path)) === 404) notFound = true;
      }
      return !notFound;
    },
    context.sourceCode.visitorKeys,
  );
  return notFound;
}

/** `!x`, `x === null`, `x == null`, `x === undefined`, `!x?.y`. */
export function testsAbsence(test: TSESTree.Expression, name: string): boolean {
  const t = skipTransparent(test);
  const isName = (n: TSESTree.Node): boolean => {
    let c = skipTransparent(n);
    while (c.type === AST_NODE_TYPES.MemberExpression) c = skipTransparent(c.object);
    return c.type === AST_NODE_TYPES.Identifier && c.name === name;
  };
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return isName(t.argument);
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '===' || t.operator === '==')) {
    const other = isName(t.left) ? t.right : isName(t.right) ? t.left : null;
    return !!other && ((other.type === AST_NODE_TYPES.Literal && other.value === null) || (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined'));
  }
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '||') return testsAbsence(t.left, name);
  return false;
}

/**
 * The catch gives a fallback answer: it only returns, assigns, continues or does nothing. A `return` of
 * a 5xx answer (`return res.sendStatus(500)`) after a `try` that reads the disk or runs a program
 * (`fs.readFileSync(settingsPath)`) is no fallback: the request failed because the system did. After a
 * parse of a value in hand (`JSON.parse(req.query.filter)`) it is the answer to bad input.
 */
export function isFallbackOnly(context: Context, body: TSESTree.BlockStatement): boolean {
  let failed: boolean | undefined;
  const failedRequest = (s: TSESTree.ReturnStatement) =>
    !!s.argument && isServerErrorAnswer(context, s.argument) && (failed ??= body.parent?.type === AST_NODE_TYPES.CatchClause && doesSystemIo(context, body.parent.parent.block));
  return body.body.every(
    (s) =>
      (s.type === AST_NODE_TYPES.ReturnStatement && !failedRequest(s)) ||
      s.type === AST_NODE_TYPES.ContinueStatement ||
      s.type === AST_NODE_TYPES.BreakStatement ||
      s.type === AST_NODE_TYPES.VariableDeclaration ||
      (s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.AssignmentExpression),
  );
}

/** Some call in `block` (same function) goes into Node's file system or child processes. */
function doesSystemIo(context: Context, block: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(
    block,
    (n) => {
      if (!found && n.type === AST_NODE_TYPES.CallExpression && systemModuleOf(context, n) !== null) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** `res.sendStatus(500)`, `res.status(503).json(…)`: a 5xx the code names (not a body sent with no status: `res.json({ finished: false })`). */
function isServerErrorAnswer(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const status = getResponseSink(context, n)?.status;
  return (typeof status === 'number' && status >= 500) || answersServerStatus(context, n);
}

/** The catch body does nothing at all: no call, assignment, update, jump, await, yield or import. */
export function doesNothing(context: Context, body: TSESTree.BlockStatement): boolean {
  let acts = false;
  walkSameFunction(
    body,
    (n) => {
      switch (n.type) {
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
        case AST_NODE_TYPES.AssignmentExpression:
        case AST_NODE_TYPES.UpdateExpression:
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ThrowStatement:
        case AST_NODE_TYPES.BreakStatement:
        case AST_NODE_TYPES.ContinueStatement:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.YieldExpression:
        case AST_NODE_TYPES.ImportExpression:
          acts = true;
          break;
        default:
          break;
      }
      return !acts;
    },
    context.sourceCode.visitorKeys,
  );
  return !acts;
}

/** The try block returns a value (the lookup's answer). */
export function returnsValue(block: TSESTree.BlockStatement): boolean {
  return block.body.some((st) => st.type === AST_NODE_TYPES.ReturnStatement && st.argument !== null);
}

/** The statement throws, and not a client error: `throw new Error('…')`, `throw new InternalServerError()`. */
export function throwsServerError(statement: TSESTree.Statement): boolean {
  const body = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
  return body.some((s) => {
    if (s.type !== AST_NODE_TYPES.ThrowStatement) return false;
    const arg = skipTransparent(s.argument);
    if (arg.type !== AST_NODE_TYPES.NewExpression && arg.type !== AST_NODE_TYPES.CallExpression) return true;
    const path = getCalleePath(arg);
    const status = path === null ? null : statusFromErrorName(lastSegment(path));
    return status === null || status >= 500;
  });
}
