import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

/**
 * A command-line command's handler (commander / cac `.command(…).action(cb)`, yargs' `.command(name, desc, builder,
 * handler)`) that prints with `console` the key it was asked to create answers the operator on their terminal
 * (NocoBase's `generate-api-key`, round 15 of the accuracy harness, held out). The same key written through the
 * app's logger, or printed by a server event listener, stays reported.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-raw-secret-in-log (command-line command handlers)', rule, {
  valid: ["function generateAPIKeyCommand(app) {\n  app.command('generate-api-key').preload().requiredOption('-n, --name <name>', 'The name of the API key').action(async (options) => {\n    const token = await app.pm.get('api-keys').generateAPIKey(options);\n    console.log('-----BEGIN API KEY-----');\n    console.log(token);\n    console.log('-----END API KEY-----');\n  });\n}\nmodule.exports = generateAPIKeyCommand;\n", "yargs.command('token', 'create a token', (y) => y, async (argv) => {\n  const token = await createToken(argv.user);\n  console.log(token);\n});\n"],
  invalid: [
    {
      "code": "function generateAPIKeyCommand(app, logger) {\n  app.command('generate-api-key').action(async (options) => {\n    const token = await app.pm.get('api-keys').generateAPIKey(options);\n    logger.info(token);\n  });\n  app.on('afterStart', async () => {\n    const token = await app.pm.get('api-keys').generateAPIKey({});\n    console.log(token);\n  });\n}\nmodule.exports = generateAPIKeyCommand;\n",
      "errors": [
        {
          "messageId": "rawSecret",
          "line": 4,
          "suggestions": [
            {
              "messageId": "useSha256",
              "data": {
                "text": "token"
              },
              "output": "const { createHash } = require('node:crypto');\nfunction generateAPIKeyCommand(app, logger) {\n  app.command('generate-api-key').action(async (options) => {\n    const token = await app.pm.get('api-keys').generateAPIKey(options);\n    logger.info(createHash('sha256').update(String(token)).digest('hex').slice(0, 12));\n  });\n  app.on('afterStart', async () => {\n    const token = await app.pm.get('api-keys').generateAPIKey({});\n    console.log(token);\n  });\n}\nmodule.exports = generateAPIKeyCommand;\n"
            },
            {
              "messageId": "redactValue",
              "data": {
                "text": "token"
              },
              "output": "function generateAPIKeyCommand(app, logger) {\n  app.command('generate-api-key').action(async (options) => {\n    const token = await app.pm.get('api-keys').generateAPIKey(options);\n    logger.info('[REDACTED]');\n  });\n  app.on('afterStart', async () => {\n    const token = await app.pm.get('api-keys').generateAPIKey({});\n    console.log(token);\n  });\n}\nmodule.exports = generateAPIKeyCommand;\n"
            }
          ]
        },
        {
          "messageId": "rawSecret",
          "line": 8,
          "suggestions": [
            {
              "messageId": "useSha256",
              "data": {
                "text": "token"
              },
              "output": "const { createHash } = require('node:crypto');\nfunction generateAPIKeyCommand(app, logger) {\n  app.command('generate-api-key').action(async (options) => {\n    const token = await app.pm.get('api-keys').generateAPIKey(options);\n    logger.info(token);\n  });\n  app.on('afterStart', async () => {\n    const token = await app.pm.get('api-keys').generateAPIKey({});\n    console.log(createHash('sha256').update(String(token)).digest('hex').slice(0, 12));\n  });\n}\nmodule.exports = generateAPIKeyCommand;\n"
            },
            {
              "messageId": "redactValue",
              "data": {
                "text": "token"
              },
              "output": "function generateAPIKeyCommand(app, logger) {\n  app.command('generate-api-key').action(async (options) => {\n    const token = await app.pm.get('api-keys').generateAPIKey(options);\n    logger.info(token);\n  });\n  app.on('afterStart', async () => {\n    const token = await app.pm.get('api-keys').generateAPIKey({});\n    console.log('[REDACTED]');\n  });\n}\nmodule.exports = generateAPIKeyCommand;\n"
            }
          ]
        }
      ]
    },
  ],
});
