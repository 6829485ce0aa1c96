import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createSecretQueryReader } from '../../src/model/secret-queries.js';
import { probe } from '../helpers/probe.js';

/** Every secret query parameter the reader finds in `code`, with the text it was read at. */
function secretReads(code: string): string[] {
  const found: string[] = [];
  probe(code, (context) => {
    const reader = createSecretQueryReader(context);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const name = reader.call(node);
        if (name) found.push(`${name} @ ${context.sourceCode.getText(node)}`);
      },
      MemberExpression(node: TSESTree.MemberExpression) {
        const name = reader.member(node);
        if (name) found.push(`${name} @ ${context.sourceCode.getText(node)}`);
      },
    };
  });
  return found;
}

describe('createSecretQueryReader: credentials read from the query string', () => {
  it('reads secret-named query members and destructured query fields', () => {
    expect(secretReads("app.get('/', (req, res) => { const key = req.query.api_key; const page = req.query.page; res.send(key + page); });")).toEqual([
      'api_key @ req.query.api_key',
    ]);
  });

  it('reads secret-named parameters read by name from the query', () => {
    expect(secretReads("app.get('/x', (c) => { const t = c.req.query('token'); const p = c.req.query('page'); return c.text(t + p); });")).toEqual([
      "token @ c.req.query('token')",
    ]);
  });

  it('a secret-named value from the body or headers is no query read', () => {
    expect(secretReads("app.post('/', (req, res) => { const a = req.body.token; const b = req.headers.authorization; res.send(a + b); });")).toEqual([]);
  });
});
