import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { type GuardOptions, type GuardSubject, classifyRejectionGuard } from '../../src/model/access-control.js';
import { classifyPath } from '../../src/model/access-words.js';
import { probe } from '../helpers/probe.js';

/** The guard verdict for every `reject()` call, in source order. */
function verdicts(code: string, options: GuardOptions = {}): GuardSubject[] {
  const out: GuardSubject[] = [];
  probe(code, (context: Context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'reject') return;
      let region: TSESTree.Node = node;
      while (region.parent && !/Function/u.test(region.type)) region = region.parent;
      out.push(classifyRejectionGuard(context, node, region, options));
    },
  }));
  return out;
}

const one = (condition: string, options: GuardOptions = {}): GuardSubject => {
  const result = verdicts(`async function handler(req, res) { if (${condition}) reject(); }`, options);
  expect(result).toHaveLength(1);
  return result[0]!;
};

describe('classifyRejectionGuard: who is asking', () => {
  it.each([
    '!req.user',
    '!req.session.userId',
    "req.user.role !== 'admin'",
    'req.accountability && req.accountability.admin !== true',
    '!req.accountability?.user && !req.accountability?.role',
    "!req.headers['x-api-key']",
    '!(await permissions.can(req.user, "edit"))',
    '!isValidSignature(req.body, sig)',
    'post.authorId !== req.user.id',
    'String(doc.ownerId) !== String(req.user.id)',
    '!req.user || !settings.exportsEnabled',
    'token !== process.env.ADMIN_TOKEN',
    '!member',
    '!allowedIps.includes(req.ip)',
    '!allowed(req)',
    '!isAllowed(req.user, "edit")',
    '!req.user && !features.publicApiEnabled',
    "!req.user && req.user.plan === 'free' || !req.session",
    'isProtectedPath(req.path) && !req.user',
    '!validateUrlSignature(req.url, sig)',
    'identityManager.isCloud() && !req.user.isAdmin',
    // a limit of attempts is no licence: the auth word decides
    'isLoginLimitReached(req.ip)',
  ])('%s → who', (condition) => {
    expect(one(condition)).toBe('who');
  });
});

describe('classifyRejectionGuard: something else', () => {
  it.each([
    '!config.registrationEnabled',
    // a feature's switch named by the verb enable / disable, whatever feature it names (also a destructured setting)
    '!enableResetPassword',
    'options.disableSignup',
    "process.env.AUTH_OIDC_ENABLED !== 'true'",
    "!this.configService.get('SIGNUP_ENABLED')",
    "!settingsCache.get('members_signup_access')",
    "req.user.plan === 'free'",
    "commentsEnabled === 'paid' && member.status === 'free'",
    'req.params.id === req.user.id',
    'blockedEmailDomains.includes(domain)',
    'ipBlocklist.has(req.ip)',
    "product.get('active') !== true",
    'isIn(type, EXTENSION_TYPES) === false',
    "typeof req.params['pk'] !== 'string'",
    "req.params['collection'] in req.schema.collections === false",
    'isSystemCollection(req.params.collection)',
    'user.role.slug !== OWNER_ROLE.slug && !this.license.isWithinUsersLimit()',
    "req.accountability?.oauth && (toBoolean(env['MCP_OAUTH_ENABLED']) !== true || toBoolean(mcp_oauth_enabled) !== true)",
    'req.user && !flags.betaEnabled',
    'Container.get(InstanceWriteAccessService).isReadOnly()',
    'this.isUserManagedByEnv(user)',
    '!gateway.isConnected',
    "requestPath.mayReachDirectory(req.path, 'types')",
    'isOAuthHtmlEndpoint(req)',
    'identityManager.isCloud()',
    'this.env.isSelfHosted()',
    // what the customer bought outranks the auth words it qualifies: licensed admin seats, a premium plan
    '!(await hasAdminSeatsAvaialble())',
    '!hasPremiumAccess(req.user)',
  ])('%s → other', (condition) => {
    expect(one(condition)).toBe('other');
  });

  it('a self-action is "other" only when rejected on equality; inequality is ownership', () => {
    expect(one('req.user.id === req.params.id')).toBe('other');
    expect(one('!(req.user.id !== req.params.id)')).toBe('other');
    expect(one('req.user.id !== req.params.id')).toBe('who');
  });

  it('a refusal made because the caller holds the grant is "other"; one made because the caller lacks it is access control', () => {
    expect(one('entry.access === true')).toBe('other');
    expect(one('post.canEdit')).toBe('other');
    expect(one('!entry.access')).toBe('who');
    expect(one('entry.access !== true')).toBe('who');
    expect(one('req.user.banned')).toBe('who');
  });

  it('negated: the rejection happens where the node does not run, so each condition reads the other way', () => {
    const around = (condition: string) => verdicts(`async function handler(req, res) { if (${condition}) reject(); }`, { negated: true })[0];
    expect(around('req.user?.isAdmin')).toBe('who');
    expect(around('settings.exportsEnabled')).toBe('other');
    expect(around('req.user.id === req.params.id')).toBe('who');
  });

  it('request input chooses a 401 as the presented credential', () => {
    expect(one('!req.query.uuid')).toBe('other');
    expect(one('!req.query.uuid', { inputIdentifiesCaller: true })).toBe('who');
    expect(one('!config.publicApi', { inputIdentifiesCaller: true })).toBe('other');
  });
});

describe('classifyRejectionGuard: structure', () => {
  it('is unknown without a recognizable condition', () => {
    expect(one('!ok')).toBe('unknown');
    expect(verdicts('function h() { reject(); }')).toEqual(['unknown']);
  });

  it('follows a local const and destructuring to what they hold', () => {
    expect(verdicts('function h(req) { const ok = permissions.check(req.user); if (!ok) reject(); }')).toEqual(['who']);
    expect(verdicts('function h(req) { const { version } = req.body; if (!version) reject(); }')).toEqual(['other']);
    expect(verdicts('function h(req) { const on = config.get("x"); if (!on) reject(); }')).toEqual(['other']);
  });

  it('reads a local read from the settings alone as a setting, whatever its name', () => {
    expect(verdicts('function h(req) { const allowedModels = { a: aiSettings.aModels, b: aiSettings.bModels }[req.body.p]; if (!allowedModels) reject(); }')).toEqual(['other']);
    expect(verdicts('function h(req) { const byProvider = { a: aiSettings.aModels }; const allowedModels = byProvider[req.body.p]; if (!allowedModels?.length) reject(); }')).toEqual(['other']);
    expect(verdicts('function h(req) { const allowedModels = aiSettings.openaiAllowedModels; if (!allowedModels.includes(req.body.model)) reject(); }')).toEqual(['other']);
    // A value computed from the request is not a setting: `config.admins.includes(req.user.email)` names the caller.
    expect(verdicts('function h(req) { const isAdmin = config.admins.includes(req.user.email); if (!isAdmin) reject(); }')).toEqual(['who']);
  });

  it('reads a verdict named for being allowed by what it was computed from, not as an allowlist', () => {
    expect(verdicts('async function h(ctx) { const isAllowed = await strategy.canAccess(ctx, perms); if (!isAllowed) reject(); }')).toEqual(['who']);
    expect(verdicts('function h(req) { const allowed = roles.includes(req.user.role); if (!allowed) reject(); }')).toEqual(['who']);
    expect(verdicts('function h(req) { const isAllowed = allowedModels.includes(req.body.model); if (!isAllowed) reject(); }')).toEqual(['other']);
    // nothing known about what it holds: the name still reads as before
    expect(verdicts('function h(isAllowed) { if (!isAllowed) reject(); }')).toEqual(['other']);
  });

  it('reads an allowlist as access control only when matched against the caller', () => {
    expect(one('!allowedModels.includes(req.body.model)')).toBe('other');
    expect(one('!allowedOrigins.includes(req.headers.origin)')).toBe('who');
    expect(one('!allowedEmails.has(req.user.email)')).toBe('who');
    // kept in the settings or a plugin's options, a list of callers is still an allowlist (deepstream's origin check)
    expect(one('this.pluginOptions.origins.indexOf(req.headers.origin) === -1')).toBe('who');
    expect(one('!config.allowedOrigins.includes(req.headers.origin)')).toBe('who');
    expect(one('!config.allowedModels.includes(req.body.model)')).toBe('other');
  });

  it("reads a function's options as settings: a middleware factory's switch is no test of the caller", () => {
    // budibase's tenancy resolution; NocoBase's sign-up switch
    expect(one('!opts.allowNoTenant')).toBe('other');
    expect(one('!options.allowSignUp')).toBe('other');
    expect(one('this.pluginOptions.hostUrl && req.headers.host !== this.pluginOptions.hostUrl')).toBe('other');
    expect(one('opts.requireAdmin && !req.user.isAdmin')).toBe('who');
  });

  it('reads a caught error by its class, else by what the try called', () => {
    expect(verdicts('function h(req) { try { svc.testWithCredentials(req.user); } catch (e) { if (e instanceof CredentialNotFoundError) reject(); } }')).toEqual(['who']);
    expect(verdicts('function h(req) { try { svc.validateDateFiltersLicense(q); } catch (e) { if (e instanceof UserError) reject(); } }')).toEqual(['other']);
    expect(verdicts('function h(req) { try { svc.run(q); } catch (e) { if (e instanceof UserError) reject(); } }')).toEqual(['unknown']);
    expect(verdicts('function h(req) { try { jwt.verify(t, k); } catch (e) { if (e instanceof jwt.TokenExpiredError) reject(); } }')).toEqual(['who']);
  });

  it('treats a route test as a routing rule unless an early exit let only some callers through', () => {
    expect(verdicts('function h(req) { if (isMcpPath(req.path)) reject(); }')).toEqual(['other']);
    expect(verdicts('function h(req) { if (!req.accountability?.oauth) { return next(); } if (!isMcpPath(req.path)) reject(); }')).toEqual(['who']);
    expect(verdicts('function h(req) { if (!token) { if (!isPublicPath(req.path)) reject(); } }')).toEqual(['who']);
    expect(verdicts('function h(req) { if (!config.oauthEnabled) { if (isOAuthHtmlEndpoint(req)) reject(); } }')).toEqual(['other']);
  });

  it('reads the innermost condition first and goes outward only past unknown ones', () => {
    expect(verdicts('function h(req) { if (config.adminApi) { if (!req.user.isAdmin) reject(); } }')).toEqual(['who']);
    expect(verdicts('function h(req) { if (req.user) { if (!config.exportsEnabled) reject(); } }')).toEqual(['other']);
    expect(verdicts('function h(req) { if (!config.exportsEnabled) { if (!ok) reject(); } }')).toEqual(['other']);
  });

  it('reads else branches, && / ?: / switch guards, and stops at a catch', () => {
    expect(verdicts('function h(req) { if (req.user.isAdmin) go(); else reject(); }')).toEqual(['who']);
    expect(verdicts('function h(req) { config.locked && reject(); }')).toEqual(['other']);
    expect(verdicts('function h(req) { return req.user ? go() : reject(); }')).toEqual(['who']);
    expect(verdicts("function h(req) { switch (req.user.role) { case 'guest': reject(); } }")).toEqual(['who']);
    expect(verdicts('function h(req) { if (!config.x) { try { go(); } catch { reject(); } } }')).toEqual(['unknown']);
  });

  it('gives identical conditions identical verdicts', () => {
    const code = `
      function a(req) { if (!config.registrationEnabled) reject(); }
      function b(req) { if (!config.registrationEnabled) reject(); }
      function c(req) { if (!req.user) reject(); }
      function d(req) { if (!req.user) reject(); }`;
    expect(verdicts(code)).toEqual(['other', 'other', 'who', 'who']);
  });
});

describe('classifyPath', () => {
  it('ranks settings over every word, then caller words, then plan, input, bare callers and state', () => {
    expect(classifyPath(['process', 'env', 'JWT_SECRET']).kind).toBe('other');
    expect(classifyPath(['req', 'user', 'permissions']).kind).toBe('strong');
    expect(classifyPath(['user', 'subscription']).kind).toBe('other');
    expect(classifyPath(['req', 'body', 'email']).kind).toBe('input');
    expect(classifyPath(['req', 'body', 'token']).kind).toBe('strong');
    expect(classifyPath(['req', 'user']).kind).toBe('weak');
    expect(classifyPath(['tier', 'status']).kind).toBe('other');
    expect(classifyPath(['EXTENSION_TYPES']).kind).toBe('other');
    expect(classifyPath(['Object', 'keys']).kind).toBe('unknown');
    expect(classifyPath(['req', 'user', 'id']).isId).toBe(true);
    expect(classifyPath(['this', 'instanceSettingsLoaderConfig', 'ssoManagedByEnv']).kind).toBe('other');
    // A predicate named after a setting is not the settings object.
    expect(classifyPath(['this', 'isUserManagedByEnv']).setting).toBeUndefined();
  });
});

describe('classifyRejectionGuard: the shape of the input', () => {
  // Parse Server tests the type of a session token it already knows is present (see the typeof
  // describe below): alone, `typeof req.body._SessionToken !== 'string'` also refuses a caller who sent none.
  it.each([
    "req.body._SessionToken && typeof req.body._SessionToken !== 'string'",
    "info.sessionToken && typeof info.sessionToken !== 'string'",
    "typeof req.query.token === 'object'",
  ])('%s → other for a 403', (condition) => {
    expect(one(condition)).toBe('other');
  });

  it("typeof token !== 'string' answered 401 is a malformed credential", () => {
    expect(one("typeof token !== 'string'", { inputIdentifiesCaller: true })).toBe('who');
  });

  it('a typeof test beside a test of who stays who', () => {
    expect(one("typeof req.body.sessionToken !== 'string' || req.body.sessionToken !== req.session.token")).toBe('who');
  });

  it('a catch around a parse is input; a catch around a verification is not recognized', () => {
    expect(
      verdicts(
        'async function h(req, res) { try { req.body = JSON.parse(req.body); } catch { reject(); } try { jwt.verify(t, k); } catch { reject(); } }',
      ),
    ).toEqual(['other', 'unknown']);
  });
});

describe('classifyRejectionGuard: a search of text for punctuation', () => {
  it.each([
    "slug.includes('..') || slug.includes('/')",
    "name.startsWith('.')",
    "file.indexOf('/') !== -1",
    "dir.endsWith('\\\\')",
  ])('%s → other for a 403 (the shape of some text, as a path-traversal check reads it)', (condition) => {
    expect(one(condition)).toBe('other');
  });

  it('is the presented credential for a 401, and what the value is called still counts', () => {
    expect(one("slug.includes('..')", { inputIdentifiesCaller: true })).toBe('who');
    expect(one("!token.includes('.')")).toBe('who');
  });

  it('leaves a search of words to the words', () => {
    expect(one("!req.user.scopes.includes('admin')")).toBe('who');
    expect(one("!item.tags.includes('public')")).toBe('unknown');
  });
});

describe('classifyRejectionGuard: an assertion as the innermost condition', () => {
  /** The verdict for `reject()` with `assertion` (the first argument of `assertValue(…)` before it) as the value that must hold. */
  function asserted(code: string): GuardSubject[] {
    const out: GuardSubject[] = [];
    probe(code, (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'reject' || !node.arguments[0]) return;
        let region: TSESTree.Node = node;
        while (region.parent && !/Function/u.test(region.type)) region = region.parent;
        out.push(classifyRejectionGuard(context, node, region, { assertion: node.arguments[0] }));
      },
    }));
    return out;
  }
  it('reads the asserted value as the test that refuses when falsy', () => {
    expect(
      asserted(`async function handler(ctx) {
  reject(ctx.state.user);
  reject(settings.exportsEnabled);
  if (!settings.exportsEnabled) reject(ctx.state.user);
}`),
    ).toEqual(['who', 'other', 'who']);
  });
});

describe('classifyRejectionGuard: typeof tests on a credential', () => {
  it('a test that also refuses an absent credential is about who is asking', () => {
    expect(one("typeof params.access_token !== 'string'")).toBe('who');
    expect(one("typeof req.body._SessionToken !== 'string'")).toBe('who');
    expect(one("typeof req.body.apiKey === 'undefined'")).toBe('who');
    expect(verdicts("async function h(req) { if (typeof params.token === 'string') { ok(); } else { reject(); } }")).toEqual(['who']);
  });
  it('a present credential of the wrong type, or a value that is no credential, is input', () => {
    expect(verdicts("async function h(req) { if (req.body._SessionToken) { if (typeof req.body._SessionToken !== 'string') reject(); } }")).toEqual(['other']);
    expect(one("req.body._MasterKey && typeof req.body._MasterKey !== 'string'")).toBe('other');
    expect(one("typeof req.query.token === 'object'")).toBe('other');
    expect(one("typeof req.body.cursor !== 'string'")).toBe('other');
  });
});

describe('classifyRejectionGuard: typeof tests on a key', () => {
  it('an API or master key is a credential, a sort key is not', () => {
    expect(one("typeof req.body.apiKey !== 'string'")).toBe('who');
    expect(one("typeof req.body._MasterKey !== 'string'")).toBe('who');
    expect(one("typeof req.query.sortKey !== 'string'")).toBe('other');
  });
});

describe('classifyRejectionGuard: after the caller was accepted', () => {
  it("the error req.login / req.session.regenerate hand their callback is the server's failure", () => {
    const code = `app.get('/cb', (req, res, next) => {
  passport.authenticate('google', (err, user) => {
    req.session.regenerate((regenerateErr) => {
      if (regenerateErr) reject();
      req.login(user, (error) => { if (error) return next ? next(error) : reject(); });
    });
  })(req, res, next);
  teams.checkMember(req.user, (error) => { if (error) reject(); });
});`;
    expect(verdicts(code)).toEqual(['other', 'other', 'unknown']);
  });

  it("a catch in passport's custom callback around code that awaits nothing; not one around an awaited check", () => {
    const code = `app.get('/cb', (req, res, next) => {
  passport.authenticate('google', async (err, user) => {
    try {
      if (err || !user) return res.status(401).end();
      req.session.regenerate(() => req.login(user, () => res.redirect('/')));
    } catch (e) {
      reject();
    }
    try {
      await tenants.assertMember(user, req.query.tenant);
    } catch (e) {
      reject();
    }
  })(req, res, next);
  try {
    res.redirect('/');
  } catch (e) {
    reject();
  }
});`;
    expect(verdicts(code)).toEqual(['other', 'unknown', 'unknown']);
  });
});

describe('classifyRejectionGuard: CORS headers and settings held by the app', () => {
  it('reads a CORS preflight header as request input (a 403 on it is no access control)', () => {
    expect(one("this.methods.indexOf(req.headers['access-control-request-method']) === -1")).toBe('other');
    expect(
      verdicts(
        "function h(req, res) { const raw = req.headers['access-control-request-headers']; const list = raw.split(','); if (allowed.indexOf(list[0].trim().toLowerCase()) === -1) reject(); }",
      ),
    ).toEqual(['other']);
    // an Origin outside the allow-list names the caller's site: not a CORS header name; the list of origins the
    // options hold is an allowlist matched against the caller (was 'unknown' before options read as settings)
    expect(one('this.options.origins.indexOf(req.headers.origin) === -1')).toBe('who');
    // "access control" in a name of the code still reads as access control
    expect(one('!this.accessControl.check(req.user)')).toBe('who');
  });

  it("reads the app's settings reached through their holder as a setting, not someone's own", () => {
    expect(classifyPath(['app', 'settings', 'get']).kind).toBe('other');
    expect(classifyPath(['fastify', 'config', 'AUTH_ENABLED']).kind).toBe('other');
    expect(classifyPath(['req', 'user', 'settings', 'canExport']).kind).toBe('strong');
    expect(classifyPath(['member', 'config', 'role']).kind).toBe('strong');
    expect(classifyPath(['member', 'config', 'theme']).kind).toBe('weak');
    expect(one('app.settings.get(scope) === false')).toBe('other');
    expect(one('!req.user.admin && app.settings.get(scope) === false')).toBe('who');
  });
});

describe('classifyRejectionGuard: early exits before an unconditioned rejection', () => {
  it('a setting alone lets callers out: a feature flag', () => {
    expect(verdicts('function h(req, res) { if (config.allow_discovery) { return res.send(ids); } return reject(); }')).toEqual(['other']);
    expect(verdicts('function h(req, res) { if (!settings.enabled) return next(); if (config.open) return res.send(1); reject(); }')).toEqual(['other']);
  });
  it('an exit that tests the caller, or anything unrecognized, does not decide', () => {
    expect(verdicts('function h(req, res) { if (config.open && req.query.key === config.key) return res.send(1); reject(); }')).toEqual(['unknown']);
    expect(verdicts('async function h(req, res) { if (config.open) return next(); if (await check(req.headers.authorization)) return next(); reject(); }')).toEqual(['unknown']);
    expect(verdicts('function h(req, res) { if (ok) return next(); reject(); }')).toEqual(['unknown']);
    expect(verdicts('function h(req, res) { reject(); }')).toEqual(['unknown']);
  });
  it('a condition around the rejection decides, not the exits before it', () => {
    expect(verdicts('function h(req, res) { if (config.open) return next(); if (!ok) reject(); }')).toEqual(['unknown']);
  });
});

describe('classifyRejectionGuard: early exits that do not decide', () => {
  it('another statement that may leave, or a helper the file calls by name', () => {
    expect(verdicts('function h(req, res) { if (!isEnabled()) return next(); if (req.skIsAuthenticated) { if (req.skPrincipal.permissions === "admin") return next(); } reject(); }')).toEqual(['unknown']);
    expect(verdicts('async function h(ctx, next) { if (!config.auth) return next(); for (const s of strategies) { if ((await s.authenticate(ctx)).authenticated) return next(); } return reject(); }')).toEqual(['unknown']);
    expect(verdicts('function* unauthorized(next) { if (!config.alwaysAuth) return yield* next; reject(); } function* auth(next) { if (!row) return yield* unauthorized.call(this, next); }')).toEqual(['unknown']);
  });
});

describe('classifyRejectionGuard: the client software header names no one', () => {
  it.each([
    "String(ctx.get('user-agent')).toLowerCase() === 'ruby'",
    "req.headers['user-agent'] === 'curl'",
    "/curl|wget/i.test(req.get('user-agent'))",
  ])('%s → other', (condition) => {
    expect(one(condition)).toBe('other');
  });
  it('beside a signature or a caller test, those decide', () => {
    expect(one("req.headers['user-agent'] !== agent || req.headers['x-hub-signature'] !== sign(req.body)")).toBe('who');
    expect(one("req.headers['user-agent'] === 'curl' && !req.user.isAdmin")).toBe('who');
  });
});
