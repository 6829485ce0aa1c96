import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * One step into the operating system whose message and code are the whole failure: file-system calls that all
 * work on one path (node-media-server's `mkdirSync(p); accessSync(p, W_OK)`), a change of the process's identity
 * (pm2's `process.setgid(gid); process.setuid(uid)`, whose error names the system call), a command run through a
 * package's exec wrapper (ioBroker's `await execAsync(cmd)`), and a message sent to another process without waiting
 * (pm2's `cluster.send({ type: 'log:reload' })`, which throws only for a closed channel). Calls on two paths, the
 * app's own module named `exec`, or a send that is awaited or whose result is used stay reported.
 */
const ruleTester = new RuleTester();

const recordPath =
  "import fs from 'node:fs'; function run(config) { try { fs.mkdirSync(config.record.path, { recursive: true }); fs.accessSync(config.record.path, fs.constants.W_OK) } catch (error) { console.error(`record path ${config.record.path} has no write permission. ${error}`); return } }";
const setIdentity =
  "function drop(env) { try { if (process.env.gid) process.setgid(env.gid); if (env.uid) process.setuid(env.uid) } catch (e) { setTimeout(function () { console.error('%s on call %s', e.message, e.syscall); process.exit(1) }, 100) } }";
const restart = (source: string) =>
  `import { execAsync } from '${source}'; async function restart(cmd) { try { await execAsync(cmd) } catch (e) { console.error(\`Restart failed: \${e.message}\`) } }`;
const reloadLogs = (send: string) => `function reload(cluster) { if (cluster.send) { try { ${send} } catch (e) { console.error(e.message || e) } } }`;

ruleTester.run('log-error-with-stack (one step into the system)', rule, {
  valid: [
    recordPath,
    setIdentity,
    restart('@iobroker/js-controller-common-db/tools'),
    "import { execa } from 'execa'; async function build(dir) { try { await execa('npm', ['run', 'build'], { cwd: dir }) } catch (e) { console.error(`Build failed: ${e.message}`) } }",
    reloadLogs("cluster.send({ type: 'log:reload' })"),
  ],
  invalid: [
    // Two paths: which one failed, and from where, is the stack's to say.
    invalid(
      "import fs from 'node:fs'; function run(config) { try { fs.mkdirSync(config.record.path, { recursive: true }); fs.accessSync(config.media.path, fs.constants.W_OK) } catch (error) { console.error(`record path has no write permission. ${error}`); return } }",
      'error',
      'console.error(`record path has no write permission. ${error}`',
    ),
    // The identity change beside the app's own start-up work.
    invalid(
      'function start(env) { try { process.setuid(env.uid); loadApplication(env) } catch (e) { console.error(`start failed: ${e.message}`) } }',
      'e',
      'console.error(`start failed: ${e.message}`',
    ),
    // The app's own module named `exec` may do anything.
    invalid(restart('./tools.js'), 'e', 'console.error(`Restart failed: ${e.message}`'),
    // An awaited send is a request and its answer is waited for.
    invalid(
      'async function notify(mailer, mail) { try { await mailer.send(mail) } catch (e) { console.error(`mail failed: ${e.message}`) } }',
      'e',
      'console.error(`mail failed: ${e.message}`',
    ),
    // `strict` reports the system step too.
    invalid(recordPath, 'error', 'console.error(`record path ${config.record.path} has no write permission. ${error}`', [{ reportExpectedFailures: true }]),
  ],
});
