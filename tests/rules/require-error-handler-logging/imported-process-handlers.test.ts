import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * A process crash handler is what it runs, wherever it is written: `process.on('unhandledRejection', exit)`
 * with `exit` a function of another module of the project is read in that module (cloudcmd's bin/cloudcmd.js
 * and server/exit.js). Logging the parameter with its stack records the failure; logging at error level
 * without it (`console.error(a?.message || a)`) loses the stack of whatever killed the process.
 */
const { tree: project } = tempProject('require-error-handler-logging-imported-');

const exitMessageOnly = "import process from 'node:process';\n\nconst getMessage = (a) => a?.message || a;\n\nexport default (...args) => {\n    const messages = args.map(getMessage);\n    console.error(...messages);\n    process.exit(1);\n};\n";
const exitWithStack = "export default function exit(reason) {\n  console.error('fatal', reason);\n  process.exit(1);\n}\n";
const crashText = "module.exports = function onCrash(err) {\n  console.error('crash: ' + err.message);\n  process.exit(1);\n};\n";

const messageOnly = project('message-only', { 'package.json': JSON.stringify({ name: 'cc', type: 'module' }), 'server/exit.js': exitMessageOnly });
const withStack = project('with-stack', { 'package.json': JSON.stringify({ name: 'cc', type: 'module' }), 'server/exit.js': exitWithStack });
const commonjs = project('commonjs', { 'package.json': JSON.stringify({ name: 'cc' }), 'lib/crash.js': crashText });

const ruleTester = new RuleTester();

ruleTester.run('require-error-handler-logging (process handlers of another module)', rule, {
  valid: [
    // the imported handler logs the reason whole
    { filename: join(withStack, 'bin', 'cli.js'), code: "import exit from '../server/exit.js';\nprocess.on('unhandledRejection', exit);" },
    // a package's function: not read
    { filename: join(messageOnly, 'bin', 'cli.js'), code: "import exit from 'exit-hook';\nprocess.on('unhandledRejection', exit);" },
  ],
  invalid: [
    // cloudcmd: the imported handler prints only the message
    {
      filename: join(messageOnly, 'bin', 'cli.js'),
      code: "import exit from '../server/exit.js';\nprocess.on('unhandledRejection', exit);",
      errors: [{ messageId: 'stackLost', line: 2 }],
    },
    // CommonJS, uncaughtException, message concatenated
    {
      filename: join(commonjs, 'index.js'),
      code: "const onCrash = require('./lib/crash');\nprocess.on('uncaughtException', onCrash);",
      errors: [{ messageId: 'stackLost', line: 2 }],
    },
  ],
});
