/**
 * What does a key, a message part or a format string say the next value is? `{ token: t }`,
 * `` `token=${t}` ``, `'Bearer ' + t`, `logger.info('password: %s', p)`, `'api key:', key`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getPropertyName, getStringValue } from '../ast.js';
import { ACTION_VERBS, HARMLESS_SUFFIXES, tokenizeName } from './names.js';
import { GETTER_METHODS, PRESERVING_METHODS, PRODUCER_VERBS } from './value-calls.js';
import type { NameVerdictOf, SecretLabel } from './verdicts.js';

/** Values named like this are what a label describes the context of, not the secret (`token for ${username}`). */
const LABEL_NEUTRAL = new Set(['user', 'users', 'username', 'login', 'account', 'ip', 'role', 'roles', 'method', 'e', 'ex', 'exception', 'req', 'request']);

const PRINTF_PLACEHOLDER = /%[sdifjoOc]/gu;

/** Labels under one analyzer's name options. */
export interface LabelReader {
  /** The label an object key puts on its value (`{ password: p }`). */
  labelFromName(name: string): SecretLabel | null;
  /** The label a message part ending in `token=` or `Bearer ` puts on what follows. */
  labelFromText(value: string): SecretLabel | null;
  /** Labels that format strings and `'label:'` arguments put on the arguments after them. */
  argumentLabels(args: readonly TSESTree.Node[]): (SecretLabel | null)[];
  /** A label only names plain values: `{ token: t }`, not `{ token: jwt.decode(t) }` nor `{ token: record.id }`. */
  labelApplies(n: TSESTree.Node): boolean;
}

/** The label reader for one analyzer; `nameOf` decides which words are secret words. */
export function createLabelReader(nameOf: NameVerdictOf): LabelReader {
  function labelFromName(name: string): SecretLabel | null {
    const v = nameOf(name);
    return v.kind === 'secret' ? { concept: v.concept, word: name } : null;
  }

  /** `token=` labels what follows; `getAccessToken: ${userId}` is a method name, not a label. */
  function labelFromWord(word: string): SecretLabel | null {
    const first = tokenizeName(word)[0];
    if (first !== undefined && (PRODUCER_VERBS.has(first) || ACTION_VERBS.has(first))) return null;
    return labelFromName(word);
  }

  function labelFromText(value: string): SecretLabel | null {
    // `Bearer ${t}`, `Authorization: Basic ${c}`, `Authorization: Token ${t}`; not `token ${i} of ${n}`.
    const scheme = /(?:^|[\s:="'])(Bearer|bearer|BEARER|Basic)\s+$/u.exec(value) ?? /authorization["']?\s*[:=]\s*["']?(Token|token)\s+$/iu.exec(value);
    if (scheme) return { concept: scheme[1]!.toLowerCase() === 'basic' ? 'credentials' : 'token', word: scheme[1]! };
    // `token=${t}`, `"password": "${p}"`, `verification code: ${c}`, `your OTP is ${otp}`
    const keyed = /(?:([A-Za-z_$][\w$-]*)\s+)?([A-Za-z_$][\w$-]*)["']?(?:\s*[:=]|\s+(?:is|was))\s*["']?$/u.exec(value);
    if (!keyed) return null;
    const pair = keyed[1] !== undefined ? labelFromWord(`${keyed[1]}_${keyed[2]!}`) : null;
    return pair && tokenizeName(keyed[2]!).every((t) => !HARMLESS_SUFFIXES.has(t)) ? { ...pair, word: `${keyed[1]} ${keyed[2]}` } : labelFromWord(keyed[2]!);
  }

  function argumentLabels(args: readonly TSESTree.Node[]): (SecretLabel | null)[] {
    const labels: (SecretLabel | null)[] = args.map(() => null);
    const formatIndex = args.findIndex((a, i) => i <= 1 && getStringValue(a) !== null);
    const format = formatIndex >= 0 ? getStringValue(args[formatIndex]) : null;
    if (format !== null && PRINTF_PLACEHOLDER.test(format)) {
      PRINTF_PLACEHOLDER.lastIndex = 0;
      const parts = format.split(PRINTF_PLACEHOLDER);
      for (let k = 0; k + 1 < parts.length && formatIndex + 1 + k < args.length; k++) {
        labels[formatIndex + 1 + k] = labelFromText(parts[k]!);
      }
      return labels;
    }
    for (let i = 1; i < args.length; i++) {
      const previous = getStringValue(args[i - 1]);
      if (previous !== null) labels[i] = labelFromText(previous);
    }
    return labels;
  }

  /** A label only names plain values: `{ token: t }`, not `{ token: jwt.decode(t) }` nor `{ token: record.id }`. */
  function labelApplies(n: TSESTree.Node): boolean {
    let name: string | null;
    if (n.type === AST_NODE_TYPES.Identifier) name = n.name;
    else if (n.type === AST_NODE_TYPES.MemberExpression) name = getPropertyName(n);
    else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getPropertyName(n.callee);
      if (method === null || (!PRESERVING_METHODS.has(method) && !GETTER_METHODS.has(method))) return false;
      // `tokens.map((t) => `${t.name} (${t.type})`).join(', ')`: the label names the list, but what is
      // printed is the text the callback builds; it applies only if it applies to a value in that text.
      const projected = PRESERVING_METHODS.has(method) ? mappedText(n.callee.object) : null;
      return projected === null || projected.some(labelApplies);
    } else return false;
    if (name === null) return true;
    const tokens = tokenizeName(name);
    const last = tokens[tokens.length - 1];
    return last === undefined || (!HARMLESS_SUFFIXES.has(last) && !LABEL_NEUTRAL.has(last));
  }

  return { labelFromName, labelFromText, argumentLabels, labelApplies };
}

/** The values interpolated into the text a `list.map((x) => `…`)` callback returns, or null for another shape. */
function mappedText(receiver: TSESTree.Node): TSESTree.Node[] | null {
  if (receiver.type !== AST_NODE_TYPES.CallExpression || receiver.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (getPropertyName(receiver.callee) !== 'map') return null;
  const fn = receiver.arguments[0];
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.body.type !== AST_NODE_TYPES.TemplateLiteral) return null;
  return fn.body.expressions;
}
