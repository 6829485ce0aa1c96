import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { answersFailureAsData, fileMayHoldRejections, isGlobalName, isThenableByType, voidedCallMayReject } from '../../src/model/promises.js';
import { callResult, probeCalls } from '../helpers/probe.js';

describe('isGlobalName', () => {
  it('is true for an unbound name and false for a local declaration', () => {
    const results = probeCalls(
      `
      fetch('/a');
      { const fetch = (u) => u; fetch('/b'); }
    `,
      (context, node) => isGlobalName(context, node.callee as TSESTree.Identifier),
    );
    expect(callResult(results, "fetch('/a')")).toBe(true);
    expect(callResult(results, "fetch('/b')")).toBe(false);
  });
});

describe('voidedCallMayReject', () => {
  it('treats a voided call of an unseen callee as a promise, not a callback-style call or a same-file sync function', () => {
    const results = probeCalls(
      `
      function syncWork() { return 1; }
      void mailer.send(message);
      void router(req, res, next);
      void syncWork();
    `,
      (context, node) => voidedCallMayReject(context, node, context.sourceCode.visitorKeys),
    );
    expect(callResult(results, 'mailer.send(message)')).toBe(true);
    expect(callResult(results, 'router(req, res, next)')).toBe(false);
    expect(callResult(results, 'syncWork()')).toBe(false);
  });
});

describe('isThenableByType', () => {
  it('answers false without type information', () => {
    const results = probeCalls('const p: Promise<void> = load(); load();', (context, node) => isThenableByType(context, node), { ts: true });
    expect(callResult(results, 'load()')).toBe(false);
  });
});

describe('answersFailureAsData', () => {
  it('is true for an awaited result whose ok or success is tested and whose error is read', () => {
    const results = probeCalls(
      `
      async function tick() {
        const renewal = await client.renew();
        if (!renewal.ok) { log.warn('renew failed', { error: renewal.error }); return; }
        const sync = await billing.sync();
        const status = sync.success ? 'ok' : String(sync.error);
        const res = await fetch(url);
        if (!res.ok) throw new Error(res.statusText);
        const lease = await leases.take();
        if (lease.ok === false) return;
        const other = await other.read();
        log.info(other.error);
        await plain.run();
      }
    `,
      (context, node) => answersFailureAsData(context, node),
    );
    expect(callResult(results, 'client.renew()')).toBe(true);
    expect(callResult(results, 'billing.sync()')).toBe(true);
    expect(callResult(results, 'fetch(url)')).toBe(false);
    expect(callResult(results, 'leases.take()')).toBe(false);
    expect(callResult(results, 'other.read()')).toBe(false);
    expect(callResult(results, 'plain.run()')).toBe(false);
  });
});

describe('fileMayHoldRejections', () => {
  it('is false only for a file with no async function, no Promise and no fetch', () => {
    const answer = (code: string): boolean[] => [...new Set(probeCalls(code, (context) => fileMayHoldRejections(context)).values())];
    expect(answer('setInterval(() => tick(), 10);')).toEqual([false]);
    expect(answer('setInterval(async () => tick(), 10);')).toEqual([true]);
    expect(answer('x(Promise.all([a()]));')).toEqual([true]);
    expect(answer('fetch(u);')).toEqual([true]);
  });
});
