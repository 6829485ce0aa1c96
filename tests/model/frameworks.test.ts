import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type Context, getEnclosingFunction, isFunctionNode, resolveFunction } from '../../src/model/ast.js';
import { findCallingHandler, findEnclosingHandler, getHandlerInfo, isCalledInSameFile, isErrorHandler } from '../../src/model/handlers.js';
import { type HttpOutcome, getAssertion, getCallOutcome, getFunctionOutcome, getHttpOutcome, getHttpStatus, passesResponseArgument } from '../../src/model/http-outcomes.js';
import { getStatusChoices, getStatusWriteChoices } from '../../src/model/status-choices.js';
import { statusFromErrorName } from '../../src/model/http-status.js';
import { getFrameworkLogger, getRequestContextExpressions } from '../../src/model/request-context.js';
import { type ProbeOptions, callResult, probe, probeCalls, probeFunctions } from '../helpers/probe.js';

const ts: ProbeOptions = { ts: true };

/** getHttpStatus of every call in `code`, by call text. */
function callStatuses(code: string, options: ProbeOptions = ts): Map<string, number | null> {
  return probeCalls(code, (context, node) => getHttpStatus(context, node), options);
}

/** getHttpOutcome of every node of `type`, by its source text. */
function outcomes(code: string, type: string, options: ProbeOptions = ts): Map<string, Pick<HttpOutcome, 'status' | 'kind' | 'errorName' | 'frameworkError'> | null> {
  const results = new Map<string, Pick<HttpOutcome, 'status' | 'kind' | 'errorName' | 'frameworkError'> | null>();
  probe(
    code,
    (context) => ({
      [type](node: TSESTree.Node) {
        const text = context.sourceCode.getText(node);
        const o = getHttpOutcome(context, node);
        if (!results.has(text)) results.set(text, o && { status: o.status, kind: o.kind, errorName: o.errorName, frameworkError: o.frameworkError });
      },
    }),
    options,
  );
  return results;
}

interface HandlerSummary {
  line: number;
  framework: string;
  kind: string;
  via: string;
  req?: string;
  res?: string;
  next?: string;
  ctx?: string;
  error?: string;
}

/** getHandlerInfo for every function in `code` that is a handler, in source order. */
function handlers(code: string, options: ProbeOptions = ts): HandlerSummary[] {
  return probeFunctions(
    code,
    (context, fn) => {
      const info = getHandlerInfo(context, fn);
      return info
        ? {
            line: fn.loc.start.line,
            framework: info.framework,
            kind: info.kind,
            via: info.via,
            ...(info.req ? { req: info.req.name } : {}),
            ...(info.res ? { res: info.res.name } : {}),
            ...(info.next ? { next: info.next.name } : {}),
            ...(info.ctx ? { ctx: info.ctx.name } : {}),
            ...(info.error ? { error: info.error.name } : {}),
          }
        : null;
    },
    options,
  );
}

describe('getHttpStatus: responses', () => {
  const code = `
    res.status(401).json({ error: 'unauthorized' });
    res.sendStatus(403);
    res.writeHead(401, { 'WWW-Authenticate': 'Basic' });
    reply.code(403).send();
    reply.status(429).send();
    c.json({ error: 'no' }, 401);
    c.text('Forbidden', 403);
    c.json({ error: 'no' }, { status: 401 });
    NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
    Response.json({ error: 'Unauthorized' }, { status: 403 });
    res.status(HttpStatus.UNAUTHORIZED).send();
    res.status(StatusCodes.FORBIDDEN).send();
    res.status(httpStatus.TOO_MANY_REQUESTS).send();
    res.writeHead(constants.HTTP_STATUS_UNAUTHORIZED);
    reply.unauthorized();
    ctx.unauthorized('Invalid refresh token');
    ctx.forbidden();
    res.set('x', 'y').status(401).end();
    res.json({ ok: true });
    res.status(status).send();
    res.status(200).json({});
    err.status(401);
    c.json({ ok: true });
  `;
  const statuses = callStatuses(code);
  it.each([
    ["res.status(401).json({ error: 'unauthorized' })", 401],
    ["res.status(401)", 401],
    ['res.sendStatus(403)', 403],
    ["res.writeHead(401, { 'WWW-Authenticate': 'Basic' })", 401],
    ['reply.code(403).send()', 403],
    ['reply.status(429).send()', 429],
    ["c.json({ error: 'no' }, 401)", 401],
    ["c.text('Forbidden', 403)", 403],
    ["c.json({ error: 'no' }, { status: 401 })", 401],
    ["NextResponse.json({ error: 'Unauthorized' }, { status: 401 })", 401],
    ["Response.json({ error: 'Unauthorized' }, { status: 403 })", 403],
    ['res.status(HttpStatus.UNAUTHORIZED).send()', 401],
    ['res.status(StatusCodes.FORBIDDEN).send()', 403],
    ['res.status(httpStatus.TOO_MANY_REQUESTS).send()', 429],
    ['res.writeHead(constants.HTTP_STATUS_UNAUTHORIZED)', 401],
    ['reply.unauthorized()', 401],
    // Strapi's Koa context helpers
    ["ctx.unauthorized('Invalid refresh token')", 401],
    ['ctx.forbidden()', 403],
    ["res.set('x', 'y').status(401).end()", 401],
    ['res.status(200).json({})', 200],
  ])('%s → %s', (text, status) => {
    expect(callResult(statuses, text)).toBe(status);
  });
  it.each(['res.json({ ok: true })', 'res.status(status).send()', 'err.status(401)', 'c.json({ ok: true })'])('%s → null', (text) => {
    expect(callResult(statuses, text)).toBeNull();
  });

  it('reads enum members in PascalCase (axios / Next HttpStatusCode)', () => {
    const s = callStatuses('res.status(HttpStatusCode.Unauthorized).end(); reply.code(HttpStatusCode.TooManyRequests).send();');
    expect(callResult(s, 'res.status(HttpStatusCode.Unauthorized)')).toBe(401);
    expect(callResult(s, 'reply.code(HttpStatusCode.TooManyRequests)')).toBe(429);
  });

  it('reads a status from a const', () => {
    const s = callStatuses('const DENIED = 403; res.status(DENIED).end();');
    expect(callResult(s, 'res.status(DENIED)')).toBe(403);
  });
});

describe('getHttpOutcome: the app\'s own response helpers', () => {
  const found = outcomes(
    `
    sendStatus(403, res);
    formatResponse(401, res, { message: 'no' });
    utils.respond(response, HttpStatus.FORBIDDEN);
    this.sendError(reply, 'Unauthorized', 401);
    sendStatus(204, res);
    withTimeout(res, 500);
    logger.warn(res, 403);
    track(ctx, 403);
    notify(user, 403);
    sendStatus(code, res);
  `,
    'CallExpression',
  );
  it.each([
    ['sendStatus(403, res)', 403],
    ["formatResponse(401, res, { message: 'no' })", 401],
    ['utils.respond(response, HttpStatus.FORBIDDEN)', 403],
    ["this.sendError(reply, 'Unauthorized', 401)", 401],
  ])('%s answers with %s', (text, status) => {
    expect(found.get(text)).toEqual({ status, kind: 'response', errorName: null, frameworkError: false });
  });
  it.each(['sendStatus(204, res)', 'withTimeout(res, 500)', 'logger.warn(res, 403)', 'track(ctx, 403)', 'notify(user, 403)', 'sendStatus(code, res)'])(
    '%s is no error response',
    (text) => {
      expect(found.has(text)).toBe(true);
      expect(found.get(text)).toBeNull();
    },
  );
});

describe('passesResponseArgument: the cheap pre-check before a helper outcome', () => {
  const code = `
    sendStatus(403, res);
    formatResponse(401, _res, { message: 'no' });
    utils.respond(response as Response, HttpStatus.FORBIDDEN);
    this.sendError(reply!, 'Unauthorized', 401);
    withTimeout(rep, 500);
    res.status(500).json({ error: err.message });
    send(res);
    track(ctx, 403);
    notify(user, 403);
    logger.error(resource, 500);
  `;
  const found = probeCalls(code, (_context, node) => passesResponseArgument(node), { ts: true });
  it.each([
    'sendStatus(403, res)',
    "formatResponse(401, _res, { message: 'no' })",
    'utils.respond(response as Response, HttpStatus.FORBIDDEN)',
    "this.sendError(reply!, 'Unauthorized', 401)",
    'withTimeout(rep, 500)',
  ])('%s hands a response to a helper', (text) => {
    expect(callResult(found, text)).toBe(true);
  });
  it.each(['res.status(500).json({ error: err.message })', 'res.status(500)', 'send(res)', 'track(ctx, 403)', 'notify(user, 403)', 'logger.error(resource, 500)'])(
    '%s does not (a response method, one argument, no response by name)',
    (text) => {
      expect(callResult(found, text)).toBe(false);
    },
  );
  it('holds for every call whose HTTP outcome has one of its own arguments as the receiver', () => {
    const checked = probeCalls(
      `${code}
      sendError(res, 401); reply.code(401).send(); ctx.throw(401); next(createError(403)); helper(res, 'x', 500);`,
      (context, node) => {
        const receiver = getHttpOutcome(context, node)?.receiver;
        const own = receiver !== undefined && node.arguments.some((a) => a === receiver || ('expression' in a && a.expression === receiver));
        return { own, passes: passesResponseArgument(node) };
      },
      { ts: true },
    );
    const owning = [...checked.values()].filter((r) => r.own);
    expect(owning.length).toBeGreaterThan(4);
    for (const r of owning) expect(r.passes).toBe(true);
  });
});

describe('getAssertion: Koa ctx.assert as a conditional throw', () => {
  const found = probeCalls(
    `
    ctx.assert(ctx.state.user, 401, 'Login required');
    context.assert(user.isAdmin, HttpStatus.FORBIDDEN);
    ctx.assert(body.name, 400);
    ctx.assert(ok, 200);
    assert(user, 401);
    expect.assert(user, 401);
    ctx.assert(user);
  `,
    (context, node) => {
      const a = getAssertion(context, node);
      return a && { status: a.status, value: context.sourceCode.getText(a.value) };
    },
    ts,
  );
  it.each([
    ["ctx.assert(ctx.state.user, 401, 'Login required')", { status: 401, value: 'ctx.state.user' }],
    ['context.assert(user.isAdmin, HttpStatus.FORBIDDEN)', { status: 403, value: 'user.isAdmin' }],
    ['ctx.assert(body.name, 400)', { status: 400, value: 'body.name' }],
  ])('%s', (text, expected) => {
    expect(callResult(found, text)).toEqual(expected);
  });
  it.each(['ctx.assert(ok, 200)', 'assert(user, 401)', 'expect.assert(user, 401)', 'ctx.assert(user)'])('%s → null', (text) => {
    expect(callResult(found, text)).toBeNull();
  });
});

describe('getStatusChoices: a status chosen by a ternary', () => {
  function choices(code: string): Map<string, { status: number; node: string }[] | null> {
    const found = new Map<string, { status: number; node: string }[] | null>();
    const record = (context: Context, node: TSESTree.CallExpression | TSESTree.AssignmentExpression) => {
      const text = context.sourceCode.getText(node);
      if (found.has(text)) return;
      found.set(text, getStatusChoices(context, node)?.map((c) => ({ status: c.status, node: context.sourceCode.getText(c.node) })) ?? null);
    };
    probe(code, (context) => ({ CallExpression: (node: TSESTree.CallExpression) => record(context, node), AssignmentExpression: (node: TSESTree.AssignmentExpression) => record(context, node) }), ts);
    return found;
  }
  const found = choices(`
    res.status(userId ? 404 : 403);
    res.sendStatus(ok ? 200 : HttpStatus.FORBIDDEN);
    ctx.status = user ? 403 : 401;
    reply.code(a ? b : 401);
    res.status(401);
    err.status = a ? 401 : 403;
    list.code(a ? 401 : 403);
  `);
  it('lists the branches that denote a status', () => {
    expect(found.get('res.status(userId ? 404 : 403)')).toEqual([{ status: 404, node: '404' }, { status: 403, node: '403' }]);
    expect(found.get('res.sendStatus(ok ? 200 : HttpStatus.FORBIDDEN)')).toEqual([{ status: 200, node: '200' }, { status: 403, node: 'HttpStatus.FORBIDDEN' }]);
    expect(found.get('ctx.status = user ? 403 : 401')).toEqual([{ status: 403, node: '403' }, { status: 401, node: '401' }]);
    expect(found.get('reply.code(a ? b : 401)')).toEqual([{ status: 401, node: '401' }]);
  });
  it.each(['res.status(401)', 'err.status = a ? 401 : 403', 'list.code(a ? 401 : 403)'])('%s → null', (text) => {
    expect(found.has(text)).toBe(true);
    expect(found.get(text)).toBeNull();
  });
});

describe('getStatusChoices and getStatusWriteChoices: a status held in a variable', () => {
  const code = `
    function a(res, session) { const status = session ? 403 : 401; res.status(status); }
    function b(res, invoice, user) { const status = !invoice ? 404 : invoice.ownerId !== user.id ? 403 : 200; res.status(status); }
    function c(res, user) { let code = 200; if (!user.isAdmin) code = 403; res.status(code); }
    function d(res, err) { let status = err.status; if (!status) status = 500; res.status(status); }
    function e(res) { const status = 403; res.status(status); }
    function f(ctx, user) { const s = user ? 403 : 401; ctx.status = s; }
  `;
  const held = new Map<string, { status: number; node: string; held: string | undefined }[] | null>();
  const writes = new Map<string, { own: number[]; all: number[] } | null>();
  probe(
    code,
    (context) => ({
      'CallExpression[callee.property.name="status"], AssignmentExpression[left.type="MemberExpression"]'(node: TSESTree.CallExpression | TSESTree.AssignmentExpression) {
        const choices = getStatusChoices(context, node);
        held.set(context.sourceCode.getText(getEnclosingFunction(node)!.id!), choices?.map((ch) => ({ status: ch.status, node: context.sourceCode.getText(ch.node), held: ch.held })) ?? null);
      },
      'AssignmentExpression[left.type="Identifier"]'(node: TSESTree.AssignmentExpression) {
        const w = getStatusWriteChoices(context, node);
        writes.set(context.sourceCode.getText(node), w ? { own: w.own.map((ch) => ch.status), all: w.all.map((ch) => ch.status) } : null);
      },
    }),
    ts,
  );
  it('every value a declaration or its assignments give, nested ternaries flattened', () => {
    expect(held.get('a')).toEqual([{ status: 403, node: '403', held: 'once' }, { status: 401, node: '401', held: 'once' }]);
    expect(held.get('b')?.map((ch) => ch.status)).toEqual([404, 403, 200]);
    expect(held.get('c')).toEqual([{ status: 200, node: '200', held: 'reassigned' }, { status: 403, node: '403', held: 'reassigned' }]);
    expect(held.get('f')?.map((ch) => ch.status)).toEqual([403, 401]);
  });
  it('none when a value is not a known status, or the variable holds one status (getHttpOutcome answers that)', () => {
    expect(held.get('d')).toBeNull();
    expect(held.get('e')).toBeNull();
  });
  it('the assignment that sets a status the response reads', () => {
    expect(writes.get('code = 403')).toEqual({ own: [403], all: [200, 403] });
    expect(writes.get('status = 500')).toBeNull();
  });
});

describe('getCallOutcome: a helper whose status parameter has a default', () => {
  const code = `
    function deny(res, message, code = 403) { return res.status(code).json({ error: message }); }
    const fail = (reply, code = HttpStatus.UNAUTHORIZED) => reply.code(code).send();
    function ok(res, code = 200) { res.status(code).end(); }
    function always(res) { res.sendStatus(401); }
    app.get('/', (req, res) => { deny(res, 'no'); deny(res, 'gone', 404); deny(res, 'x', req.query.code); fail(res); ok(res); always(res); });
  `;
  const results = probeCalls(code, (context, node) => {
    const fn = node.callee.type === AST_NODE_TYPES.Identifier ? resolveFunction(context, node.callee) : null;
    return fn ? (getCallOutcome(context, fn, node)?.status ?? null) : undefined;
  }, ts);
  it('the argument in that position, else the default', () => {
    expect(callResult(results, "deny(res, 'no')")).toBe(403);
    expect(callResult(results, "deny(res, 'gone', 404)")).toBe(404);
    expect(callResult(results, 'fail(res)')).toBe(401);
    expect(callResult(results, 'always(res)')).toBe(401);
  });
  it('no outcome for an unknown argument or a default that is no error status', () => {
    expect(callResult(results, "deny(res, 'x', req.query.code)")).toBeNull();
    expect(callResult(results, 'ok(res)')).toBeNull();
  });
});

describe('getHttpOutcome: an app\'s error factories called without new', () => {
  const calls = outcomes(
    `
    createUnauthorizedError('Invalid API key');
    Unauthorized();
    forbidden('Not yours');
    makeForbiddenException();
    ApiError.unauthorized('Please log in');
    AppErrors.forbidden();
    next(createUnauthorizedError('x'));
    createUser();
    Unauthorizedx();
    notify.forbidden();
    createdError();
    newFound();
    isForbidden(user);
  `,
    'CallExpression',
  );
  it.each([
    ["createUnauthorizedError('Invalid API key')", { status: 401, kind: 'error', errorName: 'createUnauthorizedError', frameworkError: false }],
    ['Unauthorized()', { status: 401, kind: 'error', errorName: 'Unauthorized', frameworkError: false }],
    ["forbidden('Not yours')", { status: 403, kind: 'error', errorName: 'forbidden', frameworkError: false }],
    ['makeForbiddenException()', { status: 403, kind: 'error', errorName: 'makeForbiddenException', frameworkError: false }],
    ["ApiError.unauthorized('Please log in')", { status: 401, kind: 'error', errorName: 'ApiError', frameworkError: false }],
    ['AppErrors.forbidden()', { status: 403, kind: 'error', errorName: 'AppErrors', frameworkError: false }],
    ["next(createUnauthorizedError('x'))", { status: 401, kind: 'forward', errorName: 'createUnauthorizedError', frameworkError: false }],
  ])('%s', (text, expected) => {
    expect(calls.get(text)).toEqual(expected);
  });
  it.each(['createUser()', 'Unauthorizedx()', 'notify.forbidden()', 'createdError()', 'newFound()', 'isForbidden(user)'])('%s → null', (text) => {
    expect(calls.has(text)).toBe(true);
    expect(calls.get(text)).toBeNull();
  });
});

describe('getHttpOutcome: error classes named for a refusal', () => {
  // Backstage's @backstage/errors (devtools backend, round 17) answers NotAllowedError with 403
  const news = outcomes(
    `
    new errors.NotAllowedError('Unauthorized');
    new NotAllowedError();
    new PermissionDeniedError('x');
    new MethodNotAllowedError();
  `,
    'NewExpression',
  );
  it.each([
    ["new errors.NotAllowedError('Unauthorized')", 403, 'NotAllowedError'],
    ['new NotAllowedError()', 403, 'NotAllowedError'],
    ["new PermissionDeniedError('x')", 403, 'PermissionDeniedError'],
    ['new MethodNotAllowedError()', 405, 'MethodNotAllowedError'],
  ])('%s → %d', (text, status, errorName) => {
    expect(news.get(text)).toEqual({ status, kind: 'error', errorName, frameworkError: false });
  });
});

describe('getHttpOutcome: error classes handed the status by its name', () => {
  // better-auth 1.7 (better-call's APIError) and tRPC
  const news = outcomes(
    `
    new APIError('FORBIDDEN', { message: 'Not a member' });
    new TRPCError({ code: 'UNAUTHORIZED' });
    new TRPCError({ message: 'x', code: 'TOO_MANY_REQUESTS' });
    new Error('FORBIDDEN');
    new APIError('Forbidden');
    new APIError('FOUND');
    new TRPCError({ code: userCode });
  `,
    'NewExpression',
  );
  const calls = outcomes(
    `
    APIError.from('FORBIDDEN', ADMIN_ERROR_CODES.YOU_ARE_NOT_ALLOWED_TO_GET_USER);
    APIError.fromStatus('UNAUTHORIZED', { message: 'Invalid code' });
    Errors.from('not allowed');
    logger.from('FORBIDDEN');
  `,
    'CallExpression',
  );
  it.each([
    ["new APIError('FORBIDDEN', { message: 'Not a member' })", 403],
    ["new TRPCError({ code: 'UNAUTHORIZED' })", 401],
    ["new TRPCError({ message: 'x', code: 'TOO_MANY_REQUESTS' })", 429],
  ])('%s → %d', (text, status) => {
    expect(news.get(text)).toEqual({ status, kind: 'error', errorName: text.slice(4, text.indexOf('(')), frameworkError: false });
  });
  it.each([
    ["APIError.from('FORBIDDEN', ADMIN_ERROR_CODES.YOU_ARE_NOT_ALLOWED_TO_GET_USER)", 403],
    ["APIError.fromStatus('UNAUTHORIZED', { message: 'Invalid code' })", 401],
  ])('%s → %d', (text, status) => {
    expect(calls.get(text)).toEqual({ status, kind: 'error', errorName: 'APIError', frameworkError: false });
  });
  it.each([
    ["new Error('FORBIDDEN')", 'a built-in error: only its message'],
    ["new APIError('Forbidden')", 'not a status constant name'],
    ["new APIError('FOUND')", 'no error status'],
    ['new TRPCError({ code: userCode })', 'not written out'],
  ])('%s → null (%s)', (text) => {
    expect(news.has(text)).toBe(true);
    expect(news.get(text)).toBeNull();
  });
  it.each(["Errors.from('not allowed')", "logger.from('FORBIDDEN')"])('%s → null', (text) => {
    expect(calls.get(text) ?? null).toBeNull();
  });
});

describe('getHttpOutcome: errors, throws and hand-offs', () => {
  const news = outcomes(
    `
    new UnauthorizedException();
    new ForbiddenException('no');
    new HttpException('Forbidden', HttpStatus.FORBIDDEN);
    new HttpException('x', 401);
    new HTTPException(401, { message: 'no' });
    new createError.Unauthorized();
    new UnauthorizedError('token expired');
    new ApiError(httpStatus.UNAUTHORIZED, 'Please authenticate');
    new Response('Unauthorized', { status: 401 });
    new NextResponse(null, { status: 403 });
    new Error('Unauthorized');
    new ValidationError('bad');
  `,
    'NewExpression',
  );
  it.each([
    ['new UnauthorizedException()', { status: 401, kind: 'error', errorName: 'UnauthorizedException', frameworkError: true }],
    ["new ForbiddenException('no')", { status: 403, kind: 'error', errorName: 'ForbiddenException', frameworkError: true }],
    ["new HttpException('Forbidden', HttpStatus.FORBIDDEN)", { status: 403, kind: 'error', errorName: 'HttpException', frameworkError: true }],
    ["new HttpException('x', 401)", { status: 401, kind: 'error', errorName: 'HttpException', frameworkError: true }],
    ["new HTTPException(401, { message: 'no' })", { status: 401, kind: 'error', errorName: 'HTTPException', frameworkError: true }],
    ['new createError.Unauthorized()', { status: 401, kind: 'error', errorName: 'createError', frameworkError: true }],
    ["new UnauthorizedError('token expired')", { status: 401, kind: 'error', errorName: 'UnauthorizedError', frameworkError: false }],
    ["new ApiError(httpStatus.UNAUTHORIZED, 'Please authenticate')", { status: 401, kind: 'error', errorName: 'ApiError', frameworkError: false }],
    ["new Response('Unauthorized', { status: 401 })", { status: 401, kind: 'response', errorName: null, frameworkError: false }],
    ['new NextResponse(null, { status: 403 })', { status: 403, kind: 'response', errorName: null, frameworkError: false }],
  ])('%s', (text, expected) => {
    expect(news.get(text)).toEqual(expected);
  });
  it.each(["new Error('Unauthorized')", "new ValidationError('bad')"])('%s → null', (text) => {
    expect(news.has(text)).toBe(true);
    expect(news.get(text)).toBeNull();
  });

  it('recognizes factories, Boom, @fastify/sensible and hand-offs', () => {
    const calls = outcomes(
      `
      createError(401, 'Please log in');
      httpErrors.Forbidden();
      fastify.httpErrors.unauthorized();
      Boom.unauthorized('bad token');
      Boom.tooManyRequests();
      ctx.throw(401, 'Authentication required');
      ctx.throw('denied', 403);
      next(createError(403));
      done(new UnauthorizedException());
      reject(new ApiError(401, 'x'));
      reply.send(httpErrors.Unauthorized());
      next(err);
      done(null, false);
    `,
      'CallExpression',
    );
    expect(calls.get("createError(401, 'Please log in')")).toEqual({ status: 401, kind: 'error', errorName: 'createError', frameworkError: true });
    expect(calls.get('httpErrors.Forbidden()')).toEqual({ status: 403, kind: 'error', errorName: 'httpErrors', frameworkError: true });
    expect(calls.get('fastify.httpErrors.unauthorized()')).toEqual({ status: 401, kind: 'error', errorName: 'httpErrors', frameworkError: true });
    expect(calls.get("Boom.unauthorized('bad token')")).toEqual({ status: 401, kind: 'error', errorName: 'Boom', frameworkError: true });
    expect(calls.get('Boom.tooManyRequests()')?.status).toBe(429);
    expect(calls.get("ctx.throw(401, 'Authentication required')")).toEqual({ status: 401, kind: 'throw', errorName: 'ctx.throw', frameworkError: true });
    expect(calls.get("ctx.throw('denied', 403)")?.status).toBe(403);
    expect(calls.get('next(createError(403))')).toEqual({ status: 403, kind: 'forward', errorName: 'createError', frameworkError: true });
    expect(calls.get('done(new UnauthorizedException())')?.kind).toBe('forward');
    expect(calls.get("reject(new ApiError(401, 'x'))")).toEqual({ status: 401, kind: 'forward', errorName: 'ApiError', frameworkError: false });
    expect(calls.get('reply.send(httpErrors.Unauthorized())')?.kind).toBe('forward');
    expect(calls.get('next(err)')).toBeNull();
    expect(calls.get('done(null, false)')).toBeNull();
  });

  it('hands an answer to a callback parameter named so (`responseCallback({ statusCode: 401 })`), not to any function named alike', () => {
    const calls = outcomes(
      `
      function onAuth(responseCallback, success) { if (!success) responseCallback({ statusCode: 401, message: 'no' }); }
      function local() { const makeCallback = () => {}; makeCallback({ statusCode: 401 }); }
    `,
      'CallExpression',
    );
    expect(calls.get("responseCallback({ statusCode: 401, message: 'no' })")?.kind).toBe('forward');
    expect(calls.get('makeCallback({ statusCode: 401 })')).toBeNull();
  });

  it('follows a const to the error a throw throws, and reads thrown object literals', () => {
    const throws = outcomes(
      `
      function a() { const e = new ForbiddenException(); throw e; }
      function b() { throw { statusCode: 401, message: 'Unauthenticated' }; }
      function c(err) { throw err; }
      function d() { throw new Error('x'); }
    `,
      'ThrowStatement',
    );
    expect(throws.get('throw e;')).toEqual({ status: 403, kind: 'throw', errorName: 'ForbiddenException', frameworkError: true });
    expect(throws.get("throw { statusCode: 401, message: 'Unauthenticated' };")).toEqual({ status: 401, kind: 'throw', errorName: null, frameworkError: false });
    expect(throws.get('throw err;')).toBeNull();
    expect(throws.get("throw new Error('x');")).toBeNull();
  });

  it('reads status assignments on responses and Koa contexts, not on errors', () => {
    const assignments = outcomes('ctx.status = 401; res.statusCode = 403; err.status = 401; ctx.response.status = 403; ctx.status = code;', 'AssignmentExpression');
    expect(assignments.get('ctx.status = 401')).toEqual({ status: 401, kind: 'response', errorName: null, frameworkError: false });
    expect(assignments.get('res.statusCode = 403')?.status).toBe(403);
    expect(assignments.get('ctx.response.status = 403')?.status).toBe(403);
    expect(assignments.get('err.status = 401')).toBeNull();
    expect(assignments.get('ctx.status = code')).toBeNull();
  });
});

describe('statusFromErrorName', () => {
  it.each([
    ['UnauthorizedException', 401],
    ['ForbiddenException', 403],
    ['TooManyRequestsException', 429],
    ['UnauthorizedError', 401],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['NotFoundError', 404],
    ['InternalServerErrorException', 500],
    ['InternalServerError', 500],
    ['AuthenticationError', 401],
    // names that say the caller must authenticate or presented a wrong secret (atproto XRPC, Directus, Vendure)
    ['AuthRequiredError', 401],
    ['AuthenticationRequiredError', 401],
    ['LoginRequiredException', 401],
    ['InvalidCredentialsError', 401],
    ['InvalidPasswordError', 401],
  ])('%s → %s', (name, status) => {
    expect(statusFromErrorName(name)).toBe(status);
  });
  it.each(['Error', 'ValidationError', 'PasswordPolicyError', 'InvalidRequestError', 'QueryFailedError', 'Exception', 'constructor', 'toString', '__proto__', 'hasOwnPropertyError'])('%s → null', (name) => {
    expect(statusFromErrorName(name)).toBeNull();
  });
});

describe('getHandlerInfo: Express, plain http and Next.js pages API', () => {
  it('recognizes registered routes and middleware, error middleware and createServer', () => {
    expect(
      handlers(`
app.get('/users', (req, res) => res.json([]));
router.post('/login', validate(schema), async function (request, response) {});
app.use((req, res, next) => next());
app.use(function (err, req, res, next) { res.status(500).end(); });
app.route('/book').get((rq, rs) => rs.end());
http.createServer((req, res) => res.end());
app.param('id', (req, res, next, id) => next());
`),
    ).toEqual([
      { line: 2, framework: 'express', kind: 'route', via: 'registration', req: 'req', res: 'res' },
      { line: 3, framework: 'express', kind: 'route', via: 'registration', req: 'request', res: 'response' },
      { line: 4, framework: 'express', kind: 'middleware', via: 'registration', req: 'req', res: 'res', next: 'next' },
      { line: 5, framework: 'express', kind: 'error-handler', via: 'registration', error: 'err', req: 'req', res: 'res', next: 'next' },
      { line: 6, framework: 'express', kind: 'route', via: 'registration', req: 'rq', res: 'rs' },
      { line: 7, framework: 'node-http', kind: 'route', via: 'registration', req: 'req', res: 'res' },
    ]);
  });

  it('recognizes handlers by their parameters when they are not called in the same file', () => {
    expect(
      handlers(`
export function requireAuth(req: Request, res: Response, next: NextFunction) {}
export default async function handler(req, res) {}
const errorHandler = (err, req, res, _next) => {};
class AuthController { async login(req, res) {} }
`),
    ).toEqual([
      { line: 2, framework: 'express', kind: 'middleware', via: 'params', req: 'req', res: 'res', next: 'next' },
      { line: 3, framework: 'express', kind: 'route', via: 'params', req: 'req', res: 'res' },
      { line: 4, framework: 'express', kind: 'error-handler', via: 'params', error: 'err', req: 'req', res: 'res', next: '_next' },
      { line: 5, framework: 'express', kind: 'route', via: 'params', req: 'req', res: 'res' },
    ]);
  });

  it('takes a four-parameter function for error middleware only when it looks like one', () => {
    expect(
      handlers(`
app.use((error, request, response, done) => { response.status(500).end(); });
app.use((_err, req, res, _next) => res.sendStatus(500));
app.use(function (problem, req, res, next) { res.status(500).end(); });
router.use(audit((entry, req, res, extra) => res.end()));
function render(view, req, res, locals) { res.render(view, locals); }
export const onError = (err, req, res, done) => res.status(500).end();
`).map((info) => [info.line, info.kind]),
    ).toEqual([
      [2, 'error-handler'],
      [3, 'error-handler'],
      [4, 'error-handler'],
      [7, 'error-handler'],
    ]);
  });

  it('does not take helpers, utilities or other callbacks for handlers', () => {
    expect(
      handlers(`
function deny(req, res) { res.status(403).end(); }
app.get('/x', (req, res) => deny(req, res));
function sendError(res, status) { res.status(status).end(); }
axios.interceptors.response.use((response) => response, (error) => Promise.reject(error));
emitter.on('data', (chunk, encoding) => {});
cache.get('key', (key) => load(key));
rest.get('/api/user', (req, res, ctx) => res(ctx.status(401)));
export const resolver = (req, res, ctx) => res(ctx.json({}));
users.map((user, index) => user.id);
`).map((h) => h.line),
    ).toEqual([3]);
  });

  it('needs `next` to call an unregistered four-parameter function an error middleware', () => {
    expect(
      handlers(`
function wrapOnSendEnd(err, request, reply, payload) { reply.send(payload); }
class LogController { requestCompleted(error, request, reply, metadata) { reply.log.info(metadata); } }
export function errorHandler(err, req, res, next) { res.status(500).end(); }
`).map((h) => h.line),
    ).toEqual([4]);
  });

  it('does not crash on a route-like call chained on a plain call (nock(url).post(path, fn))', () => {
    expect(
      handlers(`
nock('https://api.example.com').post('/send', (uri, body) => [200, body]);
router.route('/users').get((req, res) => res.json([]));
`).map((h) => h.line),
    ).toEqual([3]);
  });
});

describe('getHandlerInfo: destructured requests and handlers registered by name', () => {
  it('recognizes a handler whose request parameter is destructured, also when a factory returns it', () => {
    expect(
      handlers(`
export const create = async ({ body, query }: Request, res: Response, next: NextFunction) => {};
const makeHandler = (svc) => async ({ body }, res) => {};
export const typed = async ({ user }: Request, res) => {};
app.post('/login', ({ body }, res) => {});
`),
    ).toEqual([
      { line: 2, framework: 'express', kind: 'middleware', via: 'params', res: 'res', next: 'next' },
      { line: 3, framework: 'express', kind: 'route', via: 'params', res: 'res' },
      { line: 4, framework: 'express', kind: 'route', via: 'params', res: 'res' },
      { line: 5, framework: 'express', kind: 'route', via: 'registration', res: 'res' },
    ]);
  });

  it('does not take a destructured object without request fields, or a helper called here, for a request', () => {
    expect(
      handlers(`
const onPage = ({ data, user }, response) => {};
const render = ({ body }, res) => {};
render(page, out);
items.map(({ body }, index) => body);
`),
    ).toEqual([]);
  });

  it('recognizes a function declared elsewhere in the file and registered by name', () => {
    expect(
      handlers(`
async function login(req, res) {}
const me = async (ctx) => {};
function deny(rq, rs) {}
router.post('/login', limiter, login);
router.get('/me', me);
app.get('/admin', [auth, deny]);
deny(a, b);
fastify.route({ method: 'GET', url: '/x', handler: show });
async function show(request, reply) {}
`),
    ).toEqual([
      { line: 2, framework: 'express', kind: 'route', via: 'registration', req: 'req', res: 'res' },
      { line: 3, framework: 'koa', kind: 'route', via: 'registration', ctx: 'ctx' },
      { line: 4, framework: 'express', kind: 'route', via: 'registration', req: 'rq', res: 'rs' },
      { line: 10, framework: 'fastify', kind: 'route', via: 'registration', req: 'request', res: 'reply' },
    ]);
  });

  it('does not take a one-parameter function passed to something that is not a router for a handler', () => {
    expect(
      handlers(`
async function show(ctx) {}
const other = (ctx) => {};
emitter.on('ready', show);
cache.set(key, other);
other(1);
`),
    ).toEqual([]);
  });
});

describe('getHandlerInfo: Koa, Fastify, Hono, Next.js', () => {
  it('recognizes Koa middleware and routes', () => {
    expect(
      handlers(`
app.use(async (ctx, next) => { await next(); });
router.get('/me', async (ctx) => {});
export const auth = async (ctx: Context, next: Next) => {};
`),
    ).toEqual([
      { line: 2, framework: 'koa', kind: 'middleware', via: 'registration', ctx: 'ctx', next: 'next' },
      { line: 3, framework: 'koa', kind: 'route', via: 'registration', ctx: 'ctx' },
      { line: 4, framework: 'koa', kind: 'middleware', via: 'params', ctx: 'ctx', next: 'next' },
    ]);
  });

  it('recognizes Fastify routes, hooks, route options and error handlers', () => {
    expect(
      handlers(`
fastify.get('/', async (request, reply) => {});
fastify.addHook('preHandler', async (request, reply) => {});
fastify.route({ method: 'GET', url: '/', preHandler: [async (request) => {}], handler: async (request, reply) => {} });
fastify.setErrorHandler(function (error, request, reply) {});
export async function authenticate(request: FastifyRequest, reply: FastifyReply) {}
`),
    ).toEqual([
      { line: 2, framework: 'fastify', kind: 'route', via: 'registration', req: 'request', res: 'reply' },
      { line: 3, framework: 'fastify', kind: 'hook', via: 'registration', req: 'request', res: 'reply' },
      { line: 4, framework: 'fastify', kind: 'hook', via: 'registration', req: 'request' },
      { line: 4, framework: 'fastify', kind: 'route', via: 'registration', req: 'request', res: 'reply' },
      { line: 5, framework: 'fastify', kind: 'error-handler', via: 'registration', error: 'error', req: 'request', res: 'reply' },
      { line: 6, framework: 'fastify', kind: 'route', via: 'params', req: 'request', res: 'reply' },
    ]);
  });

  it('recognizes Hono routes, middleware and onError', () => {
    expect(
      handlers(`
app.get('/', (c) => c.text('hi'));
app.use('*', async (c, next) => { await next(); });
const mw = createMiddleware(async (c, next) => { await next(); });
app.onError((err, c) => c.text('error', 500));
app.on('GET', '/x', (c) => c.text('x'));
`),
    ).toEqual([
      { line: 2, framework: 'hono', kind: 'route', via: 'registration', ctx: 'c' },
      { line: 3, framework: 'hono', kind: 'middleware', via: 'registration', ctx: 'c', next: 'next' },
      { line: 4, framework: 'hono', kind: 'middleware', via: 'registration', ctx: 'c', next: 'next' },
      { line: 5, framework: 'hono', kind: 'error-handler', via: 'registration', error: 'err', ctx: 'c' },
      { line: 6, framework: 'hono', kind: 'route', via: 'registration', ctx: 'c' },
    ]);
  });

  it("recognizes better-call's endpoints (better-auth's createAuthEndpoint), only with a route path and the handler last", () => {
    expect(
      handlers(`
const setRole = (opts) => createAuthEndpoint('/admin/set-role', { method: 'POST' }, async (ctx) => {});
const ping = createEndpoint('/ping', { method: 'GET' }, async (ctx) => ctx.json({ ok: true }));
const hook = createAuthEndpoint(async (ctx) => {});
const other = createAuthEndpoint('admin', async (ctx) => {}, { method: 'GET' });
const plain = createApiEndpoint('/legacy', (req, res) => res.end());
`),
    ).toEqual([
      { line: 2, framework: 'better-call', kind: 'route', via: 'registration', ctx: 'ctx' },
      { line: 3, framework: 'better-call', kind: 'route', via: 'registration', ctx: 'ctx' },
      // another factory's (req, res) handler: read by its parameters
      { line: 6, framework: 'express', kind: 'route', via: 'params', req: 'req', res: 'res' },
    ]);
  });

  it('recognizes Next.js route handlers and middleware, only when exported', () => {
    expect(
      handlers(`
export async function GET(request: Request) {}
export const POST = auth(async (req) => {});
export function middleware(request: NextRequest) {}
export async function DELETE() {}
function PUT(request) {}
export function helper(request) {}
`),
    ).toEqual([
      { line: 2, framework: 'next', kind: 'route', via: 'export', req: 'request' },
      { line: 3, framework: 'next', kind: 'route', via: 'export', req: 'req' },
      { line: 4, framework: 'next', kind: 'middleware', via: 'export', req: 'request' },
      { line: 5, framework: 'next', kind: 'route', via: 'export' },
    ]);
  });
});

describe('getHandlerInfo: NestJS', () => {
  const code = `
import { Catch, Controller, Get, Injectable, Post, Req, Res } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Controller('users')
export class UsersController {
  @Get(':id')
  find(@Req() req: Request) {}
  @Post()
  create(@Body() dto: Dto, @Res() res: Response) {}
  helper() {}
}
@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest();
    return true;
  }
}
@Injectable()
export class JwtGuard extends AuthGuard('jwt') {
  handleRequest(err, user) { return user; }
}
@Catch(HttpException)
export class HttpFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
  }
}
@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) { return next.handle(); }
}
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  async validate(username: string, password: string) {}
}
@Resolver()
export class UsersResolver {
  @Query(() => User)
  me() {}
}
`;
  it('recognizes routes, guards, filters, interceptors, strategies and resolvers', () => {
    expect(handlers(code)).toEqual([
      { line: 7, framework: 'nest', kind: 'route', via: 'nest', req: 'req' },
      { line: 9, framework: 'nest', kind: 'route', via: 'nest', res: 'res' },
      { line: 14, framework: 'nest', kind: 'guard', via: 'nest', req: 'request', ctx: 'context' },
      { line: 21, framework: 'nest', kind: 'guard', via: 'nest', error: 'err' },
      { line: 25, framework: 'nest', kind: 'filter', via: 'nest', res: 'response', ctx: 'host', error: 'exception' },
      { line: 31, framework: 'nest', kind: 'interceptor', via: 'nest', ctx: 'context' },
      { line: 35, framework: 'nest', kind: 'strategy', via: 'nest' },
      { line: 40, framework: 'nest', kind: 'resolver', via: 'nest' },
    ]);
  });

  it('leaves Angular route guards alone', () => {
    const angular = `
@Injectable({ providedIn: 'root' })
export class AuthGuard implements CanActivate {
  canActivate(route: ActivatedRouteSnapshot, state: RouterStateSnapshot) { return false; }
}`;
    expect(handlers(angular)).toEqual([]);
  });
});

describe('getHandlerInfo: Koa controllers mounted in another file', () => {
  it('recognizes a controller by its one context parameter, where it is defined and what it does with the context', () => {
    const code = `
module.exports = ({ strapi }) => ({
  async refresh(ctx) {
    if (!ctx.request.body.refreshToken) return ctx.badRequest('Missing refresh token');
  },
  async me(ctx) {
    if (!ctx.state.user) return ctx.unauthorized();
  },
});
exports.list = async (ctx) => { ctx.body = await Items.find(); };
export async function show(ctx: Context) { ctx.status = 404; }
export const remove = async (context: ParameterizedContext) => { context.throw(403); };
class UsersController {
  async create(ctx) { ctx.body = await this.users.create(ctx.request.body); }
}
`;
    expect(handlers(code)).toEqual([
      { line: 3, framework: 'koa', kind: 'route', via: 'params', ctx: 'ctx' },
      { line: 6, framework: 'koa', kind: 'route', via: 'params', ctx: 'ctx' },
      { line: 10, framework: 'koa', kind: 'route', via: 'params', ctx: 'ctx' },
      { line: 11, framework: 'koa', kind: 'route', via: 'params', ctx: 'ctx' },
      { line: 12, framework: 'koa', kind: 'route', via: 'params', ctx: 'context' },
      { line: 14, framework: 'koa', kind: 'route', via: 'params', ctx: 'ctx' },
    ]);
  });

  it('leaves look-alikes alone: a bot context, a helper called in the file, a local function, a context only passed on', () => {
    const code = `
const commands = {
  start(ctx) { return ctx.reply('Welcome ' + ctx.from.first_name); },
  help(ctx) { ctx.state.seen = true; },
};
export function readBody(ctx) { return ctx.request.body; }
export function handle(ctx) { ctx.body = readBody(ctx); }
function local(ctx) { ctx.body = 'x'; }
exports.wrap = (ctx) => render(ctx);
`;
    expect(handlers(code)).toEqual([{ line: 7, framework: 'koa', kind: 'route', via: 'params', ctx: 'ctx' }]);
  });
});

describe('findEnclosingHandler and isErrorHandler', () => {
  it('finds the handler around a nested callback, and nothing outside handlers', () => {
    const found: Record<string, string | null> = {};
    probe(
      `
app.get('/x', (req, res) => {
  jwt.verify(token, secret, (err, user) => { mark1(); });
});
function util() { mark2(); }
app.use((err, req, res, next) => { mark3(); });
`,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || !node.callee.name.startsWith('mark')) return;
          const info = findEnclosingHandler(context, node);
          found[node.callee.name] = info ? `${info.kind}@${info.fn.loc.start.line}:${isErrorHandler(info)}` : null;
        },
      }),
      ts,
    );
    expect(found).toEqual({ mark1: 'route@2:false', mark2: null, mark3: 'error-handler@6:true' });
  });
});

describe('getRequestContextExpressions', () => {
  function expressions(code: string, marker = 'here'): Record<string, string> {
    let result: Record<string, string> = {};
    probe(
      code,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== marker) return;
          const info = findEnclosingHandler(context, node);
          result = info ? { ...getRequestContextExpressions(context, info, node) } : {};
        },
      }),
      ts,
    );
    return result;
  }

  // `path` never carries the query string, where API keys and tokens often travel.
  it.each([
    ['Express', `app.get('/', (req, res) => { here(); });`, { method: 'req.method', path: "req.originalUrl.split('?')[0]", ip: 'req.ip', userAgent: "req.headers['user-agent']" }],
    ['http', `http.createServer((req, res) => { here(); });`, { method: 'req.method', path: "req.url?.split('?')[0]", ip: 'req.socket.remoteAddress', userAgent: "req.headers['user-agent']" }],
    ['Fastify', `fastify.get('/', async (request, reply) => { here(); });`, { method: 'request.method', path: "request.url.split('?')[0]", ip: 'request.ip', userAgent: "request.headers['user-agent']" }],
    ['Koa', `app.use(async (ctx, next) => { here(); });`, { method: 'ctx.method', path: 'ctx.path', ip: 'ctx.ip', userAgent: "ctx.get('user-agent')" }],
    ['Hono', `app.get('/', (c) => { here(); });`, { method: 'c.req.method', path: 'c.req.path', ip: "c.req.header('x-forwarded-for')", userAgent: "c.req.header('user-agent')" }],
    ['Next.js', `export async function POST(request: Request) { here(); }`, { method: 'request.method', path: "request.url.split('?')[0]", ip: "request.headers.get('x-forwarded-for')", userAgent: "request.headers.get('user-agent')" }],
  ])('%s', (_name, code, expected) => {
    expect(expressions(code)).toEqual(expected);
  });

  it('uses a Nest guard’s request variable only after it is declared', () => {
    const code = `
import { Injectable } from '@nestjs/common';
@Injectable()
export class G {
  canActivate(context: ExecutionContext) {
    before();
    const request = context.switchToHttp().getRequest();
    here();
    return true;
  }
}`;
    expect(expressions(code)).toEqual({ method: 'request.method', path: "request.url?.split('?')[0]", ip: 'request.ip', userAgent: "request.headers['user-agent']" });
    expect(expressions(code, 'before')).toEqual({});
  });

  it('gives nothing when a nested callback shadows the request', () => {
    expect(expressions(`app.get('/', (req, res) => { load((req) => { here(); }); });`)).toEqual({});
  });
});

describe('getFrameworkLogger', () => {
  function logger(code: string): string | null {
    let result: string | null = 'unset';
    probe(
      code,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'here') return;
          const info = findEnclosingHandler(context, node);
          const found = info ? getFrameworkLogger(context, info, node) : null;
          result = found ? `${found.expression}:${found.style}` : null;
        },
      }),
      ts,
    );
    return result;
  }
  it('uses request.log in Fastify', () => {
    expect(logger(`fastify.get('/', async (request, reply) => { here(); });`)).toBe('request.log:pino');
  });
  it('uses req.log / ctx.log only when the file already does', () => {
    expect(logger(`app.get('/', (req, res) => { here(); });`)).toBeNull();
    expect(logger(`app.get('/', (req, res) => { req.log.info('x'); here(); });`)).toBe('req.log:pino');
    expect(logger(`app.use(async (ctx, next) => { ctx.log.info('x'); here(); });`)).toBe('ctx.log:pino');
  });
  it("uses a Nest class's own logger", () => {
    expect(
      logger(`
import { Injectable, Logger } from '@nestjs/common';
@Injectable()
export class G { private readonly logger = new Logger(G.name); canActivate(context: ExecutionContext) { here(); return true; } }`),
    ).toBe('this.logger:nest');
    expect(
      logger(`
import { Injectable } from '@nestjs/common';
@Injectable()
export class G { canActivate(context: ExecutionContext) { here(); return true; } }`),
    ).toBeNull();
  });
});

describe('getFunctionOutcome and isCalledInSameFile', () => {
  it('summarizes functions that always answer, and tells helpers from handlers', () => {
    const results: Record<string, string> = {};
    probe(
      `
function deny(res) { res.status(403).json({ error: 'forbidden' }); }
const unauthorized = () => NextResponse.json({ error: 'no' }, { status: 401 });
function fail() { const e = new UnauthorizedException(); throw e; }
function maybe(res, ok) { if (!ok) return res.status(401).end(); }
function later(res) { prepare(); return res.sendStatus(401); }
// The handler only calls the helper: the helper's outcome is not followed.
app.get('/', (req, res) => deny(res));
`,
      (context) => ({
        ':function'(fn: TSESTree.Node) {
          if (!isFunctionNode(fn)) return;
          const name = fn.type === 'FunctionDeclaration' ? fn.id?.name : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : 'inline';
          const outcome = getFunctionOutcome(context, fn);
          results[name ?? '?'] = `${outcome ? `${outcome.kind}:${outcome.status}` : 'none'}/${isCalledInSameFile(context, fn) ? 'called' : 'not-called'}`;
        },
      }),
      ts,
    );
    expect(results).toEqual({
      deny: 'response:403/called',
      unauthorized: 'response:401/not-called',
      fail: 'throw:401/not-called',
      maybe: 'none/not-called',
      later: 'response:401/not-called',
      inline: 'none/not-called',
    });
  });
});

describe('findCallingHandler', () => {
  it('finds the handler a same-file helper is called from, not for exported, passed-on or handler-free helpers (issue 18)', () => {
    const code = `
      const router = express.Router();
      function notifyChanged() { probeHere(1); }
      function onlyAtStartup() { probeHere(2); }
      function passedOn() { probeHere(3); }
      export function exported() { probeHere(4); }
      router.post('/install', (req, res) => {
        notifyChanged();
        passedOn();
        exported();
        res.json({ queued: true });
      });
      onlyAtStartup();
      register(passedOn);
      router.get('/x', (req, res) => { probeHere(5); });
    `;
    const results = probeCalls(code, (context, node) => {
      if (context.sourceCode.getText(node.callee) !== 'probeHere') return undefined;
      const found = findCallingHandler(context, node);
      return found ? `${found.handler.framework}@${found.call.loc.start.line}` : null;
    });
    expect(callResult(results, 'probeHere(1)')).toBe('express@8');
    expect(callResult(results, 'probeHere(2)')).toBeNull();
    expect(callResult(results, 'probeHere(3)')).toBeNull();
    expect(callResult(results, 'probeHere(4)')).toBeNull();
    // Inside a handler itself: findEnclosingHandler's answer, not a caller's.
    expect(callResult(results, 'probeHere(5)')).toBeNull();
  });
});

describe("getHttpOutcome: an Egg.js / ThinkJS controller's this.ctx.throw", () => {
  const found = outcomes(
    `
    class PostController extends Controller {
      async update() {
        this.ctx.throw(403, 'not your post');
        this.context.throw(401);
        this.cache.throw(403);
        this.ctx.reject(403);
      }
    }`,
    'CallExpression',
  );
  it('this.ctx.throw(n) and this.context.throw(n) throw the status through the framework', () => {
    expect(found.get("this.ctx.throw(403, 'not your post')")).toEqual({ status: 403, kind: 'throw', errorName: 'ctx.throw', frameworkError: true });
    expect(found.get('this.context.throw(401)')).toEqual({ status: 401, kind: 'throw', errorName: 'ctx.throw', frameworkError: true });
  });
  it('not `throw` of another member of this, nor another method of this.ctx', () => {
    expect(found.get('this.cache.throw(403)')).toBeNull();
    expect(found.get('this.ctx.reject(403)')).toBeNull();
  });
});
