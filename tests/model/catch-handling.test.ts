import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  USER_NOTIFIERS,
  answersServerStatus,
  isAssertion,
  isDeclaredInside,
  isFailureCount,
  isFastifyErrorForward,
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
