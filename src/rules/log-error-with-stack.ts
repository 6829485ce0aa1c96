import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTransparent } from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import type { LoggerStyle } from '../core/settings.js';
import { errorVariablesAround, findDroppedError, findHiddenError, findTextOnlyError } from '../model/error-log-mentions.js';
import { guessLoggerStyle, keepingShape, resolveLoggerStyle } from '../model/logger-styles.js';
import { getLoggerCall, isAtLeast } from '../model/loggers.js';
import { isCommandLineProgram } from '../model/command-line.js';
import { addErrorFix, moveHiddenErrorFix } from '../fixes/error-in-log.js';

export type Options = [{ reportExpectedFailures?: boolean; includeCommandLinePrograms?: boolean }];
export type MessageIds = 'stackLost' | 'errorHidden' | 'addError' | 'errorDropped';

export default createRule<Options, MessageIds>({
  name: 'log-error-with-stack',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require error logs to carry the error object, not only its message',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025', 'A10:2025'],
      strictOptions: { reportExpectedFailures: true, includeCommandLinePrograms: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      stackLost:
        'This error log keeps only the text of `{{name}}` ({{form}}), so the stack trace and the `cause` chain are lost. Pass the error object itself: {{remedy}}.',
      errorHidden:
        'This {{style}} logger prints `{{key}}: {{name}}` as `{}`: error properties are not enumerable and {{why}}. Pass it where the logger serializes errors: {{remedy}}.',
      addError: 'Pass the error object: {{remedy}}.',
      errorDropped:
        'This error log is written where the caught error is never used, so its message, stack trace and `cause` are all lost. Bind the error and pass it to the log.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          reportExpectedFailures: {
            type: 'boolean',
            description:
              'Require the error object also where the failure is an expected answer whose message says it all: a `try` that only releases a handle or writes to a connected peer (`res.end()`, `conn.close()`, `pty.kill()`, `socket.write(line)`, `worker.postMessage(msg)`) or only checks a password (`client.bind(dn, password)`, `bcrypt.compare(password, hash)`) or verifies a token (`jwt.verify(token, secret)`) or only makes one call into Node\'s file system, child processes or DNS (`fs.rmSync(dir)`, `execSync(cmd)`) or only pings or probes a connection (`client.ping()`, `this.probeHttpEndpoint(url)`) or only sends commands to a device on the network (`endpoint.read(cluster, attrs)`) or publishes to a broker (`client.publishAsync(topic, msg)`) or makes one command to a data store or network client, the log naming the step (`await this.client.get(key)`, `await qb.execute()`) or sits in a teardown (`dispose()`, `stopApp()`), the `\'error\'` event of a connection or a request stream (`socket.on(\'error\', …)`, `req.on(\'error\', …)`, `client.on(\'connection-error\', …)`), and an optional check for a newer version (`checkForUpdates()`, a changelog fetch). Off by default; `strict` turns it on.',
          },
          includeCommandLinePrograms: {
            type: 'boolean',
            description:
              'Require the error object also in command-line programs (a file starting with `#!` or in a `bin/` directory), whose error output goes to the operator\'s terminal. Off by default; `strict` turns it on.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportExpectedFailures: false, includeCommandLinePrograms: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reportExpected = options.reportExpectedFailures === true;
    // A command-line program's error output is read on the terminal by the operator who ran it.
    const textOnlyMatters = options.includeCommandLinePrograms === true || !isCommandLineProgram(context);

    return {
      CallExpression(node) {
        const call = getLoggerCall(context, node);
        if (!call || call.via !== 'logger' || !isAtLeast(call.level, 'error')) return;
        const callee = skipTransparent(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const resolved = resolveLoggerStyle(context, callee.object);
        const hidden = findHiddenError(context, call, resolved);
        if (hidden && resolved) {
          const fix = moveHiddenErrorFix(context, call, hidden, resolved);
          const remedy = keepingShape(resolved.style, sourceCode.getText(callee.object), call.method ?? 'error', hidden.name);
          context.report({
            node: hidden.property,
            messageId: 'errorHidden',
            data: { style: resolved.style, key: hidden.key, name: hidden.name, why: WHY_HIDDEN[resolved.style] ?? 'it has no serializer for that key', remedy },
            fix: fix && resolved.source !== 'convention' ? fix : null,
            suggest: fix ? [{ messageId: 'addError', data: { remedy }, fix }] : [],
          });
          return;
        }
        if (!textOnlyMatters) return;
        const found = findTextOnlyError(context, call, reportExpected);
        if (!found) {
          // `catch { logger.error('…') }`, `.catch(() => console.error('…'))`: the error itself is dropped.
          if (errorVariablesAround(context, node).some((v) => v.references.some((r) => r.identifier.range[0] >= node.range[0] && r.identifier.range[1] <= node.range[1]))) return;
          if (findDroppedError(context, call, reportExpected)) context.report({ node, messageId: 'errorDropped' });
          return;
        }
        const style = resolved
          ? { style: resolved.style, confident: resolved.source !== 'convention', errorKeys: resolved.errorKeys }
          : { ...guessLoggerStyle(call), errorKeys: null };
        const fix = addErrorFix(context, call, found.variable.name, style);
        const remedy = keepingShape(style.style, sourceCode.getText(callee.object), call.method ?? 'error', found.variable.name);
        context.report({
          node: found.use,
          messageId: 'stackLost',
          data: { name: found.variable.name, form: found.form, remedy },
          fix: fix && style.confident ? fix : null,
          suggest: fix ? [{ messageId: 'addError', data: { remedy }, fix }] : [],
        });
      },
    };
  },
});

const WHY_HIDDEN: Partial<Record<LoggerStyle, string>> = {
  pino: 'pino serializes errors only under `err` (or the `errorKey` / `serializers` keys given at creation)',
  bunyan: 'bunyan serializes errors only under keys its `serializers` name',
  winston: 'winston expands an Error only as the message or the meta argument itself',
};
