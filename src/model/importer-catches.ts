/**
 * Do the project files that call an exported function of the linted file each catch what it throws and record it?
 *
 *     // oidc/id-token-validation.js                     // oidc/oidc-auth.js
 *     export async function validateIdToken(t, …) {      try {
 *       …                                                  const claims = await validateIdToken(tokens.idToken, …);
 *       if (!verified) throw new OIDCError('…');           …
 *     }                                                  } catch (err) {
 *                                                          console.error('OIDC callback error:', err);
 *                                                          redirectWithError(err.message);
 *                                                        }
 *
 * A verification helper hands its failure to its callers; when every caller catches it and logs it (or answers the
 * request with a 401/403 of its own, where the rule judges that answer), the failure is recorded — or refused — where
 * it is caught, not lost where it is thrown. General rule: a failure the caller records is not unlogged. The calls are
 * read where they are written: the project files that import the linted file (project-index.ts), parsed on request,
 * calling the function by the name it is exported under (error-chains.ts `exportedAs` / `importedNames`). At least
 * one call must be found and every call found must sit in a `try` of its own function whose `catch` records it; an
 * unexported function, a class method, a call through anything else, or a project that cannot be indexed answers no.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, isFunctionNode, walkTree } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { someInSameFunction } from './walks.js';
import { exportedAs, importedNames, namesImport, readText } from './error-chains.js';
import { getHttpOutcome } from './http-outcomes.js';
import { getLoggingLevel, isAtLeast } from './loggers.js';
import { type ProjectModule, parseProjectFile } from './project-files.js';
import { projectImporters } from './project-index.js';

/** At most this many importers are read per ask, and at most MAX_PARSED of them (those naming the function) parsed. */
const MAX_IMPORTERS = 40;
const MAX_PARSED = 6;

const answers = fileCache<Map<AnyFunction, boolean>>();

/**
 * Every call of `fn` (exported) that another project file makes sits in a `try` whose `catch` logs at warn or above
 * or answers the request with a 401/403; at least one such call exists.
 */
export function importersCatchAndRecord(context: Context, fn: AnyFunction): boolean {
  const cached = perFileMap(answers, context.sourceCode).get(fn);
  if (cached !== undefined) return cached;
  let answer: boolean;
  try {
    answer = compute(context, fn);
  } catch {
    answer = false;
  }
  perFileMap(answers, context.sourceCode).set(fn, answer);
  return answer;
}

function compute(context: Context, fn: AnyFunction): boolean {
  const name = exportedAs(context, fn);
  if (name === null) return false;
  const importers = projectImporters(context);
  if (importers === null || importers.length === 0 || importers.length > MAX_IMPORTERS) return false;
  let calls = 0;
  let parsed = 0;
  for (const importer of importers) {
    const text = readText(importer.file);
    if (text === null || (name !== 'default' && !text.includes(name))) continue;
    if (++parsed > MAX_PARSED) return false;
    const module = parseProjectFile(context, text);
    if (module === null) continue;
    const names = importedNames(module, importer.specifiers, name);
    if (names.size === 0) continue;
    let unrecorded = false;
    walkTree(
      module.ast,
      (node) => {
        if (unrecorded || node.type !== AST_NODE_TYPES.CallExpression || !namesImport(node, names)) return;
        // `namesImport` also accepts a factory's result (`f(opts)` mounted); here the call itself is the use.
        calls += 1;
        if (!caughtAndRecorded(module, node, context)) unrecorded = true;
      },
      context.sourceCode.visitorKeys,
    );
    if (unrecorded) return false;
  }
  return calls > 0;
}

/** The nearest `try` of the call's own function holds it in its block, and its `catch` logs at warn or above or answers 401/403. */
function caughtAndRecorded(module: ProjectModule, call: TSESTree.CallExpression, context: Context): boolean {
  let child: TSESTree.Node = call;
  for (let parent: TSESTree.Node | undefined = call.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent as TSESTree.Node | undefined) {
    if (parent.type !== AST_NODE_TYPES.TryStatement || child !== parent.block || !parent.handler) continue;
    return someInSameFunction(parent.handler.body, context.sourceCode.visitorKeys, (n) => {
      if (n.type !== AST_NODE_TYPES.CallExpression) return false;
      const level = getLoggingLevel(module.context, n);
      if (level) return isAtLeast(level, 'warn');
      const outcome = getHttpOutcome(module.context, n);
      return outcome?.kind === 'response' && (outcome.status === 401 || outcome.status === 403);
    });
  }
  return false;
}
