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

/**
 * The gate is matched on lowercased text with a factored alternation (a speed change): its answer must be the one of
 * the plain case-insensitive alternation it replaced, kept here as the reference.
 */
describe('mentionsAuthFailure answers as the plain case-insensitive alternation', () => {
  const REFERENCE = new RegExp(
    [
      String.raw`4_?0_?[13]|4_?2_?9|0x0*1(?:91|93|ad)|0o0*6(?:21|23|55)|0b0*1100100(?:01|11)|0b0*110101101`,
      String.raw`un[_\s-]*authori[sz]ed|authenticat|forbidden|access[_\s-]*denied|too[_\s-]*many[_\s-]*requests|(?:auth|login)[_\s-]*required|invalid[_\s-]*credential`,
      String.raw`4_?[04]_?0_?[13]|1_?0_?0_?8|invalid[_\s-]*(?:auth[_\s-]*)?token|token[_\s-]*(?:expired|invalid)|auth[_\s-]*(?:error|fail)`,
      String.raw`(?:access|auth|authorization|permission)[_-]?(?:status|result|error)|permission\s+denied|not\s+authori[sz]ed|(?:requires?|needs?)\s+(?:\w+\s+)?(?:admin|permission|privilege)`,
      String.raw`password|compare|verify|timing[_\s-]*safe[_\s-]*equal|constant[_\s-]*time[_\s-]*equal|api[-_]?key|api[-_]?token|strategy|canactivate|basic-auth|isvalid`,
      String.raw`[th]otp|\botp|otp\b|mfa|2fa`,
    ].join('|'),
    'i',
  );
  const texts = [
    // one of each alternative, in mixed case
    'x = 4_0_1', 'x = 429', 'x = 0X0191', 'x = 0O623', 'x = 0b110010011', 'x = 0B110101101', 'close(4_4_0_3)', 'close(1_008)',
    'UN AUTHORIZED', 'un-Authorised', 'isAuthenticated', 'FORBIDDEN', 'Access  Denied', 'TOO_MANY_REQUESTS', 'Auth Required', 'LOGIN-REQUIRED',
    'Invalid Credentials', 'invalid auth token', 'INVALID_TOKEN', 'Token\u00a0Expired', 'authFail', 'AUTH_ERROR', 'accessStatus', 'AUTHORIZATION-RESULT',
    'auth_status', 'permissionError', 'Permission\tdenied', 'Not\nAuthorized', 'requires super admin', 'NEEDS privilege', 'Password', 'comPare',
    'jwtVerify', 'timingSafeEqual', 'CONSTANT_TIME_EQUAL', 'X-API-KEY', 'apiToken', 'LocalStrategy', 'canActivate', 'basic-auth', 'isValid',
    'TOTP', 'hotp', 'otp', 'get_otp', 'MFA', '2FA',
    // near misses: nothing to check
    'export function add(a, b) { return a + b; }', 'x = 4.01e2', 'x = 0x192', 'x = 0o624', 'x = 1009', 'au th', 'access granted', 'permission granted',
    'requires an adminx', 'needs\n\nroot', 'notp', 'otpx', 'compar', 'verif', 'strateg', 'basic auth', 'is valid', 'un.authorized', 'token was fine',
    'invalid input', 'tokenExpiry', 'api.key', 'timing safe-equal', 'constant-time compare',
    // the two characters whose lowercase is ASCII: matched as written
    'api\u212aey', 'apik\u212a', '\u0130sValid', 'is\u0130valid', '\u0130nvalid token', 'password \u0130', 'mfa \u212a',
    // other non-ASCII text
    'ſtrategy', 'ſ ok', 'Straße', 'ÄPI KEY', 'Ünauthorized', 'Σ σ ς', '\u00a0', 'cafe\u0301',
  ];
  it.each(texts)('%j', (text) => {
    // In a comment, so that any text parses; both are asked about the whole source.
    const code = `/* ${text} */`;
    expect(mentions(code)).toBe(REFERENCE.test(code));
  });

  it('some texts are mentions and some are not (the comparison is not vacuous)', () => {
    const answers = texts.map((text) => mentions(`/* ${text} */`));
    expect(answers.filter(Boolean).length).toBeGreaterThan(40);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(25);
  });
});
