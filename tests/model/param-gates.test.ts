/**
 * Cheap gates of session 41 (perf41c) that decide without a scope look-up what a look-up would find; these tests fail
 * when they drift:
 *  - socket-refusals.ts `mayBeEnclosingParameter`: a callee that resolves to parameter `i` of a function (of `n`
 *    parameters) is named so by a function around the call (getSocketRefusal, executorRejection, validatorCallbackRefusal
 *    ask it before findVariable);
 *  - sockets.ts `isClientSocket` (gated by mayBeClientSocket) answers as `isClientSocketUngated`.
 * Asked of real code: the bench corpus (every STRIDE-th file, all with GATES_FULL=1) and the log-auth-failures test snippets.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Context, findVariable, isFunctionNode, skipTransparent } from '../../src/model/ast.js';
import { mayBeEnclosingParameter } from '../../src/model/socket-refusals.js';
import { isClientSocket, isClientSocketUngated } from '../../src/model/sockets.js';
import { type ProbeRuleListeners, codeTemplates, nodeAt, corpusStride, probeCorpus, probeSnippets, ruleTestFiles } from '../helpers/corpus-probe.js';

const STRIDE = corpusStride(4);

interface Sweep {
  files: number;
  /** Identifier callees that resolve to a parameter (where mayBeEnclosingParameter must say yes). */
  parameterCalls: number;
  missed: string[];
  /** Identifier receivers of member calls, and those that are a client's socket. */
  receivers: number;
  sockets: number;
  disagreements: string[];
}

const emptySweep = (): Sweep => ({ files: 0, parameterCalls: 0, missed: [], receivers: 0, sockets: 0, disagreements: [] });

/** A probe that asks both gates of every call, counting into `out`. */
const sweep =
  (out: Sweep) =>
  (context: Context, filename: string): ProbeRuleListeners => {
    const where = (node: TSESTree.Node) => nodeAt(context, filename, node);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = skipTransparent(node.callee);
        if (callee.type === 'Identifier') {
          const def = findVariable(context, callee)?.defs[0];
          const fn = def?.type === 'Parameter' ? (def.node as TSESTree.Node) : null;
          if (!fn || !isFunctionNode(fn)) return;
          const index = fn.params.indexOf(def!.name as TSESTree.Parameter);
          if (index < 0) return;
          out.parameterCalls += 1;
          if (!mayBeEnclosingParameter(node, callee.name, index) || !mayBeEnclosingParameter(node, callee.name, index, fn.params.length)) out.missed.push(where(node));
        } else if (callee.type === 'MemberExpression') {
          const object = skipTransparent(callee.object);
          if (object.type !== 'Identifier') return;
          out.receivers += 1;
          const ungated = isClientSocketUngated(context, object);
          if (ungated) out.sockets += 1;
          if (isClientSocket(context, object) !== ungated) out.disagreements.push(where(node));
        }
      },
    };
  };

describe('parameter and client-socket gates agree with the scope look-ups they spare', () => {
  const corpus = emptySweep();
  const snippets = emptySweep();

  beforeAll(() => {
    corpus.files = probeCorpus(STRIDE, sweep(corpus));
    // The code snippets of the log-auth-failures tests (template literals without interpolation).
    snippets.files = probeSnippets(codeTemplates(ruleTestFiles('log-auth-failures')), sweep(snippets));
    console.log(`corpus: ${corpus.files} files, ${corpus.parameterCalls} calls of parameters, ${corpus.receivers} receivers (${corpus.sockets} sockets); snippets: ${snippets.files} files, ${snippets.parameterCalls} calls of parameters, ${snippets.sockets} sockets`);
  }, 180_000);

  it('the sample is real: calls of parameters, socket receivers', () => {
    expect(corpus.files).toBeGreaterThan(200);
    expect(corpus.parameterCalls + snippets.parameterCalls).toBeGreaterThan(500);
    expect(corpus.sockets + snippets.sockets).toBeGreaterThan(5);
  });

  it('mayBeEnclosingParameter says yes wherever the callee resolves to that parameter', () => {
    expect([...corpus.missed, ...snippets.missed]).toEqual([]);
  });

  it('isClientSocket answers as without its gate', () => {
    expect([...corpus.disagreements, ...snippets.disagreements]).toEqual([]);
  });

  it('mayBeEnclosingParameter reads the position and the count', () => {
    let answers: boolean[] = [];
    const rule: Rule.RuleModule = {
      meta: { type: 'problem', schema: [], messages: {} },
      create: () => ({
        CallExpression(node) {
          const call = node as unknown as TSESTree.CallExpression;
          if (call.callee.type === 'Identifier' && call.callee.name === 'reject') {
            answers = [mayBeEnclosingParameter(call, 'reject', 1), mayBeEnclosingParameter(call, 'reject', 1, 2), mayBeEnclosingParameter(call, 'reject', 1, 3), mayBeEnclosingParameter(call, 'reject', 0)];
          }
        },
      }),
    };
    new Linter({ configType: 'flat' }).verify('new Promise((resolve, reject) => { setTimeout(() => reject(new Error("x"))); });', [{ plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } }]);
    expect(answers).toEqual([true, true, false, false]);
  });
});
