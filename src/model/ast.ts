import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { keepsCallersThis } from './downlevel.js';
import { fileCache, perFile, perFileMap } from './file-cache.js';

export type AnyFunction =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is AnyFunction {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression)
  );
}

/** Strip TS-only wrappers and parentheses-free wrappers that do not change the value. */
export function skipTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** Strip only TypeScript's wrappers (`as`, `!`, `satisfies`, `<T>x`), keeping `await` and `?.`. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * The identifier a member chain starts from: `res` in `res.status(500).json`, `cron` in
 * `cron.schedule`. With `throughCalls`, calls in the chain are crossed too (`reply.code(500).send`).
 */
export function getRootIdentifier(node: TSESTree.Node, throughCalls = false): TSESTree.Identifier | null {
  let n = skipTransparent(node);
  for (;;) {
    if (n.type === AST_NODE_TYPES.MemberExpression) n = skipTransparent(n.object);
    else if (throughCalls && n.type === AST_NODE_TYPES.CallExpression) n = skipTransparent(n.callee);
    else break;
  }
  return n.type === AST_NODE_TYPES.Identifier ? n : null;
}

/** A property of an object literal by name (the last one wins, like at run time). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === name) found = prop;
  }
  return found;
}

/** The value of an object literal's property by name (`{ onTick: fn }` → `fn`); null when `object` is no object literal or has none. */
export function propertyValue(object: TSESTree.Node | null | undefined, name: string): TSESTree.Node | null {
  return object?.type === AST_NODE_TYPES.ObjectExpression ? (findProperty(object, name)?.value ?? null) : null;
}

/** Name of a non-computed (or string-literal computed) property, else null. */
export function getPropertyName(node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  const computed = node.computed;
  if (!computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? null;
  }
  if (!computed && key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return null;
}

/**
 * Dotted path of an identifier / member chain: `logger`, `this.logger`, `req.log`,
 * `c.var.logger`, `this.#log`. Null for anything dynamic.
 */
export function getMemberPath(node: TSESTree.Node): string | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (n.type === AST_NODE_TYPES.Super) return 'super';
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const object = getMemberPath(n.object);
    const name = getPropertyName(n);
    if (object === null || name === null) return null;
    return `${object}.${name}`;
  }
  return null;
}

/** `msg.data.user` → the variable `msg` and the fields `['data', 'user']` (plain members only); null otherwise. */
export function fieldPath(node: TSESTree.Node): { root: TSESTree.Identifier; fields: string[] } | null {
  const fields: string[] = [];
  let n: TSESTree.Node = skipTransparent(node);
  while (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = n.computed ? null : getPropertyName(n);
    if (name === null) return null;
    fields.unshift(name);
    n = skipTransparent(n.object);
  }
  return n.type === AST_NODE_TYPES.Identifier ? { root: n, fields } : null;
}

/** `start` followed by the plain member reads `fields` (`ref.data.user`): the outermost member, else null. */
export function followFields(start: TSESTree.Node, fields: readonly string[]): TSESTree.Node | null {
  let current = start;
  for (const field of fields) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current || parent.computed || getPropertyName(parent) !== field) return null;
    current = parent;
  }
  return current;
}

/** The callee path of a call (`res.status`, `Sentry.captureException`) or null. */
export function getCalleePath(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  return getMemberPath(node.callee);
}

/** The last name of a member path without building it: `httpErrors` in `fastify.httpErrors`, `f` for `f`; null otherwise. */
export function lastName(node: TSESTree.Node): string | null {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(n);
  return null;
}

/**
 * The function a callee names, through the indirect form compilers emit for an imported function
 * (`(0, fs_1.readFile)(p)`, `(0, _utils.mask)(t)`: TypeScript's and Babel's CommonJS output call an
 * import without `this`; the function is the last expression). Other callees are returned as they are
 * (without TypeScript's wrappers).
 */
export function unwrapIndirectCall(callee: TSESTree.Node): TSESTree.Node {
  const c = skipTypeWrappers(callee);
  if (c.type === AST_NODE_TYPES.SequenceExpression && c.expressions.length === 2 && c.expressions[0]!.type === AST_NODE_TYPES.Literal) {
    return skipTypeWrappers(c.expressions[1]!);
  }
  return c;
}

/** The name a call is made by: `hash` in `hash(x)` and in `bcrypt.hash(x)`; null otherwise. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  return lastName(call.callee);
}

/**
 * `table[key]` for a table keyed by names read from code: only the table's own entries, never
 * what every object inherits (`toString`, `constructor`, `__proto__`).
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The last segment of a dotted path. */
export function lastSegment(path: string): string {
  const i = path.lastIndexOf('.');
  return i === -1 ? path : path.slice(i + 1);
}

export function getStringValue(node: TSESTree.Node | undefined | null): string | null {
  if (!node) return null;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

export function getNumberValue(node: TSESTree.Node | undefined | null): number | null {
  if (!node) return null;
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'number') return n.value;
  return null;
}

/**
 * Each scope's references by identifier node, built once per scope on first look-up (scanning `scope.references` per
 * look-up was quadratic in one function's size). A Map per file, as a WeakMap entry per scope cost more.
 */
const referenceIndexes = fileCache<Map<TSESLint.Scope.Scope, Map<TSESTree.Node, TSESLint.Scope.Reference>>>();

/** The first reference of `scope` whose identifier is `node` (what `scope.references.find` returns). */
function referenceOf(byScope: Map<TSESLint.Scope.Scope, Map<TSESTree.Node, TSESLint.Scope.Reference>>, scope: TSESLint.Scope.Scope, node: TSESTree.Identifier): TSESLint.Scope.Reference | undefined {
  let index = byScope.get(scope);
  if (index === undefined) {
    byScope.set(scope, (index = new Map()));
    // Backwards: the first reference of an identifier is set last, so it is the one kept.
    for (let i = scope.references.length - 1; i >= 0; i--) index.set(scope.references[i]!.identifier, scope.references[i]!);
  }
  return index.get(node);
}

/** Find the variable an identifier refers to, walking up from its scope. */
export function findVariable(context: Context, node: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  const byScope = perFileMap(referenceIndexes, context.sourceCode);
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node);
  while (scope) {
    const ref = referenceOf(byScope, scope, node);
    if (ref) return ref.resolved;
    const variable = scope.set.get(node.name);
    if (variable) return variable;
    scope = scope.upper;
  }
  return null;
}

/** A branch that leaves the function: `return`, `throw`, or a block ending in one. */
export function leavesFunction(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && leavesFunction(last);
}

/** The initializer of a `const`/`let` variable with a single definition, or null. */
export function getVariableInit(variable: TSESLint.Scope.Variable | null): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return null;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  return declarator.init ?? null;
}

/**
 * The call a receiver was created by: the receiver itself when it is a call / `new`, or the
 * initializer of the one variable it names (`const app = express()`); null otherwise.
 */
export function getCreationCall(context: Context, receiver: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  const n = skipTransparent(receiver);
  if (n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) return n;
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const init = getVariableInit(findVariable(context, n));
  const value = init ? skipTransparent(init) : null;
  return value?.type === AST_NODE_TYPES.NewExpression || value?.type === AST_NODE_TYPES.CallExpression ? value : null;
}

/** The one variable that names a same-file function: a declaration's name or a `const f = () => …`; null otherwise. */
export function functionVariable(context: Context, fn: AnyFunction): TSESLint.Scope.Variable | null {
  let variables: readonly TSESLint.Scope.Variable[] = [];
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    variables = context.sourceCode.getDeclaredVariables(fn).filter((v) => v.defs.some((d) => d.type === 'FunctionName'));
  } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    variables = context.sourceCode.getDeclaredVariables(fn.parent);
  }
  return variables.length === 1 ? variables[0]! : null;
}

/**
 * The names some variable of the file binds to a function (a declaration, or a single
 * definition initialized with one), and the names bound once to a call's result (`const respond =
 * makeResponder(key)`), built once per file from the scope manager on first ask: a call of any
 * other name (an import, a global, a parameter) resolves to nothing without a look-up.
 */
interface BindingNames {
  functions: ReadonlySet<string>;
  callResults: ReadonlySet<string>;
}
const bindingNamesCache = fileCache<BindingNames>();

function bindingNames(context: Context): BindingNames | null {
  const scopeManager = context.sourceCode.scopeManager;
  if (!scopeManager) return null;
  return perFile(bindingNamesCache, context.sourceCode, () => {
    const functions = new Set<string>();
    const callResults = new Set<string>();
    for (const scope of scopeManager.scopes) {
      for (const variable of scope.variables) {
        if (variable.defs.length !== 1) continue;
        const def = variable.defs[0]!;
        if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) functions.add(variable.name);
        else if (def.type === 'Variable' && def.node.init) {
          const init = skipTransparent(def.node.init);
          if (isFunctionNode(init)) functions.add(variable.name);
          else if (init.type === AST_NODE_TYPES.CallExpression) callResults.add(variable.name);
        }
      }
    }
    return { functions, callResults };
  });
}

/**
 * Whether some variable of this file named like `id` is bound once to a call's result
 * (`const respond = this.makeResponder(key)`): false means no look-up can find such a binding.
 */
export function mayBindCallResult(context: Context, id: TSESTree.Identifier): boolean {
  return bindingNames(context)?.callResults.has(id.name) !== false;
}

/**
 * Whether some function of this file is bound to a name like `id` (a declaration, or a single
 * definition initialized with a function): false means `resolveFunction(context, id)` is null
 * without a look-up.
 */
export function mayNameFunction(context: Context, id: TSESTree.Identifier): boolean {
  return bindingNames(context)?.functions.has(id.name) !== false;
}

/**
 * Whether some comment of the file lies inside `node` (a binary search on the file's sorted
 * comments): false means `sourceCode.getCommentsInside(node)` is empty, without the token store.
 */
export function mayHaveCommentsInside(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const comments = sourceCode.getAllComments();
  const [start, end] = node.range;
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid]!.range[0] < start) low = mid + 1;
    else high = mid;
  }
  const first = comments[low];
  return first !== undefined && first.range[1] <= end;
}

const classMethodsCache = new WeakMap<TSESTree.ClassBody, ReadonlyMap<string, AnyFunction>>();
/** A class's own (non-static) methods and function-valued fields by name: the first member of that name with a function value. */
export function classMethods(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ReadonlyMap<string, AnyFunction> {
  let methods = classMethodsCache.get(cls.body);
  if (methods === undefined) {
    const found = new Map<string, AnyFunction>();
    for (const member of cls.body.body) {
      if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.static) continue;
      const name = getPropertyName(member);
      const value = member.value;
      if (name !== null && value && isFunctionNode(value) && !found.has(name)) found.set(name, value);
    }
    methods = found;
    classMethodsCache.set(cls.body, methods);
  }
  return methods;
}

/** The function a name refers to in this file (declaration or `const f = () => …`), or null. */
export function resolveFunction(context: Context, node: TSESTree.Node): AnyFunction | null {
  const n = skipTransparent(node);
  if (isFunctionNode(n)) return n;
  if (n.type === AST_NODE_TYPES.Identifier) {
    if (bindingNames(context)?.functions.has(n.name) === false) return null;
    const variable = findVariable(context, n);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0];
    if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    const init = getVariableInit(variable);
    // `const f = (async () => {}) satisfies Job` / `as Handler`
    const value = init ? skipTransparent(init) : null;
    if (value && isFunctionNode(value)) return value;
    return null;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = getPropertyName(n);
    if (!name) return null;
    const cls = findEnclosingClass(n);
    return cls ? (classMethods(cls).get(name) ?? null) : null;
  }
  return null;
}

export function findEnclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      return current;
    }
    // A plain function rebinds `this`, unless it is the class member itself (or a downleveled async body: downlevel.ts).
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition && !keepsCallersThis(current)
    ) {
      return null;
    }
    current = current.parent;
  }
  return null;
}

export function getEnclosingFunction(node: TSESTree.Node): AnyFunction | null {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return null;
}

/** Whether `inner` lies within `outer` (by range). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Visit `root`'s descendants without entering nested functions (their bodies run
 * at another time). The visitor returns `false` to skip a node's children.
 */
export function walkSameFunction(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => boolean | void,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const c = child[i] as TSESTree.Node | null;
          if (c && typeof c.type === 'string' && !isFunctionNode(c)) stack.push(c);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string' && !isFunctionNode(child as TSESTree.Node)) {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/**
 * Visit `root` and all its descendants, nested functions included. Children come from ESLint's
 * `visitorKeys` when given; without them (an AST parsed from another module) from every own
 * property that holds a node. `sameFunction` skips nested functions' bodies. No array is built per node or key: this
 * walk runs over whole functions and files.
 */
export function walkTree(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => void,
  visitorKeys?: TSESLint.SourceCode.VisitorKeys,
  sameFunction = false,
): void {
  const stack: TSESTree.Node[] = [root];
  // Pushes a child node; children are pushed in key order, elements in array order (the last one is visited first).
  const push = (c: unknown): void => {
    if (!c || typeof c !== 'object' || typeof (c as { type?: unknown }).type !== 'string') return;
    if (sameFunction && isFunctionNode(c as TSESTree.Node)) return;
    stack.push(c as TSESTree.Node);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const keys = visitorKeys ? visitorKeys[node.type] : Object.keys(node);
    if (keys === undefined) continue;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (!visitorKeys && NOT_CHILDREN.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (let i = 0; i < child.length; i++) push(child[i]);
      else push(child);
    }
  }
}
const NOT_CHILDREN = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

/** Whether an expression reads the given variable (by reference identity). */
export function referencesVariable(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => contains(node, ref.identifier));
}

/**
 * An options argument as written: the object literal, or the object a same-file `const`
 * holds. `opaque` when it is something else (a parameter, a call, an import) — or, with
 * `spreadIsOpaque`, when a spread adds keys that cannot be read.
 */
export function readOptionsArgument(context: Context, arg: TSESTree.Node | undefined, spreadIsOpaque = false): { options: TSESTree.ObjectExpression | null; opaque: boolean } {
  if (!arg) return { options: null, opaque: false };
  let n = skipTransparent(arg);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, n);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.init : null;
    if (!init) return { options: null, opaque: true };
    n = skipTransparent(init);
  }
  if (n.type !== AST_NODE_TYPES.ObjectExpression) return { options: null, opaque: true };
  if (spreadIsOpaque && n.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return { options: n, opaque: true };
  return { options: n, opaque: false };
}

/** The name of the function around `node` (`getUser`): its declaration, variable, method or property name. */
export function describeEnclosingFunction(node: TSESTree.Node): string | null {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration && current.id) return current.id.name;
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      const p = current.parent;
      if (current.type === AST_NODE_TYPES.FunctionExpression && current.id) return current.id.name;
      if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
      if ((p?.type === AST_NODE_TYPES.MethodDefinition || p?.type === AST_NODE_TYPES.PropertyDefinition || p?.type === AST_NODE_TYPES.Property) && !p.computed && p.key.type === AST_NODE_TYPES.Identifier) {
        return p.key.name;
      }
    }
    current = current.parent;
  }
  return null;
}

/** The definition of the module-level (or global) variable or import `id` refers to (`const logger = pino()`, `import log from './log'`), else null. */
export function getModuleLevelDefinition(context: Context, id: TSESTree.Identifier): TSESLint.Scope.Definition | null {
  const variable = findVariable(context, id);
  if (!variable || !variable.scope || (variable.scope.type !== 'module' && variable.scope.type !== 'global')) return null;
  const def = variable.defs[0];
  return def && (def.type === 'Variable' || def.type === 'ImportBinding') ? def : null;
}

/** The values `fn` returns: its expression body, or the argument of each `return` in its own body. */
export function returnedValues(fn: AnyFunction, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Node[] = [];
  walkSameFunction(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
    },
    visitorKeys,
  );
  return returned;
}

/** Methods that detach a listener: they compare the function, never call it. */
const DETACHING_METHODS = new Set(['off', 'removeListener', 'removeEventListener', 'unsubscribe']);

/** `emitter.off('progress', onProgress)`: the reference only detaches the listener it names. */
function detachesListener(id: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const call = id.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 2 || call.arguments[1] !== id) return false;
  return call.callee.type === AST_NODE_TYPES.MemberExpression && DETACHING_METHODS.has(getPropertyName(call.callee) ?? '');
}

/**
 * `const onProgress = (job) => save(job); job.on('progress', onProgress)`: the identifier names a
 * `const` function that this is the only read of, so editing the function changes no other use.
 * A read that only detaches the listener later (`job.off('progress', onProgress)`) is no other use.
 */
export function isOnlyUseOfConstFunction(context: Context, node: TSESTree.Node): boolean {
  const id = skipTransparent(node);
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init || !isFunctionNode(skipTransparent(def.node.init))) return false;
  return variable!.references.filter((ref) => !ref.init && !(ref.identifier !== id && detachesListener(ref.identifier))).length === 1;
}
