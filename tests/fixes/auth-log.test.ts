import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type Context, getEnclosingFunction } from '../../src/model/ast.js';
import { authFailureLogFix, describeCredentialFailure, handlerLogTarget, identityNeedsInlineHash, loginSuccessLogFix, raiseToWarn } from '../../src/fixes/auth-log.js';
import { findEnclosingHandler } from '../../src/model/handlers.js';
import { findLogAnchor } from '../../src/model/placement.js';
import { applyFixes, probe, reportFix } from '../helpers/probe.js';

/** A report fix function as the probe's `reportFix` takes it (the builders return arrays). */
const asFix = (fix: TSESLint.ReportFixFunction) => (fixer: TSESLint.RuleFixer) => fix(fixer) as TSESLint.RuleFix | TSESLint.RuleFix[] | null;

const CONFIGURED = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };

/** Apply, at each `deny(…)` call, the auth-failure log fix with the given reason. */
function withFailureLog(code: string, reason: 'invalid_credentials' | 'forbidden', settings: Record<string, unknown> = {}, mode: 'setting' | 'inline-hash' = 'setting'): string {
  const messages = probe(
    code,
    (context: Context) => ({
      'CallExpression[callee.name="deny"]'(node: TSESTree.CallExpression) {
        const region = getEnclosingFunction(node)!;
        const { anchor } = findLogAnchor(node, region);
        const handler = findEnclosingHandler(context, node);
        const target = handlerLogTarget(context, handler, anchor);
        reportFix(context, node, asFix(authFailureLogFix(context, { anchor, region, reason, handler }, target, mode)));
      },
    }),
    { settings },
  );
  return applyFixes(code, messages);
}

describe('authFailureLogFix and handlerLogTarget', () => {
  it('an express rejection logs reason and request fields with the request logger when nothing is configured', () => {
    const code = "app.get('/admin', (req, res) => {\n  if (!req.user.isAdmin) return deny(res);\n});";
    expect(withFailureLog(code, 'forbidden')).toBe(
      "app.get('/admin', (req, res) => {\n  if (!req.user.isAdmin) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return deny(res);\n  }\n});",
    );
  });

  it('a configured logger is imported; an arrow body becomes a block; a login names the failed login', () => {
    const code = "app.post('/login', (req, res) => deny(res));";
    const out = withFailureLog(code, 'invalid_credentials', CONFIGURED);
    expect(out).toContain("import { logger } from './logger';");
    expect(out).toContain("logger.warn({ reason: 'invalid_credentials', method: req.method");
    expect(out).toContain("'Login failed: invalid credentials');\n  return deny(res);\n}");
  });

  it('identity per settings: hashed inline only in the inline-hash mode', () => {
    const code = "app.post('/login', (req, res) => {\n  const email = req.body.email;\n  deny(res);\n});";
    expect(withFailureLog(code, 'invalid_credentials')).not.toContain('email)');
    const hashed = withFailureLog(code, 'invalid_credentials', {}, 'inline-hash');
    expect(hashed).toContain("emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16)");
    expect(hashed).toContain("import { createHash } from 'node:crypto';");
  });
});

describe('identityNeedsInlineHash', () => {
  function needs(code: string, settings: Record<string, unknown> = {}): boolean[] {
    const out: boolean[] = [];
    probe(code, (context: Context) => ({ 'CallExpression[callee.name="deny"]': (node: TSESTree.CallExpression) => out.push(identityNeedsInlineHash(context, node)) }), { settings });
    return out;
  }
  it('an identity in scope and no fingerprint helper', () => {
    expect(needs('function f(username) { deny(); }')).toEqual([true]);
  });
  it('no identity, or a fingerprint helper configured, or identity omitted', () => {
    expect(needs('function f(x) { deny(); }')).toEqual([false]);
    expect(needs('function f(username) { deny(); }', { 'security-logging': { fingerprint: { name: 'fingerprint', importFrom: './fp' } } })).toEqual([false]);
    expect(needs('function f(username) { deny(); }', { 'security-logging': { identity: 'omit' } })).toEqual([false]);
  });
});

describe('raiseToWarn', () => {
  it('raises a method call or a level argument to warn; nothing for a non-logger', () => {
    const code = "import pino from 'pino'; import winston from 'winston'; const logger = pino(); const wlog = winston.createLogger(); logger.info('denied'); wlog.log('info', 'denied'); report('x');";
    const out: (string | null)[] = [];
    const messages = probe(code, (context: Context) => ({
      'ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
        const raise = raiseToWarn(context, node);
        out.push(raise ? `${raise.from} → ${raise.to}` : null);
        if (raise) reportFix(context, node, asFix(raise.fix));
      },
    }));
    expect(out).toEqual(['logger.info → logger.warn', "'info' → 'warn'", null]);
    expect(applyFixes(code, messages)).toContain("logger.warn('denied'); wlog.log('warn', 'denied');");
  });
});

describe('loginSuccessLogFix', () => {
  function success(code: string, settings: Record<string, unknown> = {}): { out: string; autofix: boolean | null } {
    let autofix: boolean | null = null;
    const messages = probe(
      code,
      (context: Context) => ({
        'CallExpression[callee.property.name="json"]'(node: TSESTree.CallExpression) {
          const fix = loginSuccessLogFix(context, node);
          autofix = fix?.autofix ?? null;
          if (fix) reportFix(context, node, asFix(fix.fix));
        },
      }),
      { settings },
    );
    return { out: applyFixes(code, messages), autofix };
  }
  it('logs an opaque user id with IP and user agent; an autofix with a configured logger', () => {
    const { out, autofix } = success("app.post('/login', async (req, res) => {\n  const userId = await check(req);\n  res.json({ ok: true });\n});", CONFIGURED);
    expect(out).toContain("logger.info({ userId, ip: req.ip, userAgent: req.headers['user-agent'] }, 'Login succeeded');\n  res.json({ ok: true });");
    expect(autofix).toBe(true);
  });
  it('a user record only as a suggestion; nothing without a principal', () => {
    expect(success("app.post('/login', async (req, res) => {\n  const user = await find(req);\n  res.json(user);\n});", CONFIGURED).autofix).toBe(false);
    expect(success("app.post('/login', async (req, res) => {\n  res.json({});\n});", CONFIGURED)).toEqual({ out: "app.post('/login', async (req, res) => {\n  res.json({});\n});", autofix: null });
  });
});

describe('describeCredentialFailure', () => {
  it('names the check that failed', () => {
    expect(describeCredentialFailure('invalid_token')).toBe('a failed token check');
    expect(describeCredentialFailure('invalid_api_key')).toBe('a failed API key check');
    expect(describeCredentialFailure('invalid_credentials')).toBe('a failed password check');
  });
});
