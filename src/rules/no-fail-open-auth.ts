import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  findEnclosingClass,
  findVariable,
  getCalleePath,
  getPropertyName,
  isFunctionNode,
  lastSegment,
  skipTransparent,
  walkSameFunction,
} from '../model/ast.js';
import { createRule } from '../core/create-rule.js';
import { insertAtBlockStart, lineIndent } from '../fixes/edits.js';
import { importFix } from '../fixes/imports.js';
import { buildLogCall } from '../fixes/log-call.js';
import { getLogTarget } from '../fixes/log-target.js';
import { isNameInScope } from '../fixes/names.js';
import { getHttpOutcome } from '../model/http-outcomes.js';
import { isTestFile } from '../model/servers.js';

export type Options = [{ optionalAuthNames?: string[] }];
export type MessageIds = 'failOpen' | 'reject';

type Kind = 'middleware' | 'guard' | 'strategy' | 'hook';

interface AuthFunction {
  fn: AnyFunction;
  kind: Kind;
  /** The `next` / `done` parameter that lets the request through (middleware, strategy). */
  pass: TSESTree.Identifier | null;
  /** The response parameter, for the suggestion. */
  res: TSESTree.Identifier | null;
}

/** Words that make a function, class, variable or file an authentication step. */
const AUTH_WORDS = /^(?:auth|authn|authz|authenticate|authenticated|authentication|authenticator|authorize|authorized|authorization|jwt|guard|apikey|bearer|login|loggedin|passport)$/u;
/** Two-word names that authenticate: verifyToken, requireUser, checkJwt, ensureLoggedIn. */
const AUTH_PAIRS = /^(?:verify|check|validate|require|ensure|decode)(?:token|jwt|session|user|apikey|key|login|signature|credentials?|bearer|access)$/u;
/** Names of optional-auth steps: the request is meant to go on without a user. */
const OPTIONAL_WORDS = /^(?:optional|soft|maybe|lenient|loose|anonymous|anon|public|try|attempt|ifpresent|present|if)$/u;
/** Calls inside the `try` that are the authentication itself. */
const AUTH_CALL = /verify|decode|authenticat|auth|token|jwt|session|user|member|account|principal|credential|api_?key|introspect|claims|identity|login|passport/iu;
const PASS_NAMES = /^(?:next|done|cb|callback|verified)$/u;

export default createRule<Options, MessageIds>({
  name: 'no-fail-open-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow authentication middleware, guards and strategies that let the request through when verifying the credential fails',
      recommended: 'strict',
      cwe: ['CWE-636'],
      owasp: ['A10:2025'],
    },
    hasSuggestions: true,
    messages: {
      failOpen:
        'Fail-open authentication: when {{what}} fails, this {{kind}} {{how}}, so a broken token service, key store or database lets every request in (logging it does not close it). Reject with 401 (or 503 when the auth service itself failed) and log the failure; name the step optionalAuth (or list it in `optionalAuthNames`) if the route is meant to work without a user.',
      reject: 'Reject the request with {{how}} and log the failure.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          optionalAuthNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Allow these functions, classes or variables (exact names) to let a request through without a user: optional-auth steps besides names containing optional, soft, maybe, lenient, anonymous or IfPresent.',
          },
        },
      },
    ],
    defaultOptions: [{ optionalAuthNames: [] }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    // An auth step is named or calls something named like one: skip files that mention none.
    if (!AUTH_CALL.test(sourceCode.text) && !/guard|canActivate|Strategy/u.test(sourceCode.text)) return {};
    const optionalNames = new Set(options.optionalAuthNames ?? []);
    const fileWords = tokenize(path.basename(context.filename).replace(/\.[^.]+$/u, ''));
    const fileSaysAuth = isAuthName(fileWords);
    const authCache = new WeakMap<AnyFunction, AuthFunction | null>();
    const reported = new Set<TSESTree.Node>();

    // ----- what an auth step is -----------------------------------------------------

    function authFunctionOf(fn: AnyFunction): AuthFunction | null {
      if (authCache.has(fn)) return authCache.get(fn)!;
      authCache.set(fn, null);
      const result = computeAuthFunction(fn);
      authCache.set(fn, result);
      return result;
    }

    function computeAuthFunction(fn: AnyFunction): AuthFunction | null {
      const names = namesAround(fn);
      if (names.some((n) => optionalNames.has(n) || tokenize(n).some((w) => OPTIONAL_WORDS.test(w)) || /IfPresent|Optional/u.test(n))) return null;
      const named = names.some((n) => isAuthName(tokenize(n)));
      const params = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p : p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier ? p.left : null));
      const last = params[params.length - 1] ?? null;
      // Nest guard: canActivate of a class that implements CanActivate or is named *Guard.
      const method = fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn.parent : null;
      if (method && getPropertyName(method) === 'canActivate') {
        const cls = findEnclosingClass(fn);
        const implementsCanActivate = cls?.implements?.some((i) => sourceCode.getText(i.expression) === 'CanActivate') ?? false;
        if (implementsCanActivate || named || fileSaysAuth) return { fn, kind: 'guard', pass: null, res: null };
        return null;
      }
      // passport: new LocalStrategy(opts, (username, password, done) => …)
      if (fn.parent?.type === AST_NODE_TYPES.NewExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
        const ctor = getCalleePath(fn.parent);
        if (ctor !== null && /Strategy$/u.test(lastSegment(ctor)) && last && PASS_NAMES.test(last.name)) return { fn, kind: 'strategy', pass: last, res: null };
        return null;
      }
      if (!named && !fileSaysAuth) return null;
      // Express / Koa / Nest middleware: (req, res, next), (ctx, next), use(req, res, next)
      if (last && last.name === 'next' && params.length >= 2) {
        const res = params.length >= 3 ? params[1] : null;
        return { fn, kind: 'middleware', pass: last, res: res && /^(?:res|response|resp|reply)$/u.test(res.name) ? res : null };
      }
      // Fastify hook / decorated authenticate: (request, reply)
      if (params.length === 2 && params[0] && params[1] && /^(?:req|request)$/u.test(params[0].name) && /^(?:reply|rep)$/u.test(params[1].name) && named) {
        return { fn, kind: 'hook', pass: null, res: params[1] };
      }
      return null;
    }

    /** The names a function goes by: its own, its variable or property, its class, and the factories around it. */
    function namesAround(fn: AnyFunction): string[] {
      const names: string[] = [];
      let node: TSESTree.Node = fn;
      for (let depth = 0; node.parent && depth < 12; depth++) {
        if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.id) names.push(node.id.name);
        const parent: TSESTree.Node = node.parent;
        if (parent.type === AST_NODE_TYPES.Program) break;
        if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) names.push(parent.id.name);
        else if ((parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed) {
          const n = getPropertyName(parent);
          if (n) names.push(n);
        } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
          const n = getPropertyName(parent.left);
          if (n) names.push(n);
        } else if (parent.type === AST_NODE_TYPES.ClassBody) {
          const cls = parent.parent;
          if (cls.id) names.push(cls.id.name);
          if (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier) names.push(cls.parent.id.name);
          break;
        } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
          // fastify.decorate('authenticate', async (request, reply) => …)
          const first = parent.arguments[0];
          if (first && first !== node && first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') names.push(first.value);
        }
        node = parent;
      }
      return names;
    }

    // ----- where the request goes on ---------------------------------------------

    /** A statement or expression that lets the request through: `next()`, `return true`, `done(null, user)`. */
    function passesThrough(node: TSESTree.Node, auth: AuthFunction): string | null {
      let n: TSESTree.Node = node;
      if (n.type === AST_NODE_TYPES.ExpressionStatement) n = n.expression;
      if (n.type === AST_NODE_TYPES.ReturnStatement) {
        if (!n.argument) return null;
        n = n.argument;
      }
      n = skipTransparent(n);
      if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && auth.pass && isSameBinding(n.callee, auth.pass)) {
        const args = n.arguments.map((a) => skipTransparent(a));
        if (auth.kind === 'strategy') {
          // done(null, user): authenticated; done(null, false) / done(err): rejected
          if (args.length < 2 || !isNothing(args[0]!) || isFalsy(args[1]!)) return null;
          return `calls ${n.callee.name}(null, …) with a user`;
        }
        if (args.length === 0 || (args.length === 1 && isNothing(args[0]!))) return `calls ${n.callee.name}() without the error`;
        return null;
      }
      if (auth.kind === 'guard' && n.type === AST_NODE_TYPES.Literal && n.value === true && isReturnValue(node)) return 'returns true';
      return null;
    }

    function isReturnValue(node: TSESTree.Node): boolean {
      return node.type === AST_NODE_TYPES.ReturnStatement || (node.parent !== undefined && isFunctionNode(node.parent) && node.parent.body === node);
    }

    function isSameBinding(id: TSESTree.Identifier, param: TSESTree.Identifier): boolean {
      const variable = findVariable(context, id);
      return variable !== null && variable.defs.some((d) => d.name === param);
    }

    function isNothing(n: TSESTree.Node): boolean {
      return (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
    }

    function isFalsy(n: TSESTree.Node): boolean {
      return isNothing(n) || (n.type === AST_NODE_TYPES.Literal && (n.value === false || n.value === 0 || n.value === ''));
    }

    /** Whether `region` rejects anywhere: a throw, an error handed on, a 4xx/5xx answer, `return false`. */
    function rejects(region: TSESTree.Node, auth: AuthFunction): boolean {
      let found = false;
      walkSameFunction(
        region,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.ThrowStatement) found = true;
          else if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument && skipTransparent(n.argument).type === AST_NODE_TYPES.Literal && (skipTransparent(n.argument) as TSESTree.Literal).value === false) found = true;
          else if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AssignmentExpression || n.type === AST_NODE_TYPES.NewExpression) {
            const outcome = getHttpOutcome(context, n);
            if (outcome && outcome.status >= 400) found = true;
            else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && auth.pass && isSameBinding(n.callee, auth.pass)) {
              const args = n.arguments.map((a) => skipTransparent(a));
              if (args.length > 0 && !isNothing(args[0]!)) found = true;
              if (auth.kind === 'strategy' && args.length >= 2 && isFalsy(args[1]!)) found = true;
            } else if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
              // reply.send(err), res.status(code), ctx.throw(…), res.sendStatus(…), res.redirect(…) to a login page
              const method = getPropertyName(n.callee);
              if (method !== null && /^(?:throw|sendStatus|status|code|redirect|assert|end)$/u.test(method)) found = true;
              if (method === 'send' && auth.res && n.arguments[0] && skipTransparent(n.arguments[0]).type === AST_NODE_TYPES.Identifier) found = true;
            }
          }
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    /** Whether a `try` block (or a call) does the authentication: verifies a token, loads the session or user. */
    function authenticates(node: TSESTree.Node): boolean {
      let found = false;
      walkSameFunction(
        node,
        (n) => {
          if (found) return false;
          if (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) {
            const text = getCalleePath(n) ?? sourceCode.getText(n.callee);
            if (AUTH_CALL.test(text)) found = true;
          }
          return !found;
        },
        sourceCode.visitorKeys,
      );
      return found;
    }

    /** Whether control can leave `statement` at its end (not every path returns or throws). */
    function completesNormally(statement: TSESTree.Node): boolean {
      switch (statement.type) {
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ThrowStatement:
          return false;
        case AST_NODE_TYPES.BlockStatement: {
          const lastStatement = statement.body[statement.body.length - 1];
          return !statement.body.some((s) => !completesNormally(s)) && (lastStatement ? completesNormally(lastStatement) : true);
        }
        case AST_NODE_TYPES.IfStatement:
          return !statement.alternate || completesNormally(statement.consequent) || completesNormally(statement.alternate);
        default:
          return true;
      }
    }

    // ----- reporting ------------------------------------------------------------------

    function report(node: TSESTree.Node, auth: AuthFunction, what: string, how: string, errorName: string | null, errorPath?: TSESTree.BlockStatement): void {
      if (reported.has(node)) return;
      reported.add(node);
      const suggestion = rejectSuggestion(node, auth, errorName, errorPath);
      context.report({
        node,
        messageId: 'failOpen',
        data: { what, kind: auth.kind === 'guard' ? 'guard' : auth.kind === 'strategy' ? 'strategy' : 'middleware', how },
        suggest: suggestion ? [suggestion] : [],
      });
    }

    /**
     * Replace the pass-through statement on the error path, or — when the error path falls through
     * to a pass-through that the success path shares (`errorPath`) — end the error path itself.
     */
    function rejectSuggestion(node: TSESTree.Node, auth: AuthFunction, errorName: string | null, errorPath?: TSESTree.BlockStatement): TSESLint.SuggestionReportDescriptor<MessageIds> | null {
      if (!errorPath) {
        // Only a whole statement is replaced: `next();`, `return next();`, `return true;`, `return done(null, user);`
        if (node.type !== AST_NODE_TYPES.ExpressionStatement && node.type !== AST_NODE_TYPES.ReturnStatement) return null;
        const parent = node.parent;
        if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.SwitchCase) return null;
      }
      const at = errorPath ?? node;
      const target = getLogTarget(context, at);
      if (target.expression.startsWith('this.') || (target.importFrom === undefined && target.expression !== 'console' && !isNameInScope(context, at, target.expression.split('.')[0]!))) return null;
      const log = `${buildLogCall(target, { level: 'warn', message: 'Authentication failed', error: errorName ?? undefined })};`;
      let answer: string;
      let how: string;
      let nestImport = false;
      if (auth.kind === 'middleware' && auth.res && isNameInScope(context, node, auth.res.name)) {
        answer = `return ${auth.res.name}.status(401).json({ error: 'Unauthorized' });`;
        how = '401';
      } else if (auth.kind === 'hook' && auth.res && isNameInScope(context, node, auth.res.name)) {
        answer = `return ${auth.res.name}.code(401).send({ error: 'Unauthorized' });`;
        how = '401';
      } else if (auth.kind === 'strategy' && auth.pass) {
        answer = errorName ? `return ${auth.pass.name}(${errorName});` : `return ${auth.pass.name}(null, false);`;
        how = errorName ? `${auth.pass.name}(${errorName})` : `${auth.pass.name}(null, false)`;
      } else if (auth.kind === 'guard') {
        answer = "throw new UnauthorizedException();";
        how = 'UnauthorizedException (401)';
        nestImport = !isNameInScope(context, node, 'UnauthorizedException');
      } else {
        return null;
      }
      const indent = lineIndent(context, node);
      return {
        messageId: 'reject',
        data: { how },
        fix: (fixer) => {
          const fixes = [errorPath ? appendToBlock(fixer, errorPath, [log, answer]) : fixer.replaceText(node, `${log}\n${indent}${answer}`)];
          if (target.importFrom !== undefined) {
            const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
            if (imp) fixes.push(imp);
          }
          if (nestImport) {
            const imp = importFix(context, fixer, 'UnauthorizedException', '@nestjs/common', 'named');
            if (imp) fixes.push(imp);
          }
          return fixes;
        },
      };
    }

    function appendToBlock(fixer: TSESLint.RuleFixer, block: TSESTree.BlockStatement, statements: string[]): TSESLint.RuleFix {
      const last = block.body[block.body.length - 1];
      if (!last) return insertAtBlockStart(context, fixer, block, statements);
      const indent = lineIndent(context, last);
      if (last.loc.start.line === block.loc.start.line) return fixer.insertTextAfter(last, ` ${statements.join(' ')}`);
      return fixer.insertTextAfter(last, statements.map((st) => `\n${indent}${st}`).join(''));
    }

    /** Report every pass-through in an error region (the catch body, the `if (err)` branch). */
    function checkErrorRegion(region: TSESTree.Node, auth: AuthFunction, what: string, errorName: string | null): void {
      walkSameFunction(
        region,
        (n) => {
          if (n.type === AST_NODE_TYPES.ExpressionStatement || n.type === AST_NODE_TYPES.ReturnStatement) {
            const how = passesThrough(n, auth);
            if (how) report(n, auth, what, how, errorName);
            return;
          }
        },
        sourceCode.visitorKeys,
      );
      // `.catch(() => true)`, `.catch(() => next())`: an expression body
      if (isFunctionNode(region.parent) && region.parent.body === region && region.type !== AST_NODE_TYPES.BlockStatement) {
        const how = passesThrough(region, auth);
        if (how) report(region, auth, what, how, errorName);
      }
    }

    /** A region that swallows the failure and falls through to a pass-through right after it. */
    function checkFallThrough(owner: TSESTree.Statement, body: TSESTree.BlockStatement, auth: AuthFunction, what: string, errorName: string | null): void {
      if (!completesNormally(body) || rejects(body, auth)) return;
      const container = owner.parent;
      if (container?.type !== AST_NODE_TYPES.BlockStatement) return;
      const index = container.body.indexOf(owner);
      const following = container.body[index + 1];
      if (following) {
        const how = passesThrough(following, auth);
        if (how) report(following, auth, what, `swallows the error and goes on to ${how.replace(/^calls /u, 'call ').replace(/^returns /u, 'return ')}`, errorName, body);
        return;
      }
      // Fastify: the hook's end lets the request on to the route.
      if (auth.kind === 'hook' && container === auth.fn.body) report(owner, auth, what, 'ends without answering, so the request goes on to the route', errorName, body);
    }

    function enclosingAuth(node: TSESTree.Node): AuthFunction | null {
      let current: TSESTree.Node | undefined = node.parent;
      while (current) {
        if (isFunctionNode(current)) return authFunctionOf(current);
        current = current.parent;
      }
      return null;
    }

    /** The auth function a callback belongs to: itself, or the function it is written in. */
    function authAround(fn: AnyFunction): AuthFunction | null {
      let current: TSESTree.Node | undefined = fn.parent;
      for (let depth = 0; current && depth < 3; ) {
        if (isFunctionNode(current)) {
          const auth = authFunctionOf(current);
          if (auth) return auth;
          depth++;
        }
        current = current.parent;
      }
      return null;
    }

    return {
      CatchClause(node) {
        const auth = enclosingAuth(node);
        if (!auth || !authenticates(node.parent.block)) return;
        const errorName = node.param?.type === AST_NODE_TYPES.Identifier ? node.param.name : null;
        checkErrorRegion(node.body, auth, 'the credential check in the try', errorName);
        checkFallThrough(node.parent, node.body, auth, 'the credential check in the try', errorName);
      },
      FunctionExpression: onCallback,
      ArrowFunctionExpression: onCallback,
    } as TSESLint.RuleListener;

    /** jwt.verify(token, key, (err, decoded) => { if (err) return next(); … }), `.catch(() => next())`. */
    function onCallback(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
        const call = fn.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn)) return;
        const callee = skipTransparent(call.callee);
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : null;
        if (method === 'catch' || (method === 'then' && call.arguments[1] === fn)) {
          // verifyToken(token).then(…).catch(() => next())
          const auth = authAround(fn);
          if (!auth || callee.type !== AST_NODE_TYPES.MemberExpression || !authenticates(callee.object)) return;
          const param = fn.params[0];
          const errorName = param?.type === AST_NODE_TYPES.Identifier ? param.name : null;
          checkErrorRegion(fn.body, auth, 'the credential check', errorName);
          return;
        }
        if (call.arguments[call.arguments.length - 1] !== fn) return;
        const first = fn.params[0];
        if (first?.type !== AST_NODE_TYPES.Identifier || !/^(?:err|error|e|ex|verifyErr|jwtErr)$/u.test(first.name)) return;
        const path = getCalleePath(call) ?? '';
        if (!AUTH_CALL.test(path)) return;
        const auth = authAround(fn);
        if (!auth || fn.body.type !== AST_NODE_TYPES.BlockStatement) return;
        const what = `${path}()`;
        for (const statement of fn.body.body) {
          if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
          const branch = errorBranch(statement, first);
          if (!branch) continue;
          checkErrorRegion(branch, auth, what, first.name);
          if (branch.type === AST_NODE_TYPES.BlockStatement && branch === statement.consequent && !statement.alternate) checkFallThrough(statement, branch, auth, what, first.name);
        }
    }

    /** The branch of `if (err)` / `if (err || !user)` / `if (!err) … else …` taken on an error. */
    function errorBranch(statement: TSESTree.IfStatement, err: TSESTree.Identifier): TSESTree.Statement | null {
      const test = skipTransparent(statement.test);
      const isErr = (t: TSESTree.Node): boolean => {
        const n = skipTransparent(t);
        if (n.type === AST_NODE_TYPES.Identifier) return n.name === err.name;
        if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '||') return isErr(n.left) || isErr(n.right);
        if (n.type === AST_NODE_TYPES.BinaryExpression && (n.operator === '!=' || n.operator === '!==')) {
          const l = skipTransparent(n.left as TSESTree.Node);
          const r = skipTransparent(n.right);
          return (l.type === AST_NODE_TYPES.Identifier && l.name === err.name && isNothing(r)) || (r.type === AST_NODE_TYPES.Identifier && r.name === err.name && isNothing(l));
        }
        return false;
      };
      if (isErr(test)) return statement.consequent;
      if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && skipTransparent(test.argument).type === AST_NODE_TYPES.Identifier && (skipTransparent(test.argument) as TSESTree.Identifier).name === err.name) {
        return statement.alternate ?? null;
      }
      return null;
    }
  },
});

/** camelCase, PascalCase, snake_case, kebab-case and dotted names as lowercase words; `apiKey` also as `apikey`. */
function tokenize(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .split(/[^A-Za-z0-9]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
  const joined: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) joined.push(words[i]! + words[i + 1]!);
  return [...words, ...joined];
}

function isAuthName(words: readonly string[]): boolean {
  return words.some((w) => AUTH_WORDS.test(w) || AUTH_PAIRS.test(w));
}
