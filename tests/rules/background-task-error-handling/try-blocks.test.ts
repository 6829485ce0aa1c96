import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * A promise started without waiting inside a `try` whose `catch` was written for its failures
 * (`try { void this.refreshSchedules(); } catch (e) { log(e) }`): the catch never sees the rejection,
 * wherever the code runs (a Nest `onModuleInit`, a constructor, start-up code).
 */
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (promises that escape a try)', rule, {
  valid: [
    // Awaited inside the try: the catch sees the rejection.
    `class SchedulerService {
  async onModuleInit() {
    try {
      await this.refreshRestartSchedules();
    } catch (error) {
      this.logger.warn('Failed to initialize restart schedules', error);
    }
  }
  async refreshRestartSchedules() {
    const cfg = this.configService.homebridgeConfig;
    for (const block of cfg.platforms) this.schedule(block);
  }
}`,
    // The promise carries its own .catch.
    `class SchedulerService {
  onModuleInit() {
    try {
      this.refreshRestartSchedules().catch((error) => this.logger.warn('restart schedules failed', error));
    } catch (error) {
      this.logger.warn('Failed to initialize restart schedules', error);
    }
  }
  async refreshRestartSchedules() {
    const cfg = this.configService.homebridgeConfig;
    for (const block of cfg.platforms) this.schedule(block);
  }
}`,
    // The async callee catches everything it does.
    `async function warmCache() {
  try {
    await cache.load();
  } catch (err) {
    console.error('cache warm-up failed', err);
  }
}
try {
  warmCache();
} catch (err) {
  console.error(err);
}`,
    // A plain (sync) function: the catch sees what it throws.
    `function loadSettings() {
  return JSON.parse(readFileSync(path, 'utf8'));
}
try {
  loadSettings();
} catch (err) {
  console.error('bad settings', err);
}`,
    // An imported callee: the file cannot tell it returns a promise (only includeVoidedCalls guesses).
    `import { refresh } from './schedules';
try {
  void refresh();
} catch (err) {
  console.error(err);
}`,
    // Not voided, and the async callee catches everything but its bookkeeping (signalk's BLE watcher).
    `class Provider {
  start() {
    try {
      for (const mac of this.macs) this.attach(mac);
    } catch (e) {
      console.error(e);
    }
  }
  async attach(mac) {
    this.listeners.set(mac, () => {});
    try {
      const device = await this.adapter.waitDevice(mac);
      device.on('changed', (p) => this.emit(mac, p));
    } catch (_e) {
      this.listeners.delete(mac);
    }
  }
}`,
    // With includeVoidedCalls an unseen voided callee counts as a promise in handlers and background work;
    // a try alone is not enough context for that guess (a detached audit event inside a long try).
    {
      code: `async function activate(id) {
  try {
    const added = await manager.add(id);
    if (added) void eventBus.sendAuditEvent({ eventName: 'workflow.activated', id });
  } catch (error) {
    logger.warn('activation failed', { error });
  }
}`,
      options: [{ includeVoidedCalls: true }],
    },
    // In the catch, not the try block.
    `async function notify(err) {
  await mailer.send(err.message);
}
try {
  run();
} catch (err) {
  notify(err).catch(() => {});
}`,
  ],
  invalid: [
    {
      code: `class SchedulerService {
  onModuleInit() {
    try {
      void this.refreshRestartSchedules();
    } catch (error) {
      this.logger.warn('Failed to initialize restart schedules', error);
    }
  }
  async refreshRestartSchedules(config) {
    const cfg = config || this.configService.homebridgeConfig;
    for (const block of cfg.platforms) this.schedule(block);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'promiseEscapesTry',
          line: 4,
          data: { call: 'this.refreshRestartSchedules()', line: '5' },
          suggestions: [
            {
              messageId: 'addCatch',
              output: `class SchedulerService {
  onModuleInit() {
    try {
      void this.refreshRestartSchedules().catch((err) => console.error('refreshRestartSchedules failed', err));
    } catch (error) {
      this.logger.warn('Failed to initialize restart schedules', error);
    }
  }
  async refreshRestartSchedules(config) {
    const cfg = config || this.configService.homebridgeConfig;
    for (const block of cfg.platforms) this.schedule(block);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function connectBroker() {
  await broker.connect(process.env.BROKER_URL);
}
function start() {
  try {
    connectBroker();
  } catch (err) {
    console.error('broker connection failed', err);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'promiseEscapesTry',
          line: 6,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `async function connectBroker() {
  await broker.connect(process.env.BROKER_URL);
}
function start() {
  try {
    connectBroker().catch((err) => console.error('connectBroker failed', err));
  } catch (err) {
    console.error('broker connection failed', err);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
