/**
 * Which HTTP status does this expression or error name denote? `401`, `HttpStatus.UNAUTHORIZED`,
 * `StatusCodes.FORBIDDEN`, a `const` holding one, `UnauthorizedException` → 401,
 * `createForbiddenError` → 403.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getPropertyName, getStringValue, getVariableInit, skipTransparent, ownEntry } from './ast.js';
import { BUILT_IN_ERROR_CLASS } from './errors.js';

/** Status names used by `HttpStatus.X`, `StatusCodes.X`, `httpStatus.X`, `constants.HTTP_STATUS_X` and error classes. */
const STATUS_BY_NAME: Record<string, number> = {
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  I_AM_A_TEAPOT: 418,
  IM_A_TEAPOT: 418,
  UNPROCESSABLE_ENTITY: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** Error class / factory names (lower case, no separators, suffix stripped) → status. */
const ERROR_STATUS_BY_NAME: Record<string, number> = {
  badrequest: 400,
  unauthorized: 401,
  unauthorised: 401,
  unauthenticated: 401,
  notauthenticated: 401,
  authentication: 401,
  // Names that say the caller must (re)authenticate or presented a wrong secret: atproto's XRPC `AuthRequiredError`,
  // `InvalidCredentialsError` (Directus, Vendure), `InvalidPasswordError`. An access-control answer whatever the
  // framework maps it to; the words are the caller's, never a resource's.
  authrequired: 401,
  authenticationrequired: 401,
  loginrequired: 401,
  invalidcredentials: 401,
  invalidcredential: 401,
  invalidpassword: 401,
  paymentrequired: 402,
  forbidden: 403,
  accessdenied: 403,
  // Backstage's `NotAllowedError` (@backstage/errors answers it 403), gRPC's PERMISSION_DENIED; `MethodNotAllowed` is 405 below.
  notallowed: 403,
  permissiondenied: 403,
  notfound: 404,
  methodnotallowed: 405,
  notacceptable: 406,
  requesttimeout: 408,
  conflict: 409,
  gone: 410,
  preconditionfailed: 412,
  payloadtoolarge: 413,
  unsupportedmediatype: 415,
  imateapot: 418,
  unprocessableentity: 422,
  toomanyrequests: 429,
  internalserver: 500,
  internalservererror: 500,
  notimplemented: 501,
  badgateway: 502,
  serviceunavailable: 503,
  gatewaytimeout: 504,
};

/** The status an expression denotes: `401`, `HttpStatus.UNAUTHORIZED`, `StatusCodes.FORBIDDEN`, a `const` holding one. */
export function getStatusValue(context: Context, node: TSESTree.Node | null | undefined, depth = 0): number | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number') return isStatus(n.value) ? n.value : null;
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(n);
    if (name === 'statusCode' || name === 'status') return builtErrorStatus(context, n.object);
    return name === null ? null : statusFromConstantName(name);
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    // `let status = 401; if (ok) status = 200;`: a variable written again holds more than its initializer (getStatusChoices reads it).
    const variable = depth < 3 ? findVariable(context, n) : null;
    if (variable && !variable.references.some((r) => r.isWrite() && !r.init)) {
      const init = getVariableInit(variable);
      if (init) {
        const value = getStatusValue(context, init, depth + 1);
        if (value !== null) return value;
      }
    }
    // `import { UNAUTHORIZED } from 'http-status-codes'`
    return /^[A-Z][A-Z_]+$/u.test(n.name) ? statusFromConstantName(n.name) : null;
  }
  return null;
}

/**
 * `error.statusCode` of `const error = new UnauthorizedError(…)`: the status the class of an error the
 * code built itself stands for (its name only; a caught or passed-in error says nothing).
 */
function builtErrorStatus(context: Context, object: TSESTree.Node): number | null {
  const o = skipTransparent(object);
  if (o.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, o);
  if (!variable || variable.defs[0]?.type !== 'Variable' || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const init = getVariableInit(variable);
  const built = init ? skipTransparent(init) : null;
  if (built?.type !== AST_NODE_TYPES.NewExpression) return null;
  const callee = skipTransparent(built.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  const status = name === null ? null : statusFromErrorName(name);
  return status !== null && status >= 400 ? status : null;
}

/**
 * The error status an error class's arguments name by its constant name, as a string: better-call's (and so
 * better-auth's) `new APIError('FORBIDDEN', { message })` / `APIError.from('UNAUTHORIZED', code)`, tRPC's
 * `new TRPCError({ code: 'UNAUTHORIZED' })`. The first argument, or the `code` / `status` of a first-argument
 * object; only a whole status name (`'NOT_FOUND'`, not `'not found'`) of a 4xx / 5xx status.
 */
export function statusFromNamedArgument(className: string, args: readonly TSESTree.CallExpressionArgument[]): number | null {
  // Errors of the language itself: a status name in their message is only text (`new Error('FORBIDDEN')`).
  if (BUILT_IN_ERROR_CLASS.test(className)) return null;
  const first = args[0] ? skipTransparent(args[0]) : null;
  if (!first) return null;
  let value: TSESTree.Node | null = first;
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    value = null;
    for (const prop of first.properties) {
      if (prop.type === AST_NODE_TYPES.Property && !prop.computed && (getPropertyName(prop) === 'code' || getPropertyName(prop) === 'status')) value = skipTransparent(prop.value);
    }
  }
  if (value?.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string' || !/^[A-Z][A-Z_]+$/u.test(value.value)) return null;
  const status = ownEntry(STATUS_BY_NAME, value.value) ?? null;
  return status !== null && status >= 400 ? status : null;
}

/** A number in the HTTP status range (100–599). */
function isStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 100 && value <= 599;
}

/** The status a constant or enum member names: `UNAUTHORIZED`, `HTTP_STATUS_FORBIDDEN`, `ERR_UNAUTHORIZED`, `TooManyRequests`. */
function statusFromConstantName(name: string): number | null {
  // UNAUTHORIZED, HTTP_STATUS_UNAUTHORIZED, an app's ERR_UNAUTHORIZED / HTTP_FORBIDDEN, and enums in PascalCase: HttpStatusCode.Unauthorized, TooManyRequests
  const key = /^[A-Z][a-z]/u.test(name) ? name.replace(/(?<=[a-z])(?=[A-Z])/gu, '_').toUpperCase() : name.replace(/^(?:HTTP_STATUS_|HTTP_|STATUS_|ERR_)/u, '');
  return ownEntry(STATUS_BY_NAME, key) ?? null;
}

/** The status an error class or factory name stands for: `UnauthorizedException` → 401, `forbidden` → 403. */
export function statusFromErrorName(name: string): number | null {
  const key = name.replace(/[_\s-]/gu, '').toLowerCase();
  const direct = ownEntry(ERROR_STATUS_BY_NAME, key);
  if (direct !== undefined) return direct;
  const stripped = key.replace(/(?:http)?(?:exception|error)$/u, '');
  if (stripped === key || stripped.length === 0) return null;
  return ownEntry(ERROR_STATUS_BY_NAME, stripped) ?? null;
}

/**
 * The error status a factory's name stands for: `createUnauthorizedError` → 401, `Unauthorized` → 401,
 * `makeForbiddenException` → 403, `forbidden` → 403. Only 4xx/5xx.
 */
export function statusFromFactoryName(name: string): number | null {
  const bare = name.replace(/^(?:create|make|new|build)(?=[A-Z_])/u, '');
  const status = statusFromErrorName(bare);
  return status !== null && status >= 400 ? status : null;
}

/** The status of a `Response` init (`{ status: 401 }`) or of a bare status argument (`c.json(body, 401)`). */
export function statusFromInit(context: Context, init: TSESTree.Node | undefined): number | null {
  if (!init) return null;
  const n = skipTransparent(init);
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return getStatusValue(context, n);
  for (const prop of n.properties) {
    if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === 'status') return getStatusValue(context, prop.value);
  }
  return null;
}

/** The status line a hand-written HTTP answer starts with: `'HTTP/1.1 401 Unauthorized\\r\\n\\r\\n'` → 401 (also the head of a template or a concatenation). */
export function statusLineOf(payload: TSESTree.Node): number | null {
  let head: TSESTree.Node = skipTransparent(payload);
  while (head.type === AST_NODE_TYPES.BinaryExpression && head.operator === '+') head = skipTransparent(head.left);
  const text = head.type === AST_NODE_TYPES.TemplateLiteral ? (head.quasis[0]?.value.cooked ?? null) : getStringValue(head);
  const match = text === null ? null : /^HTTP\/\d(?:\.\d)? (\d{3})\b/u.exec(text);
  return match ? Number(match[1]) : null;
}
