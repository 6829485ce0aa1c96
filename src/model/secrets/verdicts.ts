/**
 * What the secret-value analysis answers about one expression: a secret (what it is, what it
 * carries, which sub-paths a logger would have to censor), safe, or unknown. Shared by the
 * parts of `createSecretAnalyzer` (values.ts) that recognize sources, types, labels and calls.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { SecretNameVerdict } from './names.js';

/** What makes a value a secret, for messages and fixes. */
export interface SecretVerdict {
  kind: 'secret';
  /** `the password`, `the request headers`, `an object of type \`User\``. */
  what: string;
  /** Appended after the value's text: ` (from \`password\`)`. */
  detail: string;
  /** An object that carries secrets (headers, a body, a `User`), not one secret value. */
  whole: boolean;
  /** For whole objects: what they carry (`the Authorization header and cookies`). */
  carries: string;
  /** A string or object built around a secret: fingerprinting it whole is pointless. */
  embedded: boolean;
  /** Sub-paths that, censored by the logger, make the value safe; `[[]]` means the value itself. */
  redactPaths: readonly (readonly string[])[];
  /** The secret word, for type refinements (`PIN` may be a number; a `token` never is). */
  concept: string;
}

export type ValueVerdict = SecretVerdict | { kind: 'safe' } | { kind: 'unknown' };

export interface SecretFinding extends Omit<SecretVerdict, 'kind'> {
  /** The expression that carries the secret: what a fix wraps or replaces. */
  node: TSESTree.Node;
  /** Object keys from the analysed argument down to `node`, or null when `node` is not a plain field. */
  fieldPath: readonly string[] | null;
}

/** A key, a message part or a format string that says what the next value is (`token=`, `Bearer `). */
export interface SecretLabel {
  concept: string;
  word: string;
}

/** The secret-name verdict under one analyzer's name options. */
export type NameVerdictOf = (name: string) => SecretNameVerdict;

export const SAFE: ValueVerdict = { kind: 'safe' };
export const UNKNOWN: ValueVerdict = { kind: 'unknown' };

/** A secret verdict: one plain secret value unless `extra` says otherwise. */
export function secret(what: string, concept: string, extra: Partial<SecretVerdict> = {}): SecretVerdict {
  return {
    kind: 'secret',
    what,
    detail: '',
    whole: false,
    carries: '',
    embedded: false,
    redactPaths: [[]],
    concept,
    ...extra,
  };
}

/** How a message names a secret concept: `the password`. */
export function article(concept: string): string {
  return `the ${concept}`;
}
