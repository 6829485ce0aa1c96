import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino, fingerprint } from './_shared.js';

/**
 * The `identity` setting on a failed password re-check: 'raw' logs the attempted identity as is,
 * 'omit' never logs it, 'hash' (the default) logs it through the configured fingerprint helper or
 * hashes it inline in the suggestion. A re-check logged at warn with its reason is fine in every mode.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (identity)', rule, {
  valid: [
    // A password re-check that is logged (at warn, with its reason) is fine whatever identity mode says.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', path: req.path }, 'password re-check failed');
    return res.status(401).json({ error: 'Wrong password' });
  }
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'omit' } },
    },
    {
      code: `app.post('/account/email', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, req.user.hash))) {
    req.log.warn({ reason: 'invalid_credentials' }, 'password re-check failed');
    return res.status(401).end();
  }
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'raw' } },
    },
    {
      code: `app.post('/account/email', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, req.user.hash))) {
    logger.warn({ reason: 'invalid_credentials', userHash: fingerprint(String(req.user.id)) }, 'password re-check failed');
    return res.status(401).end();
  }
  res.sendStatus(204);
});`,
      settings: fingerprint,
    },
    {
      code: `app.post('/account/email', async (req, res) => {
  if (!(await bcrypt.compare(req.body.password, req.user.hash))) {
    console.warn('password re-check failed', { reason: 'invalid_credentials' });
    return res.status(401).end();
  }
  res.sendStatus(204);
});`,
    },
  ],
  invalid: [
    // identity: 'raw' logs the attempted identity as is; the message says what was checked (a re-check, not a login).
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'raw' } },
      output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], email }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], email }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // identity: 'omit' never logs it, not even in the suggestion.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: { 'security-logging': { ...pino['security-logging'], identity: 'omit' } },
      output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // identity: 'hash' (default) with a fingerprint helper: through the helper, imported.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: fingerprint,
      output: `import { logger } from './logger';
import { fingerprint } from './crypto';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailFingerprint: email ? fingerprint(String(email)) : undefined }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailure', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
import { fingerprint } from './crypto';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailFingerprint: email ? fingerprint(String(email)) : undefined }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
    // identity: 'hash' without a helper: the autofix leaves it out; the suggestion hashes it inline.
    {
      code: `app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'unlogged', line: 5, suggestions: [{ messageId: 'logFailureWithIdentity', data: { call: 'logger.warn' }, output: `import { logger } from './logger';
import { createHash } from 'node:crypto';
app.post('/account/delete', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  if (!(await bcrypt.compare(password, user.hash))) {
    logger.warn({ reason: 'invalid_credentials', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'], emailHash: createHash('sha256').update(String(email)).digest('hex').slice(0, 16) }, 'Password re-check failed in /account/delete');
    return res.status(401).json({ error: 'Wrong password' });
  }
  await user.remove();
  res.sendStatus(204);
});` }] }],
    },
  ],
});
