import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findVariable, getMemberPath, getPropertyName, getStringValue, getVariableInit, skipTransparent } from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { type LoggerCall, getLoggerCall } from '../utils/loggers.js';
import { type RequestInputOrigin, type RequestInputTracker, createRequestInputTracker, hasNonTextType } from '../utils/request-input.js';
import { resolveLoggerStyle } from '../utils/logger-styles.js';
import type { LoggerStyle } from '../utils/settings.js';

export type Options = [{ sanitizers?: string[] }];
export type MessageIds = 'injection' | 'useFields';

const ORIGIN_TEXT: Record<RequestInputOrigin, string> = {
  query: 'the query string',
  params: 'the route parameters',
  body: 'the request body',
  headers: 'a request header',
  cookies: 'a cookie',
};

/** Request loggers that pino-http, Fastify and koa-pino-logger attach: their style is known. */

export default createRule<Options, MessageIds>({
  name: 'no-log-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input interpolated or concatenated into log messages',
      recommended: 'recommended',
      cwe: ['CWE-117'],
      owasp: ['A09:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      injection:
        '`{{expression}}` comes from {{origin}} and is written into the log message, so a client can forge log lines with CR/LF characters. Log it as a structured field instead: {{remedy}}.',
      useFields: 'Move the request input into structured fields: {{remedy}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Allow request input passed through these sanitizers (names or member paths such as `sanitizeLog`, `utils.clean`; an entry without a dot also matches methods of that name).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sanitizers: [] }],
  },
  create(context, [options]) {
    const tracker = createRequestInputTracker(context, { sanitizers: options.sanitizers ?? [] });
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const call = getLoggerCall(context, node);
        if (!call || call.via !== 'logger') return;
        const args = call.args;
        if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
        const messageIndex = findMessageIndex(args);
        const message = args[messageIndex];
        if (!message) return;
        const direct = isComposedString(message);
        const composed = direct ? message : composedInit(context, message);
        if (!composed) return;
        const pieces = toPieces(composed, tracker, context);
        if (!pieces) return;
        const tainted = pieces.filter((p): p is ExprPiece => p.kind === 'expr' && p.tainted);
        if (tainted.length === 0) return;
        const first = tainted[0]!;
        const style = styleOf(context, call);
        const plan = direct ? planFix(call, messageIndex, pieces, style.style) : null;
        const remedy = plan ? plan.preview : remedyText(call, style.style);
        const origin = tracker.classify(first.node)?.origin ?? null;
        context.report({
          // The input inside the call, or the message variable when it was built earlier.
          node: direct ? first.node : message,
          messageId: 'injection',
          data: {
            expression: shorten(sourceCode.getText(first.node)),
            origin: origin ? ORIGIN_TEXT[origin] : 'the request',
            remedy,
          },
          fix: plan && style.known ? plan.fix : null,
          suggest: plan ? [{ messageId: 'useFields', data: { remedy }, fix: plan.fix }] : [],
        });
      },
    };

    interface FixPlan {
      fix: TSESLint.ReportFixFunction;
      preview: string;
    }

    function planFix(call: LoggerCall, messageIndex: number, pieces: readonly Piece[], style: LoggerStyle): FixPlan | null {
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
            const fields = buildFields(pieces, usedKeys(object));
            return {
              preview: `${logger}({ …, ${fieldsText(fields)} }, ${text})`,
              fix: (fixer) => [addFields(fixer, object, fields), fixer.replaceText(message, text)],
            };
          }
          if (args.length !== 1) return null;
          const fields = buildFields(pieces, new Set());
          return {
            preview: `${logger}({ ${fieldsText(fields)} }, ${text})`,
            fix: (fixer) => fixer.replaceText(message, `{ ${fieldsText(fields)} }, ${text}`),
          };
        }
        case 'nest': {
          if (messageIndex !== 0) return null;
          const fields = buildFields(pieces, new Set(['message']));
          const replacement = `{ message: ${text}, ${fieldsText(fields)} }`;
          return { preview: `${logger}(${replacement})`, fix: (fixer) => fixer.replaceText(message, replacement) };
        }
        case 'winston': {
          if (messageIndex !== 0) return null;
          if (args.length === 2) {
            const meta = existing(args[1]);
            if (!meta) return null;
            const fields = buildFields(pieces, usedKeys(meta));
            return {
              preview: `${logger}(${text}, { …, ${fieldsText(fields)} })`,
              fix: (fixer) => [fixer.replaceText(message, text), addFields(fixer, meta, fields)],
            };
          }
          if (args.length !== 1) return null;
          const fields = buildFields(pieces, new Set());
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
          const fields = buildFields(pieces, new Set());
          return {
            preview: `${logger}(${text}, { ${fieldsText(fields)} })`,
            fix: (fixer) => fixer.replaceText(message, `${text}, { ${fieldsText(fields)} }`),
          };
        }
      }
    }

    function addFields(fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, fields: readonly Field[]): TSESLint.RuleFix {
      const text = fieldsText(fields);
      const last = object.properties[object.properties.length - 1];
      if (!last) return fixer.replaceText(object, `{ ${text} }`);
      const after = sourceCode.getTokenAfter(last)!;
      return after.value === ',' ? fixer.insertTextAfter(after, ` ${text}`) : fixer.insertTextAfter(last, `, ${text}`);
    }

    function buildFields(pieces: readonly Piece[], taken: Set<string>): Field[] {
      const fields: Field[] = [];
      const byText = new Map<string, Field>();
      for (const piece of pieces) {
        if (piece.kind !== 'expr' || !piece.tainted) continue;
        const value = sourceCode.getText(piece.node);
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
  },
});

interface TextPiece {
  kind: 'text';
  /** Cooked text. */
  cooked: string;
  /** Text as it would appear inside a template literal. */
  raw: string;
}
interface ExprPiece {
  kind: 'expr';
  node: TSESTree.Node;
  /** Source text of the expression. */
  text: string;
  tainted: boolean;
  /** `user` in `user=${…}`: the label the message gave the value. */
  label?: string;
}
type Piece = TextPiece | ExprPiece;

interface Field {
  key: string;
  value: string;
}

function findMessageIndex(args: readonly TSESTree.CallExpressionArgument[]): number {
  const first = skipTransparent(args[0]!);
  if (first.type === AST_NODE_TYPES.ObjectExpression) return 1;
  const second = args[1];
  // logger.info(meta, `…`): pino's merging object first, then the message.
  if (second && isComposedString(second) && !isComposedString(first) && getStringValue(first) === null && first.type === AST_NODE_TYPES.Identifier) return 1;
  return 0;
}

function isComposedString(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length > 0) || (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+');
}

/** `const msg = \`login ${user}\`; logger.info(msg)`: the message built one step earlier. */
function composedInit(context: Context, node: TSESTree.Node): TSESTree.Node | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const init = getVariableInit(variable);
  return init && isComposedString(init) ? init : null;
}

function templateRaw(cooked: string): string {
  return cooked.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`').replace(/\$\{/gu, '\\${').replace(/\r/gu, '\\r').replace(/\n/gu, '\\n');
}

/** Flatten a template literal or a `+` chain into text and expressions. Null when it cannot be read. */
function toPieces(node: TSESTree.Node, tracker: RequestInputTracker, context: Context): Piece[] | null {
  const pieces: Piece[] = [];
  const visit = (raw: TSESTree.Node): boolean => {
    const n = skipTransparent(raw);
    if (n.type === AST_NODE_TYPES.TemplateLiteral) {
      n.quasis.forEach((quasi, i) => {
        const cooked = quasi.value.cooked ?? '';
        if (cooked !== '') pieces.push({ kind: 'text', cooked, raw: quasi.value.raw });
        const expr = n.expressions[i];
        if (expr) pushExpr(expr);
      });
      return true;
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
      return visit(n.left) && visit(n.right);
    }
    const text = getStringValue(n);
    if (text !== null) {
      if (text !== '') pieces.push({ kind: 'text', cooked: text, raw: templateRaw(text) });
      return true;
    }
    pushExpr(raw);
    return true;
  };
  const pushExpr = (expr: TSESTree.Node) => {
    const tainted = tracker.isRequestValue(expr) && !hasNonTextType(context, expr);
    pieces.push({ kind: 'expr', node: expr, text: context.sourceCode.getText(expr), tainted });
  };
  if (!visit(node)) return null;
  // `user=${name}`: the label names the field and leaves the message; `User: ${name}` keeps
  // the word and drops the separator.
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const before = pieces[i - 1]!;
    if (piece.kind !== 'expr' || !piece.tainted || before.kind !== 'text') continue;
    const m = /(?:^|[\s([{,;])([A-Za-z_$][\w$]*)(\s?[=:]\s?)$/u.exec(before.cooked);
    if (!m) continue;
    const consumeLabel = m[2]!.includes('=') || m[1]! === keyFor(piece.node, undefined);
    if (consumeLabel) piece.label = m[1]!;
    const cut = (consumeLabel ? m[1]!.length : 0) + m[2]!.length;
    before.cooked = before.cooked.slice(0, before.cooked.length - cut);
    before.raw = before.raw.slice(0, before.raw.length - cut);
  }
  return pieces;
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

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9_$]+/u).filter((w) => w !== '');
  if (words.length === 0) return 'value';
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/u.test(joined) ? `_${joined}` : joined;
}

/** A field name for an expression: `req.query.user` → user, `req.get('user-agent')` → userAgent, `name.trim()` → name. */
function keyFor(node: TSESTree.Node, label: string | undefined): string {
  if (label && IDENTIFIER.test(label)) return label;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    const object = skipTransparent(n.object);
    // cookies.get('session')?.value → session
    if ((name === 'value' || name === null) && object.type === AST_NODE_TYPES.CallExpression) return keyFor(object, undefined);
    if (name !== null) return camel(name);
    return keyFor(n.object, undefined);
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const arg = n.arguments[0];
    const callee = skipTransparent(n.callee);
    const key = arg ? getStringValue(arg) : null;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (key !== null && ['get', 'header', 'query', 'param', 'getAll'].includes(getPropertyName(callee) ?? '')) return camel(key);
      return keyFor(callee.object, undefined);
    }
    if (arg) return keyFor(arg, undefined);
  }
  const path = getMemberPath(n);
  return path ? camel(path) : 'value';
}

function shorten(text: string): string {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/**
 * The style of the logger this call uses (the one resolution every rule shares), and whether we
 * are sure enough to autofix; for an unknown logger, a guess from the call's shape.
 */
function styleOf(context: Context, call: LoggerCall): { style: LoggerStyle; known: boolean } {
  const callee = skipTransparent(call.node.callee);
  const resolved = callee.type === AST_NODE_TYPES.MemberExpression ? resolveLoggerStyle(context, callee.object) : null;
  if (resolved) return { style: resolved.style, known: resolved.source !== 'convention' };
  const path = call.loggerPath ?? '';
  if (skipTransparent(call.args[0]!).type === AST_NODE_TYPES.ObjectExpression) return { style: 'pino', known: false };
  if (/^(?:this\.#?_?logger|Logger)$/u.test(path) && call.method !== 'info') return { style: 'nest', known: false };
  return { style: 'winston', known: false };
}

function remedyText(call: LoggerCall, style: LoggerStyle): string {
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
