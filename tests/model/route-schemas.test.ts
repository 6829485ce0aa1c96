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

  it("a data model's record identifier schema (Joi extract of an id key) from another module, or the field of a model written in the file; also read in a callback nested in the handler, not in a helper handed the request", () => {
    expect(
      logged(`
        const schema = require('screwdriver-data-schema');
        const idSchema = schema.models.pipeline.base.extract('id');
        const Model = Joi.object({ id: Joi.string(), count: Joi.number() });
        server.route({ options: { validate: { params: Joi.object({ id: idSchema }) }, handler: (request) => { log(request.params.id); } } });
        server.route({ options: { validate: { params: Joi.object({ eventId: schema.models.event.base.extract('eventId') }) }, handler: (request) => { log(request.params.eventId); } } });
        server.route({ options: { validate: { params: Joi.object({ n: Model.extract('count') }) }, handler: (request) => { log(request.params.n); } } });
        server.route({ options: { validate: { params: Joi.object({ id: Model.extract('id') }) }, handler: (request) => { log(request.params.id); } } });
        server.route({ options: { validate: { params: Joi.object({ name: schema.models.job.base.extract('name') }) }, handler: (request) => { log(request.params.name); } } });
        server.route({ options: { validate: { params: Joi.object({ id: idSchema }) }, handler: (request) => factory.get(request.params.id).then(() => { log(request.params.id); }) } });
        function invoke(request) { log(request.params.id); }
      `),
    ).toEqual([true, true, true, false, false, true, false]);
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
        const NAME = data.models.pipeline.extract('name');
        server.route({ options: { validate: { params: Joi.object({ id: Joi.string() }) }, handler: (request) => { log(request.params.id); } } });
        server.route({ options: { validate: { params: Joi.object({ name: NAME }) }, handler: (request) => { log(request.params.name); } } });
        server.route({ options: { validate: { params: Joi.object({ id: Joi.number() }) }, handler: (request) => { log(request.params.name); log(request.query.id); } } });
        server.route({ options: { validate: { params: Joi.object({ id: Joi.number() }) }, handler: (request) => { log(other.params.id); } } });
      `),
    ).toEqual([false, false, false, false, false]);
  });
});
