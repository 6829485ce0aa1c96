import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { compiledClassCall, compiledClassMethod } from '../../src/model/compiled-classes.js';
import { probe } from '../helpers/probe.js';

/** For each `var X = …` declarator: the names of the instance and static methods its compiled class defines, or null. */
function classesOf(code: string, names: string[]): Record<string, { proto: string[]; statics: string[] } | null> {
  const out: Record<string, { proto: string[]; statics: string[] } | null> = {};
  probe(code, () => ({
    VariableDeclarator(node: TSESTree.VariableDeclarator) {
      if (node.id.type !== 'Identifier' || !node.init) return;
      const call = compiledClassCall(node.init);
      out[node.id.name] =
        call === null
          ? null
          : { proto: names.filter((n) => compiledClassMethod(call, n, false) !== null), statics: names.filter((n) => compiledClassMethod(call, n, true) !== null) };
    },
  }));
  return out;
}

describe('compiledClassCall / compiledClassMethod', () => {
  it("reads Babel's class output: the wrapper, the bare helper call and the runtime helper", () => {
    const code = `
var Store = /*#__PURE__*/function (_EventEmitter) {
  function Store() { _classCallCheck(this, Store); }
  _inherits(Store, _EventEmitter);
  return _createClass(Store, [{ key: "set", value: function set(k, v) { this.sync(); } }, { key: "sync", value: function sync() {} }], [{ key: "create", value: function create() { return new Store(); } }]);
}(EventEmitter);
var Plain = /*#__PURE__*/_createClass(function Plain() {}, [{ key: "get", value: function get(k) { return k; } }]);
var Runtime = /*#__PURE__*/function () {
  function Runtime() {}
  return (0, _createClass2["default"])(Runtime, [{ key: "run", value: function run() {} }]);
}();
var notAClass = function () { return make(Store, [{ key: "set", value: function set() {} }]); }();
var data = { key: "set", value: function set() {} };
`;
    expect(classesOf(code, ['set', 'sync', 'create', 'get', 'run'])).toEqual({
      Store: { proto: ['set', 'sync'], statics: ['create'] },
      Plain: { proto: ['get'], statics: [] },
      Runtime: { proto: ['run'], statics: [] },
      notAClass: null,
      data: null,
    });
  });
});
