import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getEnclosingFunction } from '../../src/model/ast.js';
import { refusesOnlyExpired } from '../../src/model/credential-expiry.js';
import { probe } from '../helpers/probe.js';

/** The answer for every `deny()` call in `code`, in source order. */
function verdicts(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, () => ({
    CallExpression: (node: TSESTree.CallExpression) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'deny') return;
      const fn = getEnclosingFunction(node);
      out.push(fn !== null && refusesOnlyExpired(node, fn));
    },
  }));
  return out;
}

const handler = (body: string): string => `app.use(async (req, res, next) => {\n${body}\n});`;

describe('refusesOnlyExpired', () => {
  it.each([
    ['an expiry error class', 'jose.jwtVerify(token, key).catch((cause) => { if (cause instanceof jose.errors.JWTExpired) deny(); });'],
    ['a compiled expiry error class', 'try { jwt.verify(t, k) } catch (err) { if (err instanceof jsonwebtoken_1.default.TokenExpiredError) deny(); }'],
    ["the error's name", "passport.authenticate('jwt', (err, user, info) => {\n  if (info && info.name === 'TokenExpiredError') {\n    if (req.cookies && req.cookies.refreshToken) return deny();\n  }\n})(req, res, next);"],
    ['an expiry time against the clock', 'const session = getSession(token);\nif (session.expires_at !== NEVER && session.expires_at * 1000 <= Date.now()) return deny();'],
    ['the clock against a token exp', 'if (Math.floor(Date.now() / 1000) > payload.exp) return deny();'],
    ['a predicate named for it', 'if (session.isExpired()) return deny();'],
    ['the else of a not-expired test', "if (!(err.code === 'ERR_JWT_EXPIRED')) next(err); else deny();"],
  ])('expired: %s', (_name, body) => {
    expect(verdicts(handler(body))).toEqual([true]);
  });

  it.each([
    ['a forged token', 'try { jwt.verify(t, k) } catch (err) { if (err instanceof jwt.JsonWebTokenError) deny(); }'],
    ['expired or forged', "if (err.name === 'TokenExpiredError' || err.name === 'JsonWebTokenError') deny();"],
    ['a missing session', 'if (!session) return deny();'],
    ['a start time, not an expiry', 'if (Date.now() < session.notBefore) return deny();'],
    ['inside a catch around an expiry test', "try { if (isExpired(t)) throw new Error('x'); } catch (e) { deny(); }"],
    ['no condition', 'deny();'],
  ])('not only expired: %s', (_name, body) => {
    expect(verdicts(handler(body))).toEqual([false]);
  });
});
