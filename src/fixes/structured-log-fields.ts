/**
 * The structured-fields fix of no-log-injection: the request input leaves the log message and
 * becomes fields, in the shape the logger keeps them apart (pino/bunyan merging object first,
 * winston/console meta object after the message, a Nest object with `message`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getPropertyName, skipTransparent } from '../model/ast.js';
import { type ExprPiece, type Piece, keyFor } from '../model/log-messages.js';
import type { LoggerCall } from '../model/loggers.js';
import type { LoggerStyle } from '../core/settings.js';

interface Field {
  key: string;
  value: string;
}

/** The message without the request input: a quoted string, or a template when other expressions stay. Null when nothing is left. */
function messageText(pieces: readonly Piece[]): string | null {
  const kept = pieces.filter((p) => !(p.kind === 'expr' && p.tainted));
  const hasExpr = kept.some((p) => p.kind === 'expr');
  const parts: string[] = [];
  for (const p of kept) {
    if (p.kind === 'text') parts.push(hasExpr ? p.raw : p.cooked);
    else parts.push('\uE000');
  }
  let text = parts.join('');
  // Tidy the seams where values were taken out: empty quotes and brackets, doubled spaces, dangling separators.
  text = text
    .replace(/(['"`])\1|\(\)|\[\]|\{\}|<>/gu, '')
    .replace(/ {2,}/gu, ' ')
    .replace(/\s+([,.;:!?)\]])/gu, '$1')
    .replace(/^[\s,;:=\-–>|]+/u, '')
    .replace(/[\s,;:=\-–>|]+$/u, '')
    .trim();
  if (text.replace(/\uE000/gu, '').replace(/[\W_]/gu, '') === '') return null;
  if (!hasExpr) return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\r/gu, '\\r').replace(/\n/gu, '\\n')}'`;
  const exprs = kept.filter((p): p is ExprPiece => p.kind === 'expr');
  let index = 0;
  return `\`${text.replace(/\uE000/gu, () => `\${${exprs[index++]!.text}}`)}\``;
}

/** When nothing but the input was in the message: its label or field name. */
function fallbackMessage(pieces: readonly Piece[]): string | null {
  const first = pieces.find((p): p is ExprPiece => p.kind === 'expr' && p.tainted);
  return first ? `'${keyFor(first.node, first.label)}'` : null;
}

function fieldsText(fields: readonly Field[]): string {
  return fields.map((f) => (f.key === f.value ? f.key : `${f.key}: ${f.value}`)).join(', ');
}

function usedKeys(object: TSESTree.ObjectExpression): Set<string> {
  const keys = new Set<string>();
  for (const p of object.properties) {
    if (p.type === AST_NODE_TYPES.Property) {
      const name = getPropertyName(p);
      if (name !== null) keys.add(name);
    }
  }
  return keys;
}

/** The shape the message advises for this logger's style: `logger.info({ field }, 'message')` and the like. */
export function remedyText(call: LoggerCall, style: LoggerStyle): string {
  const logger = `${call.loggerPath ?? 'logger'}.${call.method ?? 'info'}`;
  switch (style) {
    case 'pino':
    case 'bunyan':
      return `${logger}({ field }, 'message')`;
    case 'nest':
      return `${logger}({ message: '…', field })`;
    default:
      return `${logger}('message', { field })`;
  }
}

/** The fix and how it reads in the message. */
export interface FixPlan {
  fix: TSESLint.ReportFixFunction;
  preview: string;
}

/**
 * Move the request input out of the message (`pieces`) into fields, in the shape `style` keeps
 * them apart; null when the call's shape leaves no safe place for them or nothing would be left of the message.
 */
export function planFix(context: Context, call: LoggerCall, messageIndex: number, pieces: readonly Piece[], style: LoggerStyle): FixPlan | null {
  const args = call.args;
  const message = args[messageIndex]!;
  const text = messageText(pieces) ?? fallbackMessage(pieces);
  if (text === null) return null;
  const logger = `${call.loggerPath ?? 'logger'}.${call.method ?? 'info'}`;
  const existing = (node: TSESTree.Node | undefined): TSESTree.ObjectExpression | null => {
    const n = node && skipTransparent(node);
    return n?.type === AST_NODE_TYPES.ObjectExpression && n.properties.every((p) => p.type === AST_NODE_TYPES.Property || p.type === AST_NODE_TYPES.SpreadElement)
      ? n
      : null;
  };
  switch (style) {
    case 'pino':
    case 'bunyan': {
      // pino: logger.info({ fields }, 'message'); further arguments would be printf values.
      if (messageIndex === 1) {
        const object = existing(args[0]);
        if (!object || args.length !== 2) return null;
        const fields = buildFields(context, pieces, usedKeys(object));
        return {
          preview: `${logger}({ …, ${fieldsText(fields)} }, ${text})`,
          fix: (fixer) => [addFields(context, fixer, object, fields), fixer.replaceText(message, text)],
        };
      }
      if (args.length !== 1) return null;
      const fields = buildFields(context, pieces, new Set());
      return {
        preview: `${logger}({ ${fieldsText(fields)} }, ${text})`,
        fix: (fixer) => fixer.replaceText(message, `{ ${fieldsText(fields)} }, ${text}`),
      };
    }
    case 'nest': {
      if (messageIndex !== 0) return null;
      const fields = buildFields(context, pieces, new Set(['message']));
      const replacement = `{ message: ${text}, ${fieldsText(fields)} }`;
      return { preview: `${logger}(${replacement})`, fix: (fixer) => fixer.replaceText(message, replacement) };
    }
    case 'winston': {
      if (messageIndex !== 0) return null;
      if (args.length === 2) {
        const meta = existing(args[1]);
        if (!meta) return null;
        const fields = buildFields(context, pieces, usedKeys(meta));
        return {
          preview: `${logger}(${text}, { …, ${fieldsText(fields)} })`,
          fix: (fixer) => [fixer.replaceText(message, text), addFields(context, fixer, meta, fields)],
        };
      }
      if (args.length !== 1) return null;
      const fields = buildFields(context, pieces, new Set());
      return {
        preview: `${logger}(${text}, { ${fieldsText(fields)} })`,
        fix: (fixer) => fixer.replaceText(message, `${text}, { ${fieldsText(fields)} }`),
      };
    }
    case 'console':
    default: {
      if (messageIndex !== 0) return null;
      // A `%` left in the message would make console read our object as a format argument.
      if (text.includes('%')) return null;
      const fields = buildFields(context, pieces, new Set());
      return {
        preview: `${logger}(${text}, { ${fieldsText(fields)} })`,
        fix: (fixer) => fixer.replaceText(message, `${text}, { ${fieldsText(fields)} }`),
      };
    }
  }
}

function addFields(context: Context, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, fields: readonly Field[]): TSESLint.RuleFix {
  const text = fieldsText(fields);
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  const after = context.sourceCode.getTokenAfter(last)!;
  return after.value === ',' ? fixer.insertTextAfter(after, ` ${text}`) : fixer.insertTextAfter(last, `, ${text}`);
}

function buildFields(context: Context, pieces: readonly Piece[], taken: Set<string>): Field[] {
  const fields: Field[] = [];
  const byText = new Map<string, Field>();
  for (const piece of pieces) {
    if (piece.kind !== 'expr' || !piece.tainted) continue;
    const value = context.sourceCode.getText(piece.node);
    if (byText.has(value)) continue;
    let key = keyFor(piece.node, piece.label);
    if (taken.has(key)) {
      let i = 2;
      while (taken.has(`${key}${i}`)) i++;
      key = `${key}${i}`;
    }
    taken.add(key);
    const field = { key, value };
    byText.set(value, field);
    fields.push(field);
  }
  return fields;
}
