import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getLogFieldKeys, missingLogFields } from '../../src/model/log-fields.js';
import { bindsIdentity, fileHasRequestLogger, identityStoringStep, isIdentityAssignment, isIdentityCustomProps } from '../../src/model/identity-binding.js';
import { getEnclosingFunction } from '../../src/model/ast.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

function keysOf(code: string, options: ProbeOptions = {}): Map<string, string[] | 'unknown'> {
  return probeCalls(
    code,
    (context, node) => {
      const keys = getLogFieldKeys(context, node);
      return keys === 'unknown' ? 'unknown' : [...keys].sort();
    },
    options,
  );
}

describe('getLogFieldKeys: which fields a log call carries', () => {
  it('reads pino merging objects, winston meta, Nest object messages', () => {
    const results = keysOf(
      [
        "logger.warn({ ip: req.ip, reason: 'x' }, 'denied');",
        "logger.error('failed', { ip, userId: user.id });",
        "this.logger.warn({ message: 'denied', ip: req.ip });",
        "logger.info('plain');",
      ].join('\n'),
    );
    expect(callResult(results, "logger.warn({ ip: req.ip, reason: 'x' }, 'denied')")).toEqual(['ip', 'reason']);
    expect(callResult(results, "logger.error('failed', { ip, userId: user.id })")).toEqual(['ip', 'userId']);
    expect(callResult(results, "this.logger.warn({ message: 'denied', ip: req.ip })")).toEqual(['ip', 'message']);
    expect(callResult(results, "logger.info('plain')")).toEqual([]);
  });

  it('adds the bindings of a child logger, through a variable or inline', () => {
    const results = keysOf(
      [
        'const base = logger.child({ service: "auth" });',
        'const log = base.child({ ip: req.ip });',
        "log.warn({ reason: 'x' }, 'denied');",
        "logger.child({ userId }).info('ok');",
      ].join('\n'),
    );
    expect(callResult(results, "log.warn({ reason: 'x' }, 'denied')")).toEqual(['ip', 'reason', 'service']);
    expect(callResult(results, "logger.child({ userId }).info('ok')")).toEqual(['userId']);
  });

  it("counts the client address as carried by a framework's request logger", () => {
    const results = keysOf(["req.log.warn({ reason: 'x' }, 'denied');", "request.log.info('ok');", "ctx.log.warn('denied');", "res.log.warn('denied');"].join('\n'));
    expect(callResult(results, "req.log.warn({ reason: 'x' }, 'denied')")).toEqual(['ip', 'reason']);
    expect(callResult(results, "request.log.info('ok')")).toEqual(['ip']);
    expect(callResult(results, "ctx.log.warn('denied')")).toEqual(['ip']);
    expect(callResult(results, "res.log.warn('denied')")).toEqual([]);
  });

  it('names interpolated and positional values by their label or their own name', () => {
    const results = keysOf(
      [
        'console.warn(`Login failed reason=${why} from ${req.ip}`);',
        "console.warn('denied ' + req.ip);",
        "console.warn('denied for', username);",
      ].join('\n'),
    );
    expect(callResult(results, 'console.warn(`Login failed reason=${why} from ${req.ip}`)')).toEqual(['ip', 'reason']);
    expect(callResult(results, "console.warn('denied ' + req.ip)")).toEqual(['ip']);
    expect(callResult(results, "console.warn('denied for', username)")).toEqual(['username']);
  });

  it('answers unknown where an argument may carry any key, or the call is no plain logger call', () => {
    const results = keysOf(
      [
        "logger.warn({ ...fields }, 'denied');",
        "logger.warn({ [key]: value }, 'denied');",
        'const meta = build(req);',
        "logger.warn(meta, 'denied');",
        "logger.child(bindings).warn('denied');",
        "auditDenied(req, 'forbidden');",
      ].join('\n'),
      { settings: { 'security-logging': { logFunctions: ['auditDenied'] } } },
    );
    expect(callResult(results, "logger.warn({ ...fields }, 'denied')")).toBe('unknown');
    expect(callResult(results, "logger.warn({ [key]: value }, 'denied')")).toBe('unknown');
    expect(callResult(results, "logger.warn(meta, 'denied')")).toBe('unknown');
    expect(callResult(results, "logger.child(bindings).warn('denied')")).toBe('unknown');
    expect(callResult(results, "auditDenied(req, 'forbidden')")).toBe('unknown');
  });

  it('missingLogFields lists what is missing, in the order required', () => {
    const results = probeCalls("logger.warn({ reason: 'x' }, 'denied');", (context, node) => missingLogFields(context, node, ['ip', 'reason', 'event']));
    expect(callResult(results, "logger.warn({ reason: 'x' }, 'denied')")).toEqual(['ip', 'event']);
  });
});

describe('identity-binding: which code ties the caller to the request logger', () => {
  function answers(code: string): { binds: string[]; assigns: string[]; customProps: boolean } {
    const binds: string[] = [];
    const assigns: string[] = [];
    let customProps = false;
    probe(
      code,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (bindsIdentity(context, node)) binds.push(context.sourceCode.getText(node));
        },
        AssignmentExpression(node: TSESTree.AssignmentExpression) {
          if (bindsIdentity(context, node)) binds.push(context.sourceCode.getText(node));
          if (isIdentityAssignment(node)) assigns.push(context.sourceCode.getText(node.left));
        },
        Property(node: TSESTree.Property) {
          if (isIdentityCustomProps(context, node)) customProps = true;
        },
      }),
      { ts: true },
    );
    return { binds, assigns, customProps };
  }

  it('recognises child rebinding, setBindings, nestjs-pino assign with an identity', () => {
    const { binds } = answers(
      [
        'req.log = req.log.child({ userId: req.user.id });',
        'request.log.setBindings({ userId: user.sub });',
        'this.logger.assign({ apiKeyId: key.id });',
        'req.log = req.log.child({ requestId: req.id });',
        'Object.assign(target, { userId });',
        'request.log.setBindings({ orgId: org.id });',
      ].join('\n'),
    );
    expect(binds).toEqual(['req.log = req.log.child({ userId: req.user.id })', 'request.log.setBindings({ userId: user.sub })', 'this.logger.assign({ apiKeyId: key.id })']);
  });

  it('counts an AsyncLocalStorage store only when a pino mixin in the file reads it', () => {
    const withMixin = answers(['const als = new AsyncLocalStorage();', 'const logger = pino({ mixin: () => als.getStore() });', 'als.run({ userId: user.id }, () => next());'].join('\n'));
    expect(withMixin.binds).toEqual(['als.run({ userId: user.id }, () => next())']);
    const without = answers(['const als = new AsyncLocalStorage();', 'als.run({ userId: user.id }, () => next());'].join('\n'));
    expect(without.binds).toEqual([]);
  });

  it('reads identity assignments on the request and customProps reading the user', () => {
    const { assigns, customProps } = answers(
      ['req.user = payload;', 'ctx.state.user = user;', 'res.locals.user = user;', 'req.body = parsed;', 'config.user = name;', 'pinoHttp({ customProps: (req) => ({ userId: req.user?.id }) });'].join('\n'),
    );
    expect(assigns).toEqual(['req.user', 'ctx.state.user', 'res.locals.user']);
    expect(customProps).toBe(true);
    expect(answers("pinoHttp({ customProps: () => ({ service: 'api' }) });").customProps).toBe(false);
  });
});

describe('fileHasRequestLogger', () => {
  function has(code: string, request = 'req'): boolean {
    let answer = false;
    probe(code, (context) => ({ Program: () => void (answer = fileHasRequestLogger(context, request)) }));
    return answer;
  }

  it('is a call through the request logger, or a request-logger package the file sets up', () => {
    expect(has("app.use((req, res, next) => { req.log.info('hi'); next(); });")).toBe(true);
    expect(has('req.log = req.log.child({ userId });')).toBe(true);
    expect(has("import pinoHttp from 'pino-http';")).toBe(true);
    // passport's req.login / req.logout name no logger
    expect(has('req.login(user, (err) => next(err));')).toBe(false);
    expect(has("req.logout(() => res.redirect('/'));")).toBe(false);
  });
});

describe('identityStoringStep', () => {
  function steps(code: string): (string | null)[] {
    const out: (string | null)[] = [];
    probe(code, (context) => ({
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const fn = getEnclosingFunction(node);
        if (fn && isIdentityAssignment(node)) out.push(identityStoringStep(context, fn, node)?.kind ?? null);
      },
    }));
    return out;
  }
  const middleware = "function authenticate(req, res, next) { const payload = jwt.verify(req.headers.authorization, key); req.user = payload; next(); }";

  it('an auth middleware storing the caller, in a file with a request logger', () => {
    expect(steps(`import pinoHttp from 'pino-http';\n${middleware}`)).toEqual(['middleware']);
  });
  it('no request logger in the file: nothing to bind to', () => {
    expect(steps(middleware)).toEqual([null]);
  });
  it('a function that is no auth step', () => {
    expect(steps("import pinoHttp from 'pino-http';\nfunction setUser(u) { req.user = u; }")).toEqual([null]);
  });
});
