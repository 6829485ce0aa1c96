import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

/**
 * Values the code itself treats as secrets: one the same function masks (`maskToken(id)`) and logs
 * raw beside the mask (snyk-broker's broker connection identifier), and Koa 0.x generator
 * middleware's `this.header` (cnpmjs.org's auth middleware).
 */
const ruleTester = new RuleTester();
const cjs = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'script' } } as const;

const MASKED = `const validate = async (headers, brokerConnectionIdentifier) => {
    const maskedToken = (0, token_1.maskToken)(brokerConnectionIdentifier);
    logger_1.log.debug({ maskedToken }, \`Validating auth for connection \${brokerConnectionIdentifier}\`);
};`;

ruleTester.run('no-raw-secret-in-log (values the code masks)', rule, {
  valid: [
    // only the masked form is logged
    { code: 'const validate = (id) => { log.debug({ token: maskToken(id) }, "validating"); };', languageOptions: cjs },
    // a hash or an anonymizer is also used on ids and addresses: not a sign of a secret
    { code: 'function track(userId, ip) { metrics.send(hash(userId), anonymize(ip)); log.info(`user ${userId} from ${ip}`); }', languageOptions: cjs },
    // masked in another function: this one's value is not known to be that secret
    { code: 'function a(id) { return maskToken(id); }\nfunction b(id) { log.info(`connection ${id}`); }', languageOptions: cjs },
    // Koa: `this.body` is the response's; a class's generator method is not middleware
    { code: 'var debug = require("debug")("app");\nmodule.exports = function* login(next) { this.body = { ok: true }; debug("answered %j", this.body); yield* next; };', languageOptions: cjs },
    { code: 'class Lexer { *tokens(next) { log.info(this.headers); } }', languageOptions: cjs },
  ],
  invalid: [
    {
      code: MASKED,
      languageOptions: cjs,
      errors: [
        {
          messageId: 'rawSecret',
          data: { description: 'The token `brokerConnectionIdentifier` (masked elsewhere in this function)' },
          suggestions: [
            { messageId: 'useSha256', output: `const { createHash } = require('node:crypto');\n${MASKED.replace('${brokerConnectionIdentifier}`', "${createHash('sha256').update(String(brokerConnectionIdentifier)).digest('hex').slice(0, 12)}`")}` },
            { messageId: 'redactValue', output: MASKED.replace('${brokerConnectionIdentifier}`', '[REDACTED]`') },
          ],
        },
      ],
    },
    {
      code: "var debug = require('debug')('registry:auth');\nmodule.exports = function () {\n  return function* auth(next) {\n    debug('auth fail headers: %j', this.header);\n    yield* next;\n  };\n};",
      languageOptions: cjs,
      errors: [{ messageId: 'secretObject', suggestions: [{ messageId: 'dropValue', output: "var debug = require('debug')('registry:auth');\nmodule.exports = function () {\n  return function* auth(next) {\n    debug('auth fail headers: %j');\n    yield* next;\n  };\n};" }, { messageId: 'redactValue', output: "var debug = require('debug')('registry:auth');\nmodule.exports = function () {\n  return function* auth(next) {\n    debug('auth fail headers: %j', '[REDACTED]');\n    yield* next;\n  };\n};" }] }],
    },
  ],
});
