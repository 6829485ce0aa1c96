/**
 * Crypto on values in hand: a verification, decryption or signature with keys the code holds, asynchronous only
 * because WebCrypto is. Its only failures are the verdict on the value (a bad signature, an expired token) or a
 * programming error — a parse of the token, not an outside system's failure: `jwt.verify(t, secret)` answered
 * synchronously is the same question. One answer for what a failure can come from (fallible.ts) and for what
 * can throw into a `try` (in-process-throws.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getMemberPath, getPropertyName, getVariableInit, isFunctionNode, lastName, skipTransparent, unwrapIndirectCall, walkTree } from './ast.js';
import { getImportSource } from './modules.js';

/**
 * jose's functions that work on a token and a key in hand: WebCrypto makes them async, nothing goes out
 * (unless the key is a remote key set: see keyInHand).
 */
const JOSE_IN_PROCESS = new Set([
  'jwtVerify', 'jwtDecrypt', 'compactVerify', 'compactDecrypt', 'flattenedVerify', 'flattenedDecrypt', 'generalVerify', 'generalDecrypt',
  'importJWK', 'importSPKI', 'importPKCS8', 'importX509', 'exportJWK', 'exportSPKI', 'exportPKCS8', 'calculateJwkThumbprint',
]);
/** jose's builders, whose last step signs or encrypts with a key in hand: `new SignJWT(p).setProtectedHeader(h).sign(key)`. */
const JOSE_BUILDERS = new Set(['SignJWT', 'EncryptJWT', 'CompactSign', 'CompactEncrypt', 'FlattenedSign', 'FlattenedEncrypt', 'GeneralSign', 'GeneralEncrypt']);

/**
 * `await jwtVerify(token, new TextEncoder().encode(secret))`, `await jwtDecrypt(token, key)`, `await new SignJWT(p)….sign(key)`,
 * `await crypto.subtle.verify(…)`: a verification, decryption or signature with keys in hand — its only failures are
 * the verdict on the value (a bad signature, an expired token) or a programming error. better-auth's `verifyJWT`,
 * next-auth's `decode`. A key set fetched from a URL (`createRemoteJWKSet(url)`) goes out.
 */
export function isInProcessCryptoCall(context: Context, argument: TSESTree.Node): boolean {
  const call = skipTransparent(argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapIndirectCall(call.callee);
  const path = getMemberPath(callee);
  if (path !== null && /(?:^|\.)subtle\.\w+$/u.test(path)) return true;
  const name = joseName(context, callee);
  if (name !== null && JOSE_IN_PROCESS.has(name)) return call.arguments.every((a) => keyInHand(context, a));
  // new SignJWT(p).setProtectedHeader(h).sign(key)
  if (callee.type === AST_NODE_TYPES.MemberExpression && (getPropertyName(callee) === 'sign' || getPropertyName(callee) === 'encrypt')) {
    let inner: TSESTree.Node = skipTransparent(callee.object);
    while (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) inner = skipTransparent(inner.callee.object);
    if (inner.type === AST_NODE_TYPES.NewExpression) {
      const builder = joseName(context, unwrapIndirectCall(inner.callee));
      return builder !== null && JOSE_BUILDERS.has(builder);
    }
  }
  return false;
}

/** The jose export a callee names (`jwtVerify` imported from 'jose', `jose.jwtVerify`, compiled `jose_1.jwtVerify`), else null. */
function joseName(context: Context, callee: TSESTree.Node): string | null {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const from = getImportSource(context, callee);
    return from?.source === 'jose' && from.imported !== '*' && from.imported !== 'default' ? from.imported : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const from = getImportSource(context, callee.object);
    return from?.source === 'jose' ? getPropertyName(callee) : null;
  }
  return null;
}

/** An argument that brings no outside work: not a remote key set (`createRemoteJWKSet(url)`, or a name holding one) nor a key-resolving function that awaits something else. */
function keyInHand(context: Context, argument: TSESTree.Node): boolean {
  const a = skipTransparent(argument);
  if (isFunctionNode(a)) return !awaitsInside(context, a.body);
  const init = a.type === AST_NODE_TYPES.Identifier ? getVariableInit(findVariable(context, a)) : a;
  const made = init ? skipTransparent(init) : null;
  if (made?.type !== AST_NODE_TYPES.CallExpression) return true;
  const name = lastName(unwrapIndirectCall(made.callee));
  return name !== 'createRemoteJWKSet';
}

/** An `await` in a key-resolving function's body, but of in-process crypto. */
function awaitsInside(context: Context, body: TSESTree.Node): boolean {
  let found = false;
  walkTree(
    body,
    (node) => {
      if (node.type === AST_NODE_TYPES.AwaitExpression && !isInProcessCryptoCall(context, node.argument)) found = true;
      else if (node.type === AST_NODE_TYPES.YieldExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    },
    context.sourceCode.visitorKeys,
    true,
  );
  return found;
}
