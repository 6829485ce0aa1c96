import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule, sameOptions } from '../../src/core/create-rule.js';

describe('sameOptions', () => {
  it('is true for the same JSON value, whatever the key order', () => {
    expect(sameOptions([], [])).toBe(true);
    expect(sameOptions([{ a: 1, b: ['x', 'y'], c: { d: true } }], [{ c: { d: true }, b: ['x', 'y'], a: 1 }])).toBe(true);
  });

  it('is false when a value, a length, a key or a kind differs', () => {
    expect(sameOptions([{ a: 1 }], [{ a: 2 }])).toBe(false);
    expect(sameOptions([{ a: ['x'] }], [{ a: ['x', 'y'] }])).toBe(false);
    expect(sameOptions([{ a: 1 }], [{ b: 1 }])).toBe(false);
    expect(sameOptions([{ a: 1 }], [{ a: 1, b: 1 }])).toBe(false);
    expect(sameOptions([{ a: [] }], [{ a: {} }])).toBe(false);
    expect(sameOptions([{ a: null }], [{ a: {} }])).toBe(false);
    expect(sameOptions([{ a: '1' }], [{ a: 1 }])).toBe(false);
    expect(sameOptions([], [{}])).toBe(false);
  });
});

describe('createRule', () => {
  const seen: unknown[] = [];
  const rule = createRule<[{ names?: string[]; strict?: boolean }], 'x'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe', recommended: false, cwe: [], owasp: [] },
      messages: { x: 'x' },
      schema: [{ type: 'object', properties: { names: { type: 'array', items: { type: 'string' } }, strict: { type: 'boolean' } }, additionalProperties: false }],
      defaultOptions: [{ names: [], strict: false }],
    },
    defaultOptions: [{ names: [], strict: false }],
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  const lint = (options: unknown[]) =>
    new Linter().verify('x;', [{ plugins: { p: { rules: { probe: rule as never } } }, rules: { 'p/probe': ['error', ...options] as never } }], { filename: 'a.js' });

  it('hands each option set its own merged options, and one object to every file with the same set', () => {
    seen.length = 0;
    lint([{ names: ['a'] }]);
    lint([{ names: ['a'] }]);
    lint([{ names: ['b'], strict: true }]);
    lint([]);
    lint([{ names: ['a'] }]);
    expect(seen[0]).toEqual({ names: ['a'], strict: false });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual({ names: ['b'], strict: true });
    expect(seen[3]).toEqual({ names: [], strict: false });
    expect(seen[4]).toBe(seen[0]);
  });
});
