/**
 * Does a whole request body logged here carry credentials? Request-wide middleware
 * (`app.use(fn)` without a path, a `requestLogger`), auth / user / payment routes and handlers
 * (by route, function name or file name), or a handler that reads a secret field of the body.
 * `console.log(req.body)` in `POST /products` is not a secret leak.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  type AnyFunction,
  type Context,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getStringValue,
  lastSegment,
  skipTransparent,
  walkSameFunction,
} from '../ast.js';
import { classDecorators, decoratorArguments, decoratorName, methodDecorators } from '../decorators.js';
import { type SecretNameOptions, classifySecretName, classifySecretTokens, tokenizeName } from './names.js';

/** Route, handler and file words for requests whose body carries credentials or card data. */
const CREDENTIAL_ROUTE_WORDS = new Set([
  'login', 'logon', 'signin', 'signup', 'register', 'registration', 'auth', 'authenticate', 'authentication',
  'authorize', 'oauth', 'password', 'passwords', 'reset', 'forgot', 'token', 'tokens', 'refresh', 'session',
  'sessions', 'otp', 'mfa', 'totp', 'verify', 'verification', 'credential', 'credentials', 'user', 'users',
  'account', 'accounts', 'payment', 'payments', 'checkout', 'card', 'cards', 'billing', 'secret', 'secrets',
  'key', 'keys', 'apikey', 'apikeys',
]);
/** Registration methods whose string arguments are a route (`app.post('/login', fn)`, `router.use(fn)`). */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'route', 'on']);
/** Middleware that logs every request (`requestLogger`, `auditTrail`): its body is every body, logins included. */
const GENERIC_LOGGER_WORDS = new Set(['log', 'logger', 'logging', 'audit', 'trace', 'tracer', 'dump', 'debug', 'inspect', 'morgan']);

/** Where a whole request body carries credentials, for one file and one set of name options. */
export interface BodyContextReader {
  /** The request body logged at `at` carries credentials (see the module comment). */
  isCredentialBodyContext(at: TSESTree.Node): boolean;
}

/** The body-context reader of one file; its answers depend on `nameOptions`, so it caches per reader. */
export function createBodyContextReader(context: Context, nameOptions: SecretNameOptions): BodyContextReader {
  const sourceCode = context.sourceCode;
  const nameOf = (name: string) => classifySecretName(name, nameOptions);
  const bodyContextCache = new Map<AnyFunction, boolean>();

  /** `/api/auth/login`, `registerUser`, `routes/users.ts`: a place whose requests carry credentials. */
  function isCredentialText(value: string): boolean {
    const tokens = tokenizeName(value);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (CREDENTIAL_ROUTE_WORDS.has(t)) return true;
      const next = tokens[i + 1];
      if ((t === 'sign' || t === 'log') && (next === 'in' || next === 'up' || next === 'on')) return true;
    }
    return classifySecretTokens(tokens, nameOptions).kind === 'secret';
  }

  /** The name a function is known by: its own, its `const`, its property or assignment target. */
  function functionName(fn: AnyFunction): string | null {
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
    // const login = asyncHandler(async (req, res) => …), exports.register = catchAsync(…)
    let node: TSESTree.Node = fn;
    for (let i = 0; i < 2 && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.includes(node as TSESTree.CallExpressionArgument); i++) {
      const callee = skipTransparent(node.parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
      if (method !== null && ROUTE_METHODS.has(method)) break;
      node = node.parent;
    }
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
    if (
      (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
      parent.value === node
    ) {
      return getPropertyName(parent);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
      const path = getMemberPath(parent.left);
      return path === null ? null : lastSegment(path);
    }
    return null;
  }

  /** The route text a function is registered under: `router.post('/login', fn)`, Nest `@Post('login')` in `@Controller('auth')`. */
  function routeText(fn: AnyFunction): { text: string | null; registered: boolean } {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const callee = skipTransparent(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
      if (method !== null && ROUTE_METHODS.has(method)) {
        const parts: string[] = [];
        for (const arg of parent.arguments) {
          if (arg === fn) break;
          const value = getStringValue(arg);
          if (value !== null) parts.push(value);
          else if (arg.type === AST_NODE_TYPES.MemberExpression || arg.type === AST_NODE_TYPES.Identifier) parts.push(sourceCode.getText(arg));
          // server.put(`${RESOURCES_API_PATH}/:resourceType/:resourceId`, fn): a path, not a request-wide middleware
          else if (arg.type === AST_NODE_TYPES.TemplateLiteral) parts.push(sourceCode.getText(arg));
        }
        // app.route('/login').post(fn)
        const owner = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : null;
        if (owner?.type === AST_NODE_TYPES.CallExpression && owner.callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(owner.callee) === 'route') {
          const value = getStringValue(owner.arguments[0]);
          if (value !== null) parts.push(value);
        }
        return { text: parts.length > 0 ? parts.join(' ') : null, registered: true };
      }
    }
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      const parts: string[] = [];
      const routeOf = (decorators: readonly TSESTree.Expression[]) => {
        for (const d of decorators) {
          if (skipTransparent(d).type !== AST_NODE_TYPES.CallExpression) continue;
          const name = decoratorName(d);
          if (name === null || !/^(?:Controller|Post|Put|Patch|Get|Delete|All)$/u.test(name)) continue;
          const value = getStringValue(decoratorArguments(d)[0]);
          if (value !== null) parts.push(value);
        }
      };
      routeOf(methodDecorators(parent));
      const cls = parent.parent?.parent;
      if (cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) routeOf(classDecorators(cls));
      return { text: parts.length > 0 ? parts.join(' ') : null, registered: parts.length > 0 };
    }
    return { text: null, registered: false };
  }

  /** The function reads a secret field of a request body: `req.body.password`, `const { password } = req.body`. */
  function readsSecretBodyField(fn: AnyFunction): boolean {
    let found = false;
    walkSameFunction(
      fn.body,
      (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.MemberExpression) {
          const object = skipTransparent(node.object);
          const name = getPropertyName(node);
          if (name !== null && object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'body' && nameOf(name).kind === 'secret') {
            found = true;
          }
        } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern && node.init) {
          const init = skipTransparent(node.init);
          const fromBody =
            (init.type === AST_NODE_TYPES.MemberExpression && getPropertyName(init) === 'body') ||
            (init.type === AST_NODE_TYPES.Identifier && /body|dto|input|payload/iu.test(init.name));
          if (fromBody && node.id.properties.some((p) => p.type === AST_NODE_TYPES.Property && nameOf(getPropertyName(p) ?? '').kind === 'secret')) {
            found = true;
          }
        }
        return undefined;
      },
      sourceCode.visitorKeys,
    );
    return found;
  }

  /**
   * `const { expiresAt, enabled } = req.body; if (!expiresAt && enabled === undefined) { log.error(req.body); … }`:
   * a handler (not request-wide middleware) that reads the body only as named fields, none of them a
   * secret, and hands neither the body nor the request on whole: the body it takes holds no credential.
   */
  function takesBodyApart(fn: AnyFunction, at: TSESTree.Node): boolean {
    const body = skipTransparent(at);
    if (body.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(body) !== 'body') return false;
    const request = skipTransparent(body.object);
    const route = routeText(fn);
    const name = functionName(fn);
    if ((route.registered && route.text === null) || (name !== null && tokenizeName(name).some((t) => GENERIC_LOGGER_WORDS.has(t)))) return false;
    const bodyText = sourceCode.getText(body);
    const requestText = sourceCode.getText(request);
    let named = false;
    let whole = false;
    walkSameFunction(
      fn.body,
      (node) => {
        if (whole || node === at) return false;
        // login(req, res): the request handed on whole may be read for its body elsewhere
        if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((a) => sourceCode.getText(a) === requestText)) whole = true;
        if (node.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(node) !== 'body' || sourceCode.getText(node) !== bodyText) return undefined;
        const parent = node.parent;
        if (
          parent?.type === AST_NODE_TYPES.VariableDeclarator &&
          parent.init === node &&
          parent.id.type === AST_NODE_TYPES.ObjectPattern &&
          parent.id.properties.every((p) => p.type === AST_NODE_TYPES.Property && nameOf(getPropertyName(p) ?? '').kind !== 'secret')
        ) {
          named = true;
        } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !parent.computed && nameOf(getPropertyName(parent) ?? '').kind !== 'secret') {
          named = true;
        } else {
          whole = true;
        }
        return false;
      },
      sourceCode.visitorKeys,
    );
    return named && !whole;
  }

  /**
   * A whole request body is reported where it carries credentials: request-wide middleware
   * (`app.use(fn)` without a path, a `requestLogger`), auth / user / payment routes and
   * handlers (by route, function name or file name), or a handler that reads a secret field
   * of the body. `console.log(req.body)` in `POST /products` is not a secret leak.
   */
  function isCredentialBodyContext(at: TSESTree.Node): boolean {
    const own = getEnclosingFunction(at);
    if (own && takesBodyApart(own, at)) return false;
    let fn = own;
    for (let depth = 0; fn && depth < 4; depth++, fn = getEnclosingFunction(fn)) {
      const cached = bodyContextCache.get(fn);
      if (cached !== undefined) return cached;
      const route = routeText(fn);
      const name = functionName(fn);
      let result: boolean | null = null;
      if (readsSecretBodyField(fn)) result = true;
      else if (route.text !== null && isCredentialText(route.text)) result = true;
      else if (route.registered && route.text === null) result = true;
      else if (name !== null && (isCredentialText(name) || tokenizeName(name).some((t) => GENERIC_LOGGER_WORDS.has(t)))) result = true;
      else if (route.registered || name !== null) result = false;
      if (result !== null) {
        if (!result && isCredentialText(context.filename.replace(/\.[cm]?[jt]sx?$/u, ''))) result = true;
        bodyContextCache.set(fn, result);
        return result;
      }
    }
    return isCredentialText(context.filename.replace(/\.[cm]?[jt]sx?$/u, ''));
  }

  return { isCredentialBodyContext };
}
