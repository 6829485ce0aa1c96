import { describe, expect, it } from 'vitest';
import { getResponseSink } from '../../src/model/responses.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** getResponseSink of every call in `code`, summarized, by call text. */
function sinks(code: string) {
  return probeCalls(code, (context, node) => {
    const sink = getResponseSink(context, node);
    return (
      sink && {
        kind: sink.kind,
        payload: sink.payload.map((p) => context.sourceCode.getText(p)),
        description: sink.description,
        receiver: sink.receiver?.name ?? null,
        status: sink.status,
      }
    );
  });
}

describe('getResponseSink: the app\'s own response helpers', () => {
  const found = sinks(`
    formatResponse(500, res, err.message);
    utils.sendError(res, HttpStatus.INTERNAL_SERVER_ERROR, { error: err.message });
    formatResponse(200, res, order);
    sendStatus(403, res);
    withTimeout(res, 500, err.message);
    report(err, 500, err.message);
  `);

  it('takes what else a helper given the response and an error status receives for the body', () => {
    expect(callResult(found, 'formatResponse(500, res, err.message)')).toEqual({
      kind: 'text',
      payload: ['err.message'],
      description: '`formatResponse()`',
      receiver: 'res',
      status: 500,
    });
    expect(callResult(found, 'utils.sendError(res, HttpStatus.INTERNAL_SERVER_ERROR, { error: err.message })')).toEqual({
      kind: 'text',
      payload: ['{ error: err.message }'],
      description: '`utils.sendError()`',
      receiver: 'res',
      status: 500,
    });
  });

  it.each(['formatResponse(200, res, order)', 'sendStatus(403, res)', 'withTimeout(res, 500, err.message)', 'report(err, 500, err.message)'])(
    '%s is no body sink',
    (text) => {
      expect(callResult(found, text)).toBeNull();
    },
  );
});
