/**
 * "Is sending this error's details safe where it happens?" — the guards no-error-details-in-response
 * accepts: development-only branches, errors written for the client (flags, app error classes,
 * 4xx statuses), validation catches and errors normalised into the app's classes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getMemberPath, getNumberValue, getPropertyName, getStringValue, isFunctionNode, lastSegment, skipTransparent, walkSameFunction } from './ast.js';
import { someEnclosingStep } from './walks.js';
import { followsOnlyBodyParser } from './body-parsers.js';
import { envComparisonMeansExplicitDevelopment } from './environment.js';
import type { Leak } from './error-leaks.js';
import { classifyFailures } from './fallible.js';
import { throwsOnlyInProcess } from './in-process-throws.js';
import { getLoggerCall } from './loggers.js';
import { getResponseSink } from './responses.js';
import { INTERNAL_ERROR_CLASS, isInternalErrorClass, isTextValue, unknownErrorOf } from './unknown-errors.js';

/** Predicates for errors that carry internals (`isAxiosError`, `isNativeError`): true says nothing about the client. */
const INTERNAL_ERROR_CHECK = /^is(?:Native)?Error$|^is(?:Axios|Mongo|Mongoose|Prisma|Sequelize|Database|Db|Sql|Pg|Knex|TypeORM|QueryFailed|Fetch|System)/u;

/** Built-in error names, in any case: `err.name === 'typeerror'` is no client signal. */
const BUILT_IN_ERROR_NAME = /^(?:error|evalerror|rangeerror|referenceerror|typeerror|urierror|aggregateerror|syntaxerror|systemerror)$/iu;

/** Flags on an error that say its message was written for the client (http-errors, Boom, app errors). */
const CLIENT_FLAGS = new Set(['expose', 'isOperational', 'isPublic', 'isClientError', 'isBoom', 'isJoi', 'status', 'statusCode', 'isHttpError', 'isAppError']);

/** Names that hold an HTTP status: `status`, `statusCode`, `err.httpStatus`, `errorStatus`. */
const STATUS_NAME = /(?:^|[a-z_])(?:status|Status|statusCode|StatusCode|httpStatus)$|^status$/u;

/**
 * Flags and calls that say details may be shown: development or debug mode, `showStack`,
 * `includeDetails`, `verbose` (wider than environment.ts's development-mode flags: it covers opt-in
 * detail switches too).
 */
const DEV_FLAG = /^(?:is|show|expose|with|include)?_?(?:dev|development|debug|local|test|stack|stacks|errorDetails|details|verbose)(?:_?(?:mode|env|environment|enabled|errors|traces))?$|^__DEV__$/iu;

/** `isProd`, `PRODUCTION`, `prodMode`: true in production, so details under it are not safe. */
const PROD_FLAG = /^(?:is)?_?(?:prod|production)(?:_?(?:mode|env|environment))?$/iu;

/** Calls in a `try` whose failure speaks about the client's input (`schema.parse(req.body)`). */
const VALIDATION_CALLS = /^(?:parse|parseAsync|validate|validateAsync|validateSync|validateOrReject|assert|verify|decode)$/u;

interface Condition {
  test: TSESTree.Expression;
  /** Whether the test is true where the node runs. */
  holds: boolean;
}

/**
 * Whether a leak is safe where it happens: the `try` only validates the client's input, only in-process
 * code can throw into it and the answer (`status`, when the sink says it) is no 5xx, the error was
 * normalised into the app's classes before, or a condition on the way says development only, a
 * client error (`err.expose`, `err instanceof HttpError`, `status < 500`) or not production.
 */
export function isGuarded(context: Context, leak: Leak, status: number | null = null): boolean {
  if (isValidationCatch(context, leak.error)) return true;
  // Only in-process code throws into the try and the answer is no server failure (5xx): the message is the
  // app's or a validator's verdict on the request (a stack still names the server's files).
  if ((leak.form === 'message' || leak.form === 'string') && (status === null || status < 500) && caughtFromInProcess(context, leak.error)) return true;
  // The whole error is serialized as JSON: an Error keeps only its enumerable fields (`{}` for a SyntaxError of
  // `JSON.parse`, a TypeError); an error only this process's code can throw has none but those the app gave it.
  if (leak.form === 'whole' && caughtFromInProcess(context, leak.error)) return true;
  if (leak.sites.some((site) => normalisedBefore(context, site, leak.error))) return true;
  // `if (err.message.includes('not found')) return res.status(404).json({ error: err.message })`: the code recognised
  // its own text in the message and answers a client error with it.
  if ((leak.form === 'message' || leak.form === 'string') && status !== null && status < 500 && leak.sites.some((site) => conditionsAt(site).some((c) => c.holds && matchesMessageText(context, c.test, leak.error)))) return true;
  return leak.sites.some((site) => conditionsAt(site).some((c) => impliesSafe(context, c.test, c.holds, leak.error)));
}

/**
 * An error handler that has normalised the error into the app's own classes before it reads it:
 * `if (!isGhostError(err)) { if (err.statusCode === 404) err = new NotFoundError(…); else … }`.
 * One branch of an earlier `if` in an enclosing block keeps errors of the app's class (the test
 * says so, as a guard would), and the other replaces the error with `new AppError(…)`.
 */
function normalisedBefore(context: Context, site: TSESTree.Node, error: TSESLint.Scope.Variable): boolean {
  return someEnclosingStep(site, undefined, (parent, child) => {
    const list = parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : null;
    if (!list) return false;
    for (const statement of list) {
      if (statement === child) break;
      if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
      if (impliesSafe(context, statement.test, false, error) && replacesWithClientError(context, statement.consequent, error)) return true;
      if (statement.alternate && impliesSafe(context, statement.test, true, error) && replacesWithClientError(context, statement.alternate, error)) return true;
    }
    return false;
  });
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
    // CLIENT_ERRORS.some((C) => err instanceof C): one of a listed set of the app's (or a library's client) error classes
    if (holds && name === 'some' && isInstanceOfListed(context, test, error)) return true;
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

/**
 * `list.some((C) => err instanceof C)` where `list` is a `const` array of error classes written in
 * this file, none of them built-in, database or HTTP-client classes (Strapi's
 * `databaseErrorsToTransform = [errors.InvalidTimeError, errors.InvalidRelationError, …]`).
 */
function isInstanceOfListed(context: Context, call: TSESTree.CallExpression, error: TSESLint.Scope.Variable): boolean {
  const callee = skipTransparent(call.callee);
  const fn = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !fn || (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression)) return false;
  const param = fn.params[0];
  if (fn.params.length !== 1 || param?.type !== AST_NODE_TYPES.Identifier) return false;
  let body: TSESTree.Node = fn.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const only = body.body.length === 1 ? body.body[0] : undefined;
    if (only?.type !== AST_NODE_TYPES.ReturnStatement || !only.argument) return false;
    body = only.argument;
  }
  const test = skipTransparent(body);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== 'instanceof' || !refersTo(context, test.left, error)) return false;
  const right = skipTransparent(test.right);
  if (right.type !== AST_NODE_TYPES.Identifier || right.name !== param.name) return false;
  const list = skipTransparent(callee.object);
  if (list.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, list);
  const def = variable && variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return false;
  const array = skipTransparent(def.node.init);
  if (array.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length === 0) return false;
  return array.elements.every((el) => {
    const path = el && el.type !== AST_NODE_TYPES.SpreadElement ? getMemberPath(el) : null;
    return path !== null && /(?:Error|Exception)$/u.test(path) && !isInternalErrorClass(path);
  });
}

function binarySafe(context: Context, test: TSESTree.BinaryExpression, holds: boolean, error: TSESLint.Scope.Variable): boolean {
  const { operator } = test;
  if (test.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
  if (operator === 'instanceof') {
    if (!holds || !refersTo(context, test.left, error)) return false;
    const path = getMemberPath(test.right);
    // A SyntaxError is the client's only when the try parses nothing but what it was given: around
    // `await next()` or a call into other code, any downstream parse (a config file, a stored document) throws it.
    // An error handler registered right after a body parser, before any route, gets only the body's SyntaxError.
    if (path === 'SyntaxError') return tryOnlyParsesInput(context, error) || handlerFollowsOnlyBodyParser(context, error);
    return path !== null && !isInternalErrorClass(path);
  }
  const equality = operator === '===' || operator === '==' || operator === '!==' || operator === '!=';
  const equal = operator === '===' || operator === '==' ? holds : !holds;
  // NODE_ENV checks: app.get('env') === 'development'; not `!== 'production'`, which holds when NODE_ENV is unset
  const development = envComparisonMeansExplicitDevelopment(test, holds);
  if (development !== null) return development;
  const literal = getStringValue(test.right) ?? getStringValue(test.left);
  const other = getStringValue(test.right) !== null ? test.left : test.right;
  if (equality && literal !== null) {
    // err.name === 'ValidationError'; switch (err.name) { case 'ValidationError': … }
    if (equal && other.type === AST_NODE_TYPES.MemberExpression && getPropertyName(other) === 'name' && refersTo(context, other.object, error)) {
      // also an all-lowercase name of the app's own (etherpad's `err.name === 'apierror'`), not a built-in's
      if (/^[a-z]\w*(?:error|exception)$/u.test(literal)) return !BUILT_IN_ERROR_NAME.test(literal);
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

/** Methods that search a text for another: `includes`, `startsWith`, `endsWith`, `indexOf`. */
const TEXT_SEARCH = new Set(['includes', 'startsWith', 'endsWith', 'indexOf']);

/**
 * The test, when it holds, finds a phrase of words in the error's message: `err.message.includes('not found')`,
 * `err.message.indexOf('exist') >= 0`, `err.message.startsWith('Invalid')`, `err.message === 'No such user'`,
 * `/already exists/.test(err.message)`. A phrase of punctuation alone (`includes(':')`) recognises nothing.
 */
function matchesMessageText(context: Context, raw: TSESTree.Node, error: TSESLint.Scope.Variable): boolean {
  const test = skipTransparent(raw);
  const isMessage = (n: TSESTree.Node): boolean => {
    const m = skipTransparent(n);
    if (m.type === AST_NODE_TYPES.Identifier) {
      // const message = err.message; if (message === 'No such user') …
      const def = findVariable(context, m)?.defs[0];
      if (def?.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return false;
      return isMessage(def.node.init);
    }
    return m.type === AST_NODE_TYPES.MemberExpression && getPropertyName(m) === 'message' && refersTo(context, m.object, error);
  };
  const phrase = (n: TSESTree.Node | undefined): boolean => {
    const text = n ? getStringValue(n) : null;
    return text !== null && isOwnPhrase(text);
  };
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') return matchesMessageText(context, test.left, error) || matchesMessageText(context, test.right, error);
  if (test.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(test.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getPropertyName(callee);
    if (method !== null && TEXT_SEARCH.has(method) && method !== 'indexOf') return isMessage(callee.object) && phrase(test.arguments[0]);
    // /already exists/i.test(err.message)
    const regex = skipTransparent(callee.object);
    return method === 'test' && regex.type === AST_NODE_TYPES.Literal && 'regex' in regex && !!regex.regex && isOwnPhrase(regex.regex.pattern) && test.arguments[0] !== undefined && isMessage(test.arguments[0]);
  }
  if (test.type === AST_NODE_TYPES.BinaryExpression && test.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    // err.message === 'No such user'
    if (test.operator === '===' || test.operator === '==') return (isMessage(test.left) && phrase(test.right)) || (isMessage(test.right) && phrase(test.left));
    // err.message.indexOf('exist') >= 0, > -1, !== -1
    const search = skipTransparent(test.left);
    if (search.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(search.callee);
    const bound = signedNumber(test.right);
    const found = (test.operator === '>=' && bound === 0) || (test.operator === '>' && bound === -1) || ((test.operator === '!==' || test.operator === '!=') && bound === -1);
    return found && callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'indexOf' && isMessage(callee.object) && phrase(search.arguments[0]);
  }
  return false;
}

/**
 * Words of texts that drivers, the runtime and the network write, not the app: matching them singles out
 * a database, system or parser failure, whose message names tables, constraints, hosts or paths.
 */
const FOREIGN_TEXT = /duplicate|constraint|violat|relation|column|table|sql|timed? ?out|socket|connect|refused|syntax|unexpected|cannot read|undefined|null|permission denied|no such file/iu;
/** System and driver error codes: `ECONNREFUSED`, `ENOENT`, `ER_DUP_ENTRY`, `SQLITE_CONSTRAINT`. */
const FOREIGN_CODE = /\bE[A-Z]{3,}|\bER_|SQLITE_/u;

/** A phrase of words (not punctuation alone) that is the app's own, not a driver's, the runtime's or the network's. */
function isOwnPhrase(text: string): boolean {
  return /\p{L}{3,}/u.test(text) && !FOREIGN_TEXT.test(text) && !FOREIGN_CODE.test(text);
}

/** `0`, `-1`. */
function signedNumber(node: TSESTree.Node): number | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '-') {
    const value = getNumberValue(n.argument);
    return value === null ? null : -value;
  }
  return getNumberValue(n);
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

/** A catch binding whose `try` only in-process code can throw into (see in-process-throws.ts). */
function caughtFromInProcess(context: Context, error: TSESLint.Scope.Variable): boolean {
  const def = error.defs[0];
  if (def?.type !== 'CatchClause' || def.node.parent?.type !== AST_NODE_TYPES.TryStatement) return false;
  return throwsOnlyInProcess(context, def.node.parent.block);
}

/** A catch whose `try` only parses or validates input, answers from memory, or throws errors the app composed: its messages are about the client's own data. */
function isValidationCatch(context: Context, error: TSESLint.Scope.Variable): boolean {
  const def = error.defs[0];
  if (def?.type !== 'CatchClause') return false;
  const tryStatement = def.node.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return false;
  // Nothing in the try reaches outside the process: it answers from memory, parses or validates,
  // or throws errors the app composed (same-file callees included): no message can carry internals.
  const source = classifyFailures(context, tryStatement.block);
  if (source === 'none') return true;
  let calls = 0;
  let onlyValidation = true;
  walkSameFunction(
    tryStatement.block,
    (node) => {
      if (!onlyValidation) return false;
      // await sql`SELECT 1`: an awaited tagged template is a call that goes out (see fallible.ts), no validation.
      if (node.type === AST_NODE_TYPES.TaggedTemplateExpression && node.parent?.type === AST_NODE_TYPES.AwaitExpression) {
        onlyValidation = false;
        return false;
      }
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

/** `error` is the parameter of an error handler only a body parser before it can hand an error (see body-parsers.ts). */
function handlerFollowsOnlyBodyParser(context: Context, error: TSESLint.Scope.Variable): boolean {
  const def = error.defs[0];
  return def?.type === 'Parameter' && isFunctionNode(def.node) && followsOnlyBodyParser(context, def.node);
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
