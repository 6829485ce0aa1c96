import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, findVariable, getCalleePath, getMemberPath, getPropertyName, getStringValue, getVariableInit, isFunctionNode, lastSegment, skipTransparent } from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import { type LoggerCall, getLoggerCall } from '../model/loggers.js';
import { type RequestInputOrigin, type RequestInputTracker, createRequestInputTracker, hasNonTextType } from '../model/request-input.js';
import { resolveLoggerStyle } from '../model/logger-styles.js';
import type { LoggerStyle } from '../core/settings.js';

export type Options = [{ sanitizers?: string[]; includeHeaders?: boolean }];
export type MessageIds = 'injection' | 'useFields';

const ORIGIN_TEXT: Record<RequestInputOrigin, string> = {
  query: 'the query string',
  params: 'the route parameters',
  body: 'the request body',
  headers: 'a request header',
  cookies: 'a cookie',
  message: 'a WebSocket message',
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
      strictOptions: { includeHeaders: true },
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
          includeHeaders: {
            type: 'boolean',
            description:
              "Disallow request header values in log messages too. Off by default: Node's HTTP parser (and the Fetch `Headers` class) rejects CR, LF and other control characters in header values, so a header cannot forge a line unless the app decodes it (`decodeURIComponent(header)` is always reported). Turn on for servers run with `insecureHTTPParser` or behind a parser that is not as strict.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sanitizers: [], includeHeaders: false }],
  },
  create(context, [options]) {
    const tracker = createRequestInputTracker(context, { sanitizers: options.sanitizers ?? [] });
    const includeHeaders = options.includeHeaders === true;
    const sourceCode = context.sourceCode;
    const constraints = createConstraintFinder(context, tracker);

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
        if (!composed) {
          checkPrintedRaw(call, messageIndex);
          return;
        }
        const pieces = toPieces(composed, tracker, context, includeHeaders, constraints);
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

    /**
     * `console.log('login by', req.body.user)`, `logger.info('login by %s', req.body.user)`: console
     * and printf-style formatting print string arguments after the first as they are, so they are
     * message text that can carry a line break, not quoted data. Reported without a fix (which
     * shape keeps the value apart depends on the logger).
     */
    function checkPrintedRaw(call: LoggerCall, messageIndex: number): void {
      const args = call.args;
      const first = getStringValue(args[messageIndex]);
      const printf = first !== null && /%[sdifjoOc]/u.test(first);
      const isConsole = call.loggerPath === 'console';
      if (!isConsole && !printf) return;
      for (const arg of args.slice(messageIndex + 1)) {
        if (skipTransparent(arg).type === AST_NODE_TYPES.ObjectExpression) continue;
        const pieces = toPieces(arg, tracker, context, includeHeaders, constraints);
        const tainted = pieces?.find((p): p is ExprPiece => p.kind === 'expr' && p.tainted);
        if (!tainted) continue;
        const origin = tracker.classify(tainted.node)?.origin ?? null;
        context.report({
          node: tainted.node,
          messageId: 'injection',
          data: {
            expression: shorten(sourceCode.getText(tainted.node)),
            origin: origin ? ORIGIN_TEXT[origin] : 'the request',
            remedy: remedyText(call, styleOf(context, call).style),
          },
        });
        return;
      }
    }

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
  // log.info('auth', `login by ${user}`): a tag first, then the message.
  const tag = getStringValue(first);
  if (second && isComposedString(second) && tag !== null && /^[\w.:-]{1,40}$/u.test(tag)) return 1;
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
function toPieces(
  node: TSESTree.Node,
  tracker: RequestInputTracker,
  context: Context,
  includeHeaders: boolean,
  constraints: ConstraintFinder,
): Piece[] | null {
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
    const tainted = tracker.isRequestValue(expr, includeHeaders) && !hasNonTextType(context, expr) && !constraints.isConstrained(expr);
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

// ---------------------------------------------------------------------------------------------
// Values the code has already pinned down

interface ConstraintFinder {
  /** Whether `node` (a request value) is, where it is used, a value the code checked or found a record by. */
  isConstrained(node: TSESTree.Node): boolean;
}

/** Calls that load a record by a key: `getExecution(id)`, `findOne({ name })`, `repo.findById(id)`. Searches are not. */
const LOOKUP_CALL = /^(?:get|find|load|fetch|read|lookup|retrieve)(?:[A-Z_$]|$)/u;
/** Validators whose `true` means the text is an identifier, a number or an address: no line break. */
const VALIDATOR = /^is(?:Valid)?(?:Uuid|UUID|UUIDv4|Int|Integer|Numeric|Number|Alphanumeric|Alpha|Hex|Hexadecimal|MongoId|ObjectId|ObjectID|Slug|Semver|IP|Ip|Port|Base64)$/u;
/** Methods that keep what a check established about a value (no line break appears). */
const KEEPS_CHECKED_TEXT = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'valueOf']);

/**
 * A request value used after the code has constrained it: checked against an allow-list
 * (`LIST.includes(x)`, `SET.has(x)`, `x in MAP`, `x === 'a'`), an anchored pattern that cannot
 * match a line break (`/^[\w-]+$/.test(x)`) or a validator (`isUUID(x)`), or used to load a
 * record that was found (`const row = await repo.findOne(x); if (!row) throw …`). The check must
 * decide whether the log runs: an enclosing `if`, or an earlier `if (…) return / throw` in an
 * enclosing block. Values are matched through `const` aliases and destructuring; a variable
 * written after its declaration matches nothing.
 */
function createConstraintFinder(context: Context, tracker: RequestInputTracker): ConstraintFinder {
  const ids = new WeakMap<TSESLint.Scope.Variable, number>();
  let next = 0;

  function keyOf(node: TSESTree.Node, depth = 0): string | null {
    if (depth > 8) return null;
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, n);
      if (!variable || variable.defs.length !== 1) return null;
      if (variable.references.some((r) => r.isWrite() && !r.init)) return null;
      const def = variable.defs[0]!;
      if (def.type === 'Variable' && def.node.init) {
        const declarator = def.node;
        if (declarator.id === def.name) {
          const aliased = keyOf(declarator.init!, depth + 1);
          if (aliased) return aliased;
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          // const { path: executionId } = req.params
          const property = def.name.parent;
          if (property?.type === AST_NODE_TYPES.Property && property.value === def.name && property.parent === declarator.id) {
            const name = getPropertyName(property);
            const base = keyOf(declarator.init!, depth + 1);
            if (name !== null && base) return `${base}.${name}`;
          }
        }
      }
      let id = ids.get(variable);
      if (id === undefined) {
        id = next++;
        ids.set(variable, id);
      }
      return `#${id}`;
    }
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      if (name === null) return null;
      const base = keyOf(n.object, depth + 1);
      return base && `${base}.${name}`;
    }
    return null;
  }

  /** The key of a logged expression: `x.trim()` and `String(x)` are as constrained as `x`. */
  function loggedKey(node: TSESTree.Node): string | null {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length <= 1) {
      const callee = skipTransparent(n.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0 && KEEPS_CHECKED_TEXT.has(getPropertyName(callee) ?? '')) {
        return loggedKey(callee.object);
      }
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && n.arguments[0]) return loggedKey(n.arguments[0]);
    }
    return keyOf(n);
  }

  const same = (node: TSESTree.Node | undefined, key: string): boolean =>
    !!node && node.type !== AST_NODE_TYPES.SpreadElement && node.type !== AST_NODE_TYPES.PrivateIdentifier && keyOf(node) === key;

  /** Whether `test` evaluating to `positive` tells that the value under `key` is constrained. */
  function implies(test: TSESTree.Node, positive: boolean, key: string): boolean {
    const n = skipTransparent(test);
    if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') return implies(n.argument, !positive, key);
    if (n.type === AST_NODE_TYPES.LogicalExpression) {
      if (n.operator === '&&') return positive ? implies(n.left, true, key) || implies(n.right, true, key) : implies(n.left, false, key) && implies(n.right, false, key);
      if (n.operator === '||') return positive ? implies(n.left, true, key) && implies(n.right, true, key) : implies(n.left, false, key) || implies(n.right, false, key);
      return false;
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)) {
      const equal = (n.operator === '===' || n.operator === '==') === positive;
      const pairs: [TSESTree.Node, TSESTree.Node][] = [
        [n.left, n.right],
        [n.right, n.left],
      ];
      for (const [side, other] of pairs) {
        if (side.type === AST_NODE_TYPES.PrivateIdentifier) continue;
        if (equal && same(side, key) && isPlainLiteral(other)) return true;
        // `row == null` false / `row !== undefined` true: the record was found.
        if (!equal && isNullish(other) && isLookupResult(side, key, false)) return true;
      }
      return false;
    }
    // `if (err) return next(err)` in the callback of `storage.getPackage({ name, callback(err, info) { … } })`
    if (!positive && n.type === AST_NODE_TYPES.Identifier && isLookupCallbackError(n, key)) return true;
    return positive && atom(n, key);
  }

  /** The error parameter of the callback a lookup call (`getPackage({ name, callback })`, `findUser(id, cb)`) that takes the value reports to. */
  function isLookupCallbackError(id: TSESTree.Identifier, key: string): boolean {
    const variable = findVariable(context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params[0] !== def.name) return false;
    const fn = def.node;
    let call: TSESTree.Node | undefined = fn.parent;
    if (call?.type === AST_NODE_TYPES.Property && call.value === fn) call = call.parent?.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    return isLookupOf(call, key);
  }

  /** `repo.findOne(x)`, `getPackage({ name: x, … })`: a call that loads a record by the value. */
  function isLookupOf(call: TSESTree.CallExpression, key: string): boolean {
    const callee = skipTransparent(call.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (name === null || !LOOKUP_CALL.test(name)) return false;
    return call.arguments.some((a) => {
      if (same(a, key)) return true;
      const o = skipTransparent(a);
      return o.type === AST_NODE_TYPES.ObjectExpression && o.properties.some((p) => p.type === AST_NODE_TYPES.Property && same(p.value, key));
    });
  }

  /**
   * `const { archive, metadata } = await service.zipFolder(req.params.pk)`: an id (a name ending in
   * `id` or `pk`) given to an awaited call whose result the code takes fields of. The call found
   * the record, or the handler would have thrown before reaching the log.
   */
  function loadsRecordBy(statement: TSESTree.Node, key: string): boolean {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || !/(?:^|[.#_])(?:\w*Id|id|ID|pk|PK)$/u.test(key)) return false;
    return statement.declarations.some((d) => {
      if (d.id.type !== AST_NODE_TYPES.ObjectPattern || !d.init || d.init.type !== AST_NODE_TYPES.AwaitExpression) return false;
      // skipTransparent looks through the await too.
      const call = skipTransparent(d.init);
      return call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1 && same(call.arguments[0], key);
    });
  }

  const calledConstrained = new Map<string, boolean>();

  /**
   * A local function (`const afterChange = function (err) { … log … }`) whose every call in this
   * file runs where the value is constrained.
   */
  function everyCallConstrained(fn: TSESTree.Node, key: string, depth: number): boolean {
    if (depth > 2 || !isFunctionNode(fn)) return false;
    const parent = fn.parent;
    const variable =
      fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
        ? context.sourceCode.getDeclaredVariables(fn)[0]
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
          ? context.sourceCode.getDeclaredVariables(parent)[0]
          : undefined;
    if (!variable) return false;
    const cacheKey = `${fn.range[0]}:${key}`;
    const cached = calledConstrained.get(cacheKey);
    if (cached !== undefined) return cached;
    calledConstrained.set(cacheKey, false);
    const calls = variable.references.filter((r) => !r.init);
    const result =
      calls.length > 0 &&
      calls.every((r) => {
        const call = r.identifier.parent;
        return call?.type === AST_NODE_TYPES.CallExpression && call.callee === r.identifier && constrainedAt(call, key, depth + 1);
      });
    calledConstrained.set(cacheKey, result);
    return result;
  }

  /** A test whose truth constrains the value. */
  function atom(n: TSESTree.Node, key: string): boolean {
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTransparent(n.callee);
      const arg = n.arguments[0];
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = getPropertyName(callee);
        // LIST.includes(x), ALLOWED.has(x), Object.values(Kind).includes(x)
        if ((method === 'includes' || method === 'has') && n.arguments.length === 1 && same(arg, key) && !tracker.classify(callee.object)) return true;
        if ((method === 'test' || method === 'exec') && same(arg, key) && isLineSafePattern(context, callee.object)) return true;
        if (method === 'match' && arg && same(callee.object, key) && isLineSafePattern(context, arg)) return true;
      }
      const path = getCalleePath(n);
      if (path !== null && VALIDATOR.test(lastSegment(path)) && same(arg, key)) return true;
      return false;
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'in') return same(n.left, key) && !tracker.classify(n.right);
    return isLookupResult(n, key, true);
  }

  /**
   * `row` (or `row.field` when truthy) where `const row = await repo.findOne(x)`: a record found by
   * the value. Only a `const`-like variable, initialised by a lookup call that takes the value.
   */
  function isLookupResult(node: TSESTree.Node, key: string, throughMembers: boolean): boolean {
    let n = skipTransparent(node);
    while (throughMembers && n.type === AST_NODE_TYPES.MemberExpression) n = skipTransparent(n.object);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(context, n);
    if (!variable || variable.defs.length !== 1 || variable.references.some((r) => r.isWrite() && !r.init)) return false;
    const def = variable.defs[0]!;
    if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return false;
    let init = skipTransparent(def.node.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
    if (init.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(init.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (name === null || !LOOKUP_CALL.test(name)) return false;
    return init.arguments.some((a) => {
      if (same(a, key)) return true;
      const o = skipTransparent(a);
      return o.type === AST_NODE_TYPES.ObjectExpression && o.properties.some((p) => p.type === AST_NODE_TYPES.Property && same(p.value, key));
    });
  }

  function exits(statement: TSESTree.Statement): boolean {
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.BreakStatement:
        return true;
      case AST_NODE_TYPES.BlockStatement: {
        const last = statement.body[statement.body.length - 1];
        return !!last && exits(last);
      }
      default:
        return false;
    }
  }

  function guardedBefore(list: readonly TSESTree.Node[], child: TSESTree.Node, key: string): boolean {
    const index = list.indexOf(child);
    for (let i = 0; i < index; i++) {
      const statement = list[i]!;
      if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent) && implies(statement.test, false, key)) return true;
      if (loadsRecordBy(statement, key)) return true;
    }
    return false;
  }

  function constrainedAt(node: TSESTree.Node, key: string, depth: number): boolean {
      let child: TSESTree.Node = node;
      let current = node.parent;
      while (current) {
        switch (current.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
            if (child === current.consequent && implies(current.test, true, key)) return true;
            if (child === current.alternate && implies(current.test, false, key)) return true;
            break;
          case AST_NODE_TYPES.LogicalExpression:
            if (child === current.right && current.operator === '&&' && implies(current.left, true, key)) return true;
            if (child === current.right && current.operator === '||' && implies(current.left, false, key)) return true;
            break;
          case AST_NODE_TYPES.BlockStatement:
          case AST_NODE_TYPES.Program:
          case AST_NODE_TYPES.StaticBlock:
            if (guardedBefore(current.body, child, key)) return true;
            break;
          case AST_NODE_TYPES.SwitchCase:
            if (guardedBefore(current.consequent, child, key)) return true;
            break;
          case AST_NODE_TYPES.FunctionDeclaration:
          case AST_NODE_TYPES.FunctionExpression:
          case AST_NODE_TYPES.ArrowFunctionExpression:
            if (everyCallConstrained(current, key, depth)) return true;
            break;
          default:
            break;
        }
        child = current;
        current = current.parent;
      }
      return false;
  }

  return {
    isConstrained(node) {
      const key = loggedKey(node);
      return key !== null && constrainedAt(node, key, 0);
    },
  };
}

function isPlainLiteral(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Literal) return false;
  if (typeof n.value === 'string') return !/[\r\n]/u.test(n.value);
  return typeof n.value === 'number' || typeof n.value === 'boolean';
}

function isNullish(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
}

/**
 * A regular expression (a literal, or a `const` holding one) that cannot match text with a line
 * break: anchored at both ends without the `m` flag, no top-level alternation, and no class or
 * escape that admits CR/LF (`\s`, `\W`, `\D`, `[^…]`, `\n`, `\x…`, `\u…`, `\p{…}`, `.` with `s`).
 */
function isLineSafePattern(context: Context, node: TSESTree.Node): boolean {
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
