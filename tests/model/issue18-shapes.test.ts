/**
 * Issue 18 audit: shared recognition of shapes the rule tests covered but no model test did.
 * - http-outcomes.ts: a 401/403 chosen by a ternary between status constants imported by name
 *   (`userId ? NOT_FOUND : FORBIDDEN`, http-status / http-status-codes style), not only literals
 *   and `HttpStatus.X` members;
 * - rejection-sites.ts: a failed credential check answered without a status — a redirect to the login
 *   or an auth-error page, the login form re-rendered with an error, also in the error branch of an
 *   app's callback-style validator — is a rejection site, and the same answers on a passed check or
 *   with no credential check on the path are not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { getStatusChoices } from '../../src/model/status-choices.js';
import { type RejectionSite, type RejectionSiteOptions, callRejectionSites } from '../../src/model/rejection-sites.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

const ts: ProbeOptions = { ts: true };

describe('getStatusChoices: a ternary between status constants imported by name (issue 18)', () => {
  function choices(code: string): Map<string, number[] | null> {
    const found = new Map<string, number[] | null>();
    probe(
      code,
      (context: Context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          const text = context.sourceCode.getText(node);
          if (!/^(res|reply)\.(status|sendStatus|code)\(/.test(text) || found.has(text)) return;
          found.set(text, getStatusChoices(context, node)?.map((c) => c.status) ?? null);
        },
      }),
      ts,
    );
    return found;
  }

  it('reads destructured http-status constants and http-status-codes members in either branch', () => {
    const found = choices(`
      const { NOT_FOUND, FORBIDDEN, UNAUTHORIZED } = require('http-status');
      import { StatusCodes } from 'http-status-codes';
      res.status(userId ? NOT_FOUND : FORBIDDEN);
      res.sendStatus(session ? FORBIDDEN : UNAUTHORIZED);
      reply.code(member ? StatusCodes.FORBIDDEN : StatusCodes.NOT_FOUND);
    `);
    expect(found.get('res.status(userId ? NOT_FOUND : FORBIDDEN)')).toEqual([404, 403]);
    expect(found.get('res.sendStatus(session ? FORBIDDEN : UNAUTHORIZED)')).toEqual([403, 401]);
    expect(found.get('reply.code(member ? StatusCodes.FORBIDDEN : StatusCodes.NOT_FOUND)')).toEqual([403, 404]);
  });

  it('no choice between names that denote no status', () => {
    const found = choices(`
      const { mode, fallback } = require('./settings');
      res.status(ok ? mode : fallback);
    `);
    expect(found.get('res.status(ok ? mode : fallback)')).toBeNull();
  });
});

describe('callRejectionSites: a failed credential check answered by a redirect or a re-rendered form (issue 18)', () => {
  const options: RejectionSiteOptions = { statuses: new Set([401, 403]), includeNonAccessControl: false, includeAnonymous: true, includeExpired: true };
  const describeFailure = (reason: string) => `a failed check (${reason})`;

  /** `answer | reason` of every site the calls of `code` make. */
  function sites(code: string): string[] {
    const out: RejectionSite[] = [];
    probe(code, (context: Context) => ({
      CallExpression: (node: TSESTree.CallExpression) => out.push(...callRejectionSites(context, options, node, describeFailure)),
    }));
    return [...new Set(out.map((s) => `${s.what} | ${s.reason}`))];
  }

  it('a redirect back to the login page after a failed password check', () => {
    expect(
      sites(
        "import bcrypt from 'bcrypt';\napp.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  const ok = user && (await bcrypt.compare(req.body.password, user.hash));\n  if (!ok) return res.redirect('/login?error=1');\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
      ),
    ).toEqual(['a failed check (invalid_credentials) | invalid_credentials']);
  });

  it('the login form re-rendered after a failed one-time code, and an auth-error page after a failed passkey', () => {
    expect(
      sites(
        "app.post('/login/otp', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const valid = speakeasy.totp.verify({ secret: user.otpSecret, encoding: 'base32', token: req.body.code });\n  if (!valid) return res.render('otp', { error: 'Invalid code' });\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
      ),
    ).toEqual(['a failed check (invalid_otp) | invalid_otp']);
    expect(
      sites(
        "app.post('/webauthn/verify', async (req, res) => {\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge });\n  if (verification.verified === false) return res.redirect('/auth-error');\n  req.session.userId = req.session.pendingUserId;\n  res.redirect('/');\n});",
      ),
    ).toEqual(['a failed check (invalid_passkey) | invalid_passkey']);
  });

  it("the error branch of an app's callback-style validator handed the password", () => {
    expect(
      sites(
        "app.post('/signin', (req, res) => {\n  User.authenticate(req.body.username, req.body.password, (err, user) => {\n    if (err || !user) return res.render('signin', { error: 'Wrong username or password' });\n    req.session.userId = user.id;\n    res.redirect('/');\n  });\n});",
      ),
    ).toEqual(['a failed check (invalid_credentials) | invalid_credentials']);
  });

  it('not the redirect after a passed check, nor a redirect to the login page with no check on the path', () => {
    expect(
      sites(
        "import bcrypt from 'bcrypt';\napp.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (user && (await bcrypt.compare(req.body.password, user.hash))) {\n    req.session.userId = user.id;\n    return res.redirect('/');\n  }\n  next();\n});",
      ),
    ).toEqual([]);
    expect(sites("app.get('/dashboard', (req, res) => {\n  if (!req.session.userId) return res.redirect('/login');\n  res.render('dashboard');\n});")).toEqual([]);
  });
});
