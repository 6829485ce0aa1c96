import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type AnyFunction, getEnclosingFunction, skipTransparent } from '../model/ast.js';
import { createPathTracker, mergeListeners } from '../analysis/code-path.js';
import { type CredentialFailure, credentialCheckKind, inCredentialFailureBranch, securityLogLevel } from '../model/credential-checks.js';
import { createRule } from '../core/create-rule.js';
import { AUTH_LOG_SCHEMA_PROPERTIES, type AuthLogSchemaOptions, readAuthLogSchema } from '../core/rule-options.js';
import { eventLogField, missingFieldsRepair } from '../fixes/auth-log-fields.js';
import { missingLogFields } from '../model/log-fields.js';
import { type AuthFunction, passesThrough } from '../model/auth-steps.js';
import { bindsIdentity, identityStoringStep, isIdentityAssignment, isIdentityCustomProps } from '../model/identity-binding.js';
import { loginSuccessLogFix } from '../fixes/auth-log.js';
import { findEnclosingHandler, getHandlerInfo } from '../model/handlers.js';
import { getHttpOutcome } from '../model/http-outcomes.js';
import { isAtLeast } from '../model/loggers.js';
import {
  isActivityRecord,
  isLocalStrategyAcceptance,
  isLoginFile,
  isLoginFunction,
  isPassportLogin,
  isSessionIdentityAssignment,
  isStrategyCallback,
  isStrategySuccess,
  isSuccessAnswer,
  isTokenBuilder,
  isTokenSign,
  namesPrincipal,
  signsInWithSecondFactor,
} from '../model/logins.js';
import { enclosingStatement } from '../model/placement.js';
import { returnsOwnValue } from '../model/responses.js';

export type Options = [AuthLogSchemaOptions & { bindIdentity?: boolean }];
export type MessageIds = 'unlogged' | 'noPrincipal' | 'missingFields' | 'unboundIdentity' | 'logSuccess' | 'addFields';

/** What made the function a login. */
type EventKind = 'password' | 'second-factor' | 'token' | 'session' | 'passport-login' | 'strategy';

interface Login {
  fn: AnyFunction;
  event: TSESTree.Node;
  kind: EventKind;
  /** The success answers after the event. */
  checkpoints: Checkpoint[];
}

/** A per-request authentication step that stored the caller on the request. */
interface BindingStep {
  auth: AuthFunction;
  /** `req.user`: where it stored the caller. */
  holder: string;
  checkpoints: BindingCheckpoint[];
}

interface BindingCheckpoint {
  step: BindingStep;
  node: TSESTree.Node;
  /** How the request goes on: `calls next() without the error`, `returns true`. */
  how: string;
}

const EVENT_TEXT: Record<EventKind, string> = {
  password: 'a password check succeeds here',
  'second-factor': 'a one-time code or passkey check succeeds here',
  token: 'a login issues a token here',
  session: 'a login sets the session here',
  'passport-login': 'req.login() signs the user in here',
  strategy: 'the strategy accepts the user here',
};

interface Checkpoint {
  login: Login;
  node: TSESTree.Node;
}

export default createRule<Options, MessageIds>({
  name: 'log-auth-success',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a successful login to be logged at info or above with the principal before the success answer',
      recommended: 'strict',
      cwe: ['CWE-778'],
      owasp: ['A09:2025'],
      strictOptions: { requiredFields: ['ip'], bindIdentity: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unlogged:
        'Unlogged login success: {{what}}, and this path answers without a log at info or above. Log the success with the user id, so that many failures followed by a success (a guessed password) can be seen.',
      noPrincipal:
        'Login success logged without the principal: {{what}}, but no log at info or above on this path names who signed in. Add the user id (or key id) to the log.',
      missingFields:
        'Login success logged without {{fields}}: {{what}}, and the log naming the principal lacks what the logging schema requires. Add {{fields}} to the log.',
      unboundIdentity:
        "Identity not bound to the request logger: this authentication step stores the caller in {{holder}} and lets the request through ({{how}}) without binding who it is to the request's logger, so this request's later log lines cannot be tied to a principal. Bind it: `req.log = req.log.child({ userId })`, `request.log.setBindings({ userId })`, or an AsyncLocalStorage store read by a pino mixin.",
      logSuccess: 'Log the success with {{call}} before answering.',
      addFields: 'Add {{fields}} to the log.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...AUTH_LOG_SCHEMA_PROPERTIES,
          bindIdentity: {
            type: 'boolean',
            description:
              "Require per-request authentication middleware (a token or API-key check that stores the caller on the request) to bind the caller's identity to the request logger before letting the request through.",
          },
        },
      },
    ],
    defaultOptions: [{ requiredFields: [], bindIdentity: false }],
  },
  create(context, [options]) {
    // requiredFields / eventField: a log naming the principal without them does not count.
    const schema = readAuthLogSchema(options);
    const incompleteLogs: TSESTree.CallExpression[] = [];
    const unnamedAtAll = new Set<Checkpoint>();
    const unloggedAtAll = new Set<Checkpoint>();
    // One tracker follows the code-path segments; the others read them from it.
    const anyTracker = createPathTracker<Checkpoint>((cp) => unloggedAtAll.add(cp.data));
    const namedAnyTracker = schema.keys.length > 0 ? createPathTracker<Checkpoint>((cp) => unnamedAtAll.add(cp.data), anyTracker) : null;
    // bindIdentity: per-request auth steps that store the caller must bind it to the request logger.
    const steps = new Map<AnyFunction, BindingStep>();
    const unbound = new Set<BindingCheckpoint>();
    let customPropsBind = false;
    const bindTracker = options.bindIdentity ? createPathTracker<BindingCheckpoint>((cp) => unbound.add(cp.data), anyTracker) : null;
    const logins = new Map<AnyFunction, Login>();
    const passwordChecked = new Set<AnyFunction>();
    const unnamed = new Set<Checkpoint>();
    const recorded = new Set<TSESTree.Node>();
    const principalTracker = createPathTracker<Checkpoint>((cp) => unnamed.add(cp.data), anyTracker);

    function onFunction(fn: AnyFunction): void {
      anyTracker.openRegion(fn);
      principalTracker.openRegion(fn);
      namedAnyTracker?.openRegion(fn);
      bindTracker?.openRegion(fn);
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

    function onCredentialCheck(call: TSESTree.CallExpression, kind: CredentialFailure): void {
      const fn = getEnclosingFunction(call);
      if (!fn) return;
      // A one-time code or a passkey checked in a handler named for signing in with it signs in (enrolment is no check);
      // one that re-checks the caller before a password change or the factor's removal does not.
      if (kind === 'invalid_otp' || kind === 'invalid_passkey') {
        if (signsInWithSecondFactor(context, call, fn)) noteEvent(call, 'second-factor');
        return;
      }
      passwordChecked.add(fn);
      // A helper that only compares hands the answer to its caller, which signs in (or not); a
      // handler that re-checks the password before changing it is no login.
      if (isStrategyCallback(fn)) {
        noteEvent(call, 'password');
        return;
      }
      if (!(getHandlerInfo(context, fn) || findEnclosingHandler(context, call))) return;
      if (!isLoginFunction(fn) && !isLoginFile(context.filename)) return;
      noteEvent(call, 'password');
    }

    /** A token signed or a session set in a login function, or after a password check. */
    function onLoginEffect(node: TSESTree.Node, kind: EventKind): void {
      const fn = getEnclosingFunction(node);
      if (!fn || (!isLoginFunction(fn) && !passwordChecked.has(fn))) return;
      noteEvent(node, kind);
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
      namedAnyTracker?.require(node, login.fn, cp);
    }

    function loginBefore(node: TSESTree.Node): Login | null {
      const fn = getEnclosingFunction(node);
      const login = fn ? logins.get(fn) : undefined;
      if (!login || login.event.range[1] > node.range[0] || !anyTracker.isReachable()) return null;
      return inCredentialFailureBranch(context, node, login.fn) ? null : login;
    }

    function onAnswerCall(call: TSESTree.CallExpression): void {
      const login = loginBefore(call);
      if (!login) return;
      if (isSuccessAnswer(context, call)) requireLog(login, call);
    }

    function onReturn(node: TSESTree.ReturnStatement): void {
      const arg = node.argument ? skipTransparent(node.argument) : null;
      if (arg && isLocalStrategyAcceptance(context, getEnclosingFunction(node), arg)) {
        noteEvent(node, 'strategy', true);
        return;
      }
      // `return res.json(…)` is the call's answer; `return;` and `return null` are no success.
      if (!returnsOwnValue(arg)) return;
      const login = loginBefore(node);
      if (!login) return;
      const outcome = getHttpOutcome(context, arg);
      if (outcome && outcome.status >= 400) return;
      requireLog(login, node);
    }

    // ----- logs ------------------------------------------------------------------------

    function onLog(call: TSESTree.CallExpression): boolean {
      const level = securityLogLevel(context, call);
      const activity = level === null && isActivityRecord(call);
      if (!activity && (!level || !isAtLeast(level, 'info'))) return level !== null;
      anyTracker.mark(call);
      if (!namesPrincipal(call)) return true;
      if (!namedAnyTracker) principalTracker.mark(call);
      else {
        namedAnyTracker.mark(call);
        if (missingLogFields(context, call, schema.keys).length === 0) principalTracker.mark(call);
        else incompleteLogs.push(call);
      }
      return true;
    }

    // ----- bindIdentity ---------------------------------------------------------------------

    /** `req.user = payload` in middleware, a Fastify hook or a guard named like auth: a step that establishes who calls. */
    function onIdentityAssignment(node: TSESTree.AssignmentExpression): void {
      const fn = getEnclosingFunction(node);
      if (!fn || steps.has(fn) || !bindTracker!.isReachable()) return;
      const auth = identityStoringStep(context, fn, node);
      if (!auth) return;
      const step: BindingStep = { auth, holder: context.sourceCode.getText(node.left), checkpoints: [] };
      steps.set(fn, step);
      // A Fastify hook lets the request through by returning: the binding belongs right after the identity.
      if (auth.kind === 'hook') requireBinding(step, node, 'returns', true);
    }

    function requireBinding(step: BindingStep, node: TSESTree.Node, how: string, acceptLater = false): void {
      const cp: BindingCheckpoint = { step, node, how };
      step.checkpoints.push(cp);
      bindTracker!.require(node, step.auth.fn, cp, { acceptLaterInSegment: acceptLater });
    }

    /** `next()` / `return true` after the identity was stored: the request goes on. */
    function onPassThrough(node: TSESTree.Node): void {
      const fn = getEnclosingFunction(node);
      const step = fn ? steps.get(fn) : undefined;
      if (!step || step.auth.kind === 'hook' || !bindTracker!.isReachable()) return;
      const how = passesThrough(context, node, step.auth);
      if (how) requireBinding(step, node, how);
    }

    // ----- reporting ---------------------------------------------------------------------

    function report(cp: Checkpoint): void {
      const what = EVENT_TEXT[cp.login.kind];
      if (namedAnyTracker && !unnamedAtAll.has(cp)) {
        reportMissingFields(cp, what);
        return;
      }
      const logged = !unloggedAtAll.has(cp);
      const event = eventLogField(schema, 'success');
      const suggestion = logged ? null : loginSuccessLogFix(context, cp.node, event ? [event] : []);
      // A required field the fix cannot derive is not invented: the log it writes is a suggestion to complete.
      const complete = suggestion !== null && schema.keys.every((key) => suggestion.keys.includes(key));
      context.report({
        node: cp.node,
        messageId: logged ? 'noPrincipal' : 'unlogged',
        data: { what },
        fix: suggestion?.autofix && complete ? suggestion.fix : null,
        suggest: suggestion ? [{ messageId: 'logSuccess', data: { call: suggestion.call }, fix: suggestion.fix }] : [],
      });
    }

    /** Every path names the principal, but in a log without the schema's fields: name what the last such log lacks. */
    function reportMissingFields(cp: Checkpoint, what: string): void {
      const fn = cp.login.fn;
      const log = incompleteLogs.filter((call) => getEnclosingFunction(call) === fn && call.range[1] <= cp.node.range[0]).at(-1) ?? null;
      const repair = missingFieldsRepair(context, schema, log, 'success', log ? findEnclosingHandler(context, log) : null);
      context.report({
        node: cp.node,
        messageId: 'missingFields',
        data: { what, fields: repair.missing },
        fix: repair.fix,
        suggest: repair.suggestion ? [{ messageId: 'addFields', data: { fields: repair.suggestion.fields }, fix: repair.suggestion.fix }] : [],
      });
    }

    return mergeListeners(anyTracker.listeners, principalTracker.listeners, namedAnyTracker?.listeners ?? {}, bindTracker?.listeners ?? {}, {
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      CallExpression(node: TSESTree.CallExpression) {
        if (bindTracker) {
          if (bindsIdentity(context, node)) bindTracker.mark(node);
          else if (steps.size > 0) onPassThrough(node);
        }
        if (onLog(node)) return;
        const checked = credentialCheckKind(context, node);
        if (checked) {
          onCredentialCheck(node, checked);
          return;
        }
        if (isTokenSign(context, node)) {
          onLoginEffect(node, 'token');
          return;
        }
        if (isPassportLogin(node) && findEnclosingHandler(context, node)) {
          noteEvent(node, 'passport-login', true);
          return;
        }
        if (isStrategySuccess(context, node)) {
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
        if (isTokenBuilder(node)) onLoginEffect(node, 'token');
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (bindTracker) {
          if (bindsIdentity(context, node)) bindTracker.mark(node);
          else if (isIdentityAssignment(node)) onIdentityAssignment(node);
        }
        if (isSessionIdentityAssignment(node) && findEnclosingHandler(context, node)) onLoginEffect(node, 'session');
      },
      ReturnStatement(node: TSESTree.ReturnStatement) {
        if (bindTracker && steps.size > 0) onPassThrough(node);
        onReturn(node);
      },
      ...(bindTracker
        ? {
            Property(node: TSESTree.Property) {
              if (!customPropsBind && isIdentityCustomProps(context, node)) customPropsBind = true;
            },
          }
        : {}),
      'Program:exit'() {
        if (!customPropsBind) {
          for (const step of steps.values()) {
            const first = step.checkpoints.find((cp) => unbound.has(cp));
            if (first) context.report({ node: first.node, messageId: 'unboundIdentity', data: { holder: step.holder, how: first.how } });
          }
        }
        for (const login of logins.values()) {
          const first = login.checkpoints.find((cp) => unnamed.has(cp));
          if (first) report(first);
        }
      },
    } as Record<string, (...args: never[]) => void>) as TSESLint.RuleListener;
  },
});
