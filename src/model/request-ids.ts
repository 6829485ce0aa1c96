/**
 * Request ids: where an inbound id header is read (`req.headers['x-request-id']`,
 * `req.get('X-Request-ID')`, `c.req.header('x-correlation-id')`), whether a function checks such
 * a value before using it, and whether a file gives each request an id of its own (a request-id
 * middleware, `req.id = randomUUID()`, Hono's `requestId()`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type AnyFunction, type Context, getCalleePath, getMemberPath, getPropertyName, getRootIdentifier, getStringValue, lastSegment, skipTransparent } from './ast.js';
import { getImportSource, getRequiredModule } from './modules.js';

/** `x-request-id`, `request-id`, `x-correlation-id`, `x-trace-id`, `x-amzn-trace-id`; not `x-parse-request-id` (an idempotency key). */
const ID_HEADER = /^(?:x-)?(?:amzn-)?(?:request|req|correlation|trace)[-_]?id$/iu;
/** Methods that read one request header: Express `req.get`/`req.header`, Koa `ctx.get`, Hono `c.req.header`, fetch `headers.get`. */
const HEADER_GETTERS = new Set(['get', 'header']);

/**
 * The header a node reads when it reads an inbound request-id header, else null:
 * `req.headers['x-request-id']`, `request.headers['request-id']`, `req.get('X-Request-ID')`,
 * `req.header('x-request-id')`, `c.req.header('X-Request-Id')`, `request.headers.get('x-request-id')`.
 */
export function readRequestIdHeader(node: TSESTree.Node): string | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparent(n.object);
    if (object.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(object) !== 'headers') return null;
    const name = n.computed ? getStringValue(n.property) : getPropertyName(n);
    return name !== null && ID_HEADER.test(name) ? name : null;
  }
  if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getPropertyName(n.callee);
    if (method === null || !HEADER_GETTERS.has(method) || n.arguments.length !== 1) return null;
    const name = getStringValue(n.arguments[0]);
    return name !== null && ID_HEADER.test(name) ? name : null;
  }
  return null;
}

/** A check that bounds a value: a regex `.test()`/`.match()`, a validator (`isUUID`, `validate`, `uuidValidate`, `safeParse`), a length limit. */
const VALIDATION = /\.test\(|\.match\(|\bvalid|\bisUuid|\bisUUID|safeParse|\.length\s*[<>]=?|\bmatches\(/iu;

/** Whether a function (a `genReqId`, a middleware) checks anything before using a value. */
export function functionValidates(context: Context, fn: AnyFunction): boolean {
  return VALIDATION.test(context.sourceCode.getText(fn));
}

/** Packages that give each request an id (by module specifier, matched on words). */
const REQUEST_ID_PACKAGE = /(?:^|[/@-])(?:request|req|correlation|trace)[-_]?id(?:$|[/-])|rtracer|express-request-context|express-http-context|hono\/request-id|koa-requestid/iu;
/** Request properties that hold its id. */
const ID_PROPERTY = /^(?:id|requestId|reqId|request_id|req_id|correlationId|correlation_id|traceId)$/u;
/** Request objects a middleware assigns the id on. */
const REQUEST_ROOT = /^(?:req|request|ctx|context|c)$/u;
/** Middleware named for request ids: `requestId()`, `addRequestId`, `correlationId`, `requestIdMiddleware`. */
const ID_MIDDLEWARE_NAME = /(?:request|req|correlation|trace)[-_]?id/iu;

/**
 * Whether anything in a file gives requests an id of their own (ignoring `genReqId` options):
 * a request-id package is imported (`express-request-id`, `cls-rtracer`, `hono/request-id`,
 * `koa-requestid`), a middleware named for it is registered (`app.use(requestId())`,
 * `app.use(correlationIdMiddleware)`), or a request's id property is assigned
 * (`req.id = …`, `req.requestId = …`, `ctx.state.requestId = …`, `c.set('requestId', …)`).
 * `extra`: configured package names or middleware names.
 */
export function fileAssignsRequestIds(context: Context, calls: readonly TSESTree.CallExpression[], assignments: readonly TSESTree.AssignmentExpression[], extra: readonly string[]): boolean {
  const program = context.sourceCode.ast;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && isIdPackage(statement.source.value, extra)) return true;
  }
  for (const call of calls) {
    const required = getRequiredModule(call);
    if (required !== null && isIdPackage(required, extra)) return true;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getPropertyName(callee);
    if (method === 'set' && getStringValue(call.arguments[0]) !== null && ID_PROPERTY.test(getStringValue(call.arguments[0])!)) return true;
    if (method !== 'use' && method !== 'register' && method !== 'addHook') continue;
    for (const arg of call.arguments) {
      const a = skipTransparent(arg);
      const target = a.type === AST_NODE_TYPES.CallExpression || a.type === AST_NODE_TYPES.NewExpression ? skipTransparent(a.callee) : a;
      const path = getMemberPath(target) ?? (a.type === AST_NODE_TYPES.CallExpression ? getCalleePath(a) : null);
      if (path !== null && (ID_MIDDLEWARE_NAME.test(lastSegment(path)) || extra.includes(path) || extra.includes(lastSegment(path)))) return true;
      const root = getRootIdentifier(target);
      const binding = root ? getImportSource(context, root) : null;
      if (binding && isIdPackage(binding.source, extra)) return true;
    }
  }
  for (const assignment of assignments) {
    const left = assignment.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = getPropertyName(left);
    if (name === null || !ID_PROPERTY.test(name)) continue;
    const root = getRootIdentifier(left);
    if (root && REQUEST_ROOT.test(root.name)) return true;
  }
  return false;
}

function isIdPackage(source: string, extra: readonly string[]): boolean {
  return REQUEST_ID_PACKAGE.test(source) || extra.includes(source);
}
