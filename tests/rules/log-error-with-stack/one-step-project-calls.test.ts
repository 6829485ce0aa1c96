import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { tempProject } from '../../helpers/temp-project.js';
import { invalid } from './cases.js';

/**
 * A call of the app's own function is judged by that function's body, one level deep (session 39): the one-step
 * criterion the rule applies to calls it can see, extended to calls it can resolve.
 * - a method whose body is one step into the file system (homebridge's `ensureScheduledBackupPath()`: `pathExists`,
 *   `access` and `ensureDir` on one path) is that step; a body that also writes a file elsewhere, or calls further
 *   app code, stays reported;
 * - a method of a project class instance (`taskHandler = new TaskHandler(…)`, the class in `./lib/task-handler`) is
 *   read in its module: one store command (`clearGarbage()`: one `deleteMany`) or a body that catches everything
 *   (`releasePending()`); a multi-step method (`delAsync`: a store, an archive, a notifier) stays reported; the
 *   rejection handler of a chain such a wrapper heads (`this.extend(task).catch(…)`) is judged the same way;
 * - a same-file function that only returns `new Promise((resolve) => …)` never rejects (SAP approuter's
 *   `getKeysByPatternV2`, resolving with what a scan stream found): awaited beside one store command, or alone, the
 *   catch sees only that command's failure, or none. An executor that takes `reject` stays reported;
 * - one synchronous call into node:crypto or node:tls builds from material in hand (Haraka's
 *   `tls.createSecureContext(certs)`), like a parse: awaited, or beside other work, it stays reported.
 */
const ruleTester = new RuleTester();
const project = tempProject('lews-one-step-', ['lib']);

// wildduck's lib/task-handler.js and lib/cert-handler.js, trimmed.
project.write(
  join('lib', 'task-handler.js'),
  `class TaskHandler {
  static create(options = {}) { return new TaskHandler(options); }
  static createShared(options = {}) { return TaskHandler.shared || (TaskHandler.shared = new TaskHandler(options)); }
  constructor(options) { this.database = options.database; }
  async releasePending() {
    try {
      const r = await this.database.collection('tasks').updateMany({ locked: { $ne: false } }, { $set: { locked: false } });
      if (r.modifiedCount) console.info('Released %s pending tasks', r.modifiedCount);
    } catch (err) {
      console.error('Failed releasing expired tasks. error=%s', err.message);
    }
  }
  async clearGarbage() {
    const r = await this.database.collection('certs').deleteMany({ acme: true, updated: { $lt: new Date(Date.now() - 1000) } });
    if (r?.deletedCount) console.info('Deleted expired certificates. count=%s', r.deletedCount);
  }
  async delAsync(options) {
    await this.database.collection('messages').deleteOne({ _id: options.id });
    await this.archive(options);
    await this.notifier.fire(options.user);
  }
}
module.exports = TaskHandler;
`,
);
const tasks = (method: string) => ({
  code: `const TaskHandler = require('./task-handler');
let taskHandler;
function start(db) { taskHandler = new TaskHandler({ database: db }); }
async function loop(task) {
  try {
    await taskHandler.${method}({ id: task.id });
  } catch (err) {
    console.error('Tasks', 'Failed to run step for task=%s error=%s', task.id, err.message);
  }
}
module.exports = { start, loop };
`,
  filename: join(project.root, 'lib', 'tasks.js'),
});
const tasksAt = "console.error('Tasks', 'Failed to run step for task=%s error=%s', task.id, err.message";
// wildduck's lib/api/acme.js: `const acmeChallenge = AcmeChallenge.create({ db })`, the class's static factory
// (`static create(config) { return new AcmeChallenge(config) }`) making the instance as `new` does (session 40).
const made = (method: string, factory: string) => {
  const { code, filename } = tasks(method);
  return { code: code.replace('taskHandler = new TaskHandler({ database: db })', `taskHandler = TaskHandler.${factory}({ database: db })`), filename };
};
// The same shape within one file: a same-file class and its static factory (`new this(…)`).
const sameFileFactory = (factory: string) =>
  `class Certs {
  static create(config) { return new this(config); }
  static cached(config) { return cache.get(config.id) || new Certs(config); }
  constructor(config) { this.database = config.database; }
  async clearGarbage() {
    await this.database.collection('certs').deleteMany({ acme: true });
  }
}
const certs = Certs.${factory}({ database });
async function run(task) {
  try {
    await certs.clearGarbage();
  } catch (err) {
    console.error('Tasks', 'task=acme-update id=%s action=clear-garbage error=%s', task._id, err.message);
  }
}`;
const sameFileFactoryAt = "console.error('Tasks', 'task=acme-update id=%s action=clear-garbage error=%s', task._id, err.message";
const tasksReported = (method: string) => ({ ...invalid(tasks(method).code, 'err', tasksAt), filename: tasks(method).filename });

// homebridge's backup service (compiled TypeScript), trimmed.
const backup = (body: string) =>
  `const { access, constants, ensureDir, pathExists, writeFile } = require('fs-extra');
class BackupService {
  async ensureScheduledBackupPath() {
    ${body}
  }
  async createBackupInDirectory() {
    try {
      await this.ensureScheduledBackupPath();
    } catch (error) {
      console.error(\`Create backup failed: \${error.message}\`);
      throw new NotFoundException();
    }
  }
}`;
const onePath = `if (this.configService.ui.scheduledBackupPath) {
      if (!await pathExists(this.configService.instanceBackupPath)) {
        throw new Error('Custom instance backup path does not exist');
      }
      try {
        await access(this.configService.instanceBackupPath, constants.W_OK | constants.R_OK);
      } catch (e) {
        throw new Error(\`Custom instance backup path is not writable / readable by service: \${e.message}\`);
      }
    } else {
      return await ensureDir(this.configService.instanceBackupPath);
    }`;
const backupAt = 'console.error(`Create backup failed: ${error.message}`';

// SAP approuter's lib/utils/redis-store.js, trimmed.
const redisStore = (executor: string, extra = '') =>
  `class RedisStore {
  async clear() {
    try {
      const keys = await this.getKeysByPattern(redisKey('*'), this.client);
      ${extra}
      await this.client.del(keys);
    } catch (err) {
      console.error(\`Failed to clear all sessions: \${ err.message }\`);
    }
  }
  async length() {
    try {
      const keys = await this.getKeysByPattern(redisKey('*'), this.client);
      return keys.length;
    } catch (err) {
      console.error(\`Failed to get keys length: \${ err.message }\`);
    }
  }
  async getKeysByPattern(key, client) {
    return new Promise(${executor} => {
      const stream = client.scanStream({ match: key, count: 100 });
      const keysFound = [];
      stream.on('data', (resultKeys) => { keysFound.push(...resultKeys); });
      stream.on('end', () => resolve(keysFound));
    });
  }
}
function redisKey(id) { return 'session:' + id; }`;

// Flowise's dist/utils/buildAgentflow.js, trimmed: a record read and written back through one repository (two commands).
const execution = (write: string) =>
  `const updateExecution = async (appDataSource, executionId, workspaceId, data) => {
  const execution = await appDataSource.getRepository(Execution_1.Execution).findOneBy({ id: executionId, workspaceId });
  if (!execution) {
    throw new Error(\`Execution \${executionId} not found\`);
  }
  const updateExecution = new Execution_1.Execution();
  Object.assign(updateExecution, { executionData: data.executionData });
  ${write}
};
async function runIteration(appDataSource, parentExecutionId, workspaceId, agentFlowExecutedData) {
  try {
    await updateExecution(appDataSource, parentExecutionId, workspaceId, { executionData: JSON.stringify(agentFlowExecutedData) });
  } catch (error) {
    console.error(\`Error updating parent execution: \${error.message}\`);
  }
}`;
const executionAt = 'console.error(`Error updating parent execution: ${error.message}`';

// wildduck's TaskHandler.keepAlive, trimmed: the rejection handler of a chain a one-command wrapper heads.
const keepAlive = (second = '') =>
  `class TaskHandler {
  async extend(task) {
    const r = await this.database.collection('tasks').updateOne({ _id: task._id, lock: task.lock }, { $set: { lockedUntil: new Date(Date.now() + 60000) } });${second}
    if (!r.modifiedCount) throw new Error('Failed to extend lock');
    return true;
  }
  keepAlive(task) {
    this.extend(task).catch((err) => {
      console.error('Tasks', 'Failed to extend %s. error=%s', task._id, err.message);
    });
  }
}`;
const keepAliveAt = "console.error('Tasks', 'Failed to extend %s. error=%s', task._id, err.message";

// wildduck's TaskHandler.keepAlive as released (lib/task-handler.js:118): a `.then` step between the wrapper and the
// handler whose callback catches everything itself adds no failure, so the handler's error is still the wrapper's.
const keepAliveThen = (step: string) =>
  `class TaskHandler {
  async extend(task) {
    const r = await this.database.collection('tasks').updateOne({ _id: task._id, lock: task.lock }, { $set: { lockedUntil: new Date(Date.now() + 60000) } });
    if (!r.modifiedCount) throw new Error('Failed to extend lock');
    return true;
  }
  keepAlive(task) {
    this.extend(task)
      .then(() => {
        ${step}
      })
      .catch((err) => {
        console.error('Tasks', 'Failed to extend %s. error=%s', task._id, err.message);
      });
  }
}`;
const caughtStep = `try {
          if (this.keepAliveTimers.has(task.lock)) this.keepAlive(task);
        } catch (err) {
          console.error('Tasks', 'Failed processing %s', task._id, err);
        }`;

// Haraka's tls_socket.js, trimmed: a TLS context built from the certificate and key in hand.
const tlsContext = (work: string) =>
  `const tls = require('node:tls');
function loadCerts(certsByHost, ctxByHost, names) {
  for (const cn of names) {
    try {
      ${work}
    } catch (err) {
      console.error(\`CN '\${cn}' loading got: \${err.message}\`);
      delete ctxByHost[cn];
    }
  }
}`;
const tlsAt = "console.error(`CN '${cn}' loading got: ${err.message}`";

ruleTester.run('log-error-with-stack (one-step project calls)', rule, {
  valid: [
    tasks('releasePending'),
    tasks('clearGarbage'),
    made('clearGarbage', 'create'),
    sameFileFactory('create'),
    backup(onePath),
    redisStore('(resolve)'),
    keepAlive(),
    keepAliveThen(caughtStep),
    tlsContext('ctxByHost[cn] = tls.createSecureContext(certsByHost.get([cn]));'),
  ],
  invalid: [
    // A method that makes three steps of the app (a store, an archive, a notifier): the stack locates the failing one.
    tasksReported('delAsync'),
    // Made by a factory, the class's multi-step method is still judged by its body; a factory that may hand out something
    // else than a new instance of its class (a cached one) tells nothing about what the variable holds.
    { ...invalid(made('delAsync', 'create').code, 'err', tasksAt), filename: made('delAsync', 'create').filename },
    { ...invalid(made('clearGarbage', 'createShared').code, 'err', tasksAt), filename: made('clearGarbage', 'createShared').filename },
    invalid(sameFileFactory('cached'), 'err', sameFileFactoryAt),
    // Two paths, or a path and the app's own work.
    invalid(backup(`await ensureDir(this.configService.instanceBackupPath); await writeFile(this.configService.markerPath, 'x');`), 'error', backupAt),
    invalid(backup(`await ensureDir(this.configService.instanceBackupPath); await this.rotateBackups();`), 'error', backupAt),
    // A wrapper that reads a record and writes it back makes two commands (as a try that makes them does): reported.
    invalid(execution(`appDataSource.getRepository(Execution_1.Execution).merge(execution, updateExecution);
  await appDataSource.getRepository(Execution_1.Execution).save(execution);`), 'error', executionAt),
    // A wrapper that also notifies: two steps.
    invalid(keepAlive("\n    await this.notifier.fire(task.user, 'lock-extended');"), 'err', keepAliveAt),
    // A `.then` step with work of its own outside a `try` (a notification), or a catch that rethrows: its failure reaches the handler too.
    invalid(keepAliveThen("this.notifier.fire(task.user, 'lock-extended');"), 'err', keepAliveAt),
    invalid(keepAliveThen(caughtStep.replace('task._id, err);', 'task._id, err);\n          throw err;')), 'err', keepAliveAt),
    // Awaited, with a callback, or beside other work: not one build from material in hand.
    invalid(tlsContext("ctxByHost[cn] = await tls.connect({ host: cn, port: 465 });"), 'err', tlsAt),
    invalid(tlsContext("ctxByHost[cn] = tls.createSecureContext(certsByHost.get([cn])); await this.store.saveContext(cn, ctxByHost[cn]);"), 'err', tlsAt),
    // local MCP backend's discovery: one package.json read, then `import()` of the package it names, whose code runs.
    invalid(
      `const { readFileSync } = require('node:fs');
class McpDiscoveryService {
  async tryLoadMcpPackage(pkgName) {
    const pkgJsonPath = this.resolvePackageJson(pkgName);
    if (!pkgJsonPath) return null;
    const pkgJson = JSON.parse(readFileSync(pkgJsonPath, 'utf-8'));
    if (pkgJson.mcpPackage !== true) return null;
    const module = await import(pkgName);
    return { packageName: pkgName, package: module.mcpPackage };
  }
  async discover(names) {
    for (const pkgName of names) {
      try {
        await this.tryLoadMcpPackage(pkgName);
      } catch (error) {
        console.error(\`Failed to load potential MCP package \${pkgName}: \${error}\`);
      }
    }
  }
}`,
      'error',
      'console.error(`Failed to load potential MCP package ${pkgName}: ${error}`',
    ),
    // The log names no step of its own.
    invalid(backup(onePath).replace(backupAt, 'console.error(error.message'), 'error', 'console.error(error.message'),
    // An executor that takes `reject` may reject: the scan's failure reaches both catches.
    {
      code: redisStore('(resolve, reject)'),
      errors: [
        { messageId: 'stackLost', suggestions: [{ messageId: 'addError', output: redisStore('(resolve, reject)').replace('sessions: ${ err.message }`', 'sessions: ${ err.message }`, err') }] },
        { messageId: 'stackLost', suggestions: [{ messageId: 'addError', output: redisStore('(resolve, reject)').replace('length: ${ err.message }`', 'length: ${ err.message }`, err') }] },
      ],
      output: redisStore('(resolve, reject)').replace('sessions: ${ err.message }`', 'sessions: ${ err.message }`, err').replace('length: ${ err.message }`', 'length: ${ err.message }`, err'),
    },
    // The app's own work beside the never-rejecting call and the command: which step failed is the stack's to say.
    invalid(redisStore('(resolve)', 'await this.audit(keys);'), 'err', 'console.error(`Failed to clear all sessions: ${ err.message }`'),
  ],
});
