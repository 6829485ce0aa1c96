/** exposed-errors.ts: errors a framework answers the client with, message included. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { exposedErrorClass, getExposedErrorSink } from '../../src/model/exposed-errors.js';
import { probe } from '../helpers/probe.js';

/** For every `new` and call in `code` with arguments: its callee text → [description, status, payload texts] of the sink, or null. */
function sinks(code: string): Record<string, [string, number | null, string[]] | null> {
  const out: Record<string, [string, number | null, string[]] | null> = {};
  const visit = (context: Parameters<Parameters<typeof probe>[1]>[0], node: TSESTree.NewExpression | TSESTree.CallExpression) => {
    if (node.arguments.length === 0) return;
    const sink = getExposedErrorSink(context, node);
    const key = context.sourceCode.getText(node.callee);
    if (key in out && out[key] !== null) return;
    out[key] = sink ? [sink.description, sink.status, sink.payload.map((p) => context.sourceCode.getText(p))] : null;
  };
  probe(code, (context) => ({ NewExpression: (node: TSESTree.NewExpression) => visit(context, node), CallExpression: (node: TSESTree.CallExpression) => visit(context, node) }));
  return out;
}

describe('exposedErrorClass', () => {
  it("recognises @strapi/utils' errors classes however the namespace is reached, and nothing else", () => {
    const names: Record<string, string | null> = {};
    probe(
      `const utils = require('@strapi/utils');
       const { ApplicationError } = utils.errors;
       const { ForbiddenError } = require('@strapi/utils').errors;
       const { errors } = require('@strapi/utils');
       const { NotFoundError: Missing } = errors;
       const Own = require('./errors');
       const { ValidationError } = Own;
       const lib = require('./lib');
       new ApplicationError(m); new ForbiddenError(m); new Missing(m); new errors.PolicyError(m); new utils.errors.RateLimitError(m);
       new ValidationError(m); new lib.errors.ApplicationError(m); new errors.helpers(m);`,
      (context) => ({
        NewExpression(node: TSESTree.NewExpression) {
          names[context.sourceCode.getText(node.callee)] = exposedErrorClass(context, node.callee);
        },
      }),
      { sourceType: 'commonjs' },
    );
    expect(names).toEqual({
      ApplicationError: 'ApplicationError',
      ForbiddenError: 'ForbiddenError',
      Missing: 'NotFoundError',
      'errors.PolicyError': 'PolicyError',
      'utils.errors.RateLimitError': 'RateLimitError',
      ValidationError: null,
      'lib.errors.ApplicationError': null,
      'errors.helpers': null,
    });
  });

  it('reads an ES import of the namespace', () => {
    const got = sinks("import { errors } from '@strapi/utils';\nconst { UnauthorizedError } = errors;\nnew UnauthorizedError(e.message, { reason: e.stack });");
    expect(got.UnauthorizedError).toEqual(['`new UnauthorizedError()`', 401, ['e.message', '{ reason: e.stack }']]);
  });
});

describe('getExposedErrorSink', () => {
  it('takes http-errors and Koa errors with a status below 500, with their message arguments', () => {
    const got = sinks(`import createError from 'http-errors';
      createError(400, e.message, { expose: true }); new createError.NotFound(e.message);
      ctx.throw(e.message, 404); ctx.assert(user, 403, e.message);`);
    expect(got).toEqual({
      createError: ['`createError()`', 400, ['e.message']],
      'createError.NotFound': ['`createError.NotFound()`', 404, ['e.message']],
      'ctx.throw': ['`ctx.throw()`', 404, ['e.message']],
      'ctx.assert': ['`ctx.assert()`', 403, ['e.message']],
    });
  });

  it('leaves out a 5xx, a status the code does not say, a factory from elsewhere and other receivers', () => {
    const got = sinks(`import createError from 'http-errors';
      import { createError as own } from './errors';
      createError(500, e.message); createError(err.status, e.message); own(400, e.message); ctx.throw(502, e.message); emitter.throw(400, e.message);`);
    expect(Object.values(got).every((v) => v === null)).toBe(true);
    expect(Object.keys(got)).toEqual(['createError', 'own', 'ctx.throw', 'emitter.throw']);
  });
});
