import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (issue 15, session 34): one command to a data store or a network client
 * (`await this.client.del(key)`, `await qb.execute()`, `await this.connection.getRepository(X).upsert(row)`, a
 * callback-style `pool.get_client(mx, (err) => …)`, a promise chain `this.db.setEx(…).then(cb).catch((err) => …)`), a
 * client's own dead-connection event (`smtp_client.on('connection-error', …)`), with a log that names the step: the
 * driver's message names the failure and the stack only its frames. Also an error handed on by a function named for
 * rethrowing it (`rethrow.rethrowAndCountFspiopError(err)`) and a Passport strategy's `this.error(err)`. Shapes trimmed
 * from sap-approuter, haraka, vendure and central-ledger. Their twins (two commands, a transaction, a connect at start-up,
 * `fetch`, the app's own service, a log with only the error's text, `reportExpectedFailures`) stay reported.
 */
const ruleTester = new RuleTester();
const strict = [{ reportExpectedFailures: true }] as [{ reportExpectedFailures: boolean }];

const sessionGet = (body: string) =>
  `class RedisStore { async get(sessionId) { if (this.checkClient()) { try { ${body} } catch (err) { console.error(\`Failed to get session with id \${sessionId}: \${err.message}\`); return null } } } }`;
const prune = (extra = '') =>
  `class SqlCacheStrategy { async prune() { const qb = this.connection.rawConnection.getRepository(CacheItem).createQueryBuilder('cache_item').delete(); try { await qb.execute();${extra} } catch (e) { console.error(\`An error occurred when attempting to prune the cache: \${e.message}\`) } } }`;
const tagUpsert =
  "class SqlCacheStrategy { async set(item, tags) { for (const tag of tags) { try { await this.connection.rawConnection.getRepository(CacheTag).upsert({ tag, item: item.id }, ['tag', 'itemId']) } catch (e) { console.error(`Error inserting tag ${tag}: ${e.message}`) } } } }";
const poolCallback =
  'function deliver(mx) { client_pool.get_client(mx, (err, socket) => { if (err) { console.error(`Failed to get socket: ${err}`); return } send(socket) }) }';
const chain = 'class Tls { markNoTls(dbkey, expiry, cb) { this.db.setEx(dbkey, expiry, new Date().toISOString()).then(cb).catch((err) => { console.error(`Redis returned error: ${err}`) }) } }';
const connectionError =
  'function attach(smtp_client) { smtp_client.on(\'connection-error\', (error) => { console.error(`backend failure: ${smtp_client.host}:${smtp_client.port} - ${error}`) }) }';
const axiosGet = 'async function search(q) { try { const { data } = await axios.get(`https://registry.example/-/v1/search?text=${q}`); return data.objects } catch (e) { console.error(`Failed to search the registry: ${e.message}`); return [] } }';
const rethrowNamed =
  "const rethrow = require('../shared/rethrow'); async function fulfil(error, message) { try { await process(message) } catch (err) { console.error(`bulk fulfil failed: ${err.message}`); rethrow.rethrowAndCountFspiopError(err, { operation: 'bulkFulfil' }) } }";
const strategy =
  "OAuth2Strategy.prototype.authenticate = async function (req, options) { let location; try { location = await this._oauth2.getCodeAuthorizationUrl(req) } catch (error) { console.error(error.message); return this.error(error) } this.redirect(location) };";

ruleTester.run('log-error-with-stack (one store command, handed-on errors)', rule, {
  valid: [
    sessionGet('const session = await this.client.get(redisKey(sessionId)); return JSON.parse(session)'),
    sessionGet('return await this.client.ttl(redisKey(sessionId))'),
    sessionGet('console.debug(`Storing session ${sessionId}`); await this.client.set(redisKey(sessionId), serialize(session), "PX", 1000)'),
    prune(),
    tagUpsert,
    poolCallback,
    chain,
    connectionError,
    axiosGet,
    // Nest's HttpService (axios) turned into a promise: one request.
    'class Plugins { async search(q) { let results; try { results = (await firstValueFrom(this.httpService.get(`https://registry.example/-/v1/search?text=${q}`))).data } catch (e) { console.error(`Failed to search the npm registry as ${e.message}.`); throw new InternalServerErrorException(`Failed to search the npm registry as ${e.message}, see logs.`) } return results } }',
    rethrowNamed,
    strategy,
    // A class method named `authenticate` hands the error to Passport the same way.
    'class LocalStrategy extends Strategy { async authenticate(req) { try { await this.check(req) } catch (e) { console.error(`authenticate failed: ${e.message}`); this.error(e) } } }',
  ],
  invalid: [
    // Two commands: the try does more than one thing.
    invalid(sessionGet('const session = await this.client.get(redisKey(sessionId)); await this.client.expire(redisKey(sessionId), 60); return session'), 'err', 'console.error(`Failed to get session with id ${sessionId}: ${err.message}`'),
    invalid(prune(' await this.connection.rawConnection.query("VACUUM");'), 'e', 'console.error(`An error occurred when attempting to prune the cache: ${e.message}`'),
    // The app's own code awaited beside the command.
    invalid(sessionGet('const session = await this.client.get(redisKey(sessionId)); return await this.hydrate(session)'), 'err', 'console.error(`Failed to get session with id ${sessionId}: ${err.message}`'),
    // Another service of the app turned into a promise is the app's own code.
    invalid(
      'class Plugins { async search(q) { try { return await firstValueFrom(this.pluginService.search(q)) } catch (e) { console.error(`Failed to search plugins as ${e.message}.`) } } }',
      'e',
      'console.error(`Failed to search plugins as ${e.message}.`',
    ),
    // A transaction runs a callback's many statements.
    invalid(
      'async function move(knex, a, b) { try { await knex.transaction(async (trx) => { await trx("accounts").decrement("balance", 1).where({ id: a }); await trx("accounts").increment("balance", 1).where({ id: b }) }) } catch (e) { console.error(`Transfer failed: ${e.message}`) } }',
      'e',
      'console.error(`Transfer failed: ${e.message}`',
    ),
    // A connect at start-up stays reported.
    invalid('async function start(client) { try { await client.connect() } catch (e) { console.error(`Could not connect to redis: ${e.message}`) } }', 'e', 'console.error(`Could not connect to redis: ${e.message}`'),
    // `fetch` hides the real failure in its `cause` (`TypeError: fetch failed`).
    invalid('async function hook(url) { try { await fetch(url, { method: "POST" }) } catch (e) { console.error(`Webhook failed: ${e.message}`) } }', 'e', 'console.error(`Webhook failed: ${e.message}`'),
    // The app's own service reached through a store-named object.
    invalid('async function verify(app, user) { try { await app.db.controllers.Project.create(user) } catch (err) { console.error(`verify failed: ${err.message}`) } }', 'err', 'console.error(`verify failed: ${err.message}`'),
    // A log with only the error's text names no step.
    invalid('async function drop(client, key) { try { await client.del(key) } catch (e) { console.error(e.message) } }', 'e', 'console.error(e.message'),
    // A synchronous call of a store-named object is in-process work.
    invalid('function clear(dir) { try { storage.rmSync(dir) } catch (e) { console.error(`Failed to remove ${dir}: ${e.message}`) } }', 'e', 'console.error(`Failed to remove ${dir}: ${e.message}`'),
    // A function not named for rethrowing, and `this.error` outside a strategy's `authenticate`.
    invalid("async function fulfil(message) { try { await process(message) } catch (err) { console.error(`bulk fulfil failed: ${err.message}`); countError(err) } }", 'err', 'console.error(`bulk fulfil failed: ${err.message}`'),
    invalid('class Job { async run() { try { await this.step() } catch (e) { console.error(`step failed: ${e.message}`); this.error(e) } } }', 'e', 'console.error(`step failed: ${e.message}`'),
    // `reportExpectedFailures` (strict) reports the one-command shapes.
    invalid(sessionGet('return await this.client.ttl(redisKey(sessionId))'), 'err', 'console.error(`Failed to get session with id ${sessionId}: ${err.message}`', strict),
    invalid(prune(), 'e', 'console.error(`An error occurred when attempting to prune the cache: ${e.message}`', strict),
    invalid(poolCallback, 'err', 'console.error(`Failed to get socket: ${err}`', strict),
    invalid(chain, 'err', 'console.error(`Redis returned error: ${err}`', strict),
    invalid(connectionError, 'error', 'console.error(`backend failure: ${smtp_client.host}:${smtp_client.port} - ${error}`', strict),
    invalid(axiosGet, 'e', 'console.error(`Failed to search the registry: ${e.message}`', strict),
  ],
});
