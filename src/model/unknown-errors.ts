/**
 * "Is this a caught error the code did not create?" — a catch binding, an error handler's or a
 * rejection handler's error, an `err` parameter of a helper given the response, or a `const`
 * alias of one — and "is this error class one whose message carries server internals?"
 * (built-ins, database and HTTP-client errors, not the app's own `AppError` or `HttpException`).
 * Text a helper was given to send (a string-typed parameter, a literal, a translation) is not one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findEnclosingClass, findVariable, getCalleePath, getPropertyName, getStringValue, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { membersNamed } from './input-flow.js';
import { isBodyParserCallback } from './body-parsers.js';
import { getImportSource } from './modules.js';
import { getCaughtExceptionTypes } from './exception-filters.js';
import { isRejectionHandler } from './promises.js';
import { type HandlerInfo, getHandlerInfo } from './handlers.js';
import { isKoaOnerrorOverride, responseNameKind } from './responses.js';

const ERROR_PARAM = /^(?:err|error|exception|ex)$/u;

/** Error classes whose message is not written for clients: built-ins, database and HTTP-client errors. */
export const INTERNAL_ERROR_CLASS =
  /^(?:Error|EvalError|RangeError|ReferenceError|TypeError|URIError|AggregateError|DOMException|SystemError)$|^(?:Mongo|Mongoose|Sequelize|Prisma|QueryFailed|Database|Db|DB|Sql|SQL|Pg|Postgres|Mysql|MySQL|Redis|Knex|TypeORM|Typeorm|Entity|Axios|Fetch|Got|Driver|Connection|Timeout)/u;

/** The caught error an identifier refers to (a catch binding, an error handler's or rejection handler's error, an alias of one). */
export function unknownErrorOf(context: Context, id: TSESTree.Identifier, depth = 0): TSESLint.Scope.Variable | null {
  if (depth > 4) return null;
  const variable = findVariable(context, id);
  if (!variable) return null;
  // Asked again and again for the same variable (every use of `err`, every call of a helper): the answer depends only on
  // the variable and the depth left. Every step below reads the file through caches filled once (no recursion guard
  // whose answer would depend on the order of asking), and a variable is never asked inside its own answer (that
  // would not end), so keeping the answer changes nothing but the time.
  const answers = perFileMap(unknownErrorCache, context.sourceCode);
  let byDepth = answers.get(variable);
  if (!byDepth) answers.set(variable, (byDepth = []));
  const known = byDepth[depth];
  if (known !== undefined) return known;
  const answer = computeUnknownError(context, variable, depth);
  byDepth[depth] = answer;
  return answer;
}

const unknownErrorCache = fileCache<Map<TSESLint.Scope.Variable, (TSESLint.Scope.Variable | null)[]>>();

function computeUnknownError(context: Context, variable: TSESLint.Scope.Variable, depth: number): TSESLint.Scope.Variable | null {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return null;
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
    // Koa's app.context.onerror = function (err) { … }: every error a request raised comes here.
    if (index === 0 && isKoaOnerrorOverride(fn)) return variable;
    if (def.name.type !== AST_NODE_TYPES.Identifier) return null;
    // handleErrorRequest(e, res) { … } whose every call (`.catch((e) => this.handleErrorRequest(e, res))`) hands it a
    // caught error: whatever the parameter is called, it holds one (one hop; a function used otherwise may get anything).
    if (!ERROR_PARAM.test(def.name.name)) return everyCallPassesCaughtError(context, fn, index, depth) ? variable : null;
    // sendError(res, error: AppError): the signature says which errors come here.
    if (isClientErrorType(def.name)) return null;
    // sendError(res, 'Invalid email'), fail(res, t('errors.notFound')): text the handler was given to send.
    if (isTextParameter(context, fn, index)) return null;
    // (err, data) => … and upload(req, res, (err) => …) callbacks, and helpers like sendError(res, err)
    // …except the callback of a body parser the code runs itself (its errors describe the client's body) and
    // the callback a response is built with (`const childRes = createSubResponse((err) => …)`: it receives
    // what the sub-request answered, not an error).
    if (index === 0 && isCallbackArgument(fn)) return isBodyParserCallback(context, fn) || isResponseBuilderCallback(fn) ? null : variable;
    if (fn.params.some((p) => p.type === AST_NODE_TYPES.Identifier && isResponseParamName(p.name))) return variable;
    // const abortWithError = (err) => res.status(400).json({ error: err.message }), called from a catch or as an 'error' listener
    return receivesCaughtError(context, fn, index, depth) ? variable : null;
  }
  // const [error, source] = await tryToCatch(readFile, path): the error slot of an error-first result tuple.
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.ArrayPattern && def.node.id.elements[0] === def.name && def.node.init && isErrorTupleCall(context, def.node.init)) return variable;
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

/**
 * Packages that run a function or await a promise and hand back `[error, result]` instead of throwing:
 * try-to-catch (`await tryToCatch(fn, …args)`), try-catch (`tryCatch(fn, …args)`), await-to-js
 * (`await to(promise)`). Their first slot holds whatever the work threw.
 */
const ERROR_TUPLE_MODULES = new Set(['try-to-catch', 'try-catch', 'await-to-js']);

/** `await tryToCatch(readFile, path)`, `tryCatch(parse, text)`, `await to(fetchUser(id))`: a call of an error-tuple package. */
function isErrorTupleCall(context: Context, init: TSESTree.Node): boolean {
  let n = skipTransparent(init);
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTransparent(n.argument);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(n.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : callee;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const source = getImportSource(context, root)?.source;
  return source !== undefined && ERROR_TUPLE_MODULES.has(source);
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
export function isInternalErrorClass(path: string): boolean {
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
export function isTextValue(context: Context, node: TSESTree.Node): boolean {
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

/** Methods that hand their listener an error: `stream.on('error', fail)`, `promise.catch(fail)`. */
const ERROR_LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * A same-file function whose parameter at `index` gets a caught error the code did not create at
 * some call in this file (`catch (err) { return abortWithError(err) }`), or that is registered as
 * an `'error'` listener or a rejection handler (`stream.on('error', abortWithError)`,
 * `.catch(abortWithError)`). Other calls may give it the app's own errors; one is enough.
 */
function receivesCaughtError(context: Context, fn: AnyFunction, index: number, depth: number): boolean {
  // res.e = (error, status) => { … }; … catch (e) { return res.e(e) }: a method's or a helper hung on an object's calls.
  if (memberCalls(context, fn)?.calls.some((call) => passesCaughtError(context, call, index, depth))) return true;
  const variable = functionVariable(context, fn);
  if (!variable) return false;
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (parent.callee === ref.identifier) {
      const arg = parent.arguments[index];
      const a = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? skipTransparent(arg) : null;
      return a?.type === AST_NODE_TYPES.Identifier && unknownErrorOf(context, a, depth + 1) !== null;
    }
    if (index !== 0) return false;
    const callee = skipTransparent(parent.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getPropertyName(callee);
    if (method === 'catch') return parent.arguments[0] === ref.identifier;
    if (method === 'then') return parent.arguments[1] === ref.identifier;
    return method !== null && ERROR_LISTENER_METHODS.has(method) && parent.arguments[1] === ref.identifier && getStringValue(parent.arguments[0]) === 'error';
  });
}

function passesCaughtError(context: Context, call: TSESTree.CallExpression, index: number, depth: number): boolean {
  const arg = call.arguments[index];
  const a = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? skipTransparent(arg) : null;
  return a?.type === AST_NODE_TYPES.Identifier && unknownErrorOf(context, a, depth + 1) !== null;
}

/**
 * Every call of a same-file function hands it a caught error at `index` (at least one call; a function
 * referenced otherwise — exported, passed on, bound — may be called with anything, so no).
 */
function everyCallPassesCaughtError(context: Context, fn: AnyFunction, index: number, depth: number): boolean {
  const calls: TSESTree.CallExpression[] = [];
  const members = memberCalls(context, fn);
  if (members) {
    if (members.otherUse) return false;
    calls.push(...members.calls);
  } else {
    const variable = functionVariable(context, fn);
    if (!variable) return false;
    for (const ref of variable.references) {
      if (ref.init) continue;
      const parent = ref.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== ref.identifier) return false;
      calls.push(parent);
    }
  }
  return calls.length > 0 && calls.every((call) => passesCaughtError(context, call, index, depth));
}

const memberCallsCache = fileCache<Map<AnyFunction, { calls: TSESTree.CallExpression[]; otherUse: boolean } | null>>();

/**
 * The calls of a function that is a class's method (`this.handleErrorRequest(e, res)` in the class) or
 * hung on an object (`res.e = (error) => …`, then `res.e(err)` on an object of the same name anywhere in the
 * file), and whether it is also read otherwise (`this.m.bind(this)`, passed as a callback); null when the
 * function is neither.
 */
function memberCalls(context: Context, fn: AnyFunction): { calls: TSESTree.CallExpression[]; otherUse: boolean } | null {
  const answers = perFileMap(memberCallsCache, context.sourceCode);
  if (answers.has(fn)) return answers.get(fn)!;
  let result: { calls: TSESTree.CallExpression[]; otherUse: boolean } | null = null;
  const parent = fn.parent;
  let uses: readonly TSESTree.MemberExpression[] | null = null;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn && !parent.static && parent.kind === 'method') {
    const name = getPropertyName(parent);
    const cls = findEnclosingClass(parent);
    // `this.name` anywhere in the class (nested functions and classes included), from the file's one index of members by name.
    if (name && cls) uses = (membersNamed(context).get(name) ?? []).filter((m) => m.object.type === AST_NODE_TYPES.ThisExpression && contains(cls, m));
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const left = parent.left;
    const object = skipTransparent(left.object);
    const name = getPropertyName(left);
    if (name && object.type === AST_NODE_TYPES.Identifier) {
      uses = (membersNamed(context).get(name) ?? []).filter((m) => {
        const o = skipTransparent(m.object);
        return m !== left && o.type === AST_NODE_TYPES.Identifier && o.name === object.name;
      });
    }
  }
  if (uses) {
    const found = { calls: [] as TSESTree.CallExpression[], otherUse: false };
    for (const node of uses) {
      const call = node.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === node) found.calls.push(call);
      else found.otherUse = true;
    }
    result = found;
  }
  answers.set(fn, result);
  return result;
}

/** A call that builds a response object (`createSubResponse(cb)`, `makeResponse(cb)`, `mockResponse(cb)`). */
const RESPONSE_BUILDER = /^(?:create|make|build|new|fake|mock)\w*Response$/u;

/**
 * `const childRes = createSubResponse((err) => { … res.status(childRes.statusCode).json(err) })`: a callback
 * given to a call that builds a response object kept in a variable. The response calls it with what the
 * code answering through it sends (`send: (body) => cb(body)`): a body, forwarded, not a caught error.
 */
function isResponseBuilderCallback(fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const path = getCalleePath(call);
  if (path === null || !RESPONSE_BUILDER.test(lastSegment(path))) return false;
  const holder = call.parent;
  return holder?.type === AST_NODE_TYPES.VariableDeclarator || holder?.type === AST_NODE_TYPES.AssignmentExpression;
}

function isCallbackArgument(fn: AnyFunction): boolean {
  return fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument);
}

/** A Nest filter declared for client-facing exceptions only: `@Catch(HttpException)`, `@Catch(ValidationError)`. */
function catchesOnlyClientErrors(info: HandlerInfo): boolean {
  if (info.framework !== 'nest' || info.kind !== 'filter') return false;
  const types = getCaughtExceptionTypes(info.fn);
  if (types === null || types.length === 0) return false;
  return types.every((path) => path !== null && !isInternalErrorClass(path));
}

/**
 * A parameter named like a response or context (`res`, `reply`, `ctx`, `c`), beside which an
 * `err` parameter is the error a helper is given to answer with (`sendError(res, err)`).
 */
function isResponseParamName(name: string): boolean {
  const kind = responseNameKind(name);
  return kind === 'response' || (kind === 'context' && !/^_?context$/u.test(name));
}
