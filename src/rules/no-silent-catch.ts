import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  contains,
  findVariable,
  getEnclosingFunction,
  getCalleePath,
  getNumberValue,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  resolveFunction,
  skipTransparent,
  walkSameFunction,
  walkTree,
} from '../model/ast.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { createRule } from '../core/create-rule.js';
import { getResponseSink } from '../model/responses.js';
import { BUILTIN_PROBES, type FailureSource, classifyCall, concernsSecurity, isResponseCall, classifyFailures, identifierWords, isCallToEnclosing, namesTelemetry } from '../model/fallible.js';
import { type HttpOutcome, getHttpOutcome } from '../model/http-outcomes.js';
import { statusFromErrorName } from '../model/http-status.js';
import { getBoundVariables, isHandoffCall, isInspectionCall, passesNewError, readsAny } from '../model/errors.js';
import { indentUnit, insertAtBlockStart, lineIndent } from '../fixes/edits.js';
import { type LogTarget, buildLogCall } from '../fixes/log-call.js';
import { describeEnclosingFunction, failureMessage, promiseFailureMessage, swallowedFailureLevel } from '../fixes/log-message.js';
import { logTargetAt, targetSetupFixes } from '../fixes/log-target.js';
import { chooseUnusedName, isNameInScope } from '../fixes/names.js';
import { LOG_LEVELS, type LogLevel, getLoggerReferenceLevel, getLoggingLevel, isAtLeast } from '../model/loggers.js';

export type Options = [
  {
    minimumLevel?: LogLevel;
    allowedProbes?: string[];
    allowWithComment?: string;
    reportFallbacks?: boolean;
  },
];
export type MessageIds = 'silentCatch' | 'silentPath' | 'silentPromiseCatch' | 'tooQuiet' | 'logIt' | 'rethrow' | 'passToNext';

/** `cleanup().catch(() => {})`, `this.teardownSandbox(id).catch(noop)`: a call named for cleanup is best effort. */
const CLEANUP_NAME = /^(?:clean[uU]p|tear[dD]own|dispose|removeTemp|deleteTemp)\w*$/u;

/** `reader.cancel().catch(noop)`: best-effort cleanup of something that may already be gone (no arguments: not `orders.cancel(id)`). */
const CLEANUP_METHODS = new Set(['cancel', 'close', 'destroy', 'abort', 'disconnect', 'quit', 'unsubscribe', 'shutdown', 'dispose', 'terminate', 'unbind', 'release']);

/** Calls that cannot be the reason a probe's `try` exists: path and string helpers, collection writes. */
const PURE_HELPERS = new Set([
  'join', 'basename', 'dirname', 'extname', 'normalize', 'relative', 'isAbsolute',
  'toString', 'trim', 'toLowerCase', 'toUpperCase', 'slice', 'split', 'replace', 'includes',
  'startsWith', 'endsWith', 'filter', 'map', 'push', 'unshift', 'set', 'add', 'has', 'String', 'Boolean',
  'test', 'exec', 'match',
]);

const STATEMENTS_NEEDING_SEMICOLON = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** A call that checks the caller's credential rather than reaching a store: `verifyToken`, `decodeToken`, `jwt.verify`. */
const VERIFICATION_METHOD = /^(?:verify|decode|validate|check|parse|compare|introspect)/iu;

/** Names of switches that turn error reporting off on purpose. */
const OPT_OUT_FLAG = /(?:silent|quiet|disable|ignore|suppress|skip|optional|allowFail|validate|strict|throwOn|shouldThrow|raise|verbose|debug|closing|closed|interrupted|shuttingDown|stopping|destroyed|aborted)/iu;

/** Objects whose `.error()` tells the user in a UI (toast, notification): the failure is shown, not swallowed. */
export const USER_NOTIFIERS = /^(?:toast|notification|notify|message|snackbar|enqueueSnackbar|alert)$/u;

/** A comment that explains (several words, not a to-do) is the author saying why. */
const TODO = /\b(?:todo|fixme|xxx|hack)\b/iu;

const DEFAULT_COMMENT = String.raw`\b(?:ignor(?:e|ed|ing)|intentional(?:ly)?|expected|noop|no-op|swallow(?:ed|s)?|best[- ]effort|don'?t care)\b`;

interface CatchState {
  node: TSESTree.CatchClause | AnyFunction;
  /** The block whose exits are checked. */
  body: TSESTree.BlockStatement | TSESTree.Expression;
  errorVariables: TSESLint.Scope.Variable[];
  /** Some path rethrows or hands the error on: a silent path beside it is deliberate triage when guarded by a test of the error. */
  escalates: boolean;
  quietLog: boolean;
  /** A 5xx (or unknown-status) answer on some path: the client is told, the operators are not. */
  serverError: boolean;
  /** Whether a catch that hides the error on every path is reported (the default policy, or `reportFallbacks`). */
  silentReported: boolean;
  /** The try can fail for more than its input (not a probe): a log below `minimumLevel`, or a silent path beside a logging one, is reported. */
  mayFailOutside: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'no-silent-catch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require caught errors to be logged, reported, rethrown or handed on',
      recommended: 'recommended',
      cwe: ['CWE-390', 'CWE-778'],
      owasp: ['A10:2025'],
      strictOptions: { minimumLevel: 'warn', reportFallbacks: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      silentCatch:
        'This catch swallows the error: nothing logs, reports, rethrows or hands it on, so the failure is invisible to operators. Log it (at {{minimumLevel}} or above), rethrow it, or pass it to next(err).',
      silentPath:
        'This path out of the catch swallows the error while another path handles it. Log or rethrow it here too.',
      silentPromiseCatch:
        'This rejection handler swallows the error: nothing logs, reports, rethrows or hands it on. Log it (at {{minimumLevel}} or above) or let it propagate.',
      tooQuiet:
        'The caught error is only logged below {{minimumLevel}}; production log levels drop it. Log it at {{minimumLevel}} or above.',
      logIt: 'Log the error with {{call}}.',
      rethrow: 'Rethrow the error.',
      passToNext: 'Pass the error to next(err).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minimumLevel: {
            type: 'string',
            enum: [...LOG_LEVELS],
            description: 'Require the lowest log level that counts as handling the error.',
          },
          allowedProbes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Allow these calls (names or member paths, e.g. `yaml.load`) as probes whose failure is an expected answer, in addition to the built-in ones.',
          },
          allowWithComment: {
            type: 'string',
            description: 'Allow a catch that holds a comment matching this regular expression (case-insensitive).',
          },
          reportFallbacks: {
            type: 'boolean',
            description:
              'Require a log in every catch that falls back without one, whatever its `try` calls: also parse and validation probes outside the built-in list, fallback chains and catches around code that cannot fail for an outside reason.',
          },
        },
      },
    ],
    defaultOptions: [{ minimumLevel: 'info', allowedProbes: [], allowWithComment: DEFAULT_COMMENT, reportFallbacks: false }],
  },
  create(context, [options]) {
    const minimumLevel = options.minimumLevel ?? 'info';
    /** warn for a handler that recovers with a fallback (expected but notable), else error; never below minimumLevel. */
    const levelFor = (body: TSESTree.Node | null): LogLevel => {
      const level = swallowedFailureLevel(body);
      return isAtLeast(level, minimumLevel) ? level : minimumLevel;
    };
    const probes = new Set([...BUILTIN_PROBES, ...(options.allowedProbes ?? [])]);
    const commentPattern = compileCommentPattern(options.allowWithComment ?? DEFAULT_COMMENT);
    const reportFallbacks = options.reportFallbacks ?? false;
    const failureOptions = { probes: new Set(options.allowedProbes ?? []) };
    const sourceCode = context.sourceCode;
    const states = new Map<TSESTree.Node, CatchState>();
    const open: CatchState[] = [];

    const tracker = createPathTracker<CatchState>((checkpoint) => report(checkpoint.data, checkpoint.node));

    function innermost(node: TSESTree.Node): CatchState[] {
      return open.filter((s) => contains(s.body, node));
    }

    function onEnter(state: CatchState): void {
      states.set(state.node, state);
      open.push(state);
      tracker.openRegion(state.node);
    }

    function onExit(node: TSESTree.Node): void {
      const state = states.get(node);
      if (!state) return;
      if (tracker.isReachable()) tracker.require(node, node, state);
      open.splice(open.indexOf(state), 1);
    }

    function isCommentedAsIntentional(node: TSESTree.Node): boolean {
      return sourceCode
        .getCommentsInside(node)
        .some((c) => commentPattern.test(c.value) || (!TODO.test(c.value) && c.value.trim().split(/\s+/u).length >= 4));
    }

    function isProbeCall(call: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression): boolean {
      if (call.type === AST_NODE_TYPES.ImportExpression) return true;
      const path = getCalleePath(call);
      if (path === null) return false;
      return probes.has(path) || probes.has(lastSegment(path)) || probes.has(path.replace(/^(?:fs|fsp|fs\.promises|promises)\./u, ''));
    }

    /** The try block only asks questions whose failure is an expected answer. */
    function isProbeTry(block: TSESTree.BlockStatement): boolean {
      if (block.body.length === 0 || block.body.length > 3) return false;
      let probesSeen = 0;
      let allProbes = true;
      walkSameFunction(
        block,
        (node) => {
          if (
            node.type === AST_NODE_TYPES.CallExpression ||
            node.type === AST_NODE_TYPES.NewExpression ||
            node.type === AST_NODE_TYPES.ImportExpression
          ) {
            if (isProbeCall(node)) probesSeen += 1;
            else if (!isPureHelper(node)) allProbes = false;
          }
        },
        sourceCode.visitorKeys,
      );
      return probesSeen > 0 && allProbes;
    }

    /** The catch gives a fallback answer: it only returns, assigns, continues or does nothing. */
    function isFallbackOnly(body: TSESTree.BlockStatement): boolean {
      return body.body.every(
        (s) =>
          s.type === AST_NODE_TYPES.ReturnStatement ||
          s.type === AST_NODE_TYPES.ContinueStatement ||
          s.type === AST_NODE_TYPES.BreakStatement ||
          s.type === AST_NODE_TYPES.VariableDeclaration ||
          (s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.AssignmentExpression),
      );
    }

    /**
     * The silent exit sits in a branch chosen by a test of the error (`if (err.code === 'ENOENT') return null`)
     * or of an opt-out flag (`if (options.disableErrors) return null`): the author picked which failures are
     * expected. The complement of such a test (unknown errors) is not covered.
     */
    function isGuardedSilence(exit: TSESTree.Node, state: CatchState): boolean {
      if (exit === state.node) return false;
      // `if (validate) throw e; return value`: a flag picks between raising and falling back.
      const body = state.body.type === AST_NODE_TYPES.BlockStatement ? state.body.body : [];
      if (state.escalates && body.some((st) => st.type === AST_NODE_TYPES.IfStatement && OPT_OUT_FLAG.test(sourceCode.getText(st.test)))) {
        return true;
      }
      if (body.some((st) => st.range[1] <= exit.range[0] && isTriageOfUnexpected(st, state))) return true;
      let child: TSESTree.Node = exit;
      let current = exit.parent;
      while (current && current !== state.body && !isFunctionNode(current)) {
        let test: TSESTree.Node | null = null;
        if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) test = current.test;
        else if (current.type === AST_NODE_TYPES.ConditionalExpression && child !== current.test) test = current.test;
        else if (current.type === AST_NODE_TYPES.SwitchStatement && child !== current.discriminant) test = current.discriminant;
        if (test && (readsAny(test, state.errorVariables) || OPT_OUT_FLAG.test(sourceCode.getText(test)))) return true;
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
    function isTriageOfUnexpected(statement: TSESTree.Statement, state: CatchState): boolean {
      if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
      if (!readsAny(statement.test, state.errorVariables)) return false;
      if (!excludesExpected(statement.test) && !isErrorTypeGuard(statement.test)) return false;
      const consequent = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
      return consequent.some(
        (s) =>
          s.type === AST_NODE_TYPES.ThrowStatement ||
          (s.type === AST_NODE_TYPES.ReturnStatement && !!s.argument && readsAny(s.argument, state.errorVariables)) ||
          (s.type === AST_NODE_TYPES.ExpressionStatement &&
            s.expression.type === AST_NODE_TYPES.CallExpression &&
            (isHandoffCall(s.expression) || isAtLeast(getLoggingLevel(context, s.expression) ?? 'trace', minimumLevel) && getLoggingLevel(context, s.expression) !== null)),
      );
    }

    /** `p.catch(() => {})` on a promise variable that is awaited or returned elsewhere only silences the unhandled-rejection warning. */
    function isObservedElsewhere(receiver: TSESTree.Node): boolean {
      const r = skipTransparent(receiver);
      if (r.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(context, r);
      return !!variable && variable.references.filter((ref) => ref.isRead()).length > 1;
    }

    function isDeclaredInside(target: TSESTree.Node, body: TSESTree.Node): boolean {
      let root = target;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(context, root);
      return !!variable && variable.defs.some((d) => contains(body, d.name));
    }

    function isProbePromise(receiver: TSESTree.Node): boolean {
      let current = skipTransparent(receiver);
      // access(p).then(() => true).catch(() => false)
      while (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        ['then', 'finally'].includes(getPropertyName(current.callee) ?? '')
      ) {
        current = skipTransparent(current.callee.object);
      }
      if (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.arguments.length === 0 &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        CLEANUP_METHODS.has(getPropertyName(current.callee) ?? '')
      ) {
        return true;
      }
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const path = getCalleePath(current);
        if (path !== null && CLEANUP_NAME.test(lastSegment(path))) return true;
      }
      return (
        (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.ImportExpression) &&
        isProbeCall(current)
      );
    }

    /**
     * Whether a catch that hides a failure is reported by default: the failed operation is a security
     * control (see concernsSecurity). Measured on seven real applications, a swallowed failure of
     * anything else (telemetry, caches, enrichment, cleanup, optional lookups) was a deliberate
     * fallback nine times in ten; `reportFallbacks` (strict) reports those too. A catch that answers
     * with a refusal (401 / 403, an Unauthorized / Forbidden error) is log-auth-failures' finding.
     */
    function guardsSecurity(tried: TSESTree.Node | null, handler: TSESTree.Node, at: TSESTree.Node): boolean {
      // A catch that answers 401 / 403 after only verifying the caller's token (`jwt.verify`,
      // `tokenService.decodeToken`) is an access-control refusal: log-auth-failures reports it
      // unlogged. After a store call (`db.sessions.touch`, `members.getByToken`) an outage reads as
      // "Session expired": the error is lost, and that is this rule's finding.
      if (answersRefusal(handler)) return !!tried && reachesStore(tried);
      return concernsSecurity(context, tried, handler, describeEnclosingFunction(at));
    }

    /** The `try` (or promise) calls something outside the process that is not a verification of its input. */
    function reachesStore(tried: TSESTree.Node): boolean {
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
        sourceCode.visitorKeys,
      );
      return found;
    }

    /** The handler answers 401 / 403, or throws or hands on an error that means one (shared getHttpOutcome). */
    function answersRefusal(body: TSESTree.Node): boolean {
      return answersWith(body, (o) => o.kind !== 'error' && (o.status === 401 || o.status === 403));
    }

    /** Some call, assignment or throw in `body` (same function) has an HTTP outcome that `test` accepts. */
    function answersWith(body: TSESTree.Node, test: (outcome: HttpOutcome) => boolean): boolean {
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
        sourceCode.visitorKeys,
      );
      return found;
    }

    function report(state: CatchState, at: TSESTree.Node): void {
      if (isGuardedSilence(at, state)) return;
      // What is lost, and can anyone see it: a catch that handles the error nowhere is reported
      // when its try reaches outside the process (or it answers 5xx); a partly silent catch always.
      if (!state.serverError && !(state.escalates ? state.mayFailOutside : state.quietLog ? state.mayFailOutside : state.silentReported)) return;
      // `if (!silent) logger.error(err)`: a catch that handles the error and lets a flag skip it
      // on the way out chose that; an explicit early `return` beside a logging path did not.
      if (state.escalates && at === state.node) return;
      const isPromise = state.node.type !== AST_NODE_TYPES.CatchClause;
      const partial = at !== state.node;
      const messageId: MessageIds = state.quietLog
        ? 'tooQuiet'
        : isPromise
          ? 'silentPromiseCatch'
          : partial && state.escalates
            ? 'silentPath'
            : 'silentCatch';
      const loc =
        state.node.type === AST_NODE_TYPES.CatchClause && !partial
          ? sourceCode.getFirstToken(state.node)!.loc
          : partial
            ? at.loc
            : state.node.loc;
      // One precedence for every rule: configured logger (autofix) > the framework's request logger > console.
      const target = logTargetAt(context, state.node);
      const autofix = target.configured && !state.escalates && !state.quietLog ? buildFix(state, at, target) : null;
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (!state.quietLog) {
        const logFix = buildFix(state, at, target);
        if (logFix) suggestions.push({ messageId: 'logIt', data: { call: `${target.expression}.error` }, fix: logFix });
        const rethrow = state.node.type === AST_NODE_TYPES.CatchClause && !partial ? buildRethrow(state.node) : null;
        if (rethrow) suggestions.push({ messageId: 'rethrow', fix: rethrow });
        const next = !partial ? buildPassToNext(state) : null;
        if (next) suggestions.push({ messageId: 'passToNext', fix: next });
      }
      context.report({
        node: at,
        loc,
        messageId,
        data: { minimumLevel },
        fix: autofix,
        suggest: suggestions,
      });
    }

    /** Name for the caught error, with the edits that bind it when the handler has no binding. */
    function errorBinding(state: CatchState, fixer: TSESLint.RuleFixer): { name: string | undefined; fixes: TSESLint.RuleFix[] } {
      const { node } = state;
      const param = node.type === AST_NODE_TYPES.CatchClause ? node.param : node.params[0];
      if (param) {
        return { name: param.type === AST_NODE_TYPES.Identifier ? param.name : undefined, fixes: [] };
      }
      const name = chooseUnusedName(context, node, node, ['err', 'error', 'caughtError']);
      if (node.type === AST_NODE_TYPES.CatchClause) {
        const catchToken = sourceCode.getFirstToken(node)!;
        return { name, fixes: [fixer.insertTextAfter(catchToken, ` (${name})`)] };
      }
      const open = sourceCode.getFirstToken(node, (t) => t.value === '(');
      if (open && open.range[0] < node.body.range[0]) {
        return { name, fixes: [fixer.insertTextAfter(open, name)] };
      }
      return { name: undefined, fixes: [] };
    }

    function buildFix(state: CatchState, at: TSESTree.Node, target: LogTarget): TSESLint.ReportFixFunction | null {
      const { node } = state;
      if (isFunctionNode(node) && node.params.length > 0 && node.params[0]!.type !== AST_NODE_TYPES.Identifier) return null;
      return (fixer) => {
        const { name, fixes } = errorBinding(state, fixer);
        const message = failureMessage(context, node);
        const call = `${buildLogCall(target, { level: levelFor(node.body), message, error: name })};`;
        fixes.push(...targetSetupFixes(context, fixer, target));
        if (at !== node && at.type === AST_NODE_TYPES.ReturnStatement) {
          fixes.push(...insertBeforeStatement(fixer, at, call));
        } else if (node.type === AST_NODE_TYPES.CatchClause) {
          fixes.push(insertAtBlockStart(context, fixer, node.body, [call]));
        } else if (node.body.type === AST_NODE_TYPES.BlockStatement) {
          fixes.push(insertAtBlockStart(context, fixer, node.body, [call]));
        } else {
          const text = sourceCode.getText(node.body);
          const isVoid = node.body.type === AST_NODE_TYPES.Identifier && node.body.name === 'undefined';
          const indent = lineIndent(context, node);
          const unit = indentUnit(context);
          const wrapped = isVoid
            ? `{\n${indent}${unit}${call}\n${indent}}`
            : `{\n${indent}${unit}${call}\n${indent}${unit}return ${text};\n${indent}}`;
          const arrow = sourceCode.getTokenBefore(node.body, { filter: (t) => t.value === '=>' })!;
          fixes.push(fixer.replaceTextRange([arrow.range[1], node.range[1]], ` ${wrapped}`));
        }
        return fixes;
      };
    }

    function insertBeforeStatement(fixer: TSESLint.RuleFixer, statement: TSESTree.Statement, call: string): TSESLint.RuleFix[] {
      const parent = statement.parent;
      const indent = lineIndent(context, statement);
      if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.SwitchCase) {
        const before = sourceCode.getTokenBefore(statement);
        if (before && before.loc.end.line === statement.loc.start.line) return [fixer.insertTextBefore(statement, `${call} `)];
        return [fixer.insertTextBefore(statement, `${call}\n${indent}`)];
      }
      return [fixer.replaceText(statement, `{ ${call} ${sourceCode.getText(statement)} }`)];
    }

    function buildRethrow(node: TSESTree.CatchClause): TSESLint.ReportFixFunction | null {
      if (node.param && node.param.type !== AST_NODE_TYPES.Identifier) return null;
      return (fixer) => {
        const state = states.get(node)!;
        const { name, fixes } = errorBinding(state, fixer);
        const body = node.body;
        if (body.body.length === 0) {
          fixes.push(insertAtBlockStart(context, fixer, body, [`throw ${name};`]));
        } else {
          const last = body.body[body.body.length - 1]!;
          const closing = sourceCode.getLastToken(body)!;
          if (closing.loc.start.line === last.loc.end.line) {
            const lastToken = sourceCode.getLastToken(last)!;
            // A statement that ends in a block (if, loops, try) needs no `;`; an expression does,
            // even when it ends in `}` (`ctx.body = { error }`).
            const endsInBlock = lastToken.value === '}' && !STATEMENTS_NEEDING_SEMICOLON.has(last.type);
            const separator = lastToken.value === ';' || endsInBlock ? '' : ';';
            fixes.push(fixer.insertTextAfter(last, `${separator} throw ${name};`));
          } else {
            fixes.push(fixer.insertTextAfter(last, `\n${lineIndent(context, last)}throw ${name};`));
          }
        }
        return fixes;
      };
    }

    function buildPassToNext(state: CatchState): TSESLint.ReportFixFunction | null {
      const { node } = state;
      const param = node.type === AST_NODE_TYPES.CatchClause ? node.param : node.params[0];
      if (param && param.type !== AST_NODE_TYPES.Identifier) return null;
      let fn: TSESTree.Node | undefined = node.parent;
      while (fn && !isFunctionNode(fn)) fn = fn.parent;
      if (!fn || !isFunctionNode(fn)) return null;
      // Express-style `(req, res, next)`: Koa's and Hono's `next` takes no error.
      const nextParam = fn.params.at(-1);
      if (fn.params.length < 3 || nextParam?.type !== AST_NODE_TYPES.Identifier || nextParam.name !== 'next') return null;
      if (!isNameInScope(context, node, 'next')) return null;
      if (node.type !== AST_NODE_TYPES.CatchClause) return null;
      return (fixer) => {
        const { name, fixes } = errorBinding(state, fixer);
        fixes.push(insertAtBlockStart(context, fixer, node.body, [`return next(${name});`]));
        return fixes;
      };
    }

    function onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (open.length === 0) return;
      const states = innermost(node);
      if (states.length === 0) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const level = getLoggingLevel(context, node);
        if (level !== null) {
          if (isAtLeast(level, minimumLevel)) {
            tracker.mark(node);
            for (const s of states) s.escalates = true;
          } else {
            for (const s of states) s.quietLog = true;
          }
          return;
        }
        if (isHandoffCall(node) || isUserNotification(node) || isAssertion(node) || isFailureCount(node)) {
          tracker.mark(node);
          for (const s of states) s.escalates = true;
          return;
        }
      }
      if (isInspectionCall(node)) return;
      if ((isServerErrorResponse(node) || answersServerStatus(node)) && !isFastifyErrorForward(node, states)) {
        // `res.status(404); res.end('File not found.')`: the status was set by an earlier statement.
        for (const s of states) if (!setsClientStatus(s.body)) s.serverError = true;
        return;
      }
      const handsOn = states.some((s) => node.arguments.some((arg) => readsAny(arg, s.errorVariables))) || passesNewError(node.arguments);
      if (handsOn) {
        tracker.mark(node);
        for (const s of states) s.escalates = true;
      }
    }

    /**
     * Sending the error to the client in a 5xx (or unknown-status) response tells the caller, not the
     * people who run the service: it is not handing the error on. A 4xx answer is the client's problem
     * (validation, not found), and an HTTP exception is a throw.
     */
    function isServerErrorResponse(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): boolean {
      const sink = getResponseSink(context, node);
      if (!sink || sink.kind === 'exception') return false;
      return sink.status === null || sink.status >= 500;
    }

    /**
     * `res.status(500).end()`, `res.sendStatus(503)`, `reply.code(500).send()`: a 5xx answer without a
     * body the response sinks know (the status is the whole answer). Only the outermost call of a chain.
     */
    function answersServerStatus(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
      const outcome = getHttpOutcome(context, node);
      return !!outcome && outcome.kind === 'response' && outcome.status >= 500;
    }

    /** Fastify: `reply.send(err)` hands the error to Fastify's error handler, which logs it. */
    function isFastifyErrorForward(node: TSESTree.CallExpression | TSESTree.NewExpression, states: readonly CatchState[]): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const sink = getResponseSink(context, node);
      if (!sink?.receiver || !/^_?(?:reply|rep)$/u.test(sink.receiver.name)) return false;
      const first = node.arguments[0] ? skipTransparent(node.arguments[0]) : null;
      return (
        first?.type === AST_NODE_TYPES.Identifier &&
        states.some((s) => s.errorVariables.some((v) => v.references.some((r) => r.identifier === first)))
      );
    }

    function taint(declarator: TSESTree.VariableDeclarator): void {
      if (!declarator.init) return;
      for (const s of innermost(declarator)) {
        if (readsAny(declarator.init, s.errorVariables)) {
          s.errorVariables.push(...sourceCode.getDeclaredVariables(declarator));
        }
      }
    }

    function enterHandlerFunction(fn: AnyFunction): void {
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getPropertyName(call.callee);
      const isCatch = method === 'catch' && call.arguments.length === 1 && call.arguments[0] === fn;
      const isThenRejected = method === 'then' && call.arguments.length === 2 && call.arguments[1] === fn;
      if (!isCatch && !isThenRejected) return;
      if (isProbePromise(call.callee.object) || isCommentedAsIntentional(fn.body) || isNamedAsIgnored(fn.params[0])) return;
      if (isObservedElsewhere(call.callee.object)) return;
      // Cleanup on an error path that is rethrown or logged anyway: `catch (e) { await rm(tmp).catch(() => {}); throw e }`.
      const onReportedErrorPath = isInsideEscalatingCatch(call);
      const param = fn.params[0];
      const errorVariables = param ? sourceCode.getDeclaredVariables(fn).filter((v) => v.defs.some((d) => contains(param, d.name))) : [];
      // `(e) => ({ error: e })`: the error is the answer, someone else's to log.
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement && readsAny(fn.body, errorVariables)) return;
      const produced = promiseFailureSource(call.callee.object);
      if (produced === null) return;
      const source: FailureSource = onReportedErrorPath ? 'probe' : produced;
      const security = guardsSecurity(call.callee.object, fn.body, fn) || isCheckedThenRefused(call);
      const fallsBackOnPurpose =
        isAnotherAttemptInHandler(fn, call) ||
        isCheckedThenThrown(call) ||
        answersNotFound(fn.body) ||
        isLookupAnsweredAbsent(fn, fn.body) ||
        reportsFailureAsData(fn.body) ||
        returnsOwnInput(fn, fn.body);
      const state: CatchState = {
        node: fn,
        body: fn.body,
        errorVariables,
        escalates: false,
        quietLog: false,
        serverError: false,
        silentReported: reportFallbacks || (source !== 'probe' && source !== 'none' && !fallsBackOnPurpose && security),
        mayFailOutside: reportFallbacks || (source !== 'probe' && source !== 'none' && security),
      };
      onEnter(state);
    }

    function checkHandlerReference(call: TSESTree.CallExpression): void {
      if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getPropertyName(call.callee);
      const handler =
        method === 'catch' && call.arguments.length === 1
          ? call.arguments[0]
          : method === 'then' && call.arguments.length === 2
            ? call.arguments[1]
            : undefined;
      if (!handler || isFunctionNode(handler) || handler.type === AST_NODE_TYPES.SpreadElement) return;
      if (isProbePromise(call.callee.object)) return;
      const produced = promiseFailureSource(call.callee.object);
      if (produced === null) return;
      const source: FailureSource = isInsideEscalatingCatch(call) ? 'probe' : produced;
      const security = reportFallbacks || guardsSecurity(call.callee.object, handler, call);
      const hidden = reportFallbacks || (source !== 'probe' && source !== 'none' && !isCheckedThenThrown(call) && security);
      const level = getLoggerReferenceLevel(context, handler);
      if (level !== null) {
        if (!isAtLeast(level, minimumLevel) && (reportFallbacks || (source !== 'probe' && source !== 'none' && security))) {
          context.report({ node: handler, messageId: 'tooQuiet', data: { minimumLevel } });
        }
        return;
      }
      const fn = resolveFunction(context, handler);
      const isNoop = fn
        ? fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 0 && !isCommentedAsIntentional(fn.body) && sourceCode.getCommentsInside(fn.body).length === 0
        : (handler.type === AST_NODE_TYPES.Identifier && /^(?:noop|ignore|ignoreError|nothing|swallow)$/iu.test(handler.name)) ||
          (handler.type === AST_NODE_TYPES.MemberExpression && /^(?:noop|ignore)$/iu.test(getPropertyName(handler) ?? ''));
      if (isNoop && hidden && !isObservedElsewhere(call.callee.object)) {
        const target = logTargetAt(context, call);
        const replacement = (t: LogTarget): TSESLint.ReportFixFunction => (fixer) => {
          const message = call.callee.type === AST_NODE_TYPES.MemberExpression ? promiseFailureMessage(context, call.callee.object) : failureMessage(context, call);
          const fixes = [fixer.replaceText(handler, `(err) => ${buildLogCall(t, { level: levelFor(null), message, error: 'err' })}`)];
          fixes.push(...targetSetupFixes(context, fixer, t));
          return fixes;
        };
        context.report({
          node: handler,
          messageId: 'silentPromiseCatch',
          data: { minimumLevel },
          fix: target.configured ? replacement(target) : null,
          suggest: [{ messageId: 'logIt', data: { call: `${target.expression}.error` }, fix: replacement(target) }],
        });
      }
    }

    /**
     * What the promise a handler is attached to can fail for; null when its producer logs its own
     * failures. A promise is asynchronous work, so a call the file does not explain counts as
     * reaching outside.
     */
    function promiseFailureSource(receiver: TSESTree.Node): FailureSource | null {
      let current = skipTransparent(receiver);
      while (
        current.type === AST_NODE_TYPES.CallExpression &&
        current.callee.type === AST_NODE_TYPES.MemberExpression &&
        ['then', 'finally'].includes(getPropertyName(current.callee) ?? '')
      ) {
        current = skipTransparent(current.callee.object);
      }
      if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.ImportExpression) return 'external';
      const kind = classifyCall(context, current, failureOptions, 0, true);
      if (kind === 'logs') return null;
      // Fire-and-forget telemetry (`telemetry.send(…).catch(() => {})`): nobody waits for the answer,
      // and a lost data point is not a failure of the service's own work.
      // The function that is nothing but the send (`function track(e) { analytics.track(e).catch(() => {}) }`)
      // is the client every caller relies on: silenced there, every caller is silenced, so it stays reported.
      // By default telemetry is never the reason to report; `reportFallbacks` keeps that wrapper reported.
      if (kind === 'telemetry') return !reportFallbacks || (isResultDiscarded(receiver) && !isOnlyStatement(receiver)) ? 'none' : 'external';
      if (kind === 'pure' || kind === 'unknown') return kind === 'pure' ? 'none' : 'external';
      return kind;
    }

    /** A call in a catch that tries again or asks elsewhere (not a log, a response, or a pure helper). */
    function isAttemptCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      if (call.type === AST_NODE_TYPES.NewExpression) return false;
      if (getLoggingLevel(context, call) !== null || getResponseSink(context, call) !== null) return false;
      const kind = classifyCall(context, call, failureOptions);
      if (kind === 'pure' || kind === 'logs' || kind === 'telemetry') return false;
      const path = getCalleePath(call);
      return path === null || !/^Promise\.(?:reject|resolve)$/u.test(path);
    }

    function holdsAttempt(node: TSESTree.Node): boolean {
      let found = false;
      walkSameFunction(
        node,
        (n) => {
          if (found) return false;
          // A response chain (`res.status(401).json(…)`) and a log are answers, not attempts.
          if (n.type === AST_NODE_TYPES.CallExpression && (getResponseSink(context, n) !== null || getLoggingLevel(context, n) !== null)) return false;
          if (n.type === AST_NODE_TYPES.AwaitExpression) found = true;
          else if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(n)) found = true;
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    /**
     * A fallback chain: the catch makes another attempt — it calls again what the try called, calls
     * the enclosing function (retry), computes the value the try was computing by other means, or
     * returns another call's answer where the try returned one.
     */
    function isAnotherAttempt(block: TSESTree.BlockStatement, handler: TSESTree.CatchClause): boolean {
      const tryCallees = new Set<string>();
      const tryTargets = new Set<string>();
      let tryReturns = false;
      walkSameFunction(
        block,
        (n) => {
          if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(n)) tryCallees.add(sourceCode.getText(n.callee));
          else if (n.type === AST_NODE_TYPES.AssignmentExpression) tryTargets.add(sourceCode.getText(n.left));
          else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) tryReturns = true;
        },
        sourceCode.visitorKeys,
      );
      let found = false;
      walkSameFunction(
        handler.body,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(n)) {
            found = isCallToEnclosing(context, n, handler) || tryCallees.has(sourceCode.getText(n.callee));
          } else if (n.type === AST_NODE_TYPES.AssignmentExpression) {
            found = tryTargets.has(sourceCode.getText(n.left)) && holdsAttempt(n.right);
          } else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
            found = tryReturns && holdsAttempt(n.argument);
          }
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    /** `.catch(() => retry(opts, n + 1))`, `.catch(() => readFromMirror(id))`: the handler answers with another attempt. */
    function isAnotherAttemptInHandler(fn: AnyFunction, call: TSESTree.CallExpression): boolean {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return holdsAttempt(fn.body);
      let found = false;
      walkSameFunction(
        fn.body,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.CallExpression && isAttemptCall(n) && isCallToEnclosing(context, n, call)) found = true;
          else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument && holdsAttempt(n.argument)) found = true;
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    /**
     * The fallback value is tested right after and turned into a server error:
     * `const tmp = await createTmpFile().catch(() => null); if (!tmp) throw new Error('…')`. The failure
     * surfaces (as a 5xx the error handler logs); a 4xx there (`ForbiddenError`) would hide it.
     */
    function isCheckedThenThrown(node: TSESTree.TryStatement | TSESTree.CallExpression): boolean {
      const consequent = checkOfFallback(node);
      return consequent !== null && throwsServerError(consequent);
    }

    /**
     * The fallback value is tested right after and answered with a refusal: `try { column = await
     * this.columnInfo(…) } catch {} if (!column) throw new ForbiddenError()` — an outage reads as
     * "Forbidden", with no record.
     */
    function isCheckedThenRefused(node: TSESTree.TryStatement | TSESTree.CallExpression): boolean {
      const consequent = checkOfFallback(node);
      return consequent !== null && answersRefusal(consequent);
    }

    /** The consequent of the `if` right after `node` that tests the value `node` assigns. */
    function checkOfFallback(node: TSESTree.TryStatement | TSESTree.CallExpression): TSESTree.Statement | null {
      const names = new Set<string>();
      let statement: TSESTree.Node | null;
      if (node.type === AST_NODE_TYPES.TryStatement) {
        walkSameFunction(
          node.block,
          (n) => {
            if (n.type === AST_NODE_TYPES.AssignmentExpression && n.left.type === AST_NODE_TYPES.Identifier) names.add(n.left.name);
          },
          sourceCode.visitorKeys,
        );
        statement = node;
      } else {
        let current: TSESTree.Node = node;
        while (
          current.parent &&
          (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
            current.parent.type === AST_NODE_TYPES.TSAsExpression ||
            current.parent.type === AST_NODE_TYPES.TSNonNullExpression)
        ) {
          current = current.parent;
        }
        const declarator = current.parent;
        if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== current || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
        names.add(declarator.id.name);
        statement = declarator.parent;
      }
      if (names.size === 0 || !statement) return null;
      const siblings =
        statement.parent?.type === AST_NODE_TYPES.BlockStatement || statement.parent?.type === AST_NODE_TYPES.Program
          ? statement.parent.body
          : statement.parent?.type === AST_NODE_TYPES.SwitchCase
            ? statement.parent.consequent
            : null;
      let next = siblings ? siblings[siblings.indexOf(statement as TSESTree.Statement) + 1] : undefined;
      // `const tmp = await make().catch(() => null); try { if (!tmp) throw … } finally { … }`
      if (next?.type === AST_NODE_TYPES.TryStatement) next = next.block.body[0];
      if (next?.type !== AST_NODE_TYPES.IfStatement) return null;
      let tests = false;
      walkSameFunction(
        next.test,
        (n) => {
          if (n.type === AST_NODE_TYPES.Identifier && names.has(n.name)) tests = true;
          return !tests;
        },
        sourceCode.visitorKeys,
      );
      return tests ? next.consequent : null;
    }

    /** `res.status(404)`, `res.sendStatus(404)`, `res.writeHead(404)`, `reply.code(404).send()`: a response that says "not found". */
    function isNotFoundAnswer(call: TSESTree.CallExpression): boolean {
      if (getResponseSink(context, call)?.status === 404) return true;
      const callee = skipTransparent(call.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        /^(?:status|sendStatus|writeHead|code)$/u.test(getPropertyName(callee) ?? '') &&
        getNumberValue(call.arguments[0]) === 404 &&
        isResponseCall(context, call)
      );
    }

    /**
     * The handler sets a 4xx status in a statement of its own before writing the body:
     * `res.writeHead(400); res.end('Failed to unsubscribe')`, `res.status(404); res.end(…)`,
     * `ctx.status = 403`. The body written after it is a client answer, not a 5xx.
     */
    function setsClientStatus(body: TSESTree.Node): boolean {
      return answersWith(body, (o) => o.kind === 'response' && o.status >= 400 && o.status < 500);
    }

    /**
     * The catch answers its caller with a result that says the operation failed
     * (`return { success: false, testState: 'error' }`, `return [provider, { models: [], error: 'Could not retrieve models' }]`,
     * a `const errorState = { success: false }` returned by name): the failure is handed on as data,
     * and the caller (or the user it is shown to) sees it.
     */
    function reportsFailureAsData(body: TSESTree.Node): boolean {
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
        sourceCode.visitorKeys,
      );
      return found;
    }

    /**
     * The fallback is the enclosing function's own input, unchanged: `async function nameById(id) { try {
     * return (await credentials.get(id)).name } catch { return id } }`. The lookup only enriched a value
     * the caller already has (a display name for an id), and the caller still gets that value.
     */
    function returnsOwnInput(handler: TSESTree.Node, body: TSESTree.Node): boolean {
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

    /** The handler answers "not found": `res.status(404).end('File not found.')`, `return res.sendStatus(404)`. */
    function answersNotFound(body: TSESTree.Node): boolean {
      let found = false;
      walkSameFunction(
        body,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.CallExpression && isNotFoundAnswer(n)) found = true;
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    /**
     * A lookup answered "absent" to a caller that treats absence as "not found": the handler only
     * returns `null` / `undefined`, and every call of its function in this file tests the answer and
     * replies 404 (`const logo = await this.findLogo(id); if (!logo) throw new NotFoundError()`).
     * Without such a caller the null may mean "no session", "no config" or "no data", and an outage
     * would read as that answer, so the catch stays reported.
     */
    const lookupVerdicts = new Map<TSESTree.Node, boolean>();

    function isLookupAnsweredAbsent(handler: TSESTree.Node, body: TSESTree.Node): boolean {
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
      let fn: TSESTree.Node | undefined = handler.type === AST_NODE_TYPES.CatchClause ? handler.parent : handler.parent;
      while (fn && !isFunctionNode(fn)) fn = fn.parent;
      if (!fn || !isFunctionNode(fn)) return false;
      if (!lookupVerdicts.has(fn)) {
        const calls = callsOf(fn);
        lookupVerdicts.set(fn, calls.length > 0 && calls.every((call) => answersNotFoundOnAbsence(call)));
      }
      return lookupVerdicts.get(fn)!;
    }

    /** Same-file calls of `fn`: by its name (`findLogo(…)`) or, for a method, `this.findLogo(…)` in its class. */
    function callsOf(fn: AnyFunction): TSESTree.CallExpression[] {
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
        }, sourceCode.visitorKeys);
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
    function answersNotFoundOnAbsence(call: TSESTree.CallExpression): boolean {
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
      const consequent = next.consequent;
      let notFound = false;
      walkSameFunction(
        consequent,
        (n) => {
          if (notFound) return false;
          if (n.type === AST_NODE_TYPES.CallExpression && isNotFoundAnswer(n)) notFound = true;
          else if (n.type === AST_NODE_TYPES.ThrowStatement) {
            const arg = skipTransparent(n.argument);
            const path = arg.type === AST_NODE_TYPES.NewExpression || arg.type === AST_NODE_TYPES.CallExpression ? getCalleePath(arg) : null;
            if (path !== null && statusFromErrorName(lastSegment(path)) === 404) notFound = true;
          }
          return !notFound;
        },
        sourceCode.visitorKeys,
      );
      return notFound;
    }

    /**
     * Candidates tried in turn: `for (const url of urls) { try { return await discover(url) } catch {} }
     * throw new Error('Tried: …')`. A failed candidate moves on; when all fail, the loop is followed by a throw.
     */
    function isCandidateLoopThenThrow(tryStatement: TSESTree.TryStatement, handler: TSESTree.BlockStatement): boolean {
      if (!handler.body.every((st) => st.type === AST_NODE_TYPES.ContinueStatement)) return false;
      let loop: TSESTree.Node | undefined = tryStatement.parent;
      while (loop && !isFunctionNode(loop) && !isLoop(loop)) loop = loop.parent;
      if (!loop || !isLoop(loop)) return false;
      const siblings = loop.parent?.type === AST_NODE_TYPES.BlockStatement ? loop.parent.body : null;
      const next = siblings ? siblings[siblings.indexOf(loop as TSESTree.Statement) + 1] : undefined;
      return next?.type === AST_NODE_TYPES.ThrowStatement;
    }

    /**
     * "Try this, else try that, else throw": the catch makes another attempt inside its own `try`
     * whose catch always throws (`catch { try { return await viaCli() } catch (e) { throw new X(…) } }`).
     * The first failure is replaced by a second attempt, and if that fails too the caller is told.
     */
    function isAttemptElseThrow(handler: TSESTree.BlockStatement): boolean {
      return handler.body.some(
        (st) =>
          st.type === AST_NODE_TYPES.TryStatement &&
          st.handler !== null &&
          st.finalizer === null &&
          holdsAttempt(st.block) &&
          alwaysThrows(st.handler.body),
      );
    }

    /**
     * A batch that reports per item: the try records success in a collection the function returns
     * (`for (f of files) { try { await rotate(f); rotated.push(f) } catch { continue } } return { rotated }`),
     * so the caller sees which items failed; the catch only moves on to the next item.
     */
    function isRecordedInReturnedBatch(tryStatement: TSESTree.TryStatement, handler: TSESTree.BlockStatement): boolean {
      if (!handler.body.every((st) => st.type === AST_NODE_TYPES.ContinueStatement)) return false;
      let loop: TSESTree.Node | undefined = tryStatement.parent;
      while (loop && !isFunctionNode(loop) && !isLoop(loop)) loop = loop.parent;
      if (!loop || !isLoop(loop)) return false;
      const fn = getEnclosingFunction(tryStatement);
      if (!fn) return false;
      const collections = new Set<string>();
      walkSameFunction(
        tryStatement.block,
        (n) => {
          if (
            n.type === AST_NODE_TYPES.CallExpression &&
            n.callee.type === AST_NODE_TYPES.MemberExpression &&
            n.callee.object.type === AST_NODE_TYPES.Identifier &&
            /^(?:push|add|set)$/u.test(getPropertyName(n.callee) ?? '')
          ) {
            collections.add(n.callee.object.name);
          }
        },
        sourceCode.visitorKeys,
      );
      if (collections.size === 0) return false;
      let returned = false;
      walkSameFunction(
        fn.body,
        (n) => {
          if (returned) return false;
          if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
            walkSameFunction(
              n.argument,
              (m) => {
                if (m.type === AST_NODE_TYPES.Identifier && collections.has(m.name)) returned = true;
                return !returned;
              },
              sourceCode.visitorKeys,
            );
          }
          return !returned;
        },
        sourceCode.visitorKeys,
      );
      return returned;
    }

    /**
     * The try answers `{ …, applied: true }` and the catch answers the same shape with `applied: false`:
     * the result itself tells the caller the step failed.
     */
    function returnsFailedFlag(block: TSESTree.BlockStatement, handler: TSESTree.BlockStatement): boolean {
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
          sourceCode.visitorKeys,
        );
        return keys;
      };
      const succeeded = flags(block, true);
      if (succeeded.size === 0) return false;
      return [...flags(handler, false)].some((key) => succeeded.has(key));
    }

    /** The statement sits in a catch (same function) whose own body rethrows or logs at its top level. */
    function isInsideEscalatingCatch(statement: TSESTree.Node): boolean {
      let current = statement.parent;
      while (current && !isFunctionNode(current)) {
        if (current.type === AST_NODE_TYPES.CatchClause) {
          const outer = states.get(current);
          return current.body.body.some(
            (s) =>
              s.type === AST_NODE_TYPES.ThrowStatement ||
              (s.type === AST_NODE_TYPES.ExpressionStatement &&
                s.expression.type === AST_NODE_TYPES.CallExpression &&
                (getLoggingLevel(context, s.expression) !== null || isHandoffCall(s.expression))) ||
              // `if (!isTimeout && !isAbort) throw error; try { stop(id) } catch {}`: cleanup in the expected case.
              (!!outer && isTriageOfUnexpected(s, outer)),
          );
        }
        current = current.parent;
      }
      return false;
    }

    function doesNothing(body: TSESTree.BlockStatement): boolean {
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
        sourceCode.visitorKeys,
      );
      return !acts;
    }

    function onReturn(node: TSESTree.ReturnStatement): void {
      for (const s of innermost(node)) {
        if (node.argument && readsAny(node.argument, s.errorVariables)) {
          tracker.mark(node);
          s.escalates = true;
        }
      }
      const inner = innermost(node).at(-1);
      if (inner && tracker.isReachable()) tracker.require(node, inner.node, inner);
    }

    function onJumpOut(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): void {
      const inner = innermost(node).at(-1);
      if (!inner || inner.node.type !== AST_NODE_TYPES.CatchClause) return;
      // A jump that stays inside the catch body is not an exit.
      const target = node.label ? findLabeled(node, node.label.name) : findLoopOrSwitch(node, node.type === AST_NODE_TYPES.ContinueStatement);
      if (target && contains(inner.body, target)) return;
      if (tracker.isReachable()) tracker.require(node, inner.node, inner);
    }

    return mergeListeners(tracker.listeners, {
      CatchClause(node) {
        const tryStatement = node.parent;
        if (isCommentedAsIntentional(node.body) || isNamedAsIgnored(node.param)) return;
        if (
          tryStatement.type === AST_NODE_TYPES.TryStatement &&
          (isYesNoCheck(tryStatement.block, node.body) || isAvailabilityCheck(tryStatement.block, node)) &&
          // "Does it work?" answered by the fallback (a health check); the broad policy asks the name to say so.
          (!reportFallbacks || PREDICATE_NAME.test(describeEnclosingFunction(node) ?? ''))
        ) {
          return;
        }
        if (tryStatement.type === AST_NODE_TYPES.TryStatement && isProbeTry(tryStatement.block) && isFallbackOnly(node.body)) return;
        // Cleanup on an error path that is rethrown or logged anyway: `catch (err) { try { await rm(tmp) } catch {} throw err }`.
        const onReportedErrorPath = isInsideEscalatingCatch(tryStatement);
        // A function that records telemetry (`emitSystemTaskMetric`, `sendTelemetry`): a lost data point, not lost work.
        const recordsTelemetry = namesTelemetry(describeEnclosingFunction(node) ?? '');
        const source: FailureSource = onReportedErrorPath || recordsTelemetry
          ? 'probe'
          : tryStatement.type === AST_NODE_TYPES.TryStatement
            ? classifyFailures(context, tryStatement.block, failureOptions)
            : 'unknown';
        const fallsBackOnPurpose =
          tryStatement.type === AST_NODE_TYPES.TryStatement &&
          (isAnotherAttempt(tryStatement.block, node) ||
            isCheckedThenThrown(tryStatement) ||
            isRecordedInReturnedBatch(tryStatement, node.body) ||
            returnsFailedFlag(tryStatement.block, node.body) ||
            answersNotFound(node.body) ||
            reportsFailureAsData(node.body) ||
            returnsOwnInput(node, node.body) ||
            (returnsValue(tryStatement.block) && isLookupAnsweredAbsent(node, node.body)) ||
            isCandidateLoopThenThrow(tryStatement, node.body));
        const security =
          tryStatement.type === AST_NODE_TYPES.TryStatement &&
          (guardsSecurity(tryStatement.block, node.body, node) || isCheckedThenRefused(tryStatement));
        onEnter({
          node,
          body: node.body,
          errorVariables: getBoundVariables(context, node.param),
          escalates: false,
          quietLog: false,
          serverError: false,
          silentReported:
            reportFallbacks || (((source === 'external' && !fallsBackOnPurpose) || (source === 'unknown' && doesNothing(node.body))) && security),
          // "Else try that, else throw": the silent path out is the second attempt's success.
          mayFailOutside: reportFallbacks || ((source === 'external' || source === 'unknown') && security && !isAttemptElseThrow(node.body)),
        });
      },
      'CatchClause:exit': onExit,
      ArrowFunctionExpression: enterHandlerFunction,
      FunctionExpression: enterHandlerFunction,
      'ArrowFunctionExpression:exit': onExit,
      'FunctionExpression:exit': onExit,
      CallExpression(node) {
        onCall(node);
        checkHandlerReference(node);
      },
      NewExpression: onCall,
      ReturnStatement: onReturn,
      BreakStatement: onJumpOut,
      ContinueStatement: onJumpOut,
      ThrowStatement(node) {
        for (const s of innermost(node)) s.escalates = true;
      },
      AssignmentExpression(node) {
        // Stored for someone else: `this.lastError = err`, `result.error = e`.
        const status = getHttpOutcome(context, node);
        if (isServerErrorResponse(node) || (status?.kind === 'response' && status.status >= 500)) {
          for (const s of innermost(node)) s.serverError = true;
          return;
        }
        for (const s of innermost(node)) {
          if (readsAny(node.right, s.errorVariables) && !isDeclaredInside(node.left, s.body)) {
            tracker.mark(node);
            s.escalates = true;
          }
        }
      },
      VariableDeclarator: taint,
      // `if (isKnownError(err)) { reason = err.code } else { logger.warn(err) }`: the branch that names the
      // error is the expected case, chosen on purpose; its complement (unknown errors) still has to log.
      'IfStatement > .consequent'(node: TSESTree.Statement) {
        const test = (node.parent as TSESTree.IfStatement).test;
        const inner = innermost(node).at(-1);
        if (inner && contains(inner.body, test) && identifiesError(test, inner.errorVariables)) tracker.mark(node);
      },
    } as TSESLint.RuleListener) as TSESLint.RuleListener;

    function findLabeled(node: TSESTree.Node, label: string): TSESTree.Node | null {
      let current = node.parent;
      while (current && !isFunctionNode(current)) {
        if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === label) return current;
        current = current.parent;
      }
      return null;
    }

    function findLoopOrSwitch(node: TSESTree.Node, loopOnly: boolean): TSESTree.Node | null {
      let current = node.parent;
      while (current && !isFunctionNode(current)) {
        switch (current.type) {
          case AST_NODE_TYPES.ForStatement:
          case AST_NODE_TYPES.ForInStatement:
          case AST_NODE_TYPES.ForOfStatement:
          case AST_NODE_TYPES.WhileStatement:
          case AST_NODE_TYPES.DoWhileStatement:
            return current;
          case AST_NODE_TYPES.SwitchStatement:
            if (!loopOnly) return current;
            break;
          default:
            break;
        }
        current = current.parent;
      }
      return null;
    }
  },
});

/** The value of the promise chain `receiver.catch(…)` is thrown away: `void p.catch(…)`, `p.catch(…);`, `await p.catch(…);`. */
function isResultDiscarded(receiver: TSESTree.Node): boolean {
  let node: TSESTree.Node | undefined = receiver.parent?.parent;
  if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ChainExpression) {
      node = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return true;
    return parent.type === AST_NODE_TYPES.ExpressionStatement;
  }
}

/**
 * Every path through `node` ends in a `throw`: a throw, an if/else that throws on both sides, or a
 * block that reaches such a statement without a `return`/`break`/`continue` before it.
 */
function alwaysThrows(node: TSESTree.Statement): boolean {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (node.type === AST_NODE_TYPES.IfStatement) return node.alternate !== null && alwaysThrows(node.consequent) && alwaysThrows(node.alternate);
  if (node.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const st of node.body) {
    if (alwaysThrows(st)) return true;
    if (jumpsOut(st)) return false;
  }
  return false;
}

function jumpsOut(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return node.body.some(jumpsOut);
    case AST_NODE_TYPES.IfStatement:
      return jumpsOut(node.consequent) || (node.alternate !== null && jumpsOut(node.alternate));
    case AST_NODE_TYPES.TryStatement:
      return jumpsOut(node.block) || (node.handler !== null && jumpsOut(node.handler.body)) || (node.finalizer !== null && jumpsOut(node.finalizer));
    default:
      return false;
  }
}

function isLoop(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** `!x`, `x === null`, `x == null`, `x === undefined`, `!x?.y`. */
function testsAbsence(test: TSESTree.Expression, name: string): boolean {
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

/** The try block returns a value (the lookup's answer). */
function returnsValue(block: TSESTree.BlockStatement): boolean {
  return block.body.some((st) => st.type === AST_NODE_TYPES.ReturnStatement && st.argument !== null);
}

/**
 * `try { …; return { available: true, … } } catch { return { available: false } }` in a predicate
 * (`isAvailable`, `checkConnection`): the "no" of a yes/no question, written as an object.
 */
function isAvailabilityCheck(block: TSESTree.BlockStatement, handler: TSESTree.CatchClause): boolean {
  const only = handler.body.body.length === 1 ? handler.body.body[0] : undefined;
  if (only?.type !== AST_NODE_TYPES.ReturnStatement || !only.argument || !returnsValue(block)) return false;
  const arg = skipTransparent(only.argument);
  if (arg.type !== AST_NODE_TYPES.ObjectExpression || arg.properties.length === 0) return false;
  const answersNo = arg.properties.every(
    (p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Literal && p.value.value === false,
  );
  return answersNo && PREDICATE_NAME.test(describeEnclosingFunction(handler) ?? '');
}

/** The statement holding `node` is the whole body of its function. */
function isOnlyStatement(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.ExpressionStatement && !isFunctionNode(current)) current = current.parent;
  const block = current?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
  return block?.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1 && isFunctionNode(block.parent);
}

/** A test that rules the expected kinds out: `e.code !== 'X'`, `!(e instanceof X)`, `!isKnown(e)`, `a !== x && b !== y`. */
function excludesExpected(test: TSESTree.Expression): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return true;
  if (t.type === AST_NODE_TYPES.BinaryExpression) return t.operator === '!==' || t.operator === '!=';
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '&&') return excludesExpected(t.left) && excludesExpected(t.right);
  return false;
}

/** `e instanceof Error`, `isError(e)`, `isNativeError(e)`: a test of "is it an error at all", true for every real failure. */
function isErrorTypeGuard(test: TSESTree.Expression): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.BinaryExpression && t.operator === 'instanceof') {
    const right = skipTransparent(t.right);
    return right.type === AST_NODE_TYPES.Identifier && right.name === 'Error';
  }
  if (t.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(t);
    return path !== null && /^(?:isError|isNativeError)$/u.test(lastSegment(path));
  }
  return false;
}

/** A test that names a kind of error (`e.code === 'X'`, `e instanceof X`, `isHttpError(e)`), not one that rules kinds out (`!isKnown(e)`, `e.code !== 'X'`). */
function identifiesError(test: TSESTree.Expression, errorVariables: readonly TSESLint.Scope.Variable[]): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return false;
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '!==' || t.operator === '!=')) return false;
  if (t.type === AST_NODE_TYPES.LogicalExpression) return t.operator === '&&' ? identifiesError(t.left, errorVariables) : identifiesError(t.left, errorVariables) && identifiesError(t.right, errorVariables);
  return readsAny(t, errorVariables);
}

/** The statement throws, and not a client error: `throw new Error('…')`, `throw new InternalServerError()`. */
function throwsServerError(statement: TSESTree.Statement): boolean {
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

/** Metric objects: `metric.inc()`, `this.errorCounter.add(1)`, `metrics.recordAppendFailure(n)`. */
const METRIC_WORDS = new Set(['metric', 'metrics', 'counter', 'counters', 'gauge', 'histogram', 'meter', 'statsd', 'prometheus']);

/**
 * The failure is counted in a metric that operators watch (`catch { metric.inc() }` in a health
 * check): it is recorded, not swallowed.
 */
function isFailureCount(node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  if (method === null) return false;
  if (/^(?:inc|incr|increment)$/u.test(method)) return true;
  const path = getCalleePath(node);
  return path !== null && identifierWords(path).some((w) => METRIC_WORDS.has(w)) && /^(?:add|observe|record\w*|mark|count)$/u.test(method);
}

function isUserNotification(node: TSESTree.CallExpression): boolean {
  const path = getCalleePath(node);
  if (path === null) return false;
  const parts = path.split('.');
  return (
    (parts.length === 1 && (parts[0] === 'alert' || parts[0] === 'enqueueSnackbar')) ||
    (parts.length >= 2 && USER_NOTIFIERS.test(parts.at(-2)!) && /^(?:error|warn|warning|danger)$/u.test(parts.at(-1)!))
  );
}

/** A function that asks a question: `isMountable`, `validate`, `verifySignature`, `canConnect`. */
const PREDICATE_NAME = /^(?:is|has|can|should|supports?|validate|verify|check|test)(?:[A-Z_]|$)/u;

/** `try { …; return true } catch { return false }` in a predicate: the question is "does it work?", and the answer is the fallback. */
function isYesNoCheck(block: TSESTree.BlockStatement, handler: TSESTree.BlockStatement): boolean {
  const last = block.body.at(-1);
  const only = handler.body.length === 1 ? handler.body[0] : undefined;
  const isBool = (n: TSESTree.Node | null | undefined, value: boolean) =>
    !!n && n.type === AST_NODE_TYPES.Literal && n.value === value;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement &&
    isBool(last.argument, true) &&
    only?.type === AST_NODE_TYPES.ReturnStatement &&
    isBool(only.argument, false)
  );
}

/**
 * A test assertion in a catch (`t.assert.fail()`, `assert.ok(true)`, `expect(e).toBeInstanceOf(X)`)
 * checks the error: the test fails or passes on it, nothing is swallowed.
 */
function isAssertion(node: TSESTree.CallExpression): boolean {
  let callee: TSESTree.Node = skipTransparent(node.callee);
  let member = false;
  for (;;) {
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      member = true;
      if (!callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && /^(?:assert|expect|should|fail)$/u.test(callee.property.name)) return true;
      callee = skipTransparent(callee.object);
    } else if (callee.type === AST_NODE_TYPES.CallExpression) {
      callee = skipTransparent(callee.callee);
    } else {
      break;
    }
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  return /^(?:assert|expect|chai|should)$/u.test(callee.name) || (member && /^(?:t|tap|test)$/u.test(callee.name)) || callee.name === 'fail';
}

/** `catch (_err)`, `catch (ignore)`: the binding's name says the error is dropped on purpose. */
function isNamedAsIgnored(param: TSESTree.Node | null | undefined): boolean {
  return !!param && param.type === AST_NODE_TYPES.Identifier && /^(?:_.*|ignored?|unused)$/iu.test(param.name);
}

function isPureHelper(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression): boolean {
  if (node.type === AST_NODE_TYPES.ImportExpression) return false;
  const callee = skipTransparent(node.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(callee)
        : null;
  return name !== null && PURE_HELPERS.has(name);
}

function compileCommentPattern(source: string): RegExp {
  try {
    return new RegExp(source, 'iu');
  } catch (error) {
    throw new Error(
      `eslint-plugin-security-logging: rule "no-silent-catch" option "allowWithComment" must be a valid regular expression; got ${JSON.stringify(source)} (${(error as Error).message}).`,
      { cause: error },
    );
  }
}

/** Text that blames the input (`invalid_token`, `Session expired`, `Access denied`) rather than reporting a failure. */
const VERDICT_TEXT = /invalid|expired|unauthori[sz]ed|unauthenticated|denied|forbidden|not[\s_-]?found|missing|unknown/iu;

function textOf(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Literal) return String(node.value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  return '';
}

/**
 * `error: 'invalid_refresh_token'`, `reason: 'Session expired'`: a verdict on the input, not a report of
 * the failure — an outage read as a refusal.
 */
function blamesInput(p: TSESTree.ObjectLiteralElement): boolean {
  if (p.type !== AST_NODE_TYPES.Property) return false;
  const value = skipTransparent(p.value as TSESTree.Node);
  return VERDICT_TEXT.test(textOf(value));
}

/** `success: false`, `ok: false`; `error: 'Could not retrieve models'`; `status: 'error'`, `testState: 'failed'`. */
function isFailureProperty(p: TSESTree.ObjectLiteralElement): boolean {
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
