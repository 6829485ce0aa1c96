import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (session 44): a timer callback returns `this.flushSyncQueue()` while the
 * same file also awaits `this.flushSyncQueue()` elsewhere. Awaited elsewhere marks an unknown callee's
 * call as a promise that may reject; a callee in sight decides for itself — here its whole body is a
 * try / catch that handles every failure, so the promise cannot reject (saltcorn's push message helper).
 * The twin whose method lets a rejection escape stays reported.
 */
const ruleTester = new RuleTester();

const helper = (flushBody: string) => `class PushMessageHelper {
  queuePushSync() {
    if (!this.syncQueued) {
      this.syncQueued = true;
      this.syncTimer = setTimeout(async () => {
        this.syncTimer = null;
        const delay = this.minSyncIntervalMs - (Date.now() - this.lastSyncSentAt);
        if (delay > 0) {
          setTimeout(() => this.flushSyncQueue(), delay);
        } else {
          await this.flushSyncQueue();
        }
      }, this.syncDebounceMs);
    }
  }
  async flushSyncQueue() {
${flushBody}
  }
}
module.exports = PushMessageHelper;`;

ruleTester.run('background-task-error-handling (precision on real applications, session 44)', rule, {
  valid: [
    {
      code: helper(`    try {
      this.syncQueued = false;
      this.lastSyncSentAt = Date.now();
      await this.pushSync();
    } catch (error) {
      this.state.log(5, \`Error flushing sync queue: \${error}\`);
    }`),
    },
  ],
  invalid: [
    {
      code: helper(`    this.syncQueued = false;
    this.lastSyncSentAt = Date.now();
    await this.pushSync();`),
      errors: [
        { messageId: 'asyncCallback', line: 5, suggestions: 1 as never },
        {
          messageId: 'returnedPromise',
          line: 9,
          suggestions: [
            {
              messageId: 'addCatch',
              output: helper(`    this.syncQueued = false;
    this.lastSyncSentAt = Date.now();
    await this.pushSync();`).replace('setTimeout(() => this.flushSyncQueue(), delay)', "setTimeout(() => this.flushSyncQueue().catch((err) => console.error('flushSyncQueue failed', err)), delay)"),
            },
          ],
        },
      ],
    },
  ],
});
