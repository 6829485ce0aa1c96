import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

/**
 * A request value that a format package's check passed (`uuid.validate(id)`, `validate` imported from
 * 'uuid', `ObjectId.isValid(id)`, `semver.valid(v)`) is an identifier or a version where the log runs:
 * it holds no line break. Trimmed from signalk's notifications API (`if (uuid.validate(req.params.id))`).
 */
const ruleTester = new RuleTester();

ruleTester.run('no-log-injection (format packages\u2019 checks)', rule, {
  valid: [
    "const uuid = require('uuid');\napp.post('/notifications/:id/silence', (req, res) => {\n  if (!uuid.validate(req.params.id)) return res.status(400).json({ state: 'FAILED' });\n  logger.info(`silencing ${req.params.id}`);\n  res.json({ state: 'COMPLETED' });\n});",
    "import { validate as isUuid } from 'uuid';\napp.delete('/jobs/:id', (req, res) => {\n  if (isUuid(req.params.id)) {\n    console.log(`deleting job ${req.params.id}`);\n  }\n  res.end();\n});",
    "import { ObjectId } from 'mongodb';\napp.get('/posts/:id', (req, res) => {\n  if (!ObjectId.isValid(req.params.id)) throw new BadRequestError('bad id');\n  logger.warn(`post ${req.params.id} requested`);\n});",
    "const semver = require('semver');\napp.get('/plugins/:version', (req, res) => {\n  if (!semver.valid(req.params.version)) return res.sendStatus(400);\n  logger.info(`installing ${req.params.version}`);\n});",
  ],
  invalid: [
    // the check is of another value
    {
      code: "const uuid = require('uuid');\napp.post('/notifications/:id/silence', (req, res) => {\n  if (!uuid.validate(req.body.parent)) return res.status(400).json({ state: 'FAILED' });\n  logger.info(`silencing ${req.params.id}`);\n  res.json({ state: 'COMPLETED' });\n});",
      output: null,
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: "useFields", output: "const uuid = require('uuid');\napp.post('/notifications/:id/silence', (req, res) => {\n  if (!uuid.validate(req.body.parent)) return res.status(400).json({ state: 'FAILED' });\n  logger.info('silencing', { id: req.params.id });\n  res.json({ state: 'COMPLETED' });\n});" }] }],
    },
    // a `validate` of the app's own, not a format package's
    {
      code: "import { validate } from './schemas';\napp.delete('/jobs/:id', (req, res) => {\n  if (validate(req.params.id)) {\n    console.log(`deleting job ${req.params.id}`);\n  }\n  res.end();\n});",
      output: "import { validate } from './schemas';\napp.delete('/jobs/:id', (req, res) => {\n  if (validate(req.params.id)) {\n    console.log('deleting job', { id: req.params.id });\n  }\n  res.end();\n});",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: "useFields", output: "import { validate } from './schemas';\napp.delete('/jobs/:id', (req, res) => {\n  if (validate(req.params.id)) {\n    console.log('deleting job', { id: req.params.id });\n  }\n  res.end();\n});" }] }],
    },
    // `isValid` of a module that is no format package
    {
      code: "const form = require('./form');\napp.get('/posts/:id', (req, res) => {\n  if (!form.isValid(req.params.id)) throw new BadRequestError('bad id');\n  logger.warn(`post ${req.params.id} requested`);\n});",
      output: null,
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: "useFields", output: "const form = require('./form');\napp.get('/posts/:id', (req, res) => {\n  if (!form.isValid(req.params.id)) throw new BadRequestError('bad id');\n  logger.warn('post requested', { id: req.params.id });\n});" }] }],
    },
  ],
});
