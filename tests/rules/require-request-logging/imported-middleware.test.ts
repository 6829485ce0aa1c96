import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * Session 35: a middleware the app registers from a module of its own project, which logs every request
 * (`logger.info(`${ctx.url}, user IP: ${ctx.ip}`)` in `./middleware/header`), is request logging, as the
 * same function written in the app's file is. One that only logs some requests is not.
 */
const { tree: project } = tempProject('require-request-logging-imported-');

const app = `const Koa = require('koa');
const onerror = require('./middleware/onerror');
const header = require('./middleware/header');
const router = require('./router');

const app = new Koa();
app.use(onerror);
app.use(header);
app.use(router.routes());
module.exports = app.listen(1200);
`;
const esApp = `import express from 'express';
import access from './middleware/access.js';
const app = express();
app.use(access);
app.get('/items', (req, res) => res.json([]));
app.listen(3000);
`;

const logs = project('logs', {
  'app.js': app,
  'middleware/header.js': "const logger = require('../utils/logger');\nmodule.exports = async (ctx, next) => {\n  logger.info(`${ctx.url}, user IP: ${ctx.ips[0] || ctx.ip}`);\n  ctx.set({ 'Access-Control-Allow-Origin': `${ctx.host}` });\n  await next();\n};\n",
});
const esLogs = project('es-logs', {
  'app.js': esApp,
  'middleware/access.js': "import logger from '../logger.js';\nexport default function access(req, res, next) {\n  res.on('finish', () => logger.info('request', { status: res.statusCode }));\n  next();\n}\n",
});
const someOnly = project('some-only', {
  'app.js': app,
  'middleware/header.js': "const logger = require('../utils/logger');\nmodule.exports = async (ctx, next) => {\n  ctx.set({ 'Access-Control-Allow-Origin': `${ctx.host}` });\n  await next();\n  if (ctx.status >= 500) logger.warn('server error');\n};\n",
});

const ruleTester = new RuleTester();

ruleTester.run('require-request-logging (middleware from a project module)', rule, {
  valid: [
    { filename: join(logs, 'app.js'), code: app },
    { filename: join(esLogs, 'app.js'), code: esApp },
  ],
  invalid: [
    // the imported middleware logs only failed requests: no record of each request
    { filename: join(someOnly, 'app.js'), code: app, errors: [{ messageId: 'missingRequestLogging', line: 6 }] },
  ],
});
