import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();

// Namespaced debug functions (the `debug` package, a project's `createDebug` wrapper) write to stderr once
// their namespace is on: a login message dumped there leaks its password (signalk's WebSocket interface, issue 18).
const wsLogin = (log: string) =>
  `const debug = (0, debug_1.createDebug)('server:ws');\nfunction start(primus) {\n  primus.on('connection', (spark) => {\n    spark.on('data', (msg) => {\n      const parsed = JSON.parse(String(msg));\n      ${log};\n      if (parsed.login) processLogin(spark, parsed);\n    });\n  });\n}\nfunction processLogin(spark, msg) {\n  return security.login(msg.login.username, msg.login.password);\n}`;

ruleTester.run('no-raw-secret-in-log (debug functions)', rule, {
  valid: [
    // a harmless field of the message
    wsLogin("debug.enabled && debug('< ' + parsed.requestId)"),
    // a function that is not a debug function
    wsLogin("track('< ' + JSON.stringify(parsed))"),
    // the debug package with a value that carries no secret
    "const debug = require('debug')('app:users');\nfunction show(user) { debug('user %s', user.name); }",
  ],
  invalid: [
    {
      code: wsLogin("debug.enabled && debug('<' + JSON.stringify(parsed))"),
      errors: [{ messageId: 'secretObject', line: 6, suggestions: [{ messageId: 'redactValue', output: wsLogin("debug.enabled && debug('<' + JSON.stringify('[REDACTED]'))") }] }],
    },
    {
      code: "import createDebug from 'debug';\nconst debug = createDebug('app:auth');\nexport function login(req) { debug('login attempt password=%s', req.body.password); }",
      errors: [
        {
          messageId: 'rawSecret',
          line: 3,
          suggestions: [
            { messageId: 'useSha256', output: "import createDebug from 'debug';\nimport { createHash } from 'node:crypto';\nconst debug = createDebug('app:auth');\nexport function login(req) { debug('login attempt password=%s', createHash('sha256').update(String(req.body.password)).digest('hex').slice(0, 12)); }" },
            { messageId: 'dropValue', output: "import createDebug from 'debug';\nconst debug = createDebug('app:auth');\nexport function login(req) { debug('login attempt password=%s'); }" },
            { messageId: 'redactValue', output: "import createDebug from 'debug';\nconst debug = createDebug('app:auth');\nexport function login(req) { debug('login attempt password=%s', '[REDACTED]'); }" },
          ],
        },
      ],
    },
  ],
});
