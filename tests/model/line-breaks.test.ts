import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isLineSafePattern, splitsOnLineBreaks, stripsLineBreaks } from '../../src/model/line-breaks.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('stripsLineBreaks', () => {
  const found = probeCalls(
    `
    a.replace(/[\\r\\n]+/g, ' ');
    b.replace(/\\s/g, '');
    c.replace(/[^\\w]/g, '');
    d.replaceAll('\\n', '');
    e.replace(/[\\r\\n]/, '');
    f.replace(/</g, '&lt;');
    g.replace('\\n', '');
  `,
    (_context, node) => {
      const callee = node.callee as TSESTree.MemberExpression;
      return stripsLineBreaks(node, (callee.property as TSESTree.Identifier).name);
    },
  );
  it.each(["a.replace(/[\\r\\n]+/g, ' ')", "b.replace(/\\s/g, '')", "c.replace(/[^\\w]/g, '')", "d.replaceAll('\\n', '')"])('%s strips line breaks', (text) => {
    expect(callResult(found, text)).toBe(true);
  });
  it.each(["e.replace(/[\\r\\n]/, '')", "f.replace(/</g, '&lt;')", "g.replace('\\n', '')"])('%s leaves some', (text) => {
    expect(callResult(found, text)).toBe(false);
  });
});

describe('splitsOnLineBreaks', () => {
  const found = probeCalls("a.split(/\\r?\\n/); b.split('\\n'); c.split(','); d.split(/\\s*,\\s*/)", (_context, node) => splitsOnLineBreaks(node));
  it('splits on a line feed', () => {
    expect(callResult(found, 'a.split(/\\r?\\n/)')).toBe(true);
    expect(callResult(found, "b.split('\\n')")).toBe(true);
  });
  it('other separators do not', () => {
    expect(callResult(found, "c.split(',')")).toBe(false);
    expect(callResult(found, 'd.split(/\\s*,\\s*/)')).toBe(false);
  });
});

describe('isLineSafePattern', () => {
  /** isLineSafePattern of the receiver of every `.test(…)`. */
  function safe(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context) => ({
      'CallExpression[callee.property.name="test"]'(node: TSESTree.CallExpression) {
        out.push(isLineSafePattern(context, (node.callee as TSESTree.MemberExpression).object));
      },
    }));
    return out;
  }
  it('anchored patterns without alternation or classes that admit CR/LF, also through a const', () => {
    expect(safe("const SLUG = /^[a-z0-9-]+$/; /^[\\w.-]{1,64}$/.test(x); SLUG.test(y); new RegExp('^[0-9]+$').test(z);")).toEqual([true, true, true]);
  });
  it('unanchored, multiline, \\s, negated classes, alternation and dotAll patterns are not', () => {
    expect(safe('/[a-z]+/.test(a); /^[a-z]+$/m.test(b); /^\\s+$/.test(c); /^[^<>]+$/.test(d); /^a$|^b$/.test(e); /^.+$/s.test(f); let p = /^a$/; p = /x/; p.test(g);')).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
