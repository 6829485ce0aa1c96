import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, getEnclosingFunction, skipTransparent } from '../../src/model/ast.js';
import {
  LOGIN_FILE,
  LOGIN_NAME,
  isActivityRecord,
  isDoneFalse,
  isLocalStrategyAcceptance,
  isLoginFile,
  isLoginFunction,
  isLoginNameParameter,
  isPassportFailure,
  isPassportLogin,
  isResponseRedirect,
  isSessionStepError,
  isSessionIdentityAssignment,
  isStrategyCallback,
  isStrategyFail,
  isStrategySuccess,
  isSuccessAnswer,
  isTokenBuilder,
  isTokenSign,
  namesPrincipal,
  passportCallbackRefusal,
  receivesPassportVerdict,
  signsInWithSecondFactor,
} from '../../src/model/logins.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('passport: isStrategyFail', () => {
  it('this.fail() in the authenticate method of a custom strategy (class or prototype), also from an arrow inside it or through `var self = this`', () => {
    const found: boolean[] = [];
    probe(
      `class TokenStrategy extends passport.Strategy { authenticate(req) { if (!req.headers.token) return this.fail(401); } }
       class HeaderStrategy extends Strategy { authenticate(req) { lookup(req).catch(() => this.fail({ message: 'bad key' })); } }
       TokensStrategy.prototype.authenticate = function (req) { check(req).then((u) => this.success(u)).catch(() => this.fail(401)); };
       class Uploader { authenticate(req) { this.fail(401); } }
       class Job extends Strategy { run() { this.fail(401); } }
       TokensStrategy.prototype.authenticate = function (req) { verify(req, function () { this.fail(401); }); };
       test.fail(401);
       JWTStrategy.prototype.authenticate = function (req) { var self = this; function callback(err) { return self.fail(403); } verify(req, callback); };
       function helper() { var self = this; return self.fail(401); }
       class XssecPassportStrategy { async authenticate(req) { if (!ok) return this.fail('Token is missing required scope.', 403); } }
       class Uploads { authenticate(req) { this.fail(401); } }`,
      (context: Context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'fail') found.push(isStrategyFail(context, node));
        },
      }),
    );
    // the three strategies; not a class that extends nothing, another method, a plain function's own `this`, another object's fail;
    // @sap/xssec's `var self = this` in the strategy's authenticate, not in any other function; a class named for a
    // strategy without a base (xssec's), not any class with an authenticate method
    expect(found).toEqual([true, true, true, false, false, false, false, true, false, true, false]);
  });
});

describe('passport: isDoneFalse, isPassportFailure, isStrategySuccess, isStrategyCallback', () => {
  const code = [
    "const LocalStrategy = require('passport-local').Strategy;",
    'passport.use(new LocalStrategy(async (username, password, done) => {',
    '  if (!user) return done(null, false, { message: "no user" });',
    '  return done(null, user);',
    '}));',
    'function other(cb) { cb(null, false); cb(undefined, found); }',
  ].join('\n');

  it('reads done(null, false) and done(null, user) of a strategy callback only', () => {
    const results = probeCalls(code, (context, node) => ({
      doneFalse: isDoneFalse(node),
      failure: isPassportFailure(context, node),
      success: isStrategySuccess(context, node),
    }));
    expect(callResult(results, 'done(null, false, { message: "no user" })')).toEqual({ doneFalse: true, failure: true, success: false });
    expect(callResult(results, 'done(null, user)')).toEqual({ doneFalse: false, failure: false, success: true });
    // Not a strategy's `done`: the shape alone, not passport.
    expect(callResult(results, 'cb(null, false)')).toEqual({ doneFalse: true, failure: false, success: false });
    expect(callResult(results, 'cb(undefined, found)')).toEqual({ doneFalse: false, failure: false, success: false });
  });

  it('knows the verify callback of a strategy', () => {
    const found: boolean[] = [];
    probe(code, () => ({
      ':function'(fn: AnyFunction) {
        found.push(isStrategyCallback(fn));
      },
    }));
    expect(found).toEqual([true, false]);
  });
});

describe('isLocalStrategyAcceptance', () => {
  function accepts(code: string): boolean[] {
    const out: boolean[] = [];
    probe(
      code,
      (context: Context) => ({
        ReturnStatement(node: TSESTree.ReturnStatement) {
          out.push(isLocalStrategyAcceptance(context, getEnclosingFunction(node), skipTransparent(node.argument!)));
        },
      }),
      { ts: true },
    );
    return out;
  }
  const strategy = (from: string) =>
    `import { Strategy } from '${from}'; class LocalStrategy extends PassportStrategy(Strategy) { async validate(u: string, p: string) { if (!ok) return null; return user; } }`;

  it('Nest LocalStrategy.validate returning a user signs in', () => {
    expect(accepts(strategy('passport-local'))).toEqual([false, true]);
  });
  it('a JWT strategy validates every request: no login', () => {
    expect(accepts(strategy('passport-jwt'))).toEqual([false, false]);
  });
});

describe('isTokenSign, isPassportLogin, isResponseRedirect, isActivityRecord', () => {
  it('recognizes login effects and answers', () => {
    const results = probeCalls(
      "import { sign } from 'jsonwebtoken'; import { sign as signCookie } from 'cookie-signature'; jwt.sign(p, k); this.jwtService.signAsync(p); sign(p, k); signCookie(v, s); crypto.sign(a, b); req.login(user, cb); req.login(); auth.login(u); res.redirect('/home'); router.redirect('/a', '/b'); activityLog.create({}); this.auditRepo.insert({}); users.create({});",
      (context, node) => [isTokenSign(context, node), isPassportLogin(node), isResponseRedirect(node), isActivityRecord(node)],
    );
    expect(callResult(results, 'jwt.sign(p, k)')[0]).toBe(true);
    expect(callResult(results, 'this.jwtService.signAsync(p)')[0]).toBe(true);
    expect(callResult(results, 'sign(p, k)')[0]).toBe(true);
    expect(callResult(results, 'signCookie(v, s)')[0]).toBe(false);
    expect(callResult(results, 'crypto.sign(a, b)')[0]).toBe(false);
    expect(callResult(results, 'req.login(user, cb)')[1]).toBe(true);
    expect(callResult(results, 'req.login()')[1]).toBe(false);
    expect(callResult(results, 'auth.login(u)')[1]).toBe(false);
    expect(callResult(results, "res.redirect('/home')")[2]).toBe(true);
    expect(callResult(results, "router.redirect('/a', '/b')")[2]).toBe(false);
    expect(callResult(results, 'activityLog.create({})')[3]).toBe(true);
    expect(callResult(results, 'this.auditRepo.insert({})')[3]).toBe(true);
    expect(callResult(results, 'users.create({})')[3]).toBe(false);
  });
});

describe('isSessionIdentityAssignment', () => {
  it('a session naming a user, not other session fields', () => {
    const out: boolean[] = [];
    probe('req.session.userId = user.id; ctx.session.user = u; req.session.cart = []; req.userId = 1;', () => ({
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        out.push(isSessionIdentityAssignment(node));
      },
    }));
    expect(out).toEqual([true, true, false, false]);
  });
});

describe('namesPrincipal', () => {
  it('finds who signed in among log arguments', () => {
    const results = probeCalls("logger.info({ userId }, 'in'); logger.info(`login ${user.email}`); logger.info('Login succeeded'); logger.info({ ip: req.ip });", (_context, node) => namesPrincipal(node));
    expect([...results.values()]).toEqual([true, true, false, false]);
  });
});

describe('LOGIN_NAME and LOGIN_FILE', () => {
  it.each(['login', 'signIn', '/auth/signin', 'authenticate', '/sessions'])('%s names a login', (name) => expect(LOGIN_NAME.test(name)).toBe(true));
  it.each(['logout', 'changePassword', '/users'])('%s does not', (name) => expect(LOGIN_NAME.test(name)).toBe(false));
  it('files of a login route', () => {
    expect(LOGIN_FILE.test('routes/auth.js')).toBe(true);
    expect(LOGIN_FILE.test('routes/users.js')).toBe(false);
  });
});

describe('passportCallbackRefusal', () => {
  function refusals(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    probe(code, (context: Context) => ({
      'UnaryExpression[operator="!"] > Identifier'(node: TSESTree.Identifier) {
        out.push(passportCallbackRefusal(context, node));
      },
    }));
    return out;
  }
  it("the user parameter of passport.authenticate's custom callback, by strategy", () => {
    expect(refusals("passport.authenticate('local', (err, user, info) => { if (!user) fail(); })(req, res, next);")).toEqual(['invalid_credentials']);
    expect(refusals("passport.authenticate('jwt', { session: false }, (err, user) => { if (!user) fail(); });")).toEqual(['invalid_token']);
    expect(refusals("passport.authenticate('bearer', function (err, user) { if (!user) fail(); });")).toEqual(['invalid_token']);
  });
  it('not other parameters, nor callbacks of other calls', () => {
    expect(refusals("passport.authenticate('local', (err, user, info) => { if (!err && !info) ok(); });")).toEqual([null, null]);
    expect(refusals('User.findById(id, (err, user) => { if (!user) fail(); });')).toEqual([null]);
  });
});

describe('isLoginFunction, isLoginFile, signsInWithSecondFactor, isTokenBuilder', () => {
  it('a function is a login by its name or by the route it is registered for', () => {
    const results = probeCalls(
      [
        'async function login(req, res) { here(1); }',
        'const signIn = (req, res) => { here(2); };',
        "app.post('/auth/signin', (req, res) => { here(3); });",
        "app.post('/api/sessions', (req, res) => { here(4); });",
        "app.post('/password/change', (req, res) => { here(5); });",
        'function updateProfile(req, res) { here(6); }',
      ].join('\n'),
      (_context, node) => {
        const fn = getEnclosingFunction(node);
        return fn ? isLoginFunction(fn) : null;
      },
    );
    expect(['here(1)', 'here(2)', 'here(3)', 'here(4)', 'here(5)', 'here(6)'].map((t) => callResult(results, t))).toEqual([true, true, true, true, false, false]);
  });

  it('a login file by its last three path segments', () => {
    expect(isLoginFile('/srv/app/src/routes/auth.js')).toBe(true);
    expect(isLoginFile('C:\\app\\api\\login\\route.ts')).toBe(true);
    expect(isLoginFile('/srv/app/src/controllers/sessions.ts')).toBe(true);
    // Only the last three segments count: an `auth` directory higher up names no login route.
    expect(isLoginFile('/srv/auth/app/src/routes/users.js')).toBe(false);
  });

  it('a second factor checked in a handler named for signing in with it, not for removing it', () => {
    const results = probeCalls(
      [
        "app.post('/2fa/verify', (req, res) => { speakeasy.totp.verify(a); });",
        "app.post('/2fa/disable', (req, res) => { speakeasy.totp.verify(b); });",
        "app.post('/profile', (req, res) => { speakeasy.totp.verify(c); });",
        'function verifyMfa(code) { speakeasy.totp.verify(d); }',
      ].join('\n'),
      (context, node) => {
        const fn = getEnclosingFunction(node);
        return fn ? signsInWithSecondFactor(context, node, fn) : null;
      },
    );
    expect(callResult(results, 'speakeasy.totp.verify(a)')).toBe(true);
    expect(callResult(results, 'speakeasy.totp.verify(b)')).toBe(false);
    expect(callResult(results, 'speakeasy.totp.verify(c)')).toBe(false);
    // Named for it, but no handler: a helper whose caller decides.
    expect(callResult(results, 'speakeasy.totp.verify(d)')).toBe(false);
  });

  it("jose's new SignJWT(…) builds a token; other constructors do not", () => {
    const out: boolean[] = [];
    probe("import { SignJWT } from 'jose'; new SignJWT({ sub }); new jose.SignJWT(p); new Date();", () => ({
      NewExpression(node: TSESTree.NewExpression) {
        out.push(isTokenBuilder(node));
      },
    }));
    expect(out).toEqual([true, true, false]);
  });
});

describe('isSuccessAnswer', () => {
  it('a response without an error status, or a redirect in a handler', () => {
    const code = [
      "import express from 'express'; const app = express();",
      "app.post('/login', (req, res) => { res.json({ token }); res.status(401).json({ error: 'no' }); res.redirect('/home'); res.sendStatus(500); });",
      "function elsewhere(res) { res.redirect('/x'); }",
    ].join('\n');
    const results = probeCalls(code, (context, node) => isSuccessAnswer(context, node));
    expect(callResult(results, 'res.json({ token })')).toBe(true);
    expect(callResult(results, "res.status(401).json({ error: 'no' })")).toBe(false);
    expect(callResult(results, "res.redirect('/home')")).toBe(true);
    expect(callResult(results, 'res.sendStatus(500)')).toBe(false);
    // Not in a handler: a redirect there answers no request this rule can see.
    expect(callResult(results, "res.redirect('/x')")).toBe(false);
  });
});

describe('isLoginNameParameter', () => {
  const code = `
    class AuthService { async authenticate(username, password, otp) {} async updateUser(account, password) {} }
    function simpleLdapAuth(user, password, callback) {}
    function ldapAuthCommon(who, bindDN, password, callback) {}
    const signIn = async (email, pwd) => {};
    passport.use(new LocalStrategy((login, password, done) => {}));
    function createAccount(mail, password) {}
    function logon(userId, password) {}
  `;
  const seen = new Map<string, boolean>();
  probe(code, () => ({
    ':function'(node: AnyFunction) {
      const first = node.params[0];
      if (first?.type === 'Identifier') seen.set(first.name, isLoginNameParameter(node, 0));
    },
  }));
  it('is the login name right before the password of a function named for logging in, or of a passport strategy', () => {
    for (const name of ['username', 'user', 'email', 'login']) expect(seen.get(name)).toBe(true);
  });
  it('is not a parameter away from the password, of a function not named for logging in, or an id', () => {
    for (const name of ['account', 'who', 'mail', 'userId']) expect(seen.get(name)).toBe(false);
  });
});

describe('session steps: isSessionStepError, receivesPassportVerdict', () => {
  const code = `app.get('/cb', (req, res, next) => {
  passport.authenticate('google', async (err, user) => {
    req.session.regenerate((regenerateErr) => {
      probe(regenerateErr);
      req.login(user, { session: true }, (loginErr) => { probe(loginErr); });
      req.session.save(function (saveErr, extra) { probe(saveErr); probe(extra); });
    });
    probe(err);
  })(req, res, next);
  const onVerdict = (e, u) => {};
  passport.authenticate('local', onVerdict)(req, res, next);
  teams.checkMember(req.user, (error) => probe(error));
  session.regenerate((e2) => probe(e2));
});`;

  it("knows the error a session step hands its callback, not another callback's", () => {
    const found: boolean[] = [];
    probe(code, (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'probe') found.push(isSessionStepError(context, node.arguments[0] as TSESTree.Identifier));
      },
    }));
    // regenerate's, login's and save's errors; not save's second parameter, passport's verdict, a look-up's error, or a bare `session` object's
    expect(found).toEqual([true, true, true, false, false, false, false]);
  });

  it("knows passport's custom callback, inline or stored in a const", () => {
    const found: boolean[] = [];
    probe(code, (context: Context) => ({
      ':function'(fn: AnyFunction) {
        if (fn.params.length >= 2) found.push(receivesPassportVerdict(context, fn));
      },
    }));
    // the route (req, res, next), the inline callback, save's callback, the stored callback
    expect(found).toEqual([false, true, false, true]);
  });
});
