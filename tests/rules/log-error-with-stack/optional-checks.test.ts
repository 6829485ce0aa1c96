import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (issue 15), session 30: text-only logs whose failure's message is the
 * whole story, or whose stack is written beside them —
 * - an optional check for a newer version (a changelog fetch, `checkForUpdates()`, an update check, an
 *   outdated-packages look-up; The Lounge, Etherpad, homebridge-config-ui-x, n8n): the app runs on as it was;
 * - a `try` that parses beside a namespaced debug function's call (`const debug = createDebug('ns')`; signalk);
 * - the stack written at debug level beside the message (`debug.enabled && debug(err.stack)`; signalk);
 * - a message handed to another thread (`worker.postMessage(entry)`; kuzzle) or a connection pinged or
 *   probed (`await this.client.ping()`; kuzzle; `await this.probeHttpEndpoint(url)`; n8n).
 * Twins stay reported: a real update or a package checked before it is installed, the debug write of the
 * message only or under an unrelated condition, a ping beside other work, and `reportExpectedFailures`.
 */
const ruleTester = new RuleTester();

const strict: [{ reportExpectedFailures: boolean }] = [{ reportExpectedFailures: true }];

const changelogFetch =
  "async function fetch() { const versions = { current: VERSION }; try { const response = await got('https://api.github.com/repos/x/y/releases', { responseType: 'json' }); if (response.statusCode !== 200) { return versions } update(versions, response) } catch (error) { console.error(`Failed to fetch changelog: ${error}`) } return versions }";
const checkForUpdates =
  "function checkForUpdates(manager) { fetch().then((versionData) => { if (!versionData.latest) { return } manager.clients.forEach((client) => client.emit('changelog:newversion')) }).catch((error) => { log.error(`Failed to check for updates: ${error.message}`) }) }";
const updateCheckMessage =
  "exports.check = (cb) => { loadInformations().then((info) => { if (semver.gt(info.latestVersion, VERSION)) cb(true) }).catch((err) => { console.error(`Can not perform the update check: ${err}`); cb(false) }) }";
const outdatedState =
  'class Reporter { async getOutdatedState() { let versions = []; try { versions = await this.getNextVersions(VERSION) } catch (error) { console.error(`Failed to fetch versions: ${error.message}`); return null } return versions } }';
const changelogOnSocket =
  "socket.on('changelog', () => { Promise.all([changelog.fetch(), packages.outdated()]).then(([data, updates]) => { socket.emit('changelog', { ...data, updates }) }).catch((error) => { log.error(`Error while fetching changelog. Error: ${error.message}`) }) })";
const parseBesideDebug =
  "const debug = createDebug('app:plugins'); function optionsOf(id, text) { try { const options = JSON.parse(text); debug(text); return options } catch (e) { console.error('Could not parse JSON options:' + e.message + ' ' + text); return {} } }";
const debugStackBeside = (test: string, written = 'err.stack') =>
  `const debug = createDebug('app:store'); app.get('/available', (req, res) => { findPlugins().catch((err) => { console.error(\`findPlugins failed: \${err.message}\`); ${test}debug(${written}); return [] }) })`;
const postMessage =
  'class AccessLogger { log(connection, request) { try { this.worker.postMessage({ connection, request: serialized }) } catch (error) { console.error(`Failed to write access log for request "${request.id}": ${error.message}`) } } }';
const ping = (extra = '') => `class Cache { async _ping() { try { await this.client.ping();${extra} } catch (error) { console.error(\`Failed to PING Redis:\\n\${error.message}\`) } } }`;

ruleTester.run('log-error-with-stack (optional checks, debug writes, thread messages, pings)', rule, {
  valid: [
    // Optional checks for a newer version: named by the log, the function around it, or the call that failed.
    changelogFetch,
    checkForUpdates,
    updateCheckMessage,
    outdatedState,
    changelogOnSocket,
    "program.command('outdated').action(async () => { await packages.outdated(0).then((outdated) => log.info(outdated ? 'There are outdated packages' : 'No outdated packages')).catch(() => { log.error('Error finding outdated packages.') }) })",
    // A parse beside a namespaced debug function's call.
    parseBesideDebug,
    // The stack written at debug level, whenever that level is on.
    debugStackBeside('debug.enabled && '),
    debugStackBeside(''),
    // Handing a message to another thread; pinging a connection.
    postMessage,
    ping(),
    // A connectivity probe at start-up (n8n's OTLP endpoint check).
    "class Otel { async check(url, settings) { try { if (settings.protocol === 'grpc') { await this.probeGrpcEndpoint(url, settings.timeoutMs) } else { await this.probeHttpEndpoint(url, settings.timeoutMs) } } catch (error) { this.logger.error('Failed to connect to the OTLP endpoint during startup', { endpoint: url, error: error instanceof Error ? error.message : String(error) }) } } }",
  ],
  invalid: [
    // A real update is an operation, not a check: `update` alone does not name one.
    invalid(
      'async function updateSettings(path, settings) { try { await writeJson(path, settings) } catch (e) { console.error(`Failed to update settings: ${e.message}`) } }',
      'e',
      'console.error(`Failed to update settings: ${e.message}`',
    ),
    // Checking a package before installing an update (no `for`): the registry call and what follows are the operation.
    invalid(
      'class Plugins { async checkUpdate(name) { try { const info = await this.registry.view(name); await this.install(name, info.version) } catch (e) { console.error(`Failed to validate package ${name}: ${e.message}`) } } }',
      'e',
      'console.error(`Failed to validate package ${name}: ${e.message}`',
    ),
    // `reportExpectedFailures` (strict) reports version checks too.
    invalid(changelogFetch, 'error', 'console.error(`Failed to fetch changelog: ${error}`', strict),
    invalid(outdatedState, 'error', 'console.error(`Failed to fetch versions: ${error.message}`', strict),
    // The app's own call beside the parse and the debug write.
    invalid(
      "const debug = createDebug('app:plugins'); function optionsOf(id, text) { try { const options = JSON.parse(text); debug(text); register(id, options); return options } catch (e) { console.error('Could not parse JSON options:' + e.message); return {} } }",
      'e',
      "console.error('Could not parse JSON options:' + e.message",
    ),
    // The debug write keeps only the message, or runs under a condition that is not its level.
    invalid(debugStackBeside('debug.enabled && ', 'err.message'), 'err', 'console.error(`findPlugins failed: ${err.message}`'),
    invalid(debugStackBeside('verbose && '), 'err', 'console.error(`findPlugins failed: ${err.message}`'),
    // A ping beside other work, or with `reportExpectedFailures`.
    invalid(ping(' await this.client.set(KEY, Date.now());'), 'error', 'console.error(`Failed to PING Redis:\\n${error.message}`'),
    invalid(ping(), 'error', 'console.error(`Failed to PING Redis:\\n${error.message}`', strict),
    // A method merely starting with the letters (`processQueue`, `problem…`) is no probe.
    invalid(
      'class Q { async run() { try { await this.processQueue() } catch (error) { console.error(`Queue failed: ${error.message}`) } } }',
      'error',
      'console.error(`Queue failed: ${error.message}`',
    ),
    invalid(postMessage, 'error', 'console.error(`Failed to write access log for request "${request.id}": ${error.message}`', strict),
  ],
});
