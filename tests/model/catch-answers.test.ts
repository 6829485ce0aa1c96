import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  answersNotFound,
  answersNotFoundOnAbsence,
  answersRefusal,
  answersWith,
  blamesInput,
  callsOf,
  doesNothing,
  isFailureProperty,
  isFallbackOnly,
  isLookupAnsweredAbsent,
  isNotFoundAnswer,
  reportsFailureAsData,
  returnsFailedFlag,
  returnsOwnInput,
  returnsValue,
  setsClientStatus,
  testsAbsence,
  throwsServerError,
} from '../../src/model/catch-answers.js';
import { getEnclosingFunction } from '../../src/model/ast.js';
import { catches, promiseCatches } from '../helpers/catches.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('answersWith / answersRefusal / setsClientStatus', () => {
  const code = `
    app.get('/a', async (req, res) => { try { await db.load() } catch (e) { return res.status(401).json({ error: 'Unauthorized' }) } });
    app.get('/b', async (req, res) => { try { await db.load() } catch (e) { throw new ForbiddenException() } });
    app.get('/c', async (req, res) => { try { await db.load() } catch (e) { res.writeHead(400); res.end('Failed to unsubscribe') } });
    app.get('/d', async (req, res) => { try { await db.load() } catch (e) { res.status(500).json({ error: 'Internal' }) } });
  `;
  it('answersWith applies the test to each outcome in the catch', () => {
    expect(catches(code, (context, c) => answersWith(context, c.body, (o) => o.status === 500))).toEqual([false, false, false, true]);
  });
  it('answersRefusal: 401 / 403 answers and thrown refusals', () => {
    expect(catches(code, (context, c) => answersRefusal(context, c.body))).toEqual([true, true, false, false]);
  });
  it('setsClientStatus: a 4xx response status, not a thrown error or a 5xx', () => {
    expect(catches(code, (context, c) => setsClientStatus(context, c.body))).toEqual([true, false, true, false]);
  });
});

describe('isNotFoundAnswer / answersNotFound', () => {
  const code = `
    app.get('/f', (req, res) => {
      try { send(req.params.file) } catch (e) { res.status(404).end('File not found.') }
      try { send(req.params.file) } catch (e) { return res.sendStatus(404) }
      try { send(req.params.file) } catch (e) { res.status(500).end('Failed') }
      try { send(req.params.file) } catch (e) { cache.status(404) }
    });
  `;
  it('answersNotFound finds a 404 response in the catch', () => {
    expect(catches(code, (context, c) => answersNotFound(context, c.body))).toEqual([true, true, false, false]);
  });
  it('isNotFoundAnswer: a response call with 404, not another receiver', () => {
    const results = probeCalls(code, (context, node) => isNotFoundAnswer(context, node));
    expect(callResult(results, 'res.status(404)')).toBe(true);
    expect(callResult(results, 'res.sendStatus(404)')).toBe(true);
    expect(callResult(results, 'res.status(500)')).toBe(false);
    expect(callResult(results, 'cache.status(404)')).toBe(false);
  });
  it('isNotFoundAnswer reads the shared HTTP outcome: Hono c.json(body, 404), a named status; not next(createError(404))', () => {
    const results = probeCalls(
      `app.get('/h', (c) => c.json({ error: 'Not found' }, 404)); res.status(HttpStatus.NOT_FOUND).end(); next(createError(404));`,
      (context, node) => isNotFoundAnswer(context, node),
    );
    expect(callResult(results, "c.json({ error: 'Not found' }, 404)")).toBe(true);
    expect(callResult(results, 'res.status(HttpStatus.NOT_FOUND)')).toBe(true);
    expect(callResult(results, 'next(createError(404))')).toBe(false);
  });
});

describe('isFailureProperty / blamesInput', () => {
  const props = (code: string): TSESTree.ObjectLiteralElement[] => {
    const out: TSESTree.ObjectLiteralElement[] = [];
    probe(code, () => ({ ObjectExpression: (node: TSESTree.ObjectExpression) => void out.push(...node.properties) }));
    return out;
  };
  it('isFailureProperty: success:false, error text, status "error"', () => {
    const list = props(`x = { success: false, error: 'Could not retrieve models', testState: 'error', ok: true, models: [], status: 'done' }`);
    expect(list.map(isFailureProperty)).toEqual([true, true, true, false, false, false]);
  });
  it('blamesInput: a verdict on the input, not a report', () => {
    const list = props(`x = { error: 'invalid_refresh_token', reason: 'Session expired', error2: 'Could not reach the provider', ok: false }`);
    expect(list.map(blamesInput)).toEqual([true, true, false, false]);
  });
});

describe('reportsFailureAsData', () => {
  it('a returned result that says the operation failed', () => {
    const code = `
      async function test(provider) {
        try { return await provider.check() } catch (e) { return { success: false, testState: 'error' } }
        try { return await provider.models() } catch (e) { return [provider, { models: [], error: 'Could not retrieve models' }] }
        const errorState = { ok: false };
        try { return await provider.ping() } catch (e) { return errorState }
      }
    `;
    expect(catches(code, (context, c) => reportsFailureAsData(context, c.body))).toEqual([true, true, true]);
  });
  it('not a fallback value, nor a verdict that blames the input', () => {
    const code = `
      async function f(token) {
        try { return await sessions.get(token) } catch (e) { return null }
        try { return await sessions.get(token) } catch (e) { return { ok: false, error: 'invalid_refresh_token' } }
        try { return await config.load() } catch (e) { return { theme: 'light' } }
      }
    `;
    expect(catches(code, (context, c) => reportsFailureAsData(context, c.body))).toEqual([false, false, false]);
  });
  it('an expression-bodied rejection handler', () => {
    const code = `
      const a = fetchModels().catch(() => ({ models: [], error: 'Could not retrieve models' }));
      const b = fetchModels().catch(() => ({ models: [] }));
    `;
    expect(promiseCatches(code, (context, _call, handler) => reportsFailureAsData(context, (handler as TSESTree.ArrowFunctionExpression).body))).toEqual([true, false]);
  });
});

describe('returnsFailedFlag', () => {
  it('the try answers applied: true and the catch the same key false', () => {
    const code = `
      async function apply(cred) {
        try { await vault.write(cred); return { credentialApplied: true } } catch { return { credentialApplied: false } }
        try { await vault.write(cred); return { credentialApplied: true } } catch { return { retried: false } }
        try { await vault.write(cred); return { ok: true } } catch { return { ok: false, error: 'invalid_refresh_token' } }
      }
    `;
    expect(catches(code, (context, c) => returnsFailedFlag(context, c.parent.block, c.body))).toEqual([true, false, false]);
  });
});

describe('returnsOwnInput', () => {
  it('the fallback is a parameter of the enclosing function', () => {
    const code = `
      async function nameById(id) { try { return (await credentials.get(id)).name } catch { return id } }
      async function nameOf(id) { try { return (await credentials.get(id)).name } catch { return 'unknown' } }
    `;
    expect(catches(code, (_context, c) => returnsOwnInput(c, c.body))).toEqual([true, false]);
  });
  it('for a .catch(() => id), the function around the promise chain', () => {
    const code = `
      function label(id) { return lookup(id).catch(() => id) }
      function label2(id) { return lookup(id).catch(() => other) }
    `;
    expect(promiseCatches(code, (_context, _call, handler) => returnsOwnInput(handler, (handler as TSESTree.ArrowFunctionExpression).body))).toEqual([true, false]);
  });
});

describe('isLookupAnsweredAbsent / callsOf / answersNotFoundOnAbsence / testsAbsence', () => {
  const code = `
    class LogoService {
      async findLogo(id) { try { return await this.storage.get(id) } catch { return null } }
      async show(req, res) { const logo = await this.findLogo(req.params.id); if (!logo) throw new NotFoundError(); res.send(logo) }
    }
    async function findSession(id) { try { return await store.get(id) } catch { return null } }
    async function handler(req, res) { const session = await findSession(req.id); if (!session) return res.redirect('/login'); next() }
  `;
  it('a lookup answered null whose every caller replies 404', () => {
    expect(catches(code, (context, c) => isLookupAnsweredAbsent(context, c, c.body))).toEqual([true, false]);
  });
  it('callsOf: this.method() calls in the class, calls by name', () => {
    const counts = catches(code, (context, c) => callsOf(context, getEnclosingFunction(c)!).map((call) => context.sourceCode.getText(call)));
    expect(counts).toEqual([['this.findLogo(req.params.id)'], ['findSession(req.id)']]);
  });
  it('answersNotFoundOnAbsence: the caller tests the answer and replies 404', () => {
    const results = probeCalls(code, (context, node) => answersNotFoundOnAbsence(context, node));
    expect(callResult(results, 'this.findLogo(req.params.id)')).toBe(true);
    expect(callResult(results, 'findSession(req.id)')).toBe(false);
  });
  it('testsAbsence: !x, x === null, x == undefined, !x?.y; not x > 0', () => {
    const answers: boolean[] = [];
    probe(`if (!x) a(); if (x === null) a(); if (undefined == x) a(); if (!x?.y) a(); if (x > 0) a(); if (!y) a();`, () => ({
      IfStatement: (node: TSESTree.IfStatement) => void answers.push(testsAbsence(node.test, 'x')),
    }));
    expect(answers).toEqual([true, true, true, true, false, false]);
  });
});

describe('isFallbackOnly / doesNothing / returnsValue / throwsServerError', () => {
  const code = `
    async function f() {
      try { return JSON.parse(a) } catch { value = null; return undefined }
      try { return JSON.parse(a) } catch { console.warn('x'); return null }
      try { load() } catch {}
      try { load() } catch { count++ }
      try { if (x) { return } } catch { throw new Error('Could not load') }
      try { load() } catch { throw new NotFoundError() }
    }
  `;
  it('isFallbackOnly: only returns, assigns, continues (an update is not an assignment)', () => {
    expect(catches(code, (context, c) => isFallbackOnly(context, c.body))).toEqual([true, false, true, false, false, false]);
  });
  it('isFallbackOnly: a returned 5xx answer after a file read is no fallback; a 4xx, a value, or a 5xx after a parse is', () => {
    const answers = `
      const fs = require('fs');
      async function h(req, res) {
        try { data = fs.readFileSync(p, 'utf8') } catch (e) { return res.sendStatus(500) }
        try { data = fs.readFileSync(p, 'utf8') } catch (e) { return res.status(503).json({ error: 'unavailable' }) }
        try { data = fs.readFileSync(p, 'utf8') } catch (e) { return res.sendStatus(404) }
        try { data = fs.readFileSync(p, 'utf8') } catch (e) { return null }
        try { filters = JSON.parse(req.query.filters) } catch (e) { return res.status(500).send(e) }
        try { entries = await fs.promises.readdir(dir) } catch (e) { return res.json({ finished: false }) }
      }
    `;
    expect(catches(answers, (context, c) => isFallbackOnly(context, c.body))).toEqual([false, false, true, true, true, true]);
  });
  it('doesNothing: an empty catch, not one that updates a counter', () => {
    expect(catches(code, (context, c) => doesNothing(context, c.body))).toEqual([false, false, true, false, false, false]);
  });
  it('returnsValue: the try returns a value', () => {
    expect(catches(code, (_context, c) => returnsValue(c.parent.block))).toEqual([true, true, false, false, false, false]);
  });
  it('throwsServerError: a plain or 5xx error, not a 404', () => {
    expect(catches(code, (_context, c) => throwsServerError(c.body))).toEqual([false, false, false, false, true, false]);
  });
});
