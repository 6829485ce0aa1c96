import { describe, expect, it } from 'vitest';
import { extraNamesOption } from '../../src/core/rule-options.js';
import requireRequestId from '../../src/rules/require-request-id.js';
import requireRequestLogging from '../../src/rules/require-request-logging.js';

describe('extraNamesOption', () => {
  it('builds one object option holding a list of unique non-empty names, empty by default', () => {
    const option = extraNamesOption('requestLoggers', 'Allow these as request logging too');
    expect(option.schema).toEqual([
      {
        type: 'object',
        properties: { requestLoggers: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Allow these as request logging too' } },
        additionalProperties: false,
      },
    ]);
    expect(option.defaults).toEqual({ requestLoggers: [] });
  });

  it('gives each call its own objects (no shared mutable default)', () => {
    const a = extraNamesOption('a', 'x');
    const b = extraNamesOption('a', 'x');
    expect(a.defaults).not.toBe(b.defaults);
    expect(a.schema).not.toBe(b.schema);
  });

  it('is the schema of require-request-logging and require-request-id', () => {
    expect(Object.keys((requireRequestLogging.meta.schema as unknown as { properties: object }[])[0]!.properties)).toEqual(['requestLoggers']);
    expect(Object.keys((requireRequestId.meta.schema as unknown as { properties: object }[])[0]!.properties)).toEqual(['requestIdMiddlewares']);
    expect(requireRequestId.meta.defaultOptions).toEqual([{ requestIdMiddlewares: [] }]);
  });
});
