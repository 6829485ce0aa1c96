import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (session 36, round 8 released): "is the failed work one command to a store or a
 * client" answered for every way a receiver is reached, and "does the error object reach a sink on the same path".
 * General rules, with shapes trimmed from wildduck, appium and jsreport:
 * - a call that reaches the command's receiver is part of the command (`this.users.collection('users').updateOne(…)`);
 * - an entry picked by key from a store-named object is that store's (`db[type].createCollection(name, opts, cb)`);
 * - a pipeline built step by step in a `let` is the client's (`let req = this.redis.multi(); req = req.sadd(…)`);
 * - a lower-case compound name ending in a store word names a store (`this.gridstore`), a query's cursor and a
 *   distributed lock are the store's (`cursor.next(cb)`, `gcLock.acquireLock(key, ttl, cb)`);
 * - what an awaited command answered is data in hand, not a receiver (`bimiData.content.toString('base64')`);
 * - the synchronous calls whose result a name hands to the command build its arguments (`const setArgs = [compress(s)];
 *   await this.client.set(...setArgs)`), and a function named for decoding what the command answered reads the answer
 *   (`const session = await this.client.get(k); return decompress(session)`);
 * - an HTTP client called as a function is one request (`await axios(options)`), also the default export of a package
 *   named for requests (`const requestRetry = require('screwdriver-request')`);
 * - a package's export named `fs` is its wrapper of node:fs (`import { fs } from '@appium/support'`);
 * - the handler of one call is the catch of a try around it alone (`worker.release(req).catch((e) => …)`);
 * - a nested `try` whose catch throws nothing handles its own block's failures, which never reach the outer catch;
 * - the app's same-file thin wrapper whose work is one command is that command (`await this.extend(task)`);
 * - the whole error handed to a method named for reporting (`errors.notify(err)`), or its stack written through a
 *   `const` of its own (`const stack = err.stack; … logger.debug(stack)`), keeps the stack beside the text log.
 * Their twins (a pipeline rebuilt by the app's own function, a name that only ends like a store word, a text handed to
 * the notifier, a message alias, a relative `fs` module, a second awaited call, a handler of work that is not a
 * release) stay reported.
 */
const ruleTester = new RuleTester();
const strict = [{ reportExpectedFailures: true }] as [{ reportExpectedFailures: boolean }];

const nestedReceiver =
  "class Users { async restore(user, main) { try { await this.users.collection('users').updateOne({ _id: user }, { $set: { address: main.address } }) } catch (err) { console.error('Restore', 'ADDRFAILMAIN user=%s error=%s', user, err.message) } } }";
const computedReceiver =
  "function ensure(db, collection, next) { db[collection.type || 'database'].createCollection(collection.collection, collection.options, (err) => { if (err && err.codeName !== 'NamespaceExists') { console.error('Setup', 'Failed creating collection %s. %s', collection.collection, err.message) } next() }) }";
const pipeline = (build: string) =>
  `class Flags { async set(user, flags) { let req = this.redis.multi(); for (const flag of flags) { ${build} } try { await req.exec() } catch (err) { console.error('Redis', 'FEATUREFAIL failed to set feature flags id=%s error=%s', user, err.message) } } }`;
const compoundStore = (receiver: string) =>
  `class Audits { async drop(id) { try { await this.${receiver}.delete(id) } catch (err) { console.error('Audit', 'Failed to delete message %s. %s', id, err.message) } } }`;
const cursorNext =
  "function next(cursor, session, query) { cursor.next((err, message) => { if (err) { console.error('[%s] SEARCHFAIL %s error=\"%s\"', session.id, JSON.stringify(query), err.message); return } show(message) }) }";
const lock =
  "function gc(gcLock, start) { gcLock.acquireLock('gc_expired', 60000, (err, lock) => { if (err) { console.error('GC', 'Failed to acquire lock error=%s', err.message); return start() } run(lock) }) }";
const answerRead =
  "const db = require('../db'); async function bimi(message, response) { try { let bimiData = await db.database.collection('bimi').findOne({ _id: message.bimi }); if (bimiData?.content) { response.bimi = { image: `data:image/svg+xml;base64,${bimiData.content.toString('base64')}` } } } catch (err) { console.error('BIMI', 'message=%s error=%s', message._id, err.message) } }";
const directClient =
  "import axios from 'axios'; async function register(postOptions, hub) { try { const { status } = await axios(postOptions); if (status !== 200) { throw new Error(`Request failed with code ${status}`) } } catch (err) { console.error(`An attempt to register with the Selenium Grid 3 hub was unsuccessful: ${err.message}`) } }";
// screwdriver-api's status probe: the default export of a package named for HTTP requests makes one request.
const requestPackage = (from: string) =>
  `const requestRetry = require('${from}'); async function probe(url) { try { const result = await requestRetry({ url, method: 'GET' }); return { code: result.statusCode, body: result.body } } catch (err) { console.error(\`Failed to get \${url}: \${err.message}\`); return { code: 500 } } }`;
const fsWrapper = (from: string) =>
  `import { fs } from '${from}'; async function load(file) { try { return await fs.readFile(file, 'utf-8') } catch (err) { console.error(\`Unable to load the node configuration file \${file}: \${err.message}\`) } }`;
const chainHandler = (method: string) => `function finish(worker, req) { worker.${method}(req).catch((e) => console.error('Failed to release worker ' + e)) }`;
const nestedIgnored = (inner: string) =>
  `class Restore { async addresses(list, user) { for (const address of list) { try { const r = await this.users.collection('addresses').insertOne(address); if (!r || !r.insertedId) { throw new Error('Failed to insert') } try { const domain = address.address.split('@')[1]; await this.users.collection('domaincache').insertOne({ domain }) } catch (e) { ${inner} } } catch (err) { console.error('Restore', 'ADDRFAIL user=%s address=%s error=%s', user, address._id, err.message) } } } }`;
const wrapper = (extra: string) =>
  `class Tasks { async extend(task) { const r = await this.database.collection('tasks').updateOne({ _id: task._id, locked: task.lock }, { $set: { lockedUntil: new Date() } });${extra} if (!r || !r.modifiedCount) { throw new Error(\`No match for task \${task._id} lock \${task.lock.toString('hex')}\`) } return true } async keepAlive(task) { try { await this.extend(task) } catch (err) { console.error('Tasks', 'Failed to extend %s. error=%s', task._id, err.message) } } }`;
const sessionStore = (body: string) =>
  `const zlib = require('zlib'); const compress = (data) => zlib.gzipSync(Buffer.from(JSON.stringify(data))).toString('base64'); const decompress = (b) => JSON.parse(zlib.gunzipSync(Buffer.from(b, 'base64')).toString()); const redisKey = (k) => 'sess:' + k; class RedisStore { async run(id, session) { try { ${body} } catch (err) { console.error(\`Failed to handle session with id \${id}: \${err.message}\`); return null } } }`;
const notified = (handed: string) =>
  `const errors = require('./lib/errors'); function boot(tasks) { tasks.start((err) => { if (err) { console.error('App', 'Failed to start task runner. %s', err.message); errors.notify(${handed}); return setTimeout(() => process.exit(1), 3000) } }) }`;
const stackAlias = (kept: string) =>
  `const logger = require('./logger'); async function start(opts) { try { return await createServer(opts) } catch (err) { const message = err instanceof Error ? err.message : String(err); const kept = ${kept}; console.error(\`Could not configure the server. Original error: \${message}\`); logger.debug(kept); process.exit(1) } }`;

ruleTester.run('log-error-with-stack (store receivers, chain handlers, sinks beside)', rule, {
  valid: [
    nestedReceiver,
    computedReceiver,
    pipeline('req = req.sadd(`feature:${flag}`, user.toString())'),
    compoundStore('gridstore'),
    cursorNext,
    lock,
    answerRead,
    directClient,
    requestPackage('screwdriver-request'),
    requestPackage('request-promise-native'),
    // A function named for one request of such a client (flowise's compiled `secureAxiosRequest`).
    "async function deliver(url, body) { try { await (0, flowise_components_1.secureAxiosRequest)({ method: 'POST', url, data: body, timeout: 10000 }); return } catch (err) { console.error(`[callbackDispatcher] Failed to deliver callback to ${url}: ${err.message}`) } }",
    fsWrapper('@appium/support'),
    chainHandler('release'),
    notified('err'),
    nestedIgnored('/* ignore */'),
    wrapper(''),
    sessionStore("const setArgs = [redisKey(id), compress(session), 'PX', 1000]; if (session.unique) { setArgs.push('NX') } const result = await this.client.set(...setArgs); return result === 'OK'"),
    sessionStore('const stored = await this.client.get(redisKey(id)); return decompress(stored)'),
    stackAlias('err instanceof Error ? err.stack : undefined'),
    stackAlias('err.stack'),
  ],
  invalid: [
    // The app's own module named for requests, or a package not named for them, may do anything.
    invalid(requestPackage('./helpers/request'), 'err', 'console.error(`Failed to get ${url}: ${err.message}`'),
    invalid(requestPackage('screwdriver-retry'), 'err', 'console.error(`Failed to get ${url}: ${err.message}`'),
    // The pipeline is handed to the app's own function: what it holds is no longer only the client's.
    invalid(pipeline('req = addFlag(req, flag)'), 'err', "console.error('Redis', 'FEATUREFAIL failed to set feature flags id=%s error=%s', user, err.message"),
    // `restore` only ends like a store word.
    invalid(compoundStore('restore'), 'err', "console.error('Audit', 'Failed to delete message %s. %s', id, err.message"),
    // What a command answered, then handed to the app's own awaited work: a second step.
    invalid(
      "const db = require('../db'); async function touch(id) { try { let row = await db.database.collection('rows').findOne({ _id: id }); await row.refresh() } catch (err) { console.error('Rows', 'Failed to refresh row=%s error=%s', id, err.message) } }",
      'err',
      "console.error('Rows', 'Failed to refresh row=%s error=%s', id, err.message",
    ),
    // A second awaited call beside the request.
    invalid(
      "import axios from 'axios'; async function register(postOptions) { try { await axios(postOptions); await this.saveRegistration(postOptions) } catch (err) { console.error(`Registering with the hub failed: ${err.message}`) } }",
      'err',
      'console.error(`Registering with the hub failed: ${err.message}`',
    ),
    // A function only mentioning a client is not named for one request.
    invalid(
      "async function sync(url) { try { await (0, utils_1.axiosSyncAll)(url) } catch (err) { console.error(`Failed to sync ${url}: ${err.message}`) } }",
      'err',
      'console.error(`Failed to sync ${url}: ${err.message}`',
    ),
    // The app's own module named `fs` is the app's code.
    invalid(fsWrapper('./fs'), 'err', 'console.error(`Unable to load the node configuration file ${file}: ${err.message}`'),
    // The handler of work that is not a release.
    invalid(chainHandler('render'), 'e', "console.error('Failed to release worker ' + e"),
    // The inner catch rethrows: its block's command reaches the outer catch too (two commands).
    invalid(nestedIgnored('throw e'), 'err', "console.error('Restore', 'ADDRFAIL user=%s address=%s error=%s', user, address._id, err.message"),
    // A wrapper that makes a second command is the app's code.
    invalid(wrapper(' await this.redis.del(`lock:${task._id}`);'), 'err', "console.error('Tasks', 'Failed to extend %s. error=%s', task._id, err.message"),
    // The answer handed to the app's own code, and an argument that is itself awaited work.
    invalid(sessionStore('const stored = await this.client.get(redisKey(id)); return hydrate(stored)'), 'err', 'console.error(`Failed to handle session with id ${id}: ${err.message}`'),
    invalid(sessionStore('const setArgs = [redisKey(id), await this.serialize(session)]; await this.client.set(...setArgs)'), 'err', 'console.error(`Failed to handle session with id ${id}: ${err.message}`'),
    // Only the text reaches the notifier.
    invalid(notified('err.message'), 'err', "console.error('App', 'Failed to start task runner. %s', err.message"),
    // A const of the message is not the stack.
    invalid(stackAlias('err.message'), 'err', 'console.error(`Could not configure the server. Original error: ${message}`'),
    // `reportExpectedFailures` (strict) reports the one-command shapes.
    invalid(nestedReceiver, 'err', "console.error('Restore', 'ADDRFAILMAIN user=%s error=%s', user, err.message", strict),
    invalid(lock, 'err', "console.error('GC', 'Failed to acquire lock error=%s', err.message", strict),
    invalid(chainHandler('release'), 'e', "console.error('Failed to release worker ' + e", strict),
  ],
});
