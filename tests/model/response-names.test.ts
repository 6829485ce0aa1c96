import { describe, expect, it } from 'vitest';
import { isResponseName, isResponseOrContextName } from '../../src/model/response-names.js';

describe('response names (one answer for every recognizer)', () => {
  it.each(['res', 'resp', 'response', 'reply', 'rep', '_res', '_reply'])('%s is a response name', (name) => {
    expect(isResponseName(name)).toBe(true);
    expect(isResponseOrContextName(name)).toBe(true);
  });

  it.each(['ctx', 'context', 'c', '_ctx'])('%s is a context that answers, not a response object', (name) => {
    expect(isResponseName(name)).toBe(false);
    expect(isResponseOrContextName(name)).toBe(true);
  });

  it.each(['result', 'responses', 'res2', 'request', 'req', 'resolve', '__res', 'cx'])('%s is neither', (name) => {
    expect(isResponseName(name)).toBe(false);
    expect(isResponseOrContextName(name)).toBe(false);
  });
});
