import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();
const loggers = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/no-raw-secret-in-log/loggers');
const compiled = path.join(loggers, 'handlers.js');

// Issue 15, round 5 (a broker's compiled TypeScript): hashes and masks of a token, and objects built only from
// them; a token logged only where it is missing; header fields the named logger's serializer rewrites.
ruleTester.run('no-raw-secret-in-log (hashed and masked forms, missing values, serializers of a compiled logger module)', rule, {
  valid: [
    // the hash and the mask a compiled helper returns, destructured and logged
    `const token_1 = require("../utils/token");
const handleClose = (reason, token) => {
    if (token) {
        const { maskedToken, hashedToken } = (0, token_1.getDesensitizedToken)(token);
        log.info({ reason, maskedToken, hashedToken }, 'Client connection closed.');
    }
};`,
    // a hash made by a compiled call, logged under its own name
    `const token_1 = require("./token");
app.use((err, req, res, next) => {
    const brokerToken = (0, token_1.extractBrokerTokenFromUrl)(req.url);
    const hashedToken = (0, token_1.hashToken)(brokerToken);
    log.error({ hashedToken, maskedToken: (0, token_1.maskToken)(brokerToken), error: err }, 'Error receiving request');
    next(err);
});`,
    // the desensitized form as a whole, and a log context built only from its fields
    `const token_1 = require("../utils/token");
const handlePostResponse = (req, res) => {
    const token = req.params.brokerToken;
    const desensitizedToken = (0, token_1.getDesensitizedToken)(token);
    const logContext = {
        hashedToken: desensitizedToken.hashedToken,
        maskedToken: desensitizedToken.maskedToken,
        streamingID: req.params.streamingId,
        productLine: req.headers['snyk-product-line'],
    };
    log.debug(logContext, 'Handling response-data request.');
    log.warn({ desensitizedToken, requestId: req.requestId }, 'No matching connection found.');
    log.error({ ...logContext, error: new Error('x') }, 'Failed.');
};`,
    // hashes of a random token under other names
    "logger.info({ tokenHash, apiKeyHash: sha256(apiKey), HASHED_TOKEN }, 'token stored');",
    // a token logged only in the branch where it is missing
    `async function getServerId(config, brokerToken) {
    if (!brokerToken) {
        log.error({ token: brokerToken }, 'missing client token');
        throw new Error('BROKER_TOKEN is required');
    }
    return fetchServerId(config, brokerToken);
}`,
    `const validateMinimalConfig = async (clientOpts) => {
    if (!clientOpts.config.brokerToken && !clientOpts.config.universalBrokerEnabled) {
        const brokerToken = clientOpts.config.brokerToken;
        // null, undefined, empty, etc.
        log.error({ brokerToken }, '[MISSING_BROKER_TOKEN] BROKER_TOKEN is required');
        throw new ReferenceError('BROKER_TOKEN is required');
    }
};`,
    `const handleIdentify = (clientData, socket, token) => {
    if (typeof clientData === 'object') {
        token = clientData.token && clientData.token.toLowerCase();
    } else {
        token = clientData.toLowerCase();
    }
    if (!token) {
        log.warn({ token, metadata: clientData.metadata }, 'New client connection identified without a token.');
        return false;
    }
    return true;
};`,
    "function connect(apiKey) {\n  if (apiKey) {\n    client.connect(apiKey);\n  } else {\n    logger.warn(`no API key set (apiKey=${apiKey})`);\n  }\n}",
    // header fields the compiled logger module's serializers rewrite (Authorization replaced)
    {
      code: `const logger_1 = require("./compiled-logger");
app.use((err, req, res, next) => {
    logger_1.log.error({ url: req.url, requestHeaders: req.headers, error: err }, 'Error occurred receiving http request');
    next(err);
});`,
      filename: compiled,
    },
    {
      code: `const logger_1 = require("./compiled-logger");
const validateBrokerTypeMiddleware = (req, res, next) => {
    if (!req.headers['x-snyk-broker-type']) {
        const logContext = { url: req.url, headers: req.headers, requestId: req.requestId };
        logger_1.log.warn(logContext, 'Request does not contain the x-snyk-broker-type header.');
    }
    next();
};`,
      filename: compiled,
    },
    // an interactive license generator prints the license it was asked for on the operator's terminal
    `const promptly = require('promptly');
const jwt = require('jsonwebtoken');
async function main() {
    const passphrase = await promptly.password('Passphrase: ', { replace: '*' });
    const licenseText = jwt.sign(licenseDetails, { key, passphrase }, { algorithm: 'ES256' });
    console.info('License:');
    console.info(licenseText);
}`,
  ],
  invalid: [
    // the raw token next to its hash
    {
      code: "const token_1 = require('./token');\nfunction close(token) {\n  const hashedToken = (0, token_1.hashToken)(token);\n  log.info({ hashedToken, token }, 'closed');\n}",
      errors: [{"messageId":"rawSecret","line":4,"suggestions":[{"messageId":"useSha256","output":"const token_1 = require('./token');\nconst { createHash } = require('node:crypto');\nfunction close(token) {\n  const hashedToken = (0, token_1.hashToken)(token);\n  log.info({ hashedToken, token: createHash('sha256').update(String(token)).digest('hex').slice(0, 12) }, 'closed');\n}"},{"messageId":"dropValue","output":"const token_1 = require('./token');\nfunction close(token) {\n  const hashedToken = (0, token_1.hashToken)(token);\n  log.info({ hashedToken }, 'closed');\n}"},{"messageId":"redactValue","output":"const token_1 = require('./token');\nfunction close(token) {\n  const hashedToken = (0, token_1.hashToken)(token);\n  log.info({ hashedToken, token: '[REDACTED]' }, 'closed');\n}"}]}],
    },
    // a hashed password can be guessed; a compiled producer returns the token its name says
    {
      code: "const auth_1 = require('./auth');\nlog.info({ hashedPassword });\nconst t = (0, auth_1.getAccessToken)();\nlog.info({ t });",
      errors: [{"messageId":"rawSecret","line":2,"suggestions":[{"messageId":"useSha256","output":"const auth_1 = require('./auth');\nconst { createHash } = require('node:crypto');\nlog.info({ hashedPassword: createHash('sha256').update(String(hashedPassword)).digest('hex').slice(0, 12) });\nconst t = (0, auth_1.getAccessToken)();\nlog.info({ t });"},{"messageId":"dropValue","output":"const auth_1 = require('./auth');\nlog.info({});\nconst t = (0, auth_1.getAccessToken)();\nlog.info({ t });"},{"messageId":"redactValue","output":"const auth_1 = require('./auth');\nlog.info({ hashedPassword: '[REDACTED]' });\nconst t = (0, auth_1.getAccessToken)();\nlog.info({ t });"}]},{"messageId":"rawSecret","line":4,"suggestions":[{"messageId":"useSha256","output":"const auth_1 = require('./auth');\nconst { createHash } = require('node:crypto');\nlog.info({ hashedPassword });\nconst t = (0, auth_1.getAccessToken)();\nlog.info({ t: createHash('sha256').update(String(t)).digest('hex').slice(0, 12) });"},{"messageId":"dropValue","output":"const auth_1 = require('./auth');\nlog.info({ hashedPassword });\nconst t = (0, auth_1.getAccessToken)();\nlog.info({});"},{"messageId":"redactValue","output":"const auth_1 = require('./auth');\nlog.info({ hashedPassword });\nconst t = (0, auth_1.getAccessToken)();\nlog.info({ t: '[REDACTED]' });"}]}],
    },
    // logged where the token is present, where another value is missing, or after the branch assigned it
    {
      code: "function a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}",
      errors: [{"messageId":"rawSecret","line":2,"suggestions":[{"messageId":"useSha256","output":"import { createHash } from 'node:crypto';\nfunction a(token, user, req) {\n  if (token) log.info({ token: createHash('sha256').update(String(token)).digest('hex').slice(0, 12) }, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}"},{"messageId":"dropValue","output":"function a(token, user, req) {\n  if (token) log.info({}, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}"},{"messageId":"redactValue","output":"function a(token, user, req) {\n  if (token) log.info({ token: '[REDACTED]' }, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}"}]},{"messageId":"rawSecret","line":3,"suggestions":[{"messageId":"useSha256","output":"import { createHash } from 'node:crypto';\nfunction a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({ token: createHash('sha256').update(String(token)).digest('hex').slice(0, 12) }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}"},{"messageId":"dropValue","output":"function a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({}, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}"},{"messageId":"redactValue","output":"function a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({ token: '[REDACTED]' }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token }, 'token from query');\n  }\n}"}]},{"messageId":"rawSecret","line":6,"suggestions":[{"messageId":"useSha256","output":"import { createHash } from 'node:crypto';\nfunction a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token: createHash('sha256').update(String(token)).digest('hex').slice(0, 12) }, 'token from query');\n  }\n}"},{"messageId":"dropValue","output":"function a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({}, 'token from query');\n  }\n}"},{"messageId":"redactValue","output":"function a(token, user, req) {\n  if (token) log.info({ token }, 'got token');\n  if (!user) log.warn({ token }, 'no user');\n  if (!token) {\n    token = req.query.token;\n    log.info({ token: '[REDACTED]' }, 'token from query');\n  }\n}"}]}],
    },
    // the same license printed by a program that prompts nobody, or written through a logger
    {
      code: "const jwt = require('jsonwebtoken');\nfunction main() {\n  const licenseText = jwt.sign(licenseDetails, { key, passphrase }, { algorithm: 'ES256' });\n  console.info(licenseText);\n}",
      errors: [{"messageId":"rawSecret","line":4,"suggestions":[{"messageId":"useSha256","output":"const jwt = require('jsonwebtoken');\nconst { createHash } = require('node:crypto');\nfunction main() {\n  const licenseText = jwt.sign(licenseDetails, { key, passphrase }, { algorithm: 'ES256' });\n  console.info(createHash('sha256').update(String(licenseText)).digest('hex').slice(0, 12));\n}"},{"messageId":"redactValue","output":"const jwt = require('jsonwebtoken');\nfunction main() {\n  const licenseText = jwt.sign(licenseDetails, { key, passphrase }, { algorithm: 'ES256' });\n  console.info('[REDACTED]');\n}"}]}],
    },
    {
      code: "const promptly = require('promptly');\nconst jwt = require('jsonwebtoken');\nasync function main() {\n  const passphrase = await promptly.password('Passphrase: ');\n  const licenseText = jwt.sign(licenseDetails, { key, passphrase });\n  logger.info(licenseText);\n}",
      errors: [{"messageId":"rawSecret","line":6,"suggestions":[{"messageId":"useSha256","output":"const promptly = require('promptly');\nconst jwt = require('jsonwebtoken');\nconst { createHash } = require('node:crypto');\nasync function main() {\n  const passphrase = await promptly.password('Passphrase: ');\n  const licenseText = jwt.sign(licenseDetails, { key, passphrase });\n  logger.info(createHash('sha256').update(String(licenseText)).digest('hex').slice(0, 12));\n}"},{"messageId":"redactValue","output":"const promptly = require('promptly');\nconst jwt = require('jsonwebtoken');\nasync function main() {\n  const passphrase = await promptly.password('Passphrase: ');\n  const licenseText = jwt.sign(licenseDetails, { key, passphrase });\n  logger.info('[REDACTED]');\n}"}]}],
    },
    // a field no serializer of the compiled logger covers, and a log context with the headers through a logger without serializers
    {
      code: "const logger_1 = require(\"./compiled-logger\");\napp.use((req, res, next) => {\n    logger_1.log.warn({ reqHeaders: req.headers }, 'headers');\n    const logContext = { url: req.url, headers: req.headers };\n    console.warn(logContext);\n    next();\n});",
      filename: compiled,
      errors: [{"messageId":"secretObject","line":3,"suggestions":[{"messageId":"dropValue","output":"const logger_1 = require(\"./compiled-logger\");\napp.use((req, res, next) => {\n    logger_1.log.warn({}, 'headers');\n    const logContext = { url: req.url, headers: req.headers };\n    console.warn(logContext);\n    next();\n});"},{"messageId":"redactValue","output":"const logger_1 = require(\"./compiled-logger\");\napp.use((req, res, next) => {\n    logger_1.log.warn({ reqHeaders: '[REDACTED]' }, 'headers');\n    const logContext = { url: req.url, headers: req.headers };\n    console.warn(logContext);\n    next();\n});"}]},{"messageId":"secretObject","line":5,"suggestions":[{"messageId":"redactValue","output":"const logger_1 = require(\"./compiled-logger\");\napp.use((req, res, next) => {\n    logger_1.log.warn({ reqHeaders: req.headers }, 'headers');\n    const logContext = { url: req.url, headers: req.headers };\n    console.warn('[REDACTED]');\n    next();\n});"}]}],
    },
  ],
});
