import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getClientChannelSink, getResultObjectSink } from '../../src/model/client-channels.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

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
      const redirectWithPayload = (ctx, base, payload) => { const u = new URL(base); for (const [k, v] of Object.entries(payload)) u.searchParams.set(k, v); ctx.redirect(u.href); };
      try {
        run();
      } catch (e) {
        redirectWithError(e.message);
        fail(e);
        note(e.message, e.code);
        unknownHelper(e.message);
        redirectWithPayload(ctx, base, { error_description: e.message });
      }
    });
  `);

  it('takes the arguments whose parameter the body puts into a response, through variables', () => {
    expect(callResult(found, 'redirectWithError(e.message)')).toEqual({ payload: ['e.message'], description: '`redirectWithError()`', url: false });
    expect(callResult(found, 'note(e.message, e.code)')).toEqual({ payload: ['e.code'], description: '`note()`', url: false });
    // named for redirecting and redirecting: every argument but the response or context
    expect(callResult(found, 'redirectWithPayload(ctx, base, { error_description: e.message })')).toEqual({
      payload: ['base', '{ error_description: e.message }'],
      description: '`redirectWithPayload()`',
      url: false,
    });
  });

  it('leaves a helper whose own parameter is the caught error (reported in its body) and unknown functions alone', () => {
    expect(callResult(found, 'fail(e)')).toBeNull();
    expect(callResult(found, 'unknownHelper(e.message)')).toBeNull();
  });
});

describe('getResultObjectSink', () => {
  /** getResultObjectSink of every object literal in `code`, by its text. */
  function results(code: string) {
    const found = new Map<string, { payload: string[]; status: number | null } | null>();
    probe(code, (context) => ({
      ObjectExpression(node: TSESTree.ObjectExpression) {
        const sink = getResultObjectSink(context, node);
        found.set(context.sourceCode.getText(node), sink && { payload: sink.payload.map((p) => context.sourceCode.getText(p)), status: sink.status });
      },
    }));
    return found;
  }
  const found = results(`
    function a() { return { statusCode: 500, body: text }; }
    const b = () => ({ statusCode: 403, message: why });
    new Promise((resolve) => resolve({ statusCode: 502, message: m }));
    function c() { return { statusCode: 200, body: data }; }
    logger.error({ statusCode: 500, message: m2 });
    function d() { return { status: 500, message: m3 }; }
  `);

  it('takes an error-status object that is returned or resolved; its other properties are the payload', () => {
    expect(found.get('{ statusCode: 500, body: text }')).toEqual({ payload: ['text'], status: 500 });
    expect(found.get('{ statusCode: 403, message: why }')).toEqual({ payload: ['why'], status: 403 });
    expect(found.get('{ statusCode: 502, message: m }')).toEqual({ payload: ['m'], status: 502 });
  });

  it('leaves success results, logged objects and a bare status key alone', () => {
    expect(found.get('{ statusCode: 200, body: data }')).toBeNull();
    expect(found.get('{ statusCode: 500, message: m2 }')).toBeNull();
    expect(found.get('{ status: 500, message: m3 }')).toBeNull();
  });
});
