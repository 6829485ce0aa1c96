import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getEnclosingFunction, isFunctionNode } from '../../src/model/ast.js';
import {
  getLimiterHooks,
  getRateLimiterCreation,
  isLimiterHookFunction,
  isThrottlerGuardUse,
  moduleExportOf,
  readLimit,
  relaysUpstream429,
  throttlingExceptionOverride,
} from '../../src/model/rate-limits.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

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

describe('readLimit', () => {
  /** readLimit of each limiter creation's options. */
  function limits(code: string, names: string[]): (string | null)[] {
    return [...probeCalls(code, (context, node) => getRateLimiterCreation(context, node)).values()]
      .filter((c) => c !== null)
      .map((c) => readLimit(c!.options, names));
  }
  it('reads the first present limit option written as a number', () => {
    expect(limits("import rateLimit from 'express-rate-limit';\nrateLimit({ windowMs: 60000, limit: 100 });", ['limit'])).toEqual(['100']);
    expect(limits("import ratelimit from 'koa-ratelimit';\nratelimit({ driver: 'memory', max: 10, limit: 5 });", ['max', 'limit'])).toEqual(['10']);
  });
  it('is null when the limit is computed, absent, or there are no options', () => {
    expect(limits("import rateLimit from 'express-rate-limit';\nrateLimit({ limit: config.max });", ['limit'])).toEqual([null]);
    expect(limits("import rateLimit from 'express-rate-limit';\nrateLimit({ windowMs: 1000 });", ['limit'])).toEqual([null]);
    expect(limits("import rateLimit from 'express-rate-limit';\nrateLimit();", ['limit'])).toEqual([null]);
  });
});

describe('isLimiterHookFunction', () => {
  /** isLimiterHookFunction of every function, in order. */
  function hooks(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, () => ({
      ':function'(node: TSESTree.Node) {
        if (isFunctionNode(node)) out.push(isLimiterHookFunction(node));
      },
    }));
    return out;
  }
  it('is true for functions written as a limiter hook option', () => {
    expect(hooks('rateLimit({ handler: (req, res) => res.status(429).end() }); register(plugin, { onExceeded(req, key) {} });')).toEqual([true, true]);
  });
  it('is false for other options and other functions', () => {
    expect(hooks('rateLimit({ keyGenerator: (req) => req.ip }); const handler = () => {};')).toEqual([false, false]);
  });
});

describe('relaysUpstream429', () => {
  /** relaysUpstream429 of each `answer(…)` call within its function. */
  function relays(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, () => ({
      'CallExpression[callee.name="answer"]'(node: TSESTree.CallExpression) {
        out.push(relaysUpstream429(node, getEnclosingFunction(node)!));
      },
    }));
    return out;
  }
  it('is true on a branch that tests another response for 429', () => {
    expect(relays('async function proxy(req, res) { const r = await fetch(url); if (r.status === 429) return answer(429); }')).toEqual([true]);
    expect(relays('async function proxy(req, res) { const r = await api(); return 429 === r.statusCode || r.code === 503 ? answer(429) : answer(200); }')).toEqual([true, true]);
  });
  it('is false for the server\'s own limit answer', () => {
    expect(relays('function limit(req, res) { if (count > max) return answer(429); if (r.status === 500) answer(1); }')).toEqual([false, false]);
  });
});

describe('isThrottlerGuardUse', () => {
  /** isThrottlerGuardUse of every identifier named ThrottlerGuard, in order. */
  function uses(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context) => ({
      'Identifier[name="ThrottlerGuard"]'(node: TSESTree.Identifier) {
        if (node.parent.type !== 'ImportSpecifier') out.push(isThrottlerGuardUse(context, node));
      },
    }), { ts: true });
    return out;
  }
  const head = "import { ThrottlerGuard } from '@nestjs/throttler';\n";
  it('sees APP_GUARD providers, @UseGuards and useGlobalGuards', () => {
    expect(uses(`${head}@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] }) class AppModule {}`)).toEqual([true]);
    expect(uses(`${head}@UseGuards(ThrottlerGuard) class AuthController {}`)).toEqual([true]);
    expect(uses(`${head}app.useGlobalGuards(new ThrottlerGuard(options, storage, reflector));`)).toEqual([true]);
  });
  it('does not count a subclass, other uses, or a local class of that name', () => {
    expect(uses(`${head}class LoggingThrottlerGuard extends ThrottlerGuard {}\nconst g = ThrottlerGuard;`)).toEqual([false, false]);
    expect(uses("class ThrottlerGuard {}\n@UseGuards(ThrottlerGuard) class C {}")).toEqual([false, false]);
  });
});

describe('getLimiterHooks', () => {
  const hooksOf = (code: string) => {
    const out: string[] = [];
    probe(code, (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const creation = getRateLimiterCreation(context, node);
        if (!creation) return;
        const { hooks, opaque } = getLimiterHooks(context, creation);
        out.push(`${hooks.map((h) => `${h.prop.key.type === 'Identifier' ? h.prop.key.name : '?'}:${h.fn.type}`).join(',')}${opaque ? ' (opaque)' : ''}`);
      },
    }));
    return out;
  };
  it('resolves inline, method and same-file hooks; none set is an empty list', () => {
    const code = [
      "import rateLimit from 'express-rate-limit';",
      'function onLimit(req, res) { res.status(429).end(); }',
      'rateLimit({ windowMs: 1000, handler: onLimit });',
      'rateLimit({ handler(req, res) { res.status(429).end(); } });',
      'rateLimit({ max: 5 });',
    ].join('\n');
    expect(hooksOf(code)).toEqual(['handler:FunctionDeclaration', 'handler:FunctionExpression', '']);
  });
  it('a hook from elsewhere makes the hooks opaque', () => {
    expect(hooksOf("import rateLimit from 'express-rate-limit'; import { onLimit } from './hooks'; rateLimit({ handler: onLimit });")).toEqual([' (opaque)']);
  });
});

describe('throttlingExceptionOverride', () => {
  it("finds a guard's own throwThrottlingException", () => {
    const found: (string | null)[] = [];
    probe(
      'class A extends ThrottlerGuard { protected async throwThrottlingException(ctx) { throw new ThrottlerException(); } } class B extends ThrottlerGuard { getTracker(req) { return req.ip; } }',
      () => ({
        ClassDeclaration(node: TSESTree.ClassDeclaration) {
          const method = throttlingExceptionOverride(node);
          found.push(method ? `${node.id!.name}.${method.key.type === 'Identifier' ? method.key.name : '?'}` : null);
        },
      }),
      { ts: true },
    );
    expect(found).toEqual(['A.throwThrottlingException', null]);
  });
});
