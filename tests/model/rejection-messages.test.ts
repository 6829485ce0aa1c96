import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../../src/model/ast.js';
import { messageSaysNotAccessControl } from '../../src/model/rejection-messages.js';
import { probe } from '../helpers/probe.js';

/** The answer of every `throw` and of every outermost call chain of `code`. */
function answers(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (_context: Context) => ({
    ThrowStatement(node: TSESTree.ThrowStatement) {
      out.push(messageSaysNotAccessControl(node));
    },
    'ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
      out.push(messageSaysNotAccessControl(node));
    },
  }));
  return out;
}

describe('messageSaysNotAccessControl', () => {
  it('reads the text of a response chain: state and input phrases without a caller', () => {
    expect(answers("res.status(401).send(`Connection with name ${id} not found`); res.status(401).json({ error: 'Please enter a provider ID' }); res.status(403).send('Security activation is disabled');")).toEqual([true, true, true]);
  });

  it('reads the text of a thrown error, also under an object key', () => {
    expect(answers("throw new ForbiddenException('2FA has already been activated.'); throw new ForbiddenError({ reason: `Version with key ${pk} does not have an associated item` });")).toEqual([true, true]);
  });

  it('text naming the caller or a credential, and text that is no literal, say nothing', () => {
    expect(answers("res.status(401).send('User not found'); res.status(401).json({ error: 'Token already used' }); res.status(401).send('This API key is disabled'); res.status(403).send('Forbidden'); throw new UnauthorizedError({ message: messages.notFound });")).toEqual([false, false, false, false, false]);
  });
});
