import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';

/**
 * A catch that logs the error's text and then throws a wrapper given the caught error itself
 * (`throw boom.serverUnavailable(err.message, err)`, `throw new VError(err, '…')`): the thrown error
 * carries the original, stack included, to wherever it lands (screwdriver-store's Hapi cache routes).
 * Twin: `new Error(err)` keeps only the text of what it is given, and stays reported.
 */
const ruleTester = new RuleTester();

const fixed = (code: string, name: string, at: string) => code.replace(at, `${at}, ${name}`);
const invalid = (code: string, name: string, at: string) => ({
  code,
  errors: [{ messageId: 'stackLost' as const, suggestions: [{ messageId: 'addError' as const, output: fixed(code, name, at) }] }],
});

const wrapped = (thrown: string) =>
  `async function store(cache, key, payload) { try { const contents = await streamToBuffer(payload); await cache.set(key, contents, 0); } catch (err) { logger.error(\`Failed to store in cache: \${err}\`); throw ${thrown}; } }`;

ruleTester.run('log-error-with-stack (thrown wrappers)', rule, {
  valid: [wrapped('boom.serverUnavailable(err.message, err)'), wrapped("new VError(err, 'storing failed')"), wrapped('Boom.boomify(err, { statusCode: 503 })')],
  invalid: [invalid(wrapped('new Error(err)'), 'err', '`Failed to store in cache: ${err}`')],
});
