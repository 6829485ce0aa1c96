import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, isFunctionNode, walkSameFunction } from '../model/ast.js';
import { type AuthFunction, authErrorCallback, authenticates, completesNormally, errorBranch, getAuthFunction, isOptionalAuthName, mayHoldAuthSteps, namesAround, onOptionalAuthBranch, passesThrough, rejects } from '../model/auth-steps.js';
import { createRule } from '../core/create-rule.js';
import { rejectAuthFailureFix } from '../fixes/auth-rejection.js';
import { isTestFile } from '../model/servers.js';

export type Options = [{ optionalAuthNames?: string[] }];
export type MessageIds = 'failOpen' | 'reject';

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
    if (!mayHoldAuthSteps(sourceCode.text)) return {};
    const optionalNames = new Set(options.optionalAuthNames ?? []);
    const authCache = new Map<AnyFunction, AuthFunction | null>();
    const reported = new Set<TSESTree.Node>();

    /** The auth step `fn` is, unless it is an optional-auth step (by its names or the option). */
    function authFunctionOf(fn: AnyFunction): AuthFunction | null {
      if (authCache.has(fn)) return authCache.get(fn)!;
      const optional = namesAround(fn).some((n) => optionalNames.has(n) || isOptionalAuthName(n));
      const result = optional ? null : getAuthFunction(context, fn);
      authCache.set(fn, result);
      return result;
    }

    // ----- reporting ------------------------------------------------------------------

    function report(node: TSESTree.Node, auth: AuthFunction, what: string, how: string, errorName: string | null, errorPath?: TSESTree.BlockStatement): void {
      if (reported.has(node)) return;
      reported.add(node);
      const reject = rejectAuthFailureFix(context, node, auth, errorName, errorPath);
      context.report({
        node,
        messageId: 'failOpen',
        data: { what, kind: auth.kind === 'guard' ? 'guard' : auth.kind === 'strategy' ? 'strategy' : 'middleware', how },
        suggest: reject ? [{ messageId: 'reject', data: { how: reject.how }, fix: reject.fix }] : [],
      });
    }

    /** Report every pass-through in an error region (the catch body, the `if (err)` branch). */
    function checkErrorRegion(region: TSESTree.Node, auth: AuthFunction, what: string, errorName: string | null): void {
      walkSameFunction(
        region,
        (n) => {
          if (n.type === AST_NODE_TYPES.ExpressionStatement || n.type === AST_NODE_TYPES.ReturnStatement) {
            const how = passesThrough(context, n, auth);
            if (how && !onOptionalAuthBranch(n, region)) report(n, auth, what, how, errorName);
            return;
          }
        },
        sourceCode.visitorKeys,
      );
      // `.catch(() => true)`, `.catch(() => next())`: an expression body
      if (isFunctionNode(region.parent) && region.parent.body === region && region.type !== AST_NODE_TYPES.BlockStatement) {
        const how = passesThrough(context, region, auth);
        if (how) report(region, auth, what, how, errorName);
      }
    }

    /** A region that swallows the failure and falls through to a pass-through right after it. */
    function checkFallThrough(owner: TSESTree.Statement, body: TSESTree.BlockStatement, auth: AuthFunction, what: string, errorName: string | null): void {
      if (!completesNormally(body) || rejects(context, body, auth)) return;
      const container = owner.parent;
      if (container?.type !== AST_NODE_TYPES.BlockStatement) return;
      const index = container.body.indexOf(owner);
      const following = container.body[index + 1];
      if (following) {
        const how = passesThrough(context, following, auth);
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
        if (!auth || !authenticates(context, node.parent.block)) return;
        const errorName = node.param?.type === AST_NODE_TYPES.Identifier ? node.param.name : null;
        checkErrorRegion(node.body, auth, 'the credential check in the try', errorName);
        checkFallThrough(node.parent, node.body, auth, 'the credential check in the try', errorName);
      },
      FunctionExpression: onCallback,
      ArrowFunctionExpression: onCallback,
    } as TSESLint.RuleListener;

    /** jwt.verify(token, key, (err, decoded) => { if (err) return next(); … }), `.catch(() => next())`. */
    function onCallback(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
      const callback = authErrorCallback(fn);
      if (!callback) return;
      if (callback.kind === 'rejection') {
        // verifyToken(token).then(…).catch(() => next())
        const auth = authAround(fn);
        if (!auth || !authenticates(context, callback.promise)) return;
        const param = fn.params[0];
        const errorName = param?.type === AST_NODE_TYPES.Identifier ? param.name : null;
        checkErrorRegion(fn.body, auth, 'the credential check', errorName);
        return;
      }
      const { path, error: first } = callback;
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
  },
});

