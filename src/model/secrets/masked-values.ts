/**
 * Does the code itself treat a value as a secret by masking it? `const maskedToken =
 * maskToken(brokerConnectionIdentifier)` then `` log.debug(`Validating auth for ${brokerConnectionIdentifier}`) ``
 * (snyk-broker): the author hides that value where it is logged on purpose, so the raw value logged
 * beside it is the secret the mask was for, whatever it is called.
 *
 * Only a masking verb counts (`mask`, `redact`, `obfuscate`, `censor`, `scrub`, `desensitize`), in a
 * function named by the verb alone or by the verb and a secret word (`maskToken`, `redactApiKey`): a
 * hash or an anonymizer is also used on ids and addresses that are not secrets.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getEnclosingFunction } from '../ast.js';
import { type NameVerdictOf } from './verdicts.js';
import { tokenizeName } from './names.js';
import { callName } from './value-calls.js';

const MASK_VERBS = new Set(['mask', 'redact', 'obfuscate', 'censor', 'scrub', 'desensitize', 'desensitise']);

interface Variable {
  references: readonly { identifier: TSESTree.Node }[];
}

/**
 * The secret concept of a variable that the same function (`at`'s) passes to a masking call, or null:
 * `maskToken(x)` → `token`, `mask(x)` → `secret`.
 */
export function maskedConcept(variable: Variable, at: TSESTree.Node, nameOf: NameVerdictOf): string | null {
  const fn = getEnclosingFunction(at);
  for (const ref of variable.references) {
    const id = ref.identifier;
    const call = id.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== id || getEnclosingFunction(call) !== fn) continue;
    const name = callName(call);
    if (name === null) continue;
    const [verb, ...rest] = tokenizeName(name);
    if (verb === undefined || !MASK_VERBS.has(verb)) continue;
    if (rest.length === 0) return 'secret';
    const v = nameOf(rest.join('_'));
    if (v.kind === 'secret') return v.concept;
  }
  return null;
}
