/**
 * "Does only a local process this app hands the address to reach the server this file starts?" —
 * a server listening on port 0 (a port the OS picks at run time) of the loopback interface:
 * `app.listen(0, '127.0.0.1')`, `server.listen({ port: 0, host: 'localhost' })`. No reverse proxy
 * can forward to a port chosen at run time, so its clients are processes the app itself gives the
 * URL to (n8n's evaluation mock of an LLM API, test fixtures, a CLI's one-shot callback server).
 * A fixed loopback port is no such server: apps bind `127.0.0.1:3000` behind nginx in production.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getNumberValue, getPropertyName, getStringValue, skipTransparent, walkTree } from './ast.js';
import { fileCache, perFile } from './file-cache.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** A cheap text pre-check: a file without a loopback address literal starts no such server. */
const MENTIONS_LOOPBACK = /['"`](?:127\.0\.0\.1|localhost|::1)['"`]/u;

const cache = fileCache<boolean>();

/** Whether every server this file starts listens on a run-time port of the loopback interface (and there is one). */
export function servesOnlyLocalProcesses(context: Context): boolean {
  const sourceCode = context.sourceCode;
  return perFile(cache, sourceCode, () => {
    if (!MENTIONS_LOOPBACK.test(sourceCode.text) || !sourceCode.text.includes('.listen(')) return false;
    let local = 0;
    let other = 0;
    walkTree(
      sourceCode.ast,
      (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const callee = skipTransparent(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'listen') return;
        if (isLocalListen(node)) local += 1;
        else other += 1;
      },
      sourceCode.visitorKeys,
    );
    return local > 0 && other === 0;
  });
}

/** `listen(0, '127.0.0.1', cb)` or `listen({ port: 0, host: 'localhost' }, cb)`. */
function isLocalListen(call: TSESTree.CallExpression): boolean {
  const [first, second] = call.arguments;
  if (!first) return false;
  const options = skipTransparent(first);
  if (options.type === AST_NODE_TYPES.ObjectExpression) {
    const value = (key: string) => {
      const prop = options.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === key);
      return prop?.value;
    };
    const host = value('host');
    return getNumberValue(value('port')) === 0 && !!host && LOOPBACK.has(getStringValue(host) ?? '');
  }
  return getNumberValue(first) === 0 && !!second && LOOPBACK.has(getStringValue(second) ?? '');
}
