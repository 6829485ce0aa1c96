import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../core/create-rule.js';
import { buildFix, findRequestId, genericMessage, planLog } from '../fixes/generic-response.js';
import { getClientChannelSink, getResultObjectSink } from '../model/client-channels.js';
import { isGuarded } from '../model/error-exposure.js';
import { type Leak, type LeakForm, collectLeaks, mayCarryLeak } from '../model/error-leaks.js';
import { getExposedErrorSink } from '../model/exposed-errors.js';
import { runsOnlyWithoutNext } from '../model/framework-next.js';
import { servesOnlyLocalProcesses } from '../model/local-servers.js';
import { type ResponseSink, getErrorHelperSink, getResponseSink, getReturnSink } from '../model/responses.js';

export type Options = [];
export type MessageIds = 'detailsInResponse' | 'sendGeneric';

const FORM_TEXT: Record<LeakForm, (name: string) => string> = {
  message: (name) => `\`${name}.message\` of an error this code did not create`,
  stack: (name) => `The stack trace \`${name}.stack\``,
  whole: (name) => `The whole error object \`${name}\``,
  string: (name) => `The text of \`${name}\` (its class and message)`,
};

/**
 * Whether some argument of the call (or the assigned value) may carry an error's details (mayCarryLeak: not a
 * literal, `this`, a function, `new X()`, a comparison, `req.body`, …). Every sink's payload is one of the
 * arguments (never a spread one) or a property of an object literal given as one, or the assigned value.
 */
function carriesValue(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): boolean {
  if (node.type === 'AssignmentExpression') return mayCarryLeak(node.right);
  for (const argument of node.arguments) if (mayCarryLeak(argument)) return true;
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-error-details-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending error messages, stacks or error objects of unexpected errors to the client',
      recommended: 'recommended',
      cwe: ['CWE-209'],
      owasp: ['A10:2025'],
    },
    hasSuggestions: true,
    messages: {
      detailsInResponse:
        '{{what}} is sent to the client by {{sink}}. It can reveal internals (SQL, file paths, hosts, library versions) to an attacker. Send a generic message{{idHint}} and log the error on the server.',
      sendGeneric: "Send '{{generic}}'{{idHint}} instead{{logHint}}.",
    },
    schema: [],
  },
  create(context) {
    const checkSink = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression) =>
      // Every sink's payload is one of the node's arguments (or a property of one), or an assignment's value: when
      // none may carry an error's details (or there is none), no sink's payload can, whatever the sink: no look-up.
      carriesValue(node) &&
      check(
        getResponseSink(context, node) ??
          (node.type === 'CallExpression' ? (getErrorHelperSink(context, node) ?? getClientChannelSink(context, node)) : null) ??
          (node.type !== 'AssignmentExpression' ? getExposedErrorSink(context, node) : null),
      );
    const check = (sink: ResponseSink | null) => {
      if (!sink) return;
      const leaks: Leak[] = [];
      for (const payload of sink.payload) collectLeaks(context, payload, sink, leaks);
      const open = leaks.filter((leak) => !isGuarded(context, leak, sink.status));
      // A server on a run-time loopback port answers only processes the app gives its address to
      // (a walk of the whole file, asked last: only where an error's details would be reported).
      // `next ? next(err) : res.json(err)` in an Express handler: the framework always gives `next`, the answer never runs.
      if (open.length === 0 || runsOnlyWithoutNext(context, sink.node) || servesOnlyLocalProcesses(context)) return;
      const first = open[0]!;
      const requestId = findRequestId(context, sink.node);
      const generic = genericMessage(sink);
      const log = planLog(context, sink, first);
      const idHint = requestId ? ` with the request id (\`${requestId}\`)` : '';
      context.report({
        node: first.use,
        messageId: 'detailsInResponse',
        data: { what: FORM_TEXT[first.form](first.error.name), sink: sink.description, idHint: requestId ? ' with a request id' : '' },
        // A raw socket's payload is the whole HTTP answer, a redirect's the URL: a generic text in its place would break it.
        suggest: sink.raw || sink.url ? [] : [
          {
            messageId: 'sendGeneric',
            data: { generic, idHint, logHint: log ? ', and log the error on the server' : '' },
            fix: (fixer) => buildFix(context, fixer, sink, open, generic, requestId, log),
          },
        ],
      });
    };

    return {
      CallExpression: checkSink,
      NewExpression: checkSink,
      AssignmentExpression: checkSink,
      // A returned value that cannot carry an error (`return null`, `return this`, `return a === b`): no sink lookup.
      ReturnStatement: (node) => node.argument !== null && mayCarryLeak(node.argument) && check(getReturnSink(context, node)),
      ObjectExpression: (node) => check(getResultObjectSink(context, node)),
      // An expression body is what the arrow returns (a plain type listener: see background-task-error-handling).
      ArrowFunctionExpression(node) {
        if (node.expression && mayCarryLeak(node.body)) check(getReturnSink(context, node.body as TSESTree.Expression));
      },
    };
  },
});
