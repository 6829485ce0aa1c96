import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';

/**
 * Recall on real applications (issue 18): a catch that rethrows only the expected error class
 * (`if (e instanceof NotFoundException) throw e`) and then logs the message of every other error
 * before answering with a new exception (homebridge-config-ui-x's plugin update check). The rethrow
 * leaves on its own path; the log's path keeps only the text. Twins stay quiet: the rethrow after
 * the log, and a rethrow of the error on the log's own path.
 */
const ruleTester = new RuleTester();

const fixed = (code: string, name: string, at: string) => code.replace(at, `${at}, ${name}`);
const invalid = (code: string, name: string, at: string) => ({
  code,
  output: fixed(code, name, at),
  errors: [{ messageId: 'stackLost' as const, suggestions: [{ messageId: 'addError' as const, output: fixed(code, name, at) }] }],
});

const guardThenLog =
  'class Plugins { async checkUpdate(name) { try { const info = await this.registry.view(name); if (!info) { throw new NotFoundException(name) } } catch (e) { if (e instanceof NotFoundException) { throw e } console.error(`Failed to validate package ${name}: ${e.message}`); throw new BadRequestException(`Failed to validate package ${name}.`) } } }';
const guardStatement =
  'async function check(name) { try { await registry.view(name) } catch (err) { if (err.status === 404) throw err; console.error("lookup failed: " + err.message) } }';

ruleTester.run('log-error-with-stack (rethrow in an earlier branch)', rule, {
  valid: [
    // the error is rethrown after the log: logged where it lands
    'async function check(name) { try { await registry.view(name) } catch (e) { console.error(`Failed to validate ${name}: ${e.message}`); throw e } }',
    // rethrown on the log's own path, after a guard
    'async function check(name) { try { await registry.view(name) } catch (e) { if (e instanceof NotFoundException) { return null } console.error(`Failed: ${e.message}`); throw e } }',
    // the rethrow sits in a try of its own inside the catch: it may land back before the log
    'async function check(name) { try { await registry.view(name) } catch (e) { try { if (retryable) { throw e } } catch { retries++ } console.error(`Failed: ${e.message}`); throw e } }',
  ],
  invalid: [
    invalid(guardThenLog, 'e', '`Failed to validate package ${name}: ${e.message}`'),
    invalid(guardStatement, 'err', '"lookup failed: " + err.message'),
  ],
});
