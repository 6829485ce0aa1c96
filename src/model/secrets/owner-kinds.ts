/**
 * "What kind of token is this, by where it sits?" A secret word under an owner that names a
 * non-credential kind reads as the compound name would (names.ts `ownerVoidsSecretWord`):
 * `challenge.token` is a `challengeToken` — an ACME http-01 / dns-01 challenge token, published
 * on purpose —, `page.token` a `pageToken`, `device.token` a push `deviceToken`. The same holds
 * where the code files a value: a `token` the function puts under such an owner
 * (`acmeChallenge.get({ challenge: { token } })`, `challenge.token = token`) is that kind of token.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { getPropertyName, skipTransparent } from '../ast.js';
import { type SecretNameOptions, ownerVoidsSecretWord } from './names.js';

/** The name an owner expression goes by: `challenge`, `ctx.challenge` → `challenge`. */
function ownerName(owner: TSESTree.Node): string | null {
  const o = skipTransparent(owner);
  if (o.type === AST_NODE_TYPES.Identifier) return o.name;
  if (o.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(o);
  return null;
}

/** `challenge.token`, `page.token`: the member's owner makes its secret-named property a non-credential kind. */
export function memberOfNonCredentialKind(node: TSESTree.MemberExpression, property: string, options: SecretNameOptions): boolean {
  const owner = ownerName(node.object);
  return owner !== null && ownerVoidsSecretWord(owner, property, options);
}

/**
 * The variable is filed by its own code under an owner of a non-credential kind: a field of an
 * object that is the value of such a key (`{ challenge: { token } }`), or assigned to such a member
 * (`challenge.token = token`).
 */
export function filedAsNonCredentialKind(variable: TSESLint.Scope.Variable, options: SecretNameOptions): boolean {
  for (const ref of variable.references) {
    if (ref.isWrite()) continue;
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === ref.identifier) {
      const key = getPropertyName(parent);
      const object = parent.parent;
      const holder = object?.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
      const owner = holder?.type === AST_NODE_TYPES.Property && holder.value === object ? getPropertyName(holder) : null;
      if (key !== null && owner !== null && ownerVoidsSecretWord(owner, key, options)) return true;
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === ref.identifier && parent.left.type === AST_NODE_TYPES.MemberExpression) {
      const key = getPropertyName(parent.left);
      if (key !== null && memberOfNonCredentialKind(parent.left, key, options)) return true;
    }
  }
  return false;
}
