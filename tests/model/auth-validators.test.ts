/**
 * src/model/auth-validators.ts: an auth plugin's credential validator (hapi's `server.auth.strategy(…, { validate })`,
 * @fastify/basic-auth's `register(basicAuth, { validate })`) and the answers by which it refuses the credential.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { credentialValidatorKind, validatorCallbackRefusal, validatorReturnRefusal } from '../../src/model/auth-validators.js';
import { getEnclosingFunction } from '../../src/model/ast.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

/** The validator refusal of every `return` of the code, by line. */
function returnRefusals(code: string): Record<number, string | null> {
  const out: Record<number, string | null> = {};
  probe(code, (context) => ({
    ReturnStatement(node: TSESTree.ReturnStatement) {
      out[node.loc.start.line] = validatorReturnRefusal(context, node);
    },
  }));
  return out;
}

describe('credentialValidatorKind / validatorReturnRefusal (hapi)', () => {
  it('an inline validate option and a same-file function named by `{ validate }` refuse with `{ isValid: false }`', () => {
    const code = [
      'async function validate(request, username, password) {',
      '  const user = await users.find(username);',
      '  if (!user) return { isValid: false, credentials: null };',
      '  return { isValid: true, credentials: user };',
      '}',
      "server.auth.strategy('simple', 'basic', { validate });",
      "server.auth.strategy('token', 'bearer-access-token', { validate: async (request, token) => {",
      '  if (!(await tokens.get(token))) return { isValid: false, credentials: {} };',
      '  return { isValid: true, credentials: {} };',
      '} });',
    ].join('\n');
    expect(returnRefusals(code)).toEqual({ 3: 'hapi', 4: null, 8: 'hapi', 9: null });
  });

  it('not the same object returned by a function no auth strategy registers, nor `validate` of another call', () => {
    const code = [
      'function check(value) {',
      '  if (!value) return { isValid: false };',
      '  return { isValid: true };',
      '}',
      'form.field({ validate: (v) => { return { isValid: false }; } });',
      "server.auth.scheme('custom', () => ({ authenticate: (request, h) => { return { isValid: false }; } }));",
    ].join('\n');
    expect(returnRefusals(code)).toEqual({ 2: null, 3: null, 5: null, 6: null });
  });
});

describe('@fastify/basic-auth validators', () => {
  it("the callback validator's `done(new Error())` and an async validator's `return new Error()` refuse", () => {
    const code = [
      "import basicAuth from '@fastify/basic-auth';",
      'fastify.register(basicAuth, {',
      '  validate(username, password, req, reply, done) {',
      '    if (password === secret) done();',
      "    else done(new Error('Wrong passphrase'));",
      '  },',
      '});',
      'async function check(username, password, req, reply) {',
      "  if (password !== secret) return new Error('no');",
      '}',
      'fastify.register(basicAuth, { validate: check, authenticate: true });',
    ].join('\n');
    const calls = probeCalls(code, (context, node) => validatorCallbackRefusal(context, node));
    expect(callResult(calls, "done(new Error('Wrong passphrase'))")).toBe(true);
    expect(callResult(calls, 'done()')).toBe(false);
    expect(returnRefusals(code)).toEqual({ 9: 'fastify-basic-auth' });
  });

  it('not `done(new Error())` of a plugin registered from another module', () => {
    const code = [
      "import other from 'fastify-other';",
      'fastify.register(other, { validate(username, password, req, reply, done) { done(new Error("x")); } });',
    ].join('\n');
    const kinds: (string | null)[] = [];
    probe(code, (context) => ({
      'CallExpression[callee.name="done"]'(node: TSESTree.CallExpression) {
        kinds.push(credentialValidatorKind(context, getEnclosingFunction(node)));
        kinds.push(String(validatorCallbackRefusal(context, node)));
      },
    }));
    expect(kinds).toEqual([null, 'false']);
  });
});
