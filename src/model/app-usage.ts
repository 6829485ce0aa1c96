/**
 * How a file uses the app a server creation returns: under which name it is kept, whether it is
 * served here (`app.listen()`, `serverless(app)`, `export default { fetch: app.fetch }`),
 * configured as a top-level app (`app.set(…)`, app-wide middleware), or handed on — returned
 * from a factory, mounted into another app, passed to a test driver or to another module's setup —
 * so that its request logging may be registered elsewhere.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getMemberPath, getNumberValue, getPropertyName, getStringValue, isFunctionNode, lastSegment, resolveFunction, skipTransparent, unwrapIndirectCall } from './ast.js';
import { getImportedBinding, readImportedSource } from './modules.js';
import { projectImporters } from './project-index.js';
import { REQUEST_LOGGER_NAMES, ROUTER_LOGGER_TEXT, mountedModuleLogsRequests } from './mounted-apps.js';
import { type ServerFramework, isLoggingName } from './servers.js';

/** Methods that mount one app into another. */
const MOUNT_METHODS = new Set(['use', 'route', 'mount', 'register', 'basePath']);
/** Configuration only the top-level app gets. */
const APP_SETTINGS = new Set(['set', 'disable', 'enable', 'engine', 'listen', 'setGlobalPrefix', 'enableCors', 'useGlobalPipes', 'useGlobalFilters', 'useGlobalGuards']);
/** Consumers that serve an app without configuring it. */
const SERVING = /^(?:createServer|createSecureServer|serverless|serverlessExpress|handle|serve|listen|startServer|start|run|bootstrap)$/iu;
/** Calls that register a route or path-scoped middleware on an app. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'head', 'options']);
/**
 * Health, readiness and liveness endpoints, by path or by the name of the variable holding it. Not
 * metrics: a scrape endpoint hands out the app's internals, and who reads them is worth a record.
 */
const PROBE_PATH = /^\/?(?:health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping)(?:$|[/?])/iu;
const PROBE_NAME = /(?:health|readiness|liveness)/iu;
/** Test drivers: an app handed to them lives in a test. */
const TEST_DRIVERS = /^(?:supertest|request|agent|inject|testClient)$/u;
/** Utilities that copy or read values: handing them the app registers nothing on it. */
const VALUE_UTILITIES = /^(?:merge|mergeWith|assign|extend|defaults|defaultsDeep|set|get|has|pick|omit|clone|cloneDeep|freeze)$/u;
/**
 * A module's text that can register request logging: a request-logger package or middleware by
 * name, a `finish` / `close` listener on the response, or a log call that writes the request's
 * method or URL. A setup module without any of these does not log requests.
 */
const REQUEST_LOGGING_TEXT = new RegExp(
  `${REQUEST_LOGGER_NAMES}|\\.on\\(\\s*['"](?:finish|close)['"]|\\b(?:log|logger|console|debug)\\w*(?:\\.\\w+)?\\([^;\\n]*\\b(?:req|request|ctx)\\.(?:method|url|originalUrl)\\b`,
  'u',
);
/** Modules that register routes or integrations, not request logging. */
const NON_LOGGING_WORDS = /(?:route|router|routes|routing|swagger|openapi|docs|graphql|apollo|socket|websocket|\bws\b|database|\bdb\b|mongo|prisma|sequelize|typeorm|passport|auth|session|static|views|nunjucks|handlebars|\bhbs\b|\bejs\b|\bpug\b|metrics|health|sentry|cron|dev-?server|webpack|vite)/iu;

export interface AppUsage {
  /** The name the app is kept under: `app`, `exports.app`, `this.app`; null when it is not kept. */
  path: string | null;
  /** The statement the app is created in, when a registration can be inserted after it. */
  statement: TSESTree.Statement | null;
  /** Returned from the function that creates it (a factory: the caller sets it up). */
  returned: boolean;
  /**
   * Returned after the factory gave it app settings (`app.set('trust proxy', 1)`), app-wide middleware
   * and its routes (`app.use('/api', api)`): the app is assembled, and whatever the caller adds runs
   * after the routes, where a request logger sees none of their requests.
   */
  assembled: boolean;
  /** Handed to a call that may set it up (another module's setup, a test driver). */
  passed: boolean;
  /** Mounted into another app (`parent.use(app)`, `root.route('/x', app)`). */
  mounted: boolean;
  /** Served here: `app.listen()`, `createServer(app)`, `serverless(app)`, an exported `fetch`. */
  served: boolean;
  /** Given configuration only a top-level app gets (`app.set`, `app.enableCors`, app-wide middleware). */
  configured: boolean;
  /**
   * Every route it gets is a health, readiness or liveness probe (`app.get('/health', …)`) or a
   * redirect (an HTTP-to-HTTPS redirect server): no API to keep a record of.
   */
  probesOnly: boolean;
  /**
   * Mounts sub-apps or routers from modules of the project (`app.use('/sync', syncApp.handlers)`), and
   * each of them registers request logging (mounted-apps.ts): the app is logged by what it mounts.
   */
  mountsLoggedApps: boolean;
  /**
   * The server it listens on is closed from one of its own routes (`tempServer = app.listen(…)`, then
   * `tempServer.close()` in `app.post('/setup', …)`): a one-shot setup or callback server, done after one
   * exchange.
   */
  closedByOwnRoute: boolean;
}

/**
 * How the file uses the app `node` creates. `calls`: every call expression of the file (the
 * rule collects them while it traverses), searched for what is done with the app. `extra`: the
 * rule's configured request-logger names, which a setup module's source may mention (an argument,
 * never cached).
 */
export function getAppUsage(
  context: Context,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  framework: ServerFramework,
  calls: readonly TSESTree.CallExpression[],
  extra: readonly string[] = [],
): AppUsage {
  const sourceCode = context.sourceCode;
  const usage: AppUsage = { path: null, statement: null, returned: false, assembled: false, passed: false, mounted: false, served: false, configured: false, probesOnly: false, mountsLoggedApps: false, closedByOwnRoute: false };
  let value: TSESTree.Node = node;
  while (
    value.parent &&
    (value.parent.type === AST_NODE_TYPES.AwaitExpression ||
      value.parent.type === AST_NODE_TYPES.TSAsExpression ||
      value.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      value.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      // `const app = options.app || express()`: the app handed in, else the one made here (the program's own when none is).
      (value.parent.type === AST_NODE_TYPES.LogicalExpression && value.parent.right === value && (value.parent.operator === '||' || value.parent.operator === '??')))
  ) {
    value = value.parent;
  }
  // var app = module.exports = express()
  while (
    value.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    value.parent.right === value &&
    (value.parent.parent.type === AST_NODE_TYPES.VariableDeclarator || value.parent.parent.type === AST_NODE_TYPES.AssignmentExpression)
  ) {
    value = value.parent;
  }
  const parent = value.parent;
  let variable: ReturnType<typeof findVariable> = null;
  /** The variable the app is kept in, declared with it or assigned it later. */
  let holder: ReturnType<typeof findVariable> = null;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    usage.path = parent.id.name;
    variable = holder = sourceCode.getDeclaredVariables(parent)[0] ?? null;
    const declaration = parent.parent;
    const statement = declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
    if (declaration.declarations.length === 1 && isInsertable(statement)) usage.statement = statement;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
    usage.path = getMemberPath(parent.left);
    // `nodeApp = express()` in `init()`, handed out by `get httpNode() { return nodeApp }`: kept in a variable like a declared one.
    if (parent.left.type === AST_NODE_TYPES.Identifier) holder = findVariable(context, parent.left);
    if (parent.parent.type === AST_NODE_TYPES.ExpressionStatement && isInsertable(parent.parent)) usage.statement = parent.parent;
  } else if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === value && !parent.static) {
    const key = getPropertyName(parent);
    usage.path = key === null ? null : `this.${key}`;
  } else if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent && isFunctionNode(parent) && parent.body === value)) {
    usage.returned = true;
    return usage;
  } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
    classifyConsumer(context, parent, usage, extra);
    return usage;
  } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
    // express().listen(3000)
    usage.served = getPropertyName(parent) === 'listen';
    return usage;
  }
  if (usage.path === null) return usage;
  const path = usage.path;
  if (holder) {
    for (const ref of holder.references) {
      const p = ref.identifier.parent;
      if (p?.type === AST_NODE_TYPES.ReturnStatement || (p && isFunctionNode(p) && p.body === ref.identifier)) usage.returned = true;
      // return { app, server }
      if (p?.type === AST_NODE_TYPES.Property && p.value === ref.identifier && p.parent.parent?.type === AST_NODE_TYPES.ReturnStatement) usage.returned = true;
    }
  }
  let mountsSubApps = false;
  let probes = 0;
  let routes = 0;
  const pathRoutes: TSESTree.Node[] = [];
  let settings = false;
  let appWide = false;
  const mountedModules: string[] = [];
  const listeners: string[] = [];
  // Another function's own `const app = …` (a bundle puts several in one file) is another app; a helper's `app` parameter may be this one.
  const otherApp = (node: TSESTree.Node) => variable !== null && declaresOtherApp(context, node, variable);
  for (const call of calls) {
    const callee = skipTransparent(call.callee);
    if (otherApp(callee)) continue;
    if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberPath(callee.object) === path) {
      const method = getPropertyName(callee);
      if (method !== null && MOUNTING.has(method) && call.arguments.length > 0) {
        const mounted = projectModuleOf(context, call.arguments[call.arguments.length - 1]!);
        if (mounted !== null) mountedModules.push(mounted);
      }
      const holder = method === 'listen' ? listenerHolder(call) : null;
      if (holder !== null) listeners.push(holder);
      if (method !== null && ROUTE_METHODS.has(method) && (call.arguments.length >= 2 || (method === 'use' && call.arguments[0] && isFunctionNode(skipTransparent(call.arguments[0]))))) {
        routes++;
        const probe = isProbePath(call.arguments[0]!) || redirectsOnly(context, call.arguments[call.arguments.length - 1]!);
        if (probe) probes++;
        else if (call.arguments.length >= 2 && getStringValue(call.arguments[0]!) !== null) pathRoutes.push(call.arguments[call.arguments.length - 1]!);
      }
      if (method === 'listen') usage.served = true;
      if (method === 'route' && call.arguments.length === 2) mountsSubApps = true;
      if (method !== null && APP_SETTINGS.has(method)) {
        usage.configured = true;
        if (method !== 'listen') settings = true;
      }
      if (method === 'use' && isAppLevelUse(call)) usage.configured = appWide = true;
      continue;
    }
    if (call.arguments.some((a) => refersToApp(a, path) && !otherApp(a))) classifyConsumer(context, call, usage, extra);
  }
  // An app nothing is registered on (no route, no middleware, no setting, handed to nothing but a server):
  // Express answers every request with a 404 — a carrier for a WebSocket server's upgrades, no API.
  usage.probesOnly = (routes > 0 && probes === routes) || (usage.served && variable !== null && onlyServed(context, variable, calls));
  usage.mountsLoggedApps = mountedModules.length > 0 && mountedModules.every((m) => mountedModuleLogsRequests(context, m, extra));
  usage.closedByOwnRoute = listeners.length > 0 && calls.some((c) => closesFromRoute(c, listeners, path));
  // …unless a router it mounts comes from a module of the project that may log requests itself.
  usage.assembled = usage.returned && settings && appWide && pathRoutes.length > 0 && !pathRoutes.some((r) => routerMayLogRequests(context, r, extra));
  // export default { fetch: app.fetch } (Bun, Workers)
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    if (refersToApp(statement.declaration, path) && statement.declaration.type === AST_NODE_TYPES.ObjectExpression) {
      usage.served = true;
    }
    // `export default app` is how Cloudflare Workers, Bun and Deno serve a Hono app. A sub-app
    // of routes is exported the same way, so only the root counts: one that mounts sub-apps
    // (`app.route('/users', users)`), registers app-wide middleware, or that no other file of
    // the project imports (to mount it); unknown importers keep it quiet.
    if (framework === 'hono' && getMemberPath(skipTransparent(statement.declaration)) === path) {
      if (mountsSubApps || usage.configured || projectImporters(context)?.length === 0) usage.served = true;
    }
  }
  return usage;
}

/** Methods that mount a sub-app or router: `app.use('/api', api)`, `app.route('/users', users)`. */
const MOUNTING = new Set(['use', 'route', 'mount']);

/**
 * The project module (relative specifier) a mounted value comes from: `syncApp.handlers` of
 * `import * as syncApp from './app-sync.js'`, `router` imported from `./routes`, `require('./api')`,
 * `await middleware(config)` (or a `const` holding it) with `middleware` imported from `./lib/middleware.js`.
 */
function projectModuleOf(context: Context, node: TSESTree.Node, depth = 0): string | null {
  let n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTransparent(n.argument);
  if (isFunctionNode(n) || depth > 2) return null;
  const required = loadedModule(n);
  if (required !== null) return required.startsWith('.') ? required : null;
  if (n.type === AST_NODE_TYPES.CallExpression) return projectModuleOf(context, n.callee, depth + 1);
  const source = getImportedBinding(context, n)?.source ?? null;
  if (source !== null) return source.startsWith('.') ? source : null;
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, n);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Variable' && def.node.init ? projectModuleOf(context, def.node.init, depth + 1) : null;
}

/** Where `app.listen(…)`'s server is kept: `tempServer` of `tempServer = app.listen(…)` / `const server = app.listen(…)`. */
function listenerHolder(call: TSESTree.CallExpression): string | null {
  const p = call.parent;
  if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === call && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
  if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === call) return getMemberPath(p.left);
  return null;
}

/** `holder.close(…)` inside a handler of one of the app's own routes (`app.post('/setup', async (req, res) => { …; server.close() })`). */
function closesFromRoute(call: TSESTree.CallExpression, holders: readonly string[], app: string): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'close') return false;
  const holder = getMemberPath(callee.object);
  if (holder === null || !holders.includes(holder)) return false;
  for (let n: TSESTree.Node | undefined = call.parent; n; n = n.parent) {
    if (!isFunctionNode(n)) continue;
    const route = n.parent;
    if (route?.type !== AST_NODE_TYPES.CallExpression || !route.arguments.includes(n as TSESTree.CallExpressionArgument)) continue;
    const routeCallee = skipTransparent(route.callee);
    if (routeCallee.type === AST_NODE_TYPES.MemberExpression && getMemberPath(routeCallee.object) === app && ROUTE_METHODS.has(getPropertyName(routeCallee) ?? '')) return true;
  }
  return false;
}

/**
 * Every reference of the app's variable (written once) is the app handed to a call that serves it
 * (`http.createServer(app)`, also `require('http').createServer(app)`): nothing registers a route or
 * middleware on it, here or through another function or module, and the server is made around it for
 * something else (a WebSocket server's upgrades). An empty `app.listen(3000)` is a stub still reported.
 */
function onlyServed(context: Context, variable: NonNullable<ReturnType<typeof findVariable>>, calls: readonly TSESTree.CallExpression[]): boolean {
  const reads = variable.references.filter((ref) => !ref.init);
  if (reads.length === 0 || reads.some((ref) => ref.isWrite())) return false;
  return reads.every((ref) => {
    const id = ref.identifier;
    const parent = id.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.some((a) => a === id) || !calls.includes(parent)) return false;
    const probe: AppUsage = { path: null, statement: null, returned: false, assembled: false, passed: false, mounted: false, served: false, configured: false, probesOnly: false, mountsLoggedApps: false, closedByOwnRoute: false };
    classifyConsumer(context, parent, probe, []);
    return probe.served && !probe.passed && !probe.mounted && !probe.returned;
  });
}

/** A statement directly in a block or the program, where another statement can follow it. */
function isInsertable(statement: TSESTree.Node): statement is TSESTree.Statement {
  const p = statement.parent;
  return p?.type === AST_NODE_TYPES.Program || p?.type === AST_NODE_TYPES.BlockStatement;
}

/** `app`, `app.fetch`, `app.callback()`, `{ app }`, `{ fetch: app.fetch }`. */
function refersToApp(node: TSESTree.Node, path: string): boolean {
  const n = skipTransparent(node);
  const own = getMemberPath(n);
  if (own === path || own === `${path}.fetch` || own === `${path}.handle` || own === `${path}.server`) return true;
  if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && getMemberPath(n.callee.object) === path) {
    return ['callback', 'getHttpServer', 'getInstance'].includes(getPropertyName(n.callee) ?? '');
  }
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return n.properties.some((p) => p.type === AST_NODE_TYPES.Property && refersToApp(p.value, path));
  }
  return false;
}

/** What a call that receives the app does with it. */
function classifyConsumer(context: Context, call: TSESTree.CallExpression, usage: AppUsage, extra: readonly string[]): void {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && MOUNT_METHODS.has(getPropertyName(callee) ?? '')) {
    usage.mounted = true;
    return;
  }
  const required = loadedModule(callee);
  const path = required ?? getCalleePath(call) ?? indirectMemberPath(callee);
  const name = path === null ? '' : lastSegment(path.replace(/[/\\]index$/u, '').replace(/^.*[/\\]/u, ''));
  // `require('https').createServer(options, app)`: the method of a module loaded on the spot names the consumer.
  const method = required !== null && callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
  if (SERVING.test(name) || (method !== null && SERVING.test(method))) {
    usage.served = true;
    return;
  }
  // `resolve({ server: app })`, `deferred.resolve(app)`: handed to whoever awaits the promise, as if returned.
  if (name === 'resolve' && call.arguments.length === 1) {
    usage.returned = true;
    return;
  }
  // A same-file setup function's registrations are in this file already.
  if (resolveFunction(context, callee)) return;
  if (TEST_DRIVERS.test(name)) {
    usage.passed = true;
    return;
  }
  // Routes, docs, sockets and database setup do not log requests; anything else might.
  if (path !== null && NON_LOGGING_WORDS.test(path) && !isLoggingName(path)) return;
  // `_.merge(app, opts)`, `Object.assign(app, helpers)`: copying values registers nothing.
  if (VALUE_UTILITIES.test(name)) return;
  // A setup function of this project (`require('./logging')(app)`, `setupCors(app)` from './cors'):
  // its text says whether it can register request logging.
  const source = required ?? getImportedBinding(context, callee)?.source ?? null;
  if (source !== null && source.startsWith('.')) {
    const text = readImportedSource(context, source);
    if (text !== null && !REQUEST_LOGGING_TEXT.test(text) && !extra.some((name) => text.includes(name))) return;
  }
  usage.passed = true;
}

/**
 * The name `node` starts with (`app` in `app.use`, in `{ app: app }`) is a variable other than `own`, declared
 * with a value of its own (`const app = (0, $x$express)()` in another function of a bundle): not the app
 * `own` holds. A parameter (`function setup({ app })`) may receive it, so it still counts.
 */
function declaresOtherApp(context: Context, node: TSESTree.Node, own: NonNullable<ReturnType<typeof findVariable>>): boolean {
  let n = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.CallExpression) n = skipTransparent(n.type === AST_NODE_TYPES.MemberExpression ? n.object : n.callee);
  if (n.type === AST_NODE_TYPES.ObjectExpression) return n.properties.some((p) => p.type === AST_NODE_TYPES.Property && declaresOtherApp(context, p.value, own));
  if (n.type !== AST_NODE_TYPES.Identifier || n.name !== own.name) return false;
  const variable = findVariable(context, n);
  if (!variable || variable === own) return false;
  const def = variable.defs[0];
  return def?.type === 'Variable' && !!def.node.init;
}

/**
 * `(0, $mod$http).createServer` → `$mod$http.createServer`: a bundler's (Parcel, esbuild) or compiler's
 * call of an imported module's method through `(0, ns)`, named as if written directly. Null otherwise.
 */
function indirectMemberPath(callee: TSESTree.Node): string | null {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = unwrapIndirectCall(callee.object);
  if (object === skipTransparent(callee.object)) return null;
  const base = getMemberPath(object);
  const name = getPropertyName(callee);
  return base === null || name === null ? null : `${base}.${name}`;
}

/**
 * `app.use('/', await router(config))`, `app.use('/api', api)` with `api` from `./routes/api`: a
 * router from a module of the project that registers a request logger (mongo-express's router
 * mounts morgan), or that cannot be read. A package's router or a same-file one: no.
 */
function routerMayLogRequests(context: Context, node: TSESTree.Node, extra: readonly string[]): boolean {
  const n = skipTransparent(node);
  const callee = n.type === AST_NODE_TYPES.CallExpression ? skipTransparent(n.callee) : n;
  const source = loadedModule(n) ?? loadedModule(callee) ?? getImportedBinding(context, callee)?.source ?? null;
  if (source === null || !source.startsWith('.')) return false;
  const text = readImportedSource(context, source);
  return text === null || ROUTER_LOGGER_TEXT.test(text) || extra.some((name) => text.includes(name));
}

/** `'/healthz'`, `'/ready'`, `healthRoute`, `this.config.readinessPath`: a probe endpoint's path. */
function isProbePath(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  const text = getStringValue(n);
  if (text !== null) return PROBE_PATH.test(text);
  const path = n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression ? getMemberPath(n) : null;
  return path !== null && PROBE_NAME.test(lastSegment(path));
}

/**
 * A handler whose only use of the response is a redirect: `(req, res) => res.redirect(…)`, or Node's own
 * `res.writeHead(302, { Location: … }); res.end()` (also `res.statusCode = 301`, `res.setHeader('Location', …)`):
 * an HTTP-to-HTTPS redirect server answers nothing else, and has no API to keep a record of.
 */
export function redirectsOnly(context: Context, node: TSESTree.Node): boolean {
  const fn = skipTransparent(node);
  if (!isFunctionNode(fn)) return false;
  const res = fn.params[1];
  if (res?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === res.name);
  const uses = variable?.references ?? [];
  let redirects = false;
  const isRedirectStatus = (value: TSESTree.Node | undefined): boolean => {
    const status = value ? getNumberValue(value) : null;
    if (status === null || status < 300 || status >= 400) return false;
    redirects = true;
    return true;
  };
  const onlyRedirects = uses.every((ref) => {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
    const name = getPropertyName(member);
    const call = member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
    if (name === 'redirect') redirects = true;
    if (name === 'redirect') return true;
    if (name === 'writeHead') return call !== null && isRedirectStatus(call.arguments[0]);
    if (name === 'statusCode') return member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member && isRedirectStatus(member.parent.right);
    if (name === 'setHeader') return call !== null && /^location$/iu.test(getStringValue(call.arguments[0]) ?? '');
    return name === 'end' && call !== null && call.arguments.length === 0;
  });
  return uses.length > 0 && onlyRedirects && redirects;
}

/**
 * The module a consumer is loaded from, when the callee loads it on the spot: `require('./setup')`,
 * `(await import('./plugins/dev-server')).default`, compiled TypeScript's
 * `(await Promise.resolve().then(() => __importStar(require("./dev-server")))).default`.
 */
function loadedModule(callee: TSESTree.Node): string | null {
  let n: TSESTree.Node = skipTransparent(callee);
  for (let depth = 0; depth < 8; depth++) {
    if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTransparent(n.argument);
    else if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTransparent(n.object);
    else if (n.type === AST_NODE_TYPES.ImportExpression) return getStringValue(n.source);
    else if (n.type === AST_NODE_TYPES.ArrowFunctionExpression && n.body.type !== AST_NODE_TYPES.BlockStatement) n = skipTransparent(n.body);
    else if (n.type === AST_NODE_TYPES.CallExpression) {
      if (n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'require') return getStringValue(n.arguments[0]);
      // __importStar(require(…)); Promise.resolve().then(() => …)
      const inner = n.callee.type === AST_NODE_TYPES.Identifier ? n.arguments[0] : n.arguments.find((a) => a.type === AST_NODE_TYPES.ArrowFunctionExpression);
      if (!inner) return null;
      n = skipTransparent(inner);
    } else return null;
  }
  return null;
}

/**
 * `app.use(express.json())`, `app.use(cors())`, `app.use('*', secureHeaders())`: cross-cutting
 * middleware from a factory, for every path — what only the top-level app gets. Handlers
 * (`app.use(async (ctx) => …)` is a Koa route), mounted routers and middleware scoped to a
 * path (`api.use('/posts/*', cors())` in a Hono sub-app) do not say so.
 */
function isAppLevelUse(call: TSESTree.CallExpression): boolean {
  const [first, ...rest] = call.arguments;
  if (!first) return false;
  const path = getStringValue(first);
  const args = path === null ? call.arguments : ['*', '/*', '/'].includes(path) ? rest : [];
  return args.some((arg) => {
    const a = skipTransparent(arg);
    if (a.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(a.callee);
    return !(callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require');
  });
}
