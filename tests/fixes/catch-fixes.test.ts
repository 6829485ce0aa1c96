import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  buildCatchLogFix,
  buildHandlerLogFix,
  buildPassToNext,
  buildRethrow,
  catchLogLevel,
  catchSuggestions,
  errorBinding,
} from '../../src/fixes/catch-fixes.js';
import { insertBeforeStatement } from '../../src/fixes/edits.js';
import type { LogTarget } from '../../src/fixes/log-call.js';
import type { Context } from '../../src/model/ast.js';
import { applyFixes, probe, reportFix } from '../helpers/probe.js';

const pino: LogTarget = { expression: 'logger', style: 'pino', configured: true, importKind: 'named' };
const consoleTarget: LogTarget = { expression: 'console', style: 'console', configured: false, importKind: 'named' };

/** Apply the fix `build` makes for each catch clause of `code` (null: no fix). */
function fixCatches(code: string, build: (context: Context, c: TSESTree.CatchClause) => TSESLint.ReportFixFunction | null): string {
  const messages = probe(code, (context) => ({
    CatchClause(c: TSESTree.CatchClause) {
      const fix = build(context, c);
      if (fix) reportFix(context, c, fix as never);
    },
  }));
  return applyFixes(code, messages);
}

/** Apply the fix `build` makes for the handler of each `.catch(handler)` of `code`. */
function fixHandlers(code: string, build: (context: Context, call: TSESTree.CallExpression, handler: TSESTree.Node) => TSESLint.ReportFixFunction | null): string {
  const messages = probe(code, (context) => ({
    CallExpression(call: TSESTree.CallExpression) {
      if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'catch') return;
      const fix = build(context, call, call.arguments[0]!);
      if (fix) reportFix(context, call, fix as never);
    },
  }));
  return applyFixes(code, messages);
}

describe('catchLogLevel', () => {
  it('warn for a recovering handler, error otherwise, never below minimumLevel', () => {
    const levels: string[] = [];
    probe(`function f() { try { a() } catch (e) { return null } try { a() } catch (e) {} }`, () => ({
      CatchClause: (c: TSESTree.CatchClause) => void levels.push(catchLogLevel(c.body, 'info'), catchLogLevel(c.body, 'error')),
    }));
    expect(levels).toEqual(['warn', 'error', 'error', 'error']);
  });
});

describe('errorBinding', () => {
  it('binds an unnamed catch as err; keeps an existing name', () => {
    const names: (string | undefined)[] = [];
    const bound = fixCatches(`try { a() } catch { b() }\ntry { a() } catch (e) { b() }\ntry { a() } catch ({ message }) { b() }`, (context, c) => (fixer) => {
      const { name, fixes } = errorBinding(context, c, fixer);
      names.push(name);
      return fixes;
    });
    expect(bound).toBe(`try { a() } catch (err) { b() }\ntry { a() } catch (e) { b() }\ntry { a() } catch ({ message }) { b() }`);
    expect(names).toEqual(['err', 'e', undefined]);
  });
  it('binds an unnamed arrow handler parameter, avoiding a name in use', () => {
    const out = fixHandlers(`const err = 1; p.catch(() => {})`, (context, _call, handler) => (fixer) => errorBinding(context, handler as TSESTree.ArrowFunctionExpression, fixer).fixes);
    expect(out).toBe(`const err = 1; p.catch((error) => {})`);
  });
});

describe('buildCatchLogFix / insertBeforeStatement', () => {
  it('logs at the start of the catch', () => {
    const out = fixCatches(`async function save() {\n  try {\n    await db.save()\n  } catch {\n    return null;\n  }\n}`, (context, c) =>
      buildCatchLogFix(context, c, c, consoleTarget, 'info'),
    );
    expect(out).toContain('} catch (err) {\n    console.warn(');
    expect(out).toContain(', err);\n    return null;');
  });
  it('logs before the silent return a report is about', () => {
    const out = fixCatches(`async function save() {\n  try {\n    await db.save()\n  } catch (e) {\n    if (e.code === 'X') { logger.error(e) }\n    return null;\n  }\n}`, (context, c) =>
      buildCatchLogFix(context, c, c.body.body[1]!, pino, 'info'),
    );
    expect(out).toMatch(/logger\.error\(e\) \}\n {4}logger\.warn\(\{ err: e \}, '[^']+'\);\n {4}return null;/u);
  });
  it('wraps an expression-bodied handler in a block that returns the value', () => {
    const out = fixHandlers(`function load() {\n  return fetchAll().catch(() => []);\n}`, (context, call, handler) =>
      buildCatchLogFix(context, handler as TSESTree.ArrowFunctionExpression, handler, pino, 'info'),
    );
    expect(out).toMatch(/\.catch\(\(err\) => \{\n {4}logger\.warn\(\{ err \}, '[^']+'\);\n {4}return \[\];\n {2}\}\);/u);
  });
  it('no fix for a destructured handler parameter', () => {
    const out = fixHandlers(`p.catch(({ message }) => null)`, (context, _call, handler) => buildCatchLogFix(context, handler as TSESTree.ArrowFunctionExpression, handler, pino, 'info'));
    expect(out).toBe(`p.catch(({ message }) => null)`);
  });
  it('insertBeforeStatement: on its own line, on the same line, or wrapped in a block', () => {
    const code = `function f() {\n  if (a) return 1;\n  b(); return 2;\n}`;
    const messages = probe(code, (context) => ({
      ReturnStatement(node: TSESTree.ReturnStatement) {
        reportFix(context, node, (fixer) => insertBeforeStatement(context, fixer, node, 'log();'));
      },
    }));
    expect(applyFixes(code, messages)).toBe(`function f() {\n  if (a) { log(); return 1; }\n  b(); log(); return 2;\n}`);
  });
});

describe('buildRethrow', () => {
  it('adds a throw at the end, with a separator where the statement needs one', () => {
    const out = fixCatches(`try { a() } catch { b() }\ntry { a() } catch (e) { ctx.body = { error: e.message } }\ntry { a() } catch (e) {\n  cleanup();\n}`, (context, c) => buildRethrow(context, c));
    expect(out).toBe(`try { a() } catch (err) { b(); throw err; }\ntry { a() } catch (e) { ctx.body = { error: e.message }; throw e; }\ntry { a() } catch (e) {\n  cleanup();\n  throw e;\n}`);
  });
  it('into an empty catch, on a line of its own', () => {
    expect(fixCatches(`function f() {\n  try {\n    a();\n  } catch {}\n}`, (context, c) => buildRethrow(context, c))).toBe(`function f() {\n  try {\n    a();\n  } catch (err) {\n    throw err;\n  }\n}`);
  });
  it('no rethrow after an answer the catch has sent, nor after a last return or throw', () => {
    const code = `app.get('/a', async (req, res) => { try { await a() } catch (e) { res.status(500).send({ message: 'failed' }) } })\nfastify.get('/b', async (request, reply) => { try { await a() } catch (e) { reply.code(500).send('failed') } })\nfunction f() { try { a() } catch (e) { cleanup(); return null } }`;
    expect(fixCatches(code, (context, c) => buildRethrow(context, c))).toBe(code);
  });
  it('a rethrow after Koa sets its answer (ctx.status / ctx.body send nothing yet) and after a call that is no response', () => {
    const out = fixCatches(`app.use(async (ctx, next) => { try { await next() } catch (e) { ctx.status = 500 } })\ntry { a() } catch (e) { res.locals.failed = true; metrics.send(e) }`, (context, c) => buildRethrow(context, c));
    expect(out).toBe(`app.use(async (ctx, next) => { try { await next() } catch (e) { ctx.status = 500; throw e; } })\ntry { a() } catch (e) { res.locals.failed = true; metrics.send(e); throw e; }`);
  });
  it('no rethrow for a destructured binding', () => {
    expect(fixCatches(`try { a() } catch ({ message }) {}`, (context, c) => buildRethrow(context, c))).toBe(`try { a() } catch ({ message }) {}`);
  });
});

describe('buildPassToNext', () => {
  it('Express (req, res, next): return next(err) first', () => {
    const out = fixCatches(`app.get('/', async (req, res, next) => { try { await a() } catch (e) { res.end() } })`, (context, c) => buildPassToNext(context, c));
    expect(out).toBe(`app.get('/', async (req, res, next) => { try { await a() } catch (e) { return next(e); res.end() } })`);
  });
  it('not Koa (ctx, next), nor a function without next', () => {
    const code = `app.use(async (ctx, next) => { try { await a() } catch (e) {} })\nfunction f(a, b, c) { try { g() } catch (e) {} }`;
    expect(fixCatches(code, (context, c) => buildPassToNext(context, c))).toBe(code);
  });
});

describe('buildHandlerLogFix / catchSuggestions', () => {
  it('replaces a no-op handler reference with a log call', () => {
    const out = fixHandlers(`sync.run().catch(noop)`, (context, call, handler) => buildHandlerLogFix(context, call, handler, pino, 'info'));
    expect(out).toMatch(/^sync\.run\(\)\.catch\(\(err\) => logger\.error\(\{ err \}, '[^']+'\)\)$/u);
  });
  it('suggests log, rethrow and next(err) for a whole Express catch; only the log for one path', () => {
    const kinds: string[][] = [];
    probe(`app.get('/', async (req, res, next) => { try { await a() } catch (e) { if (x) return; b() } })`, (context) => ({
      CatchClause(c: TSESTree.CatchClause) {
        kinds.push(catchSuggestions(context, c, c, consoleTarget, 'info').map((s) => s.messageId));
        kinds.push(catchSuggestions(context, c, (c.body.body[0] as TSESTree.IfStatement).consequent, consoleTarget, 'info').map((s) => s.messageId));
      },
    }));
    expect(kinds).toEqual([['logIt', 'rethrow', 'passToNext'], ['logIt']]);
  });
});
