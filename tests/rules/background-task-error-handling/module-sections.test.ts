import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Recall (issue 18, session 31): Apostrophe's module format, where sections take the module (self) and return its functions, which the framework attaches to self: self.cleanup and self.restApiRoutes.delete are followed to the same file's section functions.
 */
// @typescript-eslint/parser throughout (JS is valid TS).
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (Apostrophe module sections, session 31)', rule, {
  valid: [
    // the same cleanup catching and logging its failure
    {
      code: `module.exports = {
  async init(self) {
    self.cleanupInterval = setInterval(self.cleanup, 60000);
  },
  methods(self) {
    return {
      async cleanup() {
        try {
          await self.bearerTokens.deleteMany({ expires: { $lt: new Date() } });
        } catch (err) {
          self.apos.util.error(err);
        }
      },
    };
  },
};`,
    },
    // a self that is not the module's section parameter (an unrelated object named self) is not resolved
    {
      code: `const helpers = {
  async cleanup() {
    await db.deleteMany({});
  },
};
function start(self) {
  setInterval(self.cleanup, 60000);
}`,
    },
  ],
  invalid: [
    // Apostrophe's module format: setInterval(self.cleanup) where methods(self) returns an async cleanup whose query rejects unhandled
    {
      code: `module.exports = {
  async init(self) {
    self.cleanupInterval = setInterval(self.cleanup, 60000);
  },
  methods(self) {
    return {
      async cleanup() {
        await self.bearerTokens.deleteMany({ expires: { $lt: new Date() } });
      },
    };
  },
};`,
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 3,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `module.exports = {
  async init(self) {
    self.cleanupInterval = setInterval(() => self.cleanup().catch((err) => console.error('init interval task failed', err)), 60000);
  },
  methods(self) {
    return {
      async cleanup() {
        await self.bearerTokens.deleteMany({ expires: { $lt: new Date() } });
      },
    };
  },
};`,
            },
          ],
        },
      ],
    },
    // a timer returning the promise of a section's function (self.restApiRoutes.delete) that awaits a query outside any try
    {
      code: `module.exports = {
  restApiRoutes: (self) => ({
    async delete(req, _id) {
      await self.db.deleteMany({ _id });
    },
  }),
  methods(self) {
    return {
      async markSeen(req, dismissed) {
        dismissed.forEach((element) => {
          setTimeout(() => self.restApiRoutes.delete(req, element._id), 300000);
        });
      },
    };
  },
};`,
      output: null,
      errors: [
        {
          messageId: 'returnedPromise',
          line: 11,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `module.exports = {
  restApiRoutes: (self) => ({
    async delete(req, _id) {
      await self.db.deleteMany({ _id });
    },
  }),
  methods(self) {
    return {
      async markSeen(req, dismissed) {
        dismissed.forEach((element) => {
          setTimeout(() => self.restApiRoutes.delete(req, element._id).catch((err) => console.error('delete failed', err)), 300000);
        });
      },
    };
  },
};`,
            },
          ],
        },
      ],
    },
  ],
});
