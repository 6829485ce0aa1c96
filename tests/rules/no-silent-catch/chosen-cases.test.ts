import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * Session 31 (issues 15 and 18): what says a silence was chosen, and what does not.
 * - `if (e.name !== 'NotFoundError' || !options.fallback) throw e` before the fallback: every other
 *   error is rethrown, so the fallback handles the named kind only (trimmed from a sign-in resolver).
 * - `probe().then(() => res.json(true)).catch(() => res.json(false))`: a yes/no check written with promises.
 * - `catch (_err)`: the underscore a linter asks of an unused binding excuses a fallback, not a swallowed
 *   failure of a security control (trimmed from a login service, a replay check and a token revocation).
 */
const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (chosen silences)', rule, {
  valid: [
    // Only "not found" with the fallback option on falls through; everything else is rethrown.
    `class CatalogAuthResolverContext {
  async signInWithCatalogUser(query, options) {
    try {
      const entity = await this.findCatalogUser(query);
      return await this.issueToken({ claims: { sub: stringifyEntityRef(entity) } });
    } catch (error) {
      if (error?.name !== 'NotFoundError' || !options?.dangerousEntityRefFallback) {
        throw error;
      }
      const userEntityRef = stringifyEntityRef(parseEntityRef(options.dangerousEntityRefFallback.entityRef));
      return await this.issueToken({ claims: { sub: userEntityRef, ent: [userEntityRef] } });
    }
  }
}`,
    // The same guard written with a negated type test.
    `async function findSessionUser(id) {
  try {
    return await sessionStore.getUser(id);
  } catch (err) {
    if (!(err instanceof NotFoundError) || strictSessions) throw err;
    return null;
  }
}`,
    // A yes/no check answered to the client: the "no" is the answer.
    `app.get('/hasAnalyzer', (req, res) => {
  commandExists('analyzer')
    .then(() => res.json(true))
    .catch(() => res.json(false));
});`,
    {
      code: `function hasTokenFile(file) {
  return fs.promises.access(file).then(() => true, () => false);
}`,
      options: [{ reportFallbacks: true }],
    },
    // An underscore name still excuses a fallback of something that is not a security control, also under the broad policy.
    {
      code: `async function loadTheme(id) {
  try {
    return await themes.get(id);
  } catch (_err) {
    return 'light';
  }
}`,
      options: [{ reportFallbacks: true }],
    },
    // A word that says the drop is chosen excuses any catch.
    `async function loginUser(name, password) {
  let user;
  try {
    user = await store.getByQuery({ name });
  } catch (ignored) {}
  if (!user) throw new PasswordMismatch();
  return user;
}`,
    // A fallback chain through a local: the catch tries the other credential (a cookie session), whose failure is thrown on.
    `class PluginsSettingsUiController {
  async serveCustomUiIndex(request, reply, pluginName, ticket) {
    let uiOrigin;
    let assetSession;
    try {
      const claims = await this.ticketService.consume(ticket, pluginName);
      uiOrigin = claims.uiOrigin;
      assetSession = await this.ticketService.issueAssetSession(pluginName, claims.username, claims.uiOrigin);
    } catch {
      const existing = await this.ticketService.validateAssetSession(readCookie(request.headers.cookie), pluginName);
      uiOrigin = existing.uiOrigin;
      assetSession = existing.token;
    }
    this.setAssetSessionCookie(reply, assetSession);
    return this.pluginSettingsUiService.serveIndex(reply, pluginName, uiOrigin);
  }
}`,
  ],
  invalid: [
    // Twin: the test rethrows the named kind; unknown errors fall through whenever the option is set.
    {
      code: `class CatalogAuthResolverContext {
  async signInWithCatalogUser(query, options) {
    try {
      const entity = await this.findCatalogUser(query);
      return await this.issueToken({ claims: { sub: stringifyEntityRef(entity) } });
    } catch (error) {
      if (error?.name === 'ConflictError' || !options?.dangerousEntityRefFallback) {
        throw error;
      }
      const userEntityRef = stringifyEntityRef(parseEntityRef(options.dangerousEntityRefFallback.entityRef));
      return await this.issueToken({ claims: { sub: userEntityRef, ent: [userEntityRef] } });
    }
  }
}`,
      errors: [{ messageId: 'silentPath', line: 11, suggestions: [{"messageId": "logIt", "output": "class CatalogAuthResolverContext {\n  async signInWithCatalogUser(query, options) {\n    try {\n      const entity = await this.findCatalogUser(query);\n      return await this.issueToken({ claims: { sub: stringifyEntityRef(entity) } });\n    } catch (error) {\n      if (error?.name === 'ConflictError' || !options?.dangerousEntityRefFallback) {\n        throw error;\n      }\n      const userEntityRef = stringifyEntityRef(parseEntityRef(options.dangerousEntityRefFallback.entityRef));\n      console.warn('findCatalogUser failed', error);\n      return await this.issueToken({ claims: { sub: userEntityRef, ent: [userEntityRef] } });\n    }\n  }\n}"}] }],
    },
    // Twin: the fulfilment answers the value itself, not "yes": the rejection hides the lookup's failure.
    {
      code: `app.get('/me/session', (req, res) => {
  sessionStore.get(req.sessionID)
    .then((session) => res.json(session))
    .catch(() => res.json(false));
});`,
      errors: [{ messageId: 'silentPromiseCatch', line: 4, suggestions: [{"messageId": "logIt", "output": "app.get('/me/session', (req, res) => {\n  sessionStore.get(req.sessionID)\n    .then((session) => res.json(session))\n    .catch((err) => {\n      console.warn('sessionStore.get failed', err);\n      return res.json(false);\n    });\n});"}] }],
    },
    // A database outage reads as "invalid username or password".
    {
      code: `class UserService {
  async loginUser(usernameOrEmail, password) {
    let user, passwordHash;
    try {
      user = await this.store.getByQuery({ email: usernameOrEmail });
      passwordHash = await this.store.getPasswordHash(user.id);
    } catch (_error) {}
    if (user && passwordHash && (await bcrypt.compare(password, passwordHash))) return user;
    throw new PasswordMismatch();
  }
}`,
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{"messageId": "logIt", "output": "class UserService {\n  async loginUser(usernameOrEmail, password) {\n    let user, passwordHash;\n    try {\n      user = await this.store.getByQuery({ email: usernameOrEmail });\n      passwordHash = await this.store.getPasswordHash(user.id);\n    } catch (_error) {\n      console.error('store.getByQuery failed', _error);\n    }\n    if (user && passwordHash && (await bcrypt.compare(password, passwordHash))) return user;\n    throw new PasswordMismatch();\n  }\n}"}, {"messageId": "rethrow", "output": "class UserService {\n  async loginUser(usernameOrEmail, password) {\n    let user, passwordHash;\n    try {\n      user = await this.store.getByQuery({ email: usernameOrEmail });\n      passwordHash = await this.store.getPasswordHash(user.id);\n    } catch (_error) {\n      throw _error;\n    }\n    if (user && passwordHash && (await bcrypt.compare(password, passwordHash))) return user;\n    throw new PasswordMismatch();\n  }\n}"}] }],
    },
    // A failed revocation of an API token answered as success.
    {
      code: `class ApiTokenController {
  async deleteApiToken(req, res) {
    const { token } = req.params;
    try {
      await this.apiTokenService.delete(token, req.audit);
    } catch (_err) {}
    res.status(200).end();
  }
}`,
      errors: [{ messageId: 'silentCatch', line: 6, suggestions: [{"messageId": "logIt", "output": "class ApiTokenController {\n  async deleteApiToken(req, res) {\n    const { token } = req.params;\n    try {\n      await this.apiTokenService.delete(token, req.audit);\n    } catch (_err) {\n      console.error('apiTokenService.delete failed', _err);\n    }\n    res.status(200).end();\n  }\n}"}, {"messageId": "rethrow", "output": "class ApiTokenController {\n  async deleteApiToken(req, res) {\n    const { token } = req.params;\n    try {\n      await this.apiTokenService.delete(token, req.audit);\n    } catch (_err) {\n      throw _err;\n    }\n    res.status(200).end();\n  }\n}"}] }],
    },
    // Twin: the local holds another lookup, but the catch stores it elsewhere: the try's values stay unset, the failure is lost.
    {
      code: `class PluginsSettingsUiController {
  async serveCustomUiIndex(request, reply, pluginName, ticket) {
    let uiOrigin;
    let assetSession;
    try {
      const claims = await this.ticketService.consume(ticket, pluginName);
      uiOrigin = claims.uiOrigin;
      assetSession = await this.ticketService.issueAssetSession(pluginName, claims.username, claims.uiOrigin);
    } catch {
      const existing = await this.ticketService.lastOrigin(pluginName);
      this.lastOrigin = existing.uiOrigin;
    }
    this.setAssetSessionCookie(reply, assetSession);
    return this.pluginSettingsUiService.serveIndex(reply, pluginName, uiOrigin);
  }
}`,
      errors: [{ messageId: 'silentCatch', line: 9, suggestions: [{"messageId": "logIt", "output": "class PluginsSettingsUiController {\n  async serveCustomUiIndex(request, reply, pluginName, ticket) {\n    let uiOrigin;\n    let assetSession;\n    try {\n      const claims = await this.ticketService.consume(ticket, pluginName);\n      uiOrigin = claims.uiOrigin;\n      assetSession = await this.ticketService.issueAssetSession(pluginName, claims.username, claims.uiOrigin);\n    } catch (err) {\n      console.error('ticketService.consume failed', err);\n      const existing = await this.ticketService.lastOrigin(pluginName);\n      this.lastOrigin = existing.uiOrigin;\n    }\n    this.setAssetSessionCookie(reply, assetSession);\n    return this.pluginSettingsUiService.serveIndex(reply, pluginName, uiOrigin);\n  }\n}"}, {"messageId": "rethrow", "output": "class PluginsSettingsUiController {\n  async serveCustomUiIndex(request, reply, pluginName, ticket) {\n    let uiOrigin;\n    let assetSession;\n    try {\n      const claims = await this.ticketService.consume(ticket, pluginName);\n      uiOrigin = claims.uiOrigin;\n      assetSession = await this.ticketService.issueAssetSession(pluginName, claims.username, claims.uiOrigin);\n    } catch (err) {\n      const existing = await this.ticketService.lastOrigin(pluginName);\n      this.lastOrigin = existing.uiOrigin;\n      throw err;\n    }\n    this.setAssetSessionCookie(reply, assetSession);\n    return this.pluginSettingsUiService.serveIndex(reply, pluginName, uiOrigin);\n  }\n}"}] }],
    },
  ],
});
