import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  findEnclosingClass,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getStringValue,
  lastSegment,
  skipTransparent,
  walkSameFunction,
  skipTypeWrappers,
} from '../model/ast.js';
import {
  type BackgroundCallback,
  getBackgroundCallbacks,
  getBackgroundRegistration,
  installsRejectionLogger,
  resolveCallbackArgument,
} from '../model/background.js';
import { type JobRunnerKind, getJobRunnerKind } from '../model/job-runners.js';
import { FIRE_AND_FORGET_HELPERS, findEscape, getPromiseChain, mayReject, promiseMayReject, voidedCallMayReject } from '../model/promises.js';
import { createRule } from '../core/create-rule.js';
import { findEnclosingHandler } from '../model/frameworks.js';
import { isHandoffCall, readsAny } from '../model/errors.js';
import {
  buildLogCall,
  chooseUnusedName,
  describeEnclosingFunction,
  describeFailedOperation,
  logTargetAt,
  targetSetupFixes,
  indentUnit,
  lineIndent,
  type LogField,
  type LogTarget,
} from '../fixes/index.js';
import { getLoggingLevel } from '../model/loggers.js';
import { getSettings } from '../core/settings.js';

export type Options = [
  {
    backgroundFunctions?: string[];
    includeVoidedCalls?: boolean;
    includeShutdownHandlers?: boolean;
    rejectionsLoggedByProcessHandler?: boolean;
  },
];
export type MessageIds =
  | 'asyncCallback'
  | 'asyncReference'
  | 'returnedPromise'
  | 'floatingPromise'
  | 'missingFailureListener'
  | 'missingErrorListener'
  | 'addCatch'
  | 'wrapInTryCatch'
  | 'addListener';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
]);

interface ListenerUse {
  event: string;
  listener: TSESTree.Node;
}

interface Usage {
  listeners: ListenerUse[];
  processors: TSESTree.Node[];
  emitsError: boolean;
  escapes: boolean;
}

interface Creation {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  kind: JobRunnerKind;
  /** Variable or `this.x` key its usages are filed under; null when the value is not bound. */
  key: unknown;
  /** Listeners chained on the creation itself: `new Worker(…).on('error', h)`. */
  chained: ListenerUse[];
  /** Where a fix adds the listener: after this statement, or appended to this expression. */
  insertAfter: TSESTree.Node | null;
  appendTo: TSESTree.Node | null;
  receiverText: string | null;
}

/** What each runner needs a listener for, and how the fix writes it. */
const RUNNER_EVENTS: Record<Exclude<JobRunnerKind, 'queue-events'>, { events: string[]; errorParam: number; params: string; kind: 'failure' | 'error' }> = {
  'bullmq-worker': { events: ['failed'], errorParam: 1, params: '(job, err)', kind: 'failure' },
  'bull-queue': { events: ['failed', 'global:failed'], errorParam: 1, params: '(job, err)', kind: 'failure' },
  agenda: { events: ['fail'], errorParam: 0, params: '(err, job)', kind: 'failure' },
  'worker-thread': { events: ['error'], errorParam: 0, params: '(err)', kind: 'error' },
  'event-emitter': { events: ['error'], errorParam: 0, params: '(err)', kind: 'error' },
};

export default createRule<Options, MessageIds>({
  name: 'background-task-error-handling',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require background work (timers, cron jobs, event listeners, job queues, workers) to catch and log its failures',
      recommended: 'recommended',
      cwe: ['CWE-755', 'CWE-778'],
      owasp: ['A10:2025'],
      usesTypeInformation: true,
      strictOptions: { includeVoidedCalls: true, includeShutdownHandlers: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      asyncCallback:
        'This async {{api}} callback can reject (line {{line}}), and {{owner}} ignores the promise it returns: the failure becomes an unhandled rejection with no record of which task failed. Catch and log the error inside the callback.',
      asyncReference:
        '{{name}} is async and can reject (line {{line}}), but {{owner}} ignores the promise it returns: the failure becomes an unhandled rejection. Pass a callback that adds a .catch that logs, or catch and log inside {{name}}.',
      returnedPromise:
        'This {{api}} callback returns the promise of {{call}}, which {{owner}} ignores: a rejection goes unhandled and unlogged. Add a .catch that logs the error.',
      floatingPromise:
        'The promise of {{call}} is neither awaited nor caught in this {{context}}: if it rejects, nothing logs it. Await it inside try/catch, or add a .catch that logs the error.',
      missingFailureListener:
        "Failed jobs of {{what}} are never logged: nothing listens for '{{event}}' and the processor does not catch and log. Add {{receiver}}.on('{{event}}', …) that logs the error.",
      missingErrorListener:
        "{{what}} has no 'error' listener: {{consequence}}. Add {{receiver}}.on('error', …) that logs the error.",
      addCatch: 'Add a .catch() that logs with {{call}}.',
      wrapInTryCatch: 'Wrap the callback body in try/catch and log with {{call}}.',
      addListener: "Add an '{{event}}' listener that logs with {{call}}.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          backgroundFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Require callbacks passed to these calls (names or member paths, e.g. `schedule.scheduleJob`) to handle their errors, as for the built-in timers, schedulers and listeners.',
          },
          includeVoidedCalls: {
            type: 'boolean',
            description:
              'Require a `.catch` on `void call()` whatever its callee (imported, injected, a method of another object), as if it returned a promise that may reject. Off: a voided call is reported only when the file shows that it may reject.',
          },
          includeShutdownHandlers: {
            type: 'boolean',
            description:
              "Require `process.on('SIGTERM' | 'SIGINT' | 'SIGQUIT' | 'SIGBREAK', …)` handlers to catch and log their errors too. Off: a rejection escaping a shutdown handler ends the process that was already ending, with Node printing the error, and is not reported.",
          },
          rejectionsLoggedByProcessHandler: {
            type: 'boolean',
            description:
              "Declare that the application logs unhandled rejections in a `process.on('unhandledRejection')` handler installed in another file: async callbacks and fire-and-forget promises are then not reported (job runners, worker threads and emitters still are).",
          },
        },
      },
    ],
    defaultOptions: [{ backgroundFunctions: [], includeVoidedCalls: false, includeShutdownHandlers: false, rejectionsLoggedByProcessHandler: false }],
  },
  create(context, [options]) {
    const extraApis = options.backgroundFunctions ?? [];
    const includeVoidedCalls = options.includeVoidedCalls ?? false;
    const includeShutdownHandlers = options.includeShutdownHandlers ?? false;
    // A rejection that escapes reaches the process handler, which logs it with its stack.
    const rejectionsLogged = (): boolean => (options.rejectionsLoggedByProcessHandler ?? false) || installsRejectionLogger(context);
    const sourceCode = context.sourceCode;
    const visitorKeys = sourceCode.visitorKeys;
    const logFunctions = getSettings(context).logFunctions;
    const usages = new Map<unknown, Usage>();
    const creations: Creation[] = [];

    function usageOf(key: unknown): Usage {
      let usage = usages.get(key);
      if (!usage) {
        usage = { listeners: [], processors: [], emitsError: false, escapes: false };
        usages.set(key, usage);
      }
      return usage;
    }

    /** The key a receiver's usages are filed under: its variable, or `this.x` within one class. */
    function keyOf(receiver: TSESTree.Node): unknown {
      const n = skipTransparent(receiver);
      if (n.type === AST_NODE_TYPES.Identifier) return findVariable(context, n);
      if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = getPropertyName(n);
        const cls = findEnclosingClass(n);
        return name !== null && cls ? `${cls.range[0]}:this.${name}` : null;
      }
      return null;
    }

    // ------------------------------------------------------------------ reporting

    function logCall(target: LogTarget): string {
      return `${target.expression}.error`;
    }

    /** Report with the configured logger as autofix, and always as a suggestion (console when none is configured). */
    function reportWithFix(
      descriptor: { node: TSESTree.Node; loc?: TSESTree.SourceLocation; messageId: MessageIds; data: Record<string, string> },
      suggestionId: MessageIds,
      suggestionData: Record<string, string>,
      build: ((target: LogTarget) => TSESLint.ReportFixFunction) | null,
      autofix = true,
    ): void {
      const target = logTargetAt(context, descriptor.node);
      const withImport = (t: LogTarget): TSESLint.ReportFixFunction => (fixer) => {
        const fixes = [build!(t)(fixer)].flat() as TSESLint.RuleFix[];
        fixes.push(...targetSetupFixes(context, fixer, t));
        return fixes;
      };
      context.report({
        ...descriptor,
        fix: build && target.configured && autofix ? withImport(target) : null,
        suggest: build
          ? [{ messageId: suggestionId, data: { ...suggestionData, call: logCall(target) }, fix: withImport(target) }]
          : [],
      });
    }

    function errorLog(target: LogTarget, label: string, err: string, fields?: LogField[]): string {
      return buildLogCall(target, { level: 'error', message: `${label} failed`, error: err, fields });
    }

    function appendCatch(node: TSESTree.Node, label: string): (target: LogTarget) => TSESLint.ReportFixFunction {
      return (target) => (fixer) => {
        const err = chooseUnusedName(context, node, node, ['err', 'error', 'caughtError']);
        return fixer.insertTextAfter(node, `.catch((${err}) => ${errorLog(target, label, err)})`);
      };
    }

    /**
     * Wrap the callback's body in try/catch that logs. `exitOnFailure`: the listener serves a
     * supervisor (a child process's or worker's `message` channel) — the catch also sets
     * `process.exitCode = 1`, so the failure still shows in the exit status the parent sees.
     */
    function wrapInTryCatch(fn: AnyFunction, label: string, exitOnFailure = false): (target: LogTarget) => TSESLint.ReportFixFunction {
      return (target) => (fixer) => {
        const unit = indentUnit(context);
        const body = fn.body;
        const err = chooseUnusedName(context, body, body, ['err', 'error', 'caughtError']);
        const statements = [`${errorLog(target, label, err)};`, ...(exitOnFailure ? ['process.exitCode = 1;'] : [])];
        if (body.type !== AST_NODE_TYPES.BlockStatement) {
          const outer = lineIndent(context, fn);
          const inner = outer + unit;
          const text = sourceCode.getText(body);
          const awaited =
            body.type === AST_NODE_TYPES.AwaitExpression
              ? text
              : body.type === AST_NODE_TYPES.CallExpression || body.type === AST_NODE_TYPES.NewExpression || body.type === AST_NODE_TYPES.Identifier || body.type === AST_NODE_TYPES.MemberExpression
                ? `await ${text}`
                : `await (${text})`;
          const arrow = sourceCode.getTokenBefore(body, { filter: (t) => t.value === '=>' })!;
          return fixer.replaceTextRange(
            [arrow.range[1], fn.range[1]],
            ` {\n${inner}try {\n${inner}${unit}${awaited};\n${inner}} catch (${err}) {\n${inner}${unit}${statements.join(`\n${inner}${unit}`)}\n${inner}}\n${outer}}`,
          );
        }
        const open = body.range[0];
        const close = body.range[1] - 1;
        const inside = sourceCode.text.slice(open + 1, close);
        if (body.loc.start.line === body.loc.end.line) {
          return fixer.replaceText(body, `{ try { ${inside.trim()} } catch (${err}) { ${statements.join(' ')} } }`);
        }
        const outer = lineIndent(context, body);
        const inner = outer + unit;
        const templates = sourceCode
          .getTokens(body)
          .filter((t) => t.type === 'Template' && t.loc.start.line !== t.loc.end.line)
          .map((t) => t.range);
        const pieces = inside.split('\n');
        // Text after `{` on its line: a comment stays there; code moves inside the try.
        const head = pieces[0]!.trim();
        const lines: string[] = head !== '' && !head.startsWith('//') ? [`${inner}${unit}${head}`] : [];
        let offset = open + 1 + pieces[0]!.length + 1;
        for (let i = 1; i < pieces.length; i++) {
          const line = pieces[i]!;
          // A line that starts inside a multi-line template literal is its content: leave it byte for byte.
          const inTemplate = templates.some(([start, end]) => start < offset && offset < end);
          if (inTemplate) lines.push(line);
          else if (line.trim() === '') {
            if (i < pieces.length - 1) lines.push('');
          } else lines.push(`${unit}${line}`);
          offset += line.length + 1;
        }
        while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
        while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
        const headText = head.startsWith('//') ? ` ${head}` : '';
        return fixer.replaceText(
          body,
          `{${headText}\n${inner}try {\n${lines.join('\n')}\n${inner}} catch (${err}) {\n${inner}${unit}${statements.join(`\n${inner}${unit}`)}\n${inner}}\n${outer}}`,
        );
      };
    }

    /** `setInterval(poll)` → `setInterval(() => poll().catch(…))`, when `poll` takes no parameters. */
    function wrapReference(argument: TSESTree.Node, fn: AnyFunction, label: string): ((target: LogTarget) => TSESLint.ReportFixFunction) | null {
      if (fn.params.length > 0) return null;
      const a = skipTransparent(argument);
      let calleeText: string;
      if (a.type === AST_NODE_TYPES.Identifier || a.type === AST_NODE_TYPES.MemberExpression) {
        calleeText = sourceCode.getText(a);
      } else if (
        a.type === AST_NODE_TYPES.CallExpression &&
        a.callee.type === AST_NODE_TYPES.MemberExpression &&
        a.arguments.length === 1 &&
        a.arguments[0]!.type === AST_NODE_TYPES.ThisExpression &&
        a.callee.object.type === AST_NODE_TYPES.MemberExpression &&
        a.callee.object.object.type === AST_NODE_TYPES.ThisExpression
      ) {
        calleeText = sourceCode.getText(a.callee.object);
      } else {
        return null;
      }
      return (target) => (fixer) => {
        const err = chooseUnusedName(context, argument, argument, ['err', 'error', 'caughtError']);
        return fixer.replaceText(argument, `() => ${calleeText}().catch((${err}) => ${errorLog(target, label, err)})`);
      };
    }

    // ------------------------------------------------------------------ labels

    function functionName(fn: AnyFunction): string | null {
      if (fn.id) return fn.id.name;
      const p = fn.parent;
      if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
      if ((p?.type === AST_NODE_TYPES.MethodDefinition || p?.type === AST_NODE_TYPES.PropertyDefinition) && !p.computed) return getPropertyName(p);
      return null;
    }

    function callName(node: TSESTree.Node): string | null {
      const root = skipTransparent(getPromiseChain(node).root);
      if (root.type !== AST_NODE_TYPES.CallExpression && root.type !== AST_NODE_TYPES.NewExpression) return null;
      const path = getCalleePath(root);
      if (path === null) return null;
      return path.startsWith('Promise.') ? path : lastSegment(path);
    }

    function callText(node: TSESTree.Node): string {
      const root = skipTransparent(getPromiseChain(node).root);
      if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression) {
        const path = getCalleePath(root);
        if (path !== null) return `${root.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${path}()`;
      }
      return 'this call';
    }

    /** What the log message calls the task: the callback's own name, else the API in its enclosing function. */
    function taskLabel(cb: BackgroundCallback): string {
      const own = cb.fn ? functionName(cb.fn) : null;
      if (own) return own;
      let word: string;
      switch (cb.kind) {
        case 'listener':
          word = cb.api === 'listen' ? 'listen callback' : cb.api.replace(/'/gu, '');
          break;
        case 'cron':
          word = 'cron job';
          break;
        default:
          word = cb.api.endsWith('setInterval') ? 'interval task' : cb.api.endsWith('setTimeout') ? 'timeout task' : cb.kind === 'timer' ? 'deferred task' : `${cb.api} task`;
      }
      const enclosing = describeEnclosingFunction(cb.registration);
      return enclosing ? `${enclosing} ${word}` : word;
    }

    function contextLabel(cb: BackgroundCallback): string {
      switch (cb.kind) {
        case 'listener':
          return cb.api === 'listen' ? 'listen callback' : cb.api;
        case 'lifecycle-hook':
          return cb.api;
        case 'job':
          return `${cb.api} processor`;
        case 'scheduled-method':
          return `${cb.api} method`;
        default:
          return `${cb.api} callback`;
      }
    }

    // ------------------------------------------------------------------ callbacks

    function checkCallback(cb: BackgroundCallback): void {
      const fn = cb.fn;
      if (cb.rejectionHandled || !fn || (cb.shutdown && !includeShutdownHandlers)) return;
      const inline = skipTransparent(cb.argument) === fn;
      if (fn.async) {
        if (fn.generator) return;
        const escape = findEscape(context, fn, visitorKeys);
        if (!escape || rejectionsLogged()) return;
        const label = taskLabel(cb);
        const data = { api: cb.api, owner: ownerName(cb), line: String(escape.loc.start.line), name: functionName(fn) ?? 'This function' };
        if (inline) {
          // A child process's / worker's message listener: swallowing the failure keeps a broken child
          // alive with its IPC channel open. The fix logs and sets a failing exit code, and is only a
          // suggestion: whether to exit is the supervisor protocol's decision.
          const supervised = isSupervisorChannel(cb);
          reportWithFix(
            { node: fn, loc: { start: fn.loc.start, end: fn.body.loc.start }, messageId: 'asyncCallback', data },
            'wrapInTryCatch',
            {},
            wrapInTryCatch(fn, label, supervised),
            !supervised,
          );
        } else {
          reportWithFix({ node: cb.argument, messageId: 'asyncReference', data }, 'addCatch', {}, wrapReference(cb.argument, fn, label));
        }
        return;
      }
      if (!inline) return;
      // A plain callback that returns a promise: `() => poll()`.
      const returned: TSESTree.Node[] = [];
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        returned.push(fn.body);
      } else {
        walkSameFunction(
          fn.body,
          (node) => {
            if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
          },
          visitorKeys,
        );
      }
      for (const value of returned) {
        if (!promiseMayReject(context, value, visitorKeys) || rejectionsLogged()) continue;
        const target = skipTransparent(value);
        reportWithFix(
          { node: value, messageId: 'returnedPromise', data: { api: cb.api, owner: ownerName(cb), call: callText(value) } },
          'addCatch',
          {},
          appendCatch(target, callName(value) ?? taskLabel(cb)),
        );
      }
    }

    /** `process.on('message')`, `parentPort.on('message')`, `process.on('disconnect')`: the channel to a supervising parent. */
    function isSupervisorChannel(cb: BackgroundCallback): boolean {
      const call = cb.registration;
      if (cb.kind !== 'listener' || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const owner = getMemberPath(call.callee.object);
      return owner !== null && (owner === 'process' || owner === 'parentPort' || owner.endsWith('.parentPort') || owner === 'cluster.worker');
    }

    function ownerName(cb: BackgroundCallback): string {
      if (cb.kind === 'listener') {
        const call = cb.registration;
        if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
          return `${getCalleePath(call) ?? 'the emitter'}()`;
        }
        return 'the emitter';
      }
      return cb.api === 'CronJob' ? 'CronJob' : `${cb.api}()`;
    }

    // ------------------------------------------------------------------ floating promises

    function backgroundContext(node: TSESTree.Node): BackgroundCallback | null {
      let fn = getEnclosingFunction(node);
      while (fn) {
        const registration = getBackgroundRegistration(context, fn, extraApis);
        if (registration) return registration;
        fn = getEnclosingFunction(fn);
      }
      return null;
    }

    /** `value` is discarded: an expression statement, or the `void …` body of an arrow (`() => void run()`). */
    function checkFloating(statement: TSESTree.Node, value: TSESTree.Node): void {
      let expression = skipTypeWrappers(value);
      const voided = expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void';
      if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = skipTypeWrappers(expression.argument);
      if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression) return;
      const chain = getPromiseChain(expression);
      if (chain.handled) return;
      const root = chain.root;
      if (root.type === AST_NODE_TYPES.CallExpression) {
        const path = getCalleePath(root);
        if (path !== null && (FIRE_AND_FORGET_HELPERS.has(lastSegment(path)) || logFunctions.includes(path))) return;
      }
      if (
        root === expression
          ? !(voided && includeVoidedCalls ? voidedCallMayReject(context, root, visitorKeys) : mayReject(context, root, visitorKeys))
          : !promiseMayReject(context, expression, visitorKeys)
      ) {
        return;
      }
      const cb = backgroundContext(statement);
      if (cb?.shutdown && !includeShutdownHandlers) return;
      const handler = cb ? null : findEnclosingHandler(context, statement);
      if ((!cb && !handler) || rejectionsLogged()) return;
      const where = cb ? contextLabel(cb) : `${handler!.framework} ${handler!.kind === 'route' ? 'route handler' : handler!.kind}`;
      reportWithFix(
        { node: expression, messageId: 'floatingPromise', data: { call: callText(expression), context: where } },
        'addCatch',
        {},
        appendCatch(expression, callName(expression) ?? describeFailedOperation(context, expression) ?? `promise at line ${expression.loc.start.line}`),
      );
    }

    // ------------------------------------------------------------------ runners: workers, queues, emitters

    function recordCreation(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const kind = getJobRunnerKind(context, node);
      if (kind === null) return;
      const chained: ListenerUse[] = [];
      let top: TSESTree.Node = node;
      for (;;) {
        const p: TSESTree.Node | undefined = top.parent;
        if (
          p?.type === AST_NODE_TYPES.MemberExpression &&
          p.object === top &&
          LISTENER_METHODS.has(getPropertyName(p) ?? '') &&
          p.parent.type === AST_NODE_TYPES.CallExpression &&
          p.parent.callee === p
        ) {
          const event = getStringValue(p.parent.arguments[0]);
          const listener = p.parent.arguments[1];
          if (event !== null && listener) chained.push({ event, listener });
          top = p.parent;
          continue;
        }
        if (p?.type === AST_NODE_TYPES.TSAsExpression || p?.type === AST_NODE_TYPES.TSNonNullExpression || p?.type === AST_NODE_TYPES.TSSatisfiesExpression) {
          top = p;
          continue;
        }
        break;
      }
      const parent = top.parent;
      const creation: Creation = { node, kind, key: null, chained, insertAfter: null, appendTo: null, receiverText: null };
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top && parent.id.type === AST_NODE_TYPES.Identifier) {
        const declaration = parent.parent;
        if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return;
        creation.key = sourceCode.getDeclaredVariables(parent)[0] ?? null;
        creation.receiverText = parent.id.name;
        if (declaration.parent && STATEMENT_LISTS.has(declaration.parent.type)) creation.insertAfter = declaration;
      } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top && parent.operator === '=') {
        creation.key = keyOf(parent.left);
        if (creation.key === null) return;
        creation.receiverText = sourceCode.getText(parent.left);
        const statement = parent.parent;
        if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.parent && STATEMENT_LISTS.has(statement.parent.type)) {
          creation.insertAfter = statement;
        }
      } else if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
        creation.appendTo = top;
      } else {
        // Passed on, returned, exported, stored in a structure: listeners may be attached elsewhere.
        return;
      }
      creations.push(creation);
    }

    function isEscapingReference(identifier: TSESTree.Node): boolean {
      const parent = identifier.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) return false;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) return false;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier) return false;
      if (parent.type === AST_NODE_TYPES.TSNonNullExpression) return isEscapingReference(parent);
      return true;
    }

    function escapes(creation: Creation): boolean {
      const key = creation.key;
      if (key === null) return false;
      if (typeof key === 'string') return usages.get(key)?.escapes ?? false;
      const variable = key as TSESLint.Scope.Variable;
      return variable.references.some((ref) => !ref.init && isEscapingReference(ref.identifier));
    }

    /** A failure listener counts unless it is a same-file function that neither logs nor passes the error on. */
    function listenerRecords(listener: TSESTree.Node, errorParam: number): boolean {
      const fn = resolveCallbackArgument(context, listener);
      if (!fn) return true;
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return true;
      const param = fn.params[errorParam];
      const errorVariables = param ? sourceCode.getDeclaredVariables(fn).filter((v) => v.defs.some((d) => d.name.range[0] >= param.range[0] && d.name.range[1] <= param.range[1])) : [];
      let records = false;
      walkSameFunction(
        fn.body,
        (node) => {
          if (records) return false;
          if (node.type === AST_NODE_TYPES.ThrowStatement) records = true;
          if (node.type === AST_NODE_TYPES.CallExpression) {
            if (getLoggingLevel(context, node) !== null || isHandoffCall(node) || node.arguments.some((a) => readsAny(a, errorVariables))) records = true;
          }
          return undefined;
        },
        visitorKeys,
      );
      return records;
    }

    /** Every processor catches and logs by itself, so no job failure reaches the queue silently. */
    function processorsRecord(processors: readonly TSESTree.Node[]): boolean {
      if (processors.length === 0) return false;
      return processors.every((p) => {
        const fn = resolveCallbackArgument(context, p);
        if (!fn || !fn.async || fn.generator) return false;
        if (findEscape(context, fn, visitorKeys) !== null) return false;
        let catches = false;
        walkSameFunction(
          fn.body,
          (node) => {
            if (node.type === AST_NODE_TYPES.TryStatement && node.handler) catches = true;
            return !catches;
          },
          visitorKeys,
        );
        return catches;
      });
    }

    function runnerName(creation: Creation): string {
      const first = getStringValue(creation.node.arguments[0]);
      switch (creation.kind) {
        case 'bullmq-worker':
          return first !== null ? `the '${first}' worker` : `worker ${creation.receiverText ?? ''}`.trim();
        case 'bull-queue':
          return first !== null ? `the '${first}' queue` : `queue ${creation.receiverText ?? ''}`.trim();
        case 'agenda':
          return creation.receiverText ?? 'this Agenda';
        case 'worker-thread':
          return `Worker thread ${creation.receiverText ?? ''}`.trim();
        default:
          return `EventEmitter ${creation.receiverText ?? ''}`.trim();
      }
    }

    function checkCreations(): void {
      const queueEventsCover = creations.some(
        (c) =>
          c.kind === 'queue-events' &&
          [...c.chained, ...(c.key !== null ? (usages.get(c.key)?.listeners ?? []) : [])].some((l) => l.event === 'failed' && listenerRecords(l.listener, 0)),
      );
      for (const creation of creations) {
        if (creation.kind === 'queue-events') continue;
        const spec = RUNNER_EVENTS[creation.kind];
        const usage = creation.key !== null ? usages.get(creation.key) : undefined;
        const processors = [...(usage?.processors ?? [])];
        if (creation.kind === 'bullmq-worker' && creation.node.arguments[1]) processors.unshift(creation.node.arguments[1]);
        // Only runners that do work here: a producer-side queue or an emitter that never emits 'error' has nothing to lose.
        if ((creation.kind === 'bull-queue' || creation.kind === 'agenda') && processors.length === 0) continue;
        if (creation.kind === 'event-emitter' && !usage?.emitsError) continue;
        if (escapes(creation)) continue;
        const listeners = [...creation.chained, ...(usage?.listeners ?? [])];
        const covered = listeners.some(
          (l) => (spec.events.includes(l.event) || (creation.kind === 'agenda' && l.event.startsWith('fail:'))) && listenerRecords(l.listener, spec.errorParam),
        );
        if (covered) continue;
        if (spec.kind === 'failure' && (processorsRecord(processors) || (creation.kind === 'bullmq-worker' && queueEventsCover))) continue;
        reportRunner(creation, spec);
      }
    }

    function reportRunner(creation: Creation, spec: (typeof RUNNER_EVENTS)[keyof typeof RUNNER_EVENTS]): void {
      const event = spec.events[0]!;
      const what = runnerName(creation);
      const receiver = creation.receiverText ?? (creation.kind === 'bull-queue' ? 'queue' : 'worker');
      const name = getStringValue(creation.node.arguments[0]);
      const build = (target: LogTarget): TSESLint.ReportFixFunction => (fixer) => {
        let log: string;
        switch (creation.kind) {
          case 'bullmq-worker':
          case 'bull-queue':
            log = errorLog(target, `${name ?? 'queue'} job`, 'err', [{ key: 'jobId', value: 'job?.id' }]);
            break;
          case 'agenda':
            log = errorLog(target, 'agenda job', 'err', [{ key: 'job', value: 'job?.attrs?.name' }]);
            break;
          case 'worker-thread':
            log = errorLog(target, 'worker thread', 'err');
            break;
          default:
            log = errorLog(target, `${lastSegment(creation.receiverText ?? 'event')} emitter`, 'err');
        }
        const listener = `.on('${event}', ${spec.params} => ${log})`;
        if (creation.insertAfter) {
          return fixer.insertTextAfter(creation.insertAfter, `\n${lineIndent(context, creation.insertAfter)}${creation.receiverText}${listener};`);
        }
        return fixer.insertTextAfter(creation.appendTo!, listener);
      };
      const canFix = creation.insertAfter !== null || creation.appendTo !== null;
      const messageId: MessageIds = spec.kind === 'failure' ? 'missingFailureListener' : 'missingErrorListener';
      const consequence =
        creation.kind === 'worker-thread'
          ? 'an uncaught exception in the thread is rethrown in the main thread and crashes the process with no context'
          : "emit('error') with no listener throws and crashes the process";
      reportWithFix(
        { node: creation.node, messageId, data: { what, event, receiver, consequence } },
        'addListener',
        { event },
        canFix ? build : null,
      );
    }

    // ------------------------------------------------------------------ listeners

    function onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      for (const cb of getBackgroundCallbacks(context, node, extraApis)) {
        checkCallback(cb);
        if (cb.kind === 'job' && node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
          const key = keyOf(node.callee.object);
          if (key !== null) usageOf(key).processors.push(cb.argument);
        }
      }
      if (node.type === AST_NODE_TYPES.NewExpression || (node.callee.type === AST_NODE_TYPES.Identifier && node.parent.type !== AST_NODE_TYPES.ExpressionStatement)) {
        recordCreation(node);
      }
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getPropertyName(node.callee);
      if (method === null) return;
      if (LISTENER_METHODS.has(method) && node.arguments.length >= 2) {
        const event = getStringValue(node.arguments[0]);
        const key = event !== null ? keyOf(node.callee.object) : null;
        if (key !== null) usageOf(key).listeners.push({ event: event!, listener: node.arguments[1]! });
      } else if (method === 'emit' && getStringValue(node.arguments[0]) === 'error') {
        const key = keyOf(node.callee.object);
        if (key !== null) usageOf(key).emitsError = true;
      }
    }

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      ExpressionStatement(node) {
        checkFloating(node, node.expression);
      },
      'ArrowFunctionExpression > UnaryExpression.body[operator="void"]'(node: TSESTree.UnaryExpression) {
        checkFloating(node, node);
      },
      'MemberExpression[object.type="ThisExpression"]'(node: TSESTree.MemberExpression) {
        if (!isEscapingReference(node)) return;
        const parent = node.parent;
        if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return;
        const key = keyOf(node);
        if (key !== null) usageOf(key).escapes = true;
      },
      'Program:exit': checkCreations,
    };
  },
});

