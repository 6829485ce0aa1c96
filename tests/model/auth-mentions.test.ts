import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mentionsAuthFailure } from '../../src/model/auth-mentions.js';
import { statusFromErrorName } from '../../src/model/http-status.js';
import { probe } from '../helpers/probe.js';

function mentions(code: string): boolean {
  let result: boolean | null = null;
  probe(code, (context) => ({
    Program() {
      result = mentionsAuthFailure(context.sourceCode as unknown as TSESLint.SourceCode);
    },
  }));
  return result!;
}

describe('mentionsAuthFailure', () => {
  it.each([
    'app.get("/x", (req, res) => res.status(401).end());',
    'function deny(res) { res.sendStatus(0x193); }',
    'const DENIED = 4_03; module.exports = DENIED;',
    'if (!ok) ctx.status = 429;',
    'throw new UnauthorizedException();',
    'function f(reply) { return reply.code(HttpStatus.FORBIDDEN).send(); }',
    'next(createError.Unauthorised());',
    'throw new NotAuthenticatedError();',
    'throw new ACCESS_DENIED_ERROR();',
    'reply.tooManyRequests();',
    "async function f(res) { if (!(await bcrypt.compare(pw, user.hash))) return res.json({ ok: false }); }",
    'const ok = crypto.timingSafeEqual(a, b);',
    "try { jwt.verify(token, secret); } catch { res.redirect('/login'); }",
    "function f(req, res) { if (req.headers['x-api-key'] !== key) return res.end(); }",
    'passport.use(new LocalStrategy((u, p, done) => done(null, false)));',
    'class G { canActivate() { return false; } }',
    "function f(res, code, secret) { if (!totp.check(code, secret)) return res.redirect('/login'); }",
    "async function f(res, id, code) { if (!(await checkOtp(id, code))) res.render('otp'); }",
    "async function f(res, id, code) { if (!(await checkMfaCode(id, code))) res.render('mfa'); }",
    // socket.io refusal events (socket-refusals.ts)
    "socket.on('join', async (room) => { if (!(await Rooms.isMember(room, socket.userId))) socket.emit('auth_error'); });",
    "if (!allowed) client.emit('authentication-failed');",
  ])('%s → may hold an auth failure', (code) => {
    expect(mentions(code)).toBe(true);
  });

  it.each([
    'const pino = require("pino"); module.exports = pino({ level: "info" });',
    'export function add(a, b) { return a + b; }',
    'res.status(404).json({ error: "not found" });',
    'throw new ValidationError("bad input");',
  ])('%s → nothing to check', (code) => {
    expect(mentions(code)).toBe(false);
  });

  // The gate must stay a superset of the status names frameworks.ts maps to 401 / 403 / 429.
  it.each(['Unauthorized', 'UNAUTHORIZED', 'unauthorised', 'Unauthenticated', 'NOT_AUTHENTICATED', 'AuthenticationError', 'Forbidden', 'ACCESS_DENIED', 'AccessDeniedException', 'TooManyRequests', 'too_many_requests', 'AuthRequiredError', 'AUTH_REQUIRED', 'LoginRequired', 'InvalidCredentialsError', 'InvalidPasswordError'])(
    'every name the status tables read as 401/403/429 is mentioned: %s',
    (name) => {
      expect([401, 403, 429]).toContain(statusFromErrorName(name));
      expect(mentions(`throw new X(${name});`)).toBe(true);
    },
  );
});
