import { describe, expect, it } from 'vitest';
import { getRateLimiterCreation, moduleExportOf } from '../../src/model/rate-limits.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** The library and whether the options were readable, for every call that creates a limiter. */
function creations(code: string, sourceType: 'module' | 'script' = 'module') {
  return probeCalls(
    code,
    (context, node) => {
      const c = getRateLimiterCreation(context, node);
      return c ? { library: c.library, hasOptions: c.options !== null, opaque: c.opaque } : null;
    },
    { sourceType },
  );
}

describe('getRateLimiterCreation', () => {
  it('recognises express-rate-limit as default, named and namespace export', () => {
    const r = creations("import rl from 'express-rate-limit'; import { rateLimit } from 'express-rate-limit'; import * as erl from 'express-rate-limit';\nrl({ limit: 1 }); rateLimit(); erl.rateLimit(opts); erl.default({});");
    expect(callResult(r, 'rl({ limit: 1 })')).toEqual({ library: 'express-rate-limit', hasOptions: true, opaque: false });
    expect(callResult(r, 'rateLimit()')).toEqual({ library: 'express-rate-limit', hasOptions: false, opaque: false });
    expect(callResult(r, 'erl.rateLimit(opts)')).toEqual({ library: 'express-rate-limit', hasOptions: false, opaque: true });
    expect(callResult(r, 'erl.default({})')).toEqual({ library: 'express-rate-limit', hasOptions: true, opaque: false });
  });

  it('reads compiled CommonJS: (0, x_1.rateLimit)(…) and __importDefault(require(…))', () => {
    const r = creations(
      "const express_rate_limit_1 = require('express-rate-limit'); const koa_1 = __importDefault(require('koa-ratelimit'));\n(0, express_rate_limit_1.rateLimit)({}); (0, koa_1.default)({ max: 1 });",
      'script',
    );
    expect(callResult(r, '(0, express_rate_limit_1.rateLimit)({})')).toMatchObject({ library: 'express-rate-limit' });
    expect(callResult(r, '(0, koa_1.default)({ max: 1 })')).toMatchObject({ library: 'koa-ratelimit' });
  });

  it('recognises Fastify registration by the plugin argument, koa-ratelimit and hono-rate-limiter', () => {
    const r = creations(
      "import rateLimit from '@fastify/rate-limit'; import ratelimit from 'koa-ratelimit'; import { rateLimiter } from 'hono-rate-limiter'; import cors from '@fastify/cors';\n" +
        "app.register(rateLimit, { max: 1 }); app.register(import('@fastify/rate-limit')); app.register(cors, {}); ratelimit({}); rateLimiter({});",
    );
    expect(callResult(r, 'app.register(rateLimit, { max: 1 })')).toMatchObject({ library: '@fastify/rate-limit', hasOptions: true });
    expect(callResult(r, "app.register(import('@fastify/rate-limit'))")).toMatchObject({ library: '@fastify/rate-limit', hasOptions: false });
    expect(callResult(r, 'app.register(cors, {})')).toBeNull();
    expect(callResult(r, 'ratelimit({})')).toMatchObject({ library: 'koa-ratelimit' });
    expect(callResult(r, 'rateLimiter({})')).toMatchObject({ library: 'hono-rate-limiter' });
  });

  it('answers null for local functions and other packages', () => {
    const r = creations("import rateLimit from './rate-limit'; const limiter = () => 1;\nrateLimit({}); limiter();");
    expect(callResult(r, 'rateLimit({})')).toBeNull();
    expect(callResult(r, 'limiter()')).toBeNull();
  });
});

describe('moduleExportOf', () => {
  it('names the module and export behind a callee', () => {
    const r = probeCalls("import { ThrottlerGuard as TG } from '@nestjs/throttler';\nTG(); require('x').y();", (context, node) => moduleExportOf(context, node.callee));
    expect(callResult(r, 'TG()')).toEqual({ source: '@nestjs/throttler', name: 'ThrottlerGuard' });
    expect(callResult(r, "require('x').y()")).toEqual({ source: 'x', name: 'y' });
  });
});
