/**
 * Another file of the project parsed on request: with the linted file's parser (else ESLint's
 * espree), parents set the way ESLint sets them, and a context whose scope knows only the module's
 * top-level bindings, so that the plugin's recognition (loggers by name, same-module helpers) can
 * read it. Used by project-modules.ts (another module's exported function) and process-handlers.ts
 * (an application's process-level handlers). Never throws: what does not parse is null.
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getMemberPath, skipTransparent } from './ast.js';

interface Parser {
  parseForESLint?: (code: string, options: object) => { ast: TSESTree.Program };
  parse?: (code: string, options: object) => TSESTree.Program;
}

/** A parsed project module: its program, and a context that reads it by name. */
export interface ProjectModule {
  ast: TSESTree.Program;
  context: Context;
  /** Module-level bindings by name (function and class declarations, `const` / `let` / `var` declarators). */
  bindings: ReadonlyMap<string, TSESTree.Node>;
}

/**
 * Another file of the project, parsed with the linted file's parser and given a context that reads
 * it by name (see `projectModule`); null when it does not parse. Never throws.
 */
export function parseProjectFile(context: Context, text: string): ProjectModule | null {
  const parsed = parseProjectFileOnHost(context, text);
  return parsed === 'unavailable' ? null : parsed;
}

/**
 * `parseProjectFile`, telling apart a host that cannot parse on request ('unavailable': oxlint,
 * whose lent parser does not implement parse()) from a module that does not parse (null), for
 * callers with a text-only fallback (log-serializers.ts reads a `redact` list from the text).
 */
export function parseProjectFileOnHost(context: Context, text: string): ProjectModule | null | 'unavailable' {
  try {
    const ast = parseModule(context, text);
    return ast === null || ast === 'unavailable' ? ast : projectModule(context, ast, text);
  } catch {
    return null;
  }
}

/**
 * `parseProjectFile`, and when the linted file's parser cannot parse the module (a host such as
 * oxlint, whose lent parser does not parse on request), ESLint's espree: the same answer under every
 * host for a plain JavaScript module. Used where a module's text decides a verdict both hosts must
 * share (log-formats.ts: which logger a relative module exports).
 */
export function parseProjectFileAnyHost(context: Context, text: string): ProjectModule | null {
  const parsed = parseProjectFile(context, text);
  if (parsed) return parsed;
  const fallback = espree();
  if (!fallback) return null;
  try {
    const ast = parseModule(context, text, fallback);
    return ast === null || ast === 'unavailable' ? null : projectModule(context, ast, text);
  } catch {
    return null;
  }
}

/** The parser of the linted file (else ESLint's espree, or the one given); null when the module does not parse. */
function parseModule(context: Context, text: string, given?: Parser): TSESTree.Program | null | 'unavailable' {
  const languageOptions = (context as unknown as { languageOptions?: { parser?: unknown; parserOptions?: Record<string, unknown>; sourceType?: string } })
    .languageOptions;
  const parser = given ?? (languageOptions?.parser as Parser | undefined) ?? espree();
  if (!parser) return null;
  const sourceType = languageOptions?.sourceType === 'commonjs' || languageOptions?.sourceType === 'script' ? languageOptions.sourceType : 'module';
  const options = {
    ...(given ? {} : (languageOptions?.parserOptions ?? {})),
    ecmaVersion: 'latest',
    sourceType,
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    project: undefined,
    projectService: undefined,
  };
  try {
    const ast = parser.parseForESLint ? parser.parseForESLint(text, options).ast : parser.parse ? parser.parse(text, options) : null;
    return ast && ast.type === AST_NODE_TYPES.Program ? ast : null;
  } catch (error) {
    // oxlint's JS plugins lend a parser whose parse() is not implemented: the host cannot parse on request.
    if (error instanceof Error && /not implemented/iu.test(error.message)) return 'unavailable';
    // Another dialect, a syntax error: unknown.
    return null;
  }
}

let espreeParser: Parser | null | undefined;

/** ESLint's own parser, loaded from ESLint's dependencies (for a host that lends no parser). */
function espree(): Parser | null {
  if (espreeParser === undefined) {
    try {
      const fromPlugin = createRequire(import.meta.url);
      espreeParser = createRequire(fromPlugin.resolve('eslint'))('espree') as Parser;
    } catch {
      espreeParser = null;
    }
  }
  return espreeParser;
}

/**
 * A context for the other module: the linted file's settings, and a scope that knows only the
 * module's top-level bindings, so that logger recognition reads names the way it reads them
 * without scope (`log`, `logger`, `this.logger`, configured loggers) and finds the module's own
 * log helpers and logger variables (`const logger = pino()`).
 */
function projectModule(context: Context, ast: TSESTree.Program, text: string): ProjectModule {
  const visitorKeys = context.sourceCode.visitorKeys;
  setParents(ast, visitorKeys);
  const bindings = new Map<string, TSESTree.Node>();
  const set = new Map<string, unknown>();
  const scope = { type: 'module', set, references: [], variables: [], upper: null, childScopes: [] };
  const bind = (id: TSESTree.Identifier, def: Record<string, unknown>, node: TSESTree.Node): void => {
    bindings.set(id.name, node);
    set.set(id.name, { name: id.name, defs: [{ ...def, name: id }], references: [], identifiers: [id], scope });
  };
  for (const statement of ast.body) {
    const declaration =
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) && statement.declaration
        ? statement.declaration
        : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      bind(declaration.id, { type: 'FunctionName', node: declaration }, declaration);
    } else if (declaration.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) {
      bind(declaration.id, { type: 'ClassName', node: declaration }, declaration);
    } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) bind(declarator.id, { type: 'Variable', node: declarator, parent: declaration }, declarator);
      }
    }
  }
  const sourceCode = {
    ast,
    text,
    visitorKeys,
    scopeManager: null,
    parserServices: {},
    getScope: () => scope,
    getText: (node?: TSESTree.Node) => (node ? text.slice(node.range[0], node.range[1]) : text),
  };
  const foreign = { settings: context.settings, sourceCode, filename: '<project module>', physicalFilename: '<project module>', cwd: context.cwd, options: [] };
  return { ast, context: foreign as unknown as Context, bindings };
}

/**
 * What a module exports under `name` (the one answer, for log-formats.ts and log-serializers.ts): `export const log = …`, `exports.log = …`, `module.exports = …` / `export default …` for the default.
 */
export function moduleExport(program: TSESTree.Program, name: string): TSESTree.Node | null {
  const isDefault = name === 'default' || name === '*';
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && isDefault) return statement.declaration;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration && !isDefault) {
      for (const d of statement.declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name && d.init) return d.init;
    }
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.declaration && !statement.source) {
      for (const s of statement.specifiers) {
        const exported = s.exported.type === AST_NODE_TYPES.Identifier ? s.exported.name : String(s.exported.value);
        if (exported === name && s.local.type === AST_NODE_TYPES.Identifier) return s.local;
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right, operator } = statement.expression;
    if (operator !== '=') continue;
    const target = getMemberPath(left);
    if (isDefault && (target === 'module.exports' || target === 'exports.default' || target === 'module.exports.default')) return nonChained(right);
    if (!isDefault && (target === `exports.${name}` || target === `module.exports.${name}`)) {
      const value = nonChained(right);
      // `exports.log = void 0` placeholders of compiled TypeScript: the real assignment comes later.
      if (value) return value;
    }
  }
  return null;
}

/** The value of `a = b = value` chains, null for compiled placeholders (`void 0`). */
function nonChained(node: TSESTree.Node): TSESTree.Node | null {
  let n = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.AssignmentExpression) n = skipTransparent(n.right);
  return n.type === AST_NODE_TYPES.UnaryExpression ? null : n;
}

/**
 * A program's module-level values by name: the init of a top-level `const x = …` / the
 * `function x() {}` (exported or not), else what the module exports under that name
 * (`exports.log = bunyan.createLogger({ … })`, see `moduleExport`). Indexed on first use.
 */
export function moduleValues(program: TSESTree.Program): (name: string) => TSESTree.Node | null {
  let index: Map<string, TSESTree.Node> | null = null;
  return (name) => {
    if (!index) {
      index = new Map();
      for (const raw of program.body) {
        const statement = raw.type === AST_NODE_TYPES.ExportNamedDeclaration && raw.declaration ? raw.declaration : raw;
        if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id) index.set(statement.id.name, statement);
        if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const d of statement.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.init) index.set(d.id.name, d.init);
        }
      }
    }
    if (name === 'default' || name === '*') return null;
    return index.get(name) ?? moduleExport(program, name);
  };
}

/** ESLint sets `parent` while it traverses the linted file; a module parsed here gets it the same way. */
function setParents(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (!c || typeof c !== 'object' || typeof (c as { type?: unknown }).type !== 'string') continue;
        (c as { parent?: TSESTree.Node }).parent = node;
        stack.push(c as TSESTree.Node);
      }
    }
  }
}

/**
 * The import a module-level name is bound to, read from the program's statements (a parsed project
 * module's context has no scope manager to ask): `import A from 'm'` (imported `default`),
 * `import * as A from 'm'` / `const A = require('m')` / `__importStar(require('m'))` (`*`),
 * `import { B as A } from 'm'` / `const { B: A } = require('m')` (`B`). Null for any other name.
 */
export function moduleImportOf(program: TSESTree.Program, local: string): { source: string; imported: string } | null {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const s of statement.specifiers) {
        if (s.local.name !== local) continue;
        const imported =
          s.type === AST_NODE_TYPES.ImportSpecifier ? (s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : String(s.imported.value)) : s.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : 'default';
        return { source: String(statement.source.value), imported };
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of statement.declarations) {
        const source = d.init ? requiredSource(d.init) : null;
        if (source === null) continue;
        if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === local) return { source, imported: '*' };
        if (d.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const p of d.id.properties) {
          if (p.type !== AST_NODE_TYPES.Property || p.computed || p.value.type !== AST_NODE_TYPES.Identifier || p.value.name !== local) continue;
          const key = p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal ? String(p.key.value) : null;
          if (key !== null) return { source, imported: key };
        }
      }
    }
  }
  return null;
}

/** `require('./x')`, also wrapped by a compiler's interop helper (`__importStar(require('./x'))`, `__importDefault(…)`). */
function requiredSource(init: TSESTree.Node): string | null {
  let n: TSESTree.Node = init;
  while (n.type === AST_NODE_TYPES.TSAsExpression || n.type === AST_NODE_TYPES.TSNonNullExpression) n = n.expression;
  if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length === 1 && n.callee.type === AST_NODE_TYPES.Identifier && /^__import(?:Star|Default)$/u.test(n.callee.name)) {
    n = n.arguments[0]!;
  }
  if (n.type !== AST_NODE_TYPES.CallExpression || n.callee.type !== AST_NODE_TYPES.Identifier || n.callee.name !== 'require') return null;
  const arg = n.arguments[0];
  return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : arg?.type === AST_NODE_TYPES.TemplateLiteral && arg.expressions.length === 0 ? arg.quasis[0]!.value.cooked : null;
}
