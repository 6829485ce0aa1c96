import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (issue 15, round 5): failures whose message is the answer of a peer —
 * a command to a device on the network (`await endpoint.read(cluster, attrs)`, `device.zh.removeFromNetwork()`),
 * a message handed to a broker (`await this.client.publishAsync(topic, payload)`), a progress line streamed to the client
 * (`res.write(s)`), a request body stream's `'error'` event — and a try that only validates a value in hand
 * (`utils.validateMap(settings, schema)`). Shapes trimmed from zigbee2mqtt, saltcorn and deepstream.
 * Their twins (a record method, other work beside, an awaited validation, the app's own method,
 * `reportExpectedFailures`) stay reported.
 */
const ruleTester = new RuleTester();
const strict = [{ reportExpectedFailures: true }] as [{ reportExpectedFailures: boolean }];

const poll = (extra = '') =>
  `function schedule(endpoint, poll, readAttrs, zigbee, device) { return debounce(async () => { try { await endpoint.read(poll.read.cluster, readAttrs);${extra} } catch (error) { const resolved = zigbee.resolveEntity(device); console.error(\`Failed to poll \${readAttrs} from \${resolved.name} (\${error.message})\`) } }, 1000) }`;
const bind = `async function bindCluster(type, cluster, source, target, bindTarget, done, failed) { try { if (type === 'bind') { await source.endpoint.bind(cluster, bindTarget) } else { await source.endpoint.unbind(cluster, bindTarget) } done.push(cluster); console.info(\`Successfully bound cluster '\${cluster}'\`) } catch (error) { failed.push(cluster); console.error(\`Failed to \${type} cluster '\${cluster}' to '\${target.name}' (\${error})\`) } }`;
const remove = "const remove = async (device) => { try { await device.zh.removeFromNetwork() } catch (error) { console.error(`Failed to remove '${device.ieeeAddr}' (${error.message})`) } };";
const publish = (extra = '') =>
  `class Mqtt { async publish(topic, payload, clientOptions) { try { await this.client.publishAsync(topic, payload, clientOptions);${extra} } catch (error) { console.error(\`MQTT server error: \${error.message}\`) } } }`;
const resWrite = "const doInstall = async (req, res) => { const res_write = (s) => { try { res.write(s); console.log(s) } catch (e) { console.error('Install write error: ', e?.message || e) } }; res_write('starting'); };";
const requestStream =
  "function onboard(req, res) { req.on('error', (error) => { console.error(`Failed to parse request body: ${error.message}`); res.writeHead(406); res.end(JSON.stringify({ success: false, error: error.message })) }) }";
const validate =
  "class FileAuth { validateSettings(settings) { try { if (settings.hash) { utils_1.validateMap(settings, true, { hash: 'string', iterations: 'number' }); utils_1.validateHashingAlgorithm(settings.hash) } } catch (e) { console.error('Validating settings failed for file auth', e.message) } } }";

ruleTester.run('log-error-with-stack (devices, connections, brokers, request streams, validation)', rule, {
  valid: [
    // A command to a device on the network: the failure is the device's answer (timeout, protocol status).
    poll(),
    bind,
    remove,
    // A message handed to the broker, awaited for its acknowledgement.
    publish(),
    // A progress line streamed to the client: it fails only when the client went away.
    resWrite,
    // The request body stream failed (aborted, reset).
    requestStream,
    // A try that only validates a value in hand: the message names what is wrong.
    validate,
  ],
  invalid: [
    // Other work beside the device command or the publish.
    invalid(poll(' await this.store.saveReading(device.id, readAttrs);'), 'error', 'console.error(`Failed to poll ${readAttrs} from ${resolved.name} (${error.message})`'),
    invalid(publish(' await this.db.saveMessage(topic, payload);'), 'error', 'console.error(`MQTT server error: ${error.message}`'),
    // A record method of an object named `device` is a database write, not a command to the device.
    invalid(
      'async function rename(device, name) { try { device.name = name; await device.save() } catch (error) { console.error(`Failed to rename device: ${error.message}`) } }',
      'error',
      'console.error(`Failed to rename device: ${error.message}`',
    ),
    // A service named after devices is the app's own code.
    invalid(
      'class C { async read(id) { try { await this.deviceService.read(id) } catch (error) { console.error(`Failed to read ${id}: ${error.message}`) } } }',
      'error',
      'console.error(`Failed to read ${id}: ${error.message}`',
    ),
    // An HTTP API endpoint object's request is a request, not a device command.
    invalid(
      'async function notify(apiEndpoint, body) { try { await apiEndpoint.post(body) } catch (error) { console.error(`Failed to notify: ${error.message}`) } }',
      'error',
      'console.error(`Failed to notify: ${error.message}`',
    ),
    // Telling the client the error's text with a 4xx answer does not make an unexpected failure expected.
    invalid(
      "async function verify(request, reply, app) { try { const user = await app.db.models.User.byToken(request.body.token); await app.db.controllers.Project.create(user); reply.send({ status: 'okay' }) } catch (err) { console.error(`/account/verify/token error - ${err.toString()}`); const resp = { code: 'unexpected_error', error: err.toString() }; reply.code(400).send(resp) } }",
      'err',
      'console.error(`/account/verify/token error - ${err.toString()}`',
    ),
    // An awaited validation may do anything (look a user up, read a file).
    invalid(
      'async function check(settings) { try { await validator.validateSettings(settings) } catch (e) { console.error(`Invalid settings: ${e.message}`) } }',
      'e',
      'console.error(`Invalid settings: ${e.message}`',
    ),
    // `reportExpectedFailures` (strict) reports device commands, publishes and request streams.
    invalid(remove, 'error', "console.error(`Failed to remove '${device.ieeeAddr}' (${error.message})`", strict),
    invalid(publish(), 'error', 'console.error(`MQTT server error: ${error.message}`', strict),
    invalid(requestStream, 'error', 'console.error(`Failed to parse request body: ${error.message}`', strict),
  ],
});
