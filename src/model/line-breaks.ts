/**
 * "Can this text carry a line break?" — string calls that strip line breaks (`x.replace(/[\r\n]+/g, ' ')`)
 * or split on them, and regular expressions whose match proves the text has none.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getStringValue, getVariableInit, skipTransparent } from './ast.js';

/** The RegExp a literal or `new RegExp('…', '…')` builds, or null when it cannot be known. */
function regexOf(node: TSESTree.Node | undefined): RegExp | null {
  if (!node) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal && 'regex' in n && n.regex) {
    try {
      return new RegExp(n.regex.pattern, n.regex.flags);
    } catch {
      return null;
    }
  }
  if (n.type === AST_NODE_TYPES.NewExpression && getCalleePath(n) === 'RegExp') {
    const pattern = getStringValue(n.arguments[0]);
    const flags = n.arguments[1] ? getStringValue(n.arguments[1]) : '';
    if (pattern === null || flags === null) return null;
    try {
      return new RegExp(pattern, flags);
    } catch {
      return null;
    }
  }
  return null;
}

/** `x.replace(/[\r\n]+/g, ' ')`, `x.replaceAll('\n', '')`, `x.replace(/\s/g, '')`, `x.replace(/[^\w]/g, '')`. */
export function stripsLineBreaks(call: TSESTree.CallExpression, method: string): boolean {
  const pattern = call.arguments[0];
  const regex = regexOf(pattern);
  if (regex) {
    if (!regex.global) return false;
    regex.lastIndex = 0;
    const strips = regex.test('\n');
    regex.lastIndex = 0;
    return strips;
  }
  const text = getStringValue(pattern);
  return method === 'replaceAll' && text !== null && text.includes('\n');
}

/** `x.split(/\r?\n/)`, `x.split('\n')`: a split whose separator matches a line feed. */
export function splitsOnLineBreaks(call: TSESTree.CallExpression): boolean {
  const pattern = call.arguments[0];
  const regex = regexOf(pattern);
  if (regex) return regex.test('\n');
  const text = getStringValue(pattern);
  return text !== null && text.includes('\n');
}

/**
 * A regular expression (a literal, or a `const` holding one) that cannot match text with a line
 * break: anchored at both ends without the `m` flag, no top-level alternation, and no class or
 * escape that admits CR/LF (`\s`, `\W`, `\D`, `[^…]`, `\n`, `\x…`, `\u…`, `\p{…}`, `.` with `s`).
 */
export function isLineSafePattern(context: Context, node: TSESTree.Node): boolean {
  let n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, n);
    if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return false;
    const init = getVariableInit(variable);
    if (!init) return false;
    n = skipTransparent(init);
  }
  let source: string | null = null;
  let flags = '';
  if (n.type === AST_NODE_TYPES.Literal && 'regex' in n && n.regex) {
    source = n.regex.pattern;
    flags = n.regex.flags;
  } else if (n.type === AST_NODE_TYPES.NewExpression && getCalleePath(n) === 'RegExp') {
    source = getStringValue(n.arguments[0]);
    flags = n.arguments[1] ? (getStringValue(n.arguments[1]) ?? 'm') : '';
  }
  if (source === null || flags.includes('m')) return false;
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return false;
  if (/[\r\n]/u.test(source) || /\\[sWDtvfnrxu0cpPbB]/u.test(source) || source.includes('[^')) return false;
  if (flags.includes('s') && /(?:^|[^\\])\./u.test(source)) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return false;
  }
  return true;
}
