import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isClientSocket, isSocketMessageListener, isSocketMessageParameter } from '../../src/model/sockets.js';
import { callResult, probeCalls, probeFunctions } from '../helpers/probe.js';

/** isClientSocket on the receiver of each `x.send(…)` call. */
const receivers = (code: string) =>
  probeCalls(code, (context, node) => {
    const callee = node.callee as TSESTree.MemberExpression;
    return callee.object.type === 'Identifier' ? isClientSocket(context, callee.object) : null;
  });

describe('isClientSocket', () => {
  it('the parameter of a connection listener, whatever its name', () => {
    const results = receivers("wss.on('connection', (c) => { c.send('hi'); }); io.on('connection', (peer) => peer.send('x'));");
    expect(callResult(results, "c.send('hi')")).toBe(true);
    expect(callResult(results, "peer.send('x')")).toBe(true);
  });

  it('a variable named socket or ws; not another listener parameter or another name', () => {
    const results = receivers("socket.send(1); ws.send(2); emitter.on('data', (c) => c.send(3)); mailer.send(4);");
    expect(callResult(results, 'socket.send(1)')).toBe(true);
    expect(callResult(results, 'ws.send(2)')).toBe(true);
    expect(callResult(results, 'c.send(3)')).toBe(false);
    expect(callResult(results, 'mailer.send(4)')).toBe(false);
  });
});

describe('isClientSocket: connections this process opened', () => {
  /** isClientSocket on the receiver of every member call (`require(…)`, `io(…)` answer null). */
  const memberReceivers = (code: string) =>
    probeCalls(code, (context, node) => (node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' ? isClientSocket(context, node.callee.object) : null));

  it('a WebSocket or socket.io-client connection to a server is not a client of this server', () => {
    const results = memberReceivers(
      "const WebSocket = require('ws'); const ws = new WebSocket(url, options); ws.send(1);\n" +
        "import { io } from 'socket.io-client'; const socket = io('https://hub'); socket.send(2);\n" +
        'let spark; spark = new ReconnectingWebSocket(url); spark.send(3);\n' +
        "wss.on('connection', (ws) => { ws.send(4); });",
    );
    expect(callResult(results, 'ws.send(1)')).toBe(false);
    expect(callResult(results, 'socket.send(2)')).toBe(false);
    expect(callResult(results, 'spark.send(3)')).toBe(false);
    expect(callResult(results, 'ws.send(4)')).toBe(true);
  });

  it('a WebSocket server is no connection of its own', () => {
    const results = memberReceivers("const ws = new WebSocket.Server({ port: 8080 }); ws.send(1);");
    expect(callResult(results, 'ws.send(1)')).toBe(true);
  });
});

describe('isClientSocket: Nest gateways', () => {
  it("a @SubscribeMessage method's first parameter when none is decorated, or the @ConnectedSocket() one", () => {
    const results = probeCalls(
      `class G {
  @SubscribeMessage('a') one(client, data) { client.send(1); }
  @SubscribeMessage('b') two(@MessageBody() data, @ConnectedSocket() peer) { peer.send(2); data.send(3); }
  three(client) { client.send(4); }
}
class H { four(client) { client.send(5); } }
__decorate([(0, websockets_1.SubscribeMessage)('c')], H.prototype, 'four', null);`,
      (context, node) => {
        const callee = node.callee;
        return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? isClientSocket(context, callee.object) : null;
      },
      { ts: true },
    );
    expect(callResult(results, 'client.send(1)')).toBe(true);
    expect(callResult(results, 'peer.send(2)')).toBe(true);
    expect(callResult(results, 'data.send(3)')).toBe(false);
    expect(callResult(results, 'client.send(4)')).toBe(false);
    expect(callResult(results, 'client.send(5)')).toBe(true);
  });
});

describe('isClientSocket: Primus', () => {
  it('a variable named spark (Primus calls a client connection a spark)', () => {
    const results = receivers("function reply(spark, msg) { spark.send(msg); } sparkle.send(1);");
    expect(callResult(results, 'spark.send(msg)')).toBe(true);
    expect(callResult(results, 'sparkle.send(1)')).toBe(false);
  });
});

describe('isSocketMessageListener: reserved events', () => {
  it("a lifecycle event is not a message, unless a no-argument one ('open', 'end') is given a listener with parameters", () => {
    const found = probeFunctions(
      "io.on('connection', (socket) => {\n  socket.on('open', () => {});\n  socket.on('open', (port, options) => {});\n  socket.on('close', (code) => {});\n  socket.on('write', (port, data) => {});\n});",
      (context, fn) => (fn.loc.start.line > 1 ? { line: fn.loc.start.line, message: isSocketMessageListener(context, fn) } : null),
    );
    expect(found.map((f) => f.message)).toEqual([false, true, false, true]);
  });
});

describe('isSocketMessageParameter', () => {
  const params = (code: string) =>
    probeFunctions(code, (context, fn) => ({ line: fn.loc.start.line, message: fn.params.map((_, i) => isSocketMessageParameter(context, fn, i)) }));

  it('the message after the connection of a function named for handling one', () => {
    const found = params("exports.handleMessage = (socket, message) => {};\nclass R { onClientMessage(client, msg) {} }\nconst processMessage = function (app, spark, data) {};");
    expect(found.map((f) => f.message)).toEqual([[false, true], [false, true], [false, false, true]]);
  });

  it('not the parameters of other functions', () => {
    const found = params('exports.broadcast = (socket, message) => {};\nfunction handleMessage(queue, message) {}\nfunction handleMessage2(socket, options) {}');
    expect(found.map((f) => f.message)).toEqual([[false, false], [false, false], [false, false]]);
  });
});
