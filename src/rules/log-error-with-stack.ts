import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, contains, findVariable, getCalleePath, getEnclosingFunction, getPropertyName, isFunctionNode, lastSegment, skipTransparent, walkSameFunction, walkTree } from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import { classifyErrorMention, isErrorReporterCall, isHandoffCall } from '../model/errors.js';
import { identifierWords, isAwaited } from '../model/fallible.js';
import { getHandlerInfo } from '../model/handlers.js';
import { type ResolvedLoggerStyle, keepingShape, keyKeepsError, resolveLoggerStyle } from '../model/logger-styles.js';
import { type LoggerCall, getLoggerCall, isAtLeast } from '../model/loggers.js';
import type { LoggerStyle } from '../core/settings.js';

export type Options = [{ reportExpectedFailures?: boolean }];
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
      strictOptions: { reportExpectedFailures: true },
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
    schema: [
      {
        type: 'object',
        properties: {
          reportExpectedFailures: {
            type: 'boolean',
            description:
              'Require the error object also where the failure is an expected answer whose message says it all: a `try` that only releases a handle (`res.end()`, `conn.close()`, `client.quit()`) or only checks a password (`client.bind(dn, password)`, `bcrypt.compare(password, hash)`). Off by default; `strict` turns it on.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportExpectedFailures: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reportExpected = options.reportExpectedFailures === true;

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
        const found = findTextOnlyError(context, call, reportExpected);
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
function findTextOnlyError(context: Context, call: LoggerCall, reportExpected: boolean): TextOnlyUse | null {
  const node = call.node;
  let result: TextOnlyUse | null = null;
  for (const variable of errorVariablesAround(context, node)) {
    let textOnly: TextOnlyUse | null = null;
    for (const ref of variable.references) {
      if (!contains(node, ref.identifier)) continue;
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
      const use = classifyErrorMention(ref.identifier);
      // The error object or its stack reaches the logger: nothing is lost.
      if (use.kind === 'whole') return null;
      if (use.kind === 'text') textOnly ??= { variable, use: use.node, form: use.form };
    }
    // The exceptions read the surrounding code: ask only about a text-only mention.
    if (textOnly && !result && !losesNothing(context, variable, node, reportExpected)) result = textOnly;
  }
  return result;
}

/**
 * Whether a text-only log of `variable` at `log` loses nothing worth keeping: the stack travels
 * on or is recorded beside it, or the failure is one whose message is the whole story.
 * `handedTo` is the helper call this log is judged at (see `helperLosesNothing`).
 */
function losesNothing(context: Context, variable: TSESLint.Scope.Variable, log: TSESTree.CallExpression, reportExpected: boolean, handedTo?: TSESTree.CallExpression): boolean {
  // Rethrown or handed on: the stack travels with it and is logged where it lands.
  if (isPassedOn(variable, handedTo)) return true;
  // The same handler records the object or its stack (a reporter, `logger.error(e.stack)`).
  if (isRecordedBeside(context, variable, log)) return true;
  // An expected failure: the log sits in the branch that named its class or code.
  if (isInExpectedErrorBranch(variable, log)) return true;
  const tryBlock = caughtFrom(variable);
  if (tryBlock) {
    // A try that only parses or formats a value in hand: the message names the bad input.
    if (isParseOnly(context, tryBlock)) return true;
    // The emitter's 'error' listener logs the whole error of the call that failed.
    if (isRecordedByErrorListener(context, tryBlock)) return true;
    if (!reportExpected && (isHandleRelease(context, tryBlock) || isCredentialCheck(context, tryBlock))) return true;
  }
  // A same-file helper given the error (`catch (err) { this._handleFormatError(err) }`) is judged where it is given it.
  return handedTo === undefined && helperLosesNothing(context, variable, reportExpected);
}

function isPassedOn(variable: TSESLint.Scope.Variable, except?: TSESTree.CallExpression): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (except && parent === except) return false;
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
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      // `${err.stack}` / 'failed: ' + err.stack: the stack text, message included, reaches the call.
      parent.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+')
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

/** The `try` block whose catch clause binds `variable`, or null. */
function caughtFrom(variable: TSESLint.Scope.Variable): TSESTree.BlockStatement | null {
  const def = variable.defs[0];
  if (def?.type !== 'CatchClause') return null;
  const tryStatement = def.node.parent;
  return tryStatement?.type === AST_NODE_TYPES.TryStatement ? tryStatement.block : null;
}

/** Methods that parse or format a value in hand: `JSON.parse`, `yaml.parse`, `qs.parse`, `msg.format(bindings)`. */
const PARSE_METHODS = new Set(['parse', 'format', 'decode', 'deserialize', 'unserialize']);

/**
 * Every call in the try block parses or formats a value in hand (`JSON.parse(body)`,
 * `yaml.parse(text)`, `msg.format(bindings)`), with no `new`, `await`, `throw` or function
 * inside. The error's message names the bad input; its stack only points into the parser.
 * A method of `this` is the app's own code and may do anything: it does not count.
 */
function isParseOnly(context: Context, block: TSESTree.BlockStatement): boolean {
  let parses = 0;
  let other = false;
  walkTree(
    block,
    (node) => {
      if (other) return;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          const callee = skipTransparent(node.callee);
          const path = getCalleePath(node);
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
          const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
          const parse =
            (path !== null && /^(?:\w+\.)*JSON\.parse$/u.test(path)) ||
            (method !== null && PARSE_METHODS.has(method) && receiver !== null && receiver.type !== AST_NODE_TYPES.ThisExpression);
          if (parse) parses++;
          else other = true;
          return;
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
          if (isFunctionNode(node)) other = true;
      }
    },
    context.sourceCode.visitorKeys,
  );
  return parses > 0 && !other;
}

/** The calls of a try block that do work (logs aside), not entering nested functions. */
function workCalls(context: Context, block: TSESTree.BlockStatement): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walkSameFunction(
    block,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      if (getLoggerCall(context, node) !== null) return false;
      calls.push(node);
      return true;
    },
    context.sourceCode.visitorKeys,
  );
  return calls;
}

/**
 * Every call in the try block is a method of one emitter variable (`await client.connect()`), and
 * that emitter's `'error'` listener in this file logs or reports the whole error
 * (`client.on('error', (err) => log.error('redis error', { error: err }))`): the failure is
 * recorded there with its stack, and the catch's text line is a second record.
 */
function isRecordedByErrorListener(context: Context, block: TSESTree.BlockStatement): boolean {
  const calls = workCalls(context, block);
  if (calls.length === 0) return false;
  let emitter: TSESLint.Scope.Variable | null = null;
  for (const call of calls) {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const receiver = skipTransparent(callee.object);
    if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(context, receiver);
    if (!variable || (emitter && variable !== emitter)) return false;
    emitter = variable;
  }
  return emitter !== null && emitter.references.some((ref) => isLoggingErrorListener(context, ref.identifier));
}

const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);

/** `emitter.on('error', (err) => logger.error(…, err))`: a listener that records the whole error. */
function isLoggingErrorListener(context: Context, id: TSESTree.Node): boolean {
  const member = id.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) return false;
  const method = getPropertyName(member);
  const call = member.parent;
  if (method === null || !LISTEN_METHODS.has(method) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const [event, listener] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'error' || !listener || !isFunctionNode(listener)) return false;
  const param = listener.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, param);
  return (
    variable !== null &&
    variable.references.some((ref) => {
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier || classifyErrorMention(ref.identifier).kind !== 'whole') return false;
      const owner = argumentOwner(ref.identifier);
      return owner !== null && getEnclosingFunction(owner) === listener && (getLoggerCall(context, owner) !== null || isErrorReporterCall(context, owner));
    })
  );
}

/** Methods that let go of a handle: a response, stream, socket, connection or client. */
const RELEASE_METHODS = new Set(['end', 'close', 'destroy', 'disconnect', 'quit', 'release', 'terminate', 'abort', 'unref', 'unsubscribe', 'removeAllListeners']);

/**
 * Every call in the try block releases a handle (`res.end()`, `socket.destroy()`, `await
 * pool.end()`): the message says why (already closed, client gone) and the stack only points
 * into the stream or driver. Removing files is not releasing: `fs.rm(dir)` stays reported.
 */
function isHandleRelease(context: Context, block: TSESTree.BlockStatement): boolean {
  const calls = workCalls(context, block);
  return (
    calls.length > 0 &&
    calls.every((call) => {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getPropertyName(callee);
      return method !== null && RELEASE_METHODS.has(method);
    })
  );
}

/** A call that checks a credential: `bind`, `compare`, `verify…`, `valid…`, `check…`, `authenticate…`, `login`, `signIn`. */
const CHECK_METHOD = /^(?:bind|compare|compareSync|verify\w*|valid\w*|check\w*|authenticate\w*|login|logIn|signIn)$/u;
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd']);

/**
 * The try block checks a password (`await client.bind(dn, password)`, `await this.validUser(dn,
 * password)`, `bcrypt.compare(password, hash)`) and awaits nothing else: a failure is the answer
 * to that check (invalid credentials, server unreachable) and its message says which.
 */
function isCredentialCheck(context: Context, block: TSESTree.BlockStatement): boolean {
  const calls = workCalls(context, block);
  const checks = calls.filter((call) => {
    const path = getCalleePath(call);
    if (path === null || !CHECK_METHOD.test(lastSegment(path))) return false;
    return call.arguments.some((arg) => {
      const a = skipTransparent(arg);
      const name = a.type === AST_NODE_TYPES.Identifier ? a.name : a.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(a) : null;
      return name !== null && identifierWords(name).some((w) => PASSWORD_WORDS.has(w));
    });
  });
  return checks.length > 0 && calls.every((call) => checks.includes(call) || !isAwaited(call));
}

/**
 * `variable` is a parameter of a same-file helper (`_handleFormatError(err) { logging.error(err.message) }`)
 * and every call of the helper in this file hands it a caught error whose text-only log would lose
 * nothing there. A helper with no call in this file, or used other than by a call, stays reported.
 */
function helperLosesNothing(context: Context, variable: TSESLint.Scope.Variable, reportExpected: boolean): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  const fn = def.node;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  if (index < 0) return false;
  const calls = sameFileCalls(context, fn);
  if (!calls || calls.length === 0) return false;
  return calls.every((call) => {
    const arg = call.arguments[index];
    if (arg?.type !== AST_NODE_TYPES.Identifier) return false;
    const given = findVariable(context, arg);
    return given !== null && caughtFrom(given) !== null && losesNothing(context, given, call, reportExpected, call);
  });
}

const classCalls = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.CallExpression[] | null>>();

/**
 * The calls of a same-file function: `f(…)` for a declaration or `const f = …`, `this.f(…)` for a
 * class method. Null when it is used otherwise too (passed as a callback, exported, bound).
 */
function sameFileCalls(context: Context, fn: AnyFunction): TSESTree.CallExpression[] | null {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === fn)) {
    if (parent.computed || parent.static || parent.parent.type !== AST_NODE_TYPES.ClassBody) return null;
    const name = getPropertyName(parent);
    if (name === null) return null;
    return methodCalls(context, parent.parent).get(name) ?? null;
  }
  let variable: TSESLint.Scope.Variable | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id && parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration && parent?.type !== AST_NODE_TYPES.ExportDefaultDeclaration) {
    variable = findVariable(context, fn.id);
  } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier && parent.parent.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration) {
    variable = findVariable(context, parent.id);
  }
  if (!variable) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    if (ref.init) continue;
    const p = ref.identifier.parent;
    if (p?.type !== AST_NODE_TYPES.CallExpression || p.callee !== ref.identifier) return null;
    calls.push(p);
  }
  return calls;
}

/** `this.name(…)` calls in a class body, per method name; null for a name also used other than as a callee. */
function methodCalls(context: Context, body: TSESTree.ClassBody): Map<string, TSESTree.CallExpression[] | null> {
  const cached = classCalls.get(body);
  if (cached) return cached;
  const map = new Map<string, TSESTree.CallExpression[] | null>();
  walkTree(
    body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || node.computed) return;
      const name = getPropertyName(node);
      if (name === null) return;
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
        const list = map.get(name);
        if (list !== null) map.set(name, [...(list ?? []), parent]);
      } else {
        map.set(name, null);
      }
    },
    context.sourceCode.visitorKeys,
  );
  classCalls.set(body, map);
  return map;
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
      if (first?.type === AST_NODE_TYPES.Identifier && (ERROR_PARAM.test(first.name) || isRejectionHandler(current) || isErrorMiddleware(context, current, first))) {
        const v = findVariable(context, first);
        if (v) out.push(v);
      }
    }
    current = current.parent;
  }
  return out;
}

/**
 * `(e, req, res, next)` as the framework recognition sees it (registered, or named like one): not
 * any function of four parameters (`scheduleRetry(key, operation, backoff, attempt)`).
 */
function isErrorMiddleware(context: Context, fn: AnyFunction, first: TSESTree.Identifier): boolean {
  const info = getHandlerInfo(context, fn);
  return info?.kind === 'error-handler' && info.error === first;
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
