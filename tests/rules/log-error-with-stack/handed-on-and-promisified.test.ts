import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (issue 15, session 35): shapes that recur across rounds 5-7, written as what the code
 * does rather than what one app names things.
 * - The error is thrown on inside a wrapper (`throw boom.boomify(error, { statusCode })`): handed on.
 * - The stack is logged beside, guarded by `typeof error.stack !== 'undefined'`.
 * - One call into Node's file system through `promisify(fs.close)`, or a path-removal package (`del`, `rimraf`) whose
 *   promise's `.catch` logs it (an expected failure, strict reports it).
 * - A callback-style store command whose callback is not the last argument, or made awaitable with `new Promise`; the
 *   log may name the step through a `const` text it interpolates, but `JSON.stringify(err)` (`{}`) keeps no message.
 * - TypeScript's CommonJS name of an imported HTTP client (`axios_1.default.get(url)`).
 * - A failed look-up of the latest version (an optional check for a newer version).
 * Twins stay reported: the error's text thrown on, a guard on something else, a promisified function of the app, a
 * `.then` that does work, two commands in an executor, a catch that throws an error of its own instead of the driver's
 * (the driver's failure is then recorded only in the log line), installing the latest version, and strict.
 */
const ruleTester = new RuleTester();
const strict = [{ reportExpectedFailures: true }] as [{ reportExpectedFailures: boolean }];

const boomified =
  'async function create(scm, opts) { let scmUri; try { scmUri = await scm.parseUrl(opts) } catch (error) { console.error(error.message); throw boom.boomify(error, { statusCode: error.statusCode }) } return scmUri }';
const stackGuard =
  "process.on('uncaughtException', (error) => { console.error(`Uncaught exception: ${error.message}`); if (typeof error.stack !== 'undefined') { console.error(error.stack) } });";
const promisifiedClose =
  "const fs = require('fs'); const { promisify } = require('util'); const closeAsync = promisify(fs.close); async function rotate(fd) { try { await closeAsync(fd) } catch (err) { console.error(`Close unused fd:${fd} error:${err.message}`) } }";
const delChain =
  "import { deleteAsync } from 'del'; async function removeUserDataDir(dir) { await deleteAsync(dir, { force: true }).catch((err) => { console.error(`Error cleaning up user-data-dir \"${err}\" at ${dir}`) }) }";
const rmThenLog =
  "import { rm } from 'node:fs/promises'; function cleanup(file) { return rm(file, { force: true }).then(() => { console.debug(`Deleted ${file}`) }).catch((err) => { console.error(`Error cleaning up downloaded files: ${err} at ${file}`) }) }";
const callbackBeforeMeta =
  "class Records { create(name) { this.services.storage.set(name, 0, {}, (error) => { if (error) { console.error('RECORD_CREATE_ERROR', `storage:${error}`) } }, this.metaData) } }";
const promisifiedCommand =
  'class Records { async notify(names) { try { await new Promise((resolve, reject) => this.services.cache.deleteBulk(names, (error) => { error ? reject(error) : resolve() })) } catch (error) { console.error(`Error deleting messages in bulk: ${error.toString()}`) } } }';
const constMessage =
  "class Records { async notify(names) { try { await new Promise((resolve, reject) => this.services.cache.deleteBulk(names, (error) => { error ? reject(error) : resolve() })) } catch (error) { const errorMessage = 'Error deleting messages in bulk when notifying of remote changes'; console.error(`${errorMessage}: ${error.toString()}`) } } }";
const compiledAxios =
  'const axios_1 = require("axios"); async function search(q) { try { const { data } = await axios_1.default.get(`https://registry.example/-/v1/search?text=${q}`); return data.objects } catch (e) { console.error(`Failed to search the registry: ${e.message}`); return [] } }';
const latestVersion =
  'class UpdateProvider { async getUpdate() { try { const buffer = await this.request(this.latestUrl); return JSON.parse(buffer.toString()).name } catch (error) { console.error("Failed to get latest version", error.message); return "unknown" } } }';

ruleTester.run('log-error-with-stack (handed on in a wrapper, promisified commands)', rule, {
  valid: [boomified, stackGuard, promisifiedClose, delChain, rmThenLog, callbackBeforeMeta, promisifiedCommand, constMessage, compiledAxios, latestVersion],
  invalid: [
    // Only the error's text is thrown on.
    invalid(
      'async function create(scm, opts) { try { return await scm.parseUrl(opts) } catch (error) { console.error(error.message); throw boom.badRequest(error.message) } }',
      'error',
      'console.error(error.message',
    ),
    // A guard on something other than the stack: the stack is not written whenever there is one.
    invalid(
      "process.on('uncaughtException', (error) => { console.error(`Uncaught exception: ${error.message}`); if (typeof error.code !== 'undefined') { console.error(error.stack) } });",
      'error',
      'console.error(`Uncaught exception: ${error.message}`',
    ),
    // A promisified function of the app is the app's own work.
    invalid(
      "const { promisify } = require('util'); const runAsync = promisify(worker.run); async function go(job) { try { await runAsync(job) } catch (err) { console.error(`Job failed: ${err.message}`) } }",
      'err',
      'console.error(`Job failed: ${err.message}`',
    ),
    // A `.then` that does work of its own before the handler.
    invalid(
      "import { deleteAsync } from 'del'; async function reset(dir) { await deleteAsync(dir).then(() => rebuild(dir)).catch((err) => { console.error(`Error resetting ${dir}: ${err}`) }) }",
      'err',
      'console.error(`Error resetting ${dir}: ${err}`',
    ),
    // Two commands in the executor.
    invalid(
      'class Records { async notify(names) { try { await new Promise((resolve, reject) => { this.services.cache.deleteBulk(names, (error) => { error ? reject(error) : resolve() }); this.services.storage.deleteBulk(names, () => {}) }) } catch (error) { console.error(`Error deleting messages in bulk: ${error.toString()}`) } } }',
      'error',
      'console.error(`Error deleting messages in bulk: ${error.toString()}`',
    ),
    // The catch throws an error of its own instead: the driver's failure is recorded only in this line.
    invalid(
      'class Handler { async stage(ctx, source) { let persistency; try { persistency = await this.extentStore.appendExtent(source.data, ctx.id) } catch (err) { source.data.destroy(); console.error(`stage() Failed to read the copy source body: ${err}`); throw StorageErrors.cannotVerifyCopySource(ctx.id, 500) } return persistency } }',
      'err',
      'console.error(`stage() Failed to read the copy source body: ${err}`',
    ),
    invalid(
      'const axios_1 = require("axios"); async function stage(url) { let res; try { res = await axios_1.default.get(url) } catch (err) { console.error(`Failed to read the copy source: ${err}`); throw new StorageError(500, "Could not verify the copy source") } return res }',
      'err',
      'console.error(`Failed to read the copy source: ${err}`',
    ),
    // `JSON.stringify(err)` prints `{}` for an Error: not even the driver's message is kept.
    invalid(
      'class Auth { async isValidUser(id) { let userData; try { userData = await new Promise((resolve, reject) => this.services.storage.get(id, (err, version, data) => (err ? reject(err) : resolve(data)))) } catch (err) { console.error(`Error retrieving user from storage ${JSON.stringify(err)}`); return { isValid: false } } return userData } }',
      'err',
      'console.error(`Error retrieving user from storage ${JSON.stringify(err)}`',
    ),
    // A message held in a variable that is not a constant text says nothing of its own.
    invalid(
      'class Records { async notify(names, errorMessage) { try { await this.client.del(names) } catch (error) { console.error(`${errorMessage}: ${error.toString()}`) } } }',
      'error',
      'console.error(`${errorMessage}: ${error.toString()}`',
    ),
    // Installing the latest version is an operation, not a check for one.
    invalid(
      'async function upgrade(installer, name) { try { await installer.install(name) } catch (e) { console.error("Failed to install the latest version", e.message) } }',
      'e',
      'console.error("Failed to install the latest version", e.message',
    ),
    // `reportExpectedFailures` (strict) reports the expected-failure shapes.
    invalid(promisifiedClose, 'err', 'console.error(`Close unused fd:${fd} error:${err.message}`', strict),
    invalid(delChain, 'err', 'console.error(`Error cleaning up user-data-dir "${err}" at ${dir}`', strict),
    invalid(callbackBeforeMeta, 'error', "console.error('RECORD_CREATE_ERROR', `storage:${error}`", strict),
    invalid(promisifiedCommand, 'error', 'console.error(`Error deleting messages in bulk: ${error.toString()}`', strict),
    invalid(compiledAxios, 'e', 'console.error(`Failed to search the registry: ${e.message}`', strict),
  ],
});
