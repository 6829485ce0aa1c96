import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  type CatchRegion,
  DEFAULT_COMMENT,
  compileCommentPattern,
  excludesExpected,
  guardsSecurity,
  identifiesError,
  isCommentedAsIntentional,
  errorTypeGuardSubject,
  isErrorTypeGuard,
  isGuardedSilence,
  isInsideEscalatingCatch,
  isNamedAsDropped,
  isNamedAsIgnored,
  isTriageOfUnexpected,
  reachesStore,
} from '../../src/model/catch-guards.js';
import { getBoundVariables } from '../../src/model/errors.js';
import { describeEnclosingFunction } from '../../src/fixes/log-message.js';
import type { Context } from '../../src/model/ast.js';
import { catches } from '../helpers/catches.js';
import { probe } from '../helpers/probe.js';

const region = (context: Context, c: TSESTree.CatchClause, escalates = false): CatchRegion => ({
  node: c,
  body: c.body,
  errorVariables: getBoundVariables(context, c.param),
  escalates,
});

/** The `return` statements inside each catch body, judged by `isGuardedSilence`. */
function silentReturns(code: string, escalates = false): boolean[][] {
  return catches(code, (context, c) => {
    const out: boolean[] = [];
    const visit = (n: TSESTree.Node): void => {
      if (n.type === 'ReturnStatement') out.push(isGuardedSilence(context, n, region(context, c, escalates), 'info'));
      for (const key of context.sourceCode.visitorKeys[n.type] ?? []) {
        const child = (n as unknown as Record<string, unknown>)[key];
        for (const x of Array.isArray(child) ? child : [child]) if (x && typeof (x as TSESTree.Node).type === 'string') visit(x as TSESTree.Node);
      }
    };
    visit(c.body);
    return out;
  });
}

describe('isGuardedSilence', () => {
  it('a silent exit chosen by a test of the error or an opt-out flag', () => {
    const code = `
      async function read(file, options) {
        try { return await fs.readFile(file) } catch (err) { if (err.code === 'ENOENT') return null; throw err }
        try { return await fs.readFile(file) } catch (err) { if (options.silent) return null; logger.error(err) }
        try { return await fs.readFile(file) } catch (err) { if (err.code !== 'ENOENT') throw err; return null }
      }
    `;
    expect(silentReturns(code)).toEqual([[true], [true], [true]]);
  });
  it('not a return guarded by an unrelated test', () => {
    const code = `
      async function read(file, user) {
        try { return await fs.readFile(file) } catch (err) { if (user.isAdmin) return null; logger.error(err) }
        try { return await fs.readFile(file) } catch (err) { return null }
      }
    `;
    expect(silentReturns(code)).toEqual([[false], [false]]);
  });
  it('never the catch itself', () => {
    const code = `try { load() } catch (err) { if (err.code === 'ENOENT') {} }`;
    expect(catches(code, (context, c) => isGuardedSilence(context, c, region(context, c), 'info'))).toEqual([false]);
  });
});

describe('isTriageOfUnexpected / isInsideEscalatingCatch', () => {
  const code = `
    async function f() {
      try { await a() } catch (e) { if (e.code !== 'ENOENT') throw e; try { await stop(id) } catch {} }
      try { await a() } catch (e) { if (!(e instanceof ConflictError)) { logger.warn(e) } }
      try { await a() } catch (e) { if (e instanceof Error) logger.debug(e) }
      try { await a() } catch (e) { if (e.code === 'ENOENT') throw e }
    }
  `;
  it('isTriageOfUnexpected: the unexpected errors escalate first, at minimumLevel or above', () => {
    const answers = catches(code, (context, c) => {
      const first = c.body.body[0];
      return first ? isTriageOfUnexpected(context, first, getBoundVariables(context, c.param), 'info') : null;
    });
    // The inner `try { stop(id) }` catch is empty (null).
    expect(answers).toEqual([true, null, true, false, false]);
  });
  it('isInsideEscalatingCatch: cleanup in a catch that throws or triages', () => {
    const answers = catches(code, (context, c) => isInsideEscalatingCatch(context, c.parent, (h) => getBoundVariables(context, h.param), 'info'));
    expect(answers).toEqual([false, true, false, false, false]);
  });
});

describe('excludesExpected / isErrorTypeGuard / identifiesError', () => {
  const tests = (code: string): { test: TSESTree.Expression; vars: ReturnType<typeof getBoundVariables> }[] => {
    const out: { test: TSESTree.Expression; vars: ReturnType<typeof getBoundVariables> }[] = [];
    probe(code, (context) => ({
      CatchClause(c: TSESTree.CatchClause) {
        const first = c.body.body[0];
        if (first?.type === 'IfStatement') out.push({ test: first.test, vars: getBoundVariables(context, c.param) });
      },
    }));
    return out;
  };
  const code = `
    try { a() } catch (e) { if (e.code !== 'X') throw e }
    try { a() } catch (e) { if (!isKnown(e)) throw e }
    try { a() } catch (e) { if (e.code === 'X') a.skipped = true }
    try { a() } catch (e) { if (e instanceof Error) throw e }
    try { a() } catch (e) { if (isNativeError(e)) throw e }
    try { a() } catch (e) { if (flag) throw e }
  `;
  it('excludesExpected: negations and !==', () => {
    expect(tests(code).map(({ test }) => excludesExpected(test))).toEqual([true, true, false, false, false, false]);
  });
  it('isErrorTypeGuard: instanceof Error, isNativeError', () => {
    expect(tests(code).map(({ test }) => isErrorTypeGuard(test))).toEqual([false, false, false, true, true, false]);
  });
  it('errorTypeGuardSubject: what a guard tests (null for any other test)', () => {
    const subject = (t: TSESTree.Expression) => {
      const n = errorTypeGuardSubject(t);
      return n?.type === 'Identifier' ? n.name : n;
    };
    expect(tests(code).map(({ test }) => subject(test))).toEqual([null, null, null, 'e', 'e', null]);
  });
  it('identifiesError: a test that names a kind of error', () => {
    expect(tests(code).map(({ test, vars }) => identifiesError(test, vars))).toEqual([false, false, true, true, true, false]);
  });
});

describe('excludesExpected with ||', () => {
  const tests = (code: string): { test: TSESTree.Expression; vars: ReturnType<typeof getBoundVariables> }[] => {
    const out: { test: TSESTree.Expression; vars: ReturnType<typeof getBoundVariables> }[] = [];
    probe(code, (context) => ({
      CatchClause(c: TSESTree.CatchClause) {
        const first = c.body.body[0];
        if (first?.type === 'IfStatement') out.push({ test: first.test, vars: getBoundVariables(context, c.param) });
      },
    }));
    return out;
  };
  it('a side that tests the error and rules the expected kind out is enough; a flag alone is not', () => {
    const code = `
      try { a() } catch (e) { if (e?.name !== 'NotFoundError' || !options.fallback) throw e }
      try { a() } catch (e) { if (strict || !(e instanceof NotFoundError)) throw e }
      try { a() } catch (e) { if (e.name === 'ConflictError' || !options.fallback) throw e }
    `;
    expect(tests(code).map(({ test, vars }) => excludesExpected(test, vars))).toEqual([true, true, false]);
    // Without the error's variables the question is not asked.
    expect(tests(code).map(({ test }) => excludesExpected(test))).toEqual([false, false, false]);
  });
});

describe('guardsSecurity / reachesStore', () => {
  const code = `
    async function authenticate(req, res) {
      try { req.user = jwt.verify(token, secret) } catch (e) { return res.status(401).json({ error: 'Unauthorized' }) }
      try { await db.sessions.touch(token) } catch (e) { return res.status(401).json({ error: 'Session expired' }) }
      try { await loadAvatar(req.user) } catch (e) { return null }
    }
  `;
  it('a refusal after a store call is this rule\'s finding; after a token check it is not', () => {
    expect(catches(code, (context, c) => guardsSecurity(context, c.parent.block, c.body, describeEnclosingFunction(c), {}))).toEqual([false, true, true]);
  });
  it('reachesStore: an external call that is not a verification', () => {
    expect(catches(code, (context, c) => reachesStore(context, c.parent.block, {}))).toEqual([false, true, true]);
  });
  it('guardsSecurity: a fallback in a function that is not about security', () => {
    const plain = `async function loadTheme(id) { try { return await themes.get(id) } catch (e) { return 'light' } }`;
    expect(catches(plain, (context, c) => guardsSecurity(context, c.parent.block, c.body, describeEnclosingFunction(c), {}))).toEqual([false]);
  });
});

describe('isCommentedAsIntentional / isNamedAsIgnored / compileCommentPattern', () => {
  const pattern = compileCommentPattern(DEFAULT_COMMENT);
  it('a comment that matches or explains; not a to-do', () => {
    const code = `
      try { a() } catch { /* ignored */ }
      try { a() } catch { // the file may not exist yet on a fresh install
      }
      try { a() } catch { // TODO handle this properly later on
      }
      try { a() } catch { }
    `;
    expect(catches(code, (context, c) => isCommentedAsIntentional(context, c.body, pattern))).toEqual([true, true, false, false]);
  });
  it('isNamedAsIgnored: _err, ignore, unused; not err', () => {
    const code = `try {} catch (_err) {} try {} catch (ignore) {} try {} catch (unused) {} try {} catch (err) {} try {} catch {}`;
    expect(catches(code, (_context, c) => isNamedAsIgnored(c.param))).toEqual([true, true, true, false, false]);
  });
  it('isNamedAsDropped: a word that says so, not an underscore on the error\'s name', () => {
    const code = `try {} catch (_) {} try {} catch (ignored) {} try {} catch (_unused) {} try {} catch (_err) {} try {} catch (_error) {} try {} catch (err) {}`;
    expect(catches(code, (_context, c) => isNamedAsDropped(c.param))).toEqual([true, true, true, false, false, false]);
  });
  it('compileCommentPattern: case-insensitive; a clear error for an invalid pattern', () => {
    expect(compileCommentPattern('noop').test('NOOP')).toBe(true);
    expect(() => compileCommentPattern('(')).toThrow(/allowWithComment/u);
  });
});
