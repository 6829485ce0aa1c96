import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../../src/model/ast.js';
import { describe, expect, it } from 'vitest';
import { insertBeforeStatement } from '../../src/fixes/edits.js';
import { addErrorFix, handlerLogMessage, insertLogFix, raiseLevelFix } from '../../src/fixes/error-handler-log.js';
import { CONSOLE_TARGET } from '../../src/fixes/log-target.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { applyFixes, probe, reportFix } from '../helpers/probe.js';

/** A fix function as reportFix takes it (ours return arrays or single fixes, never iterators). */
const asFix = (fix: TSESLint.ReportFixFunction) => (fixer: TSESLint.RuleFixer) => fix(fixer) as TSESLint.RuleFix | TSESLint.RuleFix[] | null;

/** Run `build` at every call in `code` and apply the fixes it reports. */
function fixAtLogs(code: string, build: (context: Context, node: TSESTree.CallExpression) => void): string {
  const messages = probe(code, (context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      build(context, node);
    },
  }));
  return applyFixes(code, messages);
}

describe('addErrorFix', () => {
  it('puts the error into a pino call, a console call and a winston call in their styles', () => {
    const code = "function h(err) { log.error('failed'); console.error('failed'); }";
    const out = fixAtLogs(code, (context, node) => {
      const call = getLoggerCall(context, node);
      const fix = call && addErrorFix(context, call, 'err');
      if (fix) reportFix(context, node, asFix(fix));
    });
    expect(out).toBe("function h(err) { log.error({ err }, 'failed'); console.error('failed', err); }");
  });

  it('leaves a pino call that already has an err key, and spread arguments', () => {
    const code = "function h(err) { log.error({ err: other }, 'failed'); console.error(...args); }";
    const out = fixAtLogs(code, (context, node) => {
      const call = getLoggerCall(context, node);
      const fix = call && addErrorFix(context, call, 'err');
      if (fix) reportFix(context, node, asFix(fix));
    });
    expect(out).toBe(code);
  });
});

describe('raiseLevelFix', () => {
  it('renames a level method to error', () => {
    const code = "logger.warn({ err }, 'x'); console.log(err);";
    const out = fixAtLogs(code, (context, node) => {
      const fix = raiseLevelFix(node);
      if (fix) reportFix(context, node, asFix(fix.fix));
    });
    expect(out).toBe("logger.error({ err }, 'x'); console.error(err);");
  });

  it('not an error call, a computed method, or winston-style log(level, …) on another object', () => {
    const code = "logger.error(err); logger[level](err); winstonish.log('info', err);";
    expect(fixAtLogs(code, (context, node) => {
      const fix = raiseLevelFix(node);
      if (fix) reportFix(context, node, asFix(fix.fix));
    })).toBe(code);
  });
});

describe('insertLogFix and insertBeforeStatement', () => {
  it('names a missing catch parameter and logs first (one-line blocks stay on one line); turns an arrow body into a block', () => {
    const code = 'try { a(); } catch { cleanup(); }\nconst h = (err, req, res, next) => res.sendStatus(500);';
    const messages = probe(code, (context) => ({
      CatchClause(node: TSESTree.CatchClause) {
        const fix = insertLogFix(context, node, node.body, null, false, CONSOLE_TARGET, (name) => `console.error('failed', ${name})`);
        if (fix) reportFix(context, node, asFix(fix));
      },
      ArrowFunctionExpression(node: TSESTree.ArrowFunctionExpression) {
        const fix = insertLogFix(context, node, node.body, 'err', true, CONSOLE_TARGET, (name) => `console.error('failed', ${name})`);
        if (fix) reportFix(context, node, asFix(fix));
      },
    }));
    expect(applyFixes(code, messages)).toBe(
      "try { a(); } catch (err) { console.error('failed', err); cleanup(); }\nconst h = (err, req, res, next) => {\n  console.error('failed', err);\n  return res.sendStatus(500);\n};",
    );
  });

  it('no fix when the error parameter is a pattern', () => {
    probe('function h({ message }) {}', (context) => ({
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        expect(insertLogFix(context, node, node.body, null, true, CONSOLE_TARGET, () => 'x')).toBeNull();
      },
    }));
  });

  it('inserts before a statement in a block, and braces a bare branch', () => {
    const code = 'function h(err) {\n  if (a) return next();\n  return res.end();\n}';
    const messages = probe(code, (context) => ({
      ReturnStatement(node: TSESTree.ReturnStatement) {
        reportFix(context, node, (fixer) => insertBeforeStatement(context, fixer, node, 'log(err);'));
      },
    }));
    expect(applyFixes(code, messages)).toBe('function h(err) {\n  if (a) { log(err); return next(); }\n  log(err);\n  return res.end();\n}');
  });
});

describe('handlerLogMessage', () => {
  it('names the crash for process handlers and the handler otherwise', () => {
    expect(handlerLogMessage('process', 'uncaughtException', 'process handler')).toBe('uncaught exception');
    expect(handlerLogMessage('process', 'unhandledRejection', 'process handler')).toBe('unhandled rejection');
    expect(handlerLogMessage('express', null, 'Express error handler')).toBe('unhandled error reached the Express error handler');
    expect(handlerLogMessage('server', 'error', "server 'error' listener")).not.toContain('unhandled');
  });
});
