/**
 * Failures of I/O on a handle whose message is the whole story (for `stack-loss.ts`): releasing a
 * handle or writing to a peer, pinging a connection, the `'error'` event of a connection or of a
 * stream it hands back, and the `'error'` event of a child process (made inside Node: it could not
 * be spawned or signalled); and a step of a teardown (`dispose()`, `stopApp()`), where what is let go is
 * going away.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findVariable, getEnclosingFunction, getPropertyName, getStringValue, isFunctionNode, lastName, skipTransparent, unwrapIndirectCall } from './ast.js';
import { type CallFailure, classifyCall, identifierWords, isAwaited } from './fallible.js';
import { resolveCalledFunction } from './called-functions.js';
import { getImportSource, systemModuleOf } from './modules.js';
import { importedFunctionSatisfies } from './project-modules.js';
import { isResponseName } from './response-names.js';
import { promiseChainHead } from './promise-chain-steps.js';

/** Methods that let go of a handle: a response, stream, socket, connection, client or process. */
const RELEASE_METHODS = new Set(['end', 'close', 'destroy', 'disconnect', 'quit', 'release', 'terminate', 'abort', 'unref', 'unsubscribe', 'removeAllListeners', 'kill']);
/** Methods that hand data to a peer without waiting for it: `socket.write(line)`, `client.emit('stdout', out)`. */
const SEND_METHODS = new Set(['write', 'emit', 'send']);
/** Calls that cannot be why the try exists: logs, pure helpers, parsing what is in hand. */
export const PASSIVE_CALLS: ReadonlySet<CallFailure> = new Set(['pure', 'probe', 'telemetry', 'logs']);

/**
 * What a connection is called: a socket, a server, a client of a network service (`ldapclient`,
 * `redisClient`, `this.server`, `pool`, `transport`). Not a worker (an error from its code carries
 * that code's stack) and not `process`.
 */
const CONNECTION_NAME = /(?:socket|server|client|conn|connection|ws|wss|redis|ldap|mqtt|broker|pool|transport|transporter|mailer|smtp|subscriber|publisher)$/iu;

/** `publish(topic, payload)`, `await client.publishAsync(topic, payload)`: a message handed to a broker. */
const PUBLISH_METHOD = /^publish(?:Async)?$/u;

/** The request or response of an HTTP exchange: `req`, `request`, `res`, `response` (also `_req`). */
const EXCHANGE_NAME = /^_?(?:req|request|res|resp|response)$/u;

/** `socket`, `this.rtspClient`, `redisClient`: a receiver named for a connection (see `CONNECTION_NAME`). */
export function isConnectionName(node: TSESTree.Node): boolean {
  return CONNECTION_NAME.test(receiverName(node) ?? '');
}

function receiverName(node: TSESTree.Node): string | null {
  const receiver = skipTransparent(node);
  return receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(receiver) : null;
}

/**
 * Every call in the try block releases a handle (`res.end()`, `socket.destroy()`, `await
 * pool.end()`, `pty.kill()`) or hands data to a connected peer without awaiting it
 * (`client.emit('stdout', out)`, `socket.write(line)`, `worker.postMessage(entry)`), besides logs, pure helpers and the
 * object's own status event (`this.emit('statusUpdate', …)`): the message
 * says why (already closed, peer gone, no such process) and the stack only points into the stream or
 * driver. Removing files is not releasing (`fs.rm(dir)` stays reported), and an awaited `send`
 * (`await s3Client.send(command)`) is a request, not a write to a peer.
 */
export function isHandleRelease(context: Context, calls: readonly TSESTree.CallExpression[]): boolean {
  let releases = 0;
  for (const call of calls) {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (method !== null && RELEASE_METHODS.has(method)) releases++;
    else if (method !== null && SEND_METHODS.has(method) && callee.type === AST_NODE_TYPES.MemberExpression && !isAwaited(call) && CONNECTION_NAME.test(receiverName(callee.object) ?? '')) releases++;
    // `res.write(chunk)`: a progress line streamed to the client; it fails only when the client went away (write after end).
    else if (method === 'write' && callee.type === AST_NODE_TYPES.MemberExpression && !isAwaited(call) && isResponseName(receiverName(callee.object) ?? '')) releases++;
    // `await this.client.publishAsync(topic, payload)`: a message handed to the broker, awaited only for its acknowledgement.
    else if (method !== null && PUBLISH_METHOD.test(method) && callee.type === AST_NODE_TYPES.MemberExpression && CONNECTION_NAME.test(receiverName(callee.object) ?? '')) releases++;
    // `cluster.send({ type: 'log:reload' })`, `child.send(msg)`: a message sent and not waited for, its result dropped; what a
    // `try` catches of it is only what it throws at once (the IPC channel or connection is closed), named by the message.
    else if (method === 'send' && call.parent?.type === AST_NODE_TYPES.ExpressionStatement) releases++;
    // `worker.postMessage(entry)`, `port.postMessage(msg)`: queued for the other thread; only a value that cannot be cloned throws, and its message names it.
    else if (method === 'postMessage' && !isAwaited(call)) releases++;
    // `this.emit('statusUpdate', { status: 'killFailed' })` beside the release: the object tells its own listeners how it went.
    else if (method === 'emit' && callee.type === AST_NODE_TYPES.MemberExpression && skipTransparent(callee.object).type === AST_NODE_TYPES.ThisExpression && !isAwaited(call)) continue;
    else if (!PASSIVE_CALLS.has(classifyCall(context, call))) return false;
  }
  return releases > 0;
}

/** `ping()`, `probeHttpEndpoint(url)`, `probeConnection()`: a liveness or connectivity check. */
const PING_METHOD = /^(?:ping|probe(?:[A-Z]\w*)?)$/u;
/**
 * Every call in the try block pings or probes a connection (`await this.client.ping()`, `await
 * redis.ping()`, `await this.probeHttpEndpoint(url, timeoutMs)`), besides logs and pure helpers: a
 * liveness check whose failure is its answer (refused, timed out, closed), named by the message; the
 * stack holds only the driver's frames. Opening a connection (`await client.connect()`) is not a probe: a
 * database or cache connection at start-up stays reported.
 */
export function isPingOnly(context: Context, calls: readonly TSESTree.CallExpression[]): boolean {
  let pings = 0;
  for (const call of calls) {
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && PING_METHOD.test(getPropertyName(callee) ?? '')) pings++;
    else if (!PASSIVE_CALLS.has(classifyCall(context, call))) return false;
  }
  return pings > 0;
}

/**
 * What a device on the network is called: a Zigbee or Matter `endpoint`, a `device`, a HomeKit `accessory`,
 * a Bluetooth `peripheral` (also `resolvedSourceEndpoint`, `device.zh`). Not a service or store named after
 * devices (`deviceService`, `devicesRepository`).
 */
const DEVICE_NAME = /(?:device|endpoint|accessory|peripheral)$/iu;
/**
 * Methods that persist or look up a record (an ORM model named `device`) or make an HTTP request (an API
 * `endpoint` object: `apiEndpoint.post(body)`), not commands sent to a device.
 */
const NOT_A_COMMAND = /^(?:save|reload|upsert|update\w*|insert\w*|create\w*|find\w*|destroy|delete|get|post|put|patch|head|request|fetch|send|call|invoke)$/u;

/** The names along a receiver (`device.zh` gives `device`, `zh`), `this` left out; null when a part is computed or a call. */
function receiverNames(node: TSESTree.Node): string[] | null {
  const names: string[] = [];
  for (let n = skipTransparent(node); ; ) {
    if (n.type === AST_NODE_TYPES.Identifier) return [n.name, ...names];
    if (n.type === AST_NODE_TYPES.ThisExpression) return names;
    if (n.type !== AST_NODE_TYPES.MemberExpression || n.computed) return null;
    const name = getPropertyName(n);
    if (name === null) return null;
    names.unshift(name);
    n = skipTransparent(n.object);
  }
}

/**
 * Every call in the try block that does work is a command sent to a device on the network (`await
 * endpoint.read(cluster, attributes)`, `await endpoint.bind(cluster, target)`, `await
 * device.zh.removeFromNetwork()`), besides logs and pure helpers: its failure is the device's answer (a
 * timeout, a status such as UNSUPPORTED_ATTRIBUTE, no route), named by the message with the device; the stack
 * holds only the protocol library's frames. A record method (`device.save()`), an HTTP request (`apiEndpoint.post(body)`)
 * or other work beside stays reported.
 */
export function isDeviceCommand(context: Context, calls: readonly TSESTree.CallExpression[]): boolean {
  let commands = 0;
  for (const call of calls) {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    const names = method !== null && callee.type === AST_NODE_TYPES.MemberExpression ? receiverNames(callee.object) : null;
    if (method !== null && !NOT_A_COMMAND.test(method) && names?.some((name) => DEVICE_NAME.test(name))) commands++;
    else if (!PASSIVE_CALLS.has(classifyCall(context, call))) return false;
  }
  return commands > 0;
}

const ERROR_EVENT = /^(?:error|[a-z]+[-_]error|[a-z]+Error)$/u;

/** `x.on('error', fn)`, `x.once('error', fn)`: the receiver `x`, else null. */
function errorEventReceiver(call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !/^(?:on|once|addListener|prependListener)$/u.test(getPropertyName(callee) ?? '')) return null;
  // `'error'`, also a client's own name for a dead connection (`smtp_client.on('connection-error', …)`).
  if (call.arguments.length !== 2 || !ERROR_EVENT.test(getStringValue(call.arguments[0]!) ?? '')) return null;
  return skipTransparent(callee.object);
}

/**
 * `socket.on('error', (err) => …)`, `ldapclient.on('error', …)`, `server.once('error', …)`: the
 * `'error'` event of a connection (socket, server, network client), or of a stream a connection hands
 * to a callback (`ldapclient.search(base, opts, (err, res) => res.on('error', …))`). What it reports
 * is an I/O failure raised from Node's event loop (ECONNRESET, EADDRINUSE, ECONNREFUSED, a TLS
 * failure), whose message and code are the whole story: the stack names only Node's internals.
 */
export function isConnectionErrorEvent(context: Context, call: TSESTree.CallExpression): boolean {
  const receiver = errorEventReceiver(call);
  if (!receiver) return false;
  if (CONNECTION_NAME.test(receiverName(receiver) ?? '')) return true;
  // `req.on('error', …)`, `this.res.on('error', …)`: the request or response stream failed (aborted, reset), as a connection's does.
  if (receiver.type === AST_NODE_TYPES.Identifier && EXCHANGE_NAME.test(receiver.name)) return true;
  if (receiver.type === AST_NODE_TYPES.MemberExpression && skipTransparent(receiver.object).type === AST_NODE_TYPES.ThisExpression && EXCHANGE_NAME.test(getPropertyName(receiver) ?? '')) return true;
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(context, receiver)?.defs[0];
  // `const db = new Redis(options); db.on('error', …)`: the object was built by a class named for a connection.
  const init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? skipTransparent(def.node.init) : null;
  if (init?.type === AST_NODE_TYPES.NewExpression && CONNECTION_NAME.test(lastName(init.callee) ?? '')) return true;
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params.indexOf(def.name as TSESTree.Parameter) < 1) return false;
  const owner = def.node.parent;
  if (owner?.type !== AST_NODE_TYPES.CallExpression || !owner.arguments.includes(def.node as TSESTree.CallExpressionArgument)) return false;
  const callee = skipTransparent(owner.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && CONNECTION_NAME.test(receiverName(callee.object) ?? '');
}

/**
 * `const child = spawn(cmd, args); child.on('error', (err) => …)`, `execFile(f).on('error', …)`: a
 * child process's `'error'` event is made inside Node (it could not be spawned, signalled or sent a
 * message); its message names the command and the code (`spawn sudo ENOENT`), its stack only Node's
 * internals. What the child's own code throws never arrives here.
 */
export function isChildProcessErrorEvent(context: Context, call: TSESTree.CallExpression): boolean {
  const receiver = errorEventReceiver(call);
  if (!receiver) return false;
  let source: TSESTree.Node | null = receiver;
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, receiver);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    source = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? skipTransparent(def.node.init) : null;
  }
  return source?.type === AST_NODE_TYPES.CallExpression && systemModuleOf(context, source) === 'child_process';
}

/**
 * Names of the method or function that tears an object or the app down: `dispose()`, `destroy()`,
 * `stop()`, `stopApp()`, `shutdown()`, `close()`, Nest's `onModuleDestroy()` / `onApplicationShutdown()`.
 * A verb with another object (`stopWorkflow`, `closeAccount`) is an operation, not a teardown.
 */
const TEARDOWN_NAME =
  /^(?:(?:dispose|destroy|shutdown|shutDown|teardown|tearDown|stop|close|terminate)(?:App|Application|Server|Service|Worker|All)?|on(?:Module|Application)(?:Destroy|Shutdown)|beforeApplicationShutdown)$/u;

/**
 * The `try` sits right in a function named for tearing its object or the app down (`async dispose() {
 * … try { await this.redis.del(key) } catch (e) { console.error(e.message) } }`, `async stopApp() { try {
 * await Promise.all([telemetry.flush(), subscriber.disconnect()]) } catch … }`): what is being let go is
 * going away, and the message says what was left behind. A `try` in a callback inside such a function
 * (`stop() { setInterval(() => { try … }) }`) runs at another time and does not count.
 */
export function isTeardown(tryBlock: TSESTree.BlockStatement): boolean {
  const fn = getEnclosingFunction(tryBlock);
  if (!fn) return false;
  const holder = fn.parent;
  let name: string | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) name = fn.id?.name ?? null;
  else if (holder?.type === AST_NODE_TYPES.MethodDefinition || (holder?.type === AST_NODE_TYPES.Property && holder.value === fn)) name = holder.computed ? null : getPropertyName(holder);
  else if (holder?.type === AST_NODE_TYPES.PropertyDefinition && holder.value === fn) name = holder.computed ? null : getPropertyName(holder);
  else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) name = holder.id.name;
  return name !== null && TEARDOWN_NAME.test(name);
}

/**
 * The last word of a name that holds a data store or a network service's client: `this.client`, `redisClient`,
 * `this.db`, `pool`, `knex`, `rawConnection`, `getRepository(…)`, `qb` (a query builder), `cache`, `sessionStore`,
 * `axios`. Not the app's own services (`userService`) and not `this`.
 */
const STORE_WORDS: ReadonlySet<string> = new Set([
  'client', 'redis', 'ioredis', 'db', 'database', 'pool', 'knex', 'sql', 'mongo', 'mongoose', 'collection', 'repository', 'repo',
  'connection', 'conn', 'cache', 'store', 'storage', 'dao', 'prisma', 'sequelize', 'qb', 'em', 'axios', 'got', 'superagent',
  // A query's cursor (`cursor.next(cb)`: one fetch of the next batch) and a distributed lock kept in a store
  // (`gcLock.acquireLock(key, ttl, cb)`, `redlock.release(lock)`: one command to the store that holds it).
  'cursor', 'lock', 'redlock',
]);
/** The app's own code reached through a store-named object (`app.db.controllers.Project.create(user)`): not one command. */
const APP_CODE_WORDS: ReadonlySet<string> = new Set(['service', 'services', 'controller', 'controllers', 'handler', 'handlers', 'helper', 'helpers', 'manager', 'utils', 'util', 'lib']);
/**
 * Methods that open, set up or change the shape of a store (a start-up failure stays reported) or run a
 * callback's work in a transaction (`knex.transaction(async (trx) => …)`: many statements).
 */
const NOT_ONE_COMMAND = /^(?:connect\w*|open|init\w*|initialize|start|setup|migrate\w*|sync|listen|transact\w*|withTransaction|\$transaction|runMigrations|authenticate|multi|pipeline|batch|then|catch|finally)$/u;

/** Conversions every value has (`task.lock.toString('hex')`, `id.equals(other)`): reading a value in hand, never a command. */
const VALUE_METHOD = /^(?:toString|toJSON|valueOf|toISOString|toHexString|toLocaleString|equals)$/u;

/**
 * The names a call's receiver is reached by: `this.connection.rawConnection.getRepository(X).upsert(…)` gives
 * `connection`, `rawConnection`, `getRepository`; a `const qb = this.connection.getRepository(X).createQueryBuilder()`
 * is followed once. Null when the receiver is `this` alone (the object's own method) or not a plain chain.
 */
function storeChainNames(context: Context, callee: TSESTree.MemberExpression): string[] | null {
  const names: string[] = [];
  let n: TSESTree.Node = skipTransparent(callee.object);
  let followed = false;
  for (let steps = 0; steps < 40; steps++) {
    if (n.type === AST_NODE_TYPES.ThisExpression) return names.length > 0 ? names : null;
    if (n.type === AST_NODE_TYPES.Identifier) {
      names.push(n.name);
      const init = followed ? null : chainedInit(context, n);
      if (!init) return names;
      followed = true;
      n = init;
      continue;
    }
    if (n.type === AST_NODE_TYPES.CallExpression) {
      n = skipTransparent(n.callee);
      continue;
    }
    if (n.type !== AST_NODE_TYPES.MemberExpression) return null;
    // `db[collection.type || 'database'].createCollection(…)`, `this.clients[name].get(key)`: an entry picked from a
    // store-named object by key is reached through that object; the key names nothing.
    if (n.computed) {
      n = skipTransparent(n.object);
      continue;
    }
    const name = getPropertyName(n);
    if (name === null) return null;
    names.push(name);
    n = skipTransparent(n.object);
  }
  return null;
}

/**
 * The call or member chain a receiver variable holds (not awaited): a `const`'s initializer (`const qb = repo.createQueryBuilder()`), or a
 * `let`'s when every later write only extends the same chain (`let req = this.redis.multi(); req = req.sadd(k, v)`: a
 * pipeline built up step by step); else null.
 */
function chainedInit(context: Context, id: TSESTree.Identifier): TSESTree.Node | null {
  const variable = findVariable(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  // `let row = await db.collection('x').findOne(q)`: what a command answered is data in hand, not a receiver of the store.
  if (def.node.init.type === AST_NODE_TYPES.AwaitExpression) return null;
  const init = skipTransparent(def.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (def.parent.kind === 'const') return init;
  if (def.parent.kind !== 'let') return null;
  const extendsItself = variable!.references.every((ref) => {
    if (!ref.isWrite() || ref.init) return true;
    const write = ref.writeExpr ? skipTransparent(ref.writeExpr) : null;
    if (write?.type !== AST_NODE_TYPES.CallExpression || ref.identifier.parent?.type !== AST_NODE_TYPES.AssignmentExpression || ref.identifier.parent.operator !== '=') return false;
    let root: TSESTree.Node = write;
    while (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.MemberExpression) {
      root = skipTransparent(root.type === AST_NODE_TYPES.CallExpression ? root.callee : root.object);
    }
    return root.type === AST_NODE_TYPES.Identifier && variable!.references.some((r) => r.identifier === root);
  });
  return extendsItself ? init : null;
}

/**
 * A name's words say it holds a store or a client: its last word is one (`redisClient`, `sessionStore`), or, written as one
 * lower-case word, ends in a long one after a prefix of its own (`gridstore`, `datastore`, `mongoclient`; not `restore`).
 */
function namesStore(words: readonly string[]): boolean {
  const last = words.at(-1) ?? '';
  if (STORE_WORDS.has(last)) return true;
  for (const word of STORE_WORDS) {
    if (word.length >= 4 && last.length >= word.length + 3 && last.endsWith(word)) return true;
  }
  return false;
}

/** The work calls of a block, asked in the context of the file that holds it. */
type CallsOf = (context: Context, block: TSESTree.BlockStatement) => TSESTree.CallExpression[];

/** `await this.client.get(key)`, `await qb.execute()`, `pool.query(sql, cb)`: a command to a store or a network client. */
export function isStoreCommand(context: Context, call: TSESTree.CallExpression, callback?: TSESTree.Node): boolean {
  const callee = skipTransparent(call.callee);
  // `await axios(options)`, `(0, axios_1.default)(options)`: an HTTP client called as a function makes one request.
  if (isDirectClientCall(call, context)) return !call.arguments.some((arg) => isFunctionNode(arg) && arg !== callback);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  if (method === null || NOT_ONE_COMMAND.test(method) || VALUE_METHOD.test(method)) return false;
  // A function handed in runs work of its own (`actorStore.transact(did, async (txn) => …)`), except the error-first
  // callback of a callback-style command (`pool.query(sql, (err, rows) => …)`), whose error is what is caught.
  if (call.arguments.some((arg) => isFunctionNode(arg) && arg !== callback)) return false;
  const names = storeChainNames(context, callee);
  if (names === null) return false;
  // Nearest name first: `this.services.storage.set(…)` reaches a store through a registry, `app.db.controllers.Project.create(…)`
  // the app's own code through a store-named object. `this.httpService.get(url)`: Nest's HttpService is axios.
  for (const name of names) {
    // `axios_1.default.get(url)`: TypeScript's CommonJS output names an import `<module>_<n>`.
    const words = identifierWords(name.replace(/_\d+$/u, ''));
    if (words.includes('http')) return true;
    if (words.some((w) => APP_CODE_WORDS.has(w))) return false;
    if (namesStore(words)) return true;
  }
  return false;
}

/** HTTP clients that are functions themselves: `axios(config)`, `got(url)`, `superagent(method, url)`, `needle(method, url)`, `ky(url)`. */
const DIRECT_CLIENT = /^(?:axios|got|superagent|needle|ky)$/u;
/** A package (not a relative module) whose name says it makes HTTP requests: `request`, `request-promise`, `screwdriver-request`, `got`, `axios`. */
function isRequestPackage(source: string): boolean {
  return !/^[./]/u.test(source) && (source.split('/').at(-1) ?? '').split(/[-_.]/u).some((w) => w === 'request' || DIRECT_CLIENT.test(w));
}

/** Client names distinctive enough to name a function that wraps one request: `secureAxiosRequest(config)`. */
const WRAPPED_CLIENT_WORDS: ReadonlySet<string> = new Set(['axios', 'superagent', 'needle']);

/**
 * `axios(options)`, `(0, axios_1.default)(options)` (TypeScript's CommonJS output of the default import), and a function
 * named for such a client's request (`(0, components_1.secureAxiosRequest)({ method: 'POST', url })`).
 */
function isDirectClientCall(call: TSESTree.CallExpression, context?: Context): boolean {
  const fn = skipTransparent(unwrapIndirectCall(call.callee));
  const name = fn.type === AST_NODE_TYPES.Identifier ? fn.name : fn.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(fn) : null;
  if (name === null) return false;
  if (name === 'default') {
    const object = fn.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(fn.object) : null;
    return object?.type === AST_NODE_TYPES.Identifier && DIRECT_CLIENT.test(object.name.replace(/_\d+$/u, ''));
  }
  if (fn.type === AST_NODE_TYPES.Identifier && DIRECT_CLIENT.test(name)) return true;
  // `const requestRetry = require('screwdriver-request')`: what a package named for HTTP requests exports makes one request.
  const from = context && fn.type === AST_NODE_TYPES.Identifier ? getImportSource(context, fn) : null;
  if (from && (from.imported === 'default' || from.imported === '*') && isRequestPackage(from.source)) return true;
  const words = identifierWords(name);
  return words.length > 1 && words.some((w) => WRAPPED_CLIENT_WORDS.has(w)) && words.at(-1) === 'request';
}

/**
 * The try block's work is one command to a data store or a network service's client (`await this.client.del(key)`,
 * `await qb.execute()`, `await this.connection.getRepository(Item).upsert(row)`, `const { data } = await axios.get(url)`),
 * awaited, besides logs, pure helpers, parsing and the synchronous calls that build the command's arguments
 * (`this.client.set(key, compress(session))`): the driver's message names the failure (ECONNREFUSED, WRONGTYPE, a
 * constraint, a timeout, a status) and the stack holds only the driver's frames. Two commands, an awaited call of
 * the app's own code, a transaction or a connect at start-up stay reported; so does `fetch`, whose
 * `TypeError: fetch failed` hides the real failure in its `cause`.
 */
export function isSingleStoreCommand(context: Context, calls: readonly TSESTree.CallExpression[], callsOf?: CallsOf): boolean {
  const commands = calls.filter((call) => isStoreCommand(context, call) || (callsOf !== undefined && isWrappedStoreCommand(context, call, callsOf)));
  // `db.prepare(sql).run(x)`: a call in the receiver chain of another command is part of that command.
  const outer = commands.filter((call) => !commands.some((other) => other !== call && contains(other.callee, call)));
  // A request goes out and is waited for; a synchronous call of a store-named object (`storage.rmSync(dir)`, an in-memory
  // `subdomainCache.get(id)` beside the request) is in-process work, judged below as any other call.
  const waited = outer.filter((call) => isAwaited(call) || observableAwait(call) !== null);
  if (waited.length !== 1) return false;
  const command = waited[0]!;
  const observed = observableAwait(command);
  return calls.every((call) => {
    if (call === command || call === observed) return true;
    // `this.users.collection('users').updateOne(…)`, `db[type].collection(name).dropIndex(…)`: a call that reaches the command's
    // receiver (a collection, a repository, a query builder) is part of that one command.
    if (!isAwaited(call) && contains(command.callee, call)) return true;
    // `compress(session)`, `redisKey(id)`: building the command's arguments, in hand.
    if (!isAwaited(call) && command.arguments.some((arg) => contains(arg, call))) return true;
    // `const setArgs = [redisKey(id), compress(session)]; await this.client.set(...setArgs)`: the same, through a name.
    if (!isAwaited(call) && feedsArguments(context, call, command)) return true;
    // `const session = await this.client.get(key); return decompress(session)`: decoding what the command answered.
    if (!isAwaited(call) && decodesAnswer(context, call, command)) return true;
    return PASSIVE_CALLS.has(classifyCall(context, call));
  });
}

/** The variable a declarator's initializer holds, when `node` sits in that initializer: `const args = [compress(x)]`. */
function declaredFrom(context: Context, node: TSESTree.Node): TSESLint.Scope.Variable | null {
  for (let n: TSESTree.Node | undefined = node.parent; n && !isFunctionNode(n); n = n.parent) {
    if (n.type === AST_NODE_TYPES.VariableDeclarator) return n.id.type === AST_NODE_TYPES.Identifier && n.init && contains(n.init, node) ? findVariable(context, n.id) : null;
    if (n.type === AST_NODE_TYPES.BlockStatement || n.type.endsWith('Statement')) return null;
  }
  return null;
}

/** `call` is in the initializer of a variable the command's arguments read (`[redisKey(id), compress(s)]` as `...setArgs`). */
function feedsArguments(context: Context, call: TSESTree.CallExpression, command: TSESTree.CallExpression): boolean {
  const variable = declaredFrom(context, call);
  return variable !== null && variable.references.some((ref) => command.arguments.some((arg) => contains(arg, ref.identifier)));
}

/** Functions that decode an answer in hand: `decompress(data)`, `JSON.parse`-like `parseRow(row)`, `deserialize(buf)`, `gunzip(b)`. */
const DECODE_NAME = /^(?:parse|decode|decompress|deserialize|unserialize|unpack|inflate|gunzip|unzip)(?:[A-Z]\w*)?$/u;

/** `decompress(session)` where `const session = await <command>`: the command's answer decoded, named for decoding. */
function decodesAnswer(context: Context, call: TSESTree.CallExpression, command: TSESTree.CallExpression): boolean {
  if (!DECODE_NAME.test(lastName(unwrapIndirectCall(call.callee)) ?? '')) return false;
  const answer = declaredFrom(context, command);
  return answer !== null && call.arguments.some((arg) => answer.references.some((ref) => contains(arg, ref.identifier)));
}

/**
 * `await this.extend(task)` with `async extend(task) { const r = await this.database.collection('tasks').updateOne(…); if
 * (!r.modifiedCount) throw new Error(…); return true }` in the file: the app's own thin wrapper whose work is one command to
 * a store is that command (read one level deep; `callsOf` gives a body's work calls). A wrapper that does more stays the
 * app's code.
 */
function isWrappedStoreCommand(context: Context, call: TSESTree.CallExpression, callsOf: CallsOf): boolean {
  const fn = resolveCalledFunction(context, call.callee);
  const wraps = (ctx: Context, body: AnyFunction): boolean => !body.generator && body.body.type === AST_NODE_TYPES.BlockStatement && isSingleStoreCommand(ctx, callsOf(ctx, body.body));
  if (fn) return !contains(fn, call) && wraps(context, fn);
  // `await iasUtils.getSubdomainByApptid(id, url)`, one `await request.axiosRequest(…)` in `./lib/utils/ias-utils`: the same, imported.
  return importedFunctionSatisfies(context, call.callee, 'wraps-one-store-command', (module, exported) => wraps(module.context, exported));
}

/**
 * `await new Promise((resolve, reject) => this.services.cache.deleteBulk(names, (err) => (err ? reject(err) : resolve())))`:
 * a callback-style command made awaitable; the one store command its executor makes, else null.
 */
export function promisifiedStoreCommand(context: Context, node: TSESTree.Node): TSESTree.CallExpression | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.NewExpression || n.callee.type !== AST_NODE_TYPES.Identifier || n.callee.name !== 'Promise') return null;
  const executor = n.arguments[0] ? skipTransparent(n.arguments[0]) : null;
  if (!executor || !isFunctionNode(executor) || n.parent?.type !== AST_NODE_TYPES.AwaitExpression) return null;
  let body: TSESTree.Node = executor.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const only = body.body.length === 1 ? body.body[0] : undefined;
    if (only?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
    body = only.expression;
  }
  const command = skipTransparent(body);
  if (command.type !== AST_NODE_TYPES.CallExpression) return null;
  const callback = command.arguments.find(isFunctionNode);
  return callback && isStoreCommand(context, command, callback) ? command : null;
}

/** `await firstValueFrom(this.httpService.get(url))`: the awaited call that turns the command's observable into a promise. */
function observableAwait(command: TSESTree.CallExpression): TSESTree.CallExpression | null {
  const parent = command.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== command || !isAwaited(parent)) return null;
  return /^(?:firstValueFrom|lastValueFrom)$/u.test(lastName(unwrapIndirectCall(parent.callee)) ?? '') ? parent : null;
}

/** The store command at the head of a promise chain whose rejection handler is `link` (see `promiseChainHead`), else null. */
export function storeCommandOfChain(context: Context, link: TSESTree.CallExpression): TSESTree.CallExpression | null {
  const head = promiseChainHead(context, link);
  return head && isStoreCommand(context, head) ? head : null;
}
