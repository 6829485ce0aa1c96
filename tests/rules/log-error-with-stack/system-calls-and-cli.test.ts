import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';

/**
 * Precision on real applications (issue 15): a `try` around one call into Node's file system, child
 * processes or DNS (signalk's plugin cleanup, homebridge's config writes), whose message names the path,
 * command or host and the code; the error-first callback of such a call; and command-line programs
 * (homebridge's `hb-service` installers), whose error output is read on the operator's terminal.
 * `reportExpectedFailures` and `includeCommandLinePrograms` (both on in strict) report them.
 */
const ruleTester = new RuleTester();

const singleRemove =
  "import fs from 'node:fs'; function clear(dir) { try { fs.rmSync(dir, { recursive: true }) } catch (e) { console.error(`Failed to remove ${dir}: ${e.message}`) } }";
const singleRemoveFixed =
  "import fs from 'node:fs'; function clear(dir) { try { fs.rmSync(dir, { recursive: true }) } catch (e) { console.error(`Failed to remove ${dir}: ${e.message}`, e) } }";
const cliInstall = 'class LinuxInstaller { async install() { try { await this.createService(); await this.start() } catch (e) { console.error(e.toString()) } } }';
const cliInstallFixed = 'class LinuxInstaller { async install() { try { await this.createService(); await this.start() } catch (e) { console.error(e.toString(), e) } } }';

ruleTester.run('log-error-with-stack (system calls and command-line programs)', rule, {
  valid: [
    singleRemove,
    // fs-extra, awaited, with a path helper and an existence check beside the one call (homebridge).
    "import { ensureDir, pathExists } from 'fs-extra/esm'; import path from 'node:path'; class S { async reset(dir) { try { if (!(await pathExists(dir))) { await ensureDir(path.join(dir, 'plugins')) } } catch (e) { this.logger.error(`Failed to re-create ${dir} as ${e.message}.`) } } }",
    // TypeScript's CommonJS output: one read, parsed.
    "const promises_1 = require('node:fs/promises'); async function load(file) { try { return JSON.parse(await (0, promises_1.readFile)(file, 'utf8')) } catch (e) { console.error(`Could not read ${file}: ${e.message}`); return {} } }",
    // A command whose message carries the command line and its exit status.
    "const child_process_1 = require('child_process'); function stop(name) { try { (0, child_process_1.execSync)(`systemctl stop ${name}`) } catch (e) { console.error(`Failed to stop ${name} - ${e}`) } }",
    "import dns from 'node:dns/promises'; async function hostOf(ip) { try { return (await dns.reverse(ip))[0] } catch (err) { console.error(`rDNS failed for ${ip}: ${err.toString()}`); return ip } }",
    // The error-first callback of a child process or DNS call: the error is made inside Node.
    "const { exec } = require('child_process'); exec('systemctl restart app', (err) => { if (err) { console.error(err.message) } })",
    "const dns = require('dns'); dns.lookup(host, (err, address) => { if (err) console.error(`lookup ${host}: ${err.message}`); else connect(address) })",
    // Command-line programs: a `#!` line, or a file in a bin/ directory.
    `#!/usr/bin/env node
try { run() } catch (e) { console.error(e.toString()); process.exitCode = 1 }`,
    { code: cliInstall, filename: 'dist/bin/platforms/linux.js' },
    { code: cliInstall, filename: 'bin/cli.js' },
  ],
  invalid: [
    {
      code: singleRemove,
      options: [{ reportExpectedFailures: true }],
      output: singleRemoveFixed,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: singleRemoveFixed }] }],
    },
    {
      // Two system calls: which one failed, and from where, is the stack's to say.
      code: "const fs_1 = __importDefault(require('fs')); function clear(dir, other) { try { fs_1.default.rmSync(dir); fs_1.default.rmSync(other) } catch (e) { console.error(`Failed to remove: ${e.message}`) } }",
      output: "const fs_1 = __importDefault(require('fs')); function clear(dir, other) { try { fs_1.default.rmSync(dir); fs_1.default.rmSync(other) } catch (e) { console.error(`Failed to remove: ${e.message}`, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "const fs_1 = __importDefault(require('fs')); function clear(dir, other) { try { fs_1.default.rmSync(dir); fs_1.default.rmSync(other) } catch (e) { console.error(`Failed to remove: ${e.message}`, e) } }" }] }],
    },
    {
      // One system call beside the app's own work.
      code: "import fs from 'node:fs'; function save(settings) { try { fs.writeFileSync(settings.path, serialize(settings)) } catch (e) { console.error(`Failed to save settings: ${e.message}`) } }",
      output: "import fs from 'node:fs'; function save(settings) { try { fs.writeFileSync(settings.path, serialize(settings)) } catch (e) { console.error(`Failed to save settings: ${e.message}`, e) } }",
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: "import fs from 'node:fs'; function save(settings) { try { fs.writeFileSync(settings.path, serialize(settings)) } catch (e) { console.error(`Failed to save settings: ${e.message}`, e) } }" }] }],
    },
    {
      // A call named like fs on an object that is not node:fs.
      code: 'function clear(dir) { try { storage.rmSync(dir) } catch (e) { console.error(`Failed to remove ${dir}: ${e.message}`) } }',
      output: 'function clear(dir) { try { storage.rmSync(dir) } catch (e) { console.error(`Failed to remove ${dir}: ${e.message}`, e) } }',
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: 'function clear(dir) { try { storage.rmSync(dir) } catch (e) { console.error(`Failed to remove ${dir}: ${e.message}`, e) } }' }] }],
    },
    {
      code: cliInstall,
      filename: 'dist/bin/platforms/linux.js',
      options: [{ includeCommandLinePrograms: true }],
      output: cliInstallFixed,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: cliInstallFixed }] }],
    },
    {
      // `binary/` and `cabinet/` are not bin/.
      code: cliInstall,
      filename: 'src/binary/cli.js',
      output: cliInstallFixed,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: cliInstallFixed }] }],
    },
    {
      code: cliInstall,
      filename: 'src/cabinet/install.js',
      output: cliInstallFixed,
      errors: [{ messageId: 'stackLost', line: 1, suggestions: [{ messageId: 'addError', output: cliInstallFixed }] }],
    },
  ],
});
