/** class-members.ts: which getter a `this.x` read runs, which class method a call names. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { classMethodOf, thisGetterOf } from '../../src/model/class-members.js';
import { probe } from '../helpers/probe.js';

const code = `
class Uploader {
  static shortenToken(token) { return token.substring(0, 8); }
  shortId() { return this.id.slice(0, 4); }
  get shortToken() { return Uploader.shortenToken(this.token); }
  set label(v) { this._label = v; }
  run() {
    log(this.shortToken, this.token, this.label, other.shortToken);
    log(Uploader.shortenToken(this.token), this.constructor.shortenToken(this.token), this.shortId(), Other.shortenToken(t), Uploader.shortId());
    function inner() { log(this.shortToken); }
  }
}
const Job = class { static mask(t) { return t.slice(0, 4); } go() { log(Job.mask(this.key)); } };
`;

/** For every argument of every `log(...)`: its text and what `fn` answers for it (the answer's first line). */
function answers(fn: (context: Parameters<Parameters<typeof probe>[1]>[0], arg: TSESTree.Node) => TSESTree.Node | null): [string, string | null][] {
  const out: [string, string | null][] = [];
  probe(code, (context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'log') return;
      for (const arg of node.arguments) {
        const found = fn(context, arg);
        out.push([context.sourceCode.getText(arg), found ? context.sourceCode.getText(found).split('\n')[0]! : null]);
      }
    },
  }));
  return out;
}

describe('thisGetterOf', () => {
  it('finds the getter of the enclosing class for this.x, nothing for fields, setters, other objects or a rebound this', () => {
    const got = answers((_context, arg) => (arg.type === 'MemberExpression' ? thisGetterOf(arg) : null));
    expect(got.slice(0, 4)).toEqual([
      ['this.shortToken', '() { return Uploader.shortenToken(this.token); }'],
      ['this.token', null],
      ['this.label', null],
      ['other.shortToken', null],
    ]);
    // function inner() { log(this.shortToken) }: `this` is not the instance there
    expect(got[9]).toEqual(['this.shortToken', null]);
  });
});

describe('classMethodOf', () => {
  it('resolves ClassName.m and this.constructor.m to static methods and this.m to an instance method, of classes in this file', () => {
    const got = answers((context, arg) => (arg.type === 'CallExpression' ? classMethodOf(context, arg.callee) : null));
    expect(got.slice(4, 9)).toEqual([
      ['Uploader.shortenToken(this.token)', '(token) { return token.substring(0, 8); }'],
      ['this.constructor.shortenToken(this.token)', '(token) { return token.substring(0, 8); }'],
      ['this.shortId()', '() { return this.id.slice(0, 4); }'],
      ['Other.shortenToken(t)', null],
      // an instance method is not a static one
      ['Uploader.shortId()', null],
    ]);
    expect(got[10]).toEqual(['Job.mask(this.key)', '(t) { return t.slice(0, 4); }']);
  });
});
