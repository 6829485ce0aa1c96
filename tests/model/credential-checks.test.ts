import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { isAuditCall, passwordCheckResult, securityLogLevel, visibleVariable } from '../../src/model/credential-checks.js';
import { probe } from '../helpers/probe.js';

/** Whether the argument of each `probeHere(x)` is the result of a password check. */
function results(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context: Context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'probeHere') return;
      out.push(passwordCheckResult(context, node.arguments[0]!) !== null);
    },
  }));
  return out;
}

describe('passwordCheckResult', () => {
  it.each([
    "import bcrypt from 'bcrypt'; async function f(pw, hash) { probeHere(await bcrypt.compare(pw, hash)); }",
    "import argon2 from 'argon2'; async function f(user, pw) { const ok = user && (await argon2.verify(user.hash, pw)); probeHere(ok); }",
    "import { compare } from 'bcryptjs'; async function f(pw, hash) { const same = await compare(pw, hash); probeHere(same); }",
    'async function f(user, pw) { const valid = await user.comparePassword(pw); probeHere(valid); }',
    "import bcrypt from 'bcrypt'; function f(pw, hash) { bcrypt.compare(pw, hash, (err, same) => probeHere(same)); }",
    "import bcrypt from 'bcrypt'; function f(pw, hash) { bcrypt.compare(pw, hash).then((same) => probeHere(same)); }",
  ])('%s → a password check', (code) => {
    expect(results(code)).toEqual([true]);
  });

  it.each([
    "import { compare } from './strings'; function f(a, b) { probeHere(compare(a, b)); }",
    'function f(a, b) { probeHere(a.compare(b)); }',
    "import bcrypt from 'bcrypt'; function f(pw) { probeHere(bcrypt.hash(pw, 10)); }",
    "import bcrypt from 'bcrypt'; function f(pw, hash) { bcrypt.compare(pw, hash, (err, same) => probeHere(err)); }",
    'function f(ok) { probeHere(ok); }',
  ])('%s → not a password check', (code) => {
    expect(results(code)).toEqual([false]);
  });
});

describe('securityLogLevel and isAuditCall', () => {
  function levels(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    probe(code, (context: Context) => ({
      'ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
        out.push(securityLogLevel(context, node));
      },
    }));
    return out;
  }

  it('reads logger levels and counts audit helpers as warn', () => {
    expect(levels("import pino from 'pino'; const logger = pino(); logger.info('a'); audit.record('login'); logSecurityEvent('x'); auditService.findAll(); doThing();")).toEqual([
      'info',
      'warn',
      'warn',
      null,
      null,
    ]);
  });

  it('does not take getters on an audit object for audit calls', () => {
    const found: boolean[] = [];
    probe('auditLog.getEntries(); auditLog.write(); logAuthEvent(); logEvent();', () => ({
      CallExpression(node: TSESTree.CallExpression) {
        found.push(isAuditCall(node));
      },
    }));
    expect(found).toEqual([false, true, true, false]);
  });
});

describe('visibleVariable', () => {
  it('finds variables declared before the node only', () => {
    const found: (string | null)[] = [];
    probe('function f(userId) { probeHere(); const email = 1; } const later = 2;', (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        for (const name of ['userId', 'email', 'later', 'missing']) found.push(visibleVariable(context, node, name)?.name ?? null);
      },
    }));
    expect(found).toEqual(['userId', null, null, null]);
  });
});
