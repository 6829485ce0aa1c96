/**
 * Is this identifier the request object a handler was given? One answer for the rules that read what a
 * request carries (anonymous-callers.ts: is the identity absent; credential-checks.ts: is a token read
 * from the caller). Read without types: the names frameworks and apps give it (`req`, `request`, Koa's
 * `ctx`, `context`, Hono's `c`, with a leading `_` when unused), or a `const` that only renames one
 * (`const skReq = req`, TypeScript's `const r = req as AuthRequest`), never written again.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getVariableInit, isFunctionNode, skipTransparent } from './ast.js';
import { getHandlerInfo } from './handlers.js';

/** Names the request object goes by. */
export const REQUEST_NAME = /^_?(?:req|request|ctx|context|c)$/u;

/** `req`, `ctx`, or a `const` alias of one (`const skReq = req`). */
export function isRequestObject(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  if (REQUEST_NAME.test(n.name)) return true;
  if (depth > 1) return false;
  const variable = findVariable(context, n);
  const init = getVariableInit(variable);
  if (!init || variable!.references.some((r) => r.isWrite() && !r.init)) return false;
  return isRequestObject(context, init, depth + 1);
}

/**
 * Fields an HTTP request object has (Node's `IncomingMessage`; Express, Koa's context and request,
 * Fastify, Hapi, Nest), with what the usual middleware adds (session, user, files, a logger, an id).
 */
const HTTP_REQUEST_FIELDS = new Set([
  'headers', 'header', 'get', 'getHeader', 'getHeaders', 'rawHeaders', 'cookies', 'signedCookies', 'cookie', 'url',
  'originalUrl', 'baseUrl', 'method', 'path', 'pathname', 'query', 'querystring', 'search', 'href', 'origin', 'params',
  'body', 'rawBody', 'ip', 'ips', 'hostname', 'host', 'protocol', 'secure', 'subdomains', 'socket', 'connection',
  'session', 'sessionID', 'sessionId', 'user', 'auth', 'authInfo', 'isAuthenticated', 'login', 'logIn', 'logout',
  'logOut', 'files', 'file', 'xhr', 'accepts', 'acceptsLanguages', 'acceptsEncodings', 'is', 'route', 'app', 'res',
  'raw', 'httpVersion', 'payload', 'info', 'state', 'log', 'logger', 'id', 'routeOptions', 'routerPath', 'routeConfig',
  'server', 'plugins', 'pre', 'yar', 'on', 'once', 'pipe', 'emit', 'setEncoding', 'aborted', 'complete', 'destroy',
  'signal', 'request', 'req', 'response', 'status', 'throw', 'assert', 'redirect', 'set', 'type', 'fresh', 'stale',
  'locals', 'handshake', 'getUrl', 'getMethod', 'getBody', 'getQuery', 'getParams', 'getPath', 'remoteAddress',
]);

/**
 * Is `id` — named like a request — read in its scope only for fields no HTTP request has
 * (`req.template`, `req.data`, `request.options`: a report renderer's, a job runner's or an RPC
 * framework's own request)? Then it is a request of another kind and carries no HTTP headers or
 * cookies. Null evidence (never read for a field) answers no: the name decides then; so does a
 * handler registered with a framework (only parameter names are weaker evidence than the fields read).
 */
export function isOtherKindOfRequest(context: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  if (!variable) return false;
  // The request parameter of a handler registered with a framework (`app.get(path, (req, res) => …)`), a
  // Nest or Next.js route is an HTTP request whatever fields the app hangs on it (`req.tenant`).
  const def = variable.defs[0];
  if (def?.type === 'Parameter' && isFunctionNode(def.node)) {
    const via = getHandlerInfo(context, def.node)?.via;
    if (via && via !== 'params') return false;
  }
  let foreign = false;
  for (const ref of variable.references) {
    for (const field of fieldsReadOff(ref.identifier)) {
      if (HTTP_REQUEST_FIELDS.has(field)) return false;
      foreign = true;
    }
  }
  return foreign;
}

/** `x.field`, `x?.field`, `const { field } = x`: the named fields read off `node`. */
function fieldsReadOff(node: TSESTree.Node): string[] {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    if (!parent.computed) return parent.property.type === AST_NODE_TYPES.Identifier ? [parent.property.name] : [];
    return parent.property.type === AST_NODE_TYPES.Literal && typeof parent.property.value === 'string' ? [parent.property.value] : [];
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
    return parent.id.properties.flatMap((p) =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier ? [p.key.name] : [],
    );
  }
  return [];
}
