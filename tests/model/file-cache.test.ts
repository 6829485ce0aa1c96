import { describe, expect, it } from 'vitest';
import { fileCache, perFile, perFileMap, perNode } from '../../src/model/file-cache.js';

/** A stand-in for a SourceCode: only its Program node (`ast`) keys the caches. */
const sourceOf = (name: string) => ({ ast: { type: 'Program', name } });

describe('perFile', () => {
  it('computes once per file and answers later asks of the same file from the cache', () => {
    const cache = fileCache<number>();
    const a = sourceOf('a');
    let computed = 0;
    const compute = () => ++computed;
    expect(perFile(cache, a, compute)).toBe(1);
    expect(perFile(cache, a, compute)).toBe(1);
    expect(perFile(cache, a, compute)).toBe(1);
    expect(computed).toBe(1);
  });

  it('never answers one file with another file’s answer, also when asks of two files interleave', () => {
    const cache = fileCache<string>();
    const a = sourceOf('a');
    const b = sourceOf('b');
    const computed: string[] = [];
    const answer = (s: { ast: { name: string } }) => () => {
      computed.push(s.ast.name);
      return `answer of ${s.ast.name}`;
    };
    expect(perFile(cache, a, answer(a))).toBe('answer of a');
    expect(perFile(cache, b, answer(b))).toBe('answer of b');
    // `a` again after `b` (a project file read while linting `a`): its own answer, not recomputed.
    expect(perFile(cache, a, answer(a))).toBe('answer of a');
    expect(perFile(cache, b, answer(b))).toBe('answer of b');
    expect(computed).toEqual(['a', 'b']);
  });

  it('keeps each file\'s answer when the computation of one asks about another file (a project module)', () => {
    const cache = fileCache<string>();
    const other = fileCache<number>();
    const a = sourceOf('a');
    const b = sourceOf('b');
    const answer = perFile(cache, a, () => {
      // While working out `a`'s answer, questions about `b` (same and other caches) are answered and kept for `b`.
      expect(perFile(cache, b, () => 'answer of b')).toBe('answer of b');
      expect(perFile(other, b, () => 2)).toBe(2);
      return 'answer of a';
    });
    expect(answer).toBe('answer of a');
    expect(perFile(cache, a, () => 'recomputed')).toBe('answer of a');
    expect(perFile(cache, b, () => 'recomputed')).toBe('answer of b');
    expect(perFile(other, b, () => 3)).toBe(2);
    expect(perFile(other, a, () => 1)).toBe(1);
  });

  it('keeps falsy answers (false, null, 0, undefined) as answers, not as misses', () => {
    for (const value of [false, null, 0, '', undefined]) {
      const cache = fileCache<unknown>();
      const a = sourceOf('a');
      const b = sourceOf('b');
      let computed = 0;
      const compute = () => {
        computed++;
        return value;
      };
      expect(perFile(cache, a, compute)).toBe(value);
      perFile(cache, b, () => 'other');
      expect(perFile(cache, a, compute)).toBe(value);
      expect(computed).toBe(1);
    }
  });

  it('keeps the answer keyed by the Program node, not by the SourceCode object (oxlint reuses one SourceCode)', () => {
    const cache = fileCache<string>();
    const shared: { ast: object } = { ast: { type: 'Program' } };
    expect(perFile(cache, shared, () => 'first file')).toBe('first file');
    shared.ast = { type: 'Program' };
    expect(perFile(cache, shared, () => 'second file')).toBe('second file');
  });
});

describe('perFileMap', () => {
  it('gives each file its own Map, the same one for every ask of that file', () => {
    const cache = fileCache<Map<string, number>>();
    const a = sourceOf('a');
    const b = sourceOf('b');
    const mapA = perFileMap(cache, a);
    mapA.set('x', 1);
    const mapB = perFileMap(cache, b);
    expect(mapB).not.toBe(mapA);
    expect(mapB.has('x')).toBe(false);
    expect(perFileMap(cache, a)).toBe(mapA);
    expect(perFileMap(cache, a).get('x')).toBe(1);
  });
});

describe('perNode', () => {
  it('computes an answer once per key of a file (null is an answer), apart for each file', () => {
    const cache = fileCache<Map<object, string | null>>();
    const a = sourceOf('a');
    const b = sourceOf('b');
    const node = { type: 'CallExpression' };
    const other = { type: 'CallExpression' };
    let computed = 0;
    const none = () => {
      computed++;
      return null;
    };
    expect(perNode(cache, a, node, none)).toBeNull();
    expect(perNode(cache, a, node, none)).toBeNull();
    expect(computed).toBe(1);
    expect(perNode(cache, a, other, () => 'other')).toBe('other');
    expect(perNode(cache, b, node, () => 'in b')).toBe('in b');
    expect(perNode(cache, a, node, () => 'recomputed')).toBeNull();
    expect(perFileMap(cache, a).size).toBe(2);
  });
});

