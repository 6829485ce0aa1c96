import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * Precision on real application code (issue 15): the false-alarm patterns seen on real
 * servers are valid by default; the shapes reviewers judged real stay invalid; the broad
 * policy is behind `reportFallbacks` (on in `strict`). Cases are trimmed from Ghost, Directus,
 * Strapi and Medusa sources.
 *
 * Since the security scope (tests/rules/no-silent-catch/security-scope.test.ts): a real shape
 * whose failed operation is not a security control and that answers no 5xx is reported under
 * `reportFallbacks` (strict) only; those cases say so with their options.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (precision on real code)', rule, {
  valid: [
    "// saltcorn: an admin's delete that failed is flashed and redirected; not a security control and no 5xx (strict reports it)\nrouter.post(\"/delete/:id\", isAdmin, error_catcher(async (req, res) => {\n  const table = await Table.findOne({ id: req.params.id });\n  try {\n    await table.delete();\n    req.flash(\"success\", `Table ${table.name} deleted`);\n    res.redirect(\"/table\");\n  } catch (err) {\n    req.flash(\"error\", err.message);\n    res.redirect(\"/table\");\n  }\n}));",
    "// a parse probe beside a chain that handles its own failure: the raw text is the answer (budibase AI proxy)\nasync function proxy(ctx, upstream) {\n  const text = await upstream.text();\n  try {\n    const parsed = JSON.parse(text);\n    if (parsed?.usage) {\n      await credits.increment(parsed.usage).catch(() => {});\n    }\n    ctx.body = parsed;\n  } catch {\n    ctx.body = text;\n  }\n}",
    "// an upgrade refused with a hand-written 401 after only an authorization check: log-auth-failures' finding (signalk)\nserver.on('upgrade', (request, socket, head) => {\n  try {\n    sec.authorizeWS({ query, headers, cookies });\n  } catch {\n    socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');\n    socket.destroy();\n    return;\n  }\n  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));\n});",
    "// a malformed request URL answered 400 on the upgrade socket: a client answer, not a 5xx\nserver.on('upgrade', (request, socket, head) => {\n  let url;\n  try {\n    url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);\n  } catch {\n    socket.write('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');\n    socket.destroy();\n    return;\n  }\n  if (url.pathname !== wsPath) return;\n});",
    // parse probe: new URL redirect check (Ghost private blogging)
    "function getRedirectUrl(query) {\n  try {\n    const redirect = decodeURIComponent(query.r || '/');\n    const pathname = new URL(redirect, config.get('url')).pathname;\n    const base = new URL(config.get('url'));\n    const target = new URL(pathname, config.get('url'));\n    return target.host === base.host ? pathname : '/';\n  } catch (e) {\n    return '/';\n  }\n}",
    // parse probe: new Date(x).getTime()
    "function deliveryDeadline(email, windowMs) {\n  try {\n    const startTime = email.get('created_at');\n    return new Date(startTime.getTime() + windowMs);\n  } catch (err) {\n    return undefined;\n  }\n}",
    // IP / CIDR matching
    "function inAllowList(ip, ranges) {\n  for (const range of ranges) {\n    try {\n      const match = getMatch(ip);\n      if (match.type === 'IPMask') return false;\n    } catch {\n      return false;\n    }\n  }\n  return true;\n}",
    // CIDR parsing
    "function inRange(ip, cidr) {\n  try {\n    return ipaddr.parse(ip).match(ipaddr.parseCIDR(cidr));\n  } catch {\n    return false;\n  }\n}",
    // header parsing
    "function bearer(req) {\n  try {\n    return parseAuthorizationHeader(req.headers.authorization).token;\n  } catch {\n    return null;\n  }\n}",
    // ensureValid… validator
    "function safeTarget(url) {\n  try {\n    ensureValidUrl(url);\n    return url;\n  } catch {\n    return null;\n  }\n}",
    // same-file validator that throws
    "const SLUG = /^[a-z0-9-]+$/;\nfunction slugOf(input) {\n  if (!SLUG.test(input)) throw new TypeError('bad slug');\n  return input;\n}\nfunction titleSlug(title) {\n  let slug;\n  try {\n    slug = slugOf(title);\n  } catch {\n    slug = 'untitled';\n  }\n  return slug;\n}",
    // new SomeParser(input).result()
    "function render(src) {\n  try {\n    return new MarkdownParser(src).result();\n  } catch {\n    return null;\n  }\n}",
    // parse try with several statements, one fallible call
    "for (const model of models) {\n  let mobiledoc;\n  try {\n    mobiledoc = JSON.parse(model.mobiledoc);\n    if (!mobiledoc.cards || !Array.isArray(mobiledoc.cards)) {\n      model.mobiledoc = blankDocument;\n      mobiledoc = model.mobiledoc;\n    }\n  } catch (err) {\n    mobiledoc = blankDocument;\n  }\n  use(mobiledoc);\n}",
    // cron expression parse
    "export function validateCron(rule) {\n  try {\n    cron.parseExpression(rule);\n  } catch {\n    return false;\n  }\n  return true;\n}",
    // converter in a migration loop
    "for (const { id, special } of fields) {\n  let parsed;\n  try {\n    parsed = toArray(special);\n  } catch {\n    continue;\n  }\n  update(id, parsed);\n}",
    // async twin: fs.promises.readFile + JSON.parse
    "async function readCache(file) {\n  try {\n    const raw = await fs.promises.readFile(file, 'utf8');\n    return JSON.parse(raw);\n  } catch {\n    return null;\n  }\n}",
    // async twin: stat + readJson cache read
    "const readCache = async (cachePath, maxAgeMs) => {\n  try {\n    const stat = await fse.stat(cachePath);\n    if (Date.now() - stat.mtimeMs > maxAgeMs) return null;\n    return await fse.readJson(cachePath);\n  } catch {\n    return null;\n  }\n};",
    // async twin: fs.access → missing, so regenerate
    "async function ensureKeys(dir) {\n  try {\n    await fs.promises.access(path.join(dir, 'private.pem'));\n  } catch {\n    await generateKeyPair(dir);\n  }\n}",
    // fallback chain: a second source
    "async function load(id) {\n  try {\n    return await primary.get(id);\n  } catch {\n    return await mirror.get(id);\n  }\n}",
    // fallback chain: retry without returning
    "async function insertComponent(trx, table, row) {\n  let insertResult;\n  try {\n    insertResult = await trx(table).insert(row, ['id']);\n  } catch {\n    insertResult = await trx(table).insert(row);\n  }\n  return insertResult;\n}",
    // fallback chain: retry by recursion (promise)
    "async function getSchema(options, attempt = 0) {\n  return Promise.race([timeout, subscription]).catch(() => getSchema(options, attempt + 1));\n}",
    // fallback chain: retry by recursion
    "async function setupWebhook(id, secret, opts = {}) {\n  try {\n    return await api.getWebhook(id, secret);\n  } catch (err) {\n    return setupWebhook(id, secret, { forceCreate: true });\n  }\n}",
    // fallback chain: cache read + parse → recompute
    "async function settings(key) {\n  try {\n    const cached = await cache.get(key);\n    return JSON.parse(cached);\n  } catch {\n    return recompute(key);\n  }\n}",
    // fallback chain: value computed by other means
    "async function extensionOf(response, requestURL) {\n  let extension;\n  try {\n    const info = await FileType.fromBuffer(response.body);\n    extension = info.ext;\n  } catch {\n    extension = mime.extension(response.headers['content-type']) || path.extname(requestURL);\n  }\n  return extension;\n}",
    // inspected error: unique violation is the expected case
    "async function upsert(row) {\n  try {\n    await db.insert(row);\n  } catch (e) {\n    if (e.code === '23505') return existing(row.id);\n    throw e;\n  }\n}",
    // inspected error: instanceof
    "async function find(id) {\n  try {\n    return await repo.findOneOrFail(id);\n  } catch (e) {\n    if (e instanceof EntityNotFoundError) return null;\n    throw e;\n  }\n}",
    // inspected error: the branch that names the error is silent, the complement logs
    "app.post('/saml/acs', async (req, res) => {\n  try {\n    await completeLogin(req);\n  } catch (error) {\n    let reason = 'UNKNOWN_EXCEPTION';\n    if (isAppError(error)) {\n      reason = error.code;\n    } else {\n      logger.warn(error, 'SAML login failed');\n    }\n    return res.redirect(`/login?reason=${reason}`);\n  }\n});",
    // callee already logs (same-file function)
    "async function fetchRates() {\n  try {\n    return await http.get(RATES_URL);\n  } catch (err) {\n    logger.error({ err }, 'rates fetch failed');\n    throw err;\n  }\n}\nasync function rates() {\n  try {\n    return await fetchRates();\n  } catch {\n    return DEFAULT_RATES;\n  }\n}",
    // callee already logs (same-class method)
    "class Settings {\n  async load() {\n    try {\n      return await this.db.select('*').from('settings');\n    } catch (err) {\n      this.logger.error(err);\n      throw err;\n    }\n  }\n  async get(key) {\n    try {\n      return (await this.load())[key];\n    } catch {\n      return undefined;\n    }\n  }\n}",
    // .catch(() => undefined) on a promise awaited later
    "async function boot() {\n  const settings = loadSettings();\n  settings.catch(() => undefined);\n  await connect();\n  return await settings;\n}",
    // .catch(() => undefined) on promises collected in an array
    "async function runAll(jobs) {\n  const pending = [];\n  for (const job of jobs) {\n    const p = run(job);\n    pending.push(p);\n    p.catch(() => undefined);\n  }\n  return Promise.allSettled(pending);\n}",
    // .catch(noop) on a promise stored in a map and returned
    "function load(id) {\n  const p = fetchUser(id);\n  inflight.set(id, p);\n  p.catch(noop);\n  return p;\n}",
    // .catch(() => undefined) with a trailing comment, awaited later
    "async function boot() {\n  const warm = warmCache();\n  warm.catch(() => undefined); // awaited after the server is listening\n  await listen();\n  await warm;\n}",
    // fallback value checked and turned into a server error
    "async function importCSV(stream) {\n  const tmpFile = await createTmpFile().catch(() => null);\n  if (!tmpFile) throw new Error('Failed to create temporary file for import');\n  return write(tmpFile, stream);\n}",
    // fallback value checked inside the next try
    "async function exportToFile(query) {\n  const tmpFile = await createTmpFile().catch(() => null);\n  try {\n    if (!tmpFile) throw new Error('Failed to create temporary file for export');\n    return await write(tmpFile, query);\n  } finally {\n    await tmpFile?.cleanup();\n  }\n}",
    // permission check: the throw is the answer
    "async function assignableRoles(roles, context) {\n  return Promise.all(roles.map(async (role) => {\n    let result;\n    try {\n      await canThis(context).assign.role(role);\n      result = role;\n    } catch (err) {\n      result = {};\n    }\n    return result.name !== 'Owner';\n  }));\n}",
    // access validator: the rejection is the answer
    "function permissionsFor(actions, opts) {\n  return Promise.all(actions.map((action) => validateAccess({ ...opts, action }).then(() => (access[action] = true)).catch(() => {})));\n}",
    // in-memory metadata lookup
    "function getComponentMeta(uid) {\n  for (const candidate of candidatesOf(uid)) {\n    try {\n      const meta = strapi.db.metadata.get(candidate);\n      if (meta) return meta;\n    } catch {\n      continue;\n    }\n  }\n  return null;\n}",
    // probe with a development-only log
    "function defaultValue(column) {\n  try {\n    return parseJSON(column.default_value);\n  } catch (err) {\n    if (getNodeEnv() === 'development') {\n      logger.error(err);\n    }\n    return column.default_value;\n  }\n}",
    // probe with a trace log
    "function deleteFromRequireCache(modulePath) {\n  try {\n    const cached = require.resolve(modulePath);\n    delete require.cache[cached];\n  } catch {\n    logger.trace(`Module cache not found for ${modulePath}`);\n  }\n}",
    // fallback to the next middleware
    "async function frontendCaching(req, res, next) {\n  try {\n    const middleware = await caching.getMiddleware();\n    return middleware(req, res, next);\n  } catch {\n    return next();\n  }\n}",
    // HTML scraping fallback
    "function oembedUrlOf(html, url) {\n  let oembedUrl;\n  try {\n    oembedUrl = cheerio('link[type=\"application/json+oembed\"]', html).attr('href');\n  } catch (e) {\n    return unknownProvider(url);\n  }\n  return oembedUrl;\n}",
    // health check: "does it work?" answered by false
    "async function isDatabaseUp() {\n  try {\n    await db.raw('select 1');\n    return true;\n  } catch {\n    return false;\n  }\n}",
    // the same health check under a name that does not ask a question
    "async function redisHealth() {\n  try {\n    await redis.ping();\n    return true;\n  } catch {\n    return false;\n  }\n}",
    // compiled TypeScript: `(0, promises_1.access)(p)` is still an existence probe
    "const exists = (p) => (0, promises_1.access)(p).then(() => true, () => false);",
    // best-effort cleanup on an error path whose error is rethrown right after
    "async function store(file, tmp) {\n  try {\n    await storage.write(file, tmp);\n  } catch (err) {\n    try {\n      await storage.delete(file);\n    } catch {}\n    throw err;\n  }\n}",
    // fallback chain: another attempt in its own try, whose catch always throws (n8n verifyIntegrity, registry then npm CLI)
    "async function verifyPackageIntegrity(name, expected, authToken) {\n  try {\n    const metadata = await registry.fetchMetadata(name, { authToken });\n    if (metadata.integrity !== expected) throw new Error('Checksum verification failed');\n    return;\n  } catch {\n    try {\n      const integrity = await npmCli.view(name, 'dist.integrity', { authToken });\n      if (integrity !== expected) throw new Error('Checksum verification failed');\n      return;\n    } catch (cliError) {\n      if (isDnsError(cliError)) throw new Error('The registry is unreachable');\n      throw new Error('Failed to verify package checksum');\n    }\n  }\n}",
    // batch that reports per item: success recorded in a collection the function returns (parse-server GridFS key rotation)
    "async function rotateEncryptionKey(fileNames, oldKeyAdapter) {\n  const rotated = [];\n  for (const fileName of fileNames) {\n    try {\n      const plain = await oldKeyAdapter.getFileData(fileName);\n      await this.createFile(fileName, plain);\n      rotated.push(fileName);\n    } catch {\n      continue;\n    }\n  }\n  return { rotated, notRotated: fileNames.filter((f) => !rotated.includes(f)) };\n}",
    // the result says the step failed: try answers credentialApplied: true, catch the same shape with false (n8n MCP tool)
    "async function connectWithCredential(deps, input, tools) {\n  try {\n    const { applied } = await deps.applyCredentialToServer(input.name, input.credential);\n    if (applied) return { ok: true, tools, credentialApplied: true };\n  } catch {\n    return { ok: true, tools, credentialApplied: false };\n  }\n  return { ok: true, tools, credentialApplied: false };\n}",
    // asking which credential type a provider uses is a catalogue lookup, not a credential (n8n's agents builder)
    "async function isProviderServedByGateway(provider) {\n  try {\n    return (await this.aiGatewayService.getCredentialTypeForProvider(provider)) !== undefined;\n  } catch {\n    return false;\n  }\n}",
  ],
  invalid: [
    // a flash message after a failed session revocation: a security control, still reported
    {
      code: "router.post(\"/sessions/revoke\", async (req, res) => {\n  try {\n    await sessionStore.destroy(req.body.sessionId);\n    req.flash(\"success\", \"Session revoked\");\n  } catch (err) {\n    req.flash(\"error\", err.message);\n  }\n  res.redirect(\"/account\");\n});",
      errors: [{"messageId": "silentCatch", "line": 5, "suggestions": [{"messageId": "logIt", "data": {"call": "console.error"}, "output": "router.post(\"/sessions/revoke\", async (req, res) => {\n  try {\n    await sessionStore.destroy(req.body.sessionId);\n    req.flash(\"success\", \"Session revoked\");\n  } catch (err) {\n    console.error('sessionStore.destroy failed', err);\n    req.flash(\"error\", err.message);\n  }\n  res.redirect(\"/account\");\n});"}, {"messageId": "rethrow", "output": "router.post(\"/sessions/revoke\", async (req, res) => {\n  try {\n    await sessionStore.destroy(req.body.sessionId);\n    req.flash(\"success\", \"Session revoked\");\n  } catch (err) {\n    req.flash(\"error\", err.message);\n    throw err;\n  }\n  res.redirect(\"/account\");\n});"}]}],
    },
    // the flashed delete under the broad policy
    {
      code: "// saltcorn: an admin's delete that failed is flashed and redirected; not a security control and no 5xx (strict reports it)\nrouter.post(\"/delete/:id\", isAdmin, error_catcher(async (req, res) => {\n  const table = await Table.findOne({ id: req.params.id });\n  try {\n    await table.delete();\n    req.flash(\"success\", `Table ${table.name} deleted`);\n    res.redirect(\"/table\");\n  } catch (err) {\n    req.flash(\"error\", err.message);\n    res.redirect(\"/table\");\n  }\n}));",
      options: [{ reportFallbacks: true }],
      errors: [{"messageId": "silentCatch", "line": 8, "suggestions": [{"messageId": "logIt", "data": {"call": "console.error"}, "output": "// saltcorn: an admin's delete that failed is flashed and redirected; not a security control and no 5xx (strict reports it)\nrouter.post(\"/delete/:id\", isAdmin, error_catcher(async (req, res) => {\n  const table = await Table.findOne({ id: req.params.id });\n  try {\n    await table.delete();\n    req.flash(\"success\", `Table ${table.name} deleted`);\n    res.redirect(\"/table\");\n  } catch (err) {\n    console.error('table.delete failed', err);\n    req.flash(\"error\", err.message);\n    res.redirect(\"/table\");\n  }\n}));"}]}],
    },
    // the twin whose chain rethrows: the credit update can fail into the catch
    {
      code: "async function proxy(ctx, upstream) {\n  const text = await upstream.text();\n  try {\n    const parsed = JSON.parse(text);\n    await credits.increment(parsed.usage).catch((e) => { throw e; });\n    ctx.body = parsed;\n  } catch {\n    ctx.body = text;\n  }\n}",
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{"messageId":"logIt","data":{"call":"console.error"},"output":"async function proxy(ctx, upstream) {\n  const text = await upstream.text();\n  try {\n    const parsed = JSON.parse(text);\n    await credits.increment(parsed.usage).catch((e) => { throw e; });\n    ctx.body = parsed;\n  } catch (err) {\n    console.error('credits.increment failed', err);\n    ctx.body = text;\n  }\n}"}, {"messageId":"rethrow","output":"async function proxy(ctx, upstream) {\n  const text = await upstream.text();\n  try {\n    const parsed = JSON.parse(text);\n    await credits.increment(parsed.usage).catch((e) => { throw e; });\n    ctx.body = parsed;\n  } catch (err) {\n    ctx.body = text;\n    throw err;\n  }\n}"}] }],
    },
    // the hand-written 500 on the upgrade socket after a session lookup: an outage answered without a record
    {
      code: "server.on('upgrade', async (request, socket, head) => {\n  try {\n    await db.sessions.find(request.headers.cookie);\n  } catch {\n    socket.write('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n');\n    socket.destroy();\n    return;\n  }\n  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));\n});",
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{ messageId: 'logIt', data: { call: 'console.error' }, output: "server.on('upgrade', async (request, socket, head) => {\n  try {\n    await db.sessions.find(request.headers.cookie);\n  } catch (err) {\n    socket.write('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n');\n    socket.destroy();\n    console.error('sessions.find failed', err);\n    return;\n  }\n  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));\n});" }] }],
    },
    // its twin fetches the credential itself: a failed lookup reads as "not served"
    {
      "code": "async function isProviderServedByGateway(provider) {\n  try {\n    return (await this.aiGatewayService.getCredentialForProvider(provider)) !== undefined;\n  } catch {\n    return false;\n  }\n}",
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
              "output": "async function isProviderServedByGateway(provider) {\n  try {\n    return (await this.aiGatewayService.getCredentialForProvider(provider)) !== undefined;\n  } catch (err) {\n    console.warn('aiGatewayService.getCredentialForProvider failed', err);\n    return false;\n  }\n}"
            }
          ]
        }
      ]
    },
    // --- real finding shapes: an outside call fails and the catch makes it look ordinary ---
    // token lookup in the database fails → 401: an outage looks like a bad token
    {
      "code": "async function updateEmail(req, res) {\n  let tokenData = {};\n  try {\n    const member = await memberRepository.getByToken(req.body.token);\n    tokenData.oldEmail = member.get('email');\n  } catch (err) {\n    res.writeHead(401);\n    return res.end('Unauthorized.');\n  }\n  res.end('ok');\n}",
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
              "output": "async function updateEmail(req, res) {\n  let tokenData = {};\n  try {\n    const member = await memberRepository.getByToken(req.body.token);\n    tokenData.oldEmail = member.get('email');\n  } catch (err) {\n    res.writeHead(401);\n    console.warn('memberRepository.getByToken failed', err);\n    return res.end('Unauthorized.');\n  }\n  res.end('ok');\n}"
            }
          ]
        }
      ]
    },
    // database query → null: an outage looks like "no data"
    {
      "code": "class SchemaHelper {\n  async getDatabaseSize() {\n    try {\n      const result = await this.knex.raw('SELECT SUM(size) AS size FROM sys.database_files');\n      return result[0]?.size ?? null;\n    } catch {\n      return null;\n    }\n  }\n}",
      "options": [{ "reportFallbacks": true }],
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
              "output": "class SchemaHelper {\n  async getDatabaseSize() {\n    try {\n      const result = await this.knex.raw('SELECT SUM(size) AS size FROM sys.database_files');\n      return result[0]?.size ?? null;\n    } catch (err) {\n      console.warn('knex.raw failed', err);\n      return null;\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    // session user lookup → null: an outage logs the user out
    {
      "code": "async function getUserForSession(session) {\n  try {\n    return await findUserById({ id: session.user_id });\n  } catch (err) {\n    return null;\n  }\n}",
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
              "output": "async function getUserForSession(session) {\n  try {\n    return await findUserById({ id: session.user_id });\n  } catch (err) {\n    console.warn('findUserById failed', err);\n    return null;\n  }\n}"
            }
          ]
        }
      ]
    },
    // 5xx answered without a log
    {
      "code": "async function sendMagicLink(req, res) {\n  try {\n    await mailer.send(req.body.email);\n    res.writeHead(201);\n    return res.end('Created.');\n  } catch (err) {\n    res.writeHead(500);\n    return res.end('Internal Server Error.');\n  }\n}",
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
              "output": "async function sendMagicLink(req, res) {\n  try {\n    await mailer.send(req.body.email);\n    res.writeHead(201);\n    return res.end('Created.');\n  } catch (err) {\n    res.writeHead(500);\n    console.warn('mailer.send failed', err);\n    return res.end('Internal Server Error.');\n  }\n}"
            }
          ]
        }
      ]
    },
    // empty catch around a cache write
    {
      "code": "async function forget(key) {\n  try {\n    await redis.del(key);\n  } catch {}\n}",
      "options": [{ "reportFallbacks": true }],
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
              "output": "async function forget(key) {\n  try {\n    await redis.del(key);\n  } catch (err) {\n    console.error('redis.del failed', err);\n  }\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function forget(key) {\n  try {\n    await redis.del(key);\n  } catch (err) {\n    throw err;\n  }\n}"
            }
          ]
        }
      ]
    },
    // empty catch around an audit-file write
    {
      "code": "function audit(line) {\n  try {\n    fs.appendFileSync(AUDIT_LOG, line);\n  } catch {}\n}",
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
              "output": "function audit(line) {\n  try {\n    fs.appendFileSync(AUDIT_LOG, line);\n  } catch (err) {\n    console.error('fs.appendFileSync failed', err);\n  }\n}"
            },
            {
              "messageId": "rethrow",
              "output": "function audit(line) {\n  try {\n    fs.appendFileSync(AUDIT_LOG, line);\n  } catch (err) {\n    throw err;\n  }\n}"
            }
          ]
        }
      ]
    },
    // another program fails → a neutral answer
    {
      "code": "function revision() {\n  try {\n    return execSync(\"git rev-parse HEAD\").toString().trim();\n  } catch {\n    return \"unknown\";\n  }\n}",
      "options": [{ "reportFallbacks": true }],
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
              "output": "function revision() {\n  try {\n    return execSync(\"git rev-parse HEAD\").toString().trim();\n  } catch (err) {\n    console.warn('execSync failed', err);\n    return \"unknown\";\n  }\n}"
            }
          ]
        }
      ]
    },
    // config that changes security behaviour falls back to nothing
    {
      "code": "async function trustedProxies() {\n  let proxies = [];\n  try {\n    proxies = await settingsService.getTrustedProxies();\n  } catch {\n    proxies = [];\n  }\n  return proxies;\n}",
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
              "output": "async function trustedProxies() {\n  let proxies = [];\n  try {\n    proxies = await settingsService.getTrustedProxies();\n  } catch (err) {\n    console.warn('settingsService.getTrustedProxies failed', err);\n    proxies = [];\n  }\n  return proxies;\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function trustedProxies() {\n  let proxies = [];\n  try {\n    proxies = await settingsService.getTrustedProxies();\n  } catch (err) {\n    proxies = [];\n    throw err;\n  }\n  return proxies;\n}"
            }
          ]
        }
      ]
    },
    // empty catch, then a 4xx: an outage looks like Forbidden
    {
      "code": "async function readField(collection, field) {\n  let column;\n  try {\n    column = await this.columnInfo(collection, field);\n  } catch {\n  }\n  if (!column) throw new ForbiddenError();\n  return column;\n}",
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
              "output": "async function readField(collection, field) {\n  let column;\n  try {\n    column = await this.columnInfo(collection, field);\n  } catch (err) {\n    console.error('columnInfo failed', err);\n  }\n  if (!column) throw new ForbiddenError();\n  return column;\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function readField(collection, field) {\n  let column;\n  try {\n    column = await this.columnInfo(collection, field);\n  } catch (err) {\n    throw err;\n  }\n  if (!column) throw new ForbiddenError();\n  return column;\n}"
            }
          ]
        }
      ]
    },
    // workflow failure → 401
    {
      "code": "async function accept(req, res) {\n  let users;\n  try {\n    users = await acceptInviteWorkflow(req.scope).run({ input: req.body });\n  } catch (e) {\n    res.status(401).json({ message: 'Unauthorized' });\n    return;\n  }\n  res.json({ user: users[0] });\n}",
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
              "output": "async function accept(req, res) {\n  let users;\n  try {\n    users = await acceptInviteWorkflow(req.scope).run({ input: req.body });\n  } catch (e) {\n    res.status(401).json({ message: 'Unauthorized' });\n    console.error('run failed', e);\n    return;\n  }\n  res.json({ user: users[0] });\n}"
            }
          ]
        }
      ]
    },
    // .catch(() => {}) around an outside call
    {
      "code": "function track(event) {\n  analytics.track(event).catch(() => {});\n}",
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
              "output": "function track(event) {\n  analytics.track(event).catch((err) => {\n    console.error('analytics.track failed', err);\n  });\n}"
            }
          ]
        }
      ]
    },
    // refresh fails → "invalid token"
    {
      "code": "async function refresh(token) {\n  try {\n    const session = await sessions.rotate(token);\n    return { token: session.token };\n  } catch {\n    return { error: 'invalid_refresh_token' };\n  }\n}",
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
              "output": "async function refresh(token) {\n  try {\n    const session = await sessions.rotate(token);\n    return { token: session.token };\n  } catch (err) {\n    console.warn('sessions.rotate failed', err);\n    return { error: 'invalid_refresh_token' };\n  }\n}"
            }
          ]
        }
      ]
    },
    // database write skipped in a loop
    {
      "code": "async function migrate(rows) {\n  for (const row of rows) {\n    try {\n      await trx('components').where({ id: row.id }).update(row);\n    } catch {\n      continue;\n    }\n  }\n}",
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
              "output": "async function migrate(rows) {\n  for (const row of rows) {\n    try {\n      await trx('components').where({ id: row.id }).update(row);\n    } catch (err) {\n      console.warn('update failed', err);\n      continue;\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    // upload failure only logged at debug
    {
      "code": "async function upload(file) {\n  try {\n    await s3.putObject({ Bucket, Key: file.name, Body: file.data });\n  } catch (e) {\n    logger.debug(e);\n  }\n}",
      "options": [{ "reportFallbacks": true }],
      "errors": [
        {
          "messageId": "tooQuiet",
          "line": 4
        }
      ]
    },
    // --- reportFallbacks (strict): the broad policy reports a fallback whatever the try calls ---
    {
      "code": "function getRedirectUrl(query) {\n  try {\n    const redirect = decodeURIComponent(query.r || '/');\n    const pathname = new URL(redirect, config.get('url')).pathname;\n    const base = new URL(config.get('url'));\n    const target = new URL(pathname, config.get('url'));\n    return target.host === base.host ? pathname : '/';\n  } catch (e) {\n    return '/';\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 9,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "function getRedirectUrl(query) {\n  try {\n    const redirect = decodeURIComponent(query.r || '/');\n    const pathname = new URL(redirect, config.get('url')).pathname;\n    const base = new URL(config.get('url'));\n    const target = new URL(pathname, config.get('url'));\n    return target.host === base.host ? pathname : '/';\n  } catch (e) {\n    console.warn('decodeURIComponent failed', e);\n    return '/';\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "function bearer(req) {\n  try {\n    return parseAuthorizationHeader(req.headers.authorization).token;\n  } catch {\n    return null;\n  }\n}",
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
              "output": "function bearer(req) {\n  try {\n    return parseAuthorizationHeader(req.headers.authorization).token;\n  } catch (err) {\n    console.warn('parseAuthorizationHeader failed', err);\n    return null;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "function render(src) {\n  try {\n    return new MarkdownParser(src).result();\n  } catch {\n    return null;\n  }\n}",
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
              "output": "function render(src) {\n  try {\n    return new MarkdownParser(src).result();\n  } catch (err) {\n    console.warn('result failed', err);\n    return null;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "export function validateCron(rule) {\n  try {\n    cron.parseExpression(rule);\n  } catch {\n    return false;\n  }\n  return true;\n}",
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
              "output": "export function validateCron(rule) {\n  try {\n    cron.parseExpression(rule);\n  } catch (err) {\n    console.warn('cron.parseExpression failed', err);\n    return false;\n  }\n  return true;\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function load(id) {\n  try {\n    return await primary.get(id);\n  } catch {\n    return await mirror.get(id);\n  }\n}",
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
              "output": "async function load(id) {\n  try {\n    return await primary.get(id);\n  } catch (err) {\n    console.warn('primary.get failed', err);\n    return await mirror.get(id);\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function insertComponent(trx, table, row) {\n  let insertResult;\n  try {\n    insertResult = await trx(table).insert(row, ['id']);\n  } catch {\n    insertResult = await trx(table).insert(row);\n  }\n  return insertResult;\n}",
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
              "output": "async function insertComponent(trx, table, row) {\n  let insertResult;\n  try {\n    insertResult = await trx(table).insert(row, ['id']);\n  } catch (err) {\n    console.warn('insert failed', err);\n    insertResult = await trx(table).insert(row);\n  }\n  return insertResult;\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function insertComponent(trx, table, row) {\n  let insertResult;\n  try {\n    insertResult = await trx(table).insert(row, ['id']);\n  } catch (err) {\n    insertResult = await trx(table).insert(row);\n    throw err;\n  }\n  return insertResult;\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function getSchema(options, attempt = 0) {\n  return Promise.race([timeout, subscription]).catch(() => getSchema(options, attempt + 1));\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
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
              "output": "async function getSchema(options, attempt = 0) {\n  return Promise.race([timeout, subscription]).catch((err) => {\n    console.warn('Promise.race failed', err);\n    return getSchema(options, attempt + 1);\n  });\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function setupWebhook(id, secret, opts = {}) {\n  try {\n    return await api.getWebhook(id, secret);\n  } catch (err) {\n    return setupWebhook(id, secret, { forceCreate: true });\n  }\n}",
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
              "output": "async function setupWebhook(id, secret, opts = {}) {\n  try {\n    return await api.getWebhook(id, secret);\n  } catch (err) {\n    console.warn('api.getWebhook failed', err);\n    return setupWebhook(id, secret, { forceCreate: true });\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function fetchRates() {\n  try {\n    return await http.get(RATES_URL);\n  } catch (err) {\n    logger.error({ err }, 'rates fetch failed');\n    throw err;\n  }\n}\nasync function rates() {\n  try {\n    return await fetchRates();\n  } catch {\n    return DEFAULT_RATES;\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 13,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function fetchRates() {\n  try {\n    return await http.get(RATES_URL);\n  } catch (err) {\n    logger.error({ err }, 'rates fetch failed');\n    throw err;\n  }\n}\nasync function rates() {\n  try {\n    return await fetchRates();\n  } catch (err) {\n    console.warn('fetchRates failed', err);\n    return DEFAULT_RATES;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "class Settings {\n  async load() {\n    try {\n      return await this.db.select('*').from('settings');\n    } catch (err) {\n      this.logger.error(err);\n      throw err;\n    }\n  }\n  async get(key) {\n    try {\n      return (await this.load())[key];\n    } catch {\n      return undefined;\n    }\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 14,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "class Settings {\n  async load() {\n    try {\n      return await this.db.select('*').from('settings');\n    } catch (err) {\n      this.logger.error(err);\n      throw err;\n    }\n  }\n  async get(key) {\n    try {\n      return (await this.load())[key];\n    } catch (err) {\n      console.warn('load failed', err);\n      return undefined;\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function importCSV(stream) {\n  const tmpFile = await createTmpFile().catch(() => null);\n  if (!tmpFile) throw new Error('Failed to create temporary file for import');\n  return write(tmpFile, stream);\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
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
              "output": "async function importCSV(stream) {\n  const tmpFile = await createTmpFile().catch((err) => {\n    console.warn('createTmpFile failed', err);\n    return null;\n  });\n  if (!tmpFile) throw new Error('Failed to create temporary file for import');\n  return write(tmpFile, stream);\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function assignableRoles(roles, context) {\n  return Promise.all(roles.map(async (role) => {\n    let result;\n    try {\n      await canThis(context).assign.role(role);\n      result = role;\n    } catch (err) {\n      result = {};\n    }\n    return result.name !== 'Owner';\n  }));\n}",
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
              "output": "async function assignableRoles(roles, context) {\n  return Promise.all(roles.map(async (role) => {\n    let result;\n    try {\n      await canThis(context).assign.role(role);\n      result = role;\n    } catch (err) {\n      console.warn('assign.role failed', err);\n      result = {};\n    }\n    return result.name !== 'Owner';\n  }));\n}"
            },
            {
              "messageId": "rethrow",
              "output": "async function assignableRoles(roles, context) {\n  return Promise.all(roles.map(async (role) => {\n    let result;\n    try {\n      await canThis(context).assign.role(role);\n      result = role;\n    } catch (err) {\n      result = {};\n      throw err;\n    }\n    return result.name !== 'Owner';\n  }));\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "function deleteFromRequireCache(modulePath) {\n  try {\n    const cached = require.resolve(modulePath);\n    delete require.cache[cached];\n  } catch {\n    logger.trace(`Module cache not found for ${modulePath}`);\n  }\n}",
      "options": [
        {
          "reportFallbacks": true
        }
      ],
      "errors": [
        {
          "messageId": "tooQuiet",
          "line": 5
        }
      ]
    },
    {
      "code": "async function frontendCaching(req, res, next) {\n  try {\n    const middleware = await caching.getMiddleware();\n    return middleware(req, res, next);\n  } catch {\n    return next();\n  }\n}",
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
              "output": "async function frontendCaching(req, res, next) {\n  try {\n    const middleware = await caching.getMiddleware();\n    return middleware(req, res, next);\n  } catch (err) {\n    console.warn('caching.getMiddleware failed', err);\n    return next();\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "async function redisHealth() {\n  try {\n    await redis.ping();\n    return true;\n  } catch {\n    return false;\n  }\n}",
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
              "output": "async function redisHealth() {\n  try {\n    await redis.ping();\n    return true;\n  } catch (err) {\n    console.warn('redis.ping failed', err);\n    return false;\n  }\n}"
            }
          ]
        }
      ]
    },
    // twin: the second attempt's catch returns instead of throwing on one path
    {
      "code": "async function verifyPackageIntegrity(name, expected, authToken) {\n  try {\n    const metadata = await registry.fetchMetadata(name, { authToken });\n    if (metadata.integrity !== expected) throw new Error('Checksum verification failed');\n    return;\n  } catch {\n    try {\n      const integrity = await npmCli.view(name, 'dist.integrity', { authToken });\n      if (integrity !== expected) throw new Error('Checksum verification failed');\n      return;\n    } catch (cliError) {\n      if (isDnsError(cliError)) throw new Error('The registry is unreachable');\n      return;\n    }\n  }\n}",
      "errors": [
        {
          "messageId": "silentPath",
          "line": 10,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function verifyPackageIntegrity(name, expected, authToken) {\n  try {\n    const metadata = await registry.fetchMetadata(name, { authToken });\n    if (metadata.integrity !== expected) throw new Error('Checksum verification failed');\n    return;\n  } catch (err) {\n    try {\n      const integrity = await npmCli.view(name, 'dist.integrity', { authToken });\n      if (integrity !== expected) throw new Error('Checksum verification failed');\n      console.error('registry.fetchMetadata failed', err);\n      return;\n    } catch (cliError) {\n      if (isDnsError(cliError)) throw new Error('The registry is unreachable');\n      return;\n    }\n  }\n}"
            }
          ]
        },
        {
          "messageId": "silentPath",
          "line": 13,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function verifyPackageIntegrity(name, expected, authToken) {\n  try {\n    const metadata = await registry.fetchMetadata(name, { authToken });\n    if (metadata.integrity !== expected) throw new Error('Checksum verification failed');\n    return;\n  } catch {\n    try {\n      const integrity = await npmCli.view(name, 'dist.integrity', { authToken });\n      if (integrity !== expected) throw new Error('Checksum verification failed');\n      return;\n    } catch (cliError) {\n      if (isDnsError(cliError)) throw new Error('The registry is unreachable');\n      console.error('npmCli.view failed', cliError);\n      return;\n    }\n  }\n}"
            }
          ]
        }
      ]
    },
    // twin: the collection of successes is never returned to the caller
    {
      "code": "async function rotateEncryptionKey(fileNames, oldKeyAdapter) {\n  const rotated = [];\n  for (const fileName of fileNames) {\n    try {\n      const plain = await oldKeyAdapter.getFileData(fileName);\n      await this.createFile(fileName, plain);\n      rotated.push(fileName);\n    } catch {\n      continue;\n    }\n  }\n  await audit.record('keys rotated', rotated.length);\n}",
      "errors": [
        {
          "messageId": "silentCatch",
          "line": 9,
          "suggestions": [
            {
              "messageId": "logIt",
              "data": {
                "call": "console.error"
              },
              "output": "async function rotateEncryptionKey(fileNames, oldKeyAdapter) {\n  const rotated = [];\n  for (const fileName of fileNames) {\n    try {\n      const plain = await oldKeyAdapter.getFileData(fileName);\n      await this.createFile(fileName, plain);\n      rotated.push(fileName);\n    } catch (err) {\n      console.warn('oldKeyAdapter.getFileData failed', err);\n      continue;\n    }\n  }\n  await audit.record('keys rotated', rotated.length);\n}"
            }
          ]
        }
      ]
    },
    // twin: the catch answers the success shape without the failed flag
    {
      "code": "async function connectWithCredential(deps, input, tools) {\n  try {\n    const { applied } = await deps.applyCredentialToServer(input.name, input.credential);\n    if (applied) return { ok: true, tools, credentialApplied: true };\n  } catch {\n    return { ok: true, tools };\n  }\n  return { ok: true, tools, credentialApplied: false };\n}",
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
              "output": "async function connectWithCredential(deps, input, tools) {\n  try {\n    const { applied } = await deps.applyCredentialToServer(input.name, input.credential);\n    if (applied) return { ok: true, tools, credentialApplied: true };\n  } catch (err) {\n    console.warn('deps.applyCredentialToServer failed', err);\n    return { ok: true, tools };\n  }\n  return { ok: true, tools, credentialApplied: false };\n}"
            }
          ]
        }
      ]
    },
  ],
});
