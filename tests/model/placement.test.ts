import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, getEnclosingFunction } from '../../src/model/ast.js';
import { enclosingStatement, findLogAnchor, initializesVariable, innermostBranch, isExportedHelper, isInTestCode, isVariableInit, lastInBranchBefore, routeOf } from '../../src/model/placement.js';
import { probe } from '../helpers/probe.js';

/** For each `probeHere()` call, what `fn` answers about it (with the source text of nodes). */
function atProbes<T>(code: string, fn: (context: Context, node: TSESTree.CallExpression, region: AnyFunction) => T): T[] {
  const out: T[] = [];
  probe(code, (context: Context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'probeHere') out.push(fn(context, node, getEnclosingFunction(node)!));
    },
  }));
  return out;
}

describe('findLogAnchor', () => {
  it('is the statement the node belongs to, fixable when a log before it runs only on its path', () => {
    const code = 'function f(res) { if (!ok) return probeHere(res); ok && probeHere(2); const x = a ? probeHere(3) : 0; }\nconst g = (res) => probeHere(4);';
    expect(atProbes(code, (context, node, region) => {
      const { anchor, fixable } = findLogAnchor(node, region);
      return [context.sourceCode.getText(anchor), fixable];
    })).toEqual([
      ['return probeHere(res);', true],
      ['ok && probeHere(2);', false],
      ['const x = a ? probeHere(3) : 0;', false],
      ['probeHere(4)', true],
    ]);
  });
});

describe('innermostBranch and enclosingStatement', () => {
  it('finds the branch, catch or case around a statement; the body when none', () => {
    const code = 'function f() { if (a) { probeHere(1); } try {} catch { probeHere(2); } switch (x) { case 1: probeHere(3); } probeHere(4); }';
    expect(atProbes(code, (_c, node, region) => innermostBranch(enclosingStatement(node), region).type)).toEqual(['BlockStatement', 'CatchClause', 'SwitchCase', 'BlockStatement']);
    expect(atProbes(code, (_c, node, region) => innermostBranch(enclosingStatement(node), region) === region.body)).toEqual([false, false, false, true]);
    expect(atProbes(code, (_c, node) => enclosingStatement(node).type)).toEqual(['ExpressionStatement', 'ExpressionStatement', 'ExpressionStatement', 'ExpressionStatement']);
  });
});

describe('lastInBranchBefore', () => {
  it('is the last node of the list in the same branch before the anchor', () => {
    const code = 'function f() { log(0); if (!ok) { log(1); log(2); probeHere(); log(3); } }';
    const out: (string | null)[] = [];
    probe(code, (context: Context) => {
      const logs: TSESTree.CallExpression[] = [];
      return {
        'CallExpression[callee.name="log"]'(node: TSESTree.CallExpression) {
          logs.push(node);
        },
        'CallExpression[callee.name="probeHere"]:exit'(node: TSESTree.CallExpression) {
          const region = getEnclosingFunction(node)!;
          const found = lastInBranchBefore(logs, enclosingStatement(node), region);
          out.push(found ? context.sourceCode.getText(found) : null);
          out.push(lastInBranchBefore(logs.slice(0, 1), enclosingStatement(node), region)?.type ?? null);
        },
      };
    });
    expect(out).toEqual(['log(2)', null]);
  });
});

describe('isVariableInit', () => {
  it('a value assigned to a variable, not a returned answer', () => {
    expect(atProbes('function f() { const r = probeHere(1); const s = await probeHere(2); return probeHere(3); }'.replace('function', 'async function'), (_c, node) => isVariableInit(node))).toEqual([true, true, false]);
  });
});

describe('isInTestCode', () => {
  it('inside describe/it callbacks and mocks only', () => {
    expect(atProbes("describe('a', () => { it('b', () => probeHere()); }); jest.fn(() => probeHere()); app.get('/', () => probeHere());", (_c, node) => isInTestCode(node))).toEqual([true, true, false]);
  });
});

describe('isExportedHelper and routeOf', () => {
  it('knows exported helpers and the route a handler is registered for', () => {
    const code = "export function deny(res) { probeHere(); } export const no = () => probeHere(); function local() { probeHere(); } app.post('/account/delete', (req, res) => probeHere()); app.use((req, res) => probeHere());";
    expect(atProbes(code, (_c, _node, region) => isExportedHelper(region))).toEqual([true, true, false, false, false]);
    expect(atProbes(code, (_c, _node, region) => routeOf(region))).toEqual([null, null, null, '/account/delete', null]);
  });
});

describe('initializesVariable: the node itself is a variable\'s initializer', () => {
  it('through await and as, but not as part of a larger initializer', () => {
    const out: [string, boolean][] = [];
    probe(
      'async function h(req, res) { const a = res.json(1); const b = await res.json(2); const c = (await res.json(3)) as Reply; const d = wrap(res.json(4)); res.json(5); }',
      (context: Context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === 'MemberExpression') out.push([context.sourceCode.getText(node), initializesVariable(node)]);
        },
      }),
      { ts: true },
    );
    expect(out).toEqual([
      ['res.json(1)', true],
      ['res.json(2)', true],
      ['res.json(3)', true],
      ['res.json(4)', false],
      ['res.json(5)', false],
    ]);
  });
});
