import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getPropertyName, isFunctionNode, leavesFunction, skipTransparent, walkSameFunction } from './ast.js';
import { skipDownlevel } from './downlevel.js';
import { tokenizeName } from './secrets/names.js';
import { ALLOW_WORDS, GRANT, isClientHeaderName, isFeatureSwitchPath, type Product, type Term, type TermKind, accessWords, classifyPath, isSettingsHolder, isVerdictName, predicateTerm, textShapeTerm, wordTerm } from './access-words.js';
import { refusesMissingCredential, typeofOperand } from './typeof-tests.js';
import { isSessionStepError, receivesPassportVerdict } from './logins.js';

/**
 * What the condition that chooses a 401/403 tests:
 * - `who`: the caller — identity, role, permission, ownership, session, token, key, signature;
 * - `other`: something else — a feature flag or setting, the plan, the state of a resource,
 *   request input checked against fixed values, a blocklist, "you may not do this to yourself";
 * - `unknown`: nothing recognizable (`if (!ok)`), or no condition at all.
 */
export type GuardSubject = 'who' | 'other' | 'unknown';

/** One test of a condition and how it reads. */
interface Test {
  kind: TermKind;
  product?: Product;
  /** The rejection needs this test to hold for a present caller fact (`req.accountability.oauth && …`). */
  presence: boolean;
}

export interface GuardOptions {
  /**
   * Request input (`req.query.uuid`, `req.body.key`) is what the caller presented to be
   * identified: true for a 401, whose only meaning is "who are you?". For a 403 it is input
   * checked against the app's rules (`typeof req.params.pk !== 'string'`).
   */
  inputIdentifiesCaller?: boolean;
  /**
   * A value whose falsiness is the innermost condition of the rejection: Koa's
   * `ctx.assert(ctx.state.user, 401)` rejects when `ctx.state.user` is falsy.
   */
  assertion?: TSESTree.Node;
  /** The rejection happens where `node` does not run (`let code = 403; if (isAdmin) code = 200`): every condition reads the other way. */
  negated?: boolean;
}

type Verdict = GuardSubject | 'route';

/**
 * What the innermost recognizable condition that leads from `region`'s body to `node` tests.
 * Conditions are read from the nearest outward; the first one that says anything decides.
 * A test of the request's path alone says nothing of the caller: the walk goes on outward, and
 * when nothing else decides, the rejection is a routing rule (`other`).
 * A `catch` stops the walk: the rejection answers whatever failed in the `try`.
 */
export function classifyRejectionGuard(context: Context, node: TSESTree.Node, region: TSESTree.Node, options: GuardOptions = {}): GuardSubject {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  let routed = false;
  /** A condition between the rejection and its function chose it (then early exits before it do not decide). */
  let conditioned = !!options.assertion || !!options.negated;
  if (options.assertion) {
    const verdict = classifyTest(context, options.assertion, false, options);
    if (verdict === 'route') routed = true;
    else if (verdict !== 'unknown') return verdict;
  }
  while (parent && parent !== region && !isFunctionNode(parent)) {
    let verdict: Verdict = 'unknown';
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) {
      verdict = classifyTest(context, parent.test, (child === parent.consequent) !== !!options.negated, options);
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      verdict = classifyTest(context, parent.left, (parent.operator === '&&') !== !!options.negated, options);
    } else if (parent.type === AST_NODE_TYPES.SwitchCase && child !== parent.test) {
      const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
      verdict = combine([atomic(context, parent.test ? [discriminant, parent.test] : [discriminant], 0, false)], options);
    } else if (parent.type === AST_NODE_TYPES.CatchClause) {
      // `try { req.body = JSON.parse(req.body) } catch { return invalidRequest(req, res) }`: a body that does not parse.
      if (onlyParses(context, parent.parent.block)) return 'other';
      // `try { res.token = await userHandler.generateAuthToken(user) } catch { res.status(403) }`: issuing a credential to a caller
      // already accepted failed — the server's failure (a store, a signing key), not a refusal of who is asking.
      if (onlyIssuesCredentials(context, parent.parent.block)) return 'other';
      // `passport.authenticate('google', async (err, user) => { try { if (err || !user) …; req.session.regenerate(…) } catch (e) { res.status(401) } })`:
      // the strategy's verdict came in as parameters and nothing in the `try` waits on a check: it catches the server's own failure.
      if (isFunctionNode(region) && receivesPassportVerdict(context, region) && !awaitsIn(context, parent.parent.block)) return 'other';
      return routed ? routeVerdict(context, node, region, options) : 'unknown';
    }
    if (verdict === 'route') routed = true;
    else if (verdict !== 'unknown') return verdict;
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.LogicalExpression || parent.type === AST_NODE_TYPES.SwitchCase) conditioned = true;
    child = parent;
    parent = parent.parent;
  }
  if (routed) return routeVerdict(context, node, region, options);
  return conditioned ? 'unknown' : exitsVerdict(context, node, region, options);
}

/**
 * A rejection no condition encloses is chosen by the early exits before it: `if (config.allow_discovery)
 * return res.send(ids); return res.sendStatus(401)` refuses whenever a setting is off — a feature flag.
 * Only when every such exit tests something other than the caller (each read as refusing when it is false);
 * an exit that tests the caller or anything unrecognized (`if (ok) return next()`), any other statement that may
 * leave (a loop over strategies returning on success, a nested `if`), and a function the file calls by name (a
 * helper: its caller's condition chooses the refusal) leave it unknown.
 */
function exitsVerdict(context: Context, node: TSESTree.Node, region: TSESTree.Node, options: GuardOptions): GuardSubject {
  if (!isFunctionNode(region) || calledByName(context, region)) return 'unknown';
  let exits = 0;
  for (const statement of statementsBefore(node, region)) {
    if (isEarlyExit(statement)) {
      if (classifyTest(context, statement.test, false, options) !== 'other') return 'unknown';
      exits += 1;
    } else if (mayLeave(context, statement)) {
      return 'unknown';
    }
  }
  return exits > 0 ? 'other' : 'unknown';
}

/**
 * A rejection chosen by the route alone is a routing rule, unless an early exit before it let only
 * some callers through: `if (!req.accountability?.oauth) return next(); if (!isMcpPath(req.path)) throw …`
 * refuses an OAuth session outside its endpoints — a token's scope.
 */
function routeVerdict(context: Context, node: TSESTree.Node, region: TSESTree.Node, options: GuardOptions): GuardSubject {
  for (const statement of statementsBefore(node, region)) {
    if (isEarlyExit(statement) && classifyTest(context, statement.test, false, options) === 'who') return 'who';
  }
  return 'other';
}

/**
 * The statements that run before `node` in the blocks enclosing it, up to `region` or the
 * enclosing function, innermost block first.
 */
function* statementsBefore(node: TSESTree.Node, region: TSESTree.Node): Generator<TSESTree.Statement> {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== region && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of parent.body) {
      if (statement === child) break;
      yield statement;
    }
  }
}

/** `if (test) return …` / `if (test) throw …` with no else: an early exit. */
function isEarlyExit(statement: TSESTree.Statement): statement is TSESTree.IfStatement {
  return statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && leavesFunction(statement.consequent);
}

/** The statement holds a `return` or `throw` of its own function. */
function mayLeave(context: Context, statement: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(
    statement,
    (n) => {
      if (n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** A function declaration (or a `const` function) the file refers to by name: a helper, not a route's own callback. */
function calledByName(context: Context, fn: TSESTree.Node): boolean {
  const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  const id = declared?.id;
  if (id?.type !== AST_NODE_TYPES.Identifier) return false;
  return context.sourceCode.getDeclaredVariables(declared!).some((v) => v.name === id.name && v.references.some((r) => !r.init));
}

/** The block awaits (or yields) something in its own function. */
function awaitsIn(context: Context, block: TSESTree.BlockStatement): boolean {
  let found = false;
  walkSameFunction(
    block,
    (n) => {
      if (n.type === AST_NODE_TYPES.AwaitExpression || n.type === AST_NODE_TYPES.YieldExpression || (n.type === AST_NODE_TYPES.ForOfStatement && n.await)) found = true;
      return !found;
    },
    context.sourceCode.visitorKeys,
  );
  return found;
}

/** Calls that only turn text into a value: a failure is malformed input. */
const PARSE_CALL = /^(?:JSON\.parse|(?:\w+\.)*(?:parse|decodeURIComponent|decodeURI|atob)|Buffer\.from|URL|String|Number)$/u;

/** The try block calls nothing but parsers (`JSON.parse(req.body)`, `new URL(origin)`), at least one, and awaits nothing. */
function onlyParses(context: Context, block: TSESTree.BlockStatement): boolean {
  return onlyCalls(context, block, PARSE_CALL, true);
}

/**
 * The try block makes at least one call and every call (or `new`) it makes matches `pattern`; with
 * `noAwait`, an `await` is other work too. One walk for the parse-only and issue-only questions.
 */
function onlyCalls(context: Context, block: TSESTree.BlockStatement, pattern: RegExp, noAwait: boolean): boolean {
  let calls = 0;
  let other = false;
  walkSameFunction(
    block,
    (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const path = getCalleePath(n);
        if (path !== null && pattern.test(path)) calls += 1;
        else other = true;
      } else if (noAwait && n.type === AST_NODE_TYPES.AwaitExpression) {
        other = true;
      }
      return !other;
    },
    context.sourceCode.visitorKeys,
  );
  return calls > 0 && !other;
}

/** Calls that issue a credential: `generateAuthToken`, `createSession`, `issueAccessToken`, `jwt.sign`. */
const ISSUE_CALL = /(?:^|\.)(?:(?:generate|create|issue|mint|sign)\w*(?:Token|Session|Jwt|JWT|Cookie)s?|jwt\.sign)$/u;

/** The try block calls nothing but credential issuers, at least one (`await userHandler.generateAuthToken(user)`). */
function onlyIssuesCredentials(context: Context, block: TSESTree.BlockStatement): boolean {
  return onlyCalls(context, block, ISSUE_CALL, false);
}

/** `whenTrue`: the rejection happens when `test` is truthy. */
function classifyTest(context: Context, test: TSESTree.Node, whenTrue: boolean, options: GuardOptions): Verdict {
  return combine(collect(context, test, whenTrue, 0), options);
}

function combine(tests: readonly Test[], options: GuardOptions): Verdict {
  const kinds = tests.map((t) => t.kind);
  if (kinds.some((k) => k === 'strong' || k === 'weak' || (k === 'input' && options.inputIdentifiesCaller))) return 'who';
  if (kinds.includes('other') || kinds.includes('input')) return 'other';
  if (kinds.includes('route')) return 'route';
  return 'unknown';
}

const isCaller = (t: Test): boolean => t.kind === 'strong' || t.kind === 'weak';

/**
 * A conjunction refuses only when all of its tests hold. With a paywall among them
 * (`user.role !== OWNER && !license.isWithinUsersLimit()`), the paywall refuses and the caller
 * test only exempts someone. With a switch among them, the switch refuses when every caller
 * test is a fact the caller has (`req.accountability.oauth && !mcpOauthEnabled`: OAuth is off);
 * a caller test that fails (`!req.user && !publicApiEnabled`) still refuses the caller.
 */
function gatedByProduct(tests: readonly Test[]): Product | null {
  if (tests.some((t) => t.product === 'paywall')) return 'paywall';
  if (tests.some((t) => t.product === 'flag') && tests.every((t) => !isCaller(t) || t.presence)) return 'flag';
  return null;
}

/** Splits a condition into its tests (`!`, `&&`, `||`) and classifies each. */
function collect(context: Context, node: TSESTree.Node, whenTrue: boolean, depth: number): Test[] {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    return collect(context, n.argument, !whenTrue, depth);
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression) {
    // `info.sessionToken && typeof info.sessionToken !== 'string'`: a value present but of the wrong type.
    const typed = typeofOperand(n.right);
    if (typed && context.sourceCode.getText(skipTransparent(n.left)) === context.sourceCode.getText(typed)) {
      return [{ kind: 'input', presence: false }];
    }
    const tests = [...collect(context, n.left, whenTrue, depth), ...collect(context, n.right, whenTrue, depth)];
    const conjunctive = n.operator !== '??' && (n.operator === '&&') === whenTrue;
    const product = conjunctive ? gatedByProduct(tests) : null;
    return product ? [{ kind: 'other', product, presence: false }] : tests;
  }
  // `typeof req.body._SessionToken !== 'string'`: the shape of what was sent, whatever it is called —
  // input validation (for a 401, the caller's credential is malformed: `inputIdentifiesCaller`).
  // Unless the test also refuses a credential that is not there at all (`typeof params.access_token
  // === 'string' ? authenticate() : close(4403)`, no enclosing `if (params.access_token)`): that
  // refuses a caller who presented none.
  const typed = typeofOperand(n);
  if (typed) return [refusesMissingCredential(context, n, typed, whenTrue) ? { kind: 'strong', presence: false } : { kind: 'input', presence: false }];
  // `entry.access === true`, `if (post.canEdit)`: refused because the caller holds the grant — a product rule, not a refused caller.
  const granted = n.type === AST_NODE_TYPES.BinaryExpression && ['===', '=='].includes(n.operator) && skipTransparent(n.right).type === AST_NODE_TYPES.Literal && (n.right as TSESTree.Literal).value === true ? skipTransparent(n.left as TSESTree.Node) : n;
  if (whenTrue && granted.type === AST_NODE_TYPES.MemberExpression && GRANT.test(getPropertyName(granted) ?? '')) return [{ kind: 'other', presence: true }];
  if (n.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)) {
    const rejectsWhenEqual = whenTrue === (n.operator === '===' || n.operator === '==');
    return [comparison(context, n.left as TSESTree.Node, n.right, rejectsWhenEqual, depth)];
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'instanceof') {
    return [caughtErrorClass(context, n.left as TSESTree.Node, n.right, depth)];
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression) {
    return [atomic(context, [n.left as TSESTree.Node, n.right], depth, false)];
  }
  return [atomic(context, [n], depth, whenTrue)];
}

/**
 * `err instanceof CredentialNotFoundError`: the class says what failed when it names the caller's
 * rights. Otherwise (`err instanceof UserError`) what the `try` called says it
 * (`validateDateFiltersLicense()`: a paywall), and a class named after a user does not name the caller.
 */
function caughtErrorClass(context: Context, value: TSESTree.Node, errorClass: TSESTree.Node, depth: number): Test {
  const cls = termsTest(terms(context, errorClass, depth), false);
  if (cls.kind === 'strong') return cls;
  const block = caughtFrom(context, value);
  if (block) {
    const called = tryCalls(context, block);
    if (called.kind !== 'unknown') return called;
  }
  return cls.kind === 'weak' ? { kind: 'unknown', presence: false } : cls;
}

/** The `try` block whose error the identifier holds (the `catch` parameter). */
function caughtFrom(context: Context, node: TSESTree.Node): TSESTree.BlockStatement | null {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return null;
  const def = findVariable(context, n)?.defs[0];
  return def?.type === 'CatchClause' ? def.node.parent.block : null;
}

/** How the functions a `try` block calls read, by their names. */
function tryCalls(context: Context, block: TSESTree.BlockStatement): Test {
  const found: Term[] = [];
  walkSameFunction(
    block,
    (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
        const path = getCalleePath(n);
        if (path !== null) found.push(classifyPath(path.split('.')));
      }
    },
    context.sourceCode.visitorKeys,
  );
  const strong = found.some((t) => t.kind === 'strong');
  return termsTest(strong ? found : found.filter((t) => t.kind === 'other'), false);
}


/**
 * `resource.ownerId !== req.user.id` rejects a caller who is not the owner: access control.
 * `req.user.id === req.params.id` rejects a caller acting on themselves: a business rule.
 */
function comparison(context: Context, left: TSESTree.Node, right: TSESTree.Node, rejectsWhenEqual: boolean, depth: number): Test {
  const a = terms(context, left, depth);
  const b = terms(context, right, depth);
  const all = [...a, ...b];
  const literal = (n: TSESTree.Node): boolean => {
    const s = skipTransparent(n);
    return s.type === AST_NODE_TYPES.Literal || (s.type === AST_NODE_TYPES.Identifier && s.name === 'undefined') || s.type === AST_NODE_TYPES.TemplateLiteral;
  };
  const names = (ts: Term[]): boolean => ts.some((t) => t.kind === 'weak');
  const ids = (ts: Term[]): boolean => ts.some((t) => t.isId);
  if (!all.some((t) => t.kind === 'strong') && !literal(left) && !literal(right) && (names(a) || names(b)) && ids(a) && ids(b)) {
    return { kind: rejectsWhenEqual ? 'other' : 'strong', presence: false };
  }
  return termsTest(all, false);
}

function atomic(context: Context, nodes: readonly TSESTree.Node[], depth: number, presence: boolean): Test {
  return termsTest(nodes.flatMap((n) => terms(context, n, depth)), presence);
}

function termsTest(ts: readonly Term[], presence: boolean): Test {
  const product = ts.some((t) => t.product === 'paywall') ? 'paywall' : ts.some((t) => t.product === 'flag') ? 'flag' : undefined;
  return product ? { kind: kindOf(ts), product, presence } : { kind: kindOf(ts), presence };
}

/**
 * Within one test a setting or plan word outranks a bare caller (`member.status === 'free'`).
 * An allowlist is access control when matched against the caller, else a setting.
 */
function kindOf(ts: readonly Term[]): TermKind {
  if (ts.some((t) => t.kind === 'strong')) return 'strong';
  if (ts.some((t) => t.allow)) return ts.some((t) => t.callerAddress || t.kind === 'weak') ? 'strong' : 'other';
  if (ts.some((t) => t.kind === 'other')) return 'other';
  if (ts.some((t) => t.kind === 'input')) return 'input';
  if (ts.some((t) => t.kind === 'weak')) return 'weak';
  if (ts.some((t) => t.kind === 'route')) return 'route';
  return 'unknown';
}

/** The terms an expression reads: member chains (through calls), string literals, and what a local const holds. */
function terms(context: Context, node: TSESTree.Node, depth: number): Term[] {
  // Compiled `?.` (`(_a = req.user) === null || _a === void 0 ? void 0 : _a.role`) reads as its source (downlevel.ts).
  const n = skipDownlevel(node);
  switch (n.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof n.value !== 'string') return [];
      // `req.headers['access-control-request-method']`, `ctx.get('user-agent')`: a header that names what the client asks to send or which software it is, not who it is.
      return [isClientHeaderName(n.value) ? { kind: 'input', isId: false } : wordTerm(accessWords(tokenizeName(n.value)), false)];
    case AST_NODE_TYPES.TemplateLiteral:
      return n.expressions.flatMap((e) => terms(context, e, depth));
    case AST_NODE_TYPES.UnaryExpression:
      return terms(context, n.argument, depth);
    // co / Koa 0.x: `var mod = yield* packageService.getModule(name)` is the `await` of generator code.
    case AST_NODE_TYPES.YieldExpression:
      return n.argument ? terms(context, n.argument, depth) : [];
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return [...terms(context, n.left as TSESTree.Node, depth), ...terms(context, n.right, depth)];
    case AST_NODE_TYPES.ConditionalExpression:
      return [...terms(context, n.test, depth), ...terms(context, n.consequent, depth), ...terms(context, n.alternate, depth)];
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ThisExpression:
      return chainTerms(context, n, depth);
    default:
      return [];
  }
}

/** String methods that reshape a value without changing what it is (case, whitespace, pieces). */
const TEXT_STEPS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'split', 'slice', 'substring', 'substr', 'normalize', 'toString']);

function chainTerms(context: Context, node: TSESTree.Node, depth: number): Term[] {
  const predicate = node.type === AST_NODE_TYPES.CallExpression ? predicateTerm(node) : null;
  if (predicate) return [predicate];
  const segments: string[] = [];
  // `slug.includes('..')`: the shape of some text; what the value is called still counts (`token.includes('.')`).
  const shape = node.type === AST_NODE_TYPES.CallExpression ? textShapeTerm(node) : null;
  const extra: Term[] = shape ? [shape] : [];
  let current: TSESTree.Node = node;
  let rootIdentifier: TSESTree.Identifier | null = null;
  for (;;) {
    current = skipDownlevel(current);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name !== null) segments.unshift(name);
      else if (current.computed) extra.push(...terms(context, current.property, depth));
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      for (const arg of current.arguments) extra.push(...terms(context, arg, depth));
      current = current.callee;
    } else {
      break;
    }
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) segments.unshift('this');
  else if (current.type === AST_NODE_TYPES.Identifier) {
    segments.unshift(current.name);
    rootIdentifier = current;
  } else if (!isFunctionNode(current)) extra.push(...terms(context, current, depth));
  let own = classifyPath(segments);
  if (!own.setting && node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression && isFeatureSwitchPath(segments)) own = { kind: 'other', isId: own.isId };
  // `allowed(req)`, `isAllowed(user, 'edit')`: a check that is called decides about the caller it is given.
  if (own.allow && node.type === AST_NODE_TYPES.CallExpression && tokenizeName(segments[segments.length - 1] ?? '').some((w) => ALLOW_WORDS.has(w))) {
    own = { kind: 'strong', isId: own.isId };
  }
  // settingsCache.get('members_signup_access'), env['MCP_OAUTH_ENABLED']: the key names a setting.
  if (own.setting) {
    const product = own.product ?? extra.find((t) => t.product)?.product;
    const setting = product ? { ...own, product } : own;
    // `config.allowedOrigins.includes(req.headers.origin)`: an allowlist in the settings, matched against what it is given.
    return own.allow ? [setting, ...extra] : [setting];
  }
  // `req.login(user, (err) => { if (err) … })`: the session store failed after the caller was accepted.
  if (rootIdentifier && segments.length === 1 && node === rootIdentifier && isSessionStepError(context, rootIdentifier)) return [{ kind: 'other', isId: false }];
  if (rootIdentifier && depth < 2) {
    const variable = findVariable(context, rootIdentifier);
    // `const allowedModels = aiSettings.openaiAllowedModels`: a value read from the settings is a setting, whatever its name.
    if (variable && settingsDerived(context, variable, 0)) return [{ kind: 'other', isId: own.isId, setting: true }, ...extra];
    // `const ok = await permissions.check(user, 'edit'); if (!ok) …`: read what the const holds.
    // Also through text steps on it (`requestHeaders[i].trim().toLowerCase()`, `raw.split(',')`): the same value, reshaped.
    if (own.kind === 'unknown' && segments.length >= 1 && segments.slice(1).every((s) => TEXT_STEPS.has(s))) {
      const init = declaredFrom(variable);
      if (init && !isFunctionNode(init)) extra.push(...terms(context, init, depth + 1));
    }
    // `const isAllowed = await strategy.canAccess(ctx, permissions); if (!isAllowed) …`: a verdict named
    // for being allowed is no allowlist; what it was computed from says what is tested.
    if (own.allow && segments.length === 1 && node === rootIdentifier && isVerdictName(rootIdentifier.name)) {
      const init = declaredFrom(variable);
      const held = init && !isFunctionNode(init) ? terms(context, init, depth + 1) : [];
      if (held.some((t) => t.kind !== 'unknown')) return held;
    }
  }
  return segments.length > 0 ? [own, ...extra] : extra;
}

/**
 * A local read from the app's settings alone (`aiSettings.x`, an object of such reads, an entry of
 * one): no call argument other than literals, so nothing about the request went in.
 */
function settingsDerived(context: Context, variable: TSESLint.Scope.Variable, depth: number): boolean {
  const init = declaredFrom(variable);
  return init !== null && isSettingsRead(context, init, depth);
}

function isSettingsRead(context: Context, node: TSESTree.Node, depth: number): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return (
      n.properties.length > 0 &&
      n.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isSettingsRead(context, p.value as TSESTree.Node, depth))
    );
  }
  let current: TSESTree.Node = n;
  for (;;) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      if (!current.arguments.every((a) => isLiteralish(a))) return false;
      current = current.callee;
    } else {
      break;
    }
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  if (isSettingsHolder(current.name)) return true;
  if (current.name === 'process') return /^process\??\.env\b/u.test(context.sourceCode.getText(n));
  if (depth >= 2) return false;
  const variable = findVariable(context, current);
  return variable !== null && variable.defs[0]?.type === 'Variable' && settingsDerived(context, variable, depth + 1);
}

function isLiteralish(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Literal) return true;
  if (n.type === AST_NODE_TYPES.TemplateLiteral) return n.expressions.length === 0;
  if (n.type === AST_NODE_TYPES.ArrayExpression) return n.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isLiteralish(e));
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    return n.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isLiteralish(p.value as TSESTree.Node));
  }
  return false;
}

/** What a single-definition const/let was declared from, destructuring included (`const { pk } = req.params`). */
function declaredFrom(variable: TSESLint.Scope.Variable | null): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  return def?.type === 'Variable' ? (def.node.init ?? null) : null;
}
