/**
 * Credentials read from the query string: `req.query.api_key`, `const { token } = ctx.query`,
 * `url.searchParams.get('token')`, `c.req.query('api_key')` — a secret-named value the shared
 * request-input tracker traces to the query. An access log that writes the full URL writes it too.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type Context, getPropertyName, getStringValue } from './ast.js';
import { createRequestInputTracker } from './request-input.js';
import { isSecretName } from './secrets/names.js';

export interface SecretQueryReader {
  /** `req.query.api_key`, `ctx.query.token`, `const { token } = req.query`: the parameter's name, else null. */
  member(node: TSESTree.MemberExpression): string | null;
  /** `url.searchParams.get('token')`, `c.req.query('api_key')`: the parameter read by name, else null. */
  call(node: TSESTree.CallExpression): string | null;
}

/** One reader per file (its request-input answers are cached). */
export function createSecretQueryReader(context: Context): SecretQueryReader {
  const requestInput = createRequestInputTracker(context);
  return {
    member(node) {
      const name = getPropertyName(node);
      return name !== null && isSecretName(name) && requestInput.classify(node)?.origin === 'query' ? name : null;
    },
    call(node) {
      const first = node.arguments[0];
      const name = first ? getStringValue(first) : null;
      return name !== null && isSecretName(name) && requestInput.classify(node)?.origin === 'query' ? name : null;
    },
  };
}
