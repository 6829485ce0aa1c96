/**
 * What no-silent-catch reports by default, measured on seven real applications (bench/accuracy):
 * a swallowed failure of a security control — sessions, tokens, credentials, decryption,
 * permissions — or a 5xx answered without a log. A swallowed failure of anything else
 * (ordinary work, telemetry, enrichment, failures reported as data) was a deliberate fallback
 * nine times in ten there; `reportFallbacks` (which `strict` turns on) reports those too.
 * A catch that answers 401 / 403 is log-auth-failures' finding.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (default scope: security controls and 5xx answers)', rule, {
  valid: [
    // the fallback is the function's own input: a display name looked up for an id falls back to the id (n8n)
    "async function credentialNameById(credentialService, credentialId) {\n  try {\n    const credential = await credentialService.get(credentialId);\n    return credential.name;\n  } catch {\n    return credentialId;\n  }\n}",
    // URL and query-string helpers are pure: parsing a Referer header in an SSO handler is a probe (n8n)
    "async function initSsoGet(req, res) {\n  let redirectUrl = '';\n  try {\n    const refererUrl = req.headers.referer;\n    if (refererUrl) {\n      const parsed = url.parse(refererUrl);\n      if (parsed?.query) {\n        const params = querystring.parse(parsed.query);\n        if (typeof params.redirect === 'string') redirectUrl = querystring.unescape(params.redirect);\n      }\n    }\n  } catch {\n  }\n  return await this.handleInitSSO(res, validateRedirectUrl(redirectUrl));\n}",
    "try { await save() } catch (e) {}",
    "sendEmail(user).catch(() => {});",
    "const user = await findUser(id).catch(() => null);",
    "function sendDidNotAuthenticateMcpRequest(strapi) { strapi.telemetry.send('didNotAuthenticateMcpRequest').catch(() => {}); }",
    "async function testConnection(provider) {\n  const errorState = { success: false, testState: 'error' };\n  try {\n    await provider.connect();\n    return { success: true, testState: 'tested' };\n  } catch {\n    return errorState;\n  }\n}",
    "async function listModels(provider, credentials) {\n  try {\n    return [provider, await this.fetchModelsForProvider(provider, credentials)];\n  } catch {\n    return [provider, { models: [], error: 'Could not retrieve models. Verify credentials.' }];\n  }\n}",
    "app.post('/subscription', async (req, res) => {\n  try {\n    await this.tokenService.decodeToken(req.body.identity);\n  } catch (err) {\n    res.writeHead(401);\n    return res.end('Unauthorized');\n  }\n  res.end('ok');\n});",
    "async function unsubscribe(req, res) {\n  try {\n    res.json(format(req.member));\n  } catch (err) {\n    res.writeHead(400);\n    res.end('Failed to unsubscribe this email address');\n  }\n}",
    "function bindAndVerify(client, dn, password) {\n  return client.bind(dn, password).finally(() => client.unbind().catch(() => {}));\n}",
    // a catalogue look-up of a credential's type is metadata, not a security control (n8n's getCredentialTypeForProvider)
    "async function getCredentialTypeForProvider(provider) {\n  try {\n    return await this.credentialTypes.getByName(provider);\n  } catch {\n    return null;\n  }\n}",
    // reading a token's expiry for display: a parse of the input, whose failure is the answer
    "function tokenExpiry(token) {\n  try {\n    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp;\n  } catch {\n    return null;\n  }\n}",
    // best-effort cleanup on an error path that is handed on anyway
    "async function logout(req, res, next) {\n  try {\n    await sessions.revoke(req.session.id);\n  } catch (err) {\n    await req.session.destroy().catch(() => {});\n    return next(err);\n  }\n  res.end();\n}",
    // a health probe of the session store answers 'down' by design
    "class Health {\n  async isSessionStoreUp() {\n    try {\n      await this.redis.ping();\n      return true;\n    } catch {\n      return false;\n    }\n  }\n}",
    // a fallback chain: the cache fails, the session is read from the database, whose failure propagates
    "async function loadSession(key) {\n  try {\n    return await this.cache.get(key);\n  } catch {\n    return await this.sessionRepository.findOne({ key });\n  }\n}",
    // the lookup helper answers its own failures (null), so what is left in verifySignature's try is a
    // comparison of the input: a probe (Ghost's _isValidOTCVerificationHash over getRefByToken)
    "class S {\n  async lookupRef(id) {\n    try {\n      return await this.model.findOne({ id });\n    } catch {\n      return null;\n    }\n  }\n  async verifySignature(id, signature) {\n    try {\n      const ref = await this.lookupRef(id);\n      if (!ref) return false;\n      return crypto.timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(ref.expected, 'hex'));\n    } catch {\n      return false;\n    }\n  }\n}",
  ],
  invalid: [
    // a same-file helper that swallows its own failures cannot fail its caller: only the helper's catch is
    // reported (Ghost's getRefByToken), not the caller's catch around it
    {
      "code": "class TokenProvider {\n  async getRefByToken(token) {\n    try {\n      const model = await this.model.findOne({ token });\n      return model ? model.get('uuid') : null;\n    } catch (err) {\n      return null;\n    }\n  }\n  async isValidVerificationHash(token, providedHash) {\n    try {\n      const tokenId = await this.getRefByToken(token);\n      if (!tokenId) return false;\n      return crypto.timingSafeEqual(Buffer.from(providedHash, 'hex'), Buffer.from(this.hashOf(tokenId), 'hex'));\n    } catch (err) {\n      return false;\n    }\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "class TokenProvider {\n  async getRefByToken(token) {\n    try {\n      const model = await this.model.findOne({ token });\n      return model ? model.get('uuid') : null;\n    } catch (err) {\n      console.warn('model.findOne failed', err);\n      return null;\n    }\n  }\n  async isValidVerificationHash(token, providedHash) {\n    try {\n      const tokenId = await this.getRefByToken(token);\n      if (!tokenId) return false;\n      return crypto.timingSafeEqual(Buffer.from(providedHash, 'hex'), Buffer.from(this.hashOf(tokenId), 'hex'));\n    } catch (err) {\n      return false;\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    // the same helper rethrowing: the caller's catch now hides the lookup failure
    {
      "code": "class TokenProvider {\n  async getRefByToken(token) {\n    try {\n      const model = await this.model.findOne({ token });\n      return model ? model.get('uuid') : null;\n    } catch (err) {\n      throw new Error('token lookup failed');\n    }\n  }\n  async isValidVerificationHash(token, providedHash) {\n    try {\n      const tokenId = await this.getRefByToken(token);\n      if (!tokenId) return false;\n      return crypto.timingSafeEqual(Buffer.from(providedHash, 'hex'), Buffer.from(this.hashOf(tokenId), 'hex'));\n    } catch (err) {\n      return false;\n    }\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 16,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "class TokenProvider {\n  async getRefByToken(token) {\n    try {\n      const model = await this.model.findOne({ token });\n      return model ? model.get('uuid') : null;\n    } catch (err) {\n      throw new Error('token lookup failed');\n    }\n  }\n  async isValidVerificationHash(token, providedHash) {\n    try {\n      const tokenId = await this.getRefByToken(token);\n      if (!tokenId) return false;\n      return crypto.timingSafeEqual(Buffer.from(providedHash, 'hex'), Buffer.from(this.hashOf(tokenId), 'hex'));\n    } catch (err) {\n      console.warn('getRefByToken failed', err);\n      return false;\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    // --- a security control fails and the catch makes it read as an ordinary answer ---
    {
      "code": "async function getUserForSession(req) {\n  try {\n    const session = await sessionStore.get(req.sessionId);\n    return session.user;\n  } catch (err) {\n    return null;\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function getUserForSession(req) {\n  try {\n    const session = await sessionStore.get(req.sessionId);\n    return session.user;\n  } catch (err) {\n    console.warn('sessionStore.get failed', err);\n    return null;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function deliver(destination) {\n  try {\n    destination.auth = await this.decryptCredentials(destination.credentialId);\n  } catch {}\n  await post(destination);\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function deliver(destination) {\n  try {\n    destination.auth = await this.decryptCredentials(destination.credentialId);\n  } catch (err) {\n    console.error('decryptCredentials failed', err);\n  }\n  await post(destination);\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function deliver(destination) {\n  try {\n    destination.auth = await this.decryptCredentials(destination.credentialId);\n  } catch (err) {\n    throw err;\n  }\n  await post(destination);\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function refresh(refreshToken) {\n  try {\n    await sessions.create(jwt.verify(refreshToken, key));\n    return { ok: true };\n  } catch {\n    return { ok: false, error: 'invalid_refresh_token' };\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function refresh(refreshToken) {\n  try {\n    await sessions.create(jwt.verify(refreshToken, key));\n    return { ok: true };\n  } catch (err) {\n    console.warn('sessions.create failed', err);\n    return { ok: false, error: 'invalid_refresh_token' };\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "const member = await memberRepository.getByToken(token).catch(() => null);",
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 1,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "const member = await memberRepository.getByToken(token).catch((err) => {\n  console.warn('memberRepository.getByToken failed', err);\n  return null;\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "async function handler(req, res) {\n  try {\n    await run();\n  } catch (e) {\n    return res.status(500).end();\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function handler(req, res) {\n  try {\n    await run();\n  } catch (e) {\n    console.error('run failed', e);\n    return res.status(500).end();\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.status = 503 } })",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 1,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "app.use(async (ctx, next) => { try { await next() } catch (err) { console.error('downstream handler failed', err); ctx.status = 503 } })"
            },
            {
              "messageId": "rethrow",
              "output": "app.use(async (ctx, next) => { try { await next() } catch (err) { ctx.status = 503; throw err; } })"
            }
          ]
        }
      ]
    },
    // --- a fallback that is not the input (the twin of credentialNameById above) hides the outage ---
    {
      "code": "async function credentialNameById(credentialService, credentialId) {\n  try {\n    const credential = await credentialService.get(credentialId);\n    return credential.name;\n  } catch {\n    return 'unknown';\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function credentialNameById(credentialService, credentialId) {\n  try {\n    const credential = await credentialService.get(credentialId);\n    return credential.name;\n  } catch (err) {\n    console.warn('credentialService.get failed', err);\n    return 'unknown';\n  }\n}"
            }
          ]
        }
      ]
    },
    // --- the same catches as the valid cases above, under reportFallbacks (strict) ---
    {
      "code": "try { await save() } catch (e) {}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 1,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "try { await save() } catch (e) {\n  console.error('save failed', e);\n}"
            },
            {
              "messageId": "rethrow",
              "output": "try { await save() } catch (e) {\n  throw e;\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "sendEmail(user).catch(() => {});",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 1,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "sendEmail(user).catch((err) => {\n  console.error('sendEmail failed', err);\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "const user = await findUser(id).catch(() => null);",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 1,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "const user = await findUser(id).catch((err) => {\n  console.warn('findUser failed', err);\n  return null;\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "function sendDidNotAuthenticateMcpRequest(strapi) { strapi.telemetry.send('didNotAuthenticateMcpRequest').catch(() => {}); }",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 1,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "function sendDidNotAuthenticateMcpRequest(strapi) { strapi.telemetry.send('didNotAuthenticateMcpRequest').catch((err) => {\n  console.error('telemetry.send failed', err);\n}); }"
            }
          ]
        }
      ]
    },
    {
      "code": "async function testConnection(provider) {\n  const errorState = { success: false, testState: 'error' };\n  try {\n    await provider.connect();\n    return { success: true, testState: 'tested' };\n  } catch {\n    return errorState;\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function testConnection(provider) {\n  const errorState = { success: false, testState: 'error' };\n  try {\n    await provider.connect();\n    return { success: true, testState: 'tested' };\n  } catch (err) {\n    console.warn('provider.connect failed', err);\n    return errorState;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function listModels(provider, credentials) {\n  try {\n    return [provider, await this.fetchModelsForProvider(provider, credentials)];\n  } catch {\n    return [provider, { models: [], error: 'Could not retrieve models. Verify credentials.' }];\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function listModels(provider, credentials) {\n  try {\n    return [provider, await this.fetchModelsForProvider(provider, credentials)];\n  } catch (err) {\n    console.warn('fetchModelsForProvider failed', err);\n    return [provider, { models: [], error: 'Could not retrieve models. Verify credentials.' }];\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "app.post('/subscription', async (req, res) => {\n  try {\n    await this.tokenService.decodeToken(req.body.identity);\n  } catch (err) {\n    res.writeHead(401);\n    return res.end('Unauthorized');\n  }\n  res.end('ok');\n});",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "app.post('/subscription', async (req, res) => {\n  try {\n    await this.tokenService.decodeToken(req.body.identity);\n  } catch (err) {\n    res.writeHead(401);\n    console.warn('tokenService.decodeToken failed', err);\n    return res.end('Unauthorized');\n  }\n  res.end('ok');\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "async function unsubscribe(req, res) {\n  try {\n    res.json(format(req.member));\n  } catch (err) {\n    res.writeHead(400);\n    res.end('Failed to unsubscribe this email address');\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 4,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function unsubscribe(req, res) {\n  try {\n    res.json(format(req.member));\n  } catch (err) {\n    console.error('format failed', err);\n    res.writeHead(400);\n    res.end('Failed to unsubscribe this email address');\n  }\n}"
            }
          ]
        }
      ]
    },
  ],
});
