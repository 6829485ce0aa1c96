import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findVariable } from '../../src/model/ast.js';
import { classifySecretName } from '../../src/model/secrets/names.js';
import { maskedConcept } from '../../src/model/secrets/masked-values.js';
import { probe } from '../helpers/probe.js';

/** maskedConcept for every identifier passed to `log(…)` in `code`. */
function concepts(code: string): (string | null)[] {
  const out: (string | null)[] = [];
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'log') return;
        const arg = node.arguments[0];
        if (arg?.type !== 'Identifier') return;
        const variable = findVariable(context, arg);
        out.push(variable ? maskedConcept(variable, arg, (n) => classifySecretName(n)) : null);
      },
    }),
    { sourceType: 'module' },
  );
  return out;
}

describe('maskedConcept', () => {
  it('names the secret a masking call in the same function was for', () => {
    expect(concepts('function f(id) { const m = maskToken(id); log(id); }')).toEqual(['token']);
    expect(concepts('function f(k) { send(redactApiKey(k)); log(k); }')).toEqual(['API key']);
    expect(concepts('function f(v) { out(mask(v)); log(v); }')).toEqual(['secret']);
    expect(concepts('function f(v) { out((0, util_1.obfuscate)(v)); log(v); }')).toEqual(['secret']);
  });

  it('ignores hashes, anonymizers, non-secret masks and other functions', () => {
    expect(concepts('function f(u) { out(hash(u)); log(u); }')).toEqual([null]);
    expect(concepts('function f(ip) { out(anonymize(ip)); log(ip); }')).toEqual([null]);
    expect(concepts('function f(e) { out(maskEmail(e)); log(e); }')).toEqual([null]);
    expect(concepts('function f(t) { return maskToken(t); }\nfunction g(t) { log(t); }')).toEqual([null]);
    expect(concepts('function f(t) { out(maskToken(other, t)); log(t); }')).toEqual([null]);
  });
});
