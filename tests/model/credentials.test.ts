import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createCredentialClassifier, getSecretComparison, getSecretLookup } from '../../src/model/credentials.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

/** For every equality in `code`: `presented ~ held` (with `!` when negated) when it compares a credential with a held secret, else null. */
function comparisons(code: string): (string | null)[] {
  const out: (string | null)[] = [];
  probe(code, (context) => {
    const credentials = createCredentialClassifier(context, createRequestInputTracker(context));
    return {
      BinaryExpression(node: TSESTree.BinaryExpression) {
        const c = getSecretComparison(credentials, node);
        out.push(c ? `${c.negated ? '!' : ''}${context.sourceCode.getText(c.presented)} ~ ${context.sourceCode.getText(c.held)}` : null);
      },
    };
  });
  return out;
}

describe('getSecretComparison', () => {
  it('request input against a configured secret, either way round', () => {
    expect(
      comparisons("app.get('/', (req, res) => { if (req.headers['x-api-key'] === process.env.API_KEY) ok(); if (process.env.API_KEY !== req.query.key) deny(); });"),
    ).toEqual(["req.headers['x-api-key'] ~ process.env.API_KEY", '!req.query.key ~ process.env.API_KEY']);
  });
  it('not a comparison with a constant, nor other operators, nor unrelated values', () => {
    expect(comparisons("app.get('/', (req, res) => { if (req.query.key === 'abc') a(); if (req.query.page < process.env.API_KEY) b(); if (x === y) c(); });")).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('getSecretLookup', () => {
  it('a presented credential looked up in a list of held secrets', () => {
    const code = "const keys = process.env.API_KEYS.split(','); app.get('/', (req, res) => { keys.includes(req.headers['x-api-key']); keys.indexOf(req.headers['x-api-key']); keys.includes(req.query.page, 1); names.includes(req.query.name); });";
    const results = probeCalls(code, (context, node) => getSecretLookup(createCredentialClassifier(context, createRequestInputTracker(context)), node));
    expect(callResult(results, "keys.includes(req.headers['x-api-key'])")).toBe('includes');
    expect(callResult(results, "keys.indexOf(req.headers['x-api-key'])")).toBe('indexOf');
    expect(callResult(results, 'keys.includes(req.query.page, 1)')).toBeNull();
    expect(callResult(results, 'names.includes(req.query.name)')).toBeNull();
  });
});
