import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { planFix, remedyText } from '../../src/fixes/structured-log-fields.js';
import { createConstraintFinder } from '../../src/model/constrained-values.js';
import { toPieces } from '../../src/model/log-messages.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import type { LoggerStyle } from '../../src/core/settings.js';
import { applyFixes, probe, reportFix } from '../helpers/probe.js';

/** Plan the structured-fields fix for every log call in `code` (message first) in `style`; the fixed code and the previews. */
function plan(code: string, style: LoggerStyle): { output: string; previews: (string | null)[] } {
  const previews: (string | null)[] = [];
  const messages = probe(code, (context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const call = getLoggerCall(context, node);
      if (!call) return;
      const tracker = createRequestInputTracker(context);
      const pieces = toPieces(call.args[0]!, tracker, context, false, createConstraintFinder(context, tracker));
      const fix = pieces && planFix(context, call, 0, pieces, style);
      previews.push(fix?.preview ?? null);
      if (fix) reportFix(context, node, (fixer) => fix.fix(fixer) as TSESLint.RuleFix | TSESLint.RuleFix[] | null);
    },
  }));
  return { output: applyFixes(code, messages), previews };
}

describe('planFix', () => {
  const code = "app.get('/a', (req, res) => { logger.info(`login user=${req.query.user}`); });";
  it('pino: fields first, then the message', () => {
    expect(plan(code, 'pino').output).toBe("app.get('/a', (req, res) => { logger.info({ user: req.query.user }, 'login'); });");
  });
  it('winston: the message, then a meta object', () => {
    expect(plan(code, 'winston').output).toBe("app.get('/a', (req, res) => { logger.info('login', { user: req.query.user }); });");
  });
  it('no plan for console when the message keeps a % (console would read the object as a format argument)', () => {
    const percent = "app.get('/a', (req, res) => { console.log(`100% done for ${req.query.user}`); });";
    expect(plan(percent, 'console').previews).toEqual([null]);
  });
});

describe('remedyText', () => {
  it('shows the shape each logger keeps fields apart in', () => {
    const texts: string[] = [];
    probe("logger.info('x'); console.log('x');", (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const call = getLoggerCall(context, node);
        if (call) texts.push(remedyText(call, 'pino'), remedyText(call, 'winston'));
      },
    }));
    expect(texts).toEqual(["logger.info({ field }, 'message')", "logger.info('message', { field })", "console.log({ field }, 'message')", "console.log('message', { field })"]);
    expect(texts).not.toContain("logger.info(`message ${field}`)");
  });
});
