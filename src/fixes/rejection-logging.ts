/**
 * Edits that make background work log its failures: a `.catch` that logs appended to a promise,
 * a callback body wrapped in try/catch that logs, a function reference wrapped in an arrow that
 * catches, and a failure / `'error'` listener added to a job runner or emitter. Each builder takes
 * the log target and returns the fix; the caller decides between autofix and suggestion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, getStringValue, lastSegment, skipTransparent } from '../model/ast.js';
import type { RunnerCreation } from '../model/runner-listeners.js';
import { indentUnit, lineIndent } from './edits.js';
import { type LogField, type LogTarget, buildLogCall } from './log-call.js';
import { chooseUnusedName } from './names.js';

export type FixBuilder = (target: LogTarget) => TSESLint.ReportFixFunction;

const ERROR_NAMES = ['err', 'error', 'caughtError'];

/** `logger.error(…)` text that logs `err` as the failure of `label` (`poll failed`). */
export function errorLogText(target: LogTarget, label: string, err: string, fields?: LogField[]): string {
  return buildLogCall(target, { level: 'error', message: `${label} failed`, error: err, fields });
}

/** `promise` → `promise.catch((err) => logger.error(…))`. */
export function appendCatchFix(context: Context, node: TSESTree.Node, label: string): FixBuilder {
  return (target) => (fixer) => {
    const err = chooseUnusedName(context, node, node, ERROR_NAMES);
    return fixer.insertTextAfter(node, `.catch((${err}) => ${errorLogText(target, label, err)})`);
  };
}

/**
 * Wrap the callback's body in try/catch that logs. `exitOnFailure`: the listener serves a
 * supervisor (a child process's or worker's `message` channel) — the catch also sets
 * `process.exitCode = 1`, so the failure still shows in the exit status the parent sees.
 */
export function wrapInTryCatchFix(context: Context, fn: AnyFunction, label: string, exitOnFailure = false): FixBuilder {
  const sourceCode = context.sourceCode;
  return (target) => (fixer) => {
    const unit = indentUnit(context);
    const body = fn.body;
    const err = chooseUnusedName(context, body, body, ERROR_NAMES);
    const statements = [`${errorLogText(target, label, err)};`, ...(exitOnFailure ? ['process.exitCode = 1;'] : [])];
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
export function wrapReferenceFix(context: Context, argument: TSESTree.Node, fn: AnyFunction, label: string): FixBuilder | null {
  const sourceCode = context.sourceCode;
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
    const err = chooseUnusedName(context, argument, argument, ERROR_NAMES);
    return fixer.replaceText(argument, `() => ${calleeText}().catch((${err}) => ${errorLogText(target, label, err)})`);
  };
}

/** The listener's parameters, in the order each runner passes them. */
const LISTENER_PARAMS: Record<RunnerCreation['kind'], string> = {
  'bullmq-worker': '(job, err)',
  'bull-queue': '(job, err)',
  agenda: '(err, job)',
  'worker-thread': '(err)',
  'event-emitter': '(err)',
  'queue-events': '(args)',
};

/**
 * `worker.on('failed', (job, err) => logger.error(…))` after the statement that creates the runner,
 * or appended to the creation itself. Null when neither place exists.
 */
export function addFailureListenerFix(context: Context, creation: RunnerCreation, event: string): FixBuilder | null {
  if (creation.insertAfter === null && creation.appendTo === null) return null;
  const name = getStringValue(creation.node.arguments[0]);
  return (target) => (fixer) => {
    let log: string;
    switch (creation.kind) {
      case 'bullmq-worker':
      case 'bull-queue':
        log = errorLogText(target, `${name ?? 'queue'} job`, 'err', [{ key: 'jobId', value: 'job?.id' }]);
        break;
      case 'agenda':
        log = errorLogText(target, 'agenda job', 'err', [{ key: 'job', value: 'job?.attrs?.name' }]);
        break;
      case 'worker-thread':
        log = errorLogText(target, 'worker thread', 'err');
        break;
      default:
        log = errorLogText(target, `${lastSegment(creation.receiverText ?? 'event')} emitter`, 'err');
    }
    const listener = `.on('${event}', ${LISTENER_PARAMS[creation.kind]} => ${log})`;
    if (creation.insertAfter) {
      return fixer.insertTextAfter(creation.insertAfter, `\n${lineIndent(context, creation.insertAfter)}${creation.receiverText}${listener};`);
    }
    return fixer.insertTextAfter(creation.appendTo!, listener);
  };
}
