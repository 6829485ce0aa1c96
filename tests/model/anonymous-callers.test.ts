import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getEnclosingFunction, type Context } from '../../src/model/ast.js';
import { refusesOnlyAnonymous } from '../../src/model/anonymous-callers.js';
import { probe } from '../helpers/probe.js';

/** The answer for every `deny()` call in `code` (the rejection), in source order. */
function verdicts(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context: Context) => ({
    CallExpression: (node: TSESTree.CallExpression) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'deny') return;
      const fn = getEnclosingFunction(node);
      out.push(fn !== null && refusesOnlyAnonymous(context, node, fn));
    },
  }));
  return out;
}

const handler = (body: string): string => `app.use(async (req, res, next) => {\n${body}\n});`;

describe('refusesOnlyAnonymous', () => {
  it.each([
    ['no session user', 'if (!req.user) return deny();'],
    ['no session user id', 'if (!req.session.userId) return deny();'],
    ['no uid on the request', 'if (!req.uid) return deny();'],
    ['no Authorization header', "if (!req.headers['authorization']) return deny();"],
    ['a header getter', "if (!req.get('Authorization')) return deny();"],
    // Strapi's admin token refresh (round 13): the cookie's name is a constant named for it
    ['a cookie getter given a constant named for the cookie', 'const refreshToken = req.cookies.get(sessionAuth.REFRESH_COOKIE_NAME);\nif (!refreshToken) return deny();'],
    ['a header getter given a constant named for the header', 'if (!req.get(AUTH_HEADER)) return deny();'],
    ['a bearer token cut from the header', "const token = req.headers.authorization?.split(' ')[1];\nif (!token) return deny();"],
    ['a cookie or the query', 'const token = req.cookies.token || req.query.token;\nif (!token) return deny();'],
    ['destructured from the request', 'const { user } = req;\nif (user == null) return deny();'],
    ['neither of two identities', 'if (!req.accountability?.user && !req.accountability?.role) return deny();'],
    ['an optional identity field', 'if (!req.user?.id) return deny();'],
    ['a user in a container', 'if (!req.accountability.user || !ctx.state.user) return deny();'],
    ['nil and undefined tests', 'if (_.isNil(req.user) || typeof req.session === "undefined") return deny();'],
    ['a boolean comparison', 'if (req.isAuthenticated() === false) return deny();'],
    ['an early exit for authenticated callers', 'if (req.isAuthenticated()) return next();\ndeny();'],
    ['the anonymous branch of a ternary', 'req.user ? next() : deny();'],
    ['a socket handshake token', 'if (!socket.handshake.auth.token) return deny();'],
    ['res.locals', 'if (!res.locals.user) return deny();'],
    ['answered by format inside the anonymous branch', "if (!req.uid) {\n  if (res.locals.isAPI || req.xhr) return deny();\n  res.redirect('/login');\n}"],
    ['a route test after an early exit', "if (req.user) return next();\nif (req.path.startsWith('/uploads')) return deny();\nnext();"],
    ['a public-access switch beside it', 'if (!req.user && !settings.publicAccess) return deny();'],
    ['a redirect-or-refuse flag inside the anonymous else branch', "const skReq = req;\nif (skReq.skIsAuthenticated && skReq.skPrincipal) {\n  next();\n} else if (redirect) {\n  res.redirect('/login');\n} else {\n  deny();\n}"],
    ['a const renaming the request', 'const skReq = req;\nif (!skReq.user) return deny();'],
    ["an app's short namespace before the identity", 'if (!req.skPrincipal) return deny();'],
    ['an authenticated flag behind a namespace, on a renamed request', 'const skReq = req;\nif (skReq.skIsAuthenticated) return next();\ndeny();'],
    ['the identifier of an optional principal', 'const username = req.skPrincipal?.identifier;\nif (!username) return deny();'],
    ['a request field written only after the test', 'if (!req.user) return deny();\nconst ws = await workspaces.byId(req.query.id);\nreq.user = { ...req.user, activeWorkspaceId: ws.id };'],
    // better-auth's plugins (round 17) and next-auth's API routes: the session a getter reads off the request or its context
    ['a session getter given the context', 'const session = await getSessionFromCtx(ctx);\nif (!session) return deny();'],
    ['a session getter whose failure is no session, on a request from outside', 'const session = await getSessionFromCtx(ctx).catch(() => null);\nif (!session && (ctx.request || ctx.headers)) return deny();'],
    ["next-auth's server session", 'const session = await getServerSession(req, res, authOptions);\nif (!session) return deny();'],
    ["better-auth's session re-read from the store", 'const session = await getAuthoritativeSessionFromCtx(ctx);\nif (!session) return deny();'],
    ["passport-jwt's configured extractor", 'var token = self._jwtFromRequest(req);\nif (!token) return deny();'],
  ])('anonymous: %s', (_name, body) => {
    expect(verdicts(handler(body))).toEqual([true]);
  });

  it.each([
    ['a looked-up user', 'const user = await users.byToken(req.headers.authorization);\nif (!user) return deny();'],
    ['a role', 'if (!req.user.isAdmin) return deny();'],
    ['anonymous or not an admin', "if (!req.user || req.user.role !== 'admin') return deny();"],
    ['an identity field without ?.', 'if (!req.user.id) return deny();'],
    ['a remote user name without ?.', 'if (_.isNil(req.remote_user.name)) return deny();'],
    ['a uid of the user', 'if (!req.user.uid) return deny();'],
    ['a decoded token', 'const payload = jwt.decode(req.headers.authorization);\nif (!payload) return deny();'],
    ['a local written again', "let user = req.user;\nif (req.query.key) user = await keys.owner(req.query.key);\nif (!user) return deny();"],
    ['a request field set from a lookup here', 'req.user = await deserialize(req.session.id);\nif (!req.user) return deny();'],
    ['an awaited checker', 'if (!(await isAuthenticated(req))) return deny();'],
    ['a route parameter', 'if (!req.params.id) return deny();'],
    ['an unrecognizable flag', 'if (!ok) return deny();'],
    ['a header getter given a constant naming no credential', 'if (!req.get(CONTENT_TYPE)) return deny();'],
    ['the identified branch beside a redirect flag', "const skReq = req;\nif (skReq.skIsAuthenticated && skReq.skPrincipal) {\n  if (skReq.skPrincipal.identifier === 'AUTO' && redirect) res.redirect('/login');\n  else deny();\n}"],
    ['a renamed request written again', 'let r = req;\nif (req.query.as) r = await impersonated(req.query.as);\nif (!r.user) return deny();'],
    ['a second-factor code, not a namespace', 'if (!req.body.otpToken) return deny();'],
    ['a permission behind a namespace', "if (req.skPrincipal?.permissions !== 'admin') return deny();"],
    ['inside a catch', 'try { await verify(req) } catch { return deny(); }'],
    ['after an early exit for anonymous callers', 'if (!req.user) return next();\ndeny();'],
    ['a presented header after an early exit for session users', "if (req.user) return next();\nif (req.header('authorization')) return deny();\nres.redirect('/login');"],
    ['a session getter handed no request', 'const session = await getSession(sessionId);\nif (!session) return deny();'],
    ['a role of the session a getter read', "const session = await getSessionFromCtx(ctx);\nif (session.user.role !== 'admin') return deny();"],
    ['a getter named for something else', 'const member = await getMemberFromCtx(ctx);\nif (!member) return deny();'],
    ['an unknown test inside the anonymous branch', 'if (!req.user) {\n  const ok = await keys.check(req.query.key);\n  if (!ok) return deny();\n}'],
  ])('not anonymous: %s', (_name, body) => {
    expect(verdicts(handler(body))).toEqual([false]);
  });

  it("reads the credential a passport strategy hands its verify callback, not its other parameters", () => {
    const code = `passport.use(new LocalAPIKeyStrategy({ passReqToCallback: true }, (req, apikey, done) => {
  if (!apikey) return deny();
  if (!done) return deny();
}));
passport.use(new LocalStrategy((username, password, done) => {
  if (!password) return deny();
}));
something((req, apikey, done) => {
  if (!apikey) return deny();
});`;
    expect(verdicts(code)).toEqual([true, false, false, false]);
  });

  it('follows a same-file extractor given the request', () => {
    const code = `function extractToken(req) {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Bearer ')) return null;
  return header.slice(7);
}
function lookupUser(req) {
  return users.get(req.headers.authorization);
}
app.use((req, res, next) => {
  if (!extractToken(req)) return deny();
  if (!lookupUser(req)) return deny();
  next();
});`;
    expect(verdicts(code)).toEqual([true, false]);
  });
});

describe('refusesOnlyAnonymous: an Egg.js / ThinkJS controller and an empty identity object', () => {
  const controller = (body: string): string => `module.exports = class extends think.Logic {\n  async deleteAction() {\n${body}\n  }\n};`;
  it.each([
    ['an empty userInfo from this.ctx.state (ThinkJS)', 'const { userInfo } = this.ctx.state;\nif (think.isEmpty(userInfo)) return deny();'],
    ["lodash's isEmpty of the session user", 'if (_.isEmpty(this.ctx.state.user)) return deny();'],
    ['no user on this.ctx (Egg.js)', 'if (!this.ctx.user) return deny();'],
  ])('anonymous: %s', (_name, body) => {
    expect(verdicts(controller(body))).toEqual([true]);
  });

  it.each([
    ['a role of the signed-in user', "const { userInfo } = this.ctx.state;\nif (userInfo.type !== 'administrator') return deny();"],
    ['an empty lookup result', 'const rows = await this.getModel("Comment").select({ id: this.id });\nif (think.isEmpty(rows)) return deny();'],
    ['a field of this.ctx that names no identity', 'if (think.isEmpty(this.ctx.state.deprecated)) return deny();'],
  ])('not anonymous: %s', (_name, body) => {
    expect(verdicts(controller(body))).toEqual([false]);
  });
});
