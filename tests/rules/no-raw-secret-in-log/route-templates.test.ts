import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();

// A route path written as a template literal is a path: the handler is not request-wide middleware (signalk's
// resources and autopilot APIs). A config-named variable compared with a string holds one setting's text, not the
// configuration (verdaccio's favicon setting). Issue 18.
ruleTester.run('no-raw-secret-in-log (template route paths, one setting by a config name)', rule, {
  valid: [
    "server.put(`${RESOURCES_API_PATH}/:resourceType/:resourceId`, async (req, res) => {\n  logger.debug(req.body);\n  res.json(await save(req.params.resourceId, req.body));\n});",
    "this.server.use(`${AUTOPILOT_API_PATH}/*`, (req, res, next) => {\n  logger.debug('Autopilot', req.method, req.path, req.body);\n  next();\n});",
    { code: "const logoConf = config?.web?.favicon;\nif (logoConf === '') {\n  res.status(404);\n} else {\n  logger.debug('redirect to %o', logoConf);\n}", options: [{ configObjects: true }] },
  ],
  invalid: [
    // a path with a credential word
    {
      code: "app.post(`${API_PATH}/login`, async (req, res) => {\n  logger.debug(req.body);\n  res.json(await signIn(req.body));\n});",
      errors: [{ messageId: 'secretObject', line: 2, suggestions: [{ messageId: 'redactValue', output: "app.post(`${API_PATH}/login`, async (req, res) => {\n  logger.debug('[REDACTED]');\n  res.json(await signIn(req.body));\n});" }] }],
    },
    // no path at all: every request's body
    {
      code: "app.use(async (req, res, next) => {\n  logger.debug(req.body);\n  next();\n});",
      errors: [{ messageId: 'secretObject', line: 2, suggestions: [{ messageId: 'redactValue', output: "app.use(async (req, res, next) => {\n  logger.debug('[REDACTED]');\n  next();\n});" }] }],
    },
    // a config-named value that is never compared with a string
    {
      code: "const appConf = loadConfig();\nlogger.info('starting with %o', appConf);",
      options: [{ configObjects: true }],
      errors: [{ messageId: 'secretObject', line: 2, suggestions: [{ messageId: 'dropValue', output: "const appConf = loadConfig();\nlogger.info('starting with %o');" }] }],
    },
  ],
});
