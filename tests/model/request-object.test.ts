import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { isOtherKindOfRequest, isRequestObject } from '../../src/model/request-object.js';
import { probe } from '../helpers/probe.js';

/** The answer for the argument of every `probe(x)` call in `code`, in source order. */
function answers(code: string, ts = false): boolean[] {
  const out: boolean[] = [];
  probe(
    code,
    (context: Context) => ({
      CallExpression: (node: TSESTree.CallExpression) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'probe') out.push(isRequestObject(context, node.arguments[0]!));
      },
    }),
    { ts },
  );
  return out;
}

describe('isRequestObject', () => {
  it('reads the names the request goes by', () => {
    expect(answers('app.use((req, res) => probe(req)); app.use((_req) => probe(_req)); router.get("/", (ctx) => probe(ctx)); app.get("/", (c) => probe(c)); handle((request) => probe(request));')).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('follows a const that only renames one, also through a TypeScript cast', () => {
    expect(answers('app.use((req, res) => { const skReq = req; probe(skReq); const r = req as AuthRequest; probe(r); });', true)).toEqual([true, true]);
  });

  it('is not the response, a value read off the request, or a renamed request written again', () => {
    expect(answers('app.use((req, res) => { probe(res); const body = req.body; probe(body); let r = req; r = other; probe(r); probe(req.user); });')).toEqual([false, false, false, false]);
  });
});

/** isOtherKindOfRequest for the argument of every `probe(x)` call in `code`, in source order. */
function otherKind(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context: Context) => ({
    CallExpression: (node: TSESTree.CallExpression) => {
      const arg = node.arguments[0];
      if (node.callee.type === 'Identifier' && node.callee.name === 'probe' && arg?.type === 'Identifier') out.push(isOtherKindOfRequest(context, arg));
    },
  }));
  return out;
}

describe('isOtherKindOfRequest', () => {
  it('is a request read only for fields no HTTP request has (a report renderer\'s render request)', () => {
    expect(otherKind("listeners.add('templates', async (req, res) => { if (!req.template.name) probe(req); });\nasync function run(request) { const { data, options } = request; probe(request); }")).toEqual([true, true]);
  });

  it('is not a request read for an HTTP field, nor one never read for a field (the name decides)', () => {
    expect(otherKind("app.use((req, res) => { if (req.template) probe(req); return req.headers; });\nfunction logAccess(request) { probe(request); }\napp.get('/', (req) => { probe(req); return req['user']; });")).toEqual([false, false, false]);
  });

  it('is not the request of a handler registered with a framework, whatever fields the app hangs on it', () => {
    // Only custom fields read, but the route registration says it is Express's request (it carries the headers).
    expect(otherKind("app.get('/t', (req, res) => { const t = req.tenant; probe(req); res.send(t); });\nrouter.post('/x', async (req, res) => { probe(req); return req.account; });")).toEqual([false, false]);
    // Parameter names alone are weaker evidence than the fields read: a render listener's (req, res) stays another kind.
    expect(otherKind("reporter.beforeRenderListeners.add('x', (req, res) => { probe(req); return req.template; });")).toEqual([true]);
  });
});
