/**
 * The logger a file already writes through, when this file shows its style: a module-level binding
 * created here by a logger factory (`pino()`, `winston.createLogger()`, `bunyan.createLogger()`,
 * `log4js.getLogger()`, `new Logger()` from @nestjs/common, `.child()` of one of those — the shared
 * resolveLoggerStyle answer, source `creation`), or winston's default logger bound by its import
 * (`import winston from 'winston'`, `const winston = require('winston')`), that the file calls a log
 * method on. A fix that inserts a log call suggests that logger rather than `console`: the call it
 * builds keeps the error with that style. A logger imported from a project module is not one (its
 * style is not visible here: pino would drop an Error passed after the message).
 *
 * Recognition only: no rule options, no reports.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { LoggerStyle } from '../core/settings.js';
import type { Context } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { getRequiredModule } from './modules.js';
import { resolveLoggerStyle } from './logger-styles.js';
import { fileLogsThrough } from './request-context.js';

export interface FileLogger {
  name: string;
  style: LoggerStyle;
  /** pino / bunyan keys its creation serializes as errors. */
  errorKeys: ReadonlySet<string> | null;
  /** The module-level binding: a fix may use the name only where it resolves to this. */
  variable: TSESLint.Scope.Variable;
}

const cache = fileCache<FileLogger | null>();

/** The file's own logger (see the module comment), or null. Per file (its Program node: oxlint shares one SourceCode). */
export function getFileLogger(context: Context): FileLogger | null {
  return perFile(cache, context.sourceCode, () => findFileLogger(context));
}

function findFileLogger(context: Context): FileLogger | null {
  const source = context.sourceCode;
  const moduleScope = source.scopeManager?.globalScope?.childScopes.find((s) => s.type === 'module') ?? source.scopeManager?.globalScope ?? null;
  if (!moduleScope) return null;
  for (const statement of source.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    for (const [id, style] of candidates(context, declaration)) {
      if (!fileLogsThrough(context, id.name, true)) continue;
      const variable = moduleScope.set.get(id.name) ?? moduleScope.variables.find((v) => v.name === id.name) ?? null;
      if (!variable || variable.defs[0]?.name !== id) continue;
      return { name: id.name, variable, ...style };
    }
  }
  return null;
}

type Candidate = [TSESTree.Identifier, { style: LoggerStyle; errorKeys: ReadonlySet<string> | null }];

/** Module-level bindings of `statement` whose logger style this file shows. */
function candidates(context: Context, statement: TSESTree.Node | null | undefined): Candidate[] {
  if (!statement) return [];
  const out: Candidate[] = [];
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
    if (statement.source.value !== 'winston') return out;
    for (const spec of statement.specifiers) {
      if (spec.type !== AST_NODE_TYPES.ImportSpecifier) out.push([spec.local, { style: 'winston', errorKeys: null }]);
    }
    return out;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return out;
  for (const d of statement.declarations) {
    if (d.id.type !== AST_NODE_TYPES.Identifier || !d.init) continue;
    if (d.init.type === AST_NODE_TYPES.CallExpression && getRequiredModule(d.init) === 'winston') {
      out.push([d.id, { style: 'winston', errorKeys: null }]);
      continue;
    }
    const resolved = resolveLoggerStyle(context, d.id);
    if (resolved?.source === 'creation') out.push([d.id, { style: resolved.style, errorKeys: resolved.errorKeys }]);
  }
  return out;
}
