import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createRule } from '../core/create-rule.js';
import { planFix, remedyText } from '../fixes/structured-log-fields.js';
import { type ConstraintFinder, createConstraintFinder } from '../model/constrained-values.js';
import { type ExprPiece, composedInit, findMessageIndex, isComposedString, logCallStyle, messageValue, rawPrintedArguments, toPieces } from '../model/log-messages.js';
import { writesJsonLines } from '../model/log-formats.js';
import { type LoggerCall, getLoggerCall } from '../model/loggers.js';
import { type RequestInputOrigin, createRequestInputTracker } from '../model/request-input.js';

export type Options = [{ sanitizers?: string[]; includeHeaders?: boolean; includeJsonLoggers?: boolean }];
export type MessageIds = 'injection' | 'useFields';

const ORIGIN_TEXT: Record<RequestInputOrigin, string> = {
  query: 'the query string',
  params: 'the route parameters',
  body: 'the request body',
  headers: 'a request header',
  cookies: 'a cookie',
  message: 'a WebSocket message',
  rpc: 'a microservice message',
  args: 'the GraphQL arguments',
};

export default createRule<Options, MessageIds>({
  name: 'no-log-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input interpolated or concatenated into log messages',
      recommended: 'recommended',
      cwe: ['CWE-117'],
      owasp: ['A09:2025'],
      strictOptions: { includeJsonLoggers: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      injection:
        '`{{expression}}` comes from {{origin}} and is written into the log message, so a client can forge log lines with CR/LF characters. Log it as a structured field instead: {{remedy}}.',
      useFields: 'Move the request input into structured fields: {{remedy}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Allow request input passed through these sanitizers (names or member paths such as `sanitizeLog`, `utils.clean`; an entry without a dot also matches methods of that name).',
          },
          includeHeaders: {
            type: 'boolean',
            description:
              "Disallow request header values in log messages too. Off by default: Node's HTTP parser (and the Fetch `Headers` class) rejects CR, LF and other control characters in header values, so a header cannot forge a line unless the app decodes it (`decodeURIComponent(header)` is always reported). Turn on for servers run with `insecureHTTPParser` or behind a parser that is not as strict.",
          },
          includeJsonLoggers: {
            type: 'boolean',
            description:
              'Disallow request input in the messages of loggers that write JSON lines too (pino, bunyan, Fastify\'s request logger, winston with its default or a `json()` format, Nest\'s `ConsoleLogger` with `json: true`). Off by default: such a logger escapes CR/LF inside the JSON string, so the value cannot start a forged line. On in `strict`: a log viewer that prints the message unescaped still shows the line break.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sanitizers: [], includeHeaders: false, includeJsonLoggers: false }],
  },
  create(context, [options]) {
    // The finder needs the tracker and the tracker asks the finder about helpers' call sites.
    let constraints: ConstraintFinder | null = null;
    const tracker = createRequestInputTracker(context, {
      sanitizers: options.sanitizers ?? [],
      isConstrained: (node) => constraints?.isConstrained(node) === true,
    });
    constraints = createConstraintFinder(context, tracker);
    const finder = constraints;
    const includeHeaders = options.includeHeaders === true;
    const includeJsonLoggers = options.includeJsonLoggers === true;
    /** A JSON-lines logger escapes CR/LF in the message: no forged line (asked only for a call about to be reported). */
    const escapesLines = (call: LoggerCall): boolean => !includeJsonLoggers && writesJsonLines(context, call);
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const call = getLoggerCall(context, node);
        if (!call || call.via !== 'logger') return;
        const args = call.args;
        if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
        const messageIndex = findMessageIndex(args);
        const message = args[messageIndex];
        if (!message) return;
        const direct = isComposedString(message);
        const composed = direct ? message : composedInit(context, message);
        if (!composed) {
          if (!checkHelperMessage(call, message)) checkPrintedRaw(call, messageIndex);
          return;
        }
        const pieces = toPieces(composed, tracker, context, includeHeaders, finder);
        if (!pieces) return;
        const tainted = pieces.filter((p): p is ExprPiece => p.kind === 'expr' && p.tainted);
        if (tainted.length === 0 || escapesLines(call)) return;
        const first = tainted[0]!;
        const style = logCallStyle(context, call);
        const plan = direct ? planFix(context, call, messageIndex, pieces, style.style) : null;
        const remedy = plan ? plan.preview : remedyText(call, style.style);
        const origin = tracker.classify(first.node)?.origin ?? null;
        context.report({
          // The input inside the call, or the message variable when it was built earlier.
          node: direct ? first.node : message,
          messageId: 'injection',
          data: {
            expression: shorten(sourceCode.getText(first.node)),
            origin: origin ? ORIGIN_TEXT[origin] : 'the request',
            remedy,
          },
          fix: plan && style.known ? plan.fix : null,
          suggest: plan ? [{ messageId: 'useFields', data: { remedy }, fix: plan.fix }] : [],
        });
      },
    };

    /**
     * `log.info(fmt(req.query.u))` with `const fmt = (u) => \`user ${u}\``: the message is built by a
     * same-file helper around the input. Reported at the input, without a fix (the helper's other
     * callers need its text).
     */
    function checkHelperMessage(call: LoggerCall, message: TSESTree.Node): boolean {
      // const line = describeLogin(req.body.username); logger.warn(line)
      const n = messageValue(context, message);
      if (n.type !== AST_NODE_TYPES.CallExpression) return false;
      for (const arg of tracker.helperTextArguments(n)) {
        if (reportFirstTainted(call, arg)) return true;
      }
      return false;
    }

    /**
     * Report the first piece of `arg` that came from the request, without a fix (the shape that keeps
     * it apart depends on the logger); whether one was reported.
     */
    function reportFirstTainted(call: LoggerCall, arg: TSESTree.Node): boolean {
      const pieces = toPieces(arg, tracker, context, includeHeaders, finder);
      const tainted = pieces?.find((p): p is ExprPiece => p.kind === 'expr' && p.tainted);
      if (!tainted) return false;
      if (escapesLines(call)) return true;
      const origin = tracker.classify(tainted.node)?.origin ?? null;
      context.report({
        node: tainted.node,
        messageId: 'injection',
        data: {
          expression: shorten(sourceCode.getText(tainted.node)),
          origin: origin ? ORIGIN_TEXT[origin] : 'the request',
          remedy: remedyText(call, logCallStyle(context, call).style),
        },
      });
      return true;
    }

    /**
     * `console.log('login by', req.body.user)`, `logger.info('login by %s', req.body.user)`: console
     * and printf-style formatting print string arguments after the first as they are, so they are
     * message text that can carry a line break, not quoted data. Reported without a fix (which
     * shape keeps the value apart depends on the logger).
     */
    function checkPrintedRaw(call: LoggerCall, messageIndex: number): void {
      for (const arg of rawPrintedArguments(call, messageIndex)) {
        if (reportFirstTainted(call, arg)) return;
      }
    }
  },
});

function shorten(text: string): string {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
