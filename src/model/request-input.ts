/**
 * Request-derived data within one function: which expressions carry what a client sent
 * (`req.query.user`, `request.body`, `ctx.request.headers`, `c.req.param('id')`, a Nest
 * `@Query('q')` parameter, `searchParams.get('page')`, `await request.json()`, a gRPC call's
 * `call.request.name` and a jayson method's params: rpc-input.ts), followed
 * through local variables, destructuring, string methods, template literals and
 * concatenation.
 *
 * Only free text counts. Framework-derived request facts that cannot carry a line break
 * (`req.method`, `req.ip`, `req.url`, `req.path`: Node's HTTP parser rejects CR/LF in the
 * request line) are not request input, nor are values converted to numbers or booleans
 * (`Number(x)`, `parseInt(x)`, `x.length`, a `number`-typed or `ParseIntPipe` parameter),
 * nor values passed through a sanitizer (`JSON.stringify`, `encodeURIComponent`, a
 * `.replace` that strips `\n`, or a configured sanitizer). Calls to unknown functions do
 * not propagate: `findUser(req.params.id)` returns the app's data, not the client's.
 *
 * Header values are request input but, as the HTTP parser hands them over, cannot carry a
 * line break: Node's parser (llhttp) answers 400 to CR, LF, NUL, ESC and other control
 * characters in a header value, and the Fetch `Headers` class rejects CR, LF and NUL. A
 * header value can forge a log line only once the app decodes it (`decodeURIComponent`).
 * `RequestInput.lineSafe` says so; `isRequestValue` leaves such values out unless asked.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  contains,
  findVariable,
  getCalleePath,
  getRootIdentifier,
  getMemberPath,
  getPropertyName,
  getStringValue,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  ownEntry,
} from './ast.js';
import { isSocketMessageParameter } from './sockets.js';
import { isLoginNameParameter } from './logins.js';
import { NO_INDICES, TEXT_PRESERVING_METHODS, reachingWritesBefore, sameFileCallSites, sameFileMethodCallSites, textReturningParams, thisFieldWritesBefore, writtenInBody } from './input-flow.js';
import { getHandlerInfo } from './handlers.js';
import { getImportSource } from './modules.js';
import { namesModule } from './job-runners.js';
import { splitsOnLineBreaks, stripsLineBreaks } from './line-breaks.js';
import { hasNonTextAnnotation } from './non-text-values.js';
import { paramBinding } from './handler-params.js';
import { HOLDER_KEYS, validationCall } from './validated-input.js';
import { messageHandlerInput, nestDecoratorInput, rpcServerInput } from './rpc-input.js';

/**
 * - `request`: the request object (`req`, `request`, `ctx.request`, Hono's `c.req`, a Nest `@Req()`);
 * - `context`: a Koa or Hono context (`ctx`, `c`);
 * - `url`: a URL parsed from the request (`new URL(request.url)`, `request.nextUrl`);
 * - `container`: an object of client-supplied values (`req.query`, `req.body`, headers, `searchParams`, a Nest `@Body()` DTO);
 * - `value`: one client-supplied value (`req.query.name`, `c.req.param('id')`, `searchParams.get('q')`);
 * - `call`: a gRPC server method's call (rpc-input.ts): only its `.request` is the client's message;
 * - `result`: a schema validation's result object (validated-input.ts): its `.value` / `.data` is the input.
 */
export type RequestInputKind = 'request' | 'context' | 'url' | 'container' | 'value' | 'call' | 'result';

/** Where the data came from, for messages. */
export type RequestInputOrigin = 'query' | 'params' | 'body' | 'headers' | 'cookies' | 'message' | 'rpc' | 'args';

export interface RequestInput {
  kind: RequestInputKind;
  origin: RequestInputOrigin | null;
  /** A value that is known to be decoded by the app (`decodeURIComponent(header)`): it may hold any character again. */
  decoded?: boolean;
}

export interface RequestInputOptions {
  /**
   * Functions that make a value safe (`sanitizeLog`, `utils.clean`): a call of one of them
   * (by full path, or by its last segment when the entry has no dot) carries no request input.
   */
  sanitizers?: readonly string[];
  /**
   * Whether a value has been pinned down where it is (allow-list, pattern, validator): a call site
   * of a same-file helper that passes such a value does not make the helper's parameter input.
   */
  isConstrained?: (node: TSESTree.Node) => boolean;
}

export interface RequestInputTracker {
  /** What request data `node` carries, or null when none. */
  classify(node: TSESTree.Node): RequestInput | null;
  /**
   * Whether `node` is one free-text value a client supplied that can carry a CR/LF. Header
   * values as parsed (see the module comment) count only with `includeHeaders`.
   */
  isRequestValue(node: TSESTree.Node, includeHeaders?: boolean): boolean;
  /**
   * The arguments of `call` whose text a same-file helper returns inside the text it builds
   * (`fmt(req.query.u)` with `const fmt = (u) => \`user ${u}\``); empty for any other call.
   */
  helperTextArguments(call: TSESTree.CallExpression): TSESTree.Expression[];
}

/** Whether a classified value can still carry a line break: not a header value straight from the parser. */
export function canCarryLineBreak(input: RequestInput | null): boolean {
  return !!input && input.kind === 'value' && (input.origin !== 'headers' || input.decoded === true);
}

const REQUEST_CONTAINERS: Record<string, RequestInputOrigin> = {
  query: 'query',
  params: 'params',
  body: 'body',
  headers: 'headers',
  header: 'headers',
  cookies: 'cookies',
  signedCookies: 'cookies',
};
const CONTEXT_CONTAINERS: Record<string, RequestInputOrigin> = {
  query: 'query',
  params: 'params',
  headers: 'headers',
  header: 'headers',
  cookies: 'cookies',
};
/** Express / Koa header readers (`req.get('x')`, `req.header('x')`) and Express's `req.param('id')`. */
const REQUEST_VALUE_METHODS: Record<string, RequestInputOrigin> = { get: 'headers', header: 'headers', param: 'params' };
/** Hono `c.req.query('q')` / `c.req.query()`, `c.req.param()`, `c.req.header()`, `c.req.queries()`. */
const HONO_READERS: Record<string, RequestInputOrigin> = { query: 'query', queries: 'query', param: 'params', header: 'headers' };
/** Hono validator targets. */
const VALIDATED_TARGETS: Record<string, RequestInputOrigin> = { json: 'body', form: 'body', query: 'query', param: 'params', header: 'headers', cookie: 'cookies' };
/** Body readers: Next/Fetch `await request.json()`, Hono `c.req.json()` / `c.req.parseBody()`. */
const BODY_READERS = new Set(['json', 'formData', 'parseBody']);

/** Array methods whose callback gets each element first. */
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every']);
/** Functions whose result carries their argument's text. */
const TEXT_PRESERVING_FUNCTIONS = new Set(['String', 'decodeURIComponent', 'decodeURI', 'unescape']);
/** Terminal styling packages: their functions return the text they are given, wrapped in ANSI codes. */
const STYLING_MODULES = new Set(['chalk', 'colors', 'colors/safe', 'kleur', 'kleur/colors', 'picocolors', 'ansi-colors', 'cli-color', 'colorette', 'yoctocolors']);
/** Of those, the ones that turn `%0A` back into a line break. */
const DECODING_FUNCTIONS = new Set(['decodeURIComponent', 'decodeURI', 'unescape']);

const REQUEST_TYPE = /^(?:Request|FastifyRequest|NextRequest|IncomingMessage|NextApiRequest|HonoRequest)$/u;

const MAX_DEPTH = 12;

/** A tracker for one file (its caches die with the rule's `create`). */
export function createRequestInputTracker(context: Context, options: RequestInputOptions = {}): RequestInputTracker {
  const cache = new Map<TSESTree.Node, RequestInput | null>();
  const inProgress = new WeakSet<TSESTree.Node>();
  const sanitizers = options.sanitizers ?? [];

  function classify(node: TSESTree.Node, depth = 0): RequestInput | null {
    if (depth > MAX_DEPTH) return null;
    if (cache.has(node)) return cache.get(node)!;
    if (inProgress.has(node)) return null;
    inProgress.add(node);
    const result = compute(node, depth);
    inProgress.delete(node);
    cache.set(node, result);
    return result;
  }

  function compute(node: TSESTree.Node, depth: number): RequestInput | null {
    const n = skipTransparent(node);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier:
        return classifyIdentifier(n, depth);
      case AST_NODE_TYPES.MemberExpression: {
        // this.streamApp = req.params.app; … log(this.streamApp): a field the same function filled (input-flow.ts)
        if (n.object.type === AST_NODE_TYPES.ThisExpression) return strongest(thisFieldWritesBefore(context, n), depth);
        const base = classify(n.object, depth + 1);
        return base ? member(base, n.computed && getPropertyName(n) === null ? null : getPropertyName(n)) : null;
      }
      case AST_NODE_TYPES.CallExpression:
        return classifyCall(n, depth);
      case AST_NODE_TYPES.NewExpression: {
        const path = getCalleePath(n);
        const arg = n.arguments[0];
        if (!arg) return null;
        if (path === 'URL') {
          // new URL(request.url): its search params are the client's.
          const a = skipTransparent(arg);
          if (a.type === AST_NODE_TYPES.MemberExpression && getPropertyName(a) === 'url' && classify(a.object, depth + 1)?.kind === 'request') {
            return { kind: 'url', origin: 'query' };
          }
          return null;
        }
        if (path === 'URLSearchParams') {
          const inner = classify(arg, depth + 1);
          return inner && (inner.kind === 'value' || inner.kind === 'container') ? { kind: 'container', origin: inner.origin } : null;
        }
        return null;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        return firstValue(n.expressions, depth);
      case AST_NODE_TYPES.BinaryExpression:
        return n.operator === '+' ? firstValue([n.left, n.right], depth) : null;
      case AST_NODE_TYPES.LogicalExpression:
        return strongest([n.left, n.right], depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return strongest([n.consequent, n.alternate], depth);
      case AST_NODE_TYPES.AssignmentExpression:
        return n.operator === '=' || n.operator === '||=' || n.operator === '??=' ? classify(n.right, depth + 1) : null;
      case AST_NODE_TYPES.SequenceExpression:
        return n.expressions.length > 0 ? classify(n.expressions[n.expressions.length - 1]!, depth + 1) : null;
      default:
        return null;
    }
  }

  /** The first value among `nodes`, preferring one that can carry a line break (`${req.get('host')}/${req.query.q}`). */
  function firstValue(nodes: readonly TSESTree.Node[], depth: number): RequestInput | null {
    let first: RequestInput | null = null;
    for (const e of nodes) {
      if (e.type === AST_NODE_TYPES.PrivateIdentifier) continue;
      const r = classify(e, depth + 1);
      if (canCarryLineBreak(r)) return r;
      if (r?.kind === 'value') first ??= r;
    }
    return first;
  }

  function strongest(nodes: readonly TSESTree.Node[], depth: number): RequestInput | null {
    let best: RequestInput | null = null;
    for (const e of nodes) {
      const r = classify(e, depth + 1);
      if (r && (!best || (r.kind === 'value' && !canCarryLineBreak(best)))) best = r;
    }
    return best;
  }

  /** `chalk.bold(user)`, `colors.red(user)`, `bold(user)` from kleur/colors: terminal styling wraps the text and keeps its line breaks. */
  function styledText(call: TSESTree.CallExpression, root: TSESTree.Identifier | null, depth: number): RequestInput | null {
    const arg = call.arguments[0];
    if (!arg || !root || !namesModule(context, STYLING_MODULES) || !STYLING_MODULES.has(getImportSource(context, root)?.source ?? '')) return null;
    const inner = classify(arg, depth + 1);
    return inner?.kind === 'value' ? inner : null;
  }

  function isSanitizer(call: TSESTree.CallExpression): boolean {
    const path = getCalleePath(call);
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    for (const entry of sanitizers) {
      if (path === entry) return true;
      if (!entry.includes('.') && ((path !== null && lastSegment(path) === entry) || method === entry)) return true;
    }
    return false;
  }

  function classifyCall(call: TSESTree.CallExpression, depth: number): RequestInput | null {
    if (isSanitizer(call)) return null;
    const callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // Next.js server code: headers() / cookies() from next/headers read the incoming request
      const nextReader = getImportSource(context, callee);
      if (nextReader?.source === 'next/headers' && (nextReader.imported === 'headers' || nextReader.imported === 'cookies')) {
        return { kind: 'container', origin: nextReader.imported };
      }
      const helper = helperTextInput(call, depth);
      if (helper) return helper;
      const styled = styledText(call, callee, depth);
      if (styled) return styled;
      const arg = call.arguments[0];
      if (!arg || !TEXT_PRESERVING_FUNCTIONS.has(callee.name) || findVariable(context, callee)?.defs.length) return null;
      const inner = classify(arg, depth + 1);
      if (inner?.kind !== 'value') return null;
      return DECODING_FUNCTIONS.has(callee.name) ? { ...inner, decoded: true } : inner;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = getPropertyName(callee);
    if (method === null) return null;
    const styled = styledText(call, getRootIdentifier(callee), depth);
    if (styled) return styled;
    // JSON.parse(fields.errorInfo): the object a client's JSON text becomes holds the client's text.
    if (method === 'parse' && call.arguments.length >= 1 && getMemberPath(callee) === 'JSON.parse') {
      const inner = classify(call.arguments[0]!, depth + 1);
      return inner?.kind === 'value' ? { kind: 'container', origin: inner.origin } : null;
    }
    // schema.validate(req.params).value, Schema.parse(req.body): validated, still the client's text (validated-input.ts)
    const validation = validationCall(context, call);
    if (validation) {
      const inner = classify(validation.input, depth + 1);
      if (inner?.kind !== 'value' && inner?.kind !== 'container') return null;
      return validation.returns === 'whole' ? inner : { kind: 'result', origin: inner.origin };
    }
    // Nest guards, interceptors and filters: context.switchToHttp().getRequest()
    if (method === 'getRequest' && call.arguments.length === 0) {
      const receiver = skipTransparent(callee.object);
      if (receiver.type === AST_NODE_TYPES.CallExpression && getCalleePath(receiver)?.endsWith('.switchToHttp')) return { kind: 'request', origin: null };
    }
    const base = classify(callee.object, depth + 1);
    if (!base) return null;
    const hasArg = call.arguments.length > 0;
    switch (base.kind) {
      case 'request': {
        const hono = ownEntry(HONO_READERS, method);
        if (hono && isHonoRequest(callee.object)) return { kind: hasArg ? 'value' : 'container', origin: hono };
        const reader = ownEntry(REQUEST_VALUE_METHODS, method);
        if (reader && hasArg) return { kind: 'value', origin: reader };
        if (BODY_READERS.has(method)) return { kind: 'container', origin: 'body' };
        // Hono: c.req.valid('json') — validated for shape, still the client's text
        if (method === 'valid' && isHonoRequest(callee.object)) {
          const target = getStringValue(call.arguments[0]);
          const origin = target === null ? null : VALIDATED_TARGETS[target];
          return origin ? { kind: 'container', origin } : null;
        }
        if (method === 'text') return { kind: 'value', origin: 'body' };
        return null;
      }
      case 'context':
        return method === 'get' && hasArg ? { kind: 'value', origin: 'headers' } : null;
      case 'container':
        // a protobuf message's generated getters: call.request.getName(), getTagsList(), toObject()
        if (base.origin === 'rpc' && !hasArg && (/^get[A-Z]/u.test(method) || method === 'toObject')) return { kind: /^get\w*(?:List|Map)$|^toObject$/u.test(method) ? 'container' : 'value', origin: 'rpc' };
        return (method === 'get' || method === 'getAll') && hasArg ? { kind: 'value', origin: base.origin } : null;
      case 'value':
        if (method === 'replace' || method === 'replaceAll') return stripsLineBreaks(call, method) ? null : base;
        if (method === 'split') return splitsOnLineBreaks(call) ? null : base;
        return TEXT_PRESERVING_METHODS.has(method) ? base : null;
      default:
        return null;
    }
  }

  /**
   * `fmt(req.query.u)` where `const fmt = (u) => \`user ${u}\``: a same-file helper that returns
   * text built from a parameter carries what the call site passes for it.
   */
  function helperTextInput(call: TSESTree.CallExpression, depth: number): RequestInput | null {
    const indices = call.arguments.length > 0 ? textReturningParams(context, call) : NO_INDICES;
    if (indices.length === 0) return null;
    const args = call.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? null : a));
    return firstValue(indices.map((i) => args[i]).filter((a): a is TSESTree.Expression => !!a), depth);
  }

  /**
   * `function audit(name) { log.info(\`… ${name}\`) }` called only as `audit(req.body.name)`: a
   * parameter of a same-file helper that every call site fills with request input. Quiet as soon
   * as one call site passes something else, or the helper escapes (exported, passed as a value).
   */
  function inputAtEveryCallSite(fn: AnyFunction, index: number, depth: number): RequestInput | null {
    const calls = sameFileCallSites(context, fn) ?? sameFileMethodCallSites(context, fn);
    if (!calls || calls.length === 0) return null;
    let result: RequestInput | null = null;
    for (const call of calls) {
      const arg = call.arguments[index];
      if (!arg || call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
      const input = classify(arg, depth + 1);
      // A whole body or parsed message (`save(req.body)`, `process(JSON.parse(data))`) makes the parameter one too.
      if ((input?.kind !== 'value' && input?.kind !== 'container') || options.isConstrained?.(arg)) return null;
      if (result && result.kind !== input.kind) return null;
      // The weakest call site decides: a header value as parsed cannot carry a line break.
      if (!result || !canCarryLineBreak(input)) result = input;
    }
    return result;
  }

  function classifyIdentifier(id: TSESTree.Identifier, depth: number): RequestInput | null {
    const variable = findVariable(context, id);
    if (!variable || variable.defs.length === 0) return null;
    const def = variable.defs[variable.defs.length - 1]!;
    if (def.type === 'Parameter') return classifyParameter(def.node as AnyFunction, def.name as TSESTree.Identifier, depth);
    if (def.type !== 'Variable') return null;
    const declarator = def.node;
    const declared = def.name as TSESTree.Identifier;
    if (hasNonTextAnnotation(declared)) return null;
    // for (const item of req.body.items)
    const loop = declarator.parent?.parent;
    if (
      !declarator.init &&
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declarator.parent
    ) {
      if (loop.type === AST_NODE_TYPES.ForInStatement) return null;
      const base = classify(loop.right, depth + 1);
      const element = base && (base.kind === 'container' || base.kind === 'value') ? { kind: 'value' as const, origin: base.origin } : null;
      return element && applyPattern(element, declared, declarator.id);
    }
    const writes = reachingWritesBefore(variable, id);
    if (writes === undefined) {
      if (!declarator.init) return null;
      const base = classify(declarator.init, depth + 1);
      return base && applyPattern(base, declared, declarator.id);
    }
    // `let id = req.params.x; if (c) id = await lookup(id);`: the raw value survives the path around the `if`.
    let best: RequestInput | null = null;
    for (const write of writes) {
      let r: RequestInput | null;
      if (write === null) r = null;
      else if (write === declarator) r = declarator.init ? classify(declarator.init, depth + 1) : null;
      else r = classify(write, depth + 1);
      if (write === declarator && r) r = applyPattern(r, declared, declarator.id);
      if (r && (!best || (r.kind === 'value' && !canCarryLineBreak(best)))) best = r;
    }
    return best;
  }

  function classifyParameter(fn: AnyFunction, name: TSESTree.Identifier, depth: number): RequestInput | null {
    if (!isFunctionNode(fn)) return null;
    const index = fn.params.findIndex((p) => contains(p, name));
    const param = fn.params[index];
    if (!param) return null;
    const nest = nestDecoratorInput(fn, index) ?? messageHandlerInput(fn, index);
    const bound = paramBinding(param);
    if (nest) {
      if (nest === 'none') return null;
      if (bound === name && hasNonTextAnnotation(name)) return null;
      return bound ? applyPattern(nest, name, bound) : null;
    }
    if (!bound) return null;
    const base =
      // before the request by name: a gRPC method's `(req, callback)`, `call.on('data', (request) => …)`
      rpcServerInput(context, fn, index, (n) => classify(n, depth + 1)) ??
      parameterBase(fn, index, bound) ??
      elementOfIteration(fn, index) ??
      parsedFormFields(fn, index) ??
      socketMessage(fn, index) ??
      (isLoginNameParameter(fn, index) ? { kind: 'value', origin: 'body' } : null) ??
      (bound === name && !writtenInBody(context, fn, name) ? inputAtEveryCallSite(fn, index, depth) : null);
    if (!base) return null;
    if (bound === name && hasNonTextAnnotation(name) && base.kind === 'value') return null;
    return applyPattern(base, name, bound);
  }

  /**
   * `socket.on('join', (room, ack) => …)` (socket.io), `ws.on('message', (data) => …)` (ws): what a
   * client sends over a WebSocket is client input like a request body. The socket is a parameter of
   * a `'connection'` listener or named like one; reserved events (`disconnect`, `error`, `close`, …)
   * carry no client data.
   */
  function socketMessage(fn: AnyFunction, index: number): RequestInput | null {
    return isSocketMessageParameter(context, fn, index) ? { kind: 'value', origin: 'message' } : null;
  }

  /**
   * `new formidable.IncomingForm().parse(req, (err, fields, files) => …)`, multiparty's
   * `form.parse(req, (err, fields, files) => …)`: the callback's parameters after the error hold the
   * request's form fields, client input like a body.
   */
  function parsedFormFields(fn: AnyFunction, index: number): RequestInput | null {
    const call = fn.parent;
    if (index === 0 || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 2 || call.arguments[1] !== fn) return null;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'parse') return null;
    return classify(call.arguments[0]!)?.kind === 'request' ? { kind: 'container', origin: 'body' } : null;
  }

  /** `req.body.items.forEach((item) => …)`: the callback's first parameter is an element of request input. */
  function elementOfIteration(fn: AnyFunction, index: number): RequestInput | null {
    const call = fn.parent;
    if (index !== 0 || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !ITERATION_METHODS.has(getPropertyName(callee) ?? '')) return null;
    const base = classify(callee.object);
    return base && (base.kind === 'container' || base.kind === 'value') ? { kind: 'value', origin: base.origin } : null;
  }

  /** What a handler's parameter at `index` is: the request, a Koa/Hono context, or nothing. */
  function parameterBase(fn: AnyFunction, index: number, bound: TSESTree.Node): RequestInput | null {
    const info = getHandlerInfo(context, fn);
    const id = bound.type === AST_NODE_TYPES.Identifier ? bound : null;
    if (info) {
      if (id && info.req === id) return { kind: 'request', origin: null };
      if (id && info.ctx === id) {
        if (info.framework === 'koa' || info.framework === 'hono') return { kind: 'context', origin: null };
        return null;
      }
      // app.post('/login', ({ body }, res) => …): a destructured request.
      if (!id && info.framework !== 'nest' && info.framework !== 'koa' && info.framework !== 'hono' && info.framework !== 'graphql') {
        const reqIndex = info.kind === 'error-handler' ? 1 : 0;
        if (index === reqIndex) return { kind: 'request', origin: null };
      }
      if (!id && (info.framework === 'koa' || info.framework === 'hono') && index === 0) return { kind: 'context', origin: null };
      // Next.js: export async function GET(request, { params }) — the dynamic route segments
      if (info.framework === 'next' && info.kind === 'route' && index === 1) return { kind: 'context', origin: null };
      // A GraphQL resolver's field arguments: (parent, args, context, info), mutateAndGetPayload(input, context)
      if (info.framework === 'graphql' && info.argsIndex === index) return { kind: 'container', origin: 'args' };
    }
    if (!id) return null;
    // Helpers that take the request by its conventional name: `function audit(req) { … }`.
    if (id.name === 'req' || (id.name === 'request' && !isOutgoingRequestCallback(fn))) {
      const type = typeName(id);
      if (type === null || REQUEST_TYPE.test(type)) return { kind: 'request', origin: null };
    }
    if (id.name === 'request' || id.name === 'req') return null;
    const type = typeName(id);
    if (type !== null && REQUEST_TYPE.test(type) && type !== 'Request') return { kind: 'request', origin: null };
    return null;
  }

  function isHonoRequest(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    // c.req, ctx.req, or a variable holding it (`const req = c.req`)
    if (n.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(n) === 'req' && classify(n.object)?.kind === 'context';
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, n);
      const def = variable?.defs[0];
      if (def?.type === 'Variable' && def.node.init && def.node.id === def.name) return isHonoRequest(def.node.init);
      const type = typeName(n);
      return type === 'HonoRequest';
    }
    return false;
  }

  function member(base: RequestInput, name: string | null): RequestInput | null {
    switch (base.kind) {
      case 'request': {
        if (name === null) return null;
        const origin = ownEntry(REQUEST_CONTAINERS, name);
        if (origin) return { kind: 'container', origin };
        if (name === 'nextUrl') return { kind: 'url', origin: 'query' };
        return null;
      }
      case 'context': {
        if (name === 'request' || name === 'req') return { kind: 'request', origin: null };
        const origin = name === null ? undefined : ownEntry(CONTEXT_CONTAINERS, name);
        return origin ? { kind: 'container', origin } : null;
      }
      case 'url':
        return name === 'searchParams' || name === 'query' ? { kind: 'container', origin: 'query' } : null;
      case 'call':
        return name === 'request' ? { kind: 'container', origin: 'rpc' } : null;
      case 'result':
        return name !== null && HOLDER_KEYS.has(name) ? { kind: 'container', origin: base.origin } : null;
      case 'container':
      case 'value':
        if (name === 'length' || name === 'size') return null;
        return { kind: 'value', origin: base.origin };
      default:
        return null;
    }
  }

  function applyPattern(base: RequestInput, name: TSESTree.Identifier, root: TSESTree.Node): RequestInput | null {
    const path: ({ kind: 'prop'; key: string | null } | { kind: 'rest' | 'index' })[] = [];
    let node: TSESTree.Node = name;
    while (node !== root) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (!parent) return null;
      if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
        path.push({ kind: 'prop', key: getPropertyName(parent) });
        node = parent.parent;
      } else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
        node = parent;
      } else if (parent.type === AST_NODE_TYPES.RestElement && parent.parent) {
        // `{ a, ...rest }` keeps the object; `[a, ...rest]` holds elements.
        path.push({ kind: parent.parent.type === AST_NODE_TYPES.ArrayPattern ? 'index' : 'rest' });
        node = parent.parent;
      } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
        path.push({ kind: 'index' });
        node = parent;
      } else if (parent.type === AST_NODE_TYPES.TSParameterProperty) {
        node = parent;
      } else {
        return null;
      }
    }
    let current: RequestInput | null = base;
    for (let i = path.length - 1; i >= 0 && current; i--) {
      const step = path[i]!;
      if (step.kind === 'prop') current = member(current, step.key);
      else if (step.kind === 'index') current = current.kind === 'container' || current.kind === 'value' ? { kind: 'value', origin: current.origin } : null;
    }
    return current;
  }

  return {
    classify: (node) => classify(node),
    isRequestValue: (node, includeHeaders = false) => {
      const input = classify(node);
      return includeHeaders ? input?.kind === 'value' : canCarryLineBreak(input);
    },
    helperTextArguments: (call) => {
      const indices = call.arguments.length > 0 ? textReturningParams(context, call) : NO_INDICES;
      return indices.map((i) => call.arguments[i]).filter((a): a is TSESTree.Expression => !!a && a.type !== AST_NODE_TYPES.SpreadElement);
    },
  };
}

function typeName(id: TSESTree.Identifier): string | null {
  const type = id.typeAnnotation?.typeAnnotation;
  if (!type || type.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return null;
}


/** `axios.interceptors.request.use((request) => …)`: an outgoing request, not a client's. */
function isOutgoingRequestCallback(fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const path = getCalleePath(call);
  return path !== null && /(?:^|\.)interceptors\.request\.use$/u.test(path);
}

