/**
 * Which identifier is a client's WebSocket / socket.io connection: one answer for the rules that
 * read what a client sends over it (request-input.ts, origin 'message') and those that see it refused
 * (socket-refusals.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, findVariable, getPropertyName, getStringValue } from './ast.js';

/** A parameter of `io.on('connection', (socket) => …)` / `wss.on('connection', (ws) => …)`, or a variable named `socket` / `ws`. */
export function isClientSocket(context: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (def?.type === 'Parameter') {
    const listener = def.node as AnyFunction;
    const registration = listener.parent;
    if (
      registration?.type === AST_NODE_TYPES.CallExpression &&
      registration.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(registration.callee) === 'on' &&
      registration.arguments[0] &&
      getStringValue(registration.arguments[0]) === 'connection' &&
      listener.params[0] === def.name
    ) {
      return true;
    }
  }
  return /^(?:socket|ws|webSocket|websocket)$/u.test(id.name);
}
