import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * What the catch answers (issue 15, third round): the failure is already recorded or escalated,
 * the fallback is the answer a caller asked for, or the call only records telemetry. Trimmed from
 * Ghost, n8n, Strapi, Directus and Parse Server sources judged on the accuracy harness
 * (bench/accuracy/triage.json). The real shapes beside them stay invalid; `reportFallbacks`
 * (strict) reports the fallbacks anyway.
 *
 * Since the security scope (tests/rules/no-silent-catch/security-scope.test.ts): a real shape
 * whose failed operation is not a security control and that answers no 5xx is reported under
 * `reportFallbacks` (strict) only; those cases say so with their options.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (expected answers)', rule, {
  valid: [
    "// cleanup of a staged file in a catch that rethrows (Ghost import stager)\nasync function stage({ filePath }) {\n  const storage = getStorage();\n  const name = `import-${crypto.randomUUID()}`;\n  try {\n    const url = await storage.save({ name, path: filePath }, storage.storagePath);\n    return { path: storage.urlToPath(url) };\n  } catch (error) {\n    await storage.delete(name).catch(() => {});\n    throw error;\n  }\n}",
    "// exporter shutdown in a finally (n8n OpenTelemetry test connection)\nasync function testConnection(connection) {\n  let provider;\n  const exporter = new OTLPTraceExporter({ url: connection.url });\n  try {\n    provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });\n    provider.getTracer('test').startSpan('test').end();\n  } finally {\n    await provider?.shutdown().catch(() => {});\n    await exporter.shutdown().catch(() => {});\n  }\n}",
    "// a health check that counts failures in a metric (Directus metrics)\nasync function trackCacheMetric(checkId) {\n  const metric = getCacheErrorMetric();\n  if (metric === null) return;\n  try {\n    await cache.set(`health-${checkId}`, '1', 5);\n    await cache.delete(`health-${checkId}`);\n  } catch {\n    metric.inc();\n  }\n}",
    "// the unexpected errors are rethrown first; the conflict that remains is the expected answer (n8n agent tools)\nasync function mutate(user, input, configHash) {\n  let mutation;\n  try {\n    mutation = await this.applyMutation(user, input);\n  } catch (error) {\n    if (!(error instanceof ConflictError)) throw error;\n    const latest = await this.fetchConfigHash(input.agentId);\n    if (latest === configHash) throw error;\n    return { ok: false, code: 'stale_config', configHash: latest };\n  }\n  return { ok: true, mutation };\n}",
    "// `if (e.code !== X) throw e; return []`: a missing directory is an empty list\nasync function listBackups(dir) {\n  try {\n    return await fsp.readdir(dir);\n  } catch (e) {\n    if (e.code !== 'ENOENT') throw e;\n    return [];\n  }\n}",
    "// other errors are logged at warn first; an unknown node type is the expected answer (n8n node types)\nasync function getSupportedVersions(nodeTypeName) {\n  try {\n    const { type } = await this.loadNodesAndCredentials.getNode(nodeTypeName);\n    return [type.description.version];\n  } catch (error) {\n    if (!(error instanceof UnrecognizedNodeTypeError)) {\n      this.logger.warn('Failed to resolve node type', { nodeType: nodeTypeName, error });\n    }\n    return undefined;\n  }\n}",
    "// every Error is logged; the test is a type guard, not a choice of expected errors (n8n LDAP)\nasync function findAndAuthenticateLdapUser(user, password) {\n  try {\n    await this.validUser(user.dn, password);\n  } catch (e) {\n    if (e instanceof Error) {\n      this.logger.error('LDAP - Error validating user against LDAP server', { message: e.message });\n    }\n    return undefined;\n  }\n  return user;\n}",
    "// fire-and-forget telemetry beside other work (Strapi MCP metrics)\nconst sendDidExecuteMcpCapability = (strapi, identity) => {\n  if (!shouldSendCapabilityEvent(identity, true)) {\n    return;\n  }\n  strapi.telemetry.send('didExecuteMcpCapability', { eventProperties: { type: identity.type } }).catch(() => {});\n};",
    "// a lifecycle trace span, voided (n8n sandbox eviction)\nfunction evictSandboxEntry(threadId, entry, reason) {\n  this.sandboxes.delete(threadId);\n  void withSandboxLifecycleTrace(threadId, 'evict-cache', { reason, sandboxId: entry.sandbox.id }, async () => {}).catch(() => {});\n}",
    "// an analytics POST: false means the event was not tracked (Strapi metrics sender)\nconst createSender = (strapi) => async (event, payload = {}) => {\n  const reqParams = { method: 'POST', body: JSON.stringify({ event, ...payload }) };\n  try {\n    const analyticsUrl = env('STRAPI_ANALYTICS_URL', 'https://analytics.strapi.io');\n    const res = await strapi.fetch(`${analyticsUrl}/api/v2/track`, reqParams);\n    return res.ok;\n  } catch {\n    return false;\n  }\n};",
    "// emitting a metric event must never break the task it measures (n8n system tasks)\nfunction emitSystemTaskMetric(eventService, event, payload) {\n  try {\n    eventService.emit(event, payload);\n  } catch {}\n}",
    "// a file stream that fails is answered 404 (Parse Server files router)\nasync function getHandler(req, res) {\n  const { filesController, filename, contentType } = parse(req);\n  filesController.handleFileStream(req.config, filename, req, res, contentType).catch(() => {\n    res.status(404);\n    res.set('Content-Type', 'text/plain');\n    res.end('File not found.');\n  });\n}",
    "// existence probe before sending a file; a missing icon falls through to 404 (n8n icons)\napp.use('/icons/:packageName/*path', async (req, res) => {\n  const filePath = this.loadNodesAndCredentials.resolveIcon(req.params.packageName, req.originalUrl);\n  if (filePath) {\n    try {\n      await fsp.access(filePath);\n      return res.sendFile(filePath, { maxAge });\n    } catch {}\n  }\n  res.sendStatus(404);\n});",
    "// a lookup answered null to callers that reply 404 (no logo -> 404)\nclass LogoController {\n  async findLogo(siteId) {\n    try {\n      return await this.storage.read(`logos/${siteId}.png`);\n    } catch {\n      return null;\n    }\n  }\n  async get(req, res) {\n    const logo = await this.findLogo(req.params.siteId);\n    if (!logo) {\n      return res.status(404).end();\n    }\n    return res.type('png').send(logo);\n  }\n  async head(req) {\n    const logo = await this.findLogo(req.params.siteId);\n    if (logo === null) throw new NotFoundError('No logo');\n    return { size: logo.length };\n  }\n}",
    "// candidates tried in turn; when all fail the function throws (n8n OAuth discovery)\nasync function discoverProtectedResource(discoveryUrls) {\n  for (const url of discoveryUrls) {\n    try {\n      const response = await axios.get(url);\n      if (Array.isArray(response.data.authorization_servers)) return response.data;\n    } catch (error) {}\n  }\n  throw new BadRequestError(`Failed to discover protected resource metadata. Tried: ${discoveryUrls.join(', ')}`);\n}",
    "// an availability check: an unreachable gateway is the answer 'not available' (n8n AI gateway)\nasync function isAvailable() {\n  if (!this.isEnabled()) return { available: false };\n  try {\n    const config = await this.getGatewayConfig();\n    return { available: true, config };\n  } catch {\n    return { available: false };\n  }\n}",
    "// synchronous reads of evaluated feature flags: in-process state (n8n PostHog)\nfunction resolveFeatureFlagData(evaluatedFlags) {\n  const featureFlags = {};\n  for (const key of evaluatedFlags.keys) {\n    try {\n      featureFlags[key] = evaluatedFlags.getFlag(key);\n    } catch {}\n  }\n  return featureFlags;\n}",
    "// a synchronous registry read; unknown types have no credentials (n8n community nodes)\nfunction credentialTypesOf(nodeTypeNames, nodeTypes) {\n  const types = new Set();\n  for (const name of nodeTypeNames) {\n    try {\n      for (const credential of nodeTypes.getByNameAndVersion(name).description.credentials ?? []) {\n        types.add(credential.name);\n      }\n    } catch {}\n  }\n  return [...types];\n}",
    "// temp-file cleanups when an export archive closes (Ghost site exporter)\nfunction createArchive(components) {\n  const archive = new ZipArchive();\n  const cleanups = [];\n  archive.once('close', () => {\n    for (const cleanup of cleanups) {\n      cleanup().catch(() => {});\n    }\n  });\n  return archive;\n}",
    "// stopping a timed-out execution in the expected-case branch; other errors are rethrown first (n8n)\nasync function waitForExecution(activeExecutions, executionId, abortSignal) {\n  try {\n    return await activeExecutions.getPostExecutePromise(executionId);\n  } catch (error) {\n    const isTimeout = error instanceof Error && error.message.includes('timed out');\n    const isAbort = error instanceof Error && (error.name === 'AbortError' || abortSignal?.aborted === true);\n    if (!isTimeout && !isAbort) throw error;\n    try {\n      activeExecutions.stopExecution(executionId, new TimeoutExecutionCancelledError(executionId));\n    } catch {}\n    return { kind: 'cancelled', reason: isAbort ? 'abort' : 'timeout' };\n  }\n}",
  ],
  invalid: [
    // a credential lookup answered null to a caller that refuses with 401: an outage reads as a bad token (Ghost members)
    {
      "code": "class MembersController {\n  async getMemberByToken(token) {\n    try {\n      return await this.memberRepository.getByToken(token);\n    } catch {\n      return null;\n    }\n  }\n  async updateEmail(req, res) {\n    const member = await this.getMemberByToken(req.body.identity);\n    if (!member) {\n      return res.status(401).end('Unauthorized.');\n    }\n    return res.json(member);\n  }\n}",
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
              "output": "class MembersController {\n  async getMemberByToken(token) {\n    try {\n      return await this.memberRepository.getByToken(token);\n    } catch (err) {\n      console.warn('memberRepository.getByToken failed', err);\n      return null;\n    }\n  }\n  async updateEmail(req, res) {\n    const member = await this.getMemberByToken(req.body.identity);\n    if (!member) {\n      return res.status(401).end('Unauthorized.');\n    }\n    return res.json(member);\n  }\n}"
            }
          ]
        }
      ]
    },
    // a negative test whose branch does not escalate: the unexpected errors fall through to the silent return
    {
      "code": "async function cleanupAfterFailure(file) {\n  try {\n    await storage.save(file);\n  } catch (error) {\n    if (error.code !== 'EEXIST') {\n      metrics.note(error.code);\n    }\n    return null;\n  }\n}",
      "options": [{ "reportFallbacks": true }],
      "errors": [
        {
          "messageId": "silentPath",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function cleanupAfterFailure(file) {\n  try {\n    await storage.save(file);\n  } catch (error) {\n    if (error.code !== 'EEXIST') {\n      metrics.note(error.code);\n    }\n    console.warn('storage.save failed', error);\n    return null;\n  }\n}"
            }
          ]
        }
      ]
    },
    // a candidate loop that is not followed by a throw: every failure vanishes into a shorter list
    {
      "code": "async function searchChannels(api, guilds) {\n  const channels = [];\n  for (const guild of guilds) {\n    let guildChannels;\n    try {\n      guildChannels = await api.get(`/guilds/${guild.id}/channels`);\n    } catch {\n      continue;\n    }\n    channels.push(...guildChannels);\n  }\n  return channels;\n}",
      "options": [{ "reportFallbacks": true }],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function searchChannels(api, guilds) {\n  const channels = [];\n  for (const guild of guilds) {\n    let guildChannels;\n    try {\n      guildChannels = await api.get(`/guilds/${guild.id}/channels`);\n    } catch (err) {\n      console.warn('api.get failed', err);\n      continue;\n    }\n    channels.push(...guildChannels);\n  }\n  return channels;\n}"
            }
          ]
        }
      ]
    },
    // token verify and a session-store write in one try (Strapi session manager): the store write keeps the try fallible
    {
      "code": "class SessionManager {\n  async rotateRefreshToken(refreshToken) {\n    try {\n      const payload = jwt.verify(refreshToken, verifyKey);\n      const current = await this.provider.findBySessionId(payload.sessionId);\n      if (!current) return { error: 'invalid_refresh_token' };\n      const childRecord = await this.provider.create({ userId: current.userId, status: 'active' });\n      return { token: jwt.sign({ sessionId: childRecord.sessionId }, signKey) };\n    } catch {\n      return { error: 'invalid_refresh_token' };\n    }\n  }\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 10,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "class SessionManager {\n  async rotateRefreshToken(refreshToken) {\n    try {\n      const payload = jwt.verify(refreshToken, verifyKey);\n      const current = await this.provider.findBySessionId(payload.sessionId);\n      if (!current) return { error: 'invalid_refresh_token' };\n      const childRecord = await this.provider.create({ userId: current.userId, status: 'active' });\n      return { token: jwt.sign({ sessionId: childRecord.sessionId }, signKey) };\n    } catch (err) {\n      console.warn('provider.findBySessionId failed', err);\n      return { error: 'invalid_refresh_token' };\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    // a licence check whose outage reads as 'unlicensed': not every answer is the 'no' of a yes/no question
    {
      "code": "async function isLicensed() {\n  try {\n    const licence = await licenceServer.activation(key);\n    return { licensed: true, licence };\n  } catch {\n    return { licensed: false, reason: 'unreachable' };\n  }\n}",
      "options": [{ "reportFallbacks": true }],
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
              "output": "async function isLicensed() {\n  try {\n    const licence = await licenceServer.activation(key);\n    return { licensed: true, licence };\n  } catch (err) {\n    console.warn('licenceServer.activation failed', err);\n    return { licensed: false, reason: 'unreachable' };\n  }\n}"
            }
          ]
        }
      ]
    },
    // telemetry whose result is used: the caller decides on the fallback
    {
      "code": "async function submit(user, threadId, payload) {\n  const ok = await telemetry.send('feedback', payload).catch(() => false);\n  return { ok };\n}",
      "options": [{ "reportFallbacks": true }],
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 2,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function submit(user, threadId, payload) {\n  const ok = await telemetry.send('feedback', payload).catch((err) => {\n    console.warn('telemetry.send failed', err);\n    return false;\n  });\n  return { ok };\n}"
            }
          ]
        }
      ]
    },
    // a positive test of the error with a silent complement: the unknown errors are lost
    {
      "code": "async function upload(req) {\n  try {\n    await bucket.put(req.file);\n  } catch (error) {\n    if (error.code === 'EEXIST') {\n      logger.warn(error, 'upload exists');\n    }\n    return null;\n  }\n}",
      "options": [{ "reportFallbacks": true }],
      "errors": [
        {
          "messageId": "silentPath",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function upload(req) {\n  try {\n    await bucket.put(req.file);\n  } catch (error) {\n    if (error.code === 'EEXIST') {\n      logger.warn(error, 'upload exists');\n    }\n    console.warn('bucket.put failed', error);\n    return null;\n  }\n}"
            }
          ]
        }
      ]
    },
    // an awaited getter reaches outside: decryption of a credential fails unseen (n8n log streaming)
    {
      "code": "async function requestOptions(credentials) {\n  let auth;\n  try {\n    auth = await credentials.getDecrypted('httpBasicAuth');\n  } catch {}\n  return { auth };\n}",
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
              "output": "async function requestOptions(credentials) {\n  let auth;\n  try {\n    auth = await credentials.getDecrypted('httpBasicAuth');\n  } catch (err) {\n    console.error('credentials.getDecrypted failed', err);\n  }\n  return { auth };\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function requestOptions(credentials) {\n  let auth;\n  try {\n    auth = await credentials.getDecrypted('httpBasicAuth');\n  } catch (err) {\n    throw err;\n  }\n  return { auth };\n}"
            }
          ]
        }
      ]
    },
    // reportFallbacks (strict): fire-and-forget telemetry and lookups answered 404 are reported
    {
      "code": "// fire-and-forget telemetry beside other work (Strapi MCP metrics)\nconst sendDidExecuteMcpCapability = (strapi, identity) => {\n  if (!shouldSendCapabilityEvent(identity, true)) {\n    return;\n  }\n  strapi.telemetry.send('didExecuteMcpCapability', { eventProperties: { type: identity.type } }).catch(() => {});\n};",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentPromiseCatch",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "// fire-and-forget telemetry beside other work (Strapi MCP metrics)\nconst sendDidExecuteMcpCapability = (strapi, identity) => {\n  if (!shouldSendCapabilityEvent(identity, true)) {\n    return;\n  }\n  strapi.telemetry.send('didExecuteMcpCapability', { eventProperties: { type: identity.type } }).catch((err) => {\n    console.error('telemetry.send failed', err);\n  });\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "// a lookup answered null to callers that reply 404 (no logo -> 404)\nclass LogoController {\n  async findLogo(siteId) {\n    try {\n      return await this.storage.read(`logos/${siteId}.png`);\n    } catch {\n      return null;\n    }\n  }\n  async get(req, res) {\n    const logo = await this.findLogo(req.params.siteId);\n    if (!logo) {\n      return res.status(404).end();\n    }\n    return res.type('png').send(logo);\n  }\n  async head(req) {\n    const logo = await this.findLogo(req.params.siteId);\n    if (logo === null) throw new NotFoundError('No logo');\n    return { size: logo.length };\n  }\n}",
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
              "output": "// a lookup answered null to callers that reply 404 (no logo -> 404)\nclass LogoController {\n  async findLogo(siteId) {\n    try {\n      return await this.storage.read(`logos/${siteId}.png`);\n    } catch (err) {\n      console.warn('storage.read failed', err);\n      return null;\n    }\n  }\n  async get(req, res) {\n    const logo = await this.findLogo(req.params.siteId);\n    if (!logo) {\n      return res.status(404).end();\n    }\n    return res.type('png').send(logo);\n  }\n  async head(req) {\n    const logo = await this.findLogo(req.params.siteId);\n    if (logo === null) throw new NotFoundError('No logo');\n    return { size: logo.length };\n  }\n}"
            }
          ]
        }
      ]
    },
  ],
});
