/** src/model/nest.ts: NestJS classes in TypeScript source and as TypeScript compiles them. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { disabledNestLogger, isCompiledNestClass, isNestClass } from '../../src/model/nest.js';
import { probe } from '../helpers/probe.js';

/** `source` / `compiled` / `none` for each class of the file, in source order. */
function classes(code: string, ts = false): string[] {
  const out: string[] = [];
  const visit = (context: Context) => (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression) => {
    out.push(isNestClass(context, node) ? 'source' : isCompiledNestClass(context, node) ? 'compiled' : 'none');
  };
  probe(code, (context: Context) => ({ ClassDeclaration: visit(context), ClassExpression: visit(context) }), { ts });
  return out;
}

describe('isCompiledNestClass', () => {
  it('reads the decorators TypeScript applies with __decorate to the class binding', () => {
    const compiled = [
      'const common_1 = require("@nestjs/common");',
      'let AuthService = class AuthService {};',
      'exports.AuthService = AuthService = __decorate([(0, common_1.Injectable)(), __metadata("design:paramtypes", [])], AuthService);',
    ].join('\n');
    expect(classes(compiled)).toEqual(['compiled']);
    // ES module output, tslib's helper
    expect(classes("import { Injectable } from '@nestjs/common';\nlet AdminGuard = class AdminGuard {};\nAdminGuard = tslib_1.__decorate([Injectable()], AdminGuard);")).toEqual(['compiled']);
  });

  it('not without a Nest decorator, a Nest import, or for another class', () => {
    expect(classes('const common_1 = require("@nestjs/common");\nclass Helper {}\nexports.Helper = Helper;')).toEqual(['none']);
    expect(classes('let Svc = class Svc {};\nSvc = __decorate([(0, di_1.Injectable)()], Svc);')).toEqual(['none']);
    expect(classes('const common_1 = require("@nestjs/common");\nlet A = class A {};\nlet B = class B {};\nB = __decorate([(0, common_1.Injectable)()], B);')).toEqual(['none', 'compiled']);
    // a method decorator names the prototype, not the class
    expect(classes('const common_1 = require("@nestjs/common");\nlet C = class C { m() {} };\n__decorate([(0, common_1.Get)()], C.prototype, "m", null);')).toEqual(['none']);
  });

  it('a decorated TypeScript class is a Nest class in source', () => {
    expect(classes("import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class S {}", true)).toEqual(['source']);
  });
});

describe('disabledNestLogger', () => {
  /** The text of the `logger` property each NestFactory call turns the logger off with, else null. */
  function loggerOff(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    probe(code, (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (/NestFactory/u.test(context.sourceCode.getText(node.callee))) out.push(disabledNestLogger(context, node) ? context.sourceCode.getText(disabledNestLogger(context, node)!) : null);
      },
    }));
    return out;
  }
  it.each([
    ['NestFactory.create(AppModule, { logger: false })', 'logger: false'],
    ['core_1.NestFactory.create(AppModule, adapter, { logger: debug ? new Logger() : false })', 'logger: debug ? new Logger() : false'],
    ["NestFactory.create(AppModule, { logger: ['warn'] })", "logger: ['warn']"],
    ["NestFactory.create(AppModule, { logger: process.env.NODE_ENV === 'production' ? false : undefined })", "logger: process.env.NODE_ENV === 'production' ? false : undefined"],
    ["NestFactory.create(AppModule, { logger: ['error', 'warn'] })", null],
    ['NestFactory.create(AppModule, { logger: new Logger() })', null],
    ["NestFactory.create(AppModule, { logger: process.env.NODE_ENV === 'test' ? false : undefined })", null],
    ['NestFactory.createApplicationContext(AppModule, { logger: false })', null],
    ['NestFactory.create(AppModule, { logger: false }); app.useLogger(logger)', null],
  ])('%s → %j', (code, expected) => {
    expect(loggerOff(code)[0]).toBe(expected);
  });
});
