import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getErrorHelperSink, getResponseSink, isFastifyReplyName, isKoaOnerrorOverride, isResponseHelperCall, isResponseObjectCall, responseNameKind, returnsOwnValue } from '../../src/model/responses.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

/** getResponseSink of every call in `code`, summarized, by call text. */
function sinks(code: string) {
  return probeCalls(code, (context, node) => {
    const sink = getResponseSink(context, node);
    return (
      sink && {
        kind: sink.kind,
        payload: sink.payload.map((p) => context.sourceCode.getText(p)),
        description: sink.description,
        receiver: sink.receiver?.name ?? null,
        status: sink.status,
      }
    );
  });
}

describe('getResponseSink: the app\'s own response helpers', () => {
  const found = sinks(`
    formatResponse(500, res, err.message);
    utils.sendError(res, HttpStatus.INTERNAL_SERVER_ERROR, { error: err.message });
    formatResponse(200, res, order);
    sendStatus(403, res);
    withTimeout(res, 500, err.message);
    report(err, 500, err.message);
  `);

  it('takes what else a helper given the response and an error status receives for the body', () => {
    expect(callResult(found, 'formatResponse(500, res, err.message)')).toEqual({
      kind: 'text',
      payload: ['err.message'],
      description: '`formatResponse()`',
      receiver: 'res',
      status: 500,
    });
    expect(callResult(found, 'utils.sendError(res, HttpStatus.INTERNAL_SERVER_ERROR, { error: err.message })')).toEqual({
      kind: 'text',
      payload: ['{ error: err.message }'],
      description: '`utils.sendError()`',
      receiver: 'res',
      status: 500,
    });
  });

  it.each(['formatResponse(200, res, order)', 'sendStatus(403, res)', 'withTimeout(res, 500, err.message)', 'report(err, 500, err.message)'])(
    '%s is no body sink',
    (text) => {
      expect(callResult(found, text)).toBeNull();
    },
  );
});

describe('getResponseSink: the name check before the look-up', () => {
  const found = sinks(`
    res.status(500).json({ error: err.message });
    res['send'](err.stack);
    c.text(err.message, 500);
    req.flash('error', err.message);
    NextResponse.json({ error: err.message }, { status: 500 });
    res.status(500);
    res.end();
    res.render('error', { message: err.message });
    logger.error(err.message);
    db.write(err.message);
  `);
  it('finds method sinks through chains, computed keys and Hono contexts', () => {
    expect(callResult(found, 'res.status(500).json({ error: err.message })')).toMatchObject({ kind: 'json', receiver: 'res', status: 500 });
    expect(callResult(found, "res['send'](err.stack)")).toMatchObject({ kind: 'body', payload: ['err.stack'] });
    expect(callResult(found, 'c.text(err.message, 500)')).toMatchObject({ kind: 'text', receiver: 'c' });
    expect(callResult(found, "req.flash('error', err.message)")).toMatchObject({ kind: 'text', payload: ['err.message'] });
    expect(callResult(found, 'NextResponse.json({ error: err.message }, { status: 500 })')).toMatchObject({ kind: 'json', status: 500 });
  });
  it('answers null for calls no sink table names, or without arguments', () => {
    for (const text of ['res.status(500)', 'res.end()', "res.render('error', { message: err.message })", 'logger.error(err.message)', 'db.write(err.message)']) {
      expect(callResult(found, text)).toBeNull();
    }
  });
});

describe("getResponseSink: a raw answer on an HTTP server's 'upgrade' socket (issue 18)", () => {
  const found = sinks(`
    server.on('upgrade', (request, socket, head) => {
      socket.write('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n' + err.message);
      socket.end(err.stack);
    });
    server.on('connection', (request, socket) => {
      socket.write(err.message);
    });
    stream.on('upgrade', (socket) => {
      socket.write(String(err));
    });
  `);
  it('write and end on the second parameter of an upgrade listener are raw text sinks', () => {
    expect(callResult(found, "socket.write('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n' + err.message)")).toEqual({
      kind: 'text',
      payload: ["'HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n' + err.message"],
      description: '`socket.write()`',
      receiver: 'socket',
      // the status line the hand-written answer starts with
      status: 500,
    });
    expect(callResult(found, 'socket.end(err.stack)')).toMatchObject({ kind: 'text', payload: ['err.stack'], receiver: 'socket', status: null });
  });
  it('not a socket of another event, nor the first parameter of an upgrade listener', () => {
    expect(callResult(found, 'socket.write(err.message)')).toBeNull();
    expect(callResult(found, 'socket.write(String(err))')).toBeNull();
  });
});

describe('getErrorHelperSink: a helper named for answering, handed the response and no status (issue 18)', () => {
  const found = probeCalls(
    `
    import { sendError } from './http';
    function sendFailure(res, message) {
      const body = { ok: false, error: message };
      res.status(500).json(body);
    }
    function sendQuietly(res, message) {
      logger.error(message);
      res.status(500).json({ error: 'Internal error' });
    }
    sendError(res, err.message);
    this.oauth.renderCallbackError(res, error.message, reason);
    respondWithError(res, e.stack);
    sendFailure(res, err.message);
    sendQuietly(res, err.message);
    formatResponse(500, res, err.message);
    logger.error(res, err.message);
    trackFailure(res, err.message);
    sendError(err.message);
    sendError(ctx, err.message);
  `,
    (context, node) => {
      const sink = getErrorHelperSink(context, node);
      return sink && { payload: sink.payload.map((p) => context.sourceCode.getText(p)), receiver: sink.receiver?.name ?? null, status: sink.status, helper: sink.helper ?? false };
    },
  );

  it('what else the helper receives is the body, with no status; the sink says a whole error stays with the helper', () => {
    expect(callResult(found, 'sendError(res, err.message)')).toEqual({ payload: ['err.message'], receiver: 'res', status: null, helper: true });
    expect(callResult(found, 'this.oauth.renderCallbackError(res, error.message, reason)')).toEqual({ payload: ['error.message', 'reason'], receiver: 'res', status: null, helper: true });
    expect(callResult(found, 'respondWithError(res, e.stack)')?.payload).toEqual(['e.stack']);
  });

  it('a same-file helper counts for the parameters its body puts into a response', () => {
    expect(callResult(found, 'sendFailure(res, err.message)')?.payload).toEqual(['err.message']);
    expect(callResult(found, 'sendQuietly(res, err.message)')).toBeNull();
  });

  it.each([
    'formatResponse(500, res, err.message)',
    'logger.error(res, err.message)',
    'trackFailure(res, err.message)',
    'sendError(err.message)',
    'sendError(ctx, err.message)',
  ])('%s is none (a status helper is getResponseSink\'s, a logger, another name, no response)', (text) => {
    expect(callResult(found, text)).toBeNull();
  });

  it('is not a response for the other rules (getResponseSink)', () => {
    const plain = probeCalls(`sendError(res, err.message);`, (context, node) => getResponseSink(context, node));
    expect(callResult(plain, 'sendError(res, err.message)')).toBeNull();
  });
});

describe('responseNameKind: what a response object is called', () => {
  it.each([
    ['res', 'response'],
    ['_res', 'response'],
    ['reply', 'response'],
    ['response', 'response'],
    ['ctx', 'context'],
    ['context', 'context'],
    ['c', 'context'],
    ['h', 'toolkit'],
    ['host', 'toolkit'],
    ['httpAdapter', 'toolkit'],
  ])('%s is a %s', (name, kind) => {
    expect(responseNameKind(name)).toBe(kind);
  });

  it.each(['req', 'request', 'result', 'data', 'resource', 'cb'])('%s is no response', (name) => {
    expect(responseNameKind(name)).toBeNull();
  });
});

describe('isFastifyReplyName', () => {
  it('reply and rep are Fastify replies; res and ctx are not', () => {
    expect(['reply', 'rep', '_reply', 'res', 'ctx'].map(isFastifyReplyName)).toEqual([true, true, true, false, false]);
  });
});

describe('isResponseHelperCall: helpers named for answering, handed the response', () => {
  const found = probeCalls(
    `
    sendError(res, err);
    utils.respondWithError(reply, err);
    formatResponse(500, res, err.message);
    errorResponse(ctx, err);
    replyTo(out, err);
    sendError(err);
    notify(res, err);
    sendMail(user, err);
  `,
    (_context, node) => isResponseHelperCall(node, ['out']),
  );
  it.each(['sendError(res, err)', 'utils.respondWithError(reply, err)', 'formatResponse(500, res, err.message)', 'errorResponse(ctx, err)', 'replyTo(out, err)'])(
    '%s answers the client',
    (text) => {
      expect(callResult(found, text)).toBe(true);
    },
  );
  it.each(['sendError(err)', 'notify(res, err)', 'sendMail(user, err)'])('%s is not a response helper', (text) => {
    expect(callResult(found, text)).toBe(false);
  });
});

describe('isResponseObjectCall: methods on a response chain', () => {
  const found = probeCalls(
    `
    res.status(500).json({ error: 'x' });
    reply.code(500).send(err);
    c.json({ ok: false }, 500);
    httpAdapter.reply(host.switchToHttp().getResponse(), body, 500);
    request.raw.destroy();
    this.res.send(err);
    logger.error(err);
    send(err);
  `,
    (_context, node) => isResponseObjectCall(node, ['request']),
  );
  it.each(["res.status(500).json({ error: 'x' })", 'reply.code(500).send(err)', 'c.json({ ok: false }, 500)', 'httpAdapter.reply(host.switchToHttp().getResponse(), body, 500)', 'request.raw.destroy()'])(
    '%s is a call on the response',
    (text) => {
      expect(callResult(found, text)).toBe(true);
    },
  );
  it.each(['this.res.send(err)', 'logger.error(err)', 'send(err)'])('%s is not', (text) => {
    expect(callResult(found, text)).toBe(false);
  });
});

describe("getResponseSink: Koa's app.context.onerror override (issue 18)", () => {
  function assignmentSinks(code: string): Map<string, string | null> {
    const out = new Map<string, string | null>();
    probe(code, (context) => ({
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const sink = getResponseSink(context, node);
        out.set(context.sourceCode.getText(node), sink ? `${sink.description}:${sink.payload.map((p) => context.sourceCode.getText(p)).join()}` : null);
      },
    }));
    return out;
  }
  const found = assignmentSinks(`
    app.context.onerror = function (err) {
      this.status = 500;
      this.body = err.message;
      const send = () => { this.body = err.stack; };
    };
    ctx.app.context.onerror = function onerror(error) { this.body = { error: error.message }; };
    widget.onerror = function (err) { this.body = String(err); };
    class Page { render(err) { this.body = err.toString(); } }
  `);

  it('`this.body` in the override (and in arrows inside it) is the response body', () => {
    expect(found.get('this.body = err.message')).toBe('`this.body`:err.message');
    expect(found.get('this.body = err.stack')).toBe('`this.body`:err.stack');
    expect(found.get('this.body = { error: error.message }')).toBe('`this.body`:{ error: error.message }');
  });
  it('`this.body` elsewhere is not', () => {
    expect(found.get('this.status = 500')).toBeNull();
    expect(found.get('this.body = String(err)')).toBeNull();
    expect(found.get('this.body = err.toString()')).toBeNull();
  });
  it('isKoaOnerrorOverride: only a function assigned to `….context.onerror`', () => {
    const fns = new Map<string, boolean>();
    probe(
      `app.context.onerror = function (err) {};
       widget.onerror = function (e) {};
       app.context.onerror = (x) => {};`,
      () => ({
        'FunctionExpression, ArrowFunctionExpression'(node: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) {
          fns.set(node.params.map((p) => (p as TSESTree.Identifier).name).join(), isKoaOnerrorOverride(node));
        },
      }),
    );
    expect(Object.fromEntries(fns)).toEqual({ err: true, e: false, x: false });
  });
});

describe('returnsOwnValue: a return that answers with a value of its own', () => {
  it('a value answers; nothing, a falsy literal or a call handed on does not', () => {
    const out: boolean[] = [];
    probe(
      'async function f() { return user; return { token }; return "ok"; return; return null; return false; return undefined; return res.json(u); return await save(u); return await pending; }',
      () => ({
        ReturnStatement(node: TSESTree.ReturnStatement) {
          out.push(returnsOwnValue(node.argument));
        },
      }),
    );
    expect(out).toEqual([true, true, true, false, false, false, false, false, false, true]);
  });
});

describe('getResponseSink: session flashes and exceptions other frameworks send', () => {
  /** getResponseSink of every assignment and `new` in `code`, by the node's text. */
  function otherSinks(code: string) {
    const results = new Map<string, { payload: string[]; description: string; status: number | null } | null>();
    probe(code, (context) => {
      const note = (node: TSESTree.AssignmentExpression | TSESTree.NewExpression) => {
        const sink = getResponseSink(context, node);
        results.set(context.sourceCode.getText(node), sink && { payload: sink.payload.map((p) => context.sourceCode.getText(p)), description: sink.description, status: sink.status });
      };
      return { AssignmentExpression: note, NewExpression: note };
    });
    return results;
  }
  const found = otherSinks(`
    req.session.error = 'Could not save: ' + err;
    ctx.session.message = msg;
    req.session.user = user;
    cache.session.error = err;
    x = new WsException(e.message);
    y = new HealthCheckError('down', { db: { status: 'down', message } });
    z = new HealthCheckError('down');
  `);

  it('takes a message stored on the session for the next page (req.session.error)', () => {
    expect(found.get("req.session.error = 'Could not save: ' + err")).toEqual({ payload: ["'Could not save: ' + err"], description: '`req.session.error`', status: null });
    expect(found.get('ctx.session.message = msg')).toEqual({ payload: ['msg'], description: '`ctx.session.message`', status: null });
  });

  it('leaves other session fields and sessions of other objects alone', () => {
    expect(found.get('req.session.user = user')).toBeNull();
    expect(found.get('cache.session.error = err')).toBeNull();
  });

  it("takes a Nest gateway's WsException message and a terminus HealthCheckError's causes", () => {
    expect(found.get('new WsException(e.message)')).toEqual({ payload: ['e.message'], description: '`new WsException()`', status: null });
    expect(found.get("new HealthCheckError('down', { db: { status: 'down', message } })")).toEqual({ payload: ["{ db: { status: 'down', message } }"], description: '`new HealthCheckError()`', status: 503 });
    expect(found.get("new HealthCheckError('down')")).toBeNull();
  });
});
