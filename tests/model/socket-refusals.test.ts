import { describe, expect, it } from 'vitest';
import { getSocketRefusal } from '../../src/model/socket-refusals.js';
import { callResult, probeCalls } from '../helpers/probe.js';

const statusOf = (code: string, call: string): number | null | undefined => {
  const results = probeCalls(code, (context, node) => getSocketRefusal(context, node)?.status ?? null);
  return callResult(results, call) as number | null | undefined;
};

describe('getSocketRefusal', () => {
  it('ws close codes and reasons that say auth', () => {
    expect(statusOf("ws.close(4003, 'Invalid auth token');", "ws.close(4003, 'Invalid auth token')")).toBe(403);
    expect(statusOf('req.ws.close(4401);', 'req.ws.close(4401)')).toBe(401);
    expect(statusOf("socket.close(1000, 'Unauthorized');", "socket.close(1000, 'Unauthorized')")).toBe(401);
    expect(statusOf("ws.close(1001, 'Server shutting down');", "ws.close(1001, 'Server shutting down')")).toBe(null);
    expect(statusOf('db.close(4003);', 'db.close(4003)')).toBe(null);
    // a connection listener's parameter is the socket whatever it is called (sockets.ts)
    expect(statusOf("wss.on('connection', (peer) => { peer.close(4401); });", 'peer.close(4401)')).toBe(401);
  });

  it('a bare 1008 and a disconnect need a failed credential check on their path', () => {
    const results = probeCalls('ws.close(1008); socket.disconnect(true);', (context, node) => getSocketRefusal(context, node)?.needsCredentialFailure ?? null);
    expect(callResult(results, 'ws.close(1008)')).toBe(true);
    expect(callResult(results, 'socket.disconnect(true)')).toBe(true);
    const explicit = probeCalls("ws.close(4003, 'denied');", (context, node) => getSocketRefusal(context, node)?.needsCredentialFailure ?? null);
    expect(callResult(explicit, "ws.close(4003, 'denied')")).toBe(false);
  });

  it('a close with no code needs a failed credential check on its path, and ends a refusal already made', () => {
    const results = probeCalls('ws.close(); db.close();', (context, node) => getSocketRefusal(context, node)?.needsCredentialFailure ?? null);
    expect(callResult(results, 'ws.close()')).toBe(true);
    expect(callResult(results, 'db.close()')).toBe(null);
    expect(statusOf("if (bad) { ws.send(JSON.stringify({ statusCode: 403 })); ws.close(); }", 'ws.close()')).toBe(null);
  });

  it('a disconnect right after a refusal in the same block is the same refusal', () => {
    expect(statusOf("if (bad) { ws.close(4003, 'denied'); ws.terminate(); }", 'ws.terminate()')).toBe(null);
    expect(statusOf('if (bad) { socket.disconnect(); }', 'socket.disconnect()')).toBe(401);
  });

  it("an event that tells the client it was refused: judged by its if's condition, elsewhere only on a failed check (issue 18)", () => {
    const results = probeCalls(
      `if (!user) { socket.emit('unauthorized', { message: 'no' }); socket.disconnect(); }
       try { verify(t); } catch (e) { client.emit('auth_error'); }
       socket.emit('unauthenticated', 0);
       if (!allowed) socket.emit('forbidden');
       socket.emit('message', 'unauthorized');
       io.emit('unauthorized');`,
      (context, node) => {
        const r = getSocketRefusal(context, node);
        return r && { status: r.status, needsCredentialFailure: r.needsCredentialFailure };
      },
    );
    expect(callResult(results, "socket.emit('unauthorized', { message: 'no' })")).toEqual({ status: 401, needsCredentialFailure: false });
    expect(callResult(results, 'socket.disconnect()')).toBeNull();
    expect(callResult(results, "client.emit('auth_error')")).toEqual({ status: 401, needsCredentialFailure: true });
    expect(callResult(results, "socket.emit('unauthenticated', 0)")).toEqual({ status: 401, needsCredentialFailure: true });
    expect(callResult(results, "socket.emit('forbidden')")).toEqual({ status: 403, needsCredentialFailure: false });
    // any other event answers the client too, but is a refusal only where a credential check failed
    expect(callResult(results, "socket.emit('message', 'unauthorized')")).toEqual({ status: 401, needsCredentialFailure: true });
    expect(callResult(results, "io.emit('unauthorized')")).toBeNull();
  });

  it('an HTTP upgrade answered 401/403 on the raw socket', () => {
    expect(statusOf("socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');", "socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n')")).toBe(401);
    expect(statusOf("socket.write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n');", "socket.write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n')")).toBe(403);
    expect(statusOf("socket.write('HTTP/1.1 400 Bad Request\\r\\n\\r\\n');", "socket.write('HTTP/1.1 400 Bad Request\\r\\n\\r\\n')")).toBe(null);
    expect(statusOf("stream.write('HTTP/1.1 401 Unauthorized');", "stream.write('HTTP/1.1 401 Unauthorized')")).toBe(null);
  });

  it("socket.io middleware refusing the handshake with an auth error, not other next() calls", () => {
    const code = "io.use((socket, next) => { if (!ok) return next(new Error('unauthorized')); if (busy) return next(new Error('server busy')); next(); }); app.use((req, next) => next(new Error('Unauthorized')));";
    const results = probeCalls(code, (context, node) => getSocketRefusal(context, node)?.status ?? null);
    expect(callResult(results, "next(new Error('unauthorized'))")).toBe(401);
    expect(callResult(results, "next(new Error('server busy'))")).toBe(null);
    expect(callResult(results, 'next()')).toBe(null);
    expect(callResult(results, "next(new Error('Unauthorized'))")).toBe(null);
  });

  it("the middleware's next called from a callback inside it (jwt.verify's), not a callback's own next", () => {
    const code =
      "io.use((socket, next) => { jwt.verify(socket.handshake.auth.token, key, (err, decoded) => { if (err) return next(new Error('Authentication error')); next(); }); }); io.use((socket, next) => { queue.push((next) => next(new Error('Forbidden'))); });";
    const results = probeCalls(code, (context, node) => getSocketRefusal(context, node)?.status ?? null);
    expect(callResult(results, "next(new Error('Authentication error'))")).toBe(401);
    expect(callResult(results, "next(new Error('Forbidden'))")).toBe(null);
  });

  it("a connection authorizer's callback refusing: Primus authorize (also from a factory), ws verifyClient", () => {
    const primus = `function makeAuthorize(check) {
         return function (req, authorized) {
           try { check(req); authorized(); } catch (error) { authorized(error); }
         };
       }
       primus.authorize(makeAuthorize(security.check));
       primus2.authorize((req, done) => { if (!req.headers.authorization) return done(new Error('Unauthorized')); done(); });`;
    const results = probeCalls(primus, (context, node) => getSocketRefusal(context, node)?.status ?? null);
    expect(callResult(results, 'authorized(error)')).toBe(401);
    expect(callResult(results, 'authorized()')).toBe(null);
    expect(callResult(results, "done(new Error('Unauthorized'))")).toBe(401);
    // an error that is no auth refusal (a connection limit), a factory used otherwise too
    const other = `primus.authorize((req, done) => { const err = Object.assign(new Error('Too many connections'), { statusCode: 429 }); done(err); });
       function make() { return function (req, done) { try { x(req); } catch (e) { done(e); } }; }
       primus.authorize(make()); other.use(make());`;
    const quiet = probeCalls(other, (context, node) => getSocketRefusal(context, node)?.status ?? null);
    expect(callResult(quiet, 'done(err)')).toBe(null);
    expect(callResult(quiet, 'done(e)')).toBe(null);
    const ws = "new WebSocketServer({ verifyClient: (info, cb) => { if (!ok(info.req)) return cb(false, 403); if (busy()) return cb(false, 503); cb(true); } });";
    const verified = probeCalls(ws, (context, node) => getSocketRefusal(context, node)?.status ?? null);
    expect(callResult(verified, 'cb(false, 403)')).toBe(403);
    expect(callResult(verified, 'cb(false, 503)')).toBe(null);
    expect(callResult(verified, 'cb(true)')).toBe(null);
  });

  it('a message written to the socket that says it was refused: a 401/403 status field, an access-outcome field, a refusal text (issue 18)', () => {
    const results = probeCalls(
      `if (accessStatus !== 'grant') { socket.json.send({ accessStatus }); }
       if (!admin) { spark.write({ errorMessage: 'Server log access requires admin permissions' }); }
       if (!ok) { ws.send(JSON.stringify({ statusCode: 403, message: 'no' })); }
       if (!ok) { socket.emit('reply', { error: 'Not authorized' }); }
       ws.send(JSON.stringify({ statusCode: 200, data }));
       spark.write({ errorMessage: 'Path not found' });
       socket.json.send({ type: 'COLLABROOM', data });
       db.send({ statusCode: 403 });`,
      (context, node) => getSocketRefusal(context, node)?.status ?? null,
    );
    expect(callResult(results, 'socket.json.send({ accessStatus })')).toBe(403);
    expect(callResult(results, "spark.write({ errorMessage: 'Server log access requires admin permissions' })")).toBe(403);
    expect(callResult(results, "ws.send(JSON.stringify({ statusCode: 403, message: 'no' }))")).toBe(403);
    expect(callResult(results, "socket.emit('reply', { error: 'Not authorized' })")).toBe(403);
    expect(callResult(results, 'ws.send(JSON.stringify({ statusCode: 200, data }))')).toBe(null);
    expect(callResult(results, "spark.write({ errorMessage: 'Path not found' })")).toBe(null);
    expect(callResult(results, "socket.json.send({ type: 'COLLABROOM', data })")).toBe(null);
    expect(callResult(results, 'db.send({ statusCode: 403 })')).toBe(null);
  });
});
