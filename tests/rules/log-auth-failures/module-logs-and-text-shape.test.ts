import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A module's own level-named log method (`self.logError(…)`, `self.logWarn(req, …)`) records the refusal
 * like a logger's `warn` / `error`; at `logDebug` / `logInfo` it is too quiet. A 403 chosen by a search of
 * text for punctuation (`slug.includes('..')`, a path-traversal check) tests the input, not the caller.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (module log methods, text shape)', rule, {
  valid: [
    // A wrong front-end key is logged by the module's own logError before the 403.
    `module.exports = (self) => ({
  externalFront(req, res, next) {
    if (req.headers['x-front-key'] !== self.options.frontKey) {
      self.logError('front-key-invalid', 'The x-front-key header did not match the frontKey option');
      return res.status(403).send('forbidden');
    }
    return next();
  },
});`,
    // The refusal of an authorize hook is logged with logWarn, the request passed first as context.
    `function uploadMiddleware(self, authorize) {
  return async function body(req, res, next) {
    try {
      await authorize(req);
    } catch (e) {
      self.logWarn(req, 'upload-unauthorized', { error: e.message });
      return res.status(403).send({ name: 'forbidden' });
    }
    return next();
  };
}`,
    // A path-traversal check on a route parameter refuses the input, not the caller.
    `router.get('/files/*', async (req, res) => {
  const matches = (req.params[0] || '').match(/^([^.]+)\\.\\w+$/);
  if (!matches) return res.status(400).send('invalid');
  const [, slug] = matches;
  if (slug.includes('..') || slug.includes('/')) {
    return res.status(403).send('forbidden');
  }
  res.sendFile(await files.pathOf(slug));
});`,
  ],
  invalid: [
    {
      // Twin: the same refusal logged only with logDebug is too quiet; the suggestion raises it to logWarn.
      code: `module.exports = (self) => ({
  externalFront(req, res, next) {
    if (req.headers['x-front-key'] !== self.options.frontKey) {
      self.logDebug('front-key-invalid', 'The x-front-key header did not match the frontKey option');
      return res.status(403).send('forbidden');
    }
    return next();
  },
});`,
      errors: [
        {
          messageId: 'tooQuiet',
          line: 5,
          suggestions: [
            {
              messageId: 'raiseLevel',
              data: { from: 'self.logDebug', to: 'self.logWarn' },
              output: `module.exports = (self) => ({
  externalFront(req, res, next) {
    if (req.headers['x-front-key'] !== self.options.frontKey) {
      self.logWarn('front-key-invalid', 'The x-front-key header did not match the frontKey option');
      return res.status(403).send('forbidden');
    }
    return next();
  },
});`,
            },
          ],
        },
      ],
    },
    {
      // Twin: the authorize hook's refusal with nothing logged stays reported.
      code: `function uploadMiddleware(self, authorize) {
  return async function body(req, res, next) {
    try {
      await authorize(req);
    } catch (e) {
      return res.status(403).send({ name: 'forbidden' });
    }
    return next();
  };
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `function uploadMiddleware(self, authorize) {
  return async function body(req, res, next) {
    try {
      await authorize(req);
    } catch (e) {
      console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
      return res.status(403).send({ name: 'forbidden' });
    }
    return next();
  };
}`,
            },
          ],
        },
      ],
    },
    {
      // Twin: an ownership check in the same handler stays reported.
      code: `router.get('/files/*', async (req, res) => {
  const matches = (req.params[0] || '').match(/^([^.]+)\\.\\w+$/);
  if (!matches) return res.status(400).send('invalid');
  const [, slug] = matches;
  const file = await files.find(slug);
  if (file.ownerId !== req.user.id) {
    return res.status(403).send('forbidden');
  }
  res.sendFile(file.path);
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: `router.get('/files/*', async (req, res) => {
  const matches = (req.params[0] || '').match(/^([^.]+)\\.\\w+$/);
  if (!matches) return res.status(400).send('invalid');
  const [, slug] = matches;
  const file = await files.find(slug);
  if (file.ownerId !== req.user.id) {
    console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
    return res.status(403).send('forbidden');
  }
  res.sendFile(file.path);
});`,
            },
          ],
        },
      ],
    },
  ],
});
