/**
 * src/model/decorators.ts: class, method and parameter decorators, in TypeScript source and as
 * TypeScript compiles them (`__decorate([...], X.prototype, "m", null)`, `__param(i, …)`), and the
 * checks that read them (Nest handlers, exception filters, scheduled methods, request input,
 * type-graphql resolvers).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { getBackgroundRegistration } from '../../src/model/background.js';
import { classDecorators, decoratorName, methodDecorators, parameterDecorators } from '../../src/model/decorators.js';
import { getCaughtExceptionTypes } from '../../src/model/exception-filters.js';
import { getHandlerInfo } from '../../src/model/handlers.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import { probe } from '../helpers/probe.js';

const HELPERS = [
  '"use strict";',
  'var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return target; };',
  'var __metadata = (this && this.__metadata) || function (k, v) {};',
  'var __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };',
].join('\n');

/** Per method `Class.method`: its decorator names, and per parameter `Class.method#i` the parameter's. */
function decoratorsByMember(code: string, ts = false): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const names = (list: TSESTree.Node[]) => list.map((d) => decoratorName(d) ?? '?');
  probe(
    code,
    () => ({
      MethodDefinition(node: TSESTree.MethodDefinition) {
        const fn = node.value;
        if (fn.type !== 'FunctionExpression') return;
        const cls = node.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
        const className = cls.id?.name ?? '?';
        const key = `${className}.${node.key.type === 'Identifier' ? node.key.name : '?'}`;
        out[className] = names(classDecorators(cls));
        out[key] = names(methodDecorators(node));
        fn.params.forEach((_, i) => {
          const list = parameterDecorators(fn, i);
          if (list.length > 0) out[`${key}#${i}`] = names(list);
        });
      },
    }),
    { ts },
  );
  return out;
}

describe('decorators as TypeScript compiles them', () => {
  it('reads class, method and parameter decorators from __decorate statements (Nest controller)', () => {
    const code = [
      HELPERS,
      'const common_1 = require("@nestjs/common");',
      'let AuthController = class AuthController {',
      '    constructor(authService) { this.authService = authService; }',
      '    signIn(body) { return this.authService.signIn(body.username, body.password); }',
      '    profile(req) { return req.user; }',
      '};',
      'exports.AuthController = AuthController;',
      '__decorate([',
      "    (0, common_1.Post)('login'),",
      '    __param(0, (0, common_1.Body)()),',
      '    __metadata("design:type", Function),',
      '    __metadata("design:paramtypes", [Object]),',
      '], AuthController.prototype, "signIn", null);',
      "__decorate([(0, common_1.Get)('profile'), __param(0, (0, common_1.Req)())], AuthController.prototype, \"profile\", null);",
      "exports.AuthController = AuthController = __decorate([(0, common_1.Controller)('auth'), __metadata(\"design:paramtypes\", [Object])], AuthController);",
    ].join('\n');
    const found = decoratorsByMember(code);
    expect(found['AuthController']).toEqual(['Controller', '__metadata']);
    expect(found['AuthController.signIn']).toEqual(['Post']);
    expect(found['AuthController.signIn#0']).toEqual(['Body']);
    expect(found['AuthController.profile']).toEqual(['Get']);
    expect(found['AuthController.profile#0']).toEqual(['Req']);
    expect(found['AuthController.constructor']).toEqual([]);
  });

  it("SWC's helpers (`_ts_decorate`, `_ts_param`, `_ts_metadata`) read as TypeScript's, in an ES module", () => {
    const code = [
      'function _ts_decorate(decorators, target, key, desc) { return target; }',
      'function _ts_metadata(k, v) {}',
      'function _ts_param(paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); }; }',
      'import { Catch, Controller, Get, Param } from "@nestjs/common";',
      'export class OAuthController { authorize(serverId, req) {} }',
      '_ts_decorate([Get(":serverId/authorize"), _ts_param(0, Param("serverId")), _ts_metadata("design:type", Function)], OAuthController.prototype, "authorize", null);',
      'OAuthController = _ts_decorate([Controller("oauth")], OAuthController);',
      'export class AllExceptionsFilter { catch(exception, host) {} }',
      'AllExceptionsFilter = _ts_decorate([Catch()], AllExceptionsFilter);',
    ].join('\n');
    const found = decoratorsByMember(code);
    expect(found['OAuthController']).toEqual(['Controller']);
    expect(found['OAuthController.authorize']).toEqual(['Get']);
    expect(found['OAuthController.authorize#0']).toEqual(['Param']);
    expect(found['AllExceptionsFilter']).toEqual(['Catch']);
    // Without the helper in the file, a function merely named like a decorator call is not read.
    expect(decoratorsByMember('export class A { m() {} }\nA = decorateAll([Catch()], A);\n')['A']).toEqual([]);
  });

  it('tslib helpers, `let X = X_1 = class X`, static members and a class built inside a function', () => {
    const code = [
      'const tslib_1 = require("tslib");',
      'var Jobs_1;',
      'let Jobs = Jobs_1 = class Jobs { run() {} static make() {} };',
      'tslib_1.__decorate([(0, schedule_1.Cron)("0 * * * *")], Jobs.prototype, "run", null);',
      'tslib_1.__decorate([(0, x_1.Memo)()], Jobs, "make", null);',
      'Jobs = Jobs_1 = tslib_1.__decorate([(0, common_1.Injectable)()], Jobs);',
      'function mixin() {',
      '  let Inner = class Inner { go() {} };',
      '  tslib_1.__decorate([(0, common_1.Get)()], Inner.prototype, "go", null);',
      '  return Inner;',
      '}',
    ].join('\n');
    const found = decoratorsByMember(code);
    expect(found['Jobs']).toEqual(['Injectable']);
    expect(found['Jobs.run']).toEqual(['Cron']);
    expect(found['Jobs.make']).toEqual(['Memo']);
    expect(found['Inner.go']).toEqual(['Get']);
  });

  it('not for another class, another member, or a file without the helper', () => {
    const code = [
      HELPERS,
      'let A = class A { m() {} n() {} };',
      'let B = class B { m() {} };',
      '__decorate([(0, common_1.Post)()], B.prototype, "m", null);',
    ].join('\n');
    const found = decoratorsByMember(code);
    expect(found['A.m']).toEqual([]);
    expect(found['A.n']).toEqual([]);
    expect(found['B.m']).toEqual(['Post']);
    // a plain call that happens to be named decorate, in a file without TypeScript's helper
    expect(decoratorsByMember('class C { m() {} }\ndecorate([Post()], C.prototype, "m");')['C.m']).toEqual([]);
  });

  it('source decorators are read as before', () => {
    const code = "@Controller('a')\nclass S { @Post('x') m(@Body() b: unknown, plain: string) { return b; } }";
    const found = decoratorsByMember(code, true);
    expect(found['S']).toEqual(['Controller']);
    expect(found['S.m']).toEqual(['Post']);
    expect(found['S.m#0']).toEqual(['Body']);
    expect(found['S.m#1']).toBeUndefined();
  });
});

/** What each shared check answers for every method of compiled code. */
function checks(code: string): Record<string, string> {
  const out: Record<string, string> = {};
  probe(code, (context: Context) => ({
    MethodDefinition(node: TSESTree.MethodDefinition) {
      const fn = node.value;
      if (fn.type !== 'FunctionExpression') return;
      const name = node.key.type === 'Identifier' ? node.key.name : '?';
      const handler = getHandlerInfo(context, fn);
      const caught = getCaughtExceptionTypes(fn);
      const scheduled = getBackgroundRegistration(context, fn);
      out[name] = [handler ? `${handler.framework}:${handler.kind}` : 'none', caught ? `catch(${caught.join(',')})` : '', scheduled ? scheduled.api : '']
        .filter(Boolean)
        .join(' ');
    },
  }));
  return out;
}

describe('shared checks on compiled decorators', () => {
  it('Nest route, resolver and exception filter', () => {
    const code = [
      HELPERS,
      'const common_1 = require("@nestjs/common");',
      'const graphql_1 = require("@nestjs/graphql");',
      'let Ctl = class Ctl { login(body) { return body; } helper() {} };',
      "__decorate([(0, common_1.Post)('login'), __param(0, (0, common_1.Body)())], Ctl.prototype, \"login\", null);",
      "Ctl = __decorate([(0, common_1.Controller)('auth')], Ctl);",
      'let Res = class Res { me(ctx) { return ctx.user; } };',
      '__decorate([(0, graphql_1.Query)(), __param(0, (0, common_1.Ctx)())], Res.prototype, "me", null);',
      'Res = __decorate([(0, graphql_1.Resolver)()], Res);',
      'let Filter = class Filter { catch(exception, host) { host.switchToHttp().getResponse().status(500).json({}); } };',
      'Filter = __decorate([(0, common_1.Catch)(common_1.HttpException)], Filter);',
    ].join('\n');
    expect(checks(code)).toEqual({ login: 'nest:route', helper: 'none', me: 'nest:resolver', catch: 'nest:filter catch(common_1.HttpException)' });
  });

  it('a Nest route decorator on a class that is not a controller is no route', () => {
    const code = [HELPERS, 'let S = class S { m() {} };', '__decorate([(0, common_1.Post)()], S.prototype, "m", null);', 'S = __decorate([(0, common_1.Injectable)()], S);'].join('\n');
    expect(checks(code)).toEqual({ m: 'none' });
  });

  it('@Cron / @Interval of @nestjs/schedule', () => {
    const code = [
      HELPERS,
      'let Jobs = class Jobs { async sweep() { await this.repo.clean(); } other() {} };',
      "__decorate([(0, schedule_1.Cron)('0 0 * * *'), __metadata(\"design:type\", Function)], Jobs.prototype, \"sweep\", null);",
      'Jobs = __decorate([(0, common_1.Injectable)()], Jobs);',
    ].join('\n');
    expect(checks(code)).toEqual({ sweep: 'none @Cron()', other: 'none' });
  });

  it('type-graphql resolver method', () => {
    const code = [
      HELPERS,
      'const type_graphql_1 = require("type-graphql");',
      'let PostResolver = class PostResolver { deletePost(id, ctx) { return ctx.db.remove(id); } };',
      '__decorate([(0, type_graphql_1.Mutation)(() => Boolean), __param(0, (0, type_graphql_1.Arg)("id")), __param(1, (0, type_graphql_1.Ctx)())], PostResolver.prototype, "deletePost", null);',
      'PostResolver = __decorate([(0, type_graphql_1.Resolver)()], PostResolver);',
    ].join('\n');
    expect(checks(code)).toEqual({ deletePost: 'graphql:resolver' });
  });
});

describe('request input through compiled parameter decorators', () => {
  it('__param(i, Body/Query/Param) binds request input; an undecorated parameter does not', () => {
    const results = new Map<string, string | null>();
    const code = [
      HELPERS,
      'const common_1 = require("@nestjs/common");',
      'let Ctl = class Ctl {',
      '  find(q, id, other) { check(q); check(id); check(other); }',
      '  join(client, data) { check(data); }',
      '};',
      "__decorate([(0, common_1.Get)(':id'), __param(0, (0, common_1.Query)('q')), __param(1, (0, common_1.Param)('id', common_1.ParseIntPipe))], Ctl.prototype, \"find\", null);",
      "__decorate([(0, websockets_1.SubscribeMessage)('join')], Ctl.prototype, \"join\", null);",
      "Ctl = __decorate([(0, common_1.Controller)('items')], Ctl);",
    ].join('\n');
    probe(code, (context: Context) => {
      const tracker = createRequestInputTracker(context);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'check' || !node.arguments[0]) return;
          const r = tracker.classify(node.arguments[0]);
          results.set(context.sourceCode.getText(node.arguments[0]), r ? `${r.kind}:${r.origin}` : null);
        },
      };
    });
    expect(Object.fromEntries(results)).toEqual({ q: 'value:query', id: null, other: null, data: 'value:message' });
  });
});

describe('decorators as SWC and esbuild compile them', () => {
  it("reads SWC's `_ts_decorate` / `_ts_param` / `_ts_metadata` (a Nest filter and controller built with the SWC builder)", () => {
    const code = [
      'function _ts_decorate(decorators, target, key, desc) { return target; }',
      'function _ts_metadata(k, v) {}',
      'function _ts_param(paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); }; }',
      'import { Body, Catch, Controller, Post } from "@nestjs/common";',
      'export class AllExceptionsFilter { catch(exception, host) {} }',
      'AllExceptionsFilter = _ts_decorate([Catch()], AllExceptionsFilter);',
      'export class AuthController { signIn(body) { return body; } }',
      '_ts_decorate([Post("login"), _ts_param(0, Body()), _ts_metadata("design:type", Function)], AuthController.prototype, "signIn", null);',
      'AuthController = _ts_decorate([Controller("auth")], AuthController);',
    ].join('\n');
    const found = decoratorsByMember(code);
    expect(found['AllExceptionsFilter']).toEqual(['Catch']);
    expect(found['AuthController']).toEqual(['Controller']);
    expect(found['AuthController.signIn']).toEqual(['Post']);
    expect(found['AuthController.signIn#0']).toEqual(['Body']);
  });

  it("reads esbuild's `__decorateClass` / `__decorateParam`", () => {
    const code = [
      'var __decorateClass = (decorators, target, key, kind) => target;',
      'var __decorateParam = (index, decorator) => (target, key) => decorator(target, key, index);',
      'let UsersController = class UsersController { find(id) { return id; } };',
      '__decorateClass([Get(":id"), __decorateParam(0, Param("id"))], UsersController.prototype, "find", 1);',
      'UsersController = __decorateClass([Controller("users")], UsersController);',
    ].join('\n');
    const found = decoratorsByMember(code);
    expect(found['UsersController.find']).toEqual(['Get']);
    expect(found['UsersController.find#0']).toEqual(['Param']);
  });

  it('not a plain function of the same shape in a file without any decorate helper', () => {
    expect(decoratorsByMember('class C { m() {} }\ndecorateClass([Post()], C.prototype, "m");')['C.m']).toEqual([]);
  });
});
