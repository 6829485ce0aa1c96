import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { injectedCall } from '../../src/model/injected-services.js';
import { probe } from '../helpers/probe.js';

/** What `injectedCall` answers for each call of `code`, as `callee text → class text.method` (or null). */
function answers(code: string, ts = false): Record<string, string | null> {
  const found: Record<string, string | null> = {};
  probe(
    code,
    (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const callee = context.sourceCode.getText(node.callee);
        if (!callee.startsWith('this.')) return;
        const answer = injectedCall(node);
        found[callee] = answer === null ? null : `${context.sourceCode.getText(answer.type)}.${answer.method}`;
      },
    }),
    { ts, sourceType: 'commonjs' },
  );
  return found;
}

describe('injectedCall', () => {
  it("reads TypeScript's emitted design:paramtypes for a field the constructor keeps from a parameter", () => {
    const code = `let Manager = class Manager {
  constructor(logger, cache, options) {
    this.logger = logger;
    this.cache = cache;
    this.options = options;
    this.local = new Map();
  }
  run() {
    this.cache.refreshAll();
    this.local.clear();
    this.options.get();
    this.helper();
  }
};
exports.Manager = Manager = __decorate([(0, di_1.Service)(), __metadata("design:paramtypes", [backend_1.Logger, cache_1.SecretsCache, Object])], Manager);`;
    // `Object` (an interface's emitted type) is named too: it is no import of the project, so nothing is read for it
    expect(answers(code)).toEqual({ 'this.cache.refreshAll': 'cache_1.SecretsCache.refreshAll', 'this.local.clear': null, 'this.options.get': 'Object.get', 'this.helper': null });
  });

  it('reads a parameter property or an annotated parameter in TypeScript source', () => {
    const code = `class Manager {
  private other: Other;
  constructor(private readonly cache: SecretsCache, other: Other, private readonly repo: Repository<User>) {
    this.other = other;
  }
  run() {
    this.cache.refreshAll();
    this.other.work();
    this.repo.find();
  }
}`;
    expect(answers(code, true)).toEqual({ 'this.cache.refreshAll': 'SecretsCache.refreshAll', 'this.other.work': 'Other.work', 'this.repo.find': 'Repository.find' });
  });

  it('answers null without a constructor or metadata naming the field', () => {
    const code = `class Manager {
  constructor(cache) {
    this.cache = cache;
  }
  run() {
    this.cache.refreshAll();
  }
}`;
    expect(answers(code)).toEqual({ 'this.cache.refreshAll': null });
  });
});
