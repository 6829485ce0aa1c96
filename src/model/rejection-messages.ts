/**
 * What does a 401/403 say about itself? The app's own text, written beside the status, names what
 * was refused: `res.status(401).send(\`Connection with name ${id} not found\`)`,
 * `throw new ForbiddenException('2FA has already been activated.')`,
 * `new ForbiddenError({ reason: \`Version with key ${pk} does not have an associated item\` })`
 * answer the state of a resource or the input with an access-control status, and
 * `res.status(403).send('Security activation is disabled')` a switch (also when the route is only
 * registered under it, with no condition in the handler); the requester is not refused. Text that names the caller or a credential (`'Invalid token'`, `'Permission denied'`,
 * `'User not found'`, `'Session already ended'`) keeps the answer an access-control decision.
 * Only literal text in the answer itself is read: a message constant (`messages.invalidKey`) says nothing.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTransparent } from './ast.js';

/**
 * Phrases of a resource's state, of a switch or of missing input: it exists already, it is not there,
 * it is switched off (`Security activation is disabled`), fill it in; or of the input's shape
 * (`fields must be undefined, a string, or an array`, `limit must be at most 100`): a 401/403 that
 * describes what a parameter must look like answers malformed input, not a caller.
 */
const STATE_PHRASE = /\balready\b|\bnot found\b|\bdoes(?:n't| not) (?:exist|have)\b|\bno such\b|\bplease (?:enter|specify|select)\b|\b(?:is|are) (?:disabled|not enabled|turned off)\b|\bmust be (?:undefined|null|empty|an?|one of|of type|at (?:least|most)|(?:less|more|greater|shorter|longer) than)\b/iu;

/**
 * Words that put the caller or a credential in the text: any of them and the text is about who is
 * asking (`Token already used`, `User not found`, `Already logged in`). `key` is left out: in a
 * message it is a record's key as often as an API key (`Version with key 12 does not have …`).
 */
const CALLER_WORDS = new Set([
  'permission', 'permissions', 'permitted', 'role', 'roles', 'admin', 'administrator', 'owner', 'owners', 'scope', 'scopes',
  'token', 'tokens', 'jwt', 'bearer', 'signature', 'hmac', 'apikey', 'secret', 'password', 'passwd', 'otp', 'mfa', 'totp', 'code',
  'auth', 'authorized', 'authorised', 'authenticated', 'authentication', 'authorization', 'unauthorized', 'unauthenticated',
  'login', 'logged', 'logout', 'signin', 'signup', 'log', 'sign', 'signed', 'anonymous', 'guest', 'credential', 'credentials', 'session', 'sessions', 'cookie', 'csrf',
  'access', 'denied', 'forbidden', 'allowed', 'privilege', 'privileges', 'identity', 'verified', 'verify', 'invite', 'invitation', 'link', 'expired',
  'user', 'users', 'member', 'members', 'account', 'accounts', 'you', 'your', 'ip', 'origin', 'blocked', 'banned', 'suspended',
]);

/** `This API key is disabled`: the key the caller presented. */
const API_KEY = /\bapi[\s_-]?keys?\b/iu;

/** At most this many nodes are read for text: messages sit near the top of the answer. */
const MAX_DEPTH = 3;

/** The literal text of an answer: strings and template text among the arguments of its calls and of the error it throws. */
function answerText(node: TSESTree.Node): string[] {
  const texts: string[] = [];
  const read = (value: TSESTree.Node, depth: number): void => {
    const n = skipTransparent(value);
    if (depth > MAX_DEPTH) return;
    if (n.type === AST_NODE_TYPES.Literal) {
      if (typeof n.value === 'string') texts.push(n.value);
    } else if (n.type === AST_NODE_TYPES.TemplateLiteral) {
      texts.push(n.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' … '));
    } else if (n.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of n.properties) if (p.type === AST_NODE_TYPES.Property) read(p.value as TSESTree.Node, depth + 1);
    } else if (n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) {
      for (const a of n.arguments) read(a, depth + 1);
    }
  };
  let top: TSESTree.Node = node;
  if (top.type === AST_NODE_TYPES.ThrowStatement) top = top.argument;
  else if (top.type === AST_NODE_TYPES.ReturnStatement && top.argument) top = top.argument;
  top = skipTransparent(top);
  // `res.status(401)` inside `res.status(401).send('…')`: the whole chain answers.
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top && top.parent.parent?.type === AST_NODE_TYPES.CallExpression && top.parent.parent.callee === top.parent) {
    top = top.parent.parent;
  }
  // Every call of the chain: `res.status(401).json({ error: '…' })`.
  let current: TSESTree.Node = top;
  for (let i = 0; i < 4; i++) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      for (const a of current.arguments) read(a, 1);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else {
      break;
    }
  }
  return texts;
}

/** Whether the text `node` answers with says the refusal is about a resource's state or the input, and names no caller or credential. */
export function messageSaysNotAccessControl(node: TSESTree.Node): boolean {
  const texts = answerText(node);
  if (texts.length === 0 || !texts.some((t) => STATE_PHRASE.test(t))) return false;
  return !texts.some((t) => API_KEY.test(t) || t.toLowerCase().split(/[^a-z0-9]+/u).some((w) => CALLER_WORDS.has(w)));
}
