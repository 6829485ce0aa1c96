import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../../src/rules/no-log-injection.js';

/**
 * A logger that writes JSON lines (pino, bunyan, Fastify's request logger, winston with a json format)
 * escapes CR/LF inside the message string, so request input in its message cannot forge a line: not
 * reported by default, reported with `includeJsonLoggers` (strict). Plain-text loggers stay reported.
 */
const ruleTester = new RuleTester();
const js = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } as const;
const cjs = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'script' } } as const;
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/log-formats');
const inFixtures = path.join(fixtures, 'routes.js');
const inBackstagePlugin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/backstage-plugin/dist/service/SignalManager.cjs.js');

// Backstage's events backend (compiled): the LoggerService handed to the plugin writes JSON lines in production
const BACKSTAGE_ROUTER = "'use strict';\nvar express = require('express');\nvar pluginEventsNode = require('@backstage/plugin-events-node');\nasync function createEventBusRouter(options) {\n  const logger = options.logger.child({ type: 'EventBus' });\n  const apiRouter = express.Router();\n  apiRouter.post('/bus/v1/events', async (req, res) => {\n    const topic = req.body.event.topic;\n    logger.debug(`Published event to '${topic}'`);\n    res.status(201).end();\n  });\n  return apiRouter;\n}\nexports.createEventBusRouter = createEventBusRouter;\n";
// @backstage/plugin-signals-backend's SignalManager (trimmed): handed `options.logger`, it imports nothing of Backstage;
// its package depends on @backstage/backend-plugin-api
const SIGNAL_MANAGER = "'use strict';\nclass SignalManager {\n  constructor(options) {\n    this.logger = options.logger.child({ subscriberId: options.id });\n  }\n  addConnection(ws) {\n    ws.on('message', (data) => {\n      this.logger.debug(`Received message from connection: ${data}`);\n    });\n  }\n}\nexports.SignalManager = SignalManager;\n";
// snyk-broker's checks handler: the route parameter in the message of the bunyan logger its logs module exports
const COMPILED_BUNYAN = `"use strict";
const logger_1 = require("./compiled-bunyan");
const handleCheckIdsRoutes = (config) => async (req, res) => {
    try {
        res.status(200).json(await runCheck(config, req.params.checkId));
    } catch (error) {
        logger_1.log.error({ error }, \`Error executing check with id: \${req.params.checkId}\`);
        res.status(500).json({ error: 'failed' });
    }
};
exports.handleCheckIdsRoutes = handleCheckIdsRoutes;`;
// flowise's shape: json() and then printf() in one combine(): the printf text is what is written
const TEXT_WINSTON = `const logger_1 = __importDefault(require("./text-winston"));
app.get('/listeners/:listenerId', (req, res) => { const line = \`listener \${req.params.listenerId} not found\`; logger_1.default.warn(line); res.sendStatus(404); });`;

ruleTester.run('no-log-injection (JSON-lines loggers)', rule, {
  valid: [
    { code: BACKSTAGE_ROUTER, languageOptions: cjs },
    { code: SIGNAL_MANAGER, filename: inBackstagePlugin, languageOptions: cjs },
    { code: COMPILED_BUNYAN, filename: inFixtures, languageOptions: cjs },
    // a pino logger created in the file, also a child of it
    { code: "import pino from 'pino';\nconst log = pino({ level: 'info' }).child({ module: 'search' });\napp.get('/', (req, res) => { log.info(`q ${req.query.q}`); });", languageOptions: js },
    // FlowFuse: the Fastify instance logger inside a Fastify route
    {
      code: "module.exports = fp(async function (app) {\n  app.post('/account/register', { schema: {} }, async (request, reply) => {\n    app.log.info(`Invited user found ${request.body.email}`);\n    reply.send({});\n  });\n}, { name: 'auth' });",
      languageOptions: cjs,
    },
    'fastify.post("/users", async (request, reply) => { request.log.info(`creating ${request.body.username}`) })',
    // a one-parameter route the handler model does not place, in a file that names Fastify
    { code: "export async function ordersRoutes(fastify) {\n  fastify.get('/', async (request) => {\n    request.log.info(`order search: ${request.query.q}`);\n    return [];\n  });\n}", languageOptions: js },
    // winston's default format and an explicit json() after field formats
    { code: "import winston from 'winston';\nconst logger = winston.createLogger({ level: 'info' });\napp.get('/', (req, res) => { logger.info(`q ${req.query.q}`); });", languageOptions: js },
    {
      code: "const winston = require('winston');\nconst { combine, timestamp, json } = winston.format;\nconst logger = winston.createLogger({ format: combine(timestamp(), json()), transports: [new winston.transports.Console(), new winston.transports.File({ filename: 'app.log' })] });\napp.get('/', (req, res) => { logger.info('q ' + req.query.q); });",
      languageOptions: cjs,
    },
    // a class field holding a bunyan logger
    { code: "import bunyan from 'bunyan';\nclass Api { log = bunyan.createLogger({ name: 'api' });\n  mount(app) { app.get('/:id', (req, res) => { this.log.info(`get ${req.params.id}`); }); } }", languageOptions: js },
    // a named pino export of another module
    { code: "import { jsonLogger } from './json-loggers.mjs';\napp.get('/', (req, res) => { jsonLogger.info(`q ${req.query.q}`); });", filename: inFixtures, languageOptions: js },
  ],
  invalid: [
    // strict: the same JSON-lines loggers are reported with includeJsonLoggers
    {
      code: BACKSTAGE_ROUTER,
      languageOptions: cjs,
      options: [{ includeJsonLoggers: true }],
      errors: [{ messageId: 'injection', line: 9, suggestions: [{ messageId: 'useFields', output: BACKSTAGE_ROUTER.replace("logger.debug(`Published event to '${topic}'`)", "logger.debug('Published event to', { topic })") }] }],
    },
    {
      code: COMPILED_BUNYAN,
      filename: inFixtures,
      languageOptions: cjs,
      options: [{ includeJsonLoggers: true }],
      errors: [{ messageId: 'injection', line: 7, suggestions: [{ messageId: 'useFields', output: COMPILED_BUNYAN.replace('logger_1.log.error({ error }, `Error executing check with id: ${req.params.checkId}`)', "logger_1.log.error({ error, checkId: req.params.checkId }, 'Error executing check with id')") }] }],
    },
    // the same service file in a package that does not depend on Backstage's backend API: the logger is not known
    {
      code: SIGNAL_MANAGER,
      filename: inFixtures,
      languageOptions: cjs,
      errors: [{ messageId: 'injection', line: 8, suggestions: [{ messageId: 'useFields', output: SIGNAL_MANAGER.replace('this.logger.debug(`Received message from connection: ${data}`)', "this.logger.debug({ message: 'Received message from connection', data })") }] }],
    },
    // text loggers: winston's printf after json(), here and in another module
    { code: TEXT_WINSTON, filename: inFixtures, languageOptions: cjs, errors: [{ messageId: 'injection', line: 2 }] },
    {
      code: "const winston = require('winston');\nconst { combine, timestamp, json, printf } = winston.format;\nconst logger = winston.createLogger({ format: combine(timestamp(), json(), printf((i) => `${i.level}: ${i.message}`)) });\napp.get('/', (req, res) => { const line = 'q ' + req.query.q; logger.info(line); });",
      languageOptions: cjs,
      errors: [{ messageId: 'injection', line: 4 }],
    },
    // a transport with its own text format, and transports the code does not show
    {
      code: "const winston = require('winston');\nconst logger = winston.createLogger({ transports: [new winston.transports.Console({ format: winston.format.simple() })] });\napp.get('/', (req, res) => { const line = 'q ' + req.query.q; logger.info(line); });",
      languageOptions: cjs,
      errors: [{ messageId: 'injection', line: 3 }],
    },
    {
      code: "const winston = require('winston');\nconst logger = winston.createLogger({ transports: [...extraTransports] });\napp.get('/', (req, res) => { const line = 'q ' + req.query.q; logger.info(line); });",
      languageOptions: cjs,
      errors: [{ messageId: 'injection', line: 3 }],
    },
    // pino printed through pino-pretty, here and in another module
    {
      code: "import pino from 'pino';\nconst log = pino({ transport: { target: 'pino-pretty' } });\napp.get('/', (req, res) => { const line = `q ${req.query.q}`; log.info(line); });",
      languageOptions: js,
      errors: [{ messageId: 'injection', line: 3 }],
    },
    {
      code: "import { prettyLogger } from './json-loggers.mjs';\napp.get('/', (req, res) => { const line = `q ${req.query.q}`; prettyLogger.info(line); });",
      filename: inFixtures,
      languageOptions: js,
      errors: [{ messageId: 'injection', line: 2 }],
    },
    // bunyan through a formatting stream
    {
      code: "const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'a', stream: bunyanFormat({ outputMode: 'short' }) });\napp.get('/', (req, res) => { const line = `q ${req.query.q}`; log.info(line); });",
      languageOptions: cjs,
      errors: [{ messageId: 'injection', line: 3 }],
    },
    // req.log of an Express app is not known to be pino's
    {
      code: "app.get('/', (req, res) => { const line = `q ${req.query.q}`; req.log.info(line); res.end(); });",
      languageOptions: js,
      errors: [{ messageId: 'injection', line: 1 }],
    },
  ],
});
