/**
 * "Does this branch run only outside production?" — one answer for every rule: an error handler
 * that logs only in development does not log (require-error-handler-logging), and error details
 * sent only in development are not a leak (no-error-details-in-response).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getCalleePath, getMemberPath, getStringValue, isFunctionNode, lastSegment, skipTransparent } from './ast.js';

const ENV_EXPRESSION = /(?:^|\.)(?:NODE_ENV|APP_ENV|ENV|env|environment|ENVIRONMENT|nodeEnv|stage|STAGE)$/u;
const DEV_ENV = /^(?:dev|development|develop|local|test|testing)$/iu;
const PROD_ENV = /^(?:prod|production)$/iu;
/** `isDev`, `isDevelopment`, `devMode`, `IS_LOCAL`, `__DEV__`: a flag that is true only outside production. */
const DEV_MODE_FLAG = /^(?:is)?_?(?:dev|development|local)(?:_?(?:mode|env|environment))?$|^__DEV__$/iu;

/** `process.env.NODE_ENV`, `config.env`, `app.get('env')`, `NODE_ENV`. */
function isEnvExpression(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  // app.get('env'), req.app.get('env'), config.get('env')
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const path = getCalleePath(n);
    const key = n.arguments[0] ? getStringValue(n.arguments[0]) : null;
    return path !== null && lastSegment(path) === 'get' && key !== null && /^(?:env|NODE_ENV|environment)$/u.test(key);
  }
  const path = getMemberPath(n);
  return path !== null && (ENV_EXPRESSION.test(path) || path === 'NODE_ENV');
}

/**
 * For an environment comparison (`NODE_ENV === 'development'`, `app.get('env') !== 'production'`):
 * whether the test being `holds` means the code runs only outside production; null when `test` is not
 * such a comparison.
 */
export function envComparisonMeansDevelopment(test: TSESTree.BinaryExpression, holds: boolean): boolean | null {
  const { operator } = test;
  if (operator !== '===' && operator !== '==' && operator !== '!==' && operator !== '!=') return null;
  const literal = getStringValue(test.right) ?? getStringValue(test.left);
  const other = getStringValue(test.right) !== null ? test.left : test.right;
  if (literal === null || !isEnvExpression(other)) return null;
  const equal = operator === '===' || operator === '==' ? holds : !holds;
  if (DEV_ENV.test(literal)) return equal;
  if (PROD_ENV.test(literal)) return !equal;
  return false;
}

/**
 * Like envComparisonMeansDevelopment, for code whose outside-production branch is the risky one
 * (error details sent to the client): only a test that names a development environment
 * (`NODE_ENV === 'development'`, `app.get('env') !== 'development'` false) counts. A "not
 * production" test (`NODE_ENV !== 'production'`, the else of `app.get('env') === 'production'`) also
 * holds when NODE_ENV is unset — Node's default, and Express's `app.get('env')` then says
 * `'development'` — so it fails open: false. Null when `test` is no environment comparison.
 */
export function envComparisonMeansExplicitDevelopment(test: TSESTree.BinaryExpression, holds: boolean): boolean | null {
  const development = envComparisonMeansDevelopment(test, holds);
  if (development !== true) return development;
  const literal = getStringValue(test.right) ?? getStringValue(test.left);
  return literal !== null && DEV_ENV.test(literal);
}

/** A test that holds only outside production: an environment comparison or a development-mode flag (`isDev`, `config.isDevelopment`). */
export function holdsOnlyInDevelopment(test: TSESTree.Node): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.BinaryExpression) return envComparisonMeansDevelopment(t, true) ?? false;
  if (t.type === AST_NODE_TYPES.Identifier || t.type === AST_NODE_TYPES.MemberExpression) {
    const path = getMemberPath(t);
    return path !== null && DEV_MODE_FLAG.test(lastSegment(path));
  }
  return false;
}

/** `debug`, `isDebug`, `config.verbose`, `DEBUG_MODE`: a flag that turns on diagnostics, off unless someone sets it. */
const DEBUG_FLAG = /^(?:is|enable)?_?(?:debug|verbose)(?:_?(?:mode|enabled|logging))?$/iu;

/**
 * A test that holds only in development or when a debug flag is set (`startupConfig.debug`,
 * `isDev || process.env.DEBUG_MODE`): off in a production deployment that sets nothing.
 */
export function holdsOnlyInDebugOrDevelopment(test: TSESTree.Node): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '||') {
    return holdsOnlyInDebugOrDevelopment(t.left) && holdsOnlyInDebugOrDevelopment(t.right);
  }
  if (holdsOnlyInDevelopment(t)) return true;
  const path = t.type === AST_NODE_TYPES.Identifier || t.type === AST_NODE_TYPES.MemberExpression ? getMemberPath(t) : null;
  return path !== null && DEBUG_FLAG.test(lastSegment(path));
}

/**
 * An option value that is off unless in development or debugging: `debug || false`,
 * `isDev ? new Logger() : false` — a logger that production never gets.
 */
export function isOnOnlyInDebugOrDevelopment(value: TSESTree.Node): boolean {
  const v = skipTransparent(value);
  const falsy = (n: TSESTree.Node) => {
    const x = skipTransparent(n);
    return (x.type === AST_NODE_TYPES.Literal && !x.value) || (x.type === AST_NODE_TYPES.Identifier && x.name === 'undefined');
  };
  if (v.type === AST_NODE_TYPES.LogicalExpression && (v.operator === '||' || v.operator === '??') && falsy(v.right)) return holdsOnlyInDebugOrDevelopment(v.left);
  if (v.type === AST_NODE_TYPES.ConditionalExpression && falsy(v.alternate)) return holdsOnlyInDebugOrDevelopment(v.test);
  return false;
}

/**
 * `node` sits, within `body` and its own function, in the branch of a test that holds only outside
 * production: `if (process.env.NODE_ENV === 'development') console.error(err.stack)`, `isDev && log(err)`.
 */
export function runsOnlyInDevelopment(node: TSESTree.Node, body: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current && current !== body && !isFunctionNode(current)) {
    if (current.type === AST_NODE_TYPES.IfStatement && child === current.consequent && holdsOnlyInDevelopment(current.test)) return true;
    if (current.type === AST_NODE_TYPES.ConditionalExpression && child === current.consequent && holdsOnlyInDevelopment(current.test)) return true;
    if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&' && child === current.right && holdsOnlyInDevelopment(current.left)) return true;
    child = current;
    current = current.parent;
  }
  return false;
}

/** A test that holds only in a development environment named as such (`isDev`, `NODE_ENV === 'development'`; not `NODE_ENV !== 'production'`, which holds when NODE_ENV is unset). */
function holdsOnlyInNamedDevelopment(test: TSESTree.Node): boolean {
  const t = skipTransparent(test);
  if (t.type === AST_NODE_TYPES.BinaryExpression) return envComparisonMeansExplicitDevelopment(t, true) ?? false;
  return holdsOnlyInDevelopment(t);
}

/**
 * `if (isDev) { app.post('/test-webhook', (req, res) => { log.debug(req.headers) }) }`: `node` exists only
 * in the branch of a test that holds only in a named development environment — also across the
 * functions around it, so a route or listener registered only in development counts.
 */
export function existsOnlyInDevelopment(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current) {
    if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && child === current.consequent && holdsOnlyInNamedDevelopment(current.test)) return true;
    if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&' && child === current.right && holdsOnlyInNamedDevelopment(current.left)) return true;
    child = current;
    current = current.parent;
  }
  return false;
}
