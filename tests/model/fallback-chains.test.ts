import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  alwaysThrows,
  catchFallsBackOnPurpose,
  checkOfFallback,
  handlerFallsBackOnPurpose,
  holdsAttempt,
  isAnotherAttempt,
  isAnotherAttemptInHandler,
  isAttemptCall,
  isAttemptElseThrow,
  isCandidateLoopThenThrow,
  isCheckedThenRefused,
  isCheckedThenThrown,
  isLoop,
  isRecordedInReturnedBatch,
  jumpsOut,
} from '../../src/model/fallback-chains.js';
import { catches, promiseCatches } from '../helpers/catches.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('isAttemptCall / holdsAttempt', () => {
  const code = `
    async function load(id) {
      try { return await primary.get(id) } catch (e) { logger.error(e); return res.status(503).json({}) }
      try { return await primary.get(id) } catch (e) { return await mirror.get(id) }
      try { return await primary.get(id) } catch (e) { return Promise.resolve(path.join(a, b)) }
    }
  `;
  it('isAttemptCall: a call that asks elsewhere; not a log, a response, a pure helper or Promise.resolve', () => {
    const results = probeCalls(code, (context, node) => isAttemptCall(context, node, {}));
    expect(callResult(results, 'mirror.get(id)')).toBe(true);
    expect(callResult(results, 'logger.error(e)')).toBe(false);
    expect(callResult(results, 'res.status(503).json({})')).toBe(false);
    expect(callResult(results, 'Promise.resolve(path.join(a, b))')).toBe(false);
  });
  it('holdsAttempt: an await or attempt call in the catch', () => {
    expect(catches(code, (context, c) => holdsAttempt(context, c.body, {}))).toEqual([false, true, false]);
  });
});

describe('isAnotherAttempt', () => {
  it('calls again what the try called, retries the enclosing function, or returns another answer', () => {
    const code = `
      async function fetchWithRetry(url, n) {
        try { return await http.get(url) } catch (e) { return fetchWithRetry(url, n + 1) }
        try { data = await http.get(url) } catch (e) { data = await cache.read(url) }
        try { return await http.get(url) } catch (e) { return await mirror.get(url) }
      }
    `;
    expect(catches(code, (context, c) => isAnotherAttempt(context, c.parent.block, c, {}))).toEqual([true, true, true]);
  });
  it('not a fallback value', () => {
    const code = `
      async function load(url) {
        try { return await http.get(url) } catch (e) { return null }
        try { data = await http.get(url) } catch (e) { data = {} }
      }
    `;
    expect(catches(code, (context, c) => isAnotherAttempt(context, c.parent.block, c, {}))).toEqual([false, false]);
  });
  it('computes the try\'s value from a local of the catch that holds another attempt\'s answer', () => {
    const code = `
      async function serveIndex(ticket, cookie) {
        try { origin = (await tickets.consume(ticket)).origin } catch (e) { const existing = await sessions.validate(cookie); origin = existing.origin }
        try { origin = (await tickets.consume(ticket)).origin } catch (e) { const existing = await sessions.validate(cookie); last = existing.origin }
        try { origin = (await tickets.consume(ticket)).origin } catch (e) { const fallback = 'https://localhost'; origin = fallback }
        try { origin = (await tickets.consume(ticket)).origin } catch (e) { const existing = await sessions.validate(cookie); origin = other.existing }
      }
    `;
    expect(catches(code, (context, c) => isAnotherAttempt(context, c.parent.block, c, {}))).toEqual([true, false, false, false]);
  });
});

describe('isAnotherAttemptInHandler', () => {
  it('.catch(() => retry(…)) and .catch(() => readFromMirror(id)); not .catch(() => null)', () => {
    const code = `
      function retry(opts, n) { return send(opts).catch(() => retry(opts, n + 1)) }
      function read(id) { return readPrimary(id).catch(() => readFromMirror(id)) }
      function read2(id) { return readPrimary(id).catch(() => null) }
    `;
    expect(promiseCatches(code, (context, call, handler) => isAnotherAttemptInHandler(context, handler as TSESTree.ArrowFunctionExpression, call, {}))).toEqual([true, true, false]);
  });
});

describe('checkOfFallback / isCheckedThenThrown / isCheckedThenRefused', () => {
  const code = `
    async function f() {
      const tmp = await createTmpFile().catch(() => null);
      if (!tmp) throw new Error('Could not create a temporary file');
      const column = await this.columnInfo(table).catch(() => null);
      if (!column) throw new ForbiddenError();
      const avatar = await loadAvatar(id).catch(() => null);
      render(avatar);
    }
  `;
  it('checkOfFallback: the if right after that tests the value', () => {
    expect(promiseCatches(code, (context, call) => checkOfFallback(context, call) !== null)).toEqual([true, true, false]);
  });
  it('isCheckedThenThrown: a server error, not a 403', () => {
    expect(promiseCatches(code, (context, call) => isCheckedThenThrown(context, call))).toEqual([true, false, false]);
  });
  it('isCheckedThenRefused: a refusal after the fallback', () => {
    expect(promiseCatches(code, (context, call) => isCheckedThenRefused(context, call))).toEqual([false, true, false]);
  });
  it('a try statement whose assigned value is checked', () => {
    const tryCode = `
      async function f() {
        let column;
        try { column = await this.columnInfo(t) } catch {}
        if (!column) throw new ForbiddenError();
      }
    `;
    expect(catches(tryCode, (context, c) => [isCheckedThenRefused(context, c.parent), isCheckedThenThrown(context, c.parent)])).toEqual([[true, false]]);
  });
});

describe('isCandidateLoopThenThrow / isRecordedInReturnedBatch', () => {
  it('candidates tried in turn, then a throw', () => {
    const code = `
      async function discoverAny(urls) {
        for (const url of urls) { try { return await discover(url) } catch { continue } }
        throw new Error('Tried: ' + urls.join(', '));
      }
      async function discoverSome(urls) {
        for (const url of urls) { try { return await discover(url) } catch { continue } }
        return null;
      }
    `;
    expect(catches(code, (_context, c) => isCandidateLoopThenThrow(c.parent, c.body))).toEqual([true, false]);
  });
  it('a batch that returns the collection of successes', () => {
    const code = `
      async function rotateAll(files) {
        const rotated = [];
        for (const f of files) { try { await rotate(f); rotated.push(f) } catch { continue } }
        return { rotated };
      }
      async function rotateQuietly(files) {
        const rotated = [];
        for (const f of files) { try { await rotate(f); rotated.push(f) } catch { continue } }
        return files.length;
      }
    `;
    expect(catches(code, (context, c) => isRecordedInReturnedBatch(context, c.parent, c.body))).toEqual([true, false]);
  });
});

describe('isAttemptElseThrow / alwaysThrows / jumpsOut / isLoop', () => {
  it('another attempt whose own catch always throws', () => {
    const code = `
      async function token() {
        try { return await viaApi() } catch { try { return await viaCli() } catch (e) { throw new AuthError('No token', { cause: e }) } }
        try { return await viaApi() } catch { try { return await viaCli() } catch (e) { if (quiet) return null; throw e } }
      }
    `;
    // The outer catches (the inner ones sit in a catch body and answer null here).
    const outer = catches(code, (context, c) => (c.parent.parent.parent?.type === 'FunctionDeclaration' ? isAttemptElseThrow(context, c.body, {}) : null));
    expect(outer.filter((v) => v !== null)).toEqual([true, false]);
  });
  it('alwaysThrows and jumpsOut on statements', () => {
    const blocks: TSESTree.BlockStatement[] = [];
    probe(
      `function f() {
        { throw e }
        { if (a) throw e; else throw f }
        { if (a) return; throw e }
        { log(e) }
      }`,
      () => ({ 'FunctionDeclaration > BlockStatement > BlockStatement': (node: TSESTree.BlockStatement) => void blocks.push(node) }),
    );
    expect(blocks.map(alwaysThrows)).toEqual([true, true, false, false]);
    expect(blocks.map(jumpsOut)).toEqual([false, false, true, false]);
  });
  it('isLoop: loops, not a switch', () => {
    const kinds: boolean[] = [];
    probe(`for (;;) {} for (const a of b) {} while (x) {} switch (x) {} if (x) {}`, () => ({
      'Program > *': (node: TSESTree.Node) => void kinds.push(isLoop(node)),
    }));
    expect(kinds).toEqual([true, true, true, false, false]);
  });
});

describe('catchFallsBackOnPurpose / handlerFallsBackOnPurpose', () => {
  it('a catch that falls back on purpose, and one that only hides the failure', () => {
    const code = `
      async function nameById(id) { try { return (await credentials.get(id)).name } catch { return id } }
      async function load(id) { try { return await db.sessions.get(id) } catch { return null } }
    `;
    expect(catches(code, (context, c) => catchFallsBackOnPurpose(context, c, {}))).toEqual([true, false]);
  });
  it('a rejection handler that answers "not found", and one that answers an empty list', () => {
    const code = `
      app.get('/f', (req, res) => files.read(req.params.id).catch(() => res.sendStatus(404)));
      app.get('/g', (req, res) => files.list().catch(() => []));
    `;
    expect(promiseCatches(code, (context, call, handler) => handlerFallsBackOnPurpose(context, handler as TSESTree.ArrowFunctionExpression, call, {}))).toEqual([true, false]);
  });
});
