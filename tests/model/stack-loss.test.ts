import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findVariable } from '../../src/model/ast.js';
import { caughtFrom, losesNothing } from '../../src/model/stack-loss.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** For each `log(…)` call: whether a text-only log of the error named by its first argument loses nothing there. */
function losses(code: string, reportExpected = false) {
  const results = probeCalls(code, (context, node) => {
    const arg = node.arguments[0];
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'log' || arg?.type !== 'MemberExpression' || arg.object.type !== 'Identifier') return null;
    const variable = findVariable(context, arg.object) as TSESLint.Scope.Variable;
    return losesNothing(context, variable, node, reportExpected);
  });
  return (text: string) => callResult(results, text);
}

describe('losesNothing: an alias of the caught error', () => {
  it('counts what the caught error does under its own name (rethrown) for its alias', () => {
    const of = losses(`
      try { await save(); } catch (e) { const err = e; log(err.message); throw e; }
      try { await save(); } catch (f) { const err2 = f; log(err2.message); }
    `);
    expect(of('log(err.message)')).toBe(true);
    expect(of('log(err2.message)')).toBe(false);
  });
});

describe('losesNothing: token checks and configurations parsed before exit', () => {
  it('treats a try that only verifies a token as an expected failure while reportExpected is off', () => {
    const code = `
      try { req.user = jwt.verify(req.authToken, secret); } catch (a) { log(a.message); }
      try { req.user = await tokens.fetch(req.authToken); } catch (b) { log(b.message); }
    `;
    expect(losses(code)('log(a.message)')).toBe(true);
    expect(losses(code)('log(b.message)')).toBe(false);
    expect(losses(code, true)('log(a.message)')).toBe(false);
  });

  it('is true for a synchronous parse logged right before process.exit, not for an awaiting try or a log not followed by the exit', () => {
    const of = losses(`
      try { settings = JSON.parse(minify(text)); } catch (c) { log(c.message); process.exit(1); }
      try { await db.connect(JSON.parse(text)); } catch (d) { log(d.message); process.exit(1); }
      try { settings = JSON.parse(minify(text)); } catch (f) { log(f.message); retry(); }
    `);
    expect(of('log(c.message)')).toBe(true);
    expect(of('log(d.message)')).toBe(false);
    expect(of('log(f.message)')).toBe(false);
  });
});

describe('losesNothing: error-first callbacks', () => {
  it('is true for an async fs callback (no JavaScript frame in its stack), false for another callback API', () => {
    const of = losses(`
      fs.unlink(filePath, (g) => { if (g) log(g.message); });
      fs_1.default.writeFile(file, data, function (h) { if (h) log(h.message); });
      db.query(sql, (i) => { if (i) log(i.message); });
    `);
    expect(of('log(g.message)')).toBe(true);
    expect(of('log(h.message)')).toBe(true);
    expect(of('log(i.message)')).toBe(false);
  });

  it('treats the callback of a password check as an expected answer while reportExpected is off', () => {
    const code = 'ldapclient.bind(bindDN, password, function (j) { if (j) log(j.message); });';
    expect(losses(code)('log(j.message)')).toBe(true);
    expect(losses(code, true)('log(j.message)')).toBe(false);
  });
});

describe('losesNothing', () => {
  it('is true when the error is rethrown or parsed from a value in hand, false for plain work', () => {
    const of = losses(`
      try { await save(); } catch (a) { log(a.message); throw a; }
      try { JSON.parse(body); } catch (b) { log(b.message); }
      try { await save(); } catch (c) { log(c.message); }
    `);
    expect(of('log(a.message)')).toBe(true);
    expect(of('log(b.message)')).toBe(true);
    expect(of('log(c.message)')).toBe(false);
  });

  it('treats a handle release as an expected failure only while reportExpected is off', () => {
    const code = 'try { await pool.end(); } catch (d) { log(d.message); }';
    expect(losses(code)('log(d.message)')).toBe(true);
    expect(losses(code, true)('log(d.message)')).toBe(false);
  });

  it('is true in the branch that names the error class', () => {
    const of = losses(`
      try { await read(); } catch (e) { if (e.code === 'ENOENT') log(e.message); else log(e.message, 'other'); }
    `);
    expect(of('log(e.message)')).toBe(true);
    expect(of("log(e.message, 'other')")).toBe(false);
  });
});

describe('caughtFrom', () => {
  it('gives the try block of a catch binding, null for a parameter', () => {
    const results = probeCalls(
      `
      try { run(); } catch (e) { use(e); }
      function f(p) { use(p); }
    `,
      (context, node) => {
        const arg = node.arguments[0];
        if (arg?.type !== 'Identifier') return null;
        const block = caughtFrom(findVariable(context, arg) as TSESLint.Scope.Variable);
        return block ? context.sourceCode.getText(block) : null;
      },
    );
    expect(callResult(results, 'use(e)')).toBe('{ run(); }');
    expect(callResult(results, 'use(p)')).toBeNull();
  });
});

describe('losesNothing: a rethrow in an earlier branch', () => {
  it('does not count a rethrow written before the log (its path never reaches the log), but does count one after it or inside a try of its own', () => {
    const of = losses(`
      try { await npm.view(name); } catch (a) { if (a instanceof NotFoundException) { throw a; } log(a.message); throw new BadRequestException('failed'); }
      try { await npm.view(name); } catch (b) { log(b.message); if (fatal) throw b; }
      try { await npm.view(name); } catch (c) { try { if (retry) throw c; } catch {} log(c.message); }
      try { await npm.view(name); } catch (d) { if (d.code === 'E404') throw d; log(d.message); }
    `);
    expect(of('log(a.message)')).toBe(false);
    expect(of('log(b.message)')).toBe(true);
    expect(of('log(c.message)')).toBe(true);
    // the branch names the expected code: still the rethrow's path, and the log path is unexpected
    expect(of('log(d.message)')).toBe(false);
  });
});

describe('losesNothing: teardowns, templates, body parses and a health check (session 32)', () => {
  it('is true in a function named for a teardown, not for an operation on another object or a callback inside it', () => {
    const code = `
      class R {
        async dispose() { try { await this.redis.del(this.key) } catch (a) { log(a.message) } }
        async stopApp() { try { await Promise.all([this.telemetry.flush(), this.sub.disconnect()]) } catch (b) { log(b.message) } }
        async stopWorkflow(id) { try { await this.runner.stop(id) } catch (c) { log(c.message) } }
        stop() { this.timer = setInterval(async () => { try { await this.redis.pexpire(this.key, 10) } catch (d) { log(d.message) } }, 10) }
      }
    `;
    const of = losses(code);
    expect(of('log(a.message)')).toBe(true);
    expect(of('log(b.message)')).toBe(true);
    expect(of('log(c.message)')).toBe(false);
    expect(of('log(d.message)')).toBe(false);
    expect(losses(code, true)('log(a.message)')).toBe(false);
  });

  it('takes a template evaluated from a value in hand and the JSON body of an answer held for parses', () => {
    const of = losses(`
      function a(req) { try { return req.ctx.evaluateAsTemplateString(params.message) } catch (a) { log(a.message) } }
      function b(req) { try { return req.ctx.evaluate(params.message) } catch (b) { log(b.message) } }
      async function c(res) { try { return (await res.json()).message } catch (c) { log(c.message) } }
      async function d(url) { try { return await (await fetch(url)).json() } catch (d) { log(d.message) } }
      async function e(res) { try { return await res.json(payload) } catch (e) { log(e.message) } }
    `);
    expect(of('log(a.message)')).toBe(true);
    expect(of('log(b.message)')).toBe(false);
    expect(of('log(c.message)')).toBe(true);
    expect(of('log(d.message)')).toBe(false);
    expect(of('log(e.message)')).toBe(false);
  });

  it('lets process.exit stand beside one file-system call', () => {
    const of = losses(`
      import fs from 'fs';
      try { const s = fs.statSync(f); if (s.mtimeMs < t) process.exit(1); process.exit(0) } catch (a) { log(a.message) }
      try { const s = fs.statSync(f); fs.writeFileSync(g, String(s.mtimeMs)); process.exit(0) } catch (b) { log(b.message) }
    `);
    expect(of('log(a.message)')).toBe(true);
    expect(of('log(b.message)')).toBe(false);
  });
});

describe('losesNothing: session 35 shapes', () => {
  it('counts an error thrown on inside a wrapper call as handed on, not its text thrown on', () => {
    const of = losses(`
      try { await scm.parseUrl(opts); } catch (a) { log(a.message); throw boom.boomify(a, { statusCode: a.statusCode }); }
      try { await scm.parseUrl(opts); } catch (b) { log(b.message); throw boom.badRequest(b.message); }
    `);
    expect(of('log(a.message)')).toBe(true);
    expect(of('log(b.message)')).toBe(false);
  });

  it('keeps a single store command reported when the catch throws an error of its own', () => {
    const code = `
      async function f() { try { await this.client.get(key); } catch (c) { log(c.message, 'Failed to read the key'); return null; } }
      async function g() { try { await this.client.get(key); } catch (d) { log(d.message, 'Failed to read the key'); throw new StorageError(500); } }
    `;
    expect(losses(code)("log(c.message, 'Failed to read the key')")).toBe(true);
    expect(losses(code)("log(d.message, 'Failed to read the key')")).toBe(false);
  });

  it('treats a promisified store command and a callback before trailing values as one command', () => {
    const code = `
      async function h() { try { await new Promise((resolve, reject) => this.services.cache.deleteBulk(names, (e) => (e ? reject(e) : resolve()))); } catch (e1) { log(e1.message, 'Error deleting in bulk'); } }
      function k() { this.services.storage.set(name, 0, {}, (e2) => { if (e2) log(e2.message, 'storage set failed'); }, this.metaData); }
    `;
    expect(losses(code)("log(e1.message, 'Error deleting in bulk')")).toBe(true);
    expect(losses(code)("log(e2.message, 'storage set failed')")).toBe(true);
    expect(losses(code, true)("log(e1.message, 'Error deleting in bulk')")).toBe(false);
    expect(losses(code, true)("log(e2.message, 'storage set failed')")).toBe(false);
  });
});
