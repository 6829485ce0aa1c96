import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runsOnlyWithoutNext } from '../../src/model/framework-next.js';
import { probe } from '../helpers/probe.js';

/** The answer for every `answer()` call in `code`, in source order. */
function verdicts(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    CallExpression: (node: TSESTree.CallExpression) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'answer') out.push(runsOnlyWithoutNext(context, node));
    },
  }));
  return out;
}

describe('runsOnlyWithoutNext', () => {
  it.each([
    ['the else of a ternary on next', "app.get('/x', (req, res, next) => { work((err) => (next ? next(err) : answer(err))); });"],
    ['if (!next)', "app.get('/x', (req, res, next) => { work((err) => { if (!next) answer(err); else next(err); }); });"],
    ['the else of if (next)', "app.get('/x', (req, res, next) => { if (next) next(); else answer(); });"],
    ['typeof next !== function', "app.get('/x', (req, res, next) => { if (typeof next !== 'function') answer(); });"],
    ['next || answer()', "app.get('/x', (req, res, next) => { work((err) => next || answer(err)); });"],
    ['after an early exit when next is there', "app.get('/x', (req, res, next) => { work((err) => { if (next) return next(err); answer(err); }); });"],
    ['an error middleware', 'app.use((err, req, res, next) => { if (!next) answer(err); });'],
    ['a middleware by its parameters, not called in its file', 'module.exports = function auth(req, res, next) { return next ? next() : answer(); };'],
  ])('never runs: %s', (_name, code) => {
    expect(verdicts(code)).toEqual([true]);
  });

  it.each([
    ['the branch where next is there', "app.get('/x', (req, res, next) => { if (next) answer(); });"],
    ['no condition', "app.get('/x', (req, res, next) => { answer(); });"],
    ['another name', "app.get('/x', (req, res, cb) => { if (!cb) answer(); });"],
    ['a helper its file calls', "function finish(req, res, next) { if (!next) answer(); }\napp.get('/x', (req, res) => finish(req, res));"],
    ['next reassigned', "app.get('/x', (req, res, next) => { next = null; if (!next) answer(); });"],
    ['a Koa middleware (ctx, next)', 'app.use(async (ctx, next) => { if (!next) answer(); });'],
    ['a local named next', "function f() { const next = queue.shift(); if (!next) answer(); }"],
  ])('may run: %s', (_name, code) => {
    expect(verdicts(code)).toEqual([false]);
  });
});
