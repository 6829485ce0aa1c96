import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getHandlerInfo } from '../../src/model/handlers.js';
import { getHttpOutcome } from '../../src/model/http-outcomes.js';
import { isKoaGeneratorMiddleware, isKoaThisContext } from '../../src/model/koa-generators.js';
import { getResponseSink } from '../../src/model/responses.js';
import { probe, probeFunctions } from '../helpers/probe.js';

/** Line and answer of isKoaGeneratorMiddleware for every generator function in `code`. */
function generators(code: string): { line: number; koa: boolean; framework: string | null }[] {
  return probeFunctions(code, (context, fn) =>
    fn.type !== 'ArrowFunctionExpression' && fn.generator ? { line: fn.loc.start.line, koa: isKoaGeneratorMiddleware(context, fn), framework: getHandlerInfo(context, fn)?.framework ?? null } : null,
  );
}

/** Status outcome of every `x.status = …` assignment and whether `this.body = …` is a response sink. */
function answers(code: string): { statuses: (number | null)[]; bodies: boolean[]; contexts: boolean[] } {
  const statuses: (number | null)[] = [];
  const bodies: boolean[] = [];
  const contexts: boolean[] = [];
  probe(code, (context) => ({
    AssignmentExpression(node: TSESTree.AssignmentExpression) {
      if (node.left.type !== 'MemberExpression') return;
      const key = node.left.property.type === 'Identifier' ? node.left.property.name : null;
      if (key !== 'status' && key !== 'body') return;
      if (key === 'status') statuses.push(getHttpOutcome(context, node)?.status ?? null);
      if (key === 'body') bodies.push(getResponseSink(context, node) !== null);
      contexts.push(isKoaThisContext(context, node.left.object));
    },
  }));
  return { statuses, bodies, contexts };
}

describe('Koa 0.x generator middleware (koa-generators.ts)', () => {
  it('recognizes generator middleware that answers through `this`', () => {
    const code = `
module.exports = function* editable(next) {
  if (this.user.isAdmin) return yield* next;
  this.status = 403;
  this.body = { error: 'forbidden user' };
};
exports.add = function* addUser() { this.body = { ok: true }; };
const controllers = { *show() { this.throw(404); } };
app.use(function* (next) { const start = Date.now(); yield* next; this.set('X-Time', Date.now() - start); });
`;
    expect(generators(code)).toEqual([
      { line: 2, koa: true, framework: 'koa' },
      { line: 7, koa: true, framework: 'koa' },
      { line: 8, koa: true, framework: 'koa' },
      // Answers nothing through `this` (only sets a header): not recognized by shape.
      { line: 9, koa: false, framework: null },
    ]);
  });

  it('leaves other generators alone', () => {
    const code = `
class Tokens { *[Symbol.iterator]() { this.status = 1; yield this.body; } }
function* saga(action) { this.status = 403; yield put(action); }
function* pages(client, next) { this.body = yield client.get(next); }
function* counter() { let i = 0; while (true) yield i++; }
`;
    expect(generators(code).map((g) => g.koa)).toEqual([false, false, false, false]);
  });

  it('reads `this.status` / `this.body` of the middleware as its answer, and nowhere else', () => {
    const koa = answers(`module.exports = function* (next) { if (!this.user.isAdmin) { this.status = 403; this.body = { error: 'no_perms' }; return; } yield* next; };`);
    expect(koa).toEqual({ statuses: [403], bodies: [true], contexts: [true, true] });
    const plain = answers(`function Job() { this.status = 403; this.body = 'x'; } class Task { run() { this.status = 401; } }`);
    expect(plain).toEqual({ statuses: [null, null], bodies: [false], contexts: [false, false, false] });
    // An arrow inside passes the middleware's `this` through.
    const arrow = answers(`exports.list = function* () { const deny = () => { this.status = 401; }; deny(); this.body = []; };`);
    expect(arrow.statuses).toEqual([401]);
  });
});
