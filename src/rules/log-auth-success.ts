import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  type AnyFunction,
  findVariable,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getPropertyName,
  getRootIdentifier,
  isFunctionNode,
  lastSegment,
  skipTransparent,
} from '../model/ast.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { passwordCheckResult, isPasswordCheck, securityLogLevel, visibleVariable } from '../model/credential-checks.js';
import { createRule } from '../core/create-rule.js';
import { importFix } from '../fixes/imports.js';
import { type LogField, buildLogCall, requestLogFields } from '../fixes/log-call.js';
import { describeEnclosingFunction } from '../fixes/log-message.js';
import { chooseLogTarget, targetSetupFixes } from '../fixes/log-target.js';
import { isNameInScope } from '../fixes/names.js';
import { findEnclosingHandler, getHandlerInfo } from '../model/handlers.js';
import { getHttpOutcome } from '../model/http-outcomes.js';
import { getFrameworkLogger, getRequestContextExpressions } from '../model/request-context.js';
import { isAtLeast } from '../model/loggers.js';
import { getImportSource } from '../model/modules.js';
import { getResponseSink } from '../model/responses.js';
import { tokenizeName } from '../model/secrets/names.js';
import { getSettings } from '../core/settings.js';

export type Options = [];
export type MessageIds = 'unlogged' | 'noPrincipal' | 'logSuccess';

/** What made the function a login. */
type EventKind = 'password' | 'token' | 'session' | 'passport-login' | 'strategy';

interface Login {
  fn: AnyFunction;
  event: TSESTree.Node;
  kind: EventKind;
  /** The success answers after the event. */
  checkpoints: Checkpoint[];
}

interface Checkpoint {
  login: Login;
  node: TSESTree.Node;
}

/** A function or route that signs a user in (`login`, `/auth/signin`, `authenticate`, `POST /sessions`). */
const LOGIN_NAME = /log_?in|sign_?in|log_?on|authenticat|(?:^|\/)sessions?$/iu;
/** `req.session.userId = …`: the session now names a signed-in principal. */
const SESSION_IDENTITY = /^(?:user|userId|user_id|uid|account|accountId|principal|passport|member|memberId|authenticated|loggedIn|isLoggedIn|isAuthenticated)$/u;
/** Words of a log argument that name the principal. */
const PRINCIPAL_WORDS = new Set(['user', 'users', 'username', 'userid', 'uid', 'id', 'email', 'login', 'account', 'principal', 'sub', 'subject', 'member', 'customer', 'client', 'actor', 'owner', 'identity']);
/** Variables an autofix may log as is: opaque ids. */
const OPAQUE_ID_NAMES = ['userId', 'accountId', 'user_id', 'uid', 'memberId', 'principalId'];
/** Variables of a user record whose `.id` a suggestion (reviewed) may log. */
const USER_RECORD_NAMES = ['user', 'account', 'member', 'existingUser', 'foundUser', 'dbUser'];
/** Identities that are personal data: written per `settings.identity`. */
const PERSONAL_IDENTITY_NAMES = ['username', 'email', 'login'];
/** Files of a login route (`routes/auth.js`, `app/api/login/route.ts`). */
const LOGIN_FILE = /log_?in|sign_?in|auth|sessions?(?:\/|\.)/iu;
const RESPONSE_ROOT = /^_?(?:res|resp|response|reply|rep|ctx|context|c)$/u;
const ACTIVITY_RECORD = /(?:^|\.)\w*(?:activit|audit)\w*\.(?:create\w*|insert\w*|log\w*|record\w*|add\w*|write\w*|track\w*)$/iu;

export default createRule<Options, MessageIds>({
  name: 'log-auth-success',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a successful login to be logged at info or above with the principal before the success answer',
      recommended: 'strict',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unlogged:
        'Unlogged login success: {{what}}, and this path answers without a log at info or above. Log the success with the user id, so that many failures followed by a success (a guessed password) can be seen.',
      noPrincipal:
        'Login success logged without the principal: {{what}}, but no log at info or above on this path names who signed in. Add the user id (or key id) to the log.',
      logSuccess: 'Log the success with {{call}} before answering.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const logins = new Map<AnyFunction, Login>();
    const passwordChecked = new Set<AnyFunction>();
    const unloggedAtAll = new Set<Checkpoint>();
    const unnamed = new Set<Checkpoint>();
    const recorded = new Set<TSESTree.Node>();
    const anyTracker = createPathTracker<Checkpoint>((cp) => unloggedAtAll.add(cp.data));
    const principalTracker = createPathTracker<Checkpoint>((cp) => unnamed.add(cp.data));

    function onFunction(fn: AnyFunction): void {
      anyTracker.openRegion(fn);
      principalTracker.openRegion(fn);
    }

    // ----- what makes a function a login ------------------------------------------

    function noteEvent(node: TSESTree.Node, kind: EventKind, answersItself = false): void {
      const fn = getEnclosingFunction(node);
      if (!fn || !anyTracker.isReachable()) return;
      let login = logins.get(fn);
      if (!login) {
        login = { fn, event: node, kind, checkpoints: [] };
        logins.set(fn, login);
      }
      if (answersItself) requireLog(login, node);
    }

    /** A handler, or a function or route named like a login. */
    function isLoginFunction(fn: AnyFunction): boolean {
      const name = describeEnclosingFunction(fn.body);
      const route = routeOf(fn);
      return LOGIN_NAME.test(name ?? '') || LOGIN_NAME.test(route ?? '');
    }

    function onPasswordCheck(call: TSESTree.CallExpression): void {
      const fn = getEnclosingFunction(call);
      if (!fn) return;
      passwordChecked.add(fn);
      // A helper that only compares hands the answer to its caller, which signs in (or not); a
      // handler that re-checks the password before changing it is no login.
      if (isStrategyCallback(fn)) {
        noteEvent(call, 'password');
        return;
      }
      if (!(getHandlerInfo(context, fn) || findEnclosingHandler(context, call))) return;
      if (!isLoginFunction(fn) && !LOGIN_FILE.test(context.filename.split(/[\\/]/u).slice(-3).join('/'))) return;
      noteEvent(call, 'password');
    }

    /** A token signed or a session set in a login function, or after a password check. */
    function onLoginEffect(node: TSESTree.Node, kind: EventKind): void {
      const fn = getEnclosingFunction(node);
      if (!fn || (!isLoginFunction(fn) && !passwordChecked.has(fn))) return;
      noteEvent(node, kind);
    }

    /** `jwt.sign(…)`, `this.jwtService.sign(…)` / `signAsync`; `new SignJWT(…)` is a NewExpression. */
    function isTokenSign(call: TSESTree.CallExpression): boolean {
      const path = getCalleePath(call);
      if (path === null) return false;
      const last = lastSegment(path);
      if (last !== 'sign' && last !== 'signAsync') return false;
      if (/jwt|token/iu.test(path)) return true;
      // import { sign } from 'jsonwebtoken'
      const callee = skipTransparent(call.callee);
      return callee.type === AST_NODE_TYPES.Identifier && /^(?:jsonwebtoken|jose|hono\/jwt|@fastify\/jwt)$/u.test(getImportSource(context, callee)?.source ?? '');
    }

    /** `req.login(user, cb)` / `req.logIn(…)` in a handler: passport establishes the session. */
    function isPassportLogin(call: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getPropertyName(callee);
      const object = skipTransparent(callee.object);
      return (method === 'login' || method === 'logIn') && object.type === AST_NODE_TYPES.Identifier && /^_?(?:req|request)$/u.test(object.name) && call.arguments.length > 0;
    }

    /** The verify callback of `new LocalStrategy(…)`: its last parameter is `done`. */
    function isStrategyCallback(fn: AnyFunction): boolean {
      if (fn.parent?.type !== AST_NODE_TYPES.NewExpression) return false;
      const path = getCalleePath(fn.parent);
      return path !== null && /Strategy$/u.test(lastSegment(path));
    }

    /**
     * `return user` from `validate()` of a Nest `class LocalStrategy extends PassportStrategy(Strategy)`
     * with `Strategy` from passport-local: Nest signs the user in with what `validate` returns.
     * JWT and API-key strategies validate every request and are not logins.
     */
    function isLocalStrategyAcceptance(node: TSESTree.ReturnStatement, arg: TSESTree.Node): boolean {
      if ((arg.type === AST_NODE_TYPES.Literal && !arg.value) || (arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) return false;
      const fn = getEnclosingFunction(node);
      const method = fn?.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || getPropertyName(method) !== 'validate') return false;
      const superClass = method.parent.parent.superClass ? skipTransparent(method.parent.parent.superClass) : null;
      if (superClass?.type !== AST_NODE_TYPES.CallExpression || getCalleePath(superClass) !== 'PassportStrategy') return false;
      const strategy = superClass.arguments[0];
      return strategy?.type === AST_NODE_TYPES.Identifier && getImportSource(context, strategy)?.source === 'passport-local';
    }

    /** `done(null, user)` in the verify callback of `new LocalStrategy(…)` that checked a password. */
    function isStrategySuccess(call: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || call.arguments.length < 2) return false;
      const [first, second] = call.arguments.map((a) => skipTransparent(a));
      const firstIsNothing = (first?.type === AST_NODE_TYPES.Literal && first.value === null) || (first?.type === AST_NODE_TYPES.Identifier && first.name === 'undefined');
      if (!firstIsNothing || !second || (second.type === AST_NODE_TYPES.Literal && !second.value) || (second.type === AST_NODE_TYPES.Identifier && second.name === 'undefined')) return false;
      const def = findVariable(context, callee)?.defs[0];
      if (!def || def.type !== 'Parameter') return false;
      const fn = def.node as AnyFunction;
      return fn.params[fn.params.length - 1] === def.name && isStrategyCallback(fn);
    }

    // ----- the success answers -----------------------------------------------------

    function requireLog(login: Login, node: TSESTree.Node): void {
      const statement = enclosingStatement(node);
      if (recorded.has(statement)) return;
      recorded.add(statement);
      const cp: Checkpoint = { login, node };
      login.checkpoints.push(cp);
      anyTracker.require(node, login.fn, cp);
      principalTracker.require(node, login.fn, cp);
    }

    function loginBefore(node: TSESTree.Node): Login | null {
      const fn = getEnclosingFunction(node);
      const login = fn ? logins.get(fn) : undefined;
      if (!login || login.event.range[1] > node.range[0] || !anyTracker.isReachable()) return null;
      return inFailureBranch(node, login.fn) ? null : login;
    }

    function onAnswerCall(call: TSESTree.CallExpression): void {
      const login = loginBefore(call);
      if (!login) return;
      const sink = getResponseSink(context, call);
      const outcome = getHttpOutcome(context, call);
      if (outcome && outcome.status >= 400) return;
      if (sink ? sink.status === null || sink.status < 400 : isRedirect(call)) requireLog(login, call);
    }

    function onReturn(node: TSESTree.ReturnStatement): void {
      const arg = node.argument ? skipTransparent(node.argument) : null;
      if (arg && isLocalStrategyAcceptance(node, arg)) {
        noteEvent(node, 'strategy', true);
        return;
      }
      // `return res.json(…)` is the call's answer; `return;` and `return null` are no success.
      if (!arg || arg.type === AST_NODE_TYPES.CallExpression || (arg.type === AST_NODE_TYPES.Literal && !arg.value) || (arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) return;
      if (arg.type === AST_NODE_TYPES.AwaitExpression && skipTransparent(arg.argument).type === AST_NODE_TYPES.CallExpression) return;
      const login = loginBefore(node);
      if (!login) return;
      const outcome = getHttpOutcome(context, arg);
      if (outcome && outcome.status >= 400) return;
      requireLog(login, node);
    }

    function isRedirect(call: TSESTree.CallExpression): boolean {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'redirect') return false;
      const root = getRootIdentifier(callee.object);
      return root !== null && RESPONSE_ROOT.test(root.name) && !!findEnclosingHandler(context, call);
    }

    /** On the branch where a password check failed: `if (!ok) …`, `if (ok) {} else …`. */
    function inFailureBranch(node: TSESTree.Node, fn: AnyFunction): boolean {
      let child: TSESTree.Node = node;
      let parent = node.parent;
      while (parent && parent !== fn) {
        if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
          if (child === parent.consequent && failsWhenTrue(parent.test)) return true;
          if (child === parent.alternate && passwordCheckResult(context, parent.test)) return true;
        }
        child = parent;
        parent = parent.parent;
      }
      return false;
    }

    function failsWhenTrue(test: TSESTree.Node): boolean {
      const t = skipTransparent(test);
      if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') return passwordCheckResult(context, t.argument) !== null;
      if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '||') return failsWhenTrue(t.left) || failsWhenTrue(t.right);
      if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '===' || t.operator === '==')) {
        const [left, right] = [skipTransparent(t.left as TSESTree.Node), skipTransparent(t.right)];
        if (right.type === AST_NODE_TYPES.Literal && right.value === false) return passwordCheckResult(context, left) !== null;
        if (left.type === AST_NODE_TYPES.Literal && left.value === false) return passwordCheckResult(context, right) !== null;
      }
      return false;
    }

    function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
      let current: TSESTree.Node = node;
      while (current.parent && !isFunctionNode(current.parent) && !/Statement$|Declaration$/u.test(current.type)) current = current.parent;
      return current;
    }

    function routeOf(fn: AnyFunction): string | null {
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
      for (const arg of call.arguments) {
        if (arg === fn) break;
        if (arg.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string') return arg.value;
      }
      return null;
    }

    // ----- logs ------------------------------------------------------------------------

    function onLog(call: TSESTree.CallExpression): boolean {
      const level = securityLogLevel(context, call);
      const activity = level === null && ACTIVITY_RECORD.test(getCalleePath(call) ?? '');
      if (!activity && (!level || !isAtLeast(level, 'info'))) return level !== null;
      anyTracker.mark(call);
      if (namesPrincipal(call)) principalTracker.mark(call);
      return true;
    }

    /** Whether an argument mentions who signed in: `{ userId }`, `user.id`, `` `login ${email}` ``. */
    function namesPrincipal(call: TSESTree.CallExpression): boolean {
      let found = false;
      const visit = (node: TSESTree.Node, depth: number): void => {
        if (found || depth > 6) return;
        const n = skipTransparent(node);
        const names: string[] = [];
        if (n.type === AST_NODE_TYPES.Identifier) names.push(n.name);
        else if (n.type === AST_NODE_TYPES.MemberExpression) names.push(...(getMemberPath(n) ?? '').split('.'));
        else if (n.type === AST_NODE_TYPES.ObjectExpression) {
          for (const p of n.properties) {
            if (p.type === AST_NODE_TYPES.Property) {
              if (!p.computed && p.key.type === AST_NODE_TYPES.Identifier) names.push(p.key.name);
              else if (p.key.type === AST_NODE_TYPES.Literal) names.push(String(p.key.value));
              visit(p.value, depth + 1);
            } else visit(p.argument, depth + 1);
          }
        } else if (n.type === AST_NODE_TYPES.TemplateLiteral) n.expressions.forEach((e) => visit(e, depth + 1));
        else if (n.type === AST_NODE_TYPES.CallExpression) n.arguments.forEach((a) => visit(a, depth + 1));
        else if (n.type === AST_NODE_TYPES.BinaryExpression || n.type === AST_NODE_TYPES.LogicalExpression) {
          visit(n.left as TSESTree.Node, depth + 1);
          visit(n.right, depth + 1);
        }
        if (names.some((name) => tokenizeName(name).some((t) => PRINCIPAL_WORDS.has(t)))) found = true;
      };
      for (const arg of call.arguments) visit(arg, 0);
      return found;
    }

    // ----- reporting ---------------------------------------------------------------------

    function report(cp: Checkpoint): void {
      const what = describeEvent(cp.login);
      const logged = !unloggedAtAll.has(cp);
      const suggestion = logged ? null : buildSuggestion(cp);
      context.report({
        node: cp.node,
        messageId: logged ? 'noPrincipal' : 'unlogged',
        data: { what },
        fix: suggestion?.autofix ? suggestion.fix : null,
        suggest: suggestion ? [{ messageId: 'logSuccess', data: { call: suggestion.call }, fix: suggestion.fix }] : [],
      });
    }

    function describeEvent(login: Login): string {
      switch (login.kind) {
        case 'password':
          return 'a password check succeeds here';
        case 'token':
          return 'a login issues a token here';
        case 'session':
          return 'a login sets the session here';
        case 'passport-login':
          return 'req.login() signs the user in here';
        case 'strategy':
          return 'the strategy accepts the user here';
      }
    }

    /** Who signed in, as a log field: an opaque id as is; `user.id` only for a person to review; e-mail per settings. */
    function principalField(at: TSESTree.Node): { field: LogField; safe: boolean; fingerprintImport: boolean } | null {
      const opaque = OPAQUE_ID_NAMES.find((name) => visibleVariable(context, at, name));
      if (opaque) return { field: { key: opaque }, safe: true, fingerprintImport: false };
      const record = USER_RECORD_NAMES.find((name) => visibleVariable(context, at, name));
      if (record) return { field: { key: 'userId', value: `${record}.id` }, safe: false, fingerprintImport: false };
      const settings = getSettings(context);
      const personal = PERSONAL_IDENTITY_NAMES.find((name) => visibleVariable(context, at, name));
      if (!personal || settings.identity === 'omit') return null;
      if (settings.identity === 'raw') return { field: { key: personal }, safe: true, fingerprintImport: false };
      const fingerprint = settings.fingerprint;
      if (!fingerprint || (fingerprint.importFrom === undefined && !isNameInScope(context, at, fingerprint.name.split('.')[0]!))) return null;
      return { field: { key: `${personal}Fingerprint`, value: `${fingerprint.name}(String(${personal}))` }, safe: true, fingerprintImport: fingerprint.importFrom !== undefined };
    }

    function buildSuggestion(cp: Checkpoint): { fix: TSESLint.ReportFixFunction; call: string; autofix: boolean } | null {
      const anchor = enclosingStatement(cp.node);
      const parent = anchor.parent;
      if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.SwitchCase) return null;
      const principal = principalField(anchor);
      if (!principal) return null;
      const handler = findEnclosingHandler(context, anchor);
      const framework = handler ? getFrameworkLogger(context, handler, anchor) : null;
      const target = chooseLogTarget(context, anchor, framework);
      const fields: LogField[] = [principal.field];
      if (handler) fields.push(...requestLogFields(getRequestContextExpressions(context, handler, anchor), ['ip', 'userAgent']));
      const text = `${buildLogCall(target, { level: 'info', message: 'Login succeeded', fields })};`;
      const line = sourceCode.lines[anchor.loc.start.line - 1] ?? '';
      const indent = line.slice(0, anchor.loc.start.column);
      if (!/^\s*$/u.test(indent)) return null;
      const fingerprint = getSettings(context).fingerprint;
      const fix: TSESLint.ReportFixFunction = (fixer) => {
        const fixes = [fixer.insertTextBefore(anchor, `${text}\n${indent}`), ...targetSetupFixes(context, fixer, target)];
        if (principal.fingerprintImport && fingerprint?.importFrom !== undefined) {
          const imp = importFix(context, fixer, fingerprint.name, fingerprint.importFrom, fingerprint.importKind);
          if (imp) fixes.push(imp);
        }
        return fixes;
      };
      return { fix, call: `${target.expression}.info`, autofix: principal.safe && target.configured };
    }

    return mergeListeners(anyTracker.listeners, principalTracker.listeners, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      CallExpression(node: TSESTree.CallExpression) {
        if (onLog(node)) return;
        if (isPasswordCheck(context, node)) {
          onPasswordCheck(node);
          return;
        }
        if (isTokenSign(node)) {
          onLoginEffect(node, 'token');
          return;
        }
        if (isPassportLogin(node) && findEnclosingHandler(context, node)) {
          noteEvent(node, 'passport-login', true);
          return;
        }
        if (isStrategySuccess(node)) {
          const fn = getEnclosingFunction(node);
          if (fn && logins.get(fn)?.kind === 'password') {
            noteEvent(node, 'strategy');
            requireLog(logins.get(fn)!, node);
          }
          return;
        }
        onAnswerCall(node);
      },
      NewExpression(node: TSESTree.NewExpression) {
        const path = getCalleePath(node);
        if (path !== null && lastSegment(path) === 'SignJWT') onLoginEffect(node, 'token');
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const left = node.left;
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = getPropertyName(left);
        const object = skipTransparent(left.object);
        if (name === null || !SESSION_IDENTITY.test(name) || object.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(object) !== 'session') return;
        if (findEnclosingHandler(context, node)) onLoginEffect(node, 'session');
      },
      ReturnStatement: onReturn,
      'Program:exit'() {
        for (const login of logins.values()) {
          const first = login.checkpoints.find((cp) => unnamed.has(cp));
          if (first) report(first);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;
  },
});
