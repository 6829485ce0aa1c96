import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  type Context,
  findVariable,
  getCalleePath,
  getMemberPath,
  getNumberValue,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  walkSameFunction,
} from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import { envComparisonMeansDevelopment } from '../model/environment.js';
import { isHandoffCall } from '../model/errors.js';
import { indentUnit, lineIndent } from '../fixes/edits.js';
import { type LogTarget, buildLogCall } from '../fixes/log-call.js';
import { failureMessage } from '../fixes/log-message.js';
import { logTargetAt, targetSetupFixes } from '../fixes/log-target.js';
import { type HandlerInfo, findEnclosingHandler, getHandlerInfo } from '../model/handlers.js';
import { getLoggerCall } from '../model/loggers.js';
import { type ResponseSink, getResponseSink, getReturnSink } from '../model/responses.js';

export type Options = [];
export type MessageIds = 'detailsInResponse' | 'sendGeneric';

type LeakForm = 'message' | 'stack' | 'whole' | 'string';

interface Leak {
  form: LeakForm;
  /** Where the error is read (`err.message`). */
  read: TSESTree.Node;
  /** The expression inside the sink's payload that carries it (the read, or a variable holding it). */
  use: TSESTree.Node;
  /** Every node whose guards count: the read, the writes of variables it passed through, the use. */
  sites: TSESTree.Node[];
  error: TSESLint.Scope.Variable;
}

const ERROR_PARAM = /^(?:err|error|exception|ex)$/u;
const RESPONSE_PARAM = /^_?(?:res|resp|response|reply|rep|ctx|c)$/u;
/** Error classes whose message is not written for clients: built-ins, database and HTTP-client errors. */
const INTERNAL_ERROR_CLASS =
  /^(?:Error|EvalError|RangeError|ReferenceError|TypeError|URIError|AggregateError|DOMException|SystemError)$|^(?:Mongo|Mongoose|Sequelize|Prisma|QueryFailed|Database|Db|DB|Sql|SQL|Pg|Postgres|Mysql|MySQL|Redis|Knex|TypeORM|Typeorm|Entity|Axios|Fetch|Got|Driver|Connection|Timeout)/u;
const INTERNAL_ERROR_CHECK = /^is(?:Native)?Error$|^is(?:Axios|Mongo|Mongoose|Prisma|Sequelize|Database|Db|Sql|Pg|Knex|TypeORM|QueryFailed|Fetch|System)/u;
/** Flags on an error that say its message was written for the client (http-errors, Boom, app errors). */
const CLIENT_FLAGS = new Set(['expose', 'isOperational', 'isPublic', 'isClientError', 'isBoom', 'isJoi', 'status', 'statusCode', 'isHttpError', 'isAppError']);
const STATUS_NAME = /(?:^|[a-z_])(?:status|Status|statusCode|StatusCode|httpStatus)$|^status$/u;
/** Helpers that turn an error into text: `getErrorMessage`, `errorToString`, `toErrorText`, `formatErrorMessage`. */
const ERROR_TEXT_HELPER = /^(?:get|to|format|extract|read|stringify)?Err(?:or)?(?:Message|Text|String|Details?|Description)$|^err(?:or)?To(?:String|Text|Message)$/iu;
const DEV_FLAG = /^(?:is|show|expose|with|include)?_?(?:dev|development|debug|local|test|stack|stacks|errorDetails|details|verbose)(?:_?(?:mode|env|environment|enabled|errors|traces))?$|^__DEV__$/iu;
const PROD_FLAG = /^(?:is)?_?(?:prod|production)(?:_?(?:mode|env|environment))?$/iu;
/** Calls in a `try` whose failure speaks about the client's input (`schema.parse(req.body)`). */
const VALIDATION_CALLS = /^(?:parse|parseAsync|validate|validateAsync|validateSync|validateOrReject|assert|verify|decode)$/u;

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const FORM_TEXT: Record<LeakForm, (name: string) => string> = {
  message: (name) => `\`${name}.message\` of an error this code did not create`,
  stack: (name) => `The stack trace \`${name}.stack\``,
  whole: (name) => `The whole error object \`${name}\``,
  string: (name) => `The text of \`${name}\` (its class and message)`,
};

export default createRule<Options, MessageIds>({
  name: 'no-error-details-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending error messages, stacks or error objects of unexpected errors to the client',
      recommended: 'recommended',
      cwe: ['CWE-209'],
      owasp: ['A10:2025'],
    },
    hasSuggestions: true,
    messages: {
      detailsInResponse:
        '{{what}} is sent to the client by {{sink}}. It can reveal internals (SQL, file paths, hosts, library versions) to an attacker. Send a generic message{{idHint}} and log the error on the server.',
      sendGeneric: "Send '{{generic}}'{{idHint}} instead{{logHint}}.",
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;

    const checkSink = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression) => check(getResponseSink(context, node));
    const check = (sink: ResponseSink | null) => {
      if (!sink) return;
      const leaks: Leak[] = [];
      for (const payload of sink.payload) collectLeaks(context, payload, sink, leaks);
      const open = leaks.filter((leak) => !isGuarded(context, leak));
      if (open.length === 0) return;
      const first = open[0]!;
      const requestId = findRequestId(context, sink.node);
      const generic = genericMessage(sink);
      const log = planLog(context, sink, first);
      const idHint = requestId ? ` with the request id (\`${requestId}\`)` : '';
      context.report({
        node: first.use,
        messageId: 'detailsInResponse',
        data: { what: FORM_TEXT[first.form](first.error.name), sink: sink.description, idHint: requestId ? ' with a request id' : '' },
        suggest: [
          {
            messageId: 'sendGeneric',
            data: { generic, idHint, logHint: log ? ', and log the error on the server' : '' },
            fix: (fixer) => buildFix(fixer, sink, open, generic, requestId, log),
          },
        ],
      });
    };

    return {
      CallExpression: checkSink,
      NewExpression: checkSink,
      AssignmentExpression: checkSink,
      ReturnStatement: (node) => check(getReturnSink(context, node)),
      'ArrowFunctionExpression[expression=true]'(node: TSESTree.ArrowFunctionExpression) {
        check(getReturnSink(context, node.body as TSESTree.Expression));
      },
    };

    function insertLog(fixer: TSESLint.RuleFixer, log: LogPlan): TSESLint.RuleFix[] {
      const anchor = log.anchor;
      const parent = anchor.parent!;
      const unit = indentUnit(context);
      // Insertions only, so they never overlap the replacements inside the statement.
      if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        // .catch((err) => res.status(500).json(…)) → a block that logs, then returns the same value
        const indent = lineIndent(context, parent);
        const range = rangeWithParens(anchor);
        return [
          fixer.insertTextBeforeRange(range, `{\n${indent}${unit}${log.text}\n${indent}${unit}return `),
          fixer.insertTextAfterRange(range, `;\n${indent}}`),
        ];
      }
      if (parent.type === AST_NODE_TYPES.IfStatement) {
        // if (err) return res.status(500).send(err); → braces, so the log runs on that branch only
        return [fixer.insertTextBefore(anchor, `{ ${log.text} `), fixer.insertTextAfter(anchor, ' }')];
      }
      const line = sourceCode.lines[anchor.loc.start.line - 1] ?? '';
      const before = line.slice(0, anchor.loc.start.column);
      if (/^\s*$/u.test(before)) return [fixer.insertTextBefore(anchor, `${log.text}\n${before}`)];
      return [fixer.insertTextBefore(anchor, `${log.text} `)];
    }

    /** An arrow body's range with its parentheses (`=> ({ … })`). */
    function rangeWithParens(node: TSESTree.Node): TSESTree.Range {
      const before = sourceCode.getTokenBefore(node);
      const after = sourceCode.getTokenAfter(node);
      if (before?.value === '(' && after?.value === ')' && sourceCode.getTokenBefore(before)?.value === '=>') return [before.range[0], after.range[1]];
      return node.range;
    }

    function buildFix(
      fixer: TSESLint.RuleFixer,
      sink: ResponseSink,
      leaks: readonly Leak[],
      generic: string,
      requestId: string | null,
      log: LogPlan | null,
    ): TSESLint.RuleFix[] {
      const fixes: TSESLint.RuleFix[] = [];
      const done = new Set<TSESTree.Node>();
      const idObjects = new Set<TSESTree.ObjectExpression>();
      for (const leak of leaks) {
        const target = replacementTarget(leak.use, sink);
        if (done.has(target)) continue;
        // A target inside another replaced one is gone with it.
        if ([...done].some((d) => d.range[0] <= target.range[0] && target.range[1] <= d.range[1])) continue;
        done.add(target);
        const parent = target.parent;
        if (parent?.type === AST_NODE_TYPES.Property && parent.value === target) {
          const key = sourceCode.getText(parent.key);
          fixes.push(
            parent.shorthand
              ? fixer.replaceText(parent, `${parent.computed ? `[${key}]` : key}: ${quote(generic)}`)
              : fixer.replaceText(target, quote(generic)),
          );
          if (parent.parent.type === AST_NODE_TYPES.ObjectExpression) idObjects.add(parent.parent);
        } else if (parent?.type === AST_NODE_TYPES.SpreadElement) {
          fixes.push(fixer.remove(parent));
          const after = sourceCode.getTokenAfter(parent);
          if (after?.value === ',') fixes.push(fixer.remove(after));
        } else if (sink.payload.includes(target as TSESTree.Expression) && (sink.kind === 'json' || sink.kind === 'body')) {
          const id = requestId ? `, requestId: ${requestId}` : '';
          fixes.push(fixer.replaceText(target, `{ error: ${quote(generic)}${id} }`));
        } else {
          fixes.push(fixer.replaceText(target, quote(generic)));
        }
      }
      if (requestId) {
        for (const object of idObjects) {
          const keys = object.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? getPropertyName(p) : null));
          if (keys.some((k) => k !== null && /^(?:requestId|requestID|correlationId|traceId|reqId)$/u.test(k))) continue;
          const last = object.properties[object.properties.length - 1]!;
          const after = sourceCode.getTokenAfter(last)!;
          fixes.push(after.value === ',' ? fixer.insertTextAfter(after, ` requestId: ${requestId}`) : fixer.insertTextAfter(last, `, requestId: ${requestId}`));
        }
      }
      if (log) {
        fixes.push(...insertLog(fixer, log));
        fixes.push(...targetSetupFixes(context, fixer, log.target));
      }
      return fixes;
    }
  },
});

function quote(text: string): string {
  return `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

function genericMessage(sink: ResponseSink): string {
  const status = sink.status;
  if (status !== null && REASON[status]) return REASON[status]!;
  return 'Internal Server Error';
}

/**
 * What the fix replaces for a leak: the leak itself, widened over the expressions that only
 * wrap or fall back around it (`err.message || 'Error'`, `` `Failed: ${err.message}` ``,
 * `JSON.stringify(err)`), up to a property value or the sink's argument.
 */
function replacementTarget(use: TSESTree.Node, sink: ResponseSink): TSESTree.Node {
  let node = use;
  for (;;) {
    if (sink.payload.includes(node as TSESTree.Expression)) return node;
    const parent = node.parent;
    if (!parent) return node;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&') ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && /^(?:JSON\.stringify|String|util\.inspect|inspect|serializeError)$/u.test(getCalleePath(parent) ?? '')) ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node)
    ) {
      node = parent;
      continue;
    }
    return node;
  }
}

// ---------------------------------------------------------------------------
// Which errors are unknown
// ---------------------------------------------------------------------------

/** The caught error an identifier refers to (a catch binding, an error handler's or rejection handler's error, an alias of one). */
function unknownErrorOf(context: Context, id: TSESTree.Identifier, depth = 0): TSESLint.Scope.Variable | null {
  if (depth > 4) return null;
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (def.type === 'CatchClause') {
    return def.node.param === def.name ? variable : null;
  }
  if (def.type === 'Parameter') {
    const fn = def.node as AnyFunction;
    if (!isFunctionNode(fn)) return null;
    const index = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name) || (p.type === AST_NODE_TYPES.TSParameterProperty && p.parameter === def.name));
    if (index === -1) return null;
    const info = getHandlerInfo(context, fn);
    if (info?.error === def.name) return catchesOnlyClientErrors(info) ? null : variable;
    if (index === 0 && isRejectionHandler(fn)) return variable;
    if (def.name.type !== AST_NODE_TYPES.Identifier || !ERROR_PARAM.test(def.name.name)) return null;
    // sendError(res, error: AppError): the signature says which errors come here.
    if (isClientErrorType(def.name)) return null;
    // sendError(res, 'Invalid email'), fail(res, t('errors.notFound')): text the handler was given to send.
    if (isTextParameter(context, fn, index)) return null;
    // (err, data) => … and upload(req, res, (err) => …) callbacks, and helpers like sendError(res, err)
    if (index === 0 && isCallbackArgument(fn)) return variable;
    return fn.params.some((p) => p.type === AST_NODE_TYPES.Identifier && RESPONSE_PARAM.test(p.name)) ? variable : null;
  }
  if (def.type === 'Variable' && def.node.id === def.name && def.node.init && def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === 'const') {
    // const e = err as Error; const error = err instanceof Error ? err : new Error(String(err))
    const init = skipTransparent(def.node.init);
    const candidates = init.type === AST_NODE_TYPES.ConditionalExpression ? [init.consequent, init.alternate] : [init];
    for (const c of candidates) {
      const n = skipTransparent(c);
      if (n.type === AST_NODE_TYPES.Identifier) {
        const aliased = unknownErrorOf(context, n, depth + 1);
        if (aliased) return aliased;
      }
    }
  }
  return null;
}

/** A parameter annotated with an error class of the app's own (`error: AppError`, `err: HttpException`). */
function isClientErrorType(id: TSESTree.Identifier): boolean {
  const type = id.typeAnnotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? qualifiedName(type.typeName) : '';
  return /(?:Error|Exception)$/u.test(name) && !isInternalErrorClass(name);
}

function qualifiedName(name: TSESTree.EntityName): string {
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return `${qualifiedName(name.left)}.${name.right.name}`;
  return '';
}

/** Namespaces whose error classes carry server internals: Node's, the runtime's, database and HTTP clients. */
const INTERNAL_NAMESPACE = /^(?:globalThis|global|window|self|util|Mongo|Mongoose|Sequelize|Prisma|Pg|Postgres|Mysql|Redis|Knex|TypeORM|Typeorm|Axios|Got|Undici|Fetch|Db|Database|Sql|ioredis|grpc)$/iu;

/**
 * `Error`, `TypeError`, `MongoServerError`, `Prisma.PrismaClientKnownRequestError`: internal.
 * A namespace's own class named like a built-in (`Parse.Error`, `errors.Error`) is that
 * library's or app's error type, written for clients, unless the namespace is an internal one.
 */
function isInternalErrorClass(path: string): boolean {
  const segments = path.split('.');
  const last = segments[segments.length - 1]!;
  if (segments.length === 1) return INTERNAL_ERROR_CLASS.test(last);
  if (segments.slice(0, -1).some((s) => INTERNAL_NAMESPACE.test(s.replace(/^_+/u, '')) || INTERNAL_ERROR_CLASS.test(s))) return true;
  return INTERNAL_ERROR_CLASS.test(last) && !/^(?:Error|EvalError|RangeError|ReferenceError|TypeError|URIError|AggregateError)$/u.test(last);
}

/** Translation helpers: `t('key')`, `req.t(…)`, `i18n.__(…)`, `intl.formatMessage(…)`, Ghost's `tpl(messages.x)`. */
const TRANSLATE = /^(?:t|__|__n|translate|formatMessage|tpl|i18n|localize|gettext|_)$/u;

/**
 * A parameter that holds text, not an error: typed `string` (or a string-literal union), defaulting
 * to a string, or given only text (a literal, a template, a translation) by every call in this file.
 * A function passed or exported elsewhere may get anything, so it needs the type or the default.
 */
function isTextParameter(context: Context, fn: AnyFunction, index: number): boolean {
  const param = fn.params[index]!;
  const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && isTextValue(context, param.right)) return true;
  const type = id.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (type) return isTextType(type);
  const variable = functionVariable(context, fn);
  if (!variable || variable.references.length === 0) return false;
  return variable.references.every((ref) => {
    const call = ref.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier) return false;
    const arg = call.arguments[index];
    return arg !== undefined && arg.type !== AST_NODE_TYPES.SpreadElement && isTextValue(context, arg);
  });
}

function isTextType(type: TSESTree.TypeNode): boolean {
  if (type.type === AST_NODE_TYPES.TSStringKeyword) return true;
  if (type.type === AST_NODE_TYPES.TSLiteralType) return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === 'string';
  if (type.type === AST_NODE_TYPES.TSTemplateLiteralType) return true;
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.every((t) => isTextType(t) || t.type === AST_NODE_TYPES.TSUndefinedKeyword);
  // type ErrorKey = 'auth.expired' | …, MessageKey, TranslationKey: names of client-facing text.
  return type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && /(?:Key|Message|Text|Label)$/u.test(type.typeName.name);
}

/** A string literal, a template without a caught error in it, or a translation. */
function isTextValue(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return typeof n.value === 'string';
  if (n.type === AST_NODE_TYPES.TemplateLiteral) {
    return n.expressions.every((e) => {
      const x = skipTransparent(e);
      return !(x.type === AST_NODE_TYPES.Identifier && unknownErrorOf(context, x)) && !(x.type === AST_NODE_TYPES.MemberExpression && x.object.type === AST_NODE_TYPES.Identifier && unknownErrorOf(context, x.object));
    });
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(n);
    return path !== null && TRANSLATE.test(lastSegment(path));
  }
  return false;
}

/** The variable naming a function: `function sendError(…)`, `const sendError = (…) => …`. */
function functionVariable(context: Context, fn: AnyFunction): TSESLint.Scope.Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return context.sourceCode.getDeclaredVariables(fn)[0] ?? null;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    return context.sourceCode.getDeclaredVariables(parent)[0] ?? null;
  }
  return null;
}

function isRejectionHandler(fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

function isCallbackArgument(fn: AnyFunction): boolean {
  return fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument);
}

/** A Nest filter declared for client-facing exceptions only: `@Catch(HttpException)`, `@Catch(ValidationError)`. */
function catchesOnlyClientErrors(info: HandlerInfo): boolean {
  if (info.framework !== 'nest' || info.kind !== 'filter') return false;
  const cls = info.fn.parent?.parent?.parent;
  if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) return false;
  for (const decorator of cls.decorators ?? []) {
    const expr = decorator.expression;
    if (expr.type !== AST_NODE_TYPES.CallExpression || getMemberPath(expr.callee) !== 'Catch') continue;
    if (expr.arguments.length === 0) return false;
    return expr.arguments.every((a) => {
      const path = getMemberPath(a);
      return path !== null && !isInternalErrorClass(path);
    });
  }
  return false;
}

// ---------------------------------------------------------------------------
// What the payload carries
// ---------------------------------------------------------------------------

function collectLeaks(context: Context, payload: TSESTree.Node, sink: ResponseSink, out: Leak[]): void {
  const seen = new Set<TSESTree.Node>();
  const visit = (raw: TSESTree.Node, use: TSESTree.Node | null, sites: readonly TSESTree.Node[], depth: number): void => {
    if (depth > 6 || seen.has(raw)) return;
    seen.add(raw);
    const n = skipTransparent(raw);
    const at = use ?? raw;
    const leak = (form: LeakForm, read: TSESTree.Node, error: TSESLint.Scope.Variable) =>
      out.push({ form, read, use: at, sites: [...sites, read, at], error });
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const error = unknownErrorOf(context, n);
        if (error) {
          // Fastify's reply.send(err) hands the error to the error handler.
          if (!(sink.receiver && /^_?(?:reply|rep)$/u.test(sink.receiver.name) && sink.payload.includes(raw as TSESTree.Expression))) leak('whole', raw, error);
          return;
        }
        const destructured = destructuredCatchField(context, n);
        if (destructured) {
          leak(destructured.form, raw, destructured.error);
          return;
        }
        // A variable holding it: const message = err.message; let body = …
        const variable = findVariable(context, n);
        if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return;
        const def = variable.defs[0]!;
        if (def.node.id !== def.name) return;
        const writes: TSESTree.Node[] = [];
        if (def.node.init) writes.push(def.node.init);
        for (const ref of variable.references) {
          const parent = ref.identifier.parent;
          if (!ref.init && ref.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) writes.push(parent.right);
        }
        for (const write of writes) visit(write, at, [...sites, write], depth + 1);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const object = skipTransparent(n.object);
        if (object.type !== AST_NODE_TYPES.Identifier) return;
        const error = unknownErrorOf(context, object);
        if (!error) return;
        const name = getPropertyName(n);
        if (name === 'message' || name === 'stack') leak(name, n, error);
        return;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        for (const e of n.expressions) visitText(e);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') {
          visitText(n.left);
          visitText(n.right);
        }
        return;
      case AST_NODE_TYPES.ObjectExpression:
        for (const prop of n.properties) {
          if (prop.type === AST_NODE_TYPES.Property) visit(prop.value, null, sites, depth + 1);
          else visit(prop.argument, null, sites, depth + 1);
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const e of n.elements) if (e) visit(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e, null, sites, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        visit(n.consequent, use, sites, depth + 1);
        visit(n.alternate, use, sites, depth + 1);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        visit(n.left, use, sites, depth + 1);
        visit(n.right, use, sites, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression: {
        const path = getCalleePath(n);
        const arg = n.arguments[0];
        const callee = skipTransparent(n.callee);
        // String(err), err.toString()
        if (path === 'String' && arg) {
          const error = errorIdentifier(arg);
          if (error) leak('string', n, error);
          else visit(arg, use, sites, depth + 1);
          return;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'toString') {
          const error = errorIdentifier(callee.object);
          if (error) leak('string', n, error);
          return;
        }
        // getErrorMessage(e), errorToString(e), toErrorText(e): the app's own helpers that turn a caught error into text
        if (path !== null && ERROR_TEXT_HELPER.test(lastSegment(path))) {
          for (const a of n.arguments) {
            const error = a.type === AST_NODE_TYPES.SpreadElement ? null : errorIdentifier(a);
            if (error) {
              leak('string', n, error);
              return;
            }
          }
        }
        if (path !== null && /^(?:JSON\.stringify|util\.inspect|inspect|serializeError|util\.format|format)$/u.test(path)) {
          for (const a of n.arguments) if (a.type !== AST_NODE_TYPES.SpreadElement) visit(a, use, sites, depth + 1);
        }
        return;
      }
      default:
        return;
    }

    function visitText(e: TSESTree.Node): void {
      const error = errorIdentifier(e);
      if (error) leak('string', e, error);
      else visit(e, use, sites, depth + 1);
    }
  };
  const errorIdentifier = (node: TSESTree.Node): TSESLint.Scope.Variable | null => {
    const n = skipTransparent(node);
    return n.type === AST_NODE_TYPES.Identifier ? unknownErrorOf(context, n) : null;
  };
  visit(payload, null, [], 0);
}

/** `catch ({ message })`: a field read straight off the caught error. */
function destructuredCatchField(context: Context, id: TSESTree.Identifier): { form: LeakForm; error: TSESLint.Scope.Variable } | null {
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'CatchClause' || def.node.param === def.name) return null;
  const prop = def.name.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.parent?.type !== AST_NODE_TYPES.ObjectPattern || prop.parent !== def.node.param) return null;
  const key = getPropertyName(prop);
  return key === 'message' || key === 'stack' ? { form: key, error: variable } : null;
}

// ---------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------

interface Condition {
  test: TSESTree.Expression;
  /** Whether the test is true where the node runs. */
  holds: boolean;
}

function isGuarded(context: Context, leak: Leak): boolean {
  if (isValidationCatch(context, leak.error)) return true;
  if (leak.sites.some((site) => normalisedBefore(context, site, leak.error))) return true;
  return leak.sites.some((site) => conditionsAt(site).some((c) => impliesSafe(context, c.test, c.holds, leak.error)));
}

/**
 * An error handler that has normalised the error into the app's own classes before it reads it:
 * `if (!isGhostError(err)) { if (err.statusCode === 404) err = new NotFoundError(…); else … }`.
 * One branch of an earlier `if` in an enclosing block keeps errors of the app's class (the test
 * says so, as a guard would), and the other replaces the error with `new AppError(…)`.
 */
function normalisedBefore(context: Context, site: TSESTree.Node, error: TSESLint.Scope.Variable): boolean {
  let child: TSESTree.Node = site;
  let parent = site.parent;
  while (parent && !isFunctionNode(parent)) {
    const list = parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : null;
    if (list) {
      for (const statement of list) {
        if (statement === child) break;
        if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
        if (impliesSafe(context, statement.test, false, error) && replacesWithClientError(context, statement.consequent, error)) return true;
        if (statement.alternate && impliesSafe(context, statement.test, true, error) && replacesWithClientError(context, statement.alternate, error)) return true;
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** `err = new errors.NotFoundError({ … })` somewhere in `branch`: the error is replaced by one of the app's classes. */
function replacesWithClientError(context: Context, branch: TSESTree.Node, error: TSESLint.Scope.Variable): boolean {
  let found = false;
  walkSameFunction(
    branch,
    (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.Identifier) return;
      const right = skipTransparent(node.right);
      if (right.type !== AST_NODE_TYPES.NewExpression || findVariable(context, node.left) !== error) return;
      const path = getMemberPath(right.callee);
      if (path !== null && /(?:Error|Exception)$/u.test(path) && !isInternalErrorClass(path)) found = true;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** The conditions known to hold where `node` runs: enclosing branches and earlier early exits. */
function conditionsAt(node: TSESTree.Node): Condition[] {
  const out: Condition[] = [];
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.consequent === child) out.push({ test: parent.test, holds: true });
        else if (parent.alternate === child) out.push({ test: parent.test, holds: false });
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === child && parent.operator === '&&') out.push({ test: parent.left, holds: true });
        else if (parent.right === child && parent.operator === '||') out.push({ test: parent.left, holds: false });
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (parent.test && parent.consequent.includes(child as TSESTree.Statement) && parent.parent.type === AST_NODE_TYPES.SwitchStatement) {
          out.push({ test: { type: AST_NODE_TYPES.BinaryExpression, operator: '===', left: parent.parent.discriminant, right: parent.test, parent } as unknown as TSESTree.Expression, holds: true });
        }
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        for (const statement of parent.body) {
          if (statement === child) break;
          if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
          const thenExits = exits(statement.consequent);
          const elseExits = statement.alternate ? exits(statement.alternate) : false;
          if (thenExits && !elseExits) out.push({ test: statement.test, holds: false });
          else if (elseExits && !thenExits) out.push({ test: statement.test, holds: true });
        }
        break;
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return out;
}

function exits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body[statement.body.length - 1];
      return !!last && exits(last);
    }
    case AST_NODE_TYPES.IfStatement:
      return exits(statement.consequent) && !!statement.alternate && exits(statement.alternate);
    default:
      return false;
  }
}

/** Whether `test` being `holds` means the details are safe to send: not production, or an error written for the client. */
function impliesSafe(context: Context, raw: TSESTree.Node, holds: boolean, error: TSESLint.Scope.Variable): boolean {
  const test = skipTransparent(raw);
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return test.operator === '!' && impliesSafe(context, test.argument, !holds, error);
    case AST_NODE_TYPES.LogicalExpression:
      if (test.operator === '&&') {
        return holds
          ? impliesSafe(context, test.left, true, error) || impliesSafe(context, test.right, true, error)
          : impliesSafe(context, test.left, false, error) && impliesSafe(context, test.right, false, error);
      }
      if (test.operator === '||') {
        return holds
          ? impliesSafe(context, test.left, true, error) && impliesSafe(context, test.right, true, error)
          : impliesSafe(context, test.left, false, error) || impliesSafe(context, test.right, false, error);
      }
      return false;
    case AST_NODE_TYPES.BinaryExpression:
      return binarySafe(context, test, holds, error);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
      return flagSafe(context, test, holds, error);
    default:
      return false;
  }
}

function flagSafe(context: Context, test: TSESTree.Identifier | TSESTree.MemberExpression | TSESTree.CallExpression, holds: boolean, error: TSESLint.Scope.Variable): boolean {
  if (test.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(test);
    if (path === null) return false;
    const name = lastSegment(path);
    // isHttpError(err), Boom.isBoom(err), isValidationError(err)
    if (holds && /^is[A-Z]\w*$/u.test(name) && !INTERNAL_ERROR_CHECK.test(name) && test.arguments.some((a) => refersTo(context, a, error))) return true;
    // isDev(), isProduction()
    return test.arguments.length === 0 && ((holds && DEV_FLAG.test(name)) || (!holds && PROD_FLAG.test(name)));
  }
  if (test.type === AST_NODE_TYPES.MemberExpression && refersTo(context, test.object, error)) {
    const name = getPropertyName(test);
    return holds && name !== null && CLIENT_FLAGS.has(name);
  }
  const path = getMemberPath(test);
  if (path === null) return false;
  const name = lastSegment(path);
  return (holds && DEV_FLAG.test(name)) || (!holds && PROD_FLAG.test(name));
}

function binarySafe(context: Context, test: TSESTree.BinaryExpression, holds: boolean, error: TSESLint.Scope.Variable): boolean {
  const { operator } = test;
  if (test.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
  if (operator === 'instanceof') {
    if (!holds || !refersTo(context, test.left, error)) return false;
    const path = getMemberPath(test.right);
    // A SyntaxError is the client's only when the try parses nothing but what it was given: around
    // `await next()` or a call into other code, any downstream parse (a config file, a stored document) throws it.
    if (path === 'SyntaxError') return tryOnlyParsesInput(context, error);
    return path !== null && !isInternalErrorClass(path);
  }
  const equality = operator === '===' || operator === '==' || operator === '!==' || operator === '!=';
  const equal = operator === '===' || operator === '==' ? holds : !holds;
  // NODE_ENV checks: process.env.NODE_ENV !== 'production', app.get('env') === 'development'
  const development = envComparisonMeansDevelopment(test, holds);
  if (development !== null) return development;
  const literal = getStringValue(test.right) ?? getStringValue(test.left);
  const other = getStringValue(test.right) !== null ? test.left : test.right;
  if (equality && literal !== null) {
    // err.name === 'ValidationError'; switch (err.name) { case 'ValidationError': … }
    if (equal && other.type === AST_NODE_TYPES.MemberExpression && getPropertyName(other) === 'name' && refersTo(context, other.object, error)) {
      return /(?:Error|Exception)$/u.test(literal) && !INTERNAL_ERROR_CLASS.test(literal);
    }
    // err.constructor.name, typeof: not a client signal
    return false;
  }
  // status < 500, err.statusCode >= 500 (else branch)
  const rightNumber = getNumberValue(test.right);
  const leftNumber = getNumberValue(test.left);
  if (rightNumber === null && leftNumber === null) return false;
  const subject = rightNumber !== null ? test.left : test.right;
  const value = rightNumber ?? leftNumber!;
  if (!isStatusExpression(context, subject, error)) return false;
  const op = rightNumber !== null ? operator : flip(operator);
  // The statuses where the test is `holds` are all below 500.
  switch (op) {
    case '<':
      return holds ? value <= 500 : false;
    case '<=':
      return holds ? value < 500 : false;
    case '>':
      return holds ? false : value < 500;
    case '>=':
      return holds ? false : value <= 500;
    case '===':
    case '==':
      return holds ? value < 500 : value === 500;
    case '!==':
    case '!=':
      return holds ? value === 500 : value < 500;
    default:
      return false;
  }
}

function flip(operator: string): string {
  return ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[operator] ?? operator;
}

/** `err.status`, `err.statusCode`, `err.getStatus()`, a `status` variable, `res.statusCode`. */
function isStatusExpression(context: Context, node: TSESTree.Node, error: TSESLint.Scope.Variable): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(n.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'getStatus' && refersTo(context, callee.object, error);
  }
  const path = getMemberPath(n);
  return path !== null && STATUS_NAME.test(lastSegment(path));
}

/** Whether `node` is the error variable or a `const` alias of it. */
function refersTo(context: Context, node: TSESTree.Node, error: TSESLint.Scope.Variable): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, n);
  if (!variable) return false;
  if (variable === error) return true;
  return unknownErrorOf(context, n) === error;
}

/** Arguments of an error the app throws itself: literals, templates and values that are not caught errors. */
function isComposedText(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return true;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return isTextValue(context, n);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return n.properties.every((p) => p.type === AST_NODE_TYPES.Property && isComposedText(context, p.value));
  }
  if (n.type === AST_NODE_TYPES.MemberExpression) return !(n.object.type === AST_NODE_TYPES.Identifier && unknownErrorOf(context, n.object));
  return isTextValue(context, n);
}

/** A catch whose `try` only parses or validates input, or throws errors the app composed: its messages are about the client's own data. */
function isValidationCatch(context: Context, error: TSESLint.Scope.Variable): boolean {
  const def = error.defs[0];
  if (def?.type !== 'CatchClause') return false;
  const tryStatement = def.node.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return false;
  let calls = 0;
  let onlyValidation = true;
  walkSameFunction(
    tryStatement.block,
    (node) => {
      if (!onlyValidation) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return;
      calls++;
      // throw new BadRequestError('start must be before end'): a message the app wrote for the client.
      if (node.type === AST_NODE_TYPES.NewExpression && node.parent?.type === AST_NODE_TYPES.ThrowStatement && node.arguments.every((a) => isComposedText(context, a))) return false;
      const path = getCalleePath(node);
      const callee = skipTransparent(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : path;
      if (method !== null && VALIDATION_CALLS.test(method)) return;
      if (node.type === AST_NODE_TYPES.CallExpression && (getLoggerCall(context, node) || getResponseSink(context, node))) return;
      if (path !== null && /^(?:Number|String|Boolean|parseInt|parseFloat|Array\.isArray|Object\.keys)$/u.test(path)) return;
      onlyValidation = false;
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return onlyValidation && calls > 0;
}

// ---------------------------------------------------------------------------
// Fix helpers
// ---------------------------------------------------------------------------

/** A correlation id the handler can send: Fastify's `request.id`, or `req.id` when the file already uses it. */
function findRequestId(context: Context, node: TSESTree.Node): string | null {
  const handler = findEnclosingHandler(context, node);
  const req = handler?.req;
  if (!handler || !req) return null;
  if (handler.framework === 'fastify') return `${req.name}.id`;
  const text = context.sourceCode.text;
  const used = new RegExp(`(?<![\\w$.])${req.name}\\.id\\b(?!\\s*=[^=])`, 'u').test(text);
  return used ? `${req.name}.id` : null;
}

interface LogPlan {
  /** A statement in a block, a non-block branch body, or an arrow function's expression body. */
  anchor: TSESTree.Node;
  text: string;
  /** The logger the text writes to, with the import or member it needs. */
  target: LogTarget;
}

/** Whether `node` sits where a statement (or an arrow's expression body) goes. */
function isStatementSlot(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.Program:
      return true;
    case AST_NODE_TYPES.IfStatement:
      return parent.consequent === node || parent.alternate === node;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    default:
      return false;
  }
}

/** A server-side log of the error before the statement that sends the response, unless it is logged already. */
function planLog(context: Context, sink: ResponseSink, leak: Leak): LogPlan | null {
  const def = leak.error.defs[0];
  if (def?.type === 'CatchClause' && def.node.param !== def.name) return null;
  // Already logged with the error somewhere in the function that binds it.
  for (const ref of leak.error.references) {
    let parent = ref.identifier.parent;
    while (parent && (parent.type === AST_NODE_TYPES.MemberExpression || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.ObjectExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) parent = parent.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && getLoggerCall(context, parent)) return null;
    // next(err), ctx.app.emit('error', err, ctx): the error is logged where it lands.
    const call = ref.identifier.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(ref.identifier as TSESTree.Expression) && isHandoffCall(call)) return null;
  }
  // The statement that sends the response; the log goes right before it, on the same path.
  let anchor: TSESTree.Node = sink.node;
  while (anchor.parent && !isStatementSlot(anchor)) anchor = anchor.parent;
  const slot = anchor.parent;
  if (!slot) return null;
  const fnBody = isFunctionNode(slot) && slot.body === anchor;
  if (fnBody && anchor.type === AST_NODE_TYPES.BlockStatement) return null;
  const target = logTargetAt(context, anchor);
  // A 4xx answers a failure the code expected (bad input, a miss): notable, not an incident.
  const level = sink.status !== null && sink.status < 500 ? 'warn' : 'error';
  const text = `${buildLogCall(target, { level, message: failureMessage(context, anchor), error: leak.error.name })};`;
  return { anchor, text, target };
}

/** The try block of the catch that binds `error` awaits nothing and calls nothing but `JSON.parse` and pure helpers. */
function tryOnlyParsesInput(context: Context, error: TSESLint.Scope.Variable): boolean {
  const clause = error.defs[0]?.node;
  if (clause?.type !== AST_NODE_TYPES.CatchClause || clause.parent.type !== AST_NODE_TYPES.TryStatement) return false;
  let parses = false;
  let other = false;
  walkSameFunction(
    clause.parent.block,
    (n) => {
      if (other) return false;
      if (n.type === AST_NODE_TYPES.AwaitExpression) other = true;
      else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const path = getCalleePath(n);
        if (path === 'JSON.parse') parses = true;
        else if (path === null || !/^(?:String|Number|Boolean|Buffer\.from|\w+\.(?:toString|trim|slice|replace|split))$/u.test(path)) other = true;
      }
      return !other;
    },
    context.sourceCode.visitorKeys,
  );
  return parses && !other;
}
