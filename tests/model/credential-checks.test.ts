import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { AnyFunction, Context } from '../../src/model/ast.js';
import {
  credentialFailureAt,
  enclosingTokenVerification,
  getTokenVerification,
  credentialCheckKind,
  inCredentialFailureBranch,
  isAuditCall,
  passwordCheckResult,
  readsCallerCredential,
  securityLogLevel,
  visibleVariable,
} from '../../src/model/credential-checks.js';
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
    // TypeScript's CommonJS call of a named import, and a protected method's underscore (Medusa's emailpass provider)
    'const bcryptjs_1 = require("bcryptjs"); async function f(pw, hash) { probeHere(await (0, bcryptjs_1.compare)(pw, hash)); }',
    'class P { async authenticate(pw, identity) { probeHere(await this.isPasswordMatch_(pw, identity)); } }',
    "import bcrypt from 'bcrypt'; function f(pw, hash) { bcrypt.compare(pw, hash, (err, same) => probeHere(same)); }",
    "import bcrypt from 'bcrypt'; function f(pw, hash) { bcrypt.compare(pw, hash).then((same) => probeHere(same)); }",
    // an app's validator handed the password
    'async function f(email, password) { const user = await authService.validateUser(email, password); probeHere(user); }',
    'async function f(body) { probeHere(await this.auth.verifyCredentials({ username: body.username, password: body.password })); }',
    'function f(email, pw) { User.authenticate(email, pw, (err, user) => probeHere(user)); }',
    'function f(req) { User.findByCredentials(req.body.email, req.body.pass).then((user) => probeHere(user)); }',
    // a hash helper's password object: \`helper.password.compare(old, stored)\`
    'function f(old, stored) { helper.password.compare(old, stored).then((matching) => probeHere(matching)); }',
    // a method named for a password check on a receiver with no path (Strapi's service getter)
    "async function f(password, user) { const validPassword = await getService('user').validatePassword(password, user.password); probeHere(validPassword); }",
    // the same options object holding the verifier: compared with the stored hash (accounts-js)
    'async function f(password, hash) { const ok = await this.options.verifyPassword(password, hash); probeHere(ok); }',
    // a user entity's method: the receiver holds the hash
    'async function f(user, password) { probeHere(await user.validatePassword(password)); }',
  ])('%s → a password check', (code) => {
    expect(results(code)).toEqual([true]);
  });

  it.each([
    "import { compare } from './strings'; function f(a, b) { probeHere(compare(a, b)); }",
    'function f(a, b) { probeHere(a.compare(b)); }',
    // `compare` on a receiver with no path is no hash module's
    "function f(a, b) { probeHere(getSorter('x').compare(a, b)); }",
    "import bcrypt from 'bcrypt'; function f(pw) { probeHere(bcrypt.hash(pw, 10)); }",
    "import bcrypt from 'bcrypt'; function f(pw, hash) { bcrypt.compare(pw, hash, (err, same) => probeHere(err)); }",
    'function f(ok) { probeHere(ok); }',
    // a validator given an id or the request: does the account exist, is the request signed in
    'async function f(request) { probeHere(await authService.validateUser(request.user.userId)); }',
    'async function f(req) { probeHere(await registry.authenticate(req)); }',
    "function f(req) { probeHere(passport.authenticate('local', { passReqToCallback: true })); }",
    'async function f(u, bypassCache) { probeHere(await svc.validateLogin(u.id, bypassCache)); }',
    // a policy for the password being set (accounts-js, Verdaccio, evershop): nothing presented is checked
    'async function f(newPassword) { probeHere(await this.options.validatePassword(newPassword)); }',
    'async function f(user) { probeHere(await this.options.validatePassword(user.password)); }',
    'function f(password, config) { probeHere(validationUtils.validatePassword(password.new, config.server.passwordValidationRegex)); }',
    'function f(newPassword) { probeHere(verifyPassword(newPassword)); }',
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

/** For each `probeHere()` call, what `fn` answers about it. */
function atProbes<T>(code: string, fn: (context: Context, node: TSESTree.CallExpression) => T, options: { ts?: boolean } = {}): T[] {
  const out: T[] = [];
  probe(
    code,
    (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'probeHere') out.push(fn(context, node));
      },
    }),
    options,
  );
  return out;
}

describe('credentialFailureAt', () => {
  it.each([
    ["import bcrypt from 'bcrypt'; async function login(req, res) { if (!(await bcrypt.compare(req.body.password, user.hash))) probeHere(); }", 'invalid_credentials'],
    ["import bcrypt from 'bcrypt'; async function login(pw, hash) { const ok = await bcrypt.compare(pw, hash); if (ok) { done(); } else { probeHere(); } }", 'invalid_credentials'],
    ['async function login(user, pw) { if ((await user.comparePassword(pw)) === false) probeHere(); }', 'invalid_credentials'],
    ["function check(req) { if (req.headers['x-api-key'] !== process.env.API_KEY) probeHere(); }", 'invalid_api_key'],
    ["import jwt from 'jsonwebtoken'; function auth(req) { try { jwt.verify(req.headers.authorization, secret); } catch (e) { probeHere(); } }", 'invalid_token'],
    // the error branch of a verification's node-style callback, and its promise's rejection handler
    ['function auth(token) { jwt.verify(token, secret, (err, decoded) => { if (err) return probeHere(); next(); }); }', 'invalid_token'],
    ['function auth(token) { jwt.verify(token, secret, { algorithms: ["HS256"] }, function (err, decoded) { if (err != null) { probeHere(); } }); }', 'invalid_token'],
    ['function auth(token) { jwt.verify(token, secret, (error, payload) => { if (!error) { next(); } else { probeHere(); } }); }', 'invalid_token'],
    ['function auth(token) { jwt.verify(token, secret, (err, payload) => { if (err || !payload.sub) probeHere(); }); }', 'invalid_token'],
    ['function auth(cookie) { admin.auth().verifySessionCookie(cookie, true).then((claims) => use(claims)).catch((error) => { probeHere(); }); }', 'invalid_token'],
    ['function auth(t) { verifyIdToken(t).then((claims) => use(claims), () => probeHere()); }', 'invalid_token'],
    // one-time codes and WebAuthn
    ['function f(user, token) { const ok = speakeasy.totp.verify({ secret: user.secret, encoding: "base32", token }); if (!ok) probeHere(); }', 'invalid_otp'],
    ['function f(code, secret) { if (authenticator.check(code, secret) === false) probeHere(); }', 'invalid_otp'],
    ['async function f(id, code) { if (!(await verifyTotpCode(id, code))) probeHere(); }', 'invalid_otp'],
    ['async function f(body) { const { verified } = await verifyAuthenticationResponse({ response: body }); if (!verified) probeHere(); }', 'invalid_passkey'],
    ['async function f(body) { const verification = await verifyAuthenticationResponse({ response: body }); if (!verification.verified) probeHere(); }', 'invalid_passkey'],
    ['async function f(body) { const verification = await verifyAuthenticationResponse({ response: body }); if (verification.verified === false) probeHere(); }', 'invalid_passkey'],
    ['async function f(body) { const { verified } = await verifyAuthenticationResponse({ response: body }); if (verified === false) probeHere(); }', 'invalid_passkey'],
    ['async function f(body) { let v; try { v = await verifyAuthenticationResponse({ response: body }); } catch (e) { probeHere(); } }', 'invalid_passkey'],
    // TypeScript's CommonJS output reaches bcrypt's default export through `.default`
    ['const bcryptjs_1 = __importDefault(require("bcryptjs")); function f(pw, hash) { bcryptjs_1.default.compare(pw, hash, (err, matches) => { if (matches === true) ok(); else probeHere(); }); }', 'invalid_credentials'],
    // after a passing branch that returns: reached only when the check failed or was never made
    ['async function login(user, pw) { if (user) { const match = await bcrypt.compare(pw, user.hash); if (match) { return user; } } probeHere(); }', 'invalid_credentials'],
    ['async function login(user, pw) { if (user && (await user.comparePassword(pw))) return done(null, user); probeHere(); }', 'invalid_credentials'],
    ['function f(code, secret) { if (authenticator.check(code, secret)) { return next(); } probeHere(); }', 'invalid_otp'],
    // passport's custom callback stored in a const and handed on by name
    ["function f(req, res) { const cb = (err, user) => { if (!user) probeHere(); }; passport.authenticate('local', cb)(req, res); }", 'invalid_credentials'],
    // the account a login looked up by its username / e-mail, before that account's password check (accounts-js)
    ['async function login(email, pw) { const user = await db.findUserByEmail(email); if (!user) probeHere(); if (!(await bcrypt.compare(pw, user.hash))) fail(); }', 'invalid_credentials'],
    ['async function login(username, pw) { let found; if (username) { found = await db.findUserByUsername(username); } if (!found) { probeHere(); } const hash = await db.findPasswordHash(found.id); if (!(await this.options.verifyPassword(pw, hash))) fail(); }', 'invalid_credentials'],
  ])('%s → %s', (code, reason) => {
    expect(atProbes(code, credentialFailureAt)).toEqual([reason]);
  });

  it.each([
    "import bcrypt from 'bcrypt'; async function login(pw, hash) { if (await bcrypt.compare(pw, hash)) probeHere(); }",
    'function f(req) { if (!req.user) probeHere(); }',
    // the signed-in user looked up by id before a password change; a lookup with no password check of it after
    'async function change(req, pw) { const user = await db.findUserById(req.user.id); if (!user) probeHere(); if (!(await bcrypt.compare(pw, user.hash))) fail(); }',
    'async function f(email, pw, other) { const user = await db.findUserByEmail(email); if (!user) probeHere(); if (!(await bcrypt.compare(pw, other.hash))) fail(); }',
    'async function f(email) { const user = await db.findUserByEmail(email); if (!user) probeHere(); return user; }',
    // a service method re-checking a signed-in user's password (homebridge's updateOwnPassword), neither named for a login nor a handler
    'class S { async updateOwnPassword(username, current) { const user = await db.findUserByUsername(username); if (!user) probeHere(); if (!(await bcrypt.compare(current, user.hash))) fail(); } }',
    "function f(apiKey) { if (apiKey.type !== ApiKeyType.PUBLISHABLE) probeHere(); }",
    "function f(req) { try { JSON.parse(req.body); } catch (e) { probeHere(); } }",
    // the check fails in the outer function; the callback is a function of its own
    "import bcrypt from 'bcrypt'; async function f(pw, hash) { if (!(await bcrypt.compare(pw, hash))) setTimeout(() => probeHere()); }",
    // the verified branch of a callback, a signing callback's error, a catch earlier in the chain
    'function auth(token) { jwt.verify(token, secret, (err, decoded) => { if (decoded.admin) probeHere(); }); }',
    'function auth(token) { jwt.sign(payload, secret, (err, token) => { if (err) probeHere(); }); }',
    'function auth(t) { verifyIdToken(t).catch(() => null).then((c) => c).catch(() => probeHere()); }',
    'function f(cb) { fs.readFile(path, (err, data) => { if (err) probeHere(); }); }',
    // enrolment, a secret generated, a verification object that is always truthy
    'async function f(body) { const { verified } = await verifyRegistrationResponse({ response: body }); if (!verified) probeHere(); }',
    'function f() { const secret = speakeasy.generateSecret(); if (!secret) probeHere(); }',
    'async function f(body) { const verification = await verifyAuthenticationResponse({ response: body }); if (!verification) probeHere(); }',
    'async function f(body) { const { verified } = await verifyAuthenticationResponse({ response: body }); if (verified === true) probeHere(); }',
    'function f(list, x) { if (!list.verify(x)) probeHere(); }',
    // `.default` of a module that is no hash library
    'const lists_1 = __importDefault(require("./lists")); function f(a, b) { if (!lists_1.default.compare(a, b)) probeHere(); }',
    // confirming a secret being enrolled: a setup typo, not a failed sign-in
    'class TFAService { async enableTFA(key, otp, secret) { if (!authenticator.check(otp, secret)) probeHere(); } }',
    "router.post('/2fa/setup', (req, res) => { if (!speakeasy.totp.verify({ secret: req.body.secret, token: req.body.token })) probeHere(); });",
    // a passing branch that does not leave, or has an else: what follows runs on both outcomes
    'async function f(user, pw) { let ok = false; if (await bcrypt.compare(pw, user.hash)) { ok = true; } probeHere(); }',
    'async function f(user, pw) { if (await bcrypt.compare(pw, user.hash)) { return user; } else { fail(); } probeHere(); }',
    // the true side answers an error: a new password that matches the old one is the refusal
    "async function f(req, res) { if (await bcrypt.compare(req.body.newPassword, req.user.hash)) { return res.status(400).json({ error: 'choose a new password' }); } probeHere(); }",
    // the failing branch returns: what follows is the success
    'async function f(user, pw) { if (!(await bcrypt.compare(pw, user.hash))) { return null; } probeHere(); }',
    // a const callback handed to something other than passport, or read twice
    'function f(id) { const cb = (err, user) => { if (!user) probeHere(); }; users.fetch(id, cb); }',
    "function f(req, res) { const cb = (err, user) => { if (!user) probeHere(); }; passport.authenticate('local', cb); other(cb); }",
  ])('%s → null', (code) => {
    expect(atProbes(code, credentialFailureAt)).toEqual([null]);
  });
});

describe('getTokenVerification and enclosingTokenVerification', () => {
  it('finds the token check of a try block, not other calls', () => {
    const code = [
      "import jwt from 'jsonwebtoken';",
      'async function a(token) { try { const p = await jwtVerify(token, key); use(p); } catch { probeHere(); } }',
      'function b(token) { try { jwt.verify(token, secret); } catch { probeHere(); } }',
      'function c(s) { try { JSON.parse(s); } catch { probeHere(); } }',
      'function d(token) { try { jwt.verify(token, secret); } finally { probeHere(); } }',
    ].join('\n');
    expect(atProbes(code, (context, node) => enclosingTokenVerification(context, node)?.callee.type ?? null)).toEqual(['Identifier', 'MemberExpression', null, null]);
    expect(
      atProbes(code, (context, node) => {
        const tryStatement = node.parent?.parent?.parent?.parent;
        return tryStatement?.type === 'TryStatement' ? getTokenVerification(context, tryStatement.block) !== null : null;
      }),
    ).toEqual([true, true, false, null]);
  });
  it('the verification whose callback or rejection handler a node lies in', () => {
    const code = [
      'function a(token) { jwt.verify(token, secret, (err) => { if (err) probeHere(); }); }',
      'function b(cookie) { admin.auth().verifySessionCookie(cookie).catch(() => probeHere()); }',
      'function c(token) { jwt.sign(token, secret, (err) => { if (err) probeHere(); }); }',
    ].join('\n');
    expect(atProbes(code, (context, node) => enclosingTokenVerification(context, node)?.arguments.length ?? null)).toEqual([3, 1, null]);
  });
});

describe('readsCallerCredential', () => {
  it.each([
    ['function f(req) { probeHere(req.headers.authorization); }', true],
    ['function f(req) { probeHere(req.cookies.session); }', true],
    ['function f(req) { probeHere(getToken(req)); }', true],
    ['function f(req) { const token = req.headers.authorization.split(" ")[1]; probeHere(token); }', true],
    ['function f(req) { probeHere(req.params.inviteToken); }', false],
    ['function f(req) { const token = req.body.resetToken; probeHere(token); }', false],
  ])('%s → %s', (code, expected) => {
    expect(atProbes(code, (context, node) => readsCallerCredential(context, node.arguments[0]!))).toEqual([expected]);
  });
});

describe('inCredentialFailureBranch', () => {
  const fnOf = (node: TSESTree.Node): AnyFunction => {
    let current: TSESTree.Node = node;
    while (current.parent && !/Function/u.test(current.type)) current = current.parent;
    return current as AnyFunction;
  };
  it.each([
    ["import bcrypt from 'bcrypt'; async function login(pw, hash) { const ok = await bcrypt.compare(pw, hash); if (!ok || locked) probeHere(); }", true],
    ["import bcrypt from 'bcrypt'; async function login(pw, hash) { const ok = await bcrypt.compare(pw, hash); if (ok) {} else probeHere(); }", true],
    ["import bcrypt from 'bcrypt'; async function login(pw, hash) { const ok = await bcrypt.compare(pw, hash); if (ok) probeHere(); }", false],
    // narrower than credentialFailureAt: `!== true` is not read
    ["import bcrypt from 'bcrypt'; async function login(pw, hash) { const ok = await bcrypt.compare(pw, hash); if (ok !== true) probeHere(); }", false],
    // one-time codes, WebAuthn assertions and validators handed the password share the answer
    ["import { authenticator } from 'otplib'; function login(code, secret) { if (!authenticator.check(code, secret)) probeHere(); }", true],
    ["async function login(body, user) { const verification = await verifyAuthenticationResponse({ response: body }); if (!verification.verified) probeHere(); }", true],
    ['async function login(email, password) { const user = await authService.validateUser(email, password); if (!user) probeHere(); }', true],
    ['async function login(email, password) { const user = await authService.validateUser(email, password); if (user) probeHere(); }', false],
    ["import { authenticator } from 'otplib'; function login(code, secret) { if (authenticator.check(code, secret)) probeHere(); }", false],
  ])('%s → %s', (code, expected) => {
    expect(atProbes(code, (context, node) => inCredentialFailureBranch(context, node, fnOf(node)))).toEqual([expected]);
  });
});

describe('credentialCheckKind', () => {
  function kinds(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    probe(code, (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'probeHere') return;
        const arg = node.arguments[0]!;
        out.push(arg.type === 'CallExpression' ? credentialCheckKind(context, arg) : null);
      },
    }));
    return out;
  }
  it.each([
    ["import bcrypt from 'bcrypt'; function f(pw, hash) { probeHere(bcrypt.compare(pw, hash)); }", 'invalid_credentials'],
    ['function f(email, password) { probeHere(authService.validateUser(email, password)); }', 'invalid_credentials'],
    ['function f(req) { probeHere(speakeasy.totp.verify({ secret: req.user.secret, token: req.body.code })); }', 'invalid_otp'],
    ['function f(req) { probeHere(verifyAuthenticationResponse({ response: req.body })); }', 'invalid_passkey'],
    // enrolling a second factor, registering a passkey, an id-only validator: no credential check
    ['function enableTwoFactor(req) { probeHere(authenticator.check(req.body.code, req.body.secret)); }', null],
    ['function f(req) { probeHere(verifyRegistrationResponse({ response: req.body })); }', null],
    ['function f(req) { probeHere(authService.validateUser(req.user.id)); }', null],
  ])('%s → %s', (code, expected) => {
    expect(kinds(code)).toEqual([expected]);
  });
});
