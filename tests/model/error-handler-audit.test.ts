import { describe, expect, it } from 'vitest';
import type { AnyFunction, Context } from '../../src/model/ast.js';
import { type ErrorHandlerAudit, auditLogsError, caughtAndLogged, errorNameMatches, getErrorHandlerAudit } from '../../src/model/error-handler-audit.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { getLoggerCall } from '../../src/model/loggers.js';
import { probe } from '../helpers/probe.js';

/** The audits of the file's functions (null where a function audits nothing), and `ask` answered for each audit. */
function audits(code: string, ask: (context: Context, audit: ErrorHandlerAudit) => unknown, ts = false): unknown[] {
  const out: unknown[] = [];
  probe(
    code,
    (context: Context) => ({
      ':function'(fn: AnyFunction) {
        const audit = getErrorHandlerAudit(context, fn);
        out.push(audit ? ask(context, audit) : null);
      },
    }),
    { ts },
  );
  return out;
}

describe('getErrorHandlerAudit and auditLogsError', () => {
  it('an Express error middleware that warns on client errors audits a 401, not a 500', () => {
    const code = "import pino from 'pino'; const logger = pino(); app.use((err, req, res, next) => { if (err.status < 500) logger.warn({ err }, 'client error'); res.status(err.status).end(); });";
    expect(audits(code, (context, audit) => [auditLogsError(context, audit, 'UnauthorizedError', 401), auditLogsError(context, audit, null, 500)])).toEqual([[true, false]]);
  });

  it('an error middleware that logs only at info, and a route handler, audit nothing', () => {
    const code = "import pino from 'pino'; const logger = pino(); app.use((err, req, res, next) => { logger.info({ err }); next(err); }); app.get('/', (req, res) => { logger.error('x'); });";
    expect(audits(code, () => 'audit')).toEqual([null, null]);
  });

  it('a Nest filter audits only what its @Catch names', () => {
    const code = [
      "import { Catch, ExceptionFilter, Logger, UnauthorizedException } from '@nestjs/common';",
      '@Catch(UnauthorizedException)',
      'export class AuthFilter implements ExceptionFilter {',
      '  private readonly logger = new Logger(AuthFilter.name);',
      '  catch(exception: UnauthorizedException, host: any) { this.logger.warn(exception.message); }',
      '}',
    ].join('\n');
    expect(audits(code, (context, audit) => [auditLogsError(context, audit, 'UnauthorizedException', 401), auditLogsError(context, audit, 'ForbiddenException', 403)], true)).toEqual([[true, false]]);
  });
});

describe('errorNameMatches', () => {
  it('by full path, last segment, and HttpException for every …Exception', () => {
    expect(errorNameMatches(['UnauthorizedException'], 'UnauthorizedException')).toBe(true);
    expect(errorNameMatches(['errors.AuthError'], 'AuthError')).toBe(true);
    expect(errorNameMatches(['HttpException'], 'ForbiddenException')).toBe(true);
  });
  it('not other names, nor an unnamed error', () => {
    expect(errorNameMatches(['UnauthorizedException'], 'ForbiddenException')).toBe(false);
    expect(errorNameMatches(['HttpException'], 'createError')).toBe(false);
    expect(errorNameMatches(['HttpException'], null)).toBe(false);
  });

  it('caughtAndLogged: a throw in a try whose catch logs it, unless the catch rules its status out', () => {
    const code = [
      "import pino from 'pino'; const logger = pino();",
      'async function a() { try { if (!user) throw new ForbiddenException(); } catch (e) { if (e instanceof ForbiddenException) logger.warn("denied"); throw e; } }',
      'async function b() { try { if (!user) throw new UnauthorizedException(); } catch (e) { if (e instanceof ForbiddenException) logger.warn("denied"); throw e; } }',
      'async function c() { try { work(); } catch (e) { logger.warn("failed"); throw new ForbiddenException(); } }',
    ].join('\n');
    const out: boolean[] = [];
    probe(code, (context: Context) => ({
      ThrowStatement(node: TSESTree.ThrowStatement) {
        if (node.argument.type !== 'NewExpression') return;
        const status = /Unauthorized/u.test(context.sourceCode.getText(node)) ? 401 : 403;
        out.push(caughtAndLogged(context, node, status, (call) => getLoggerCall(context, call) !== null));
      },
    }));
    expect(out).toEqual([true, false, false]);
  });
});
