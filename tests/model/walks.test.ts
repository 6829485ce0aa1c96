import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { findInSameFunction, onlyCallsOf, someEnclosingStep, someInSameFunction } from '../../src/model/walks.js';
import { probe } from '../helpers/probe.js';

/** For each function declaration: the text of the first call named `hit…` in its own code, and whether there is one. */
function firstHits(code: string): [string, string | null, boolean][] {
  const out: [string, string | null, boolean][] = [];
  probe(code, (context: Context) => ({
    FunctionDeclaration(fn: TSESTree.FunctionDeclaration) {
      const isHit = (n: TSESTree.Node) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name.startsWith('hit');
      const found = findInSameFunction(fn.body, context.sourceCode.visitorKeys, isHit);
      out.push([fn.id!.name, found ? context.sourceCode.getText(found) : null, someInSameFunction(fn.body, context.sourceCode.visitorKeys, isHit)]);
    },
  }));
  return out;
}

describe('findInSameFunction / someInSameFunction', () => {
  it('finds the first matching node in source order, without entering nested functions', () => {
    expect(
      firstHits(`
        function a() { x(); if (y) { hitOne(1); } hitTwo(2); }
        function b() { run(() => hitInner()); const f = function () { hitInner(); }; }
        function c() { try { go(); } catch (e) { hitCatch(e); } }
      `),
    ).toEqual([
      ['a', 'hitOne(1)', true],
      ['b', null, false],
      ['c', 'hitCatch(e)', true],
    ]);
  });

  it('the root itself counts', () => {
    const seen: boolean[] = [];
    probe('hitRoot();', (context: Context) => ({
      CallExpression(call: TSESTree.CallExpression) {
        seen.push(someInSameFunction(call, context.sourceCode.visitorKeys, (n) => n === call));
      },
    }));
    expect(seen).toEqual([true]);
  });

  it('passes over what skip accepts, with everything inside it', () => {
    const out: [string, boolean][] = [];
    const isHit = (n: TSESTree.Node) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name.startsWith('hit');
    const isLog = (n: TSESTree.Node) => n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.object.name === 'log';
    probe(
      `
      function a() { log.error('failed', hitInsideLog()); }
      function b() { log.error('failed'); hitAfter(); }
      function c() { hitFirst(log.error('x')); }
    `,
      (context: Context) => ({
        FunctionDeclaration(fn: TSESTree.FunctionDeclaration) {
          out.push([fn.id!.name, someInSameFunction(fn.body, context.sourceCode.visitorKeys, isHit, isLog)]);
        },
      }),
    );
    expect(out).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
    ]);
  });
});

describe('onlyCallsOf', () => {
  it('only wanted and neutral calls, nothing built with new, at least one wanted call', () => {
    const out: [string, boolean][] = [];
    const name = (call: TSESTree.CallExpression) => (call.callee.type === 'Identifier' ? call.callee.name : '');
    probe(
      `
      function a() { rm(join(dir, 'x')); rm(tmp); }
      function b() { join(dir, 'x'); }
      function c() { rm(tmp); send(); }
      function d() { rm(tmp); new Thing(); }
      function e() { rm(tmp); later(() => send()); }
    `,
      (context: Context) => ({
        FunctionDeclaration(fn: TSESTree.FunctionDeclaration) {
          out.push([fn.id!.name, onlyCallsOf(fn.body, context.sourceCode.visitorKeys, (c) => name(c) === 'rm', (c) => name(c) === 'join' || name(c) === 'later')]);
        },
      }),
    );
    expect(out).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
      ['d', false],
      ['e', true],
    ]);
  });
});

describe('someEnclosingStep', () => {
  /** For each call `mark()`: whether it sits in the `else` of an `if`, up to its function or the stop statement labeled `stop`. */
  function inElse(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'mark') return;
        let stop: TSESTree.Node | undefined = node.parent;
        while (stop && stop.type !== 'LabeledStatement') stop = stop.parent;
        out.push(someEnclosingStep(node, stop, (ancestor, child) => ancestor.type === 'IfStatement' && ancestor.alternate === child));
      },
    }));
    return out;
  }

  it('walks up to the nearest function or the stop node, handing each ancestor the child it was reached from', () => {
    expect(
      inElse(`
        if (a) { x(); } else { mark(); }
        if (a) { mark(); } else { x(); }
        if (a) { x(); } else { run(() => { mark(); }); }
        if (a) { x(); } else { stop: { mark(); } }
        if (a) { x(); } else { stop: { if (b) { y(); } else { mark(); } } }
      `),
    ).toEqual([true, false, false, false, true]);
  });
});
