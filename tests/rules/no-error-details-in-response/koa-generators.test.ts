import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

/**
 * Round-5 recall shape (session 33): Koa 0.x generator middleware answers through `this`
 * (`this.body = { error: err.name, reason: err.message }`), like `ctx.body`. A class's own
 * `this.body` and the app's own text stay quiet.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-error-details-in-response (Koa 0.x generators)', rule, {
  valid: [
    `// the app's own text
module.exports = function* addUser() {
  try {
    yield* userService.authAndSave(this.request.body.name, this.request.body.password);
  } catch (err) {
    logger.error(err);
    this.status = 500;
    this.body = { error: 'internal', reason: 'Could not save the user' };
  }
};`,
    `// not a request context: a class's own field
class Report {
  *rows() {
    try {
      yield* this.source.read();
    } catch (err) {
      this.body = { error: err.message };
    }
  }
}`,
  ],
  invalid: [
    {
      code: `module.exports = function* addUser() {
  try {
    yield* userService.authAndSave(this.request.body.name, this.request.body.password);
  } catch (err) {
    this.status = err.status || 500;
    this.body = { error: err.name, reason: err.message };
  }
};`,
      errors: [
        {
          messageId: 'detailsInResponse',
          line: 6,
          suggestions: [
            {
              messageId: 'sendGeneric',
              output: `module.exports = function* addUser() {
  try {
    yield* userService.authAndSave(this.request.body.name, this.request.body.password);
  } catch (err) {
    this.status = err.status || 500;
    console.error('userService.authAndSave failed', err);
    this.body = { error: err.name, reason: 'Internal Server Error' };
  }
};`,
            },
          ],
        },
      ],
    },
  ],
});
