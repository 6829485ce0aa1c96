/**
 * src/model/rejection-sites.ts: which access-control rejections a node makes (log-auth-failures
 * tracks the paths to them and decides).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import {
  type RejectionSite,
  type RejectionSiteOptions,
  assignmentRejectionSites,
  callRejectionSites,
  newRejectionSites,
  reasonForStatus,
  returnRejectionSites,
  statusClearingWrite,
  throwRejectionSites,
} from '../../src/model/rejection-sites.js';
import { probe } from '../helpers/probe.js';

const DEFAULT: RejectionSiteOptions = { statuses: new Set([401, 403]), includeNonAccessControl: false, includeAnonymous: true, includeExpired: true };
const describeFailure = (reason: string) => `a failed check (${reason})`;

/** Every site every listener finds, as `what | status | reason | propagates`. */
function sites(code: string, options: RejectionSiteOptions = DEFAULT, ts = false): string[] {
  const out: RejectionSite[] = [];
  probe(
    code,
    (context: Context) => ({
      CallExpression: (node: TSESTree.CallExpression) => out.push(...callRejectionSites(context, options, node, describeFailure)),
      NewExpression: (node: TSESTree.NewExpression) => out.push(...newRejectionSites(context, options, node)),
      AssignmentExpression: (node: TSESTree.AssignmentExpression) => out.push(...assignmentRejectionSites(context, options, node, describeFailure)),
      ThrowStatement: (node: TSESTree.ThrowStatement) => out.push(...throwRejectionSites(context, options, node, describeFailure)),
      ReturnStatement: (node: TSESTree.ReturnStatement) => out.push(...returnRejectionSites(context, options, node)),
    }),
    { ts },
  );
  // `res.status(401).json(…)`: both calls of the chain answer 401; the rule keeps one site per statement.
  return [...new Set(out.map((s) => `${s.what} | ${s.status} | ${s.reason} | ${s.propagates ? 'propagates' : 'answers'}`))];
}

describe('reasonForStatus', () => {
  it('maps a status to the reason a log names', () => {
    expect([401, 403, 429].map(reasonForStatus)).toEqual(['unauthorized', 'forbidden', 'rate_limited']);
  });
});

describe('rejection sites', () => {
  it('a 401/403 response in a handler, and a thrown or forwarded one', () => {
    expect(sites("app.get('/admin', (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'login' });\n  res.json(ok);\n});")).toEqual([
      'a 401 response | 401 | unauthorized | answers',
    ]);
    expect(sites("app.get('/admin', (req, res, next) => {\n  if (!req.user.isAdmin) return next(createError(403));\n  next();\n});")).toEqual([
      'a 403 error handed on | 403 | forbidden | propagates',
    ]);
    expect(sites("app.get('/admin', (req, res) => {\n  if (!req.user.isAdmin) throw new ForbiddenError('no');\n});")).toEqual(['ForbiddenError (403) | 403 | forbidden | propagates']);
  });

  it('an auth error returned as the result in a Nest provider, also compiled, when the function returns its success elsewhere', () => {
    const compiled = [
      'const common_1 = require("@nestjs/common");',
      'let AuthService = class AuthService {',
      '  async verifyUserPassword(ctx, userId, password) {',
      '    const passwordMatches = await this.strategy.verifyUserPassword(ctx, userId, password);',
      '    if (!passwordMatches) return new errors_1.InvalidCredentialsError({ authenticationError: "" });',
      '    return true;',
      '  }',
      '};',
      'exports.AuthService = AuthService = __decorate([(0, common_1.Injectable)()], AuthService);',
    ].join('\n');
    expect(sites(compiled)).toEqual(['InvalidCredentialsError returned (401) | 401 | unauthorized | answers']);
    // no decorator applied to the class: not a Nest provider
    expect(sites(compiled.replace('(0, common_1.Injectable)()', ''))).toEqual([]);
    // thrown, the same error passes the app's exception filter (compiled Nest apps register one globally): left to it
    expect(sites(compiled.replace('return new errors_1.InvalidCredentialsError', 'throw new errors_1.ForbiddenError'))).toEqual([]);
    // in TypeScript source the decorated class decides, thrown or returned
    const source = "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class Perms {\n  async check(ctx) {\n    if (!(await this.roles.hasPermission(ctx))) return new ForbiddenError();\n    return true;\n  }\n}";
    expect(sites(source, DEFAULT, true)).toEqual(['ForbiddenError returned (403) | 403 | forbidden | answers']);
    expect(sites(source.replace('return new ForbiddenError()', 'throw new ForbiddenError()'), DEFAULT, true)).toEqual(['ForbiddenError (403) | 403 | forbidden | propagates']);
    // an error mapper returns errors on every path (its caller's throw is the rejection)
    const mapper = "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class Errors {\n  map(e) {\n    if (e.code === 'denied') return new ForbiddenError();\n    return e;\n  }\n}";
    expect(sites(mapper, DEFAULT, true)).toEqual([]);
  });

  it('a promise settled with a 401 answer on a failed password check', () => {
    const code = [
      "import bcrypt from 'bcryptjs';",
      'function login(name, password) {',
      '  return new Promise((resolve, reject) => {',
      '    bcrypt.compare(password, hashOf(name), (err, matches) => {',
      '      if (matches === true) resolve({ statusCode: 200, token: sign(name) });',
      "      else resolve({ statusCode: 401, message: 'Login failed' });",
      '    });',
      '  });',
      '}',
    ].join('\n');
    expect(sites(code)).toEqual(['a 401 answer resolved | 401 | invalid_credentials | propagates']);
    // outside a failed check and a handler, a resolved status object is data
    expect(sites("function lookup(id) {\n  return new Promise((resolve) => resolve({ statusCode: 403, id }));\n}")).toEqual([]);
  });

  it('a status chosen by a ternary, and one held in a variable with only rejecting values', () => {
    expect(sites("app.get('/doc', (req, res) => {\n  res.status(req.user ? 403 : 401).end();\n});")).toEqual([
      'a 403 response | 403 | forbidden | answers',
      'a 401 response | 401 | unauthorized | answers',
    ]);
    expect(sites("app.get('/doc', (req, res) => {\n  const status = req.user ? 403 : 401;\n  res.status(status).end();\n});")).toEqual([
      'a 403 response | 403 | forbidden | answers',
    ]);
  });

  it('Koa ctx.assert, a failed password answered without a status, passport done(null, false)', () => {
    expect(sites("router.get('/me', async (ctx) => {\n  ctx.assert(ctx.state.user, 401, 'login');\n  ctx.body = ctx.state.user;\n});")).toEqual([
      'ctx.assert(…, 401) | 401 | unauthorized | propagates',
    ]);
    expect(
      sites("app.post('/login', async (req, res) => {\n  const ok = await bcrypt.compare(req.body.password, user.hash);\n  if (!ok) return res.json({ ok: false });\n  res.json({ ok: true });\n});"),
    ).toEqual(['a failed check (invalid_credentials) | null | invalid_credentials | answers']);
    expect(
      sites("passport.use(new LocalStrategy(async (username, password, done) => {\n  const user = await User.findOne({ username });\n  if (!user || !(await user.verifyPassword(password))) return done(null, false);\n  return done(null, user);\n}));"),
    ).toEqual(['a failed login (done(null, false)) | 401 | invalid_credentials | answers']);
  });

  it('a Nest guard returning false', () => {
    const guard = [
      "import { Injectable, CanActivate, ExecutionContext } from '@nestjs/common';",
      '@Injectable()',
      'export class AdminGuard implements CanActivate {',
      '  canActivate(context: ExecutionContext): boolean {',
      '    const request = context.switchToHttp().getRequest();',
      '    if (!request.user?.isAdmin) return false;',
      '    return true;',
      '  }',
      '}',
    ].join('\n');
    expect(sites(guard, DEFAULT, true)).toEqual(['the guard returning false (403) | 403 | guard_denied | propagates']);
  });

  it('not access control: a 403 chosen by a feature flag, a 404, a 401 outside any handler', () => {
    expect(sites("app.post('/signup', (req, res) => {\n  if (!config.registrationEnabled) return res.status(403).end();\n  res.end();\n});")).toEqual([]);
    expect(sites("app.post('/signup', (req, res) => {\n  if (!config.registrationEnabled) return res.status(403).end();\n  res.end();\n});", { ...DEFAULT, includeNonAccessControl: true })).toEqual([
      'a 403 response | 403 | forbidden | answers',
    ]);
    expect(sites("app.get('/doc', (req, res) => {\n  if (!doc) return res.status(404).end();\n});")).toEqual([]);
    expect(sites('const response = new Response(null, { status: 401 });')).toEqual([]);
  });

  it('a 429 only when asked', () => {
    const code = "app.post('/login', (req, res) => {\n  if (limited(req.ip)) return res.status(429).end();\n  res.end();\n});";
    expect(sites(code)).toEqual([]);
    expect(sites(code, { ...DEFAULT, statuses: new Set([401, 403, 429]) })).toEqual(['a 429 response | 429 | rate_limited | answers']);
  });
});

describe('a rejection a status variable is declared with and assignments clear', () => {
  /** `site` per response site (with how many assignments clear it), `clears` per clearing assignment. */
  function survival(code: string, options: RejectionSiteOptions = DEFAULT): string[] {
    const out: string[] = [];
    probe(code, (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        for (const site of callRejectionSites(context, options, node, describeFailure)) out.push(`site ${site.status} cleared by ${site.clearedBy?.length ?? 0}`);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (statusClearingWrite(context, options, node)) out.push(`clears ${context.sourceCode.getText(node)}`);
      },
    }));
    return out;
  }
  it('the response is the site, and each assignment of another status clears it', () => {
    expect(survival("app.get('/x', (req, res) => {\n  let status = 401;\n  if (keys.has(req.headers['x-api-key'])) status = 200;\n  res.status(status).end();\n});")).toEqual([
      'clears status = 200',
      'site 401 cleared by 1',
    ]);
    expect(survival("app.get('/x', (req, res) => {\n  let code = 403;\n  if (req.user?.isAdmin) code = 200;\n  else if (req.user?.isEditor) code = 204;\n  res.sendStatus(code);\n});")).toEqual([
      'clears code = 200',
      'clears code = 204',
      'site 403 cleared by 2',
    ]);
  });
  it('an assignment that rejects otherwise clears it too (and is a site of its own)', () => {
    expect(survival("app.get('/x', (req, res) => {\n  let status = 401;\n  if (upstreamDown) status = 503;\n  else if (req.user?.inactive) status = 403;\n  res.status(status).end();\n});")).toEqual([
      'clears status = 503',
      'clears status = 403',
      'site 401 cleared by 2',
    ]);
  });
  it('not when a setting clears it (unless asked), nor when assignments reject too or the declaration does not', () => {
    const flag = "app.get('/x', (req, res) => {\n  let code = 403;\n  if (settings.exportsEnabled) code = 200;\n  res.sendStatus(code);\n});";
    expect(survival(flag)).toEqual([]);
    expect(survival(flag, { ...DEFAULT, includeNonAccessControl: true })).toEqual(['clears code = 200', 'site 403 cleared by 1']);
    // every assignment rejects too: the response is the site of all of them, nothing is cleared
    expect(survival("app.get('/x', (req, res) => {\n  let code = 401;\n  if (req.user) code = 403;\n  res.sendStatus(code);\n});")).toEqual(['site 401 cleared by 0']);
    // `let code = 200; if (!user) code = 401`: the assignment is the rejection (statusWriteSites), nothing is cleared
    expect(survival("app.get('/x', (req, res) => {\n  let code = 200;\n  if (!req.user) code = 401;\n  res.sendStatus(code);\n});")).toEqual([]);
  });
});
