import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * A project's log helper that takes its level from a boolean argument (ioBroker's upgrade managers:
 * `log(message, error = false) { if (error) { this.logger.error(…); return } this.logger.info(…) }`): a catch
 * calling `this.log(e.message, true)` logs at error, the level the literal selects. Called without the flag, or with
 * `false`, it logs at info and stays too quiet.
 */
const ruleTester = new RuleTester();

const manager = (logCall: string) =>
  `class AdapterUpgradeManager { async upgradeAdapter() { try { await this.upgrade.upgradeAdapter(this.adapterName, this.version); this.log('Successfully upgraded'); this.response.success = true } catch (e) { ${logCall}; this.response.success = false } } log(message, error = false) { if (error) { this.logger.error(\`host.\${this.hostname} \${message}\`); this.response.stderr.push(message); return } this.logger.info(\`host.\${this.hostname} \${message}\`); this.response.stdout.push(message) } }`;

ruleTester.run('no-silent-catch (a log helper whose argument selects the level)', rule, {
  valid: [
    { code: manager('this.log(e.message, true)'), options: [{ minimumLevel: 'warn', reportFallbacks: true }] },
    { code: manager('this.log(`Could not upgrade: ${e.message}`, true)'), options: [{ minimumLevel: 'error', reportFallbacks: true }] },
  ],
  invalid: [
    { code: manager('this.log(e.message, false)'), options: [{ minimumLevel: 'warn', reportFallbacks: true }], errors: [{ messageId: 'tooQuiet' }] },
    { code: manager('this.log(e.message)'), options: [{ minimumLevel: 'warn', reportFallbacks: true }], errors: [{ messageId: 'tooQuiet' }] },
  ],
});
