import { describe, expect, it } from 'vitest';
import { getClientChannelSink } from '../../src/model/client-channels.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** getClientChannelSink of every call in `code`, summarized, by call text. */
function sinks(code: string) {
  return probeCalls(code, (context, node) => {
    const sink = getClientChannelSink(context, node);
    return sink && { payload: sink.payload.map((p) => context.sourceCode.getText(p)), description: sink.description, url: sink.url === true };
  });
}

describe('getClientChannelSink: client connections', () => {
  const found = sinks(`
    io.on('connection', (socket) => {
      socket.emit('finished', { error: err.message });
      socket.on('x', () => socket.send(err.message));
    });
    function processPut(app, spark, msg) { spark.write({ message: err.message }); }
    wss.on('connection', (connection) => { const ws = connection; ws.send(text); });
    const socket = io(url);
    socket.emit('client-error', err.message);
    const ws = new WebSocket(url);
    ws.send(err.message);
    mailer.send(err.message);
  `);

  it('takes a write to a connection the code was handed: emit after the event name, send / write their first argument', () => {
    expect(callResult(found, "socket.emit('finished', { error: err.message })")).toEqual({ payload: ['{ error: err.message }'], description: '`socket.emit()`', url: false });
    expect(callResult(found, 'socket.send(err.message)')).toEqual({ payload: ['err.message'], description: '`socket.send()`', url: false });
    expect(callResult(found, 'spark.write({ message: err.message })')).toEqual({ payload: ['{ message: err.message }'], description: '`spark.write()`', url: false });
    expect(callResult(found, 'ws.send(text)')).toEqual({ payload: ['text'], description: '`ws.send()`', url: false });
  });

  it('leaves connections the code opened itself, and other receivers, alone', () => {
    expect(callResult(found, "socket.emit('client-error', err.message)")).toBeNull();
    expect(callResult(found, 'ws.send(err.message)')).toBeNull();
    expect(callResult(found, 'mailer.send(err.message)')).toBeNull();
  });
});

describe('getClientChannelSink: redirects', () => {
  const found = sinks(`
    res.redirect('/login?error=' + err.message);
    res.redirect(302, url);
    ctx.redirect(target);
    router.redirect('/a', '/b');
  `);

  it('takes the URL of a response or context redirect, not its status', () => {
    expect(callResult(found, "res.redirect('/login?error=' + err.message)")).toEqual({ payload: ["'/login?error=' + err.message"], description: '`res.redirect()`', url: true });
    expect(callResult(found, 'res.redirect(302, url)')).toEqual({ payload: ['url'], description: '`res.redirect()`', url: true });
    expect(callResult(found, 'ctx.redirect(target)')).toEqual({ payload: ['target'], description: '`ctx.redirect()`', url: true });
  });

  it('leaves a router redirect rule alone', () => {
    expect(callResult(found, "router.redirect('/a', '/b')")).toBeNull();
  });
});

describe('getClientChannelSink: same-file helpers that send a parameter', () => {
  const found = sinks(`
    app.get('/cb', (req, res) => {
      const redirectWithError = (message) => {
        const param = encodeURIComponent(message);
        res.redirect('/login?message=' + param);
      };
      const fail = (err) => res.status(500).json({ error: err.message });
      function note(message, code) { logger.warn(message); res.status(502).json({ code }); }
      try {
        run();
      } catch (e) {
        redirectWithError(e.message);
        fail(e);
        note(e.message, e.code);
        unknownHelper(e.message);
      }
    });
  `);

  it('takes the arguments whose parameter the body puts into a response, through variables', () => {
    expect(callResult(found, 'redirectWithError(e.message)')).toEqual({ payload: ['e.message'], description: '`redirectWithError()`', url: false });
    expect(callResult(found, 'note(e.message, e.code)')).toEqual({ payload: ['e.code'], description: '`note()`', url: false });
  });

  it('leaves a helper whose own parameter is the caught error (reported in its body) and unknown functions alone', () => {
    expect(callResult(found, 'fail(e)')).toBeNull();
    expect(callResult(found, 'unknownHelper(e.message)')).toBeNull();
  });
});
