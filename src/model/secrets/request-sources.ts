/**
 * Which request or environment source is this value? `req.headers`, `req.headers.authorization`,
 * `req.cookies`, a session cookie, `req.body` (where it carries credentials), the session id,
 * the whole request, `process.env` and its credential variables.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getPropertyName, getStringValue, isFunctionNode, skipTransparent } from '../ast.js';
import { getHandlerInfo } from '../handlers.js';
import { isKoaNextGeneratorThis } from '../koa-generators.js';
import { isOtherKindOfRequest } from '../request-object.js';
import { isCredentialEnvKey } from './names.js';
import { type NameVerdictOf, type ValueVerdict, SAFE, secret } from './verdicts.js';

/** Cookies that hold a session even when their name does not say so. */
export const SESSION_COOKIE_NAMES = new Set(['sid', 'session', 'sess', 'connect.sid', 'auth', 'jwt', 'remember_me', 'rememberme']);

const REQUEST_NAME = /^(?:req|request|ctx|incomingRequest|httpRequest|rawRequest|originalRequest|expressRequest|koaCtx)$/u;
const WHOLE_REQUEST_NAME = /^(?:req|request|ctx)$/u;
const REQUEST_TYPE = /(?:Request|Req|Context|Ctx|IncomingMessage)$/u;

/** The whole incoming request: it carries the Authorization header and cookies. */
export const WHOLE_REQUEST = secret('the whole request object', 'request', {
  whole: true,
  carries: 'its headers (Authorization, cookies)',
  redactPaths: [['headers', 'authorization']],
});
const WHOLE_HEADERS = secret('the request headers', 'headers', {
  whole: true,
  carries: 'the Authorization header and cookies',
  redactPaths: [['authorization']],
});
const WHOLE_COOKIES = secret('the request cookies', 'cookie', { whole: true, carries: 'the session cookies', redactPaths: [[]] });
const WHOLE_BODY = secret('the request body', 'body', {
  whole: true,
  carries: 'whatever the client sent, passwords and tokens included',
  redactPaths: [['password']],
});
const WHOLE_ENV = secret('the whole environment', 'environment', { whole: true, carries: 'every secret in the environment', redactPaths: [[]] });

/** Request and environment sources, for one file and one analyzer. */
export interface RequestSourceReader {
  /** The whole incoming request: a handler's `req`/`request`/`ctx` parameter, `ctx.request`, `getRequest()`. */
  isWholeRequest(node: TSESTree.Node): boolean;
  /** The source reached by `props` from `base` (`req` + [headers, authorization]), or null. */
  sourceAt(base: TSESTree.Node, props: readonly string[], display: TSESTree.Node | null): ValueVerdict | null;
  /** The source a method call on a request reads (`getRequest()`, `req.getHeaders()`), or null. */
  sourceOfCall(receiver: TSESTree.Node, method: string, call: TSESTree.CallExpression): ValueVerdict | null;
  /** The source a member chain reads (`ctx.request.headers`), trying each base along the chain. */
  sourceOfMember(node: TSESTree.MemberExpression): ValueVerdict | null;
}

/** What the reader needs from the rest of the analyzer. */
export interface RequestSourceDeps {
  /** Secret-name verdicts under the analyzer's name options. */
  nameOf: NameVerdictOf;
  /** A typed value without secret-named fields (a typed `req.body`). */
  isTypedWithoutSecrets(node: TSESTree.Node): boolean;
  /** A whole request body logged here carries credentials. */
  isCredentialBodyContext(at: TSESTree.Node): boolean;
}

/** The request-source reader of one file. */
export function createRequestSourceReader(context: Context, deps: RequestSourceDeps): RequestSourceReader {
  const { nameOf, isTypedWithoutSecrets, isCredentialBodyContext } = deps;

  /** `req`, `ctx.request`, `request.raw`, `context.switchToHttp().getRequest()`: something that has request headers. */
  function isRequestLike(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) return REQUEST_NAME.test(n.name);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      // ctx.request, c.req, request.raw, socket.handshake
      return name === 'req' || name === 'request' || name === 'handshake' || (name === 'raw' && isRequestLike(n.object));
    }
    if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      return getPropertyName(n.callee) === 'getRequest';
    }
    return false;
  }

  /** `(ctx, next) => …`, `app.use(fn)`, `router.get('/x', fn)`, a GraphQL resolver `(parent, args, ctx)`. */
  function isRequestHandler(fn: AnyFunction): boolean {
    if (getHandlerInfo(context, fn)) return true;
    const names = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : null));
    return names.includes('next') || (names.length >= 3 && (names[1] === 'args' || names[1] === '_args'));
  }

  /** The whole incoming request: a handler's `req`/`request`/`ctx` parameter, `ctx.request`, `getRequest()`. */
  function isWholeRequest(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      if (!WHOLE_REQUEST_NAME.test(n.name)) return false;
      const variable = findVariable(context, n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'Parameter') {
        if (variable && redactsCredentialHeaders(variable, n)) return false;
        const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
        // A bare `ctx` is a canvas or a test context as often as a Koa context: require a handler.
        if (!annotation && n.name === 'ctx') return isFunctionNode(def.node) && isRequestHandler(def.node);
        // `reporter.logger.debug(msg, req)` where the file reads only `req.template`, `req.data`: a render
        // (job, RPC) request, not an HTTP one — it has no headers (request-object.ts).
        if (!annotation || annotation.type === AST_NODE_TYPES.TSAnyKeyword) return !isOtherKindOfRequest(context, n);
        if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return false;
        const typeName =
          annotation.typeName.type === AST_NODE_TYPES.Identifier
            ? annotation.typeName.name
            : annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName
              ? annotation.typeName.right.name
              : '';
        return REQUEST_TYPE.test(typeName) && !/Dto$/u.test(typeName);
      }
      if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
        const init = skipTransparent(def.node.init);
        return init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(init.callee) === 'getRequest';
      }
      return false;
    }
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      const object = skipTransparent(n.object);
      return (name === 'request' || name === 'req') && object.type === AST_NODE_TYPES.Identifier && object.name === 'ctx';
    }
    if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
      return getPropertyName(n.callee) === 'getRequest';
    }
    return false;
  }

  /**
   * `req.headers.authorization = '<Classified>'; req.headers.cookie = '<Classified>'` before `logger.info({ req })`
   * (Verdaccio's request log): the code overwrote both credential headers with fixed text before the request is
   * logged at `at`, so the request it logs carries neither.
   */
  function redactsCredentialHeaders(variable: { references: readonly { identifier: TSESTree.Node }[] }, at: TSESTree.Node): boolean {
    const redacted = new Set<string>();
    for (const ref of variable.references) {
      const headers = ref.identifier.parent;
      if (headers?.type !== AST_NODE_TYPES.MemberExpression || headers.object !== ref.identifier || getPropertyName(headers) !== 'headers') continue;
      const field = headers.parent;
      const assignment = field?.parent;
      if (field?.type !== AST_NODE_TYPES.MemberExpression || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== field) continue;
      const name = getPropertyName(field)?.toLowerCase() ?? '';
      if ((name === 'authorization' || name === 'cookie') && typeof getStringValue(assignment.right) === 'string' && assignment.range[1] <= at.range[0]) redacted.add(name);
    }
    return redacted.size === 2;
  }

  /**
   * A request-derived or environment source reached by `props` from `base`:
   * `req.headers`, `req.headers.authorization`, `req.cookies`, `req.body`, `process.env`.
   * `display` is the node the value is shown as (for the body's type check).
   */
  function sourceAt(base: TSESTree.Node, props: readonly string[], display: TSESTree.Node | null): ValueVerdict | null {
    const b = skipTransparent(base);
    if (props.length === 0) return isWholeRequest(b) ? WHOLE_REQUEST : null;
    if (b.type === AST_NODE_TYPES.Identifier && b.name === 'process' && props[0] === 'env') {
      if (props.length === 1) return WHOLE_ENV;
      return props.length === 2 && isCredentialEnvKey(props[1]!) ? secret(`the ${props[1]} variable`, 'API key') : null;
    }
    const [first, second] = props as [string, string | undefined];
    // `this.header` in Koa 0.x generator middleware (`function* auth(next) { debug('%j', this.header) }`):
    // the request's headers. Only those: Koa's `this.body` is the response's.
    const koaHeaders = b.type === AST_NODE_TYPES.ThisExpression && (first === 'header' || first === 'headers') && isKoaNextGeneratorThis(b);
    if (!koaHeaders && !isRequestLike(b)) return null;
    if (first === 'headers' || first === 'header' || first === 'rawHeaders') {
      if (props.length === 1) return WHOLE_HEADERS;
      if (props.length === 2 && second !== undefined) {
        const v = nameOf(second);
        if (v.kind === 'secret') {
          const what = v.concept === 'Authorization header' ? 'the Authorization header' : v.concept === 'cookie' ? 'the Cookie header' : `the ${second} header`;
          return secret(what, v.concept);
        }
      }
      return null;
    }
    if (first === 'cookies' || first === 'signedCookies') {
      if (props.length === 1) return WHOLE_COOKIES;
      if (props.length === 2 && second !== undefined && (nameOf(second).kind === 'secret' || SESSION_COOKIE_NAMES.has(second.toLowerCase()))) {
        return secret(`the ${second} cookie`, 'cookie');
      }
      return null;
    }
    if (first === 'body' && props.length === 1) {
      if (display && isTypedWithoutSecrets(display)) return SAFE;
      return isCredentialBodyContext(display ?? base) ? WHOLE_BODY : null;
    }
    // express-session's `req.sessionID` / `req.session.id` is not a source: the cookie that carries it is
    // HMAC-signed with the session secret, so the bare id in a log cannot be replayed
    // (`secretWords: ['sessionId']` still reports it by name).
    return null;
  }

  /** The source a member chain reads (`ctx.request.headers`), trying each base along the chain. */
  function sourceOfMember(node: TSESTree.MemberExpression): ValueVerdict | null {
    const props: string[] = [];
    const bases: TSESTree.Node[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name === null) return null;
      props.unshift(name);
      current = skipTransparent(current.object);
      bases.unshift(current);
    }
    // Try `ctx` + [request, headers], then `ctx.request` + [headers], …
    for (let i = 0; i < bases.length; i++) {
      const found = sourceAt(bases[i]!, props.slice(i), node);
      if (found) return found;
    }
    return null;
  }

  /**
   * `context.switchToHttp().getRequest()`: the whole request. `req.getHeaders()` (a request wrapper's
   * accessor — azurite's `IRequest` —, or an outgoing `http.ClientRequest` carrying the app's own
   * Authorization): every header, like `req.headers`.
   */
  function sourceOfCall(receiver: TSESTree.Node, method: string, call: TSESTree.CallExpression): ValueVerdict | null {
    if (method === 'getRequest') return WHOLE_REQUEST;
    return method === 'getHeaders' && call.arguments.length === 0 && isRequestLike(receiver) ? WHOLE_HEADERS : null;
  }

  return { isWholeRequest, sourceAt, sourceOfCall, sourceOfMember };
}
