import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, contains, findVariable, getCalleePath, getEnclosingFunction, getPropertyName, isFunctionNode, lastSegment, skipTransparent } from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { classifyErrorMention, isErrorReporterCall, isHandoffCall } from '../utils/errors.js';
import { type ResolvedLoggerStyle, keepingShape, keyKeepsError, resolveLoggerStyle } from '../utils/logger-styles.js';
import { type LoggerCall, getLoggerCall, isAtLeast } from '../utils/loggers.js';
import type { LoggerStyle } from '../utils/settings.js';

export type Options = [];
export type MessageIds = 'stackLost' | 'errorHidden' | 'addError';

/** Parameter names that hold an error by convention (callbacks, error middleware). */
const ERROR_PARAM = /^(?:err|error|exception|ex)$/u;

export default createRule<Options, MessageIds>({
  name: 'log-error-with-stack',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require error logs to carry the error object, not only its message',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025', 'A10:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      stackLost:
        'This error log keeps only the text of `{{name}}` ({{form}}), so the stack trace and the `cause` chain are lost. Pass the error object itself: {{remedy}}.',
      errorHidden:
        'This {{style}} logger prints `{{key}}: {{name}}` as `{}`: error properties are not enumerable and {{why}}. Pass it where the logger serializes errors: {{remedy}}.',
      addError: 'Pass the error object: {{remedy}}.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const call = getLoggerCall(context, node);
        if (!call || call.via !== 'logger' || !isAtLeast(call.level, 'error')) return;
        const callee = skipTransparent(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const resolved = resolveLoggerStyle(context, callee.object);
        const hidden = findHiddenError(context, call, resolved);
        if (hidden && resolved) {
          const fix = hiddenFix(call, hidden, resolved);
          const remedy = keepingShape(resolved.style, sourceCode.getText(callee.object), call.method ?? 'error', hidden.name);
          context.report({
            node: hidden.property,
            messageId: 'errorHidden',
            data: { style: resolved.style, key: hidden.key, name: hidden.name, why: WHY_HIDDEN[resolved.style] ?? 'it has no serializer for that key', remedy },
            fix: fix && resolved.source !== 'convention' ? fix : null,
            suggest: fix ? [{ messageId: 'addError', data: { remedy }, fix }] : [],
          });
          return;
        }
        const found = findTextOnlyError(context, call);
        if (!found) return;
        const style = resolved
          ? { style: resolved.style, confident: resolved.source !== 'convention', errorKeys: resolved.errorKeys }
          : { ...guessStyle(call), errorKeys: null };
        const fix = buildFix(call, found.variable.name, style);
        const remedy = keepingShape(style.style, sourceCode.getText(callee.object), call.method ?? 'error', found.variable.name);
        context.report({
          node: found.use,
          messageId: 'stackLost',
          data: { name: found.variable.name, form: found.form, remedy },
          fix: fix && style.confident ? fix : null,
          suggest: fix ? [{ messageId: 'addError', data: { remedy }, fix }] : [],
        });
      },
    };

    /** Add the error to an existing log call in the shape that keeps it with this logger. */
    function buildFix(
      call: LoggerCall,
      errorName: string,
      style: { style: LoggerStyle; errorKeys: ReadonlySet<string> | null },
    ): TSESLint.ReportFixFunction | null {
      const args = call.node.arguments;
      if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
      const prop = errorName === 'err' ? 'err' : `err: ${errorName}`;
      const first = args[0]!;
      const last = args[args.length - 1]!;
      const callee = skipTransparent(call.node.callee) as TSESTree.MemberExpression;
      const logger = sourceCode.getText(callee.object);
      const method = sourceCode.getText(callee.property);
      switch (style.style) {
        case 'pino':
          if (first.type === AST_NODE_TYPES.ObjectExpression) return (fixer) => addProperty(fixer, first, prop);
          return (fixer) => fixer.insertTextBefore(first, `{ ${prop} }, `);
        case 'bunyan':
          if (first.type !== AST_NODE_TYPES.ObjectExpression) return (fixer) => fixer.insertTextBefore(first, `${errorName}, `);
          if (style.errorKeys?.has('err')) return (fixer) => addProperty(fixer, first, prop);
          // Fields beside an Error need a serializer bunyan may not have: put them on a child.
          if (args.length !== 2) return null;
          return (fixer) =>
            fixer.replaceText(call.node, `${logger}.child(${sourceCode.getText(first)}).${method}(${errorName}, ${sourceCode.getText(args[1]!)})`);
        case 'winston':
          if (args.length === 1) return (fixer) => fixer.insertTextAfter(last, `, ${errorName}`);
          // logger.error('msg', { id }) → logger.child({ id }).error('msg', err): meta beside an Error would hide it.
          if (args.length === 2 && last.type === AST_NODE_TYPES.ObjectExpression && isPlainObject(last)) {
            return (fixer) => fixer.replaceText(call.node, `${logger}.child(${sourceCode.getText(last)}).${method}(${sourceCode.getText(first)}, ${errorName})`);
          }
          return null;
        case 'nest':
          if (args.length !== 1) return null;
          return (fixer) => fixer.insertTextAfter(last, `, ${errorName} instanceof Error ? ${errorName}.stack : String(${errorName})`);
        case 'log4js':
        case 'console':
        default:
          return (fixer) => fixer.insertTextAfter(last, `, ${errorName}`);
      }
    }

    /** Move a hidden error where the logger serializes it. */
    function hiddenFix(call: LoggerCall, hidden: HiddenError, resolved: ResolvedLoggerStyle): TSESLint.ReportFixFunction | null {
      const { object, property, name } = hidden;
      const args = call.node.arguments;
      const callee = skipTransparent(call.node.callee) as TSESTree.MemberExpression;
      const logger = sourceCode.getText(callee.object);
      const method = sourceCode.getText(callee.property);
      const others = object.properties.filter((p) => p !== property);
      const rest = others.length > 0 ? `{ ${others.map((p) => sourceCode.getText(p)).join(', ')} }` : null;
      switch (resolved.style) {
        case 'pino':
        case 'bunyan': {
          const keyFree = !others.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === 'err');
          if (resolved.style === 'pino' || resolved.errorKeys?.has('err')) {
            if (!keyFree) return null;
            return (fixer) => fixer.replaceText(property, name === 'err' ? 'err' : `err: ${name}`);
          }
          if (args[0] !== object || args.length !== 2) return null;
          return (fixer) =>
            fixer.replaceText(call.node, rest ? `${logger}.child(${rest}).${method}(${name}, ${sourceCode.getText(args[1]!)})` : `${logger}.${method}(${name}, ${sourceCode.getText(args[1]!)})`);
        }
        case 'winston':
          if (args.length !== 2 || args[1] !== object) return null;
          return (fixer) =>
            fixer.replaceText(call.node, rest ? `${logger}.child(${rest}).${method}(${sourceCode.getText(args[0]!)}, ${name})` : `${logger}.${method}(${sourceCode.getText(args[0]!)}, ${name})`);
        default:
          return null;
      }
    }

    function addProperty(fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix {
      const lastProp = object.properties[object.properties.length - 1];
      if (!lastProp) return fixer.replaceText(object, `{ ${text} }`);
      const after = sourceCode.getTokenAfter(lastProp)!;
      return after.value === ','
        ? fixer.insertTextAfter(after, ` ${text}`)
        : fixer.insertTextAfter(lastProp, `, ${text}`);
    }
  },
});

const WHY_HIDDEN: Partial<Record<LoggerStyle, string>> = {
  pino: 'pino serializes errors only under `err` (or the `errorKey` / `serializers` keys given at creation)',
  bunyan: 'bunyan serializes errors only under keys its `serializers` name',
  winston: 'winston expands an Error only as the message or the meta argument itself',
};

function isPlainObject(object: TSESTree.ObjectExpression): boolean {
  return object.properties.every((p) => p.type === AST_NODE_TYPES.Property);
}

interface HiddenError {
  object: TSESTree.ObjectExpression;
  property: TSESTree.Property;
  key: string;
  name: string;
}

/**
 * `{ error: err }` in a pino / bunyan call whose creation has no serializer for that key, or
 * any `{ k: err }` meta in a winston call: the error prints as `{}`. Only when the style is known.
 */
function findHiddenError(context: Context, call: LoggerCall, resolved: ResolvedLoggerStyle | null): HiddenError | null {
  if (!resolved) return null;
  for (const variable of errorVariablesAround(context, call.node)) {
    for (const ref of variable.references) {
      const id = ref.identifier;
      const property = id.parent;
      if (property?.type !== AST_NODE_TYPES.Property || property.value !== id || property.computed) continue;
      const object = property.parent;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression || !call.node.arguments.includes(object)) continue;
      const key = getPropertyName(property);
      if (key === null || !isPlainObject(object)) continue;
      if (keyKeepsError(resolved, key) === false) return { object, property, key, name: id.name };
    }
  }
  return null;
}

interface TextOnlyUse {
  variable: TSESLint.Scope.Variable;
  /** The expression that keeps only the text. */
  use: TSESTree.Node;
  form: string;
}

/**
 * The log call mentions a caught error, and every mention keeps only its text
 * (`err.message`, `${err}`, `'x' + err`, `String(err)`, `err.toString()`, `JSON.stringify(err)`).
 */
function findTextOnlyError(context: Context, call: LoggerCall): TextOnlyUse | null {
  const node = call.node;
  let result: TextOnlyUse | null = null;
  for (const variable of errorVariablesAround(context, node)) {
    // Rethrown or handed on: the stack travels with it and is logged where it lands.
    if (isPassedOn(variable)) continue;
    // The same handler records the object or its stack (a reporter, `logger.error(e.stack)`).
    if (isRecordedBeside(context, variable, node)) continue;
    // An expected failure: the log sits in the branch that named its class or code.
    if (isInExpectedErrorBranch(variable, node)) continue;
    // A SyntaxError from a try that only parses JSON: the message is the whole story.
    if (isJsonParseFailure(context, variable)) continue;
    let textOnly: TextOnlyUse | null = null;
    for (const ref of variable.references) {
      if (!contains(node, ref.identifier)) continue;
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
      const use = classifyErrorMention(ref.identifier);
      // The error object or its stack reaches the logger: nothing is lost.
      if (use.kind === 'whole') return null;
      if (use.kind === 'text') textOnly ??= { variable, use: use.node, form: use.form };
    }
    if (textOnly && !result) result = textOnly;
  }
  return result;
}

function isPassedOn(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ThrowStatement) return true;
    // new AppError('…', { cause: err })
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === ref.identifier && getPropertyName(parent) === 'cause') return true;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.Expression) && isHandoffCall(parent);
  });
}

/**
 * Another call in the same handler records the error object or its stack: a reporter
 * (`errorReporter.error(e)`, `Sentry.captureException(e)`) or a log (`logger.error(e.stack)`,
 * `console.error(e)`). It must be a statement of a block that encloses the text-only log, in the
 * same function, so it runs whenever the log runs (barring an early exit between them).
 */
function isRecordedBeside(context: Context, variable: TSESLint.Scope.Variable, log: TSESTree.CallExpression): boolean {
  const logFunction = getEnclosingFunction(log);
  return variable.references.some((ref) => {
    const id = ref.identifier;
    if (id.type !== AST_NODE_TYPES.Identifier || contains(log, id)) return false;
    if (classifyErrorMention(id).kind !== 'whole') return false;
    const call = argumentOwner(id);
    if (!call || contains(call, log)) return false;
    const recorder = isErrorReporterCall(context, call) || getLoggerCall(context, call) !== null;
    if (!recorder) return false;
    let statement: TSESTree.Node = call;
    while (statement.parent && (statement.parent.type === AST_NODE_TYPES.AwaitExpression || statement.parent.type === AST_NODE_TYPES.ChainExpression)) {
      statement = statement.parent;
    }
    if (statement.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const block = statement.parent.parent;
    if (!block || (block.type !== AST_NODE_TYPES.BlockStatement && block.type !== AST_NODE_TYPES.SwitchCase)) return false;
    return contains(block, log) && getEnclosingFunction(call) === logFunction;
  });
}

/** The call `id` is an argument of (directly, as `e.stack`, or inside an object / array argument). */
function argumentOwner(id: TSESTree.Identifier): TSESTree.CallExpression | null {
  let node: TSESTree.Node = id;
  while (node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression) return parent.arguments.includes(node as TSESTree.CallExpressionArgument) ? parent : null;
    if (
      parent.type === AST_NODE_TYPES.MemberExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.ObjectExpression ||
      parent.type === AST_NODE_TYPES.ArrayExpression
    ) {
      node = parent;
      continue;
    }
    return null;
  }
  return null;
}

/** Classes that say nothing about which failure it was (`e instanceof Error` is a type guard). */
const GENERIC_ERROR_CLASSES = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'Object']);
/** Properties that name a known failure: `e.code === 'ENOENT'`, `e.name === 'AbortError'`. */
const ERROR_KIND_KEYS = new Set(['code', 'name', 'errno', 'status', 'statusCode', 'type']);

/**
 * The log sits in the branch taken when the error is of a named class or carries a named code
 * (`if (e instanceof UserError)`, `e.code === 'ENOENT'`, `switch (e.code) { case 'EEXIST': … }`):
 * an expected failure whose message is what matters. The else branch stays reported.
 */
function isInExpectedErrorBranch(variable: TSESLint.Scope.Variable, log: TSESTree.Node): boolean {
  const binder = variable.defs[0]?.node;
  let child: TSESTree.Node = log;
  let current = log.parent;
  while (current && current !== binder) {
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && namesErrorKind(current.test, variable)) return true;
    if (current.type === AST_NODE_TYPES.ConditionalExpression && current.consequent === child && namesErrorKind(current.test, variable)) return true;
    if (current.type === AST_NODE_TYPES.SwitchCase && current.test !== null && current.parent.type === AST_NODE_TYPES.SwitchStatement && isErrorKindRead(current.parent.discriminant, variable)) {
      return true;
    }
    if (isFunctionNode(current)) return false;
    child = current;
    current = current.parent;
  }
  return false;
}

function isReferenceTo(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const n = skipTransparent(node);
  return n.type === AST_NODE_TYPES.Identifier && variable.references.some((r) => r.identifier === n);
}

/** `e.code`, `e?.name`, `(e as NodeJS.ErrnoException).code`. */
function isErrorKindRead(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = getPropertyName(n);
  return key !== null && ERROR_KIND_KEYS.has(key) && isReferenceTo(n.object, variable);
}

function namesErrorKind(test: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '&&') return namesErrorKind(t.left, variable) || namesErrorKind(t.right, variable);
  if (t.type === AST_NODE_TYPES.BinaryExpression) {
    if (t.operator === 'instanceof') {
      if (!isReferenceTo(t.left, variable)) return false;
      const right = skipTransparent(t.right);
      const name = right.type === AST_NODE_TYPES.Identifier ? right.name : right.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(right) : null;
      return name !== null && !GENERIC_ERROR_CLASSES.has(name);
    }
    if (t.operator === '===' || t.operator === '==') {
      return (isErrorKindRead(t.left, variable) && isKnownValue(t.right)) || (isErrorKindRead(t.right, variable) && isKnownValue(t.left));
    }
    return false;
  }
  // ['ENOENT', 'EACCES'].includes(e.code)
  if (t.type === AST_NODE_TYPES.CallExpression && t.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(t.callee) === 'includes') {
    return t.arguments.length === 1 && isErrorKindRead(t.arguments[0]!, variable);
  }
  return false;
}

/** A literal or a named constant (`'ENOENT'`, `404`, `MedusaError.Codes.UNKNOWN_MODULES`). */
function isKnownValue(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string' || typeof n.value === 'number';
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0;
  return n.type === AST_NODE_TYPES.MemberExpression || (n.type === AST_NODE_TYPES.Identifier && n.name !== 'undefined');
}

/**
 * The error is a catch binding whose try block only parses JSON (`data = JSON.parse(body)`):
 * every call in it is `JSON.parse`, with no `new`, `await`, `throw` or function inside. The
 * SyntaxError's message names the bad input; its stack only points into the parser.
 */
function isJsonParseFailure(context: Context, variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'CatchClause') return false;
  const tryStatement = def.node.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return false;
  const keys = context.sourceCode.visitorKeys;
  let parses = 0;
  let other = false;
  const visit = (node: TSESTree.Node): void => {
    if (other) return;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        const path = getCalleePath(node);
        if (path === null || lastSegment(path) !== 'parse' || !/^(?:\w+\.)*JSON\.parse$/u.test(path)) {
          other = true;
          return;
        }
        parses++;
        break;
      }
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.ImportExpression:
        other = true;
        return;
      default:
        if (isFunctionNode(node)) {
          other = true;
          return;
        }
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        visit(child as TSESTree.Node);
      }
    }
  };
  visit(tryStatement.block);
  return parses > 0 && !other;
}

/** Caught errors in scope at `node`: catch bindings, rejection-handler and error-callback parameters. */
function errorVariablesAround(context: Context, node: TSESTree.Node): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.CatchClause && current.param?.type === AST_NODE_TYPES.Identifier) {
      const v = findVariable(context, current.param);
      if (v) out.push(v);
    } else if (isFunctionNode(current)) {
      const first = current.params[0];
      if (first?.type === AST_NODE_TYPES.Identifier && (ERROR_PARAM.test(first.name) || isRejectionHandler(current) || current.params.length === 4)) {
        const v = findVariable(context, first);
        if (v) out.push(v);
      }
    }
    current = current.parent;
  }
  return out;
}

function isRejectionHandler(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/** Unknown logger: a guess for the suggestion only (never an autofix). */
function guessStyle(call: LoggerCall): { style: LoggerStyle; confident: false } {
  const path = call.loggerPath ?? '';
  const first = call.node.arguments[0];
  if (first?.type === AST_NODE_TYPES.ObjectExpression) return { style: 'pino', confident: false };
  if (/^this\.#?_?logger$/u.test(path) && call.node.arguments.length === 1) return { style: 'nest', confident: false };
  return { style: 'console', confident: false };
}
