import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_CLASS, isInternalErrorClass, isTextValue, unknownErrorOf } from '../../src/model/unknown-errors.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

/** For the first argument of every `send(…)` call: the name of the caught error it is, or null. */
function errorsSent(code: string, options: ProbeOptions = {}): (string | null)[] {
  const out: (string | null)[] = [];
  probe(
    code,
    (context) => ({
      'CallExpression[callee.name="send"]'(node: TSESTree.CallExpression) {
        const arg = node.arguments[0] as TSESTree.Identifier;
        out.push(unknownErrorOf(context, arg)?.name ?? null);
      },
    }),
    options,
  );
  return out;
}

describe('unknownErrorOf', () => {
  it("a body parser's callback and a response builder's callback receive no caught error; other callbacks do", () => {
    expect(
      errorsSent(`
        const bodyParser = require('body-parser');
        const parseJson = bodyParser.json({ limit: '1mb' });
        parseJson(req, res, (err) => { send(err); });
        const childRes = util.createSubResponse((err) => { send(err); });
        upload(req, res, (err) => { send(err); });
        handleResponse((err) => { send(err); });
      `),
    ).toEqual([null, null, 'err', 'err']);
  });

  it("a class field set to a body parser, called with a callback (deepstream's HTTP service)", () => {
    expect(
      errorsSent(`
        import bodyParser from 'body-parser';
        class Service {
          constructor() { this.jsonBodyParser = bodyParser.json({ inflate: true }); this.other = makeParser(); }
          handle(req, res) {
            this.jsonBodyParser(req, res, (err) => { send(err); });
            this.other(req, res, (err) => { send(err); });
          }
        }
      `),
    ).toEqual([null, 'err']);
  });

  it('catch bindings, Express error-handler errors, rejection handlers, helpers given the response, const aliases', () => {
    expect(
      errorsSent(`
        try { await db.query(sql); } catch (err) { send(err); }
        app.use((err, req, res, next) => { send(err); });
        fetchUser().catch((e) => send(e));
        function sendError(res, error) { send(error); }
        try { run(); } catch (caught) { const e = caught; send(e); }
      `),
    ).toEqual(['err', 'err', 'e', 'error', 'caught']);
  });

  it("a same-file helper's error parameter that a catch, an 'error' listener or a rejection handler fills (issue 18)", () => {
    expect(
      errorsSent(`
        const abortWithError = (err) => { send(err); };
        try { fs.mkdirSync(dir); } catch (caught) { abortWithError(caught); }
        function onStreamError(error) { send(error); }
        stream.on('error', onStreamError);
        function fail(ex) { send(ex); }
        upload().then(done, fail);
        function onClose(err) { send(err); }
        stream.on('close', onClose);
        function reject(err) { send(err); }
        reject(new Error('Invalid upload token'));
      `),
    ).toEqual(['err', 'error', 'ex', null, null]);
  });

  it('not errors the app made, text a helper was given, or a destructured catch', () => {
    expect(
      errorsSent(
        `
        const err = new Error('x'); send(err);
        function fail(res, error: string) { send(error); }
        function sendError(res, error: AppError) { send(error); }
        try { run(); } catch ({ message }) { send(message); }
        function notify(user, error) { send(error); }
      `,
        { ts: true },
      ),
    ).toEqual([null, null, null, null, null]);
  });

  it('a Nest filter for client exceptions only catches errors written for the client', () => {
    expect(
      errorsSent(
        `
        import { Catch, ArgumentsHost, HttpException } from '@nestjs/common';
        @Catch(HttpException) export class A { catch(exception: HttpException, host: ArgumentsHost) { send(exception); } }
        @Catch() export class B { catch(exception: unknown, host: ArgumentsHost) { send(exception); } }
      `,
        { ts: true },
      ),
    ).toEqual([null, 'exception']);
  });
});

describe('isInternalErrorClass', () => {
  it.each(['Error', 'TypeError', 'MongoServerError', 'Prisma.PrismaClientKnownRequestError', 'SequelizeValidationError', 'AxiosError'])('%s carries internals', (name) => {
    expect(isInternalErrorClass(name)).toBe(true);
  });
  it.each(['ValidationError', 'HttpException', 'errors.NotFoundError', 'Parse.Error', 'AppError'])('%s is written for the client', (name) => {
    expect(isInternalErrorClass(name)).toBe(false);
  });
  it('INTERNAL_ERROR_CLASS matches built-ins and database error names', () => {
    expect(INTERNAL_ERROR_CLASS.test('RangeError')).toBe(true);
    expect(INTERNAL_ERROR_CLASS.test('BadRequestError')).toBe(false);
  });
});

describe('isTextValue', () => {
  /** isTextValue of the first argument of every `send(…)`. */
  function texts(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, (context) => ({
      'CallExpression[callee.name="send"]'(node: TSESTree.CallExpression) {
        out.push(isTextValue(context, node.arguments[0]!));
      },
    }));
    return out;
  }
  it('literals, templates without a caught error, translations', () => {
    expect(texts("send('Invalid email'); send(`Missing ${field}`); send(t('errors.notFound')); send(req.t('x')); send(i18n.__('x'))")).toEqual([true, true, true, true, true]);
  });
  it('a caught error in a template, variables and other calls are not text', () => {
    expect(texts('try {} catch (err) { send(`Failed: ${err.message}`); send(message); send(format(err)); send(42) }')).toEqual([false, false, false, false]);
  });
});
