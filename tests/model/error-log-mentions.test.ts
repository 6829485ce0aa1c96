import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { errorVariablesAround, findDroppedError, findHiddenError, findTextOnlyError, isPlainObject } from '../../src/model/error-log-mentions.js';
import { isRejectionHandler } from '../../src/model/promises.js';
import { resolveLoggerStyle } from '../../src/model/logger-styles.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('errorVariablesAround', () => {
  it('finds catch bindings and rejection-handler parameters, not an ordinary parameter', () => {
    const results = probeCalls(
      `
      try { run(); } catch (e) { report(e); }
      load().catch((failure) => note(failure));
      function plain(value) { use(value); }
    `,
      (context, node) => errorVariablesAround(context, node).map((v) => v.name).join(','),
    );
    expect(callResult(results, 'report(e)')).toBe('e');
    expect(callResult(results, 'note(failure)')).toBe('failure');
    expect(callResult(results, 'use(value)')).toBe('');
  });

  it('adds a const alias of a catch binding (TypeScript output of `const err = e as Error`), not a let or another value', () => {
    const results = probeCalls(
      `
      try { run(); } catch (e) { const err = e; report(err); }
      try { run(); } catch (f) { let copy = f; copy = null; keep(copy); }
      try { run(); } catch (g) { const msg = g.message; show(msg); }
    `,
      (context, node) => errorVariablesAround(context, node).map((v) => v.name).join(','),
    );
    expect(callResult(results, 'report(err)')).toBe('e,err');
    expect(callResult(results, 'keep(copy)')).toBe('f');
    expect(callResult(results, 'show(msg)')).toBe('g');
  });

  it('leaves out a rejection value named as an exit code or status (code, exitCode, tsc\'s code_1)', () => {
    const results = probeCalls(
      `
      run().catch((code) => note(code));
      try { await yarn(); } catch (code_1) { fail(code_1); }
      run().catch((error) => keep(error));
    `,
      (context, node) => errorVariablesAround(context, node).map((v) => v.name).join(','),
    );
    expect(callResult(results, 'note(code)')).toBe('');
    expect(callResult(results, 'fail(code_1)')).toBe('');
    expect(callResult(results, 'keep(error)')).toBe('error');
  });
});

describe('isRejectionHandler', () => {
  it('is true for .catch(fn) and the second argument of .then, false for .then(ok)', () => {
    const found: string[] = [];
    probe('p.catch(function onFail(e) {}); p.then(function ok(v) {}, function bad(e) {});', () => ({
      FunctionExpression(node: TSESTree.FunctionExpression) {
        found.push(`${node.id!.name}:${isRejectionHandler(node)}`);
      },
    }));
    expect(found).toEqual(['onFail:true', 'ok:false', 'bad:true']);
  });
});

describe('isPlainObject', () => {
  it('is false for an object with a spread', () => {
    const found: boolean[] = [];
    probe('a({ x: 1, y }); b({ ...rest, x: 1 });', () => ({
      ObjectExpression(node: TSESTree.ObjectExpression) {
        found.push(isPlainObject(node));
      },
    }));
    expect(found).toEqual([true, false]);
  });
});

describe('findTextOnlyError through a text variable and an error listener (issue 18)', () => {
  it('finds a log of a variable holding only the error text, and the error of an emitter error listener', () => {
    const results = probeCalls(
      `
      import pino from 'pino';
      const logger = pino();
      async function tick(task) {
        try { await task.run(); } catch (e) { const message = e instanceof Error ? e.message : String(e); logger.error(\`task \${task.id} failed: \${message}\`); }
        try { await task.run(); } catch (error) { let errorMessage = 'Unknown error'; if (error instanceof Error) errorMessage = error.message; logger.error(\`task failed: \${errorMessage}\`); }
        try { await task.run(); } catch (f) { const message = f.message; logger.error({ err: f }, message); }
        try { await task.run(); } catch (g) { let note = g.message; note = describe(g); logger.error(note); }
        try { await task.run(); } catch (h) { const reason = \`\${h.name}: \${h.message}\`; logger.error('send failed', { reason }); }
        try { await task.run(); } catch (k) { const why = 'failed: ' + k.message; logger.error(why); }
        try { await task.run(); } catch (m) { const both = \`\${m.message}\`; logger.error({ err: m, both }); }
      }
    `,
      (context, node) => {
        const call = getLoggerCall(context, node);
        const found = call ? findTextOnlyError(context, call, false) : null;
        return found ? found.variable.name : null;
      },
    );
    expect(callResult(results, 'logger.error(`task ${task.id} failed: ${message}`)')).toBe('e');
    expect(callResult(results, 'logger.error(`task failed: ${errorMessage}`)')).toBe('error');
    // The error object is logged beside its message.
    expect(callResult(results, 'logger.error({ err: f }, message)')).toBeNull();
    // Another write holds more than the text.
    expect(callResult(results, 'logger.error(note)')).toBeNull();
    // Text composed around the message (nocobase's notification manager): still only the text.
    expect(callResult(results, "logger.error('send failed', { reason })")).toBe('h');
    expect(callResult(results, 'logger.error(why)')).toBe('k');
    expect(callResult(results, 'logger.error({ err: m, both })')).toBeNull();
  });

  it("takes the parameter of an emitter's 'error' listener as a caught error, not another event's", () => {
    const results = probeCalls(
      `
      server.on('error', (e) => note(e));
      socket.once('error', function (failure) { note(failure); });
      server.on('data', (e) => noteData(e));
    `,
      (context, node) => errorVariablesAround(context, node).map((v) => v.name).join(','),
    );
    expect(callResult(results, 'note(e)')).toBe('e');
    expect(callResult(results, 'note(failure)')).toBe('failure');
    expect(callResult(results, 'noteData(e)')).toBe('');
  });
});

describe('findTextOnlyError', () => {
  it('finds a log that keeps only err.message, not one that passes the error', () => {
    const results = probeCalls(
      `
      import pino from 'pino';
      const logger = pino();
      try { await sync(); } catch (err) { logger.error(\`sync failed: \${err.message}\`); }
      try { await push(); } catch (err) { logger.error({ err }, 'push failed'); }
    `,
      (context, node) => {
        const call = getLoggerCall(context, node);
        const found = call ? findTextOnlyError(context, call, false) : null;
        return found ? `${found.variable.name} ${found.form}` : null;
      },
    );
    expect(callResult(results, 'logger.error(`sync failed: ${err.message}`)')).toMatch(/^err /u);
    expect(callResult(results, "logger.error({ err }, 'push failed')")).toBeNull();
  });
});

describe('findHiddenError', () => {
  it('finds { error: err } in a pino call, not { err }', () => {
    const results = probeCalls(
      `
      import pino from 'pino';
      const logger = pino();
      try { a(); } catch (err) { logger.error({ error: err }, 'a failed'); }
      try { b(); } catch (err) { logger.error({ err }, 'b failed'); }
    `,
      (context, node) => {
        const call = getLoggerCall(context, node);
        if (!call || node.callee.type !== 'MemberExpression') return null;
        return findHiddenError(context, call, resolveLoggerStyle(context, node.callee.object))?.key ?? null;
      },
    );
    expect(callResult(results, "logger.error({ error: err }, 'a failed')")).toBe('error');
    expect(callResult(results, "logger.error({ err }, 'b failed')")).toBeNull();
  });
});

describe('findDroppedError', () => {
  it('is the unbound (or unread) catch or parameterless rejection handler around an error log, unless the try fails only in ways its message tells', () => {
    const results = probeCalls(
      `
      async function a() { try { await mailer.send(to); } catch { logger.error('a'); } }
      async function b() { try { await mailer.send(to); } catch (e) { logger.error('b'); } }
      async function c() { try { await mailer.send(to); } catch (_e) { logger.error('c'); } }
      function d() { job().catch(() => logger.error('d')); }
      function e() { job().catch((err) => logger.error('e')); }
      function f(text) { try { return JSON.parse(text); } catch { logger.error('f'); } }
      function g() { logger.error('g'); }
    `,
      (context, node) => {
        const call = getLoggerCall(context, node);
        return call ? (findDroppedError(context, call, false)?.type ?? null) : null;
      },
    );
    expect(callResult(results, "logger.error('a')")).toBe('CatchClause');
    expect(callResult(results, "logger.error('b')")).toBe('CatchClause');
    expect(callResult(results, "logger.error('c')")).toBeNull();
    expect(callResult(results, "logger.error('d')")).toBe('ArrowFunctionExpression');
    expect(callResult(results, "logger.error('e')")).toBeNull();
    expect(callResult(results, "logger.error('f')")).toBeNull();
    expect(callResult(results, "logger.error('g')")).toBeNull();
  });
});
