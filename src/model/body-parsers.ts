/**
 * "Can an error come only from parsing the request body?" — body-parser's parsers (also Express's
 * `express.json()` / `express.urlencoded()`, which are body-parser's) fail with errors that describe
 * the client's own body: `400 Unexpected token } in JSON at position 12`, `413 request entity too
 * large`, `415 unsupported charset`. Their text is the answer to a malformed request, not a server's
 * internals. Two shapes deliver only such errors:
 *
 * - the callback of a parser the code calls itself: `this.jsonParser(req, res, (err) => …)` where
 *   `this.jsonParser = bodyParser.json({ limit })`;
 * - an Express error handler registered right after a parser, before any route
 *   (`app.use(express.json()); app.use((err, req, res, next) => …)`, or `app.use(express.json(), handler)`):
 *   only the middleware before it can hand it an error, so a `SyntaxError` there is the body's.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findEnclosingClass, findVariable, getPropertyName, getVariableInit, skipTransparent, walkTree } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { getImportedBinding } from './modules.js';

/** body-parser's parser factories (also re-exported by Express 4.16+). */
const PARSERS = new Set(['json', 'urlencoded', 'text', 'raw']);

const textCache = fileCache<boolean>();

/** A cheap text check: the file names body-parser or Express (where else could a parser come from?). */
function mayUseBodyParser(context: Context): boolean {
  return perFile(textCache, context.sourceCode, () => /body-parser|['"]express['"]/u.test(context.sourceCode.text));
}

/** `bodyParser.json(…)`, `bodyParser()`, `express.json(…)`, `json()` imported from either. */
export function isBodyParserCreation(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const from = getImportedBinding(context, n.callee);
  if (from === null) return false;
  if (from.source === 'body-parser') return from.imported === 'default' || PARSERS.has(from.imported);
  return from.source === 'express' && PARSERS.has(from.imported);
}

/**
 * A body parser by what holds it: the call itself, a `const` it initialises, or a `this.<field>`
 * its class sets to one (a field initialiser, or every `this.field = …` assignment in the class).
 */
function holdsBodyParser(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.CallExpression) return isBodyParserCreation(context, n);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = getVariableInit(findVariable(context, n));
    return init !== null && isBodyParserCreation(context, init);
  }
  if (n.type !== AST_NODE_TYPES.MemberExpression || n.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = getPropertyName(n);
  const cls = findEnclosingClass(n);
  if (name === null || cls === null) return false;
  const inits: TSESTree.Node[] = [];
  walkTree(
    cls.body,
    (x) => {
      if (x.type === AST_NODE_TYPES.PropertyDefinition && !x.computed && getPropertyName(x) === name && x.value) inits.push(x.value);
      if (x.type === AST_NODE_TYPES.AssignmentExpression && x.left.type === AST_NODE_TYPES.MemberExpression && x.left.object.type === AST_NODE_TYPES.ThisExpression && getPropertyName(x.left) === name) inits.push(x.right);
    },
    context.sourceCode.visitorKeys,
  );
  return inits.length > 0 && inits.every((i) => isBodyParserCreation(context, i));
}

/** `parser(req, res, (err) => …)`: the callback of a body parser the code runs itself gets only the parser's errors. */
export function isBodyParserCallback(context: Context, fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 3 || call.arguments[2] !== fn || !mayUseBodyParser(context)) return false;
  return holdsBodyParser(context, call.callee);
}

/**
 * An error handler that only body parsing can hand an error: an argument of `x.use(…)` after a parser
 * in the same call, or in the `x.use(…)` statement right before it on the same receiver.
 */
export function followsOnlyBodyParser(context: Context, fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !mayUseBodyParser(context)) return false;
  const receiver = useReceiver(call);
  if (receiver === null) return false;
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  if (index > 0) return holdsBodyParser(context, call.arguments[index - 1]!);
  const statement = call.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program)) return false;
  const before = block.body[block.body.indexOf(statement) - 1];
  if (before?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const previous = skipTransparent(before.expression);
  if (previous.type !== AST_NODE_TYPES.CallExpression || useReceiver(previous) !== receiver) return false;
  const last = previous.arguments[previous.arguments.length - 1];
  return last !== undefined && holdsBodyParser(context, last);
}

/** The receiver's source text of `app.use(…)` / `router.use(…)`, or null. */
function useReceiver(call: TSESTree.CallExpression): string | null {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'use') return null;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression ? `this.${getPropertyName(object) ?? ''}` : null;
}
