import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isAbsentWhereLogged } from '../../src/model/secrets/absent-values.js';
import { probe } from '../helpers/probe.js';

/** For the first argument of every `log.info(…)`: whether it is known to be falsy there. */
function absent(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    'CallExpression[callee.property.name="info"]'(node: TSESTree.CallExpression) {
      out.push(isAbsentWhereLogged(context, node.arguments[0]!));
    },
  }));
  return out;
}

describe('isAbsentWhereLogged', () => {
  it('a value logged only where a test says it is missing', () => {
    expect(
      absent(`
      function a(token, cfg) {
        if (!token) { log.info(token); throw new Error('no token'); }
        if (token == null) log.info(token);
        if (token === undefined || token === '') log.info(token);
        if (typeof token === 'undefined') log.info(token);
        if (!cfg.brokerToken && !cfg.universal) {
          const brokerToken = cfg.brokerToken;
          log.info(brokerToken);
        }
        if (token) { use(token); } else { log.info(token); }
        if (token != null) { use(token); } else { log.info(token); }
        const shown = !token ? log.info(token) : null;
      }
    `),
    ).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('a value that may be present, another value tested, or one assigned in the branch', () => {
    expect(
      absent(`
      function b(token, user, cfg) {
        log.info(token);
        if (token) log.info(token);
        if (!user) log.info(token);
        if (!token || !user) log.info(token);
        if (!token) { token = cfg.fallback; log.info(token); }
        if (!token) { setTimeout(() => log.info(token)); }
        if (!token) {} else { log.info(token); }
        if (!cfg.brokerToken) { let copy = cfg.other; log.info(copy); }
      }
    `),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });
});
