import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isConnectionErrorEvent, isDeviceCommand, isHandleRelease, isPingOnly, isTeardown } from '../../src/model/stack-loss-io.js';
import { isLogWrite, isRecordedByErrorListener, workCalls } from '../../src/model/stack-records.js';
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

/** For each `mark(…)` call: the answer of `fn` for the try block around it. */
function perTry(code: string, fn: (context: Parameters<Parameters<typeof probeCalls>[1]>[0], block: TSESTree.BlockStatement) => boolean) {
  const results = probeCalls(code, (context, node) => {
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'mark') return null;
    let n: TSESTree.Node | undefined = node.parent;
    while (n && n.type !== 'TryStatement') n = n.parent;
    return n?.type === 'TryStatement' ? fn(context, n.block) : null;
  });
  return (text: string) => callResult(results, text);
}

describe('isRecordedByErrorListener: a pipeline the client hands out', () => {
  it('counts the commands of a const made by a call on the client as the client\'s', () => {
    const of = perTry(
      `
      class A {
        init() { this.client = new Redis(); this.client.on('error', (err) => logger.error('redis', err)); }
        async a() { try { const multi = this.client.multi(); multi.set(k, v); const results = await multi.exec(); if (results.find(([e]) => e)) throw results[0][0] } catch (e) { mark('a') } }
        async b() { try { const multi = this.other.multi(); multi.set(k, v); await multi.exec() } catch (e) { mark('b') } }
        async c() { try { await this.client.get(k); await this.store.save(k) } catch (e) { mark('c') } }
      }
      class B {
        async d() { try { const multi = this.client.multi(); await multi.exec() } catch (e) { mark('d') } }
      }
    `,
      isRecordedByErrorListener,
    );
    expect(of("mark('a')")).toBe(true);
    expect(of("mark('b')")).toBe(false);
    expect(of("mark('c')")).toBe(false);
    expect(of("mark('d')")).toBe(false);
  });
});

describe('isTeardown', () => {
  it('holds for a try right in a function named for a teardown', () => {
    const of = perTry(
      `
      class A {
        async dispose() { try { await x() } catch (e) { mark('a') } }
        async onApplicationShutdown() { try { await x() } catch (e) { mark('b') } }
        async closeAccount(id) { try { await x(id) } catch (e) { mark('c') } }
        stop() { queue.on('drained', async () => { try { await x() } catch (e) { mark('d') } }) }
      }
      const shutdown = async () => { try { await x() } catch (e) { mark('e') } };
    `,
      (_context, block) => isTeardown(block),
    );
    expect(of("mark('a')")).toBe(true);
    expect(of("mark('b')")).toBe(true);
    expect(of("mark('c')")).toBe(false);
    expect(of("mark('d')")).toBe(false);
    expect(of("mark('e')")).toBe(true);
  });
});

describe('isConnectionErrorEvent: an object built by a connection class', () => {
  it('holds for the error event of a const made with new Redis / new Pool, not new Worker', () => {
    const results = probeCalls(
      `
      const db = new Redis(options); db.on('error', (err) => mark('a'));
      const pg = new pg_1.Pool(config); pg.on('error', (err) => mark('b'));
      const worker = new Worker(file); worker.on('error', (err) => mark('c'));
    `,
      (context, node) => {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'on') return null;
        return isConnectionErrorEvent(context, node);
      },
    );
    expect(callResult(results, "db.on('error', (err) => mark('a'))")).toBe(true);
    expect(callResult(results, "pg.on('error', (err) => mark('b'))")).toBe(true);
    expect(callResult(results, "worker.on('error', (err) => mark('c'))")).toBe(false);
  });
});

describe('isDeviceCommand', () => {
  it('holds when every working call is a command to a receiver named for a device, not a record method or a service', () => {
    const of = perTry(
      `
      async function a(endpoint) { try { await endpoint.read(cluster, attrs) } catch (e) { mark('a') } }
      async function b(device) { try { await device.zh.removeFromNetwork() } catch (e) { mark('b') } }
      async function c(src, target, done) { try { if (unbind) { await src.sourceEndpoint.unbind(cl, target) } else { await src.sourceEndpoint.bind(cl, target) } done.push(cl) } catch (e) { mark('c') } }
      async function d(device) { try { await device.save() } catch (e) { mark('d') } }
      async function e(id) { try { await this.deviceService.read(id) } catch (err) { mark('e') } }
      async function f(endpoint) { try { await endpoint.read(cluster, attrs); await store.write(endpoint.id) } catch (e) { mark('f') } }
      async function g(apiEndpoint, body) { try { await apiEndpoint.post(body) } catch (e) { mark('g') } }
    `,
      (context, block) => isDeviceCommand(context, workCalls(context, block)),
    );
    expect(of("mark('a')")).toBe(true);
    expect(of("mark('b')")).toBe(true);
    expect(of("mark('c')")).toBe(true);
    expect(of("mark('d')")).toBe(false);
    expect(of("mark('e')")).toBe(false);
    expect(of("mark('f')")).toBe(false);
    expect(of("mark('g')")).toBe(false);
  });
});

describe('isHandleRelease: a broker publish and a response write', () => {
  it('counts a publish to a connection-named receiver, awaited or not, and res.write not awaited', () => {
    const of = perTry(
      `
      async function a() { try { await this.client.publishAsync(topic, payload, options) } catch (e) { mark('a') } }
      function b(res, s) { try { res.write(s) } catch (e) { mark('b') } }
      async function c() { try { await this.events.publish(topic, payload) } catch (e) { mark('c') } }
      async function d(res, s) { try { await res.write(s); await this.db.save(s) } catch (e) { mark('d') } }
    `,
      (context, block) => isHandleRelease(context, workCalls(context, block)),
    );
    expect(of("mark('a')")).toBe(true);
    expect(of("mark('b')")).toBe(true);
    expect(of("mark('c')")).toBe(false);
    expect(of("mark('d')")).toBe(false);
  });
});

describe('isConnectionErrorEvent: a request or response stream', () => {
  it("holds for req.on('error') and res.on('error'), not for a stream the app made", () => {
    const results = probeCalls(
      `
      req.on('error', (error) => mark('a'));
      response.on('error', (error) => mark('b'));
      readstream.on('error', (error) => mark('c'));
    `,
      (context, node) => {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'on') return null;
        return isConnectionErrorEvent(context, node);
      },
    );
    expect(callResult(results, "req.on('error', (error) => mark('a'))")).toBe(true);
    expect(callResult(results, "response.on('error', (error) => mark('b'))")).toBe(true);
    expect(callResult(results, "readstream.on('error', (error) => mark('c'))")).toBe(false);
  });
});
