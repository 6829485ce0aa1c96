import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * How far the silenced failure reaches (issue 15, session 32; idioms trimmed from the round-0–4 apps:
 * MeshCentral's agent-signature and key-password code, Uptime Kuma's socket handlers, Saltcorn's and
 * Signal K's answers, Unleash's metric refresh, n8n's credential descriptions and Slack lookups,
 * Flowise's SSO `testSetup`, Node-RED's upgrade audit, Express Gateway's token search, the atproto PDS's
 * read-after-write enrichment). Each quiet shape has an invalid twin that keeps the real failure reported.
 */
const ruleTester = new RuleTester();
const strict: [{ minimumLevel: 'warn'; reportFallbacks: boolean }] = [{ minimumLevel: 'warn', reportFallbacks: true }];

ruleTester.run('no-silent-catch (catch scope)', rule, {
  valid: [
    // In-process parse of a signature: nothing awaited, no I/O; the raw check after it decides.
    `function checkAgentSignature(msg, certPem) {
  let der = null;
  try { der = forge.asn1.fromDer(forge.util.createBuffer(msg, 'binary')); } catch (ex) { }
  if (der == null) return verifyRaw(msg, certPem);
  return verifyPkcs7(der, certPem);
}`,
    // Each configured password tried in turn; when none works the code logs and exits.
    `function unlockPrivateKey(pem, passwords) {
  let key = null;
  for (const p of passwords) { if (key == null) { try { key = pki.decryptRsaPrivateKey(pem, p); } catch (ex) { } } }
  if (key == null) { console.log('Private key is encrypted, but no correct password was found.'); process.exit(1); }
  return key;
}`,
    // Only the app's own login check and an in-memory room change can throw.
    `socket.on('tunnel:leave', async () => {
  try {
    checkLogin(socket);
    socket.leave('tunnel');
  } catch (error) { }
});`,
    // An admin's code parsed in process: the syntax error is the answer (no status: 200).
    `router.post('/strip-types', isAdmin, async (req, res) => {
  try {
    res.json({ success: true, code: stripTypes(req.body.code) });
  } catch (error) {
    res.json({ success: false, error: error.message });
  }
});`,
    // A login page's hint read from in-process config.
    `app.get('/oidc/status', (_req, res) => {
  try {
    const oidcConfig = deps.getOIDCConfig();
    res.json({ enabled: isOIDCEnabled(oidcConfig), issuer: oidcConfig.issuer });
  } catch (_err) {
    res.json({ enabled: false });
  }
});`,
    // The refusal needs the fallback and another value missing: the other value answers (twin in precision.test.ts).
    `async function readField(collection, field) {
  const fieldInfo = await this.knex.select('*').from('fields').where({ collection, field }).first();
  let column;
  try {
    column = await this.columnInfo(collection, field);
  } catch {
  }
  if (!column && !fieldInfo) throw new ForbiddenError();
  return { column, fieldInfo };
}`,
    // A metric refresh: a failure loses data points until the next refresh.
    `const apiTokens = createGauge({ name: 'api_tokens_total' });
const activeUsers = createGauge({ name: 'users_active' });
async function collectStaticCounters(stats) {
  try {
    apiTokens.reset();
    for (const [type, n] of await stats.countApiTokensByType()) apiTokens.labels({ type }).set(n);
    const users = await stats.getActiveUsers();
    activeUsers.set(users.last7);
  } catch (e) { }
}`,
    // A description of a credential in labels; the catch answers "unknown".
    `async function getCredentialFillState(id, user) {
  try {
    const credential = await credentialsFinder.findCredentialForUser(id, user);
    if (!credential) return 'unknown';
    const data = await credentialsService.decrypt(credential);
    return Object.values(data).some(Boolean) ? 'filled' : 'blank';
  } catch {
    return 'unknown';
  }
}`,
    `async function getJWTAuthVariant(user, node, credentialsService) {
  try {
    const creds = await credentialsService.getOne(user, node.credentialId, true);
    if (creds.data.secret) return 'secret';
    else if (creds.data.privateKey) return 'pem-key';
  } catch {
    return null;
  }
  return null;
}`,
    // A configuration test whose failure is the test's result, shown to the admin who ran it.
    `class OktaSSO {
  static async testSetup(config) {
    try {
      const tokenResponse = await axios.post('https://' + config.domain + '/oauth/token', { client_id: config.clientID, client_secret: config.clientSecret });
      return { message: tokenResponse.status };
    } catch (error) {
      const errorMessage = 'Okta configuration test failed. Please check your credentials and domain.';
      return { error: errorMessage };
    }
  }
}`,
    // The author says so.
    `async function readAfterWrite(ctx, thread, requester) {
  try {
    const res = await ctx.appView.getPostThread(thread.uri, await ctx.appviewAuthHeaders(requester));
    thread.parent = res.thread;
  } catch (err) {
    // do nothing
  }
  return thread;
}`,
    // The refusal is written to the audit trail.
    `server.on('upgrade', (request, socket, head) => {
  strategies.authenticateUserToken(request).then((user) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request, user));
  }).catch((err) => {
    log.audit({ event: 'comms.auth.fail' });
    socket.destroy();
  });
});`,
    // The quick lookup, else the full scan of the same service (whose failure propagates).
    `async function searchSlackUsers(usersApi, email, limit) {
  const found = new Map();
  if (email) {
    try {
      const response = await usersApi.lookupByEmail(await withSlackToken({ email }));
      if (response.user) found.set(response.user.id, response.user);
    } catch {
    }
  }
  let cursor;
  while (found.size < limit) {
    const page = await usersApi.list(await withSlackToken({ cursor }));
    for (const member of page.members) found.set(member.id, member);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return [...found.values()];
}`,
    // A token search that rejects only with its own "none matched".
    `function findActiveToken(ids, db) {
  const tokenPromise = new Promise((resolve, reject) => {
    const next = () => {
      if (!ids.length) { reject(new Error()); return; }
      db.hgetall('token:' + ids.pop()).then((token) => { if (!token) throw new Error(); resolve(token); }).catch(next);
    };
    next();
  });
  return tokenPromise.then((token) => token).catch(() => null);
}`,
  ],
  invalid: [],
});

/**
 * The invalid twins: the real-failure shape beside each quiet one stays reported (checked by message id
 * through ESLint's Linter; the suggestions are covered by the rule's other tests).
 */
const TWINS: { code: string; strict: boolean; messageId: string }[] = [
  // Twin: the key is fetched from a store — an outage reads as a bad signature.
  { code: `async function checkAgentSignature(msg) {
  let key = null;
  try { key = await keyStore.getSigningKey(msg.keyId); } catch (ex) { }
  if (key == null) return false;
  return verify(msg, key);
}`, strict: false, messageId: 'silentCatch' },
  // Twin: the token is written to the database.
  { code: `socket.on('tunnel:removeToken', async () => {
  try {
    checkLogin(socket);
    await setSetting('tunnelToken', '');
  } catch (error) { }
});`, strict: false, messageId: 'silentCatch' },
  // Twin: an explicit 500, and an answer after awaited work.
  { code: `router.post('/strip-types', isAdmin, async (req, res) => {
  try {
    res.json({ success: true, code: stripTypes(req.body.code) });
  } catch (error) {
    res.status(500).json({ success: false });
  }
});`, strict: false, messageId: 'silentCatch' },
  
  { code: `router.post('/compile', isAdmin, async (req, res) => {
  try {
    res.json({ success: true, code: await compiler.compile(req.body.code) });
  } catch (error) {
    res.json({ success: false, error: error.message });
  }
});`, strict: false, messageId: 'silentCatch' },
  // Twin: the failure answered as data without a status: the client is told, the operators are not.
  { code: `export async function fetchDeployments(ctx) {
  try {
    const db = context.getWorkspaceDB();
    const doc = await db.get('deployments');
    ctx.body = doc.history;
  } catch (err) {
    ctx.body = { error: 'Could not load deployments' };
  }
}`, strict: false, messageId: 'silentCatch' },
  // Twin: the refresh also revokes tokens.
  { code: `const apiTokens = createGauge({ name: 'api_tokens_total' });
async function collectStaticCounters(stats, tokenStore) {
  try {
    apiTokens.set(await stats.countApiTokens());
    await tokenStore.revokeExpired();
  } catch (e) { }
}`, strict: false, messageId: 'silentCatch' },
  // Twins: the catch answers one of the labels; the try answers the credential itself.
  { code: `async function getAuthMode(id) {
  try {
    const credential = await credentialsService.decrypt(await find(id));
    return credential.mfa ? 'required' : 'optional';
  } catch {
    return 'optional';
  }
}`, strict: false, messageId: 'silentCatch' },
  
  { code: `async function findCredentialSafe(id) {
  try {
    return await credentialProvider.get(id);
  } catch {
    return null;
  }
}`, strict: false, messageId: 'silentCatch' },
  // Twin: the same answer from a token refresh (no test): an IdP outage reads as an expired login.
  { code: `class OktaSSO {
  async refreshToken(refreshToken) {
    try {
      const response = await axios.post('https://' + this.domain + '/oauth/token', { refresh_token: refreshToken });
      return { ...response.data };
    } catch (error) {
      const errorMessage = 'Failed to get refreshToken from Okta.';
      return { error: errorMessage };
    }
  }
}`, strict: false, messageId: 'silentCatch' },
  // Twin: no comment.
  { code: `async function readAfterWrite(ctx, thread, requester) {
  try {
    const res = await ctx.appView.getPostThread(thread.uri, await ctx.appviewAuthHeaders(requester));
    thread.parent = res.thread;
  } catch (err) {
  }
  return thread;
}`, strict: false, messageId: 'silentCatch' },
  // Twin: no audit record.
  { code: `server.on('upgrade', (request, socket, head) => {
  strategies.authenticateUserToken(request).then((user) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request, user));
  }).catch((err) => {
    socket.destroy();
  });
});`, strict: false, messageId: 'silentPromiseCatch' },
  // Twin: the store is asked again only on the success path (a login's store outage reads as a wrong password).
  { code: `class UserService {
  async loginUser(query, password) {
    let user, passwordHash;
    try {
      user = await this.store.getByQuery(query);
      passwordHash = await this.store.getPasswordHash(user.id);
    } catch (_error) { }
    if (user && passwordHash) {
      if (await bcrypt.compare(password, passwordHash)) return this.store.successfullyLogin(user);
    }
    throw new PasswordMismatch();
  }
}`, strict: false, messageId: 'silentCatch' },
  // Twin: nothing asks the service again.
  { code: `async function lookupSlackUser(usersApi, email) {
  let user = null;
  try {
    const response = await usersApi.lookupByEmail(await withSlackToken({ email }));
    user = response.user;
  } catch {
  }
  return user;
}`, strict: false, messageId: 'silentCatch' },
  // Twin: the executor hands the store's rejection on.
  { code: `function findActiveToken(id, db) {
  const tokenPromise = new Promise((resolve, reject) => {
    db.hgetall('token:' + id).then(resolve).catch(reject);
  });
  return tokenPromise.then((token) => token).catch(() => null);
}`, strict: false, messageId: 'silentPromiseCatch' },
  // Strict (reportFallbacks) still reports the quiet shapes.
  { code: `function checkAgentSignature(msg, certPem) {
  let der = null;
  try { der = forge.asn1.fromDer(forge.util.createBuffer(msg, 'binary')); } catch (ex) { }
  if (der == null) return verifyRaw(msg, certPem);
  return verifyPkcs7(der, certPem);
}`, strict: true, messageId: 'silentCatch' },
  
  { code: `const activeUsers = createGauge({ name: 'users_active' });
async function collectStaticCounters(stats) {
  try {
    activeUsers.set((await stats.getActiveUsers()).last7);
  } catch (e) { }
}`, strict: true, messageId: 'silentCatch' },
];

function messageIds(code: string, strictMode: boolean): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(code, [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'module' },
        plugins: { sl: { rules: { 'no-silent-catch': rule as unknown as Rule.RuleModule } } },
        rules: { 'sl/no-silent-catch': ['error', ...(strictMode ? strict : [])] },
      },
    ], 'twin.js')
    .map((m) => (m.fatal ? `fatal: ${m.message}` : m.messageId ?? ''));
}

describe('no-silent-catch (catch scope): the invalid twins stay reported', () => {
  it.each(TWINS.map((t) => [t.code.split('\n')[0]!, t] as const))('%s', (_name, twin) => {
    expect(messageIds(twin.code, twin.strict)).toEqual([twin.messageId]);
  });
});
