import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * TypeScript's downleveled async functions (targets before ES2017, tslib): `f() { return __awaiter(this, void 0,
 * void 0, function* () { … yield x … }) }` is `async f() { … await x … }`. `__awaiter` runs the generator inside
 * a promise, so an unprotected `yield` of a failing call rejects the promise `f()` returns, as an `await` would
 * (saml-jackson's directory-sync batch queue and Google sync, compiled from TypeScript). No fix is offered in
 * compiled code. A downleveled function whose every `yield` sits in a try/catch rejects nothing.
 */
const ruleTester = new RuleTester();
const awaiter = 'var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) { return new (P || (P = Promise))(function (resolve, reject) { /* … */ }); };\n';

ruleTester.run('background-task-error-handling (downleveled async functions)', rule, {
  valid: [
    // every yield caught and logged
    {
      code: `${awaiter}class EventProcessor {
  process() {
    return __awaiter(this, void 0, void 0, function* () {
      try {
        yield this.eventLock.acquire();
      } catch (e) {
        this.logger.error('Error processing webhooks batch', e);
      }
    });
  }
  scheduleWorker() {
    setInterval(() => this.process(), 1000);
  }
}`,
    },
    // a generator handed to something else is no async body
    {
      code: `${awaiter}function poll() {
  return co(function* () { yield this.eventLock.acquire(); });
}
setInterval(poll, 1000);`,
    },
  ],
  invalid: [
    // saml-jackson: setInterval(() => this.process()) with process() downleveled and able to reject
    {
      code: `${awaiter}class EventProcessor {
  process() {
    return __awaiter(this, void 0, void 0, function* () {
      if (!(yield this.eventLock.acquire())) return;
      try { yield this.sendBatch(); } catch (e) { this.logger.error('batch failed', e); }
    });
  }
  scheduleWorker() {
    setInterval(() => this.process(), 1000);
  }
}`,
      errors: [{ messageId: 'returnedPromise', line: 10, suggestions: 1 as never }],
    },
    // the try around a downleveled call that is not awaited never sees its rejection
    {
      code: `${awaiter}class EventProcessor {
  _process() {
    return __awaiter(this, void 0, void 0, function* () {
      const batch = yield this.fetchNextBatch(0, 50);
      yield this.send(batch);
    });
  }
  run() {
    try {
      this._process();
    } catch (e) {
      this.logger.error('Error processing webhooks batch', e);
    }
  }
}`,
      errors: [{ messageId: 'promiseEscapesTry', line: 11, suggestions: 1 as never }],
    },
    // an arrow downleveled, handed by name to a timer (tslib's helper through a compiled import)
    {
      code: `const tslib_1 = require('tslib');
const cleanup = () => (0, tslib_1.__awaiter)(this, void 0, void 0, function* () {
  yield store.deleteExpired();
});
setTimeout(cleanup, 1000);`,
      errors: [{ messageId: 'asyncReference', line: 5, suggestions: [] }],
    },
  ],
});
