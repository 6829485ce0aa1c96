/**
 * Did the author choose which failures a catch silences? A silent exit guarded by a test of the
 * error (`if (err.code === 'ENOENT') return null`) or of an opt-out flag, a catch that escalates
 * the unexpected errors first, a comment or a binding name that says "ignored" — and does the
 * failed operation guard security (a store reached behind a refusal, see `concernsSecurity`)?
 *
 * Recognition only: the rule's `minimumLevel` and probe options are passed in, never cached.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  contains,
  getCalleePath,
  getEnclosingFunction,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  mayHaveCommentsInside,
  skipTransparent,
  walkSameFunction,
} from './ast.js';
import { answersRefusal } from './catch-answers.js';
import { isHandoffCall, readsAny } from './errors.js';
import { type FailureOptions, classifyCall, concernsSecurity } from './fallible.js';
import { type LogLevel, getLoggingLevel, isAtLeast } from './loggers.js';

/** Names of switches that turn error reporting off on purpose. */
const OPT_OUT_FLAG = /(?:silent|quiet|disable|ignore|suppress|skip|optional|allowFail|validate|strict|throwOn|shouldThrow|raise|verbose|debug|closing|closed|interrupted|shuttingDown|stopping|destroyed|aborted)/iu;

/** A call that checks the caller's credential rather than reaching a store: `verifyToken`, `decodeToken`, `jwt.verify`. */
const VERIFICATION_METHOD = /^(?:verify|decode|validate|check|parse|compare|introspect|authori[sz]e)/iu;

/** A comment that explains (several words, not a to-do) is the author saying why. */
const TODO = /\b(?:todo|fixme|xxx|hack)\b/iu;

/** The default `allowWithComment` pattern: a comment saying the error is ignored on purpose. */
export const DEFAULT_COMMENT = String.raw`\b(?:ignor(?:e|ed|ing)|intentional(?:ly)?|expected|noop|no-op|swallow(?:ed|s)?|best[- ]effort|don'?t care|do(?:es)? nothing|nothing to do)\b`;

/** The catch (or rejection handler) whose silent exits are judged. */
export interface CatchRegion {
  node: TSESTree.CatchClause | AnyFunction;
  /** The block whose exits are checked. */
  body: TSESTree.BlockStatement | TSESTree.Expression;
  errorVariables: TSESLint.Scope.Variable[];
  /** Some path rethrows or hands the error on. */
  escalates: boolean;
}

/**
 * The silent exit sits in a branch chosen by a test of the error (`if (err.code === 'ENOENT') return null`)
 * or of an opt-out flag (`if (options.disableErrors) return null`): the author picked which failures are
 * expected. The complement of such a test (unknown errors) is not covered.
 */
export function isGuardedSilence(context: Context, exit: TSESTree.Node, region: CatchRegion, minimumLevel: LogLevel): boolean {
  if (exit === region.node) return false;
  const { sourceCode } = context;
  // `if (validate) throw e; return value`: a flag picks between raising and falling back.
  const body = region.body.type === AST_NODE_TYPES.BlockStatement ? region.body.body : [];
  if (region.escalates && body.some((st) => st.type === AST_NODE_TYPES.IfStatement && OPT_OUT_FLAG.test(sourceCode.getText(st.test)))) {
    return true;
  }
  if (body.some((st) => st.range[1] <= exit.range[0] && isTriageOfUnexpected(context, st, region.errorVariables, minimumLevel))) return true;
  let child: TSESTree.Node = exit;
  let current = exit.parent;
  while (current && current !== region.body && !isFunctionNode(current)) {
    let test: TSESTree.Node | null = null;
    if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) test = current.test;
    else if (current.type === AST_NODE_TYPES.ConditionalExpression && child !== current.test) test = current.test;
    else if (current.type === AST_NODE_TYPES.SwitchStatement && child !== current.discriminant) test = current.discriminant;
    if (test && (readsAny(test, region.errorVariables) || OPT_OUT_FLAG.test(sourceCode.getText(test)))) return true;
    child = current;
    current = current.parent;
  }
  return false;
}

/**
 * `if (e.code !== 'ENOENT') throw e` / `if (!(e instanceof ConflictError)) { logger.warn(e); … }` before
 * the exit: the unexpected errors are escalated first, so what falls through is the expected case the
 * author named. `if (e instanceof Error) logger.error(…)` escalates every real error the same way.
 */
export function isTriageOfUnexpected(
  context: Context,
  statement: TSESTree.Statement,
  errorVariables: readonly TSESLint.Scope.Variable[],
  minimumLevel: LogLevel,
): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  if (!readsAny(statement.test, errorVariables)) return false;
  if (!excludesExpected(statement.test, errorVariables) && !isErrorTypeGuard(statement.test)) return false;
  const consequent = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  return consequent.some(
    (s) =>
      s.type === AST_NODE_TYPES.ThrowStatement ||
      (s.type === AST_NODE_TYPES.ReturnStatement && !!s.argument && readsAny(s.argument, errorVariables)) ||
      (s.type === AST_NODE_TYPES.ExpressionStatement &&
        s.expression.type === AST_NODE_TYPES.CallExpression &&
        (isHandoffCall(s.expression) || isAtLeast(getLoggingLevel(context, s.expression) ?? 'trace', minimumLevel) && getLoggingLevel(context, s.expression) !== null)),
  );
}

/**
 * The statement sits in a catch (same function) whose own body rethrows or logs at its top level,
 * or escalates the unexpected errors first (`errorVariablesOf` gives the variables bound by an
 * enclosing catch the rule is tracking).
 */
export function isInsideEscalatingCatch(
  context: Context,
  statement: TSESTree.Node,
  errorVariablesOf: (handler: TSESTree.CatchClause) => readonly TSESLint.Scope.Variable[] | undefined,
  minimumLevel: LogLevel,
): boolean {
  let current = statement.parent;
  while (current && !isFunctionNode(current)) {
    if (current.type === AST_NODE_TYPES.CatchClause) {
      const outer = errorVariablesOf(current);
      return current.body.body.some(
        (s) =>
          s.type === AST_NODE_TYPES.ThrowStatement ||
          (s.type === AST_NODE_TYPES.ExpressionStatement &&
            s.expression.type === AST_NODE_TYPES.CallExpression &&
            (getLoggingLevel(context, s.expression) !== null || isHandoffCall(s.expression))) ||
          // `if (!isTimeout && !isAbort) throw error; try { stop(id) } catch {}`: cleanup in the expected case.
          (!!outer && isTriageOfUnexpected(context, s, outer, minimumLevel)),
      );
    }
    current = current.parent;
  }
  return false;
}

/**
 * A test that rules the expected kinds out: `e.code !== 'X'`, `!(e instanceof X)`, `!isKnown(e)`, `a !== x && b !== y`,
 * and `e.name !== 'NotFoundError' || !options.fallback`: what falls through is the named kind (with the option on).
 */
export function excludesExpected(test: TSESTree.Expression, errorVariables?: readonly TSESLint.Scope.Variable[]): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return true;
  if (t.type === AST_NODE_TYPES.BinaryExpression) return t.operator === '!==' || t.operator === '!=';
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '&&') return excludesExpected(t.left) && excludesExpected(t.right);
  // Falling through needs both sides false: a side that tests the error and rules the expected kinds out is
  // enough (`e.code === 'X' || !flag` is not: unknown errors fall through whenever the flag is set).
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '||' && errorVariables) {
    return [t.left, t.right].some((side) => readsAny(side, errorVariables) && excludesExpected(side, errorVariables));
  }
  return false;
}

/** `e instanceof Error`, `isError(e)`, `isNativeError(e)`: a test of "is it an error at all", true for every real failure. */
export function isErrorTypeGuard(test: TSESTree.Expression): boolean {
  return errorTypeGuardSubject(test) !== null;
}

/** What an error type guard (`isErrorTypeGuard`) tests: `e` in `e instanceof Error` or `isNativeError(e)`; null for another test. */
export function errorTypeGuardSubject(test: TSESTree.Node): TSESTree.Node | null {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.BinaryExpression && t.operator === 'instanceof') {
    const right = skipTransparent(t.right);
    return right.type === AST_NODE_TYPES.Identifier && right.name === 'Error' ? t.left : null;
  }
  if (t.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(t);
    return path !== null && /^(?:isError|isNativeError)$/u.test(lastSegment(path)) ? (t.arguments[0] ?? null) : null;
  }
  return null;
}

/** A test that names a kind of error (`e.code === 'X'`, `e instanceof X`, `isHttpError(e)`), not one that rules kinds out (`!isKnown(e)`, `e.code !== 'X'`). */
export function identifiesError(test: TSESTree.Expression, errorVariables: readonly TSESLint.Scope.Variable[]): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return false;
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '!==' || t.operator === '!=')) return false;
  if (t.type === AST_NODE_TYPES.LogicalExpression) return t.operator === '&&' ? identifiesError(t.left, errorVariables) : identifiesError(t.left, errorVariables) && identifiesError(t.right, errorVariables);
  return readsAny(t, errorVariables);
}

/**
 * Whether a catch that hides a failure is reported by default: the failed operation is a security
 * control (see concernsSecurity). Measured on seven real applications, a swallowed failure of
 * anything else (telemetry, caches, enrichment, cleanup, optional lookups) was a deliberate
 * fallback nine times in ten; `reportFallbacks` (strict) reports those too. A catch that answers
 * with a refusal (401 / 403, an Unauthorized / Forbidden error) is log-auth-failures' finding.
 * `enclosingName` names the function around the catch (`describeEnclosingFunction`).
 */
export function guardsSecurity(
  context: Context,
  tried: TSESTree.Node | null,
  handler: TSESTree.Node,
  enclosingName: string | null,
  failureOptions: FailureOptions,
): boolean {
  // A catch that answers 401 / 403 after only verifying the caller's token (`jwt.verify`,
  // `tokenService.decodeToken`) is an access-control refusal: log-auth-failures reports it
  // unlogged. After a store call (`db.sessions.touch`, `members.getByToken`) an outage reads as
  // "Session expired": the error is lost, and that is this rule's finding.
  if (answersRefusal(context, handler)) return !!tried && reachesStore(context, tried, failureOptions);
  return concernsSecurity(context, tried, handler, enclosingName);
}

/**
 * The catch's "no" is a security decision an outage produced: the function decides on a credential,
 * session or permission (`validateApiKey`, an ACL check: see concernsSecurity) by consulting a store
 * (`apiKeys.findOne`, `Project.getTeamId`), and the catch answers with the refusal (`false`,
 * `{ isValid: false }`). The outage then reads as "bad API key", with no record: not a fallback.
 */
export function isOutageRefusal(context: Context, block: TSESTree.BlockStatement, handler: TSESTree.BlockStatement, enclosingName: string | null, failureOptions: FailureOptions): boolean {
  return answersNo(handler) && judgesInput(context, block) && concernsSecurity(context, block, handler, enclosingName) && reachesStore(context, block, failureOptions);
}

/**
 * The `try` reads what its function was given (a parameter, or a local taken from one before the
 * `try`: `suppliedKey` from `req.headers`): the answer is a verdict on the caller's input, not "is
 * the store up?" (`isSessionStoreUp() { await this.redis.ping() }`).
 */
function judgesInput(context: Context, block: TSESTree.BlockStatement): boolean {
  const fn = getEnclosingFunction(block);
  if (!fn || fn.params.length === 0) return false;
  return context.sourceCode
    .getScope(fn)
    .variables.some((v) => v.defs.some((d) => d.type === 'Parameter' || !contains(block, d.name)) && v.references.some((r) => contains(block, r.identifier)));
}

/** Keys whose `false` is a verdict on the caller: `{ isValid: false }`, `{ authenticated: false }`. */
const VERDICT_KEY = /^(?:is)?(?:valid|verified|authori[sz]ed|authenticated|allowed|permitted|granted|accepted)$/iu;

/** The handler ends by answering "no": `return false`, `return { isValid: false }` (not `{ credentialApplied: false }`, a hint). */
function answersNo(handler: TSESTree.BlockStatement): boolean {
  const last = handler.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return false;
  const arg = skipTransparent(last.argument);
  if (arg.type === AST_NODE_TYPES.Literal) return arg.value === false;
  return (
    arg.type === AST_NODE_TYPES.ObjectExpression &&
    arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Literal && p.value.value === false && VERDICT_KEY.test(getPropertyName(p) ?? ''))
  );
}

/** The `try` (or promise) calls something outside the process that is not a verification of its input. */
export function reachesStore(context: Context, tried: TSESTree.Node, failureOptions: FailureOptions): boolean {
  let found = false;
  const check = (call: TSESTree.CallExpression | TSESTree.NewExpression) => {
    if (classifyCall(context, call, failureOptions) !== 'external') return;
    const path = getCalleePath(call);
    if (path === null || !VERIFICATION_METHOD.test(lastSegment(path))) found = true;
  };
  if (tried.type === AST_NODE_TYPES.CallExpression) check(tried);
  walkSameFunction(
    tried,
    (n) => {
      if (found) return false;
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) check(n);
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** A comment inside `node` matches `pattern`, or explains (four or more words, not a to-do): the author saying why. */
export function isCommentedAsIntentional(context: Context, node: TSESTree.Node, pattern: RegExp): boolean {
  return commentIntent(context, node, pattern) !== null;
}

/**
 * What the comments inside `node` say about dropping the error: `'declared'` when one matches `pattern`
 * (`// ignore`, `// expected`, the `allowWithComment` option), `'explained'` when one explains in four or
 * more words (not a to-do) without saying so — which may be about something else (`// Return the full
 * error message to help with debugging` explains the answer, not the silence) — else null.
 */
export function commentIntent(context: Context, node: TSESTree.Node, pattern: RegExp): 'declared' | 'explained' | null {
  if (!mayHaveCommentsInside(context.sourceCode, node)) return null;
  const comments = context.sourceCode.getCommentsInside(node);
  if (comments.some((c) => pattern.test(c.value))) return 'declared';
  return comments.some((c) => !TODO.test(c.value) && c.value.trim().split(/\s+/u).length >= 4) ? 'explained' : null;
}

/** `catch (_err)`, `catch (ignore)`: the binding's name says the error is dropped on purpose. */
export function isNamedAsIgnored(param: TSESTree.Node | null | undefined): boolean {
  return !!param && param.type === AST_NODE_TYPES.Identifier && /^(?:_.*|ignored?|unused)$/iu.test(param.name);
}

/**
 * `catch (ignored)`, `catch (_)`: a word that says the drop is chosen, which excuses any catch. `catch (_err)`,
 * `catch (_error)` — an underscore on the error's own name, as linters ask of an unused binding (TypeScript
 * output keeps it) — says the binding is unused, not that the failure is harmless: it excuses a fallback, not
 * a swallowed failure of a security control (the default policy's reason to report).
 */
export function isNamedAsDropped(param: TSESTree.Node | null | undefined): boolean {
  return !!param && param.type === AST_NODE_TYPES.Identifier && /^(?:_+|_*ignored?|_*unused)$/iu.test(param.name);
}

const compiledPatterns = new Map<string, RegExp>();

/** The rule's `allowWithComment` option as a case-insensitive regular expression; a clear error when it does not compile. */
export function compileCommentPattern(source: string): RegExp {
  // One compiled pattern per option text, not one per file: without the `g` / `y` flags `test` keeps no state.
  const known = compiledPatterns.get(source);
  if (known) return known;
  try {
    const pattern = new RegExp(source, 'iu');
    if (compiledPatterns.size >= 32) compiledPatterns.clear();
    compiledPatterns.set(source, pattern);
    return pattern;
  } catch (error) {
    throw new Error(
      `eslint-plugin-security-logging: rule "no-silent-catch" option "allowWithComment" must be a valid regular expression; got ${JSON.stringify(source)} (${(error as Error).message}).`,
      { cause: error },
    );
  }
}
