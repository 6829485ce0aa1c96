import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, getEnclosingFunction } from '../../src/model/ast.js';
import { callerLogsAround, callersLogAround, guardDenial, guardFlagReturn, handlerCallsOf, helperCallOutcome, inServerContext, isPlainResponse, isRejectionHelper, thrownValues, translatesOtherError } from '../../src/model/auth-responses.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('isPlainResponse', () => {
  it('a response call in a handler, not a stored value or a call outside handlers', () => {
    const results = probeCalls(
      "app.post('/login', (req, res) => { res.json({ ok: false }); res.status(200).send('x'); db.send(q); }); function helper(res) { res.json({}); } export async function POST() { const r = NextResponse.json({}); return NextResponse.redirect('/login'); }",
      (context, node) => isPlainResponse(context, node),
    );
    expect(callResult(results, 'res.json({ ok: false })')).toBe(true);
    expect(callResult(results, "res.status(200).send('x')")).toBe(true);
    expect(callResult(results, 'db.send(q)')).toBe(false);
    expect(callResult(results, 'res.json({})')).toBe(false);
    expect(callResult(results, 'NextResponse.json({})')).toBe(false);
    expect(callResult(results, "NextResponse.redirect('/login')")).toBe(true);
  });
});

describe('translatesOtherError', () => {
  function translates(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, () => ({
      'CallExpression[callee.name="deny"]'(node: TSESTree.CallExpression) {
        out.push(translatesOtherError(node, getEnclosingFunction(node)!));
      },
    }));
    return out;
  }
  it('a branch chosen by an error code that is not about auth', () => {
    expect(translates("function f(err) { if (err.code === 'EACCES') deny(); switch (err.name) { case 'ER_BAD_FIELD_ERROR': deny(); } }")).toEqual([true, true]);
  });
  it('not an auth error code, nor a non-code condition', () => {
    expect(translates("function f(err) { if (err.code === 'invalid_token') deny(); if (!req.user) deny(); switch (err.name) { case 'TokenExpiredError': deny(); } }")).toEqual([false, false, false]);
  });
});

describe('isRejectionHelper and helperCallOutcome', () => {
  const code = [
    'function deny(res) { res.status(403).end(); }',
    'function work(res) { doWork(); }',
    "app.get('/a', (req, res) => { deny(res); work(res); (() => res.sendStatus(401))(); });",
  ].join('\n');
  it('a same-file helper that always answers 403, called from a handler', () => {
    const results = probeCalls(code, (context, node) => helperCallOutcome(context, node)?.status ?? null);
    expect(callResult(results, 'deny(res)')).toBe(403);
    expect(callResult(results, 'work(res)')).toBe(null);
    expect(callResult(results, '(() => res.sendStatus(401))()')).toBe(null);
  });
  it('the helper is a rejection helper; the handler is not', () => {
    const out: boolean[] = [];
    probe(code, (context: Context) => ({
      ':function'(fn: AnyFunction) {
        out.push(isRejectionHelper(context, fn));
      },
    }));
    expect(out).toEqual([true, false, false, false]);
  });
});

describe('inServerContext and guardDenial', () => {
  it('handlers and Nest classes are server context; plain functions are not', () => {
    const results = probeCalls(
      "import { Injectable } from '@nestjs/common'; @Injectable() class S { run() { probeA(); } } app.get('/', (req, res) => probeB()); function plain() { probeC(); }",
      (context, node) => {
        const where = inServerContext(context, node);
        return where === 'nest' ? 'nest' : where ? 'handler' : null;
      },
      { ts: true },
    );
    expect(callResult(results, 'probeA()')).toBe('nest');
    expect(callResult(results, 'probeB()')).toBe('handler');
    expect(callResult(results, 'probeC()')).toBe(null);
  });

  it('return false from canActivate of a guard is a denial', () => {
    const out: (string | null)[] = [];
    probe(
      "import { Injectable, CanActivate } from '@nestjs/common'; @Injectable() class G implements CanActivate { canActivate(ctx: any) { if (!ok) return false; return true; } other() { return false; } }",
      (context: Context) => ({
        ReturnStatement(node: TSESTree.ReturnStatement) {
          out.push(guardDenial(context, node)?.kind ?? null);
        },
      }),
      { ts: true },
    );
    expect(out).toEqual(['guard', null, null]);
  });

  it('canActivate returning a property read of the caller is a flag return; computed answers, the user itself and super are not (issue 18)', () => {
    const out: (string | null)[] = [];
    probe(
      `import { Injectable, CanActivate } from '@nestjs/common';
       @Injectable() class G implements CanActivate {
         canActivate(ctx: any) {
           const request = ctx.switchToHttp().getRequest();
           if (a) return request.user.admin;
           if (b) return !!request.user.isAdmin;
           if (c) return Boolean(request.user.isStaff);
           if (d) return request.user;
           if (e) return roles.some((r) => request.user.roles.includes(r));
           return super.canActivate;
         }
         other(request: any) { return request.user.admin; }
       }`,
      (context: Context) => ({
        ReturnStatement(node: TSESTree.ReturnStatement) {
          const flag = guardFlagReturn(context, node);
          out.push(flag ? context.sourceCode.getText(flag.value) : null);
        },
      }),
      { ts: true },
    );
    expect(out).toEqual(['request.user.admin', 'request.user.isAdmin', 'request.user.isStaff', null, null, null, null]);
  });
});

describe('thrownValues', () => {
  it('both sides of || and both branches of ?:', () => {
    const out: string[][] = [];
    probe('function f() { throw a || (b ? c : d); } function g() { throw e; }', (context: Context) => ({
      ThrowStatement(node: TSESTree.ThrowStatement) {
        out.push(thrownValues(node.argument).map((n) => context.sourceCode.getText(n)));
      },
    }));
    expect(out).toEqual([['a', 'c', 'd'], ['e']]);
  });
});

describe('handlerCallsOf', () => {
  function callsPerFunction(code: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    probe(code, (context: Context) => ({
      ':function'(fn: AnyFunction) {
        const name = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id?.name : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? (fn.parent.id as TSESTree.Identifier).name : null;
        if (name) out[name] = handlerCallsOf(context, fn).map((call) => context.sourceCode.getText(call));
      },
    }), { ts: true });
    return out;
  }
  it('the calls by name of a same-file helper made in a handler or a Nest class', () => {
    const code = [
      'function assertAdmin(user) { if (!user.isAdmin) throw new ForbiddenError(); }',
      'const requireOwner = (req, res, doc) => doc.ownerId === req.user.id;',
      "router.get('/a', (req, res) => { assertAdmin(req.user); requireOwner(req, res, doc); });",
      '@Controller() class Users { @Get() list(@Req() req) { assertAdmin(req.user); } }',
    ].join('\n');
    const calls = callsPerFunction(code);
    expect(calls['assertAdmin']).toEqual(['assertAdmin(req.user)', 'assertAdmin(req.user)']);
    expect(calls['requireOwner']).toEqual(['requireOwner(req, res, doc)']);
  });
  it('none for a helper called outside handlers, passed as a value, or calling itself', () => {
    const code = [
      'function assertAdmin(user) { if (!user.isAdmin) throw new ForbiddenError(); }',
      'function walk(node) { if (!node) throw new ForbiddenError(); walk(node.next); }',
      'export async function runMigration(user) { assertAdmin(user); walk(user); }',
      "router.get('/b', (req, res) => { [req.user].forEach(assertAdmin); });",
    ].join('\n');
    const calls = callsPerFunction(code);
    expect(calls['assertAdmin']).toEqual([]);
    expect(calls['walk']).toEqual([]);
  });
});

describe('handlerCallsOf through other helpers', () => {
  function callsOf(code: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    probe(code, (context: Context) => ({
      FunctionDeclaration(fn: TSESTree.FunctionDeclaration) {
        if (fn.id) out[fn.id.name] = handlerCallsOf(context, fn).map((call) => context.sourceCode.getText(call));
      },
    }));
    return out;
  }
  it('a helper called by a helper (or two) that a handler calls', () => {
    const code = [
      'function checkRole(user, role) { if (!user.roles.includes(role)) throw new ForbiddenError(); }',
      "function assertAdmin(user) { checkRole(user, 'admin'); }",
      'function assertSuperAdmin(user) { assertAdmin(user); checkRole(user, "super"); }',
      "router.delete('/users/:id', (req, res) => { assertSuperAdmin(req.user); res.end(); });",
    ].join('\n');
    const calls = callsOf(code);
    expect(calls['checkRole']).toEqual(["checkRole(user, 'admin')", 'checkRole(user, "super")']);
    expect(calls['assertAdmin']).toEqual(['assertAdmin(user)']);
    expect(calls['assertSuperAdmin']).toEqual(['assertSuperAdmin(req.user)']);
  });
  it('no handler at the end of the chain, a chain deeper than three helpers, or a cycle only', () => {
    const code = [
      'function a(u) { if (!u.ok) throw new ForbiddenError(); }',
      'function b(u) { a(u); }',
      'function c(u) { b(u); }',
      'function d(u) { c(u); }',
      "router.get('/x', (req, res) => { d(req.user); });",
      'function ping(u) { if (!u.ok) throw new ForbiddenError(); pong(u); }',
      'function pong(u) { ping(u); }',
      'export function script(u) { pong(u); }',
    ].join('\n');
    const calls = callsOf(code);
    expect(calls['a']).toEqual([]);
    expect(calls['c']).toEqual(['c(u)']);
    expect(calls['ping']).toEqual([]);
    expect(calls['pong']).toEqual([]);
  });
});

describe('callersLogAround', () => {
  function logged(code: string): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    probe(code, (context: Context) => ({
      FunctionDeclaration(fn: TSESTree.FunctionDeclaration) {
        const isLog = (call: TSESTree.CallExpression) => context.sourceCode.getText(call.callee) === 'logger.warn';
        if (fn.id) out[fn.id.name] = callersLogAround(context, fn, isLog);
      },
    }));
    return out;
  }
  it('every chain to a handler logs around a call on the way', () => {
    const code = [
      'function checkRole(user, role) { if (!user.roles.includes(role)) throw new ForbiddenError(); }',
      "function assertAdmin(user) { checkRole(user, 'admin'); }",
      "router.delete('/users/:id', (req, res) => { try { assertAdmin(req.user); } catch (e) { logger.warn(e); throw e; } res.end(); });",
      'function checkTeam(user, team) { if (!team.has(user)) throw new ForbiddenError(); }',
      'function assertMember(user, team) { try { checkTeam(user, team); } catch (e) { logger.warn(e); throw e; } }',
      "router.get('/teams/:id', (req, res) => { assertMember(req.user, req.team); res.end(); });",
      'function checkPlan(user) { if (!user.paid) throw new ForbiddenError(); }',
      'function assertPaid(user) { checkPlan(user); }',
      "router.get('/pro', (req, res) => { assertPaid(req.user); res.end(); });",
    ].join('\n');
    expect(logged(code)).toMatchObject({ checkRole: true, checkTeam: true, checkPlan: false, assertPaid: false });
  });
});

describe('callerLogsAround', () => {
  function logs(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context: Context) => ({
      'CallExpression[callee.name="check"]'(node: TSESTree.CallExpression) {
        const isLog = (call: TSESTree.CallExpression) => context.sourceCode.getText(call.callee) === 'logger.warn';
        out.push(callerLogsAround(node, isLog, context.sourceCode.visitorKeys));
      },
    }));
    return out;
  }
  it('a catch around the call that logs, or a branch on its result that logs', () => {
    expect(logs('function h() { try { check(); } catch (e) { logger.warn(e); throw e; } if (!check()) { logger.warn("no"); return; } }')).toEqual([true, true]);
  });
  it('not a catch or branch without a log, nor a log in the try itself or in a nested function', () => {
    expect(logs('function h() { try { check(); logger.warn("x"); } catch (e) { throw e; } if (!check()) return; try { check(); } catch (e) { setTimeout(() => logger.warn(e)); } }')).toEqual([false, false, false]);
  });
});
