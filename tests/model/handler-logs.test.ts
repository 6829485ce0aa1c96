import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { AnyFunction } from '../../src/model/ast.js';
import { getBoundVariables } from '../../src/model/errors.js';
import { classifyHandlerLog } from '../../src/model/handler-logs.js';
import { probe } from '../helpers/probe.js';

/** The kind `classifyHandlerLog` gives the first statement-level call of each handler `(err, req, res, next) => { call; }` in `code`. */
function kinds(code: string, anyForm = false): (string | null)[] {
  const out: (string | null)[] = [];
  probe(code, (context) => ({
    'ArrowFunctionExpression[params.length=4]'(fn: AnyFunction) {
      const body = fn.body as TSESTree.BlockStatement;
      let statement = body.body[0]!;
      if (statement.type === AST_NODE_TYPES.IfStatement) statement = statement.consequent;
      const call = (statement as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
      out.push(classifyHandlerLog(context, call, body, getBoundVariables(context, fn.params[0]!), anyForm)?.kind ?? null);
    },
  }));
  return out;
}

describe('classifyHandlerLog', () => {
  it('log calls: whole error at error level records; lower level, text only, no error, development only do not', () => {
    expect(
      kinds(`
        app.use((err, req, res, next) => { console.error(err); });
        app.use((err, req, res, next) => { console.info(err); });
        app.use((err, req, res, next) => { console.error(err.message); });
        app.use((err, req, res, next) => { console.error('request failed'); });
        app.use((err, req, res, next) => { if (process.env.NODE_ENV === 'development') console.error(err); });
        app.use((err, req, res, next) => { res.status(500).end(); });
      `),
    ).toEqual(['records', 'lowLevel', 'textOnly', 'noError', 'devOnly', null]);
  });

  it('a security-audit call handed the error in any form records it; one without the error is no record', () => {
    expect(
      kinds(`
        app.use((err, req, res, next) => { log.audit({ event: 'auth.login.fail.oauth', error: err.toString() }); });
        app.use((err, req, res, next) => { this.auditService.record('failed', err); });
        app.use((err, req, res, next) => { log.audit({ event: 'api.error', path: req.path }); });
        app.use((err, req, res, next) => { if (isDev) log.audit({ error: err }); });
        app.use((err, req, res, next) => { auditLog.findEntries(err); });
      `),
    ).toEqual(['records', 'records', null, 'devOnly', null]);
  });

  it('console printing the whole error, then the end of the process on its path (a later statement of its block or an enclosing one), records it; a leveled logger, only the text, no exit, a return before it, or an exit in a callback do not', () => {
    expect(
      kinds(`
        app.use((err, req, res, next) => { console.log(err.stack || err); process.exit(1); });
        app.use((err, req, res, next) => { console.info(err); cleanup(); return process.exit(1); });
        app.use((err, req, res, next) => { logger.info(err); process.exit(1); });
        app.use((err, req, res, next) => { console.log(err.message); process.exit(1); });
        app.use((err, req, res, next) => { console.log(err); state.failed = true; });
        app.use((err, req, res, next) => { if (err) console.log(err); process.exit(1); });
      `),
    ).toEqual(['records', 'records', 'lowLevel', 'textOnly', 'lowLevel', 'records']);
    // the first console.log call of each handler, wherever it sits
    const consoleLogs: (string | null)[] = [];
    probe(
      `
        process.on('uncaughtException', (e) => { if (e.code === 'EADDRINUSE') { console.log('port in use'); } else { console.log(e.stack || e); } process.exit(1); });
        process.on('uncaughtException', (e) => { if (e.fatal) { console.log(e); return; } process.exit(1); });
        process.on('uncaughtException', (e) => { console.log(e); setTimeout(() => { process.exit(1); }); });
      `,
      (context) => ({
        'CallExpression[callee.property.name="on"] > ArrowFunctionExpression'(fn: AnyFunction) {
          const errorVars = getBoundVariables(context, fn.params[0]!);
          const body = fn.body as TSESTree.BlockStatement;
          let found: string | null = null;
          const visit = (node: TSESTree.Node): void => {
            if (found !== null || !node || typeof node !== 'object') return;
            if (node.type === AST_NODE_TYPES.CallExpression && context.sourceCode.getText(node.callee) === 'console.log' && node.arguments.some((a) => context.sourceCode.getText(a).startsWith('e'))) {
              found = classifyHandlerLog(context, node, body, errorVars, false)?.kind ?? null;
              return;
            }
            for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
              const child = (node as unknown as Record<string, TSESTree.Node | TSESTree.Node[] | null>)[key];
              if (Array.isArray(child)) child.forEach(visit);
              else if (child) visit(child);
            }
          };
          visit(body);
          consoleLogs.push(found);
        },
      }),
    );
    expect(consoleLogs).toEqual(['records', 'lowLevel', 'lowLevel']);
  });

  it('anyForm: a server listener error counts in any form', () => {
    expect(kinds(`server.on('error', (err, a, b, c) => { console.error(err.message); });`, true)).toEqual(['records']);
  });
});
