/**
 * No inserted message is a fixed generic phrase ("operation failed", "unhandled error", …): run
 * every rule test file (their fixtures, fixes and suggestions) with the shared log-call builder
 * recording each message a fix writes, then check the recorded set. Every fix that inserts a log
 * call goes through buildLogCall (src/fixes/log-call.ts), so this sees all of them.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as Fixes from '../../src/fixes/log-call.js';
import type * as LogMessages from '../../src/fixes/log-message.js';

const recorded = vi.hoisted(() => [] as Array<{ message: string; level: string }>);

vi.mock('../../src/fixes/log-call.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Fixes>();
  return {
    ...actual,
    buildLogCall: (target: Fixes.LogTarget, spec: Fixes.LogStatementSpec) => {
      recorded.push({ message: spec.message, level: spec.level });
      return actual.buildLogCall(target, spec);
    },
  };
});

const { GENERIC_MESSAGES } = await vi.importActual<typeof LogMessages>('../../src/fixes/log-message.js');

// Registers every rule's RuleTester suites inside this file, under the mock.
await import('../rules/no-silent-catch.test.js');
await import('../rules/require-error-handler-logging.test.js');
await import('../rules/no-error-details-in-response.test.js');
await import('../rules/background-task-error-handling/precision.test.js');
await import('../rules/background-task-error-handling/timers.test.js');
await import('../rules/background-task-error-handling/schedulers.test.js');
await import('../rules/background-task-error-handling/listeners.test.js');
await import('../rules/background-task-error-handling/promises.test.js');
await import('../rules/background-task-error-handling.test.js');
await import('../rules/background-task-error-handling/job-queues.test.js');
await import('../rules/background-task-error-handling/type-aware.test.js');
await import('../rules/log-auth-failures/rejection-shapes.test.js');
await import('../rules/log-auth-failures/identity.test.js');
await import('../rules/log-auth-failures.test.js');
await import('../rules/log-auth-failures/log-placement.test.js');
await import('../rules/log-auth-failures/koa.test.js');
await import('../rules/log-auth-failures/fastify-hono.test.js');
await import('../rules/log-auth-failures/next.test.js');
await import('../rules/log-auth-failures/http.test.js');
await import('../rules/log-auth-failures/nest.test.js');
await import('../rules/log-auth-failures/access-control.test.js');
await import('../rules/log-auth-failures/precision.test.js');
await import('../rules/log-auth-failures/module-logs-and-text-shape.test.js');
await import('../rules/log-rate-limit-violations.test.js');
await import('../rules/log-validation-failures.test.js');
await import('../rules/no-fail-open-auth.test.js');

describe('inserted log messages', () => {
  // Registered after the rule suites above, so it runs after them (tests in a file run in order).
  it('names what failed in every message the fixes insert, at warn or error (info for validation failures)', () => {
    expect(GENERIC_MESSAGES.has('operation failed')).toBe(true);
    expect(recorded.length).toBeGreaterThan(200);
    const generic = recorded.filter((r) => GENERIC_MESSAGES.has(r.message.toLowerCase().trim()));
    expect(generic, 'generic messages').toEqual([]);
    // Both levels occur: expected-but-notable failures warn, unexpected ones error. The one
    // exception is log-validation-failures, whose `level` option defaults to info (a validation
    // failure is routine; the log exists to spot probing in aggregate).
    const levels = (list: typeof recorded) => new Set(list.map((r) => r.level));
    const validation = recorded.filter((r) => r.message === 'Request validation failed');
    expect(validation.length).toBeGreaterThan(0);
    expect(levels(validation)).toEqual(new Set(['info']));
    expect(levels(recorded.filter((r) => !validation.includes(r)))).toEqual(new Set(['warn', 'error']));
  });
});
