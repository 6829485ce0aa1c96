import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { buildFix, findRequestId, genericMessage, planLog } from '../../src/fixes/generic-response.js';
import { type Leak, collectLeaks } from '../../src/model/error-leaks.js';
import { type ResponseSink, getResponseSink } from '../../src/model/responses.js';
import { applyFixes, probe, reportFix } from '../helpers/probe.js';

/** Apply the generic-response fix at every sink with a leak; also collect the request id and the planned log text. */
function fixSinks(code: string): { output: string; ids: (string | null)[]; logs: (string | null)[]; generics: string[] } {
  const ids: (string | null)[] = [];
  const logs: (string | null)[] = [];
  const generics: string[] = [];
  const messages = probe(code, (context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const sink: ResponseSink | null = getResponseSink(context, node);
      if (!sink) return;
      const leaks: Leak[] = [];
      for (const payload of sink.payload) collectLeaks(context, payload, sink, leaks);
      if (leaks.length === 0) return;
      const id = findRequestId(context, node);
      const generic = genericMessage(sink);
      const log = planLog(context, sink, leaks[0]!);
      ids.push(id);
      logs.push(log?.text ?? null);
      generics.push(generic);
      reportFix(context, node, (fixer) => buildFix(context, fixer, sink, leaks, generic, id, log));
    },
  }));
  return { output: applyFixes(code, messages), ids, logs, generics };
}

describe('generic-response fix', () => {
  it('replaces the message with the reason phrase and logs the error before the statement', () => {
    const code = `app.get('/a', async (req, res) => {
  try { await db.query(sql); } catch (err) {
    res.status(500).json({ error: err.message });
  }
});`;
    const result = fixSinks(code);
    expect(result.generics).toEqual(['Internal Server Error']);
    expect(result.ids).toEqual([null]);
    expect(result.logs[0]).toMatch(/^console\.error\(.*err\);$/u);
    expect(result.output).toContain("res.status(500).json({ error: 'Internal Server Error' });");
    expect(result.output).toContain(result.logs[0]!);
  });

  it('uses the status reason, Fastify request.id, and no log when the error is logged already', () => {
    const code = `fastify.get('/b', async (request, reply) => {
  try { await load(); } catch (err) {
    request.log.error({ err }, 'load failed');
    reply.code(404).send({ message: err.message });
  }
});`;
    const result = fixSinks(code);
    expect(result.generics).toEqual(['Not Found']);
    expect(result.ids).toEqual(['request.id']);
    expect(result.logs).toEqual([null]);
    expect(result.output).toContain("reply.code(404).send({ message: 'Not Found', requestId: request.id });");
  });

  it('logs where the error is read when its catch binding does not reach the statement that sends (etherpad openapi.js)', () => {
    const code = `app.post('/api', async (req, res) => {
  let response;
  try {
    response = await api.handleRequest(req, res);
  } catch (err) {
    res.statusCode = err.statusCode || 500;
    response = { code: 2, message: err.message };
  }
  return res.send(response);
});`;
    const result = fixSinks(code);
    expect(result.logs[0]).toMatch(/^console\.error\('api\.handleRequest failed', err\);$/u);
    expect(result.output).toContain(`  } catch (err) {
    res.statusCode = err.statusCode || 500;
    console.error('api.handleRequest failed', err);
    response = { code: 2, message: 'Internal Server Error' };
  }
  return res.send(response);`);
  });
});
