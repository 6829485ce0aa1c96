import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isPingOnly } from '../../src/model/stack-loss-io.js';
import { isLogWrite, workCalls } from '../../src/model/stack-records.js';
import { callResult, probeCalls } from '../helpers/probe.js';

describe('isLogWrite', () => {
  it('takes a logger call and a namespaced debug function for a log write, not any call', () => {
    const results = probeCalls(
      `
      const debug = createDebug('app:plugins');
      const d2 = require('debug')('app:x');
      debug('a'); d2('b'); logger.error('c'); console.log('d'); register('e'); notDebug('f');
    `,
      (context, node) => isLogWrite(context, node),
    );
    expect(callResult(results, "debug('a')")).toBe(true);
    expect(callResult(results, "d2('b')")).toBe(true);
    expect(callResult(results, "logger.error('c')")).toBe(true);
    expect(callResult(results, "console.log('d')")).toBe(true);
    expect(callResult(results, "register('e')")).toBe(false);
    expect(callResult(results, "notDebug('f')")).toBe(false);
  });
});

describe('isPingOnly', () => {
  it('holds when every call of the try pings or probes a connection', () => {
    const results = probeCalls(
      `
      async function a() { try { await this.client.ping() } catch (e) { mark('a') } }
      async function b() { try { await this.probeHttpEndpoint(url, 1000) } catch (e) { mark('b') } }
      async function c() { try { await this.client.ping(); await this.client.set(k, v) } catch (e) { mark('c') } }
      async function d() { try { await this.processQueue() } catch (e) { mark('d') } }
    `,
      (context, node) => {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'mark') return null;
        let n: TSESTree.Node | undefined = node.parent;
        while (n && n.type !== 'TryStatement') n = n.parent;
        return n?.type === 'TryStatement' ? isPingOnly(context, workCalls(context, n.block)) : null;
      },
    );
    expect(callResult(results, "mark('a')")).toBe(true);
    expect(callResult(results, "mark('b')")).toBe(true);
    expect(callResult(results, "mark('c')")).toBe(false);
    expect(callResult(results, "mark('d')")).toBe(false);
  });
});
