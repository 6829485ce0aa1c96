import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { routeSchemaMakesNumber } from '../../src/model/route-schemas.js';
import { probe } from '../helpers/probe.js';

/** routeSchemaMakesNumber for the first argument of every `log(…)` call, in source order. */
function logged(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    'CallExpression[callee.name="log"]'(node: TSESTree.CallExpression) {
      out.push(routeSchemaMakesNumber(context, node.arguments[0]!));
    },
  }));
  return out;
}

describe('routeSchemaMakesNumber', () => {
  it("Hapi routes whose Joi schema makes a param or query value a number, read directly or through a const", () => {
    expect(
      logged(`
        const idSchema = Joi.number().integer();
        server.route({ method: 'GET', path: '/a/{id}', options: { validate: { params: Joi.object({ id: idSchema }) }, handler: (request) => { log(request.params.id); } } });
        server.route({ method: 'GET', path: '/b/{id}', handler: (request) => { const { id } = request.params; log(id); }, options: { validate: { params: { id: Joi.number() } } } });
        server.route({ method: 'GET', path: '/c', options: { handler: (req) => { const page = req.query.page; log(page); }, validate: { query: Joi.object({ page: Joi.number().min(1) }).unknown() } } });
      `),
    ).toEqual([true, true, true]);
  });

  it('Fastify routes with a JSON Schema or TypeBox type', () => {
    expect(
      logged(`
        fastify.get('/a/:id', { schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } } }, async (request) => { log(request.params.id); });
        fastify.route({ method: 'GET', url: '/b', schema: { querystring: Type.Object({ n: Type.Number() }) }, handler: async (request) => { log(request.query.n); } });
      `),
    ).toEqual([true, true]);
  });

  it('not a string schema, an unknown schema, another field, or a value read off another object', () => {
    expect(
      logged(`
        const ID = data.models.pipeline.extract('id');
        server.route({ options: { validate: { params: Joi.object({ id: Joi.string() }) }, handler: (request) => { log(request.params.id); } } });
        server.route({ options: { validate: { params: Joi.object({ id: ID }) }, handler: (request) => { log(request.params.id); } } });
        server.route({ options: { validate: { params: Joi.object({ id: Joi.number() }) }, handler: (request) => { log(request.params.name); log(request.query.id); } } });
        server.route({ options: { validate: { params: Joi.object({ id: Joi.number() }) }, handler: (request) => { log(other.params.id); } } });
      `),
    ).toEqual([false, false, false, false, false]);
  });
});
