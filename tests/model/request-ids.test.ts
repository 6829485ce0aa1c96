import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { fileAssignsRequestIds, readRequestIdHeader } from '../../src/model/request-ids.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

/** readRequestIdHeader of every member expression and call, keyed by its text (first one wins). */
function headers(code: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  probe(code, (context) => {
    const visit = (node: TSESTree.Node) => {
      const text = context.sourceCode.getText(node);
      if (!out.has(text)) out.set(text, readRequestIdHeader(node));
    };
    return { MemberExpression: visit, CallExpression: visit };
  });
  return out;
}

/** fileAssignsRequestIds for a whole file. */
function assignsIds(code: string, extra: string[] = [], options: ProbeOptions = {}): boolean {
  let answer: boolean | null = null;
  const calls: TSESTree.CallExpression[] = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  probe(
    code,
    (context) => ({
      CallExpression: (node: TSESTree.CallExpression) => calls.push(node),
      AssignmentExpression: (node: TSESTree.AssignmentExpression) => assignments.push(node),
      'Program:exit': () => {
        answer = fileAssignsRequestIds(context, calls, assignments, extra);
      },
    }),
    options,
  );
  return answer!;
}

describe('readRequestIdHeader', () => {
  it('reads id headers from headers objects and header getters, any case', () => {
    const r = headers("req.headers['x-request-id']; request.headers['Request-Id']; req.get('X-Request-ID'); req.header('x-correlation-id'); c.req.header('X-Trace-Id'); request.headers.get('x-amzn-trace-id');");
    expect(r.get("req.headers['x-request-id']")).toBe('x-request-id');
    expect(r.get("request.headers['Request-Id']")).toBe('Request-Id');
    expect(r.get("req.get('X-Request-ID')")).toBe('X-Request-ID');
    expect(r.get("req.header('x-correlation-id')")).toBe('x-correlation-id');
    expect(r.get("c.req.header('X-Trace-Id')")).toBe('X-Trace-Id');
    expect(r.get("request.headers.get('x-amzn-trace-id')")).toBe('x-amzn-trace-id');
  });

  it('answers null for other headers and for ids that are not headers', () => {
    const r = headers("req.headers['x-parse-request-id']; req.get('user-agent'); req.params.id; req.query.requestId; map.get('request-id', 1);");
    expect(r.get("req.headers['x-parse-request-id']")).toBeNull();
    expect(r.get("req.get('user-agent')")).toBeNull();
    expect(r.get('req.params.id')).toBeNull();
    expect(r.get('req.query.requestId')).toBeNull();
    expect(r.get("map.get('request-id', 1)")).toBeNull();
  });
});

describe('fileAssignsRequestIds', () => {
  it('sees request-id packages, middleware named for ids and id assignments', () => {
    expect(assignsIds("import rid from 'express-request-id';")).toBe(true);
    expect(assignsIds("const rTracer = require('cls-rtracer');", [], { sourceType: 'commonjs' })).toBe(true);
    expect(assignsIds("import { requestId } from 'hono/request-id';")).toBe(true);
    expect(assignsIds('app.use(correlationIdMiddleware);')).toBe(true);
    expect(assignsIds('app.use(addRequestId());')).toBe(true);
    expect(assignsIds('app.use((req, res, next) => { req.id = randomUUID(); next(); });')).toBe(true);
    expect(assignsIds('app.use(async (ctx, next) => { ctx.state.requestId = randomUUID(); await next(); });')).toBe(true);
    expect(assignsIds("app.use((c, next) => { c.set('requestId', randomUUID()); return next(); });")).toBe(true);
    expect(assignsIds('app.use(traceContext());', ['traceContext'])).toBe(true);
  });

  it('does not count other middleware, other ids or other objects', () => {
    expect(assignsIds("import morgan from 'morgan';\napp.use(morgan('tiny'));")).toBe(false);
    expect(assignsIds('app.use(cors()); app.use(express.json());')).toBe(false);
    expect(assignsIds('user.id = 1; order.requestId = x;')).toBe(false);
    expect(assignsIds("cache.set('user', u);")).toBe(false);
  });
});
