import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { downlevelOptionalAccess, skipDownlevel } from '../../src/model/downlevel.js';
import { probeCalls } from '../helpers/probe.js';

/** The source text `skipDownlevel` reads the first argument of every `p(…)` call as, by call text. */
function readAs(code: string): (text: string) => string {
  const results = probeCalls(code, (context, node) => {
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'p' || !node.arguments[0]) return null;
    const arg = node.arguments[0] as TSESTree.Node;
    return { value: context.sourceCode.getText(skipDownlevel(arg)), compiled: downlevelOptionalAccess(arg) !== null };
  });
  return (text: string) => {
    for (const [key, value] of results) if (key === text) return (value as { value: string }).value;
    throw new Error(`no call ${text}`);
  };
}

describe('skipDownlevel: the compiled forms of ?. and ?? read as their source', () => {
  it("reads TypeScript's and Babel's optional access as the access, and a temporary as what it holds", () => {
    const read = readAs(`var _a, _b, _c, _req$locals;
p((_b = (_a = request.locals) === null || _a === void 0 ? void 0 : _a.user) === null || _b === void 0 ? void 0 : _b.id);
p((_req$locals = req.locals) == null ? void 0 : _req$locals.user);
p(user === null || user === void 0 ? void 0 : user.uuid);
p((_c = req.body) !== null && _c !== void 0 ? _c : {});`);
    expect(read('p((_b = (_a = request.locals) === null || _a === void 0 ? void 0 : _a.user) === null || _b === void 0 ? void 0 : _b.id)')).toBe('_b.id');
    expect(read('p((_req$locals = req.locals) == null ? void 0 : _req$locals.user)')).toBe('_req$locals.user');
    expect(read('p(user === null || user === void 0 ? void 0 : user.uuid)')).toBe('user.uuid');
    // `??` keeps both sides: it is no single value.
    expect(read('p((_c = req.body) !== null && _c !== void 0 ? _c : {})')).toBe('(_c = req.body) !== null && _c !== void 0 ? _c : {}');
  });

  it('leaves ordinary ternaries alone', () => {
    const read = readAs(`p(a ? void 0 : a.b); p(x === null ? y : x.b); p(x === null || x === void 0 ? void 0 : y.b);`);
    expect(read('p(a ? void 0 : a.b)')).toBe('a ? void 0 : a.b');
    expect(read('p(x === null ? y : x.b)')).toBe('x === null ? y : x.b');
    expect(read('p(x === null || x === void 0 ? void 0 : y.b)')).toBe('x === null || x === void 0 ? void 0 : y.b');
  });
});
