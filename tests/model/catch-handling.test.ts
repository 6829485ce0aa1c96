import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  USER_NOTIFIERS,
  answersErrorStatus,
  answersServerError,
  answersServerStatus,
  answersWithCaughtError,
  isAssertion,
  isDeclaredInside,
  isFailureCount,
  isFastifyErrorForward,
  isErrorStatusWithServerDefault,
  isServerErrorResponse,
  isUserNotification,
  settlesWithServerError,
} from '../../src/model/catch-handling.js';
import { getBoundVariables } from '../../src/model/errors.js';
import { catches } from '../helpers/catches.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('isUserNotification', () => {
  it('toast.error, notification.warn, alert, enqueueSnackbar; not logger.error or toast.success', () => {
    const results = probeCalls(
      `toast.error('Could not save'); this.notification.warn(msg); alert('Failed'); enqueueSnackbar(msg); logger.error(e); toast.success('Saved');`,
      (_context, node) => isUserNotification(node),
    );
    expect(callResult(results, "toast.error('Could not save')")).toBe(true);
    expect(callResult(results, 'this.notification.warn(msg)')).toBe(true);
    expect(callResult(results, "alert('Failed')")).toBe(true);
    expect(callResult(results, 'enqueueSnackbar(msg)')).toBe(true);
    expect(callResult(results, 'logger.error(e)')).toBe(false);
    expect(callResult(results, "toast.success('Saved')")).toBe(false);
    expect(USER_NOTIFIERS.test('snackbar')).toBe(true);
  });
});

describe('isFailureCount', () => {
  it('metric.inc(), errorCounter.add(1), metrics.recordAppendFailure(n); not cart.add(item)', () => {
    const results = probeCalls(
      `metric.inc(); this.errorCounter.add(1); metrics.recordAppendFailure(n); cart.add(item); list.count();`,
      (_context, node) => isFailureCount(node),
    );
    expect(callResult(results, 'metric.inc()')).toBe(true);
    expect(callResult(results, 'this.errorCounter.add(1)')).toBe(true);
    expect(callResult(results, 'metrics.recordAppendFailure(n)')).toBe(true);
    expect(callResult(results, 'cart.add(item)')).toBe(false);
    expect(callResult(results, 'list.count()')).toBe(false);
  });
});

describe('isAssertion', () => {
  it('t.assert.fail(), assert.ok(), expect(e).toBeInstanceOf(X); not a service call', () => {
    const results = probeCalls(
      `t.assert.fail(); assert.ok(true); expect(e).toBeInstanceOf(X); fail('no'); service.check(e);`,
      (_context, node) => isAssertion(node),
    );
    expect(callResult(results, 't.assert.fail()')).toBe(true);
    expect(callResult(results, 'assert.ok(true)')).toBe(true);
    expect(callResult(results, 'expect(e).toBeInstanceOf(X)')).toBe(true);
    expect(callResult(results, "fail('no')")).toBe(true);
    expect(callResult(results, 'service.check(e)')).toBe(false);
  });
});

describe('isServerErrorResponse / answersServerStatus', () => {
  const code = `
    app.get('/x', (req, res) => {
      res.status(500).json({ error: err.message });
      res.json({ error: err.message });
      res.status(400).json({ error: 'Bad input' });
      res.sendStatus(503);
      res.status(404).end();
    });
  `;
  it('isServerErrorResponse: a 5xx or unknown-status body, not a 4xx', () => {
    const results = probeCalls(code, (context, node) => isServerErrorResponse(context, node));
    expect(callResult(results, 'res.status(500).json({ error: err.message })')).toBe(true);
    expect(callResult(results, 'res.json({ error: err.message })')).toBe(true);
    expect(callResult(results, "res.status(400).json({ error: 'Bad input' })")).toBe(false);
  });
  it('answersServerStatus: a bare 5xx status, outermost call only', () => {
    const results = probeCalls(code, (context, node) => answersServerStatus(context, node));
    expect(callResult(results, 'res.sendStatus(503)')).toBe(true);
    expect(callResult(results, 'res.status(500)')).toBe(false);
    expect(callResult(results, 'res.status(404).end()')).toBe(false);
  });
});

describe('settlesWithServerError', () => {
  it('a reply callback or resolve settled with a 5xx answer object; not a 4xx, next(…), reject(…) or an error instance (issue 18)', () => {
    const results = probeCalls(
      `
      cb({ state: 'COMPLETED', statusCode: 502, message: 'Unable to save' });
      resolve({ statusCode: 500, message: 'Unable to sign token' });
      callback({ status: 503 });
      resolve({ statusCode: 401, message: 'Login failed' });
      next({ status: 500 });
      reject({ statusCode: 500 });
      cb(new HttpError(500));
      cb(null, { statusCode: 500 });
    `,
      (context, node) => settlesWithServerError(context, node),
    );
    expect(callResult(results, "cb({ state: 'COMPLETED', statusCode: 502, message: 'Unable to save' })")).toBe(true);
    expect(callResult(results, "resolve({ statusCode: 500, message: 'Unable to sign token' })")).toBe(true);
    expect(callResult(results, 'callback({ status: 503 })')).toBe(true);
    expect(callResult(results, "resolve({ statusCode: 401, message: 'Login failed' })")).toBe(false);
    expect(callResult(results, 'next({ status: 500 })')).toBe(false);
    expect(callResult(results, 'reject({ statusCode: 500 })')).toBe(false);
    expect(callResult(results, 'cb(new HttpError(500))')).toBe(false);
    expect(callResult(results, 'cb(null, { statusCode: 500 })')).toBe(false);
  });
});

describe('isFastifyErrorForward', () => {
  it('reply.send(err) with the caught error; not res.send(err) or reply.send(other)', () => {
    const code = `
      fastify.get('/a', async (request, reply) => { try { await a() } catch (err) { reply.send(err) } });
      fastify.get('/b', async (request, reply) => { try { await a() } catch (err) { reply.send(other) } });
      app.get('/c', async (req, res) => { try { await a() } catch (err) { res.send(err) } });
    `;
    const answers = catches(code, (context, c) => {
      const stmt = c.body.body[0] as TSESTree.ExpressionStatement;
      return isFastifyErrorForward(context, stmt.expression as TSESTree.CallExpression, getBoundVariables(context, c.param));
    });
    expect(answers).toEqual([true, false, false]);
  });
});

describe('isDeclaredInside', () => {
  it('a target declared in the catch keeps the error local; this.lastError does not', () => {
    const answers: boolean[] = [];
    probe(
      `try { a() } catch (e) { const info = {}; info.error = e; this.lastError = e }`,
      (context) => ({
        CatchClause(c: TSESTree.CatchClause) {
          for (const s of c.body.body) {
            if (s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression') answers.push(isDeclaredInside(context, s.expression.left, c.body));
          }
        },
      }),
    );
    expect(answers).toEqual([true, false]);
  });
});

describe('isErrorStatusWithServerDefault / answersErrorStatus', () => {
  const firstExpression = (c: TSESTree.CatchClause) => {
    const stmt = c.body.body[0] as TSESTree.ExpressionStatement | TSESTree.ReturnStatement;
    const expr = stmt.type === 'ReturnStatement' ? stmt.argument! : stmt.expression;
    return expr as TSESTree.CallExpression | TSESTree.AssignmentExpression;
  };
  it("the caught error's own status with a 5xx default; not a 4xx default, another value's status or a plain status", () => {
    const code = `
      app.get('/a', async (req, res) => { try { await a() } catch (err) { res.status(err.status || 500) } });
      app.get('/b', async (req, res) => { try { await a() } catch (error) { res.statusCode = error.statusCode ?? 503 } });
      app.get('/c', async (req, res) => { try { await a() } catch (e) { res.sendStatus(e.response.status ? e.response.status : 502) } });
      router.get('/d', async (ctx) => { try { await a() } catch (err) { ctx.status = err.status || 500 } });
      app.get('/e', async (req, res) => { try { await a() } catch (err) { res.status(err.status || 400) } });
      app.get('/f', async (req, res) => { try { await a() } catch (err) { res.status(other.status || 500) } });
      app.get('/g', async (req, res) => { try { await a() } catch (err) { res.status(500) } });
      app.get('/h', async (req, res) => { try { await a() } catch (err) { result.status = err.status || 500 } });
    `;
    const answers = catches(code, (context, c) => answersErrorStatus(context, firstExpression(c), getBoundVariables(context, c.param)));
    expect(answers).toEqual([true, true, true, true, false, false, false, false]);
  });
  it('a const that holds the error status with a 5xx default; not a let', () => {
    const code = `
      app.get('/a', async (req, res) => { try { await a() } catch (err) { const status = err.status || 500; res.status(status) } });
      app.get('/b', async (req, res) => { try { await a() } catch (err) { let status = err.status || 500; res.status(status) } });
    `;
    const answers = catches(code, (context, c) => {
      const stmt = c.body.body[1] as TSESTree.ExpressionStatement;
      return answersErrorStatus(context, stmt.expression as TSESTree.CallExpression, getBoundVariables(context, c.param));
    });
    expect(answers).toEqual([true, false]);
  });
  it('answersServerError: a chain that answers with the error status counts as a 5xx answer', () => {
    const code = `
      app.get('/a', async (req, res) => { try { await a() } catch (err) { res.status(err.statusCode || 500).end() } });
      app.get('/b', async (req, res) => { try { await a() } catch (err) { res.status(err.statusCode || 404).end() } });
    `;
    const answers = catches(code, (context, c) => {
      const outer = firstExpression(c) as TSESTree.CallExpression;
      const inner = (outer.callee as TSESTree.MemberExpression).object as TSESTree.CallExpression;
      return answersServerError(context, inner, getBoundVariables(context, c.param));
    });
    expect(answers).toEqual([true, false]);
  });
  it('isErrorStatusWithServerDefault needs a caught error', () => {
    const answers = catches(`try { a() } catch (err) { x(err.status || 500) }`, (context, c) => {
      const call = (c.body.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
      return [isErrorStatusWithServerDefault(context, call.arguments[0]!, getBoundVariables(context, c.param)), isErrorStatusWithServerDefault(context, call.arguments[0]!, [])];
    });
    expect(answers).toEqual([[true, false]]);
  });
});

describe('answersWithCaughtError', () => {
  it('an answer of any status carrying the caught error (also a const built from it); not a flash, a Fastify forward, an answer naming invalid input, or one without the error', () => {
    const code = `
      app.get('/a', async (req, res) => { try { await a() } catch (e) { res.status(404).json({ ok: false, msg: e.message }) } });
      fastify.get('/b', async (request, reply) => { try { await a() } catch (err) { const resp = { error: err.toString() }; reply.code(400).send(resp) } });
      fastify.get('/c', async (request, reply) => { try { await a() } catch (err) { reply.send(err) } });
      app.get('/d', async (req, res) => { try { await a() } catch (e) { res.status(400).json({ error: 'PGP key validation failed. ' + e.message, code: 'InputValidationError' }) } });
      app.get('/e', async (req, res) => { try { await a() } catch (e) { res.status(404).json({ ok: false }) } });
      app.get('/f', async (req, res) => { try { await a() } catch (e) { req.flash('error', e.message) } });
    `;
    const answers = catches(code, (context, c) => {
      const stmt = c.body.body.at(-1) as TSESTree.ExpressionStatement;
      const vars = getBoundVariables(context, c.param);
      // a const built from the error counts as the error (the rule's taint)
      for (const s of c.body.body) if (s.type === 'VariableDeclaration') vars.push(...context.sourceCode.getDeclaredVariables(s.declarations[0]!));
      return answersWithCaughtError(context, stmt.expression as TSESTree.CallExpression, vars);
    });
    expect(answers).toEqual([true, true, false, false, false, false]);
  });
});
