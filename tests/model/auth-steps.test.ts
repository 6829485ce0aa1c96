import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, isFunctionNode } from '../../src/model/ast.js';
import {
  type AuthFunction,
  authErrorCallback,
  authenticates,
  completesNormally,
  errorBranch,
  getAuthFunction,
  isAuthCallText,
  isOptionalAuthName,
  mayHoldAuthSteps,
  namesAround,
  passesThrough,
  rejects,
} from '../../src/model/auth-steps.js';
import type { Context } from '../../src/model/ast.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

/** `fn` of every function of the file, in order. */
function perFunction<T>(code: string, fn: (context: Context, node: AnyFunction) => T, options: ProbeOptions = {}): T[] {
  const out: T[] = [];
  probe(code, (context) => ({
    ':function'(node: TSESTree.Node) {
      if (isFunctionNode(node)) out.push(fn(context, node));
    },
  }), options);
  return out;
}

const kind = (context: Context, fn: AnyFunction) => getAuthFunction(context, fn)?.kind ?? null;

describe('isAuthCallText / mayHoldAuthSteps', () => {
  it('names auth calls and files that can hold an auth step', () => {
    expect(isAuthCallText('jwt.verify')).toBe(true);
    expect(isAuthCallText('getSession')).toBe(true);
    expect(mayHoldAuthSteps('export class RolesGuard { canActivate() {} }')).toBe(true);
  });
  it('is false for unrelated calls and files', () => {
    expect(isAuthCallText('fetch')).toBe(false);
    expect(mayHoldAuthSteps("export const add = (a, b) => a + b;\nconsole.log(add(1, 2));")).toBe(false);
  });
});

describe('isOptionalAuthName', () => {
  it('matches optional-auth step names', () => {
    for (const n of ['optionalAuth', 'softAuthenticate', 'maybeUser', 'authIfPresent', 'attachUserIfPresent', 'OptionalJwtGuard']) expect(isOptionalAuthName(n)).toBe(true);
  });
  it('does not match required auth steps', () => {
    for (const n of ['requireAuth', 'authenticate', 'JwtAuthGuard', 'verifyToken']) expect(isOptionalAuthName(n)).toBe(false);
  });
});

describe('namesAround', () => {
  it('collects the function, variable, property, class and factory names', () => {
    expect(perFunction('const authMiddleware = function verify(req, res, next) {};', (_c, fn) => namesAround(fn))[0]).toEqual(['verify', 'authMiddleware']);
    expect(perFunction("fastify.decorate('authenticate', async (request, reply) => {});", (_c, fn) => namesAround(fn))[0]).toEqual(['authenticate']);
    expect(perFunction('class JwtGuard { canActivate(ctx) { return true; } }', (_c, fn) => namesAround(fn))[0]).toEqual(['canActivate', 'JwtGuard']);
  });
  it('is empty for an anonymous callback', () => {
    expect(perFunction('run(() => {});', (_c, fn) => namesAround(fn))[0]).toEqual([]);
  });
});

describe('getAuthFunction', () => {
  it('recognises middleware, guards, passport strategies and Fastify hooks', () => {
    expect(perFunction('export function requireAuth(req, res, next) { next(); }', kind)).toEqual(['middleware']);
    expect(perFunction('class RolesGuard implements CanActivate { canActivate(context) { return true; } }', kind, { ts: true })).toEqual(['guard']);
    expect(perFunction('passport.use(new LocalStrategy(async (username, password, done) => done(null, user)));', kind)).toEqual(['strategy']);
    expect(perFunction("fastify.decorate('authenticate', async (request, reply) => { await request.jwtVerify(); });", kind)).toEqual(['hook']);
    const mw = perFunction('export const checkJwt = (req, res, next) => next();', getAuthFunction)[0]!;
    expect(mw.pass?.name).toBe('next');
    expect(mw.res?.name).toBe('res');
  });
  it('takes the file name as a hint', () => {
    expect(perFunction('export default function (req, res, next) { next(); }', kind, { filename: '/app/src/middleware/auth.js', cwd: '/app' })).toEqual(['middleware']);
    expect(perFunction('export default function (req, res, next) { next(); }', kind, { filename: '/app/src/middleware/cors.js', cwd: '/app' })).toEqual([null]);
  });
  it('is null for other functions', () => {
    expect(perFunction('function compress(req, res, next) { next(); }', kind)).toEqual([null]);
    expect(perFunction('class CacheInterceptor { canActivate() { return true; } }', kind)).toEqual([null]);
    expect(perFunction('new Worker((a, b, done) => done());', kind)).toEqual([null]);
  });
});

/** The auth function of the file's first function, and `fn` applied to each statement of its body. */
function onStatements<T>(code: string, fn: (context: Context, statement: TSESTree.Statement, auth: AuthFunction) => T): T[] {
  const out: T[] = [];
  let done = false;
  probe(code, (context) => ({
    ':function'(node: TSESTree.Node) {
      if (done || !isFunctionNode(node) || node.body.type !== 'BlockStatement') return;
      done = true;
      const auth = getAuthFunction(context, node)!;
      for (const s of node.body.body) out.push(fn(context, s, auth));
    },
  }));
  return out;
}

describe('passesThrough', () => {
  it('says how a statement lets the request through', () => {
    expect(onStatements('function requireAuth(req, res, next) { next(); return next(null); }', passesThrough)).toEqual(['calls next() without the error', 'calls next() without the error']);
    expect(onStatements('passport.use(new JwtStrategy(opts, (payload, done) => { return done(null, payload.user); }));', passesThrough)).toEqual(['calls done(null, …) with a user']);
    expect(onStatements('class AuthGuard { canActivate(ctx) { return true; } }', passesThrough)).toEqual(['returns true']);
  });
  it('is null for rejections', () => {
    expect(onStatements('function requireAuth(req, res, next) { next(err); res.status(401).end(); }', passesThrough)).toEqual([null, null]);
    expect(onStatements('passport.use(new JwtStrategy(opts, (payload, done) => { return done(null, false); }));', passesThrough)).toEqual([null]);
  });
});

describe('rejects', () => {
  it('sees throws, errors handed on, 4xx answers and return false', () => {
    expect(onStatements('function requireAuth(req, res, next) { try { a(); } catch (e) { return res.status(401).json({}); } }', (c, s, a) => rejects(c, s, a))).toEqual([true]);
    expect(onStatements('function requireAuth(req, res, next) { if (!ok) { next(new Error("no")); } }', (c, s, a) => rejects(c, s, a))).toEqual([true]);
    expect(onStatements('class AuthGuard { canActivate(ctx) { if (!ok) { return false; } } }', (c, s, a) => rejects(c, s, a))).toEqual([true]);
  });
  it('is false for a region that only logs', () => {
    expect(onStatements('function requireAuth(req, res, next) { if (!ok) { console.warn("bad token"); } }', (c, s, a) => rejects(c, s, a))).toEqual([false]);
  });
});

describe('authenticates', () => {
  it('is true for a region that verifies a token or loads a user', () => {
    expect(onStatements('function requireAuth(req, res, next) { req.user = jwt.verify(token, key); }', (c, s) => authenticates(c, s))).toEqual([true]);
    expect(onStatements('function requireAuth(req, res, next) { const s = getSession(req); }', (c, s) => authenticates(c, s))).toEqual([true]);
  });
  it('is false for unrelated work', () => {
    expect(onStatements('function requireAuth(req, res, next) { const body = JSON.parse(raw); }', (c, s) => authenticates(c, s))).toEqual([false]);
  });
});

describe('completesNormally', () => {
  it('is true when control can leave the statement at its end', () => {
    expect(onStatements('function f(req, res, next) { log(); if (a) { return; } { x(); } }', (_c, s) => completesNormally(s))).toEqual([true, true, true]);
  });
  it('is false when every path returns or throws', () => {
    expect(onStatements('function f(req, res, next) { return; throw e; if (a) { return; } else { throw e; } }', (_c, s) => completesNormally(s))).toEqual([false, false, false]);
  });
});

describe('errorBranch', () => {
  /** errorBranch of each `if` in the callback whose first parameter is the error. */
  function branches(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    probe(code, (context) => ({
      IfStatement(node: TSESTree.IfStatement) {
        const fn = node.parent.parent as TSESTree.ArrowFunctionExpression;
        const branch = errorBranch(node, fn.params[0] as TSESTree.Identifier);
        out.push(branch ? context.sourceCode.getText(branch) : null);
      },
    }));
    return out;
  }
  it('finds the branch taken on an error', () => {
    expect(branches('jwt.verify(t, k, (err, decoded) => { if (err) { a(); } });')).toEqual(['{ a(); }']);
    expect(branches('jwt.verify(t, k, (err, user) => { if (err || !user) b(); });')).toEqual(['b();']);
    expect(branches('jwt.verify(t, k, (err, user) => { if (!err) ok(); else { fail(); } });')).toEqual(['{ fail(); }']);
    expect(branches('jwt.verify(t, k, (err, user) => { if (err != null) c(); });')).toEqual(['c();']);
  });
  it('is null for tests that are not about the error', () => {
    expect(branches('jwt.verify(t, k, (err, user) => { if (user) ok(); if (!err) ok(); });')).toEqual([null, null]);
  });
});

describe('authErrorCallback', () => {
  function callbacks(code: string): string[] {
    const out: string[] = [];
    const record = (context: { sourceCode: { getText(n: TSESTree.Node): string } }, fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) => {
      const cb = authErrorCallback(fn);
      out.push(!cb ? 'none' : cb.kind === 'rejection' ? `rejection of ${context.sourceCode.getText(cb.promise)}` : `error-first ${cb.path} (${cb.error.name})`);
    };
    probe(code, (context) => ({
      ArrowFunctionExpression: (fn: TSESTree.ArrowFunctionExpression) => record(context, fn),
      FunctionExpression: (fn: TSESTree.FunctionExpression) => record(context, fn),
    }));
    return out;
  }
  it('a rejection handler: .catch(fn) or the second argument of .then', () => {
    expect(callbacks('verifyToken(t).catch(() => next()); verifyToken(t).then((u) => ok(u), (e) => next());')).toEqual([
      'rejection of verifyToken(t)',
      'none',
      'rejection of verifyToken(t)',
    ]);
  });
  it("an auth call's error-first last callback; not another call's, nor a first parameter named otherwise", () => {
    expect(callbacks('jwt.verify(token, key, (err, decoded) => {}); fs.readFile(p, (err, data) => {}); jwt.verify(token, key, (result) => {}); jwt.verify(token, (err) => {}, opts);')).toEqual([
      'error-first jwt.verify (err)',
      'none',
      'none',
      'none',
    ]);
  });
});
