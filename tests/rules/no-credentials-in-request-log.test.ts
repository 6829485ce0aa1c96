import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-credentials-in-request-log.js';

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

// An app whose logger module the rule reads one import away. It lives outside this repository's
// tests/ folder: the rule skips test and fixture paths.
const app = mkdtempSync(join(tmpdir(), 'access-log-app-'));
mkdirSync(join(app, 'src', 'lib'), { recursive: true });
writeFileSync(
  join(app, 'src', 'lib', 'logger.js'),
  `import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
    censor: '[redacted]',
  },
});
`,
);
writeFileSync(join(app, 'src', 'lib', 'plain-logger.ts'), "import pino from 'pino';\n\nexport const logger = pino({ level: 'info' });\n");
const server = join(app, 'src', 'server.ts');

const ALL_PATHS = `'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'`;

ruleTester.run('no-credentials-in-request-log', rule, {
  valid: [
    // --- a URL logged without the query, a file without secret query parameters, a format without :url ---
    "import morgan from 'morgan';\napp.use(morgan('combined'));\napp.get('/search', (req, res) => res.json(search(req.query.q)));",
    "import pinoHttp from 'pino-http';\napp.use(pinoHttp({\n  redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers[\"x-api-key\"]', 'res.headers[\"set-cookie\"]'],\n  serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0] }) },\n}));\napp.get('/export', (req, res) => res.json(exportFor(req.query.api_key)));",
    "import morgan from 'morgan';\napp.use(morgan(':method :status :response-time ms'));\napp.get('/export', (req, res) => res.json(exportFor(req.query.token)));",
    // --- pino-http: redacted inline, with custom serializers, or not logging requests ---
    `import pinoHttp from 'pino-http';
app.use(pinoHttp({ redact: [${ALL_PATHS}] }));`,
    `import pinoHttp from 'pino-http';
app.use(pinoHttp({ redact: { paths: ['req.headers', 'res.headers'], remove: true } }));`,
    `import { pinoHttp } from 'pino-http';
app.use(
  pinoHttp({
    logger,
    serializers: {
      req(req) {
        return { id: req.id, method: req.method, url: req.url?.split('?')[0], agent: req.headers['user-agent'] };
      },
      res(res) {
        return { statusCode: res.statusCode };
      },
    },
  }),
);`,
    "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ autoLogging: false }));",
    // options built elsewhere: cannot be read, so no finding
    "import pinoHttp from 'pino-http';\nimport { httpLoggerOptions } from './config';\napp.use(pinoHttp(httpLoggerOptions));",
    "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ ...baseOptions }));",
    // --- the logger handed to pino-http redacts them (same file, or the module it comes from) ---
    `import pino from 'pino';
import pinoHttp from 'pino-http';
const logger = pino({ redact: [${ALL_PATHS}] });
app.use(pinoHttp({ logger }));`,
    { filename: server, code: "import { pinoHttp } from 'pino-http';\nimport { logger } from './lib/logger.js';\napp.use(pinoHttp({ logger }));" },
    // a logger from a package: cannot be read, so no finding
    { filename: server, code: "import { pinoHttp } from 'pino-http';\nimport { logger } from '@acme/logging';\napp.use(pinoHttp({ logger }));" },
    // a logger from nowhere readable beside a partial list: it may redact the rest
    "import { pinoHttp } from 'pino-http';\napp.use(pinoHttp({ logger: getLogger(), redact: ['req.headers.authorization'] }));",
    // --- nestjs-pino ---
    `import { LoggerModule } from 'nestjs-pino';
@Module({ imports: [LoggerModule.forRoot({ pinoHttp: { redact: [${ALL_PATHS}] } })] })
export class AppModule {}`,
    // --- express-winston: headers left out, blacklisted, or no meta ---
    "const expressWinston = require('express-winston');\napp.use(expressWinston.logger({ winstonInstance: logger, requestWhitelist: ['url', 'method'] }));",
    "const expressWinston = require('express-winston');\napp.use(expressWinston.logger({ winstonInstance: logger, headerBlacklist: ['authorization', 'cookie', 'x-api-key'] }));",
    "const expressWinston = require('express-winston');\napp.use(expressWinston.logger({ winstonInstance: logger, meta: false }));",
    "const expressWinston = require('express-winston');\napp.use(expressWinston.errorLogger({ winstonInstance: logger }));",
    // --- morgan: the predefined formats print no credential ---
    "import morgan from 'morgan';\napp.use(morgan('combined'));\napp.use(morgan(':method :url :status :req[user-agent]'));",
    // Fastify's default serializers log no headers
    'import Fastify from "fastify";\nconst app = Fastify({ logger: true });',
    // test files set up throwaway loggers
    { filename: join(app, 'src', 'server.test.ts'), code: "import pinoHttp from 'pino-http';\napp.use(pinoHttp());" },
    // something else called pinoHttp
    'function pinoHttp() {}\napp.use(pinoHttp());',
  ],
  invalid: [
    // --- the full URL logged in a file that reads a credential from the query string ---
    {
      "code": "import expressWinston from 'express-winston';\napp.use(expressWinston.logger({ transports: [new winston.transports.Console()], headerBlacklist: ['authorization', 'cookie', 'x-api-key'] }));\napp.get('/export', (req, res) => res.json(exportFor(req.query.api_key)));",
      "errors": [
        {
          "messageId": "secretInUrl",
          "line": 2,
          "suggestions": [
            {
              "messageId": "stripQuery",
              "data": {
                "how": "a `requestFilter` that trims `url` and `originalUrl` and drops `query`, and a message with the path only"
              },
              "output": "import expressWinston from 'express-winston';\napp.use(expressWinston.logger({ transports: [new winston.transports.Console()], headerBlacklist: ['authorization', 'cookie', 'x-api-key'], msg: \"HTTP {{req.method}} {{String(req.originalUrl || req.url).split('?')[0]}}\", requestFilter: (req, propName) => (propName === 'url' || propName === 'originalUrl' ? String(req[propName]).split('?')[0] : propName === 'query' ? undefined : req[propName]) }));\napp.get('/export', (req, res) => res.json(exportFor(req.query.api_key)));"
            }
          ]
        }
      ],
      "output": null
    },
    {
      "code": "import morgan from 'morgan';\napp.use(morgan('combined'));\napp.get('/export', (req, res) => {\n  if (!isValidKey(req.query.api_key)) return res.sendStatus(401);\n  res.json(exportAll());\n});",
      "errors": [
        {
          "messageId": "secretInUrl",
          "line": 2
        }
      ],
      "output": null
    },
    {
      "code": "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers[\"x-api-key\"]', 'res.headers[\"set-cookie\"]'] }));\napp.get('/feed', (req, res) => {\n  const url = new URL(req.url, 'http://localhost');\n  const token = url.searchParams.get('token');\n  res.json(feedFor(token));\n});",
      "errors": [
        {
          "messageId": "secretInUrl",
          "line": 2,
          "suggestions": [
            {
              "messageId": "stripQuery",
              "data": {
                "how": "a `req` serializer that keeps the path"
              },
              "output": "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers[\"x-api-key\"]', 'res.headers[\"set-cookie\"]'], serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }) } }));\napp.get('/feed', (req, res) => {\n  const url = new URL(req.url, 'http://localhost');\n  const token = url.searchParams.get('token');\n  res.json(feedFor(token));\n});"
            }
          ]
        }
      ],
      "output": null
    },
    // --- pino-http with no options: every header of every request ---
    {
      code: "import pinoHttp from 'pino-http';\napp.use(pinoHttp());",
      output: `import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // CommonJS, options without redact
    {
      code: "const pinoHttp = require('pino-http');\napp.use(pinoHttp({ level: 'info' }));",
      output: `const pinoHttp = require('pino-http');\napp.use(pinoHttp({ level: 'info', redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // a redact list that misses some: extended, on several lines
    {
      code: `import { pinoHttp } from 'pino-http';
const httpLogger = pinoHttp({
  level: 'info',
  redact: ['req.headers.authorization'],
});
app.use(httpLogger);`,
      output: `import { pinoHttp } from 'pino-http';
const httpLogger = pinoHttp({
  level: 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
});
app.use(httpLogger);`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // the imported logger redacts nothing
    {
      filename: server,
      code: "import { pinoHttp } from 'pino-http';\nimport { logger } from './lib/plain-logger';\napp.use(pinoHttp({ logger }));",
      output: `import { pinoHttp } from 'pino-http';\nimport { logger } from './lib/plain-logger';\napp.use(pinoHttp({ logger, redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 3 }],
    },
    // a custom request serializer that still writes all headers
    {
      code: "import pinoHttp from 'pino-http';\napp.use(pinoHttp({ serializers: { req: (req) => ({ method: req.method, url: req.url, headers: req.headers }) } }));",
      output: `import pinoHttp from 'pino-http';\napp.use(pinoHttp({ serializers: { req: (req) => ({ method: req.method, url: req.url, headers: req.headers }) }, redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // --- express-pino-logger, koa-pino-logger, hono-pino ---
    {
      code: "import expressPino from 'express-pino-logger';\napp.use(expressPino());",
      output: `import expressPino from 'express-pino-logger';\napp.use(expressPino({ redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    {
      code: "const koaPino = require('koa-pino-logger');\napp.use(koaPino({ level: 'debug' }));",
      output: `const koaPino = require('koa-pino-logger');\napp.use(koaPino({ level: 'debug', redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    {
      code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger());",
      output: `import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ redact: [${ALL_PATHS}] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // --- nestjs-pino, sync and async ---
    {
      code: `import { LoggerModule } from 'nestjs-pino';
@Module({ imports: [LoggerModule.forRoot({ pinoHttp: { level: 'info' } })] })
export class AppModule {}`,
      output: `import { LoggerModule } from 'nestjs-pino';
@Module({ imports: [LoggerModule.forRoot({ pinoHttp: { level: 'info', redact: [${ALL_PATHS}] } })] })
export class AppModule {}`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    {
      code: `import { LoggerModule } from 'nestjs-pino';
LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config) => ({ pinoHttp: { level: config.get('LOG_LEVEL'), redact: ['req.headers.authorization', 'req.headers.cookie'] } }),
});`,
      output: `import { LoggerModule } from 'nestjs-pino';
LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config) => ({ pinoHttp: { level: config.get('LOG_LEVEL'), redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'] } }),
});`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // --- express-winston: the default requestWhitelist includes headers ---
    {
      code: "const expressWinston = require('express-winston');\napp.use(expressWinston.logger({ winstonInstance: logger, msg: 'HTTP {{req.method}} {{req.url}}' }));",
      output:
        "const expressWinston = require('express-winston');\napp.use(expressWinston.logger({ winstonInstance: logger, msg: 'HTTP {{req.method}} {{req.url}}', headerBlacklist: ['authorization', 'cookie', 'x-api-key'] }));",
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // --- morgan printing a credential header ---
    {
      code: "import morgan from 'morgan';\napp.use(morgan(':method :url :status :req[authorization] :res[set-cookie]'));",
      output: null,
      errors: [{ messageId: 'morganSecretToken', line: 2 }],
    },
    // --- settings secretHeaders (shared with every rule) ---
    {
      code: `import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: [${ALL_PATHS}] }));`,
      settings: { 'security-logging': { secretHeaders: ['X-Tenant-Token'] } },
      output: `import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: [${ALL_PATHS}, 'req.headers["x-tenant-token"]'] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
    // --- option secretHeaders ---
    {
      code: `import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: [${ALL_PATHS}] }));`,
      options: [{ secretHeaders: ['X-Tenant-Token'] }],
      output: `import pinoHttp from 'pino-http';\napp.use(pinoHttp({ redact: [${ALL_PATHS}, 'req.headers["x-tenant-token"]'] }));`,
      errors: [{ messageId: 'headersLogged', line: 2 }],
    },
  ],
});
