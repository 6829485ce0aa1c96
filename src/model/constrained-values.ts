/**
 * "Has the code pinned this request value down where it is used?" — checked against an
 * allow-list, an anchored pattern or a validator, or used to load a record that was found (also an
 * account a sign-in with the name and password returned).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, unwrapIndirectCall, findVariable, getCalleePath, getPropertyName, isFunctionNode, lastSegment, skipTransparent } from './ast.js';
import { PASSWORD_ARGUMENT, isCredentialValidation } from './credential-checks.js';
import { isLineSafePattern } from './line-breaks.js';
import { getImportSource } from './modules.js';
import { isResponseName, isResponseOrContextName } from './response-names.js';
import type { RequestInputTracker } from './request-input.js';
import { routePatternExcludesLineBreaks, routeSchemaMakesNumber, validatedFieldIsLineFree } from './route-schemas.js';

/** The answer for one file (and one request-input tracker). */
export interface ConstraintFinder {
  /** Whether `node` (a request value) is, where it is used, a value the code checked or found a record by. */
  isConstrained(node: TSESTree.Node): boolean;
}

/** Calls that load a record by a key: `getExecution(id)`, `findOne({ name })`, `repo.findById(id)`. Searches are not. */
const LOOKUP_CALL = /^(?:get|find|load|fetch|read|lookup|retrieve)(?:[A-Z_$]|$)/u;

/** Sign-in calls: `login(name, password)`, `auth.signIn(email, pw)`. */
const SIGN_IN_CALL = /^(?:log|sign)[iI]n$/u;

/** Validators whose `true` means the text is an identifier, a number or an address: no line break. */
const VALIDATOR = /^is(?:Valid)?(?:Uuid|UUID|UUIDv4|Int|Integer|Numeric|Number|Alphanumeric|Alpha|Hex|Hexadecimal|MongoId|ObjectId|ObjectID|Slug|Semver|IP|Ip|Port|Base64)$/u;

/** Packages whose checks pass only identifiers, versions or addresses: `uuid`'s `validate`, `semver.valid`, `net.isIP`. */
const FORMAT_PACKAGE = /^(?:node:)?(?:uuid|ulid|cuid|@paralleldrive\/cuid2|semver|net|ipaddr\.js|ip|bson|mongodb|mongoose)$/u;
/** The checks of those packages: `validate`, `isValid` (`ObjectId.isValid`), `valid`, `isIP`, `isIPv4`, `isCuid`. */
const FORMAT_CHECK = /^(?:validate|isValid|valid|isIP|isIPv4|isIPv6|isCuid|isValidObjectId)$/u;

/** Two-argument equality checks: `comparePasswords(a, b)`, `safeCompare`, `timingSafeEqual`, `secureCompare`, `isEqual`. */
const EQUALITY_CHECK = /^(?:compare[A-Z]\w*|(?:safe|secure|constantTime|timingSafe)(?:Compare|Equals?)|(?:is)?[eE]quals?|isSame)$/u;

/** Methods that keep what a check established about a value (no line break appears). */
const KEEPS_CHECKED_TEXT = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'valueOf']);

/**
 * A request value used after the code has constrained it: checked against an allow-list
 * (`LIST.includes(x)`, `SET.has(x)`, `x in MAP`, `x === 'a'`), an anchored pattern that cannot
 * match a line break (`/^[\w-]+$/.test(x)`) or a validator (`isUUID(x)`), or used to load a
 * record that was found (`const row = await repo.findOne(x); if (!row) throw …`). The check must
 * decide whether the log runs: an enclosing `if`, or an earlier `if (…) return / throw` in an
 * enclosing block. Values are matched through `const` aliases and destructuring; a variable
 * written after its declaration matches nothing.
 */
export function createConstraintFinder(context: Context, tracker: RequestInputTracker): ConstraintFinder {
  const ids = new Map<TSESLint.Scope.Variable, number>();
  let next = 0;

  function keyOf(node: TSESTree.Node, depth = 0): string | null {
    if (depth > 8) return null;
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(context, n);
      if (!variable || variable.defs.length !== 1) return null;
      if (variable.references.some((r) => r.isWrite() && !r.init)) return null;
      const def = variable.defs[0]!;
      if (def.type === 'Variable' && def.node.init) {
        const declarator = def.node;
        if (declarator.id === def.name) {
          const aliased = keyOf(declarator.init!, depth + 1);
          if (aliased) return aliased;
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          // const { path: executionId } = req.params
          const property = def.name.parent;
          if (property?.type === AST_NODE_TYPES.Property && property.value === def.name && property.parent === declarator.id) {
            const name = getPropertyName(property);
            const base = keyOf(declarator.init!, depth + 1);
            if (name !== null && base) return `${base}.${name}`;
          }
        }
      }
      let id = ids.get(variable);
      if (id === undefined) {
        id = next++;
        ids.set(variable, id);
      }
      return `#${id}`;
    }
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(n);
      if (name === null) return null;
      const base = keyOf(n.object, depth + 1);
      return base && `${base}.${name}`;
    }
    return null;
  }

  /** The key of a logged expression: `x.trim()` and `String(x)` are as constrained as `x`. */
  function loggedKey(node: TSESTree.Node): string | null {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length <= 1) {
      const callee = skipTransparent(n.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && n.arguments.length === 0 && KEEPS_CHECKED_TEXT.has(getPropertyName(callee) ?? '')) {
        return loggedKey(callee.object);
      }
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && n.arguments[0]) return loggedKey(n.arguments[0]);
    }
    return keyOf(n);
  }

  const same = (node: TSESTree.Node | undefined, key: string): boolean =>
    !!node && node.type !== AST_NODE_TYPES.SpreadElement && node.type !== AST_NODE_TYPES.PrivateIdentifier && keyOf(node) === key;

  /** Whether `test` evaluating to `positive` tells that the value under `key` is constrained. */
  function implies(test: TSESTree.Node, positive: boolean, key: string): boolean {
    const n = skipTransparent(test);
    if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') return implies(n.argument, !positive, key);
    if (n.type === AST_NODE_TYPES.LogicalExpression) {
      if (n.operator === '&&') return positive ? implies(n.left, true, key) || implies(n.right, true, key) : implies(n.left, false, key) && implies(n.right, false, key);
      if (n.operator === '||') return positive ? implies(n.left, true, key) && implies(n.right, true, key) : implies(n.left, false, key) || implies(n.right, false, key);
      return false;
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)) {
      const equal = (n.operator === '===' || n.operator === '==') === positive;
      const pairs: [TSESTree.Node, TSESTree.Node][] = [
        [n.left, n.right],
        [n.right, n.left],
      ];
      for (const [side, other] of pairs) {
        if (side.type === AST_NODE_TYPES.PrivateIdentifier) continue;
        if (equal && same(side, key) && isPlainLiteral(other)) return true;
        // `name === config.user`: equal to a value the server already holds.
        if (equal && same(side, key) && other.type !== AST_NODE_TYPES.PrivateIdentifier && isServerValue(other)) return true;
        // `row == null` false / `row !== undefined` true: the record was found.
        if (!equal && isNullish(other) && isLookupResult(side, key, false)) return true;
      }
      return false;
    }
    // `if (err) return next(err)` in the callback of `storage.getPackage({ name, callback(err, info) { … } })`
    if (!positive && n.type === AST_NODE_TYPES.Identifier && isLookupCallbackError(n, key)) return true;
    if (positive && n.type === AST_NODE_TYPES.Identifier && isCheckFlag(n, key)) return true;
    return positive && atom(n, key);
  }

  /**
   * A value the server holds, not the client's: `config.get('user')`, `user.name`, `expected` — no
   * request input (by the tracker), and not a literal (isPlainLiteral decides those).
   */
  function isServerValue(node: TSESTree.Node): boolean {
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Literal || isNullish(n)) return false;
    if (n.type !== AST_NODE_TYPES.Identifier && n.type !== AST_NODE_TYPES.MemberExpression && n.type !== AST_NODE_TYPES.CallExpression) return false;
    return !carriesInput(n, 0);
  }

  /** Whether request data appears anywhere in a member chain or call (`String(req.body.x)`, `users.get(req.params.id).name`). */
  function carriesInput(node: TSESTree.Node, depth: number): boolean {
    const n = skipTransparent(node);
    if (depth > 6 || tracker.classify(n)) return true;
    if (n.type === AST_NODE_TYPES.MemberExpression) return carriesInput(n.object, depth + 1) || (n.computed && carriesInput(n.property, depth + 1));
    if (n.type === AST_NODE_TYPES.CallExpression) return carriesInput(n.callee, depth + 1) || n.arguments.some((a) => carriesInput(a, depth + 1));
    return false;
  }

  /**
   * `let validUser = false; if (comparePasswords(String(name), expected)) validUser = true; … if (validUser) log(name)`:
   * a flag set to `true` only where a check of the value holds (and to nothing else) says the check held.
   */
  function isCheckFlag(id: TSESTree.Identifier, key: string): boolean {
    const variable = findVariable(context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || def.node.id !== def.name) return false;
    if (def.node.init && !(def.node.init.type === AST_NODE_TYPES.Literal && def.node.init.value === false)) return false;
    const writes = variable.references.filter((r) => r.isWrite() && !r.init);
    return (
      writes.length > 0 &&
      writes.every((r) => {
        const assignment = r.identifier.parent;
        if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right.type !== AST_NODE_TYPES.Literal || assignment.right.value !== true) return false;
        let statement: TSESTree.Node | undefined = assignment.parent;
        if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        if (statement.parent?.type === AST_NODE_TYPES.BlockStatement && statement.parent.body.length === 1) statement = statement.parent;
        const branch = statement.parent;
        return branch?.type === AST_NODE_TYPES.IfStatement && branch.consequent === statement && implies(branch.test, true, key);
      })
    );
  }

  /** The error parameter of the callback a lookup call (`getPackage({ name, callback })`, `findUser(id, cb)`) that takes the value reports to. */
  function isLookupCallbackError(id: TSESTree.Identifier, key: string): boolean {
    const variable = findVariable(context, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isFunctionNode(def.node) || def.node.params[0] !== def.name) return false;
    const fn = def.node;
    let call: TSESTree.Node | undefined = fn.parent;
    if (call?.type === AST_NODE_TYPES.Property && call.value === fn) call = call.parent?.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    return isLookupOf(call, key);
  }

  /** `repo.findOne(x)`, `getPackage({ name: x, … })`: a call that loads a record by the value. */
  function isLookupOf(call: TSESTree.CallExpression, key: string): boolean {
    const callee = skipTransparent(call.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (name === null || !LOOKUP_CALL.test(name)) return false;
    return call.arguments.some((a) => {
      if (same(a, key)) return true;
      const o = skipTransparent(a);
      return o.type === AST_NODE_TYPES.ObjectExpression && o.properties.some((p) => p.type === AST_NODE_TYPES.Property && same(p.value, key));
    });
  }

  /**
   * `const { archive, metadata } = await service.zipFolder(req.params.pk)`: an id (a name ending in
   * `id` or `pk`) given to an awaited call whose result the code takes fields of. The call found
   * the record, or the handler would have thrown before reaching the log.
   */
  function loadsRecordBy(statement: TSESTree.Node, key: string): boolean {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || !/(?:^|[.#_])(?:\w*Id|id|ID|pk|PK)$/u.test(key)) return false;
    return statement.declarations.some((d) => {
      if (d.id.type !== AST_NODE_TYPES.ObjectPattern || !d.init || d.init.type !== AST_NODE_TYPES.AwaitExpression) return false;
      // skipTransparent looks through the await too.
      const call = skipTransparent(d.init);
      return call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1 && same(call.arguments[0], key);
    });
  }

  const calledConstrained = new Map<string, boolean>();

  /**
   * A local function (`const afterChange = function (err) { … log … }`) whose every call in this
   * file runs where the value is constrained.
   */
  function everyCallConstrained(fn: TSESTree.Node, key: string, depth: number): boolean {
    if (depth > 2 || !isFunctionNode(fn)) return false;
    const parent = fn.parent;
    const variable =
      fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id
        ? context.sourceCode.getDeclaredVariables(fn)[0]
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
          ? context.sourceCode.getDeclaredVariables(parent)[0]
          : undefined;
    if (!variable) return false;
    const cacheKey = `${fn.range[0]}:${key}`;
    const cached = calledConstrained.get(cacheKey);
    if (cached !== undefined) return cached;
    calledConstrained.set(cacheKey, false);
    const calls = variable.references.filter((r) => !r.init);
    const result =
      calls.length > 0 &&
      calls.every((r) => {
        const call = r.identifier.parent;
        return call?.type === AST_NODE_TYPES.CallExpression && call.callee === r.identifier && constrainedAt(call, key, depth + 1);
      });
    calledConstrained.set(cacheKey, result);
    return result;
  }

  /** A test whose truth constrains the value. */
  function atom(n: TSESTree.Node, key: string): boolean {
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTransparent(n.callee);
      const arg = n.arguments[0];
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = getPropertyName(callee);
        // LIST.includes(x), ALLOWED.has(x), Object.values(Kind).includes(x)
        if ((method === 'includes' || method === 'has') && n.arguments.length === 1 && same(arg, key) && !tracker.classify(callee.object)) return true;
        if ((method === 'test' || method === 'exec') && same(arg, key) && isLineSafePattern(context, callee.object)) return true;
        if (method === 'match' && arg && same(callee.object, key) && isLineSafePattern(context, arg)) return true;
      }
      const path = getCalleePath(n);
      if (path !== null && VALIDATOR.test(lastSegment(path)) && same(arg, key)) return true;
      // comparePasswords(String(name), config.get('user')), safeCompare(token, expected): equal to a value the server holds.
      const name = path !== null ? lastSegment(path) : null;
      if (name !== null && EQUALITY_CHECK.test(name) && n.arguments.length === 2) {
        const [a, b] = n.arguments as TSESTree.Node[];
        if ((loggedKey(a!) === key && isServerValue(b!)) || (loggedKey(b!) === key && isServerValue(a!))) return true;
      }
      return isFormatCheck(n) && same(arg, key);
    }
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'in') return same(n.left, key) && !tracker.classify(n.right);
    return isLookupResult(n, key, true);
  }

  /**
   * A format package's check: `uuid.validate(id)`, `validate(id)` imported from 'uuid',
   * `ObjectId.isValid(id)` / `mongoose.Types.ObjectId.isValid(id)`, `semver.valid(v)`, `net.isIP(a)`.
   */
  function isFormatCheck(call: TSESTree.CallExpression): boolean {
    // (0, uuid_1.validate)(id): compiled TypeScript calls an import without `this`.
    const callee = skipTransparent(unwrapIndirectCall(call.callee));
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
    if (name === null || !FORMAT_CHECK.test(name)) return false;
    let root: TSESTree.Node = callee;
    for (let i = 0; root.type === AST_NODE_TYPES.MemberExpression && i < 4; i++) root = skipTransparent(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const from = getImportSource(context, root);
    // ObjectId.isValid with ObjectId from 'mongodb' / 'bson', or mongoose's Types.ObjectId
    return from !== null && FORMAT_PACKAGE.test(from.source) && (name !== 'isValid' || /ObjectI[dD]/u.test(context.sourceCode.getText(callee)));
  }

  /**
   * `row` (or `row.field` when truthy) where `const row = await repo.findOne(x)`: a record found by
   * the value. Only a `const`-like variable, initialised by a lookup call that takes the value.
   */
  function isLookupResult(node: TSESTree.Node, key: string, throughMembers: boolean): boolean {
    let n = skipTransparent(node);
    while (throughMembers && n.type === AST_NODE_TYPES.MemberExpression) n = skipTransparent(n.object);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(context, n);
    if (!variable || variable.defs.length !== 1 || variable.references.some((r) => r.isWrite() && !r.init)) return false;
    const def = variable.defs[0]!;
    if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return false;
    let init = skipTransparent(def.node.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
    if (init.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTransparent(init.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (name === null || !(LOOKUP_CALL.test(name) || isSignIn(init, name))) return false;
    return init.arguments.some((a) => {
      if (same(a, key)) return true;
      const o = skipTransparent(a);
      return o.type === AST_NODE_TYPES.ObjectExpression && o.properties.some((p) => p.type === AST_NODE_TYPES.Property && same(p.value, key));
    });
  }

  /**
   * A sign-in handed the name and the password (`login(data.username, data.password)`, an app's
   * validator such as `validateUser(email, password)`): a truthy result is the account the name
   * belongs to, so the name is one the app stores.
   */
  function isSignIn(call: TSESTree.CallExpression, name: string): boolean {
    if (isCredentialValidation(context, call)) return true;
    return SIGN_IN_CALL.test(name) && call.arguments.some((a) => PASSWORD_ARGUMENT.test(context.sourceCode.getText(a)));
  }

  function exits(statement: TSESTree.Statement): boolean {
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.BreakStatement:
        return true;
      case AST_NODE_TYPES.BlockStatement: {
        const last = statement.body[statement.body.length - 1];
        return !!last && exits(last);
      }
      case AST_NODE_TYPES.ExpressionStatement:
        return isContextThrow(statement.expression);
      default:
        return false;
    }
  }

  function guardedBefore(list: readonly TSESTree.Node[], child: TSESTree.Node, key: string): boolean {
    const index = list.indexOf(child);
    for (let i = 0; i < index; i++) {
      const statement = list[i]!;
      if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent) && implies(statement.test, false, key)) return true;
      if (loadsRecordBy(statement, key)) return true;
    }
    return false;
  }

  function constrainedAt(node: TSESTree.Node, key: string, depth: number): boolean {
      let child: TSESTree.Node = node;
      let current = node.parent;
      while (current) {
        switch (current.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
            if (child === current.consequent && implies(current.test, true, key)) return true;
            if (child === current.alternate && implies(current.test, false, key)) return true;
            break;
          case AST_NODE_TYPES.LogicalExpression:
            if (child === current.right && current.operator === '&&' && implies(current.left, true, key)) return true;
            if (child === current.right && current.operator === '||' && implies(current.left, false, key)) return true;
            break;
          case AST_NODE_TYPES.BlockStatement:
          case AST_NODE_TYPES.Program:
          case AST_NODE_TYPES.StaticBlock:
            if (guardedBefore(current.body, child, key)) return true;
            break;
          case AST_NODE_TYPES.SwitchCase:
            if (guardedBefore(current.consequent, child, key)) return true;
            break;
          case AST_NODE_TYPES.FunctionDeclaration:
          case AST_NODE_TYPES.FunctionExpression:
          case AST_NODE_TYPES.ArrowFunctionExpression:
            if (everyCallConstrained(current, key, depth)) return true;
            break;
          default:
            break;
        }
        child = current;
        current = current.parent;
      }
      return false;
  }

  return {
    isConstrained(node) {
      const key = loggedKey(node);
      // A number by the route's own schema (Hapi's Joi `validate`, Fastify's `schema`): checked before the handler runs.
      // A route parameter the route's own pattern keeps to a line-free alphabet (`/:id(\\d+)`, `/^\/page\/([a-z0-9-]+)$/`).
      // A field of a validation's result (`schema.validate(req.params).value.id`) whose schema in the file admits only line-free text.
      return (
        (key !== null && constrainedAt(node, key, 0)) ||
        routeSchemaMakesNumber(context, node) ||
        routePatternExcludesLineBreaks(context, node) ||
        validatedFieldIsLineFree(context, node)
      );
    },
  };
}

/** Koa's `ctx.throw(404, 'Table not found')`: it always throws, like a `throw` statement. */
function isContextThrow(expression: TSESTree.Expression): boolean {
  const n = skipTransparent(expression);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(n.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'throw') return false;
  const object = skipTransparent(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && isResponseOrContextName(object.name) && !isResponseName(object.name);
}

function isPlainLiteral(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Literal) return false;
  if (typeof n.value === 'string') return !/[\r\n]/u.test(n.value);
  return typeof n.value === 'number' || typeof n.value === 'boolean';
}

function isNullish(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  return (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
}
