/**
 * Does logging only a caught error's text lose nothing worth keeping? Yes when the error is
 * rethrown or handed on, when the same handler records the whole error beside the text log, when
 * the log sits in the branch of a named error class or code (an expected failure), when the `try`
 * only parses a value in hand, or when the emitter's `'error'` listener logs the whole error. With
 * `reportExpected` off (a rule option, passed in, never cached), also when the `try` only releases
 * a handle or only checks a password. A same-file helper given the error is judged where it is given it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  contains,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getPropertyName,
  isFunctionNode,
  lastName,
  lastSegment,
  skipTransparent,
  walkSameFunction,
  walkTree,
  unwrapIndirectCall,
} from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { BUILT_IN_ERROR_CLASS, isHandoffCall } from './errors.js';
import { isInHandEditOnly, isOutsideWork, isOwnParseMethodCall, isValidationVerdict } from './in-hand-work.js';
import { classifyCall, identifierWords, isAwaited } from './fallible.js';
import { systemModuleOf } from './modules.js';
import { exitOfStatement } from './process-exit.js';
import {
  PASSIVE_CALLS,
  isChildProcessErrorEvent,
  isConnectionErrorEvent,
  isDeviceCommand,
  isHandleRelease,
  isPingOnly,
  isSingleStoreCommand,
  isStoreCommand,
  isTeardown,
  promisifiedStoreCommand,
  storeCommandOfChain,
} from './stack-loss-io.js';
import { namesStep, onlyStringified, throwsReplacement } from './catch-wording.js';
import { promiseChainHead } from './promise-chain-steps.js';
import { isInNonErrorBranch, isLogWrite, isRecordedBeside, isRecordedByErrorListener, isReferenceTo, workCalls } from './stack-records.js';
import { someEnclosingStep } from './walks.js';
import { handlesNoRejection, isRejectionHandler } from './promises.js';
import { isVersionCheckFailure } from './version-checks.js';
import { receivesOnlyIoErrors } from './error-listener-refs.js';
import { catchNeverRuns, isSingleSystemCall, neverRejects } from './system-steps.js';
import { isKeyMaterialCallOnly, isOneStepCallOnly } from './one-step-calls.js';

/**
 * Whether a text-only log of `variable` at `log` loses nothing worth keeping: the stack travels
 * on or is recorded beside it, or the failure is one whose message is the whole story.
 * `handedTo` is the helper call this log is judged at (see `helperLosesNothing`).
 */
export function losesNothing(context: Context, variable: TSESLint.Scope.Variable, log: TSESTree.CallExpression, reportExpected: boolean, handedTo?: TSESTree.CallExpression): boolean {
  // `socket.on('error', (e) => log.error(JSON.stringify(e)))`: an emitter's error may be any Error (TLS, protocol, the
  // library's own), whose fields are not enumerable, so `JSON.stringify` prints `{}`: not even the message that would
  // excuse it is kept. (A file-system call's error keeps its enumerable `code`, `syscall` and `path` when stringified.)
  const eventsExpected = !reportExpected && !onlyStringified(log, variable);
  // `const err = e as Error`: what the caught error does elsewhere counts for its alias.
  const original = aliasedCaughtError(context, variable);
  if (original && losesNothing(context, original, log, reportExpected, handedTo)) return true;
  // Rethrown or handed on: the stack travels with it and is logged where it lands.
  if (isPassedOn(variable, log, handedTo)) return true;
  // The same handler records the object or its stack (a reporter, `logger.error(e.stack)`).
  if (isRecordedBeside(context, variable, log)) return true;
  // An expected failure: the log sits in the branch that named its class or code.
  if (isInExpectedErrorBranch(variable, log)) return true;
  // `if (err instanceof Error) log.error(err.stack); else log.error(String(err))`: a value that is no Error has no stack to lose.
  if (isInNonErrorBranch(variable, log)) return true;
  const tryBlock = caughtFrom(variable);
  if (tryBlock && tryLosesNothing(context, tryBlock, log, reportExpected, variable)) return true;
  const callback = errorCallbackCall(variable);
  if (callback) {
    // `fs.writeFile(path, data, (err) => …)`: libuv reports the failure; its stack holds no JavaScript frame.
    if (isAsyncFsCall(callback)) return true;
    // `exec(cmd, (err) => …)`, `dns.reverse(ip, (err) => …)`: the error is made inside Node, its message names the command or host.
    if (systemModuleOf(context, callback) !== null) return true;
    // `await deleteAsync(dir).catch((err) => …)`, `fsp.rm(dir).then(() => log.debug('removed')).catch(…)`: one call into Node's I/O.
    // Like a try around one such call, an expected failure: strict reports it.
    const head = reportExpected ? null : promiseChainHead(context, callback, (call) => isLogWrite(context, call));
    if (head && (systemModuleOf(context, head) !== null || isAsyncFsCall(head))) return true;
    // `worker.release(req).catch((e) => …)`, `server.close((err) => …)`, `client.ping().catch(…)`: the handler of one call is
    // the catch of a try around that call alone, and what such a try is excused for (a release, a ping, a device command)
    // excuses its handler too. Strict reports them, as it reports the try.
    const single = reportExpected ? null : (head ?? (isChainLink(callback) ? null : callback));
    if (single && (isHandleRelease(context, [single]) || isPingOnly(context, [single]) || isDeviceCommand(context, [single]))) return true;
    // `spawn(cmd).on('error', (err) => …)`: the child could not be spawned or signalled; Node made the error.
    if (isChildProcessErrorEvent(context, callback)) return true;
    // `client.bind(dn, password, (err) => …)`: the failure is the answer to the check.
    if (!reportExpected && checksCredential(callback)) return true;
    // `socket.on('error', (err) => log.error(`socket error: ${err}`))`: a connection's I/O error, whose stack holds only Node's internals.
    if (eventsExpected && isConnectionErrorEvent(context, callback)) return true;
    // `pool.query(sql, (err) => …)`, `this.db.setEx(k, ttl, v).then(cb).catch((err) => …)`: one command to a store or a
    // network client, the log naming the step; the driver's message names the failure.
    // Also the app's own function whose body is one such step (`this.extend(task).catch(…)` with `extend` one `updateOne`).
    const oneStep = single !== null && single !== callback && isOneStepCallOnly(context, [single], 'store');
    if (!reportExpected && (isStoreCommand(context, callback, variable.defs[0]?.node) || storeCommandOfChain(context, callback) !== null || oneStep) && namesStep(log, context, variable) && !throwsReplacement(context, variable.defs[0]!.node, variable)) {
      return true;
    }
  }
  // `onError = (err) => …` registered by `this.res.on('error', this.onError)`, a factory's listener given to `server.on('error', …)`.
  else if (receivesOnlyIoErrors(context, variable, !eventsExpected)) return true;
  // An optional check for a newer version (`checkForUpdates()`, `changelog.fetch()`): the app runs on as it was, the message says why.
  const handler = variable.defs[0]?.node;
  // `this.cleanupBackups().catch((e) => …)` where that async method catches everything itself: the handler never runs.
  if (handler && variable.defs[0]?.type === 'Parameter' && handlesNoRejection(context, handler)) return true;
  if (!reportExpected && handler && (handler.type === AST_NODE_TYPES.CatchClause || (isFunctionNode(handler) && isRejectionHandler(handler))) && isVersionCheckFailure(context, log, handler)) {
    return true;
  }
  // A same-file helper given the error (`catch (err) { this._handleFormatError(err) }`) is judged where it is given it.
  return handedTo === undefined && helperLosesNothing(context, variable, reportExpected);
}

function isPassedOn(variable: TSESLint.Scope.Variable, log: TSESTree.CallExpression, except?: TSESTree.CallExpression): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (except && parent === except) return false;
    if (parent?.type === AST_NODE_TYPES.ThrowStatement) return !throwsBefore(parent, log);
    // new AppError('…', { cause: err })
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === ref.identifier && getPropertyName(parent) === 'cause') return true;
    if ((parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) || !parent.arguments.includes(ref.identifier as TSESTree.Expression)) return false;
    if (parent.type === AST_NODE_TYPES.CallExpression && (isHandoffCall(parent) || isRethrowCall(parent) || isStrategyError(parent))) return true;
    // `throw boom.boomify(err, { statusCode })`, `throw createError(500, err)`, `throw new VError(err, '…')`: the error itself is
    // thrown on inside a wrapper. Not a built-in error class: `new Error(err)` keeps only the text of what it is given.
    if (BUILT_IN_ERROR_CLASS.test(lastName(unwrapIndirectCall(parent.callee)) ?? '')) return false;
    const thrown = wrapperThrow(parent);
    return thrown !== null && !throwsBefore(thrown, log);
  });
}

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`: a link of a promise chain, not a call that does work. */
function isChainLink(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && /^(?:then|catch|finally)$/u.test(getPropertyName(callee) ?? '');
}


/** `throw wrap(err)`, `throw await wrap(err)`, `throw new Wrapped(err)`: the throw statement whose value is this call's result, else null. */
function wrapperThrow(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.ThrowStatement | null {
  let n: TSESTree.Node = call;
  while (n.parent && (n.parent.type === AST_NODE_TYPES.AwaitExpression || n.parent.type === AST_NODE_TYPES.TSAsExpression || n.parent.type === AST_NODE_TYPES.ChainExpression)) n = n.parent;
  return n.parent?.type === AST_NODE_TYPES.ThrowStatement ? n.parent : null;
}

/** `rethrow.rethrowAndCountFspiopError(err, …)`, `rethrowDbError(err)`: a function named for throwing its argument on. */
const RETHROW_NAME = /^rethrow(?:[A-Z_]\w*)?$/u;

function isRethrowCall(call: TSESTree.CallExpression): boolean {
  return RETHROW_NAME.test(lastName(unwrapIndirectCall(call.callee)) ?? '');
}

/**
 * `Strategy.prototype.authenticate = function (req) { … this.error(err) }`, `authenticate(req) { … this.error(err) }`:
 * a Passport strategy hands the error to Passport, which passes it to the app's error handler.
 */
function isStrategyError(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression || getPropertyName(callee) !== 'error') return false;
  const fn = getEnclosingFunction(call);
  const holder = fn?.parent;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition) return getPropertyName(holder) === 'authenticate';
  return holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression && getPropertyName(holder.left) === 'authenticate';
}

/**
 * `catch (e) { if (e instanceof NotFoundException) throw e; log.error(e.message); throw new BadRequestException(…) }`:
 * a rethrow written before the log, in the same function and not inside a `try` of its own, leaves on a
 * path that never reaches the log, so the log's path does not pass the error on.
 */
function throwsBefore(statement: TSESTree.ThrowStatement, log: TSESTree.CallExpression): boolean {
  if (statement.range[1] > log.range[0]) return false;
  const fn = getEnclosingFunction(log);
  for (let n: TSESTree.Node | undefined = statement.parent; n && n !== fn; n = n.parent) {
    if (isFunctionNode(n)) return false;
    if (n.type === AST_NODE_TYPES.TryStatement) return false;
    if (n.type === AST_NODE_TYPES.CatchClause) return getEnclosingFunction(n) === fn && contains(n, log);
  }
  return false;
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
  return someEnclosingStep(log, variable.defs[0]?.node, (current, child) => {
    if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && current.consequent === child) return namesErrorKind(current.test, variable);
    return current.type === AST_NODE_TYPES.SwitchCase && current.test !== null && current.parent.type === AST_NODE_TYPES.SwitchStatement && isErrorKindRead(current.parent.discriminant, variable);
  });
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
 * The caught error a `const` aliases (`catch (e) { const err = e as Error; … }`, what TypeScript
 * compiles to `const err = e;`), else null.
 */
export function aliasedCaughtError(context: Context, variable: TSESLint.Scope.Variable): TSESLint.Scope.Variable | null {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return null;
  const init = def.node.init ? skipTransparent(def.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.Identifier) return null;
  const source = findVariable(context, init);
  return source && caughtFrom(source) !== null ? source : null;
}

/** The failures of this `try` are ones whose message is the whole story (or whose stack is logged elsewhere). */
export function tryLosesNothing(context: Context, tryBlock: TSESTree.BlockStatement, log: TSESTree.CallExpression, reportExpected: boolean, variable?: TSESLint.Scope.Variable): boolean {
  // A try that only parses or formats a value in hand: the message names the bad input.
  if (isParseOnly(context, tryBlock)) return true;
  // A try that only edits an array or object in hand (`list.findIndex(…)`, `list.splice(i, 1)`): no operation goes out.
  if (isInHandEditOnly(context, tryBlock, (call) => isLogWrite(context, call))) return true;
  // A configuration that does not parse, told to the operator right before the process exits.
  if (isParseThenExit(context, tryBlock, log)) return true;
  // The emitter's 'error' listener logs the whole error of the call that failed.
  if (isRecordedByErrorListener(context, tryBlock)) return true;
  const calls = workCalls(context, tryBlock);
  // One check of a value in hand answered with a validation verdict (`VALIDATION_ERROR`, `'Condition validation failed'`).
  if (isValidationVerdict(context, tryBlock, calls, (call) => isLogWrite(context, call))) return true;
  // Every fallible call is an async function that catches all its failures itself: this catch never runs.
  if (catchNeverRuns(context, tryBlock)) return true;
  if (reportExpected) return false;
  // A same-file function whose promise never rejects (`await this.getKeysByPattern(key)`, `await delay(ms)` with `new Promise((resolve) =>
  // setTimeout(resolve, ms))`) adds no failure: beside a release, a ping, a device command or a store command it is not a step of its own.
  const steps = calls.filter((call) => !neverRejects(context, call));
  return (
    isHandleRelease(context, steps) ||
    isPingOnly(context, steps) ||
    // A command to a device on the network (`await endpoint.read(cluster, attrs)`): the failure is the device's answer.
    isDeviceCommand(context, steps) ||
    // One command to a data store or a network client (`await this.client.get(key)`), the log naming the step.
    // Not when the catch throws an error of its own instead: the driver's failure is then recorded only here.
    // The app's own function whose body is one such command is that command (`await certHandler.clearGarbage()`).
    ((isSingleStoreCommand(context, steps, workCalls) || isPromisifiedCommandOnly(context, tryBlock, calls) || isOneStepCallOnly(context, calls, 'store')) &&
      namesStep(log, context, variable) &&
      !(variable && throwsReplacement(context, variable.defs[0]!.node, variable))) ||
    isCredentialCheck(context, tryBlock) ||
    isSingleSystemCall(context, tryBlock) ||
    // The app's own function whose body is one step into the system (`await this.ensureBackupPath()`), the log naming it;
    // one synchronous call into node:crypto or node:tls building from material in hand (`tls.createSecureContext(certs)`).
    ((isOneStepCallOnly(context, calls, 'system') || isKeyMaterialCallOnly(context, calls)) && namesStep(log, context, variable)) ||
    isCleanupBeforeRethrow(context, tryBlock) ||
    // A teardown (`dispose()`, `stopApp()`): what is let go is going away; the message says what was left behind.
    isTeardown(tryBlock)
  );
}

/** The try block awaits one callback-style store command made into a promise, besides passive calls (see `promisifiedStoreCommand`). */
function isPromisifiedCommandOnly(context: Context, block: TSESTree.BlockStatement, calls: readonly TSESTree.CallExpression[]): boolean {
  let commands = 0;
  walkSameFunction(
    block,
    (node) => {
      if (node.type !== AST_NODE_TYPES.NewExpression) return true;
      if (promisifiedStoreCommand(context, node)) commands++;
      else commands = -Infinity;
      return false;
    },
    context.sourceCode.visitorKeys,
  );
  return commands === 1 && calls.every((call) => PASSIVE_CALLS.has(classifyCall(context, call)));
}

/**
 * `catch (error) { try { await store.remove(id) } catch (e) { log.error(e.message) } throw error }`, also in a
 * same-file helper called only there (`catch (error) { await this.rollBackDataTable(id); throw error }` with
 * `rollBackDataTable(id) { try { … } catch (cleanupError) { log.error(cleanupError.message) } }`): a clean-up made
 * while an earlier failure is on its way out. That failure is thrown on and told where it lands; the clean-up's
 * message says what was left behind. Session 40: also when the catch throws an error of its own that carries the
 * earlier one (`throw new Error(\`Failed createFileAttachment: ${getErrorMessage(error)}\`)`, flowise's clean-up of a
 * stored upload): the failure still leaves, named; the clean-up's failure is secondary to it. A catch that answers
 * instead of throwing, or throws without mentioning what it caught, stays reported.
 */
function isCleanupBeforeRethrow(context: Context, tryBlock: TSESTree.BlockStatement): boolean {
  const tryStatement = tryBlock.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return false;
  if (rethrowsAfter(context, tryStatement)) return true;
  const fn = getEnclosingFunction(tryStatement);
  const calls = fn ? sameFileCalls(context, fn) : null;
  return calls !== null && calls.length > 0 && calls.every((call) => rethrowsAfter(context, call));
}

/**
 * `node` sits in a catch clause of its own function that, after it, throws what it caught (`throw error`) or an error
 * built from it (`throw new Error(\`… ${error.message}\`)`, `throw wrap(error)`).
 */
function rethrowsAfter(context: Context, node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  for (let n: TSESTree.Node | undefined = node.parent; n && n !== fn; n = n.parent) {
    if (n.type !== AST_NODE_TYPES.CatchClause) continue;
    const param = n.param;
    if (param?.type !== AST_NODE_TYPES.Identifier) return false;
    const caught = findVariable(context, param);
    return n.body.body.some((statement) => {
      if (statement.type !== AST_NODE_TYPES.ThrowStatement || statement.range[0] < node.range[1]) return false;
      const thrown = skipTransparent(statement.argument);
      if (thrown.type === AST_NODE_TYPES.Identifier) return thrown.name === param.name;
      return (thrown.type === AST_NODE_TYPES.NewExpression || thrown.type === AST_NODE_TYPES.CallExpression) && caught !== null && caught.references.some((ref) => contains(thrown, ref.identifier));
    });
  }
  return false;
}

/** The `try` block whose catch clause binds `variable`, or null. */
export function caughtFrom(variable: TSESLint.Scope.Variable): TSESTree.BlockStatement | null {
  const def = variable.defs[0];
  if (def?.type !== 'CatchClause') return null;
  const tryStatement = def.node.parent;
  return tryStatement?.type === AST_NODE_TYPES.TryStatement ? tryStatement.block : null;
}

/**
 * Methods that parse, format, encode or validate a value in hand: `JSON.parse`, `yaml.parse`, `qs.parse`,
 * `msg.format(bindings)`, `codec.encodeOperationIds(filters)`, `utils.validateMap(settings, schema)` (not awaited:
 * the message names what is wrong with the value); also those that evaluate, render or compile a
 * template or expression in hand (`ctx.evaluateAsTemplateString(params.message)`, `engine.renderTemplate(text, vars)`):
 * the message names the bad template.
 */
const PARSE_METHOD = /^(?:(?:parse|format|decode|encode|deserialize|unserialize|validate)(?:[A-Z]\w*)?|(?:evaluate|eval|render|compile|interpolate)\w*(?:Template|Expression)\w*)$/u;

/** The class's own synchronous method that parses or validates a value in hand: `this.parseAndValidate(raw)`. */
const OWN_PARSE_METHOD = /^(?:parse|validate|format|decode|encode|deserialize|unserialize)(?:[A-Z]\w*)?$/u;

/** Calls beside a parse that do not fail for a real operation. */
const PASSIVE_INPUT_CALLS: ReadonlySet<string> = new Set(['pure', 'logs']);

/**
 * Every call in the try block parses or formats a value in hand (`JSON.parse(body)`,
 * `yaml.parse(text)`, `msg.format(bindings)`), besides logs and pure helpers, with no `new`,
 * `await`, `throw` or function inside. The error's message names the bad input; its stack only points into the parser.
 * A method of `this` is the app's own code and may do anything: it counts only when the class defines it as a
 * synchronous method named for parsing or validating (`this.parseAndValidate(raw)`).
 */
function isParseOnly(context: Context, block: TSESTree.BlockStatement): boolean {
  let parses = 0;
  let other = false;
  walkTree(
    block,
    (node) => {
      if (other) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        if (isParseCall(node) || isBodyParse(node) || isOwnParseMethodCall(context, node, OWN_PARSE_METHOD)) parses++;
        // `debug(text)` through a project's `createDebug('ns')` wrapper: a log, as a logger's call is.
        else if (isLogWrite(context, node)) return;
        // Beside the parse, logs and pure helpers (`DEFAULTS.includes(id)`, `debug(text)`) do not fail for a real operation.
        else if (!PASSIVE_INPUT_CALLS.has(classifyCall(context, node))) other = true;
      } else if (node.type === AST_NODE_TYPES.AwaitExpression && isBodyParse(skipTransparent(node.argument))) {
        // `await response.json()`: waits only for the parse of an answer already in hand.
      } else if (isOutsideWork(node) || isFunctionNode(node)) {
        other = true;
      }
    },
    context.sourceCode.visitorKeys,
  );
  return parses > 0 && !other;
}

/**
 * `await apiResponse.json()`, `await res.json()`: the body of an answer the code already holds (a
 * variable, not a call that goes out), read as JSON. What fails is the parse, named by the message.
 */
function isBodyParse(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return false;
  const callee = skipTransparent(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'json' && skipTransparent(callee.object).type === AST_NODE_TYPES.Identifier;
}

/** `JSON.parse(text)`, `yaml.parse(text)`, `qs.parse(s)`: a call that parses a value in hand (not a method of `this`). */
function isParseCall(node: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(node.callee);
  const path = getCalleePath(node);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
  return (path !== null && /^(?:\w+\.)*JSON\.parse$/u.test(path)) || (method !== null && PARSE_METHOD.test(method) && receiver !== null && receiver.type !== AST_NODE_TYPES.ThisExpression);
}

/**
 * `try { const settings = JSON.parse(minify(text)); … return settings } catch (e) { log(e.message);
 * process.exit(1) }`: a synchronous try that parses (no `await`, no `new`, no nested function), and
 * a log the process exits right after. The operator reads the message, fixes the file and restarts;
 * the stack only points into the parser. A try that awaits or constructs stays reported.
 */
function isParseThenExit(context: Context, block: TSESTree.BlockStatement, log: TSESTree.CallExpression): boolean {
  const statement = log.parent;
  const holder = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || holder?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const next = holder.body[holder.body.indexOf(statement) + 1];
  if (!next || exitOfStatement(next) === null) return false;
  let parses = false;
  let other = false;
  walkTree(
    block,
    (node) => {
      if (other) return;
      if (node.type === AST_NODE_TYPES.CallExpression && isParseCall(node)) parses = true;
      else if (isOutsideWork(node) || isFunctionNode(node)) other = true;
    },
    context.sourceCode.visitorKeys,
  );
  return parses && !other;
}

/** A call that checks a credential: `bind`, `compare`, `verify…`, `valid…`, `check…`, `authenticate…`, `login`, `signIn`. */
const CHECK_METHOD = /^(?:bind|compare|compareSync|verify\w*|valid\w*|check\w*|authenticate\w*|login|logIn|signIn)$/u;
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd']);
/** A bearer credential checked the same way: `jwt.verify(token, secret)`, `verifyEncryptedAuthToken(req.authToken, key)`. */
const TOKEN_WORDS = new Set(['token', 'jwt']);

/** Methods that verify a token: `verify`, `verifyAsync`, `verifyEncryptedAuthToken`, `verifyIdToken`. */
const VERIFY_METHOD = /^verify\w*$/u;

/**
 * The call whose error-first callback `variable` is the first parameter of: its last argument, or its only function
 * argument followed by plain values (`storage.set(name, 0, {}, (error) => …, this.metaData)`); else null.
 */
function errorCallbackCall(variable: TSESLint.Scope.Variable): TSESTree.CallExpression | null {
  const def = variable.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params[0] !== def.name) return null;
  const fn = def.node;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
  return call.arguments.at(-1) === fn || call.arguments.filter(isFunctionNode).length === 1 ? call : null;
}

/** `fs.writeFile`, `fs_1.default.unlink` (TypeScript's CommonJS output): the callback API of node:fs, not a `…Sync` method. */
const ASYNC_FS_CALL = /^(?:fs|fs_\d+(?:\.default)?)\.(?!\w*Sync$)[a-z]\w*$/u;

function isAsyncFsCall(call: TSESTree.CallExpression): boolean {
  const path = getCalleePath(call);
  return path !== null && ASYNC_FS_CALL.test(path);
}

/** `client.bind(dn, password)`, `bcrypt.compare(password, hash)`, `jwt.verify(token, secret)`: a call that checks a credential. */
function checksCredential(call: TSESTree.CallExpression): boolean {
  const path = getCalleePath(call);
  if (path === null || !CHECK_METHOD.test(lastSegment(path))) return false;
  return call.arguments.some((arg) => {
    const a = skipTransparent(arg);
    const name = a.type === AST_NODE_TYPES.Identifier ? a.name : a.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(a) : null;
    return name !== null && identifierWords(name).some((w) => PASSWORD_WORDS.has(w) || (TOKEN_WORDS.has(w) && VERIFY_METHOD.test(lastSegment(path))));
  });
}

/**
 * The try block checks a password (`await client.bind(dn, password)`, `await this.validUser(dn,
 * password)`, `bcrypt.compare(password, hash)`) or verifies a token (`jwt.verify(token, secret)`,
 * `tokenService.verifyEncryptedAuthToken(token, secret)`) and awaits nothing else: a failure is the
 * answer to that check (invalid credentials, an expired or forged token, server unreachable) and its
 * message says which.
 */
function isCredentialCheck(context: Context, block: TSESTree.BlockStatement): boolean {
  const calls = workCalls(context, block);
  const checks = calls.filter(checksCredential);
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

const classCalls = fileCache<Map<TSESTree.ClassBody, Map<string, TSESTree.CallExpression[] | null>>>();

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
  const answers = perFileMap(classCalls, context.sourceCode);
  const cached = answers.get(body);
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
  answers.set(body, map);
  return map;
}

