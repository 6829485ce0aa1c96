import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isGuarded } from '../../src/model/error-exposure.js';
import { type Leak, collectLeaks } from '../../src/model/error-leaks.js';
import { getResponseSink } from '../../src/model/responses.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

/** For every response sink in `code`: its leaks as `form:use text`, and whether each is guarded. */
function leaksIn(code: string, options: ProbeOptions = {}): { leaks: string[]; guarded: boolean[] }[] {
  const out: { leaks: string[]; guarded: boolean[] }[] = [];
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const sink = getResponseSink(context, node);
        if (!sink) return;
        const leaks: Leak[] = [];
        for (const payload of sink.payload) collectLeaks(context, payload, sink, leaks);
        out.push({ leaks: leaks.map((l) => `${l.form}:${context.sourceCode.getText(l.use)}`), guarded: leaks.map((l) => isGuarded(context, l)) });
      },
    }),
    options,
  );
  return out;
}

describe('collectLeaks', () => {
  it('the message, the stack, the whole error and its text, through objects, fallbacks and variables', () => {
    const found = leaksIn(`
      app.get('/a', async (req, res) => {
        try { await db.query(sql); } catch (err) {
          res.status(500).json({ error: err.message });
          res.status(500).send(err.stack);
          res.status(500).json(err);
          res.status(500).send(\`Failed: \${err}\`);
          const message = err.message || 'Error';
          res.status(500).json({ message });
          res.status(500).json({ error: getErrorMessage(err) });
        }
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([
      ['message:err.message'],
      ['stack:err.stack'],
      ['whole:err'],
      ['string:`Failed: ${err}`'],
      ['message:message'],
      ['string:getErrorMessage(err)'],
    ]);
  });

  it("the app's other error-to-text helpers (errorToString, toErrorText), not one given a message key (issue 18)", () => {
    const found = leaksIn(`
      app.get('/e', async (req, res) => {
        try { await db.query(sql); } catch (err) {
          res.status(500).json({ error: errorToString(err) });
          res.status(500).send(toErrorText(err));
          res.status(400).json({ error: toErrorText('INVALID_INPUT') });
        }
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([['string:errorToString(err)'], ['string:toErrorText(err)'], []]);
  });

  it('an escaped message is still the message: htmlEscape, escapeHtml, he.encode, encodeURIComponent (issue 18)', () => {
    const found = leaksIn(`
      app.get('/a', async (req, res) => {
        try { await run(); } catch (keyErr) {
          res.send(\`<p>\${htmlEscape(keyErr.message)}</p>\`);
          res.send(escapeHtml(keyErr));
          res.send(he.encode(String(keyErr.stack)));
          res.send('/login?error=' + encodeURIComponent(keyErr.message));
          res.send(escapeHtml(req.query.name));
        }
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([['message:keyErr.message'], ['string:escapeHtml(keyErr)'], ['stack:keyErr.stack'], ['message:keyErr.message'], []]);
  });

  it('nothing for generic text, an error the app made, or Fastify reply.send(err)', () => {
    const found = leaksIn(`
      fastify.get('/b', async (request, reply) => {
        try { await db.query(sql); } catch (err) {
          reply.code(500).send({ error: 'Internal Server Error' });
          reply.send(err);
          const made = new Error('x');
          reply.code(500).send(made.message);
        }
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([[], [], []]);
  });
});

describe('isGuarded', () => {
  it('development-only branches, client-error flags and classes, 4xx statuses and validation catches are safe', () => {
    const found = leaksIn(`
      app.use((err, req, res, next) => {
        if (process.env.NODE_ENV === 'development') res.status(500).json({ stack: err.stack });
        if (err.expose) res.status(err.status).json({ error: err.message });
        if (err instanceof ValidationError) res.status(400).json({ error: err.message });
        if (err.statusCode < 500) res.status(err.statusCode).json({ error: err.message });
      });
      app.post('/c', (req, res) => {
        try { schema.parse(req.body); } catch (e) { res.status(400).json({ error: e.message }); }
      });
    `);
    expect(found.map((f) => f.guarded)).toEqual([[true], [true], [true], [true], [true]]);
  });

  it('a try that reaches nothing outside the process (answers from memory) is guarded; one that calls out is not (signalk)', () => {
    const found = leaksIn(`
      class WeatherApi {
        routes() {
          this.app.get('/providers/default', async (req, res) => {
            try { res.status(200).json({ id: this.defaultProviderId }); } catch (err) { res.status(400).json({ message: err.message }); }
          });
          this.app.get('/providers', async (req, res) => {
            try { const list = {}; this.providers.forEach((p, id) => { list[id] = p.name; }); res.status(200).json(list); } catch (err) { res.status(400).json({ message: err.message }); }
          });
          this.app.get('/forecasts', async (req, res) => {
            try { res.status(200).json(await this.useProvider().getForecasts(req.query)); } catch (err) { res.status(400).json({ message: err.message }); }
          });
        }
      }
    `);
    expect(found.filter((f) => f.leaks.length).map((f) => f.guarded)).toEqual([[true], [true], [false]]);
  });

  it('an error matched against a const list of client error classes is guarded; a list of built-ins is not (Strapi core)', () => {
    const code = (list: string) => `
      const listed = [${list}];
      app.use(async (req, res, next) => {
        try { await next(); } catch (error) {
          if (listed.some((C) => error instanceof C)) res.status(400).json({ message: error.message });
          if (listed.some((C) => { return error instanceof C; })) res.status(400).json({ message: error.message });
        }
      });`;
    expect(leaksIn(code('dbErrors.InvalidTimeError, dbErrors.InvalidRelationError')).map((f) => f.guarded)).toEqual([[true], [true]]);
    expect(leaksIn(code('TypeError, dbErrors.InvalidRelationError')).map((f) => f.guarded)).toEqual([[false], [false]]);
    expect(leaksIn(code('QueryFailedError')).map((f) => f.guarded)).toEqual([[false], [false]]);
  });

  it("an all-lowercase error name of the app's own is a client-error test, a built-in's is not (etherpad's 'apierror')", () => {
    const code = (name: string) => `app.get('/a', async (req, res) => { try { await api(); } catch (err) { if (err.name === '${name}') res.status(400).json({ message: err.message }); } });`;
    expect(leaksIn(code('apierror')).map((f) => f.guarded)).toEqual([[true]]);
    expect(leaksIn(code('typeerror')).map((f) => f.guarded)).toEqual([[false]]);
    expect(leaksIn(code('error')).map((f) => f.guarded)).toEqual([[false]]);
  });

  it('production branches, internal error classes and unguarded sends are not', () => {
    const found = leaksIn(`
      app.use((err, req, res, next) => {
        if (process.env.NODE_ENV === 'production') res.status(500).json({ error: err.message });
        if (err instanceof TypeError) res.status(500).json({ error: err.message });
        if (err.statusCode >= 500) res.status(500).json({ error: err.message });
        res.status(500).json({ error: err.message });
      });
      app.post('/d', async (req, res) => {
        try { await db.insert(req.body); } catch (e) { res.status(500).json({ error: e.message }); }
      });
    `);
    expect(found.map((f) => f.guarded)).toEqual([[false], [false], [false], [false], [false]]);
  });

  it('instanceof SyntaxError guards only a try that parses what the client sent, not one around await next() (issue 18)', () => {
    const found = leaksIn(`
      app.post('/import', (req, res) => {
        try { JSON.parse(req.body.payload); } catch (err) {
          if (err instanceof SyntaxError) res.status(400).json({ error: err.message });
        }
      });
      app.use(async (ctx, next) => {
        try { await next(); } catch (err) {
          if (err instanceof SyntaxError) ctx.res.end(err.message);
        }
      });
      app.post('/load', async (req, res) => {
        try { await loadConfig(req.body.name); } catch (err) {
          if (err instanceof SyntaxError) res.status(400).json({ error: err.message });
        }
      });
    `);
    expect(found.map((f) => f.guarded)).toEqual([[true], [false], [false]]);
  });
});

describe('collectLeaks: composed payloads', () => {
  it('Object.assign sources, a template filled by .replace(), a template engine render call', () => {
    const found = leaksIn(`
      const ejs = require('ejs');
      app.get('/a', async (req, res) => {
        try { await db.query(sql); } catch (err) {
          res.status(500).json(Object.assign({ error: err.message }, err.details));
          res.status(500).send(page.replace(/{{ERROR_BODY}}/g, escapeHtml(err.message)));
          res.status(500).send(ejs.render(template, { stack: err.stack }));
        }
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([['message:err.message'], ['message:err.message'], ['stack:err.stack']]);
  });

  it("not the app's own text in the same shapes, nor a render function of an unknown module", () => {
    const found = leaksIn(`
      app.get('/a', async (req, res) => {
        try { await db.query(sql); } catch (err) {
          res.status(500).json(Object.assign({ error: 'Internal error' }, { id: req.id }));
          res.status(500).send(page.replace(/{{ERROR_BODY}}/g, 'Something went wrong'));
          res.status(500).send(renderPage(template, { message: err.message }));
        }
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([[], [], []]);
  });
});

describe("collectLeaks: a variable's own earlier value in a write", () => {
  it('`message = responseObj.message || message` in a client-error branch does not lend its guard to the unknown error written on another branch', () => {
    const found = leaksIn(`
      app.use((exception, req, res, next) => {
        let message = 'Internal server error';
        if (exception instanceof HttpException) {
          const responseObj = exception.getResponse();
          message = responseObj.message || message;
        } else if (exception instanceof Error) {
          message = exception.message;
        }
        res.status(500).json({ message });
      });
    `);
    expect(found.map((f) => f.leaks)).toEqual([['message:message']]);
    expect(found.map((f) => f.guarded)).toEqual([[false]]);
  });
});
