import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { rejectAuthFailureFix } from '../../src/fixes/auth-rejection.js';
import { limiterHookFix } from '../../src/fixes/rate-limit-hook.js';
import { getEnclosingFunction } from '../../src/model/ast.js';
import { getAuthFunction } from '../../src/model/auth-steps.js';
import { getRateLimiterCreation } from '../../src/model/rate-limits.js';
import { type ProbeOptions, applyFixes, probe, reportFix } from '../helpers/probe.js';

const pino = { 'security-logging': { logger: { name: 'logger', style: 'pino', importFrom: './logger' } } };

describe('rejectAuthFailureFix', () => {
  /** The fix for the pass-through statement `next();` / `return true;` in the catch of the file's auth step. */
  function reject(code: string, options: ProbeOptions = {}): { how: string; output: string } | null {
    let how: string | null = null;
    const messages = probe(code, (context) => ({
      'CatchClause ExpressionStatement, CatchClause ReturnStatement'(node: TSESTree.Node) {
        const fn = getEnclosingFunction(node)!;
        const auth = getAuthFunction(context, fn);
        if (!auth) return;
        const made = rejectAuthFailureFix(context, node, auth, 'err');
        if (made) {
          how = made.how;
          reportFix(context, node, made.fix as never);
        }
      },
    }), options);
    return how === null ? null : { how, output: applyFixes(code, messages) };
  }

  it('answers 401 from middleware and logs with the configured logger, imported', () => {
    const code = 'export function requireAuth(req, res, next) {\n  try {\n    req.user = jwt.verify(token, key);\n  } catch (err) {\n    next();\n  }\n}';
    const r = reject(code, { settings: pino });
    expect(r?.how).toBe('401');
    expect(r?.output).toBe("import { logger } from './logger';\nexport function requireAuth(req, res, next) {\n  try {\n    req.user = jwt.verify(token, key);\n  } catch (err) {\n    logger.warn({ err }, 'Authentication failed');\n    return res.status(401).json({ error: 'Unauthorized' });\n  }\n}");
  });

  it('throws UnauthorizedException from a Nest guard, importing it', () => {
    const code = "import { Injectable } from '@nestjs/common';\nexport class JwtGuard {\n  canActivate(ctx) {\n    try {\n      return verify(ctx);\n    } catch (err) {\n      return true;\n    }\n  }\n}";
    const r = reject(code);
    expect(r?.how).toBe('UnauthorizedException (401)');
    expect(r?.output).toContain("import { UnauthorizedException } from '@nestjs/common';");
    expect(r?.output).toContain("console.warn('Authentication failed', err);\n      throw new UnauthorizedException();");
  });

  it('makes no fix where the pass-through is not a whole statement in a block', () => {
    expect(reject('export function requireAuth(req, res, next) { try { verify(); } catch (err) { if (x) next(); } }')).toBeNull();
  });
});

describe('limiterHookFix', () => {
  /** The hook fix of the file's first rate limiter, applied. */
  function hook(code: string, options: ProbeOptions = {}): { call: string; configured: boolean; output: string } | null {
    let made: { call: string; configured: boolean } | null = null;
    const messages = probe(code, (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const creation = made ? null : getRateLimiterCreation(context, node);
        const fix = creation ? limiterHookFix(context, creation) : null;
        if (fix) {
          made = { call: fix.call, configured: fix.target.configured };
          reportFix(context, node, fix.fix as never);
        }
      },
    }), options);
    return made === null ? null : { ...(made as { call: string; configured: boolean }), output: applyFixes(code, messages) };
  }

  it('gives express-rate-limit a handler that logs and answers as the default does', () => {
    const r = hook("import rateLimit from 'express-rate-limit';\nexport const limiter = rateLimit({ windowMs: 60000, limit: 100 });", { settings: pino });
    expect(r?.call).toBe('logger.warn');
    expect(r?.configured).toBe(true);
    expect(r?.output).toContain("handler: async (req, res, _next, options) => {\n    logger.warn(");
    expect(r?.output).toContain('res.status(options.statusCode);');
    expect(r?.output.startsWith("import rateLimit from 'express-rate-limit';\nimport { logger } from './logger';\n")).toBe(true);
  });

  it("gives @fastify/rate-limit an onExceeded hook with request.log when no logger is configured", () => {
    const r = hook("import rateLimit from '@fastify/rate-limit';\nawait app.register(rateLimit, { max: 100, timeWindow: '1 minute' });");
    expect(r?.call).toBe('request.log.warn');
    expect(r?.configured).toBe(false);
    expect(r?.output).toContain(", onExceeded: (request, key) => {\n");
  });

  it('makes no fix for koa-ratelimit in TypeScript or for options it cannot see', () => {
    expect(hook("import ratelimit from 'koa-ratelimit';\napp.use(ratelimit({ driver: 'memory', db: new Map(), max: 10 }));", { ts: true })).toBeNull();
    expect(hook("import rateLimit from 'express-rate-limit';\nexport const limiter = rateLimit(limiterOptions);")).toBeNull();
  });
});
