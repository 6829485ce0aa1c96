import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { classifyErrorMention, classifyErrorUse, getBoundVariables, isHandoffCall, isInspectionCall, passesNewError, readsAny, thrownClassName } from '../../src/model/errors.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

describe('isHandoffCall', () => {
  const code = `
    next(err);
    next(new Error('boom'));
    done(e);
    cb(error);
    callback(createError(500));
    reject(e);
    onError(e);
    this.handleError(e);
    options.onError(err);
    errorHandler(e);
    emitter.emit('error', e);
    stream.emit("error", err);
    Promise.reject(e);
    ctx.throw(401, 'no');
    generator.throw(e);
    next();
    next(null);
    next(undefined);
    done();
    cb(null, result);
    emitter.emit('data', e);
    emitter.emit(eventName, e);
    resolve(e);
    res.send(e);
    next('route');
    next('router');
    subscriber.next(value);
    iterator.next(input);
    handle(e);
  `;
  const result = probeCalls(code, (_context, node) => isHandoffCall(node));
  it.each([
    'next(err)',
    "next(new Error('boom'))",
    'done(e)',
    'cb(error)',
    'callback(createError(500))',
    'reject(e)',
    'onError(e)',
    'this.handleError(e)',
    'options.onError(err)',
    'errorHandler(e)',
    "emitter.emit('error', e)",
    'stream.emit("error", err)',
    'Promise.reject(e)',
    "ctx.throw(401, 'no')",
    'generator.throw(e)',
  ])('%s hands the error on', (text) => {
    expect(callResult(result, text)).toBe(true);
  });
  it.each([
    ['next()', 'nothing passed'],
    ['next(null)', 'null passed'],
    ['next(undefined)', 'undefined passed'],
    ['done()', 'nothing passed'],
    ['cb(null, result)', 'success callback'],
    ["emitter.emit('data', e)", 'not the error event'],
    ['emitter.emit(eventName, e)', 'unknown event'],
    ['resolve(e)', 'resolving is not rejecting'],
    ['res.send(e)', 'a response, not a hand-off'],
    ["next('route')", 'Express: skip to the next route, no error'],
    ["next('router')", 'Express: leave the router, no error'],
    ['subscriber.next(value)', 'an observable emitting a value'],
    ['iterator.next(input)', 'an iterator step'],
    ['handle(e)', 'unknown function'],
  ])('%s does not (%s)', (text) => {
    expect(callResult(result, text)).toBe(false);
  });
});

describe('passesNewError', () => {
  const code = `
    a(new Error('x'));
    a(new TypeError('x'));
    a(new errors.NotFoundError());
    a(new HttpException('x', 500));
    a(new UnauthorizedException());
    a(createError(401));
    a(createHttpError(403, 'no'));
    a(httpErrors.NotFound());
    a(httpError.Unauthorized());
    a(Boom.unauthorized('x'));
    a(null, new Error('second'));
    a(err);
    a(e.message);
    a(new Map());
    a(new ErrorBoundary());
    a(wrapError(e));
    a({ error: new Error('x') });
    a();
  `;
  const result = probeCalls(code, (_context, node) => (node.callee.type === 'Identifier' && node.callee.name === 'a' ? passesNewError(node.arguments) : null));
  it.each([
    "a(new Error('x'))",
    "a(new TypeError('x'))",
    'a(new errors.NotFoundError())',
    "a(new HttpException('x', 500))",
    'a(new UnauthorizedException())',
    'a(createError(401))',
    "a(createHttpError(403, 'no'))",
    'a(httpErrors.NotFound())',
    'a(httpError.Unauthorized())',
    "a(Boom.unauthorized('x'))",
    "a(null, new Error('second'))",
  ])('%s passes a new error', (text) => {
    expect(callResult(result, text)).toBe(true);
  });
  it.each(['a(err)', 'a(e.message)', 'a(new Map())', 'a(new ErrorBoundary())', 'a(wrapError(e))', "a({ error: new Error('x') })", 'a()'])(
    '%s does not',
    (text) => {
      expect(callResult(result, text)).toBe(false);
    },
  );

  it('sees through TypeScript wrappers', () => {
    const ts = probeCalls("a(new Error('x') as unknown as Error); a(<Error>new AppError()); a(createError(500)!);", (_c, node) => passesNewError(node.arguments), { ts: true });
    expect(callResult(ts, "a(new Error('x') as unknown as Error)")).toBe(true);
    expect(callResult(ts, 'a(<Error>new AppError())')).toBe(true);
    expect(callResult(ts, 'a(createError(500)!)')).toBe(true);
  });
});

describe('isInspectionCall', () => {
  const code = `
    isAxiosError(e);
    axios.isAxiosError(e);
    e.hasOwnProperty('code');
    String(e);
    JSON.stringify(e);
    util.inspect(e);
    Object.keys(e);
    e.message.includes('timeout');
    /ECONN/.test(e.code);
    getErrorMessage(e);
    getStatusCode(e);
    logger.error(e);
    next(e);
    getUser(e);
    island(e);
    isolate(e);
  `;
  const result = probeCalls(code, (_context, node) => isInspectionCall(node));
  it.each([
    'isAxiosError(e)',
    'axios.isAxiosError(e)',
    "e.hasOwnProperty('code')",
    'String(e)',
    'JSON.stringify(e)',
    'util.inspect(e)',
    'Object.keys(e)',
    "e.message.includes('timeout')",
    'getErrorMessage(e)',
    'getStatusCode(e)',
  ])('%s only inspects', (text) => {
    expect(callResult(result, text)).toBe(true);
  });
  it.each(['logger.error(e)', 'next(e)', 'getUser(e)', 'island(e)', 'isolate(e)'])('%s is not an inspection', (text) => {
    expect(callResult(result, text)).toBe(false);
  });
  it('decides by the method when the object has no static path', () => {
    const result = probeCalls(
      "/ECONN/.test(e.code); ['ENOENT', 'EEXIST'].includes(e.code); String(e).startsWith('x'); fns[0](e); make().send(e);",
      (_context, node) => isInspectionCall(node),
    );
    expect(callResult(result, '/ECONN/.test(e.code)')).toBe(true);
    expect(callResult(result, "['ENOENT', 'EEXIST'].includes(e.code)")).toBe(true);
    expect(callResult(result, "String(e).startsWith('x')")).toBe(true);
    expect(callResult(result, 'fns[0](e)')).toBe(false);
    expect(callResult(result, 'make().send(e)')).toBe(false);
  });
});

describe('getBoundVariables', () => {
  /** Names bound by every catch parameter and by the first parameter of every function, in order. */
  function bound(code: string, options: ProbeOptions = {}): string[][] {
    const out: string[][] = [];
    const names = (vars: { name: string }[]) => vars.map((v) => v.name);
    probe(
      code,
      (context) => ({
        CatchClause(node: TSESTree.CatchClause) {
          out.push(names(getBoundVariables(context, node.param)));
        },
        'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(node: TSESTree.FunctionLike) {
          out.push(names(getBoundVariables(context, node.params[0])));
        },
      }),
      options,
    );
    return out;
  }

  it('a plain catch parameter', () => {
    expect(bound('try { a() } catch (e) {}')).toEqual([['e']]);
  });
  it('no catch parameter', () => {
    expect(bound('try { a() } catch {}')).toEqual([[]]);
  });
  it('object and array destructuring, defaults and rest', () => {
    expect(bound('try { a() } catch ({ message, code: c, details: { status } = {} }) {}')).toEqual([['message', 'c', 'status']]);
    expect(bound('try { a() } catch ([first, , ...rest]) {}')).toEqual([['first', 'rest']]);
  });
  it('only the first parameter of a handler, not its siblings or its name', () => {
    expect(bound('function onError(err, req, res, next) {}')).toEqual([['err']]);
    expect(bound('const h = ({ error, status = 500 }, ctx) => {};')).toEqual([['error', 'status']]);
    expect(bound('const h = (err = new Error()) => {};')).toEqual([['err']]);
    expect(bound('const h = () => {};')).toEqual([[]]);
  });
  it('a typed catch parameter in TypeScript', () => {
    expect(bound('try { a() } catch (e: unknown) {}', { ts: true })).toEqual([['e']]);
  });
});

describe('readsAny', () => {
  /** For each statement of every catch body: whether it reads the bound error variables. */
  function reads(code: string): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    probe(code, (context) => ({
      CatchClause(node: TSESTree.CatchClause) {
        const variables = getBoundVariables(context, node.param);
        for (const statement of node.body.body) out[context.sourceCode.getText(statement)] = readsAny(statement, variables);
      },
    }));
    return out;
  }

  it('finds reads, closures included, and ignores writes, shadows and other names', () => {
    const result = reads(`
      try { a() } catch (e) {
        log(e.message);
        other(x);
        setTimeout(() => report(e));
        e = null;
        [1].map((e) => e);
        const copy = { ...e };
        const e2 = 'e';
      }
    `);
    expect(result).toEqual({
      'log(e.message);': true,
      'other(x);': false,
      'setTimeout(() => report(e));': true,
      'e = null;': false,
      '[1].map((e) => e);': false,
      'const copy = { ...e };': true,
      "const e2 = 'e';": false,
    });
  });

  it('reads of destructured names count', () => {
    const result = reads('try { a() } catch ({ message, code }) { show(code); show(text); }');
    expect(result).toEqual({ 'show(code);': true, 'show(text);': false });
  });

  it('no variables means no reads', () => {
    let answer: boolean | undefined;
    probe('try { a() } catch { use(e); }', (context) => ({
      CatchClause(node: TSESTree.CatchClause) {
        answer = readsAny(node.body, getBoundVariables(context, node.param));
      },
    }));
    expect(answer).toBe(false);
  });
});

describe('classifyErrorMention', () => {
  /** The classification of every mention of `err` inside `log(...)`, in source order. */
  const mentions = (code: string, options: ProbeOptions = {}): string[] => {
    const out: string[] = [];
    const seen = new Set<number>();
    probe(
      code,
      () => ({
        Identifier(node: TSESTree.Identifier) {
          // A shorthand `{ err }` visits the same name as key and value: count it once.
          if (node.name !== 'err' || node.parent?.type === AST_NODE_TYPES_CATCH || seen.has(node.range[0])) return;
          seen.add(node.range[0]);
          const m = classifyErrorMention(node);
          out.push(m.kind === 'text' ? `text:${m.form}` : m.kind);
        },
      }),
      options,
    );
    return out;
  };
  const AST_NODE_TYPES_CATCH = 'CatchClause';

  it('keeps the stack for the object, its stack and its cause', () => {
    expect(mentions('try {} catch (err) { log(err); log({ err }); log(err.stack); log(err.cause) }')).toEqual(['whole', 'whole', 'whole', 'whole']);
  });

  it('keeps only the text for message, toString, templates, concatenation, String and JSON.stringify', () => {
    expect(
      mentions('try {} catch (err) { log(err.message); log(err.toString()); log(`x ${err}`); log("x" + err); log(String(err)); log(JSON.stringify(err)) }'),
    ).toEqual([
      'text:err.message',
      'text:err.toString()',
      'text:interpolated into a string',
      'text:concatenated into a string',
      'text:String(err)',
      'text:JSON.stringify(err), which prints {} for an Error',
    ]);
  });

  it('reads an instanceof test as a detail, and a fallback by where it goes (issue 18)', () => {
    expect(
      mentions('try {} catch (err) { log(err instanceof Error ? err.message : String(err)); log(`failed as ${err?.message || err}.`); log(err || "unknown"); log(`x ${ok ? err : "none"}`) }'),
    ).toEqual(['neutral', 'text:err.message', 'text:String(err)', 'text:err.message', 'text:interpolated into a string', 'whole', 'text:interpolated into a string']);
  });

  it('reads the error as the fallback of its own message as neutral where it would be the object, so the place gets the text (session 30)', () => {
    expect(
      mentions('try {} catch (err) { log("x", err?.message || err); const m = err?.message ? err?.message : err; log(err.message ? err.message : err); log(err.code || err) }'),
    ).toEqual(['text:err.message', 'neutral', 'text:err.message', 'text:err.message', 'neutral', 'text:err.message', 'text:err.message', 'neutral', 'neutral', 'whole']);
  });

  it('reads details beside the error as neutral, through TS wrappers', () => {
    expect(mentions('try {} catch (err) { log(err.code); log((err as Error).message) }', { ts: true })).toEqual(['neutral', 'text:err.message']);
  });
});

describe('classifyErrorUse: how log arguments use the caught error', () => {
  /** classifyErrorUse of every `log(…)` call's arguments, against the catch binding. */
  const uses = (code: string) => {
    const out: unknown[] = [];
    probe(code, (context) => ({
      'CallExpression[callee.name="log"]'(node: TSESTree.CallExpression) {
        let clause: TSESTree.Node | undefined = node.parent;
        while (clause && clause.type !== 'CatchClause') clause = clause.parent;
        const vars = getBoundVariables(context, (clause as TSESTree.CatchClause).param);
        out.push(classifyErrorUse(node.arguments, vars));
      },
    }));
    return out;
  };

  it('the object wins over its text; the text is named', () => {
    expect(uses('try {} catch (err) { log({ err }, err.message); log(`failed: ${err.message}`) }')).toEqual([
      { kind: 'whole' },
      { kind: 'text', form: 'err.message', name: 'err' },
    ]);
  });

  it('a log without the error, or with a detail only, does not use it', () => {
    expect(uses("try {} catch (err) { log('failed'); log(err.code) }")).toEqual([{ kind: 'none' }, { kind: 'none' }]);
  });
});

describe('thrownClassName', () => {
  it('the last name of the class a throw constructs; none for other throws', () => {
    const out: (string | null)[] = [];
    probe('function f() { throw new ValidationError("x"); throw new errors.BadRequest(); throw err; throw createError(400); throw new (getClass())(); }', () => ({
      ThrowStatement(node: TSESTree.ThrowStatement) {
        out.push(thrownClassName(node));
      },
    }));
    expect(out).toEqual(['ValidationError', 'BadRequest', null, null, null]);
  });
});
