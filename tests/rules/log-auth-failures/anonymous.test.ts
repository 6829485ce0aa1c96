import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A 401/403 to a caller who presented no identity or credential (no session user, no
 * Authorization header, no token cookie) is quiet by default and reported with
 * `includeAnonymous` (on in strict). A credential that was presented and failed, and a test of
 * what an identified caller holds, stay reported by default. Each anonymous shape below is
 * valid by default and invalid with the option.
 */
const ruleTester = new RuleTester();

interface Case {
  code: string;
  line: number;
  /** The code after the suggested log (null: no fix, a log before it would run on other paths). */
  logged: string | null;
  /** The suggestion also hashes the attempted identity. */
  withIdentity?: true;
}

const error = ({ line, logged, withIdentity }: Case) => ({
  messageId: 'unlogged' as const,
  line,
  suggestions: logged === null ? [] : [{ messageId: withIdentity ? ('logFailureWithIdentity' as const) : ('logFailure' as const), output: logged }],
});


const anonymous: Case[] = [
  {
    // a login body without the password (FlowFuse): nothing was presented to check
    code: `app.post('/account/login', async (request, reply) => {
  if (!request.body.password) {
    reply.code(401).send({ code: 'password_required', error: 'Password required' });
  } else {
    reply.send(await users.login(request.body.username, request.body.password));
  }
});`,
    line: 3,
    logged: "app.post('/account/login', async (request, reply) => {\n  if (!request.body.password) {\n    request.log.warn({ reason: 'unauthorized', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Authentication failed');\n    reply.code(401).send({ code: 'password_required', error: 'Password required' });\n  } else {\n    reply.send(await users.login(request.body.username, request.body.password));\n  }\n});",
  },
  {
    // Express: no session user
    code: `app.get('/me', (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'Not logged in' });
  res.json(req.user);
});`,
    line: 2,
    logged: "app.get('/me', (req, res) => {\n  if (!req.user) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(401).json({ error: 'Not logged in' });\n  }\n  res.json(req.user);\n});",
  },
  {
    // no Authorization header, read into a local through string handling
    code: `const auth = (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.sendStatus(401);
  next();
};
app.use(auth);`,
    line: 3,
    logged: "const auth = (req, res, next) => {\n  const token = req.headers.authorization?.split(' ')[1];\n  if (!token) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  next();\n};\napp.use(auth);",
  },
  {
    // a header getter, a nil test, and neither of two identities (Directus' accountability)
    code: `router.get('/me/globals', async (req, res) => {
  if (!req.accountability?.user && !req.accountability?.role) throw new ForbiddenError();
  res.json(await globals(req.accountability));
});`,
    line: 2,
    logged: "router.get('/me/globals', async (req, res) => {\n  if (!req.accountability?.user && !req.accountability?.role) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    throw new ForbiddenError();\n  }\n  res.json(await globals(req.accountability));\n});",
  },
  {
    // lodash isNil on the identity's name (it may be absent: \`?.\`), compared with false before an early exit
    code: `router.get('/-/npm/v1/user', function (req, res, next) {
  if (_.isNil(req.remote_user?.name) === false) return next(buildProfile(req.remote_user.name));
  res.status(401);
  return next({ message: 'You must be logged in' });
});`,
    line: 3,
    logged: "router.get('/-/npm/v1/user', function (req, res, next) {\n  if (_.isNil(req.remote_user?.name) === false) return next(buildProfile(req.remote_user.name));\n  console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n  res.status(401);\n  return next({ message: 'You must be logged in' });\n});",
  },
  {
    // passport: not authenticated, redirect … or 401 after the early exit
    code: `function ensureAuth(req, res, next) {
  if (req.isAuthenticated()) return next();
  res.status(401).send('Login required');
}
app.use('/admin', ensureAuth);`,
    line: 3,
    logged: "function ensureAuth(req, res, next) {\n  if (req.isAuthenticated()) return next();\n  console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n  res.status(401).send('Login required');\n}\napp.use('/admin', ensureAuth);",
  },
  {
    // a same-file extractor given the request that returns the bearer token or null
    code: `function extractToken(req) {
  const authHeader = req.headers.authorization;
  if (!authHeader || !authHeader.startsWith('Bearer ')) return null;
  const token = authHeader.slice(7).trim();
  return token.length > 0 ? token : null;
}
const authenticateToken = (req, res, next) => {
  const token = extractToken(req);
  if (!token) {
    res.status(401).json({ error: 'Missing token' });
    return;
  }
  next();
};
app.use(authenticateToken);`,
    line: 10,
    logged: "function extractToken(req) {\n  const authHeader = req.headers.authorization;\n  if (!authHeader || !authHeader.startsWith('Bearer ')) return null;\n  const token = authHeader.slice(7).trim();\n  return token.length > 0 ? token : null;\n}\nconst authenticateToken = (req, res, next) => {\n  const token = extractToken(req);\n  if (!token) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    res.status(401).json({ error: 'Missing token' });\n    return;\n  }\n  next();\n};\napp.use(authenticateToken);",
  },
  {
    // Koa: ctx.assert on the state's user
    code: `router.get('/me', async (ctx) => {
  ctx.assert(ctx.state.user, 401, 'Authentication required');
  ctx.body = ctx.state.user;
});`,
    line: 2,
    logged: null,
  },
  {
    // Koa: destructured from the state
    code: `router.use(async (ctx, next) => {
  const { user } = ctx.state;
  if (user == null) ctx.throw(401, 'Authentication required');
  await next();
});`,
    line: 3,
    logged: "router.use(async (ctx, next) => {\n  const { user } = ctx.state;\n  if (user == null) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });\n    ctx.throw(401, 'Authentication required');\n  }\n  await next();\n});",
  },
  {
    // a refresh cookie that is not there
    code: `app.post('/api/auth/refreshToken', async (req, res) => {
  const refreshToken = req.cookies.refreshToken;
  if (!refreshToken) return res.sendStatus(401);
  res.json(await refresh(refreshToken));
});`,
    line: 3,
    logged: "app.post('/api/auth/refreshToken', async (req, res) => {\n  const refreshToken = req.cookies.refreshToken;\n  if (!refreshToken) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  res.json(await refresh(refreshToken));\n});",
  },
  {
    // the anonymous branch of a ternary status
    code: `router.get('/documents/:id', async (req, res) => {
  const userId = req.session.userId;
  const doc = await Document.findOne({ _id: req.params.id, ownerId: userId });
  if (!doc) return res.status(userId ? 404 : 401).json({ error: 'Not available' });
  res.json(doc);
});`,
    line: 4,
    logged: null,
  },
  {
    // no token on the request nor on the response the token middleware fills (Form.io's current-user route)
    code: `const currentUser = (req, res, next) => {
  if (!res.token || !req.token) {
    return res.sendStatus(401);
  }
  next();
};
router.get('/current', currentUser);`,
    line: 3,
    logged: "const currentUser = (req, res, next) => {\n  if (!res.token || !req.token) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  next();\n};\nrouter.get('/current', currentUser);",
  },
];

/** Presented and refused, or identified and not allowed: reported without the option. */
const refusedCredential: Case[] = [
  {
    // an upstream token exchange's answer without a token: the code was presented and failed
    code: `app.get('/oauth/callback', async (req, res) => {
  const response = await oauthClient.exchange(req.query.code);
  if (!response.accessToken) {
    return res.sendStatus(401);
  }
  res.json(response);
});`,
    line: 4,
    logged: "app.get('/oauth/callback', async (req, res) => {\n  const response = await oauthClient.exchange(req.query.code);\n  if (!response.accessToken) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  res.json(response);\n});",
  },
  {
    // the response's token is there, but the caller it names is not an admin
    code: `const adminOnly = (req, res, next) => {
  if (!res.token || !req.token.user.admin) {
    return res.sendStatus(403);
  }
  next();
};
router.get('/admin', adminOnly);`,
    line: 3,
    logged: "const adminOnly = (req, res, next) => {\n  if (!res.token || !req.token.user.admin) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(403);\n  }\n  next();\n};\nrouter.get('/admin', adminOnly);",
  },
  {
    // the password was presented and did not match
    code: `app.post('/account/login', async (request, reply) => {
  const user = await users.byName(request.body.username);
  if (!(await bcrypt.compare(request.body.password, user.hash))) {
    reply.code(401).send({ error: 'Invalid credentials' });
    return;
  }
  reply.send(await sessions.create(user));
});`,
    line: 4,
    logged: "app.post('/account/login', async (request, reply) => {\n  const user = await users.byName(request.body.username);\n  if (!(await bcrypt.compare(request.body.password, user.hash))) {\n    request.log.warn({ reason: 'invalid_credentials', method: request.method, path: request.url.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] }, 'Login failed: invalid credentials');\n    reply.code(401).send({ error: 'Invalid credentials' });\n    return;\n  }\n  reply.send(await sessions.create(user));\n});",
  },
  {
    // the token was looked up and matched no user
    code: `app.use(async (req, res, next) => {
  const token = req.headers.authorization;
  const user = await users.findByToken(token);
  if (!user) return res.sendStatus(401);
  req.user = user;
  next();
});`,
    line: 4,
    logged: "app.use(async (req, res, next) => {\n  const token = req.headers.authorization;\n  const user = await users.findByToken(token);\n  if (!user) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  req.user = user;\n  next();\n});",
  },
  {
    // a role test on an identified caller
    code: `app.delete('/users/:id', (req, res) => {
  if (!req.user.isAdmin) return res.sendStatus(403);
  remove(req.params.id);
  res.sendStatus(204);
});`,
    line: 2,
    logged: "app.delete('/users/:id', (req, res) => {\n  if (!req.user.isAdmin) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(403);\n  }\n  remove(req.params.id);\n  res.sendStatus(204);\n});",
  },
  {
    // anonymous or not an admin: one test refuses identified callers too
    code: `app.get('/admin', (req, res) => {
  if (!req.user || req.user.role !== 'admin') return res.sendStatus(403);
  res.render('admin');
});`,
    line: 2,
    logged: "app.get('/admin', (req, res) => {\n  if (!req.user || req.user.role !== 'admin') {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(403);\n  }\n  res.render('admin');\n});",
  },
  {
    // a decoded token that is not there: a token was presented and did not decode
    code: `app.use((req, res, next) => {
  const payload = jwt.decode(req.headers.authorization);
  if (!payload) return res.sendStatus(401);
  next();
});`,
    line: 3,
    logged: "app.use((req, res, next) => {\n  const payload = jwt.decode(req.headers.authorization);\n  if (!payload) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  next();\n});",
  },
  {
    // a local rewritten after its read: the absence is no longer the request's
    code: `app.use(async (req, res, next) => {
  let user = req.user;
  if (req.headers['x-api-key']) user = await keys.owner(req.headers['x-api-key']);
  if (!user) return res.sendStatus(401);
  next();
});`,
    line: 4,
    logged: "app.use(async (req, res, next) => {\n  let user = req.user;\n  if (req.headers['x-api-key']) user = await keys.owner(req.headers['x-api-key']);\n  if (!user) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  next();\n});",
  },
  {
    // a field of an identity read without \`?.\`: the caller is identified (an API-token principal has no user id)
    code: `router.post('/api/admin/user/tokens', async (req, res) => {
  if (!req.user.id) throw new ForbiddenError('PATs require an authenticated user.');
  res.json(await pats.create(req.user.id, req.body));
});`,
    line: 2,
    logged: "router.post('/api/admin/user/tokens', async (req, res) => {\n  if (!req.user.id) {\n    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    throw new ForbiddenError('PATs require an authenticated user.');\n  }\n  res.json(await pats.create(req.user.id, req.body));\n});",
  },
  {
    // the function set req.user from a lookup before testing it (Apostrophe's bearer tokens)
    code: `async function bearerTokens(req, res, next) {
  if (!req.token) return next();
  const userId = await getBearer(req.token);
  if (userId) req.user = await deserializeUser(userId);
  if (!req.user) return res.status(401).send({ name: 'invalid' });
  next();
}
app.use(bearerTokens);`,
    withIdentity: true,
    line: 5,
    logged: "import { createHash } from 'node:crypto';\nasync function bearerTokens(req, res, next) {\n  if (!req.token) return next();\n  const userId = await getBearer(req.token);\n  if (userId) req.user = await deserializeUser(userId);\n  if (!req.user) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], userIdHash: createHash('sha256').update(String(userId)).digest('hex').slice(0, 16) });\n    return res.status(401).send({ name: 'invalid' });\n  }\n  next();\n}\napp.use(bearerTokens);",
  },
  {
    // an async checker: it may verify, not only read
    code: `app.use(async (req, res, next) => {
  if (!(await isAuthenticated(req))) return res.sendStatus(401);
  next();
});`,
    line: 2,
    logged: "app.use(async (req, res, next) => {\n  if (!(await isAuthenticated(req))) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.sendStatus(401);\n  }\n  next();\n});",
  },
];

/**
 * Trimmed from Signal K and Flowise: a request renamed by a `const`, an app's short namespace before the identity
 * (`skPrincipal`, `skIsAuthenticated`), an optional principal's `identifier`, a redirect-or-refuse flag, and a
 * request field written only after it was tested. Valid by default, reported with `includeAnonymous`.
 */
const renamedAndNamespaced: { code: string }[] = [
  {
    code: `function pluginAccess(req, res, next) {
  const skReq = req;
  if (skReq.skIsAuthenticated) return next();
  return res.status(401).json({ error: 'Permission denied' });
}
app.use('/plugins', pluginAccess);`,
  },
  {
    code: `router.put('/unitpreferences/primary-categories', (req, res) => {
  const username = req.skPrincipal?.identifier;
  if (!username) {
    res.status(401).json({ error: 'Authentication required' });
    return;
  }
  savePreferences(username, req.body);
  res.json({ ok: true });
});`,
  },
  {
    code: `router.post('/workspace/switch', async (req, res, next) => {
  if (!req.user) return next(createError(401, 'Unauthorized: User not found'));
  const workspace = await workspaces.byId(req.query.id);
  req.user = { ...req.user, activeWorkspaceId: workspace.id };
  res.json(req.user);
});`,
  },
];

/** The same middleware refuses an identified caller who is not an admin (reported) and, in its `else`, a caller with no principal (anonymous). */
const adminOnly = `function adminOnly(redirect) {
  return function (req, res, next) {
    const skReq = req;
    if (hasAdminAccess(req)) return next();
    if (skReq.skIsAuthenticated && skReq.skPrincipal) {
      if (skReq.skPrincipal.identifier === 'AUTO' && redirect) res.redirect('/admin/#/login');
      else res.status(401).json({ error: 'Permission denied' });
    } else if (redirect) {
      res.redirect('/admin/#/login');
    } else {
      res.status(401).json({ error: 'Permission denied' });
    }
  };
}
app.use('/admin', adminOnly(true));`;

ruleTester.run('log-auth-failures (renamed requests, namespaced identities)', rule, {
  valid: renamedAndNamespaced.map(({ code }) => code),
  invalid: [
    { code: renamedAndNamespaced[0]!.code, options: [{ includeAnonymous: true }] as const, errors: [{ messageId: 'unlogged' as const, line: 4, suggestions: [{"messageId": "logFailure", "output": "function pluginAccess(req, res, next) {\n  const skReq = req;\n  if (skReq.skIsAuthenticated) return next();\n  console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n  return res.status(401).json({ error: 'Permission denied' });\n}\napp.use('/plugins', pluginAccess);"}] }] },
    { code: renamedAndNamespaced[1]!.code, options: [{ includeAnonymous: true }] as const, errors: [{ messageId: 'unlogged' as const, line: 4, suggestions: [{"messageId": "logFailureWithIdentity", "output": "import { createHash } from 'node:crypto';\nrouter.put('/unitpreferences/primary-categories', (req, res) => {\n  const username = req.skPrincipal?.identifier;\n  if (!username) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });\n    res.status(401).json({ error: 'Authentication required' });\n    return;\n  }\n  savePreferences(username, req.body);\n  res.json({ ok: true });\n});"}] }] },
    { code: renamedAndNamespaced[2]!.code, options: [{ includeAnonymous: true }] as const, errors: [{ messageId: 'unlogged' as const, line: 2, suggestions: [{"messageId": "logFailure", "output": "router.post('/workspace/switch', async (req, res, next) => {\n  if (!req.user) {\n    console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return next(createError(401, 'Unauthorized: User not found'));\n  }\n  const workspace = await workspaces.byId(req.query.id);\n  req.user = { ...req.user, activeWorkspaceId: workspace.id };\n  res.json(req.user);\n});"}] }] },
    { code: adminOnly, errors: [{ messageId: 'unlogged' as const, line: 7, suggestions: [{"messageId": "logFailure", "output": "function adminOnly(redirect) {\n  return function (req, res, next) {\n    const skReq = req;\n    if (hasAdminAccess(req)) return next();\n    if (skReq.skIsAuthenticated && skReq.skPrincipal) {\n      if (skReq.skPrincipal.identifier === 'AUTO' && redirect) res.redirect('/admin/#/login');\n      else {\n        console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n        res.status(401).json({ error: 'Permission denied' });\n      }\n    } else if (redirect) {\n      res.redirect('/admin/#/login');\n    } else {\n      res.status(401).json({ error: 'Permission denied' });\n    }\n  };\n}\napp.use('/admin', adminOnly(true));"}] }] },
    { code: adminOnly, options: [{ includeAnonymous: true }] as const, errors: [{ messageId: 'unlogged' as const, line: 7, suggestions: [{"messageId": "logFailure", "output": "function adminOnly(redirect) {\n  return function (req, res, next) {\n    const skReq = req;\n    if (hasAdminAccess(req)) return next();\n    if (skReq.skIsAuthenticated && skReq.skPrincipal) {\n      if (skReq.skPrincipal.identifier === 'AUTO' && redirect) res.redirect('/admin/#/login');\n      else {\n        console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n        res.status(401).json({ error: 'Permission denied' });\n      }\n    } else if (redirect) {\n      res.redirect('/admin/#/login');\n    } else {\n      res.status(401).json({ error: 'Permission denied' });\n    }\n  };\n}\napp.use('/admin', adminOnly(true));"}] }, { messageId: 'unlogged' as const, line: 11, suggestions: [{"messageId": "logFailure", "output": "function adminOnly(redirect) {\n  return function (req, res, next) {\n    const skReq = req;\n    if (hasAdminAccess(req)) return next();\n    if (skReq.skIsAuthenticated && skReq.skPrincipal) {\n      if (skReq.skPrincipal.identifier === 'AUTO' && redirect) res.redirect('/admin/#/login');\n      else res.status(401).json({ error: 'Permission denied' });\n    } else if (redirect) {\n      res.redirect('/admin/#/login');\n    } else {\n      console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      res.status(401).json({ error: 'Permission denied' });\n    }\n  };\n}\napp.use('/admin', adminOnly(true));"}] }] },
  ],
});

/**
 * A passport strategy's verify callback handed no credential (express-gateway's key-auth: `if (!apikey) return done(null, false)`)
 * refuses an anonymous request; the key that the credential service does not know (the `!consumer` branch) stays reported.
 */
const strategyWithoutKey = "passport.use(new LocalAPIKeyStrategy({ passReqToCallback: true }, (req, apikey, done) => {\n  if (!apikey) {\n    return done(null, false);\n  }\n  const [keyId, secret] = apikey.split(':');\n  authService.authenticateCredential(keyId, secret, 'key-auth').then((consumer) => {\n    if (!consumer) return done(null, false);\n    return done(null, consumer);\n  });\n}));";

ruleTester.run('log-auth-failures (a strategy handed no credential)', rule, {
  valid: [],
  invalid: [
    { code: strategyWithoutKey, errors: [{ messageId: 'unlogged' as const, line: 7, suggestions: [{"messageId": "logFailureWithIdentity", "output": "import { createHash } from 'node:crypto';\npassport.use(new LocalAPIKeyStrategy({ passReqToCallback: true }, (req, apikey, done) => {\n  if (!apikey) {\n    return done(null, false);\n  }\n  const [keyId, secret] = apikey.split(':');\n  authService.authenticateCredential(keyId, secret, 'key-auth').then((consumer) => {\n    if (!consumer) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', keyIdHash: createHash('sha256').update(String(keyId)).digest('hex').slice(0, 16) });\n      return done(null, false);\n    }\n    return done(null, consumer);\n  });\n}));"}] }] },
    { code: strategyWithoutKey, options: [{ includeAnonymous: true }] as const, errors: [{ messageId: 'unlogged' as const, line: 3, suggestions: [{"messageId": "logFailure", "output": "passport.use(new LocalAPIKeyStrategy({ passReqToCallback: true }, (req, apikey, done) => {\n  if (!apikey) {\n    console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });\n    return done(null, false);\n  }\n  const [keyId, secret] = apikey.split(':');\n  authService.authenticateCredential(keyId, secret, 'key-auth').then((consumer) => {\n    if (!consumer) return done(null, false);\n    return done(null, consumer);\n  });\n}));"}] }, { messageId: 'unlogged' as const, line: 7, suggestions: [{"messageId": "logFailureWithIdentity", "output": "import { createHash } from 'node:crypto';\npassport.use(new LocalAPIKeyStrategy({ passReqToCallback: true }, (req, apikey, done) => {\n  if (!apikey) {\n    return done(null, false);\n  }\n  const [keyId, secret] = apikey.split(':');\n  authService.authenticateCredential(keyId, secret, 'key-auth').then((consumer) => {\n    if (!consumer) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', keyIdHash: createHash('sha256').update(String(keyId)).digest('hex').slice(0, 16) });\n      return done(null, false);\n    }\n    return done(null, consumer);\n  });\n}));"}] }] },
  ],
});

ruleTester.run('log-auth-failures (anonymous callers)', rule, {
  valid: anonymous.map(({ code }) => code),
  invalid: [
    ...anonymous.map((c) => ({ code: c.code, options: [{ includeAnonymous: true }] as const, errors: [error(c)] })),
    ...refusedCredential.map((c) => ({ code: c.code, errors: [error(c)] })),
  ],
});

/**
 * Strapi's admin token refresh (round 13): the refresh cookie read through Koa's getter with a constant named for the
 * cookie (`ctx.cookies.get(sessionAuth.REFRESH_COOKIE_NAME)`) is absent exactly when the browser sent none — quiet by
 * default; the refresh token that was presented and failed to rotate stays reported.
 */
const koaRefresh = "module.exports = {\n  async accessToken(ctx) {\n    const refreshToken = ctx.cookies.get(sessionAuth.REFRESH_COOKIE_NAME);\n    if (!refreshToken) {\n      return ctx.unauthorized('Missing refresh token');\n    }\n    const rotation = await sessionManager('admin').rotateRefreshToken(refreshToken);\n    if ('error' in rotation) {\n      return ctx.unauthorized('Invalid refresh token');\n    }\n    ctx.body = { data: { token: rotation.token } };\n  },\n};\n";

ruleTester.run('log-auth-failures (a cookie read by a constant named for it)', rule, {
  valid: [],
  invalid: [
    { code: koaRefresh, errors: [{ messageId: 'unlogged' as const, line: 9, suggestions: [{ messageId: "logFailure", output: "module.exports = {\n  async accessToken(ctx) {\n    const refreshToken = ctx.cookies.get(sessionAuth.REFRESH_COOKIE_NAME);\n    if (!refreshToken) {\n      return ctx.unauthorized('Missing refresh token');\n    }\n    const rotation = await sessionManager('admin').rotateRefreshToken(refreshToken);\n    if ('error' in rotation) {\n      console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });\n      return ctx.unauthorized('Invalid refresh token');\n    }\n    ctx.body = { data: { token: rotation.token } };\n  },\n};\n" }] }] },
    { code: koaRefresh, options: [{ includeAnonymous: true }] as const, errors: [{ messageId: 'unlogged' as const, line: 5, suggestions: [{ messageId: "logFailure", output: "module.exports = {\n  async accessToken(ctx) {\n    const refreshToken = ctx.cookies.get(sessionAuth.REFRESH_COOKIE_NAME);\n    if (!refreshToken) {\n      console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });\n      return ctx.unauthorized('Missing refresh token');\n    }\n    const rotation = await sessionManager('admin').rotateRefreshToken(refreshToken);\n    if ('error' in rotation) {\n      return ctx.unauthorized('Invalid refresh token');\n    }\n    ctx.body = { data: { token: rotation.token } };\n  },\n};\n" }] }, { messageId: 'unlogged' as const, line: 9, suggestions: [{ messageId: "logFailure", output: "module.exports = {\n  async accessToken(ctx) {\n    const refreshToken = ctx.cookies.get(sessionAuth.REFRESH_COOKIE_NAME);\n    if (!refreshToken) {\n      return ctx.unauthorized('Missing refresh token');\n    }\n    const rotation = await sessionManager('admin').rotateRefreshToken(refreshToken);\n    if ('error' in rotation) {\n      console.warn('Authentication failed', { reason: 'unauthorized', method: ctx.method, path: ctx.path, ip: ctx.ip, userAgent: ctx.get('user-agent') });\n      return ctx.unauthorized('Invalid refresh token');\n    }\n    ctx.body = { data: { token: rotation.token } };\n  },\n};\n" }] }] },
  ],
});
